//! The search engine: one call turns a request (query, filters, date range, sort, timeline
//! window) into the ordered results, every facet's counts and the timeline bins.

mod facets;
mod highlight;
mod matcher;
mod query;
mod ranked;
mod timeline;
pub mod typing;

pub use crate::dataset::terms::MAX_PREFIX_FORMS;
pub use facets::{DateFilter, FacetCounts, FACET_TOP};
pub use highlight::{lead_words, match_ranges, opening, snippet, Passages, Snippet};
pub use matcher::{Scored, ADJACENCY_TOP, POSITION_BUDGET};
pub use query::{
    Query, QueryNote, QueryWord, MAX_EXCLUDED, MAX_PHRASES, MAX_QUERY_BYTES, MAX_WORDS,
};
pub use ranked::{Ranked, HEAD};
pub use timeline::{Bin, Granularity, Timeline, MAX_BINS};

use crate::dataset::DatasetFiles;
use crate::index::{Index, IndexError, Need};
use crate::time::Date;
use facets::Resolved;
use matcher::Scratch;
use ranked::radix_sort;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// The order of results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Best match first; without a query, newest first.
    #[default]
    Relevance,
    /// Latest effective date first, undated last.
    Newest,
    /// Earliest effective date first, undated last.
    Oldest,
}

impl Sort {
    /// The stable code, as used in URLs.
    pub fn code(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
        }
    }

    /// The sort with code `code`.
    pub fn from_code(code: &str) -> Option<Sort> {
        [Sort::Relevance, Sort::Newest, Sort::Oldest]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// What a reader asks for. Every field has a default, so a JSON request may name only what
/// it sets: `{"query": "đảng viên", "filters": {"province": ["Hưng Yên"]}}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchRequest {
    /// The query as typed.
    #[serde(alias = "q")]
    pub query: String,
    /// Diacritics must match exactly ("đang" no longer finds "đảng").
    pub strict: bool,
    /// Facet key to selected values: values within a facet OR, facets AND.
    pub filters: BTreeMap<String, Vec<String>>,
    /// The date range on the effective date, and undated articles.
    pub dates: DateFilter,
    /// The order of results.
    pub sort: Sort,
    /// The timeline's window; `None` shows the whole extent of the results.
    pub zoom: Option<(Date, Date)>,
    /// The timeline's bin width; `None` picks one from the window.
    pub granularity: Option<Granularity>,
}

/// Everything a screen of results needs.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchResult {
    /// The parsed query, for highlighting.
    pub query: Query,
    /// Matching documents in display order.
    pub hits: Vec<u32>,
    /// Every facet's counts, in the index's facet order.
    pub facets: Vec<FacetCounts>,
    /// The results over time, with every filter applied but the date range.
    pub timeline: Timeline,
}

/// The matching articles of a request, ordered, and what their counts need.
#[derive(Debug, Clone)]
pub struct Hits {
    /// The parsed query, for highlighting.
    pub query: Query,
    /// Matching documents in display order (the best [`HEAD`] ordered at once, the rest when
    /// first read); empty while [`Hits::missing`] is not.
    pub hits: Ranked,
    /// Files of the term layers the request needs and the index does not have yet. While
    /// any is missing, the hits are not known: nothing here is a result.
    pub missing: Vec<Need>,
    /// True when the query's phrases were too heavy to check on every document (see
    /// [`matcher::POSITION_BUDGET`]): the hits are those found within the budget.
    pub approximate: bool,
    /// Every document matching the query, with the filters it fails (see `Resolved::mask`).
    masked: Vec<(u32, u32)>,
    resolved: Resolved,
    zoom: Option<(Date, Date)>,
    granularity: Option<Granularity>,
}

/// The facet counts and the timeline of a set of hits.
#[derive(Debug, Clone, PartialEq)]
pub struct Panels {
    /// Every facet's counts, in the index's facet order.
    pub facets: Vec<FacetCounts>,
    /// The results over time, with every filter applied but the date range.
    pub timeline: Timeline,
}

impl Panels {
    /// True when a facet's counts wait for the deferred facets' columns.
    pub fn pending(&self) -> bool {
        self.facets.iter().any(|f| f.pending)
    }

    /// True when a facet lists only its most frequent values until the deferred facets'
    /// columns (see [`FacetCounts::partial`]).
    pub fn partial(&self) -> bool {
        self.facets.iter().any(|f| f.partial)
    }
}

/// The search engine over one loaded index.
pub struct Engine {
    index: Index,
    scratch: RefCell<Scratch>,
    /// The whole archive's facet counts under the last filters a large set of hits had.
    baseline: RefCell<Option<facets::Baseline>>,
    /// The side-by-side bonus reads the pairs layer (see [`Engine::without_pairs`]).
    pairs: bool,
}

impl Hits {
    /// True when every file the request needs was loaded: the hits are final.
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }
}

impl Engine {
    /// An engine over a core file, with no term layer yet.
    pub fn load_core(bytes: &[u8]) -> Result<Engine, IndexError> {
        Ok(Engine::new(Index::load_core(bytes)?))
    }

