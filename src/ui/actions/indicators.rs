//! The indicators (« indicateurs ») of a fiche action: target, this year's target, baseline,
//! measured values, and how far the latest measure has come.

use super::super::format::{number, parse_number, plain, typed_number};
use super::editor::Edit;
use crate::state::use_state;
use atelier_core::i18n::{t, tf};
use atelier_core::{ActionSheet, Id, Indicator, Measure, YearTarget};
use leptos::prelude::*;

#[component]
pub fn Indicators(id: Id) -> impl IntoView {
    let state = use_state();
    let edit = move |change: Edit| state.update::<ActionSheet>(id, change);
    let list = Memo::new(move |_| {
        state.actions.with(|l| {
            l.iter()
                .find(|a| a.id == id)
                .map(|a| a.indicators.clone())
                .unwrap_or_default()
        })
    });
    let (name, set_name) = signal(String::new());
    let (error, set_error) = signal(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_owned();
        set_error.set(n.is_empty());
        if n.is_empty() {
            return;
        }
        set_name.set(String::new());
        edit(Box::new(move |a| a.indicators.push(Indicator::new(n))));
    };
    view! {
        <h3>{t("actions.indicators.title")}</h3>
        <ul class="indicators">
            {move || list.get().into_iter().enumerate().map(|(i, ind)| view! {
                <li><IndicatorCard id=id index=i indicator=ind edit=edit /></li>
            }).collect_view()}
        </ul>
        <form class="inline-form" on:submit=add novalidate>
            <label for="new-indicator">{t("actions.indicators.new")}</label>
            <input id="new-indicator" type="text" prop:value=name placeholder=t("actions.indicators.new_placeholder")
                aria-invalid=move || error.get().then_some("true")
                on:input=move |ev| set_name.set(event_target_value(&ev)) />
            <button type="submit" class="button">{t("actions.indicators.add")}</button>
            {move || error.get().then(|| view! { <p class="field-error">{t("actions.indicators.missing")}</p> })}
        </form>
    }
}

