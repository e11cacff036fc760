//! Application state: the open plan held in signals, and the commands that change it.
//!
//! Views read the signals and call commands; they never touch storage. Each command updates the
//! signals and writes exactly the records it changed (autosave: there is no save button). A
//! failed write leaves the screen as the user left it and raises an error notice, so nothing
//! typed is lost silently.
//!
//! `plans.rs` holds the commands on whole plans (create, import, replace, backups, rename,
//! duplicate, delete); this file the signals and the commands on records.

mod plans;

use crate::browser::{self, settings};
use crate::route::Route;
use crate::storage::{Backup, Db, LoadedPlan, RawPlan, Record, StorageError, Write};
use crate::sync::{self, Change};
use atelier_core::diff;
use atelier_core::file::PlanFile;
use atelier_core::i18n::{t, tf, tn};
use atelier_core::integrity::{unlink_actor, ActorLinks};
use atelier_core::merge::Tombstone;
use atelier_core::provenance::{Origin, Stamp};
use atelier_core::snapshot::YearSnapshot;
use atelier_core::{ActionSheet, Actor, Id, Mobilisation, Need, Plan, PlanSummary};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use std::sync::Arc;

thread_local! {
    /// The open database; `None` until [`AppState::start`] has opened it.
    static DB: RefCell<Option<Rc<Db>>> = const { RefCell::new(None) };
}

thread_local! {
    /// What was deleted from the open plan (« tombstones », see `core::merge`): never shown,
    /// only written into plan files and read by a merge, so a plain value rather than a signal.
    static TOMBSTONES: RefCell<Vec<Tombstone>> = const { RefCell::new(Vec::new()) };
}

pub(super) fn db() -> Option<Rc<Db>> {
    DB.with(|d| d.borrow().clone())
}

/// What a notice is about, which sets its colour and how it is announced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Success,
    Error,
}

/// A message at the top of the screen, announced to screen readers, possibly with an undo.
#[derive(Clone, Debug)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
    /// One line per problem (import errors), shown as a list.
    pub details: Vec<String>,
    /// Shows « Annuler la suppression », which undoes the latest of [`AppState::undos`].
    pub undo: bool,
    /// The screen this message is for, when it is raised together with a move to that screen:
    /// the move must not clear it.
    pub shown_on: Option<Route>,
}

impl Notice {
    pub fn success(text: impl Into<String>) -> Self {
        Notice {
            kind: NoticeKind::Success,
            text: text.into(),
            details: Vec::new(),
            undo: false,
            shown_on: None,
        }
    }

    pub fn error(text: impl Into<String>, details: Vec<String>) -> Self {
        Notice {
            kind: NoticeKind::Error,
            text: text.into(),
            details,
            undo: false,
            shown_on: None,
        }
    }
}

/// What « Annuler » puts back after a delete: a closure that re-inserts the deleted records
/// and their links (each written again), and the record to focus afterwards.
#[derive(Clone)]
pub struct Undo {
    pub(super) focus: Id,
    pub(super) restore: Arc<dyn Fn(AppState) + Send + Sync>,
    /// The undo button's text when it is not « Annuler la suppression » (a merge).
    pub label: Option<String>,
    /// The undo puts a whole former plan back (a merge, an import): offered only until the
    /// next edit, which it would otherwise throw away.
    pub replaces_plan: bool,
}

impl Undo {
    /// Puts the whole plan `before` back (after a merge or an import), as a replacement with
    /// its own automatic backup whose reason is the message `reason`; `label` is the button's
    /// text. Withdrawn at the next edit (see [`Undo::replaces_plan`]).
    pub(super) fn whole_plan(before: PlanFile, label: &str, reason: &'static str) -> Undo {
        Undo {
            focus: before.plan.id,
            label: Some(label.to_owned()),
            replaces_plan: true,
            restore: Arc::new(move |state: AppState| {
                state.replace_open_plan(before.clone(), t(reason).to_owned())
            }),
        }
    }
}

/// A record kind the state holds in a signal: actors, fiches action, mobilisations, needs.
/// Every edit ticks the fields it changed (`core::merge::stamp`), so copies can merge.
pub trait Held: Record + atelier_core::merge::Edited + Send + Sync {
    /// The signal holding the open plan's records of this kind.
    fn list(state: AppState) -> RwSignal<Vec<Self>>;
    /// The message shown after deleting it, e.g. « Fiche action « X » supprimée. ».
    fn deleted(&self) -> String;
    /// Whether the kind records when and how each field was set (`core::provenance`).
    const STAMPED: bool = false;
    /// Records in `after` which fields an edit in the app changed from `before`, at `at`.
    fn stamp_edit(_before: &Self, _after: &mut Self, _at: chrono::DateTime<chrono::Utc>) {}
    /// Records that what a record created in the app holds was typed there, at `at`.
    fn stamp_new(&mut self, _at: chrono::DateTime<chrono::Utc>) {}
}

