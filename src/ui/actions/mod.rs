//! Step 3 « Quelles actions ? »: action sheets (fiches action), with the kit's key actions
//! as starting points.

mod editor;

use super::fields::AddForm;
use crate::state::use_state;
use atelier_core::{kit, Axis, Id};
use leptos::prelude::*;

#[component]
pub fn Actions() -> impl IntoView {
    let state = use_state();
    let editing = RwSignal::new(None::<Id>);
    let (axis, set_axis) = signal(Axis::Know);

    view! {
        <h1 tabindex="-1">"Étape 3 — Quelles actions ?"</h1>
        <p class="lead">"Choisissez les actions à mener, confiez chacune à un pilote avec une échéance, et reliez-les aux acteurs recensés."</p>

        <AddForm id="new-action-title" label="Intitulé de la fiche action" button="Ajouter la fiche"
            missing="Donnez un intitulé à la fiche."
            on_add=move |t: String| editing.set(state.add_action(t, axis.get_untracked()))
            extra=Box::new(move || view! {
                <label for="new-action-axis">"Axe"</label>
                <select id="new-action-axis" on:change=move |ev| {
                    if let Some(a) = Axis::from_code(&event_target_value(&ev)) { set_axis.set(a); }
                }>
                    {Axis::ALL.into_iter().map(|a| view! { <option value=a.code()>{a.label()}</option> }).collect_view()}
                </select>
            }.into_any()) />

        <details class="ideas">
            <summary>"Idées d'actions proposées par le kit"</summary>
            {kit::KEY_ACTIONS.iter().map(|(axis, ideas)| view! {
                <h2 class="ideas-axis">{axis.label()}</h2>
                <ul>
                    {ideas.iter().map(|idea| {
                        let axis = *axis;
                        view! {
                            <li>
                                <span>{*idea}</span>
                                <button type="button" class="button button-small" on:click=move |_| editing.set(state.add_action((*idea).to_owned(), axis))>
                                    "Créer la fiche" <span class="visually-hidden">{format!(" : {idea}")}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }).collect_view()}
        </details>

        {move || editing.get().map(|id| view! {
            <editor::ActionEditor id=id on_close=move || {
                editing.set(None);
                super::widgets::focus_later(format!("edit-{id}"));
            } />
        })}

        <div class="table-wrap">
            <table class="data-table action-table">
                <caption>{move || match state.actions.with(Vec::len) { 0 => "Aucune fiche action".to_string(), n => atelier_core::text::count(n, "fiche action", "fiches action") }}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Intitulé"</th>
                        <th scope="col">"Axe"</th>
                        <th scope="col">"Statut"</th>
                        <th scope="col">"Pilote"</th>
                        <th scope="col">"Échéance"</th>
                        <th scope="col">"Acteurs associés"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let actors = state.actors.get();
                        state.actions.get().into_iter().map(|a| {
                            let id = a.id;
                            let linked = a.actor_ids.iter()
                                .filter_map(|x| actors.iter().find(|p| p.id == *x).map(|p| p.name.clone()))
                                .collect::<Vec<_>>().join(", ");
                            let label = format!(" {}", a.title);
                            let label2 = label.clone();
                            view! {
                                <tr>
                                    <th scope="row" data-label="Intitulé">{a.title}</th>
                                    <td data-label="Axe">{a.axis.label()}</td>
                                    <td data-label="Statut">{a.status.label()}</td>
                                    <td data-label="Pilote">{a.pilot}</td>
                                    <td data-label="Échéance">{a.due.map(atelier_core::text::french_date)}</td>
                                    <td data-label="Acteurs">{linked}</td>
                                    <td class="row-buttons">
                                        <button type="button" class="button button-small" id=format!("edit-{id}") on:click=move |_| editing.set(Some(id))>
                                            "Modifier" <span class="visually-hidden">{label}</span>
                                        </button>
                                        <button type="button" class="button button-small button-danger" on:click=move |_| {
                                            if editing.get_untracked() == Some(id) { editing.set(None); }
                                            state.delete_action(id);
                                        }>
                                            "Supprimer" <span class="visually-hidden">{label2}</span>
                                        </button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}
