//! Named entities: provinces (from a gazetteer), organisations and people with their titles.

use nienbieu_model::tones::canonical;
use nienbieu_model::Person;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The 63 provinces and centrally governed cities (before the 2025 mergers, which is what
/// the archive's articles name), with the older tone placement some sites still use.
const PROVINCES: &[&str] = &[
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Bà Rịa – Vũng Tàu",
    "Bạc Liêu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Dương",
    "Bình Định",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cao Bằng",
    "Cần Thơ",
    "Đà Nẵng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Nội",
    "Hà Tĩnh",
    "Hải Dương",
    "Hải Phòng",
    "Hậu Giang",
    "Hòa Bình",
    "Hoà Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Khánh Hoà",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lạng Sơn",
    "Lào Cai",
    "Lâm Đồng",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thanh Hoá",
    "Thừa Thiên Huế",
    "Thừa Thiên - Huế",
    "Tiền Giang",
    "TP Hồ Chí Minh",
    "TP. Hồ Chí Minh",
    "Thành phố Hồ Chí Minh",
    "TPHCM",
    "TP.HCM",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
];

/// Older spellings to the name the app shows.
fn canonical_province(name: &str) -> &str {
    match name {
        "Bà Rịa – Vũng Tàu" => "Bà Rịa - Vũng Tàu",
        "Hoà Bình" => "Hòa Bình",
        "Khánh Hoà" => "Khánh Hòa",
        "Thanh Hoá" => "Thanh Hóa",
        "Thừa Thiên - Huế" => "Thừa Thiên Huế",
        "TP Hồ Chí Minh" | "TP. Hồ Chí Minh" | "Thành phố Hồ Chí Minh" | "TPHCM" | "TP.HCM" => {
            "TP Hồ Chí Minh"
        }
        other => other,
    }
}

static PROVINCE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let mut names: Vec<&str> = PROVINCES.to_vec();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let alts: Vec<String> = names.iter().map(|n| regex::escape(n)).collect();
    // Whole words only, and not a person's name ("Hà Nam" in "Nguyễn Thị Hà Nam" is rare
    // enough; "Long An" inside "Long Anh" is not a match thanks to the word boundary).
    Regex::new(&format!(
        r"(?:^|[^\p{{L}}])({})(?:$|[^\p{{L}}])",
        alts.join("|")
    ))
    .unwrap()
});

/// Provinces named in the texts, the most mentioned first (ties: first mentioned first).
///
/// ```
/// use nienbieu_ingest::entities::find_provinces;
/// assert_eq!(find_provinces(["Đảng bộ tỉnh Lạng Sơn", "tỉnh Lạng Sơn và Cao Bằng"]), ["Lạng Sơn", "Cao Bằng"]);
/// ```
pub fn find_provinces<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for t in texts {
        let mut at = 0;
        while let Some(c) = PROVINCE_RE.captures_at(t, at) {
            let m = c.get(1).unwrap();
            let name = canonical_province(m.as_str());
            match counts.iter_mut().find(|(n, _)| n == name) {
                Some((_, k)) => *k += 1,
                None => counts.push((name.to_string(), 1)),
            }
            at = m.end();
        }
    }
    // A stable sort keeps first-mention order among equals.
    counts.sort_by_key(|(_, k)| std::cmp::Reverse(*k));
    counts.into_iter().map(|(n, _)| n).collect()
}

/// Heads of organisation names.
const ORG_HEADS: &str = r"Đảng bộ|Đảng ủy|Đảng uỷ|Ban Thường vụ|Ban Chấp hành|Ban Tổ chức|Ban Tuyên giáo|Ban Dân vận|Ban Nội chính|Ủy ban Kiểm tra|Uỷ ban Kiểm tra|Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Hội đồng nhân dân|HĐND|Ủy ban MTTQ|Ủy ban Mặt trận Tổ quốc|Mặt trận Tổ quốc|Liên đoàn Lao động|Công đoàn|Đoàn Thanh niên|Hội Liên hiệp Phụ nữ|Hội Nông dân|Hội Cựu chiến binh|Sở|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Chi bộ|Trường Chính trị|Bộ Chính trị|Ban Bí thư";

static ORG_HEAD_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^\p{{L}}])((?:{ORG_HEADS}))(?:$|[^\p{{L}}])"
    ))
    .unwrap()
});

