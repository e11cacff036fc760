//! Reading an untrusted plan file: parse, check the envelope, migrate, deserialise, validate.
//! Every failure is an [`ImportError`] that says what is wrong and where; nothing panics.

use super::{migrations::migrate_file, PlanFile, FORMAT_TAG, MAX_FILE_BYTES, SCHEMA_VERSION};
use crate::i18n::{t, tf};
use crate::text::is_blank;
use crate::Id;
use serde_json::Value;
use std::collections::HashSet;
use std::fmt;

/// Why a plan file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON at all, or truncated: `line` and `column` (1-based) of the first fault.
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// JSON nested deeper than the parser's limit (128 levels; a plan has at most 7): a
    /// crafted or corrupted file, refused before it can exhaust the stack.
    TooDeep,
    /// JSON, but not an Atelier NR plan (another app's file, an array…).
    NotAPlan { reason: String },
    /// Written by a newer Atelier NR than this one.
    NewerVersion { found: u64 },
    /// A field is missing or has the wrong type: `path` is like `actors[3].engagement`.
    Invalid { path: String, detail: String },
    /// A migration could not upgrade the file.
    Migration { detail: String },
    /// Bigger than [`MAX_FILE_BYTES`]: refused from its size alone, before being read.
    TooLarge { bytes: u64, limit: u64 },
    /// Not UTF-8 text: a binary file (image, PDF, archive…) or a text in another encoding.
    /// `offset` is the first byte that is not UTF-8 (0-based).
    NotText { offset: usize },
    /// UTF-8, but with a NUL character, which no JSON text contains: a binary file, or a text
    /// saved as UTF-16. `offset` is the first NUL byte (0-based).
    NulByte { offset: usize },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ImportError::NotJson {
                line,
                column,
                detail,
            } => tf(
                "errors.file.not_json",
                &[("line", line), ("column", column), ("detail", detail)],
            ),
            ImportError::TooDeep => t("errors.file.too_deep").to_owned(),
            ImportError::NotAPlan { reason } => tf("errors.file.not_a_plan", &[("reason", reason)]),
            ImportError::NewerVersion { found } => tf(
                "errors.file.newer_version",
                &[("found", found), ("version", &SCHEMA_VERSION)],
            ),
            ImportError::Invalid { path, detail } => {
                tf("errors.file.invalid", &[("path", path), ("detail", detail)])
            }
            ImportError::Migration { detail } => tf("errors.file.migration", &[("detail", detail)]),
            ImportError::TooLarge { bytes, limit } => tf(
                "errors.file.too_large",
                &[("size", &megabytes(*bytes)), ("limit", &megabytes(*limit))],
            ),
            ImportError::NotText { offset } => {
                tf("errors.file.not_text", &[("byte", &(offset + 1))])
            }
            ImportError::NulByte { offset } => {
                tf("errors.file.nul_byte", &[("byte", &(offset + 1))])
            }
        };
        f.write_str(&text)
    }
}

/// `bytes` in mebibytes as people write megabytes in French, rounded up to a tenth so that a
/// file just over the limit never reads as the limit itself: « 20 Mo », « 20,1 Mo », « 50 Mo ».
/// In English: "20 MB", "20.1 MB".
fn megabytes(bytes: u64) -> String {
    const MIB: u128 = 1024 * 1024;
    let tenths = (u128::from(bytes) * 10).div_ceil(MIB);
    let size = match tenths % 10 {
        0 => format!("{}", tenths / 10),
        tenth => format!("{}{}{tenth}", tenths / 10, t("errors.file.decimal_mark")),
    };
    tf("errors.file.megabytes", &[("size", &size)])
}

/// Refuses a file bigger than [`MAX_FILE_BYTES`] (20 Mo) from its size alone: the app calls it
/// with `File.size` before reading anything, so a stray video never freezes the page.
pub fn check_size(bytes: u64) -> Result<(), ImportError> {
    if bytes > MAX_FILE_BYTES {
        Err(ImportError::TooLarge {
            bytes,
            limit: MAX_FILE_BYTES,
        })
    } else {
        Ok(())
    }
}

/// The text of a file's bytes, or why it is not a plan's text: not UTF-8
/// ([`ImportError::NotText`]) or holding a NUL character ([`ImportError::NulByte`]). JSON never
/// contains a raw NUL, so refusing one loses nothing. A byte-order mark is left in place (see
/// [`parse_plan_file`]).
pub fn plan_text(bytes: &[u8]) -> Result<&str, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::NotText {
        offset: e.valid_up_to(),
    })?;
    match memchr::memchr(0, bytes) {
        Some(offset) => Err(ImportError::NulByte { offset }),
        None => Ok(text),
    }
}

