//! The whole plan: each kind of record merged by id, deletions and links settled, and a
//! [`Report`] of what the other copy brings — the merge preview.

use super::fields::{chosen_list, combine, differences, FieldDiff, Side};
use super::{Edited, Tombstone};
use crate::file::migrations::RecordKind;
use crate::file::PlanFile;
use crate::snapshot::YearSnapshot;
use crate::{ActionSheet, Actor, Id, Mobilisation, Need, Plan};
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// What the merge does to one record, as the preview lists it.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Only the other copy has it: added.
    Added,
    /// Both have it and some fields differ (see [`RecordChange::fields`]).
    Changed,
    /// The other copy deleted it: deleted. `edited_here`: it was changed here after that.
    Deleted { edited_here: bool },
    /// Deleted here, but changed in the other copy after that: stays deleted.
    DeletedHere,
    /// An actor deleted on one side that a record kept by the merge still points at: kept.
    KeptForLinks,
    /// Deleted here, but the other copy's user chose to keep it when merging this deletion
    /// (see [`KEPT`]): brought back.
    KeptThere,
}

/// The key of the tick a record gets when the user keeps it against a deletion from the
/// other copy: not a field, a mark later than that deletion, so that the other copy learns
/// of the choice when it merges back.
pub const KEPT: &str = "kept";

/// One record the merge adds, changes or deletes.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordChange {
    pub kind: RecordKind,
    pub id: Id,
    /// The record's name as the user knows it (actor's name, fiche's title…).
    pub label: String,
    pub outcome: Outcome,
    /// For [`Outcome::Changed`]: the fields that differ.
    pub fields: Vec<FieldDiff>,
}

/// The preview: every record the merge touches, in kind order (plan, actors, fiches,
/// mobilisations, needs, closed years).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub changes: Vec<RecordChange>,
    /// Fields an anonymised copy withheld (left blank), whose values here are kept.
    pub withheld: usize,
}

impl Report {
    /// Fields changed on both sides (or never dated) that differ.
    pub fn conflicts(&self) -> impl Iterator<Item = (&RecordChange, &FieldDiff)> {
        self.changes
            .iter()
            .flat_map(|c| c.fields.iter().map(move |f| (c, f)))
            .filter(|(_, f)| f.conflict)
    }

    /// Whether the other copy brings nothing.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// What the user changed from the defaults.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Choices {
    /// Conflicts the user settled, by (record id, field key): `true` takes the other copy's
    /// value, `false` keeps the one here — whatever the default, which may change if either
    /// side is edited before the merge is applied.
    pub fields: BTreeMap<(Id, String), bool>,
    /// Records whose outcome is refused: an addition not made, a deletion not made (the
    /// record is kept, or revived from the other copy), an actor kept for its links deleted
    /// after all (its links are then removed).
    pub refused: BTreeSet<Id>,
    /// When and where the choices are applied (`None` for a preview). A choice against the
    /// default is then dated, so that the other copy takes it by default when it merges
    /// this one back: a value kept here gets this tick, a refused addition a tombstone, a
    /// refused deletion a [`KEPT`] mark.
    pub at: Option<super::Tick>,
}

/// The merged plan and the preview of how it was reached.
pub struct Merged {
    pub file: PlanFile,
    pub report: Report,
}

/// A record kind as the merge sees it.
trait Kind: Edited + DeserializeOwned + Clone {
    const KIND: RecordKind;
    fn id(&self) -> Id;
    fn label(&self) -> String;
}

macro_rules! kind {
    ($t:ty, $kind:expr, |$r:ident| $label:expr) => {
        impl Kind for $t {
            const KIND: RecordKind = $kind;
            fn id(&self) -> Id {
                self.id
            }
            fn label(&self) -> String {
                let $r = self;
                $label
            }
        }
    };
}
kind!(Plan, RecordKind::Plan, |r| r.name.clone());
kind!(Actor, RecordKind::Actor, |r| r.name.clone());
kind!(ActionSheet, RecordKind::Action, |r| r.title.clone());
kind!(Mobilisation, RecordKind::Mobilisation, |r| {
    crate::kit::format_label(&r.format).into()
});
kind!(Need, RecordKind::Need, |r| if r.description.is_empty() {
    r.kind.label().to_owned()
} else {
    format!("{} — {}", r.kind.label(), r.description)
});
kind!(YearSnapshot, RecordKind::Snapshot, |r| r.year.to_string());