impl Held for Actor {
    fn list(state: AppState) -> RwSignal<Vec<Self>> {
        state.actors
    }
    fn deleted(&self) -> String {
        tf("state.deleted.actor", &[("name", &self.name)])
    }
    const STAMPED: bool = true;
    fn stamp_edit(before: &Self, after: &mut Self, at: chrono::DateTime<chrono::Utc>) {
        let fields = diff::changed_fields(before, after);
        let typed = Stamp {
            at,
            origin: Origin::Typed,
        };
        diff::stamp(after, &fields, &typed);
    }
    fn stamp_new(&mut self, at: chrono::DateTime<chrono::Utc>) {
        // The fields of a blank actor aside.
        Self::stamp_edit(&Actor::new(self.id, ""), self, at);
    }
}

impl Held for ActionSheet {
    fn list(state: AppState) -> RwSignal<Vec<Self>> {
        state.actions
    }
    fn deleted(&self) -> String {
        tf("state.deleted.action", &[("title", &self.title)])
    }
}

impl Held for Mobilisation {
    fn list(state: AppState) -> RwSignal<Vec<Self>> {
        state.mobilisations
    }
    fn deleted(&self) -> String {
        tf(
            "state.deleted.mobilisation",
            &[("format", &atelier_core::kit::format_label(&self.format))],
        )
    }
}

impl Held for YearSnapshot {
    fn list(state: AppState) -> RwSignal<Vec<Self>> {
        state.snapshots
    }
    fn deleted(&self) -> String {
        tf("state.deleted.snapshot", &[("year", &self.year)])
    }
}

impl Held for Need {
    fn list(state: AppState) -> RwSignal<Vec<Self>> {
        state.needs
    }
    fn deleted(&self) -> String {
        tf("state.deleted.need", &[("kind", &self.kind.label())])
    }
}

/// Signals of the app, shared through context. `Copy`: pass it around freely.
#[derive(Clone, Copy)]
pub struct AppState {
    pub route: RwSignal<Route>,
    /// What the plan list shows of every stored plan.
    pub plans: RwSignal<Vec<PlanSummary>>,
    /// The open plan, if any.
    pub plan: RwSignal<Option<Plan>>,
    pub actors: RwSignal<Vec<Actor>>,
    pub actions: RwSignal<Vec<ActionSheet>>,
    pub mobilisations: RwSignal<Vec<Mobilisation>>,
    pub needs: RwSignal<Vec<Need>>,
    /// Closed years of the open plan (« années closes »), oldest first.
    pub snapshots: RwSignal<Vec<YearSnapshot>>,
    /// The open plan's automatic backups, newest first (read by [`AppState::load_backups`]).
    pub backups: RwSignal<Vec<Backup>>,
    /// A plan file read and validated, waiting for the user to choose « nouveau plan » or
    /// « remplacer » (from the file picker or a file dropped anywhere on the window), with
    /// the file's name.
    pub pending_import: RwSignal<Option<(String, PlanFile)>>,
    /// A copy of the open plan (file or share link) the user chose to merge, with its name:
    /// the merge screen (`#/fusion`) previews it.
    pub pending_merge: RwSignal<Option<(String, PlanFile)>>,
    pub notice: RwSignal<Option<Notice>>,
    /// Deletes that can still be undone, latest last. Cleared when the user leaves the screen.
    pub undos: RwSignal<Vec<Undo>>,
    /// True after a write failed, until one succeeds: the header then warns instead of saying
    /// « Enregistré ».
    pub unsaved: RwSignal<bool>,
    /// Writes under way; the header shows « Enregistrement… » while it is not zero.
    pub pending: RwSignal<u32>,
    /// False until storage is open and the last plan loaded.
    pub ready: RwSignal<bool>,
    /// Set when the browser's storage cannot be opened at all.
    pub fatal: RwSignal<Option<String>>,
    /// IndexedDB could not be opened: the plans live in an in-memory store, lost when the
    /// tab closes (see [`crate::browser::install_memory_db`]).
    pub memory_only: RwSignal<bool>,
    /// A new version of the app is installed and waits for the user to reload.
    pub update_ready: RwSignal<bool>,
    /// A newer build opened the data in another tab: this tab can no longer save and must be
    /// reloaded (see [`crate::storage::Db::on_upgrade`]).
    pub outdated: RwSignal<bool>,
}

