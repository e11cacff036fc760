//! Bytes → text for files people save from spreadsheets.

use std::fmt;

/// Why a file could not be turned into text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not valid UTF-8; `line` (1-based) is where the first invalid byte sits.
    NotUtf8 { line: usize },
    /// The file contains NUL bytes, so it is binary (a `.xlsx`, an image…), not CSV text.
    Binary,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotUtf8 { line } => write!(
                f,
                "Ligne {line} : caractères illisibles. Le fichier n'est pas encodé en UTF-8 ; \
                 dans votre tableur, enregistrez-le au format « CSV UTF-8 »."
            ),
            DecodeError::Binary => f.write_str(
                "Ce fichier n'est pas un fichier texte (un classeur .xlsx ?). \
                 Enregistrez-le au format « CSV UTF-8 » puis importez ce fichier.",
            ),
        }
    }
}

/// Decodes a text file: UTF-8, with or without the byte-order mark Excel writes.
///
/// Errors: [`DecodeError::Binary`] if a NUL byte appears, [`DecodeError::NotUtf8`] with the
/// line of the first invalid byte otherwise.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.contains(&0) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(body) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            let line = 1 + body[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            Err(DecodeError::NotUtf8 { line })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_the_bom_and_keeps_accents() {
        assert_eq!(
            decode("\u{feff}Élu;Région".as_bytes()).unwrap(),
            "Élu;Région"
        );
        assert_eq!(decode("Élu".as_bytes()).unwrap(), "Élu");
    }

    #[test]
    fn invalid_utf8_names_its_line() {
        let bytes = b"a;b\r\nc;d\r\n\xC9lu;x\r\n";
        assert_eq!(decode(bytes), Err(DecodeError::NotUtf8 { line: 3 }));
        assert!(decode(bytes)
            .unwrap_err()
            .to_string()
            .starts_with("Ligne 3"));
    }

    #[test]
    fn binary_files_are_refused() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00"), Err(DecodeError::Binary));
    }
}
