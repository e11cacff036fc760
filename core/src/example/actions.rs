//! The action sheets of the demonstration plan (kit step 3): eight fiches over the four axes,
//! several made from the kit's key actions, with the figures of the kit's examples (Rennes and
//! Envie 35: 800 computers, 50 smartphones; Bordeaux Métropole: 18 communes, 30 % energy).

use super::{day, texts, Links};
use crate::action::{BudgetKind, BudgetLine};
use crate::kit::KEY_ACTIONS;
use crate::{
    ActionSheet, ActionStatus, Axis, Circle, IdGen, Indicator, Measure, Phase, Priority, Score,
};
use chrono::NaiveDate;

/// The kit's key action `i` of `axis` (kit step 3).
fn key_action(axis: Axis, i: usize) -> &'static str {
    KEY_ACTIONS
        .iter()
        .find(|(a, _)| *a == axis)
        .map(|(_, list)| list[i])
        .expect("key action of the kit")
}

fn indicator(name: &str, unit: &str, target: f64, measures: &[(NaiveDate, f64)]) -> Indicator {
    let mut i = Indicator::new(name);
    i.unit = unit.into();
    i.baseline = Some(0.0);
    i.target = Some(target);
    i.measures = measures
        .iter()
        .map(|&(on, value)| Measure { on, value })
        .collect();
    i
}

fn budget(kind: BudgetKind, label: &str, amount: u64, year: i32) -> BudgetLine {
    BudgetLine {
        kind,
        label: label.into(),
        amount,
        year: Some(year),
    }
}

/// Common fields of a sheet, in the order of the form.
#[allow(clippy::too_many_arguments)]
fn sheet(
    mut s: ActionSheet,
    status: ActionStatus,
    (description, objectives, publics): (&str, &str, &str),
    (pilot_service, priority): (&str, Priority),
    (effort, impact, phase): (Score, Score, Phase),
    (start, due): (NaiveDate, NaiveDate),
    partners: Vec<crate::Id>,
    circles: &[Circle],
) -> ActionSheet {
    s.status = status;
    s.description = description.into();
    s.objectives = objectives.into();
    s.publics = publics.into();
    s.pilot = format!("Chef de projet, {}", pilot_service.to_lowercase());
    s.pilot_service = pilot_service.into();
    s.priority = Some(priority);
    s.effort = Some(effort);
    s.impact = Some(impact);
    s.phase = Some(phase);
    s.start = Some(start);
    s.due = Some(due);
    s.actor_ids = partners;
    s.circles = circles.to_vec();
    s
}

