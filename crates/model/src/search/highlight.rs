//! Highlights: where a query's words stand in a title, and the passage of a body that shows
//! them best.

use super::query::Query;
use crate::tokenize::{tokenize, Token, TokenKind};
use std::ops::Range;

/// Words in a snippet window.
const WINDOW: usize = 28;
/// The longest snippet without a match, in characters.
const LEAD_CHARS: usize = 220;

/// Byte ranges of `text` where a word of `query` matches, in order, never overlapping.
pub fn match_ranges(query: &Query, strict: bool, text: &str) -> Vec<Range<usize>> {
    let words: Vec<_> = query.positive_words().collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<Range<usize>> = Vec::new();
    for t in tokenize(text) {
        if words.iter().any(|w| w.matches(&t.folded, &t.exact, strict)) {
            // A code and its parts overlap: keep the widest.
            if let Some(last) = out.last_mut() {
                if t.start < last.end {
                    last.end = last.end.max(t.end);
                    continue;
                }
            }
            out.push(t.start..t.end);
        }
    }
    out
}

/// A passage of a body with the query's matches marked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The passage text.
    pub text: String,
    /// Byte ranges of matches in `text`.
    pub ranges: Vec<Range<usize>>,
    /// True when the passage starts inside its paragraph (show an ellipsis before it).
    pub cut_before: bool,
    /// True when the passage ends inside its paragraph (show an ellipsis after it).
    pub cut_after: bool,
}

/// A body tokenized once, so that snippets for query after query only match (the reader
/// types faster than a whole article can be tokenized again for every row in view).
#[derive(Debug, Clone, Default)]
pub struct Passages {
    paragraphs: Vec<(String, Vec<Token>)>,
}

impl Passages {
    /// Tokenizes `paragraphs` (code parts left out).
    pub fn new(paragraphs: &[String]) -> Passages {
        Passages {
            paragraphs: paragraphs
                .iter()
                .map(|p| {
                    let tokens = tokenize(p)
                        .into_iter()
                        .filter(|t| t.kind != TokenKind::CodePart)
                        .collect();
                    (p.clone(), tokens)
                })
                .collect(),
        }
    }

    /// The window of about [`WINDOW`] words that holds the most distinct query words (then
    /// the most matches), from any paragraph; the opening of the first paragraph when nothing
    /// matches.
    pub fn snippet(&self, query: &Query, strict: bool) -> Snippet {
        let words: Vec<_> = query.positive_words().collect();
        // (distinct words, matches, paragraph, first token, end token)
        let mut best: Option<(usize, usize, usize, usize, usize)> = None;
        for (p, (_, tokens)) in self.paragraphs.iter().enumerate() {
            let which: Vec<Option<usize>> = tokens
                .iter()
                .map(|t| {
                    words
                        .iter()
                        .position(|w| w.matches(&t.folded, &t.exact, strict))
                })
                .collect();
            if which.iter().all(Option::is_none) {
                continue;
            }
            for from in (0..tokens.len()).filter(|&i| which[i].is_some()) {
                let to = (from + WINDOW).min(tokens.len());
                let mut seen = vec![false; words.len()];
                let mut hits = 0;
                for w in which[from..to].iter().flatten() {
                    seen[*w] = true;
                    hits += 1;
                }
                let distinct = seen.iter().filter(|&&s| s).count();
                if best.is_none_or(|b| (distinct, hits) > (b.0, b.1)) {
                    best = Some((distinct, hits, p, from, to));
                }
            }
        }
        let Some((_, _, p, from, to)) = best else {
            return lead(self.paragraphs.iter().map(|(t, _)| t.as_str()));
        };
        let (text, tokens) = &self.paragraphs[p];
        // Start a few words before the first match, for context.
        let from = from.saturating_sub(4);
        let to = (from + WINDOW).min(tokens.len()).max(to.min(tokens.len()));
        let start = if from == 0 { 0 } else { tokens[from].start };
        let end = if to >= tokens.len() {
            text.len()
        } else {
            tokens[to - 1].end
        };
        let ranges = tokens[from..to]
            .iter()
            .filter(|t| words.iter().any(|w| w.matches(&t.folded, &t.exact, strict)))
            .map(|t| t.start - start..t.end - start)
            .collect();
        Snippet {
            text: text[start..end].to_string(),
            ranges,
            cut_before: start > 0,
            cut_after: end < text.len(),
        }
    }
}

