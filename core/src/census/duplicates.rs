//! Spotting, before an import, the rows that describe an actor the plan already has: same
//! name and same type, ignoring case, accents and punctuation.

use crate::text::fold;
use crate::{Actor, Id};
use std::collections::HashMap;

/// What a row of a file duplicates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Duplicate {
    /// An actor already in the plan.
    Existing(Id),
    /// An earlier row of the same file, at this index.
    EarlierRow(usize),
}

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

    /// For each row of a file, what it duplicates: an existing actor first, else an earlier
    /// row of the same file.
    pub fn classify(&self, rows: &[Actor]) -> Vec<Option<Duplicate>> {
        let mut seen: HashMap<(String, String), usize> = HashMap::new();
        rows.iter()
            .enumerate()
            .map(|(i, row)| {
                let key = (fold(&row.name), fold(&row.actor_type));
                if let Some(id) = self.0.get(&key) {
                    return Some(Duplicate::Existing(*id));
                }
                match seen.get(&key) {
                    Some(&first) => Some(Duplicate::EarlierRow(first)),
                    None => {
                        seen.insert(key, i);
                        None
                    }
                }
            })
            .collect()
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

    #[test]
    fn rows_repeated_inside_one_file_are_flagged() {
        let mut ids = CounterIds::default();
        let rows = [
            Actor::new(ids.new_id(), "Atelier Z"),
            Actor::new(ids.new_id(), "ATELIER  Z"),
            Actor::new(ids.new_id(), "Autre"),
        ];
        let index = DuplicateIndex::new(&[]);
        assert_eq!(
            index.classify(&rows),
            vec![None, Some(Duplicate::EarlierRow(0)), None]
        );
    }
}
