//! Conclusion « Gouvernance et suite »: the kit's three principles, the steering body and
//! review cadence, the incremental phases and quick wins, the follow-up dashboard, and the
//! plan's export.

mod dashboard;
mod governance;
mod phases;

use crate::browser;
use crate::state::{use_state, Notice};
use atelier_core::kit;
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
        <dashboard::Dashboard />
        <governance::Governance />
        <phases::Phases />
        <section aria-labelledby="export-title">
            <h2 id="export-title">"Partager le plan"</h2>
            <p>"Exportez le plan complet dans un fichier .json : un collègue l'importe depuis « Mes plans » et retrouve acteurs, mobilisations, besoins, fiches action et gouvernance."</p>
            <div class="toolbar">
                <button type="button" class="button button-primary" on:click=export>"Exporter le plan (.json)"</button>
                <a class="button" href=crate::route::Route::Report.hash()>"Rapport imprimable (PDF)"</a>
            </div>
        </section>
    }
}
