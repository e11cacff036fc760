//! The kit's content, as data.
//!
//! Source of every fact here (taxonomy, figures, circles, axes, examples): ANCT, kit « approche
//! territoriale au Numérique responsable », updated after the « Vague 1 » of 2023. The sentences
//! are Atelier NR's own wording of those facts; views show them and never restate them.
//!
//! Displayed text lives in the `kit` message catalogue: the items here hold message keys and
//! give their text through accessors (`Figure::what`…). Text that plans store or that user
//! input is matched against (NR action types, circle formats, key actions, census column
//! headers) stays here as its canonical French value; its displayed label is looked up from
//! that value ([`nr_type_label`], [`format_label`], [`key_action_label`]).

use crate::i18n::t;
use crate::{Actor, Axis, Circle, EngagementLevel, Family};

/// A context figure (« chiffre clé ») with the source the kit gives for it.
pub struct Figure {
    /// Message key of the figure as displayed, e.g. « 3 à 4 % ».
    value: &'static str,
    /// Message key of what it measures.
    what: &'static str,
    /// Message key of the study the kit cites.
    source: &'static str,
}

impl Figure {
    /// The figure as displayed, e.g. « 3 à 4 % ».
    pub fn value(&self) -> &'static str {
        t(self.value)
    }

    /// What it measures.
    pub fn what(&self) -> &'static str {
        t(self.what)
    }

    /// The study the kit cites.
    pub fn source(&self) -> &'static str {
        t(self.source)
    }
}

/// Environmental context figures (kit, « Contexte environnemental »).
pub const FIGURES: &[Figure] = &[
    Figure {
        value: "kit.figures.ghg_share.value",
        what: "kit.figures.ghg_share.what",
        source: "kit.figures.ghg_share.source",
    },
    Figure {
        value: "kit.figures.energy_share.value",
        what: "kit.figures.energy_share.what",
        source: "kit.figures.energy_share.source",
    },
    Figure {
        value: "kit.figures.resources_per_person.value",
        what: "kit.figures.resources_per_person.what",
        source: "kit.figures.resources_per_person.source",
    },
    Figure {
        value: "kit.figures.ghg_growth.value",
        what: "kit.figures.ghg_growth.what",
        source: "kit.figures.ghg_growth.source",
    },
    Figure {
        value: "kit.figures.local_authority_energy.value",
        what: "kit.figures.local_authority_energy.what",
        source: "kit.figures.local_authority_energy.source",
    },
];

/// One step of the kit's method, as the wizard presents it.
pub struct MethodStep {
    /// Message key of the kit's title.
    title: &'static str,
    /// Message key of the outcome.
    outcome: &'static str,
}

impl MethodStep {
    /// The kit's title, e.g. « Qui mobiliser ? ».
    pub fn title(&self) -> &'static str {
        t(self.title)
    }

    /// One sentence on what the step produces.
    pub fn outcome(&self) -> &'static str {
        t(self.outcome)
    }
}

/// The kit's three steps.
pub const METHOD: [MethodStep; 3] = [
    MethodStep {
        title: "kit.method.who.title",
        outcome: "kit.method.who.outcome",
    },
    MethodStep {
        title: "kit.method.how.title",
        outcome: "kit.method.how.outcome",
    },
    MethodStep {
        title: "kit.method.which_actions.title",
        outcome: "kit.method.which_actions.outcome",
    },
];

/// A subtype of actor the kit lists (« sous-type », kit step 1 A), with the folded words that
/// recognise it in a free-text « Type d'acteur ».
pub struct SubtypeInfo {
    /// Stable code stored in plans, e.g. `universities`.
    pub code: &'static str,
    pub family: Family,
    /// Message key of the label.
    label: &'static str,
    /// Each alias is a set of folded words that must all appear in the type (a plural « s » or
    /// « x » is forgiven). The first subtype with a matching alias wins: specific ones first.
    /// They match what users write, in French or English: data, not text shown. Words take a
    /// plural « s » but not « ies »/« es », so those plurals are listed (« companies »).
    pub aliases: &'static [&'static str],
}

