//! Organisations as entities: whole names, one canonical form per body (abbreviations and
//! written-out forms merged, the article's province attached where the name leaves it out),
//! and every spelling kept as an alias.

pub mod parse;
pub mod place;
pub mod table;
pub mod words;

pub use place::Implied;

use nienbieu_model::tones::canonical;
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// One mention of an organisation in one of the texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Which text (index in the order given).
    pub text: usize,
    /// Byte range in that text.
    pub start: usize,
    /// End of the name in that text.
    pub end: usize,
    /// The canonical name.
    pub name: String,
    /// The name without its place, where the place is the article's, not the text's.
    pub base: Option<String>,
}

/// The organisations of an article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Organizations {
    /// Canonical names, in order of first mention.
    pub names: Vec<String>,
    /// Other spellings of each, where the text wrote it another way.
    pub aliases: BTreeMap<String, Vec<String>>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// How much text after "Trưởng ban" a name is read from, in bytes.
const NAME_WINDOW: usize = 300;

/// Where a name may start: the first words of every head, as most pages write them.
static HEAD_RE: LazyLock<Regex> = LazyLock::new(|| {
    let heads = [
        "UBND",
        "HĐND",
        "MTTQ",
        "LĐLĐ",
        "TAND",
        "VKSND",
        "BCH",
        "BTV",
        "UBKT",
        "BCĐ",
        "UB",
        "Ủy ban",
        "Uỷ ban",
        "Hội đồng nhân dân",
        "Ban",
        "Bộ",
        "Sở",
        "Cục",
        "Tổng cục",
        "Tổng Liên đoàn",
        "Tổng LĐLĐ",
        "Vụ",
        "Viện",
        "Học viện",
        "Văn phòng",
        "Thanh tra",
        "Đảng ủy",
        "Đảng uỷ",
        "Đảng bộ",
        "Chi bộ",
        "Công an",
        "Công đoàn",
        "Tỉnh ủy",
        "Tỉnh uỷ",
        "Thành ủy",
        "Thành uỷ",
        "Huyện ủy",
        "Huyện uỷ",
        "Quận ủy",
        "Quận uỷ",
        "Thị ủy",
        "Thị uỷ",
        "Thường trực",
        "Hội Liên hiệp",
        "Hội LHPN",
        "Hội Nông dân",
        "Hội Nhà báo",
        "Hội Nhà văn",
        "Hội Nhạc sĩ",
        "Hội Luật gia",
        "Hội Chữ thập đỏ",
        "Hội CTĐ",
        "Hội nhà báo",
        "Hội nhà văn",
        "Hội nhạc sĩ",
        "Hội luật gia",
        "Hội chữ thập đỏ",
        "Hội Cựu chiến binh",
        "Hội CCB",
        "Mặt trận",
        "Liên đoàn",
        "Tòa án",
        "Toà án",
        "Chính phủ",
        "Quốc hội",
        "Kiểm toán",
        "Ngân hàng Nhà nước",
        "Trung ương Đoàn",
        "T.Ư Đoàn",
        "TƯ Đoàn",
        "Thành Đoàn",
        "Tỉnh Đoàn",
        "Đoàn TNCS",
    ];
    let alts: Vec<String> = heads.iter().map(|h| regex::escape(h)).collect();
    // Literals only, so that the engine looks for them first; word boundaries are checked
    // around each match.
    Regex::new(&alts.join("|")).unwrap()
});

