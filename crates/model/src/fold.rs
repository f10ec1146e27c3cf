//! Vietnamese folding: lower case without tones or vowel marks, and đ as d, so that "dang"
//! finds "Đảng", "đang" and "Đặng". Works on NFC and NFD input alike.

/// Each base letter followed by every precomposed Vietnamese letter that folds to it.
const FOLDS: &[(char, &str)] = &[
    ('a', "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"),
    ('e', "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"),
    ('i', "ìíỉĩịÌÍỈĨỊ"),
    ('o', "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"),
    ('u', "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"),
    ('y', "ỳýỷỹỵỲÝỶỸỴ"),
    ('d', "đĐ"),
];

/// Folds one character: `Some(letter)` for a letter or digit, `None` for a combining mark
/// (which folding drops). Other characters are lower-cased.
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if ('\u{0300}'..='\u{036F}').contains(&c) {
        return None;
    }
    for (base, variants) in FOLDS {
        if variants.contains(c) {
            return Some(*base);
        }
    }
    Some(c.to_lowercase().next().unwrap_or(c))
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
    }

    #[test]
    fn tones_and_vowel_marks_fold_in_nfc_and_nfd() {
        let nfc = "Thường trực Tỉnh ủy Quảng Ngãi";
        let nfd = "Thu\u{031B}\u{0300}o\u{031B}ng tru\u{031B}\u{0323}c Ti\u{0309}nh u\u{0309}y Qua\u{0309}ng Nga\u{0303}i";
        assert_eq!(fold(nfc), "thuong truc tinh uy quang ngai");
        assert_eq!(fold(nfd), fold(nfc));
    }

    #[test]
    fn words_that_differ_only_by_tone_fold_alike() {
        for w in ["ma", "mà", "má", "mả", "mã", "mạ"] {
            assert_eq!(fold(w), "ma");
        }
        assert!(has_marks("đảng"));
        assert!(has_marks("Đ"));
        assert!(!has_marks("dang"));
        assert!(!has_marks("15-NQ/TU"));
    }
}
