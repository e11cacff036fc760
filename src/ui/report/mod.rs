//! The printable report (« rapport »): the whole plan on A4 pages through the browser's print
//! or « enregistrer en PDF ». Read-only: no control of it is printed (see `@media print` in
//! `style/main.css`).

use super::actors::map::circles_svg;
use crate::route::Route;
use crate::state::use_state;
use atelier_core::i18n::{t, tf, tn};
use atelier_core::roadmap::roadmap;
use atelier_core::text::short_date;
use atelier_core::{kit, ActionSheet, Actor, Axis};
use leptos::prelude::*;

/// « oui », « non » or « à vérifier » for an obligation.
fn verdict(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => t("report.verdict.yes"),
        Some(false) => t("report.verdict.no"),
        None => t("report.verdict.unknown"),
    }
}

fn names(actors: &[Actor], ids: &[atelier_core::Id]) -> String {
    ids.iter()
        .filter_map(|id| actors.iter().find(|a| a.id == *id).map(|a| a.name.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

mod bilan;

crate::lazy! {
    /// The printable report, downloaded on first use (see [`crate::ui::lazy`]).
    pub fn screen [screen_report] () -> crate::ui::lazy::Draw {
        || view! { <Report /> }.into_any()
    }

    /// The printable yearly review of the year in the route: a part of its own, so that the
    /// report stays as light as it was (EcoIndex counts the bytes a screen downloads).
    pub fn bilan_screen [screen_bilan] () -> crate::ui::lazy::Draw {
        || view! { <bilan::BilanPrint /> }.into_any()
    }
}

#[component]
pub fn Report() -> impl IntoView {
    let state = use_state();
    move || {
        let plan = state.plan.get()?;
        let actors = state.actors.get();
        let actions = state.actions.get();
        let mobs = state.mobilisations.get();
        let ter = &plan.territory;
        let o = ter.obligations();
        let all: Vec<usize> = (0..actors.len()).collect();
        let map = circles_svg(&actors, &all, |_| {});
        let mut sorted: Vec<&ActionSheet> = actions.iter().collect();
        sorted.sort_by_key(|a| (Axis::ALL.iter().position(|x| *x == a.axis), a.title.clone()));
        let road = roadmap(&actions);
        let title_of = |id| {
            actions
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.title.clone())
                .unwrap_or_default()
        };
        let g = plan.governance.clone();
        Some(view! {
            <div class="report-controls">
                <button type="button" class="button button-primary" on:click=|_| { let _ = window().print(); }>{t("report.print")}</button>
                <a class="button button-quiet" href=Route::Conclusion.hash()>{t("report.back")}</a>
            </div>
            <article class="report">
                <h1 tabindex="-1">{plan.name.clone()}</h1>
                <p class="report-meta">{
                    let territory = if ter.name.is_empty() { t("report.territory_unknown") } else { ter.name.as_str() };
                    let date = short_date(crate::browser::today());
                    let args: &[(&str, &dyn std::fmt::Display)] = &[("territory", &territory), ("date", &date)];
                    if plan.example { tf("report.meta_example", args) } else { tf("report.meta", args) }
                }</p>

                <section>
                    <h2>{t("report.territory.title")}</h2>
                    <ul>
                        <li>{tf("report.territory.kind", &[("kind", &ter.kind.label())])}</li>
                        <li>{tf("report.territory.population", &[("population", &ter.population.map_or(t("report.territory.population_unknown").to_owned(), |p| super::format::number(p as f64)))])}</li>
                        <li>{tf("report.territory.reen", &[("verdict", &verdict(o.reen_strategy))])}</li>
                        <li>{tf("report.territory.pcaet", &[("verdict", &verdict(o.pcaet))])}</li>
                    </ul>
                </section>

                <section>
                    <h2>{t("report.decisions.title")}</h2>
                    {if plan.decisions.is_empty() {
                        view! { <p>{t("report.decisions.none")}</p> }.into_any()
                    } else {
                        view! { <ul>{plan.decisions.iter().map(|d| view! {
                            <li>{tf("report.decisions.item", &[("family", &d.family.label()),
                                ("scope", &match d.local_only { Some(true) => t("report.decisions.local_only"), Some(false) => t("report.decisions.local_and_beyond"), None => t("report.decisions.undecided") }),
                                ("note", &if d.note.is_empty() { String::new() } else { format!(" — {}", d.note) }),
                                ("date", &d.decided_on.map(|x| format!(" ({})", short_date(x))).unwrap_or_default())])}</li>
                        }).collect_view()}</ul> }.into_any()
                    }}
                </section>

                <section>
                    <h2>{tf("report.actors.title", &[("n", &actors.len())])}</h2>
                    <figure class="report-map">{map}</figure>
                    // On a phone a wide table scrolls inside its own box instead of widening the page; the
                    // box is named after its table (landmarks' names must differ).
                    <div class="report-scroll" role="region" tabindex="0" aria-label=t("report.actors.caption")>
                    <table class="report-table">
                        <caption>{t("report.actors.caption")}</caption>
                        <thead><tr>{kit::census_column_labels().iter().take(2).map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}
                            <th scope="col">{t("report.actors.family")}</th><th scope="col">{t("report.actors.nr_actions")}</th><th scope="col">{t("report.actors.engagement")}</th><th scope="col">{t("report.col.circle")}</th></tr></thead>
                        <tbody>{actors.iter().map(|a| view! {
                            <tr><td>{a.actor_type.clone()}</td><th scope="row">{a.name.clone()}</th><td>{a.family.label()}</td>
                                <td>{kit::nr_types_label(&a.nr_action_types)}</td><td>{plan.engagement_label(a.engagement).to_owned()}</td><td>{a.circle().number()}</td></tr>
                        }).collect_view()}</tbody>
                    </table>
                    </div>
                    // Open data credited as its licences require: each dataset and attribution once.
                    {
                        let mut credits: Vec<String> = actors.iter().filter_map(|a| a.source.as_ref())
                            .map(|s| tf("report.actors.credit", &[("dataset", &s.dataset.label()), ("attribution", &s.attribution)]))
                            .collect();
                        credits.sort();
                        credits.dedup();
                        (!credits.is_empty()).then(|| view! {
                            <p class="hint">{tf("report.actors.credits", &[("list", &credits.join(" ; "))])}</p>
                        })
                    }
                </section>

                <section>
                    <h2>{t("report.mobilisation.title")}</h2>
                    <ul>{kit::CIRCLES.iter().map(|c| view! { <li><strong>{tf("report.mobilisation.circle", &[("n", &c.number)])}</strong>{c.who()}</li> }).collect_view()}</ul>
                    // On a phone a wide table scrolls inside its own box instead of widening the page.
                    <div class="report-scroll" role="region" tabindex="0" aria-label=tn("report.mobilisation.count", mobs.len() as u64, &[])>
                    <table class="report-table">
                        <caption>{tn("report.mobilisation.count", mobs.len() as u64, &[])}</caption>
                        <thead><tr><th scope="col">{t("report.col.circle")}</th><th scope="col">{t("report.mobilisation.format")}</th><th scope="col">{t("report.mobilisation.date")}</th><th scope="col">{t("report.col.status")}</th><th scope="col">{t("report.mobilisation.actors")}</th></tr></thead>
                        <tbody>{mobs.iter().map(|m| view! {
                            <tr><td>{m.circle.number()}</td><th scope="row">{kit::format_label(&m.format).to_owned()}</th><td>{m.date.map(short_date)}</td>
                                <td>{m.status.label()}</td><td>{names(&actors, &m.actor_ids)}</td></tr>
                        }).collect_view()}</tbody>
                    </table>
                    </div>
                </section>

                <section class="report-break">
                    <h2>{t("report.actions.title")}</h2>
                    // On a phone a wide table scrolls inside its own box instead of widening the page.
                    <div class="report-scroll" role="region" tabindex="0" aria-label=tn("report.actions.count", actions.len() as u64, &[])>
                    <table class="report-table report-actions">
                        <caption>{tn("report.actions.count", actions.len() as u64, &[])}</caption>
                        <thead><tr><th scope="col">{t("report.actions.axis")}</th><th scope="col">{t("report.actions.sheet")}</th><th scope="col">{t("report.col.status")}</th><th scope="col">{t("report.actions.pilot")}</th>
                            <th scope="col">{t("report.actions.due")}</th><th scope="col">{t("report.actions.quick_win")}</th><th scope="col">{t("report.actions.partners")}</th></tr></thead>
                        <tbody>{sorted.iter().map(|a| view! {
                            <tr><td>{a.axis.label()}</td><th scope="row">{a.title.clone()}</th><td>{a.status.label()}</td>
                                <td>{[a.pilot.as_str(), a.pilot_service.as_str()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ")}</td>
                                <td>{a.due.map(short_date)}</td><td>{if a.is_quick_win() { t("report.actions.quick_win_yes") } else { "" }}</td>
                                <td>{names(&actors, &a.actor_ids)}</td></tr>
                        }).collect_view()}</tbody>
                    </table>
                    </div>
                    <h3>{t("report.budget.title")}</h3>
                    <p>{tf("report.budget.total", &[
                        ("investment", &super::format::euros(actions.iter().map(|a| a.budget_total(Some(atelier_core::BudgetKind::Investment))).fold(0u64, u64::saturating_add))),
                        ("operating", &super::format::euros(actions.iter().map(|a| a.budget_total(Some(atelier_core::BudgetKind::Operating))).fold(0u64, u64::saturating_add)))])}</p>
                    <ul>{actions.iter().flat_map(|a| a.indicators.iter().map(move |i| (a, i))).map(|(a, i)| {
                        let latest = i.latest().map_or(t("report.indicator.not_measured").to_owned(), |m| tf("report.indicator.latest", &[("value", &super::format::number(m.value)), ("date", &short_date(m.on))]));
                        let target = i.target.map_or(t("report.indicator.no_target").to_owned(), |v| tf("report.indicator.target", &[("value", &super::format::number(v)), ("unit", &i.unit)]));
                        let args: &[(&str, &dyn std::fmt::Display)] = &[("action", &a.title), ("indicator", &i.name), ("latest", &latest), ("target", &target)];
                        let line = match i.percent() {
                            Some(p) => { let mut all = args.to_vec(); all.push(("percent", &p)); tf("report.indicator.item_percent", &all) }
                            None => tf("report.indicator.item", args),
                        };
                        view! { <li>{line}</li> }
                    }).collect_view()}</ul>
                    <h3>{t("report.roadmap.title")}</h3>
                    {if road.rows.is_empty() {
                        view! { <p>{t("report.roadmap.none")}</p> }.into_any()
                    } else {
                        view! { <ul class="report-roadmap">{road.rows.iter().map(|r| {
                            let span = if r.from == r.to { road.quarters[r.from].label() } else { format!("{} → {}", road.quarters[r.from].label(), road.quarters[r.to].label()) };
                            // The period in bold is drawn from `data-span` by CSS (read out as
                            // well): one element per fiche instead of two (EcoIndex).
                            view! { <li data-span=span>{tf("report.roadmap.item", &[("title", &title_of(r.id))])}</li> }
                        }).collect_view()}</ul> }.into_any()
                    }}
                </section>

                <section>
                    <h2>{t("report.governance.title")}</h2>
                    <ul>
                        <li>{tf("report.governance.steering_body", &[("body", &if g.steering_body.is_empty() { t("report.governance.to_form") } else { g.steering_body.as_str() })])}</li>
                        <li>{tf("report.governance.members", &[("members", &{
                            let members = [g.internal_members.clone(), names(&actors, &g.member_ids)].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(t("report.governance.member_separator"));
                            if members.is_empty() { t("report.governance.to_appoint").to_owned() } else { members }
                        })])}</li>
                        <li>{tf("report.governance.cadence", &[("cadence", &g.cadence.map_or(t("report.governance.cadence_unset"), |c| c.label()))])}</li>
                        <li>{tf("report.governance.next_review", &[("date", &g.next_review.map_or(t("report.governance.to_schedule").to_owned(), short_date))])}</li>
                    </ul>
                </section>
            </article>
        })
    }
}
