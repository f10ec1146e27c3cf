//! Reading raw input: byte-order marks, UTF-8 and UTF-16, legacy Vietnamese encodings,
//! binary and empty files, NFC.

use crate::encoding::{detect, Charset, Detection, Hint, Route};
use crate::text::to_nfc;
use std::borrow::Cow;

/// A page decoded to NFC text, with what the decoder had to repair and how it chose the
/// encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, in NFC.
    pub text: String,
    /// Repairs made, such as invalid UTF-8 replaced with U+FFFD.
    pub repairs: Vec<String>,
    /// The encoding and how it was decided.
    pub detection: Detection,
}

/// Decodes the bytes of one page.
///
/// UTF-8 with or without a byte-order mark and UTF-16 (either byte order) with one are read;
/// a few invalid UTF-8 sequences in UTF-8 text are replaced with U+FFFD and reported; bytes
/// that are not UTF-8 are decoded in the legacy encoding they read best in
/// ([`crate::encoding::detect`]); empty and binary input is refused with a reason, since it
/// cannot hold an article.
pub fn decode_bytes(bytes: &[u8]) -> Result<Decoded, String> {
    decode_bytes_with(bytes, Hint::default())
}

/// Like [`decode_bytes`], with a forced or declared encoding.
pub fn decode_bytes_with(bytes: &[u8], hint: Hint) -> Result<Decoded, String> {
    let mut d = decode_bytes_keep_form_with(bytes, hint)?;
    d.text = to_nfc(d.text);
    Ok(d)
}

/// Like [`decode_bytes`] but without NFC normalisation, for a JSON Lines file whose records
/// are normalised one by one (normalising a whole 60 MB file in one go would take seconds
/// when a single record in it is decomposed).
pub fn decode_bytes_keep_form(bytes: &[u8]) -> Result<Decoded, String> {
    decode_bytes_keep_form_with(bytes, Hint::default())
}

/// Like [`decode_bytes_keep_form`], with a forced or declared encoding.
pub fn decode_bytes_keep_form_with(bytes: &[u8], hint: Hint) -> Result<Decoded, String> {
    decode_keep_form(Cow::Borrowed(bytes), hint)
}

/// [`decode_bytes_keep_form_with`] on bytes it may keep: valid UTF-8 becomes the text without
/// a copy (a 63 MB JSON Lines file spends its time in page faults otherwise).
pub fn decode_owned_keep_form_with(bytes: Vec<u8>, hint: Hint) -> Result<Decoded, String> {
    decode_keep_form(Cow::Owned(bytes), hint)
}

fn decode_keep_form(data: Cow<[u8]>, hint: Hint) -> Result<Decoded, String> {
    let bytes: &[u8] = &data;
    let mut repairs = Vec::new();
    let found = |charset, route| Detection {
        charset,
        route,
        mismatch: None,
    };
    let (text, detection) = if let Some(forced) = hint.forced {
        let rest = match forced {
            Charset::Utf8 => bytes.strip_prefix(b"\xEF\xBB\xBF"),
            Charset::Utf16Le => bytes.strip_prefix(b"\xFF\xFE"),
            Charset::Utf16Be => bytes.strip_prefix(b"\xFE\xFF"),
            _ => None,
        };
        let utf16 = matches!(forced, Charset::Utf16Le | Charset::Utf16Be);
        if !utf16 && looks_binary(bytes) {
            return Err(BINARY.into());
        }
        let (text, bad) = forced.decode(rest.unwrap_or(bytes));
        if bad > 0 {
            repairs.push(format!(
                "{bad} byte sequence(s) that are not {} replaced with U+FFFD",
                forced.name()
            ));
        }
        (text, found(forced, Route::Forced))
    } else if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (utf8(rest, &mut repairs), found(Charset::Utf8, Route::Bom))
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let text = utf16(rest, u16::from_le_bytes, &mut repairs);
        (text, found(Charset::Utf16Le, Route::Bom))
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let text = utf16(rest, u16::from_be_bytes, &mut repairs);
        (text, found(Charset::Utf16Be, Route::Bom))
    } else {
        if looks_binary(bytes) {
            return Err(BINARY.into());
        }
        let (valid, invalid) = utf8_census(bytes);
        // A page that is UTF-8 but for a few stray bytes (a pasted Latin-1 word) stays UTF-8,
        // repaired; one whose non-ASCII bytes are mostly not UTF-8 is in another encoding.
        if invalid == 0 || valid >= 4 * invalid {
            let route = if invalid == 0 {
                Route::ValidUtf8
            } else {
                Route::MostlyUtf8
            };
            let mismatch = hint
                .declared
                .filter(|&d| d != Charset::Utf8 && valid > 0 && valid >= 4 * invalid);
            let detection = Detection {
                charset: Charset::Utf8,
                route,
                mismatch,
            };
            let text = if invalid == 0 {
                String::from_utf8(data.into_owned())
                    .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
            } else {
                utf8(bytes, &mut repairs)
            };
            (text, detection)
        } else {
            let detection = detect(bytes, hint.declared);
            let (text, bad) = detection.charset.decode(bytes);
            if bad > 0 {
                repairs.push(format!(
                    "{bad} byte sequence(s) that are not {} replaced with U+FFFD",
                    detection.charset.name()
                ));
            }
            (text, detection)
        }
    };
    if text.trim().is_empty() {
        return Err("empty file: no text to parse".into());
    }
    Ok(Decoded {
        text,
        repairs,
        detection,
    })
}

