//! Publication-date lines as Vietnamese news sites print them, in all their variety.
//!
//! A *date line* is a short line whose only real content is one date, perhaps with a time, a
//! weekday, "Đăng ngày", a time-zone note, font controls, a view count or a short section name
//! ("Chính trị 31-12-2022"). Dates inside sentences are not date lines.

use nienbieu_model::{Date, Precision, Timestamp};
use regex::Regex;
use std::sync::LazyLock;

static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d])(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*([/.\-])\s*(\d{4})(?:[^\d]|$)")
        .unwrap()
});
static WORDED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})").unwrap()
});
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d:])(\d{1,2})\s*[:h]\s*(\d{2})(?:\s*:\s*(\d{2}))?(?:[^\d:]|$)").unwrap()
});

/// Words that may accompany a date on a date line without making it a sentence.
const NOISE_WORDS: &[&str] = &[
    "thứ", "ngày", "đăng", "cập", "nhật", "lúc", "gmt", "utc", "chủ", "hai", "ba", "tư", "năm",
    "sáu", "bảy", "cn", "giờ", "sáng", "chiều", "tối", "pm", "am", "ict", "xuất", "bản",
];

/// The longest line, in characters, that can still be a date line.
const MAX_DATE_LINE: usize = 90;

/// The most words a date line may carry besides its date, time and noise (a section name).
const MAX_EXTRA_WORDS: usize = 4;

/// A date-time read from a date line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateLine {
    /// The timestamp, midnight when only the day was given.
    pub at: Timestamp,
    /// What the line gave.
    pub precision: Precision,
}

/// Reads a date line, or `None` when the line is not one.
///
/// ```
/// use nienbieu_ingest::dates::parse_date_line;
/// let d = parse_date_line("Thứ 6, 12/01/2024 | 16:14:27 [GMT +7] A  A").unwrap();
/// assert_eq!(d.at.to_string(), "2024-01-12T16:14:27+07:00");
/// assert!(parse_date_line("Ngày 08-1-2024, tại trụ sở Liên đoàn Lao động tỉnh").is_none());
/// ```
pub fn parse_date_line(line: &str) -> Option<DateLine> {
    if line.chars().count() > MAX_DATE_LINE || !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut residue = line.to_string();
    let date = if let Some(c) = single(&NUMERIC_DATE, line) {
        // The two separators must agree: "12/01/2024" or "22.10.2020", not "1.200/2024".
        if c[2] != c[4] {
            return None;
        }
        blank(&mut residue, c.get(0)?.range());
        Date::new(c[5].parse().ok()?, c[3].parse().ok()?, c[1].parse().ok()?)?
    } else if let Some(c) = single(&WORDED_DATE, line) {
        blank(&mut residue, c.get(0)?.range());
        Date::new(c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?)?
    } else {
        return None;
    };
    if !(1945..=2100).contains(&date.year()) {
        return None;
    }
    let after_date = residue.clone();
    let times: Vec<_> = TIME.captures_iter(&after_date).collect();
    let (at, precision) = match times.as_slice() {
        [] => (Timestamp::start_of(date), Precision::Day),
        [c] => {
            blank(&mut residue, c.get(0)?.range());
            let second = c
                .get(3)
                .map(|s| s.as_str().parse().ok())
                .unwrap_or(Some(0))?;
            let at = Timestamp::new(date, c[1].parse().ok()?, c[2].parse().ok()?, second)?;
            let precision = if c.get(3).is_some() {
                Precision::Second
            } else {
                Precision::Minute
            };
            (at, precision)
        }
        _ => return None,
    };
    (extra_words(&residue) <= MAX_EXTRA_WORDS).then_some(DateLine { at, precision })
}

/// The only match of `re` in `s`, or `None` when there are none or several.
fn single<'a>(re: &Regex, s: &'a str) -> Option<regex::Captures<'a>> {
    let mut it = re.captures_iter(s);
    let first = it.next()?;
    it.next().is_none().then_some(first)
}

/// Replaces a byte range with spaces, keeping the other offsets valid.
fn blank(s: &mut String, r: std::ops::Range<usize>) {
    s.replace_range(r.clone(), &" ".repeat(r.len()));
}

