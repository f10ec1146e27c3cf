//! The binary building blocks of the index file: little-endian `u32` arrays, byte blobs,
//! string tables and varints, each read back with bounds checks so that a corrupt file gives
//! an error, never a panic.

use std::fmt;
use std::ops::Range;

/// Why a binary section could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodecError(pub String);

impl fmt::Display for CodecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Appends sections to a byte buffer.
#[derive(Default)]
pub struct Writer {
    /// The bytes written so far.
    pub out: Vec<u8>,
}

impl Writer {
    /// Writes one `u32`.
    pub fn u32(&mut self, v: u32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    /// Writes a length-prefixed array of `u32`.
    pub fn u32s(&mut self, vs: &[u32]) {
        self.u32(len32(vs.len()));
        for v in vs {
            self.u32(*v);
        }
    }

    /// Writes a length-prefixed byte blob.
    pub fn bytes(&mut self, b: &[u8]) {
        self.u32(len32(b.len()));
        self.out.extend_from_slice(b);
    }

    /// Writes a length-prefixed array of numbers as LEB128 varints (most are small: counts,
    /// ids of frequent values, differences between sorted numbers).
    pub fn varints(&mut self, vs: impl IntoIterator<Item = u32>) {
        let mut blob = Vec::new();
        let mut n = 0usize;
        for v in vs {
            put_varint(&mut blob, v);
            n += 1;
        }
        self.u32(len32(n));
        self.bytes(&blob);
    }

    /// Writes a table of strings: their byte lengths as varints (most take one byte, where an
    /// end offset took four), then their bytes.
    pub fn strs<'a>(&mut self, items: impl IntoIterator<Item = &'a str>) {
        let mut blob = Vec::new();
        let mut lengths = Vec::new();
        for s in items {
            blob.extend_from_slice(s.as_bytes());
            lengths.push(len32(s.len()));
        }
        self.varints(lengths);
        self.bytes(&blob);
    }
}

fn len32(n: usize) -> u32 {
    u32::try_from(n).expect("index sections stay under 4 GiB")
}

/// Reads sections back from a byte buffer, in the order they were written.
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `buf`.
    pub fn new(buf: &'a [u8]) -> Reader<'a> {
        Reader { buf, pos: 0 }
    }

    fn take(&mut self, n: usize, what: &str) -> Result<Range<usize>, CodecError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.buf.len())
            .ok_or_else(|| CodecError(format!("the file ends inside {what}")))?;
        let r = self.pos..end;
        self.pos = end;
        Ok(r)
    }

    /// Reads `n` raw bytes.
    pub fn raw(&mut self, n: usize, what: &str) -> Result<&'a [u8], CodecError> {
        let r = self.take(n, what)?;
        Ok(&self.buf[r])
    }

    /// Reads one `u32`.
    pub fn u32(&mut self, what: &str) -> Result<u32, CodecError> {
        let r = self.take(4, what)?;
        Ok(u32::from_le_bytes(self.buf[r].try_into().expect("4 bytes")))
    }

    /// Reads a length-prefixed array of `u32`.
    pub fn u32s(&mut self, what: &str) -> Result<Vec<u32>, CodecError> {
        let n = self.u32(what)? as usize;
        let r = self.take(n.saturating_mul(4), what)?;
        Ok(self.buf[r]
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect())
    }

    /// Reads a length-prefixed byte blob, returned as its range in the buffer.
    pub fn bytes(&mut self, what: &str) -> Result<Range<usize>, CodecError> {
        let n = self.u32(what)? as usize;
        self.take(n, what)
    }

    /// Reads an array written by [`Writer::varints`], checking that it holds exactly the
    /// numbers it announces.
    pub fn varints(&mut self, what: &str) -> Result<Vec<u32>, CodecError> {
        let n = self.u32(what)? as usize;
        let blob = &self.buf[self.bytes(what)?];
        // Every varint takes at least one byte: a larger count is a corrupt file.
        if n > blob.len() {
            return Err(CodecError(format!(
                "{what} announces more numbers than it holds"
            )));
        }
        let mut out = Vec::with_capacity(n);
        let mut pos = 0;
        for _ in 0..n {
            out.push(
                read_varint(blob, &mut pos)
                    .ok_or_else(|| CodecError(format!("{what} has a broken number")))?,
            );
        }
        if pos != blob.len() {
            return Err(CodecError(format!("{what} has bytes after its numbers")));
        }
        Ok(out)
    }

    /// Reads a string table, checking that every string is valid UTF-8.
    pub fn strs(&mut self, what: &str) -> Result<StrTable, CodecError> {
        let lengths = self.varints(what)?;
        let blob = self.bytes(what)?;
        let text = std::str::from_utf8(&self.buf[blob.clone()])
            .map_err(|_| CodecError(format!("{what} is not valid UTF-8")))?;
        let mut ends = Vec::with_capacity(lengths.len());
        let mut end = 0usize;
        for len in lengths {
            // Checked: a huge length must not wrap around where `usize` is 32 bits (wasm).
            end = end
                .checked_add(len as usize)
                .filter(|&e| e <= text.len() && text.is_char_boundary(e))
                .ok_or_else(|| CodecError(format!("{what} has a bad string length")))?;
            ends.push(end as u32);
        }
        if end != text.len() {
            return Err(CodecError(format!(
                "{what} has bytes after its last string"
            )));
        }
        Ok(StrTable { ends, blob })
    }

    /// True when every byte has been read.
    pub fn at_end(&self) -> bool {
        self.pos == self.buf.len()
    }
}

/// A table of strings stored in a shared buffer (see [`Writer::strs`]).
#[derive(Debug, Clone, Default)]
pub struct StrTable {
    ends: Vec<u32>,
    blob: Range<usize>,
}

