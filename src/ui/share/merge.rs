//! « Fusionner avec le plan ouvert »: the preview of what a colleague's copy brings — records
//! added, changed and deleted, and conflicts side by side — with a choice on each, then the
//! merge applied (see `core::merge` for the rules, `AppState::apply_merge` for the writes).

use crate::route::Route;
use crate::state::{use_state, NoticeKind};
use crate::ui::format::date_time;
use atelier_core::file::migrations::RecordKind;
use atelier_core::file::PlanFile;
use atelier_core::i18n::{t, t_dyn, t_opt, tf, tn};
use atelier_core::merge::fields::FieldDiff;
use atelier_core::merge::plan::{Outcome, RecordChange};
use atelier_core::merge::{align, merge, Choices, Report};
use atelier_core::Id;
use leptos::prelude::*;
use serde_json::Value;
use std::collections::HashMap;

/// Records listed per kind before « … et N autres » (all of them are merged).
const SHOWN: usize = 200;

thread_local! {
    /// The choices made on the preview of one file (named by [`file_key`]), kept while the
    /// preview is redrawn — Back and Forward, a language change — so that none is lost.
    static CHOICES: std::cell::RefCell<(String, Choices)> = Default::default();
}

/// What tells one pending file from another: its name, plan and export time.
fn file_key(name: &str, file: &PlanFile) -> String {
    format!("{name}|{}|{:?}", file.plan.id, file.exported_at)
}

/// The kinds in the order the preview lists them, with their heading key.
const KINDS: [(RecordKind, &str); 6] = [
    (RecordKind::Plan, "share.merge.kind.plan"),
    (RecordKind::Actor, "share.merge.kind.actors"),
    (RecordKind::Action, "share.merge.kind.actions"),
    (RecordKind::Mobilisation, "share.merge.kind.mobilisations"),
    (RecordKind::Need, "share.merge.kind.needs"),
    (RecordKind::Snapshot, "share.merge.kind.snapshots"),
];

#[component]
pub fn MergeScreen() -> impl IntoView {
    let state = use_state();
    move || {
        let Some((name, file)) = state.pending_merge.get() else {
            return view! {
                <h1 tabindex="-1">{t("share.merge.title")}</h1>
                <p>{t("share.merge.nothing")}</p>
                <a class="button" href=Route::Home.hash()>{t("share.preview.go_home")}</a>
            }
            .into_any();
        };
        let Some(here) = state.export_file() else {
            return view! { <p class="loading">{t("common.loading_plan")}</p> }.into_any();
        };
        match align(&here.plan, file) {
            Err(e) => view! {
                <h1 tabindex="-1">{t("share.merge.title")}</h1>
                <p role="alert">{e.to_string()}</p>
                <a class="button" href=Route::Home.hash()>{t("share.preview.go_home")}</a>
            }
            .into_any(),
            Ok(there) => view! { <Preview name here there /> }.into_any(),
        }
    }
}

