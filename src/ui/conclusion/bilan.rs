//! The yearly review (« bilan annuel », loi REEN art. 35): the year to review, when it is due
//! (before the budget debate noted in the governance), what is still missing for it, and the
//! review as an editable OpenDocument text (its writer is downloaded on first use).

use super::super::fields::SelectField;
use crate::browser;
use crate::parts::jobs;
use crate::state::{use_state, AppState, Notice};
use atelier_core::bilan::{self, odt::MIMETYPE};
use atelier_core::file::format::slug;
use atelier_core::i18n::{t, tf, tn};
use atelier_core::text::short_date;
use chrono::Datelike;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Bilan() -> impl IntoView {
    let state = use_state();
    let today = browser::today();
    let year = RwSignal::new(bilan::likely_year(today));
    let busy = RwSignal::new(false);
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
    let debate = move || {
        state
            .plan
            .with(|p| p.as_ref().and_then(|p| p.governance.budget_debate_on))
    };
    view! {
        <section aria-labelledby="bilan-title" class="bilan">
            <h2 id="bilan-title">{t("conclusion.bilan.title")}</h2>
            <p class="lead">{t("conclusion.bilan.lead")}</p>
            <div class="form-grid">
                <SelectField id="bilan-year" label=t("conclusion.bilan.year") options=years
                    selected=Signal::derive(move || year.get().to_string())
                    on_change=move |v: String| if let Ok(y) = v.parse() { year.set(y) } />
            </div>
            <p>{move || match debate() {
                Some(day) => tf("conclusion.bilan.due", &[("year", &year.get()), ("day", &short_date(day))]),
                None => t("conclusion.bilan.due_unknown").to_owned(),
            }}</p>
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
            <button type="button" class="button button-primary" disabled=busy aria-busy=move || busy.get().to_string()
                on:click=move |_| download(state, year.get_untracked(), busy)>
                {move || tf("conclusion.bilan.download", &[("year", &year.get())])}</button>
        </section>
    }
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
