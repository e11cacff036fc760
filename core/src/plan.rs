//! The plan: one collectivité's NR strategy being built, and the legal thresholds that apply
//! to its territory.

use crate::i18n::t;
use crate::{governance::Governance, Family, Id};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A plan (« plan » / stratégie territoriale NR) as stored and exported.
///
/// Actors and action sheets are separate records keyed by the plan's id, so that editing one
/// of them never rewrites the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub id: Id,
    /// Name the user gives the plan, e.g. « Stratégie NR 2026 ».
    pub name: String,
    pub territory: Territory,
    /// Answers to the kit's « À arbitrer » questions, one per family at most.
    pub decisions: Vec<Decision>,
    /// The user's names for the four engagement levels, lowest first; empty for the defaults.
    pub engagement_labels: Vec<String>,
    /// Subtypes the user added to the kit's (« sous-types personnalisés »).
    pub custom_subtypes: Vec<CustomSubtype>,
    /// Mobilisation formats the user added to the kit's (step 2).
    pub custom_formats: Vec<CustomFormat>,
    /// Steering body and review cadence (kit conclusion).
    pub governance: Governance,
    /// True for the demonstration plan built from the kit's examples: the app labels it
    /// « exemple » everywhere so that nobody mistakes it for a real strategy.
    pub example: bool,
    /// When and where each field was last changed (schema 7; see [`crate::merge`]).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub edits: crate::merge::Edits,
    /// The plan this one was copied from in the same browser, and the key its ids were
    /// masked with (see [`crate::merge::identity`]); `None` for an original.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copied_from: Option<crate::merge::CopyOf>,
}

/// What « Mes plans » shows of a stored plan, read from the plan record without the rest of
/// it: the list is on the first screen, which must stay light (the whole [`Plan`] is read
/// when the plan is opened; the storage adapter reads summaries of any version).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanSummary {
    pub id: Id,
    pub name: String,
    /// The territory's name; empty when not given yet.
    pub territory_name: String,
    /// The demonstration plan (see [`Plan::example`]).
    pub example: bool,
    /// The budget debate the yearly review is due before, if noted (schema 6).
    pub budget_debate_on: Option<chrono::NaiveDate>,
}

impl PlanSummary {
    /// The summary of a plan at hand.
    pub fn of(plan: &Plan) -> Self {
        PlanSummary {
            id: plan.id,
            name: plan.name.clone(),
            territory_name: plan.territory.name.clone(),
            example: plan.example,
            budget_debate_on: plan.governance.budget_debate_on,
        }
    }
}

/// A mobilisation format the user added for a circle (step 2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomFormat {
    pub circle: crate::Circle,
    pub label: String,
}

/// The answer to the kit's scoping question (« À arbitrer ») for one family of actors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub family: Family,
    /// `Some(true)` keeps only local actors of this family (residents, for citizens);
    /// `Some(false)` includes the others; `None` is undecided.
    pub local_only: Option<bool>,
    /// The answer in the user's words (scale, alignment with other public actors…).
    pub note: String,
    /// When it was decided.
    pub decided_on: Option<NaiveDate>,
}

/// A subtype the user added to a family.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomSubtype {
    pub family: Family,
    pub label: String,
}

impl Plan {
    /// A new, empty plan for an unnamed territory.
    pub fn new(id: Id, name: impl Into<String>) -> Self {
        Plan {
            edits: Default::default(),
            copied_from: None,
            id,
            name: name.into(),
            territory: Territory::default(),
            decisions: Vec::new(),
            engagement_labels: Vec::new(),
            custom_subtypes: Vec::new(),
            custom_formats: Vec::new(),
            governance: Governance::default(),
            example: false,
        }
    }

    /// The label of an engagement level in this plan: the user's name if set, else the default.
    pub fn engagement_label(&self, level: crate::EngagementLevel) -> &str {
        self.engagement_labels
            .get(level as usize)
            .map(String::as_str)
            .filter(|l| !l.trim().is_empty())
            .unwrap_or(level.label())
    }

    /// The decision taken for `family`, if any.
    pub fn decision(&self, family: Family) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.family == family)
    }

    /// Whether an actor is kept by the « local only » decisions: an actor known to be non-local
    /// (`local == Some(false)`) of a family decided « local only » is left out.
    pub fn keeps(&self, actor: &crate::Actor) -> bool {
        let local_only = self
            .decision(actor.family)
            .and_then(|d| d.local_only)
            .unwrap_or(false);
        !(local_only && actor.local == Some(false))
    }
}

/// The territory (« territoire ») the strategy covers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Territory {
    /// Name of the collectivité or territory, e.g. « Rennes Métropole ».
    pub name: String,
    pub kind: TerritoryKind,
    /// Number of inhabitants (legal population), if known.
    pub population: Option<u32>,
    /// Official code, when picked from Etalab's data: INSEE code of a commune (5 characters),
    /// SIREN of an EPCI (9 digits). Schema 5.
    pub code: Option<String>,
    /// Where the population comes from, when picked from official data. Schema 5.
    pub official: Option<OfficialPopulation>,
    /// INSEE codes of an EPCI's member communes (from official data, or typed). Schema 5.
    pub members: Vec<String>,
}

/// The official population of a territory picked from Etalab's data: which one and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficialPopulation {
    /// « Population municipale » (communes, EPCI members summed) or « totale ».
    pub measure: PopulationMeasure,
    /// The year of the data (the census the population comes from is older).
    pub year: u16,
    /// The dataset, e.g. « Etalab, découpage administratif 6.0.0 (INSEE) ».
    pub source: String,
}

/// Which legal population a figure is (INSEE: « municipale » counts residents; « totale »
/// adds people counted elsewhere, e.g. students).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PopulationMeasure {
    Municipale,
    Totale,
}