impl StrTable {
    /// The number of strings.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when the table holds no string.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// String `i`, read from `buf`, the buffer the table was read from. Validated at load.
    pub fn get<'b>(&self, buf: &'b [u8], i: usize) -> &'b str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        let bytes = &buf[self.blob.start + start..self.blob.start + self.ends[i] as usize];
        // Checked once in `Reader::strs`; a failure here is a bug, not bad input.
        std::str::from_utf8(bytes).unwrap_or("")
    }

    /// The position of `s` in a table sorted in byte order, or where it would go.
    pub fn binary_search(&self, buf: &[u8], s: &str) -> Result<usize, usize> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.get(buf, mid).cmp(s) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Ok(mid),
            }
        }
        Err(lo)
    }
}

/// Appends `v` as a LEB128 varint.
pub fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads a LEB128 varint at `*pos`, advancing it. Past the end it reads 0 and stays put, so a
/// corrupt blob gives wrong numbers, never a panic.
#[inline]
pub fn get_varint(buf: &[u8], pos: &mut usize) -> u32 {
    // Most numbers in postings fit in one byte.
    if let Some(&b) = buf.get(*pos) {
        if b < 0x80 {
            *pos += 1;
            return u32::from(b);
        }
    }
    let mut v = 0u32;
    let mut shift = 0;
    while let Some(&b) = buf.get(*pos) {
        *pos += 1;
        if shift < 32 {
            v |= u32::from(b & 0x7f) << shift;
        }
        if b < 0x80 {
            break;
        }
        shift += 7;
    }
    v
}

/// Reads a LEB128 varint at `*pos` strictly: `None` when it runs past the end or past 32 bits.
pub fn read_varint(buf: &[u8], pos: &mut usize) -> Option<u32> {
    let mut v = 0u32;
    for shift in (0..35).step_by(7) {
        let b = *buf.get(*pos)?;
        *pos += 1;
        if shift == 28 && b > 0x0f {
            return None;
        }
        v |= u32::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}

/// Maps a signed number to an unsigned one with small magnitudes staying small.
pub fn zigzag(v: i32) -> u32 {
    ((v << 1) ^ (v >> 31)) as u32
}

/// The inverse of [`zigzag`].
pub fn unzigzag(v: u32) -> i32 {
    ((v >> 1) as i32) ^ -((v & 1) as i32)
}

/// Checks that `offsets` never decrease and end within `len`, as offsets into a blob must.
pub fn check_offsets(offsets: &[u32], len: usize, what: &str) -> Result<(), CodecError> {
    if offsets.windows(2).any(|w| w[0] > w[1]) || offsets.last().is_some_and(|&e| e as usize > len)
    {
        return Err(CodecError(format!("{what} has bad offsets")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_round_trip() {
        let mut w = Writer::default();
        w.u32(7);
        w.u32s(&[1, 2, 300_000]);
        w.strs(["Đảng", "", "viên"]);
        w.bytes(b"xyz");
        let mut r = Reader::new(&w.out);
        assert_eq!(r.u32("a").unwrap(), 7);
        assert_eq!(r.u32s("b").unwrap(), [1, 2, 300_000]);
        let t = r.strs("c").unwrap();
        assert_eq!(
            (t.get(&w.out, 0), t.get(&w.out, 1), t.get(&w.out, 2)),
            ("Đảng", "", "viên")
        );
        assert_eq!(&w.out[r.bytes("d").unwrap()], b"xyz");
        assert!(r.at_end());
    }

    #[test]
    fn truncated_or_corrupt_input_is_an_error() {
        let mut w = Writer::default();
        w.strs(["Đảng"]);
        for cut in 0..w.out.len() {
            assert!(
                Reader::new(&w.out[..cut]).strs("t").is_err(),
                "cut at {cut}"
            );
        }
        // Cut a multi-byte letter in half.
        let mut bad = Writer::default();
        bad.varints([1]);
        bad.bytes("Đ".as_bytes());
        assert!(Reader::new(&bad.out).strs("t").is_err());
        // Lengths whose sum wraps around a 32-bit `usize` back inside the text (wasm).
        let mut wrap = Writer::default();
        wrap.varints([5, u32::MAX - 2, 8]);
        wrap.bytes(b"0123456789");
        assert!(Reader::new(&wrap.out).strs("t").is_err());
    }

    #[test]
    fn varint_arrays_and_zigzag_round_trip() {
        let mut w = Writer::default();
        w.varints([0, 5, 300, u32::MAX]);
        let mut r = Reader::new(&w.out);
        assert_eq!(r.varints("v").unwrap(), [0, 5, 300, u32::MAX]);
        for cut in 0..w.out.len() {
            assert!(
                Reader::new(&w.out[..cut]).varints("v").is_err(),
                "cut at {cut}"
            );
        }
        for v in [0, 1, -1, 19_000, -719_000, i32::MAX, i32::MIN] {
            assert_eq!(unzigzag(zigzag(v)), v);
        }
        assert!(zigzag(-3) < 8);
        assert_eq!(read_varint(&[0xff, 0xff, 0xff, 0xff, 0x7f], &mut 0), None);
    }

    #[test]
    fn varints_round_trip_and_never_read_past_the_end() {
        let mut b = Vec::new();
        for v in [0, 1, 127, 128, 16_383, 16_384, u32::MAX] {
            put_varint(&mut b, v);
        }
        let mut pos = 0;
        let back: Vec<u32> = (0..7).map(|_| get_varint(&b, &mut pos)).collect();
        assert_eq!(back, [0, 1, 127, 128, 16_383, 16_384, u32::MAX]);
        assert_eq!(get_varint(&b, &mut pos), 0);
        assert_eq!(get_varint(&[0xff, 0xff], &mut 0), 0x3fff);
    }
}
