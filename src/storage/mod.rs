//! The one storage adapter: IndexedDB through rexie. Nothing else in the app touches IndexedDB.
//!
//! Layout (database `atelier-nr`):
//! - one object store per record kind: `plans`, `actors`, `actions`;
//! - out-of-line keys: a plan is keyed by its id, an actor or action by the array
//!   `[plan id, record id]`, so several plans never collide and one plan's records are a key range;
//! - values are versioned JSON texts (see [`record`]).
//!
//! Invariants: editing one record writes exactly one record; every write checks that its
//! transaction committed (rexie's `done()` also resolves for an aborted transaction); at a
//! version bump every store is declared again, because IndexedDB upgrades through rexie drop
//! undeclared stores.

mod record;

use atelier_core::file::migrations::RecordKind;
use atelier_core::file::PlanFile;
use atelier_core::{ActionSheet, Actor, Id, Plan};
use rexie::{KeyRange, ObjectStore, Rexie, TransactionMode};
use std::cell::Cell;
use std::fmt;
use wasm_bindgen::JsValue;

/// Name of the production database.
pub const DB_NAME: &str = "atelier-nr";
/// IndexedDB version. Bump it when a store is added, and add the store to [`STORES`].
pub const DB_VERSION: u32 = 1;
/// Every object store, current and past: never remove one from this list.
pub const STORES: &[&str] = &[PLANS, ACTORS, ACTIONS];

const PLANS: &str = "plans";
const ACTORS: &str = "actors";
const ACTIONS: &str = "actions";

/// A storage failure, already worded for the user.
#[derive(Clone, Debug, PartialEq)]
pub struct StorageError(pub String);

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<rexie::Error> for StorageError {
    fn from(e: rexie::Error) -> Self {
        let raw = format!("{e:?}");
        if raw.contains("QuotaExceeded") {
            StorageError(
                "L'espace de stockage du navigateur est plein : la dernière modification n'a pas \
                 été enregistrée. Libérez de la place ou exportez le plan."
                    .into(),
            )
        } else {
            StorageError(format!("Le navigateur a refusé l'enregistrement ({e})."))
        }
    }
}

type Result<T> = std::result::Result<T, StorageError>;

/// A plan with all its records, as loaded from the browser.
pub struct LoadedPlan {
    pub plan: Plan,
    pub actors: Vec<Actor>,
    pub actions: Vec<ActionSheet>,
    /// Records that could not be read (damaged, or written by a newer Atelier NR). They stay
    /// stored untouched; the plan opens without them and the user is told.
    pub unreadable: Vec<String>,
}

/// An open connection to the database.
pub struct Db {
    rexie: Rexie,
    /// Records written since opening: the benchmark and tests read it to check that one edit
    /// writes one record.
    writes: Cell<u64>,
}

impl Db {
    /// Opens (creating or upgrading) the production database.
    pub async fn open() -> Result<Db> {
        Self::open_with(DB_NAME, DB_VERSION, STORES).await
    }

    /// Opens database `name` at `version` with `stores`. Tests use it to simulate upgrades.
    pub async fn open_with(name: &str, version: u32, stores: &[&str]) -> Result<Db> {
        let mut builder = Rexie::builder(name).version(version);
        for store in stores {
            builder = builder.add_object_store(ObjectStore::new(store));
        }
        let rexie = builder.build().await.map_err(|e| {
            if format!("{e:?}").contains("VersionError") {
                StorageError(
                    "Ce navigateur contient des données enregistrées par une version plus récente \
                     d'Atelier NR. Ouvrez la dernière version de l'application : vos données \
                     n'ont pas été modifiées."
                        .into(),
                )
            } else {
                StorageError(format!(
                    "Impossible d'ouvrir le stockage du navigateur ({e}). En navigation privée, \
                     certains navigateurs le refusent."
                ))
            }
        })?;
        Ok(Db {
            rexie,
            writes: Cell::new(0),
        })
    }

    /// Closes the connection (tests reopen to check persistence).
    pub fn close(self) {
        self.rexie.close();
    }

    /// Number of records written through this connection.
    pub fn writes(&self) -> u64 {
        self.writes.get()
    }

    /// Every stored plan (without their records), in no particular order.
    pub async fn plans(&self) -> Result<Vec<Plan>> {
        let tx = self
            .rexie
            .transaction(&[PLANS], TransactionMode::ReadOnly)?;
        let values = tx.store(PLANS)?.get_all(None, None).await?;
        values.iter().map(|v| decode(RecordKind::Plan, v)).collect()
    }

