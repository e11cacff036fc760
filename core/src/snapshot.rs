//! A closed year (« année close »): what the plan looked like when the user closed a year, kept
//! read-only so that next year's review can say what changed (loi REEN art. 35 asks for a
//! review every year).
//!
//! A snapshot holds each fiche's status, pilot and dates; each indicator's target and result
//! for the year; budget planned and spent by axis and kind; each actor's family, engagement
//! level and circle (by id: names stay in the census); mobilisations held and needs met; the
//! governance's review held that year. It is a record of its own (`snapshots` in the plan
//! file, one IndexedDB record), written once and replaced only when the year is closed again.

use crate::action::{Axis, BudgetKind};
use crate::file::PlanFile;
use crate::mobilisation::{MobilisationStatus, NeedStatus};
use crate::{ActionStatus, Circle, EngagementLevel, Family, Id};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A year as it stood when closed (« bilan de l'année close »).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearSnapshot {
    pub id: Id,
    /// The calendar year closed, e.g. 2026.
    pub year: i32,
    /// When the user closed it (UTC).
    pub closed_at: DateTime<Utc>,
    /// True in an anonymised copy: the pilots were withheld (left empty), not unknown.
    pub withheld: bool,
    pub sheets: Vec<SheetState>,
    pub indicators: Vec<IndicatorResult>,
    pub budget: Vec<BudgetTotal>,
    pub actors: Vec<ActorState>,
    /// Mobilisations held (status « réalisée ») on a day of the year.
    pub mobilisations_held: u32,
    /// Needs marked met, whenever they were expressed.
    pub needs_met: u32,
    /// The governance's review held that year, if any (its last review).
    pub reviews: Vec<NaiveDate>,
    /// When and where each field was last changed (schema 7; see [`crate::merge`]).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub edits: crate::merge::Edits,
}

/// A fiche action at the close.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetState {
    pub id: Id,
    pub title: String,
    pub axis: Axis,
    pub status: ActionStatus,
    /// Personal data: empty in an anonymised copy (see [`YearSnapshot::withheld`]).
    pub pilot: String,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
}

/// An indicator's year: target set for it, result (last measure of the year), final target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndicatorResult {
    /// The fiche it belongs to.
    pub sheet_id: Id,
    pub name: String,
    pub unit: String,
    pub target: Option<f64>,
    pub result: Option<f64>,
    pub final_target: Option<f64>,
}

/// Budget lines of the year for one axis and kind, in whole euros.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetTotal {
    pub axis: Axis,
    pub kind: BudgetKind,
    pub planned: u64,
    /// Sum of the amounts spent that were known at the close.
    pub actual: u64,
}

/// An actor at the close, by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorState {
    pub id: Id,
    pub family: Family,
    pub engagement: EngagementLevel,
    pub circle: Option<Circle>,
}

/// The plan of `file` as it stands, as the snapshot of `year` closed at `at`.
pub fn close_year(file: &PlanFile, year: i32, id: Id, at: DateTime<Utc>) -> YearSnapshot {
    let in_year = |d: Option<NaiveDate>| d.is_some_and(|d| d.year() == year);
    let mut budget = Vec::new();
    for axis in Axis::ALL {
        for kind in BudgetKind::ALL {
            let lines: Vec<_> = file
                .actions
                .iter()
                .filter(|a| a.axis == axis)
                .flat_map(|a| &a.budget)
                .filter(|l| l.kind == kind && l.year == Some(year))
                .collect();
            if !lines.is_empty() {
                budget.push(BudgetTotal {
                    axis,
                    kind,
                    planned: lines.iter().fold(0, |s, l| s.saturating_add(l.amount)),
                    actual: lines
                        .iter()
                        .fold(0, |s, l| s.saturating_add(l.actual.unwrap_or(0))),
                });
            }
        }
    }
    YearSnapshot {
        edits: Default::default(),
        id,
        year,
        closed_at: at,
        withheld: false,
        sheets: file
            .actions
            .iter()
            .map(|a| SheetState {
                id: a.id,
                title: a.title.clone(),
                axis: a.axis,
                status: a.status,
                pilot: a.pilot.clone(),
                start: a.start,
                due: a.due,
                done_on: a.done_on,
            })
            .collect(),
        indicators: file
            .actions
            .iter()
            .flat_map(|a| a.indicators.iter().map(move |i| (a.id, i)))
            .map(|(sheet_id, i)| IndicatorResult {
                sheet_id,
                name: i.name.clone(),
                unit: i.unit.clone(),
                target: i.target_for(year),
                result: i.result_in(year).map(|m| m.value),
                final_target: i.target,
            })
            .collect(),
        budget,
        actors: file
            .actors
            .iter()
            .map(|a| ActorState {
                id: a.id,
                family: a.family,
                engagement: a.engagement,
                circle: a.circle,
            })
            .collect(),
        mobilisations_held: file
            .mobilisations
            .iter()
            .filter(|m| m.status == MobilisationStatus::Done && in_year(m.date))
            .count() as u32,
        needs_met: file
            .needs
            .iter()
            .filter(|n| n.status == NeedStatus::Met)
            .count() as u32,
        reviews: file
            .plan
            .governance
            .last_review
            .filter(|d| d.year() == year)
            .into_iter()
            .collect(),
    }
}

