//! The yearly review (« bilan annuel », loi REEN art. 35): the year to review, when it is due
//! (before the budget debate noted in the governance), what is still missing for it, the
//! review as an editable OpenDocument text (its writer is downloaded on first use), closing
//! the year (a read-only snapshot, see `atelier_core::snapshot`) and what changed since the
//! previous closed year.

use super::super::fields::SelectField;
use super::super::widgets::Fold;
use super::pair_bars::{PairBars, PairRow};
use crate::browser;
use crate::parts::jobs;
use crate::state::{use_state, AppState, Notice};
use atelier_core::bilan::{self, odt::MIMETYPE};
use atelier_core::file::format::slug;
use atelier_core::i18n::{t, tf, tn};
use atelier_core::snapshot::{close_year, compare, Comparison, YearSnapshot};
use atelier_core::text::short_date;
use chrono::Datelike;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The section: when the review is due, always shown; the rest folded (built only when
/// opened: the conclusion is a long screen, and EcoIndex counts every element).
#[component]
pub fn Bilan() -> impl IntoView {
    let state = use_state();
    let year = RwSignal::new(bilan::likely_year(browser::today()));
    let debate = move || {
        state
            .plan
            .with(|p| p.as_ref().and_then(|p| p.governance.budget_debate_on))
    };
    view! {
        <section aria-labelledby="bilan-title" class="bilan">
            <h2 id="bilan-title">{t("conclusion.bilan.title")}</h2>
            <p class="lead">{t("conclusion.bilan.lead")}</p>
            <p class="bilan-due">{move || match debate() {
                Some(day) => tf("conclusion.bilan.due", &[("year", &year.get()), ("day", &short_date(day))]),
                None => t("conclusion.bilan.due_unknown").to_owned(),
            }}</p>
            <Fold summary=t("conclusion.bilan.open")>
                <BilanBody year=year />
            </Fold>
        </section>
    }
}

/// The year, the governance's dates, what is missing, the document, closing and comparing.
#[component]
fn BilanBody(year: RwSignal<i32>) -> impl IntoView {
    let state = use_state();
    let today = browser::today();
    let busy = RwSignal::new(false);
    // A closed year about to be closed again, waiting for the user's go-ahead.
    let replacing = RwSignal::new(None::<YearSnapshot>);
    let years: Vec<(String, String)> = (today.year() - 3..=today.year())
        .rev()
        .map(|y| (y.to_string(), y.to_string()))
        .collect();
    // What the review of the year will lack: results and spending not entered yet.
    let missing = Memo::new(move |_| {
        let y = year.get();
        state.actions.with(|actions| {
            let no_result = actions
                .iter()
                .flat_map(|a| &a.indicators)
                .filter(|i| i.result_in(y).is_none())
                .count();
            let no_actual = actions
                .iter()
                .flat_map(|a| &a.budget)
                .filter(|l| l.year == Some(y) && l.actual.is_none())
                .count();
            (no_result, no_actual)
        })
    });
    view! {
            <div class="form-grid">
                <SelectField id="bilan-year" label=t("conclusion.bilan.year") options=years
                    selected=Signal::derive(move || year.get().to_string())
                    on_change=move |v: String| if let Ok(y) = v.parse() { year.set(y) } />
            </div>
            <super::governance::ReviewDates />
            {move || {
                let (no_result, no_actual) = missing.get();
                let y = year.get();
                let items: Vec<String> = [
                    (no_result > 0).then(|| tn("conclusion.bilan.no_result", no_result as u64, &[("year", &y)])),
                    (no_actual > 0).then(|| tn("conclusion.bilan.no_actual", no_actual as u64, &[("year", &y)])),
                ].into_iter().flatten().collect();
                (!items.is_empty()).then(|| view! {
                    <p>{t("conclusion.bilan.missing")}</p>
                    <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                })
            }}
            <div class="notice-buttons">
                <button type="button" class="button button-primary" disabled=busy aria-busy=move || busy.get().to_string()
                    on:click=move |_| download(state, year.get_untracked(), busy)>
                    {move || tf("conclusion.bilan.download", &[("year", &year.get())])}</button>
                <a class="button" href=move || crate::route::Route::Bilan(year.get()).href()>
                    {move || tf("conclusion.bilan.printable", &[("year", &year.get())])}</a>
                <button type="button" class="button" on:click=move |_| close(state, year.get_untracked(), replacing)>
                    {move || tf("conclusion.bilan.close", &[("year", &year.get())])}</button>
            </div>
            {move || replacing.get().map(|old| view! {
                <super::super::widgets::Confirm
                    text=tf("conclusion.bilan.close_again", &[("year", &old.year), ("day", &short_date(old.closed_at.date_naive()))])
                    yes=t("conclusion.bilan.replace") no=t("conclusion.bilan.keep")
                    on_yes=move || { replacing.set(None); replace(state, old.clone()); }
                    on_no=move || replacing.set(None) />
            })}
            <ClosedYears />
            {move || comparison(state, year.get()).map(|c| view! { <Compared c=c /> })}
    }
}

/// Closes `year`: a new snapshot, or — after a question — one replacing the year's snapshot.
fn close(state: AppState, year: i32, replacing: RwSignal<Option<YearSnapshot>>) {
    let existing = state
        .snapshots
        .with_untracked(|l| l.iter().find(|s| s.year == year).cloned());
    if let Some(old) = existing {
        return replacing.set(Some(old));
    }
    let Some(file) = state.export_file() else {
        return;
    };
    state.insert(close_year(&file, year, browser::new_id(), browser::now()));
    state.notice.set(Some(Notice::success(tf(
        "conclusion.bilan.closed",
        &[("year", &year)],
    ))));
}

/// Closes the year of `old` again, under the same id: one record replaced.
fn replace(state: AppState, old: YearSnapshot) {
    let Some(file) = state.export_file() else {
        return;
    };
    let fresh = close_year(&file, old.year, old.id, browser::now());
    state.update::<YearSnapshot>(old.id, move |s| *s = fresh);
    state.notice.set(Some(Notice::success(tf(
        "conclusion.bilan.closed",
        &[("year", &old.year)],
    ))));
}

/// `year` as it stands (its snapshot if closed, else the plan now) against the latest year
/// closed before it; `None` when no earlier year is closed.
fn comparison(state: AppState, year: i32) -> Option<Comparison> {
    let before = state.snapshots.with(|l| {
        l.iter()
            .filter(|s| s.year < year)
            .max_by_key(|s| s.year)
            .cloned()
    })?;
    let closed = state
        .snapshots
        .with(|l| l.iter().find(|s| s.year == year).cloned());
    let now = match closed {
        Some(s) => s,
        None => {
            // Follow every edit: the comparison of an open year is live.
            state.actions.track();
            state.actors.track();
            state.mobilisations.track();
            let file = state.export_file()?;
            close_year(&file, year, before.id, browser::now())
        }
    };
    Some(compare(&before, &now))
}

/// The closed years, each deletable (with « Annuler »).
#[component]
fn ClosedYears() -> impl IntoView {
    let state = use_state();
    move || {
        let mut list = state.snapshots.get();
        if list.is_empty() {
            return None;
        }
        list.sort_by_key(|s| s.year);
        Some(view! {
            <h3>{t("conclusion.bilan.closed_title")}</h3>
            <ul class="closed-years">
                {list.into_iter().map(|s| {
                    let id = s.id;
                    view! {
                        <li>{tf("conclusion.bilan.closed_on", &[("year", &s.year), ("day", &short_date(s.closed_at.date_naive()))])} " "
                            <button type="button" class="button button-small button-quiet" on:click=move |_| { state.delete::<YearSnapshot>(id) }>
                                {t("common.delete")} <span class="visually-hidden">{tf("conclusion.bilan.delete_which", &[("year", &s.year)])}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        })
    }
}

/// What changed since the previous closed year: in words, and fiches done per axis as bars.
#[component]
fn Compared(c: Comparison) -> impl IntoView {
    let state = use_state();
    let names: Vec<String> = state.actors.with_untracked(|actors| {
        c.went_up
            .iter()
            .filter_map(|id| actors.iter().find(|a| a.id == *id).map(|a| a.name.clone()))
            .collect()
    });
    let (year, previous) = (c.year, c.previous);
    let title = tf(
        "conclusion.bilan.compared",
        &[("year", &year), ("previous", &previous)],
    );
    let charts = charts(&c, &state);
    view! {
        <h3>{title.clone()}</h3>
        <ul class="compared">
            <li>{tf("conclusion.bilan.done", &[("now", &c.done.1), ("then", &c.done.0), ("previous", &previous)])}</li>
            <li>{tf("conclusion.bilan.spent", &[("now", &bilan::euros(c.spent.1)), ("then", &bilan::euros(c.spent.0)), ("previous", &previous)])}</li>
            <li>{tf("conclusion.bilan.held", &[("now", &c.held.1), ("then", &c.held.0), ("previous", &previous)])}</li>
            <li>{tn("conclusion.bilan.went_up", c.went_up.len() as u64, &[])}
                {(!names.is_empty()).then(|| format!(" : {}", names.join(", ")))}</li>
            {c.moved.iter().map(|(name, then, now, _)| view! {
                <li>{tf("conclusion.bilan.moved", &[("name", name), ("then", then), ("now", now)])}</li>
            }).collect_view()}
        </ul>
        {charts.into_iter().map(|(rows, alt, legend)| view! {
            <PairBars rows=rows alt=alt />
            <p class="hint">{legend}</p>
        }).collect_view()}
    }
}

/// The plots of `c`, each with its text alternative and legend: fiches done per axis,
/// indicators measured both years (each scaled to its own target), actors per engagement level.
fn charts(c: &Comparison, state: &AppState) -> Vec<(Vec<PairRow>, String, String)> {
    let (year, previous) = (&c.year, &c.previous);
    let years = [("previous", previous), ("year", year)];
    let sentence = |key: &'static str, pairs: &[(&str, &dyn std::fmt::Display)]| {
        let mut all: Vec<(&str, &dyn std::fmt::Display)> = pairs.to_vec();
        all.extend(
            years
                .iter()
                .map(|(k, v)| (*k, *v as &dyn std::fmt::Display)),
        );
        tf(key, &all)
    };
    let most = c
        .done_by_axis
        .iter()
        .map(|(_, a, b)| *a.max(b))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let axes = c.done_by_axis.iter().map(|(axis, then, now)| PairRow {
        label: axis.label().to_owned(),
        then: *then as f64,
        now: *now as f64,
        scale: most,
        mark: None,
        shown: now.to_string(),
    });
    let axes_alt = c.done_by_axis.iter().map(|(axis, then, now)| {
        sentence(
            "conclusion.bilan.axis_alt",
            &[("axis", &axis.label()), ("then", then), ("now", now)],
        )
    });
    let number = |v: f64| super::super::format::number(v);
    let indicators = c.moved.iter().map(|(name, then, now, target)| PairRow {
        label: name.clone(),
        then: *then,
        now: *now,
        scale: then.max(*now).max(target.unwrap_or(0.0)),
        mark: *target,
        shown: number(*now),
    });
    let indicators_alt = c.moved.iter().map(|(name, then, now, target)| {
        let (then, now) = (number(*then), number(*now));
        match target {
            Some(t) => sentence(
                "conclusion.bilan.indicator_alt_target",
                &[
                    ("name", name),
                    ("then", &then),
                    ("now", &now),
                    ("target", &number(*t)),
                ],
            ),
            None => sentence(
                "conclusion.bilan.indicator_alt",
                &[("name", name), ("then", &then), ("now", &now)],
            ),
        }
    });
    let labels = state
        .plan
        .with_untracked(|p| p.as_ref().map(|p| p.engagement_labels.clone()))
        .unwrap_or_default();
    let level = |l: atelier_core::EngagementLevel| {
        labels
            .get(l as usize)
            .cloned()
            .unwrap_or_else(|| l.label().to_owned())
    };
    let most = c
        .by_level
        .iter()
        .map(|(_, a, b)| *a.max(b))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let levels = c.by_level.iter().map(|(l, then, now)| PairRow {
        label: level(*l),
        then: *then as f64,
        now: *now as f64,
        scale: most,
        mark: None,
        shown: now.to_string(),
    });
    let levels_alt = c.by_level.iter().map(|(l, then, now)| {
        sentence(
            "conclusion.bilan.level_alt",
            &[("level", &level(*l)), ("then", then), ("now", now)],
        )
    });
    let join = |s: Vec<String>| s.join(" ");
    let mut out = vec![(
        axes.collect(),
        join(axes_alt.collect()),
        sentence("conclusion.bilan.legend", &[]),
    )];
    if !c.moved.is_empty() {
        out.push((
            indicators.collect(),
            join(indicators_alt.collect()),
            sentence("conclusion.bilan.legend_indicators", &[]),
        ));
    }
    out.push((
        levels.collect(),
        join(levels_alt.collect()),
        sentence("conclusion.bilan.legend_levels", &[]),
    ));
    out
}

/// Writes the review of `year` and offers it, saying so (or why not) in the notice area.
fn download(state: AppState, year: i32, busy: RwSignal<bool>) {
    let Some(file) = state.export_file() else {
        return;
    };
    let name = format!(
        "{}.odt",
        tf(
            "conclusion.bilan.file",
            &[("plan", &slug(&file.plan.name)), ("year", &year)]
        )
    );
    busy.set(true);
    spawn_local(async move {
        let written = jobs::write_bilan(file, year, browser::now()).await;
        busy.set(false);
        let notice = match written {
            Err(_) => return state.part_failed(),
            Ok(Err(detail)) => Notice::error(t("share.sheets.failed"), vec![detail]),
            Ok(Ok(bytes)) => match browser::download_bytes(&name, MIMETYPE, &bytes) {
                Ok(()) => Notice::success(tf("share.sheets.downloaded", &[("name", &name)])),
                Err(_) => Notice::error(t("share.sheets.refused"), vec![]),
            },
        };
        state.notice.set(Some(notice));
    });
}
