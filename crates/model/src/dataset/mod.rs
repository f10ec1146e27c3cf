//! The dataset as published, in layers that a visitor fetches as they need them, every file
//! named by a content hash and so cacheable forever:
//!
//! - `manifest.json`, the one fixed name: the schema version and where everything is;
//! - the **core** ([`core`]), loaded at start: enough to paint the first screen for the whole
//!   archive (newest-first order, every facet's counts, the timeline) and to count facets and
//!   bin dates for any set of hits;
//! - the **term layers** ([`terms`], [`pairs`]): a directory, then postings, pairs and
//!   positions shards fetched when a query needs them;
//! - the **record layers** ([`records`]): the articles a few per file, a catalog for
//!   exports, and id buckets for links that name an article.
//!
//! A layer of many files lives in a directory named after the layer and the hash of all its
//! files (`postings-<hash>/17.bin`), so the manifest stays small whatever the archive's size.

pub mod core;
mod decode;
pub mod pairs;
pub mod records;
pub mod terms;

use crate::article::Article;
use crate::index::build::{doc_terms, facet_values, meta_facet_keys, DocTerms, TermsBuilder};
use crate::index::{Need, CORE_FACETS};
use records::{
    bucket_count, bucket_of, encode_bucket, encode_catalog, encode_fragment, CatalogEntry,
    CATALOG_DOCS, FRAGMENT_DOCS,
};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The version of the dataset format this build writes and reads.
///
/// Bump it whenever a change to [`Article`], [`Manifest`] or a layer's layout would make an
/// older app misread newer files; the app refuses any other version with a clear message.
pub const SCHEMA_VERSION: u32 = 8;

/// The manifest's file name, the one fixed name in a dataset directory.
pub const MANIFEST: &str = "manifest.json";

/// One file of the dataset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRef {
    /// The file name, relative to the manifest.
    pub path: String,
    /// Its size in bytes.
    pub bytes: u64,
}

/// A layer of numbered files in one directory: `<dir>/0.<ext>` to `<dir>/<files - 1>.<ext>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerRef {
    /// The directory, relative to the manifest (named after the layer and its content hash).
    pub dir: String,
    /// The file extension.
    pub ext: String,
    /// How many files.
    pub files: u32,
    /// Their total size in bytes.
    pub bytes: u64,
}

impl LayerRef {
    /// The path of file `n`, relative to the manifest.
    pub fn path(&self, n: u32) -> String {
        format!("{}/{n}.{}", self.dir, self.ext)
    }

    /// The number of the file at `path`, if it is one of this layer's: the inverse of
    /// [`LayerRef::path`].
    pub fn number_of(&self, path: &str) -> Option<u32> {
        let n = path
            .strip_prefix(self.dir.as_str())?
            .strip_prefix('/')?
            .strip_suffix(self.ext.as_str())?
            .strip_suffix('.')?;
        n.parse::<u32>().ok().filter(|&n| n < self.files)
    }
}

/// The files of the views of documents, people, organisations and figures (see
/// [`crate::entities`]), each loaded only when its view opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewFiles {
    /// Cited documents.
    pub documents: FileRef,
    /// People.
    pub people: FileRef,
    /// Organisations.
    pub organizations: FileRef,
    /// Figures.
    pub figures: FileRef,
}

impl ViewFiles {
    /// The four files.
    pub fn all(&self) -> [&FileRef; 4] {
        [
            &self.documents,
            &self.people,
            &self.organizations,
            &self.figures,
        ]
    }
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
    /// Up to this size (in bytes, as stored), the app saves the whole dataset for offline use
    /// in the background; beyond it, when the visitor asks. `None`: the app's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offline_auto_bytes: Option<u64>,
    /// What the files (all but the manifest) come to gzipped, as a host compresses them: what
    /// saving the whole dataset downloads, against [`Manifest::total_bytes`] stored. `None`
    /// when the dataset was not built by ingest (older datasets lack it; the app then names
    /// the stored size alone). Optional, so no schema change: older apps ignore it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compressed_bytes: Option<u64>,
    /// The core layer.
    pub core: FileRef,
    /// The columns of the facets the core defers ([`core::DEFERRED_FACETS`]).
    pub columns: FileRef,
    /// The term directory.
    pub terms: FileRef,
    /// The postings shards.
    pub postings: LayerRef,
    /// The positions shards.
    pub positions: LayerRef,
    /// The pairs shards: how often two words stand side by side, per article.
    pub pairs: LayerRef,
    /// The article records, [`FRAGMENT_DOCS`] per file.
    pub fragments: LayerRef,
    /// The catalog, [`CATALOG_DOCS`] per file.
    pub catalog: LayerRef,
    /// The id buckets.
    pub ids: LayerRef,
    /// The views' files.
    pub views: ViewFiles,
}

