//! The indicators (« indicateurs ») of a fiche action: target, baseline, measured values, and
//! how far the latest measure has come.

use super::super::format::{number, parse_number, plain, typed_number};
use super::editor::Edit;
use crate::state::use_state;
use atelier_core::{ActionSheet, Id, Indicator, Measure};
use leptos::prelude::*;

#[component]
pub fn Indicators(id: Id) -> impl IntoView {
    let state = use_state();
    let edit = move |change: Edit| state.update::<ActionSheet>(id, change);
    let list = Memo::new(move |_| {
        state.actions.with(|l| {
            l.iter()
                .find(|a| a.id == id)
                .map(|a| a.indicators.clone())
                .unwrap_or_default()
        })
    });
    let (name, set_name) = signal(String::new());
    let (error, set_error) = signal(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_owned();
        set_error.set(n.is_empty());
        if n.is_empty() {
            return;
        }
        set_name.set(String::new());
        edit(Box::new(move |a| a.indicators.push(Indicator::new(n))));
    };
    view! {
        <h3>"Indicateurs"</h3>
        <ul class="indicators">
            {move || list.get().into_iter().enumerate().map(|(i, ind)| view! {
                <li><IndicatorCard id=id index=i indicator=ind edit=edit /></li>
            }).collect_view()}
        </ul>
        <form class="inline-form" on:submit=add novalidate>
            <label for="new-indicator">"Nouvel indicateur"</label>
            <input id="new-indicator" type="text" prop:value=name placeholder="Ex. : ordinateurs reconditionnés"
                aria-invalid=move || error.get().then_some("true")
                on:input=move |ev| set_name.set(event_target_value(&ev)) />
            <button type="submit" class="button">"Ajouter l'indicateur"</button>
            {move || error.get().then(|| view! { <p class="field-error">"Nommez l'indicateur."</p> })}
        </form>
    }
}

#[component]
fn IndicatorCard(
    id: Id,
    index: usize,
    indicator: Indicator,
    edit: impl Fn(Edit) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i = index;
    let at = move |f: Box<dyn FnOnce(&mut Indicator)>| {
        edit(Box::new(move |a| {
            if let Some(x) = a.indicators.get_mut(i) {
                f(x)
            }
        }))
    };
    let label = indicator.name.clone();
    let unit = indicator.unit.clone();
    let progress = indicator.percent();
    let latest = indicator.latest().map(|m| m.value);
    let summary = match (latest, indicator.target) {
        (Some(v), Some(t)) => format!(
            "Dernière mesure {} sur un objectif de {} {unit}",
            number(v),
            number(t)
        ),
        (Some(v), None) => format!("Dernière mesure {} {unit} ; aucun objectif fixé", number(v)),
        (None, Some(t)) => format!("Objectif {} {unit} ; aucune mesure encore", number(t)),
        (None, None) => "Ni objectif ni mesure pour l'instant".to_owned(),
    };
    let (problem, set_problem) = signal(None::<&'static str>);
    let label_for_remove = label.clone();
    let (day, set_day) = signal(crate::browser::today().to_string());
    let (value, set_value) = signal(String::new());
    let (error, set_error) = signal(false);
    let opt = |v: Option<f64>| v.map(plain).unwrap_or_default();
    let _ = id;
    view! {
        <div class="indicator">
            <h4>{label.clone()}</h4>
            <p class="indicator-summary">{summary}
                {progress.map(|p| view! { " — " <strong>{format!("{p} %")}</strong>
                    <progress max="100" value=p aria-label=format!("Avancement de « {label} »")>{format!("{p} %")}</progress> })}
            </p>
            // Saved at every keystroke; `prop:` so that each card shows its own indicator after
            // one above it is removed.
            <div class="form-row">
                <label>"Nom" <input type="text" prop:value=indicator.name.clone()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        if v.trim().is_empty() { set_problem.set(Some("Le nom de l'indicateur est obligatoire ; l'ancien est conservé.")); }
                        else { set_problem.set(None); at(Box::new(move |x| x.name = v.trim().to_owned())) }
                    } /></label>
                <label>"Unité" <input type="text" prop:value=unit.clone() size="8"
                    on:input=move |ev| { let v = event_target_value(&ev); at(Box::new(move |x| x.unit = v)) } /></label>
                <label>"Valeur de départ" <input type="number" step="any" prop:value=opt(indicator.baseline)
                    on:input=move |ev| match typed_number(&ev) {
                        Ok(v) => { set_problem.set(None); at(Box::new(move |x| x.baseline = v)) }
                        Err(()) => set_problem.set(Some("La valeur de départ doit être un nombre ; la précédente est conservée.")),
                    } /></label>
                <label>"Objectif" <input type="number" step="any" prop:value=opt(indicator.target)
                    on:input=move |ev| match typed_number(&ev) {
                        Ok(v) => { set_problem.set(None); at(Box::new(move |x| x.target = v)) }
                        Err(()) => set_problem.set(Some("L'objectif doit être un nombre ; le précédent est conservé.")),
                    } /></label>
                <button type="button" class="button button-small button-danger"
                    on:click=move |_| {
                        edit(Box::new(move |a| { if i < a.indicators.len() { a.indicators.remove(i); } }));
                        super::super::widgets::focus_later("new-indicator");
                    }>
                    "Retirer l'indicateur" <span class="visually-hidden">{format!(" « {label_for_remove} »")}</span></button>
            </div>
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
            {(!indicator.measures.is_empty()).then(|| view! {
                <table class="data-table measures">
                    <caption class="visually-hidden">"Mesures"</caption>
                    <thead><tr><th scope="col">"Date"</th><th scope="col">"Valeur"</th><th scope="col"><span class="visually-hidden">"Retirer"</span></th></tr></thead>
                    <tbody>
                        {indicator.measures.iter().enumerate().map(|(m, measure)| view! {
                            <tr>
                                <td>{atelier_core::text::french_date(measure.on)}</td>
                                <td>{number(measure.value)} " " {unit.clone()}</td>
                                <td><button type="button" class="button button-small button-quiet"
                                    on:click=move |_| at(Box::new(move |x| { if m < x.measures.len() { x.measures.remove(m); } }))>
                                    "Retirer" <span class="visually-hidden">" cette mesure"</span></button></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            <form class="form-row" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let (Ok(Some(on)), Some(v)) = (atelier_core::text::parse_day(&day.get_untracked()), parse_number(&value.get_untracked())) else {
                    set_error.set(true);
                    return;
                };
                set_error.set(false);
                set_value.set(String::new());
                at(Box::new(move |x| x.measures.push(Measure { on, value: v })));
            }>
                <label>"Date de la mesure" <input type="date" prop:value=day on:input=move |ev| set_day.set(event_target_value(&ev)) /></label>
                <label>"Valeur mesurée" <input type="number" step="any" class="measure-value" prop:value=value on:input=move |ev| set_value.set(event_target_value(&ev)) /></label>
                <button type="submit" class="button button-small">"Enregistrer la mesure"</button>
                {move || error.get().then(|| view! { <p class="field-error" role="alert">"Indiquez une date entre 1990 et 2100 et une valeur chiffrée."</p> })}
            </form>
        </div>
    }
}
