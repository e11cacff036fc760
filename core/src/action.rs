//! Action sheets (« fiches action ») of the plan, grouped by the kit's four axes.
//!
//! Source: the kit, step 3 « Quelles actions ? » (axes and key actions) and its conclusion
//! (« gains rapides »). The sheet's fields follow what the issue asks of a fiche action.

use crate::i18n::{t, tf};
use crate::{Circle, Id};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::indicator::Indicator;

/// One action of the plan (« fiche action »).
///
/// Links (`actor_ids`) point at actors of the same plan; [`crate::integrity`] keeps them valid.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActionSheet {
    pub id: Id,
    /// « Intitulé ». Never empty.
    pub title: String,
    /// « Axe ».
    pub axis: Axis,
    pub description: String,
    /// « Objectifs »: free text.
    pub objectives: String,
    /// « Statut ». Change it with [`ActionSheet::set_status`], which keeps the dates coherent.
    pub status: ActionStatus,
    /// « Pilote »: the person leading the action (personal data: anonymised exports drop it).
    pub pilot: String,
    /// The pilot's service, e.g. « DSI » (not personal data).
    pub pilot_service: String,
    /// Partner actors (« acteurs partenaires »): ids of actors of the same plan.
    pub actor_ids: Vec<Id>,
    /// Circles the action targets (« cercles visés »), in the kit's sense.
    pub circles: Vec<Circle>,
    /// Targeted publics in the user's words, e.g. « agents, écoles ».
    pub publics: String,
    /// « Priorité », if chosen.
    pub priority: Option<Priority>,
    /// Marked as a quick win (« gain rapide ») by the user; see [`ActionSheet::suggests_quick_win`].
    pub quick_win: bool,
    /// « Effort », 1 (light) to 3 (heavy).
    pub effort: Option<Score>,
    /// « Impact », 1 (small) to 3 (large).
    pub impact: Option<Score>,
    /// « Début » (serialised `YYYY-MM-DD`).
    pub start: Option<NaiveDate>,
    /// « Échéance »: due date (serialised `YYYY-MM-DD`).
    pub due: Option<NaiveDate>,
    /// Day the action was marked « Réalisé »; `None` unless it is.
    pub done_on: Option<NaiveDate>,
    /// Incremental phase (kit conclusion « commencer de manière incrémentale »): what starts first.
    pub phase: Option<Phase>,
    /// « Budget »: lines in whole euros.
    pub budget: Vec<BudgetLine>,
    /// « Indicateurs » of follow-up.
    pub indicators: Vec<Indicator>,
    /// NR action types, from the same vocabularies as the actors' (kit step 1).
    pub nr_types: Vec<String>,
    /// Free notes.
    pub notes: String,
    /// The catalogue entry it was created from (the key action's text), if any.
    pub from_catalogue: Option<String>,
    /// Captured during a workshop (« issue de l'atelier »), to sort out later; cleared when
    /// the user sorts it.
    pub workshop: bool,
    /// Dated follow-up notes (« notes de suivi », schema 6), in the order they were written;
    /// the yearly review quotes those of its year.
    pub follow_ups: Vec<FollowUp>,
    /// When and where each field was last changed (schema 7; see [`crate::merge`]).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub edits: crate::merge::Edits,
}

/// A dated follow-up note of a fiche action (« note de suivi »): what happened, on a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// Day of the note (serialised `YYYY-MM-DD`).
    pub on: NaiveDate,
    /// What happened, free text.
    pub text: String,
}

impl ActionSheet {
    /// Who leads the fiche, as screens and documents name it: the pilote, else the pilot's
    /// service (an anonymised copy keeps only the service); `None` when both are blank.
    pub fn leader(&self) -> Option<&str> {
        [self.pilot.trim(), self.pilot_service.trim()]
            .into_iter()
            .find(|p| !p.is_empty())
    }

