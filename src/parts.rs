//! Parts of the app that are downloaded on first use (code splitting).
//!
//! A first visit downloads the shell, the state, the storage adapter and the home screen;
//! every other screen and every file job (reading a census, exporting a plan, the example
//! plan…) is a *part*: a function declared with [`lazy!`](crate::lazy). In the split build
//! (cargo feature `split`, on by default), the post-build hook `.ci/post-build.mjs` cuts each
//! part's code into its own `.wasm` file, fetched the first time the function is called.
//! Without the feature (storage tests, debugging), a part is a plain call.
//!
//! Every part returns `Result<_, PartError>`: a part that cannot be fetched (offline before it
//! was ever cached, server gone, replaced by a new deployment) is an error the caller shows,
//! never a trap. A failed fetch is not remembered: calling again tries again.
//!
//! Parts are coarse on purpose — one per screen or file job — because every file is a
//! request, and requests count in the page's weight (EcoIndex) as much as bytes do.

use std::fmt;

mod opendata;
mod sheets;

/// A part of the app could not be downloaded. The loader logs the detail to the console;
/// [`crate::ui::lazy`] tells the user what to do (retry, or reload after a new deployment).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartError;

impl fmt::Display for PartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // i18n: not UI (only in logs; the UI shows its own message)
        f.write_str("a part of the app could not be downloaded")
    }
}

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for PartError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PartError
    }
}

/// Declares functions downloaded on first use. Each becomes
/// `async fn name(args) -> Result<Ret, PartError>`; the functions of one `[module]` share one
/// downloaded file.
///
/// ```ignore
/// lazy! {
///     /// Reads a census file.
///     pub fn read [spreadsheets] (bytes: Vec<u8>) -> Census { atelier_core::census::read(&bytes) }
/// }
/// ```
///
/// Arguments and results cross a `extern "C"` boundary in the split build: pass owned values
/// (no references, generics or `impl` types), and never panic inside.
#[macro_export]
macro_rules! lazy {
    ($(
        $(#[$meta:meta])*
        $vis:vis fn $name:ident [$module:ident] ($($arg:ident : $ty:ty),* $(,)?) -> $ret:ty $body:block
    )*) => {$(
        $(#[$meta])*
        #[cfg(feature = "split")]
        $vis async fn $name($($arg: $ty),*) -> ::core::result::Result<$ret, $crate::parts::PartError> {
            #[::leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn $name($($arg: $ty),*) -> ::core::result::Result<$ret, $crate::parts::PartError> {
                ::core::result::Result::Ok($body)
            }
            // A part speaks: every message is at hand before it runs. (`$name` here is the
            // inner function, named like the outer one so that its export name is unique.)
            $crate::texts::ensure_all().await?;
            $name($($arg),*).await
        }

        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> ::core::result::Result<$ret, $crate::parts::PartError> {
            $crate::texts::ensure_all().await?;
            ::core::result::Result::Ok($body)
        }
    )*};
}

/// Why a part is not there, as far as the page can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The server now holds a newer version of the app: this page must be reloaded.
    NewVersion,
    /// The network or the server could not be reached.
    Unreachable,
}

/// Tells a new deployment from an unreachable server after a part failed to download:
/// `version.txt`, written by the build next to `index.html`, names the build the server holds;
/// this page's own is in `<meta name="atelier-build">`. Both are fetched past every cache.
pub async fn diagnose() -> Failure {
    let Some(ours) = crate::browser::build_file("build") else {
        return Failure::Unreachable;
    };
    match crate::browser::fetch_text("version.txt", true).await {
        Some(theirs) if theirs.trim() != ours => Failure::NewVersion,
        _ => Failure::Unreachable,
    }
}

/// The file jobs, downloaded the first time one is used, in three parts: `spreadsheets` (the
/// census and the action plan as CSV), `plan_file` (plan files and share links: reading,
/// writing, anonymising, migrating older records) and `example`. They share most of their
/// code within each part, so each is one download. The screens' own parts are declared beside
/// each screen (`ui::<screen>::screen`); the state's beside the state (`records`,
/// `plan_file`).
pub mod jobs {
    pub use super::opendata::{opendata_actors, opendata_finish, opendata_push, opendata_start};
    pub use super::opendata::{OpenDataPreview, OpenDataSession};
    pub use super::sheets::{read_actions_csv, read_actions_workbook, read_census_workbook};
    pub use super::sheets::{
        write_bilan, write_sheets, ActionsRead, SheetData, SheetExport, WorkbookRead,
    };
    use crate::browser::BrowserIds;
    use atelier_core::census::{self, CensusImport, DuplicateIndex, DuplicateOf, Encoding};
    use atelier_core::diff::{self, FieldChange};
    use atelier_core::file::migrations::RecordKind;
    use atelier_core::file::{self, PlanFile};
    use atelier_core::provenance::Stamp;
    use atelier_core::share::{self, ShareError};
    use atelier_core::{ActionSheet, Actor};

