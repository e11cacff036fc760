//! « Mes plans »: the stored plans (open, rename, duplicate, delete), a new plan, the example,
//! importing a plan file (as a new plan or in place of the open one) and the open plan's
//! automatic backups.

mod backups;
pub mod import;
mod plan_list;

use super::fields::AddForm;
use super::widgets::FilePicker;
use crate::route::Route;
use crate::state::use_state;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    let state = use_state();
    view! {
        <h1 tabindex="-1">"Mes plans"</h1>
        <p class="lead">
            "Atelier NR vous guide pas à pas dans le kit de l'ANCT pour bâtir la stratégie Numérique responsable de votre territoire : repérer les acteurs, choisir comment les mobiliser, décider des actions."
        </p>
        <p class="hint">"Vos plans restent dans ce navigateur, sur cet appareil. Exportez-les pour les partager ou les sauvegarder."</p>
        <import::ImportChoice />

        <section aria-labelledby="plans-title">
            <h2 id="plans-title">"Plans enregistrés"</h2>
            <plan_list::PlanList />
        </section>

        <section aria-labelledby="new-plan-title">
            <h2 id="new-plan-title">"Nouveau plan"</h2>
            // The name stays in the field until the plan is stored: a failure keeps it.
            <AddForm id="new-plan-name" label="Nom du plan" button="Créer le plan" keep=true
                placeholder="Stratégie NR 2026" missing="Donnez un nom au plan."
                on_add=move |n: String| state.create_plan(n, Route::Context) />
        </section>

        <section aria-labelledby="example-title">
            <h2 id="example-title">"Découvrir avec un exemple"</h2>
            <p>"Ouvrez un plan d'exemple déjà rempli (acteurs, mobilisations, fiches action, indicateurs) pour voir l'application en situation avant de commencer le vôtre."</p>
            <button type="button" class="button" on:click=move |_| state.create_example_plan()>"Ouvrir le plan d'exemple"</button>
        </section>

        <section aria-labelledby="import-plan-title">
            <h2 id="import-plan-title">"Importer un plan"</h2>
            <p>"Un collègue vous a envoyé un plan exporté depuis Atelier NR ? Choisissez le fichier .json, ou déposez-le n'importe où sur la fenêtre : vous déciderez ensuite d'en faire un nouveau plan ou de remplacer le plan ouvert."</p>
            <FilePicker label="Choisir un fichier de plan (.json)" accept=".json,application/json" id="import-plan-file"
                on_file=move |file| import::offer_file(state, file) />
        </section>

        <backups::Backups />
    }
}