/// Both copies' state and the user's choices, shared by every kind.
struct Context<'a> {
    choices: &'a Choices,
    side: Side,
    /// Deleted records, by id, of each side (those it no longer holds).
    tomb_here: HashMap<Id, &'a Tombstone>,
    tomb_there: HashMap<Id, &'a Tombstone>,
    report: Report,
    /// Tombstones of additions the user refused (dated by [`Choices::at`]).
    refused_added: Vec<Tombstone>,
}

impl Context<'_> {
    /// Merges one record present on both sides.
    fn both<T: Kind>(&mut self, here: &T, there: &T) -> T {
        let mut fields = differences(here, there, self.side);
        let chosen = |f: &FieldDiff| {
            self.choices
                .fields
                .get(&(here.id(), f.key.clone()))
                .copied()
        };
        let take: Vec<&str> = fields
            .iter()
            .filter(|f| !f.withheld && (f.combined.is_none() || chosen(f).is_some()))
            .filter(|f| chosen(f).unwrap_or(f.theirs_by_default))
            .map(|f| f.key.as_str())
            .collect();
        // Lists put together (the default of a conflict on a list) are a new value: dated
        // now when applied, else by the later of the two changes (undated if neither is).
        let put: Vec<_> = fields
            .iter()
            .filter(|f| chosen(f).is_none())
            .filter_map(|f| {
                let value = f.combined.clone()?;
                let later = f.here_tick.clone().max(f.there_tick.clone());
                Some((f.key.clone(), value, self.choices.at.clone().or(later)))
            })
            .collect();
        let mut merged = combine(here, there, &take, put);
        // A value kept here against the later one there is dated now, and one side's list
        // chosen over both lists put together is marked: the other copy will follow the
        // choice when it merges this one back.
        if let Some(at) = &self.choices.at {
            for f in fields.iter().filter(|f| !f.withheld) {
                let choice = chosen(f);
                if f.combined.is_some() && choice.is_some() {
                    merged.edits_mut().insert(chosen_list(&f.key), at.clone());
                }
                if f.theirs_by_default && choice == Some(false) {
                    merged.edits_mut().insert(f.key.clone(), at.clone());
                }
            }
        }
        // What the other copy brings: its changes and the conflicts, not what only changed
        // here (kept anyway) nor what it withheld (counted apart).
        self.report.withheld += fields.iter().filter(|f| f.withheld).count();
        fields.retain(|f| f.theirs_by_default || f.conflict);
        if !fields.is_empty() {
            self.note(here, Outcome::Changed, fields);
        }
        merged
    }

    fn note<T: Kind>(&mut self, record: &T, outcome: Outcome, fields: Vec<FieldDiff>) {
        self.report.changes.push(RecordChange {
            kind: T::KIND,
            id: record.id(),
            label: record.label(),
            outcome,
            fields,
        });
    }

    /// Merges one kind. `linked`: actors that records kept by the merge point at (empty for
    /// other kinds): a deleted one is kept.
    fn list<T: Kind>(&mut self, here: &[T], there: &[T], linked: &HashSet<Id>) -> Vec<T> {
        let there_by_id: HashMap<Id, &T> = there.iter().map(|r| (r.id(), r)).collect();
        let here_ids: HashSet<Id> = here.iter().map(Kind::id).collect();
        let mut out = Vec::with_capacity(here.len());
        for h in here {
            if let Some(t) = there_by_id.get(&h.id()) {
                let merged = self.both(h, t);
                out.push(merged);
            } else if let Some(tomb) = self.tomb_there.get(&h.id()).copied() {
                // Already kept here against that very deletion: decided, not asked again.
                if h.edits().get(KEPT).is_some_and(|k| k.at > tomb.at) {
                    out.push(h.clone());
                    continue;
                }
                let edited_here = h.edits().values().any(|k| k.at > tomb.at);
                if self.settle(h, linked, Outcome::Deleted { edited_here }) {
                    let mut kept = h.clone();
                    // Kept against the deletion by the user's choice: marked, so that the
                    // other copy brings it back when it merges this one.
                    if let (Some(at), false) = (&self.choices.at, linked.contains(&h.id())) {
                        kept.edits_mut().insert(KEPT.into(), at.clone());
                    }
                    out.push(kept);
                }
            } else {
                out.push(h.clone());
            }
        }
        for t in there.iter().filter(|t| !here_ids.contains(&t.id())) {
            let refused = self.choices.refused.contains(&t.id());
            let Some(tomb) = self.tomb_here.get(&t.id()).copied() else {
                if !refused {
                    out.push(t.clone());
                } else if let Some(at) = &self.choices.at {
                    self.refused_added.push(Tombstone {
                        id: t.id(),
                        at: at.at,
                        by: at.by.clone(),
                    });
                }
                self.note(t, Outcome::Added, Vec::new());
                continue;
            };
            let kept_there = t.edits().get(KEPT).is_some_and(|k| k.at > tomb.at);
            if kept_there && !linked.contains(&t.id()) {
                self.note(t, Outcome::KeptThere, Vec::new());
                if !refused {
                    out.push(t.clone());
                }
                continue;
            }
            let edited_there = t.edits().values().any(|k| k.at > tomb.at);
            if (linked.contains(&t.id()) || edited_there)
                && self.settle(t, linked, Outcome::DeletedHere)
            {
                out.push(t.clone());
            }
        }
        out
    }

    /// Notes a deletion (or a deleted actor kept for its links) and says whether the record
    /// stays, after the user's choice.
    fn settle<T: Kind>(&mut self, record: &T, linked: &HashSet<Id>, deleted: Outcome) -> bool {
        let refused = self.choices.refused.contains(&record.id());
        let (outcome, kept) = if linked.contains(&record.id()) {
            (Outcome::KeptForLinks, !refused)
        } else {
            (deleted, refused)
        };
        self.note(record, outcome, Vec::new());
        kept
    }
}

