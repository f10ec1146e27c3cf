//! People named with their titles: names, the titles beside them, and each title split into
//! the role and the organisation it is held in.

use crate::orgs::parse::parse_at;
use crate::orgs::Implied;
use crate::text::floor_boundary;
use nienbieu_model::article::Title;
use nienbieu_model::tones::canonical;
use nienbieu_model::Person;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Common Vietnamese surnames: a capitalised run starting with one of these is a name.
const SURNAMES: &str = "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đàm|Quách|Chu|Đinh|Mai|Trương|Lương|Tô|Hà|Cao|Đoàn|Lâm|Phùng|Thái|Tạ|Lưu|Triệu|Kiều|Khúc|Mạc|Vương|Tăng|La|Châu|Nông|Hứa|Đào|Trịnh|Đồng|Lò|Quan|Lục|Thân|Nghiêm|Giang|Tống|Văn|Doãn|Âu|Lã|Tôn|Hầu|Bế|Bành|Cù|Diệp|Ninh|Khổng|Lại|Kha|Giáp|Hàn|Phí|Quản|Mẫn|Khuất|Bạch|Thạch|Lữ|Thích|Ung|Nhâm|Cung|Cấn|Mã|Uông";

/// Offices and ranks that begin a title, compared without case ("phó giám đốc"); longer
/// ones first, as the regex takes the first that matches.
const TITLE_HEADS: &str = r"Phó Tổng Bí thư|Tổng Bí thư|Phó Bí thư Thường trực|Phó Bí thư|Bí thư|Phó Chủ tịch nước|Chủ tịch nước|Phó Chủ tịch Thường trực|Phó Chủ tịch|Chủ tịch|Phó Trưởng ban|Trưởng ban|Phó trưởng phòng|Trưởng phòng|Phó phòng|Phó Trưởng|Trưởng đoàn|Trưởng|Phó Tổng Giám đốc|Tổng Giám đốc|Phó Giám đốc|Giám đốc|Tỉnh ủy viên|Tỉnh uỷ viên|TUV|Ủy viên|Uỷ viên|Thường trực|Thứ trưởng|Bộ trưởng|Đại biểu|Phó Tổng Thanh tra|Tổng Thanh tra|Phó Chánh|Chánh|Phó Thủ tướng|Thủ tướng|Phó Chủ nhiệm|Chủ nhiệm|Hiệu trưởng|Hiệu phó|Viện phó|Phó Viện trưởng|Viện trưởng|Phó Vụ trưởng|Vụ trưởng|Phó Cục trưởng|Phó tổng Cục trưởng|Tổng Cục trưởng|Cục trưởng|Cục phó|Tổng thư ký|Tổng Kiểm toán Nhà nước|Thanh tra viên chính|Chánh án|Đội trưởng|Phó Tư lệnh|Tư lệnh|Đại sứ|Chủ tịch HĐQT|Đô đốc|Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá";

/// Words before a capitalised run that make it a place, not a person ("TP Hồ Chí Minh",
/// "tư tưởng Hồ Chí Minh", "tỉnh Lâm Đồng", "đường Lê Lợi").
const NOT_A_PERSON_AFTER: &[&str] = &[
    "TP",
    "TP.",
    "Tp",
    "Tp.",
    "thành phố",
    "Thành phố",
    "tỉnh",
    "Tỉnh",
    "huyện",
    "quận",
    "xã",
    "phường",
    "thị xã",
    "thị trấn",
    "đường",
    "phố",
    "Trường",
    "trường",
    "cầu",
    "chợ",
    "tư tưởng",
    "TNCS",
    "Học viện",
    "Bảo tàng",
    "Lăng",
    "Quảng trường",
    "Đại học",
    "ĐH",
    "Viện",
    "Quỹ",
    "giải",
    "Giải",
    "sông",
    "núi",
    "hồ",
    "đảo",
    "khu",
    "Khu",
    "Đoàn",
    "Đội",
    "Cúp",
    "Bến",
];

// No `\b` and no class before the surname: either keeps the regex engine from searching for
// the surnames as literals first. A name is a surname and one to three capitalised
// syllables; `next_name` checks that no letter is glued before it.
static NAME_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:{SURNAMES})(?:\s\p{{Lu}}\p{{Ll}}*){{1,3}}")).unwrap()
});

