//! Editing one actor. Every field is saved as soon as it changes (one record written), so a
//! reload in the middle of an edit keeps what was typed.

use super::super::fields::{SelectField, TextArea, TextField};
use crate::state::use_state;
use atelier_core::{EngagementLevel, Id};
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
    let current = move |read: fn(&atelier_core::Actor) -> String| {
        state
            .actors
            .with(|l| l.iter().find(|a| a.id == id).map(read).unwrap_or_default())
    };
    super::super::widgets::focus_later("actor-name");

    view! {
        <section class="editor" aria-labelledby="actor-editor-title"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { on_close() }>
            <h2 id="actor-editor-title">"Modifier l'acteur « " {move || current(|a| a.name.clone())} " »"</h2>
            <p class="hint">"Les modifications sont enregistrées au fil de la saisie. Échap ferme la fiche."</p>
            <div class="form-grid">
                <TextField id="actor-name" label="Nom de l'acteur" value=actor.name.clone()
                    required="Le nom est obligatoire ; l'ancien est conservé."
                    on_input=move |v: String| state.update_actor(id, |a| a.name = v.trim().to_owned()) />
                <div class="field">
                    <TextField id="actor-type" label="Type d'acteur" value=actor.actor_type.clone()
                        on_input=move |v: String| state.update_actor(id, |a| a.set_actor_type(v)) />
                    <p class="hint" aria-live="polite">"Famille : " {move || current(|a| a.family.label().to_owned())}</p>
                </div>
                <SelectField id="actor-engagement" label="Niveau d'engagement estimé"
                    options=EngagementLevel::ALL.iter().map(|l| (l.code(), l.label())).collect()
                    selected=actor.engagement.code()
                    on_change=move |code: String| {
                        if let Some(level) = EngagementLevel::from_code(&code) {
                            state.update_actor(id, |a| a.engagement = level);
                        }
                    } />
                <TextField id="actor-nr-types" label="Types d'action NR" value=actor.nr_action_types.join(" | ")
                    hint="Séparez plusieurs types par « | », par ex. « Achats | Sensibilisation »."
                    on_input=move |v: String| state.update_actor(id, |a| {
                        a.nr_action_types = v.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect();
                    }) />
                <TextArea id="actor-description" label="Description des actions NR identifiées" value=actor.description.clone()
                    on_input=move |v: String| state.update_actor(id, |a| a.description = v) />
                <TextField id="actor-referent" label="Référent (nom ou fonction)" value=actor.referent.clone()
                    on_input=move |v: String| state.update_actor(id, |a| a.referent = v) />
                <TextField id="actor-contact" label="Contact (courriel ou téléphone)" value=actor.contact.clone()
                    on_input=move |v: String| state.update_actor(id, |a| a.contact = v) />
            </div>
            <p class="hint">"Référent et contact sont des données personnelles : elles restent dans ce navigateur."</p>
            <button type="button" class="button" on:click=move |_| on_close()>"Fermer la fiche"</button>
        </section>
    }
    .into_any()
}
