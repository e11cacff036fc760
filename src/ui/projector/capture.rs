//! Live capture during a workshop: one field to note an idea, a candidate action or a need
//! without leaving the projection. Ideas and actions become fiches action « À venir », needs
//! become entries of the needs register; both carry the « issu de l'atelier » flag, to sort
//! out later, and the « Idées de l'atelier » slide shows them at once.

use super::super::actor_picker::{actor_named, ActorNameInput};
use super::super::fields::MAX_NAME;
use crate::state::use_state;
use atelier_core::i18n::{t, tf};
use atelier_core::text::short_date;
use atelier_core::{ActionSheet, Axis, Need, NeedKind};
use leptos::prelude::*;

/// What the facilitator is noting.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// An idea or a candidate action: a fiche action to sort out.
    Idea,
    /// A need an actor expressed: an entry of the needs register.
    Need,
}

/// `draft` belongs to the projector, so that closing the field (Esc) keeps what was typed.
#[component]
pub fn Capture(
    draft: RwSignal<String>,
    on_close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_state();
    let (kind, set_kind) = signal(Kind::Idea);
    let (text, set_text) = draft.split();
    let (axis, set_axis) = signal(Axis::Engage);
    let (who, set_who) = signal(String::new());
    let (need_kind, set_need_kind) = signal(NeedKind::Other);
    let (saved, set_saved) = signal(None::<String>);
    let (error, set_error) = signal(None::<&'static str>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = text.get_untracked().trim().to_owned();
        if typed.is_empty() {
            set_error.set(Some(t("projector.capture.text_missing")));
            super::super::widgets::focus_later("capture-text");
            return;
        }
        let today = crate::browser::today();
        match kind.get_untracked() {
            Kind::Idea => {
                let mut sheet = ActionSheet::new(
                    crate::browser::new_id(),
                    typed.clone(),
                    axis.get_untracked(),
                );
                sheet.workshop = true;
                sheet.notes = tf("projector.capture.note", &[("date", &short_date(today))]);
                state.insert(sheet);
                set_saved.set(Some(tf("projector.capture.saved", &[("title", &typed)])));
            }
            Kind::Need => {
                let Some(actor) = actor_named(&who.get_untracked()) else {
                    set_error.set(Some(t("circles.needs.actor_unknown")));
                    super::super::widgets::focus_later("capture-actor");
                    return;
                };
                let mut need =
                    Need::new(crate::browser::new_id(), actor, need_kind.get_untracked());
                need.description = typed;
                need.expressed_on = Some(today);
                need.workshop = true;
                state.insert(need);
                let name = who.get_untracked().trim().to_owned();
                set_saved.set(Some(tf(
                    "projector.capture.saved_need",
                    &[("actor", &name)],
                )));
                set_who.set(String::new());
            }
        }
        set_error.set(None);
        set_text.set(String::new());
        super::super::widgets::focus_later("capture-text");
    };
    let text_label = move || match kind.get() {
        Kind::Idea => t("projector.capture.idea"),
        Kind::Need => t("projector.capture.need"),
    };
    view! {
        <form class="capture" role="dialog" aria-labelledby="capture-title" on:submit=submit novalidate
            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { ev.stop_propagation(); on_close() }>
            <h2 id="capture-title">{t("projector.capture.title")}</h2>
            <label for="capture-kind">{t("projector.capture.kind")}</label>
            <select id="capture-kind" on:change=move |ev| {
                set_error.set(None);
                set_kind.set(if event_target_value(&ev) == "need" { Kind::Need } else { Kind::Idea });
            }>
                <option value="idea" selected>{t("projector.capture.kind_idea")}</option>
                <option value="need">{t("projector.capture.kind_need")}</option>
            </select>
            <label for="capture-text">{text_label}</label>
            <input id="capture-text" type="text" maxlength=MAX_NAME prop:value=text
                aria-invalid=move || (error.get() == Some(t("projector.capture.text_missing"))).then_some("true")
                aria-describedby=move || error.get().map(|_| "capture-error")
                on:input=move |ev| set_text.set(event_target_value(&ev)) />
            <Show when=move || kind.get() == Kind::Idea>
                <label for="capture-axis">{t("projector.capture.axis")}</label>
                <select id="capture-axis" on:change=move |ev| if let Some(a) = Axis::from_code(&event_target_value(&ev)) { set_axis.set(a) }>
                    {Axis::ALL.into_iter().map(|a| view! { <option value=a.code() selected={a == axis.get_untracked()}>{a.label()}</option> }).collect_view()}
                </select>
            </Show>
            <Show when=move || kind.get() == Kind::Need>
                <label for="capture-actor">{t("projector.capture.actor")}</label>
                <ActorNameInput id="capture-actor" value=who set_value=set_who
                    invalid=Signal::derive(move || error.get() == Some(t("circles.needs.actor_unknown"))) error="capture-error" />
                <label for="capture-need-kind">{t("projector.capture.need_kind")}</label>
                <select id="capture-need-kind" on:change=move |ev| if let Some(k) = NeedKind::from_code(&event_target_value(&ev)) { set_need_kind.set(k) }>
                    {NeedKind::ALL.into_iter().map(|k| view! { <option value=k.code() selected={k == need_kind.get_untracked()}>{k.label()}</option> }).collect_view()}
                </select>
            </Show>
            <div class="notice-buttons">
                <button type="submit" class="button button-primary">{t("projector.capture.add")}</button>
                <button type="button" class="button" on:click=move |_| on_close()>{t("projector.capture.close")}</button>
            </div>
            <p id="capture-error" class="field-error" role="alert">{move || error.get()}</p>
            <p role="status">{move || saved.get()}</p>
        </form>
    }
}
