//! The steering body (« instance de pilotage »), its members and the review cadence.

use super::super::actor_picker::{toggle, ActorPicker};
use super::super::fields::{DateField, SelectField, TextArea, TextField};
use super::super::widgets::Fold;
use crate::state::{use_state, AppState};
use atelier_core::i18n::{t, tf};
use atelier_core::text::short_date;
use atelier_core::{Id, ReviewCadence};
use leptos::prelude::*;

#[component]
pub fn Governance() -> impl IntoView {
    let state = use_state();
    let Some(g) = state
        .plan
        .with_untracked(|p| p.as_ref().map(|p| p.governance.clone()))
    else {
        return ().into_any();
    };
    let read = move |f: fn(&atelier_core::Governance) -> String| read_text(state, f);
    let members = Signal::derive(move || {
        state.plan.with(|p| {
            p.as_ref()
                .map(|p| p.governance.member_ids.clone())
                .unwrap_or_default()
        })
    });
    let suggested = Memo::new(move |_| {
        state.plan.with(|p| {
            p.as_ref()
                .and_then(|p| p.governance.suggested_next_review())
        })
    });
    let cadences = std::iter::once((String::new(), "—".to_owned()))
        .chain(
            ReviewCadence::ALL
                .iter()
                .map(|c| (c.code().to_owned(), c.label().to_owned())),
        )
        .collect::<Vec<_>>();
    let day =
        move |f: fn(&atelier_core::Governance) -> Option<chrono::NaiveDate>| read_day(state, f);
    view! {
        <section aria-labelledby="governance-title">
            <h2 id="governance-title">{t("conclusion.governance.title")}</h2>
            <p class="hint">{t("conclusion.governance.reen")}</p>
            <div class="form-grid">
                <TextField id="gov-body" label=t("conclusion.governance.body") value=g.steering_body.clone()
                    hint=t("conclusion.governance.body_hint")
                    live=Signal::derive(move || read(|g| g.steering_body.clone()))
                    on_input=move |v: String| state.update_plan(move |p| p.governance.steering_body = v) />
                <TextArea id="gov-internal" label=t("conclusion.governance.internal") value=g.internal_members.clone()
                    live=Signal::derive(move || read(|g| g.internal_members.clone()))
                    on_input=move |v: String| state.update_plan(move |p| p.governance.internal_members = v) />
                <SelectField id="gov-cadence" label=t("conclusion.governance.cadence") options=cadences
                    selected=Signal::derive(move || read(|g| g.cadence.map_or("", |c| c.code()).to_owned()))
                    on_change=move |v: String| state.update_plan(move |p| p.governance.cadence = ReviewCadence::from_code(&v)) />
                <DateField id="gov-last" label=t("conclusion.governance.last") value=g.last_review
                    live=Signal::derive(move || day(|g| g.last_review))
                    on_change={move |d: Option<chrono::NaiveDate>| state.update_plan(move |p| p.governance.last_review = d)} />
                <DateField id="gov-next" label=t("conclusion.governance.next") value=g.next_review
                    live=Signal::derive(move || day(|g| g.next_review))
                    on_change={move |d: Option<chrono::NaiveDate>| state.update_plan(move |p| p.governance.next_review = d)} />
            </div>
            <Show when=move || matches!((day(|g| g.last_review), day(|g| g.next_review)), (Some(l), Some(n)) if n < l)>
                <p class="field-error" role="status">{t("conclusion.governance.next_before_last")}</p>
            </Show>
            {move || suggested.get().map(|d| view! {
                <p class="hint">{tf("conclusion.governance.suggested", &[("date", &short_date(d))])} " "
                    <button type="button" class="button button-small" on:click=move |_| state.update_plan(move |p| p.governance.next_review = Some(d))>
                        {t("conclusion.governance.use_date")}</button>
                </p>
            })}
            // Folded: the picker lists up to fifty actors, and is rarely changed.
            <p>{move || {
                let names = state.actors.with(|actors| members.with(|ids| ids.iter()
                    .filter_map(|id| actors.iter().find(|a| a.id == *id).map(|a| a.name.clone()))
                    .collect::<Vec<_>>()));
                if names.is_empty() {
                    t("conclusion.governance.no_members").to_owned()
                } else {
                    tf("conclusion.governance.members_are", &[("names", &names.join(", "))])
                }
            }}</p>
            <Fold summary=t("conclusion.governance.members_fold")>
                <ActorPicker prefix="gov-member" legend=t("conclusion.governance.members") selected=members
                    on_toggle=move |(actor, on): (Id, bool)| state.update_plan(move |p| toggle(&mut p.governance.member_ids, actor, on)) />
            </Fold>
        </section>
    }
    .into_any()
}

/// The dates the yearly review needs: the strategy's adoption and deliberation (quoted by the
/// review), the budget debate (the review is due before it). Shown in the review's fold.
#[component]
pub fn ReviewDates() -> impl IntoView {
    let state = use_state();
    let Some(g) = state
        .plan
        .with_untracked(|p| p.as_ref().map(|p| p.governance.clone()))
    else {
        return ().into_any();
    };
    let read = move |f: fn(&atelier_core::Governance) -> String| read_text(state, f);
    let day =
        move |f: fn(&atelier_core::Governance) -> Option<chrono::NaiveDate>| read_day(state, f);
    view! {
        <div class="form-grid">
            // The yearly review quotes the adoption; it is due before the budget debate.
                <DateField id="gov-adopted" label=t("conclusion.governance.adopted") value=g.adopted_on
                    live=Signal::derive(move || day(|g| g.adopted_on))
                    on_change={move |d: Option<chrono::NaiveDate>| state.update_plan(move |p| p.governance.adopted_on = d)} />
                <TextField id="gov-deliberation" label=t("conclusion.governance.deliberation") value=g.deliberation.clone()
                    live=Signal::derive(move || read(|g| g.deliberation.clone()))
                    on_input=move |v: String| state.update_plan(move |p| p.governance.deliberation = v) />
                <DateField id="gov-debate" label=t("conclusion.governance.debate") value=g.budget_debate_on
                    hint=t("conclusion.governance.debate_hint")
                    live=Signal::derive(move || day(|g| g.budget_debate_on))
                    on_change={move |d: Option<chrono::NaiveDate>| state.update_plan(move |p| p.governance.budget_debate_on = d)} />
        </div>
    }
    .into_any()
}

/// A text of the open plan's governance, tracked (the fields follow another tab's edits).
fn read_text(state: AppState, f: fn(&atelier_core::Governance) -> String) -> String {
    state
        .plan
        .with(|p| p.as_ref().map(|p| f(&p.governance)).unwrap_or_default())
}

/// A day of the open plan's governance, tracked.
fn read_day(
    state: AppState,
    f: fn(&atelier_core::Governance) -> Option<chrono::NaiveDate>,
) -> Option<chrono::NaiveDate> {
    state
        .plan
        .with(|p| p.as_ref().and_then(|p| f(&p.governance)))
}
