//! Actors of the territory (« acteurs ») and how engaged they are.
//!
//! Source: the kit, step 1 « Qui mobiliser ? », and its census table (« tableau de
//! recensement ») whose six columns the [`Actor`] fields follow.

use crate::i18n::{t, tf};
use crate::{kit, text::fold, Id};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One actor of the territory (« acteur »), as recorded in the census.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: Id,
    /// Family of actors (« famille »), derived from `actor_type` or chosen by the user.
    pub family: Family,
    /// « Type d'acteur » as the user wrote it, e.g. « Université » or « PME ».
    pub actor_type: String,
    /// « Nom de l'acteur ». Never empty.
    pub name: String,
    /// « Type d'action Numérique Responsable »: zero or more labels, e.g. « Achats ».
    pub nr_action_types: Vec<String>,
    /// « Description des actions NR identifiées »: free text.
    pub description: String,
    /// « Niveau d'engagement estimé ».
    pub engagement: EngagementLevel,
    /// The referent's name or role (personal data: kept out of anonymised exports).
    pub referent: String,
    /// The referent's email or phone (personal data).
    pub contact: String,
    /// Subtype within the family (« sous-type »), from the kit or added by the user.
    pub subtype: Option<Subtype>,
    /// Whether the actor is based on the territory; `None` while unknown. Used by the
    /// « local only » decisions of step 1 (« À arbitrer »).
    pub local: Option<bool>,
    /// Part of the collectivité's services, or one of its partners or funders: circle 1.
    pub partner_funder: bool,
    /// How its actions were found (« identification », kit step 1 B).
    pub found_by: Option<FoundBy>,
    /// When they were found.
    pub found_on: Option<NaiveDate>,
    /// Relevance for the strategy (« pertinence », kit step 1 C).
    pub relevance: Option<Relevance>,
    /// Circle chosen by the user; `None` follows the suggestion of [`Actor::suggested_circle`].
    pub circle: Option<Circle>,
    /// The open dataset this actor was imported from, if any (schema 5).
    pub source: Option<crate::opendata::SourceRef>,
    /// When and how each field was last set (schema 5; see [`crate::provenance`]).
    pub origins: crate::provenance::Origins,
    /// When and where each field was last changed (schema 7; see [`crate::merge`]).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub edits: crate::merge::Edits,
}

impl Actor {
    /// A new actor with only a name; every other field is empty.
    pub fn new(id: Id, name: impl Into<String>) -> Self {
        Actor {
            edits: Default::default(),
            id,
            family: Family::Unsorted,
            actor_type: String::new(),
            name: name.into(),
            nr_action_types: Vec::new(),
            description: String::new(),
            engagement: EngagementLevel::NotIdentified,
            referent: String::new(),
            contact: String::new(),
            subtype: None,
            local: None,
            partner_funder: false,
            found_by: None,
            found_on: None,
            relevance: None,
            circle: None,
            source: None,
            origins: Default::default(),
        }
    }

    /// Sets the free-text type and, from it, the family and kit subtype (see [`classify`]).
    ///
    /// A subtype the user chose by hand (a custom one) stays while the family stays the same.
    pub fn set_actor_type(&mut self, actor_type: impl Into<String>) {
        self.actor_type = actor_type.into();
        let (family, subtype) = classify(&self.actor_type);
        let keep = matches!(self.subtype, Some(Subtype::Custom(_))) && family == self.family;
        self.family = family;
        if !keep {
            self.subtype = subtype.map(|s| Subtype::Kit(s.code.to_owned()));
        }
    }

    /// Changes the family; a kit subtype of another family is dropped.
    pub fn set_family(&mut self, family: Family) {
        self.family = family;
        if let Some(Subtype::Kit(code)) = &self.subtype {
            if kit::SUBTYPES
                .iter()
                .any(|s| s.code == code && s.family != family)
            {
                self.subtype = None;
            }
        }
    }