impl SubtypeInfo {
    /// The subtype's label, e.g. « Universités ».
    pub fn label(&self) -> &'static str {
        t(self.label)
    }
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
        "kit.subtypes.nr_companies",
        &[
            "entreprise nr",
            "entreprise numerique responsable",
            "entreprise seconde vie",
            "reconditionneur",
            "nr company",
            "nr companies",
            "responsible digital company",
            "responsible digital companies",
            "second life company",
            "second life companies",
            "refurbisher",
            "refurbishment company",
            "refurbishment companies",
            "reuse company",
            "reuse companies",
        ],
    ),
    subtype(
        "digital_companies",
        Family::Company,
        "kit.subtypes.digital_companies",
        &[
            "entreprise numerique",
            "esn",
            "ssii",
            "editeur logiciel",
            "digital company",
            "digital companies",
            "digital business",
            "digital businesses",
            "digital firm",
            "digital agency",
            "digital agencies",
            "web agency",
            "web agencies",
            "software company",
            "software companies",
            "software publisher",
            "software vendor",
            "software house",
            "it company",
            "it companies",
            "it service",
            "it consultancy",
            "tech company",
            "tech companies",
            "technology company",
            "technology companies",
        ],
    ),
    subtype(
        "environment_companies",
        Family::Company,
        "kit.subtypes.environment_companies",
        &[
            "entreprise environnement",
            "collecte deee",
            "environmental company",
            "environmental companies",
            "environment company",
            "environment companies",
            "waste company",
            "waste companies",
            "waste firm",
            "recycling company",
            "recycling companies",
            "recycler",
            "weee collection",
            "weee collector",
            "weee recycling",
            "e waste collection",
            "e waste recycling",
        ],
    ),
    subtype(
        "companies",
        Family::Company,
        "kit.subtypes.companies",
        &[
            "pme",
            "eti",
            "tpe",
            "grande entreprise",
            "startup",
            "sme",
            "small business",
            "small businesses",
            "small company",
            "small companies",
            "mid sized company",
            "mid sized companies",
            "midsize company",
            "midsize companies",
            "mid cap",
            "large company",
            "large companies",
            "large business",
            "large businesses",
            "large firm",
            "big company",
            "big companies",
            "multinational",
            "start up",
            "scale up",
            "scaleup",
        ],
    ),
    subtype(
        "other_companies",
        Family::Company,
        "kit.subtypes.other_companies",
        &[
            "autre entreprise",
            "other company",
            "other companies",
            "other business",
            "other businesses",
            "other firm",
        ],
    ),
    subtype(
        "elected",
        Family::Public,
        "kit.subtypes.elected",
        &[
            "elu",
            "elue",
            "conseiller municipal",
            "conseillere municipale",
            "conseiller delegue",
            "elected",
            "councillor",
            "councilor",
            "mayor",
            "member of parliament",
        ],
    ),
    subtype(
        "universities",
        Family::Public,
        "kit.subtypes.universities",
        &[
            "universite",
            "ecole superieure",
            "university",
            "universities",
            "higher education",
            "business school",
            "engineering school",
            "graduate school",
            "polytechnic",
        ],
    ),
    subtype(
        "hospitals",
        Family::Public,
        "kit.subtypes.hospitals",
        &[
            "hopital",
            "hopitaux",
            "chu",
            "centre hospitalier",
            // « University hospital » still goes to `universities`, which comes first.
            "hospital",
            "nhs trust",
            "health trust",
        ],
    ),
    subtype(
        "economic_development",
        Family::Public,
        "kit.subtypes.economic_development",
        &[
            "developpement economique",
            "economic development",
            "development agency",
            "development agencies",
            "inward investment",
        ],
    ),
    subtype(
        "economic_councils",
        Family::Public,
        "kit.subtypes.economic_councils",
        &[
            "commission",
            "advisory committee",
            "advisory board",
            "advisory council",
            "consultative committee",
            "economic council",
        ],
    ),
    subtype(
        "region",
        Family::Public,
        "kit.subtypes.region",
        &[
            "region",
            "regional council",
            "regional authority",
            "regional authorities",
            "regional government",
        ],
    ),
    subtype(
        "departement",
        Family::Public,
        "kit.subtypes.departement",
        &[
            "departement",
            "county council",
            "county authority",
            "county authorities",
            "departmental council",
            "department council",
            "local authority department",
        ],
    ),
    subtype(
        "commune",
        Family::Public,
        "kit.subtypes.commune",
        &[
            "commune",
            "mairie",
            "ville",
            "municipality",
            "municipalities",
            "municipal",
            "town hall",
            "city hall",
            "town council",
            "city council",
            "parish council",
            "district council",
            "local council",
            "borough",
        ],
    ),
    subtype(
        "institutions",
        Family::Public,
        "kit.subtypes.institutions",
        &[
            "institution",
            "etablissement public",
            "agence",
            "ademe",
            "anct",
            "arcep",
            "public body",
            "public bodies",
            "public agency",
            "public agencies",
            "government agency",
            "government agencies",
            "national agency",
            "national agencies",
            "state agency",
            "executive agency",
            "environment agency",
            "government department",
            "central government",
            "national government",
            "ministry",
            "ministries",
            "regulator",
        ],
    ),
    subtype(
        "nr_associations",
        Family::Association,
        "kit.subtypes.nr_associations",
        &[
            "association nr",
            "association numerique responsable",
            "association seconde vie",
            "ressourcerie",
            "recyclerie",
            "repair cafe",
            "responsible digital association",
            "second life association",
            "nr charity",
            "nr charities",
            "responsible digital charity",
            "responsible digital charities",
            "second life charity",
            "second life charities",
            "reuse association",
            "reuse charity",
            "reuse charities",
            "reuse centre",
            "reuse center",
        ],
    ),
    subtype(
        "other_associations",
        Family::Association,
        "kit.subtypes.other_associations",
        &[
            "autre association",
            "other association",
            "other charity",
            "other charities",
            "other nonprofit",
            "other non profit",
            "other ngo",
        ],
    ),
    subtype(
        "inhabitants",
        Family::Citizen,
        "kit.subtypes.inhabitants",
        &[
            "citoyen",
            "citoyenne",
            "habitant",
            "habitante",
            "grand public",
            "usager",
            "citizen",
            "resident",
            "inhabitant",
            "general public",
            "member of the public",
            "service user",
            "end user",
            "household",
        ],
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
    // English: whole words, so short ones (« ngo », « ltd ») are safe; no bare « public »,
    // « agency », « club », « college », « cooperative », « artisan », « trust » or
    // « society », which are French words too or mean several families.
    ("charity", Family::Association),
    ("charities", Family::Association),
    ("charitable", Family::Association),
    ("nonprofit", Family::Association),
    ("non profit", Family::Association),
    ("not for profit", Family::Association),
    ("ngo", Family::Association),
    ("voluntary", Family::Association),
    ("third sector", Family::Association),
    ("community group", Family::Association),
    ("foundation", Family::Association),
    ("digital inclusion", Family::Association),
    ("council", Family::Public),
    ("authority", Family::Public),
    ("authorities", Family::Public),
    ("government", Family::Public),
    ("public sector", Family::Public),
    ("public service", Family::Public),
    ("public administration", Family::Public),
    ("department", Family::Public),
    ("school", Family::Public),
    ("library", Family::Public),
    ("libraries", Family::Public),
    ("police", Family::Public),
    ("social housing", Family::Public),
    ("company", Family::Company),
    ("companies", Family::Company),
    ("business", Family::Company),
    ("businesses", Family::Company),
    ("firm", Family::Company),
    ("enterprise", Family::Company),
    ("ltd", Family::Company),
    ("plc", Family::Company),
    ("llp", Family::Company),
    ("corporate", Family::Company),
    ("retailer", Family::Company),
    ("manufacturer", Family::Company),
    ("supplier", Family::Company),
    ("consultancy", Family::Company),
];

