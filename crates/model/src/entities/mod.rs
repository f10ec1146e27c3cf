//! Documents, people, organisations and figures as views of their own, aggregated at ingest
//! from every article and published as four files beside the layers, each loaded only when
//! its view opens. Articles are named by document number (see [`crate::dataset`]); dates,
//! titles and text come from the core and the article files, so these files hold only what
//! ties articles together.

mod people;
pub mod views;

use crate::article::Article;
use crate::dataset::DatasetError;
use crate::time::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

pub use people::Certainty;

/// How many companions (documents cited together, people seen together) an entry keeps.
pub const TOP_WITH: usize = 10;

/// A cited document and the articles citing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentEntry {
    /// The canonical code: "15-NQ/TU", "158/2005/NĐ-CP".
    pub key: String,
    /// The kind in words: "Nghị quyết".
    pub kind: String,
    /// The issuer in words where known, else its code: "Chính phủ", "TU".
    pub issuer: String,
    /// The year in its code, or of its date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The day it was issued, when an article says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The articles citing it, in document order (newest first).
    pub citing: Vec<u32>,
    /// The documents most often cited in the same articles: (entry, articles).
    #[serde(default)]
    pub with: Vec<(u32, u32)>,
}

/// A title a person is given, and the articles giving it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TitleSpan {
    /// The role: "Phó Chủ tịch".
    pub role: String,
    /// The organisation it is held in, when the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// The articles, in document order (newest first).
    pub docs: Vec<u32>,
}

/// A person as the press names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonEntry {
    /// The name as written.
    pub name: String,
    /// What tells this person apart from another of the same name (a province), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// How sure the grouping of these mentions into one person is.
    pub certainty: Certainty,
    /// Titles, most seen first.
    pub titles: Vec<TitleSpan>,
    /// Organisations seen in their articles' titles, with counts, most first.
    pub organizations: Vec<(String, u32)>,
    /// Provinces of their articles, with counts, most first.
    pub provinces: Vec<(String, u32)>,
    /// The people most often in the same articles: (entry, articles).
    pub with: Vec<(u32, u32)>,
    /// Every article naming them, in document order.
    pub docs: Vec<u32>,
}

impl PersonEntry {
    /// The key in links: the name, and the context when there is one ("Lê Văn A|Hưng Yên").
    pub fn key(&self) -> String {
        match &self.context {
            Some(c) => format!("{}|{c}", self.name),
            None => self.name.clone(),
        }
    }
}

/// An organisation: its articles, the events it held, the people in its posts, its figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationEntry {
    /// The canonical name.
    pub name: String,
    /// Other spellings seen in the articles.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Articles naming it, in document order.
    pub docs: Vec<u32>,
    /// Articles reporting an event it held, by event kind code, each in document order.
    pub events: Vec<(String, Vec<u32>)>,
    /// People seen holding a post in it: (person entry, role, articles), most seen first.
    pub people: Vec<(u32, String, u32)>,
    /// Its figures: indices into [`FiguresFile::points`].
    pub figures: Vec<u32>,
}

/// One figure an article reports about a subject.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigurePoint {
    /// The metric code (see [`crate::Figure::METRICS`]).
    pub metric: String,
    /// The number.
    pub value: f64,
    /// For a share, of how many ("29/29 chỉ tiêu").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<f64>,
    /// The unit as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The organisation or province it is about.
    pub subject: String,
    /// The province of the subject: itself, or the one its name or its article gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// The period as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The year it counts for: the period's, else the article's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The article.
    pub doc: u32,
    /// The figure as written.
    pub text: String,
    /// The sentence it comes from.
    pub sentence: String,
}

/// The documents view's file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentsFile {
    /// Every cited document, most cited first.
    pub documents: Vec<DocumentEntry>,
}

/// The people view's file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleFile {
    /// Every person, most seen first.
    pub people: Vec<PersonEntry>,
}

