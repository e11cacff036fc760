//! Picking an actor's NR action types from the three vocabularies shipped as data, plus the
//! user's own types.

use super::super::fields::TextField;
use crate::state::use_state;
use atelier_core::i18n::t;
use atelier_core::kit::{known_nr_type, nr_type_label, NR_VOCABULARIES};
use atelier_core::{Actor, Id};
use leptos::prelude::*;

#[component]
pub fn NrTypesField(id: Id) -> impl IntoView {
    let state = use_state();
    let types = Memo::new(move |_| {
        state.actors.with(|l| {
            l.iter()
                .find(|a| a.id == id)
                .map(|a| a.nr_action_types.clone())
                .unwrap_or_default()
        })
    });
    let custom_now = types
        .get_untracked()
        .into_iter()
        .filter(|t| known_nr_type(t).is_none())
        .collect::<Vec<_>>()
        .join(" | ");
    view! {
        <fieldset class="nr-types field-wide">
            <legend>{t("actors.nr_types.legend")}</legend>
            {NR_VOCABULARIES.iter().enumerate().map(|(v, vocabulary)| view! {
                <div class="nr-vocabulary">
                    <p class="nr-vocabulary-title">{vocabulary.title()}</p>
                    <ul class="checkbox-list">
                        {vocabulary.types.iter().enumerate().map(|(k, &label)| {
                            let box_id = format!("nr-{v}-{k}");
                            view! {
                                <li>
                                    <input type="checkbox" id=box_id.clone()
                                        prop:checked=move || types.with(|t| t.iter().any(|x| x == label))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            state.update(id, move |a: &mut Actor| {
                                                a.nr_action_types.retain(|x| x != label);
                                                if on { a.nr_action_types.push(label.to_owned()); }
                                            });
                                        } />
                                    <label for=box_id>{nr_type_label(label)}</label>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }).collect_view()}
            <TextField id="actor-nr-custom" label=t("actors.nr_types.custom") value=custom_now
                hint=t("actors.nr_types.custom_hint")
                on_input=move |v: String| state.update(id, move |a: &mut Actor| {
                    a.nr_action_types.retain(|t| known_nr_type(t).is_some());
                    for typed in v.split('|').map(str::trim).filter(|s| !s.is_empty()) {
                        // « achats » typed here is the vocabulary's « Achats », not a new type.
                        let label = known_nr_type(typed).map_or_else(|| typed.to_owned(), str::to_owned);
                        if !a.nr_action_types.contains(&label) {
                            a.nr_action_types.push(label);
                        }
                    }
                }) />
        </fieldset>
    }
}
