//! The pairs layer: how often two words stand side by side in each article, for the pairs of
//! words found side by side in at least [`pair_min_docs`] articles. The side-by-side bonus
//! ("đảng viên" ranks higher where the two words touch) reads a pair's postings here, a few
//! kilobytes, where it read both words' whole positions: the heaviest files of a typed query
//! (65 of its 182 kB gzipped at 20,000 articles, 556 of 923 kB for "ban chấp hành" at 100,000).
//! A pair of words that is not here is rarer: the bonus reads its words' positions, as quoted
//! phrases always do.
//!
//! A pair is keyed by its two folded forms ("dang vien") and holds one entry per pair of
//! exact forms ("đảng viên", "đang viên"), so that a search with marks reads only its own;
//! each entry's postings are, per article, its distance from the one before (varint, the
//! first absolute) and the count. A key's shard is a hash of it ([`shard_of`]), so that the
//! directory holds only their number: naming each shard's first key made it 67 kB gzipped
//! larger at 1,000,000 articles (23,000 shards), for every first query.

use super::terms::{header, starts};
use crate::codec::{put_varint, Reader, StrTable, Writer};
use crate::index::IndexError;
use std::ops::Range;

/// Pairs shards hold this many bytes of postings on average.
pub const PAIRS_SHARD_BYTES: usize = 32 << 10;

const PAIRS_MAGIC: &[u8; 4] = b"NBPR";

/// A pair of words is stored when it stands side by side in this many articles (counted for
/// each pair of exact forms, and summed): one in 1,000, and at least 2. Rarer pairs are many
/// (a million of the 1.2 million at 20,000 articles) and their words' positions are cheap to
/// read.
pub fn pair_min_docs(n_docs: usize) -> u32 {
    (n_docs / 1000).max(2) as u32
}

/// The key of two folded forms.
pub fn pair_key(first: &str, second: &str) -> String {
    let mut k = String::with_capacity(first.len() + second.len() + 1);
    k.push_str(first);
    k.push(' ');
    k.push_str(second);
    k
}

/// One pair of exact forms with its postings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PairEntry {
    /// The first word's term number.
    pub first: u32,
    /// The second word's term number.
    pub second: u32,
    /// Articles where they stand side by side.
    pub df: u32,
    /// Per article: the distance from the one before, and the count (varints).
    pub postings: Vec<u8>,
}

/// The entries of one key, as the builder hands them over.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PairData {
    /// The two folded forms ([`pair_key`]).
    pub key: String,
    /// By (first, second).
    pub entries: Vec<PairEntry>,
}

/// Appends one posting of a pair: `doc` after `last` (`None` for the first), seen `count`
/// times.
pub fn put_posting(out: &mut Vec<u8>, last: Option<u32>, doc: u32, count: u32) {
    put_varint(out, last.map_or(doc, |l| doc - l));
    put_varint(out, count);
}

/// The shard of `key` among `shards` (FNV-1a of its bytes).
pub fn shard_of(key: &str, shards: u32) -> u32 {
    (crate::dataset::fnv1a(key.as_bytes()) % u64::from(shards.max(1))) as u32
}

/// Cuts `pairs` (sorted by key) into shards by [`shard_of`], as many as their postings fill
/// at [`PAIRS_SHARD_BYTES`] each.
pub fn build_pairs(pairs: &[PairData]) -> Vec<Vec<u8>> {
    if pairs.is_empty() {
        return Vec::new();
    }
    let bytes: usize = pairs
        .iter()
        .flat_map(|p| &p.entries)
        .map(|e| e.postings.len())
        .sum();
    let n = bytes.div_ceil(PAIRS_SHARD_BYTES).max(1) as u32;
    let mut groups: Vec<Vec<&PairData>> = vec![Vec::new(); n as usize];
    for p in pairs {
        groups[shard_of(&p.key, n) as usize].push(p);
    }
    groups
        .iter()
        .enumerate()
        .map(|(no, ps)| {
            let entries = || ps.iter().flat_map(|p| &p.entries);
            let mut w = Writer::default();
            w.out.extend_from_slice(PAIRS_MAGIC);
            w.u32(crate::dataset::SCHEMA_VERSION);
            w.u32(no as u32);
            w.strs(ps.iter().map(|p| p.key.as_str()));
            w.varints(ps.iter().map(|p| p.entries.len() as u32));
            w.varints(entries().map(|e| e.first));
            w.varints(entries().map(|e| e.second));
            w.varints(entries().map(|e| e.df));
            w.varints(entries().map(|e| e.postings.len() as u32));
            w.bytes(
                &entries()
                    .flat_map(|e| e.postings.iter().copied())
                    .collect::<Vec<_>>(),
            );
            w.out
        })
        .collect()
}

/// A loaded pairs shard.
#[derive(Debug, Clone)]
pub struct PairsShard {
    /// Its number.
    pub no: u32,
    buf: Vec<u8>,
    keys: StrTable,
    /// Where each key's entries start, and one more.
    entry_starts: Vec<u32>,
    firsts: Vec<u32>,
    seconds: Vec<u32>,
    post_starts: Vec<u32>,
    postings: Range<usize>,
}

