//! The list view: every fiche action in a table, filtered and sorted.

use super::super::widgets::RowButtons;
use super::actor_names;
use crate::state::use_state;
use atelier_core::board::{list, ActionFilter, ActionSort};
use atelier_core::i18n::{t, tf, tn};
use atelier_core::text::short_date;
use atelier_core::{ActionStatus, Axis, Circle, Id};
use leptos::prelude::*;
use std::collections::HashSet;

#[component]
pub fn ActionList(on_edit: Callback<Id>, on_delete: Callback<Id>) -> impl IntoView {
    let state = use_state();
    let filter = RwSignal::new(ActionFilter::default());
    let sort = RwSignal::new(ActionSort::default());
    // Only actors that some action links to can narrow the list: a select of 10 000 names
    // would help nobody.
    let partners = Memo::new(move |_| {
        let linked: HashSet<Id> = state
            .actions
            .with(|l| l.iter().flat_map(|a| a.actor_ids.iter().copied()).collect());
        state.actors.with(|actors| {
            actors
                .iter()
                .filter(|a| linked.contains(&a.id))
                .map(|a| (a.id, a.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let rows = Memo::new(move |_| {
        let f = filter.get();
        state.actions.with(|l| {
            list(l, &f, sort.get())
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let select = move |id: &'static str,
                       label: &'static str,
                       choices: Vec<(String, String)>,
                       set: fn(&mut ActionFilter, &str)| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id on:change=move |ev| { let v = event_target_value(&ev); filter.update(|f| set(f, &v)) }>
                    <option value="">{t("actions.list.all")}</option>
                    {choices.into_iter().map(|(c, l)| view! { <option value=c>{l}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <div class="filters" role="search" aria-label=t("actions.list.filters_label")>
            {select("filter-axis", t("actions.list.axis"), Axis::ALL.iter().map(|a| (a.code().into(), a.label().into())).collect(), |f, v| f.axis = Axis::from_code(v))}
            {select("filter-status", t("actions.list.status"), ActionStatus::ALL.iter().map(|s| (s.code().into(), s.label().into())).collect(), |f, v| f.status = ActionStatus::from_code(v))}
            {select("filter-circle", t("actions.list.circle"), Circle::ALL.iter().map(|c| (c.number().to_string(), tf("actions.list.circle_option", &[("n", &c.number())]))).collect(), |f, v| f.circle = v.parse::<u8>().ok().and_then(|n| Circle::try_from(n).ok()))}
            <div class="field">
                <label for="filter-actor">{t("actions.list.actor")}</label>
                <select id="filter-actor" on:change=move |ev| { let v = event_target_value(&ev); filter.update(|f| f.actor = Id::parse(&v)) }>
                    <option value="" prop:selected=move || filter.with(|f| f.actor.is_none())>{t("actions.list.all")}</option>
                    // The chosen actor stays listed (and selected) even once no fiche links it.
                    {move || {
                        let chosen = filter.with(|f| f.actor);
                        let mut list = partners.get();
                        if let Some(id) = chosen.filter(|id| !list.iter().any(|(x, _)| x == id)) {
                            let name = state.actors.with(|a| a.iter().find(|a| a.id == id).map(|a| a.name.clone())).unwrap_or_default();
                            list.push((id, name));
                        }
                        list.into_iter().map(|(id, name)| view! { <option value=id.to_string() prop:selected=chosen == Some(id)>{name}</option> }).collect_view()
                    }}
                </select>
            </div>
            <div class="field">
                <label for="filter-pilot">{t("actions.list.pilot")}</label>
                <input id="filter-pilot" type="search" on:input=move |ev| { let v = event_target_value(&ev); filter.update(|f| f.pilot = v) } />
            </div>
            <div class="field">
                <label for="action-sort">{t("actions.list.sort")}</label>
                <select id="action-sort" on:change=move |ev| if let Some(s) = ActionSort::from_code(&event_target_value(&ev)) { sort.set(s) }>
                    {ActionSort::ALL.into_iter().map(|s| view! { <option value=s.code()>{s.label()}</option> }).collect_view()}
                </select>
            </div>
        </div>
        <div class="table-wrap">
            <table class="data-table action-table">
                <caption>{move || {
                    let (shown, all) = (rows.with(Vec::len), state.actions.with(Vec::len));
                    match all {
                        0 => t("actions.list.empty").to_owned(),
                        _ if shown == all => tn("actions.list.count", all as u64, &[]),
                        _ => tn("actions.list.count_filtered", all as u64, &[("shown", &shown)]),
                    }
                }}</caption>
                <thead><tr>
                    <th scope="col">{t("actions.list.col_title")}</th><th scope="col">{t("actions.list.col_axis")}</th><th scope="col">{t("actions.list.col_status")}</th>
                    <th scope="col">{t("actions.list.col_priority")}</th><th scope="col">{t("actions.list.col_pilot")}</th><th scope="col">{t("actions.list.col_due")}</th>
                    <th scope="col">{t("actions.list.col_budget")}</th><th scope="col">{t("actions.list.col_partners")}</th><th scope="col"><span class="visually-hidden">{t("actions.list.col_actions")}</span></th>
                </tr></thead>
                <tbody>
                    <For each=move || rows.get() key=|a| (a.id, a.title.clone(), a.notes.clone(), a.axis, a.status, a.due, a.priority, a.pilot.clone(), a.pilot_service.clone(), a.actor_ids.clone(), (a.is_quick_win(), a.workshop, a.budget.iter().map(|l| l.amount).sum::<u64>())) let:a>
                        {
                            let id = a.id;
                            let pilot = [a.pilot.as_str(), a.pilot_service.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(", ");
                            view! {
                                <tr>
                                    <th scope="row" data-label=t("actions.list.col_title")>{a.title.clone()}
                                        {a.is_quick_win().then(|| view! { " " <span class="badge badge-quick">{t("actions.list.quick_win")}</span> })}
                                        {a.from_workshop().then(|| view! { " " <span class="badge">{t("actions.list.from_workshop")}</span> })}</th>
                                    <td data-label=t("actions.list.col_axis")>{a.axis.label()}</td>
                                    <td data-label=t("actions.list.col_status")>{a.status.label()}</td>
                                    <td data-label=t("actions.list.col_priority")>{a.priority.map(|p| p.label())}</td>
                                    <td data-label=t("actions.list.col_pilot")>{pilot}</td>
                                    <td data-label=t("actions.list.col_due")>{a.due.map(short_date)}</td>
                                    <td data-label=t("actions.list.col_budget") class="number">{
                                        let planned: u64 = a.budget.iter().map(|l| l.amount).sum();
                                        (planned > 0).then(|| super::super::format::euros(planned))
                                    }</td>
                                    <td data-label=t("actions.list.col_partners")>{actor_names(state, &a.actor_ids)}</td>
                                    <RowButtons id=id name=a.title.clone() on_edit=on_edit on_delete=on_delete />
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </div>
    }
}
