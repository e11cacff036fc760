//! Labelled form fields shared by every editor. Each field saves through a callback on every
//! change (autosave). One component per kind of field also keeps the wasm small: a view is
//! compiled once, not once per form.

use atelier_core::text::is_blank;
use leptos::prelude::*;

/// Longest name or title accepted (characters): longer is a paste gone wrong, and it would
/// make a kanban card or a slide unreadable. Not an input's `maxlength`: that cuts a paste
/// silently, mid-word; a longer text is refused with a message instead.
pub const MAX_NAME: u32 = 300;

/// Whether `text` is longer than [`MAX_NAME`] characters.
pub fn too_long(text: &str) -> bool {
    text.chars().count() > MAX_NAME as usize
}

/// A one-line input with its label, an optional hint, and a required-field check: when
/// `required` is set and the text is blank, the message shows and `on_input` is not called, so
/// the stored value stays the last valid one.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    #[prop(into)] value: String,
    #[prop(into)] on_input: Callback<String>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] required: Option<&'static str>,
    /// `type` of the input: `text` unless given (`number`, `date`, `search`…).
    #[prop(optional)]
    kind: Option<&'static str>,
    #[prop(optional)] wide: bool,
    /// The stored value, when it can change from elsewhere (another tab): the field follows
    /// it whenever the user is not typing in it.
    #[prop(optional, into)]
    live: Option<Signal<String>>,
    /// Checks the typed text: `Some(message)` shows the message and keeps the stored value.
    #[prop(optional)]
    check: Option<fn(&str) -> Option<&'static str>>,
) -> impl IntoView {
    let hint = hint.filter(|h| !h.is_empty());
    let (error, set_error) = signal(None::<&'static str>);
    // Characters left, once a name comes near the limit: said before it is refused.
    let (left, set_left) = signal(None::<u64>);
    let input = NodeRef::<leptos::html::Input>::new();
    if let Some(live) = live {
        follow(live, input);
    }
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = hint.map(|_| hint_id.clone());
    view! {
        <div class="field" class:field-wide=wide>
            <label for=id>{label}</label>
            <input id=id node_ref=input type=kind.unwrap_or("text") value=value
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=move || if error.get().is_some() { Some(error_id.clone()) } else { described.clone() }
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    if required.is_some() {
                        let room = (MAX_NAME as u64).checked_sub(v.chars().count() as u64);
                        set_left.set(room.filter(|n| *n < 40));
                    }
                    let problem = match required {
                        Some(message) if is_blank(&v) => Some(message),
                        Some(_) if too_long(&v) => Some(atelier_core::i18n::t("common.too_long")),
                        _ => check.and_then(|c| c(&v)),
                    };
                    set_error.set(problem);
                    if problem.is_none() { on_input.run(v); }
                } />
            {hint.map(|h| view! { <p id=hint_id class="hint">{h}</p> })}
            {move || left.get().map(|n| view! { <p class="hint" aria-live="polite">{atelier_core::i18n::tn("common.chars_left", n, &[])}</p> })}
            {move || error.get().map(|m| view! { <p id=format!("{id}-error") class="field-error" role="alert">{m}</p> })}
        </div>
    }
}

/// A multi-line text input with its label.
#[component]
pub fn TextArea(
    id: &'static str,
    label: &'static str,
    #[prop(into)] value: String,
    #[prop(into)] on_input: Callback<String>,
    /// The stored value, followed while the user is not typing here (another tab's edit).
    #[prop(optional, into)]
    live: Option<Signal<String>>,
) -> impl IntoView {
    let area = NodeRef::<leptos::html::Textarea>::new();
    if let Some(live) = live {
        follow(live, area);
    }
    view! {
        <div class="field field-wide">
            <label for=id>{label}</label>
            <textarea id=id node_ref=area rows="3" on:input=move |ev| on_input.run(event_target_value(&ev))>{value}</textarea>
        </div>
    }
}

/// A date field: blank clears the date; an implausible or incomplete date shows a message and
/// keeps the stored one (see [`atelier_core::text::parse_day`]).
#[component]
pub fn DateField(
    id: &'static str,
    label: &'static str,
    value: Option<chrono::NaiveDate>,
    /// The stored date, followed while the user is not typing here.
    #[prop(into)]
    live: Signal<Option<chrono::NaiveDate>>,
    #[prop(into)] on_change: Callback<Option<chrono::NaiveDate>>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let text = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    view! {
        <TextField id=id label=label kind="date" value=text(value) hint=hint.unwrap_or_default()
            live=Signal::derive(move || text(live.get()))
            check=|v| atelier_core::text::parse_day(v).err()
            on_input=move |v: String| if let Ok(day) = atelier_core::text::parse_day(&v) { on_change.run(day) } />
    }
}