/// The first name in `t` at or after `from`.
fn next_name(t: &str, mut from: usize) -> Option<regex::Match<'_>> {
    while let Some(m) = NAME_RE.find_at(t, from) {
        if !t[..m.start()].ends_with(char::is_alphabetic) {
            return Some(m);
        }
        from = m.start() + t[m.start()..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// A name after "ông", "bà", "ngài", however it is spelt ("ông Raj Andy", "ngài Edilberto C De
/// Jesus"): a person when a title follows it.
static HONORIFIC_NAME_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^\p{L}])(?:ông|bà|ngài|Ông|Bà|Ngài)\s+(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){1,4})",
    )
    .unwrap()
});

static ROLE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:\s*(?:,|-|–|\(|được bầu giữ chức|được bầu làm|giữ chức)\s*|\s+)(?:(?:lúc ấy|lúc đó|khi đó|hiện|nay) là\s+|làm\s+)?(?:nguyên\s+|giữ chức\s+)?((?i:{TITLE_HEADS})[^;.:()“”\n]*)"
    ))
    .unwrap()
});
static ROLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^\p{{L}}])((?i:{TITLE_HEADS})[^;.:()“”\n]*?)\s*(?:-|–|,(?:\s*(?:ông|bà))?)?\s*$"
    ))
    .unwrap()
});

/// The office or rank a title opens with.
static HEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?i:{TITLE_HEADS})")).unwrap());

/// People named with a title next to their name, in order of first mention; one entry per
/// name with every title the article gives.
///
/// Each title is also split into the role and the organisation it is held in, the
/// organisation by its canonical name with the article's place where the title leaves it out.
///
/// ```
/// use nienbieu_ingest::orgs::Implied;
/// use nienbieu_ingest::people::find_people;
/// let implied = Implied::from_provinces(&["TP Hồ Chí Minh".into()]);
/// let p = find_people(["Đồng chí Lê Quốc Chỉnh, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh; ông Lê Văn A - phó chủ tịch UBND TP"], &implied);
/// assert_eq!(p[0].name, "Lê Quốc Chỉnh");
/// assert_eq!(p[0].roles, ["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"]);
/// assert_eq!((p[1].titles[0].role.as_str(), p[1].titles[0].organization.as_deref()), ("phó chủ tịch", Some("UBND TP Hồ Chí Minh")));
/// ```
pub fn find_people<'a>(texts: impl IntoIterator<Item = &'a str>, implied: &Implied) -> Vec<Person> {
    let mut order: Vec<String> = Vec::new();
    let mut roles: HashMap<String, Vec<String>> = HashMap::new();
    for t in texts {
        let mut prev_end = 0;
        let mut prev_person_end = 0;
        let mut from = 0;
        while let Some(m) = next_name(t, from) {
            from = m.end();
            // "TP Hồ Chí Minh Lê Thanh Hải": the place, then a name; read on after the place.
            if let Some(place) = PLACES_LIKE_NAMES
                .iter()
                .chain(crate::entities::PROVINCE_NAMES.iter())
                .find(|p| m.as_str().starts_with(**p) && m.as_str().len() > p.len())
            {
                from = m.start() + place.len();
                continue;
            }
            let name = canonical(m.as_str());
            let clause_floor = std::mem::replace(&mut prev_end, m.end());
            if name.split_whitespace().count() < 2 || is_place(&t[..m.start()], &name) {
                continue;
            }
            let person_floor = std::mem::replace(&mut prev_person_end, m.end());
            let mut found = titles_around(t, m.start(), m.end(), clause_floor);
            if found.is_empty() && person_floor < clause_floor {
                // "Phó giám đốc Sở ... Ninh Thuận, ông Lê Huyền": the title runs through a
                // place, where no title ends before the name.
                found = titles_around(t, m.start(), m.end(), person_floor);
            }
            add(&mut order, &mut roles, name, found);
        }
        // Foreign and other names the surname list misses, when a title follows them.
        let honorific = ["ông ", "bà ", "ngài ", "Ông ", "Bà ", "Ngài "]
            .iter()
            .any(|h| t.contains(h));
        for c in HONORIFIC_NAME_RE.captures_iter(if honorific { t } else { "" }) {
            let m = c.get(1).expect("group 1");
            let name = canonical(m.as_str().trim_end_matches('.'));
            if roles.contains_key(&name) || is_place(&t[..m.start()], &name) {
                continue;
            }
            let after = &t[m.end()..floor_boundary(t, m.end() + TITLE_WINDOW)];
            if let Some(r) = ROLE_AFTER.captures(after) {
                add(&mut order, &mut roles, name, split_roles(&r[1], true));
            }
        }
    }
    order
        .into_iter()
        .filter_map(|name| {
            let r = roles.remove(&name)?;
            let titles = r.iter().map(|t| split_title(t, implied)).collect();
            (!r.is_empty()).then_some(Person {
                name,
                roles: r,
                titles,
            })
        })
        .collect()
}

