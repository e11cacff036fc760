//! Merging two copies of one plan (`atelier_core::merge`): what a colleague's copy adds,
//! changes and deletes on each kind of record, conflicts, links to deleted actors, older
//! files without dates, symmetry, and random edit sequences of two copies (proptest).
#![cfg(not(target_arch = "wasm32"))]

use atelier_core::example::{example_plan, test_day};
use atelier_core::file::{as_new_plan, parse_plan_file, PlanFile};
use atelier_core::ids::CounterIds;
use atelier_core::integrity::unlink_actor;
use atelier_core::merge::plan::Outcome;
use atelier_core::merge::{align, merge, stamp, Choices, Edited, Tick, Tombstone};
use atelier_core::*;
use chrono::DateTime;
use proptest::prelude::*;
use std::collections::HashSet;

fn tick(seconds: i64, by: &str) -> Tick {
    Tick {
        at: DateTime::from_timestamp(1_800_000_000 + seconds, 0).unwrap(),
        by: by.into(),
    }
}

fn original() -> PlanFile {
    example_plan(&mut CounterIds::default(), test_day())
}

/// Edits one record of a copy as the app does: the change, then the ticks of what changed.
fn edit<T: Edited + Clone>(record: &mut T, at: &Tick, change: impl FnOnce(&mut T)) {
    let before = record.clone();
    change(record);
    stamp(&before, record, at);
}

/// Deletes an actor as the app does: unlinked everywhere (ticked), its needs gone, and a
/// tombstone for each record removed.
fn delete_actor(file: &mut PlanFile, id: Id, at: &Tick) {
    let before = file.clone();
    let (_, removed) = unlink_actor(
        id,
        &mut file.plan,
        &mut file.actions,
        &mut file.mobilisations,
        &mut file.needs,
    );
    for (a, old) in file.actions.iter_mut().zip(&before.actions) {
        stamp(old, a, at);
    }
    for (m, old) in file.mobilisations.iter_mut().zip(&before.mobilisations) {
        stamp(old, m, at);
    }
    stamp(&before.plan, &mut file.plan, at);
    file.actors.retain(|a| a.id != id);
    let gone = std::iter::once(id).chain(removed.iter().map(|(_, n)| n.id));
    for id in gone.collect::<Vec<_>>() {
        file.tombstones.push(Tombstone {
            id,
            at: at.at,
            by: at.by.clone(),
        });
    }
}

/// A plan as a comparable value: records sorted by id, the copy's own identity aside.
fn normal(mut file: PlanFile) -> PlanFile {
    file.plan.copied_from = None;
    file.exported_at = None;
    file.actors.sort_by_key(|r| r.id);
    file.actions.sort_by_key(|r| r.id);
    file.mobilisations.sort_by_key(|r| r.id);
    file.needs.sort_by_key(|r| r.id);
    file.snapshots.sort_by_key(|r| r.id);
    file
}

fn both_ways(a: &PlanFile, b: &PlanFile) -> (PlanFile, PlanFile) {
    let none = Choices::default();
    (
        normal(merge(a, b, &none).file),
        normal(merge(b, a, &none).file),
    )
}

#[test]
fn different_fields_of_one_actor_both_survive_and_the_same_field_is_one_conflict() {
    let (mut a, mut b) = (original(), original());
    edit(&mut a.actors[0], &tick(10, "a"), |x| {
        x.engagement = EngagementLevel::Driving
    });
    edit(&mut b.actors[0], &tick(20, "b"), |x| {
        x.description = "Atelier de réemploi".into()
    });
    edit(&mut a.actions[0], &tick(30, "a"), |x| {
        x.title = "Titre A".into()
    });
    edit(&mut b.actions[0], &tick(40, "b"), |x| {
        x.title = "Titre B".into()
    });

    let merged = merge(&a, &b, &Choices::default());
    let actor = &merged.file.actors[0];
    assert_eq!(actor.engagement, EngagementLevel::Driving);
    assert_eq!(actor.description, "Atelier de réemploi");
    assert_eq!(
        merged.file.actions[0].title, "Titre B",
        "the later change wins"
    );
    let conflicts: Vec<_> = merged.report.conflicts().collect();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert_eq!(conflicts[0].1.key, "title");
    assert_eq!(conflicts[0].1.here, "Titre A");

    // The user keeps her own title.
    let mut choices = Choices::default();
    choices
        .fields
        .insert((a.actions[0].id, "title".into()), false);
    assert_eq!(merge(&a, &b, &choices).file.actions[0].title, "Titre A");
}

