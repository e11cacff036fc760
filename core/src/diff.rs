//! What an incoming version of an actor would change in the stored one, field by field — the
//! one module every import that updates actors reads (a census re-imported, open data,
//! spreadsheets, and later the merging of two copies). It also tells which of those fields
//! the user set in the app since (see [`crate::provenance`]): an import keeps them unless the
//! user picks the file's value.

use crate::provenance::{ActorField, Origin, Stamp};
use crate::text::fold;
use crate::Actor;

/// One field an import would change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub field: ActorField,
    /// The stored value and the incoming one, as the UI writes them (display language).
    pub old: String,
    pub new: String,
    /// The stored value was typed or chosen in the app: an import keeps it unless told
    /// otherwise.
    pub set_in_app: bool,
}

/// Whether `field` of `actor` was last set in the app (its stamp says « typed »).
pub fn set_in_app(actor: &Actor, field: ActorField) -> bool {
    actor
        .origins
        .get(&field)
        .is_some_and(|s| s.origin == Origin::Typed)
}

/// Whether both actors hold the same value in `field`. Texts compare as written, except the
/// actor type, which compares folded (« Université » and « universite » are one type).
pub fn same(a: &Actor, b: &Actor, field: ActorField) -> bool {
    use ActorField::*;
    match field {
        Name => a.name == b.name,
        ActorType => fold(&a.actor_type) == fold(&b.actor_type),
        Family => a.family == b.family,
        Subtype => a.subtype == b.subtype,
        NrActionTypes => a.nr_action_types == b.nr_action_types,
        Description => a.description == b.description,
        Engagement => a.engagement == b.engagement,
        Referent => a.referent == b.referent,
        Contact => a.contact == b.contact,
        Local => a.local == b.local,
        PartnerFunder => a.partner_funder == b.partner_funder,
        FoundBy => a.found_by == b.found_by,
        FoundOn => a.found_on == b.found_on,
        Relevance => a.relevance == b.relevance,
        Circle => a.circle == b.circle,
    }
}

/// Copies `field` from `from` into `to`.
pub fn copy(from: &Actor, to: &mut Actor, field: ActorField) {
    use ActorField::*;
    match field {
        Name => to.name = from.name.clone(),
        ActorType => to.actor_type = from.actor_type.clone(),
        Family => to.family = from.family,
        Subtype => to.subtype = from.subtype.clone(),
        NrActionTypes => to.nr_action_types = from.nr_action_types.clone(),
        Description => to.description = from.description.clone(),
        Engagement => to.engagement = from.engagement,
        Referent => to.referent = from.referent.clone(),
        Contact => to.contact = from.contact.clone(),
        Local => to.local = from.local,
        PartnerFunder => to.partner_funder = from.partner_funder,
        FoundBy => to.found_by = from.found_by,
        FoundOn => to.found_on = from.found_on,
        Relevance => to.relevance = from.relevance,
        Circle => to.circle = from.circle,
    }
}

/// `field` of `actor` as the UI writes it, in the display language (empty when unset).
pub fn display(actor: &Actor, field: ActorField) -> String {
    use ActorField::*;
    let yes_no = |b: bool| crate::i18n::t(if b { "domain.yes" } else { "domain.no" });
    match field {
        Name => actor.name.clone(),
        ActorType => actor.actor_type.clone(),
        Family => actor.family.label().to_owned(),
        Subtype => actor
            .subtype
            .as_ref()
            .map(|s| s.label().to_owned())
            .unwrap_or_default(),
        NrActionTypes => actor.nr_action_types.join(", "),
        Description => actor.description.clone(),
        Engagement => actor.engagement.label().to_owned(),
        Referent => actor.referent.clone(),
        Contact => actor.contact.clone(),
        Local => actor.local.map(yes_no).unwrap_or_default().to_owned(),
        PartnerFunder => yes_no(actor.partner_funder).to_owned(),
        FoundBy => actor
            .found_by
            .map(|f| f.label())
            .unwrap_or_default()
            .to_owned(),
        FoundOn => actor
            .found_on
            .map(crate::text::short_date)
            .unwrap_or_default(),
        Relevance => actor
            .relevance
            .map(|r| r.label())
            .unwrap_or_default()
            .to_owned(),
        Circle => actor
            .circle
            .map(|c| c.number().to_string())
            .unwrap_or_default(),
    }
}

