//! The one storage adapter: IndexedDB through rexie. Nothing else in the app touches IndexedDB.
//!
//! Layout (database `atelier-nr`):
//! - one object store per record kind: `plans`, `actors`, `actions`, `mobilisations`, `needs`,
//!   `snapshots` (closed years);
//! - out-of-line keys: a plan is keyed by its id, an actor or action by the array
//!   `[plan id, record id]`, so several plans never collide and one plan's records are a key range;
//! - values are versioned JSON texts (see [`record`]).
//!
//! Invariants: editing one record writes exactly one record; every write checks that its
//! transaction committed (rexie's `done()` also resolves for an aborted transaction); at a
//! version bump every store is declared again, because IndexedDB upgrades through rexie drop
//! undeclared stores.

mod backup;
mod bulk;
mod record;

pub use record::upgrade;

pub use backup::{Backup, KEEP as BACKUPS_KEPT};

use atelier_core::file::migrations::RecordKind;
use atelier_core::file::{PlanFile, SCHEMA_VERSION};
use atelier_core::i18n::{t, tf};
use atelier_core::merge::Tombstone;
use atelier_core::snapshot::YearSnapshot;
use atelier_core::{ActionSheet, Actor, Id, Mobilisation, Need, Plan, PlanSummary};
use rexie::{KeyRange, ObjectStore, Rexie, TransactionMode};
use serde::{de::DeserializeOwned, Serialize};
use std::cell::Cell;
use std::fmt;
use wasm_bindgen::JsValue;

/// Name of the production database.
pub const DB_NAME: &str = "atelier-nr";
/// IndexedDB version: the record schema and the store layout together, so that a build whose
/// records are newer always opens the database at a higher version. That upgrade closes every
/// connection of older builds still open in other tabs (see [`Db::on_upgrade`]): an older tab
/// can then no longer write, so it never overwrites a record it cannot read.
pub const DB_VERSION: u32 = SCHEMA_VERSION * 100 + STORE_LAYOUT;
/// The store layout's own revision (below 100). Bump it when a store is added, and add the
/// store to [`STORES`]. Version 1 had the first three stores; 2 added `mobilisations` and
/// `needs`; 3 `backups`; 4 `snapshots` (closed years); 5 `tombstones` (deleted records, for
/// merging copies).
const STORE_LAYOUT: u32 = 5;
/// Every object store, current and past: never remove one from this list.
pub const STORES: &[&str] = &[
    PLANS,
    ACTORS,
    ACTIONS,
    MOBILISATIONS,
    NEEDS,
    BACKUPS,
    SNAPSHOTS,
    TOMBSTONES,
];
/// The stores holding a plan's records (keyed `[plan id, record id]`).
const RECORD_STORES: [&str; 6] = [ACTORS, ACTIONS, MOBILISATIONS, NEEDS, SNAPSHOTS, TOMBSTONES];

const PLANS: &str = "plans";
const ACTORS: &str = "actors";
const ACTIONS: &str = "actions";
const MOBILISATIONS: &str = "mobilisations";
const NEEDS: &str = "needs";
const BACKUPS: &str = "backups";
const SNAPSHOTS: &str = "snapshots";
const TOMBSTONES: &str = "tombstones";

/// A kind of record stored one per IndexedDB record, keyed `[plan id, record id]`.
pub trait Record: Serialize + DeserializeOwned + Clone + 'static {
    /// Its object store.
    const STORE: &'static str;
    /// Its kind, for migrations.
    const KIND: RecordKind;
    fn id(&self) -> Id;
}

macro_rules! record {
    ($t:ty, $store:expr, $kind:expr) => {
        impl Record for $t {
            const STORE: &'static str = $store;
            const KIND: RecordKind = $kind;
            fn id(&self) -> Id {
                self.id
            }
        }
    };
}
record!(Actor, ACTORS, RecordKind::Actor);
record!(ActionSheet, ACTIONS, RecordKind::Action);
record!(Mobilisation, MOBILISATIONS, RecordKind::Mobilisation);
record!(Need, NEEDS, RecordKind::Need);
record!(YearSnapshot, SNAPSHOTS, RecordKind::Snapshot);
record!(Tombstone, TOMBSTONES, RecordKind::Tombstone);

