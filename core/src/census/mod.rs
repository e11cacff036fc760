//! The actor census (« tableau de recensement ») as a spreadsheet: reading the kit's six
//! columns from a CSV file as French spreadsheets save it.
//!
//! Flow: [`decode`] turns bytes into text, [`read_census`] turns text into actors plus a list of
//! [`Problem`]s. Nothing here stores anything: the caller shows the problems and decides.

mod decode;
mod duplicates;
mod export;
mod import;

pub use decode::{decode, DecodeError, Encoding};
pub use duplicates::{Duplicate as DuplicateOf, DuplicateIndex};
pub(crate) use export::unneutralise;
pub use export::{cell as export_cell, write_census};
pub(crate) use export::{finish_spreadsheet, neutralise, spreadsheet_writer};
pub use import::{
    census_sheet, csv_rows, merge_row, read_census, read_census_sheet, row_fields, CensusImport,
    Column, CsvRows, ReadError,
};

use crate::i18n::tf;
use std::fmt;

/// How serious a problem found in a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The row cannot be imported as it is; the import is refused until it is fixed.
    Error,
    /// Imported, but something was guessed or left out; the user should check.
    Warning,
}

/// A problem found while reading a file, located as precisely as possible.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// 1-based line in the file where the record starts (the header is line 1).
    pub line: Option<u64>,
    /// Header of the column concerned, as written in the file.
    pub column: Option<String>,
    /// What is wrong, in French, for the user.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = &self.message;
        let text = match (self.line, &self.column) {
            (Some(line), Some(column)) => tf(
                "errors.census.at_line_column",
                &[("line", &line), ("column", column), ("message", message)],
            ),
            (Some(line), None) => tf(
                "errors.census.at_line",
                &[("line", &line), ("message", message)],
            ),
            (None, Some(column)) => tf(
                "errors.census.at_column",
                &[("column", column), ("message", message)],
            ),
            (None, None) => message.clone(),
        };
        f.write_str(&text)
    }
}