/// The kit's scoping question for a family (« À arbitrer », step 1 A).
pub struct Arbitration {
    pub family: Family,
    /// Message key of the question.
    question: &'static str,
    /// Message keys of the « local only » and « include the others » answers.
    local_choice: Option<(&'static str, &'static str)>,
}

impl Arbitration {
    /// The question, in Atelier NR's words.
    pub fn question(&self) -> &'static str {
        t(self.question)
    }

    /// `Some((only, all))`: labels of the « local only » and « include the others » answers;
    /// `None` when the question is not a yes/no on locality (public actors).
    pub fn local_choice(&self) -> Option<(&'static str, &'static str)> {
        self.local_choice.map(|(only, all)| (t(only), t(all)))
    }
}

/// One scoping question per family, in the kit's order.
pub const ARBITRATIONS: [Arbitration; 4] = [
    Arbitration {
        family: Family::Company,
        question: "kit.arbitrations.company.question",
        local_choice: Some((
            "kit.arbitrations.company.local_only",
            "kit.arbitrations.company.include_others",
        )),
    },
    Arbitration {
        family: Family::Public,
        question: "kit.arbitrations.public.question",
        local_choice: None,
    },
    Arbitration {
        family: Family::Association,
        question: "kit.arbitrations.association.question",
        local_choice: Some((
            "kit.arbitrations.association.local_only",
            "kit.arbitrations.association.include_others",
        )),
    },
    Arbitration {
        family: Family::Citizen,
        question: "kit.arbitrations.citizen.question",
        local_choice: Some((
            "kit.arbitrations.citizen.local_only",
            "kit.arbitrations.citizen.include_others",
        )),
    },
];

