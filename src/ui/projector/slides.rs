//! The slides: each one a view of the kit or of the plan, drawn from the live signals (an idea
//! captured during the workshop appears at once). Lists are capped so that no slide overflows.

use super::super::actors::map::{circles_svg, matrix_svg};
use crate::state::AppState;
use atelier_core::roadmap::roadmap;
use atelier_core::text::french_date;
use atelier_core::{kit, ActionStatus, Axis, Circle};
use leptos::prelude::*;

/// Most items a list shows on a slide; the rest is counted (« + 3 autres »).
const MAX_ITEMS: usize = 5;

/// The slides, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    Title,
    Figures,
    Method,
    Map,
    Matrix,
    Circles,
    Actions,
    Roadmap,
    QuickWins,
    Governance,
    Workshop,
}

pub const SLIDES: [Slide; 11] = [
    Slide::Title,
    Slide::Figures,
    Slide::Method,
    Slide::Map,
    Slide::Matrix,
    Slide::Circles,
    Slide::Actions,
    Slide::Roadmap,
    Slide::QuickWins,
    Slide::Governance,
    Slide::Workshop,
];

impl Slide {
    pub fn title(self) -> &'static str {
        match self {
            Slide::Title => "Stratégie Numérique responsable",
            Slide::Figures => "Pourquoi agir : l'empreinte du numérique",
            Slide::Method => "La démarche en trois étapes",
            Slide::Map => "Les acteurs du territoire",
            Slide::Matrix => "Pertinence et engagement des acteurs",
            Slide::Circles => "Comment nous les mobilisons",
            Slide::Actions => "Le plan d'actions par axe",
            Slide::Roadmap => "La feuille de route",
            Slide::QuickWins => "Nos premiers gains rapides",
            Slide::Governance => "Le pilotage de la stratégie",
            Slide::Workshop => "Idées de l'atelier",
        }
    }
}

/// A capped list: the first [`MAX_ITEMS`], then « + N autres ».
fn capped(items: Vec<String>) -> impl IntoView {
    let more = items.len().saturating_sub(MAX_ITEMS);
    view! {
        <ul class="slide-list">
            {items.into_iter().take(MAX_ITEMS).map(|t| view! { <li>{t}</li> }).collect_view()}
            {(more > 0).then(|| view! { <li class="slide-more">{format!("+ {more} autres")}</li> })}
        </ul>
    }
}

/// The body of `slide` for the open plan.
pub fn body(slide: Slide, state: AppState) -> AnyView {
    let Some(plan) = state.plan.get() else {
        return view! { <p>"Aucun plan ouvert."</p> }.into_any();
    };
    match slide {
        Slide::Title => {
            let t = &plan.territory;
            view! {
                <p class="slide-lead">{plan.name.clone()}</p>
                <p>{if t.name.is_empty() { t.kind.label().to_owned() } else { format!("{} — {}", t.name, t.kind.label()) }}</p>
                <p class="slide-note">"D'après le kit de l'ANCT « approche territoriale au Numérique responsable »"</p>
            }.into_any()
        }
        Slide::Figures => view! {
            <ul class="slide-figures">
                {kit::FIGURES.iter().take(4).map(|f| view! {
                    <li><strong>{f.value()}</strong>" "{f.what()}<span class="slide-source">{f.source()}</span></li>
                }).collect_view()}
            </ul>
        }.into_any(),
        Slide::Method => view! {
            <ol class="slide-steps">
                {kit::METHOD.iter().map(|m| view! { <li><strong>{m.title()}</strong>" "{m.outcome()}</li> }).collect_view()}
            </ol>
        }.into_any(),
        Slide::Map => state.actors.with(|a| {
            let all: Vec<usize> = (0..a.len()).collect();
            view! { <div class="slide-figure">{circles_svg(a, &all, |_| {})}</div> }.into_any()
        }),
        Slide::Matrix => state.actors.with(|a| {
            let all: Vec<usize> = (0..a.len()).collect();
            view! { <div class="slide-figure">{matrix_svg(a, &all)}</div> }.into_any()
        }),
        Slide::Circles => state.mobilisations.with(|mobs| view! {
            <div class="slide-columns">
                {Circle::ALL.into_iter().map(|c| {
                    let mut formats: Vec<String> = mobs.iter().filter(|m| m.circle == c).map(|m| m.format.clone()).collect();
                    formats.dedup();
                    view! {
                        <div>
                            <h2>{format!("Cercle {}", c.number())}</h2>
                            {if formats.is_empty() { view! { <p>"Formats à choisir"</p> }.into_any() } else { capped(formats).into_any() }}
                        </div>
                    }
                }).collect_view()}
            </div>
        }.into_any()),
        Slide::Actions => state.actions.with(|actions| view! {
            <div class="slide-columns slide-columns-4">
                {Axis::ALL.into_iter().map(|axis| {
                    let titles = actions.iter().filter(|a| a.axis == axis && a.status != ActionStatus::Abandoned).map(|a| a.title.clone()).collect();
                    view! { <div><h2>{axis.label()}</h2>{capped(titles)}</div> }
                }).collect_view()}
            </div>
        }.into_any()),
        Slide::Roadmap => state.actions.with(|actions| {
            let road = roadmap(actions);
            let title = |id| actions.iter().find(|a| a.id == id).map(|a| a.title.clone()).unwrap_or_default();
            let items = road.rows.iter().map(|r| {
                let q = road.quarters[r.from].label();
                format!("{q} : {}", title(r.id))
            }).collect();
            if road.rows.is_empty() {
                view! { <p>"Aucune action n'est encore datée."</p> }.into_any()
            } else {
                capped(items).into_any()
            }
        }),
        Slide::QuickWins => state.actions.with(|actions| {
            let wins: Vec<String> = actions.iter().filter(|a| a.quick_win).map(|a| format!("{} — {}", a.title, a.status.label())).collect();
            if wins.is_empty() {
                view! { <p>"Aucune action n'est encore marquée « gain rapide »."</p> }.into_any()
            } else {
                capped(wins).into_any()
            }
        }),
        Slide::Governance => {
            let g = &plan.governance;
            view! {
                <ul class="slide-list">
                    <li>{format!("Instance : {}", if g.steering_body.is_empty() { "à constituer" } else { g.steering_body.as_str() })}</li>
                    <li>{format!("Revue : {}", g.cadence.map_or("rythme à définir", |c| c.label()))}</li>
                    <li>{format!("Prochaine revue : {}", g.next_review.map_or("à fixer".to_owned(), french_date))}</li>
                    <li>{format!("{} acteurs membres de l'instance", g.member_ids.len())}</li>
                </ul>
            }.into_any()
        }
        Slide::Workshop => state.actions.with(|actions| {
            let ideas: Vec<String> = actions.iter().rev().filter(|a| a.from_workshop()).map(|a| a.title.clone()).collect();
            if ideas.is_empty() {
                view! { <p>"Appuyez sur N pour noter une idée ou une action proposée : elle s'affiche ici et rejoint le plan."</p> }.into_any()
            } else {
                capped(ideas).into_any()
            }
        }),
    }
}