impl AppState {
    /// Creates the signals; [`AppState::start`] then opens storage.
    pub fn new(route: Route) -> Self {
        AppState {
            route: RwSignal::new(route),
            plans: RwSignal::new(Vec::new()),
            plan: RwSignal::new(None),
            actors: RwSignal::new(Vec::new()),
            actions: RwSignal::new(Vec::new()),
            mobilisations: RwSignal::new(Vec::new()),
            needs: RwSignal::new(Vec::new()),
            snapshots: RwSignal::new(Vec::new()),
            backups: RwSignal::new(Vec::new()),
            pending_import: RwSignal::new(None),
            pending_merge: RwSignal::new(None),
            notice: RwSignal::new(None),
            undos: RwSignal::new(Vec::new()),
            unsaved: RwSignal::new(false),
            pending: RwSignal::new(0),
            ready: RwSignal::new(false),
            fatal: RwSignal::new(None),
            memory_only: RwSignal::new(false),
            update_ready: RwSignal::new(false),
            outdated: RwSignal::new(false),
        }
    }

    /// Opens the database and reopens the plan used last (or the first one).
    pub fn start(self) {
        sync::listen(move |change| {
            spawn_local(async move {
                // Another tab's change: read with the records' code, downloaded if need be.
                if let Ok(applying) = apply_remote(self, change).await {
                    applying.await;
                }
            })
        });
        spawn_local(async move {
            // An older build open in another tab must let go before an upgrade can finish;
            // builds since this one do so at once. If it takes long, say what is waiting.
            let waiting = set_timeout_with_handle(
                move || {
                    self.notice
                        .set(Some(Notice::error(t("state.storage.blocked"), vec![])))
                },
                std::time::Duration::from_secs(3),
            )
            .ok();
            let opened = Db::open().await;
            if let Some(handle) = waiting {
                handle.clear();
            }
            if self.notice.with_untracked(|n| {
                n.as_ref()
                    .is_some_and(|n| n.text == t("state.storage.blocked"))
            }) {
                self.notice.set(None);
            }
            // Where the browser refuses IndexedDB (some private windows), work in memory
            // rather than not at all: the shell says so and offers the export at all times.
            let opened = match opened {
                Err(_) if browser::install_memory_db().await.is_ok() => {
                    self.memory_only.set(true);
                    Db::open().await
                }
                other => other,
            };
            let db = match opened {
                Ok(db) => Rc::new(db),
                Err(e) => {
                    self.fatal.set(Some(e.0));
                    return;
                }
            };
            db.on_upgrade(move || self.outdated.set(true));
            DB.with(|d| *d.borrow_mut() = Some(db.clone()));
            match db.plan_summaries().await {
                Ok(mut plans) => {
                    plans.sort_by(|a, b| a.name.cmp(&b.name));
                    let pick = settings::current_plan()
                        .filter(|id| plans.iter().any(|p| p.id == *id))
                        .or_else(|| plans.first().map(|p| p.id));
                    self.plans.set(plans);
                    if let Some(id) = pick {
                        self.load(id).await;
                    }
                }
                Err(e) => self.fatal.set(Some(e.0)),
            }
            self.ready.set(true);
        });
    }

    /// A stored plan with all its records, decoded by the `records` part (downloaded the first
    /// time a plan is opened: the first screen does without it). Errors: worded for the user.
    pub(super) async fn read_plan(self, id: Id) -> Result<Option<LoadedPlan>, StorageError> {
        let Some(db) = db() else { return Ok(None) };
        let Some(raw) = db.load_raw(id).await? else {
            return Ok(None);
        };
        match decode_plan(db, raw).await {
            Ok(decoding) => decoding.await.map(Some),
            Err(_) => Err(StorageError(t("common.part.job_unreachable").into())),
        }
    }

    /// Opens a plan just stored from `file` (new, imported, replaced): it is shown as it is,
    /// without reading it back.
    pub(super) fn show(self, file: PlanFile) {
        settings::set_current_plan(file.plan.id);
        self.actors.set(file.actors);
        self.actions.set(file.actions);
        self.mobilisations.set(file.mobilisations);
        self.needs.set(file.needs);
        self.snapshots.set(file.snapshots);
        TOMBSTONES.set(file.tombstones);
        self.plan.set(Some(file.plan));
    }

    pub(super) async fn load(self, id: Id) {
        match self.read_plan(id).await {
            Ok(Some(loaded)) => {
                settings::set_current_plan(id);
                self.actors.set(loaded.actors);
                self.actions.set(loaded.actions);
                self.mobilisations.set(loaded.mobilisations);
                self.needs.set(loaded.needs);
                self.snapshots.set(loaded.snapshots);
                TOMBSTONES.set(loaded.tombstones);
                self.plan.set(Some(loaded.plan));
                if !loaded.unreadable.is_empty() {
                    self.notice.set(Some(Notice::error(
                        tn("state.load.unreadable", loaded.unreadable.len() as u64, &[]),
                        loaded.unreadable,
                    )));
                }
            }
            Ok(None) => self
                .notice
                .set(Some(Notice::error(t("state.load.missing"), vec![]))),
            Err(e) => self.notice.set(Some(Notice::error(e.0, vec![]))),
        }
    }

