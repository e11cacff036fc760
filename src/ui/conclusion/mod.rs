//! Conclusion « Gouvernance et suite »: the kit's three principles, the steering body and
//! review cadence, the incremental phases and quick wins, the follow-up dashboard, the yearly
//! review (« bilan annuel ») and the plan's export.

mod bilan;
mod dashboard;
mod governance;
mod pair_bars;
mod phases;

use atelier_core::i18n::t;
use atelier_core::kit;
use leptos::prelude::*;

crate::lazy! {
    /// The conclusion: dashboard, governance, exports, downloaded on first use (see [`crate::ui::lazy`]).
    pub fn screen [screen_conclusion] () -> crate::ui::lazy::Draw {
        || view! { <Conclusion /> }.into_any()
    }
}

#[component]
pub fn Conclusion() -> impl IntoView {
    view! {
        <h1 tabindex="-1">{t("conclusion.title")}</h1>
        <p class="lead">{t("conclusion.lead")}</p>
        <ul class="principles">
            {kit::GOVERNANCE.iter().map(|p| view! {
                <li><h2>{p.title()}</h2><p>{p.why()}</p></li>
            }).collect_view()}
        </ul>
        <dashboard::Dashboard />
        <governance::Governance />
        <phases::Phases />
        <bilan::Bilan />
        <super::share::SharePanel />
    }
}
