//! Cited documents: the Party's codes ("Nghị quyết số 15-NQ/TU ngày 08/10/2021") and the
//! State's ("Nghị định số 158/2005/NĐ-CP", "Quyết định 45/2006/QĐ-TTg", "Công văn số
//! 1289/VPCP-NC", "Luật ... số 52/2005/QH11"), in all their spellings, normalised to one key
//! each, with kind, issuer, year and date, and deduplicated.

use crate::doc_codes::{canonical_kind, issuer_name, kind_of_party_code, kind_of_state_code};
use nienbieu_model::{Date, DocumentRef};
use regex::Regex;
use std::sync::LazyLock;

pub use crate::doc_codes::KINDS;

/// The date that may follow a code: ", ngày 8.10.2021", " (ngày 22/3/2006)", " ký ngày ...".
const DATE: &str = r"(?:\s*,?\s*\(?\s*(?i:(?:ký |ban hành )?ngày)\s+(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})\)?)?";

/// A Party code: number, kind code, issuer ("15-NQ/TU", "12- HD/BTCTW", "40-CT/ T.Ư",
/// "19-CV/TH.U").
static PARTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:số\s*)?(?P<num>\d{{1,5}})\s*-\s*(?P<code>[A-ZĐ][A-Za-zĐđ]{{0,4}})\s*/\s*(?P<issuer>T\.Ư|TƯ|[A-ZĐ]{{1,4}}\.[A-ZĐƯ]{{1,3}}\b|[A-ZĐ][A-ZĐ0-9]{{0,9}}(?:-[A-ZĐ0-9]{{1,10}})*){DATE}"
    ))
    .unwrap()
});

/// A State code: number, year (optional), then kind code and issuer, or the issuer alone
/// ("158/2005/NĐ-CP", "57/2004QĐ-UB", "1205/2005/QĐ-BCA(A11)", "1289/VPCP-NC", "61/CP",
/// "52/2005/QH11"; the misprint "107/NĐ-2004/NĐ-CP").
static STATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<pre>(?i:số)\s*)?(?P<num>\d{{1,5}})\s*/\s*(?:[A-ZĐ]{{2,4}}\s*-\s*(?P<year2>(?:19|20)\d{{2}})\s*/\s*)?(?:(?P<year>(?:19|20)\d{{2}})\s*/?\s*)?(?P<rest>[A-ZĐ][A-Za-zĐđ]{{0,7}}[0-9]{{0,3}}\b(?:\s*[-–/]\s*[A-ZĐ][A-Za-zĐđ0-9]{{0,11}}\b)*)(?:\s*\((?P<sub>[A-Z0-9]{{1,6}})\))?{DATE}"
    ))
    .unwrap()
});

/// The byte ranges of every citation in `text`, date included, so that event-date search can
/// skip them (a document's date is never the event's).
pub fn citation_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    if !text.contains('/') {
        return Vec::new();
    }
    let mut spans: Vec<_> = PARTY.find_iter(text).map(|m| m.range()).collect();
    spans.extend(STATE.find_iter(text).map(|m| m.range()));
    spans
}

/// Finds every cited document in the texts, normalised, in order of first citation; a document
/// cited with and without its date keeps the date, and one cited by a short code ("Quyết định
/// 39/TTg") and a full one ("39/QĐ-TTg") is one document under the full code. A code broken
/// over two texts ("số 154/2020/" and "NĐ-CP của Chính phủ") is read whole.
///
/// ```
/// use nienbieu_ingest::documents::find_documents;
/// let d = find_documents(["theo Nghị quyết số 15-NQ/TU ngày 8.10.2021 của Ban Thường vụ"]);
/// assert_eq!(d[0].reference(), "15-NQ/TU");
/// assert_eq!(d[0].date.unwrap().to_string(), "2021-10-08");
/// let d = find_documents(["Nghị định số 158/2005/NĐ-CP về đăng ký và quản lý hộ tịch"]);
/// assert_eq!(d[0].reference(), "158/2005/NĐ-CP");
/// assert_eq!((d[0].kind_name(), d[0].issuer_name(), d[0].year()), ("Nghị định", "Chính phủ", Some(2005)));
/// ```
pub fn find_documents<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<DocumentRef> {
    let mut out: Vec<DocumentRef> = Vec::new();
    let mut carry = String::new();
    for text in texts {
        if !carry.is_empty() {
            // The previous text ended inside a code: read the two as one.
            carry.push_str(text);
            let joined = std::mem::take(&mut carry);
            scan(&joined, &mut out);
            continue;
        }
        if !text.contains('/') {
            continue;
        }
        if ends_inside_code(text) {
            carry.push_str(text);
            continue;
        }
        scan(text, &mut out);
    }
    if !carry.is_empty() {
        scan(&carry, &mut out);
    }
    merge_short_codes(out)
}

