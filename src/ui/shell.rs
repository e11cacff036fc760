//! The frame around every screen: header, step bar with progress, notices, main area.

use super::lazy::lazy_view;
use super::widgets::{NoticeArea, StepNav};
use super::{
    about, actions, actors, circles, conclusion, context, home, projector, report, share,
    statements,
};
use crate::route::Route;
use crate::state::use_state;
use atelier_core::i18n::{t, tf};
use leptos::prelude::*;

#[component]
pub fn Shell() -> impl IntoView {
    let state = use_state();
    let presenting = move || matches!(state.route.get(), Route::Projector(_));
    view! {
        <div class="shell" class:presenting=presenting>
        <button type="button" class="skip-link" on:click=|_| { super::widgets::focus_heading(); }>
            {t("common.skip_link")}
        </button>
        <header class="app-header">
            <a class="brand" href=Route::Home.hash()>{t("common.app_name")}</a>
            <span class="plan-name">
                {move || state.plan.get().map(|p| p.name)}
            </span>
            // Not a live region: it changes at every keystroke. Failures are announced by the
            // notice area instead.
            <a class="header-link" href=Route::Home.hash()>{t("common.header.plans")}</a>
            <a class="header-link" href=Route::About.hash()>{t("common.header.about")}</a>
            <super::lang::LangSwitch />
            <span class="save-status" class:save-failed=move || state.unsaved.get()>
                {move || {
                    if state.unsaved.get() { t("common.save.failed") }
                    else if state.pending.get() > 0 { t("common.save.pending") }
                    else if state.memory_only.get() && state.plan.with(Option::is_some) { t("common.save.memory") }
                    else if state.plan.with(Option::is_some) { t("common.save.done") }
                    else { "" }
                }}
            </span>
        </header>
        <StepBar />
        <Show when=move || state.update_ready.get()>
            <div class="update-banner" role="status">
                <p>{t("common.update.text")}</p>
                <button type="button" class="button button-primary" disabled={move || state.pending.get() > 0}
                    on:click=|_| crate::offline::apply_update()>{t("common.update.reload")}</button>
            </div>
        </Show>
        <Show when=move || state.outdated.get()>
            <div class="update-banner outdated-banner" role="alert">
                <p>{t("common.outdated.text")}</p>
                <button type="button" class="button button-primary"
                    on:click=|_| { let _ = window().location().reload(); }>{t("common.outdated.reload")}</button>
            </div>
        </Show>
        <Show when=move || state.memory_only.get()>
            <div class="update-banner memory-banner" role="alert">
                <p>{t("common.memory.text")}</p>
                {super::lazy::lazy_section(|| Box::pin(share::memory_export()))}
            </div>
        </Show>
        <NoticeArea />
        <main id="main">
            {move || state.plan.with(|p| p.as_ref().is_some_and(|p| p.example)).then(|| view! {
                <p class="example-banner" role="note">{t("common.example_banner")}</p>
            })}
            {move || match state.fatal.get() {
                Some(message) => view! {
                    <h1 tabindex="-1">{t("common.storage_unavailable")}</h1>
                    <p role="alert">{message}</p>
                }.into_any(),
                None => screen(state.route.get()),
            }}
            <StepNav />
        </main>
        // The statements every public service links from each page (RGAA, RGESN).
        <footer class="app-footer" aria-label=t("common.footer.label")>
            <a href=Route::Accessibility.hash()>{t("common.footer.accessibility")}</a>
            <a href=Route::Ecodesign.hash()>{t("common.footer.ecodesign")}</a>
        </footer>
        </div>
    }
}

fn screen(route: Route) -> AnyView {
    // Every screen but the plan list is downloaded on first use (see `lazy`).
    match route {
        Route::Home => view! { <home::Home /> }.into_any(),
        Route::Unknown => view! {
            <h1 tabindex="-1">{t("common.not_found.title")}</h1>
            <p>{t("common.not_found.text")}</p>
            <a class="button" href=Route::Home.hash()>{t("common.go_home")}</a>
        }
        .into_any(),
        Route::Share | Route::Merge => lazy_view(|| Box::pin(share::screen())),
        Route::Context => with_plan(|| lazy_view(|| Box::pin(context::screen()))),
        Route::Actors => with_plan(|| lazy_view(|| Box::pin(actors::screen()))),
        Route::Mobilise => with_plan(|| lazy_view(|| Box::pin(circles::screen()))),
        Route::Actions(_) => with_plan(|| lazy_view(|| Box::pin(actions::screen()))),
        Route::Conclusion => with_plan(|| lazy_view(|| Box::pin(conclusion::screen()))),
        Route::Report => with_plan(|| lazy_view(|| Box::pin(report::screen()))),
        Route::Bilan(_) => with_plan(|| lazy_view(|| Box::pin(report::bilan_screen()))),
        Route::About => lazy_view(|| Box::pin(about::screen())),
        Route::Accessibility | Route::Ecodesign => lazy_view(|| Box::pin(statements::screen())),
        Route::Projector(_) => with_plan(|| lazy_view(|| Box::pin(projector::screen()))),
    }
}

/// Shows `inner` once a plan is open; meanwhile « Chargement… », or a way to create one.
fn with_plan(inner: fn() -> AnyView) -> AnyView {
    let state = use_state();
    let has_plan = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| p.id)));
    (move || {
        if !state.ready.get() {
            view! { <p class="loading">{t("common.loading_plan")}</p> }.into_any()
        } else if has_plan.get().is_some() {
            inner()
        } else {
            view! {
                <h1 tabindex="-1">{t("common.no_plan.title")}</h1>
                <p>{t("common.no_plan.text")}</p>
                <a class="button" href=Route::Home.hash()>{t("common.go_home")}</a>
            }
            .into_any()
        }
    })
    .into_any()
}

/// The wizard's steps as links, the current one marked, with a progress bar.
#[component]
fn StepBar() -> impl IntoView {
    let state = use_state();
    let total = Route::STEPS.len();
    // A share link's preview belongs to no plan yet: the steps would lead nowhere.
    let hidden = move || matches!(state.route.get(), Route::Share);
    view! {
        <nav class="step-bar" aria-label=t("common.steps_label") hidden=hidden>
            <ol>
                {Route::STEPS.iter().enumerate().map(|(i, &r)| view! {
                    <li class:current=move || state.route.get().step_index() == Some(i)>
                        // The step's mark is drawn by CSS from `data-step` (one element less
                        // per step on every screen).
                        <a href=r.hash() data-step={if i == 0 { "•".to_string() } else if i == total - 1 { "✓".to_string() } else { i.to_string() }}
                            aria-current=move || (state.route.get().step_index() == Some(i)).then_some("step")>
                            <span class="step-title">{r.title()}</span>
                        </a>
                    </li>
                }).collect_view()}
            </ol>
            {move || state.route.get().step_index().map(|i| view! {
                // The filled share comes from the class (style.css): no element, no style code.
                <div class=format!("progress progress-{}", i + 1) role="progressbar"
                    aria-label=t("common.progress.label")
                    aria-valuemin="1" aria-valuemax=total aria-valuenow=i + 1
                    aria-valuetext=tf("common.progress.value", &[("i", &(i + 1)), ("total", &total)])>
                </div>
            })}
        </nav>
    }
}
