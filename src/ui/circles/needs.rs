//! The register of needs (« expression des besoins »): which actor asks the collectivité for
//! what, when, and what was done about it. Edited in place, one record per change.

use super::super::actor_picker::{actor_named, ActorNameInput};
use super::super::widgets::RowButtons;
use crate::state::use_state;
use atelier_core::i18n::{t, tf, tn};
use atelier_core::{kit, Id, Need, NeedKind, NeedStatus};
use leptos::prelude::*;

#[component]
pub fn NeedsRegister() -> impl IntoView {
    let state = use_state();
    let (who, set_who) = signal(String::new());
    let (kind, set_kind) = signal(NeedKind::Funding);
    let (error, set_error) = signal(None::<&'static str>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if who.get_untracked().trim().is_empty() {
            set_error.set(Some(t("circles.needs.actor_missing")));
            return;
        }
        let Some(actor) = actor_named(&who.get_untracked()) else {
            set_error.set(Some(t("circles.needs.actor_unknown")));
            super::super::widgets::focus_later("need-actor");
            return;
        };
        set_error.set(None);
        set_who.set(String::new());
        let mut need = Need::new(crate::browser::new_id(), actor, kind.get_untracked());
        need.expressed_on = Some(crate::browser::today());
        state.insert(need);
    };
    let rows = Memo::new(move |_| state.needs.get());
    let actor_name = move |id: Id| {
        state
            .actors
            .with(|a| a.iter().find(|a| a.id == id).map(|a| a.name.clone()))
            .unwrap_or_default()
    };
    view! {
        <section aria-labelledby="needs-title">
            <h2 id="needs-title">{t("circles.needs.title")}</h2>
            <p>{kit::needs_channel()}</p>
            <form class="inline-form" on:submit=submit novalidate>
                <label for="need-actor">{t("circles.needs.actor")}</label>
                <ActorNameInput id="need-actor" value=who set_value=set_who
                    invalid=Signal::derive(move || error.get().is_some()) error="need-error" />
                <label for="need-kind">{t("circles.needs.kind")}</label>
                <select id="need-kind" on:change=move |ev| if let Some(k) = NeedKind::from_code(&event_target_value(&ev)) { set_kind.set(k) }>
                    {NeedKind::ALL.into_iter().map(|k| view! { <option value=k.code()>{k.label()}</option> }).collect_view()}
                </select>
                <button type="submit" class="button button-primary">{t("circles.needs.add")}</button>
                {move || error.get().map(|e| view! { <p id="need-error" class="field-error">{e}</p> })}
            </form>
            <div class="table-wrap">
                <table class="data-table needs-table">
                    <caption>{move || match rows.with(Vec::len) { 0 => t("circles.needs.none").to_owned(), n => tn("circles.needs.count", n as u64, &[]) }}</caption>
                    <thead><tr>
                        <th scope="col">{t("circles.needs.actor")}</th><th scope="col">{t("circles.needs.kind")}</th><th scope="col">{t("circles.needs.details")}</th>
                        <th scope="col">{t("circles.needs.expressed_on")}</th><th scope="col">{t("circles.needs.status")}</th><th scope="col">{t("circles.needs.follow_up")}</th>
                        <th scope="col"><span class="visually-hidden">{t("circles.row_actions")}</span></th>
                    </tr></thead>
                    <tbody>
                        // Keyed by id, each field reading the stored need: a change made in
                        // another tab shows, and typing here never rebuilds the row.
                        <For each=move || rows.get() key=|n| n.id let:n>
                            {
                                let id = n.id;
                                let who = actor_name(n.actor_id);
                                let who_sorted = who.clone();
                                let edit = move |f: Box<dyn FnOnce(&mut Need)>| state.update(id, f);
                                let read = move |f: fn(&Need) -> String| state.needs.with(|l| l.iter().find(|n| n.id == id).map(f).unwrap_or_default());
                                view! {
                                    <tr>
                                        <th scope="row" data-label=t("circles.needs.actor")>{who.clone()}
                                            // Noted during a workshop: « Trié » clears the flag once the need is sorted out.
                                            {move || state.needs.with(|l| l.iter().any(|n| n.id == id && n.workshop)).then(|| view! {
                                                " " <span class="badge">{t("circles.needs.from_workshop")}</span> " "
                                                <button type="button" class="button button-small" aria-label=tf("circles.needs.sorted_of", &[("who", &who_sorted)])
                                                    on:click=move |_| edit(Box::new(|n| n.workshop = false))>{t("circles.needs.sorted")}</button>
                                            })}
                                        </th>
                                        <td data-label=t("circles.needs.kind")><select aria-label=tf("circles.needs.kind_of", &[("who", &who)])
                                            on:change=move |ev| if let Some(k) = NeedKind::from_code(&event_target_value(&ev)) { edit(Box::new(move |n| n.kind = k)) }>
                                            {NeedKind::ALL.into_iter().map(|k| view! { <option value=k.code() prop:selected=move || read(|n| n.kind.code().to_owned()) == k.code()>{k.label()}</option> }).collect_view()}
                                        </select></td>
                                        <td data-label=t("circles.needs.details")><input type="text" aria-label=tf("circles.needs.details_of", &[("who", &who)]) prop:value=move || read(|n| n.description.clone())
                                            on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |n| n.description = v)) } /></td>
                                        <td data-label=t("circles.needs.expressed_on")><input type="date" aria-label=tf("circles.needs.date_of", &[("who", &who)]) prop:value=move || read(|n| n.expressed_on.map(|d| d.to_string()).unwrap_or_default())
                                            on:input=move |ev| if let Ok(d) = atelier_core::text::parse_day(&event_target_value(&ev)) { edit(Box::new(move |n| n.expressed_on = d)) } /></td>
                                        <td data-label=t("circles.needs.status")><select aria-label=tf("circles.needs.status_of", &[("who", &who)])
                                            on:change=move |ev| if let Some(s) = NeedStatus::from_code(&event_target_value(&ev)) { edit(Box::new(move |n| n.status = s)) }>
                                            {NeedStatus::ALL.into_iter().map(|s| view! { <option value=s.code() prop:selected=move || read(|n| n.status.code().to_owned()) == s.code()>{s.label()}</option> }).collect_view()}
                                        </select></td>
                                        <td data-label=t("circles.needs.follow_up")><input type="text" aria-label=tf("circles.needs.follow_up_of", &[("who", &who)]) prop:value=move || read(|n| n.follow_up.clone())
                                            on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |n| n.follow_up = v)) } /></td>
                                        <RowButtons id=id name=tf("circles.needs.row_name", &[("who", &who)]) on_delete=Callback::new(move |id| state.delete::<Need>(id)) />
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}