    /// An engine with every layer of `files` loaded (for tests, benchmarks and tools).
    pub fn from_files(files: &DatasetFiles) -> Result<Engine, IndexError> {
        let m = &files.manifest;
        let get = |path: &str| {
            files
                .file(path)
                .ok_or_else(|| IndexError::Corrupt(format!("{path} is missing")))
        };
        let mut engine = Engine::load_core(get(&m.core.path)?)?;
        engine.add(Need::Columns, get(&m.columns.path)?.to_vec())?;
        engine.add(Need::Directory, get(&m.terms.path)?.to_vec())?;
        for n in 0..m.postings.files {
            engine.add(Need::Postings(n), get(&m.postings.path(n))?.to_vec())?;
        }
        for n in 0..m.positions.files {
            engine.add(Need::Positions(n), get(&m.positions.path(n))?.to_vec())?;
        }
        for n in 0..m.pairs.files {
            engine.add(Need::Pairs(n), get(&m.pairs.path(n))?.to_vec())?;
        }
        Ok(engine)
    }

    /// Adds a file of the term layers, as named by `need`.
    pub fn add(&mut self, need: Need, bytes: Vec<u8>) -> Result<(), IndexError> {
        match need {
            Need::Directory => self.index.add_directory(&bytes),
            Need::Postings(n) => self.index.add_postings(n, bytes),
            Need::Positions(n) => self.index.add_positions(n, bytes),
            Need::Pairs(n) => self.index.add_pairs(n, bytes),
            Need::Columns => {
                self.index.add_columns(&bytes)?;
                // The whole archive's counts were taken without the deferred facets' columns.
                *self.baseline.borrow_mut() = None;
                Ok(())
            }
        }
    }

    /// Files of the term layers worth fetching ahead for the keystroke after `req` (see
    /// [`matcher::prefetch`]).
    pub fn prefetch(&self, req: &SearchRequest) -> Vec<Need> {
        matcher::prefetch(&self.index, &Query::parse(&req.query))
    }

    /// The files of the term layers that `req` needs and the index does not have yet, and the
    /// deferred facets' columns when it filters on one of them.
    pub fn needs(&self, req: &SearchRequest) -> Vec<Need> {
        let query = Query::parse(&req.query);
        let mut needs = matcher::needs(&self.index, &query, req.strict, self.pairs);
        let resolved = Resolved::new(&self.index, &req.filters, req.dates);
        if resolved.needs_columns(&self.index) {
            needs.push(Need::Columns);
        }
        needs
    }

    /// An engine over `index`.
    pub fn new(index: Index) -> Engine {
        Engine {
            index,
            scratch: RefCell::new(Scratch::default()),
            baseline: RefCell::new(None),
            pairs: true,
        }
    }

    /// The same engine with the side-by-side bonus always read from the words' positions, as
    /// before the pairs layer: the tests check that both rank alike.
    pub fn without_pairs(mut self) -> Engine {
        self.pairs = false;
        self
    }

    /// The index.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Runs a request: the ordered hits, every facet's counts and the timeline. Answers
    /// nothing for a request whose files are not loaded (see [`Hits::missing`]).
    pub fn search(&self, req: &SearchRequest) -> SearchResult {
        let hits = self.hits(req);
        let Panels { facets, timeline } = self.panels(&hits);
        SearchResult {
            query: hits.query,
            hits: hits.hits.to_vec(),
            facets,
            timeline,
        }
    }

    /// The first half of [`Engine::search`]: the matching articles, filtered and ordered,
    /// with what [`Engine::panels`] needs to count them. A list can show these at once and
    /// its facet counts and timeline a moment later.
    pub fn hits(&self, req: &SearchRequest) -> Hits {
        let index = &self.index;
        let query = Query::parse(&req.query);
        let resolved = Resolved::new(index, &req.filters, req.dates);
        let columns = resolved.needs_columns(index);
        let found = matcher::find(
            index,
            &query,
            req.strict,
            self.pairs,
            &mut self.scratch.borrow_mut(),
        );
        let found = match found {
            Ok(_) if columns => Err(vec![Need::Columns]),
            Err(mut missing) if columns => {
                missing.push(Need::Columns);
                Err(missing)
            }
            other => other,
        };
        let found = match found {
            Ok(found) => found,
            Err(missing) => {
                return Hits {
                    query,
                    hits: Ranked::default(),
                    missing,
                    approximate: false,
                    masked: Vec::new(),
                    resolved,
                    zoom: req.zoom,
                    granularity: req.granularity,
                }
            }
        };
        let masked: Vec<(u32, u32)> = found
            .iter()
            .map(|s| (s.doc, resolved.mask(index, s.doc)))
            .collect();
        let hits: Vec<Scored> = found
            .into_iter()
            .zip(&masked)
            .filter(|(_, (_, mask))| *mask == 0)
            .map(|(s, _)| s)
            .collect();
        let sort =
            if req.sort == Sort::Relevance && query.words.is_empty() && query.phrases.is_empty() {
                Sort::Newest
            } else {
                req.sort
            };
        Hits {
            query,
            hits: sorted(index, sort, hits),
            missing: Vec::new(),
            approximate: self.scratch.borrow().cut,
            masked,
            resolved,
            zoom: req.zoom,
            granularity: req.granularity,
        }
    }

