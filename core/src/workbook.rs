//! The plan as spreadsheets (.ods, .xlsx): the census, the action plan, the indicators and
//! the mobilisations, each a typed [`Table`], alone or as the sheets of one workbook.
//!
//! The census sheet has the CSV's columns ([`Column::ALL`]) and the action plan the action
//! CSV's ([`crate::action_csv`]), so that a sheet edited in LibreOffice or Excel imports back
//! like the CSV. The indicators (one row per indicator and measure) and the mobilisations are
//! written only: they are kept and measured in the app.

use crate::action_csv::action_table;
use crate::census::{export_cell as cell, Column};
use crate::i18n::t;
use crate::sheets::write::{self, Properties, Table, Value};
use crate::{ActionSheet, Actor, Id, Mobilisation};
use std::collections::HashMap;

/// A spreadsheet format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// OpenDocument (LibreOffice; the format the RGI asks of public bodies).
    Ods,
    /// Office Open XML (Excel).
    Xlsx,
}

impl Format {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Ods => "ods",
            Format::Xlsx => "xlsx",
        }
    }

    /// The file's MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// Writes `tables` (one sheet each) in `format`. Errors: the writer's message (not expected
/// with tables built here).
pub fn write(tables: &[Table], properties: &Properties, format: Format) -> Result<Vec<u8>, String> {
    match format {
        Format::Ods => crate::sheets::ods::ods(tables, properties),
        Format::Xlsx => write::xlsx(tables, properties),
    }
}

/// The census as a sheet: the CSV's columns, the day an actor was found as a date, every
/// other cell a text written as the CSV writes it (never a formula).
pub fn census_table(actors: &[Actor]) -> Table {
    Table {
        name: t("errors.workbook.census").to_owned(),
        headers: Column::ALL.map(|c| c.header().to_owned()).to_vec(),
        rows: actors
            .iter()
            .map(|a| {
                Column::ALL
                    .map(|c| match (c, a.found_on) {
                        (Column::FoundOn, Some(day)) => Value::Date(day),
                        _ => Value::text(cell(a, c)),
                    })
                    .to_vec()
            })
            .collect(),
    }
}

/// The indicators: one row per indicator and measure (an indicator not measured yet has one
/// row without a measure), in the action plan's order. Columns: fiche action, axis,
/// indicator, unit, baseline, target, day of the measure, value.
pub fn indicator_table(actions: &[ActionSheet]) -> Table {
    let headers = [
        "errors.workbook.col.action",
        "errors.workbook.col.axis",
        "errors.workbook.col.indicator",
        "errors.workbook.col.unit",
        "errors.workbook.col.baseline",
        "errors.workbook.col.target",
        "errors.workbook.col.measured_on",
        "errors.workbook.col.value",
    ];
    let number = |n: Option<f64>| n.map_or(Value::Empty, Value::Number);
    let mut rows = Vec::new();
    for a in crate::action_csv::in_order(actions) {
        for i in &a.indicators {
            let mut measures: Vec<_> = i.measures.iter().collect();
            measures.sort_by_key(|m| m.on);
            let start = || {
                vec![
                    Value::text(a.title.clone()),
                    Value::text(a.axis.label()),
                    Value::text(i.name.clone()),
                    Value::text(i.unit.clone()),
                    number(i.baseline),
                    number(i.target),
                ]
            };
            if measures.is_empty() {
                let mut row = start();
                row.extend([Value::Empty, Value::Empty]);
                rows.push(row);
            }
            for m in measures {
                let mut row = start();
                row.extend([Value::Date(m.on), Value::Number(m.value)]);
                rows.push(row);
            }
        }
    }
    Table {
        name: t("errors.workbook.indicators").to_owned(),
        headers: headers.map(|k| t(k).to_owned()).to_vec(),
        rows,
    }
}

/// The mobilisations (step 2), by circle then date: format, circle, targeted actors (names
/// joined by « , »), date, organiser, status, notes.
pub fn mobilisation_table(mobilisations: &[Mobilisation], actors: &[Actor]) -> Table {
    let names: HashMap<Id, &str> = actors.iter().map(|a| (a.id, a.name.as_str())).collect();
    let headers = [
        "errors.workbook.col.format",
        "errors.workbook.col.circle",
        "errors.workbook.col.actors",
        "errors.workbook.col.date",
        "errors.workbook.col.owner",
        "errors.workbook.col.status",
        "errors.workbook.col.notes",
    ];
    let mut sorted: Vec<&Mobilisation> = mobilisations.iter().collect();
    sorted.sort_by_key(|m| (m.circle.number(), m.date));
    let rows = sorted
        .into_iter()
        .map(|m| {
            let targeted: Vec<&str> = m
                .actor_ids
                .iter()
                .filter_map(|id| names.get(id).copied())
                .collect();
            vec![
                Value::text(m.format.clone()),
                Value::text(crate::i18n::tf(
                    "errors.action_csv.circle",
                    &[("number", &m.circle.number())],
                )),
                Value::text(targeted.join(", ")),
                m.date.map_or(Value::Empty, Value::Date),
                Value::text(m.owner.clone()),
                Value::text(m.status.label()),
                Value::text(m.notes.clone()),
            ]
        })
        .collect();
    Table {
        name: t("errors.workbook.mobilisations").to_owned(),
        headers: headers.map(|k| t(k).to_owned()).to_vec(),
        rows,
    }
}

