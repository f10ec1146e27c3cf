//! Building the term layers from articles, at ingest. [`doc_terms`] is pure and independent
//! per article, so the caller may run it in parallel; [`TermsBuilder`] then assembles them in
//! document order.

use super::CORE_FACETS;
use crate::codec::{get_varint, put_varint};
use crate::dataset::pairs::{pair_key, pair_min_docs, put_posting, PairData, PairEntry};
use crate::dataset::terms::{impact_code, TermData, SKIP_EVERY};
use crate::tokenize::{tokenize, TokenKind};
use crate::Article;
// Term maps hash with FxHash (rustc's, and already in the app through Leptos): their keys are
// the articles' words, not input an attacker chooses at run time, and std's SipHash made
// assembling the index a third slower.
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};

/// BM25's length normalisation, applied at ingest into each posting's impact.
pub const BM25_B: f32 = 0.75;
/// A title occurrence counts this many body occurrences.
pub const TITLE_WEIGHT: f32 = 3.0;

/// Body positions start this far after the title's, so no phrase spans the two.
const FIELD_GAP: u32 = 2;

/// The terms of one article with their positions: what the index needs from its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocTerms {
    /// `(exact, folded, positions in the title, positions in the body)`, sorted by exact form.
    pub terms: Vec<(String, String, Vec<u32>, Vec<u32>)>,
    /// Words in the title (code parts not counted).
    pub title_len: u32,
    /// Words in the body, paragraphs and captions.
    pub body_len: u32,
}

/// True when the text between two tokens breaks a phrase: any punctuation, or a dash with
/// spaces around it ("Lao động - Thương binh"); a bare hyphen ("Bà Rịa-Vũng Tàu") does not.
pub fn breaks_phrase(gap: &str) -> bool {
    gap.chars().any(|c| !c.is_whitespace() && c != '-')
        || (gap.contains('-') && gap.contains(char::is_whitespace))
}

/// Gives every token of `texts` a position from `*next` on: consecutive words get consecutive
/// positions, a phrase break or a new text skips one, and a code's parts take the positions
/// from the code's own. Calls `emit(exact, folded, position, counts_as_word)`.
pub fn assign_positions<'t>(
    texts: impl IntoIterator<Item = &'t str>,
    next: &mut u32,
    mut emit: impl FnMut(&str, &str, u32, bool),
) {
    for (n, text) in texts.into_iter().enumerate() {
        if n > 0 {
            *next += 1;
        }
        let mut prev_end: Option<usize> = None;
        let mut code_at = 0;
        let mut part = 0;
        for t in tokenize(text) {
            if t.kind == TokenKind::CodePart {
                emit(&t.exact, &t.folded, code_at + part, false);
                part += 1;
                *next = (*next).max(code_at + part);
                continue;
            }
            if prev_end.is_some_and(|e| breaks_phrase(&text[e..t.start])) {
                *next += 1;
            }
            let p = *next;
            emit(&t.exact, &t.folded, p, true);
            *next = p + 1;
            if t.kind == TokenKind::Code {
                (code_at, part) = (p, 0);
            }
            prev_end = Some(t.end);
        }
    }
}

/// Extracts the terms of an article: the title, then the paragraphs and captions as the body.
pub fn doc_terms(article: &Article) -> DocTerms {
    // Keyed by the exact form, which determines the folded one: a repeated word costs a
    // lookup, not two new strings.
    type Postings = (String, Vec<u32>, Vec<u32>);
    let mut map: FxHashMap<String, Postings> = FxHashMap::default();
    let mut add = |e: &str, f: &str, p: u32, title: bool| {
        let entry = match map.get_mut(e) {
            Some(entry) => entry,
            None => map
                .entry(e.to_string())
                .or_insert_with(|| (f.to_string(), Vec::new(), Vec::new())),
        };
        if title {
            entry.1.push(p)
        } else {
            entry.2.push(p)
        }
    };
    let mut next = 0;
    let mut title_len = 0;
    assign_positions(article.title.as_deref(), &mut next, |e, f, p, word| {
        add(e, f, p, true);
        title_len += u32::from(word);
    });
    next += FIELD_GAP;
    let mut body_len = 0;
    let body = article
        .paragraphs
        .iter()
        .chain(&article.captions)
        .map(String::as_str);
    assign_positions(body, &mut next, |e, f, p, word| {
        add(e, f, p, false);
        body_len += u32::from(word);
    });
    // The canonical names of the article's organisations, which the text may only abbreviate
    // ("UBND tỉnh" in a Hưng Yên article is "UBND tỉnh Hưng Yên"), so that search finds every
    // spelling; after a gap, so no phrase runs into them. Not counted in the body's length.
    next += FIELD_GAP;
    assign_positions(
        article.organizations.iter().map(String::as_str),
        &mut next,
        |e, f, p, _| add(e, f, p, false),
    );
    let mut terms: Vec<_> = map
        .into_iter()
        .map(|(e, (f, mut t, mut b))| {
            t.sort_unstable();
            b.sort_unstable();
            (e, f, t, b)
        })
        .collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    DocTerms {
        terms,
        title_len,
        body_len,
    }
}

