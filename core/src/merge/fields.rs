//! One record on each side, field by field: which fields differ, which side wins each, and
//! the merged record. Records are compared as the JSON they are stored as, so one piece of
//! code serves every kind; a field is a top-level key (`engagement`, `actor_ids`…).

use super::{Edited, Edits, Tick, NOT_CONTENT};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A field whose value differs between the two copies.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldDiff {
    /// The field's JSON key; its label is `merge.field.<key>`.
    pub key: String,
    pub here: Value,
    pub there: Value,
    /// When each side last changed it (`None`: not since the record was created, or before
    /// schema 7).
    pub here_tick: Option<Tick>,
    pub there_tick: Option<Tick>,
    /// Changed on both sides by different devices, or dated on neither: the later change
    /// wins by default, and the preview shows both values.
    pub conflict: bool,
    /// The other copy is anonymised and left this field blank: its value is withheld, not
    /// empty, and never replaces the one here.
    pub withheld: bool,
    /// Whether the other copy's value wins when the user does not choose.
    pub theirs_by_default: bool,
}

/// Whether `there` wins over `here` for a field: the later tick; with no tick on either side
/// (or the very same tick), the greater value as JSON text — arbitrary, but the same answer
/// whichever copy merges the other, so that both end up equal.
fn there_wins(here: &Value, there: &Value, h: &Option<Tick>, t: &Option<Tick>) -> bool {
    match t.cmp(h) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => {
            let (there, here) = (there.to_string(), here.to_string());
            there > here
        }
    }
}

/// The fields that differ between `here` and `there` (two versions of one record), in the
/// record's field order. `anonymised`: `there` comes from an anonymised copy.
pub fn differences<T: Edited>(here: &T, there: &T, anonymised: bool) -> Vec<FieldDiff> {
    let (h, t) = (super::as_object(here), super::as_object(there));
    let blank = |v: &Value| v.as_str() == Some("") || v.as_array().is_some_and(Vec::is_empty);
    t.iter()
        .filter(|(key, _)| !NOT_CONTENT.contains(&key.as_str()))
        .filter_map(|(key, there_value)| {
            let here_value = h.get(key).cloned().unwrap_or(Value::Null);
            if &here_value == there_value {
                return None;
            }
            let here_tick = here.edits().get(key).cloned();
            let there_tick = there.edits().get(key).cloned();
            let withheld = anonymised && blank(there_value) && !blank(&here_value);
            // Dated on both sides by two devices, or on neither: two people may have
            // changed it. Dated on both by one device, the older is that device's own
            // earlier value, which the other copy only carried over.
            let two_hands = match (&here_tick, &there_tick) {
                (Some(h), Some(t)) => h.by != t.by,
                (None, None) => true,
                _ => false,
            };
            Some(FieldDiff {
                conflict: !withheld && two_hands,
                theirs_by_default: !withheld
                    && there_wins(&here_value, there_value, &here_tick, &there_tick),
                key: key.clone(),
                here: here_value,
                there: there_value.clone(),
                here_tick,
                there_tick,
                withheld,
            })
        })
        .collect()
}

/// The merged record: `here` with the fields named in `take` from `there`, each with its
/// tick and, for actors, its provenance; fields equal on both sides keep the later tick.
pub fn combine<T: Edited + DeserializeOwned + Clone>(here: &T, there: &T, take: &[&str]) -> T {
    let (mut h, t) = (super::as_object(here), super::as_object(there));
    let mut edits: Edits = here.edits().clone();
    for (key, tick) in there.edits() {
        let same = h.get(key) == t.get(key);
        if (same && edits.get(key) < Some(tick)) || take.contains(&key.as_str()) {
            edits.insert(key.clone(), tick.clone());
        }
    }
    for key in take {
        if !there.edits().contains_key(*key) {
            edits.remove(*key);
        }
        if let Some(value) = t.get(*key) {
            h.insert((*key).to_owned(), value.clone());
        }
        // An actor's provenance of that field goes with its value.
        let origin = t.get("origins").and_then(|o| o.get(*key)).cloned();
        if let Some(Value::Object(origins)) = h.get_mut("origins") {
            match origin {
                Some(o) => origins.insert((*key).to_owned(), o),
                None => origins.remove(*key),
            };
        }
    }
    match serde_json::from_value::<T>(Value::Object(h)) {
        Ok(mut merged) => {
            *merged.edits_mut() = edits;
            merged
        }
        // Both sides are valid records of the same type, so any mix of their fields is one.
        Err(_) => here.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::tick;
    use super::*;
    use crate::{Actor, EngagementLevel, Id};

    fn actor() -> Actor {
        Actor::new(Id::from_random_bytes([1; 16]), "Envie 35")
    }

    #[test]
    fn a_field_changed_on_one_side_takes_that_value_and_is_no_conflict() {
        let here = actor();
        let mut there = actor();
        there.engagement = EngagementLevel::Driving;
        there.edits.insert("engagement".into(), tick(5, "b"));
        let diffs = differences(&here, &there, false);
        assert_eq!(diffs.len(), 1);
        assert!(diffs[0].theirs_by_default && !diffs[0].conflict);
        let merged = combine(&here, &there, &["engagement"]);
        assert_eq!(merged.engagement, EngagementLevel::Driving);
        assert_eq!(merged.edits["engagement"], tick(5, "b"));
    }

    #[test]
    fn a_field_changed_on_both_sides_is_a_conflict_won_by_the_later_change() {
        let mut here = actor();
        here.description = "ici".into();
        here.edits.insert("description".into(), tick(9, "a"));
        let mut there = actor();
        there.description = "là-bas".into();
        there.edits.insert("description".into(), tick(3, "b"));
        let diffs = differences(&here, &there, false);
        assert!(diffs[0].conflict && !diffs[0].theirs_by_default);
        // And the other way round, the same winner.
        let back = differences(&there, &here, false);
        assert!(back[0].conflict && back[0].theirs_by_default);
    }

    #[test]
    fn a_value_the_copy_carried_from_this_device_is_no_conflict() {
        let mut here = actor();
        here.description = "revu ici".into();
        here.edits.insert("description".into(), tick(9, "a"));
        let mut there = actor();
        there.description = "écrit ici avant l'export".into();
        there.edits.insert("description".into(), tick(3, "a"));
        let diffs = differences(&here, &there, false);
        assert!(!diffs[0].conflict && !diffs[0].theirs_by_default);
    }

    #[test]
    fn a_blank_in_an_anonymised_copy_is_withheld_not_taken() {
        let mut here = actor();
        here.referent = "Mme Martin".into();
        let mut there = here.clone();
        there.referent.clear();
        there.edits.insert("referent".into(), tick(50, "b"));
        let diffs = differences(&here, &there, true);
        assert!(diffs[0].withheld && !diffs[0].theirs_by_default && !diffs[0].conflict);
        assert!(differences(&here, &there, false)[0].theirs_by_default);
    }
}
