//! Commands on whole plans: create, open the example, import as new, replace the open plan
//! (with an automatic backup), restore a backup, rename, duplicate, delete with undo.

use super::{db, AppState, Notice, Undo};
use crate::browser::{self, settings};
use crate::parts::jobs;
use crate::route::Route;
use crate::storage::{Backup, Db, LoadedPlan, Record, StorageError, Write};
use crate::sync::{self, Change};
use atelier_core::file::PlanFile;
use atelier_core::i18n::{t, tf, tn};
use atelier_core::merge::{self, Choices};
use atelier_core::{Id, Plan, PlanSummary};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::Arc;

/// A whole stored plan as a file (for duplicating, or keeping for an undo).
fn as_file(loaded: LoadedPlan) -> PlanFile {
    let mut file = PlanFile::new(loaded.plan, loaded.actors, loaded.actions, None);
    file.mobilisations = loaded.mobilisations;
    file.needs = loaded.needs;
    file.snapshots = loaded.snapshots;
    file.tombstones = loaded.tombstones;
    file
}

/// « 12 acteurs et 3 fiches action ».
fn contents(file: &PlanFile) -> String {
    tf(
        "state.plan.contents",
        &[
            (
                "actors",
                &tn("state.plan.actors", file.actors.len() as u64, &[]),
            ),
            (
                "actions",
                &tn("state.plan.actions", file.actions.len() as u64, &[]),
            ),
        ],
    )
}

impl AppState {
    /// Offers the open plan as a `.json` file (without personal data when `anonymous`),
    /// saying so, or why not, in the notice area.
    pub fn download_plan(self, anonymous: bool) {
        let Some(file) = self.export_file() else {
            return;
        };
        let mut name = file.file_name(browser::today());
        if anonymous {
            name = name.replace(".json", t("share.anonymous_suffix"));
        }
        spawn_local(async move {
            let Ok(json) = jobs::plan_json(file, anonymous).await else {
                return self.part_failed();
            };
            let notice = match browser::download(&name, "application/json", &json) {
                Ok(()) => Notice::success(tf("share.exported", &[("name", &name)])),
                Err(_) => Notice::error(t("share.download_refused"), vec![]),
            };
            self.notice.set(Some(notice));
        });
    }

    /// Creates an empty plan named `name`, stores it and opens it.
    /// Then shows `then` — only once the plan is stored, so that a failure leaves the user
    /// where they were, with the error and what they typed.
    pub fn create_plan(self, name: String, then: Route) {
        let plan = Plan::new(browser::new_id(), name);
        let file = PlanFile::new(plan, Vec::new(), Vec::new(), None);
        self.store_new_plan(file, None, Some(then));
    }

    /// Creates the demonstration plan built from the kit's examples, stores it and opens it.
    pub fn create_example_plan(self) {
        // One example is enough: open the one already stored, if any.
        if let Some(id) = self
            .plans
            .with_untracked(|l| l.iter().find(|p| p.example).map(|p| p.id))
        {
            spawn_local(async move {
                self.load(id).await;
                crate::ui::navigate(Route::Actions(crate::route::ActionsView::Board));
            });
            return;
        }
        spawn_local(async move {
            let Ok(file) = jobs::example_plan().await else {
                return self.part_failed();
            };
            let message = tf("state.plan.example_opened", &[("name", &file.plan.name)]);
            self.store_new_plan(
                file,
                Some(message),
                Some(Route::Actions(crate::route::ActionsView::Board)),
            );
        });
    }

    /// Imports a validated plan file as a new plan, stored in one transaction, then opened.
    /// Nothing already stored is modified. A plan this browser does not hold keeps its ids,
    /// so that the copies can later be merged; a second copy gets masked ids and remembers
    /// where it came from (`core::merge::identity`).
    pub fn import_plan_as_new(self, file: PlanFile) {
        if !self
            .plans
            .with_untracked(|p| p.iter().any(|p| p.id == file.plan.id))
        {
            return self.store_imported(file);
        }
        spawn_local(async move {
            let Ok(file) = jobs::as_new_plan(file).await else {
                return self.part_failed();
            };
            self.store_imported(file);
        });
    }

    fn store_imported(self, mut file: PlanFile) {
        // Two plans with the same name would be hard to tell apart in the list.
        if self
            .plans
            .with_untracked(|p| p.iter().any(|p| p.name == file.plan.name))
        {
            file.plan.name = tf(
                "state.plan.imported_copy_name",
                &[("name", &file.plan.name)],
            );
        }
        let message = tf(
            "state.plan.imported",
            &[("name", &file.plan.name), ("contents", &contents(&file))],
        );
        self.store_new_plan(file, Some(message), None);
    }

