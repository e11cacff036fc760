//! Conclusion « Gouvernance et suite »: the kit's three principles, the steering body and
//! review cadence, the incremental phases and quick wins, the follow-up dashboard, and the
//! plan's export.

mod dashboard;
mod governance;
mod phases;

use atelier_core::kit;
use leptos::prelude::*;

#[component]
pub fn Conclusion() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Gouvernance et suite"</h1>
        <p class="lead">"Le kit conclut sur trois principes pour passer du plan à l'action."</p>
        <ul class="principles">
            {kit::GOVERNANCE.iter().map(|p| view! {
                <li><h2>{p.title()}</h2><p>{p.why()}</p></li>
            }).collect_view()}
        </ul>
        <dashboard::Dashboard />
        <governance::Governance />
        <phases::Phases />
        <super::share::SharePanel />
    }
}
