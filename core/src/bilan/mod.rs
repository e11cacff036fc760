//! The yearly review (« bilan annuel ») of the territorial NR strategy, as a document.
//!
//! Loi REEN (n° 2021-1485, art. 35) puts « un bilan annuel » of the strategy in the report on
//! sustainable development presented before the budget debate (CGCT L. 2311-1-1); the
//! strategy holds objectives, « indicateurs de suivi », measures and means (D. 2311-15-1,
//! décret 2022-1084). [`bilan`] lays out that review for one calendar year from the plan
//! itself — the territory and its obligation, the census (état des lieux), objectives and
//! indicators (target and result of the year, the year before), actions by axis (status,
//! pilot, budget planned and actual), mobilisations, governance, next year — as plain
//! [`Block`]s that [`odt::odt`] writes as an editable OpenDocument text and the app prints.

pub mod odt;

use crate::file::PlanFile;
use crate::i18n::{number, t, tf, tn};
use crate::mobilisation::{MobilisationStatus, NeedStatus};
use crate::text::short_date;
use crate::{ActionSheet, ActionStatus, Axis, EngagementLevel, Family};
use chrono::{Datelike, NaiveDate};

/// One block of the document, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A section title; level 1 for the document's sections, 2 below.
    Heading(u8, String),
    Paragraph(String),
    /// Items of a bulleted list.
    List(Vec<String>),
    Table(TextTable),
}

/// A table of texts with a header row.
#[derive(Clone, Debug, PartialEq)]
pub struct TextTable {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The review of one year: a title, a subtitle, and its blocks.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub title: String,
    pub subtitle: String,
    pub blocks: Vec<Block>,
}

/// Budget of one axis for a year, in whole euros: lines whose year is that year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AxisBudget {
    pub planned: u64,
    /// Sum of the actual amounts known.
    pub actual: u64,
    /// Lines of the year whose actual amount is still unknown.
    pub unknown: usize,
}

/// Planned and actual budget per axis (the kit's order) for `year`.
pub fn budget_by_axis(actions: &[ActionSheet], year: i32) -> Vec<(Axis, AxisBudget)> {
    Axis::ALL
        .iter()
        .map(|&axis| {
            let mut b = AxisBudget::default();
            for line in actions
                .iter()
                .filter(|a| a.axis == axis)
                .flat_map(|a| &a.budget)
                .filter(|l| l.year == Some(year))
            {
                b.planned = b.planned.saturating_add(line.amount);
                match line.actual {
                    Some(actual) => b.actual = b.actual.saturating_add(actual),
                    None => b.unknown += 1,
                }
            }
            (axis, b)
        })
        .collect()
}

/// « 12 500 € » / "€12,500".
pub fn euros(amount: u64) -> String {
    tf("report.bilan.euros", &[("amount", &number(amount))])
}

/// A measured value as readers write it (no trailing « .0 »; a decimal comma in French).
fn value(v: f64) -> String {
    let s = if v.fract() == 0.0 && (0.0..1e15).contains(&v) {
        return number(v as u64);
    } else if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    };
    match crate::i18n::lang() {
        crate::i18n::Lang::Fr => s.replace('.', ","),
        crate::i18n::Lang::En => s,
    }
}

fn in_year(day: Option<NaiveDate>, year: i32) -> bool {
    day.is_some_and(|d| d.year() == year)
}

fn or_dash(s: Option<String>) -> String {
    s.unwrap_or_else(|| "—".into()) // i18n: not UI (typographic dash for « none »)
}

/// The year a review is most likely wanted for on `today`: this year from July on (it is
/// drafted at the end of the year), the past year before (it is presented early in the next).
pub fn likely_year(today: NaiveDate) -> i32 {
    if today.month() >= 7 {
        today.year()
    } else {
        today.year() - 1
    }
}

