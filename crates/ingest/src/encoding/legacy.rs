//! The 8-bit Vietnamese font encodings (VISCII, TCVN3, VNI), decoded and encoded through the
//! conversion tables kept as data in `crates/ingest/data/`.

use std::collections::HashMap;
use std::sync::LazyLock;

/// An 8-bit Vietnamese encoding from before Unicode, outside the Encoding Standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Legacy {
    /// VISCII (RFC 1456): every byte from 0x80, and six control bytes, are letters.
    Viscii,
    /// TCVN3, the "ABC" fonts (TCVN 5712:1993): lowercase letters with tones in the upper
    /// half; the capitals with tones in VN1's positions.
    Tcvn3,
    /// VNI for Windows: a base letter followed by a mark byte ("Vieät" is "Việt").
    Vni,
}

impl Legacy {
    /// Every legacy encoding, in the order detection tries them.
    pub const ALL: [Legacy; 3] = [Legacy::Viscii, Legacy::Tcvn3, Legacy::Vni];

    /// The name diagnostics and `--encoding` use.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Viscii => "VISCII",
            Legacy::Tcvn3 => "TCVN3",
            Legacy::Vni => "VNI",
        }
    }

    fn table(self) -> &'static Table {
        match self {
            Legacy::Viscii => &VISCII,
            Legacy::Tcvn3 => &TCVN3,
            Legacy::Vni => &VNI,
        }
    }

    /// Decodes `bytes`; the result may hold combining tone marks (TCVN3's 0xB0–0xB4), which
    /// the caller composes to NFC. Never fails: every byte means something.
    pub fn decode(self, bytes: &[u8]) -> String {
        let t = self.table();
        let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if let Some(&c) = bytes.get(i + 1).and_then(|&n| t.pairs.get(&[b, n])) {
                out.push(c);
                i += 2;
            } else {
                out.push(t.single[usize::from(b)]);
                i += 1;
            }
        }
        out
    }

    /// Encodes NFC `text`, writing a character the encoding lacks as its ASCII stand-in
    /// ("–" as "-", "…" as "..."), or as "?" when it has none. Returns the bytes and the
    /// characters replaced. Used to make test fixtures, as a legacy editor would have saved
    /// them.
    pub fn encode(self, text: &str) -> (Vec<u8>, Vec<char>) {
        let t = self.table();
        let mut out = Vec::with_capacity(text.len());
        let mut replaced = Vec::new();
        for c in text.chars() {
            if let Some(seq) = t.encode.get(&c) {
                out.extend_from_slice(seq);
            } else {
                replaced.push(c);
                out.extend_from_slice(ascii_stand_in(c).as_bytes());
            }
        }
        (out, replaced)
    }
}

/// What a legacy editor typed for a character its encoding lacks.
pub fn ascii_stand_in(c: char) -> &'static str {
    match c {
        '–' | '—' | '‐' | '‑' | '−' => "-",
        '…' => "...",
        '“' | '”' | '„' | '«' | '»' => "\"",
        '‘' | '’' | '‚' => "'",
        '\u{A0}' | '\u{2009}' | '\u{202F}' => " ",
        '•' => "*",
        _ => "?",
    }
}

/// A conversion table: what each byte means alone, the two-byte letters (VNI), and the
/// reverse map for encoding.
struct Table {
    single: [char; 256],
    pairs: HashMap<[u8; 2], char>,
    encode: HashMap<char, Vec<u8>>,
}

static VISCII: LazyLock<Table> =
    LazyLock::new(|| Table::load(include_str!("../../data/viscii.tsv"), Fallback::Latin1));
static TCVN3: LazyLock<Table> =
    LazyLock::new(|| Table::load(include_str!("../../data/tcvn3.tsv"), Fallback::Latin1));
static VNI: LazyLock<Table> =
    LazyLock::new(|| Table::load(include_str!("../../data/vni.tsv"), Fallback::Windows1252));

/// What a byte the table does not list means.
#[derive(Clone, Copy)]
enum Fallback {
    /// The byte's own code point (only ASCII goes unlisted in the 8-bit tables).
    Latin1,
    /// windows-1252, as in VNI's fonts, whose punctuation sits where Windows' does.
    Windows1252,
}

