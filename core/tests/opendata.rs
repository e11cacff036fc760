//! Importing open data into a plan, on the fixtures of `tests/fixtures/`: what a user of
//! Rennes Métropole would check after importing ADEME's circular-economy actors and the
//! digital-inclusion places.

use atelier_core::census::read_census;
use atelier_core::ids::{CounterIds, IdGen};
use atelier_core::opendata::{
    ademe_like, detect, to_actor, update_from, Dataset, Filter, Match, Matcher, OpenDataError,
    Reader, Row, Summary,
};
use atelier_core::provenance::{ActorField, Origin, Stamp};
use atelier_core::{Actor, Family, FoundBy, Subtype, Territory, TerritoryKind};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeSet;

const ADEME: &str =
    include_str!("../../tests/fixtures/ademe-acteurs-economie-circulaire-extrait.csv");
const INCLUSION: &str = include_str!("../../tests/fixtures/lieux-mediation-numerique-extrait.csv");
const CENSUS: &str = include_str!("../../tests/fixtures/recensement-acteurs-exemple.csv");

/// The member communes the inclusion fixture names for Rennes Métropole. Eight of its rows are
/// in them (two in Rennes), not seven as its README says.
const MEMBERS: [&str; 7] = [
    "35238", "35051", "35047", "35024", "35281", "35055", "35210",
];

fn rennes_metropole() -> Territory {
    Territory {
        name: "Rennes Métropole".into(),
        kind: TerritoryKind::Metropole,
        code: Some("243500139".into()),
        members: MEMBERS.iter().map(|c| c.to_string()).collect(),
        ..Territory::default()
    }
}

fn read(text: &str, filter: &Filter, chunk: usize) -> Result<(Summary, Vec<Row>), OpenDataError> {
    let mut reader = Reader::new();
    let mut rows = Vec::new();
    for part in text.as_bytes().chunks(chunk) {
        reader.push(part, |r| filter.keeps(r), &mut rows)?;
    }
    let summary = reader.finish(|r| filter.keeps(r), &mut rows)?;
    Ok((summary, rows))
}

fn ids(rows: &[Row]) -> Vec<&str> {
    rows.iter().map(|r| r.id.as_str()).collect()
}

/// The ids of the ADEME fixture's rows whose per-action columns name a digital sub-category,
/// read with the `csv` crate (another parser than the import's).
fn ademe_rows_naming_digital_equipment() -> BTreeSet<String> {
    let mut file = csv::Reader::from_reader(ADEME.as_bytes());
    let headers = file.headers().unwrap().clone();
    let actions = [
        "emprunter",
        "preter",
        "louer",
        "mettreenlocation",
        "reparer",
        "donner",
        "trier",
        "echanger",
        "revendre",
        "acheter",
    ];
    file.records()
        .map(|r| r.unwrap())
        .filter(|r| {
            headers.iter().zip(r.iter()).any(|(h, v)| {
                actions.contains(&h)
                    && v.split('|').any(|s| {
                        [
                            "materiel_informatique",
                            "smartphone_tablette_et_console",
                            "ecran",
                        ]
                        .contains(&s)
                    })
            })
        })
        .map(|r| r[0].to_owned())
        .collect()
}

#[test]
fn the_ademe_filter_keeps_the_territory_and_its_digital_actors() {
    let mut filter = Filter::for_territory(&rennes_metropole());
    assert_eq!(filter.epci.as_deref(), Some("243500139"));
    assert!(filter.digital_only, "digital only by default");

    filter.digital_only = false;
    let (summary, rows) = read(ADEME, &filter, 4096).unwrap();
    assert_eq!(
        (summary.dataset, summary.rows, summary.kept),
        (Dataset::AdemeCircular, 12, 11)
    );
    assert_eq!(rows.len(), 11);
    assert!(!ids(&rows).contains(&"exempleActeur0012"), "Vitré is out");

    // By the EPCI code alone, as ADEME rows give it.
    let epci_only = Filter {
        communes: None,
        ..filter.clone()
    };
    assert_eq!(read(ADEME, &epci_only, 4096).unwrap().0.kept, 11);

    filter.digital_only = true;
    let (summary, rows) = read(ADEME, &filter, 4096).unwrap();
    let kept: BTreeSet<String> = rows.iter().map(|r| r.id.clone()).collect();
    let mut expected = ademe_rows_naming_digital_equipment();
    expected.remove("exempleActeur0012");
    assert_eq!(kept, expected);
    assert_eq!(summary.kept, 9);
    for gone in ["exempleActeur0006", "exempleActeur0010"] {
        assert!(!kept.contains(gone), "{gone}: clothes and shoes only");
    }
}

