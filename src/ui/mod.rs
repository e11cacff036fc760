//! The user interface: the app shell and one folder per wizard screen.
//!
//! Views read [`AppState`] signals and call its commands; they never touch storage and never
//! build plan files themselves. Kit content comes from `atelier_core::kit`.

mod about;
mod actions;
mod actor_picker;
mod actors;
mod circles;
mod conclusion;
mod context;
mod fields;
mod format;
mod home;
pub(crate) mod lang;
pub mod lazy;
mod projector;
mod report;
mod share;
mod shell;
pub(crate) mod spreadsheet;
mod statements;
mod widgets;

use crate::browser::settings;
use crate::route::Route;
use crate::state::AppState;
use atelier_core::i18n::t;
use leptos::prelude::*;

/// The root component: creates the state, follows the URL fragment, renders the shell.
#[component]
pub fn App() -> impl IntoView {
    let lang = lang::provide();
    let state = AppState::new(initial_route());
    provide_context(state);
    let editor = OpenEditor(RwSignal::new(None));
    provide_context(editor);
    state.start();
    // The service worker (offline use) starts once the first screen works: its downloads
    // must not compete with the first visit.
    Effect::new(move |registered: Option<bool>| {
        if registered == Some(true) || !state.ready.get() {
            return registered.unwrap_or(false);
        }
        set_timeout(
            move || crate::offline::register(state.update_ready),
            std::time::Duration::from_millis(500),
        );
        true
    });

    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        // Back to the bare address (no fragment) means the plan list.
        if let Some(route) = Route::parse(&location_hash()).or(Some(Route::Home)) {
            if route.step_index().is_some() || route == Route::Home {
                settings::set_last_route(route.hash());
            }
            // A message belongs to the screen it was raised on, unless it still offers an undo
            // or was raised for the screen being opened.
            if !state.notice.with_untracked(|n| {
                n.as_ref()
                    .is_some_and(|n| n.undo || n.shown_on == Some(route))
            }) {
                state.forget_notice();
            }
            // Another screen closes the editor; another view of the same screen keeps it.
            let old = state.route.get_untracked();
            if std::mem::discriminant(&old) != std::mem::discriminant(&route) {
                editor.0.set(None);
            }
            state.route.set(route);
            // After the new screen is drawn, move focus to its heading so that keyboard and
            // screen-reader users start reading the new screen from the top.
            request_animation_frame(widgets::focus_heading_after_navigation);
        }
    });
    // A plan file dropped anywhere on the window is offered for import. Without
    // `preventDefault` on `dragover`, the browser would open the file instead of the app.
    let dragover = window_event_listener(leptos::ev::dragover, |ev| {
        if ev
            .data_transfer()
            .is_some_and(|d| d.types().includes(&"Files".into(), 0))
        {
            ev.prevent_default();
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| home::import::on_drop(state, ev));
    // Warn before leaving while a write is still under way (a fast reload could lose it).
    let unload = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if state.pending.get_untracked() > 0 {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    // Ctrl+Z (⌘Z) undoes the latest delete, like the notice's button; inside a text field it
    // stays the field's own undo.
    let undo_key = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = document().active_element().is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        });
        if (ev.ctrl_key() || ev.meta_key())
            && !ev.shift_key()
            && ev.key().eq_ignore_ascii_case("z")
            && !typing
            && state.undos.with_untracked(|u| !u.is_empty())
        {
            ev.prevent_default();
            state.undo();
        }
    });
    on_cleanup(move || {
        undo_key.remove();
        handle.remove();
        unload.remove();
        dragover.remove();
        drop.remove();
    });

    Effect::new(move |_| {
        lang.track();
        document().set_title(&format!(
            "{} — {}",
            state.route.get().title(),
            t("common.app_name")
        ));
    });

    view! { <lang::Localised><shell::Shell /></lang::Localised> }
}

/// The address's fragment (`#/acteurs`), or "" when there is none.
pub(crate) fn location_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The screen to show first: the URL's fragment if it names one; with no fragment, the screen
/// shown last time (written back into the URL without a new history entry).
fn initial_route() -> Route {
    let hash = location_hash();
    if let Some(route) = Route::parse(&hash) {
        if route.step_index().is_some() || route == Route::Home {
            settings::set_last_route(route.hash());
        }
        return route;
    }
    {
        if let Some(route) = settings::last_route().and_then(|h| Route::parse(&h)) {
            replace_route(route);
            return route;
        }
    }
    Route::Home
}

/// The record whose editor is open on the current screen (an actor, a fiche, a
/// mobilisation). It lives above the views that a language change re-mounts, so the editor
/// stays open through the change.
#[derive(Clone, Copy)]
pub struct OpenEditor(pub RwSignal<Option<atelier_core::Id>>);

/// The signal of the open editor (see [`OpenEditor`]).
pub fn open_editor() -> RwSignal<Option<atelier_core::Id>> {
    expect_context::<OpenEditor>().0
}

/// Moves focus to the message area (after a delete, so that « Annuler » is one Tab away),
/// without scrolling: a notice offering « Annuler » stays in sight (sticky), and scrolling
/// to where it sits in the page would lose the user's place in a long list.
pub fn focus_notice() {
    widgets::focus_after_render("notice-area".into(), true);
}

/// Focuses the « Modifier » button of a record's row (after undo, or closing its editor).
pub fn focus_row(id: atelier_core::Id) {
    widgets::focus_later(format!("edit-{id}"));
}

/// Goes to `route` through the URL, so that Back returns here.
pub fn navigate(route: Route) {
    let _ = window().location().set_hash(&route.href());
}

/// Shows `route` in the URL in place of the current entry: Back does not return to it (a
/// restored last screen, a slide renumbered). The caller sets `state.route` if it must change.
pub fn replace_route(route: Route) {
    let _ = window().history().and_then(|h| {
        h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&route.href()))
    });
}
