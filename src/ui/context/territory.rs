//! Picking the territory from official data: a search field with suggestions (an ARIA 1.2
//! combobox with a listbox) over every commune and EPCI of France, and what the plan keeps of
//! the choice (its code, where its population comes from, an EPCI's member communes).
//!
//! Nothing of it is in the first download, nor in the context screen's own part: the search
//! code is the part `territories` ([`engine`]), and the data (Etalab's découpage
//! administratif, compacted by the build into `territoires-<hash>.json`, about 370 KB gzip) is
//! fetched the first time the field gets focus or text, then kept in memory for the session
//! (and by the service worker, which never fetches it on its own, for offline use).

use crate::parts::Failure;
use crate::state::use_state;
use atelier_core::i18n::{number, t, tf, tn};
use atelier_core::plan::PopulationMeasure;
use atelier_core::territories::{self, Territories};
use atelier_core::Territory;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;

/// One suggestion, as the list shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// Which entry of the data (for [`Engine::choose`]).
    pub index: usize,
    /// « Rennes Métropole ».
    pub name: String,
    /// « Métropole (35) · 473 973 habitants · 43 communes ».
    pub detail: String,
}

/// What the `territories` part gives: functions over the data it keeps in memory once
/// [`Engine::load`] has read it. Plain function pointers: after the part's download, every
/// search is a synchronous call, so suggestions always answer the text as it is now.
#[derive(Clone, Copy)]
pub struct Engine {
    /// Reads the data file's text and keeps it for the session. Errors: a message saying the
    /// file is damaged, in the display language.
    pub load: fn(String) -> Result<(), String>,
    /// At most ten suggestions for what the user typed, best first (see
    /// [`Territories::search_indices`]); none before [`Engine::load`].
    pub search: fn(&str) -> Vec<Suggestion>,
    /// The plan's territory for a suggestion's `index`.
    pub choose: fn(usize) -> Option<Territory>,
    /// « Name (code) » for each INSEE code, or the code alone if the data does not know it.
    pub names: fn(Vec<String>) -> Vec<String>,
}

crate::lazy! {
    /// The territory search, downloaded the first time the picker is used.
    pub fn engine [territories] () -> Engine {
        Engine { load: load_data, search: search_data, choose: choose_entry, names: member_names }
    }
}

thread_local! {
    /// The data, once read (in the `territories` part's code, like everything that uses it).
    static DATA: RefCell<Option<Territories>> = const { RefCell::new(None) };
    /// The engine with its data loaded: the picker is at once ready when drawn again (another
    /// visit of the screen, a language change).
    static READY: Cell<Option<Engine>> = const { Cell::new(None) };
}

fn load_data(text: String) -> Result<(), String> {
    let data = territories::parse(&text).map_err(|e| e.to_string())?;
    DATA.with(|d| *d.borrow_mut() = Some(data));
    Ok(())
}

fn search_data(query: &str) -> Vec<Suggestion> {
    DATA.with(|d| {
        let data = d.borrow();
        let Some(data) = data.as_ref() else {
            return Vec::new();
        };
        data.search_indices(query)
            .into_iter()
            .filter_map(|index| {
                let entry = data.get(index)?;
                Some(Suggestion {
                    index,
                    name: entry.name.clone(),
                    detail: detail(entry),
                })
            })
            .collect()
    })
}

/// « Commune (35) · 230 890 habitants · 35000, 35200, 35700 »,
/// « Métropole (35) · 473 973 habitants · 43 communes ».
fn detail(entry: &territories::Entry) -> String {
    let mut parts = vec![format!(
        "{} ({})",
        entry.kind.label(),
        entry.departements.join(", ")
    )];
    if let Some(n) = entry.population {
        parts.push(tn("context.picker.inhabitants", n.into(), &[]));
    }
    if entry.kind.is_epci() {
        parts.push(tn(
            "context.picker.communes",
            entry.members.len() as u64,
            &[],
        ));
    } else if !entry.postal_codes.is_empty() {
        // Paris and Marseille have dozens: the first few say enough.
        let mut codes = entry.postal_codes[..entry.postal_codes.len().min(4)].join(", ");
        if entry.postal_codes.len() > 4 {
            codes.push_str(", …");
        }
        parts.push(codes);
    }
    parts.join(" · ")
}

