//! The census table: one row per actor, in the kit's columns.

use crate::state::use_state;
use atelier_core::Id;
use leptos::prelude::*;

#[component]
pub fn ActorTable(
    on_edit: impl Fn(Id) + Copy + Send + Sync + 'static,
    on_delete: impl Fn(Id) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_state();
    let count = move || state.actors.with(Vec::len);
    view! {
        <div class="table-wrap">
            <table class="data-table actor-table">
                <caption>{move || match count() { 0 => "Aucun acteur recensé".to_string(), n => atelier_core::text::count(n, "acteur recensé", "acteurs recensés") }}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Nom de l'acteur"</th>
                        <th scope="col">"Type d'acteur"</th>
                        <th scope="col">"Famille"</th>
                        <th scope="col">"Type d'action NR"</th>
                        <th scope="col">"Niveau d'engagement"</th>
                        <th scope="col">"Cercle"</th>
                        <th scope="col">"Référent"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    {move || state.actors.get().into_iter().map(|a| {
                        let id = a.id;
                        let circle = a.circle().number();
                        let edit_label = format!(" {}", a.name);
                        let delete_label = edit_label.clone();
                        view! {
                            <tr>
                                <th scope="row" data-label="Nom">{a.name}</th>
                                <td data-label="Type">{a.actor_type}</td>
                                <td data-label="Famille">{a.family.label()}</td>
                                <td data-label="Action NR">{a.nr_action_types.join(", ")}</td>
                                <td data-label="Engagement"><span class=format!("level level-{}", a.engagement.code())>{a.engagement.label()}</span></td>
                                <td data-label="Cercle">{circle}</td>
                                <td data-label="Référent">{a.referent}</td>
                                <td class="row-buttons">
                                    <button type="button" class="button button-small" id=format!("edit-{id}") on:click=move |_| on_edit(id)>
                                        "Modifier" <span class="visually-hidden">{edit_label}</span>
                                    </button>
                                    <button type="button" class="button button-small button-danger" on:click=move |_| on_delete(id)>
                                        "Supprimer" <span class="visually-hidden">{delete_label}</span>
                                    </button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
