//! The action plan (kit step 3, « Quelles actions ? ») as a spreadsheet for council papers
//! (« délibération », « commission »): one row per fiche action, French headers, opened as is by
//! French Excel and LibreOffice (UTF-8 with a BOM, `;` separators, CRLF line ends, like the
//! census export).

use crate::census::{finish_spreadsheet, neutralise, spreadsheet_writer};
use crate::i18n::{t, tf};
use crate::sheets::write::{Table, Value};
use crate::text::{fold, french_date};
use crate::{ActionSheet, Actor, Axis, BudgetKind, Id, Indicator};
use std::collections::HashMap;

/// The action plan's columns, in order. The identifier comes last: a spreadsheet edited and
/// imported back updates the fiche it names (see [`read_action_plan`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionColumn {
    Title,
    Axis,
    Status,
    Priority,
    Pilot,
    PilotService,
    Start,
    Due,
    QuickWin,
    Effort,
    Impact,
    Phase,
    BudgetInvestment,
    BudgetOperating,
    Partners,
    Circles,
    Indicators,
    Description,
    Id,
}

impl ActionColumn {
    pub const ALL: [ActionColumn; 19] = [
        ActionColumn::Title,
        ActionColumn::Axis,
        ActionColumn::Status,
        ActionColumn::Priority,
        ActionColumn::Pilot,
        ActionColumn::PilotService,
        ActionColumn::Start,
        ActionColumn::Due,
        ActionColumn::QuickWin,
        ActionColumn::Effort,
        ActionColumn::Impact,
        ActionColumn::Phase,
        ActionColumn::BudgetInvestment,
        ActionColumn::BudgetOperating,
        ActionColumn::Partners,
        ActionColumn::Circles,
        ActionColumn::Indicators,
        ActionColumn::Description,
        ActionColumn::Id,
    ];

    /// The message key of the column's header.
    fn key(self) -> &'static str {
        use ActionColumn::*;
        match self {
            Title => "errors.action_csv.column.title",
            Axis => "errors.action_csv.column.axis",
            Status => "errors.action_csv.column.status",
            Priority => "errors.action_csv.column.priority",
            Pilot => "errors.action_csv.column.lead",
            PilotService => "errors.action_csv.column.lead_service",
            Start => "errors.action_csv.column.start",
            Due => "errors.action_csv.column.deadline",
            QuickWin => "errors.action_csv.column.quick_win",
            Effort => "errors.action_csv.column.effort",
            Impact => "errors.action_csv.column.impact",
            Phase => "errors.action_csv.column.phase",
            BudgetInvestment => "errors.action_csv.column.budget_investment",
            BudgetOperating => "errors.action_csv.column.budget_operating",
            Partners => "errors.action_csv.column.partners",
            Circles => "errors.action_csv.column.circles",
            Indicators => "errors.action_csv.column.indicators",
            Description => "errors.action_csv.column.description",
            Id => "errors.action_csv.column.id",
        }
    }

    /// The header, in the display language.
    pub fn header(self) -> &'static str {
        t(self.key())
    }

    /// Recognises a header in any language the app speaks, whatever its case or accents.
    pub fn from_header(header: &str) -> Option<ActionColumn> {
        let folded = fold(header);
        ActionColumn::ALL.into_iter().find(|c| {
            crate::i18n::in_every_language(|| c.header().to_owned())
                .iter()
                .any(|h| fold(h) == folded)
        })
    }

    /// Whether an import reads this column back (the budgets and indicators are summaries of
    /// lines and measures kept in the app: they are written, not read).
    pub fn read_back(self) -> bool {
        !matches!(
            self,
            ActionColumn::BudgetInvestment
                | ActionColumn::BudgetOperating
                | ActionColumn::Indicators
        )
    }
}

/// The column headers, in order, in the display language.
pub fn action_plan_columns() -> [&'static str; 19] {
    ActionColumn::ALL.map(ActionColumn::header)
}

/// The fiches in the order the plan is written: the kit's axes ([`Axis::ALL`]), then by title
/// (case and accents ignored).
pub(crate) fn in_order(actions: &[ActionSheet]) -> Vec<&ActionSheet> {
    let axis_rank = |axis: Axis| Axis::ALL.iter().position(|a| *a == axis);
    let mut sorted: Vec<&ActionSheet> = actions.iter().collect();
    sorted.sort_by_cached_key(|a| (axis_rank(a.axis), fold(&a.title), a.title.clone()));
    sorted
}

