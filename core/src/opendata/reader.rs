//! Streaming CSV reading of open-data files: bytes in, chunk by chunk, mapped and filtered
//! rows out. Parsing is `csv-core`'s (push-based, no allocation of its own); this module adds
//! UTF-8 checking across chunk boundaries, line numbers, limits, and the datasets' headers.

use super::{ademe, inclusion, Dataset, OpenDataError, Row};
use chrono::NaiveDate;
use csv_core::ReadRecordResult;

/// The largest file accepted: 200 MB (a region's ADEME export is tens of MB).
pub const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;
/// The longest first line accepted before a line end: 64 KiB.
pub const MAX_HEADER_BYTES: usize = 64 * 1024;
/// The longest record accepted: 1 MiB. Real rows are under 10 KiB; a longer one is almost
/// always a quote opened and never closed, which would otherwise swallow the whole file.
pub const MAX_RECORD_BYTES: usize = 1024 * 1024;
/// The most fields a record may have.
pub const MAX_FIELDS: usize = 1000;

/// What a finished read found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// The dataset the header named.
    pub dataset: Dataset,
    /// Bytes read, BOM included.
    pub bytes: u64,
    /// Data rows read (the header excluded), kept or not.
    pub rows: u64,
    /// Rows the filter kept (those pushed to `out`).
    pub kept: u64,
    /// Rows left out because they have no id or no name.
    pub skipped: u64,
    /// The line of the first of them.
    pub first_skipped_line: Option<u64>,
    /// The most recent row date of the file (rows kept or not): a hint of the file's date.
    pub newest: Option<NaiveDate>,
}

/// Recognises an open-data file by its header line (UTF-8, with or without BOM, its line end
/// or not; fields separated by `,`, `;` or tab, quoted or not). `None` for any other file.
pub fn detect(header_line: &str) -> Option<Dataset> {
    let line = header_line.trim_start_matches('\u{feff}');
    let line = line.lines().next().unwrap_or("");
    let delimiter = delimiter_of(line.as_bytes());
    let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let mut out = vec![0u8; line.len() + 1];
    let mut ends = vec![0usize; line.len() + 2];
    let mut input = line.as_bytes();
    let (mut nout, mut nend) = (0, 0);
    // An empty input tells the parser the line has ended; it then returns the record.
    for _ in 0..3 {
        let (res, nin, o, e) = reader.read_record(input, &mut out[nout..], &mut ends[nend..]);
        input = &input[nin..];
        nout += o;
        nend += e;
        if res != ReadRecordResult::InputEmpty {
            break;
        }
    }
    let text = std::str::from_utf8(&out[..nout]).ok()?;
    let headers = split(text, &ends[..nend]);
    Schema::detect(&headers).map(|s| s.dataset())
}

/// The delimiter of a header line: the most frequent of `,`, `;` and tab outside quotes;
/// `,` when none appears.
fn delimiter_of(line: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// The fields of a record's text, cut at its end positions.
fn split<'a>(text: &'a str, ends: &[usize]) -> Vec<&'a str> {
    let mut start = 0;
    ends.iter()
        .map(|&end| {
            let field = text.get(start..end).unwrap_or("");
            start = end;
            field
        })
        .collect()
}

/// The columns of a recognised dataset.
enum Schema {
    Ademe(ademe::Columns),
    Inclusion(inclusion::Columns),
}

impl Schema {
    /// Recognises the headers (case and surrounding spaces ignored).
    fn detect(headers: &[&str]) -> Option<Schema> {
        let lower: Vec<String> = headers
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
            .collect();
        ademe::Columns::new(&lower)
            .map(Schema::Ademe)
            .or_else(|| inclusion::Columns::new(&lower).map(Schema::Inclusion))
    }

    fn dataset(&self) -> Dataset {
        match self {
            Schema::Ademe(_) => Dataset::AdemeCircular,
            Schema::Inclusion(_) => Dataset::InclusionPlaces,
        }
    }

    fn row(&self, fields: &[&str], line: u64) -> Option<Row> {
        match self {
            Schema::Ademe(c) => ademe::row(c, fields, line),
            Schema::Inclusion(c) => inclusion::row(c, fields, line),
        }
    }
}