/// True when `text` ends with the start of a code ("số 154/2020/", "số 12-"), as when a page
/// breaks a line inside it.
fn ends_inside_code(text: &str) -> bool {
    static TAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\d{1,5}\s*(?:/\s*(?:\d{4}\s*/\s*)?|-\s*[A-ZĐ]{1,4}\s*/\s*)$").unwrap()
    });
    let tail = &text[crate::text::floor_boundary(text, text.len().saturating_sub(24))..];
    TAIL.is_match(tail.trim_end())
}

fn scan(text: &str, out: &mut Vec<DocumentRef>) {
    let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
    for c in PARTY.captures_iter(text) {
        let code = c["code"]
            .to_uppercase()
            .replace("CTR", "CTr")
            .replace("TTR", "TTr");
        let kind_word = kind_before(text, c.get(0).unwrap().start());
        let kind = kind_word.map_or_else(|| kind_of_party_code(&code).to_string(), str::to_string);
        if kind.is_empty() {
            continue; // "12-2024" style numbers with a slash are not documents
        }
        let issuer = match c["issuer"].to_uppercase().as_str() {
            "T.Ư" | "TƯ" => "TW".to_string(),
            other => other.to_string(),
        };
        taken.push(c.get(0).unwrap().range());
        let doc = DocumentRef {
            kind,
            number: number(&c["num"]),
            issuer_name: issuer_name(&issuer).map(str::to_string),
            code,
            issuer,
            date: date(&c),
            ..DocumentRef::default()
        };
        let key = doc.reference();
        add(out, DocumentRef { key, ..doc });
    }
    for c in STATE.captures_iter(text) {
        let num = c.name("num").unwrap().start();
        if taken.iter().any(|r| r.contains(&num)) || inside_date(text, num) {
            continue;
        }
        if let Some(doc) = state_doc(text, &c) {
            add(out, doc);
        }
    }
}

/// True when the number at `at` continues a date or a fraction ("17/5/2000 VPKTST").
fn inside_date(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    matches!(before.next(), Some('/' | '.' | '-'))
        && before.next().is_some_and(|c| c.is_ascii_digit())
}

fn state_doc(text: &str, c: &regex::Captures) -> Option<DocumentRef> {
    let start = c.get(0).unwrap().start();
    let mut parts: Vec<String> = c["rest"]
        .split(['-', '–', '/'])
        .map(|p| normal_part(p.trim()))
        .filter(|p| !p.is_empty())
        .collect();
    let year = c
        .name("year")
        .or(c.name("year2"))
        .and_then(|y| y.as_str().parse::<i32>().ok());
    let kind_word = kind_before(text, start);
    let code = if parts.len() > 1 && !kind_of_state_code(&parts[0]).is_empty() {
        parts.remove(0)
    } else {
        String::new()
    };
    // A bare "N/ISSUER" is a document only where the text says so ("Nghị định 61/CP",
    // "công văn số 246/TNMT"); elsewhere it is a fraction, a score or a unit ("Ban 127/TW").
    if code.is_empty() && year.is_none() && c.name("pre").is_none() && kind_word.is_none() {
        return None;
    }
    let kind = match kind_word {
        Some(k) => k.to_string(),
        None if !code.is_empty() => kind_of_state_code(&code).to_string(),
        None => "Văn bản".to_string(),
    };
    let issuer = parts.join("-");
    let sub = c.name("sub").map(|s| format!("({})", s.as_str()));
    let number = number(&c["num"]);
    let mut key = number.clone();
    if let Some(y) = year {
        key.push_str(&format!("/{y}"));
    }
    key.push('/');
    if !code.is_empty() {
        key.push_str(&code);
        key.push('-');
    }
    key.push_str(&issuer);
    let issuer = issuer + sub.as_deref().unwrap_or("");
    key.push_str(sub.as_deref().unwrap_or(""));
    Some(DocumentRef {
        kind,
        number,
        issuer_name: issuer_name(&issuer).map(str::to_string),
        code,
        issuer,
        date: date(c),
        year,
        key,
    })
}

