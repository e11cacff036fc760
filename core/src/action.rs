//! Action sheets (« fiches action ») of the plan, grouped by the kit's four axes.
//!
//! Source: the kit, step 3 « Quelles actions ? ».

use crate::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One action of the plan (« fiche action »).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActionSheet {
    pub id: Id,
    /// « Intitulé ». Never empty.
    pub title: String,
    /// « Axe ».
    pub axis: Axis,
    pub description: String,
    /// « Statut ».
    pub status: ActionStatus,
    /// « Pilote »: person or service leading the action (personal data when it names a person).
    pub pilot: String,
    /// « Échéance »: due date, if set (serialised `YYYY-MM-DD`).
    pub due: Option<NaiveDate>,
    /// Linked actors (« acteurs associés »): ids of actors of the same plan.
    pub actor_ids: Vec<Id>,
}

impl ActionSheet {
    /// A new sheet with a title and axis; status « À venir », nothing else set.
    pub fn new(id: Id, title: impl Into<String>, axis: Axis) -> Self {
        ActionSheet {
            id,
            title: title.into(),
            axis,
            description: String::new(),
            status: ActionStatus::Planned,
            pilot: String::new(),
            due: None,
            actor_ids: Vec::new(),
        }
    }
}

/// The kit's four axes of key actions (« axes »).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Axis {
    /// « Connaître pour mieux agir ».
    Know,
    /// « Soutenir un numérique plus sobre & responsable ».
    Support,
    /// « Innover ».
    Innovate,
    /// « Sensibiliser et embarquer ».
    Engage,
}

impl Axis {
    /// The axes in the kit's order.
    pub const ALL: [Axis; 4] = [Axis::Know, Axis::Support, Axis::Innovate, Axis::Engage];

    /// The kit's name of the axis.
    pub fn label(self) -> &'static str {
        match self {
            Axis::Know => "Connaître pour mieux agir",
            Axis::Support => "Soutenir un numérique plus sobre & responsable",
            Axis::Innovate => "Innover",
            Axis::Engage => "Sensibiliser et embarquer",
        }
    }

    /// Stable code, as serialised.
    pub fn code(self) -> &'static str {
        match self {
            Axis::Know => "know",
            Axis::Support => "support",
            Axis::Innovate => "innovate",
            Axis::Engage => "engage",
        }
    }

    /// Inverse of [`Axis::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// Where an action stands (« statut »).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// « À venir ».
    Planned,
    /// « En cours ».
    InProgress,
    /// « Réalisé ».
    Done,
    /// « En pause ».
    Paused,
    /// « Abandonné ».
    Abandoned,
    /// « Bloqué ».
    Blocked,
}

impl ActionStatus {
    /// Every status, in the order a plan moves through them.
    pub const ALL: [ActionStatus; 6] = [
        ActionStatus::Planned,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Paused,
        ActionStatus::Blocked,
        ActionStatus::Abandoned,
    ];

    /// French label.
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Planned => "À venir",
            ActionStatus::InProgress => "En cours",
            ActionStatus::Done => "Réalisé",
            ActionStatus::Paused => "En pause",
            ActionStatus::Abandoned => "Abandonné",
            ActionStatus::Blocked => "Bloqué",
        }
    }

    /// Stable code, as serialised.
    pub fn code(self) -> &'static str {
        match self {
            ActionStatus::Planned => "planned",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::Paused => "paused",
            ActionStatus::Abandoned => "abandoned",
            ActionStatus::Blocked => "blocked",
        }
    }

    /// Inverse of [`ActionStatus::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_match_serde() {
        for a in Axis::ALL {
            assert_eq!(Axis::from_code(a.code()), Some(a));
            assert_eq!(
                serde_json::to_string(&a).unwrap(),
                format!("\"{}\"", a.code())
            );
        }
        for s in ActionStatus::ALL {
            assert_eq!(ActionStatus::from_code(s.code()), Some(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.code())
            );
        }
    }

    #[test]
    fn due_date_is_written_as_iso_day() {
        let mut sheet = ActionSheet::new(Id::from_random_bytes([1; 16]), "Collecte", Axis::Support);
        sheet.due = NaiveDate::from_ymd_opt(2026, 6, 30);
        let json = serde_json::to_value(&sheet).unwrap();
        assert_eq!(json["due"], "2026-06-30");
    }
}
