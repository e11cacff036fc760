//! The kit's content, as data.
//!
//! Source of every fact here (taxonomy, figures, circles, axes, examples): ANCT, kit « approche
//! territoriale au Numérique responsable », updated after the « Vague 1 » of 2023. The sentences
//! are Atelier NR's own wording of those facts; views show them and never restate them.

use crate::{Actor, Axis, Circle, EngagementLevel, Family};

/// A context figure (« chiffre clé ») with the source the kit gives for it.
pub struct Figure {
    /// The figure as displayed, e.g. « 3 à 4 % ».
    pub value: &'static str,
    /// What it measures.
    pub what: &'static str,
    /// The study the kit cites.
    pub source: &'static str,
}

/// Environmental context figures (kit, « Contexte environnemental »).
pub const FIGURES: &[Figure] = &[
    Figure {
        value: "3 à 4 %",
        what: "des émissions de gaz à effet de serre dans le monde viennent du numérique",
        source: "Arcep, « L'empreinte environnementale du numérique »",
    },
    Figure {
        value: "10 %",
        what: "de la consommation d'énergie en France est due au numérique",
        source: "Ministère de l'Économie, programme Alt-Impact",
    },
    Figure {
        value: "1 tonne",
        what: "de ressources extraites ou de déchets chaque année pour les usages numériques d'une seule personne en France",
        source: "Étude ADEME – Arcep, empreinte du numérique 2020, 2030 et 2050",
    },
    Figure {
        value: "+45 %",
        what: "d'émissions de gaz à effet de serre du numérique attendues d'ici 2030 si rien ne change",
        source: "Étude ADEME – Arcep, empreinte du numérique 2020, 2030 et 2050",
    },
    Figure {
        value: "10 %",
        what: "de l'énergie consommée sur un territoire l'est par la collectivité elle-même",
        source: "Kit ANCT, contexte environnemental",
    },
];

/// One step of the kit's method, as the wizard presents it.
pub struct MethodStep {
    /// The kit's title, e.g. « Qui mobiliser ? ».
    pub title: &'static str,
    /// One sentence on what the step produces.
    pub outcome: &'static str,
}

/// The kit's three steps.
pub const METHOD: [MethodStep; 3] = [
    MethodStep {
        title: "Qui mobiliser ?",
        outcome:
            "Recenser les acteurs du territoire, ce qu'ils font déjà et leur niveau d'engagement.",
    },
    MethodStep {
        title: "Comment les mobiliser ?",
        outcome: "Choisir, pour chaque cercle d'acteurs, les formats qui leur parlent.",
    },
    MethodStep {
        title: "Quelles actions ?",
        outcome:
            "Retenir les actions clés par axe, les confier à un pilote et leur donner une échéance.",
    },
];

/// A subtype of actor the kit lists (« sous-type », kit step 1 A), with the folded words that
/// recognise it in a free-text « Type d'acteur ».
pub struct SubtypeInfo {
    /// Stable code stored in plans, e.g. `universities`.
    pub code: &'static str,
    pub family: Family,
    /// French label.
    pub label: &'static str,
    /// Each alias is a set of folded words that must all appear in the type (a plural « s » or
    /// « x » is forgiven). The first subtype with a matching alias wins: specific ones first.
    pub aliases: &'static [&'static str],
}

const fn subtype(
    code: &'static str,
    family: Family,
    label: &'static str,
    aliases: &'static [&'static str],
) -> SubtypeInfo {
    SubtypeInfo {
        code,
        family,
        label,
        aliases,
    }
}

