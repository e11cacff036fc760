//! Commands on whole plans: create, open the example, import as new, replace the open plan
//! (with an automatic backup), restore a backup, rename, duplicate, delete with undo.

use super::{db, AppState, Notice, Undo};
use crate::browser::{self, settings};
use crate::parts::jobs;
use crate::route::Route;
use crate::storage::{Backup, LoadedPlan};
use crate::sync::{self, Change};
use atelier_core::file::PlanFile;
use atelier_core::i18n::{t, tf, tn};
use atelier_core::{Id, Plan};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// A whole stored plan as a file (for duplicating, or keeping for an undo).
fn as_file(loaded: LoadedPlan) -> PlanFile {
    let mut file = PlanFile::new(loaded.plan, loaded.actors, loaded.actions, None);
    file.mobilisations = loaded.mobilisations;
    file.needs = loaded.needs;
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

    /// Imports a validated plan file as a new plan: fresh ids, links remapped, stored in one
    /// transaction, then opened. Nothing already stored is modified.
    pub fn import_plan_as_new(self, file: PlanFile) {
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
            let result = db.put_whole_plan(&file).await;
            self.pending.update(|n| *n -= 1);
            match result {
                Ok(()) => {
                    let id = file.plan.id;
                    self.plans.update(|p| p.push(file.plan.clone()));
                    sync::announce(&Change::Plans);
                    self.load(id).await;
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
    pub fn replace_open_plan(self, mut file: PlanFile, reason: String) {
        let (Some(current), Some(db)) = (self.export_file(), db()) else {
            return;
        };
        file.plan.id = current.plan.id;
        let backup = Backup::of(&current, browser::now(), reason, browser::new_id());
        self.pending.update(|n| *n += 1);
        spawn_local(async move {
            let result = db.replace_plan(&file, &backup).await;
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
                            *p = file.plan.clone();
                        }
                    });
                    sync::announce(&Change::Records { plan: id });
                    sync::announce(&Change::Plan { plan: id });
                    self.load(id).await;
                    self.load_backups();
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
        if self.plan_id() == Some(id) {
            self.update_plan(move |p| p.name = name);
            return;
        }
        let Some(mut plan) = self
            .plans
            .with_untracked(|l| l.iter().find(|p| p.id == id).cloned())
        else {
            return;
        };
        plan.name = name;
        self.plans.update(|l| {
            if let Some(p) = l.iter_mut().find(|p| p.id == id) {
                *p = plan.clone();
            }
        });
        self.persist(Change::Plan { plan: id }, async move {
            match db() {
                Some(db) => db.put_plan(&plan).await,
                None => Ok(()),
            }
        });
    }

    /// Stores a copy of a plan, with new ids, named « … (copie) », and opens it.
    pub fn duplicate_plan(self, id: Id) {
        let Some(db) = db() else { return };
        spawn_local(async move {
            match db.load(id).await {
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
    /// memory until the user leaves the screen).
    pub fn delete_plan(self, id: Id) {
        let Some(db) = db() else { return };
        spawn_local(async move {
            let Ok(Some(loaded)) = db.load(id).await else {
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
        self.backups.set(Vec::new());
        settings::forget_current_plan();
    }
}
