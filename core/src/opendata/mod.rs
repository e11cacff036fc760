//! Official open data about the territory's actors, imported into the census (kit step 1 B,
//! « Recherche »): ADEME's « Acteurs de l'économie circulaire » and the national standard of
//! digital-inclusion places (« lieux de médiation numérique »).
//!
//! # The import, as the browser runs it
//!
//! 1. [`detect`] the file from its first line (optional: the reader detects it too).
//! 2. Build a [`Filter`] from the plan's territory ([`Filter::for_territory`]: the EPCI's
//!    SIREN, its member communes' INSEE codes, or a commune's code; the user may edit the list)
//!    with « digital only » on for ADEME.
//! 3. Create a [`Reader`] and [`Reader::push`] the file's bytes chunk by chunk, yielding to the
//!    page between chunks; each chunk may end anywhere (inside a UTF-8 character, a quoted field,
//!    a line end). Rows are mapped to the kit ([`Row`]) and filtered while reading, so memory
//!    holds only the kept rows. [`Reader::finish`] reads the last row and returns a
//!    [`Summary`] (rows read and kept). Any problem is an [`OpenDataError`] whose message says
//!    what and where; the reader then refuses further bytes.
//! 4. Build a [`Matcher`] from the plan's actors and [`Matcher::find`] each kept row: the same
//!    source id, else the same SIRET/SIREN (private bodies only), else the same normalised name
//!    (« possible » unless the commune confirms it), else new. [`Matcher::insert`] each actor
//!    created meanwhile, so that a row repeated in the file finds it.
//! 5. New rows become actors with [`to_actor`]; matched ones are refreshed with [`update_from`],
//!    which never overwrites what the user typed in the app. Both stamp what they set
//!    ([`crate::provenance`]) and keep the source ([`SourceRef`]) and its attribution.
//!
//! Files up to [`reader::MAX_FILE_BYTES`] (200 MB) are accepted. [`ademe_like`] writes an
//! ADEME-shaped file of any size for benchmarks.
//!
//! Sources of the formats: ADEME's open-data export documentation
//! (`docs/reference/opendata/exposure-opendata-acteur.md`, github.com/incubateur-ademe/
//! quefairedemesobjets) and the standard's `schema.json` v1.0.2 (github.com/LaMednum/
//! standard-mediation-num, schema.data.gouv.fr); the value tables are in [`mapping`].

mod ademe;
mod convert;
mod error;
mod filter;
mod inclusion;
pub mod mapping;
mod matching;
pub mod reader;

pub use ademe::ademe_like;
pub use convert::{source_ref, to_actor, update_from};
pub use error::OpenDataError;
pub use filter::Filter;
pub use matching::{normalised_name, Match, Matcher};
pub use reader::{detect, Reader, Summary};

use crate::i18n::t;
use crate::{Family, Subtype};
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

impl Dataset {
    /// The dataset's name, in the display language.
    pub fn label(self) -> &'static str {
        match self {
            Dataset::AdemeCircular => t("opendata.dataset.ademe_circular"),
            Dataset::InclusionPlaces => t("opendata.dataset.inclusion_places"),
        }
    }
}

/// Where an actor imported from open data comes from: enough to update it from a newer file
/// instead of adding it twice, and to credit the source as its licence requires.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    /// The dataset the actor was imported from.
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
    /// The file's date, as the caller gave it.
    pub file_date: Option<NaiveDate>,
}

/// One row of an open dataset, read and mapped to the kit, before any filter.
///
/// Text fields are trimmed; codes are normalised (INSEE codes on 5 characters, SIRET/SIREN
/// digits only); an empty cell is `None` or an empty string.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The dataset the row was read from.
    pub dataset: Dataset,
    /// 1-based line of the file where the row starts (the header is line 1).
    pub line: u64,
    /// The row's id in the dataset (ADEME `identifiant`, inclusion `id`). Never empty.
    pub id: String,
    /// Its name (`nom`). Never empty.
    pub name: String,
    /// ADEME's trade name (`nom_commercial`), when it differs from the name.
    pub commercial_name: Option<String>,
    /// SIRET (14 digits) or SIREN (9): ADEME's `siret`, else `siren`; the inclusion places'
    /// `pivot` when it is one (not an RNA number).
    pub siret: Option<String>,
    /// INSEE code of its commune (ADEME `code_commune`, inclusion `code_insee`).
    pub commune: Option<String>,
    /// SIREN of its EPCI (ADEME `code_epci`; the inclusion places have none).
    pub epci: Option<String>,
    /// Its commune's name (ADEME `ville`, inclusion `commune`).
    pub city: String,
    /// What it does, as the dataset says (ADEME `description`, inclusion
    /// `presentation_resume`, else `presentation_detail`).
    pub description: String,
    /// The credit the licence requires (ADEME `paternite`; the inclusion places' `source`,
    /// the dataset and its licence).
    pub attribution: String,
    /// Whether it concerns digital equipment: for ADEME, an action on a digital
    /// sub-category ([`mapping::DIGITAL_SUBCATEGORIES`]); every inclusion place is.
    pub digital: bool,
    /// Family (« famille ») from [`mapping`]'s tables; [`Family::Unsorted`] for an unknown type.
    pub family: Family,
    /// Kit subtype (« sous-type »), when the type tells it.
    pub subtype: Option<Subtype>,
    /// The dataset's type as written for people (« type d'acteur »): ADEME's label of
    /// `type_dacteur`, the inclusion typologies' labels; the raw code when unknown.
    pub actor_type: String,
    /// NR action types (« types d'action NR »), see [`mapping::nr_type`].
    pub nr_action_types: Vec<String>,
    /// A public body's place, whose SIRET may be its commune's or network's: never matched
    /// by SIRET ([`mapping::KitPlace::public_body`]).
    pub public_body: bool,
    /// The row's last update (ADEME `date_de_derniere_modification`, inclusion `date_maj`).
    pub date: Option<NaiveDate>,
}