/// The whole plan as one workbook's sheets: census, action plan, indicators, mobilisations.
pub fn plan_tables(
    actors: &[Actor],
    actions: &[ActionSheet],
    mobilisations: &[Mobilisation],
) -> Vec<Table> {
    vec![
        census_table(actors),
        action_table(actions, actors),
        indicator_table(actions),
        mobilisation_table(mobilisations, actors),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::CounterIds;
    use crate::sheets::read_workbook;
    use crate::{Circle, IdGen, Indicator, Measure};
    use chrono::{NaiveDate, TimeZone, Utc};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn sample() -> (Vec<Actor>, Vec<ActionSheet>, Vec<Mobilisation>) {
        let mut ids = CounterIds::default();
        let mut envie = Actor::new(ids.new_id(), "Envie 35");
        envie.found_on = Some(day(2026, 3, 2));
        let mut action = ActionSheet::new(
            ids.new_id(),
            "Reconditionner les ordinateurs",
            crate::Axis::Support,
        );
        let mut i = Indicator::new("Ordinateurs reconditionnés");
        i.unit = "ordinateurs".into();
        i.target = Some(800.0);
        i.measures = vec![
            Measure {
                on: day(2027, 6, 30),
                value: 350.0,
            },
            Measure {
                on: day(2026, 12, 31),
                value: 120.0,
            },
        ];
        action.indicators = vec![i, Indicator::new("Agents formés")];
        let mut m = Mobilisation::new(ids.new_id(), "Atelier", Circle::Two);
        m.actor_ids = vec![envie.id];
        m.date = Some(day(2027, 1, 15));
        (vec![envie], vec![action], vec![m])
    }

    #[test]
    fn indicators_have_a_row_per_measure_in_date_order_and_one_for_an_unmeasured_indicator() {
        let (_, actions, _) = sample();
        let table = indicator_table(&actions);
        assert_eq!(table.rows.len(), 3);
        assert_eq!(table.rows[0][6], Value::Date(day(2026, 12, 31)));
        assert_eq!(table.rows[0][7], Value::Number(120.0));
        assert_eq!(table.rows[1][7], Value::Number(350.0));
        assert_eq!(table.rows[0][5], Value::Number(800.0));
        assert_eq!(table.rows[2][2], Value::text("Agents formés"));
        assert_eq!(table.rows[2][6], Value::Empty);
    }

    #[test]
    fn the_workbook_has_four_sheets_read_back_with_typed_cells() {
        let (actors, actions, mobilisations) = sample();
        let tables = plan_tables(&actors, &actions, &mobilisations);
        let properties = Properties {
            title: "Stratégie NR".into(),
            created: Utc.with_ymd_and_hms(2026, 12, 2, 10, 0, 0).unwrap(),
        };
        for format in [Format::Ods, Format::Xlsx] {
            let bytes = write(&tables, &properties, format).unwrap();
            let sheets = read_workbook(&bytes).unwrap();
            let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
            assert_eq!(
                names,
                [
                    "Recensement",
                    "Plan d'actions",
                    "Indicateurs",
                    "Mobilisations"
                ],
                "{format:?}"
            );
            let census = &sheets[0];
            let found_on = Column::ALL
                .iter()
                .position(|c| *c == Column::FoundOn)
                .unwrap();
            assert_eq!(
                census.rows[1].1[found_on],
                crate::sheets::Cell::Date(day(2026, 3, 2)),
                "{format:?}"
            );
            let mobilisation = &sheets[3].rows[1].1;
            assert_eq!(
                mobilisation[2],
                crate::sheets::Cell::Text("Envie 35".into())
            );
        }
    }

    #[test]
    fn an_action_plan_sheet_reads_back_to_the_same_fiches_in_both_formats() {
        let (actors, mut actions, _) = sample();
        actions[0].due = Some(day(2027, 6, 30));
        actions[0].effort = Some(crate::Score::Medium);
        let properties = Properties {
            title: "Plan".into(),
            created: Utc.with_ymd_and_hms(2026, 12, 2, 10, 0, 0).unwrap(),
        };
        for format in [Format::Ods, Format::Xlsx] {
            let bytes = write(&[action_table(&actions, &actors)], &properties, format).unwrap();
            let sheets = read_workbook(&bytes).unwrap();
            let at = crate::action_csv::action_sheet(&sheets);
            let import = crate::action_csv::read_action_sheet(
                &sheets[at],
                &actions,
                &actors,
                &mut CounterIds::default(),
            )
            .unwrap();
            assert_eq!(import.rows.len(), 1, "{format:?}");
            assert_eq!(import.rows[0].updates, Some(actions[0].id));
            assert_eq!(import.rows[0].sheet, actions[0], "{format:?}");
        }
    }
}