/// Counts the words left on a date line that are not noise: numbers (a view count), single
/// letters (font controls "A A"), weekdays and the like.
fn extra_words(residue: &str) -> usize {
    residue
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| w.chars().count() > 1)
        .filter(|w| !NOISE_WORDS.contains(&w.to_lowercase().as_str()))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, expected: Option<&str>, precision: Precision) {
        let got = parse_date_line(line);
        match expected {
            Some(iso) => {
                let got = got.unwrap_or_else(|| panic!("{line:?} should be a date line"));
                assert_eq!(got.at.to_string(), iso, "{line:?}");
                assert_eq!(got.precision, precision, "{line:?}");
            }
            None => assert_eq!(got, None, "{line:?} should not be a date line"),
        }
    }

    #[test]
    fn formats_seen_on_real_pages() {
        use Precision::*;
        check(
            "Đăng ngày 08/01/2024",
            Some("2024-01-08T00:00:00+07:00"),
            Day,
        );
        check(
            "Thứ 4, Ngày 10 / 01 / 2024",
            Some("2024-01-10T00:00:00+07:00"),
            Day,
        );
        check(
            "11-07-2023 14:51",
            Some("2023-07-11T14:51:00+07:00"),
            Minute,
        );
        check(
            "Thứ 6, 12/01/2024 | 16:14:27 [GMT +7] A  A",
            Some("2024-01-12T16:14:27+07:00"),
            Second,
        );
        check(
            "21:17, 19/11/2021",
            Some("2021-11-19T21:17:00+07:00"),
            Minute,
        );
        check(
            "Thứ Năm, 28/12/2023 | 17:00",
            Some("2023-12-28T17:00:00+07:00"),
            Minute,
        );
        check(
            "Thứ Tư, 08/04/2015, 08:11 [GMT+7]",
            Some("2015-04-08T08:11:00+07:00"),
            Minute,
        );
        check(
            "Thứ 5, 22.10.2020 | 10:16:24",
            Some("2020-10-22T10:16:24+07:00"),
            Second,
        );
        check(
            "Thứ năm - 03/08/2023 22:02",
            Some("2023-08-03T22:02:00+07:00"),
            Minute,
        );
        check(
            "Chủ nhật,  27/09/2020",
            Some("2020-09-27T00:00:00+07:00"),
            Day,
        );
        check("07/07/2023", Some("2023-07-07T00:00:00+07:00"), Day);
        check("13/08/2025 | 329", Some("2025-08-13T00:00:00+07:00"), Day);
        check(
            "15/10/2020, 18:06",
            Some("2020-10-15T18:06:00+07:00"),
            Minute,
        );
        check(
            "16/10/2015 - 16:39",
            Some("2015-10-16T16:39:00+07:00"),
            Minute,
        );
        check(
            "Chính trị 31-12-2022",
            Some("2022-12-31T00:00:00+07:00"),
            Day,
        );
        check(
            "Thứ Tư, 19/06/2024 10:55 (GMT +7)",
            Some("2024-06-19T10:55:00+07:00"),
            Minute,
        );
        check(
            "Thứ Hai, ngày 30 tháng 12 năm 2021",
            Some("2021-12-30T00:00:00+07:00"),
            Day,
        );
    }

    #[test]
    fn rejects_sentences_and_impossible_dates() {
        use Precision::*;
        check("Ngày 08-1-2024, tại trụ sở Liên đoàn Lao động (LĐLĐ) tỉnh Hưng Yên đã diễn ra Hội nghị tổng kết", None, Day);
        check(
            "Chỉ thị số 10-CT/TW ngày 30/3/2007 của Ban Bí thư Trung ương Đảng",
            None,
            Day,
        );
        check("31/02/2024", None, Day);
        check("12/01/2024 25:61", None, Day);
        check("12/01/2024 - 15/01/2024", None, Day);
        check("12/01-2024", None, Day);
        check("Toàn cảnh Hội nghị", None, Day);
        check("1.200/2024", None, Day);
    }
}
