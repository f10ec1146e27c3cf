//! Ingest: turns raw Vietnamese news pages and JSON Lines records into Niên biểu articles.
//!
//! Parsing never fails: every input gives either an article with diagnostics, or a
//! [`Failure`] naming the file and the problem, and one bad input never stops the others.

pub mod byline;
pub mod clutter;
pub mod dates;
pub mod doc_codes;
pub mod documents;
pub mod encoding;
pub mod entities;
pub mod eval;
pub mod event;
pub mod event_date;
pub mod extract;
pub mod figures;
pub mod headline;
pub mod html;
pub mod input;
pub mod organizer;
pub mod orgs;
pub mod output;
pub mod page;
pub mod people;
pub mod run;
pub mod text;

pub use input::{decode_bytes, Decoded};
pub use output::{build_dataset, write_dataset_dir};
pub use page::parse_page;
pub use run::{
    ingest_paths, ingest_paths_with_options, ingest_paths_with_progress, Failure, IngestOptions,
    Outcome,
};