    /// A new sheet with a title and axis; status « À venir », nothing else set.
    pub fn new(id: Id, title: impl Into<String>, axis: Axis) -> Self {
        ActionSheet {
            edits: Default::default(),
            id,
            title: title.into(),
            axis,
            description: String::new(),
            objectives: String::new(),
            status: ActionStatus::Planned,
            pilot: String::new(),
            pilot_service: String::new(),
            actor_ids: Vec::new(),
            circles: Vec::new(),
            publics: String::new(),
            priority: None,
            quick_win: false,
            effort: None,
            impact: None,
            start: None,
            due: None,
            done_on: None,
            phase: None,
            budget: Vec::new(),
            indicators: Vec::new(),
            nr_types: Vec::new(),
            notes: String::new(),
            from_catalogue: None,
            workshop: false,
            follow_ups: Vec::new(),
        }
    }

    /// A sheet made from one of the kit's key actions (see [`crate::kit::KEY_ACTIONS`]): its
    /// text becomes the title, and the sheet remembers where it came from.
    pub fn from_catalogue(id: Id, axis: Axis, key_action: &str) -> Self {
        let mut sheet = ActionSheet::new(id, key_action, axis);
        sheet.from_catalogue = Some(key_action.to_owned());
        sheet
    }

    /// Moves the sheet to `status` on day `today`, keeping dates coherent:
    /// - starting it (« En cours ») sets the start date if none was given;
    /// - finishing it (« Réalisé ») records `done_on`, and a start date if none;
    /// - leaving « Réalisé » clears `done_on`;
    /// - back to « À venir » the day it was started, the start date that day set goes too (a
    ///   card moved one column too far and back leaves no date the user never gave).
    pub fn set_status(&mut self, status: ActionStatus, today: NaiveDate) {
        if status == self.status {
            return;
        }
        let started_today = today.min(self.due.unwrap_or(today));
        match status {
            ActionStatus::InProgress | ActionStatus::Done if self.start.is_none() => {
                self.start = Some(started_today);
            }
            ActionStatus::Planned if self.start == Some(started_today) => self.start = None,
            _ => {}
        }
        self.done_on = (status == ActionStatus::Done).then_some(today);
        self.status = status;
    }

    /// Whether the scores alone make this fiche a quick win: light effort for at least a medium
    /// impact ([`Score::is_quick_win`]).
    pub fn suggests_quick_win(&self) -> bool {
        matches!((self.effort, self.impact), (Some(e), Some(i)) if Score::is_quick_win(e, i))
    }

    /// Whether this fiche counts as a quick win (kit, conclusion: « viser des gains rapides »):
    /// marked so by the user (`quick_win`, for a fiche not scored yet or scored otherwise), or
    /// scored light effort for at least a medium impact. The one definition the flag, the
    /// matrix, the dashboard, the report and the projector all use, so no two screens disagree.
    pub fn is_quick_win(&self) -> bool {
        self.quick_win || self.suggests_quick_win()
    }

    /// Total budget in euros, optionally for one kind of line (saturating: never wraps).
    pub fn budget_total(&self, kind: Option<BudgetKind>) -> u64 {
        self.budget
            .iter()
            .filter(|l| kind.is_none_or(|k| l.kind == k))
            .fold(0u64, |total, l| total.saturating_add(l.amount))
    }

    /// Whether the fiche was captured during a workshop and not sorted out yet
    /// ([`ActionSheet::workshop`]).
    pub fn from_workshop(&self) -> bool {
        self.workshop
    }

    /// First day the action is placed at on a timeline: its start, else its due date.
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.start.or(self.due)
    }
}

/// One line of an action's budget.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetLine {
    pub kind: BudgetKind,
    /// What it pays for.
    pub label: String,
    /// Amount planned (« prévu »), in whole euros.
    pub amount: u64,
    /// Budget year, if known.
    pub year: Option<i32>,
    /// Amount actually spent (« réalisé »), in whole euros, once known (schema 6). The
    /// yearly review (« bilan annuel », loi REEN art. 35) compares it with `amount`.
    pub actual: Option<u64>,
}

/// Investment or operating expenditure, as in a collectivité's budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetKind {
    /// « Investissement ».
    Investment,
    /// « Fonctionnement ».
    Operating,
}

impl BudgetKind {
    pub const ALL: [BudgetKind; 2] = [BudgetKind::Investment, BudgetKind::Operating];

