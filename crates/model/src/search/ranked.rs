//! The ordered hits of a search: the first ones ordered at once, the rest on first read.
//!
//! A one-letter query matches nearly every article; ordering all of them on every keystroke
//! (a radix sort of 100,000 keys, about 3 ms in the browser) is spent on rows nobody scrolls
//! to. The best [`HEAD`] are picked by selection and ordered; the rest keep their keys and are
//! ordered the first time anything reads past the head (a scroll, the keyboard's End, the
//! reader's neighbour, an export).

use std::sync::OnceLock;

/// How many of the best hits are ordered at once: many screens of rows.
pub const HEAD: usize = 512;

/// Below this many hits everything is ordered at once: selection would save nothing.
const LAZY_FROM: usize = 4 * HEAD;

/// The bits of a ranking key that hold the document (see [`Ranked::by_keys`]).
const DOC_BITS: u64 = 0xff_ffff;

/// Matching documents in display order.
#[derive(Debug, Clone, Default)]
pub struct Ranked {
    /// The first documents, in order.
    head: Vec<u32>,
    /// The keys of the documents after the head, in no order.
    rest: Vec<u64>,
    /// The documents after the head, in order, once read.
    tail: OnceLock<Vec<u32>>,
}

impl Ranked {
    /// Documents already in order.
    pub fn ordered(docs: Vec<u32>) -> Ranked {
        Ranked {
            head: docs,
            ..Ranked::default()
        }
    }

    /// Documents ordered by increasing key, each key holding its document in its low 24
    /// bits (so that equal keys cannot exist and the order is total).
    pub fn by_keys(mut keys: Vec<u64>) -> Ranked {
        if keys.len() < LAZY_FROM {
            radix_sort(&mut keys, 64);
            return Ranked::ordered(keys.into_iter().map(doc_of).collect());
        }
        keys.select_nth_unstable(HEAD - 1);
        let rest = keys.split_off(HEAD);
        keys.sort_unstable();
        Ranked {
            head: keys.into_iter().map(doc_of).collect(),
            rest,
            tail: OnceLock::new(),
        }
    }

    /// How many documents.
    pub fn len(&self) -> usize {
        self.head.len() + self.rest.len()
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The documents after the head, ordered on the first call.
    fn tail(&self) -> &[u32] {
        self.tail.get_or_init(|| {
            let mut keys = self.rest.clone();
            radix_sort(&mut keys, 64);
            keys.into_iter().map(doc_of).collect()
        })
    }

    /// The document at place `i`.
    pub fn get(&self, i: usize) -> Option<u32> {
        match self.head.get(i) {
            Some(&d) => Some(d),
            None => self.tail().get(i - self.head.len()).copied(),
        }
    }

    /// The documents at places `start..end` (clamped to the hits).
    pub fn range(&self, start: usize, end: usize) -> Vec<u32> {
        let end = end.min(self.len());
        let start = start.min(end);
        let h = self.head.len();
        let mut out = Vec::with_capacity(end - start);
        out.extend_from_slice(&self.head[start.min(h)..end.min(h)]);
        if end > h {
            out.extend_from_slice(&self.tail()[start.max(h) - h..end - h]);
        }
        out
    }

    /// Every document, in order (the rest ordered only when the iteration reaches it).
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        let tail = std::iter::once(()).flat_map(move |()| {
            if self.rest.is_empty() {
                &[][..]
            } else {
                self.tail()
            }
        });
        self.head.iter().chain(tail).copied()
    }

    /// The place of document `doc`, if it is among the hits.
    pub fn position(&self, doc: u32) -> Option<usize> {
        self.head.iter().position(|&d| d == doc).or_else(|| {
            if self.rest.iter().any(|&k| doc_of(k) == doc) {
                let at = self.tail().iter().position(|&d| d == doc)?;
                Some(self.head.len() + at)
            } else {
                None
            }
        })
    }

    /// Every document, in order, as a vector.
    pub fn to_vec(&self) -> Vec<u32> {
        self.iter().collect()
    }
}

