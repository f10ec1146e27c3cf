//! The term layers: the search index split so that a query fetches only what it needs, as
//! Pagefind splits its index. Terms are sorted by folded form, then exact form ("dang":
//! "dang", "đang", "đảng", ...), and numbered in that order, as are the folded forms.
//!
//! - **Postings shards** each hold a run of folded forms with their terms, document
//!   frequencies and postings: per posting the document's distance from the one before
//!   (varint) and one impact byte (the BM25F term frequency with the length normalisation
//!   done at ingest, see [`impact_code`]), with a skip entry every [`SKIP_EVERY`] postings. A
//!   form with many postings gets a shard of its own.
//! - **Positions shards** each hold a run of terms' positions, apart from their postings: only
//!   quoted phrases and the side-by-side bonus read them. Per posting: the count, then the
//!   positions as differences (the title's first, then the body's, see
//!   [`crate::index::build`]), with a skip entry every [`SKIP_EVERY`] postings.
//! - **The directory** says where each shard starts (its first folded form, form and term
//!   numbers), and lists, for every prefix whose completions span several postings shards,
//!   the completions a search expands it to, so that typing "th" fetches the shards of its
//!   most frequent completions and not every shard from "th" to "tz"; and the number of
//!   pairs shards (see [`crate::dataset::pairs`]).

use crate::codec::{CodecError, Reader, StrTable, Writer};
use crate::dataset::pairs::{build_pairs, shard_of, PairData};
use crate::dataset::SCHEMA_VERSION;
use crate::index::IndexError;
use std::ops::Range;

/// Every this many postings of a term, a skip entry lets a cursor jump ahead.
pub const SKIP_EVERY: u32 = 64;

/// A postings shard is closed once it holds this many bytes of postings.
pub const POSTINGS_SHARD_BYTES: usize = 24 << 10;
/// A positions shard is closed once it holds this many bytes of positions.
pub const POSITIONS_SHARD_BYTES: usize = 48 << 10;

/// A prefix expands to its most frequent completions, at most this many folded forms...
pub const MAX_PREFIX_FORMS: usize = 64;
/// ...and, beyond the first [`MIN_PREFIX_FORMS`], only while their postings stay within this
/// many times the number of documents: a one- or two-letter prefix would otherwise read a
/// large part of the index on every keystroke, to rank results nobody has finished asking for.
pub const PREFIX_POSTINGS_BUDGET: u64 = 4;
/// Completions always kept, however frequent.
pub const MIN_PREFIX_FORMS: usize = 8;
/// A prefix of one letter keeps only this many for certain...
pub const MIN_LETTER_FORMS: usize = 2;
/// ...and more only while their postings stay within this many times the documents: the first
/// letter typed matches nearly every article whatever it expands to, and its order means
/// little until the second letter comes, but reading eight of its forms made it the slowest
/// keystroke of all (5.5 ms natively at 100,000 articles, a third of a frame in the browser).
pub const LETTER_POSTINGS_BUDGET: u64 = 2;
/// A prefix of two letters keeps this many for certain...
pub const MIN_PAIR_FORMS: usize = 4;
/// ...and more only while their postings stay within this many times the documents: two
/// letters ("th", "ng", "đả") still match nearly every article through their four most
/// frequent completions (18,203 of 20,000 for "th", against 19,731 through eight), and each
/// frequent completion is a shard of its own: eight of them made "th" the heaviest query of a
/// first visit (279 kB at 20,000 articles, 992 kB at 100,000), for an order that means
/// little until the third letter comes.
pub const PAIR_POSTINGS_BUDGET: u64 = 2;

/// How many completions of `prefix` are kept for certain: [`MIN_LETTER_FORMS`] for a single
/// letter, [`MIN_PAIR_FORMS`] for two, else [`MIN_PREFIX_FORMS`].
pub fn min_forms(prefix: &str) -> usize {
    limits(prefix).0
}

