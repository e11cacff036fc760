//! The actor map, live from the data: the kit's three circles with each actor placed in its
//! circle and coloured by family, a relevance × engagement matrix, and counts by family and by
//! engagement. Each picture downloads as SVG or PNG. The table stays the accessible version;
//! each picture carries a text description of its figures.

use crate::browser;
use crate::state::{use_state, Notice};
use atelier_core::i18n::{t, tf, tn};
use atelier_core::{Actor, Circle, EngagementLevel, Family, Id, Relevance};
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

/// Dots drawn at most per circle; beyond, the legend gives the count.
const MAX_DOTS: usize = 400;
const SIZE: i32 = 600;

/// Fill colour of each family (also used in the exported files, which carry no stylesheet).
fn colour(f: Family) -> &'static str {
    match f {
        Family::Company => "#1f77b4",
        Family::Public => "#1d6b4a",
        Family::Association => "#d9822b",
        Family::Citizen => "#8e44ad",
        Family::Unsorted => "#7f8c8d",
    }
}

#[component]
pub fn ActorMap(
    filtered: Memo<Vec<usize>>,
    on_open: impl Fn(Id) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_state();
    view! {
        <section class="actor-map" aria-labelledby="map-title">
            <h2 id="map-title">{t("actors.map.title")}</h2>
            <p class="hint">{t("actors.map.hint")}</p>
            <div class="figures-grid">
                <figure>
                    {move || filtered.with(|idx| state.actors.with(|a| circles_svg(a, idx, on_open)))}
                    <Downloads id="map-circles" name=t("actors.map.file_circles") />
                </figure>
                <figure>
                    {move || filtered.with(|idx| state.actors.with(|a| matrix_svg(a, idx)))}
                    <Downloads id="map-matrix" name=t("actors.map.file_matrix") />
                </figure>
                <figure>
                    {move || filtered.with(|idx| state.actors.with(|a| bars_svg(a, idx)))}
                    <Downloads id="map-bars" name=t("actors.map.file_bars") />
                </figure>
            </div>
        </section>
    }
}

/// The concentric circles: circle 1 at the centre. Each actor is a dot placed on a sunflower
/// spiral inside its circle's band, so that dots spread evenly whatever their number.
pub(in crate::ui) fn circles_svg(
    actors: &[Actor],
    idx: &[usize],
    on_open: impl Fn(Id) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let c = SIZE / 2;
    let bands = [(0.0, 95.0), (100.0, 195.0), (200.0, 290.0)];
    let mut dots = Vec::new();
    let mut counts = [0usize; 3];
    for circle in Circle::ALL {
        let members: Vec<&Actor> = idx
            .iter()
            .map(|&i| &actors[i])
            .filter(|a| a.circle() == circle)
            .collect();
        let k = circle as usize - 1;
        counts[k] = members.len();
        let n = members.len().clamp(1, MAX_DOTS) as f64;
        let (r0, r1): (f64, f64) = bands[k];
        for (j, a) in members.iter().take(MAX_DOTS).enumerate() {
            let t = (j as f64 + 0.5) / n;
            let r = (r0 * r0 + (r1 * r1 - r0 * r0) * t).sqrt();
            let angle = j as f64 * 2.399_963; // golden angle, radians
            let x = c + (r * angle.cos()) as i32;
            let y = c + (r * angle.sin()) as i32;
            let id = a.id;
            let title = format!(
                "{} — {} — {}",
                a.name,
                a.family.label(),
                a.engagement.label()
            );
            dots.push(view! {
                <circle class="dot" cx=x cy=y r="6" fill=colour(a.family) stroke="#fff" stroke-width="1" on:click=move |_| on_open(id)>
                    <title>{title}</title>
                </circle>
            });
        }
    }
    let summary = tf(
        "actors.map.circles_desc",
        &[("c1", &counts[0]), ("c2", &counts[1]), ("c3", &counts[2])],
    );
    view! {
        <svg id="map-circles" xmlns="http://www.w3.org/2000/svg" width="600" height="640" viewBox="0 0 600 640" role="img" aria-labelledby="map-circles-title map-circles-desc" class="chart">
            <title id="map-circles-title">{t("actors.map.circles_title")}</title>
            <desc id="map-circles-desc">{summary}</desc>
            <rect width="600" height="640" fill="#ffffff" />
            <circle cx=c cy=c r="290" fill="#eef6f1" stroke="#9fcdb5" />
            <circle cx=c cy=c r="195" fill="#d9ece1" stroke="#4f9c76" />
            <circle cx=c cy=c r="95" fill="#c2e0cf" stroke="#1d6b4a" />
            {dots}
            // The labels come after the dots, with a white halo, so that no dot hides them.
            <g text-anchor="middle" font-size="14" fill="#1f2523" stroke="#fff" stroke-width="4" paint-order="stroke">
                <text x=c y="22">{tn("actors.map.circle_3", counts[2] as u64, &[])}</text>
                <text x=c y="118">{tf("actors.map.circle_2", &[("n", &counts[1])])}</text>
                <text x=c y="218">{tf("actors.map.circle_1", &[("n", &counts[0])])}</text>
            </g>
            {Family::ALL.into_iter().enumerate().map(|(i, f)| {
                let x = 10 + (i as i32) * 118;
                view! {
                    <circle cx=x + 6 cy="622" r="6" fill=colour(f) />
                    <text x=x + 16 y="627" font-size="12" fill="#1f2523">{short_family(f)}</text>
                }
            }).collect_view()}
        </svg>
    }
}

