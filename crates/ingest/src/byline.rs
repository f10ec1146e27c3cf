//! The end and the margins of an article: the byline, and photo captions set between
//! paragraphs.

use crate::text::words_upto;

/// Prefixes that introduce a byline, removed from the name.
const BYLINE_PREFIXES: &[&str] = &[
    "T/h:",
    "T/H:",
    "TH:",
    "Tổng hợp:",
    "Tin, ảnh:",
    "Tin và ảnh:",
    "Tin, ảnh",
    "Bài, ảnh:",
    "Bài và ảnh:",
    "Bài và ảnh",
    "Tin:",
    "Bài:",
    "Nguồn:",
    "Theo",
];

/// Reads a byline from the last line of an article, or `None` when it is not one.
///
/// A byline is short, ends no sentence, and starts with a name: two to five capitalised
/// words, perhaps after a prefix such as "T/h:".
///
/// ```
/// use nienbieu_ingest::byline::byline;
/// assert_eq!(byline("T/h: Huyền Trang").as_deref(), Some("Huyền Trang"));
/// assert_eq!(byline("Huỳnh Phong – Hùng Anh").as_deref(), Some("Huỳnh Phong – Hùng Anh"));
/// assert_eq!(byline("Toàn cảnh Hội nghị"), None);
/// ```
pub fn byline(line: &str) -> Option<String> {
    let mut rest = line.trim();
    let mut prefixed = false;
    for p in BYLINE_PREFIXES {
        if let Some(r) = rest.strip_prefix(p) {
            rest = r.trim_start_matches([':', ' ']).trim();
            prefixed = true;
            break;
        }
    }
    if rest.is_empty() || words_upto(rest, 16) > 16 || rest.ends_with(['.', '!', '?', ':', ';']) {
        return None;
    }
    let first = rest.split([',', '–', '-', '(']).next().unwrap_or("").trim();
    let words: Vec<&str> = first.split_whitespace().collect();
    let name_like = (2..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    (name_like || (prefixed && !words.is_empty())).then(|| rest.to_string())
}

/// Words that open a photo caption.
const CAPTION_OPENERS: &[&str] = &[
    "Đ/c",
    "Đồng chí",
    "Các đồng chí",
    "Các đại biểu",
    "Đại biểu",
    "Lãnh đạo",
    "Toàn cảnh",
    "Quang cảnh",
    "Ảnh:",
    "Ảnh minh họa",
    "Ảnh minh hoạ",
    "Bí thư",
    "Phó Bí thư",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Trưởng ban",
    "Hội nghị",
];

/// True for a photo caption: a short line between paragraphs that ends no sentence, or a
/// short line that opens like a caption ("Đ/c ... trao Giấy khen ...").
pub fn is_caption(line: &str) -> bool {
    let words = words_upto(line, 40);
    if words == 0 || words > 40 || line.ends_with(':') {
        return false;
    }
    let ends_sentence = line.ends_with(['.', '!', '?', '…', ';', '"', '”']);
    let opens_like_caption = CAPTION_OPENERS.iter().any(|o| line.starts_with(o));
    (!ends_sentence && words <= 30) || (opens_like_caption && words <= 32 && !line.contains(". "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_seen_on_real_pages() {
        assert_eq!(
            byline("Lê Thanh Hà, Đảng bộ Sở Lao động, Thương binh & Xã hội").as_deref(),
            Some("Lê Thanh Hà, Đảng bộ Sở Lao động, Thương binh & Xã hội")
        );
        assert_eq!(
            byline("Phương Minh – Nguyễn Nhân").as_deref(),
            Some("Phương Minh – Nguyễn Nhân")
        );
        assert_eq!(byline("Tin, ảnh: Minh Anh").as_deref(), Some("Minh Anh"));
        assert_eq!(byline("nhiệm kỳ 2020 - 2025./."), None);
        assert_eq!(
            byline("Phát biểu kết luận Hội nghị, đồng chí Vũ Hữu Thi nhấn mạnh."),
            None
        );
    }

    #[test]
    fn captions() {
        assert!(is_caption("Toàn cảnh Hội nghị"));
        assert!(is_caption(
            "Đồng chí Phó Bí thư Thường trực Tỉnh ủy Lê Quốc Chỉnh phát biểu chỉ đạo hội nghị."
        ));
        assert!(is_caption("Đ/c Bí thư Đảng ủy LĐLĐ tỉnh trao Giấy khen của BCH Đảng bộ LĐLĐ tỉnh cho các đảng viên hoàn thành xuất sắc nhiệm vụ trong năm 2023."));
        assert!(!is_caption(
            "Công tác Dân vận được đổi mới. Công tác nội chính được tăng cường."
        ));
        assert!(!is_caption("Năm 2023, 100% đảng viên thuộc Đảng bộ LĐLĐ tỉnh Hưng Yên được xếp loại hoàn thành tốt nhiệm vụ trở lên."));
    }
}
