//! The day the reported event took place: a date the headline or the lead gives for it ("Sáng
//! 27/4, ... đã tổ chức", "Hội nghị diễn ra từ ngày 11 đến 14/10/2015"), never a birth, an
//! anniversary, a deadline, a plan or a document's date. Unsure, the article stays undated and
//! says why.

use crate::documents::citation_spans;
use nienbieu_model::Date;
use regex::Regex;
use std::sync::LazyLock;

/// "ngày 08-1-2024", "sáng 09/01/2024", "Chiều ngày 03/7/2023", "Ngày 19.11",
/// "từ ngày 11 đến 14/10/2015", "ngày 25 và 26/7/2020".
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[^\p{L}])(?:(?:sáng|chiều|trưa|tối|đêm|hôm)\s+(?:ngày\s+)?|ngày\s+)(?:(?P<from>\d{1,2})\s+(?:đến|tới|và|-|–)\s+(?:ngày\s+)?)?(?P<d>\d{1,2})\s*(?P<s>[/.-])\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?(?:[^\d]|$)",
    )
    .unwrap()
});

/// "ngày 30 tháng 12 năm 2021".
static WORDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s+năm\s+(?P<y>\d{4}))?")
        .unwrap()
});

/// "sáng nay", "chiều nay", "hôm nay": the publication day; "hôm qua": the day before.
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}])(?:sáng|chiều|trưa|tối|hôm)\s+(?P<w>nay|qua)(?:[^\p{L}]|$)")
        .unwrap()
});

/// Words before a date, in its clause, that make it some other day than the event's: a
/// birth, an anniversary, a deadline, a start of validity, a plan, a document.
const NOT_THE_EVENT: &[&str] = &[
    "sinh",
    "kỷ niệm",
    "đến",
    "tới",
    "trước",
    "hạn",
    "hiệu lực",
    "kể từ",
    "từ",
    "dự kiến",
    "sẽ",
    "ký",
    "ban hành",
    "số",
    "thành lập",
    "năm",
    "mở",
    "phấn đấu",
    "khởi công",
    "xong",
    "hết",
];

/// Verbs after a date that report the event then ("Sáng 27/4, Thành ủy đã tổ chức").
const REPORTING: &[&str] = &[
    "đã",
    "tổ chức",
    "diễn ra",
    "khai mạc",
    "bế mạc",
    "họp",
    "làm việc",
    "tiến hành",
    "tiếp",
    "thăm",
    "chủ trì",
    "kết nạp",
    "tổng kết",
    "sơ kết",
    "dâng",
    "trao",
    "gửi",
    "xét xử",
];

/// The event's first day and, for a range, its last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventDate {
    /// The first day.
    pub start: Date,
    /// The last day of a range.
    pub end: Option<Date>,
}

/// The event's date from the headline and the lead, or why the article stays undated.
///
/// A date counts where the text reports the event as taking place then: a dateline ("Ngày
/// 28/4, ...", "Hôm nay (28/4), ...") or a date before a reporting verb, or after "diễn ra".
/// A date without a year takes the publication's (the year before when that would put the
/// event after publication); without a publication date it is unknown.
///
/// ```
/// use nienbieu_ingest::event_date::event_date;
/// use nienbieu_model::Date;
/// let p = Date::new(2023, 5, 19);
/// let (d, _) = event_date(None, Some("Sáng 18/5, Tỉnh ủy tổ chức lễ dâng hoa nhân 133 năm Ngày sinh của Người (19/5/1890 - 19/5/2023)."), p);
/// assert_eq!(d.unwrap().start.to_string(), "2023-05-18");
/// let (d, why) = event_date(None, Some("Ngày 28/4, Thành ủy TPHCM đã tổ chức hội nghị."), None);
/// assert_eq!(d, None);
/// assert!(why.unwrap().contains("no year"));
/// ```
pub fn event_date(
    title: Option<&str>,
    lead: Option<&str>,
    published: Option<Date>,
) -> (Option<EventDate>, Option<String>) {
    let mut why = Vec::new();
    for text in [title, lead].into_iter().flatten() {
        if let Some(d) = in_text(text, published, &mut why) {
            return (Some(d), None);
        }
    }
    // The first few reasons say enough; a page-long lead may give thousands.
    why.truncate(MAX_REASONS);
    let why = (!why.is_empty()).then(|| why.join("; "));
    (None, why)
}

/// How many reasons for leaving an article undated its diagnostic gives.
const MAX_REASONS: usize = 5;