/// One cell of `a`'s row, typed (see [`write_action_plan`] for how each reads).
pub fn cell(a: &ActionSheet, column: ActionColumn, names: &HashMap<Id, &str>) -> Value {
    use ActionColumn as C;
    let budget = |kind: BudgetKind| {
        if a.budget.iter().any(|l| l.kind == kind) {
            Value::Euros(a.budget_total(Some(kind)) as f64)
        } else {
            Value::Empty
        }
    };
    let score =
        |s: Option<crate::Score>| s.map_or(Value::Empty, |s| Value::Number(f64::from(s.number())));
    let day = |d: Option<chrono::NaiveDate>| d.map_or(Value::Empty, Value::Date);
    match column {
        C::Title => Value::text(a.title.clone()),
        C::Axis => Value::text(a.axis.label()),
        C::Status => Value::text(a.status.label()),
        C::Priority => Value::text(a.priority.map(|p| p.label()).unwrap_or_default()),
        C::Pilot => Value::text(a.pilot.clone()),
        C::PilotService => Value::text(a.pilot_service.clone()),
        C::Start => day(a.start),
        C::Due => day(a.due),
        C::QuickWin => Value::text(t(if a.is_quick_win() {
            "errors.action_csv.yes"
        } else {
            "errors.action_csv.no"
        })),
        C::Effort => score(a.effort),
        C::Impact => score(a.impact),
        C::Phase => Value::text(a.phase.map(|p| p.label()).unwrap_or_default()),
        C::BudgetInvestment => budget(BudgetKind::Investment),
        C::BudgetOperating => budget(BudgetKind::Operating),
        C::Partners => Value::text(
            a.actor_ids
                .iter()
                .filter_map(|id| names.get(id).copied())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        C::Circles => Value::text(
            a.circles
                .iter()
                .map(|c| tf("errors.action_csv.circle", &[("number", &c.number())]))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        C::Indicators => Value::text(
            a.indicators
                .iter()
                .map(indicator_cell)
                .collect::<Vec<_>>()
                .join(" | "),
        ),
        C::Description => Value::text(a.description.clone()),
        C::Id => Value::text(a.id.to_string()),
    }
}

/// The action plan as a sheet to write (.ods, .xlsx), typed: days as dates, euros as amounts,
/// effort and impact as numbers.
pub fn action_table(actions: &[ActionSheet], actors: &[Actor]) -> Table {
    let names: HashMap<Id, &str> = actors.iter().map(|a| (a.id, a.name.as_str())).collect();
    Table {
        name: t("errors.action_csv.sheet").to_owned(),
        headers: action_plan_columns().map(str::to_owned).to_vec(),
        rows: in_order(actions)
            .into_iter()
            .map(|a| {
                ActionColumn::ALL
                    .iter()
                    .map(|&c| cell(a, c, &names))
                    .collect()
            })
            .collect(),
    }
}

/// Writes `actions` as the action-plan CSV; with no action it is the header line alone.
///
/// Rows come in the kit's axis order ([`Axis::ALL`]), then by title (case and accents ignored).
/// Cells: labels for axis, status, priority and phase; dates `dd/mm/yyyy`; « oui »/« non » for
/// quick win; effort and impact as 1–3; budget totals in whole euros per kind (empty without a
/// line of that kind); partner names from `actors` joined by « , » (unknown ids skipped);
/// circles as « Cercle 1, Cercle 3 »; indicators as « Nom : mesure / cible unité » joined by
/// « | »; numbers without float noise and with a decimal comma (« 12,5 »); the fiche's
/// identifier last. A cell that a spreadsheet would run as a formula gets a leading
/// apostrophe, as in the census export.
pub fn write_action_plan(actions: &[ActionSheet], actors: &[Actor]) -> String {
    let names: HashMap<Id, &str> = actors.iter().map(|a| (a.id, a.name.as_str())).collect();
    let mut writer = spreadsheet_writer();
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(action_plan_columns());
    for a in in_order(actions) {
        let row = ActionColumn::ALL.map(|c| match cell(a, c, &names) {
            Value::Empty => String::new(),
            Value::Text(s) => s,
            Value::Number(n) | Value::Euros(n) => french_number(n),
            Value::Date(d) => french_date(d),
        });
        let _ = writer.write_record(row.iter().map(|cell| neutralise(cell)));
    }
    finish_spreadsheet(writer)
}

/// One row of an action plan read back from a spreadsheet.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionRow {
    /// The row's line (its number in the sheet).
    pub line: u64,
    /// The fiche as the row describes it: the identifier of the fiche it updates if the
    /// plan has it, else a fresh one; fields of columns the file lacks keep their defaults.
    pub sheet: ActionSheet,
    /// The fiche of the plan it updates, if any.
    pub updates: Option<Id>,
}

/// An action plan read back (see [`read_action_plan`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ActionImport {
    pub rows: Vec<ActionRow>,
    /// The columns the file has that an import reads back (an update changes only these).
    pub columns: Vec<ActionColumn>,
    /// Problems met, each located; rows with an error are left out.
    pub problems: Vec<crate::census::Problem>,
}