impl Manifest {
    /// The path of the file `need` names.
    pub fn path_of(&self, need: Need) -> String {
        match need {
            Need::Directory => self.terms.path.clone(),
            Need::Postings(n) => self.postings.path(n),
            Need::Positions(n) => self.positions.path(n),
            Need::Pairs(n) => self.pairs.path(n),
            Need::Columns => self.columns.path.clone(),
        }
    }

    /// The need the file at `path` answers, if it is a file of the term layers: the inverse
    /// of [`Manifest::path_of`].
    pub fn need_of(&self, path: &str) -> Option<Need> {
        if path == self.terms.path {
            return Some(Need::Directory);
        }
        if path == self.columns.path {
            return Some(Need::Columns);
        }
        self.postings
            .number_of(path)
            .map(Need::Postings)
            .or_else(|| self.pairs.number_of(path).map(Need::Pairs))
            .or_else(|| self.positions.number_of(path).map(Need::Positions))
    }

    /// The layers of numbered files, by name.
    pub fn layers(&self) -> [(&'static str, &LayerRef); 6] {
        [
            ("postings", &self.postings),
            ("positions", &self.positions),
            ("pairs", &self.pairs),
            ("fragments", &self.fragments),
            ("catalog", &self.catalog),
            ("ids", &self.ids),
        ]
    }

    /// Every file the manifest names, the core first.
    pub fn paths(&self) -> impl Iterator<Item = String> + '_ {
        [
            self.core.path.clone(),
            self.columns.path.clone(),
            self.terms.path.clone(),
        ]
        .into_iter()
        .chain(self.views.all().map(|f| f.path.clone()))
        .chain(
            self.layers()
                .into_iter()
                .flat_map(|(_, l)| (0..l.files).map(move |n| l.path(n))),
        )
    }

    /// The total size of the dataset's files.
    pub fn total_bytes(&self) -> u64 {
        self.core.bytes
            + self.columns.bytes
            + self.terms.bytes
            + self.views.all().iter().map(|f| f.bytes).sum::<u64>()
            + self.layers().iter().map(|(_, l)| l.bytes).sum::<u64>()
    }

    /// Decodes a manifest, checking its schema version.
    ///
    /// A manifest of another version is refused as such, whatever else it holds.
    pub fn decode(text: &str) -> Result<Manifest, DatasetError> {
        decode::decode_manifest(text)
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

/// Decodes one article record.
pub fn decode_article(line: &str) -> Result<Article, DatasetError> {
    decode::decode_article(line)
}

/// The files of a dataset, ready to be written to one directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetFiles {
    /// The manifest, to be written last as [`MANIFEST`].
    pub manifest: Manifest,
    /// `(path, bytes)` of every other file; paths may name a layer's directory.
    pub files: Vec<(String, Vec<u8>)>,
    /// The article id of each document, in document order.
    pub doc_ids: Vec<String>,
}

/// The layers that hold records rather than terms: article files, catalog files, id buckets
/// and the views' files, which need no term and so may be built beside them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Records {
    fragments: Vec<Vec<u8>>,
    catalog: Vec<Vec<u8>>,
    views: [Vec<u8>; 4],
    ids: Vec<Vec<u8>>,
}

impl Records {
    /// Builds them for the documents of `order` (see [`doc_order`]).
    pub fn build(articles: &[Article], order: &[u32]) -> Records {
        let docs: Vec<&Article> = order.iter().map(|&i| &articles[i as usize]).collect();
        let n = docs.len();
        let fragments: Vec<Vec<u8>> = docs
            .chunks(FRAGMENT_DOCS as usize)
            .map(|c| encode_fragment(c.iter().copied()))
            .collect();
        let catalog: Vec<Vec<u8>> = docs
            .chunks(CATALOG_DOCS as usize)
            .map(|c| {
                let entries: Vec<CatalogEntry> = c.iter().map(|a| CatalogEntry::of(a)).collect();
                encode_catalog(&entries)
            })
            .collect();
        let views = crate::entities::Entities::build(&docs, |d| {
            effective_day(docs[d as usize]).map(|day| crate::time::Date::from_days(day).year())
        })
        .encode();
        let buckets = bucket_count(n);
        let mut pairs: Vec<Vec<(&str, u32)>> = vec![Vec::new(); buckets as usize];
        for (d, a) in docs.iter().enumerate() {
            pairs[bucket_of(&a.id, buckets) as usize].push((&a.id, d as u32));
        }
        let ids: Vec<Vec<u8>> = pairs.into_iter().map(encode_bucket).collect();

        Records {
            fragments,
            catalog,
            views,
            ids,
        }
    }
}

