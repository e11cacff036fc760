//! Census downloads: the actors in the kit's six columns, and a blank template to fill in.

use crate::browser;
use crate::state::{use_state, Notice};
use atelier_core::census::write_census;
use atelier_core::file::format::slug;
use leptos::prelude::*;

#[component]
pub fn CsvDownloads() -> impl IntoView {
    let state = use_state();
    let offer = move |name: String, contents: String| match browser::download(
        &name,
        "text/csv;charset=utf-8",
        &contents,
    ) {
        Ok(()) => state.notice.set(Some(Notice::success(format!(
            "Fichier « {name} » téléchargé."
        )))),
        Err(_) => state.notice.set(Some(Notice::error(
            "Le navigateur a refusé le téléchargement.",
            vec![],
        ))),
    };
    let export = move |_| {
        let plan = state
            .plan
            .with_untracked(|p| p.as_ref().map(|p| p.name.clone()))
            .unwrap_or_default();
        let csv = state.actors.with_untracked(|a| write_census(a));
        offer(
            format!("recensement-{}-{}.csv", slug(&plan), browser::today()),
            csv,
        );
    };
    let template = move |_| offer("modele-recensement-acteurs.csv".into(), write_census(&[]));
    view! {
        <div class="downloads">
            <button type="button" class="button" on:click=export>"Exporter le recensement (CSV)"</button>
            <button type="button" class="button button-quiet" on:click=template>"Modèle vide (CSV)"</button>
        </div>
    }
}