#[test]
fn additions_changes_and_deletions_of_every_kind_are_listed_and_applied() {
    let (a, mut b) = (original(), original());
    let mut ids = CounterIds::default();
    let t = tick(5, "b");
    // Fresh ids that the example plan does not use.
    let mut new_id = || {
        for _ in 0..1000 {
            ids.new_id();
        }
        ids.new_id()
    };
    let newcomer = Actor::new(new_id(), "Fablab du quartier");
    let sheet = ActionSheet::new(new_id(), "Réparer les ordinateurs", Axis::Support);
    let mob = Mobilisation::new(new_id(), "Webinaire", Circle::Two);
    let need = Need::new(new_id(), newcomer.id, NeedKind::Training);
    b.actors.push(newcomer.clone());
    b.actions.push(sheet.clone());
    b.mobilisations.push(mob.clone());
    b.needs.push(need.clone());
    let gone = b.actions.remove(1);
    b.tombstones.push(Tombstone {
        id: gone.id,
        at: t.at,
        by: "b".into(),
    });
    edit(&mut b.mobilisations[0], &t, |m| {
        m.notes = "Salle réservée".into()
    });
    edit(&mut b.plan, &t, |p| p.name = "Stratégie NR commune".into());

    let merged = merge(&a, &b, &Choices::default());
    assert!(!merged.report.is_empty());
    assert!(merge(&a, &a, &Choices::default()).report.is_empty());
    let outcome = |id: Id| {
        merged
            .report
            .changes
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.outcome.clone())
    };
    for id in [newcomer.id, sheet.id, mob.id, need.id] {
        assert_eq!(outcome(id), Some(Outcome::Added));
    }
    assert_eq!(
        outcome(gone.id),
        Some(Outcome::Deleted { edited_here: false })
    );
    assert_eq!(outcome(b.mobilisations[0].id), Some(Outcome::Changed));
    assert_eq!(outcome(b.plan.id), Some(Outcome::Changed));
    let f = &merged.file;
    assert!(f.actors.iter().any(|x| x.id == newcomer.id));
    assert!(f.needs.iter().any(|x| x.id == need.id));
    assert!(!f.actions.iter().any(|x| x.id == gone.id));
    assert_eq!(f.plan.name, "Stratégie NR commune");
    assert_eq!(f.mobilisations[0].notes, "Salle réservée");
    assert!(f.tombstones.iter().any(|x| x.id == gone.id));
    assert!(
        parse_plan_file(&f.to_json()).is_ok(),
        "the merged plan is valid"
    );

    // Refusing an addition and a deletion.
    let mut choices = Choices::default();
    choices.refused.insert(sheet.id);
    choices.refused.insert(gone.id);
    let refused = merge(&a, &b, &choices).file;
    assert!(!refused.actions.iter().any(|x| x.id == sheet.id));
    assert!(refused.actions.iter().any(|x| x.id == gone.id));
    assert!(!refused.tombstones.iter().any(|x| x.id == gone.id));
}

