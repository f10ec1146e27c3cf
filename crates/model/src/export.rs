//! Exporting results as CSV or JSON: one row per article with its catalog entry (id, title,
//! dates) and every facet's values from the core, in the order shown.

use crate::dataset::records::CatalogEntry;
use crate::index::Index;
use serde::Serialize;
use std::collections::BTreeMap;

/// One exported article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportRow<'a> {
    /// The article id.
    pub id: &'a str,
    /// The headline, if any.
    pub title: Option<&'a str>,
    /// Publication date-time (ISO 8601, +07:00).
    pub published: Option<String>,
    /// The event date (ISO 8601).
    pub event_date: Option<String>,
    /// Facet key to values ("province", "organization", "kind", ... and "meta:outlet").
    pub facets: BTreeMap<&'a str, Vec<&'a str>>,
}

/// The rows of `hits` (documents with their catalog entries), in order.
pub fn rows<'a>(index: &'a Index, hits: &[(u32, &'a CatalogEntry)]) -> Vec<ExportRow<'a>> {
    hits.iter()
        .map(|&(d, e)| ExportRow {
            id: &e.id,
            title: e.title.as_deref(),
            published: e.published.map(|t| t.to_string()),
            event_date: e.event_date.map(|x| x.to_string()),
            // Inserted one by one: collecting into a map sorts with a sort of its own.
            // A facet whose columns have not arrived is left out, never given as empty.
            facets: index.facets().iter().filter(|f| !f.is_pending()).fold(
                BTreeMap::new(),
                |mut m, f| {
                    let values = f.of(d).iter().map(|&v| index.facet_value(f, v)).collect();
                    m.insert(f.key.as_str(), values);
                    m
                },
            ),
        })
        .collect()
}

/// The results as a JSON array.
pub fn to_json(index: &Index, hits: &[(u32, &CatalogEntry)]) -> String {
    serde_json::to_string_pretty(&rows(index, hits)).expect("rows serialise")
}

/// The results as CSV (RFC 4180, with a header row; several values of a facet are joined
/// with "; "). A cell that a spreadsheet would run as a formula gets a leading apostrophe.
pub fn to_csv(index: &Index, hits: &[(u32, &CatalogEntry)]) -> String {
    let keys: Vec<&str> = index
        .facets()
        .iter()
        .filter(|f| !f.is_pending())
        .map(|f| f.key.as_str())
        .collect();
    let mut out = String::new();
    let header: Vec<&str> = ["id", "title", "published", "event_date"]
        .into_iter()
        .chain(keys.iter().copied())
        .collect();
    push_row(&mut out, header.iter().map(|s| s.to_string()));
    for r in rows(index, hits) {
        let fixed = [
            r.id.to_string(),
            r.title.unwrap_or("").to_string(),
            r.published.unwrap_or_default(),
            r.event_date.unwrap_or_default(),
        ];
        let facets = keys.iter().map(|k| r.facets[k].join("; "));
        push_row(&mut out, fixed.into_iter().chain(facets));
    }
    out
}

/// Any table as CSV, with the same quoting and defusing: a header, then rows.
pub fn table_csv(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = String::new();
    push_row(&mut out, header.iter().map(|h| h.to_string()));
    for r in rows {
        push_row(&mut out, r.into_iter());
    }
    out
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    let cells: Vec<String> = cells.map(|c| cell(&c)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

fn cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, DatasetFiles};

    #[test]
    fn csv_quotes_and_defuses_cells_and_json_parses() {
        let mut a = Article {
            id: "a".into(),
            title: Some("=HYPERLINK(\"x\"), \"quoted\"".into()),
            ..Article::default()
        };
        a.provinces = vec!["Hưng Yên".into(), "Nam Định".into()];
        let entry = CatalogEntry::of(&a);
        let files = DatasetFiles::build_serial(&[a]);
        let mut index = Index::load_core(files.file(&files.manifest.core.path).unwrap()).unwrap();
        // Without the organisations' and people's columns, those two are left out.
        let partial = to_csv(&index, &[(0, &entry)]);
        assert_eq!(
            partial.split("\r\n").next().unwrap(),
            "id,title,published,event_date,province,kind,year,document,doc_kind,doc_issuer,\
             doc_year,organizer"
        );
        index
            .add_columns(files.file(&files.manifest.columns.path).unwrap())
            .unwrap();
        let csv = to_csv(&index, &[(0, &entry)]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "id,title,published,event_date,province,organization,kind,year,person,document,\
             doc_kind,doc_issuer,doc_year,organizer"
        );
        assert_eq!(
            lines[1],
            "a,\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\",,,Hưng Yên; Nam Định,,other,,,,,,,"
        );
        let json: serde_json::Value =
            serde_json::from_str(&to_json(&index, &[(0, &entry)])).unwrap();
        assert_eq!(json[0]["facets"]["province"][1], "Nam Định");
    }
}