/// Every subtype the kit lists, specific ones first.
pub const SUBTYPES: &[SubtypeInfo] = &[
    subtype(
        "nr_companies",
        Family::Company,
        "Entreprises du Numérique responsable (seconde vie : réemploi, reconditionnement, recyclage)",
        &["entreprise nr", "entreprise numerique responsable", "entreprise seconde vie", "reconditionneur"],
    ),
    subtype(
        "digital_companies",
        Family::Company,
        "Entreprises du numérique",
        &["entreprise numerique", "esn", "ssii", "editeur logiciel"],
    ),
    subtype(
        "environment_companies",
        Family::Company,
        "Entreprises des services de l'environnement",
        &["entreprise environnement", "collecte deee"],
    ),
    subtype(
        "companies",
        Family::Company,
        "PME, ETI, grandes entreprises",
        &["pme", "eti", "tpe", "grande entreprise", "startup"],
    ),
    subtype("other_companies", Family::Company, "Autres entreprises", &["autre entreprise"]),
    subtype(
        "elected",
        Family::Public,
        "Élus",
        &["elu", "elue", "conseiller municipal", "conseillere municipale", "conseiller delegue"],
    ),
    subtype("universities", Family::Public, "Universités", &["universite", "ecole superieure"]),
    subtype(
        "hospitals",
        Family::Public,
        "Hôpitaux",
        &["hopital", "hopitaux", "chu", "centre hospitalier"],
    ),
    subtype(
        "economic_development",
        Family::Public,
        "Directions du développement économique",
        &["developpement economique"],
    ),
    subtype(
        "economic_councils",
        Family::Public,
        "Commissions consultatives des acteurs économiques",
        &["commission"],
    ),
    subtype("region", Family::Public, "Autre collectivité : région", &["region"]),
    subtype("departement", Family::Public, "Autre collectivité : département", &["departement"]),
    subtype(
        "commune",
        Family::Public,
        "Autre collectivité : commune",
        &["commune", "mairie", "ville"],
    ),
    subtype(
        "institutions",
        Family::Public,
        "Institutions publiques / nationales",
        &["institution", "etablissement public", "agence", "ademe", "anct", "arcep"],
    ),
    subtype(
        "nr_associations",
        Family::Association,
        "Associations du Numérique responsable (seconde vie)",
        &["association nr", "association numerique responsable", "association seconde vie", "ressourcerie", "recyclerie", "repair cafe"],
    ),
    subtype("other_associations", Family::Association, "Autres associations", &["autre association"]),
    subtype(
        "inhabitants",
        Family::Citizen,
        "Tout habitant du territoire",
        &["citoyen", "citoyenne", "habitant", "habitante", "grand public", "usager"],
    ),
];

/// Aliases that place a type in a family without telling its subtype; tried after
/// [`SUBTYPES`].
pub const FAMILY_ALIASES: &[(&str, Family)] = &[
    ("association", Family::Association),
    ("asso", Family::Association),
    ("collectivite", Family::Public),
    ("epci", Family::Public),
    ("metropole", Family::Public),
    ("intercommunalite", Family::Public),
    ("direction", Family::Public),
    ("entreprise", Family::Company),
    ("societe", Family::Company),
];

/// The kit's scoping question for a family (« À arbitrer », step 1 A).
pub struct Arbitration {
    pub family: Family,
    /// The question, in Atelier NR's words.
    pub question: &'static str,
    /// `Some((only, all))`: labels of the « local only » and « include the others » answers;
    /// `None` when the question is not a yes/no on locality (public actors).
    pub local_choice: Option<(&'static str, &'static str)>,
}

/// One scoping question per family, in the kit's order.
pub const ARBITRATIONS: [Arbitration; 4] = [
    Arbitration {
        family: Family::Company,
        question: "Recense-t-on seulement les entreprises du territoire, ou aussi celles qui y sont présentes sans y être implantées ?",
        local_choice: Some(("Entreprises locales seulement", "Aussi les entreprises non locales")),
    },
    Arbitration {
        family: Family::Public,
        question: "Les ambitions NR de la collectivité rejoignent-elles celles des autres acteurs publics ? À quelle échelle mener la démarche ?",
        local_choice: None,
    },
    Arbitration {
        family: Family::Association,
        question: "Recense-t-on seulement les associations du territoire, ou aussi celles qui y agissent depuis ailleurs ?",
        local_choice: Some(("Associations locales seulement", "Aussi les associations non locales")),
    },
    Arbitration {
        family: Family::Citizen,
        question: "Inclut-on les personnes qui ne résident pas sur le territoire, comme les touristes ?",
        local_choice: Some(("Résidents seulement", "Aussi les non-résidents")),
    },
];

/// How an actor's past actions were found (kit, step 1 B).
pub const IDENTIFICATION_METHODS: [&str; 3] = [
    "Recherche (internet, rapports annuels, presse)",
    "Recensement (questionnaire envoyé)",
    "Contact direct (courriel ou téléphone)",
];

/// The kit's dimensions of responsible digital. The kit announces seven and names six: these.
pub const NR_DIMENSIONS: [&str; 6] = [
    "Stratégie et gouvernance",
    "Mesure",
    "Transformation du numérique",
    "Achats",
    "Sensibilisation",
    "Numérique pour une organisation éco-responsable",
];

/// The nine categories La Rochelle's agglomeration used to sort the NR actions of its
/// territory's structures (an example the kit reports, step 1).
pub const LA_ROCHELLE_CATEGORIES: [&str; 9] = [
    "Achat de matériel reconditionné",
    "Sensibilisation des collaborateurs au NR",
    "Allongement de la durée de vie des équipements",
    "Écoconception des services numériques",
    "Gestion de la fin de vie du matériel",
    "Souveraineté des données",
    "Accessibilité des services numériques",
    "Logiciels libres et open source",
    "Inclusion numérique",
];

