//! The follow-up dashboard (« tableau de bord ») of the conclusion: where the plan stands.

use crate::{
    ActionSheet, ActionStatus, Actor, Axis, Circle, Id, Mobilisation, MobilisationStatus, Need,
    NeedStatus,
};
use std::collections::HashSet;

/// Figures of the plan, computed from its records.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dashboard {
    /// Number of actions per status, in [`ActionStatus::ALL`] order.
    pub by_status: Vec<(ActionStatus, usize)>,
    /// Number of actions per axis, in the kit's order.
    pub by_axis: Vec<(Axis, usize)>,
    pub total: usize,
    /// Actions « Réalisé ».
    pub done: usize,
    /// `done` over the actions not abandoned, in whole percent (0 when there are none).
    pub done_percent: u8,
    /// The plan's quick wins ([`quick_wins`]), and how many of them are done.
    pub quick_wins: (usize, usize),
    /// Every indicator with a target, with its progress.
    pub indicators: Vec<IndicatorLine>,
    /// Indicators without a target: no progress to show, but counted so that none goes
    /// missing without a word.
    pub without_target: usize,
    /// Distinct actors mobilised, per circle (the actor's circle): an actor counts once it is
    /// targeted by a mobilisation that is not cancelled, or is partner of an action that is
    /// not abandoned.
    pub mobilised: Vec<(Circle, usize)>,
    /// Needs still « À traiter » or « En cours ».
    pub open_needs: usize,
}

/// One indicator on the dashboard.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorLine {
    pub action: Id,
    pub action_title: String,
    pub name: String,
    pub unit: String,
    pub latest: Option<f64>,
    pub target: f64,
    /// 0–100, `None` before the first measure.
    pub percent: Option<u8>,
}

/// The quick wins the plan still counts on: [`ActionSheet::is_quick_win`], abandoned fiches
/// left out (as the share of fiches done leaves them out). Listed on the dashboard, in the
/// phases and on the projector's slide.
pub fn quick_wins(actions: &[ActionSheet]) -> impl Iterator<Item = &ActionSheet> {
    actions
        .iter()
        .filter(|a| a.is_quick_win() && a.status != ActionStatus::Abandoned)
}

/// Computes the dashboard.
pub fn dashboard(
    actions: &[ActionSheet],
    actors: &[Actor],
    mobilisations: &[Mobilisation],
    needs: &[Need],
) -> Dashboard {
    let count_status = |s| actions.iter().filter(|a| a.status == s).count();
    let done = count_status(ActionStatus::Done);
    let live = actions.len() - count_status(ActionStatus::Abandoned);
    let quick: Vec<_> = quick_wins(actions).collect();
    let mut reached: HashSet<Id> = HashSet::new();
    for m in mobilisations
        .iter()
        .filter(|m| m.status != MobilisationStatus::Cancelled)
    {
        reached.extend(m.actor_ids.iter().copied());
    }
    for a in actions
        .iter()
        .filter(|a| a.status != ActionStatus::Abandoned)
    {
        reached.extend(a.actor_ids.iter().copied());
    }
    let mobilised = Circle::ALL
        .into_iter()
        .map(|c| {
            let n = actors
                .iter()
                .filter(|a| a.circle() == c && reached.contains(&a.id))
                .count();
            (c, n)
        })
        .collect();
    let indicators = actions
        .iter()
        .flat_map(|a| a.indicators.iter().map(move |i| (a, i)))
        .filter_map(|(a, i)| {
            Some(IndicatorLine {
                action: a.id,
                action_title: a.title.clone(),
                name: i.name.clone(),
                unit: i.unit.clone(),
                latest: i.latest().map(|m| m.value),
                target: i.target?,
                percent: i.percent(),
            })
        })
        .collect();
    Dashboard {
        by_status: ActionStatus::ALL
            .into_iter()
            .map(|s| (s, count_status(s)))
            .collect(),
        by_axis: Axis::ALL
            .into_iter()
            .map(|x| (x, actions.iter().filter(|a| a.axis == x).count()))
            .collect(),
        total: actions.len(),
        done,
        done_percent: (done * 100).checked_div(live).unwrap_or(0) as u8,
        quick_wins: (
            quick.len(),
            quick
                .iter()
                .filter(|a| a.status == ActionStatus::Done)
                .count(),
        ),
        indicators,
        without_target: actions
            .iter()
            .flat_map(|a| &a.indicators)
            .filter(|i| i.target.is_none())
            .count(),
        mobilised,
        open_needs: needs
            .iter()
            .filter(|n| matches!(n.status, NeedStatus::Open | NeedStatus::InProgress))
            .count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Indicator, Measure, NeedKind};
    use chrono::NaiveDate;

    fn id(n: u8) -> Id {
        Id::from_random_bytes([n; 16])
    }

    #[test]
    fn figures_follow_the_records() {
        let mut partner = Actor::new(id(1), "Envie 35");
        partner.circle = Some(Circle::Two);
        let bystander = Actor::new(id(2), "Quelqu'un");
        let mut a = ActionSheet::new(id(10), "Reconditionner", Axis::Support);
        a.status = ActionStatus::Done;
        a.quick_win = true;
        a.actor_ids = vec![partner.id];
        let mut ind = Indicator::new("Ordinateurs");
        ind.target = Some(800.0);
        ind.measures.push(Measure {
            on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            value: 200.0,
        });
        a.indicators = vec![ind, Indicator::new("Sans cible")];
        let mut b = ActionSheet::new(id(11), "Abandonnée", Axis::Know);
        b.status = ActionStatus::Abandoned;
        b.quick_win = true;
        b.actor_ids = vec![bystander.id];
        let c = ActionSheet::new(id(12), "À venir", Axis::Know);
        let mut mob = Mobilisation::new(id(20), "Affiches", Circle::Three);
        mob.actor_ids = vec![bystander.id];
        mob.status = MobilisationStatus::Cancelled;
        let needs = [Need::new(id(30), partner.id, NeedKind::Funding)];

        let d = dashboard(&[a, b, c], &[partner, bystander], &[mob], &needs);
        assert_eq!(d.total, 3);
        assert_eq!(d.done, 1);
        assert_eq!(
            d.done_percent, 50,
            "abandoned actions are left out of the share"
        );
        assert_eq!(d.by_axis[0], (Axis::Know, 2));
        assert_eq!(
            d.quick_wins,
            (1, 1),
            "an abandoned quick win is not counted"
        );
        assert_eq!(d.without_target, 1, "« Sans cible » is counted, not listed");
        assert_eq!(
            d.indicators.len(),
            1,
            "indicators without a target are left out"
        );
        assert_eq!(d.indicators[0].percent, Some(25));
        assert_eq!(
            d.mobilised,
            vec![(Circle::One, 0), (Circle::Two, 1), (Circle::Three, 0)]
        );
        assert_eq!(d.open_needs, 1);
    }

    #[test]
    fn an_empty_plan_has_zero_everywhere() {
        let d = dashboard(&[], &[], &[], &[]);
        assert_eq!((d.total, d.done_percent), (0, 0));
        assert!(d.indicators.is_empty());
    }
}