fn choose_entry(index: usize) -> Option<Territory> {
    DATA.with(|d| {
        let data = d.borrow();
        let data = data.as_ref()?;
        Some(data.territory(data.get(index)?))
    })
}

fn member_names(codes: Vec<String>) -> Vec<String> {
    DATA.with(|d| {
        let data = d.borrow();
        codes
            .into_iter()
            .map(
                |code| match data.as_ref().and_then(|data| data.by_code(&code)) {
                    Some(entry) => format!("{} ({code})", entry.name),
                    None => code,
                },
            )
            .collect()
    })
}

/// Where the data is, for this page.
#[derive(Clone, Copy)]
enum Status {
    /// Not asked for yet.
    Idle,
    Loading,
    Ready(Engine),
    /// The part or the data could not be downloaded, or the data could not be read.
    Failed(Failure),
}

/// The data's state, shared by the picker and the member list of the same screen.
#[derive(Clone, Copy)]
pub struct Data {
    status: RwSignal<Status>,
}

impl Data {
    pub fn new() -> Self {
        let status = match READY.with(Cell::get) {
            Some(engine) => Status::Ready(engine),
            None => Status::Idle,
        };
        Data {
            status: RwSignal::new(status),
        }
    }

    /// Downloads the part and the data, unless they are here or on their way.
    fn ensure(self) {
        if matches!(
            self.status.get_untracked(),
            Status::Loading | Status::Ready(_)
        ) {
            return;
        }
        self.status.set(Status::Loading);
        spawn_local(async move {
            let status = match fetch_engine().await {
                Ok(engine) => {
                    READY.with(|r| r.set(Some(engine)));
                    Status::Ready(engine)
                }
                Err(why) => Status::Failed(why),
            };
            // The screen may be gone (the user left it meanwhile).
            let _ = self.status.try_set(status);
        });
    }

    fn engine(self) -> Option<Engine> {
        match self.status.get() {
            Status::Ready(engine) => Some(engine),
            _ => None,
        }
    }
}

/// The part, then the data file named by the build, read by the part.
async fn fetch_engine() -> Result<Engine, Failure> {
    let engine = match engine().await {
        Ok(engine) => engine,
        Err(_) => return Err(crate::parts::diagnose().await),
    };
    let Some(url) = crate::browser::build_file("territories") else {
        return Err(Failure::Unreachable);
    };
    let Some(text) = crate::browser::fetch_text(&url, false).await else {
        return Err(crate::parts::diagnose().await);
    };
    (engine.load)(text).map_err(|message| {
        web_sys::console::error_1(&message.into());
        Failure::Unreachable
    })?;
    Ok(engine)
}

const INPUT: &str = "territory-search";
const LIST: &str = "territory-options";

fn option_id(i: usize) -> String {
    format!("territory-option-{i}")
}