/// The six areas the REEN decree (décret 2022-1084, CGCT art. D.2311-15-1) asks a territorial
/// NR strategy to cover.
pub const REEN_DECREE_AREAS: [&str; 6] = [
    "Achats durables",
    "Cycle de vie des équipements",
    "Écoconception des services",
    "Sensibilisation des élus et agents",
    "Numérique responsable pour tous",
    "Territoire connecté et données",
];

/// The three vocabularies of NR action types, with their French titles.
pub const NR_VOCABULARIES: [(&str, &[&str]); 3] = [
    (
        "Dimensions du Numérique responsable (kit ANCT)",
        &NR_DIMENSIONS,
    ),
    (
        "Catégories de La Rochelle (exemple du kit)",
        &LA_ROCHELLE_CATEGORIES,
    ),
    ("Axes du décret REEN", &REEN_DECREE_AREAS),
];

/// The vocabulary label an NR action type matches (case and accents ignored), if any.
pub fn known_nr_type(text: &str) -> Option<&'static str> {
    let folded = crate::text::fold(text);
    NR_VOCABULARIES
        .iter()
        .flat_map(|(_, list)| list.iter())
        .find(|label| crate::text::fold(label) == folded)
        .copied()
}

/// A circle of actors to mobilise (« cercle ») and the formats that suit it (kit, step 2).
pub struct CircleInfo {
    /// 1 (closest to the collectivité) to 3 (everyone).
    pub number: u8,
    /// Who is in it.
    pub who: &'static str,
    /// Mobilisation formats (« modalités de mobilisation »).
    pub formats: &'static [&'static str],
}

/// The kit's three circles, from the administration to the whole territory.
pub const CIRCLES: [CircleInfo; 3] = [
    CircleInfo {
        number: 1,
        who: "Les services de la collectivité, ses partenaires et ses financeurs (ANCT, ADEME en région…)",
        formats: &[
            "Ateliers de formation dédiés au Numérique responsable, comme la Fresque du Numérique",
            "Un point Numérique responsable à l'ordre du jour d'instances qui se réunissent déjà",
            "Des affiches dans les locaux de l'administration",
            "Guides, ressources en ligne et modules d'e-learning, comme le MOOC de l'INR",
            "Des initiatives menées en commun avec les partenaires",
        ],
    },
    CircleInfo {
        number: 2,
        who: "Les structures du territoire déjà motrices ou engagées sur le Numérique responsable",
        formats: &[
            "Formations collectives et webinaires pour aller plus loin",
            "Une communication ciblée qui valorise ce qu'elles font déjà et invite à agir ensemble",
            "Des événements et ateliers de travail pour fédérer et partager les bonnes pratiques, par exemple une concertation",
        ],
    },
    CircleInfo {
        number: 3,
        who: "Tous les acteurs du territoire, grand public compris",
        formats: &[
            "Des campagnes de sensibilisation sur tout le territoire",
            "Des articles dans les médias internes ou la presse locale sur les initiatives",
            "De grands événements ouverts à tous, comme des conférences publiques",
            "Des communautés en ligne ou groupes d'échange pour faire remonter les idées",
        ],
    },
];

/// A condition of the circle rule table.
pub enum CircleCondition {
    /// The actor is flagged as the collectivité's service, partner or funder.
    PartnerOrFunder,
    /// The actor has one of these kit subtypes.
    Subtype(&'static [&'static str]),
    /// The actor's engagement is at least this level.
    EngagementAtLeast(EngagementLevel),
    /// Every actor.
    Always,
}

impl CircleCondition {
    /// Whether `actor` meets the condition.
    pub fn holds(&self, actor: &Actor) -> bool {
        match self {
            CircleCondition::PartnerOrFunder => actor.partner_funder,
            CircleCondition::Subtype(codes) => matches!(
                &actor.subtype,
                Some(crate::Subtype::Kit(code)) if codes.contains(&code.as_str())
            ),
            CircleCondition::EngagementAtLeast(level) => actor.engagement >= *level,
            CircleCondition::Always => true,
        }
    }
}

/// Rules that suggest an actor's circle, tried in order (the user can override the result).
/// Derived from the kit's definition of the circles (step 2).
pub const CIRCLE_RULES: &[(CircleCondition, Circle)] = &[
    (CircleCondition::PartnerOrFunder, Circle::One),
    // The kit names the national institutions (ANCT, ADEME en région…) among circle 1's
    // partners and funders.
    (CircleCondition::Subtype(&["institutions"]), Circle::One),
    (
        CircleCondition::EngagementAtLeast(EngagementLevel::Committed),
        Circle::Two,
    ),
    (CircleCondition::Always, Circle::Three),
];