/// One write of a batch applied in a single transaction by [`Db::apply`].
pub enum Write {
    Put {
        store: &'static str,
        key: JsValue,
        value: String,
    },
    Delete {
        store: &'static str,
        key: JsValue,
    },
}

impl Write {
    /// Writes `record` of `plan_id`.
    pub fn put<T: Record>(plan_id: Id, record: &T) -> Write {
        Write::Put {
            store: T::STORE,
            key: record_key(plan_id, record.id()),
            value: record::encode(record),
        }
    }

    /// Deletes the record `id` of kind `T` of `plan_id`.
    pub fn delete<T: Record>(plan_id: Id, id: Id) -> Write {
        Write::Delete {
            store: T::STORE,
            key: record_key(plan_id, id),
        }
    }

    /// Writes the plan record.
    pub fn plan(plan: &Plan) -> Write {
        Write::Put {
            store: PLANS,
            key: plan_key(plan.id),
            value: record::encode(plan),
        }
    }
}

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
        if OUTDATED.with(Cell::get) {
            // The connection was closed for a newer build's upgrade: that is the one cause.
            StorageError(t("state.storage.outdated").into())
        } else if is_quota(&raw) {
            StorageError(t("state.storage.full").into())
        } else {
            StorageError(tf("state.storage.refused", &[("error", &e)]))
        }
    }
}

/// Whether a storage error's name or text is a full disk: Chromium and Safari say
/// `QuotaExceededError`, Firefox `NS_ERROR_DOM_QUOTA_REACHED` (code 1014).
pub(crate) fn is_quota(error: &str) -> bool {
    // i18n: not UI (DOMException names)
    error.contains("QuotaExceeded") || error.contains("QUOTA_REACHED")
}

type Result<T> = std::result::Result<T, StorageError>;

/// A plan with all its records, as loaded from the browser.
pub struct LoadedPlan {
    pub plan: Plan,
    pub actors: Vec<Actor>,
    pub actions: Vec<ActionSheet>,
    pub mobilisations: Vec<Mobilisation>,
    pub needs: Vec<Need>,
    pub snapshots: Vec<YearSnapshot>,
    /// Records deleted from the plan (see [`atelier_core::merge::Tombstone`]).
    pub tombstones: Vec<Tombstone>,
    /// Records that could not be read (damaged, or written by a newer Atelier NR). They stay
    /// stored untouched; the plan opens without them and the user is told.
    pub unreadable: Vec<String>,
}

/// A plan and its records as stored (JSON texts), before decoding: reading them needs
/// nothing but IndexedDB; decoding them ([`decode_plan`]) needs every record type's code, which
/// the first screen does without.
pub struct RawPlan {
    plan: JsValue,
    actors: Vec<JsValue>,
    actions: Vec<JsValue>,
    mobilisations: Vec<JsValue>,
    needs: Vec<JsValue>,
    snapshots: Vec<JsValue>,
    plan_id: Id,
}

/// Decodes a plan read by [`Db::load_raw`], migrating older records (the decoding may await
/// the migrations' download: it runs after the transaction, which would not stay open).
/// Errors: the plan record itself cannot be read; records that cannot be are listed in
/// [`LoadedPlan::unreadable`] and left stored, untouched.
/// The plan's tombstones are read here too, in a transaction of their own: only a plan file
/// and a merge need them, and the first screen's code does without.
pub async fn decode_plan(db: &Db, raw: RawPlan) -> Result<LoadedPlan> {
    let mut unreadable = Vec::new();
    let tombstones = db.tombstones(raw.plan_id, &mut unreadable).await?;
    Ok(LoadedPlan {
        plan: decode(RecordKind::Plan, &raw.plan).await?,
        actors: decode_all(RecordKind::Actor, &raw.actors, &mut unreadable).await,
        actions: decode_all(RecordKind::Action, &raw.actions, &mut unreadable).await,
        mobilisations: decode_all(
            RecordKind::Mobilisation,
            &raw.mobilisations,
            &mut unreadable,
        )
        .await,
        needs: decode_all(RecordKind::Need, &raw.needs, &mut unreadable).await,
        snapshots: decode_all(RecordKind::Snapshot, &raw.snapshots, &mut unreadable).await,
        tombstones,
        unreadable,
    })
}