/// The search field with its suggestions. Choosing one sets the plan's territory.
#[component]
pub fn TerritoryPicker(data: Data) -> impl IntoView {
    let state = use_state();
    let query = RwSignal::new(String::new());
    let results = RwSignal::new(Vec::<Suggestion>::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    // What the status line says after a choice (cleared by the next keystroke).
    let chosen = RwSignal::new(None::<String>);

    // Suggestions follow the text, and arrive when the data does.
    Effect::new(move |_| {
        let text = query.get();
        let found = match data.engine() {
            Some(engine) if !text.trim().is_empty() => (engine.search)(&text),
            _ => Vec::new(),
        };
        results.set(found);
        active.set(None);
    });

    let choose = move |i: usize| {
        let Some(engine) = data.engine() else { return };
        let Some(index) = results.with_untracked(|r| r.get(i).map(|s| s.index)) else {
            return;
        };
        let Some(territory) = (engine.choose)(index) else {
            return;
        };
        chosen.set(Some(tf(
            "context.picker.chosen",
            &[("name", &territory.name)],
        )));
        state.update_plan(|p| p.territory = territory);
        open.set(false);
        query.set(String::new());
    };

    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = results.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" => {
                ev.prevent_default();
                if count == 0 {
                    return;
                }
                if !open.get_untracked() {
                    open.set(true);
                    if ev.alt_key() {
                        return;
                    }
                }
                let down = ev.key() == "ArrowDown";
                let next = match (active.get_untracked(), down) {
                    (None, true) => 0,
                    (None, false) => count - 1,
                    (Some(a), true) => (a + 1) % count,
                    (Some(a), false) => (a + count - 1) % count,
                };
                active.set(Some(next));
                reveal(next);
            }
            "Enter" => {
                ev.prevent_default();
                if let (true, Some(a)) = (open.get_untracked(), active.get_untracked()) {
                    choose(a);
                }
            }
            "Escape" => {
                if open.get_untracked() {
                    ev.stop_propagation();
                    open.set(false);
                    active.set(None);
                } else if !query.get_untracked().is_empty() {
                    ev.stop_propagation();
                    query.set(String::new());
                }
            }
            _ => {}
        }
    };

    let expanded = move || open.get() && results.with(|r| !r.is_empty());
    let status_text = move || match data.status.get() {
        Status::Loading => t("context.picker.loading").to_owned(),
        Status::Ready(_) => {
            if let Some(done) = chosen.get() {
                return done;
            }
            let text = query.get();
            if text.trim().is_empty() {
                return String::new();
            }
            match results.with(Vec::len) {
                0 => tf("context.picker.none", &[("query", &text.trim())]),
                n => tn("context.picker.results", n as u64, &[]),
            }
        }
        _ => String::new(),
    };

    view! {
        <div class="field field-wide combobox">
            <label for=INPUT>{t("context.picker.label")}</label>
            <p id="territory-search-hint" class="hint">{t("context.picker.hint")}</p>
            <div class="combobox-box">
                <input id=INPUT type="text" role="combobox" autocomplete="off" spellcheck="false"
                    aria-autocomplete="list" aria-controls=LIST aria-describedby="territory-search-hint"
                    aria-expanded=move || if expanded() { "true" } else { "false" }
                    aria-activedescendant=move || active.get().filter(|_| expanded()).map(option_id)
                    prop:value=query
                    on:focus=move |_| {
                        data.ensure();
                        // Back in the field with text in it (after « Réessayer »): its suggestions.
                        open.set(!query.get_untracked().trim().is_empty());
                    }
                    on:input=move |ev| {
                        data.ensure();
                        chosen.set(None);
                        query.set(event_target_value(&ev));
                        open.set(true);
                    }
                    on:blur=move |_| { open.set(false); active.set(None); }
                    on:keydown=keydown />
                <ul id=LIST role="listbox" aria-label=t("context.picker.listbox") hidden=move || !expanded()>
                    {move || expanded().then(|| results.get().into_iter().enumerate().map(|(i, s)| view! {
                        <li id=option_id(i) role="option" class="combobox-option"
                            aria-selected=move || if active.get() == Some(i) { "true" } else { "false" }
                            // Keeps the focus in the field, so that the list stays open for the click.
                            on:mousedown=|ev| ev.prevent_default()
                            on:click=move |_| choose(i)>
                            <span class="combobox-name">{s.name}</span>
                            <span class="combobox-detail">{s.detail}</span>
                        </li>
                    }).collect_view())}
                </ul>
            </div>
            <p id="territory-search-status" class="hint" role="status">{status_text}</p>
            {move || match data.status.get() {
                Status::Failed(why) => Some(view! { <DataFailed why retry=move || data.ensure() /> }),
                _ => None,
            }}
        </div>
    }
}

