//! Screens downloaded on first use (see [`crate::parts`]), and what the user sees meanwhile.
//!
//! A screen's part returns a plain function that draws it. The function is called here, in
//! the main module, under the shell's reactive owner: the screen's signals, effects and
//! context lookups belong to the shell like any other view's, however late its code arrived.
//! (Building the view inside the async load instead loses the owner, and the screen's
//! closures then outlive it.)
//!
//! While a part downloads, a short line says so (politely, to screen readers). If it cannot be
//! downloaded, the message says why as best it can tell: a newer version of the app was
//! deployed (« Recharger »), or the network or server is out of reach (« Réessayer »). The
//! rest of the app stays usable either way.

use crate::parts::{Failure, PartError};
use atelier_core::i18n::t;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;

/// Draws a screen; what a screen's part returns.
pub type Draw = fn() -> AnyView;

/// What [`lazy_view`] awaits: the part function of a screen, boxed.
pub type Load = Pin<Box<dyn Future<Output = Result<Draw, PartError>>>>;

thread_local! {
    /// Screens already downloaded, by the address of their loader: shown at once next time.
    static LOADED: RefCell<Vec<(usize, Draw)>> = const { RefCell::new(Vec::new()) };
}

#[derive(Clone, Copy)]
enum Status {
    Loading,
    Ready(Draw),
    Failed(Failure),
}

/// The screen that `load` draws, downloaded on first use. `load` is a plain function so that
/// its address identifies the screen: a screen downloaded once is drawn at once afterwards.
pub fn lazy_view(load: fn() -> Load) -> AnyView {
    lazy(load, true)
}

/// A section of a screen downloaded on first use, like [`lazy_view`] but quiet: nothing shows
/// while it downloads, or if it cannot be (the rest of the screen is what matters).
pub fn lazy_section(load: fn() -> Load) -> AnyView {
    lazy(load, false)
}

fn lazy(load: fn() -> Load, screen: bool) -> AnyView {
    let key = load as usize;
    if let Some(draw) = LOADED.with(|l| l.borrow().iter().find(|(k, _)| *k == key).map(|x| x.1)) {
        return draw();
    }
    let status = RwSignal::new(Status::Loading);
    let fetch = move || {
        status.set(Status::Loading);
        spawn_local(async move {
            match load().await {
                Ok(draw) => {
                    LOADED.with(|l| l.borrow_mut().push((key, draw)));
                    status.set(Status::Ready(draw));
                    if screen {
                        // The heading arrived after navigation tried to focus it.
                        request_animation_frame(super::widgets::focus_heading_if_pending);
                    }
                }
                Err(_) => {
                    let why = crate::parts::diagnose().await;
                    status.set(Status::Failed(why));
                }
            }
        });
    };
    fetch();
    (move || match status.get() {
        Status::Ready(draw) => draw(),
        _ if !screen => ().into_any(),
        Status::Loading => view! {
            <p class="loading" role="status">{t("common.part.loading")}</p>
        }
        .into_any(),
        Status::Failed(why) => view! { <PartFailed why retry=fetch /> }.into_any(),
    })
    .into_any()
}

/// The message shown when a part cannot be downloaded, with the one useful button.
#[component]
pub fn PartFailed(why: Failure, retry: impl Fn() + Copy + 'static) -> impl IntoView {
    view! {
        <div class="part-failed" role="alert">
            <h1 tabindex="-1">{t("common.part.failed_title")}</h1>
            {match why {
                Failure::NewVersion => view! {
                    <p>{t("common.part.new_version")}</p>
                    <button type="button" class="button button-primary" id="part-reload"
                        on:click=|_| { let _ = window().location().reload(); }>
                        {t("common.part.reload")}
                    </button>
                }.into_any(),
                Failure::Unreachable => view! {
                    <p>{t("common.part.unreachable")}</p>
                    <button type="button" class="button button-primary" id="part-retry"
                        on:click=move |_| retry()>
                        {t("common.part.retry")}
                    </button>
                }.into_any(),
            }}
        </div>
    }
}
