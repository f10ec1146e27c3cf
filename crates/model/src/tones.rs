//! Where the tone mark sits: Vietnamese writes the open syllables ending in "oa", "oe" and
//! "uy" two ways ("hòa"/"hoà", "thủy"/"thuỷ", "Tỉnh ủy"/"Tỉnh uỷ"), both correct and both
//! common in the same archive. One spelling is chosen so that they are one word to search and
//! one value to filter: the tone on the first vowel, as most of the press writes it.

/// Lower and upper case vowels with each tone: grave, acute, hook, tilde, dot below.
const TONED: [(char, [char; 5]); 10] = [
    ('a', ['à', 'á', 'ả', 'ã', 'ạ']),
    ('e', ['è', 'é', 'ẻ', 'ẽ', 'ẹ']),
    ('o', ['ò', 'ó', 'ỏ', 'õ', 'ọ']),
    ('u', ['ù', 'ú', 'ủ', 'ũ', 'ụ']),
    ('y', ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ']),
    ('A', ['À', 'Á', 'Ả', 'Ã', 'Ạ']),
    ('E', ['È', 'É', 'Ẻ', 'Ẽ', 'Ẹ']),
    ('O', ['Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ']),
    ('U', ['Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ']),
    ('Y', ['Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ']),
];

/// `(plain vowel, tone 0..5)` of a toned a, e, o, u or y without other marks.
fn split(c: char) -> Option<(char, usize)> {
    TONED
        .iter()
        .find_map(|(base, toned)| toned.iter().position(|&t| t == c).map(|k| (*base, k)))
}

fn with_tone(base: char, tone: usize) -> Option<char> {
    TONED
        .iter()
        .find(|(b, _)| *b == base)
        .map(|(_, toned)| toned[tone])
}

/// The same text with the tone of every open "oa", "oe" and "uy" syllable on its first vowel
/// ("hoà" → "hòa", "Uỷ" → "Ủy", "khoẻ" → "khỏe"), case kept. "qu" is a consonant, so "quý"
/// and "quả" are left alone, as are syllables with a final consonant ("hoàng") or a third
/// vowel ("khuya"), whose tone has one place only. Expects composed (NFC) letters.
///
/// ```
/// use nienbieu_model::tones::canonical;
/// assert_eq!(canonical("Tỉnh uỷ Hoà Bình"), "Tỉnh ủy Hòa Bình");
/// assert_eq!(canonical("quý hoàng khuya"), "quý hoàng khuya");
/// ```
pub fn canonical(text: &str) -> String {
    let mut out: Option<Vec<char>> = None;
    // Letters two and one back, and the one before them, as the text is read.
    let (mut before, mut first) = (' ', ' ');
    let mut chars = text.chars().enumerate().peekable();
    while let Some((i, second)) = chars.next() {
        let prev = (before, first);
        before = first;
        first = second;
        if second.is_ascii() {
            continue;
        }
        let Some((vowel, tone)) = split(second) else {
            continue;
        };
        let (before, first) = prev;
        let pair = matches!(
            (first.to_ascii_lowercase(), vowel.to_ascii_lowercase()),
            ('o', 'a') | ('o', 'e') | ('u', 'y')
        );
        let open = chars.peek().is_none_or(|(_, c)| !c.is_alphabetic());
        let starts = !before.is_alphabetic() || !is_vowel_or_q(before);
        if let (true, true, true, Some(toned)) = (pair, open, starts, with_tone(first, tone)) {
            let out = out.get_or_insert_with(|| text.chars().collect());
            out[i - 1] = toned;
            out[i] = vowel;
        }
    }
    match out {
        Some(chars) => chars.into_iter().collect(),
        None => text.to_owned(),
    }
}

/// "q" makes "u" part of the consonant; a vowel before makes the pair the end of a longer
/// vowel group.
fn is_vowel_or_q(c: char) -> bool {
    let c = c.to_lowercase().next().unwrap_or(c);
    c == 'q'
        || crate::fold::fold_char(c).is_some_and(|f| matches!(f, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
}

#[cfg(test)]
mod tests {
    use super::canonical;

    #[test]
    fn both_placements_become_one() {
        for (new, old) in [
            ("hoà", "hòa"),
            ("Hoà Bình", "Hòa Bình"),
            ("thuỷ", "thủy"),
            ("Tỉnh uỷ", "Tỉnh ủy"),
            ("UỶ BAN", "ỦY BAN"),
            ("Uỷ ban", "Ủy ban"),
            ("khoẻ", "khỏe"),
            ("hoá", "hóa"),
            ("toạ đàm", "tọa đàm"),
            ("xoã", "xõa"),
            ("loè", "lòe"),
            ("huỷ, uý.", "hủy, úy."),
        ] {
            assert_eq!(canonical(new), old, "{new}");
            assert_eq!(canonical(old), old, "{old}");
        }
    }

    #[test]
    fn syllables_with_one_place_for_the_tone_are_left_alone() {
        for word in [
            "quý", "quả", "Quý", "QUẢ", "hoàng", "thuyền", "khuya", "ngoáy", "quyết", "huế",
            "thuở", "tuổi", "gì", "a", "ý", "à", "oà", "uỷ",
        ] {
            let expected = match word {
                "oà" => "òa",
                "uỷ" => "ủy",
                w => w,
            };
            assert_eq!(canonical(word), expected, "{word}");
        }
    }
}
