//! Live capture during a workshop: one field to note an idea or a candidate action without
//! leaving the projection. It becomes a fiche action « À venir » whose notes say it comes
//! from the workshop, to sort out later; the « Idées de l'atelier » slide shows it at once.

use crate::state::use_state;
use atelier_core::action::WORKSHOP_MARK;
use atelier_core::i18n::{t, tf};
use atelier_core::text::french_date;
use atelier_core::{ActionSheet, Axis};
use leptos::prelude::*;

#[component]
pub fn Capture(on_close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let state = use_state();
    let (text, set_text) = signal(String::new());
    let (axis, set_axis) = signal(Axis::Engage);
    let (saved, set_saved) = signal(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let title = text.get_untracked().trim().to_owned();
        if title.is_empty() {
            return;
        }
        let mut sheet = ActionSheet::new(
            crate::browser::new_id(),
            title.clone(),
            axis.get_untracked(),
        );
        let date = french_date(crate::browser::today());
        let args: [(&str, &dyn std::fmt::Display); 2] = [("mark", &WORKSHOP_MARK), ("date", &date)];
        sheet.notes = tf("projector.capture.note", &args);
        state.insert(sheet);
        set_text.set(String::new());
        set_saved.set(Some(title));
    };
    view! {
        <form class="capture" role="dialog" aria-labelledby="capture-title" on:submit=submit
            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { ev.stop_propagation(); on_close() }>
            <h2 id="capture-title">{t("projector.capture.title")}</h2>
            <label for="capture-text">{t("projector.capture.idea")}</label>
            <input id="capture-text" type="text" prop:value=text on:input=move |ev| set_text.set(event_target_value(&ev)) />
            <label for="capture-axis">{t("projector.capture.axis")}</label>
            <select id="capture-axis" on:change=move |ev| if let Some(a) = Axis::from_code(&event_target_value(&ev)) { set_axis.set(a) }>
                {Axis::ALL.into_iter().map(|a| view! { <option value=a.code() selected=a == Axis::Engage>{a.label()}</option> }).collect_view()}
            </select>
            <div class="notice-buttons">
                <button type="submit" class="button button-primary">{t("projector.capture.add")}</button>
                <button type="button" class="button" on:click=move |_| on_close()>{t("projector.capture.close")}</button>
            </div>
            <p role="status">{move || saved.get().map(|title| tf("projector.capture.saved", &[("title", &title)]))}</p>
        </form>
    }
}
