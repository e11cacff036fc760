//! Spotting, before an import, the rows that describe an actor the plan already has: same
//! name and same type, ignoring case, accents and punctuation.

use crate::text::fold;
use crate::{Actor, Id};
use std::collections::HashMap;

/// The existing actors, indexed by folded name and type.
pub struct DuplicateIndex(HashMap<(String, String), Id>);

impl DuplicateIndex {
    /// Indexes `existing` (the plan's actors before the import).
    pub fn new(existing: &[Actor]) -> Self {
        DuplicateIndex(
            existing
                .iter()
                .map(|a| ((fold(&a.name), fold(&a.actor_type)), a.id))
                .collect(),
        )
    }

    /// The id of the existing actor `incoming` duplicates, if any.
    pub fn find(&self, incoming: &Actor) -> Option<Id> {
        self.0
            .get(&(fold(&incoming.name), fold(&incoming.actor_type)))
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{CounterIds, IdGen};

    #[test]
    fn same_name_and_type_whatever_the_spelling() {
        let mut ids = CounterIds::default();
        let mut envie = Actor::new(ids.new_id(), "Envie 35");
        envie.actor_type = "Association".into();
        let index = DuplicateIndex::new(std::slice::from_ref(&envie));
        let mut again = Actor::new(ids.new_id(), "ENVIE  35");
        again.actor_type = "association".into();
        assert_eq!(index.find(&again), Some(envie.id));
        again.actor_type = "Entreprise".into();
        assert_eq!(index.find(&again), None);
    }
}
