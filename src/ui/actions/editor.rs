//! Editing one fiche action in full; every change is saved as it happens.

use super::super::actor_picker::{toggle, ActorPicker};
use super::super::fields::{options, DateField, SelectField, TextArea, TextField};
use super::{budget::BudgetLines, follow_ups::FollowUps, indicators::Indicators};
use crate::state::use_state;
use atelier_core::i18n::{t, tf};
use atelier_core::{ActionSheet, ActionStatus, Axis, Circle, Id, Phase, Priority, Score};
use chrono::NaiveDate;
use leptos::prelude::*;

/// A change to the sheet being edited. Boxed: one instantiation of the update path for the
/// whole editor keeps the wasm smaller.
pub type Edit = Box<dyn FnOnce(&mut ActionSheet)>;

/// Options for an optional 1–3 score or phase: « — » first.
fn numbered(labels: &[(u8, &'static str)]) -> Vec<(String, String)> {
    std::iter::once((String::new(), "—".to_owned()))
        .chain(
            labels
                .iter()
                .map(|(n, l)| (n.to_string(), format!("{n} — {l}"))),
        )
        .collect()
}

#[component]
pub fn ActionEditor(id: Id, on_close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let state = use_state();
    let Some(action) = state
        .actions
        .with_untracked(|l| l.iter().find(|a| a.id == id).cloned())
    else {
        return ().into_any();
    };
    let edit = move |change: Edit| state.update::<ActionSheet>(id, change);
    // Reads a field of the stored sheet, reactively (another tab may change it).
    let current = move |read: fn(&ActionSheet) -> String| {
        state
            .actions
            .with(|l| l.iter().find(|a| a.id == id).map(read).unwrap_or_default())
    };
    let links = Signal::derive(move || {
        state.actions.with(|l| {
            l.iter()
                .find(|a| a.id == id)
                .map(|a| a.actor_ids.clone())
                .unwrap_or_default()
        })
    });
    let suggest = Memo::new(move |_| {
        state.actions.with(|l| {
            l.iter()
                .find(|a| a.id == id)
                .is_some_and(|a| a.suggests_quick_win())
        })
    });
    let day = move |read: fn(&ActionSheet) -> Option<NaiveDate>| {
        state
            .actions
            .with(|l| l.iter().find(|a| a.id == id).and_then(read))
    };
    // Dates in the wrong order are kept (the user may be midway) but pointed out.
    let reversed = Memo::new(
        move |_| matches!((day(|a| a.start), day(|a| a.due)), (Some(s), Some(d)) if d < s),
    );
    let priorities = std::iter::once((String::new(), "—".to_owned()))
        .chain(options(&Priority::ALL, Priority::code, Priority::label))
        .collect::<Vec<_>>();
    let scores = numbered(&Score::ALL.map(|s| (s.number(), s.label())));
    let phases = numbered(&Phase::ALL.map(|p| (p.number(), p.label())));
    super::super::widgets::focus_later("action-title");

    view! {
        <section class="editor" aria-labelledby="action-editor-title"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { on_close() }>
            <h2 id="action-editor-title">{move || tf("actions.editor.heading", &[("title", &current(|a| a.title.clone()))])}</h2>
            <p class="hint">{t("actions.editor.hint")}</p>

            <h3>{t("actions.editor.section_action")}</h3>
            <div class="form-grid">
                <TextField id="action-title" label=t("actions.editor.title") value=action.title.clone() wide=true live=Signal::derive(move || current(|a| a.title.clone()))
                    required=t("actions.editor.title_required")
                    on_input=move |v: String| edit(Box::new(move |a| a.title = v.trim().to_owned())) />
                <SelectField id="action-axis" label=t("actions.editor.axis")
                    options=options(&Axis::ALL, Axis::code, Axis::label)
                    selected=Signal::derive(move || current(|a| a.axis.code().to_owned()))
                    on_change=move |code: String| if let Some(x) = Axis::from_code(&code) { edit(Box::new(move |a| a.axis = x)) } />
                <TextArea id="action-description" label=t("actions.editor.description") value=action.description.clone()
                    live=Signal::derive(move || current(|a| a.description.clone()))
                    on_input=move |v: String| edit(Box::new(move |a| a.description = v)) />
                <TextArea id="action-objectives" label=t("actions.editor.objectives") value=action.objectives.clone()
                    live=Signal::derive(move || current(|a| a.objectives.clone()))
                    on_input=move |v: String| edit(Box::new(move |a| a.objectives = v)) />
                <TextField id="action-pilot" label=t("actions.editor.pilot") value=action.pilot.clone() live=Signal::derive(move || current(|a| a.pilot.clone()))
                    hint=t("actions.editor.pilot_hint")
                    on_input=move |v: String| edit(Box::new(move |a| a.pilot = v)) />
                <TextField id="action-service" label=t("actions.editor.service") value=action.pilot_service.clone()
                    live=Signal::derive(move || current(|a| a.pilot_service.clone()))
                    on_input=move |v: String| edit(Box::new(move |a| a.pilot_service = v)) />
            </div>

            <h3>{t("actions.editor.section_progress")}</h3>
            <div class="form-grid">
                <SelectField id="action-status" label=t("actions.editor.status")
                    options=options(&ActionStatus::ALL, ActionStatus::code, ActionStatus::label)
                    selected=Signal::derive(move || current(|a| a.status.code().to_owned()))
                    on_change=move |code: String| if let Some(s) = ActionStatus::from_code(&code) {
                        let today = crate::browser::today();
                        edit(Box::new(move |a| a.set_status(s, today)));
                    } />
                <SelectField id="action-priority" label=t("actions.editor.priority") options=priorities
                    selected=Signal::derive(move || current(|a| a.priority.map_or("", |p| p.code()).to_owned()))
                    on_change=move |code: String| edit(Box::new(move |a| a.priority = Priority::from_code(&code))) />
                <DateField id="action-start" label=t("actions.editor.start") value=action.start
                    live=Signal::derive(move || day(|a| a.start))
                    on_change={move |d: Option<NaiveDate>| edit(Box::new(move |a| a.start = d))} />
                <DateField id="action-due" label=t("actions.editor.due") value=action.due
                    live=Signal::derive(move || day(|a| a.due))
                    on_change={move |d: Option<NaiveDate>| edit(Box::new(move |a| a.due = d))} />
                <SelectField id="action-phase" label=t("actions.editor.phase") options=phases
                    selected=Signal::derive(move || current(|a| a.phase.map(|p| p.number().to_string()).unwrap_or_default()))
                    on_change=move |v: String| edit(Box::new(move |a| a.phase = v.parse::<u8>().ok().and_then(|n| Phase::try_from(n).ok()))) />
            </div>

            <Show when=move || reversed.get()>
                <p class="field-error" role="status">{t("actions.editor.reversed")}</p>
            </Show>

            <h3>{t("actions.editor.section_scoring")}</h3>
            <div class="form-grid">
                <SelectField id="action-impact" label=t("actions.editor.impact") options=scores.clone()
                    selected=Signal::derive(move || current(|a| a.impact.map(|s| s.number().to_string()).unwrap_or_default()))
                    on_change=move |v: String| edit(Box::new(move |a| a.impact = v.parse::<u8>().ok().and_then(|n| Score::try_from(n).ok()))) />
                <SelectField id="action-effort" label=t("actions.editor.effort") options=scores
                    selected=Signal::derive(move || current(|a| a.effort.map(|s| s.number().to_string()).unwrap_or_default()))
                    on_change=move |v: String| edit(Box::new(move |a| a.effort = v.parse::<u8>().ok().and_then(|n| Score::try_from(n).ok()))) />
                <div class="field field-check">
                    // The scores can make a fiche a quick win on their own (one definition for
                    // every screen): the box then shows it, and cannot say otherwise.
                    <input id="action-quick-win" type="checkbox" aria-describedby="action-quick-win-rule"
                        prop:checked=move || state.actions.with(|l| l.iter().any(|a| a.id == id && a.is_quick_win()))
                        prop:disabled=move || suggest.get()
                        on:change=move |ev| { let on = event_target_checked(&ev); edit(Box::new(move |a| a.quick_win = on)) } />
                    <label for="action-quick-win">{t("actions.editor.quick_win")}</label>
                </div>
                // Noted during a workshop: unticking it is how the idea is marked as sorted out.
                <div class="field field-check">
                    <input id="action-workshop" type="checkbox"
                        prop:checked=move || state.actions.with(|l| l.iter().any(|a| a.id == id && a.workshop))
                        on:change=move |ev| { let on = event_target_checked(&ev); edit(Box::new(move |a| a.workshop = on)) } />
                    <label for="action-workshop">{t("actions.editor.workshop")}</label>
                </div>
            </div>
            <p class="hint" id="action-quick-win-rule" role="status">
                {move || if suggest.get() { t("actions.editor.suggest_quick_win") } else { t("actions.editor.quick_win_rule") }}
            </p>

            <h3>{t("actions.editor.section_targets")}</h3>
            <fieldset class="choices">
                <legend>{t("actions.editor.circles")}</legend>
                {Circle::ALL.into_iter().map(|c| {
                    let box_id = format!("action-circle-{}", c.number());
                    view! {
                        <span class="field-check">
                            <input type="checkbox" id=box_id.clone()
                                prop:checked=move || state.actions.with(|l| l.iter().any(|a| a.id == id && a.circles.contains(&c)))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    edit(Box::new(move |a| { a.circles.retain(|x| *x != c); if on { a.circles.push(c); a.circles.sort(); } }));
                                } />
                            <label for=box_id>{tf("actions.editor.circle", &[("n", &c.number())])}</label>
                        </span>
                    }
                }).collect_view()}
            </fieldset>
            <div class="form-grid">
                <TextField id="action-publics" label=t("actions.editor.publics") value=action.publics.clone() wide=true
                    live=Signal::derive(move || current(|a| a.publics.clone()))
                    hint=t("actions.editor.publics_hint")
                    on_input=move |v: String| edit(Box::new(move |a| a.publics = v)) />
            </div>
            <ActorPicker prefix="action-link" legend=t("actions.editor.partners") selected=links
                on_toggle=move |(actor, on): (Id, bool)| edit(Box::new(move |a| toggle(&mut a.actor_ids, actor, on))) />

            <BudgetLines id=id />
            <Indicators id=id />
            <FollowUps id=id />

            <h3>{t("actions.editor.section_types")}</h3>
            <div class="form-grid">
                <TextField id="action-nr-types" label=t("actions.editor.nr_types") value=atelier_core::kit::nr_types_label(&action.nr_types) wide=true
                    hint=t("actions.editor.nr_types_hint")
                    on_input=move |v: String| edit(Box::new(move |a| a.nr_types = split_types(&v))) />
                <TextArea id="action-notes" label=t("actions.editor.notes") value=action.notes.clone()
                    live=Signal::derive(move || current(|a| a.notes.clone()))
                    on_input=move |v: String| edit(Box::new(move |a| a.notes = v)) />
            </div>
            <button type="button" class="button" on:click=move |_| on_close()>{t("actions.editor.close")}</button>
        </section>
    }
    .into_any()
}

/// NR types typed as a comma-separated list (shown in the display language), each stored as
/// the kit's French value when it is known, whatever the language it was typed in.
fn split_types(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| {
            atelier_core::kit::known_nr_type(t)
                .map(str::to_owned)
                .unwrap_or_else(|| t.to_owned())
        })
        .collect()
}
