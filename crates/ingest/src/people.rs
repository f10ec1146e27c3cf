//! People named with their titles: names, the titles beside them, and each title split into
//! the role and the organisation it is held in.

use nienbieu_model::tones::canonical;
use nienbieu_model::Person;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

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
/// use nienbieu_ingest::people::find_people;
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

/// True when `rest` starts with a person's name ("Lê Thanh Hải ...").
pub fn name_at_start(rest: &str) -> bool {
    names_in(rest).next().is_some_and(|m| m.start() == 0)
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
}
