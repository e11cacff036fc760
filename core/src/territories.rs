//! Every commune and EPCI of France, to pick the plan's territory from official data (context
//! screen) instead of typing it.
//!
//! Source: Etalab's npm package `@etalab/decoupage-administratif` (MIT; data under the
//! Licence Ouverte): INSEE's Code officiel géographique and populations légales (population
//! municipale, INSEE's `PMUN`), DGCL's list of EPCI à fiscalité propre and their member
//! communes, La Poste's postal codes. The build compacts it (`.ci/territories.mjs`, which
//! documents the format) into one JSON file of columns that the app fetches the first time the
//! picker is used; [`parse`] reads it and [`Territories::search`] answers what the user types.
//! What the law then asks of the territory picked follows from [`Territory::obligations`]
//! (thresholds from the kit, « Contexte réglementaire »).

use crate::i18n::tf;
use crate::plan::{OfficialPopulation, PopulationMeasure, Territory, TerritoryKind};
use crate::text::fold;
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;

/// The `format` of the data file.
pub const FORMAT: &str = "atelier-nr/territoires";
/// The newest `version` of the data file this code reads.
pub const VERSION: u32 = 1;
/// At most this many suggestions: enough to choose, few enough to read.
pub const MAX_RESULTS: usize = 10;

/// One commune or EPCI of the data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// `Commune`, or the EPCI's kind: `Cc`, `Ca`, `Cu` or `Metropole` (the Métropole de Lyon,
    /// a collectivité à statut particulier, is a `Metropole` too).
    pub kind: TerritoryKind,
    /// INSEE code of a commune (5 characters, e.g. `35238`, `2A004`), SIREN of an EPCI (9
    /// digits, e.g. `243500139`).
    pub code: String,
    /// Official name, e.g. « Rennes Métropole ».
    pub name: String,
    /// Population municipale (inhabitants); `None` for the few unpopulated territories.
    pub population: Option<u32>,
    /// A commune's postal codes (often one, several for large cities); empty for an EPCI.
    pub postal_codes: Vec<String>,
    /// A commune's département code (`35`, `2A`, `971`); an EPCI's members' départements,
    /// sorted, each once.
    pub departements: Vec<String>,
    /// An EPCI's member communes (INSEE codes, sorted); empty for a commune.
    pub members: Vec<String>,
}

/// The whole data, ready to search. Built by [`parse`].
#[derive(Debug)]
pub struct Territories {
    /// The year of the data (e.g. 2026; the census behind its populations is older).
    pub year: u16,
    /// The dataset, as a plan keeps it, e.g. « Etalab, découpage administratif 6.0.0 (INSEE, DGCL) ».
    pub source: String,
    /// Communes sorted by INSEE code, then EPCI sorted by SIREN.
    entries: Vec<Entry>,
    /// For each entry, its name folded (see [`fold`]) and its code lower-cased, for search.
    index: Vec<Folded>,
    /// Entry by code (INSEE or SIREN).
    by_code: HashMap<String, usize>,
}

#[derive(Debug)]
struct Folded {
    name: String,
    code: String,
}

/// Why the data file could not be read: a damaged download, or a file of another build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TerritoriesError {
    /// Not JSON of the expected shape; serde's words, with line and column.
    NotJson(String),
    /// Another file, or a version newer than [`VERSION`].
    WrongFormat(String),
    /// Columns of different lengths, or a field out of range: named.
    Inconsistent(String),
}

impl fmt::Display for TerritoriesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let detail = match self {
            TerritoriesError::NotJson(d)
            | TerritoriesError::WrongFormat(d)
            | TerritoriesError::Inconsistent(d) => d,
        };
        f.write_str(&tf("context.picker.data_damaged", &[("detail", detail)]))
    }
}

impl std::error::Error for TerritoriesError {}

#[derive(Deserialize)]
struct RawFile {
    format: String,
    version: u32,
    year: u16,
    population: PopulationMeasure,
    source: String,
    communes: RawCommunes,
    epci: RawEpci,
}

#[derive(Deserialize)]
struct RawCommunes {
    dep: Vec<String>,
    code: Vec<String>,
    nom: Vec<String>,
    population: Vec<Option<u32>>,
    cp: Vec<String>,
    epci: Vec<Option<usize>>,
}

#[derive(Deserialize)]
struct RawEpci {
    code: Vec<String>,
    nom: Vec<String>,
    #[serde(rename = "type")]
    kind: Vec<String>,
    population: Vec<u32>,
}

