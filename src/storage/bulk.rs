//! The adapter's second connection to the same database, through web-sys, for two things
//! rexie does not do:
//!
//! - **bulk writes** (a census import): rexie awaits every request through its own future, at
//!   about 90 µs a record; here the puts of a batch are issued in a row with no handler, one
//!   handler per batch moves the progress bar, and the transaction's outcome is awaited once.
//!   10 000 actors: well under a second instead of two. Still all or nothing.
//! - **upgrades by a newer build**: its `versionchange` event, which rexie does not expose
//!   (see [`super::DB_VERSION`]).

use super::{record, record_key, Record, Result, StorageError, OUTDATED};
use atelier_core::i18n::{t, tf};
use atelier_core::Id;
use std::cell::Cell;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction};

/// Records issued before the page gets a chance to paint (and the progress bar to move).
const BATCH: usize = 500;

/// Opens the second connection, at the same version as rexie's (so it never upgrades).
pub(super) async fn open(name: &str, version: u32) -> Result<IdbDatabase> {
    let failed = |_| StorageError(t("state.storage.open_failed").into());
    let factory = idb::Factory::new().map_err(failed)?;
    let database = factory
        .open(name, Some(version))
        .map_err(failed)?
        .await
        .map_err(failed)?;
    Ok(database.into())
}

/// Calls `outdated` once a newer build asks to upgrade the database (in another tab): this
/// connection closes at once (rexie's closes itself), so that the upgrade never waits on
/// this tab, and every later storage error says what happened.
pub(super) fn watch(connection: &IdbDatabase, outdated: impl FnOnce() + 'static) {
    let closing = connection.clone();
    let handler = Closure::once(move || {
        closing.close();
        OUTDATED.with(|o| o.set(true));
        outdated();
    });
    connection.set_onversionchange(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the page.
    handler.forget();
}

/// Writes `records` of `plan_id` in one transaction of `connection`; `progress` gets the
/// number the browser has stored so far after each batch. Errors: a full disk, a closed
/// connection, anything that aborted the transaction — in which case nothing was written.
pub(super) async fn put_many<T: Record>(
    connection: &IdbDatabase,
    plan_id: Id,
    records: &[T],
    progress: impl Fn(usize),
) -> Result<()> {
    // Relaxed durability: committed once the system holds the data, without waiting for the
    // disk to be flushed (a third faster here). An import is still all or nothing, and its
    // source file is still in the user's hands.
    // (web-sys keeps the options argument behind its unstable APIs: called by name.)
    let options = js_sys::Object::new();
    // i18n: not UI (an IndexedDB option)
    js_sys::Reflect::set(&options, &"durability".into(), &"relaxed".into()).map_err(refused)?;
    let open = js_sys::Reflect::get(connection, &"transaction".into()).map_err(refused)?;
    let tx: IdbTransaction = open
        .unchecked_ref::<js_sys::Function>()
        .call3(connection, &T::STORE.into(), &"readwrite".into(), &options)
        .map_err(refused)?
        .unchecked_into();
    let outcome = settled(&tx);
    let store = tx.object_store(T::STORE).map_err(refused)?;
    let mut stored = 0;
    for batch in records.chunks(BATCH) {
        let mut last = None;
        for record in batch {
            let value = JsValue::from_str(&record::encode(record));
            match store.put_with_key(&value, &record_key(plan_id, record.id())) {
                Ok(request) => last = Some(request),
                Err(e) => {
                    let _ = tx.abort();
                    return Err(refused(e));
                }
            }
        }
        // New requests may only be issued while the transaction is active, that is from a
        // request's own success: wait for the batch's last one (the browser runs them in
        // order), which also lets the page paint.
        if let Some(request) = last {
            if JsFuture::from(succeeded(&request)).await.is_err() {
                break; // The transaction aborts; its outcome says why.
            }
        }
        stored += batch.len();
        progress(stored);
    }
    JsFuture::from(outcome)
        .await
        .map(drop)
        .map_err(|_| failure(&tx))
}

/// A promise settled with the request: resolved on success, rejected on error.
fn succeeded(request: &IdbRequest) -> js_sys::Promise {
    let request = request.clone();
    js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    })
}

/// A promise settled with the transaction: resolved once committed, rejected if aborted.
fn settled(tx: &IdbTransaction) -> js_sys::Promise {
    let tx = tx.clone();
    js_sys::Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onabort(Some(&reject));
    })
}

/// Why `tx` aborted, worded for the user (a full disk is told apart).
fn failure(tx: &IdbTransaction) -> StorageError {
    match tx.error() {
        Some(e) => refused(e.into()),
        None => StorageError(t("state.storage.aborted").into()),
    }
}

/// A refusal from IndexedDB (a `DOMException`), worded for the user.
fn refused(error: JsValue) -> StorageError {
    if OUTDATED.with(Cell::get) {
        return StorageError(t("state.storage.outdated").into());
    }
    let name = error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_default();
    // Firefox may also give only the legacy code, 1014.
    let code = error
        .dyn_ref::<web_sys::DomException>()
        .map_or(0, web_sys::DomException::code);
    if super::is_quota(&name) || code == 1014 {
        StorageError(t("state.storage.full").into())
    } else {
        StorageError(tf("state.storage.refused", &[("error", &name)]))
    }
}
