//! Text → actors, for the kit's six census columns.

use super::{Problem, Severity};
use crate::i18n::{t, tf};
use crate::provenance::{ActorField, Stamp};
use crate::{text::fold, Actor, EngagementLevel, Family, IdGen};
use std::fmt;

/// The census columns: the kit's six (« colonnes du tableau de recensement »), then the
/// qualification Atelier NR adds to each actor, so that an exported census reads back whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    ActorType,
    Name,
    NrActionTypes,
    Description,
    Engagement,
    ReferentContact,
    Family,
    Subtype,
    Relevance,
    Circle,
    Local,
    PartnerFunder,
    FoundBy,
    FoundOn,
    /// The open dataset an actor comes from (see [`crate::opendata::SourceRef`]).
    Source,
    SourceId,
    Attribution,
    Siret,
    Commune,
}

/// The headers of the columns after the kit's six, as written (a file format: French, like
/// the kit's own).
const EXTRA_HEADERS: [&str; 13] = [
    "Famille",                    // i18n: not UI (census column header)
    "Sous-type",                  // i18n: not UI (census column header)
    "Pertinence",                 // i18n: not UI (census column header)
    "Cercle",                     // i18n: not UI (census column header)
    "Implanté sur le territoire", // i18n: not UI (census column header)
    "Partenaire ou financeur",    // i18n: not UI (census column header)
    "Identifié par",              // i18n: not UI (census column header)
    "Identifié le",               // i18n: not UI (census column header)
    "Source des données",         // i18n: not UI (census column header)
    "Identifiant dans la source", // i18n: not UI (census column header)
    "Attribution",
    "SIRET",
    "Code commune (INSEE)", // i18n: not UI (census column header)
];

impl Column {
    /// Recognises a header whatever its case, accents, punctuation or spacing.
    /// Returns `None` for a header that is not one of the kit's columns.
    pub fn from_header(header: &str) -> Option<Column> {
        let h = fold(header);
        let starts = |p: &str| h == p || h.starts_with(&format!("{p} "));
        // The qualification columns, French (as exported) or English.
        let extra = match h.as_str() {
            "famille" | "family" => Some(Column::Family),
            "sous type" | "subtype" => Some(Column::Subtype),
            "pertinence" | "relevance" => Some(Column::Relevance),
            "cercle" | "circle" => Some(Column::Circle),
            // i18n: not UI (a census header, folded)
            "implante sur le territoire" | "local" | "based in the area" => Some(Column::Local),
            // i18n: not UI (a census header, folded)
            "partenaire ou financeur" | "partner or funder" => Some(Column::PartnerFunder),
            // i18n: not UI (a census header, folded)
            "identifie par" | "found by" => Some(Column::FoundBy),
            // i18n: not UI (a census header, folded)
            "identifie le" | "found on" => Some(Column::FoundOn),
            // i18n: not UI (a census header, folded)
            "source des donnees" | "data source" | "source" => Some(Column::Source),
            // i18n: not UI (a census header, folded)
            "identifiant dans la source" | "source id" => Some(Column::SourceId),
            "attribution" => Some(Column::Attribution),
            "siret" | "siren" => Some(Column::Siret),
            "code commune insee" | "code insee" | "commune insee code" => Some(Column::Commune),
            _ => None,
        };
        if extra.is_some() {
            return extra;
        }
        if starts("type d acteur") || h == "type" || h == "categorie" {
            Some(Column::ActorType)
        } else if h.contains("referent") || h == "contact" || starts("contact") {
            Some(Column::ReferentContact)
        } else if h == "nom"
            || starts("nom de l acteur") // i18n: not UI (a census header the file format names)
            || starts("nom de la structure") // i18n: not UI (a census header the file format names)
            || h == "nom acteur"
            || h == "acteur"
            || h == "structure"
        {
            Some(Column::Name)
        } else if starts("type d action") || h == "types d actions" || h == "dimension" {
            Some(Column::NrActionTypes)
        } else if starts("description") || h == "actions" {
            Some(Column::Description)
        } else if h.contains("engagement") {
            Some(Column::Engagement)
        } else {
            None
        }
    }

    /// Every column, in the order an export writes them: the kit's six first.
    pub const ALL: [Column; 19] = [
        Column::ActorType,
        Column::Name,
        Column::NrActionTypes,
        Column::Description,
        Column::Engagement,
        Column::ReferentContact,
        Column::Family,
        Column::Subtype,
        Column::Relevance,
        Column::Circle,
        Column::Local,
        Column::PartnerFunder,
        Column::FoundBy,
        Column::FoundOn,
        Column::Source,
        Column::SourceId,
        Column::Attribution,
        Column::Siret,
        Column::Commune,
    ];

    /// The header an export writes: the kit's own for its six columns.
    pub fn header(self) -> &'static str {
        let i = self as usize;
        match crate::kit::CENSUS_COLUMNS.get(i) {
            Some(kit) => kit,
            None => EXTRA_HEADERS[i - crate::kit::CENSUS_COLUMNS.len()],
        }
    }
}

