//! Editing one actor: the kit's census columns, then its qualification (step 1 B and C).
//! Every field is saved as soon as it changes (one record written), so a reload in the middle
//! of an edit keeps what was typed.

use super::super::fields::{options, CheckboxField, SelectField, TextArea, TextField};
use crate::state::use_state;
use atelier_core::i18n::{t, tf};
use atelier_core::kit::SUBTYPES;
use atelier_core::plan::CustomSubtype;
use atelier_core::{Actor, Circle, EngagementLevel, Family, FoundBy, Id, Relevance, Subtype};
use leptos::prelude::*;

/// Code of the « not set » choice in optional selects.
const UNSET: &str = "";

#[component]
pub fn ActorEditor(id: Id, on_close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let state = use_state();
    let Some(actor) = state
        .actors
        .with_untracked(|l| l.iter().find(|a| a.id == id).cloned())
    else {
        return ().into_any();
    };
    let current = move |read: fn(&Actor) -> String| {
        state
            .actors
            .with(|l| l.iter().find(|a| a.id == id).map(read).unwrap_or_default())
    };
    let update = move |change: Box<dyn FnOnce(&mut Actor)>| state.update::<Actor>(id, change);
    super::super::widgets::focus_later("actor-name");

    // Subtypes: the kit's, grouped by family in the label, then the user's own.
    let subtype_options = Signal::derive(move || {
        let mut list = vec![(UNSET.to_owned(), t("actors.editor.unset").to_owned())];
        list.extend(SUBTYPES.iter().map(|s| {
            (
                format!("kit:{}", s.code),
                format!("{} — {}", s.family.label(), s.label()),
            )
        }));
        state.plan.with(|p| {
            if let Some(p) = p {
                list.extend(p.custom_subtypes.iter().map(|c| {
                    (
                        format!("custom:{}", c.label),
                        format!("{} — {}", c.family.label(), c.label),
                    )
                }));
            }
        });
        list
    });
    let (new_subtype, set_new_subtype) = signal(String::new());
    let add_subtype = move |_| {
        let label = new_subtype.get_untracked().trim().to_owned();
        if label.is_empty() {
            return;
        }
        let family = state
            .actors
            .with_untracked(|l| l.iter().find(|a| a.id == id).map(|a| a.family))
            .unwrap_or(Family::Unsorted);
        let kept = label.clone();
        state.update_plan(move |p| {
            if !p.custom_subtypes.iter().any(|c| c.label == kept) {
                p.custom_subtypes.push(CustomSubtype {
                    family,
                    label: kept,
                });
            }
        });
        state.update::<Actor>(id, move |a| a.subtype = Some(Subtype::Custom(label)));
        set_new_subtype.set(String::new());
    };
    let subtype_code = |s: &Actor| match &s.subtype {
        Some(Subtype::Kit(code)) => format!("kit:{code}"),
        Some(Subtype::Custom(label)) => format!("custom:{label}"),
        None => String::new(),
    };
    let engagement_options = state.plan.with_untracked(|p| {
        EngagementLevel::ALL
            .iter()
            .map(|&l| {
                (
                    l.code().to_owned(),
                    p.as_ref()
                        .map_or(l.label(), |p| p.engagement_label(l))
                        .to_owned(),
                )
            })
            .collect::<Vec<_>>()
    });
    let optional = |mut list: Vec<(String, String)>, none: &str| {
        list.insert(0, (UNSET.to_owned(), none.to_owned()));
        list
    };

    view! {
        <section class="editor" aria-labelledby="actor-editor-title"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { on_close() }>
            <h2 id="actor-editor-title">{move || tf("actors.editor.title", &[("name", &current(|a| a.name.clone()))])}</h2>
            <p class="hint">{t("actors.editor.hint")}</p>
            // What a qualification session sets first, before the census details (issue 17).
            <div class="form-grid">
                <SelectField id="actor-engagement" label=t("actors.editor.engagement")
                    options=engagement_options
                    selected=Signal::derive(move || current(|a| a.engagement.code().to_owned()))
                    on_change=move |code: String| if let Some(l) = EngagementLevel::from_code(&code) { update(Box::new(move |a| a.engagement = l)) } />
                <SelectField id="actor-relevance" label=t("actors.editor.relevance")
                    options=optional(options(&Relevance::ALL, Relevance::code, Relevance::label), t("actors.editor.not_assessed"))
                    selected=Signal::derive(move || current(|a| a.relevance.map_or(UNSET, Relevance::code).to_owned()))
                    on_change=move |code: String| update(Box::new(move |a| a.relevance = Relevance::from_code(&code))) />
                <SelectField id="actor-circle" label=t("actors.editor.circle")
                    options=vec![
                        (UNSET.into(), t("actors.editor.circle_auto").into()),
                        ("1".into(), tf("actors.circle_n", &[("n", &1)])), ("2".into(), tf("actors.circle_n", &[("n", &2)])), ("3".into(), tf("actors.circle_n", &[("n", &3)])),
                    ]
                    selected=Signal::derive(move || current(|a| a.circle.map(|c| c.number().to_string()).unwrap_or_default()))
                    on_change=move |code: String| update(Box::new(move |a| a.circle = code.parse::<u8>().ok().and_then(|n| Circle::try_from(n).ok()))) />
                <p class="hint field" aria-live="polite">
                    {move || current(|a| if a.circle.is_some() { tf("actors.editor.circle_chosen", &[("n", &a.circle().number())]) } else { tf("actors.editor.circle_suggested", &[("n", &a.circle().number()), ("reason", &a.circle_reason())]) })}
                </p>
            </div>
            <h3>{t("actors.editor.census")}</h3>
            <div class="form-grid">
                <TextField id="actor-name" label=t("actors.editor.name") value=actor.name.clone() live=Signal::derive(move || current(|a| a.name.clone()))
                    required=t("actors.editor.name_required")
                    on_input=move |v: String| update(Box::new(move |a| a.name = v.trim().to_owned())) />
                <TextField id="actor-type" label=t("actors.editor.type") value=actor.actor_type.clone() live=Signal::derive(move || current(|a| a.actor_type.clone()))
                    hint=t("actors.editor.type_hint")
                    on_input=move |v: String| update(Box::new(move |a| a.set_actor_type(v))) />
                <SelectField id="actor-family" label=t("actors.editor.family")
                    options=options(&Family::ALL, Family::code, Family::label)
                    selected=Signal::derive(move || current(|a| a.family.code().to_owned()))
                    on_change=move |code: String| if let Some(f) = Family::from_code(&code) { update(Box::new(move |a| a.set_family(f))) } />
                <SelectField id="actor-subtype" label=t("actors.editor.subtype")
                    options=subtype_options
                    selected=Signal::derive(move || current(subtype_code))
                    on_change=move |code: String| update(Box::new(move |a| set_subtype(a, &code))) />
                <div class="field">
                    <label for="actor-new-subtype">{t("actors.editor.new_subtype")}</label>
                    <div class="inline-form">
                        <input id="actor-new-subtype" type="text" prop:value=new_subtype
                            on:input=move |ev| set_new_subtype.set(event_target_value(&ev)) />
                        <button type="button" class="button button-small" on:click=add_subtype>{t("actors.editor.add")}</button>
                    </div>
                </div>
                <TextArea id="actor-description" label=t("actors.editor.description") value=actor.description.clone()
                    live=Signal::derive(move || current(|a| a.description.clone()))
                    on_input=move |v: String| update(Box::new(move |a| a.description = v)) />
                <TextField id="actor-referent" label=t("actors.editor.referent") value=actor.referent.clone() live=Signal::derive(move || current(|a| a.referent.clone()))
                    on_input=move |v: String| update(Box::new(move |a| a.referent = v)) />
                <TextField id="actor-contact" label=t("actors.editor.contact") value=actor.contact.clone() live=Signal::derive(move || current(|a| a.contact.clone()))
                    on_input=move |v: String| update(Box::new(move |a| a.contact = v)) />
            </div>
            // 21 checkboxes: folded, so that the rest of the form is not 700 px away.
            <super::super::widgets::Fold summary=t("actors.editor.nr_types_fold") class="nr-types-fold">
                <super::nr_types::NrTypesField id=id />
            </super::super::widgets::Fold>
            <p class="hint">{t("actors.editor.personal_hint")}</p>
            {actor.source.as_ref().map(|source| {
                // The licences of open data ask to credit the source wherever the data shows.
                let from = match source.file_date {
                    Some(day) => tf("actors.editor.source_file_dated", &[("file", &source.file), ("date", &atelier_core::text::short_date(day))]),
                    None => tf("actors.editor.source_file", &[("file", &source.file)]),
                };
                view! {
                    <div class="source-note" role="note">
                        <p>{tf("actors.editor.source", &[("dataset", &source.dataset.label()), ("id", &source.id)])}</p>
                        <p>{tf("actors.editor.attribution", &[("attribution", &source.attribution)])}</p>
                        {(!source.file.is_empty()).then(|| view! { <p class="hint">{from}</p> })}
                    </div>
                }
            })}

            <h3>{t("actors.editor.qualification")}</h3>
            <div class="form-grid">
                <SelectField id="actor-found-by" label=t("actors.editor.found_by")
                    options=optional(options(&FoundBy::ALL, FoundBy::code, FoundBy::label), t("actors.editor.unset"))
                    selected=Signal::derive(move || current(|a| a.found_by.map_or(UNSET, FoundBy::code).to_owned()))
                    on_change=move |code: String| update(Box::new(move |a| a.found_by = FoundBy::from_code(&code))) />
                <TextField id="actor-found-on" label=t("actors.editor.found_on") kind="date"
                    value=actor.found_on.map(|d| d.to_string()).unwrap_or_default()
                    live=Signal::derive(move || current(|a| a.found_on.map(|d| d.to_string()).unwrap_or_default()))
                    on_input=move |v: String| update(Box::new(move |a| a.found_on = v.parse().ok())) />
                <SelectField id="actor-local" label=t("actors.editor.local")
                    options=vec![(UNSET.into(), t("actors.editor.not_filled").into()), ("yes".into(), t("actors.editor.yes").into()), ("no".into(), t("actors.editor.no").into())]
                    selected=Signal::derive(move || current(|a| match a.local { Some(true) => "yes", Some(false) => "no", None => UNSET }.to_owned()))
                    on_change=move |code: String| update(Box::new(move |a| a.local = match code.as_str() { "yes" => Some(true), "no" => Some(false), _ => None })) />
                <CheckboxField id="actor-partner" label=t("actors.editor.partner")
                    checked=actor.partner_funder
                    on_change=move |on: bool| update(Box::new(move |a| a.partner_funder = on)) />
            </div>
            <button type="button" class="button" on:click=move |_| on_close()>{t("actors.editor.close")}</button>
        </section>
    }
    .into_any()
}

/// Applies a subtype code from the select: `kit:…` also sets the family; `custom:…` keeps the
/// user's label; empty clears it.
fn set_subtype(actor: &mut Actor, code: &str) {
    if let Some(kit_code) = code.strip_prefix("kit:") {
        if let Some(info) = SUBTYPES.iter().find(|s| s.code == kit_code) {
            actor.family = info.family;
            actor.subtype = Some(Subtype::Kit(kit_code.to_owned()));
        }
    } else if let Some(label) = code.strip_prefix("custom:") {
        actor.subtype = Some(Subtype::Custom(label.to_owned()));
    } else {
        actor.subtype = None;
    }
}