/// The completions kept for certain and the postings budget (times the documents) of
/// `prefix`: a single letter's, two letters', or any longer prefix's.
fn limits(prefix: &str) -> (usize, u64) {
    if prefix.chars().nth(1).is_none() {
        (MIN_LETTER_FORMS, LETTER_POSTINGS_BUDGET)
    } else if prefix.chars().nth(2).is_none() {
        (MIN_PAIR_FORMS, PAIR_POSTINGS_BUDGET)
    } else {
        (MIN_PREFIX_FORMS, PREFIX_POSTINGS_BUDGET)
    }
}

const DIRECTORY_MAGIC: &[u8; 4] = b"NBTD";
const POSTINGS_MAGIC: &[u8; 4] = b"NBPS";
const POSITIONS_MAGIC: &[u8; 4] = b"NBXS";

/// The impact byte of a term frequency `x` (title occurrences weighted and both fields
/// normalised by length, as BM25F does before saturating): a logarithmic scale with 16 steps
/// per doubling (each within 2.2 % of the value), from 1/256 to 256; a term frequency above
/// 256 is saturated anyway.
pub fn impact_code(x: f32) -> u8 {
    let q = (x.max(1e-9).log2() * 16.0).round() + 128.0;
    q.clamp(1.0, 255.0) as u8
}

/// The term frequency an impact byte stands for.
pub fn impact_value(code: u8) -> f32 {
    ((f32::from(code) - 128.0) / 16.0).exp2()
}

/// One term as the builder hands it over, in (folded, exact) order.
#[derive(Debug, Clone, Default)]
pub struct TermData {
    /// The exact form ("đảng").
    pub exact: String,
    /// The folded form ("dang").
    pub folded: String,
    /// Documents containing the term.
    pub df: u32,
    /// The postings (see the module documentation).
    pub postings: Vec<u8>,
    /// `(document before, offset)` of every [`SKIP_EVERY`]th posting after the first.
    pub post_skips: Vec<u32>,
    /// The positions (see the module documentation).
    pub positions: Vec<u8>,
    /// The offset of every [`SKIP_EVERY`]th posting's positions after the first.
    pub pos_skips: Vec<u32>,
}

/// The term layers of a dataset, ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermFiles {
    /// The directory.
    pub directory: Vec<u8>,
    /// The postings shards, in order.
    pub postings: Vec<Vec<u8>>,
    /// The positions shards, in order.
    pub positions: Vec<Vec<u8>>,
    /// The pairs shards, in order (see [`crate::dataset::pairs`]).
    pub pairs: Vec<Vec<u8>>,
}