impl Column {
    /// The actor fields this column sets (the type sets the family and subtype it implies).
    pub fn fields(self) -> &'static [ActorField] {
        match self {
            Column::ActorType => &[
                ActorField::ActorType,
                ActorField::Family,
                ActorField::Subtype,
            ],
            Column::Name => &[ActorField::Name],
            Column::NrActionTypes => &[ActorField::NrActionTypes],
            Column::Description => &[ActorField::Description],
            Column::Engagement => &[ActorField::Engagement],
            Column::ReferentContact => &[ActorField::Referent, ActorField::Contact],
            Column::Family => &[ActorField::Family],
            Column::Subtype => &[ActorField::Subtype],
            Column::Relevance => &[ActorField::Relevance],
            Column::Circle => &[ActorField::Circle],
            Column::Local => &[ActorField::Local],
            Column::PartnerFunder => &[ActorField::PartnerFunder],
            Column::FoundBy => &[ActorField::FoundBy],
            Column::FoundOn => &[ActorField::FoundOn],
            // The source travels as a whole, with its id (see `read_census`).
            Column::Source
            | Column::SourceId
            | Column::Attribution
            | Column::Siret
            | Column::Commune => &[],
        }
    }
}

/// The actor fields a census row with `columns` would set on `existing`: every column's
/// fields, except the family and subtype when the type itself does not change (a subtype the
/// type does not imply, chosen in the app, stays).
pub fn row_fields(existing: &Actor, row: &Actor, columns: &[Column]) -> Vec<ActorField> {
    let same_type = fold(&existing.actor_type) == fold(&row.actor_type);
    columns
        .iter()
        .flat_map(|c| c.fields().iter().copied())
        .filter(|f| !(same_type && matches!(f, ActorField::Family | ActorField::Subtype)))
        .collect()
}

/// Updates `existing` with what a census row says (see [`row_fields`]), stamped `stamp`, and
/// returns the fields it changed. The id and the qualification (relevance, circle, local…)
/// are kept, and so is every field the user set in the app, unless listed in `take_anyway`
/// (see [`crate::diff::apply`]).
pub fn merge_row(
    existing: &mut Actor,
    row: &Actor,
    columns: &[Column],
    take_anyway: &[ActorField],
    stamp: &Stamp,
) -> Vec<ActorField> {
    let fields = row_fields(existing, row, columns);
    crate::diff::apply(existing, row, &fields, take_anyway, stamp)
}

/// Why a census file could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The file holds no header line.
    Empty,
    /// The « Nom de l'acteur » column was not found; `found` lists the headers read.
    NoNameColumn { found: Vec<String> },
    /// The CSV structure itself is broken at `line`.
    Malformed { line: u64, detail: String },
    /// The file is JSON (most likely a plan exported by Atelier NR), not a table.
    PlanFile,
    /// An action plan without its « Intitulé » column; `found` lists the headers read.
    NoTitleColumn { found: Vec<String> },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Empty => f.write_str(t("errors.census.empty")),
            ReadError::PlanFile => f.write_str(t("errors.census.plan_file")),
            ReadError::NoNameColumn { found } => {
                let headers = found
                    .iter()
                    .map(|h| tf("errors.census.quoted_header", &[("header", h)]))
                    .collect::<Vec<_>>()
                    .join(", ");
                f.write_str(&tf(
                    "errors.census.no_name_column",
                    &[("column", &Column::Name.header()), ("headers", &headers)],
                ))
            }
            ReadError::NoTitleColumn { found } => {
                let headers = found
                    .iter()
                    .map(|h| tf("errors.census.quoted_header", &[("header", h)]))
                    .collect::<Vec<_>>()
                    .join(", ");
                f.write_str(&tf(
                    "errors.action_csv.no_title_column",
                    &[
                        ("column", &crate::action_csv::ActionColumn::Title.header()),
                        ("headers", &headers),
                    ],
                ))
            }
            ReadError::Malformed { line, detail } => f.write_str(&tf(
                "errors.census.malformed",
                &[("line", line), ("detail", detail)],
            )),
        }
    }
}

/// What reading a census file produced: actors ready to store, and every problem met.
#[derive(Debug)]
pub struct CensusImport {
    pub actors: Vec<Actor>,
    /// `lines[i]` is the file line where `actors[i]` starts.
    pub lines: Vec<u64>,
    pub problems: Vec<Problem>,
    /// The separator detected: `;`, `,` or tab (0 for a workbook's sheet).
    pub delimiter: u8,
    /// The sheet read, for a workbook.
    pub sheet: Option<String>,
    /// The kit columns the file has: an update of an existing actor changes only these.
    pub columns: Vec<Column>,
}

impl CensusImport {
    /// Problems that forbid storing the import as it is.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
    }
}

