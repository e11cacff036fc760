//! Working offline: registers the service worker (`sw.js`, generated at build time, see
//! `assets/service-worker.js`), tells the app when a new version is waiting, applies it when
//! the user chooses, and asks the browser to keep the data (`navigator.storage.persist()`).

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

/// Registers the service worker; `update_ready` turns true when a new version is installed
/// and waiting for the user's go-ahead. Without service workers (plain http, old browser)
/// the app simply stays online-only.
///
/// Called once the first screen is interactive, so that the worker's downloads never compete
/// with it; once the worker runs, it is asked to fetch the parts not downloaded yet ("warm"),
/// in the background, so that every screen works offline afterwards.
pub fn register(update_ready: RwSignal<bool>) {
    let Some(container) = container() else { return };
    let promise = container.register("./sw.js");
    let ready = container.ready();
    spawn_local(async move {
        if let Ok(ready) = ready {
            spawn_local(async move {
                if let Some(reg) = registration(JsFuture::from(ready).await) {
                    if let Some(active) = reg.active() {
                        let _ = active.post_message(&JsValue::from_str("warm"));
                    }
                }
            });
        }
        let Some(reg) = registration(JsFuture::from(promise).await) else {
            return;
        };
        // A version may already be waiting (installed during an earlier visit).
        if reg.waiting().is_some() && controlled() {
            update_ready.set(true);
        }
        let watched = reg.clone();
        let on_found = Closure::<dyn FnMut()>::new(move || {
            let Some(worker) = watched.installing() else {
                return;
            };
            let seen = worker.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                // « installed » with a page already controlled: an update, not a first install.
                if seen.state() == ServiceWorkerState::Installed && controlled() {
                    update_ready.set(true);
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

/// A registration, checked: some browsers and automation tools that turn service workers
/// off resolve `register()` with `undefined` instead of failing.
fn registration(answer: Result<JsValue, JsValue>) -> Option<ServiceWorkerRegistration> {
    answer.ok()?.dyn_into().ok()
}

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    // `navigator.serviceWorker` is undefined outside secure contexts.
    let navigator = window().navigator();
    let has =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    has.then(|| navigator.service_worker())
}

/// Whether a service worker already serves this page (the app works offline).
pub fn controlled() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

/// Activates the waiting version and reloads once it has taken over. Called only when no
/// write is pending, so nothing typed is lost.
pub fn apply_update() {
    let Some(container) = container() else { return };
    let on_change = Closure::<dyn FnMut()>::new(|| {
        let _ = window().location().reload();
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    spawn_local(async move {
        let Some(reg) = registration(JsFuture::from(container.get_registration()).await) else {
            return;
        };
        match reg.waiting() {
            Some(waiting) => {
                let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
            }
            None => {
                let _ = window().location().reload();
            }
        }
    });
}

/// What the browser says about keeping this site's data.
#[derive(Clone, Debug, PartialEq)]
pub struct StorageState {
    /// `Some(true)` when the browser promised not to evict the data on its own.
    pub persisted: Option<bool>,
    /// Bytes used and available to the site, if the browser tells.
    pub usage: Option<(f64, f64)>,
}

/// Reads the storage state.
pub async fn storage_state() -> StorageState {
    let manager = window().navigator().storage();
    let persisted = match manager.persisted() {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_bool()),
        Err(_) => None,
    };
    let usage = match manager.estimate() {
        Ok(p) => JsFuture::from(p).await.ok().map(|e| {
            let e: web_sys::StorageEstimate = e.unchecked_into();
            (e.get_usage().unwrap_or(0.0), e.get_quota().unwrap_or(0.0))
        }),
        Err(_) => None,
    };
    StorageState { persisted, usage }
}

/// Asks the browser to keep the data even when space runs low; returns its answer.
pub async fn ask_persistence() -> Option<bool> {
    let promise = window().navigator().storage().persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}
