//! The French and English catalogues say the same things, every message the code asks for
//! exists, and no sentence is left written in the code instead of a catalogue.
//!
//! Each test names the file and key (or line) to fix.

use atelier_core::i18n::{parse_catalogue, placeholders, Lang, MODULES};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

fn module_keys(json: &str) -> HashMap<String, String> {
    serde_json::from_str(json).expect("catalogue parses (see catalogues_parse)")
}

#[test]
fn catalogues_parse() {
    for lang in Lang::ALL {
        if let Err(e) = parse_catalogue(lang) {
            panic!("{e}");
        }
    }
}

#[test]
fn every_message_exists_in_both_languages_with_the_same_placeholders() {
    let mut problems = Vec::new();
    for (module, fr, en) in MODULES {
        let (fr, en) = (module_keys(fr), module_keys(en));
        for (key, text) in &fr {
            match en.get(key) {
                None => problems.push(format!("locales/en/{module}.json lacks `{key}`")),
                Some(english) if placeholders(text) != placeholders(english) => problems.push(
                    format!("`{module}.{key}`: placeholders differ: « {text} » vs \"{english}\""),
                ),
                Some(_) => {}
            }
        }
        for key in en.keys().filter(|k| !fr.contains_key(*k)) {
            problems.push(format!("locales/fr/{module}.json lacks `{key}`"));
        }
        for (lang, entries) in [("fr", &fr), ("en", &en)] {
            for (key, text) in entries {
                if text.trim().is_empty() {
                    problems.push(format!("locales/{lang}/{module}.json: `{key}` is empty"));
                }
                if let Some(stem) = key.strip_suffix(".one") {
                    if !entries.contains_key(&format!("{stem}.other")) {
                        problems.push(format!(
                            "locales/{lang}/{module}.json: `{key}` has no `.other`"
                        ));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Messages that are the same in both languages on purpose (names, codes).
const SAME_IN_BOTH: &[&str] = &[
    "common.app_name",
    // An actor type of the example plan: "repair café" is English too.
    "example.actors.repair.type",
    // Product names and file extensions.
    "share.sheets.ods",
    "share.sheets.xlsx",
];

#[test]
fn english_messages_are_translated_not_copied() {
    let mut problems = Vec::new();
    for (module, fr, en) in MODULES {
        let (fr, en) = (module_keys(fr), module_keys(en));
        for (key, text) in &fr {
            let full = format!("{module}.{key}");
            if en.get(key) == Some(text)
                && text.contains(' ')
                && !SAME_IN_BOTH.contains(&full.as_str())
            {
                problems.push(format!(
                    "`{full}` is the French text in English: « {text} »"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Rust files of the app (`src/`) and of the core (`core/src/`).
fn sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut dirs = vec![root.join("src"), root.join("../src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("source folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The code of a file without its test module (tests may well quote French text).
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("readable source");
    text.split("#[cfg(test)]")
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// The string literal starting right after `open` (just past its opening quote).
fn literal_at(text: &str, open: usize) -> Option<&str> {
    let rest = &text[open..];
    let mut escaped = false;
    for (i, c) in rest.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some(&rest[..i]),
            _ => escaped = false,
        }
    }
    None
}

#[test]
fn every_key_the_code_asks_for_exists() {
    let catalogue = parse_catalogue(Lang::Fr).expect("catalogue parses");
    let mut problems = Vec::new();
    for path in sources() {
        // Comment lines left out: docstrings show example keys.
        let code: String = code_of(&path)
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for (call, counted) in [("t(\"", false), ("tf(\"", false), ("tn(\"", true)] {
            for (at, _) in code.match_indices(call) {
                let before = code[..at].chars().next_back().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' {
                    continue; // e.g. `set(" …` or `format(" …`
                }
                let Some(key) = literal_at(&code, at + call.len()) else {
                    continue;
                };
                let wanted: Vec<String> = if counted {
                    vec![format!("{key}.one"), format!("{key}.other")]
                } else {
                    vec![key.to_owned()]
                };
                for key in wanted.into_iter().filter(|k| !catalogue.contains_key(k)) {
                    problems.push(format!("{}: no message `{key}`", path.display()));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Files whose French text is data, not interface:
const FRENCH_DATA_FILES: &[&str] = &[
    // The catalogue machinery itself (autonyms, test samples).
    "core/src/i18n.rs",
];

/// Capitalised words that are names the browser gives (keys, data types), not text.
const TECHNICAL: &[&str] = &[
    "Escape",
    "Enter",
    "Tab",
    "Home",
    "End",
    "PageUp",
    "PageDown",
    "ArrowLeft",
    "ArrowRight",
    "ArrowUp",
    "ArrowDown",
    "Backspace",
    "Delete",
    "Files",
    "Space",
    "Control+Z",
];

/// A sentence or label written in French: accented letters, guillemets, a French word, or a
/// capitalised word (« Statut », « Supprimer »).
fn looks_french(literal: &str) -> bool {
    let mut chars = literal.chars();
    let capitalised = matches!((chars.next(), chars.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase());
    if capitalised && !TECHNICAL.contains(&literal) {
        return true;
    }
    const MARKS: &str = "àâçéèêëîïôûùüÿœæÀÂÇÉÈÊËÎÏÔÛÙÜŒ«»";
    const WORDS: &[&str] = &[
        "le", "la", "les", "de", "des", "du", "un", "une", "et", "ou", "pour", "avec", "sur",
        "dans", "au", "aux", "est", "sont", "pas", "ce", "cette", "vos", "votre", "par",
    ];
    literal.chars().any(|c| MARKS.contains(c))
        || literal
            .split(|c: char| !c.is_alphabetic())
            .any(|w| WORDS.contains(&w.to_lowercase().as_str()))
            && literal.contains(' ')
}

/// Text a user would read must come from a catalogue. A literal that only looks French (a
/// stored code, a CSV column the kit names) is allowed by writing `i18n: not UI` in a comment
/// on its line or the line above.
#[test]
fn no_french_sentence_is_left_in_the_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let root = root.canonicalize().expect("repo root");
    let mut problems = Vec::new();
    for path in sources() {
        let path = path.canonicalize().expect("source path");
        let relative = path.strip_prefix(&root).unwrap_or(&path);
        let name = relative.to_string_lossy().replace('\\', "/");
        if FRENCH_DATA_FILES.contains(&name.as_str()) {
            continue;
        }
        let code = code_of(&path);
        let mut previous = "";
        for (number, line) in code.lines().enumerate() {
            let trimmed = line.trim_start();
            let allowed = line.contains("i18n: not UI") || previous.contains("i18n: not UI");
            previous = line;
            if allowed || trimmed.starts_with("//") || trimmed.starts_with("#[") {
                continue;
            }
            let mut rest = line;
            while let Some(open) = rest.find('"') {
                let after = &rest[open + 1..];
                let Some(literal) = literal_at(after, 0) else {
                    break;
                };
                if looks_french(literal) {
                    problems.push(format!("{name}:{}: \"{literal}\"", number + 1));
                }
                rest = &after[literal.len() + 1..];
            }
        }
    }
    let mut files: BTreeSet<&str> = BTreeSet::new();
    for p in &problems {
        files.insert(p.split(':').next().unwrap_or(""));
    }
    assert!(
        problems.is_empty(),
        "{} French literals in {} files:\n{}",
        problems.len(),
        files.len(),
        problems.join("\n")
    );
}