/// Picks the separator French spreadsheets use: the most frequent of `;`, tab and `,` in the
/// header line, `;` on a tie.
fn detect_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let count = |c: char| header.matches(c).count();
    [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|&d| (count(d as char), d == b';'))
        .unwrap_or(b';')
}

/// Reads a census from decoded text (see [`super::decode`]).
///
/// Headers are matched by name in any order ([`Column::from_header`]); unknown columns are
/// reported and ignored. Each row becomes an [`Actor`] with a fresh id from `ids`. Row problems
/// (empty name, unknown engagement level, unknown actor type) are collected, never fatal; only a
/// file without a name column or with broken CSV structure fails with [`ReadError`].
pub fn read_census(text: &str, ids: &mut impl IdGen) -> Result<CensusImport, ReadError> {
    if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with(['{', '['])
    {
        return Err(ReadError::PlanFile);
    }
    let table = csv_rows(text)?;
    let mut import = read_rows(&table.headers, table.header_line, table.rows, ids, &|i| {
        (i + 1).to_string()
    })?;
    import.delimiter = table.delimiter;
    Ok(import)
}

/// A CSV file read into rows, for the readers of the census and of the action plan.
pub struct CsvRows {
    pub headers: Vec<String>,
    /// The line of the headers (2 after a `sep=;` line).
    pub header_line: u64,
    /// Every row after the headers, with its first line.
    pub rows: Vec<(u64, Vec<String>)>,
    /// The separator: `;`, `,` or tab.
    pub delimiter: u8,
}

/// Reads CSV text (decoded, see [`super::decode`]) as French spreadsheets write it: the
/// separator detected (or named by a first `sep=;` line), line numbers exact even after
/// Excel's CRLF line ends. Errors: broken CSV, with its line.
pub fn csv_rows(text: &str) -> Result<CsvRows, ReadError> {
    // The csv crate under-counts record lines after CRLF line ends (Excel's), so line numbers
    // in our messages would be off by one per row; plain LF keeps them exact.
    let text = &text.replace("\r\n", "\n").replace('\r', "\n");
    // Excel understands a first line `sep=;` naming the separator; honour it and skip it.
    let sep_line = text
        .get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("sep="));
    let (text, delimiter, first_line) = match sep_line.then(|| &text[4..]) {
        Some(rest) => {
            let (sep, body) = rest.split_once('\n').unwrap_or((rest, ""));
            let delimiter = sep.bytes().next().unwrap_or(b';');
            (body, delimiter, 2)
        }
        None => (text.as_str(), detect_delimiter(text), 1),
    };
    if let Some(line) = unclosed_quote_line(text, delimiter) {
        return Err(ReadError::Malformed {
            line: line + first_line - 1,
            detail: t("errors.census.unclosed_quote").into(),
        });
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| malformed(&e))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect::<Vec<_>>();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| malformed(&e))?;
        let line = record.position().map_or(0, |p| p.line()) + first_line - 1;
        rows.push((line, record.iter().map(str::to_owned).collect()));
    }
    Ok(CsvRows {
        headers,
        header_line: first_line,
        rows,
        delimiter,
    })
}

/// Reads a census from one sheet of a workbook (see [`crate::sheets`]): the header row is the
/// first of the sheet's first ten filled rows that names the actor column (a title above the
/// table is skipped); cells are read as the spreadsheet types them (a date cell gives its day).
/// Errors: as [`read_census`], and an empty sheet.
pub fn read_census_sheet(
    sheet: &crate::sheets::Sheet,
    ids: &mut impl IdGen,
) -> Result<CensusImport, ReadError> {
    let texts = |cells: &[crate::sheets::Cell]| -> Vec<String> {
        cells.iter().map(|c| c.text().trim().to_owned()).collect()
    };
    if sheet.is_empty() {
        return Err(ReadError::Empty);
    }
    let header_at = sheet.rows.iter().take(10).position(|(_, cells)| {
        cells
            .iter()
            .any(|c| Column::from_header(&c.text()) == Some(Column::Name))
    });
    let Some(at) = header_at else {
        let (_, first) = &sheet.rows[0];
        return Err(ReadError::NoNameColumn {
            found: texts(first).into_iter().filter(|h| !h.is_empty()).collect(),
        });
    };
    let (header_line, header_cells) = &sheet.rows[at];
    let headers = texts(header_cells);
    let rows = sheet.rows[at + 1..]
        .iter()
        .map(|(line, cells)| {
            (
                u64::from(*line),
                cells.iter().map(crate::sheets::Cell::text).collect(),
            )
        })
        .collect();
    let mut import = read_rows(&headers, u64::from(*header_line), rows, ids, &column_letter)?;
    import.sheet = Some(sheet.name.clone());
    Ok(import)
}

/// A spreadsheet column's letters: 0 → A, 25 → Z, 26 → AA.
fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        n -= 1;
        letters.push(b'A' + (n % 26) as u8);
        n /= 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// The rows of a census (any source) → actors, with every problem located. `header_line` is
