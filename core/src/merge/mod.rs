//! Merging two copies of one plan (« Fusionner avec le plan ouvert »).
//!
//! A strategy is written by several people, each on a copy of the plan (a file, a share link)
//! edited on their own device. To put those copies back together without a server, every
//! record says, per field, when it was last changed and on which device ([`Tick`], kept in
//! the record's `edits`), and a deleted record leaves a [`Tombstone`]. Two copies can then
//! tell « changed here » from « changed there », and « deleted there » from « added here ».
//!
//! - [`identity`]: whether a file is a copy of the open plan, and the map between their ids;
//! - [`fields`]: one record of each side, field by field;
//! - [`plan`]: the whole plan — additions, deletions, conflicts, the user's choices — as a
//!   [`Report`] (the preview) and the merged [`PlanFile`](crate::file::PlanFile).
//!
//! The rules, chosen so that merging B into A and A into B give the same plan:
//! - a field is a top-level value or a field of a nested record (`territory/population`), so
//!   two people changing two parts of the territory or of the governance change two fields;
//!   a list (indicators, budget lines, linked actors) is one field, and when both sides
//!   changed it, both lists put together ([`fields::union`]) are the default: an item added
//!   on either side is kept, and one removed on one side only comes back (nothing is lost,
//!   the preview shows it); one side's list that a user chose instead is marked
//!   ([`fields::chosen_list`]) and stays the default against older changes of the other copy;
//! - a field changed on one side only takes that side's value;
//! - a field changed on both sides by different devices (a *conflict*) takes the later change;
//!   the device id breaks a tie; a field never dated (files before schema 7) is older than any
//!   dated one; a value one device dated on both sides is that device's own, the later kept —
//!   unless the two files are different copies in one browser, each edited there;
//! - a deletion wins over an edit, unless a record kept by the merge still points at the
//!   deleted actor (it is then kept, and the preview says why);
//! - personal-data fields withheld from an anonymised copy never overwrite the values here,
//!   and a copy that holds an anonymised import takes them from a full copy unasked;
//! - a year closed on both sides is kept once, the first closing.
//!
//! The user can flip any conflict and refuse any addition or deletion ([`Choices`]). Applied,
//! a choice against the default is dated (`Choices::at`): a value kept here gets a new
//! tick, a refused addition a tombstone, a deletion refused a `kept` mark, so that the other
//! copy takes the same decision by default when it merges this one back; a record kept
//! against a deletion is not asked about again when a newer file brings the same deletion.
//!
//! What it cannot know: the copies carry no common ancestor, only the last change of each
//! field. A field changed before the plan was shared and again on one side after looks
//! changed on both: it is listed as a conflict, with the later change as the default.

pub mod fields;
pub mod identity;
pub mod plan;

pub use identity::{align, CopyOf, NotACopy};
pub use plan::{merge, Choices, Merged, Outcome, RecordChange, Report};

use crate::Id;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// When and where a field was last changed: UTC time, then the device's id (a short random
/// text kept by each browser), which breaks ties. Ordered by time, then device.
///
/// JSON: `{ "at": 1796200000000, "by": "3f9a0c1e" }`, the time in milliseconds since
/// 1970-01-01 UTC (a number: the first screen writes plan records, and a date's text form
/// would bring chrono's formatting code into its download).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Tick {
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub at: DateTime<Utc>,
    pub by: String,
}

/// A record's ticks by field: the field's JSON key (`engagement`, `title`…), or for a field
/// inside a nested record its path (`territory/population`, `governance/steering_body`), so
/// that two people changing two parts of the territory change two fields. A field with no
/// tick of its own takes its parent's (a tick written before paths existed); with none at
/// all it has not changed since the record was created, or was changed by a version before
/// schema 7: older than any tick.
pub type Edits = BTreeMap<String, Tick>;

/// The tick of the field at `path` (see [`Edits`]): its own, else its nearest parent's.
pub fn tick_of<'a>(edits: &'a Edits, path: &str) -> Option<&'a Tick> {
    let mut path = path;
    loop {
        if let Some(tick) = edits.get(path) {
            return Some(tick);
        }
        path = &path[..path.rfind('/')?];
    }
}

/// What a deleted record leaves behind (« supprimé »): its id and when and where it was
/// deleted. Kept in storage and in the plan file, so that a copy that still holds the record
/// learns it was deleted rather than taking it for an addition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    pub id: Id,
    /// Milliseconds since 1970-01-01 UTC in JSON, as in [`Tick`].
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub at: DateTime<Utc>,
    pub by: String,
}

