//! One record on each side, field by field: which fields differ, which side wins each, and
//! the merged record. Records are compared as the JSON they are stored as, so one piece of
//! code serves every kind; a field is a top-level key (`engagement`, `actor_ids`…) or, inside
//! a nested record, its path (`territory/population`, see [`super::Edits`]).

use super::{tick_of, Edited, Edits, Tick, NOT_CONTENT};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// A field whose value differs between the two copies.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldDiff {
    /// The field's path (see [`super::Edits`]); its label is `merge.field.<last segment>`.
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
    /// The other copy is anonymised and left this personal-data field blank: its value is
    /// withheld, not empty, and never replaces the one here.
    pub withheld: bool,
    /// Whether the other copy's value wins when the user does not choose.
    pub theirs_by_default: bool,
    /// For a conflict on a list (indicators, budget lines, linked actors…): both lists put
    /// together — the later one, then what only the other holds ([`union`]) — which is then
    /// the default, so that neither side's additions are lost. `None` when one list already
    /// holds the other.
    pub combined: Option<Value>,
}

/// What the merge knows of the other copy, the same for all its records.
#[derive(Clone, Copy, Debug, Default)]
pub struct Side {
    /// It is anonymised: its blank personal-data fields were withheld, not erased.
    pub anonymised: bool,
    /// It is another copy of the plan in the same browser (or a copy of one): this
    /// browser's device id may then have dated both sides' values, on two different copies.
    pub other_copy: bool,
}

/// The fields that hold personal data, blanked in an anonymised copy (see
/// [`crate::file::PlanFile::anonymised`]), by path.
const PERSONAL: [&str; 5] = [
    "referent",
    "contact",
    "pilot",
    "owner",
    "governance/internal_members",
];

/// The key of the tick a record gets when the user keeps one side's list against both lists
/// put together (`"indicators!"`): not a field, a mark that makes that list the default
/// against any change of the other side older than the choice, so that the other copy
/// follows it when it merges back.
pub fn chosen_list(key: &str) -> String {
    format!("{key}!")
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

/// What names an item of a list, to tell « the same item, changed » from « another item »:
/// an indicator's name, a note's text and day, a measure's day, a yearly target's year.
/// A budget line is its whole value: two lines may share a label (or have none) and a year,
/// so a line changed on one side is kept beside the other rather than lost.
fn item_key(item: &Value) -> Vec<&Value> {
    let Value::Object(map) = item else {
        return vec![item];
    };
    if map.contains_key("label") {
        return vec![item];
    }
    let key: Vec<&Value> = ["name", "title", "text", "on", "year"]
        .iter()
        .filter_map(|k| map.get(*k))
        .collect();
    if key.is_empty() {
        vec![item]
    } else {
        key
    }
}

/// Two versions of a list put together: `later`'s items in its order, each merged with the
/// same item of `earlier` (its lists put together too, its other values the later ones),
/// then the items only `earlier` holds. Anything but two lists or two records: `later`.
pub fn union(later: &Value, earlier: &Value) -> Value {
    match (later, earlier) {
        (Value::Array(l), Value::Array(e)) => {
            let same = |a: &Value, b: &Value| item_key(a) == item_key(b);
            let mut out: Vec<Value> = l
                .iter()
                .map(|x| match e.iter().find(|y| same(x, y)) {
                    Some(y) => union(x, y),
                    None => x.clone(),
                })
                .collect();
            out.extend(e.iter().filter(|y| !l.iter().any(|x| same(x, y))).cloned());
            Value::Array(out)
        }
        (Value::Object(l), Value::Object(e)) => Value::Object(
            l.iter()
                .map(|(k, v)| match (v, e.get(k)) {
                    (Value::Array(_), Some(w @ Value::Array(_))) => (k.clone(), union(v, w)),
                    _ => (k.clone(), v.clone()),
                })
                .collect(),
        ),
        _ => later.clone(),
    }
}

/// A record as a JSON object without the keys that are not its content.
fn content(record: &impl serde::Serialize) -> Map<String, Value> {
    let mut object = super::as_object(record);
    for key in NOT_CONTENT {
        object.remove(key);
    }
    object
}

/// The paths and both values of the fields of `there` that differ from `here`, into `out`:
/// nested records present on both sides are compared field by field.
fn walk(
    here: &Map<String, Value>,
    there: &Map<String, Value>,
    prefix: &str,
    out: &mut Vec<(String, Value, Value)>,
) {
    for (key, there_value) in there {
        let path = format!("{prefix}{key}");
        match (here.get(key), there_value) {
            (Some(Value::Object(h)), Value::Object(t)) => walk(h, t, &format!("{path}/"), out),
            (Some(h), t) if h == t => {}
            (h, t) => out.push((path, h.cloned().unwrap_or(Value::Null), t.clone())),
        }
    }
}

/// The value at `path` in `object`.
fn get<'a>(object: &'a Map<String, Value>, path: &str) -> Option<&'a Value> {
    let mut parts = path.split('/');
    let mut value = object.get(parts.next()?)?;
    for part in parts {
        value = value.as_object()?.get(part)?;
    }
    Some(value)
}

