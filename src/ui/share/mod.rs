//! Sharing without a server. [`SharePanel`] (in the conclusion) exports the plan, with or
//! without personal data, and makes a share link: the plan compressed into the URL fragment
//! after `#partage=`, which browsers never send to a server. [`ShareScreen`] opens such a link
//! as a read-only preview with « Enregistrer une copie ».

use crate::parts::jobs;
use crate::route::Route;
use crate::state::{use_state, Notice};
use atelier_core::file::PlanFile;
use atelier_core::i18n::{t, tf, tn};
use atelier_core::share::{self, ShareError, SHARE_PREFIX};
use leptos::prelude::*;
use leptos::task::spawn_local;

mod merge;

/// How many actors and fiches the preview lists before « … et N autres ».
const PREVIEW_ROWS: usize = 30;

#[component]
pub fn SharePanel() -> impl IntoView {
    let state = use_state();
    let (personal, set_personal) = signal(false);
    let (link, set_link) = signal(None::<String>);
    let download = move |anonymous: bool| state.download_plan(anonymous);
    let make_link = move |_| {
        let Some(file) = state.export_file() else {
            return;
        };
        let anonymous = !personal.get_untracked();
        spawn_local(async move {
            match jobs::encode_share(file, anonymous).await {
                Err(_) => state.part_failed(),
                Ok(Ok(code)) => {
                    let base = window().location().href().unwrap_or_default();
                    let base = base.split('#').next().unwrap_or_default().to_owned();
                    set_link.set(Some(format!("{base}#{SHARE_PREFIX}{code}")));
                    super::widgets::focus_later("share-link");
                }
                Ok(Err(e)) => {
                    set_link.set(None);
                    // The size message says it all (the limit, what to send instead).
                    let message = match e {
                        ShareError::TooLarge { .. } => e.to_string(),
                        other => tf("share.link_failed", &[("error", &other)]),
                    };
                    state.notice.set(Some(Notice::error(message, vec![])));
                }
            }
        });
    };
    view! {
        <section aria-labelledby="export-title">
            <h2 id="export-title">{t("share.title")}</h2>
            <p>{t("share.intro")}</p>
            <div class="toolbar">
                <button type="button" class="button button-primary" on:click=move |_| download(false)>{t("share.export")}</button>
                <button type="button" class="button" on:click=move |_| download(true)>{t("share.export_anonymous")}</button>
                <a class="button" href=Route::Report.hash()>{t("share.report")}</a>
                <a class="button" href=Route::Projector(1).href()>{t("share.projector")}</a>
            </div>
            <h3>{t("share.sheets.workbook_title")}</h3>
            <p>{t("share.sheets.workbook_lead")}</p>
            <div class="downloads">
                <super::spreadsheet::SheetButtons what=crate::parts::jobs::SheetExport::Workbook label="share.sheets.workbook" />
            </div>
            <h3>{t("share.link.title")}</h3>
            <p>{t("share.link.intro")}</p>
            <div class="field field-check">
                <input id="share-personal" type="checkbox" prop:checked=personal
                    on:change=move |ev| { set_personal.set(event_target_checked(&ev)); set_link.set(None); } />
                <label for="share-personal">{t("share.link.personal")}</label>
            </div>
            <button type="button" class="button" on:click=make_link>{t("share.link.create")}</button>
            {move || link.get().map(|l| view! {
                <div class="field field-wide share-link">
                    <label for="share-link">{if personal.get_untracked() { tf("share.link.label_personal", &[("n", &l.len())]) } else { tf("share.link.label_anonymous", &[("n", &l.len())]) }}</label>
                    <input id="share-link" type="text" readonly value=l.clone()
                        on:focus=|ev| { let input: web_sys::HtmlInputElement = event_target(&ev); input.select(); } />
                </div>
            })}
        </section>
    }
}

crate::lazy! {
    /// The export button of the in-memory banner (a browser that refuses IndexedDB); with
    /// the plan-file jobs, which the export needs anyway.
    pub fn memory_export [plan_file] () -> crate::ui::lazy::Draw {
        || {
            let state = use_state();
            // Offered once there is a plan to export.
            (move || {
                state.plan.with(Option::is_some).then(|| view! {
                    <button type="button" class="button button-primary"
                        on:click=move |_| state.download_plan(false)>{t("common.memory.export")}</button>
                })
            })
            .into_any()
        }
    }
}

