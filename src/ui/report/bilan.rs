//! The yearly review (« bilan annuel ») of the year in the route, as a printable A4 page: the
//! same blocks as the .odt (`atelier_core::bilan`), through the browser's print or « enregistrer
//! en PDF ». Read-only; no control of it is printed.

use crate::route::Route;
use crate::state::use_state;
use atelier_core::bilan::{self, Block};
use atelier_core::i18n::t;
use leptos::prelude::*;

#[component]
pub fn BilanPrint() -> impl IntoView {
    let state = use_state();
    move || {
        let Route::Bilan(year) = state.route.get() else {
            return None;
        };
        // Follow every edit (another tab's too): the page is the plan as it is.
        state.plan.track();
        state.actors.track();
        state.actions.track();
        state.mobilisations.track();
        state.needs.track();
        let doc = bilan::bilan(&state.export_file()?, year);
        Some(view! {
            <div class="report-controls">
                <button type="button" class="button button-primary" on:click=|_| { let _ = window().print(); }>{t("report.print")}</button>
                <a class="button button-quiet" href=Route::Conclusion.hash()>{t("report.back")}</a>
            </div>
            <article class="report bilan-print">
                <h1 tabindex="-1">{doc.title}</h1>
                <p class="report-meta">{doc.subtitle}</p>
                {doc.blocks.into_iter().map(block).collect_view()}
            </article>
        })
    }
}

fn block(b: Block) -> AnyView {
    match b {
        // The document's level 1 is the page's h2: the title is the h1.
        Block::Heading(1, text) => view! { <h2>{text}</h2> }.into_any(),
        Block::Heading(_, text) => view! { <h3>{text}</h3> }.into_any(),
        Block::Paragraph(text) => view! { <p>{text}</p> }.into_any(),
        Block::List(items) => view! {
            <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
        }
        .into_any(),
        Block::Table(table) => view! {
            <table class="data-table">
                <thead><tr>{table.headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                <tbody>{table.rows.into_iter().map(|r| view! {
                    <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                }).collect_view()}</tbody>
            </table>
        }
        .into_any(),
    }
}