/// Reads an action plan back from a spreadsheet's rows (CSV, .ods, .xlsx) in the columns
/// [`write_action_plan`] writes, headers in French or English: a row whose identifier names
/// a fiche of `existing` updates it, any other row is a new fiche (fresh id from `ids`).
/// Partners are read by name among `actors`. Budgets and indicators are not read back (they
/// summarise lines and measures kept in the app). Errors: no title column.
pub fn read_action_plan(
    headers: &[String],
    header_line: u64,
    rows: Vec<(u64, Vec<String>)>,
    existing: &[ActionSheet],
    actors: &[Actor],
    ids: &mut impl crate::IdGen,
) -> Result<ActionImport, crate::census::ReadError> {
    use crate::census::{Problem, ReadError, Severity};
    let columns: Vec<Option<ActionColumn>> = headers
        .iter()
        .map(|h| ActionColumn::from_header(h))
        .collect();
    if !columns.contains(&Some(ActionColumn::Title)) {
        return Err(ReadError::NoTitleColumn {
            found: headers.to_vec(),
        });
    }
    let by_name: HashMap<String, Id> = actors.iter().map(|a| (fold(&a.name), a.id)).collect();
    let mut problems = Vec::new();
    for (header, column) in headers.iter().zip(&columns) {
        if column.is_none() && !header.trim().is_empty() {
            problems.push(Problem {
                severity: Severity::Warning,
                line: Some(header_line),
                column: Some(header.clone()),
                message: t("errors.census.unknown_column").into(),
            });
        }
    }
    let mut read = Vec::new();
    for (line, cells) in rows {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |wanted: ActionColumn| {
            columns
                .iter()
                .position(|c| *c == Some(wanted))
                .and_then(|i| cells.get(i))
                .map(|c| crate::census::unneutralise(c.trim()))
                .unwrap_or("")
        };
        let mut problem = |column: ActionColumn, severity, message: String| {
            problems.push(Problem {
                severity,
                line: Some(line),
                column: Some(column.header().to_owned()),
                message,
            });
        };
        let title = cell(ActionColumn::Title);
        if title.is_empty() {
            problem(
                ActionColumn::Title,
                Severity::Error,
                t("errors.action_csv.empty_title").into(),
            );
            continue;
        }
        let updates =
            Id::parse(cell(ActionColumn::Id)).filter(|id| existing.iter().any(|a| a.id == *id));
        let id = updates.unwrap_or_else(|| ids.new_id());
        let mut sheet = match updates.and_then(|id| existing.iter().find(|a| a.id == id)) {
            // Columns the file lacks keep what the plan holds.
            Some(stored) => stored.clone(),
            None => ActionSheet::new(id, title, Axis::Know),
        };
        sheet.title = title.to_owned();
        let mut unreadable = |column: ActionColumn, value: &str| {
            let message = tf("errors.census.unreadable_value", &[("value", &value)]);
            problem(column, Severity::Warning, message);
        };
        let flag = sheet.quick_win;
        for column in columns.iter().flatten().copied() {
            let value = cell(column);
            if !read_cell(&mut sheet, column, value, &by_name) {
                unreadable(column, value);
            }
        }
        // « Gain rapide » is written as every screen shows it (`is_quick_win`): for a fiche
        // whose scores make it one anyway, the cell says nothing about the flag, which keeps
        // its stored value, so that a round trip changes nothing.
        if sheet.suggests_quick_win() {
            sheet.quick_win = flag;
        }
        read.push(ActionRow {
            line,
            sheet,
            updates,
        });
    }
    Ok(ActionImport {
        rows: read,
        columns: columns
            .iter()
            .flatten()
            .copied()
            .filter(|c| c.read_back() && *c != ActionColumn::Id)
            .collect(),
        problems,
    })
}