/// Words (lower case) at which an organisation's name has ended: verbs and prepositions.
const ORG_STOPS: &[&str] = &[
    "tổ", "đã", "về", "tại", "được", "cho", "với", "của", "trong", "là", "có", "do", "để", "theo",
    "nhằm", "năm", "nhiệm", "trao", "phát", "báo", "sơ", "tổng", "làm", "triển", "tiếp", "cần",
    "quán", "đến", "từ", "giai", "lần", "khóa", "khoá", "vì", "thực", "ban", "đang", "sẽ", "luôn",
    "tham", "chủ", "công", "nhận", "tặng", "gồm", "và", "cùng", "trực", "đề", "yêu",
];

/// Organisations named in the texts, in order of first mention, each once: a head such as
/// "Đảng ủy" or "Sở" and the words after it, up to punctuation or a verb or preposition.
/// Names are spelt with one tone placement ("Đảng uỷ" is given as "Đảng ủy").
pub fn find_organizations<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in texts {
        let mut at = 0;
        while let Some(c) = ORG_HEAD_RE.captures_at(t, at) {
            let head = c.get(1).unwrap();
            let (name, end) = org_name(t, head.start(), head.end());
            // "Tỉnh uỷ" and "Tỉnh ủy" are one organisation.
            let name = canonical(&name);
            at = end.max(head.end());
            if name.split_whitespace().count() >= 2
                && !GENERIC_ORGS.contains(&name.as_str())
                && !out.contains(&name)
            {
                out.push(name);
            }
        }
    }
    out
}

/// Lower-case words that occur inside organisation names.
const ORG_LOWER: &[&str] = &[
    "các", "tỉnh", "phố", "huyện", "khối", "lao", "động", "nghiệp", "binh", "hội", "xã", "cơ",
    "sở", "nhân", "dân", "trị", "vụ", "ủy", "uỷ", "bộ", "đảng", "niên", "nữ", "phụ", "nông", "cựu",
    "chiến", "doanh", "trung", "ương", "giáo", "dục", "đào", "tạo", "y", "tế", "tài", "chính",
    "nội", "vận", "kiểm", "tra", "tuyên", "thanh", "viên", "và",
];

/// Heads that name no particular organisation when they stand alone.
const GENERIC_ORGS: &[&str] = &[
    "Đảng ủy",
    "Đảng uỷ",
    "Đảng bộ",
    "Chi bộ",
    "Ban Thường vụ",
    "Ban Chấp hành",
    "Đảng bộ tỉnh",
    "Đảng ủy khối",
    "Đảng uỷ khối",
    "Ban Thường vụ Đảng ủy",
    "Đảng bộ cơ sở",
    "Tỉnh ủy viên",
];

fn org_name(t: &str, start: usize, head_end: usize) -> (String, usize) {
    let mut end = head_end;
    let mut words = 0;
    let mut rest = &t[head_end..];
    loop {
        let trimmed = rest.trim_start_matches(' ');
        let skipped = rest.len() - trimmed.len();
        if skipped == 0 || words >= 12 {
            break;
        }
        let word_len = trimmed
            .find([' ', ',', ';', '.', ':', '(', ')', '“', '”', '"', '\n'])
            .unwrap_or(trimmed.len());
        let word = &trimmed[..word_len];
        let lower = word.to_lowercase();
        let joiner = matches!(word, "-" | "–" | "&");
        // "và" joins two parts of one name ("Thương binh và Xã hội") only before a capital
        // that does not open a document ("... Trung ương Đảng và Hướng dẫn số 12").
        let after = trimmed[word_len..].trim_start();
        let next_is_capital = after.starts_with(char::is_uppercase)
            && !crate::documents::KINDS
                .iter()
                .any(|(k, _)| after.starts_with(k));
        let prev_lower = t[..end]
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_lowercase();
        let person_next = names_in(trimmed).next().is_some_and(|m| m.start() == 0);
        let allowed_lower = match lower.as_str() {
            "quan" => prev_lower == "cơ",
            "thành" => trimmed[word_len..].trim_start().starts_with("phố"),
            "đoàn" => prev_lower == "liên",
            _ => ORG_LOWER.contains(&lower.as_str()),
        };
        let stop = word.is_empty()
            || person_next
            || word.starts_with(|c: char| c.is_ascii_digit())
            || (ORG_STOPS.contains(&lower.as_str()) && !(lower == "và" && next_is_capital))
            || (word.starts_with(char::is_lowercase) && !allowed_lower);
        let name_after_joiner = joiner
            && names_in(trimmed[word_len..].trim_start())
                .next()
                .is_some_and(|m| m.start() == 0);
        if (stop && !joiner) || name_after_joiner {
            break;
        }
        end = head_end + (t[head_end..].len() - rest.len()) + skipped + word_len;
        rest = &t[end..];
        words += 1;
    }
    let mut name = t[start..end].trim().to_string();
    while let Some(s) = ["và", "các", "-", "–", "&"]
        .iter()
        .find_map(|w| name.strip_suffix(&format!(" {w}")))
    {
        name = s.to_string();
    }
    (name, end)
}