    /// A plan and all its records, or `None` if no plan has this id.
    pub async fn load(&self, plan_id: Id) -> Result<Option<LoadedPlan>> {
        let tx = self
            .rexie
            .transaction(&[PLANS, ACTORS, ACTIONS], TransactionMode::ReadOnly)?;
        let Some(plan) = tx.store(PLANS)?.get(plan_key(plan_id)).await? else {
            return Ok(None);
        };
        let range = plan_range(plan_id)?;
        let actors = tx.store(ACTORS)?.get_all(Some(range.clone()), None).await?;
        let actions = tx.store(ACTIONS)?.get_all(Some(range), None).await?;
        let mut unreadable = Vec::new();
        let actors = decode_all(RecordKind::Actor, &actors, &mut unreadable);
        let actions = decode_all(RecordKind::Action, &actions, &mut unreadable);
        Ok(Some(LoadedPlan {
            plan: decode(RecordKind::Plan, &plan)?,
            actors,
            actions,
            unreadable,
        }))
    }

    /// One actor of a plan, or `None` if it is not stored (deleted meanwhile).
    pub async fn actor(&self, plan_id: Id, id: Id) -> Result<Option<Actor>> {
        self.get_one(ACTORS, RecordKind::Actor, record_key(plan_id, id))
            .await
    }

    /// One action sheet of a plan, or `None`.
    pub async fn action(&self, plan_id: Id, id: Id) -> Result<Option<ActionSheet>> {
        self.get_one(ACTIONS, RecordKind::Action, record_key(plan_id, id))
            .await
    }

    /// The plan record alone, or `None`.
    pub async fn plan(&self, plan_id: Id) -> Result<Option<Plan>> {
        self.get_one(PLANS, RecordKind::Plan, plan_key(plan_id))
            .await
    }

    async fn get_one<T: serde::de::DeserializeOwned>(
        &self,
        store: &str,
        kind: RecordKind,
        key: JsValue,
    ) -> Result<Option<T>> {
        let tx = self
            .rexie
            .transaction(&[store], TransactionMode::ReadOnly)?;
        match tx.store(store)?.get(key).await? {
            Some(value) => decode(kind, &value).map(Some),
            None => Ok(None),
        }
    }

    /// Writes the plan record alone (name, territory).
    pub async fn put_plan(&self, plan: &Plan) -> Result<()> {
        self.put(PLANS, plan_key(plan.id), record::encode(plan))
            .await
    }

    /// Writes one actor of `plan_id`.
    pub async fn put_actor(&self, plan_id: Id, actor: &Actor) -> Result<()> {
        self.put(ACTORS, record_key(plan_id, actor.id), record::encode(actor))
            .await
    }

    /// Writes one action sheet of `plan_id`.
    pub async fn put_action(&self, plan_id: Id, action: &ActionSheet) -> Result<()> {
        self.put(
            ACTIONS,
            record_key(plan_id, action.id),
            record::encode(action),
        )
        .await
    }

    /// Deletes one actor and rewrites, in the same transaction, the actions whose links changed.
    pub async fn delete_actor(
        &self,
        plan_id: Id,
        actor_id: Id,
        relinked: &[ActionSheet],
    ) -> Result<()> {
        let tx = self
            .rexie
            .transaction(&[ACTORS, ACTIONS], TransactionMode::ReadWrite)?;
        tx.store(ACTORS)?
            .delete(record_key(plan_id, actor_id))
            .await?;
        let actions = tx.store(ACTIONS)?;
        for action in relinked {
            let value = JsValue::from_str(&record::encode(action));
            actions
                .put(&value, Some(&record_key(plan_id, action.id)))
                .await?;
        }
        self.finish(tx, 1 + relinked.len()).await
    }

    /// Deletes one action sheet.
    pub async fn delete_action(&self, plan_id: Id, action_id: Id) -> Result<()> {
        let tx = self
            .rexie
            .transaction(&[ACTIONS], TransactionMode::ReadWrite)?;
        tx.store(ACTIONS)?
            .delete(record_key(plan_id, action_id))
            .await?;
        self.finish(tx, 1).await
    }

    /// Writes many actors of `plan_id` in one transaction: all are stored or none.
    /// `progress` is called with the number written so far, every few hundred records (each
    /// awaited write lets the page repaint, so a progress bar can move).
    pub async fn put_actors(
        &self,
        plan_id: Id,
        actors: &[Actor],
        progress: impl Fn(usize),
    ) -> Result<()> {
        let tx = self
            .rexie
            .transaction(&[ACTORS], TransactionMode::ReadWrite)?;
        let store = tx.store(ACTORS)?;
        for (i, actor) in actors.iter().enumerate() {
            let value = JsValue::from_str(&record::encode(actor));
            store
                .put(&value, Some(&record_key(plan_id, actor.id)))
                .await?;
            if i % 250 == 0 {
                progress(i);
            }
        }
        self.finish(tx, actors.len()).await
    }