    /// A census file read and checked, ready for the preview.
    pub struct CensusRead {
        pub encoding: Encoding,
        pub import: CensusImport,
        /// For each row, the existing actor or earlier row it repeats.
        pub duplicates: Vec<Option<DuplicateOf>>,
        /// For each row repeating a stored actor, the fields it would change (see
        /// `atelier_core::diff`); empty for the others.
        pub changes: Vec<Vec<FieldChange>>,
    }

    crate::lazy! {
        /// Reads a census spreadsheet (CSV bytes as picked) and compares each row with the
        /// plan's `existing` actors. Rows that cannot be taken (no name) are left out and
        /// listed among the problems (`Severity::Error`). Errors: what forbids reading the
        /// file at all, one line each, worded for the user (undecodable text, broken CSV).
        pub fn read_census [spreadsheets] (bytes: Vec<u8>, existing: Vec<Actor>, stamp: Stamp) -> Result<CensusRead, Vec<String>> {
            read_census_now(&bytes, &existing, &stamp)
        }

        /// The census as CSV in the kit's columns (an empty `actors` gives the blank template).
        pub fn write_census [spreadsheets] (actors: Vec<Actor>) -> String {
            census::write_census(&actors)
        }

        /// Reads a plan file (bytes as picked or dropped). Errors: what is wrong and where.
        pub fn read_plan [plan_file] (bytes: Vec<u8>) -> Result<PlanFile, String> {
            file::parse_plan_bytes(&bytes).map_err(|e| e.to_string())
        }

        /// Reads a plan file's text (a backup). Errors: what is wrong and where.
        pub fn read_plan_text [plan_file] (text: String) -> Result<PlanFile, String> {
            file::parse_plan_file(&text).map_err(|e| e.to_string())
        }

        /// The same plan under fresh ids, links remapped, to store beside the original.
        pub fn as_new_plan [plan_file] (plan: PlanFile) -> PlanFile {
            file::as_new_plan(plan, crate::browser::random_bytes())
        }

        /// The plan file's JSON text, with or without personal data.
        pub fn plan_json [plan_file] (plan: PlanFile, anonymous: bool) -> String {
            let mut plan = plan;
            // Closed years oldest first, as the format says (the state keeps them in the
            // order they were closed; sorting there would weigh on the first screen).
            plan.snapshots.sort_by_key(|s| s.year);
            if anonymous { plan.anonymised().to_json() } else { plan.to_json() }
        }

        /// A share link's code (after `#partage=`), with or without personal data.
        pub fn encode_share [plan_file] (plan: PlanFile, anonymous: bool) -> Result<String, ShareError> {
            if anonymous { share::encode(&plan.anonymised()) } else { share::encode(&plan) }
        }

        /// The action plan as CSV, for council papers.
        pub fn write_action_plan [spreadsheets] (actions: Vec<ActionSheet>, actors: Vec<Actor>) -> String {
            atelier_core::action_csv::write_action_plan(&actions, &actors)
        }

        /// The demonstration plan, in the display language.
        pub fn example_plan [example] () -> PlanFile {
            atelier_core::example::example_plan(&mut BrowserIds, crate::browser::now().date_naive())
        }

        /// The slow path of reading a stored record (`storage::record`): a record written
        /// by an older version is migrated, and its `data` returned as current JSON text; a
        /// damaged record or one from a newer version gets a message saying precisely what is
        /// wrong, in the display language.
        pub fn upgrade_record [plan_file] (kind: RecordKind, stored: String) -> Result<String, String> {
            crate::storage::upgrade(kind, &stored)
        }
    }

    fn read_census_now(
        bytes: &[u8],
        existing: &[Actor],
        stamp: &Stamp,
    ) -> Result<CensusRead, Vec<String>> {
        let (text, encoding) = census::decode(bytes).map_err(|e| vec![e.to_string()])?;
        let import =
            census::read_census(&text, &mut BrowserIds).map_err(|e| vec![e.to_string()])?;
        census_read(import, encoding, existing, stamp)
    }

    /// A census read (from CSV or a sheet), its rows stamped with where they come from, and
    /// compared with the plan's `existing` actors. The rows in error are not among them: the
    /// preview lists them and offers to import the others.
    pub(super) fn census_read(
        mut import: CensusImport,
        encoding: Encoding,
        existing: &[Actor],
        stamp: &Stamp,
    ) -> Result<CensusRead, Vec<String>> {
        // What the file's columns set comes from the file.
        let fields: Vec<_> = import
            .columns
            .iter()
            .flat_map(|c| c.fields().iter().copied())
            .collect();
        for actor in &mut import.actors {
            diff::stamp(actor, &fields, stamp);
        }
        let duplicates = DuplicateIndex::new(existing).classify(&import.actors);
        // For a row that repeats a stored actor, what it would change (old → new).
        let changes = import
            .actors
            .iter()
            .zip(&duplicates)
            .map(|(row, dup)| match dup {
                Some(DuplicateOf::Existing(id)) => existing
                    .iter()
                    .find(|a| a.id == *id)
                    .map(|old| {
                        let fields = census::row_fields(old, row, &import.columns);
                        diff::actor_changes(old, row, &fields)
                    })
                    .unwrap_or_default(),
                _ => Vec::new(),
            })
            .collect();
        Ok(CensusRead {
            encoding,
            import,
            duplicates,
            changes,
        })
    }
}
