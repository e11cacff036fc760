//! Small pieces shared by several screens.

use crate::state::{use_state, NoticeKind};
use atelier_core::i18n::{t, tf};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// Set when a navigation found no heading to focus (its screen was still downloading):
    /// the screen focuses its heading once drawn (see [`focus_heading_if_pending`]).
    static HEADING_PENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Moves focus to the new screen's heading after a navigation, now or, if the screen is still
/// being downloaded, as soon as it is drawn.
pub fn focus_heading_after_navigation() {
    HEADING_PENDING.with(|p| p.set(!focus_heading()));
}

/// Focuses the heading of a screen that arrived after its navigation (see above), or after
/// « Réessayer », whose button is gone with the message.
pub fn focus_heading_if_pending() {
    let lost = document()
        .active_element()
        .is_none_or(|e| e.tag_name() == "BODY");
    if HEADING_PENDING.with(|p| p.replace(false)) || lost {
        focus_heading();
    }
}

/// Moves keyboard focus to the current screen's main heading; false if there is none yet.
pub fn focus_heading() -> bool {
    let doc = document();
    // A question waiting for an answer (the import choice, a confirmation) keeps the focus.
    if doc.active_element().is_some_and(|e| {
        e.closest("[role=alertdialog], [role=dialog]")
            .ok()
            .flatten()
            .is_some()
    }) {
        return true;
    }
    // In the projector, every slide has a heading: the shown one is the one to read.
    let current = doc.query_selector(".slide-current h1").ok().flatten();
    match current
        .or_else(|| doc.query_selector("main h1").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(h1) => h1.focus().is_ok(),
        None => false,
    }
}

/// Focuses the element with `id`, once the current render is done.
pub fn focus_later(id: impl Into<String>) {
    focus_after_render(id.into(), false);
}

/// Focuses the element with `id` once the current render is done; with `prevent_scroll`, the
/// page does not move to show it (for an element kept in sight another way).
pub fn focus_after_render(id: String, prevent_scroll: bool) {
    request_animation_frame(move || {
        if let Some(el) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(prevent_scroll);
            let _ = el.focus_with_options(&options);
        }
    });
}

/// The message area: success and error notices, announced to screen readers, with « Annuler »
/// when the last action can be undone.
#[component]
pub fn NoticeArea() -> impl IntoView {
    let state = use_state();
    view! {
        <div class="notice-area" id="notice-area" tabindex="-1" aria-live="polite" aria-atomic="true">
            {move || {
                state.notice.get().map(|n| {
                    let error = n.kind == NoticeKind::Error;
                    let can_undo = n.undo;
                    let undo_label = state
                        .undos
                        .with_untracked(|u| u.last().and_then(|u| u.label.clone()))
                        .unwrap_or_else(|| t("common.notice.undo").to_owned());
                    view! {
                        <div class="notice" class:notice-error=error class:notice-undo=can_undo role=if error { "alert" } else { "status" }>
                            <p class="notice-text">
                                {if error { tf("common.notice.error", &[("text", &n.text)]) } else { n.text.clone() }}
                            </p>
                            {(!n.details.is_empty()).then(|| view! {
                                <ul class="notice-details">
                                    {n.details.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}
                                </ul>
                            })}
                            <div class="notice-buttons">
                                {can_undo.then(|| view! {
                                    <button type="button" class="button" aria-keyshortcuts="Control+Z" on:click=move |_| state.undo()>{undo_label}</button>
                                })}
                                <button type="button" class="button button-quiet" on:click=move |_| state.notice.set(None)>{t("common.notice.close")}</button>
                            </div>
                        </div>
                    }
                })
            }}
        </div>
    }
}

/// A `<details>` disclosure whose content is built only while it is open: folded, it costs
/// two elements, which keeps long screens light (EcoIndex counts every element). The content
/// reads its values when drawn, so it shows what is stored at each opening.
#[component]
pub fn Fold(
    /// The always-visible line (`<summary>`).
    summary: &'static str,
    #[prop(optional)] class: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <details class=class on:toggle=move |ev| {
            open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open());
        }>
            <summary>{summary}</summary>
            {move || open.get().then(|| children())}
        </details>
    }
}

/// A button-styled file picker. `on_file` receives the picked file.
#[component]
pub fn FilePicker(
    /// Visible label of the button.
    label: &'static str,
    /// `accept` attribute, e.g. `.csv,text/csv`.
    accept: &'static str,
    /// Unique id of the hidden input.
    id: &'static str,
    on_file: impl Fn(web_sys::File) + 'static,
) -> impl IntoView {
    view! {
        <span class="file-picker">
            <input
                type="file"
                id=id
                class="visually-hidden"
                accept=accept
                on:change=move |ev| {
                    if let Some(file) = crate::browser::picked_file(&ev) {
                        on_file(file);
                    }
                }
            />
            <label for=id class="button">{label}</label>
        </span>
    }
}

/// « Étape précédente / suivante » links at the bottom of a wizard screen.
#[component]
pub fn StepNav() -> impl IntoView {
    use crate::route::Route;
    let state = use_state();
    move || {
        let i = state.route.get().step_index()?;
        let prev = i.checked_sub(1).map(|j| Route::STEPS[j]);
        let next = Route::STEPS.get(i + 1).copied();
        Some(view! {
            <nav class="step-nav" aria-label=t("common.step_nav_label")>
                {prev.map(|r| view! { <a class="button button-quiet" href=r.hash()>"← " {r.title()}</a> })}
                {next.map(|r| view! { <a class="button" href=r.hash()>{r.title()} " →"</a> })}
            </nav>
        })
    }
}