/// One part of a State code, written one way: upper case, with the usual mixed-case codes
/// ("TTg") and the Đ that some pages drop ("QD-TTg").
fn normal_part(p: &str) -> String {
    let up = p.to_uppercase();
    match up.as_str() {
        "TTG" => "TTg".into(),
        "TTR" => "TTr".into(),
        "CTR" => "CTr".into(),
        "NHNO" => "NHNo".into(),
        "QD" => "QĐ".into(),
        "ND" => "NĐ".into(),
        _ => up,
    }
}

fn add(out: &mut Vec<DocumentRef>, doc: DocumentRef) {
    match out.iter_mut().find(|d| d.key == doc.key) {
        Some(seen) => seen.date = seen.date.or(doc.date),
        None => out.push(doc),
    }
}

/// Drops a short code ("39/TTg", "03/CP") when the same text cites the full one ("39/QĐ-TTg",
/// "03/2006/NĐ-CP"): same number and issuer, and the short one lacks the kind code or year.
fn merge_short_codes(docs: Vec<DocumentRef>) -> Vec<DocumentRef> {
    let fuller = |a: &DocumentRef, b: &DocumentRef| {
        a.key != b.key
            && a.number == b.number
            && a.code.is_empty()
            && !b.code.is_empty()
            && a.issuer == b.issuer
            && a.year.is_none_or(|y| Some(y) == b.year)
    };
    let keep: Vec<bool> = docs
        .iter()
        .map(|a| !docs.iter().any(|b| fuller(a, b)))
        .collect();
    docs.into_iter()
        .zip(keep)
        .filter_map(|(d, k)| k.then_some(d))
        .collect()
}

/// The kind named just before a code, in the same clause: "Nghị định số", "Luật Thanh tra
/// số", "Thông tư liên tịch".
fn kind_before(text: &str, start: usize) -> Option<&'static str> {
    let from = crate::text::floor_boundary(text, start.saturating_sub(90));
    let before = &text[from..start];
    let clause = before
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '.' | ';' | ':' | '(' | ')' | '“' | '"'))
        .map_or(before, |(i, c)| &before[i + c.len_utf8()..]);
    let lower = clause.to_lowercase();
    KINDS
        .iter()
        .filter_map(|(k, _)| lower.rfind(&k.to_lowercase()).map(|i| (i, *k)))
        // The nearest kind word; the longest where two end at the same place.
        .max_by_key(|(i, k)| (*i + k.len(), k.len()))
        .map(|(_, k)| canonical_kind(k))
}

fn number(num: &str) -> String {
    let n = num.trim_start_matches('0');
    format!("{:0>2}", if n.is_empty() { "0" } else { n })
}