    /// Opens a stored plan.
    pub fn open_plan(self, id: Id) {
        spawn_local(async move { self.load(id).await });
    }

    /// Changes the open plan's own fields (name, territory) and writes the plan record.
    pub fn update_plan(self, change: impl FnOnce(&mut Plan)) {
        let Some(mut plan) = self.plan.get_untracked() else {
            return;
        };
        let before = plan.clone();
        change(&mut plan);
        atelier_core::merge::stamp(&before, &mut plan, &browser::tick());
        self.drop_plan_undos();
        self.plans.update(|list| {
            if let Some(p) = list.iter_mut().find(|p| p.id == plan.id) {
                *p = PlanSummary::of(&plan);
            }
        });
        self.plan.set(Some(plan.clone()));
        let change = Change::Plan { plan: plan.id };
        self.persist(change, async move {
            match db() {
                Some(db) => db.put_plan(&plan).await,
                None => Ok(()),
            }
        });
    }

    /// The open plan with all its records, as a file to export.
    pub fn export_file(self) -> Option<PlanFile> {
        let mut file = PlanFile::new(
            self.plan.get_untracked()?,
            self.actors.get_untracked(),
            self.actions.get_untracked(),
            Some(browser::now()),
        );
        file.mobilisations = self.mobilisations.get_untracked();
        file.needs = self.needs.get_untracked();
        file.snapshots = self.snapshots.get_untracked();
        // Those of records the plan holds again (a delete undone) are ignored by a merge.
        file.tombstones = TOMBSTONES.with_borrow(Clone::clone);
        file.drop_dangling_links();
        Some(file)
    }

    pub(super) fn plan_id(self) -> Option<Id> {
        self.plan.with_untracked(|p| p.as_ref().map(|p| p.id))
    }

    /// Adds a record to the open plan, writes it, and returns its id.
    pub fn insert<T: Held>(self, mut record: T) -> Id {
        let id = record.id();
        record.stamp_new(browser::now());
        T::list(self).update(|list| list.push(record.clone()));
        self.write(record);
        id
    }

    /// Changes one record and writes that one record.
    pub fn update<T: Held>(self, id: Id, change: impl FnOnce(&mut T)) {
        if let Some(record) = change_one(T::list(self), id, change) {
            self.write(record);
        }
    }

    /// Changes every record of `ids` with `change` and writes those that changed in one
    /// transaction (a quick qualification of many actors); the notice says `text` of the
    /// number changed and offers « Annuler la modification », which puts back, with
    /// `restore(record, former)`, only what `change` touched: later edits stay.
    pub fn update_many<T: Held + PartialEq>(
        self,
        ids: &[Id],
        change: &dyn Fn(&mut T),
        restore: fn(&mut T, &T),
        text: fn(usize) -> String,
    ) {
        let Some(plan_id) = self.plan_id() else {
            return;
        };
        let wanted: std::collections::HashSet<Id> = ids.iter().copied().collect();
        let tick = browser::tick();
        let (mut before, mut after) = (Vec::new(), Vec::new());
        T::list(self).update(|list| {
            for record in list.iter_mut().filter(|r| wanted.contains(&r.id())) {
                let old = record.clone();
                change(record);
                if *record == old {
                    continue;
                }
                if T::STAMPED {
                    T::stamp_edit(&old, record, tick.at);
                }
                atelier_core::merge::stamp(&old, record, &tick);
                before.push(old);
                after.push(record.clone());
            }
        });
        let Some(focus) = after.first().map(Record::id) else {
            self.notice.set(Some(Notice::success(text(0))));
            return;
        };
        let count = after.len();
        self.put_all(plan_id, after);
        self.push_undo(
            text(count),
            Undo {
                focus,
                label: Some(t("state.update_many.undo").to_owned()),
                replaces_plan: false,
                restore: Arc::new(move |state: AppState| {
                    let former: std::collections::HashMap<Id, &T> =
                        before.iter().map(|r| (r.id(), r)).collect();
                    let ids: Vec<Id> = former.keys().copied().collect();
                    let back = |r: &mut T| {
                        if let Some(old) = former.get(&r.id()) {
                            restore(r, old);
                        }
                    };
                    state.update_many::<T>(&ids, &back, restore, |_| String::new());
                    // Undoing is not itself offered for undo.
                    state.undos.update(|u| {
                        u.pop();
                    });
                }),
            },
        );
    }