/// Reads the data file's text (`territoires-<hash>.json`, written by the build). Errors: the
/// text is not that file (damaged, or of a newer format), or its columns disagree.
pub fn parse(text: &str) -> Result<Territories, TerritoriesError> {
    let raw: RawFile =
        serde_json::from_str(text).map_err(|e| TerritoriesError::NotJson(format!("{e}")))?;
    if raw.format != FORMAT || raw.version == 0 || raw.version > VERSION {
        return Err(TerritoriesError::WrongFormat(format!(
            "{} v{}",
            raw.format, raw.version
        )));
    }
    if raw.population != PopulationMeasure::Municipale {
        return Err(TerritoriesError::WrongFormat("population".to_owned()));
    }
    let c = &raw.communes;
    let n = c.code.len();
    for (column, len) in [
        ("communes.dep", c.dep.len()),
        ("communes.nom", c.nom.len()),
        ("communes.population", c.population.len()),
        ("communes.cp", c.cp.len()),
        ("communes.epci", c.epci.len()),
    ] {
        if len != n {
            return Err(TerritoriesError::Inconsistent(column.to_owned()));
        }
    }
    let e = &raw.epci;
    let m = e.code.len();
    for (column, len) in [
        ("epci.nom", e.nom.len()),
        ("epci.type", e.kind.len()),
        ("epci.population", e.population.len()),
    ] {
        if len != m {
            return Err(TerritoriesError::Inconsistent(column.to_owned()));
        }
    }

    let mut entries = Vec::with_capacity(n + m);
    let mut members: Vec<Vec<String>> = vec![Vec::new(); m];
    let mut departements: Vec<Vec<String>> = vec![Vec::new(); m];
    for i in 0..n {
        let code = format!("{}{}", c.dep[i], c.code[i]);
        if let Some(group) = c.epci[i] {
            let (Some(list), Some(deps)) = (members.get_mut(group), departements.get_mut(group))
            else {
                return Err(TerritoriesError::Inconsistent(format!(
                    "communes.epci[{i}]"
                )));
            };
            list.push(code.clone());
            if !deps.contains(&c.dep[i]) {
                deps.push(c.dep[i].clone());
            }
        }
        entries.push(Entry {
            kind: TerritoryKind::Commune,
            code,
            name: c.nom[i].clone(),
            population: c.population[i],
            postal_codes: c.cp[i].split_whitespace().map(str::to_owned).collect(),
            departements: vec![c.dep[i].clone()],
            members: Vec::new(),
        });
    }
    for (j, (list, mut deps)) in members.into_iter().zip(departements).enumerate() {
        let kind = match e.kind[j].as_str() {
            "CC" => TerritoryKind::Cc,
            "CA" => TerritoryKind::Ca,
            "CU" => TerritoryKind::Cu,
            "METRO" | "MET69" => TerritoryKind::Metropole,
            _ => return Err(TerritoriesError::Inconsistent(format!("epci.type[{j}]"))),
        };
        deps.sort();
        entries.push(Entry {
            kind,
            code: e.code[j].clone(),
            name: e.nom[j].clone(),
            population: Some(e.population[j]),
            postal_codes: Vec::new(),
            departements: deps,
            members: list,
        });
    }
    let index = entries
        .iter()
        .map(|entry| Folded {
            name: fold(&entry.name),
            code: entry.code.to_ascii_lowercase(),
        })
        .collect();
    let by_code = entries
        .iter()
        .enumerate()
        .map(|(i, entry)| (entry.code.clone(), i))
        .collect();
    Ok(Territories {
        year: raw.year,
        source: raw.source,
        entries,
        index,
        by_code,
    })
}

impl Territories {
    /// How many communes and EPCI the data holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the data holds nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry at `index` (as [`Territories::search_indices`] gives).
    pub fn get(&self, index: usize) -> Option<&Entry> {
        self.entries.get(index)
    }

    /// The commune of this INSEE code, or the EPCI of this SIREN.
    pub fn by_code(&self, code: &str) -> Option<&Entry> {
        self.by_code.get(code).map(|&i| &self.entries[i])
    }

    /// At most [`MAX_RESULTS`] communes and EPCI matching `query`, best first (see
    /// [`Territories::search_indices`]).
    pub fn search(&self, query: &str) -> Vec<&Entry> {
        self.search_indices(query)
            .into_iter()
            .map(|i| &self.entries[i])
            .collect()
    }