fn date(c: &regex::Captures) -> Option<Date> {
    match (c.name("y"), c.name("m"), c.name("d")) {
        (Some(y), Some(m), Some(d)) => Date::new(
            y.as_str().parse().unwrap_or(0),
            m.as_str().parse().unwrap_or(0),
            d.as_str().parse().unwrap_or(0),
        ),
        _ => None,
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

    fn keys(text: &str) -> Vec<String> {
        find_documents([text])
            .iter()
            .map(|d| d.reference())
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
            refs("công văn số 19-CV/TH.U về việc chấn chỉnh"),
            [("Công văn".into(), "19-CV/TH.U".into(), None)]
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
        assert_eq!(keys("Chỉ thị 40-CT/ T.Ư của Ban Bí thư"), ["40-CT/TW"]);
    }

    #[test]
    fn state_codes_in_their_spellings() {
        let d = &find_documents(["Quyết định số 45/2006/QĐ-TTg ban hành Quy chế"])[0];
        assert_eq!(
            (d.reference(), d.kind_name(), d.issuer_name(), d.year()),
            (
                "45/2006/QĐ-TTg".to_string(),
                "Quyết định",
                "Thủ tướng Chính phủ",
                Some(2006)
            )
        );
        assert_eq!(
            keys("số 1205/2005/QĐ-BCA(A11) quy định"),
            ["1205/2005/QĐ-BCA(A11)"]
        );
        assert_eq!(
            keys("thông tư số 09/2000/TT-BCA (A18) ngày 7/6/2000"),
            ["09/2000/TT-BCA(A18)"]
        );
        assert_eq!(
            keys("Pháp lệnh số 08/2003/PL-UBTVQH11 về"),
            ["08/2003/PL-UBTVQH11"]
        );
        assert_eq!(keys("Quyết định 57/2004QĐ-UB."), ["57/2004/QĐ-UB"]);
        assert_eq!(
            keys("Nghị định số 107/NĐ-2004/NĐ-CP quy định"),
            ["107/2004/NĐ-CP"]
        );
        assert_eq!(
            keys("quyết định 03/2006/QĐ - UBND, có hiệu lực"),
            ["03/2006/QĐ-UBND"]
        );
        assert_eq!(keys("Quyết định 56/2006/QD-TTg"), ["56/2006/QĐ-TTg"]);
        let luat = &find_documents(["Luật Thanh tra số 22/2004/QH11 có hiệu lực"])[0];
        assert_eq!(
            (luat.reference(), luat.kind_name(), luat.issuer_name()),
            ("22/2004/QH11".to_string(), "Luật", "Quốc hội")
        );
        let cv = &find_documents(["Công văn 1289/VPCP-NC ngày 16-3-2005 về việc"])[0];
        assert_eq!(
            (
                cv.reference(),
                cv.kind_name(),
                cv.issuer_name(),
                cv.date.map(|d| d.to_string())
            ),
            (
                "1289/VPCP-NC".to_string(),
                "Công văn",
                "Văn phòng Chính phủ",
                Some("2005-03-16".to_string())
            )
        );
        assert_eq!(keys("Nghị định 61/CP (nhà thuộc sở hữu)"), ["61/CP"]);
        assert_eq!(keys("công văn số 246/TNMT gửi UBND"), ["246/TNMT"]);
    }

    #[test]
    fn a_short_code_beside_the_full_one_is_the_same_document() {
        assert_eq!(
            keys("Quyết định 39/TTg và sau đó Quyết định 39/QĐ-TTg về việc"),
            ["39/QĐ-TTg"]
        );
        assert_eq!(
            keys("Nghị định 03/2006/NĐ-CP ... tác động của Nghị định 03/CP"),
            ["03/2006/NĐ-CP"]
        );
    }

    #[test]
    fn a_code_broken_over_two_lines_is_read_whole() {
        let d = find_documents([
            "theo Luật và Nghị định số 154/2020/",
            "NĐ-CP của Chính phủ. Dự toán ngân sách",
        ]);
        assert_eq!(
            d.iter().map(|d| d.reference()).collect::<Vec<_>>(),
            ["154/2020/NĐ-CP"]
        );
    }

    #[test]
    fn plain_numbers_are_not_documents() {
        assert!(refs("hoàn thành 29/29 chỉ tiêu, giai đoạn 2011 – 2015").is_empty());
        assert!(refs("Ngày 08-1-2024 tại trụ sở").is_empty());
        assert!(refs("Ban 127/TW, trực 24/24h, tỷ lệ 1/500 và 2/3 thời gian").is_empty());
        assert!(refs("giá 42 USD/tấn, 5.000 đồng/xe/lượt").is_empty());
        assert_eq!(
            keys("công văn số 214/TDTT, ngày 17/5/2000 VPKTST nhận"),
            ["214/TDTT"]
        );
    }

    #[test]
    fn long_and_odd_input_does_not_panic() {
        // Regression: the clause before a code once began inside a curly quote's bytes.
        let _ = find_documents(["về “Nâng cao chất lượng”, Hướng dẫn số 04-HD/TU"]);
        let long = "số 1/".repeat(20_000) + "Đ";
        let _ = find_documents([long.as_str(), "NĐ-CP(((", "(A11)"]);
        let _ = find_documents(["số 1205/2005/QĐ-BCA((A11))", "Nghị quyết số", "/"]);
    }
}
