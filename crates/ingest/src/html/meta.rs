//! A page's own machine-readable metadata: JSON-LD (`NewsArticle`), Open Graph and
//! `article:*` properties, `<meta name>` tags and `<title>`; each value kept with where it
//! came from, and checked before it is believed.

use crate::dates::{parse_date_line, DateLine};
use crate::text::{clean_line, quote};
use nienbieu_model::{Date, Precision, Timestamp};
use scraper::{ElementRef, Html};
use serde_json::Value;

/// A value and the route that gave it ("JSON-LD headline").
#[derive(Debug, Clone, PartialEq)]
pub struct Found<T> {
    /// The value.
    pub value: T,
    /// Where it came from, for the diagnostics.
    pub from: String,
}

/// What the page's metadata says, each field in order of trust (first is best).
#[derive(Debug, Default)]
pub struct Meta {
    /// Headlines: JSON-LD `headline`, `og:title`, `twitter:title`.
    pub titles: Vec<Found<String>>,
    /// The document's `<title>`, the last resort for a headline.
    pub doc_title: Option<String>,
    /// Publication dates (raw text): JSON-LD `datePublished`, `article:published_time`, ...
    pub dates: Vec<Found<String>>,
    /// Authors: JSON-LD `author`, `<meta name="author">`, `article:author`.
    pub authors: Vec<Found<String>>,
    /// The site's name: `og:site_name`, JSON-LD `publisher`.
    pub outlet: Option<String>,
    /// The site's section: `article:section`, JSON-LD `articleSection`.
    pub section: Option<String>,
    /// Problems with the metadata: (code, message), warnings.
    pub problems: Vec<(&'static str, String)>,
}

/// Reads the metadata of `doc`.
pub fn read(doc: &Html) -> Meta {
    let mut m = Meta::default();
    let mut blocks = 0;
    for el in doc.root_element().descendent_elements() {
        match el.value().name() {
            "script" if is_json_ld(el) => {
                blocks += 1;
                json_ld(&el.text().collect::<String>(), blocks, &mut m);
            }
            "meta" => meta_tag(el, &mut m),
            "title" if m.doc_title.is_none() => {
                let t = clean_line(&el.text().collect::<String>());
                m.doc_title = (!t.is_empty()).then_some(t);
            }
            _ => {}
        }
    }
    // JSON-LD first, then the <meta> tags, each in page order.
    m.titles.sort_by_key(|f| !f.from.starts_with("JSON-LD"));
    m.dates.sort_by_key(|f| !f.from.starts_with("JSON-LD"));
    m.authors.sort_by_key(|f| !f.from.starts_with("JSON-LD"));
    m
}

fn is_json_ld(el: ElementRef) -> bool {
    el.attr("type")
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
}

fn meta_tag(el: ElementRef, m: &mut Meta) {
    let key = el
        .attr("property")
        .or_else(|| el.attr("name"))
        .or_else(|| el.attr("itemprop"))
        .map(|k| k.trim().to_ascii_lowercase());
    let (Some(key), Some(content)) = (key, el.attr("content")) else {
        return;
    };
    let value = clean_line(content);
    if value.is_empty() {
        return;
    }
    let found = |value: String| Found {
        value,
        from: format!("<meta {key}>"),
    };
    match key.as_str() {
        "og:title" | "twitter:title" => m.titles.push(found(value)),
        "article:published_time"
        | "datepublished"
        | "pubdate"
        | "publishdate"
        | "og:published_time"
        | "dc.date.issued" => m.dates.push(found(value)),
        "author" | "article:author" | "dc.creator" if !value.contains("://") => {
            m.authors.push(found(value))
        }
        "og:site_name" if m.outlet.is_none() => m.outlet = Some(value),
        "article:section" if m.section.is_none() => m.section = Some(value),
        _ => {}
    }
}

/// Reads one JSON-LD block: the first article-like item in it, anywhere in `@graph`s and
/// arrays.
fn json_ld(text: &str, n: usize, m: &mut Meta) {
    let value: Value = match serde_json::from_str(text.trim()) {
        Ok(v) => v,
        Err(e) => {
            m.problems.push((
                "html.jsonld_invalid",
                format!("JSON-LD block {n} is not valid JSON ({e}); it was ignored"),
            ));
            return;
        }
    };
    let mut stack = vec![&value];
    let mut article = None;
    let mut publisher = None;
    // Bounded: a block is a few kilobytes, but a hostile one must not take long.
    let mut budget = 10_000;
    while let Some(v) = stack.pop() {
        budget -= 1;
        if budget == 0 {
            break;
        }
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(o) => {
                if is_article_type(o.get("@type")) && article.is_none() {
                    article = Some(o);
                }
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
                if publisher.is_none() && is_type(o.get("@type"), "Organization") {
                    publisher = string(o.get("name"));
                }
            }
            _ => {}
        }
    }
    let Some(a) = article else {
        return;
    };
    let from = |field: &str| format!("JSON-LD {field}");
    if let Some(h) = string(a.get("headline")).or_else(|| string(a.get("name"))) {
        m.titles.push(Found {
            value: h,
            from: from("headline"),
        });
    }
    if let Some(d) = string(a.get("datePublished")).or_else(|| string(a.get("dateCreated"))) {
        m.dates.push(Found {
            value: d,
            from: from("datePublished"),
        });
    }
    let authors = names(a.get("author"));
    if !authors.is_empty() {
        m.authors.push(Found {
            value: authors.join(", "),
            from: from("author"),
        });
    }
    if let Some(p) = a
        .get("publisher")
        .and_then(|p| string(p.get("name")))
        .or(publisher)
    {
        m.outlet.get_or_insert(p);
    }
    if let Some(s) = string(a.get("articleSection")) {
        m.section.get_or_insert(s);
    }
}