/// The facet values of an article, keyed like the index's facets.
pub(crate) fn facet_values(a: &Article, meta_keys: &[String]) -> Vec<Vec<String>> {
    let year = a
        .event_date
        .or(a.published.map(|p| p.date()))
        .map(|d| d.year().to_string());
    let mut out = vec![
        a.provinces.clone(),
        a.organizations.clone(),
        vec![a.event_kind.code().to_string()],
        year.into_iter().collect(),
        a.people.iter().map(|p| p.name.clone()).collect(),
        a.documents.iter().map(|d| d.reference()).collect(),
        a.documents
            .iter()
            .map(|d| d.kind_name().to_string())
            .collect(),
        a.documents
            .iter()
            .map(|d| d.issuer_name().to_string())
            .collect(),
        a.documents
            .iter()
            .filter_map(|d| d.year().map(|y| y.to_string()))
            .collect(),
        a.organizer.clone().into_iter().collect(),
    ];
    debug_assert_eq!(out.len(), CORE_FACETS.len());
    for k in meta_keys {
        out.push(a.meta.get(k).cloned().into_iter().collect());
    }
    // A value named twice in one article counts once.
    for values in &mut out {
        let mut seen = BTreeSet::new();
        values.retain(|v| !v.trim().is_empty() && seen.insert(v.clone()));
    }
    out
}

/// Which source metadata fields become facets: those with few distinct values (not one per
/// article, like a file name), not machine codes (`first_line`), and not a copy of another
/// field under other names (`source_topic` beside `topic_vi`: the one with diacritics stays).
pub fn meta_facet_keys(articles: &[Article]) -> Vec<String> {
    let mut values: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for a in articles {
        for (k, v) in &a.meta {
            values.entry(k).or_default().insert(v);
        }
    }
    let n = articles.len();
    let machine_code = |v: &str| v.is_ascii() && !v.contains(' ') && v.contains('_');
    let mut keys: Vec<&str> = values
        .iter()
        .filter(|(_, vs)| vs.len() <= 1000 && (vs.len() <= 50 || vs.len() * 4 <= n))
        .filter(|(_, vs)| !vs.iter().all(|v| machine_code(v)))
        .map(|(k, _)| *k)
        .collect();
    let marks = |k: &str| {
        values[k]
            .iter()
            .map(|v| v.chars().filter(|c| !c.is_ascii()).count())
            .sum::<usize>()
    };
    let same_partition = |a: &str, b: &str| {
        let pairs: BTreeSet<(Option<&String>, Option<&String>)> = articles
            .iter()
            .map(|x| (x.meta.get(a), x.meta.get(b)))
            .collect();
        pairs.len() == values[a].len() && pairs.len() == values[b].len()
    };
    let mut i = 0;
    while i < keys.len() {
        let dup = (0..keys.len()).find(|&j| {
            j != i
                && same_partition(keys[i], keys[j])
                && (marks(keys[j]), j < i) > (marks(keys[i]), false)
        });
        if dup.is_some() {
            keys.remove(i);
        } else {
            i += 1;
        }
    }
    keys.into_iter().map(String::from).collect()
}

/// One term's postings while the dataset is built: document distances with the raw term
/// frequencies (impacts need every document's length, known only at the end), and the
/// positions in their final form.
struct TermAcc {
    /// Its number in the order terms were first seen (pairs name terms by it until the end).
    id: u32,
    folded: String,
    df: u32,
    last_doc: u32,
    /// Per posting: document distance, `body tf << 1 | (title tf > 0)`, the title tf if any.
    raw: Vec<u8>,
    positions: Vec<u8>,
    pos_skips: Vec<u32>,
}

/// One pair of terms side by side while the dataset is built (see [`crate::dataset::pairs`]).
#[derive(Default)]
struct PairAcc {
    df: u32,
    last_doc: u32,
    postings: Vec<u8>,
}

/// Assembles the term layers from documents added in document order.
#[derive(Default)]
pub struct TermsBuilder {
    title_len: Vec<u32>,
    body_len: Vec<u32>,
    terms: FxHashMap<String, TermAcc>,
    /// Keyed by the two terms' first-seen numbers.
    pairs: FxHashMap<(u32, u32), PairAcc>,
}