/// The merge preview of `there` (aligned) into `here`.
#[component]
fn Preview(name: String, here: PlanFile, there: PlanFile) -> impl IntoView {
    let state = use_state();
    let key = file_key(&name, &there);
    let kept = CHOICES.with_borrow(|(k, c)| (*k == key).then(|| c.clone()));
    let choices = RwSignal::new(kept.unwrap_or_default());
    Effect::new(move || {
        let now = choices.get();
        CHOICES.with_borrow_mut(|kept| *kept = (key.clone(), now));
    });
    // « Appliquer » runs once: a second click would merge again and push out a backup.
    let applying = RwSignal::new(false);
    Effect::new(move || {
        if state
            .notice
            .with(|n| n.as_ref().is_some_and(|n| n.kind == NoticeKind::Error))
        {
            applying.set(false);
        }
    });
    let report = merge(&here, &there, &Choices::default()).report;
    let names: HashMap<String, String> = here
        .actors
        .iter()
        .chain(&there.actors)
        .map(|a| (a.id.to_string(), a.name.clone()))
        .collect();
    let summary = summary(&report);
    let empty = report.is_empty();
    let withheld = report.withheld;
    let sections = KINDS
        .iter()
        .filter_map(|(kind, heading)| {
            let changes: Vec<RecordChange> = report
                .changes
                .iter()
                .filter(|c| c.kind == *kind)
                .cloned()
                .collect();
            (!changes.is_empty()).then(|| {
                let more = changes.len().saturating_sub(SHOWN);
                let items = changes
                    .into_iter()
                    .take(SHOWN)
                    .map(|c| record(c, choices, &names))
                    .collect_view();
                view! {
                    <section class="merge-kind">
                        <h2>{t_dyn(heading)}</h2>
                        <ul class="merge-list">{items}</ul>
                        {(more > 0).then(|| view! { <p class="hint">{tn("share.preview.more", more as u64, &[])}</p> })}
                    </section>
                }
            })
        })
        .collect_view();
    let (title, merging) = (name.clone(), there.clone());
    let apply = move |_| {
        applying.set(true);
        state.apply_merge(merging.clone(), choices.get_untracked(), title.clone());
    };
    view! {
        <h1 tabindex="-1">{t("share.merge.title")}</h1>
        <p class="lead">{tf("share.merge.lead", &[("name", &name), ("plan", &here.plan.name)])}</p>
        <p>{summary}</p>
        {(withheld > 0).then(|| view! { <p class="hint">{tn("share.merge.withheld", withheld as u64, &[])}</p> })}
        {if empty {
            view! { <p role="status">{t("share.merge.same")}</p> }.into_any()
        } else {
            sections.into_any()
        }}
        <div class="toolbar">
            <button type="button" class="button button-primary" id="merge-apply" disabled=move || empty || applying.get() on:click=apply>{t("share.merge.apply")}</button>
            <a class="button button-quiet" href=Route::Home.hash() on:click=move |_| state.pending_merge.set(None)>{t("share.merge.cancel")}</a>
        </div>
        <p class="hint">{t("share.merge.backup_hint")}</p>
    }
}

/// « En tout : 3 ajouts, 1 suppression, 0 conflit. »: the kinds of change this copy brings,
/// those it does not bring left out, except conflicts (« 0 conflit » tells there is nothing
/// to decide).
fn summary(report: &Report) -> String {
    let count =
        |f: &dyn Fn(&RecordChange) -> bool| report.changes.iter().filter(|c| f(c)).count() as u64;
    let counts = [
        ("share.merge.added", count(&|c| c.outcome == Outcome::Added)),
        // A record whose only differences are conflicts is counted with the conflicts.
        (
            "share.merge.changed",
            count(&|c| c.outcome == Outcome::Changed && c.fields.iter().any(|f| !f.conflict)),
        ),
        (
            "share.merge.deleted",
            count(&|c| matches!(c.outcome, Outcome::Deleted { .. })),
        ),
        (
            "share.merge.kept",
            count(&|c| {
                matches!(
                    c.outcome,
                    Outcome::KeptForLinks | Outcome::DeletedHere | Outcome::KeptThere
                )
            }),
        ),
    ];
    let mut parts: Vec<String> = counts
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(key, n)| tn(key, n, &[]))
        .collect();
    parts.push(tn(
        "share.merge.conflicts",
        report.conflicts().count() as u64,
        &[],
    ));
    tf("share.merge.summary", &[("counts", &parts.join(", "))])
}

