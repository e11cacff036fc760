//! The printable report (« rapport »): the whole plan on A4 pages through the browser's print
//! or « enregistrer en PDF ». Read-only: no control of it is printed (see `@media print` in
//! `style/main.css`).

use super::actors::map::circles_svg;
use crate::route::Route;
use crate::state::use_state;
use atelier_core::roadmap::roadmap;
use atelier_core::text::{count, french_date};
use atelier_core::{kit, ActionSheet, Actor, Axis};
use leptos::prelude::*;

/// « oui », « non » or « à vérifier » for an obligation.
fn verdict(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "oui",
        Some(false) => "non",
        None => "à vérifier (population inconnue)",
    }
}

fn names(actors: &[Actor], ids: &[atelier_core::Id]) -> String {
    ids.iter()
        .filter_map(|id| actors.iter().find(|a| a.id == *id).map(|a| a.name.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[component]
pub fn Report() -> impl IntoView {
    let state = use_state();
    move || {
        let plan = state.plan.get()?;
        let actors = state.actors.get();
        let actions = state.actions.get();
        let mobs = state.mobilisations.get();
        let t = &plan.territory;
        let o = t.obligations();
        let all: Vec<usize> = (0..actors.len()).collect();
        let map = circles_svg(&actors, &all, |_| {});
        let mut sorted: Vec<&ActionSheet> = actions.iter().collect();
        sorted.sort_by_key(|a| (Axis::ALL.iter().position(|x| *x == a.axis), a.title.clone()));
        let road = roadmap(&actions);
        let title_of = |id| {
            actions
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.title.clone())
                .unwrap_or_default()
        };
        let g = plan.governance.clone();
        Some(view! {
            <div class="report-controls">
                <button type="button" class="button button-primary" on:click=|_| { let _ = window().print(); }>"Imprimer ou enregistrer en PDF"</button>
                <a class="button button-quiet" href=Route::Conclusion.hash()>"Retour à la conclusion"</a>
            </div>
            <article class="report">
                <h1 tabindex="-1">{plan.name.clone()}</h1>
                <p class="report-meta">{format!("Stratégie Numérique responsable — {} — rapport du {}", if t.name.is_empty() { "territoire à préciser" } else { t.name.as_str() }, french_date(crate::browser::today()))}
                    {plan.example.then_some(" — plan d'exemple")}</p>

                <section>
                    <h2>"Territoire et obligations"</h2>
                    <ul>
                        <li>{format!("Type : {}", t.kind.label())}</li>
                        <li>{format!("Population : {}", t.population.map_or("inconnue".to_owned(), |p| super::format::number(p as f64)))}</li>
                        <li>{format!("Stratégie NR obligatoire (loi REEN) : {}", verdict(o.reen_strategy))}</li>
                        <li>{format!("PCAET obligatoire : {}", verdict(o.pcaet))}</li>
                    </ul>
                </section>

                <section>
                    <h2>"Décisions de cadrage"</h2>
                    {if plan.decisions.is_empty() {
                        view! { <p>"Aucune décision enregistrée."</p> }.into_any()
                    } else {
                        view! { <ul>{plan.decisions.iter().map(|d| view! {
                            <li>{format!("{} : {}{}{}", d.family.label(),
                                match d.local_only { Some(true) => "acteurs du territoire seulement", Some(false) => "acteurs du territoire et d'ailleurs", None => "à décider" },
                                if d.note.is_empty() { String::new() } else { format!(" — {}", d.note) },
                                d.decided_on.map(|x| format!(" ({})", french_date(x))).unwrap_or_default())}</li>
                        }).collect_view()}</ul> }.into_any()
                    }}
                </section>

                <section>
                    <h2>{format!("Les acteurs ({})", actors.len())}</h2>
                    <figure class="report-map">{map}</figure>
                    <table class="report-table">
                        <caption>"Recensement des acteurs"</caption>
                        <thead><tr>{kit::census_column_labels().iter().take(2).map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}
                            <th scope="col">"Famille"</th><th scope="col">"Actions NR"</th><th scope="col">"Engagement"</th><th scope="col">"Cercle"</th></tr></thead>
                        <tbody>{actors.iter().map(|a| view! {
                            <tr><td>{a.actor_type.clone()}</td><th scope="row">{a.name.clone()}</th><td>{a.family.label()}</td>
                                <td>{a.nr_action_types.join(", ")}</td><td>{plan.engagement_label(a.engagement).to_owned()}</td><td>{a.circle().number()}</td></tr>
                        }).collect_view()}</tbody>
                    </table>
                </section>

                <section>
                    <h2>"Mobilisation par cercle"</h2>
                    <ul>{kit::CIRCLES.iter().map(|c| view! { <li><strong>{format!("Cercle {} : ", c.number)}</strong>{c.who()}</li> }).collect_view()}</ul>
                    <table class="report-table">
                        <caption>{count(mobs.len(), "mobilisation prévue", "mobilisations prévues")}</caption>
                        <thead><tr><th scope="col">"Cercle"</th><th scope="col">"Format"</th><th scope="col">"Date"</th><th scope="col">"Statut"</th><th scope="col">"Acteurs visés"</th></tr></thead>
                        <tbody>{mobs.iter().map(|m| view! {
                            <tr><td>{m.circle.number()}</td><th scope="row">{m.format.clone()}</th><td>{m.date.map(french_date)}</td>
                                <td>{m.status.label()}</td><td>{names(&actors, &m.actor_ids)}</td></tr>
                        }).collect_view()}</tbody>
                    </table>
                </section>

                <section class="report-break">
                    <h2>"Plan d'actions"</h2>
                    <table class="report-table report-actions">
                        <caption>{count(actions.len(), "fiche action", "fiches action")}</caption>
                        <thead><tr><th scope="col">"Axe"</th><th scope="col">"Fiche action"</th><th scope="col">"Statut"</th><th scope="col">"Pilote"</th>
                            <th scope="col">"Échéance"</th><th scope="col">"Gain rapide"</th><th scope="col">"Partenaires"</th></tr></thead>
                        <tbody>{sorted.iter().map(|a| view! {
                            <tr><td>{a.axis.label()}</td><th scope="row">{a.title.clone()}</th><td>{a.status.label()}</td>
                                <td>{[a.pilot.as_str(), a.pilot_service.as_str()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ")}</td>
                                <td>{a.due.map(french_date)}</td><td>{if a.quick_win { "oui" } else { "" }}</td>
                                <td>{names(&actors, &a.actor_ids)}</td></tr>
                        }).collect_view()}</tbody>
                    </table>
                    <h3>"Budget et indicateurs"</h3>
                    <p>{format!("Budget total : {} en investissement, {} en fonctionnement.",
                        super::format::euros(actions.iter().map(|a| a.budget_total(Some(atelier_core::BudgetKind::Investment))).fold(0u64, u64::saturating_add)),
                        super::format::euros(actions.iter().map(|a| a.budget_total(Some(atelier_core::BudgetKind::Operating))).fold(0u64, u64::saturating_add)))}</p>
                    <ul>{actions.iter().flat_map(|a| a.indicators.iter().map(move |i| (a, i))).map(|(a, i)| {
                        let latest = i.latest().map_or("pas encore mesuré".to_owned(), |m| format!("{} au {}", super::format::number(m.value), french_date(m.on)));
                        let target = i.target.map_or("sans objectif".to_owned(), |t| format!("objectif {} {}", super::format::number(t), i.unit));
                        let percent = i.percent().map(|p| format!(" ({p} %)")).unwrap_or_default();
                        view! { <li>{format!("{} — {} : {latest}, {target}{percent}", a.title, i.name)}</li> }
                    }).collect_view()}</ul>
                    <h3>"Feuille de route"</h3>
                    {if road.rows.is_empty() {
                        view! { <p>"Aucune fiche datée."</p> }.into_any()
                    } else {
                        view! { <ul class="report-roadmap">{road.rows.iter().map(|r| {
                            let span = if r.from == r.to { road.quarters[r.from].label() } else { format!("{} → {}", road.quarters[r.from].label(), road.quarters[r.to].label()) };
                            view! { <li><strong>{span}</strong>{format!(" : {}", title_of(r.id))}</li> }
                        }).collect_view()}</ul> }.into_any()
                    }}
                </section>

                <section>
                    <h2>"Gouvernance"</h2>
                    <ul>
                        <li>{format!("Instance de pilotage : {}", if g.steering_body.is_empty() { "à constituer" } else { g.steering_body.as_str() })}</li>
                        <li>{format!("Membres : {}", {
                            let members = [g.internal_members.clone(), names(&actors, &g.member_ids)].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ; ");
                            if members.is_empty() { "à désigner".to_owned() } else { members }
                        })}</li>
                        <li>{format!("Rythme des revues : {}", g.cadence.map_or("à définir", |c| c.label()))}</li>
                        <li>{format!("Prochaine revue : {}", g.next_review.map_or("à fixer".to_owned(), french_date))}</li>
                    </ul>
                </section>
            </article>
        })
    }
}