/// Reads a whole file's bytes: [`check_size`], [`plan_text`], then [`parse_plan_file`].
pub fn parse_plan_bytes(bytes: &[u8]) -> Result<PlanFile, ImportError> {
    check_size(u64::try_from(bytes.len()).unwrap_or(u64::MAX))?;
    parse_plan_file(plan_text(bytes)?)
}

/// Parses, upgrades and validates the text of a plan file.
///
/// Checks, in order: JSON syntax; an object with `format` = [`FORMAT_TAG`]; a `schema_version`
/// between 1 and [`SCHEMA_VERSION`]; migration; every field's type (path-precise); non-empty
/// names; unique ids; action links pointing at actors of the file.
pub fn parse_plan_file(text: &str) -> Result<PlanFile, ImportError> {
    // Windows Notepad saves UTF-8 with a byte-order mark, which JSON does not allow.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::NotAPlan {
            reason: t("errors.file.empty").into(),
        });
    }
    // A census table sent to the plan importer: say where it belongs rather than « not JSON ».
    let first_line = text.trim_start().lines().next().unwrap_or("");
    if !first_line.starts_with(['{', '[']) && first_line.contains(';') {
        return Err(ImportError::NotAPlan {
            reason: t("errors.file.looks_like_csv").into(),
        });
    }
    let mut value: Value = serde_json::from_str(text).map_err(|e| {
        if e.to_string().contains("recursion limit") {
            ImportError::TooDeep
        } else {
            ImportError::NotJson {
                line: e.line(),
                column: e.column(),
                detail: json_detail(&e),
            }
        }
    })?;
    let Some(object) = value.as_object() else {
        return Err(ImportError::NotAPlan {
            reason: tf("errors.file.not_an_object", &[("found", &describe(&value))]),
        });
    };
    match object.get("format").and_then(Value::as_str) {
        Some(FORMAT_TAG) => {}
        Some(other) => {
            return Err(ImportError::NotAPlan {
                reason: tf(
                    "errors.file.wrong_format",
                    &[("found", &other), ("expected", &FORMAT_TAG)],
                ),
            })
        }
        None => {
            return Err(ImportError::NotAPlan {
                reason: tf("errors.file.no_format", &[("expected", &FORMAT_TAG)]),
            })
        }
    }
    let version = match object.get("schema_version") {
        Some(v) => v
            .as_u64()
            .filter(|&v| v >= 1)
            .ok_or_else(|| ImportError::Invalid {
                path: "schema_version".into(),
                detail: tf("errors.file.bad_version", &[("found", v)]),
            })?,
        None => {
            return Err(ImportError::Invalid {
                path: "schema_version".into(),
                detail: t("errors.file.missing_field").into(),
            })
        }
    };
    if version > u64::from(SCHEMA_VERSION) {
        return Err(ImportError::NewerVersion { found: version });
    }
    // `version` fits in u32: it is at most SCHEMA_VERSION.
    migrate_file(&mut value, version as u32).map_err(|detail| ImportError::Migration { detail })?;
    let file: PlanFile =
        serde_path_to_error::deserialize(value).map_err(|e| ImportError::Invalid {
            path: e.path().to_string(),
            detail: translate_serde(&e.inner().to_string()),
        })?;
    validate(&file)?;
    Ok(file)
}

/// Rules serde cannot express: names present, ids unique, links resolvable.
fn validate(file: &PlanFile) -> Result<(), ImportError> {
    let invalid = |path: String, detail: &str| ImportError::Invalid {
        path,
        detail: detail.to_owned(),
    };
    if is_blank(&file.plan.name) {
        return Err(invalid(
            "plan.name".into(),
            t("errors.file.empty_plan_name"),
        ));
    }
    let mut ids: HashSet<Id> = HashSet::new();
    let mut unique = |id: Id, path: String| {
        if ids.insert(id) {
            Ok(())
        } else {
            Err(invalid(path, t("errors.file.duplicate_id")))
        }
    };
    for (i, actor) in file.actors.iter().enumerate() {
        if is_blank(&actor.name) {
            let path = format!("actors[{i}].name");
            return Err(invalid(path, t("errors.file.empty_actor_name")));
        }
        unique(actor.id, format!("actors[{i}].id"))?;
    }
    let actors: HashSet<Id> = file.actors.iter().map(|a| a.id).collect();
    // The first link in `links` that points at no actor of the file, as a path.
    let dangling = |links: &[Id], path: &str| {
        links
            .iter()
            .position(|id| !actors.contains(id))
            .map(|j| invalid(format!("{path}[{j}]"), t("errors.file.unknown_actor")))
    };
    let steering = &file.plan.governance.member_ids;
    if let Some(e) = dangling(steering, "plan.governance.member_ids") {
        return Err(e);
    }
    for (i, action) in file.actions.iter().enumerate() {
        if is_blank(&action.title) {
            return Err(invalid(
                format!("actions[{i}].title"),
                t("errors.file.empty_title"),
            ));
        }
        unique(action.id, format!("actions[{i}].id"))?;
        if let Some(e) = dangling(&action.actor_ids, &format!("actions[{i}].actor_ids")) {
            return Err(e);
        }
        if let Some(j) = action.indicators.iter().position(|x| is_blank(&x.name)) {
            let path = format!("actions[{i}].indicators[{j}].name");
            return Err(invalid(path, t("errors.file.empty_indicator_name")));
        }
    }
    for (i, m) in file.mobilisations.iter().enumerate() {
        if is_blank(&m.format) {
            let path = format!("mobilisations[{i}].format");
            return Err(invalid(path, t("errors.file.empty_mobilisation_format")));
        }
        unique(m.id, format!("mobilisations[{i}].id"))?;
        if let Some(e) = dangling(&m.actor_ids, &format!("mobilisations[{i}].actor_ids")) {
            return Err(e);
        }
    }
    for (i, n) in file.needs.iter().enumerate() {
        unique(n.id, format!("needs[{i}].id"))?;
        if !actors.contains(&n.actor_id) {
            let path = format!("needs[{i}].actor_id");
            return Err(invalid(path, t("errors.file.unknown_actor")));
        }
    }
    for (i, s) in file.snapshots.iter().enumerate() {
        unique(s.id, format!("snapshots[{i}].id"))?;
    }
    Ok(())
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Array(_) => t("errors.file.value.array"),
        Value::String(_) => t("errors.file.value.string"),
        Value::Number(_) => t("errors.file.value.number"),
        Value::Bool(_) => t("errors.file.value.boolean"),
        Value::Null => t("errors.file.value.null"),
        Value::Object(_) => t("errors.file.value.object"),
    }
}