/// Message keys of how an actor's past actions were found (kit, step 1 B), in
/// [`crate::FoundBy`]'s order; [`crate::FoundBy::label`] gives their text.
pub const IDENTIFICATION_METHODS: [&str; 4] = [
    "kit.identification_methods.research",
    "kit.identification_methods.census",
    "kit.identification_methods.direct_contact",
    // The kit's « Recherche » when it went through an open dataset (Atelier NR's addition).
    "kit.identification_methods.open_data",
];

/// The kit's dimensions of responsible digital. The kit announces seven and names six: these.
/// Each is stored as written here in plans (an actor's or a sheet's NR types).
pub const NR_DIMENSIONS: [&str; 6] = [
    "Stratégie et gouvernance",    // i18n: not UI (stored value)
    "Mesure",                      // i18n: not UI (stored value)
    "Transformation du numérique", // i18n: not UI (stored value)
    "Achats",                      // i18n: not UI (stored value)
    "Sensibilisation",             // i18n: not UI (stored value)
    "Numérique pour une organisation éco-responsable", // i18n: not UI (stored value)
];

/// Message keys of [`NR_DIMENSIONS`], in the same order.
const NR_DIMENSION_KEYS: [&str; 6] = [
    "kit.nr_dimensions.strategy",
    "kit.nr_dimensions.measurement",
    "kit.nr_dimensions.transformation",
    "kit.nr_dimensions.purchasing",
    "kit.nr_dimensions.awareness",
    "kit.nr_dimensions.eco_organisation",
];

/// The nine categories La Rochelle's agglomeration used to sort the NR actions of its
/// territory's structures (an example the kit reports, step 1). Stored values, like
/// [`NR_DIMENSIONS`].
pub const LA_ROCHELLE_CATEGORIES: [&str; 9] = [
    "Achat de matériel reconditionné", // i18n: not UI (stored value)
    "Sensibilisation des collaborateurs au NR", // i18n: not UI (stored value)
    "Allongement de la durée de vie des équipements", // i18n: not UI (stored value)
    "Écoconception des services numériques", // i18n: not UI (stored value)
    "Gestion de la fin de vie du matériel", // i18n: not UI (stored value)
    "Souveraineté des données",        // i18n: not UI (stored value)
    "Accessibilité des services numériques", // i18n: not UI (stored value)
    "Logiciels libres et open source", // i18n: not UI (stored value)
    "Inclusion numérique",             // i18n: not UI (stored value)
];

/// Message keys of [`LA_ROCHELLE_CATEGORIES`], in the same order.
const LA_ROCHELLE_KEYS: [&str; 9] = [
    "kit.la_rochelle.refurbished",
    "kit.la_rochelle.staff_awareness",
    "kit.la_rochelle.lifespan",
    "kit.la_rochelle.ecodesign",
    "kit.la_rochelle.end_of_life",
    "kit.la_rochelle.data_sovereignty",
    "kit.la_rochelle.accessibility",
    "kit.la_rochelle.free_software",
    "kit.la_rochelle.digital_inclusion",
];

/// The six areas the REEN decree (décret 2022-1084, CGCT art. D.2311-15-1) asks a territorial
/// NR strategy to cover. Stored values, like [`NR_DIMENSIONS`].
pub const REEN_DECREE_AREAS: [&str; 6] = [
    "Achats durables",                    // i18n: not UI (stored value)
    "Cycle de vie des équipements",       // i18n: not UI (stored value)
    "Écoconception des services",         // i18n: not UI (stored value)
    "Sensibilisation des élus et agents", // i18n: not UI (stored value)
    "Numérique responsable pour tous",    // i18n: not UI (stored value)
    "Territoire connecté et données",     // i18n: not UI (stored value)
];

