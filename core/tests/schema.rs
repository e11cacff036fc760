//! `docs/plan.schema.json` describes the plan file exactly as Atelier NR writes it: the
//! example plan, the frozen fixtures once migrated, and any valid plan validate; a file with a
//! wrong type does not.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use atelier_core::example::example_plan;
use atelier_core::file::{parse_plan_file, PlanFile};
use atelier_core::ids::CounterIds;
use atelier_core::plan::CustomSubtype;
use atelier_core::{Circle, Family, Subtype};
use jsonschema::Validator;
use proptest::prelude::*;
use serde_json::{json, Value};

const SCHEMA: &str = include_str!("../../docs/plan.schema.json");

fn schema() -> Value {
    serde_json::from_str(SCHEMA).expect("the schema is JSON")
}

fn validator() -> Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema())
        .expect("the schema compiles")
}

/// The validator's complaints about `file`'s JSON as written by `to_json`, one per line.
fn complaints(validator: &Validator, json: &str) -> Vec<String> {
    let value: Value = serde_json::from_str(json).unwrap();
    validator
        .iter_errors(&value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn assert_valid(validator: &Validator, file: &PlanFile) {
    let errors = complaints(validator, &file.to_json());
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// The example plan with the few fields it leaves empty filled in, so that every definition
/// of the schema is exercised.
fn filled_example() -> PlanFile {
    let mut file = example_plan(
        &mut CounterIds::default(),
        atelier_core::example::test_day(),
    );
    file.exported_at = chrono::DateTime::from_timestamp(1_790_000_000, 123_000_000);
    file.plan.engagement_labels = ["Inconnu", "Curieux", "Actif", "Locomotive"]
        .map(String::from)
        .to_vec();
    file.plan.custom_subtypes = vec![CustomSubtype {
        family: Family::Association,
        label: "Fablabs".into(),
    }];
    file.actors[0].circle = Some(Circle::One);
    file.actors[1].subtype = Some(Subtype::Custom("Service commun".into()));
    file.actors[2].subtype = None;
    let closed = atelier_core::snapshot::close_year(
        &file,
        2026,
        atelier_core::Id::from_random_bytes([7; 16]),
        chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap(),
    );
    file.snapshots.push(closed);
    let tick = atelier_core::merge::Tick {
        at: chrono::DateTime::from_timestamp(1_790_000_100, 0).unwrap(),
        by: "3f9a0c1e".into(),
    };
    file.actors[0]
        .edits
        .insert("engagement".into(), tick.clone());
    file.actions[0].edits.insert("title".into(), tick.clone());
    file.plan.edits.insert("name".into(), tick.clone());
    file.plan.copied_from = Some(atelier_core::merge::CopyOf::new(
        atelier_core::Id::from_random_bytes([8; 16]),
        [1, 2, 3, 4, 5, 6, 7, 8],
    ));
    file.tombstones.push(atelier_core::merge::Tombstone {
        id: atelier_core::Id::from_random_bytes([9; 16]),
        at: tick.at,
        by: tick.by,
    });
    file
}

#[test]
fn the_schema_is_a_valid_draft_2020_12_schema() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::meta::validate(&schema).expect("valid against the 2020-12 meta-schema");
    assert_eq!(
        schema["properties"]["schema_version"]["const"],
        atelier_core::file::SCHEMA_VERSION
    );
    assert_eq!(
        schema["properties"]["format"]["const"],
        atelier_core::file::FORMAT_TAG
    );
}

#[test]
fn the_example_plan_validates() {
    let v = validator();
    assert_valid(
        &v,
        &example_plan(
            &mut CounterIds::default(),
            atelier_core::example::test_day(),
        ),
    );
    assert_valid(&v, &filled_example());
    assert_valid(&v, &filled_example().anonymised());
}

#[test]
fn the_frozen_fixtures_validate_once_migrated() {
    let v = validator();
    for text in [
        include_str!("../../tests/fixtures/plan-v1.json"),
        include_str!("../../tests/fixtures/plan-v2.json"),
        include_str!("../../tests/fixtures/plan-v3.json"),
        include_str!("../../tests/fixtures/plan-v4.json"),
        include_str!("../../tests/fixtures/plan-v5.json"),
        include_str!("../../tests/fixtures/plan-v6.json"),
    ] {
        // As written, an older file is not the current version…
        assert!(!complaints(&v, text).is_empty());
        // …once read (and migrated) and written again, it is.
        assert_valid(&v, &parse_plan_file(text).unwrap());
    }
}

#[test]
fn a_wrong_type_or_an_unknown_field_fails_at_its_path() {
    let v = validator();
    let good = serde_json::to_value(filled_example()).unwrap();
    type Change = fn(&mut Value);
    let cases: [(&str, Change); 8] = [
        ("/actors/0/engagement", |f| {
            f["actors"][0]["engagement"] = json!(3)
        }),
        ("/actors/0/circle", |f| f["actors"][0]["circle"] = json!(4)),
        ("/actions/0/due", |f| {
            f["actions"][0]["due"] = json!("30/06/2027")
        }),
        ("/actions/0/budget/0/amount", |f| {
            f["actions"][0]["budget"][0]["amount"] = json!(-5)
        }),
        ("/plan/id", |f| f["plan"]["id"] = json!("pas-un-id")),
        ("/schema_version", |f| f["schema_version"] = json!("3")),
        ("/needs/0", |f| {
            f["needs"][0].as_object_mut().unwrap().remove("kind");
        }),
        ("/plan/governance", |f| {
            f["plan"]["governance"]["membres"] = json!([])
        }),
    ];
    for (path, change) in cases {
        let mut bad = good.clone();
        change(&mut bad);
        let errors = complaints(&v, &bad.to_string());
        assert!(
            errors.iter().any(|e| e.starts_with(&format!("{path}:"))),
            "{path}: {errors:?}"
        );
    }
}

/// Every property name the schema lists for an object is a key serde writes, and the other
/// way round (`additionalProperties: false` and `required` already imply it for the objects a
/// plan contains; this also checks the objects no plan contains, and gives a readable diff).
#[test]
fn the_schema_lists_exactly_the_keys_serde_writes() {
    let schema = schema();
    let file = serde_json::to_value(filled_example()).unwrap();
    let def = |name: &str| schema["$defs"][name].clone();
    // Written only when not empty (schema 7): listed, not required.
    const OPTIONAL: [&str; 2] = ["edits", "copied_from"];
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v
            .as_object()
            .unwrap()
            .keys()
            .filter(|k| !OPTIONAL.contains(&k.as_str()))
            .cloned()
            .collect();
        k.sort();
        k
    };
    let listed = |s: &Value| -> Vec<String> {
        let mut k: Vec<String> = s["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_owned())
            .collect();
        k.sort();
        assert_eq!(k, keys(&s["properties"]), "required = properties");
        k
    };
    let action = &file["actions"][0];
    for (schema_obj, written) in [
        (schema.clone(), &file),
        (def("plan"), &file["plan"]),
        (
            def("plan")["properties"]["territory"].clone(),
            &file["plan"]["territory"],
        ),
        (def("decision"), &file["plan"]["decisions"][0]),
        (def("customSubtype"), &file["plan"]["custom_subtypes"][0]),
        (def("customFormat"), &file["plan"]["custom_formats"][0]),
        (def("governance"), &file["plan"]["governance"]),
        (def("actor"), &file["actors"][0]),
        (def("action"), action),
        (def("budgetLine"), &action["budget"][0]),
        (def("indicator"), &action["indicators"][0]),
        (
            def("indicator")["properties"]["measures"]["items"].clone(),
            &action["indicators"][0]["measures"][0],
        ),
        (def("mobilisation"), &file["mobilisations"][0]),
        (def("need"), &file["needs"][0]),
    ] {
        assert_eq!(
            listed(&schema_obj),
            keys(written),
            "{}",
            schema_obj["description"]
        );
        assert_eq!(schema_obj["additionalProperties"], false);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any valid plan, every field drawn at random, validates.
    #[test]
    fn any_valid_plan_validates(file in common::plan_file()) {
        let v = validator();
        let errors = complaints(&v, &file.to_json());
        prop_assert!(errors.is_empty(), "{}", errors.join("\n"));
    }
}