/// serde_json's message without its trailing « at line L column C » (we print those ourselves).
fn json_detail(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let detail = text.split(" at line ").next().unwrap_or(&text);
    match e.classify() {
        serde_json::error::Category::Eof => t("errors.file.unexpected_end").into(),
        _ => detail.to_owned(),
    }
}

/// Words serde uses for what it found, by their English lead, with the key of their
/// translation (the literal after them, `` `42` ``, is kept as it is).
const FOUND: [(&str, &str); 8] = [
    ("integer", "errors.file.serde.found.integer"),
    ("floating point", "errors.file.serde.found.decimal"),
    ("string", "errors.file.serde.found.text"),
    ("boolean", "errors.file.serde.found.boolean"),
    ("map", "errors.file.serde.found.object"),
    ("sequence", "errors.file.serde.found.list"),
    ("unit value", "errors.file.serde.found.null"),
    ("null", "errors.file.serde.found.null"),
];

/// What serde expected, as it says it, with the key of its translation.
const EXPECTED: [(&str, &str); 14] = [
    ("a string", "errors.file.serde.expected.text"),
    ("a sequence", "errors.file.serde.expected.list"),
    ("a boolean", "errors.file.serde.expected.boolean"),
    ("a map", "errors.file.serde.expected.object"),
    ("struct", "errors.file.serde.expected.object"),
    ("u8", "errors.file.serde.expected.integer"),
    ("u16", "errors.file.serde.expected.integer"),
    ("u32", "errors.file.serde.expected.integer"),
    ("u64", "errors.file.serde.expected.integer"),
    ("i32", "errors.file.serde.expected.integer"),
    ("i64", "errors.file.serde.expected.integer"),
    ("an integer", "errors.file.serde.expected.integer"),
    ("f64", "errors.file.serde.expected.number"),
    ("f32", "errors.file.serde.expected.number"),
];

/// chrono's messages for a date it cannot read.
const BAD_DATE: [&str; 6] = [
    "input contains invalid characters",
    "premature end of input",
    "input is out of range",
    "trailing input",
    "no possible date",
    "input is not enough",
];

/// « integer `42` » in the user's language: the kind translated, the literal kept.
fn found(text: &str) -> String {
    FOUND
        .iter()
        .find_map(|(en, key)| {
            let rest = text.strip_prefix(en)?;
            (rest.is_empty() || rest.starts_with(' ')).then(|| format!("{}{rest}", t(key)))
        })
        .unwrap_or_else(|| text.to_owned())
}

/// « a string », « struct Actor », « u32 » in the user's language.
fn expected(text: &str) -> String {
    EXPECTED
        .iter()
        .find(|(en, _)| text == *en || text.starts_with(&format!("{en} ")))
        .map_or_else(|| text.to_owned(), |(_, key)| t(key).to_owned())
}

