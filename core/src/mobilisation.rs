//! Step 2 « Comment les mobiliser ? »: planned mobilisations of actors by circle, and the
//! register of needs actors express (« expression des besoins »).
//!
//! Source: the kit, step 2: three circles, each with its mobilisation formats
//! ([`crate::kit::CIRCLES`]), and a channel through which any actor can ask the collectivité
//! for funding, collaboration or training ([`crate::kit::needs_channel`]).

use crate::i18n::t;
use crate::{Circle, Id};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One mobilisation of the plan (« action de mobilisation »): a format used with a circle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mobilisation {
    pub id: Id,
    /// The format (« modalité »): a kit format of the circle or one the user added. Never empty.
    pub format: String,
    /// The circle it addresses.
    pub circle: Circle,
    /// Targeted actors (« acteurs visés »): ids of actors of the same plan.
    pub actor_ids: Vec<Id>,
    /// When it takes place (serialised `YYYY-MM-DD`).
    pub date: Option<NaiveDate>,
    /// Who organises it (« responsable »; personal data when it names a person).
    pub owner: String,
    pub status: MobilisationStatus,
    pub notes: String,
    /// When and where each field was last changed (schema 7; see [`crate::merge`]).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub edits: crate::merge::Edits,
}

impl Mobilisation {
    /// A planned mobilisation with a format and circle, nothing else set.
    pub fn new(id: Id, format: impl Into<String>, circle: Circle) -> Self {
        Mobilisation {
            edits: Default::default(),
            id,
            format: format.into(),
            circle,
            actor_ids: Vec::new(),
            date: None,
            owner: String::new(),
            status: MobilisationStatus::Planned,
            notes: String::new(),
        }
    }
}

/// Where a mobilisation stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MobilisationStatus {
    /// « Prévue ».
    Planned,
    /// « Réalisée ».
    Done,
    /// « Annulée ».
    Cancelled,
}

impl MobilisationStatus {
    pub const ALL: [MobilisationStatus; 3] = [
        MobilisationStatus::Planned,
        MobilisationStatus::Done,
        MobilisationStatus::Cancelled,
    ];

    pub fn label(self) -> &'static str {
        match self {
            MobilisationStatus::Planned => t("domain.mobilisation_status.planned"),
            MobilisationStatus::Done => t("domain.mobilisation_status.done"),
            MobilisationStatus::Cancelled => t("domain.mobilisation_status.cancelled"),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            MobilisationStatus::Planned => "planned",
            MobilisationStatus::Done => "done",
            MobilisationStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A need an actor expressed to the collectivité (« besoin », kit step 2).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Need {
    pub id: Id,
    /// The actor who asks: an actor of the same plan. Deleting the actor deletes its needs.
    pub actor_id: Id,
    pub kind: NeedKind,
    /// What is asked, in the actor's words.
    pub description: String,
    /// When it was expressed (serialised `YYYY-MM-DD`).
    pub expressed_on: Option<NaiveDate>,
    pub status: NeedStatus,
    /// « Suite donnée »: what the collectivité answered or did.
    pub follow_up: String,
    /// Captured during a workshop (« issue de l'atelier »), to sort out later; cleared when
    /// the user sorts it.
    pub workshop: bool,
    /// When and where each field was last changed (schema 7; see [`crate::merge`]).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub edits: crate::merge::Edits,
}

impl Need {
    /// An open need of `kind` from `actor_id`.
    pub fn new(id: Id, actor_id: Id, kind: NeedKind) -> Self {
        Need {
            edits: Default::default(),
            id,
            actor_id,
            kind,
            description: String::new(),
            expressed_on: None,
            status: NeedStatus::Open,
            follow_up: String::new(),
            workshop: false,
        }
    }
}

/// The kinds of request the kit names, plus « autre ».
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NeedKind {
    Funding,
    Collaboration,
    Training,
    Other,
}

impl NeedKind {
    pub const ALL: [NeedKind; 4] = [
        NeedKind::Funding,
        NeedKind::Collaboration,
        NeedKind::Training,
        NeedKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            NeedKind::Funding => t("domain.need_kind.funding"),
            NeedKind::Collaboration => t("domain.need_kind.collaboration"),
            NeedKind::Training => t("domain.need_kind.training"),
            NeedKind::Other => t("domain.need_kind.other"),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            NeedKind::Funding => "funding",
            NeedKind::Collaboration => "collaboration",
            NeedKind::Training => "training",
            NeedKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Follow-up of a need.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NeedStatus {
    /// « À traiter ».
    Open,
    /// « En cours ».
    InProgress,
    /// « Satisfait ».
    Met,
    /// « Non retenu ».
    Declined,
}

impl NeedStatus {
    pub const ALL: [NeedStatus; 4] = [
        NeedStatus::Open,
        NeedStatus::InProgress,
        NeedStatus::Met,
        NeedStatus::Declined,
    ];

    pub fn label(self) -> &'static str {
        match self {
            NeedStatus::Open => t("domain.need_status.open"),
            NeedStatus::InProgress => t("domain.need_status.in_progress"),
            NeedStatus::Met => t("domain.need_status.met"),
            NeedStatus::Declined => t("domain.need_status.declined"),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            NeedStatus::Open => "open",
            NeedStatus::InProgress => "in_progress",
            NeedStatus::Met => "met",
            NeedStatus::Declined => "declined",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The formats offered for `circle`: the kit's, then the user's own (`custom`), without repeats.
pub fn formats_for(circle: Circle, custom: &[crate::plan::CustomFormat]) -> Vec<&str> {
    let kit = crate::kit::CIRCLES
        .iter()
        .filter(|c| c.number == circle.number())
        .flat_map(|c| c.formats.iter().copied());
    let mut all: Vec<&str> = kit.collect();
    for f in custom.iter().filter(|f| f.circle == circle) {
        if !all.contains(&f.label.as_str()) {
            all.push(&f.label);
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::CustomFormat;

    #[test]
    fn codes_match_serde() {
        for s in MobilisationStatus::ALL {
            assert_eq!(MobilisationStatus::from_code(s.code()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.code());
        }
        for k in NeedKind::ALL {
            assert_eq!(NeedKind::from_code(k.code()), Some(k));
            assert_eq!(serde_json::to_value(k).unwrap(), k.code());
        }
        for s in NeedStatus::ALL {
            assert_eq!(NeedStatus::from_code(s.code()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.code());
        }
    }

    #[test]
    fn each_circle_offers_the_kit_formats_then_the_users() {
        let custom = vec![
            CustomFormat {
                circle: Circle::Two,
                label: "Petit-déjeuner des acteurs".into(),
            },
            CustomFormat {
                circle: Circle::One,
                label: "Lettre interne".into(),
            },
        ];
        let two = formats_for(Circle::Two, &custom);
        assert_eq!(
            two.len(),
            4,
            "three kit formats for circle 2, plus one custom"
        );
        assert!(two[0].starts_with("Formations collectives"));
        assert_eq!(*two.last().unwrap(), "Petit-déjeuner des acteurs");
        assert!(formats_for(Circle::One, &custom)
            .iter()
            .any(|f| f.contains("Fresque du Numérique")));
        assert!(formats_for(Circle::Three, &custom)
            .iter()
            .all(|f| *f != "Lettre interne"));
    }
}
