//! A page as lines of text: each block element (paragraph, heading, list item, cell) is a
//! line, `<br>` breaks one, furniture is left out, and each line knows what it is (headline,
//! caption, author) and whether it lies in the main content.

use super::content::{Content, BLOCK_TAGS};
use crate::text::clean_line;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// What a line is, by the element it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Ordinary text: a paragraph, a sub-heading, a list item, a date line.
    Text,
    /// An `<h1>`.
    Headline,
    /// A `<figcaption>`, or (`figcaption: false`) an element whose class says caption.
    Caption {
        /// From a `<figcaption>`.
        figcaption: bool,
    },
    /// An element whose class, id, `rel` or `itemprop` says author or byline.
    Author,
}

/// One line of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The cleaned text (single spaces, trimmed, never empty).
    pub text: String,
    /// What it is.
    pub kind: Kind,
    /// Whether it lies in the main content.
    pub in_main: bool,
}

/// A `<time datetime>` of the main content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Time {
    /// The `datetime` attribute.
    pub datetime: String,
    /// Marked as the publication time (`pubdate`, `itemprop="datePublished"`, a class with
    /// "publish").
    pub published: bool,
}

/// What the page's body says, line by line.
pub struct Lines {
    /// Lines of text, in page order.
    pub blocks: Vec<Block>,
    /// The main content's `<time datetime>`s.
    pub times: Vec<Time>,
    /// The text of elements marked as the author, in the main content (inline ones too:
    /// `<span class="author">`).
    pub authors: Vec<String>,
}

/// Lines of text of the page's body, in page order, the main content's `<time>`s and the
/// elements marked as its author.
pub fn lines(doc: &Html, content: &Content) -> Lines {
    let mut out = Vec::new();
    let mut times = Vec::new();
    let mut authors = Vec::new();
    let mut line = String::new();
    let mut kinds: Vec<(ego_tree::NodeId, Kind)> = Vec::new();
    let mut skipping: Option<ego_tree::NodeId> = None;
    let mut main_depth = 0usize;
    let flush = |line: &mut String,
                 kinds: &[(ego_tree::NodeId, Kind)],
                 main: bool,
                 out: &mut Vec<Block>| {
        let text = clean_line(line);
        line.clear();
        if !text.is_empty() {
            out.push(Block {
                text,
                kind: kinds.last().map_or(Kind::Text, |k| k.1),
                in_main: main,
            });
        }
    };
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(n) => {
                if skipping.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Element(e) => {
                        if content.dropped.contains(&n.id()) {
                            skipping = Some(n.id());
                            continue;
                        }
                        let name = e.name();
                        if BLOCK_TAGS.contains(&name) || name == "br" {
                            flush(&mut line, &kinds, main_depth > 0, &mut out);
                        }
                        if content.main.contains(&n.id()) {
                            main_depth += 1;
                        }
                        if let Some(k) = kind_of(e) {
                            kinds.push((n.id(), k));
                        }
                        if name == "time" && main_depth > 0 {
                            if let Some(dt) = e.attr("datetime") {
                                let published = e.attr("pubdate").is_some()
                                    || e.attr("itemprop") == Some("datePublished")
                                    || e.attr("class").is_some_and(|c| c.contains("publish"));
                                times.push(Time {
                                    datetime: dt.trim().to_string(),
                                    published,
                                });
                            }
                        }
                    }
                    // Text nodes side by side join as the browser shows them.
                    Node::Text(t) => line.push_str(t),
                    _ => {}
                }
            }
            Edge::Close(n) => {
                if skipping == Some(n.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() {
                    continue;
                }
                let Node::Element(e) = n.value() else {
                    continue;
                };
                if BLOCK_TAGS.contains(&e.name()) {
                    flush(&mut line, &kinds, main_depth > 0, &mut out);
                }
                if kinds.last().is_some_and(|k| k.0 == n.id()) {
                    let (_, kind) = kinds.pop().expect("checked");
                    // The outermost author element only: each node's text is read once.
                    let outermost = !kinds.iter().any(|k| k.1 == Kind::Author);
                    if kind == Kind::Author && outermost && main_depth > 0 {
                        let text: String = scraper::ElementRef::wrap(n)
                            .map(|e| e.text().flat_map(str::chars).take(200).collect())
                            .unwrap_or_default();
                        let text = clean_line(&text);
                        if !text.is_empty() {
                            authors.push(text);
                        }
                    }
                }
                if content.main.contains(&n.id()) {
                    main_depth -= 1;
                }
            }
        }
    }
    flush(&mut line, &kinds, main_depth > 0, &mut out);
    Lines {
        blocks: out,
        times,
        authors,
    }
}

fn kind_of(e: &scraper::node::Element) -> Option<Kind> {
    let name = e.name();
    if name == "h1" {
        return Some(Kind::Headline);
    }
    if name == "figcaption" {
        return Some(Kind::Caption { figcaption: true });
    }
    let words = || {
        ["class", "id", "rel", "itemprop"]
            .into_iter()
            .filter_map(|a| e.attr(a))
            .flat_map(str::split_whitespace)
            .map(str::to_ascii_lowercase)
    };
    if words().any(|w| w.contains("caption")) {
        return Some(Kind::Caption { figcaption: false });
    }
    if words().any(|w| w.contains("author") || w.contains("byline") || w == "tacgia") {
        return Some(Kind::Author);
    }
    None
}