pub(super) fn actions(ids: &mut impl IdGen, a: &Links) -> Vec<ActionSheet> {
    use ActionStatus::*;
    use BudgetKind::*;
    use Score::{High, Low, Medium};
    const NUM: &str = "Direction du numérique";

    let mut measure = sheet(
        ActionSheet::from_catalogue(ids.new_id(), Axis::Know, key_action(Axis::Know, 0)),
        InProgress,
        (
            "Un bureau d'études dresse un premier bilan de l'empreinte du numérique du territoire : \
             équipements, réseaux et centres de données.",
            "Avoir un état initial chiffré fin 2026 pour fixer les objectifs de réduction.",
            "services de la métropole, grandes structures du territoire",
        ),
        (NUM, Priority::High),
        (High, High, Phase::First),
        (day(2026, 2, 2), day(2026, 12, 18)),
        vec![a.ademe, a.univ],
        &[Circle::One, Circle::Two],
    );
    measure.budget = vec![budget(Operating, "Étude d'empreinte", 40_000, 2026)];
    measure.indicators = vec![indicator(
        "Structures ayant fourni leurs données",
        "structures",
        40.0,
        &[(day(2026, 6, 30), 9.0), (day(2026, 9, 30), 17.0)],
    )];
    measure.nr_types = texts(&["Mesure"]);
    measure.notes = "Cofinancement demandé à l'ADEME.".into();

    let mut refurbish = sheet(
        ActionSheet::new(
            ids.new_id(),
            "Faire reconditionner le matériel informatique de la métropole par une association",
            Axis::Support,
        ),
        InProgress,
        (
            "Les ordinateurs et smartphones retirés du parc des agents partent chez l'association, \
             qui les remet en état puis les revend aux habitants. Cible reprise de l'exemple \
             rennais : 800 ordinateurs et 50 smartphones.",
            "Ne plus envoyer au recyclage un appareil qui peut encore servir.",
            "agents, habitants aux revenus modestes",
        ),
        (NUM, Priority::High),
        (Medium, High, Phase::First),
        (day(2026, 1, 12), day(2027, 6, 30)),
        vec![a.reuse, a.refurbisher],
        &[Circle::One, Circle::Two],
    );
    refurbish.budget = vec![
        budget(
            Operating,
            "Convention annuelle avec l'association",
            18_000,
            2026,
        ),
        budget(
            Investment,
            "Outillage de l'atelier de reconditionnement",
            6_500,
            2026,
        ),
    ];
    refurbish.indicators = vec![
        indicator(
            "Ordinateurs reconditionnés",
            "ordinateurs",
            800.0,
            &[(day(2026, 3, 31), 80.0), (day(2026, 9, 30), 200.0)],
        ),
        indicator(
            "Smartphones reconditionnés",
            "smartphones",
            50.0,
            &[(day(2026, 9, 30), 12.0)],
        ),
    ];
    refurbish.nr_types = texts(&[
        "Allongement de la durée de vie des équipements",
        "Cycle de vie des équipements",
    ]);
    refurbish.notes = "Exemple du kit ANCT : Rennes et l'association Envie 35.".into();

    let mut pool = sheet(
        ActionSheet::new(
            ids.new_id(),
            "Mutualiser les services numériques des communes de la métropole",
            Axis::Support,
        ),
        InProgress,
        (
            "Hébergement, logiciels métiers et messagerie des communes volontaires rejoignent un \
             service commun, comme Bordeaux Métropole l'a fait pour 18 communes.",
            "Économiser 30 % de l'énergie des serveurs des communes raccordées.",
            "communes membres",
        ),
        (NUM, Priority::High),
        (High, High, Phase::Second),
        (day(2026, 9, 1), day(2027, 12, 17)),
        vec![a.commune, a.dsi],
        &[Circle::One],
    );
    pool.budget = vec![
        budget(Investment, "Serveurs et réseau mutualisés", 120_000, 2026),
        budget(Operating, "Aide au raccordement des communes", 35_000, 2027),
    ];
    pool.indicators = vec![
        indicator(
            "Énergie économisée par les services mutualisés",
            "%",
            30.0,
            &[(day(2026, 10, 31), 12.5)],
        ),
        indicator(
            "Communes raccordées",
            "communes",
            18.0,
            &[(day(2026, 10, 31), 7.0)],
        ),
    ];
    pool.nr_types = texts(&[
        "Numérique pour une organisation éco-responsable",
        "Souveraineté des données",
    ]);
    pool.notes = "Exemple du kit ANCT : Bordeaux Métropole.".into();

    let mut collect = sheet(
        ActionSheet::new(
            ids.new_id(),
            "Organiser une collecte de matériel informatique dans toute la métropole",
            Axis::Support,
        ),
        Planned,
        (
            "Une semaine de dépôt ouverte aux habitants, aux entreprises et aux agents, avec un \
             point de collecte par commune ; ce qui marche encore part au réemploi.",
            "Faire connaître les filières de seconde vie et alimenter l'atelier de \
             reconditionnement.",
            "habitants, entreprises, agents",
        ),
        ("Direction de la transition écologique", Priority::Medium),
        (Low, High, Phase::Second),
        (day(2027, 3, 1), day(2027, 5, 28)),
        vec![a.weee, a.reuse, a.commune],
        &[Circle::Three],
    );
    collect.quick_win = true;
    collect.budget = vec![budget(
        Operating,
        "Communication et points de dépôt",
        8_000,
        2027,
    )];
    collect.indicators = vec![indicator("Appareils collectés", "appareils", 1_000.0, &[])];
    collect.nr_types = texts(&["Gestion de la fin de vie du matériel"]);
    collect.notes = "Inspirée de la collecte de Bordeaux Métropole en 2024 (kit ANCT).".into();

    let mut innovate = sheet(
        ActionSheet::from_catalogue(ids.new_id(), Axis::Innovate, key_action(Axis::Innovate, 0)),
        Paused,
        (
            "Avec l'université et les entreprises locales, lister les outils qui aident à suivre \
             l'eau et l'énergie consommées par les bâtiments publics.",
            "Retenir deux solutions à tester en 2027.",
            "services techniques",
        ),
        ("Direction de la transition écologique", Priority::Low),
        (Medium, Medium, Phase::Third),
        (day(2026, 4, 6), day(2027, 10, 29)),
        vec![a.univ, a.esn],
        &[Circle::Two],
    );
    innovate.budget = vec![budget(Operating, "Test de deux solutions", 10_000, 2027)];
    innovate.indicators = vec![indicator("Solutions testées", "solutions", 2.0, &[])];
    innovate.nr_types = texts(&["Transformation du numérique"]);
    innovate.notes = "En pause jusqu'aux résultats de la mesure d'empreinte.".into();

    let mut council = sheet(
        ActionSheet::from_catalogue(ids.new_id(), Axis::Engage, key_action(Axis::Engage, 2)),
        InProgress,
        (
            "Des habitants volontaires se réunissent quatre fois par an pour donner leur avis sur \
             les projets numériques de la métropole.",
            "Faire entendre les habitants avant chaque grand projet numérique.",
            "habitants",
        ),
        ("Direction de la participation citoyenne", Priority::Medium),
        (Medium, Medium, Phase::First),
        (day(2026, 5, 4), day(2027, 3, 31)),
        vec![a.council, a.mediation],
        &[Circle::Three],
    );
    council.budget = vec![budget(Operating, "Animation des séances", 5_000, 2026)];
    council.indicators = vec![indicator(
        "Membres du conseil",
        "habitants",
        30.0,
        &[(day(2026, 6, 15), 18.0), (day(2026, 10, 5), 24.0)],
    )];
    council.nr_types = texts(&["Sensibilisation", "Stratégie et gouvernance"]);
    council.notes = "Idée reprise de Rennes Métropole (kit ANCT).".into();

    let mut agents = sheet(
        ActionSheet::from_catalogue(ids.new_id(), Axis::Engage, key_action(Axis::Engage, 0)),
        Blocked,
        (
            "Un atelier Fresque du Numérique par service, puis une formation à l'écoconception \
             pour les équipes qui conçoivent ou achètent des services numériques.",
            "Chaque agent a suivi au moins un atelier fin 2027.",
            "agents de la métropole et des communes",
        ),
        ("Direction des ressources humaines", Priority::High),
        (Medium, High, Phase::Second),
        (day(2026, 11, 2), day(2027, 12, 17)),
        vec![a.dsi],
        &[Circle::One],
    );
    agents.budget = vec![budget(
        Operating,
        "Ateliers Fresque du Numérique",
        15_000,
        2027,
    )];
    agents.indicators = vec![indicator("Agents sensibilisés", "agents", 2_000.0, &[])];
    agents.nr_types = texts(&[
        "Sensibilisation des collaborateurs au NR",
        "Sensibilisation des élus et agents",
    ]);
    agents.notes = "Bloquée tant que le budget de formation 2027 n'est pas voté.".into();

    let mut page = sheet(
        ActionSheet::new(
            ids.new_id(),
            "Ouvrir une page Numérique responsable sur le site et tenir une semaine du NR",
            Axis::Engage,
        ),
        Done,
        (
            "La page réunit écogestes, lieux de réparation et de reconditionnement et agenda ; \
             une semaine d'animations la fait connaître.",
            "Donner à chacun un point d'entrée unique vers les acteurs du NR.",
            "grand public",
        ),
        ("Direction de la communication", Priority::Medium),
        (Low, Medium, Phase::First),
        (day(2026, 2, 2), day(2026, 5, 29)),
        vec![a.repair, a.reuse, a.mediation],
        &[Circle::Three],
    );
    page.quick_win = true;
    page.done_on = Some(day(2026, 5, 22));
    page.budget = vec![budget(Operating, "Animations de la semaine", 3_000, 2026)];
    page.indicators = vec![indicator(
        "Visites de la page",
        "visites",
        5_000.0,
        &[(day(2026, 6, 30), 2_600.0), (day(2026, 9, 30), 4_100.0)],
    )];
    page.nr_types = texts(&["Sensibilisation", "Numérique responsable pour tous"]);
    page.notes = "Idée reprise de la ville de Rennes (kit ANCT).".into();

    vec![
        measure, refurbish, pool, collect, innovate, council, agents, page,
    ]
}
