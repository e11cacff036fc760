//! ADEME's « Acteurs de l'économie circulaire » export (Que faire de mes objets et déchets):
//! its columns and how a row maps to the kit.
//!
//! Format (source: `docs/reference/opendata/exposure-opendata-acteur.md` and the dbt model
//! `data-platform/dbt/models/exposure/acteurs/opendata/exposure_opendata_acteur.sql`,
//! github.com/incubateur-ademe/quefairedemesobjets): UTF-8 CSV, comma-separated, quoted where
//! needed; 43 or 44 columns (`rapporter` was added later); one row per actor with `identifiant`
//! (stable), `paternite` (the attribution the licence requires), `nom`, `nom_commercial`,
//! `siren`, `siret`, `type_dacteur`, `code_commune` (INSEE), `code_epci` (SIREN), one column
//! per action listing its sub-categories separated by `|`, the same as JSON in
//! `propositions_de_services`, and `date_de_derniere_modification` (`YYYY-MM-DD`).

use super::mapping::{self, KitPlace};
use super::{cell, day, header_positions, insee_code, siren, siret_or_siren, Dataset, Row};
use crate::Subtype;

/// The headers that recognise the file (all required).
pub(super) const REQUIRED: [&str; 5] = [
    "identifiant",
    "paternite",
    "nom",
    "type_dacteur",
    "code_commune",
];