/// A record whose fields carry ticks: every kind of the plan file, and the plan itself.
pub trait Edited: Serialize {
    fn edits(&self) -> &Edits;
    fn edits_mut(&mut self) -> &mut Edits;
}

macro_rules! edited {
    ($($t:ty),*) => {$(
        impl Edited for $t {
            fn edits(&self) -> &Edits {
                &self.edits
            }
            fn edits_mut(&mut self) -> &mut Edits {
                &mut self.edits
            }
        }
    )*};
}
edited!(
    crate::Plan,
    crate::Actor,
    crate::ActionSheet,
    crate::Mobilisation,
    crate::Need,
    crate::snapshot::YearSnapshot
);

/// A record as a JSON object, read back from its JSON text. Through the text, not
/// `serde_json::to_value`: the app already has every record's serialiser to text (it stores
/// records as text), and `to_value` would compile a second one per record type into each
/// screen that edits records.
pub(crate) fn as_object(record: &impl Serialize) -> serde_json::Map<String, serde_json::Value> {
    serde_json::to_string(record)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Keys that are not the record's content: never ticked, never merged field by field.
pub(crate) const NOT_CONTENT: [&str; 4] = ["id", "edits", "origins", "copied_from"];

/// Ticks in `after` every field whose value differs from `before` (an edit, an import), and
/// returns their paths (see [`Edits`]). Fields are compared as the JSON they are stored as.
pub fn stamp<T: Edited>(before: &T, after: &mut T, tick: &Tick) -> Vec<String> {
    let (mut old, mut new) = (as_object(before), as_object(&*after));
    for key in NOT_CONTENT {
        old.remove(key);
        new.remove(key);
    }
    let mut changed = Vec::new();
    changed_paths(&old, &new, "", &mut changed);
    for path in &changed {
        after.edits_mut().insert(path.clone(), tick.clone());
    }
    changed
}

/// The paths of the fields of `new` that differ from `old`, into `out`: a nested record
/// present on both sides is compared field by field, anything else (text, number, list) as
/// one value.
fn changed_paths(
    old: &serde_json::Map<String, serde_json::Value>,
    new: &serde_json::Map<String, serde_json::Value>,
    prefix: &str,
    out: &mut Vec<String>,
) {
    use serde_json::Value::Object;
    for (key, value) in new {
        let mut path = prefix.to_owned();
        path.push_str(key);
        match (old.get(key), value) {
            (Some(Object(a)), Object(b)) => {
                path.push('/');
                changed_paths(a, b, &path, out)
            }
            (Some(a), b) if a == b => {}
            _ => out.push(path),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Actor, EngagementLevel};

    pub(crate) fn tick(seconds: i64, by: &str) -> Tick {
        Tick {
            at: DateTime::from_timestamp(1_790_000_000 + seconds, 0).unwrap(),
            by: by.into(),
        }
    }

    #[test]
    fn an_edit_ticks_only_the_fields_it_changed() {
        let before = Actor::new(Id::from_random_bytes([1; 16]), "Envie 35");
        let mut after = before.clone();
        after.engagement = EngagementLevel::Driving;
        after.origins.clear();
        assert_eq!(stamp(&before, &mut after, &tick(1, "a")), ["engagement"]);
        assert_eq!(after.edits["engagement"], tick(1, "a"));
        assert_eq!(after.edits.len(), 1);
    }

    #[test]
    fn a_nested_record_is_ticked_field_by_field_and_old_ticks_serve_its_fields() {
        let before = crate::Plan::new(Id::from_random_bytes([1; 16]), "Plan");
        let mut after = before.clone();
        after.territory.population = Some(421_000);
        after.governance.steering_body = "COPIL".into();
        let changed = stamp(&before, &mut after, &tick(1, "a"));
        assert_eq!(
            changed,
            ["governance/steering_body", "territory/population"]
        );
        // A tick written on the whole territory (before paths) dates each of its fields.
        let mut edits = Edits::new();
        edits.insert("territory".into(), tick(2, "b"));
        assert_eq!(tick_of(&edits, "territory/name"), Some(&tick(2, "b")));
        assert_eq!(tick_of(&edits, "name"), None);
    }

    #[test]
    fn later_ticks_sort_after_and_the_device_breaks_a_tie() {
        assert!(tick(2, "a") > tick(1, "z"));
        assert!(tick(1, "b") > tick(1, "a"));
        assert!(Some(tick(0, "a")) > None);
    }
}
