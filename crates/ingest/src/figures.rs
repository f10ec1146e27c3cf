//! Key figures with a subject: members admitted, Party members, Party organisations, members
//! rated, disciplined, votes, delegates, budgets and targets met, each with its value, unit,
//! the body it is about, the period and the sentence. A percentage counts only where it
//! measures one of these; a narrative "10%" is no figure.

use crate::orgs::Mention;
use crate::text::floor_boundary;
use aho_corasick::AhoCorasick;
use nienbieu_model::Figure;
use regex::Regex;
use std::sync::LazyLock;

/// A number as Vietnamese pages write it: "8.500", "3,1", "269".
const N: &str = r"\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?";
/// An approximation before a number.
const ABOUT: &str = r"(?:(?:trên|hơn|gần|khoảng|tới|lên tới|xấp xỉ|gần như)\s+)?";
/// A Party organisation, as counted.
const PARTY_ORG: &str = r"tổ chức cơ sở đảng|tổ chức đảng|chi bộ|đảng bộ cơ sở|tổ chức cơ sở";

/// One rule: the metric, a literal every match contains (checked first: most paragraphs hold
/// no figure), the pattern (groups `n` and optionally `of`, `unit`), and a fixed unit.
struct Rule {
    metric: &'static str,
    literal: &'static str,
    /// The literal with a capital first letter, as a sentence opens.
    capital: String,
    re: Regex,
    unit: &'static str,
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let rule = |metric, literal: &'static str, pattern: String, unit| Rule {
        metric,
        literal,
        capital: capitalised(literal),
        re: Regex::new(&format!("(?i){pattern}")).unwrap(),
        unit,
    };
    vec![
        rule(
            "members_admitted",
            "kết nạp",
            format!(
                r"kết nạp\s+(?:đảng viên\s+(?:mới\s+)?)?(?:được\s+|mới\s+|cho\s+)?{ABOUT}(?P<n>{N})\s+(?:đảng viên|quần chúng)"
            ),
            "đảng viên",
        ),
        rule(
            "members_admitted",
            "kết nạp",
            format!(
                r"đảng viên\s+(?:mới\s+)?(?:được\s+)?kết nạp[^.;]{{0,70}}?(?:là|được|đạt|lên|:|,)\s*{ABOUT}(?P<n>{N})(?:\s+(?:người|đảng viên)|\s*[.;]|,\s|$)"
            ),
            "đảng viên",
        ),
        rule(
            "disciplined",
            "kỷ luật",
            format!(
                r"kỷ luật\s+{ABOUT}(?P<n>{N})\s+(?P<unit>đảng viên|cán bộ|công chức|trường hợp|{PARTY_ORG})(?:\s*(?:và|,)\s*(?P<n2>{N})\s+(?P<unit2>đảng viên|cán bộ|công chức))?"
            ),
            "",
        ),
        rule(
            "members_rated",
            "hoàn thành",
            format!(
                r"(?:^|[^\d.,])(?P<n>{N})\s?(?P<pct>%)?\s+(?P<unit>đảng viên|{PARTY_ORG})[^.;]{{0,90}}?(?:hoàn thành|xếp loại|suy tôn|đạt tiêu chuẩn)"
            ),
            "",
        ),
        rule(
            "members_rated",
            "tiêu chuẩn",
            format!(
                r"(?:^|[^\d.,])(?P<n>{N})\s?(?P<pct>%)?\s+(?P<unit>đảng viên|{PARTY_ORG})[^.;]{{0,60}}?đạt tiêu chuẩn"
            ),
            "",
        ),
        rule(
            "party_organizations",
            "đảng",
            format!(
                r"(?:có|với|gồm|thành lập(?:\s+mới)?|giải thể|tiếp nhận|tổng số|trên|hơn|gần|khoảng)\s+(?P<n>{N})\s+(?P<unit>{PARTY_ORG})"
            ),
            "",
        ),
        rule(
            "party_members",
            "đảng viên",
            format!(
                r"(?:có|với|gồm|tổng số|đại diện cho|trên|hơn|gần|khoảng)\s+(?:{ABOUT})?(?P<n>{N})(?:\s+(?P<mult>triệu|nghìn|ngàn))?\s+đảng viên"
            ),
            "đảng viên",
        ),
        rule(
            "votes",
            "%",
            format!(r"(?P<n>{N})\s?%\s+(?:số\s+)?(?:phiếu|đại biểu)"),
            "%",
        ),
        rule(
            "votes",
            "tán thành",
            r"(?P<n>\d{1,4})\s*/\s*(?P<of>\d{1,4})\s+đại biểu(?:\s+có mặt)?\s+(?:tán thành|biểu quyết tán thành|đồng ý)".to_string(),
            "đại biểu",
        ),
        rule(
            "votes",
            "phiếu",
            format!(r"(?P<n>{N})\s+phiếu\s+(?:tán thành|thuận|đồng ý|bầu)"),
            "phiếu",
        ),
        rule(
            "delegates",
            "đại biểu",
            format!(
                r"(?:có|với|gồm|sự tham dự của|trên|hơn|gần|khoảng)\s+{ABOUT}(?P<n>{N})\s+đại biểu"
            ),
            "đại biểu",
        ),
        rule(
            "targets_met",
            "chỉ tiêu",
            r"(?P<n>\d{1,3})\s*/\s*(?P<of>\d{1,3})\s+chỉ tiêu".to_string(),
            "chỉ tiêu",
        ),
        rule(
            "targets_met",
            "kế hoạch",
            format!(r"(?:đạt|hoàn thành|bằng)\s+{ABOUT}(?P<n>{N})\s?%\s+(?:kế hoạch|chỉ tiêu)"),
            "% kế hoạch",
        ),
    ]
});