fn add(
    order: &mut Vec<String>,
    roles: &mut HashMap<String, Vec<String>>,
    name: String,
    found: Vec<String>,
) {
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

/// How far from a name its titles are looked for, in bytes (about 130 letters).
const TITLE_WINDOW: usize = 400;

/// Words that end a title before a name: the clause is about something else there
/// ("Thanh tra viên chính Bộ X đã công bố quyết định của Bộ trưởng Đào Đình Bình").
const NOT_IN_TITLE: &[&str] = &[
    " đã ",
    " của ",
    " về ",
    " là ",
    " được ",
    " cho ",
    " với ",
    " để ",
];

/// True when `w` is in `span` and ends the title there; "của" followed by a body's name
/// ("Chủ nhiệm Ủy ban Đối ngoại của Quốc hội") stays in the title.
fn not_in_title(span: &str, w: &str) -> bool {
    span.match_indices(w).any(|(i, _)| {
        let next = &span[i + w.len()..];
        let body = OF_BODY.iter().any(|b| next.starts_with(b)) && !HEAD.is_match(next);
        w != " của " || !body
    })
}

/// Bodies a title may name after "của".
const OF_BODY: &[&str] = &[
    "Quốc hội",
    "QH",
    "Chính phủ",
    "Bộ ",
    "Sở ",
    "UBND",
    "HĐND",
    "Ủy ban",
    "Uỷ ban",
    "Tỉnh ủy",
    "Thành ủy",
    "Tỉnh uỷ",
    "Thành uỷ",
];

/// The titles beside the name at `start..end` of `t`: after it ("X, Phó Giám đốc Sở ...",
/// "X (Chủ tịch ...)"), and before it, back to the clause start ("Phó Bí thư Thường trực Tỉnh
/// ủy, Chủ tịch HĐND tỉnh Trần Quốc Toản").
fn titles_around(t: &str, start: usize, end: usize, floor: usize) -> Vec<String> {
    let mut found = Vec::new();
    // Titles are short: a window each side keeps a page-long paragraph linear.
    let floor = floor.max(floor_boundary(t, start.saturating_sub(TITLE_WINDOW)));
    let before = &t[floor.min(start)..start];
    let after = &t[end..floor_boundary(t, end + TITLE_WINDOW)];
    // A short bracket closed before the name ("... (HUD) Đào Tiến Dũng") is part of the clause.
    let mut clause_start = 0;
    for (i, c) in before.char_indices().rev() {
        let closed = c == '(' && before[i..].contains(')');
        if matches!(c, ';' | '.' | ':' | '(' | '“') && !closed {
            clause_start = clause_start.max(i + c.len_utf8());
            break;
        }
    }
    let clause = &before[clause_start..];
    let clause = clause
        .rfind("đồng chí ")
        .or_else(|| clause.rfind("Đồng chí "))
        .map_or(clause, |i| &clause[i + "đồng chí ".len()..]);
    // The first title in the clause from which no verb or preposition runs to the name.
    let mut from = 0;
    while let Some(c) = ROLE_BEFORE.captures_at(clause, from) {
        let m = c.get(1).expect("group 1");
        let span = &clause[m.start()..];
        // A part joined by "và" next to the name must be a title itself: in "X, Phó Tổng
        // Thanh tra, và tiến sĩ Y" the titles are X's.
        let title = m.as_str().trim_end_matches([',', ' ']);
        let last = title.rsplit(',').next().unwrap_or("").trim();
        let other = last.strip_prefix("và ").is_some_and(|l| !HEAD.is_match(l));
        if NOT_IN_TITLE.iter().any(|w| not_in_title(span, w)) || other {
            from = m.start() + m.as_str().chars().next().map_or(1, char::len_utf8);
            continue;
        }
        found.extend(split_roles(m.as_str(), false));
        break;
    }
    if let Some(c) = ROLE_AFTER.captures(after) {
        for r in split_roles(&c[1], true) {
            if !found.contains(&r) {
                found.push(r);
            }
        }
    }
    found
}

/// Names that are places or things rather than people ("Hồ Chí Minh" in "TP Hồ Chí Minh").
const PLACES_LIKE_NAMES: &[&str] = &["Hồ Chí Minh"];

/// Capitalised pairs that begin with a surname but name no one.
const NOT_PEOPLE: &[&str] = &[
    "Châu Á",
    "Châu Âu",
    "Châu Phi",
    "Châu Mỹ",
    "Châu Úc",
    "Hàn Quốc",
    "Đoàn Luật",
    "Hà Lan",
    "Trung Quốc",
    "Thái Lan",
    "Tô Châu",
];

/// True when a capitalised run is a place or a thing named after a person, not a person
/// ("TP Hồ Chí Minh", "tư tưởng Hồ Chí Minh", "Lâm Đồng").
fn is_place(before: &str, name: &str) -> bool {
    let b = before.trim_end();
    // "Chủ tịch UBND tỉnh Lục Văn Bằng": a full name after a level word is a person, the
    // place left out.
    if NOT_PEOPLE.iter().any(|n| name.starts_with(n)) {
        return true;
    }
    let full_name = name.split_whitespace().count() >= 3
        && !PLACES_LIKE_NAMES.contains(&name)
        && [
            "TP",
            "TP.",
            "Tp",
            "thành phố",
            "tỉnh",
            "huyện",
            "quận",
            "xã",
            "phường",
            "thị xã",
        ]
        .iter()
        .any(|w| b.ends_with(w));
    (!full_name
        && NOT_A_PERSON_AFTER
            .iter()
            .any(|w| b.ends_with(w) && !b[..b.len() - w.len()].ends_with(char::is_alphanumeric)))
        || crate::entities::PROVINCE_NAMES.contains(&name)
}

/// Heads a role implies for the words after it: "Cục trưởng Quản lý dược" is the head of the
/// "Cục Quản lý dược".
const ROLE_BODY: &[(&str, &str)] = &[
    ("cục trưởng", "Cục"),
    ("cục phó", "Cục"),
    ("phó cục trưởng", "Cục"),
    ("vụ trưởng", "Vụ"),
    ("phó vụ trưởng", "Vụ"),
    ("viện trưởng", "Viện"),
    ("phó viện trưởng", "Viện"),
    ("trưởng ban", "Ban"),
    ("phó trưởng ban", "Ban"),
    ("bộ trưởng", "Bộ"),
    ("thứ trưởng", "Bộ"),
];

/// A title split into its role and the organisation, by canonical name: "Phó Chủ tịch UBND
/// TP" gives "Phó Chủ tịch" and "UBND TP Hồ Chí Minh".
fn split_title(title: &str, implied: &Implied) -> Title {
    let Some(head) = HEAD.find(title) else {
        return Title {
            role: title.to_string(),
            organization: None,
        };
    };
    let role = head.as_str().to_string();
    let rest = title[head.end()..].trim_start();
    let body = |text: &str| {
        parse_at(text, 0, implied, 0)
            .filter(|p| !p.generic)
            .map(|p| canonical(&p.name))
    };
    let mut organization = body(rest);
    if organization.is_none() && !rest.is_empty() {
        let lower = role.to_lowercase();
        if let Some((_, h)) = ROLE_BODY.iter().find(|(r, _)| *r == lower) {
            let rest = rest.strip_prefix(h).map_or(rest, str::trim_start);
            organization = body(&format!("{h} {rest}"));
        }
    }
    Title { role, organization }
}

/// "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh, Trưởng đoàn ..." into its titles;
/// a comma followed by something that is not a title ends the list. After a name
/// (`after`), a title naming someone else is theirs and ends the list too.
fn split_roles(s: &str, after: bool) -> Vec<String> {
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
            " ký ",
            " cho rằng",
            " nói",
            " được ",
            " là ",
            " cùng ",
            " với ",
            " lại ",
            " - là",
            " sẽ ",
        ]
        .iter()
        .filter_map(|v| part.find(v))
        .min()
        .unwrap_or(part.len());
        // "..., Bộ trưởng Y tế Trần Thị Trung Chiến": another person's title ends the list.
        let someone = named_in(&part[..cut]);
        let verb_follows = cut < part.len() || someone.is_some();
        let part = part[..someone.unwrap_or(cut)].trim();
        if part.is_empty() || someone.is_some() && (after || !out.is_empty()) {
            break;
        }
        // A long run is a title and the sentence going on: keep the title's words.
        let part = if part.split_whitespace().count() > 14 {
            let words: Vec<&str> = part.split_whitespace().collect();
            let keep = words
                .iter()
                .enumerate()
                .skip(2)
                .find(|(i, w)| {
                    crate::orgs::words::is_stop_at(w, words.get(i + 1).copied().unwrap_or(""))
                })
                .map_or(14, |(i, _)| i.min(14));
            if !out.is_empty() {
                break; // a later part this long is a sentence, not a title
            }
            words[..keep].join(" ")
        } else {
            part.to_string()
        };
        let part = trim_joiners(&part);
        if part.is_empty() {
            break;
        }
        out.push(part.to_string());
        if verb_follows {
            break; // the verb phrase ends the list
        }
    }
    out
}