/// What the kit asks to set up for every circle: a way for actors to express needs.
pub const NEEDS_CHANNEL: &str = "Prévoir un canal par lequel tout acteur peut solliciter la collectivité : financement, collaboration, formation.";

/// The key actions the kit proposes for each axis (kit, step 3).
pub const KEY_ACTIONS: &[(Axis, &[&str])] = &[
    (
        Axis::Know,
        &[
            "Mesurer l'impact environnemental du numérique à l'échelle du territoire",
            "Outiller les acteurs du territoire pour qu'ils mesurent leur propre empreinte numérique",
            "Aider les autres collectivités à bâtir leur feuille de route NR ou à trouver leurs leviers de réduction",
        ],
    ),
    (
        Axis::Support,
        &[
            "Créer et animer un réseau NR du territoire : annuaire, mises en relation, événements",
            "Soutenir financièrement les projets NR : appels à projets, critère NR dans les subventions",
            "Faire connaître les acteurs de la seconde vie du matériel auprès du grand public",
        ],
    ),
    (
        Axis::Innovate,
        &[
            "Repérer les solutions numériques qui font avancer les objectifs de développement durable de la collectivité",
        ],
    ),
    (
        Axis::Engage,
        &[
            "Sensibiliser tous les agents au NR et former plus en profondeur les agents du numérique",
            "Accompagner écoles et établissements pour intégrer le NR aux programmes et aux événements",
            "Associer les habitants par un conseil citoyen du Numérique responsable",
            "Publier un guide des bons usages du numérique et le diffuser largement",
        ],
    ),
];

/// Real examples the kit reports, for inspiration.
pub const EXAMPLES: &[(&str, &str)] = &[
    ("Rennes", "Une page du site de la ville consacrée au NR et une semaine du Numérique responsable."),
    ("Rennes", "Avec l'association Envie 35, le matériel de la ville et de la métropole est récupéré et reconditionné : 800 ordinateurs et 50 smartphones."),
    ("Rennes Métropole", "Un conseil citoyen du Numérique responsable."),
    ("Bordeaux Métropole", "Des services numériques mutualisés entre 18 communes, pour 30 % d'énergie économisée."),
    ("Bordeaux Métropole", "En 2024, une collecte de matériel informatique ouverte aux habitants, aux entreprises et aux agents."),
];

/// A governance principle of the kit's conclusion, and why it matters.
pub struct Principle {
    pub title: &'static str,
    pub why: &'static str,
}

/// The kit's three principles for the next steps.
pub const GOVERNANCE: [Principle; 3] = [
    Principle {
        title: "Structurer en interne",
        why: "Des rôles clairs, un suivi régulier et des objectifs choisis font durer la démarche.",
    },
    Principle {
        title: "Commencer de manière incrémentale",
        why: "Avancer par étapes limite les risques et laisse la démarche suivre un numérique qui change vite.",
    },
    Principle {
        title: "Viser des « gains rapides »",
        why: "Des premiers résultats visibles entretiennent l'élan des acteurs mobilisés.",
    },
];

/// The six column headers of the kit's census table, in its order.
pub const CENSUS_COLUMNS: [&str; 6] = [
    "Type d'acteur",
    "Nom de l'acteur",
    "Type d'action Numérique Responsable",
    "Description des actions NR identifiées",
    "Niveau d'engagement estimé",
    "Référent identifié et contact",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_axis_has_key_actions_and_every_family_its_subtypes() {
        for axis in Axis::ALL {
            assert!(KEY_ACTIONS
                .iter()
                .any(|(a, list)| *a == axis && !list.is_empty()));
        }
        for family in [
            Family::Company,
            Family::Public,
            Family::Association,
            Family::Citizen,
        ] {
            assert!(SUBTYPES.iter().any(|s| s.family == family));
        }
        let mut codes: Vec<_> = SUBTYPES.iter().map(|s| s.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), SUBTYPES.len(), "subtype codes are unique");
    }

    #[test]
    fn nr_types_are_recognised_loosely() {
        assert_eq!(known_nr_type("ACHATS"), Some("Achats"));
        assert_eq!(
            known_nr_type("ecoconception des services"),
            Some("Écoconception des services")
        );
        assert_eq!(known_nr_type("Jardinage"), None);
    }

    #[test]
    fn aliases_are_folded_text() {
        let subtype_aliases = SUBTYPES.iter().flat_map(|s| s.aliases.iter());
        let family_aliases = FAMILY_ALIASES.iter().map(|(a, _)| a);
        for alias in subtype_aliases.chain(family_aliases) {
            assert_eq!(crate::text::fold(alias), *alias);
        }
    }
}
