//! The page parser: one raw scraped page in, one article with diagnostics out. Never fails.

use crate::byline::{byline, is_caption};
use crate::clutter::{self, Clutter};
use crate::dates::{parse_date_line, DateLine};
use crate::headline::{is_caption_line, is_lead_sentence, is_leading_caption};
use crate::text::{clean_line, quote, words_upto};
use nienbieu_model::{Article, Diagnostic, Severity};
use std::collections::BTreeMap;

/// A headline has at least this many words ("Hội nghị tổng kết" has 4) ...
const TITLE_MIN_WORDS: usize = 3;
/// ... and at most this many characters; longer lines are paragraphs.
const TITLE_MAX_CHARS: usize = 300;
/// A line of this many words that ends a sentence is body text, not a headline.
const SENTENCE_WORDS: usize = 30;
/// A line of this many words is body text however it ends (a headline runs on into the lead
/// or a caption on some sites: that line is no headline either).
const PARAGRAPH_WORDS: usize = 35;

/// What one line of the page is.
#[derive(Debug, Clone, PartialEq)]
enum Line {
    Text(String),
    Date(DateLine, String),
    Clutter(Clutter, String),
}

/// Parses one raw page into an article. `text` must already be decoded and NFC-normalised.
pub fn parse_page(id: &str, source: &str, text: &str) -> Article {
    let mut diagnostics = Vec::new();
    let lines = classify_lines(text, &mut diagnostics);

    let body_start = lines.iter().position(is_body_text).unwrap_or(lines.len());
    let title_at = find_title(&lines, body_start, &mut diagnostics);
    let title = title_at.map(|i| text_of(&lines[i]).to_string());

    let (published, date_at) = find_published(&lines, title_at, &mut diagnostics);

    let mut paragraphs = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        match line {
            Line::Text(t) if Some(i) == title_at => {}
            Line::Text(t) if title.as_deref() == Some(t.as_str()) => diagnostics.push(info(
                "title.repeated",
                format!("removed a repetition of the title at line {}", i + 1),
            )),
            Line::Text(t) if i < body_start && title_at.is_some_and(|ti| i < ti) => diagnostics
                .push(info(
                    "title.section_label",
                    format!("removed the section label {} above the title", quote(t)),
                )),
            Line::Text(t) => paragraphs.push(t.clone()),
            Line::Date(_, t) if Some(i) != date_at => diagnostics.push(info(
                "date.other_line",
                format!(
                    "removed the date line {} (not the publication date)",
                    quote(t)
                ),
            )),
            Line::Date(..) | Line::Clutter(..) => {}
        }
    }
    finish(Article {
        id: id.to_string(),
        source: source.to_string(),
        title,
        published: published.map(|d| d.at),
        published_precision: published.map(|d| d.precision),
        paragraphs,
        meta: BTreeMap::new(),
        diagnostics,
        ..Article::default()
    })
}

/// Sets the byline and captions apart from the paragraphs, then extracts the structured
/// fields.
fn finish(mut a: Article) -> Article {
    if let Some(b) = a.paragraphs.last().and_then(|l| byline(l)) {
        a.paragraphs.pop();
        a.byline = Some(b);
    }
    let mut paragraphs = Vec::with_capacity(a.paragraphs.len());
    let n = a.paragraphs.len();
    for (i, p) in std::mem::take(&mut a.paragraphs).into_iter().enumerate() {
        let continues_caption = p.starts_with(char::is_lowercase)
            && paragraphs.len() + a.captions.len() == i
            && a.captions
                .last()
                .is_some_and(|c: &String| !c.ends_with('.'))
            && is_caption(&p);
        if continues_caption {
            // A caption broken over two lines ("Đồng chí ..., Phó Bí thư" / "phát biểu ...").
            let last = a.captions.last_mut().expect("checked above");
            last.push(' ');
            last.push_str(&p);
        } else if (i > 0 && is_caption(&p)) || (i == 0 && n > 1 && is_leading_caption(&p)) {
            a.captions.push(p);
        } else {
            paragraphs.push(p);
        }
    }
    if let Some(lead) = paragraphs.first_mut() {
        if let Some(n) = crate::clutter::source_tag_len(lead) {
            a.diagnostics.push(info(
                "clutter.source_tag",
                format!(
                    "removed the source tag {} opening the lead",
                    quote(lead[..n].trim())
                ),
            ));
            lead.replace_range(..n, "");
        }
    }
    a.paragraphs = paragraphs;
    if a.paragraphs.is_empty() {
        a.diagnostics
            .push(warning("body.empty", "no article text was found".into()));
    }
    crate::extract::enrich(&mut a);
    a
}

