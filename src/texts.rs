//! Downloading the message catalogues (see `atelier_core::i18n`).
//!
//! A language's messages come in two files, both named by the build in `index.html`
//! (`<meta name="atelier-build">`, content-hashed, cached by the service worker):
//! the first screen's, fetched before the app mounts so that `t()` stays synchronous, and
//! the rest, fetched before the first part of the app downloaded on first use runs (every
//! `lazy!` function awaits [`ensure_all`]). Compiled-in catalogues (feature
//! `bundled-locales`) need neither.

use crate::browser;
use atelier_core::i18n::{self, Bundle, Lang};
use wasm_bindgen::JsCast;

/// The file of one bundle, and whether it could be had.
async fn load(lang: Lang, bundle: Bundle) -> Result<(), ()> {
    if i18n::is_installed(lang, bundle) {
        return Ok(());
    }
    let which = match bundle {
        Bundle::First => "first",
        Bundle::Rest => "rest",
    };
    let url = browser::build_file(&format!("{}-{which}", lang.code())).ok_or(())?;
    let text = browser::fetch_text(&url, false).await.ok_or(())?;
    // Read by the browser's JSON parser: serde_json's stays out of the first download.
    let object = js_sys::JSON::parse(&text).map_err(|_| ())?;
    let entries = js_sys::Object::entries(object.dyn_ref::<js_sys::Object>().ok_or(())?);
    let messages = entries
        .iter()
        .filter_map(|entry| {
            let pair = js_sys::Array::from(&entry);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect();
    i18n::install_messages(lang, bundle, messages);
    Ok(())
}

/// The messages the first screen shows, in `lang`. Errors: the file could not be had.
pub async fn load_first(lang: Lang) -> Result<(), ()> {
    load(lang, Bundle::First).await
}

/// Every message of `lang`. Errors: a file could not be had.
pub async fn load_all(lang: Lang) -> Result<(), ()> {
    load(lang, Bundle::First).await?;
    load(lang, Bundle::Rest).await
}

/// Every message of the display language: what a part needs before it runs.
pub async fn ensure_all() -> Result<(), crate::parts::PartError> {
    load_all(i18n::lang())
        .await
        .map_err(|()| crate::parts::PartError)
}
