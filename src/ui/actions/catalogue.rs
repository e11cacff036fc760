//! The kit's catalogue: its key actions by axis, each one click away from a fiche action, and
//! the real examples it reports, as inspiration.

use crate::state::use_state;
use atelier_core::i18n::{t, tf};
use atelier_core::{kit, ActionSheet, Id};
use leptos::prelude::*;

#[component]
pub fn Catalogue(on_created: Callback<Id>) -> impl IntoView {
    let state = use_state();
    // Which key actions the plan already has a fiche for (created from the catalogue).
    let taken = move |idea: &str| {
        state
            .actions
            .with(|l| l.iter().any(|a| a.from_catalogue.as_deref() == Some(idea)))
    };
    view! {
        <p class="hint">{t("actions.catalogue.hint")}</p>
        {kit::KEY_ACTIONS.iter().map(|(axis, ideas)| {
            let axis = *axis;
            view! {
                <section class="catalogue-axis">
                    <h2>{axis.label()}</h2>
                    <ul class="catalogue">
                        {ideas.iter().map(|idea| {
                            let idea: &'static str = idea;
                            view! {
                                <li>
                                    <span>{kit::key_action_label(idea)}</span>
                                    {move || if taken(idea) {
                                        view! { <span class="badge">{t("actions.catalogue.taken")}</span> }.into_any()
                                    } else {
                                        view! {
                                            <button type="button" class="button button-small" on:click=move |_| {
                                                // The title in the user's language; `from_catalogue` keeps the kit's
                                                // French text, which « Déjà dans le plan » matches on.
                                                let mut sheet = ActionSheet::from_catalogue(crate::browser::new_id(), axis, idea);
                                                sheet.title = kit::key_action_label(idea).to_owned();
                                                on_created.run(state.insert(sheet));
                                            }>
                                                {t("actions.catalogue.create")} <span class="visually-hidden">{tf("actions.catalogue.create_idea", &[("idea", &kit::key_action_label(idea))])}</span>
                                            </button>
                                        }.into_any()
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        }).collect_view()}
        <section class="callout">
            <h2>{t("actions.catalogue.examples_title")}</h2>
            <p>{t("actions.catalogue.examples_intro")}</p>
            <ul class="examples">
                {kit::EXAMPLES.iter().map(|e| view! { <li><strong>{e.who}</strong> {t("actions.catalogue.example_separator")} {e.what()}</li> }).collect_view()}
            </ul>
        </section>
    }
}