/// An open connection to the database.
pub struct Db {
    rexie: Rexie,
    /// The second connection: bulk writes and upgrades by a newer build (see [`bulk`]).
    raw: web_sys::IdbDatabase,
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
            // i18n: not UI (the DOMException's name)
            if format!("{e:?}").contains("VersionError") {
                StorageError(t("state.storage.newer_version").into())
            } else {
                // The library's words (« idb error ») help no user: they go to the console.
                web_sys::console::warn_1(&format!("IndexedDB open: {e:?}").into()); // i18n: not UI
                StorageError(t("state.storage.open_failed").into())
            }
        })?;
        let raw = bulk::open(name, version).await?;
        Ok(Db {
            rexie,
            raw,
            writes: Cell::new(0),
        })
    }

    /// Closes the connections (tests reopen to check persistence).
    pub fn close(self) {
        self.raw.close();
        self.rexie.close();
    }

    /// Calls `outdated` when a newer build opens the database at a higher version (in
    /// another tab): this tab's connections close so that the upgrade never waits on it, and
    /// every later storage error says so; `outdated` lets the app stop writing and ask for a
    /// reload.
    pub fn on_upgrade(&self, outdated: impl FnOnce() + 'static) {
        bulk::watch(&self.raw, outdated);
    }

    /// Number of records written through this connection.
    pub fn writes(&self) -> u64 {
        self.writes.get()
    }

    /// What « Mes plans » shows of every stored plan, in no particular order. Plans whose
    /// record cannot be read at all are left out (they stay stored, untouched).
    pub async fn plan_summaries(&self) -> Result<Vec<PlanSummary>> {
        let tx = self
            .rexie
            .transaction(&[PLANS], TransactionMode::ReadOnly)?;
        let values = tx.store(PLANS)?.get_all(None, None).await?;
        Ok(values
            .iter()
            .filter_map(|v| record::summary(&v.as_string()?))
            .collect())
    }

    /// Every stored plan (without their records), in no particular order.
    pub async fn plans(&self) -> Result<Vec<Plan>> {
        let tx = self
            .rexie
            .transaction(&[PLANS], TransactionMode::ReadOnly)?;
        let values = tx.store(PLANS)?.get_all(None, None).await?;
        let mut plans = Vec::with_capacity(values.len());
        for value in &values {
            plans.push(decode(RecordKind::Plan, value).await?);
        }
        Ok(plans)
    }

    /// A plan and all its records, or `None` if no plan has this id.
    pub async fn load(&self, plan_id: Id) -> Result<Option<LoadedPlan>> {
        match self.load_raw(plan_id).await? {
            Some(raw) => decode_plan(self, raw).await.map(Some),
            None => Ok(None),
        }
    }

    /// A plan and all its records as stored, not decoded yet (see [`decode_plan`]), or
    /// `None` if no plan has this id. Every value is read in one transaction.
    pub async fn load_raw(&self, plan_id: Id) -> Result<Option<RawPlan>> {
        let tx = self.rexie.transaction(STORES, TransactionMode::ReadOnly)?;
        let Some(plan) = tx.store(PLANS)?.get(plan_key(plan_id)).await? else {
            return Ok(None);
        };
        let range = || plan_range(plan_id);
        Ok(Some(RawPlan {
            plan,
            actors: tx.store(ACTORS)?.get_all(Some(range()?), None).await?,
            actions: tx.store(ACTIONS)?.get_all(Some(range()?), None).await?,
            mobilisations: tx
                .store(MOBILISATIONS)?
                .get_all(Some(range()?), None)
                .await?,
            needs: tx.store(NEEDS)?.get_all(Some(range()?), None).await?,
            snapshots: tx.store(SNAPSHOTS)?.get_all(Some(range()?), None).await?,
            plan_id,
        }))
    }

    /// A plan's tombstones (see [`Tombstone`]); unreadable ones are listed in `unreadable`.
    pub async fn tombstones(
        &self,
        plan_id: Id,
        unreadable: &mut Vec<String>,
    ) -> Result<Vec<Tombstone>> {
        let tx = self
            .rexie
            .transaction(&[TOMBSTONES], TransactionMode::ReadOnly)?;
        let values = tx
            .store(TOMBSTONES)?
            .get_all(Some(plan_range(plan_id)?), None)
            .await?;
        Ok(decode_all(RecordKind::Tombstone, &values, unreadable).await)
    }

    /// One record of a plan, or `None` if it is not stored (deleted meanwhile).
    pub async fn get<T: Record>(&self, plan_id: Id, id: Id) -> Result<Option<T>> {
        self.get_one(T::STORE, T::KIND, record_key(plan_id, id))
            .await
    }

    /// The plan record alone, or `None`.
    pub async fn plan(&self, plan_id: Id) -> Result<Option<Plan>> {
        self.get_one(PLANS, RecordKind::Plan, plan_key(plan_id))
            .await
    }

    async fn get_one<T: DeserializeOwned>(
        &self,
        store: &str,
        kind: RecordKind,
        key: JsValue,
    ) -> Result<Option<T>> {
        let tx = self
            .rexie
            .transaction(&[store], TransactionMode::ReadOnly)?;
        match tx.store(store)?.get(key).await? {
            Some(value) => decode(kind, &value).await.map(Some),
            None => Ok(None),
        }
    }

    /// Writes the plan record alone (name, territory, governance…).
    pub async fn put_plan(&self, plan: &Plan) -> Result<()> {
        self.apply(vec![Write::plan(plan)]).await
    }

    /// Writes one record of `plan_id`.
    pub async fn put<T: Record>(&self, plan_id: Id, record: &T) -> Result<()> {
        self.apply(vec![Write::put(plan_id, record)]).await
    }

    /// Deletes one record of `plan_id`.
    pub async fn delete<T: Record>(&self, plan_id: Id, id: Id) -> Result<()> {
        self.apply(vec![Write::delete::<T>(plan_id, id)]).await
    }

    /// Applies `writes` in one transaction: all of them are stored, or none (a delete and the
    /// relinks it causes, an undo that puts several records back).
    pub async fn apply(&self, writes: Vec<Write>) -> Result<()> {
        let mut stores: Vec<&str> = writes
            .iter()
            .map(|w| match w {
                Write::Put { store, .. } | Write::Delete { store, .. } => *store,
            })
            .collect();
        stores.sort_unstable();
        stores.dedup();
        if stores.is_empty() {
            return Ok(());
        }
        let tx = self
            .rexie
            .transaction(&stores, TransactionMode::ReadWrite)?;
        let count = writes.len();
        write_all(&tx, writes).await?;
        self.finish(tx, count).await
    }

    /// Writes many records of `plan_id` in one transaction: all are stored or none.
    /// `progress` is called with the number stored so far after each batch, so a progress
    /// bar can move. (The fast path of [`bulk`].)
    pub async fn put_many<T: Record>(
        &self,
        plan_id: Id,
        records: &[T],
        progress: impl Fn(usize),
    ) -> Result<()> {
        bulk::put_many(&self.raw, plan_id, records, progress).await?;
        self.writes.set(self.writes.get() + records.len() as u64);
        Ok(())
    }

    /// Stores a whole plan (a new one, or an import) in one transaction: all or nothing.
    pub async fn put_whole_plan(&self, file: &PlanFile) -> Result<()> {
        self.apply(whole_plan(file)).await
    }

    /// Deletes a plan and every record of it, in one transaction.
    pub async fn delete_plan(&self, plan_id: Id) -> Result<()> {
        let tx = self.rexie.transaction(STORES, TransactionMode::ReadWrite)?;
        tx.store(PLANS)?.delete(plan_key(plan_id)).await?;
        let range: JsValue = plan_range(plan_id)?.into();
        for store in &STORES[1..] {
            // Its records and its backups.
            tx.store(store)?.delete(range.clone()).await?;
        }
        self.finish(tx, 1).await
    }

    /// Waits for the transaction and checks it really committed.
    async fn finish(&self, tx: rexie::Transaction, records: usize) -> Result<()> {
        let outcome = tx.done().await?;
        if !outcome.is_committed() {
            return Err(StorageError(t("state.storage.aborted").into()));
        }
        self.writes.set(self.writes.get() + records as u64);
        Ok(())
    }
}

