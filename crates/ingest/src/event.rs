//! The reported event: its kind, from the headline and lead, and its date, from the body.

use crate::documents::citation_spans;
use nienbieu_model::{Date, EventKind};
use regex::Regex;
use std::sync::LazyLock;

/// Kind rules, most specific first; each is a lower-case phrase.
const KIND_RULES: &[(&str, EventKind)] = &[
    ("đại hội", EventKind::Congress),
    ("sơ kết", EventKind::MidyearReview),
    ("tổng kết", EventKind::YearReview),
    ("kết nạp đảng viên", EventKind::Admission),
    ("lễ kết nạp", EventKind::Admission),
    ("làm việc với", EventKind::WorkingVisit),
    ("làm việc tại", EventKind::WorkingVisit),
    ("thăm và làm việc", EventKind::WorkingVisit),
    ("buổi làm việc", EventKind::WorkingVisit),
    ("hội nghị", EventKind::Conference),
];

/// Classifies the event from the headline, then from the lead paragraph.
pub fn event_kind(title: Option<&str>, lead: Option<&str>) -> EventKind {
    for text in [title, lead].into_iter().flatten() {
        let lower = text.to_lowercase();
        if let Some((_, kind)) = KIND_RULES.iter().find(|(p, _)| lower.contains(p)) {
            return *kind;
        }
    }
    EventKind::Other
}

/// "ngày 08-1-2024", "sáng 09/01/2024", "Chiều ngày 03/7/2023", "Ngày 19.11",
/// "từ ngày 11 đến 14/10/2015".
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:sáng|chiều|trưa|tối|đêm|hôm)\s+(?:ngày\s+)?|ngày\s+)(?:(?P<from>\d{1,2})\s+(?:đến|tới|-|–)\s+(?:ngày\s+)?)?(?P<d>\d{1,2})\s*(?P<s>[/.-])\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?\b",
    )
    .unwrap()
});

/// "ngày 30 tháng 12 năm 2021".
static WORDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s+năm\s+(?P<y>\d{4}))?")
        .unwrap()
});

/// "sáng nay", "chiều nay", "hôm nay": the publication day.
static TODAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:sáng|chiều|trưa|tối|hôm)\s+nay\b").unwrap());

/// The event's first day and, for a range, its last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventDate {
    /// The first day.
    pub start: Date,
    /// The last day of a range.
    pub end: Option<Date>,
}

/// Finds the event date in the first texts that name one (headline, lead, then the body).
///
/// A date without a year takes the publication year (the year before when that would put the
/// event after publication); dates of cited documents are skipped; an event dated after its
/// publication is not believed.
pub fn event_date<'a>(
    texts: impl IntoIterator<Item = &'a str>,
    published: Option<Date>,
) -> Option<EventDate> {
    texts.into_iter().find_map(|t| in_text(t, published))
}

fn in_text(text: &str, published: Option<Date>) -> Option<EventDate> {
    let citations = citation_spans(text);
    let cited = |start: usize| citations.iter().any(|r| r.contains(&start));
    let mut found: Vec<(usize, EventDate)> = Vec::new();
    for c in NUMERIC.captures_iter(text) {
        let at = c.get(0).unwrap().start();
        if cited(c.name("d").unwrap().start()) {
            continue;
        }
        // "ngày 19.11" is a date; "ngày 1.200" is not.
        if c.name("y").is_none() && &c["s"] == "-" {
            continue;
        }
        let (d, m) = (num(&c["d"]), num(&c["m"]));
        let Some(end) = resolve(d, m, c.name("y").map(|y| num(y.as_str()) as i32), published)
        else {
            continue;
        };
        let event = match c.name("from") {
            Some(from) => match Date::new(end.year(), end.month(), num(from.as_str())) {
                Some(start) if start < end => EventDate {
                    start,
                    end: Some(end),
                },
                _ => continue,
            },
            None => EventDate {
                start: end,
                end: None,
            },
        };
        found.push((at, event));
    }
    for c in WORDED.captures_iter(text) {
        let at = c.get(0).unwrap().start();
        if cited(at) {
            continue;
        }
        let y = c.name("y").map(|y| num(y.as_str()) as i32);
        if let Some(start) = resolve(num(&c["d"]), num(&c["m"]), y, published) {
            found.push((at, EventDate { start, end: None }));
        }
    }
    if let (Some(m), Some(p)) = (TODAY.find(text), published) {
        found.push((
            m.start(),
            EventDate {
                start: p,
                end: None,
            },
        ));
    }
    found.into_iter().min_by_key(|(at, _)| *at).map(|(_, e)| e)
}