/// Common Vietnamese surnames: a capitalised run starting with one of these is a name.
const SURNAMES: &str = "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đàm|Quách|Chu|Đinh|Mai|Trương|Lương|Tô|Hà|Cao|Đoàn|Lâm|Phùng|Thái|Tạ|Lưu|Triệu|Kiều|Khúc|Mạc|Vương|Tăng|La|Châu|Nông|Hứa|Đào|Trịnh|Đồng|Lò|Quan|Lục|Thân|Nghiêm|Giang|Tống|Văn|Doãn|Âu|Lã|Tôn|Hầu|Bế|Hoàng";

/// Words that begin a title.
const TITLE_HEADS: &str = r"Phó Bí thư|Bí thư|Phó Chủ tịch|Chủ tịch|Tổng Bí thư|Phó Trưởng ban|Trưởng ban|Phó Trưởng|Trưởng|Phó Giám đốc|Giám đốc|Ủy viên|Uỷ viên|Tỉnh ủy viên|Tỉnh uỷ viên|TUV|Thường trực|Thứ trưởng|Bộ trưởng|Đại biểu|Chánh|Phó Chánh|Thủ tướng|Phó Thủ tướng|Chủ nhiệm|Phó Chủ nhiệm|Tổng Giám đốc|Hiệu trưởng|Đại tá|Thượng tá|Thiếu tướng|Trung tướng";

// No `\b`: a Unicode word boundary keeps the regex engine off its fast path. A name is a
// surname and one to three capitalised syllables, not glued to a preceding letter.
static NAME_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^\p{{L}}])((?:{SURNAMES})(?:\s\p{{Lu}}\p{{Ll}}*){{1,3}})"
    ))
    .unwrap()
});

/// Names found in `t`, as the name group of [`NAME_RE`]'s matches.
fn names_in(t: &str) -> impl Iterator<Item = regex::Match<'_>> + '_ {
    NAME_RE.captures_iter(t).filter_map(|c| c.get(1))
}
static ROLE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:,|-|–)\s*((?:{TITLE_HEADS})[^;.:()“”\n]*)"
    ))
    .unwrap()
});
static ROLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"((?:{TITLE_HEADS})[^;.:()“”\n]*?)\s*(?:-|–)?\s*$"
    ))
    .unwrap()
});

/// People named with a title next to their name, in order of first mention; one entry per
/// name with every title the article gives.
///
/// ```
/// use nienbieu_ingest::entities::find_people;
/// let p = find_people(["Đồng chí Lê Quốc Chỉnh, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh; đồng chí Nguyễn Văn Va"]);
/// assert_eq!(p[0].name, "Lê Quốc Chỉnh");
/// assert_eq!(p[0].roles, ["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"]);
/// ```
pub fn find_people<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<Person> {
    let mut order: Vec<String> = Vec::new();
    let mut roles: HashMap<String, Vec<String>> = HashMap::new();
    for t in texts {
        let mut prev_end = 0;
        for m in names_in(t) {
            let name = canonical(m.as_str());
            let clause_floor = std::mem::replace(&mut prev_end, m.end());
            if name.split_whitespace().count() < 2 {
                continue;
            }
            let mut found: Vec<String> = Vec::new();
            if let Some(c) = ROLE_AFTER.captures(&t[m.end()..]) {
                found.extend(split_roles(&c[1]));
            } else {
                // "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Trần Quốc Toản": the
                // titles stand before the name, back to the clause start.
                let before = &t[..m.start()];
                let clause_start = before
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| matches!(c, ';' | '.' | ':' | '(' | '“'))
                    .map_or(0, |(i, c)| i + c.len_utf8())
                    .max(clause_floor);
                let clause = &before[clause_start..];
                let clause = clause
                    .rfind("đồng chí ")
                    .or_else(|| clause.rfind("Đồng chí "))
                    .map_or(clause, |i| &clause[i + "đồng chí ".len()..]);
                if let Some(c) = ROLE_BEFORE.captures(clause) {
                    found.extend(split_roles(&c[1]));
                }
            }
            if !roles.contains_key(&name) {
                order.push(name.clone());
            }
            let entry = roles.entry(name).or_default();
            for r in found.iter().map(|r| canonical(r)) {
                if !entry.contains(&r) {
                    entry.push(r);
                }
            }
        }
    }
    order
        .into_iter()
        .filter_map(|name| {
            let r = roles.remove(&name)?;
            (!r.is_empty()).then_some(Person {
                name,
                roles: r,
                ..Person::default()
            })
        })
        .collect()
}