/// The organisations view's file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationsFile {
    /// Every organisation, most seen first.
    pub organizations: Vec<OrganizationEntry>,
}

/// The figures view's file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FiguresFile {
    /// Every figure with a subject, in document order.
    pub points: Vec<FigurePoint>,
    /// Figures left out for want of a subject, by metric.
    pub left_out: Vec<(String, u32)>,
}

/// Decodes one of the view files.
pub fn decode<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, DatasetError> {
    serde_json::from_str(text).map_err(|e| DatasetError::Malformed(e.to_string()))
}

/// The four view files of a dataset.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entities {
    /// Cited documents.
    pub documents: DocumentsFile,
    /// People.
    pub people: PeopleFile,
    /// Organisations.
    pub organizations: OrganizationsFile,
    /// Figures.
    pub figures: FiguresFile,
}

/// Counts `items` and keeps the `top` most frequent, ties in first-seen order.
fn most<K: Clone + Eq + std::hash::Hash + Ord>(
    items: impl IntoIterator<Item = K>,
    top: usize,
) -> Vec<(K, u32)> {
    let mut counts: BTreeMap<K, u32> = BTreeMap::new();
    for k in items {
        *counts.entry(k).or_default() += 1;
    }
    let mut v: Vec<(K, u32)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(top);
    v
}

/// Pairs of entries met in the same article: for each entry, its `TOP_WITH` companions.
fn companions(per_doc: &[Vec<u32>], n: usize) -> Vec<Vec<(u32, u32)>> {
    let mut pairs: Vec<HashMap<u32, u32>> = vec![HashMap::new(); n];
    for entries in per_doc {
        for &a in entries {
            for &b in entries {
                if a != b {
                    *pairs[a as usize].entry(b).or_default() += 1;
                }
            }
        }
    }
    pairs
        .into_iter()
        .map(|m| {
            let mut v: Vec<(u32, u32)> = m.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            v.truncate(TOP_WITH);
            v
        })
        .collect()
}

/// The first year written in `period` ("năm 2023", "nhiệm kỳ 2020-2025": 2020), if any.
fn year_of(period: &str) -> Option<i32> {
    let b = period.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let digits = &b[i..i + 4];
        let edge = |j: usize| b.get(j).is_none_or(|c| !c.is_ascii_digit());
        (digits.iter().all(u8::is_ascii_digit) && (i == 0 || edge(i - 1)) && edge(i + 4))
            .then(|| period[i..i + 4].parse().ok())
            .flatten()
            .filter(|y| (1900..=2100).contains(y))
    })
}

impl Entities {
    /// Aggregates the articles of a dataset, given in document order, with each one's
    /// effective year.
    pub fn build(docs: &[&Article], year: impl Fn(u32) -> Option<i32>) -> Entities {
        // Documents.
        let mut doc_index: HashMap<String, u32> = HashMap::new();
        let mut documents: Vec<DocumentEntry> = Vec::new();
        let mut cited_in: Vec<Vec<u32>> = Vec::with_capacity(docs.len());
        for (d, a) in docs.iter().enumerate() {
            let mut here = Vec::new();
            for r in &a.documents {
                let key = r.reference();
                let i = *doc_index.entry(key.clone()).or_insert_with(|| {
                    documents.push(DocumentEntry {
                        key,
                        kind: r.kind_name().to_string(),
                        issuer: r.issuer_name().to_string(),
                        year: r.year(),
                        date: r.date,
                        citing: Vec::new(),
                        with: Vec::new(),
                    });
                    (documents.len() - 1) as u32
                });
                let e = &mut documents[i as usize];
                e.date = e.date.or(r.date);
                e.year = e.year.or(r.year());
                if e.citing.last() != Some(&(d as u32)) {
                    e.citing.push(d as u32);
                    here.push(i);
                }
            }
            cited_in.push(here);
        }
        let with = companions(&cited_in, documents.len());
        for (e, w) in documents.iter_mut().zip(with) {
            e.with = w;
        }
        let documents = reorder(
            documents,
            |e| e.citing.len(),
            |e, map| {
                for w in &mut e.with {
                    w.0 = map[w.0 as usize];
                }
            },
        );

        // People, then organisations (which name the people in their posts).
        let people = people::build(docs);
        let person_of: HashMap<(u32, String), u32> = people
            .people
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.docs.iter().map(move |&d| ((d, p.name.clone()), i as u32)))
            .collect();