/// A title without the words that joined it to the next name ("Chủ tịch LĐLĐ và ông").
fn trim_joiners(title: &str) -> &str {
    let mut t = title.trim_end();
    while let Some((head, last)) = t.rsplit_once(' ') {
        if !matches!(last, "và" | "ông" | "bà" | "cùng" | "-" | "–" | "với") {
            break;
        }
        t = head.trim_end();
    }
    t
}

/// Words after which a person's name names a place or an institution.
const NAMED_AFTER: &[&str] = &[
    "trường",
    "học",
    "viện",
    "ty",
    "phần",
    "huyện",
    "quận",
    "xã",
    "phường",
    "tỉnh",
    "tp",
    "thành",
    "phố",
    "đường",
    "chợ",
    "clb",
    "lạc",
    "bộ",
    "đội",
    "khu",
    "ấp",
    "làng",
];

/// Where a title names a person (not a place such as "quận Lê Chân"), if it does.
fn named_in(title: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(m) = next_name(title, from) {
        let name = m.as_str();
        let place = PLACES_LIKE_NAMES
            .iter()
            .chain(crate::entities::PROVINCE_NAMES.iter())
            .any(|p| name.starts_with(p));
        // A full name (three words or more), not a school, a hospital or a district named
        // after someone ("trường THPT Nguyễn Gia Thiều", "huyện Cù Lao Dung").
        let before = title[..m.start()].trim_end();
        let prev = before.rsplit(' ').next().unwrap_or("");
        let named_after = ["THPT", "THCS", "PTTH", "PTCS", "ĐH", "CĐ", "TH", "BV"].contains(&prev)
            || NAMED_AFTER.contains(&prev.to_lowercase().as_str());
        if m.start() > 0
            && name.split(' ').count() >= 3
            && !place
            && !named_after
            && !is_place(before, name)
        {
            return Some(m.start());
        }
        from = m.end();
    }
    None
}

