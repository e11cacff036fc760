//! Share links (« lien de partage »): a whole plan carried in the URL fragment, with no server.
//!
//! Format of the link: `https://…/#partage=` followed by the plan file as compact JSON (not
//! pretty-printed), compressed with deflate in a zlib wrapper (RFC 1950: a 2-byte header, the
//! deflate stream of RFC 1951, then an Adler-32 checksum of the JSON), encoded in base64url
//! without padding (RFC 4648 § 5: letters, digits, `-` and `_`). The fragment never reaches a
//! server: browsers do not send what follows `#`.
//!
//! The zlib wrapper costs 6 bytes (8 characters) over raw deflate; its checksum lets a link
//! garbled in transit be refused as « abîmé » rather than inflate to nonsense.
//!
//! Reading a link applies, in order: base64url, inflation capped at [`MAX_FILE_BYTES`] (so a
//! small link that would inflate to gigabytes is refused), UTF-8, then
//! [`crate::file::parse_plan_file`], the very checks an imported file goes through. Links
//! default to the anonymised plan ([`PlanFile::anonymised`]): the app shares a plan in public.

use crate::file::{parse_plan_file, ImportError, PlanFile, MAX_FILE_BYTES};
use crate::i18n::{t, tf};
use base64::alphabet::URL_SAFE;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::{DecodeError, Engine};
use miniz_oxide::inflate::TINFLStatus;
use std::fmt;

/// What follows `#` in a share link, before the encoded plan.
pub const SHARE_PREFIX: &str = "partage=";

/// Longest encoded plan (characters after `#partage=`) that [`encode`] produces: 10 000.
///
/// A share link is only useful if it survives being pasted into an email or a chat message
/// and stays clickable there. Browsers accept far longer addresses (Chromium about 2 million
/// characters), but the tools people send links with do not: classic Outlook for Windows no
/// longer turns an address of 11 000 characters or more into a working link (Microsoft's
/// answer on its Q&A forum, 2026), and a Microsoft Teams message holds about 28 KB, which is
/// roughly 14 000 characters of plain text once formatting is counted. 10 000 characters for
/// the plan, plus the app's address (under 100 characters), stays below both. That carries the
/// demonstration plan (12 actors, 8 detailed action sheets, 4 mobilisations, 3 needs:
/// 6 676 characters, printed by a test) and a real plan of about 20 actors and 12 sheets of
/// the same detail; beyond that, the app offers the `.json` file.
///
/// En français, pour l'interface : « Un lien de partage est limité à 10 000 caractères pour
/// rester cliquable dans un courriel ou une messagerie (Outlook, Teams) ; au-delà, envoyez
/// le fichier .json du plan. »
pub const MAX_LINK_CHARS: usize = 10_000;

/// Compression level given to miniz_oxide: 10 is its best (« uber ») level. A plan is small,
/// so the extra time is a few milliseconds and every character saved counts in a link.
const LEVEL: u8 = 10;

