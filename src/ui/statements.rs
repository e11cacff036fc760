//! The statements a public service publishes: « Accessibilité » (RGAA 4.1 conformity
//! statement) and « Écoconception » (RGESN). Their figures are never typed by hand: the
//! build writes `measures.json` (the first visit's weight, every part's, measured on the
//! built files by `.ci/post-build.mjs`, plus the EcoIndex of each screen from the last
//! `make bench`, kept in `docs/measures/ecoindex.json`), which this page reads.

use crate::route::Route;
use atelier_core::i18n::{t, tf};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Deserialize;

crate::lazy! {
    /// The statement of the current route, downloaded on first use (see [`crate::ui::lazy`]).
    pub fn screen [screen_statements] () -> crate::ui::lazy::Draw {
        || {
            let state = crate::state::use_state();
            move || match state.route.get() {
                Route::Ecodesign => view! { <Ecodesign /> }.into_any(),
                _ => view! { <Accessibility /> }.into_any(),
            }
        }
        .into_any()
    }
}

/// What `measures.json` holds (see `.ci/post-build.mjs`, step 6a).
#[derive(Clone, Deserialize)]
struct Measures {
    /// Requests and gzip bytes of what the first screen loads.
    first_requests: u32,
    first_gzip: u64,
    /// The first visit's budget, gzip bytes (`.ci/size-budget`).
    budget_gzip: u64,
    /// Parts downloaded on first use, and every file's gzip bytes but the territory data.
    parts: u32,
    all_gzip: u64,
    /// EcoIndex per screen, from the last benchmark, if it was run: (screen, score, grade).
    #[serde(default)]
    ecoindex: Vec<(String, f64, String)>,
    /// The day of that benchmark (YYYY-MM-DD).
    #[serde(default)]
    ecoindex_on: Option<String>,
}

/// « Déclaration d'accessibilité »: partially conforming (no full RGAA audit was made), what
/// is tested automatically and by hand, the known gaps.
#[component]
fn Accessibility() -> impl IntoView {
    view! {
        <h1 tabindex="-1">{t("statements.a11y.title")}</h1>
        <p>{t("statements.a11y.commitment")}</p>
        <h2>{t("statements.a11y.status_title")}</h2>
        <p><strong>{t("statements.a11y.status")}</strong></p>
        <h2>{t("statements.a11y.tested_title")}</h2>
        <ul>
            <li>{t("statements.a11y.tested_auto")}</li>
            <li>{t("statements.a11y.tested_hand")}</li>
            <li>{t("statements.a11y.tested_env")}</li>
        </ul>
        <h2>{t("statements.a11y.gaps_title")}</h2>
        <ul>
            <li>{t("statements.a11y.gap_audit")}</li>
            <li>{t("statements.a11y.gap_exports")}</li>
            <li>{t("statements.a11y.gap_map")}</li>
        </ul>
        <h2>{t("statements.a11y.contact_title")}</h2>
        <p>{t("statements.a11y.contact")}</p>
    }
}

/// « Déclaration d'écoconception »: the first visit's weight against its budget, what is
/// downloaded only when used, offline, no tracker, data kept in the browser.
#[component]
fn Ecodesign() -> impl IntoView {
    let measures = RwSignal::new(None::<Option<Measures>>);
    spawn_local(async move {
        let text = crate::browser::fetch_text("measures.json", false).await;
        measures.set(Some(text.and_then(|t| serde_json::from_str(&t).ok())));
    });
    let kb = |bytes: u64| super::format::number((bytes as f64 / 1000.0).round());
    view! {
        <h1 tabindex="-1">{t("statements.eco.title")}</h1>
        <p>{t("statements.eco.commitment")}</p>
        <h2>{t("statements.eco.weight_title")}</h2>
        {move || match measures.get() {
            None => view! { <p class="loading">{t("statements.eco.loading")}</p> }.into_any(),
            Some(None) => view! { <p>{t("statements.eco.no_measures")}</p> }.into_any(),
            Some(Some(m)) => view! {
                <ul class="measures">
                    <li>{tf("statements.eco.first", &[("kb", &kb(m.first_gzip)), ("n", &m.first_requests), ("budget", &kb(m.budget_gzip))])}</li>
                    <li>{tf("statements.eco.parts", &[("n", &m.parts), ("kb", &kb(m.all_gzip))])}</li>
                    {m.ecoindex_on.clone().map(|on| view! {
                        <li>{tf("statements.eco.ecoindex", &[("day", &on), ("list", &m.ecoindex.iter()
                            .map(|(screen, score, grade)| format!("{screen} {grade} ({})", super::format::number(score.round())))
                            .collect::<Vec<_>>().join(", "))])}</li>
                    })}
                </ul>
            }.into_any(),
        }}
        <h2>{t("statements.eco.practices_title")}</h2>
        <ul>
            <li>{t("statements.eco.on_demand")}</li>
            <li>{t("statements.eco.offline")}</li>
            <li>{t("statements.eco.no_tracker")}</li>
            <li>{t("statements.eco.local_data")}</li>
            <li>{t("statements.eco.devices")}</li>
        </ul>
    }
}
