//! The search index as the engine sees it: the core layer (dates and facets of every
//! document), and whatever part of the term layers has been loaded (the directory, postings,
//! positions and pairs shards; see [`crate::dataset::terms`]). Terms and folded forms have
//! global numbers; an accessor on a shard that is not loaded answers "nothing", and the engine asks
//! [`Index::has`] first, through the needs it computes for a query.

pub mod build;
mod postings;

pub use crate::dataset::core::{Facet, MAX_DOCS, NO_VALUE};
pub use postings::{Cursor, Posting};

use crate::codec::CodecError;
use crate::dataset::core::Core;
use crate::dataset::pairs::PairsShard;
use crate::dataset::terms::{Directory, PositionsShard, PostingsShard};
use crate::dataset::SCHEMA_VERSION;
use crate::EventKind;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

/// Marks a missing day in day-number arrays.
pub const NO_DAY: i32 = i32::MIN;

/// The facet keys every dataset has, in display order; source metadata facets follow as
/// `meta:<field>`.
pub const CORE_FACETS: [&str; 10] = [
    "province",
    "organization",
    "kind",
    "year",
    "person",
    "document",
    "doc_kind",
    "doc_issuer",
    "doc_year",
    "organizer",
];

/// A file of the term layers that a request needs and the index does not have yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Need {
    /// The term directory.
    Directory,
    /// A postings shard, by number.
    Postings(u32),
    /// A positions shard, by number.
    Positions(u32),
    /// A pairs shard, by number.
    Pairs(u32),
    /// The columns of the deferred facets (organisations, people): a filter on one of them
    /// and their panels' counts need it.
    Columns,
}

/// Why a layer could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexError {
    /// A file of another schema version.
    Version {
        /// The version in the file.
        found: u32,
    },
    /// A file that is truncated, inconsistent, or not the one asked for.
    Corrupt(String),
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IndexError::Version { found } => write!(
                f,
                "the index has schema version {found}; this app reads {SCHEMA_VERSION}"
            ),
            IndexError::Corrupt(m) => write!(f, "the index is corrupt: {m}"),
        }
    }
}

impl std::error::Error for IndexError {}

impl From<CodecError> for IndexError {
    fn from(e: CodecError) -> Self {
        IndexError::Corrupt(e.0)
    }
}

/// The loaded layers. Read-only for the search; files are added as they arrive.
#[derive(Debug, Clone)]
pub struct Index {
    core: Core,
    dir: Option<Directory>,
    postings: Vec<Option<PostingsShard>>,
    positions: Vec<Option<PositionsShard>>,
    /// By number, as they arrive: the directory's count of them is not trusted with an
    /// allocation.
    pairs: BTreeMap<u32, PairsShard>,
}

impl Index {
    /// An index over a loaded core, with no term layer yet.
    pub fn new(core: Core) -> Index {
        Index {
            core,
            dir: None,
            postings: Vec::new(),
            positions: Vec::new(),
            pairs: BTreeMap::new(),
        }
    }

    /// Loads a core file.
    pub fn load_core(bytes: &[u8]) -> Result<Index, IndexError> {
        Ok(Index::new(Core::load(bytes)?))
    }

    /// Adds the columns file of the deferred facets.
    pub fn add_columns(&mut self, bytes: &[u8]) -> Result<(), IndexError> {
        self.core.add_columns(bytes)
    }

    /// Adds the term directory.
    pub fn add_directory(&mut self, bytes: &[u8]) -> Result<(), IndexError> {
        let dir = Directory::load(bytes)?;
        if dir.n_docs != self.len() {
            return Err(IndexError::Corrupt(format!(
                "the term directory is for {} documents, the core has {}",
                dir.n_docs,
                self.len()
            )));
        }
        self.postings = vec![None; dir.postings_shards()];
        self.positions = vec![None; dir.positions_shards()];
        self.pairs = BTreeMap::new();
        self.dir = Some(dir);
        Ok(())
    }

    /// Adds postings shard `no`, checking that it is the shard the directory describes.
    pub fn add_postings(&mut self, no: u32, bytes: Vec<u8>) -> Result<(), IndexError> {
        let dir = self.directory_for("a postings shard")?;
        let shard = PostingsShard::load(bytes, self.len())?;
        let (forms, terms) = (
            dir.forms_of_shard(no.min(u32::MAX - 1)),
            dir.terms_of_shard(no),
        );
        if shard.no != no
            || no as usize >= dir.postings_shards()
            || shard.form_start != forms.start
            || shard.forms() != forms.len() as u32
            || shard.term_start != terms.start
            || shard.terms() != terms.len() as u32
        {
            return Err(IndexError::Corrupt(format!(
                "postings shard {no} does not match the term directory"
            )));
        }
        self.postings[no as usize] = Some(shard);
        Ok(())
    }