crate::lazy! {
    /// The share-link preview, downloaded on first use with the other plan-file jobs: a link
    /// is opened (decoded) here and made (encoded) by [`jobs::encode_share`].
    pub fn screen [plan_file] () -> crate::ui::lazy::Draw {
        || {
            let state = use_state();
            move || match state.route.get() {
                Route::Merge => view! { <merge::MergeScreen /> }.into_any(),
                _ => view! { <ShareScreen /> }.into_any(),
            }
        }
        .into_any()
    }
}

/// A share link being opened: the plan it carries, read-only, and « Enregistrer une copie ».
#[component]
pub fn ShareScreen() -> impl IntoView {
    let state = use_state();
    let hash = window().location().hash().unwrap_or_default();
    let decoded: Result<PlanFile, String> = share::decode(&hash).map_err(|e| e.to_string());
    match decoded {
        Err(e) => view! {
            <h1 tabindex="-1">{t("share.preview.unreadable")}</h1>
            <p role="alert">{e}</p>
            <p>{t("share.preview.unreadable_help")}</p>
            <a class="button" href=Route::Home.hash()>{t("share.preview.go_home")}</a>
        }
        .into_any(),
        Ok(file) => {
            let copy = file.clone();
            // Followed, not read once: a link opened in a new tab shows before the plan loads.
            let plan_of_link = file.plan.clone();
            let mergeable = move || {
                state.plan.with(|p| {
                    p.as_ref()
                        .is_some_and(|p| atelier_core::merge::identity::is_copy(p, &plan_of_link))
                })
            };
            let merging = file.clone();
            let ter = &file.plan.territory;
            let more = |n: usize| {
                (n > PREVIEW_ROWS).then(|| view! { <p class="hint">{tn("share.preview.more", (n - PREVIEW_ROWS) as u64, &[])}</p> })
            };
            view! {
                <h1 tabindex="-1">{tf("share.preview.title", &[("name", &file.plan.name)])}</h1>
                <p class="lead">{t("share.preview.lead")}</p>
                <p>
                    <button type="button" class="button button-primary" on:click=move |_| {
                        state.import_plan_as_new(copy.clone());
                        crate::ui::navigate(Route::Context);
                    }>{t("share.preview.save_copy")}</button>
                    {move || mergeable().then(|| {
                        let merging = merging.clone();
                        view! {
                            <button type="button" class="button" on:click=move |_| {
                                state.pending_merge.set(Some((t("share.merge.link_name").to_owned(), merging.clone())));
                                crate::ui::navigate(Route::Merge);
                            }>{t("share.preview.merge")}</button>
                        }
                    })}
                </p>
                <ul class="kpis">
                    <li class="kpi">{if ter.name.is_empty() { t("share.preview.no_territory").to_owned() } else { format!("{} ({})", ter.name, ter.kind.label()) }}</li>
                    <li class="kpi">{tn("share.preview.actors", file.actors.len() as u64, &[])}</li>
                    <li class="kpi">{tn("share.preview.mobilisations", file.mobilisations.len() as u64, &[])}</li>
                    <li class="kpi">{tn("share.preview.actions", file.actions.len() as u64, &[])}</li>
                    {file.is_anonymised().then(|| view! { <li class="kpi">{t("share.preview.anonymised")}</li> })}
                </ul>
                <h2>{t("share.preview.actors_title")}</h2>
                <ul class="preview-list">{file.actors.iter().take(PREVIEW_ROWS).map(|a| view! {
                    <li><strong>{a.name.clone()}</strong>{format!(" — {}, {}", a.family.label(), a.engagement.label())}</li>
                }).collect_view()}</ul>
                {more(file.actors.len())}
                <h2>{t("share.preview.actions_title")}</h2>
                <ul class="preview-list">{file.actions.iter().take(PREVIEW_ROWS).map(|a| view! {
                    <li><strong>{a.title.clone()}</strong>{format!(" — {}, {}", a.axis.label(), a.status.label())}</li>
                }).collect_view()}</ul>
                {more(file.actions.len())}
            }.into_any()
        }
    }
}