/// Splits `terms` (sorted by folded, then exact form) and `pairs` (by key) into shards and
/// writes the directory.
pub fn build_terms(terms: &[TermData], pairs: &[PairData], n_docs: usize) -> TermFiles {
    // Folded forms: (first term, end term).
    let mut forms: Vec<(usize, usize)> = Vec::new();
    for (i, t) in terms.iter().enumerate() {
        match forms.last_mut() {
            Some((start, end)) if terms[*start].folded == t.folded => *end = i + 1,
            _ => forms.push((i, i + 1)),
        }
    }
    let form_bytes =
        |&(a, b): &(usize, usize)| -> usize { terms[a..b].iter().map(|t| t.postings.len()).sum() };
    // Postings shards: runs of forms; a large form alone.
    let mut shards: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    let mut bytes = 0;
    for (f, form) in forms.iter().enumerate() {
        let b = form_bytes(form);
        if f > start && (bytes + b > POSTINGS_SHARD_BYTES || b > POSTINGS_SHARD_BYTES / 2) {
            shards.push(start..f);
            (start, bytes) = (f, 0);
        }
        bytes += b;
        if b > POSTINGS_SHARD_BYTES / 2 {
            shards.push(start..f + 1);
            (start, bytes) = (f + 1, 0);
        }
    }
    if start < forms.len() || shards.is_empty() {
        shards.push(start..forms.len());
    }
    // Positions shards: runs of terms; a large term alone.
    let mut pos_shards: Vec<Range<usize>> = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, t) in terms.iter().enumerate() {
        let b = t.positions.len();
        if i > start && (bytes + b > POSITIONS_SHARD_BYTES || b > POSITIONS_SHARD_BYTES / 2) {
            pos_shards.push(start..i);
            (start, bytes) = (i, 0);
        }
        bytes += b;
        if b > POSITIONS_SHARD_BYTES / 2 {
            pos_shards.push(start..i + 1);
            (start, bytes) = (i + 1, 0);
        }
    }
    if start < terms.len() || pos_shards.is_empty() {
        pos_shards.push(start..terms.len());
    }

    let term_start = |f: usize| forms.get(f).map_or(terms.len(), |x| x.0);
    let postings = shards
        .iter()
        .enumerate()
        .map(|(no, r)| {
            let mut w = Writer::default();
            w.out.extend_from_slice(POSTINGS_MAGIC);
            w.u32(SCHEMA_VERSION);
            w.u32(no as u32);
            w.u32(r.start as u32);
            w.u32(term_start(r.start) as u32);
            let fs = &forms[r.clone()];
            w.strs(fs.iter().map(|&(a, _)| terms[a].folded.as_str()));
            w.varints(fs.iter().map(|&(a, b)| (b - a) as u32));
            let ts = &terms[term_start(r.start)..term_start(r.end)];
            w.strs(ts.iter().map(|t| t.exact.as_str()));
            w.varints(ts.iter().map(|t| t.df));
            w.varints(ts.iter().map(|t| t.postings.len() as u32));
            w.varints(ts.iter().map(|t| (t.post_skips.len() / 2) as u32));
            w.u32s(
                &ts.iter()
                    .flat_map(|t| t.post_skips.iter().copied())
                    .collect::<Vec<_>>(),
            );
            w.bytes(
                &ts.iter()
                    .flat_map(|t| t.postings.iter().copied())
                    .collect::<Vec<_>>(),
            );
            w.out
        })
        .collect();
    let positions = pos_shards
        .iter()
        .enumerate()
        .map(|(no, r)| {
            let mut w = Writer::default();
            w.out.extend_from_slice(POSITIONS_MAGIC);
            w.u32(SCHEMA_VERSION);
            w.u32(no as u32);
            w.u32(r.start as u32);
            let ts = &terms[r.clone()];
            w.u32(ts.len() as u32);
            w.varints(ts.iter().map(|t| t.positions.len() as u32));
            w.varints(ts.iter().map(|t| t.pos_skips.len() as u32));
            w.u32s(
                &ts.iter()
                    .flat_map(|t| t.pos_skips.iter().copied())
                    .collect::<Vec<_>>(),
            );
            w.bytes(
                &ts.iter()
                    .flat_map(|t| t.positions.iter().copied())
                    .collect::<Vec<_>>(),
            );
            w.out
        })
        .collect();

    // Completions of every prefix whose forms span more than one postings shard.
    let shard_of_form = |f: usize| shards.partition_point(|r| r.end <= f);
    let form_df = |f: usize| -> u64 {
        let (a, b) = forms[f];
        terms[a..b].iter().map(|t| u64::from(t.df)).sum()
    };
    let mut completions: Vec<(String, Vec<u32>)> = Vec::new();
    let folded = |f: usize| terms[forms[f].0].folded.as_str();
    let mut len = 1;
    loop {
        let mut any = false;
        let mut f = 0;
        while f < forms.len() {
            let Some(prefix) = char_prefix(folded(f), len) else {
                f += 1;
                continue;
            };
            let end = f + forms[f..].partition_point(|&(a, _)| terms[a].folded.starts_with(prefix));
            if shard_of_form(f) != shard_of_form(end - 1) {
                any = true;
                let forms = (f as u32)..(end as u32);
                let top = expansion(
                    prefix,
                    forms,
                    |g| folded(g as usize),
                    |g| form_df(g as usize),
                    n_docs,
                );
                completions.push((prefix.to_string(), top));
            }
            f = end;
        }
        if !any {
            break;
        }
        len += 1;
    }
    completions.sort_by(|a, b| a.0.cmp(&b.0));

    let mut w = Writer::default();
    w.out.extend_from_slice(DIRECTORY_MAGIC);
    w.u32(SCHEMA_VERSION);
    w.u32(n_docs as u32);
    w.u32(forms.len() as u32);
    w.u32(terms.len() as u32);
    w.strs(shards.iter().map(|r| {
        if r.start < forms.len() {
            folded(r.start)
        } else {
            ""
        }
    }));
    w.varints(shards.iter().map(|r| (r.end - r.start) as u32));
    w.varints(
        shards
            .iter()
            .map(|r| (term_start(r.end) - term_start(r.start)) as u32),
    );
    w.varints(pos_shards.iter().map(|r| (r.end - r.start) as u32));
    w.strs(completions.iter().map(|(p, _)| p.as_str()));
    w.varints(completions.iter().map(|(_, fs)| fs.len() as u32));
    w.varints(completions.iter().flat_map(|(_, fs)| fs.iter().copied()));
    let pairs = build_pairs(pairs);
    w.u32(pairs.len() as u32);
    TermFiles {
        directory: w.out,
        postings,
        positions,
        pairs,
    }
}