/// Parses a record whose headline and date the source gave apart from its body (JSON Lines).
/// A missing title stays missing; a missing date is looked for among the body's date lines.
pub fn parse_record(
    id: &str,
    source: &str,
    title: Option<&str>,
    date: Option<&str>,
    body: &str,
    meta: BTreeMap<String, String>,
) -> Article {
    let mut diagnostics = Vec::new();
    let lines = classify_lines(body, &mut diagnostics);
    let title = title.map(clean_line).filter(|t| !t.is_empty());
    if title.is_none() {
        diagnostics.push(warning("title.missing", "the record has no title".into()));
    }
    let given = date.and_then(|d| {
        let d = clean_line(d);
        let parsed = parse_date_line(&d)
            .or_else(|| {
                nienbieu_model::Timestamp::parse_iso(&d).map(|at| DateLine {
                    at,
                    precision: nienbieu_model::Precision::Second,
                })
            })
            .or_else(|| {
                nienbieu_model::Date::parse_iso(&d).map(|day| DateLine {
                    at: nienbieu_model::Timestamp::start_of(day),
                    precision: nienbieu_model::Precision::Day,
                })
            });
        if parsed.is_none() {
            diagnostics.push(warning(
                "date.unreadable",
                format!("cannot read the date {}", quote(&d)),
            ));
        }
        parsed
    });
    let (published, date_at) = match given {
        Some(d) => (Some(d), None),
        None => find_published(&lines, None, &mut diagnostics),
    };
    let paragraphs: Vec<String> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| match l {
            Line::Text(t) => Some(t.clone()),
            Line::Date(_, t) if Some(i) != date_at => Some(t.clone()),
            _ => None,
        })
        .collect();
    finish(Article {
        id: id.to_string(),
        source: source.to_string(),
        title,
        published: published.map(|d| d.at),
        published_precision: published.map(|d| d.precision),
        paragraphs,
        meta,
        diagnostics,
        ..Article::default()
    })
}

/// Splits the page into cleaned lines and classifies each; drops blank lines, and drops
/// everything from the first end-of-article widget on.
fn classify_lines(text: &str, diagnostics: &mut Vec<Diagnostic>) -> Vec<Line> {
    let mut out = Vec::new();
    let mut seen_text = false;
    let raw: Vec<&str> = text.lines().collect();
    for (n, raw_line) in raw.iter().enumerate() {
        let line = clean_line(raw_line);
        if line.is_empty() {
            continue;
        }
        if let Some(c) = clutter::classify(&line) {
            // A widget that ends the article only does so once the article has begun: a
            // "Tin liên quan" box in the page header must not swallow the whole page.
            if c.ends_article && seen_text {
                let rest = raw[n..]
                    .iter()
                    .filter(|l| !clean_line(l).is_empty())
                    .count();
                diagnostics.push(info(
                    c.code,
                    format!(
                        "removed {rest} line(s) from line {} on, starting with {}",
                        n + 1,
                        quote(&line)
                    ),
                ));
                break;
            }
            diagnostics.push(info(
                c.code,
                format!("removed {} at line {}", quote(&line), n + 1),
            ));
            out.push(Line::Clutter(c, line));
        } else if let Some(d) = parse_date_line(&line).filter(|_| !after_birth_label(&out)) {
            out.push(Line::Date(d, line));
        } else {
            seen_text = seen_text || words_upto(&line, TITLE_MIN_WORDS) >= TITLE_MIN_WORDS;
            out.push(Line::Text(line));
        }
    }
    out
}

/// True when the line before is a label such as "Ngày sinh": the date below is a birth, not
/// the page's date.
fn after_birth_label(out: &[Line]) -> bool {
    matches!(out.last(), Some(Line::Text(t)) if {
        let t = t.trim_end_matches([':', ' ']).to_lowercase();
        t.ends_with("sinh") || t.ends_with("ngày mất")
    })
}

