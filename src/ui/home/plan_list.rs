//! The stored plans: open, rename, duplicate, delete (with a question first, then undo).

use super::super::navigate;
use super::super::widgets::{focus_later, Confirm};
use crate::route::Route;
use crate::state::use_state;
use atelier_core::i18n::{t, tf};
use atelier_core::Id;
use leptos::prelude::*;

#[component]
pub fn PlanList() -> impl IntoView {
    let state = use_state();
    // The plan whose name is being edited, and the one waiting for a delete confirmation.
    let renaming = RwSignal::new(None::<Id>);
    let deleting = RwSignal::new(None::<(Id, String)>);
    move || {
        let plans = state.plans.get();
        if plans.is_empty() {
            return view! { <p>{t("home.list.empty")}</p> }.into_any();
        }
        let current = state.plan.with(|p| p.as_ref().map(|p| p.id));
        view! {
            {move || deleting.get().map(|(id, name)| view! {
                <Confirm text=tf("home.list.confirm_delete", &[("name", &name)])
                    yes=t("home.list.delete_yes") no=t("home.list.delete_no")
                    on_yes=move || { deleting.set(None); state.delete_plan(id); }
                    on_no=move || { deleting.set(None); focus_later(format!("edit-{id}")); } />
            })}
            <ul class="plan-list">
                {plans.into_iter().map(|p| {
                    let id = p.id;
                    let is_current = current == Some(id);
                    let name = p.name.clone();
                    let name_for_delete = name.clone();
                    let input_id = format!("rename-{id}");
                    view! {
                        <li class:current=is_current>
                            {move || if renaming.get() == Some(id) {
                                let input_id = input_id.clone();
                                let label_for = input_id.clone();
                                let old = name.clone();
                                view! {
                                    <form class="inline-form" on:submit=move |ev: leptos::ev::SubmitEvent| {
                                        ev.prevent_default();
                                        let field = document().get_element_by_id(&input_id);
                                        let value = field.and_then(|f| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(f).ok()).map(|f| f.value()).unwrap_or_default();
                                        let value = value.trim().to_owned();
                                        if !value.is_empty() { state.rename_plan(id, value); }
                                        renaming.set(None);
                                        focus_later(format!("rename-button-{id}"));
                                    }>
                                        <label for=label_for.clone()>{t("home.list.new_name")}</label>
                                        <input id=label_for type="text" value=old
                                            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { renaming.set(None); } />
                                        <button type="submit" class="button button-small">{t("home.list.rename")}</button>
                                    </form>
                                }.into_any()
                            } else {
                                view! { <span class="plan-list-name">{name.clone()}</span> }.into_any()
                            }}
                            <span class="plan-list-territory">{p.territory_name.clone()}
                                {p.example.then(|| format!(" {}", t("home.list.example_tag")))}</span>
                            // The yearly review (loi REEN) is due before the budget debate: the
                            // review of the year before the debate's.
                            {p.budget_debate_on.filter(|d| *d >= crate::browser::today()).map(|d| view! {
                                <span class="plan-list-due">{tf("home.list.bilan_due", &[("year", &(chrono::Datelike::year(&d) - 1)), ("day", &atelier_core::text::short_date(d))])}</span>
                            })}
                            <span class="plan-buttons">
                                {if is_current {
                                    view! { <a class="button" href=Route::Context.hash()>{t("home.list.continue")}</a> }.into_any()
                                } else {
                                    view! {
                                        <button type="button" class="button" on:click=move |_| {
                                            state.open_plan(id);
                                            navigate(Route::Context);
                                        }>{t("home.list.open")} <span class="visually-hidden">{format!(" {}", p.name)}</span></button>
                                    }.into_any()
                                }}
                                <button type="button" class="button button-small button-quiet" id=format!("rename-button-{id}")
                                    on:click=move |_| { renaming.set(Some(id)); focus_later(format!("rename-{id}")); }>
                                    {t("home.list.rename")} <span class="visually-hidden">{format!(" {}", p.name)}</span></button>
                                <button type="button" class="button button-small button-quiet" on:click=move |_| state.duplicate_plan(id)>
                                    {t("home.list.duplicate")} <span class="visually-hidden">{format!(" {}", p.name)}</span></button>
                                <button type="button" class="button button-small button-danger" id=format!("edit-{id}")
                                    on:click=move |_| { deleting.set(Some((id, name_for_delete.clone()))); focus_later("confirm-keep"); }>
                                    {t("home.list.delete")} <span class="visually-hidden">{format!(" {}", p.name)}</span></button>
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }.into_any()
    }
}
