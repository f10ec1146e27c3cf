//! Vietnamese folding: lower case without tones or vowel marks, and đ as d, so that "dang"
//! finds "Đảng", "đang" and "Đặng"; and the exact form, lower case with its marks, the same
//! for NFC and NFD input, for accent-aware ranking.

use crate::fold_table::{BASES, COMPOSE};

/// True for the combining diacritical marks (U+0300 to U+036F) that NFD text carries.
pub fn is_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Folds one character: `Some(letter)` for a letter or digit, `None` for a combining mark
/// (which folding drops). Precomposed Latin letters lose their marks; đ/Đ become d; other
/// characters are lower-cased.
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if is_mark(c) {
        return None;
    }
    match BASES.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => Some(char::from(BASES[i].1)),
        Err(_) => Some(c.to_lowercase().next().unwrap_or(c)),
    }
}

/// Folds a string.
///
/// ```
/// use nienbieu_model::fold::fold;
/// assert_eq!(fold("Đảng viên"), "dang vien");
/// assert_eq!(fold("Hưng Yên"), "hung yen");
/// assert_eq!(fold("\u{0110}a\u{0309}ng"), "dang"); // decomposed input
/// ```
pub fn fold(s: &str) -> String {
    s.chars().filter_map(fold_char).collect()
}

/// The exact form of a word: lower case, marks kept, combining marks composed with the letter
/// before them (NFC for every Vietnamese letter), so NFD input gives the same string, and the
/// tone of an open "oa", "oe" or "uy" on its first vowel ([`crate::tones::canonical`]), so
/// "hoà" and "hòa" are one word.
///
/// ```
/// use nienbieu_model::fold::exact;
/// assert_eq!(exact("ĐẢNG"), "đảng");
/// assert_eq!(exact("\u{0110}a\u{0309}ng"), "đảng");
/// assert_eq!(exact("Vie\u{0302}\u{0323}t"), "việt"); // circumflex after the dot below
/// assert_eq!(exact("UỶ"), exact("ủy"));
/// ```
pub fn exact(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending: Option<char> = None;
    for c in s.chars().flat_map(char::to_lowercase) {
        if is_mark(c) {
            if let Some(p) = pending {
                if let Some(composed) = compose(p, c) {
                    pending = Some(composed);
                    continue;
                }
            }
        }
        if let Some(p) = pending.replace(c) {
            out.push(p);
        }
    }
    out.extend(pending);
    // Only an open syllable's last letter can carry a misplaced tone, after an o or a u.
    let mut tail = out.chars().rev();
    if tail.next().is_some_and(|c| !c.is_ascii()) && matches!(tail.next(), Some('o' | 'u')) {
        crate::tones::canonical(&out)
    } else {
        out
    }
}

/// The precomposed letter for `letter` followed by `mark`, where Vietnamese has one.
fn compose(letter: char, mark: char) -> Option<char> {
    COMPOSE
        .binary_search_by(|&(l, m, _)| (l, m).cmp(&(letter, mark)))
        .ok()
        .map(|i| COMPOSE[i].2)
}

/// True when the string has any Vietnamese mark (tone, vowel mark or đ): then a search for
/// it prefers exact-diacritic matches.
pub fn has_marks(s: &str) -> bool {
    s.chars()
        .any(|c| !c.is_ascii() && fold_char(c).is_none_or(|f| f.is_ascii() && f != c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn d_with_stroke_folds_to_d_in_both_cases() {
        assert_eq!(fold("Đ đ"), "d d");
        assert_eq!(fold("ĐẢNG ĐẶNG đang"), "dang dang dang");
        assert_eq!(exact("Đặng"), "đặng");
    }

    #[test]
    fn tones_and_vowel_marks_fold_in_nfc_and_nfd() {
        let nfc = "Thường trực Tỉnh ủy Quảng Ngãi";
        let nfd = "Thu\u{031B}o\u{031B}\u{0300}ng tru\u{031B}\u{0323}c Ti\u{0309}nh u\u{0309}y Qua\u{0309}ng Nga\u{0303}i";
        assert_eq!(fold(nfc), "thuong truc tinh uy quang ngai");
        assert_eq!(fold(nfd), fold(nfc));
        assert_eq!(exact(nfd), exact(nfc));
        assert_eq!(exact(nfc), "thường trực tỉnh ủy quảng ngãi");
    }

    #[test]
    fn every_vietnamese_letter_composes_from_its_decomposition() {
        // Canonical NFD of each letter, as macOS and some keyboards send it.
        let cases = [
            ("a\u{0302}\u{0301}", "ấ"),
            ("a\u{0323}\u{0306}", "ặ"),
            ("o\u{031B}\u{0303}", "ỡ"),
            ("u\u{031B}\u{0323}", "ự"),
            ("E\u{0302}\u{0309}", "ể"),
            ("y\u{0303}", "ỹ"),
        ];
        for (nfd, nfc) in cases {
            assert_eq!(exact(nfd), nfc, "{nfd:?}");
            assert_eq!(fold(nfd), fold(nfc));
        }
    }

    #[test]
    fn words_that_differ_only_by_tone_fold_alike_but_not_exactly() {
        for w in ["ma", "mà", "má", "mả", "mã", "mạ"] {
            assert_eq!(fold(w), "ma");
        }
        assert_ne!(exact("mà"), exact("má"));
        assert!(has_marks("đảng"));
        assert!(has_marks("Đ"));
        assert!(has_marks("a\u{0301}"));
        assert!(!has_marks("dang"));
        assert!(!has_marks("15-NQ/TU"));
    }

    #[test]
    fn other_latin_letters_fold_and_other_scripts_lower_case() {
        assert_eq!(fold("Müller Ça"), "muller ca");
        assert_eq!(fold("ΑΒΓ"), "αβγ");
    }
}