/// Positions of the columns a row is read from.
pub(super) struct Columns {
    id: Option<usize>,
    attribution: Option<usize>,
    name: Option<usize>,
    commercial_name: Option<usize>,
    siren: Option<usize>,
    siret: Option<usize>,
    description: Option<usize>,
    actor_type: Option<usize>,
    commune: Option<usize>,
    epci: Option<usize>,
    city: Option<usize>,
    date: Option<usize>,
    /// Per-action columns present, by action code.
    actions: Vec<(&'static str, usize)>,
    propositions: Option<usize>,
}

impl Columns {
    /// The columns of a header (lower-case, trimmed); `None` unless every [`REQUIRED`] header
    /// is there.
    pub(super) fn new(headers: &[String]) -> Option<Columns> {
        let at = header_positions(headers, &REQUIRED)?;
        Some(Columns {
            id: at("identifiant"),
            attribution: at("paternite"),
            name: at("nom"),
            commercial_name: at("nom_commercial"),
            siren: at("siren"),
            siret: at("siret"),
            description: at("description"),
            actor_type: at("type_dacteur"),
            commune: at("code_commune"),
            epci: at("code_epci"),
            city: at("ville"),
            date: at("date_de_derniere_modification"),
            actions: mapping::ADEME_ACTIONS
                .iter()
                .filter_map(|&(code, _)| at(code).map(|i| (code, i)))
                .collect(),
            propositions: at("propositions_de_services"),
        })
    }
}

/// One entry of `propositions_de_services`.
#[derive(serde::Deserialize)]
struct Proposition {
    action: String,
    #[serde(default)]
    sous_categories: Vec<String>,
}

/// The actions of a row and their sub-categories: from the per-action columns, or from
/// `propositions_de_services` when the file has no such column. A JSON cell that does not
/// parse counts as no action.
fn actions(c: &Columns, fields: &[&str]) -> Vec<(String, Vec<String>)> {
    if c.actions.is_empty() {
        let json = cell(fields, c.propositions);
        if json.is_empty() {
            return Vec::new();
        }
        return serde_json::from_str::<Vec<Proposition>>(json)
            .map(|list| {
                list.into_iter()
                    .map(|p| (p.action, p.sous_categories))
                    .collect()
            })
            .unwrap_or_default();
    }
    c.actions
        .iter()
        .filter_map(|&(code, i)| {
            let subcategories: Vec<String> = cell(fields, Some(i))
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            (!subcategories.is_empty()).then(|| (code.to_owned(), subcategories))
        })
        .collect()
}

/// Maps a record to a [`Row`]; `None` when it has no `identifiant` or no name at all.
pub(super) fn row(c: &Columns, fields: &[&str], line: u64) -> Option<Row> {
    let id = cell(fields, c.id);
    let legal_name = cell(fields, c.name);
    let commercial = cell(fields, c.commercial_name);
    let name = if legal_name.is_empty() {
        commercial
    } else {
        legal_name
    };
    if id.is_empty() || name.is_empty() {
        return None;
    }
    let actions = actions(c, fields);
    let digital = actions
        .iter()
        .any(|(_, subs)| subs.iter().any(|s| mapping::is_digital_subcategory(s)));
    let nr_action_types =
        mapping::ademe_nr_types(actions.iter().map(|(a, s)| (a.as_str(), s.as_slice())));
    let code = cell(fields, c.actor_type);
    let (actor_type, place) = match mapping::ademe_actor_type(code) {
        Some(known) => (known.label.to_owned(), known.place),
        None => (code.to_owned(), KitPlace::UNSORTED),
    };
    let siret =
        siret_or_siren(cell(fields, c.siret)).or_else(|| siret_or_siren(cell(fields, c.siren)));
    Some(Row {
        dataset: Dataset::AdemeCircular,
        line,
        id: id.to_owned(),
        name: name.to_owned(),
        commercial_name: (!commercial.is_empty() && commercial != name)
            .then(|| commercial.to_owned()),
        siret,
        commune: insee_code(cell(fields, c.commune)),
        epci: siren(cell(fields, c.epci)),
        city: cell(fields, c.city).to_owned(),
        description: cell(fields, c.description).to_owned(),
        attribution: cell(fields, c.attribution).to_owned(),
        digital,
        family: place.family,
        subtype: mapping::second_life_or_other(place, digital).map(|s| Subtype::Kit(s.to_owned())),
        actor_type,
        nr_action_types,
        public_body: place.public_body(),
        date: day(cell(fields, c.date)),
    })
}

/// The header of ADEME's export, as in `tests/fixtures/ademe-acteurs-economie-circulaire-extrait.csv`.
const HEADER: &str = "identifiant,paternite,identifiants_des_contributeurs,nom,nom_commercial,siren,siret,description,type_dacteur,site_web,telephone,adresse,complement_dadresse,code_postal,ville,code_commune,code_epci,nom_epci,latitude,longitude,perimetreadomicile,qualites_et_labels,public_accueilli,reprise,exclusivite_de_reprisereparation,uniquement_sur_rdv,type_de_services,consignes_dacces,horaires_description,horaires_osm,lieu_prestation,propositions_de_services,emprunter,preter,louer,mettreenlocation,reparer,donner,trier,echanger,revendre,acheter,date_de_derniere_modification";

/// An ADEME-shaped CSV of `n` rows with the export's 43 columns, for benchmarks and tests:
/// deterministic (no randomness), about 900 bytes a row, with what real exports have
/// (quoted JSON, accents, a multi-line description every 7th row).
///
/// Row `i` (from 0) is in Rennes Métropole (EPCI `243500139`, communes 35238, 35051, 35047 in
/// turn) when `i % 10 == 0`, else in Vitré Communauté (`200039022`, commune 35360); it acts on
/// digital equipment (repairs computers and screens, sells phones second-hand) unless
/// `i % 3 == 0` (then bikes, clothes and furniture). Its `identifiant` is `bench` and `i` on
/// 7 digits.
pub fn ademe_like(n: usize) -> String {
    use std::fmt::Write;
    const TYPES: [&str; 7] = [
        "ess",
        "artisan",
        "commerce",
        "decheterie",
        "collectivite",
        "acteur_digital",
        "pav_prive",
    ];
    const RENNES: [&str; 3] = ["35238", "35051", "35047"];
    // EPCI, its name, city, postcode.
    // i18n: not UI (test data)
    const INSIDE: [&str; 4] = ["243500139", "Rennes Métropole", "Rennes", "35000"];
    // i18n: not UI (test data)
    const OUTSIDE: [&str; 4] = ["200039022", "Vitré Communauté", "Vitré", "35500"];
    let mut out = String::with_capacity(HEADER.len() + 1 + n * 950);
    out.push_str(HEADER);
    out.push('\n');
    for i in 0..n {
        let (commune, [epci, epci_name, city, postcode]) = if i % 10 == 0 {
            (RENNES[i / 10 % 3], INSIDE)
        } else {
            ("35360", OUTSIDE)
        };
        let digital = i % 3 != 0;
        let (repair, sell, give) = if digital {
            (
                "materiel_informatique|ecran",
                "smartphone_tablette_et_console",
                "",
            )
        } else {
            ("velo|vetement", "", "meuble")
        };
        let mut propositions = format!(
            "[{{\"\"action\"\": \"\"reparer\"\", \"\"sous_categories\"\": [\"\"{}\"\"]}}",
            repair.replace('|', "\"\", \"\"")
        );
        if !sell.is_empty() {
            let _ = write!(
                propositions,
                ", {{\"\"action\"\": \"\"acheter\"\", \"\"sous_categories\"\": [\"\"{sell}\"\"]}}"
            );
        }
        if !give.is_empty() {
            let _ = write!(
                propositions,
                ", {{\"\"action\"\": \"\"donner\"\", \"\"sous_categories\"\": [\"\"{give}\"\"]}}"
            );
        }
        propositions.push(']');
        let description = if i % 7 == 0 {
            // i18n: not UI (test data)
            "\"Réparation, réemploi et vente d'occasion ;\nateliers « répar'café » le samedi.\""
        } else {
            // i18n: not UI (test data)
            "Réparation et réemploi d'objets du quotidien."
        };
        let commercial = if i % 4 == 0 {
            // i18n: not UI (test data)
            format!("Boutique {i}")
        } else {
            String::new()
        };
        let siret = if i % 5 == 0 {
            format!("{:014}", 10_000_000_000_000u64 + i as u64)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            // i18n: not UI (test data in the export's format)
            "bench{i:07},Que faire de mes objets et déchets|ADEME,\"[{{\"\"ADEME\"\": \"\"BENCH-{i:07}\"\"}}]\",ACTEUR DE TEST {i},{commercial},,{siret},{description},{ty},https://acteur{i}.example,,{street} rue de l'Exemple,,{postcode},{city},{commune},{epci},{epci_name},48.1{lat:04},-1.6{lat:04},,ess|reparacteur,Particuliers et professionnels,,false,false,service_de_reparation|structure_de_collecte,,mercredi 10h00-18h00 samedi 10h00-18h00,,SUR_PLACE,\"{propositions}\",,,,,{repair},{give},,,,{sell},2026-10-05",
            ty = TYPES[i % TYPES.len()],
            street = i % 200 + 1,
            lat = i % 10_000,
        );
    }
    out
}