    /// Writes `records` of one kind in one transaction.
    fn put_all<T: Held>(self, plan_id: Id, records: Vec<T>) {
        self.drop_plan_undos();
        let writes = records.iter().map(|r| Write::put(plan_id, r)).collect();
        self.persist(Change::Records { plan: plan_id }, async move {
            match db() {
                Some(db) => db.apply(writes).await,
                None => Ok(()),
            }
        });
    }

    fn write<T: Held>(self, record: T) {
        let Some(plan_id) = self.plan_id() else {
            return;
        };
        self.drop_plan_undos();
        let change = Change::Record {
            store: T::STORE,
            plan: plan_id,
            id: record.id(),
        };
        self.persist(change, async move {
            match db() {
                Some(db) => db.put(plan_id, &record).await,
                None => Ok(()),
            }
        });
    }

    /// Stores imported actors — new ones and updated duplicates — in one transaction, then
    /// shows them: a failed write leaves both the screen and the stored plan as they were.
    /// `progress` receives (written, total) while records are written.
    pub fn import_actors(
        self,
        actors: Vec<Actor>,
        warnings: Vec<String>,
        progress: RwSignal<Option<(usize, usize)>>,
    ) {
        let (Some(plan_id), Some(db)) = (self.plan_id(), db()) else {
            return;
        };
        self.drop_plan_undos();
        // What the import changes in existing actors is an edit, ticked for merging copies.
        let tick = browser::tick();
        let mut actors = actors;
        let mut updates = 0;
        self.actors.with_untracked(|list| {
            let by_id: std::collections::HashMap<Id, &Actor> =
                list.iter().map(|a| (a.id, a)).collect();
            for actor in &mut actors {
                if let Some(old) = by_id.get(&actor.id) {
                    atelier_core::merge::stamp(*old, actor, &tick);
                    updates += 1;
                }
            }
        });
        // An import that changes actors already there keeps the plan as it was first (an
        // automatic backup, and the undo puts it back).
        let before = (updates > 0).then(|| self.export_file()).flatten();
        self.pending.update(|n| *n += 1);
        let total = actors.len();
        progress.set(Some((0, total)));
        spawn_local(async move {
            let backup = before.as_ref().map(|file| {
                let reason = t("state.import.backup_reason").to_owned();
                Backup::of(file, tick.at, reason, browser::new_id())
            });
            let kept = match &backup {
                Some(b) => db.apply_with_backup(plan_id, b, Vec::new()).await,
                None => Ok(()),
            };
            let result = match kept {
                Ok(()) => {
                    db.put_many(plan_id, &actors, |done| progress.set(Some((done, total))))
                        .await
                }
                Err(e) => Err(e),
            };
            progress.set(None);
            self.pending.update(|n| *n -= 1);
            match result {
                Ok(()) => {
                    sync::announce(&Change::Records { plan: plan_id });
                    self.actors.update(|list| {
                        // By id, not by scanning the list for each one: 10 000 × 10 000.
                        let at: std::collections::HashMap<Id, usize> =
                            list.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
                        for actor in actors {
                            match at.get(&actor.id) {
                                Some(&i) => list[i] = actor,
                                None => list.push(actor),
                            }
                        }
                    });
                    let text = if warnings.is_empty() {
                        tn("state.import.done", total as u64, &[])
                    } else {
                        tn("state.import.done_check", total as u64, &[])
                    };
                    match before {
                        Some(before) => self.push_undo(
                            text,
                            Undo::whole_plan(
                                before,
                                t("state.import.undo"),
                                "state.import.undo_reason",
                            ),
                        ),
                        None => self.notice.set(Some(Notice::success(text))),
                    }
                    self.notice.update(|n| {
                        if let Some(n) = n {
                            n.details = warnings;
                        }
                    });
                }
                Err(e) => self.notice.set(Some(Notice::error(
                    tf("state.import.failed", &[("error", &e.0)]),
                    vec![],
                ))),
            }
        });
    }

    /// What points at an actor: shown before deleting it.
    pub fn links_of(self, id: Id) -> ActorLinks {
        let Some(plan) = self.plan.get_untracked() else {
            return ActorLinks::default();
        };
        let plan = &plan;
        self.actions.with_untracked(|actions| {
            self.mobilisations.with_untracked(|mobs| {
                self.needs
                    .with_untracked(|needs| ActorLinks::of(id, plan, actions, mobs, needs))
            })
        })
    }