/// One record of the preview, with its choice.
fn record(
    change: RecordChange,
    choices: RwSignal<Choices>,
    names: &HashMap<String, String>,
) -> AnyView {
    let id = change.id;
    let label = change.label.clone();
    // A box whose ticked state is « the outcome happens » (`refuse_when_ticked` false) or
    // « the record comes back » (true, for a record deleted here).
    let check = move |text: String, refuse_when_ticked: bool| {
        let ticked = move || choices.with(|c| c.refused.contains(&id)) == refuse_when_ticked;
        view! {
            <li>
                <label class="check">
                    <input type="checkbox" prop:checked=ticked on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        choices.update(|c| {
                            if on == refuse_when_ticked {
                                c.refused.insert(id);
                            } else {
                                c.refused.remove(&id);
                            }
                        });
                    } />
                    {text}
                </label>
            </li>
        }
        .into_any()
    };
    match change.outcome {
        Outcome::Added => check(tf("share.merge.add", &[("name", &label)]), false),
        Outcome::Deleted { edited_here } => {
            let key = if edited_here {
                "share.merge.delete_edited"
            } else {
                "share.merge.delete"
            };
            check(tf(key, &[("name", &label)]), false)
        }
        Outcome::KeptForLinks => check(tf("share.merge.keep_linked", &[("name", &label)]), false),
        Outcome::DeletedHere => check(tf("share.merge.revive", &[("name", &label)]), true),
        Outcome::KeptThere => check(tf("share.merge.kept_there", &[("name", &label)]), false),
        Outcome::Changed => {
            let fields = change
                .fields
                .iter()
                .map(|f| field(id, &label, f, choices, names))
                .collect_view();
            view! {
                <li>
                    <strong>{label}</strong>
                    <ul>{fields}</ul>
                </li>
            }
            .into_any()
        }
    }
}

/// One field that differs: a plain line, or for a conflict two choices side by side.
fn field(
    id: Id,
    record: &str,
    f: &FieldDiff,
    choices: RwSignal<Choices>,
    names: &HashMap<String, String>,
) -> AnyView {
    let label = field_label(&f.key);
    let (here, there) = (show(&f.key, &f.here, names), show(&f.key, &f.there, names));
    // Not a conflict: a change the other copy brings (what changed only here is not listed).
    if !f.conflict {
        return view! { <li>{tf("share.merge.field_change", &[("field", &label), ("old", &here), ("new", &there)])}</li> }
            .into_any();
    }
    let key = f.key.clone();
    let default_theirs = f.theirs_by_default;
    let when = |tick: &Option<atelier_core::merge::Tick>| {
        tick.as_ref()
            .map_or_else(|| t("share.merge.undated").to_owned(), |k| date_time(k.at))
    };
    let (here_when, there_when) = (when(&f.here_tick), when(&f.there_tick));
    let group = format!("conflict-{id}-{key}");
    // Which radio is on: the user's choice, else the default — both lists put together
    // when there is such a value, else the later change.
    let combined = f.combined.as_ref().map(|v| show(&f.key, v, names));
    let has_both = combined.is_some();
    let picked = {
        let key = key.clone();
        move || {
            choices.with(|c| match c.fields.get(&(id, key.clone())) {
                Some(theirs) => Some(*theirs),
                None if has_both => None,
                None => Some(default_theirs),
            })
        }
    };
    // The choice is kept as made (not as « the other one than the default »), so that an
    // edit in another tab before « Appliquer » cannot turn it round.
    let pick_key = key.clone();
    let pick = move |want_theirs: bool| {
        let key = pick_key.clone();
        move |_| {
            choices.update(|c| {
                c.fields.insert((id, key.clone()), want_theirs);
            })
        }
    };
    let (p1, p2, p3) = (picked.clone(), picked.clone(), picked);
    let both = combined.map(|value| {
        let key = key.clone();
        let group = group.clone();
        view! {
            <label class="check">
                <input type="radio" name=group prop:checked=move || p3().is_none() on:change=move |_| {
                    choices.update(|c| {
                        c.fields.remove(&(id, key.clone()));
                    })
                } />
                {tf("share.merge.take_both", &[("value", &value)])}
            </label>
        }
    });
    view! {
        <li>
            <fieldset class="merge-conflict">
                <legend>{tf("share.merge.conflict", &[("record", &record), ("field", &label)])}</legend>
                {both}
                <label class="check">
                    <input type="radio" name=group.clone() prop:checked=move || p1() == Some(false) on:change=pick(false) />
                    {tf("share.merge.keep_here", &[("value", &here), ("when", &here_when)])}
                </label>
                <label class="check">
                    <input type="radio" name=group prop:checked=move || p2() == Some(true) on:change=pick(true) />
                    {tf("share.merge.take_there", &[("value", &there), ("when", &there_when)])}
                </label>
            </fieldset>
        </li>
    }
    .into_any()
}

