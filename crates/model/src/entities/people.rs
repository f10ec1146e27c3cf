//! People as the press names them: one entry per name, split into several where the titles
//! place namesakes in different provinces ("Chủ tịch UBND tỉnh Hưng Yên" and "Bí thư Tỉnh ủy
//! Nam Định"), with how sure the grouping is. A name seen in many provinces' articles but
//! always with national titles (a minister on visits) stays one person.

use super::{companions, most, PeopleFile, PersonEntry, TitleSpan};
use crate::article::{Article, Person};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// How sure the grouping of mentions into one person is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// No other person of this name was seen: every mention is theirs.
    Sure,
    /// Namesakes hold posts in other provinces; these mentions place them in this one.
    Apart,
    /// Namesakes hold posts in other provinces, and some of these articles do not say where:
    /// those were given to the person seen most often.
    Likely,
}

/// The province a person's titles place them in: the first title whose organisation names
/// one of the article's provinces.
fn title_province(p: &Person, provinces: &[String]) -> Option<String> {
    p.titles.iter().find_map(|t| {
        let o = t.organization.as_deref()?;
        provinces.iter().find(|pr| o.contains(pr.as_str())).cloned()
    })
}

/// One mention: the article, the person as named there, and the province of their titles.
struct Mention<'a> {
    doc: u32,
    person: &'a Person,
    province: Option<String>,
}

/// Groups every article's people (given in document order) into entries, most seen first.
pub fn build(docs: &[&Article]) -> PeopleFile {
    let mut by_name: BTreeMap<&str, Vec<Mention>> = BTreeMap::new();
    for (d, a) in docs.iter().enumerate() {
        for p in &a.people {
            by_name.entry(p.name.as_str()).or_default().push(Mention {
                doc: d as u32,
                person: p,
                province: title_province(p, &a.provinces),
            });
        }
    }
    let mut people: Vec<PersonEntry> = Vec::new();
    for (name, mentions) in by_name {
        let mut groups: BTreeMap<Option<String>, Vec<&Mention>> = BTreeMap::new();
        for m in &mentions {
            groups.entry(m.province.clone()).or_default().push(m);
        }
        let placed: Vec<Option<String>> = groups.keys().filter(|k| k.is_some()).cloned().collect();
        if placed.len() <= 1 {
            let all: Vec<&Mention> = mentions.iter().collect();
            people.push(entry(name, None, Certainty::Sure, &all, docs));
            continue;
        }
        // Namesakes in several provinces: one person each; mentions that do not say where
        // go to the one seen most.
        let unplaced = groups.remove(&None).unwrap_or_default();
        let largest = groups
            .iter()
            .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(a.0)))
            .and_then(|(k, _)| k.clone());
        for (province, mut ms) in groups {
            let certainty = if province.is_some() && province == largest && !unplaced.is_empty() {
                ms.extend(unplaced.iter().copied());
                ms.sort_by_key(|m| m.doc);
                Certainty::Likely
            } else {
                Certainty::Apart
            };
            people.push(entry(name, province, certainty, &ms, docs));
        }
    }
    // Most seen first; companions counted on the final order.
    people.sort_by(|a, b| {
        b.docs
            .len()
            .cmp(&a.docs.len())
            .then_with(|| a.key().cmp(&b.key()))
    });
    let mut per_doc: Vec<Vec<u32>> = vec![Vec::new(); docs.len()];
    for (i, p) in people.iter().enumerate() {
        for &d in &p.docs {
            per_doc[d as usize].push(i as u32);
        }
    }
    let n = people.len();
    for (p, with) in people.iter_mut().zip(companions(&per_doc, n)) {
        p.with = with;
    }
    PeopleFile { people }
}

/// The entry of `name` (in `context`) from its mentions, in document order.
fn entry(
    name: &str,
    context: Option<String>,
    certainty: Certainty,
    mentions: &[&Mention],
    docs: &[&Article],
) -> PersonEntry {
    let mut spans: Vec<TitleSpan> = Vec::new();
    let mut index: HashMap<(String, Option<String>), usize> = HashMap::new();
    let mut doc_list: Vec<u32> = Vec::new();
    for m in mentions {
        if doc_list.last() != Some(&m.doc) {
            doc_list.push(m.doc);
        }
        for t in &m.person.titles {
            let i = *index
                .entry((t.role.clone(), t.organization.clone()))
                .or_insert_with(|| {
                    spans.push(TitleSpan {
                        role: t.role.clone(),
                        organization: t.organization.clone(),
                        docs: Vec::new(),
                    });
                    spans.len() - 1
                });
            if spans[i].docs.last() != Some(&m.doc) {
                spans[i].docs.push(m.doc);
            }
        }
    }
    doc_list.dedup();
    spans.sort_by_key(|s| std::cmp::Reverse(s.docs.len()));
    let organizations = most(
        mentions.iter().flat_map(|m| {
            m.person
                .titles
                .iter()
                .filter_map(|t| t.organization.clone())
        }),
        8,
    );
    let provinces = most(
        doc_list
            .iter()
            .flat_map(|&d| docs[d as usize].provinces.first().cloned()),
        8,
    );
    PersonEntry {
        name: name.to_string(),
        context,
        certainty,
        titles: spans,
        organizations,
        provinces,
        with: Vec::new(),
        docs: doc_list,
    }
}
