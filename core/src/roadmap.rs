//! The roadmap view (« feuille de route »): actions placed on a timeline of quarters.

use crate::i18n::tf;
use crate::{ActionSheet, Id};
use chrono::{Datelike, NaiveDate};

/// A calendar quarter, e.g. T2 2026. Orders chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i32,
    /// 1 to 4.
    pub q: u8,
}

impl Quarter {
    /// The quarter a day falls in.
    pub fn of(day: NaiveDate) -> Self {
        Quarter {
            year: day.year(),
            q: (day.month0() / 3 + 1) as u8,
        }
    }

    /// The quarter after this one.
    pub fn next(self) -> Self {
        if self.q == 4 {
            Quarter {
                year: self.year + 1,
                q: 1,
            }
        } else {
            Quarter {
                q: self.q + 1,
                ..self
            }
        }
    }

    /// « T1 2026 » (« trimestre »).
    pub fn label(self) -> String {
        tf("domain.quarter", &[("q", &self.q), ("year", &self.year)])
    }
}

/// Most quarters a roadmap shows (six years): beyond, actions are listed as « plus tard ».
pub const MAX_QUARTERS: usize = 24;

/// One action on the roadmap: it spans the quarters `from..=to` (indexes into
/// [`Roadmap::quarters`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoadmapRow {
    pub id: Id,
    pub from: usize,
    pub to: usize,
}

/// The roadmap of a plan: consecutive quarters, the dated actions on them (earliest first),
/// the actions with no date, and those that fall after the last quarter shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roadmap {
    pub quarters: Vec<Quarter>,
    pub rows: Vec<RoadmapRow>,
    pub undated: Vec<Id>,
    pub later: Vec<Id>,
}

/// Places actions on quarters from their start and due dates (either alone gives a one-quarter
/// bar; dates given in the wrong order are read in the right one).
pub fn roadmap(actions: &[ActionSheet]) -> Roadmap {
    let mut spans = Vec::new();
    let mut out = Roadmap::default();
    for a in actions {
        match (a.start.or(a.due), a.due.or(a.start)) {
            (Some(x), Some(y)) => {
                let (x, y) = (x.min(y), x.max(y));
                spans.push((Quarter::of(x), Quarter::of(y), a));
            }
            _ => out.undated.push(a.id),
        }
    }
    let Some(first) = spans.iter().map(|s| s.0).min() else {
        return out;
    };
    let last = spans.iter().map(|s| s.1).max().unwrap_or(first);
    let mut q = first;
    while q <= last && out.quarters.len() < MAX_QUARTERS {
        out.quarters.push(q);
        q = q.next();
    }
    let shown_last = out.quarters.len() - 1;
    let index = |q: Quarter| out.quarters.iter().position(|x| *x == q);
    spans.sort_by(|a, b| (a.0, a.1, &a.2.title).cmp(&(b.0, b.1, &b.2.title)));
    let mut rows = Vec::new();
    for (from, to, a) in spans {
        match index(from) {
            Some(f) => rows.push(RoadmapRow {
                id: a.id,
                from: f,
                to: index(to).unwrap_or(shown_last),
            }),
            None => out.later.push(a.id),
        }
    }
    out.rows = rows;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Axis;

    fn action(n: u8, start: Option<(i32, u32)>, due: Option<(i32, u32)>) -> ActionSheet {
        let day = |(y, m): (i32, u32)| NaiveDate::from_ymd_opt(y, m, 15).unwrap();
        let mut a = ActionSheet::new(Id::from_random_bytes([n; 16]), format!("A{n}"), Axis::Know);
        a.start = start.map(day);
        a.due = due.map(day);
        a
    }

    #[test]
    fn actions_span_the_quarters_of_their_dates() {
        let actions = [
            action(1, Some((2026, 2)), Some((2026, 8))),
            action(2, None, Some((2027, 1))),
            action(3, None, None),
        ];
        let r = roadmap(&actions);
        let labels: Vec<_> = r.quarters.iter().map(|q| q.label()).collect();
        assert_eq!(
            labels,
            ["T1 2026", "T2 2026", "T3 2026", "T4 2026", "T1 2027"]
        );
        assert_eq!(
            r.rows[0],
            RoadmapRow {
                id: actions[0].id,
                from: 0,
                to: 2
            }
        );
        assert_eq!(
            r.rows[1],
            RoadmapRow {
                id: actions[1].id,
                from: 4,
                to: 4
            }
        );
        assert_eq!(r.undated, vec![actions[2].id]);
    }

    #[test]
    fn far_dates_do_not_make_an_endless_timeline() {
        let actions = [
            action(1, Some((2026, 1)), None),
            action(2, Some((2026, 3)), Some((2090, 1))),
            action(3, Some((2080, 1)), None),
        ];
        let r = roadmap(&actions);
        assert_eq!(r.quarters.len(), MAX_QUARTERS);
        assert_eq!(
            r.rows[1].to,
            MAX_QUARTERS - 1,
            "a long bar is cut at the edge"
        );
        assert_eq!(r.later, vec![actions[2].id]);
    }

    #[test]
    fn reversed_dates_are_read_in_order() {
        let r = roadmap(&[action(1, Some((2027, 1)), Some((2026, 1)))]);
        assert_eq!(r.quarters.len(), 5);
        assert_eq!((r.rows[0].from, r.rows[0].to), (0, 4));
    }
}