fn num(s: &str) -> u32 {
    s.parse().unwrap_or(0)
}

fn resolve(d: u32, m: u32, y: Option<i32>, published: Option<Date>) -> Option<Date> {
    let date = match (y, published) {
        (Some(y), _) => Date::new(y, m, d)?,
        (None, Some(p)) => match Date::new(p.year(), m, d)? {
            date if date > p => Date::new(p.year() - 1, m, d)?,
            date => date,
        },
        (None, None) => return None,
    };
    let believable = published.is_none_or(|p| date <= p && date.year() >= p.year() - 3);
    believable.then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, published: Option<(i32, u32, u32)>, expected: Option<&str>) {
        let p = published.map(|(y, m, d)| Date::new(y, m, d).unwrap());
        let got = event_date([text], p).map(|e| match e.end {
            Some(end) => format!("{}..{}", e.start, end),
            None => e.start.to_string(),
        });
        assert_eq!(got.as_deref(), expected, "{text:?}");
    }

    #[test]
    fn forms_seen_on_real_pages() {
        let p = Some((2024, 1, 12));
        check(
            "Ngày 08-1-2024, tại trụ sở Liên đoàn Lao động",
            p,
            Some("2024-01-08"),
        );
        check(
            "Thi hành Điều lệ Đảng, sáng 09/01/2024 tại Hội trường",
            p,
            Some("2024-01-09"),
        );
        check("Chiều ngày 03/7/2023, Đảng bộ Sở", p, Some("2023-07-03"));
        check(
            "Ngày 19.11, tại Trụ sở Tỉnh ủy",
            Some((2021, 11, 19)),
            Some("2021-11-19"),
        );
        check(
            "hội nghị tổng kết năm 2023 diễn ra vào sáng nay",
            p,
            Some("2024-01-12"),
        );
        check(
            "Ngày 30 tháng 12 năm 2021, Tỉnh ủy tổ chức",
            Some((2022, 1, 3)),
            Some("2021-12-30"),
        );
        check("kỷ niệm ngày 3/2/1930 thành lập Đảng", p, None);
        check(
            "Hội nghị diễn ra từ ngày 11 đến 14/10/2015 tại",
            Some((2015, 10, 16)),
            Some("2015-10-11..2015-10-14"),
        );
        check(
            "Ngày 28.12, Huyện ủy tổ chức",
            Some((2024, 1, 3)),
            Some("2023-12-28"),
        );
    }

    #[test]
    fn cited_documents_and_later_dates_are_not_events() {
        let p = Some((2024, 1, 12));
        check(
            "thực hiện Chỉ thị số 10-CT/TW ngày 30/3/2007 của Ban Bí thư",
            p,
            None,
        );
        check(
            "Nghị quyết số 15-NQ/TU ngày 08/10/2021; ngày 10/1/2024 hội nghị",
            p,
            Some("2024-01-10"),
        );
        check("kế hoạch đến ngày 30/6/2024 hoàn thành", p, None);
        check("Tìm hiểu 90 năm (15/6/1933 - 15/6/2023)", p, None);
        check("Ngày 08-1-2024", None, Some("2024-01-08"));
    }

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
}
