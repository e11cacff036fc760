//! Domain core of Atelier NR.
//!
//! Everything here is plain Rust: no `web-sys`, no I/O, no clock, no randomness. The browser app
//! (`src/`) feeds it bytes, ids and dates and stores what it returns. That keeps every rule of
//! the domain testable with a native `cargo test -p atelier-core`.
//!
//! Source of the kit's content: ANCT, kit « approche territoriale au Numérique responsable »
//! (2023), full text in `shared/seeds/`.

pub mod action;
pub mod action_csv;
pub mod actor;
pub mod bilan;
pub mod board;
pub mod census;
pub mod dashboard;
pub mod diff;
pub mod example;
pub mod file;
pub mod governance;
pub mod i18n;
pub mod ids;
pub mod indicator;
pub mod integrity;
pub mod kit;
pub mod merge;
pub mod mobilisation;
pub mod opendata;
pub mod plan;
pub mod provenance;
pub mod query;
pub mod roadmap;
pub mod share;
pub mod sheets;
pub mod snapshot;
pub mod territories;
pub mod text;
pub mod workbook;

pub use action::{
    ActionSheet, ActionStatus, Axis, BudgetKind, BudgetLine, FollowUp, Phase, Priority, Score,
};
pub use actor::{Actor, Circle, EngagementLevel, Family, FoundBy, Relevance, Subtype};
pub use governance::{Governance, ReviewCadence};
pub use ids::{Id, IdGen};
pub use indicator::{Indicator, Measure, YearTarget};
pub use mobilisation::{Mobilisation, MobilisationStatus, Need, NeedKind, NeedStatus};
pub use plan::{CustomFormat, Obligations, Plan, PlanSummary, Territory, TerritoryKind};
