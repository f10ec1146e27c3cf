//! Which encoding a page is in: named, declared or detected, and the bytes decoded by it.
//!
//! UTF-8 and UTF-16 are read as they always were. Bytes that are not UTF-8 are tried as
//! windows-1258 (through encoding_rs), VISCII, TCVN3 and VNI (through the project's tables),
//! chardetng's guess and the page's own `<meta charset>`; the letter statistics of each
//! decoding ([`stats`]) pick the one that reads as Vietnamese.

pub mod legacy;
pub mod stats;

pub use legacy::Legacy;

use crate::text::to_nfc;
use encoding_rs::Encoding;

/// A character encoding the ingest tool reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    /// UTF-8.
    Utf8,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// Any other encoding of the Encoding Standard, windows-1258 among them.
    Web(&'static Encoding),
    /// VISCII, TCVN3 or VNI.
    Legacy(Legacy),
}

impl Charset {
    /// Windows-1258, the Windows code page for Vietnamese.
    pub const WINDOWS_1258: Charset = Charset::Web(encoding_rs::WINDOWS_1258);

    /// The encoding named by `label`: an Encoding Standard label ("utf-8", "windows-1258",
    /// "cp1258", "latin1", ...) or a Vietnamese legacy name ("viscii", "tcvn3", "abc", "vni").
    pub fn from_label(label: &str) -> Option<Charset> {
        let l = label.trim().to_ascii_lowercase();
        let legacy = match l.as_str() {
            "viscii" | "csviscii" | "viscii1.1-1" => Some(Legacy::Viscii),
            "tcvn3" | "tcvn" | "tcvn-3" | "tcvn5712" | "tcvn-5712" | "tcvn5712-1" | "abc"
            | "x-viet-tcvn5712" => Some(Legacy::Tcvn3),
            "vni" | "vni-windows" | "x-viet-vni" => Some(Legacy::Vni),
            _ => None,
        };
        if let Some(l) = legacy {
            return Some(Charset::Legacy(l));
        }
        match Encoding::for_label(l.as_bytes())? {
            e if e == encoding_rs::UTF_8 => Some(Charset::Utf8),
            e if e == encoding_rs::UTF_16LE => Some(Charset::Utf16Le),
            e if e == encoding_rs::UTF_16BE => Some(Charset::Utf16Be),
            // "replacement" and "x-user-defined" decode nothing an article could hold.
            e if e == encoding_rs::REPLACEMENT || e == encoding_rs::X_USER_DEFINED => None,
            e => Some(Charset::Web(e)),
        }
    }

    /// The name diagnostics use: "utf-8", "windows-1258", "VISCII", ...
    pub fn name(self) -> &'static str {
        match self {
            Charset::Utf8 => "utf-8",
            Charset::Utf16Le => "utf-16le",
            Charset::Utf16Be => "utf-16be",
            Charset::Web(e) => e.name(),
            Charset::Legacy(l) => l.name(),
        }
    }

    /// Decodes `bytes` (no byte-order mark) to NFC, with the number of malformed sequences
    /// replaced by U+FFFD.
    pub fn decode(self, bytes: &[u8]) -> (String, usize) {
        let (text, bad) = match self {
            Charset::Legacy(l) => (l.decode(bytes), 0),
            Charset::Utf8 => web_decode(encoding_rs::UTF_8, bytes),
            Charset::Utf16Le => web_decode(encoding_rs::UTF_16LE, bytes),
            Charset::Utf16Be => web_decode(encoding_rs::UTF_16BE, bytes),
            Charset::Web(e) => web_decode(e, bytes),
        };
        (to_nfc(text), bad)
    }
}

fn web_decode(e: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let (text, had_errors) = e.decode_without_bom_handling(bytes);
    let bad = if had_errors {
        text.chars().filter(|&c| c == '\u{FFFD}').count()
    } else {
        0
    };
    (text.into_owned(), bad)
}

/// What the caller knows about the bytes besides the bytes themselves.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hint {
    /// `--encoding`: read every input in this encoding, whatever it looks like.
    pub forced: Option<Charset>,
    /// What the page declares (an HTML page's `<meta charset>`), with the declaration's text.
    pub declared: Option<Charset>,
}

/// How the encoding of an input was decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `--encoding` named it.
    Forced,
    /// A byte-order mark.
    Bom,
    /// The bytes are valid UTF-8 (or hold only ASCII).
    ValidUtf8,
    /// Mostly valid UTF-8, with a few bytes that are not: repaired as UTF-8.
    MostlyUtf8,
    /// The page's own `<meta charset>`, which the letter statistics do not contradict.
    Declared,
    /// chardetng's guess, which the letter statistics confirm or do not contradict.
    Chardetng,
    /// The letter statistics, against chardetng's guess (`chardetng` names the guess).
    Statistics {
        /// What chardetng guessed instead.
        chardetng: &'static str,
    },
}

