//! Storage adapter tests, run in headless Chromium by wasm-bindgen-test (see `.ci/test`).
//! Each test uses its own database name so tests never see each other's records.
#![cfg(target_arch = "wasm32")]

use atelier_core::file::PlanFile;
use atelier_core::{
    ActionSheet, Actor, Axis, Circle, EngagementLevel, Id, Mobilisation, Need, NeedKind, Plan,
};
use atelier_nr::browser::new_id;
use atelier_nr::storage::{Db, Write, DB_VERSION, STORES};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn sample_plan(actors: usize) -> PlanFile {
    let plan = Plan::new(new_id(), "Plan de test");
    let actors: Vec<Actor> = (0..actors)
        .map(|i| Actor::new(new_id(), format!("Acteur {i} — Région")))
        .collect();
    let mut action = ActionSheet::new(new_id(), "Collecte de matériel", Axis::Support);
    action.actor_ids = actors.iter().take(1).map(|a| a.id).collect();
    PlanFile::new(plan, actors, vec![action], None)
}

async fn fresh(name: &str) -> Db {
    let _ = rexie::Rexie::delete(name).await;
    Db::open_with(name, DB_VERSION, STORES)
        .await
        .expect("database opens")
}

#[wasm_bindgen_test]
async fn a_stored_plan_comes_back_after_reopening() {
    let db = fresh("t-reopen").await;
    let file = sample_plan(3);
    db.put_whole_plan(&file).await.unwrap();
    db.close();

    let db = Db::open_with("t-reopen", DB_VERSION, STORES).await.unwrap();
    let loaded = db.load(file.plan.id).await.unwrap().expect("plan is there");
    assert_eq!(loaded.plan, file.plan);
    let mut names: Vec<_> = loaded.actors.iter().map(|a| a.name.clone()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Acteur 0 — Région",
            "Acteur 1 — Région",
            "Acteur 2 — Région"
        ]
    );
    assert_eq!(loaded.actions, file.actions);
}

#[wasm_bindgen_test]
async fn editing_one_actor_writes_one_record() {
    let db = fresh("t-one-record").await;
    let file = sample_plan(50);
    db.put_whole_plan(&file).await.unwrap();
    let before = db.writes();

    let mut actor = file.actors[7].clone();
    actor.engagement = EngagementLevel::Driving;
    db.put(file.plan.id, &actor).await.unwrap();

    assert_eq!(db.writes() - before, 1);
    let loaded = db.load(file.plan.id).await.unwrap().unwrap();
    let stored = loaded.actors.iter().find(|a| a.id == actor.id).unwrap();
    assert_eq!(stored.engagement, EngagementLevel::Driving);
    assert_eq!(loaded.actors.len(), 50);
}

#[wasm_bindgen_test]
async fn two_plans_with_the_same_record_ids_never_collide() {
    let db = fresh("t-collide").await;
    let a = sample_plan(2);
    // Same actor and action ids, another plan: keys are [plan, id], so both survive.
    let mut b = a.clone();
    b.plan = Plan::new(new_id(), "Autre plan");
    b.actors[0].name = "Nom dans le plan B".into();
    db.put_whole_plan(&a).await.unwrap();
    db.put_whole_plan(&b).await.unwrap();

    let la = db.load(a.plan.id).await.unwrap().unwrap();
    let lb = db.load(b.plan.id).await.unwrap().unwrap();
    assert!(la.actors.iter().any(|x| x.name == a.actors[0].name));
    assert!(lb.actors.iter().any(|x| x.name == "Nom dans le plan B"));
    assert_eq!(db.plans().await.unwrap().len(), 2);

    db.delete_plan(a.plan.id).await.unwrap();
    assert!(db.load(a.plan.id).await.unwrap().is_none());
    assert_eq!(db.load(b.plan.id).await.unwrap().unwrap().actors.len(), 2);
}

#[wasm_bindgen_test]
async fn deleting_an_actor_unlinks_it_in_the_same_write() {
    let db = fresh("t-unlink").await;
    let file = sample_plan(2);
    db.put_whole_plan(&file).await.unwrap();
    let mut action = file.actions[0].clone();
    let gone = action.actor_ids[0];
    action.actor_ids.clear();
    let id = file.plan.id;
    db.apply(vec![
        Write::delete::<Actor>(id, gone),
        Write::put(id, &action),
    ])
    .await
    .unwrap();

    let loaded = db.load(file.plan.id).await.unwrap().unwrap();
    assert_eq!(loaded.actors.len(), 1);
    assert!(loaded.actions[0].actor_ids.is_empty());
}

