//! Provinces and centrally governed cities, from a gazetteer.

use regex::Regex;
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
    "Hà Tây",
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
    "Thừa Thiên-Huế",
    "Tiền Giang",
    "TP Hồ Chí Minh",
    "TP. Hồ Chí Minh",
    "Thành phố Hồ Chí Minh",
    "TPHCM",
    "TP.HCM",
    "TP HCM",
    "TP. HCM",
    "Tp.HCM",
    "Tp HCM",
    "TP.Hồ Chí Minh",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
];

/// Older spellings to the name the app shows.
pub fn canonical_province(name: &str) -> &str {
    match name {
        "Bà Rịa – Vũng Tàu" => "Bà Rịa - Vũng Tàu",
        "Hoà Bình" => "Hòa Bình",
        "Khánh Hoà" => "Khánh Hòa",
        "Thanh Hoá" => "Thanh Hóa",
        "Thừa Thiên - Huế" | "Thừa Thiên-Huế" => "Thừa Thiên Huế",
        "TP Hồ Chí Minh"
        | "TP. Hồ Chí Minh"
        | "Thành phố Hồ Chí Minh"
        | "TPHCM"
        | "TP.HCM"
        | "TP HCM"
        | "TP. HCM"
        | "Tp.HCM"
        | "Tp HCM"
        | "TP.Hồ Chí Minh" => "TP Hồ Chí Minh",
        other => other,
    }
}

/// Every spelling of the gazetteer, longest first (so that the first match is the longest).
pub static PROVINCE_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut names: Vec<&str> = PROVINCES.to_vec();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
});

static PROVINCE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let alts: Vec<String> = PROVINCE_NAMES.iter().map(|n| regex::escape(n)).collect();
    // Whole words only, and not a person's name ("Hà Nam" in "Nguyễn Thị Hà Nam" is rare
    // enough; "Long An" inside "Long Anh" is not a match thanks to the word boundary).
    Regex::new(&format!(
        r"(?:^|[^\p{{L}}])({})(?:$|[^\p{{L}}])",
        alts.join("|")
    ))
    .unwrap()
});

/// Where one text names provinces and cities: byte offset and name.
pub type Mentions = Vec<(usize, &'static str)>;

/// The provinces of [`find_provinces`], and where each text names them (as
/// [`province_mentions`] gives), in one pass.
pub fn provinces_and_mentions(texts: &[&str]) -> (Vec<String>, Vec<Mentions>) {
    let mentions: Vec<Vec<(usize, &'static str)>> =
        texts.iter().map(|t| province_mentions(t)).collect();
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (_, name) in mentions.iter().flatten() {
        match counts.iter_mut().find(|(n, _)| n == name) {
            Some((_, k)) => *k += 1,
            None => counts.push((name, 1)),
        }
    }
    counts.sort_by_key(|(_, k)| std::cmp::Reverse(*k));
    (
        counts.into_iter().map(|(n, _)| n.to_string()).collect(),
        mentions,
    )
}

/// Where each province or city is named in `t`: byte offset and name, in text order.
pub fn province_mentions(t: &str) -> Vec<(usize, &'static str)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(c) = PROVINCE_RE.captures_at(t, at) {
        let m = c.get(1).unwrap();
        let name = PROVINCE_NAMES
            .iter()
            .find(|n| **n == m.as_str())
            .map_or("", |n| canonical_province(n));
        out.push((m.start(), name));
        at = m.end();
    }
    out
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provinces_need_whole_words() {
        assert_eq!(find_provinces(["Long Anh không phải Long An"]), ["Long An"]);
        assert_eq!(find_provinces(["Thanh Hoá và Thanh Hóa"]), ["Thanh Hóa"]);
    }
}