/// Checks that a stream of bytes is UTF-8, whatever the chunk boundaries, and counts lines.
#[derive(Default)]
struct Utf8Check {
    /// The start of a character cut by a chunk boundary (at most 3 bytes).
    pending: Vec<u8>,
    /// Bytes checked, `pending` excluded.
    checked: u64,
    /// Line ends (`\n`) in the bytes checked.
    newlines: u64,
}

impl Utf8Check {
    fn check(&mut self, mut bytes: &[u8]) -> Result<(), OpenDataError> {
        if let Some(&lead) = self.pending.first() {
            let need: usize = match lead {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            let take = need.saturating_sub(self.pending.len()).min(bytes.len());
            self.pending.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
            if self.pending.len() < need {
                return Ok(());
            }
            if std::str::from_utf8(&self.pending).is_err() {
                return Err(OpenDataError::NotUtf8 {
                    byte: self.checked + 1,
                    line: self.newlines + 1,
                });
            }
            self.checked += need as u64;
            self.pending.clear();
        }
        match std::str::from_utf8(bytes) {
            Ok(_) => {
                self.checked += bytes.len() as u64;
                self.newlines += count_newlines(bytes);
                Ok(())
            }
            Err(e) => {
                let valid = e.valid_up_to();
                let newlines = count_newlines(&bytes[..valid]);
                if e.error_len().is_some() {
                    return Err(OpenDataError::NotUtf8 {
                        byte: self.checked + valid as u64 + 1,
                        line: self.newlines + newlines + 1,
                    });
                }
                self.checked += valid as u64;
                self.newlines += newlines;
                self.pending = bytes[valid..].to_vec();
                Ok(())
            }
        }
    }

    /// At the end of the file: a character left cut is an error.
    fn finish(&self) -> Result<(), OpenDataError> {
        if self.pending.is_empty() {
            Ok(())
        } else {
            Err(OpenDataError::TruncatedCharacter {
                byte: self.checked + 1,
            })
        }
    }
}

fn count_newlines(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

/// A streaming reader of one open-data file.
///
/// Push the file's bytes with [`Reader::push`] in chunks of any size, then call
/// [`Reader::finish`]. Rows are mapped as they are read and handed to `keep`; those it keeps
/// are appended to `out`, the others dropped at once. The first line must be a known
/// dataset's header ([`detect`]). After an error, every later call returns the same error.
///
/// Memory: the kept rows, one record (at most [`MAX_RECORD_BYTES`]), and the start of the
/// file until its first line end.
pub struct Reader {
    bytes: u64,
    utf8: Utf8Check,
    /// The file's first bytes, held until the first line end (to choose the delimiter).
    start: Vec<u8>,
    csv: Option<csv_core::Reader>,
    schema: Option<Schema>,
    /// Fields of the header.
    width: usize,
    record: Vec<u8>,
    record_len: usize,
    ends: Vec<usize>,
    ends_len: usize,
    /// Whether a record has started, and its first line.
    in_record: bool,
    record_line: u64,
    rows: u64,
    kept: u64,
    skipped: u64,
    first_skipped_line: Option<u64>,
    newest: Option<NaiveDate>,
    failed: Option<OpenDataError>,
}

impl Default for Reader {
    fn default() -> Self {
        Self::new()
    }
}

impl Reader {
    /// A reader waiting for the file's first bytes.
    pub fn new() -> Self {
        Reader {
            bytes: 0,
            utf8: Utf8Check::default(),
            start: Vec::new(),
            csv: None,
            schema: None,
            width: 0,
            record: vec![0; 4096],
            record_len: 0,
            ends: vec![0; 64],
            ends_len: 0,
            in_record: false,
            record_line: 1,
            rows: 0,
            kept: 0,
            skipped: 0,
            first_skipped_line: None,
            newest: None,
            failed: None,
        }
    }

    /// The dataset, once the header has been read.
    pub fn dataset(&self) -> Option<Dataset> {
        self.schema.as_ref().map(Schema::dataset)
    }

    /// Bytes pushed so far, and rows read and kept: for a progress bar.
    pub fn progress(&self) -> (u64, u64, u64) {
        (self.bytes, self.rows, self.kept)
    }

    /// Reads the next `bytes` of the file (a chunk of any size, cut anywhere). Complete rows
    /// are mapped and passed to `keep`; those it keeps are appended to `out`.
    ///
    /// Errors: see [`OpenDataError`]; the header is checked as soon as its line is complete.
    pub fn push(
        &mut self,
        bytes: &[u8],
        keep: impl Fn(&Row) -> bool,
        out: &mut Vec<Row>,
    ) -> Result<(), OpenDataError> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        let result = self.push_inner(bytes, &keep, out);
        if let Err(e) = &result {
            self.failed = Some(e.clone());
        }
        result
    }

    /// Reads the end of the file (its last row may have no line end) and says what was read.
    ///
    /// Errors: [`OpenDataError::Empty`] when no header was found, a character cut at the end
    /// ([`OpenDataError::TruncatedCharacter`]), and those of [`Reader::push`].
    pub fn finish(
        mut self,
        keep: impl Fn(&Row) -> bool,
        out: &mut Vec<Row>,
    ) -> Result<Summary, OpenDataError> {
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        if self.csv.is_none() {
            let start = std::mem::take(&mut self.start);
            if start.iter().all(|b| b.is_ascii_whitespace()) {
                return Err(OpenDataError::Empty);
            }
            self.begin(&start)?;
            self.feed(without_bom(&start), false, &keep, out)?;
        }
        self.utf8.finish()?;
        self.feed(&[], true, &keep, out)?;
        let dataset = self.dataset().ok_or(OpenDataError::Empty)?;
        Ok(Summary {
            dataset,
            bytes: self.bytes,
            rows: self.rows,
            kept: self.kept,
            skipped: self.skipped,
            first_skipped_line: self.first_skipped_line,
            newest: self.newest,
        })
    }

    fn push_inner(
        &mut self,
        bytes: &[u8],
        keep: &dyn Fn(&Row) -> bool,
        out: &mut Vec<Row>,
    ) -> Result<(), OpenDataError> {
        self.bytes += bytes.len() as u64;
        if self.bytes > MAX_FILE_BYTES {
            return Err(OpenDataError::TooLarge);
        }
        if self.csv.is_some() {
            self.utf8.check(bytes)?;
            return self.feed(bytes, false, keep, out);
        }
        self.start.extend_from_slice(bytes);
        if memchr::memchr(b'\n', &self.start).is_none() {
            if self.start.len() > MAX_HEADER_BYTES {
                let start = std::mem::take(&mut self.start);
                self.sniff(&start)?;
                return Err(OpenDataError::HeaderTooLong);
            }
            return Ok(());
        }
        let start = std::mem::take(&mut self.start);
        self.begin(&start)?;
        self.feed(without_bom(&start), false, keep, out)
    }

    /// Refuses files that are not text CSV, from their first bytes (which it checks as UTF-8).
    fn sniff(&mut self, start: &[u8]) -> Result<(), OpenDataError> {
        if start.starts_with(&[0xFF, 0xFE]) || start.starts_with(&[0xFE, 0xFF]) {
            return Err(OpenDataError::Utf16);
        }
        // Zip (xlsx, ods) and OLE (xls) signatures.
        if start.starts_with(b"PK\x03\x04") || start.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err(OpenDataError::Spreadsheet);
        }
        self.utf8.check(start)?;
        let first = without_bom(start).iter().find(|b| !b.is_ascii_whitespace());
        if matches!(first, Some(b'{' | b'[')) {
            return Err(OpenDataError::Json);
        }
        Ok(())
    }

