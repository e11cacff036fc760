//! Where each value of an actor came from (« provenance »): typed in the app, read from a
//! census file, or taken from open data — and when. Imports that update actors read it to
//! keep what the user set in the app since (see [`crate::diff`]).
//!
//! Stored per actor as `origins`: one [`Stamp`] per field that was set since schema 5; a
//! field with no stamp was set by an older version, origin unknown (« inconnu »).

use crate::opendata::Dataset;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A field of an actor, as named in stamps and in the changes an import would make.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorField {
    Name,
    ActorType,
    Family,
    Subtype,
    NrActionTypes,
    Description,
    Engagement,
    Referent,
    Contact,
    Local,
    PartnerFunder,
    FoundBy,
    FoundOn,
    Relevance,
    Circle,
}

impl ActorField {
    /// The field's name as stored (`engagement`, `actor_type`…), also its message key
    /// `domain.actor_field.<code>` (the field's label in the display language).
    pub fn code(self) -> &'static str {
        use ActorField::*;
        match self {
            Name => "name",
            ActorType => "actor_type",
            Family => "family",
            Subtype => "subtype",
            NrActionTypes => "nr_action_types",
            Description => "description",
            Engagement => "engagement",
            Referent => "referent",
            Contact => "contact",
            Local => "local",
            PartnerFunder => "partner_funder",
            FoundBy => "found_by",
            FoundOn => "found_on",
            Relevance => "relevance",
            Circle => "circle",
        }
    }

    /// The field's label in the display language (« Niveau d'engagement »…).
    pub fn label(self) -> &'static str {
        crate::i18n::t_dyn(&format!("domain.actor_field.{}", self.code()))
    }

    /// Every field, in the order the actor editor shows them.
    pub const ALL: [ActorField; 15] = [
        ActorField::Name,
        ActorField::ActorType,
        ActorField::Family,
        ActorField::Subtype,
        ActorField::NrActionTypes,
        ActorField::Description,
        ActorField::Engagement,
        ActorField::Referent,
        ActorField::Contact,
        ActorField::Local,
        ActorField::PartnerFunder,
        ActorField::FoundBy,
        ActorField::FoundOn,
        ActorField::Relevance,
        ActorField::Circle,
    ];
}

/// How a value was set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "how", rename_all = "snake_case")]
pub enum Origin {
    /// Set before Atelier NR recorded it (schema 4 and older), or by an unknown way.
    Unknown,
    /// Typed or chosen in the app.
    Typed,
    /// Read from a census file (CSV or spreadsheet), by its name.
    File { file: String },
    /// Taken from an open dataset, by the file's name.
    OpenData { dataset: Dataset, file: String },
}

/// When and how a field was last set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// When, in UTC.
    pub at: DateTime<Utc>,
    #[serde(flatten)]
    pub origin: Origin,
}

/// An actor's stamps, by field.
pub type Origins = BTreeMap<ActorField, Stamp>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_stored_names() {
        for field in ActorField::ALL {
            let json = serde_json::to_string(&field).unwrap();
            assert_eq!(json, format!("\"{}\"", field.code()));
        }
    }

    #[test]
    fn stamps_read_back_as_written() {
        let at = DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let mut origins = Origins::new();
        origins.insert(
            ActorField::Engagement,
            Stamp {
                at,
                origin: Origin::Typed,
            },
        );
        origins.insert(
            ActorField::Name,
            Stamp {
                at,
                origin: Origin::OpenData {
                    dataset: Dataset::AdemeCircular,
                    file: "acteurs.csv".into(),
                },
            },
        );
        let json = serde_json::to_string(&origins).unwrap();
        assert!(json.contains(r#""engagement":{"at":"#), "{json}");
        assert!(json.contains(r#""how":"open_data""#), "{json}");
        assert_eq!(serde_json::from_str::<Origins>(&json).unwrap(), origins);
    }
}
