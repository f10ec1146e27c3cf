//! The search index: built once at ingest ([`build`]), loaded in the browser in one pass over
//! its bytes, and read by the search engine. It holds what the list needs for every article
//! (id, title, dates, facet values) and a positional inverted index of titles and bodies.
//!
//! File layout, in order: the magic `NBIX`, [`SCHEMA_VERSION`], the number of documents, then
//! length-prefixed sections (see [`crate::codec`]): document table, facets, term dictionary,
//! postings, positions. Postings of a term are varints in document order: the document delta,
//! `body tf << 1 | (title tf > 0)`, and the title tf when it is not 0 (most postings are
//! body-only, so they take two varints, not three); its positions are, per posting,
//! `title tf + body tf` position deltas. Every [`SKIP_EVERY`]th posting has a skip entry (the
//! document before it and both byte offsets).

pub mod build;
mod postings;

pub use postings::{Cursor, Posting};

use crate::codec::{check_offsets, CodecError, Reader, StrTable};
use crate::dataset::SCHEMA_VERSION;
use crate::time::{Date, Precision, Timestamp};
use crate::EventKind;
use std::fmt;
use std::ops::Range;

/// The first bytes of every index file.
pub const MAGIC: &[u8; 4] = b"NBIX";

/// The most documents an index holds: ranks must fit in 24 bits of a sort key.
pub const MAX_DOCS: usize = (1 << 24) - 1;

/// Every this many postings of a term, a skip entry lets a cursor jump ahead.
pub const SKIP_EVERY: u32 = 64;

/// Marks a missing day in the day-number arrays.
pub const NO_DAY: i32 = i32::MIN;

/// The facet keys every index has, in display order; source metadata facets follow as
/// `meta:<field>`.
pub const CORE_FACETS: [&str; 6] = [
    "province",
    "organization",
    "kind",
    "year",
    "person",
    "document",
];

/// Why an index could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexError {
    /// Not an index file at all.
    NotAnIndex,
    /// An index of another schema version.
    Version {
        /// The version in the file.
        found: u32,
    },
    /// An index of this version that is truncated or inconsistent.
    Corrupt(String),
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IndexError::NotAnIndex => write!(f, "the file is not a Niên biểu index"),
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

/// One facet: its values, and the values of each document.
#[derive(Debug, Clone)]
pub struct Facet {
    /// The key: one of [`CORE_FACETS`] or `meta:<field>`.
    pub key: String,
    /// Distinct values, sorted in byte order.
    values: StrTable,
    /// `doc_ends[d]` is where document `d`'s value ids end in `ids`.
    doc_ends: Vec<u32>,
    /// Value ids of every document, in the order the article gives them.
    ids: Vec<u32>,
    /// When no document has more than one value: each document's value, or [`NO_VALUE`].
    single: Option<Vec<u32>>,
}

/// Marks a document without a value in [`Facet::single`].
pub const NO_VALUE: u32 = u32::MAX;

impl Facet {
    /// The number of distinct values.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// True when the facet has no value at all.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Each document's only value ([`NO_VALUE`] for none), when no document has two.
    #[inline]
    pub fn single(&self) -> Option<&[u32]> {
        self.single.as_deref()
    }

    /// The value ids of document `doc`.
    #[inline]
    pub fn of(&self, doc: u32) -> &[u32] {
        let d = doc as usize;
        let start = if d == 0 {
            0
        } else {
            self.doc_ends[d - 1] as usize
        };
        &self.ids[start..self.doc_ends[d] as usize]
    }
}

