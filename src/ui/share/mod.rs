//! Sharing without a server. [`SharePanel`] (in the conclusion) exports the plan, with or
//! without personal data, and makes a share link: the plan compressed into the URL fragment
//! after `#partage=`, which browsers never send to a server. [`ShareScreen`] opens such a link
//! as a read-only preview with « Enregistrer une copie ».

use crate::browser;
use crate::route::Route;
use crate::state::{use_state, Notice};
use atelier_core::file::PlanFile;
use atelier_core::share::{self, ShareError, SHARE_PREFIX};
use atelier_core::text::count;
use leptos::prelude::*;

/// How many actors and fiches the preview lists before « … et N autres ».
const PREVIEW_ROWS: usize = 30;

#[component]
pub fn SharePanel() -> impl IntoView {
    let state = use_state();
    let (personal, set_personal) = signal(false);
    let (link, set_link) = signal(None::<String>);
    let download = move |anonymous: bool| {
        let Some(mut file) = state.export_file() else {
            return;
        };
        if anonymous {
            file = file.anonymised();
        }
        let mut name = file.file_name(browser::today());
        if anonymous {
            name = name.replace(".json", "-anonyme.json");
        }
        let notice = match browser::download(&name, "application/json", &file.to_json()) {
            Ok(()) => Notice::success(format!("Plan exporté dans « {name} ».")),
            Err(_) => Notice::error("Le navigateur a refusé le téléchargement.", vec![]),
        };
        state.notice.set(Some(notice));
    };
    let make_link = move |_| {
        let Some(file) = state.export_file() else {
            return;
        };
        let file = if personal.get_untracked() {
            file
        } else {
            file.anonymised()
        };
        match share::encode(&file) {
            Ok(code) => {
                let base = window().location().href().unwrap_or_default();
                let base = base.split('#').next().unwrap_or_default().to_owned();
                set_link.set(Some(format!("{base}#{SHARE_PREFIX}{code}")));
                super::widgets::focus_later("share-link");
            }
            Err(e) => {
                set_link.set(None);
                let detail = match e {
                    ShareError::TooLarge { .. } => e.to_string(),
                    other => format!("Lien impossible : {other}"),
                };
                state.notice.set(Some(Notice::error(
                    "Ce plan est trop volumineux pour un lien : envoyez plutôt le fichier .json.",
                    vec![detail],
                )));
            }
        }
    };
    view! {
        <section aria-labelledby="export-title">
            <h2 id="export-title">"Partager le plan"</h2>
            <p>"Le fichier .json contient tout le plan : un collègue l'importe depuis « Mes plans ». La version sans données personnelles retire noms et coordonnées des référents, pilotes et responsables, pour une diffusion publique."</p>
            <div class="toolbar">
                <button type="button" class="button button-primary" on:click=move |_| download(false)>"Exporter le plan (.json)"</button>
                <button type="button" class="button" on:click=move |_| download(true)>"Exporter sans données personnelles (.json)"</button>
                <a class="button" href=Route::Report.hash()>"Rapport imprimable (PDF)"</a>
                <a class="button" href=Route::Projector(1).href()>"Projeter en atelier"</a>
            </div>
            <h3>"Lien de partage"</h3>
            <p>"Le plan tient tout entier dans le lien, après le « # » : aucun serveur ne le reçoit ni ne le garde. Un lien est limité à 10 000 caractères, ce que les messageries gardent cliquable ; au-delà, envoyez le fichier."</p>
            <div class="field field-check">
                <input id="share-personal" type="checkbox" prop:checked=personal
                    on:change=move |ev| { set_personal.set(event_target_checked(&ev)); set_link.set(None); } />
                <label for="share-personal">"Inclure les données personnelles (à réserver à des collègues)"</label>
            </div>
            <button type="button" class="button" on:click=make_link>"Créer le lien de partage"</button>
            {move || link.get().map(|l| view! {
                <div class="field field-wide share-link">
                    <label for="share-link">{format!("Lien à copier ({} caractères{})", l.len(), if personal.get_untracked() { ", avec données personnelles" } else { ", sans données personnelles" })}</label>
                    <input id="share-link" type="text" readonly value=l.clone()
                        on:focus=|ev| { let input: web_sys::HtmlInputElement = event_target(&ev); input.select(); } />
                </div>
            })}
        </section>
    }
}

/// A share link being opened: the plan it carries, read-only, and « Enregistrer une copie ».
#[component]
pub fn ShareScreen() -> impl IntoView {
    let state = use_state();
    let hash = window().location().hash().unwrap_or_default();
    let decoded: Result<PlanFile, String> = share::decode(&hash).map_err(|e| e.to_string());
    match decoded {
        Err(e) => view! {
            <h1 tabindex="-1">"Lien de partage illisible"</h1>
            <p role="alert">{e}</p>
            <p>"Demandez à la personne qui vous l'a envoyé de le copier à nouveau, ou de vous envoyer le fichier du plan (.json). Vos plans n'ont pas été modifiés."</p>
            <a class="button" href=Route::Home.hash()>"Aller à mes plans"</a>
        }.into_any(),
        Ok(file) => {
            let copy = file.clone();
            let t = &file.plan.territory;
            let more = |n: usize| (n > PREVIEW_ROWS).then(|| view! { <p class="hint">{format!("… et {} autres.", n - PREVIEW_ROWS)}</p> });
            view! {
                <h1 tabindex="-1">{format!("Plan partagé : « {} »", file.plan.name)}</h1>
                <p class="lead">"Aperçu en lecture seule. Rien n'est enregistré tant que vous ne le demandez pas."</p>
                <p>
                    <button type="button" class="button button-primary" on:click=move |_| {
                        state.import_plan_as_new(copy.clone());
                        crate::ui::navigate(Route::Context);
                    }>"Enregistrer une copie dans mes plans"</button>
                </p>
                <ul class="kpis">
                    <li class="kpi">{if t.name.is_empty() { "Territoire non précisé".to_owned() } else { format!("{} ({})", t.name, t.kind.label()) }}</li>
                    <li class="kpi">{count(file.actors.len(), "acteur", "acteurs")}</li>
                    <li class="kpi">{count(file.mobilisations.len(), "mobilisation", "mobilisations")}</li>
                    <li class="kpi">{count(file.actions.len(), "fiche action", "fiches action")}</li>
                    {file.is_anonymised().then(|| view! { <li class="kpi">"Sans données personnelles"</li> })}
                </ul>
                <h2>"Acteurs"</h2>
                <ul class="preview-list">{file.actors.iter().take(PREVIEW_ROWS).map(|a| view! {
                    <li><strong>{a.name.clone()}</strong>{format!(" — {}, {}", a.family.label(), a.engagement.label())}</li>
                }).collect_view()}</ul>
                {more(file.actors.len())}
                <h2>"Fiches action"</h2>
                <ul class="preview-list">{file.actions.iter().take(PREVIEW_ROWS).map(|a| view! {
                    <li><strong>{a.title.clone()}</strong>{format!(" — {}, {}", a.axis.label(), a.status.label())}</li>
                }).collect_view()}</ul>
                {more(file.actions.len())}
            }.into_any()
        }
    }
}
