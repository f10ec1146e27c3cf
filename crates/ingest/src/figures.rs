//! Key figures: members admitted, grassroots Party organisations, Party members, targets met
//! and percentages, each with the sentence it comes from.

use nienbieu_model::Figure;
use regex::Regex;
use std::sync::LazyLock;

const NUMBER: &str = r"(?P<n>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)";

/// Each rule with a literal that any match contains, checked first: most paragraphs hold no
/// figure at all, and a substring search is far cheaper than a regex.
static RULES: LazyLock<Vec<(&'static str, &'static str, Regex)>> = LazyLock::new(|| {
    let rules = [
        (
            "members_admitted",
            format!(
                r"(?i)kết nạp\s+(?:được\s+|mới\s+|cho\s+)?(?:(?:trên|hơn|gần|khoảng)\s+)?{NUMBER}\s+(?:đảng viên|quần chúng)"
            ),
        ),
        (
            "grassroots_organizations",
            format!(r"(?i)(?:^|[^\d.,]){NUMBER}\s+tổ chức cơ sở đảng"),
        ),
        (
            "party_members",
            format!(r"(?i)(?:trên|hơn|gần|khoảng|tổng số|với)\s+{NUMBER}\s+đảng viên"),
        ),
        (
            "targets_met",
            r"(?i)(?P<n>\d{1,3})\s*/\s*(?P<of>\d{1,3})\s+chỉ tiêu".to_string(),
        ),
        ("percentage", r"(?P<n>\d{1,3}(?:[.,]\d+)?)\s?%".to_string()),
    ];
    rules
        .into_iter()
        .map(|(k, p)| {
            let literal = match k {
                "members_admitted" => "nạp",
                "grassroots_organizations" => "cơ sở",
                "party_members" => "viên",
                "targets_met" => "chỉ tiêu",
                _ => "%",
            };
            (k, literal, Regex::new(&p).unwrap())
        })
        .collect()
});

/// Finds the key figures in the paragraphs, in order.
///
/// ```
/// use nienbieu_ingest::figures::find_figures;
/// let f = find_figures(["Năm 2023, kết nạp 269 đảng viên, thành lập 2 tổ chức cơ sở Đảng."]);
/// assert_eq!(f[0].kind, "members_admitted");
/// assert_eq!(f[0].value, 269.0);
/// ```
pub fn find_figures<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> Vec<Figure> {
    let mut out = Vec::new();
    for p in paragraphs {
        // A number counts once: "kết nạp trên 1.600 đảng viên" is an admission figure, not
        // also a membership figure.
        let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
        for (kind, literal, re) in RULES.iter() {
            if !p.contains(literal) {
                continue;
            }
            for c in re.captures_iter(p) {
                let whole = c.get(0).unwrap();
                let n = c.name("n").unwrap();
                if taken.iter().any(|r| r.contains(&n.start())) {
                    continue;
                }
                taken.push(n.range());
                // The organisations rule starts one character early, to reject "1.151".
                let text = if *kind == "grassroots_organizations" {
                    &p[n.start()..whole.end()]
                } else {
                    whole.as_str()
                };
                out.push(Figure {
                    kind: kind.to_string(),
                    value: parse_number(n.as_str()),
                    of: c.name("of").map(|o| parse_number(o.as_str())),
                    unit: None,
                    subject: None,
                    period: None,
                    text: text.trim().to_string(),
                    sentence: sentence_around(p, whole.start(), whole.end()),
                });
            }
        }
    }
    out
}

/// Vietnamese numbers group thousands with "." and write decimals with ",".
fn parse_number(s: &str) -> f64 {
    s.replace('.', "").replace(',', ".").parse().unwrap_or(0.0)
}

/// The sentence of `p` holding the byte range `start..end`.
fn sentence_around(p: &str, start: usize, end: usize) -> String {
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | ';' | '…');
    // A full stop between digits ("8.500") does not end a sentence.
    let boundary = |i: usize, c: char| {
        is_end(c)
            && !(c == '.'
                && p[..i].ends_with(|d: char| d.is_ascii_digit())
                && p[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
    };
    let from = p[..start]
        .char_indices()
        .rev()
        .find(|&(i, c)| boundary(i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = p[end..]
        .char_indices()
        .find(|&(i, c)| boundary(end + i, c))
        .map_or(p.len(), |(i, c)| end + i + c.len_utf8());
    p[from..to].trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(p: &str) -> Vec<(String, f64, Option<f64>)> {
        find_figures([p])
            .into_iter()
            .map(|f| (f.kind, f.value, f.of))
            .collect()
    }

    #[test]
    fn figures_in_the_seeds() {
        assert_eq!(
            kinds("Với 151 tổ chức cơ sở Đảng trực thuộc và trên 8.500 đảng viên, trong năm 2023"),
            [
                ("grassroots_organizations".into(), 151.0, None),
                ("party_members".into(), 8500.0, None)
            ]
        );
        assert_eq!(
            kinds("ngành đã tham mưu triển khai thực hiện hoàn thành 29/29 chỉ tiêu"),
            [("targets_met".into(), 29.0, Some(29.0))]
        );
        assert_eq!(
            kinds("toàn tỉnh kết nạp được trên 1.600 đảng viên, vượt gần 6% so với chỉ tiêu"),
            [
                ("members_admitted".into(), 1600.0, None),
                ("percentage".into(), 6.0, None)
            ]
        );
    }

    #[test]
    fn the_sentence_is_kept_whole() {
        let f = find_figures([
            "Mở đầu. Với trên 8.500 đảng viên, năm qua kết nạp 269 đảng viên. Kết thúc.",
        ]);
        assert_eq!(
            f[0].sentence,
            "Với trên 8.500 đảng viên, năm qua kết nạp 269 đảng viên."
        );
        assert_eq!(f[0].text, "kết nạp 269 đảng viên");
    }
}
