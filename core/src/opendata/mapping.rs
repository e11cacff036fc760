//! The open datasets' vocabularies and where each value goes in the kit, as data.
//!
//! Every table names its source. Values are the datasets' own codes and labels (file formats,
//! stored as they are); what they map to is Atelier NR's reading of the kit (step 1 A, the
//! families and subtypes of [`crate::kit::SUBTYPES`]). A value missing from a table is never an
//! error: its actor goes to [`Family::Unsorted`] with no subtype, for the user to place.

use crate::Family;

/// NR action types (« types d'action Numérique Responsable ») that open data brings, as stored
/// in plans. The ADEME four name the second-life chain of digital equipment; « Inclusion
/// numérique » is the kit's own (La Rochelle's category, [`crate::kit::LA_ROCHELLE_CATEGORIES`]).
pub mod nr_type {
    /// « Réemploi »: giving, swapping, selling or buying second-hand, renting, lending.
    // i18n: not UI (stored value)
    pub const REUSE: &str = "Réemploi";
    /// « Réparation ».
    // i18n: not UI (stored value)
    pub const REPAIR: &str = "Réparation";
    /// « Reconditionnement »: repairing equipment and selling it again (see
    /// [`super::ademe_nr_types`]).
    // i18n: not UI (stored value)
    pub const REFURBISHMENT: &str = "Reconditionnement";
    /// « Collecte et recyclage »: drop-off and take-back points.
    // i18n: not UI (stored value)
    pub const COLLECTION: &str = "Collecte et recyclage";
    /// « Inclusion numérique », the kit's value.
    pub const INCLUSION: &str = crate::kit::LA_ROCHELLE_CATEGORIES[8];
}

/// Where one of a dataset's actor types goes in the kit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KitPlace {
    /// The kit's family (« famille »).
    pub family: Family,
    /// Code of a kit subtype ([`crate::kit::SUBTYPES`]), if the type tells it.
    pub subtype: Option<&'static str>,
}

impl KitPlace {
    /// « À classer », for values no table knows.
    pub const UNSORTED: KitPlace = KitPlace {
        family: Family::Unsorted,
        subtype: None,
    };

    /// Whether it is a public body (« acteur public & semi-public »). A public body's place (a
    /// library, a France services desk, a déchèterie) often carries the SIRET of its commune or
    /// network, so its SIRET never identifies it ([`super::Matcher`]).
    pub fn public_body(self) -> bool {
        self.family == Family::Public
    }
}

const fn place(family: Family, subtype: Option<&'static str>) -> KitPlace {
    KitPlace { family, subtype }
}

/// A dataset's actor type: its code, its label as the dataset writes it (stored as the
/// actor's « type d'acteur »), and where it goes in the kit.
pub struct ActorTypeInfo {
    /// The code as the file writes it (`ess`, `MUNI`).
    pub code: &'static str,
    /// The dataset's label for it.
    pub label: &'static str,
    /// Where it goes in the kit.
    pub place: KitPlace,
}

const fn actor_type(code: &'static str, label: &'static str, place: KitPlace) -> ActorTypeInfo {
    ActorTypeInfo { code, label, place }
}

use Family::{Association, Company, Public};