/// Sets `column` of `sheet` from `value`; false when the value cannot be read (then the field
/// keeps its value). An empty cell empties an optional field.
fn read_cell(
    sheet: &mut ActionSheet,
    column: ActionColumn,
    value: &str,
    actors: &HashMap<String, Id>,
) -> bool {
    use crate::{ActionStatus, Circle, Phase, Priority, Score};
    use ActionColumn as C;
    fn pick<T: Copy>(value: &str, all: &[T], label: fn(T) -> &'static str) -> Option<T> {
        let folded = fold(value);
        all.iter().copied().find(|&v| {
            crate::i18n::in_every_language(|| label(v).to_owned())
                .iter()
                .any(|l| fold(l) == folded)
        })
    }
    fn optional(value: &str) -> Option<&str> {
        (!value.is_empty()).then_some(value)
    }
    let day = |value: &str| match optional(value) {
        None => Some(None),
        Some(v) => crate::text::parse_sheet_day(v).map(Some),
    };
    let score = |value: &str| match optional(value) {
        None => Some(None),
        Some(v) => v
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|n| n.fract() == 0.0)
            .and_then(|n| Score::try_from(n as u8).ok())
            .map(Some),
    };
    match column {
        C::Title | C::Id | C::BudgetInvestment | C::BudgetOperating | C::Indicators => true,
        C::Axis => pick(value, &Axis::ALL, Axis::label)
            .map(|a| sheet.axis = a)
            .is_some(),
        C::Status => pick(value, &ActionStatus::ALL, ActionStatus::label)
            .map(|s| sheet.status = s)
            .is_some(),
        C::Priority => match optional(value) {
            None => {
                sheet.priority = None;
                true
            }
            Some(v) => pick(v, &Priority::ALL, Priority::label)
                .map(|p| sheet.priority = Some(p))
                .is_some(),
        },
        C::Pilot => {
            sheet.pilot = value.to_owned();
            true
        }
        C::PilotService => {
            sheet.pilot_service = value.to_owned();
            true
        }
        C::Start => day(value).map(|d| sheet.start = d).is_some(),
        C::Due => day(value).map(|d| sheet.due = d).is_some(),
        C::QuickWin => match fold(value).as_str() {
            "oui" | "yes" | "vrai" | "true" | "1" | "x" => {
                sheet.quick_win = true;
                true
            }
            "" | "non" | "no" | "faux" | "false" | "0" => {
                sheet.quick_win = false;
                true
            }
            _ => false,
        },
        C::Effort => score(value).map(|s| sheet.effort = s).is_some(),
        C::Impact => score(value).map(|s| sheet.impact = s).is_some(),
        C::Phase => match optional(value) {
            None => {
                sheet.phase = None;
                true
            }
            Some(v) => pick(v, &Phase::ALL, Phase::label)
                .map(|p| sheet.phase = Some(p))
                .is_some(),
        },
        C::Partners => match partner_ids(value, actors) {
            Some(ids) => {
                sheet.actor_ids = ids;
                true
            }
            None => false,
        },
        C::Circles => {
            let numbers: Option<Vec<Circle>> = value
                .split(',')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(|c| {
                    c.trim_start_matches(|ch: char| !ch.is_ascii_digit())
                        .parse::<u8>()
                        .ok()
                        .and_then(|n| Circle::try_from(n).ok())
                })
                .collect();
            numbers.map(|c| sheet.circles = c).is_some()
        }
        C::Description => {
            sheet.description = value.to_owned();
            true
        }
    }
}

/// The actors a « partenaires » cell names, by name; `None` if one name is unknown. Names
/// may hold commas (« ADEME, direction régionale »): the longest known name is taken first.
fn partner_ids(value: &str, actors: &HashMap<String, Id>) -> Option<Vec<Id>> {
    let pieces: Vec<&str> = value.split(',').collect();
    let mut ids = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        if pieces[i].trim().is_empty() {
            i += 1;
            continue;
        }
        let (end, id) = (i + 1..=pieces.len()).rev().find_map(|j| {
            actors
                .get(&fold(&pieces[i..j].join(",")))
                .map(|id| (j, *id))
        })?;
        ids.push(id);
        i = end;
    }
    Some(ids)
}

