//! The budget lines of a fiche action: investment or operating, label, euros, year.

use super::super::format::euros;
use super::editor::Edit;
use crate::state::use_state;
use atelier_core::{ActionSheet, BudgetKind, BudgetLine, Id};
use leptos::prelude::*;

#[component]
pub fn BudgetLines(id: Id) -> impl IntoView {
    let state = use_state();
    let edit = move |change: Edit| state.update::<ActionSheet>(id, change);
    let lines = Memo::new(move |_| {
        state.actions.with(|l| {
            l.iter()
                .find(|a| a.id == id)
                .map(|a| a.budget.clone())
                .unwrap_or_default()
        })
    });
    let total = move |kind| {
        let sum: u64 = lines.with(|l| l.iter().filter(|b| b.kind == kind).map(|b| b.amount).sum());
        euros(sum)
    };
    let add = move |_| {
        let year = chrono::Datelike::year(&crate::browser::today());
        edit(Box::new(move |a| {
            a.budget.push(BudgetLine {
                kind: BudgetKind::Investment,
                label: String::new(),
                amount: 0,
                year: Some(year),
            })
        }));
        super::super::widgets::focus_later(format!(
            "budget-label-{}",
            lines.with_untracked(Vec::len)
        ));
    };
    view! {
        <h3>"Budget"</h3>
        <table class="data-table budget-table">
            <caption>{move || format!("Investissement : {} — Fonctionnement : {}", total(BudgetKind::Investment), total(BudgetKind::Operating))}</caption>
            <thead><tr>
                <th scope="col">"Nature"</th><th scope="col">"Objet"</th><th scope="col">"Montant (€)"</th>
                <th scope="col">"Année"</th><th scope="col"><span class="visually-hidden">"Retirer"</span></th>
            </tr></thead>
            <tbody>
                {move || lines.get().into_iter().enumerate().map(|(i, line)| view! {
                    <tr>
                        <td><select aria-label=format!("Nature de la ligne {}", i + 1)
                            on:change=move |ev| if let Some(k) = BudgetKind::from_code(&event_target_value(&ev)) {
                                edit(Box::new(move |a| if let Some(b) = a.budget.get_mut(i) { b.kind = k }))
                            }>
                            {BudgetKind::ALL.into_iter().map(|k| view! { <option value=k.code() selected=k == line.kind>{k.label()}</option> }).collect_view()}
                        </select></td>
                        <td><input id=format!("budget-label-{i}") type="text" aria-label=format!("Objet de la ligne {}", i + 1) value=line.label
                            on:change=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |a| if let Some(b) = a.budget.get_mut(i) { b.label = v })) } /></td>
                        <td><input type="number" min="0" step="1" inputmode="numeric" aria-label=format!("Montant de la ligne {} en euros", i + 1) value=line.amount
                            on:change=move |ev| { let v = event_target_value(&ev).trim().parse::<u64>().unwrap_or(0); edit(Box::new(move |a| if let Some(b) = a.budget.get_mut(i) { b.amount = v })) } /></td>
                        <td><input type="number" min="2000" max="2100" aria-label=format!("Année de la ligne {}", i + 1) value=line.year.map(|y| y.to_string()).unwrap_or_default()
                            on:change=move |ev| { let v = event_target_value(&ev).trim().parse::<i32>().ok(); edit(Box::new(move |a| if let Some(b) = a.budget.get_mut(i) { b.year = v })) } /></td>
                        <td><button type="button" class="button button-small button-danger" on:click=move |_| edit(Box::new(move |a| { if i < a.budget.len() { a.budget.remove(i); } }))>
                            "Retirer" <span class="visually-hidden">{format!(" la ligne {}", i + 1)}</span></button></td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <button type="button" class="button" on:click=add>"Ajouter une ligne de budget"</button>
    }
}