#[component]
fn IndicatorCard(
    id: Id,
    index: usize,
    indicator: Indicator,
    edit: impl Fn(Edit) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i = index;
    let at = move |f: Box<dyn FnOnce(&mut Indicator)>| {
        edit(Box::new(move |a| {
            if let Some(x) = a.indicators.get_mut(i) {
                f(x)
            }
        }))
    };
    let label = indicator.name.clone();
    let unit = indicator.unit.clone();
    let progress = indicator.percent();
    let latest = indicator.latest().map(|m| m.value);
    let summary = match (latest, indicator.target) {
        (Some(v), Some(goal)) => tf(
            "actions.indicators.summary_both",
            &[
                ("value", &number(v)),
                ("target", &number(goal)),
                ("unit", &unit),
            ],
        ),
        (Some(v), None) => tf(
            "actions.indicators.summary_value",
            &[("value", &number(v)), ("unit", &unit)],
        ),
        (None, Some(goal)) => tf(
            "actions.indicators.summary_target",
            &[("target", &number(goal)), ("unit", &unit)],
        ),
        (None, None) => t("actions.indicators.summary_none").to_owned(),
    };
    let (problem, set_problem) = signal(None::<&'static str>);
    let label_for_remove = label.clone();
    let (day, set_day) = signal(crate::browser::today().to_string());
    let (value, set_value) = signal(String::new());
    let (error, set_error) = signal(false);
    let opt = |v: Option<f64>| v.map(plain).unwrap_or_default();
    let _ = id;
    let year = chrono::Datelike::year(&crate::browser::today());
    let other_years: Vec<String> = indicator
        .yearly_targets
        .iter()
        .filter(|t| t.year != year)
        .map(|t| {
            tf(
                "actions.indicators.year_target_is",
                &[
                    ("year", &t.year),
                    ("value", &number(t.value)),
                    ("unit", &unit),
                ],
            )
        })
        .collect();
    view! {
        <div class="indicator">
            <h4>{label.clone()}</h4>
            <p class="indicator-summary">{summary}
                // « of the way »: a unit in % would otherwise give two « % » meaning two things.
                {progress.map(|p| view! { " — " <strong>{tf("actions.indicators.percent_way", &[("p", &p)])}</strong>
                    <progress max="100" value=p aria-label=tf("actions.indicators.progress_label", &[("name", &label)])>{tf("actions.indicators.percent", &[("p", &p)])}</progress> })}
            </p>
            // Saved at every keystroke; `prop:` so that each card shows its own indicator after
            // one above it is removed.
            <div class="form-row">
                <label>{t("actions.indicators.name")} <input type="text" prop:value=indicator.name.clone()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        if v.trim().is_empty() { set_problem.set(Some(t("actions.indicators.name_required"))); }
                        else { set_problem.set(None); at(Box::new(move |x| x.name = v.trim().to_owned())) }
                    } /></label>
                <label>{t("actions.indicators.unit")} <input type="text" prop:value=unit.clone() size="8"
                    on:input=move |ev| { let v = event_target_value(&ev); at(Box::new(move |x| x.unit = v)) } /></label>
                <label>{t("actions.indicators.baseline")} <input type="number" step="any" prop:value=opt(indicator.baseline)
                    on:input=move |ev| match typed_number(&ev) {
                        Ok(v) => { set_problem.set(None); at(Box::new(move |x| x.baseline = v)) }
                        Err(()) => set_problem.set(Some(t("actions.indicators.baseline_error"))),
                    } /></label>
                <label>{t("actions.indicators.target")} <input type="number" step="any" prop:value=opt(indicator.target)
                    on:input=move |ev| match typed_number(&ev) {
                        Ok(v) => { set_problem.set(None); at(Box::new(move |x| x.target = v)) }
                        Err(()) => set_problem.set(Some(t("actions.indicators.target_error"))),
                    } /></label>
                // This year's target (the yearly review compares the year's result with it);
                // emptied, the year has none.
                <label>{tf("actions.indicators.year_target", &[("year", &year)])} <input type="number" step="any" prop:value=opt(indicator.target_for(year))
                    on:input=move |ev| match typed_number(&ev) {
                        Ok(v) => {
                            set_problem.set(None);
                            at(Box::new(move |x| {
                                x.yearly_targets.retain(|t| t.year != year);
                                if let Some(value) = v {
                                    x.yearly_targets.push(YearTarget { year, value });
                                    x.yearly_targets.sort_by_key(|t| t.year);
                                }
                            }))
                        }
                        Err(()) => set_problem.set(Some(t("actions.indicators.target_error"))),
                    } /></label>
                <button type="button" class="button button-small button-danger"
                    on:click=move |_| {
                        edit(Box::new(move |a| { if i < a.indicators.len() { a.indicators.remove(i); } }));
                        super::super::widgets::focus_later("new-indicator");
                    }>
                    {t("actions.indicators.remove")} <span class="visually-hidden">{tf("actions.indicators.remove_name", &[("name", &label_for_remove)])}</span></button>
            </div>
            {(!other_years.is_empty()).then(|| view! { <p class="hint">{other_years.join(" ; ")}</p> })}
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
            {(!indicator.measures.is_empty()).then(|| view! {
                <table class="data-table measures">
                    <caption class="visually-hidden">{t("actions.indicators.measures")}</caption>
                    <thead><tr><th scope="col">{t("actions.indicators.col_date")}</th><th scope="col">{t("actions.indicators.col_value")}</th><th scope="col"><span class="visually-hidden">{t("actions.indicators.col_remove")}</span></th></tr></thead>
                    <tbody>
                        {indicator.measures.iter().enumerate().map(|(m, measure)| view! {
                            <tr>
                                <td>{atelier_core::text::short_date(measure.on)}</td>
                                <td>{number(measure.value)} " " {unit.clone()}</td>
                                <td><button type="button" class="button button-small button-quiet"
                                    on:click=move |_| at(Box::new(move |x| { if m < x.measures.len() { x.measures.remove(m); } }))>
                                    {t("actions.indicators.remove_measure")} <span class="visually-hidden">{t("actions.indicators.remove_measure_hidden")}</span></button></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            <form class="form-row" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let (Ok(Some(on)), Some(v)) = (atelier_core::text::parse_day(&day.get_untracked()), parse_number(&value.get_untracked())) else {
                    set_error.set(true);
                    return;
                };
                set_error.set(false);
                set_value.set(String::new());
                at(Box::new(move |x| x.measures.push(Measure { on, value: v })));
            }>
                <label>{t("actions.indicators.measure_date")} <input type="date" prop:value=day on:input=move |ev| set_day.set(event_target_value(&ev)) /></label>
                <label>{t("actions.indicators.measure_value")} <input type="number" step="any" class="measure-value" prop:value=value on:input=move |ev| set_value.set(event_target_value(&ev)) /></label>
                <button type="submit" class="button button-small">{t("actions.indicators.save_measure")}</button>
                {move || error.get().then(|| view! { <p class="field-error" role="alert">{t("actions.indicators.measure_error")}</p> })}
            </form>
        </div>
    }
}
