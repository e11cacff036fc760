//! Importing a census spreadsheet (CSV) into step 1, in two stages. Reading: the file is
//! decoded and parsed; a file that cannot be read, or has a row error, is refused with every
//! problem and its line, and nothing is stored. Preview: every row and every warning is listed,
//! rows that match an existing actor are flagged with a choice (skip, update, add), and only
//! « Importer » stores anything — in one transaction, with a progress bar.

use super::super::spreadsheet::take_dropped_sheets;
use crate::browser;
use crate::parts::jobs::{self, CensusRead};
use crate::state::{use_state, Notice};
use atelier_core::census::{merge_row, Column, DuplicateOf, Encoding, Severity};
use atelier_core::diff::FieldChange;
use atelier_core::file::MAX_FILE_BYTES;
use atelier_core::i18n::{t, tf, tn};
use atelier_core::opendata::{self, Dataset};
use atelier_core::provenance::{Origin, Stamp};
use atelier_core::sheets::{kind_of, Kind};
use atelier_core::Actor;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// What to do with a row that matches an existing actor.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Duplicate {
    Skip,
    Update,
    Add,
}

/// A read file waiting for the user's go-ahead.
#[derive(Clone)]
struct Preview {
    file: String,
    source: Source,
    actors: Vec<Actor>,
    lines: Vec<u64>,
    /// Rows left out (line, column, why): the others can still be imported.
    rejected: Vec<String>,
    warnings: Vec<String>,
    /// The kit columns the file has (an update changes only these).
    columns: Vec<Column>,
    /// For each row, the existing actor or earlier row it duplicates.
    duplicates: Vec<Option<DuplicateOf>>,
    /// For each row repeating a stored actor, what an update would change.
    changes: Vec<Vec<FieldChange>>,
    /// Stamps what the file sets (« read from this file, now »).
    stamp: Stamp,
}

/// The start of a file read to recognise an open-data export by its header line.
const HEADER_BYTES: f64 = opendata::reader::MAX_HEADER_BYTES as f64;

/// What the preview was read from.
#[derive(Clone)]
enum Source {
    Csv {
        encoding: Encoding,
        delimiter: u8,
    },
    /// A workbook: its bytes (to read another sheet), its sheets' names and the one read.
    Workbook {
        bytes: Arc<Vec<u8>>,
        sheets: Vec<String>,
        chosen: usize,
    },
}

/// Rows shown at first in the preview; « Afficher plus » adds as many again.
pub(super) const PAGE: usize = 100;

