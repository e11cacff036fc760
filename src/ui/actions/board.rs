//! The board view (kanban): one column per status. A card moves with the mouse (drag and
//! drop) or with the keyboard (its ← and → buttons, or the arrow keys on the card).

use crate::state::{use_state, AppState};
use atelier_core::board::kanban;
use atelier_core::i18n::{t, tf};
use atelier_core::{ActionSheet, ActionStatus, Id};
use leptos::prelude::*;

/// Moves a card to `status`, keeps focus on it and says where it went.
fn move_card(state: AppState, id: Id, status: ActionStatus, said: WriteSignal<String>) {
    let today = crate::browser::today();
    state.update::<ActionSheet>(id, |a| a.set_status(status, today));
    let title = state
        .actions
        .with_untracked(|l| l.iter().find(|a| a.id == id).map(|a| a.title.clone()))
        .unwrap_or_default();
    said.set(tf(
        "actions.board.moved",
        &[("title", &title), ("status", &status.label())],
    ));
    super::super::widgets::focus_later(format!("card-{id}"));
}

/// Who leads a card's fiche and when it is due, as the card shows them under its title.
fn card_meta(a: &ActionSheet) -> String {
    let mut parts: Vec<String> = a.leader().map(str::to_owned).into_iter().collect();
    if let Some(due) = a.due {
        parts.push(tf(
            "actions.board.due",
            &[("date", &atelier_core::text::short_date(due))],
        ));
    }
    parts.join(" · ")
}

#[component]
pub fn Board(on_edit: Callback<Id>) -> impl IntoView {
    let state = use_state();
    let (said, set_said) = signal(String::new());
    let columns = Memo::new(move |_| {
        state.actions.with(|l| {
            let refs: Vec<&ActionSheet> = l.iter().collect();
            kanban(&refs)
                .into_iter()
                .map(|(s, ids)| {
                    let cards = ids
                        .iter()
                        .filter_map(|id| l.iter().find(|a| a.id == *id))
                        .map(|a| (a.id, a.title.clone(), a.is_quick_win(), card_meta(a)))
                        .collect::<Vec<_>>();
                    (s, cards)
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <p class="hint" id="board-help">{t("actions.board.help")}</p>
        <p class="visually-hidden" role="status" aria-live="polite">{said}</p>
        <div class="board">
            {move || columns.get().into_iter().map(|(status, cards)| {
                let heading = format!("board-{}", status.code());
                let labelled = heading.clone();
                view! {
                    <section class="board-column" aria-labelledby=labelled
                        on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
                        on:drop=move |ev: leptos::ev::DragEvent| {
                            ev.prevent_default();
                            let id = ev.data_transfer().and_then(|d| d.get_data("text/plain").ok()).and_then(|t| Id::parse(&t));
                            if let Some(id) = id { move_card(state, id, status, set_said); }
                        }>
                        <h2 id=heading>{status.label()} " " <span class="count">{format!("({})", cards.len())}</span></h2>
                        <ul>
                            {cards.into_iter().map(|(id, title, quick, meta)| {
                                let left = status.moved(-1);
                                let right = status.moved(1);
                                view! {
                                    <li class="card" draggable="true"
                                        on:dragstart=move |ev: leptos::ev::DragEvent| {
                                            if let Some(d) = ev.data_transfer() { let _ = d.set_data("text/plain", &id.to_string()); }
                                        }>
                                        <button type="button" class="card-title" id=format!("card-{id}") aria-describedby="board-help" draggable="true"
                                            on:click=move |_| on_edit.run(id)
                                            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                                let to = match ev.key().as_str() { "ArrowLeft" => left, "ArrowRight" => right, _ => return };
                                                ev.prevent_default();
                                                if let Some(s) = to { move_card(state, id, s, set_said); }
                                            }>
                                            {title.clone()}
                                        </button>
                                        {(!meta.is_empty()).then(|| view! { <span class="card-meta">{meta}</span> })}
                                        {quick.then(|| view! { <span class="badge badge-quick">{t("actions.board.quick_win")}</span> })}
                                        <span class="card-moves">
                                            {left.map(|s| view! { <button type="button" class="button button-small button-quiet"
                                                aria-label=tf("actions.board.move_to", &[("title", &title), ("status", &s.label())])
                                                on:click=move |_| move_card(state, id, s, set_said)>"←"</button> })}
                                            {right.map(|s| view! { <button type="button" class="button button-small button-quiet"
                                                aria-label=tf("actions.board.move_to", &[("title", &title), ("status", &s.label())])
                                                on:click=move |_| move_card(state, id, s, set_said)>"→"</button> })}
                                        </span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                }
            }).collect_view()}
        </div>
    }
}
