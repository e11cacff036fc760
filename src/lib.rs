//! Atelier NR, the browser app: a guided wizard over the ANCT kit « approche territoriale au
//! Numérique responsable », storing its plan in IndexedDB.
//!
//! Map: `route` (URL fragment ↔ screen), `state` (signals + commands; the only caller of
//! `storage`), `storage` (IndexedDB), `browser` (files, downloads, ids, clock), `ui` (one folder
//! per wizard step). The domain lives in the `atelier-core` crate. See ARCHITECTURE.md.

pub mod browser;
pub mod offline;
pub mod parts;
pub mod route;
pub mod state;
pub mod storage;
pub mod sync;
pub mod texts;
pub mod ui;

/// Loads the display language's texts, then mounts the app on `<body>`. If the texts cannot
/// be had, the page shows the bilingual message that `index.html` keeps hidden for that case.
pub fn run() {
    console_error_panic_hook::set_once();
    // Leptos's own `spawn_local` panics before the app is mounted; this one does not.
    wasm_bindgen_futures::spawn_local(async {
        if texts::load_first(ui::lang::remembered()).await.is_err() {
            browser::show_boot_failure();
            return;
        }
        leptos::mount::mount_to_body(ui::App);
    });
}