#[test]
fn the_inclusion_filter_keeps_the_member_communes() {
    let filter = Filter::for_territory(&rennes_metropole());
    assert!(filter.locates(Dataset::InclusionPlaces));
    let (summary, rows) = read(INCLUSION, &filter, 100).unwrap();
    assert_eq!(
        (summary.dataset, summary.rows, summary.kept),
        (Dataset::InclusionPlaces, 10, 8)
    );
    let communes: BTreeSet<&str> = rows.iter().filter_map(|r| r.commune.as_deref()).collect();
    assert_eq!(communes, MEMBERS.into_iter().collect());
    for outside in ["lieu-0008", "lieu-0009"] {
        assert!(
            !ids(&rows).contains(&outside),
            "{outside} is in Saint-Malo or Vitré"
        );
    }

    // The inclusion places name no EPCI: the EPCI code alone cannot place them.
    let epci_only = Filter {
        communes: None,
        ..filter.clone()
    };
    assert!(!epci_only.locates(Dataset::InclusionPlaces));
    assert_eq!(read(INCLUSION, &epci_only, 100).unwrap().0.kept, 0);

    // A list the user edits.
    let edited = filter.with_communes(["35238", "35288"]);
    let (_, rows) = read(INCLUSION, &edited, 100).unwrap();
    assert_eq!(ids(&rows), ["lieu-0001", "lieu-0002", "lieu-0008"]);
}

#[test]
fn a_commune_plan_keeps_its_own_commune() {
    let territory = Territory {
        name: "Bruz".into(),
        kind: TerritoryKind::Commune,
        code: Some("35047".into()),
        ..Territory::default()
    };
    let (_, rows) = read(INCLUSION, &Filter::for_territory(&territory), 100).unwrap();
    assert_eq!(ids(&rows), ["lieu-0004"]);
}

/// (family, kit subtype, type as stored, public body, NR action types) of a row.
type Kit<'a> = (Family, Option<&'a str>, &'a str, bool, Vec<&'a str>);

fn kit_of(row: &Row) -> Kit<'_> {
    let subtype = match &row.subtype {
        Some(Subtype::Kit(code)) => Some(code.as_str()),
        Some(Subtype::Custom(label)) => Some(label.as_str()),
        None => None,
    };
    let types = row.nr_action_types.iter().map(String::as_str).collect();
    (
        row.family,
        subtype,
        row.actor_type.as_str(),
        row.public_body,
        types,
    )
}

