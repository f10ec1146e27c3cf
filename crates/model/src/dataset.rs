//! The dataset as published: a small `manifest.json` naming a binary search index and the
//! article chunks (JSON Lines, about 1 MiB each), every file name carrying a content hash.
//!
//! The app reads the manifest, then the index, and is ready to search and list; it fetches a
//! chunk only when it needs an article's full text (a snippet, the reader), so start-up does not
//! grow with the size of the text.

use crate::article::Article;
use crate::index::build::{doc_terms, meta_facet_keys, DocTerms, IndexBuilder};
use crate::index::ChunkLocation;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The version of the dataset format this build writes and reads.
///
/// Bump it whenever a change to [`Article`], [`Manifest`] or the index layout would make an
/// older app misread newer files; the app refuses any other version with a clear message.
pub const SCHEMA_VERSION: u32 = 3;

/// The manifest's file name, the one fixed name in a dataset directory.
pub const MANIFEST: &str = "manifest.json";

/// A chunk is closed once it holds this many bytes of records.
pub const CHUNK_BYTES: usize = 1 << 20;

/// One file of the dataset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRef {
    /// The file name, relative to the manifest.
    pub path: String,
    /// Its size in bytes.
    pub bytes: u64,
}

/// The dataset's table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Must equal [`SCHEMA_VERSION`] for this build to read the dataset.
    pub schema_version: u32,
    /// The number of articles.
    pub articles: usize,
    /// True when any article is marked synthetic (made for benchmarks, with invented dates).
    #[serde(default)]
    pub synthetic: bool,
    /// The search index.
    pub index: FileRef,
    /// The article chunks, in document order.
    pub chunks: Vec<FileRef>,
}

impl Manifest {
    /// Every file the manifest names, index first.
    pub fn files(&self) -> impl Iterator<Item = &FileRef> {
        std::iter::once(&self.index).chain(&self.chunks)
    }

    /// The total size of the dataset's files.
    pub fn total_bytes(&self) -> u64 {
        self.files().map(|f| f.bytes).sum()
    }