/// The first `n` characters of `s`, if it has that many.
fn char_prefix(s: &str, n: usize) -> Option<&str> {
    match s.char_indices().nth(n) {
        Some((i, _)) => Some(&s[..i]),
        None if s.chars().count() == n => Some(s),
        None => None,
    }
}

/// The folded forms a prefix expands to, from the forms starting with it: the whole word
/// first, then the most frequent, at least [`MIN_PREFIX_FORMS`] and then more while their
/// postings stay within [`PREFIX_POSTINGS_BUDGET`] times the documents, at most
/// [`MAX_PREFIX_FORMS`]; for a single letter, [`MIN_LETTER_FORMS`] and
/// [`LETTER_POSTINGS_BUDGET`]; for two, [`MIN_PAIR_FORMS`] and [`PAIR_POSTINGS_BUDGET`]. The
/// engine applies the same rule to prefixes within one shard, and to the completions a
/// directory written by an earlier version stored.
pub fn expansion<'a>(
    prefix: &str,
    forms: impl IntoIterator<Item = u32>,
    folded: impl Fn(u32) -> &'a str,
    weight: impl Fn(u32) -> u64,
    n_docs: usize,
) -> Vec<u32> {
    let mut ranked: Vec<(bool, std::cmp::Reverse<u64>, u32)> = forms
        .into_iter()
        .map(|f| (folded(f) != prefix, std::cmp::Reverse(weight(f)), f))
        .collect();
    // The shared sort, although a typed prefix comes here: over one shard's forms that start
    // with it (a few thousand at most), and no slower in the native typing benchmark.
    crate::order::sort_by(&mut ranked, |a, b| a.cmp(b));
    let (min, times) = limits(prefix);
    let budget = times * n_docs as u64;
    let mut spent = 0;
    ranked
        .into_iter()
        .enumerate()
        .take_while(|(i, (_, w, _))| {
            spent += w.0;
            *i < min || (*i < MAX_PREFIX_FORMS && spent <= budget)
        })
        .map(|(_, (_, _, f))| f)
        .collect()
}

/// Starts of runs from their lengths: `[3, 2]` gives `[0, 3, 5]`.
pub(crate) fn starts(lens: &[u32]) -> Result<Vec<u32>, CodecError> {
    let mut out = Vec::with_capacity(lens.len() + 1);
    let mut at = 0u32;
    out.push(0);
    for &l in lens {
        at = at
            .checked_add(l)
            .ok_or_else(|| CodecError("a length overflows".into()))?;
        out.push(at);
    }
    Ok(out)
}