    /// The circle the rule table [`kit::CIRCLE_RULES`] suggests for this actor.
    pub fn suggested_circle(&self) -> Circle {
        kit::CIRCLE_RULES
            .iter()
            .find(|(condition, _)| condition.holds(self))
            .map_or(Circle::Three, |&(_, circle)| circle)
    }

    /// Why [`Actor::suggested_circle`] suggests its circle: the rule that applies, in words.
    pub fn circle_reason(&self) -> &'static str {
        kit::CIRCLE_RULES
            .iter()
            .find(|(condition, _)| condition.holds(self))
            .map_or(kit::CircleCondition::Always.reason(), |(c, _)| c.reason())
    }

    /// The actor's circle: the user's choice if any, else the suggestion.
    pub fn circle(&self) -> Circle {
        self.circle.unwrap_or_else(|| self.suggested_circle())
    }
}

/// A subtype: one of the kit's (by code, see [`kit::SUBTYPES`]) or one the user added.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subtype {
    /// JSON `{"kit": "universities"}`.
    Kit(String),
    /// JSON `{"custom": "Fablabs"}`.
    Custom(String),
}

impl Subtype {
    /// French label: the kit's label for a kit code (the code itself if unknown), or the
    /// user's own label.
    pub fn label(&self) -> &str {
        match self {
            Subtype::Kit(code) => kit::SUBTYPES
                .iter()
                .find(|s| s.code == code)
                .map_or(code.as_str(), |s| s.label()),
            Subtype::Custom(label) => label,
        }
    }
}

/// How an actor's NR actions were found (kit, step 1 B).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FoundBy {
    /// « Recherche » on the web, in annual reports, in the press.
    Research,
    /// « Recensement »: a questionnaire sent out.
    Census,
    /// « Contact direct » by email or phone.
    DirectContact,
    /// « Recherche (données ouvertes) »: imported from an open dataset (schema 5).
    OpenData,
}

impl FoundBy {
    pub const ALL: [FoundBy; 4] = [
        FoundBy::Research,
        FoundBy::Census,
        FoundBy::DirectContact,
        FoundBy::OpenData,
    ];

    /// French label (kit, step 1 B).
    pub fn label(self) -> &'static str {
        t(kit::IDENTIFICATION_METHODS[self as usize])
    }

    /// Stable code, as serialised.
    pub fn code(self) -> &'static str {
        match self {
            FoundBy::Research => "research",
            FoundBy::Census => "census",
            FoundBy::DirectContact => "direct_contact",
            FoundBy::OpenData => "open_data",
        }
    }

    /// Inverse of [`FoundBy::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// Relevance of an actor for the strategy (« pertinence »).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relevance {
    Low,
    Medium,
    High,
}

impl Relevance {
    pub const ALL: [Relevance; 3] = [Relevance::Low, Relevance::Medium, Relevance::High];

    /// French label.
    pub fn label(self) -> &'static str {
        match self {
            Relevance::Low => t("domain.relevance.low"),
            Relevance::Medium => t("domain.relevance.medium"),
            Relevance::High => t("domain.relevance.high"),
        }
    }

    /// Stable code, as serialised.
    pub fn code(self) -> &'static str {
        match self {
            Relevance::Low => "low",
            Relevance::Medium => "medium",
            Relevance::High => "high",
        }
    }

    /// Inverse of [`Relevance::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// One of the kit's three circles of actors to mobilise (« cercle », kit step 2), serialised
/// as the number 1, 2 or 3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Circle {
    /// The collectivité's administration, partners and funders.
    One = 1,
    /// Driving, committed structures of the territory.
    Two = 2,
    /// All actors of the territory.
    Three = 3,
}

impl Circle {
    pub const ALL: [Circle; 3] = [Circle::One, Circle::Two, Circle::Three];

    /// 1, 2 or 3.
    pub fn number(self) -> u8 {
        self as u8
    }
}

