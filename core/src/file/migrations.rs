//! Schema migrations: pure transforms from one schema version to the next.
//!
//! Contract (see `docs/plan-format.md`):
//! - versions are integers that only go up; [`SCHEMA_VERSION`] equals the last migration's `to`;
//! - a migration is pure: JSON in, JSON out, no I/O, no clock;
//! - it transforms each record kind separately, so the same functions upgrade an imported file
//!   and the records already stored in the browser;
//! - each one has a title, a plain-language description and a test on a fixture of the older
//!   version (`tests/fixtures/plan-v{N}.json`).

use super::SCHEMA_VERSION;
use serde_json::Value;

/// One step from `to - 1` to `to`. Each function rewrites one record in place and returns an
/// error message if the record cannot be upgraded.
pub struct Migration {
    pub to: u32,
    /// The catalogue key of its title, shown in a migration error (`errors.migration.*`).
    pub title: &'static str,
    pub description: &'static str,
    pub plan: fn(&mut Value) -> Result<(), String>,
    pub actor: fn(&mut Value) -> Result<(), String>,
    pub action: fn(&mut Value) -> Result<(), String>,
    /// Mobilisations and needs exist from version 3 on: earlier steps leave them unchanged.
    pub mobilisation: fn(&mut Value) -> Result<(), String>,
    pub need: fn(&mut Value) -> Result<(), String>,
}

/// Every migration, oldest first.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        to: 2,
        title: "errors.migration.v2_title",
        description: "Step 1 in full: each actor gains a subtype (guessed from its type), a local \
                  flag, a partner/funder flag, how and when its actions were found, a relevance \
                  and a chosen circle; the plan gains the « À arbitrer » decisions, renamed \
                  engagement levels and custom subtypes.",
        plan: v2::plan,
        actor: v2::actor,
        action: unchanged,
        mobilisation: unchanged,
        need: unchanged,
    },
    Migration {
        to: 3,
        title: "errors.migration.v3_title",
        description: "Steps 2 and 3 in full: files gain mobilisations and needs (empty); the \
                      plan gains custom formats, governance and the example flag; each action \
                      sheet gains objectives, pilot service, circles, publics, priority, quick \
                      win, effort, impact, start, done day, phase, budget, indicators, NR types, \
                      notes and its catalogue origin, all empty.",
        plan: v3::plan,
        actor: unchanged,
        action: v3::action,
        mobilisation: unchanged,
        need: unchanged,
    },
    Migration {
        to: 4,
        title: "errors.migration.v4_title",
        description: "Workshop ideas get a real mark: each action sheet gains a workshop flag, \
                      set when its notes start with « Issu de l'atelier » (the notes are kept \
                      as they are), and each need gains the same flag, unset.",
        plan: unchanged,
        actor: unchanged,
        action: v4::action,
        mobilisation: unchanged,
        need: v4::need,
    },
    Migration {
        to: 5,
        title: "errors.migration.v5_title",
        description: "Open data and provenance: each actor gains its open-data source (none) and \
                      the origin of each field (none recorded: unknown); the plan's territory \
                      gains its official code and population source (none) and its member \
                      communes (none).",
        plan: v5::plan,
        actor: v5::actor,
        action: unchanged,
        mobilisation: unchanged,
        need: unchanged,
    },
    Migration {
        to: 6,
        title: "errors.migration.v6_title",
        description: "The yearly review: each budget line gains its actual amount (unknown), \
                      each indicator its yearly targets (none), each action sheet its dated \
                      follow-up notes (none); the governance gains the strategy's adoption \
                      day, its deliberation and the budget debate's day (unknown); files gain \
                      closed years (none).",
        plan: v6::plan,
        actor: unchanged,
        action: v6::action,
        mobilisation: unchanged,
        need: unchanged,
    },
    Migration {
        to: 7,
        title: "errors.migration.v7_title",
        description: "Merging copies: every record and the plan gain the time and device of \
                      each field's last change (none: older than any dated change); the plan \
                      gains the plan it was copied from (none); files gain the records deleted \
                      (none known).",
        plan: unchanged,
        actor: unchanged,
        action: unchanged,
        mobilisation: unchanged,
        need: unchanged,
    },
];

fn unchanged(_: &mut Value) -> Result<(), String> {
    Ok(())
}

/// Version 1 → 2.
mod v2 {
    use serde_json::{json, Value};

    pub(super) fn object(value: &mut Value) -> Result<&mut serde_json::Map<String, Value>, String> {
        value
            .as_object_mut()
            .ok_or_else(|| crate::i18n::t("errors.migration.object_expected").to_owned())
    }

    pub fn plan(value: &mut Value) -> Result<(), String> {
        let plan = object(value)?;
        plan.insert("decisions".into(), json!([]));
        plan.insert("engagement_labels".into(), json!([]));
        plan.insert("custom_subtypes".into(), json!([]));
        Ok(())
    }

