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
    pub title: &'static str,
    pub description: &'static str,
    pub plan: fn(&mut Value) -> Result<(), String>,
    pub actor: fn(&mut Value) -> Result<(), String>,
    pub action: fn(&mut Value) -> Result<(), String>,
}

/// Every migration, oldest first. Empty while version 1 is the only version.
pub const MIGRATIONS: &[Migration] = &[];

/// Kinds of record a migration knows how to upgrade.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    Plan,
    Actor,
    Action,
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
        };
        step(value)
            .map_err(|e| format!("migration vers la version {} ({}) : {e}", m.to, m.title))?;
    }
    Ok(())
}

/// Upgrades a whole plan file object written at version `from`: the plan, every actor and
/// every action, then stamps the current version.
pub fn migrate_file(file: &mut Value, from: u32) -> Result<(), String> {
    if let Some(plan) = file.get_mut("plan") {
        migrate_record(RecordKind::Plan, plan, from)?;
    }
    for (key, kind) in [
        ("actors", RecordKind::Actor),
        ("actions", RecordKind::Action),
    ] {
        if let Some(Value::Array(records)) = file.get_mut(key) {
            for record in records {
                migrate_record(kind, record, from)?;
            }
        }
    }
    file["schema_version"] = SCHEMA_VERSION.into();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latest_version_is_the_last_migration() {
        let last = MIGRATIONS.last().map_or(1, |m| m.to);
        assert_eq!(last, SCHEMA_VERSION);
        for pair in MIGRATIONS.windows(2) {
            assert_eq!(pair[1].to, pair[0].to + 1, "versions go up one at a time");
        }
    }
}