/// Message keys of [`REEN_DECREE_AREAS`], in the same order.
const REEN_DECREE_KEYS: [&str; 6] = [
    "kit.reen_areas.purchasing",
    "kit.reen_areas.lifecycle",
    "kit.reen_areas.ecodesign",
    "kit.reen_areas.awareness",
    "kit.reen_areas.for_all",
    "kit.reen_areas.connected_territory",
];

/// A vocabulary of NR action types.
pub struct NrVocabulary {
    /// Message key of its title.
    title: &'static str,
    /// Its types, as stored in plans (French); [`nr_type_label`] gives what to display.
    pub types: &'static [&'static str],
    /// Message keys of `types`, in the same order.
    keys: &'static [&'static str],
}

impl NrVocabulary {
    /// The vocabulary's title, e.g. « Axes du décret REEN ».
    pub fn title(&self) -> &'static str {
        t(self.title)
    }
}

/// The three vocabularies of NR action types.
pub const NR_VOCABULARIES: [NrVocabulary; 3] = [
    NrVocabulary {
        title: "kit.nr_vocabularies.dimensions",
        types: &NR_DIMENSIONS,
        keys: &NR_DIMENSION_KEYS,
    },
    NrVocabulary {
        title: "kit.nr_vocabularies.la_rochelle",
        types: &LA_ROCHELLE_CATEGORIES,
        keys: &LA_ROCHELLE_KEYS,
    },
    NrVocabulary {
        title: "kit.nr_vocabularies.reen",
        types: &REEN_DECREE_AREAS,
        keys: &REEN_DECREE_KEYS,
    },
];

/// Every NR type of the vocabularies, as (stored value, message key).
fn nr_types() -> impl Iterator<Item = (&'static str, &'static str)> {
    NR_VOCABULARIES
        .iter()
        .flat_map(|v| v.types.iter().copied().zip(v.keys.iter().copied()))
}

/// The vocabulary value an NR action type matches (case and accents ignored), if any: the
/// stored French value, whether `text` is written as that value or as its label in the
/// current language.
pub fn known_nr_type(text: &str) -> Option<&'static str> {
    let folded = crate::text::fold(text);
    nr_types()
        .find(|(value, key)| {
            crate::text::fold(value) == folded || crate::text::fold(t(key)) == folded
        })
        .map(|(value, _)| value)
}

/// What to display for a stored NR action type: its label in the current language for a
/// vocabulary value, the user's own type as it is.
pub fn nr_type_label(value: &str) -> &str {
    nr_types()
        .find(|(known, _)| *known == value)
        .map_or(value, |(_, key)| t(key))
}

/// A list of stored NR action types as displayed, comma-separated (see [`nr_type_label`]).
pub fn nr_types_label(values: &[String]) -> String {
    values
        .iter()
        .map(|v| nr_type_label(v))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A circle of actors to mobilise (« cercle ») and the formats that suit it (kit, step 2).
pub struct CircleInfo {
    /// 1 (closest to the collectivité) to 3 (everyone).
    pub number: u8,
    /// Message key of who is in it.
    who: &'static str,
    /// Mobilisation formats (« modalités de mobilisation »), as stored in mobilisations
    /// (French); [`format_label`] gives what to display.
    pub formats: &'static [&'static str],
    /// Message keys of `formats`, in the same order.
    format_keys: &'static [&'static str],
}

impl CircleInfo {
    /// Who is in it.
    pub fn who(&self) -> &'static str {
        t(self.who)
    }
}

