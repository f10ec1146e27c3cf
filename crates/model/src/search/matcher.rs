//! Finding and scoring the articles that match a query: each word expands to the terms that
//! fold like it (or start like it, for the last word), scored with BM25F over title and body;
//! quoted phrases and words typed side by side are checked on positions.

use super::query::{Query, QueryWord};
use crate::codec::get_varint;
use crate::dataset::pairs::pair_key;
use crate::dataset::terms::{expansion, min_forms};
use crate::index::{Cursor, Index, Need, Posting};
use std::collections::BTreeSet;

/// BM25 saturation.
const K1: f32 = 1.2;
/// A term that only completes a prefix counts this much of a whole-word match.
const PREFIX_WEIGHT: f32 = 0.7;
/// A term that matches a marked word only once folded ("đang" for "đảng") counts this much.
const FOLDED_WEIGHT: f32 = 0.5;
/// Weight of the bonus for query words found side by side.
const ADJACENCY_WEIGHT: f32 = 1.0;
/// The side-by-side bonus is computed for this many best candidates (by BM25F), as search
/// engines rescore the top of a ranking with proximity; quoted phrases are checked on all.
pub const ADJACENCY_TOP: usize = 1000;

/// The terms a query word matches, with their weights.
#[derive(Debug, Clone, Default)]
pub struct TermSet {
    /// `(term, weight, exact)`; `exact` when the term carries the marks the word was typed with.
    pub terms: Vec<(u32, f32, bool)>,
}

impl TermSet {
    /// Expands `word` against the dictionary.
    pub fn expand(index: &Index, word: &QueryWord, strict: bool) -> TermSet {
        let mut forms = index.folded_forms(&word.folded, word.prefix);
        if forms.len() > min_forms(&word.folded) {
            let weight =
                |f: u32| -> u64 { index.terms_of_form(f).map(|t| u64::from(index.df(t))).sum() };
            // The whole word first, then completions from the most frequent.
            forms = expansion(
                &word.folded,
                forms,
                |f| index.folded_form(f),
                weight,
                index.len(),
            );
            forms.sort_unstable();
        }
        let mut terms = Vec::new();
        for f in forms {
            let whole = index.folded_form(f) == word.folded;
            for t in index.terms_of_form(f) {
                let term = index.term(t);
                let exact = word.marked
                    && if word.prefix {
                        term.starts_with(word.exact.as_str())
                    } else {
                        term == word.exact
                    };
                if word.needs_exact(strict) && !exact {
                    continue;
                }
                let mut w = if whole { 1.0 } else { PREFIX_WEIGHT };
                if word.marked && !exact {
                    w *= FOLDED_WEIGHT;
                }
                terms.push((t, w, exact));
            }
        }
        TermSet { terms }
    }

    /// The terms that stand for the word as typed, for the side-by-side bonus: whole words
    /// only (not a prefix's completions), and for a word typed with marks, those marks.
    fn typed_forms(self, index: &Index, word: &QueryWord) -> TermSet {
        let whole: Vec<u32> = if word.prefix {
            index
                .folded_forms(&word.folded, false)
                .into_iter()
                .flat_map(|f| index.terms_of_form(f))
                .collect()
        } else {
            Vec::new()
        };
        let exact_only = word.marked && self.terms.iter().any(|&(_, _, exact)| exact);
        TermSet {
            terms: self
                .terms
                .into_iter()
                .filter(|&(t, _, exact)| {
                    (!word.prefix || whole.contains(&t)) && (!exact_only || exact)
                })
                .collect(),
        }
    }

    /// The sum of document frequencies: an upper bound on the documents touched.
    pub fn cost(&self, index: &Index) -> u64 {
        self.terms
            .iter()
            .map(|&(t, ..)| u64::from(index.df(t)))
            .sum()
    }
}

/// Per-document working arrays, reused from query to query.
#[derive(Debug, Default)]
pub struct Scratch {
    /// Positions the current query may still read (see [`POSITION_BUDGET`]).
    budget: u64,
    /// True when the budget ran out: some documents were not checked.
    pub cut: bool,
    score: Vec<f32>,
    hits: Vec<u8>,
    tier: Vec<u8>,
    acc: Vec<f32>,
    flags: Vec<u8>,
    touched: Vec<u32>,
}

const TOUCHED: u8 = 1;
const EXACT: u8 = 2;