/// base64url, no padding written; padding tolerated and trailing bits ignored when reading,
/// so that a link retouched by a tool still reads if its data is intact (zlib checks that).
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// Why a share link could not be made or read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing follows `#partage=`.
    Empty,
    /// A character outside base64url (letters, digits, `-`, `_`): `position` counts characters
    /// of the encoded plan from 1. A `%` means the link was percent-encoded by some tool.
    NotBase64 { position: usize, found: char },
    /// The data stops before the end of the compressed plan: the link was cut.
    Truncated,
    /// The data is not a zlib stream, or its checksum does not match: the link was altered.
    Corrupt,
    /// The plan would inflate beyond `limit` bytes ([`MAX_FILE_BYTES`]): refused, as a file of
    /// that size would be (a « decompression bomb » makes a few kilobytes inflate to gigabytes).
    InflatedTooLarge { limit: u64 },
    /// The inflated data is not UTF-8 text.
    NotUtf8,
    /// The text is not a valid plan: the same error an imported file would get.
    Invalid(ImportError),
    /// The plan is too large for a practical link: `chars` is what the link would take,
    /// `limit` is [`MAX_LINK_CHARS`]. The app offers the `.json` file instead.
    TooLarge { chars: usize, limit: usize },
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ShareError::Empty => tf(
                "errors.share.empty",
                &[("prefix", &format!("#{SHARE_PREFIX}"))],
            ),
            ShareError::NotBase64 { position, found } => {
                let args: &[(&str, &dyn fmt::Display)] =
                    &[("found", &found.escape_debug()), ("position", position)];
                if *found == '%' {
                    tf("errors.share.percent_encoded", args)
                } else {
                    tf("errors.share.not_base64", args)
                }
            }
            ShareError::Truncated => t("errors.share.truncated").to_owned(),
            ShareError::Corrupt => t("errors.share.corrupt").to_owned(),
            ShareError::InflatedTooLarge { limit } => tf(
                "errors.share.inflated_too_large",
                &[("limit", &(limit / (1024 * 1024)))],
            ),
            ShareError::NotUtf8 => t("errors.share.not_utf8").to_owned(),
            ShareError::Invalid(e) => tf("errors.share.invalid", &[("error", e)]),
            ShareError::TooLarge { chars, limit } => tf(
                "errors.share.too_large",
                &[("chars", &thousands(*chars)), ("limit", &thousands(*limit))],
            ),
        };
        f.write_str(&text)
    }
}

impl From<ImportError> for ShareError {
    fn from(e: ImportError) -> Self {
        ShareError::Invalid(e)
    }
}

/// `12345` → « 12 345 », with a no-break space as French typography wants ("12,345" in
/// English).
fn thousands(n: usize) -> String {
    let separator = match crate::i18n::lang() {
        crate::i18n::Lang::Fr => '\u{a0}',
        crate::i18n::Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// The encoded plan to put after `#partage=`: compact JSON, zlib-deflated, base64url.
///
/// Pass [`PlanFile::anonymised`] for a public link (the app's default). Errors:
/// [`ShareError::TooLarge`] when the result exceeds [`MAX_LINK_CHARS`].
pub fn encode(file: &PlanFile) -> Result<String, ShareError> {
    // Serialising plain data structs to a String cannot fail.
    let json = serde_json::to_string(file).expect("plan file serialises");
    let encoded = encode_text(&json);
    if encoded.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLarge {
            chars: encoded.len(),
            limit: MAX_LINK_CHARS,
        });
    }
    Ok(encoded)
}

/// Any text, zlib-deflated and base64url-encoded, with no size limit: what [`encode`] does to
/// a plan's JSON. Exposed for tests that feed altered plans to [`decode`].
pub fn encode_text(text: &str) -> String {
    let deflated = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), LEVEL);
    BASE64URL.encode(deflated)
}

