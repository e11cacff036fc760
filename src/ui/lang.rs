//! The display language: French by default, English on request, remembered across visits.
//!
//! Only the language in use is downloaded (see [`crate::texts`]); the switch fetches the
//! other one.
//!
//! Views call `t(…)` once while they are built instead of subscribing to the language: a
//! change re-mounts the whole view tree ([`Localised`]), which is rare enough not to matter
//! and keeps every view free of translation closures. Plan data lives in signals above the
//! re-mounted tree, and the screen lives in the URL, so nothing is lost.

use crate::browser::settings;
use crate::state::{use_state, Notice};
use atelier_core::i18n::{self, t, Lang};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};

/// The language signal, provided as context by [`provide`].
#[derive(Clone, Copy)]
pub struct LangSignal(pub RwSignal<Lang>);

/// The remembered language, French if none.
pub fn remembered() -> Lang {
    settings::lang()
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or_default()
}

/// Applies the remembered language before anything is drawn (its catalogue is loaded by
/// then, see `crate::run`), and provides the signal that [`LangSwitch`] changes.
pub fn provide() -> RwSignal<Lang> {
    let lang = remembered();
    apply(lang);
    let signal = RwSignal::new(lang);
    provide_context(LangSignal(signal));
    signal
}

/// Makes `lang` the language of every message built from now on, and of the page itself
/// (`<html lang>`, read by screen readers to choose their voice).
fn apply(lang: Lang) {
    i18n::set_lang(lang);
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// Draws `children` again, in the new language, each time the language changes.
#[component]
pub fn Localised(children: ChildrenFn) -> impl IntoView {
    let LangSignal(lang) = expect_context();
    move || {
        lang.track();
        children()
    }
}

/// The header button that switches to the other language. It names that language in that
/// language (« English », « Français ») and is marked with its `lang`, so that a screen reader
/// pronounces it right.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let LangSignal(lang) = expect_context();
    let other = match lang.get_untracked() {
        Lang::Fr => Lang::En,
        Lang::En => Lang::Fr,
    };
    // Written in the other language, and kept in this language's catalogue so that it needs
    // no download: the French file holds "Show the interface in English", and vice versa.
    let other_label = t("common.lang.switch_label");
    let busy = RwSignal::new(false);
    let switch = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            // The other language's texts are downloaded on the first switch only.
            if crate::texts::load_all(other).await.is_err() {
                busy.set(false);
                use_state()
                    .notice
                    .set(Some(Notice::error(t("common.lang.failed"), vec![])));
                return;
            }
            let typed = drafts();
            apply(other);
            settings::set_lang(other.code());
            lang.set(other);
            request_animation_frame(move || restore(typed));
            // The button is drawn anew: give focus to the new one so keyboard users stay
            // put. Two frames later, after an editor drawn anew has taken focus for its
            // first field.
            request_animation_frame(|| super::widgets::focus_later("lang-switch"));
        });
    };
    view! {
        <button type="button" id="lang-switch" class="header-link lang-switch" lang=other.code()
            aria-label=other_label aria-busy=move || busy.get().then_some("true") on:click=switch>
            {other.autonym()}
        </button>
    }
}

/// What is typed in the page's text fields, by element id. Most fields save at each
/// keystroke, but some hold a draft until a button is pressed (the name of an actor about to
/// be added, a search): the re-mount would otherwise empty them.
fn drafts() -> Vec<(String, String)> {
    let selector =
        "input[id]:not([type=checkbox]):not([type=radio]):not([type=file]), textarea[id]";
    let Ok(fields) = document().query_selector_all(selector) else {
        return Vec::new();
    };
    (0..fields.length())
        .filter_map(|i| fields.item(i))
        .filter_map(|node| {
            if let Some(input) = node.dyn_ref::<HtmlInputElement>() {
                Some((input.id(), input.value()))
            } else {
                node.dyn_ref::<HtmlTextAreaElement>()
                    .map(|area| (area.id(), area.value()))
            }
        })
        .filter(|(_, value)| !value.is_empty())
        .collect()
}

/// Puts the drafts back into the fields drawn anew, as if typed (an `input` event), so the
/// views' signals follow. Fields that show the same saved value are left alone.
fn restore(typed: Vec<(String, String)>) {
    for (id, value) in typed {
        let Some(element) = document().get_element_by_id(&id) else {
            continue;
        };
        if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
            if input.value() == value {
                continue;
            }
            input.set_value(&value);
        } else if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
            if area.value() == value {
                continue;
            }
            area.set_value(&value);
        } else {
            continue;
        }
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
            let _ = element.dispatch_event(&event);
        }
    }
}