    /// Sniffs the file's start and sets up the CSV parser with its delimiter.
    fn begin(&mut self, start: &[u8]) -> Result<(), OpenDataError> {
        self.sniff(start)?;
        let body = without_bom(start);
        let first_line = body.split(|&b| b == b'\n').next().unwrap_or(body);
        let delimiter = delimiter_of(first_line);
        self.csv = Some(csv_core::ReaderBuilder::new().delimiter(delimiter).build());
        Ok(())
    }

    /// Parses `input` (already checked as UTF-8); `eof` once the file has ended.
    fn feed(
        &mut self,
        mut input: &[u8],
        eof: bool,
        keep: &dyn Fn(&Row) -> bool,
        out: &mut Vec<Row>,
    ) -> Result<(), OpenDataError> {
        loop {
            let Some(csv) = self.csv.as_mut() else {
                return Ok(());
            };
            if !self.in_record {
                // Blank lines before a record are skipped by the parser; the record starts
                // after them.
                if let Some(lead) = input.iter().position(|&b| b != b'\n' && b != b'\r') {
                    self.record_line = csv.line() + count_newlines(&input[..lead]);
                    self.in_record = true;
                }
            }
            if input.is_empty() && !eof {
                return Ok(());
            }
            let (result, nin, nout, nend) = csv.read_record(
                input,
                &mut self.record[self.record_len..],
                &mut self.ends[self.ends_len..],
            );
            input = &input[nin..];
            self.record_len += nout;
            self.ends_len += nend;
            match result {
                ReadRecordResult::InputEmpty => {
                    if input.is_empty() {
                        return Ok(());
                    }
                }
                ReadRecordResult::OutputFull => {
                    if self.record.len() >= MAX_RECORD_BYTES {
                        return Err(OpenDataError::RecordTooLong {
                            line: self.record_line,
                        });
                    }
                    let size = (self.record.len() * 2).min(MAX_RECORD_BYTES);
                    self.record.resize(size, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    if self.ends.len() >= MAX_FIELDS {
                        return Err(OpenDataError::TooManyFields {
                            line: self.record_line,
                        });
                    }
                    let size = (self.ends.len() * 2).min(MAX_FIELDS);
                    self.ends.resize(size, 0);
                }
                ReadRecordResult::Record => {
                    self.on_record(keep, out)?;
                    self.record_len = 0;
                    self.ends_len = 0;
                    self.in_record = false;
                }
                ReadRecordResult::End => return Ok(()),
            }
        }
    }

    /// A complete record: the header, or a row to map and filter.
    fn on_record(
        &mut self,
        keep: &dyn Fn(&Row) -> bool,
        out: &mut Vec<Row>,
    ) -> Result<(), OpenDataError> {
        let line = self.record_line;
        let text = std::str::from_utf8(&self.record[..self.record_len]).map_err(|_| {
            OpenDataError::NotUtf8 {
                byte: self.utf8.checked,
                line,
            }
        })?;
        let fields = split(text, &self.ends[..self.ends_len]);
        let Some(schema) = &self.schema else {
            if fields.iter().all(|f| f.trim().is_empty()) {
                // A line of spaces before the header.
                return Ok(());
            }
            return match Schema::detect(&fields) {
                Some(schema) => {
                    self.width = fields.len();
                    self.schema = Some(schema);
                    Ok(())
                }
                None if looks_like_census(&fields) => Err(OpenDataError::Census),
                None => Err(OpenDataError::UnknownDataset {
                    found: fields.iter().map(|f| f.trim().to_owned()).collect(),
                }),
            };
        };
        if fields.len() != self.width {
            return Err(OpenDataError::FieldCount {
                line,
                found: fields.len(),
                expected: self.width,
            });
        }
        self.rows += 1;
        match schema.row(&fields, line) {
            None => {
                self.skipped += 1;
                self.first_skipped_line.get_or_insert(line);
            }
            Some(row) => {
                if row.date > self.newest {
                    self.newest = row.date;
                }
                if keep(&row) {
                    self.kept += 1;
                    out.push(row);
                }
            }
        }
        Ok(())
    }
}

fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Whether headers are the kit's census columns (two of them at least).
fn looks_like_census(headers: &[&str]) -> bool {
    let mut found: Vec<crate::census::Column> = headers
        .iter()
        .filter_map(|h| crate::census::Column::from_header(h))
        .collect();
    found.dedup();
    found.len() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    const ADEME: &str =
        include_str!("../../../tests/fixtures/ademe-acteurs-economie-circulaire-extrait.csv");
    const INCLUSION: &str =
        include_str!("../../../tests/fixtures/lieux-mediation-numerique-extrait.csv");

    fn read_in_chunks(bytes: &[u8], size: usize) -> Result<(Summary, Vec<Row>), OpenDataError> {
        let mut reader = Reader::new();
        let mut rows = Vec::new();
        for chunk in bytes.chunks(size.max(1)) {
            reader.push(chunk, |_| true, &mut rows)?;
        }
        let summary = reader.finish(|_| true, &mut rows)?;
        Ok((summary, rows))
    }

    fn first_line(text: &str) -> &str {
        text.lines().next().unwrap()
    }

    #[test]
    fn both_datasets_are_recognised_by_their_header_line() {
        assert_eq!(detect(first_line(ADEME)), Some(Dataset::AdemeCircular));
        assert_eq!(
            detect(first_line(INCLUSION)),
            Some(Dataset::InclusionPlaces)
        );
        let with_bom = format!("\u{feff}{}\r\n", first_line(INCLUSION));
        assert_eq!(detect(&with_bom), Some(Dataset::InclusionPlaces));
        let semicolons = first_line(ADEME).replace(',', ";");
        assert_eq!(detect(&semicolons), Some(Dataset::AdemeCircular));
        let upper = first_line(ADEME).to_uppercase();
        assert_eq!(detect(&upper), Some(Dataset::AdemeCircular));
        assert_eq!(detect("Type d'acteur;Nom de l'acteur"), None);
        assert_eq!(detect("id,nom,commune"), None);
        assert_eq!(detect(""), None);
    }

    #[test]
    fn every_chunk_size_reads_the_same_rows() {
        let (whole, rows) = read_in_chunks(ADEME.as_bytes(), usize::MAX).unwrap();
        assert_eq!((whole.rows, whole.kept, whole.skipped), (12, 12, 0));
        assert_eq!(rows.len(), 12);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[11].line, 13);
        for size in [1, 2, 3, 5, 7, 64, 333, 1024] {
            let (summary, again) = read_in_chunks(ADEME.as_bytes(), size).unwrap();
            assert_eq!(summary, whole, "chunks of {size}");
            assert_eq!(again, rows, "chunks of {size}");
        }
        let (summary, places) = read_in_chunks(INCLUSION.as_bytes(), 1).unwrap();
        assert_eq!(
            (summary.dataset, summary.rows),
            (Dataset::InclusionPlaces, 10)
        );
        assert_eq!(places[9].id, "lieu-0010");
    }

