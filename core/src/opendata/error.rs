//! Why an open-data file cannot be read, and where.

use crate::i18n::{t, tf};
use std::fmt;

/// Why an open-data file cannot be read. Each error says what is wrong and where (a line is
/// 1-based and counts the header as line 1; a byte is 1-based from the file's first byte), and
/// its [`Display`](fmt::Display) is the message for the user, in the display language
/// (catalogue `opendata`, `opendata.error.*`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenDataError {
    /// No header line: the file is empty (or only blank lines).
    Empty,
    /// The file starts with a UTF-16 byte-order mark.
    Utf16,
    /// The file is a spreadsheet (an Excel or OpenDocument zip), not CSV.
    Spreadsheet,
    /// The file is a JSON document, e.g. an exported plan.
    Json,
    /// The file is an actor census in the kit's columns, which the census import reads.
    Census,
    /// The headers are neither ADEME's nor the inclusion places' (`found`: the first headers
    /// of the file, as written).
    UnknownDataset {
        /// The file's headers, trimmed.
        found: Vec<String>,
    },
    /// The first line is longer than [`super::reader::MAX_HEADER_BYTES`] without a line end:
    /// not a CSV file.
    HeaderTooLong,
    /// A byte sequence that is not UTF-8, at this byte and line.
    NotUtf8 {
        /// 1-based byte offset of the first bad byte.
        byte: u64,
        /// 1-based line of that byte.
        line: u64,
    },
    /// The file ends in the middle of a UTF-8 character (it was cut short), at this byte.
    TruncatedCharacter {
        /// 1-based byte offset where the cut character starts.
        byte: u64,
    },
    /// The record starting at `line` has `found` fields where the header has `expected`.
    FieldCount {
        /// 1-based line where the record starts.
        line: u64,
        /// Its number of fields.
        found: usize,
        /// The header's.
        expected: usize,
    },
    /// The record starting at `line` is longer than [`super::reader::MAX_RECORD_BYTES`]: most
    /// likely a quote opened and never closed.
    RecordTooLong {
        /// 1-based line where the record starts.
        line: u64,
    },
    /// The record starting at `line` has more than [`super::reader::MAX_FIELDS`] fields.
    TooManyFields {
        /// 1-based line where the record starts.
        line: u64,
    },
    /// The file is larger than [`super::reader::MAX_FILE_BYTES`].
    TooLarge,
}

impl fmt::Display for OpenDataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use super::reader::{MAX_FIELDS, MAX_FILE_BYTES, MAX_HEADER_BYTES, MAX_RECORD_BYTES};
        let text = match self {
            OpenDataError::Empty => t("opendata.error.empty").to_owned(),
            OpenDataError::Utf16 => t("opendata.error.utf16").to_owned(),
            OpenDataError::Spreadsheet => t("opendata.error.spreadsheet").to_owned(),
            OpenDataError::Json => t("opendata.error.json").to_owned(),
            OpenDataError::Census => t("opendata.error.census").to_owned(),
            OpenDataError::UnknownDataset { found } => {
                const SHOWN: usize = 8;
                let mut list = found
                    .iter()
                    .take(SHOWN)
                    .map(|h| tf("opendata.quoted", &[("text", h)]))
                    .collect::<Vec<_>>()
                    .join(", ");
                if found.len() > SHOWN {
                    list.push_str(", …");
                }
                tf(
                    "opendata.error.unknown_dataset",
                    &[
                        ("found", &list),
                        ("ademe", &super::ademe::REQUIRED.join(", ")),
                        ("inclusion", &super::inclusion::REQUIRED.join(", ")),
                    ],
                )
            }
            OpenDataError::HeaderTooLong => tf(
                "opendata.error.header_too_long",
                &[("limit", &(MAX_HEADER_BYTES / 1024))],
            ),
            OpenDataError::NotUtf8 { byte, line } => {
                tf("opendata.error.not_utf8", &[("byte", byte), ("line", line)])
            }
            OpenDataError::TruncatedCharacter { byte } => {
                tf("opendata.error.truncated_character", &[("byte", byte)])
            }
            OpenDataError::FieldCount {
                line,
                found,
                expected,
            } => tf(
                "opendata.error.field_count",
                &[("line", line), ("found", found), ("expected", expected)],
            ),
            OpenDataError::RecordTooLong { line } => tf(
                "opendata.error.record_too_long",
                &[("line", line), ("limit", &(MAX_RECORD_BYTES / 1024 / 1024))],
            ),
            OpenDataError::TooManyFields { line } => tf(
                "opendata.error.too_many_fields",
                &[("line", line), ("limit", &MAX_FIELDS)],
            ),
            OpenDataError::TooLarge => tf(
                "opendata.error.too_large",
                &[("limit", &(MAX_FILE_BYTES / 1024 / 1024))],
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for OpenDataError {}