/// The review of `year` for the plan in `file`.
pub fn bilan(file: &PlanFile, year: i32) -> Document {
    let plan = &file.plan;
    let y = year.to_string();
    let mut blocks = Vec::new();
    let heading = |blocks: &mut Vec<Block>, key: &'static str| {
        blocks.push(Block::Heading(1, t(key).into()));
    };

    // 1. The territory and what the law asks of it.
    heading(&mut blocks, "report.bilan.territory");
    let territory = &plan.territory;
    let mut about = vec![tf(
        "report.bilan.territory_line",
        &[("name", &territory.name), ("kind", &territory.kind.label())],
    )];
    if let Some(pop) = territory.population {
        about.push(tf(
            "report.bilan.population",
            &[("n", &number(u64::from(pop)))],
        ));
    }
    about.push(
        match territory.obligations().reen_strategy {
            Some(true) => t("report.bilan.reen_due"),
            Some(false) => t("report.bilan.reen_not_due"),
            None => t("report.bilan.reen_unknown"),
        }
        .into(),
    );
    let g = &plan.governance;
    about.push(match (g.adopted_on, g.deliberation.trim()) {
        (Some(on), "") => tf("report.bilan.adopted_on", &[("day", &short_date(on))]),
        (Some(on), d) => tf(
            "report.bilan.adopted_by",
            &[("day", &short_date(on)), ("deliberation", &d)],
        ),
        (None, "") => t("report.bilan.adoption_unknown").into(),
        (None, d) => tf("report.bilan.deliberation", &[("deliberation", &d)]),
    });
    blocks.push(Block::Paragraph(about.join(" ")));

    // 2. The census (état des lieux).
    heading(&mut blocks, "report.bilan.census");
    blocks.push(Block::Paragraph(tn(
        "report.bilan.actors",
        file.actors.len() as u64,
        &[],
    )));
    let families: Vec<Vec<String>> = Family::ALL
        .iter()
        .map(|&f| {
            let n = file.actors.iter().filter(|a| a.family == f).count();
            (f, n)
        })
        .filter(|&(_, n)| n > 0)
        .map(|(f, n)| vec![f.label().to_owned(), number(n as u64)])
        .collect();
    if !families.is_empty() {
        blocks.push(Block::Table(TextTable {
            headers: vec![
                t("report.bilan.family").into(),
                t("report.bilan.count").into(),
            ],
            rows: families,
        }));
    }
    let levels: Vec<Vec<String>> = EngagementLevel::ALL
        .iter()
        .map(|&level| {
            let n = file.actors.iter().filter(|a| a.engagement == level).count();
            vec![plan.engagement_label(level).to_owned(), number(n as u64)]
        })
        .collect();
    blocks.push(Block::Table(TextTable {
        headers: vec![
            t("report.bilan.engagement").into(),
            t("report.bilan.count").into(),
        ],
        rows: levels,
    }));

    // 3. Objectives and indicators: the year's target and result, the year before.
    heading(&mut blocks, "report.bilan.indicators");
    let previous = (year - 1).to_string();
    let rows: Vec<Vec<String>> = file
        .actions
        .iter()
        .flat_map(|a| a.indicators.iter().map(move |i| (a, i)))
        .map(|(a, i)| {
            let unit = |v: f64| {
                if i.unit.trim().is_empty() {
                    value(v)
                } else {
                    format!("{} {}", value(v), i.unit.trim())
                }
            };
            vec![
                a.title.clone(),
                i.name.clone(),
                or_dash(i.target_for(year).map(unit)),
                or_dash(i.result_in(year).map(|m| unit(m.value))),
                or_dash(i.result_in(year - 1).map(|m| unit(m.value))),
                or_dash(i.target.map(unit)),
            ]
        })
        .collect();
    if rows.is_empty() {
        blocks.push(Block::Paragraph(t("report.bilan.no_indicator").into()));
    } else {
        blocks.push(Block::Table(TextTable {
            headers: vec![
                t("report.bilan.sheet").into(),
                t("report.bilan.indicator").into(),
                tf("report.bilan.target_of", &[("year", &y)]),
                tf("report.bilan.result_of", &[("year", &y)]),
                tf("report.bilan.result_of", &[("year", &previous)]),
                t("report.bilan.final_target").into(),
            ],
            rows,
        }));
    }

    // 4. Actions by axis, with their budget of the year.
    heading(&mut blocks, "report.bilan.actions");
    let budgets = budget_by_axis(&file.actions, year);
    for (axis, budget) in budgets {
        let sheets: Vec<&ActionSheet> = file.actions.iter().filter(|a| a.axis == axis).collect();
        if sheets.is_empty() {
            continue;
        }
        blocks.push(Block::Heading(2, axis.label().into()));
        let rows = sheets
            .iter()
            .map(|a| {
                let lines = a.budget.iter().filter(|l| l.year == Some(year));
                let planned: u64 = lines.clone().map(|l| l.amount).sum();
                let actual: Option<u64> = lines.clone().map(|l| l.actual).sum();
                let has_lines = lines.count() > 0;
                vec![
                    a.title.clone(),
                    a.status.label().into(),
                    or_dash(a.leader().map(str::to_owned)),
                    or_dash(a.due.map(short_date)),
                    or_dash(has_lines.then(|| euros(planned))),
                    or_dash(actual.filter(|_| has_lines).map(euros)),
                ]
            })
            .collect();
        blocks.push(Block::Table(TextTable {
            headers: vec![
                t("report.bilan.sheet").into(),
                t("report.bilan.status").into(),
                t("report.bilan.pilot").into(),
                t("report.bilan.due").into(),
                tf("report.bilan.planned", &[("year", &y)]),
                tf("report.bilan.actual", &[("year", &y)]),
            ],
            rows,
        }));
        let done = sheets
            .iter()
            .filter(|a| a.status == ActionStatus::Done)
            .count();
        let mut total = tf(
            "report.bilan.axis_total",
            &[
                ("done", &number(done as u64)),
                ("all", &number(sheets.len() as u64)),
                ("planned", &euros(budget.planned)),
                ("actual", &euros(budget.actual)),
            ],
        );
        if budget.unknown > 0 {
            total.push(' ');
            total.push_str(&tn(
                "report.bilan.unknown_actual",
                budget.unknown as u64,
                &[],
            ));
        }
        blocks.push(Block::Paragraph(total));
    }
    let notes: Vec<String> = file
        .actions
        .iter()
        .flat_map(|a| a.follow_ups.iter().map(move |n| (a, n)))
        .filter(|(_, n)| n.on.year() == year)
        .map(|(a, n)| format!("{} — {} : {}", short_date(n.on), a.title, n.text.trim()))
        .collect();
    if !notes.is_empty() {
        blocks.push(Block::Heading(2, t("report.bilan.follow_ups").into()));
        blocks.push(Block::List(notes));
    }

    // 5. Actors mobilised.
    heading(&mut blocks, "report.bilan.mobilisation");
    let held: Vec<String> = file
        .mobilisations
        .iter()
        .filter(|m| m.status == MobilisationStatus::Done && in_year(m.date, year))
        .map(|m| {
            let day = m.date.map(short_date).unwrap_or_default();
            format!("{day} — {}", m.format)
        })
        .collect();
    let met = file
        .needs
        .iter()
        .filter(|n| n.status == NeedStatus::Met)
        .count();
    blocks.push(Block::Paragraph(format!(
        "{} {}",
        tn("report.bilan.held", held.len() as u64, &[("year", &y)]),
        tn("report.bilan.needs_met", met as u64, &[]),
    )));
    if !held.is_empty() {
        blocks.push(Block::List(held));
    }

    // 6. Governance.
    heading(&mut blocks, "report.bilan.governance");
    let mut gov = Vec::new();
    if !g.steering_body.trim().is_empty() {
        gov.push(tf(
            "report.bilan.steering",
            &[("body", &g.steering_body.trim())],
        ));
    }
    if let Some(cadence) = g.cadence {
        gov.push(tf("report.bilan.cadence", &[("cadence", &cadence.label())]));
    }
    if let Some(day) = g.last_review {
        gov.push(tf("report.bilan.last_review", &[("day", &short_date(day))]));
    }
    if let Some(day) = g.next_review {
        gov.push(tf("report.bilan.next_review", &[("day", &short_date(day))]));
    }
    if gov.is_empty() {
        gov.push(t("report.bilan.no_governance").into());
    }
    blocks.push(Block::Paragraph(gov.join(" ")));

    // 7. Next year.
    heading(&mut blocks, "report.bilan.next_year");
    let next: Vec<String> = file
        .actions
        .iter()
        .filter(|a| a.status != ActionStatus::Done && in_year(a.due, year + 1))
        .map(|a| format!("{} — {}", a.title, or_dash(a.due.map(short_date))))
        .collect();
    if next.is_empty() {
        blocks.push(Block::Paragraph(tf(
            "report.bilan.nothing_due",
            &[("year", &(year + 1))],
        )));
    } else {
        blocks.push(Block::Paragraph(tf(
            "report.bilan.due_next",
            &[("year", &(year + 1))],
        )));
        blocks.push(Block::List(next));
    }

    Document {
        title: tf("report.bilan.title", &[("year", &y)]),
        subtitle: tf(
            "report.bilan.subtitle",
            &[("plan", &plan.name), ("territory", &territory.name)],
        ),
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::CounterIds;

    /// Every text of the document, one per line.
    fn plain(doc: &Document) -> String {
        let mut out = vec![doc.title.clone(), doc.subtitle.clone()];
        for block in &doc.blocks {
            match block {
                Block::Heading(_, text) | Block::Paragraph(text) => out.push(text.clone()),
                Block::List(items) => out.extend(items.iter().cloned()),
                Block::Table(table) => {
                    out.push(table.headers.join(" | "));
                    out.extend(table.rows.iter().map(|r| r.join(" | ")));
                }
            }
        }
        out.join("\n")
    }

    fn example() -> PlanFile {
        crate::example::example_plan(&mut CounterIds::default(), crate::example::test_day())
    }

    #[test]
    fn the_review_wanted_is_this_years_from_july_and_last_years_before() {
        let day = |m| NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
        assert_eq!(likely_year(day(12)), 2026);
        assert_eq!(likely_year(day(7)), 2026);
        assert_eq!(likely_year(day(2)), 2025);
    }

    #[test]
    fn a_fiche_led_by_a_service_only_names_that_service() {
        let mut file = example();
        file.actions[0].pilot = "  ".into();
        file.actions[0].pilot_service = "Service prévention des déchets".into();
        let text = plain(&bilan(&file, 2026));
        let sheet = &file.actions[0];
        let row = format!("{} | {} |", sheet.title, sheet.status.label());
        let row = text.lines().find(|l| l.starts_with(&row)).unwrap();
        assert!(row.contains("| Service prévention des déchets |"), "{row}");
    }

    #[test]
    fn a_years_result_is_its_last_measure_that_year() {
        let file = example();
        let i = &file.actions[0].indicators[0];
        assert_eq!(i.result_in(2026).map(|m| m.value), Some(17.0));
        assert_eq!(
            i.result_in(2025).map(|m| m.value),
            Some(4.0),
            "last year's history"
        );
        assert_eq!(i.result_in(2024), None);
        assert_eq!(i.target_for(2026), Some(20.0));
        assert_eq!(i.target_for(2030), None);
    }

    #[test]
    fn budget_per_axis_sums_the_years_lines_planned_and_actual() {
        let file = example();
        let by_axis = budget_by_axis(&file.actions, 2026);
        let know = by_axis.iter().find(|(a, _)| *a == Axis::Know).unwrap().1;
        let expected: u64 = file
            .actions
            .iter()
            .filter(|a| a.axis == Axis::Know)
            .flat_map(|a| &a.budget)
            .filter(|l| l.year == Some(2026))
            .map(|l| l.amount)
            .sum();
        assert_eq!(know.planned, expected);
        assert!(know.planned >= 40_000);
        assert_eq!(know.actual, 31_500, "only the measured line has an actual");
        assert!(know.unknown + 1 >= 1);
        let total: u64 = by_axis.iter().map(|(_, b)| b.planned).sum();
        assert!(total > know.planned);
        assert!(budget_by_axis(&file.actions, 1999)
            .iter()
            .all(|(_, b)| *b == AxisBudget::default()));
    }

    #[test]
    fn the_example_review_has_the_sections_the_law_lists_with_the_years_figures() {
        let doc = bilan(&example(), 2026);
        assert_eq!(
            doc.title,
            "Bilan annuel 2026 de la stratégie Numérique responsable"
        );
        let headings: Vec<&str> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(1, h) => Some(h.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(headings.len(), 7, "{headings:?}");
        let text = plain(&doc);
        assert!(text.contains("Délibération n° 2025-118"), "adoption quoted");
        assert!(text.contains("31\u{202f}500 €"), "actual spending shown");
        assert!(text.contains("| 20 "), "the year's target: {text}");
        assert!(text.contains("| 17 "), "the year's result");
        assert!(
            text.contains("Premier comité technique"),
            "follow-up of the year"
        );
        let none = bilan(&example(), 2030);
        assert!(!plain(&none).contains("Premier comité technique"));
    }
}
