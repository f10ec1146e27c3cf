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
    /// Organisations named in the article, in order of first mention, each by its canonical
    /// name ("UBND TP Hồ Chí Minh" for "UBND TP", "UBND TPHCM", "Ủy ban nhân dân thành phố").
    #[serde(default)]
    pub organizations: Vec<String>,
    /// The other spellings under which each organisation appears in the article, keyed by
    /// canonical name; only organisations written some other way are listed. Search should
    /// find an organisation by any of them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub organization_aliases: BTreeMap<String, Vec<String>>,
    /// The body that held the reported event, by canonical name (one of
    /// [`Article::organizations`]): in "A làm việc với B", B. `None` when the article reports
    /// no event held by a body, or the text does not say which.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organizer: Option<String>,
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Full name, as written ("Lê Quốc Chỉnh"), once per article however often it recurs.
    pub name: String,
    /// Titles as written, in the order given ("Phó Bí thư Thường trực Tỉnh ủy",
    /// "Chủ tịch HĐND tỉnh").
    pub roles: Vec<String>,
    /// The same titles split into the role and the organisation it is held in, the
    /// organisation by its canonical name ("Chủ tịch HĐND tỉnh" in a Hưng Yên article: role
    /// "Chủ tịch", organisation "HĐND tỉnh Hưng Yên").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<Title>,
}

/// One title of a person: a role, and the organisation it is held in when the text says.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Title {
    /// The role: "Phó Chủ tịch", "Bí thư", "Giám đốc".
    pub role: String,
    /// The organisation, by its canonical name: "UBND TP Hồ Chí Minh".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
}

/// A cited document, normalised so that one document cited two ways is one entry.
///
/// Two families of codes: the Party's ("15-NQ/TU": number, kind code, issuer) and the
/// State's ("158/2005/NĐ-CP": number, year, kind code, issuer; "1289/VPCP-NC": number,
/// issuer, unit; "52/2005/QH11": number, year, issuer).
///
/// ```
/// use nienbieu_model::DocumentRef;
/// let d = DocumentRef {
///     kind: "Nghị định".into(),
///     number: "158".into(),
///     code: "NĐ".into(),
///     issuer: "CP".into(),
///     year: Some(2005),
///     issuer_name: Some("Chính phủ".into()),
///     key: "158/2005/NĐ-CP".into(),
///     ..DocumentRef::default()
/// };
/// assert_eq!(d.reference(), "158/2005/NĐ-CP");
/// assert_eq!((d.kind_name(), d.issuer_name(), d.year()), ("Nghị định", "Chính phủ", Some(2005)));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRef {
    /// The kind in words: "Nghị quyết", "Chỉ thị", "Nghị định", "Luật", ...
    pub kind: String,
    /// The number: "15", "158".
    pub number: String,
    /// The kind's code: "NQ", "CT", "NĐ", "QĐ", ...; empty when the code has none
    /// ("1289/VPCP-NC", "52/2005/QH11").
    pub code: String,
    /// The issuer's code: "TW", "TU", "CP", "TTg", "BCA(A11)", "QH11", ...
    pub issuer: String,
    /// The day the document was issued, when the text gives it.
    pub date: Option<Date>,
    /// The year in the code ("158/2005/NĐ-CP": 2005), when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The issuer in words ("Chính phủ", "Thủ tướng Chính phủ", "Bộ Công an"), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer_name: Option<String>,
    /// The canonical key, the same however the code is written ("158/2005/NĐ-CP"); empty
    /// in records written before it existed, where [`DocumentRef::reference`] rebuilds the
    /// Party form.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key: String,
}

impl DocumentRef {
    /// The canonical reference, as in "15-NQ/TU" or "158/2005/NĐ-CP".
    pub fn reference(&self) -> String {
        if self.key.is_empty() {
            format!("{}-{}/{}", self.number, self.code, self.issuer)
        } else {
            self.key.clone()
        }
    }

