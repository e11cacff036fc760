//! The list, kanban and matrix views of the action plan: filtering and grouping fiches action.

use crate::i18n::t;
use crate::{ActionSheet, ActionStatus, Axis, Circle, Id, Score};
use chrono::Datelike;

/// Filters of the action list; `None` lets everything through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActionFilter {
    pub axis: Option<Axis>,
    pub status: Option<ActionStatus>,
    /// Matches the pilot's name or service, case- and accent-insensitively, as a substring.
    pub pilot: String,
    pub circle: Option<Circle>,
    /// Only actions with this partner actor.
    pub actor: Option<Id>,
}

impl ActionFilter {
    /// Whether `a` passes every filter.
    pub fn matches(&self, a: &ActionSheet) -> bool {
        let pilot = crate::text::fold(self.pilot.trim());
        self.axis.is_none_or(|x| a.axis == x)
            && self.status.is_none_or(|s| a.status == s)
            && self.circle.is_none_or(|c| a.circles.contains(&c))
            && self.actor.is_none_or(|id| a.actor_ids.contains(&id))
            && (pilot.is_empty()
                || crate::text::fold(&a.pilot).contains(&pilot)
                || crate::text::fold(&a.pilot_service).contains(&pilot))
    }
}

/// Sort keys of the action list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ActionSort {
    /// Axis in the kit's order, then title.
    #[default]
    Axis,
    Title,
    /// Earliest due date first; undated last.
    Due,
    /// Highest priority first; unset last.
    Priority,
    Status,
}

impl ActionSort {
    pub const ALL: [ActionSort; 5] = [
        ActionSort::Axis,
        ActionSort::Title,
        ActionSort::Due,
        ActionSort::Priority,
        ActionSort::Status,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ActionSort::Axis => t("domain.action_sort.axis"),
            ActionSort::Title => t("domain.action_sort.title"),
            ActionSort::Due => t("domain.action_sort.due"),
            ActionSort::Priority => t("domain.action_sort.priority"),
            ActionSort::Status => t("domain.action_sort.status"),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ActionSort::Axis => "axis",
            ActionSort::Title => "title",
            ActionSort::Due => "due",
            ActionSort::Priority => "priority",
            ActionSort::Status => "status",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The actions that pass `filter`, sorted by `sort` (ties by title, then id: stable).
pub fn list<'a>(
    actions: &'a [ActionSheet],
    filter: &ActionFilter,
    sort: ActionSort,
) -> Vec<&'a ActionSheet> {
    let mut out: Vec<_> = actions.iter().filter(|a| filter.matches(a)).collect();
    let rank = |a: &ActionSheet| -> (usize, i64) {
        match sort {
            ActionSort::Axis => (Axis::ALL.iter().position(|x| *x == a.axis).unwrap_or(0), 0),
            ActionSort::Title => (0, 0),
            ActionSort::Due => match a.due {
                Some(d) => (0, i64::from(d.num_days_from_ce())),
                None => (1, 0),
            },
            ActionSort::Priority => (a.priority.map_or(3, |p| p as usize), 0),
            ActionSort::Status => (
                ActionStatus::ALL
                    .iter()
                    .position(|s| *s == a.status)
                    .unwrap_or(0),
                0,
            ),
        }
    };
    out.sort_by(|a, b| {
        rank(a)
            .cmp(&rank(b))
            .then_with(|| crate::text::fold(&a.title).cmp(&crate::text::fold(&b.title)))
            .then_with(|| a.id.cmp(&b.id))
    });
    out
}

/// The kanban: one column per status in [`ActionStatus::ALL`] order, cards as in `actions`.
pub fn kanban(actions: &[&ActionSheet]) -> Vec<(ActionStatus, Vec<Id>)> {
    ActionStatus::ALL
        .into_iter()
        .map(|s| {
            let ids = actions
                .iter()
                .filter(|a| a.status == s)
                .map(|a| a.id)
                .collect();
            (s, ids)
        })
        .collect()
}

