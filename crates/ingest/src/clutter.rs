//! Site clutter: view counters, font controls, share and comment widgets, related-news boxes,
//! gold-price widgets and other lines that are part of the page but not of the article.

use regex::RegexSet;
use std::sync::LazyLock;

/// What a clutter line is, and whether the article ends there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clutter {
    /// A stable code for diagnostics, such as `clutter.view_counter`.
    pub code: &'static str,
    /// True for widgets that follow the article (related news, comments, price boxes): they
    /// and everything after them are removed.
    pub ends_article: bool,
}

/// Patterns, each with its code and whether it ends the article. Checked against the
/// lower-cased cleaned line (trimmed, single spaces). They avoid `\b` and `(?i)`, which would
/// keep the regex engine off its fast DFA path on Vietnamese text.
const PATTERNS: &[(&str, &str, bool)] = &[
    (
        r"^lượt (xem|đọc)\s*:?\s*[\d.,]+$",
        "clutter.view_counter",
        false,
    ),
    (r"^(số )?lượt (xem|đọc)$", "clutter.view_counter", false),
    (r"^\d{1,3}\s?%$", "clutter.zoom_control", false),
    (r"^(a[-+]?\s*){2,3}$", "clutter.font_control", false),
    (
        r"^(cỡ chữ|in bài|bản in|gửi bài|lưu bài|print)(\s.{0,30})?$",
        "clutter.page_tool",
        false,
    ),
    (r"^chia sẻ\s*:?.{0,40}$", "clutter.share", false),
    (
        r"^(share|tweet|facebook|zalo|twitter)(\s*[:|]?\s*(share|tweet|facebook|zalo|twitter))*$",
        "clutter.share",
        false,
    ),
    (
        r"^theo dõi (báo|trang|chúng tôi).{0,60}(google news|zalo|facebook|youtube|tiktok)$",
        "clutter.share",
        false,
    ),
    (r"^(video|hình ảnh) hoạt động", "clutter.media_box", true),
    (r"^website liên kết", "clutter.links_box", true),
    (
        r"^(tin|bài) (liên quan|cùng chuyên mục|khác|mới|đọc nhiều|xem nhiều)\s*:?$",
        "clutter.related_news",
        true,
    ),
    (
        r"^(các tin|tin tức) (khác|liên quan)\s*:?$",
        "clutter.related_news",
        true,
    ),
    (r"^ý kiến\s*(\(\s*\d*\s*\))?$", "clutter.comments", true),
    (r"^(viết|gửi) (bình luận|ý kiến)", "clutter.comments", true),
    (r"^bạn đọc (phản hồi|bình luận)", "clutter.comments", true),
    (r"^bình luận\s*(\(\s*\d*\s*\))?$", "clutter.comments", true),
    (r"^\d+\s*/\s*\d+\s*ký tự$", "clutter.comments", true),
    (
        r"^(điện thoại|đt|tel|fax|hotline|đường dây nóng)\s*[:.]",
        "clutter.footer",
        false,
    ),
    (r"^(email|e-mail|thư điện tử)\s*:", "clutter.footer", false),
    (r"^[^\s@]+@[^\s@]+\.[a-z]{2,}$", "clutter.footer", false),
    (r"^(bản quyền|©|copyright)", "clutter.footer", true),
    (r"ghi rõ nguồn", "clutter.footer", true),
    (r"^(guest|đang tải dữ liệu\.*)$", "clutter.comments", true),
    (r"^giá vàng(\s|$)", "clutter.market_widget", true),
    (r"^tỷ giá(\s|$)", "clutter.market_widget", true),
    (r"^loại mua bán$", "clutter.market_widget", true),
    (r"^nội dung\s*:$", "clutter.form_label", false),
    (r"^(từ khóa|tags?)\s*:", "clutter.tags", false),
    (
        r"^(giấy phép|gp) (số|hoạt động|xuất bản)",
        "clutter.footer",
        true,
    ),
    (
        r"^(tổng biên tập|phó tổng biên tập)\s*:",
        "clutter.footer",
        true,
    ),
    (
        r"^(ảnh|image|photo)\s*:?\s*$",
        "clutter.image_residue",
        false,
    ),
    (
        r"^\[?(img|image|hình ảnh)\]?$",
        "clutter.image_residue",
        false,
    ),
    (
        r"\.(jpe?g|png|gif|webp)(\?\S*)?$",
        "clutter.image_residue",
        false,
    ),
];

static SET: LazyLock<RegexSet> =
    LazyLock::new(|| RegexSet::new(PATTERNS.iter().map(|(p, _, _)| *p)).unwrap());