/// ADEME's `type_dacteur` codes and labels, and their place in the kit.
///
/// Source of codes and labels: ADEME, « Que faire de mes objets et déchets »,
/// `webapp/qfdmo/fixtures/acteur_types.json` and the open-data documentation
/// `docs/reference/opendata/exposure-opendata-acteur.md` (« Types d'acteur »), repository
/// github.com/incubateur-ademe/quefairedemesobjets (commit 85ea729, August 2026).
///
/// Second-life subtypes (`nr_companies`, `nr_associations`: the kit's « seconde vie :
/// réemploi, reconditionnement, recyclage ») are given here for actors that handle digital
/// equipment; [`second_life_or_other`] turns them into « autres » for the others.
/// `collectivite`, `decheterie` and `pav_public` are public bodies (issue 12); `ets_sante`
/// (hospitals, clinics) goes to the kit's « Hôpitaux »; `plateforme_inertes` (building rubble)
/// to the environment services companies; the occasional drop-off point (`pav_ponctuel`) can be
/// anyone's, so it stays « à classer ».
pub const ADEME_ACTOR_TYPES: &[ActorTypeInfo] = &[
    actor_type(
        "ess",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Association, entreprise de l'ESS",
        place(Association, Some("nr_associations")),
    ),
    actor_type(
        "collectivite",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "collectivité, établissement public",
        place(Public, None),
    ),
    actor_type(
        "artisan",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "artisan, commerce indépendant",
        place(Company, Some("nr_companies")),
    ),
    actor_type("commerce", "commerce", place(Company, Some("nr_companies"))),
    actor_type(
        "acteur_digital",
        "en ligne (web, mobile)",
        place(Company, Some("nr_companies")),
    ),
    actor_type(
        "decheterie",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "déchèterie",
        place(Public, None),
    ),
    actor_type(
        "ets_sante",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "établissement de santé",
        place(Public, Some("hospitals")),
    ),
    actor_type(
        "plateforme_inertes",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "plateforme de valorisation des inertes",
        place(Company, Some("environment_companies")),
    ),
    actor_type(
        "pav_public",
        "point d'apport volontaire public",
        place(Public, None),
    ),
    actor_type(
        "pav_prive",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "point d'apport volontaire privé",
        place(Company, None),
    ),
    actor_type(
        "pav_ponctuel",
        "point d'apport volontaire ponctuel",
        KitPlace::UNSORTED,
    ),
];

/// ADEME sub-categories of objects (`sous_categories`) that are digital equipment: what the
/// « digital only » filter looks for in an actor's actions.
///
/// Source: ADEME, « Que faire de mes objets et déchets », `webapp/qfdmo/fixtures/
/// categories.json` (category `image_son_et_informatique`), same repository as
/// [`ADEME_ACTOR_TYPES`]. Computers, phones, tablets, consoles and screens (issue 12); the
/// category's other sub-categories (`materiel_hifi_et_video`, `materiel_photo_et_cinema`,
/// `autre_equipement_electronique`) and ink cartridges (`cartouches`) are left out on purpose.
pub const DIGITAL_SUBCATEGORIES: &[&str] = &[
    "materiel_informatique",
    "smartphone_tablette_et_console",
    "ecran",
];

/// ADEME's actions (`action`, and the per-action columns of the export), by code, and the NR
/// action type each one is.
///
/// Source: ADEME, « Que faire de mes objets et déchets », `webapp/qfdmo/fixtures/actions.json`
/// and the open-data documentation (« Actions et sous-catégories »), same repository as
/// [`ADEME_ACTOR_TYPES`]. Reuse covers what keeps an object in use by someone else (ADEME's
/// « donner, échanger », « vendre, acheter de seconde main », « emprunter, prêter, louer »);
/// `trier` (drop-off point) and `rapporter` (take-back at a shop) are collection.
pub const ADEME_ACTIONS: &[(&str, &str)] = &[
    ("reparer", nr_type::REPAIR),
    ("donner", nr_type::REUSE),
    ("echanger", nr_type::REUSE),
    ("acheter", nr_type::REUSE),
    ("revendre", nr_type::REUSE),
    ("louer", nr_type::REUSE),
    ("mettreenlocation", nr_type::REUSE),
    ("emprunter", nr_type::REUSE),
    ("preter", nr_type::REUSE),
    ("trier", nr_type::COLLECTION),
    ("rapporter", nr_type::COLLECTION),
];

/// The ADEME actor type `code`, if known.
pub fn ademe_actor_type(code: &str) -> Option<&'static ActorTypeInfo> {
    ADEME_ACTOR_TYPES.iter().find(|t| t.code == code)
}

/// Whether an ADEME sub-category code is digital equipment ([`DIGITAL_SUBCATEGORIES`]).
pub fn is_digital_subcategory(code: &str) -> bool {
    DIGITAL_SUBCATEGORIES.contains(&code)
}