/// A loaded index. Read-only; the search engine borrows it.
#[derive(Debug, Clone)]
pub struct Index {
    buf: Vec<u8>,
    n_docs: usize,
    ids: StrTable,
    titles: StrTable,
    pub_day: Vec<i32>,
    pub_time: Vec<u32>,
    event_day: Vec<i32>,
    /// The day each document is placed at: its event date, else its publication date.
    effective: Vec<i32>,
    /// Each document's place in the newest-first order (effective day, then publication
    /// moment, then id; undated last): one integer compare for every date sort.
    newest_rank: Vec<u32>,
    /// The documents in newest-first order: `by_rank[newest_rank[d]] == d`.
    by_rank: Vec<u32>,
    /// How many documents have an effective day.
    dated: u32,
    pub(crate) title_len: Vec<u32>,
    pub(crate) body_len: Vec<u32>,
    chunk: Vec<u32>,
    chunk_at: Vec<u32>,
    chunk_len: Vec<u32>,
    facets: Vec<Facet>,
    folded: StrTable,
    folded_ends: Vec<u32>,
    exact: StrTable,
    df: Vec<u32>,
    post_ends: Vec<u32>,
    pos_ends: Vec<u32>,
    skip_ends: Vec<u32>,
    skips: Vec<u32>,
    postings: Range<usize>,
    positions: Range<usize>,
    pub(crate) avg_title_len: f32,
    pub(crate) avg_body_len: f32,
}

/// Where a document's full record lies in the article chunks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkLocation {
    /// The chunk number.
    pub chunk: u32,
    /// The byte offset of the record's line in the chunk.
    pub offset: u32,
    /// The line's length in bytes, without its newline.
    pub len: u32,
}

