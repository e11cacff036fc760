//! Conclusion: the kit's governance principles, a summary of the plan, and its export.

use crate::browser;
use crate::state::{use_state, Notice};
use atelier_core::{kit, ActionStatus, EngagementLevel};
use leptos::prelude::*;

#[component]
pub fn Conclusion() -> impl IntoView {
    let state = use_state();
    let export = move |_| {
        let Some(file) = state.export_file() else {
            return;
        };
        let name = file.file_name(browser::today());
        match browser::download(&name, "application/json", &file.to_json()) {
            Ok(()) => state.notice.set(Some(Notice::success(format!(
                "Plan exporté dans « {name} »."
            )))),
            Err(_) => state.notice.set(Some(Notice::error(
                "Le navigateur a refusé le téléchargement.",
                vec![],
            ))),
        }
    };
    view! {
        <h1 tabindex="-1">"Gouvernance et suite"</h1>
        <p class="lead">"Le kit conclut sur trois principes pour passer du plan à l'action."</p>
        <ul class="principles">
            {kit::GOVERNANCE.iter().map(|p| view! {
                <li><h2>{p.title}</h2><p>{p.why}</p></li>
            }).collect_view()}
        </ul>

        <section aria-labelledby="summary-title">
            <h2 id="summary-title">"Où en est le plan"</h2>
            <div class="summary">
                <div>
                    <h3>{move || atelier_core::text::count(state.actors.with(Vec::len), "acteur", "acteurs")}</h3>
                    <ul>
                        {move || state.actors.with(|actors| EngagementLevel::ALL.into_iter().rev().map(|l| {
                            let n = actors.iter().filter(|a| a.engagement == l).count();
                            view! { <li>{format!("{} : {n}", l.label())}</li> }
                        }).collect_view())}
                    </ul>
                </div>
                <div>
                    <h3>{move || atelier_core::text::count(state.actions.with(Vec::len), "fiche action", "fiches action")}</h3>
                    <ul>
                        {move || state.actions.with(|actions| ActionStatus::ALL.into_iter().map(|s| {
                            let n = actions.iter().filter(|a| a.status == s).count();
                            view! { <li>{format!("{} : {n}", s.label())}</li> }
                        }).collect_view())}
                    </ul>
                </div>
            </div>
        </section>

        <section aria-labelledby="export-title">
            <h2 id="export-title">"Partager le plan"</h2>
            <p>"Exportez le plan complet dans un fichier .json : un collègue l'importe depuis « Mes plans » et retrouve acteurs et fiches action."</p>
            <button type="button" class="button button-primary" on:click=export>"Exporter le plan (.json)"</button>
        </section>
    }
}