    /// Stores a whole plan (a new one, or an import) in one transaction: all or nothing.
    pub async fn put_whole_plan(&self, file: &PlanFile) -> Result<()> {
        let tx = self
            .rexie
            .transaction(&[PLANS, ACTORS, ACTIONS], TransactionMode::ReadWrite)?;
        let id = file.plan.id;
        let value = JsValue::from_str(&record::encode(&file.plan));
        tx.store(PLANS)?.put(&value, Some(&plan_key(id))).await?;
        let actors = tx.store(ACTORS)?;
        for a in &file.actors {
            let value = JsValue::from_str(&record::encode(a));
            actors.put(&value, Some(&record_key(id, a.id))).await?;
        }
        let actions = tx.store(ACTIONS)?;
        for a in &file.actions {
            let value = JsValue::from_str(&record::encode(a));
            actions.put(&value, Some(&record_key(id, a.id))).await?;
        }
        self.finish(tx, 1 + file.actors.len() + file.actions.len())
            .await
    }

    /// Deletes a plan and every record of it, in one transaction.
    pub async fn delete_plan(&self, plan_id: Id) -> Result<()> {
        let tx = self
            .rexie
            .transaction(&[PLANS, ACTORS, ACTIONS], TransactionMode::ReadWrite)?;
        tx.store(PLANS)?.delete(plan_key(plan_id)).await?;
        let range: JsValue = plan_range(plan_id)?.into();
        tx.store(ACTORS)?.delete(range.clone()).await?;
        tx.store(ACTIONS)?.delete(range).await?;
        self.finish(tx, 1).await
    }

    async fn put(&self, store: &str, key: JsValue, value: String) -> Result<()> {
        let tx = self
            .rexie
            .transaction(&[store], TransactionMode::ReadWrite)?;
        tx.store(store)?
            .put(&JsValue::from_str(&value), Some(&key))
            .await?;
        self.finish(tx, 1).await
    }

    /// Waits for the transaction and checks it really committed.
    async fn finish(&self, tx: rexie::Transaction, records: usize) -> Result<()> {
        let outcome = tx.done().await?;
        if !outcome.is_committed() {
            return Err(StorageError(
                "L'enregistrement a été annulé par le navigateur : rien n'a été modifié.".into(),
            ));
        }
        self.writes.set(self.writes.get() + records as u64);
        Ok(())
    }
}

fn decode<T: serde::de::DeserializeOwned>(kind: RecordKind, value: &JsValue) -> Result<T> {
    let text = value
        .as_string()
        .ok_or_else(|| StorageError("Donnée stockée illisible : texte attendu.".into()))?;
    record::decode(kind, &text).map_err(|e| StorageError(format!("Donnée stockée : {e}.")))
}

/// Decodes every record it can; the message of each one it cannot goes to `unreadable`.
fn decode_all<T: serde::de::DeserializeOwned>(
    kind: RecordKind,
    values: &[JsValue],
    unreadable: &mut Vec<String>,
) -> Vec<T> {
    values
        .iter()
        .filter_map(|v| match decode(kind, v) {
            Ok(record) => Some(record),
            Err(e) => {
                unreadable.push(e.0);
                None
            }
        })
        .collect()
}

fn plan_key(plan_id: Id) -> JsValue {
    JsValue::from_str(&plan_id.to_string())
}

fn record_key(plan_id: Id, id: Id) -> JsValue {
    let key = js_sys::Array::new();
    key.push(&JsValue::from_str(&plan_id.to_string()));
    key.push(&JsValue::from_str(&id.to_string()));
    key.into()
}

/// Every `[plan_id, …]` key: ids are ASCII, so they sort between "" and "\u{ffff}".
fn plan_range(plan_id: Id) -> Result<KeyRange> {
    let bound = |s: &str| {
        let key = js_sys::Array::new();
        key.push(&JsValue::from_str(&plan_id.to_string()));
        key.push(&JsValue::from_str(s));
        JsValue::from(key)
    };
    KeyRange::bound(&bound(""), &bound("\u{ffff}"), None, None)
        .map_err(|e| StorageError(format!("{e:?}")))
}
