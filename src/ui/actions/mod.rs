//! Step 3 « Quelles actions ? »: the kit's catalogue of key actions, the fiches action, and
//! four views of the plan (list, board by status, roadmap, impact × effort matrix). Each view
//! has its own URL (see [`crate::route::ActionsView`]).

mod board;
mod budget;
mod catalogue;
mod editor;
mod follow_ups;
mod indicators;
mod list;
mod matrix;
mod roadmap;
mod sheets;

use super::fields::AddForm;
use crate::route::{ActionsView, Route};
use crate::state::{use_state, Notice};
use atelier_core::i18n::{t, tf};
use atelier_core::{ActionSheet, Axis, Id};
use leptos::prelude::*;

crate::lazy! {
    /// Step 3, the fiches action in their five views, downloaded on first use (see [`crate::ui::lazy`]).
    pub fn screen [screen_actions] () -> crate::ui::lazy::Draw {
        || view! { <Actions /> }.into_any()
    }
}

#[component]
pub fn Actions() -> impl IntoView {
    let state = use_state();
    let view_now = move || match state.route.get() {
        Route::Actions(v) => v,
        _ => ActionsView::List,
    };
    // The fiche open in the editor, shared by every view.
    let editing = super::open_editor();
    super::widgets::back_closes(editing, |id| {
        super::widgets::focus_first(vec![
            format!("edit-{id}"),
            format!("card-{id}"),
            format!("open-{id}"),
        ])
    });
    let (axis, set_axis) = signal(Axis::Know);
    let open = Callback::new(move |id: Id| editing.set(Some(id)));
    super::widgets::close_when_gone::<ActionSheet>(editing);
    let delete = Callback::new(move |id: Id| {
        if editing.get_untracked() == Some(id) {
            editing.set(None);
        }
        state.delete::<ActionSheet>(id);
    });
    let add = move |title: String| {
        let sheet = ActionSheet::new(crate::browser::new_id(), title, axis.get_untracked());
        editing.set(Some(state.insert(sheet)));
    };

    view! {
        <h1 tabindex="-1">{t("actions.title")}</h1>
        <p class="lead">{t("actions.lead")}</p>

        <nav class="view-switch" aria-label=t("actions.views_label")>
            {ActionsView::ALL.into_iter().map(|v| view! {
                <a class="button" href=Route::Actions(v).hash()
                    aria-current=move || (view_now() == v).then_some("page")>{v.label()}</a>
            }).collect_view()}
        </nav>

        <div class="toolbar">
            <AddForm id="new-action-title" label=t("actions.new.label") button=t("actions.new.button")
                missing=t("actions.new.missing")
                on_add=add
                extra=Box::new(move || view! {
                    <label for="new-action-axis">{t("actions.new.axis")}</label>
                    <select id="new-action-axis" on:change=move |ev| {
                        if let Some(a) = Axis::from_code(&event_target_value(&ev)) { set_axis.set(a); }
                    }>
                        {Axis::ALL.into_iter().map(|a| view! { <option value=a.code()>{a.label()}</option> }).collect_view()}
                    </select>
                }.into_any()) />
            <button type="button" class="button" on:click=move |_| export_csv(state)>{t("actions.export.button")}</button>
        </div>
        <sheets::ActionSheets />

        {move || editing.get().map(|id| view! {
            <editor::ActionEditor id=id on_close=move || {
                editing.set(None);
                // Back to what opened it: a row, a card, or a link of the roadmap or matrix.
                super::widgets::focus_first(vec![format!("edit-{id}"), format!("card-{id}"), format!("open-{id}")]);
            } />
        })}

        {move || match view_now() {
            ActionsView::Catalogue => view! { <catalogue::Catalogue on_created=open /> }.into_any(),
            ActionsView::List => view! { <list::ActionList on_edit=open on_delete=delete /> }.into_any(),
            ActionsView::Board => view! { <board::Board on_edit=open /> }.into_any(),
            ActionsView::Roadmap => view! { <roadmap::RoadmapView on_edit=open /> }.into_any(),
            ActionsView::Matrix => view! { <matrix::MatrixView on_edit=open /> }.into_any(),
        }}
    }
}

/// Downloads the action plan as a spreadsheet (CSV for French Excel) for council papers.
fn export_csv(state: crate::state::AppState) {
    let plan = state
        .plan
        .with_untracked(|p| p.as_ref().map(|p| p.name.clone()))
        .unwrap_or_default();
    let actions = state.actions.get_untracked();
    let actors = state.actors.get_untracked();
    leptos::task::spawn_local(async move {
        let Ok(csv) = crate::parts::jobs::write_action_plan(actions, actors).await else {
            return state.part_failed();
        };
        let name = format!(
            "plan-actions-{}-{}.csv",
            atelier_core::file::format::slug(&plan),
            crate::browser::today()
        );
        let notice = match crate::browser::download(&name, "text/csv;charset=utf-8", &csv) {
            Ok(()) => Notice::success(tf("actions.export.done", &[("name", &name)])),
            Err(_) => Notice::error(t("actions.export.refused"), vec![]),
        };
        state.notice.set(Some(notice));
    });
}

/// Names of the actors with these ids, joined by commas (for lists and cards).
fn actor_names(state: crate::state::AppState, ids: &[Id]) -> String {
    state.actors.with(|actors| {
        ids.iter()
            .filter_map(|id| actors.iter().find(|a| a.id == *id).map(|a| a.name.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    })
}