/// The NR action types of an ADEME actor, from its actions on digital equipment: `actions`
/// lists `(action code, sub-category codes)`. Only digital sub-categories count (the kit is
/// about digital equipment); unknown actions are ignored.
///
/// « Reconditionnement » is Atelier NR's reading of ADEME's data, which has no such action: an
/// actor that both repairs (`reparer`) and sells second-hand (`acheter`) the same kind of
/// digital equipment refurbishes it. Types come in the order Réemploi, Réparation,
/// Reconditionnement, Collecte et recyclage, each once.
pub fn ademe_nr_types<'a>(
    actions: impl IntoIterator<Item = (&'a str, &'a [String])>,
) -> Vec<String> {
    let mut found = [false; 4];
    let mut repaired: Vec<&str> = Vec::new();
    let mut sold: Vec<&str> = Vec::new();
    for (action, subcategories) in actions {
        let digital: Vec<&str> = subcategories
            .iter()
            .map(String::as_str)
            .filter(|s| is_digital_subcategory(s))
            .collect();
        if digital.is_empty() {
            continue;
        }
        let Some(&(_, kind)) = ADEME_ACTIONS.iter().find(|(code, _)| *code == action) else {
            continue;
        };
        let slot = ORDER.iter().position(|t| *t == kind).unwrap_or(0);
        found[slot] = true;
        match action {
            "reparer" => repaired.extend(&digital),
            "acheter" => sold.extend(&digital),
            _ => {}
        }
    }
    if repaired.iter().any(|s| sold.contains(s)) {
        found[2] = true;
    }
    ORDER
        .iter()
        .zip(found)
        .filter(|(_, on)| *on)
        .map(|(t, _)| (*t).to_owned())
        .collect()
}

const ORDER: [&str; 4] = [
    nr_type::REUSE,
    nr_type::REPAIR,
    nr_type::REFURBISHMENT,
    nr_type::COLLECTION,
];

/// The kit subtype for an actor of `place`: a second-life subtype only for an actor that
/// handles digital equipment; the family's « autres » subtype otherwise.
pub fn second_life_or_other(place: KitPlace, digital: bool) -> Option<&'static str> {
    match place.subtype {
        Some("nr_companies") if !digital => Some("other_companies"),
        Some("nr_associations") if !digital => Some("other_associations"),
        other => other,
    }
}

