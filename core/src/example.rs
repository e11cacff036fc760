//! The demonstration plan (« plan d'exemple ») for a fictional métropole, Démoville.
//!
//! Source: every fact comes from the examples the ANCT kit « approche territoriale au Numérique
//! responsable » reports: Rennes (a NR page on the city's site and a NR week; the partnership
//! with the association Envie 35 that refurbished 800 computers and 50 smartphones; the citizen
//! NR council of Rennes Métropole; the « Rencontres pour un numérique plus responsable » and the
//! prizes of its NR call for projects), Bordeaux Métropole (digital services pooled across 18
//! communes for 30 % energy saved; a metropolitan collection of IT equipment in 2024), La
//! Rochelle's categories of NR actions, and the kit's families, circles, formats and key actions.
//! The actors, figures of progress and sentences are Atelier NR's own: the territory does not
//! exist, and `plan.example` is set so that the app labels it « exemple » everywhere.
//!
//! Its names and sentences come from the catalogue `example` (`core/locales/*/example.json`),
//! so the plan is created in the display language; the kit values it stores (NR action types,
//! formats, key actions in `from_catalogue`) are the kit's French values in every language.

mod actions;

use crate::file::PlanFile;
use crate::i18n::{t, t_dyn, text_in, Lang};
use crate::kit::CIRCLES;
use crate::plan::{CustomFormat, Decision};
use crate::snapshot::{close_year, YearSnapshot};
use crate::ActionStatus;
use crate::{
    Actor, Circle, EngagementLevel, Family, FoundBy, Governance, IdGen, Mobilisation,
    MobilisationStatus, Need, NeedKind, NeedStatus, Plan, Relevance, ReviewCadence, Territory,
    TerritoryKind,
};
use chrono::{Datelike, NaiveDate};

/// Builds the demonstration plan: 12 actors of the four families, 8 action sheets over the four
/// axes, 4 mobilisations over the three circles, 3 needs and a steering body.
///
/// Its names and sentences are in the current display language (catalogue `example`); the kit
/// values it stores (NR action types, mobilisation formats, key actions, codes) stay the kit's
/// French values whatever the language, as in any plan.
///
/// Its dates are placed around `today`'s year Y (from Y-1 to Y+1): the strategy adopted last
/// year, this year's work under way, last year closed (a snapshot, so that the yearly review
/// has something to compare with) and this year open.
///
/// Deterministic for a given `today`: no clock; ids come from `ids` in a fixed order.
/// `exported_at` is `None`. The result passes [`crate::file::parse_plan_file`].
pub fn example_plan(ids: &mut impl IdGen, today: NaiveDate) -> PlanFile {
    let y = ThisYear(today.year());
    let mut plan = Plan::new(ids.new_id(), t("example.plan.name"));
    plan.example = true;
    plan.territory = Territory {
        name: t("example.plan.territory").into(),
        kind: TerritoryKind::Metropole,
        population: Some(420_000),
        // Fictional: no official code.
        ..Territory::default()
    };
    plan.decisions = decisions(y);
    plan.custom_formats = vec![CustomFormat {
        circle: Circle::Two,
        label: t("example.plan.custom_format").into(),
    }];

    let actors = actors(ids, y);
    let by = |role: &str| {
        let name = actor_name(role);
        actors
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.id)
            .expect("example actor")
    };
    let a = Links {
        dsi: by("dsi"),
        ademe: by("ademe"),
        commune: by("commune"),
        univ: by("univ"),
        refurbisher: by("refurbisher"),
        esn: by("esn"),
        weee: by("weee"),
        reuse: by("reuse"),
        repair: by("repair"),
        mediation: by("mediation"),
        council: by("council"),
        residents: by("residents"),
    };

    let mut governance = Governance {
        steering_body: t("example.governance.steering_body").into(),
        member_ids: vec![a.dsi, a.ademe, a.reuse, a.council],
        internal_members: t("example.governance.internal_members").into(),
        cadence: Some(ReviewCadence::Quarterly),
        last_review: Some(y.day(0, 9, 29)),
        next_review: None,
        adopted_on: Some(y.day(-1, 6, 26)),
        deliberation: t("example.governance.deliberation").into(),
        budget_debate_on: Some(y.day(1, 2, 11)),
    };
    governance.next_review = governance.suggested_next_review();
    plan.governance = governance;

    let actions = actions::actions(ids, &a, y);
    let mut file = PlanFile::new(plan, actors, actions, None);
    file.mobilisations = mobilisations(ids, &a, y);
    file.needs = needs(ids, &a, y);
    let last_year = last_year(&file, ids.new_id(), y, &[a.univ, a.repair]);
    file.snapshots.push(last_year);
    file
}

