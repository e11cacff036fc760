//! The impact × effort matrix: scored fiches action in a 3 × 3 grid, the quick-win zone (light
//! effort, real impact) highlighted, and actions marked « gain rapide » flagged.

use crate::state::use_state;
use atelier_core::board::{matrix, Matrix};
use atelier_core::i18n::{t, tf};
use atelier_core::{ActionSheet, Id, Score};
use leptos::prelude::*;

#[component]
pub fn MatrixView(on_edit: Callback<Id>) -> impl IntoView {
    let state = use_state();
    let grid = Memo::new(move |_| {
        state.actions.with(|l| {
            let refs: Vec<&ActionSheet> = l.iter().collect();
            matrix(&refs)
        })
    });
    let card = move |id: Id| {
        let (title, quick) = state
            .actions
            .with(|l| {
                l.iter()
                    .find(|a| a.id == id)
                    .map(|a| (a.title.clone(), a.is_quick_win()))
            })
            .unwrap_or_default();
        view! {
            <li class:quick=quick>
                <button type="button" class="link-button" id=format!("open-{id}") on:click=move |_| on_edit.run(id)>{title}</button>
                {quick.then(|| view! { " " <span class="badge badge-quick">{t("actions.matrix.quick_win")}</span> })}
            </li>
        }
    };
    view! {
        <p class="hint">{t("actions.matrix.hint")}</p>
        {move || {
            let m: Matrix = grid.get();
            view! {
                <table class="matrix">
                    <caption>{t("actions.matrix.caption")}</caption>
                    <thead><tr>
                        <td></td>
                        {Score::ALL.into_iter().map(|e| view! { <th scope="col">{tf("actions.matrix.effort", &[("level", &e.label().to_lowercase())])}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {Score::ALL.into_iter().rev().map(|impact| view! {
                            <tr>
                                <th scope="row">{tf("actions.matrix.impact", &[("level", &impact.label().to_lowercase())])}</th>
                                {Score::ALL.into_iter().map(|effort| {
                                    let ids = m.cells[impact.number() as usize - 1][effort.number() as usize - 1].clone();
                                    let zone = Matrix::is_quick_win_zone(impact, effort);
                                    view! {
                                        <td class:quick-zone=zone data-label=tf("actions.matrix.cell", &[("impact", &impact.label().to_lowercase()), ("effort", &effort.label().to_lowercase())])>
                                            {zone.then(|| view! { <span class="zone-label">{t("actions.matrix.zone")}</span> })}
                                            <ul>{ids.into_iter().map(card).collect_view()}</ul>
                                        </td>
                                    }
                                }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                {(!m.unscored.is_empty()).then(|| view! {
                    <h2>{t("actions.matrix.unscored")}</h2>
                    <ul>{m.unscored.clone().into_iter().map(card).collect_view()}</ul>
                })}
            }
        }}
    }
}
