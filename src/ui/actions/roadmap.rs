//! The roadmap view: fiches action as bars across quarters, from their start and due dates.

use crate::state::use_state;
use atelier_core::i18n::{t, tf};
use atelier_core::roadmap::{roadmap, MAX_QUARTERS};
use atelier_core::Id;
use leptos::prelude::*;

#[component]
pub fn RoadmapView(on_edit: Callback<Id>) -> impl IntoView {
    let state = use_state();
    let map = Memo::new(move |_| state.actions.with(|l| roadmap(l)));
    let title = move |id: Id| {
        state
            .actions
            .with(|l| l.iter().find(|a| a.id == id).map(|a| a.title.clone()))
            .unwrap_or_default()
    };
    let listed = move |ids: Vec<Id>| {
        ids.into_iter()
            .map(|id| view! { <li><button type="button" class="link-button" id=format!("open-{id}") on:click=move |_| on_edit.run(id)>{title(id)}</button></li> })
            .collect_view()
    };
    view! {
        {move || {
            let r = map.get();
            let n = r.quarters.len();
            if n == 0 {
                return view! { <p class="empty">{t("actions.roadmap.empty")}</p> }.into_any();
            }
            let labels: Vec<String> = r.quarters.iter().map(|q| q.label()).collect();
            view! {
                <div class="roadmap-wrap">
                    <div class="roadmap" role="table" aria-label=t("actions.roadmap.label")
                        style:grid-template-columns=format!("minmax(10rem, 16rem) repeat({n}, minmax(4.5rem, 1fr))")>
                        <div role="row" class="roadmap-row roadmap-head">
                            <span role="columnheader" class="roadmap-title">{t("actions.roadmap.sheet")}</span>
                            {labels.iter().map(|l| view! { <span role="columnheader">{l.clone()}</span> }).collect_view()}
                        </div>
                        {r.rows.iter().map(|row| {
                            let id = row.id;
                            let span = if row.from == row.to { labels[row.from].clone() } else { format!("{} → {}", labels[row.from], labels[row.to]) };
                            view! {
                                <div role="row" class="roadmap-row">
                                    <span role="rowheader" class="roadmap-title">
                                        <button type="button" class="link-button" id=format!("open-{id}") on:click=move |_| on_edit.run(id)>{title(id)}</button>
                                    </span>
                                    <span role="cell" class="roadmap-bar" style:grid-column=format!("{} / {}", row.from + 2, row.to + 3)>{span}</span>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </div>
                {(!r.later.is_empty()).then(|| view! {
                    <h2>{tf("actions.roadmap.later", &[("max", &MAX_QUARTERS)])}</h2>
                    <ul>{listed(r.later.clone())}</ul>
                })}
                {(!r.undated.is_empty()).then(|| view! {
                    <h2>{t("actions.roadmap.undated")}</h2>
                    <ul>{listed(r.undated.clone())}</ul>
                })}
            }.into_any()
        }}
    }
}