/// Keeps an input or textarea showing `stored`, so that a change stored by another tab (or a
/// merge) shows without overwriting what the user is typing: a field with focus follows too
/// when it still shows the previous stored value — every keystroke is saved at once, so the
/// user has typed nothing unsaved, and their next keystroke must not write the old text back.
fn follow<E>(stored: Signal<String>, node: NodeRef<E>)
where
    E: leptos::html::ElementType + 'static,
    E::Output: Clone + AsRef<web_sys::HtmlElement> + wasm_bindgen::JsCast + 'static,
{
    Effect::new(move |before: Option<String>| {
        let value = stored.get();
        let Some(el) = node.get() else { return value };
        let html: &web_sys::HtmlElement = el.as_ref();
        let focused = document().active_element().is_some_and(|a| {
            let node: &web_sys::Element = html;
            a == *node
        });
        let input = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlInputElement>(html);
        let area = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlTextAreaElement>(html);
        let shown = match (input, area) {
            (Some(i), _) => i.value(),
            (_, Some(a)) => a.value(),
            _ => return value,
        };
        if shown != value && (!focused || before.as_deref() == Some(shown.as_str())) {
            match (input, area) {
                (Some(i), _) => i.set_value(&value),
                (_, Some(a)) => a.set_value(&value),
                _ => {}
            }
        }
        value
    });
}

/// A drop-down list with its label. `options` are `(code, label)` pairs; `selected` is the
/// code shown (it follows the signal, so a change made elsewhere shows here); `on_change` gets
/// the chosen code.
#[component]
pub fn SelectField(
    id: &'static str,
    label: &'static str,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] selected: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
                {move || options.get().into_iter().map(|(code, text)| {
                    let mine = code.clone();
                    view! { <option value=code prop:selected=move || selected.with(|s| *s == mine)>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// `(code, label)` options for a select, from any list of values.
pub fn options<T: Copy>(
    values: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    values
        .iter()
        .map(|&v| (code(v).to_owned(), label(v).to_owned()))
        .collect()
}

/// A checkbox with its label.
#[component]
pub fn CheckboxField(
    id: &'static str,
    label: &'static str,
    checked: bool,
    #[prop(into)] on_change: Callback<bool>,
) -> impl IntoView {
    view! {
        <div class="field field-check">
            <input id=id type="checkbox" checked=checked on:change=move |ev| on_change.run(event_target_checked(&ev)) />
            <label for=id>{label}</label>
        </div>
    }
}

/// A one-field form that creates something by name (a plan, an actor, a fiche action): label,
/// input, submit button, and an error tied to the input when the name is blank. `extra` adds
/// fields between the input and the button. The typed name is cleared once `on_add` has run,
/// unless `keep` is set (the caller clears nothing until its write has succeeded).
#[component]
pub fn AddForm(
    id: &'static str,
    label: &'static str,
    button: &'static str,
    /// Shown when the name is blank.
    missing: &'static str,
    #[prop(into)] on_add: Callback<String>,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] keep: bool,
    #[prop(optional)] extra: Option<Children>,
) -> impl IntoView {
    let (name, set_name) = signal(String::new());
    // The message shown, if any: the name is missing, or too long.
    let (error, set_error) = signal(None::<&'static str>);
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_owned();
        let problem = if is_blank(&n) {
            Some(missing)
        } else if too_long(&n) {
            Some(atelier_core::i18n::t("common.too_long"))
        } else {
            None
        };
        set_error.set(problem);
        if problem.is_some() {
            super::widgets::focus_later(id);
            return;
        }
        if !keep {
            set_name.set(String::new());
        }
        on_add.run(n);
    };
    view! {
        <form class="inline-form" on:submit=submit novalidate>
            <label for=id>{label}</label>
            <input id=id type="text" placeholder=placeholder prop:value=name
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=move || error.get().map(|_| described.clone())
                on:input=move |ev| set_name.set(event_target_value(&ev)) />
            {extra.map(|e| e())}
            <button type="submit" class="button button-primary">{button}</button>
            {move || error.get().map(|m| view! { <p id=error_id.clone() class="field-error" role="alert">{m}</p> })}
        </form>
    }
}
