//! « Commencer de manière incrémentale » and « viser des gains rapides »: the fiches action by
//! phase, each phase changeable here, and the list of quick wins.

use crate::state::use_state;
use atelier_core::i18n::{t, tf};
use atelier_core::text::short_date;
use atelier_core::{ActionSheet, Phase};
use leptos::prelude::*;

#[component]
pub fn Phases() -> impl IntoView {
    let state = use_state();
    let groups = Memo::new(move |_| {
        state.actions.with(|l| {
            let phases = Phase::ALL.map(Some).into_iter().chain([None]);
            phases
                .map(|p| {
                    let items = l
                        .iter()
                        .filter(|a| a.phase == p)
                        .map(|a| (a.id, a.title.clone()))
                        .collect::<Vec<_>>();
                    (p, items)
                })
                .collect::<Vec<_>>()
        })
    });
    let quick = Memo::new(move |_| {
        state.actions.with(|l| {
            atelier_core::dashboard::quick_wins(l)
                .map(|a| (a.title.clone(), a.status.label(), a.due))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section aria-labelledby="phases-title">
            <h2 id="phases-title">{t("conclusion.phases.title")}</h2>
            <div class="phases">
                {move || groups.get().into_iter().filter(|(p, items)| p.is_some() || !items.is_empty()).map(|(phase, items)| view! {
                    <div class="phase">
                        <h3>{phase.map_or(t("conclusion.phases.none"), |p| p.label())}</h3>
                        <ul>
                            {items.into_iter().map(|(id, title)| view! {
                                <li>
                                    <label for=format!("phase-{id}")>{title.clone()}</label>
                                    <select id=format!("phase-{id}") on:change=move |ev| {
                                        let p = event_target_value(&ev).parse::<u8>().ok().and_then(|n| Phase::try_from(n).ok());
                                        state.update::<ActionSheet>(id, move |a| a.phase = p);
                                        // The fiche moves to another group: focus follows it there.
                                        super::super::widgets::focus_later(format!("phase-{id}"));
                                    }>
                                        <option value="" prop:selected=phase.is_none()>{t("conclusion.phases.none")}</option>
                                        {Phase::ALL.into_iter().map(|p| view! { <option value=p.number() prop:selected=phase == Some(p)>{p.label()}</option> }).collect_view()}
                                    </select>
                                </li>
                            }).collect_view()}
                        </ul>
                    </div>
                }).collect_view()}
            </div>
        </section>
        <section aria-labelledby="quick-title">
            <h2 id="quick-title">{t("conclusion.phases.quick_title")}</h2>
            {move || {
                let list = quick.get();
                if list.is_empty() {
                    view! { <p>{t("conclusion.phases.no_quick_win")}</p> }.into_any()
                } else {
                    view! { <ul class="quick-wins">{list.into_iter().map(|(t, s, due)| view! {
                        <li><strong>{t}</strong> {format!(" — {s}")} {due.map(|d| tf("conclusion.phases.due", &[("date", &short_date(d))]))}</li>
                    }).collect_view()}</ul> }.into_any()
                }
            }}
        </section>
    }
}
