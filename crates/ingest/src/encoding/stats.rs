//! Letter statistics: how much a decoded text reads as Vietnamese. Decoding the bytes of one
//! encoding as another gives letters that no Vietnamese syllable holds ("Vieät", "ViÖt",
//! "Viỷt"), so the right decoding is the one whose words are syllables, and common ones.

use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// Frequent syllables of news text that carry marks: a right decoding is full of them.
const COMMON: &str = "của và các có được là những người với một đã không này năm đến về để công \
tác đảng hội nghị tỉnh nhiệm vụ phát triển thực hiện cán bộ đồng chí chức xây dựng việc ngày tại \
cũng nhà nước khi đó như sự làm từ lên hơn đại biểu quản lý kinh tế xã tổ trên đi nhiều mới thành \
phố huyện chính trị sản xuất học dân vào sau lại còn nhưng nói phải rất chỉ đạo báo cáo khai kết \
quả tình hình hoạt động tạo thời đây mà năng lực trong ủy ban tịch thường viên chương trình giải \
pháp lãnh kỳ quan tâm đề nghiệp lao tiếp tục đánh giá số lượng cấp ngành vùng bảo đảm tổng hợp";

static COMMON_SET: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| COMMON.split_whitespace().collect());

/// How a decoded text reads as Vietnamese.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reading {
    /// Common syllables count 10, other syllables with marks 1, words no syllable is and
    /// stray symbols -5: the higher, the more Vietnamese.
    pub score: i64,
    /// Words with a letter outside ASCII.
    pub marked_words: usize,
    /// Of them, words that are no syllable, plus stray symbols.
    pub bad: usize,
}

impl Reading {
    /// Clearly right: some marked words, and at most one in twenty is wrong.
    pub fn is_clean(self) -> bool {
        self.marked_words >= 5 && self.bad * 20 <= self.marked_words
    }
}

/// Reads `text` as Vietnamese: common syllables count most, other well-formed syllables
/// with marks a little, and letters no syllable holds, or stray symbols, count against.
pub fn read(text: &str) -> Reading {
    let mut r = Reading::default();
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            if !word.is_ascii() {
                r.marked_words += 1;
                let s = word_score(&word);
                r.score += s;
                r.bad += usize::from(s < 0);
            }
            word.clear();
        }
        if is_garbage(c) {
            r.score -= 5;
            r.bad += 1;
        }
    }
    r
}

/// [`read`]'s score alone.
pub fn score(text: &str) -> i64 {
    read(text).score
}

fn word_score(w: &str) -> i64 {
    if COMMON_SET.contains(w) {
        10
    } else if is_syllable(w) {
        1
    } else {
        -5
    }
}

/// Symbols that Vietnamese prose does not use, but that wrong decodings are full of (C1
/// controls, "¸", "¶", "§", "µ", "¹" ...).
fn is_garbage(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9F}' | '\u{A1}'..='\u{BF}' | '\u{D7}' | '\u{F7}' | '\u{FFFD}')
        || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{C}'))
        || ('\u{0300}'..='\u{036F}').contains(&c)
}

/// A well-formed Vietnamese syllable: an initial consonant, one to three vowels (at most one
/// tone mark among them), and a final consonant.
fn is_syllable(w: &str) -> bool {
    let mut tones = 0;
    let mut bare = String::with_capacity(w.len());
    for c in w.chars() {
        let (base, toned) = untoned(c);
        tones += usize::from(toned);
        bare.push(base);
    }
    if tones > 1 {
        return false;
    }
    let rest = strip_initial(&bare);
    // "gì", "gịt": the i of "gi" is the vowel when no other follows.
    let rest = if rest.is_empty() || rest.starts_with(['c', 'm', 'n', 'p', 't']) {
        bare.strip_prefix('g').unwrap_or(rest)
    } else {
        rest
    };
    let vowels = rest
        .chars()
        .take_while(|c| "aăâeêioôơuưy".contains(*c))
        .count();
    let nucleus: String = rest.chars().take(vowels).collect();
    let tail: String = rest.chars().skip(vowels).collect();
    NUCLEI.split(' ').any(|n| n == nucleus)
        && matches!(
            tail.as_str(),
            "" | "c" | "ch" | "m" | "n" | "ng" | "nh" | "p" | "t"
        )
}

/// The vowel groups of Vietnamese syllables, tone marks aside.
const NUCLEI: &str = "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi \
oo ua uâ uê ui uô uơ ưa ưi ươ ưu uy yê iêu oai oay oeo uây uôi ươi ươu uya uyê yêu uyu";

/// A letter without its tone mark, and whether it had one: "ế" is ('ê', true).
fn untoned(c: char) -> (char, bool) {
    static TABLE: LazyLock<std::collections::HashMap<char, char>> = LazyLock::new(|| {
        let mut t = std::collections::HashMap::new();
        for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY".chars() {
            for tone in ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'] {
                let toned: String = [base, tone].iter().collect::<String>().nfc().collect();
                let mut cs = toned.chars();
                if let (Some(one), None) = (cs.next(), cs.next()) {
                    t.insert(one, base);
                }
            }
        }
        t
    });
    if c.is_ascii() {
        return (c, false);
    }
    match TABLE.get(&c) {
        Some(&b) => (b, true),
        None => (c, false),
    }
}

fn strip_initial(w: &str) -> &str {
    const INITIALS: [&str; 26] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
        "h", "k", "l", "m", "n", "p", "r", "s", "t", "v",
    ];
    for i in INITIALS {
        if let Some(rest) = w.strip_prefix(i) {
            return rest;
        }
    }
    w.strip_prefix('x').unwrap_or(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables() {
        for w in [
            "việt",
            "nghiêng",
            "được",
            "của",
            "khuya",
            "quốc",
            "đảng",
            "ủy",
            "thường",
        ] {
            assert!(is_syllable(w), "{w}");
        }
        for w in ["vieät", "viỷt", "§¶ng", "ñaûng", "ðả", "ảá"] {
            assert!(!is_syllable(w), "{w} is no syllable");
        }
    }

    #[test]
    fn right_decoding_scores_highest() {
        let right = score("Đảng bộ tỉnh tổng kết công tác xây dựng Đảng năm 2023");
        assert!(right > 50, "{right}");
        assert!(score("§¶ng bé tØnh tæng kÕt c«ng t¸c") < 0);
        assert!(score("Ñaûng boä tænh toång keát coâng taùc") < 0);
    }
}
