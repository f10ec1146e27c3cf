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
    /// The word as typed, for showing the query as understood.
    pub typed: String,
}

impl QueryWord {
    fn new(folded: &str, exact: &str, typed: &str, quoted: bool) -> QueryWord {
        QueryWord {
            folded: folded.to_string(),
            exact: exact.to_string(),
            marked: has_marks(exact),
            prefix: false,
            quoted,
            typed: typed.to_string(),
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

/// The most words a query searches for (plain and quoted together). A pasted paragraph
/// searches for its first words only, with a note: every extra word costs a pass over the
/// postings, and a dozen words already pin down an article.
pub const MAX_WORDS: usize = 16;
/// The most quoted phrases a query checks (each reads the positions of every candidate).
pub const MAX_PHRASES: usize = 4;
/// The most exclusions a query applies.
pub const MAX_EXCLUDED: usize = 8;
/// The most bytes of a query that are read at all; the rest is ignored, with a note.
pub const MAX_QUERY_BYTES: usize = 1000;

/// Something the parser did that a reader should be told about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryNote {
    /// A quote was never closed: the phrase runs to the end of the query.
    UnclosedQuote,
    /// The query had more than the engine searches for: only the first parts were kept.
    Truncated {
        /// Words, phrases and exclusions left out (0 when only over-long text was cut).
        dropped: usize,
    },
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Words outside quotes, in the order typed; all are required.
    pub words: Vec<QueryWord>,
    /// Quoted phrases of two or more words; each must occur with its words side by side.
    pub phrases: Vec<Vec<QueryWord>>,
    /// Words and phrases to exclude; none is empty.
    pub excluded: Vec<Vec<QueryWord>>,
    /// What the parser closed or left out.
    pub notes: Vec<QueryNote>,
    /// The query as understood, in the order typed: words, `"phrases"` and `-exclusions`.
    understood: Vec<String>,
}

/// Builds a [`Query`] part by part, within the bounds.
#[derive(Default)]
struct Parser {
    q: Query,
    /// Plain words, in order (phrase words of one word join `q.words` in front).
    plain: Vec<QueryWord>,
    dropped: usize,
}

impl Parser {
    fn required(&self) -> usize {
        self.q.words.len() + self.plain.len() + self.q.phrases.iter().map(Vec::len).sum::<usize>()
    }

    /// Adds the plain words of `text`.
    fn plain(&mut self, text: &str) {
        for w in words_of(text, false) {
            if self.required() < MAX_WORDS {
                self.q.understood.push(w.typed.clone());
                self.plain.push(w);
            } else {
                self.dropped += 1;
            }
        }
    }

    /// Adds the words of `text` excluded one by one.
    fn excluded_words(&mut self, text: &str) {
        for w in words_of(text, false) {
            if self.q.excluded.len() < MAX_EXCLUDED {
                self.q.understood.push(format!("-{}", w.typed));
                self.q.excluded.push(vec![w]);
            } else {
                self.dropped += 1;
            }
        }
    }

    /// Adds a quoted part: a phrase, one quoted word, or an excluded phrase.
    fn quoted(&mut self, words: Vec<QueryWord>, negated: bool) {
        let fits = if negated {
            self.q.excluded.len() < MAX_EXCLUDED
        } else if words.len() == 1 {
            self.required() < MAX_WORDS
        } else {
            self.q.phrases.len() < MAX_PHRASES && self.required() + words.len() <= MAX_WORDS
        };
        if !fits {
            self.dropped += 1;
            return;
        }
        let typed: Vec<&str> = words.iter().map(|w| w.typed.as_str()).collect();
        let minus = if negated { "-" } else { "" };
        self.q
            .understood
            .push(format!("{minus}\"{}\"", typed.join(" ")));
        if negated {
            self.q.excluded.push(words);
        } else if words.len() == 1 {
            self.q.words.extend(words);
        } else {
            self.q.phrases.push(words);
        }
    }
}

impl Query {
    /// Parses a query string. Every string is a valid query: an unclosed quote runs to the
    /// end, a minus or quotes with nothing to act on are ignored, and beyond [`MAX_WORDS`],
    /// [`MAX_PHRASES`] and [`MAX_EXCLUDED`] (or [`MAX_QUERY_BYTES`]) the rest is dropped, as
    /// [`Query::notes`] says.
    ///
    /// ```
    /// use nienbieu_model::search::Query;
    /// let q = Query::parse("đảng viên \"ban chấp hành\" -hà nội");
    /// assert_eq!(q.words.len(), 3); // đảng, viên, nội
    /// assert_eq!(q.phrases[0].len(), 3);
    /// assert_eq!(q.excluded[0][0].folded, "ha");
    /// assert!(q.words.last().unwrap().prefix);
    /// assert!(Query::parse("-\"").is_empty());
    /// ```
    pub fn parse(input: &str) -> Query {
        let mut p = Parser::default();
        let mut rest = input;
        if rest.len() > MAX_QUERY_BYTES {
            let mut cut = MAX_QUERY_BYTES;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            rest = &rest[..cut];
            p.q.notes.push(QueryNote::Truncated { dropped: 0 });
        }
        // Plain text since the last quote or exclusion, tokenized at once so that a code
        // written with spaces ("15 - NQ/TU") stays one code.
        let mut bare = String::new();
        let mut last_was_bare = false;
        while let Some(c) = rest.chars().next() {
            if c.is_whitespace() {
                bare.push(' ');
                rest = &rest[c.len_utf8()..];
                last_was_bare = false;
                continue;
            }
            // A minus excludes only what follows it at once; "a - b" and "--" exclude nothing.
            let negated =
                c == '-' && rest[1..].starts_with(|c: char| c == '"' || c.is_alphanumeric());
            let body = if negated { &rest[1..] } else { rest };
            if let Some(inner) = body.strip_prefix('"') {
                p.plain(&std::mem::take(&mut bare));
                let (text, after, closed) = match inner.find('"') {
                    Some(end) => (&inner[..end], &inner[end + 1..], true),
                    None => (inner, "", false),
                };
                rest = after;
                last_was_bare = false;
                let mut words = words_of(text, true);
                if words.is_empty() {
                    continue;
                }
                if !closed {
                    p.q.notes.push(QueryNote::UnclosedQuote);
                    // Still being typed: its last word may be unfinished.
                    if !text.ends_with(char::is_whitespace) {
                        if let Some(w) = words.last_mut() {
                            w.prefix = true;
                        }
                    }
                }
                p.quoted(words, negated);
                continue;
            }
            let end = body
                .find(|c: char| c.is_whitespace() || c == '"')
                .unwrap_or(body.len());
            if negated {
                p.plain(&std::mem::take(&mut bare));
                p.excluded_words(&body[..end]);
                last_was_bare = false;
            } else {
                bare.push_str(&body[..end]);
                last_was_bare = true;
            }
            rest = &body[end..];
        }
        p.plain(&bare);
        if last_was_bare && p.dropped == 0 {
            if let Some(w) = p.plain.last_mut() {
                w.prefix = true;
            }
        }
        let mut q = p.q;
        if p.dropped > 0 {
            match q
                .notes
                .iter_mut()
                .find(|n| matches!(n, QueryNote::Truncated { .. }))
            {
                Some(QueryNote::Truncated { dropped }) => *dropped = p.dropped,
                _ => q.notes.push(QueryNote::Truncated { dropped: p.dropped }),
            }
        }
        // Required phrase words are required words too, in front so they are cheap to check.
        q.words.extend(p.plain);
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

    /// The query as the engine runs it, in the order typed: `đảng "ban chấp hành" -hà`.
    pub fn understood(&self) -> String {
        self.understood.join(" ")
    }

    /// True when the query run differs from `typed` in more than spacing, case and
    /// punctuation: a quote closed, a lone minus or empty quotes ignored, words dropped. The
    /// search bar then shows [`Query::understood`].
    pub fn differs_from(&self, typed: &str) -> bool {
        // Quotes, word characters, and a minus where an exclusion would start.
        let significant = |s: &str| -> String {
            let mut prev = ' ';
            let mut out = String::new();
            for c in s.chars() {
                let minus = c == '-' && prev.is_whitespace();
                if minus || c == '"' || crate::tokenize::is_word_char(c) {
                    out.extend(c.to_lowercase());
                }
                prev = c;
            }
            out
        };
        !self.notes.is_empty() || significant(typed) != significant(&self.understood())
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
    // Where the word as typed starts: a dropped "số" stays in front of its code.
    let mut typed_from = None;
    for (i, t) in tokens.iter().enumerate() {
        let before_code = tokens.get(i + 1).is_some_and(|n| n.kind == TokenKind::Code);
        if t.folded == "so" && before_code {
            typed_from = Some(t.start);
            continue;
        }
        let from = typed_from.take().unwrap_or(t.start);
        out.push(QueryWord::new(
            &t.folded,
            &t.exact,
            &text[from..t.end],
            quoted,
        ));
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
    fn stray_minuses_and_quotes_are_valid_queries() {
        // Regression: `-"` crashed the app (an empty excluded phrase reached the engine).
        for input in [
            "-\"",
            "-\"\"",
            "\"đảng -\" -\"\" - -- \"\"\" viên",
            "\"",
            "-",
            "\"\"\"",
        ] {
            let q = Query::parse(input);
            assert!(q.excluded.iter().all(|e| !e.is_empty()), "{input}");
            assert!(q.phrases.iter().all(|p| p.len() > 1), "{input}");
        }
        assert!(Query::parse("-\"").is_empty());
        let q = Query::parse("\"đảng -\" -\"\" - -- \"\"\" viên");
        assert_eq!(q.understood(), "\"đảng\" \"viên\"");
        assert!(q.differs_from("\"đảng -\" -\"\" - -- \"\"\" viên"));
    }

    #[test]
    fn an_unclosed_quote_is_a_phrase_still_being_typed() {
        let q = Query::parse("\"ban chấp h");
        assert_eq!(folded(&q.phrases[0]), ["ban", "chap", "h"]);
        assert!(q.phrases[0][2].prefix && !q.phrases[0][1].prefix);
        assert_eq!(q.notes, [QueryNote::UnclosedQuote]);
        assert_eq!(q.understood(), "\"ban chấp h\"");
        assert!(!Query::parse("\"ban chấp \"").phrases[0][1].prefix);
    }

    #[test]
    fn the_understood_query_shows_only_when_it_differs() {
        for same in [
            "đảng viên",
            "Hưng Yên, 2024.",
            "số 15 - NQ/TU",
            "Bà Rịa-Vũng Tàu",
            "\"ban chấp hành\" -đang",
        ] {
            assert!(!Query::parse(same).differs_from(same), "{same}");
        }
        for differs in ["a - b", "-\"", "\"ban", "đảng \"\""] {
            assert!(Query::parse(differs).differs_from(differs), "{differs}");
        }
    }

    #[test]
    fn a_pasted_paragraph_is_cut_to_the_bounds() {
        let long = "đảng viên ".repeat(10_000);
        let q = Query::parse(&long);
        assert_eq!(q.words.len(), MAX_WORDS);
        assert!(matches!(q.notes[..], [QueryNote::Truncated { dropped }] if dropped > 0));
        let excl = "-a ".repeat(3000);
        let q = Query::parse(&excl);
        assert_eq!(q.excluded.len(), MAX_EXCLUDED);
        let phrases = "\"a b\" ".repeat(50);
        let q = Query::parse(&phrases);
        assert_eq!(q.phrases.len(), MAX_PHRASES);
        let words: usize = q.words.len() + q.phrases.iter().map(Vec::len).sum::<usize>();
        assert!(words <= MAX_WORDS);
        // Cut inside a multi-byte character, still valid.
        let q = Query::parse(&"ế".repeat(MAX_QUERY_BYTES));
        assert_eq!(q.words.len(), 1);
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
