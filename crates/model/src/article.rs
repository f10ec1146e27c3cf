//! The article record: what ingest extracts from one page and what the app shows.

use crate::time::{Precision, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One news article, cleaned and structured.
///
/// Every field that a page may lack is optional or empty: the parser never invents a title or a
/// date. What it removed or could not find is listed in [`Article::diagnostics`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier: the file stem of a raw page, or the `id` of a JSON Lines record.
    pub id: String,
    /// Where the article came from: the input file path, or the record id with its file.
    pub source: String,
    /// The headline, or `None` when the page has no recognisable one.
    pub title: Option<String>,
    /// Publication date-time in Vietnam's time zone.
    pub published: Option<Timestamp>,
    /// How much of [`Article::published`] the page gave; `None` exactly when `published` is.
    pub published_precision: Option<Precision>,
    /// Clean body paragraphs, in page order.
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// Source metadata carried over from the input record, such as `outlet` and `topic_vi`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub meta: BTreeMap<String, String>,
    /// What the parser removed, guessed or could not find, so a user can see why.
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
}

impl Article {
    /// The publication date formatted for a Vietnamese reader, at the precision the page gave.
    pub fn published_vietnamese(&self) -> Option<String> {
        let p = self.published_precision.unwrap_or(Precision::Day);
        self.published.map(|t| t.to_vietnamese(p))
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something was cleaned away as expected (site clutter).
    Info,
    /// Something the reader should know: a missing title or date, a guess.
    Warning,
}

/// One note from the parser about an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// A stable machine-readable code, such as `clutter.view_counter` or `date.missing`.
    pub code: String,
    /// A human-readable explanation, quoting the text concerned where there is one.
    pub message: String,
}

/// Orders articles newest first; undated articles come last; ties break on the id so the
/// order is total and stable.
pub fn newest_first(a: &Article, b: &Article) -> std::cmp::Ordering {
    match (a.published, b.published) {
        (Some(x), Some(y)) => y.cmp(&x).then_with(|| a.id.cmp(&b.id)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.id.cmp(&b.id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Date;

    fn article(id: &str, published: Option<(i32, u32, u32)>) -> Article {
        Article {
            id: id.into(),
            source: format!("{id}.txt"),
            title: None,
            published: published.map(|(y, m, d)| Timestamp::start_of(Date::new(y, m, d).unwrap())),
            published_precision: published.map(|_| Precision::Day),
            paragraphs: vec![],
            meta: BTreeMap::new(),
            diagnostics: vec![],
        }
    }

    #[test]
    fn newest_first_puts_undated_last_and_breaks_ties_by_id() {
        let mut v = [
            article("c", None),
            article("b", Some((2023, 1, 1))),
            article("a", Some((2024, 1, 1))),
            article("d", Some((2023, 1, 1))),
        ];
        v.sort_by(newest_first);
        let ids: Vec<_> = v.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "d", "c"]);
    }
}