impl Table {
    /// Reads `bytes<TAB>U+XXXX<TAB>character` lines; `#` starts a comment line. The tables
    /// are the project's own data, checked by the tests, so a malformed line is a bug.
    fn load(data: &str, fallback: Fallback) -> Table {
        let mut single: [char; 256] = std::array::from_fn(|b| match fallback {
            Fallback::Latin1 => char::from(b as u8),
            Fallback::Windows1252 => windows_1252(b as u8),
        });
        let mut pairs = HashMap::new();
        let mut encode = HashMap::new();
        for line in data
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let mut cols = line.split('\t');
            let bytes: Vec<u8> = cols
                .next()
                .expect("a byte column")
                .split(' ')
                .map(|h| u8::from_str_radix(h, 16).expect("hex bytes"))
                .collect();
            let code = cols
                .next()
                .and_then(|u| u.strip_prefix("U+"))
                .expect("U+XXXX");
            let c = char::from_u32(u32::from_str_radix(code, 16).expect("hex code point"))
                .expect("a scalar value");
            match bytes[..] {
                [b] => single[usize::from(b)] = c,
                [a, b] => {
                    pairs.insert([a, b], c);
                    // VNI's mark bytes come in two cases; writers mixed them ("Aù", "aÙ").
                    pairs.entry([a, other_case(b)]).or_insert(c);
                }
                _ => panic!("a table entry has one or two bytes: {line}"),
            }
            encode.insert(c, bytes);
        }
        for b in 0..=255u8 {
            encode
                .entry(single[usize::from(b)])
                .or_insert_with(|| vec![b]);
        }
        Table {
            single,
            pairs,
            encode,
        }
    }
}

/// The same Latin-1 letter in the other case (VNI's mark bytes 0xC0–0xDF and 0xE0–0xFF).
fn other_case(b: u8) -> u8 {
    match b {
        0xC0..=0xDE if b != 0xD7 => b + 0x20,
        0xE0..=0xFE if b != 0xF7 => b - 0x20,
        _ => b,
    }
}

fn windows_1252(b: u8) -> char {
    let bytes = [b];
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
    text.chars().next().unwrap_or('\u{FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every Vietnamese letter, in NFC.
    pub(crate) fn letters() -> Vec<char> {
        let mut v: Vec<char> = "đĐ".chars().collect();
        for base in "aăâeêioôơuưy".chars() {
            for tone in ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"] {
                for c in [base.to_string(), base.to_uppercase().to_string()] {
                    let s: String = unicode_normalization::UnicodeNormalization::nfc(
                        format!("{c}{tone}").chars(),
                    )
                    .collect();
                    assert_eq!(s.chars().count(), 1, "{s}");
                    v.extend(s.chars());
                }
            }
        }
        v
    }

    #[test]
    fn every_letter_round_trips_through_every_table() {
        let all: String = letters().into_iter().collect();
        assert_eq!(all.chars().count(), 146);
        for enc in Legacy::ALL {
            let (bytes, replaced) = enc.encode(&all);
            assert!(replaced.is_empty(), "{}: {replaced:?}", enc.name());
            assert_eq!(enc.decode(&bytes), all, "{}", enc.name());
        }
    }

    /// Byte values checked against each encoding's published chart, not the tables.
    #[test]
    fn known_words_in_each_encoding() {
        let viet = "Việt Nam Đảng ủy";
        assert_eq!(
            Legacy::Viscii.encode(viet).0,
            b"Vi\xaet Nam \xd0\xe4ng \xfcy".to_vec()
        );
        assert_eq!(
            Legacy::Tcvn3.encode(viet).0,
            b"Vi\xd6t Nam \xa7\xb6ng \xf1y".to_vec()
        );
        assert_eq!(
            Legacy::Vni.encode(viet).0,
            b"Vie\xe4t Nam \xd1a\xfbng u\xfby".to_vec()
        );
        assert_eq!(
            Legacy::Vni.decode(b"Vie\xe4t \xd1A\xdbNG \xf1a\xfbng"),
            "Việt ĐẢNG đảng"
        );
        assert_eq!(Legacy::Vni.decode(b"\x93a\x94 \x85"), "“a” …");
    }

    #[test]
    fn missing_characters_get_ascii_stand_ins() {
        let (bytes, replaced) = Legacy::Viscii.encode("a – b… “c”");
        assert_eq!(bytes, b"a - b... \"c\"");
        assert_eq!(replaced, ['–', '…', '“', '”']);
    }
}