/// Reads a share link's plan, validated like an imported file.
///
/// Accepts the text after `#partage=`, and tolerates what pasting adds: whitespace around or
/// inside it (a mail client may wrap a long link), a leading `#`, the `partage=` prefix, or
/// the whole link (what follows its first `#`). Anything else is refused with the first fault:
/// [`ShareError::Empty`], [`ShareError::NotBase64`], [`ShareError::Truncated`],
/// [`ShareError::Corrupt`], [`ShareError::InflatedTooLarge`], [`ShareError::NotUtf8`] or
/// [`ShareError::Invalid`] (from [`parse_plan_file`]). Never panics.
pub fn decode(fragment: &str) -> Result<PlanFile, ShareError> {
    let fragment = fragment.trim();
    let fragment = fragment
        .split_once('#')
        .map_or(fragment, |(_, after)| after);
    let fragment = fragment.trim_start();
    let fragment = fragment.strip_prefix(SHARE_PREFIX).unwrap_or(fragment);
    let payload: String = fragment
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    if payload.is_empty() {
        return Err(ShareError::Empty);
    }
    if let Some((i, found)) = payload
        .chars()
        .enumerate()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '='))
    {
        return Err(ShareError::NotBase64 {
            position: i + 1,
            found,
        });
    }
    let deflated = BASE64URL.decode(&payload).map_err(|e| match e {
        // A length no base64 text can have (4n + 1): the link lost its last characters.
        DecodeError::InvalidLength(_) => ShareError::Truncated,
        DecodeError::InvalidByte(offset, byte) | DecodeError::InvalidLastSymbol(offset, byte) => {
            ShareError::NotBase64 {
                position: offset + 1,
                found: char::from(byte),
            }
        }
        DecodeError::InvalidPadding => ShareError::Corrupt,
    })?;
    // MAX_FILE_BYTES (20 MiB) fits in usize on every target the app runs on.
    let limit = usize::try_from(MAX_FILE_BYTES).unwrap_or(usize::MAX);
    let json =
        miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&deflated, limit).map_err(|e| {
            match e.status {
                TINFLStatus::HasMoreOutput => ShareError::InflatedTooLarge {
                    limit: MAX_FILE_BYTES,
                },
                TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                    ShareError::Truncated
                }
                _ => ShareError::Corrupt,
            }
        })?;
    let text = String::from_utf8(json).map_err(|_| ShareError::NotUtf8)?;
    Ok(parse_plan_file(&text)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::example_plan;
    use crate::ids::CounterIds;
    use crate::{Actor, IdGen, Plan};

    fn example() -> PlanFile {
        example_plan(&mut CounterIds::default(), crate::example::test_day())
    }

    fn small() -> PlanFile {
        let mut ids = CounterIds::default();
        let plan = Plan::new(ids.new_id(), "Plan « court » — 2026");
        PlanFile::new(
            plan,
            vec![Actor::new(ids.new_id(), "Envie 35")],
            vec![],
            None,
        )
    }

    #[test]
    fn the_example_and_a_small_plan_come_back_equal() {
        for file in [example().anonymised(), example(), small()] {
            let link = encode(&file).unwrap();
            assert!(link
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b)));
            assert_eq!(decode(&link).unwrap(), file);
        }
    }

    #[test]
    fn the_example_plan_fits_in_a_link() {
        let file = example().anonymised();
        let json = serde_json::to_string(&file).unwrap();
        let link = encode(&file).unwrap();
        println!(
            "example plan: {} bytes of compact JSON ({} pretty), link of {} characters \
             (limit {MAX_LINK_CHARS})",
            json.len(),
            file.to_json().len(),
            link.len()
        );
        assert!(link.len() <= MAX_LINK_CHARS);
        // With last year closed (its snapshot repeats each fiche's title) the example takes
        // three quarters of the limit; a fifth is left for what users add to it.
        assert!(
            link.len() * 5 <= MAX_LINK_CHARS * 4,
            "leaves a fifth for growth"
        );
    }

    #[test]
    fn pasted_links_are_tolerated() {
        let file = small();
        let link = encode(&file).unwrap();
        let (head, tail) = link.split_at(link.len() / 2);
        for pasted in [
            format!("#{SHARE_PREFIX}{link}"),
            format!("{SHARE_PREFIX}{link}"),
            format!("  \n#{SHARE_PREFIX}{link}\t\n"),
            format!("https://atelier.example/app/#{SHARE_PREFIX}{link}"),
            format!("{head}\r\n{tail}"),
            format!("{link}{}", "=".repeat((4 - link.len() % 4) % 4)),
        ] {
            assert_eq!(decode(&pasted).as_ref(), Ok(&file), "{pasted:?}");
        }
    }

    #[test]
    fn a_huge_plan_is_too_large_and_says_the_limit() {
        let mut ids = CounterIds::default();
        let mut file = PlanFile::new(Plan::new(ids.new_id(), "Grand plan"), vec![], vec![], None);
        file.actors = (0..10_000)
            .map(|i| {
                let mut a = Actor::new(ids.new_id(), format!("Acteur {i}"));
                a.description = format!("Description de l'acteur numéro {i}.");
                a
            })
            .collect();
        let err = encode(&file).unwrap_err();
        let ShareError::TooLarge { chars, limit } = err else {
            panic!("{err:?}")
        };
        assert_eq!(limit, MAX_LINK_CHARS);
        assert!(chars > limit);
        let text = err.to_string();
        assert!(text.contains("limité à 10\u{a0}000 caractères"), "{text}");
        assert!(text.contains("fichier .json"), "{text}");
        // The link the app would refuse to make still reads back: the limit is practical only.
        assert_eq!(
            decode(&encode_text(&serde_json::to_string(&file).unwrap())),
            Ok(file)
        );
    }

    #[test]
    fn cut_links_are_truncated() {
        let link = encode(&example().anonymised()).unwrap();
        for keep in [
            1,
            2,
            5,
            6,
            10,
            link.len() / 2,
            link.len() - 8,
            link.len() - 1,
        ] {
            let err = decode(&link[..keep]).unwrap_err();
            assert_eq!(err, ShareError::Truncated, "kept {keep} of {}", link.len());
            assert!(err.to_string().contains("incomplet"));
        }
    }

    #[test]
    fn garbled_links_are_corrupt_or_not_base64() {
        let link = encode(&example().anonymised()).unwrap();
        // Changing one character in the middle: the zlib checksum catches it.
        for at in [0, 3, link.len() / 3, link.len() / 2, link.len() - 3] {
            let mut garbled = link.clone().into_bytes();
            garbled[at] = if garbled[at] == b'A' { b'B' } else { b'A' };
            let garbled = String::from_utf8(garbled).unwrap();
            let err = decode(&garbled).unwrap_err();
            assert!(
                matches!(err, ShareError::Corrupt | ShareError::Truncated),
                "at {at}: {err:?}"
            );
        }
        let err = decode(&format!("{}%2D{}", &link[..10], &link[10..])).unwrap_err();
        assert_eq!(
            err,
            ShareError::NotBase64 {
                position: 11,
                found: '%'
            }
        );
        assert!(err.to_string().contains("réencodé"), "{err}");
        let err = decode("abc+def/").unwrap_err();
        assert_eq!(
            err,
            ShareError::NotBase64 {
                position: 4,
                found: '+'
            }
        );
        assert!(err.to_string().contains("« + » (position 4)"), "{err}");
        assert_eq!(decode("#partage=  "), Err(ShareError::Empty));
        assert_eq!(decode(""), Err(ShareError::Empty));
        assert_eq!(
            decode("AAAA"),
            Err(ShareError::Corrupt),
            "not a zlib header"
        );
    }

    #[test]
    fn a_decompression_bomb_is_refused() {
        // 21 MB of spaces deflate to about 20 kB, which inflate past the 20 MB limit.
        let bomb = encode_text(&" ".repeat(21 * 1024 * 1024));
        assert!(bomb.len() < 40_000, "{}", bomb.len());
        let err = decode(&bomb).unwrap_err();
        assert_eq!(
            err,
            ShareError::InflatedTooLarge {
                limit: MAX_FILE_BYTES
            }
        );
        assert!(err.to_string().contains("20 Mo"), "{err}");
    }

    #[test]
    fn what_is_inside_is_checked_like_a_file() {
        let bytes = miniz_oxide::deflate::compress_to_vec_zlib(&[0xff, 0xfe, 0x00], 6);
        assert_eq!(decode(&BASE64URL.encode(bytes)), Err(ShareError::NotUtf8));
        let err = decode(&encode_text("[1, 2]")).unwrap_err();
        assert!(matches!(
            err,
            ShareError::Invalid(ImportError::NotAPlan { .. })
        ));
        assert!(err.to_string().contains("il contient un tableau"), "{err}");
        let mut value = serde_json::to_value(small()).unwrap();
        value["schema_version"] = 99.into();
        let err = decode(&encode_text(&value.to_string())).unwrap_err();
        assert_eq!(
            err,
            ShareError::Invalid(ImportError::NewerVersion { found: 99 })
        );
        let old = include_str!("../../tests/fixtures/plan-v2.json");
        let migrated = decode(&encode_text(old)).unwrap();
        assert_eq!(Ok(migrated), parse_plan_file(old));
        assert_eq!(
            decode(&encode_text(&"[".repeat(10_000))),
            Err(ShareError::Invalid(ImportError::TooDeep))
        );
    }

    #[test]
    fn french_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(8_000), "8\u{a0}000");
        assert_eq!(thousands(1_234_567), "1\u{a0}234\u{a0}567");
    }
}