fn short_family(f: Family) -> &'static str {
    match f {
        Family::Company => t("actors.map.family_company"),
        Family::Public => t("actors.map.family_public"),
        Family::Association => t("actors.map.family_association"),
        Family::Citizen => t("actors.map.family_citizen"),
        Family::Unsorted => t("actors.map.family_unsorted"),
    }
}

/// Relevance (rows) × engagement (columns): the number of actors in each cell, darker when
/// fuller.
pub(in crate::ui) fn matrix_svg(actors: &[Actor], idx: &[usize]) -> impl IntoView {
    let rows: [(Option<Relevance>, &str); 4] = [
        (Some(Relevance::High), t("actors.map.relevance_high")),
        (Some(Relevance::Medium), t("actors.map.relevance_medium")),
        (Some(Relevance::Low), t("actors.map.relevance_low")),
        (None, t("actors.map.relevance_none")),
    ];
    let mut grid = [[0usize; 4]; 4];
    for &i in idx {
        let a = &actors[i];
        let r = rows
            .iter()
            .position(|(rel, _)| *rel == a.relevance)
            .unwrap_or(3);
        grid[r][a.engagement as usize] += 1;
    }
    let max = grid.iter().flatten().copied().max().unwrap_or(0).max(1);
    let shades = ["#f4f7f5", "#d6eddf", "#a8d5bb", "#5fae86", "#1d6b4a"];
    let desc = rows
        .iter()
        .enumerate()
        .map(|(r, (_, label))| {
            let cells: Vec<String> = EngagementLevel::ALL
                .iter()
                .map(|l| format!("{} {}", l.label(), grid[r][*l as usize]))
                .collect();
            tf(
                "actors.map.matrix_desc_row",
                &[("label", label), ("cells", &cells.join(", "))],
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <svg id="map-matrix" xmlns="http://www.w3.org/2000/svg" width="600" height="400" viewBox="0 0 600 400" role="img" aria-labelledby="map-matrix-title map-matrix-desc" class="chart">
            <title id="map-matrix-title">{t("actors.map.matrix_title")}</title>
            <desc id="map-matrix-desc">{desc}</desc>
            <rect width="600" height="400" fill="#ffffff" />
            <text x="300" y="20" text-anchor="middle" font-size="14" fill="#1f2523">{t("actors.map.matrix_x")}</text>
            {EngagementLevel::ALL.into_iter().map(|l| {
                let x = 140 + (l as i32) * 112 + 56;
                view! { <text x=x y="48" text-anchor="middle" font-size="13" fill="#1f2523">{l.label()}</text> }
            }).collect_view()}
            {rows.iter().enumerate().map(|(r, (_, label))| {
                let y = 60 + (r as i32) * 82;
                view! {
                    <g>
                        <text x="130" y=y + 46 text-anchor="end" font-size="13" fill="#1f2523">{*label}</text>
                        {(0..4).map(|c| {
                            let n = grid[r][c];
                            let shade = shades[(n * 4).div_ceil(max).min(4)];
                            let ink = if n * 4 > max * 2 { "#ffffff" } else { "#1f2523" };
                            let x = 140 + (c as i32) * 112;
                            view! {
                                <g>
                                    <rect x=x y=y width="108" height="78" rx="6" fill=shade />
                                    <text x=x + 54 y=y + 47 text-anchor="middle" font-size="20" font-weight="700" fill=ink>{n}</text>
                                </g>
                            }
                        }).collect_view()}
                    </g>
                }
            }).collect_view()}
            <text x="20" y="40" font-size="13" fill="#1f2523">{t("actors.map.matrix_y")}</text>
        </svg>
    }
}

/// Two bar charts: actors by family and by engagement level.
fn bars_svg(actors: &[Actor], idx: &[usize]) -> impl IntoView {
    let mut by_family = [0usize; 5];
    let mut by_level = [0usize; 4];
    for &i in idx {
        let a = &actors[i];
        by_family[Family::ALL.iter().position(|f| *f == a.family).unwrap_or(4)] += 1;
        by_level[a.engagement as usize] += 1;
    }
    let max = by_family
        .iter()
        .chain(by_level.iter())
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let bar = move |y: i32, label: &'static str, n: usize, fill: &'static str| {
        let w = (n * 330 / max) as i32;
        view! {
            <g>
                <text x="190" y=y + 17 text-anchor="end" font-size="13" fill="#1f2523">{label}</text>
                <rect x="200" y=y width=w.max(1) height="24" rx="3" fill=fill />
                <text x=205 + w y=y + 17 font-size="13" fill="#1f2523">{n}</text>
            </g>
        }
    };
    let families = Family::ALL
        .iter()
        .zip(by_family)
        .map(|(f, n)| format!("{} {n}", f.label()))
        .collect::<Vec<_>>()
        .join(", ");
    let levels = EngagementLevel::ALL
        .iter()
        .zip(by_level)
        .map(|(l, n)| format!("{} {n}", l.label()))
        .collect::<Vec<_>>()
        .join(", ");
    let desc = tf(
        "actors.map.bars_desc",
        &[("families", &families), ("levels", &levels)],
    );
    view! {
        <svg id="map-bars" xmlns="http://www.w3.org/2000/svg" width="600" height="400" viewBox="0 0 600 400" role="img" aria-labelledby="map-bars-title map-bars-desc" class="chart">
            <title id="map-bars-title">{t("actors.map.bars_title")}</title>
            <desc id="map-bars-desc">{desc}</desc>
            <rect width="600" height="400" fill="#ffffff" />
            <text x="20" y="24" font-size="14" font-weight="700" fill="#1f2523">{t("actors.map.by_family")}</text>
            {Family::ALL.into_iter().enumerate().map(|(i, f)| bar(36 + i as i32 * 32, short_family(f), by_family[i], colour(f))).collect_view()}
            <text x="20" y="224" font-size="14" font-weight="700" fill="#1f2523">{t("actors.map.by_level")}</text>
            {EngagementLevel::ALL.into_iter().map(|l| bar(236 + l as i32 * 32, l.label(), by_level[l as usize], "#1d6b4a")).collect_view()}
        </svg>
    }
}

/// « SVG » and « PNG » download buttons for the picture with element id `id`.
#[component]
fn Downloads(id: &'static str, name: &'static str) -> impl IntoView {
    let state = use_state();
    // XML serialisation, not outerHTML: HTML writes a no-break space as `&nbsp;`, which is
    // not an XML entity, and the file would not open.
    let svg_text = move || {
        let serializer = web_sys::XmlSerializer::new().ok();
        document()
            .get_element_by_id(id)
            .zip(serializer)
            .and_then(|(el, s)| s.serialize_to_string(&el).ok())
            .unwrap_or_default()
    };
    let file_name = move |ext: &str| format!("{name}-{}.{ext}", browser::today());
    let svg = move |_| {
        let fname = file_name("svg");
        match browser::download(&fname, "image/svg+xml", &svg_text()) {
            Ok(()) => state.notice.set(Some(Notice::success(tf(
                "actors.map.image_downloaded",
                &[("name", &fname)],
            )))),
            Err(_) => state
                .notice
                .set(Some(Notice::error(t("actors.download_refused"), vec![]))),
        }
    };
    let png = move |_| {
        let fname = file_name("png");
        let failed = move || {
            state
                .notice
                .set(Some(Notice::error(t("actors.map.png_failed"), vec![])))
        };
        if svg_to_png(&svg_text(), fname, failed).is_err() {
            failed();
        }
    };
    view! {
        <figcaption class="downloads">
            <button type="button" class="button button-small" on:click=svg>{t("actors.map.download_svg")}</button>
            <button type="button" class="button button-small" on:click=png>{t("actors.map.download_png")}</button>
        </figcaption>
    }
}

/// Draws the SVG text on a canvas at twice its size and offers the result as a PNG download.
fn svg_to_png(
    svg: &str,
    name: String,
    on_error: impl Fn() + 'static,
) -> Result<(), wasm_bindgen::JsValue> {
    let image = web_sys::HtmlImageElement::new()?;
    let parts = js_sys::Array::of1(&svg.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let img = image.clone();
    let source = url.clone();
    let onload = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&source);
        let canvas: web_sys::HtmlCanvasElement = match document()
            .create_element("canvas")
            .map(JsCast::unchecked_into)
        {
            Ok(c) => c,
            Err(_) => return,
        };
        let (w, h) = (img.natural_width() * 2, img.natural_height() * 2);
        canvas.set_width(w);
        canvas.set_height(h);
        if let Ok(Some(ctx)) = canvas.get_context("2d") {
            let ctx: web_sys::CanvasRenderingContext2d = ctx.unchecked_into();
            let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(
                &img,
                0.0,
                0.0,
                f64::from(w),
                f64::from(h),
            );
            if let Ok(data) = canvas.to_data_url_with_type("image/png") {
                let a: web_sys::HtmlAnchorElement =
                    match document().create_element("a").map(JsCast::unchecked_into) {
                        Ok(a) => a,
                        Err(_) => return,
                    };
                a.set_href(&data);
                a.set_download(&name);
                a.click();
            }
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    let onerror = Closure::once_into_js(on_error);
    image.set_onerror(Some(onerror.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}
