//! The reported event's kind, from the headline, else from the lead: the first event the text
//! names, a review or an admission where a meeting is one.

use aho_corasick::{AhoCorasick, MatchKind};
use nienbieu_model::EventKind;
use std::sync::LazyLock;

/// Words that name an event, in lower case, with its kind. Where one phrase starts another
/// ("hội nghị" in "hội nghị tổng kết") the position decides, then [`SPECIFIC`].
const EVENTS: &[(&str, EventKind)] = &[
    ("đại hội", EventKind::Congress),
    ("hội nghị", EventKind::Conference),
    ("hội thảo", EventKind::Conference),
    ("tọa đàm", EventKind::Conference),
    ("toạ đàm", EventKind::Conference),
    ("phiên họp", EventKind::Conference),
    ("kỳ họp", EventKind::Conference),
    ("cuộc họp", EventKind::Conference),
    ("buổi họp", EventKind::Conference),
    ("họp báo", EventKind::Conference),
    ("giao ban", EventKind::Conference),
    ("chất vấn", EventKind::Conference),
    ("họp", EventKind::Conference),
    ("sơ kết", EventKind::MidyearReview),
    ("tổng kết", EventKind::YearReview),
    ("lễ kết nạp", EventKind::Admission),
    ("kết nạp đảng viên", EventKind::Admission),
    ("làm việc với", EventKind::WorkingVisit),
    ("làm việc tại", EventKind::WorkingVisit),
    ("buổi làm việc", EventKind::WorkingVisit),
    ("thăm và làm việc", EventKind::WorkingVisit),
    ("tiếp và làm việc", EventKind::WorkingVisit),
    ("đến thăm", EventKind::WorkingVisit),
    ("về thăm", EventKind::WorkingVisit),
    ("tới thăm", EventKind::WorkingVisit),
    ("thăm chính thức", EventKind::WorkingVisit),
    ("chuyến thăm", EventKind::WorkingVisit),
    ("thăm việt nam", EventKind::WorkingVisit),
    ("thăm và chúc", EventKind::WorkingVisit),
    ("thăm, chúc", EventKind::WorkingVisit),
    ("đã tiếp", EventKind::WorkingVisit),
    ("đoàn kiểm tra", EventKind::WorkingVisit),
    ("kiểm tra tại", EventKind::WorkingVisit),
    ("tổng kiểm tra", EventKind::WorkingVisit),
    ("đợt kiểm tra", EventKind::WorkingVisit),
    ("kiểm tra thực địa", EventKind::WorkingVisit),
    ("khảo sát tại", EventKind::WorkingVisit),
    ("cuộc giám sát", EventKind::WorkingVisit),
    ("đoàn giám sát", EventKind::WorkingVisit),
    ("giám sát tại", EventKind::WorkingVisit),
];

/// A meeting that is a review or an admission says so soon after: "hội nghị tổng kết".
const SPECIFIC: &[(&str, EventKind)] = &[
    ("sơ kết", EventKind::MidyearReview),
    ("tổng kết", EventKind::YearReview),
    ("kết nạp", EventKind::Admission),
];

/// How far after a meeting word a review or an admission still qualifies it (bytes).
const SPECIFIC_WITHIN: usize = 60;

/// Words just before an event word that make it another event's mention: a congress's
/// resolution, preparing for one, a document about one.
const NOT_THIS_EVENT: &[&str] = &[
    "nghị quyết",
    "văn kiện",
    "phục vụ",
    "chuẩn bị",
    "tiến tới",
    "chào mừng",
    "trình",
    "kết luận",
    "kỷ niệm",
    "dự thảo",
    "báo cáo",
    "chỉ thị",
    "hướng dẫn",
    "thông báo",
    "sau",
    "nhiệm kỳ",
    "kế hoạch",
    "việc tổ chức",
    "về tổ chức",
    "trước",
    "phòng",
    "hội trường",
    "tụ",
    "trung tâm",
];

