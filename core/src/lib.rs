//! Domain core of Atelier NR.
//!
//! Everything here is plain Rust: no `web-sys`, no I/O, no clock, no randomness. The browser app
//! (`src/`) feeds it bytes, ids and dates and stores what it returns. That keeps every rule of
//! the domain testable with a native `cargo test -p atelier-core`.
//!
//! Source of the kit's content: ANCT, kit « approche territoriale au Numérique responsable »
//! (2023), full text in `shared/seeds/`.

pub mod action;
pub mod actor;
pub mod census;
pub mod file;
pub mod ids;
pub mod kit;
pub mod plan;
pub mod query;
pub mod text;

pub use action::{ActionSheet, ActionStatus, Axis};
pub use actor::{Actor, Circle, EngagementLevel, Family, FoundBy, Relevance, Subtype};
pub use ids::{Id, IdGen};
pub use plan::{Obligations, Plan, Territory, TerritoryKind};
