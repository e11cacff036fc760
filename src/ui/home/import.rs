//! Importing a plan file: read it (refusing what is too large before reading), validate it,
//! then let the user choose « nouveau plan » or « remplacer le plan ouvert ». A file can come
//! from the picker or be dropped anywhere on the window.

use crate::browser;
use crate::parts::jobs;
use crate::route::Route;
use crate::state::{use_state, AppState, Notice};
use atelier_core::file::check_size;
use atelier_core::i18n::{t, tf, tn};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Reads and validates `file`; a valid plan waits in [`AppState::pending_import`] for the
/// user's choice, anything else raises a notice saying what is wrong. Nothing is stored yet.
pub fn offer_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    let refuse = move |detail: String| {
        state.notice.set(Some(Notice::error(
            tf("home.import.refused", &[("name", &name)]),
            vec![detail],
        )))
    };
    // Refused from its size alone, before reading: a stray video must not freeze the page.
    if let Err(e) = check_size(file.size() as u64) {
        // The reason is worded by the core's messages, not among the first screen's.
        spawn_local(async move {
            let _ = crate::texts::ensure_all().await;
            refuse(e.to_string());
        });
        return;
    }
    spawn_local(async move {
        let result = match browser::read_file(&file).await {
            Ok(bytes) => match jobs::read_plan(bytes).await {
                Ok(read) => read,
                Err(_) => return state.part_failed(),
            },
            Err(e) => Err(e),
        };
        match result {
            Ok(plan) => {
                // An earlier refusal no longer applies to this file.
                state.notice.set(None);
                state.pending_import.set(Some((file.name(), plan)));
                super::super::widgets::focus_later("import-choice-new");
            }
            Err(e) => refuse(e),
        }
    });
}

/// The choice shown once a valid file is read.
#[component]
pub fn ImportChoice() -> impl IntoView {
    let state = use_state();
    move || {
        let (name, file) = state.pending_import.get()?;
        let open = state.plan.get();
        let has_open = open.is_some();
        let summary = tf(
            "home.import.summary",
            &[
                ("name", &name),
                ("plan", &file.plan.name),
                (
                    "actors",
                    &tn("home.count.actors", file.actors.len() as u64, &[]),
                ),
                (
                    "mobilisations",
                    &tn(
                        "home.count.mobilisations",
                        file.mobilisations.len() as u64,
                        &[],
                    ),
                ),
                (
                    "actions",
                    &tn("home.count.actions", file.actions.len() as u64, &[]),
                ),
            ],
        );
        let as_new = file.clone();
        let replacing = file.clone();
        // A copy of the open plan can be merged into it instead (`core::merge`).
        let mergeable = open
            .as_ref()
            .is_some_and(|p| atelier_core::merge::identity::is_copy(p, &file.plan));
        let merging = (name.clone(), file.clone());
        let reason = tf("home.import.backup_reason", &[("name", &name)]);
        Some(view! {
            <section class="confirm import-choice" role="alertdialog" aria-labelledby="import-choice-title" aria-describedby="import-choice-text">
                <h2 id="import-choice-title">{t("home.import.question")}</h2>
                <p id="import-choice-text">{summary}</p>
                <div class="notice-buttons">
                    <button type="button" class="button button-primary" id="import-choice-new" on:click=move |_| {
                        state.pending_import.set(None);
                        state.import_plan_as_new(as_new.clone());
                    }>{t("home.import.as_new")}</button>
                    {mergeable.then(|| view! {
                        <button type="button" class="button" id="import-choice-merge" on:click=move |_| {
                            state.pending_import.set(None);
                            state.pending_merge.set(Some(merging.clone()));
                            crate::ui::navigate(Route::Merge);
                        }>{t("home.import.merge")}</button>
                    })}
                    {open.map(|p| {
                        let label = tf("home.import.replace", &[("name", &p.name)]);
                        view! {
                            <button type="button" class="button button-danger" on:click=move |_| {
                                state.pending_import.set(None);
                                state.replace_open_plan(replacing.clone(), reason.clone());
                            }>{label}</button>
                        }
                    })}
                    <button type="button" class="button button-quiet" on:click=move |_| state.pending_import.set(None)>{t("home.import.cancel")}</button>
                </div>
                {has_open.then(|| view! { <p class="hint">{t("home.import.replace_hint")}</p> })}
            </section>
        })
    }
}

/// Handles a file dropped anywhere on the window: a plan file goes to « Mes plans » with the
/// choice above; other files get a message.
pub fn on_drop(state: AppState, ev: web_sys::DragEvent) {
    let Some(file) = ev
        .data_transfer()
        .and_then(|d| d.files())
        .and_then(|f| f.get(0))
    else {
        return;
    };
    ev.prevent_default();
    let name = file.name().to_ascii_lowercase();
    if [".csv", ".ods", ".xlsx", ".xls"]
        .iter()
        .any(|e| name.ends_with(e))
    {
        // A spreadsheet goes to the importer on screen, if there is one: it listens too.
        if !crate::ui::spreadsheet::importer_on_screen() {
            state
                .notice
                .set(Some(Notice::error(t("home.import.csv_elsewhere"), vec![])));
        }
        return;
    }
    crate::ui::navigate(Route::Home);
    offer_file(state, file);
}