    /// Deletes an actor and every link to it (its needs go with it), in one transaction, and
    /// offers to undo. The views ask first when [`AppState::links_of`] is not empty.
    pub fn delete_actor(self, id: Id) {
        let (Some(plan_id), Some(mut plan)) = (self.plan_id(), self.plan.get_untracked()) else {
            return;
        };
        let Some((index, actor)) = take(self.actors, id) else {
            return;
        };
        let mut actions = self.actions.get_untracked();
        let mut mobs = self.mobilisations.get_untracked();
        let mut needs = self.needs.get_untracked();
        let (links, removed) = unlink_actor(id, &mut plan, &mut actions, &mut mobs, &mut needs);
        self.drop_plan_undos();
        let mut writes = vec![Write::delete::<Actor>(plan_id, id)];
        // The links removed are edits of those records, ticked like any other.
        let tick = browser::tick();
        let touched = |edits: &mut atelier_core::merge::Edits, key: &str| {
            edits.insert(key.to_owned(), tick.clone());
        };
        for a in actions.iter_mut().filter(|a| links.actions.contains(&a.id)) {
            touched(&mut a.edits, "actor_ids");
        }
        for m in mobs
            .iter_mut()
            .filter(|m| links.mobilisations.contains(&m.id))
        {
            touched(&mut m.edits, "actor_ids");
        }
        if links.steering {
            touched(&mut plan.edits, "governance");
        }
        let gone = std::iter::once(id).chain(removed.iter().map(|(_, n)| n.id));
        writes.extend(self.bury(plan_id, gone.collect(), &tick));
        writes.extend(changed(&actions, &links.actions).map(|a| Write::put(plan_id, a)));
        writes.extend(changed(&mobs, &links.mobilisations).map(|m| Write::put(plan_id, m)));
        writes.extend(
            removed
                .iter()
                .map(|(_, n)| Write::delete::<Need>(plan_id, n.id)),
        );
        if links.steering {
            writes.push(Write::plan(&plan));
            self.plan.set(Some(plan));
        }
        if !links.is_empty() {
            self.actions.set(actions);
            self.mobilisations.set(mobs);
            self.needs.set(needs);
        }
        let text = actor.deleted();
        self.push_undo(
            text,
            Undo {
                focus: id,
                label: None,
                replaces_plan: false,
                restore: Arc::new(move |state: AppState| {
                    state.restore(index, actor.clone());
                    for (at, need) in &removed {
                        state.restore(*at, need.clone());
                    }
                    relink(state, &links.actions, id, |a: &mut ActionSheet| {
                        &mut a.actor_ids
                    });
                    relink(state, &links.mobilisations, id, |m: &mut Mobilisation| {
                        &mut m.actor_ids
                    });
                    if links.steering {
                        state.update_plan(|p| p.governance.member_ids.push(id));
                    }
                }),
            },
        );
        self.persist(Change::Records { plan: plan_id }, async move {
            match db() {
                Some(db) => db.apply(writes).await,
                None => Ok(()),
            }
        });
    }

    /// Deletes a record that nothing points at (fiche action, mobilisation, need) and offers
    /// to undo.
    pub fn delete<T: Held>(self, id: Id) {
        let Some(plan_id) = self.plan_id() else {
            return;
        };
        let Some((index, record)) = take(T::list(self), id) else {
            return;
        };
        let text = record.deleted();
        self.drop_plan_undos();
        let mut writes = vec![Write::delete::<T>(plan_id, id)];
        writes.extend(self.bury(plan_id, vec![id], &browser::tick()));
        self.push_undo(
            text,
            Undo {
                focus: id,
                label: None,
                replaces_plan: false,
                restore: Arc::new(move |state: AppState| state.restore(index, record.clone())),
            },
        );
        let change = Change::Record {
            store: T::STORE,
            plan: plan_id,
            id,
        };
        self.persist(change, async move {
            match db() {
                Some(db) => db.apply(writes).await,
                None => Ok(()),
            }
        });
    }

    /// Tombstones for records deleted from the plan: kept in [`TOMBSTONES`], and
    /// the writes that store them (in the delete's own transaction).
    fn bury(self, plan_id: Id, ids: Vec<Id>, tick: &atelier_core::merge::Tick) -> Vec<Write> {
        let stones: Vec<Tombstone> = ids
            .into_iter()
            .map(|id| Tombstone {
                id,
                at: tick.at,
                by: tick.by.clone(),
            })
            .collect();
        let writes = stones.iter().map(|t| Write::put(plan_id, t)).collect();
        TOMBSTONES.with_borrow_mut(|list| list.extend(stones));
        writes
    }

    /// Puts a deleted record back at its former position and writes it.
    fn restore<T: Held>(self, index: usize, record: T) {
        T::list(self).update(|list| {
            let at = index.min(list.len());
            list.insert(at, record.clone());
        });
        self.write(record);
    }