        // Figures.
        let mut points = Vec::new();
        let mut left: BTreeMap<String, u32> = BTreeMap::new();
        for (d, a) in docs.iter().enumerate() {
            for f in &a.figures {
                let Some(subject) = f.subject.clone() else {
                    *left.entry(f.kind.clone()).or_default() += 1;
                    continue;
                };
                let province = if a.provinces.contains(&subject) {
                    Some(subject.clone())
                } else {
                    a.provinces
                        .iter()
                        .find(|p| subject.contains(p.as_str()))
                        .or(a.provinces.first())
                        .cloned()
                };
                points.push(FigurePoint {
                    metric: f.kind.clone(),
                    value: f.value,
                    of: f.of,
                    unit: f.unit.clone(),
                    province,
                    year: f.period.as_deref().and_then(year_of).or(year(d as u32)),
                    period: f.period.clone(),
                    subject,
                    doc: d as u32,
                    text: f.text.clone(),
                    sentence: f.sentence.clone(),
                });
            }
        }

        let mut org_index: HashMap<String, u32> = HashMap::new();
        let mut orgs: Vec<OrganizationEntry> = Vec::new();
        let mut org = |name: &str, orgs: &mut Vec<OrganizationEntry>| -> usize {
            *org_index.entry(name.to_string()).or_insert_with(|| {
                orgs.push(OrganizationEntry {
                    name: name.to_string(),
                    aliases: Vec::new(),
                    docs: Vec::new(),
                    events: Vec::new(),
                    people: Vec::new(),
                    figures: Vec::new(),
                });
                (orgs.len() - 1) as u32
            }) as usize
        };
        let mut posts: Vec<BTreeMap<(u32, String), u32>> = Vec::new();
        for (d, a) in docs.iter().enumerate() {
            let d = d as u32;
            for name in &a.organizations {
                let i = org(name, &mut orgs);
                if orgs[i].docs.last() != Some(&d) {
                    orgs[i].docs.push(d);
                }
                for alias in a.organization_aliases.get(name).into_iter().flatten() {
                    if alias != name && !orgs[i].aliases.contains(alias) {
                        orgs[i].aliases.push(alias.clone());
                    }
                }
            }
            if let Some(name) = &a.organizer {
                let i = org(name, &mut orgs);
                let kind = a.event_kind.code().to_string();
                match orgs[i].events.iter_mut().find(|(k, _)| *k == kind) {
                    Some((_, ds)) => ds.push(d),
                    None => orgs[i].events.push((kind, vec![d])),
                }
            }
            for p in &a.people {
                let Some(&who) = person_of.get(&(d, p.name.clone())) else {
                    continue;
                };
                for t in &p.titles {
                    if let Some(o) = &t.organization {
                        let i = org(o, &mut orgs);
                        posts.resize(orgs.len(), BTreeMap::new());
                        *posts[i].entry((who, t.role.clone())).or_default() += 1;
                    }
                }
            }
        }
        posts.resize(orgs.len(), BTreeMap::new());
        for (i, p) in points.iter().enumerate() {
            if let Some(&o) = org_index.get(&p.subject) {
                orgs[o as usize].figures.push(i as u32);
            }
        }
        for (o, held) in orgs.iter_mut().zip(posts) {
            let mut v: Vec<(u32, String, u32)> = held
                .into_iter()
                .map(|((who, role), n)| (who, role, n))
                .collect();
            v.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
            o.people = v;
            o.events.sort();
        }
        // Most seen first: articles naming it, then events held.
        let organizations = reorder(
            orgs,
            |o| o.docs.len().max(o.events.iter().map(|e| e.1.len()).sum()),
            |_, _| {},
        );

