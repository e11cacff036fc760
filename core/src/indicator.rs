//! Follow-up indicators (« indicateurs ») of an action sheet, and how far they have come.
//!
//! Source: the kit's conclusion asks for a regular follow-up of chosen objectives
//! (« structurer en interne »); an indicator is how a fiche action measures its objective.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// One indicator of an action (« indicateur »), e.g. « Ordinateurs reconditionnés », unit
/// « ordinateurs », baseline 0, target 800.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// What is measured. Never empty.
    pub name: String,
    /// Unit of the values, free text (« kWh », « % », « agents formés »).
    pub unit: String,
    /// Value when the action started; `None` counts as 0.
    pub baseline: Option<f64>,
    /// Value the action aims for; `None` while undecided (no progress can be computed).
    pub target: Option<f64>,
    /// Measured values, in the order they were entered.
    pub measures: Vec<Measure>,
    /// Targets for given years (schema 6), beside the final `target`; at most one per year.
    pub yearly_targets: Vec<YearTarget>,
}

/// The value an indicator aims for at the end of a year (« objectif annuel »).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearTarget {
    /// Calendar year, e.g. 2026.
    pub year: i32,
    pub value: f64,
}

/// One measured value of an indicator, on a day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    /// Day of the measure (serialised `YYYY-MM-DD`).
    pub on: NaiveDate,
    pub value: f64,
}

impl Indicator {
    /// A named indicator with no unit, baseline, target or measure.
    pub fn new(name: impl Into<String>) -> Self {
        Indicator {
            name: name.into(),
            unit: String::new(),
            baseline: None,
            target: None,
            measures: Vec::new(),
            yearly_targets: Vec::new(),
        }
    }

    /// The result of a year: its last measure in that calendar year (latest day; the last
    /// entered among equal days). `None` when nothing was measured that year.
    pub fn result_in(&self, year: i32) -> Option<&Measure> {
        self.measures
            .iter()
            .rev()
            .filter(|m| m.on.year() == year)
            .max_by_key(|m| m.on)
    }

    /// The target set for `year`, if any (not the final target).
    pub fn target_for(&self, year: i32) -> Option<f64> {
        self.yearly_targets
            .iter()
            .find(|t| t.year == year)
            .map(|t| t.value)
    }

    /// The most recent measure (latest day; the last entered among equal days).
    pub fn latest(&self) -> Option<&Measure> {
        self.measures.iter().rev().max_by_key(|m| m.on)
    }

    /// Share of the way from baseline to target covered by the latest measure, in 0.0–1.0.
    ///
    /// Works for targets below the baseline (e.g. reducing kWh). `None` without a target, a
    /// measure, or when the target equals the baseline. Overshooting counts as 1.0, going the
    /// wrong way as 0.0.
    pub fn progress(&self) -> Option<f64> {
        let target = self.target?;
        let latest = self.latest()?.value;
        let baseline = self.baseline.unwrap_or(0.0);
        let span = target - baseline;
        if span == 0.0 || !span.is_finite() {
            return None;
        }
        Some(((latest - baseline) / span).clamp(0.0, 1.0))
    }

    /// Progress in whole percent (0–100), rounded down, for display.
    pub fn percent(&self) -> Option<u8> {
        self.progress().map(|p| (p * 100.0).floor() as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, 1).unwrap()
    }

    fn indicator(baseline: Option<f64>, target: Option<f64>, values: &[(u32, f64)]) -> Indicator {
        let mut i = Indicator::new("Ordinateurs reconditionnés");
        i.baseline = baseline;
        i.target = target;
        i.measures = values
            .iter()
            .map(|&(m, value)| Measure { on: day(m), value })
            .collect();
        i
    }

    #[test]
    fn progress_uses_the_latest_measure_by_date_not_by_entry() {
        let i = indicator(Some(0.0), Some(800.0), &[(6, 400.0), (3, 100.0)]);
        assert_eq!(i.latest().unwrap().value, 400.0);
        assert_eq!(i.progress(), Some(0.5));
        assert_eq!(i.percent(), Some(50));
    }

    #[test]
    fn reduction_targets_progress_downwards() {
        // Bordeaux-style energy goal: from 100 down to 70 (30 % saved).
        let i = indicator(Some(100.0), Some(70.0), &[(1, 85.0)]);
        assert_eq!(i.percent(), Some(50));
        let worse = indicator(Some(100.0), Some(70.0), &[(1, 120.0)]);
        assert_eq!(worse.progress(), Some(0.0));
    }

    #[test]
    fn no_progress_without_target_measure_or_span() {
        assert_eq!(indicator(None, None, &[(1, 5.0)]).progress(), None);
        assert_eq!(indicator(None, Some(10.0), &[]).progress(), None);
        assert_eq!(
            indicator(Some(3.0), Some(3.0), &[(1, 3.0)]).progress(),
            None
        );
        assert_eq!(
            indicator(None, Some(10.0), &[(1, 25.0)]).progress(),
            Some(1.0)
        );
    }
}