fn in_text(text: &str, published: Option<Date>, why: &mut Vec<String>) -> Option<EventDate> {
    let citations = citation_spans(text);
    let cited = |at: usize| citations.iter().any(|r| r.contains(&at));
    let mut found: Vec<(usize, EventDate)> = Vec::new();
    let mut blocked_from = usize::MAX;
    for c in NUMERIC.captures_iter(text) {
        let d = c.name("d").unwrap();
        let whole = c.get(0).unwrap();
        // "ngày 19.11" is a date; "ngày 1.200" is not.
        if cited(d.start())
            || (c.name("y").is_none() && &c["s"] == "-" && !dateline(text, whole.end()))
        {
            continue;
        }
        let shown = whole.as_str().trim();
        if let Some(reason) = not_reported(text, whole.start(), whole.end()) {
            why.push(format!("{shown:?} is {reason}"));
            continue;
        }
        let year = c.name("y").map(|y| num(y.as_str()) as i32);
        let Some(end) = resolve(num(d.as_str()), num(&c["m"]), year, published) else {
            why.push(unresolved(shown, year, published));
            if whole.start() < DATELINE_WITHIN && dateline(text, whole.end()) {
                // The lead's dateline is the event's day; the dates after it are other
                // events' ("Ngày 16/7, Công an ... đã bắt ... vụ ... xảy ra ngày 18/8/2003").
                blocked_from = blocked_from.min(whole.start());
            }
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
        found.push((whole.start(), event));
    }
    for c in WORDED.captures_iter(text) {
        let whole = c.get(0).unwrap();
        if cited(whole.start()) || not_reported(text, whole.start(), whole.end()).is_some() {
            continue;
        }
        let y = c.name("y").map(|y| num(y.as_str()) as i32);
        if let Some(start) = resolve(num(&c["d"]), num(&c["m"]), y, published) {
            found.push((whole.start(), EventDate { start, end: None }));
        }
    }
    for c in RELATIVE.captures_iter(text) {
        let whole = c.get(0).unwrap();
        if not_reported(text, whole.start(), whole.end()).is_some() {
            continue;
        }
        match published {
            Some(p) => {
                let day = if &c["w"] == "qua" {
                    Date::from_days(p.to_days() - 1)
                } else {
                    p
                };
                found.push((
                    whole.start(),
                    EventDate {
                        start: day,
                        end: None,
                    },
                ));
            }
            None => why.push(format!(
                "{:?} names the publication day, and the page has no publication date",
                whole.as_str().trim()
            )),
        }
    }
    let first = found.into_iter().min_by_key(|(at, _)| *at);
    match first {
        Some((at, _)) if at > blocked_from => {
            why.push("the dateline has no year, and the dates after it are other events'".into());
            None
        }
        other => other.map(|(_, e)| e),
    }
}

/// How far into a text a date is its dateline (bytes): "Sáng 22-4,", "(NLĐ) - Ngày 16/7,".
const DATELINE_WITHIN: usize = 40;

/// Why a date at `start..end` is not the event's, or `None` when the text reports the event
/// then.
fn not_reported(text: &str, start: usize, end: usize) -> Option<&'static str> {
    // The few words before the date, in its clause.
    let floor = crate::text::floor_boundary(text, start.saturating_sub(40));
    let near = text[floor..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '.' | ';' | ',' | '(' | ':' | '“'))
        .map_or(floor, |(i, c)| floor + i + c.len_utf8());
    let before = text[near..start].to_lowercase();
    let before = before.trim_end();
    if before.contains(" sẽ ") || before.ends_with(" sẽ") || before.contains("dự kiến") {
        return Some("a plan");
    }
    // "Hội nghị diễn ra từ ngày 11 ...": a range that is the event's.
    let during = before.ends_with("diễn ra")
        || before.ends_with("diễn ra từ")
        || before.ends_with("diễn ra vào");
    if told_as_history(text, start, end) {
        return Some("a past event told as history");
    }
    if planned_after(text, end) {
        return Some("a plan");
    }
    if !during {
        if let Some(w) = NOT_THE_EVENT.iter().find(|w| ends_with_word(before, w)) {
            return Some(match *w {
                "sinh" => "a birth",
                "kỷ niệm" | "thành lập" => "an anniversary",
                "đến" | "tới" | "trước" | "hạn" | "xong" | "hết" => "a deadline",
                "dự kiến" | "sẽ" | "phấn đấu" | "mở" | "khởi công" => "a plan",
                "ký" | "ban hành" | "số" => "a document's date",
                _ => "not when the event took place",
            });
        }
    }
    if during || dateline(text, end) || reported_after(text, end) {
        None
    } else {
        Some("not reported as the event's day")
    }
}

/// "Chiều ngày 3/9/2004, ... sẽ diễn ra": "sẽ" after the date, before any "đã", in its
/// sentence.
fn planned_after(text: &str, end: usize) -> bool {
    let ceiling = crate::text::floor_boundary(text, end + 160);
    let after = text[end..ceiling].to_lowercase();
    let sentence = after.split(['.', ';']).next().unwrap_or("");
    let will = sentence.find(" sẽ ");
    will.is_some_and(|w| sentence.find(" đã ").is_none_or(|d| w < d))
}