impl Index {
    /// Loads an index from its bytes, checking every offset, so that a corrupt file is refused
    /// here rather than misread later.
    pub fn load(buf: Vec<u8>) -> Result<Index, IndexError> {
        let mut r = Reader::new(&buf);
        if r.raw(4, "the header").ok() != Some(MAGIC.as_slice()) {
            return Err(IndexError::NotAnIndex);
        }
        let version = r.u32("the header")?;
        // Versions are small numbers; anything else is a damaged header, not a newer format.
        if version == 0 || version > 10_000 {
            return Err(IndexError::Corrupt(format!(
                "the header gives the impossible version {version}"
            )));
        }
        if version != SCHEMA_VERSION {
            return Err(IndexError::Version { found: version });
        }
        let n = r.u32("the header")? as usize;
        if n > MAX_DOCS {
            return Err(IndexError::Corrupt(format!(
                "{n} documents is more than the {MAX_DOCS} an index holds"
            )));
        }
        let corrupt = |m: &str| IndexError::Corrupt(m.to_string());
        let per_doc = |v: &[u32], what: &str| {
            if v.len() == n {
                Ok(())
            } else {
                Err(corrupt(&format!(
                    "{what} has {} entries for {n} documents",
                    v.len()
                )))
            }
        };

        let ids = r.strs("document ids")?;
        let titles = r.strs("titles")?;
        if ids.len() != n || titles.len() != n {
            return Err(corrupt(
                "the document table does not match the document count",
            ));
        }
        let as_days = |v: Vec<u32>| v.into_iter().map(|x| x as i32).collect::<Vec<i32>>();
        // One number per document, or the file is corrupt.
        let mut per_doc_u32s = |what: &str| -> Result<Vec<u32>, IndexError> {
            let v = r.u32s(what)?;
            per_doc(&v, what)?;
            Ok(v)
        };
        let pub_day_raw = per_doc_u32s("publication days")?;
        let pub_time = per_doc_u32s("publication times")?;
        let event_raw = per_doc_u32s("event days")?;
        let title_len = per_doc_u32s("title lengths")?;
        let body_len = per_doc_u32s("body lengths")?;
        let chunk = per_doc_u32s("chunk numbers")?;
        let chunk_at = per_doc_u32s("chunk offsets")?;
        let chunk_len = per_doc_u32s("chunk lengths")?;
        let (pub_day, event_day) = (as_days(pub_day_raw), as_days(event_raw));
        for &d in pub_day.iter().chain(&event_day) {
            if d != NO_DAY && !(-1_000_000..=1_000_000).contains(&d) {
                return Err(corrupt("a day number is out of range"));
            }
        }

        let n_facets = r.u32("facets")? as usize;
        let mut facets = Vec::with_capacity(n_facets.min(64));
        for _ in 0..n_facets {
            let key = String::from_utf8(r.bytes("a facet key").map(|b| buf[b].to_vec())?)
                .map_err(|_| corrupt("a facet key is not UTF-8"))?;
            let values = r.strs("facet values")?;
            let doc_ends = r.u32s("facet documents")?;
            let ids = r.u32s("facet value ids")?;
            per_doc(&doc_ends, "a facet")?;
            check_offsets(&doc_ends, ids.len(), "a facet")?;
            if ids.iter().any(|&v| v as usize >= values.len()) {
                return Err(corrupt("a facet value id is out of range"));
            }
            let mut single = Some(Vec::with_capacity(n));
            let mut start = 0;
            for &end in &doc_ends {
                let vals = &ids[start as usize..end as usize];
                match (vals, single.as_mut()) {
                    ([], Some(s)) => s.push(NO_VALUE),
                    ([v], Some(s)) => s.push(*v),
                    _ => single = None,
                }
                start = end;
            }
            facets.push(Facet {
                key,
                values,
                doc_ends,
                ids,
                single,
            });
        }

        let folded = r.strs("folded terms")?;
        let folded_ends = r.u32s("folded term ranges")?;
        let exact = r.strs("terms")?;
        let df = r.u32s("document frequencies")?;
        let post_ends = r.u32s("postings offsets")?;
        let pos_ends = r.u32s("positions offsets")?;
        let skip_ends = r.u32s("skip offsets")?;
        let skips = r.u32s("skip entries")?;
        let postings = r.bytes("postings")?;
        let positions = r.bytes("positions")?;
        if !r.at_end() {
            return Err(corrupt("bytes after the last section"));
        }
        let t = exact.len();
        if folded_ends.len() != folded.len()
            || folded_ends.last().map_or(0, |&e| e as usize) != t
            || df.len() != t
            || post_ends.len() != t
            || pos_ends.len() != t
            || skip_ends.len() != t
        {
            return Err(corrupt("the term dictionary does not add up"));
        }
        check_offsets(&folded_ends, t, "folded terms")?;
        check_offsets(&post_ends, postings.len(), "postings")?;
        check_offsets(&pos_ends, positions.len(), "positions")?;
        check_offsets(&skip_ends, skips.len(), "skips")?;
        for term in 0..t {
            let span = |ends: &[u32]| {
                let start = if term == 0 { 0 } else { ends[term - 1] };
                (start, ends[term])
            };
            let ((p0, p1), (q0, q1), (s0, s1)) =
                (span(&post_ends), span(&pos_ends), span(&skip_ends));
            if (s1 - s0) % 3 != 0 {
                return Err(corrupt("a skip list is not made of entries"));
            }
            let mut prev = (0, 0, 0);
            for e in skips[s0 as usize..s1 as usize].chunks_exact(3) {
                if e[1] > p1 - p0
                    || e[2] > q1 - q0
                    || (e[0], e[1], e[2]) < prev
                    || e[0] as usize >= n
                {
                    return Err(corrupt("a skip entry points outside its term"));
                }
                prev = (e[0], e[1], e[2]);
            }
        }

        let effective: Vec<i32> = event_day
            .iter()
            .zip(&pub_day)
            .map(|(&e, &p)| if e != NO_DAY { e } else { p })
            .collect();
        let published_key = |d: usize| {
            (pub_day[d] != NO_DAY)
                .then(|| i64::from(pub_day[d]) * 86_400 + i64::from(pub_time[d] & 0x1ffff))
        };
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_unstable_by_key(|&d| {
            let d = d as usize;
            let day = effective[d];
            // Dated first, then later days, later moments, smaller ids.
            (day == NO_DAY, std::cmp::Reverse((day, published_key(d))), d)
        });
        let mut newest_rank = vec![0; n];
        for (rank, &d) in order.iter().enumerate() {
            newest_rank[d as usize] = rank as u32;
        }
        let dated = effective.iter().filter(|&&d| d != NO_DAY).count() as u32;
        let by_rank = order;
        let mean = |v: &[u32]| (v.iter().map(|&x| x as f64).sum::<f64>() / n.max(1) as f64) as f32;
        let (avg_title_len, avg_body_len) = (mean(&title_len).max(1.0), mean(&body_len).max(1.0));
        Ok(Index {
            n_docs: n,
            ids,
            titles,
            pub_day,
            pub_time,
            event_day,
            effective,
            newest_rank,
            by_rank,
            dated,
            title_len,
            body_len,
            chunk,
            chunk_at,
            chunk_len,
            facets,
            folded,
            folded_ends,
            exact,
            df,
            post_ends,
            pos_ends,
            skip_ends,
            skips,
            postings,
            positions,
            avg_title_len,
            avg_body_len,
            buf,
        })
    }

