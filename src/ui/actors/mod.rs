//! Step 1 « Qui mobiliser ? »: the actor census. Import a spreadsheet, add, edit, delete.

mod decisions;
mod editor;
mod export;
mod filters;
mod import;
pub(super) mod map;
mod nr_types;
mod opendata;
mod quick;
mod table;

use super::fields::AddForm;
use crate::state::use_state;
use atelier_core::i18n::{t, tf};
use atelier_core::query::{search_text, ActorQuery};
use atelier_core::{Actor, Id};
use leptos::prelude::*;

crate::lazy! {
    /// Step 1, the actor census, downloaded on first use (see [`crate::ui::lazy`]).
    pub fn screen [screen_actors] () -> crate::ui::lazy::Draw {
        || view! { <Actors /> }.into_any()
    }
}

#[component]
pub fn Actors() -> impl IntoView {
    let state = use_state();
    // The actor open in the editor, if any.
    let editing = super::open_editor();
    super::widgets::back_closes(editing, |id| {
        super::widgets::focus_later(format!("edit-{id}"))
    });
    super::widgets::close_when_gone::<Actor>(editing);
    let query = RwSignal::new(ActorQuery {
        apply_decisions: true,
        ..Default::default()
    });
    // Folded search text of every actor, rebuilt only when actors change; then the indices of
    // the actors that pass the search and filters, shared by the table and the map.
    let haystacks = Memo::new(move |_| {
        state
            .actors
            .with(|a| a.iter().map(search_text).collect::<Vec<_>>())
    });
    let filtered = Memo::new(move |_| {
        let q = query.get();
        state.plan.with(|p| {
            let Some(plan) = p else { return Vec::new() };
            state.actors.with(|a| haystacks.with(|h| q.run(plan, a, h)))
        })
    });
    let show_map = RwSignal::new(false);
    // The actor whose row last had focus: what the quick qualification changes.
    let focused = RwSignal::new(None::<Id>);
    // A name typed in « Ajouter » that an actor already has (the CSV import spots these too):
    // the user says whether it is the same one.
    let same_name = RwSignal::new(None::<(String, Id)>);
    let add = move |name: String| {
        let key = atelier_core::text::fold(&name);
        let existing = state.actors.with_untracked(|a| {
            a.iter()
                .find(|a| atelier_core::text::fold(&a.name) == key)
                .map(|a| a.id)
        });
        match existing {
            Some(id) => same_name.set(Some((name, id))),
            None => editing.set(Some(
                state.insert(Actor::new(crate::browser::new_id(), name)),
            )),
        }
    };
    // An actor that other records point at, waiting for the user to confirm its deletion.
    let confirming = RwSignal::new(None::<(Id, String)>);
    let delete = move |id: Id| {
        if editing.get_untracked() == Some(id) {
            editing.set(None);
        }
        state.delete_actor(id);
    };
    view! {
        <h1 tabindex="-1">{t("actors.title")}</h1>
        <p class="lead">{t("actors.lead")}</p>

        <div class="toolbar">
            <AddForm id="new-actor-name" label=t("actors.add.label") button=t("actors.add.button")
                missing=t("actors.add.missing")
                on_add=add />
            <div>
                <import::ImportCsv />
                <export::CsvDownloads />
            </div>
        </div>

        {move || editing.get().map(|id| view! {
            <editor::ActorEditor id=id on_close=move || {
                editing.set(None);
                // Back to where the user was: the row's « Modifier » button.
                super::widgets::focus_later(format!("edit-{id}"));
            } />
        })}

        {move || same_name.get().map(|(name, existing)| view! {
            <super::widgets::Confirm text=tf("actors.add.same_name", &[("name", &name)])
                yes=t("actors.add.anyway") no=t("actors.add.open_existing")
                on_yes=move || {
                    same_name.set(None);
                    editing.set(Some(state.insert(Actor::new(crate::browser::new_id(), name.clone()))));
                }
                on_no=move || { same_name.set(None); editing.set(Some(existing)); } />
        })}

        {move || confirming.get().map(|(id, text)| view! {
            <super::widgets::Confirm text=text yes=t("actors.delete.yes") no=t("actors.delete.no")
                on_yes=move || { confirming.set(None); delete(id); }
                on_no=move || { confirming.set(None); super::widgets::focus_later(format!("edit-{id}")); } />
        })}
        <decisions::Decisions />
        <decisions::EngagementLabels />
        <filters::ActorFilters query=query />
        <div class="view-switch" role="group" aria-label=t("actors.view.label")>
            <button type="button" class="button" aria-pressed=move || (!show_map.get()).to_string() on:click=move |_| show_map.set(false)>{t("actors.view.table")}</button>
            <button type="button" class="button" aria-pressed=move || show_map.get().to_string() on:click=move |_| show_map.set(true)>{t("actors.view.map")}</button>
        </div>
        <Show when=move || show_map.get()>
            <map::ActorMap filtered=filtered on_open=move |id| { show_map.set(false); editing.set(Some(id)); } />
        </Show>
        <Show when=move || !show_map.get()>
            <quick::QuickQualify filtered=filtered focused=focused />
            <table::ActorTable filtered=filtered focused=focused on_edit=move |id| editing.set(Some(id)) on_delete=move |id| {
                let links = state.links_of(id);
                if links.is_empty() {
                    delete(id);
                } else {
                    let name = state.actors.with_untracked(|a| a.iter().find(|a| a.id == id).map(|a| a.name.clone())).unwrap_or_default();
                    confirming.set(Some((id, tf("actors.delete.linked", &[("name", &name), ("links", &links.describe())]))));
                    super::widgets::focus_later("confirm-keep");
                }
            } />
        </Show>
    }
}
