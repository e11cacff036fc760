//! Spreadsheet files — the census and the action plan as collectivités keep them, in
//! LibreOffice (.ods, the format the public interoperability framework asks for) or Excel
//! (.xlsx, and the .xls of older versions) — read into rows of typed cells with `calamine`,
//! and written with `rust_xlsxwriter` and [`ods`].
//!
//! Reading never trusts the file: an encrypted workbook, a file that is not one, or an empty
//! one each get an error that says which ([`SheetError`]).

pub mod ods;
mod read;
pub mod write;

pub use read::{read_workbook, Cell, Sheet};

use crate::i18n::t;
use std::fmt;

/// What a file picked as a spreadsheet is, from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Text: CSV (or anything that is not a workbook).
    Text,
    /// A zip container: .xlsx or .ods.
    Zip,
    /// An OLE compound file: .xls (Excel 97–2003), or an Office file encrypted with a
    /// password.
    Compound,
}

/// The kind of file `bytes` start like.
pub fn kind_of(bytes: &[u8]) -> Kind {
    if bytes.starts_with(b"PK\x03\x04") {
        Kind::Zip
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Kind::Compound
    } else {
        Kind::Text
    }
}

/// Why a workbook could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetError {
    /// Protected by a password: the app cannot open it.
    Encrypted,
    /// A zip archive that is not an .xlsx or .ods the reader understands (cut short, damaged,
    /// or a zip of something else). The reader's own words are not shown: they name zip
    /// internals a user cannot act on.
    Damaged,
    /// A compound file (old Excel .xls) the reader could not read.
    OldExcel,
    /// Plain text, not a workbook.
    Text,
    /// A workbook with no cell filled in any sheet.
    Empty,
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SheetError::Encrypted => f.write_str(t("errors.sheet.encrypted")),
            SheetError::Damaged => f.write_str(t("errors.sheet.damaged")),
            SheetError::OldExcel => f.write_str(t("errors.sheet.old_excel")),
            SheetError::Text => f.write_str(t("errors.sheet.text")),
            SheetError::Empty => f.write_str(t("errors.sheet.empty")),
        }
    }
}
