//! The main content of a page: what is site furniture (navigation, headers, footers,
//! asides, scripts, share and comment blocks), and which element holds the article, chosen
//! as readability does, by the paragraphs of text it holds, then widened to the enclosing
//! `<article>` or `[itemprop=articleBody]`.

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};
use std::collections::{HashMap, HashSet};

/// Elements that never hold article text.
const DROP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
    "textarea", "input", "iframe", "svg", "canvas", "object", "embed", "head", "footer", "dialog",
    "menu", "audio", "video", "map",
];

/// Class or id fragments of site widgets: share bars, comments, related news, ads, menus.
const CLUTTER_NAMES: &[&str] = &[
    "share",
    "social",
    "comment",
    "binhluan",
    "binh-luan",
    "related",
    "lienquan",
    "lien-quan",
    "tinkhac",
    "tin-khac",
    "othernews",
    "other-news",
    "breadcrumb",
    "banner",
    "advert",
    "quangcao",
    "quang-cao",
    "sidebar",
    "widget",
    "rating",
    "toolbar",
    "subscribe",
    "newsletter",
    "popup",
    "cookie",
    "pagination",
    "paging",
    "mostread",
    "most-read",
    "xemnhieu",
    "xem-nhieu",
    "docnhieu",
    "doc-nhieu",
    "keyword",
    "menu",
    "print",
    "tags",
];

/// Whole class or id words of site widgets.
const CLUTTER_WORDS: &[&str] = &["ad", "ads", "tag", "nav", "hidden", "sr-only"];

/// Class or id fragments of article bodies, which readability favours.
const CONTENT_NAMES: &[&str] = &[
    "article", "content", "detail", "entry", "post", "story", "body", "noidung", "noi-dung",
    "chitiet", "chi-tiet", "main", "text",
];

/// Tags whose text is laid out as blocks (a line break before and after).
pub const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "caption",
    "html",
];

/// The tree's furniture and its choice of main content.
pub struct Content {
    /// Roots of dropped subtrees.
    pub dropped: HashSet<NodeId>,
    /// The elements chosen as main content: one, or a block and its siblings that hold
    /// text too (an article split around an inserted box).
    pub main: HashSet<NodeId>,
    /// How it was chosen, for the diagnostic: "<article>", "<div class=\"detail\"> ...".
    pub how: String,
}

#[derive(Default, Clone, Copy)]
struct Stats {
    text: usize,
    links: usize,
    /// Text reached through inline elements only: what the element says itself.
    inline: usize,
    commas: usize,
}

/// Finds the furniture and the main content of `doc`.
pub fn choose(doc: &Html) -> Content {
    let root = doc.tree.root();
    let mut dropped = HashSet::new();
    let mut stats: HashMap<NodeId, Stats> = HashMap::new();
    // Elements outside furniture in the order they close: scores are summed and compared in
    // page order, so that the same page always gives the same choice.
    let mut order: Vec<NodeId> = Vec::new();
    // Post-order sums on an explicit stack: deep nesting must not overflow the call stack.
    let mut acc: Vec<Stats> = Vec::new();
    let mut inside_drop = 0usize;
    let mut in_link = 0usize;
    let mut protected = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(n) => {
                if let Node::Element(e) = n.value() {
                    let name = e.name();
                    if inside_drop == 0 && is_furniture(n, protected) {
                        dropped.insert(n.id());
                    }
                    if dropped.contains(&n.id()) {
                        inside_drop += 1;
                    }
                    in_link += usize::from(name == "a");
                    protected += usize::from(matches!(name, "article" | "main"));
                    acc.push(Stats::default());
                } else if let Node::Text(t) = n.value() {
                    if inside_drop == 0 {
                        if let Some(top) = acc.last_mut() {
                            let len = t.trim().chars().count();
                            top.text += len;
                            top.inline += len;
                            top.commas += t.matches(',').count();
                            if in_link > 0 {
                                top.links += len;
                            }
                        }
                    }
                }
            }
            Edge::Close(n) => {
                let Node::Element(e) = n.value() else {
                    continue;
                };
                let name = e.name();
                let mine = acc.pop().unwrap_or_default();
                let furniture = inside_drop > 0;
                if dropped.contains(&n.id()) {
                    inside_drop -= 1;
                }
                in_link -= usize::from(name == "a");
                protected -= usize::from(matches!(name, "article" | "main"));
                if let Some(parent) = acc.last_mut() {
                    parent.text += mine.text;
                    parent.links += mine.links;
                    if !BLOCK_TAGS.contains(&name) && name != "br" {
                        parent.inline += mine.inline;
                        parent.commas += mine.commas;
                    }
                }
                if !furniture {
                    stats.insert(n.id(), mine);
                    order.push(n.id());
                }
            }
        }
    }
    let scores = score(doc, &stats, &order);
    let density = |id: &NodeId| {
        stats
            .get(id)
            .map_or(1.0, |st| st.links as f64 / st.text.max(1) as f64)
    };
    let final_score = |id: &NodeId| -> Option<f64> {
        let node = doc.tree.get(*id)?;
        let weight = if has_name(node, CONTENT_NAMES) {
            1.25
        } else {
            1.0
        };
        Some(*scores.get(id)? * (1.0 - density(id)) * weight)
    };
    let best = order
        .iter()
        .filter_map(|id| Some((*id, final_score(id)?)))
        // The first of equals wins.
        .fold(None, |best: Option<(NodeId, f64)>, c| match best {
            Some(b) if b.1 >= c.1 => Some(b),
            _ => Some(c),
        });
    let body = doc
        .root_element()
        .children()
        .find(|c| matches!(c.value(), Node::Element(e) if e.name() == "body"))
        .map_or(doc.root_element().id(), |b| b.id());
    let Some((best, best_score)) = best else {
        return Content {
            dropped,
            main: HashSet::from([body]),
            how: "<body>, as no block of text stood out".into(),
        };
    };
    let node = doc.tree.get(best).expect("a scored node is in the tree");
    // Widen to the article that holds the best block, as the page's own markup says.
    let widened = std::iter::once(node)
        .chain(node.ancestors())
        .find(|a| element_is(*a, "article") || itemprop_is(*a, "articleBody"));
    match widened {
        Some(w) => Content {
            dropped,
            main: HashSet::from([w.id()]),
            how: describe(w),
        },
        None => {
            // Readability's siblings: blocks beside the best that hold text of their own.
            let threshold = (best_score * 0.2).max(10.0);
            let siblings: HashSet<NodeId> = node
                .parent()
                .into_iter()
                .flat_map(|p| p.children())
                .filter(|c| c.id() != best && stats.contains_key(&c.id()))
                .filter(|c| {
                    let long_paragraph = element_is(*c, "p")
                        && stats.get(&c.id()).is_some_and(|st| st.inline >= 80)
                        && density(&c.id()) < 0.25;
                    long_paragraph || final_score(&c.id()).is_some_and(|s| s >= threshold)
                })
                .map(|c| c.id())
                .collect();
            let how = match siblings.len() {
                0 => format!("{}, the block with the most text", describe(node)),
                n => format!(
                    "{}, the block with the most text, and {n} sibling block(s) with text",
                    describe(node)
                ),
            };
            let mut main = siblings;
            main.insert(best);
            Content { dropped, main, how }
        }
    }
}

