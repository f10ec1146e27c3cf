//! Splitting text into search tokens: Vietnamese syllables, numbers, and document codes such
//! as "15-NQ/TU" or "123/QĐ-UBND" kept as one unit (followed by their parts).

use crate::fold::{exact, fold, is_mark};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A syllable, word or number.
    Word,
    /// A whole document code ("15-nq/tu").
    Code,
    /// One part of the code just before it ("15", "nq", "tu"), so that a search for "UBND"
    /// alone still finds "123/QĐ-UBND".
    CodePart,
}

/// One token of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Folded form: lower case, no marks, đ as d ("dang"). Codes lose their inner spaces.
    pub folded: String,
    /// Lower-cased form with its marks, composed ("đảng"), for accent-aware ranking.
    pub exact: String,
    /// Byte range in the original text, for highlights.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// Word, code, or part of a code.
    pub kind: TokenKind,
}

/// Splits `text` into tokens.
///
/// A document code is one token, folded without spaces, so "15-nq/tu" and "15 - NQ/TU" meet;
/// its parts follow it as [`TokenKind::CodePart`] tokens.
///
/// ```
/// use nienbieu_model::tokenize::{tokenize, TokenKind};
/// let t: Vec<_> = tokenize("Nghị quyết số 15-NQ/TU")
///     .into_iter()
///     .filter(|t| t.kind != TokenKind::CodePart)
///     .map(|t| t.folded)
///     .collect();
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
                exact: exact(&squeezed),
                start: i,
                end: i + len,
                kind: TokenKind::Code,
            });
            push_words(raw, i, TokenKind::CodePart, &mut out);
            i += len;
        } else if is_word_char(c) {
            let len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
            push_words(&rest[..len], i, TokenKind::Word, &mut out);
            i += len;
        } else {
            i += c.len_utf8();
        }
    }
    out
}

/// Pushes the runs of word characters in `s` (which starts at byte `at` of the text).
fn push_words(s: &str, at: usize, kind: TokenKind, out: &mut Vec<Token>) {
    let mut start = None;
    for (j, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (is_word_char(c), start) {
            (true, None) => start = Some(j),
            (false, Some(from)) => {
                let raw = &s[from..j];
                let folded = fold(raw);
                if !folded.is_empty() {
                    out.push(Token {
                        folded,
                        exact: exact(raw),
                        start: at + from,
                        end: at + j,
                        kind,
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
}

/// Letters, digits and combining marks (NFD input) belong to words.
pub fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        // Latin-1 letters (but × and ÷), Latin Extended-A and -B, and Latin Extended
        // Additional, where every precomposed Vietnamese letter lives: all letters, answered
        // without the general Unicode tables, which are slow and this is the tokeniser's
        // inner loop.
        '\u{c0}'..='\u{24f}' => c != '×' && c != '÷',
        '\u{1e00}'..='\u{1eff}' => true,
        _ => c.is_alphanumeric() || is_mark(c),
    }
}

/// A byte cursor over the start of a candidate code.
struct Cursor<'a> {
    s: &'a str,
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.i).copied()
    }
    fn digits(&mut self) -> bool {
        let from = self.i;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.i += 1;
        }
        self.i > from
    }
    fn letters(&mut self) -> bool {
        let from = self.i;
        // Combining marks of NFD letters belong to the letters, but cannot start them.
        while let Some(c) = self.s[self.i..]
            .chars()
            .next()
            .filter(|&c| c.is_alphabetic() || (self.i > from && is_mark(c)))
        {
            self.i += c.len_utf8();
        }
        self.i > from
    }
    fn spaces(&mut self) {
        while self.peek() == Some(b' ') {
            self.i += 1;
        }
    }
    fn byte(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        self.i += usize::from(hit);
        hit
    }
    /// Any further "-LETTERS" parts ("QĐ-UBND", "NQ/TW-BCH").
    fn dashed_parts(&mut self) -> usize {
        let mut n = 0;
        while self.peek() == Some(b'-') {
            let save = self.i;
            self.i += 1;
            if !self.letters() {
                self.i = save;
                break;
            }
            n += 1;
        }
        n
    }
    /// The code ends here only if no letter or digit runs straight on.
    fn at_boundary(&self) -> bool {
        self.s[self.i..]
            .chars()
            .next()
            .is_none_or(|c| !is_word_char(c))
    }
}

