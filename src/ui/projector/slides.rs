//! The slides: each one a view of the kit or of the plan, drawn from the live signals (an idea
//! captured during the workshop appears at once). Lists are capped so that no slide overflows.

use super::super::actors::map::{circles_svg, matrix_svg};
use crate::state::AppState;
use atelier_core::i18n::{t, tf, tn};
use atelier_core::roadmap::roadmap;
use atelier_core::text::short_date;
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
            Slide::Title => t("projector.slide.title"),
            Slide::Figures => t("projector.slide.figures"),
            Slide::Method => t("projector.slide.method"),
            Slide::Map => t("projector.slide.map"),
            Slide::Matrix => t("projector.slide.matrix"),
            Slide::Circles => t("projector.slide.circles"),
            Slide::Actions => t("projector.slide.actions"),
            Slide::Roadmap => t("projector.slide.roadmap"),
            Slide::QuickWins => t("projector.slide.quick_wins"),
            Slide::Governance => t("projector.slide.governance"),
            Slide::Workshop => t("projector.slide.workshop"),
        }
    }
}

/// The slides of the open plan's deck: [`SLIDES`], without the quick-win slide while no fiche
/// is a quick win ([`atelier_core::dashboard::quick_wins`]) — an empty slide in front of
/// elected officials says less than none.
pub fn shown(state: AppState) -> Vec<Slide> {
    let any_win = state
        .actions
        .with(|l| atelier_core::dashboard::quick_wins(l).next().is_some());
    SLIDES
        .into_iter()
        .filter(|s| *s != Slide::QuickWins || any_win)
        .collect()
}

/// A capped list: the first [`MAX_ITEMS`], then « + N autres ».
fn capped(items: Vec<String>) -> impl IntoView {
    let more = items.len().saturating_sub(MAX_ITEMS);
    view! {
        <ul class="slide-list">
            {items.into_iter().take(MAX_ITEMS).map(|item| view! { <li>{item}</li> }).collect_view()}
            {(more > 0).then(|| view! { <li class="slide-more">{tn("projector.more", more as u64, &[])}</li> })}
        </ul>
    }
}

/// The body of `slide` for the open plan.
pub fn body(slide: Slide, state: AppState) -> AnyView {
    let Some(plan) = state.plan.get() else {
        return view! { <p>{t("projector.no_plan")}</p> }.into_any();
    };
    match slide {
        Slide::Title => {
            let ter = &plan.territory;
            view! {
                <p class="slide-lead">{plan.name.clone()}</p>
                <p>{if ter.name.is_empty() { ter.kind.label().to_owned() } else { format!("{} — {}", ter.name, ter.kind.label()) }}</p>
                <p class="slide-note">{t("projector.title.source")}</p>
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
                    let mut formats: Vec<String> = mobs.iter().filter(|m| m.circle == c).map(|m| kit::format_label(&m.format).to_owned()).collect();
                    formats.dedup();
                    view! {
                        <div>
                            <h2>{tf("projector.circles.circle", &[("n", &c.number())])}</h2>
                            {if formats.is_empty() { view! { <p>{t("projector.circles.no_format")}</p> }.into_any() } else { capped(formats).into_any() }}
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
                tf("projector.roadmap.item", &[("quarter", &q), ("title", &title(r.id))])
            }).collect();
            if road.rows.is_empty() {
                view! { <p>{t("projector.roadmap.none")}</p> }.into_any()
            } else {
                capped(items).into_any()
            }
        }),
        // Never empty: without a quick win, the slide is left out of the deck ([`shown`]).
        Slide::QuickWins => state.actions.with(|actions| {
            let wins: Vec<String> = atelier_core::dashboard::quick_wins(actions).map(|a| format!("{} — {}", a.title, a.status.label())).collect();
            capped(wins).into_any()
        }),
        Slide::Governance => {
            let g = &plan.governance;
            view! {
                <ul class="slide-list">
                    <li>{tf("projector.governance.body", &[("body", &if g.steering_body.is_empty() { t("projector.governance.to_form") } else { g.steering_body.as_str() })])}</li>
                    <li>{tf("projector.governance.review", &[("cadence", &g.cadence.map_or(t("projector.governance.cadence_unset"), |c| c.label()))])}</li>
                    <li>{tf("projector.governance.next_review", &[("date", &g.next_review.map_or(t("projector.governance.to_schedule").to_owned(), short_date))])}</li>
                    <li>{tn("projector.governance.members", g.member_ids.len() as u64, &[])}</li>
                </ul>
            }.into_any()
        }
        Slide::Workshop => {
            // Ideas, actions and needs noted in the workshop, newest first: ids sort by
            // creation time, whatever the record kind.
            let mut noted: Vec<(atelier_core::Id, String)> = state.actions.with(|actions| {
                actions.iter().filter(|a| a.from_workshop()).map(|a| (a.id, a.title.clone())).collect()
            });
            state.needs.with(|needs| state.actors.with(|actors| {
                noted.extend(needs.iter().filter(|n| n.workshop).map(|n| {
                    let actor = actors.iter().find(|a| a.id == n.actor_id).map_or("", |a| a.name.as_str());
                    (n.id, tf("projector.workshop.need", &[("actor", &actor), ("text", &n.description)]))
                }));
            }));
            noted.sort_by_key(|n| std::cmp::Reverse(n.0));
            if noted.is_empty() {
                view! { <p>{t("projector.workshop.empty")}</p> }.into_any()
            } else {
                capped(noted.into_iter().map(|(_, text)| text).collect()).into_any()
            }
        }
    }
}
