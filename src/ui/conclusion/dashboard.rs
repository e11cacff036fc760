//! The follow-up dashboard: actions by status and axis, share completed, indicators against
//! their targets, actors mobilised per circle. Plain HTML bars, each with its figure in text
//! so that a screen reader reads the same numbers.

use super::super::format::number;
use crate::state::use_state;
use atelier_core::dashboard::dashboard;
use atelier_core::i18n::{t, tf, tn};
use leptos::prelude::*;

/// One labelled bar: `value` out of `max`.
fn bar(label: String, value: usize, max: usize, text: String) -> impl IntoView {
    let width = (value * 100).checked_div(max).unwrap_or(0);
    view! {
        // The bar itself is drawn by CSS (`.bar::after`, a gradient stopped at `--fill`), not
        // an element: the conclusion is a long screen and EcoIndex counts every element.
        <li class="bar" style=("--fill", format!("{width}%"))>
            <span class="bar-label">{label}</span>
            <span class="bar-value">{text}</span>
        </li>
    }
}

#[component]
pub fn Dashboard() -> impl IntoView {
    let state = use_state();
    let board = Memo::new(move |_| {
        state.actions.with(|actions| {
            state.actors.with(|actors| {
                state.mobilisations.with(|mobs| {
                    state
                        .needs
                        .with(|needs| dashboard(actions, actors, mobs, needs))
                })
            })
        })
    });
    let circle_sizes = Memo::new(move |_| {
        state.actors.with(|a| {
            atelier_core::Circle::ALL.map(|c| a.iter().filter(|x| x.circle() == c).count())
        })
    });
    view! {
        <section aria-labelledby="dash-title" class="dashboard">
            <h2 id="dash-title">{t("conclusion.dashboard.title")}</h2>
            {move || {
                let d = board.get();
                let sizes = circle_sizes.get();
                let max_status = d.by_status.iter().map(|x| x.1).max().unwrap_or(0);
                let max_axis = d.by_axis.iter().map(|x| x.1).max().unwrap_or(0);
                let abandoned = d.by_status.iter().find(|x| x.0 == atelier_core::ActionStatus::Abandoned).map_or(0, |x| x.1);
                let live = d.total - abandoned;
                view! {
                    <div class="kpis">
                        <p class="kpi"><strong>{d.total}</strong> " " {tn("conclusion.dashboard.sheets", d.total as u64, &[])}</p>
                        <p class="kpi" id="kpi-done"><strong>{tf("conclusion.dashboard.percent", &[("percent", &d.done_percent)])}</strong> " " {t("conclusion.dashboard.done")}
                            <span class="hint">" " {tf("conclusion.dashboard.done_detail", &[("done", &d.done), ("live", &live)])}</span></p>
                        <p class="kpi"><strong>{format!("{} / {}", d.quick_wins.1, d.quick_wins.0)}</strong> " " {t("conclusion.dashboard.quick_wins_done")}</p>
                        <p class="kpi"><strong>{d.open_needs}</strong> " " {tn("conclusion.dashboard.open_needs", d.open_needs as u64, &[])}</p>
                    </div>
                    <div class="charts">
                        <div>
                            <h3>{t("conclusion.dashboard.by_status")}</h3>
                            <ul class="bars">{d.by_status.iter().map(|(s, n)| bar(s.label().into(), *n, max_status, n.to_string())).collect_view()}</ul>
                        </div>
                        <div>
                            <h3>{t("conclusion.dashboard.by_axis")}</h3>
                            // Each axis's budget in its bar's text: no element more on this screen.
                            <ul class="bars">{d.by_axis.iter().map(|(a, n)| {
                                let planned: u64 = state.actions.with(|l| l.iter().filter(|x| x.axis == *a).flat_map(|x| &x.budget).map(|b| b.amount).sum());
                                let text = if planned == 0 { n.to_string() } else { tf("conclusion.dashboard.axis_budget", &[("n", n), ("euros", &super::super::format::euros(planned))]) };
                                bar(a.label().into(), *n, max_axis, text)
                            }).collect_view()}</ul>
                        </div>
                        <div>
                            <h3>{t("conclusion.dashboard.by_circle")}</h3>
                            <ul class="bars">{d.mobilised.iter().zip(sizes).map(|((c, n), size)|
                                bar(tf("conclusion.dashboard.circle", &[("n", &c.number())]), *n, size, tf("conclusion.dashboard.out_of", &[("n", n), ("total", &size)]))).collect_view()}</ul>
                        </div>
                    </div>
                    <h3>{t("conclusion.dashboard.indicators")}</h3>
                    {if d.indicators.is_empty() {
                        view! { <p>{t("conclusion.dashboard.no_indicator")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="bars indicators-dash">
                                {d.indicators.iter().map(|i| {
                                    let text = match (i.latest, i.percent) {
                                        (Some(v), Some(p)) => tf("conclusion.dashboard.indicator_measured", &[("latest", &number(v)), ("target", &number(i.target)), ("unit", &i.unit), ("percent", &p)]),
                                        _ => tf("conclusion.dashboard.indicator_unmeasured", &[("target", &number(i.target)), ("unit", &i.unit)]),
                                    };
                                    bar(format!("{} — {}", i.action_title, i.name), i.percent.unwrap_or(0) as usize, 100, text)
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    {(d.without_target > 0).then(|| view! {
                        <p class="hint">{tn("conclusion.dashboard.without_target", d.without_target as u64, &[])}</p>
                    })}
                }
            }}
        </section>
    }
}
