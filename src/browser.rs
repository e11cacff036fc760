//! Thin wrappers over browser APIs the app needs: random ids, the clock, reading a picked
//! file, offering a download, local settings. Views call these instead of `web-sys` directly.

use atelier_core::i18n::tf;
use atelier_core::{Id, IdGen};
use chrono::{DateTime, NaiveDate, Utc};
use gloo_storage::{LocalStorage, SessionStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Ids from the clock and `crypto.getRandomValues` (see [`new_id`]).
pub struct BrowserIds;

impl IdGen for BrowserIds {
    fn new_id(&mut self) -> Id {
        new_id()
    }
}

thread_local! {
    /// The last millisecond given to an id: each new id takes a later one, so that ids made
    /// in the same millisecond (an import) still sort in creation order.
    static LAST_MILLIS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A fresh id that sorts after every id made before it in this page (UUID v7: time, then
/// random bits), so records come back from storage in the order they were created.
pub fn new_id() -> Id {
    let bytes = random_bytes::<10>();
    let millis = LAST_MILLIS.with(|last| {
        let next = (js_sys::Date::now() as u64).max(last.get() + 1);
        last.set(next);
        next
    });
    Id::from_millis_and_random(millis, bytes)
}

/// Random bytes from `crypto.getRandomValues` (`Math.random` without Web Crypto).
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    let crypto = web_sys::window().and_then(|w| w.crypto().ok());
    match crypto {
        Some(c) if c.get_random_values_with_u8_array(&mut bytes).is_ok() => {}
        _ => bytes
            .iter_mut()
            .for_each(|b| *b = (js_sys::Math::random() * 256.0) as u8),
    }
    bytes
}

/// Now and this device, as a change's tick (see [`atelier_core::merge::Tick`]).
pub fn tick() -> atelier_core::merge::Tick {
    atelier_core::merge::Tick {
        at: now(),
        by: settings::device(),
    }
}

/// Now, in UTC.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Today's date in UTC.
pub fn today() -> NaiveDate {
    now().date_naive()
}

/// Reads a picked file whole. Errors: a French message naming the file.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| tf("state.file.unreadable", &[("name", &file.name())]))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The body of a same-origin file (`url` relative to the page), or `None` if it cannot be had
/// (offline and not cached, missing, server error). `fresh` bypasses every cache, the
/// service worker's included.
pub async fn fetch_text(url: &str, fresh: bool) -> Option<String> {
    let init = web_sys::RequestInit::new();
    if fresh {
        init.set_cache(web_sys::RequestCache::NoStore);
    }
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// Replaces the browser's IndexedDB, for this page only, by an in-memory one (fake-indexeddb,
/// copied into the build as `memory-db/` by `.ci/post-build.mjs`): where IndexedDB cannot be
/// opened (some private windows) the app still works, keeping nothing after the tab closes.
/// A module script of the page's own origin, allowed by its CSP. Errors: it could not be
/// loaded (offline and never fetched, or a build without it).
pub async fn install_memory_db() -> Result<(), ()> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(())?;
    let script: web_sys::HtmlScriptElement = document
        .create_element("script")
        .map_err(drop)?
        .unchecked_into();
    script.set_type("module"); // i18n: not UI
    script.set_src("memory-db/auto/index.mjs"); // i18n: not UI
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
    });
    document
        .head()
        .ok_or(())?
        .append_child(&script)
        .map_err(drop)?;
    JsFuture::from(loaded).await.map(drop).map_err(drop)
}

/// What the build wrote in `<meta name="atelier-build">`: its id (`key` `"build"`), or a file
/// it names (`key=file`, e.g. `fr-first=locale-fr-first-<hash>.json`). `None` when the page
/// has no such element (a page not built by the post-build hook) or no such key.
pub fn build_file(key: &str) -> Option<String> {
    let content = web_sys::window()?
        .document()?
        .query_selector("meta[name=atelier-build]")
        .ok()??
        .get_attribute("content")?;
    let mut words = content.split_whitespace();
    let id = words.next()?;
    if key == "build" {
        return Some(id.to_owned());
    }
    words
        .filter_map(|w| w.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, file)| file.to_owned())
}

/// Shows the message `index.html` keeps for a start that failed (`#boot-failed`): written
/// there in both languages, since without its texts the app cannot speak.
pub fn show_boot_failure() {
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot-failed"));
    if let Some(element) = found {
        let _ = element.remove_attribute("hidden");
    }
}