/// The typologies of places (`typologie`) the standard of digital-inclusion places takes from
/// data·inclusion's « typologies de structures », and their place in the kit.
///
/// Source of codes and labels: GIP de l'inclusion, data·inclusion schema v0,
/// `schemas/v0/extra/typologies-de-structures.json`, repository
/// github.com/gip-inclusion/data-inclusion-schema (commit ac5bbb3, March 2026), to which the
/// standard's field `typologie` points (LaMednum/standard-mediation-num, `schema.json`
/// v1.0.2: « restreintes au vocabulaire décrivant les types de structures »).
///
/// The kit's place is Atelier NR's reading: collectivités and their services are public (and
/// get the kit's commune, département or région subtype when the code says which), State
/// services and national agencies are « institutions », associations' networks are
/// associations, insertion companies are companies. Types run by collectivités as often as by
/// associations or companies (centres sociaux, tiers-lieux, fablabs, EPN, shelters…) stay « à
/// classer »: the user knows which.
pub const INCLUSION_TYPOLOGIES: &[ActorTypeInfo] = &[
    actor_type(
        "ACI",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Structures porteuses d’ateliers et chantiers d’insertion (ACI)",
        place(Association, Some("other_associations")),
    ),
    actor_type(
        "ACIPHC",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "SIAE — Atelier chantier d’insertion premières heures en chantier",
        place(Association, Some("other_associations")),
    ),
    actor_type(
        "AFPA",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Agence nationale pour la formation professionnelle des adultes (AFPA)",
        place(Public, Some("institutions")),
    ),
    actor_type(
        "AI",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Associations intermédiaires (AI)",
        place(Association, Some("other_associations")),
    ),
    actor_type(
        "ASE",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Aide sociale à l’enfance (ASE)",
        place(Public, Some("departement")),
    ),
    actor_type(
        "ASSO",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Associations",
        place(Association, Some("other_associations")),
    ),
    actor_type(
        "ASSO_CHOMEUR",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Associations de chômeurs",
        place(Association, Some("other_associations")),
    ),
    actor_type(
        "AVIP",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Crèche À Vocation d’Insertion Professionnelle (AVIP)",
        KitPlace::UNSORTED,
    ),
    actor_type(
        // i18n: not UI (the standard's code, and its label stored as the actor's type)
        "Autre",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Autre",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "BIB",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Bibliothèque / Médiathèque",
        place(Public, None),
    ),
    actor_type(
        "CAARUD",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "CAARUD - Centre d’accueil et d’accompagnement à la réduction de risques pour usagers de drogues",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "CADA",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Centres d’accueil de demandeurs d’asile (CADA)",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "CAF",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Caisses d’allocation familiale (CAF)",
        place(Public, Some("institutions")),
    ),
    actor_type(
        "CAP_EMPLOI",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Cap Emploi",
        place(Association, Some("other_associations")),
    ),
    actor_type(
        "CAVA",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Centres d’adaptation à la vie active (CAVA)",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "CC",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Communautés de Commune",
        place(Public, None),
    ),
    actor_type(
        "CCAS",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Centres communaux d’action sociale (CCAS)",
        place(Public, Some("commune")),
    ),
    actor_type(
        "CCONS",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Chambres consulaires (CCI, CMA, CA)",
        place(Public, Some("institutions")),
    ),
    actor_type(
        "CD",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Conseils Départementaux (CD)",
        place(Public, Some("departement")),
    ),
    actor_type(
        "CDAS",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Centre Départementale d’Action Sociale (CDAS)",
        place(Public, Some("departement")),
    ),
    actor_type(
        "CFP",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Centre des Finances Publiques (CFP)",
        place(Public, Some("institutions")),
    ),
    actor_type(
        "CHRS",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Centres d’hébergement et de réinsertion sociale (CHRS)",
        KitPlace::UNSORTED,
    ),
    // Emergency shelters, not university hospitals.
    actor_type(
        "CHU",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Centres d’hébergement d’urgence (CHU)",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "CIAS",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Centres intercommunaux d’action sociale (CIAS)",
        place(Public, None),
    ),
    actor_type(
        "CIDFF",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Centres d’information sur les droits des femmes et des familles (CIDFF)",
        place(Association, Some("other_associations")),
    ),
    actor_type(
        "CITMET",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Cité des métiers",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "CMP",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Centre Médico-Psychologique (CMP)",
        place(Public, Some("hospitals")),
    ),
    actor_type(
        "CMS",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Centre Médico-Social (CMS)",
        place(Public, None),
    ),
    actor_type(
        "CPAM",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Caisse Primaire d’Assurance Maladie (CPAM)",
        place(Public, Some("institutions")),
    ),
    actor_type(
        "CPH",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Centres provisoires d’hébergement (CPH)",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "CS",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Centre social",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "CSAPA",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "CSAPA - Centre de soins, d’accompagnement et de prévention en addictologie",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "CSC",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Centre Socio-Culturel (CSC)",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "DEETS",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Directions de l’Economie, de l’Emploi, du Travail et des Solidarités (DEETS)",
        place(Public, Some("institutions")),
    ),
    actor_type(
        "DEPT",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Services sociaux du Conseil départemental",
        place(Public, Some("departement")),
    ),
    actor_type(
        "DIPLP",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Délégation interministérielles à la prévention et à la lutte contre la pauvreté",
        place(Public, Some("institutions")),
    ),
    actor_type(
        "E2C",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "E2C - École de la 2e chance",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "EA",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Entreprise adaptée (EA)",
        place(Company, Some("other_companies")),
    ),
    actor_type(
        "EATT",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Entreprise Adaptée (EATT)",
        place(Company, Some("other_companies")),
    ),
    actor_type(
        "EI",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Entreprises d’insertion (EI)",
        place(Company, Some("other_companies")),
    ),
    actor_type(
        "EITI",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Entreprises d’insertion par le travail indépendant (EITI)",
        place(Company, Some("other_companies")),
    ),
    actor_type(
        "ENM",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Espace Numérique Mobile (ENM)",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "EPCI",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Intercommunalité (EPCI)",
        place(Public, None),
    ),
    actor_type(
        "EPI",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Espace Public Internet (EPI)",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "EPIDE",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "EPIDE - Établissement pour l’insertion dans l’emploi",
        place(Public, Some("institutions")),
    ),
    actor_type(
        "EPN",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Espace Public Numérique (EPN)",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "ES",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Épicerie Solidaire",
        place(Association, Some("other_associations")),
    ),
    actor_type(
        "ESS",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Entreprise de l’Économie Sociale et Solidaire",
        place(Company, Some("other_companies")),
    ),
    actor_type(
        "ETABL_PRI",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Établissement privé",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "ETABL_PUB",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Établissement public",
        place(Public, None),
    ),
    actor_type(
        "ETAT",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Service de l’État",
        place(Public, Some("institutions")),
    ),
    actor_type(
        "ETTI",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Entreprises de travail temporaire d’insertion (ETTI)",
        place(Company, Some("other_companies")),
    ),
    actor_type(
        "EVS",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Espace de Vie Sociale (EVS)",
        place(Association, Some("other_associations")),
    ),
    actor_type(
        "FABLAB",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Fablab / Atelier partagé",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "FAIS",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Fédérations d’acteurs de l’insertion et de la solidarité",
        place(Association, Some("other_associations")),
    ),
    actor_type(
        "FT",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "France Travail",
        place(Public, Some("institutions")),
    ),
    actor_type(
        "GEIQ",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Groupements d’employeurs pour l’insertion et la qualification (GEIQ)",
        place(Association, Some("other_associations")),
    ),
    actor_type(
        "HUDA",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "HUDA - Hébergement d’urgence pour demandeurs d’asile",
        KitPlace::UNSORTED,
    ),
    // Post offices (La Poste) and communes' postal agencies alike.
    actor_type(
        "LA_POSTE",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Bureau de poste / Agence postale",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "MDA",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Maison Départementale de l’Autonomie",
        place(Public, Some("departement")),
    ),
    actor_type(
        "MDE",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Maison de l’emploi",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "MDEF",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Maison de l’emploi et de la formation",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "MDPH",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Maison Départementale des Personnes Handicapées",
        place(Public, Some("departement")),
    ),
    actor_type(
        "MDS",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Maison Départementale des Solidarités",
        place(Public, Some("departement")),
    ),
    actor_type(
        "MJC",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Maison des jeunes et de la culture",
        place(Association, Some("other_associations")),
    ),
    actor_type(
        "ML",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Mission Locale",
        place(Association, Some("other_associations")),
    ),
    actor_type(
        "MQ",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Maison de quartier",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "MSA",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Mutualité Sociale Agricole",
        place(Public, Some("institutions")),
    ),
    actor_type(
        "MSAP",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Maison de Services Au Public (MSAP)",
        place(Public, None),
    ),
    actor_type(
        "MUNI",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Municipalités",
        place(Public, Some("commune")),
    ),
    actor_type(
        "OACAS",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Structures agréées Organisme d’accueil communautaire et d’activité solidaire (OACAS)",
        place(Association, Some("other_associations")),
    ),
    actor_type(
        "ODC",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Organisation délégataire d’un CD",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "OF",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Organisme de formations",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "OIL",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Opérateur d’intermédiation locative",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "OPCS",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Organisation porteuse de la clause sociale",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "PAD",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Point d’Accès au Droit",
        place(Public, None),
    ),
    actor_type(
        "PENSION",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Pension de famille / résidence accueil",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "PI",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Point Information (PI)",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "PIJ_BIJ",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Points et bureaux information jeunesse (PIJ/BIJ)",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "PIMMS",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Point Information Médiation Multi Services (PIMMS)",
        place(Association, Some("other_associations")),
    ),
    actor_type(
        "PJJ",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Protection judiciaire de la jeunesse (PJJ)",
        place(Public, Some("institutions")),
    ),
    actor_type(
        "PLIE",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Plans locaux pour l’insertion et l’emploi (PLIE)",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "PREF",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Préfecture, Sous-Préfecture",
        place(Public, Some("institutions")),
    ),
    actor_type(
        "PREVENTION",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Service ou club de prévention",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "REG",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Région",
        place(Public, Some("region")),
    ),
    actor_type(
        "RESSOURCERIE",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Ressourcerie",
        place(Association, Some("nr_associations")),
    ),
    actor_type(
        "RFS",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Réseau France Services",
        place(Public, None),
    ),
    actor_type(
        "RS_FJT",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Résidence sociale / FJT - Foyer de Jeunes Travailleurs",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "SCP",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Services et clubs de prévention",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "SPIP",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Services pénitentiaires d’insertion et de probation (SPIP)",
        place(Public, Some("institutions")),
    ),
    actor_type(
        "TIERS_LIEUX",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Tiers lieu & coworking",
        KitPlace::UNSORTED,
    ),
    actor_type(
        "UDAF",
        // i18n: not UI (the dataset's label, stored as the actor's type)
        "Union Départementale d’Aide aux Familles (UDAF)",
        place(Association, Some("other_associations")),
    ),
];