/// The byte length of a document code at the start of `s`, in one of two shapes:
/// - Party documents: digits, a dash, letters, a slash, letters ("15-NQ/TU", "12- HD/BTCTW"),
///   with optional spaces around the dash and the slash;
/// - State documents: digits (slash digits), a slash, letters with at least one dashed part
///   ("123/QĐ-UBND", "15/2021/NĐ-CP").
fn code_len(s: &str) -> Option<usize> {
    party_code(s).or_else(|| state_code(s))
}

fn party_code(s: &str) -> Option<usize> {
    let mut c = Cursor { s, i: 0 };
    if !c.digits() {
        return None;
    }
    c.spaces();
    if !c.byte(b'-') {
        return None;
    }
    c.spaces();
    if !c.letters() {
        return None;
    }
    c.spaces();
    if !c.byte(b'/') {
        return None;
    }
    c.spaces();
    if !c.letters() {
        return None;
    }
    c.dashed_parts();
    c.at_boundary().then_some(c.i)
}

fn state_code(s: &str) -> Option<usize> {
    let mut c = Cursor { s, i: 0 };
    if !c.digits() {
        return None;
    }
    loop {
        if !c.byte(b'/') {
            return None;
        }
        if c.digits() {
            continue;
        }
        break;
    }
    if !c.letters() || c.dashed_parts() == 0 {
        return None;
    }
    c.at_boundary().then_some(c.i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_word_test_agrees_with_unicode() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric() || is_mark(c), "{c:?}");
        }
    }

    /// Folded tokens, code parts left out.
    fn folded(s: &str) -> Vec<String> {
        tokenize(s)
            .into_iter()
            .filter(|t| t.kind != TokenKind::CodePart)
            .map(|t| t.folded)
            .collect()
    }

    #[test]
    fn codes_are_one_token_however_spaced() {
        assert_eq!(folded("15-NQ/TU"), ["15-nq/tu"]);
        assert_eq!(folded("15 - NQ / TU"), ["15-nq/tu"]);
        assert_eq!(
            folded("Hướng dẫn số 12- HD/BTCTW ngày"),
            ["huong", "dan", "so", "12-hd/btctw", "ngay"]
        );
        assert_eq!(folded("02-ĐA/ĐUK"), ["02-da/duk"]);
        assert_eq!(folded("02-\u{0110}A/\u{0110}UK"), ["02-da/duk"]);
        assert_eq!(
            folded("năm 2020-2025 và 29/29, ngày 08/10/2021"),
            ["nam", "2020", "2025", "va", "29", "29", "ngay", "08", "10", "2021"]
        );
    }

    #[test]
    fn state_document_codes_are_one_token() {
        assert_eq!(
            folded("Quyết định 123/QĐ-UBND"),
            ["quyet", "dinh", "123/qd-ubnd"]
        );
        assert_eq!(
            folded("Nghị định 15/2021/NĐ-CP"),
            ["nghi", "dinh", "15/2021/nd-cp"]
        );
        // A slash between a number and a word is no code without a dashed part.
        assert_eq!(folded("12/TW"), ["12", "tw"]);
    }

    #[test]
    fn codes_are_followed_by_their_parts() {
        let t = tokenize("số 123/QĐ-UBND của");
        let kinds: Vec<_> = t.iter().map(|t| (t.folded.as_str(), t.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("so", TokenKind::Word),
                ("123/qd-ubnd", TokenKind::Code),
                ("123", TokenKind::CodePart),
                ("qd", TokenKind::CodePart),
                ("ubnd", TokenKind::CodePart),
                ("cua", TokenKind::Word),
            ]
        );
        assert_eq!(t[1].exact, "123/qđ-ubnd");
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
    fn nfd_words_stay_whole_and_compose() {
        let t = tokenize("\u{0110}a\u{0309}ng vie\u{0302}n");
        let forms: Vec<_> = t
            .iter()
            .map(|t| (t.folded.as_str(), t.exact.as_str()))
            .collect();
        assert_eq!(forms, [("dang", "đảng"), ("vien", "viên")]);
    }
}