/// Each side's closed years, with one snapshot per year: when both copies closed the same
/// year, the first closing (then the smaller id) is kept on both sides, so that the two
/// copies agree. The one here that gives way is listed as deleted (the user may keep it);
/// the one there is simply not added.
fn one_per_year(
    cx: &mut Context,
    here: &PlanFile,
    there: &PlanFile,
) -> (Vec<YearSnapshot>, Vec<YearSnapshot>) {
    let refused = &cx.choices.refused;
    let mut first: BTreeMap<i32, (chrono::DateTime<chrono::Utc>, Id)> = BTreeMap::new();
    let there_offered = there.snapshots.iter().filter(|s| !refused.contains(&s.id));
    for s in here.snapshots.iter().chain(there_offered) {
        let key = (s.closed_at, s.id);
        first
            .entry(s.year)
            .and_modify(|k| *k = (*k).min(key))
            .or_insert(key);
    }
    let wins = |s: &YearSnapshot| first.get(&s.year).is_none_or(|k| k.1 == s.id);
    let mut kept_here = Vec::with_capacity(here.snapshots.len());
    for s in &here.snapshots {
        let shared = there.snapshots.iter().any(|t| t.id == s.id);
        if wins(s) || shared {
            kept_here.push(s.clone());
        } else {
            cx.note(s, Outcome::Deleted { edited_here: false }, Vec::new());
            if refused.contains(&s.id) {
                kept_here.push(s.clone());
            }
        }
    }
    let kept_there = there
        .snapshots
        .iter()
        .filter(|t| wins(t) || here.snapshots.iter().any(|s| s.id == t.id))
        .cloned()
        .collect();
    (kept_here, kept_there)
}

/// The ids of every record `file` holds.
pub fn live(file: &PlanFile) -> HashSet<Id> {
    file.actors
        .iter()
        .map(|r| r.id)
        .chain(file.actions.iter().map(|r| r.id))
        .chain(file.mobilisations.iter().map(|r| r.id))
        .chain(file.needs.iter().map(|r| r.id))
        .chain(file.snapshots.iter().map(|r| r.id))
        .collect()
}

/// Ids of the records a side still holds are not deleted there, whatever an old tombstone
/// says (an undone delete puts the record back and leaves the tombstone).
fn deleted(file: &PlanFile) -> HashMap<Id, &Tombstone> {
    let live = live(file);
    file.tombstones
        .iter()
        .filter(|t| !live.contains(&t.id))
        .map(|t| (t.id, t))
        .collect()
}