/// The kit's three circles, from the administration to the whole territory.
pub const CIRCLES: [CircleInfo; 3] = [
    CircleInfo {
        number: 1,
        who: "kit.circles.one.who",
        formats: &[
            "Ateliers de formation dédiés au Numérique responsable, comme la Fresque du Numérique", // i18n: not UI (stored value)
            "Un point Numérique responsable à l'ordre du jour d'instances qui se réunissent déjà", // i18n: not UI (stored value)
            "Des affiches dans les locaux de l'administration", // i18n: not UI (stored value)
            "Guides, ressources en ligne et modules d'e-learning, comme le MOOC de l'INR", // i18n: not UI (stored value)
            "Des initiatives menées en commun avec les partenaires", // i18n: not UI (stored value)
        ],
        format_keys: &[
            "kit.circles.one.formats.training",
            "kit.circles.one.formats.agenda_item",
            "kit.circles.one.formats.posters",
            "kit.circles.one.formats.online_resources",
            "kit.circles.one.formats.joint_initiatives",
        ],
    },
    CircleInfo {
        number: 2,
        who: "kit.circles.two.who",
        formats: &[
            "Formations collectives et webinaires pour aller plus loin", // i18n: not UI (stored value)
            "Une communication ciblée qui valorise ce qu'elles font déjà et invite à agir ensemble", // i18n: not UI (stored value)
            "Des événements et ateliers de travail pour fédérer et partager les bonnes pratiques, par exemple une concertation", // i18n: not UI (stored value)
        ],
        format_keys: &[
            "kit.circles.two.formats.training",
            "kit.circles.two.formats.targeted_communication",
            "kit.circles.two.formats.events",
        ],
    },
    CircleInfo {
        number: 3,
        who: "kit.circles.three.who",
        formats: &[
            "Des campagnes de sensibilisation sur tout le territoire", // i18n: not UI (stored value)
            "Des articles dans les médias internes ou la presse locale sur les initiatives", // i18n: not UI (stored value)
            "De grands événements ouverts à tous, comme des conférences publiques", // i18n: not UI (stored value)
            "Des communautés en ligne ou groupes d'échange pour faire remonter les idées", // i18n: not UI (stored value)
        ],
        format_keys: &[
            "kit.circles.three.formats.campaigns",
            "kit.circles.three.formats.articles",
            "kit.circles.three.formats.public_events",
            "kit.circles.three.formats.online_communities",
        ],
    },
];

/// What to display for a mobilisation format: its label in the current language for one of
/// the kit's formats (stored in French), the user's own format as it is.
pub fn format_label(value: &str) -> &str {
    CIRCLES
        .iter()
        .flat_map(|c| c.formats.iter().zip(c.format_keys))
        .find(|(known, _)| **known == value)
        .map_or(value, |(_, key)| t(key))
}

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
    /// Why an actor meeting the condition is suggested its circle, in words (« partenaire ou
    /// financeur de la collectivité »).
    pub fn reason(&self) -> &'static str {
        match self {
            CircleCondition::PartnerOrFunder => t("kit.circle_rule.partner"),
            CircleCondition::Subtype(_) => t("kit.circle_rule.institution"),
            CircleCondition::EngagementAtLeast(_) => t("kit.circle_rule.engaged"),
            CircleCondition::Always => t("kit.circle_rule.others"),
        }
    }

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
pub fn needs_channel() -> &'static str {
    t("kit.needs_channel")
}

/// The key actions the kit proposes for each axis (kit, step 3). A sheet made from one keeps
/// its French text in `from_catalogue` (stored value); [`key_action_label`] gives what to
/// display.
pub const KEY_ACTIONS: &[(Axis, &[&str])] = &[
    (
        Axis::Know,
        &[
            "Mesurer l'impact environnemental du numérique à l'échelle du territoire", // i18n: not UI (stored value)
            "Outiller les acteurs du territoire pour qu'ils mesurent leur propre empreinte numérique", // i18n: not UI (stored value)
            "Aider les autres collectivités à bâtir leur feuille de route NR ou à trouver leurs leviers de réduction", // i18n: not UI (stored value)
        ],
    ),
    (
        Axis::Support,
        &[
            "Créer et animer un réseau NR du territoire : annuaire, mises en relation, événements", // i18n: not UI (stored value)
            "Soutenir financièrement les projets NR : appels à projets, critère NR dans les subventions", // i18n: not UI (stored value)
            "Faire connaître les acteurs de la seconde vie du matériel auprès du grand public", // i18n: not UI (stored value)
        ],
    ),
    (
        Axis::Innovate,
        &[
            "Repérer les solutions numériques qui font avancer les objectifs de développement durable de la collectivité", // i18n: not UI (stored value)
        ],
    ),
    (
        Axis::Engage,
        &[
            "Sensibiliser tous les agents au NR et former plus en profondeur les agents du numérique", // i18n: not UI (stored value)
            "Accompagner écoles et établissements pour intégrer le NR aux programmes et aux événements", // i18n: not UI (stored value)
            "Associer les habitants par un conseil citoyen du Numérique responsable", // i18n: not UI (stored value)
            "Publier un guide des bons usages du numérique et le diffuser largement", // i18n: not UI (stored value)
        ],
    ),
];

