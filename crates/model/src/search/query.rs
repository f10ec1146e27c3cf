//! Parsing what a reader types: words (all required), the last one a prefix while typing,
//! "quoted phrases", and a leading minus to exclude a word or a phrase.

use crate::fold::has_marks;
use crate::tokenize::{tokenize, TokenKind};

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryWord {
    /// Folded form ("dang").
    pub folded: String,
    /// Exact form, lower case with marks ("đảng").
    pub exact: String,
    /// True when typed with any Vietnamese mark: exact-diacritic matches then rank first.
    pub marked: bool,
    /// True for the last word while the user is still typing it: it matches as a prefix.
    pub prefix: bool,
    /// True inside quotes: a marked word then matches only its exact form.
    pub quoted: bool,
}

impl QueryWord {
    fn new(folded: &str, exact: &str, quoted: bool) -> QueryWord {
        QueryWord {
            folded: folded.to_string(),
            exact: exact.to_string(),
            marked: has_marks(exact),
            prefix: false,
            quoted,
        }
    }

    /// True when marks must match exactly, given the global strict switch.
    pub fn needs_exact(&self, strict: bool) -> bool {
        self.marked && (strict || self.quoted)
    }

    /// True when a token of the text matches this word.
    pub fn matches(&self, folded: &str, exact: &str, strict: bool) -> bool {
        let hit = |have: &str, want: &str| {
            if self.prefix {
                have.starts_with(want)
            } else {
                have == want
            }
        };
        hit(folded, &self.folded) && (!self.needs_exact(strict) || hit(exact, &self.exact))
    }
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Words outside quotes, in the order typed; all are required.
    pub words: Vec<QueryWord>,
    /// Quoted phrases of two or more words; each must occur with its words side by side.
    pub phrases: Vec<Vec<QueryWord>>,
    /// Words and phrases to exclude.
    pub excluded: Vec<Vec<QueryWord>>,
}

impl Query {
    /// Parses a query string.
    ///
    /// ```
    /// use nienbieu_model::search::Query;
    /// let q = Query::parse("đảng viên \"ban chấp hành\" -hà nội");
    /// assert_eq!(q.words.len(), 3); // đảng, viên, nội
    /// assert_eq!(q.phrases[0].len(), 3);
    /// assert_eq!(q.excluded[0][0].folded, "ha");
    /// assert!(q.words.last().unwrap().prefix);
    /// ```
    pub fn parse(input: &str) -> Query {
        let mut q = Query::default();
        let mut bare = String::new();
        let mut rest = input;
        let mut last_was_bare = false;
        while let Some(c) = rest.chars().next() {
            if c.is_whitespace() {
                bare.push(' ');
                rest = &rest[c.len_utf8()..];
                last_was_bare = false;
                continue;
            }
            let negated =
                c == '-' && rest[1..].starts_with(|c: char| c == '"' || c.is_alphanumeric());
            let body = if negated { &rest[1..] } else { rest };
            if let Some(inner) = body.strip_prefix('"') {
                let end = inner.find('"').unwrap_or(inner.len());
                let words = words_of(&inner[..end], true);
                rest = inner.get(end + 1..).unwrap_or("");
                last_was_bare = false;
                if negated {
                    q.excluded.push(words);
                } else if words.len() == 1 {
                    q.words.extend(words);
                } else if !words.is_empty() {
                    q.phrases.push(words);
                }
                continue;
            }
            let end = body
                .find(|c: char| c.is_whitespace() || c == '"')
                .unwrap_or(body.len());
            if negated {
                for w in words_of(&body[..end], false) {
                    q.excluded.push(vec![w]);
                }
                last_was_bare = false;
            } else {
                bare.push_str(&body[..end]);
                last_was_bare = true;
            }
            rest = &body[end..];
        }
        let mut words = words_of(&bare, false);
        if last_was_bare {
            if let Some(w) = words.last_mut() {
                w.prefix = true;
            }
        }
        // Required phrase words are required words too, in front so they are cheap to check.
        q.words = std::mem::take(&mut q.words)
            .into_iter()
            .chain(words)
            .collect();
        q
    }

    /// True when the query asks for nothing (every article matches).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty() && self.excluded.is_empty()
    }

    /// Every word that must or may match, for highlighting.
    pub fn positive_words(&self) -> impl Iterator<Item = &QueryWord> {
        self.words.iter().chain(self.phrases.iter().flatten())
    }
}

/// The words of `text`, with "số" dropped before a document code ("số 15-NQ/TU" finds the
/// code however the article writes it).
fn words_of(text: &str, quoted: bool) -> Vec<QueryWord> {
    let tokens: Vec<_> = tokenize(text)
        .into_iter()
        .filter(|t| t.kind != TokenKind::CodePart)
        .collect();
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let before_code = tokens.get(i + 1).is_some_and(|n| n.kind == TokenKind::Code);
        if t.folded == "so" && before_code {
            continue;
        }
        out.push(QueryWord::new(&t.folded, &t.exact, quoted));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(ws: &[QueryWord]) -> Vec<&str> {
        ws.iter().map(|w| w.folded.as_str()).collect()
    }

    #[test]
    fn the_last_word_is_a_prefix_only_while_typing() {
        let q = Query::parse("dang vi");
        assert_eq!(folded(&q.words), ["dang", "vi"]);
        assert!(!q.words[0].prefix && q.words[1].prefix);
        assert!(!Query::parse("dang vi ").words[1].prefix);
        assert!(!Query::parse("\"dang vien\"").phrases[0][1].prefix);
    }

    #[test]
    fn phrases_exclusions_and_codes() {
        let q = Query::parse("\"Ban Chấp hành\" -\"hà nội\" -đang số 15 - NQ/TU ");
        assert_eq!(folded(&q.phrases[0]), ["ban", "chap", "hanh"]);
        assert!(q.phrases[0][1].quoted && q.phrases[0][1].marked);
        assert_eq!(folded(&q.excluded[0]), ["ha", "noi"]);
        assert_eq!(folded(&q.excluded[1]), ["dang"]);
        assert_eq!(q.excluded[1][0].exact, "đang");
        assert_eq!(folded(&q.words), ["15-nq/tu"]);
    }

    #[test]
    fn a_lone_dash_or_an_unclosed_quote_is_not_an_error() {
        assert_eq!(folded(&Query::parse("a - b").words), ["a", "b"]);
        let q = Query::parse("\"ban chấp");
        assert_eq!(folded(&q.phrases[0]), ["ban", "chap"]);
        assert!(Query::parse("  \"\" - ").is_empty());
    }

    #[test]
    fn matching_respects_marks_only_when_asked() {
        let w = &Query::parse("đảng ").words[0];
        assert!(w.matches("dang", "đang", false));
        assert!(!w.matches("dang", "đang", true));
        assert!(w.matches("dang", "đảng", true));
        let p = &Query::parse("hư").words[0];
        assert!(p.matches("hung", "hưng", true));
        assert!(!p.matches("hung", "hùng", true));
    }
}
