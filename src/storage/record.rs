//! How one domain record is written into IndexedDB: a JSON text `{"v": N, "data": {…}}`.
//!
//! The version travels with each record so that records written by an older Atelier NR are
//! upgraded on read by the core's migrations — the same functions that upgrade imported files.
//!
//! Reading has a fast path and a slow one, because only the fast one is in the first
//! download: a record of this version reads straight into its type; a record from another
//! version, or a damaged one, goes to [`crate::parts::jobs::upgrade_record`] (downloaded then),
//! which migrates it or says precisely what is wrong with it.

use atelier_core::file::migrations::RecordKind;
use atelier_core::file::SCHEMA_VERSION;
use atelier_core::i18n::{t, tf};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use wasm_bindgen::JsValue;

#[derive(Serialize)]
struct Written<'a, T> {
    v: u32,
    data: &'a T,
}

#[derive(Deserialize)]
struct Read<T> {
    v: u32,
    data: T,
}

/// Encodes a record at the current schema version.
pub fn encode<T: Serialize>(record: &T) -> String {
    let written = Written {
        v: SCHEMA_VERSION,
        data: record,
    };
    // Domain records have string keys and no custom serialiser that could fail.
    serde_json::to_string(&written).unwrap_or_default()
}

/// The summary of a stored plan record, whatever its version; `None` if it cannot be read.
/// Read with the browser's JSON parser: « Mes plans » is the first screen, and serde_json's
/// parser is left to the parts that read whole records.
pub fn summary(text: &str) -> Option<atelier_core::PlanSummary> {
    let get = |object: &JsValue, key: &str| js_sys::Reflect::get(object, &key.into()).ok();
    let data = get(&js_sys::JSON::parse(text).ok()?, "data")?;
    let territory = get(&data, "territory");
    Some(atelier_core::PlanSummary {
        id: atelier_core::Id::parse(&get(&data, "id")?.as_string()?)?,
        name: get(&data, "name")?.as_string()?,
        territory_name: territory
            .and_then(|t| get(&t, "name")?.as_string())
            .unwrap_or_default(),
        example: get(&data, "example")
            .and_then(|e| e.as_bool())
            .unwrap_or(false),
        budget_debate_on: get(&data, "governance")
            .and_then(|g| get(&g, "budget_debate_on")?.as_string())
            .and_then(|d| iso_day(&d)),
    })
}

/// `YYYY-MM-DD` as a day. By hand: chrono's parser would add 15 KB to the first screen.
fn iso_day(text: &str) -> Option<chrono::NaiveDate> {
    let mut parts = text.splitn(3, '-').map(str::parse::<u32>);
    let (y, m, d) = (
        parts.next()?.ok()?,
        parts.next()?.ok()?,
        parts.next()?.ok()?,
    );
    chrono::NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// Decodes a stored record, migrating it if it is older. Errors: a message in the display
/// language (unreadable or damaged record, record from a newer version, migration failure,
/// or the migrations out of reach).
pub async fn decode<T: DeserializeOwned>(kind: RecordKind, text: &str) -> Result<T, String> {
    if let Ok(Read { v, data }) = serde_json::from_str::<Read<T>>(text) {
        if v == SCHEMA_VERSION {
            return Ok(data);
        }
    }
    let current = crate::parts::jobs::upgrade_record(kind, text.to_owned())
        .await
        .map_err(|_| t("state.record.migrations_unreachable").to_owned())??;
    serde_json::from_str(&current).map_err(|e| tf("state.record.unreadable", &[("error", &e)]))
}

/// The slow path of [`decode`], run in the `migrations` part: migrates a record written by an
/// older version and returns its `data` as current JSON text, checked field by field.
/// Errors: unreadable JSON, a newer version, a failed migration, or the path and reason of
/// the first field that does not fit.
pub fn upgrade(kind: RecordKind, text: &str) -> Result<String, String> {
    let mut value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| tf("state.record.unreadable", &[("error", &e)]))?;
    let version = value["v"].as_u64().unwrap_or(0);
    if version > u64::from(SCHEMA_VERSION) {
        return Err(tf("state.record.newer_version", &[("version", &version)]));
    }
    let mut data = value["data"].take();
    atelier_core::file::migrations::migrate_record(kind, &mut data, version as u32)?;
    match kind {
        RecordKind::Plan => check::<atelier_core::Plan>(&data),
        RecordKind::Actor => check::<atelier_core::Actor>(&data),
        RecordKind::Action => check::<atelier_core::ActionSheet>(&data),
        RecordKind::Mobilisation => check::<atelier_core::Mobilisation>(&data),
        RecordKind::Need => check::<atelier_core::Need>(&data),
        RecordKind::Snapshot => check::<atelier_core::snapshot::YearSnapshot>(&data),
        RecordKind::Tombstone => check::<atelier_core::merge::Tombstone>(&data),
    }?;
    Ok(data.to_string())
}

/// Whether `data` reads as a `T`; if not, the path of the faulty field and why.
fn check<T: DeserializeOwned>(data: &serde_json::Value) -> Result<(), String> {
    serde_path_to_error::deserialize::<_, T>(data)
        .map(drop)
        .map_err(|e| {
            tf(
                "state.record.invalid",
                &[("path", e.path()), ("error", e.inner())],
            )
        })
}