impl PairsShard {
    /// Loads shard `no` of `shards`, checking that its keys are in order and belong to it,
    /// its lengths add up and its entries name terms the index has.
    pub fn load(
        buf: Vec<u8>,
        no: u32,
        shards: u32,
        n_terms: u32,
    ) -> Result<PairsShard, IndexError> {
        let bad = || IndexError::Corrupt("the pairs shard does not add up".into());
        let mut r = Reader::new(&buf);
        header(&mut r, PAIRS_MAGIC, "pairs shard")?;
        if r.u32("the header")? != no {
            return Err(IndexError::Corrupt(format!(
                "pairs shard {no} is another shard"
            )));
        }
        let keys = r.strs("pair keys")?;
        let entry_starts = starts(&r.varints("entries per key")?)?;
        let firsts = r.varints("first words")?;
        let seconds = r.varints("second words")?;
        let dfs = r.varints("pair frequencies")?;
        let post_starts = starts(&r.varints("pair postings lengths")?)?;
        let postings = r.bytes("pair postings")?;
        let n = firsts.len();
        if !r.at_end()
            || entry_starts.len() != keys.len() + 1
            || entry_starts.last().copied() != Some(n as u32)
            || seconds.len() != n
            || dfs.len() != n
            || post_starts.len() != n + 1
            || post_starts.last().copied() != Some(postings.len() as u32)
            || firsts.iter().chain(&seconds).any(|&t| t >= n_terms)
            || (1..keys.len()).any(|i| keys.get(&buf, i - 1) >= keys.get(&buf, i))
            || (0..keys.len()).any(|i| shard_of(keys.get(&buf, i), shards) != no)
        {
            return Err(bad());
        }
        Ok(PairsShard {
            no,
            keys,
            entry_starts,
            firsts,
            seconds,
            post_starts,
            postings,
            buf,
        })
    }

    /// The entries of `key`: `(first term, second term, postings)`; none when the shard does
    /// not hold it.
    pub fn entries(&self, key: &str) -> impl Iterator<Item = (u32, u32, &[u8])> {
        let r = match self.keys.binary_search(&self.buf, key) {
            Ok(i) => self.entry_starts[i] as usize..self.entry_starts[i + 1] as usize,
            Err(_) => 0..0,
        };
        r.map(|e| {
            let p = &self.buf[self.postings.start + self.post_starts[e] as usize
                ..self.postings.start + self.post_starts[e + 1] as usize];
            (self.firsts[e], self.seconds[e], p)
        })
    }

    /// True when the shard holds `key`.
    pub fn contains(&self, key: &str) -> bool {
        self.keys.binary_search(&self.buf, key).is_ok()
    }

    /// The size of the shard file.
    pub fn byte_len(&self) -> usize {
        self.buf.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::get_varint;

    fn entry(first: u32, second: u32, docs: &[(u32, u32)]) -> PairEntry {
        let mut e = PairEntry {
            first,
            second,
            df: docs.len() as u32,
            ..PairEntry::default()
        };
        let mut last = None;
        for &(d, c) in docs {
            put_posting(&mut e.postings, last, d, c);
            last = Some(d);
        }
        e
    }

    #[test]
    fn pairs_are_cut_into_shards_by_hash_and_read_back() {
        let big: Vec<(u32, u32)> = (0..40_000).map(|d| (d, 1)).collect();
        let pairs = vec![
            PairData {
                key: pair_key("ban", "chap"),
                entries: vec![entry(0, 1, &[(3, 1), (9, 2)])],
            },
            PairData {
                key: pair_key("dang", "vien"),
                entries: vec![entry(2, 5, &big), entry(3, 5, &[(4, 1)])],
            },
            PairData {
                key: pair_key("vien", "chuc"),
                entries: vec![entry(5, 6, &[(1, 1)])],
            },
        ];
        let shards = build_pairs(&pairs);
        // About 80 kB of postings: three shards.
        let n = shards.len() as u32;
        assert_eq!(n, 3);
        let loaded: Vec<PairsShard> = shards
            .into_iter()
            .enumerate()
            .map(|(no, b)| PairsShard::load(b, no as u32, n, 7).unwrap())
            .collect();
        let of = |key: &str| &loaded[shard_of(key, n) as usize];
        let got: Vec<(u32, u32)> = of("dang vien")
            .entries("dang vien")
            .map(|(a, b, _)| (a, b))
            .collect();
        assert_eq!(got, [(2, 5), (3, 5)]);
        let (_, _, p) = of("ban chap").entries("ban chap").next().unwrap();
        let mut at = 0;
        let read: Vec<u32> = (0..4).map(|_| get_varint(p, &mut at)).collect();
        assert_eq!(read, [3, 1, 6, 2]);
        assert!(of("vien chuc").contains("vien chuc"));
        for s in &loaded {
            assert!(!s.contains("ban chat"));
            assert_eq!(s.entries("ban chat").count(), 0);
        }
    }

    #[test]
    fn a_damaged_pairs_shard_is_refused() {
        let pairs = vec![PairData {
            key: pair_key("dang", "vien"),
            entries: vec![entry(2, 5, &[(1, 1)])],
        }];
        let shard = build_pairs(&pairs).remove(0);
        assert!(PairsShard::load(shard.clone(), 0, 1, 6).is_ok());
        // A term the index does not have.
        assert!(PairsShard::load(shard.clone(), 0, 1, 5).is_err());
        // Another shard than the one asked for, or a key that is not the shard's.
        assert!(PairsShard::load(shard.clone(), 1, 2, 6).is_err());
        let other = (2..50).find(|&n| shard_of("dang vien", n) != 0).unwrap();
        assert!(PairsShard::load(shard.clone(), 0, other, 6).is_err());
        let mut cut = shard;
        cut.pop();
        assert!(PairsShard::load(cut, 0, 1, 6).is_err());
        assert_eq!(pair_min_docs(50), 2);
        assert_eq!(pair_min_docs(20_000), 20);
    }
}