/// the line of `headers`; `rows` are (line, cells); `column_name` names a column by its index
/// for messages about a column without a header (« C » in a sheet, « 3 » in a CSV).
fn read_rows(
    headers: &[String],
    header_line: u64,
    rows: Vec<(u64, Vec<String>)>,
    ids: &mut impl IdGen,
    column_name: &dyn Fn(usize) -> String,
) -> Result<CensusImport, ReadError> {
    let first_line = header_line;
    if headers.iter().all(|h| h.is_empty()) {
        return Err(ReadError::Empty);
    }
    let columns: Vec<Option<Column>> = headers.iter().map(|h| Column::from_header(h)).collect();
    if !columns.contains(&Some(Column::Name)) {
        return Err(ReadError::NoNameColumn {
            found: headers.to_vec(),
        });
    }
    let mut problems = Vec::new();
    let mut columns = columns;
    for i in 0..headers.len() {
        let message = match columns[i] {
            None if !headers[i].is_empty() => t("errors.census.unknown_column"),
            Some(c) if columns[..i].contains(&Some(c)) => {
                columns[i] = None;
                t("errors.census.duplicate_column")
            }
            _ => continue,
        };
        problems.push(Problem {
            severity: Severity::Warning,
            line: Some(first_line),
            column: Some(headers[i].clone()),
            message: message.into(),
        });
    }
    // A column with cells but no title (often the second of two merged header cells).
    for (i, header) in headers.iter().enumerate() {
        let filled = rows
            .iter()
            .any(|(_, r)| r.get(i).is_some_and(|c| !c.trim().is_empty()));
        if header.trim().is_empty() && filled {
            problems.push(Problem {
                severity: Severity::Warning,
                line: Some(first_line),
                column: Some(column_name(i)),
                message: t("errors.census.untitled_column").into(),
            });
        }
    }

    let mut actors = Vec::new();
    let mut lines = Vec::new();
    for (line, record) in rows {
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue; // Spreadsheets leave trailing empty rows; they mean nothing.
        }
        if record
            .iter()
            .skip(headers.len())
            .any(|c| !c.trim().is_empty())
        {
            problems.push(Problem {
                severity: Severity::Warning,
                line: Some(line),
                column: None,
                message: tf(
                    "errors.census.extra_cells",
                    &[("cells", &record.len()), ("columns", &headers.len())],
                ),
            });
        }
        let cell = |wanted: Column| {
            columns
                .iter()
                .position(|c| *c == Some(wanted))
                .and_then(|i| record.get(i))
                .map(|c| super::export::unneutralise(c.trim()))
                .unwrap_or("")
        };
        let mut problem = |severity, column: Column, message: String| {
            let header = columns.iter().position(|c| *c == Some(column));
            problems.push(Problem {
                severity,
                line: Some(line),
                column: header.map(|i| headers[i].clone()),
                message,
            });
        };

        let name = cell(Column::Name);
        if name.is_empty() {
            problem(
                Severity::Error,
                Column::Name,
                t("errors.census.empty_name").into(),
            );
            continue;
        }
        let mut actor = Actor::new(ids.new_id(), name);
        actor.set_actor_type(cell(Column::ActorType));
        if actor.family == Family::Unsorted {
            problem(
                Severity::Warning,
                Column::ActorType,
                tf(
                    "errors.census.unknown_type",
                    &[
                        ("type", &actor.actor_type),
                        ("family", &Family::Unsorted.label()),
                    ],
                ),
            );
        }
        for raw in split_multi(cell(Column::NrActionTypes)) {
            match crate::kit::known_nr_type(&raw) {
                // Spelling differences are folded into the vocabulary's own label.
                Some(label) => actor.nr_action_types.push(label.to_owned()),
                None => {
                    problem(
                        Severity::Warning,
                        Column::NrActionTypes,
                        tf("errors.census.custom_nr_type", &[("type", &raw)]),
                    );
                    actor.nr_action_types.push(raw);
                }
            }
        }
        actor.description = cell(Column::Description).to_owned();
        let level = cell(Column::Engagement);
        actor.engagement = EngagementLevel::parse_loose(level).unwrap_or_else(|| {
            problem(
                Severity::Warning,
                Column::Engagement,
                tf(
                    "errors.census.unknown_level",
                    &[
                        ("level", &level),
                        ("default", &EngagementLevel::NotIdentified.label()),
                    ],
                ),
            );
            EngagementLevel::NotIdentified
        });
        let (referent, contact) = split_referent(cell(Column::ReferentContact));
        actor.referent = referent;
        actor.contact = contact;
        read_qualification(&mut actor, &cell, &mut problem);
        actors.push(actor);
        lines.push(line);
    }
    Ok(CensusImport {
        actors,
        lines,
        problems,
        delimiter: 0,
        sheet: None,
        columns: columns.iter().flatten().copied().collect(),
    })
}

