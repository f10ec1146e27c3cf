//! The reported event's kind, from the headline, else from the lead: the first event the text
//! names, a review or an admission where a meeting is one; else an event the next paragraphs
//! place the story at ("Tại kỳ họp thứ 2 HĐND tỉnh, …").

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

/// How many paragraphs after the lead may place the story at an event ("tại hội nghị …").
const LATER_PARAGRAPHS: usize = 2;

/// Classifies the event from the headline, then from the lead's first two sentences, then
/// from an event the next paragraphs say the story took place at ("Tại kỳ họp thứ 2 …", "…
/// nhận định tại hội nghị tổng kết …"); with the paragraph it was found in (`None` for the
/// headline or no event).
///
/// ```
/// use nienbieu_ingest::event::event_kind;
/// use nienbieu_model::EventKind;
/// assert_eq!(event_kind(Some("Hội thảo góp ý văn kiện Đại hội XIV"), &[]).0, EventKind::Conference);
/// assert_eq!(event_kind(None, &["Sáng 14/7, Thành ủy tổ chức hội nghị sơ kết 6 tháng."]), (EventKind::MidyearReview, Some(0)));
/// assert_eq!(event_kind(None, &["Báo đăng bài về phí.", "Tại kỳ họp thứ 2 HĐND tỉnh, đại biểu biểu quyết."]), (EventKind::Conference, Some(1)));
/// ```
pub fn event_kind(title: Option<&str>, paragraphs: &[&str]) -> (EventKind, Option<usize>) {
    if let Some(k) = title.and_then(|t| kind_in(t, false)) {
        return (k, None);
    }
    if let Some(k) = paragraphs
        .first()
        .and_then(|lead| kind_in(&first_sentences(lead), false))
    {
        return (k, Some(0));
    }
    for (i, p) in paragraphs.iter().enumerate().skip(1).take(LATER_PARAGRAPHS) {
        if let Some(k) = kind_in(&first_sentences(p), true) {
            return (k, Some(i));
        }
    }
    (EventKind::Other, None)
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

/// The kind of the first event `text` names, if any; with `placed`, only an event the text
/// places the story at ("Tại hội nghị").
fn kind_in(text: &str, placed: bool) -> Option<EventKind> {
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
        if !whole_word
            || not_this_event(&lower, at, from)
            || !proper_object(phrase, &lower[from..])
            || placed && !placed_at(text, &lower, at)
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

/// Verbs of speech before "tại": "phát biểu tại hội nghị".
const SPOKE: &[&str] = &[
    "phát biểu",
    "cho biết",
    "nhấn mạnh",
    "khẳng định",
    "nhận định",
    "báo cáo",
    "nói",
    "kết luận",
];

/// True when the text before an event word places the story there: "Tại kỳ họp", "phát
/// biểu tại hội nghị", "nhận định của … Nguyễn Văn Đua tại hội nghị"; not an aside ("tài liệu
/// gửi phụ huynh tại buổi họp", "thông tin có tại hội thảo").
fn placed_at(text: &str, lower: &str, at: usize) -> bool {
    let b = lower[..at].trim_end();
    let b = b.strip_suffix("buổi").unwrap_or(b).trim_end();
    let Some(r) = b
        .strip_suffix("tại")
        .filter(|r| !r.ends_with(char::is_alphanumeric))
    else {
        return false;
    };
    let r = r.trim_end();
    // An earlier or a founding meeting ("Trước đó, tại hội nghị …", "được thành lập … tại cuộc
    // họp"), or one to come ("Tại buổi hội thảo, … sẽ công bố").
    let sentence = r.rsplit(". ").next().unwrap_or(r).trim_start();
    if sentence.starts_with("trước đó") || sentence.contains("thành lập") || to_come(&lower[at..])
    {
        return false;
    }
    let clause_start = r.is_empty() || r.ends_with(['.', ',', ':', ';', '"', '“', '(']);
    // A name or a title just before, in the text as written.
    let named = text.len() == lower.len()
        && text
            .get(..r.len())
            .and_then(|t| t.rsplit(' ').next())
            .is_some_and(|w| w.starts_with(char::is_uppercase));
    clause_start || named || SPOKE.iter().any(|v| r.ends_with(v))
}

/// How far after an event word a "sẽ" makes it one to come (bytes).
const TO_COME_WITHIN: usize = 160;

/// True when the sentence from an event word goes on in the future before anyone speaks:
/// "Tại buổi hội thảo, GET sẽ công bố …", not "… Bill Gates cho biết thiết bị này sẽ …".
fn to_come(from: &str) -> bool {
    let end = crate::text::floor_boundary(from, from.len().min(TO_COME_WITHIN));
    let window = &from[..end];
    let window = &window[..window.find(". ").unwrap_or(window.len())];
    window
        .find(" sẽ ")
        .is_some_and(|i| !SPOKE.iter().any(|v| window[..i].contains(v)))
}

/// True when the words around an event word show it is not the reported event: "Nghị quyết
/// Đại hội XIII", "phục vụ Đại hội", "Hội thảo sẽ qui tụ ...".
fn not_this_event(lower: &str, at: usize, end: usize) -> bool {
    let before = &lower[crate::text::floor_boundary(lower, at.saturating_sub(24))..at];
    let before = before.trim_end();
    let after = &lower[end..crate::text::floor_boundary(lower, (end + 30).min(lower.len()))];
    NOT_THIS_EVENT.iter().any(|w| before.ends_with(w))
        || reports_a_document(&lower[..at])
        || before.ends_with(" sẽ")
        || after.trim_start().starts_with("sẽ ")
        || after.contains("dự kiến")
        || after.contains(" tới")
        || inside_brackets(lower, at)
}

/// Verbs that issue a document: a meeting named after "đã ra Thông báo số 13/VPCP-TB, thông
/// báo ý kiến … tại phiên họp" is the document's occasion; the article reports the document.
const ISSUES_A_DOCUMENT: &[&str] = &[
    "ra thông báo",
    "ra quyết định",
    "ra chỉ thị",
    "ra công văn",
    "ban hành",
    "ký quyết định",
    "ký ban hành",
    "có thông báo",
    "có văn bản",
    "có công văn",
    "có quyết định",
];

/// Verbs by which a body convenes a meeting after a document: "Sau khi ban hành Nghị quyết,
/// Tỉnh ủy tổ chức hội nghị" reports the meeting.
const CONVENES: &[&str] = &["tổ chức", "khai mạc", "tiến hành", "chủ trì", "triệu tập"];

/// True when the sentence before an event word has issued a document, and no body has
/// convened the event since (see [`CONVENES`]).
fn reports_a_document(before: &str) -> bool {
    let sentence = before.rsplit(". ").next().unwrap_or(before);
    ISSUES_A_DOCUMENT
        .iter()
        .filter_map(|v| sentence.rfind(v).map(|i| &sentence[i + v.len()..]))
        .any(|since| !CONVENES.iter().any(|h| since.contains(h)))
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
        let k = |t: &str| event_kind(Some(t), &[]).0;
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
                &["tại hội nghị tổng kết công tác"]
            )
            .0,
            EventKind::YearReview
        );
    }

    /// Regression: meetings were filed as `other`, and a seminar naming a congress as
    /// `congress`.
    #[test]
    fn every_kind_of_meeting_is_a_conference() {
        let k = |t: &str| event_kind(None, &[t]).0;
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
        assert_eq!(
            k("Ngày 16-1, Văn phòng Chính phủ đã ra Thông báo số 13/VPCP-TB, thông báo ý kiến của Thủ tướng tại phiên họp của Hội đồng ngày 9-1."),
            EventKind::Other
        );
        assert_eq!(
            k("Sáng 5/3, Tỉnh ủy tổ chức hội nghị, ban hành Nghị quyết về chuyển đổi số."),
            EventKind::Conference
        );
        assert_eq!(
            k("Sau khi ban hành Nghị quyết, Tỉnh ủy tổ chức hội nghị quán triệt."),
            EventKind::Conference
        );
        assert_eq!(
            k("Văn phòng Chính phủ đã có công văn triệu tập một cuộc họp vào hôm nay."),
            EventKind::Conference
        );
        // An event the second paragraph places the story at; not one before, one founding
        // something long ago, or one to come.
        let later = |p: &str| event_kind(None, &["Giá thuốc tăng.", p]).0;
        assert_eq!(
            later("Phát biểu tại hội thảo, ông A cho biết giá sẽ giảm."),
            EventKind::Conference
        );
        for p in [
            "Trước đó, tại hội nghị tổng kết, Phó thủ tướng đánh giá dịch đã được khống chế.",
            "Hội được thành lập năm 1950 tại cuộc họp của các báo.",
            "Tại buổi hội thảo, công ty sẽ công bố học bổng.",
            "Tài liệu gửi phụ huynh tại buổi họp nói rõ điều này.",
        ] {
            assert_eq!(later(p), EventKind::Other, "{p:?}");
        }
    }
}
