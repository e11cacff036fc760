//! Importing a plan « as a new plan » in a browser that already holds it: every id is masked
//! by a random key (see [`crate::merge::identity`]), so the copy never collides with the plan
//! it came from, and can still be merged with it later.

use super::PlanFile;
use crate::merge::identity::{map_ids, CopyOf};

/// Returns `file` with its plan id and every record id and link masked by `key` (16 random
/// bytes' worth, drawn by the caller), remembering the original plan and the key in
/// `plan.copied_from` — a copy of a copy remembers the first original. Links to unknown
/// actors are dropped, and so are needs of an unknown actor (a validated file has none).
pub fn as_new_plan(mut file: PlanFile, key: [u8; 8]) -> PlanFile {
    let copied_from = match file.plan.copied_from.take() {
        // Masking twice is masking once with both keys.
        Some(first) => match first.key_bytes() {
            Some(k) => CopyOf::new(first.plan, std::array::from_fn(|i| k[i] ^ key[i])),
            None => CopyOf::new(file.plan.id, key),
        },
        None => CopyOf::new(file.plan.id, key),
    };
    map_ids(&mut file, |id| id.masked(key));
    file.plan.copied_from = Some(copied_from);
    file.drop_dangling_links();
    file
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::CounterIds;
    use crate::{Actor, Circle, IdGen, Mobilisation, Need, NeedKind, Plan};

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

        let copy = as_new_plan(file, [3; 8]);
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