/// The outcome of deciding an encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    /// The encoding the text was decoded with.
    pub charset: Charset,
    /// How it was decided.
    pub route: Route,
    /// A page that declared another encoding than the one its bytes are in: the declared one.
    pub mismatch: Option<Charset>,
}

impl Detection {
    /// The diagnostic message: "windows-1258, detected by chardetng".
    pub fn describe(&self) -> String {
        let name = self.charset.name();
        let how = match &self.route {
            Route::Forced => "named by --encoding".to_string(),
            Route::Bom => "from its byte-order mark".to_string(),
            Route::ValidUtf8 => "the bytes are valid UTF-8".to_string(),
            Route::MostlyUtf8 => "mostly valid UTF-8; the rest repaired".to_string(),
            Route::Declared => "declared by the page's <meta charset>".to_string(),
            Route::Chardetng => "detected by chardetng".to_string(),
            Route::Statistics { chardetng } => {
                format!("detected by letter statistics (chardetng guessed {chardetng})")
            }
        };
        format!("{name}, {how}")
    }
}

/// How much of a page the detector reads: enough for thousands of words.
const SAMPLE: usize = 64 * 1024;

/// Decides the encoding of `bytes` (no byte-order mark; not valid UTF-8 unless `declared`
/// says otherwise) among windows-1258, VISCII, TCVN3, VNI, chardetng's guess and the page's
/// declaration, by their letter statistics.
pub fn detect(bytes: &[u8], declared: Option<Charset>) -> Detection {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    // A page declaring UTF-8 whose bytes are not UTF-8 declares nothing useful.
    let claimed = declared;
    let declared = declared.filter(|d| !is_unicode(*d));
    let read = |c: Charset| stats::read(&c.decode(sample).0);
    // A declaration that reads clean is believed without trying the others.
    let declared_reading = declared.map(|d| (d, read(d)));
    if let Some((d, _)) = declared_reading.filter(|(_, r)| r.is_clean()) {
        return Detection {
            charset: d,
            route: Route::Declared,
            mismatch: None,
        };
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, sample.len() == bytes.len());
    let guessed = match detector.guess(Some(b"vn"), chardetng::Utf8Detection::Deny) {
        e if e == encoding_rs::UTF_8 => Charset::WINDOWS_1258,
        e => Charset::Web(e),
    };
    let guessed_reading = read(guessed);
    // So is chardetng's guess, when there is no declaration to contradict.
    if declared.is_none() && guessed_reading.is_clean() {
        return Detection {
            charset: guessed,
            route: Route::Chardetng,
            mismatch: claimed,
        };
    }
    let mut scored = vec![(guessed, guessed_reading.score)];
    for c in [Charset::WINDOWS_1258, Charset::Legacy(Legacy::Viscii)]
        .into_iter()
        .chain([Charset::Legacy(Legacy::Tcvn3), Charset::Legacy(Legacy::Vni)])
    {
        if !scored.iter().any(|s| s.0 == c) {
            scored.push((c, read(c).score));
        }
    }
    if let Some((d, r)) = declared_reading {
        scored.push((d, r.score));
    }
    // The first best in candidate order: chardetng's guess wins a tie.
    let (best, best_score) =
        scored.iter().copied().fold(
            (guessed, i64::MIN),
            |acc, s| if s.1 > acc.1 { s } else { acc },
        );
    // A declaration is believed unless another decoding reads clearly better.
    if let Some((d, r)) = declared_reading {
        if r.score >= best_score - best_score.abs() / 10 {
            return Detection {
                charset: d,
                route: Route::Declared,
                mismatch: None,
            };
        }
    }
    let route = if best == guessed || best_score <= 0 {
        Route::Chardetng
    } else {
        Route::Statistics {
            chardetng: guessed.name(),
        }
    };
    let charset = if best_score <= 0 { guessed } else { best };
    Detection {
        charset,
        route,
        mismatch: claimed.filter(|&d| d != charset),
    }
}

fn is_unicode(c: Charset) -> bool {
    matches!(c, Charset::Utf8 | Charset::Utf16Le | Charset::Utf16Be)
}