    #[test]
    fn bom_crlf_and_multiline_quoted_fields_keep_line_numbers() {
        let header = first_line(INCLUSION);
        let width = header.split(',').count();
        let row = |id: &str, resume: &str| {
            let mut cells = vec![String::from("\"\""); width];
            cells[0] = format!("\"{id}\"");
            cells[2] = "\"Médiathèque (exemple)\"".into();
            cells[5] = "\"35238\"".into();
            cells[15] = format!("\"{resume}\"");
            cells.join(",")
        };
        let text = format!(
            "\u{feff}{header}\r\n{}\r\n{}\r\n\r\n{}",
            row(
                "a",
                "Ligne un\r\nligne deux, avec « guillemets » et \"\"citation\"\""
            ),
            row("b", "Une ligne"),
            row("c", "Fin sans saut de ligne"),
        );
        for size in [1, 4, 1000] {
            let (summary, rows) = read_in_chunks(text.as_bytes(), size).unwrap();
            assert_eq!(summary.rows, 3);
            let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
            assert_eq!(lines, vec![2, 4, 6], "chunks of {size}");
            assert_eq!(
                rows[0].description,
                "Ligne un\r\nligne deux, avec « guillemets » et \"citation\""
            );
        }
    }

    #[test]
    fn the_filter_runs_while_reading() {
        let mut reader = Reader::new();
        let mut kept = Vec::new();
        let keep = |r: &Row| r.commune.as_deref() == Some("35051");
        for chunk in ADEME.as_bytes().chunks(100) {
            reader.push(chunk, keep, &mut kept).unwrap();
            assert!(kept.iter().all(keep));
        }
        let summary = reader.finish(keep, &mut kept).unwrap();
        assert_eq!((summary.rows, summary.kept), (12, 1));
        assert_eq!(kept[0].id, "exempleActeur0009");
    }

