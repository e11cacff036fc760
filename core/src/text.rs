//! Text normalisation used to match what people type against the kit's vocabulary.

/// Whether `s` shows nothing: only spaces and invisible characters (zero-width spaces and
/// joiners, word joiner, byte-order mark, soft hyphen). A name made of these would be an
/// actor nobody can see or pick.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
            )
    })
}

/// Folds `s` for loose comparison: lower case, French accents removed, every run of
/// non-alphanumeric characters turned into one space, trimmed.
///
/// `"  Niveau d'ENGAGEMENT estimé "` → `"niveau d engagement estime"`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = strip_accent(c);
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    }
    out
}

/// Removes the accent from the lower-case letters French uses; other characters pass through.
fn strip_accent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' => 'a',
        'ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ÿ' => 'y',
        'œ' => 'o',
        'æ' => 'a',
        _ => c,
    }
}

/// Earliest and latest years a date of the plan may have: anything else is a typing slip
/// (a five-digit year, « 0202 » for « 2026 ») that would stretch the roadmap over centuries.
pub const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// Reads a day typed in a date field (`YYYY-MM-DD`): blank gives `Ok(None)` (no date),
/// a plausible day `Ok(Some(day))`; anything else an error message in French, so the caller
/// keeps the previous value.
pub fn parse_day(text: &str) -> Result<Option<chrono::NaiveDate>, &'static str> {
    use chrono::Datelike;
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let day: chrono::NaiveDate = text
        .parse()
        .map_err(|_| crate::i18n::t("errors.date.invalid"))?;
    if YEARS.contains(&day.year()) {
        Ok(Some(day))
    } else {
        Err(crate::i18n::t("errors.date.out_of_range"))
    }
}

/// Reads a day as spreadsheets write it: `30/06/2027` (French), `2027-06-30` (ISO); `None`
/// for anything else or an implausible year (see [`YEARS`]).
pub fn parse_sheet_day(text: &str) -> Option<chrono::NaiveDate> {
    use chrono::{Datelike, NaiveDate};
    let text = text.trim();
    let day = text.parse::<NaiveDate>().ok().or_else(|| {
        let mut parts = text.split('/').map(|p| p.trim().parse::<u32>().ok());
        let (d, m, y) = (parts.next()??, parts.next()??, parts.next()??);
        if parts.next().is_some() {
            return None;
        }
        NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
    })?;
    YEARS.contains(&day.year()).then_some(day)
}

/// A day as French spreadsheets write it, `30/06/2027` (read back by [`parse_sheet_day`]).
pub fn sheet_day(day: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    // By hand: chrono's strftime machinery weighs about 30 KB of wasm.
    format!("{:02}/{:02}/{}", day.day(), day.month(), day.year())
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn invisible_characters_alone_are_blank() {
        use super::is_blank;
        assert!(is_blank(" \u{200B}\u{FEFF} \u{AD}\t"));
        assert!(is_blank(""));
        assert!(!is_blank("\u{200B}Envie 35"));
    }

    #[test]
    fn spreadsheet_days_read_in_both_writings() {
        use super::{parse_sheet_day, sheet_day};
        let day = chrono::NaiveDate::from_ymd_opt(2027, 6, 30).unwrap();
        assert_eq!(parse_sheet_day("30/06/2027"), Some(day));
        assert_eq!(parse_sheet_day(" 2027-06-30 "), Some(day));
        assert_eq!(parse_sheet_day(&sheet_day(day)), Some(day));
        assert_eq!(parse_sheet_day("31/02/2027"), None);
        assert_eq!(parse_sheet_day("30/06/0202"), None);
        assert_eq!(parse_sheet_day("juin"), None);
    }

    #[test]
    fn fold_ignores_case_accents_and_punctuation() {
        assert_eq!(
            fold("  Niveau d'ENGAGEMENT estimé "),
            "niveau d engagement estime"
        );
        assert_eq!(
            fold("Référent identifié et contact"),
            "referent identifie et contact"
        );
        assert_eq!(fold("Élu"), "elu");
        assert_eq!(fold("—"), "");
    }
}

/// A day as French readers write it: `30/06/2027`.
pub fn french_date(day: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:02}/{:02}/{}", day.day(), day.month(), day.year())
}

/// An amount in whole euros as people type it in a budget: « 18000 », « 18 000 € », « 1,5 k€ »,
/// « 1.5k », « 2 M€ », « 750 EUR ». A comma is the decimal mark (French); spaces of any kind
/// separate thousands. `None` for anything else: a negative or non-whole amount, letters, an
/// empty text — the caller keeps the stored value and says why.
pub fn parse_euros(text: &str) -> Option<u64> {
    let mut t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\u{a0}')
        .collect::<String>()
        .to_lowercase();
    // i18n: not UI (currency marks as typed)
    for unit in ["euros", "euro", "eur", "€"] {
        if let Some(rest) = t.strip_suffix(unit) {
            t = rest.to_owned();
            break;
        }
    }
    let (number, factor) = match t.chars().last()? {
        'k' => (&t[..t.len() - 1], 1e3),
        'm' => (&t[..t.len() - 1], 1e6),
        _ => (t.as_str(), 1.0),
    };
    if number.is_empty()
        || !number
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let value: f64 = number.replace(',', ".").parse().ok()?;
    let euros = value * factor;
    let whole = euros.round();
    ((euros - whole).abs() < 1e-6 && (0.0..1e15).contains(&whole)).then_some(whole as u64)
}

/// A day as readers of the display language write it: « 30/06/2027 » in French, "30 Jun 2027"
/// in English (spelt-out months avoid the day/month ambiguity between British and American
/// readers). Files keep [`french_date`].
pub fn short_date(day: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    match crate::i18n::lang() {
        crate::i18n::Lang::Fr => french_date(day),
        crate::i18n::Lang::En => {
            let months = crate::i18n::t("domain.months_short");
            let month = months
                .split(' ')
                .nth(day.month0() as usize)
                .unwrap_or_default();
            format!("{} {month} {}", day.day(), day.year())
        }
    }
}

#[cfg(test)]
mod date_tests {
    use crate::i18n::{set_lang, Lang};

    #[test]
    fn short_dates_follow_the_language() {
        let day = chrono::NaiveDate::from_ymd_opt(2027, 6, 3).expect("valid day");
        assert_eq!(super::short_date(day), "03/06/2027");
        set_lang(Lang::En);
        assert_eq!(super::short_date(day), "3 Jun 2027");
        set_lang(Lang::Fr);
    }

    #[test]
    fn amounts_read_as_people_type_them_in_a_budget() {
        use super::parse_euros;
        for (typed, euros) in [
            ("18000", 18_000),
            ("18 000 €", 18_000),
            ("18\u{202f}000\u{a0}€", 18_000),
            ("1,5 k€", 1_500),
            ("1.5k", 1_500),
            ("2 M€", 2_000_000),
            ("750 EUR", 750),
            ("12 euros", 12),
            ("0", 0),
        ] {
            assert_eq!(parse_euros(typed), Some(euros), "{typed}");
        }
        for wrong in ["", "€", "-500", "1,25", "douze", "1e3", "k", "1,5 kg"] {
            assert_eq!(parse_euros(wrong), None, "{wrong}");
        }
    }
}