/// Requests issued together before awaiting them (see [`write_all`]).
const BATCH: usize = 500;

thread_local! {
    /// Set once a newer build upgraded the database: every storage error says so from then on.
    static OUTDATED: Cell<bool> = const { Cell::new(false) };
}

/// Performs `writes` inside `tx` (which must cover their stores); the caller commits.
///
/// The requests of a batch are issued together and awaited together: IndexedDB runs them in
/// order within the transaction anyway, and awaiting each one before issuing the next cost a
/// round trip through the event loop per record (10 000 actors: 4–5 s instead of under 1 s).
/// Between batches the page can paint (a progress bar moves).
async fn write_all(tx: &rexie::Transaction, writes: Vec<Write>) -> Result<()> {
    for batch in writes.chunks(BATCH) {
        let mut pending = Vec::with_capacity(batch.len());
        for write in batch {
            pending.push(async move {
                match write {
                    Write::Put { store, key, value } => {
                        tx.store(store)?
                            .put(&JsValue::from_str(value), Some(key))
                            .await?;
                    }
                    Write::Delete { store, key } => tx.store(store)?.delete(key.clone()).await?,
                }
                Ok::<(), StorageError>(())
            });
        }
        for result in futures::future::join_all(pending).await {
            result?;
        }
    }
    Ok(())
}

