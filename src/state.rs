//! Application state: the open plan held in signals, and the commands that change it.
//!
//! Views read the signals and call commands; they never touch storage. Each command updates the
//! signals and writes exactly the records it changed (autosave: there is no save button). A
//! failed write leaves the screen as the user left it and raises an error notice, so nothing
//! typed is lost silently.

use crate::browser::{self, settings, BrowserIds};
use crate::route::Route;
use crate::storage::{Db, StorageError};
use crate::sync::{self, Change};
use atelier_core::file::{as_new_plan, PlanFile};
use atelier_core::text::count;
use atelier_core::{ActionSheet, Actor, Axis, Id, Plan};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

thread_local! {
    /// The open database; `None` until [`AppState::start`] has opened it.
    static DB: RefCell<Option<Rc<Db>>> = const { RefCell::new(None) };
}

fn db() -> Option<Rc<Db>> {
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
}

impl Notice {
    pub fn success(text: impl Into<String>) -> Self {
        Notice {
            kind: NoticeKind::Success,
            text: text.into(),
            details: Vec::new(),
            undo: false,
        }
    }

    pub fn error(text: impl Into<String>, details: Vec<String>) -> Self {
        Notice {
            kind: NoticeKind::Error,
            text: text.into(),
            details,
            undo: false,
        }
    }
}

/// What « Annuler » puts back after a delete.
#[derive(Clone, Debug)]
pub enum Undo {
    /// A deleted actor, its former position, and the actions that linked to it (the link is
    /// put back, leaving any later edit of those actions in place).
    Actor {
        actor: Actor,
        index: usize,
        linked_actions: Vec<Id>,
    },
    /// A deleted action sheet and its former position.
    Action { action: ActionSheet, index: usize },
}

