//! The abbreviation table (`crates/ingest/data/organizations.tsv`): heads, sectors, places and
//! whole names of bodies, each spelling to its canonical form.

use nienbieu_model::tones::canonical;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The table, as shipped with the crate.
const TSV: &str = include_str!("../../data/organizations.tsv");

/// What a row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The opening words of a body's name ("UBND").
    Head,
    /// What a ministry or department looks after ("Giáo dục và Đào tạo").
    Sector,
    /// A province or city ("TP Hồ Chí Minh").
    Place,
    /// A whole name ("Bộ Chính trị").
    Body,
}

/// One spelling and what it means.
#[derive(Debug, Clone)]
pub struct Alias {
    /// The section of the table.
    pub section: Section,
    /// The spelling, as the table writes it.
    pub alias: String,
    /// Its comparison key: lower case, one tone placement (empty for case-sensitive aliases).
    pub key: String,
    /// The canonical form.
    pub canonical: String,
}

/// Every alias, longest first, so that the first match is the longest.
pub static ALIASES: LazyLock<Vec<Alias>> = LazyLock::new(|| {
    let mut out = Vec::new();
    for line in TSV.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(section), Some(canon), Some(aliases)) = (cols.next(), cols.next(), cols.next())
        else {
            continue;
        };
        let section = match section {
            "head" => Section::Head,
            "sector" => Section::Sector,
            "place" => Section::Place,
            _ => Section::Body,
        };
        for a in aliases.split('|').chain([canon]) {
            out.push(Alias {
                section,
                alias: a.to_string(),
                key: if is_abbreviation(a) {
                    String::new()
                } else {
                    key(a)
                },
                canonical: canon.to_string(),
            });
        }
    }
    out.sort_by_key(|a| std::cmp::Reverse(a.alias.chars().count()));
    out.dedup_by(|a, b| a.section == b.section && a.alias == b.alias);
    out
});

/// An abbreviation ("GD&ĐT", "TPHCM", "CP") is matched exactly: "Sở TC" but not "tc".
fn is_abbreviation(a: &str) -> bool {
    a.split_whitespace()
        .all(|w| !w.chars().any(char::is_lowercase))
}

/// True when `a` and `b` have the same letters, case, marks and dashes aside: a cheap test
/// that rules most spellings out before their keys are compared.
pub fn same_letters(a: &str, b: &str) -> bool {
    fn norm(c: char) -> char {
        match c {
            '–' | '—' => '-',
            c if c.is_whitespace() => ' ',
            c => nienbieu_model::fold::fold_char(c).unwrap_or(c),
        }
    }
    a.chars().map(norm).eq(b.chars().map(norm))
}

/// The comparison key of a spelling: lower case, one tone placement, single spaces, "-" for
/// dashes.
pub fn key(s: &str) -> String {
    let s = canonical(&s.to_lowercase()).replace(['–', '—'], "-");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Aliases by their first word's key (lower case, one tone placement), longest first: a
/// lookup reads a handful of aliases, not the table.
static BY_FIRST_WORD: LazyLock<HashMap<String, Vec<usize>>> = LazyLock::new(|| {
    let mut map: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in ALIASES.iter().enumerate() {
        map.entry(first_word_key(&a.alias)).or_default().push(i);
    }
    map
});

fn first_word_key(s: &str) -> String {
    let end = s
        .find(|c: char| !c.is_alphanumeric() && c != '&')
        .unwrap_or(s.len());
    key(&s[..end])
}

/// The longest alias of `section` that `rest` starts with, whole words only: its canonical
/// form and the bytes of `rest` it covers.
pub fn match_alias(rest: &str, section: Section) -> Option<(&'static str, usize)> {
    let candidates = BY_FIRST_WORD.get(&first_word_key(rest))?;
    candidates
        .iter()
        .map(|&i| &ALIASES[i])
        .filter(|a| a.section == section)
        .find_map(|a| matches(rest, a).map(|n| (a.canonical.as_str(), n)))
}

/// How many bytes of `rest` spell `a`, if it starts with it and the word ends there.
fn matches(rest: &str, a: &Alias) -> Option<usize> {
    let n = if a.key.is_empty() {
        rest.starts_with(&a.alias).then_some(a.alias.len())?
    } else {
        let chars = a.alias.chars().count();
        // Only as many characters as the alias has: `rest` may run for a whole page.
        let end = rest
            .char_indices()
            .nth(chars)
            .map_or(rest.len(), |(i, _)| i);
        let long_enough = rest[..end].chars().count() >= chars;
        (long_enough && same_letters(&rest[..end], &a.alias) && key(&rest[..end]) == a.key)
            .then_some(end)?
    };
    let next = rest[n..].chars().next();
    next.is_none_or(|c| !c.is_alphanumeric()).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_alias_resolves_to_its_canonical_form() {
        for a in ALIASES.iter() {
            let text = format!("{} và", a.alias);
            let (canon, n) = match_alias(&text, a.section)
                .unwrap_or_else(|| panic!("{:?} does not match itself", a.alias));
            assert_eq!(n, a.alias.len(), "{:?}", a.alias);
            // A longer alias of another body could win only if it were the same spelling.
            assert_eq!(canon, a.canonical, "{:?}", a.alias);
        }
    }

    #[test]
    fn no_alias_means_two_things() {
        let mut seen: HashMap<(u8, String), &str> = HashMap::new();
        for a in ALIASES.iter() {
            let k = if a.key.is_empty() {
                a.alias.clone()
            } else {
                a.key.clone()
            };
            let section = a.section as u8;
            if let Some(other) = seen.insert((section, k), &a.canonical) {
                assert_eq!(other, a.canonical, "{:?} means two things", a.alias);
            }
        }
    }

    #[test]
    fn spellings_and_case() {
        assert_eq!(
            match_alias("GD&ĐT TPHCM", Section::Sector),
            Some(("Giáo dục và Đào tạo", 6))
        );
        assert_eq!(
            match_alias("Giáo dục - Đào tạo", Section::Sector)
                .unwrap()
                .0,
            "Giáo dục và Đào tạo"
        );
        assert_eq!(
            match_alias("giao thông vận tải", Section::Sector)
                .unwrap()
                .0,
            "Giao thông vận tải"
        );
        assert_eq!(
            match_alias("TP.HCM,", Section::Place),
            Some(("TP Hồ Chí Minh", 6))
        );
        assert_eq!(
            match_alias("Uỷ ban nhân dân", Section::Head).unwrap().0,
            "UBND"
        );
        assert_eq!(
            match_alias("Lao động trẻ", Section::Sector).unwrap().0,
            "Lao động - Thương binh và Xã hội"
        );
        assert_eq!(match_alias("TC", Section::Sector).unwrap().0, "Tài chính");
        assert_eq!(match_alias("tc", Section::Sector), None);
        assert_eq!(match_alias("Giáo dụcx", Section::Sector), None);
    }
}
