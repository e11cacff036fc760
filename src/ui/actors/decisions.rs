//! « À arbitrer »: the kit's scoping question for each family, answered and dated. A « local
//! only » answer hides the family's non-local actors from the table (and, later, the map).

use super::super::fields::{SelectField, TextField};
use super::super::widgets::Fold;
use crate::browser;
use crate::state::use_state;
use atelier_core::i18n::{t, tf};
use atelier_core::kit::ARBITRATIONS;
use atelier_core::plan::Decision;
use atelier_core::text::short_date;
use atelier_core::Family;
use leptos::prelude::*;

#[component]
pub fn Decisions() -> impl IntoView {
    let state = use_state();
    let decision = move |family: Family| {
        state
            .plan
            .with(|p| p.as_ref().and_then(|p| p.decision(family).cloned()))
    };
    // Every change dates the decision today.
    let decide = move |family: Family, change: Box<dyn FnOnce(&mut Decision)>| {
        state.update_plan(move |p| {
            if p.decision(family).is_none() {
                p.decisions.push(Decision {
                    family,
                    local_only: None,
                    note: String::new(),
                    decided_on: None,
                });
            }
            if let Some(d) = p.decisions.iter_mut().find(|d| d.family == family) {
                change(d);
                d.decided_on = Some(browser::today());
            }
        });
    };
    view! {
        <Fold class="decisions" summary=t("actors.decisions.summary")>
            <p class="hint">{t("actors.decisions.hint")}</p>
            {
            let initial = state
                .plan
                .get_untracked()
                .map(|p| p.decisions)
                .unwrap_or_default();
            ARBITRATIONS.iter().map(|a| {
                let family = a.family;
                let saved = initial.iter().find(|d| d.family == family).cloned();
                let ids = ids_for(family);
                view! {
                    <fieldset class="decision">
                        <legend>{family.label()}</legend>
                        <p>{a.question()}</p>
                        {a.local_choice().map(|(only, all)| view! {
                            <SelectField id=ids.0 label=t("actors.decisions.answer")
                                options=vec![("".into(), t("actors.decisions.undecided").into()), ("only".into(), only.into()), ("all".into(), all.into())]
                                selected=match saved.as_ref().and_then(|d| d.local_only) { Some(true) => "only", Some(false) => "all", None => "" }.to_owned()
                                on_change=move |c: String| decide(family, Box::new(move |d| d.local_only = match c.as_str() { "only" => Some(true), "all" => Some(false), _ => None })) />
                        })}
                        <TextField id=ids.1 label=t("actors.decisions.note") value=saved.as_ref().map(|d| d.note.clone()).unwrap_or_default()
                            on_input=move |v: String| decide(family, Box::new(move |d| d.note = v)) />
                        <p class="hint">{move || decision(family).and_then(|d| d.decided_on).map(|day| tf("actors.decisions.decided_on", &[("date", &short_date(day))]))}</p>
                    </fieldset>
                }
            }).collect_view()
            }
        </Fold>
    }
}

/// Element ids of a family's answer and note fields.
fn ids_for(family: Family) -> (&'static str, &'static str) {
    match family {
        Family::Company => ("decision-company", "decision-company-note"),
        Family::Public => ("decision-public", "decision-public-note"),
        Family::Association => ("decision-association", "decision-association-note"),
        _ => ("decision-citizen", "decision-citizen-note"),
    }
}

/// Renaming the four engagement levels: the kit fixes no scale, so each collectivité may use
/// its own words. Blank keeps the default name.
#[component]
pub fn EngagementLabels() -> impl IntoView {
    use atelier_core::EngagementLevel;
    let state = use_state();
    const IDS: [&str; 4] = [
        "level-label-0",
        "level-label-1",
        "level-label-2",
        "level-label-3",
    ];
    view! {
        <Fold class="decisions" summary=t("actors.levels.summary")>
            <p class="hint">{t("actors.levels.hint")}</p>
            <div class="form-grid">
                {
                let saved = state
                    .plan
                    .get_untracked()
                    .map(|p| p.engagement_labels)
                    .unwrap_or_default();
                EngagementLevel::ALL.into_iter().map(|level| {
                    let i = level as usize;
                    view! {
                        <TextField id=IDS[i] label=level.label()
                            value=saved.get(i).cloned().unwrap_or_default()
                            on_input=move |v: String| state.update_plan(move |p| {
                                p.engagement_labels.resize(4, String::new());
                                p.engagement_labels[i] = v.trim().to_owned();
                            }) />
                    }
                }).collect_view()
                }
            </div>
        </Fold>
    }
}