/// A matching document with its relevance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    /// The document.
    pub doc: u32,
    /// Marked query words the document contains with their exact marks: the first sort key.
    pub tier: u8,
    /// BM25F plus phrase bonuses.
    pub score: f32,
}

impl Scratch {
    fn reset(&mut self, n: usize) {
        for v in [&mut self.score, &mut self.acc] {
            v.clear();
            v.resize(n, 0.0);
        }
        for v in [&mut self.hits, &mut self.tier, &mut self.flags] {
            v.clear();
            v.resize(n, 0);
        }
    }
}

/// Every term set a query reads, expanded once: the required words, the phrases, the word
/// pairs for the side-by-side bonus, and the exclusions.
struct Plan<'q> {
    required: Vec<&'q QueryWord>,
    sets: Vec<TermSet>,
    phrases: Vec<Vec<TermSet>>,
    pairs: Vec<Vec<TermSet>>,
    /// Where each pair's side-by-side count comes from.
    pair_from: Vec<PairFrom>,
    excluded: Vec<Vec<TermSet>>,
    /// A required word matches no term: nothing can match.
    hopeless: bool,
}

/// Where the side-by-side count of two words typed one after the other comes from.
enum PairFrom {
    /// The pairs layer, under this key.
    Pairs(String),
    /// The words' positions: the pairs layer does not hold this rarer pair. So too while
    /// the second word is being typed ("đảng v"): the engine cannot tell a word left as it
    /// is (a link, Enter) from one half typed, and a rarer pair ranks as it always did.
    Positions,
}

/// Expands every word of `query` once, after checking that the files that takes are loaded:
/// the directory; the postings shards of every word, with the pairs shards of the words
/// typed side by side (with `pairs`); then the positions shards of the terms that phrases
/// read, and that the side-by-side bonus reads for a pair the pairs layer does not hold.
/// `Err` names what is missing.
fn plan<'q>(
    index: &Index,
    query: &'q Query,
    strict: bool,
    pairs: bool,
) -> Result<Plan<'q>, Vec<Need>> {
    if index.directory().is_none() {
        return Err(vec![Need::Directory]);
    }
    let mut missing = BTreeSet::new();
    let every_word = query
        .words
        .iter()
        .chain(query.phrases.iter().flatten())
        .chain(query.excluded.iter().flatten());
    for w in every_word {
        for s in index.shards_for(&w.folded, w.prefix) {
            if !index.has(Need::Postings(s)) {
                missing.insert(Need::Postings(s));
            }
        }
    }
    let keys: Vec<String> = query
        .words
        .windows(2)
        .map(|w| pair_key(&w[0].folded, &w[1].folded))
        .collect();
    if pairs {
        for key in &keys {
            if let Some(p) = index
                .pairs_shard_for(key)
                .filter(|&p| !index.has(Need::Pairs(p)))
            {
                missing.insert(Need::Pairs(p));
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing.into_iter().collect());
    }
    // Phrase words are required too; a word typed twice is scored once.
    let mut required: Vec<&QueryWord> = Vec::new();
    for w in query.words.iter().chain(query.phrases.iter().flatten()) {
        if !required
            .iter()
            .any(|r| r.folded == w.folded && r.exact == w.exact && r.prefix == w.prefix)
        {
            required.push(w);
        }
    }
    let expand = |w: &QueryWord| TermSet::expand(index, w, strict);
    let sets: Vec<TermSet> = required.iter().map(|w| expand(w)).collect();
    let hopeless = sets.iter().any(|s| s.terms.is_empty());
    let mut plan = Plan {
        required,
        sets,
        phrases: Vec::new(),
        pairs: Vec::new(),
        pair_from: Vec::new(),
        excluded: Vec::new(),
        hopeless,
    };
    if hopeless {
        return Ok(plan);
    }
    plan.phrases = query
        .phrases
        .iter()
        .map(|p| p.iter().map(expand).collect())
        .collect();
    if query.words.len() > 1 {
        let typed: Vec<TermSet> = query
            .words
            .iter()
            .map(|w| expand(w).typed_forms(index, w))
            .collect();
        plan.pairs = typed.windows(2).map(<[TermSet]>::to_vec).collect();
        plan.pair_from = keys
            .into_iter()
            .map(|key| {
                let held = pairs && index.holds_pair(&key);
                if held {
                    PairFrom::Pairs(key)
                } else {
                    PairFrom::Positions
                }
            })
            .collect();
    }
    // An unmarked word excludes every form that folds like it; a marked one only itself.
    plan.excluded = query
        .excluded
        .iter()
        .map(|e| {
            e.iter()
                .map(|w| {
                    let quoted = QueryWord {
                        quoted: true,
                        ..w.clone()
                    };
                    expand(&quoted)
                })
                .collect()
        })
        .collect();
    let on_positions = plan
        .pairs
        .iter()
        .zip(&plan.pair_from)
        .filter(|(_, from)| matches!(from, PairFrom::Positions))
        .map(|(p, _)| p);
    let positional = plan
        .phrases
        .iter()
        .chain(on_positions)
        .chain(plan.excluded.iter().filter(|e| e.len() > 1))
        .flatten();
    for set in positional {
        for &(t, ..) in &set.terms {
            if let Some(p) = index.positions_shard_of(t) {
                if !index.has(Need::Positions(p)) {
                    missing.insert(Need::Positions(p));
                }
            }
        }
    }
    if missing.is_empty() {
        Ok(plan)
    } else {
        Err(missing.into_iter().collect())
    }
}

