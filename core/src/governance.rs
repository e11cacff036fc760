//! Governance of the strategy (kit conclusion « structurer en interne »): who steers it and
//! how often it is reviewed. Loi REEN asks for a yearly review of the strategy.

use crate::i18n::t;
use crate::Id;
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// The plan's steering (« gouvernance »), stored in the plan record.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Governance {
    /// Name of the steering body (« instance de pilotage »), e.g. « Comité NR ».
    pub steering_body: String,
    /// Members who are actors of the plan (ids of actors of the same plan).
    pub member_ids: Vec<Id>,
    /// Members from inside the collectivité, in free text (names are personal data).
    pub internal_members: String,
    /// How often the plan is reviewed.
    pub cadence: Option<ReviewCadence>,
    /// Last review held.
    pub last_review: Option<NaiveDate>,
    /// Next review planned; see [`Governance::suggested_next_review`].
    pub next_review: Option<NaiveDate>,
    /// Day the council adopted the strategy (schema 6), quoted by the yearly review.
    pub adopted_on: Option<NaiveDate>,
    /// Reference of the council's deliberation (« délibération n° … »), free text (schema 6).
    pub deliberation: String,
    /// Day of the next budget debate (« débat d'orientation budgétaire », schema 6): the
    /// yearly review is due before it (CGCT L. 2311-1-1).
    pub budget_debate_on: Option<NaiveDate>,
}

impl Governance {
    /// The day after the last review by one cadence period, when both are known.
    pub fn suggested_next_review(&self) -> Option<NaiveDate> {
        let months = self.cadence?.months();
        self.last_review?.checked_add_months(Months::new(months))
    }
}

/// Review cadence (« rythme de revue »).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewCadence {
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
}

impl ReviewCadence {
    pub const ALL: [ReviewCadence; 4] = [
        ReviewCadence::Monthly,
        ReviewCadence::Quarterly,
        ReviewCadence::HalfYearly,
        ReviewCadence::Yearly,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ReviewCadence::Monthly => t("domain.review_cadence.monthly"),
            ReviewCadence::Quarterly => t("domain.review_cadence.quarterly"),
            ReviewCadence::HalfYearly => t("domain.review_cadence.half_yearly"),
            ReviewCadence::Yearly => t("domain.review_cadence.yearly"),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ReviewCadence::Monthly => "monthly",
            ReviewCadence::Quarterly => "quarterly",
            ReviewCadence::HalfYearly => "half_yearly",
            ReviewCadence::Yearly => "yearly",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// Length of one period, in months.
    pub fn months(self) -> u32 {
        match self {
            ReviewCadence::Monthly => 1,
            ReviewCadence::Quarterly => 3,
            ReviewCadence::HalfYearly => 6,
            ReviewCadence::Yearly => 12,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_review_follows_the_cadence() {
        let mut g = Governance {
            cadence: Some(ReviewCadence::Quarterly),
            last_review: NaiveDate::from_ymd_opt(2026, 11, 30),
            ..Governance::default()
        };
        assert_eq!(
            g.suggested_next_review(),
            NaiveDate::from_ymd_opt(2027, 2, 28)
        );
        g.cadence = None;
        assert_eq!(g.suggested_next_review(), None);
        for c in ReviewCadence::ALL {
            assert_eq!(ReviewCadence::from_code(c.code()), Some(c));
            assert_eq!(serde_json::to_value(c).unwrap(), c.code());
        }
    }
}