/// Equal when the same documents come in the same order (which orders the rest of both).
impl PartialEq for Ranked {
    fn eq(&self, other: &Ranked) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl From<Vec<u32>> for Ranked {
    fn from(docs: Vec<u32>) -> Ranked {
        Ranked::ordered(docs)
    }
}

fn doc_of(key: u64) -> u32 {
    (key & DOC_BITS) as u32
}

/// Sorts keys whose low `bits` bits may differ: an LSD radix sort by bytes for large inputs
/// (a linear pass per byte instead of n log n compares). Every byte's histogram comes from
/// one read of the keys, and bytes every key shares are skipped.
pub(super) fn radix_sort(keys: &mut Vec<u64>, bits: u32) {
    if keys.len() < 2048 {
        keys.sort_unstable();
        return;
    }
    let bytes = bits.div_ceil(8).min(8) as usize;
    let mut counts = vec![[0usize; 256]; bytes];
    for &k in keys.iter() {
        for (b, c) in counts.iter_mut().enumerate() {
            c[((k >> (8 * b)) & 0xff) as usize] += 1;
        }
    }
    let mut buf = vec![0u64; keys.len()];
    for (b, counts) in counts.iter_mut().enumerate() {
        if counts.contains(&keys.len()) {
            continue;
        }
        let mut at = 0;
        for c in counts.iter_mut() {
            let n = *c;
            *c = at;
            at += n;
        }
        let shift = 8 * b;
        for &k in keys.iter() {
            let i = ((k >> shift) & 0xff) as usize;
            buf[counts[i]] = k;
            counts[i] += 1;
        }
        std::mem::swap(keys, &mut buf);
    }
}

#[cfg(test)]
mod tests {
    use super::{radix_sort, Ranked, DOC_BITS, HEAD, LAZY_FROM};
    use crate::search::xorshift;

    #[test]
    fn radix_sort_agrees_with_a_comparison_sort() {
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        for (n, bits) in [(10, 64), (3000, 64), (5000, 24), (70_000, 64), (4096, 40)] {
            let mask = if bits == 64 {
                u64::MAX
            } else {
                (1 << bits) - 1
            };
            // Some bytes shared by every key (the high tier byte), some repeated keys.
            let mut keys: Vec<u64> = (0..n)
                .map(|i| {
                    if i % 7 == 0 {
                        42
                    } else {
                        (next() & mask) | 0xff << 56 & mask
                    }
                })
                .collect();
            let mut expected = keys.clone();
            expected.sort_unstable();
            radix_sort(&mut keys, bits);
            assert_eq!(keys, expected, "{n} keys of {bits} bits");
        }
    }

    /// Keys as the engine makes them: a tier, a score with many ties, the document.
    fn keys(n: u32, seed: u64) -> Vec<u64> {
        let mut next = xorshift(seed);
        let mut docs: Vec<u32> = (0..n).collect();
        // Shuffled, as hits come from postings of several terms.
        for i in (1..docs.len()).rev() {
            docs.swap(i, (next() % (i as u64 + 1)) as usize);
        }
        docs.into_iter()
            .map(|d| ((next() % 3) << 56) | ((next() % 500) << 24) | u64::from(d))
            .collect()
    }

    #[test]
    fn reads_in_the_order_of_a_full_sort_however_they_are_read() {
        for n in [
            0,
            1,
            7,
            HEAD as u32,
            LAZY_FROM as u32 - 1,
            LAZY_FROM as u32,
            20_000,
        ] {
            let ks = keys(n, 0x51ed_2701 + u64::from(n));
            let mut sorted = ks.clone();
            sorted.sort_unstable();
            let expected: Vec<u32> = sorted.iter().map(|&k| (k & DOC_BITS) as u32).collect();
            // Read in place first, then the whole.
            let r = Ranked::by_keys(ks.clone());
            assert_eq!(r.len(), expected.len());
            for i in [
                0,
                1,
                HEAD - 1,
                HEAD,
                HEAD + 1,
                expected.len().saturating_sub(1),
            ] {
                assert_eq!(r.get(i), expected.get(i).copied(), "place {i} of {n}");
            }
            assert_eq!(r.get(expected.len()), None);
            assert_eq!(r.to_vec(), expected, "{n} hits");
            // Ranges across the head's end, clamped at the end.
            let r = Ranked::by_keys(ks.clone());
            let (a, b) = (
                HEAD.saturating_sub(3).min(expected.len()),
                (HEAD + 3).min(expected.len()),
            );
            assert_eq!(r.range(a, b), expected[a..b]);
            assert_eq!(
                r.range(expected.len(), expected.len() + 5),
                Vec::<u32>::new()
            );
            // Positions, in the head and in the tail, before anything else was read.
            for &d in expected.iter().step_by(997) {
                let r = Ranked::by_keys(ks.clone());
                assert_eq!(r.position(d), expected.iter().position(|&x| x == d));
            }
            assert_eq!(Ranked::by_keys(ks.clone()).position(n + 1), None);
            assert_eq!(Ranked::by_keys(ks).iter().collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn a_large_set_orders_only_its_head_until_read_past_it() {
        let r = Ranked::by_keys(keys(20_000, 7));
        assert_eq!(r.head.len(), HEAD);
        assert!(r.tail.get().is_none());
        let _ = r.range(0, HEAD);
        assert_eq!(r.iter().take(HEAD).count(), HEAD);
        assert!(
            r.tail.get().is_none(),
            "reading the head orders nothing more"
        );
        let _ = r.get(HEAD);
        assert!(r.tail.get().is_some());
    }
}