/// The writes that store a whole plan file: the plan record and every record.
fn whole_plan(file: &PlanFile) -> Vec<Write> {
    let id = file.plan.id;
    let mut writes = vec![Write::plan(&file.plan)];
    writes.extend(file.actors.iter().map(|r| Write::put(id, r)));
    writes.extend(file.actions.iter().map(|r| Write::put(id, r)));
    writes.extend(file.mobilisations.iter().map(|r| Write::put(id, r)));
    writes.extend(file.needs.iter().map(|r| Write::put(id, r)));
    writes.extend(file.snapshots.iter().map(|r| Write::put(id, r)));
    writes.extend(file.tombstones.iter().map(|r| Write::put(id, r)));
    writes
}

async fn decode<T: DeserializeOwned>(kind: RecordKind, value: &JsValue) -> Result<T> {
    let text = value
        .as_string()
        .ok_or_else(|| StorageError(t("state.storage.not_text").into()))?;
    record::decode(kind, &text)
        .await
        .map_err(|e| StorageError(tf("state.storage.bad_record", &[("error", &e)])))
}

/// Decodes every record it can; the message of each one it cannot goes to `unreadable`.
async fn decode_all<T: DeserializeOwned>(
    kind: RecordKind,
    values: &[JsValue],
    unreadable: &mut Vec<String>,
) -> Vec<T> {
    let mut records = Vec::with_capacity(values.len());
    for value in values {
        match decode(kind, value).await {
            Ok(record) => records.push(record),
            Err(e) => unreadable.push(e.0),
        }
    }
    records
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
