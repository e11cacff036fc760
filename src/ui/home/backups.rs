//! The open plan's automatic backups, taken before each replacement, and their restoration.

use super::super::format::date_time;
use super::super::widgets::Confirm;
use crate::state::use_state;
use crate::storage::{Backup, BACKUPS_KEPT};
use atelier_core::i18n::{t, tf, tn};
use leptos::prelude::*;

crate::lazy! {
    /// The backups section, downloaded when a plan is open (there is none to show before).
    pub fn section [backups] () -> crate::ui::lazy::Draw {
        || view! { <Backups /> }.into_any()
    }
}

#[component]
pub fn Backups() -> impl IntoView {
    let state = use_state();
    // Re-read whenever another plan is opened.
    Effect::new(move |_| {
        if state.plan.with(|p| p.as_ref().map(|p| p.id)).is_some() {
            state.load_backups();
        }
    });
    let asking = RwSignal::new(None::<Backup>);
    move || {
        let plan = state.plan.get()?;
        let list = state.backups.get();
        Some(view! {
            <section aria-labelledby="backups-title">
                <h2 id="backups-title">{tf("home.backups.title", &[("name", &plan.name)])}</h2>
                <p class="hint">{tf("home.backups.hint", &[("n", &BACKUPS_KEPT)])}</p>
                {move || asking.get().map(|b| {
                    let text = tf("home.backups.confirm", &[("date", &date_time(b.taken_at))]);
                    view! {
                        <Confirm text=text yes=t("home.backups.restore") no=t("home.backups.keep")
                            on_yes=move || { asking.set(None); state.restore_backup(b.clone()); }
                            on_no=move || asking.set(None) />
                    }
                })}
                {if list.is_empty() {
                    view! { <p>{t("home.backups.empty")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="backups">
                            {list.into_iter().map(|b| {
                                let label = tf(
                                    "home.backups.item",
                                    &[
                                        ("date", &date_time(b.taken_at)),
                                        ("reason", &b.reason),
                                        ("name", &b.plan_name),
                                        ("actors", &tn("home.count.actors", b.actors as u64, &[])),
                                        ("actions", &tn("home.count.actions", b.actions as u64, &[])),
                                    ],
                                );
                                let hidden = format!(
                                    " {}",
                                    tf("home.backups.which", &[("date", &date_time(b.taken_at))])
                                );
                                view! {
                                    <li>
                                        <span>{label}</span>
                                        <button type="button" class="button button-small" on:click=move |_| {
                                            asking.set(Some(b.clone()));
                                            super::super::widgets::focus_later("confirm-keep");
                                        }>{t("home.backups.restore")} <span class="visually-hidden">{hidden}</span></button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
        })
    }
}