/// The inclusion typology `code`, if known (codes are upper case; `Autre` as written).
pub fn inclusion_typology(code: &str) -> Option<&'static ActorTypeInfo> {
    INCLUSION_TYPOLOGIES.iter().find(|t| t.code == code)
}

/// The services (« services ») a digital-inclusion place may offer, in the standard's versions
/// 1.0 (nine services) and 0.1 (fifteen, still found in exports), and the NR action types each
/// one adds to « Inclusion numérique », which every place has.
///
/// Source: LaMednum/standard-mediation-num, `schema.json` v1.0.2 (2024-04-11) and v0.1.1,
/// field `services`, github.com/LaMednum/standard-mediation-num; documented on
/// schema.data.gouv.fr/LaMednum/standard-mediation-num. Equipping people with computers « à
/// prix solidaire » is Atelier NR's one addition: such equipment is second-hand, so the place
/// is also « Réemploi ».
pub const INCLUSION_SERVICES: &[(&str, &[&str])] = &[
    // Version 1.0.
    (
        // i18n: not UI (the standard's value)
        "Aide aux démarches administratives",
        &[],
    ),
    (
        // i18n: not UI (the standard's value)
        "Maîtrise des outils numériques du quotidien",
        &[],
    ),
    (
        // i18n: not UI (the standard's value)
        "Insertion professionnelle via le numérique",
        &[],
    ),
    (
        // i18n: not UI (the standard's value)
        "Utilisation sécurisée du numérique",
        &[],
    ),
    (
        // i18n: not UI (the standard's value)
        "Parentalité et éducation avec le numérique",
        &[],
    ),
    (
        // i18n: not UI (the standard's value)
        "Loisirs et créations numériques",
        &[],
    ),
    (
        // i18n: not UI (the standard's value)
        "Compréhension du monde numérique",
        &[],
    ),
    (
        // i18n: not UI (the standard's value)
        "Accès internet et matériel informatique",
        &[],
    ),
    (
        // i18n: not UI (the standard's value)
        "Acquisition de matériel informatique à prix solidaire",
        &[nr_type::REUSE],
    ),
    // Version 0.1.
    (
        // i18n: not UI (the standard's value)
        "Devenir autonome dans les démarches administratives",
        &[],
    ),
    (
        // i18n: not UI (the standard's value)
        "Réaliser des démarches administratives avec un accompagnement",
        &[],
    ),
    (
        // i18n: not UI (the standard's value)
        "Prendre en main un smartphone ou une tablette",
        &[],
    ),
    (
        // i18n: not UI (the standard's value)
        "Prendre en main un ordinateur",
        &[],
    ),
    (
        // i18n: not UI (the standard's value)
        "Utiliser le numérique au quotidien",
        &[],
    ),
    (
        // i18n: not UI (the standard's value)
        "Approfondir ma culture numérique",
        &[],
    ),
    (
        // i18n: not UI (the standard's value)
        "Favoriser mon insertion professionnelle",
        &[],
    ),
    (
        // i18n: not UI (the standard's value)
        "Accéder à une connexion internet",
        &[],
    ),
    (
        // i18n: not UI (the standard's value)
        "Accéder à du matériel",
        &[],
    ),
    (
        // i18n: not UI (the standard's value)
        "S'équiper en matériel informatique",
        &[nr_type::REUSE],
    ),
    (
        // i18n: not UI (the standard's value)
        "Créer et développer mon entreprise",
        &[],
    ),
    (
        // i18n: not UI (the standard's value)
        "Créer avec le numérique",
        &[],
    ),
    (
        // i18n: not UI (the standard's value)
        "Accompagner les démarches de santé",
        &[],
    ),
    (
        // i18n: not UI (the standard's value)
        "Promouvoir la citoyenneté numérique",
        &[],
    ),
    (
        // i18n: not UI (the standard's value)
        "Soutenir la parentalité et l'éducation avec le numérique",
        &[],
    ),
];

