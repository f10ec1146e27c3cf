//! The body that held the reported event: the host of a working visit ("A làm việc với B":
//! B), the inspecting body of an inspection, the body that "tổ chức" a meeting, or whose
//! meeting it is ("phiên họp Chính phủ").

use crate::orgs::Mention;
use nienbieu_model::EventKind;

/// Verbs whose subject held the event: "Thành ủy TPHCM đã tổ chức hội nghị".
const HOLDING: &[&str] = &[
    "tổ chức",
    "khai mạc",
    "bế mạc",
    "họp",
    "tổng kết",
    "sơ kết",
    "kết nạp",
    "tiến hành",
    "triệu tập",
    "chủ trì",
];

/// What a collegial body does at its own session: "Ủy ban Thường vụ Quốc hội đã cho ý kiến về
/// …" (for a meeting only).
const IN_SESSION: &[&str] = &["cho ý kiến", "thảo luận", "biểu quyết", "xem xét và"];

/// Titles of a body's head: "Chủ tịch Quốc hội Nguyễn Văn An tổng kết …" (the body held it).
const HEADS: &[&str] = &["Chủ tịch", "Bí thư", "Giám đốc", "Trưởng ban", "Trưởng Ban"];

/// Words that may stand between the holder and the verb: "HĐND tỉnh khóa XVII tổ chức",
/// "Chi bộ ... (huyện Thủy Nguyên) tổ chức", "Thanh tra Chính phủ VN và ... phối hợp tổ chức".
const BETWEEN: &[&str] = &[
    "đã",
    "khóa",
    "khoá",
    "lần",
    "thứ",
    "vừa",
    "cũng",
    "sẽ",
    "long trọng",
    "phối hợp",
    "việt nam",
    "vn",
];

/// Event words after which the holder follows: "phiên họp Chính phủ", "kỳ họp thứ 14 HĐND".
const EVENT_THEN_BODY: &[&str] = &[
    "đại hội đại biểu",
    "đại hội",
    "hội nghị",
    "phiên họp",
    "kỳ họp",
    "hội thảo",
    "cuộc họp",
];

/// Words that introduce a visit's host.
const HOST: &[&str] = &[
    "làm việc với",
    "làm việc tại",
    "kiểm tra tại",
    "thăm và làm việc tại",
];

/// Titles that may stand between "do" and the holder ("do Trưởng Ban Tổ chức Tỉnh ủy ...").
const DO_TITLES: &[&str] = &[
    "Trưởng",
    "Phó",
    "Bí thư",
    "Chủ tịch",
    "Giám đốc",
    "đồng chí",
    "Đồng chí",
];