    /// The indices of at most [`MAX_RESULTS`] entries matching `query`, best first.
    ///
    /// The query is folded (case, accents and punctuation ignored) and cut into words, which
    /// may come in any order; every word must match (words that all hold digits are one code
    /// typed in groups). A word with a digit matches the start
    /// of the INSEE code or SIREN, of a postal code, or a whole département code (`35`,
    /// `2a`); any other word matches the start of a word of the name (`st` and `ste` also
    /// match « saint », « sainte »). Ranking: the whole query equal to a code (INSEE, SIREN or
    /// postal) first, then the whole query equal to the name, then the rest; within each,
    /// the larger population first (EPCI and communes alike), then the name.
    pub fn search_indices(&self, query: &str) -> Vec<usize> {
        let folded = fold(query);
        let whole_code: String = folded.split(' ').collect();
        let mut words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            return Vec::new();
        }
        // A code typed in groups (« 243 500 139 ») is one code.
        if words.len() > 1 && words.iter().all(|w| w.bytes().any(|b| b.is_ascii_digit())) {
            words = vec![whole_code.as_str()];
        }
        let mut hits: Vec<(u8, std::cmp::Reverse<u32>, usize)> = Vec::new();
        for (i, (entry, key)) in self.entries.iter().zip(&self.index).enumerate() {
            if !words.iter().all(|w| matches_word(entry, key, w)) {
                continue;
            }
            let tier = if key.code == whole_code || entry.postal_codes.contains(&whole_code) {
                0
            } else if key.name == folded {
                1
            } else {
                2
            };
            hits.push((tier, std::cmp::Reverse(entry.population.unwrap_or(0)), i));
        }
        hits.sort_by(|a, b| {
            (a.0, a.1)
                .cmp(&(b.0, b.1))
                .then_with(|| self.index[a.2].name.cmp(&self.index[b.2].name))
                .then_with(|| a.2.cmp(&b.2))
        });
        hits.into_iter().take(MAX_RESULTS).map(|h| h.2).collect()
    }

    /// The plan's territory for `entry`, with this data's year and source (see [`territory`]).
    pub fn territory(&self, entry: &Entry) -> Territory {
        territory(entry, self.year, &self.source)
    }
}

/// Whether one folded query word matches an entry (see [`Territories::search_indices`]).
fn matches_word(entry: &Entry, key: &Folded, word: &str) -> bool {
    if word.bytes().any(|b| b.is_ascii_digit()) {
        return key.code.starts_with(word)
            || entry.postal_codes.iter().any(|p| p.starts_with(word))
            || entry
                .departements
                .iter()
                .any(|d| d.eq_ignore_ascii_case(word));
    }
    let saint = match word {
        "st" => Some("saint"),
        "ste" => Some("sainte"),
        _ => None,
    };
    key.name
        .split(' ')
        .any(|n| n.starts_with(word) || saint.is_some_and(|s| n == s))
}

