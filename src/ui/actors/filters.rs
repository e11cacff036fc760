//! The search field and filters above the census table. They only edit an [`ActorQuery`]
//! signal; the table does the filtering.

use super::super::fields::{options, SelectField};
use super::super::widgets::Fold;
use crate::state::use_state;
use atelier_core::i18n::{t, tf};
use atelier_core::kit::{nr_type_label, NR_VOCABULARIES, SUBTYPES};
use atelier_core::query::ActorQuery;
use atelier_core::{Circle, EngagementLevel, Family, Relevance};
use leptos::prelude::*;

const ALL: &str = "";

/// Adds the « all » choice in front of a select's options.
fn with_all(mut list: Vec<(String, String)>) -> Vec<(String, String)> {
    list.insert(0, (ALL.to_owned(), t("actors.filters.all").to_owned()));
    list
}

#[component]
pub fn ActorFilters(query: RwSignal<ActorQuery>) -> impl IntoView {
    let state = use_state();
    let set = move |change: Box<dyn FnOnce(&mut ActorQuery)>| query.update(change);
    let read = move |f: fn(&ActorQuery) -> String| Signal::derive(move || query.with(f));
    // Follows the plan, so a subtype added in the editor is offered at once.
    let subtypes = Signal::derive(move || {
        let mut list: Vec<(String, String)> = SUBTYPES
            .iter()
            .map(|s| (s.label().to_owned(), s.label().to_owned()))
            .collect();
        state.plan.with(|p| {
            if let Some(p) = p {
                list.extend(
                    p.custom_subtypes
                        .iter()
                        .map(|c| (c.label.clone(), c.label.clone())),
                );
            }
        });
        with_all(list)
    });
    let nr_types: Vec<(String, String)> = NR_VOCABULARIES
        .iter()
        .flat_map(|v| v.types.iter())
        .map(|t| (t.to_string(), nr_type_label(t).to_string()))
        .collect();
    view! {
        <div class="filters" role="search" aria-label=t("actors.filters.label")>
            <div class="field field-search">
                <label for="actor-search">{t("actors.filters.search")}</label>
                <input id="actor-search" type="search" placeholder=t("actors.filters.search_placeholder")
                    prop:value=move || query.with(|q| q.text.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); set(Box::new(move |q| q.text = v)); } />
            </div>
            <Fold class="filter-more" summary=t("actors.filters.summary")>
            <div class="filter-grid">
            <SelectField id="filter-family" label=t("actors.filters.family") options=with_all(options(&Family::ALL, Family::code, Family::label))
                selected=read(|q| q.family.map_or(ALL, Family::code).to_owned())
                on_change=move |c: String| set(Box::new(move |q| q.family = Family::from_code(&c))) />
            <SelectField id="filter-subtype" label=t("actors.filters.subtype") options=subtypes
                selected=read(|q| q.subtype.clone().unwrap_or_default())
                on_change=move |c: String| set(Box::new(move |q| q.subtype = (!c.is_empty()).then_some(c))) />
            <SelectField id="filter-engagement" label=t("actors.filters.engagement")
                options=Signal::derive(move || with_all(state.plan.with(|p| EngagementLevel::ALL.iter().map(|&l| {
                    (l.code().to_owned(), p.as_ref().map_or(l.label(), |p| p.engagement_label(l)).to_owned())
                }).collect())))
                selected=read(|q| q.engagement.map_or(ALL, EngagementLevel::code).to_owned())
                on_change=move |c: String| set(Box::new(move |q| q.engagement = EngagementLevel::from_code(&c))) />
            <SelectField id="filter-relevance" label=t("actors.filters.relevance") options=with_all(options(&Relevance::ALL, Relevance::code, Relevance::label))
                selected=read(|q| q.relevance.map_or(ALL, Relevance::code).to_owned())
                on_change=move |c: String| set(Box::new(move |q| q.relevance = Relevance::from_code(&c))) />
            <SelectField id="filter-circle" label=t("actors.filters.circle")
                options=with_all(Circle::ALL.iter().map(|c| (c.number().to_string(), tf("actors.circle_n", &[("n", &c.number())]))).collect())
                selected=read(|q| q.circle.map(|c| c.number().to_string()).unwrap_or_default())
                on_change=move |c: String| set(Box::new(move |q| q.circle = c.parse::<u8>().ok().and_then(|n| Circle::try_from(n).ok()))) />
            <SelectField id="filter-nr-type" label=t("actors.filters.nr_type") options=with_all(nr_types.clone())
                selected=read(|q| q.nr_type.clone().unwrap_or_default())
                on_change=move |c: String| set(Box::new(move |q| q.nr_type = (!c.is_empty()).then_some(c))) />
            <SelectField id="filter-local" label=t("actors.filters.local")
                options=vec![(ALL.into(), t("actors.filters.all").into()), ("yes".into(), t("actors.filters.in_area").into()), ("no".into(), t("actors.filters.outside_area").into())]
                selected=read(|q| match q.local { Some(true) => "yes", Some(false) => "no", None => ALL }.to_owned())
                on_change=move |c: String| set(Box::new(move |q| q.local = match c.as_str() { "yes" => Some(true), "no" => Some(false), _ => None })) />
            </div>
            </Fold>
            <button type="button" class="button button-quiet" on:click=move |_| query.set(ActorQuery { apply_decisions: true, ..Default::default() })>
                {t("actors.filters.clear")}
            </button>
        </div>
    }
}