#[wasm_bindgen_test]
async fn a_version_bump_keeps_every_record() {
    let name = "t-upgrade";
    let db = fresh(name).await;
    let file = sample_plan(5);
    db.put_whole_plan(&file).await.unwrap();
    db.close();

    // The next release adds a store: it must declare the old ones again.
    let mut next: Vec<&str> = STORES.to_vec();
    next.push("future_store");
    let db = Db::open_with(name, DB_VERSION + 1, &next).await.unwrap();
    let loaded = db
        .load(file.plan.id)
        .await
        .unwrap()
        .expect("plan survived the upgrade");
    assert_eq!(loaded.actors.len(), 5);
    assert_eq!(loaded.actions.len(), 1);
}

#[wasm_bindgen_test]
async fn an_unknown_plan_loads_as_none() {
    let db = fresh("t-none").await;
    assert!(db
        .load(Id::from_random_bytes([3; 16]))
        .await
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn records_written_at_version_1_are_upgraded_on_read() {
    use wasm_bindgen::JsValue;
    let name = "t-v1-records";
    let _ = rexie::Rexie::delete(name).await;
    // As the first release left it: IndexedDB version 1 with three stores.
    let mut builder = rexie::Rexie::builder(name).version(1);
    for store in &STORES[..3] {
        builder = builder.add_object_store(rexie::ObjectStore::new(store));
    }
    let raw = builder.build().await.unwrap();
    let plan_id = "6f1c2a3b-0000-4000-8000-000000000001";
    let actor_id = "6f1c2a3b-0000-4000-8000-000000000003";
    let plan = r#"{"v":1,"data":{"id":"6f1c2a3b-0000-4000-8000-000000000001","name":"Ancien plan","territory":{"name":"","kind":"epci","population":60000}}}"#;
    let actor = r#"{"v":1,"data":{"id":"6f1c2a3b-0000-4000-8000-000000000003","family":"association","actor_type":"Association dans le NR (seconde vie)","name":"Envie 35","nr_action_types":[],"description":"","engagement":"committed","referent":"","contact":""}}"#;
    let tx = raw
        .transaction(&["plans", "actors"], rexie::TransactionMode::ReadWrite)
        .unwrap();
    tx.store("plans")
        .unwrap()
        .put(&JsValue::from_str(plan), Some(&JsValue::from_str(plan_id)))
        .await
        .unwrap();
    let key = js_sys::Array::of2(&JsValue::from_str(plan_id), &JsValue::from_str(actor_id));
    tx.store("actors")
        .unwrap()
        .put(&JsValue::from_str(actor), Some(&key.into()))
        .await
        .unwrap();
    tx.done().await.unwrap();
    raw.close();

    let db = Db::open_with(name, DB_VERSION, STORES).await.unwrap();
    let loaded = db
        .load(Id::parse(plan_id).unwrap())
        .await
        .unwrap()
        .expect("the old plan loads");
    assert_eq!(loaded.plan.name, "Ancien plan");
    assert!(loaded.plan.decisions.is_empty());
    let envie = &loaded.actors[0];
    assert_eq!(
        envie.subtype,
        Some(atelier_core::Subtype::Kit("nr_associations".into()))
    );
    assert!(!envie.partner_funder);
}

#[wasm_bindgen_test]
async fn mobilisations_and_needs_are_stored_one_record_each() {
    let db = fresh("t-step2").await;
    let file = sample_plan(1);
    db.put_whole_plan(&file).await.unwrap();
    let actor = file.actors[0].id;
    let mut mob = Mobilisation::new(new_id(), "Webinaire", Circle::Two);
    mob.actor_ids.push(actor);
    let need = Need::new(new_id(), actor, NeedKind::Training);
    let before = db.writes();
    db.put(file.plan.id, &mob).await.unwrap();
    db.put(file.plan.id, &need).await.unwrap();
    assert_eq!(db.writes() - before, 2, "one record per write");
    db.close();

    let db = Db::open_with("t-step2", DB_VERSION, STORES).await.unwrap();
    let loaded = db.load(file.plan.id).await.unwrap().unwrap();
    assert_eq!(loaded.mobilisations, vec![mob]);
    assert_eq!(loaded.needs, vec![need.clone()]);
    db.delete::<Need>(file.plan.id, need.id).await.unwrap();
    db.delete_plan(file.plan.id).await.unwrap();
    let gone = db.get::<Mobilisation>(file.plan.id, loaded.mobilisations[0].id);
    assert!(
        gone.await.unwrap().is_none(),
        "deleting a plan deletes its mobilisations"
    );
}

#[wasm_bindgen_test]
async fn a_closed_year_is_one_record_kept_with_the_plan_and_deleted_with_it() {
    let db = fresh("t-snapshot").await;
    let file = sample_plan(2);
    db.put_whole_plan(&file).await.unwrap();
    let at = chrono::DateTime::from_timestamp(1_798_000_000, 0).unwrap();
    let closed = atelier_core::snapshot::close_year(&file, 2026, new_id(), at);
    let before = db.writes();
    db.put(file.plan.id, &closed).await.unwrap();
    assert_eq!(db.writes() - before, 1, "closing a year writes one record");
    db.close();

    let db = Db::open_with("t-snapshot", DB_VERSION, STORES)
        .await
        .unwrap();
    let loaded = db.load(file.plan.id).await.unwrap().unwrap();
    assert_eq!(loaded.snapshots, vec![closed.clone()]);
    assert_eq!(loaded.snapshots[0].actors.len(), 2);
    db.delete_plan(file.plan.id).await.unwrap();
    let gone = db.get::<atelier_core::snapshot::YearSnapshot>(file.plan.id, closed.id);
    assert!(
        gone.await.unwrap().is_none(),
        "deleting a plan deletes its closed years"
    );
}

#[wasm_bindgen_test]
async fn a_merge_writes_only_what_changed_beside_a_backup_and_tombstones_come_back() {
    let db = fresh("t-merge").await;
    let file = sample_plan(20);
    db.put_whole_plan(&file).await.unwrap();
    let mut actor = file.actors[3].clone();
    actor.description = "Vu dans la copie d'une collègue".into();
    let stone = atelier_core::merge::Tombstone {
        id: file.actors[4].id,
        at: chrono::DateTime::from_timestamp(1_798_000_000, 0).unwrap(),
        by: "b1c2d3e4".into(),
    };
    let backup = atelier_nr::storage::Backup::of(
        &file,
        chrono::DateTime::from_timestamp(1_798_000_001, 0).unwrap(),
        "Avant la fusion".into(),
        new_id(),
    );
    let before = db.writes();
    let writes = vec![
        Write::put(file.plan.id, &actor),
        Write::delete::<Actor>(file.plan.id, stone.id),
        Write::put(file.plan.id, &stone),
    ];
    db.apply_with_backup(file.plan.id, &backup, writes)
        .await
        .unwrap();
    assert_eq!(db.writes() - before, 4, "three records and the backup");
    db.close();

    let db = Db::open_with("t-merge", DB_VERSION, STORES).await.unwrap();
    let loaded = db.load(file.plan.id).await.unwrap().unwrap();
    assert_eq!(loaded.actors.len(), 19);
    assert_eq!(loaded.tombstones, vec![stone]);
    let kept = loaded.actors.iter().find(|a| a.id == actor.id).unwrap();
    assert_eq!(kept.description, actor.description);
    let backups = db.backups(file.plan.id).await.unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].reason, "Avant la fusion");
}