#[test]
fn each_ademe_type_maps_as_the_table_says() {
    use Family::*;
    let (_, rows) = read(
        ADEME,
        &Filter {
            digital_only: false,
            ..Filter::default()
        },
        4096,
    )
    .unwrap();
    let reuse_repair_refurbish = vec!["Réemploi", "Réparation", "Reconditionnement"];
    let expected: [(&str, Kit); 12] = [
        (
            "exempleActeur0001",
            (
                Association,
                Some("nr_associations"),
                "Association, entreprise de l'ESS",
                false,
                reuse_repair_refurbish.clone(),
            ),
        ),
        (
            "exempleActeur0002",
            (
                Company,
                Some("nr_companies"),
                "artisan, commerce indépendant",
                false,
                vec!["Réparation"],
            ),
        ),
        (
            "exempleActeur0003",
            (
                Association,
                Some("nr_associations"),
                "Association, entreprise de l'ESS",
                false,
                vec!["Réemploi"],
            ),
        ),
        (
            "exempleActeur0004",
            (
                Association,
                Some("nr_associations"),
                "Association, entreprise de l'ESS",
                false,
                vec!["Réparation"],
            ),
        ),
        (
            "exempleActeur0005",
            (
                Company,
                Some("nr_companies"),
                "commerce",
                false,
                reuse_repair_refurbish.clone(),
            ),
        ),
        (
            "exempleActeur0006",
            (
                Association,
                Some("other_associations"),
                "Association, entreprise de l'ESS",
                false,
                vec![],
            ),
        ),
        (
            "exempleActeur0007",
            (
                Public,
                None,
                "déchèterie",
                true,
                vec!["Collecte et recyclage"],
            ),
        ),
        (
            "exempleActeur0008",
            (
                Public,
                None,
                "collectivité, établissement public",
                true,
                vec!["Collecte et recyclage"],
            ),
        ),
        (
            "exempleActeur0009",
            (
                Association,
                Some("nr_associations"),
                "Association, entreprise de l'ESS",
                false,
                reuse_repair_refurbish,
            ),
        ),
        (
            "exempleActeur0010",
            (
                Company,
                Some("other_companies"),
                "artisan, commerce indépendant",
                false,
                vec![],
            ),
        ),
        (
            "exempleActeur0011",
            (
                Company,
                Some("nr_companies"),
                "commerce",
                false,
                vec!["Réemploi"],
            ),
        ),
        (
            "exempleActeur0012",
            (
                Association,
                Some("nr_associations"),
                "Association, entreprise de l'ESS",
                false,
                vec!["Réemploi"],
            ),
        ),
    ];
    assert_eq!(rows.len(), expected.len());
    for (row, (id, kit)) in rows.iter().zip(expected) {
        assert_eq!(row.id, id);
        assert_eq!(kit_of(row), kit, "{id}");
        assert_eq!(
            row.attribution, "Que faire de mes objets et déchets|ADEME",
            "{id}"
        );
        assert_eq!(row.date, NaiveDate::from_ymd_opt(2026, 10, 5), "{id}");
    }
    let envie = &rows[0];
    assert_eq!(
        (envie.name.as_str(), envie.display_name()),
        ("ASSOCIATION ENVIE 35", "Envie 35")
    );
    assert_eq!(
        (envie.commune.as_deref(), envie.epci.as_deref()),
        (Some("35238"), Some("243500139"))
    );
    assert_eq!(envie.city, "Rennes");
    assert!(envie
        .description
        .starts_with("Reconditionnement d'équipements"));
}

#[test]
fn an_unknown_ademe_type_is_left_to_sort() {
    let text = ADEME.replacen(",artisan,", ",nouveau_type,", 1);
    let (_, rows) = read(
        &text,
        &Filter {
            digital_only: false,
            ..Filter::default()
        },
        4096,
    )
    .unwrap();
    let row = rows.iter().find(|r| r.id == "exempleActeur0002").unwrap();
    assert_eq!(
        kit_of(row),
        (
            Family::Unsorted,
            None,
            "nouveau_type",
            false,
            vec!["Réparation"]
        )
    );
}