/// The document order of `articles`: the article index of each document, newest first
/// (effective day, then publication moment, then position), undated last.
pub fn doc_order(articles: &[Article]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..articles.len() as u32).collect();
    order.sort_by_cached_key(|&i| {
        let a = &articles[i as usize];
        let day = effective_day(a);
        let moment = a.published.map(|p| {
            let (h, m, s) = p.hms();
            (p.date().to_days(), h * 3600 + m * 60 + s)
        });
        (day.is_none(), std::cmp::Reverse((day, moment)), i)
    });
    order
}

/// The day an article is placed at: its event date, else its publication date.
pub fn effective_day(a: &Article) -> Option<i32> {
    a.event_date
        .or(a.published.map(|p| p.date()))
        .map(|d| d.to_days())
}

impl DatasetFiles {
    /// Builds the dataset from `articles`, their document order ([`doc_order`]) and their
    /// [`DocTerms`] in that order. Terms come as an iterator so that a caller can extract them
    /// on other threads while the layers are assembled here. The same input gives the same
    /// bytes.
    pub fn build(
        articles: &[Article],
        order: &[u32],
        terms: impl IntoIterator<Item = DocTerms>,
    ) -> DatasetFiles {
        Self::build_with(articles, order, terms, || Records::build(articles, order))
    }

    /// [`DatasetFiles::build`] with the records' layers and the views from `records`, called
    /// once the terms are in (the ingest builds them on another thread meanwhile).
    pub fn build_with(
        articles: &[Article],
        order: &[u32],
        terms: impl IntoIterator<Item = DocTerms>,
        records: impl FnOnce() -> Records,
    ) -> DatasetFiles {
        let docs: Vec<&Article> = order.iter().map(|&i| &articles[i as usize]).collect();
        let n = docs.len();
        let meta_keys = meta_facet_keys(articles);
        let mut builder = TermsBuilder::default();
        let mut terms = terms.into_iter();
        for _ in &docs {
            builder.add(terms.next().expect("one DocTerms per article"));
        }
        let (term_data, pair_data) = builder.finish();
        let term_files = terms::build_terms(&term_data, &pair_data, n);

        let values: Vec<Vec<Vec<String>>> =
            docs.iter().map(|a| facet_values(a, &meta_keys)).collect();
        let keys = CORE_FACETS
            .iter()
            .map(|k| k.to_string())
            .chain(meta_keys.iter().map(|k| format!("meta:{k}")));
        let core_input = core::CoreInput {
            days: docs.iter().map(|a| effective_day(a)).collect(),
            facets: keys
                .enumerate()
                .map(|(f, key)| {
                    let per_doc = values
                        .iter()
                        .map(|v| v[f].iter().map(String::as_str).collect())
                        .collect();
                    (key, per_doc)
                })
                .collect(),
        };
        let (core_bytes, columns_bytes) =
            core::Core::build_layered(&core_input, &core::DEFERRED_FACETS);

        let Records {
            fragments,
            catalog,
            views,
            ids,
        } = records();

        let mut files = Vec::new();
        let single = |stem: &str, ext: &str, bytes: Vec<u8>, files: &mut Vec<(String, Vec<u8>)>| {
            let path = format!("{stem}-{:016x}.{ext}", fnv1a(&bytes));
            let r = FileRef {
                path: path.clone(),
                bytes: bytes.len() as u64,
            };
            files.push((path, bytes));
            r
        };
        let layer =
            |name: &str, ext: &str, parts: Vec<Vec<u8>>, files: &mut Vec<(String, Vec<u8>)>| {
                let hash = parts.iter().fold(fnv1a(name.as_bytes()), |h, p| {
                    fnv1a(&[h.to_le_bytes(), fnv1a(p).to_le_bytes()].concat())
                });
                let l = LayerRef {
                    dir: format!("{name}-{hash:016x}"),
                    ext: ext.to_string(),
                    files: parts.len() as u32,
                    bytes: parts.iter().map(|p| p.len() as u64).sum(),
                };
                for (i, p) in parts.into_iter().enumerate() {
                    files.push((l.path(i as u32), p));
                }
                l
            };
        let manifest = Manifest {
            schema_version: SCHEMA_VERSION,
            articles: n,
            synthetic: articles.iter().any(is_synthetic),
            offline_auto_bytes: None,
            compressed_bytes: None,
            core: single("core", "bin", core_bytes, &mut files),
            columns: single("columns", "bin", columns_bytes, &mut files),
            terms: single("terms", "bin", term_files.directory, &mut files),
            postings: layer("postings", "bin", term_files.postings, &mut files),
            positions: layer("positions", "bin", term_files.positions, &mut files),
            pairs: layer("pairs", "bin", term_files.pairs, &mut files),
            fragments: layer("articles", "jsonl", fragments, &mut files),
            catalog: layer("catalog", "jsonl", catalog, &mut files),
            ids: layer("ids", "json", ids, &mut files),
            views: {
                let [documents, people, organizations, figures] = views;
                ViewFiles {
                    documents: single("documents", "json", documents, &mut files),
                    people: single("people", "json", people, &mut files),
                    organizations: single("organizations", "json", organizations, &mut files),
                    figures: single("figures", "json", figures, &mut files),
                }
            },
        };
        DatasetFiles {
            manifest,
            files,
            doc_ids: docs.iter().map(|a| a.id.clone()).collect(),
        }
    }

