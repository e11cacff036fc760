//! Importing a plan « as a new plan »: every record gets a fresh id and every link follows,
//! so the copy never collides with the plan it came from, even in the same browser.

use super::PlanFile;
use crate::{Id, IdGen};
use std::collections::HashMap;

/// Returns `file` with a new plan id, new actor and action ids, and action → actor links
/// rewritten to the new actor ids. Links to unknown actors are dropped (a validated file has
/// none).
pub fn as_new_plan(mut file: PlanFile, ids: &mut impl IdGen) -> PlanFile {
    file.plan.id = ids.new_id();
    let mut actor_map: HashMap<Id, Id> = HashMap::with_capacity(file.actors.len());
    for actor in &mut file.actors {
        let new = ids.new_id();
        actor_map.insert(actor.id, new);
        actor.id = new;
    }
    for action in &mut file.actions {
        action.id = ids.new_id();
        action.actor_ids = action
            .actor_ids
            .iter()
            .filter_map(|old| actor_map.get(old).copied())
            .collect();
    }
    file
}
