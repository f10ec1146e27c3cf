//! Reading one term's postings in document order, with its positions on demand.

use crate::codec::get_varint;

/// One posting: a document and how often the term occurs in its title and body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// The document.
    pub doc: u32,
    /// Occurrences in the title.
    pub title_tf: u32,
    /// Occurrences in the body.
    pub body_tf: u32,
}

/// Walks a term's postings in increasing document order. Positions are skipped unless asked
/// for with [`Cursor::positions`], right after [`Cursor::next`] returned the posting.
pub struct Cursor<'a> {
    postings: &'a [u8],
    positions: &'a [u8],
    /// Skip entries: `(document before, postings offset, positions offset)` triples.
    skips: &'a [u32],
    /// The first skip entry not yet passed: seeks only go forward.
    skip_at: usize,
    at: usize,
    pos_at: usize,
    doc: u32,
    started: bool,
    n_docs: u32,
    /// Positions of the current posting not yet read or skipped.
    pending: u32,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(
        postings: &'a [u8],
        positions: &'a [u8],
        skips: &'a [u32],
        n_docs: u32,
    ) -> Cursor<'a> {
        Cursor {
            postings,
            positions,
            skips,
            skip_at: 0,
            at: 0,
            pos_at: 0,
            doc: 0,
            started: false,
            n_docs,
            pending: 0,
        }
    }

    /// The first posting at or after document `doc`, jumping over whole blocks of postings
    /// where a skip entry allows.
    #[inline]
    pub fn seek(&mut self, doc: u32) -> Option<Posting> {
        // Pass every entry whose block starts after a document below `doc`; seeks go
        // forward, so over a whole walk each entry is passed once.
        let entries = self.skips.len() / 3;
        let mut k = self.skip_at;
        while k < entries && self.skips[k * 3] < doc {
            k += 1;
        }
        if k > self.skip_at {
            self.skip_at = k;
            let e = &self.skips[(k - 1) * 3..k * 3];
            if e[1] as usize > self.at {
                self.at = e[1] as usize;
                self.pos_at = e[2] as usize;
                self.doc = e[0];
                self.started = true;
                self.pending = 0;
            }
        }
        loop {
            let p = self.next()?;
            if p.doc >= doc {
                return Some(p);
            }
        }
    }

    /// Forgets positions: [`Cursor::positions`] then reads none, and skipping costs nothing.
    pub(crate) fn drop_positions(&mut self) {
        self.positions = &[];
    }

    fn skip_pending(&mut self) {
        while self.pending > 0 && self.pos_at < self.positions.len() {
            // A varint ends at the first byte below 0x80.
            if self.positions[self.pos_at] < 0x80 {
                self.pending -= 1;
            }
            self.pos_at += 1;
        }
        self.pending = 0;
    }

    /// Appends the positions of the posting last returned to `out` (in increasing order).
    pub fn positions(&mut self, out: &mut Vec<u32>) {
        let mut p = 0u32;
        for i in 0..self.pending {
            let d = get_varint(self.positions, &mut self.pos_at);
            p = if i == 0 { d } else { p.saturating_add(d) };
            out.push(p);
        }
        self.pending = 0;
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
        self.skip_pending();
        let delta = get_varint(self.postings, &mut self.at);
        let body = get_varint(self.postings, &mut self.at);
        let title_tf = if body & 1 == 1 {
            get_varint(self.postings, &mut self.at)
        } else {
            0
        };
        let body_tf = body >> 1;
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
        self.pending = title_tf.saturating_add(body_tf);
        Some(Posting {
            doc,
            title_tf,
            body_tf,
        })
    }
}