/// "74 năm trước, vào ngày 19-4-1931", "Cách đây đúng 30 năm, vào lúc 8h30 ngày 8/4/1975",
/// "ngày 2/9/1952, ... cho ra đời": a date the sentence tells as history, or a birth or a death.
fn told_as_history(text: &str, start: usize, end: usize) -> bool {
    let floor = crate::text::floor_boundary(text, start.saturating_sub(80));
    let sentence = text[floor..start]
        .rfind(['.', ';', '!', '?'])
        .map_or(floor, |i| floor + i + 1);
    let before = text[sentence..start].to_lowercase();
    let ceiling = crate::text::floor_boundary(text, end + 120);
    let after = text[end..ceiling].to_lowercase();
    let after = after.split(['.', ';']).next().unwrap_or("");
    [
        "năm trước",
        "cách đây",
        "trước đây",
        "nhớ ngày",
        "nhớ lại",
        "sau vụ",
    ]
    .iter()
    .any(|w| before.contains(w))
        || [
            "ra đời",
            "chào đời",
            "qua đời",
            "từ trần",
            "hi sinh",
            "hy sinh",
            "bị bắt",
        ]
        .iter()
        .any(|w| after.contains(w))
}

/// A dateline: the date (and year) followed by a comma or a closing bracket ("Ngày 28/4,",
/// "Hôm nay (28/4),", "Sáng 27/4, tại ...").
fn dateline(text: &str, end: usize) -> bool {
    // The regex ends one character past the date.
    let at = text[..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_ascii_digit())
        .map_or(end, |(i, _)| i + 1);
    let after = text[at..].trim_start();
    after.starts_with(',') || after.starts_with("),") || after.starts_with("tại ")
}

/// A reporting verb soon after the date, in the same clause.
fn reported_after(text: &str, end: usize) -> bool {
    let to = crate::text::floor_boundary(text, (end + 200).min(text.len()));
    let window = text[end.min(to)..to].to_lowercase();
    let clause = window.split(['.', ';']).next().unwrap_or("");
    REPORTING.iter().any(|v| {
        clause.match_indices(v).any(|(i, _)| {
            !clause[..i].ends_with(char::is_alphanumeric)
                && !clause[i + v.len()..].starts_with(char::is_alphanumeric)
        })
    })
}

fn ends_with_word(before: &str, w: &str) -> bool {
    before.ends_with(w) && !before[..before.len() - w.len()].ends_with(char::is_alphanumeric)
}

fn unresolved(shown: &str, year: Option<i32>, published: Option<Date>) -> String {
    match (year, published) {
        (None, None) => format!("{shown:?} has no year and the page no publication date"),
        (Some(_), _) => {
            format!("{shown:?} is no date, or not within three years before publication")
        }
        (None, Some(_)) => format!("{shown:?} would fall after the publication date"),
    }
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
        let got = event_date(None, Some(text), p).0.map(|e| match e.end {
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
            "Thi hành Điều lệ Đảng, sáng 09/01/2024 tại Hội trường, Đảng ủy tổ chức",
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
        check(
            "Hội nghị diễn ra từ ngày 11 đến 14/10/2015 tại",
            Some((2015, 10, 16)),
            Some("2015-10-11..2015-10-14"),
        );
        check(
            "Trong hai ngày 25 và 26/7/2020, Đảng bộ huyện tổ chức Đại hội",
            None,
            Some("2020-07-25..2020-07-26"),
        );
        check(
            "Ngày 28.12, Huyện ủy tổ chức",
            Some((2024, 1, 3)),
            Some("2023-12-28"),
        );
        check(
            "Hôm nay (28/4), tại trụ sở Chính phủ, Thủ tướng chủ trì",
            Some((2023, 4, 28)),
            Some("2023-04-28"),
        );
        check(
            "Ngày 08-1-2024, Đảng ủy tổ chức hội nghị",
            None,
            Some("2024-01-08"),
        );
        check(
            "Bộ trưởng ... Ngày 17-3-2006, Thủ tướng Chính phủ đã có Điện khẩn",
            None,
            Some("2006-03-17"),
        );
    }

    /// Regression: the corpus timeline ran from 1868 to 2053 on births, anniversaries,
    /// deadlines and plans taken for events.
    #[test]
    fn other_days_are_not_the_event() {
        let p = Some((2024, 1, 12));
        check("kỷ niệm ngày 3/2/1930 thành lập Đảng", p, None);
        check(
            "thực hiện Chỉ thị số 10-CT/TW ngày 30/3/2007 của Ban Bí thư",
            p,
            None,
        );
        check(
            "Nghị quyết số 15-NQ/TU ngày 08/10/2021; ngày 10/1/2024 hội nghị đã họp",
            p,
            Some("2024-01-10"),
        );
        check("kế hoạch đến ngày 30/6/2024 hoàn thành", p, None);
        check("Tìm hiểu 90 năm (15/6/1933 - 15/6/2023)", p, None);
        check("Ông sinh ngày 12/3/1950 tại Nghệ An", None, None);
        check(
            "đề nghị hoàn thành trước ngày 31/12/2023 theo kế hoạch",
            p,
            None,
        );
        check("Quy định có hiệu lực từ ngày 1-1-2006.", None, None);
        check("Hội thảo dự kiến diễn ra ngày 30-3-2005.", None, None);
        check("chiếc hộp sẽ được mở vào ngày 1/1/2053.", None, None);
        let (d, why) = event_date(None, Some("Ngày 28/4, Thành ủy tổ chức hội nghị."), None);
        assert_eq!(d, None);
        assert!(why.unwrap().contains("no year"));
    }
}
