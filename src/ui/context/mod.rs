//! Context screen: the territory, what the law asks of it, the kit's key figures and method.

mod territory;

use super::fields::{options, SelectField, TextField};
use crate::state::use_state;
use atelier_core::i18n::{number, t, tf};
use atelier_core::kit;
use atelier_core::plan::{PCAET_THRESHOLD, REEN_THRESHOLD};
use atelier_core::TerritoryKind;
use leptos::prelude::*;

crate::lazy! {
    /// The context screen (territory, obligations, the kit's figures), downloaded on first use (see [`crate::ui::lazy`]).
    pub fn screen [screen_context] () -> crate::ui::lazy::Draw {
        || view! { <Context /> }.into_any()
    }
}

#[component]
pub fn Context() -> impl IntoView {
    let state = use_state();
    // Read once: inputs keep what the user types, and each change is saved as it happens.
    let plan = state
        .plan
        .get_untracked()
        .unwrap_or_else(|| atelier_core::Plan::new(crate::browser::new_id(), ""));
    let current = move |read: fn(&atelier_core::Plan) -> String| {
        state
            .plan
            .with(|p| p.as_ref().map(read).unwrap_or_default())
    };
    let territory = Memo::new(move |_| {
        state
            .plan
            .with(|p| p.as_ref().map(|p| p.territory.clone()).unwrap_or_default())
    });

    let data = territory::Data::new();

    view! {
        <h1 tabindex="-1">{t("context.title")}</h1>
        <p class="lead">{t("context.lead")}</p>

        <form class="form-grid" on:submit=|ev| ev.prevent_default()>
            <TextField id="plan-name" label=t("context.plan_name") value=plan.name.clone() live=Signal::derive(move || current(|p| p.name.clone()))
                required=t("context.plan_name_required")
                on_input=move |v: String| state.update_plan(|p| p.name = v.trim().to_owned()) />
            <territory::TerritoryPicker data />
            <p class="field-wide manual">{t("context.manual")}</p>
            <TextField id="territory-name" label=t("context.territory") value=plan.territory.name.clone() live=Signal::derive(move || current(|p| p.territory.name.clone()))
                on_input=move |v: String| state.update_plan(|p| {
                    p.territory.name = v;
                    territory::edited_by_hand(&mut p.territory);
                }) />
            <SelectField id="territory-kind" label=t("context.kind")
                options=options(&TerritoryKind::ALL, TerritoryKind::code, TerritoryKind::label)
                selected=Signal::derive(move || current(|p| p.territory.kind.code().to_owned()))
                on_change=move |code: String| {
                    if let Some(kind) = TerritoryKind::from_code(&code) {
                        state.update_plan(|p| {
                            p.territory.kind = kind;
                            territory::edited_by_hand(&mut p.territory);
                        });
                    }
                } />
            <TextField id="territory-population" label=t("context.population") kind="number"
                value=plan.territory.population.map(|p| p.to_string()).unwrap_or_default()
                live=Signal::derive(move || current(|p| p.territory.population.map(|n| n.to_string()).unwrap_or_default()))
                on_input=move |v: String| {
                    let population = v.trim().replace([' ', '\u{a0}'], "").parse::<u32>().ok();
                    state.update_plan(|p| {
                        p.territory.population = population;
                        territory::edited_by_hand(&mut p.territory);
                    });
                } />
        </form>
        <territory::OfficialTerritory data territory=territory />

        <section class="obligations" aria-labelledby="obligations-title">
            <h2 id="obligations-title">{t("context.obligations_title")}</h2>
            {move || {
                let o = territory.get().obligations();
                let verdict = |v: Option<bool>, yes: &'static str, no: &'static str| match v {
                    None => ("unknown", t("context.verdict.unknown")),
                    Some(true) => ("yes", yes),
                    Some(false) => ("no", no),
                };
                let (reen_class, reen_text) = verdict(o.reen_strategy, t("context.verdict.required"), t("context.verdict.reen_optional"));
                let (pcaet_class, pcaet_text) = verdict(o.pcaet, t("context.verdict.required"), t("context.verdict.pcaet_optional"));
                view! {
                    <dl class="verdicts">
                        <div class=format!("verdict verdict-{reen_class}")>
                            <dt>{t("context.reen.title")}</dt>
                            <dd>{reen_text}</dd>
                            // What « obligatoire » means in practice, with its dates.
                            {(reen_class == "yes").then(|| view! { <dd class="reen-due">{t("context.reen.due")}</dd> })}
                            <dd class="hint">{tf("context.reen.scope", &[("n", &number(REEN_THRESHOLD.into()))])}</dd>
                        </div>
                        <div class=format!("verdict verdict-{pcaet_class}")>
                            <dt>{t("context.pcaet.title")}</dt>
                            <dd>{pcaet_text}</dd>
                            <dd class="hint">{tf("context.pcaet.scope", &[("n", &number(PCAET_THRESHOLD.into()))])}</dd>
                        </div>
                    </dl>
                    {territory::population_source(&territory.get()).map(|s| view! { <p class="hint population-source">{s}</p> })}
                }
            }}
        </section>

        <section aria-labelledby="figures-title">
            <h2 id="figures-title">{t("context.figures_title")}</h2>
            <ul class="figures">
                {kit::FIGURES.iter().map(|f| view! {
                    <li class="figure">
                        <span class="figure-value">{f.value()}</span>
                        <span class="figure-what">{f.what()}</span>
                        <span class="figure-source">{tf("context.figure_source", &[("source", &f.source())])}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section>

        <section aria-labelledby="method-title">
            <h2 id="method-title">{t("context.method_title")}</h2>
            <ol class="method">
                {kit::METHOD.iter().map(|s| view! {
                    <li><strong>{s.title()}</strong>" " {s.outcome()}</li>
                }).collect_view()}
            </ol>
        </section>
    }
}