    pub(super) fn push_undo(self, text: String, undo: Undo) {
        self.undos.update(|u| u.push(undo));
        let waiting = self.undos.with_untracked(Vec::len);
        let mut notice = Notice::success(if waiting > 1 {
            tn("state.undo.waiting", waiting as u64, &[("text", &text)])
        } else {
            text
        });
        notice.undo = true;
        self.notice.set(Some(notice));
        // Focus the message, so that keyboard users reach « Annuler » with one Tab.
        crate::ui::focus_notice();
    }

    /// Forgets the undos that would put a whole former plan back: after an edit, they would
    /// throw it away (the automatic backup still holds that former plan). Called by the
    /// editing commands (not by `persist`, which the first screen's code uses too).
    fn drop_plan_undos(self) {
        if self
            .undos
            .with_untracked(|u| u.iter().any(|x| x.replaces_plan))
        {
            self.undos.update(|u| u.retain(|x| !x.replaces_plan));
            if self.undos.with_untracked(Vec::is_empty) {
                self.notice.update(|n| {
                    if let Some(n) = n {
                        n.undo = false;
                    }
                });
            }
        }
    }

    /// Undoes the latest delete still in [`AppState::undos`].
    pub fn undo(self) {
        let mut last = None;
        self.undos.update(|u| last = u.pop());
        let Some(undo) = last else { return };
        crate::ui::focus_row(undo.focus);
        (undo.restore)(self);
        let left = self.undos.with_untracked(Vec::len);
        let mut notice = Notice::success(match (left, undo.label.is_some()) {
            // Not a deletion: a modification, an import or a merge.
            (0, true) => t("state.undo.done_change").to_owned(),
            (0, false) => t("state.undo.done").to_owned(),
            (n, _) => tn("state.undo.done_more", n as u64, &[]),
        });
        notice.undo = left > 0;
        self.notice.set(Some(notice));
    }

    /// Tells the user that a file job could not be downloaded (see [`crate::parts`]), and
    /// what to do: reload after a new deployment, or try again once the connection is back.
    pub fn part_failed(self) {
        spawn_local(async move {
            let text = match crate::parts::diagnose().await {
                crate::parts::Failure::NewVersion => t("common.part.job_new_version"),
                crate::parts::Failure::Unreachable => t("common.part.job_unreachable"),
            };
            self.notice.set(Some(Notice::error(text, vec![])));
        });
    }

    /// Clears the message and the undo list (the user moved to another screen).
    pub fn forget_notice(self) {
        self.notice.set(None);
        self.undos.set(Vec::new());
    }

    /// Applies a change another tab stored: re-reads the record and replaces, adds or drops
    /// this tab's copy. Changes to other plans only refresh the plan list.
    async fn apply_change(self, change: Change) {
        let Some(db) = db() else { return };
        let current = self.plan_id();
        // An edit of the open plan in another tab: putting a former plan back here
        // (« Annuler la fusion ») would throw it away.
        if matches!(change, Change::Plan { plan } | Change::Records { plan } | Change::Record { plan, .. } if Some(plan) == current)
        {
            self.drop_plan_undos();
        }
        match change {
            Change::Plans => {
                if let Ok(mut plans) = db.plan_summaries().await {
                    plans.sort_by(|a, b| a.name.cmp(&b.name));
                    self.plans.set(plans);
                }
            }
            Change::Plan { plan } => {
                if let Ok(Some(p)) = db.plan(plan).await {
                    self.plans.update(|list| {
                        if let Some(x) = list.iter_mut().find(|x| x.id == plan) {
                            *x = PlanSummary::of(&p);
                        }
                    });
                    if current == Some(plan) {
                        self.plan.set(Some(p));
                    }
                }
            }
            Change::Records { plan } if current == Some(plan) => {
                if let Ok(Some(loaded)) = db.load(plan).await {
                    self.actors.set(loaded.actors);
                    self.actions.set(loaded.actions);
                    self.mobilisations.set(loaded.mobilisations);
                    self.needs.set(loaded.needs);
                    self.snapshots.set(loaded.snapshots);
                    TOMBSTONES.set(loaded.tombstones);
                }
            }
            Change::Record { store, plan, id } if current == Some(plan) => {
                // A delete there left a tombstone beside it: this tab's exports need it too.
                if let Ok(list) = db.tombstones(plan, &mut Vec::new()).await {
                    TOMBSTONES.set(list);
                }
                self.refresh_record(&db, store, plan, id).await;
            }
            _ => {}
        }
    }

