//! Link integrity: what points at an actor, and removing those links when it is deleted.
//!
//! Invariant kept by every command of the app and checked on import: no fiche action,
//! mobilisation, need or steering body points at an actor that does not exist.

use crate::i18n::{t, tf, tn};
use crate::{ActionSheet, Id, Mobilisation, Need, Plan};

/// Everything that points at one actor. Shown before deleting it (« supprimer quand même ? »).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActorLinks {
    /// Action sheets that list it as a partner.
    pub actions: Vec<Id>,
    /// Mobilisations that target it.
    pub mobilisations: Vec<Id>,
    /// Needs it expressed: they are deleted with it.
    pub needs: Vec<Id>,
    /// Whether it sits on the steering body.
    pub steering: bool,
}

impl ActorLinks {
    /// Finds every link to `actor` in a plan's records.
    pub fn of(
        actor: Id,
        plan: &Plan,
        actions: &[ActionSheet],
        mobilisations: &[Mobilisation],
        needs: &[Need],
    ) -> Self {
        ActorLinks {
            actions: ids_where(actions, |a| a.actor_ids.contains(&actor), |a| a.id),
            mobilisations: ids_where(mobilisations, |m| m.actor_ids.contains(&actor), |m| m.id),
            needs: ids_where(needs, |n| n.actor_id == actor, |n| n.id),
            steering: plan.governance.member_ids.contains(&actor),
        }
    }

    /// No link at all: the actor can be deleted without asking.
    pub fn is_empty(&self) -> bool {
        self.actions.is_empty()
            && self.mobilisations.is_empty()
            && self.needs.is_empty()
            && !self.steering
    }

    /// French list of the links, e.g. « 2 fiches action, 1 mobilisation et l'instance de
    /// pilotage »; empty when there is none.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.actions.is_empty() {
            parts.push(tn("errors.links.actions", self.actions.len() as u64, &[]));
        }
        if !self.mobilisations.is_empty() {
            let n = self.mobilisations.len() as u64;
            parts.push(tn("errors.links.mobilisations", n, &[]));
        }
        if !self.needs.is_empty() {
            parts.push(tn("errors.links.needs", self.needs.len() as u64, &[]));
        }
        if self.steering {
            parts.push(t("errors.links.steering").to_owned());
        }
        match parts.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => tf(
                "errors.links.list",
                &[("first", &rest.join(", ")), ("last", last)],
            ),
        }
    }
}

fn ids_where<T>(records: &[T], keep: impl Fn(&T) -> bool, id: impl Fn(&T) -> Id) -> Vec<Id> {
    records.iter().filter(|r| keep(r)).map(id).collect()
}

/// Removes every link to `actor`: from action partners, mobilisation targets and the steering
/// body; its needs are removed from `needs` and returned (with their former positions) so that
/// an undo can put them back. Returns the links that were removed.
pub fn unlink_actor(
    actor: Id,
    plan: &mut Plan,
    actions: &mut [ActionSheet],
    mobilisations: &mut [Mobilisation],
    needs: &mut Vec<Need>,
) -> (ActorLinks, Vec<(usize, Need)>) {
    let links = ActorLinks::of(actor, plan, actions, mobilisations, needs);
    for a in actions.iter_mut() {
        a.actor_ids.retain(|id| *id != actor);
    }
    for m in mobilisations.iter_mut() {
        m.actor_ids.retain(|id| *id != actor);
    }
    plan.governance.member_ids.retain(|id| *id != actor);
    let mut removed = Vec::new();
    let mut index = 0;
    needs.retain(|n| {
        let keep = n.actor_id != actor;
        if !keep {
            removed.push((index, n.clone()));
        }
        index += 1;
        keep
    });
    (links, removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Axis, Circle, NeedKind};

    fn id(n: u8) -> Id {
        Id::from_random_bytes([n; 16])
    }

    #[test]
    fn deleting_an_actor_leaves_no_dangling_link() {
        let (envie, rennes) = (id(1), id(2));
        let mut plan = Plan::new(id(9), "Plan");
        plan.governance.member_ids = vec![envie, rennes];
        let mut action = ActionSheet::new(id(10), "Reconditionner", Axis::Support);
        action.actor_ids = vec![envie, rennes];
        let mut actions = vec![action, ActionSheet::new(id(11), "Autre", Axis::Know)];
        let mut mob = Mobilisation::new(id(20), "Webinaire", Circle::Two);
        mob.actor_ids = vec![envie];
        let mut mobs = vec![mob];
        let mut needs = vec![
            Need::new(id(30), rennes, NeedKind::Training),
            Need::new(id(31), envie, NeedKind::Funding),
        ];

        let before = ActorLinks::of(envie, &plan, &actions, &mobs, &needs);
        assert_eq!(
            before.describe(),
            "1 fiche action, 1 mobilisation, 1 besoin exprimé et l'instance de pilotage"
        );
        let (links, removed) = unlink_actor(envie, &mut plan, &mut actions, &mut mobs, &mut needs);
        assert_eq!(links, before);
        assert_eq!(removed.len(), 1);
        assert_eq!(
            removed[0].0, 1,
            "the need's former position is kept for undo"
        );
        assert!(ActorLinks::of(envie, &plan, &actions, &mobs, &needs).is_empty());
        assert_eq!(actions[0].actor_ids, vec![rennes], "other links stay");
        assert_eq!(plan.governance.member_ids, vec![rennes]);
        assert_eq!(needs.len(), 1);
    }

    #[test]
    fn an_unlinked_actor_needs_no_question() {
        let plan = Plan::new(id(9), "Plan");
        let links = ActorLinks::of(id(1), &plan, &[], &[], &[]);
        assert!(links.is_empty());
        assert_eq!(links.describe(), "");
    }
}
