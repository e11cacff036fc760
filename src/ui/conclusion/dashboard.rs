//! The follow-up dashboard: actions by status and axis, share completed, indicators against
//! their targets, actors mobilised per circle. Plain HTML bars, each with its figure in text
//! so that a screen reader reads the same numbers.

use super::super::format::number;
use crate::state::use_state;
use atelier_core::dashboard::dashboard;
use leptos::prelude::*;

/// One labelled bar: `value` out of `max`.
fn bar(label: String, value: usize, max: usize, text: String) -> impl IntoView {
    let width = (value * 100).checked_div(max).unwrap_or(0);
    view! {
        <li class="bar">
            <span class="bar-label">{label}</span>
            <span class="bar-track" aria-hidden="true"><span class="bar-fill" style=format!("width: {width}%")></span></span>
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
            <h2 id="dash-title">"Tableau de bord"</h2>
            {move || {
                let d = board.get();
                let sizes = circle_sizes.get();
                let max_status = d.by_status.iter().map(|x| x.1).max().unwrap_or(0);
                let max_axis = d.by_axis.iter().map(|x| x.1).max().unwrap_or(0);
                let abandoned = d.by_status.iter().find(|x| x.0 == atelier_core::ActionStatus::Abandoned).map_or(0, |x| x.1);
                let live = d.total - abandoned;
                view! {
                    <div class="kpis">
                        <p class="kpi"><strong>{d.total}</strong> " " {if d.total > 1 { "fiches action" } else { "fiche action" }}</p>
                        <p class="kpi" id="kpi-done"><strong>{format!("{} %", d.done_percent)}</strong> " réalisées"
                            <span class="hint">{format!(" ({} sur {live}, abandons exclus)", d.done)}</span></p>
                        <p class="kpi"><strong>{format!("{} / {}", d.quick_wins.1, d.quick_wins.0)}</strong> " gains rapides réalisés"</p>
                        <p class="kpi"><strong>{d.open_needs}</strong> " " {if d.open_needs > 1 { "besoins en attente" } else { "besoin en attente" }}</p>
                    </div>
                    <div class="charts">
                        <div>
                            <h3>"Fiches par statut"</h3>
                            <ul class="bars">{d.by_status.iter().map(|(s, n)| bar(s.label().into(), *n, max_status, n.to_string())).collect_view()}</ul>
                        </div>
                        <div>
                            <h3>"Fiches par axe"</h3>
                            <ul class="bars">{d.by_axis.iter().map(|(a, n)| bar(a.label().into(), *n, max_axis, n.to_string())).collect_view()}</ul>
                        </div>
                        <div>
                            <h3>"Acteurs mobilisés par cercle"</h3>
                            <ul class="bars">{d.mobilised.iter().zip(sizes).map(|((c, n), size)|
                                bar(format!("Cercle {}", c.number()), *n, size, format!("{n} sur {size}"))).collect_view()}</ul>
                        </div>
                    </div>
                    <h3>"Indicateurs"</h3>
                    {if d.indicators.is_empty() {
                        view! { <p>"Aucun indicateur avec un objectif : ajoutez-en dans les fiches action."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="bars indicators-dash">
                                {d.indicators.iter().map(|i| {
                                    let text = match (i.latest, i.percent) {
                                        (Some(v), Some(p)) => format!("{} / {} {} ({p} %)", number(v), number(i.target), i.unit),
                                        _ => format!("objectif {} {}, pas encore mesuré", number(i.target), i.unit),
                                    };
                                    bar(format!("{} — {}", i.action_title, i.name), i.percent.unwrap_or(0) as usize, 100, text)
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                }
            }}
        </section>
    }
}
