//! Labelled form fields shared by every editor. Each field saves through a callback on every
//! change (autosave). One component per kind of field also keeps the wasm small: a view is
//! compiled once, not once per form.

use leptos::prelude::*;

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
) -> impl IntoView {
    let (error, set_error) = signal(false);
    let input = NodeRef::<leptos::html::Input>::new();
    if let Some(live) = live {
        Effect::new(move |_| {
            let stored = live.get();
            let Some(el) = input.get() else { return };
            let focused = document().active_element().is_some_and(|a| {
                let node: &web_sys::Element = &el;
                a == *node
            });
            if !focused && el.value() != stored {
                el.set_value(&stored);
            }
        });
    }
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = hint.map(|_| hint_id.clone());
    view! {
        <div class="field" class:field-wide=wide>
            <label for=id>{label}</label>
            <input id=id node_ref=input type=kind.unwrap_or("text") value=value
                aria-invalid=move || error.get().then_some("true")
                aria-describedby=move || if error.get() { Some(error_id.clone()) } else { described.clone() }
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    let blank = required.is_some() && v.trim().is_empty();
                    set_error.set(blank);
                    if !blank { on_input.run(v); }
                } />
            {hint.map(|h| view! { <p id=hint_id class="hint">{h}</p> })}
            {move || error.get().then(|| view! { <p id=format!("{id}-error") class="field-error">{required}</p> })}
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
) -> impl IntoView {
    view! {
        <div class="field field-wide">
            <label for=id>{label}</label>
            <textarea id=id rows="3" on:input=move |ev| on_input.run(event_target_value(&ev))>{value}</textarea>
        </div>
    }
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
    let (error, set_error) = signal(false);
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_owned();
        set_error.set(n.is_empty());
        if n.is_empty() {
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
                aria-invalid=move || error.get().then_some("true")
                aria-describedby=move || error.get().then(|| described.clone())
                on:input=move |ev| set_name.set(event_target_value(&ev)) />
            {extra.map(|e| e())}
            <button type="submit" class="button button-primary">{button}</button>
            {move || error.get().then(|| view! { <p id=error_id.clone() class="field-error">{missing}</p> })}
        </form>
    }
}
