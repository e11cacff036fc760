//! Workbook bytes → sheets of typed cells (with `calamine`).

use super::{kind_of, Kind, SheetError};
use chrono::{NaiveDate, NaiveDateTime};
use std::io::Cursor;

/// One cell, typed as the spreadsheet holds it: a formula gives its cached value (what the
/// spreadsheet showed when saved).
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date cell (a serial number with a date format, read as the day it shows).
    Date(NaiveDate),
    DateTime(NaiveDateTime),
    /// A formula whose value is an error (`#DIV/0!`…).
    Error,
}

impl Cell {
    /// The cell as text, for readers that take text (the census): a date as `30/06/2027`
    /// (read back by [`crate::text::parse_sheet_day`]), a whole number without decimals.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty | Cell::Error => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            // i18n: not UI (read back by the census reader's yes/no columns)
            Cell::Bool(b) => if *b { "true" } else { "false" }.into(),
            Cell::Date(d) => crate::text::sheet_day(*d),
            Cell::DateTime(t) => crate::text::sheet_day(t.date()),
        }
    }

    /// Whether the cell holds nothing (or only spaces).
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// One sheet of a workbook.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub name: String,
    /// The rows that hold something, with their 1-based row number; cells start at column A
    /// (so that a cell's index is its column: 0 is A).
    pub rows: Vec<(u32, Vec<Cell>)>,
}

impl Sheet {
    /// Whether no cell of the sheet holds anything.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// Reads every sheet of an .xlsx, .ods or .xls workbook. Errors: encrypted, a damaged zip, an
/// unreadable .xls, plain text, or no cell filled anywhere.
pub fn read_workbook(bytes: &[u8]) -> Result<Vec<Sheet>, SheetError> {
    use calamine::Reader;
    let cursor = || Cursor::new(bytes.to_vec());
    let sheets = match kind_of(bytes) {
        Kind::Zip => match calamine::Xlsx::new(cursor()) {
            Ok(mut book) => sheets_of(&mut book),
            Err(_) => match calamine::Ods::new(cursor()) {
                Ok(mut book) => sheets_of(&mut book),
                Err(calamine::OdsError::Password) => return Err(SheetError::Encrypted),
                Err(_) => return Err(SheetError::Damaged),
            },
        },
        Kind::Compound => match calamine::Xls::new(cursor()) {
            Ok(mut book) => sheets_of(&mut book),
            Err(calamine::XlsError::Password) => return Err(SheetError::Encrypted),
            // Excel and LibreOffice put an encrypted .xlsx in a compound file with an
            // « EncryptionInfo » stream (its name in UTF-16).
            // i18n: not UI (a stream name of the file format)
            Err(_) if contains_utf16(bytes, "EncryptionInfo") => return Err(SheetError::Encrypted),
            Err(_) => return Err(SheetError::OldExcel),
        },
        Kind::Text => return Err(SheetError::Text),
    };
    if sheets.iter().all(Sheet::is_empty) {
        return Err(SheetError::Empty);
    }
    Ok(sheets)
}

fn sheets_of<RS: std::io::Read + std::io::Seek, R: calamine::Reader<RS>>(
    book: &mut R,
) -> Vec<Sheet> {
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let rows = match book.worksheet_range(&name) {
                Ok(range) => rows_of(&range),
                // A chart sheet or a damaged one: nothing to read in it.
                Err(_) => Vec::new(),
            };
            Sheet { name, rows }
        })
        .collect()
}

fn rows_of(range: &calamine::Range<calamine::Data>) -> Vec<(u32, Vec<Cell>)> {
    let Some((top, left)) = range.start() else {
        return Vec::new();
    };
    range
        .rows()
        .enumerate()
        .filter_map(|(i, row)| {
            let mut cells = vec![Cell::Empty; left as usize];
            cells.extend(row.iter().map(cell));
            (!cells.iter().all(Cell::is_blank)).then_some((top + i as u32 + 1, cells))
        })
        .collect()
}

fn cell(data: &calamine::Data) -> Cell {
    use calamine::Data;
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) => match d.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => Cell::Date(t.date()),
            Some(t) => Cell::DateTime(t),
            None => Cell::Number(d.as_f64()),
        },
        Data::DateTimeIso(s) => match s.parse::<NaiveDateTime>() {
            Ok(t) => Cell::DateTime(t),
            Err(_) => s
                .get(..10)
                .and_then(|d| d.parse().ok())
                .map_or_else(|| Cell::Text(s.clone()), Cell::Date),
        },
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(_) => Cell::Error,
    }
}

/// Whether `bytes` hold `name` written in UTF-16 (little-endian), as compound files name
/// their streams.
fn contains_utf16(bytes: &[u8], name: &str) -> bool {
    let needle: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    memchr::memmem::find(bytes, &needle).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO_SHEETS: &[u8] =
        include_bytes!("../../../tests/fixtures/recensement-deux-feuilles.xlsx");
    const TWO_SHEETS_ODS: &[u8] =
        include_bytes!("../../../tests/fixtures/recensement-deux-feuilles.ods");

    #[test]
    fn dates_numbers_formulas_and_text_read_as_such_in_both_formats() {
        for bytes in [TWO_SHEETS, TWO_SHEETS_ODS] {
            let sheets = read_workbook(bytes).unwrap();
            assert_eq!(
                sheets.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
                ["Lisez-moi", "Acteurs"]
            );
            let actors = &sheets[1];
            let (line, envie) = &actors.rows[1];
            assert_eq!(*line, 2);
            assert_eq!(envie[0], Cell::Text("Envie 35".into()));
            assert_eq!(envie[3], Cell::Number(2.0));
            assert_eq!(
                envie[4],
                Cell::Date(NaiveDate::from_ymd_opt(2026, 3, 12).unwrap()),
                "a date cell is a date, not a serial number"
            );
            assert_eq!(envie[4].text(), "12/03/2026");
            let (_, repair) = &actors.rows[2];
            assert_eq!(
                repair[0],
                Cell::Text("Repair café des Tilleuls".into()),
                "a formula gives its value"
            );
            assert_eq!(repair[5].text(), "+33 6 12 34 56 78");
        }
    }

    #[test]
    fn what_is_not_a_workbook_says_so() {
        assert_eq!(read_workbook(b"Nom;Type\nA;B\n"), Err(SheetError::Text));
        let cut = read_workbook(b"PK\x03\x04 not really a zip").unwrap_err();
        assert_eq!(cut, SheetError::Damaged);
        // What the user reads names no zip internals (calamine says « EOCD »).
        let said = cut.to_string();
        assert!(
            said.contains(".xlsx ou .ods") && !said.contains("EOCD"),
            "{said}"
        );
        let mut compound = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        compound.extend(vec![0; 600]);
        compound.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(read_workbook(&compound), Err(SheetError::Encrypted));
    }
}