/// The plan's territory for an entry of the data: its name, kind, population municipale,
/// code (INSEE or SIREN), where that population comes from (`year`, `source`: the data's, see
/// [`Territories`]) and, for an EPCI, its member communes. What the law asks of it then
/// follows from [`Territory::obligations`].
pub fn territory(entry: &Entry, year: u16, source: &str) -> Territory {
    Territory {
        name: entry.name.clone(),
        kind: entry.kind,
        population: entry.population,
        code: Some(entry.code.clone()),
        official: entry.population.map(|_| OfficialPopulation {
            measure: PopulationMeasure::Municipale,
            year,
            source: source.to_owned(),
        }),
        members: entry.members.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed extract of the real data (`node .ci/territories.mjs extract`).
    fn extract() -> Territories {
        let text = include_str!("../../tests/fixtures/decoupage-extrait.json");
        parse(text).expect("the extract parses")
    }

    fn names(found: &[&Entry]) -> Vec<String> {
        found.iter().map(|e| e.name.clone()).collect()
    }

    #[test]
    fn rennes_metropole_is_a_metropole_of_about_474_000_with_43_communes_and_owes_a_reen_strategy()
    {
        let data = extract();
        let entry = data.by_code("243500139").expect("Rennes Métropole");
        assert_eq!(entry.name, "Rennes Métropole");
        let t = data.territory(entry);
        assert_eq!(t.kind, TerritoryKind::Metropole);
        let population = t.population.expect("a population");
        assert!(
            (470_000..480_000).contains(&population),
            "about 474 000: {population}"
        );
        assert_eq!(t.members.len(), 43);
        assert!(
            t.members.contains(&"35238".to_owned()),
            "Rennes is a member"
        );
        assert_eq!(t.code.as_deref(), Some("243500139"));
        let official = t.official.clone().expect("official population");
        assert_eq!(official.measure, PopulationMeasure::Municipale);
        assert_eq!(official.year, 2026);
        assert!(official.source.contains("Etalab"), "{}", official.source);
        let o = t.obligations();
        assert_eq!(o.reen_strategy, Some(true));
        assert_eq!(o.pcaet, Some(true));
        assert_eq!(entry.departements, ["35"]);
    }

    #[test]
    fn a_commune_of_800_inhabitants_owes_no_reen_strategy_nor_pcaet() {
        let data = extract();
        let entry = data.by_code("35075").expect("Chauvigné");
        let t = data.territory(entry);
        assert_eq!(t.name, "Chauvigné");
        assert_eq!(t.kind, TerritoryKind::Commune);
        assert!((700..900).contains(&t.population.expect("population")));
        assert!(t.members.is_empty());
        assert_eq!(t.obligations().reen_strategy, Some(false));
        assert_eq!(t.obligations().pcaet, Some(false));
    }

    #[test]
    fn a_community_of_communes_of_22_000_owes_a_pcaet_but_no_reen_strategy() {
        let data = extract();
        let t = data.territory(data.by_code("200070688").expect("CC Couesnon"));
        assert_eq!(t.kind, TerritoryKind::Cc);
        assert!(
            t.members.contains(&"35075".to_owned()),
            "Chauvigné is a member"
        );
        assert_eq!(t.obligations().reen_strategy, Some(false));
        assert_eq!(t.obligations().pcaet, Some(true));
    }

    #[test]
    fn search_by_name_ignores_case_accents_and_word_order_and_takes_prefixes() {
        let data = extract();
        assert_eq!(names(&data.search("Rennes Mét"))[0], "Rennes Métropole");
        assert_eq!(
            names(&data.search("metropole RENNES"))[0],
            "Rennes Métropole"
        );
        assert_eq!(
            names(&data.search("rennes le chateau")),
            ["Rennes-le-Château"]
        );
        assert_eq!(names(&data.search("st malo")), ["Saint-Malo"]);
        // The exact name before larger territories that only start with it.
        let nant = names(&data.search("Nant"));
        assert_eq!(nant[0], "Nant", "{nant:?}");
        assert!(nant.contains(&"Nantes Métropole".to_owned()), "{nant:?}");
        // Otherwise the larger first, EPCI and communes alike.
        let rennes = names(&data.search("renn"));
        assert_eq!(rennes[..2], ["Rennes Métropole", "Rennes"], "{rennes:?}");
        assert!(data.search("").is_empty());
        assert!(data.search("  ' ").is_empty());
        assert!(data.search("xyzzy").is_empty());
    }

    #[test]
    fn search_by_postal_code_insee_code_and_siren() {
        let data = extract();
        assert_eq!(names(&data.search("35000")), ["Rennes"]);
        assert_eq!(names(&data.search("35238")), ["Rennes"]);
        assert_eq!(names(&data.search("243500139")), ["Rennes Métropole"]);
        assert_eq!(names(&data.search(" 243 500 139 ")), ["Rennes Métropole"]);
        assert_eq!(names(&data.search("2a004")), ["Ajaccio"]);
        // A code's start: the larger first, at most ten.
        let dept = data.search("35");
        assert_eq!(dept.len(), MAX_RESULTS);
        assert_eq!(dept[0].name, "Rennes Métropole");
        // A name and a département together.
        assert_eq!(
            names(&data.search("nantes 44"))[..2],
            ["Nantes Métropole", "Nantes"]
        );
        assert!(data.search("rennes 44").is_empty());
    }

    #[test]
    fn the_metropole_de_lyon_and_unpopulated_territories_are_read() {
        let data = extract();
        let lyon = data.by_code("200046977").expect("Métropole de Lyon");
        assert_eq!(lyon.kind, TerritoryKind::Metropole);
        let empty = data
            .by_code("98411")
            .expect("Îles Saint-Paul et Nouvelle-Amsterdam");
        let t = data.territory(empty);
        assert_eq!(t.population, None);
        assert_eq!(t.official, None);
        assert_eq!(t.obligations().reen_strategy, None);
    }

    #[test]
    fn a_damaged_or_foreign_file_is_an_error_not_a_panic() {
        assert!(matches!(parse("{"), Err(TerritoriesError::NotJson(_))));
        assert!(matches!(parse("[]"), Err(TerritoriesError::NotJson(_))));
        let text = include_str!("../../tests/fixtures/decoupage-extrait.json");
        let newer = text.replacen("\"version\":1", "\"version\":2", 1);
        assert!(matches!(
            parse(&newer),
            Err(TerritoriesError::WrongFormat(_))
        ));
        let short = text.replacen("\"nom\":[\"Rennes-le-Château\",", "\"nom\":[", 1);
        assert_eq!(
            parse(&short).unwrap_err(),
            TerritoriesError::Inconsistent("communes.nom".to_owned())
        );
        let bad_index = text.replacen("\"epci\":[null,", "\"epci\":[99,", 1);
        assert!(matches!(
            parse(&bad_index),
            Err(TerritoriesError::Inconsistent(_))
        ));
        let message = parse("{").unwrap_err().to_string();
        assert!(message.contains("line 1"), "{message}");
    }
}
