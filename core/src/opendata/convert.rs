//! Open-data rows into actors: new ones, and updates of those already in the plan.

use super::{Row, SourceRef};
use crate::provenance::{ActorField, Origin, Stamp};
use crate::{Actor, Family, FoundBy, Id};
use chrono::{DateTime, NaiveDate, Utc};

/// What an actor keeps of `row`'s source: its dataset and id (to update it from a newer file),
/// attribution, SIRET/SIREN and commune, and the file's name and date.
pub fn source_ref(row: &Row, file: &str, file_date: Option<NaiveDate>) -> SourceRef {
    SourceRef {
        dataset: row.dataset,
        id: row.id.clone(),
        attribution: row.attribution.clone(),
        siret: row.siret.clone(),
        commune: row.commune.clone(),
        file: file.to_owned(),
        file_date,
    }
}

/// The stamp of a field taken from `row`'s file at `at`.
fn stamp(row: &Row, file: &str, at: DateTime<Utc>) -> Stamp {
    Stamp {
        at,
        origin: Origin::OpenData {
            dataset: row.dataset,
            file: file.to_owned(),
        },
    }
}

/// A new actor from `row`: its name ([`Row::display_name`]), type, family, subtype, NR action
/// types and description; found by « recherche (données ouvertes) » on `file_date` (the file's
/// date, which the caller gives: its last modification or the day of import); its source kept.
/// Every field set is stamped [`Origin::OpenData`] at `at`; the rest is as [`Actor::new`]
/// leaves it (engagement « non identifié », no referent, no circle).
pub fn to_actor(
    row: &Row,
    id: Id,
    file: &str,
    file_date: Option<NaiveDate>,
    at: DateTime<Utc>,
) -> Actor {
    let mut actor = Actor::new(id, row.display_name());
    actor.actor_type = row.actor_type.clone();
    actor.family = row.family;
    actor.subtype = row.subtype.clone();
    actor.nr_action_types = row.nr_action_types.clone();
    actor.description = row.description.clone();
    actor.found_by = Some(FoundBy::OpenData);
    actor.found_on = file_date;
    actor.source = Some(source_ref(row, file, file_date));
    let set = [
        (ActorField::Name, true),
        (ActorField::ActorType, !actor.actor_type.is_empty()),
        (ActorField::Family, actor.family != Family::Unsorted),
        (ActorField::Subtype, actor.subtype.is_some()),
        (ActorField::NrActionTypes, !actor.nr_action_types.is_empty()),
        (ActorField::Description, !actor.description.is_empty()),
        (ActorField::FoundBy, true),
        (ActorField::FoundOn, file_date.is_some()),
    ];
    for (field, _) in set.iter().filter(|(_, is_set)| *is_set) {
        actor.origins.insert(*field, stamp(row, file, at));
    }
    actor
}

/// `existing` refreshed from `row` (a newer file, or the row the user recognised as this
/// actor). A field takes the row's value when the row has one and the field is either empty
/// or was last set by an import of the same dataset; a field the user set in the app
/// ([`Origin::Typed`]), one read from a census file and one of unknown origin are kept as
/// they are. Changed fields are stamped [`Origin::OpenData`] at `at`; unchanged ones keep
/// their stamp, so an import of the same file changes nothing.
///
/// Family and subtype move together: the family is not changed under a subtype the user
/// chose. Identification (found by, found on) is only filled when empty. The source is set
/// when the actor has none or one of the same dataset; an actor imported from the other
/// dataset keeps its first source (its stamps still name this file).
pub fn update_from(
    existing: &Actor,
    row: &Row,
    file: &str,
    file_date: Option<NaiveDate>,
    at: DateTime<Utc>,
) -> Actor {
    let mut actor = existing.clone();
    let refreshable = |field: ActorField, empty: bool| match existing.origins.get(&field) {
        Some(Stamp {
            origin: Origin::Typed,
            ..
        }) => false,
        Some(Stamp {
            origin: Origin::OpenData { dataset, .. },
            ..
        }) if *dataset == row.dataset => true,
        _ => empty,
    };
    let mut changed: Vec<ActorField> = Vec::new();
    let name = row.display_name();
    if refreshable(ActorField::Name, false) && actor.name != name {
        actor.name = name.to_owned();
        changed.push(ActorField::Name);
    }
    if !row.actor_type.is_empty()
        && refreshable(ActorField::ActorType, actor.actor_type.trim().is_empty())
        && actor.actor_type != row.actor_type
    {
        actor.actor_type = row.actor_type.clone();
        changed.push(ActorField::ActorType);
    }
    // Family and subtype move together: a new family only over a subtype that may change
    // too (or none), and then the row's subtype replaces the old family's.
    let subtype_free = refreshable(ActorField::Subtype, actor.subtype.is_none());
    let family_changes = row.family != Family::Unsorted
        && refreshable(ActorField::Family, actor.family == Family::Unsorted)
        && actor.family != row.family
        && (subtype_free || actor.subtype.is_none());
    if family_changes {
        actor.family = row.family;
        changed.push(ActorField::Family);
    }
    let same_family = actor.family == row.family;
    let new_subtype = subtype_free && (family_changes || (same_family && row.subtype.is_some()));
    if new_subtype && actor.subtype != row.subtype {
        actor.subtype = row.subtype.clone();
        changed.push(ActorField::Subtype);
    }
    if !row.nr_action_types.is_empty()
        && refreshable(ActorField::NrActionTypes, actor.nr_action_types.is_empty())
        && actor.nr_action_types != row.nr_action_types
    {
        actor.nr_action_types = row.nr_action_types.clone();
        changed.push(ActorField::NrActionTypes);
    }
    if !row.description.is_empty()
        && refreshable(ActorField::Description, actor.description.trim().is_empty())
        && actor.description != row.description
    {
        actor.description = row.description.clone();
        changed.push(ActorField::Description);
    }
    let untyped = |field: ActorField| {
        !matches!(
            existing.origins.get(&field),
            Some(Stamp {
                origin: Origin::Typed,
                ..
            })
        )
    };
    if actor.found_by.is_none() && untyped(ActorField::FoundBy) {
        actor.found_by = Some(FoundBy::OpenData);
        changed.push(ActorField::FoundBy);
        if actor.found_on.is_none() && file_date.is_some() && untyped(ActorField::FoundOn) {
            actor.found_on = file_date;
            changed.push(ActorField::FoundOn);
        }
    }
    for field in changed {
        actor.origins.insert(field, stamp(row, file, at));
    }
    let same_dataset = actor
        .source
        .as_ref()
        .is_none_or(|s| s.dataset == row.dataset);
    if same_dataset {
        let mut source = source_ref(row, file, file_date);
        if let Some(old) = &actor.source {
            // Nothing new in the row: the actor stays as it was, file name and date included.
            if old.id == source.id
                && old.attribution == source.attribution
                && old.siret == source.siret
                && old.commune == source.commune
                && actor == *existing
            {
                source = old.clone();
            }
        }
        actor.source = Some(source);
    }
    actor
}
