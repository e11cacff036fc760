//! The display language (French first, English second) and the message catalogues.
//!
//! Every sentence the app shows lives in `core/locales/<lang>/<module>.json`: one flat JSON
//! object per module, whose keys are prefixed with the module name when looked up (the key
//! `title` of `actors.json` is `actors.title`). French is the reference: a key missing in
//! English falls back to French, then to the key itself, and `core/tests/i18n.rs` fails on
//! any key present in one language and not the other.
//!
//! Messages may hold named placeholders, `{name}`, filled by [`tf`]. Counted messages come in
//! two keys, `<key>.one` and `<key>.other`, chosen by [`tn`] with each language's rule.
//!
//! The current language is the one piece of ambient state in the core: the UI sets it once
//! at start and on each change ([`set_lang`]), so that labels and error messages built deep
//! in the domain (`Family::label`, `ImportError`'s `Display`) speak the user's language
//! without a parameter threaded through every call. Native tests run in French, the default.

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt::Display;
use std::sync::OnceLock;

/// A display language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Français, the default: the kit and its users are French.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Every language, French first.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The BCP 47 code set on `<html lang>` and kept in settings: `fr`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The language for a code from [`Lang::code`] (or a browser tag such as `en-GB`).
    pub fn from_code(code: &str) -> Option<Lang> {
        let main = code.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == main)
    }

    /// The locale given to the browser's `Intl` for numbers and dates.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::Fr => "fr-FR",
            Lang::En => "en-GB",
        }
    }

    /// The language's name in itself (« Français », "English"), for the language switch.
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }

    /// Whether `n` takes the singular form: French puts 0 and 1 in the singular
    /// (« 0 acteur »), English only 1.
    fn singular(self, n: u64) -> bool {
        match self {
            Lang::Fr => n <= 1,
            Lang::En => n == 1,
        }
    }
}

#[cfg(feature = "embedded-locales")]
macro_rules! module {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../locales/fr/", $name, ".json")),
            include_str!(concat!("../locales/en/", $name, ".json")),
        )
    };
}

/// The catalogue files, by module, as `(module, French JSON, English JSON)`. Compiled in with
/// the `embedded-locales` feature (native builds, tests, the unsplit browser build); the split
/// browser build instead fetches one merged file per language before it mounts, written by
/// `.ci/post-build.mjs` from the same files, and hands it to [`install`].
#[cfg(feature = "embedded-locales")]
pub const MODULES: &[(&str, &str, &str)] = &[
    module!("common"),
    module!("home"),
    module!("context"),
    module!("actors"),
    module!("circles"),
    module!("actions"),
    module!("conclusion"),
    module!("share"),
    module!("report"),
    module!("projector"),
    module!("kit"),
    module!("domain"),
    module!("errors"),
    module!("state"),
    module!("example"),
    module!("opendata"),
    module!("statements"),
];

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::Fr) };
}

/// Sets the language of every message built from now on (in this thread).
pub fn set_lang(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// The current display language.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// What `label` says in every language whose messages are at hand (a file exported in
/// English, read in a French session: its labels are recognised all the same).
pub fn in_every_language(label: impl Fn() -> String) -> Vec<String> {
    let current = lang();
    let all = Lang::ALL
        .into_iter()
        .map(|l| {
            set_lang(l);
            label()
        })
        .collect();
    set_lang(current);
    all
}

/// One language's messages, full key (`module.key`) → text.
pub type Catalogue = HashMap<String, String>;

/// Parses one language's catalogue files. Errors name the file and serde's position; the
/// files are compiled in, so `core/tests/i18n.rs` catches an error before any user could.
#[cfg(feature = "embedded-locales")]
pub fn parse_catalogue(lang: Lang) -> Result<Catalogue, String> {
    let mut all = Catalogue::new();
    for (module, fr, en) in MODULES {
        let text = if lang == Lang::Fr { fr } else { en };
        let entries: HashMap<String, String> = serde_json::from_str(text)
            .map_err(|e| format!("locales/{}/{module}.json: {e}", lang.code()))?;
        all.extend(
            entries
                .into_iter()
                .map(|(k, v)| (format!("{module}.{k}"), v)),
        );
    }
    Ok(all)
}

/// The modules of a language's first bundle: what the first screen (the plan list, the shell,
/// the notices) shows. The split browser build fetches this bundle before it mounts and the
/// rest ([`Bundle::Rest`]) before the first part of the app downloaded on first use runs.
pub const FIRST_MODULES: [&str; 3] = ["common", "home", "state"];

/// One of the two files a language's messages come in (see [`FIRST_MODULES`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    /// `common`, `home` and `state`.
    First,
    /// Every other module.
    Rest,
}

/// Installed bundles, by language then bundle: a French session never reads the English ones.
static INSTALLED: [[OnceLock<Catalogue>; 2]; 2] = [
    [OnceLock::new(), OnceLock::new()],
    [OnceLock::new(), OnceLock::new()],
];

/// The compiled-in catalogue of `lang`, parsed on first use.
#[cfg(feature = "embedded-locales")]
fn embedded(lang: Lang) -> &'static Catalogue {
    static EMBEDDED: [OnceLock<Catalogue>; 2] = [OnceLock::new(), OnceLock::new()];
    // A broken catalogue shows keys instead of words rather than stopping the app.
    EMBEDDED[lang as usize].get_or_init(|| parse_catalogue(lang).unwrap_or_default())
}

