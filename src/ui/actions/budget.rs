//! The budget lines of a fiche action: investment or operating, label, euros planned and
//! actually spent (for the yearly review), year. Every
//! keystroke is saved; an amount or year that is not valid shows a message and keeps the
//! stored value.

use super::super::format::{euros, typed_number};
use super::super::widgets::focus_later;
use super::editor::Edit;
use crate::state::use_state;
use atelier_core::i18n::{t, tf};
use atelier_core::{ActionSheet, BudgetKind, BudgetLine, Id};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Most euros one line may hold (a billion): beyond is a typing slip.
const MAX_AMOUNT: u64 = 1_000_000_000;

/// What an amount field shows when its line is redrawn: the stored amount, unless the user is
/// typing in it (it has focus) — then their text as it is, so that « 3, » on the way to
/// « 3,5 k€ » is not rewritten to « 3 » under their fingers.
fn typed_or(id: &str, stored: String) -> String {
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .filter(|e| e.id() == id);
    active
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map_or(stored, |input| input.value())
}

/// A typed amount: `Ok(None)` when empty, whole euros up to [`MAX_AMOUNT`] as people write
/// them (see [`atelier_core::text::parse_euros`]), `Err` otherwise.
fn amount(text: &str) -> Result<Option<u64>, ()> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    match atelier_core::text::parse_euros(text) {
        Some(euros) if euros <= MAX_AMOUNT => Ok(Some(euros)),
        _ => Err(()),
    }
}

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
        let sum = lines.with(|l| {
            l.iter()
                .filter(|b| b.kind == kind)
                .fold(0u64, |t, b| t.saturating_add(b.amount))
        });
        euros(sum)
    };
    // The latest refused value, as « Ligne 2 : … », shown under the table.
    let (problem, set_problem) = signal(None::<String>);
    let line = move |i: usize, f: Box<dyn FnOnce(&mut BudgetLine)>| {
        edit(Box::new(move |a| {
            if let Some(b) = a.budget.get_mut(i) {
                f(b)
            }
        }))
    };
    // The amounts of the line being typed in, as they were when the field got focus: every
    // readable keystroke is saved, so « 1e3 » would leave « 1 »; a text still refused when the
    // field is left puts these back, as the message says (not while typing: that would
    // rewrite the field under the user's fingers).
    let at_focus = StoredValue::new((0usize, 0u64, None::<u64>));
    let remember = move |i: usize| {
        if let Some(b) = lines.with_untracked(|l| l.get(i).cloned()) {
            at_focus.set_value((i, b.amount, b.actual));
        }
    };
    let restore = move |i: usize, actual: bool, ev: &web_sys::Event| {
        let (at, amount, spent) = at_focus.get_value();
        if at == i {
            line(
                i,
                Box::new(move |b| {
                    if actual {
                        b.actual = spent
                    } else {
                        b.amount = amount
                    }
                }),
            );
            // The field still has focus (it keeps its text, see `typed_or`): show what is kept.
            let shown = if actual {
                spent.map(|a| a.to_string()).unwrap_or_default()
            } else {
                amount.to_string()
            };
            event_target::<web_sys::HtmlInputElement>(ev).set_value(&shown);
        }
    };
    let add = move |_| {
        let year = chrono::Datelike::year(&crate::browser::today());
        edit(Box::new(move |a| {
            a.budget.push(BudgetLine {
                kind: BudgetKind::Investment,
                label: String::new(),
                amount: 0,
                year: Some(year),
                actual: None,
            })
        }));
        focus_later(format!("budget-label-{}", lines.with_untracked(Vec::len)));
    };
    view! {
        <h3>{t("actions.budget.title")}</h3>
        <table class="data-table budget-table">
            <caption>{move || tf("actions.budget.totals", &[("investment", &total(BudgetKind::Investment)), ("operating", &total(BudgetKind::Operating))])}</caption>
            <thead><tr>
                <th scope="col">{t("actions.budget.col_kind")}</th><th scope="col">{t("actions.budget.col_label")}</th><th scope="col">{t("actions.budget.col_amount")}</th><th scope="col">{t("actions.budget.col_actual")}</th>
                <th scope="col">{t("actions.budget.col_year")}</th><th scope="col"><span class="visually-hidden">{t("actions.budget.col_remove")}</span></th>
            </tr></thead>
            <tbody>
                // Rows are redrawn in place; `prop:` keeps each input showing its own line after
                // one above it is removed.
                {move || lines.get().into_iter().enumerate().map(|(i, b)| view! {
                    <tr>
                        <td data-label=t("actions.budget.col_kind")><select aria-label=tf("actions.budget.kind_label", &[("n", &(i + 1))])
                            on:change=move |ev| if let Some(k) = BudgetKind::from_code(&event_target_value(&ev)) {
                                line(i, Box::new(move |b| b.kind = k))
                            }>
                            {BudgetKind::ALL.into_iter().map(|k| view! { <option value=k.code() prop:selected=k == b.kind>{k.label()}</option> }).collect_view()}
                        </select></td>
                        <td data-label=t("actions.budget.col_label")><input id=format!("budget-label-{i}") type="text" aria-label=tf("actions.budget.label_label", &[("n", &(i + 1))]) prop:value=b.label
                            on:input=move |ev| { let v = event_target_value(&ev); line(i, Box::new(move |b| b.label = v)) } /></td>
                        // A text field: « 1,5 k€ » or « 18 000 € » are read as people mean them
                        // (a number field would silently keep « 15 »); whole euros only.
                        <td data-label=t("actions.budget.col_amount")><input type="text" inputmode="decimal" id=format!("budget-amount-{i}") aria-label=tf("actions.budget.amount_label", &[("n", &(i + 1))])
                            prop:value=typed_or(&format!("budget-amount-{i}"), b.amount.to_string())
                            on:focus=move |_| remember(i)
                            on:input=move |ev| match amount(&event_target_value(&ev)) {
                                Ok(euros) => {
                                    set_problem.set(None);
                                    let euros = euros.unwrap_or(0);
                                    line(i, Box::new(move |b| b.amount = euros));
                                }
                                Err(()) => set_problem.set(Some(tf("actions.budget.amount_error", &[("n", &(i + 1))]))),
                            }
                            on:change=move |ev| if amount(&event_target_value(&ev)).is_err() { restore(i, false, &ev) } /></td>
                        // Empty while unknown: the yearly review then says it is still to enter.
                        <td data-label=t("actions.budget.col_actual")><input type="text" inputmode="decimal" id=format!("budget-actual-{i}") aria-label=tf("actions.budget.actual_label", &[("n", &(i + 1))])
                            prop:value=typed_or(&format!("budget-actual-{i}"), b.actual.map(|a| a.to_string()).unwrap_or_default())
                            on:focus=move |_| remember(i)
                            on:input=move |ev| match amount(&event_target_value(&ev)) {
                                Ok(euros) => { set_problem.set(None); line(i, Box::new(move |b| b.actual = euros)); }
                                Err(()) => set_problem.set(Some(tf("actions.budget.actual_error", &[("n", &(i + 1))]))),
                            }
                            on:change=move |ev| if amount(&event_target_value(&ev)).is_err() { restore(i, true, &ev) } /></td>
                        <td data-label=t("actions.budget.col_year")><input type="number" min="1990" max="2100" aria-label=tf("actions.budget.year_label", &[("n", &(i + 1))]) prop:value=b.year.map(|y| y.to_string()).unwrap_or_default()
                            on:input=move |ev| match typed_number(&ev) {
                                Ok(None) => { set_problem.set(None); line(i, Box::new(|b| b.year = None)); }
                                Ok(Some(y)) if atelier_core::text::YEARS.contains(&(y as i32)) && y.fract() == 0.0 => {
                                    set_problem.set(None);
                                    line(i, Box::new(move |b| b.year = Some(y as i32)));
                                }
                                _ => set_problem.set(Some(tf("actions.budget.year_error", &[("n", &(i + 1))]))),
                            } /></td>
                        <td><button type="button" class="button button-small button-danger" on:click=move |_| {
                                edit(Box::new(move |a| { if i < a.budget.len() { a.budget.remove(i); } }));
                                set_problem.set(None);
                                if lines.with_untracked(Vec::is_empty) { focus_later("add-budget-line"); }
                            }>
                            {t("actions.budget.remove")} <span class="visually-hidden">{tf("actions.budget.remove_line", &[("n", &(i + 1))])}</span></button></td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
        <button type="button" class="button" id="add-budget-line" on:click=add>{t("actions.budget.add")}</button>
    }
}
