//! Spreadsheet downloads shared by the screens: the census (step 1), the action plan (step 3)
//! and the whole plan's workbook (« Partager »), as .ods (LibreOffice, the format the public
//! interoperability framework asks for, offered first) and .xlsx (Excel). The writers are a
//! part of their own, downloaded the first time one of these buttons is used.

use crate::browser;
use crate::parts::jobs::{self, SheetData, SheetExport};
use crate::state::{use_state, AppState, Notice};
use atelier_core::file::format::slug;
use atelier_core::i18n::{t, tf};
use atelier_core::workbook::Format;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Two buttons, « … (.ods) » and « … (.xlsx) », downloading `what`. `label` is the catalogue
/// key of the button's text, with a `{format}` placeholder.
#[component]
pub fn SheetButtons(what: SheetExport, label: &'static str) -> impl IntoView {
    let state = use_state();
    let busy = RwSignal::new(false);
    [Format::Ods, Format::Xlsx]
        .into_iter()
        .map(|format| {
            let text = tf(label, &[("format", &format_name(format))]);
            view! {
                <button type="button" class="button" disabled=busy aria-busy=move || busy.get().to_string()
                    on:click=move |_| export(state, what, format, busy)>{text}</button>
            }
        })
        .collect_view()
}

/// The format as the buttons name it.
fn format_name(format: Format) -> &'static str {
    match format {
        Format::Ods => t("share.sheets.ods"),
        Format::Xlsx => t("share.sheets.xlsx"),
    }
}

/// Writes `what` in `format` and offers it, saying so (or why not) in the notice area.
fn export(state: AppState, what: SheetExport, format: Format, busy: RwSignal<bool>) {
    let title = state
        .plan
        .with_untracked(|p| p.as_ref().map(|p| p.name.clone()))
        .unwrap_or_default();
    let data = SheetData {
        actors: state.actors.get_untracked(),
        actions: state.actions.get_untracked(),
        mobilisations: state.mobilisations.get_untracked(),
    };
    let stem = match what {
        SheetExport::Census => "share.sheets.census_file",
        SheetExport::ActionPlan => "share.sheets.actions_file",
        SheetExport::Workbook => "share.sheets.workbook_file",
    };
    let name = format!(
        "{}.{}",
        tf(
            stem,
            &[("plan", &slug(&title)), ("date", &browser::today())]
        ),
        format.extension()
    );
    busy.set(true);
    spawn_local(async move {
        let written = jobs::write_sheets(what, format, title, browser::now(), data).await;
        busy.set(false);
        let notice = match written {
            Err(_) => return state.part_failed(),
            Ok(Err(detail)) => Notice::error(t("share.sheets.failed"), vec![detail]),
            Ok(Ok(bytes)) => match browser::download_bytes(&name, format.mime(), &bytes) {
                Ok(()) => Notice::success(tf("share.sheets.downloaded", &[("name", &name)])),
                Err(_) => Notice::error(t("share.sheets.refused"), vec![]),
            },
        };
        state.notice.set(Some(notice));
    });
}

/// The id of every spreadsheet importer's file input (census in step 1, action plan in
/// step 3): a spreadsheet dropped on the window goes to the one on screen.
pub const IMPORTERS: [&str; 2] = ["import-csv-file", "import-actions-file"];

/// Whether a spreadsheet importer is on screen (it then takes dropped spreadsheets).
pub fn importer_on_screen() -> bool {
    let document = web_sys::window().and_then(|w| w.document());
    document.is_some_and(|d| IMPORTERS.iter().any(|id| d.get_element_by_id(id).is_some()))
}

/// Calls `on_file` with each spreadsheet (.csv, .ods, .xlsx, .xls) dropped on the window
/// while the calling component is mounted.
pub fn take_dropped_sheets(on_file: impl Fn(web_sys::File) + 'static) {
    let handle = window_event_listener(leptos::ev::drop, move |ev| {
        let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        let name = file.name().to_ascii_lowercase();
        if [".csv", ".ods", ".xlsx", ".xls"]
            .iter()
            .any(|e| name.ends_with(e))
        {
            ev.prevent_default();
            on_file(file);
        }
    });
    on_cleanup(move || handle.remove());
}