#[test]
fn a_record_changed_here_and_deleted_there_is_deleted_unless_the_user_keeps_it() {
    let (mut a, mut b) = (original(), original());
    let id = a.actions[2].id;
    b.actions.retain(|x| x.id != id);
    b.tombstones.push(Tombstone {
        id,
        at: tick(10, "b").at,
        by: "b".into(),
    });
    edit(&mut a.actions[2], &tick(20, "a"), |x| {
        x.notes = "Relancer".into()
    });
    let merged = merge(&a, &b, &Choices::default());
    let change = merged.report.changes.iter().find(|c| c.id == id).unwrap();
    assert_eq!(change.outcome, Outcome::Deleted { edited_here: true });
    assert!(!merged.file.actions.iter().any(|x| x.id == id));
    let mut keep = Choices::default();
    keep.refused.insert(id);
    let kept = merge(&a, &b, &keep).file;
    assert_eq!(
        kept.actions.iter().find(|x| x.id == id).unwrap().notes,
        "Relancer"
    );
    // Seen from the other side: deleted here, changed there, stays deleted.
    let back = merge(&b, &a, &Choices::default());
    assert!(!back.file.actions.iter().any(|x| x.id == id));
    assert_eq!(
        back.report
            .changes
            .iter()
            .find(|c| c.id == id)
            .unwrap()
            .outcome,
        Outcome::DeletedHere
    );
}

#[test]
fn an_actor_deleted_there_but_linked_here_after_is_kept_unless_removed() {
    let (mut a, mut b) = (original(), original());
    let actor = a.actors[3].id;
    delete_actor(&mut b, actor, &tick(10, "b"));
    let sheet = a.actions.len() - 1;
    edit(&mut a.actions[sheet], &tick(20, "a"), |x| {
        x.actor_ids.retain(|i| *i != actor);
        x.actor_ids.push(actor)
    });
    let merged = merge(&a, &b, &Choices::default());
    assert!(merged.file.actors.iter().any(|x| x.id == actor));
    let change = merged
        .report
        .changes
        .iter()
        .find(|c| c.id == actor)
        .unwrap();
    assert_eq!(change.outcome, Outcome::KeptForLinks);
    let mut remove = Choices::default();
    remove.refused.insert(actor);
    let removed = merge(&a, &b, &remove).file;
    assert!(!removed.actors.iter().any(|x| x.id == actor));
    assert!(
        removed
            .actions
            .iter()
            .all(|x| !x.actor_ids.contains(&actor)),
        "no link left to the removed actor"
    );
    let (ab, ba) = both_ways(&a, &b);
    assert_eq!(ab, ba);
}

#[test]
fn an_old_file_without_dates_loses_to_any_dated_change() {
    let old = parse_plan_file(include_str!("../../tests/fixtures/plan-v6.json")).unwrap();
    let mut mine = old.clone();
    edit(&mut mine.actors[1], &tick(1, "a"), |x| {
        x.name = "Nouveau nom".into()
    });
    let mut theirs = old.clone();
    theirs.actors[1].name = "Nom sans date".into();
    let merged = merge(&mine, &theirs, &Choices::default());
    assert_eq!(merged.file.actors[1].name, "Nouveau nom");
    let back = merge(&theirs, &mine, &Choices::default());
    assert_eq!(back.file.actors[1].name, "Nouveau nom");
}

#[test]
fn an_anonymised_copy_never_blanks_personal_data_here() {
    let a = original();
    let mut b = original();
    edit(&mut b.actors[0], &tick(3, "b"), |x| {
        x.engagement = EngagementLevel::Aware
    });
    let b = b.anonymised();
    let merged = merge(&a, &b, &Choices::default());
    assert!(merged.report.withheld > 0);
    assert_eq!(merged.file.actors, {
        let mut expected = a.actors.clone();
        expected[0].engagement = EngagementLevel::Aware;
        expected[0].edits = b.actors[0].edits.clone();
        expected
    });
}

#[test]
fn merging_a_second_copy_made_in_the_same_browser() {
    let a = original();
    let mut copy = as_new_plan(a.clone(), [7, 1, 2, 3, 4, 5, 6, 9]);
    edit(&mut copy.actors[0], &tick(1, "a"), |x| {
        x.contact = "02 99 00 00 00".into()
    });
    let aligned = align(&a.plan, copy).unwrap();
    let merged = merge(&a, &aligned, &Choices::default()).file;
    assert_eq!(merged.actors[0].contact, "02 99 00 00 00");
    assert_eq!(merged.plan.id, a.plan.id);
    assert_eq!(merged.actors.len(), a.actors.len(), "no actor doubled");
}

