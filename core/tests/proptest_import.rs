//! Property tests of the two doors untrusted data comes in by: the plan file importer
//! (`file::parse_plan_bytes`, `file::parse_plan_file`) and the share-link decoder
//! (`share::decode`). Whatever they are fed, they answer `Ok` or `Err` and never panic; and a
//! valid plan always comes back equal, through a file or a link.
//!
//! 128 cases per property by default (`PROPTEST_CASES=5000 cargo test -p atelier-core --test
//! proptest_import` for a longer run).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use atelier_core::example::example_plan;
use atelier_core::file::{parse_plan_bytes, parse_plan_file};
use atelier_core::ids::CounterIds;
use atelier_core::share::{self, ShareError, SHARE_PREFIX};
use common::plan_file;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

const CASES: u32 = 128;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(CASES),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// (a) Random bytes and strings.

/// Bytes that are deflated and base64url-encoded, so that they reach the inflater and the
/// checks after it, not only the base64 check.
fn packed(bytes: &[u8]) -> String {
    use base64::Engine;
    let deflated = miniz_oxide::deflate::compress_to_vec_zlib(bytes, 1);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(deflated)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_bytes_never_panic(bytes in vec(any::<u8>(), 0..2048)) {
        let _ = parse_plan_bytes(&bytes);
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_plan_file(&text);
        let _ = share::decode(&text);
        let _ = share::decode(&packed(&bytes));
    }

    #[test]
    fn random_strings_never_panic(text in any::<String>()) {
        let _ = parse_plan_file(&text);
        let _ = share::decode(&text);
        let _ = share::decode(&format!("#{SHARE_PREFIX}{text}"));
        let _ = share::decode(&share::encode_text(&text));
    }

    #[test]
    fn random_base64url_never_panics(link in "[A-Za-z0-9_-]{0,400}") {
        // Mostly refused as corrupt; the point is that the inflater is reached safely.
        let result = share::decode(&link);
        prop_assert!(result.is_err());
    }

    #[test]
    fn random_json_never_panics(text in "[\\[\\]{}\",:0-9a-z_ .eE+-]{0,300}") {
        let _ = parse_plan_file(&text);
        let _ = share::decode(&share::encode_text(&text));
    }
}

// ---------------------------------------------------------------------------------------------
// (b) Mutated valid plans.

/// One change to a JSON document.
#[derive(Clone, Debug)]
enum Mutation {
    /// Removes the key of an object (the `at`-th object of the document, its `key`-th key).
    DeleteKey { at: Index, key: Index },
    /// Replaces the `at`-th value with a value of another type.
    Replace { at: Index, with: Value },
    /// Duplicates an element of the `at`-th array (ids then collide).
    Duplicate { at: Index, element: Index },
    /// Sets the `at`-th number to another number.
    Renumber { at: Index, to: Value },
    /// Sets `schema_version`.
    Version(Value),
}

fn any_json_scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |x| x.is_finite())
            .prop_map(Value::from),
        ".{0,8}".prop_map(Value::from),
        Just(Value::from("2026-02-30")),
        Just(Value::from("00000000-0000-0000-0000-000000000000")),
        Just(Value::Array(vec![])),
        Just(Value::Object(serde_json::Map::new())),
        Just(serde_json::json!([[[[[[[[]]]]]]]])),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), any::<Index>()).prop_map(|(at, key)| Mutation::DeleteKey { at, key }),
        (any::<Index>(), any_json_scalar()).prop_map(|(at, with)| Mutation::Replace { at, with }),
        (any::<Index>(), any::<Index>())
            .prop_map(|(at, element)| Mutation::Duplicate { at, element }),
        (
            any::<Index>(),
            prop_oneof![
                any::<i64>().prop_map(Value::from),
                (-5i64..5).prop_map(Value::from),
                any::<f64>()
                    .prop_filter("finite", |x| x.is_finite())
                    .prop_map(Value::from),
                Just(Value::from(u64::MAX)),
            ]
        )
            .prop_map(|(at, to)| Mutation::Renumber { at, to }),
        prop_oneof![
            (0u64..6).prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            Just(Value::from(1.5)),
            Just(Value::from("3")),
            Just(Value::Null),
        ]
        .prop_map(Mutation::Version),
    ]
}

