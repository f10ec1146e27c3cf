//! Reading raw input: byte-order marks, UTF-8 and UTF-16, binary and empty files, NFC.

use crate::text::to_nfc;

/// A page decoded to NFC text, with what the decoder had to repair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, in NFC.
    pub text: String,
    /// Repairs made, such as invalid UTF-8 replaced with U+FFFD.
    pub repairs: Vec<String>,
}

/// Decodes the bytes of one page.
///
/// UTF-8 with or without a byte-order mark and UTF-16 (either byte order) with one are read;
/// invalid UTF-8 is replaced with U+FFFD and reported; empty and binary input is refused with a
/// reason, since it cannot hold an article.
pub fn decode_bytes(bytes: &[u8]) -> Result<Decoded, String> {
    let mut d = decode_bytes_keep_form(bytes)?;
    d.text = to_nfc(d.text);
    Ok(d)
}

/// Like [`decode_bytes`] but without NFC normalisation, for a JSON Lines file whose records
/// are normalised one by one (normalising a whole 60 MB file in one go would take seconds
/// when a single record in it is decomposed).
pub fn decode_bytes_keep_form(bytes: &[u8]) -> Result<Decoded, String> {
    let mut repairs = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(rest, &mut repairs)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes, &mut repairs)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes, &mut repairs)
    } else {
        if looks_binary(bytes) {
            return Err("binary file: it holds NUL or control bytes, not text".into());
        }
        utf8(bytes, &mut repairs)
    };
    if text.trim().is_empty() {
        return Err("empty file: no text to parse".into());
    }
    Ok(Decoded { text, repairs })
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
        let d = decode_bytes(b"Tin \xFF\xFE hay").unwrap();
        assert_eq!(d.text, "Tin \u{FFFD}\u{FFFD} hay");
        assert!(d.repairs[0].contains("byte 4"), "{:?}", d.repairs);
    }
}