pub(crate) fn header(r: &mut Reader, magic: &[u8; 4], what: &str) -> Result<(), IndexError> {
    if r.raw(4, what).ok() != Some(magic.as_slice()) {
        return Err(IndexError::Corrupt(format!("not a {what}")));
    }
    let version = r.u32(what)?;
    // Versions are small numbers; anything else is a damaged header, not a newer format.
    if version == 0 || version > 10_000 {
        return Err(IndexError::Corrupt(format!(
            "{what} gives an impossible version"
        )));
    }
    if version != SCHEMA_VERSION {
        return Err(IndexError::Version { found: version });
    }
    Ok(())
}

/// The loaded directory of the term layers.
#[derive(Debug, Clone)]
pub struct Directory {
    /// Documents in the dataset (checked against the core).
    pub n_docs: usize,
    /// Folded forms in all.
    pub n_forms: u32,
    /// Terms in all.
    pub n_terms: u32,
    firsts: Vec<String>,
    /// Where each postings shard's forms start, and one more: the form count.
    form_starts: Vec<u32>,
    /// Where each postings shard's terms start, and one more: the term count.
    term_starts: Vec<u32>,
    /// Where each positions shard's terms start, and one more: the term count.
    pos_starts: Vec<u32>,
    prefixes: Vec<String>,
    completion_starts: Vec<u32>,
    completion_forms: Vec<u32>,
    /// The number of pairs shards.
    pairs: u32,
}

impl Directory {
    /// Loads a directory, checking that its numbers add up.
    pub fn load(buf: &[u8]) -> Result<Directory, IndexError> {
        let bad = |m: &str| IndexError::Corrupt(m.to_string());
        let mut r = Reader::new(buf);
        header(&mut r, DIRECTORY_MAGIC, "term directory")?;
        let n_docs = r.u32("the header")? as usize;
        let n_forms = r.u32("the header")?;
        let n_terms = r.u32("the header")?;
        let firsts_t = r.strs("shard starts")?;
        let firsts: Vec<String> = (0..firsts_t.len())
            .map(|i| firsts_t.get(buf, i).to_string())
            .collect();
        let form_starts = starts(&r.varints("shard sizes")?)?;
        let term_starts = starts(&r.varints("shard term counts")?)?;
        let pos_starts = starts(&r.varints("positions shard sizes")?)?;
        let prefixes_t = r.strs("prefixes")?;
        let prefixes: Vec<String> = (0..prefixes_t.len())
            .map(|i| prefixes_t.get(buf, i).to_string())
            .collect();
        let completion_starts = starts(&r.varints("completion counts")?)?;
        let completion_forms = r.varints("completions")?;
        let pairs = r.u32("the number of pairs shards")?;
        if !r.at_end() {
            return Err(bad("bytes after the last section"));
        }
        if firsts.len() + 1 != form_starts.len()
            || form_starts.last() != Some(&n_forms)
            || term_starts.len() != form_starts.len()
            || term_starts.last() != Some(&n_terms)
            || pos_starts.last() != Some(&n_terms)
            || firsts.windows(2).any(|w| w[0] > w[1])
            || prefixes.windows(2).any(|w| w[0] >= w[1])
            || prefixes.len() + 1 != completion_starts.len()
            || completion_starts.last().copied() != Some(completion_forms.len() as u32)
            || completion_forms.iter().any(|&f| f >= n_forms)
        {
            return Err(bad("the term directory does not add up"));
        }
        Ok(Directory {
            n_docs,
            n_forms,
            n_terms,
            firsts,
            form_starts,
            term_starts,
            pos_starts,
            prefixes,
            completion_starts,
            completion_forms,
            pairs,
        })
    }

    /// The number of postings shards.
    pub fn postings_shards(&self) -> usize {
        self.firsts.len()
    }

    /// The number of positions shards.
    pub fn positions_shards(&self) -> usize {
        self.pos_starts.len() - 1
    }

    /// The number of pairs shards.
    pub fn pairs_shards(&self) -> u32 {
        self.pairs
    }

