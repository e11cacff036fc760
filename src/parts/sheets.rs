//! The spreadsheet jobs: workbooks written (part `sheets_write`: .ods and .xlsx writers) and
//! read (part `sheets_read`: calamine), and the action plan read back from CSV (part
//! `spreadsheets`, with the census CSV). Each writer or reader is downloaded the first time a
//! user asks for that format, never before (a CSV user never downloads calamine).

use super::jobs::{census_read, CensusRead};
use crate::browser::BrowserIds;
use atelier_core::action_csv::{self, ActionColumn, ActionImport};
use atelier_core::bilan;
use atelier_core::census::{self, ReadError};
use atelier_core::file::PlanFile;
use atelier_core::provenance::Stamp;
use atelier_core::sheets::{self, write::Properties, Sheet};
use atelier_core::workbook::{self, Format};
use atelier_core::{ActionSheet, Actor, Mobilisation};
use chrono::{DateTime, Utc};

/// What a spreadsheet export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetExport {
    /// The census (step 1), in the CSV's columns.
    Census,
    /// The action plan (step 3), in the action CSV's columns.
    ActionPlan,
    /// The whole plan: census, action plan, indicators and mobilisations, a sheet each.
    Workbook,
}

/// The plan's records a workbook is written from.
pub struct SheetData {
    pub actors: Vec<Actor>,
    pub actions: Vec<ActionSheet>,
    pub mobilisations: Vec<Mobilisation>,
}

/// A workbook read for an import: its sheets' names, the one read, and what it gave.
pub struct WorkbookRead<T> {
    pub sheets: Vec<String>,
    pub chosen: usize,
    pub read: T,
}

/// An action plan read back from a file, ready for the preview.
pub struct ActionsRead {
    pub import: ActionImport,
    /// For each row updating a fiche: each column it would change, old and new cell.
    pub changes: Vec<Vec<(ActionColumn, String, String)>>,
}

crate::lazy! {
    /// The yearly review (« bilan annuel ») of `year` as an OpenDocument text, made at `at`.
    /// In the writers' part: it shares their zip and XML code. Errors: the writer's message
    /// (not expected).
    pub fn write_bilan [sheets_write] (file: PlanFile, year: i32, at: DateTime<Utc>) -> Result<Vec<u8>, String> {
        let doc = bilan::bilan(&file, year);
        let title = doc.title.clone();
        bilan::odt::odt(&doc, &Properties { title, created: at })
    }

    /// `what` as a workbook in `format`, titled `title`, made at `at`. Errors: the writer's
    /// message (not expected).
    pub fn write_sheets [sheets_write] (what: SheetExport, format: Format, title: String, at: DateTime<Utc>, data: SheetData) -> Result<Vec<u8>, String> {
        write_now(what, format, Properties { title, created: at }, &data)
    }

    /// Reads a census from a workbook's sheet (`sheet`, or the first that looks like a
    /// census) and compares it with `existing`, as [`super::jobs::read_census`] does for CSV.
    /// Errors: every problem, one line each, worded for the user.
    pub fn read_census_workbook [sheets_read] (bytes: Vec<u8>, sheet: Option<usize>, existing: Vec<Actor>, stamp: Stamp) -> Result<WorkbookRead<CensusRead>, Vec<String>> {
        census_workbook(&bytes, sheet, &existing, &stamp)
    }

    /// Reads an action plan from a workbook's sheet (`sheet`, or the first with a title
    /// column) and says what each row would change among `existing`. Errors: as above.
    pub fn read_actions_workbook [sheets_read] (bytes: Vec<u8>, sheet: Option<usize>, existing: Vec<ActionSheet>, actors: Vec<Actor>) -> Result<WorkbookRead<ActionsRead>, Vec<String>> {
        actions_workbook(&bytes, sheet, &existing, &actors)
    }

    /// Reads an action plan from CSV bytes and says what each row would change.
    pub fn read_actions_csv [spreadsheets] (bytes: Vec<u8>, existing: Vec<ActionSheet>, actors: Vec<Actor>) -> Result<ActionsRead, Vec<String>> {
        actions_csv(&bytes, &existing, &actors)
    }
}

