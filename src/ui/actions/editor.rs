//! Editing one action sheet (fiche action); every change is saved as it happens.

use super::super::fields::{options, SelectField, TextArea, TextField};
use crate::state::use_state;
use atelier_core::{ActionStatus, Axis, Id};
use chrono::NaiveDate;
use leptos::prelude::*;

/// How many matching actors the link list shows at once; the filter narrows the rest.
const LINK_LIST_LIMIT: usize = 50;

#[component]
pub fn ActionEditor(id: Id, on_close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let state = use_state();
    let Some(action) = state
        .actions
        .with_untracked(|l| l.iter().find(|a| a.id == id).cloned())
    else {
        return ().into_any();
    };
    let (filter, set_filter) = signal(String::new());
    let title = Memo::new(move |_| {
        state.actions.with(|l| {
            l.iter()
                .find(|a| a.id == id)
                .map(|a| a.title.clone())
                .unwrap_or_default()
        })
    });
    let current = move |read: fn(&atelier_core::ActionSheet) -> String| {
        state
            .actions
            .with(|l| l.iter().find(|a| a.id == id).map(read).unwrap_or_default())
    };
    let linked = Memo::new(move |_| {
        state.actions.with(|l| {
            l.iter()
                .find(|a| a.id == id)
                .map(|a| a.actor_ids.clone())
                .unwrap_or_default()
        })
    });
    super::super::widgets::focus_later("action-title");

    view! {
        <section class="editor" aria-labelledby="action-editor-title"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { on_close() }>
            <h2 id="action-editor-title">"Fiche action « " {title} " »"</h2>
            <p class="hint">"Les modifications sont enregistrées au fil de la saisie."</p>
            <div class="form-grid">
                <TextField id="action-title" label="Intitulé" value=action.title.clone() wide=true live=Signal::derive(move || current(|a| a.title.clone()))
                    required="L'intitulé est obligatoire ; l'ancien est conservé."
                    on_input=move |v: String| state.update_action(id, |a| a.title = v.trim().to_owned()) />
                <SelectField id="action-axis" label="Axe"
                    options=options(&Axis::ALL, Axis::code, Axis::label)
                    selected=Signal::derive(move || current(|a| a.axis.code().to_owned()))
                    on_change=move |code: String| {
                        if let Some(axis) = Axis::from_code(&code) { state.update_action(id, |a| a.axis = axis); }
                    } />
                <SelectField id="action-status" label="Statut"
                    options=options(&ActionStatus::ALL, ActionStatus::code, ActionStatus::label)
                    selected=Signal::derive(move || current(|a| a.status.code().to_owned()))
                    on_change=move |code: String| {
                        if let Some(s) = ActionStatus::from_code(&code) { state.update_action(id, |a| a.status = s); }
                    } />
                <TextField id="action-pilot" label="Pilote (personne ou service)" value=action.pilot.clone() live=Signal::derive(move || current(|a| a.pilot.clone()))
                    on_input=move |v: String| state.update_action(id, |a| a.pilot = v) />
                <TextField id="action-due" label="Échéance" kind="date"
                    value=action.due.map(|d| d.to_string()).unwrap_or_default()
                    on_input=move |v: String| {
                        let due = v.parse::<NaiveDate>().ok();
                        state.update_action(id, |a| a.due = due);
                    } />
                <TextArea id="action-description" label="Description" value=action.description.clone()
                    on_input=move |v: String| state.update_action(id, |a| a.description = v) />
            </div>
            <fieldset class="link-actors">
                <legend>"Acteurs associés"</legend>
                <label for="action-actor-filter">"Filtrer les acteurs"</label>
                <input id="action-actor-filter" type="search" prop:value=filter
                    on:input=move |ev| set_filter.set(event_target_value(&ev)) />
                <ul class="checkbox-list">
                    {move || {
                        let needle = atelier_core::text::fold(&filter.get());
                        let chosen = linked.get();
                        state.actors.with(|actors| actors.iter()
                            .filter(|a| needle.is_empty() || atelier_core::text::fold(&a.name).contains(&needle))
                            .take(LINK_LIST_LIMIT)
                            .map(|a| {
                                let actor_id = a.id;
                                let box_id = format!("link-{actor_id}");
                                view! {
                                    <li>
                                        <input type="checkbox" id=box_id.clone() prop:checked=chosen.contains(&actor_id)
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                state.update_action(id, |x| {
                                                    x.actor_ids.retain(|y| *y != actor_id);
                                                    if on { x.actor_ids.push(actor_id); }
                                                });
                                            } />
                                        <label for=box_id>{a.name.clone()}</label>
                                    </li>
                                }
                            }).collect_view())
                    }}
                </ul>
            </fieldset>
            <button type="button" class="button" on:click=move |_| on_close()>"Fermer la fiche"</button>
        </section>
    }
    .into_any()
}
