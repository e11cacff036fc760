//! Atelier NR, the browser app: a guided wizard over the ANCT kit « approche territoriale au
//! Numérique responsable », storing its plan in IndexedDB.
//!
//! Map: `route` (URL fragment ↔ screen), `state` (signals + commands; the only caller of
//! `storage`), `storage` (IndexedDB), `browser` (files, downloads, ids, clock), `ui` (one folder
//! per wizard step). The domain lives in the `atelier-core` crate. See ARCHITECTURE.md.

pub mod browser;
pub mod offline;
pub mod route;
pub mod state;
pub mod storage;
pub mod sync;
pub mod ui;

/// Mounts the app on `<body>`.
pub fn run() {
    console_error_panic_hook::set_once();
    // Mount first: spawning tasks before mounting panics in Leptos 0.8.
    leptos::mount::mount_to_body(ui::App);
}