/// The files of the term layers that [`find`] would read for `query` and the index does not
/// have yet: the directory first; then the postings shards of every word; then, once those
/// are in, the positions shards of the terms that phrases and the side-by-side bonus read
/// (see [`plan`]).
pub fn needs(index: &Index, query: &Query, strict: bool, pairs: bool) -> Vec<Need> {
    if query.is_empty() {
        return Vec::new();
    }
    match plan(index, query, strict, pairs) {
        Ok(_) => Vec::new(),
        Err(missing) => missing,
    }
}

/// Files the next keystroke is likely to need, beyond [`needs`]: the directory, and the
/// shard of the word being typed taken as a whole word (typing a space makes it one). The
/// side-by-side bonus of the next word reads a pair not yet known: nothing is fetched ahead
/// for it (whole positions were, before the pairs layer).
pub fn prefetch(index: &Index, query: &Query) -> Vec<Need> {
    if index.directory().is_none() {
        return vec![Need::Directory];
    }
    let mut out = BTreeSet::new();
    for w in &query.words {
        for s in index.shards_for(&w.folded, false) {
            if !index.has(Need::Postings(s)) {
                out.insert(Need::Postings(s));
            }
        }
    }
    out.into_iter().collect()
}

/// Finds the documents matching every required word and phrase and no excluded one, with
/// their scores, in increasing document order; or, when a file it needs is not loaded, which
/// files are missing (see [`needs`]). With `pairs`, the side-by-side bonus reads the pairs
/// layer where it holds the pair (what the app does); without, always the positions.
pub fn find(
    index: &Index,
    query: &Query,
    strict: bool,
    pairs: bool,
    scratch: &mut Scratch,
) -> Result<Vec<Scored>, Vec<Need>> {
    let n = index.len();
    let every = || {
        (0..n as u32)
            .map(|doc| Scored {
                doc,
                tier: 0,
                score: 0.0,
            })
            .collect()
    };
    scratch.budget = POSITION_BUDGET;
    scratch.cut = false;
    if query.is_empty() {
        return Ok(every());
    }
    let plan = plan(index, query, strict, pairs)?;
    if plan.hopeless {
        return Ok(Vec::new());
    }
    let mut candidates: Vec<Scored> = if plan.required.is_empty() {
        every()
    } else {
        let sets = &plan.sets;
        scratch.reset(n);
        let order = {
            let mut o: Vec<usize> = (0..sets.len()).collect();
            crate::order::sort_by_key(&mut o, |&i| sets[i].cost(index));
            o
        };
        let mut first: Vec<u32> = Vec::new();
        for (k, &i) in order.iter().enumerate() {
            score_word(index, &sets[i], plan.required[i].marked && !strict, scratch);
            if k == 0 {
                first = scratch.touched.clone();
            }
        }
        // Every match is among the rarest word's documents; in document order, from a sort
        // when they are few and a scan of all documents when they are many.
        if first.len() > n / 16 {
            first = (0..n as u32).collect();
        } else {
            first.sort_unstable();
        }
        let need = plan.required.len() as u8;
        let mut c: Vec<Scored> = first
            .into_iter()
            .filter(|&d| scratch.hits[d as usize] == need)
            .map(|doc| Scored {
                doc,
                tier: scratch.tier[doc as usize],
                score: scratch.score[doc as usize],
            })
            .collect();
        // Quoted phrases must stand together.
        for sets in &plan.phrases {
            let docs: Vec<u32> = c.iter().map(|s| s.doc).collect();
            let tf = phrase_tf(index, sets, &docs, &mut scratch.budget);
            scratch.cut |= tf.contains(&None);
            let idf = mean_idf(index, sets);
            let mut keep = tf.iter();
            c.retain_mut(|s| {
                // A document the budget did not reach is left out.
                let f = keep.next().copied().flatten().unwrap_or(0);
                s.score += ADJACENCY_WEIGHT * idf * saturate(f as f32);
                f > 0
            });
        }
        // Words typed side by side rank higher where they stand side by side ("đảng viên",
        // "ban chấp hành"): the best candidates are rescored with that bonus, counted on
        // whole words only (not on a prefix's completions).
        if !plan.pairs.is_empty() {
            let mut top: Vec<usize> = (0..c.len()).collect();
            if top.len() > ADJACENCY_TOP {
                let key = |i: usize| (c[i].tier, c[i].score);
                top.select_nth_unstable_by(ADJACENCY_TOP, |&a, &b| {
                    key(b)
                        .partial_cmp(&key(a))
                        .unwrap_or(std::cmp::Ordering::Equal)
                });
                top.truncate(ADJACENCY_TOP);
                top.sort_unstable();
            }
            let docs: Vec<u32> = top.iter().map(|&i| c[i].doc).collect();
            for (sets, from) in plan
                .pairs
                .iter()
                .zip(&plan.pair_from)
                .filter(|(p, _)| p.iter().all(|s| !s.terms.is_empty()))
            {
                // A ranking bonus only: what the budget does not reach keeps its score.
                let tf = match from {
                    PairFrom::Pairs(key) => pair_tf(index, key, sets, &docs),
                    PairFrom::Positions => phrase_tf(index, sets, &docs, &mut scratch.budget),
                };
                let idf = mean_idf(index, sets);
                for (&i, f) in top.iter().zip(tf) {
                    c[i].score += ADJACENCY_WEIGHT * idf * saturate(f.unwrap_or(0) as f32);
                }
            }
        }
        c
    };
    for sets in &plan.excluded {
        if sets.is_empty() || sets.iter().any(|s| s.terms.is_empty()) {
            continue;
        }
        let docs: Vec<u32> = candidates.iter().map(|s| s.doc).collect();
        let tf: Vec<Option<u32>> = if sets.len() == 1 {
            contains(index, &sets[0], &docs)
                .into_iter()
                .map(Some)
                .collect()
        } else {
            phrase_tf(index, sets, &docs, &mut scratch.budget)
        };
        scratch.cut |= tf.contains(&None);
        // A document the budget did not reach is kept.
        let mut drop = tf.iter();
        candidates.retain(|_| drop.next().copied().flatten().unwrap_or(0) == 0);
    }
    Ok(candidates)
}

