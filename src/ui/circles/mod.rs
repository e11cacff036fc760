//! Step 2 « Comment les mobiliser ? »: the kit's three circles with their formats, the
//! mobilisations planned with each circle, and the register of needs actors express.

mod mobilisation_editor;
mod needs;

use super::fields::AddForm;
use super::widgets::RowButtons;
use crate::state::use_state;
use atelier_core::i18n::{t, tf, tn};
use atelier_core::mobilisation::formats_for;
use atelier_core::plan::CustomFormat;
use atelier_core::text::short_date;
use atelier_core::{kit, Circle, Id, Mobilisation};
use leptos::prelude::*;

crate::lazy! {
    /// Step 2, mobilising by circle, downloaded on first use (see [`crate::ui::lazy`]).
    pub fn screen [screen_mobilise] () -> crate::ui::lazy::Draw {
        || view! { <Circles /> }.into_any()
    }
}

#[component]
pub fn Circles() -> impl IntoView {
    let state = use_state();
    let editing = super::open_editor();
    super::widgets::back_closes(editing, |id| {
        super::widgets::focus_later(format!("edit-{id}"))
    });
    super::widgets::close_when_gone::<Mobilisation>(editing);
    let plan_mob = move |format: String, circle: Circle| {
        let id = state.insert(Mobilisation::new(crate::browser::new_id(), format, circle));
        editing.set(Some(id));
    };
    view! {
        <h1 tabindex="-1">{t("circles.title")}</h1>
        <p class="lead">{t("circles.lead")}</p>
        {move || editing.get().map(|id| view! {
            <mobilisation_editor::MobilisationEditor id=id on_close=move || {
                editing.set(None);
                super::widgets::focus_later(format!("edit-{id}"));
            } />
        })}
        <ol class="circles">
            {Circle::ALL.into_iter().map(|circle| {
                let info = &kit::CIRCLES[circle.number() as usize - 1];
                let n = circle.number();
                let members = Memo::new(move |_| state.actors.with(|a| a.iter().filter(|a| a.circle() == circle).count()));
                let formats = Memo::new(move |_| state.plan.with(|p| {
                    let custom = p.as_ref().map(|p| p.custom_formats.as_slice()).unwrap_or(&[]);
                    formats_for(circle, custom).into_iter().map(str::to_owned).collect::<Vec<_>>()
                }));
                let input_id: &'static str = ["custom-format-1", "custom-format-2", "custom-format-3"][n as usize - 1];
                view! {
                    <li class=format!("circle circle-{n}")>
                        <h2>{tf("circles.circle.name", &[("n", &n)])}</h2>
                        <p class="circle-who">{info.who()}</p>
                        <p class="circle-count">{move || tn("circles.circle.members", members.get() as u64, &[])}</p>
                        <h3>{t("circles.circle.formats")}</h3>
                        <ul class="formats">
                            {move || formats.get().into_iter().map(|f| {
                                let label = f.clone();
                                view! {
                                    <li>
                                        <span>{kit::format_label(&f).to_owned()}</span>
                                        <button type="button" class="button button-small" on:click=move |_| plan_mob(label.clone(), circle)
                                            aria-label=format!("{}{}", t("circles.circle.plan"), tf("circles.circle.plan_format", &[("format", &kit::format_label(&f))]))>
                                            {t("circles.circle.plan")}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <AddForm id=input_id label=t("circles.circle.other_format") button=t("circles.circle.add_and_plan")
                            missing=t("circles.circle.format_missing")
                            on_add=move |label: String| {
                                let known = formats.with_untracked(|f| f.contains(&label));
                                if !known {
                                    let custom = CustomFormat { circle, label: label.clone() };
                                    state.update_plan(move |p| p.custom_formats.push(custom));
                                }
                                plan_mob(label, circle);
                            } />
                    </li>
                }
            }).collect_view()}
        </ol>
        <MobilisationTable on_edit=move |id| editing.set(Some(id)) />
        <needs::NeedsRegister />
    }
}

/// Every planned mobilisation, by date.
#[component]
fn MobilisationTable(on_edit: impl Fn(Id) + Copy + Send + Sync + 'static) -> impl IntoView {
    let state = use_state();
    let rows = Memo::new(move |_| {
        let mut list = state.mobilisations.get();
        list.sort_by_key(|m| (m.date.is_none(), m.date, m.circle));
        list
    });
    view! {
        <section aria-labelledby="mob-title">
            <h2 id="mob-title">{t("circles.mobs.title")}</h2>
            <div class="table-wrap">
                <table class="data-table">
                    <caption>{move || match rows.with(Vec::len) {
                        0 => t("circles.mobs.none").to_owned(),
                        n => tn("circles.mobs.count", n as u64, &[]),
                    }}</caption>
                    <thead><tr>
                        <th scope="col">{t("circles.field.format")}</th><th scope="col">{t("circles.field.circle")}</th><th scope="col">{t("circles.field.date")}</th>
                        <th scope="col">{t("circles.field.owner")}</th><th scope="col">{t("circles.field.status")}</th><th scope="col">{t("circles.field.targets")}</th>
                        <th scope="col"><span class="visually-hidden">{t("circles.row_actions")}</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=move || rows.get() key=|m| (m.id, m.format.clone(), m.date, m.owner.clone(), m.status, m.actor_ids.len(), m.circle) let:m>
                            {
                                let id = m.id;
                                view! {
                                    <tr>
                                        <th scope="row" data-label=t("circles.field.format")>{kit::format_label(&m.format).to_owned()}</th>
                                        <td data-label=t("circles.field.circle")>{m.circle.number()}</td>
                                        <td data-label=t("circles.field.date")>{m.date.map(short_date)}</td>
                                        <td data-label=t("circles.field.owner")>{m.owner.clone()}</td>
                                        <td data-label=t("circles.field.status")>{m.status.label()}</td>
                                        <td data-label=t("circles.field.targets")>{m.actor_ids.len()}</td>
                                        <RowButtons id=id name=m.format.clone() on_edit=Callback::new(on_edit)
                                            on_delete=Callback::new(move |id| state.delete::<Mobilisation>(id)) />
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}