/// serde's English messages in the user's words, keeping the precise part (the value found,
/// the values allowed).
fn translate_serde(message: &str) -> String {
    let m = message.split(" at line ").next().unwrap_or(message);
    if let Some(field) = m.strip_prefix("missing field ") {
        tf("errors.file.serde.missing_field", &[("field", &field)])
    } else if let Some(rest) = m
        .strip_prefix("invalid type: ")
        .or_else(|| m.strip_prefix("invalid value: "))
    {
        match rest.split_once(", expected ") {
            Some((what, wanted)) => tf(
                "errors.file.serde.invalid_type",
                &[("found", &found(what)), ("expected", &expected(wanted))],
            ),
            None => tf("errors.file.serde.invalid", &[("detail", &rest)]),
        }
    } else if let Some(rest) = m.strip_prefix("unknown variant ") {
        let (value, allowed) = rest
            .split_once(", expected one of ")
            .or_else(|| rest.split_once(", expected "))
            .unwrap_or((rest, ""));
        tf(
            "errors.file.serde.unknown_variant",
            &[("value", &value), ("allowed", &allowed)],
        )
    } else if BAD_DATE.iter().any(|d| m.contains(d)) {
        t("errors.file.serde.bad_date").to_owned()
    } else {
        tf("errors.file.serde.invalid", &[("detail", &m)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_census_given_as_a_plan_says_where_it_belongs() {
        let err = parse_plan_file("Type d'acteur;Nom de l'acteur\nPME;Envie").unwrap_err();
        assert!(matches!(err, ImportError::NotAPlan { .. }));
        assert!(err.to_string().contains("étape 1"));
    }
    use crate::file::as_new_plan;
    use crate::ids::CounterIds;
    use crate::{ActionSheet, Actor, Axis, IdGen, Plan};

    fn sample() -> PlanFile {
        let mut ids = CounterIds::default();
        let plan = Plan::new(ids.new_id(), "Plan d'essai");
        let envie = Actor::new(ids.new_id(), "Envie 35");
        let mut action = ActionSheet::new(ids.new_id(), "Reconditionner", Axis::Support);
        action.actor_ids.push(envie.id);
        PlanFile::new(plan, vec![envie], vec![action], None)
    }

    #[test]
    fn export_then_import_gives_the_same_plan() {
        let file = sample();
        assert_eq!(parse_plan_file(&file.to_json()).unwrap(), file);
    }

    #[test]
    fn the_frozen_v1_fixture_is_upgraded() {
        let text = include_str!("../../../tests/fixtures/plan-v1.json");
        let file = parse_plan_file(text).unwrap();
        assert_eq!(file.schema_version, SCHEMA_VERSION);
        assert_eq!(file.actors.len(), 2);
        assert_eq!(file.actions[0].actor_ids, vec![file.actors[1].id]);
        let envie = &file.actors[1];
        assert_eq!(
            envie.subtype,
            Some(crate::Subtype::Kit("nr_associations".into()))
        );
        assert_eq!(
            envie.circle(),
            crate::Circle::Two,
            "engaged: suggested circle 2"
        );
        assert!(file.plan.decisions.is_empty());
    }

    #[test]
    fn the_frozen_v2_fixture_gains_empty_step_2_and_3_fields() {
        let text = include_str!("../../../tests/fixtures/plan-v2.json");
        let file = parse_plan_file(text).unwrap();
        assert_eq!(file.plan.decisions.len(), 1, "version 2 data is kept");
        assert!(file.mobilisations.is_empty() && file.needs.is_empty());
        assert_eq!(file.plan.governance, crate::Governance::default());
        assert!(!file.plan.example);
        let action = &file.actions[0];
        assert_eq!(action.status, crate::ActionStatus::InProgress);
        assert!(!action.quick_win && action.indicators.is_empty() && action.effort.is_none());
        assert_eq!(action.actor_ids, vec![file.actors[1].id]);
    }

    #[test]
    fn the_frozen_v4_fixture_gains_no_source_unknown_origins_and_no_official_territory() {
        let text = include_str!("../../../tests/fixtures/plan-v4.json");
        let file = parse_plan_file(text).unwrap();
        assert_eq!(file.schema_version, SCHEMA_VERSION);
        assert_eq!(
            file.plan.name, "Plan au format 4 (gelé)",
            "version 4 data is kept"
        );
        let territory = &file.plan.territory;
        assert_eq!(territory.population, Some(420_000));
        assert_eq!(territory.code, None);
        assert_eq!(territory.official, None);
        assert!(territory.members.is_empty());
        assert_eq!(file.actors.len(), 12);
        assert!(file.actors.iter().all(|a| a.source.is_none()));
        assert!(
            file.actors.iter().all(|a| a.origins.is_empty()),
            "every field's origin is unknown"
        );
        assert!(file.actors.iter().any(|a| a.found_by.is_some()));
    }

    #[test]
    fn the_frozen_v5_fixture_gains_no_actual_no_yearly_target_no_follow_up_and_no_adoption() {
        let text = include_str!("../../../tests/fixtures/plan-v5.json");
        let file = parse_plan_file(text).unwrap();
        assert_eq!(file.schema_version, SCHEMA_VERSION);
        assert_eq!(
            file.plan.name, "Plan au format 5 (gelé)",
            "version 5 data is kept"
        );
        assert_eq!(file.plan.territory.code.as_deref(), Some("200000000"));
        assert_eq!(
            file.actors[0].origins.len(),
            1,
            "the recorded origin is kept"
        );
        let lines: Vec<_> = file.actions.iter().flat_map(|a| &a.budget).collect();
        assert!(lines.len() >= 8 && lines.iter().all(|l| l.actual.is_none() && l.amount > 0));
        let indicators: Vec<_> = file.actions.iter().flat_map(|a| &a.indicators).collect();
        assert!(!indicators.is_empty() && indicators.iter().all(|i| i.yearly_targets.is_empty()));
        assert!(indicators.iter().any(|i| !i.measures.is_empty()));
        assert!(file.actions.iter().all(|a| a.follow_ups.is_empty()));
        let g = &file.plan.governance;
        assert_eq!(g.steering_body, "Comité de pilotage Numérique responsable");
        assert!(
            g.adopted_on.is_none() && g.deliberation.is_empty() && g.budget_debate_on.is_none()
        );
    }

    #[test]
    fn the_frozen_v3_fixture_marks_the_workshop_sheet_from_its_notes() {
        let text = include_str!("../../../tests/fixtures/plan-v3.json");
        let file = parse_plan_file(text).unwrap();
        assert_eq!(file.schema_version, SCHEMA_VERSION);
        assert_eq!(file.actions.len(), 2);
        let (planned, captured) = (&file.actions[0], &file.actions[1]);
        assert!(!planned.workshop && !planned.from_workshop());
        assert_eq!(planned.notes, "Cofinancement demandé à l'ADEME.");
        assert!(captured.workshop && captured.from_workshop());
        assert_eq!(
            captured.notes, "Issu de l'atelier du 12/03/2026. Idée notée pendant la projection.",
            "the notes are kept as they are"
        );
        assert_eq!(file.needs.len(), 1);
        assert!(!file.needs[0].workshop);
        assert_eq!(
            file.needs[0].actor_id, file.actors[1].id,
            "version 3 data is kept"
        );
        assert_eq!(file.mobilisations.len(), 1);
        assert_eq!(file.plan.governance.member_ids.len(), 2);
    }

    #[test]
    fn truncated_json_names_line_and_column() {
        let json = sample().to_json();
        let err = parse_plan_file(&json[..json.len() / 2]).unwrap_err();
        assert!(matches!(err, ImportError::NotJson { .. }));
        assert!(err.to_string().starts_with("Ligne "), "{err}");
    }

    #[test]
    fn other_json_is_not_a_plan() {
        for (text, expected) in [
            ("[1,2]", "il contient un tableau"),
            ("{\"type\":\"excalidraw\"}", "le champ « format »"),
            ("{\"format\":\"autre\"}", "vaut « autre »"),
        ] {
            let err = parse_plan_file(text).unwrap_err().to_string();
            assert!(err.contains(expected), "{text}: {err}");
        }
    }

    #[test]
    fn a_byte_order_mark_is_accepted_and_a_blank_name_refused() {
        let file = sample();
        assert_eq!(
            parse_plan_file(&format!("\u{feff}{}", file.to_json())).unwrap(),
            file
        );
        let mut blank = sample();
        blank.plan.name = "   ".into();
        let err = parse_plan_file(&blank.to_json()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Champ « plan.name » : le nom du plan est vide."
        );
        // A name of invisible characters only is as blank as spaces.
        let mut invisible = sample();
        invisible.actors[0].name = "\u{200B}".into();
        let err = parse_plan_file(&invisible.to_json()).unwrap_err();
        assert!(err.to_string().contains("actors[0].name"), "{err}");
    }

    #[test]
    fn deep_nesting_is_refused_without_crashing() {
        for text in ["[".repeat(100_000), "{\"a\":".repeat(10_000)] {
            let err = parse_plan_file(&text).unwrap_err();
            assert_eq!(err, ImportError::TooDeep);
            assert!(err
                .to_string()
                .contains("imbriquées sur plus de 128 niveaux"));
        }
        // 100 levels is deep but allowed by the parser: then it is simply not a plan.
        let text = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(matches!(
            parse_plan_file(&text),
            Err(ImportError::NotAPlan { .. })
        ));
    }

    #[test]
    fn files_over_20_mb_are_refused_from_their_size_with_the_limit() {
        assert_eq!(check_size(0), Ok(()));
        assert_eq!(check_size(MAX_FILE_BYTES), Ok(()));
        let fifty = 50 * 1024 * 1024;
        let err = check_size(fifty).unwrap_err();
        assert_eq!(
            err,
            ImportError::TooLarge {
                bytes: fifty,
                limit: MAX_FILE_BYTES
            }
        );
        let text = err.to_string();
        assert!(text.starts_with("Ce fichier pèse 50 Mo : "), "{text}");
        assert!(text.contains("la limite de 20 Mo"), "{text}");
        let just_over = check_size(MAX_FILE_BYTES + 1).unwrap_err().to_string();
        assert!(just_over.contains("pèse 20,1 Mo"), "{just_over}");
        assert_eq!(megabytes(1), "0,1 Mo");
        assert_eq!(megabytes(u64::MAX), "17592186044416 Mo");
    }

    #[test]
    fn a_50_mb_file_is_refused_when_read_too() {
        let bytes = vec![b' '; 50 * 1024 * 1024];
        assert!(matches!(
            parse_plan_bytes(&bytes),
            Err(ImportError::TooLarge { .. })
        ));
    }

    #[test]
    fn a_binary_file_is_not_text() {
        // The start of a PNG image: its second byte is not UTF-8.
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        let err = plan_text(png).unwrap_err();
        assert_eq!(err, ImportError::NotText { offset: 0 });
        assert!(err
            .to_string()
            .starts_with("Ce fichier n'est pas un fichier texte (octet 1 illisible en UTF-8)"));
        assert_eq!(parse_plan_bytes(png).unwrap_err(), err);
        // Latin-1 text: « é » is one byte 0xE9.
        let latin1 = b"{\"format\": \"caf\xe9\"}";
        assert_eq!(
            plan_text(latin1).unwrap_err(),
            ImportError::NotText { offset: 15 }
        );
    }

    #[test]
    fn a_text_with_nul_characters_is_refused() {
        // A PDF starts with ASCII, then binary; a UTF-16 text has a NUL after each ASCII byte.
        let utf16: Vec<u8> = "{\"format\"".bytes().flat_map(|b| [b, 0]).collect();
        let err = plan_text(&utf16).unwrap_err();
        assert_eq!(err, ImportError::NulByte { offset: 1 });
        let text = err.to_string();
        assert!(text.contains("pas un fichier texte JSON"), "{text}");
        assert!(text.contains("UTF-16"), "{text}");
        assert_eq!(
            plan_text(b"%PDF-1.7\n\0").unwrap_err(),
            ImportError::NulByte { offset: 9 }
        );
        let file = sample();
        assert_eq!(plan_text(file.to_json().as_bytes()), Ok(&*file.to_json()));
        assert_eq!(parse_plan_bytes(file.to_json().as_bytes()), Ok(file));
    }

    /// The issue's list of bad files: each is refused with its own error, none panics.
    #[test]
    fn every_kind_of_bad_file_gets_its_own_error() {
        use ImportError as E;
        let plan = sample().to_json();
        type Check = fn(&ImportError) -> bool;
        let cases: Vec<(&str, Vec<u8>, Check, &str)> = vec![
            (
                "another app's JSON",
                br#"{"type":"excalidraw","elements":[]}"#.to_vec(),
                |e| matches!(e, E::NotAPlan { .. }),
                "le champ « format » (« atelier-nr/plan ») est absent",
            ),
            (
                "an array",
                b"[{\"format\":\"atelier-nr/plan\"}]".to_vec(),
                |e| matches!(e, E::NotAPlan { .. }),
                "il contient un tableau",
            ),
            (
                "truncated JSON",
                plan.as_bytes()[..plan.len() / 3].to_vec(),
                |e| matches!(e, E::NotJson { .. }),
                "fin de fichier inattendue",
            ),
            (
                "deeply nested JSON",
                "[".repeat(5000).into_bytes(),
                |e| *e == E::TooDeep,
                "imbriquées",
            ),
            (
                "a binary file",
                vec![0xff, 0xd8, 0xff, 0xe0, 0, 0x10, b'J', b'F'],
                |e| matches!(e, E::NotText { .. }),
                "pas un fichier texte",
            ),
            (
                "a NUL in text",
                b"{\"format\":\0}".to_vec(),
                |e| matches!(e, E::NulByte { .. }),
                "caractère nul",
            ),
            (
                "a 50 MB file",
                vec![b'{'; 50 * 1024 * 1024 + 1],
                |e| matches!(e, E::TooLarge { .. }),
                "la limite de 20 Mo",
            ),
        ];
        let mut messages = Vec::new();
        for (name, bytes, check, fragment) in &cases {
            let err = parse_plan_bytes(bytes).unwrap_err();
            assert!(check(&err), "{name}: {err:?}");
            let text = err.to_string();
            assert!(text.contains(fragment), "{name}: {text}");
            assert!(
                !messages.contains(&text),
                "{name}: same message as another case"
            );
            messages.push(text);
        }
        let newer = plan.replace(
            &format!("\"schema_version\": {SCHEMA_VERSION}"),
            &format!("\"schema_version\": {}", SCHEMA_VERSION + 1),
        );
        assert!(matches!(
            parse_plan_bytes(newer.as_bytes()),
            Err(ImportError::NewerVersion { .. })
        ));
    }

    #[test]
    fn newer_versions_are_refused_with_a_clear_message() {
        let mut value = serde_json::to_value(sample()).unwrap();
        value["schema_version"] = (SCHEMA_VERSION + 1).into();
        let err = parse_plan_file(&value.to_string()).unwrap_err();
        assert_eq!(
            err,
            ImportError::NewerVersion {
                found: u64::from(SCHEMA_VERSION) + 1
            }
        );
        assert!(err.to_string().contains("plus récente"));
    }

    #[test]
    fn a_wrong_field_is_named_by_its_path() {
        let mut value = serde_json::to_value(sample()).unwrap();
        value["actors"][0]["engagement"] = "enorme".into();
        let err = parse_plan_file(&value.to_string()).unwrap_err();
        let ImportError::Invalid { path, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(path, "actors[0].engagement");
        assert!(err
            .to_string()
            .starts_with("Champ « actors[0].engagement » : valeur inconnue `enorme` ; valeurs possibles : `not_identified`"));

        // Every refusal in the user's words: no serde English left.
        let cases: [(&str, serde_json::Value, &str); 4] = [
            (
                "name",
                42.into(),
                "type inattendu : le nombre entier `42`, alors qu'il faut un texte.",
            ),
            (
                "nr_action_types",
                serde_json::json!({}),
                "type inattendu : un objet, alors qu'il faut une liste.",
            ),
            (
                "found_on",
                "03/12/2026".into(),
                "date illisible : écrivez-la sous la forme AAAA-MM-JJ",
            ),
            (
                "partner_funder",
                "oui".into(),
                "alors qu'il faut true ou false.",
            ),
        ];
        for (field, bad, said) in cases {
            let mut value = serde_json::to_value(sample()).unwrap();
            value["actors"][0][field] = bad;
            let err = parse_plan_file(&value.to_string()).unwrap_err().to_string();
            assert!(err.contains(said), "{field}: {err}");
            assert!(!err.contains("expected"), "{field}: {err}");
        }
        assert_eq!(
            parse_plan_file(" \n").unwrap_err().to_string(),
            ImportError::NotAPlan {
                reason: t("errors.file.empty").into()
            }
            .to_string()
        );

        let mut value = serde_json::to_value(sample()).unwrap();
        value["plan"].as_object_mut().unwrap().remove("name");
        let err = parse_plan_file(&value.to_string()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Champ « plan » : champ obligatoire `name` absent."
        );
    }

    #[test]
    fn a_link_to_a_missing_actor_is_refused() {
        let mut file = sample();
        file.actions[0]
            .actor_ids
            .push(Id::from_random_bytes([9; 16]));
        let err = parse_plan_file(&file.to_json()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Champ « actions[0].actor_ids[1] » : cet acteur n'existe pas dans le fichier."
        );
    }

    #[test]
    fn an_imported_copy_has_new_ids_and_intact_links() {
        let file = sample();
        let mut ids = CounterIds::default();
        for _ in 0..100 {
            ids.new_id();
        }
        let copy = as_new_plan(file.clone(), [42; 8]);
        assert_ne!(copy.plan.id, file.plan.id);
        assert_ne!(copy.actors[0].id, file.actors[0].id);
        assert_eq!(copy.actions[0].actor_ids, vec![copy.actors[0].id]);
        assert_eq!(copy.actors[0].name, file.actors[0].name);
    }

    fn refused_at(file: &PlanFile) -> String {
        match parse_plan_file(&file.to_json()) {
            Err(ImportError::Invalid { path, detail }) => {
                assert_eq!(detail, "cet acteur n'existe pas dans le fichier.");
                path
            }
            other => panic!("expected a refused link, got {other:?}"),
        }
    }

    #[test]
    fn mobilisation_need_and_steering_links_to_a_missing_actor_are_refused() {
        use crate::{Circle, Mobilisation, Need, NeedKind};
        let ghost = Id::from_random_bytes([9; 16]);
        let mut ids = CounterIds::default();
        for _ in 0..10 {
            ids.new_id();
        }

        let mut file = sample();
        let mut m = Mobilisation::new(ids.new_id(), "Webinaire", Circle::Two);
        m.actor_ids = vec![ghost, file.actors[0].id];
        file.mobilisations.push(m);
        assert_eq!(refused_at(&file), "mobilisations[0].actor_ids[0]");

        let mut file = sample();
        file.needs
            .push(Need::new(ids.new_id(), ghost, NeedKind::Funding));
        assert_eq!(refused_at(&file), "needs[0].actor_id");

        let mut file = sample();
        file.plan.governance.member_ids = vec![ghost];
        assert_eq!(refused_at(&file), "plan.governance.member_ids[0]");
        let text = parse_plan_file(&file.to_json()).unwrap_err().to_string();
        assert!(
            text.starts_with("Champ « plan.governance.member_ids[0] »"),
            "{text}"
        );
    }

    #[test]
    fn numbers_keep_every_digit() {
        use crate::indicator::{Indicator, Measure};
        let mut file = sample();
        let mut indicator = Indicator::new("Mesure");
        // Values serde_json reads one unit in the last place off without `float_roundtrip`.
        indicator.baseline = Some(1.071_566_039_146_582_6e-75);
        indicator.target = Some(-1.603_964_615_428_183e143);
        indicator.measures = [0.1 + 0.2, 1.0 / 3.0, -9.643_915_712_060_552e-234, f64::MAX]
            .into_iter()
            .map(|value| Measure {
                on: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
                value,
            })
            .collect();
        file.actions[0].indicators.push(indicator);
        file.actions[0].budget.push(crate::BudgetLine {
            kind: crate::BudgetKind::Investment,
            label: "Tout".into(),
            amount: u64::MAX,
            year: Some(i32::MIN),
            actual: None,
        });
        let back = parse_plan_file(&file.to_json()).unwrap();
        let (a, b) = (
            &back.actions[0].indicators[0],
            &file.actions[0].indicators[0],
        );
        assert_eq!(a.baseline.map(f64::to_bits), b.baseline.map(f64::to_bits));
        assert_eq!(back, file);
    }

    /// Fails on a null, an empty text or an empty list anywhere in `value`: the record really
    /// has every field filled, so the round trip below covers every field.
    fn assert_filled(value: &Value, path: &str) {
        match value {
            Value::Null => panic!("{path} is null"),
            Value::String(s) => assert!(!s.trim().is_empty(), "{path} is empty"),
            Value::Array(items) => {
                assert!(!items.is_empty(), "{path} is an empty list");
                for (i, item) in items.iter().enumerate() {
                    assert_filled(item, &format!("{path}[{i}]"));
                }
            }
            Value::Object(fields) => {
                for (key, field) in fields {
                    assert_filled(field, &format!("{path}.{key}"));
                }
            }
            Value::Bool(_) | Value::Number(_) => {}
        }
    }

    #[test]
    fn a_plan_with_every_field_filled_comes_back_equal() {
        use crate::plan::CustomSubtype;
        use crate::{ActionStatus, Circle, Family, Subtype};
        let mut file =
            crate::example::example_plan(&mut CounterIds::default(), crate::example::test_day());
        file.exported_at = chrono::DateTime::from_timestamp(1_790_000_000, 0);
        let plan = &mut file.plan;
        plan.engagement_labels = ["Inconnu", "Curieux", "Actif", "Locomotive"]
            .map(String::from)
            .to_vec();
        plan.custom_subtypes = vec![CustomSubtype {
            family: Family::Association,
            label: "Fablabs".into(),
        }];
        for d in &mut plan.decisions {
            d.local_only.get_or_insert(false);
        }
        plan.territory.code = Some("243500139".into());
        plan.territory.official = Some(crate::plan::OfficialPopulation {
            measure: crate::plan::PopulationMeasure::Totale,
            year: 2026,
            source: "Etalab".into(),
        });
        plan.territory.members = vec!["35238".into()];
        let actor = &mut file.actors[0];
        actor.circle = Some(Circle::One);
        actor.subtype = Some(Subtype::Custom("Service commun".into()));
        actor.source = Some(crate::opendata::SourceRef {
            dataset: crate::opendata::Dataset::AdemeCircular,
            id: "exempleActeur0001".into(),
            attribution: "Que faire de mes objets et déchets|ADEME".into(),
            siret: Some("12345678900011".into()),
            commune: Some("35238".into()),
            file: "acteurs.csv".into(),
            file_date: chrono::NaiveDate::from_ymd_opt(2026, 10, 5),
        });
        actor.origins.insert(
            crate::provenance::ActorField::Engagement,
            crate::provenance::Stamp {
                at: chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap(),
                origin: crate::provenance::Origin::Typed,
            },
        );
        let action = &mut file.actions[0];
        action.status = ActionStatus::Done;
        action.done_on = action.due;
        action.quick_win = true;

        let mut closed = crate::snapshot::close_year(
            &file,
            2026,
            crate::Id::from_random_bytes([7; 16]),
            chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap(),
        );
        // Every nested field filled: the first fiche and actor are (see above).
        closed
            .indicators
            .retain(|i| i.target.is_some() && i.result.is_some());
        closed.sheets.truncate(1);
        closed.actors.truncate(1);
        file.snapshots = vec![closed];

        let json: Value = serde_json::to_value(&file).unwrap();
        assert_filled(&json["exported_at"], "exported_at");
        assert_filled(&json["plan"], "plan");
        for kind in ["actors", "actions", "mobilisations", "needs", "snapshots"] {
            assert_filled(&json[kind][0], &format!("{kind}[0]"));
        }
        let back = parse_plan_file(&file.to_json()).unwrap();
        assert_eq!(back, file);
    }
}