fn saturate(tf: f32) -> f32 {
    tf * (K1 + 1.0) / (tf + K1)
}

fn idf(n: usize, df: usize) -> f32 {
    let (n, df) = (n as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

fn mean_idf(index: &Index, sets: &[TermSet]) -> f32 {
    let n = index.len();
    let total: f32 = sets
        .iter()
        .map(|s| idf(n, (s.cost(index) as usize).min(n)))
        .sum();
    total / sets.len().max(1) as f32
}

/// Adds one word's BM25F contribution to every document containing it; leaves the documents
/// it touched in `scratch.touched`.
fn score_word(index: &Index, set: &TermSet, tiered: bool, s: &mut Scratch) {
    s.touched.clear();
    for &(t, w, exact) in &set.terms {
        for Posting { doc, impact } in index.doc_cursor(t) {
            let d = doc as usize;
            if s.flags[d] & TOUCHED == 0 {
                s.flags[d] |= TOUCHED;
                s.touched.push(doc);
            }
            if exact {
                s.flags[d] |= EXACT;
            }
            s.acc[d] += w * impact;
        }
    }
    let idf = idf(index.len(), s.touched.len());
    for &doc in &s.touched {
        let d = doc as usize;
        // Impacts already weigh the title and normalise lengths (BM25F, at ingest).
        let tf = s.acc[d];
        s.score[d] += idf * tf * (K1 + 1.0) / (tf + K1);
        s.hits[d] = s.hits[d].saturating_add(1);
        if tiered && s.flags[d] & EXACT != 0 {
            s.tier[d] += 1;
        }
        s.acc[d] = 0.0;
        s.flags[d] = 0;
    }
}

/// 1 for each of `docs` (increasing) that contains any term of `set`, else 0.
fn contains(index: &Index, set: &TermSet, docs: &[u32]) -> Vec<u32> {
    let mut out = vec![0; docs.len()];
    for &(t, ..) in &set.terms {
        let mut c = index.doc_cursor(t);
        let mut cur = c.seek(docs.first().copied().unwrap_or(0));
        for (i, &d) in docs.iter().enumerate() {
            if cur.is_some_and(|p| p.doc < d) {
                cur = c.seek(d);
            }
            match cur {
                Some(p) if p.doc == d => out[i] = 1,
                Some(_) => {}
                None => break,
            }
        }
    }
    out
}

/// How many times the two words of `sets` stand side by side in each of `docs` (increasing
/// document numbers), from the postings of the pair `key`: the count [`phrase_tf`] finds on
/// positions, for the exact forms `sets` holds.
fn pair_tf(index: &Index, key: &str, sets: &[TermSet], docs: &[u32]) -> Vec<Option<u32>> {
    let mut out = vec![0u32; docs.len()];
    let holds = |set: &TermSet, t: u32| set.terms.iter().any(|&(u, ..)| u == t);
    for (a, b, postings) in index.pair_entries(key).unwrap_or_default() {
        if !(holds(&sets[0], a) && holds(&sets[1], b)) {
            continue;
        }
        let (mut at, mut doc, mut i) = (0, None::<u32>, 0);
        while at < postings.len() && i < docs.len() {
            let delta = get_varint(postings, &mut at);
            let count = get_varint(postings, &mut at);
            let d = doc.map_or(delta, |d| d.saturating_add(delta));
            doc = Some(d);
            while i < docs.len() && docs[i] < d {
                i += 1;
            }
            if docs.get(i) == Some(&d) {
                out[i] = out[i].saturating_add(count);
            }
        }
    }
    out.into_iter().map(Some).collect()
}

/// Positions one query may read for its phrases, exclusions of phrases and side-by-side
/// bonus: about 10 ms natively, twice that in the browser. A query of quoted stop words over a large
/// archive would otherwise read millions; beyond this, the rest of its documents are not
/// checked and the result says it is approximate.
pub const POSITION_BUDGET: u64 = 400_000;

/// How many times the words of `sets` stand side by side, in order, in each of `docs`
/// (increasing document numbers); 0 for every document when `sets` is empty. Reads at most
/// `*budget` positions (counting down); documents beyond it get `None`.
pub fn phrase_tf(
    index: &Index,
    sets: &[TermSet],
    docs: &[u32],
    budget: &mut u64,
) -> Vec<Option<u32>> {
    if sets.is_empty() {
        return vec![Some(0); docs.len()];
    }
    struct Walker<'a> {
        cursor: Cursor<'a>,
        current: Option<Posting>,
    }
    let mut walkers: Vec<Vec<Walker>> = sets
        .iter()
        .map(|s| {
            s.terms
                .iter()
                .map(|&(t, ..)| {
                    let mut cursor = index.cursor(t);
                    let current = cursor.next();
                    Walker { cursor, current }
                })
                .collect()
        })
        .collect();
    let mut positions: Vec<Vec<u32>> = vec![Vec::new(); sets.len()];
    let mut out = Vec::with_capacity(docs.len());
    for &d in docs {
        if *budget == 0 {
            out.push(None);
            continue;
        }
        let mut all = true;
        for (k, ws) in walkers.iter_mut().enumerate() {
            positions[k].clear();
            for w in ws.iter_mut() {
                if w.current.is_some_and(|p| p.doc < d) {
                    w.current = w.cursor.seek(d);
                }
                if w.current.is_some_and(|p| p.doc == d) {
                    w.cursor.positions(&mut positions[k]);
                    // Read once: the next document re-reads nothing of this one.
                    w.current = w.cursor.next();
                }
            }
            if positions[k].is_empty() {
                all = false;
            }
            *budget = budget.saturating_sub(positions[k].len() as u64 + 1);
        }
        if !all {
            out.push(Some(0));
            continue;
        }
        for p in positions.iter_mut().skip(1) {
            p.sort_unstable();
        }
        let count = positions[0]
            .iter()
            .filter(|&&p| {
                positions[1..]
                    .iter()
                    .enumerate()
                    .all(|(k, ps)| ps.binary_search(&p.wrapping_add(k as u32 + 1)).is_ok())
            })
            .count();
        out.push(Some(count as u32));
    }
    out
}
