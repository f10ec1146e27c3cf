//! HTML pages (saved pages, site mirrors): parsed with html5ever (through scraper); the
//! headline, date and author taken from the page's own metadata where it has them, the body
//! from the main content, captions from `<figcaption>`, and the text rules of
//! [`crate::page`] for whatever the markup does not say. Every field's route is a
//! diagnostic.

pub mod blocks;
pub mod content;
pub mod depth;
pub mod meta;

use crate::encoding::Charset;
use crate::page::{parse_page, parse_record, warning};
use crate::text::{quote, word_count};
use blocks::{Block, Kind};
use meta::Found;
use nienbieu_model::{Article, Diagnostic, Severity};
use scraper::Html;
use std::collections::BTreeMap;
use std::path::Path;

/// A headline longer than this is a paragraph, or a lie (the text rules' limit too).
const TITLE_MAX_CHARS: usize = 300;
/// An `<h1>` this many lines or fewer above the main content is its headline.
const HEADLINE_GAP: usize = 12;

/// True for the file names of saved pages: `.html`, `.htm`, `.xhtml`, `.shtml`.
pub fn is_html_name(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["html", "htm", "xhtml", "shtml"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// True when text starts like an HTML document: `<!DOCTYPE html`, `<html` or `<head`, after
/// white space, a byte-order mark, an XML declaration or comments.
pub fn looks_like_html(start: &str) -> bool {
    let mut s = start.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    for _ in 0..8 {
        let lower: String = s.chars().take(16).collect::<String>().to_ascii_lowercase();
        if lower.starts_with("<!doctype html")
            || lower.starts_with("<html")
            || lower.starts_with("<head")
        {
            return true;
        }
        let end = if lower.starts_with("<!--") {
            s.find("-->").map(|i| i + 3)
        } else if lower.starts_with("<?xml") {
            s.find("?>").map(|i| i + 2)
        } else {
            None
        };
        match end {
            Some(e) => s = s[e..].trim_start(),
            None => return false,
        }
    }
    false
}

/// The encoding a page declares in its first 4 KiB: `<meta charset="...">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=...">`, with the label.
pub fn declared_charset(bytes: &[u8]) -> Option<(Charset, String)> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(i) = rest.find("<meta") {
        rest = &rest[i + 5..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if let Some(j) = tag.find("charset") {
            let value = tag[j + 7..]
                .trim_start()
                .strip_prefix('=')
                .map(|v| v.trim_start().trim_start_matches(['"', '\'']))
                .unwrap_or("");
            let label: String = value
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
                .collect();
            if let Some(c) = Charset::from_label(&label) {
                return Some((c, label));
            }
        }
    }
    None
}

/// Parses a decoded (NFC) HTML page into an article. Never fails.
pub fn parse_html_page(id: &str, source: &str, text: &str) -> Article {
    let limited = depth::limit_depth(text);
    let doc = Html::parse_document(limited.as_ref().map_or(text, |l| l.0.as_str()));
    let mut m = meta::read(&doc);
    let content = content::choose(&doc);
    let blocks::Lines {
        blocks: lines,
        times,
        authors,
    } = blocks::lines(&doc, &content);
    let mut notes = Vec::new();
    let mut problems = std::mem::take(&mut m.problems);
    if let Some((_, cut)) = &limited {
        problems.push((
            "html.too_deep",
            format!(
                "{cut} tag(s) nested more than {} deep were ignored (their text was kept)",
                depth::MAX_DEPTH
            ),
        ));
    }

    let first_main = lines.iter().position(|b| b.in_main);
    let last_main = lines.iter().rposition(|b| b.in_main);
    let headline = lines
        .iter()
        .position(|b| b.kind == Kind::Headline && b.in_main)
        .or_else(|| {
            let fm = first_main?;
            lines[..fm]
                .iter()
                .rposition(|b| b.kind == Kind::Headline)
                .filter(|&i| fm - i <= HEADLINE_GAP)
        })
        .filter(|&i| lines[i].text.chars().count() <= TITLE_MAX_CHARS);
    // The headline and what follows it up to the main content (date, lead, author), then
    // the main content; furniture between main blocks that nothing dropped stays out.
    let kept: Vec<usize> = match (first_main, last_main) {
        (Some(f), Some(l)) => (headline.map_or(f, |h| h.min(f))..=l)
            .filter(|&i| i < f || lines[i].in_main)
            .collect(),
        _ => (0..lines.len()).collect(),
    };
    let headline = headline.and_then(|h| kept.iter().position(|&i| i == h));
    let region: Vec<Block> = kept.iter().map(|&i| lines[i].clone()).collect();
    let region = region.as_slice();

    let h1 = headline.map(|h| Found {
        value: region[h].text.clone(),
        from: "the page's <h1>".into(),
    });
    let title = match m
        .titles
        .iter()
        .find_map(|f| checked_title(f, m.outlet.as_deref(), &mut problems))
    {
        // Sites cut long headlines in their metadata ("..."): the <h1> has it whole.
        Some(f) if h1.as_ref().is_some_and(|h| completes(&f.value, &h.value)) => {
            h1.map(|h| Found {
                from: format!("the page's <h1>, which completes the {} cut short", f.from),
                ..h
            })
        }
        Some(f) => Some(f),
        None => h1,
    };

    // Lines above the headline in the main content: breadcrumbs, section labels, dates.
    let (above, below) = match headline {
        Some(h) => region.split_at(h),
        None => region.split_at(0),
    };
    for b in above.iter().filter(|b| b.kind == Kind::Text) {
        if crate::dates::parse_date_line(&b.text).is_none() {
            notes.push(info(
                "html.above_headline",
                format!("removed {} above the headline", quote(&b.text)),
            ));
        }
    }
    let body_lines: Vec<&str> = below
        .iter()
        .enumerate()
        .filter(|(i, _)| !(headline.is_some() && *i == 0))
        .filter(|(_, b)| b.kind == Kind::Text || b.kind == Kind::Headline)
        .map(|(_, b)| b.text.as_str())
        .filter(|t| {
            let repeated = title.as_ref().is_some_and(|f| same_text(t, &f.value));
            if repeated {
                notes.push(info(
                    "title.repeated",
                    "removed a repetition of the headline from the body".into(),
                ));
            }
            !repeated
        })
        .collect();
    let mut source_meta = BTreeMap::new();
    if let Some(o) = m.outlet.clone() {
        source_meta.insert("outlet".to_string(), o);
    }
    if let Some(s) = m.section.clone() {
        source_meta.insert("section".to_string(), s);
    }

    let mut a = match &title {
        Some(t) => {
            notes.push(info("html.title", format!("from {}", t.from)));
            parse_record(
                id,
                source,
                Some(&t.value),
                None,
                &body_lines.join("\n"),
                source_meta,
            )
        }
        None => {
            let mut a = parse_page(id, source, &body_lines.join("\n"));
            a.meta = source_meta;
            match (&a.title, &m.doc_title) {
                (Some(_), _) => notes.push(info(
                    "html.title",
                    "by the text rules (no headline in the page's metadata or <h1>)".into(),
                )),
                (None, Some(t)) => {
                    let t = strip_site(t, m.outlet.as_deref());
                    if t.chars().count() <= TITLE_MAX_CHARS && word_count(&t) >= 2 {
                        a.diagnostics.retain(|d| d.code != "title.missing");
                        notes.push(info("html.title", "from <title>, the last resort".into()));
                        a.title = Some(t);
                    }
                }
                (None, None) => {}
            }
            a
        }
    };

    // Without a headline, the lines just above the main content may still hold its date.
    let before_main = match (headline, first_main) {
        (None, Some(f)) => &lines[f.saturating_sub(HEADLINE_GAP)..f],
        _ => above,
    };
    date(&mut a, &m, &times, before_main, &mut notes, &mut problems);
    author(&mut a, &m, &authors, &mut notes);
    let caption_blocks: Vec<&Block> = region
        .iter()
        .filter(|b| matches!(b.kind, Kind::Caption { .. }))
        .collect();
    let captions: Vec<String> = caption_blocks.iter().map(|b| b.text.clone()).collect();
    if !captions.is_empty() {
        let fig = caption_blocks
            .iter()
            .filter(|b| b.kind == Kind::Caption { figcaption: true })
            .count();
        let mut parts = Vec::new();
        if fig > 0 {
            parts.push(format!("{fig} from <figcaption>"));
        }
        if fig < captions.len() {
            parts.push(format!(
                "{} from caption markup (a class naming a caption)",
                captions.len() - fig
            ));
        }
        notes.push(info("html.captions", parts.join(", ")));
        let found = std::mem::take(&mut a.captions);
        a.captions = captions;
        for c in found {
            if !a.captions.contains(&c) {
                a.captions.push(c);
            }
        }
    }
    notes.insert(
        0,
        info(
            "html.body",
            format!(
                "main content: {}, {} paragraph(s)",
                content.how,
                a.paragraphs.len()
            ),
        ),
    );
    crate::extract::enrich(&mut a);
    let mut diagnostics: Vec<Diagnostic> = notes;
    diagnostics.extend(problems.into_iter().map(|(c, msg)| warning(c, msg)));
    diagnostics.append(&mut a.diagnostics);
    a.diagnostics = diagnostics;
    a
}

/// The publication date: the page's metadata, then its `<time datetime>`, then the text
/// rules (a date line in the article), then a date line above the headline.
fn date(
    a: &mut Article,
    m: &meta::Meta,
    times: &[blocks::Time],
    above: &[Block],
    notes: &mut Vec<Diagnostic>,
    problems: &mut Vec<(&'static str, String)>,
) {
    let mut times: Vec<&blocks::Time> = times.iter().collect();
    times.sort_by_key(|t| !t.published);
    let from_time: Vec<Found<String>> = times
        .iter()
        .map(|t| Found {
            value: t.datetime.clone(),
            from: "<time datetime> of the main content".into(),
        })
        .collect();
    let found = meta::believable_date(&m.dates, problems)
        .or_else(|| meta::believable_date(&from_time, problems));
    let text_date = a.published;
    if let Some(f) = found {
        a.published = Some(f.value.at);
        a.published_precision = Some(f.value.precision);
        a.diagnostics
            .retain(|d| !matches!(d.code.as_str(), "date.missing" | "date.above_title"));
        let mut msg = format!("from {} ({})", f.from, f.value.at);
        if let Some(t) = text_date.filter(|t| t.date() != f.value.at.date()) {
            msg += &format!("; the article's text gives {}, not taken", t.date());
        }
        notes.push(info("html.date", msg));
    } else if text_date.is_some() {
        notes.push(info(
            "html.date",
            "by the text rules: a date line in the article".into(),
        ));
    } else if let Some(d) = above
        .iter()
        .rev()
        .find_map(|b| crate::dates::parse_date_line(&b.text))
    {
        a.published = Some(d.at);
        a.published_precision = Some(d.precision);
        a.diagnostics.retain(|d| d.code != "date.missing");
        notes.push(info(
            "html.date",
            "by the text rules: a date line above the headline or the main content".into(),
        ));
    }
}

/// The author: the page's metadata, then an element marked as the author, then the text
/// rules' byline (the article's last line).
fn author(a: &mut Article, m: &meta::Meta, marked: &[String], notes: &mut Vec<Diagnostic>) {
    let marked = marked
        .iter()
        .filter(|t| word_count(t) <= 12)
        .map(|t| crate::byline::byline(t).unwrap_or_else(|| t.clone()))
        .next();
    if let Some(f) = m.authors.first() {
        a.byline = Some(f.value.clone());
        notes.push(info("html.author", format!("from {}", f.from)));
    } else if let Some(name) = marked {
        a.byline = Some(name);
        notes.push(info(
            "html.author",
            "from the element marked as author in the page".into(),
        ));
    } else if a.byline.is_some() {
        notes.push(info(
            "html.author",
            "by the text rules: the article's last line".into(),
        ));
    }
}

/// A metadata headline, unless it is empty or too long to be one; a site name after it
/// ("... | Báo Hưng Yên") is removed.
fn checked_title(
    f: &Found<String>,
    outlet: Option<&str>,
    problems: &mut Vec<(&'static str, String)>,
) -> Option<Found<String>> {
    let value = strip_site(&f.value, outlet);
    let chars = value.chars().count();
    if chars > TITLE_MAX_CHARS {
        problems.push((
            "html.title_too_long",
            format!(
                "the {} is {chars} characters long, too long for a headline; ignored",
                f.from
            ),
        ));
        return None;
    }
    (word_count(&value) >= 1).then(|| Found {
        value,
        from: f.from.clone(),
    })
}

/// Removes a site name after a headline: " | Báo X", or " - Báo X" when it is the site's
/// name.
fn strip_site(title: &str, outlet: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — "] {
        if let Some(i) = title.rfind(sep) {
            let (head, tail) = (&title[..i], &title[i + sep.len()..]);
            let is_site = outlet.is_some_and(|o| same_text(o, tail))
                || (sep == " | " && word_count(tail) <= 6);
            if is_site && word_count(head) >= 3 {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// True when `cut` ends in an ellipsis and `whole` starts with what precedes it.
fn completes(cut: &str, whole: &str) -> bool {
    let stem = cut.trim_end().trim_end_matches(['.', '…']).trim_end();
    stem.len() < cut.trim_end().len()
        && whole.chars().count() > stem.chars().count()
        && whole.to_lowercase().starts_with(&stem.to_lowercase())
}

fn same_text(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

fn info(code: &str, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Info,
        code: code.to_string(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_html_by_its_start() {
        assert!(looks_like_html("\u{FEFF}  <!DOCTYPE html><html>"));
        assert!(looks_like_html(
            "<!-- saved from url=(0042) -->\n<HTML><HEAD>"
        ));
        assert!(looks_like_html(
            "<?xml version=\"1.0\"?>\n<html xmlns=\"\">"
        ));
        assert!(!looks_like_html("Đảng bộ tỉnh <b>tổng kết</b>"));
        assert!(!looks_like_html("<p>Một đoạn</p>"));
    }

    #[test]
    fn reads_declared_charsets() {
        let label = |s: &str| declared_charset(s.as_bytes()).map(|c| c.0.name());
        assert_eq!(
            label(r#"<meta charset="windows-1258">"#),
            Some("windows-1258")
        );
        assert_eq!(
            label(r#"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=VISCII">"#),
            Some("VISCII")
        );
        assert_eq!(label("<meta charset=utf-8/>"), Some("utf-8"));
        assert_eq!(label(r#"<meta name="x" content="y">"#), None);
    }

    #[test]
    fn a_headline_cut_short_in_the_metadata_is_completed() {
        let whole = "Đảng bộ tỉnh tổng kết công tác xây dựng Đảng năm 2023";
        assert!(completes("Đảng bộ tỉnh tổng kết công tác...", whole));
        assert!(completes("Đảng bộ tỉnh tổng kết…", whole));
        assert!(!completes("Đảng bộ tỉnh tổng kết công tác", whole));
        assert!(!completes("Tin khác...", whole));
    }

    #[test]
    fn site_names_come_off_headlines() {
        assert_eq!(
            strip_site("Tỉnh ủy tổng kết công tác năm | Báo Hưng Yên", None),
            "Tỉnh ủy tổng kết công tác năm"
        );
        assert_eq!(
            strip_site("Sở Lao động - Thương binh và Xã hội sơ kết", None),
            "Sở Lao động - Thương binh và Xã hội sơ kết"
        );
        assert_eq!(
            strip_site("Hội nghị tổng kết năm 2023 - Báo X", Some("Báo X")),
            "Hội nghị tổng kết năm 2023"
        );
    }
}
