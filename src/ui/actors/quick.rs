//! Qualifying fast from the census table (« qualifier rapidement »): one small editor for the
//! niveau d'engagement and the cercle of the row that has focus, or of every actor the search
//! and filters show — not a control in every row, which would weigh on 10 000 rows and on the
//! screen's EcoIndex. Folded until asked for; the change can be undone from the notice.

use crate::state::{use_state, Notice};
use atelier_core::i18n::{t, t_dyn, tf, tn};
use atelier_core::{Actor, Circle, EngagementLevel, Id};
use leptos::prelude::*;

/// The editor. `filtered`: indices of the actors shown; `focused`: the actor whose row last had
/// focus (or was clicked).
#[component]
pub fn QuickQualify(filtered: Memo<Vec<usize>>, focused: RwSignal<Option<Id>>) -> impl IntoView {
    let state = use_state();
    let open = RwSignal::new(false);
    let all_shown = RwSignal::new(false);
    let level = RwSignal::new(String::new());
    let circle = RwSignal::new(String::new());
    // The active row's actor, while it is still in the table: not once deleted or hidden by
    // the search, which would change an actor the user cannot see.
    let active = move || {
        let id = focused.get()?;
        state.actors.with(|a| {
            filtered
                .with(|f| f.iter().map(|&i| &a[i]).find(|a| a.id == id))
                .map(|a| (id, a.name.clone()))
        })
    };
    let focused_name = move || active().map(|(_, name)| name);
    // A row chosen after opening becomes the target: a click on one actor must never leave
    // « every actor shown » selected, which would change them all.
    Effect::new(move |was: Option<Option<Id>>| {
        let now = focused.get();
        if was.is_some_and(|w| w != now) && now.is_some() {
            all_shown.set(false);
        }
        now
    });
    let apply = move |_| {
        let ids: Vec<Id> = if all_shown.get_untracked() {
            state.actors.with_untracked(|a| {
                filtered.with_untracked(|f| f.iter().map(|&i| a[i].id).collect())
            })
        } else {
            untrack(active).map(|(id, _)| id).into_iter().collect()
        };
        let level = EngagementLevel::ALL
            .into_iter()
            .find(|l| l.code() == level.get_untracked());
        let circle = Circle::ALL
            .into_iter()
            .find(|c| c.number().to_string() == circle.get_untracked());
        if ids.is_empty() || (level.is_none() && circle.is_none()) {
            let missing = if ids.is_empty() {
                "actors.quick.no_target"
            } else {
                "actors.quick.no_value"
            };
            state
                .notice
                .set(Some(Notice::error(t_dyn(missing), vec![])));
            return;
        }
        state.update_many::<Actor>(
            &ids,
            &move |a| {
                if let Some(l) = level {
                    a.engagement = l;
                }
                if let Some(c) = circle {
                    a.circle = Some(c);
                }
            },
            |a, former| {
                a.engagement = former.engagement;
                a.circle = former.circle;
            },
            |n| match n {
                0 => t("actors.quick.done_none").to_owned(),
                n => tn("actors.quick.done", n as u64, &[]),
            },
        );
    };
    view! {
        <button type="button" class="button" aria-expanded=move || open.get().to_string() aria-controls="quick-qualify"
            on:click=move |_| {
                // Opened on the focused row if there is one, else on every actor shown.
                all_shown.set(untrack(active).is_none());
                open.update(|o| *o = !*o);
            }>{t("actors.quick.toggle")}</button>
        <Show when=move || open.get()>
            <fieldset class="quick-qualify" id="quick-qualify">
                <legend>{t("actors.quick.legend")}</legend>
                // One line each, whatever the name: a focus that changes the text must not move
                // the table, or a click on a row's button would land elsewhere.
                <label class="check quick-target">
                    <input type="radio" name="quick-target" prop:checked=move || !all_shown.get()
                        disabled=move || active().is_none() on:change=move |_| all_shown.set(false) />
                    <span>{move || focused_name().map_or_else(
                        || t("actors.quick.no_row").to_owned(),
                        |name| tf("actors.quick.row", &[("name", &name)]),
                    )}</span>
                </label>
                <label class="check quick-target">
                    <input type="radio" name="quick-target" prop:checked=move || all_shown.get() on:change=move |_| all_shown.set(true) />
                    <span>{move || match filtered.with(Vec::len) {
                        0 => t("actors.quick.shown.none").to_owned(),
                        n => tn("actors.quick.shown", n as u64, &[]),
                    }}</span>
                </label>
                <div class="field">
                <label for="quick-engagement">{t("actors.quick.engagement")}</label>
                <select id="quick-engagement" on:change=move |ev| level.set(event_target_value(&ev))>
                    <option value="">{t("actors.quick.unchanged")}</option>
                    {EngagementLevel::ALL.map(|l| {
                        // The plan's own names for the levels, if it renamed them.
                        let label = state.plan.with_untracked(|p| p.as_ref().map_or(l.label(), |p| p.engagement_label(l)).to_owned());
                        view! { <option value=l.code()>{label}</option> }
                    }).collect_view()}
                </select>
                </div>
                <div class="field">
                <label for="quick-circle">{t("actors.table.col_circle")}</label>
                <select id="quick-circle" on:change=move |ev| circle.set(event_target_value(&ev))>
                    <option value="">{t("actors.quick.unchanged")}</option>
                    {Circle::ALL.map(|c| view! { <option value=c.number().to_string()>{tf("actors.quick.circle", &[("n", &c.number())])}</option> }).collect_view()}
                </select>
                </div>
                <button type="button" class="button button-primary" on:click=apply>{t("actors.quick.apply")}</button>
            </fieldset>
        </Show>
    }
}