    /// The pairs shard that holds `key` if any does (see [`crate::dataset::pairs`]).
    pub fn pairs_shard_for(&self, key: &str) -> Option<u32> {
        (self.pairs > 0).then(|| shard_of(key, self.pairs))
    }

    /// The forms of postings shard `s`.
    pub fn forms_of_shard(&self, s: u32) -> Range<u32> {
        let s = s as usize;
        self.form_starts[s]..self.form_starts[s + 1]
    }

    /// The terms of positions shard `p`.
    pub fn terms_of_positions(&self, p: u32) -> Range<u32> {
        let p = p as usize;
        self.pos_starts[p]..self.pos_starts[p + 1]
    }

    /// The postings shard holding folded form number `f`.
    pub fn shard_of_form(&self, f: u32) -> u32 {
        last_start(&self.form_starts, f)
    }

    /// The terms of postings shard `s`.
    pub fn terms_of_shard(&self, s: u32) -> Range<u32> {
        let s = s as usize;
        self.term_starts[s]..self.term_starts[s + 1]
    }

    /// The postings shard holding term number `t`.
    pub fn shard_of_term(&self, t: u32) -> u32 {
        last_start(&self.term_starts, t)
    }

    /// The positions shard holding term number `t`.
    pub fn positions_of_term(&self, t: u32) -> u32 {
        last_start(&self.pos_starts, t)
    }

    /// The postings shard that holds the folded form `folded`, if the index has it.
    pub fn shard_for(&self, folded: &str) -> u32 {
        (self.firsts.partition_point(|s| s.as_str() <= folded).max(1) - 1) as u32
    }

    /// The postings shards that hold the folded forms starting with `prefix`.
    pub fn shards_for_prefix(&self, prefix: &str) -> Range<u32> {
        let mut upper = prefix.to_string();
        upper.push(char::MAX);
        self.shard_for(prefix)..self.shard_for(&upper) + 1
    }

    /// The forms a prefix spanning several shards expands to (see [`expansion`]).
    pub fn completions(&self, prefix: &str) -> Option<&[u32]> {
        let i = self
            .prefixes
            .binary_search_by(|p| p.as_str().cmp(prefix))
            .ok()?;
        let r = self.completion_starts[i] as usize..self.completion_starts[i + 1] as usize;
        Some(&self.completion_forms[r])
    }

    /// The number of prefixes with completions.
    pub fn completion_count(&self) -> usize {
        self.prefixes.len()
    }
}

/// The run holding number `x`, given the runs' starts and their end: the last start at or
/// below `x`, never past the last run (nor below the first).
fn last_start(starts: &[u32], x: u32) -> u32 {
    let runs = starts.len().saturating_sub(1);
    starts
        .partition_point(|&s| s <= x)
        .saturating_sub(1)
        .min(runs.saturating_sub(1)) as u32
}

/// A loaded postings shard.
#[derive(Debug, Clone)]
pub struct PostingsShard {
    /// Its number.
    pub no: u32,
    /// Its first folded form's number.
    pub form_start: u32,
    /// Its first term's number.
    pub term_start: u32,
    buf: Vec<u8>,
    folded: StrTable,
    /// Where each form's terms start (shard-local), and one more.
    form_terms: Vec<u32>,
    exact: StrTable,
    df: Vec<u32>,
    post_starts: Vec<u32>,
    skip_starts: Vec<u32>,
    skips: Vec<u32>,
    postings: Range<usize>,
}

