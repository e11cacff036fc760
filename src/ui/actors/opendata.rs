//! Importing actors from official open data into step 1 (kit step 1 B, « Recherche »): ADEME's
//! « Acteurs de l'économie circulaire » or the digital-inclusion places, recognised by their
//! headers when picked in the census importer.
//!
//! The file is read in slices, each handed to the core's streaming reader, which keeps only
//! the rows of the plan's territory: a regional export of tens of megabytes never freezes the
//! page (a progress bar moves, « Annuler » stops). The preview then says, for each row kept,
//! whether the plan already has that actor (by the source's id, SIRET or name) and offers to
//! skip, update or add it; an update never overwrites what the user set in the app.

use super::import::PAGE;
use crate::browser;
use crate::parts::jobs::{self, OpenDataPreview};
use crate::state::{use_state, Notice};
use atelier_core::i18n::{t, tf, tn};
use atelier_core::opendata::{Dataset, Filter, Match};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Bytes read at a time: small enough for the page to stay responsive while one is parsed.
const SLICE: f64 = 1024.0 * 1024.0;

/// What to do with a row of the file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Choice {
    Skip,
    Update,
    Add,
}

/// The territory filter, as the user set it.
#[derive(Clone, PartialEq, Eq)]
enum Area {
    /// The plan's territory: its EPCI code, or its member communes, or its commune.
    Plan,
    /// Communes the user listed (INSEE codes).
    Communes(String),
    /// No territory filter.
    All,
}