/// Every rule's literal (as written and capitalised), then the budget words likewise: one
/// pass over a paragraph tells which rules can match.
static LITERALS: LazyLock<(AhoCorasick, usize)> = LazyLock::new(|| {
    let mut words: Vec<String> = Vec::new();
    for r in RULES.iter() {
        words.push(r.literal.to_string());
        words.push(r.capital.clone());
    }
    let rules = words.len();
    for w in BUDGET_WORDS {
        words.push(w.to_string());
        words.push(capitalised(w));
    }
    (AhoCorasick::new(&words).expect("valid literals"), rules)
});

/// Money: a number, a multiplier and a currency ("13.207 tỷ đồng", "1,6 triệu USD").
static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[^\d.,])(?P<n>{N})\s*(?P<unit>(?:nghìn tỷ|nghìn tỉ|ngàn tỷ|tỷ|tỉ|triệu|nghìn|ngàn)?\s*(?:đồng|USD|đô la|euro))"
    ))
    .unwrap()
});

/// Words that make a sum of money a budget.
const BUDGET_WORDS: &[&str] = &[
    "kinh phí",
    "ngân sách",
    "vốn đầu tư",
    "tổng vốn",
    "tổng mức đầu tư",
    "mức đầu tư",
];

/// How far after a budget word its sum may stand (bytes, about eight words).
const BUDGET_WITHIN: usize = 64;

/// Words before a target that make it a plan, not a result ("phấn đấu đạt 95% kế hoạch").
const PLANNED: &[&str] = &[
    "phấn đấu",
    "mục tiêu",
    "dự kiến",
    "sẽ",
    "cần",
    "phải",
    "khảo sát",
    "nghiên cứu",
    "đề xuất",
    "dự định",
    "kế hoạch",
];

/// The period a figure covers, written near it.
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\d+ tháng (?:đầu |cuối )?năm(?: \d{4})?|quý [ivx\d]+(?:/| năm )?\d{0,4}|nhiệm kỳ \d{4}\s*[-–]\s*\d{4}|giai đoạn \d{4}\s*[-–]\s*\d{4}|từ đầu nhiệm kỳ(?: đến nay)?|từ đầu năm(?: đến nay)?|năm \d{4})").unwrap()
});

