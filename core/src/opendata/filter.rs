//! Which rows of an open dataset an import keeps: the plan's territory and, for ADEME, the
//! actors of digital equipment.

use super::{insee_code, siren, Dataset, Row};
use crate::Territory;
use std::collections::BTreeSet;

/// What an import keeps, applied while reading ([`super::Reader::push`]'s `keep`).
///
/// A row is in the territory when its EPCI is `epci` or its commune is one of `communes`;
/// with neither set, every row is. `digital_only` keeps, among ADEME's rows, those whose
/// actions concern digital equipment ([`Row::digital`]); it does not apply to the inclusion
/// places, which all do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filter {
    /// INSEE codes of the communes kept (5 characters, as [`Row::commune`]); `Some` of an
    /// empty set keeps no commune.
    pub communes: Option<BTreeSet<String>>,
    /// SIREN of the EPCI kept (9 digits, as [`Row::epci`]).
    pub epci: Option<String>,
    /// Keep only ADEME actors acting on digital equipment (on by default).
    pub digital_only: bool,
}

impl Default for Filter {
    /// No territory, digital only.
    fn default() -> Self {
        Filter {
            communes: None,
            epci: None,
            digital_only: true,
        }
    }
}

impl Filter {
    /// The filter for a plan's territory, digital only: an EPCI's SIREN and its member
    /// communes (`members`); a commune's INSEE code; nothing for a territory without an
    /// official code or members (a département, a region, a name typed by hand), which the
    /// user then lists by hand. Codes are normalised; invalid ones are left out.
    pub fn for_territory(territory: &Territory) -> Filter {
        let code = territory.code.as_deref().unwrap_or("");
        let mut communes: BTreeSet<String> = territory
            .members
            .iter()
            .filter_map(|c| insee_code(c))
            .collect();
        let epci = if territory.kind.is_epci() {
            siren(code)
        } else {
            None
        };
        if territory.kind == crate::TerritoryKind::Commune {
            communes.extend(insee_code(code));
        }
        Filter {
            communes: (!communes.is_empty()).then_some(communes),
            epci,
            digital_only: true,
        }
    }

    /// The same filter with the communes the user listed instead (INSEE codes; invalid ones
    /// are left out).
    pub fn with_communes<'a>(mut self, codes: impl IntoIterator<Item = &'a str>) -> Filter {
        self.communes = Some(codes.into_iter().filter_map(insee_code).collect());
        self
    }

    /// Whether a territory is set at all; without one every row is in it.
    pub fn has_territory(&self) -> bool {
        self.communes.is_some() || self.epci.is_some()
    }

    /// Whether the filter can place `dataset`'s rows in the territory: the inclusion places
    /// give no EPCI, so an EPCI alone keeps none of them and their communes are needed.
    pub fn locates(&self, dataset: Dataset) -> bool {
        match dataset {
            Dataset::AdemeCircular => true,
            Dataset::InclusionPlaces => self.communes.is_some() || !self.has_territory(),
        }
    }

    /// Whether `row` is in the territory.
    pub fn in_territory(&self, row: &Row) -> bool {
        if !self.has_territory() {
            return true;
        }
        let in_epci = matches!((&self.epci, &row.epci), (Some(a), Some(b)) if a == b);
        let in_communes = matches!(
            (&self.communes, &row.commune),
            (Some(set), Some(code)) if set.contains(code)
        );
        in_epci || in_communes
    }

    /// Whether the import keeps `row`.
    pub fn keeps(&self, row: &Row) -> bool {
        let digital_ok = !self.digital_only || row.dataset != Dataset::AdemeCircular || row.digital;
        digital_ok && self.in_territory(row)
    }
}
