//! The plan file: what « Exporter le plan » writes and « Importer un plan » reads.
//!
//! - [`format`]: the envelope ([`PlanFile`]), its tag and current schema version, writing;
//! - [`restore`]: reading untrusted text into a valid [`PlanFile`], with precise errors;
//! - [`migrations`]: pure transforms that bring an older file or stored record up to date;
//! - [`remap`]: giving an imported plan fresh ids so it never collides with stored plans;
//! - [`anonymise`]: the copy without personal data, for sharing in public.
//!
//! The contract is written down in `docs/plan-format.md`.

pub mod anonymise;
pub mod format;
pub mod migrations;
pub mod remap;
pub mod restore;

pub use format::{PlanFile, FORMAT_TAG, MAX_FILE_BYTES, SCHEMA_VERSION};
pub use remap::as_new_plan;
pub use restore::{check_size, parse_plan_bytes, parse_plan_file, plan_text, ImportError};