/// The holder of an event of `kind`, read from the headline (`texts[title]`) and the lead
/// (`texts[i]` for `i` in `leads`: the first paragraph, and the one that placed the story at
/// its event where that is another), among the organisations found there; `None` for [`EventKind::Other`] or
/// when the text names none.
pub fn organizer(
    kind: EventKind,
    texts: &[&str],
    title: Option<usize>,
    leads: &[usize],
    mentions: &[Mention],
) -> Option<String> {
    if kind == EventKind::Other {
        return None;
    }
    let in_text = |i: usize| -> Vec<&Mention> { mentions.iter().filter(|m| m.text == i).collect() };
    // Lower case once per text (the same length in bytes for Vietnamese letters).
    let lowered: Vec<(usize, String)> = title
        .into_iter()
        .chain(leads.iter().copied())
        .map(|i| {
            let l = texts[i].to_lowercase();
            // Offsets are shared with the text: where lower case changes a letter's length,
            // the text is not searched.
            (
                i,
                if l.len() == texts[i].len() {
                    l
                } else {
                    String::new()
                },
            )
        })
        .collect();
    let lower_of = |i: usize| -> &str {
        lowered
            .iter()
            .find(|(j, _)| *j == i)
            .map_or("", |(_, l)| l.as_str())
    };
    let both: Vec<usize> = title.into_iter().chain(leads.iter().copied()).collect();
    if kind == EventKind::WorkingVisit {
        for phrase in HOST {
            for &i in &both {
                let lower = lower_of(i);
                for (at, _) in lower.match_indices(phrase) {
                    let from = at + phrase.len();
                    if let Some(m) = in_text(i).into_iter().find(|m| {
                        m.start >= from
                            && gap_ok(&lower[from..m.start], &["lãnh đạo", "ban lãnh đạo", "đoàn"])
                    }) {
                        return Some(m.name.clone());
                    }
                }
            }
        }
        // An inspection: the body that inspects, first named in the lead.
        let inspection = both.iter().any(|&i| {
            let l = lower_of(i);
            l.contains("kiểm tra") || l.contains("giám sát")
        });
        return inspection
            .then(|| {
                leads
                    .first()
                    .and_then(|&i| in_text(i).first().map(|m| m.name.clone()))
            })
            .flatten();
    }
    // "do X tổ chức" in the lead, then "X tổ chức" in the lead, then the headline.
    let order: Vec<usize> = leads.iter().copied().chain(title).collect();
    for &i in &order {
        let t = texts[i];
        for m in in_text(i) {
            let before = t[..m.start].trim_end();
            let before = strip_titles(before);
            if before.ends_with(" do") || before == "do" || before.ends_with("(do") {
                return Some(m.name.clone());
            }
        }
    }
    for &i in &order {
        let (t, lower) = (texts[i], lower_of(i));
        if lower.is_empty() {
            continue;
        }
        for m in in_text(i) {
            let rest = &lower[m.end..];
            let rest = skip_between(rest);
            let holds = |r: &str| {
                HOLDING
                    .iter()
                    .any(|v| r.starts_with(v) && !r[v.len()..].starts_with(char::is_alphanumeric))
            };
            let in_session = |r: &str| {
                kind == EventKind::Conference && IN_SESSION.iter().any(|v| r.starts_with(v))
            };
            if holds(rest) || in_session(rest) {
                return Some(m.name.clone());
            }
            // The body's head by name: "Chủ tịch Quốc hội Nguyễn Văn An tổng kết".
            if HEADS.iter().any(|h| t[..m.start].trim_end().ends_with(h)) {
                let after_name = skip_name(&t[m.end..]);
                let rest = lower.get(t.len() - after_name.len()..).unwrap_or("");
                if holds(skip_between(rest)) {
                    return Some(m.name.clone());
                }
            }
            // "A và B đã tổ chức", "A phối hợp với B tổ chức": A, the first named.
            if let Some(r) = rest
                .strip_prefix("và ")
                .or_else(|| rest.strip_prefix("phối hợp với "))
            {
                let end = crate::text::floor_boundary(r, r.len().min(90));
                let window = r[..end].split(['.', ';']).next().unwrap_or("");
                if window
                    .match_indices(' ')
                    .any(|(k, _)| holds(skip_between(&window[k..])))
                {
                    return Some(m.name.clone());
                }
            }
        }
    }
    for &i in &both {
        let lower = lower_of(i);
        for phrase in EVENT_THEN_BODY {
            for (at, _) in lower.match_indices(phrase) {
                let from = at + phrase.len();
                if let Some(m) = in_text(i).into_iter().find(|m| {
                    m.start >= from
                        && gap_ok(
                            &lower[from..m.start],
                            &["thứ", "lần", "thường kỳ", "chuyên đề", "mở rộng", "của"],
                        )
                }) {
                    return Some(m.name.clone());
                }
            }
        }
    }
    None
}

/// True when only spaces, numbers and `fillers` stand between an event word and a body.
fn gap_ok(gap: &str, fillers: &[&str]) -> bool {
    let mut g = gap.trim();
    loop {
        let before = g;
        for f in fillers {
            if let Some(r) = g.strip_prefix(f) {
                g = r.trim_start();
            }
        }
        g = g.trim_start_matches(|c: char| {
            c.is_alphanumeric() && c.is_ascii_digit() || c == ' ' || c == ','
        });
        // Roman numerals and counts after "thứ", "lần": "thứ XIV", "lần thứ 2".
        if let Some(r) = g
            .split_once(' ')
            .filter(|(w, _)| w.chars().all(|c| "ivxlcdm".contains(c)))
        {
            g = r.1;
        } else if g.chars().all(|c| "ivxlcdm".contains(c)) {
            g = ""; // the numeral is the last word: "đại hội lần thứ VII Hội ..."
        }
        if g == before {
            break;
        }
    }
    g.is_empty()
}

/// The text after a person's name: "Nguyễn Văn An tổng kết" → "tổng kết".
fn skip_name(rest: &str) -> &str {
    let mut r = rest.trim_start();
    while r.starts_with(char::is_uppercase) {
        r = r.split_once(' ').map_or("", |(_, x)| x).trim_start();
    }
    r
}

