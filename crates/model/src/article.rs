//! The article record: what ingest extracts from one page and what the app shows.

use crate::time::{Date, Precision, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One news article, cleaned and structured.
///
/// Every field that a page may lack is optional or empty: the parser never invents a title or a
/// date. What it removed or could not find is listed in [`Article::diagnostics`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
    /// The day the reported event happened, read from the body.
    pub event_date: Option<Date>,
    /// The last day of an event that spans several days ("từ ngày 11 đến 14/10/2015").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_end: Option<Date>,
    /// What kind of event the article reports.
    #[serde(default)]
    pub event_kind: EventKind,
    /// Provinces and centrally governed cities named in the article, most mentioned first.
    #[serde(default)]
    pub provinces: Vec<String>,
    /// Organisations named in the article, in order of first mention.
    #[serde(default)]
    pub organizations: Vec<String>,
    /// People named with their titles, in order of first mention.
    #[serde(default)]
    pub people: Vec<Person>,
    /// Documents cited (resolutions, directives, ...), normalised and deduplicated.
    #[serde(default)]
    pub documents: Vec<DocumentRef>,
    /// Key figures with the sentence each comes from.
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// The author line, without prefixes such as "T/h:".
    pub byline: Option<String>,
    /// Photo captions, kept apart from the paragraphs.
    #[serde(default)]
    pub captions: Vec<String>,
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

/// The kind of event an article reports.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A year-end review (tổng kết năm).
    YearReview,
    /// A six-month or other interim review (sơ kết).
    MidyearReview,
    /// A leader's working visit or session (làm việc với).
    WorkingVisit,
    /// A congress (đại hội).
    Congress,
    /// Any other conference (hội nghị).
    Conference,
    /// Admission of new Party members (kết nạp đảng viên).
    Admission,
    /// Anything else.
    #[default]
    Other,
}

impl EventKind {
    /// Every kind, in display order.
    pub const ALL: [EventKind; 7] = [
        EventKind::YearReview,
        EventKind::MidyearReview,
        EventKind::WorkingVisit,
        EventKind::Congress,
        EventKind::Conference,
        EventKind::Admission,
        EventKind::Other,
    ];

    /// The stable snake_case code, as serialised.
    pub fn code(self) -> &'static str {
        match self {
            EventKind::YearReview => "year_review",
            EventKind::MidyearReview => "midyear_review",
            EventKind::WorkingVisit => "working_visit",
            EventKind::Congress => "congress",
            EventKind::Conference => "conference",
            EventKind::Admission => "admission",
            EventKind::Other => "other",
        }
    }

    /// The kind with code `code`.
    pub fn from_code(code: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A person named in an article, with the titles given there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Full name, as written ("Lê Quốc Chỉnh").
    pub name: String,
    /// Titles, in the order given ("Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh").
    pub roles: Vec<String>,
}

/// A cited document, normalised so that one document cited two ways is one entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRef {
    /// The kind in words: "Nghị quyết", "Chỉ thị", "Đề án", ...
    pub kind: String,
    /// The number: "15".
    pub number: String,
    /// The kind's code: "NQ", "CT", "ĐA", ...
    pub code: String,
    /// The issuer's code: "TW", "TU", "ĐUK", "BTCTW", ...
    pub issuer: String,
    /// The date of the document, when cited.
    pub date: Option<Date>,
}

impl DocumentRef {
    /// The canonical reference, as in "15-NQ/TU".
    pub fn reference(&self) -> String {
        format!("{}-{}/{}", self.number, self.code, self.issuer)
    }
}

/// A key figure from an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// What is counted: `members_admitted`, `grassroots_organizations`, `party_members`,
    /// `targets_met` or `percentage`.
    pub kind: String,
    /// The number; for `targets_met` the targets met.
    pub value: f64,
    /// For `targets_met`, the number of targets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<f64>,
    /// The figure as written ("kết nạp 269 đảng viên").
    pub text: String,
    /// The sentence it comes from.
    pub sentence: String,
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
            event_date: None,
            event_end: None,
            event_kind: EventKind::Other,
            provinces: vec![],
            organizations: vec![],
            people: vec![],
            documents: vec![],
            figures: vec![],
            byline: None,
            captions: vec![],
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
