//! « À propos »: the version, whether the app works offline here, and what the browser does
//! with the data — with a way to ask it to keep the data for good.

use crate::offline::{self, StorageState};
use atelier_core::i18n::{t, tf};
use leptos::prelude::*;
use leptos::task::spawn_local;

crate::lazy! {
    /// « À propos », downloaded on first use (see [`crate::ui::lazy`]).
    pub fn screen [screen_about] () -> crate::ui::lazy::Draw {
        || view! { <About /> }.into_any()
    }
}

#[component]
pub fn About() -> impl IntoView {
    let storage = RwSignal::new(None::<StorageState>);
    let refresh =
        move || spawn_local(async move { storage.set(Some(offline::storage_state().await)) });
    refresh();
    let ask = move |_| {
        spawn_local(async move {
            offline::ask_persistence().await;
            storage.set(Some(offline::storage_state().await));
        })
    };
    let megabytes = |bytes: f64| super::format::number((bytes / 1_048_576.0 * 10.0).round() / 10.0);
    view! {
        <h1 tabindex="-1">{t("common.about.title")}</h1>
        <p>{tf("common.about.version", &[("version", &env!("CARGO_PKG_VERSION"))])}</p>
        <section aria-labelledby="offline-title">
            <h2 id="offline-title">{t("common.about.offline_title")}</h2>
            <p>{if offline::controlled() {
                t("common.about.offline_ready")
            } else {
                t("common.about.offline_soon")
            }}</p>
            <p>{t("common.about.install")}</p>
        </section>
        <section aria-labelledby="storage-title">
            <h2 id="storage-title">{t("common.about.data_title")}</h2>
            <p>{t("common.about.data_text")}</p>
            {move || storage.get().map(|s| view! {
                <ul>
                    <li id="storage-persisted">{match s.persisted {
                        Some(true) => t("common.about.persisted.yes"),
                        Some(false) => t("common.about.persisted.no"),
                        None => t("common.about.persisted.unknown"),
                    }}</li>
                    {s.usage.map(|(used, quota)| view! { <li>{tf("common.about.usage", &[("used", &megabytes(used)), ("quota", &megabytes(quota))])}</li> })}
                </ul>
                {(s.persisted != Some(true)).then(|| view! {
                    <button type="button" class="button" on:click=ask>{t("common.about.ask")}</button>
                })}
            })}
            <p class="hint">{t("common.about.export_hint")}</p>
        </section>
        <section aria-labelledby="statements-title">
            <h2 id="statements-title">{t("common.about.statements_title")}</h2>
            <ul>
                <li><a href=crate::route::Route::Accessibility.hash()>{t("common.route.accessibility")}</a></li>
                <li><a href=crate::route::Route::Ecodesign.hash()>{t("common.route.ecodesign")}</a></li>
            </ul>
        </section>
    }
}