    /// The number of documents.
    pub fn len(&self) -> usize {
        self.n_docs
    }

    /// True when the index holds no document.
    pub fn is_empty(&self) -> bool {
        self.n_docs == 0
    }

    /// The size of the index file in bytes.
    pub fn byte_len(&self) -> usize {
        self.buf.len()
    }

    /// The article id of document `doc`.
    pub fn id(&self, doc: u32) -> &str {
        self.ids.get(&self.buf, doc as usize)
    }

    /// The document with article id `id`, if any (ids are sorted).
    pub fn doc_by_id(&self, id: &str) -> Option<u32> {
        self.ids.binary_search(&self.buf, id).ok().map(|d| d as u32)
    }

    /// The headline of document `doc`, if it has one.
    pub fn title(&self, doc: u32) -> Option<&str> {
        Some(self.titles.get(&self.buf, doc as usize)).filter(|t| !t.is_empty())
    }

    /// The publication date-time and its precision.
    pub fn published(&self, doc: u32) -> Option<(Timestamp, Precision)> {
        let d = self.pub_day[doc as usize];
        if d == NO_DAY {
            return None;
        }
        let t = self.pub_time[doc as usize];
        let secs = t & 0x1ffff;
        let precision = match t >> 24 {
            2 => Precision::Second,
            1 => Precision::Minute,
            _ => Precision::Day,
        };
        let ts = Timestamp::new(Date::from_days(d), secs / 3600, secs / 60 % 60, secs % 60)?;
        Some((ts, precision))
    }

    /// The document's place in the newest-first order (undated last).
    #[inline]
    pub fn newest_rank(&self, doc: u32) -> u32 {
        self.newest_rank[doc as usize]
    }

    /// The document at place `rank` of the newest-first order.
    #[inline]
    pub fn doc_at_rank(&self, rank: u32) -> u32 {
        self.by_rank[rank as usize]
    }

    /// The newest-first place of the document at place `rank` of the oldest-first order.
    #[inline]
    pub fn newest_rank_of_oldest(&self, rank: u32) -> u32 {
        // The mapping is its own inverse: dated ranks mirror, undated ones stay.
        if rank < self.dated {
            self.dated - 1 - rank
        } else {
            rank
        }
    }

    /// The document's place in the oldest-first order (undated still last).
    #[inline]
    pub fn oldest_rank(&self, doc: u32) -> u32 {
        let r = self.newest_rank[doc as usize];
        if r < self.dated {
            self.dated - 1 - r
        } else {
            r
        }
    }

    /// The event date read from the body, if any.
    pub fn event_date(&self, doc: u32) -> Option<Date> {
        let d = self.event_day[doc as usize];
        (d != NO_DAY).then(|| Date::from_days(d))
    }

    /// The day the document is placed at on the timeline and in date filters: its event date,
    /// else its publication date.
    #[inline]
    pub fn effective_day(&self, doc: u32) -> Option<i32> {
        let d = self.effective[doc as usize];
        (d != NO_DAY).then_some(d)
    }

    /// The event kind.
    pub fn kind(&self, doc: u32) -> EventKind {
        self.facet("kind")
            .and_then(|f| f.of(doc).first().map(|&v| self.facet_value(f, v)))
            .and_then(EventKind::from_code)
            .unwrap_or_default()
    }

    /// Where the full record of `doc` lies in the article chunks.
    pub fn location(&self, doc: u32) -> ChunkLocation {
        let d = doc as usize;
        ChunkLocation {
            chunk: self.chunk[d],
            offset: self.chunk_at[d],
            len: self.chunk_len[d],
        }
    }