    pub fn label(self) -> &'static str {
        match self {
            BudgetKind::Investment => t("domain.budget_kind.investment"),
            BudgetKind::Operating => t("domain.budget_kind.operating"),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            BudgetKind::Investment => "investment",
            BudgetKind::Operating => "operating",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// « Priorité » of an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    High,
    Medium,
    Low,
}

impl Priority {
    pub const ALL: [Priority; 3] = [Priority::High, Priority::Medium, Priority::Low];

    pub fn label(self) -> &'static str {
        match self {
            Priority::High => t("domain.priority.high"),
            Priority::Medium => t("domain.priority.medium"),
            Priority::Low => t("domain.priority.low"),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Priority::High => "high",
            Priority::Medium => "medium",
            Priority::Low => "low",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// A 1–3 score for effort or impact, serialised as the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Score {
    Low = 1,
    Medium = 2,
    High = 3,
}

impl Score {
    pub const ALL: [Score; 3] = [Score::Low, Score::Medium, Score::High];

    /// 1, 2 or 3.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The quick-win rule (kit conclusion « viser des gains rapides »): light effort for at
    /// least a medium impact. The one place the rule is written.
    pub fn is_quick_win(effort: Score, impact: Score) -> bool {
        effort == Score::Low && impact >= Score::Medium
    }

    /// « Faible », « Moyen », « Fort ».
    pub fn label(self) -> &'static str {
        match self {
            Score::Low => t("domain.score.low"),
            Score::Medium => t("domain.score.medium"),
            Score::High => t("domain.score.high"),
        }
    }
}

impl TryFrom<u8> for Score {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, String> {
        match n {
            1 => Ok(Score::Low),
            2 => Ok(Score::Medium),
            3 => Ok(Score::High),
            _ => Err(tf("domain.error.unknown_score", &[("n", &n)])),
        }
    }
}

impl From<Score> for u8 {
    fn from(s: Score) -> u8 {
        s.number()
    }
}

/// Incremental phase of the plan (kit conclusion: start small, then widen), serialised 1–3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Phase {
    First = 1,
    Second = 2,
    Third = 3,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::First, Phase::Second, Phase::Third];

    pub fn number(self) -> u8 {
        self as u8
    }

    /// Short French name of the phase.
    pub fn label(self) -> &'static str {
        match self {
            Phase::First => t("domain.phase.first"),
            Phase::Second => t("domain.phase.second"),
            Phase::Third => t("domain.phase.third"),
        }
    }
}

impl TryFrom<u8> for Phase {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, String> {
        match n {
            1 => Ok(Phase::First),
            2 => Ok(Phase::Second),
            3 => Ok(Phase::Third),
            _ => Err(tf("domain.error.unknown_phase", &[("n", &n)])),
        }
    }
}