    /// The second half of [`Engine::search`]: every facet's counts (each with every filter
    /// but its own) and the timeline (with every filter but the date range) of `hits`.
    pub fn panels(&self, hits: &Hits) -> Panels {
        self.panels_with(hits, true)
    }

    /// [`Engine::panels`], without counting the facets when `facets` is false (no facet is
    /// on screen: a phone's folded filter panel); their list is then empty.
    pub fn panels_with(&self, hits: &Hits, facets: bool) -> Panels {
        let index = &self.index;
        let facets = if facets {
            facets::count(index, &hits.resolved, &hits.masked, &self.baseline)
        } else {
            Vec::new()
        };
        let date_bit = hits.resolved.date_bit();
        let mut days = Vec::new();
        let mut undated = 0;
        for &(doc, mask) in &hits.masked {
            if mask & !date_bit == 0 {
                match index.effective_day(doc) {
                    Some(d) => days.push(d),
                    None => undated += 1,
                }
            }
        }
        let timeline = Timeline::build(&days, undated, hits.zoom, hits.granularity);
        Panels { facets, timeline }
    }

    /// For a request with no results, how many results each single change would bring back:
    /// `(what to remove, results without it)`, most results first, those giving none left out.
    pub fn relaxations(&self, req: &SearchRequest) -> Vec<(Relaxation, usize)> {
        let mut out = Vec::new();
        let mut try_without = |what: Relaxation, r: SearchRequest| {
            let n = self.hits(&r).hits.len();
            if n > 0 {
                out.push((what, n));
            }
        };
        if !req.query.trim().is_empty() {
            try_without(
                Relaxation::Query,
                SearchRequest {
                    query: String::new(),
                    ..req.clone()
                },
            );
        }
        if req.strict {
            try_without(
                Relaxation::Strict,
                SearchRequest {
                    strict: false,
                    ..req.clone()
                },
            );
        }
        for (key, values) in &req.filters {
            for v in values {
                let mut r = req.clone();
                r.filters.entry(key.clone()).or_default().retain(|x| x != v);
                try_without(Relaxation::Value(key.clone(), v.clone()), r);
            }
        }
        if !req.dates.is_open() {
            try_without(
                Relaxation::Dates,
                SearchRequest {
                    dates: DateFilter::default(),
                    ..req.clone()
                },
            );
        }
        crate::order::sort_by_key(&mut out, |x| std::cmp::Reverse(x.1));
        out
    }
}

/// Orders hits. Each gets one integer key, so the sort compares integers only: for relevance,
/// (exact-mark tier, score, date rank) packed into 64 bits, ties going to the newer article;
/// for the date orders, the date rank alone.
fn sorted(index: &Index, sort: Sort, hits: Vec<Scored>) -> Ranked {
    match sort {
        Sort::Relevance => {
            // Documents are numbered newest first (`Index::newest_rank`): the key's low bits
            // are the document itself, as `Ranked::by_keys` reads them.
            debug_assert!(hits.iter().all(|s| index.doc_at_rank(s.doc) == s.doc));
            let keys: Vec<u64> = hits
                .iter()
                .map(|s| {
                    // Non-negative floats order like their bits.
                    let score = if s.score > 0.0 { s.score.to_bits() } else { 0 };
                    (u64::from(u8::MAX - s.tier) << 56)
                        | (u64::from(u32::MAX - score) << 24)
                        | u64::from(index.newest_rank(s.doc))
                })
                .collect();
            Ranked::by_keys(keys)
        }
        Sort::Newest | Sort::Oldest => {
            let rank = |d| match sort {
                Sort::Oldest => index.oldest_rank(d),
                _ => index.newest_rank(d),
            };
            let mut keys: Vec<u64> = hits.iter().map(|s| u64::from(rank(s.doc))).collect();
            // Hits come in document order, which is newest first: the list of every article
            // (a cleared search box) is then ordered already.
            if !keys.is_sorted() {
                radix_sort(&mut keys, 24);
            }
            let newest = |r: u32| match sort {
                Sort::Oldest => index.newest_rank_of_oldest(r),
                _ => r,
            };
            Ranked::ordered(
                keys.into_iter()
                    .map(|r| index.doc_at_rank(newest(r as u32)))
                    .collect(),
            )
        }
    }
}

/// One constraint of a request that could be removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relaxation {
    /// The query text.
    Query,
    /// Strict diacritics.
    Strict,
    /// One selected value of a facet: `(facet key, value)`.
    Value(String, String),
    /// The date range.
    Dates,
}

/// A small xorshift generator for the search tests: reproducible numbers without a
/// dependency.
#[cfg(test)]
fn xorshift(seed: u64) -> impl FnMut() -> u64 {
    let mut x = seed;
    move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    }
}
