//! The place in an organisation's name: a level ("tỉnh", "TP", "huyện", ...) and a name, a
//! province or city written alone, "Trung ương"; and the place an article implies.

use super::table::{match_alias, Section};
use super::words::{capitalised_run, full_name_at, skip_spaces};
use crate::entities::{canonical_province, PROVINCE_NAMES};

/// The five centrally governed cities, as the province list writes them.
pub const CITIES: &[&str] = &[
    "TP Hồ Chí Minh",
    "Hà Nội",
    "Đà Nẵng",
    "Hải Phòng",
    "Cần Thơ",
];

/// An administrative level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// A province: "tỉnh".
    Province,
    /// A city: "TP", "thành phố".
    City,
    /// A district, commune, ward or town: "huyện", "quận", "xã", "phường", "thị xã", "thị trấn".
    Local(&'static str),
}

/// Level words, longest first, with the level each means.
const LEVELS: &[(&str, Level)] = &[
    ("thành phố", Level::City),
    ("Thành phố", Level::City),
    ("thị trấn", Level::Local("thị trấn")),
    ("thị xã", Level::Local("thị xã")),
    ("Thị xã", Level::Local("thị xã")),
    ("phường", Level::Local("phường")),
    ("huyện", Level::Local("huyện")),
    ("Huyện", Level::Local("huyện")),
    ("quận", Level::Local("quận")),
    ("Quận", Level::Local("quận")),
    ("tỉnh", Level::Province),
    ("Tỉnh", Level::Province),
    ("TP.", Level::City),
    ("Tp.", Level::City),
    ("TP", Level::City),
    ("Tp", Level::City),
    ("Q.", Level::Local("quận")),
    ("TX", Level::Local("thị xã")),
    ("xã", Level::Local("xã")),
    ("P.", Level::Local("phường")),
];

/// The places an article implies for a body written without one.
#[derive(Debug, Clone, Default)]
pub struct Implied {
    /// The province named most ("UBND tỉnh" in a Hưng Yên article).
    pub province: Option<String>,
    /// The centrally governed city named most ("UBND TP" in a Đà Nẵng article).
    pub city: Option<String>,
    /// The province or city named most, for a body written with no level ("Sở Y tế").
    pub most: Option<String>,
    /// The district, town or commune named most, by level word ("huyện" → "Tiên Lữ").
    pub locals: Vec<(&'static str, String)>,
}

impl Implied {
    /// From the article's provinces, most mentioned first.
    pub fn from_provinces(provinces: &[String]) -> Implied {
        let is_city = |p: &&String| CITIES.contains(&p.as_str());
        Implied {
            province: provinces.iter().find(|p| !is_city(p)).cloned(),
            city: provinces.iter().find(is_city).cloned(),
            most: provinces.first().cloned(),
            locals: Vec::new(),
        }
    }