/// "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh, Trưởng đoàn ..." into its titles;
/// a comma followed by something that is not a title ends the list.
fn split_roles(s: &str) -> Vec<String> {
    static HEAD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"^(?:{TITLE_HEADS})")).unwrap());
    let mut out = Vec::new();
    for part in s.split(',') {
        let part = part.trim().trim_end_matches(['…', '.']).trim();
        if part.is_empty() || !(out.is_empty() || HEAD.is_match(part)) {
            break;
        }
        // Cut a trailing verb phrase: "Chủ tịch LĐLĐ tỉnh phát biểu ..." keeps the title.
        let cut = [
            " phát biểu",
            " trao ",
            " tặng ",
            " nhận ",
            " chủ trì",
            " dự ",
            " đã ",
            " yêu cầu",
            " ghi nhận",
            " làm việc",
            " báo cáo",
            " tiếp thu",
            " nhấn mạnh",
            " đề nghị",
            " kết luận",
            " chỉ đạo",
            " cho biết",
            " khẳng định",
            " điều hành",
            " tại ",
        ]
        .iter()
        .filter_map(|v| part.find(v))
        .min()
        .unwrap_or(part.len());
        let verb_follows = cut < part.len();
        let part = part[..cut].trim();
        if part.is_empty() || part.split_whitespace().count() > 14 {
            break; // a sentence, not a title: the list has ended
        }
        out.push(part.to_string());
        if verb_follows {
            break; // the verb phrase ends the list
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_before_and_after_names() {
        let p = find_people([
            "Tham dự có các đồng chí: Lê Quang Toản - Bí thư Đảng ủy, Chủ tịch LĐLĐ tỉnh; Chu Ngọc Hoa Liễu - Phó Bí thư Đảng ủy, Phó Chủ tịch LĐLĐ tỉnh; ủy viên BCH",
            "chỉ đạo của Bí thư Tỉnh uỷ, Chủ tịch HĐND tỉnh Long An - Nguyễn Văn Được tại hội nghị",
        ]);
        let got: Vec<_> = p
            .iter()
            .map(|p| (p.name.as_str(), p.roles.join(" | ")))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Lê Quang Toản",
                    "Bí thư Đảng ủy | Chủ tịch LĐLĐ tỉnh".to_string()
                ),
                (
                    "Chu Ngọc Hoa Liễu",
                    "Phó Bí thư Đảng ủy | Phó Chủ tịch LĐLĐ tỉnh".to_string()
                ),
                (
                    "Nguyễn Văn Được",
                    // Written "Tỉnh uỷ", given with one tone placement.
                    "Bí thư Tỉnh ủy | Chủ tịch HĐND tỉnh Long An".to_string()
                ),
            ]
        );
    }

    /// Regression: a clause opening with a curly quote once sliced inside the quote's three
    /// bytes and panicked (found by the seed test on page 002).
    #[test]
    fn a_name_after_a_curly_quote_does_not_panic() {
        let p = find_people(["tác phẩm “Kiên quyết” của đồng chí Tổng Bí thư Nguyễn Phú Trọng"]);
        assert_eq!(p[0].name, "Nguyễn Phú Trọng");
        assert_eq!(p[0].roles, ["Tổng Bí thư"]);
        assert!(find_people(["“Nguyễn"]).is_empty());
    }

    #[test]
    fn organizations_in_order() {
        let o = find_organizations([
            "Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh tổ chức hội nghị; Sở Lao động - Thương binh và Xã hội",
        ]);
        assert_eq!(
            o,
            [
                "Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh",
                "Sở Lao động - Thương binh và Xã hội"
            ]
        );
    }

    #[test]
    fn provinces_need_whole_words() {
        assert_eq!(find_provinces(["Long Anh không phải Long An"]), ["Long An"]);
        assert_eq!(find_provinces(["Thanh Hoá và Thanh Hóa"]), ["Thanh Hóa"]);
    }
}
