//! Actors → CSV, as French Excel and LibreOffice open it: UTF-8 with a BOM (so accents
//! survive), `;` separators, CRLF line ends. The kit's six columns come first, then every
//! other field of an actor ([`Column::ALL`]), so that an exported census reads back whole.

use super::Column;
use crate::text::sheet_day;
use crate::Actor;

/// The byte-order mark Excel needs to read UTF-8.
const BOM: &str = "\u{feff}";

/// A CSV writer as French spreadsheets expect it: `;` separators, CRLF line ends. Finish with
/// [`finish_spreadsheet`]. Shared by every spreadsheet export of the core.
pub(crate) fn spreadsheet_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new())
}

/// The written text, prefixed with the BOM so that Excel reads it as UTF-8.
pub(crate) fn finish_spreadsheet(writer: csv::Writer<Vec<u8>>) -> String {
    // Writing to a Vec cannot fail, and every cell written is a Rust string (valid UTF-8).
    let bytes = writer.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8(bytes).unwrap_or_default())
}

/// Writes `actors` as a census CSV; with no actors it is the blank template (headers only).
///
/// Several NR action types are joined with « | »; referent and contact with « — »; labels
/// are written in the display language, days as `30/06/2027`. A cell that starts with `=`,
/// `+`, `-` or `@` gets a leading apostrophe so that a spreadsheet shows it as text instead
/// of running it as a formula; [`super::read_census`] removes it again.
pub fn write_census(actors: &[Actor]) -> String {
    let mut writer = spreadsheet_writer();
    // Writing to a Vec cannot fail: the results below are infallible in practice.
    let _ = writer.write_record(Column::ALL.map(Column::header));
    for a in actors {
        let row = Column::ALL.map(|c| cell(a, c));
        let _ = writer.write_record(row.iter().map(|cell| neutralise(cell)));
    }
    finish_spreadsheet(writer)
}

/// One cell of `actor`'s row, as written (see [`write_census`]).
pub fn cell(a: &Actor, column: Column) -> String {
    let yes_no = |b: bool| crate::i18n::t(if b { "domain.yes" } else { "domain.no" }).to_owned();
    let source = a.source.as_ref();
    match column {
        Column::ActorType => a.actor_type.clone(),
        Column::Name => a.name.clone(),
        Column::NrActionTypes => a.nr_action_types.join(" | "),
        Column::Description => a.description.clone(),
        Column::Engagement => a.engagement.label().to_owned(),
        Column::ReferentContact => match (a.referent.trim(), a.contact.trim()) {
            (r, "") => r.to_owned(),
            // A leading « — » tells the reader this is a contact, not a referent.
            ("", c) => format!("— {c}"),
            (r, c) => format!("{r} — {c}"),
        },
        Column::Family => a.family.label().to_owned(),
        Column::Subtype => a
            .subtype
            .as_ref()
            .map(|s| s.label().to_owned())
            .unwrap_or_default(),
        Column::Relevance => a
            .relevance
            .map(|r| r.label().to_owned())
            .unwrap_or_default(),
        Column::Circle => a.circle.map(|c| c.number().to_string()).unwrap_or_default(),
        Column::Local => a.local.map(yes_no).unwrap_or_default(),
        Column::PartnerFunder => yes_no(a.partner_funder),
        Column::FoundBy => a.found_by.map(|f| f.label().to_owned()).unwrap_or_default(),
        Column::FoundOn => a.found_on.map(sheet_day).unwrap_or_default(),
        Column::Source => source
            .map(|s| s.dataset.label().to_owned())
            .unwrap_or_default(),
        Column::SourceId => source.map(|s| s.id.clone()).unwrap_or_default(),
        Column::Attribution => source.map(|s| s.attribution.clone()).unwrap_or_default(),
        Column::Siret => source.and_then(|s| s.siret.clone()).unwrap_or_default(),
        Column::Commune => source.and_then(|s| s.commune.clone()).unwrap_or_default(),
    }
}

