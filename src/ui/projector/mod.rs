//! Projector mode (« projection »): the plan as slides for a workshop, generated from the kit
//! and from this plan's data. Each slide has its own URL (`#/projection/3`). Keys: arrows,
//! Space, Page Up/Down, Home/End; B blanks the screen; F toggles fullscreen; + and − change
//! the text size; C switches to high contrast; N opens the live capture; Esc leaves.
//! Every slide is in the page, so printing gives one slide per A4 page.

mod capture;
mod slides;

use crate::route::Route;
use crate::state::use_state;
use atelier_core::i18n::{t, tf};
use leptos::prelude::*;

/// Text sizes offered, as factors of the base size: 24 px at 1280 px wide (readable at the
/// back of a room), growing with the screen's width (36 px at 1920), never below 24 px.
const SIZES: [&str; 4] = ["1", "1.17", "1.33", "1.58"];

crate::lazy! {
    /// The projector mode for workshops, downloaded on first use (see [`crate::ui::lazy`]).
    pub fn screen [screen_projector] () -> crate::ui::lazy::Draw {
        || view! { <Projector /> }.into_any()
    }
}

#[component]
pub fn Projector() -> impl IntoView {
    let state = use_state();
    let deck = Memo::new(move |_| slides::shown(state));
    let count = move || deck.with(Vec::len);
    let current = move || match state.route.get() {
        Route::Projector(n) => (n.max(1) as usize).min(count().max(1)),
        _ => 1,
    };
    let go = move |n: usize| {
        let n = n.clamp(1, count().max(1));
        crate::ui::navigate(Route::Projector(n as u8));
    };
    // The deck changes under the presenter when a quick win appears or goes (another tab, the
    // capture): the slide on screen stays on screen, under its new number, in place of the
    // address's entry (no new history entry).
    Effect::new(move |before: Option<Vec<slides::Slide>>| {
        let now = deck.get();
        let at = untrack(move || match state.route.get() {
            Route::Projector(n) => n.max(1) as usize,
            _ => 1,
        });
        let shown = before.as_ref().and_then(|b| b.get(at - 1));
        if let Some(i) = shown.and_then(|s| now.iter().position(|n| n == s)) {
            if i + 1 != at {
                let route = Route::Projector((i + 1) as u8);
                crate::ui::replace_route(route);
                state.route.set(route);
            }
        }
        now
    });
    let blank = RwSignal::new(false);
    let size = RwSignal::new(0usize);
    let contrast = RwSignal::new(false);
    let capturing = RwSignal::new(false);
    // What the facilitator is typing in the capture field, kept while the field is closed.
    let draft = RwSignal::new(String::new());
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if capturing.get_untracked() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        // The address, not `state.route`: the route follows `hashchange`, which has not yet
        // fired when keys come fast (Home then Page Down would move on from the old slide).
        let now = match Route::parse(&crate::ui::location_hash()) {
            Some(Route::Projector(n)) => (n.max(1) as usize).min(count().max(1)),
            _ => current(),
        };
        let handled = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" | " " => {
                go(now + 1);
                true
            }
            "ArrowLeft" | "ArrowUp" | "PageUp" => {
                go(now.saturating_sub(1));
                true
            }
            "Home" => {
                go(1);
                true
            }
            "End" => {
                go(count());
                true
            }
            "b" | "B" => {
                blank.update(|b| *b = !*b);
                true
            }
            "f" | "F" => {
                toggle_fullscreen();
                true
            }
            "+" | "=" => {
                size.update(|s| *s = (*s + 1).min(SIZES.len() - 1));
                true
            }
            "-" => {
                size.update(|s| *s = s.saturating_sub(1));
                true
            }
            "c" | "C" => {
                contrast.update(|c| *c = !*c);
                true
            }
            "n" | "N" => {
                capturing.set(true);
                super::widgets::focus_later("capture-text");
                true
            }
            "Escape" => {
                if document().fullscreen_element().is_none() {
                    crate::ui::navigate(Route::Conclusion);
                }
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    });
    on_cleanup(move || keys.remove());
    view! {
        <div class="projector" class:high-contrast=move || contrast.get()
            style=("--slide-scale", move || SIZES[size.get()])>
            <p class="visually-hidden" aria-live="polite">{move || tf("projector.position", &[("n", &current()), ("total", &count())])}</p>
            {move || deck.get().into_iter().enumerate().map(|(i, slide)| {
                let shown = move || i + 1 == current();
                view! {
                    <section class="slide" class:slide-current=shown aria-hidden=move || (!shown()).then_some("true")
                        aria-label=tf("projector.slide_label", &[("n", &(i + 1)), ("title", &slide.title())])>
                        <h1 tabindex="-1">{slide.title()}</h1>
                        <div class="slide-body">{move || slides::body(slide, state)}</div>
                        <p class="slide-number">{format!("{} / {}", i + 1, count())}</p>
                    </section>
                }
            }).collect_view()}
            <Show when=move || blank.get()>
                <div class="slide-blank" role="note" aria-label=t("projector.blank")></div>
            </Show>
            <Show when=move || capturing.get()>
                <capture::Capture draft=draft on_close=move || capturing.set(false) />
            </Show>
            <nav class="projector-help" aria-label=t("projector.controls")>
                <button type="button" class="button button-small" on:click=move |_| go(current().saturating_sub(1))>{t("projector.previous")}</button>
                <button type="button" class="button button-small" on:click=move |_| go(current() + 1)>{t("projector.next")}</button>
                <button type="button" class="button button-small" on:click=move |_| { capturing.set(true); super::widgets::focus_later("capture-text"); }>{t("projector.capture_button")}</button>
                <span class="hint">{t("projector.keys")}</span>
            </nav>
        </div>
    }
}

fn toggle_fullscreen() {
    let doc = document();
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    } else if let Some(root) = doc.document_element() {
        let _ = root.request_fullscreen();
    }
}