/// The NR action types of an inclusion place offering `services` (the standard's labels,
/// compared whatever their case, accents or apostrophe): « Inclusion numérique » first, then
/// what [`INCLUSION_SERVICES`] adds, each once. Unknown services add nothing.
pub fn inclusion_nr_types<'a>(services: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut types = vec![nr_type::INCLUSION.to_owned()];
    for service in services {
        let folded = crate::text::fold(service);
        let known = INCLUSION_SERVICES
            .iter()
            .find(|(label, _)| crate::text::fold(label) == folded);
        for extra in known.map_or(&[][..], |(_, extra)| extra) {
            if !types.iter().any(|t| t == extra) {
                types.push((*extra).to_owned());
            }
        }
    }
    types
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_subtype_in_the_tables_is_a_kit_subtype_of_its_family() {
        let kit_family = |code: &str| {
            crate::kit::SUBTYPES
                .iter()
                .find(|s| s.code == code)
                .map(|s| s.family)
        };
        for t in ADEME_ACTOR_TYPES.iter().chain(INCLUSION_TYPOLOGIES) {
            for digital in [true, false] {
                if let Some(code) = second_life_or_other(t.place, digital) {
                    assert_eq!(
                        kit_family(code),
                        Some(t.place.family),
                        "{} → {code}",
                        t.code
                    );
                }
            }
        }
    }

    #[test]
    fn the_tables_hold_each_source_value_once() {
        let ademe: std::collections::BTreeSet<_> =
            ADEME_ACTOR_TYPES.iter().map(|t| t.code).collect();
        assert_eq!(ademe.len(), 11, "the 11 types of acteur_types.json");
        let inclusion: std::collections::BTreeSet<_> =
            INCLUSION_TYPOLOGIES.iter().map(|t| t.code).collect();
        assert_eq!(
            inclusion.len(),
            92,
            "the 92 typologies of data·inclusion's v0 list"
        );
        let services: std::collections::BTreeSet<_> = INCLUSION_SERVICES
            .iter()
            .map(|(s, _)| crate::text::fold(s))
            .collect();
        assert_eq!(services.len(), 9 + 15);
    }

    fn codes(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn refurbishing_is_repairing_and_selling_the_same_digital_equipment() {
        let computers = codes(&["materiel_informatique", "velo"]);
        let phones = codes(&["smartphone_tablette_et_console"]);
        let bikes = codes(&["velo", "vetement"]);
        let types = |actions: &[(&str, &Vec<String>)]| {
            ademe_nr_types(actions.iter().map(|(a, s)| (*a, s.as_slice())))
        };
        assert_eq!(
            types(&[("reparer", &computers), ("acheter", &computers)]),
            ["Réemploi", "Réparation", "Reconditionnement"]
        );
        assert_eq!(
            types(&[("reparer", &computers), ("acheter", &phones)]),
            ["Réemploi", "Réparation"]
        );
        assert_eq!(
            types(&[("reparer", &bikes), ("acheter", &bikes), ("trier", &phones)]),
            ["Collecte et recyclage"]
        );
        assert_eq!(
            types(&[("rapporter", &phones), ("louer", &phones)]),
            ["Réemploi", "Collecte et recyclage"]
        );
        assert!(types(&[("inconnue", &phones), ("reparer", &bikes)]).is_empty());
    }

    #[test]
    fn second_life_is_for_digital_equipment_only() {
        let ess = ademe_actor_type("ess").map(|t| t.place).unwrap();
        assert_eq!(second_life_or_other(ess, true), Some("nr_associations"));
        assert_eq!(second_life_or_other(ess, false), Some("other_associations"));
        let shop = ademe_actor_type("commerce").map(|t| t.place).unwrap();
        assert_eq!(second_life_or_other(shop, false), Some("other_companies"));
        let centre = ademe_actor_type("decheterie").map(|t| t.place).unwrap();
        assert!(centre.public_body());
        assert_eq!(second_life_or_other(centre, true), None);
        assert!(ademe_actor_type("nouveau").is_none());
    }

    #[test]
    fn every_place_is_inclusion_and_solidarity_equipment_is_reuse() {
        assert_eq!(inclusion_nr_types([]), ["Inclusion numérique"]);
        assert_eq!(
            inclusion_nr_types(["Aide aux démarches administratives", "service inconnu"]),
            ["Inclusion numérique"]
        );
        assert_eq!(
            inclusion_nr_types([
                "S’équiper en matériel informatique",
                "ACQUISITION DE MATERIEL INFORMATIQUE A PRIX SOLIDAIRE"
            ]),
            ["Inclusion numérique", "Réemploi"]
        );
    }
}
