//! The action sheets of the demonstration plan (kit step 3): eight fiches over the four axes,
//! several made from the kit's key actions, with the figures of the kit's examples (Rennes and
//! Envie 35: 800 computers, 50 smartphones; Bordeaux Métropole: 18 communes, 30 % energy).

use super::{nr, texts, Links, ThisYear};
use crate::action::{BudgetKind, BudgetLine, FollowUp};
use crate::i18n::{t, tf};
use crate::kit::{key_action_label, KEY_ACTIONS};
use crate::{
    ActionSheet, ActionStatus, Axis, Circle, IdGen, Indicator, Measure, Phase, Priority, Score,
    YearTarget,
};
use chrono::NaiveDate;

/// The kit's key action `i` of `axis` (kit step 3), as stored: French.
fn key_action(axis: Axis, i: usize) -> &'static str {
    KEY_ACTIONS
        .iter()
        .find(|(a, _)| *a == axis)
        .map(|(_, list)| list[i])
        .expect("key action of the kit")
}

/// A sheet made from the kit's key action `i` of `axis`: `from_catalogue` keeps the kit's value,
/// the title is its label in the display language.
fn from_kit(id: crate::Id, axis: Axis, i: usize) -> ActionSheet {
    let value = key_action(axis, i);
    let mut sheet = ActionSheet::from_catalogue(id, axis, value);
    sheet.title = key_action_label(value).to_owned();
    sheet
}

fn indicator(name: &str, unit: &str, target: f64, measures: &[(NaiveDate, f64)]) -> Indicator {
    let mut i = Indicator::new(name);
    i.unit = unit.into();
    i.baseline = Some(0.0);
    i.target = Some(target);
    i.measures = measures
        .iter()
        .map(|&(on, value)| Measure { on, value })
        .collect();
    i
}

fn budget(kind: BudgetKind, label: &str, amount: u64, year: i32) -> BudgetLine {
    BudgetLine {
        kind,
        label: label.into(),
        amount,
        year: Some(year),
        actual: None,
    }
}

/// Common fields of a sheet, in the order of the form.
#[allow(clippy::too_many_arguments)]
fn sheet(
    mut s: ActionSheet,
    status: ActionStatus,
    (description, objectives, publics): (&str, &str, &str),
    (pilot_service, priority): (&str, Priority),
    (effort, impact, phase): (Score, Score, Phase),
    (start, due): (NaiveDate, NaiveDate),
    partners: Vec<crate::Id>,
    circles: &[Circle],
) -> ActionSheet {
    s.status = status;
    s.description = description.into();
    s.objectives = objectives.into();
    s.publics = publics.into();
    s.pilot = tf(
        "example.actions.pilot",
        &[("service", &pilot_service.to_lowercase())],
    );
    s.pilot_service = pilot_service.into();
    s.priority = Some(priority);
    s.effort = Some(effort);
    s.impact = Some(impact);
    s.phase = Some(phase);
    s.start = Some(start);
    s.due = Some(due);
    s.actor_ids = partners;
    s.circles = circles.to_vec();
    s
}

