//! The search itself, in plain Rust (tested natively): a manifest and a core, the term files a
//! query needs named by their paths, the first hits of a query, and a hit's row from its
//! article file.

use nienbieu_model::dataset::records::{decode_fragment, fragment_of};
use nienbieu_model::search::{lead_words, match_ranges, opening, snippet, Query};
use nienbieu_model::{Engine, Manifest, Precision, SearchRequest};

/// What a query's row shows, as the app's row does: the headline (or the lead's first words)
/// and the snippet with the query's words marked, the date, the organisation and the province.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The article's id.
    pub id: String,
    /// The headline in pieces (plain text at even indices, a matched word at odd ones), or the
    /// lead's first words when the article has none ([`Row::untitled`]).
    pub title: Vec<String>,
    /// The article has no headline.
    pub untitled: bool,
    /// The date as the app writes it in Vietnamese, empty if the article has none.
    pub date: String,
    /// The date in ISO 8601, for a `<time>` element's `datetime`.
    pub datetime: String,
    /// The first organisation named, empty if none.
    pub organization: String,
    /// The first province named, empty if none.
    pub province: String,
    /// The snippet in pieces, as the headline.
    pub snippet: Vec<String>,
    /// The snippet starts inside its paragraph.
    pub cut_before: bool,
    /// The snippet ends inside its paragraph.
    pub cut_after: bool,
}

/// `text` cut at `ranges`: plain text at even indices, the ranges' text at odd ones.
fn pieces(text: &str, ranges: &[std::ops::Range<usize>]) -> Vec<String> {
    let mut out = Vec::with_capacity(2 * ranges.len() + 1);
    let mut at = 0;
    for r in ranges {
        out.push(text[at..r.start].to_string());
        out.push(text[r.clone()].to_string());
        at = r.end;
    }
    out.push(text[at..].to_string());
    out
}

/// An engine over one dataset, loaded a file at a time.
pub struct Searcher {
    manifest: Manifest,
    engine: Engine,
    total: usize,
    approximate: bool,
}

impl Searcher {
    /// A searcher over the dataset of `manifest` (its text) with its core's bytes. The error
    /// names the file and what is wrong with it.
    pub fn new(manifest: &str, core: &[u8]) -> Result<Searcher, String> {
        let manifest = Manifest::decode(manifest).map_err(|e| format!("manifest.json: {e}"))?;
        let engine = Engine::load_core(core).map_err(|e| format!("{}: {e}", manifest.core.path))?;
        Ok(Searcher {
            manifest,
            engine,
            total: 0,
            approximate: false,
        })
    }

    fn request(query: &str) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            ..SearchRequest::default()
        }
    }

    /// The paths (relative to the manifest) of the term files `query` needs and the engine
    /// does not have yet; empty once it can be answered.
    pub fn needs(&self, query: &str) -> Vec<String> {
        self.engine
            .needs(&Self::request(query))
            .into_iter()
            .map(|n| self.manifest.path_of(n))
            .collect()
    }

    /// Adds the term file at `path` (as [`Searcher::needs`] named it) with its bytes.
    pub fn add(&mut self, path: &str, bytes: Vec<u8>) -> Result<(), String> {
        let need = self
            .manifest
            .need_of(path)
            .ok_or_else(|| format!("{path}: not a file of this dataset's term layers"))?;
        self.engine
            .add(need, bytes)
            .map_err(|e| format!("{path}: {e}"))
    }

    /// The first `n` hits of `query` (document numbers, best first), or `None` while a file
    /// it needs is missing. [`Searcher::total`] then says how many there are in all.
    pub fn search(&mut self, query: &str, n: usize) -> Option<Vec<u32>> {
        let hits = self.engine.hits(&Self::request(query));
        if !hits.is_complete() {
            return None;
        }
        self.total = hits.hits.len();
        self.approximate = hits.approximate;
        Some(hits.hits.range(0, n.min(self.total)))
    }

    /// How many articles the last complete [`Searcher::search`] found.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Whether that count is approximate: a phrase too common to check in every article
    /// (the engine's position budget), as the app's count then says.
    pub fn approximate(&self) -> bool {
        self.approximate
    }

    /// The path (relative to the manifest) of the article file holding document `doc`.
    pub fn file_of(&self, doc: u32) -> String {
        self.manifest.fragments.path(fragment_of(doc).0)
    }

    /// The row of document `doc` for `query`, from the text of its article file.
    pub fn row(&self, query: &str, doc: u32, file: &str) -> Result<Row, String> {
        let path = self.file_of(doc);
        let articles = decode_fragment(file).map_err(|e| format!("{path}: {e}"))?;
        let article = articles
            .get(fragment_of(doc).1)
            .ok_or_else(|| format!("{path}: no article {doc}"))?;
        let q = Query::parse(query);
        let s = opening(&q, &article.paragraphs)
            .unwrap_or_else(|| snippet(&q, false, &article.paragraphs));
        let (title, untitled) = match &article.title {
            Some(t) => (pieces(t, &match_ranges(&q, false, t)), false),
            None => (
                vec![lead_words(&article.paragraphs).unwrap_or_default()],
                true,
            ),
        };
        let (date, datetime) = match (article.published, article.event_date) {
            (Some(ts), _) => (
                ts.to_vietnamese(article.published_precision.unwrap_or(Precision::Day)),
                ts.to_string(),
            ),
            (None, Some(d)) => (d.to_vietnamese(), d.to_string()),
            (None, None) => Default::default(),
        };
        Ok(Row {
            id: article.id.clone(),
            title,
            untitled,
            date,
            datetime,
            organization: article.organizations.first().cloned().unwrap_or_default(),
            province: article.provinces.first().cloned().unwrap_or_default(),
            snippet: pieces(&s.text, &s.ranges),
            cut_before: s.cut_before,
            cut_after: s.cut_after,
        })
    }
}
