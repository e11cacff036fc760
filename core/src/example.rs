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

mod actions;

use crate::file::PlanFile;
use crate::kit::CIRCLES;
use crate::plan::{CustomFormat, Decision};
use crate::{
    Actor, Circle, EngagementLevel, Family, FoundBy, Governance, IdGen, Mobilisation,
    MobilisationStatus, Need, NeedKind, NeedStatus, Plan, Relevance, ReviewCadence, Territory,
    TerritoryKind,
};
use chrono::NaiveDate;

/// Name of the demonstration plan: it reads as an example wherever it is listed.
pub const EXAMPLE_NAME: &str = "Exemple : Métropole de Démoville";

/// Builds the demonstration plan: 12 actors of the four families, 8 action sheets over the four
/// axes, 4 mobilisations over the three circles, 3 needs and a steering body.
///
/// Deterministic: fixed dates (2025–2027), no clock; ids come from `ids` in a fixed order.
/// `exported_at` is `None`. The result passes [`crate::file::parse_plan_file`].
pub fn example_plan(ids: &mut impl IdGen) -> PlanFile {
    let mut plan = Plan::new(ids.new_id(), EXAMPLE_NAME);
    plan.example = true;
    plan.territory = Territory {
        name: "Métropole de Démoville (territoire fictif)".into(),
        kind: TerritoryKind::Metropole,
        population: Some(420_000),
    };
    plan.decisions = decisions();
    plan.custom_formats = vec![CustomFormat {
        circle: Circle::Two,
        label: "Remise des prix de l'appel à projets Numérique responsable".into(),
    }];

    let actors = actors(ids);
    let by = |name: &str| {
        actors
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.id)
            .expect("example actor")
    };
    let a = Links {
        dsi: by(DSI),
        ademe: by(ADEME),
        commune: by(COMMUNE),
        univ: by(UNIV),
        refurbisher: by(REFURBISHER),
        esn: by(ESN),
        weee: by(WEEE),
        reuse: by(REUSE),
        repair: by(REPAIR),
        mediation: by(MEDIATION),
        council: by(COUNCIL),
        residents: by(RESIDENTS),
    };

    let mut governance = Governance {
        steering_body: "Comité de pilotage Numérique responsable".into(),
        member_ids: vec![a.dsi, a.ademe, a.reuse, a.council],
        internal_members: "Vice-présidence au numérique, direction générale des services, \
                           directions des achats et de la transition écologique"
            .into(),
        cadence: Some(ReviewCadence::Quarterly),
        last_review: Some(day(2026, 9, 29)),
        next_review: None,
    };
    governance.next_review = governance.suggested_next_review();
    plan.governance = governance;

    let actions = actions::actions(ids, &a);
    let mut file = PlanFile::new(plan, actors, actions, None);
    file.mobilisations = mobilisations(ids, &a);
    file.needs = needs(ids, &a);
    file
}

const DSI: &str = "Direction du numérique mutualisée";
const ADEME: &str = "ADEME, direction régionale";
const COMMUNE: &str = "Commune de Démoville-sur-Rive";
const UNIV: &str = "Université de Démoville";
const REFURBISHER: &str = "Démo Reconditionnement";
const ESN: &str = "Démo Services Numériques";
const WEEE: &str = "Démo Collecte Environnement";
const REUSE: &str = "Réemploi solidaire de Démoville";
const REPAIR: &str = "Repair café des Tilleuls";
const MEDIATION: &str = "Maison de la médiation numérique";
const COUNCIL: &str = "Conseil citoyen du Numérique responsable";
const RESIDENTS: &str = "Habitants de la métropole";

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

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("fixed example date")
}