    pub(super) fn store_new_plan(
        self,
        file: PlanFile,
        message: Option<String>,
        then: Option<Route>,
    ) {
        let Some(db) = db() else { return };
        self.pending.update(|n| *n += 1);
        spawn_local(async move {
            // A new, empty plan is one record; a plan with records is written by the
            // `plan_file` part, with every record type's code.
            let result = if file.actors.is_empty()
                && file.actions.is_empty()
                && file.mobilisations.is_empty()
                && file.needs.is_empty()
                && file.snapshots.is_empty()
            {
                db.put_plan(&file.plan).await
            } else {
                match store_whole(db, file.clone()).await {
                    Ok(storing) => storing.await,
                    Err(_) => Err(StorageError(t("common.part.job_unreachable").into())),
                }
            };
            self.pending.update(|n| *n -= 1);
            match result {
                Ok(()) => {
                    self.plans.update(|p| p.push(PlanSummary::of(&file.plan)));
                    sync::announce(&Change::Plans);
                    // What was stored is what is shown: no need to read it back.
                    self.show(file);
                    if let Some(m) = message {
                        let mut notice = Notice::success(m);
                        notice.shown_on = then;
                        self.notice.set(Some(notice));
                    }
                    if let Some(route) = then {
                        crate::ui::navigate(route);
                    }
                }
                Err(e) => self.notice.set(Some(Notice::error(
                    tf("state.plan.create_failed", &[("error", &e.0)]),
                    vec![],
                ))),
            }
        });
    }

    /// Replaces the open plan by `file` (an imported file or a backup), keeping its id. What
    /// was there is first saved as an automatic backup, in the same transaction.
    /// (In the `plan_file` part, like [`AppState::delete_plan`].)
    pub fn replace_open_plan(self, file: PlanFile, reason: String) {
        spawn_local(async move {
            if replace_in_part(self, file, reason).await.is_err() {
                self.part_failed();
            }
        });
    }

    fn replace_open_plan_now(self, mut file: PlanFile, reason: String) {
        let (Some(current), Some(db)) = (self.export_file(), db()) else {
            return;
        };
        file.plan.id = current.plan.id;
        let (taken_at, backup_id) = (browser::now(), browser::new_id());
        self.pending.update(|n| *n += 1);
        let new = file.clone();
        spawn_local(async move {
            let result = match replace_stored(db, new, current, reason, taken_at, backup_id).await {
                Ok(replacing) => replacing.await,
                Err(_) => Err(StorageError(t("common.part.job_unreachable").into())),
            };
            self.pending.update(|n| *n -= 1);
            match result {
                Ok(()) => {
                    let message = tf(
                        "state.plan.replaced",
                        &[("name", &file.plan.name), ("contents", &contents(&file))],
                    );
                    let id = file.plan.id;
                    self.plans.update(|list| {
                        if let Some(p) = list.iter_mut().find(|p| p.id == id) {
                            *p = PlanSummary::of(&file.plan);
                        }
                    });
                    sync::announce(&Change::Records { plan: id });
                    sync::announce(&Change::Plan { plan: id });
                    // The backups list follows the plan signal (see `ui::home::backups`).
                    self.show(file);
                    self.notice.set(Some(Notice::success(message)));
                }
                Err(e) => self.notice.set(Some(Notice::error(
                    tf("state.plan.replace_failed", &[("error", &e.0)]),
                    vec![],
                ))),
            }
        });
    }

    /// Reads the open plan's automatic backups into [`AppState::backups`].
    pub fn load_backups(self) {
        let (Some(id), Some(db)) = (self.plan_id(), db()) else {
            return;
        };
        spawn_local(async move {
            if let Ok(list) = db.backups(id).await {
                self.backups.set(list);
            }
        });
    }

    /// Puts a backup back in place of the open plan (the current state is backed up first).
    pub fn restore_backup(self, backup: Backup) {
        spawn_local(async move {
            match jobs::read_plan_text(backup.file).await {
                Ok(Ok(file)) => {
                    self.replace_open_plan(file, t("state.backup.before_restore").to_owned())
                }
                Ok(Err(e)) => self
                    .notice
                    .set(Some(Notice::error(t("state.backup.unreadable"), vec![e]))),
                Err(_) => self.part_failed(),
            }
        });
    }

    /// Renames any stored plan.
    pub fn rename_plan(self, id: Id, name: String) {
        spawn_local(async move {
            if rename_in_part(self, id, name).await.is_err() {
                self.part_failed();
            }
        });
    }

