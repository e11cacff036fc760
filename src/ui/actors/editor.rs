//! Editing one actor. Every field is saved as soon as it changes (one record written), so a
//! reload in the middle of an edit keeps what was typed.

use crate::state::use_state;
use atelier_core::{EngagementLevel, Family, Id};
use leptos::prelude::*;

#[component]
pub fn ActorEditor(id: Id, on_close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let state = use_state();
    let Some(actor) = state
        .actors
        .with_untracked(|l| l.iter().find(|a| a.id == id).cloned())
    else {
        return ().into_any();
    };
    let (name_error, set_name_error) = signal(false);
    let title = Memo::new(move |_| {
        state.actors.with(|l| {
            l.iter()
                .find(|a| a.id == id)
                .map(|a| a.name.clone())
                .unwrap_or_default()
        })
    });
    super::super::widgets::focus_later("actor-name");

    view! {
        <section class="editor" aria-labelledby="actor-editor-title"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { on_close() }>
            <h2 id="actor-editor-title">"Modifier l'acteur « " {title} " »"</h2>
            <p class="hint">"Les modifications sont enregistrées au fil de la saisie."</p>
            <div class="form-grid">
                <div class="field">
                    <label for="actor-name">"Nom de l'acteur"</label>
                    <input id="actor-name" type="text" value=actor.name.clone()
                        aria-invalid=move || name_error.get().then_some("true")
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            let empty = v.trim().is_empty();
                            set_name_error.set(empty);
                            if !empty { state.update_actor(id, |a| a.name = v.trim().to_owned()); }
                        } />
                    {move || name_error.get().then(|| view! { <p class="field-error">"Le nom est obligatoire ; l'ancien est conservé."</p> })}
                </div>
                <div class="field">
                    <label for="actor-type">"Type d'acteur"</label>
                    <input id="actor-type" type="text" value=actor.actor_type.clone()
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            state.update_actor(id, |a| {
                                a.family = Family::from_actor_type(&v);
                                a.actor_type = v;
                            });
                        } />
                    <p class="hint">{move || state.actors.with(|l| l.iter().find(|a| a.id == id).map(|a| format!("Famille : {}", a.family.label())))}</p>
                </div>
                <div class="field">
                    <label for="actor-engagement">"Niveau d'engagement estimé"</label>
                    <select id="actor-engagement" on:change=move |ev| {
                        if let Some(level) = EngagementLevel::from_code(&event_target_value(&ev)) {
                            state.update_actor(id, |a| a.engagement = level);
                        }
                    }>
                        {EngagementLevel::ALL.into_iter().map(|l| view! {
                            <option value=l.code() selected=l == actor.engagement>{l.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="actor-nr-types">"Types d'action NR"</label>
                    <input id="actor-nr-types" type="text" value=actor.nr_action_types.join(" | ")
                        aria-describedby="actor-nr-types-hint"
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            state.update_actor(id, |a| a.nr_action_types = v.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect());
                        } />
                    <p id="actor-nr-types-hint" class="hint">"Séparez plusieurs types par « | », par ex. « Achats | Sensibilisation »."</p>
                </div>
                <div class="field field-wide">
                    <label for="actor-description">"Description des actions NR identifiées"</label>
                    <textarea id="actor-description" rows="3"
                        on:input=move |ev| { let v = event_target_value(&ev); state.update_actor(id, |a| a.description = v); }>
                        {actor.description.clone()}
                    </textarea>
                </div>
                <div class="field">
                    <label for="actor-referent">"Référent (nom ou fonction)"</label>
                    <input id="actor-referent" type="text" value=actor.referent.clone()
                        on:input=move |ev| { let v = event_target_value(&ev); state.update_actor(id, |a| a.referent = v); } />
                </div>
                <div class="field">
                    <label for="actor-contact">"Contact (courriel ou téléphone)"</label>
                    <input id="actor-contact" type="text" value=actor.contact.clone()
                        on:input=move |ev| { let v = event_target_value(&ev); state.update_actor(id, |a| a.contact = v); } />
                </div>
            </div>
            <p class="hint">"Référent et contact sont des données personnelles : elles restent dans ce navigateur."</p>
            <button type="button" class="button" on:click=move |_| on_close()>"Fermer la fiche"</button>
        </section>
    }
    .into_any()
}