/// First characters that make a spreadsheet read a cell as a formula (OWASP's list: tab and
/// carriage return too).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Prefixes an apostrophe to a cell a spreadsheet would run as a formula.
pub(crate) fn neutralise(cell: &str) -> String {
    // A cell that already starts with the apostrophe we would add gets one more, so that
    // reading it back removes exactly one.
    let marked = cell
        .strip_prefix('\'')
        .is_some_and(|r| r.starts_with(FORMULA_STARTS));
    if cell.starts_with(FORMULA_STARTS) || marked {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// Inverse of [`neutralise`]: drops the apostrophe before a formula's first character.
pub(crate) fn unneutralise(cell: &str) -> &str {
    let special = |t: &str| t.starts_with(FORMULA_STARTS);
    match cell.strip_prefix('\'') {
        Some(rest) if special(rest) || rest.strip_prefix('\'').is_some_and(special) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::{decode, read_census};
    use crate::ids::CounterIds;
    use crate::{EngagementLevel, Family, IdGen};

    fn round_trip(actors: &[Actor]) -> Vec<Actor> {
        let csv = write_census(actors);
        let (text, _) = decode(csv.as_bytes()).unwrap();
        read_census(&text, &mut CounterIds::default())
            .unwrap()
            .actors
    }

    #[test]
    fn export_then_import_gives_the_same_actors() {
        let fixture = include_bytes!("../../../tests/fixtures/recensement-acteurs-exemple.csv");
        let (text, _) = decode(fixture).unwrap();
        let actors = read_census(&text, &mut CounterIds::default())
            .unwrap()
            .actors;
        let back = round_trip(&actors);
        assert_eq!(back.len(), 16);
        for (a, b) in actors.iter().zip(&back) {
            assert_eq!(
                (
                    &a.name,
                    &a.actor_type,
                    &a.family,
                    &a.nr_action_types,
                    &a.description,
                    &a.engagement,
                    &a.referent,
                    &a.contact
                ),
                (
                    &b.name,
                    &b.actor_type,
                    &b.family,
                    &b.nr_action_types,
                    &b.description,
                    &b.engagement,
                    &b.referent,
                    &b.contact
                )
            );
        }
    }

    #[test]
    fn formulas_are_neutralised_and_come_back_intact() {
        let mut a = Actor::new(CounterIds::default().new_id(), "=HYPERLINK(\"http://x\")");
        a.description = "-20 % d'impressions\nsur deux lignes; avec \"guillemets\"".into();
        a.contact = "@mairie".into();
        a.actor_type = "+PME".into();
        a.engagement = EngagementLevel::Committed;
        let csv = write_census(std::slice::from_ref(&a));
        assert!(csv.starts_with('\u{feff}'));
        assert!(csv.contains("'=HYPERLINK"));
        assert!(csv.contains("\"'-20 %"));
        assert_eq!(
            neutralise("\t=HYPERLINK()"),
            "'\t=HYPERLINK()",
            "a leading tab too"
        );
        assert_eq!(unneutralise("'\t=x"), "\t=x");
        let back = &round_trip(&[a.clone()])[0];
        assert_eq!(back.name, a.name);
        assert_eq!(back.description, a.description);
        assert_eq!(
            (back.referent.as_str(), back.contact.as_str()),
            ("", "@mairie")
        );
        assert_eq!(back.actor_type, "+PME");
        assert_eq!(back.family, Family::Company);
    }

    #[test]
    fn referents_contacts_and_apostrophes_round_trip() {
        let mut ids = CounterIds::default();
        let mut a = Actor::new(ids.new_id(), "'=x");
        a.referent = "Mme Martin".into();
        a.contact = "02 99 00 00 00".into();
        let mut b = Actor::new(ids.new_id(), "B");
        b.contact = "Service achats".into();
        let mut c = Actor::new(ids.new_id(), "C");
        c.contact = "x@y.fr — 0299000000".into();
        c.referent = "Accueil".into();
        let back = round_trip(&[a.clone(), b.clone(), c.clone()]);
        assert_eq!(back[0].name, "'=x");
        assert_eq!(
            (back[0].referent.as_str(), back[0].contact.as_str()),
            ("Mme Martin", "02 99 00 00 00")
        );
        assert_eq!(
            (back[1].referent.as_str(), back[1].contact.as_str()),
            ("", "Service achats")
        );
        assert_eq!(back[2].referent, "Accueil — x@y.fr");
    }

    #[test]
    fn the_blank_template_has_the_kit_s_six_headers_first_then_the_qualification() {
        let csv = write_census(&[]);
        assert_eq!(
            csv,
            "\u{feff}Type d'acteur;Nom de l'acteur;Type d'action Numérique Responsable;\
             Description des actions NR identifiées;Niveau d'engagement estimé;\
             Référent identifié et contact;Famille;Sous-type;Pertinence;Cercle;\
             Implanté sur le territoire;Partenaire ou financeur;Identifié par;Identifié le;\
             Source des données;Identifiant dans la source;Attribution;SIRET;\
             Code commune (INSEE)\r\n"
        );
    }

    #[test]
    fn every_field_of_an_actor_comes_back() {
        use crate::opendata::{Dataset, SourceRef};
        use crate::{Circle, FoundBy, Relevance, Subtype};
        let mut ids = CounterIds::default();
        let mut a = Actor::new(ids.new_id(), "Envie 35");
        a.set_actor_type("Association dans le NR (seconde vie)");
        a.subtype = Some(Subtype::Custom("Ressourceries".into()));
        a.nr_action_types = vec!["Achats".into(), "Sensibilisation".into()];
        a.engagement = EngagementLevel::Driving;
        a.relevance = Some(Relevance::High);
        a.circle = Some(Circle::One);
        a.local = Some(false);
        a.partner_funder = true;
        a.found_by = Some(FoundBy::OpenData);
        a.found_on = chrono::NaiveDate::from_ymd_opt(2026, 10, 5);
        a.source = Some(SourceRef {
            dataset: Dataset::AdemeCircular,
            id: "exempleActeur0001".into(),
            attribution: "Que faire de mes objets et déchets|ADEME".into(),
            siret: Some("12345678900011".into()),
            commune: Some("35238".into()),
            file: String::new(),
            file_date: a.found_on,
        });
        let mut b = Actor::new(ids.new_id(), "Université de Rennes");
        b.set_actor_type("Université");
        b.local = Some(true);
        for lang in crate::i18n::Lang::ALL {
            crate::i18n::set_lang(lang);
            let back = round_trip(&[a.clone(), b.clone()]);
            crate::i18n::set_lang(crate::i18n::Lang::Fr);
            let same = |x: &Actor, y: &Actor| {
                let mut y = y.clone();
                y.id = x.id;
                y.origins = x.origins.clone();
                assert_eq!(&y, x, "in {lang:?}");
            };
            same(&a, &back[0]);
            same(&b, &back[1]);
        }
    }
}