#[component]
pub fn ImportCsv() -> impl IntoView {
    let state = use_state();
    let preview = RwSignal::new(None::<Preview>);
    let choices = RwSignal::new(Vec::<Duplicate>::new());
    let shown = RwSignal::new(PAGE);
    let reading = RwSignal::new(None::<String>);
    let progress = RwSignal::new(None::<(usize, usize)>);
    // An open-data export picked here: its own importer takes over (filters, streaming).
    let opendata = RwSignal::new(None::<(web_sys::File, Dataset)>);

    // Reads a census file's `bytes`: CSV, or sheet `sheet` of a workbook (the first that
    // looks like a census when `None`).
    let read = move |name: String, bytes: Arc<Vec<u8>>, sheet: Option<usize>| {
        let refuse = {
            let name = name.clone();
            move |reason: Vec<String>| {
                reading.set(None);
                state.notice.set(Some(Notice::error(
                    tf("actors.import.refused", &[("name", &name)]),
                    reason,
                )));
            }
        };
        reading.set(Some(name.clone()));
        let existing = state.actors.get_untracked();
        let stamp = Stamp {
            at: browser::now(),
            origin: Origin::File { file: name.clone() },
        };
        spawn_local(async move {
            let outcome = if kind_of(&bytes) == Kind::Text {
                jobs::read_census(bytes.to_vec(), existing, stamp.clone())
                    .await
                    .map(|r| r.map(|read| (None, read)))
            } else {
                jobs::read_census_workbook(bytes.to_vec(), sheet, existing, stamp.clone())
                    .await
                    .map(|r| r.map(|w| (Some((bytes, w.sheets, w.chosen)), w.read)))
            };
            let (workbook, read) = match outcome {
                Ok(Ok(read)) => read,
                Ok(Err(problems)) => return refuse(problems),
                Err(_) => {
                    reading.set(None);
                    return state.part_failed();
                }
            };
            let CensusRead {
                encoding,
                import,
                duplicates,
                changes,
            } = read;
            if import.actors.is_empty() {
                // Every row in error: say why, row by row.
                let mut why: Vec<String> = import.errors().map(|p| p.to_string()).collect();
                if why.is_empty() {
                    why.push(t("actors.import.no_rows").into());
                }
                return refuse(why);
            }
            choices.set(vec![Duplicate::Skip; duplicates.len()]);
            shown.set(PAGE);
            reading.set(None);
            // A message about an earlier file no longer applies.
            state.notice.set(None);
            preview.set(Some(Preview {
                file: name,
                source: match workbook {
                    Some((bytes, sheets, chosen)) => Source::Workbook {
                        bytes,
                        sheets,
                        chosen,
                    },
                    None => Source::Csv {
                        encoding,
                        delimiter: import.delimiter,
                    },
                },
                rejected: import.errors().map(|p| p.to_string()).collect(),
                warnings: import
                    .problems
                    .iter()
                    .filter(|p| p.severity == Severity::Warning)
                    .map(|p| p.to_string())
                    .collect(),
                actors: import.actors,
                lines: import.lines,
                columns: import.columns,
                duplicates,
                changes,
                stamp,
            }));
            super::super::widgets::focus_later("import-preview-title");
        });
    };

    let on_file = move |file: web_sys::File| {
        let name = file.name();
        let refuse = move |reason: Vec<String>| {
            reading.set(None);
            state.notice.set(Some(Notice::error(
                tf("actors.import.refused", &[("name", &name)]),
                reason,
            )));
        };
        preview.set(None);
        opendata.set(None);
        reading.set(Some(file.name()));
        spawn_local(async move {
            // An open-data export is told by its header line.
            let head = browser::read_slice(&file, 0.0, file.size().min(HEADER_BYTES)).await;
            if let Some(dataset) = head
                .ok()
                .and_then(|h| opendata::detect(&String::from_utf8_lossy(&h)))
            {
                reading.set(None);
                if file.size() > opendata::reader::MAX_FILE_BYTES as f64 {
                    let mb = opendata::reader::MAX_FILE_BYTES / 1_000_000;
                    return refuse(vec![tf("actors.import.too_big", &[("mb", &mb)])]);
                }
                return opendata.set(Some((file, dataset)));
            }
            if file.size() > MAX_FILE_BYTES as f64 {
                let mb = MAX_FILE_BYTES / 1_048_576;
                return refuse(vec![tf("actors.import.too_big", &[("mb", &mb)])]);
            }
            match browser::read_file(&file).await {
                Ok(bytes) => read(file.name(), Arc::new(bytes), None),
                Err(e) => refuse(vec![e]),
            }
        });
    };
    take_dropped_sheets(on_file);

    // What « Importer » will store: new rows, and duplicates the user chose to update or add.
    let to_store = move || -> Vec<Actor> {
        let Some(p) = preview.get_untracked() else {
            return Vec::new();
        };
        let chosen = choices.get_untracked();
        let columns = p.columns.clone();
        let stamp = p.stamp.clone();
        p.actors
            .into_iter()
            .zip(p.duplicates)
            .zip(chosen)
            .filter_map(|((actor, dup), choice)| match (dup, choice) {
                (None, _) | (Some(_), Duplicate::Add) => Some(actor),
                // Only the file's columns change; the qualification made in the app stays.
                (Some(DuplicateOf::Existing(existing)), Duplicate::Update) => {
                    state.actors.with_untracked(|list| {
                        list.iter().find(|a| a.id == existing).map(|old| {
                            let mut merged = old.clone();
                            // What was set in the app since stays (shown in the preview).
                            merge_row(&mut merged, &actor, &columns, &[], &stamp);
                            merged
                        })
                    })
                }
                // A row repeated in the file is stored once unless the user adds it.
                (Some(_), _) => None,
            })
            .collect()
    };
    let count_to_store = move || {
        preview.with(|p| {
            p.as_ref().map_or(0, |p| {
                choices.with(|c| {
                    p.duplicates
                        .iter()
                        .zip(c)
                        .filter(|(d, c)| d.is_none() || **c != Duplicate::Skip)
                        .count()
                })
            })
        })
    };
    let confirm = move |_| {
        let actors = to_store();
        let warnings =
            preview.with_untracked(|p| p.as_ref().map(|p| p.warnings.clone()).unwrap_or_default());
        preview.set(None);
        state.import_actors(actors, warnings, progress);
    };
    let set_all =
        move |choice: Duplicate| choices.update(|c| c.iter_mut().for_each(|x| *x = choice));

    view! {
        <div class="import-csv">
            <super::super::widgets::FilePicker label=t("actors.import.pick") accept=".csv,.ods,.xlsx,.xls,text/csv,text/plain" id="import-csv-file" on_file=on_file />
            <p class="hint">{t("actors.import.hint")}</p>
        </div>
        {move || opendata.get().map(|(file, dataset)| view! {
            <super::opendata::OpenDataImport file=file dataset=dataset on_close=move || opendata.set(None) />
        })}
        <div aria-live="polite">
            {move || reading.get().map(|name| view! {
                <p class="busy"><progress aria-label=t("actors.import.reading_label")></progress>" " {tf("actors.import.reading", &[("name", &name)])}</p>
            })}
            {move || progress.get().map(|(done, total)| view! {
                <p class="busy">
                    <progress max=total value=done aria-label=t("actors.import.saving_label")></progress>
                    " " {tf("actors.import.saving", &[("done", &done), ("total", &total)])}
                </p>
            })}
        </div>
        {move || preview.get().map(|p| {
            let duplicates = p.duplicates.iter().filter(|d| d.is_some()).count();
            let rows = p.actors.len();
            let summary = match &p.source {
                Source::Csv { encoding, delimiter } => {
                    let separator = match delimiter { b';' => t("actors.import.semicolon"), b',' => t("actors.import.comma"), _ => t("actors.import.tab") };
                    tn("actors.import.summary", (p.actors.len() + p.rejected.len()) as u64, &[("encoding", &encoding.label()), ("separator", &separator)])
                }
                Source::Workbook { sheets, chosen, .. } => tn("actors.import.summary_sheet", (p.actors.len() + p.rejected.len()) as u64, &[("sheet", &sheets[*chosen])]),
            };
            let sheet_choice = match &p.source {
                Source::Workbook { bytes, sheets, chosen } if sheets.len() > 1 => {
                    let (file, bytes, chosen) = (p.file.clone(), bytes.clone(), *chosen);
                    let options = sheets.iter().enumerate().map(|(i, n)| view! { <option value=i.to_string() selected=i == chosen>{n.clone()}</option> }).collect_view();
                    Some(view! {
                        <p class="field">
                            <label for="import-sheet">{t("actors.import.sheet")}</label>
                            <select id="import-sheet" on:change=move |ev| {
                                if let Ok(i) = event_target_value(&ev).parse::<usize>() { read(file.clone(), bytes.clone(), Some(i)); }
                            }>{options}</select>
                        </p>
                    })
                }
                _ => None,
            };
            view! {
                <section class="editor import-preview" aria-labelledby="import-preview-title">
                    <h2 id="import-preview-title" tabindex="-1">{tf("actors.import.preview_title", &[("file", &p.file)])}</h2>
                    {sheet_choice}
                    <p>{summary}</p>
                    {(!p.rejected.is_empty()).then(|| view! {
                        <h3>{tn("actors.import.rejected", p.rejected.len() as u64, &[])}</h3>
                        <ul class="notice-details">{p.rejected.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}</ul>
                    })}
                    {(!p.warnings.is_empty()).then(|| view! {
                        <h3>{tn("actors.import.warnings", p.warnings.len() as u64, &[])}</h3>
                        <ul class="notice-details">{p.warnings.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}</ul>
                    })}
                    {(duplicates > 0).then(|| view! {
                        <h3>{tn("actors.import.duplicates", duplicates as u64, &[])}</h3>
                        <p>{t("actors.import.duplicates_hint")}</p>
                        <div class="downloads">
                            <button type="button" class="button button-small" on:click=move |_| set_all(Duplicate::Skip)>{t("actors.import.skip")}</button>
                            <button type="button" class="button button-small" on:click=move |_| set_all(Duplicate::Update)>{t("actors.import.update_all")}</button>
                            <button type="button" class="button button-small" on:click=move |_| set_all(Duplicate::Add)>{t("actors.import.add_all")}</button>
                        </div>
                    })}
                    <div class="table-wrap">
                        <table class="data-table preview-table">
                            <caption class="visually-hidden">{t("actors.import.rows_caption")}</caption>
                            <thead><tr>
                                <th scope="col">{t("actors.import.col_line")}</th><th scope="col">{t("actors.import.col_name")}</th><th scope="col">{t("actors.import.col_type")}</th>
                                <th scope="col">{t("actors.import.col_family")}</th><th scope="col">{t("actors.import.col_engagement")}</th><th scope="col">{t("actors.import.col_duplicate")}</th>
                            </tr></thead>
                            <tbody>
                                {move || {
                                    let limit = shown.get();
                                    p.actors.iter().zip(&p.lines).zip(&p.duplicates).enumerate().take(limit).map(|(i, ((a, line), dup))| view! {
                                        <tr>
                                            <td data-label=t("actors.import.col_line")>{*line}</td>
                                            <th scope="row" data-label=t("actors.import.cell_name")>{a.name.clone()}</th>
                                            <td data-label=t("actors.import.col_type")>{a.actor_type.clone()}</td>
                                            <td data-label=t("actors.import.col_family")>{a.family.label()}</td>
                                            <td data-label=t("actors.import.col_engagement")>{a.engagement.label()}</td>
                                            <td data-label=t("actors.import.col_duplicate")>{dup.map(|d| {
                                                let label = tf("actors.import.row_choice", &[("line", line)]);
                                                let of = match d {
                                                    DuplicateOf::Existing(_) => t("actors.import.duplicate_of_actor").to_owned(),
                                                    DuplicateOf::EarlierRow(first) => tf("actors.import.duplicate_of_row", &[("line", &p.lines[first])]),
                                                };
                                                // What « Mettre à jour » would change, and what it keeps.
                                                let changes = p.changes[i].clone();
                                                let summary = changes.iter().map(|c| {
                                                    let name = c.field.label();
                                                    if c.set_in_app {
                                                        tf("actors.import.change_kept", &[("field", &name), ("old", &c.old), ("new", &c.new)])
                                                    } else {
                                                        tf("actors.import.change", &[("field", &name), ("old", &c.old), ("new", &c.new)])
                                                    }
                                                }).collect::<Vec<_>>();
                                                let no_change = matches!(d, DuplicateOf::Existing(_)) && summary.is_empty();
                                                view! {
                                                    <span class="hint">{of}" "</span>
                                                    {(!summary.is_empty()).then(|| view! {
                                                        <ul class="changes">{summary.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                                                    })}
                                                    {no_change.then(|| view! { <span class="hint">{t("actors.import.no_change")}" "</span> })}
                                                    <select aria-label=label on:change=move |ev| {
                                                        let choice = match event_target_value(&ev).as_str() { "update" => Duplicate::Update, "add" => Duplicate::Add, _ => Duplicate::Skip };
                                                        choices.update(|c| c[i] = choice);
                                                    }>
                                                        <option value="skip" prop:selected=move || choices.with(|c| c[i] == Duplicate::Skip)>{t("actors.import.skip")}</option>
                                                        <option value="update" prop:selected=move || choices.with(|c| c[i] == Duplicate::Update)>{t("actors.import.update")}</option>
                                                        <option value="add" prop:selected=move || choices.with(|c| c[i] == Duplicate::Add)>{t("actors.import.add")}</option>
                                                    </select>
                                                }
                                            })}</td>
                                        </tr>
                                    }).collect_view()
                                }}
                            </tbody>
                        </table>
                    </div>
                    <ShowMore shown=shown rows=rows />
                    <div class="downloads preview-actions">
                        <button type="button" class="button button-primary" on:click=confirm>
                            {move || tn("actors.import.confirm", count_to_store() as u64, &[])}
                        </button>
                        <button type="button" class="button button-quiet" on:click=move |_| preview.set(None)>{t("actors.import.cancel")}</button>
                    </div>
                </section>
            }
        })}
    }
}

/// « Afficher plus » under a preview table showing the first `shown` of `rows` rows: adds a
/// page of rows.
#[component]
pub(super) fn ShowMore(shown: RwSignal<usize>, rows: usize) -> impl IntoView {
    move || {
        (shown.get() < rows).then(|| {
            view! {
                <button type="button" class="button button-quiet" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {tf("actors.import.show_more", &[("shown", &shown.get()), ("rows", &rows)])}
                </button>
            }
        })
    }
}