/// Last year as it was closed in mid-December: the fiches done this year still under way
/// (or not started), `raised` one engagement level lower, one steering review held.
fn last_year(file: &PlanFile, id: crate::Id, y: ThisYear, raised: &[crate::Id]) -> YearSnapshot {
    let closed_at = y
        .day(-1, 12, 16)
        .and_hms_opt(16, 30, 0)
        .expect("valid time")
        .and_utc();
    let mut snapshot = close_year(file, y.plus(-1), id, closed_at);
    let this_year = |d: Option<NaiveDate>| d.is_some_and(|d| d.year() >= y.plus(0));
    for sheet in &mut snapshot.sheets {
        if this_year(sheet.done_on) || this_year(sheet.start) {
            sheet.status = if this_year(sheet.start) {
                ActionStatus::Planned
            } else {
                ActionStatus::InProgress
            };
            sheet.done_on = None;
        }
    }
    for actor in snapshot
        .actors
        .iter_mut()
        .filter(|a| raised.contains(&a.id))
    {
        actor.engagement = EngagementLevel::ALL[(actor.engagement as usize).saturating_sub(1)];
    }
    snapshot.needs_met = snapshot.needs_met.saturating_sub(1);
    snapshot.reviews = vec![y.day(-1, 11, 24)];
    snapshot
}

/// The day the tests show the example on (2 December 2026), so that their dates are fixed.
#[doc(hidden)]
pub fn test_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 2).expect("valid date")
}

/// The year the example is shown in: its dates are written as offsets from it.
#[derive(Clone, Copy)]
struct ThisYear(i32);

impl ThisYear {
    /// Day `d` of month `m`, `offset` years from this one. Never 29 February.
    fn day(self, offset: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0 + offset, m, d).expect("fixed example date")
    }

    /// This year plus `offset`.
    fn plus(self, offset: i32) -> i32 {
        self.0 + offset
    }
}

/// NR action types as the kit's vocabularies write them (`kit::known_nr_type`): stored values,
/// the same in every language (the app displays them with `kit::nr_type_label`).
mod nr {
    pub const STRATEGY: &str = "Stratégie et gouvernance"; // i18n: not UI
    pub const ECO_ORGANISATION: &str = "Numérique pour une organisation éco-responsable"; // i18n: not UI
    pub const MEASURE: &str = "Mesure"; // i18n: not UI
    pub const AWARENESS: &str = "Sensibilisation"; // i18n: not UI
    pub const ECODESIGN: &str = "Écoconception des services numériques"; // i18n: not UI
    pub const REFURBISHED: &str = "Achat de matériel reconditionné"; // i18n: not UI
    pub const LONGER_LIFE: &str = "Allongement de la durée de vie des équipements"; // i18n: not UI
    pub const SOVEREIGNTY: &str = "Souveraineté des données"; // i18n: not UI
    pub const END_OF_LIFE: &str = "Gestion de la fin de vie du matériel"; // i18n: not UI
    pub const INCLUSION: &str = "Inclusion numérique"; // i18n: not UI
    pub const ACCESSIBILITY: &str = "Accessibilité des services numériques"; // i18n: not UI
    pub const FOR_ALL: &str = "Numérique responsable pour tous"; // i18n: not UI
    pub const LIFE_CYCLE: &str = "Cycle de vie des équipements"; // i18n: not UI
    pub const TRANSFORMATION: &str = "Transformation du numérique"; // i18n: not UI
    pub const STAFF_AWARENESS: &str = "Sensibilisation des collaborateurs au NR"; // i18n: not UI
    pub const OFFICIALS_AWARENESS: &str = "Sensibilisation des élus et agents"; // i18n: not UI
}

