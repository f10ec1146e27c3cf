//! Splitting text into search tokens: Vietnamese syllables, numbers, and document codes such
//! as "15-NQ/TU" kept as one unit.

use crate::fold::fold;

/// One token of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Folded form: lower case, no marks, đ as d ("dang"). Codes lose their inner spaces.
    pub folded: String,
    /// Lower-cased form with its marks ("đảng"), for accent-aware ranking.
    pub exact: String,
    /// Byte range in the original text, for highlights.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
}

/// Splits `text` into tokens.
///
/// A document code (digits, a dash, letters, a slash, letters: "15-NQ/TU", "12- HD/BTCTW") is
/// one token, folded without spaces, so "15-nq/tu" and "15 - NQ/TU" meet.
///
/// ```
/// use nienbieu_model::tokenize::tokenize;
/// let t: Vec<_> = tokenize("Nghị quyết số 15-NQ/TU").into_iter().map(|t| t.folded).collect();
/// assert_eq!(t, ["nghi", "quyet", "so", "15-nq/tu"]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        if let Some(len) = code_len(rest) {
            let raw = &rest[..len];
            let squeezed: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
            out.push(Token {
                folded: fold(&squeezed),
                exact: squeezed.to_lowercase(),
                start: i,
                end: i + len,
            });
            i += len;
        } else if is_word_char(c) {
            let len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
            let raw = &rest[..len];
            let folded = fold(raw);
            if !folded.is_empty() {
                out.push(Token {
                    folded,
                    exact: raw.to_lowercase(),
                    start: i,
                    end: i + len,
                });
            }
            i += len;
        } else {
            i += c.len_utf8();
        }
    }
    out
}

/// Letters, digits and combining marks (NFD input) belong to words.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{0300}'..='\u{036F}').contains(&c)
}

/// The byte length of a document code at the start of `s`: digits, optional spaces, a dash,
/// optional spaces, letters, a slash, letters (and dashed parts such as "QĐ-UBND").
fn code_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let from = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i > from
    };
    if !digits(&mut i) {
        return None;
    }
    let spaces = |i: &mut usize| {
        while *i < b.len() && b[*i] == b' ' {
            *i += 1;
        }
    };
    spaces(&mut i);
    if i >= b.len() || b[i] != b'-' {
        return None;
    }
    i += 1;
    spaces(&mut i);
    let letters = |i: &mut usize| {
        let from = *i;
        while let Some(c) = s[*i..].chars().next().filter(|c| c.is_alphabetic()) {
            *i += c.len_utf8();
        }
        *i > from
    };
    if !letters(&mut i) || i >= b.len() || b[i] != b'/' {
        return None;
    }
    i += 1;
    if !letters(&mut i) {
        return None;
    }
    while i + 1 < b.len() && b[i] == b'-' {
        let mut j = i + 1;
        if !letters(&mut j) {
            break;
        }
        i = j;
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.folded).collect()
    }

    #[test]
    fn codes_are_one_token_however_spaced() {
        assert_eq!(folded("15-NQ/TU"), ["15-nq/tu"]);
        assert_eq!(
            folded("Hướng dẫn số 12- HD/BTCTW ngày"),
            ["huong", "dan", "so", "12-hd/btctw", "ngay"]
        );
        assert_eq!(folded("02-ĐA/ĐUK"), ["02-da/duk"]);
        assert_eq!(folded("123/QĐ-UBND"), ["123", "qd", "ubnd"]);
        assert_eq!(
            folded("năm 2020-2025 và 29/29"),
            ["nam", "2020", "2025", "va", "29", "29"]
        );
    }

    #[test]
    fn offsets_point_at_the_original_text() {
        let text = "Đảng viên Hưng Yên";
        let t = tokenize(text);
        assert_eq!(&text[t[0].start..t[0].end], "Đảng");
        assert_eq!(t[0].exact, "đảng");
        assert_eq!(t[0].folded, "dang");
        assert_eq!(&text[t[3].start..t[3].end], "Yên");
    }

    #[test]
    fn nfd_words_stay_whole() {
        let t = folded("\u{0110}a\u{0309}ng vie\u{0302}n");
        assert_eq!(t, ["dang", "vien"]);
    }
}
