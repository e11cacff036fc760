//! The display language: French by default, English on request, remembered across visits.
//!
//! Views call `t(…)` once while they are built instead of subscribing to the language: a
//! change re-mounts the whole view tree ([`Localised`]), which is rare enough not to matter
//! and keeps every view free of translation closures. Plan data lives in signals above the
//! re-mounted tree, and the screen lives in the URL, so nothing is lost.

use crate::browser::settings;
use atelier_core::i18n::{self, text_in, Lang};
use leptos::prelude::*;

/// The language signal, provided as context by [`provide`].
#[derive(Clone, Copy)]
pub struct LangSignal(pub RwSignal<Lang>);

/// Applies the remembered language (French if none) before anything is drawn, and provides
/// the signal that [`LangSwitch`] changes.
pub fn provide() -> RwSignal<Lang> {
    let lang = settings::lang()
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or_default();
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
    let switch = move |_| {
        apply(other);
        settings::set_lang(other.code());
        lang.set(other);
        // The button is drawn anew: give focus to the new one so keyboard users stay put.
        super::widgets::focus_later("lang-switch");
    };
    view! {
        <button type="button" id="lang-switch" class="header-link lang-switch" lang=other.code()
            aria-label=text_in(other, "common.lang.switch_label").to_owned() on:click=switch>
            {other.autonym()}
        </button>
    }
}