/// The text after a body, without what may stand before its verb.
fn skip_between(rest: &str) -> &str {
    let mut r = rest.trim_start();
    loop {
        let before = r;
        if r.starts_with('(') {
            if let Some(close) = r.find(')') {
                r = r[close + 1..].trim_start();
            }
        }
        r = r.trim_start_matches([',', ' ']);
        for w in BETWEEN {
            if let Some(x) = r.strip_prefix(w) {
                r = x.trim_start();
            }
        }
        // "khóa XVII", "lần thứ 13": the numeral after.
        if before != r {
            if let Some((w, x)) = r.split_once(' ') {
                if w.chars()
                    .all(|c| c.is_ascii_digit() || "ivxlcdm".contains(c))
                {
                    r = x;
                }
            }
        }
        if r == before {
            return r;
        }
    }
}

/// The text before a body without the titles of its head ("do Trưởng Ban" → "do").
fn strip_titles(before: &str) -> &str {
    let mut b = before;
    loop {
        let start = b;
        for t in DO_TITLES {
            if let Some(x) = b.strip_suffix(t) {
                b = x.trim_end();
            }
        }
        if b == start {
            return b;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orgs::{find_organizations, Implied};

    fn holder(kind: EventKind, title: Option<&str>, lead: &str) -> Option<String> {
        let mut texts: Vec<&str> = title.into_iter().collect();
        texts.push(lead);
        let implied = Implied::from_provinces(&["Hưng Yên".into()]);
        let o = find_organizations(&texts, &implied);
        let t = title.map(|_| 0);
        organizer(kind, &texts, t, &[texts.len() - 1], &o.mentions)
    }

    #[test]
    fn holders() {
        use EventKind::*;
        assert_eq!(
            holder(
                WorkingVisit,
                Some("Đồng chí Phó Bí thư làm việc với Ban Thường vụ Tỉnh ủy"),
                "Ngày 19.11, ..."
            )
            .as_deref(),
            Some("Ban Thường vụ Tỉnh ủy Hưng Yên")
        );
        assert_eq!(
            holder(
                Conference,
                None,
                "Ngày 28/4, Thành ủy TPHCM đã tổ chức hội nghị sơ kết."
            )
            .as_deref(),
            Some("Thành ủy TP Hồ Chí Minh")
        );
        assert_eq!(
            holder(YearReview, None, "hội nghị tổng kết năm 2023 diễn ra vào sáng nay, do Trưởng Ban Tổ chức Tỉnh uỷ - Lê Thanh Nghiêm chủ trì.").as_deref(),
            Some("Ban Tổ chức Tỉnh ủy Hưng Yên")
        );
        assert_eq!(
            holder(
                Conference,
                None,
                "Hôm nay (28/4), Thủ tướng chủ trì phiên họp Chính phủ chuyên đề."
            )
            .as_deref(),
            Some("Chính phủ")
        );
        assert_eq!(
            holder(
                Conference,
                None,
                "Sáng 6/12, HĐND tỉnh Thái Bình khóa XVII tổ chức kỳ họp thứ 14."
            )
            .as_deref(),
            Some("HĐND tỉnh Thái Bình")
        );
        assert_eq!(
            holder(
                Conference,
                None,
                "Tại kỳ họp thứ 2 HĐND tỉnh khóa VII, các đại biểu biểu quyết."
            )
            .as_deref(),
            Some("HĐND tỉnh Hưng Yên")
        );
        assert_eq!(
            holder(
                Conference,
                None,
                "Chiều nay, Ủy ban Thường vụ Quốc hội đã cho ý kiến về dự án luật."
            )
            .as_deref(),
            Some("Ủy ban Thường vụ Quốc hội")
        );
        assert_eq!(
            holder(
                Conference,
                None,
                "Chủ tịch Quốc hội Nguyễn Văn An tổng kết 3 ngày chất vấn."
            )
            .as_deref(),
            Some("Quốc hội")
        );
        assert_eq!(
            holder(
                Conference,
                None,
                "Giám đốc Sở Y tế Nguyễn Văn A cho biết hội nghị đã kết thúc."
            ),
            None
        );
        assert_eq!(
            holder(
                Conference,
                None,
                "Tại cuộc họp của Bộ Y tế về bình ổn giá thuốc sáng nay, ông A cho biết."
            )
            .as_deref(),
            Some("Bộ Y tế")
        );
        assert_eq!(holder(Other, None, "Sở Y tế tổ chức hội nghị."), None);
        assert_eq!(
            holder(
                WorkingVisit,
                None,
                "Tổng Bí thư đã về thăm và làm việc tại tỉnh Bến Tre."
            ),
            None
        );
    }
}