impl TryFrom<u8> for Circle {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, String> {
        match n {
            1 => Ok(Circle::One),
            2 => Ok(Circle::Two),
            3 => Ok(Circle::Three),
            _ => Err(tf("domain.error.unknown_circle", &[("n", &n)])),
        }
    }
}

impl From<Circle> for u8 {
    fn from(c: Circle) -> u8 {
        c.number()
    }
}

/// The kit's four families of actors (« typologies d'acteurs »), plus « à classer » for a type
/// the app could not place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// « Entreprises ».
    Company,
    /// « Acteurs publics & semi-publics », other collectivités included.
    Public,
    /// « Organismes associatifs ».
    Association,
    /// « Citoyens ».
    Citizen,
    /// « À classer »: the type matched no known alias.
    Unsorted,
}

impl Family {
    /// Every family, in the kit's order, « à classer » last.
    pub const ALL: [Family; 5] = [
        Family::Company,
        Family::Public,
        Family::Association,
        Family::Citizen,
        Family::Unsorted,
    ];

    /// French label.
    pub fn label(self) -> &'static str {
        match self {
            Family::Company => t("domain.family.company"),
            Family::Public => t("domain.family.public"),
            Family::Association => t("domain.family.association"),
            Family::Citizen => t("domain.family.citizen"),
            Family::Unsorted => t("domain.family.unsorted"),
        }
    }

    /// Stable code (`company`, `public`, …), as serialised.
    pub fn code(self) -> &'static str {
        match self {
            Family::Company => "company",
            Family::Public => "public",
            Family::Association => "association",
            Family::Citizen => "citizen",
            Family::Unsorted => "unsorted",
        }
    }

    /// Inverse of [`Family::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }

    /// Guesses the family from a free-text « Type d'acteur »; see [`classify`].
    pub fn from_actor_type(actor_type: &str) -> Family {
        classify(actor_type).0
    }
}

/// Places a free-text « Type d'acteur » in a family and, when it can, a kit subtype, using the
/// alias tables [`kit::SUBTYPES`] then [`kit::FAMILY_ALIASES`]: an alias matches when all its
/// words appear in the folded type. Returns [`Family::Unsorted`] and no subtype when nothing
/// matches.
pub fn classify(actor_type: &str) -> (Family, Option<&'static kit::SubtypeInfo>) {
    let folded = fold(actor_type);
    let words: Vec<&str> = folded.split(' ').collect();
    let matches = |alias: &str| {
        alias
            .split(' ')
            .all(|w| words.iter().any(|x| stem_eq(x, w)))
    };
    if let Some(sub) = kit::SUBTYPES
        .iter()
        .find(|s| s.aliases.iter().any(|a| matches(a)))
    {
        return (sub.family, Some(sub));
    }
    let family = kit::FAMILY_ALIASES
        .iter()
        .find(|(alias, _)| matches(alias))
        .map_or(Family::Unsorted, |&(_, family)| family);
    (family, None)
}

/// Word equality that forgives a plural « s » or « x » (« hôpitaux » stays an exception listed
/// in the alias table).
fn stem_eq(word: &str, alias: &str) -> bool {
    word == alias
        || word
            .strip_suffix('s')
            .or_else(|| word.strip_suffix('x'))
            .is_some_and(|w| w == alias)
}

/// Estimated engagement level (« niveau d'engagement estimé »), an ordinal scale.
///
/// The kit asks for this level without fixing a scale; these four steps are Atelier NR's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EngagementLevel {
    /// « Non identifié »: nothing known yet.
    NotIdentified,
    /// « Sensibilisé »: aware, first steps.
    Aware,
    /// « Engagé »: acting on NR.
    Committed,
    /// « Moteur »: driving others.
    Driving,
}

impl EngagementLevel {
    /// The four levels, lowest first.
    pub const ALL: [EngagementLevel; 4] = [
        EngagementLevel::NotIdentified,
        EngagementLevel::Aware,
        EngagementLevel::Committed,
        EngagementLevel::Driving,
    ];

