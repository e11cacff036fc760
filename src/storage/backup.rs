//! Automatic backups: before a plan is replaced (by an imported file or by restoring an older
//! backup), its whole content is kept in the `backups` store, the last [`KEEP`] per plan.
//!
//! A backup holds the plan file text exactly as « Exporter le plan » writes it, so restoring
//! goes through the same validation and migrations as importing a file.

use super::{plan_range, Db, Result, BACKUPS, STORES};
use atelier_core::file::PlanFile;
use atelier_core::i18n::t;
use atelier_core::Id;
use chrono::{DateTime, Utc};
use rexie::TransactionMode;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// Backups kept per plan; older ones are deleted when a new one is taken.
pub const KEEP: usize = 5;

/// One automatic backup of a plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    /// Record key within the plan: the time taken, then a random id, so keys sort by age.
    pub key: String,
    pub taken_at: DateTime<Utc>,
    /// Why it was taken, in French (« avant l'import de plan.json »).
    pub reason: String,
    /// The plan's name at that time, and how many actors and fiches action it had.
    pub plan_name: String,
    pub actors: usize,
    pub actions: usize,
    /// The plan file JSON text.
    pub file: String,
}

impl Backup {
    /// A backup of `file` taken at `taken_at` for `reason`.
    pub fn of(file: &PlanFile, taken_at: DateTime<Utc>, reason: String, id: Id) -> Backup {
        Backup {
            // Zero-padded milliseconds: string order is time order (no strftime: it is large).
            key: format!("{:016}-{id}", taken_at.timestamp_millis()),
            taken_at,
            reason,
            plan_name: file.plan.name.clone(),
            actors: file.actors.len(),
            actions: file.actions.len(),
            file: file.to_json(),
        }
    }
}

fn backup_key(plan_id: Id, key: &str) -> JsValue {
    js_sys::Array::of2(
        &JsValue::from_str(&plan_id.to_string()),
        &JsValue::from_str(key),
    )
    .into()
}

impl Db {
    /// The backups of a plan, newest first. Unreadable ones are skipped.
    pub async fn backups(&self, plan_id: Id) -> Result<Vec<Backup>> {
        let tx = self
            .rexie
            .transaction(&[BACKUPS], TransactionMode::ReadOnly)?;
        let values = tx
            .store(BACKUPS)?
            .get_all(Some(plan_range(plan_id)?), None)
            .await?;
        let mut list: Vec<Backup> = values
            .iter()
            .filter_map(|v| v.as_string())
            .filter_map(|t| serde_json::from_str(&t).ok())
            .collect();
        list.sort_by(|a, b| b.key.cmp(&a.key));
        Ok(list)
    }

    /// Replaces plan `new.plan.id` by `new` in one transaction: stores `backup` of what was
    /// there, deletes every record of the plan, writes the new ones, and keeps only the last
    /// [`KEEP`] backups. If anything fails, nothing changes.
    pub async fn replace_plan(&self, new: &PlanFile, backup: &Backup) -> Result<()> {
        self.with_backup(new.plan.id, backup, true, super::whole_plan(new))
            .await
    }

    /// Applies `writes` to plan `plan_id` (a merge: only the records that change) in one
    /// transaction with `backup` of what was there, keeping the last [`KEEP`] backups.
    pub async fn apply_with_backup(
        &self,
        plan_id: Id,
        backup: &Backup,
        writes: Vec<super::Write>,
    ) -> Result<()> {
        self.with_backup(plan_id, backup, false, writes).await
    }

    /// Stores `backup`, drops the oldest beyond [`KEEP`], deletes every record of the plan
    /// first when `clear`, then applies `writes`: all in one transaction.
    async fn with_backup(
        &self,
        id: Id,
        backup: &Backup,
        clear: bool,
        writes: Vec<super::Write>,
    ) -> Result<()> {
        let mut stores: Vec<&str> = STORES.to_vec();
        stores.sort_unstable();
        let tx = self
            .rexie
            .transaction(&stores, TransactionMode::ReadWrite)?;
        // A merge into a plan another tab deleted meanwhile would store orphan records.
        if !clear
            && tx
                .store(super::PLANS)?
                .get(super::plan_key(id))
                .await?
                .is_none()
        {
            let _ = tx.abort().await;
            return Err(super::StorageError(t("state.storage.plan_gone").into()));
        }
        let backups = tx.store(BACKUPS)?;
        let text = serde_json::to_string(backup).expect("a backup serialises");
        backups
            .put(
                &JsValue::from_str(&text),
                Some(&backup_key(id, &backup.key)),
            )
            .await?;
        let mut keys: Vec<JsValue> = backups.get_all_keys(Some(plan_range(id)?), None).await?;
        // Keys sort by age (oldest first), as IndexedDB returns them.
        let extra = keys.len().saturating_sub(KEEP);
        for key in keys.drain(..extra) {
            backups.delete(key).await?;
        }
        if clear {
            let range: JsValue = plan_range(id)?.into();
            for store in super::RECORD_STORES {
                tx.store(store)?.delete(range.clone()).await?;
            }
        }
        let count = writes.len();
        super::write_all(&tx, writes).await?;
        self.finish(tx, count + 1).await
    }
}
