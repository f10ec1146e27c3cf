//! Cited documents: "Nghị quyết số 15-NQ/TU ngày 08/10/2021" and its many spellings,
//! normalised to kind, number, code, issuer and date, and deduplicated.

use nienbieu_model::{Date, DocumentRef};
use regex::Regex;
use std::sync::LazyLock;

/// Kinds in words, with the code each usually carries.
pub const KINDS: &[(&str, &str)] = &[
    ("Nghị quyết", "NQ"),
    ("Chỉ thị", "CT"),
    ("Kết luận", "KL"),
    ("Hướng dẫn", "HD"),
    ("Quy định", "QĐ"),
    ("Quyết định", "QĐ"),
    ("Đề án", "ĐA"),
    ("Kế hoạch", "KH"),
    ("Thông báo", "TB"),
    ("Thông tri", "TT"),
    ("Chương trình", "CTr"),
    ("Công văn", "CV"),
    ("Báo cáo", "BC"),
    ("Tờ trình", "TTr"),
    ("Nghị định", "NĐ"),
    ("Thông tư", "TT"),
];

static DOC: LazyLock<Regex> = LazyLock::new(|| {
    let kinds: Vec<String> = KINDS.iter().map(|(k, _)| k.to_string()).collect();
    Regex::new(&format!(
        r"(?i:(?P<kind>{})\s+)?(?i:số\s*)?(?P<num>\d{{1,5}})\s*-\s*(?P<code>[A-ZĐ][A-Za-zĐđ]{{0,4}})\s*/\s*(?P<issuer>[A-ZĐ][A-ZĐ0-9]{{0,9}}(?:-[A-ZĐ0-9]{{1,10}})*)(?:\s*,?\s*(?i:ngày)\s+(?P<d>\d{{1,2}})\s*[/.-]\s*(?P<m>\d{{1,2}})\s*[/.-]\s*(?P<y>\d{{4}}))?",
        kinds.join("|")
    ))
    .unwrap()
});

/// The byte ranges of every citation in `text`, date included, so that event-date search can
/// skip them (a document's date is never the event's).
pub fn citation_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    DOC.find_iter(text).map(|m| m.range()).collect()
}

/// Finds every cited document in the texts, normalised, in order of first citation; a document
/// cited with and without its date keeps the date.
///
/// ```
/// use nienbieu_ingest::documents::find_documents;
/// let d = find_documents(["theo Nghị quyết số 15-NQ/TU ngày 8.10.2021 của Ban Thường vụ"]);
/// assert_eq!(d[0].reference(), "15-NQ/TU");
/// assert_eq!(d[0].date.unwrap().to_string(), "2021-10-08");
/// ```
pub fn find_documents<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<DocumentRef> {
    let mut out: Vec<DocumentRef> = Vec::new();
    for text in texts {
        for c in DOC.captures_iter(text) {
            let code = c["code"]
                .to_uppercase()
                .replace("CTR", "CTr")
                .replace("TTR", "TTr");
            let kind = c
                .name("kind")
                .map(|k| canonical_kind(k.as_str()))
                .unwrap_or_else(|| kind_of_code(&code).to_string());
            if kind.is_empty() {
                continue; // "12-2024" style numbers with a slash are not documents
            }
            let number = c["num"].trim_start_matches('0');
            let number = if number.is_empty() { "0" } else { number };
            let date = match (c.name("y"), c.name("m"), c.name("d")) {
                (Some(y), Some(m), Some(d)) => Date::new(
                    y.as_str().parse().unwrap_or(0),
                    m.as_str().parse().unwrap_or(0),
                    d.as_str().parse().unwrap_or(0),
                ),
                _ => None,
            };
            let doc = DocumentRef {
                kind,
                number: format!("{number:0>2}"),
                code,
                issuer: c["issuer"].to_uppercase(),
                date,
                ..DocumentRef::default()
            };
            match out.iter_mut().find(|d| d.reference() == doc.reference()) {
                Some(seen) => seen.date = seen.date.or(doc.date),
                None => out.push(doc),
            }
        }
    }
    out
}

fn canonical_kind(word: &str) -> String {
    let lower = word.to_lowercase();
    KINDS
        .iter()
        .find(|(k, _)| k.to_lowercase() == lower)
        .map_or_else(|| word.to_string(), |(k, _)| k.to_string())
}

fn kind_of_code(code: &str) -> &'static str {
    match code {
        "NQ" => "Nghị quyết",
        "CT" => "Chỉ thị",
        "KL" => "Kết luận",
        "HD" => "Hướng dẫn",
        "QĐ" | "QĐI" => "Quy định",
        "ĐA" => "Đề án",
        "KH" => "Kế hoạch",
        "TB" => "Thông báo",
        "CTr" => "Chương trình",
        "BC" => "Báo cáo",
        "NĐ" => "Nghị định",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(text: &str) -> Vec<(String, String, Option<String>)> {
        find_documents([text])
            .into_iter()
            .map(|d| (d.kind.clone(), d.reference(), d.date.map(|x| x.to_string())))
            .collect()
    }

    #[test]
    fn one_document_cited_two_ways_is_one_entry() {
        let a = refs("Nghị quyết số 15-NQ/TU ngày 08/10/2021 của Ban Thường vụ Tỉnh ủy");
        let b = refs("Nghị quyết số 15-NQ/TU ngày 8.10.2021 của Ban Thường vụ Tỉnh ủy khóa XIX");
        assert_eq!(a, b);
        assert_eq!(
            a,
            [(
                "Nghị quyết".into(),
                "15-NQ/TU".into(),
                Some("2021-10-08".into())
            )]
        );
    }

    #[test]
    fn spellings_seen_in_the_seeds() {
        assert_eq!(
            refs("Hướng dẫn số 12- HD/BTCTW ngày 06/7/2018 của Ban Tổ chức Trung ương"),
            [(
                "Hướng dẫn".into(),
                "12-HD/BTCTW".into(),
                Some("2018-07-06".into())
            )]
        );
        assert_eq!(
            refs("Đề án số 02-ĐA/ĐUK về việc phát triển"),
            [("Đề án".into(), "02-ĐA/ĐUK".into(), None)]
        );
        assert_eq!(
            refs("Chỉ thị số 05-CT/TW, Kết luận số 01-KL/TW và chuyên đề"),
            [
                ("Chỉ thị".into(), "05-CT/TW".into(), None),
                ("Kết luận".into(), "01-KL/TW".into(), None)
            ]
        );
        assert_eq!(
            refs("số 5-NQ/TW"),
            [("Nghị quyết".into(), "05-NQ/TW".into(), None)]
        );
    }

    #[test]
    fn plain_numbers_are_not_documents() {
        assert!(refs("hoàn thành 29/29 chỉ tiêu, giai đoạn 2011 – 2015").is_empty());
        assert!(refs("Ngày 08-1-2024 tại trụ sở").is_empty());
    }
}