/// Message keys of [`KEY_ACTIONS`], in the same order.
const KEY_ACTION_KEYS: [&[&str]; 4] = [
    &[
        "kit.key_actions.know.measure_territory",
        "kit.key_actions.know.equip_actors",
        "kit.key_actions.know.help_authorities",
    ],
    &[
        "kit.key_actions.support.network",
        "kit.key_actions.support.funding",
        "kit.key_actions.support.second_life",
    ],
    &["kit.key_actions.innovate.sustainable_solutions"],
    &[
        "kit.key_actions.engage.train_staff",
        "kit.key_actions.engage.schools",
        "kit.key_actions.engage.citizen_council",
        "kit.key_actions.engage.good_practice_guide",
    ],
];

/// What to display for a key action stored in French (e.g. a sheet's `from_catalogue`): its
/// label in the current language; any other text as it is.
pub fn key_action_label(value: &str) -> &str {
    KEY_ACTIONS
        .iter()
        .zip(KEY_ACTION_KEYS)
        .flat_map(|((_, list), keys)| list.iter().zip(keys))
        .find(|(known, _)| **known == value)
        .map_or(value, |(_, key)| t(key))
}

/// A real example the kit reports.
pub struct Example {
    /// The collectivité, by its proper name.
    pub who: &'static str,
    /// Message key of what it did.
    what: &'static str,
}

impl Example {
    /// What it did.
    pub fn what(&self) -> &'static str {
        t(self.what)
    }
}

/// Real examples the kit reports, for inspiration.
pub const EXAMPLES: &[Example] = &[
    Example {
        who: "Rennes", // i18n: not UI (proper name)
        what: "kit.examples.rennes_nr_week",
    },
    Example {
        who: "Rennes", // i18n: not UI (proper name)
        what: "kit.examples.rennes_envie35",
    },
    Example {
        who: "Rennes Métropole", // i18n: not UI (proper name)
        what: "kit.examples.rennes_citizen_council",
    },
    Example {
        who: "Bordeaux Métropole", // i18n: not UI (proper name)
        what: "kit.examples.bordeaux_shared_services",
    },
    Example {
        who: "Bordeaux Métropole", // i18n: not UI (proper name)
        what: "kit.examples.bordeaux_collection",
    },
];

/// A governance principle of the kit's conclusion, and why it matters.
pub struct Principle {
    /// Message key of the principle.
    title: &'static str,
    /// Message key of why it matters.
    why: &'static str,
}

impl Principle {
    /// The principle, e.g. « Structurer en interne ».
    pub fn title(&self) -> &'static str {
        t(self.title)
    }

    /// Why it matters.
    pub fn why(&self) -> &'static str {
        t(self.why)
    }
}

/// The kit's three principles for the next steps.
pub const GOVERNANCE: [Principle; 3] = [
    Principle {
        title: "kit.governance.structure.title",
        why: "kit.governance.structure.why",
    },
    Principle {
        title: "kit.governance.incremental.title",
        why: "kit.governance.incremental.why",
    },
    Principle {
        title: "kit.governance.quick_wins.title",
        why: "kit.governance.quick_wins.why",
    },
];

/// The six column headers of the kit's census table, in its order, as census files write
/// them (a file format: French whatever the display language; see
/// [`census_column_labels`] for table headers on screen).
pub const CENSUS_COLUMNS: [&str; 6] = [
    "Type d'acteur",                          // i18n: not UI (CSV column the kit names)
    "Nom de l'acteur",                        // i18n: not UI (CSV column the kit names)
    "Type d'action Numérique Responsable",    // i18n: not UI (CSV column the kit names)
    "Description des actions NR identifiées", // i18n: not UI (CSV column the kit names)
    "Niveau d'engagement estimé",             // i18n: not UI (CSV column the kit names)
    "Référent identifié et contact",          // i18n: not UI (CSV column the kit names)
];