/// Merges `there` (a copy of the same plan, ids already aligned by
/// [`super::identity::align`]) into `here`, with the user's `choices` (the defaults when
/// empty). The merged file keeps `here`'s plan id and copy origin; its tombstones are both
/// sides', but for records it holds. Pure: the same inputs give the same plan.
pub fn merge(here: &PlanFile, there: &PlanFile, choices: &Choices) -> Merged {
    let here = &completed(here, there);
    let there = &withhold(here, there);
    let mut cx = Context {
        choices,
        side: Side {
            anonymised: there.anonymised,
            other_copy: here.plan.copied_from != there.plan.copied_from,
        },
        tomb_here: deleted(here),
        tomb_there: deleted(there),
        report: Report::default(),
        refused_added: Vec::new(),
    };
    let none = HashSet::new();
    let plan = cx.both(&here.plan, &there.plan);
    let plan_changes = std::mem::take(&mut cx.report.changes);
    let actions = cx.list(&here.actions, &there.actions, &none);
    let mobilisations = cx.list(&here.mobilisations, &there.mobilisations, &none);
    let needs = cx.list(&here.needs, &there.needs, &none);
    let (here_years, there_years) = one_per_year(&mut cx, here, there);
    let snapshots = cx.list(&here_years, &there_years, &none);
    let later_changes = std::mem::take(&mut cx.report.changes);
    let linked: HashSet<Id> = actions
        .iter()
        .flat_map(|a| a.actor_ids.iter().copied())
        .chain(
            mobilisations
                .iter()
                .flat_map(|m| m.actor_ids.iter().copied()),
        )
        .chain(needs.iter().map(|n| n.actor_id))
        .chain(plan.governance.member_ids.iter().copied())
        .collect();
    let actors = cx.list(&here.actors, &there.actors, &linked);
    let mut report = Report {
        changes: plan_changes,
        withheld: cx.report.withheld,
    };
    report.changes.append(&mut cx.report.changes);
    report.changes.extend(later_changes);

    let mut file = PlanFile::new(plan, actors, actions, here.exported_at);
    file.mobilisations = mobilisations;
    file.needs = needs;
    file.snapshots = snapshots;
    file.tombstones = tombstones(here, there);
    file.tombstones.append(&mut cx.refused_added);
    file.drop_dangling_links();
    let live = live(&file);
    file.tombstones.retain(|t| !live.contains(&t.id));
    Merged { file, report }
}

/// `there` with what is not the other copy's to give replaced by the values here: the plan's
/// name when the two are different plans of one original (the name tells them apart in « Mes
/// plans »), and, from an anonymised copy, the steering body's internal members and closed
/// years (kept with their pilots here; there they were left blank, not erased).
fn withhold(here: &PlanFile, there: &PlanFile) -> PlanFile {
    let mut there = there.clone();
    if here.plan.copied_from != there.plan.copied_from {
        there.plan.name.clone_from(&here.plan.name);
    }
    if there.anonymised {
        let members = &here.plan.governance.internal_members;
        there.plan.governance.internal_members.clone_from(members);
    }
    for snap in &mut there.snapshots {
        if there.anonymised || snap.withheld {
            if let Some(mine) = here.snapshots.iter().find(|s| s.id == snap.id) {
                *snap = mine.clone();
            }
        }
    }
    there
}

/// `here` with its closed years that an anonymised import left without pilots (`withheld`)
/// completed from the other copy, when it has them: the pilots were withheld, not changed.
fn completed(here: &PlanFile, there: &PlanFile) -> PlanFile {
    let mut here = here.clone();
    for snap in here.snapshots.iter_mut().filter(|s| s.withheld) {
        if let Some(full) = there
            .snapshots
            .iter()
            .find(|t| t.id == snap.id && !t.withheld)
        {
            *snap = full.clone();
        }
    }
    here
}

/// Both sides' tombstones, one per id (the later), in id order.
fn tombstones(here: &PlanFile, there: &PlanFile) -> Vec<Tombstone> {
    let mut by_id: std::collections::BTreeMap<Id, Tombstone> = Default::default();
    for t in here.tombstones.iter().chain(&there.tombstones) {
        let later = by_id
            .get(&t.id)
            .is_none_or(|old| (&old.at, &old.by) < (&t.at, &t.by));
        if later {
            by_id.insert(t.id, t.clone());
        }
    }
    by_id.into_values().collect()
}