/// Encodes NFC `text` as a legacy Vietnamese editor would have saved it: windows-1258 with
/// tone marks as combining characters (as Windows' keyboard writes them), or VISCII, TCVN3
/// or VNI through the tables. Characters the encoding lacks get an ASCII stand-in ("–" as
/// "-"); they are returned. For test fixtures; `None` for other encodings.
pub fn encode_as_legacy(text: &str, charset: Charset) -> Option<(Vec<u8>, Vec<char>)> {
    match charset {
        Charset::Legacy(l) => Some(l.encode(text)),
        c if c == Charset::WINDOWS_1258 => Some(encode_windows_1258(text)),
        _ => None,
    }
}

fn encode_windows_1258(text: &str) -> (Vec<u8>, Vec<char>) {
    use unicode_normalization::char::compose;
    use unicode_normalization::UnicodeNormalization;
    let mut reverse = std::collections::HashMap::new();
    for b in 0..=255u8 {
        let byte = [b];
        let (c, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(&byte);
        if let Some(ch) = c.chars().next().filter(|&ch| ch != '\u{FFFD}') {
            reverse.entry(ch).or_insert(b);
        }
    }
    // Decompose, then put the vowel marks (circumflex, breve, horn) back on their letters:
    // windows-1258 has â, ă, ơ, ... but writes the five tone marks as combining characters.
    let mut chars: Vec<char> = Vec::with_capacity(text.len());
    let mut base_at = None;
    for c in text.nfd() {
        let joined = match (base_at, c) {
            (Some(i), '\u{302}' | '\u{306}' | '\u{31B}') => compose(chars[i], c).map(|j| (i, j)),
            _ => None,
        };
        match joined {
            Some((i, j)) => chars[i] = j,
            None => {
                if unicode_normalization::char::canonical_combining_class(c) == 0 {
                    base_at = Some(chars.len());
                }
                chars.push(c);
            }
        }
    }
    let mut out = Vec::with_capacity(chars.len());
    let mut replaced = Vec::new();
    for c in chars {
        match reverse.get(&c) {
            Some(&b) => out.push(b),
            None => {
                replaced.push(c);
                out.extend_from_slice(legacy::ascii_stand_in(c).as_bytes());
            }
        }
    }
    (out, replaced)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Đảng bộ Liên đoàn Lao động tỉnh Hưng Yên tổng kết công tác xây dựng \
        Đảng năm 2023. Hội nghị đã được nghe báo cáo của Ban Thường vụ Đảng ủy về kết quả thực \
        hiện nhiệm vụ chính trị của các chi bộ trong năm qua.";

    #[test]
    fn labels() {
        assert_eq!(Charset::from_label("CP1258"), Some(Charset::WINDOWS_1258));
        assert_eq!(Charset::from_label(" utf8 "), Some(Charset::Utf8));
        assert_eq!(
            Charset::from_label("ABC"),
            Some(Charset::Legacy(Legacy::Tcvn3))
        );
        assert_eq!(
            Charset::from_label("vni"),
            Some(Charset::Legacy(Legacy::Vni))
        );
        assert_eq!(Charset::from_label("klingon"), None);
    }

    #[test]
    fn each_legacy_encoding_is_detected_and_decoded() {
        for charset in [
            Charset::WINDOWS_1258,
            Charset::Legacy(Legacy::Viscii),
            Charset::Legacy(Legacy::Tcvn3),
            Charset::Legacy(Legacy::Vni),
        ] {
            let (bytes, replaced) = encode_as_legacy(TEXT, charset).unwrap();
            assert!(replaced.is_empty(), "{}: {replaced:?}", charset.name());
            assert!(std::str::from_utf8(&bytes).is_err());
            let d = detect(&bytes, None);
            assert_eq!(d.charset, charset, "{}", d.describe());
            assert_eq!(d.charset.decode(&bytes).0, TEXT);
        }
    }

    #[test]
    fn windows_1258_is_written_with_combining_tone_marks() {
        let (bytes, _) = encode_as_legacy("Đảng", Charset::WINDOWS_1258).unwrap();
        assert_eq!(bytes, b"\xd0a\xd2ng");
    }

    #[test]
    fn a_false_declaration_is_overruled_and_a_true_one_believed() {
        let (bytes, _) = encode_as_legacy(TEXT, Charset::Legacy(Legacy::Vni)).unwrap();
        let d = detect(&bytes, Some(Charset::WINDOWS_1258));
        assert_eq!(d.charset, Charset::Legacy(Legacy::Vni));
        assert_eq!(d.mismatch, Some(Charset::WINDOWS_1258));
        let d = detect(&bytes, Some(Charset::Legacy(Legacy::Vni)));
        assert_eq!(
            (d.charset, d.route),
            (Charset::Legacy(Legacy::Vni), Route::Declared)
        );
    }
}