    /// Re-reads the record `id` of `store` another tab wrote.
    async fn refresh_record(self, db: &Db, store: &'static str, plan: Id, id: Id) {
        match store {
            s if s == Actor::STORE => self.refresh::<Actor>(db, plan, id).await,
            s if s == ActionSheet::STORE => self.refresh::<ActionSheet>(db, plan, id).await,
            s if s == Mobilisation::STORE => self.refresh::<Mobilisation>(db, plan, id).await,
            s if s == YearSnapshot::STORE => self.refresh::<YearSnapshot>(db, plan, id).await,
            _ => self.refresh::<Need>(db, plan, id).await,
        }
    }

    /// Re-reads one record another tab wrote (or deleted) and replaces this tab's copy.
    async fn refresh<T: Held>(self, db: &Db, plan: Id, id: Id) {
        if let Ok(stored) = db.get::<T>(plan, id).await {
            T::list(self).update(|list| upsert(list, id, stored));
        }
    }

    /// Runs a storage write, counting it as pending; on success tells the other tabs what
    /// changed, on failure raises a notice and marks the plan unsaved.
    pub(super) fn persist(
        self,
        change: Change,
        write: impl Future<Output = Result<(), StorageError>> + 'static,
    ) {
        self.pending.update(|n| *n += 1);
        spawn_local(async move {
            let result = write.await;
            self.pending.update(|n| *n -= 1);
            match result {
                Ok(()) => {
                    self.unsaved.set(false);
                    sync::announce(&change);
                }
                Err(e) => {
                    self.unsaved.set(true);
                    self.notice.set(Some(Notice::error(
                        tf("state.save.failed", &[("error", &e.0)]),
                        vec![],
                    )));
                }
            }
        });
    }
}

/// Applies `change` to the record with `id` in `list` and returns the changed record (to be
/// written), or `None` when no record has that id (deleted meanwhile, e.g. by another tab).
fn change_one<T: Held>(list: RwSignal<Vec<T>>, id: Id, change: impl FnOnce(&mut T)) -> Option<T> {
    let mut changed = None;
    list.update(|records| {
        if let Some(record) = records.iter_mut().find(|r| r.id() == id) {
            let before = record.clone();
            change(record);
            let tick = browser::tick();
            if T::STAMPED {
                T::stamp_edit(&before, record, tick.at);
            }
            atelier_core::merge::stamp(&before, record, &tick);
            changed = Some(record.clone());
        }
    });
    changed
}

/// Removes the record with `id` from `list`; returns its position and the record.
fn take<T: Held>(list: RwSignal<Vec<T>>, id: Id) -> Option<(usize, T)> {
    let index = list.with_untracked(|l| l.iter().position(|r| r.id() == id))?;
    let mut removed = None;
    list.update(|l| removed = Some(l.remove(index)));
    removed.map(|r| (index, r))
}

/// The records of `list` whose id is in `ids`.
fn changed<'a, T: Record>(list: &'a [T], ids: &'a [Id]) -> impl Iterator<Item = &'a T> {
    list.iter().filter(|r| ids.contains(&r.id()))
}

/// Adds the link to `actor` back to each record in `ids` (undo of a delete), leaving any
/// later edit of those records in place.
fn relink<T: Held>(state: AppState, ids: &[Id], actor: Id, links: fn(&mut T) -> &mut Vec<Id>) {
    for id in ids {
        state.update(*id, |r: &mut T| {
            let list = links(r);
            if !list.contains(&actor) {
                list.push(actor);
            }
        });
    }
}

/// Replaces the record with `id` by `stored`, appends it if new, removes it if `None`.
fn upsert<T: Record>(list: &mut Vec<T>, id: Id, stored: Option<T>) {
    let at = list.iter().position(|x| x.id() == id);
    match (at, stored) {
        (Some(i), Some(record)) => list[i] = record,
        (None, Some(record)) => list.push(record),
        (Some(i), None) => {
            list.remove(i);
        }
        (None, None) => {}
    }
}

/// A future run on this thread (what a part returns for async work).
pub type LocalFuture<T> = std::pin::Pin<Box<dyn Future<Output = T>>>;

crate::lazy! {
    /// Decodes a stored plan: every record type's code, downloaded when a plan is first
    /// opened (see [`crate::parts`]).
    fn decode_plan [records] (db: Rc<Db>, raw: RawPlan) -> LocalFuture<Result<LoadedPlan, StorageError>> {
        Box::pin(async move { crate::storage::decode_plan(&db, raw).await })
    }

    /// Applies a change another tab stored (see [`AppState::apply_change`]), with the same
    /// code as [`decode_plan`].
    fn apply_remote [records] (state: AppState, change: Change) -> LocalFuture<()> {
        Box::pin(state.apply_change(change))
    }
}

/// The state provided by [`crate::ui::App`].
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