    /// [`AppState::rename_plan`]'s work, in the `records` part with the code that ticks
    /// edits (a rename is an edit of the plan's name, merged like any other).
    fn rename_now(self, id: Id, name: String) {
        if self.plan_id() == Some(id) {
            self.update_plan(move |p| p.name = name);
            return;
        }
        self.plans.update(|l| {
            if let Some(p) = l.iter_mut().find(|p| p.id == id) {
                p.name = name.clone();
            }
        });
        // The whole plan record is read (by the `records` part), renamed and written back.
        self.persist(Change::Plan { plan: id }, async move {
            match rename_stored(id, name).await {
                Ok(renaming) => renaming.await,
                Err(_) => Err(StorageError(t("common.part.job_unreachable").into())),
            }
        });
    }

    /// Stores a copy of a plan, with new ids, named « … (copie) », and opens it.
    pub fn duplicate_plan(self, id: Id) {
        spawn_local(async move {
            match self.read_plan(id).await {
                Ok(Some(loaded)) => {
                    let Ok(mut file) = jobs::as_new_plan(as_file(loaded)).await else {
                        return self.part_failed();
                    };
                    file.plan.name = tf("state.plan.copy_name", &[("name", &file.plan.name)]);
                    let message = tf("state.plan.copied", &[("name", &file.plan.name)]);
                    self.store_new_plan(file, Some(message), None);
                }
                _ => self
                    .notice
                    .set(Some(Notice::error(t("state.plan.copy_unreadable"), vec![]))),
            }
        });
    }

    /// Deletes a plan and everything in it, and offers to undo (the whole plan is kept in
    /// memory until the user leaves the screen). The work is in the `plan_file` part: the
    /// plan list is the first screen, which deleting a plan rarely concerns.
    pub fn delete_plan(self, id: Id) {
        spawn_local(async move {
            if delete_in_part(self, id).await.is_err() {
                self.part_failed();
            }
        });
    }

    fn delete_plan_now(self, id: Id) {
        let Some(db) = db() else { return };
        spawn_local(async move {
            let Ok(Some(loaded)) = self.read_plan(id).await else {
                self.notice.set(Some(Notice::error(
                    t("state.plan.delete_unreadable"),
                    vec![],
                )));
                return;
            };
            let file = as_file(loaded);
            if let Err(e) = db.delete_plan(id).await {
                self.notice.set(Some(Notice::error(
                    tf("state.plan.delete_failed", &[("error", &e.0)]),
                    vec![],
                )));
                return;
            }
            sync::announce(&Change::Plans);
            self.plans.update(|l| l.retain(|p| p.id != id));
            if self.plan_id() == Some(id) {
                self.close_plan();
            }
            let text = tf(
                "state.plan.deleted",
                &[("name", &file.plan.name), ("contents", &contents(&file))],
            );
            self.push_undo(
                text,
                Undo {
                    focus: id,
                    label: None,
                    replaces_plan: false,
                    restore: Arc::new(move |state: AppState| {
                        state.store_new_plan(file.clone(), None, None);
                    }),
                },
            );
        });
    }

    /// Closes the open plan (it was deleted): empty signals, no remembered plan.
    fn close_plan(self) {
        self.plan.set(None);
        self.actors.set(Vec::new());
        self.actions.set(Vec::new());
        self.mobilisations.set(Vec::new());
        self.needs.set(Vec::new());
        self.snapshots.set(Vec::new());
        self.backups.set(Vec::new());
        settings::forget_current_plan();
    }
}

crate::lazy! {
    /// [`AppState::rename_plan`]'s work.
    fn rename_in_part [records] (state: AppState, id: Id, name: String) -> () {
        state.rename_now(id, name)
    }
}

crate::lazy! {
    /// [`AppState::delete_plan`]'s work.
    fn delete_in_part [plan_file] (state: AppState, id: Id) -> () {
        state.delete_plan_now(id)
    }
}

crate::lazy! {
    /// [`AppState::replace_open_plan`]'s work.
    fn replace_in_part [plan_file] (state: AppState, file: PlanFile, reason: String) -> () {
        state.replace_open_plan_now(file, reason)
    }
}