fn text_of(line: &Line) -> &str {
    match line {
        Line::Text(t) | Line::Date(_, t) | Line::Clutter(_, t) => t,
    }
}

/// Body text: a line too long, or too sentence-like, to be a headline.
fn is_body_text(line: &Line) -> bool {
    match line {
        Line::Text(t) => {
            let words = words_upto(t, PARAGRAPH_WORDS);
            t.chars().count() > TITLE_MAX_CHARS
                || words >= PARAGRAPH_WORDS
                || (words >= SENTENCE_WORDS && t.ends_with(['.', '…', ':']))
        }
        _ => false,
    }
}

fn is_title_like(line: &Line) -> bool {
    match line {
        Line::Text(t) => {
            words_upto(t, TITLE_MIN_WORDS) >= TITLE_MIN_WORDS
                && !is_body_text(line)
                && !t.ends_with(':')
                && t.chars().any(char::is_alphabetic)
                // The parser never invents a title: a lead or a caption is none.
                && !is_lead_sentence(t)
                && !is_caption_line(t)
        }
        _ => false,
    }
}

/// Finds the headline among the lines before the body.
///
/// On these sites the headline is the text line right above the publication date; a site's
/// today-date and section label may come before it. Without a date line in the header, the
/// headline is the first headline-like line (a short line below it is a subheading or the
/// start of the body, never the headline).
fn find_title(
    lines: &[Line],
    body_start: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let header = &lines[..body_start];
    let candidates: Vec<usize> = (0..header.len())
        .filter(|&i| is_title_like(&header[i]))
        .collect();
    let above_date = header.iter().enumerate().find_map(|(d, line)| {
        matches!(line, Line::Date(..))
            .then(|| candidates.iter().rev().find(|&&c| c < d).copied())
            .flatten()
    });
    let chosen = above_date.or_else(|| candidates.first().copied());
    if chosen.is_none() {
        diagnostics.push(warning(
            "title.missing",
            "no recognisable headline before the body".into(),
        ));
    }
    chosen
}

/// Picks the publication date: the first date line below the headline, wherever it stands
/// (some sites print it after the lead); failing that, the last one above the headline.
fn find_published(
    lines: &[Line],
    title_at: Option<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Option<DateLine>, Option<usize>) {
    let start = title_at.map_or(0, |t| t + 1);
    let is_date = |i: &usize| matches!(lines[*i], Line::Date(..));
    let below = (start..lines.len()).find(is_date);
    let at = below.or_else(|| {
        let above = (0..start).rev().find(is_date);
        if let Some(i) = above {
            diagnostics.push(warning(
                "date.above_title",
                format!(
                    "the only date line, {}, stands above the headline; taken as the publication date",
                    quote(text_of(&lines[i]))
                ),
            ));
        }
        above
    });
    match at.map(|i| (&lines[i], i)) {
        Some((Line::Date(d, _), i)) => (Some(*d), Some(i)),
        _ => {
            diagnostics.push(warning(
                "date.missing",
                "no publication date line was found".into(),
            ));
            (None, None)
        }
    }
}

fn info(code: &str, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Info,
        code: code.to_string(),
        message,
    }
}