impl Row {
    /// The name the census shows: the trade name when there is one (as ADEME's own map does),
    /// else the name.
    pub fn display_name(&self) -> &str {
        self.commercial_name.as_deref().unwrap_or(&self.name)
    }
}

/// Digits of a SIRET (14) or SIREN (9) written with or without spaces; `None` otherwise.
fn siret_or_siren(text: &str) -> Option<String> {
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    (matches!(digits.len(), 9 | 14) && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// An INSEE commune code on 5 characters (`35238`, `2A004`); a 4-digit code that lost its
/// leading zero in a spreadsheet gets it back. `None` for anything else.
pub(crate) fn insee_code(text: &str) -> Option<String> {
    let code = text.trim().to_ascii_uppercase();
    let ok = |c: &str| {
        let b = c.as_bytes();
        b.len() == 5
            && b[0].is_ascii_digit()
            && (b[1].is_ascii_digit() || (b[0] == b'2' && matches!(b[1], b'A' | b'B')))
            && b[2..].iter().all(u8::is_ascii_digit)
    };
    if code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit()) {
        Some(format!("0{code}"))
    } else {
        ok(&code).then_some(code)
    }
}

/// A SIREN (9 digits, spaces ignored); `None` otherwise.
pub(crate) fn siren(text: &str) -> Option<String> {
    siret_or_siren(text).filter(|d| d.len() == 9)
}

/// A day written `YYYY-MM-DD` (a time after it, as in `2026-10-05T08:00:00`, is ignored).
fn day(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    text.get(..10)
        .unwrap_or(text)
        .parse()
        .ok()
        .filter(|d: &NaiveDate| crate::text::YEARS.contains(&chrono::Datelike::year(d)))
}

/// Where each header is, once every `required` one is found (`headers` lower-case and
/// trimmed); `None` when one is missing.
fn header_positions<'a>(
    headers: &'a [String],
    required: &[&str],
) -> Option<impl Fn(&str) -> Option<usize> + 'a> {
    let at = move |name: &str| headers.iter().position(|h| h == name);
    required.iter().all(|r| at(r).is_some()).then_some(at)
}

/// Cell `i` of a record, trimmed; empty when the record has no such cell.
fn cell<'a>(fields: &[&'a str], i: Option<usize>) -> &'a str {
    i.and_then(|i| fields.get(i)).map_or("", |s| s.trim())
}

impl Dataset {
    /// Stable code, as serialised (`ademe_circular`, `inclusion_places`).
    pub fn code(self) -> &'static str {
        match self {
            Dataset::AdemeCircular => "ademe_circular",
            Dataset::InclusionPlaces => "inclusion_places",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_normalised() {
        assert_eq!(insee_code(" 35238 "), Some("35238".into()));
        assert_eq!(insee_code("2a004"), Some("2A004".into()));
        assert_eq!(insee_code("1053"), Some("01053".into()));
        assert_eq!(insee_code("3523"), Some("03523".into()));
        assert_eq!(insee_code("Rennes"), None);
        assert_eq!(insee_code("3C004"), None);
        assert_eq!(siret_or_siren("243 500 139"), Some("243500139".into()));
        assert_eq!(
            siret_or_siren("21350238800019"),
            Some("21350238800019".into())
        );
        assert_eq!(siret_or_siren("W123456789"), None);
        assert_eq!(siret_or_siren("1234"), None);
        assert_eq!(siren("21350238800019"), None);
        assert_eq!(day("2026-10-05"), NaiveDate::from_ymd_opt(2026, 10, 5));
        assert_eq!(
            day("2026-10-05T08:00:00+02:00"),
            NaiveDate::from_ymd_opt(2026, 10, 5)
        );
        assert_eq!(day("05/10/2026"), None);
        assert_eq!(day("0202-10-05"), None);
    }
}
