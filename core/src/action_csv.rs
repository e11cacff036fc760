//! The action plan (kit step 3, « Quelles actions ? ») as a spreadsheet for council papers
//! (« délibération », « commission »): one row per fiche action, French headers, opened as is by
//! French Excel and LibreOffice (UTF-8 with a BOM, `;` separators, CRLF line ends, like the
//! census export).

use crate::census::{finish_spreadsheet, neutralise, spreadsheet_writer};
use crate::i18n::{t, tf};
use crate::text::{fold, french_date};
use crate::{ActionSheet, Actor, Axis, BudgetKind, Id, Indicator};
use std::collections::HashMap;

/// The eighteen column headers, in order, in the current language.
pub fn action_plan_columns() -> [&'static str; 18] {
    [
        t("errors.action_csv.column.title"),
        t("errors.action_csv.column.axis"),
        t("errors.action_csv.column.status"),
        t("errors.action_csv.column.priority"),
        t("errors.action_csv.column.lead"),
        t("errors.action_csv.column.lead_service"),
        t("errors.action_csv.column.start"),
        t("errors.action_csv.column.deadline"),
        t("errors.action_csv.column.quick_win"),
        t("errors.action_csv.column.effort"),
        t("errors.action_csv.column.impact"),
        t("errors.action_csv.column.phase"),
        t("errors.action_csv.column.budget_investment"),
        t("errors.action_csv.column.budget_operating"),
        t("errors.action_csv.column.partners"),
        t("errors.action_csv.column.circles"),
        t("errors.action_csv.column.indicators"),
        t("errors.action_csv.column.description"),
    ]
}

/// Writes `actions` as the action-plan CSV; with no action it is the header line alone.
///
/// Rows come in the kit's axis order ([`Axis::ALL`]), then by title (case and accents ignored).
/// Cells: labels for axis, status, priority and phase; dates `dd/mm/yyyy`; « oui »/« non » for
/// quick win; effort and impact as 1–3; budget totals in whole euros per kind (empty without a
/// line of that kind); partner names from `actors` joined by « , » (unknown ids skipped);
/// circles as « Cercle 1, Cercle 3 »; indicators as « Nom : mesure / cible unité » joined by
/// « | »; numbers without float noise and with a decimal comma (« 12,5 »). A cell that a
/// spreadsheet would run as a formula gets a leading apostrophe, as in the census export.
pub fn write_action_plan(actions: &[ActionSheet], actors: &[Actor]) -> String {
    let names: HashMap<Id, &str> = actors.iter().map(|a| (a.id, a.name.as_str())).collect();
    let axis_rank = |axis: Axis| Axis::ALL.iter().position(|a| *a == axis);
    let mut sorted: Vec<&ActionSheet> = actions.iter().collect();
    sorted.sort_by_cached_key(|a| (axis_rank(a.axis), fold(&a.title), a.title.clone()));

    let mut writer = spreadsheet_writer();
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(action_plan_columns());
    for a in sorted {
        let opt = |text: Option<String>| text.unwrap_or_default();
        let budget = |kind: BudgetKind| {
            let any = a.budget.iter().any(|l| l.kind == kind);
            opt(any.then(|| a.budget_total(Some(kind)).to_string()))
        };
        let partners: Vec<&str> = a
            .actor_ids
            .iter()
            .filter_map(|id| names.get(id).copied())
            .collect();
        let circles: Vec<String> = a
            .circles
            .iter()
            .map(|c| tf("errors.action_csv.circle", &[("number", &c.number())]))
            .collect();
        let indicators: Vec<String> = a.indicators.iter().map(indicator_cell).collect();
        let row = [
            a.title.clone(),
            a.axis.label().to_owned(),
            a.status.label().to_owned(),
            opt(a.priority.map(|p| p.label().to_owned())),
            a.pilot.clone(),
            a.pilot_service.clone(),
            opt(a.start.map(french_date)),
            opt(a.due.map(french_date)),
            if a.quick_win {
                t("errors.action_csv.yes")
            } else {
                t("errors.action_csv.no")
            }
            .to_owned(),
            opt(a.effort.map(|s| s.number().to_string())),
            opt(a.impact.map(|s| s.number().to_string())),
            opt(a.phase.map(|p| p.label().to_owned())),
            budget(BudgetKind::Investment),
            budget(BudgetKind::Operating),
            partners.join(", "),
            circles.join(", "),
            indicators.join(" | "),
            a.description.clone(),
        ];
        let _ = writer.write_record(row.iter().map(|cell| neutralise(cell)));
    }
    finish_spreadsheet(writer)
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
        let file = crate::example::example_plan(&mut CounterIds::default());
        let rows = read(&write_action_plan(&file.actions, &file.actors));
        assert_eq!(rows.len(), 1 + file.actions.len());
        let cells: Vec<&str> = rows.iter().flat_map(|r| r.iter()).collect();
        assert!(cells
            .iter()
            .any(|c| c.contains("Ordinateurs reconditionnés : 200 / 800 ordinateurs")));
        assert!(cells.iter().any(|c| c.contains(": 12,5 / 30 %")));
        assert_eq!(&rows[1][1], Axis::Know.label());
    }
}
