//! A bound on nesting before the parser sees a page: html5ever checks the stack of open
//! elements on each tag, so 100,000 nested `<div>`s take it minutes (quadratic time). Tags
//! nested deeper than [`MAX_DEPTH`] are removed, their text kept; no real page comes close.

/// The deepest nesting kept. Real news pages nest 20 to 60 deep.
pub const MAX_DEPTH: usize = 256;

/// Elements with no end tag, or whose end tag is implied by the next sibling: they do not
/// deepen the stack for long.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "td", "th", "tr", "dt", "dd", "option", "optgroup", "thead",
    "tbody", "tfoot", "colgroup", "rb", "rt", "rp", "frame", "keygen", "basefont", "bgsound",
    "!doctype",
];

/// Elements whose content is text up to their end tag.
const RAW: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// The page with tags nested deeper than [`MAX_DEPTH`] removed, and how many were, or
/// `None` when the page nests no deeper (the common case, which costs one scan).
pub fn limit_depth(html: &str) -> Option<(String, usize)> {
    let mut cuts: Vec<std::ops::Range<usize>> = Vec::new();
    let mut depth = 0usize;
    let mut excess = 0usize;
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let start = i + off;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(html.len(), |e| start + e + 3);
            continue;
        }
        let end_tag = rest.starts_with("</");
        let name_at = start + if end_tag { 2 } else { 1 };
        let name: String = html[name_at..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .take(16)
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '!') {
            i = start + 1;
            continue;
        }
        let close = html[start..]
            .find('>')
            .map_or(html.len(), |e| start + e + 1);
        let self_closing = html[start..close].ends_with("/>");
        let flat = FLAT.contains(&name.as_str());
        if end_tag && !flat {
            if excess > 0 {
                excess -= 1;
                cuts.push(start..close);
            } else {
                depth = depth.saturating_sub(1);
            }
        } else if end_tag {
        } else if RAW.contains(&name.as_str()) {
            let needle = format!("</{name}");
            let lower_rest = &html[close..];
            i = find_ascii_ci(lower_rest, &needle).map_or(html.len(), |e| close + e);
            continue;
        } else if !flat && !self_closing {
            if depth >= MAX_DEPTH {
                excess += 1;
                cuts.push(start..close);
            } else {
                depth += 1;
            }
        }
        i = close;
    }
    if cuts.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for c in &cuts {
        out.push_str(&html[at..c.start]);
        at = c.end;
    }
    out.push_str(&html[at..]);
    Some((out, cuts.len()))
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

/// The first place `needle` (lowercase ASCII) occurs in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_left_alone() {
        let page = "<!DOCTYPE html><html><body><p>a<p>b<ul><li>x<li>y</ul><br>\
                    <script>if (a < b) { x = '<div>'; }</script><img src=x></body></html>";
        assert_eq!(limit_depth(page), None);
        let unclosed_paragraphs = "<div>".to_string() + &"<p>text ".repeat(5_000);
        assert_eq!(limit_depth(&unclosed_paragraphs), None);
    }

    #[test]
    fn tags_beyond_the_limit_go_and_their_text_stays() {
        let n = MAX_DEPTH + 10;
        let page = format!("{}<p>Đoạn văn</p>{}", "<div>".repeat(n), "</div>".repeat(n));
        let (out, cut) = limit_depth(&page).unwrap();
        assert_eq!(cut, 20);
        assert!(out.contains("<p>Đoạn văn</p>"));
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
    }
}