/// Reads an action plan back from one sheet of a workbook (.ods, .xlsx): the header row is
/// the first of the sheet's first ten filled rows that names the title column; cells are read
/// as text (a date cell as `30/06/2027`), then as [`read_action_plan`] reads CSV rows.
/// Errors: an empty sheet, no title column.
pub fn read_action_sheet(
    sheet: &crate::sheets::Sheet,
    existing: &[ActionSheet],
    actors: &[Actor],
    ids: &mut impl crate::IdGen,
) -> Result<ActionImport, crate::census::ReadError> {
    use crate::census::ReadError;
    let texts = |cells: &[crate::sheets::Cell]| -> Vec<String> {
        cells.iter().map(|c| c.text().trim().to_owned()).collect()
    };
    if sheet.is_empty() {
        return Err(ReadError::Empty);
    }
    let Some(at) = title_row(sheet) else {
        let (_, first) = &sheet.rows[0];
        return Err(ReadError::NoTitleColumn {
            found: texts(first).into_iter().filter(|h| !h.is_empty()).collect(),
        });
    };
    let (header_line, header_cells) = &sheet.rows[at];
    let rows = sheet.rows[at + 1..]
        .iter()
        .map(|(line, cells)| (u64::from(*line), texts(cells)))
        .collect();
    read_action_plan(
        &texts(header_cells),
        u64::from(*header_line),
        rows,
        existing,
        actors,
        ids,
    )
}

/// Where the header row of an action plan is among a sheet's first ten filled rows.
fn title_row(sheet: &crate::sheets::Sheet) -> Option<usize> {
    sheet.rows.iter().take(10).position(|(_, cells)| {
        cells
            .iter()
            .any(|c| ActionColumn::from_header(&c.text()) == Some(ActionColumn::Title))
    })
}

/// The sheet of a workbook an action-plan import starts with: the first with a title column
/// in its first rows, else the first.
pub fn action_sheet(sheets: &[crate::sheets::Sheet]) -> usize {
    sheets
        .iter()
        .position(|s| title_row(s).is_some())
        .unwrap_or(0)
}

/// Applies the changes the preview showed for a row ([`action_changes`]: column, old cell,
/// new cell) to the fiche as it is *now*: only those columns are set, from the cells as the
/// row wrote them, so that an edit made after the preview — a follow-up note, an amount spent,
/// a measure, or any column the row does not change — is kept.
pub fn apply_changes(
    current: &mut ActionSheet,
    changes: &[(ActionColumn, String, String)],
    actors: &[Actor],
) {
    let by_name: HashMap<String, Id> = actors.iter().map(|a| (fold(&a.name), a.id)).collect();
    for (column, _, new) in changes {
        read_cell(current, *column, new, &by_name);
    }
}

/// What an imported row would change in the fiche it updates: each column read back whose
/// cell differs, with both cells as written (« old → new »).
pub fn action_changes(
    stored: &ActionSheet,
    incoming: &ActionSheet,
    columns: &[ActionColumn],
    actors: &[Actor],
) -> Vec<(ActionColumn, String, String)> {
    let names: HashMap<Id, &str> = actors.iter().map(|a| (a.id, a.name.as_str())).collect();
    let text = |a: &ActionSheet, c| match cell(a, c, &names) {
        Value::Empty => String::new(),
        Value::Text(s) => s,
        Value::Number(n) | Value::Euros(n) => french_number(n),
        Value::Date(d) => french_date(d),
    };
    columns
        .iter()
        .filter(|c| c.read_back())
        .filter_map(|&c| {
            let (old, new) = (text(stored, c), text(incoming, c));
            (old != new).then_some((c, old, new))
        })
        .collect()
}

/// « Ordinateurs reconditionnés : 200 / 800 ordinateurs »; « — » before the first measure,
/// « (départ 100) » when the baseline is not 0, no « / cible » without a target.
fn indicator_cell(i: &Indicator) -> String {
    let latest = i
        .latest()
        .map_or("—".to_owned(), |m| french_number(m.value));
    let mut cell = match i.target {
        Some(target) => tf(
            "errors.action_csv.indicator_target",
            &[
                ("name", &i.name),
                ("latest", &latest),
                ("target", &french_number(target)),
                ("unit", &i.unit),
            ],
        ),
        None => tf(
            "errors.action_csv.indicator",
            &[("name", &i.name), ("latest", &latest), ("unit", &i.unit)],
        ),
    };
    cell.truncate(cell.trim_end().len());
    match i.baseline {
        Some(b) if b != 0.0 => tf(
            "errors.action_csv.baseline",
            &[("cell", &cell), ("baseline", &french_number(b))],
        ),
        _ => cell,
    }
}