/// Readability's scores: each paragraph (an element that says at least 25 characters
/// itself) gives its container 1 point, 1 per comma and 1 per 100 characters (at most 3),
/// and half of that to the container's parent.
fn score(doc: &Html, stats: &HashMap<NodeId, Stats>, order: &[NodeId]) -> HashMap<NodeId, f64> {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for id in order {
        let (Some(st), Some(node)) = (stats.get(id), doc.tree.get(*id)) else {
            continue;
        };
        if st.inline < 25 {
            continue;
        }
        let points = 1.0 + st.commas as f64 + (st.inline as f64 / 100.0).min(3.0);
        let is_container = matches!(
            node.value(),
            Node::Element(e) if matches!(e.name(), "div" | "td" | "section" | "article" | "main")
        );
        let container = if is_container {
            Some(node)
        } else {
            node.parent()
        };
        if let Some(c) = container.filter(|c| c.value().is_element()) {
            *scores.entry(c.id()).or_default() += points;
            if let Some(g) = c.parent().filter(|g| g.value().is_element()) {
                *scores.entry(g.id()).or_default() += points / 2.0;
            }
        }
    }
    scores
}

/// Site furniture: by tag, by class or id, or hidden. `protected` counts the `<article>` and
/// `<main>` elements around: a header inside them is the article's own (headline, date).
fn is_furniture(n: NodeRef<Node>, protected: usize) -> bool {
    let Node::Element(e) = n.value() else {
        return false;
    };
    let name = e.name();
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    if DROP_TAGS.contains(&name) || (name == "header" && protected == 0) {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if e.attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        s.to_ascii_lowercase().contains("display:none")
    }) {
        return true;
    }
    has_name(n, CLUTTER_NAMES)
        || names_of(n).any(|w| CLUTTER_WORDS.contains(&w.to_ascii_lowercase().as_str()))
}

/// The words of an element's class and id.
fn names_of<'a>(n: NodeRef<'a, Node>) -> impl Iterator<Item = &'a str> {
    let e = n.value().as_element();
    let class = e.and_then(|e| e.attr("class")).unwrap_or("");
    let id = e.and_then(|e| e.attr("id")).unwrap_or("");
    class.split_whitespace().chain(id.split_whitespace())
}

fn has_name(n: NodeRef<Node>, fragments: &[&str]) -> bool {
    names_of(n).any(|w| {
        let w = w.to_ascii_lowercase();
        fragments.iter().any(|f| w.contains(f))
    })
}

fn element_is(n: NodeRef<Node>, tag: &str) -> bool {
    matches!(n.value(), Node::Element(e) if e.name() == tag)
}

fn itemprop_is(n: NodeRef<Node>, prop: &str) -> bool {
    matches!(n.value(), Node::Element(e) if e.attr("itemprop").is_some_and(|p| p.split_whitespace().any(|w| w == prop)))
}

/// `<div class="detail-content">`, `<article>`, `<td>`: an element as a diagnostic names it.
pub fn describe(n: NodeRef<Node>) -> String {
    let Node::Element(e) = n.value() else {
        return "the page".into();
    };
    let mut s = format!("<{}", e.name());
    if let Some(id) = e.attr("id").filter(|v| !v.is_empty()) {
        s += &format!(" id=\"{}\"", short(id));
    } else if let Some(c) = e.attr("class").filter(|v| !v.trim().is_empty()) {
        s += &format!(" class=\"{}\"", short(c.trim()));
    } else if let Some(p) = e.attr("itemprop") {
        s += &format!(" itemprop=\"{}\"", short(p));
    }
    s + ">"
}

fn short(s: &str) -> String {
    s.chars().take(40).collect()
}