#[test]
fn each_inclusion_typology_maps_as_the_table_says() {
    use Family::*;
    let (_, rows) = read(INCLUSION, &Filter::default(), 4096).unwrap();
    let library = "Bibliothèque / Médiathèque";
    let expected = [
        ("lieu-0001", (Public, None, library, true)),
        (
            "lieu-0002",
            (Public, Some("commune"), "Municipalités", true),
        ),
        (
            "lieu-0003",
            (
                Association,
                Some("other_associations"),
                "Associations",
                false,
            ),
        ),
        ("lieu-0004", (Unsorted, None, "Centre social", false)),
        (
            "lieu-0005",
            (Public, Some("commune"), "Municipalités", true),
        ),
        (
            "lieu-0006",
            (Unsorted, None, "Tiers lieu & coworking", false),
        ),
        (
            "lieu-0007",
            (Public, Some("commune"), "Municipalités", true),
        ),
        (
            "lieu-0008",
            (Public, Some("commune"), "Municipalités", true),
        ),
        (
            "lieu-0009",
            (
                Association,
                Some("other_associations"),
                "Associations",
                false,
            ),
        ),
        ("lieu-0010", (Public, None, library, true)),
    ];
    assert_eq!(rows.len(), expected.len());
    for (row, (id, (family, subtype, label, public))) in rows.iter().zip(expected) {
        assert_eq!(row.id, id);
        assert_eq!(
            kit_of(row),
            (family, subtype, label, public, vec!["Inclusion numérique"]),
            "{id}"
        );
        assert!(row.digital, "{id}");
        assert_eq!(
            row.attribution,
            "Exemple · Lieux de médiation numérique (ANCT / La MedNum), Licence Ouverte 2.0"
        );
        assert_eq!(row.commercial_name, None);
        assert_eq!(row.epci, None);
    }
    assert_eq!(rows[0].siret.as_deref(), Some("21350238800019"));
    assert_eq!(rows[0].date, NaiveDate::from_ymd_opt(2026, 5, 12));
    assert_eq!(
        rows[2].description,
        "Réparation et don d'ordinateurs reconditionnés, ateliers pour seniors."
    );

    // A place selling computers at solidarity prices is reuse too.
    let solidarity = INCLUSION.replacen(
        "\"Aide aux démarches administratives\"",
        "\"Acquisition de matériel informatique à prix solidaire\"",
        1,
    );
    let (_, rows) = read(&solidarity, &Filter::default(), 4096).unwrap();
    let types: Vec<&str> = rows[1].nr_action_types.iter().map(String::as_str).collect();
    assert_eq!(
        (rows[1].id.as_str(), types),
        ("lieu-0002", vec!["Inclusion numérique", "Réemploi"])
    );
}

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap()
}

/// What an import did to the plan's actors.
#[derive(Debug, Default, PartialEq)]
struct Outcome {
    added: usize,
    updated: usize,
    unchanged: usize,
    possible: usize,
}

/// A plan's actors and the imports into them.
struct Plan {
    actors: Vec<Actor>,
    ids: CounterIds,
    filter: Filter,
}

impl Plan {
    /// An import as the browser runs it: match each kept row, add the new ones, update the
    /// others (the user accepting every possible match).
    fn import(&mut self, text: &str, file: &str, day: Option<NaiveDate>, when: i64) -> Outcome {
        let (_, rows) = read(text, &self.filter, 65_536).unwrap();
        let mut matcher = Matcher::new(&self.actors);
        let mut outcome = Outcome::default();
        for row in &rows {
            let id = match matcher.find(row) {
                Match::New => {
                    let actor = to_actor(row, self.ids.new_id(), file, day, at(when));
                    matcher.insert(&actor);
                    self.actors.push(actor);
                    outcome.added += 1;
                    continue;
                }
                Match::Name {
                    id,
                    confirmed: false,
                } => {
                    outcome.possible += 1;
                    id
                }
                Match::Source(id) | Match::Siret(id) | Match::Name { id, .. } => id,
            };
            let Some(existing) = self.actors.iter_mut().find(|a| a.id == id) else {
                panic!("matched actor {id} is in the plan");
            };
            let updated = update_from(existing, row, file, day, at(when));
            if updated == *existing {
                outcome.unchanged += 1;
            } else {
                *existing = updated;
                outcome.updated += 1;
            }
        }
        outcome
    }
}

fn added(n: usize) -> Outcome {
    Outcome {
        added: n,
        ..Outcome::default()
    }
}

fn unchanged(n: usize) -> Outcome {
    Outcome {
        unchanged: n,
        ..Outcome::default()
    }
}

