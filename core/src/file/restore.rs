//! Reading an untrusted plan file: parse, check the envelope, migrate, deserialise, validate.
//! Every failure is an [`ImportError`] that says what is wrong and where; nothing panics.

use super::{migrations::migrate_file, PlanFile, FORMAT_TAG, SCHEMA_VERSION};
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
    /// JSON, but not an Atelier NR plan (another app's file, an array…).
    NotAPlan { reason: String },
    /// Written by a newer Atelier NR than this one.
    NewerVersion { found: u64 },
    /// A field is missing or has the wrong type: `path` is like `actors[3].engagement`.
    Invalid { path: String, detail: String },
    /// A migration could not upgrade the file.
    Migration { detail: String },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotJson {
                line,
                column,
                detail,
            } => write!(
                f,
                "Ligne {line}, colonne {column} : ce n'est pas du JSON valide ({detail}). \
                 Le fichier est peut-être tronqué ou d'un autre type."
            ),
            ImportError::NotAPlan { reason } => {
                write!(f, "Ce fichier n'est pas un plan Atelier NR : {reason}")
            }
            ImportError::NewerVersion { found } => write!(
                f,
                "Ce plan a été enregistré par une version plus récente d'Atelier NR \
                 (format {found}, cette version lit jusqu'au format {SCHEMA_VERSION}). \
                 Mettez l'application à jour pour l'ouvrir."
            ),
            ImportError::Invalid { path, detail } => {
                write!(f, "Champ « {path} » : {detail}")
            }
            ImportError::Migration { detail } => {
                write!(f, "Mise à jour du plan impossible : {detail}")
            }
        }
    }
}

/// Parses, upgrades and validates the text of a plan file.
///
/// Checks, in order: JSON syntax; an object with `format` = [`FORMAT_TAG`]; a `schema_version`
/// between 1 and [`SCHEMA_VERSION`]; migration; every field's type (path-precise); non-empty
/// names; unique ids; action links pointing at actors of the file.
pub fn parse_plan_file(text: &str) -> Result<PlanFile, ImportError> {
    // Windows Notepad saves UTF-8 with a byte-order mark, which JSON does not allow.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        detail: json_detail(&e),
    })?;
    let Some(object) = value.as_object() else {
        return Err(ImportError::NotAPlan {
            reason: format!("il contient {}, pas un objet plan.", describe(&value)),
        });
    };
    match object.get("format").and_then(Value::as_str) {
        Some(FORMAT_TAG) => {}
        Some(other) => {
            return Err(ImportError::NotAPlan {
                reason: format!(
                    "son champ « format » vaut « {other} » au lieu de « {FORMAT_TAG} »."
                ),
            })
        }
        None => {
            return Err(ImportError::NotAPlan {
                reason: format!("le champ « format » (« {FORMAT_TAG} ») est absent."),
            })
        }
    }
    let version = match object.get("schema_version") {
        Some(v) => v
            .as_u64()
            .filter(|&v| v >= 1)
            .ok_or_else(|| ImportError::Invalid {
                path: "schema_version".into(),
                detail: format!("un entier à partir de 1 est attendu, trouvé {v}."),
            })?,
        None => {
            return Err(ImportError::Invalid {
                path: "schema_version".into(),
                detail: "champ absent.".into(),
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
    if file.plan.name.trim().is_empty() {
        return Err(invalid("plan.name".into(), "le nom du plan est vide."));
    }
    let mut ids: HashSet<Id> = HashSet::new();
    for (i, actor) in file.actors.iter().enumerate() {
        if actor.name.trim().is_empty() {
            return Err(invalid(
                format!("actors[{i}].name"),
                "le nom de l'acteur est vide.",
            ));
        }
        if !ids.insert(actor.id) {
            return Err(invalid(
                format!("actors[{i}].id"),
                "cet identifiant est déjà utilisé.",
            ));
        }
    }
    let actor_ids = ids.clone();
    for (i, action) in file.actions.iter().enumerate() {
        if action.title.trim().is_empty() {
            return Err(invalid(
                format!("actions[{i}].title"),
                "l'intitulé est vide.",
            ));
        }
        if !ids.insert(action.id) {
            return Err(invalid(
                format!("actions[{i}].id"),
                "cet identifiant est déjà utilisé.",
            ));
        }
        if let Some(j) = action
            .actor_ids
            .iter()
            .position(|id| !actor_ids.contains(id))
        {
            return Err(invalid(
                format!("actions[{i}].actor_ids[{j}]"),
                "cet acteur n'existe pas dans le fichier.",
            ));
        }
    }
    Ok(())
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Array(_) => "un tableau",
        Value::String(_) => "un texte",
        Value::Number(_) => "un nombre",
        Value::Bool(_) => "un booléen",
        Value::Null => "la valeur null",
        Value::Object(_) => "un objet",
    }
}

/// serde_json's message without its trailing « at line L column C » (we print those ourselves).
fn json_detail(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let detail = text.split(" at line ").next().unwrap_or(&text);
    match e.classify() {
        serde_json::error::Category::Eof => "fin de fichier inattendue".into(),
        _ if detail.contains("recursion limit") => "imbrication trop profonde".into(),
        _ => detail.to_owned(),
    }
}

/// Gives serde's English messages a French lead while keeping the precise part.
fn translate_serde(message: &str) -> String {
    let m = message.split(" at line ").next().unwrap_or(message);
    if let Some(field) = m.strip_prefix("missing field ") {
        format!("champ obligatoire {field} absent.")
    } else if let Some(rest) = m.strip_prefix("invalid type: ") {
        format!("type inattendu ({rest}).")
    } else if let Some(rest) = m.strip_prefix("unknown variant ") {
        format!("valeur inconnue {rest}.")
    } else {
        format!("valeur invalide ({m}).")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
    }

    #[test]
    fn deep_nesting_is_refused_without_crashing() {
        let text = "[".repeat(100_000);
        assert!(matches!(
            parse_plan_file(&text),
            Err(ImportError::NotJson { .. })
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
            .starts_with("Champ « actors[0].engagement » : valeur inconnue"));

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
        let copy = as_new_plan(file.clone(), &mut ids);
        assert_ne!(copy.plan.id, file.plan.id);
        assert_ne!(copy.actors[0].id, file.actors[0].id);
        assert_eq!(copy.actions[0].actor_ids, vec![copy.actors[0].id]);
        assert_eq!(copy.actors[0].name, file.actors[0].name);
    }
}
