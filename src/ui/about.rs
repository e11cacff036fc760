//! « À propos »: the version, whether the app works offline here, and what the browser does
//! with the data — with a way to ask it to keep the data for good.

use crate::offline::{self, StorageState};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn About() -> impl IntoView {
    let storage = RwSignal::new(None::<StorageState>);
    let refresh =
        move || spawn_local(async move { storage.set(Some(offline::storage_state().await)) });
    refresh();
    let ask = move |_| {
        spawn_local(async move {
            offline::ask_persistence().await;
            storage.set(Some(offline::storage_state().await));
        })
    };
    let megabytes = |bytes: f64| super::format::number((bytes / 1_048_576.0 * 10.0).round() / 10.0);
    view! {
        <h1 tabindex="-1">"À propos d'Atelier NR"</h1>
        <p>{format!("Version {}. Atelier NR suit le kit « approche territoriale au Numérique responsable » de l'ANCT.", env!("CARGO_PKG_VERSION"))}</p>
        <section aria-labelledby="offline-title">
            <h2 id="offline-title">"Hors ligne"</h2>
            <p>{if offline::controlled() {
                "Cette page est prête à fonctionner sans connexion : l'application est gardée dans ce navigateur."
            } else {
                "L'application sera disponible sans connexion dès la prochaine ouverture de cette page."
            }}</p>
            <p>"Vous pouvez aussi l'installer comme une application, depuis le menu du navigateur (« Installer Atelier NR »)."</p>
        </section>
        <section aria-labelledby="storage-title">
            <h2 id="storage-title">"Vos données"</h2>
            <p>"Vos plans sont enregistrés dans ce navigateur, sur cet appareil, et nulle part ailleurs. Quand l'espace disque manque, un navigateur peut effacer les données d'un site ; demandez-lui de conserver celles d'Atelier NR pour l'éviter."</p>
            {move || storage.get().map(|s| view! {
                <ul>
                    <li id="storage-persisted">{match s.persisted {
                        Some(true) => "Conservation durable : accordée par le navigateur.",
                        Some(false) => "Conservation durable : pas encore accordée.",
                        None => "Conservation durable : ce navigateur ne dit pas ce qu'il en est.",
                    }}</li>
                    {s.usage.map(|(used, quota)| view! { <li>{format!("Espace utilisé : {} Mo sur {} Mo disponibles.", megabytes(used), megabytes(quota))}</li> })}
                </ul>
                {(s.persisted != Some(true)).then(|| view! {
                    <button type="button" class="button" on:click=ask>"Demander la conservation durable"</button>
                })}
            })}
            <p class="hint">"Exportez régulièrement vos plans (.json) : c'est la meilleure des sauvegardes."</p>
        </section>
    }
}