/// True when `rest` starts with a person's name ("Lê Thanh Hải ...").
pub fn name_at_start(rest: &str) -> bool {
    // A name is a few words: looking no further keeps the search from running down the page.
    let head = &rest[..floor_boundary(rest, 96)];
    NAME_RE.find(head).is_some_and(|m| m.start() == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_before_and_after_names() {
        let implied = Implied::from_provinces(&["Long An".into()]);
        let p = find_people([
            "Tham dự có các đồng chí: Lê Quang Toản - Bí thư Đảng ủy, Chủ tịch LĐLĐ tỉnh; Chu Ngọc Hoa Liễu - Phó Bí thư Đảng ủy, Phó Chủ tịch LĐLĐ tỉnh; ủy viên BCH",
            "chỉ đạo của Bí thư Tỉnh uỷ, Chủ tịch HĐND tỉnh Long An - Nguyễn Văn Được tại hội nghị",
        ], &implied);
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
        let i = Implied::default();
        let p = find_people(
            ["tác phẩm “Kiên quyết” của đồng chí Tổng Bí thư Nguyễn Phú Trọng"],
            &i,
        );
        assert_eq!(p[0].name, "Nguyễn Phú Trọng");
        assert_eq!(p[0].roles, ["Tổng Bí thư"]);
        assert!(find_people(["“Nguyễn"], &i).is_empty());
    }

    /// Regression: "Chủ tịch UBND TP Hồ Chí Minh Lê Thanh Hải" gave a person "Hồ Chí Minh".
    #[test]
    fn places_are_not_people() {
        let i = Implied::default();
        let p = find_people(
            [
                "Chủ tịch UBND TP Hồ Chí Minh Lê Thanh Hải cho biết",
                "Phó Chủ tịch UBND tỉnh Lâm Đồng đã",
            ],
            &i,
        );
        let names: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Lê Thanh Hải"]);
        assert_eq!(
            p[0].titles[0].organization.as_deref(),
            Some("UBND TP Hồ Chí Minh")
        );
    }

    #[test]
    fn titles_across_a_place_and_lists_of_others() {
        let i = Implied::from_provinces(&["Ninh Thuận".into()]);
        let p = find_people(
            [
                "Phó giám đốc Sở Tài nguyên - Môi trường Ninh Thuận, ông Lê Huyền cho biết",
                "gồm: Bộ trưởng Công nghiệp Hoàng Trung Hải, Bộ trưởng Y tế Trần Thị Trung Chiến, Bộ trưởng GTVT Đào Đình Bình.",
                "Theo TS Phạm Vũ Quyết Thắng, Phó Tổng Thanh tra Chính phủ, và tiến sĩ Lê Quý Phượng, Viện phó Viện Khoa học TDTT",
            ],
            &i,
        );
        let got: Vec<(&str, Vec<&str>)> = p
            .iter()
            .map(|p| {
                (
                    p.name.as_str(),
                    p.roles.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Lê Huyền",
                    vec!["Phó giám đốc Sở Tài nguyên - Môi trường Ninh Thuận"]
                ),
                ("Hoàng Trung Hải", vec!["Bộ trưởng Công nghiệp"]),
                ("Trần Thị Trung Chiến", vec!["Bộ trưởng Y tế"]),
                ("Đào Đình Bình", vec!["Bộ trưởng GTVT"]),
                ("Phạm Vũ Quyết Thắng", vec!["Phó Tổng Thanh tra Chính phủ"]),
                ("Lê Quý Phượng", vec!["Viện phó Viện Khoa học TDTT"]),
            ]
        );
    }

    #[test]
    fn offices_in_any_case() {
        let i = Implied::from_provinces(&["TP Hồ Chí Minh".into()]);
        let p = find_people(
            [
                "Ông Trần Quang Phượng, giám đốc Sở GTCC TP.HCM, cho biết",
                "Theo Cục trưởng Quản lý dược Việt Nam Trần Công Kỷ, thông tư",
                "ông Phan Văn Phúc (Chủ tịch UBND thị xã Đồng Xoài ký ngày 7-10-2004)",
            ],
            &i,
        );
        let got: Vec<(&str, &str, Option<&str>)> = p
            .iter()
            .map(|p| {
                (
                    p.name.as_str(),
                    p.titles[0].role.as_str(),
                    p.titles[0].organization.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Trần Quang Phượng",
                    "giám đốc",
                    Some("Sở Giao thông công chính TP Hồ Chí Minh")
                ),
                ("Trần Công Kỷ", "Cục trưởng", Some("Cục Quản lý dược")),
                ("Phan Văn Phúc", "Chủ tịch", Some("UBND thị xã Đồng Xoài")),
            ]
        );
    }
}
