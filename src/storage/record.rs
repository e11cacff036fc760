//! How one domain record is written into IndexedDB: a JSON text `{"v": N, "data": {…}}`.
//!
//! The version travels with each record so that records written by an older Atelier NR are
//! upgraded on read by the core's migrations — the same functions that upgrade imported files.

use atelier_core::file::migrations::{migrate_record, RecordKind};
use atelier_core::file::SCHEMA_VERSION;
use atelier_core::i18n::tf;
use serde::{de::DeserializeOwned, Serialize};
use serde_json::{json, Value};

/// Encodes a record at the current schema version.
pub fn encode<T: Serialize>(record: &T) -> String {
    json!({ "v": SCHEMA_VERSION, "data": record }).to_string()
}

/// Decodes a stored record, migrating it if it is older. Errors: a French message (unreadable
/// record, record from a newer version, migration failure).
pub fn decode<T: DeserializeOwned>(kind: RecordKind, text: &str) -> Result<T, String> {
    let mut value: Value =
        serde_json::from_str(text).map_err(|e| tf("state.record.unreadable", &[("error", &e)]))?;
    let version = value["v"].as_u64().unwrap_or(0);
    if version > u64::from(SCHEMA_VERSION) {
        return Err(tf("state.record.newer_version", &[("version", &version)]));
    }
    let mut data = value["data"].take();
    migrate_record(kind, &mut data, version as u32)?;
    // Through serde_path_to_error, like imported files: the same deserialisers serve both
    // (smaller wasm), and a damaged record names its faulty field.
    serde_path_to_error::deserialize(data).map_err(|e| {
        tf(
            "state.record.invalid",
            &[("path", e.path()), ("error", e.inner())],
        )
    })
}