/// Kind of collectivité (« type de collectivité »).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TerritoryKind {
    #[default]
    Commune,
    /// Établissement public de coopération intercommunale, kind unsaid (typed by hand).
    Epci,
    /// A métropole, which is an EPCI in law.
    Metropole,
    Departement,
    Region,
    Other,
    /// Communauté de communes (an EPCI; schema 5).
    Cc,
    /// Communauté d'agglomération (an EPCI; schema 5).
    Ca,
    /// Communauté urbaine (an EPCI; schema 5).
    Cu,
}

impl TerritoryKind {
    /// Every kind, in the order the UI lists them.
    pub const ALL: [TerritoryKind; 9] = [
        TerritoryKind::Commune,
        TerritoryKind::Cc,
        TerritoryKind::Ca,
        TerritoryKind::Cu,
        TerritoryKind::Metropole,
        TerritoryKind::Epci,
        TerritoryKind::Departement,
        TerritoryKind::Region,
        TerritoryKind::Other,
    ];

    /// French label shown in the UI.
    pub fn label(self) -> &'static str {
        match self {
            TerritoryKind::Commune => t("domain.territory_kind.commune"),
            TerritoryKind::Epci => t("domain.territory_kind.epci"),
            TerritoryKind::Metropole => t("domain.territory_kind.metropole"),
            TerritoryKind::Departement => t("domain.territory_kind.departement"),
            TerritoryKind::Region => t("domain.territory_kind.region"),
            TerritoryKind::Other => t("domain.territory_kind.other"),
            TerritoryKind::Cc => t("domain.territory_kind.cc"),
            TerritoryKind::Ca => t("domain.territory_kind.ca"),
            TerritoryKind::Cu => t("domain.territory_kind.cu"),
        }
    }

    /// Stable code used in forms and files (`commune`, `epci`, …).
    pub fn code(self) -> &'static str {
        match self {
            TerritoryKind::Commune => "commune",
            TerritoryKind::Epci => "epci",
            TerritoryKind::Metropole => "metropole",
            TerritoryKind::Departement => "departement",
            TerritoryKind::Region => "region",
            TerritoryKind::Other => "other",
            TerritoryKind::Cc => "cc",
            TerritoryKind::Ca => "ca",
            TerritoryKind::Cu => "cu",
        }
    }

    /// Inverse of [`TerritoryKind::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Whether it is an EPCI (intercommunality), whatever its kind.
    pub fn is_epci(self) -> bool {
        matches!(
            self,
            TerritoryKind::Epci
                | TerritoryKind::Metropole
                | TerritoryKind::Cc
                | TerritoryKind::Ca
                | TerritoryKind::Cu
        )
    }
}

/// Population above which loi REEN (2021, art. 35) requires a NR strategy of communes and EPCI.
/// Source: the kit, « Contexte réglementaire ».
pub const REEN_THRESHOLD: u32 = 50_000;
/// Population above which the energy transition law (LTECV, 2015) requires a PCAET of EPCI.
/// Source: the kit, « Contexte réglementaire ».
pub const PCAET_THRESHOLD: u32 = 20_000;

/// What the law asks of a territory, as the kit states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Obligations {
    /// `Some(true)` when a NR strategy is mandatory; `None` when the population is unknown.
    pub reen_strategy: Option<bool>,
    /// `Some(true)` when a PCAET is mandatory; `None` when the population is unknown.
    pub pcaet: Option<bool>,
}

impl Territory {
    /// The obligations for this territory: « plus de » in the law means strictly more than the
    /// threshold, so exactly 50 000 inhabitants does not trigger REEN.
    pub fn obligations(&self) -> Obligations {
        let Some(pop) = self.population else {
            return Obligations {
                reen_strategy: None,
                pcaet: None,
            };
        };
        let reen_kind = self.kind == TerritoryKind::Commune || self.kind.is_epci();
        Obligations {
            reen_strategy: Some(reen_kind && pop > REEN_THRESHOLD),
            pcaet: Some(self.kind.is_epci() && pop > PCAET_THRESHOLD),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn territory(kind: TerritoryKind, population: u32) -> Territory {
        Territory {
            kind,
            population: Some(population),
            ..Territory::default()
        }
    }

    #[test]
    fn reen_applies_to_communes_and_epci_strictly_above_50000() {
        use TerritoryKind::*;
        for kind in [Commune, Epci, Metropole] {
            assert_eq!(
                territory(kind, 50_000).obligations().reen_strategy,
                Some(false)
            );
            assert_eq!(
                territory(kind, 50_001).obligations().reen_strategy,
                Some(true)
            );
        }
        for kind in [Departement, Region, Other] {
            assert_eq!(
                territory(kind, 1_000_000).obligations().reen_strategy,
                Some(false)
            );
        }
    }

    #[test]
    fn pcaet_applies_to_epci_strictly_above_20000_only() {
        use TerritoryKind::*;
        assert_eq!(territory(Epci, 20_000).obligations().pcaet, Some(false));
        assert_eq!(territory(Epci, 20_001).obligations().pcaet, Some(true));
        assert_eq!(
            territory(Metropole, 400_000).obligations().pcaet,
            Some(true)
        );
        assert_eq!(territory(Commune, 200_000).obligations().pcaet, Some(false));
    }

    #[test]
    fn unknown_population_gives_no_verdict() {
        let t = Territory::default();
        assert_eq!(t.obligations().reen_strategy, None);
        assert_eq!(t.obligations().pcaet, None);
    }

    #[test]
    fn kind_codes_round_trip() {
        for kind in TerritoryKind::ALL {
            assert_eq!(TerritoryKind::from_code(kind.code()), Some(kind));
        }
    }
}