crate::lazy! {
    /// Stores a whole plan in one transaction (see [`crate::storage::Db::put_whole_plan`]).
    fn store_whole [plan_file] (db: Rc<Db>, file: PlanFile) -> super::LocalFuture<Result<(), StorageError>> {
        Box::pin(async move { db.put_whole_plan(&file).await })
    }

    /// Replaces the open plan by `file`, keeping `current` as an automatic backup, in one
    /// transaction (see [`crate::storage::Db::replace_plan`]).
    fn replace_stored [plan_file] (
        db: Rc<Db>,
        file: PlanFile,
        current: PlanFile,
        reason: String,
        taken_at: DateTime<Utc>,
        backup_id: Id,
    ) -> super::LocalFuture<Result<(), StorageError>> {
        Box::pin(async move {
            let backup = Backup::of(&current, taken_at, reason, backup_id);
            db.replace_plan(&file, &backup).await
        })
    }

    /// Renames a stored plan that is not open: reads its whole record, changes the name,
    /// writes it back (with the plan decoder, downloaded with the records' code).
    fn rename_stored [records] (id: Id, name: String) -> super::LocalFuture<Result<(), StorageError>> {
        Box::pin(async move {
            let Some(db) = db() else { return Ok(()) };
            let Some(mut plan) = db.plan(id).await? else { return Ok(()) };
            plan.name = name;
            plan.edits.insert("name".into(), browser::tick());
            db.put_plan(&plan).await
        })
    }
}

/// The writes that turn `before` into `after` for one kind: a put per record added or
/// changed, a delete per record gone.
fn record_writes<T: Record + PartialEq>(plan: Id, before: &[T], after: &[T], out: &mut Vec<Write>) {
    let old: HashMap<Id, &T> = before.iter().map(|r| (r.id(), r)).collect();
    let kept: HashSet<Id> = after.iter().map(Record::id).collect();
    out.extend(
        after
            .iter()
            .filter(|r| old.get(&r.id()) != Some(r))
            .map(|r| Write::put(plan, r)),
    );
    out.extend(
        before
            .iter()
            .filter(|r| !kept.contains(&r.id()))
            .map(|r| Write::delete::<T>(plan, r.id())),
    );
}

/// Every write from `before` to `after` (two versions of one plan): only what changed.
fn plan_writes(before: &PlanFile, after: &PlanFile) -> Vec<Write> {
    let id = before.plan.id;
    let mut out = Vec::new();
    if before.plan != after.plan {
        out.push(Write::plan(&after.plan));
    }
    record_writes(id, &before.actors, &after.actors, &mut out);
    record_writes(id, &before.actions, &after.actions, &mut out);
    record_writes(id, &before.mobilisations, &after.mobilisations, &mut out);
    record_writes(id, &before.needs, &after.needs, &mut out);
    record_writes(id, &before.snapshots, &after.snapshots, &mut out);
    record_writes(id, &before.tombstones, &after.tombstones, &mut out);
    out
}

impl AppState {
    /// Merges `other` (a copy of the open plan, from the file or link named `name`) into the
    /// open plan with the user's `choices`: only the records that change are written, in one
    /// transaction with an automatic backup of the plan as it was; the notice offers to undo
    /// (the plan as it was put back). Called from the merge screen's part.
    pub fn apply_merge(self, other: PlanFile, mut choices: Choices, name: String) {
        // Dated, so that the choices against the defaults reach the other copy.
        choices.at = Some(browser::tick());
        let (Some(current), Some(db)) = (self.export_file(), db()) else {
            return;
        };
        // The open plan may have changed since the preview (another plan opened): say so
        // rather than let « Appliquer » do nothing.
        let there = match merge::align(&current.plan, other) {
            Ok(there) => there,
            Err(e) => {
                let error = tf("state.merge.failed", &[("error", &e.to_string())]);
                self.notice.set(Some(Notice::error(error, vec![])));
                return;
            }
        };
        let merged = merge::merge(&current, &there, &choices).file;
        let writes = plan_writes(&current, &merged);
        let reason = tf("state.merge.backup_reason", &[("name", &name)]);
        let backup = Backup::of(&current, browser::now(), reason, browser::new_id());
        let plan_id = current.plan.id;
        self.pending.update(|n| *n += 1);
        spawn_local(async move {
            let result = db.apply_with_backup(plan_id, &backup, writes).await;
            self.pending.update(|n| *n -= 1);
            match result {
                Ok(()) => {
                    self.pending_merge.set(None);
                    sync::announce(&Change::Records { plan: plan_id });
                    sync::announce(&Change::Plan { plan: plan_id });
                    self.plans.update(|list| {
                        if let Some(p) = list.iter_mut().find(|p| p.id == plan_id) {
                            *p = PlanSummary::of(&merged.plan);
                        }
                    });
                    self.show(merged);
                    crate::ui::navigate(Route::Actors);
                    self.push_undo(
                        tf("state.merge.done", &[("name", &name)]),
                        Undo::whole_plan(current, t("state.merge.undo"), "state.merge.undo_reason"),
                    );
                }
                Err(e) => self.notice.set(Some(Notice::error(
                    tf("state.merge.failed", &[("error", &e.0)]),
                    vec![],
                ))),
            }
        });
    }
}