    fn error_of(bytes: &[u8]) -> OpenDataError {
        read_in_chunks(bytes, 7).expect_err("an error")
    }

    #[test]
    fn foreign_files_are_refused_with_what_was_found() {
        let census = include_str!("../../../tests/fixtures/recensement-acteurs-exemple.csv");
        assert_eq!(error_of(census.as_bytes()), OpenDataError::Census);
        let other = error_of(b"code;libelle;population\n35238;Rennes;227830\n");
        assert_eq!(
            other,
            OpenDataError::UnknownDataset {
                found: vec!["code".into(), "libelle".into(), "population".into()]
            }
        );
        let message = other.to_string();
        assert!(message.contains("« libelle »"), "{message}");
        assert!(message.contains("type_dacteur"), "{message}");
        assert!(message.contains("code_insee"), "{message}");
        assert_eq!(
            error_of(b"{\"format\": \"atelier-nr\"}\n"),
            OpenDataError::Json
        );
        assert_eq!(
            error_of(b"PK\x03\x04\x14\x00\x06\x00\n\x00"),
            OpenDataError::Spreadsheet
        );
        assert_eq!(
            error_of(&[0xFF, 0xFE, b'i', 0, b'd', 0, b'\n', 0]),
            OpenDataError::Utf16
        );
        assert_eq!(error_of(b""), OpenDataError::Empty);
        assert_eq!(error_of(b"\n\r\n  \n"), OpenDataError::Empty);
        assert_eq!(
            error_of(&[b'a'; MAX_HEADER_BYTES + 10]),
            OpenDataError::HeaderTooLong
        );
    }