/// A warning diagnostic.
pub fn warning(code: &str, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        code: code.to_string(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `page` and checks its headline and publication date.
    fn check(page: &str, title: &str, published: &str) -> Article {
        let a = parse_page("x", "x.txt", page);
        assert_eq!(a.title.as_deref(), Some(title), "{page:?}");
        assert_eq!(
            a.published.map(|p| p.to_string()).as_deref(),
            Some(published),
            "{page:?}"
        );
        a
    }

    #[test]
    fn skips_site_header_date_above_the_title() {
        check(
            "Thứ Tư, 19/06/2024 10:55 (GMT +7)\n\nNgành Tổ chức hoàn thành 29/29 chỉ tiêu\n\nThứ 6, 12/01/2024 | 16:14:27 [GMT +7] A  A\n\nNội dung bài.",
            "Ngành Tổ chức hoàn thành 29/29 chỉ tiêu",
            "2024-01-12T16:14:27+07:00",
        );
    }

    #[test]
    fn skips_section_label_above_the_title() {
        let a = check(
            "Hoạt động của các tổ chức Đảng cơ sở\n\nĐảng bộ Sở sơ kết công tác đảng 6 tháng đầu năm 2023\n\n11-07-2023 14:51\n\nNội dung bài.",
            "Đảng bộ Sở sơ kết công tác đảng 6 tháng đầu năm 2023",
            "2023-07-11T14:51:00+07:00",
        );
        assert_eq!(a.paragraphs, ["Nội dung bài."]);
    }

    #[test]
    fn date_line_after_the_lead_is_found() {
        let lead = "Sáng nay, Ban Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết công tác 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm với sự tham dự của đông đảo đại biểu các sở, ban, ngành.";
        check(
            &format!("Hội nghị sơ kết công tác Đảng 6 tháng\n\n{lead}\n\n07/07/2023\n\nĐoạn hai."),
            "Hội nghị sơ kết công tác Đảng 6 tháng",
            "2023-07-07T00:00:00+07:00",
        );
    }

    #[test]
    fn source_tag_opening_the_lead_is_removed_and_recorded() {
        let a = check(
            "Tỉnh ủy tổng kết công tác năm 2023\n\n08/01/2024\n\n(Baonghean.vn) - Sáng 08/01/2024, Tỉnh ủy tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2023 với sự tham dự của các đồng chí.",
            "Tỉnh ủy tổng kết công tác năm 2023",
            "2024-01-08T00:00:00+07:00",
        );
        assert!(
            a.paragraphs[0].starts_with("Sáng 08/01/2024"),
            "{:?}",
            a.paragraphs
        );
        assert!(a.diagnostics.iter().any(|d| d.code == "clutter.source_tag"));
        assert_eq!(
            a.event_date.map(|d| d.to_string()).as_deref(),
            Some("2024-01-08")
        );
    }

    /// Regression: real pages without a headline got their lead sentence or a photo caption
    /// as the title.
    #[test]
    fn a_lead_or_a_caption_is_never_the_title() {
        for page in [
            "Ngày 28/4, Thành ủy TPHCM đã tổ chức hội nghị sơ kết công tác\n\n28/04/2022\n\nĐoạn hai.",
            "Hôm nay (28/4), tại trụ sở Chính phủ, Thủ tướng chủ trì phiên họp\n\n28/04/2023 10:15\n\nĐoạn hai.",
            "Quang cảnh buổi hội thảo do Học viện tổ chức.\n\n12/05/2023\n\nSáng 12/5, Học viện tổ chức hội thảo khoa học về đổi mới phương thức lãnh đạo của Đảng.",
            "Bí thư Thành ủy phát biểu khai mạc hội nghị.\n\n14/07/2023\n\nSáng 14/7, Ban Chấp hành Đảng bộ thành phố tổ chức hội nghị.",
        ] {
            let a = parse_page("x", "x.txt", page);
            assert_eq!(a.title, None, "{page:?}");
            assert!(a.diagnostics.iter().any(|d| d.code == "title.missing"));
        }
        let a = parse_page(
            "x",
            "x.txt",
            "Quang cảnh hội nghị.\n\nSáng 14/7, Đảng bộ tổ chức hội nghị.",
        );
        assert_eq!(a.captions, ["Quang cảnh hội nghị."]);
        assert!(a.paragraphs[0].starts_with("Sáng 14/7"));
    }

    #[test]
    fn a_short_line_below_the_headline_is_not_the_headline() {
        let a = parse_page(
            "x",
            "x.txt",
            "Năm du lịch về cội nguồn\n\nNhưng sức hấp dẫn của những tour du lịch độc đáo thì sẽ kéo dài\n\nĐoạn văn dài.",
        );
        assert_eq!(a.title.as_deref(), Some("Năm du lịch về cội nguồn"));
    }

    #[test]
    fn no_title_and_no_date_are_reported_not_invented() {
        let a = parse_page("x", "x.txt", "...\n42\n");
        assert_eq!(a.title, None);
        assert_eq!(a.published, None);
        let codes: Vec<_> = a.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert!(codes.contains(&"title.missing"), "{codes:?}");
        assert!(codes.contains(&"date.missing"), "{codes:?}");
        assert!(codes.contains(&"body.empty"), "{codes:?}");
    }
}