#[test]
fn a_second_import_of_the_same_files_updates_and_adds_nothing() {
    let mut plan = Plan {
        actors: Vec::new(),
        ids: CounterIds::default(),
        filter: Filter::for_territory(&rennes_metropole()),
    };
    let day = NaiveDate::from_ymd_opt(2026, 10, 6);
    assert_eq!(
        plan.import(ADEME, "acteurs.csv", day, 1_790_000_000),
        added(9)
    );
    assert_eq!(
        plan.import(INCLUSION, "lieux.csv", day, 1_790_000_100),
        added(8)
    );
    assert_eq!(plan.actors.len(), 17);

    let before = plan.actors.clone();
    assert_eq!(
        plan.import(ADEME, "acteurs.csv", day, 1_790_100_000),
        unchanged(9)
    );
    assert_eq!(
        plan.import(INCLUSION, "lieux.csv", day, 1_790_100_100),
        unchanged(8)
    );
    assert_eq!(plan.actors, before, "nothing added, nothing changed");

    // A newer export where one actor changed its description: that actor is updated.
    let newer = ADEME.replace(
        "Reconditionnement d'équipements électriques et informatiques.",
        "Reconditionnement et vente d'ordinateurs.",
    );
    let next = NaiveDate::from_ymd_opt(2027, 1, 4);
    let outcome = plan.import(&newer, "acteurs-2027.csv", next, 1_800_000_000);
    let expected = Outcome {
        updated: 1,
        unchanged: 8,
        ..Outcome::default()
    };
    assert_eq!(outcome, expected);
    assert_eq!(plan.actors.len(), 17);
    let envie = plan.actors.iter().find(|a| a.name == "Envie 35").unwrap();
    assert_eq!(
        envie.description,
        "Reconditionnement et vente d'ordinateurs."
    );
    assert_eq!(
        envie.origins[&ActorField::Description].at,
        at(1_800_000_000)
    );
    assert_eq!(envie.found_on, day, "found when first imported");
    let source = envie.source.as_ref().unwrap();
    assert_eq!(
        (source.file.as_str(), source.file_date),
        ("acteurs-2027.csv", next)
    );
}

#[test]
fn a_new_actor_keeps_its_source_and_stamps_what_it_set() {
    let (_, rows) = read(ADEME, &Filter::default(), 4096).unwrap();
    let when = at(1_790_000_000);
    let day = NaiveDate::from_ymd_opt(2026, 10, 6);
    let actor = to_actor(
        &rows[0],
        CounterIds::default().new_id(),
        "acteurs.csv",
        day,
        when,
    );
    assert_eq!(actor.name, "Envie 35");
    assert_eq!(
        (actor.family, actor.subtype.clone()),
        (
            Family::Association,
            Some(Subtype::Kit("nr_associations".into()))
        )
    );
    assert_eq!(
        (actor.found_by, actor.found_on),
        (Some(FoundBy::OpenData), day)
    );
    assert_eq!(
        actor.found_by.unwrap().label(),
        "Recherche (données ouvertes)"
    );
    let source = actor.source.as_ref().unwrap();
    assert_eq!(source.dataset, Dataset::AdemeCircular);
    assert_eq!(source.id, "exempleActeur0001");
    assert_eq!(
        source.attribution,
        "Que faire de mes objets et déchets|ADEME"
    );
    assert_eq!(source.commune.as_deref(), Some("35238"));
    assert_eq!(
        (source.file.as_str(), source.file_date),
        ("acteurs.csv", day)
    );
    let stamped: Vec<ActorField> = actor.origins.keys().copied().collect();
    assert_eq!(
        stamped,
        [
            ActorField::Name,
            ActorField::ActorType,
            ActorField::Family,
            ActorField::Subtype,
            ActorField::NrActionTypes,
            ActorField::Description,
            ActorField::FoundBy,
            ActorField::FoundOn
        ]
    );
    let expected = Stamp {
        at: when,
        origin: Origin::OpenData {
            dataset: Dataset::AdemeCircular,
            file: "acteurs.csv".into(),
        },
    };
    assert!(actor.origins.values().all(|s| *s == expected));
    assert_eq!(
        actor.engagement,
        atelier_core::EngagementLevel::NotIdentified
    );
}