        Entities {
            documents: DocumentsFile { documents },
            people,
            organizations: OrganizationsFile { organizations },
            figures: FiguresFile {
                points,
                left_out: left.into_iter().collect(),
            },
        }
    }

    /// The four files as JSON: documents, people, organisations, figures.
    pub fn encode(&self) -> [Vec<u8>; 4] {
        let json = |v: &dyn erased::Json| v.to_vec();
        [
            json(&self.documents),
            json(&self.people),
            json(&self.organizations),
            json(&self.figures),
        ]
    }
}

/// Sorts entries by `weight` (heaviest first, ties in their order) and renumbers what
/// `fix` points at through the map from old to new places.
fn reorder<T>(v: Vec<T>, weight: impl Fn(&T) -> usize, fix: impl Fn(&mut T, &[u32])) -> Vec<T> {
    let mut order: Vec<usize> = (0..v.len()).collect();
    order.sort_by(|&a, &b| weight(&v[b]).cmp(&weight(&v[a])).then(a.cmp(&b)));
    let mut map = vec![0u32; v.len()];
    for (new, &old) in order.iter().enumerate() {
        map[old] = new as u32;
    }
    let mut slots: Vec<Option<T>> = v.into_iter().map(Some).collect();
    order
        .iter()
        .map(|&old| {
            let mut e = slots[old].take().expect("each entry once");
            fix(&mut e, &map);
            e
        })
        .collect()
}