fn is_article_type(t: Option<&Value>) -> bool {
    let is = |s: &str| s.ends_with("Article") || s == "BlogPosting" || s == "Report";
    match t {
        Some(Value::String(s)) => is(s),
        Some(Value::Array(a)) => a.iter().any(|v| v.as_str().is_some_and(is)),
        _ => false,
    }
}

fn is_type(t: Option<&Value>, want: &str) -> bool {
    match t {
        Some(Value::String(s)) => s == want || s == "NewsMediaOrganization",
        Some(Value::Array(a)) => a.iter().any(|v| v.as_str() == Some(want)),
        _ => false,
    }
}

/// A JSON string (or the first string of an array), cleaned, with the HTML character
/// references some sites leave in JSON-LD decoded.
fn string(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.as_str(),
        Value::Array(a) => a.first()?.as_str()?,
        _ => return None,
    };
    let s = clean_line(&unescape(s));
    (!s.is_empty()).then_some(s)
}

/// Authors as JSON-LD writes them: a name, a `Person`, or a list of either.
fn names(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a.iter().take(10).flat_map(|x| names(Some(x))).collect(),
        Some(Value::Object(o)) => string(o.get("name")).into_iter().collect(),
        Some(s @ Value::String(_)) => string(Some(s)).into_iter().collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|n| !n.contains("://"))
    .collect()
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let frag = Html::parse_fragment(s);
    frag.root_element().text().collect()
}

/// The latest publication date a page may claim: the end of tomorrow, in Vietnam, on this
/// machine's clock (a page dated later lies).
pub fn latest_believable() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs + 7 * 3600) / 86_400;
    Date::from_days(i32::try_from(days).unwrap_or(i32::MAX - 1) + 1)
}

/// Reads a metadata date: ISO 8601 with any offset (converted to Vietnam's +07:00), or
/// without one (taken as Vietnam's time), or a date line as Vietnamese sites print it.
pub fn parse_meta_date(s: &str) -> Option<DateLine> {
    iso(s.trim()).or_else(|| parse_date_line(s))
}