impl PostingsShard {
    /// Loads a shard, checking every offset and skip entry.
    pub fn load(buf: Vec<u8>, n_docs: usize) -> Result<PostingsShard, IndexError> {
        let bad = |m: &str| IndexError::Corrupt(m.to_string());
        let mut r = Reader::new(&buf);
        header(&mut r, POSTINGS_MAGIC, "postings shard")?;
        let no = r.u32("the header")?;
        let form_start = r.u32("the header")?;
        let term_start = r.u32("the header")?;
        let folded = r.strs("folded forms")?;
        let form_terms = starts(&r.varints("terms per form")?)?;
        let exact = r.strs("terms")?;
        let df = r.varints("document frequencies")?;
        let post_starts = starts(&r.varints("postings lengths")?)?;
        let skip_starts = starts(&r.varints("skip counts")?)?;
        let skips = r.u32s("skip entries")?;
        let postings = r.bytes("postings")?;
        if !r.at_end() {
            return Err(bad("bytes after the last section"));
        }
        let t = exact.len();
        if form_terms.len() != folded.len() + 1
            || form_terms.last().copied() != Some(t as u32)
            || df.len() != t
            || post_starts.len() != t + 1
            || skip_starts.len() != t + 1
            || post_starts.last().copied() != Some(postings.len() as u32)
            || skip_starts.last().map(|&s| s as usize * 2) != Some(skips.len())
            || folded.is_empty() && t > 0
        {
            return Err(bad("the shard does not add up"));
        }
        for term in 0..t {
            let len = post_starts[term + 1] - post_starts[term];
            let mut prev = (0, 0);
            for e in skips[skip_starts[term] as usize * 2..skip_starts[term + 1] as usize * 2]
                .chunks_exact(2)
            {
                if e[1] > len || (e[0], e[1]) < prev || e[0] as usize >= n_docs {
                    return Err(bad("a skip entry points outside its term"));
                }
                prev = (e[0], e[1]);
            }
        }
        Ok(PostingsShard {
            no,
            form_start,
            term_start,
            folded,
            form_terms,
            exact,
            df,
            post_starts,
            skip_starts,
            skips,
            postings,
            buf,
        })
    }

    /// The number of folded forms in the shard.
    pub fn forms(&self) -> u32 {
        self.folded.len() as u32
    }

    /// The number of terms in the shard.
    pub fn terms(&self) -> u32 {
        self.exact.len() as u32
    }

    /// The text of local form `f`.
    pub fn folded(&self, f: u32) -> &str {
        self.folded.get(&self.buf, f as usize)
    }

    /// The local forms from `folded` on (or the one equal to it, when not `prefix`), to the
    /// first that does not start with it.
    pub fn forms_matching(&self, folded: &str, prefix: bool) -> Range<u32> {
        let start = match self.folded.binary_search(&self.buf, folded) {
            Ok(i) => i,
            Err(i) if prefix => i,
            Err(_) => return 0..0,
        };
        if !prefix {
            return start as u32..start as u32 + 1;
        }
        let mut upper = folded.to_string();
        upper.push(char::MAX);
        let end = match self.folded.binary_search(&self.buf, &upper) {
            Ok(i) | Err(i) => i,
        };
        start as u32..end as u32
    }

    /// The local terms of local form `f`.
    pub fn terms_of_form(&self, f: u32) -> Range<u32> {
        let f = f as usize;
        self.form_terms[f]..self.form_terms[f + 1]
    }

    /// The exact form of local term `t`.
    pub fn exact(&self, t: u32) -> &str {
        self.exact.get(&self.buf, t as usize)
    }

    /// Documents containing local term `t`.
    pub fn df(&self, t: u32) -> u32 {
        self.df[t as usize]
    }

    /// The postings bytes and skip entries of local term `t`.
    pub fn postings(&self, t: u32) -> (&[u8], &[u32]) {
        let t = t as usize;
        let p = &self.buf[self.postings.start + self.post_starts[t] as usize
            ..self.postings.start + self.post_starts[t + 1] as usize];
        let s = &self.skips[self.skip_starts[t] as usize * 2..self.skip_starts[t + 1] as usize * 2];
        (p, s)
    }

    /// The size of the shard file.
    pub fn byte_len(&self) -> usize {
        self.buf.len()
    }
}

/// A loaded positions shard.
#[derive(Debug, Clone)]
pub struct PositionsShard {
    /// Its number.
    pub no: u32,
    /// Its first term's number.
    pub term_start: u32,
    buf: Vec<u8>,
    pos_starts: Vec<u32>,
    skip_starts: Vec<u32>,
    skips: Vec<u32>,
    positions: Range<usize>,
}

