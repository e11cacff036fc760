//! « Mes plans »: the stored plans (open, rename, duplicate, delete), a new plan, the example,
//! importing a plan file (as a new plan or in place of the open one) and the open plan's
//! automatic backups.

mod backups;
pub mod import;
mod plan_list;

use super::fields::AddForm;
use super::lazy::lazy_section;
use super::widgets::FilePicker;
use crate::route::Route;
use crate::state::use_state;
use atelier_core::i18n::t;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    let state = use_state();
    // Memoised: the backups section is drawn anew only when a plan opens or closes.
    let has_plan = Memo::new(move |_| state.plan.with(Option::is_some));
    view! {
        <h1 tabindex="-1">{t("home.title")}</h1>
        <p class="lead">
            {t("home.lead")}
        </p>
        <p class="hint">{t("home.storage_hint")}</p>
        <import::ImportChoice />

        <section aria-labelledby="plans-title">
            <h2 id="plans-title">{t("home.saved_title")}</h2>
            <plan_list::PlanList />
        </section>

        <section aria-labelledby="new-plan-title">
            <h2 id="new-plan-title">{t("home.new.title")}</h2>
            // The name stays in the field until the plan is stored: a failure keeps it.
            <AddForm id="new-plan-name" label=t("home.new.label") button=t("home.new.button") keep=true
                placeholder=t("home.new.placeholder") missing=t("home.new.missing")
                on_add=move |n: String| {
                    // A second click while the first plan is being stored (a double click)
                    // would make a second plan of the same name.
                    if state.pending.get_untracked() == 0 {
                        state.create_plan(n, Route::Context)
                    }
                } />
        </section>

        <section aria-labelledby="example-title">
            <h2 id="example-title">{t("home.example.title")}</h2>
            <p>{t("home.example.text")}</p>
            <button type="button" class="button" on:click=move |_| state.create_example_plan()>{t("home.example.open")}</button>
        </section>

        <section aria-labelledby="import-plan-title">
            <h2 id="import-plan-title">{t("home.import.title")}</h2>
            <p>{t("home.import.text")}</p>
            <FilePicker label=t("home.import.pick") accept=".json,application/json" id="import-plan-file"
                on_file=move |file| import::offer_file(state, file) />
        </section>

        {move || has_plan.get().then(|| lazy_section(|| Box::pin(backups::section())))}
    }
}