/// The fields among `fields` whose value differs between `existing` and `incoming`, with
/// both values as the UI writes them, in the order of `fields`.
pub fn actor_changes(
    existing: &Actor,
    incoming: &Actor,
    fields: &[ActorField],
) -> Vec<FieldChange> {
    fields
        .iter()
        .filter(|&&f| !same(existing, incoming, f))
        .map(|&field| FieldChange {
            field,
            old: display(existing, field),
            new: display(incoming, field),
            set_in_app: set_in_app(existing, field),
        })
        .collect()
}

/// Every field whose value differs between two versions of an actor (an edit in the app).
pub fn changed_fields(before: &Actor, after: &Actor) -> Vec<ActorField> {
    ActorField::ALL
        .into_iter()
        .filter(|&f| !same(before, after, f))
        .collect()
}

/// Stamps `fields` of `actor` with `stamp`.
pub fn stamp(actor: &mut Actor, fields: &[ActorField], stamp: &Stamp) {
    for &field in fields {
        actor.origins.insert(field, stamp.clone());
    }
}

/// Updates `existing` with `incoming`'s values for `fields`, stamped `stamp`, except the
/// fields set in the app — unless they are in `take_anyway` (the user chose the file's value
/// for them). Returns the fields it changed.
pub fn apply(
    existing: &mut Actor,
    incoming: &Actor,
    fields: &[ActorField],
    take_anyway: &[ActorField],
    with: &Stamp,
) -> Vec<ActorField> {
    let changed: Vec<ActorField> = fields
        .iter()
        .copied()
        .filter(|&f| !same(existing, incoming, f))
        .filter(|f| !set_in_app(existing, *f) || take_anyway.contains(f))
        .collect();
    for &field in &changed {
        copy(incoming, existing, field);
    }
    stamp(existing, &changed, with);
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EngagementLevel, Id};
    use chrono::DateTime;

    fn stamp_of(origin: Origin) -> Stamp {
        Stamp {
            at: DateTime::from_timestamp(1_790_000_000, 0).unwrap(),
            origin,
        }
    }

    #[test]
    fn an_import_keeps_what_the_user_set_in_the_app_and_says_so() {
        let mut stored = Actor::new(Id::from_random_bytes([1; 16]), "Envie 35");
        stored.engagement = EngagementLevel::Driving;
        stored.description = "Reconditionnement".into();
        stamp(
            &mut stored,
            &[ActorField::Engagement],
            &stamp_of(Origin::Typed),
        );
        let mut file = stored.clone();
        file.engagement = EngagementLevel::Committed;
        file.description = "Reconditionnement et collecte".into();
        let fields = [
            ActorField::Engagement,
            ActorField::Description,
            ActorField::Name,
        ];

        let changes = actor_changes(&stored, &file, &fields);
        assert_eq!(changes.len(), 2, "the name is the same");
        assert_eq!(changes[0].field, ActorField::Engagement);
        assert_eq!(
            (changes[0].old.as_str(), changes[0].new.as_str()),
            ("Moteur", "Engagé")
        );
        assert!(changes[0].set_in_app);
        assert!(!changes[1].set_in_app);

        let from_file = stamp_of(Origin::File {
            file: "recensement.csv".into(),
        });
        let mut kept = stored.clone();
        let changed = apply(&mut kept, &file, &fields, &[], &from_file);
        assert_eq!(changed, vec![ActorField::Description]);
        assert_eq!(
            kept.engagement,
            EngagementLevel::Driving,
            "typed in the app"
        );
        assert_eq!(kept.description, file.description);
        assert_eq!(kept.origins[&ActorField::Description], from_file);

        let mut taken = stored.clone();
        apply(
            &mut taken,
            &file,
            &fields,
            &[ActorField::Engagement],
            &from_file,
        );
        assert_eq!(
            taken.engagement,
            EngagementLevel::Committed,
            "the user chose the file's"
        );
    }

    #[test]
    fn an_edit_changes_exactly_the_fields_it_touched() {
        let before = Actor::new(Id::from_random_bytes([2; 16]), "Repair café");
        let mut after = before.clone();
        after.set_actor_type("Université");
        after.local = Some(true);
        assert_eq!(
            changed_fields(&before, &after),
            vec![
                ActorField::ActorType,
                ActorField::Family,
                ActorField::Subtype,
                ActorField::Local
            ]
        );
    }
}