mod erased {
    //! JSON encoding of the four file types through one function each.
    pub trait Json {
        fn to_vec(&self) -> Vec<u8>;
    }
    impl<T: serde::Serialize> Json for T {
        fn to_vec(&self) -> Vec<u8> {
            serde_json::to_vec(self).expect("view files serialise")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{DocumentRef, EventKind, Figure, Person, Title};

    fn person(name: &str, role: &str, org: Option<&str>) -> Person {
        Person {
            name: name.into(),
            roles: vec![role.into()],
            titles: vec![Title {
                role: role.into(),
                organization: org.map(str::to_string),
            }],
        }
    }

    fn doc(key: &str) -> DocumentRef {
        DocumentRef {
            kind: "Nghị quyết".into(),
            key: key.into(),
            ..DocumentRef::default()
        }
    }

    #[test]
    fn documents_people_organisations_and_figures_aggregate() {
        let mut articles = Vec::new();
        for i in 0..6 {
            let mut a = Article {
                id: format!("a{i}"),
                provinces: vec!["Hưng Yên".into()],
                organizations: vec!["Tỉnh ủy Hưng Yên".into()],
                organizer: Some("Tỉnh ủy Hưng Yên".into()),
                event_kind: if i % 2 == 0 {
                    EventKind::YearReview
                } else {
                    EventKind::Conference
                },
                documents: vec![doc("15-NQ/TU")],
                ..Article::default()
            };
            if i < 3 {
                a.documents.push(doc("02-CT/TW"));
            }
            // The same name in another province's posts: another person.
            let org = if i == 5 {
                "UBND tỉnh Nam Định"
            } else {
                "Tỉnh ủy Hưng Yên"
            };
            if i == 5 {
                a.provinces.push("Nam Định".into());
            }
            a.people.push(person(
                "Nguyễn Văn A",
                if i < 2 { "Phó Bí thư" } else { "Bí thư" },
                Some(org),
            ));
            a.people.push(person("Trần Thị B", "Chủ tịch", None));
            a.figures.push(Figure {
                kind: "members_admitted".into(),
                value: 100.0 + i as f64,
                of: None,
                unit: Some("đảng viên".into()),
                subject: Some("Tỉnh ủy Hưng Yên".into()),
                period: Some(format!("năm {}", 2020 + i)),
                text: "kết nạp".into(),
                sentence: "Kết nạp.".into(),
            });
            a.figures.push(Figure {
                kind: "party_members".into(),
                value: 5.0,
                of: None,
                unit: None,
                subject: None,
                period: None,
                text: "5".into(),
                sentence: "5.".into(),
            });
            articles.push(a);
        }
        let refs: Vec<&Article> = articles.iter().collect();
        let e = Entities::build(&refs, |d| Some(2024 - d as i32));

        let d = &e.documents.documents;
        assert_eq!(d[0].key, "15-NQ/TU");
        assert_eq!(d[0].citing, [0, 1, 2, 3, 4, 5]);
        assert_eq!(d[0].with, [(1, 3)], "cited three times beside 02-CT/TW");
        assert_eq!(d[1].with, [(0, 3)]);

        let p = &e.people.people;
        let a_hy = p
            .iter()
            .find(|x| x.name == "Nguyễn Văn A" && x.context.as_deref() == Some("Hưng Yên"))
            .unwrap();
        assert_eq!(a_hy.certainty, Certainty::Apart);
        assert_eq!(a_hy.docs, [0, 1, 2, 3, 4]);
        let titles: Vec<(&str, &[u32])> = a_hy
            .titles
            .iter()
            .map(|t| (t.role.as_str(), t.docs.as_slice()))
            .collect();
        assert_eq!(
            titles,
            [("Bí thư", &[2, 3, 4][..]), ("Phó Bí thư", &[0, 1][..])]
        );
        let a_nd = p
            .iter()
            .find(|x| x.context.as_deref() == Some("Nam Định"))
            .unwrap();
        assert_eq!(
            (a_nd.docs.as_slice(), a_nd.certainty),
            (&[5][..], Certainty::Apart)
        );
        let b = p.iter().find(|x| x.name == "Trần Thị B").unwrap();
        assert_eq!(
            (b.certainty, b.docs.len(), b.context.as_deref()),
            (Certainty::Sure, 6, None)
        );
        assert_eq!(p[0].key(), "Trần Thị B", "most seen first");

        let o = &e.organizations.organizations[0];
        assert_eq!(o.name, "Tỉnh ủy Hưng Yên");
        assert_eq!(
            o.events,
            [
                ("conference".to_string(), vec![1, 3, 5]),
                ("year_review".to_string(), vec![0, 2, 4])
            ]
        );
        let a_index = p.iter().position(|x| std::ptr::eq(x, a_hy)).unwrap() as u32;
        assert_eq!(o.people[0], (a_index, "Bí thư".to_string(), 3));
        assert_eq!(o.figures.len(), 6);

        let f = &e.figures;
        assert_eq!(f.points.len(), 6);
        assert_eq!(f.points[3].year, Some(2023), "the period's year");
        assert_eq!(f.points[0].province.as_deref(), Some("Hưng Yên"));
        assert_eq!(f.left_out, [("party_members".to_string(), 6)]);

        for (text, file) in e.encode().iter().zip(["d", "p", "o", "f"]) {
            let s = std::str::from_utf8(text).unwrap();
            match file {
                "d" => assert_eq!(decode::<DocumentsFile>(s).unwrap(), e.documents),
                "p" => assert_eq!(decode::<PeopleFile>(s).unwrap(), e.people),
                "o" => assert_eq!(decode::<OrganizationsFile>(s).unwrap(), e.organizations),
                _ => assert_eq!(decode::<FiguresFile>(s).unwrap(), e.figures),
            }
        }
    }

    #[test]
    fn years_of_periods() {
        assert_eq!(year_of("năm 2023"), Some(2023));
        assert_eq!(year_of("nhiệm kỳ 2020-2025"), Some(2020));
        assert_eq!(year_of("6 tháng đầu năm"), None);
        assert_eq!(year_of("12345"), None);
    }
}