/// Message keys of [`CENSUS_COLUMNS`], in the same order.
const CENSUS_COLUMN_KEYS: [&str; 6] = [
    "kit.census_columns.actor_type",
    "kit.census_columns.name",
    "kit.census_columns.nr_action_types",
    "kit.census_columns.description",
    "kit.census_columns.engagement",
    "kit.census_columns.referent",
];

/// The census columns as table headers on screen, in the current language.
pub fn census_column_labels() -> [&'static str; 6] {
    CENSUS_COLUMN_KEYS.map(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set_lang, text_in, Lang};

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

    /// Every message key the kit's items hold.
    fn all_keys() -> Vec<&'static str> {
        let mut keys = Vec::new();
        for f in FIGURES {
            keys.extend([f.value, f.what, f.source]);
        }
        for m in &METHOD {
            keys.extend([m.title, m.outcome]);
        }
        keys.extend(SUBTYPES.iter().map(|s| s.label));
        for a in &ARBITRATIONS {
            keys.push(a.question);
            if let Some((only, all)) = a.local_choice {
                keys.extend([only, all]);
            }
        }
        keys.extend(IDENTIFICATION_METHODS);
        for v in &NR_VOCABULARIES {
            keys.push(v.title);
            keys.extend(v.keys);
        }
        for c in &CIRCLES {
            keys.push(c.who);
            keys.extend(c.format_keys);
        }
        keys.extend(KEY_ACTION_KEYS.iter().flat_map(|k| k.iter()));
        keys.extend(EXAMPLES.iter().map(|e| e.what));
        for p in &GOVERNANCE {
            keys.extend([p.title, p.why]);
        }
        keys.extend(CENSUS_COLUMN_KEYS);
        keys
    }

    #[test]
    fn every_kit_text_exists_in_both_languages() {
        for key in all_keys() {
            for lang in Lang::ALL {
                assert_ne!(text_in(lang, key), key, "{key} missing in {lang:?}");
            }
        }
    }

    #[test]
    fn stored_values_are_their_french_labels() {
        let mut pairs: Vec<(&str, &str)> = nr_types().collect();
        assert_eq!(pairs.len(), 21);
        for v in &NR_VOCABULARIES {
            assert_eq!(v.types.len(), v.keys.len());
        }
        for c in &CIRCLES {
            assert_eq!(c.formats.len(), c.format_keys.len());
            pairs.extend(c.formats.iter().copied().zip(c.format_keys.iter().copied()));
        }
        for ((_, list), keys) in KEY_ACTIONS.iter().zip(KEY_ACTION_KEYS) {
            assert_eq!(list.len(), keys.len());
            pairs.extend(list.iter().copied().zip(keys.iter().copied()));
        }
        pairs.extend(CENSUS_COLUMNS.into_iter().zip(CENSUS_COLUMN_KEYS));
        for (value, key) in pairs {
            assert_eq!(text_in(Lang::Fr, key), value, "{key}");
        }
    }

    #[test]
    fn stored_values_are_displayed_in_the_current_language() {
        set_lang(Lang::En);
        assert_eq!(nr_type_label("Achats"), "Purchasing");
        assert_eq!(nr_type_label("Jardinage"), "Jardinage");
        assert_eq!(known_nr_type("purchasing"), Some("Achats"));
        assert_eq!(
            format_label(CIRCLES[2].formats[0]),
            "Awareness campaigns across the whole area"
        );
        assert_eq!(format_label("Lettre interne"), "Lettre interne");
        assert_ne!(key_action_label(KEY_ACTIONS[0].1[0]), KEY_ACTIONS[0].1[0]);
        assert_eq!(census_column_labels()[1], "Actor name");
        set_lang(Lang::Fr);
        assert_eq!(nr_type_label("Achats"), "Achats");
        assert_eq!(key_action_label(KEY_ACTIONS[0].1[0]), KEY_ACTIONS[0].1[0]);
        assert_eq!(census_column_labels(), CENSUS_COLUMNS);
    }

    #[test]
    fn each_subtype_label_classifies_as_its_subtype_in_both_languages() {
        for lang in [Lang::Fr, Lang::En] {
            for s in SUBTYPES {
                let label = text_in(lang, s.label);
                let found = crate::actor::classify(label);
                assert_eq!(
                    (found.0, found.1.map(|f| f.code)),
                    (s.family, Some(s.code)),
                    "{label}"
                );
            }
        }
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
