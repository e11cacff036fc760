//! The action plan in spreadsheets (step 3): downloads as .ods and .xlsx beside the CSV, and
//! a plan edited in LibreOffice or Excel read back. Reading shows, before anything is stored,
//! which fiches are new and what changes in the others, column by column; « Appliquer »
//! writes only those fiches, one record each.

use super::super::spreadsheet::SheetButtons;
use super::super::widgets::{focus_later, FilePicker, Fold};
use crate::browser;
use crate::parts::jobs::{self, ActionsRead, SheetExport};
use crate::state::{use_state, Notice};
use atelier_core::i18n::{t, tf, tn};
use atelier_core::sheets::{kind_of, Kind};
use atelier_core::ActionSheet;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The largest spreadsheet read: 20 MiB, far above any action plan.
const MAX_BYTES: f64 = 20.0 * 1_048_576.0;

/// A file read and waiting for « Appliquer ».
#[derive(Clone)]
struct Preview {
    file: String,
    /// The workbook's bytes and sheets, to read another sheet; `None` for CSV.
    workbook: Option<(std::sync::Arc<Vec<u8>>, Vec<String>, usize)>,
    read: std::sync::Arc<ActionsRead>,
}

/// The fold of step 3 with the other formats and the re-import.
#[component]
pub fn ActionSheets() -> impl IntoView {
    view! {
        <Fold class="sheets-fold" summary=t("actions.sheets.summary")>
            <div class="downloads">
                <SheetButtons what=SheetExport::ActionPlan label="actions.export.sheet" />
            </div>
            <ImportActions />
        </Fold>
    }
}

