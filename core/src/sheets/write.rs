//! Writing workbooks: one or more [`Table`]s, each a sheet, with typed cells — days as dates
//! in the French way, euros as numbers with a currency format, counts as numbers — a frozen
//! bold header row, columns as wide as their content, and the plan's name and the export's
//! date in the document's properties. [`xlsx`] writes Office Open XML (with
//! `rust_xlsxwriter`); [`super::ods::ods`] OpenDocument.
//!
//! A text is always a text cell, written as it is: a value starting with `=` or `+` is never
//! read as a formula (and keeps its first character, unlike the CSV's apostrophe).

use chrono::{DateTime, NaiveDate, Utc};

/// One typed cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    /// A count or a measure.
    Number(f64),
    /// An amount in euros.
    Euros(f64),
    /// A day.
    Date(NaiveDate),
}

impl Value {
    /// A text cell, or an empty one for an empty text.
    pub fn text(s: impl Into<String>) -> Value {
        let s = s.into();
        if s.is_empty() {
            Value::Empty
        } else {
            Value::Text(s)
        }
    }

    /// How many characters the cell shows, to size its column.
    fn width(&self) -> usize {
        match self {
            Value::Empty => 0,
            Value::Text(s) => s.lines().map(|l| l.chars().count()).max().unwrap_or(0),
            Value::Number(n) => format!("{n}").len(),
            Value::Euros(n) => format!("{n:.0}").len() + 3,
            Value::Date(_) => 10,
        }
    }
}

/// One sheet to write.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The sheet's name (at most 31 characters, without `[]:*?/\`).
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    /// Each column's width in characters: its widest cell or header, between 6 and 60.
    pub fn widths(&self) -> Vec<f64> {
        (0..self.headers.len())
            .map(|c| {
                let widest = self
                    .rows
                    .iter()
                    .filter_map(|r| r.get(c))
                    .map(Value::width)
                    .chain([self.headers[c].chars().count()])
                    .max()
                    .unwrap_or(0);
                (widest + 2).clamp(6, 60) as f64
            })
            .collect()
    }
}

/// What the document says of itself: its title (the plan's name) and when it was made.
#[derive(Clone, Debug, PartialEq)]
pub struct Properties {
    pub title: String,
    pub created: DateTime<Utc>,
}

/// A sheet name a spreadsheet accepts: the forbidden characters replaced, 31 characters.
pub fn sheet_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect();
    if clean.trim().is_empty() {
        "-".into()
    } else {
        clean
    }
}

/// The number format of euros, whole (« 12 500 € »).
const EUROS: &str = "#,##0\\ \"€\"";
/// The number format of days (« 30/06/2027 »).
const DAY: &str = "dd/mm/yyyy";

/// The tables as an .xlsx workbook. Errors: the writer's message (not expected with tables
/// built by this crate).
pub fn xlsx(tables: &[Table], properties: &Properties) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let created =
        ExcelDateTime::from_timestamp(properties.created.timestamp()).map_err(|e| e.to_string())?;
    book.set_properties(
        &DocProperties::new()
            .set_title(&properties.title)
            .set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold();
    let euros = Format::new().set_num_format(EUROS);
    let day = Format::new().set_num_format(DAY);
    let wrap = Format::new().set_text_wrap();
    for table in tables {
        let sheet = book.add_worksheet();
        sheet
            .set_name(sheet_name(&table.name))
            .map_err(|e| e.to_string())?;
        for (c, header) in table.headers.iter().enumerate() {
            sheet
                .write_string_with_format(0, c as u16, header, &bold)
                .map_err(|e| e.to_string())?;
        }
        sheet.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
        for (c, width) in table.widths().into_iter().enumerate() {
            sheet
                .set_column_width(c as u16, width)
                .map_err(|e| e.to_string())?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, value) in row.iter().enumerate() {
                let c = c as u16;
                let written = match value {
                    Value::Empty => continue,
                    Value::Text(s) if s.contains('\n') => {
                        sheet.write_string_with_format(r, c, s, &wrap).map(drop)
                    }
                    Value::Text(s) => sheet.write_string(r, c, s).map(drop),
                    Value::Number(n) => sheet.write_number(r, c, *n).map(drop),
                    Value::Euros(n) => sheet.write_number_with_format(r, c, *n, &euros).map(drop),
                    Value::Date(d) => {
                        use chrono::Datelike;
                        let date = ExcelDateTime::from_ymd(
                            d.year() as u16,
                            d.month() as u8,
                            d.day() as u8,
                        )
                        .map_err(|e| e.to_string())?;
                        sheet
                            .write_datetime_with_format(r, c, &date, &day)
                            .map(drop)
                    }
                };
                written.map_err(|e| e.to_string())?;
            }
        }
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            name: "Plan d'actions: 2027".into(),
            headers: vec![
                "Intitulé".into(),
                "Échéance".into(),
                "Budget".into(),
                "Cible".into(),
            ],
            rows: vec![vec![
                Value::text("=Réemploi + dons"),
                Value::Date(NaiveDate::from_ymd_opt(2027, 6, 30).unwrap()),
                Value::Euros(12_500.0),
                Value::Number(80.0),
            ]],
        }
    }

    #[test]
    fn an_xlsx_holds_typed_cells_that_read_back() {
        let bytes = xlsx(
            &[table()],
            &Properties {
                title: "Stratégie NR".into(),
                created: DateTime::from_timestamp(1_790_000_000, 0).unwrap(),
            },
        )
        .unwrap();
        let sheets = super::super::read_workbook(&bytes).unwrap();
        assert_eq!(sheets[0].name, "Plan d'actions- 2027");
        let (_, row) = &sheets[0].rows[1];
        use super::super::Cell;
        assert_eq!(
            row[0],
            Cell::Text("=Réemploi + dons".into()),
            "text, not a formula"
        );
        assert_eq!(
            row[1],
            Cell::Date(NaiveDate::from_ymd_opt(2027, 6, 30).unwrap())
        );
        assert_eq!(row[2], Cell::Number(12_500.0));
    }

    #[test]
    fn columns_fit_their_content_within_bounds() {
        let t = table();
        let widths = t.widths();
        assert_eq!(widths[0], 18.0);
        assert_eq!(widths[3], 7.0);
        assert_eq!(sheet_name("a/b[c]"), "a-b-c-");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    }
}
