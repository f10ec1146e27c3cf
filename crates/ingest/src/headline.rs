//! What is never a headline: a lead sentence (a dateline such as "Ngày 28/4,", "Sáng 27/4,",
//! "Hôm nay (28/4),", or a sentence ending in a full stop) and a photo caption.

use crate::clutter::source_tag_len;
use crate::text::words_upto;
use regex::Regex;
use std::sync::LazyLock;

/// A dateline opening a lead, after any source tag ("(NLĐ)- Sáng 3-2, ..."): a time of day or
/// "ngày" and a day and month, or "hôm nay" and the date in brackets, then a comma.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    const D: &str = r"\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?\s*\)?\s*,";
    Regex::new(&format!(
        r"(?i)^(?:(?:rạng\s+)?(?:ngày|sáng|chiều|trưa|tối|đêm)(?:\s+ngày)?\s+(?:\d{{1,2}}\s*(?:và|-|–|đến)\s*)?{D}|(?:hôm|sáng|chiều|trưa|tối)\s+(?:nay|qua)\s*[,(]?\s*(?:ngày\s+)?{D}|trong\s+(?:hai|ba|bốn|\d)\s+ngày\s+\d{{1,2}}\s*(?:,|và|-)\s*{D})"
    ))
    .unwrap()
});

/// Some outlets open headlines with a date ("Hôm nay (23-4), khai mạc Đại hội Hội Nhà văn lần
/// thứ VII"): a dateline line is a lead when it runs this long, or reports in a lead's words
/// ("đã", "tại").
const DATELINE_LEAD_WORDS: usize = 20;

/// True for a lead sentence: a dateline of some length, or a sentence ending in a full stop
/// (not "...").
///
/// ```
/// use nienbieu_ingest::headline::is_lead_sentence;
/// assert!(is_lead_sentence("Ngày 28/4, Thành ủy TPHCM đã tổ chức hội nghị"));
/// assert!(is_lead_sentence("Hôm nay (28/4), tại trụ sở Chính phủ, Thủ tướng chủ trì phiên họp"));
/// assert!(is_lead_sentence("Tàu khởi hành từ Thái Lan qua Campuchia và đến Phú Quốc."));
/// assert!(!is_lead_sentence("Hôm nay, xét xử vụ án buôn lậu xăng dầu"));
/// assert!(!is_lead_sentence("Hôm nay, 16-3, Quốc vương Campuchia thăm chính thức VN"));
/// assert!(!is_lead_sentence("Hôm nay (23-4), khai mạc Đại hội Hội Nhà văn lần thứ VII"));
/// assert!(!is_lead_sentence("Chuyện lạ ở Đà Nẵng: Vẽ tranh... chạy giải tỏa..."));
/// ```
pub fn is_lead_sentence(line: &str) -> bool {
    let rest = &line[source_tag_len(line).unwrap_or(0)..];
    (line.ends_with('.') && !line.ends_with(".."))
        || (DATELINE.is_match(rest)
            && (words_upto(line, DATELINE_LEAD_WORDS) >= DATELINE_LEAD_WORDS
                || line.contains(" đã ")
                || line.contains(" tại ")))
}

/// Openings of a photo caption that can stand anywhere, even first on the page.
const CAPTION_STARTS: &[&str] = &[
    "Quang cảnh",
    "Toàn cảnh",
    "Ảnh:",
    "Ảnh minh họa",
    "Ảnh minh hoạ",
    "Ảnh tư liệu",
];

/// True for a photo caption, wherever it stands: "Quang cảnh ...", "Toàn cảnh ...", or a line
/// carrying a photo credit ("... Ảnh: B. TRUNG ...").
pub fn is_caption_line(line: &str) -> bool {
    CAPTION_STARTS.iter().any(|s| line.starts_with(s)) || line.contains("Ảnh:")
}

/// Titles that open a caption naming who is pictured ("Bí thư Thành ủy ... phát biểu").
const PICTURED: &[&str] = &[
    "Đồng chí",
    "Đ/c",
    "Các đồng chí",
    "Bí thư",
    "Phó Bí thư",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Lãnh đạo",
    "Các đại biểu",
    "Đại biểu",
    "Bộ trưởng",
    "Thủ tướng",
];

/// What a pictured person is doing in a caption.
const PICTURED_DOING: &[&str] = &[
    "phát biểu",
    "trao ",
    "tặng ",
    "chụp ảnh",
    "dâng hoa",
    "dâng hương",
    "cắt băng",
    "chủ trì",
];

/// True for a caption standing first on a page, before the lead: a caption opening, or one
/// short sentence naming a person at an event ("Bí thư Thành ủy Hà Nội ... phát biểu khai mạc
/// hội nghị.").
pub fn is_leading_caption(line: &str) -> bool {
    is_caption_line(line)
        || (PICTURED.iter().any(|s| line.starts_with(s))
            && words_upto(line, 30) <= 30
            && !line.trim_end_matches('.').contains(". ")
            && PICTURED_DOING.iter().any(|v| line.contains(v)))
}