/// Every value of `value`, depth first, as JSON pointers.
fn pointers(value: &Value, here: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let escaped = k.replace('~', "~0").replace('/', "~1");
                pointers(v, format!("{here}/{escaped}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, format!("{here}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(here);
}

/// The pointers of `value` whose target passes `keep`.
fn where_(value: &Value, keep: impl Fn(&Value) -> bool) -> Vec<String> {
    let mut all = Vec::new();
    pointers(value, String::new(), &mut all);
    all.into_iter()
        .filter(|p| value.pointer(p).is_some_and(&keep))
        .collect()
}

fn apply(doc: &mut Value, m: &Mutation) {
    match m {
        Mutation::DeleteKey { at, key } => {
            let objects = where_(doc, |v| v.as_object().is_some_and(|o| !o.is_empty()));
            if objects.is_empty() {
                return;
            }
            if let Some(Value::Object(map)) = doc.pointer_mut(&objects[at.index(objects.len())]) {
                let k = map.keys().nth(key.index(map.len())).cloned();
                if let Some(k) = k {
                    map.remove(&k);
                }
            }
        }
        Mutation::Replace { at, with } => {
            let all = where_(doc, |_| true);
            if let Some(v) = doc.pointer_mut(&all[at.index(all.len())]) {
                *v = with.clone();
            }
        }
        Mutation::Duplicate { at, element } => {
            let arrays = where_(doc, |v| v.as_array().is_some_and(|a| !a.is_empty()));
            if arrays.is_empty() {
                return;
            }
            if let Some(Value::Array(items)) = doc.pointer_mut(&arrays[at.index(arrays.len())]) {
                let copy = items[element.index(items.len())].clone();
                items.push(copy);
            }
        }
        Mutation::Renumber { at, to } => {
            let numbers = where_(doc, Value::is_number);
            if numbers.is_empty() {
                return;
            }
            if let Some(v) = doc.pointer_mut(&numbers[at.index(numbers.len())]) {
                *v = to.clone();
            }
        }
        Mutation::Version(v) => {
            if let Some(map) = doc.as_object_mut() {
                map.insert("schema_version".into(), v.clone());
            }
        }
    }
}

fn example_json() -> Value {
    serde_json::to_value(example_plan(
        &mut CounterIds::default(),
        atelier_core::example::test_day(),
    ))
    .unwrap()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn mutated_plans_never_panic(
        mutations in vec(mutation(), 1..4),
        truncate in prop::option::weighted(0.25, any::<Index>()),
        compact in any::<bool>(),
    ) {
        let mut doc = example_json();
        for m in &mutations {
            apply(&mut doc, m);
        }
        let mut text = if compact {
            doc.to_string()
        } else {
            serde_json::to_string_pretty(&doc).unwrap()
        };
        if let Some(at) = truncate {
            let mut cut = at.index(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
        }
        let from_file = parse_plan_file(&text);
        let from_link = share::decode(&share::encode_text(&text));
        // The link reads exactly as the file does.
        match (&from_file, &from_link) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            (Err(e), Err(ShareError::Invalid(f))) => prop_assert_eq!(e, f),
            _ => prop_assert!(false, "file {:?} but link {:?}", from_file, from_link),
        }
        // What is accepted is valid: it exports and reads back equal.
        if let Ok(file) = from_file {
            prop_assert_eq!(parse_plan_file(&file.to_json()), Ok(file));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// (c) Any valid plan comes back equal, through a file and through a link.

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_valid_plan_comes_back_equal(file in plan_file()) {
        // Through a file, pretty as exported, and from its bytes.
        let json = file.to_json();
        prop_assert_eq!(parse_plan_file(&json), Ok(file.clone()));
        prop_assert_eq!(parse_plan_bytes(json.as_bytes()), Ok(file.clone()));
        // Through a link, whole and anonymised.
        let link = share::encode(&file).expect("a small plan fits in a link");
        prop_assert_eq!(share::decode(&link), Ok(file.clone()));
        let public = file.anonymised();
        prop_assert_eq!(share::decode(&share::encode(&public).unwrap()), Ok(public));
    }
}