fn write_now(
    what: SheetExport,
    format: Format,
    properties: Properties,
    data: &SheetData,
) -> Result<Vec<u8>, String> {
    let SheetData {
        actors,
        actions,
        mobilisations,
    } = data;
    let tables = match what {
        SheetExport::Census => vec![workbook::census_table(actors)],
        SheetExport::ActionPlan => vec![action_csv::action_table(actions, actors)],
        SheetExport::Workbook => workbook::plan_tables(actors, actions, mobilisations),
    };
    workbook::write(&tables, &properties, format)
}

fn census_workbook(
    bytes: &[u8],
    sheet: Option<usize>,
    existing: &[Actor],
    stamp: &Stamp,
) -> Result<WorkbookRead<CensusRead>, Vec<String>> {
    let sheets = workbook_sheets(bytes)?;
    let chosen = sheet
        .unwrap_or_else(|| census::census_sheet(&sheets))
        .min(sheets.len() - 1);
    let import = census::read_census_sheet(&sheets[chosen], &mut BrowserIds)
        .map_err(|e| in_sheet(&sheets[chosen], e))?;
    let read = census_read(import, census::Encoding::Utf8, existing, stamp)?;
    Ok(WorkbookRead {
        sheets: names(&sheets),
        chosen,
        read,
    })
}

fn actions_workbook(
    bytes: &[u8],
    sheet: Option<usize>,
    existing: &[ActionSheet],
    actors: &[Actor],
) -> Result<WorkbookRead<ActionsRead>, Vec<String>> {
    let sheets = workbook_sheets(bytes)?;
    let chosen = sheet
        .unwrap_or_else(|| action_csv::action_sheet(&sheets))
        .min(sheets.len() - 1);
    let import = action_csv::read_action_sheet(&sheets[chosen], existing, actors, &mut BrowserIds)
        .map_err(|e| in_sheet(&sheets[chosen], e))?;
    Ok(WorkbookRead {
        sheets: names(&sheets),
        chosen,
        read: actions_read(import, existing, actors)?,
    })
}

fn actions_csv(
    bytes: &[u8],
    existing: &[ActionSheet],
    actors: &[Actor],
) -> Result<ActionsRead, Vec<String>> {
    let (text, _) = census::decode(bytes).map_err(|e| vec![e.to_string()])?;
    let table = census::csv_rows(&text).map_err(|e| vec![e.to_string()])?;
    let import = action_csv::read_action_plan(
        &table.headers,
        table.header_line,
        table.rows,
        existing,
        actors,
        &mut BrowserIds,
    )
    .map_err(|e| vec![e.to_string()])?;
    actions_read(import, existing, actors)
}

/// Every sheet of a workbook. Errors: the reader's, worded for the user.
fn workbook_sheets(bytes: &[u8]) -> Result<Vec<Sheet>, Vec<String>> {
    sheets::read_workbook(bytes).map_err(|e| vec![e.to_string()])
}

fn names(sheets: &[Sheet]) -> Vec<String> {
    sheets.iter().map(|s| s.name.clone()).collect()
}

/// A reading error, prefixed with the sheet it is about.
fn in_sheet(sheet: &Sheet, e: ReadError) -> Vec<String> {
    vec![atelier_core::i18n::tf(
        "errors.workbook.in_sheet",
        &[("sheet", &sheet.name), ("error", &e.to_string())],
    )]
}

/// The import checked (a row error refuses the file) and each update's changes.
fn actions_read(
    import: ActionImport,
    existing: &[ActionSheet],
    actors: &[Actor],
) -> Result<ActionsRead, Vec<String>> {
    let errors: Vec<String> = import
        .problems
        .iter()
        .filter(|p| p.severity == census::Severity::Error)
        .map(|p| p.to_string())
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let changes = import
        .rows
        .iter()
        .map(|row| {
            row.updates
                .and_then(|id| existing.iter().find(|a| a.id == id))
                .map(|stored| {
                    action_csv::action_changes(stored, &row.sheet, &import.columns, actors)
                })
                .unwrap_or_default()
        })
        .collect();
    Ok(ActionsRead { import, changes })
}