/// Scrolls the list so that option `i` shows (the keyboard moved to it).
fn reveal(i: usize) {
    request_animation_frame(move || {
        let doc = document();
        let (Some(list), Some(option)) = (
            doc.get_element_by_id(LIST),
            doc.get_element_by_id(&option_id(i))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
        ) else {
            return;
        };
        let (top, height) = (option.offset_top(), option.offset_height());
        if top < list.scroll_top() {
            list.set_scroll_top(top);
        } else if top + height > list.scroll_top() + list.client_height() {
            list.set_scroll_top(top + height - list.client_height());
        }
    });
}

/// The data could not be had: why, and the one useful button. Typing by hand stays possible.
#[component]
fn DataFailed(why: Failure, retry: impl Fn() + Copy + 'static) -> impl IntoView {
    view! {
        <div class="field-error" role="alert">
            {match why {
                Failure::NewVersion => view! {
                    <p>{t("context.picker.new_version")}</p>
                    <button type="button" class="button button-small" on:click=|_| { let _ = window().location().reload(); }>
                        {t("common.part.reload")}
                    </button>
                }.into_any(),
                Failure::Unreachable => view! {
                    <p>{t("context.picker.failed")}</p>
                    <button type="button" class="button button-small" on:click=move |_| retry()>
                        {t("common.part.retry")}
                    </button>
                }.into_any(),
            }}
        </div>
    }
}

/// What the plan keeps of a territory picked from official data: its code and, for an EPCI,
/// its member communes (their count; the list folded, named once the data is at hand).
#[component]
pub fn OfficialTerritory(data: Data, #[prop(into)] territory: Signal<Territory>) -> impl IntoView {
    move || {
        let t_now = territory.get();
        let code = t_now.code.clone()?;
        let code = if t_now.kind.is_epci() {
            tf("context.official.code.epci", &[("code", &code)])
        } else {
            tf("context.official.code.commune", &[("code", &code)])
        };
        let members = t_now.members.len();
        Some(view! {
            <div class="official">
                <p class="hint">{tf("context.official.picked", &[("name", &t_now.name), ("code", &code)])}</p>
                {(members > 0).then(|| view! {
                    <p>{tn("context.official.members", members as u64, &[])}</p>
                    <super::super::widgets::Fold summary=t("context.official.members_show") class="members">
                        <MemberList data territory />
                    </super::super::widgets::Fold>
                })}
            </div>
        })
    }
}

/// The member communes, by name once the data is here (opening the list fetches it), by INSEE
/// code meanwhile.
#[component]
fn MemberList(data: Data, territory: Signal<Territory>) -> impl IntoView {
    data.ensure();
    move || {
        let codes = territory.with(|t| t.members.clone());
        match data.engine() {
            Some(engine) => view! {
                <ul class="member-list">
                    {(engine.names)(codes).into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
            }
            .into_any(),
            None => view! {
                <p class="hint">{t("context.official.members_loading")}</p>
                <p>{codes.join(", ")}</p>
            }
            .into_any(),
        }
    }
}

/// Where the population shown comes from: official data (which population, its year and
/// source), typed by hand, or nothing yet.
pub fn population_source(territory: &Territory) -> Option<String> {
    match (&territory.official, territory.population) {
        (Some(official), Some(n)) => {
            let measure = match official.measure {
                PopulationMeasure::Municipale => t("context.official.measure.municipale"),
                PopulationMeasure::Totale => t("context.official.measure.totale"),
            };
            Some(tf(
                "context.official.population",
                &[
                    ("measure", &measure),
                    ("year", &official.year),
                    ("n", &number(n.into())),
                    ("source", &official.source),
                ],
            ))
        }
        (None, Some(_)) => Some(t("context.official.typed").to_owned()),
        _ => None,
    }
}

/// A hand edit of the name, kind or population: the territory no longer matches the official
/// entry it was picked from, so it forgets its code and population source (and its members
/// when it is no longer an EPCI).
pub fn edited_by_hand(territory: &mut Territory) {
    territory.code = None;
    territory.official = None;
    if !territory.kind.is_epci() {
        territory.members.clear();
    }
}
