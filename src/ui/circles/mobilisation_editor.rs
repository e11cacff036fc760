//! Editing one mobilisation: format, circle, date, owner, status, targeted actors, notes.

use super::super::actor_picker::{toggle, ActorPicker};
use super::super::fields::{options, DateField, SelectField, TextArea, TextField};
use crate::state::use_state;
use atelier_core::i18n::{t, tf};
use atelier_core::kit;
use atelier_core::{Circle, Id, Mobilisation, MobilisationStatus};
use leptos::prelude::*;

type Edit = Box<dyn FnOnce(&mut Mobilisation)>;

#[component]
pub fn MobilisationEditor(
    id: Id,
    on_close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_state();
    let Some(m) = state
        .mobilisations
        .with_untracked(|l| l.iter().find(|m| m.id == id).cloned())
    else {
        return ().into_any();
    };
    let edit = move |change: Edit| state.update::<Mobilisation>(id, change);
    let read = move |f: fn(&Mobilisation) -> String| {
        state
            .mobilisations
            .with(|l| l.iter().find(|m| m.id == id).map(f).unwrap_or_default())
    };
    let circle = Signal::derive(move || {
        state.mobilisations.with(|l| {
            l.iter()
                .find(|m| m.id == id)
                .map_or(Circle::Three, |m| m.circle)
        })
    });
    let targets = Signal::derive(move || {
        state.mobilisations.with(|l| {
            l.iter()
                .find(|m| m.id == id)
                .map(|m| m.actor_ids.clone())
                .unwrap_or_default()
        })
    });
    let circles: Vec<(String, String)> = Circle::ALL
        .iter()
        .map(|c| {
            (
                c.number().to_string(),
                tf("circles.circle.name", &[("n", &c.number())]),
            )
        })
        .collect();
    super::super::widgets::focus_later("mob-format");
    view! {
        <section class="editor" aria-labelledby="mob-editor-title"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { on_close() }>
            <h2 id="mob-editor-title">{move || tf("circles.editor.title", &[("format", &read(|m| kit::format_label(&m.format).to_owned()))])}</h2>
            <p class="hint">{t("circles.editor.hint")}</p>
            <div class="form-grid">
                <TextField id="mob-format" label=t("circles.field.format") value=kit::format_label(&m.format).to_owned() wide=true
                    live=Signal::derive(move || read(|m| kit::format_label(&m.format).to_owned()))
                    required=t("circles.editor.format_required")
                    on_input=move |v: String| edit(Box::new(move |m| m.format = v.trim().to_owned())) />
                <SelectField id="mob-circle" label=t("circles.field.circle") options=circles
                    selected=Signal::derive(move || circle.get().number().to_string())
                    on_change=move |v: String| { if let Some(c) = v.parse::<u8>().ok().and_then(|n| Circle::try_from(n).ok()) { edit(Box::new(move |m| m.circle = c)) } } />
                <DateField id="mob-date" label=t("circles.field.date") value=m.date
                    live=Signal::derive(move || state.mobilisations.with(|l| l.iter().find(|m| m.id == id).and_then(|m| m.date)))
                    on_change={move |d: Option<chrono::NaiveDate>| edit(Box::new(move |m| m.date = d))} />
                <TextField id="mob-owner" label=t("circles.field.owner") value=m.owner.clone()
                    live=Signal::derive(move || read(|m| m.owner.clone()))
                    on_input=move |v: String| edit(Box::new(move |m| m.owner = v)) />
                <SelectField id="mob-status" label=t("circles.field.status")
                    options=options(&MobilisationStatus::ALL, MobilisationStatus::code, MobilisationStatus::label)
                    selected=Signal::derive(move || read(|m| m.status.code().to_owned()))
                    on_change=move |v: String| if let Some(s) = MobilisationStatus::from_code(&v) { edit(Box::new(move |m| m.status = s)) } />
                <TextArea id="mob-notes" label=t("circles.editor.notes") value=m.notes.clone()
                    live=Signal::derive(move || read(|m| m.notes.clone()))
                    on_input=move |v: String| edit(Box::new(move |m| m.notes = v)) />
            </div>
            <ActorPicker prefix="mob-target" legend=t("circles.field.targets") selected=targets circle=circle
                on_toggle=move |(actor, on): (Id, bool)| edit(Box::new(move |m| toggle(&mut m.actor_ids, actor, on))) />
            <button type="button" class="button" on:click=move |_| on_close()>{t("circles.editor.close")}</button>
        </section>
    }
    .into_any()
}
