//! Census downloads: the actors in the kit's six columns, and a blank template to fill in.

use crate::browser;
use crate::state::{use_state, Notice};
use atelier_core::census::write_census;
use atelier_core::file::format::slug;
use atelier_core::i18n::{t, tf};
use leptos::prelude::*;

#[component]
pub fn CsvDownloads() -> impl IntoView {
    let state = use_state();
    let offer = move |name: String, contents: String| match browser::download(
        &name,
        "text/csv;charset=utf-8",
        &contents,
    ) {
        Ok(()) => state.notice.set(Some(Notice::success(tf(
            "actors.export.downloaded",
            &[("name", &name)],
        )))),
        Err(_) => state
            .notice
            .set(Some(Notice::error(t("actors.download_refused"), vec![]))),
    };
    let export = move |_| {
        let plan = state
            .plan
            .with_untracked(|p| p.as_ref().map(|p| p.name.clone()))
            .unwrap_or_default();
        let csv = state.actors.with_untracked(|a| write_census(a));
        offer(
            tf(
                "actors.export.file_name",
                &[("plan", &slug(&plan)), ("date", &browser::today())],
            ),
            csv,
        );
    };
    let template = move |_| offer(t("actors.export.template_name").into(), write_census(&[]));
    view! {
        <div class="downloads">
            <button type="button" class="button" on:click=export>{t("actors.export.csv")}</button>
            <button type="button" class="button button-quiet" on:click=template>{t("actors.export.template")}</button>
        </div>
    }
}