/// What changed from one year (`before`) to the next (`now`).
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub year: i32,
    pub previous: i32,
    /// Fiches « réalisée »: then, now.
    pub done: (usize, usize),
    /// Fiches done per axis (the kit's order): then, now.
    pub done_by_axis: Vec<(Axis, usize, usize)>,
    /// Indicators with a result both years, by name: then, now (same fiche), and the target
    /// of the later year (its own, else the final one), in the indicator's unit.
    pub moved: Vec<(String, f64, f64, Option<f64>)>,
    /// Actors per engagement level (the kit's order, lowest first): then, now.
    pub by_level: Vec<(EngagementLevel, usize, usize)>,
    /// Actors whose engagement level went up, by id.
    pub went_up: Vec<Id>,
    /// Budget spent, in euros: then, now.
    pub spent: (u64, u64),
    /// Mobilisations held: then, now.
    pub held: (u32, u32),
}

/// Compares `now` with `before` (usually the previous closed year).
pub fn compare(before: &YearSnapshot, now: &YearSnapshot) -> Comparison {
    let done = |s: &YearSnapshot, axis: Option<Axis>| {
        s.sheets
            .iter()
            .filter(|x| x.status == ActionStatus::Done && axis.is_none_or(|a| x.axis == a))
            .count()
    };
    let spent = |s: &YearSnapshot| {
        s.budget
            .iter()
            .fold(0u64, |t, b| t.saturating_add(b.actual))
    };
    let moved = now
        .indicators
        .iter()
        .filter_map(|i| {
            let then = before
                .indicators
                .iter()
                .find(|b| b.sheet_id == i.sheet_id && b.name == i.name)?;
            let target = i.target.or(i.final_target);
            Some((i.name.clone(), then.result?, i.result?, target))
        })
        .collect();
    let went_up = now
        .actors
        .iter()
        .filter(|a| {
            before
                .actors
                .iter()
                .find(|b| b.id == a.id)
                .is_some_and(|b| a.engagement > b.engagement)
        })
        .map(|a| a.id)
        .collect();
    Comparison {
        year: now.year,
        previous: before.year,
        done: (done(before, None), done(now, None)),
        done_by_axis: Axis::ALL
            .iter()
            .map(|&a| (a, done(before, Some(a)), done(now, Some(a))))
            .collect(),
        moved,
        by_level: EngagementLevel::ALL
            .iter()
            .map(|&l| {
                let count =
                    |s: &YearSnapshot| s.actors.iter().filter(|a| a.engagement == l).count();
                (l, count(before), count(now))
            })
            .collect(),
        went_up,
        spent: (spent(before), spent(now)),
        held: (before.mobilisations_held, now.mobilisations_held),
    }
}

