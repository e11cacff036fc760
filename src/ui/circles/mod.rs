//! Step 2 « Comment les mobiliser ? »: the kit's three circles and their formats (read-only).

use atelier_core::kit;
use leptos::prelude::*;

#[component]
pub fn Circles() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Étape 2 — Comment les mobiliser ?"</h1>
        <p class="lead">"Le kit range les acteurs en trois cercles, du plus proche de la collectivité au grand public. Chaque cercle appelle ses propres formats de mobilisation."</p>
        <ol class="circles">
            {kit::CIRCLES.iter().map(|c| view! {
                <li class=format!("circle circle-{}", c.number)>
                    <h2>{format!("Cercle {}", c.number)}</h2>
                    <p class="circle-who">{c.who}</p>
                    <h3>"Formats possibles"</h3>
                    <ul>{c.formats.iter().map(|f| view! { <li>{*f}</li> }).collect_view()}</ul>
                </li>
            }).collect_view()}
        </ol>
        <aside class="callout">
            <h2>"Pour tous les cercles"</h2>
            <p>{kit::NEEDS_CHANNEL}</p>
        </aside>
    }
}