/// A field's name as the screens call it; a nested field's with its record's
/// (« Territoire — Population »).
fn field_label(path: &str) -> String {
    path.split('/')
        .map(|part| {
            t_opt(&format!("share.merge.field.{part}"))
                .unwrap_or(part)
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join(" — ")
}

/// The catalogue groups (`domain.<group>.<code>`) that may label a field's codes.
fn code_groups(path: &str) -> &'static [&'static str] {
    match path {
        "status" => &["action_status", "mobilisation_status", "need_status"],
        "territory/kind" => &["territory_kind"],
        "governance/cadence" => &["review_cadence"],
        "kind" => &["need_kind", "budget_kind"],
        "engagement" => &["engagement"],
        "relevance" => &["relevance"],
        "priority" => &["priority"],
        "phase" => &["phase"],
        "axis" => &["axis"],
        "family" => &["family"],
        _ => &[],
    }
}

/// A stored value as the user reads it: text as it is, ids as actors' names, kit codes as
/// their labels, lists joined, nothing as « — ».
fn show(key: &str, value: &Value, names: &HashMap<String, String>) -> String {
    match value {
        Value::Null => "—".into(),
        Value::Bool(b) => t_dyn(if *b { "domain.yes" } else { "domain.no" }).into(),
        Value::String(s) if s.is_empty() => "—".into(),
        // Days as the screens write them (« 30/06/2027 »), not as stored.
        Value::String(s) if s.len() == 10 && s.as_bytes()[4] == b'-' => {
            match atelier_core::text::parse_day(s) {
                Ok(Some(day)) => atelier_core::text::short_date(day),
                _ => s.clone(),
            }
        }
        Value::String(s) if key.ends_with("found_by") => atelier_core::FoundBy::ALL
            .iter()
            .find(|f| f.code() == s)
            .map_or_else(|| s.clone(), |f| f.label().to_owned()),
        Value::String(s) => names
            .get(s)
            .cloned()
            .or_else(|| {
                code_groups(key)
                    .iter()
                    .find_map(|k| t_opt(&format!("domain.{k}.{s}")))
                    .map(str::to_owned)
            })
            .unwrap_or_else(|| s.clone()),
        Value::Array(items) if items.is_empty() => "—".into(),
        Value::Array(items) => items
            .iter()
            .map(|v| show(key, v, names))
            .collect::<Vec<_>>()
            .join(", "),
        // A year as it is written; other numbers as the screens write them (« 12 500 »,
        // « 12,5 »), whole ones without « .0 ».
        Value::Number(n) if key.ends_with("year") => n.to_string(),
        Value::Number(n) => n
            .as_f64()
            .map_or_else(|| n.to_string(), crate::ui::format::number),
        // Nested records (an indicator, a budget line, a note…): what names them, else
        // their words, compact.
        Value::Object(map) => {
            let named = ["name", "label", "title", "text"].iter().find_map(|k| {
                map.get(*k)
                    .and_then(Value::as_str)
                    .filter(|s| !s.is_empty())
            });
            match named {
                Some(name) => match ["on", "amount", "target"]
                    .iter()
                    .find_map(|k| map.get(*k).filter(|v| !v.is_null()))
                {
                    Some(v) => format!("{name} ({})", show(key, v, names)),
                    None => name.to_owned(),
                },
                None => map
                    .iter()
                    .filter(|(_, v)| !matches!(v, Value::Null | Value::Array(_) | Value::Object(_)))
                    .map(|(k, v)| show(k, v, names))
                    .filter(|s| s != "—")
                    .collect::<Vec<_>>()
                    .join(" · "),
            }
        }
    }
}