/// The open-data import of `file` (a `dataset` export): filters, reading, preview, import.
/// `on_close` is called when the user cancels or once the actors are stored.
#[component]
pub fn OpenDataImport(
    file: web_sys::File,
    dataset: Dataset,
    on_close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_state();
    let territory = state
        .plan
        .with_untracked(|p| p.as_ref().map(|p| p.territory.clone()))
        .unwrap_or_default();
    let plan_area = plan_filter(&territory);
    let area = RwSignal::new(if plan_area.is_some() {
        Area::Plan
    } else {
        Area::All
    });
    let digital_only = RwSignal::new(dataset == Dataset::AdemeCircular);
    let reading = RwSignal::new(None::<Reading>);
    let cancelled = RwSignal::new(false);
    let generation = RwSignal::new(0u32);
    let preview = RwSignal::new(None::<OpenDataPreview>);
    let choices = RwSignal::new(Vec::<Choice>::new());
    let shown = RwSignal::new(PAGE);
    let progress = RwSignal::new(None::<(usize, usize)>);
    let name = file.name();

    // Reads the whole file with the territory filter of the moment (again when it changes).
    let read = {
        let file = file.clone();
        let plan_area = plan_area.clone();
        move || {
            let file = file.clone();
            let mut filter = match area.get_untracked() {
                Area::Plan => plan_area.clone().unwrap_or_default(),
                Area::Communes(list) => Filter::default()
                    .with_communes(list.split(|c: char| c.is_whitespace() || c == ',' || c == ';')),
                Area::All => Filter::default(),
            };
            filter.digital_only = digital_only.get_untracked();
            // A read started earlier (before the filter changed) stops at its next slice.
            generation.update(|g| *g += 1);
            let wanted = generation.get_untracked();
            cancelled.set(false);
            preview.set(None);
            reading.set(Some(Reading {
                total: file.size(),
                ..Reading::default()
            }));
            spawn_local(async move {
                let current =
                    move || generation.get_untracked() == wanted && !cancelled.get_untracked();
                let outcome = read_all(state, &file, filter, current, reading).await;
                if generation.get_untracked() != wanted {
                    return; // Superseded by a newer read.
                }
                reading.set(None);
                match outcome {
                    Ok(Some(p)) => {
                        choices.set(p.rows.iter().map(|(_, m, _)| default_choice(m)).collect());
                        shown.set(PAGE);
                        preview.set(Some(p));
                        super::super::widgets::focus_later("opendata-title");
                    }
                    Ok(None) => on_close(), // Cancelled.
                    Err(Failure::Part) => state.part_failed(),
                    Err(Failure::File(problems)) => {
                        state.notice.set(Some(Notice::error(
                            tf("actors.import.refused", &[("name", &file.name())]),
                            problems,
                        )));
                        on_close();
                    }
                }
            });
        }
    };
    read();

    // The rows kept, by index.
    let kept = move || preview.with(|p| p.as_ref().map_or(0, |p| p.rows.len()));
    let kept = move || (0..kept()).collect::<Vec<usize>>();
    let to_store = move || {
        kept()
            .into_iter()
            .filter(|&i| choices.with_untracked(|c| c[i] != Choice::Skip))
            .count()
    };
    let confirm = {
        move |_| {
            let Some(p) = preview.get_untracked() else {
                return;
            };
            let chosen = choices.get_untracked();
            let picks: Vec<(usize, bool)> = kept()
                .into_iter()
                .filter_map(|i| match chosen[i] {
                    Choice::Skip => None,
                    Choice::Update => Some((i, true)),
                    Choice::Add => Some((i, false)),
                })
                .collect();
            let existing = state.actors.get_untracked();
            spawn_local(async move {
                match jobs::opendata_actors(p, picks, existing).await {
                    Ok(actors) => {
                        state.import_actors(actors, Vec::new(), progress);
                        on_close();
                    }
                    Err(_) => state.part_failed(),
                }
            });
        }
    };

    let dataset_label = dataset.label();
    let has_plan_area = plan_area.is_some();
    let plan_locates = plan_area.as_ref().is_none_or(|f| f.locates(dataset));
    let territory_name = territory.name.clone();
    let reread = read.clone();
    let reread_digital = read.clone();
    view! {
        <section class="editor import-preview" aria-labelledby="opendata-title">
            <h2 id="opendata-title" tabindex="-1">{tf("actors.opendata.title", &[("dataset", &dataset_label), ("file", &name)])}</h2>
            <p>{t("actors.opendata.lead")}</p>
            <fieldset class="field">
                <legend>{t("actors.opendata.area")}</legend>
                {has_plan_area.then(|| view! {
                    <div class="field-check">
                        <input type="radio" id="opendata-area-plan" name="opendata-area"
                            prop:checked=move || area.get() == Area::Plan
                            on:change=move |_| area.set(Area::Plan) />
                        <label for="opendata-area-plan">{tf("actors.opendata.area_plan", &[("name", &territory_name)])}</label>
                    </div>
                })}
                <div class="field-check">
                    <input type="radio" id="opendata-area-list" name="opendata-area"
                        prop:checked=move || matches!(area.get(), Area::Communes(_))
                        on:change=move |_| area.set(Area::Communes(String::new())) />
                    <label for="opendata-area-list">{t("actors.opendata.area_list")}</label>
                </div>
                {move || matches!(area.get(), Area::Communes(_)).then(|| view! {
                    <label for="opendata-communes">{t("actors.opendata.communes")}</label>
                    <input id="opendata-communes" type="text" inputmode="numeric"
                        prop:value=move || match area.get() { Area::Communes(l) => l, _ => String::new() }
                        on:change=move |ev| area.set(Area::Communes(event_target_value(&ev))) />
                })}
                <div class="field-check">
                    <input type="radio" id="opendata-area-all" name="opendata-area"
                        prop:checked=move || area.get() == Area::All
                        on:change=move |_| area.set(Area::All) />
                    <label for="opendata-area-all">{t("actors.opendata.area_all")}</label>
                </div>
                {(!has_plan_area).then(|| view! { <p class="hint">{t("actors.opendata.no_plan_area")}</p> })}
                {move || (area.get() == Area::Plan && !plan_locates).then(|| view! { <p class="hint">{t("actors.opendata.no_communes")}</p> })}
                <button type="button" class="button button-small" on:click=move |_| reread()>{t("actors.opendata.apply")}</button>
            </fieldset>
            {(dataset == Dataset::AdemeCircular).then(|| view! {
                <div class="field-check">
                    <input type="checkbox" id="opendata-digital" prop:checked=digital_only
                        on:change=move |ev| { digital_only.set(event_target_checked(&ev)); reread_digital(); } />
                    <label for="opendata-digital">{t("actors.opendata.digital")}</label>
                </div>
            })}
            <div aria-live="polite">
                {move || reading.get().map(|r| view! {
                    <p class="busy">
                        <progress max=r.total value=r.done aria-label=t("actors.opendata.reading_label")></progress>
                        " " {tf("actors.opendata.reading", &[("done", &megabytes(r.done)), ("total", &megabytes(r.total)), ("rows", &r.rows), ("kept", &r.kept)])}
                        " " <button type="button" class="button button-small" on:click=move |_| cancelled.set(true)>{t("actors.opendata.stop")}</button>
                    </p>
                })}
                {move || preview.with(|p| p.as_ref().map(|p| {
                    // Grouped digits (« 83 334 »), as `tn` writes the row count.
                    let number = |n: u64| super::super::format::number(n as f64);
                    let (area, kept) = (number(p.in_area), number(kept().len() as u64));
                    tn("actors.opendata.counts", p.read, &[("area", &area), ("kept", &kept)])
                })).map(|text| view! { <p class="opendata-counts">{text}</p> })}
                {move || preview.with(|p| p.as_ref().and_then(|p| p.rows.is_empty().then(|| view! {
                    <p class="hint">{t("actors.opendata.none_kept")}</p>
                })))}
                {move || preview.with(|p| p.as_ref().and_then(|p| {
                    let (n, line) = p.skipped;
                    (n > 0).then(|| tf("actors.opendata.skipped", &[("n", &n), ("line", &line.unwrap_or(0))]))
                })).map(|text| view! { <p class="hint">{text}</p> })}
                {move || progress.get().map(|(done, total)| view! {
                    <p class="busy">
                        <progress max=total value=done aria-label=t("actors.import.saving_label")></progress>
                        " " {tf("actors.import.saving", &[("done", &done), ("total", &total)])}
                    </p>
                })}
            </div>
            {move || preview.get().map(|p| {
                let rows = kept();
                let count = rows.len();
                view! {
                    <div class="table-wrap">
                        <table class="data-table preview-table">
                            <caption class="visually-hidden">{t("actors.opendata.rows_caption")}</caption>
                            <thead><tr>
                                <th scope="col">{t("actors.import.col_name")}</th>
                                <th scope="col">{t("actors.opendata.col_place")}</th>
                                <th scope="col">{t("actors.import.col_family")}</th>
                                <th scope="col">{t("actors.opendata.col_actions")}</th>
                                <th scope="col">{t("actors.opendata.col_match")}</th>
                            </tr></thead>
                            <tbody>
                                {move || rows.iter().take(shown.get()).map(|&i| {
                                    let (row, found, changes) = &p.rows[i];
                                    let changes = changes.iter().map(change_text).collect::<Vec<_>>();
                                    let label = tf("actors.opendata.row_choice", &[("name", &row.name)]);
                                    view! {
                                        <tr>
                                            <th scope="row">{row.name.clone()}</th>
                                            <td>{row.city.clone()}</td>
                                            <td>{row.family.label()}</td>
                                            <td>{row.nr_action_types.join(", ")}</td>
                                            <td>
                                                <span class="hint">{match_text(found)}" "</span>
                                                {(!changes.is_empty()).then(|| view! {
                                                    <ul class="changes">{changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                                                })}
                                                <select aria-label=label on:change=move |ev| {
                                                    let choice = match event_target_value(&ev).as_str() { "update" => Choice::Update, "add" => Choice::Add, _ => Choice::Skip };
                                                    choices.update(|c| c[i] = choice);
                                                }>
                                                    <option value="skip" prop:selected=move || choices.with(|c| c[i] == Choice::Skip)>{t("actors.import.skip")}</option>
                                                    {(!matches!(found, Match::New)).then(|| view! {
                                                        <option value="update" prop:selected=move || choices.with(|c| c[i] == Choice::Update)>{t("actors.import.update")}</option>
                                                    })}
                                                    <option value="add" prop:selected=move || choices.with(|c| c[i] == Choice::Add)>{t("actors.import.add")}</option>
                                                </select>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <super::import::ShowMore shown=shown rows=count />
                }
            })}
            <div class="downloads preview-actions">
                // Nothing to import (no row kept, or every row skipped): nothing to click.
                <button type="button" class="button button-primary" disabled=move || preview.with(Option::is_none) || to_store() == 0 on:click=confirm>
                    {move || tn("actors.import.confirm", to_store() as u64, &[])}
                </button>
                <button type="button" class="button button-quiet" on:click=move |_| { cancelled.set(true); on_close(); }>{t("actors.import.cancel")}</button>
            </div>
        </section>
    }
}

/// How far the reading is: bytes read of the total, rows read and rows in the territory.
#[derive(Clone, Copy, Default)]
struct Reading {
    done: f64,
    total: f64,
    rows: u64,
    kept: u64,
}

/// What an update would change, as the census preview says it.
fn change_text(c: &atelier_core::diff::FieldChange) -> String {
    let field = c.field.label();
    tf(
        "actors.import.change",
        &[("field", &field), ("old", &c.old), ("new", &c.new)],
    )
}

/// Why reading stopped.
enum Failure {
    /// The reader could not be downloaded.
    Part,
    /// The file is not what it seemed (each problem, with where).
    File(Vec<String>),
}

/// Reads `file` in slices through the core's streaming reader; `None` if the user stopped it.
async fn read_all(
    state: crate::state::AppState,
    file: &web_sys::File,
    filter: Filter,
    current: impl Fn() -> bool,
    reading: RwSignal<Option<Reading>>,
) -> Result<Option<OpenDataPreview>, Failure> {
    let existing = state.actors.get_untracked();
    let session = jobs::opendata_start(
        filter,
        file.name(),
        browser::file_day(file),
        browser::now(),
        existing,
    )
    .await
    .map_err(|_| Failure::Part)?;
    let total = file.size();
    let mut start = 0.0;
    while start < total {
        if !current() {
            return Ok(None);
        }
        let end = (start + SLICE).min(total);
        let bytes = browser::read_slice(file, start, end)
            .await
            .map_err(|e| Failure::File(vec![e]))?;
        let (_, rows, kept) = jobs::opendata_push(session.clone(), bytes)
            .await
            .map_err(|_| Failure::Part)?
            .map_err(|e| Failure::File(vec![e]))?;
        start = end;
        reading.set(Some(Reading {
            done: start,
            total,
            rows,
            kept,
        }));
        // Lets the page paint the progress and handle input between slices.
        browser::next_turn().await;
    }
    jobs::opendata_finish(session)
        .await
        .map_err(|_| Failure::Part)?
        .map(Some)
        .map_err(|e| Failure::File(vec![e]))
}

/// The filter of the plan's territory, if it has official codes (see `Filter::for_territory`).
fn plan_filter(territory: &atelier_core::Territory) -> Option<Filter> {
    Some(Filter::for_territory(territory)).filter(Filter::has_territory)
}

/// The choice offered first: add what is new, update what is surely there, leave the
/// possible matches to the user (skipped until they say).
fn default_choice(found: &Match) -> Choice {
    match found {
        Match::New => Choice::Add,
        Match::Source(_) | Match::Siret(_) => Choice::Update,
        Match::Name {
            confirmed: true, ..
        } => Choice::Update,
        Match::Name { .. } => Choice::Skip,
    }
}

/// What the match says, for the preview.
fn match_text(found: &Match) -> &'static str {
    match found {
        Match::New => t("actors.opendata.match_new"),
        Match::Source(_) => t("actors.opendata.match_source"),
        Match::Siret(_) => t("actors.opendata.match_siret"),
        Match::Name {
            confirmed: true, ..
        } => t("actors.opendata.match_name"),
        Match::Name { .. } => t("actors.opendata.match_possible"),
    }
}

/// Megabytes with one decimal, the display language's way.
fn megabytes(bytes: f64) -> String {
    super::super::format::number((bytes / 1_048_576.0 * 10.0).round() / 10.0)
}