/// The snippet of `paragraphs` for a `query` with no word to look for (an empty search, or
/// filters only): the opening of the first paragraph, which needs no tokenizing. `None` when
/// the query has words: then [`Passages::snippet`] finds the passage.
pub fn opening(query: &Query, paragraphs: &[String]) -> Option<Snippet> {
    query
        .positive_words()
        .next()
        .is_none()
        .then(|| lead(paragraphs.iter().map(String::as_str)))
}

/// The best passage of `paragraphs` for `query` (see [`Passages::snippet`]).
pub fn snippet(query: &Query, strict: bool, paragraphs: &[String]) -> Snippet {
    Passages::new(paragraphs).snippet(query, strict)
}

/// The first words of the lead (fourteen), for a row whose article has no headline.
pub fn lead_words(paragraphs: &[String]) -> Option<String> {
    let first = paragraphs.iter().find(|p| !p.trim().is_empty())?;
    let words: Vec<&str> = first.split_whitespace().take(14).collect();
    let more = first.split_whitespace().count() > words.len();
    Some(format!(
        "{}{}",
        words.join(" "),
        if more { " …" } else { "" }
    ))
}

/// The opening of the first non-empty paragraph, cut at a word boundary.
fn lead<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> Snippet {
    let Some(text) = paragraphs.into_iter().find(|p| !p.trim().is_empty()) else {
        return Snippet::default();
    };
    if text.chars().count() <= LEAD_CHARS {
        return Snippet {
            text: text.to_string(),
            ..Snippet::default()
        };
    }
    let cut = text
        .char_indices()
        .nth(LEAD_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let end = text[..cut].rfind(char::is_whitespace).unwrap_or(cut);
    Snippet {
        text: text[..end].to_string(),
        ranges: Vec::new(),
        cut_before: false,
        cut_after: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, ranges: &[Range<usize>]) -> String {
        let mut out = String::new();
        let mut at = 0;
        for r in ranges {
            out.push_str(&text[at..r.start]);
            out.push('[');
            out.push_str(&text[r.clone()]);
            out.push(']');
            at = r.end;
        }
        out.push_str(&text[at..]);
        out
    }

    #[test]
    fn titles_mark_folded_and_prefix_matches() {
        let q = Query::parse("dang hung y");
        let t = "Đảng bộ Liên đoàn Lao động tỉnh Hưng Yên";
        assert_eq!(
            marked(t, &match_ranges(&q, false, t)),
            "[Đảng] bộ Liên đoàn Lao động tỉnh [Hưng] [Yên]"
        );
        let strict = Query::parse("đang ");
        assert_eq!(match_ranges(&strict, true, t), []);
        let code = Query::parse("15-nq/tu");
        let t = "theo Nghị quyết 15-NQ/TU";
        assert_eq!(
            marked(t, &match_ranges(&code, false, t)),
            "theo Nghị quyết [15-NQ/TU]"
        );
    }

    #[test]
    fn the_snippet_is_the_passage_with_the_most_query_words() {
        let paras = vec![
            "Mở đầu không liên quan gì.".to_string(),
            "Trong năm, Đảng bộ kết nạp 269 đảng viên mới, vượt chỉ tiêu đề ra.".to_string(),
            "Một đảng viên khác.".to_string(),
        ];
        let s = snippet(&Query::parse("kết nạp đảng viên"), false, &paras);
        assert_eq!(
            marked(&s.text, &s.ranges),
            "Trong năm, [Đảng] bộ [kết] [nạp] 269 [đảng] [viên] mới, vượt chỉ tiêu đề ra."
        );
        assert!(!s.cut_before && !s.cut_after);
        let none = snippet(&Query::parse("xyz"), false, &paras);
        assert_eq!(none.text, "Mở đầu không liên quan gì.");
        // Without words, the opening, as the tokenized passages give it.
        assert_eq!(opening(&Query::parse("xyz"), &paras), None);
        for empty in ["", "-bóng", "  "] {
            let q = Query::parse(empty);
            assert_eq!(
                opening(&q, &paras),
                Some(snippet(&q, false, &paras)),
                "{empty:?}"
            );
        }
        let long = vec![String::new(), "từ ".repeat(200)];
        let q = Query::parse("");
        let open = opening(&q, &long).unwrap();
        assert_eq!(open, snippet(&q, false, &long));
        assert!(open.cut_after && open.text.chars().count() <= LEAD_CHARS);
    }
}