/// Reads the columns after the kit's six (an exported census), reporting values it cannot
/// read as warnings: the rest of the actor is kept.
fn read_qualification<'a>(
    actor: &mut Actor,
    cell: &dyn Fn(Column) -> &'a str,
    problem: &mut dyn FnMut(Severity, Column, String),
) {
    use crate::{Circle, FoundBy, Relevance, Subtype};
    let mut unreadable = |column: Column, value: &str| {
        let message = tf("errors.census.unreadable_value", &[("value", &value)]);
        problem(Severity::Warning, column, message);
    };
    let family = cell(Column::Family);
    if !family.is_empty() {
        match choice(family, &Family::ALL, Family::code, Family::label) {
            // « Non classé » says less than the type's own family, if any.
            Some(Family::Unsorted) => {}
            Some(f) => actor.set_family(f),
            None => unreadable(Column::Family, family),
        }
    }
    let subtype = cell(Column::Subtype);
    if !subtype.is_empty() {
        let kit = crate::kit::SUBTYPES
            .iter()
            .find(|s| matches(subtype, s.code, || s.label().to_owned()));
        actor.subtype = Some(match kit {
            Some(s) => Subtype::Kit(s.code.to_owned()),
            None => Subtype::Custom(subtype.to_owned()),
        });
    }
    let relevance = cell(Column::Relevance);
    if !relevance.is_empty() {
        actor.relevance = choice(
            relevance,
            &Relevance::ALL,
            Relevance::code,
            Relevance::label,
        );
        if actor.relevance.is_none() {
            unreadable(Column::Relevance, relevance);
        }
    }
    let circle = cell(Column::Circle);
    if !circle.is_empty() {
        let number = circle.trim_start_matches(|c: char| !c.is_ascii_digit());
        actor.circle = number
            .parse::<u8>()
            .ok()
            .and_then(|n| Circle::try_from(n).ok());
        if actor.circle.is_none() {
            unreadable(Column::Circle, circle);
        }
    }
    let mut yes_no = |column: Column| {
        let value = cell(column);
        match fold(value).as_str() {
            "" => None,
            "oui" | "yes" | "vrai" | "true" | "1" | "x" => Some(true),
            "non" | "no" | "faux" | "false" | "0" => Some(false),
            _ => {
                unreadable(column, value);
                None
            }
        }
    };
    actor.local = yes_no(Column::Local);
    actor.partner_funder = yes_no(Column::PartnerFunder).unwrap_or(false);
    let found_by = cell(Column::FoundBy);
    if !found_by.is_empty() {
        actor.found_by = choice(found_by, &FoundBy::ALL, FoundBy::code, FoundBy::label);
        if actor.found_by.is_none() {
            unreadable(Column::FoundBy, found_by);
        }
    }
    let found_on = cell(Column::FoundOn);
    if !found_on.is_empty() {
        actor.found_on = crate::text::parse_sheet_day(found_on);
        if actor.found_on.is_none() {
            unreadable(Column::FoundOn, found_on);
        }
    }
    let id = cell(Column::SourceId);
    if !id.is_empty() {
        use crate::opendata::{Dataset, SourceRef};
        let source = cell(Column::Source);
        let dataset = [Dataset::AdemeCircular, Dataset::InclusionPlaces]
            .into_iter()
            .find(|d| matches(source, d.code(), || d.label().to_owned()));
        let optional = |c: Column| Some(cell(c).to_owned()).filter(|v| !v.is_empty());
        match dataset {
            Some(dataset) => {
                actor.source = Some(SourceRef {
                    dataset,
                    id: id.to_owned(),
                    attribution: cell(Column::Attribution).to_owned(),
                    siret: optional(Column::Siret),
                    commune: optional(Column::Commune),
                    file: String::new(),
                    file_date: actor.found_on,
                })
            }
            None => unreadable(Column::Source, source),
        }
    }
}

/// Whether `cell` names the value of `code` (its code, or its label in any language).
fn matches(cell: &str, code: &str, label: impl Fn() -> String) -> bool {
    let cell = fold(cell);
    cell == fold(code)
        || crate::i18n::in_every_language(label)
            .iter()
            .any(|l| fold(l) == cell)
}

/// The value among `all` that `cell` names (by code or label, see [`matches`]).
fn choice<T: Copy>(
    cell: &str,
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Option<T> {
    all.iter()
        .copied()
        .find(|&v| matches(cell, code(v), || label(v).to_owned()))
}

/// The 1-based line where a quoted cell opens and is never closed, if any. As in CSV, only a
/// quote at the start of a cell opens one; inside it, a doubled quote is a literal quote.
fn unclosed_quote_line(text: &str, delimiter: u8) -> Option<u64> {
    let delimiter = char::from(delimiter);
    let mut open_at = None;
    let mut at_cell_start = true;
    let mut line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        }
        match open_at {
            Some(_) if c == '"' => {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    open_at = None;
                }
            }
            Some(_) => {}
            None if c == '"' && at_cell_start => open_at = Some(line),
            None => {}
        }
        at_cell_start = open_at.is_none() && (c == delimiter || c == '\n');
    }
    open_at
}