impl YearSnapshot {
    /// The copy for an anonymised file or the default share link: pilots withheld.
    pub fn anonymised(&self) -> YearSnapshot {
        let mut copy = self.clone();
        for sheet in &mut copy.sheets {
            sheet.pilot.clear();
        }
        copy.withheld = true;
        copy
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{CounterIds, IdGen};

    fn at() -> DateTime<Utc> {
        DateTime::from_timestamp(1_798_000_000, 0).unwrap()
    }

    #[test]
    fn the_example_closed_in_2026_keeps_statuses_results_budget_and_levels() {
        let mut ids = CounterIds::default();
        let file = crate::example::example_plan(&mut ids, crate::example::test_day());
        let snap = close_year(&file, 2026, ids.new_id(), at());
        assert_eq!(snap.sheets.len(), file.actions.len());
        assert!(snap.sheets.iter().any(|s| !s.pilot.is_empty()));
        let measured = &snap.indicators[0];
        assert_eq!((measured.target, measured.result), (Some(20.0), Some(17.0)));
        let know: Vec<_> = snap
            .budget
            .iter()
            .filter(|b| b.axis == Axis::Know)
            .collect();
        assert!(know.iter().any(|b| b.actual == 31_500));
        assert_eq!(snap.actors.len(), file.actors.len());
        assert_eq!(
            snap.reviews,
            vec![NaiveDate::from_ymd_opt(2026, 9, 29).unwrap()]
        );
        let anonymous = snap.anonymised();
        assert!(anonymous.withheld && anonymous.sheets.iter().all(|s| s.pilot.is_empty()));
    }

    #[test]
    fn a_copy_made_as_a_new_plan_keeps_its_closed_years_on_its_new_ids() {
        let mut ids = CounterIds::default();
        let mut file = crate::example::example_plan(&mut ids, crate::example::test_day());
        file.snapshots
            .push(close_year(&file, 2026, ids.new_id(), at()));
        let copy = crate::file::remap::as_new_plan(file.clone(), [42; 8]);
        let snap = &copy.snapshots[0];
        assert_ne!(snap.id, file.snapshots[0].id);
        assert_eq!(snap.sheets[0].id, copy.actions[0].id);
        assert_eq!(snap.indicators[0].sheet_id, copy.actions[0].id);
        assert_eq!(snap.actors[0].id, copy.actors[0].id);
    }

    #[test]
    fn a_year_compared_with_the_one_before_says_what_moved() {
        let mut ids = CounterIds::default();
        let mut file = crate::example::example_plan(&mut ids, crate::example::test_day());
        let before = close_year(&file, 2026, ids.new_id(), at());
        // A year later: a fiche done, a measure taken, an actor more engaged, money spent.
        file.actions[0].set_status(
            ActionStatus::Done,
            NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
        );
        file.actions[0].indicators[0].measures.push(crate::Measure {
            on: NaiveDate::from_ymd_opt(2027, 6, 30).unwrap(),
            value: 31.0,
        });
        let actor = file
            .actors
            .iter_mut()
            .find(|a| a.engagement < EngagementLevel::Driving)
            .unwrap();
        actor.engagement = EngagementLevel::Driving;
        let raised = actor.id;
        file.actions[0].budget[0].year = Some(2027);
        file.actions[0].budget[0].actual = Some(12_000);
        let now = close_year(&file, 2027, ids.new_id(), at());
        let c = compare(&before, &now);
        let target = file.actions[0].indicators[0].target;
        assert!(
            target.is_some(),
            "the example's first indicator has a target to plot"
        );
        assert_eq!((c.previous, c.year), (2026, 2027));
        assert_eq!(c.done.1, c.done.0 + 1);
        assert_eq!(
            c.moved,
            vec![(
                file.actions[0].indicators[0].name.clone(),
                17.0,
                31.0,
                target
            )]
        );
        let driving = |c: &Comparison| {
            c.by_level
                .iter()
                .find(|(l, ..)| *l == EngagementLevel::Driving)
                .map(|&(_, a, b)| (a, b))
                .unwrap()
        };
        assert_eq!(
            driving(&c).1,
            driving(&c).0 + 1,
            "one more actor « moteur »"
        );
        assert_eq!(
            c.by_level.iter().map(|l| l.1).sum::<usize>(),
            before.actors.len()
        );
        assert_eq!(c.went_up, vec![raised]);
        assert_eq!(c.spent.1, 12_000);
        let know = c
            .done_by_axis
            .iter()
            .find(|(a, ..)| *a == Axis::Know)
            .unwrap();
        assert_eq!(know.2, know.1 + 1);
    }
}