/// Finds the key figures in `texts` (the headline and the paragraphs), in order, each once per
/// metric and value. `mentions` are the organisations found in the same texts; a figure's
/// subject is the body named last before it in its sentence, else `subject` (the body that
/// held the event).
///
/// ```
/// use nienbieu_ingest::figures::find_figures;
/// let f = find_figures(&["Năm 2023, kết nạp 269 đảng viên, thành lập 2 tổ chức cơ sở Đảng."], &[], None);
/// assert_eq!((f[0].kind.as_str(), f[0].value, f[0].period.as_deref()), ("members_admitted", 269.0, Some("Năm 2023")));
/// assert!(find_figures(&["Theo một khảo sát, 10% du khách châu Âu chọn Hội An."], &[], None).is_empty());
/// ```
pub fn find_figures(texts: &[&str], mentions: &[Mention], subject: Option<&str>) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    for (ti, p) in texts.iter().enumerate() {
        // Every figure has digits; most paragraphs can be passed by at once.
        if !p.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let (ac, rule_words) = &*LITERALS;
        let mut present = vec![false; RULES.len()];
        let mut budget = false;
        for m in ac.find_overlapping_iter(*p) {
            let i = m.pattern().as_usize();
            if i < *rule_words {
                present[i / 2] = true;
            } else {
                budget = true;
            }
        }
        let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
        let mut push = |out: &mut Vec<Figure>,
                        metric: &str,
                        n: regex::Match,
                        of: Option<f64>,
                        unit: String,
                        whole: (usize, usize)| {
            if taken.iter().any(|r| r.contains(&n.start())) {
                return;
            }
            taken.push(n.start()..n.end());
            let value = parse_number(n.as_str());
            if out.iter().any(|f| f.kind == metric && f.value == value) {
                return;
            }
            let (from, to) = sentence_bounds(p, whole.0, whole.1);
            let sentence = p[from..to].trim();
            out.push(Figure {
                kind: metric.to_string(),
                value,
                of,
                unit: (!unit.is_empty()).then_some(unit),
                subject: subject_of(mentions, ti, from, whole.0).or(subject.map(str::to_string)),
                period: nearest_period(sentence, whole.0 - from),
                text: p[whole.0..whole.1].trim().to_string(),
                sentence: sentence.to_string(),
            });
        };
        for (rule, _) in RULES.iter().zip(&present).filter(|(_, here)| **here) {
            // Matches may overlap: "01 tổ chức đảng và 05 đảng viên được suy tôn hoàn thành"
            // rates both.
            let mut from = 0;
            while let Some(c) = rule.re.captures_at(p, from) {
                let whole = c.get(0).unwrap();
                let n = c.name("n").unwrap();
                from = n.end();
                let start = if let Some(ch) = whole
                    .as_str()
                    .chars()
                    .next()
                    .filter(|ch| !ch.is_alphanumeric())
                {
                    // After the leading separator, which may be more than a byte (a no-break
                    // space before "1.200").
                    n.start().min(whole.start() + ch.len_utf8())
                } else {
                    whole.start()
                };
                let before = clause_before(p, start);
                if PLANNED.iter().any(|w| before.ends_with(w)) {
                    continue;
                }
                // "có 02 đảng viên ... được cử đi học": members something was done to.
                if rule.metric == "party_members" && clause_after(p, whole.end()).contains("được")
                {
                    continue;
                }
                if rule.metric == "members_rated"
                    && ["kiểm tra", "giám sát", "kỷ luật"]
                        .iter()
                        .any(|w| before.contains(w))
                {
                    continue;
                }
                let mut unit = match (c.name("pct"), c.name("mult"), c.name("unit")) {
                    (Some(_), _, _) => "%".to_string(),
                    (_, Some(m), _) => format!("{} {}", m.as_str(), rule.unit),
                    (_, _, Some(u)) => u.as_str().to_lowercase(),
                    _ => rule.unit.to_string(),
                };
                if rule.unit == "%" {
                    unit = "%".into();
                }
                let of = c.name("of").map(|o| parse_number(o.as_str()));
                push(&mut out, rule.metric, n, of, unit, (start, whole.end()));
                if let (Some(n2), Some(u2)) = (c.name("n2"), c.name("unit2")) {
                    push(
                        &mut out,
                        rule.metric,
                        n2,
                        None,
                        u2.as_str().to_lowercase(),
                        (start, whole.end()),
                    );
                }
            }
        }
        if budget {
            budgets(p, &mut |metric, n, unit, whole| {
                push(&mut out, metric, n, None, unit, whole)
            });
        }
    }
    out
}

/// Sums of money that a budget word introduces, and the sums a budget's own sentence goes on
/// to break it into ("trong đó chi cho đầu tư phát triển là 4.700 tỉ đồng").
/// Receives one figure: metric, the number, the unit, and the bytes of the figure's text.
type Push<'a, 't> = &'a mut dyn FnMut(&str, regex::Match<'t>, String, (usize, usize));

fn budgets<'t>(p: &'t str, push: Push<'_, 't>) {
    let mut anchors: Vec<usize> = BUDGET_WORDS
        .iter()
        .flat_map(|w| [w.to_string(), capitalised(w)])
        .flat_map(|w| {
            p.match_indices(&w)
                .map(|(i, _)| i + w.len())
                .collect::<Vec<_>>()
        })
        .collect();
    anchors.sort_unstable();
    let mut last_budget_sentence: Option<usize> = None;
    for c in MONEY.captures_iter(p) {
        let n = c.name("n").unwrap();
        let at = n.start();
        let (from, _) = sentence_bounds(p, at, at);
        let first = anchors.partition_point(|&a| a + BUDGET_WITHIN < at);
        let near = anchors[first..]
            .iter()
            .take_while(|&&a| a <= at)
            .any(|&a| !p[a..at].contains(['.', ';']));
        let breakdown = last_budget_sentence == Some(from) && {
            let b = clause_before(p, at);
            let b = b.trim_end();
            b.ends_with(" là") || b.ends_with(" đạt") || b.ends_with(':')
        };
        if near || breakdown {
            last_budget_sentence = Some(from);
            let unit = c["unit"].split_whitespace().collect::<Vec<_>>().join(" ");
            push("budget", n, unit, (at, c.get(0).unwrap().end()));
        }
    }
}