/// One edit a colleague can make on her copy.
#[derive(Clone, Debug)]
enum Op {
    Engagement(usize, u8),
    Describe(usize, u8),
    DeleteActor(usize),
    AddActor(u8),
    LinkActor(usize, usize),
    DeleteSheet(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..40usize, 0..4u8).prop_map(|(i, l)| Op::Engagement(i, l)),
        (0..40usize, any::<u8>()).prop_map(|(i, d)| Op::Describe(i, d)),
        (0..40usize).prop_map(Op::DeleteActor),
        any::<u8>().prop_map(Op::AddActor),
        (0..40usize, 0..40usize).prop_map(|(s, a)| Op::LinkActor(s, a)),
        (0..40usize).prop_map(Op::DeleteSheet),
    ]
}

fn play(file: &mut PlanFile, ops: &[Op], device: &str, ids: &mut CounterIds) {
    for (n, op) in ops.iter().enumerate() {
        let t = tick(n as i64 * 2 + (device == "b") as i64, device);
        let actors = file.actors.len();
        let sheets = file.actions.len();
        match op.clone() {
            Op::Engagement(i, l) if actors > 0 => {
                let level = [
                    EngagementLevel::NotIdentified,
                    EngagementLevel::Aware,
                    EngagementLevel::Committed,
                    EngagementLevel::Driving,
                ][l as usize];
                edit(&mut file.actors[i % actors], &t, |x| x.engagement = level);
            }
            Op::Describe(i, d) if actors > 0 => {
                edit(&mut file.actors[i % actors], &t, |x| {
                    x.description = format!("{device}{d}")
                });
            }
            Op::DeleteActor(i) if actors > 0 => {
                let id = file.actors[i % actors].id;
                delete_actor(file, id, &t);
            }
            Op::AddActor(d) => {
                let mut id = ids.new_id();
                for _ in 0..d {
                    id = ids.new_id();
                }
                file.actors.push(Actor::new(id, format!("{device} {d}")));
            }
            Op::LinkActor(s, a) if actors > 0 && sheets > 0 => {
                let actor = file.actors[a % actors].id;
                edit(&mut file.actions[s % sheets], &t, |x| {
                    if !x.actor_ids.contains(&actor) {
                        x.actor_ids.push(actor)
                    }
                });
            }
            Op::DeleteSheet(s) if sheets > 0 => {
                let gone = file.actions.remove(s % sheets);
                file.tombstones.push(Tombstone {
                    id: gone.id,
                    at: t.at,
                    by: device.into(),
                });
            }
            _ => {}
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn two_copies_edited_at_random_merge_to_one_plan_losing_nothing(
        ops_a in proptest::collection::vec(op(), 0..25),
        ops_b in proptest::collection::vec(op(), 0..25),
    ) {
        let (mut a, mut b) = (original(), original());
        // Each device draws ids of its own.
        let (mut ids_a, mut ids_b) = (CounterIds::default(), CounterIds::default());
        for _ in 0..100_000 { ids_b.new_id(); }
        for _ in 0..50_000 { ids_a.new_id(); }
        play(&mut a, &ops_a, "a", &mut ids_a);
        play(&mut b, &ops_b, "b", &mut ids_b);

        let (ab, ba) = both_ways(&a, &b);
        prop_assert_eq!(&ab, &ba, "merging either way gives the same plan");

        let merged = merge(&a, &b, &Choices::default());
        let kept: HashSet<Id> = merged.file.actors.iter().map(|x| x.id)
            .chain(merged.file.actions.iter().map(|x| x.id)).collect();
        let dead = |f: &PlanFile| -> HashSet<Id> { f.tombstones.iter().map(|t| t.id).collect() };
        let (dead_a, dead_b) = (dead(&a), dead(&b));
        let linked: HashSet<Id> = merged.file.actions.iter()
            .flat_map(|x| x.actor_ids.iter().copied())
            .chain(merged.file.mobilisations.iter().flat_map(|m| m.actor_ids.iter().copied()))
            .chain(merged.file.needs.iter().map(|n| n.actor_id))
            .chain(merged.file.plan.governance.member_ids.iter().copied())
            .collect();
        // No record lost that either side kept (and the other did not delete).
        for (side, other_dead) in [(&a, &dead_b), (&b, &dead_a)] {
            for id in side.actors.iter().map(|x| x.id).chain(side.actions.iter().map(|x| x.id)) {
                if !other_dead.contains(&id) {
                    prop_assert!(kept.contains(&id), "record {id} lost");
                }
            }
        }
        // No deleted record revived, unless a record kept by the merge points at it.
        for id in dead_a.union(&dead_b) {
            if kept.contains(id) {
                prop_assert!(linked.contains(id), "record {id} revived without a link");
            }
        }
        prop_assert!(parse_plan_file(&merged.file.to_json()).is_ok());
    }
}

#[test]
fn an_anonymised_export_of_the_same_plan_brings_nothing_and_keeps_the_closed_years_pilots() {
    let a = original();
    assert!(!a.snapshots.is_empty(), "the example has a closed year");
    let merged = merge(&a, &a.anonymised(), &Choices::default());
    assert!(merged.report.is_empty(), "{:?}", merged.report.changes);
    assert!(merged.report.withheld > 0);
    assert_eq!(normal(merged.file), normal(a));
}

#[test]
fn a_contact_erased_in_a_plain_copy_is_erased_here_too() {
    let a = original();
    let mut b = original();
    assert!(!a.actors[0].contact.is_empty());
    edit(&mut b.actors[0], &tick(5, "b"), |x| x.contact.clear());
    let merged = merge(&a, &b, &Choices::default());
    assert_eq!(merged.report.withheld, 0);
    assert_eq!(merged.file.actors[0].contact, "");
}

#[test]
fn what_changed_only_here_is_not_listed_as_brought_by_an_older_copy() {
    let older = original();
    let mut mine = original();
    edit(&mut mine.actors[2], &tick(8, "a"), |x| {
        x.description = "Ma note".into()
    });
    let merged = merge(&mine, &older, &Choices::default());
    assert!(merged.report.is_empty(), "{:?}", merged.report.changes);
    assert_eq!(merged.file.actors[2].description, "Ma note");
}

#[test]
fn a_choice_to_keep_the_value_here_holds_when_the_default_changes() {
    let (mut a, mut b) = (original(), original());
    edit(&mut a.actors[0], &tick(1, "a"), |x| {
        x.description = "ici".into()
    });
    edit(&mut b.actors[0], &tick(2, "b"), |x| {
        x.description = "copie".into()
    });
    let mut keep = Choices::default();
    keep.fields
        .insert((a.actors[0].id, "description".into()), false);
    // Edited here again after the choice (another tab): the value here is still kept.
    edit(&mut a.actors[0], &tick(3, "a"), |x| {
        x.description = "ici, revu".into()
    });
    assert_eq!(merge(&a, &b, &keep).file.actors[0].description, "ici, revu");
}

#[test]
fn a_copy_with_an_unreadable_key_is_no_copy() {
    let a = original();
    let mut copy = as_new_plan(a.clone(), [1; 8]);
    copy.plan.copied_from.as_mut().unwrap().key = "pas-une-clé".into();
    assert!(!atelier_core::merge::identity::is_copy(&a.plan, &copy.plan));
}

#[test]
fn two_parts_of_the_territory_and_of_the_governance_changed_apart_both_survive() {
    let (mut a, mut b) = (original(), original());
    edit(&mut a.plan, &tick(10, "a"), |p| {
        p.territory.population = Some(421_000);
        p.governance.steering_body = "COPIL A".into();
    });
    edit(&mut b.plan, &tick(20, "b"), |p| {
        p.territory.name = "Démoville Métropole".into();
        p.governance.last_review = chrono::NaiveDate::from_ymd_opt(2026, 11, 30);
    });
    let merged = merge(&a, &b, &Choices::default());
    assert_eq!(merged.report.conflicts().count(), 0, "{:?}", merged.report);
    let plan = &merged.file.plan;
    assert_eq!(plan.territory.population, Some(421_000));
    assert_eq!(plan.territory.name, "Démoville Métropole");
    assert_eq!(plan.governance.steering_body, "COPIL A");
    assert_eq!(plan.governance.last_review, b.plan.governance.last_review);
    let (ab, ba) = both_ways(&a, &b);
    assert_eq!(ab, ba);
}

#[test]
fn two_copies_in_one_browser_editing_one_field_are_a_conflict() {
    let a = original();
    let mut copy = as_new_plan(a.clone(), [7, 1, 2, 3, 4, 5, 6, 9]);
    let mut a = a;
    // One browser, one device id: the copy edited first, the original later.
    edit(&mut copy.actors[0], &tick(1, "same"), |x| {
        x.description = "Dans la copie".into()
    });
    edit(&mut a.actors[0], &tick(2, "same"), |x| {
        x.description = "Dans l'original".into()
    });
    let aligned = align(&a.plan, copy).unwrap();
    let merged = merge(&a, &aligned, &Choices::default());
    let conflicts: Vec<_> = merged.report.conflicts().collect();
    assert_eq!(conflicts.len(), 1, "{:?}", merged.report);
    assert_eq!(conflicts[0].1.there, "Dans la copie");
}

#[test]
fn a_text_emptied_in_an_anonymised_copy_is_taken_only_personal_data_is_withheld() {
    let a = original();
    let mut b = original();
    edit(&mut b.actors[0], &tick(5, "b"), |x| x.description.clear());
    edit(&mut b.actions[0], &tick(5, "b"), |x| x.objectives.clear());
    let b = b.anonymised();
    let merged = merge(&a, &b, &Choices::default()).file;
    assert_eq!(merged.actors[0].description, "");
    assert_eq!(merged.actions[0].objectives, "");
    assert_eq!(merged.actors[0].referent, a.actors[0].referent);
}

#[test]
fn a_copy_holding_an_anonymised_import_takes_the_contacts_without_a_question() {
    let a = original();
    let b = original().anonymised();
    let mut b = b;
    b.anonymised = false; // an export of that copy: nothing says it was anonymised
    let merged = merge(&b, &a, &Choices::default());
    assert_eq!(merged.report.conflicts().count(), 0, "{:?}", merged.report);
    assert_eq!(merged.file.actors, a.actors);
}

#[test]
fn the_same_year_closed_on_both_sides_is_kept_once_and_the_copies_agree() {
    let (mut a, mut b) = (original(), original());
    let closed = |file: &mut PlanFile, id: u8, seconds: i64| {
        let mut snap = file.snapshots[0].clone();
        snap.id = Id::from_random_bytes([id; 16]);
        snap.year = 2026;
        snap.closed_at = tick(seconds, "x").at;
        file.snapshots.push(snap);
    };
    closed(&mut a, 201, 50);
    closed(&mut b, 202, 40);
    let merged = merge(&a, &b, &Choices::default()).file;
    let years: Vec<i32> = merged.snapshots.iter().map(|s| s.year).collect();
    assert_eq!(years.iter().filter(|y| **y == 2026).count(), 1, "{years:?}");
    assert!(
        merged
            .snapshots
            .iter()
            .any(|s| s.id == Id::from_random_bytes([202; 16])),
        "the first closing"
    );
    let (ab, ba) = both_ways(&a, &b);
    assert_eq!(ab, ba);
}

#[test]
fn choices_against_the_defaults_reach_the_other_copy_when_it_merges_back() {
    let (mut a, mut b) = (original(), original());
    edit(&mut a.actors[1], &tick(10, "a"), |x| {
        x.description = "Version A".into()
    });
    edit(&mut b.actors[1], &tick(20, "b"), |x| {
        x.description = "Version B".into()
    });
    let gone = b.actors[3].id;
    delete_actor(&mut b, gone, &tick(21, "b"));
    let added = Actor::new(Id::from_random_bytes([99; 16]), "Fablab B");
    b.actors.push(added.clone());

    // A keeps her wording, keeps the actor B deleted and refuses B's new actor.
    let mut choices = Choices::default();
    choices
        .fields
        .insert((a.actors[1].id, "description".into()), false);
    choices.refused.insert(gone);
    choices.refused.insert(added.id);
    choices.at = Some(tick(100, "a"));
    let merged_a = merge(&a, &b, &choices).file;
    assert_eq!(merged_a.actors[1].description, "Version A");
    assert!(merged_a.actors.iter().any(|x| x.id == gone));
    assert!(!merged_a.actors.iter().any(|x| x.id == added.id));

    // B merges A's result with the defaults: A's choices come with it.
    let back = merge(&b, &merged_a, &Choices::default());
    assert!(back
        .report
        .changes
        .iter()
        .any(|c| c.id == gone && c.outcome == Outcome::KeptThere));
    let merged_b = back.file;
    assert_eq!(merged_b.actors[1].description, "Version A");
    assert!(
        merged_b.actors.iter().any(|x| x.id == gone),
        "kept by A's choice"
    );
    assert!(
        !merged_b.actors.iter().any(|x| x.id == added.id),
        "refused by A"
    );
    assert_eq!(
        normal(merged_b.clone()).actors,
        normal(merged_a.clone()).actors
    );
}

#[test]
fn indicators_and_linked_actors_added_on_each_side_are_both_kept() {
    let (mut a, mut b) = (original(), original());
    let extra_actor = a.actors[5].id;
    edit(&mut a.actions[0], &tick(10, "a"), |x| {
        x.indicators.push(Indicator::new("Indicateur A"));
        x.indicators[0].measures.push(indicator::Measure {
            on: chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
            value: 12.0,
        });
    });
    edit(&mut b.actions[0], &tick(20, "b"), |x| {
        x.indicators.push(Indicator::new("Indicateur B"));
        x.indicators[0].measures.push(indicator::Measure {
            on: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            value: 15.0,
        });
        x.actor_ids.push(extra_actor);
    });
    let merged = merge(&a, &b, &Choices::default());
    let names: Vec<&str> = merged.file.actions[0]
        .indicators
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert!(
        names.contains(&"Indicateur A") && names.contains(&"Indicateur B"),
        "{names:?}"
    );
    assert_eq!(
        merged.file.actions[0].indicators[0].measures.len(),
        a.actions[0].indicators[0].measures.len() + 1
    );
    assert!(merged.file.actions[0].actor_ids.contains(&extra_actor));
    // Shown as a conflict, with both lists put together as the default.
    let conflict = merged
        .report
        .conflicts()
        .find(|(_, f)| f.key == "indicators")
        .unwrap();
    assert!(conflict.1.combined.is_some());
    // The user may still keep one side's list only.
    let mut choices = Choices::default();
    choices
        .fields
        .insert((a.actions[0].id, "indicators".into()), false);
    assert_eq!(
        merge(&a, &b, &choices).file.actions[0].indicators,
        a.actions[0].indicators
    );
    let (ab, ba) = both_ways(&a, &b);
    assert_eq!(ab, ba);
}

#[test]
fn one_sides_list_kept_against_both_lists_reaches_the_other_copy() {
    let (mut a, mut b) = (original(), original());
    edit(&mut a.actions[0], &tick(10, "a"), |x| {
        x.indicators.push(Indicator::new("Indicateur A"))
    });
    edit(&mut b.actions[0], &tick(20, "b"), |x| {
        x.indicators.push(Indicator::new("Indicateur B"))
    });
    // A keeps her list rather than both lists put together (the default).
    let mut choices = Choices::default();
    choices
        .fields
        .insert((a.actions[0].id, "indicators".into()), false);
    choices.at = Some(tick(100, "a"));
    let merged_a = merge(&a, &b, &choices).file;
    assert_eq!(merged_a.actions[0].indicators, a.actions[0].indicators);
    // B merges A's result with the defaults: A's choice comes with it, not both lists again.
    let merged_b = merge(&b, &merged_a, &Choices::default()).file;
    assert_eq!(merged_b.actions[0].indicators, a.actions[0].indicators);
    assert_eq!(normal(merged_b).actions, normal(merged_a).actions);
    // A later change of B's list is a change after the choice: both lists again.
    edit(&mut b.actions[0], &tick(200, "b"), |x| {
        x.indicators.push(Indicator::new("Indicateur B2"))
    });
    let after = merge(&b, &merge(&a, &b, &choices).file, &Choices::default()).file;
    assert_eq!(after.actions[0].indicators.len(), 4, "the three and A's");
}

#[test]
fn an_item_added_here_survives_an_item_removed_there_later() {
    let (mut a, mut b) = (original(), original());
    edit(&mut a.actions[0], &tick(10, "a"), |x| {
        x.indicators.push(Indicator::new("I2"))
    });
    edit(&mut b.actions[0], &tick(20, "b"), |x| {
        x.indicators.pop();
    });
    let merged = merge(&a, &b, &Choices::default()).file;
    assert_eq!(
        merged.actions[0].indicators, a.actions[0].indicators,
        "nothing lost"
    );
    let (ab, ba) = both_ways(&a, &b);
    assert_eq!(ab, ba);
}

#[test]
fn two_new_budget_lines_without_a_label_are_both_kept() {
    let (mut a, mut b) = (original(), original());
    let line = |amount| BudgetLine {
        kind: BudgetKind::Investment,
        label: String::new(),
        amount,
        year: Some(2026),
        actual: None,
    };
    edit(&mut a.actions[0], &tick(10, "a"), |x| {
        x.budget.push(line(1000))
    });
    edit(&mut b.actions[0], &tick(20, "b"), |x| {
        x.budget.push(line(2500))
    });
    let merged = merge(&a, &b, &Choices::default()).file;
    let amounts: Vec<u64> = merged.actions[0].budget.iter().map(|l| l.amount).collect();
    assert!(
        amounts.contains(&1000) && amounts.contains(&2500),
        "{amounts:?}"
    );
}

#[test]
fn an_actor_kept_against_a_deletion_is_not_offered_again_by_a_newer_file() {
    let (a, mut b) = (original(), original());
    let gone = b.actors[3].id;
    delete_actor(&mut b, gone, &tick(21, "b"));
    let mut choices = Choices::default();
    choices.refused.insert(gone);
    choices.at = Some(tick(100, "a"));
    let kept = merge(&a, &b, &choices).file;
    // The colleague edits something else and sends a newer file, still without the actor.
    edit(&mut b.plan, &tick(200, "b"), |p| {
        p.territory.population = Some(1)
    });
    let again = merge(&kept, &b, &Choices::default());
    assert!(
        !again.report.changes.iter().any(|c| c.id == gone),
        "not asked again"
    );
    assert!(again.file.actors.iter().any(|x| x.id == gone));
}

#[test]
fn a_full_copy_of_an_anonymised_import_blanks_nothing_here_and_asks_nothing() {
    let a = original();
    let mut b = original().anonymised();
    b.anonymised = false; // saved from a share link, exported in full
    let merged = merge(&a, &b, &Choices::default());
    assert_eq!(merged.report.conflicts().count(), 0, "{:?}", merged.report);
    assert_eq!(merged.file.actors, a.actors);
}
