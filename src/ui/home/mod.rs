//! « Mes plans »: create a plan, open one, import a plan file as a new plan.

use super::fields::AddForm;
use super::navigate;
use super::widgets::FilePicker;
use crate::browser;
use crate::route::Route;
use crate::state::{use_state, Notice};
use atelier_core::file::{parse_plan_file, MAX_FILE_BYTES};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Home() -> impl IntoView {
    let state = use_state();
    let import = move |file: web_sys::File| {
        if file.size() > MAX_FILE_BYTES as f64 {
            state.notice.set(Some(Notice::error(
                format!(
                    "« {} » pèse {} Mo : la limite est de {} Mo. Rien n'a été importé.",
                    file.name(),
                    (file.size() as u64).div_ceil(1_048_576),
                    MAX_FILE_BYTES / 1_048_576
                ),
                vec![],
            )));
            return;
        }
        spawn_local(async move {
            let result = match browser::read_file(&file).await {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => parse_plan_file(&text).map_err(|e| e.to_string()),
                    Err(_) => {
                        Err("le fichier n'est pas un texte UTF-8 (un fichier binaire ?).".into())
                    }
                },
                Err(e) => Err(e),
            };
            match result {
                Ok(plan) => state.import_plan_as_new(plan),
                Err(e) => state.notice.set(Some(Notice::error(
                    format!(
                        "Import de « {} » refusé. Vos plans n'ont pas été modifiés.",
                        file.name()
                    ),
                    vec![e],
                ))),
            }
        });
    };

    view! {
        <h1 tabindex="-1">"Mes plans"</h1>
        <p class="lead">
            "Atelier NR vous guide pas à pas dans le kit de l'ANCT pour bâtir la stratégie Numérique responsable de votre territoire : repérer les acteurs, choisir comment les mobiliser, décider des actions."
        </p>
        <p class="hint">"Vos plans restent dans ce navigateur, sur cet appareil. Exportez-les pour les partager ou les sauvegarder."</p>

        <section aria-labelledby="plans-title">
            <h2 id="plans-title">"Plans enregistrés"</h2>
            {move || {
                let plans = state.plans.get();
                if plans.is_empty() {
                    view! { <p>"Aucun plan pour l'instant."</p> }.into_any()
                } else {
                    let current = state.plan.with(|p| p.as_ref().map(|p| p.id));
                    view! {
                        <ul class="plan-list">
                            {plans.into_iter().map(|p| {
                                let id = p.id;
                                let is_current = current == Some(id);
                                view! {
                                    <li class:current=is_current>
                                        <span class="plan-list-name">{p.name.clone()}</span>
                                        <span class="plan-list-territory">{p.territory.name.clone()}</span>
                                        {if is_current {
                                            view! { <a class="button" href=Route::Context.hash()>"Continuer"</a> }.into_any()
                                        } else {
                                            view! {
                                                <button type="button" class="button" on:click=move |_| {
                                                    state.open_plan(id);
                                                    navigate(Route::Context);
                                                }>"Ouvrir " <span class="visually-hidden">{p.name.clone()}</span></button>
                                            }.into_any()
                                        }}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>

        <section aria-labelledby="new-plan-title">
            <h2 id="new-plan-title">"Nouveau plan"</h2>
            // The name stays in the field until the plan is stored: a failure keeps it.
            <AddForm id="new-plan-name" label="Nom du plan" button="Créer le plan" keep=true
                placeholder="Stratégie NR 2026" missing="Donnez un nom au plan."
                on_add=move |n: String| state.create_plan(n, Route::Context) />
        </section>

        <section aria-labelledby="example-title">
            <h2 id="example-title">"Découvrir avec un exemple"</h2>
            <p>"Ouvrez un plan d'exemple déjà rempli (acteurs, mobilisations, fiches action, indicateurs) pour voir l'application en situation avant de commencer le vôtre."</p>
            <button type="button" class="button" on:click=move |_| state.create_example_plan()>"Ouvrir le plan d'exemple"</button>
        </section>

        <section aria-labelledby="import-plan-title">
            <h2 id="import-plan-title">"Importer un plan"</h2>
            <p>"Un collègue vous a envoyé un plan exporté depuis Atelier NR ? Importez le fichier .json : il devient un nouveau plan, sans toucher aux vôtres."</p>
            <FilePicker label="Choisir un fichier de plan (.json)" accept=".json,application/json" id="import-plan-file" on_file=import />
        </section>
    }
}