    /// The kind in words, a facet: "Nghị định".
    pub fn kind_name(&self) -> &str {
        &self.kind
    }

    /// The issuer in words where known, otherwise its code, a facet: "Chính phủ".
    pub fn issuer_name(&self) -> &str {
        self.issuer_name.as_deref().unwrap_or(&self.issuer)
    }

    /// The year the document was issued: the year in its code, or else of its date; a facet.
    pub fn year(&self) -> Option<i32> {
        self.year.or(self.date.map(|d| d.year()))
    }
}

/// A key figure from an article: what is measured, of whom, when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The metric: `members_admitted`, `party_members`, `party_organizations`,
    /// `disciplined`, `votes`, `delegates`, `budget` or `targets_met` (see
    /// [`Figure::METRICS`]).
    pub kind: String,
    /// The number; for `targets_met` the targets met.
    pub value: f64,
    /// For `targets_met`, the number of targets; for votes given as "45/50", the voters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<f64>,
    /// The unit: "đảng viên", "tổ chức cơ sở đảng", "%", "phiếu", "đại biểu", "tỷ đồng",
    /// "chỉ tiêu", ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The organisation (canonical name) or province the figure is about, when the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The period it covers, as written: "năm 2023", "6 tháng đầu năm", "nhiệm kỳ 2020-2025".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The figure as written ("kết nạp 269 đảng viên").
    pub text: String,
    /// The sentence it comes from.
    pub sentence: String,
}

impl Figure {
    /// Every metric code, in display order, with its Vietnamese and English names.
    pub const METRICS: [(&'static str, &'static str, &'static str); 9] = [
        ("members_admitted", "Kết nạp đảng viên", "Members admitted"),
        ("party_members", "Số đảng viên", "Party members"),
        ("party_organizations", "Tổ chức đảng", "Party organisations"),
        (
            "members_rated",
            "Xếp loại, hoàn thành nhiệm vụ",
            "Members or bodies rated",
        ),
        ("disciplined", "Kỷ luật", "Disciplined"),
        ("votes", "Phiếu bầu", "Votes"),
        ("delegates", "Đại biểu", "Delegates"),
        ("budget", "Kinh phí", "Budget"),
        ("targets_met", "Chỉ tiêu đạt", "Targets met"),
    ];

    /// The metric's name in Vietnamese, or its code when unknown.
    pub fn metric_name(&self) -> &str {
        Figure::METRICS
            .iter()
            .find(|(c, _, _)| *c == self.kind)
            .map_or(self.kind.as_str(), |(_, vi, _)| vi)
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
            event_date: None,
            event_end: None,
            event_kind: EventKind::Other,
            provinces: vec![],
            organizations: vec![],
            organization_aliases: BTreeMap::new(),
            organizer: None,
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

    /// Records written before the new fields existed still read, and give the same reference.
    #[test]
    fn older_records_read_with_the_new_fields_empty() {
        let old = r#"{"id":"a","source":"a.txt","title":null,"published":null,
            "published_precision":null,"event_date":null,"byline":null,
            "people":[{"name":"Lê Văn A","roles":["Bí thư Tỉnh ủy"]}],
            "documents":[{"kind":"Nghị quyết","number":"15","code":"NQ","issuer":"TU","date":null}],
            "figures":[{"kind":"party_members","value":8500.0,"text":"8.500 đảng viên","sentence":"."}]}"#;
        let a: Article = serde_json::from_str(old).unwrap();
        assert_eq!(a.organizer, None);
        assert!(a.organization_aliases.is_empty() && a.people[0].titles.is_empty());
        assert_eq!(a.documents[0].reference(), "15-NQ/TU");
        assert_eq!(a.documents[0].issuer_name(), "TU");
        assert_eq!(a.figures[0].unit, None);
        assert_eq!(a.figures[0].metric_name(), "Số đảng viên");
    }
}