    /// The same, with the districts named most at each local level, read from `texts`.
    pub fn with_locals<'a>(mut self, texts: impl IntoIterator<Item = &'a str>) -> Implied {
        let mut counts: Vec<(&'static str, String, usize)> = Vec::new();
        for t in texts {
            for level in ["huyện", "quận", "thị xã"] {
                let mut from = 0;
                while let Some(i) = t[from..].find(level) {
                    let at = from + i + level.len();
                    from = at;
                    let Some(rest) = t[at..].strip_prefix(' ') else {
                        continue;
                    };
                    if full_name_at(rest) {
                        continue;
                    }
                    if let Some(n) = capitalised_run(rest, 3) {
                        let name = &rest[..n];
                        match counts.iter_mut().find(|(l, m, _)| *l == level && m == name) {
                            Some(c) => c.2 += 1,
                            None => counts.push((level, name.to_string(), 1)),
                        }
                    }
                }
            }
        }
        // Most named first, first named first among equals.
        counts.sort_by_key(|c| std::cmp::Reverse(c.2));
        for (level, name, _) in counts {
            if !self.locals.iter().any(|(l, _)| *l == level) {
                self.locals.push((level, name));
            }
        }
        self
    }

    /// The district (or town) named most at `level`.
    pub fn local(&self, level: &str) -> Option<String> {
        self.locals
            .iter()
            .find(|(l, _)| *l == level)
            .map(|(_, n)| n.clone())
    }

    /// The same, except that `near` (the province or city named last before a body, in the
    /// same paragraph) comes first for its level: "Sở Tài chính TPHCM ... UBND TP".
    pub fn near(&self, near: Option<&str>) -> Implied {
        let mut i = self.clone();
        if let Some(p) = near {
            if CITIES.contains(&p) {
                i.city = Some(p.to_string());
            } else {
                i.province = Some(p.to_string());
            }
            i.most = Some(p.to_string());
        }
        i
    }

    /// The place for `level`, or for a body with no level, the province or city named most.
    pub fn place(&self, level: Option<Level>) -> Option<String> {
        match level {
            Some(Level::Province) => self.province.as_ref().map(|p| format!("tỉnh {p}")),
            Some(Level::City) => self.city.as_ref().map(|c| city(c)),
            Some(Level::Local(l)) => self.local(l).map(|n| format!("{l} {n}")),
            None => self.most.as_ref().map(|p| leveled(p, false)),
        }
    }
}

/// "TP Hà Nội", and "TP Hồ Chí Minh" as it is.
fn city(name: &str) -> String {
    if name.starts_with("TP ") {
        name.to_string()
    } else {
        format!("TP {name}")
    }
}

/// A place read after a body's head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A level and a name: "tỉnh Hưng Yên", "TP Hồ Chí Minh", "huyện Củ Chi", "quận 1".
    Named(String),
    /// A level without a name ("UBND tỉnh"): the article's place of that level, if any.
    Unnamed(Level),
    /// The national level: "Trung ương", "Việt Nam".
    National(&'static str),
    /// Every place of a level ("UBND quận huyện", "UBND xã, phường"): no one body.
    Every,
}

/// Reads a place at the start of `rest`: its form and the bytes read. `bare` gives the form
/// a party committee takes ("Tỉnh ủy Hưng Yên", "Thành ủy Hà Nội"); otherwise provinces and
/// cities get their level ("UBND tỉnh Hưng Yên", "Công an TP Hà Nội").
pub fn read_place(rest: &str, bare: bool) -> Option<(Place, usize)> {
    for (word, national) in [
        ("Trung ương", "Trung ương"),
        ("trung ương", "Trung ương"),
        ("T.Ư", "Trung ương"),
        ("TƯ", "Trung ương"),
        ("TW", "Trung ương"),
        ("Việt Nam", "Việt Nam"),
        ("VN", "Việt Nam"),
    ] {
        if rest.starts_with(word) && ends_word(&rest[word.len()..]) {
            return Some((Place::National(national), word.len()));
        }
    }
    // A city or province written whole: "TPHCM", "TP.HCM", "Thành phố Hà Nội", "Hưng Yên".
    if let Some((name, n)) = match_alias(rest, Section::Place).or_else(|| province_at(rest)) {
        return Some((Place::Named(leveled(name, bare)), n));
    }
    let (word, level) = LEVELS
        .iter()
        .find(|(w, _)| rest.starts_with(w) && (w.ends_with('.') || ends_word(&rest[w.len()..])))?;
    let after = skip_spaces(&rest[word.len()..]);
    let at = rest.len() - after.len();
    // "UBND quận huyện", "UBND xã, phường": every district's.
    if matches!(level, Level::Local(_))
        && ["huyện", "quận", "xã", "phường", ", ", "thị trấn"]
            .iter()
            .any(|w| after.starts_with(w))
    {
        return Some((Place::Every, word.len()));
    }
    let named = match level {
        // A person's name after "TP" or "tỉnh" belongs to the title before it ("Chủ tịch UBND
        // TP Lê Thanh Hải").
        Level::Province => province_at(after).or_else(|| place_name(after)),
        Level::City => match_alias(after, Section::Place)
            .or_else(|| province_at(after))
            .or_else(|| place_name(after)),
        Level::Local(_) => place_name(after).or_else(|| number_at(after).map(|n| (&after[..n], n))),
    };
    match named {
        Some((name, n)) => {
            let name = canonical_province(name);
            let place = match level {
                Level::Province => format!("tỉnh {name}"),
                Level::City => city(name),
                Level::Local(l) => format!("{l} {name}"),
            };
            Some((Place::Named(place), at + n))
        }
        None => Some((Place::Unnamed(*level), word.len())),
    }
}

/// "tỉnh Hưng Yên" or "TP Hà Nội" (or, `bare`, "Hưng Yên", "Hà Nội", "TP Hồ Chí Minh").
fn leveled(name: &str, bare: bool) -> String {
    let name = canonical_province(name);
    match (bare, CITIES.contains(&name)) {
        (true, _) => name.to_string(),
        (false, true) => city(name),
        (false, false) => format!("tỉnh {name}"),
    }
}

/// A province or city name from the gazetteer at the start of `rest`.
pub fn province_at(rest: &str) -> Option<(&'static str, usize)> {
    PROVINCE_NAMES
        .iter()
        .find(|p| rest.starts_with(**p) && ends_word(&rest[p.len()..]))
        .map(|p| (*p, p.len()))
}

/// Capitalised words that are not a person's name.
fn place_name(rest: &str) -> Option<(&str, usize)> {
    if full_name_at(rest) {
        return None;
    }
    capitalised_run(rest, 3).map(|n| (&rest[..n], n))
}

fn number_at(rest: &str) -> Option<usize> {
    let n = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (n > 0 && ends_word(&rest[n..])).then_some(n)
}

fn ends_word(rest: &str) -> bool {
    rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(s: &str, bare: bool) -> Option<Place> {
        read_place(s, bare).map(|(p, _)| p)
    }

    #[test]
    fn places_in_their_spellings() {
        let named = |s: &str| Some(Place::Named(s.to_string()));
        assert_eq!(
            place("tỉnh Hưng Yên tổ chức", false),
            named("tỉnh Hưng Yên")
        );
        assert_eq!(place("TPHCM vừa", false), named("TP Hồ Chí Minh"));
        assert_eq!(place("TP.HCM", true), named("TP Hồ Chí Minh"));
        assert_eq!(place("thành phố Hà Nội", false), named("TP Hà Nội"));
        assert_eq!(place("Hà Nội", true), named("Hà Nội"));
        assert_eq!(place("Hà Nội", false), named("TP Hà Nội"));
        assert_eq!(place("Đồng Nai thì", false), named("tỉnh Đồng Nai"));
        assert_eq!(place("TP Hội An, cho biết", false), named("TP Hội An"));
        assert_eq!(place("Q.1 vừa", false), named("quận 1"));
        assert_eq!(place("huyện Củ Chi", false), named("huyện Củ Chi"));
        assert_eq!(
            place("tỉnh vừa", false),
            Some(Place::Unnamed(Level::Province))
        );
        assert_eq!(
            place("T.Ư Đảng", false),
            Some(Place::National("Trung ương"))
        );
        assert_eq!(place("khóa XIX", false), None);
        assert_eq!(
            place("TP Lê Thanh Hải", false),
            Some(Place::Unnamed(Level::City))
        );
    }

    #[test]
    fn implied_places() {
        let i = Implied::from_provinces(&["Hà Nội".into(), "Hưng Yên".into()]);
        assert_eq!(
            i.place(Some(Level::Province)).as_deref(),
            Some("tỉnh Hưng Yên")
        );
        assert_eq!(i.place(Some(Level::City)).as_deref(), Some("TP Hà Nội"));
        assert_eq!(i.place(None).as_deref(), Some("TP Hà Nội"));
    }
}
