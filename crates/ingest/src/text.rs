//! Small text helpers shared by the parsers: whitespace, NFC, word counts.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Normalises to NFC, without allocating when the text already is (the common case).
pub fn to_nfc(s: String) -> String {
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s,
        _ => s.nfc().collect(),
    }
}

/// Trims a line, treating no-break and zero-width spaces as white space too, and collapses
/// inner runs of white space to one space.
pub fn clean_line(line: &str) -> String {
    let trimmed = line.trim_matches(is_space);
    // The common case: ordinary single spaces only.
    if !trimmed.contains("  ") && !trimmed.chars().any(|c| c != ' ' && is_space(c)) {
        return trimmed.to_string();
    }
    let mut out = String::with_capacity(line.len());
    for word in line.split(is_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// White space as it appears in scraped pages.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}')
}

/// Number of white-space separated words.
pub fn word_count(s: &str) -> usize {
    s.split(is_space).filter(|w| !w.is_empty()).count()
}

/// Number of words, counted no further than `limit + 1` (enough to compare with `limit`, and
/// cheap on long paragraphs).
pub fn words_upto(s: &str, limit: usize) -> usize {
    s.split(is_space)
        .filter(|w| !w.is_empty())
        .take(limit + 1)
        .count()
}

/// The largest char boundary of `s` at or below `i` (`str::floor_char_boundary`, which is
/// newer than this crate's minimum Rust).
pub fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Shortens a quotation for a diagnostic message.
pub fn quote(s: &str) -> String {
    const MAX: usize = 80;
    if s.chars().count() <= MAX {
        format!("{s:?}")
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{:?}", head + "…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_composes_decomposed_diacritics() {
        let nfd = "\u{0110}a\u{0309}ng vie\u{0302}n".to_string();
        assert_eq!(to_nfc(nfd), "Đảng viên");
    }

    #[test]
    fn clean_line_collapses_odd_spaces() {
        assert_eq!(clean_line("\u{a0} A\u{a0}\u{a0}A \u{200b}"), "A A");
        assert_eq!(clean_line("   "), "");
    }
}