impl TermsBuilder {
    /// Adds the next document's terms.
    pub fn add(&mut self, terms: DocTerms) {
        let doc = self.title_len.len() as u32;
        self.title_len.push(terms.title_len);
        self.body_len.push(terms.body_len);
        // Every position with the term there, for the pairs side by side.
        let mut at: Vec<(u32, u32)> = Vec::new();
        for (exact, folded, title, body) in terms.terms {
            let next_id = self.terms.len() as u32;
            let acc = self.terms.entry(exact).or_insert_with(|| TermAcc {
                id: next_id,
                folded,
                df: 0,
                last_doc: 0,
                raw: Vec::new(),
                positions: Vec::new(),
                pos_skips: Vec::new(),
            });
            if acc.df > 0 && acc.df % SKIP_EVERY == 0 {
                acc.pos_skips.push(acc.positions.len() as u32);
            }
            let delta = if acc.df == 0 { doc } else { doc - acc.last_doc };
            put_varint(&mut acc.raw, delta);
            let has_title = u32::from(!title.is_empty());
            put_varint(&mut acc.raw, (body.len() as u32) << 1 | has_title);
            if has_title == 1 {
                put_varint(&mut acc.raw, title.len() as u32);
            }
            put_varint(&mut acc.positions, (title.len() + body.len()) as u32);
            let mut prev = 0;
            for (i, &p) in title.iter().chain(&body).enumerate() {
                put_varint(&mut acc.positions, if i == 0 { p } else { p - prev });
                prev = p;
            }
            acc.df += 1;
            acc.last_doc = doc;
            at.extend(title.iter().chain(&body).map(|&p| (p, acc.id)));
        }
        self.add_pairs(doc, at);
    }

    /// Counts the pairs of terms at positions `p` and `p + 1` in document `doc`, as a phrase
    /// of two words is matched on positions.
    fn add_pairs(&mut self, doc: u32, mut at: Vec<(u32, u32)>) {
        at.sort_unstable();
        let mut found: Vec<(u32, u32)> = Vec::new();
        let mut j = 0;
        for &(p, a) in &at {
            while j < at.len() && at[j].0 <= p {
                j += 1;
            }
            found.extend(
                at[j..]
                    .iter()
                    .take_while(|&&(q, _)| q == p + 1)
                    .map(|&(_, b)| (a, b)),
            );
        }
        found.sort_unstable();
        for run in found.chunk_by(|x, y| x == y) {
            let acc = self.pairs.entry(run[0]).or_default();
            let last = (acc.df > 0).then_some(acc.last_doc);
            put_posting(&mut acc.postings, last, doc, run.len() as u32);
            acc.df += 1;
            acc.last_doc = doc;
        }
    }

    /// The terms sorted by folded, then exact form, with their postings in final form: each
    /// posting's raw frequencies become one impact byte (BM25F's weighted, length-normalised
    /// term frequency).
    ///
    /// With them, the pairs side by side in at least [`pair_min_docs`] documents, by key,
    /// naming terms by their numbers in that order.
    pub fn finish(self) -> (Vec<TermData>, Vec<PairData>) {
        let n_docs = self.title_len.len();
        let n = n_docs.max(1) as f64;
        let mean = |v: &[u32]| (v.iter().map(|&x| f64::from(x)).sum::<f64>() / n).max(1.0) as f32;
        let (avg_t, avg_b) = (mean(&self.title_len), mean(&self.body_len));
        let norm = |len: u32, avg: f32| 1.0 - BM25_B + BM25_B * len as f32 / avg;
        let mut terms: Vec<(String, TermAcc)> = self.terms.into_iter().collect();
        terms.sort_unstable_by(|a, b| (&a.1.folded, &a.0).cmp(&(&b.1.folded, &b.0)));
        let mut number = vec![0u32; terms.len()];
        for (i, (_, acc)) in terms.iter().enumerate() {
            number[acc.id as usize] = i as u32;
        }
        let pairs = keep_pairs(self.pairs, &terms, &number, n_docs);
        let terms = terms
            .into_iter()
            .map(|(exact, acc)| {
                let mut postings = Vec::with_capacity(acc.raw.len());
                let mut post_skips = Vec::new();
                let (mut at, mut doc, mut k) = (0, 0u32, 0u32);
                while at < acc.raw.len() {
                    let delta = get_varint(&acc.raw, &mut at);
                    let body = get_varint(&acc.raw, &mut at);
                    let title = if body & 1 == 1 {
                        get_varint(&acc.raw, &mut at)
                    } else {
                        0
                    };
                    if k > 0 && k % SKIP_EVERY == 0 {
                        post_skips.extend([doc, postings.len() as u32]);
                    }
                    doc = if k == 0 { delta } else { doc + delta };
                    let d = doc as usize;
                    let tf = TITLE_WEIGHT * title as f32 / norm(self.title_len[d], avg_t)
                        + (body >> 1) as f32 / norm(self.body_len[d], avg_b);
                    put_varint(&mut postings, delta);
                    postings.push(impact_code(tf));
                    k += 1;
                }
                TermData {
                    exact,
                    folded: acc.folded,
                    df: acc.df,
                    postings,
                    post_skips,
                    positions: acc.positions,
                    pos_skips: acc.pos_skips,
                }
            })
            .collect();
        (terms, pairs)
    }
}

