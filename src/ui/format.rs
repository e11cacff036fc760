//! Numbers and dates written the display language's way (« 12 500 », « 2,5 » in French;
//! "12,500", "2.5" in English), through the browser's `Intl` rather than our own code; it also
//! keeps Rust's float formatting out of the wasm.

use atelier_core::i18n::lang;

/// A number in the display language's notation, e.g. `2.5` → « 2,5 » in French.
pub fn number(value: f64) -> String {
    String::from(js_sys::Number::from(value).to_locale_string(lang().locale()))
}

/// Whole euros the display language's way: « 12 500 € » in French, "€12,500" in English.
pub fn euros(amount: u64) -> String {
    use wasm_bindgen::JsValue;
    let options = js_sys::Object::new();
    for (name, value) in [
        ("style", JsValue::from_str("currency")),
        ("currency", JsValue::from_str("EUR")),
        ("minimumFractionDigits", JsValue::from_f64(0.0)),
        ("maximumFractionDigits", JsValue::from_f64(0.0)),
    ] {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(name), &value);
    }
    let locales = js_sys::Array::of1(&JsValue::from_str(lang().locale()));
    js_sys::Intl::NumberFormat::new(&locales, &options)
        .format()
        .call1(&JsValue::NULL, &JsValue::from_f64(amount as f64))
        .ok()
        .and_then(|v| v.as_string())
        // i18n: not UI (symbol fallback for a browser without Intl currency support)
        .unwrap_or_else(|| format!("{}\u{a0}€", number(amount as f64)))
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

/// A moment in the user's local time, its day written as the screens write days, e.g.
/// « 29/11/2026 20:03 » in French, "29 Nov 2026 20:03" in English.
pub fn date_time(moment: chrono::DateTime<chrono::Utc>) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        moment.timestamp_millis() as f64
    ));
    let day = chrono::NaiveDate::from_ymd_opt(
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    );
    let time = format!("{:02}:{:02}", date.get_hours(), date.get_minutes());
    match day {
        Some(day) => format!("{} {time}", atelier_core::text::short_date(day)),
        None => time,
    }
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