pub(super) fn actions(ids: &mut impl IdGen, a: &Links, y: ThisYear) -> Vec<ActionSheet> {
    use nr::*;
    use ActionStatus::*;
    use BudgetKind::*;
    use Score::{High, Low, Medium};
    let num = t("example.services.digital");

    let mut measure = sheet(
        from_kit(ids.new_id(), Axis::Know, 0),
        InProgress,
        (
            t("example.actions.measure.description"),
            t("example.actions.measure.objectives"),
            t("example.actions.measure.publics"),
        ),
        (num, Priority::High),
        (High, High, Phase::First),
        (y.day(-1, 11, 17), y.day(0, 12, 18)),
        vec![a.ademe, a.univ],
        &[Circle::One, Circle::Two],
    );
    measure.budget = vec![budget(
        Operating,
        t("example.actions.measure.budget"),
        40_000,
        y.plus(0),
    )];
    measure.budget[0].actual = Some(31_500);
    measure.indicators = vec![indicator(
        t("example.actions.measure.indicator"),
        t("example.actions.measure.unit"),
        40.0,
        &[
            (y.day(-1, 12, 15), 4.0),
            (y.day(0, 6, 30), 9.0),
            (y.day(0, 9, 30), 17.0),
        ],
    )];
    measure.indicators[0].yearly_targets = vec![
        YearTarget {
            year: y.plus(0),
            value: 20.0,
        },
        YearTarget {
            year: y.plus(1),
            value: 40.0,
        },
    ];
    measure.follow_ups = vec![FollowUp {
        on: y.day(0, 7, 3),
        text: t("example.actions.measure.follow_up").into(),
    }];
    measure.nr_types = texts(&[MEASURE]);
    measure.notes = t("example.actions.measure.notes").into();

    let mut refurbish = sheet(
        ActionSheet::new(
            ids.new_id(),
            t("example.actions.refurbish.title"),
            Axis::Support,
        ),
        InProgress,
        (
            t("example.actions.refurbish.description"),
            t("example.actions.refurbish.objectives"),
            t("example.actions.refurbish.publics"),
        ),
        (num, Priority::High),
        (Medium, High, Phase::First),
        (y.day(0, 1, 12), y.day(1, 6, 30)),
        vec![a.reuse, a.refurbisher],
        &[Circle::One, Circle::Two],
    );
    refurbish.budget = vec![
        budget(
            Operating,
            t("example.actions.refurbish.budget_agreement"),
            18_000,
            y.plus(0),
        ),
        budget(
            Investment,
            t("example.actions.refurbish.budget_tools"),
            6_500,
            y.plus(0),
        ),
    ];
    refurbish.indicators = vec![
        indicator(
            t("example.actions.refurbish.indicator_computers"),
            t("example.actions.refurbish.unit_computers"),
            800.0,
            &[
                (y.day(-1, 11, 30), 30.0),
                (y.day(0, 3, 31), 80.0),
                (y.day(0, 9, 30), 200.0),
            ],
        ),
        indicator(
            t("example.actions.refurbish.indicator_smartphones"),
            t("example.actions.refurbish.unit_smartphones"),
            50.0,
            &[(y.day(0, 9, 30), 12.0)],
        ),
    ];
    refurbish.nr_types = texts(&[LONGER_LIFE, LIFE_CYCLE]);
    refurbish.notes = t("example.actions.refurbish.notes").into();

    let mut pool = sheet(
        ActionSheet::new(ids.new_id(), t("example.actions.pool.title"), Axis::Support),
        InProgress,
        (
            t("example.actions.pool.description"),
            t("example.actions.pool.objectives"),
            t("example.actions.pool.publics"),
        ),
        (num, Priority::High),
        (High, High, Phase::Second),
        (y.day(0, 9, 1), y.day(1, 12, 17)),
        vec![a.commune, a.dsi],
        &[Circle::One],
    );
    pool.budget = vec![
        budget(
            Investment,
            t("example.actions.pool.budget_servers"),
            120_000,
            y.plus(0),
        ),
        budget(
            Operating,
            t("example.actions.pool.budget_connection"),
            35_000,
            y.plus(1),
        ),
    ];
    pool.indicators = vec![
        indicator(
            t("example.actions.pool.indicator_energy"),
            "%",
            30.0,
            &[(y.day(0, 10, 31), 12.5)],
        ),
        indicator(
            t("example.actions.pool.indicator_communes"),
            t("example.actions.pool.unit_communes"),
            18.0,
            &[(y.day(0, 10, 31), 7.0)],
        ),
    ];
    pool.nr_types = texts(&[ECO_ORGANISATION, SOVEREIGNTY]);
    pool.notes = t("example.actions.pool.notes").into();

    let mut collect = sheet(
        ActionSheet::new(
            ids.new_id(),
            t("example.actions.collect.title"),
            Axis::Support,
        ),
        Planned,
        (
            t("example.actions.collect.description"),
            t("example.actions.collect.objectives"),
            t("example.actions.collect.publics"),
        ),
        (t("example.services.ecology"), Priority::Medium),
        (Low, High, Phase::Second),
        (y.day(1, 3, 1), y.day(1, 5, 28)),
        vec![a.weee, a.reuse, a.commune],
        &[Circle::Three],
    );
    collect.quick_win = true;
    collect.budget = vec![budget(
        Operating,
        t("example.actions.collect.budget"),
        8_000,
        y.plus(1),
    )];
    collect.indicators = vec![indicator(
        t("example.actions.collect.indicator"),
        t("example.actions.collect.unit"),
        1_000.0,
        &[],
    )];
    collect.nr_types = texts(&[END_OF_LIFE]);
    collect.notes = t("example.actions.collect.notes").into();

    let mut innovate = sheet(
        from_kit(ids.new_id(), Axis::Innovate, 0),
        Paused,
        (
            t("example.actions.innovate.description"),
            t("example.actions.innovate.objectives"),
            t("example.actions.innovate.publics"),
        ),
        (t("example.services.ecology"), Priority::Low),
        (Medium, Medium, Phase::Third),
        (y.day(0, 4, 6), y.day(1, 10, 29)),
        vec![a.univ, a.esn],
        &[Circle::Two],
    );
    innovate.budget = vec![budget(
        Operating,
        t("example.actions.innovate.budget"),
        10_000,
        y.plus(1),
    )];
    innovate.indicators = vec![indicator(
        t("example.actions.innovate.indicator"),
        t("example.actions.innovate.unit"),
        2.0,
        &[],
    )];
    innovate.nr_types = texts(&[TRANSFORMATION]);
    innovate.notes = t("example.actions.innovate.notes").into();

    let mut council = sheet(
        from_kit(ids.new_id(), Axis::Engage, 2),
        InProgress,
        (
            t("example.actions.council.description"),
            t("example.actions.council.objectives"),
            t("example.actions.council.publics"),
        ),
        (t("example.services.participation"), Priority::Medium),
        (Medium, Medium, Phase::First),
        (y.day(0, 5, 4), y.day(1, 3, 31)),
        vec![a.council, a.mediation],
        &[Circle::Three],
    );
    council.budget = vec![budget(
        Operating,
        t("example.actions.council.budget"),
        5_000,
        y.plus(0),
    )];
    council.indicators = vec![indicator(
        t("example.actions.council.indicator"),
        t("example.actions.council.unit"),
        30.0,
        &[(y.day(0, 6, 15), 18.0), (y.day(0, 10, 5), 24.0)],
    )];
    council.nr_types = texts(&[AWARENESS, STRATEGY]);
    council.notes = t("example.actions.council.notes").into();

    let mut agents = sheet(
        from_kit(ids.new_id(), Axis::Engage, 0),
        Blocked,
        (
            t("example.actions.agents.description"),
            t("example.actions.agents.objectives"),
            t("example.actions.agents.publics"),
        ),
        (t("example.services.hr"), Priority::High),
        (Medium, High, Phase::Second),
        (y.day(0, 11, 2), y.day(1, 12, 17)),
        vec![a.dsi],
        &[Circle::One],
    );
    agents.budget = vec![budget(
        Operating,
        t("example.actions.agents.budget"),
        15_000,
        y.plus(1),
    )];
    agents.indicators = vec![indicator(
        t("example.actions.agents.indicator"),
        t("example.actions.agents.unit"),
        2_000.0,
        &[],
    )];
    agents.nr_types = texts(&[STAFF_AWARENESS, OFFICIALS_AWARENESS]);
    agents.notes = t("example.actions.agents.notes").into();

    let mut page = sheet(
        ActionSheet::new(ids.new_id(), t("example.actions.page.title"), Axis::Engage),
        Done,
        (
            t("example.actions.page.description"),
            t("example.actions.page.objectives"),
            t("example.actions.page.publics"),
        ),
        (t("example.services.communication"), Priority::Medium),
        (Low, Medium, Phase::First),
        (y.day(0, 2, 2), y.day(0, 5, 29)),
        vec![a.repair, a.reuse, a.mediation],
        &[Circle::Three],
    );
    page.quick_win = true;
    page.done_on = Some(y.day(0, 5, 22));
    page.budget = vec![budget(
        Operating,
        t("example.actions.page.budget"),
        3_000,
        y.plus(0),
    )];
    page.indicators = vec![indicator(
        t("example.actions.page.indicator"),
        t("example.actions.page.unit"),
        5_000.0,
        &[(y.day(0, 6, 30), 2_600.0), (y.day(0, 9, 30), 4_100.0)],
    )];
    page.nr_types = texts(&[AWARENESS, FOR_ALL]);
    page.notes = t("example.actions.page.notes").into();

    vec![
        measure, refurbish, pool, collect, innovate, council, agents, page,
    ]
}