#[test]
fn what_the_user_typed_survives_a_newer_file() {
    let (_, rows) = read(ADEME, &Filter::default(), 4096).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 10, 6);
    let mut actor = to_actor(
        &rows[0],
        CounterIds::default().new_id(),
        "acteurs.csv",
        day,
        at(1),
    );
    actor.description = "Partenaire de la ville depuis 2019.".into();
    actor.family = Family::Company;
    actor.subtype = Some(Subtype::Kit("nr_companies".into()));
    for field in [
        ActorField::Description,
        ActorField::Family,
        ActorField::Subtype,
    ] {
        actor.origins.insert(
            field,
            Stamp {
                at: at(2),
                origin: Origin::Typed,
            },
        );
    }
    let mut newer = rows[0].clone();
    newer.description = "Nouvelle description.".into();
    newer.name = "ENVIE 35 RENNES".into();
    newer.commercial_name = None;
    let updated = update_from(&actor, &newer, "acteurs-2027.csv", day, at(3));
    assert_eq!(updated.description, "Partenaire de la ville depuis 2019.");
    assert_eq!(
        (updated.family, updated.subtype.clone()),
        (Family::Company, Some(Subtype::Kit("nr_companies".into())))
    );
    assert_eq!(
        updated.name, "ENVIE 35 RENNES",
        "the name came from open data: refreshed"
    );
    assert_eq!(updated.origins[&ActorField::Name].at, at(3));
    assert_eq!(
        updated.origins[&ActorField::Description],
        Stamp {
            at: at(2),
            origin: Origin::Typed
        }
    );
}

#[test]
fn envie_35_of_the_census_is_recognised_as_already_there() {
    let census = read_census(CENSUS, &mut CounterIds::default()).unwrap();
    let envie = census.actors.iter().find(|a| a.name == "Envie 35").unwrap();
    let matcher = Matcher::new(&census.actors);
    let (_, rows) = read(ADEME, &Filter::for_territory(&rennes_metropole()), 4096).unwrap();
    let found: Vec<(&str, Match)> = rows
        .iter()
        .map(|r| (r.id.as_str(), matcher.find(r)))
        .filter(|(_, m)| *m != Match::New)
        .collect();
    assert_eq!(
        found,
        [(
            "exempleActeur0001",
            Match::Name {
                id: envie.id,
                confirmed: false
            }
        )]
    );

    // Accepting it fills what the census left empty and keeps what it said.
    let updated = update_from(envie, &rows[0], "acteurs.csv", None, at(1));
    assert_eq!(updated.name, "Envie 35");
    assert_eq!(updated.description, envie.description);
    assert_eq!(updated.nr_action_types, envie.nr_action_types);
    assert_eq!(
        updated.source.as_ref().map(|s| s.id.as_str()),
        Some("exempleActeur0001")
    );
}