    /// Adds positions shard `no`, checking that it is the shard the directory describes.
    pub fn add_positions(&mut self, no: u32, bytes: Vec<u8>) -> Result<(), IndexError> {
        let dir = self.directory_for("a positions shard")?;
        let shard = PositionsShard::load(bytes)?;
        if shard.no != no
            || no as usize >= dir.positions_shards()
            || dir.terms_of_positions(no) != (shard.term_start..shard.term_start + shard.terms())
        {
            return Err(IndexError::Corrupt(format!(
                "positions shard {no} does not match the term directory"
            )));
        }
        self.positions[no as usize] = Some(shard);
        Ok(())
    }

    /// Adds pairs shard `no`, checking that it is the shard the directory describes.
    pub fn add_pairs(&mut self, no: u32, bytes: Vec<u8>) -> Result<(), IndexError> {
        let dir = self.directory_for("a pairs shard")?;
        if no >= dir.pairs_shards() {
            return Err(IndexError::Corrupt(format!(
                "pairs shard {no} is not in the term directory"
            )));
        }
        let shard = PairsShard::load(bytes, no, dir.pairs_shards(), dir.n_terms)?;
        self.pairs.insert(no, shard);
        Ok(())
    }

    fn directory_for(&self, what: &str) -> Result<&Directory, IndexError> {
        self.dir
            .as_ref()
            .ok_or_else(|| IndexError::Corrupt(format!("{what} came before the term directory")))
    }

    /// True when the index has the file `need` names.
    pub fn has(&self, need: Need) -> bool {
        match need {
            Need::Directory => self.dir.is_some(),
            Need::Postings(s) => self.postings.get(s as usize).is_some_and(Option::is_some),
            Need::Positions(p) => self.positions.get(p as usize).is_some_and(Option::is_some),
            Need::Pairs(p) => self.pairs.contains_key(&p),
            Need::Columns => !self.core.is_pending(),
        }
    }

    /// The term directory, once loaded.
    pub fn directory(&self) -> Option<&Directory> {
        self.dir.as_ref()
    }

    /// The number of documents.
    pub fn len(&self) -> usize {
        self.core.len()
    }

    /// True when the index holds no document.
    pub fn is_empty(&self) -> bool {
        self.core.is_empty()
    }

    /// The day the document is placed at on the timeline and in date filters: its event date,
    /// else its publication date.
    #[inline]
    pub fn effective_day(&self, doc: u32) -> Option<i32> {
        self.core.day(doc)
    }

    /// The event kind.
    pub fn kind(&self, doc: u32) -> EventKind {
        self.facet("kind")
            .and_then(|f| f.of(doc).first().map(|&v| f.value(v)))
            .and_then(EventKind::from_code)
            .unwrap_or_default()
    }

    /// Every facet, in display order.
    pub fn facets(&self) -> &[Facet] {
        self.core.facets()
    }

    /// The facet with key `key`.
    pub fn facet(&self, key: &str) -> Option<&Facet> {
        self.facets().iter().find(|f| f.key == key)
    }

