//! Two bars per row, a year and the one before it, as an SVG image whose text alternative
//! says every figure drawn: the yearly review's plots (fiches done per axis, indicators'
//! progress, actors per engagement level).

use leptos::prelude::*;

/// One row of the chart: its label, the earlier and later values, the value the bars are
/// scaled to (a full bar), and where to draw a target mark, if any (same unit as the values).
pub struct PairRow {
    pub label: String,
    pub then: f64,
    pub now: f64,
    pub scale: f64,
    pub mark: Option<f64>,
    /// The later value as written beside its bar (« 31 % », « 4 »).
    pub shown: String,
}

/// Height of one row, in the SVG's units: the label on its line, then the two bars.
const ROW: usize = 46;
/// Where bars start.
const LEFT: f64 = 0.0;
/// The length of a full bar (room is left for the value after it).
const FULL: f64 = 250.0;

/// The chart of `rows`, described by `alt` for screen readers (`role="img"`).
#[component]
pub fn PairBars(rows: Vec<PairRow>, alt: String) -> impl IntoView {
    let height = rows.len() * ROW + 8;
    // A bar is never drawn empty: a zero shows as a hairline, distinct from a missing row.
    let w = |v: f64, scale: f64| (v / scale.max(f64::MIN_POSITIVE) * FULL).clamp(1.0, FULL);
    view! {
        <svg class="axis-bars" role="img" aria-label=alt viewBox=format!("0 0 320 {height}") width="100%">
            {rows.into_iter().enumerate().map(|(i, r)| {
                let y = (i * ROW + 4) as f64;
                let now = w(r.now, r.scale);
                view! {
                    <text x="0" y=y + 9.0 class="axis-bar-label">{r.label.chars().take(60).collect::<String>()}</text>
                    <rect x=LEFT y=y + 13.0 width=w(r.then, r.scale) height="12" class="bar-then" />
                    <rect x=LEFT y=y + 27.0 width=now height="12" class="bar-now" />
                    {r.mark.map(|m| {
                        let x = LEFT + w(m, r.scale);
                        view! { <line x1=x x2=x y1=y + 11.0 y2=y + 41.0 class="bar-mark" /> }
                    })}
                    <text x=LEFT + 5.0 + now y=y + 37.0 class="axis-bar-value">{r.shown}</text>
                }
            }).collect_view()}
        </svg>
    }
}
