//! Recognising, among the plan's actors, the one an open-data row describes.

use super::{Dataset, Row};
use crate::text::fold;
use crate::{Actor, Family, Id};
use std::collections::HashMap;

/// What an open-data row is in the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    /// Not in the plan: a new actor.
    New,
    /// The actor imported from the same row of the same dataset (same source id): update it.
    Source(Id),
    /// The actor with the same SIRET (or SIREN, when one side has only that), both private
    /// bodies.
    Siret(Id),
    /// An actor with the same normalised name ([`normalised_name`]); `confirmed` when its
    /// source names the row's commune, else only « possible », for the user to decide.
    Name {
        /// The actor of that name.
        id: Id,
        /// Whether the commune confirms it.
        confirmed: bool,
    },
}

/// Legal forms left out of names before comparing them (« ASSOCIATION ENVIE 35 » is « Envie
/// 35 »): French company and association forms, folded, as written in names (INSEE,
/// « catégories juridiques », their usual abbreviations).
const LEGAL_FORMS: &[&str] = &[
    "association",
    "asso",
    "sarl",
    "sas",
    "sasu",
    "sa",
    "eurl",
    "eirl",
    "ei",
    "sci",
    "snc",
    "scop",
    "scic",
    "sem",
    "spl",
    "gie",
    "gip",
    "earl",
    "selarl",
    "scp",
    "scm",
];

/// A name as compared: case, accents and punctuation ignored (dots dropped, so « S.A.R.L. »
/// is « sarl »), legal forms (`ASSOCIATION`, `SARL`, `SAS`…) left out. « ASSOCIATION ENVIE
/// 35 » and « Envie 35 » are both `envie 35`. Empty when nothing but a legal form remains.
pub fn normalised_name(name: &str) -> String {
    fold(&name.replace('.', ""))
        .split(' ')
        .filter(|w| !w.is_empty() && !LEGAL_FORMS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// What matching needs of an existing actor.
#[derive(Clone)]
struct Known {
    id: Id,
    /// Its open-data source, as (dataset, id).
    source: Option<(Dataset, String)>,
    siret: Option<String>,
    commune: Option<String>,
    public: bool,
}

impl Known {
    /// Whether it comes from another row of the row's own dataset: then it is another actor,
    /// whatever its name or SIRET (the dataset tells them apart).
    fn other_row_of(&self, row: &Row) -> bool {
        matches!(&self.source, Some((dataset, id)) if *dataset == row.dataset && *id != row.id)
    }
}

/// The plan's actors, indexed to recognise open-data rows ([`Matcher::find`]).
#[derive(Clone, Default)]
pub struct Matcher {
    by_source: HashMap<(Dataset, String), Id>,
    /// By SIREN (the SIRET's first 9 digits).
    by_siren: HashMap<String, Vec<Known>>,
    by_name: HashMap<String, Vec<Known>>,
}

impl Matcher {
    /// Indexes the plan's actors.
    pub fn new(actors: &[Actor]) -> Matcher {
        let mut matcher = Matcher::default();
        for actor in actors {
            matcher.insert(actor);
        }
        matcher
    }

    /// Adds an actor: one just created by an import, so that a later row of the same file
    /// finds it.
    pub fn insert(&mut self, actor: &Actor) {
        let source = actor.source.as_ref();
        let known = Known {
            id: actor.id,
            source: source.map(|s| (s.dataset, s.id.clone())),
            siret: source.and_then(|s| s.siret.clone()),
            commune: source.and_then(|s| s.commune.clone()),
            public: actor.family == Family::Public,
        };
        if let Some(key) = &known.source {
            self.by_source.entry(key.clone()).or_insert(actor.id);
        }
        if let Some(siren) = known.siret.as_deref().and_then(|s| s.get(..9)) {
            if !known.public {
                self.by_siren
                    .entry(siren.to_owned())
                    .or_default()
                    .push(known.clone());
            }
        }
        let name = normalised_name(&actor.name);
        if !name.is_empty() {
            self.by_name.entry(name).or_default().push(known);
        }
    }

    /// The actor `row` describes, in this order: same source id; same SIRET/SIREN, both
    /// private bodies (public places share their commune's SIRET); same normalised name, `nom`
    /// or `nom_commercial`, confirmed when the commune is the same. An actor imported from
    /// another row of the same dataset never matches by SIRET or name.
    pub fn find(&self, row: &Row) -> Match {
        if let Some(id) = self.by_source.get(&(row.dataset, row.id.clone())) {
            return Match::Source(*id);
        }
        if let (false, Some(siret)) = (row.public_body, row.siret.as_deref()) {
            let same = |other: &str| match (siret.len(), other.len()) {
                (14, 14) => siret == other,
                _ => siret.get(..9) == other.get(..9),
            };
            let found = siret
                .get(..9)
                .and_then(|siren| self.by_siren.get(siren))
                .and_then(|list| {
                    list.iter()
                        .find(|k| !k.other_row_of(row) && k.siret.as_deref().is_some_and(same))
                });
            if let Some(known) = found {
                return Match::Siret(known.id);
            }
        }
        let mut candidates = [Some(row.name.as_str()), row.commercial_name.as_deref()]
            .into_iter()
            .flatten()
            .map(normalised_name)
            .filter(|n| !n.is_empty())
            .filter_map(|n| self.by_name.get(&n))
            .flatten()
            .filter(|k| !k.other_row_of(row));
        let first = candidates.next();
        let confirmed = |k: &&Known| row.commune.is_some() && k.commune == row.commune;
        match first {
            None => Match::New,
            Some(k) if confirmed(&k) => Match::Name {
                id: k.id,
                confirmed: true,
            },
            Some(k) => match candidates.find(confirmed) {
                Some(better) => Match::Name {
                    id: better.id,
                    confirmed: true,
                },
                None => Match::Name {
                    id: k.id,
                    confirmed: false,
                },
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::normalised_name;

    #[test]
    fn names_lose_case_accents_and_legal_forms() {
        assert_eq!(normalised_name("ASSOCIATION ENVIE 35"), "envie 35");
        assert_eq!(normalised_name("Envie 35"), "envie 35");
        assert_eq!(normalised_name("Répar'Tout S.A.R.L."), "repar tout");
        assert_eq!(normalised_name("SAS  Atelier  Vélo"), "atelier velo");
        assert_eq!(normalised_name("Association"), "");
        assert_eq!(normalised_name("Sasquatch SA"), "sasquatch");
    }
}