fn texts(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fn decisions() -> Vec<Decision> {
    let decision = |family, local_only, note: &str| Decision {
        family,
        local_only,
        note: note.into(),
        decided_on: Some(day(2025, 10, 14)),
    };
    vec![
        decision(
            Family::Company,
            Some(false),
            "On garde les reconditionneurs installés ailleurs qui rachètent du matériel ici.",
        ),
        decision(
            Family::Public,
            None,
            "Nos ambitions rejoignent celles de la région ; la démarche couvre toutes les communes \
             de la métropole.",
        ),
        decision(
            Family::Association,
            Some(true),
            "Seules les associations actives sur le territoire sont recensées.",
        ),
        decision(
            Family::Citizen,
            Some(true),
            "Résidents seulement pour cette première version ; les visiteurs viendront ensuite.",
        ),
    ]
}

/// The twelve actors: `(name, type, engagement, NR types, description)`, then qualification.
fn actors(ids: &mut impl IdGen) -> Vec<Actor> {
    use EngagementLevel::*;
    let rows: [(&str, &str, EngagementLevel, &[&str], &str); 12] = [
        (DSI, "Direction du numérique", Driving,
         &["Stratégie et gouvernance", "Numérique pour une organisation éco-responsable"],
         "Service commun à la métropole et aux communes : il gère l'hébergement partagé et le parc \
          informatique des agents."),
        (ADEME, "Institution publique / nationale", Committed, &["Mesure", "Sensibilisation"],
         "Cofinance des études d'empreinte et fournit des méthodes de mesure aux collectivités."),
        (COMMUNE, "Collectivité territoriale - Commune", Committed, &["Stratégie et gouvernance"],
         "Commune membre raccordée aux services numériques mutualisés, volontaire pour accueillir \
          un point de collecte."),
        (UNIV, "Université", Aware, &["Mesure", "Écoconception des services numériques"],
         "Un laboratoire étudie l'empreinte des réseaux ; les étudiants en informatique suivent un \
          module d'écoconception."),
        (REFURBISHER, "Entreprise dans le NR (seconde vie)", Committed,
         &["Achat de matériel reconditionné", "Allongement de la durée de vie des équipements"],
         "PME qui remet en état des ordinateurs professionnels et les revend avec garantie."),
        (ESN, "Entreprise du numérique", Aware,
         &["Écoconception des services numériques", "Souveraineté des données"],
         "Entreprise de services numériques qui veut proposer des sites sobres, hébergés en Europe."),
        (WEEE, "Entreprise des services de l'environnement", Committed,
         &["Gestion de la fin de vie du matériel"],
         "Collecte et trie les déchets électriques et électroniques ; oriente vers le réemploi ce \
          qui fonctionne encore."),
        (REUSE, "Association dans le NR (seconde vie)", Driving,
         &["Achat de matériel reconditionné", "Gestion de la fin de vie du matériel",
           "Inclusion numérique"],
         "Association d'insertion qui récupère le matériel des administrations, le reconditionne \
          et le revend à petit prix, sur le modèle du partenariat de Rennes avec Envie 35."),
        (REPAIR, "Repair café", Committed,
         &["Allongement de la durée de vie des équipements", "Sensibilisation"],
         "Chaque mois, des bénévoles y aident les habitants à réparer ordinateurs et téléphones."),
        (MEDIATION, "Autre association", Aware,
         &["Inclusion numérique", "Accessibilité des services numériques"],
         "Accompagne les habitants éloignés du numérique dans leurs démarches en ligne."),
        (COUNCIL, "Citoyens", Committed, &["Sensibilisation", "Stratégie et gouvernance"],
         "Habitants volontaires qui donnent leur avis sur les projets numériques de la métropole, \
          à l'image du conseil créé par Rennes Métropole."),
        (RESIDENTS, "Habitants", NotIdentified, &["Numérique responsable pour tous"],
         "Le grand public, visé par la collecte de matériel et les campagnes d'écogestes."),
    ];
    rows.into_iter()
        .map(|(name, actor_type, engagement, nr_types, description)| {
            let mut a = Actor::new(ids.new_id(), name);
            a.set_actor_type(actor_type);
            a.engagement = engagement;
            a.nr_action_types = texts(nr_types);
            a.description = description.into();
            a.local = Some(name != ADEME);
            a.partner_funder = [DSI, ADEME, COMMUNE].contains(&name);
            a.found_by = Some(match engagement {
                Driving => FoundBy::DirectContact,
                Committed => FoundBy::Census,
                _ => FoundBy::Research,
            });
            a.found_on = Some(day(2025, 11, 3));
            a.relevance = Some(match engagement {
                Driving | Committed => Relevance::High,
                Aware => Relevance::Medium,
                NotIdentified => Relevance::Low,
            });
            if name == UNIV {
                // A partner of the footprint measure: the user moves it up to circle 2.
                a.circle = Some(Circle::Two);
            }
            if a.engagement >= Committed || a.partner_funder {
                a.referent = "Référent Numérique responsable".into();
                a.contact = format!("contact@{}.example", crate::file::format::slug(name));
            }
            a
        })
        .collect()
}

fn mobilisations(ids: &mut impl IdGen, a: &Links) -> Vec<Mobilisation> {
    use MobilisationStatus::*;
    let rows = [
        (
            Circle::One,
            0,
            Done,
            day(2026, 3, 17),
            vec![a.dsi, a.commune],
            "Direction du numérique",
            "Deux demi-journées pour les encadrants des services et des communes.",
        ),
        (
            Circle::One,
            4,
            Planned,
            day(2026, 12, 8),
            vec![a.ademe, a.commune],
            "Direction du numérique",
            "Préparer avec l'ADEME un appel à projets commun.",
        ),
        (
            Circle::Two,
            2,
            Done,
            day(2026, 10, 13),
            vec![a.reuse, a.refurbisher, a.repair, a.weee, a.univ],
            "Mission Numérique responsable",
            "Rencontres du NR : tables rondes le matin, ateliers réemploi et achats l'après-midi.",
        ),
        (
            Circle::Three,
            0,
            Planned,
            day(2027, 3, 1),
            vec![a.residents, a.mediation, a.council],
            "Direction de la communication",
            "Affiches d'écogestes dans les transports, lancées avec la collecte de matériel.",
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

fn needs(ids: &mut impl IdGen, a: &Links) -> Vec<Need> {
    let rows = [
        (
            a.reuse,
            NeedKind::Funding,
            NeedStatus::InProgress,
            day(2026, 6, 10),
            "Financer un second poste de technicien pour traiter plus de matériel.",
            "Subvention à l'étude pour le budget 2027.",
        ),
        (
            a.commune,
            NeedKind::Training,
            NeedStatus::Met,
            day(2026, 2, 20),
            "Former les secrétaires de mairie aux bons réglages des postes et des imprimantes.",
            "Places réservées aux ateliers Fresque du Numérique de mars.",
        ),
        (
            a.esn,
            NeedKind::Collaboration,
            NeedStatus::Open,
            day(2026, 9, 15),
            "Travailler avec la métropole sur l'écoconception de ses sites.",
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
        example_plan(&mut CounterIds::default())
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
