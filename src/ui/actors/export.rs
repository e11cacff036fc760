//! Census downloads: the actors in the kit's six columns, and a blank template to fill in.

use crate::browser;
use crate::parts::jobs::{self, SheetExport};
use crate::state::{use_state, Notice};
use atelier_core::file::format::slug;
use atelier_core::i18n::{t, tf};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn CsvDownloads() -> impl IntoView {
    let state = use_state();
    // The CSV writer is downloaded on first use; `name` is the file offered.
    let offer = move |name: String, actors: Vec<atelier_core::Actor>| {
        spawn_local(async move {
            let Ok(contents) = jobs::write_census(actors).await else {
                return state.part_failed();
            };
            let notice = match browser::download(&name, "text/csv;charset=utf-8", &contents) {
                Ok(()) => Notice::success(tf("actors.export.downloaded", &[("name", &name)])),
                Err(_) => Notice::error(t("actors.download_refused"), vec![]),
            };
            state.notice.set(Some(notice));
        })
    };
    let export = move |_| {
        let plan = state
            .plan
            .with_untracked(|p| p.as_ref().map(|p| p.name.clone()))
            .unwrap_or_default();
        offer(
            tf(
                "actors.export.file_name",
                &[("plan", &slug(&plan)), ("date", &browser::today())],
            ),
            state.actors.get_untracked(),
        );
    };
    let template = move |_| offer(t("actors.export.template_name").into(), Vec::new());
    view! {
        <div class="downloads">
            <button type="button" class="button" on:click=export>{t("actors.export.csv")}</button>
            <button type="button" class="button button-quiet" on:click=template>{t("actors.export.template")}</button>
        </div>
        <super::super::widgets::Fold class="sheets-fold" summary=t("actors.export.sheets_summary")>
            <div class="downloads">
                <super::super::spreadsheet::SheetButtons what=SheetExport::Census label="actors.export.sheet" />
            </div>
        </super::super::widgets::Fold>
    }
}