/// Classifies the event from the headline, then from the lead's first two sentences.
///
/// ```
/// use nienbieu_ingest::event::event_kind;
/// use nienbieu_model::EventKind;
/// assert_eq!(event_kind(Some("Hội thảo góp ý văn kiện Đại hội XIV"), None), EventKind::Conference);
/// assert_eq!(event_kind(None, Some("Sáng 14/7, Thành ủy tổ chức hội nghị sơ kết 6 tháng.")), EventKind::MidyearReview);
/// ```
pub fn event_kind(title: Option<&str>, lead: Option<&str>) -> EventKind {
    let lead = lead.map(first_sentences);
    let kind = [title, lead.as_deref()]
        .into_iter()
        .flatten()
        .find_map(kind_in);
    kind.unwrap_or(EventKind::Other)
}

/// The first two sentences of a lead.
fn first_sentences(lead: &str) -> String {
    let mut end = lead.len();
    let mut seen = 0;
    for (i, _) in lead.match_indices(". ") {
        seen += 1;
        if seen == 2 {
            end = i;
            break;
        }
    }
    lead[..end].to_string()
}

/// Every event phrase in one automaton, overlapping matches all seen.
static EVENT_AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(EVENTS.iter().map(|(p, _)| p))
        .expect("valid patterns")
});

/// The kind of the first event `text` names, if any.
fn kind_in(text: &str) -> Option<EventKind> {
    let lower = text.to_lowercase();
    let mut best: Option<(usize, EventKind, usize)> = None;
    for m in EVENT_AC.find_overlapping_iter(&lower) {
        let (phrase, kind) = EVENTS[m.pattern().as_usize()];
        let (at, from) = (m.start(), m.end());
        // The earliest event; the longer phrase where two start together.
        if best.is_some_and(|(b, _, len)| at > b || (at == b && phrase.len() <= len)) {
            continue;
        }
        let whole_word = !lower[..at].ends_with(char::is_alphanumeric)
            && !lower[from..].starts_with(char::is_alphanumeric);
        if !whole_word || not_this_event(&lower, at, from) || !proper_object(phrase, &lower[from..])
        {
            continue;
        }
        best = Some((at, kind, phrase.len()));
    }
    let (at, kind, len) = best?;
    if matches!(kind, EventKind::Conference | EventKind::Congress) {
        let end =
            crate::text::floor_boundary(&lower, (at + len + SPECIFIC_WITHIN).min(lower.len()));
        let after = &lower[at + len..end];
        if let Some((_, k)) = SPECIFIC
            .iter()
            .filter_map(|(p, k)| after.find(p).map(|i| (i, *k)))
            .min_by_key(|(i, _)| *i)
        {
            return Some(k);
        }
    }
    Some(kind)
}

/// True when the words around an event word show it is not the reported event: "Nghị quyết
/// Đại hội XIII", "phục vụ Đại hội", "Hội thảo sẽ qui tụ ...".
fn not_this_event(lower: &str, at: usize, end: usize) -> bool {
    let before = &lower[crate::text::floor_boundary(lower, at.saturating_sub(24))..at];
    let before = before.trim_end();
    let after = &lower[end..crate::text::floor_boundary(lower, (end + 30).min(lower.len()))];
    NOT_THIS_EVENT.iter().any(|w| before.ends_with(w))
        || before.ends_with(" sẽ")
        || after.trim_start().starts_with("sẽ ")
        || after.contains("dự kiến")
        || after.contains(" tới")
        || inside_brackets(lower, at)
}