const BINARY: &str = "binary file: it holds NUL or control bytes, not text";

/// Counts the non-ASCII characters that are valid UTF-8 and the invalid sequences.
fn utf8_census(bytes: &[u8]) -> (usize, usize) {
    if std::str::from_utf8(bytes).is_ok() {
        return (usize::from(!bytes.is_ascii()), 0);
    }
    let (mut valid, mut invalid) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    (valid, invalid)
}

fn utf8(bytes: &[u8], repairs: &mut Vec<String>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            let bad = String::from_utf8_lossy(bytes)
                .chars()
                .filter(|&c| c == '\u{FFFD}')
                .count();
            repairs.push(format!(
                "invalid UTF-8 from byte {} on: {bad} invalid sequence(s) replaced with U+FFFD",
                e.valid_up_to()
            ));
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, repairs: &mut Vec<String>) -> String {
    if bytes.len() % 2 == 1 {
        repairs.push("UTF-16 text has an odd number of bytes; the last byte was dropped".into());
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut bad = 0;
    let text = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad += 1;
                '\u{FFFD}'
            })
        })
        .collect();
    if bad > 0 {
        repairs.push(format!(
            "{bad} unpaired UTF-16 surrogate(s) replaced with U+FFFD"
        ));
    }
    text
}

/// Text files hold no NUL bytes and few control characters; binary files hold many.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let control = sample
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)))
        .count();
    sample.contains(&0) || control * 20 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_encoding_the_same() {
        let s = "Đảng viên";
        let mut le = vec![0xFF, 0xFE];
        le.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        let mut be = vec![0xFE, 0xFF];
        be.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        let bom8 = [b"\xEF\xBB\xBF".as_slice(), s.as_bytes()].concat();
        for bytes in [s.as_bytes().to_vec(), bom8, le, be] {
            let d = decode_bytes(&bytes).unwrap();
            assert_eq!(d.text, s);
            assert!(d.repairs.is_empty());
        }
    }

    #[test]
    fn normalises_to_nfc() {
        let d = decode_bytes("\u{0110}a\u{0309}ng".as_bytes()).unwrap();
        assert_eq!(d.text, "Đảng");
    }

    #[test]
    fn refuses_empty_and_binary_and_repairs_invalid_utf8() {
        assert!(decode_bytes(b"").unwrap_err().contains("empty"));
        assert!(decode_bytes(b" \n\t\n").unwrap_err().contains("empty"));
        assert!(decode_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
            .unwrap_err()
            .contains("binary"));
        let text = "Đảng bộ tỉnh tổng kết công tác năm";
        let d = decode_bytes(&[text.as_bytes(), b" \xFF\xFE hay"].concat()).unwrap();
        assert_eq!(d.text, format!("{text} \u{FFFD}\u{FFFD} hay"));
        assert!(d.repairs[0].contains("byte 49"), "{:?}", d.repairs);
        assert_eq!(d.detection.route, Route::MostlyUtf8);
    }

    #[test]
    fn bytes_that_are_mostly_not_utf8_are_another_encoding() {
        let d = decode_bytes(b"Ti\xeang Vi\xea\xf2t hay").unwrap();
        assert_eq!(d.detection.charset, Charset::WINDOWS_1258);
        assert_eq!(d.text, "Tiêng Việt hay");
        assert!(d.repairs.is_empty());
    }
}