/// The pairs whose key (the two folded forms) is in at least [`pair_min_docs`] documents,
/// by key, their terms numbered by `number` (from first-seen numbers to the final order
/// of `terms`). Keys are counted by number before any is written out: most pairs are
/// rarer (a million of 1.2 million at 20,000 articles).
fn keep_pairs(
    pairs: FxHashMap<(u32, u32), PairAcc>,
    terms: &[(String, TermAcc)],
    number: &[u32],
    n_docs: usize,
) -> Vec<PairData> {
    let mut form = vec![0u32; terms.len()];
    for i in 1..terms.len() {
        form[i] = form[i - 1] + u32::from(terms[i].1.folded != terms[i - 1].1.folded);
    }
    let key_of = |(a, b): (u32, u32)| {
        let (x, y) = (number[a as usize], number[b as usize]);
        (form[x as usize], form[y as usize], x, y)
    };
    let mut totals: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    for (&pair, acc) in &pairs {
        let (fa, fb, ..) = key_of(pair);
        *totals.entry((fa, fb)).or_default() += acc.df;
    }
    let min = pair_min_docs(n_docs);
    let mut kept: Vec<((u32, u32, u32, u32), PairAcc)> = pairs
        .into_iter()
        .map(|(pair, acc)| (key_of(pair), acc))
        .filter(|((fa, fb, ..), _)| totals[&(*fa, *fb)] >= min)
        .collect();
    kept.sort_unstable_by_key(|(k, _)| *k);
    let mut out: Vec<PairData> = Vec::new();
    for ((_, _, first, second), acc) in kept {
        let key = pair_key(
            &terms[first as usize].1.folded,
            &terms[second as usize].1.folded,
        );
        if out.last().is_none_or(|p| p.key != key) {
            out.push(PairData {
                key,
                entries: Vec::new(),
            });
        }
        out.last_mut().expect("pushed").entries.push(PairEntry {
            first,
            second,
            df: acc.df,
            postings: acc.postings,
        });
    }
    // Keys in text order, as the shards and their lookup need.
    out.sort_by(|a, b| a.key.cmp(&b.key));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn positions(text: &str) -> Vec<(String, u32)> {
        let mut out = Vec::new();
        let mut next = 0;
        assign_positions([text], &mut next, |e, _, p, _| out.push((e.to_string(), p)));
        out
    }

    #[test]
    fn punctuation_and_spaced_dashes_break_phrases_but_hyphens_do_not() {
        let got = positions("Đảng viên, Lao động - Thương binh Bà Rịa-Vũng Tàu");
        let at: Vec<u32> = got.iter().map(|(_, p)| *p).collect();
        assert_eq!(at, [0, 1, 3, 4, 6, 7, 8, 9, 10, 11]);
    }

    #[test]
    fn code_parts_share_the_codes_positions() {
        let got = positions("số 15-NQ/TU ngày");
        assert_eq!(
            got,
            [
                ("số".into(), 0),
                ("15-nq/tu".into(), 1),
                ("15".into(), 1),
                ("nq".into(), 2),
                ("tu".into(), 3),
                ("ngày".into(), 4),
            ]
        );
    }

    #[test]
    fn duplicate_metadata_fields_and_machine_codes_are_not_facets() {
        let art = |topic: &str, vi: &str, outlet: &str, file: &str| {
            let mut a = Article::default();
            for (k, v) in [
                ("source_topic", topic),
                ("topic_vi", vi),
                ("outlet", outlet),
                ("source_file", file),
                ("title_method", "first_line"),
            ] {
                a.meta.insert(k.into(), v.into());
            }
            a
        };
        let articles: Vec<Article> = (0..200)
            .map(|i| {
                let (t, v) = [("Kinh doanh", "Kinh doanh"), ("The thao", "Thể thao")][i % 2];
                art(
                    t,
                    v,
                    ["VnExpress", "Tuổi Trẻ"][i % 3 % 2],
                    &format!("f{i}.txt"),
                )
            })
            .collect();
        assert_eq!(meta_facet_keys(&articles), ["outlet", "topic_vi"]);
    }
}