/// A question that must be answered before something irreversible-looking happens (an undo
/// stays possible afterwards). The « no » button has id `confirm-keep` so callers can focus
/// it: the safe choice is the default for keyboard users, and Escape answers it too.
#[component]
pub fn Confirm(
    text: String,
    yes: &'static str,
    no: &'static str,
    on_yes: impl Fn() + 'static,
    on_no: impl Fn() + 'static,
) -> impl IntoView {
    let on_no = std::rc::Rc::new(on_no);
    let escape = on_no.clone();
    view! {
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-text"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" {
                // Answered here: an editor around must not close too.
                ev.stop_propagation();
                escape();
            }>
            <p id="confirm-text">{text}</p>
            <div class="notice-buttons">
                <button type="button" class="button button-danger" on:click=move |_| on_yes()>{yes}</button>
                <button type="button" class="button" id="confirm-keep" on:click=move |_| on_no()>{no}</button>
            </div>
        </div>
    }
}

/// « Modifier » and « Supprimer » at the end of a table row. The record's name follows each
/// word for screen readers (« Modifier Envie 35 »), in the accessible name rather than a
/// hidden span: two elements fewer per row on long screens (EcoIndex counts elements). « Modifier » has id `edit-<id>`, where
/// focus returns after closing an editor or undoing a delete; without `on_edit`, « Supprimer »
/// takes that id.
#[component]
pub fn RowButtons(
    id: atelier_core::Id,
    name: String,
    #[prop(optional, into)] on_edit: Option<Callback<atelier_core::Id>>,
    #[prop(into)] on_delete: Callback<atelier_core::Id>,
) -> impl IntoView {
    let target = format!("edit-{id}");
    let delete_id = on_edit.is_none().then(|| target.clone());
    let edit_label = format!("{} {name}", t("common.edit"));
    let delete_label = format!("{} {name}", t("common.delete"));
    view! {
        <td class="row-buttons">
            {on_edit.map(|edit| view! {
                <button type="button" class="button button-small" id=target aria-label=edit_label on:click=move |_| edit.run(id)>
                    {t("common.edit")}
                </button>
            })}
            <button type="button" class="button button-small button-danger" id=delete_id aria-label=delete_label on:click=move |_| on_delete.run(id)>
                {t("common.delete")}
            </button>
        </td>
    }
}

/// Focuses the first element that exists among `ids`, once the current render is done (the
/// button that opened an editor may be a row, a card or a link, depending on the view).
pub fn focus_first(ids: Vec<String>) {
    request_animation_frame(move || {
        let found = ids
            .iter()
            .find_map(|id| document().get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        match found {
            Some(el) => {
                let _ = el.focus();
            }
            None => {
                focus_heading();
            }
        }
    });
}

/// Closes the editor of a record as soon as the record is gone (deleted here, or in another
/// tab), so that nothing typed afterwards is silently dropped.
pub fn close_when_gone<T: crate::state::Held>(editing: RwSignal<Option<atelier_core::Id>>) {
    let state = use_state();
    Effect::new(move |_| {
        let Some(id) = editing.get() else { return };
        let exists = T::list(state).with(|l| l.iter().any(|r| crate::storage::Record::id(r) == id));
        if !exists {
            editing.set(None);
            if state.notice.with_untracked(Option::is_none) {
                state
                    .notice
                    .set(Some(crate::state::Notice::success(t("common.record_gone"))));
            }
        }
    });
}

/// The browser's Back closes the open editor (`editing`) before it leaves the screen, as
/// users expect of a panel opened over a list: opening one adds a history entry at the same
/// address, which Back removes, closing the editor and calling `on_back` (to put focus back
/// on what opened it). Closing the editor any other way removes that entry, so that Back is
/// never pressed in vain.
pub fn back_closes(
    editing: RwSignal<Option<atelier_core::Id>>,
    on_back: impl Fn(atelier_core::Id) + 'static,
) {
    // The history entry's state that says « an editor is open here ».
    const MARK: &str = "atelier-editor"; // i18n: not UI
    let marked = || {
        window()
            .history()
            .ok()
            .and_then(|h| h.state().ok())
            .and_then(|s| s.as_string())
            .as_deref()
            == Some(MARK)
    };
    thread_local! {
        /// True until the first editor screen of this page load is drawn.
        static PAGE_LOAD: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
    }
    let page_load = PAGE_LOAD.with(|p| p.replace(false));
    Effect::new(move |was_open: Option<bool>| {
        let open = editing.get().is_some();
        if let Ok(history) = window().history() {
            // Closed here, or by a reload (the entry outlived its editor); not a screen drawn
            // again, which may happen while a Back is under way.
            let closed = was_open == Some(true) || (was_open.is_none() && page_load);
            if open && !marked() {
                let _ = history.push_state(&MARK.into(), "");
            } else if !open && closed && marked() {
                let _ = history.back();
            }
        }
        open
    });
    let state = use_state();
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        // Back to the same address: the editor's entry was removed. Another address (a link,
        // Back to another screen) is the router's business.
        let same = crate::route::Route::parse(&window().location().hash().unwrap_or_default())
            .is_some_and(|r| r == state.route.get_untracked());
        match (same, marked(), editing.get_untracked()) {
            (true, false, Some(id)) => {
                editing.set(None);
                on_back(id);
            }
            // An editor's entry left behind (its editor closed while another view was
            // shown): step over it, so that no Back is pressed in vain.
            (_, true, None) => {
                let _ = window().history().and_then(|h| h.back());
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}
