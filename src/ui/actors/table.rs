//! The census table, virtualised: only the rows in view (plus a margin) are in the DOM, so
//! 10 000 actors scroll, filter and sort as smoothly as 20. Rows have a fixed height (one line,
//! ellipsis) so that the scroll position maps to a row index.

use super::super::widgets::RowButtons;
use crate::state::use_state;
use atelier_core::i18n::{t, tn};
use atelier_core::query::{sort, SortKey};
use atelier_core::{Actor, Id};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Rows drawn above and below the visible ones, so fast scrolling shows no gap.
const OVERSCAN: usize = 4;
/// Row height used until a row has been measured (pixels).
const DEFAULT_ROW_HEIGHT: f64 = 49.0;

fn columns() -> [(SortKey, &'static str); 7] {
    [
        (SortKey::Name, t("actors.table.col_name")),
        (SortKey::Type, t("actors.table.col_type")),
        (SortKey::Family, t("actors.table.col_family")),
        (SortKey::NrTypes, t("actors.table.col_nr_types")),
        (SortKey::Engagement, t("actors.table.col_engagement")),
        (SortKey::Circle, t("actors.table.col_circle")),
        (SortKey::Referent, t("actors.table.col_referent")),
    ]
}

#[component]
pub fn ActorTable(
    /// Indices of the actors that pass the search and filters, in stored order.
    filtered: Memo<Vec<usize>>,
    /// Set to the actor whose row gets focus or a click (see [`super::quick`]).
    focused: RwSignal<Option<Id>>,
    on_edit: impl Fn(Id) + Copy + Send + Sync + 'static,
    on_delete: impl Fn(Id) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_state();
    let sorting = RwSignal::new(None::<(SortKey, bool)>);
    let visible = Memo::new(move |_| {
        let mut rows = filtered.get();
        if let Some((key, ascending)) = sorting.get() {
            state.actors.with(|a| sort(&mut rows, a, key, ascending));
        }
        rows
    });
    let scroll_top = RwSignal::new(0.0_f64);
    let row_height = RwSignal::new(DEFAULT_ROW_HEIGHT);
    let viewport = RwSignal::new(600.0_f64);
    let window_range = move || {
        let h = row_height.get().max(1.0);
        let total = visible.with(Vec::len);
        let first = ((scroll_top.get() / h) as usize)
            .saturating_sub(OVERSCAN)
            .min(total);
        let last = (first + (viewport.get() / h).ceil() as usize + 2 * OVERSCAN).min(total);
        (first, last)
    };

    let on_scroll = move |ev: leptos::ev::Event| {
        let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        scroll_top.set(f64::from(el.scroll_top()));
        viewport.set(f64::from(el.client_height()));
        // Measure a real row: the phone layout (cards) is taller than the desktop one.
        if let Some(row) = el.query_selector("tbody tr.row").ok().flatten() {
            let h = row.get_bounding_client_rect().height();
            if h > 0.0 && (h - row_height.get_untracked()).abs() > 0.5 {
                row_height.set(h);
            }
        }
    };

    let header = move |(key, label): (SortKey, &'static str)| {
        let aria = move || match sorting.get() {
            Some((k, true)) if k == key => "ascending",
            Some((k, false)) if k == key => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="sort-button" on:click=move |_| sorting.update(|s| {
                    *s = match *s {
                        Some((k, true)) if k == key => Some((key, false)),
                        Some((k, false)) if k == key => None,
                        _ => Some((key, true)),
                    }
                })>
                    // The ▲ ▼ mark is drawn by the style from `aria-sort` (one element less per
                    // column: every element counts in the screen's EcoIndex).
                    {label}
                </button>
            </th>
        }
    };

    view! {
        <p class="table-count" aria-live="polite">
            {move || {
                let total = state.actors.with(Vec::len);
                let shown = visible.with(Vec::len);
                if total == 0 { t("actors.table.none").to_string() }
                else if shown == total { tn("actors.table.count", total as u64, &[]) }
                else { tn("actors.table.count_shown", shown as u64, &[("count", &tn("actors.table.count", total as u64, &[]))]) }
            }}
        </p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=t("actors.table.label") on:scroll=on_scroll>
            <table class="data-table actor-table" aria-rowcount=move || visible.with(Vec::len) + 1>
                <caption class="visually-hidden">{t("actors.table.caption")}</caption>
                <thead>
                    <tr aria-rowindex="1">
                        {columns().into_iter().map(header).collect_view()}
                        <th scope="col"><span class="visually-hidden">{t("actors.table.actions")}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <tr class="spacer" aria-hidden="true" style:height=move || format!("{}px", (window_range().0 as f64 * row_height.get()) as u64)></tr>
                    // Keyed by what a row shows: rows that stay in view keep their DOM nodes
                    // while scrolling, so keyboard focus stays on the same actor and Tab
                    // walks the rows in order.
                    <For each=move || {
                        let (first, last) = window_range();
                        let labels = state.plan.with(|p| {
                            atelier_core::EngagementLevel::ALL.map(|l| p.as_ref().map_or(l.label(), |p| p.engagement_label(l)).to_owned())
                        });
                        visible.with(|v| state.actors.with(|a| {
                            v[first..last].iter().enumerate().map(|(k, &i)| RowData::new(&a[i], &labels, first + k + 2)).collect::<Vec<_>>()
                        }))
                    } key=|r: &RowData| r.clone() let:r>
                        {row(r, focused, on_edit, on_delete)}
                    </For>
                    <tr class="spacer" aria-hidden="true" style:height=move || {
                        let (_, last) = window_range();
                        format!("{}px", ((visible.with(Vec::len) - last) as f64 * row_height.get()) as u64)
                    }></tr>
                </tbody>
            </table>
        </div>
        // The active row's values in full (narrow cells end in « … »): hover shows them as a
        // title, the keyboard gets them here. Screen readers read the cells, which hold the
        // whole text, so this line is hidden from them.
        // Drawn only once a row is active: every element counts in the screen's EcoIndex.
        {move || {
            let id = focused.get()?;
            let text = state.actors.with(|a| a.iter().find(|a| a.id == id).map(|a| {
                let types = atelier_core::kit::nr_types_label(&a.nr_action_types);
                [a.name.as_str(), &a.actor_type, a.family.label(), &types, &a.referent]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ")
            }))?;
            Some(view! { <p class="hint row-detail" aria-hidden="true">{text}</p> })
        }}
    }
}

/// What one row shows; also its key, so a row is redrawn exactly when what it shows changes.
#[derive(Clone, PartialEq, Eq, Hash)]
struct RowData {
    id: Id,
    /// 1-based position for assistive technologies (the header row is 1).
    index: usize,
    name: String,
    actor_type: String,
    family: &'static str,
    nr_types: String,
    level_code: &'static str,
    level: String,
    circle: u8,
    referent: String,
}

impl RowData {
    fn new(a: &Actor, levels: &[String; 4], index: usize) -> Self {
        RowData {
            id: a.id,
            index,
            name: a.name.clone(),
            actor_type: a.actor_type.clone(),
            family: a.family.label(),
            nr_types: atelier_core::kit::nr_types_label(&a.nr_action_types),
            level_code: a.engagement.code(),
            level: levels[a.engagement as usize].clone(),
            circle: a.circle().number(),
            referent: a.referent.clone(),
        }
    }
}

fn row(
    r: RowData,
    focused: RwSignal<Option<Id>>,
    on_edit: impl Fn(Id) + Copy + Send + Sync + 'static,
    on_delete: impl Fn(Id) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id = r.id;
    let row_name = r.name.clone();
    // Cells end in « … » when narrow: the whole value shows on hover.
    let (name_title, type_title) = (r.name.clone(), r.actor_type.clone());
    let (types_title, referent_title) = (r.nr_types.clone(), r.referent.clone());
    let mark = move || focused.set(Some(id));
    view! {
        <tr class="row" aria-rowindex=r.index class:row-focused=move || focused.get() == Some(id)
            on:focusin=move |_| mark() on:click=move |_| mark()>
            <th scope="row" data-label=t("actors.table.cell_name") title=name_title>{r.name}</th>
            <td data-label=t("actors.table.cell_type") title=type_title>{r.actor_type}</td>
            <td data-label=t("actors.table.col_family") title=r.family>{r.family}</td>
            <td data-label=t("actors.table.cell_nr_types") title=types_title>{r.nr_types}</td>
            <td data-label=t("actors.table.col_engagement")><span class=format!("level level-{}", r.level_code)>{r.level}</span></td>
            <td data-label=t("actors.table.col_circle")>{r.circle}</td>
            <td data-label=t("actors.table.col_referent") title=referent_title>{r.referent}</td>
            <RowButtons id=id name=row_name on_edit=Callback::new(on_edit) on_delete=Callback::new(on_delete) />
        </tr>
    }
}