/// The impact × effort matrix: `cells[impact][effort]` (0-based, 0 = « faible ») holds the
/// scored actions; `unscored` those missing either score.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matrix {
    pub cells: [[Vec<Id>; 3]; 3],
    pub unscored: Vec<Id>,
}

impl Matrix {
    /// Whether the cell at (`impact`, `effort`) is in the quick-win zone (see
    /// [`ActionSheet::suggests_quick_win`]).
    pub fn is_quick_win_zone(impact: Score, effort: Score) -> bool {
        Score::is_quick_win(effort, impact)
    }
}

/// Places actions on the matrix.
pub fn matrix(actions: &[&ActionSheet]) -> Matrix {
    let mut m = Matrix::default();
    for a in actions {
        match (a.impact, a.effort) {
            (Some(i), Some(e)) => {
                m.cells[i.number() as usize - 1][e.number() as usize - 1].push(a.id)
            }
            _ => m.unscored.push(a.id),
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Priority;
    use chrono::NaiveDate;

    fn action(n: u8, title: &str, axis: Axis) -> ActionSheet {
        ActionSheet::new(Id::from_random_bytes([n; 16]), title, axis)
    }

    #[test]
    fn filters_combine_and_pilot_matches_name_or_service_loosely() {
        let mut a = action(1, "Fresque", Axis::Engage);
        a.pilot_service = "Direction du numérique".into();
        a.circles = vec![Circle::One];
        let partner = Id::from_random_bytes([7; 16]);
        a.actor_ids = vec![partner];
        let b = action(2, "Mesure", Axis::Know);
        let all = [a, b];
        let f = ActionFilter {
            pilot: "NUMERIQUE".into(),
            ..Default::default()
        };
        assert_eq!(list(&all, &f, ActionSort::Title).len(), 1);
        let f = ActionFilter {
            actor: Some(partner),
            circle: Some(Circle::One),
            ..Default::default()
        };
        assert_eq!(list(&all, &f, ActionSort::Title)[0].title, "Fresque");
        let f = ActionFilter {
            axis: Some(Axis::Engage),
            circle: Some(Circle::Two),
            ..Default::default()
        };
        assert!(list(&all, &f, ActionSort::Title).is_empty());
    }

    #[test]
    fn sorting_by_due_date_puts_undated_last_and_by_axis_follows_the_kit() {
        let mut a = action(1, "Zèbre", Axis::Engage);
        a.due = NaiveDate::from_ymd_opt(2026, 1, 1);
        let b = action(2, "Alpha", Axis::Know);
        let mut c = action(3, "Milieu", Axis::Support);
        c.priority = Some(Priority::High);
        let all = [a, b, c];
        let titles = |s| {
            list(&all, &ActionFilter::default(), s)
                .iter()
                .map(|a| a.title.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(titles(ActionSort::Due), ["Zèbre", "Alpha", "Milieu"]);
        assert_eq!(titles(ActionSort::Axis), ["Alpha", "Milieu", "Zèbre"]);
        assert_eq!(titles(ActionSort::Priority)[0], "Milieu");
    }

    #[test]
    fn kanban_has_every_status_column_and_matrix_places_scored_actions() {
        let mut a = action(1, "A", Axis::Know);
        a.status = ActionStatus::Done;
        a.effort = Some(Score::Low);
        a.impact = Some(Score::High);
        let b = action(2, "B", Axis::Know);
        let refs = [&a, &b];
        let k = kanban(&refs);
        assert_eq!(k.len(), 6);
        assert_eq!(k[2], (ActionStatus::Done, vec![a.id]));
        let m = matrix(&refs);
        assert_eq!(m.cells[2][0], vec![a.id]);
        assert_eq!(m.unscored, vec![b.id]);
        assert!(Matrix::is_quick_win_zone(Score::High, Score::Low));
        assert!(!Matrix::is_quick_win_zone(Score::High, Score::Medium));
    }
}