    /// French label.
    pub fn label(self) -> &'static str {
        match self {
            EngagementLevel::NotIdentified => t("domain.engagement.not_identified"),
            EngagementLevel::Aware => t("domain.engagement.aware"),
            EngagementLevel::Committed => t("domain.engagement.committed"),
            EngagementLevel::Driving => t("domain.engagement.driving"),
        }
    }

    /// Stable code, as serialised.
    pub fn code(self) -> &'static str {
        match self {
            EngagementLevel::NotIdentified => "not_identified",
            EngagementLevel::Aware => "aware",
            EngagementLevel::Committed => "committed",
            EngagementLevel::Driving => "driving",
        }
    }

    /// Inverse of [`EngagementLevel::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Reads what people write in a spreadsheet: case, accents, gender and number are ignored
    /// (« engagée », « ENGAGES », « Motrice »). An empty cell means « Non identifié ».
    /// Returns `None` for anything else.
    pub fn parse_loose(text: &str) -> Option<Self> {
        let folded = fold(text);
        let stem = folded
            .trim_end_matches('s')
            .trim_end_matches('e')
            .trim_end_matches('e');
        match stem {
            "" | "non identifi" | "inconnu" | "non renseign" => {
                Some(EngagementLevel::NotIdentified)
            }
            "sensibilis" => Some(EngagementLevel::Aware),
            "engag" => Some(EngagementLevel::Committed),
            "moteur" | "motric" => Some(EngagementLevel::Driving),
            // The English labels, as a census exported in English writes them.
            "not identified" | "unknown" => Some(EngagementLevel::NotIdentified),
            "awar" => Some(EngagementLevel::Aware),
            "committed" => Some(EngagementLevel::Committed),
            "driving" => Some(EngagementLevel::Driving),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_from_the_fixture_types() {
        use Family::*;
        let cases = [
            ("Collectivité territoriale - Région", Public),
            ("Association dans le NR (seconde vie)", Association),
            ("Institution publique / nationale", Public),
            ("Université", Public),
            ("Hôpital", Public),
            ("Hôpitaux", Public),
            ("Entreprise du numérique", Company),
            ("PME", Company),
            ("Grande entreprise", Company),
            ("Autre association", Association),
            ("Élu", Public),
            ("Élus", Public),
            ("Citoyens", Citizen),
            ("Boulangerie", Unsorted),
            ("", Unsorted),
        ];
        for (text, family) in cases {
            assert_eq!(Family::from_actor_type(text), family, "{text}");
        }
    }

    #[test]
    fn engagement_spellings() {
        use EngagementLevel::*;
        for (text, level) in [
            ("Moteur", Driving),
            ("motrice", Driving),
            ("engagée", Committed),
            ("ENGAGE", Committed),
            ("Engagés", Committed),
            ("Sensibilisée", Aware),
            ("Non identifié", NotIdentified),
            ("", NotIdentified),
        ] {
            assert_eq!(EngagementLevel::parse_loose(text), Some(level), "{text}");
        }
        assert_eq!(EngagementLevel::parse_loose("très fort"), None);
        crate::i18n::set_lang(crate::i18n::Lang::En);
        for level in EngagementLevel::ALL {
            let english = level.label();
            assert_eq!(
                EngagementLevel::parse_loose(english),
                Some(level),
                "{english}"
            );
        }
        crate::i18n::set_lang(crate::i18n::Lang::Fr);
    }

    #[test]
    fn codes_round_trip() {
        for l in EngagementLevel::ALL {
            assert_eq!(EngagementLevel::from_code(l.code()), Some(l));
        }
        for f in Family::ALL {
            assert_eq!(Family::from_code(f.code()), Some(f));
        }
    }
}

#[cfg(test)]
mod subtype_tests {
    use super::*;

    #[test]
    fn the_fixture_types_get_their_kit_subtype() {
        let cases = [
            ("Collectivité territoriale - Région", "region"),
            ("Collectivité territoriale - Commune", "commune"),
            ("Collectivité territoriale - Département", "departement"),
            ("Association dans le NR (seconde vie)", "nr_associations"),
            ("Entreprise dans le NR (seconde vie)", "nr_companies"),
            ("Entreprise du numérique", "digital_companies"),
            (
                "Entreprise des services de l'environnement",
                "environment_companies",
            ),
            ("Institution publique / nationale", "institutions"),
            ("Universités", "universities"),
            ("Hôpital", "hospitals"),
            ("PME", "companies"),
            ("Grande entreprise", "companies"),
            ("Autre association", "other_associations"),
            ("Élu", "elected"),
            ("Citoyens", "inhabitants"),
        ];
        for (text, code) in cases {
            assert_eq!(classify(text).1.map(|s| s.code), Some(code), "{text}");
        }
        assert_eq!(classify("Association").0, Family::Association);
        assert!(classify("Association").1.is_none());
        assert_eq!(classify("Métropole").0, Family::Public);
        assert!(classify("Boulangerie").1.is_none());
    }

    #[test]
    fn english_types_get_their_family_and_subtype() {
        use Family::*;
        let cases = [
            ("University", Public, Some("universities")),
            ("Business school", Public, Some("universities")),
            ("SME", Company, Some("companies")),
            ("SMEs", Company, Some("companies")),
            ("Large company", Company, Some("companies")),
            ("Start-up", Company, Some("companies")),
            ("IT services company", Company, Some("digital_companies")),
            ("Digital companies", Company, Some("digital_companies")),
            (
                "Waste management company",
                Company,
                Some("environment_companies"),
            ),
            ("NR company (second life)", Company, Some("nr_companies")),
            ("Refurbisher", Company, Some("nr_companies")),
            ("Other company", Company, Some("other_companies")),
            ("Acme Ltd", Company, None),
            ("Social enterprise", Company, None),
            ("Charity", Association, None),
            ("Non-profit", Association, None),
            ("Nonprofit", Association, None),
            ("NGO", Association, None),
            ("Digital inclusion hub", Association, None),
            ("Repair café", Association, Some("nr_associations")),
            ("Reuse centre", Association, Some("nr_associations")),
            ("Other charities", Association, Some("other_associations")),
            ("Town hall", Public, Some("commune")),
            ("Municipality", Public, Some("commune")),
            ("Parish council", Public, Some("commune")),
            ("County council", Public, Some("departement")),
            ("Local authority - Department", Public, Some("departement")),
            ("Regional council", Public, Some("region")),
            ("Councillor", Public, Some("elected")),
            ("Elected officials", Public, Some("elected")),
            ("NHS trust", Public, Some("hospitals")),
            (
                "Economic development agency",
                Public,
                Some("economic_development"),
            ),
            ("Advisory committee", Public, Some("economic_councils")),
            ("Public body", Public, Some("institutions")),
            ("Government agency", Public, Some("institutions")),
            ("Local authority", Public, None),
            ("Council", Public, None),
            ("Library", Public, None),
            ("School", Public, None),
            ("Social housing", Public, None),
            ("Resident", Citizen, Some("inhabitants")),
            ("Citizen group", Citizen, Some("inhabitants")),
            ("Members of the public", Citizen, Some("inhabitants")),
            ("Bakery", Unsorted, None),
            ("Marketing agency", Unsorted, None),
            ("College", Unsorted, None),
        ];
        for (text, family, code) in cases {
            let (found, sub) = classify(text);
            assert_eq!((found, sub.map(|s| s.code)), (family, code), "{text}");
        }
    }

    #[test]
    fn the_english_aliases_leave_french_types_alone() {
        use Family::*;
        // Types that matched before the English aliases keep their family and subtype…
        let cases = [
            ("Conseiller municipal", Public, Some("elected")),
            (
                "Collectivité territoriale - Département",
                Public,
                Some("departement"),
            ),
            ("Département informatique", Public, Some("departement")),
            (
                "Centre hospitalier universitaire",
                Public,
                Some("hospitals"),
            ),
            ("Agence de communication", Public, Some("institutions")),
            ("Direction du numérique", Public, None),
            ("Association d'habitants", Citizen, Some("inhabitants")),
            ("Club d'entreprises", Company, None),
            ("Société publique locale", Company, None),
            // …French words that are English too (« public », « club », « collège »,
            // « coopérative », « artisan ») are no aliases on their own…
            ("Public", Unsorted, None),
            ("Club sportif", Unsorted, None),
            ("Collège", Unsorted, None),
            ("Coopérative", Unsorted, None),
            ("Artisan", Unsorted, None),
            // …and the few they now place are placed where a French reader would expect.
            ("Conseil municipal", Public, Some("commune")),
            ("Service public", Public, None),
            ("Résidents", Citizen, Some("inhabitants")),
        ];
        for (text, family, code) in cases {
            let (found, sub) = classify(text);
            assert_eq!((found, sub.map(|s| s.code)), (family, code), "{text}");
        }
    }

    #[test]
    fn the_example_types_classify_alike_in_both_languages() {
        use crate::i18n::{text_in, Lang};
        for role in [
            "dsi",
            "ademe",
            "commune",
            "univ",
            "refurbisher",
            "esn",
            "weee",
            "reuse",
            "repair",
            "mediation",
            "council",
            "residents",
        ] {
            let key = format!("example.actors.{role}.type");
            let (fr, en) = (text_in(Lang::Fr, &key), text_in(Lang::En, &key));
            assert_ne!(en, key, "{key} exists");
            let code = |(f, s): (Family, Option<&kit::SubtypeInfo>)| (f, s.map(|s| s.code));
            assert_eq!(code(classify(en)), code(classify(fr)), "{en} / {fr}");
        }
    }
}

#[cfg(test)]
mod circle_tests {
    use super::*;
    use crate::ids::{CounterIds, IdGen};

    #[test]
    fn circles_follow_the_rule_table_unless_overridden() {
        let mut a = Actor::new(CounterIds::default().new_id(), "X");
        assert_eq!(a.suggested_circle(), Circle::Three);
        a.engagement = EngagementLevel::Committed;
        assert_eq!(a.suggested_circle(), Circle::Two);
        a.engagement = EngagementLevel::Driving;
        assert_eq!(a.suggested_circle(), Circle::Two);
        a.partner_funder = true;
        a.engagement = EngagementLevel::NotIdentified;
        assert_eq!(a.suggested_circle(), Circle::One);
        a.circle = Some(Circle::Three);
        assert_eq!(a.circle(), Circle::Three);
    }

    #[test]
    fn circles_are_numbers_in_json_and_others_are_refused() {
        assert_eq!(serde_json::to_string(&Circle::Two).unwrap(), "2");
        assert_eq!(serde_json::from_str::<Circle>("3").unwrap(), Circle::Three);
        let err = serde_json::from_str::<Circle>("4").unwrap_err().to_string();
        assert!(err.contains("cercle 4 inconnu"), "{err}");
    }

    #[test]
    fn setting_the_type_sets_family_and_subtype() {
        let mut a = Actor::new(CounterIds::default().new_id(), "CHU");
        a.set_actor_type("Hôpital");
        assert_eq!(a.family, Family::Public);
        assert_eq!(a.subtype, Some(Subtype::Kit("hospitals".into())));
        assert_eq!(a.subtype.as_ref().unwrap().label(), "Hôpitaux");
        a.subtype = Some(Subtype::Custom("CHU de proximité".into()));
        a.set_actor_type("Hôpitaux publics");
        assert_eq!(a.subtype, Some(Subtype::Custom("CHU de proximité".into())));
        a.set_actor_type("PME");
        assert_eq!(a.subtype, Some(Subtype::Kit("companies".into())));
        a.set_family(Family::Association);
        assert_eq!(
            a.subtype, None,
            "a company subtype does not fit an association"
        );
    }
}
