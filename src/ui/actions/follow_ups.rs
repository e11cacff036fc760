//! Dated follow-up notes of a fiche action (« notes de suivi »): what happened and when, in
//! the order written. The yearly review (« bilan annuel ») quotes those of its year.

use super::editor::Edit;
use crate::state::use_state;
use atelier_core::i18n::{t, tf};
use atelier_core::text::short_date;
use atelier_core::{ActionSheet, FollowUp, Id};
use leptos::prelude::*;

#[component]
pub fn FollowUps(id: Id) -> impl IntoView {
    let state = use_state();
    let edit = move |change: Edit| state.update::<ActionSheet>(id, change);
    let notes = Memo::new(move |_| {
        state.actions.with(|l| {
            l.iter()
                .find(|a| a.id == id)
                .map(|a| a.follow_ups.clone())
                .unwrap_or_default()
        })
    });
    let day = RwSignal::new(crate::browser::today().to_string());
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let written = text.get_untracked().trim().to_owned();
        let Ok(on) = day.get_untracked().parse::<chrono::NaiveDate>() else {
            return problem.set(Some("actions.follow_ups.day_error"));
        };
        if written.is_empty() {
            return problem.set(Some("actions.follow_ups.empty"));
        }
        problem.set(None);
        edit(Box::new(move |a| {
            a.follow_ups.push(FollowUp { on, text: written })
        }));
        text.set(String::new());
    };
    view! {
        <h3 id="follow-ups-title">{t("actions.follow_ups.title")}</h3>
        {move || {
            let list = notes.get();
            if list.is_empty() {
                return view! { <p class="hint">{t("actions.follow_ups.none")}</p> }.into_any();
            }
            view! {
                <ul class="follow-ups" aria-labelledby="follow-ups-title">
                    {list.into_iter().enumerate().map(|(i, n)| view! {
                        <li>
                            <strong>{short_date(n.on)}</strong> " — " {n.text.clone()} " "
                            <button type="button" class="button button-small button-quiet"
                                on:click=move |_| edit(Box::new(move |a| { if i < a.follow_ups.len() { a.follow_ups.remove(i); } }))>
                                {t("actions.follow_ups.remove")}
                                <span class="visually-hidden">{tf("actions.follow_ups.remove_which", &[("day", &short_date(n.on))])}</span>
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <form class="form-grid follow-up-form" on:submit=add>
            <div class="field">
                <label for="follow-up-day">{t("actions.follow_ups.day")}</label>
                <input id="follow-up-day" type="date" prop:value=day on:input=move |ev| day.set(event_target_value(&ev)) />
            </div>
            <div class="field field-wide">
                <label for="follow-up-text">{t("actions.follow_ups.text")}</label>
                <textarea id="follow-up-text" rows="2" prop:value=text on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </div>
            {move || problem.get().map(|key| view! { <p class="field-error" role="alert">{t(key)}</p> })}
            <button type="submit" class="button">{t("actions.follow_ups.add")}</button>
        </form>
    }
}
