//! The plan file envelope and how it is written.

use crate::snapshot::YearSnapshot;
use crate::{ActionSheet, Actor, Id, Mobilisation, Need, Plan};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Value of the `format` field of every plan file.
pub const FORMAT_TAG: &str = "atelier-nr/plan";

/// Current schema version of files and stored records. Published versions are frozen: any
/// change to what is stored or exported bumps this and adds a [`super::migrations::Migration`].
pub const SCHEMA_VERSION: u32 = 7;

/// Files larger than this (bytes) are refused before being read: a 10 000-actor plan is about
/// 3 MB, so 20 MB leaves room and keeps a stray video from freezing the page.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// A whole plan as exported: envelope plus every record.
///
/// JSON shape: `{ "format": "atelier-nr/plan", "schema_version": 4, "exported_at": "…Z",
/// "plan": {…}, "actors": [ … ], "actions": [ … ], "mobilisations": [ … ], "needs": [ … ] }`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanFile {
    /// Always [`FORMAT_TAG`].
    pub format: String,
    /// The schema version the file was written with.
    pub schema_version: u32,
    /// When the file was written (UTC), if known.
    pub exported_at: Option<DateTime<Utc>>,
    pub plan: Plan,
    pub actors: Vec<Actor>,
    pub actions: Vec<ActionSheet>,
    /// Step 2: mobilisations by circle.
    pub mobilisations: Vec<Mobilisation>,
    /// Step 2: the register of needs actors expressed.
    pub needs: Vec<Need>,
    /// Closed years (schema 6), oldest first: see [`crate::snapshot`]. They keep the ids of
    /// actors and fiches deleted since: history, not links.
    pub snapshots: Vec<YearSnapshot>,
    /// True for an anonymised copy (« sans données personnelles », schema 7): its blank
    /// personal-data fields were withheld, not erased, and a merge keeps the values here.
    #[serde(default)]
    pub anonymised: bool,
    /// Records deleted since schema 7 (see [`crate::merge::Tombstone`]), so that a copy that
    /// still holds one learns it was deleted.
    #[serde(default)]
    pub tombstones: Vec<crate::merge::Tombstone>,
}

impl PlanFile {
    /// Wraps a plan and its actors and actions in a current-version envelope; set
    /// `mobilisations` and `needs` afterwards if there are any.
    pub fn new(
        plan: Plan,
        actors: Vec<Actor>,
        actions: Vec<ActionSheet>,
        exported_at: Option<DateTime<Utc>>,
    ) -> Self {
        PlanFile {
            format: FORMAT_TAG.to_owned(),
            schema_version: SCHEMA_VERSION,
            exported_at,
            plan,
            actors,
            actions,
            mobilisations: Vec::new(),
            needs: Vec::new(),
            snapshots: Vec::new(),
            tombstones: Vec::new(),
            anonymised: false,
        }
    }

    /// Removes links that point at no actor of the file (another tab may have deleted the
    /// actor meanwhile): action partners, mobilisation targets, steering members, and needs
    /// of a missing actor. Returns how many were removed, so an export always re-imports.
    pub fn drop_dangling_links(&mut self) -> usize {
        let ids: HashSet<Id> = self.actors.iter().map(|a| a.id).collect();
        let mut dropped = 0;
        let mut keep = |list: &mut Vec<Id>| {
            let before = list.len();
            list.retain(|id| ids.contains(id));
            dropped += before - list.len();
        };
        for action in &mut self.actions {
            keep(&mut action.actor_ids);
        }
        for m in &mut self.mobilisations {
            keep(&mut m.actor_ids);
        }
        keep(&mut self.plan.governance.member_ids);
        let before = self.needs.len();
        self.needs.retain(|n| ids.contains(&n.actor_id));
        dropped + before - self.needs.len()
    }

    /// Pretty-printed JSON, so that a colleague can read or diff the file.
    pub fn to_json(&self) -> String {
        // Serialising plain data structs to a String cannot fail.
        serde_json::to_string_pretty(self).expect("plan file serialises")
    }

    /// Download name: the plan's name made file-safe, then the day, e.g.
    /// `strategie-nr-rennes-2026-11-29.json`.
    pub fn file_name(&self, day: NaiveDate) -> String {
        format!("{}-{day}.json", slug(&self.plan.name))
    }
}

/// Lower-case ASCII words joined by `-`; « plan » when nothing is left.
pub fn slug(name: &str) -> String {
    let folded = crate::text::fold(name);
    let slug: String = folded
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "plan".into()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Id;

    #[test]
    fn file_names_are_safe() {
        let plan = Plan::new(
            Id::from_random_bytes([0; 16]),
            "Stratégie NR — Rennes 2026 !",
        );
        let file = PlanFile::new(plan, vec![], vec![], None);
        let day = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        assert_eq!(
            file.file_name(day),
            "strategie-nr-rennes-2026-2026-11-29.json"
        );
        assert_eq!(slug("???"), "plan");
    }

    #[test]
    fn dangling_links_are_dropped_before_export() {
        use crate::{ActionSheet, Actor, Axis};
        let actor = Actor::new(Id::from_random_bytes([1; 16]), "A");
        let mut action = ActionSheet::new(Id::from_random_bytes([2; 16]), "T", Axis::Know);
        action.actor_ids = vec![actor.id, Id::from_random_bytes([3; 16])];
        let plan = Plan::new(Id::from_random_bytes([0; 16]), "P");
        let mut file = PlanFile::new(plan, vec![actor.clone()], vec![action], None);
        assert_eq!(file.drop_dangling_links(), 1);
        assert_eq!(file.actions[0].actor_ids, vec![actor.id]);
        assert!(crate::file::parse_plan_file(&file.to_json()).is_ok());
    }

    #[test]
    fn every_file_carries_its_tag_and_version() {
        let plan = Plan::new(Id::from_random_bytes([0; 16]), "P");
        let json: serde_json::Value =
            serde_json::from_str(&PlanFile::new(plan, vec![], vec![], None).to_json()).unwrap();
        assert_eq!(json["format"], FORMAT_TAG);
        assert_eq!(json["schema_version"], SCHEMA_VERSION);
    }
}