/// Signals of the app, shared through context. `Copy`: pass it around freely.
#[derive(Clone, Copy)]
pub struct AppState {
    pub route: RwSignal<Route>,
    /// Every stored plan (records not loaded), for the plan list.
    pub plans: RwSignal<Vec<Plan>>,
    /// The open plan, if any.
    pub plan: RwSignal<Option<Plan>>,
    pub actors: RwSignal<Vec<Actor>>,
    pub actions: RwSignal<Vec<ActionSheet>>,
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
            notice: RwSignal::new(None),
            undos: RwSignal::new(Vec::new()),
            unsaved: RwSignal::new(false),
            pending: RwSignal::new(0),
            ready: RwSignal::new(false),
            fatal: RwSignal::new(None),
        }
    }

    /// Opens the database and reopens the plan used last (or the first one).
    pub fn start(self) {
        sync::listen(move |change| spawn_local(async move { self.apply_remote(change).await }));
        spawn_local(async move {
            let db = match Db::open().await {
                Ok(db) => Rc::new(db),
                Err(e) => {
                    self.fatal.set(Some(e.0));
                    return;
                }
            };
            DB.with(|d| *d.borrow_mut() = Some(db.clone()));
            match db.plans().await {
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

    async fn load(self, id: Id) {
        let Some(db) = db() else { return };
        match db.load(id).await {
            Ok(Some(loaded)) => {
                settings::set_current_plan(id);
                self.actors.set(loaded.actors);
                self.actions.set(loaded.actions);
                self.plan.set(Some(loaded.plan));
                if !loaded.unreadable.is_empty() {
                    self.notice.set(Some(Notice::error(
                        format!(
                            "{} : le plan s'ouvre sans eux. Ils restent stockés tels quels ; \
                             une version plus récente d'Atelier NR saura peut-être les lire.",
                            count(
                                loaded.unreadable.len(),
                                "enregistrement illisible",
                                "enregistrements illisibles"
                            )
                        ),
                        loaded.unreadable,
                    )));
                }
            }
            Ok(None) => self
                .notice
                .set(Some(Notice::error("Ce plan n'existe plus.", vec![]))),
            Err(e) => self.notice.set(Some(Notice::error(e.0, vec![]))),
        }
    }

    /// Opens a stored plan.
    pub fn open_plan(self, id: Id) {
        spawn_local(async move { self.load(id).await });
    }

    /// Creates an empty plan named `name`, stores it and opens it.
    /// Then shows `then` — only once the plan is stored, so that a failure leaves the user
    /// where they were, with the error and what they typed.
    pub fn create_plan(self, name: String, then: Route) {
        let plan = Plan::new(browser::new_id(), name);
        let file = PlanFile::new(plan, Vec::new(), Vec::new(), None);
        self.store_new_plan(file, None, Some(then));
    }

    /// Imports a validated plan file as a new plan: fresh ids, links remapped, stored in one
    /// transaction, then opened. Nothing already stored is modified.
    pub fn import_plan_as_new(self, file: PlanFile) {
        let mut file = as_new_plan(file, &mut BrowserIds);
        // Two plans with the same name would be hard to tell apart in the list.
        if self
            .plans
            .with_untracked(|p| p.iter().any(|p| p.name == file.plan.name))
        {
            file.plan.name = format!("{} (copie importée)", file.plan.name);
        }
        let message = format!(
            "Plan « {} » importé : {} et {}.",
            file.plan.name,
            count(file.actors.len(), "acteur", "acteurs"),
            count(file.actions.len(), "fiche action", "fiches action")
        );
        self.store_new_plan(file, Some(message), None);
    }

    fn store_new_plan(self, file: PlanFile, message: Option<String>, then: Option<Route>) {
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
                    if let Some(route) = then {
                        crate::ui::navigate(route);
                    }
                    if let Some(m) = message {
                        self.notice.set(Some(Notice::success(m)));
                    }
                }
                Err(e) => self.notice.set(Some(Notice::error(
                    format!("Le plan n'a pas été créé. {}", e.0),
                    vec![],
                ))),
            }
        });
    }

    /// Changes the open plan's own fields (name, territory) and writes the plan record.
    pub fn update_plan(self, change: impl FnOnce(&mut Plan)) {
        let Some(mut plan) = self.plan.get_untracked() else {
            return;
        };
        change(&mut plan);
        self.plans.update(|list| {
            if let Some(p) = list.iter_mut().find(|p| p.id == plan.id) {
                *p = plan.clone();
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
        file.drop_dangling_links();
        Some(file)
    }

    fn plan_id(self) -> Option<Id> {
        self.plan.with_untracked(|p| p.as_ref().map(|p| p.id))
    }

    /// Adds an actor named `name` and returns its id.
    pub fn add_actor(self, name: String) -> Option<Id> {
        let actor = Actor::new(browser::new_id(), name);
        let id = actor.id;
        self.actors.update(|a| a.push(actor.clone()));
        self.write_actor(actor);
        Some(id)
    }

    /// Changes one actor and writes that one record.
    pub fn update_actor(self, id: Id, change: impl FnOnce(&mut Actor)) {
        if let Some(actor) = change_one(self.actors, id, |a| a.id, change) {
            self.write_actor(actor);
        }
    }

    fn write_actor(self, actor: Actor) {
        let Some(plan_id) = self.plan_id() else {
            return;
        };
        let change = Change::Actor {
            plan: plan_id,
            id: actor.id,
        };
        self.persist(change, async move {
            match db() {
                Some(db) => db.put_actor(plan_id, &actor).await,
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
        self.pending.update(|n| *n += 1);
        let total = actors.len();
        progress.set(Some((0, total)));
        spawn_local(async move {
            let result = db
                .put_actors(plan_id, &actors, |done| progress.set(Some((done, total))))
                .await;
            progress.set(None);
            self.pending.update(|n| *n -= 1);
            match result {
                Ok(()) => {
                    sync::announce(&Change::Records { plan: plan_id });
                    let imported = count(total, "acteur importé", "acteurs importés");
                    self.actors.update(|list| {
                        for actor in actors {
                            match list.iter_mut().find(|a| a.id == actor.id) {
                                Some(existing) => *existing = actor,
                                None => list.push(actor),
                            }
                        }
                    });
                    let mut notice = Notice::success(format!("{imported}. À vérifier :"));
                    if warnings.is_empty() {
                        notice.text = format!("{imported}.");
                    }
                    notice.details = warnings;
                    self.notice.set(Some(notice));
                }
                Err(e) => self.notice.set(Some(Notice::error(
                    format!("Import annulé, rien n'a été enregistré. {}", e.0),
                    vec![],
                ))),
            }
        });
    }

    /// Deletes an actor, unlinks it from every action, and offers to undo.
    pub fn delete_actor(self, id: Id) {
        let Some(plan_id) = self.plan_id() else {
            return;
        };
        let Some(index) = self
            .actors
            .with_untracked(|a| a.iter().position(|a| a.id == id))
        else {
            return;
        };
        let mut actor = None;
        self.actors.update(|list| actor = Some(list.remove(index)));
        let Some(actor) = actor else { return };
        let mut after = Vec::new();
        self.actions.update(|list| {
            for action in list.iter_mut().filter(|a| a.actor_ids.contains(&id)) {
                action.actor_ids.retain(|x| *x != id);
                after.push(action.clone());
            }
        });
        let linked_actions = after.iter().map(|a| a.id).collect();
        let text = format!("Acteur « {} » supprimé.", actor.name);
        self.push_undo(
            text,
            Undo::Actor {
                actor,
                index,
                linked_actions,
            },
        );
        self.persist(Change::Records { plan: plan_id }, async move {
            match db() {
                Some(db) => db.delete_actor(plan_id, id, &after).await,
                None => Ok(()),
            }
        });
    }

    /// Adds an action sheet and returns its id.
    pub fn add_action(self, title: String, axis: Axis) -> Option<Id> {
        let action = ActionSheet::new(browser::new_id(), title, axis);
        let id = action.id;
        self.actions.update(|a| a.push(action.clone()));
        self.write_action(action);
        Some(id)
    }

    /// Changes one action sheet and writes that one record.
    pub fn update_action(self, id: Id, change: impl FnOnce(&mut ActionSheet)) {
        if let Some(action) = change_one(self.actions, id, |a| a.id, change) {
            self.write_action(action);
        }
    }

    fn write_action(self, action: ActionSheet) {
        let Some(plan_id) = self.plan_id() else {
            return;
        };
        let change = Change::Action {
            plan: plan_id,
            id: action.id,
        };
        self.persist(change, async move {
            match db() {
                Some(db) => db.put_action(plan_id, &action).await,
                None => Ok(()),
            }
        });
    }

    /// Deletes an action sheet and offers to undo.
    pub fn delete_action(self, id: Id) {
        let Some(plan_id) = self.plan_id() else {
            return;
        };
        let Some(index) = self
            .actions
            .with_untracked(|a| a.iter().position(|a| a.id == id))
        else {
            return;
        };
        let mut removed = None;
        self.actions
            .update(|list| removed = Some(list.remove(index)));
        let Some(action) = removed else { return };
        let text = format!("Fiche action « {} » supprimée.", action.title);
        self.push_undo(text, Undo::Action { action, index });
        self.persist(Change::Action { plan: plan_id, id }, async move {
            match db() {
                Some(db) => db.delete_action(plan_id, id).await,
                None => Ok(()),
            }
        });
    }

    fn push_undo(self, text: String, undo: Undo) {
        self.undos.update(|u| u.push(undo));
        let waiting = self.undos.with_untracked(Vec::len);
        let mut notice = Notice::success(if waiting > 1 {
            format!("{text} {waiting} suppressions peuvent être annulées, la plus récente d'abord.")
        } else {
            text
        });
        notice.undo = true;
        self.notice.set(Some(notice));
        // Focus the message, so that keyboard users reach « Annuler » with one Tab.
        crate::ui::focus_notice();
    }

    /// Undoes the latest delete still in [`AppState::undos`].
    pub fn undo(self) {
        let mut last = None;
        self.undos.update(|u| last = u.pop());
        let Some(undo) = last else { return };
        match undo {
            Undo::Actor {
                actor,
                index,
                linked_actions,
            } => {
                let actor_id = actor.id;
                crate::ui::focus_row(actor_id);
                self.actors.update(|list| {
                    let at = index.min(list.len());
                    list.insert(at, actor.clone());
                });
                self.write_actor(actor);
                for action_id in linked_actions {
                    self.update_action(action_id, |a| {
                        if !a.actor_ids.contains(&actor_id) {
                            a.actor_ids.push(actor_id);
                        }
                    });
                }
            }
            Undo::Action { action, index } => {
                crate::ui::focus_row(action.id);
                self.actions.update(|list| {
                    let at = index.min(list.len());
                    list.insert(at, action.clone());
                });
                self.write_action(action);
            }
        }
        let left = self.undos.with_untracked(Vec::len);
        let mut notice = Notice::success(match left {
            0 => "Suppression annulée.".to_owned(),
            n => format!(
                "Suppression annulée. {} encore possible.",
                count(n, "annulation", "annulations")
            ),
        });
        notice.undo = left > 0;
        self.notice.set(Some(notice));
    }

    /// Clears the message and the undo list (the user moved to another screen).
    pub fn forget_notice(self) {
        self.notice.set(None);
        self.undos.set(Vec::new());
    }

    /// Applies a change another tab stored: re-reads the record and replaces, adds or drops
    /// this tab's copy. Changes to other plans only refresh the plan list.
    async fn apply_remote(self, change: Change) {
        let Some(db) = db() else { return };
        let current = self.plan_id();
        match change {
            Change::Plans => {
                if let Ok(mut plans) = db.plans().await {
                    plans.sort_by(|a, b| a.name.cmp(&b.name));
                    self.plans.set(plans);
                }
            }
            Change::Plan { plan } => {
                if let Ok(Some(p)) = db.plan(plan).await {
                    self.plans.update(|list| {
                        if let Some(x) = list.iter_mut().find(|x| x.id == plan) {
                            *x = p.clone();
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
                }
            }
            Change::Actor { plan, id } if current == Some(plan) => {
                if let Ok(stored) = db.actor(plan, id).await {
                    self.actors
                        .update(|list| upsert(list, id, stored, |a| a.id));
                }
            }
            Change::Action { plan, id } if current == Some(plan) => {
                if let Ok(stored) = db.action(plan, id).await {
                    self.actions
                        .update(|list| upsert(list, id, stored, |a| a.id));
                }
            }
            _ => {}
        }
    }

    /// Runs a storage write, counting it as pending; on success tells the other tabs what
    /// changed, on failure raises a notice and marks the plan unsaved.
    fn persist(
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
                        format!("Modification non enregistrée. {}", e.0),
                        vec![],
                    )));
                }
            }
        });
    }
}

/// Applies `change` to the record with `id` in `list` and returns the changed record (to be
/// written), or `None` when no record has that id (deleted meanwhile, e.g. by another tab).
fn change_one<T: Clone + Send + Sync + 'static>(
    list: RwSignal<Vec<T>>,
    id: Id,
    key: fn(&T) -> Id,
    change: impl FnOnce(&mut T),
) -> Option<T> {
    let mut changed = None;
    list.update(|records| {
        if let Some(record) = records.iter_mut().find(|r| key(r) == id) {
            change(record);
            changed = Some(record.clone());
        }
    });
    changed
}

/// Replaces the record with `id` by `stored`, appends it if new, removes it if `None`.
fn upsert<T>(list: &mut Vec<T>, id: Id, stored: Option<T>, key: fn(&T) -> Id) {
    let at = list.iter().position(|x| key(x) == id);
    match (at, stored) {
        (Some(i), Some(record)) => list[i] = record,
        (None, Some(record)) => list.push(record),
        (Some(i), None) => {
            list.remove(i);
        }
        (None, None) => {}
    }
}

/// The state provided by [`crate::ui::App`].
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