/// Visits and inspections are of a body or a place ("kiểm tra tại Đảng bộ tỉnh", "làm việc
/// với lãnh đạo tỉnh"), not of people at large ("làm việc với nhiều ngôi sao", "kiểm tra tại
/// các hộ"); "tổng kết 3 ngày chất vấn" sums up a session, it is no review.
fn proper_object(phrase: &str, after: &str) -> bool {
    let next = after.trim_start();
    match phrase {
        "làm việc với" | "làm việc tại" | "kiểm tra tại" | "khảo sát tại" | "giám sát tại" => {
            next.starts_with(char::is_uppercase)
                || [
                    "lãnh đạo",
                    "đoàn",
                    "tỉnh",
                    "huyện",
                    "xã",
                    "thành phố",
                    "quận",
                    "ban",
                    "các sở",
                    "các bộ",
                ]
                .iter()
                .any(|w| next.starts_with(w))
        }
        "tổng kết" | "sơ kết" => {
            let head = &next[..crate::text::floor_boundary(next, next.len().min(12))];
            !(next.starts_with(|c: char| c.is_ascii_digit()) && head.contains(" ngày"))
        }
        _ => true,
    }
}

/// True when `at` is inside brackets: "(đã được Quốc hội khóa XI, kỳ họp thứ 8 thông qua)".
fn inside_brackets(lower: &str, at: usize) -> bool {
    let before = &lower[..at];
    before
        .rfind('(')
        .is_some_and(|open| !before[open..].contains(')'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        let k = |t: &str| event_kind(Some(t), None);
        assert_eq!(
            k("Đảng bộ Khối tổng kết công tác xây dựng Đảng năm 2023"),
            EventKind::YearReview
        );
        assert_eq!(
            k("Đảng bộ Sở sơ kết công tác đảng 6 tháng đầu năm"),
            EventKind::MidyearReview
        );
        assert_eq!(
            k("Phó Bí thư Thường trực Tỉnh ủy làm việc với Ban Thường vụ"),
            EventKind::WorkingVisit
        );
        assert_eq!(
            k("Đại hội Đảng bộ xã nhiệm kỳ 2025-2030"),
            EventKind::Congress
        );
        assert_eq!(
            k("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15"),
            EventKind::Conference
        );
        assert_eq!(
            k("Chi bộ tổ chức lễ kết nạp đảng viên mới"),
            EventKind::Admission
        );
        assert_eq!(k("Giá lúa tăng mạnh"), EventKind::Other);
        assert_eq!(
            event_kind(
                Some("Ngành Tổ chức hoàn thành 29/29 chỉ tiêu"),
                Some("tại hội nghị tổng kết công tác")
            ),
            EventKind::YearReview
        );
    }

    /// Regression: meetings were filed as `other`, and a seminar naming a congress as
    /// `congress`.
    #[test]
    fn every_kind_of_meeting_is_a_conference() {
        let k = |t: &str| event_kind(None, Some(t));
        for lead in [
            "Sáng 12/5, Học viện tổ chức hội thảo góp ý dự thảo văn kiện trình Đại hội XIV.",
            "Chiều 3/10, Ban Chỉ đạo phòng, chống tham nhũng tỉnh họp phiên thứ 12.",
            "Hôm nay (28/4), Thủ tướng chủ trì phiên họp Chính phủ chuyên đề.",
            "Thường trực Tỉnh ủy họp giao ban tháng 9.",
            "Bộ tổ chức tọa đàm về việc làm.",
        ] {
            assert_eq!(k(lead), EventKind::Conference, "{lead:?}");
        }
        assert_eq!(
            k("Đoàn công tác đã làm việc với Ban Thường vụ Tỉnh ủy."),
            EventKind::WorkingVisit
        );
        assert_eq!(
            k("Để phục vụ Đại hội Đảng toàn quốc lần thứ X, Công an có thông báo."),
            EventKind::Other
        );
        assert_eq!(
            k("Hội thảo sẽ qui tụ đại biểu của 29 vịnh."),
            EventKind::Other
        );
        assert_eq!(
            k("Việt Nam chưa thể kiểm tra chính xác các vi chất."),
            EventKind::Other
        );
        assert_eq!(k("Hợp tác kinh tế được đẩy mạnh."), EventKind::Other);
    }
}