#[component]
fn ImportActions() -> impl IntoView {
    let state = use_state();
    let preview = RwSignal::new(None::<Preview>);
    let reading = RwSignal::new(None::<String>);

    // Reads `bytes` (sheet `sheet` of a workbook, or CSV) against the plan's fiches.
    let read = move |name: String, bytes: std::sync::Arc<Vec<u8>>, sheet: Option<usize>| {
        reading.set(Some(name.clone()));
        let existing = state.actions.get_untracked();
        let actors = state.actors.get_untracked();
        spawn_local(async move {
            let is_workbook = kind_of(&bytes) != Kind::Text;
            let outcome = if is_workbook {
                jobs::read_actions_workbook(bytes.to_vec(), sheet, existing, actors)
                    .await
                    .map(|r| r.map(|w| (Some((w.sheets, w.chosen)), w.read)))
            } else {
                jobs::read_actions_csv(bytes.to_vec(), existing, actors)
                    .await
                    .map(|r| r.map(|read| (None, read)))
            };
            reading.set(None);
            match outcome {
                Err(_) => state.part_failed(),
                Ok(Err(problems)) => state.notice.set(Some(Notice::error(
                    tf("actions.sheets.refused", &[("name", &name)]),
                    problems,
                ))),
                Ok(Ok((sheets, read))) => {
                    preview.set(Some(Preview {
                        file: name,
                        workbook: sheets.map(|(names, chosen)| (bytes, names, chosen)),
                        read: std::sync::Arc::new(read),
                    }));
                    focus_later("actions-import-title");
                }
            }
        });
    };
    let on_file = move |file: web_sys::File| {
        let name = file.name();
        if file.size() > MAX_BYTES {
            let mb = (MAX_BYTES / 1_048_576.0) as u64;
            state.notice.set(Some(Notice::error(
                tf("actions.sheets.refused", &[("name", &name)]),
                vec![tf("actors.import.too_big", &[("mb", &mb)])],
            )));
            return;
        }
        preview.set(None);
        spawn_local(async move {
            match browser::read_file(&file).await {
                Ok(bytes) => read(name, std::sync::Arc::new(bytes), None),
                Err(e) => state.notice.set(Some(Notice::error(
                    tf("actions.sheets.refused", &[("name", &name)]),
                    vec![e],
                ))),
            }
        });
    };

    // The fiches « Appliquer » writes: new ones, and updates that change something (with
    // the changes the preview showed).
    type Change = (atelier_core::action_csv::ActionColumn, String, String);
    let to_apply = move || -> Vec<(ActionSheet, Option<Vec<Change>>)> {
        preview.with_untracked(|p| {
            p.as_ref().map_or(Vec::new(), |p| {
                p.read
                    .import
                    .rows
                    .iter()
                    .zip(&p.read.changes)
                    .filter(|(row, changes)| row.updates.is_none() || !changes.is_empty())
                    .map(|(row, changes)| (row.sheet.clone(), row.updates.map(|_| changes.clone())))
                    .collect()
            })
        })
    };
    let apply = move |_| {
        let fiches = to_apply();
        let count = fiches.len();
        let actors = state.actors.get_untracked();
        for (sheet, changes) in fiches {
            match changes {
                // Only the columns the preview showed, onto the fiche as it is now: an edit
                // made since (here or in another tab) is kept.
                Some(changes) => state.update::<ActionSheet>(sheet.id, |current| {
                    atelier_core::action_csv::apply_changes(current, &changes, &actors)
                }),
                None => {
                    state.insert(sheet);
                }
            }
        }
        preview.set(None);
        state.notice.set(Some(Notice::success(tn(
            "actions.sheets.applied",
            count as u64,
            &[],
        ))));
    };

    view! {
        <div class="import-csv">
            <FilePicker label=t("actions.sheets.pick") accept=".csv,.ods,.xlsx,.xls,text/csv" id="import-actions-file" on_file=on_file />
            <p class="hint">{t("actions.sheets.hint")}</p>
        </div>
        <div aria-live="polite">
            {move || reading.get().map(|name| view! {
                <p class="busy"><progress aria-label=t("actors.import.reading_label")></progress>" " {tf("actors.import.reading", &[("name", &name)])}</p>
            })}
        </div>
        {move || preview.get().map(|p| {
            let rows = &p.read.import.rows;
            let new = rows.iter().filter(|r| r.updates.is_none()).count();
            let changed = rows.iter().zip(&p.read.changes).filter(|(r, c)| r.updates.is_some() && !c.is_empty()).count();
            let warnings: Vec<String> = p.read.import.problems.iter().map(|w| w.to_string()).collect();
            let sheet_choice = p.workbook.clone().filter(|(_, names, _)| names.len() > 1).map(|(bytes, names, chosen)| {
                let file = p.file.clone();
                view! {
                    <label for="actions-import-sheet">{t("actions.sheets.sheet")}</label>
                    <select id="actions-import-sheet" on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            read(file.clone(), bytes.clone(), Some(i));
                        }
                    }>
                        {names.into_iter().enumerate().map(|(i, n)| view! { <option value=i.to_string() selected=i == chosen>{n}</option> }).collect_view()}
                    </select>
                }
            });
            let items = rows.iter().zip(p.read.changes.iter()).map(|(row, changes)| {
                let what = match (row.updates, changes.is_empty()) {
                    (None, _) => vec![t("actions.sheets.new").to_owned()],
                    (Some(_), true) => vec![t("actions.sheets.unchanged").to_owned()],
                    (Some(_), false) => changes.iter().map(|(column, old, new)| {
                        tf("actors.import.change", &[("field", &column.header()), ("old", old), ("new", new)])
                    }).collect(),
                };
                view! {
                    <tr>
                        <td>{row.line}</td>
                        <th scope="row">{row.sheet.title.clone()}</th>
                        <td><ul class="changes">{what.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul></td>
                    </tr>
                }
            }).collect_view();
            view! {
                <section class="editor import-preview" aria-labelledby="actions-import-title">
                    <h2 id="actions-import-title" tabindex="-1">{tf("actions.sheets.preview_title", &[("file", &p.file)])}</h2>
                    {sheet_choice}
                    <p>{tf("actions.sheets.summary_counts", &[("rows", &rows.len()), ("new", &new), ("changed", &changed)])}</p>
                    {(!warnings.is_empty()).then(|| view! {
                        <h3>{tn("actors.import.warnings", warnings.len() as u64, &[])}</h3>
                        <ul class="notice-details">{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                    })}
                    <div class="table-wrap">
                        <table class="data-table preview-table">
                            <caption class="visually-hidden">{t("actions.sheets.caption")}</caption>
                            <thead><tr>
                                <th scope="col">{t("actors.import.col_line")}</th>
                                <th scope="col">{t("actions.sheets.col_title")}</th>
                                <th scope="col">{t("actions.sheets.col_change")}</th>
                            </tr></thead>
                            <tbody>{items}</tbody>
                        </table>
                    </div>
                    <div class="downloads preview-actions">
                        <button type="button" class="button button-primary" disabled=new + changed == 0 on:click=apply>
                            {tn("actions.sheets.apply", (new + changed) as u64, &[])}
                        </button>
                        <button type="button" class="button button-quiet" on:click=move |_| preview.set(None)>{t("actors.import.cancel")}</button>
                    </div>
                </section>
            }
        })}
    }
}