/// Resolves after `ms` milliseconds (to bound a wait that must not hang).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_newer_build_upgrades_without_waiting_on_this_tab_which_then_stops_writing() {
    use std::cell::Cell;
    use std::rc::Rc;
    let name = "t-newer-build";
    let db = fresh(name).await;
    let file = sample_plan(2);
    db.put_whole_plan(&file).await.unwrap();
    let told = Rc::new(Cell::new(false));
    let flag = told.clone();
    db.on_upgrade(move || flag.set(true));

    // Another tab, of a newer build, opens the data at a higher version while this one is open.
    let newer = Box::pin(Db::open_with(name, DB_VERSION + 100, STORES));
    let waited = Box::pin(sleep(5_000));
    let newer = match futures::future::select(newer, waited).await {
        futures::future::Either::Left((opened, _)) => opened.expect("the newer build opens"),
        futures::future::Either::Right(_) => panic!("the upgrade waited on the open tab"),
    };
    assert!(told.get(), "the older tab is told");
    let mut actor = file.actors[0].clone();
    actor.name = "Écrit par l'ancien onglet".into();
    let refused = db.put(file.plan.id, &actor).await.unwrap_err();
    assert!(refused.0.contains("plus récente"), "{}", refused.0);
    let kept = newer.load(file.plan.id).await.unwrap().unwrap();
    assert!(kept.actors.iter().all(|a| a.name != actor.name));
}

#[wasm_bindgen_test]
async fn many_actors_are_stored_in_one_transaction_with_progress() {
    use std::cell::RefCell;
    let db = fresh("t-many").await;
    let file = sample_plan(0);
    db.put_whole_plan(&file).await.unwrap();
    let actors: Vec<Actor> = (0..1_200)
        .map(|i| Actor::new(new_id(), format!("Acteur {i}")))
        .collect();
    let seen = RefCell::new(Vec::new());
    db.put_many(file.plan.id, &actors, |n| seen.borrow_mut().push(n))
        .await
        .unwrap();
    assert_eq!(seen.into_inner(), vec![500, 1_000, 1_200]);
    let loaded = db.load(file.plan.id).await.unwrap().unwrap();
    assert_eq!(loaded.actors.len(), 1_200);
}