    /// Decodes a manifest, checking its schema version.
    ///
    /// The happy path parses the text once; only a failure parses it again, leniently, to tell
    /// a version mismatch apart from a corrupt file.
    pub fn decode(text: &str) -> Result<Manifest, DatasetError> {
        match serde_json::from_str::<Manifest>(text) {
            Ok(m) if m.schema_version == SCHEMA_VERSION => Ok(m),
            Ok(m) => Err(version_error(m.schema_version)),
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

    /// Encodes the manifest as pretty JSON (it is small and people read it).
    pub fn encode(&self) -> String {
        serde_json::to_string_pretty(self).expect("a manifest always serialises") + "\n"
    }
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

fn version_error(found: u32) -> DatasetError {
    if found > SCHEMA_VERSION {
        DatasetError::NewerSchema { found }
    } else {
        DatasetError::OlderSchema { found }
    }
}

/// Decodes one article record, a line of a chunk.
pub fn decode_article(line: &str) -> Result<Article, DatasetError> {
    serde_json::from_str(line).map_err(|e| DatasetError::Malformed(e.to_string()))
}

/// The files of a dataset, ready to be written to one directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetFiles {
    /// The manifest, to be written last as [`MANIFEST`].
    pub manifest: Manifest,
    /// `(file name, bytes)` of the index and the chunks.
    pub files: Vec<(String, Vec<u8>)>,
}

impl DatasetFiles {
    /// Builds the dataset from articles sorted by id and their [`DocTerms`], in the same
    /// order. Terms come as an iterator so that a caller can extract them on other threads
    /// while the index is assembled here, without holding them all in memory at once. The
    /// same input gives the same bytes.
    pub fn build(articles: &[Article], terms: impl IntoIterator<Item = DocTerms>) -> DatasetFiles {
        debug_assert!(
            articles.windows(2).all(|w| w[0].id < w[1].id),
            "articles sorted by unique id"
        );
        let mut chunks: Vec<Vec<u8>> = Vec::new();
        let mut locations = Vec::with_capacity(articles.len());
        let mut current: Vec<u8> = Vec::new();
        for a in articles {
            if current.len() >= CHUNK_BYTES {
                chunks.push(std::mem::take(&mut current));
            }
            let offset = current.len() as u32;
            serde_json::to_writer(&mut current, a).expect("an article always serialises");
            let len = current.len() as u32 - offset;
            current.push(b'\n');
            locations.push(ChunkLocation {
                chunk: chunks.len() as u32,
                offset,
                len,
            });
        }
        if !current.is_empty() {
            chunks.push(current);
        }

        let mut builder = IndexBuilder::new(meta_facet_keys(articles));
        let mut terms = terms.into_iter();
        for (a, l) in articles.iter().zip(locations) {
            builder.add(a, terms.next().expect("one DocTerms per article"), l);
        }
        let index = builder.finish();

        let file = |stem: String, ext: &str, bytes: Vec<u8>| {
            let path = format!("{stem}-{:016x}.{ext}", fnv1a(&bytes));
            (path, bytes)
        };
        let mut files = vec![file("index".into(), "bin", index)];
        for (k, c) in chunks.into_iter().enumerate() {
            files.push(file(format!("articles-{k:04}"), "jsonl", c));
        }
        let refs: Vec<FileRef> = files
            .iter()
            .map(|(path, b)| FileRef {
                path: path.clone(),
                bytes: b.len() as u64,
            })
            .collect();
        let manifest = Manifest {
            schema_version: SCHEMA_VERSION,
            articles: articles.len(),
            synthetic: articles.iter().any(is_synthetic),
            index: refs[0].clone(),
            chunks: refs[1..].to_vec(),
        };
        DatasetFiles { manifest, files }
    }

    /// Builds the dataset, extracting terms on this thread.
    pub fn build_serial(articles: &[Article]) -> DatasetFiles {
        DatasetFiles::build(articles, articles.iter().map(doc_terms))
    }

    /// The bytes of the index file.
    pub fn index_bytes(&self) -> &[u8] {
        &self.files[0].1
    }

    /// The text of chunk `k`.
    pub fn chunk_text(&self, k: usize) -> &str {
        std::str::from_utf8(&self.files[k + 1].1).expect("chunks are JSON text")
    }
}

/// True for an article marked synthetic by its source record (`"synthetic": "true"`).
pub fn is_synthetic(a: &Article) -> bool {
    a.meta.get("synthetic").is_some_and(|v| v == "true")
}

/// 64-bit FNV-1a: a content hash for file names (cache busting), not for security.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::Index;

    fn article(id: &str, title: &str) -> Article {
        Article {
            id: id.into(),
            title: Some(title.into()),
            paragraphs: vec![format!("Nội dung của {title}.")],
            ..Article::default()
        }
    }

    #[test]
    fn builds_a_manifest_an_index_and_chunks_that_read_back() {
        let articles = vec![article("a", "Đảng viên"), article("b", "Hưng Yên")];
        let ds = DatasetFiles::build_serial(&articles);
        let m = Manifest::decode(&ds.manifest.encode()).unwrap();
        assert_eq!(m, ds.manifest);
        assert_eq!(m.articles, 2);
        assert!(m.index.path.starts_with("index-") && m.index.path.ends_with(".bin"));
        assert_eq!(m.chunks.len(), 1);
        let index = Index::load(ds.index_bytes().to_vec()).unwrap();
        assert_eq!(index.len(), 2);
        let loc = index.location(1);
        let chunk = ds.chunk_text(loc.chunk as usize);
        let line = &chunk[loc.offset as usize..(loc.offset + loc.len) as usize];
        assert_eq!(decode_article(line).unwrap(), articles[1]);
        assert_eq!(DatasetFiles::build_serial(&articles), ds, "deterministic");
    }

    #[test]
    fn tells_version_problems_apart_from_corruption() {
        let ds = DatasetFiles::build_serial(&[]);
        let newer = ds
            .manifest
            .encode()
            .replace("\"schema_version\": 3", "\"schema_version\": 4");
        assert_eq!(
            Manifest::decode(&newer),
            Err(DatasetError::NewerSchema { found: 4 })
        );
        assert_eq!(
            Manifest::decode(r#"{"schema_version":1,"articles":[]}"#),
            Err(DatasetError::OlderSchema { found: 1 })
        );
        assert_eq!(
            Manifest::decode(r#"{"articles":[]}"#),
            Err(DatasetError::MissingVersion)
        );
        assert!(matches!(
            Manifest::decode("{\"schema_ver"),
            Err(DatasetError::Malformed(_))
        ));
        assert!(matches!(
            Manifest::decode(""),
            Err(DatasetError::Malformed(_))
        ));
    }
}
