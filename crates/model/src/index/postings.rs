//! Reading one term's postings in document order (each a document and its impact), with its
//! positions, kept in another shard, on demand.

use crate::codec::get_varint;
use crate::dataset::terms::{impact_value, SKIP_EVERY};
use std::sync::OnceLock;

/// One posting: a document and the term's weighted, length-normalised frequency in it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Posting {
    /// The document.
    pub doc: u32,
    /// The term frequency, title occurrences weighted and both fields normalised by length.
    pub impact: f32,
}

fn impacts() -> &'static [f32; 256] {
    static TABLE: OnceLock<[f32; 256]> = OnceLock::new();
    TABLE.get_or_init(|| std::array::from_fn(|i| impact_value(i as u8)))
}

/// Walks one term's positions, posting by posting, forward only.
struct Positions<'a> {
    data: &'a [u8],
    /// The offset of every [`SKIP_EVERY`]th posting after the first.
    skips: &'a [u32],
    at: usize,
    /// The posting whose positions start at `at`.
    idx: u32,
}

impl Positions<'_> {
    /// Appends the positions of posting `i` (not before the last one read).
    fn read(&mut self, i: u32, out: &mut Vec<u32>) {
        let k = (i / SKIP_EVERY) as usize;
        if k >= 1 && k <= self.skips.len() && k as u32 * SKIP_EVERY > self.idx {
            self.at = self.skips[k - 1] as usize;
            self.idx = k as u32 * SKIP_EVERY;
        }
        // A corrupt count never reads more than the bytes left.
        let count = |this: &mut Self| {
            (get_varint(this.data, &mut this.at) as usize)
                .min(this.data.len() - this.at.min(this.data.len()))
        };
        while self.idx < i {
            for _ in 0..count(self) {
                get_varint(self.data, &mut self.at);
            }
            self.idx += 1;
        }
        let mut p = 0u32;
        for j in 0..count(self) {
            let d = get_varint(self.data, &mut self.at);
            p = if j == 0 { d } else { p.saturating_add(d) };
            out.push(p);
        }
        self.idx += 1;
    }
}

/// Walks a term's postings in increasing document order; [`Cursor::positions`] reads the
/// positions of the posting last returned, when the cursor was made with them.
pub struct Cursor<'a> {
    postings: &'a [u8],
    /// Skip entries: `(document before, postings offset)` pairs, one every [`SKIP_EVERY`].
    skips: &'a [u32],
    /// The first skip entry not yet passed: seeks only go forward.
    skip_at: usize,
    at: usize,
    doc: u32,
    started: bool,
    n_docs: u32,
    /// The number of the next posting.
    idx: u32,
    positions: Option<Positions<'a>>,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(
        postings: &'a [u8],
        skips: &'a [u32],
        n_docs: u32,
        positions: Option<(&'a [u8], &'a [u32])>,
    ) -> Cursor<'a> {
        Cursor {
            postings,
            skips,
            skip_at: 0,
            at: 0,
            doc: 0,
            started: false,
            n_docs,
            idx: 0,
            positions: positions.map(|(data, skips)| Positions {
                data,
                skips,
                at: 0,
                idx: 0,
            }),
        }
    }

    /// The first posting at or after document `doc`, jumping over whole blocks of postings
    /// where a skip entry allows.
    #[inline]
    pub fn seek(&mut self, doc: u32) -> Option<Posting> {
        // Pass every entry whose block starts after a document below `doc`; seeks go
        // forward, so over a whole walk each entry is passed once.
        let entries = self.skips.len() / 2;
        let mut k = self.skip_at;
        while k < entries && self.skips[k * 2] < doc {
            k += 1;
        }
        if k > self.skip_at {
            self.skip_at = k;
            let e = &self.skips[(k - 1) * 2..k * 2];
            if e[1] as usize > self.at {
                self.at = e[1] as usize;
                self.doc = e[0];
                self.started = true;
                self.idx = k as u32 * SKIP_EVERY;
            }
        }
        loop {
            let p = self.next()?;
            if p.doc >= doc {
                return Some(p);
            }
        }
    }

    /// Appends the positions of the posting last returned to `out` (in increasing order);
    /// nothing when the cursor has no positions.
    pub fn positions(&mut self, out: &mut Vec<u32>) {
        if let (Some(p), Some(i)) = (self.positions.as_mut(), self.idx.checked_sub(1)) {
            if i >= p.idx {
                p.read(i, out);
            }
        }
    }
}

impl Iterator for Cursor<'_> {
    type Item = Posting;

    /// The next posting, or `None` at the end (or at a corrupt document number).
    #[inline]
    fn next(&mut self) -> Option<Posting> {
        if self.at >= self.postings.len() {
            return None;
        }
        let delta = get_varint(self.postings, &mut self.at);
        let code = *self.postings.get(self.at)?;
        self.at += 1;
        let doc = if self.started {
            self.doc.checked_add(delta)?
        } else {
            delta
        };
        if doc >= self.n_docs || (self.started && delta == 0) {
            self.at = self.postings.len();
            return None;
        }
        self.started = true;
        self.doc = doc;
        self.idx += 1;
        Some(Posting {
            doc,
            impact: impacts()[code as usize],
        })
    }
}
