//! Pure domain model of Niên biểu: the article record, the versioned dataset format, the
//! search index and engine (Vietnamese folding, ranking, facets, timeline bins), and calendar
//! types in Vietnam's time zone.
//!
//! This crate knows nothing about the DOM or the file system. It builds natively (for the
//! ingest tool and fast tests) and for `wasm32-unknown-unknown` (for the app), so the format
//! that ingest writes is, by construction, the format that the app reads.

pub mod article;
pub mod codec;
pub mod dataset;
pub mod entities;
pub mod export;
pub mod fold;
mod fold_table;
pub mod index;
pub mod json;
pub mod order;
pub mod search;
pub mod state;
pub mod time;
pub mod tokenize;
pub mod tones;

pub use article::{Article, Diagnostic, DocumentRef, EventKind, Figure, Person, Severity};
pub use dataset::{DatasetError, DatasetFiles, Manifest, SCHEMA_VERSION};
pub use index::{Index, IndexError};
pub use search::{Engine, SearchRequest, SearchResult};
pub use time::{Date, Precision, Timestamp};