fn malformed(e: &csv::Error) -> ReadError {
    let line = e.position().map_or(0, |p| p.line());
    ReadError::Malformed {
        line,
        detail: e.to_string(),
    }
}

/// Splits a multi-valued cell on « | » and line breaks, dropping blanks.
fn split_multi(cell: &str) -> Vec<String> {
    cell.split(['|', '\n', '\r'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Splits « Référent identifié et contact » into (referent, contact): the contact is an email
/// or phone number found in the cell, the referent whatever text remains.
fn is_phone(text: &str) -> bool {
    let t = text.trim();
    t.chars().filter(char::is_ascii_digit).count() >= 9
        && t.chars()
            .all(|c| c.is_ascii_digit() || " .+-()".contains(c))
}

fn split_referent(cell: &str) -> (String, String) {
    let is_contact = |w: &str| {
        w.contains('@') || w.chars().filter(char::is_ascii_digit).count() >= 9 && !w.contains(' ')
    };
    // « — » is what our export writes between referent and contact: trust it.
    if let Some(contact) = cell.strip_prefix("— ") {
        return (String::new(), contact.trim().to_owned());
    }
    if let Some((left, right)) = cell.rsplit_once(" — ") {
        return (left.trim().to_owned(), right.trim().to_owned());
    }
    // A phone number alone, written with spaces (« +33 6 12 34 56 78 »).
    if is_phone(cell) {
        return (String::new(), cell.trim().to_owned());
    }
    if let Some((left, right)) = cell.rsplit_once(" - ") {
        if is_contact(right.trim()) || is_phone(right) {
            return (left.trim().to_owned(), right.trim().to_owned());
        }
    }
    let (contacts, rest): (Vec<&str>, Vec<&str>) =
        cell.split_whitespace().partition(|w| is_contact(w));
    let referent = rest
        .join(" ")
        .trim_matches(|c: char| c == '—' || c == '-' || c == ':' || c.is_whitespace())
        .to_owned();
    (referent, contacts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_file_given_as_a_census_says_where_it_belongs() {
        let err = read_census(
            "{\"format\": \"atelier-nr/plan\"}",
            &mut crate::ids::CounterIds::default(),
        )
        .err();
        assert_eq!(err, Some(ReadError::PlanFile));
        assert!(ReadError::PlanFile.to_string().contains("Mes plans"));
    }
    use crate::census::decode;
    use crate::ids::CounterIds;

    const FIXTURE: &[u8] =
        include_bytes!("../../../tests/fixtures/recensement-acteurs-exemple.csv");

    fn read(text: &str) -> CensusImport {
        read_census(text, &mut CounterIds::default()).unwrap()
    }

    #[test]
    fn the_shared_fixture_gives_16_actors_with_accents() {
        let import = read(&decode(FIXTURE).unwrap().0);
        assert_eq!(import.delimiter, b';');
        assert_eq!(import.actors.len(), 16);
        assert_eq!(import.errors().count(), 0, "{:?}", import.problems);
        let region = &import.actors[0];
        assert_eq!(region.name, "Région Bretagne");
        assert_eq!(region.family, Family::Public);
        assert_eq!(region.engagement, EngagementLevel::Driving);
        assert_eq!(region.referent, "Service numérique responsable");
        assert_eq!(region.contact, "nr@region.example");
        let envie = import.actors.iter().find(|a| a.name == "Envie 35").unwrap();
        assert_eq!(envie.family, Family::Association);
        assert_eq!(envie.nr_action_types, vec!["Achats"]);
        assert!(envie.description.contains("800 ordinateurs"));
        let citizens = import
            .actors
            .iter()
            .find(|a| a.name == "Habitants du territoire")
            .unwrap();
        assert_eq!(citizens.family, Family::Citizen);
        assert_eq!(citizens.contact, "");
    }

    #[test]
    fn headers_in_any_order_case_and_accents() {
        let text = "NOM DE L'ACTEUR,niveau d'engagement estime,type d'acteur\nEnvie 35,engagée,Association\n";
        let import = read(text);
        assert_eq!(import.delimiter, b',');
        assert_eq!(import.actors[0].name, "Envie 35");
        assert_eq!(import.actors[0].engagement, EngagementLevel::Committed);
        assert_eq!(import.actors[0].family, Family::Association);
    }

    #[test]
    fn tab_separator_and_multiline_cells() {
        let text = "Nom de l'acteur\tType d'action Numérique Responsable\nCHU\t\"Achats\nMesure | Sensibilisation\"\n";
        let import = read(text);
        assert_eq!(import.delimiter, b'\t');
        assert_eq!(
            import.actors[0].nr_action_types,
            vec!["Achats", "Mesure", "Sensibilisation"]
        );
    }

    #[test]
    fn row_problems_name_their_line_and_column() {
        let text =
            "Nom de l'acteur;Niveau d'engagement estimé;Couleur\nA;très fort;bleu\n;Moteur;\nB;;\n";
        let import = read(text);
        assert_eq!(import.actors.len(), 2);
        let messages: Vec<String> = import.problems.iter().map(|p| p.to_string()).collect();
        assert!(messages
            .contains(&"Ligne 1, colonne « Couleur » : colonne inconnue, ignorée.".to_string()));
        assert!(messages.iter().any(|m| m.starts_with(
            "Ligne 2, colonne « Niveau d'engagement estimé » : niveau « très fort »"
        )));
        assert!(messages.contains(
            &"Ligne 3, colonne « Nom de l'acteur » : le nom de l'acteur est vide.".to_string()
        ));
        assert_eq!(import.errors().count(), 1);
    }

    #[test]
    fn a_file_without_a_name_column_is_refused() {
        let err = read_census("Type;Description\nPME;x\n", &mut CounterIds::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Ligne 1 : la colonne « Nom de l'acteur » est introuvable. En-têtes lus : « Type », « Description »."
        );
        assert_eq!(
            read_census("", &mut CounterIds::default()).unwrap_err(),
            ReadError::Empty
        );
    }

    #[test]
    fn an_unclosed_quote_is_refused_with_its_line() {
        let text = "Type;Nom de l'acteur;Description\nPME;A;ok\nPME;\"Ouvert;Achats\nPME;Autre;x\n";
        let err = read_census(text, &mut CounterIds::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Ligne 3 : structure CSV invalide (un guillemet ouvert n'est jamais refermé)."
        );
        // Doubled quotes inside a quoted cell, and a quote inside an unquoted cell, are fine.
        let inch = read("Nom de l'acteur;Description\nA;écran 24\" reconditionné\n");
        assert_eq!(inch.actors[0].description, "écran 24\" reconditionné");
        let ok = read("Nom de l'acteur;Description\nA;\"dit \"\"bonjour\"\"\"\n");
        assert_eq!(ok.actors[0].description, "dit \"bonjour\"");
    }

    #[test]
    fn a_referent_name_column_is_not_taken_for_the_actor_name() {
        let import =
            read("Type d'acteur;Nom du référent;Nom de l'acteur\nPME;Mme Martin;Imprimerie\n");
        assert_eq!(import.actors[0].name, "Imprimerie");
        assert_eq!(import.actors[0].referent, "Mme Martin");
    }

    #[test]
    fn excel_sep_line_extra_cells_and_duplicate_columns() {
        let import = read("sep=,\nNom de l'acteur,Nom\nA,B,C\n");
        assert_eq!(import.actors[0].name, "A");
        let messages: Vec<String> = import.problems.iter().map(|p| p.to_string()).collect();
        assert!(
            messages.contains(
                &"Ligne 2, colonne « Nom » : colonne en double, ignorée (la première est lue)."
                    .to_string()
            ),
            "{messages:?}"
        );
        assert!(
            messages.contains(
                &"Ligne 3 : 3 cellules pour 2 colonnes : les cellules en trop sont ignorées."
                    .to_string()
            ),
            "{messages:?}"
        );
    }

    #[test]
    fn old_mac_line_ends_and_capital_sep() {
        let import = read("SEP=;\rNom de l'acteur;Type\rA;PME\r;PME\r");
        assert_eq!(import.actors[0].name, "A");
        assert_eq!(import.errors().next().unwrap().line, Some(4));
    }

    #[test]
    fn merging_a_row_keeps_what_the_file_does_not_say() {
        let mut ids = CounterIds::default();
        let mut existing = Actor::new(ids.new_id(), "Envie 35");
        existing.set_actor_type("Association dans le NR (seconde vie)");
        existing.subtype = Some(crate::Subtype::Custom("Ressourceries".into()));
        existing.relevance = Some(crate::Relevance::High);
        existing.description = "ancienne".into();
        let import = read("Nom de l'acteur;Type d'acteur;Niveau d'engagement estimé\nEnvie 35;Association dans le NR (seconde vie);Moteur\n");
        let stamp = Stamp {
            at: chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap(),
            origin: crate::provenance::Origin::File {
                file: "recensement.csv".into(),
            },
        };
        let changed = merge_row(
            &mut existing,
            &import.actors[0],
            &import.columns,
            &[],
            &stamp,
        );
        assert_eq!(changed, vec![ActorField::Engagement]);
        assert_eq!(existing.origins[&ActorField::Engagement], stamp);
        assert_eq!(existing.engagement, EngagementLevel::Driving);
        assert_eq!(existing.relevance, Some(crate::Relevance::High));
        assert_eq!(
            existing.subtype,
            Some(crate::Subtype::Custom("Ressourceries".into()))
        );
        assert_eq!(existing.description, "ancienne");
    }

    #[test]
    fn referent_and_contact_are_split() {
        assert_eq!(
            split_referent("DSI — dsi@chu.example"),
            ("DSI".into(), "dsi@chu.example".into())
        );
        assert_eq!(
            split_referent("Mme Martin 0299000000"),
            ("Mme Martin".into(), "0299000000".into())
        );
        assert_eq!(
            split_referent("Cabinet du maire"),
            ("Cabinet du maire".into(), "".into())
        );
    }
}

#[cfg(test)]
mod crlf_tests {
    use super::*;
    use crate::ids::CounterIds;

    #[test]
    fn lines_are_counted_with_windows_line_ends() {
        let text = "Type d'acteur;Nom de l'acteur\r\nPME;Atelier\r\nPME;\r\n";
        let import = read_census(text, &mut CounterIds::default()).unwrap();
        assert_eq!(import.problems[0].line, Some(3), "{:?}", import.problems);
    }
}

/// The sheet of a workbook a census import starts with: the first whose first rows name the
/// actor column, else the first (the user may pick another).
pub fn census_sheet(sheets: &[crate::sheets::Sheet]) -> usize {
    sheets
        .iter()
        .position(|s| {
            s.rows.iter().take(10).any(|(_, cells)| {
                cells
                    .iter()
                    .any(|c| Column::from_header(&c.text()) == Some(Column::Name))
            })
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod sheet_tests {
    use super::*;
    use crate::ids::CounterIds;
    use crate::sheets::read_workbook;

    fn csv_fixture() -> Vec<Actor> {
        let bytes = include_bytes!("../../../tests/fixtures/recensement-acteurs-exemple.csv");
        let (text, _) = super::super::decode(bytes).unwrap();
        read_census(&text, &mut CounterIds::default())
            .unwrap()
            .actors
    }

    #[test]
    fn the_census_saved_by_libreoffice_as_xlsx_or_ods_reads_as_the_csv() {
        let expected = csv_fixture();
        for bytes in [
            &include_bytes!("../../../tests/fixtures/recensement-acteurs-exemple.xlsx")[..],
            &include_bytes!("../../../tests/fixtures/recensement-acteurs-exemple.ods")[..],
        ] {
            let sheets = read_workbook(bytes).unwrap();
            let import =
                read_census_sheet(&sheets[census_sheet(&sheets)], &mut CounterIds::default())
                    .unwrap();
            assert_eq!(import.errors().count(), 0);
            assert_eq!(import.actors.len(), expected.len());
            for (a, b) in import.actors.iter().zip(&expected) {
                assert_eq!(
                    (
                        &a.name,
                        &a.actor_type,
                        a.family,
                        &a.nr_action_types,
                        &a.description
                    ),
                    (
                        &b.name,
                        &b.actor_type,
                        b.family,
                        &b.nr_action_types,
                        &b.description
                    )
                );
                assert_eq!(
                    (a.engagement, &a.referent, &a.contact),
                    (b.engagement, &b.referent, &b.contact)
                );
            }
            assert_eq!(import.lines[0], 2, "the row's number in the sheet");
        }
    }

    #[test]
    fn the_second_sheet_is_found_and_read_with_its_dates_numbers_and_formula() {
        for bytes in [
            &include_bytes!("../../../tests/fixtures/recensement-deux-feuilles.xlsx")[..],
            &include_bytes!("../../../tests/fixtures/recensement-deux-feuilles.ods")[..],
        ] {
            let sheets = read_workbook(bytes).unwrap();
            assert_eq!(census_sheet(&sheets), 1, "the notes sheet is skipped");
            match read_census_sheet(&sheets[0], &mut CounterIds::default()) {
                Err(ReadError::NoNameColumn { found }) => {
                    assert!(found[0].starts_with("Recensement"))
                }
                other => panic!("the notes are not a census: {other:?}"),
            }
            let import = read_census_sheet(&sheets[1], &mut CounterIds::default()).unwrap();
            assert_eq!(import.sheet.as_deref(), Some("Acteurs"));
            let names: Vec<_> = import.actors.iter().map(|a| a.name.as_str()).collect();
            assert_eq!(
                names,
                [
                    "Envie 35",
                    "Repair café des Tilleuls",
                    "Université de Rennes"
                ]
            );
            let envie = &import.actors[0];
            assert_eq!(envie.circle, Some(crate::Circle::Two));
            assert_eq!(envie.found_on, chrono::NaiveDate::from_ymd_opt(2026, 3, 12));
            assert_eq!(envie.engagement, EngagementLevel::Driving);
            assert_eq!(
                import.actors[1].contact, "+33 6 12 34 56 78",
                "a phone number is text"
            );
        }
    }

    #[test]
    fn columns_are_named_by_their_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
    }
}