/// The name of the example's actor `role` (`dsi`, `ademe`…), in the current language.
fn actor_name(role: &str) -> &'static str {
    t_dyn(&format!("example.actors.{role}.name"))
}

/// Ids of the example's actors, by role.
struct Links {
    dsi: crate::Id,
    ademe: crate::Id,
    commune: crate::Id,
    univ: crate::Id,
    refurbisher: crate::Id,
    esn: crate::Id,
    weee: crate::Id,
    reuse: crate::Id,
    repair: crate::Id,
    mediation: crate::Id,
    council: crate::Id,
    residents: crate::Id,
}

fn texts(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fn decisions(y: ThisYear) -> Vec<Decision> {
    let decision = |family, local_only, note: &str| Decision {
        family,
        local_only,
        note: note.into(),
        decided_on: Some(y.day(-1, 10, 14)),
    };
    vec![
        decision(Family::Company, Some(false), t("example.decisions.company")),
        decision(Family::Public, None, t("example.decisions.public")),
        decision(
            Family::Association,
            Some(true),
            t("example.decisions.association"),
        ),
        decision(Family::Citizen, Some(true), t("example.decisions.citizen")),
    ]
}

/// The twelve actors: `(role, engagement, NR types)`, their name, type and description from the
/// catalogue, then qualification.
fn actors(ids: &mut impl IdGen, y: ThisYear) -> Vec<Actor> {
    use nr::*;
    use EngagementLevel::*;
    let rows: [(&str, EngagementLevel, &[&str]); 12] = [
        ("dsi", Driving, &[STRATEGY, ECO_ORGANISATION]),
        ("ademe", Committed, &[MEASURE, AWARENESS]),
        ("commune", Committed, &[STRATEGY]),
        ("univ", Aware, &[MEASURE, ECODESIGN]),
        ("refurbisher", Committed, &[REFURBISHED, LONGER_LIFE]),
        ("esn", Aware, &[ECODESIGN, SOVEREIGNTY]),
        ("weee", Committed, &[END_OF_LIFE]),
        ("reuse", Driving, &[REFURBISHED, END_OF_LIFE, INCLUSION]),
        ("repair", Committed, &[LONGER_LIFE, AWARENESS]),
        ("mediation", Aware, &[INCLUSION, ACCESSIBILITY]),
        ("council", Committed, &[AWARENESS, STRATEGY]),
        ("residents", NotIdentified, &[FOR_ALL]),
    ];
    rows.into_iter()
        .map(|(role, engagement, nr_types)| {
            let name = actor_name(role);
            let mut a = Actor::new(ids.new_id(), name);
            // The family and kit subtype come from the French type, which the kit's alias
            // table recognises; the type itself is shown in the display language.
            let type_key = format!("example.actors.{role}.type");
            a.set_actor_type(text_in(Lang::Fr, &type_key));
            a.actor_type = t_dyn(&type_key).to_owned();
            a.engagement = engagement;
            a.nr_action_types = texts(nr_types);
            a.description = t_dyn(&format!("example.actors.{role}.description")).into();
            a.local = Some(role != "ademe");
            a.partner_funder = ["dsi", "ademe", "commune"].contains(&role);
            a.found_by = Some(match engagement {
                Driving => FoundBy::DirectContact,
                Committed => FoundBy::Census,
                _ => FoundBy::Research,
            });
            a.found_on = Some(y.day(-1, 11, 3));
            a.relevance = Some(match engagement {
                Driving | Committed => Relevance::High,
                Aware => Relevance::Medium,
                NotIdentified => Relevance::Low,
            });
            if role == "univ" {
                // A partner of the footprint measure: the user moves it up to circle 2.
                a.circle = Some(Circle::Two);
            }
            if a.engagement >= Committed || a.partner_funder {
                a.referent = t("example.actors.referent").into();
                a.contact = format!("contact@{}.example", crate::file::format::slug(name));
            }
            a
        })
        .collect()
}

fn mobilisations(ids: &mut impl IdGen, a: &Links, y: ThisYear) -> Vec<Mobilisation> {
    use MobilisationStatus::*;
    // Formats by their index in the kit's circle (`kit::CIRCLES`): stored as the kit writes them.
    let rows = [
        (
            Circle::One,
            0,
            Done,
            y.day(0, 3, 17),
            vec![a.dsi, a.commune],
            t("example.services.digital"),
            t("example.mobilisations.training.notes"),
        ),
        (
            Circle::One,
            4,
            Planned,
            y.day(0, 12, 8),
            vec![a.ademe, a.commune],
            t("example.services.digital"),
            t("example.mobilisations.joint_call.notes"),
        ),
        (
            Circle::Two,
            2,
            Done,
            y.day(0, 10, 13),
            vec![a.reuse, a.refurbisher, a.repair, a.weee, a.univ],
            t("example.services.nr_mission"),
            t("example.mobilisations.meetings.notes"),
        ),
        (
            Circle::Three,
            0,
            Planned,
            y.day(1, 3, 1),
            vec![a.residents, a.mediation, a.council],
            t("example.services.communication"),
            t("example.mobilisations.posters.notes"),
        ),
    ];
    rows.into_iter()
        .map(|(circle, format, status, date, targets, owner, notes)| {
            let kit_format = CIRCLES[usize::from(circle.number() - 1)].formats[format];
            let mut m = Mobilisation::new(ids.new_id(), kit_format, circle);
            m.status = status;
            m.date = Some(date);
            m.actor_ids = targets;
            m.owner = owner.into();
            m.notes = notes.into();
            m
        })
        .collect()
}

fn needs(ids: &mut impl IdGen, a: &Links, y: ThisYear) -> Vec<Need> {
    let rows = [
        (
            a.reuse,
            NeedKind::Funding,
            NeedStatus::InProgress,
            y.day(0, 6, 10),
            t("example.needs.funding.description"),
            t("example.needs.funding.follow_up"),
        ),
        (
            a.commune,
            NeedKind::Training,
            NeedStatus::Met,
            y.day(0, 2, 20),
            t("example.needs.training.description"),
            t("example.needs.training.follow_up"),
        ),
        (
            a.esn,
            NeedKind::Collaboration,
            NeedStatus::Open,
            y.day(0, 9, 15),
            t("example.needs.collaboration.description"),
            "",
        ),
    ];
    rows.into_iter()
        .map(|(actor, kind, status, on, description, follow_up)| {
            let mut n = Need::new(ids.new_id(), actor, kind);
            n.status = status;
            n.expressed_on = Some(on);
            n.description = description.into();
            n.follow_up = follow_up.into();
            n
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dashboard::dashboard;
    use crate::file::parse_plan_file;
    use crate::ids::CounterIds;
    use crate::kit::{known_nr_type, KEY_ACTIONS};
    use crate::mobilisation::formats_for;
    use crate::{ActionStatus, Axis};
    use std::collections::HashSet;

    fn example() -> PlanFile {
        example_plan(&mut CounterIds::default(), test_day())
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_example_validates_round_trips_and_is_flagged() {
        let file = example();
        assert_eq!(parse_plan_file(&file.to_json()).unwrap(), file);
        assert!(file.plan.example);
        assert!(file.plan.name.starts_with("Exemple"));
        assert!(file.plan.territory.name.contains("fictif"));
        assert_eq!(file.plan.territory.kind, TerritoryKind::Metropole);
        assert_eq!(
            file.plan.territory.obligations().reen_strategy,
            Some(true),
            "over 50 000 inhabitants: the REEN strategy is due"
        );
        assert_eq!(file, example(), "no clock, no randomness");
    }

    #[test]
    fn it_covers_the_four_families_axes_and_three_circles() {
        let file = example();
        assert!((8..=12).contains(&file.actors.len()));
        for family in [
            Family::Company,
            Family::Public,
            Family::Association,
            Family::Citizen,
        ] {
            assert!(file.actors.iter().any(|a| a.family == family), "{family:?}");
        }
        assert!(file
            .actors
            .iter()
            .all(|a| a.subtype.is_some() || a.actor_type == "Direction du numérique"));
        assert!(file
            .actors
            .iter()
            .any(|a| a.partner_funder && a.circle() == Circle::One));
        for axis in Axis::ALL {
            assert!(file.actions.iter().any(|a| a.axis == axis), "{axis:?}");
        }
        let circles: HashSet<Circle> = file.mobilisations.iter().map(|m| m.circle).collect();
        assert_eq!(circles.len(), 3);
        let kinds: HashSet<NeedKind> = file.needs.iter().map(|n| n.kind).collect();
        assert!(kinds.contains(&NeedKind::Funding) && kinds.contains(&NeedKind::Training));
        assert!(kinds.contains(&NeedKind::Collaboration));
    }

    #[test]
    fn every_link_resolves_and_every_vocabulary_is_the_kits() {
        let file = example();
        let ids: HashSet<_> = file.actors.iter().map(|a| a.id).collect();
        let links = file
            .actions
            .iter()
            .flat_map(|a| &a.actor_ids)
            .chain(file.mobilisations.iter().flat_map(|m| &m.actor_ids))
            .chain(file.needs.iter().map(|n| &n.actor_id))
            .chain(&file.plan.governance.member_ids);
        assert!(links.into_iter().all(|id| ids.contains(id)));
        assert!(!file.plan.governance.member_ids.is_empty());
        assert!(file.actions.iter().all(|a| !a.actor_ids.is_empty()));
        let nr_types = file
            .actors
            .iter()
            .flat_map(|a| &a.nr_action_types)
            .chain(file.actions.iter().flat_map(|a| &a.nr_types));
        for t in nr_types {
            assert_eq!(known_nr_type(t), Some(t.as_str()), "{t}");
        }
        for m in &file.mobilisations {
            assert!(formats_for(m.circle, &[]).contains(&m.format.as_str()));
            assert!(!m.actor_ids.is_empty());
        }
        let catalogue: Vec<&str> = KEY_ACTIONS
            .iter()
            .flat_map(|(_, l)| l.iter().copied())
            .collect();
        let from_kit: Vec<_> = file
            .actions
            .iter()
            .filter_map(|a| a.from_catalogue.as_deref())
            .collect();
        assert!(from_kit.len() >= 3);
        assert!(from_kit.iter().all(|t| catalogue.contains(t)));
    }

    #[test]
    fn the_kit_figures_800_computers_and_30_percent_are_targets() {
        let file = example();
        let indicators: Vec<_> = file.actions.iter().flat_map(|a| &a.indicators).collect();
        let computers = indicators
            .iter()
            .find(|i| i.name == "Ordinateurs reconditionnés")
            .unwrap();
        assert_eq!(
            (computers.target, computers.unit.as_str()),
            (Some(800.0), "ordinateurs")
        );
        assert_eq!(computers.percent(), Some(25), "200 of 800");
        assert!(indicators
            .iter()
            .any(|i| i.unit == "%" && i.target == Some(30.0) && i.name.contains("Énergie")));
        assert!(file
            .actions
            .iter()
            .any(|a| a.description.contains("800 ordinateurs et 50 smartphones")));
    }

    #[test]
    fn shown_another_year_it_has_last_year_closed_and_something_to_compare() {
        let file = example_plan(&mut CounterIds::default(), day(2031, 3, 10));
        assert_eq!(file.snapshots.len(), 1);
        let last = &file.snapshots[0];
        assert_eq!(last.year, 2030);
        assert_eq!(
            file.plan.governance.adopted_on.map(|d| d.year()),
            Some(2030)
        );
        let now = crate::snapshot::close_year(
            &file,
            2031,
            crate::Id::from_random_bytes([1; 16]),
            last.closed_at,
        );
        let c = crate::snapshot::compare(last, &now);
        assert!(c.done.1 > c.done.0, "a fiche done since: {:?}", c.done);
        assert!(!c.moved.is_empty(), "an indicator measured both years");
        assert_eq!(c.went_up.len(), 2, "two actors more engaged than last year");
    }

    #[test]
    fn dates_statuses_and_quick_wins_are_coherent() {
        let file = example();
        let statuses: HashSet<ActionStatus> = file.actions.iter().map(|a| a.status).collect();
        assert!(statuses.len() >= 5, "the kanban has cards in most columns");
        for a in &file.actions {
            let (start, due) = (a.start.unwrap(), a.due.unwrap());
            assert!(start <= due, "{}", a.title);
            assert!((2026..=2027).contains(&chrono::Datelike::year(&due)));
            assert_eq!(
                a.done_on.is_some(),
                a.status == ActionStatus::Done,
                "{}",
                a.title
            );
            assert!(a.phase.is_some() && !a.budget.is_empty() && !a.indicators.is_empty());
            if a.quick_win {
                assert!(a.suggests_quick_win(), "{}", a.title);
            }
        }
        assert!(file.actions.iter().filter(|a| a.quick_win).count() >= 2);
        let g = &file.plan.governance;
        assert_eq!(g.next_review, g.suggested_next_review());
        assert_eq!(g.next_review, Some(day(2026, 12, 29)));
    }

    #[test]
    fn in_english_the_text_is_english_and_the_stored_kit_values_french() {
        use crate::i18n::set_lang;
        set_lang(Lang::En);
        let file = example();
        set_lang(Lang::Fr);
        assert_eq!(parse_plan_file(&file.to_json()).unwrap(), file);
        assert_eq!(
            file.plan.name,
            "Example: Démoville metropolis (fictional area)"
        );
        let refurbisher = file
            .actors
            .iter()
            .find(|a| a.name == "Démo Refurbishing")
            .expect("the refurbisher, named in English");
        assert!(
            refurbisher
                .description
                .starts_with("An SME that refurbishes"),
            "{}",
            refurbisher.description
        );
        assert_eq!(
            refurbisher.family,
            Family::Company,
            "classified from its French type"
        );
        assert!(refurbisher.subtype.is_some());
        assert_eq!(
            refurbisher.nr_action_types,
            [
                "Achat de matériel reconditionné",
                "Allongement de la durée de vie des équipements"
            ]
        );
        assert_eq!(file.mobilisations[0].format, CIRCLES[0].formats[0]);
        assert!(file.mobilisations[0]
            .format
            .starts_with("Ateliers de formation"));
        let measure = &file.actions[0];
        assert_eq!(
            measure.from_catalogue.as_deref(),
            Some("Mesurer l'impact environnemental du numérique à l'échelle du territoire")
        );
        assert_eq!(
            measure.title,
            "Measure the environmental impact of digital technology across the area"
        );
        assert_eq!(
            measure.title,
            text_in(Lang::En, "kit.key_actions.know.measure_territory")
        );
        assert_eq!(measure.nr_types, ["Mesure"]);
        // Every message of the actors (keys built at run time) exists.
        for a in &file.actors {
            for text in [&a.name, &a.actor_type, &a.description] {
                assert!(!text.starts_with("example."), "missing message {text}");
            }
        }
        // The same structure as in French: only the words differ.
        let french = example();
        assert_eq!(file.actors.len(), french.actors.len());
        for (en, fr) in file.actors.iter().zip(&french.actors) {
            assert_eq!(
                (en.family, &en.subtype),
                (fr.family, &fr.subtype),
                "{}",
                en.name
            );
            assert_eq!(en.nr_action_types, fr.nr_action_types);
        }
        for (en, fr) in file.mobilisations.iter().zip(&french.mobilisations) {
            assert_eq!(en.format, fr.format);
        }
        for (en, fr) in file.actions.iter().zip(&french.actions) {
            assert_eq!(en.from_catalogue, fr.from_catalogue);
            assert_eq!(en.nr_types, fr.nr_types);
        }
    }

    #[test]
    fn the_dashboard_shows_progress() {
        let file = example();
        let d = dashboard(
            &file.actions,
            &file.actors,
            &file.mobilisations,
            &file.needs,
        );
        assert_eq!(d.total, 8);
        assert!(d.done > 0 && d.done_percent > 0);
        assert!(d.quick_wins.0 >= 2 && d.quick_wins.1 >= 1);
        assert!(d.indicators.iter().any(|i| i.percent.unwrap_or(0) > 0));
        assert!(d.mobilised.iter().all(|&(_, n)| n > 0), "{:?}", d.mobilised);
        assert_eq!(d.open_needs, 2);
    }
}