/// Bytes `start..end` of a picked file (a big file is read slice by slice, so that the page
/// stays responsive and memory holds one slice at a time). Errors: a message naming the file.
pub async fn read_slice(file: &web_sys::File, start: f64, end: f64) -> Result<Vec<u8>, String> {
    let unreadable = || tf("state.file.unreadable", &[("name", &file.name())]);
    let slice = file
        .slice_with_f64_and_f64(start, end)
        .map_err(|_| unreadable())?;
    let buffer = JsFuture::from(slice.array_buffer())
        .await
        .map_err(|_| unreadable())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The day a picked file was last modified (UTC), if the browser says.
pub fn file_day(file: &web_sys::File) -> Option<NaiveDate> {
    DateTime::from_timestamp_millis(file.last_modified() as i64).map(|t| t.date_naive())
}

/// The first file of an `<input type="file">` change event, if any.
pub fn picked_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0);
    // Reset so that picking the same file again fires `change` again.
    input.set_value("");
    file
}

/// Offers `contents` as a download named `name`.
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), JsValue> {
    offer(name, mime, &JsValue::from_str(contents))
}

/// Offers `bytes` (a workbook, a document) as a download named `name`.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    offer(name, mime, &js_sys::Uint8Array::from(bytes))
}

fn offer(name: &str, mime: &str, contents: &JsValue) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(contents);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoking at once can cancel the download in some browsers: give it a minute.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// Gives the page a turn: resolves on a later task (`setTimeout` 0), after the browser has
/// handled pending input and, when due, painted. Long work awaits it between slices so that
/// no task runs long enough to freeze the page.
pub async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        leptos::prelude::set_timeout(
            move || {
                let _ = resolve.call0(&JsValue::NULL);
            },
            std::time::Duration::ZERO,
        );
    });
    let _ = JsFuture::from(promise).await;
}

/// Small settings kept in `localStorage` (never plan data: that lives in IndexedDB).
pub mod settings {
    use super::*;

    const CURRENT_PLAN: &str = "atelier-nr.current-plan";
    const LAST_ROUTE: &str = "atelier-nr.last-route";
    const LANG: &str = "atelier-nr.lang";
    const DEVICE: &str = "atelier-nr.device";

    // Values are JSON strings, as gloo-storage's typed `get`/`set` write them; they are read
    // and written through its `raw()` storage and the browser's own JSON, which keeps a JSON
    // parser out of the first download (these settings are read at start).
    fn get<S: Storage>(key: &str) -> Option<String> {
        let text = S::raw().get_item(key).ok()??;
        js_sys::JSON::parse(&text).ok()?.as_string()
    }

    fn set<S: Storage>(key: &str, value: &str) {
        if let Ok(text) = js_sys::JSON::stringify(&JsValue::from_str(value)) {
            // A full or disabled storage only costs a convenience (see each setting).
            let _ = S::raw().set_item(key, &String::from(text));
        }
    }

    /// The plan this tab had open (kept per tab, so that a reload never switches to the plan
    /// another tab opened), else the plan opened last in any tab.
    pub fn current_plan() -> Option<Id> {
        get::<SessionStorage>(CURRENT_PLAN)
            .or_else(|| get::<LocalStorage>(CURRENT_PLAN))
            .and_then(|s| Id::parse(&s))
    }

    /// Remembers the open plan, for this tab and for the next visit.
    pub fn set_current_plan(id: Id) {
        set::<SessionStorage>(CURRENT_PLAN, &id.to_string());
        set::<LocalStorage>(CURRENT_PLAN, &id.to_string());
    }

    /// Forgets the open plan (it was deleted).
    pub fn forget_current_plan() {
        SessionStorage::delete(CURRENT_PLAN);
        LocalStorage::delete(CURRENT_PLAN);
    }

    /// The fragment of the last screen shown, e.g. `#/acteurs`.
    pub fn last_route() -> Option<String> {
        get::<LocalStorage>(LAST_ROUTE)
    }

    /// Remembers the screen shown.
    pub fn set_last_route(hash: &str) {
        set::<LocalStorage>(LAST_ROUTE, hash);
    }

    /// This browser's device id: 8 hexadecimal digits drawn once and kept, which tell two
    /// colleagues' changes made at the same millisecond apart when their copies merge.
    /// Without storage, one per page.
    pub fn device() -> String {
        thread_local! {
            static DEVICE_ID: std::cell::OnceCell<String> = const { std::cell::OnceCell::new() };
        }
        DEVICE_ID.with(|d| {
            d.get_or_init(|| {
                get::<LocalStorage>(DEVICE).unwrap_or_else(|| {
                    let id: String = super::random_bytes::<4>()
                        .iter()
                        .map(|b| format!("{b:02x}"))
                        .collect();
                    set::<LocalStorage>(DEVICE, &id);
                    id
                })
            })
            .clone()
        })
    }

    /// The code of the display language chosen last (`fr`, `en`), if any.
    pub fn lang() -> Option<String> {
        get::<LocalStorage>(LANG)
    }

    /// Remembers the display language; a full storage only costs choosing it again.
    pub fn set_lang(code: &str) {
        set::<LocalStorage>(LANG, code);
    }
}