    /// Builds the dataset, extracting terms on this thread.
    pub fn build_serial(articles: &[Article]) -> DatasetFiles {
        let order = doc_order(articles);
        let terms: Vec<DocTerms> = order
            .iter()
            .map(|&i| doc_terms(&articles[i as usize]))
            .collect();
        DatasetFiles::build(articles, &order, terms)
    }

    /// The bytes of the file at `path`.
    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, b)| b.as_slice())
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
    fn a_term_file_path_names_its_need_back() {
        let articles = vec![article("a", "Đảng viên"), article("b", "Hưng Yên")];
        let m = DatasetFiles::build_serial(&articles).manifest;
        let needs = [Need::Directory, Need::Columns]
            .into_iter()
            .chain((0..m.postings.files).map(Need::Postings))
            .chain((0..m.pairs.files).map(Need::Pairs))
            .chain((0..m.positions.files).map(Need::Positions));
        for need in needs {
            assert_eq!(m.need_of(&m.path_of(need)), Some(need), "{need:?}");
        }
        let past = m.postings.path(m.postings.files);
        for other in [m.core.path.clone(), m.fragments.path(0), past, "x".into()] {
            assert_eq!(m.need_of(&other), None, "{other}");
        }
    }

    #[test]
    fn builds_a_manifest_and_layers_that_read_back() {
        let articles = vec![article("a", "Đảng viên"), article("b", "Hưng Yên")];
        let ds = DatasetFiles::build_serial(&articles);
        let m = Manifest::decode(&ds.manifest.encode()).unwrap();
        assert_eq!(m, ds.manifest);
        assert_eq!(m.articles, 2);
        assert!(m.core.path.starts_with("core-") && m.core.path.ends_with(".bin"));
        assert_eq!(m.fragments.files, 2u32.div_ceil(FRAGMENT_DOCS));
        assert_eq!(m.paths().count(), ds.files.len());
        for p in m.paths() {
            assert!(ds.file(&p).is_some(), "{p}");
        }
        let index = Index::load_core(ds.file(&m.core.path).unwrap()).unwrap();
        assert_eq!(index.len(), 2);
        let records: Vec<Article> = (0..m.fragments.files)
            .flat_map(|n| {
                let text = std::str::from_utf8(ds.file(&m.fragments.path(n)).unwrap()).unwrap();
                records::decode_fragment(text).unwrap()
            })
            .collect();
        assert_eq!(records.len(), 2);
        assert_eq!(DatasetFiles::build_serial(&articles), ds, "deterministic");
    }

    #[test]
    fn tells_version_problems_apart_from_corruption() {
        let ds = DatasetFiles::build_serial(&[]);
        let newer = ds.manifest.encode().replace(
            &format!("\"schema_version\": {SCHEMA_VERSION}"),
            &format!("\"schema_version\": {}", SCHEMA_VERSION + 1),
        );
        assert_eq!(
            Manifest::decode(&newer),
            Err(DatasetError::NewerSchema {
                found: SCHEMA_VERSION + 1
            })
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