/// `s` with its first letter in upper case.
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The body named last before `at` in the same sentence of text `ti`.
fn subject_of(mentions: &[Mention], ti: usize, sentence_start: usize, at: usize) -> Option<String> {
    mentions
        .iter()
        .rfind(|m| m.text == ti && m.start >= sentence_start && m.end <= at)
        .map(|m| m.name.clone())
}

/// The period written nearest to a figure at `at` in its sentence.
fn nearest_period(sentence: &str, at: usize) -> Option<String> {
    PERIOD
        .find_iter(sentence)
        .min_by_key(|m| m.start().abs_diff(at))
        .map(|m| m.as_str().to_string())
}

/// The text of the clause before `at` (back to a comma or a sentence end), in lower case.
fn clause_before(p: &str, at: usize) -> String {
    let at = floor_boundary(p, at);
    let floor = floor_boundary(p, at.saturating_sub(SENTENCE_WINDOW));
    let from = p[floor..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '.' | ';' | ',' | ':'))
        .map_or(floor, |(i, c)| floor + i + c.len_utf8());
    p[from..at].trim().to_lowercase()
}

/// The text of the clause after `at` (to a comma or a sentence end), in lower case.
fn clause_after(p: &str, at: usize) -> String {
    let rest = &p[at..floor_boundary(p, at + SENTENCE_WINDOW)];
    let to = rest.find([',', '.', ';', ':']).unwrap_or(rest.len());
    rest[..to].to_lowercase()
}

/// Vietnamese numbers group thousands with "." and write decimals with ",".
fn parse_number(s: &str) -> f64 {
    s.replace('.', "").replace(',', ".").parse().unwrap_or(0.0)
}

/// How far a figure's sentence is read each side of it, in bytes (a paragraph may have no
/// full stop for pages on end).
const SENTENCE_WINDOW: usize = 600;

