//! Numbers written the French way (« 12 500 », « 2,5 »), through the browser's `Intl`
//! rather than our own code; it also keeps Rust's float formatting out of the wasm.

use atelier_core::i18n::{lang, tf};

/// A number in French notation, e.g. `2.5` → « 2,5 », `12500` → « 12 500 ».
pub fn number(value: f64) -> String {
    String::from(js_sys::Number::from(value).to_locale_string(lang().locale()))
}

/// Whole euros, e.g. « 12 500 € ».
pub fn euros(amount: u64) -> String {
    tf("common.euros", &[("amount", &number(amount as f64))])
}

/// Reads a number typed in an `<input type="number">` (which gives `12.5`), `None` if blank
/// or not a number.
pub fn parse_number(text: &str) -> Option<f64> {
    let v = js_sys::Number::parse_float(text.trim());
    v.is_finite().then_some(v)
}

/// A number as an `<input type="number">` expects it (`2.5`), without Rust's float formatting.
pub fn plain(value: f64) -> String {
    js_sys::Number::from(value)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// A moment in the user's local time, in French, e.g. « 29/11/2026 20:03:12 ».
pub fn date_time(moment: chrono::DateTime<chrono::Utc>) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        moment.timestamp_millis() as f64
    ));
    String::from(date.to_locale_string(lang().locale(), &wasm_bindgen::JsValue::UNDEFINED))
}

/// What the user typed in an `<input type="number">`: `Ok(None)` when blank, `Ok(Some(v))`
/// for a number, `Err(())` when the browser holds text that is not a number (it then reports
/// an empty value, which must not be mistaken for « blank »).
pub fn typed_number(ev: &web_sys::Event) -> Result<Option<f64>, ()> {
    let input: web_sys::HtmlInputElement = leptos::prelude::event_target(ev);
    if input.validity().bad_input() {
        return Err(());
    }
    let text = input.value();
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_number(&text).map(Some).ok_or(())
}