fn iso(s: &str) -> Option<DateLine> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let date = Date::new(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)?;
    if b.len() == 10 {
        return Some(DateLine {
            at: Timestamp::start_of(date),
            precision: Precision::Day,
        });
    }
    if !matches!(b[10], b'T' | b't' | b' ') || b.len() < 16 || b[13] != b':' {
        return None;
    }
    let (hour, minute) = (num(11..13)?, num(14..16)?);
    let mut rest = &s[16..];
    let mut second = None;
    if let Some(r) = rest.strip_prefix(':') {
        second = Some(num(17..19)?);
        rest = r.get(2..)?;
        // Fractions of a second are dropped.
        if let Some(r) = rest.strip_prefix('.') {
            rest = r.trim_start_matches(|c: char| c.is_ascii_digit());
        }
    }
    let offset_minutes: i64 = match rest {
        "" => 7 * 60,
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let digits: String = rest[1..].chars().filter(|c| *c != ':').collect();
            if digits.len() != 4 || !digits.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let h: i64 = digits[..2].parse().ok()?;
            let m: i64 = digits[2..].parse().ok()?;
            if h > 14 || m > 59 {
                return None;
            }
            sign * (h * 60 + m)
        }
    };
    if hour > 23 || minute > 59 || second.is_some_and(|s| s > 59) {
        return None;
    }
    // Minutes since the epoch in Vietnam's time.
    let local = i64::from(date.to_days()) * 1440 + i64::from(hour * 60 + minute);
    let vn = local - offset_minutes + 7 * 60;
    let day = Date::from_days(i32::try_from(vn.div_euclid(1440)).ok()?);
    let in_day = vn.rem_euclid(1440) as u32;
    let at = Timestamp::new(day, in_day / 60, in_day % 60, second.unwrap_or(0))?;
    let precision = if second.is_some() {
        Precision::Second
    } else {
        Precision::Minute
    };
    Some(DateLine { at, precision })
}

/// The first metadata date that reads and is believable, with its route; the others are
/// reported in `problems`.
pub fn believable_date(
    dates: &[Found<String>],
    problems: &mut Vec<(&'static str, String)>,
) -> Option<Found<DateLine>> {
    let latest = latest_believable();
    for f in dates {
        match parse_meta_date(&f.value) {
            None => problems.push((
                "html.date_unreadable",
                format!("cannot read the {} date {}", f.from, quote(&f.value)),
            )),
            Some(d) if d.at.date() > latest => problems.push((
                "html.date_future",
                format!(
                    "the {} date {} is in the future; ignored",
                    f.from,
                    quote(&f.value)
                ),
            )),
            Some(d) if d.at.date().year() < 1945 => problems.push((
                "html.date_implausible",
                format!(
                    "the {} date {} is before 1945; ignored",
                    f.from,
                    quote(&f.value)
                ),
            )),
            Some(d) => {
                return Some(Found {
                    value: d,
                    from: f.from.clone(),
                })
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Option<String> {
        parse_meta_date(s).map(|d| format!("{} {:?}", d.at, d.precision))
    }

    #[test]
    fn iso_dates_in_any_offset_become_vietnam_time() {
        assert_eq!(
            at("2024-01-08T10:15:00+07:00").as_deref(),
            Some("2024-01-08T10:15:00+07:00 Second")
        );
        assert_eq!(
            at("2024-01-07T20:15:30.123Z").as_deref(),
            Some("2024-01-08T03:15:30+07:00 Second")
        );
        assert_eq!(
            at("2023-12-31T23:30+0000").as_deref(),
            Some("2024-01-01T06:30:00+07:00 Minute")
        );
        assert_eq!(
            at("2024-01-08").as_deref(),
            Some("2024-01-08T00:00:00+07:00 Day")
        );
        assert_eq!(
            at("08/01/2024 10:15").as_deref(),
            Some("2024-01-08T10:15:00+07:00 Minute")
        );
        for bad in [
            "2024-13-01",
            "2024-01-08T25:00",
            "yesterday",
            "2024-01-08T10:15+99:00",
            "",
        ] {
            assert_eq!(at(bad), None, "{bad}");
        }
    }

    #[test]
    fn json_ld_in_a_graph_with_a_list_of_authors() {
        let doc = Html::parse_document(
            r#"<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"X"},
            {"@type":["NewsArticle"],"headline":"Tin &amp; bài","datePublished":"2024-01-08",
            "author":[{"@type":"Person","name":"Minh Anh"},"Lê Hà"],
            "publisher":{"@type":"Organization","name":"Báo X"}}]}</script>"#,
        );
        let m = read(&doc);
        assert_eq!(m.titles[0].value, "Tin & bài");
        assert_eq!(m.authors[0].value, "Minh Anh, Lê Hà");
        assert_eq!(m.outlet.as_deref(), Some("Báo X"));
        assert_eq!(m.dates[0].from, "JSON-LD datePublished");
    }

    #[test]
    fn broken_json_ld_is_reported_and_meta_tags_still_read() {
        let doc = Html::parse_document(
            r#"<meta property="og:title" content="Tiêu đề"><script type="application/ld+json">{"headline": </script>"#,
        );
        let m = read(&doc);
        assert_eq!(m.problems[0].0, "html.jsonld_invalid");
        assert_eq!(m.titles[0].from, "<meta og:title>");
    }
}