/// The message `key` in `lang`, if that language has it (compiled in or installed).
fn lookup(lang: Lang, key: &str) -> Option<&'static String> {
    #[cfg(feature = "embedded-locales")]
    if let Some(text) = embedded(lang).get(key) {
        return Some(text);
    }
    INSTALLED[lang as usize]
        .iter()
        .find_map(|bundle| bundle.get()?.get(key))
}

/// Installs one bundle of `lang`'s messages from a merged file: one flat JSON object of full
/// keys (`"actors.title": "…"`), as the build writes `locale-<code>-<bundle>-<hash>.json`.
/// A bundle already installed keeps its messages. Errors: serde's message, with the position
/// in the file.
pub fn install(lang: Lang, bundle: Bundle, merged: &str) -> Result<(), String> {
    let entries: Catalogue = serde_json::from_str(merged).map_err(|e| e.to_string())?;
    install_messages(lang, bundle, entries);
    Ok(())
}

/// Installs one bundle of `lang`'s messages already parsed (the browser parses the file with
/// its own JSON parser). A bundle already installed keeps its messages.
pub fn install_messages(lang: Lang, bundle: Bundle, messages: Catalogue) {
    let _ = INSTALLED[lang as usize][bundle as usize].set(messages);
}

/// Whether that bundle of `lang`'s messages is at hand (compiled in, or installed).
pub fn is_installed(lang: Lang, bundle: Bundle) -> bool {
    cfg!(feature = "embedded-locales") || INSTALLED[lang as usize][bundle as usize].get().is_some()
}

/// The message `key` (e.g. `"actors.title"`) in `lang`; French if English lacks it; the key
/// itself if no language has it, so that a missing message shows where it is missing.
pub fn text_in(lang: Lang, key: &str) -> &str {
    lookup(lang, key)
        .or_else(|| lookup(Lang::Fr, key))
        .map_or(key, String::as_str)
}

/// The message `key` in the current language (see [`text_in`]).
pub fn t(key: &'static str) -> &'static str {
    text_in(lang(), key)
}

/// The text of a key built at run time, or `None` when no catalogue has it (a value with
/// no label of its own, shown as it is).
pub fn t_opt(key: &str) -> Option<&'static str> {
    lookup(lang(), key)
        .or_else(|| lookup(Lang::Fr, key))
        .map(String::as_str)
}

/// Like [`t`] for a key built at run time (e.g. `format!("domain.family.{code}")`); the
/// returned text lives as long as the catalogue, that is for the whole run.
pub fn t_dyn(key: &str) -> &'static str {
    let found = lookup(lang(), key).or_else(|| lookup(Lang::Fr, key));
    match found {
        Some(text) => text.as_str(),
        // Leaked once per missing key and call: only reachable when a catalogue is incomplete,
        // which the i18n tests forbid.
        None => Box::leak(key.to_owned().into_boxed_str()),
    }
}

/// The message `key` with its `{name}` placeholders replaced by `args`, e.g.
/// `tf("actors.deleted", &[("name", &actor.name)])`. Unknown placeholders stay as written.
pub fn tf(key: &'static str, args: &[(&str, &dyn Display)]) -> String {
    fill(t(key), args)
}

/// A counted message: `<key>.one` or `<key>.other` by the language's plural rule, with `{n}`
/// set to `n` written the language's way (« 12 500 », "12,500") and the other `args` filled.
pub fn tn(key: &'static str, n: u64, args: &[(&str, &dyn Display)]) -> String {
    let lang = lang();
    let form = if lang.singular(n) { "one" } else { "other" };
    let template = t_dyn(&format!("{key}.{form}"));
    let count = number(n);
    let mut all: Vec<(&str, &dyn Display)> = vec![("n", &count)];
    all.extend_from_slice(args);
    fill(template, &all)
}

/// A whole number written the current language's way: « 12 500 » (narrow no-break space) in
/// French, "12,500" in English.
pub fn number(n: u64) -> String {
    let sep = match lang() {
        Lang::Fr => "\u{202f}",
        Lang::En => ",",
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len());
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(d);
    }
    out
}

/// Replaces each `{name}` of `template` by its value in `args`.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        let mark = format!("{{{name}}}");
        if out.contains(&mark) {
            out = out.replace(&mark, &value.to_string());
        }
    }
    out
}

/// The `{name}` placeholders of a message, sorted; used to check that both languages of a
/// key take the same arguments.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_'))
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_rules_differ_between_french_and_english() {
        assert!(Lang::Fr.singular(0) && Lang::Fr.singular(1) && !Lang::Fr.singular(2));
        assert!(!Lang::En.singular(0) && Lang::En.singular(1) && !Lang::En.singular(2));
    }

    #[test]
    fn numbers_are_grouped_the_language_way() {
        set_lang(Lang::Fr);
        assert_eq!(number(12_500), "12\u{202f}500");
        assert_eq!(number(999), "999");
        set_lang(Lang::En);
        assert_eq!(number(1_234_567), "1,234,567");
        set_lang(Lang::Fr);
    }

    #[test]
    fn placeholders_are_filled_by_name() {
        let n = 3;
        assert_eq!(
            fill("{n} acteurs pour {who}", &[("who", &"Rennes"), ("n", &n)]),
            "3 acteurs pour Rennes"
        );
        assert_eq!(placeholders("{b} et {a}, {a} {}"), vec!["a", "b"]);
    }

    #[test]
    fn a_missing_key_shows_itself() {
        assert_eq!(text_in(Lang::En, "nowhere.nothing"), "nowhere.nothing");
    }

    #[test]
    fn codes_and_browser_tags_give_a_language() {
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("de"), None);
    }
}