    /// Every facet, in display order.
    pub fn facets(&self) -> &[Facet] {
        &self.facets
    }

    /// The facet with key `key`.
    pub fn facet(&self, key: &str) -> Option<&Facet> {
        self.facets.iter().find(|f| f.key == key)
    }

    /// The text of value `v` of `facet`.
    pub fn facet_value<'a>(&'a self, facet: &Facet, v: u32) -> &'a str {
        facet.values.get(&self.buf, v as usize)
    }

    /// The id of the value `text` of `facet`, if the facet has it.
    pub fn facet_value_id(&self, facet: &Facet, text: &str) -> Option<u32> {
        facet
            .values
            .binary_search(&self.buf, text)
            .ok()
            .map(|v| v as u32)
    }

    /// The number of distinct terms.
    pub fn term_count(&self) -> usize {
        self.exact.len()
    }

    /// The exact (marked, lower-case) form of term `t`.
    pub fn term(&self, t: u32) -> &str {
        self.exact.get(&self.buf, t as usize)
    }

    /// How many documents contain term `t`.
    pub fn df(&self, t: u32) -> u32 {
        self.df[t as usize]
    }

    /// The folded forms from `from` (inclusive) to the first that does not start with
    /// `prefix`, as a range of folded-form numbers. With `prefix == false` the range holds at
    /// most the one form equal to `folded`.
    pub fn folded_forms(&self, folded: &str, prefix: bool) -> Range<usize> {
        let start = match self.folded.binary_search(&self.buf, folded) {
            Ok(i) => i,
            Err(i) if prefix => i,
            Err(_) => return 0..0,
        };
        if !prefix {
            return start..start + 1;
        }
        // Everything that starts with `folded` sorts right after it and before `folded` + U+10FFFF.
        let mut upper = folded.to_string();
        upper.push(char::MAX);
        let end = match self.folded.binary_search(&self.buf, &upper) {
            Ok(i) | Err(i) => i,
        };
        start..end
    }

    /// The folded text of folded form `f`.
    pub fn folded_form(&self, f: usize) -> &str {
        self.folded.get(&self.buf, f)
    }

    /// The terms (exact forms) that fold to folded form `f`.
    pub fn terms_of_form(&self, f: usize) -> Range<u32> {
        let start = if f == 0 { 0 } else { self.folded_ends[f - 1] };
        start..self.folded_ends[f]
    }

    /// A cursor over the postings of term `t` that does not read positions (faster when
    /// only documents and frequencies are wanted).
    pub fn doc_cursor(&self, t: u32) -> Cursor<'_> {
        let mut c = self.cursor(t);
        c.drop_positions();
        c
    }

    /// A cursor over the postings of term `t`.
    pub fn cursor(&self, t: u32) -> Cursor<'_> {
        let t = t as usize;
        let span = |ends: &[u32], blob: &Range<usize>| {
            let start = if t == 0 { 0 } else { ends[t - 1] as usize };
            &self.buf[blob.start + start..blob.start + ends[t] as usize]
        };
        let skip_start = if t == 0 {
            0
        } else {
            self.skip_ends[t - 1] as usize
        };
        Cursor::new(
            span(&self.post_ends, &self.postings),
            span(&self.pos_ends, &self.positions),
            &self.skips[skip_start..self.skip_ends[t] as usize],
            self.n_docs as u32,
        )
    }
}

/// Sizes of the index's parts, for benchmarks and the ingest summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexStats {
    /// Documents.
    pub docs: usize,
    /// Distinct terms.
    pub terms: usize,
    /// Bytes of postings.
    pub postings_bytes: usize,
    /// Bytes of positions.
    pub positions_bytes: usize,
    /// Bytes of the whole file.
    pub total_bytes: usize,
}

impl Index {
    /// Sizes of the index's parts.
    pub fn stats(&self) -> IndexStats {
        IndexStats {
            docs: self.n_docs,
            terms: self.exact.len(),
            postings_bytes: self.postings.len(),
            positions_bytes: self.positions.len(),
            total_bytes: self.buf.len(),
        }
    }
}