    #[test]
    fn bad_bytes_and_bad_rows_are_located() {
        // « é » in Windows-1252 (0xE9) on line 3, as Excel's « CSV » would save it.
        let mut bytes = ADEME.as_bytes()[..ADEME.find("ATELIER REPAR").unwrap()].to_vec();
        let at = bytes.len() as u64 + 1;
        bytes.extend_from_slice(b"CAF\xE9 R\xC9PARATION,x\n");
        assert_eq!(
            error_of(&bytes),
            OpenDataError::NotUtf8 {
                byte: at + 3,
                line: 3
            }
        );
        let message = error_of(&bytes).to_string();
        assert!(message.contains("ligne 3"), "{message}");

        let mut cut = ADEME.as_bytes().to_vec();
        cut.extend_from_slice("é".as_bytes().get(..1).unwrap());
        let at = cut.len() as u64;
        assert_eq!(
            error_of(&cut),
            OpenDataError::TruncatedCharacter { byte: at }
        );

        let short = format!("{}\nexempleX,Que faire|ADEME,[],NOM\n", first_line(ADEME));
        assert_eq!(
            error_of(short.as_bytes()),
            OpenDataError::FieldCount {
                line: 2,
                found: 4,
                expected: 43
            }
        );
        let message = error_of(short.as_bytes()).to_string();
        assert!(
            message.contains("Ligne 2") && message.contains("43"),
            "{message}"
        );

        let unclosed = format!(
            "{}\nexempleX,\"jamais fermé{}",
            first_line(ADEME),
            "x".repeat(MAX_RECORD_BYTES)
        );
        assert_eq!(
            error_of(unclosed.as_bytes()),
            OpenDataError::RecordTooLong { line: 2 }
        );
    }

    #[test]
    fn after_an_error_the_reader_refuses_more() {
        let mut reader = Reader::new();
        let mut rows = Vec::new();
        let err = reader.push(b"a,b\n1,2\n", |_| true, &mut rows).unwrap_err();
        assert!(matches!(err, OpenDataError::UnknownDataset { .. }));
        assert_eq!(
            reader.push(ADEME.as_bytes(), |_| true, &mut rows),
            Err(err.clone())
        );
        assert_eq!(reader.finish(|_| true, &mut rows), Err(err));
        assert!(rows.is_empty());
    }

    #[test]
    fn rows_without_id_or_name_are_skipped_and_counted() {
        let header = first_line(ADEME);
        let width = header.split(',').count();
        let blank = |id: &str, name: &str| {
            let mut cells = vec![String::new(); width];
            cells[0] = id.into();
            cells[3] = name.into();
            cells.join(",")
        };
        let text = format!(
            "{header}\n{}\n{}\n{}\n",
            blank("", "SANS ID"),
            blank("x1", ""),
            blank("x2", "NOMMÉ")
        );
        let (summary, rows) = read_in_chunks(text.as_bytes(), 10).unwrap();
        assert_eq!(
            (summary.rows, summary.skipped, summary.first_skipped_line),
            (3, 2, Some(2))
        );
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].family, crate::Family::Unsorted);
    }

    #[test]
    fn messages_exist_in_english_too() {
        crate::i18n::set_lang(crate::i18n::Lang::En);
        let message = OpenDataError::NotUtf8 { byte: 12, line: 3 }.to_string();
        crate::i18n::set_lang(crate::i18n::Lang::Fr);
        assert!(
            message.contains("line 3") && message.contains("12"),
            "{message}"
        );
    }
}
