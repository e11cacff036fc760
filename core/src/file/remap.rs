//! Importing a plan « as a new plan »: every record gets a fresh id and every link follows,
//! so the copy never collides with the plan it came from, even in the same browser.

use super::PlanFile;
use crate::{Id, IdGen};
use std::collections::HashMap;

/// Returns `file` with a new plan id and new record ids, every actor link (action partners,
/// mobilisation targets, needs, steering members) rewritten to the new actor ids. Links to
/// unknown actors are dropped, and so are needs of an unknown actor (a validated file has none).
pub fn as_new_plan(mut file: PlanFile, ids: &mut impl IdGen) -> PlanFile {
    file.plan.id = ids.new_id();
    let mut actor_map: HashMap<Id, Id> = HashMap::with_capacity(file.actors.len());
    for actor in &mut file.actors {
        let new = ids.new_id();
        actor_map.insert(actor.id, new);
        actor.id = new;
    }
    let relink = |links: &[Id]| -> Vec<Id> {
        links
            .iter()
            .filter_map(|old| actor_map.get(old).copied())
            .collect()
    };
    let mut sheet_map: HashMap<Id, Id> = HashMap::with_capacity(file.actions.len());
    for action in &mut file.actions {
        let new = ids.new_id();
        sheet_map.insert(action.id, new);
        action.id = new;
        action.actor_ids = relink(&action.actor_ids);
    }
    for m in &mut file.mobilisations {
        m.id = ids.new_id();
        m.actor_ids = relink(&m.actor_ids);
    }
    let members = relink(&file.plan.governance.member_ids);
    file.plan.governance.member_ids = members;
    file.needs.retain(|n| actor_map.contains_key(&n.actor_id));
    for n in &mut file.needs {
        n.id = ids.new_id();
        n.actor_id = actor_map[&n.actor_id];
    }
    // Closed years follow the new ids of the records that still exist; those of records
    // deleted since keep their old id, matching nothing, as in the original.
    let follow = |map: &HashMap<Id, Id>, id: &mut Id| {
        if let Some(new) = map.get(id) {
            *id = *new;
        }
    };
    for snap in &mut file.snapshots {
        snap.id = ids.new_id();
        for s in &mut snap.sheets {
            follow(&sheet_map, &mut s.id);
        }
        for i in &mut snap.indicators {
            follow(&sheet_map, &mut i.sheet_id);
        }
        for a in &mut snap.actors {
            follow(&actor_map, &mut a.id);
        }
    }
    file
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::CounterIds;
    use crate::{Actor, Circle, Mobilisation, Need, NeedKind, Plan};

    #[test]
    fn mobilisation_need_and_steering_links_follow_the_new_actor_ids() {
        let mut ids = CounterIds::default();
        let mut plan = Plan::new(ids.new_id(), "Plan");
        let envie = Actor::new(ids.new_id(), "Envie 35");
        let rennes = Actor::new(ids.new_id(), "Rennes Métropole");
        let ghost = ids.new_id();
        plan.governance.member_ids = vec![rennes.id, ghost, envie.id];
        let mut mob = Mobilisation::new(ids.new_id(), "Webinaire", Circle::Two);
        mob.actor_ids = vec![envie.id, ghost, rennes.id];
        let need = Need::new(ids.new_id(), envie.id, NeedKind::Funding);
        let orphan = Need::new(ids.new_id(), ghost, NeedKind::Training);
        let mut file = PlanFile::new(plan, vec![envie.clone(), rennes.clone()], vec![], None);
        file.mobilisations = vec![mob.clone()];
        file.needs = vec![need.clone(), orphan];

        let copy = as_new_plan(file, &mut ids);
        let (new_envie, new_rennes) = (copy.actors[0].id, copy.actors[1].id);
        assert_ne!(new_envie, envie.id);
        assert_ne!(new_rennes, rennes.id);
        assert_eq!(copy.mobilisations[0].actor_ids, vec![new_envie, new_rennes]);
        assert_ne!(copy.mobilisations[0].id, mob.id);
        assert_eq!(copy.plan.governance.member_ids, vec![new_rennes, new_envie]);
        assert_eq!(
            copy.needs.len(),
            1,
            "the need of an unknown actor is dropped"
        );
        assert_eq!(copy.needs[0].actor_id, new_envie);
        assert_ne!(copy.needs[0].id, need.id);
        assert!(crate::file::parse_plan_file(&copy.to_json()).is_ok());
    }
}
