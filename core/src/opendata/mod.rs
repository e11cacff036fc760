//! Official open data about the territory's actors, imported into the census (kit step 1 B,
//! « Recherche »): ADEME's « Acteurs de l'économie circulaire » and the national standard of
//! digital-inclusion places (« lieux de médiation numérique »).
//!
//! This module holds what an actor keeps of its source ([`SourceRef`]); the readers, the
//! filters, the mapping to the kit and the matching with the census live beside it.

pub mod mapping;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// An open dataset Atelier NR reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dataset {
    /// ADEME, « Acteurs de l'économie circulaire » (Que faire de mes objets et déchets),
    /// Licence Ouverte; each row names its attribution (`paternite`).
    AdemeCircular,
    /// ANCT / La MedNum, « lieux de médiation numérique » (the national open-data standard
    /// of digital-inclusion places), Licence Ouverte.
    InclusionPlaces,
}

/// Where an actor imported from open data comes from: enough to update it from a newer file
/// instead of adding it twice, and to credit the source as its licence requires.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    pub dataset: Dataset,
    /// The row's id in the dataset (`identifiant`, `id`).
    pub id: String,
    /// The attribution the licence requires (ADEME's `paternite`; the inclusion places'
    /// source and licence), shown in the actor's editor, the census export and the report.
    pub attribution: String,
    /// SIRET (14 digits) or SIREN (9), when the dataset gives one.
    pub siret: Option<String>,
    /// INSEE code of the actor's commune, when the dataset gives one.
    pub commune: Option<String>,
    /// The imported file's name and date (its last modification, or the day of import).
    pub file: String,
    pub file_date: Option<NaiveDate>,
}