impl PositionsShard {
    /// Loads a shard, checking every offset.
    pub fn load(buf: Vec<u8>) -> Result<PositionsShard, IndexError> {
        let bad = |m: &str| IndexError::Corrupt(m.to_string());
        let mut r = Reader::new(&buf);
        header(&mut r, POSITIONS_MAGIC, "positions shard")?;
        let no = r.u32("the header")?;
        let term_start = r.u32("the header")?;
        let n = r.u32("the header")? as usize;
        let pos_starts = starts(&r.varints("positions lengths")?)?;
        let skip_starts = starts(&r.varints("skip counts")?)?;
        let skips = r.u32s("skip entries")?;
        let positions = r.bytes("positions")?;
        if !r.at_end()
            || pos_starts.len() != n + 1
            || skip_starts.len() != n + 1
            || pos_starts.last().copied() != Some(positions.len() as u32)
            || skip_starts.last().map(|&s| s as usize) != Some(skips.len())
        {
            return Err(bad("the positions shard does not add up"));
        }
        for t in 0..n {
            let len = pos_starts[t + 1] - pos_starts[t];
            let s = &skips[skip_starts[t] as usize..skip_starts[t + 1] as usize];
            if s.windows(2).any(|w| w[0] > w[1]) || s.iter().any(|&o| o > len) {
                return Err(bad("a skip entry points outside its term"));
            }
        }
        Ok(PositionsShard {
            no,
            term_start,
            pos_starts,
            skip_starts,
            skips,
            positions,
            buf,
        })
    }

    /// The number of terms in the shard.
    pub fn terms(&self) -> u32 {
        (self.pos_starts.len() - 1) as u32
    }

    /// The positions bytes and skip offsets of local term `t`.
    pub fn positions(&self, t: u32) -> (&[u8], &[u32]) {
        let t = t as usize;
        let p = &self.buf[self.positions.start + self.pos_starts[t] as usize
            ..self.positions.start + self.pos_starts[t + 1] as usize];
        let s = &self.skips[self.skip_starts[t] as usize..self.skip_starts[t + 1] as usize];
        (p, s)
    }

    /// The size of the shard file.
    pub fn byte_len(&self) -> usize {
        self.buf.len()
    }
}

#[cfg(test)]
mod tests {
    use super::expansion;

    /// Forms 0..5 named `names`, each in `df` of 100 documents.
    fn expand(prefix: &str, names: &[&'static str], df: &[u64]) -> Vec<&'static str> {
        expansion(
            prefix,
            0..names.len() as u32,
            |f| names[f as usize],
            |f| df[f as usize],
            100,
        )
        .into_iter()
        .map(|f| names[f as usize])
        .collect()
    }

    #[test]
    fn short_prefixes_keep_their_commonest_forms_within_twice_the_documents() {
        let names = ["tai", "the", "trong", "tu", "t"];
        let df = [79, 67, 87, 82, 1];
        // The whole word first, then by frequency while the postings stay within 200.
        assert_eq!(expand("t", &names, &df), ["t", "trong", "tu"]);
        // Two are kept however frequent.
        assert_eq!(expand("t", &names[..4], &[99, 99, 99, 99]), ["tai", "the"]);
        // Two letters keep four however frequent, and more within twice the documents...
        let th = ["tha", "thb", "thc", "thd", "the", "thf"];
        assert_eq!(expand("th", &th, &[90, 80, 70, 60, 50, 40]), th[..4]);
        assert_eq!(expand("th", &th, &[40, 30, 30, 20, 20, 20]), th[..6]);
        assert_eq!(expand("th", &th, &[40, 40, 40, 30, 30, 30]), th[..5]);
        // ...three letters and more keep at least eight.
        let tha = ["thaa", "thab", "thac", "thad", "thae", "thaf"];
        assert_eq!(expand("tha", &tha, &[90, 80, 70, 60, 50, 40]), tha);
    }
}