    pub fn actor(value: &mut Value) -> Result<(), String> {
        let actor = object(value)?;
        let actor_type = actor
            .get("actor_type")
            .and_then(Value::as_str)
            .unwrap_or("");
        let subtype = crate::actor::classify(actor_type)
            .1
            .map_or(Value::Null, |s| json!({ "kit": s.code }));
        actor.insert("subtype".into(), subtype);
        for key in ["local", "found_by", "found_on", "relevance", "circle"] {
            actor.insert(key.into(), Value::Null);
        }
        actor.insert("partner_funder".into(), json!(false));
        Ok(())
    }
}

/// Version 2 → 3.
mod v3 {
    use super::v2::object;
    use serde_json::{json, Value};

    pub fn plan(value: &mut Value) -> Result<(), String> {
        let plan = object(value)?;
        plan.insert("custom_formats".into(), json!([]));
        plan.insert(
            "governance".into(),
            json!({ "steering_body": "", "member_ids": [], "internal_members": "",
                    "cadence": null, "last_review": null, "next_review": null }),
        );
        plan.insert("example".into(), json!(false));
        Ok(())
    }

    pub fn action(value: &mut Value) -> Result<(), String> {
        let action = object(value)?;
        for key in ["objectives", "pilot_service", "publics", "notes"] {
            action.insert(key.into(), json!(""));
        }
        for key in ["circles", "budget", "indicators", "nr_types"] {
            action.insert(key.into(), json!([]));
        }
        for key in [
            "priority",
            "effort",
            "impact",
            "start",
            "done_on",
            "phase",
            "from_catalogue",
        ] {
            action.insert(key.into(), Value::Null);
        }
        action.insert("quick_win".into(), json!(false));
        Ok(())
    }
}

/// Version 3 → 4.
mod v4 {
    use super::v2::object;
    use serde_json::{json, Value};

    /// What the notes of a sheet captured during a workshop started with up to schema 3
    /// (« issu de l'atelier »). Frozen: it is what version 3 files hold.
    // i18n: not UI (stored prefix of schema 3 files)
    const WORKSHOP_MARK: &str = "Issu de l'atelier";

    /// A sheet whose notes start with [`WORKSHOP_MARK`] gets `workshop: true`; its notes are
    /// kept as they are.
    pub fn action(value: &mut Value) -> Result<(), String> {
        let action = object(value)?;
        let workshop = action
            .get("notes")
            .and_then(Value::as_str)
            .is_some_and(|notes| notes.starts_with(WORKSHOP_MARK));
        action.insert("workshop".into(), json!(workshop));
        Ok(())
    }

    /// Needs could not be marked before: `workshop: false`.
    pub fn need(value: &mut Value) -> Result<(), String> {
        object(value)?.insert("workshop".into(), json!(false));
        Ok(())
    }
}

/// Version 4 → 5.
mod v5 {
    use super::v2::object;
    use serde_json::{json, Value};

    /// The territory gains its official code, population source and member communes: none.
    pub fn plan(value: &mut Value) -> Result<(), String> {
        let plan = object(value)?;
        if let Some(territory) = plan.get_mut("territory").and_then(Value::as_object_mut) {
            territory.insert("code".into(), Value::Null);
            territory.insert("official".into(), Value::Null);
            territory.insert("members".into(), json!([]));
        }
        Ok(())
    }

    /// An actor gains its open-data source (none) and its fields' origins (unknown).
    pub fn actor(value: &mut Value) -> Result<(), String> {
        let actor = object(value)?;
        actor.insert("source".into(), Value::Null);
        actor.insert("origins".into(), json!({}));
        Ok(())
    }
}

/// Version 5 → 6.
mod v6 {
    use super::v2::object;
    use serde_json::{json, Value};

    /// The governance gains the adoption day, the deliberation and the budget debate.
    pub fn plan(value: &mut Value) -> Result<(), String> {
        let plan = object(value)?;
        if let Some(governance) = plan.get_mut("governance").and_then(Value::as_object_mut) {
            governance.insert("adopted_on".into(), Value::Null);
            governance.insert("deliberation".into(), json!(""));
            governance.insert("budget_debate_on".into(), Value::Null);
        }
        Ok(())
    }

    /// Budget lines gain `actual`, indicators `yearly_targets`, the sheet `follow_ups`.
    pub fn action(value: &mut Value) -> Result<(), String> {
        let action = object(value)?;
        for (list, key, empty) in [
            ("budget", "actual", Value::Null),
            ("indicators", "yearly_targets", json!([])),
        ] {
            if let Some(Value::Array(items)) = action.get_mut(list) {
                for item in items {
                    object(item)?.insert(key.into(), empty.clone());
                }
            }
        }
        action.insert("follow_ups".into(), json!([]));
        Ok(())
    }
}

/// Kinds of record a migration knows how to upgrade.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    Plan,
    Actor,
    Action,
    Mobilisation,
    Need,
    /// Closed years, from schema 6 on: no migration has anything to do for them yet.
    Snapshot,
    /// Deleted records' tombstones, from schema 7 on (see [`crate::merge::Tombstone`]).
    Tombstone,
}

