//! Choosing actors of step 1 from another record (fiche action partners, mobilisation targets,
//! steering members): a filter box and checkboxes. Shared so that every link looks and works
//! the same, and so its view is compiled once.

use crate::state::use_state;
use atelier_core::i18n::{t, tf, tn};
use atelier_core::text::fold;
use atelier_core::{Circle, Id};
use leptos::prelude::*;

/// How many matching actors the list shows at once; the filter narrows the rest (a plan can
/// hold 10 000 actors).
const LIMIT: usize = 50;

/// `selected` are the linked actor ids; `on_toggle(id, on)` links or unlinks one. `prefix`
/// makes element ids unique on the page. With `circle`, a checkbox narrows the list to the
/// actors of that circle.
#[component]
pub fn ActorPicker(
    prefix: &'static str,
    legend: &'static str,
    #[prop(into)] selected: Signal<Vec<Id>>,
    #[prop(into)] on_toggle: Callback<(Id, bool)>,
    #[prop(optional, into)] circle: Option<Signal<Circle>>,
) -> impl IntoView {
    let state = use_state();
    let (filter, set_filter) = signal(String::new());
    let only_circle = RwSignal::new(circle.is_some());
    let filter_id = format!("{prefix}-filter");
    let circle_id = format!("{prefix}-only-circle");
    view! {
        <fieldset class="link-actors">
            <legend>{legend} " " <span class="count">{move || tn("actors.picker.linked", selected.with(Vec::len) as u64, &[])}</span></legend>
            <label for=filter_id.clone()>{t("actors.picker.filter")}</label>
            <input id=filter_id type="search" prop:value=filter
                on:input=move |ev| set_filter.set(event_target_value(&ev))
                // Escape clears the filter, as in any search box, instead of closing the editor.
                on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" && !filter.get_untracked().is_empty() {
                    ev.stop_propagation();
                    set_filter.set(String::new());
                } />
            {circle.map(|c| view! {
                <div class="field-check">
                    <input type="checkbox" id=circle_id.clone() prop:checked=only_circle
                        on:change=move |ev| only_circle.set(event_target_checked(&ev)) />
                    <label for=circle_id.clone()>{move || tf("actors.picker.only_circle", &[("n", &c.get().number())])}</label>
                </div>
            })}
            {move || {
                let c = circle.filter(|_| only_circle.get())?.get();
                let none = state.actors.with(|a| !a.iter().any(|a| a.circle() == c));
                none.then(|| view! {
                    <p class="hint">{tf("actors.picker.circle_empty", &[("n", &c.number())])}</p>
                })
            }}
            <ul class="checkbox-list">
                {move || {
                    let needle = fold(&filter.get());
                    let chosen = selected.get();
                    let wanted = circle.filter(|_| only_circle.get()).map(|c| c.get());
                    // Linked actors always show, whatever the filter, and the list keeps the
                    // census order: a toggled box never moves under the keyboard focus.
                    let mut shown = 0;
                    state.actors.with(|actors| actors.iter()
                        .filter(|a| {
                            if chosen.contains(&a.id) {
                                return true;
                            }
                            let wanted = wanted.is_none_or(|c| a.circle() == c)
                                && (needle.is_empty() || fold(&a.name).contains(&needle));
                            if wanted && shown < LIMIT {
                                shown += 1;
                                return true;
                            }
                            false
                        })
                        .map(|a| {
                            let actor_id = a.id;
                            let box_id = format!("{prefix}-{actor_id}");
                            view! {
                                <li>
                                    <input type="checkbox" id=box_id.clone() prop:checked=chosen.contains(&actor_id)
                                        on:change=move |ev| on_toggle.run((actor_id, event_target_checked(&ev))) />
                                    <label for=box_id>{a.name.clone()}</label>
                                </li>
                            }
                        }).collect_view())
                }}
            </ul>
        </fieldset>
    }
}

/// Adds or removes `id` in `links` (the `on_toggle` of an [`ActorPicker`]).
pub fn toggle(links: &mut Vec<Id>, id: Id, on: bool) {
    links.retain(|x| *x != id);
    if on {
        links.push(id);
    }
}

/// Names offered while typing an actor's name (a `<datalist>`): enough to choose, few enough
/// for 10 000 actors.
const SUGGESTIONS: usize = 30;

/// A text input for an actor's name, suggesting census names as one types (a `<datalist>` of
/// at most [`SUGGESTIONS`] names, ignoring case and accents). `error` is the id of the message
/// describing it when `invalid`. Its `<label for=id>` stays with the caller.
#[component]
pub fn ActorNameInput(
    id: &'static str,
    value: ReadSignal<String>,
    set_value: WriteSignal<String>,
    #[prop(into)] invalid: Signal<bool>,
    error: &'static str,
) -> impl IntoView {
    let state = use_state();
    let suggestions = Memo::new(move |_| {
        let needle = fold(&value.get());
        state.actors.with(|a| {
            a.iter()
                .filter(|a| needle.is_empty() || fold(&a.name).contains(&needle))
                .take(SUGGESTIONS)
                .map(|a| a.name.clone())
                .collect::<Vec<_>>()
        })
    });
    let list = format!("{id}-names");
    view! {
        <input id=id type="text" list=list.clone() prop:value=value autocomplete="off"
            aria-invalid=move || invalid.get().then_some("true")
            aria-describedby=move || invalid.get().then_some(error)
            on:input=move |ev| set_value.set(event_target_value(&ev)) />
        <datalist id=list>
            {move || suggestions.get().into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
        </datalist>
    }
}

/// The actor named `typed`, ignoring case, accents and surrounding spaces.
pub fn actor_named(typed: &str) -> Option<Id> {
    let name = fold(typed.trim());
    use_state()
        .actors
        .with_untracked(|a| a.iter().find(|a| fold(&a.name) == name).map(|a| a.id))
}
