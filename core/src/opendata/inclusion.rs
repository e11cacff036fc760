//! The national standard of digital-inclusion places (« lieux de médiation numérique »,
//! ANCT / La MedNum): its columns and how a row maps to the kit.
//!
//! Format (source: github.com/LaMednum/standard-mediation-num, `schema.json` v1.0.2 and its
//! README; schema.data.gouv.fr/LaMednum/standard-mediation-num): UTF-8 CSV, comma-separated
//! (exports quote every field); `id` (unique for the producer), `pivot` (SIRET, or RNA/RIDET),
//! `nom`, `commune`, `code_insee`, `typologie` (codes of data·inclusion's typologies, several
//! separated by `|`, or `;` in version 0.1), `services` (likewise), `presentation_resume`,
//! `source` (who collected the data), `date_maj` (`YYYY-MM-DD`). Licence Ouverte (Etalab 2.0).

use super::mapping::{self, KitPlace};
use super::{cell, day, header_positions, insee_code, siret_or_siren, Dataset, Row};
use crate::Subtype;

/// The headers that recognise the file (all required).
pub(super) const REQUIRED: [&str; 4] = ["id", "pivot", "nom", "code_insee"];

/// The credit the licence asks for, after the row's own `source`.
// i18n: not UI (the dataset's name and licence, stored as the actor's attribution)
const CREDIT: &str = "Lieux de médiation numérique (ANCT / La MedNum), Licence Ouverte 2.0";

/// The actor type of a place whose `typologie` is empty.
// i18n: not UI (stored as the actor's type)
const PLACE: &str = "Lieu de médiation numérique";

/// Positions of the columns a row is read from.
pub(super) struct Columns {
    id: Option<usize>,
    pivot: Option<usize>,
    name: Option<usize>,
    city: Option<usize>,
    commune: Option<usize>,
    typology: Option<usize>,
    services: Option<usize>,
    summary: Option<usize>,
    detail: Option<usize>,
    source: Option<usize>,
    date: Option<usize>,
}

impl Columns {
    /// The columns of a header (lower-case, trimmed); `None` unless every [`REQUIRED`] header
    /// is there.
    pub(super) fn new(headers: &[String]) -> Option<Columns> {
        let at = header_positions(headers, &REQUIRED)?;
        Some(Columns {
            id: at("id"),
            pivot: at("pivot"),
            name: at("nom"),
            city: at("commune"),
            commune: at("code_insee"),
            typology: at("typologie"),
            services: at("services"),
            summary: at("presentation_resume"),
            detail: at("presentation_detail"),
            source: at("source"),
            date: at("date_maj"),
        })
    }
}

/// The values of a multi-valued cell (`|`, or `;` in version 0.1 of the standard).
fn values(text: &str) -> impl Iterator<Item = &str> {
    text.split(['|', ';'])
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// The actor type and kit place of a `typologie` cell: the labels of its codes (the code
/// itself when unknown), and the place of the first code whose family is known.
fn typology(cell: &str) -> (String, KitPlace) {
    let mut labels = Vec::new();
    let mut place = None;
    for code in values(cell) {
        match mapping::INCLUSION_TYPOLOGIES
            .iter()
            .find(|t| t.code.eq_ignore_ascii_case(code))
        {
            Some(known) => {
                labels.push(known.label);
                if known.place != KitPlace::UNSORTED && place.is_none() {
                    place = Some(known.place);
                }
            }
            None => labels.push(code),
        }
    }
    let label = if labels.is_empty() {
        PLACE.to_owned()
    } else {
        labels.join(", ")
    };
    (label, place.unwrap_or(KitPlace::UNSORTED))
}

/// Maps a record to a [`Row`]; `None` when it has no `id` or no `nom`.
///
/// Every place is digital and « Inclusion numérique » (the whole dataset is digital
/// inclusion), plus what its `services` add ([`mapping::inclusion_nr_types`]).
pub(super) fn row(c: &Columns, fields: &[&str], line: u64) -> Option<Row> {
    let id = cell(fields, c.id);
    let name = cell(fields, c.name);
    if id.is_empty() || name.is_empty() {
        return None;
    }
    let (actor_type, place) = typology(cell(fields, c.typology));
    let source = cell(fields, c.source);
    let attribution = if source.is_empty() {
        CREDIT.to_owned()
    } else {
        format!("{source} · {CREDIT}")
    };
    let summary = cell(fields, c.summary);
    let description = if summary.is_empty() {
        cell(fields, c.detail)
    } else {
        summary
    };
    Some(Row {
        dataset: Dataset::InclusionPlaces,
        line,
        id: id.to_owned(),
        name: name.to_owned(),
        commercial_name: None,
        siret: siret_or_siren(cell(fields, c.pivot)),
        commune: insee_code(cell(fields, c.commune)),
        epci: None,
        city: cell(fields, c.city).to_owned(),
        description: description.to_owned(),
        attribution,
        digital: true,
        family: place.family,
        subtype: place.subtype.map(|s| Subtype::Kit(s.to_owned())),
        actor_type,
        nr_action_types: mapping::inclusion_nr_types(values(cell(fields, c.services))),
        public_body: place.public_body(),
        date: day(cell(fields, c.date)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Family;

    #[test]
    fn several_typologies_give_the_first_known_family() {
        let (label, place) = typology("TIERS_LIEUX|ASSO");
        assert_eq!(label, "Tiers lieu & coworking, Associations");
        assert_eq!(place.family, Family::Association);
        let (label, place) = typology("muni;BIB");
        assert_eq!(label, "Municipalités, Bibliothèque / Médiathèque");
        assert_eq!(place.subtype, Some("commune"));
        let (label, place) = typology("NOUVEAU_CODE");
        assert_eq!(
            (label.as_str(), place),
            ("NOUVEAU_CODE", KitPlace::UNSORTED)
        );
        let (label, place) = typology("");
        assert_eq!(
            (label.as_str(), place),
            ("Lieu de médiation numérique", KitPlace::UNSORTED)
        );
    }
}