/// The sentence of `p` holding `start..end`, as a byte range, no more than
/// [`SENTENCE_WINDOW`] either side.
fn sentence_bounds(p: &str, start: usize, end: usize) -> (usize, usize) {
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | ';' | '…');
    // A full stop between digits ("8.500") does not end a sentence.
    let boundary = |i: usize, c: char| {
        is_end(c)
            && !(c == '.'
                && p[..i].ends_with(|d: char| d.is_ascii_digit())
                && p[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
    };
    let floor = floor_boundary(p, start.saturating_sub(SENTENCE_WINDOW));
    let ceiling = floor_boundary(p, end + SENTENCE_WINDOW);
    let from = p[floor..start]
        .char_indices()
        .rev()
        .find(|&(i, c)| boundary(floor + i, c))
        .map_or(floor, |(i, c)| floor + i + c.len_utf8());
    let to = p[end..ceiling]
        .char_indices()
        .find(|&(i, c)| boundary(end + i, c))
        .map_or(ceiling, |(i, c)| end + i + c.len_utf8());
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(p: &str) -> Vec<(String, f64, Option<f64>)> {
        find_figures(&[p], &[], None)
            .into_iter()
            .map(|f| (f.kind, f.value, f.of))
            .collect()
    }

    fn has(p: &str, metric: &str, value: f64) -> bool {
        kinds(p).iter().any(|(m, v, _)| m == metric && *v == value)
    }

    #[test]
    fn a_no_break_space_before_a_number_is_not_cut_in_two() {
        // The fuzzer's find: a match that starts with a two-byte separator.
        for p in [
            "Trong năm, toàn tỉnh kết nạp được trên\u{a0}1.600\u{a0}đảng viên, vượt\u{a0}gần 6%.",
            "nâng\u{a0}tổng số đảng viên được kết nạp từ đầu nhiệm kỳ đến nay được hơn\u{a0}5.800.",
            "ước tính kinh phí\u{a0}90 tỷ đồng",
            "có “269 đảng viên đạt tiêu chuẩn hoàn thành tốt nhiệm vụ",
            "kết nạp\u{2003}269\u{2003}đảng viên",
        ] {
            let _ = kinds(p);
        }
        assert!(has(
            "Trong năm, toàn tỉnh kết nạp được trên\u{a0}1.600 đảng viên.",
            "members_admitted",
            1600.0
        ));
    }

    #[test]
    fn figures_in_the_seeds() {
        assert_eq!(
            kinds("Với 151 tổ chức cơ sở Đảng trực thuộc và trên 8.500 đảng viên, trong năm 2023"),
            [
                ("party_organizations".into(), 151.0, None),
                ("party_members".into(), 8500.0, None)
            ]
        );
        assert_eq!(
            kinds("ngành đã tham mưu triển khai thực hiện hoàn thành 29/29 chỉ tiêu"),
            [("targets_met".into(), 29.0, Some(29.0))]
        );
        assert_eq!(
            kinds("toàn tỉnh kết nạp được trên 1.600 đảng viên, vượt gần 6% so với chỉ tiêu"),
            [("members_admitted".into(), 1600.0, None)]
        );
        let p = "Năm 2023, 100% đảng viên thuộc Đảng bộ được xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó có 01 tổ chức đảng và 05 đảng viên được suy tôn hoàn thành xuất sắc nhiệm vụ.";
        assert!(
            has(p, "members_rated", 100.0)
                && has(p, "members_rated", 1.0)
                && has(p, "members_rated", 5.0),
            "{:?}",
            kinds(p)
        );
    }

    #[test]
    fn every_metric() {
        assert!(has(
            "thi hành kỷ luật 45 tổ chức đảng và 210 đảng viên",
            "disciplined",
            210.0
        ));
        assert!(has(
            "thi hành kỷ luật 45 tổ chức đảng và 210 đảng viên",
            "disciplined",
            45.0
        ));
        assert!(has(
            "được bầu giữ chức Bí thư với 100% số phiếu",
            "votes",
            100.0
        ));
        assert!(has(
            "thông qua với 58/58 đại biểu có mặt tán thành",
            "votes",
            58.0
        ));
        assert!(has(
            "Dự đại hội có 250 đại biểu đại diện cho hơn 6.800 đảng viên",
            "delegates",
            250.0
        ));
        assert!(has(
            "Dự đại hội có 250 đại biểu đại diện cho hơn 6.800 đảng viên",
            "party_members",
            6800.0
        ));
        assert!(has("Cả nước có 3,1 triệu đảng viên", "party_members", 3.1));
        assert!(has(
            "Dự toán ngân sách địa phương năm 2023 là 13.207 tỷ đồng.",
            "budget",
            13207.0
        ));
        assert!(has("đạt 53% kế hoạch năm", "targets_met", 53.0));
        assert!(!has(
            "phấn đấu đạt 95% kế hoạch trước ngày 31/1",
            "targets_met",
            95.0
        ));
        assert!(has("tổng chi ngân sách địa phương sẽ đạt 14.819 tỉ đồng, trong đó chi cho đầu tư phát triển là 4.700 tỉ đồng.", "budget", 4700.0));
        assert!(has(
            "Số đảng viên mới được kết nạp từ Đoàn cao nhất, trên 107.000 người",
            "members_admitted",
            107000.0
        ));
    }

    #[test]
    fn every_metric_is_in_the_models_list() {
        let known: Vec<&str> = Figure::METRICS.iter().map(|(c, _, _)| *c).collect();
        for metric in RULES.iter().map(|r| r.metric).chain(["budget"]) {
            assert!(
                known.contains(&metric),
                "{metric} is not in Figure::METRICS"
            );
        }
    }

    #[test]
    fn narrative_numbers_are_not_figures() {
        for p in [
            "Theo một khảo sát, 10% du khách châu Âu chọn Hội An, tăng 45% so với cùng kỳ.",
            "Đảng ủy đã kiểm tra 02 tổ chức đảng và 04 đảng viên về việc lãnh đạo.",
            "công nhận đảng viên chính thức cho 03 đảng viên",
            "giá 120.000 đồng một suất",
        ] {
            assert!(kinds(p).is_empty(), "{p:?}: {:?}", kinds(p));
        }
    }

    #[test]
    fn the_sentence_is_kept_whole() {
        let f = find_figures(
            &["Mở đầu. Với trên 8.500 đảng viên, năm qua kết nạp 269 đảng viên. Kết thúc."],
            &[],
            None,
        );
        let admitted = f.iter().find(|f| f.kind == "members_admitted").unwrap();
        assert_eq!(
            admitted.sentence,
            "Với trên 8.500 đảng viên, năm qua kết nạp 269 đảng viên."
        );
        assert_eq!(admitted.text, "kết nạp 269 đảng viên");
    }
}