#[test]
fn matches_follow_source_then_private_siret_then_name() {
    let mut ids = CounterIds::default();
    let (_, places) = read(INCLUSION, &Filter::default(), 4096).unwrap();
    let when = at(1);
    let library = to_actor(&places[0], ids.new_id(), "lieux.csv", None, when);
    let association = {
        // The same association, imported earlier from ADEME under another name.
        let mut a = Actor::new(ids.new_id(), "Numérique solidaire Cesson");
        a.source = Some(atelier_core::opendata::SourceRef {
            dataset: Dataset::AdemeCircular,
            id: "ademe-42".into(),
            attribution: "Que faire de mes objets et déchets|ADEME".into(),
            siret: Some("881234567".into()),
            commune: Some("35051".into()),
            file: "acteurs.csv".into(),
            file_date: None,
        });
        a
    };
    let homonym = Actor::new(ids.new_id(), "BUS NUMÉRIQUE ITINÉRANT (EXEMPLE)");
    let matcher = Matcher::new(&[library.clone(), association.clone(), homonym.clone()]);

    assert_eq!(matcher.find(&places[0]), Match::Source(library.id));
    // Same SIREN as the association's: a private body.
    assert_eq!(matcher.find(&places[2]), Match::Siret(association.id));
    // The France services desk has Rennes' SIRET, as the library does: no match by SIRET.
    assert_eq!(places[1].siret, places[0].siret);
    assert_eq!(matcher.find(&places[1]), Match::New);
    // Same name, no commune to confirm it.
    assert_eq!(
        matcher.find(&places[6]),
        Match::Name {
            id: homonym.id,
            confirmed: false
        }
    );
    // A name confirmed by the commune of its source.
    let mut known = places[5].clone();
    known.id = "another-id".into();
    known.dataset = Dataset::AdemeCircular;
    known.siret = None;
    let named = to_actor(&known, ids.new_id(), "acteurs.csv", None, when);
    let matcher = Matcher::new(std::slice::from_ref(&named));
    assert_eq!(
        matcher.find(&places[5]),
        Match::Name {
            id: named.id,
            confirmed: true
        }
    );
    // Another row of the same dataset is another actor, whatever its name.
    let mut twin = places[0].clone();
    twin.id = "lieu-9999".into();
    assert_eq!(Matcher::new(&[library]).find(&twin), Match::New);
}

#[test]
fn a_hundred_thousand_rows_stream_in_64_kib_chunks() {
    let n = 100_000;
    let text = ademe_like(n);
    assert_eq!(
        detect(text.lines().next().unwrap()),
        Some(Dataset::AdemeCircular)
    );
    let filter = Filter::for_territory(&rennes_metropole());
    let start = std::time::Instant::now();
    let (summary, rows) = read(&text, &filter, 64 * 1024).unwrap();
    let elapsed = start.elapsed();
    println!(
        "{n} ADEME-like rows ({:.1} MB) read in 64 KiB chunks in {:.2} s ({} kept)",
        text.len() as f64 / 1e6,
        elapsed.as_secs_f64(),
        summary.kept
    );
    // In Rennes Métropole: every 10th row; digital: all but every 3rd.
    let expected = (0..n).filter(|i| i % 10 == 0 && i % 3 != 0).count() as u64;
    assert_eq!(
        (summary.rows, summary.kept, summary.skipped),
        (n as u64, expected, 0)
    );
    assert_eq!(rows.len() as u64, expected);
    assert_eq!(rows[0].id, "bench0000010");
    assert_eq!(rows[0].nr_action_types, ["Réemploi", "Réparation"]);
    assert!(rows
        .iter()
        .all(|r| r.epci.as_deref() == Some("243500139") && r.digital));
}

#[test]
fn an_actor_without_a_family_gets_the_rows_family_and_subtype() {
    let (_, rows) = read(ADEME, &Filter::default(), 4096).unwrap();
    let mut ids = CounterIds::default();
    let mut bakery = Actor::new(ids.new_id(), "Envie 35");
    bakery.set_actor_type("Boulangerie");
    assert_eq!(bakery.family, Family::Unsorted);
    let updated = update_from(&bakery, &rows[0], "acteurs.csv", None, at(1));
    assert_eq!(
        updated.actor_type, "Boulangerie",
        "a type the census gave is kept"
    );
    assert_eq!(
        (updated.family, updated.subtype),
        (
            Family::Association,
            Some(Subtype::Kit("nr_associations".into()))
        )
    );

    // A subtype the user emptied on purpose stays empty.
    bakery.origins.insert(
        ActorField::Subtype,
        Stamp {
            at: at(0),
            origin: Origin::Typed,
        },
    );
    let updated = update_from(&bakery, &rows[0], "acteurs.csv", None, at(1));
    assert_eq!(
        (updated.family, updated.subtype),
        (Family::Association, None)
    );
}
