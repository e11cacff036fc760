//! Editing one action sheet (fiche action); every change is saved as it happens.

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
    let (title_error, set_title_error) = signal(false);
    let (filter, set_filter) = signal(String::new());
    let title = Memo::new(move |_| {
        state.actions.with(|l| {
            l.iter()
                .find(|a| a.id == id)
                .map(|a| a.title.clone())
                .unwrap_or_default()
        })
    });
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
                <div class="field field-wide">
                    <label for="action-title">"Intitulé"</label>
                    <input id="action-title" type="text" value=action.title.clone()
                        aria-invalid=move || title_error.get().then_some("true")
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            let empty = v.trim().is_empty();
                            set_title_error.set(empty);
                            if !empty { state.update_action(id, |a| a.title = v.trim().to_owned()); }
                        } />
                    {move || title_error.get().then(|| view! { <p class="field-error">"L'intitulé est obligatoire ; l'ancien est conservé."</p> })}
                </div>
                <div class="field">
                    <label for="action-axis">"Axe"</label>
                    <select id="action-axis" on:change=move |ev| {
                        if let Some(axis) = Axis::from_code(&event_target_value(&ev)) { state.update_action(id, |a| a.axis = axis); }
                    }>
                        {Axis::ALL.into_iter().map(|x| view! { <option value=x.code() selected=x == action.axis>{x.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="action-status">"Statut"</label>
                    <select id="action-status" on:change=move |ev| {
                        if let Some(s) = ActionStatus::from_code(&event_target_value(&ev)) { state.update_action(id, |a| a.status = s); }
                    }>
                        {ActionStatus::ALL.into_iter().map(|x| view! { <option value=x.code() selected=x == action.status>{x.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="action-pilot">"Pilote (personne ou service)"</label>
                    <input id="action-pilot" type="text" value=action.pilot.clone()
                        on:input=move |ev| { let v = event_target_value(&ev); state.update_action(id, |a| a.pilot = v); } />
                </div>
                <div class="field">
                    <label for="action-due">"Échéance"</label>
                    <input id="action-due" type="date" value=action.due.map(|d| d.to_string()).unwrap_or_default()
                        on:change=move |ev| {
                            let due = event_target_value(&ev).parse::<NaiveDate>().ok();
                            state.update_action(id, |a| a.due = due);
                        } />
                </div>
                <div class="field field-wide">
                    <label for="action-description">"Description"</label>
                    <textarea id="action-description" rows="3"
                        on:input=move |ev| { let v = event_target_value(&ev); state.update_action(id, |a| a.description = v); }>
                        {action.description.clone()}
                    </textarea>
                </div>
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
                                        <input type="checkbox" id=box_id.clone() checked=chosen.contains(&actor_id)
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
