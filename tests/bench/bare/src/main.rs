//! A heading and a button that answers: the least a Leptos page can show.
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let clicked = RwSignal::new(false);
        view! {
            <main>
                <h1>"Page Leptos minimale"</h1>
                <button type="button" on:click=move |_| clicked.set(true)>"Essayer"</button>
                <p>{move || if clicked.get() { "Le bouton répond." } else { "" }}</p>
            </main>
        }
    });
}