/// Upgrades one record of `kind` written at version `from` to [`SCHEMA_VERSION`].
///
/// Errors: a message naming the migration that failed.
pub fn migrate_record(kind: RecordKind, value: &mut Value, from: u32) -> Result<(), String> {
    for m in MIGRATIONS.iter().filter(|m| m.to > from) {
        let step = match kind {
            RecordKind::Plan => m.plan,
            RecordKind::Actor => m.actor,
            RecordKind::Action => m.action,
            RecordKind::Mobilisation => m.mobilisation,
            RecordKind::Need => m.need,
            RecordKind::Snapshot | RecordKind::Tombstone => unchanged,
        };
        step(value).map_err(|e| {
            crate::i18n::tf(
                "errors.migration.failed",
                &[
                    ("version", &m.to),
                    ("title", &crate::i18n::t_dyn(m.title)),
                    ("detail", &e),
                ],
            )
        })?;
    }
    Ok(())
}

/// Upgrades a whole plan file object written at version `from`: the plan and every record,
/// then stamps the current version.
pub fn migrate_file(file: &mut Value, from: u32) -> Result<(), String> {
    if let Some(plan) = file.get_mut("plan") {
        migrate_record(RecordKind::Plan, plan, from)?;
    }
    if from < 3 {
        if let Some(file) = file.as_object_mut() {
            file.insert("mobilisations".into(), Value::Array(Vec::new()));
            file.insert("needs".into(), Value::Array(Vec::new()));
        }
    }
    for (key, kind) in [
        ("actors", RecordKind::Actor),
        ("actions", RecordKind::Action),
        ("mobilisations", RecordKind::Mobilisation),
        ("needs", RecordKind::Need),
    ] {
        if let Some(Value::Array(records)) = file.get_mut(key) {
            for record in records {
                migrate_record(kind, record, from)?;
            }
        }
    }
    if from < 6 {
        if let Some(file) = file.as_object_mut() {
            file.insert("snapshots".into(), Value::Array(Vec::new()));
        }
    }
    if from < 7 {
        if let Some(file) = file.as_object_mut() {
            file.insert("tombstones".into(), Value::Array(Vec::new()));
        }
    }
    file["schema_version"] = SCHEMA_VERSION.into();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_1_actors_get_a_subtype_and_empty_qualification() {
        let mut actor = serde_json::json!({ "actor_type": "Association dans le NR (seconde vie)" });
        migrate_record(RecordKind::Actor, &mut actor, 1).unwrap();
        assert_eq!(
            actor["subtype"],
            serde_json::json!({ "kit": "nr_associations" })
        );
        assert_eq!(actor["partner_funder"], false);
        assert!(actor["circle"].is_null());
        let mut odd = serde_json::json!([1]);
        assert!(migrate_record(RecordKind::Actor, &mut odd, 1).is_err());
    }

    #[test]
    fn version_3_sheets_are_marked_from_their_notes_and_needs_are_not() {
        let mut captured = serde_json::json!({ "notes": "Issu de l'atelier du 12/03/2026." });
        migrate_record(RecordKind::Action, &mut captured, 3).unwrap();
        assert_eq!(captured["workshop"], true);
        assert_eq!(captured["notes"], "Issu de l'atelier du 12/03/2026.");
        for notes in [
            serde_json::json!(""),
            serde_json::json!("Idée issue de l'atelier"),
            serde_json::Value::Null,
        ] {
            let mut sheet = serde_json::json!({ "notes": notes });
            migrate_record(RecordKind::Action, &mut sheet, 3).unwrap();
            assert_eq!(sheet["workshop"], false, "{notes}");
        }
        let mut need = serde_json::json!({ "follow_up": "" });
        migrate_record(RecordKind::Need, &mut need, 3).unwrap();
        assert_eq!(need["workshop"], false);
        let mut old = serde_json::json!({ "title": "Fiche v1" });
        migrate_record(RecordKind::Action, &mut old, 1).unwrap();
        assert_eq!(old["workshop"], false, "older sheets have empty notes");
        let mut odd = serde_json::json!("fiche");
        assert!(migrate_record(RecordKind::Need, &mut odd, 3).is_err());
    }

    #[test]
    fn latest_version_is_the_last_migration() {
        let last = MIGRATIONS.last().map_or(1, |m| m.to);
        assert_eq!(last, SCHEMA_VERSION);
        for pair in MIGRATIONS.windows(2) {
            assert_eq!(pair[1].to, pair[0].to + 1, "versions go up one at a time");
        }
    }

    #[test]
    fn every_migration_title_is_in_the_catalogue() {
        for m in MIGRATIONS {
            assert_ne!(
                crate::i18n::t_dyn(m.title),
                m.title,
                "no message `{}`",
                m.title
            );
        }
    }
}
