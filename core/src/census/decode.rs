//! Bytes → text for files people save from spreadsheets: UTF-8 with or without the BOM that
//! Excel writes, and Windows-1252, which French Excel still uses for plain « CSV ».

use crate::i18n::t;
use std::fmt;

/// The encoding a file turned out to be in, reported in the import preview.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 starting with a byte-order mark (Excel's « CSV UTF-8 »).
    Utf8Bom,
    Utf8,
    /// Windows-1252 (« ANSI »), a superset of Latin-1.
    Windows1252,
    /// UTF-16 with a byte-order mark (Excel's « Texte Unicode »).
    Utf16,
}

impl Encoding {
    /// The encoding as a user knows it: the name of the format Excel saved the file in.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8Bom => t("domain.encoding.utf8_bom"),
            Encoding::Utf8 => t("domain.encoding.utf8"),
            Encoding::Windows1252 => t("domain.encoding.windows"),
            Encoding::Utf16 => t("domain.encoding.utf16"),
        }
    }
}

/// Why a file could not be turned into text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The file contains NUL bytes, so it is binary (a `.xlsx`, an image…), not CSV text.
    Binary,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary => f.write_str(t("domain.error.binary_file")),
        }
    }
}

/// Decodes a text file and says which encoding it was in.
///
/// UTF-8 is tried first (a BOM is removed); bytes that are not valid UTF-8 are read as
/// Windows-1252, which maps every byte, so French text saved as « CSV (séparateur : point-
/// virgule) » keeps its accents. Errors: [`DecodeError::Binary`] if a NUL byte appears.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if let Some(text) = decode_utf16(bytes) {
        return Ok((text, Encoding::Utf16));
    }
    let (body, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    if body.contains(&0) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(body) {
        Ok(text) => Ok((
            text.to_owned(),
            if bom {
                Encoding::Utf8Bom
            } else {
                Encoding::Utf8
            },
        )),
        Err(_) => {
            let text = yore::code_pages::CP1252.decode(body);
            Ok((text.into_owned(), Encoding::Windows1252))
        }
    }
}

/// UTF-16 text announced by its byte-order mark (little or big endian), if valid.
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let little = match bytes.get(..2)? {
        [0xFF, 0xFE] => true,
        [0xFE, 0xFF] => false,
        _ => return None,
    };
    let units: Vec<u16> = bytes[2..]
        .chunks_exact(2)
        .map(|p| {
            if little {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        })
        .collect();
    String::from_utf16(&units).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_the_bom_and_keeps_accents() {
        assert_eq!(
            decode("\u{feff}Élu;Région".as_bytes()).unwrap(),
            ("Élu;Région".to_owned(), Encoding::Utf8Bom)
        );
        assert_eq!(
            decode("Élu".as_bytes()).unwrap(),
            ("Élu".to_owned(), Encoding::Utf8)
        );
    }

    #[test]
    fn windows_1252_keeps_french_accents_and_typographic_quotes() {
        // « Élu – Région » with œ, as French Excel writes it in ANSI.
        let bytes = b"\xabElu \x96 R\xe9gion\xbb;c\x9cur;\xc9t\xe9";
        let (text, encoding) = decode(bytes).unwrap();
        assert_eq!(encoding, Encoding::Windows1252);
        assert_eq!(text, "«Elu – Région»;cœur;Été");
    }

    #[test]
    fn utf16_with_bom_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("Élu;Région".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            decode(&bytes).unwrap(),
            ("Élu;Région".to_owned(), Encoding::Utf16)
        );
    }

    #[test]
    fn binary_files_are_refused() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00"), Err(DecodeError::Binary));
    }
}
