//! The open plan's automatic backups, taken before each replacement, and their restoration.

use super::super::format::date_time;
use super::super::widgets::Confirm;
use crate::state::use_state;
use crate::storage::{Backup, BACKUPS_KEPT};
use atelier_core::text::count;
use leptos::prelude::*;

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
                <h2 id="backups-title">{format!("Sauvegardes automatiques de « {} »", plan.name)}</h2>
                <p class="hint">{format!("Avant chaque remplacement, le plan est sauvegardé ici ; les {BACKUPS_KEPT} dernières sauvegardes sont gardées.")}</p>
                {move || asking.get().map(|b| {
                    let text = format!("Remettre le plan tel qu'il était le {} ? Son état actuel sera sauvegardé d'abord.", date_time(b.taken_at));
                    view! {
                        <Confirm text=text yes="Restaurer" no="Ne pas restaurer"
                            on_yes=move || { asking.set(None); state.restore_backup(b.clone()); }
                            on_no=move || asking.set(None) />
                    }
                })}
                {if list.is_empty() {
                    view! { <p>"Aucune sauvegarde pour l'instant."</p> }.into_any()
                } else {
                    view! {
                        <ul class="backups">
                            {list.into_iter().map(|b| {
                                let label = format!(
                                    "{}, {} : « {} », {} et {}",
                                    date_time(b.taken_at),
                                    b.reason,
                                    b.plan_name,
                                    count(b.actors, "acteur", "acteurs"),
                                    count(b.actions, "fiche action", "fiches action"),
                                );
                                let hidden = format!(" la sauvegarde du {}", date_time(b.taken_at));
                                view! {
                                    <li>
                                        <span>{label}</span>
                                        <button type="button" class="button button-small" on:click=move |_| {
                                            asking.set(Some(b.clone()));
                                            super::super::widgets::focus_later("confirm-keep");
                                        }>"Restaurer" <span class="visually-hidden">{hidden}</span></button>
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
