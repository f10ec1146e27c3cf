//! The dataset file: a schema version the app checks, then the articles.

use crate::article::Article;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The version of the dataset format this build writes and reads.
///
/// Bump it whenever a change to [`Article`] or [`Dataset`] would make an older app misread a
/// newer file; the app refuses any other version with a clear message instead of guessing.
pub const SCHEMA_VERSION: u32 = 1;

/// The whole dataset as written by ingest and loaded by the app.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// Must equal [`SCHEMA_VERSION`] for this build to read the file.
    pub schema_version: u32,
    /// Articles in a deterministic order (by id).
    pub articles: Vec<Article>,
}

/// Why a dataset could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatasetError {
    /// Not JSON, or JSON of the wrong shape.
    Malformed(String),
    /// No `schema_version` field: not a Niên biểu dataset.
    MissingVersion,
    /// Written by a newer ingest than this app understands.
    NewerSchema {
        /// The version in the file.
        found: u32,
    },
    /// Written by an older ingest whose format this app no longer reads.
    OlderSchema {
        /// The version in the file.
        found: u32,
    },
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatasetError::Malformed(e) => write!(f, "the dataset is not valid: {e}"),
            DatasetError::MissingVersion => write!(f, "the file has no schema_version"),
            DatasetError::NewerSchema { found } => write!(
                f,
                "the dataset has schema version {found}, newer than the {SCHEMA_VERSION} this app reads"
            ),
            DatasetError::OlderSchema { found } => write!(
                f,
                "the dataset has schema version {found}, older than the {SCHEMA_VERSION} this app reads"
            ),
        }
    }
}

impl std::error::Error for DatasetError {}

impl Dataset {
    /// A dataset of the current version, with articles sorted by id for deterministic output.
    pub fn new(mut articles: Vec<Article>) -> Dataset {
        articles.sort_by(|a, b| a.id.cmp(&b.id));
        Dataset {
            schema_version: SCHEMA_VERSION,
            articles,
        }
    }

    /// Decodes a dataset, checking its schema version.
    ///
    /// The happy path parses the text once; only a failure parses it again, leniently, to tell
    /// a version mismatch apart from a corrupt file.
    pub fn decode(text: &str) -> Result<Dataset, DatasetError> {
        match serde_json::from_str::<Dataset>(text) {
            Ok(ds) if ds.schema_version == SCHEMA_VERSION => Ok(ds),
            Ok(ds) => Err(version_error(ds.schema_version)),
            Err(e) => {
                #[derive(Deserialize)]
                struct Header {
                    schema_version: Option<u32>,
                }
                match serde_json::from_str::<Header>(text) {
                    Ok(Header {
                        schema_version: Some(v),
                    }) if v != SCHEMA_VERSION => Err(version_error(v)),
                    Ok(Header {
                        schema_version: None,
                    }) => Err(DatasetError::MissingVersion),
                    _ => Err(DatasetError::Malformed(e.to_string())),
                }
            }
        }
    }

    /// Encodes the dataset as compact JSON. The same dataset always gives the same bytes.
    pub fn encode(&self) -> String {
        Dataset::encode_articles(&self.articles)
    }

    /// Encodes articles as a dataset of the current version without copying them. They must
    /// already be in the dataset's order (by id), as [`Dataset::new`] would put them.
    pub fn encode_articles(articles: &[Article]) -> String {
        debug_assert!(
            articles.windows(2).all(|w| w[0].id <= w[1].id),
            "articles not sorted by id"
        );
        /// The same shape as [`Dataset`], borrowing its articles.
        #[derive(Serialize)]
        struct View<'a> {
            schema_version: u32,
            articles: &'a [Article],
        }
        serde_json::to_string(&View {
            schema_version: SCHEMA_VERSION,
            articles,
        })
        .expect("a dataset always serialises")
    }
}

fn version_error(found: u32) -> DatasetError {
    if found > SCHEMA_VERSION {
        DatasetError::NewerSchema { found }
    } else {
        DatasetError::OlderSchema { found }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let ds = Dataset::new(vec![]);
        assert_eq!(Dataset::decode(&ds.encode()), Ok(ds));
    }

    #[test]
    fn tells_version_problems_apart_from_corruption() {
        let newer = format!(
            r#"{{"schema_version":{},"articles":[]}}"#,
            SCHEMA_VERSION + 1
        );
        assert_eq!(
            Dataset::decode(&newer),
            Err(DatasetError::NewerSchema {
                found: SCHEMA_VERSION + 1
            })
        );
        let newer_shape = format!(
            r#"{{"schema_version":{},"chunks":["x"]}}"#,
            SCHEMA_VERSION + 1
        );
        assert_eq!(
            Dataset::decode(&newer_shape),
            Err(DatasetError::NewerSchema {
                found: SCHEMA_VERSION + 1
            })
        );
        assert_eq!(
            Dataset::decode(r#"{"articles":[]}"#),
            Err(DatasetError::MissingVersion)
        );
        assert!(matches!(
            Dataset::decode("{\"schema_ver"),
            Err(DatasetError::Malformed(_))
        ));
        assert!(matches!(
            Dataset::decode(""),
            Err(DatasetError::Malformed(_))
        ));
    }
}