impl From<Phase> for u8 {
    fn from(p: Phase) -> u8 {
        p.number()
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
            Axis::Know => t("domain.axis.know"),
            Axis::Support => t("domain.axis.support"),
            Axis::Innovate => t("domain.axis.innovate"),
            Axis::Engage => t("domain.axis.engage"),
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
            ActionStatus::Planned => t("domain.action_status.planned"),
            ActionStatus::InProgress => t("domain.action_status.in_progress"),
            ActionStatus::Done => t("domain.action_status.done"),
            ActionStatus::Paused => t("domain.action_status.paused"),
            ActionStatus::Abandoned => t("domain.action_status.abandoned"),
            ActionStatus::Blocked => t("domain.action_status.blocked"),
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

    /// The kanban column `step` columns to the right (negative: left) of this one, in
    /// [`ActionStatus::ALL`] order; `None` past either end. Moves a card with the keyboard.
    pub fn moved(self, step: isize) -> Option<ActionStatus> {
        let at = Self::ALL.iter().position(|s| *s == self)? as isize + step;
        usize::try_from(at)
            .ok()
            .and_then(|i| Self::ALL.get(i).copied())
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
    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn sheet() -> ActionSheet {
        ActionSheet::new(Id::from_random_bytes([2; 16]), "Collecte", Axis::Support)
    }

    #[test]
    fn starting_an_action_dates_it_and_finishing_records_the_day() {
        let mut a = sheet();
        a.set_status(ActionStatus::InProgress, day(2026, 3, 2));
        assert_eq!(a.start, Some(day(2026, 3, 2)));
        assert_eq!(a.done_on, None);
        a.set_status(ActionStatus::Done, day(2026, 9, 1));
        assert_eq!(a.done_on, Some(day(2026, 9, 1)));
        assert_eq!(
            a.start,
            Some(day(2026, 3, 2)),
            "an existing start date is kept"
        );
        a.set_status(ActionStatus::Paused, day(2026, 9, 2));
        assert_eq!(
            a.done_on, None,
            "leaving « Réalisé » clears the day it was done"
        );
        assert_eq!(a.status, ActionStatus::Paused);
    }

    #[test]
    fn started_then_moved_back_the_same_day_leaves_no_start_date() {
        let mut a = sheet();
        a.set_status(ActionStatus::InProgress, day(2026, 12, 3));
        a.set_status(ActionStatus::Planned, day(2026, 12, 3));
        assert_eq!(a.start, None);
        a.set_status(ActionStatus::InProgress, day(2026, 12, 3));
        a.set_status(ActionStatus::Planned, day(2026, 12, 9));
        assert_eq!(
            a.start,
            Some(day(2026, 12, 3)),
            "started on another day: kept"
        );
    }

    #[test]
    fn a_given_start_date_is_never_overwritten() {
        let mut a = sheet();
        a.start = Some(day(2027, 1, 1));
        a.set_status(ActionStatus::Done, day(2026, 5, 5));
        assert_eq!(a.start, Some(day(2027, 1, 1)));
        assert_eq!(a.done_on, Some(day(2026, 5, 5)));
    }

    #[test]
    fn kanban_moves_stop_at_both_ends() {
        assert_eq!(
            ActionStatus::Planned.moved(1),
            Some(ActionStatus::InProgress)
        );
        assert_eq!(ActionStatus::Planned.moved(-1), None);
        assert_eq!(ActionStatus::Abandoned.moved(1), None);
        assert_eq!(ActionStatus::Done.moved(-2), Some(ActionStatus::Planned));
    }

    #[test]
    fn quick_win_rule_wants_light_effort_and_real_impact() {
        let mut a = sheet();
        assert!(
            !a.suggests_quick_win(),
            "unscored actions are not suggested"
        );
        a.effort = Some(Score::Low);
        a.impact = Some(Score::Low);
        assert!(!a.suggests_quick_win());
        a.impact = Some(Score::Medium);
        assert!(a.suggests_quick_win());
        a.effort = Some(Score::Medium);
        a.impact = Some(Score::High);
        assert!(!a.suggests_quick_win());
    }

    #[test]
    fn a_quick_win_is_ticked_or_scored_so() {
        let mut a = sheet();
        assert!(!a.is_quick_win());
        a.quick_win = true;
        assert!(a.is_quick_win(), "ticked, not scored");
        a.quick_win = false;
        a.effort = Some(Score::Low);
        a.impact = Some(Score::High);
        assert!(
            a.is_quick_win(),
            "scored, not ticked: the matrix's zone counts"
        );
        a.effort = Some(Score::High);
        assert!(!a.is_quick_win());
    }

    #[test]
    fn scores_and_phases_are_numbers_and_out_of_range_is_refused() {
        let mut a = sheet();
        a.effort = Some(Score::High);
        a.phase = Some(Phase::First);
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json["effort"], 3);
        assert_eq!(json["phase"], 1);
        let mut bad = json.clone();
        bad["impact"] = 4.into();
        assert!(serde_json::from_value::<ActionSheet>(bad).is_err());
    }

    #[test]
    fn budget_totals_by_kind() {
        let mut a = sheet();
        for (kind, amount) in [
            (BudgetKind::Investment, 12_000),
            (BudgetKind::Operating, 3_500),
            (BudgetKind::Investment, 500),
        ] {
            a.budget.push(BudgetLine {
                kind,
                label: String::new(),
                amount,
                year: Some(2026),
                actual: None,
            });
        }
        assert_eq!(a.budget_total(None), 16_000);
        assert_eq!(a.budget_total(Some(BudgetKind::Investment)), 12_500);
    }
}