    /// The text of value `v` of `facet`.
    pub fn facet_value<'a>(&self, facet: &'a Facet, v: u32) -> &'a str {
        facet.value(v)
    }

    /// The id of the value `text` of `facet`, if the facet has it.
    pub fn facet_value_id(&self, facet: &Facet, text: &str) -> Option<u32> {
        facet.value_id(text)
    }

    /// The document's place in the newest-first order: documents are numbered in it.
    #[inline]
    pub fn newest_rank(&self, doc: u32) -> u32 {
        doc
    }

    /// The document at place `rank` of the newest-first order.
    #[inline]
    pub fn doc_at_rank(&self, rank: u32) -> u32 {
        rank
    }

    /// The newest-first place of the document at place `rank` of the oldest-first order.
    #[inline]
    pub fn newest_rank_of_oldest(&self, rank: u32) -> u32 {
        // The mapping is its own inverse: dated ranks mirror, undated ones stay.
        self.oldest_rank(rank)
    }

    /// The document's place in the oldest-first order (undated still last).
    #[inline]
    pub fn oldest_rank(&self, doc: u32) -> u32 {
        let dated = self.core.dated() as u32;
        if doc < dated {
            dated - 1 - doc
        } else {
            doc
        }
    }

    fn form_shard(&self, f: u32) -> Option<(&PostingsShard, u32)> {
        let s = self.dir.as_ref()?.shard_of_form(f);
        let shard = self.postings.get(s as usize)?.as_ref()?;
        Some((shard, f.checked_sub(shard.form_start)?))
    }

    fn term_shard(&self, t: u32) -> Option<(&PostingsShard, u32)> {
        let s = self.dir.as_ref()?.shard_of_term(t);
        let shard = self.postings.get(s as usize)?.as_ref()?;
        let local = t.checked_sub(shard.term_start)?;
        (local < shard.terms()).then_some((shard, local))
    }

    /// The postings shards a word needs: the one holding `folded`; for a prefix, those
    /// holding its forms, or, when they span several shards, those of the completions the
    /// directory lists. Empty before the directory is loaded.
    pub fn shards_for(&self, folded: &str, prefix: bool) -> Vec<u32> {
        let Some(dir) = &self.dir else {
            return Vec::new();
        };
        if !prefix {
            return vec![dir.shard_for(folded)];
        }
        let span = dir.shards_for_prefix(folded);
        if span.len() <= 1 {
            return span.collect();
        }
        let mut out: Vec<u32> = match dir.completions(folded) {
            Some(forms) => forms.iter().map(|&f| dir.shard_of_form(f)).collect(),
            None => span.collect(),
        };
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The folded forms a word matches: the one equal to `folded`, or for a prefix those
    /// starting with it (for a prefix spanning several shards, the directory's completions).
    /// Only loaded shards are read.
    pub fn folded_forms(&self, folded: &str, prefix: bool) -> Vec<u32> {
        let Some(dir) = &self.dir else {
            return Vec::new();
        };
        let span = if prefix {
            dir.shards_for_prefix(folded)
        } else {
            let s = dir.shard_for(folded);
            s..s + 1
        };
        if span.len() > 1 {
            if let Some(forms) = dir.completions(folded) {
                return forms.to_vec();
            }
        }
        let mut out = Vec::new();
        for s in span {
            if let Some(Some(shard)) = self.postings.get(s as usize) {
                out.extend(
                    shard
                        .forms_matching(folded, prefix)
                        .map(|f| f + shard.form_start),
                );
            }
        }
        out
    }

    /// The folded text of form `f` ("" when its shard is not loaded).
    pub fn folded_form(&self, f: u32) -> &str {
        self.form_shard(f).map_or("", |(s, l)| s.folded(l))
    }

    /// The terms (exact forms) that fold to form `f` (none when its shard is not loaded).
    pub fn terms_of_form(&self, f: u32) -> Range<u32> {
        match self.form_shard(f) {
            Some((s, l)) if l < s.forms() => {
                let r = s.terms_of_form(l);
                r.start + s.term_start..r.end + s.term_start
            }
            _ => 0..0,
        }
    }

    /// The exact (marked, lower-case) form of term `t`.
    pub fn term(&self, t: u32) -> &str {
        self.term_shard(t).map_or("", |(s, l)| s.exact(l))
    }

    /// How many documents contain term `t`.
    pub fn df(&self, t: u32) -> u32 {
        self.term_shard(t).map_or(0, |(s, l)| s.df(l))
    }

    /// The positions shard holding term `t` (`None` before the directory is loaded).
    pub fn positions_shard_of(&self, t: u32) -> Option<u32> {
        Some(self.dir.as_ref()?.positions_of_term(t))
    }

    /// The pairs shard that would hold the pair `key` (see [`crate::dataset::pairs`]):
    /// `None` when no shard can (or the directory is not loaded).
    pub fn pairs_shard_for(&self, key: &str) -> Option<u32> {
        self.dir.as_ref()?.pairs_shard_for(key)
    }

    /// True when the pairs layer holds the pair `key` (its shard loaded).
    pub fn holds_pair(&self, key: &str) -> bool {
        self.pairs_shard_for(key)
            .and_then(|p| self.pairs.get(&p))
            .is_some_and(|s| s.contains(key))
    }

    /// The entries of the pair `key`, `(first term, second term, postings)`: `None` when its
    /// shard is not loaded, empty when the pairs layer does not hold it.
    pub fn pair_entries(&self, key: &str) -> Option<Vec<(u32, u32, &[u8])>> {
        let Some(p) = self.pairs_shard_for(key) else {
            return self.dir.as_ref().map(|_| Vec::new());
        };
        Some(self.pairs.get(&p)?.entries(key).collect())
    }

    /// A cursor over the postings of term `t`, without positions.
    pub fn doc_cursor(&self, t: u32) -> Cursor<'_> {
        match self.term_shard(t) {
            Some((s, l)) => {
                let (p, skips) = s.postings(l);
                Cursor::new(p, skips, self.len() as u32, None)
            }
            None => Cursor::new(&[], &[], 0, None),
        }
    }

    /// A cursor over the postings of term `t` that reads positions when asked.
    pub fn cursor(&self, t: u32) -> Cursor<'_> {
        let positions = self.dir.as_ref().and_then(|d| {
            let shard = self
                .positions
                .get(d.positions_of_term(t) as usize)?
                .as_ref()?;
            let local = t.checked_sub(shard.term_start)?;
            (local < shard.terms()).then(|| shard.positions(local))
        });
        match self.term_shard(t) {
            Some((s, l)) => {
                let (p, skips) = s.postings(l);
                Cursor::new(p, skips, self.len() as u32, positions)
            }
            None => Cursor::new(&[], &[], 0, None),
        }
    }

    /// Bytes of term layers loaded so far: (directory, postings, positions and pairs).
    pub fn loaded_bytes(&self) -> (usize, usize, usize) {
        let sum = |v: &[Option<PostingsShard>]| v.iter().flatten().map(|s| s.byte_len()).sum();
        (
            usize::from(self.dir.is_some()),
            sum(&self.postings),
            self.positions
                .iter()
                .flatten()
                .map(|s| s.byte_len())
                .sum::<usize>()
                + self.pairs.values().map(|s| s.byte_len()).sum::<usize>(),
        )
    }
}