/// A number as French readers write it: `200`, `12,5`, `0,3` (rounded to 3 decimals, so that
/// float noise such as `0.30000000000000004` disappears); empty for a non-finite value.
fn french_number(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let rounded = (value * 1000.0).round() / 1000.0;
    // `+ 0.0` turns -0 into 0.
    format!("{}", rounded + 0.0).replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::CounterIds;
    use crate::{ActionStatus, BudgetLine, Circle, IdGen, Measure, Phase, Priority, Score};
    use chrono::NaiveDate;

    fn read(csv: &str) -> Vec<csv::StringRecord> {
        let body = csv.strip_prefix('\u{feff}').expect("BOM first");
        csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .from_reader(body.as_bytes())
            .records()
            .map(Result::unwrap)
            .collect()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn headers_then_one_row_per_sheet_with_french_cells() {
        let mut ids = CounterIds::default();
        let envie = Actor::new(ids.new_id(), "Envie 35");
        let repair = Actor::new(ids.new_id(), "Repair café");
        let mut a = ActionSheet::new(ids.new_id(), "Reconditionner le parc", Axis::Support);
        a.status = ActionStatus::InProgress;
        a.priority = Some(Priority::High);
        a.pilot = "Mme Martin".into();
        a.pilot_service = "DSI".into();
        a.start = Some(day(2026, 1, 12));
        a.due = Some(day(2027, 6, 30));
        a.quick_win = true;
        a.effort = Some(Score::Low);
        a.impact = Some(Score::High);
        a.phase = Some(Phase::First);
        a.actor_ids = vec![envie.id, Id::from_random_bytes([7; 16]), repair.id];
        a.circles = vec![Circle::One, Circle::Three];
        a.description = "Avec l'association; sur deux\nlignes".into();
        for (kind, amount) in [
            (BudgetKind::Investment, 6_500),
            (BudgetKind::Operating, 18_000),
            (BudgetKind::Investment, 500),
        ] {
            a.budget.push(BudgetLine {
                kind,
                label: String::new(),
                amount,
                year: None,
                actual: None,
            });
        }
        let mut computers = Indicator::new("Ordinateurs reconditionnés");
        computers.unit = "ordinateurs".into();
        computers.target = Some(800.0);
        computers.measures = vec![Measure {
            on: day(2026, 9, 30),
            value: 200.0,
        }];
        let mut energy = Indicator::new("Énergie");
        energy.unit = "kWh".into();
        energy.baseline = Some(100.0);
        energy.target = Some(70.0);
        a.indicators = vec![computers, energy, Indicator::new("Satisfaction")];

        let csv = write_action_plan(&[a], &[envie, repair]);
        assert!(csv.starts_with('\u{feff}'));
        let rows = read(&csv);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].iter().collect::<Vec<_>>(), action_plan_columns());
        let row: Vec<&str> = rows[1].iter().collect();
        assert_eq!(
            row[..14],
            [
                "Reconditionner le parc",
                "Soutenir un numérique plus sobre & responsable",
                "En cours",
                "Haute",
                "Mme Martin",
                "DSI",
                "12/01/2026",
                "30/06/2027",
                "oui",
                "1",
                "3",
                "Phase 1 : démarrer",
                "7000",
                "18000",
            ]
        );
        assert_eq!(row[14], "Envie 35, Repair café", "unknown partner skipped");
        assert_eq!(row[15], "Cercle 1, Cercle 3");
        assert_eq!(
            row[16],
            "Ordinateurs reconditionnés : 200 / 800 ordinateurs | \
             Énergie : — / 70 kWh (départ 100) | Satisfaction : —"
        );
        assert_eq!(row[17], "Avec l'association; sur deux\nlignes");
    }

    #[test]
    fn lines_end_with_crlf_and_an_empty_plan_is_the_header() {
        let csv = write_action_plan(&[], &[]);
        assert_eq!(
            csv,
            format!("\u{feff}{}\r\n", action_plan_columns().join(";"))
        );
        let mut ids = CounterIds::default();
        let sheets: Vec<_> = (0..3)
            .map(|i| ActionSheet::new(ids.new_id(), format!("Action {i}"), Axis::Know))
            .collect();
        let csv = write_action_plan(&sheets, &[]);
        assert_eq!(csv.matches("\r\n").count(), 4);
        assert_eq!(csv.matches('\n').count(), 4, "no bare line feed");
        let row: Vec<String> = read(&csv)[1].iter().map(str::to_owned).collect();
        assert_eq!(row[8], "non");
        assert!(row[12].is_empty() && row[13].is_empty(), "no budget line");
    }

    #[test]
    fn formulas_are_neutralised() {
        let mut ids = CounterIds::default();
        let evil = Actor::new(ids.new_id(), "@SOMME(A1)");
        let mut a = ActionSheet::new(ids.new_id(), "=HYPERLINK(\"http://x\")", Axis::Know);
        a.actor_ids = vec![evil.id];
        a.description = "-20 % d'impressions".into();
        let row: Vec<String> = read(&write_action_plan(&[a], &[evil]))[1]
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(row[0], "'=HYPERLINK(\"http://x\")");
        assert_eq!(row[14], "'@SOMME(A1)");
        assert_eq!(row[17], "'-20 % d'impressions");
    }

    #[test]
    fn rows_follow_the_kit_axes_then_titles() {
        let mut ids = CounterIds::default();
        let sheets = [
            ("Sensibiliser", Axis::Engage),
            ("écoles", Axis::Engage),
            ("Mesurer", Axis::Know),
            ("Innover", Axis::Innovate),
            ("Collecter", Axis::Support),
            ("Accueillir", Axis::Engage),
        ]
        .map(|(t, axis)| ActionSheet::new(ids.new_id(), t, axis));
        let titles: Vec<String> = read(&write_action_plan(&sheets, &[]))[1..]
            .iter()
            .map(|r| r[0].to_owned())
            .collect();
        assert_eq!(
            titles,
            [
                "Mesurer",
                "Collecter",
                "Innover",
                "Accueillir",
                "écoles",
                "Sensibiliser"
            ]
        );
    }

    /// Reads `csv` back as an action plan against `existing`.
    fn read_back(csv: &str, existing: &[ActionSheet], actors: &[Actor]) -> ActionImport {
        let table = crate::census::csv_rows(csv.trim_start_matches('\u{feff}')).unwrap();
        read_action_plan(
            &table.headers,
            table.header_line,
            table.rows,
            existing,
            actors,
            &mut CounterIds::default(),
        )
        .unwrap()
    }

    #[test]
    fn an_exported_plan_reads_back_unchanged_and_one_edited_cell_is_one_change() {
        let mut file =
            crate::example::example_plan(&mut CounterIds::default(), crate::example::test_day());
        // A fiche its scores make a quick win, box not ticked: written « oui », read back as is.
        let scored = &mut file.actions[0];
        (scored.quick_win, scored.effort, scored.impact) =
            (false, Some(Score::Low), Some(Score::High));
        let csv = write_action_plan(&file.actions, &file.actors);
        let written = crate::census::csv_rows(csv.trim_start_matches('\u{feff}')).unwrap();
        let quick = written
            .headers
            .iter()
            .position(|h| h == "Gain rapide")
            .unwrap();
        let title = written
            .headers
            .iter()
            .position(|h| h == "Intitulé")
            .unwrap();
        let row = written
            .rows
            .iter()
            .find(|(_, r)| r[title] == file.actions[0].title);
        assert_eq!(row.unwrap().1[quick], "oui");
        let back = read_back(&csv, &file.actions, &file.actors);
        assert_eq!(back.rows.len(), file.actions.len());
        let scored_back = back
            .rows
            .iter()
            .find(|r| r.updates == Some(file.actions[0].id));
        assert!(
            !scored_back.unwrap().sheet.quick_win,
            "the box stays unticked"
        );
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        for row in &back.rows {
            let stored = file
                .actions
                .iter()
                .find(|a| Some(a.id) == row.updates)
                .unwrap();
            assert_eq!(
                action_changes(stored, &row.sheet, &back.columns, &file.actors),
                vec![],
                "{}",
                stored.title
            );
        }

        // The spreadsheet user moves one fiche to « Terminée » and adds a new one.
        let target = file
            .actions
            .iter()
            .find(|a| a.status != crate::ActionStatus::Done)
            .unwrap();
        let mut rows = crate::census::csv_rows(csv.trim_start_matches('\u{feff}')).unwrap();
        let status = rows.headers.iter().position(|h| h == "Statut").unwrap();
        let id = rows
            .headers
            .iter()
            .position(|h| h == "Identifiant")
            .unwrap();
        let at = rows
            .rows
            .iter()
            .position(|(_, r)| r[id] == target.id.to_string())
            .unwrap();
        rows.rows[at].1[status] = crate::ActionStatus::Done.label().into();
        let mut new = vec![String::new(); rows.headers.len()];
        new[0] = "Prêter des ordinateurs aux associations".into();
        rows.rows.push((99, new));
        let back = read_action_plan(
            &rows.headers,
            1,
            rows.rows,
            &file.actions,
            &file.actors,
            &mut CounterIds::default(),
        )
        .unwrap();
        let edited = back
            .rows
            .iter()
            .find(|r| r.updates == Some(target.id))
            .unwrap();
        let changes = action_changes(target, &edited.sheet, &back.columns, &file.actors);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].0, ActionColumn::Status);
        assert_eq!(changes[0].2, crate::ActionStatus::Done.label());
        let added = back.rows.last().unwrap();
        assert_eq!(added.updates, None);
        assert_eq!(added.sheet.title, "Prêter des ordinateurs aux associations");
    }

    #[test]
    fn english_headers_and_a_workbook_read_back_too() {
        let file =
            crate::example::example_plan(&mut CounterIds::default(), crate::example::test_day());
        crate::i18n::set_lang(crate::i18n::Lang::En);
        let table = action_table(&file.actions, &file.actors);
        let bytes = crate::sheets::ods::ods(
            &[table],
            &crate::sheets::write::Properties {
                title: "Plan".into(),
                created: chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap(),
            },
        )
        .unwrap();
        crate::i18n::set_lang(crate::i18n::Lang::Fr);
        let sheets = crate::sheets::read_workbook(&bytes).unwrap();
        let rows: Vec<(u64, Vec<String>)> = sheets[0]
            .rows
            .iter()
            .map(|(l, cells)| (u64::from(*l), cells.iter().map(|c| c.text()).collect()))
            .collect();
        let (_, headers) = &rows[0];
        assert_eq!(headers[0], "Title");
        let back = read_action_plan(
            headers,
            1,
            rows[1..].to_vec(),
            &file.actions,
            &file.actors,
            &mut CounterIds::default(),
        )
        .unwrap();
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        for row in &back.rows {
            let stored = file
                .actions
                .iter()
                .find(|a| Some(a.id) == row.updates)
                .unwrap();
            assert_eq!(
                action_changes(stored, &row.sheet, &back.columns, &file.actors),
                vec![]
            );
        }
    }

    #[test]
    fn numbers_have_no_float_noise_and_a_decimal_comma() {
        assert_eq!(french_number(200.0), "200");
        assert_eq!(french_number(2.5), "2,5");
        assert_eq!(french_number(0.1 + 0.2), "0,3");
        assert_eq!(french_number(-0.0001), "0");
        assert_eq!(french_number(1_000_000.0), "1000000");
        assert_eq!(french_number(f64::NAN), "");
    }

    #[test]
    fn the_example_plan_exports_its_kit_figures() {
        let file =
            crate::example::example_plan(&mut CounterIds::default(), crate::example::test_day());
        let rows = read(&write_action_plan(&file.actions, &file.actors));
        assert_eq!(rows.len(), 1 + file.actions.len());
        let cells: Vec<&str> = rows.iter().flat_map(|r| r.iter()).collect();
        assert!(cells
            .iter()
            .any(|c| c.contains("Ordinateurs reconditionnés : 200 / 800 ordinateurs")));
        assert!(cells.iter().any(|c| c.contains(": 12,5 / 30 %")));
        assert_eq!(&rows[1][1], Axis::Know.label());
    }

    #[test]
    fn applying_a_row_keeps_what_changed_in_the_app_after_the_preview() {
        let file = crate::example::example_plan(
            &mut crate::ids::CounterIds::default(),
            crate::example::test_day(),
        );
        let stored = file.actions[0].clone();
        let mut incoming = stored.clone();
        incoming.pilot = "Mme Nouvelle Pilote".into();
        let changes = action_changes(&stored, &incoming, &ActionColumn::ALL, &file.actors);
        assert_eq!(changes.len(), 1, "{changes:?}");
        // Meanwhile, in the app: a follow-up note and an amount spent.
        let mut current = stored.clone();
        current.follow_ups.push(crate::FollowUp {
            on: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            text: "Note écrite après l'aperçu".into(),
        });
        current.budget[0].actual = Some(33_333);
        apply_changes(&mut current, &changes, &file.actors);
        assert_eq!(current.pilot, "Mme Nouvelle Pilote");
        assert_eq!(current.follow_ups.len(), stored.follow_ups.len() + 1);
        assert_eq!(current.budget[0].actual, Some(33_333));
    }
}