/// Puts `value` at `path` in `object`, making the nested records on the way.
fn set(object: &mut Map<String, Value>, path: &str, value: Value) {
    match path.split_once('/') {
        None => {
            object.insert(path.to_owned(), value);
        }
        Some((head, rest)) => {
            let inner = object
                .entry(head.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if !inner.is_object() {
                *inner = Value::Object(Map::new());
            }
            if let Value::Object(inner) = inner {
                set(inner, rest, value);
            }
        }
    }
}

/// The fields that differ between `here` and `there` (two versions of one record), in the
/// record's field order, nested fields in place of their record.
pub fn differences<T: Edited>(here: &T, there: &T, side: Side) -> Vec<FieldDiff> {
    let blank = |v: &Value| {
        v.is_null() || v.as_str() == Some("") || v.as_array().is_some_and(Vec::is_empty)
    };
    let mut pairs = Vec::new();
    walk(&content(here), &content(there), "", &mut pairs);
    pairs
        .into_iter()
        .map(|(key, here_value, there_value)| {
            let here_tick = tick_of(here.edits(), &key).cloned();
            let there_tick = tick_of(there.edits(), &key).cloned();
            let personal = PERSONAL.contains(&key.as_str());
            let withheld =
                side.anonymised && personal && blank(&there_value) && !blank(&here_value);
            // Dated on both sides by two devices, or on neither: two people may have
            // changed it. Dated on both by one device, the older is that device's own
            // earlier value, which the other copy only carried over — unless the two are
            // different copies in one browser, each edited there.
            let two_hands = match (&here_tick, &there_tick) {
                (Some(h), Some(t)) => h.by != t.by || side.other_copy,
                // Undated on both sides, a blank personal field is one an anonymised copy
                // left blank: the other side's value fills it, no question asked.
                (None, None) => !(personal && (blank(&here_value) || blank(&there_value))),
                _ => false,
            };
            let conflict = !withheld && two_hands;
            let mut theirs_by_default =
                !withheld && there_wins(&here_value, &there_value, &here_tick, &there_tick);
            // Two lists changed on both sides: by default, both put together. When that is
            // one side's list, that side wins (the same answer from either copy).
            let mut combined = None;
            // A list a user chose over both lists, after the other side's change: that list.
            let mark_after = |edits: &Edits, other: &Option<Tick>| {
                edits
                    .get(&chosen_list(&key))
                    .filter(|mark| other.as_ref().is_none_or(|o| *mark > o))
                    .cloned()
            };
            let mark_here = mark_after(here.edits(), &there_tick);
            let mark_there = mark_after(there.edits(), &here_tick);
            let lists = conflict && here_value.is_array() && there_value.is_array();
            if lists && (mark_here.is_some() || mark_there.is_some()) {
                theirs_by_default = mark_there > mark_here;
            } else if lists {
                let both = if theirs_by_default {
                    union(&there_value, &here_value)
                } else {
                    union(&here_value, &there_value)
                };
                if both == here_value {
                    theirs_by_default = false;
                } else if both == there_value {
                    theirs_by_default = true;
                } else {
                    combined = Some(both);
                }
            }
            FieldDiff {
                conflict,
                theirs_by_default,
                combined,
                key,
                here: here_value,
                there: there_value,
                here_tick,
                there_tick,
                withheld,
            }
        })
        .collect()
}

/// The merged record: `here` with the fields named in `take` from `there`, each with its
/// tick and, for actors, its provenance, and the values of `put` (lists put together) with
/// their ticks; fields equal on both sides keep the later tick.
pub fn combine<T: Edited + DeserializeOwned + Clone>(
    here: &T,
    there: &T,
    take: &[&str],
    put: Vec<(String, Value, Option<Tick>)>,
) -> T {
    let (mut h, t) = (super::as_object(here), super::as_object(there));
    let mut edits: Edits = here.edits().clone();
    for (key, tick) in there.edits() {
        let same = get(&h, key) == get(&t, key);
        if same && edits.get(key) < Some(tick) {
            edits.insert(key.clone(), tick.clone());
        }
    }
    for key in take {
        match tick_of(there.edits(), key) {
            Some(tick) => edits.insert((*key).to_owned(), tick.clone()),
            None => edits.remove(*key),
        };
        if let Some(value) = get(&t, key) {
            set(&mut h, key, value.clone());
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
    for (key, value, tick) in put {
        set(&mut h, &key, value);
        match tick {
            Some(tick) => edits.insert(key, tick),
            None => edits.remove(&key),
        };
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

    const ANON: Side = Side {
        anonymised: true,
        other_copy: false,
    };

    fn actor() -> Actor {
        Actor::new(Id::from_random_bytes([1; 16]), "Envie 35")
    }

    #[test]
    fn a_field_changed_on_one_side_takes_that_value_and_is_no_conflict() {
        let here = actor();
        let mut there = actor();
        there.engagement = EngagementLevel::Driving;
        there.edits.insert("engagement".into(), tick(5, "b"));
        let diffs = differences(&here, &there, Side::default());
        assert_eq!(diffs.len(), 1);
        assert!(diffs[0].theirs_by_default && !diffs[0].conflict);
        let merged = combine(&here, &there, &["engagement"], Vec::new());
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
        let diffs = differences(&here, &there, Side::default());
        assert!(diffs[0].conflict && !diffs[0].theirs_by_default);
        // And the other way round, the same winner.
        let back = differences(&there, &here, Side::default());
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
        let diffs = differences(&here, &there, Side::default());
        assert!(!diffs[0].conflict && !diffs[0].theirs_by_default);
    }

    #[test]
    fn a_blank_in_an_anonymised_copy_is_withheld_not_taken() {
        let mut here = actor();
        here.referent = "Mme Martin".into();
        let mut there = here.clone();
        there.referent.clear();
        there.edits.insert("referent".into(), tick(50, "b"));
        let diffs = differences(&here, &there, ANON);
        assert!(diffs[0].withheld && !diffs[0].theirs_by_default && !diffs[0].conflict);
        assert!(differences(&here, &there, Side::default())[0].theirs_by_default);
    }
}