/// Finds the organisations named in the texts, with `implied` the places the article names
/// most (for "UBND tỉnh", "Sở Y tế", "Thành ủy").
///
/// ```
/// use nienbieu_ingest::orgs::{find_organizations, Implied};
/// let implied = Implied::from_provinces(&["TP Hồ Chí Minh".into()]);
/// let o = find_organizations(&["UBND TP vừa họp với Sở GD-ĐT TPHCM và Ủy ban nhân dân thành phố"], &implied);
/// assert_eq!(o.names, ["UBND TP Hồ Chí Minh", "Sở Giáo dục và Đào tạo TP Hồ Chí Minh"]);
/// assert_eq!(o.aliases["UBND TP Hồ Chí Minh"], ["UBND TP", "Ủy ban nhân dân thành phố"]);
/// ```
pub fn find_organizations(texts: &[&str], implied: &Implied) -> Organizations {
    let places: Vec<Vec<(usize, &'static str)>> = texts
        .iter()
        .map(|t| crate::entities::province_mentions(t))
        .collect();
    find_organizations_with(texts, implied, &places)
}

/// [`find_organizations`], given where each text names provinces and cities.
pub fn find_organizations_with(
    texts: &[&str],
    implied: &Implied,
    places: &[Vec<(usize, &'static str)>],
) -> Organizations {
    let mut mentions = Vec::new();
    let mut written: Vec<String> = Vec::new();
    let mut bare_sector: Vec<usize> = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let places = &places[i];
        let mut from = 0;
        let mut starts: Vec<(usize, Option<String>)> = Vec::new();
        while let Some(head) = HEAD_RE.find_at(t, from) {
            from = head.start() + t[head.start()..].chars().next().map_or(1, char::len_utf8);
            let glued = t[..head.start()].ends_with(char::is_alphanumeric)
                || t[head.end()..].starts_with(char::is_alphanumeric);
            if !glued {
                starts.push((head.start(), None));
            }
        }
        // "Trưởng ban Tổ chức Tỉnh ủy": the body is the "Ban Tổ chức Tỉnh ủy".
        for (k, _) in t.match_indices("rưởng ban ") {
            let at = k + "rưởng ban ".len();
            if t[at..].starts_with(char::is_uppercase) {
                // A name is a few words: no more of the text than a long one needs.
                let name = &t[at..crate::text::floor_boundary(t, at + NAME_WINDOW)];
                starts.push((at, Some(format!("Ban {name}"))));
            }
        }
        starts.sort();
        let mut from = 0;
        for (start, synthetic) in starts {
            if start < from || plural_before(&t[..start]) {
                continue;
            }
            // The place named last before the name (mentions come in text order).
            let before = places.partition_point(|(p, _)| *p < start);
            let near = before.checked_sub(1).map(|k| places[k].1);
            let implied = implied.near(near);
            let (p, offset) = match &synthetic {
                Some(text) => match parse::parse_at(text, 0, &implied, 0) {
                    Some(p) => (p, start as isize - 4),
                    None => continue,
                },
                None => match parse::parse_at(t, start, &implied, 0) {
                    Some(p) => (p, 0),
                    None => continue,
                },
            };
            let end = (p.end as isize + offset).max(start as isize + 1) as usize;
            from = end;
            let p = parse::Parsed { end, ..p };
            let name = canonical(&p.name);
            if p.generic {
                // "Đảng ủy Sở": the department the article is about, if it names only one.
                if name.ends_with(" Sở") && name.len() > 4 {
                    bare_sector.push(mentions.len());
                } else {
                    continue;
                }
            }
            let shown = match &synthetic {
                Some(_) => format!("Ban {}", &t[start..p.end]),
                None => t[start..p.end].to_string(),
            };
            written.push(
                canonical(&shown)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            mentions.push(Mention {
                text: i,
                start,
                end: p.end,
                name,
                base: p.base.map(|b| canonical(&b)),
            });
        }
    }
    resolve_bare_sector(&mut mentions, &bare_sector);
    prefer_written_places(&mut mentions);
    expand_short_forms(&mut mentions);
    let mut names: Vec<String> = Vec::new();
    let mut aliases: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut kept = Vec::new();
    for (m, w) in mentions.into_iter().zip(written) {
        if m.name.ends_with(" Sở") {
            continue;
        }
        if !names.contains(&m.name) {
            names.push(m.name.clone());
        }
        let norm = w.replace(['–', '—'], "-");
        if norm != m.name {
            let list = aliases.entry(m.name.clone()).or_default();
            if !list.contains(&w) {
                list.push(w);
            }
        }
        kept.push(m);
    }
    Organizations {
        names,
        aliases,
        mentions: kept,
    }
}

/// True when the words before a head make it many bodies ("các Sở", "một số Sở GTVT").
fn plural_before(before: &str) -> bool {
    let b = before.trim_end();
    ["các", "những", "một số", "nhiều", "Các", "Những"]
        .iter()
        .any(|w| b.ends_with(w) && !b[..b.len() - w.len()].ends_with(char::is_alphanumeric))
}

/// "Đảng ủy Sở" becomes "Đảng ủy Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn" when the
/// article names that one department only.
fn resolve_bare_sector(mentions: &mut [Mention], bare: &[usize]) {
    let mut sectors: Vec<&str> = mentions
        .iter()
        .filter(|m| m.name.starts_with("Sở "))
        .map(|m| m.name.as_str())
        .collect();
    sectors.dedup();
    let [only] = sectors.as_slice() else { return };
    let only = only.to_string();
    for &i in bare {
        let prefix = mentions[i].name.trim_end_matches(" Sở").to_string();
        mentions[i].name = format!("{prefix} {only}");
    }
}

/// A body the text names with its place somewhere ("Sở TDTT TP.HCM") is that body wherever it
/// is named without one ("Sở TDTT"), whatever the article's most named province.
fn prefer_written_places(mentions: &mut [Mention]) {
    let written: Vec<String> = mentions
        .iter()
        .filter(|m| m.base.is_none())
        .map(|m| m.name.clone())
        .collect();
    for m in mentions.iter_mut() {
        let Some(base) = m.base.clone() else { continue };
        let mut with_place: Vec<&String> = written
            .iter()
            .filter(|w| w.starts_with(&base) && w[base.len()..].starts_with(' '))
            .collect();
        with_place.sort();
        with_place.dedup();
        if let [one] = with_place.as_slice() {
            m.name = (*one).clone();
        }
    }
}

/// A short form ("Đảng ủy Khối") is the body whose longer name it begins, when the article
/// names exactly one ("Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh Nam Định"); a body within
/// it follows ("Ban Thường vụ Đảng ủy Khối" likewise).
fn expand_short_forms(mentions: &mut [Mention]) {
    // Every name, and the bodies within names ("Đảng ủy Khối X" in "Ban Thường vụ Đảng ủy Khối X").
    let mut names: Vec<String> = mentions.iter().map(|m| m.name.clone()).collect();
    for m in mentions.iter() {
        for prefix in ["Ban Thường vụ ", "Ban Chấp hành ", "Thường trực "] {
            if let Some(inner) = m.name.strip_prefix(prefix) {
                names.push(inner.to_string());
            }
        }
    }
    let longer = |short: &str| -> Option<String> {
        let mut found: Vec<&String> = names
            .iter()
            .filter(|n| {
                n.len() > short.len() && n.starts_with(short) && n[short.len()..].starts_with(' ')
            })
            .collect();
        found.sort();
        found.dedup();
        match found.as_slice() {
            [one] => Some((*one).clone()),
            _ => None,
        }
    };
    for m in mentions.iter_mut() {
        // Only names of a body's own (not "UBND tỉnh X", which may begin "UBND tỉnh X ...").
        let own = [
            "Đảng ủy Khối",
            "Đảng bộ Khối",
            "Cục ",
            "Viện ",
            "Ban ",
            "Đảng bộ",
            "Đảng ủy",
            "Văn phòng ",
        ]
        .iter()
        .any(|h| m.name.starts_with(h));
        if let Some(full) = own.then(|| longer(&m.name)).flatten() {
            m.name = full;
            continue;
        }
        // "Ban Thường vụ Đảng ủy Khối": the body within, expanded.
        for prefix in ["Ban Thường vụ ", "Ban Chấp hành ", "Thường trực "] {
            if let Some(inner) = m.name.strip_prefix(prefix) {
                if let Some(full) = inner.starts_with("Đảng").then(|| longer(inner)).flatten() {
                    m.name = format!("{prefix}{full}");
                }
            }
        }
    }
}