/// Classifies one cleaned, non-empty line; `None` means it is article text.
///
/// ```
/// use nienbieu_ingest::clutter::classify;
/// assert_eq!(classify("Lượt xem: 361").unwrap().code, "clutter.view_counter");
/// assert!(classify("Tin liên quan").unwrap().ends_article);
/// assert!(classify("Toàn cảnh Hội nghị").is_none());
/// ```
pub fn classify(line: &str) -> Option<Clutter> {
    let lone_number = line.len() <= 6 && line.bytes().all(|b| b.is_ascii_digit());
    if lone_number || !line.chars().any(char::is_alphanumeric) {
        return Some(Clutter {
            code: "clutter.punctuation_or_number",
            ends_article: false,
        });
    }
    // Widgets are short; body paragraphs, the bulk of the text, skip the patterns entirely.
    if line.len() > 480 || line.chars().count() > 160 {
        return None;
    }
    let i = SET.matches(&line.to_lowercase()).into_iter().next()?;
    let (_, code, ends_article) = PATTERNS[i];
    Some(Clutter { code, ends_article })
}

/// A source tag opening the lead, such as "(GLO)- " or "(Baonghean.vn) - ": its length in
/// bytes, or `None`.
///
/// ```
/// use nienbieu_ingest::clutter::source_tag_len;
/// let lead = "(Baonghean.vn) - Sáng 12/1, Tỉnh ủy tổ chức hội nghị.";
/// assert_eq!(&lead[source_tag_len(lead).unwrap()..], "Sáng 12/1, Tỉnh ủy tổ chức hội nghị.");
/// assert_eq!(source_tag_len("(15/6/1933 - 15/6/2023) là dịp"), None);
/// ```
pub fn source_tag_len(lead: &str) -> Option<usize> {
    static TAG: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"^\((?:[A-ZĐ][A-ZĐa-z]{1,9}|[A-Za-z0-9-]+(?:\.[A-Za-z]{2,4}){1,2})\)\s*[-–—:]?\s*",
        )
        .unwrap()
    });
    TAG.find(lead).map(|m| m.end()).filter(|&n| n < lead.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(line: &str) -> Option<&'static str> {
        classify(line).map(|c| c.code)
    }

    #[test]
    fn each_pattern_seen_on_real_pages() {
        assert_eq!(code("Lượt xem: 361"), Some("clutter.view_counter"));
        assert_eq!(code("100%"), Some("clutter.zoom_control"));
        assert_eq!(code("A A"), Some("clutter.font_control"));
        assert_eq!(code("A- A A+"), Some("clutter.font_control"));
        assert_eq!(code("Tin liên quan"), Some("clutter.related_news"));
        assert_eq!(code("Tin cùng chuyên mục"), Some("clutter.related_news"));
        assert_eq!(code("Ý kiến ()"), Some("clutter.comments"));
        assert_eq!(code("0 / 500 ký tự"), Some("clutter.comments"));
        assert_eq!(code("Guest"), Some("clutter.comments"));
        assert_eq!(code("Đang tải dữ liệu"), Some("clutter.comments"));
        assert_eq!(code("Viết bình luận"), Some("clutter.comments"));
        assert_eq!(code("BẠN ĐỌC PHẢN HỒI"), Some("clutter.comments"));
        assert_eq!(code("Chia sẻ:"), Some("clutter.share"));
        assert_eq!(
            code("Theo dõi Báo Nghệ An trên Google News"),
            Some("clutter.share")
        );
        assert_eq!(
            code("Video hoạt độngHình ảnh hoạt động"),
            Some("clutter.media_box")
        );
        assert_eq!(code("Hình ảnh hoạt động"), Some("clutter.media_box"));
        assert_eq!(code("Website liên kết"), Some("clutter.links_box"));
        assert_eq!(
            code("Giá vàng 9999 tr.đ/lượng"),
            Some("clutter.market_widget")
        );
        assert_eq!(code("Tỷ giá ĐVT:đồng"), Some("clutter.market_widget"));
        assert_eq!(code("Loại Mua Bán"), Some("clutter.market_widget"));
        assert_eq!(code("..."), Some("clutter.punctuation_or_number"));
        assert_eq!(code("42"), Some("clutter.punctuation_or_number"));
        assert_eq!(code("Giấy phép số 123/GP-BTTTT"), Some("clutter.footer"));
        assert_eq!(code("Tổng biên tập: Nguyễn Văn A"), Some("clutter.footer"));
        assert_eq!(code("Điện thoại: 0221.3862.123"), Some("clutter.footer"));
        assert_eq!(code("Email: toasoan@baohungyen.vn"), Some("clutter.footer"));
        assert_eq!(code("toasoan@baohungyen.vn"), Some("clutter.footer"));
        assert_eq!(
            code("© Bản quyền thuộc về Báo Hưng Yên"),
            Some("clutter.footer")
        );
    }

    #[test]
    fn article_text_is_not_clutter() {
        for line in [
            "Toàn cảnh Hội nghị",
            "Huỳnh Phong – Hùng Anh",
            "T/h: Huyền Trang",
            "Năm 2023, 100% đảng viên thuộc Đảng bộ được xếp loại hoàn thành tốt nhiệm vụ trở lên.",
            "Tỷ lệ đảng viên trẻ tăng 12% so với năm trước",
        ] {
            assert_eq!(code(line), None, "{line:?}");
        }
    }
}
