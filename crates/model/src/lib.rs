//! Pure domain model of Niên biểu: the article record, the versioned dataset format,
//! calendar types in Vietnam's time zone, and timeline bins.
//!
//! This crate knows nothing about the DOM or the file system. It builds natively (for the
//! ingest tool and fast tests) and for `wasm32-unknown-unknown` (for the app), so the format
//! that ingest writes is, by construction, the format that the app reads.

pub mod article;
pub mod dataset;
pub mod fold;
pub mod time;
pub mod timeline;
pub mod tokenize;

pub use article::{Article, Diagnostic, DocumentRef, EventKind, Figure, Person, Severity};
pub use dataset::{Dataset, DatasetError, SCHEMA_VERSION};
pub use time::{Date, Precision, Timestamp};
pub use timeline::{month_bins, MonthBin};
