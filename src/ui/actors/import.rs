//! Importing a census spreadsheet (CSV) into step 1. Nothing is stored when the file has an
//! error: the notice lists every problem with its line and column.

use crate::browser::{self, BrowserIds};
use crate::state::{use_state, Notice};
use atelier_core::census::{decode, read_census};
use atelier_core::file::MAX_FILE_BYTES;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ImportCsv() -> impl IntoView {
    let state = use_state();
    let on_file = move |file: web_sys::File| {
        let name = file.name();
        let refuse = move |reason: Vec<String>| {
            state.notice.set(Some(Notice::error(
                format!("Import de « {name} » refusé : rien n'a été enregistré."),
                reason,
            )));
        };
        if file.size() > MAX_FILE_BYTES as f64 {
            refuse(vec![format!(
                "Le fichier dépasse la limite de {} Mo.",
                MAX_FILE_BYTES / 1_048_576
            )]);
            return;
        }
        spawn_local(async move {
            let bytes = match browser::read_file(&file).await {
                Ok(b) => b,
                Err(e) => return refuse(vec![e]),
            };
            let (text, _encoding) = match decode(&bytes) {
                Ok(t) => t,
                Err(e) => return refuse(vec![e.to_string()]),
            };
            let import = match read_census(&text, &mut BrowserIds) {
                Ok(i) => i,
                Err(e) => return refuse(vec![e.to_string()]),
            };
            if import.errors().next().is_some() {
                return refuse(import.errors().map(|p| p.to_string()).collect());
            }
            if import.actors.is_empty() {
                return refuse(vec![
                    "Le fichier ne contient aucune ligne d'acteur sous l'en-tête.".into(),
                ]);
            }
            let warnings = import.problems.iter().map(|p| p.to_string()).collect();
            state.import_actors(import.actors, warnings);
        });
    };
    view! {
        <div class="import-csv">
            <super::super::widgets::FilePicker label="Importer un recensement (CSV)" accept=".csv,text/csv" id="import-csv-file" on_file=on_file />
            <p class="hint">"Le tableau du kit en CSV : ses six colonnes dans n'importe quel ordre, séparées par « ; », « , » ou des tabulations, en UTF-8 ou Windows-1252."</p>
        </div>
    }
}
