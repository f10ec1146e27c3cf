//! The explorer's whole state as a URL query string, and back: what is searched, filtered,
//! sorted and zoomed, and which article is open. A copied link reopens the same view.
//!
//! `?q=đảng+viên&strict=1&f.province=Hưng+Yên&from=2024-01-01&to=2024-01-31&undated=1`
//! `&sort=newest&zoom=2023-01-01..2024-12-31&g=month&a=000_a3aac47d90c9b531`
//!
//! A view of documents, people, organisations or figures adds its own keys, keeping the
//! list's: `&v=people&e=Lê+Quốc+Chỉnh&vq=lê&vs=name` (`m`, `by` and `tab` for figures).

use crate::search::{DateFilter, Granularity, SearchRequest, Sort};
use crate::time::Date;

/// The most values of one facet a link selects; more are left out, with a note.
pub const MAX_URL_VALUES: usize = 32;
/// The most facets a link filters on; more are left out, with a note.
pub const MAX_URL_FACETS: usize = 16;
/// The most bytes of a query a link carries (the engine reads fewer still).
pub const MAX_URL_QUERY: usize = 4096;
/// The most bytes of an article id.
pub const MAX_URL_ID: usize = 512;

/// A view of its own beside the article list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ViewKind {
    /// Cited documents.
    Documents,
    /// People.
    People,
    /// Organisations.
    Organizations,
    /// Figures over time.
    Figures,
}

impl ViewKind {
    /// Every view, in the order of the navigation.
    pub const ALL: [ViewKind; 4] = [
        ViewKind::Documents,
        ViewKind::People,
        ViewKind::Organizations,
        ViewKind::Figures,
    ];

    /// The code in URLs and test hooks.
    pub fn code(self) -> &'static str {
        match self {
            ViewKind::Documents => "documents",
            ViewKind::People => "people",
            ViewKind::Organizations => "organizations",
            ViewKind::Figures => "figures",
        }
    }

    /// The view with code `code`.
    pub fn from_code(code: &str) -> Option<ViewKind> {
        ViewKind::ALL.into_iter().find(|v| v.code() == code)
    }
}

/// Where a visitor is in a view: its list (filtered and sorted) or one entry's page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Which view.
    pub view: ViewKind,
    /// The entry whose page is open (a document's code, a person's or organisation's key),
    /// or the metric shown in the figures view.
    pub entity: Option<String>,
    /// Text filtering the list.
    pub filter: String,
    /// The list's order (a view's own code: "citations", "date", "name", ...).
    pub sort: Option<String>,
    /// Figures grouped by "organization" or "province".
    pub by: Option<String>,
    /// Figures as a table instead of a chart.
    pub table: bool,
}

impl Page {
    /// The list of `view`.
    pub fn of(view: ViewKind) -> Page {
        Page {
            view,
            entity: None,
            filter: String::new(),
            sort: None,
            by: None,
            table: false,
        }
    }

    /// The page of entry `entity` in `view`.
    pub fn entity(view: ViewKind, entity: &str) -> Page {
        Page {
            entity: Some(entity.to_string()),
            ..Page::of(view)
        }
    }
}

/// Everything a view shows, as the URL holds it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The search, filters, sort and timeline window.
    pub request: SearchRequest,
    /// The id of the article open in the reader.
    pub open: Option<String>,
    /// A view of documents, people, organisations or figures, when one is open.
    pub page: Option<Page>,
}

impl ViewState {
    /// The query string, without the leading `?`; empty for the default view. Keys come in a
    /// fixed order so that one state always gives one string.
    pub fn to_query(&self) -> String {
        let r = &self.request;
        let mut parts: Vec<(String, String)> = Vec::new();
        let mut put = |k: &str, v: String| parts.push((k.to_string(), v));
        if !r.query.is_empty() {
            put("q", r.query.clone());
        }
        if r.strict {
            put("strict", "1".into());
        }
        for (key, values) in &r.filters {
            for v in values {
                put(&format!("f.{key}"), v.clone());
            }
        }
        if let Some(d) = r.dates.from {
            put("from", d.to_string());
        }
        if let Some(d) = r.dates.to {
            put("to", d.to_string());
        }
        if r.dates.undated {
            put("undated", "1".into());
        }
        if r.sort != Sort::Relevance {
            put("sort", r.sort.code().into());
        }
        if let Some((a, b)) = r.zoom {
            put("zoom", format!("{a}..{b}"));
        }
        if let Some(g) = r.granularity {
            put("g", g.code().into());
        }
        if let Some(id) = &self.open {
            put("a", id.clone());
        }
        if let Some(p) = &self.page {
            put("v", p.view.code().into());
            if let Some(e) = &p.entity {
                put("e", e.clone());
            }
            if !p.filter.is_empty() {
                put("vq", p.filter.clone());
            }
            if let Some(x) = &p.sort {
                put("vs", x.clone());
            }
            if let Some(x) = &p.by {
                put("by", x.clone());
            }
            if p.table {
                put("tab", "1".into());
            }
        }
        parts
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Reads a query string (with or without the leading `?`). Unknown keys and unreadable
    /// values are ignored: a hand-edited or truncated link still opens a sensible view.
    pub fn from_query(query: &str) -> ViewState {
        ViewState::parse(query).0
    }

    /// Reads a query string like [`ViewState::from_query`], and says how many filter values
    /// were left out beyond [`MAX_URL_VALUES`] per facet and [`MAX_URL_FACETS`] facets.
    pub fn parse(query: &str) -> (ViewState, usize) {
        let clean = ViewState::parse_raw(query).cleaned();
        let values = |s: &ViewState| s.request.filters.values().map(Vec::len).sum::<usize>();
        let before = values(&clean);
        let s = clean.normalized();
        let cut = before - values(&s);
        (s, cut)
    }

    fn parse_raw(query: &str) -> ViewState {
        let mut s = ViewState::default();
        // A view's own keys, applied once the view is known (they may come before `v`).
        let mut pending: Vec<(String, String)> = Vec::new();
        let r = &mut s.request;
        for pair in query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let (k, v) = (decode(k), decode(v));
            match k.as_str() {
                "q" => r.query = v,
                "strict" => r.strict = v == "1",
                "from" => r.dates.from = Date::parse_iso(&v),
                "to" => r.dates.to = Date::parse_iso(&v),
                "undated" => r.dates.undated = v == "1",
                "sort" => r.sort = Sort::from_code(&v).unwrap_or_default(),
                "zoom" => {
                    r.zoom = v
                        .split_once("..")
                        .and_then(|(a, b)| Some((Date::parse_iso(a)?, Date::parse_iso(b)?)))
                }
                "g" => r.granularity = Granularity::from_code(&v),
                "a" if !v.is_empty() => s.open = Some(v),
                "v" => {
                    if let Some(view) = ViewKind::from_code(&v) {
                        let old = s.page.take();
                        s.page = Some(Page {
                            view,
                            ..old.unwrap_or_else(|| Page::of(view))
                        });
                    }
                }
                "e" | "vq" | "vs" | "by" | "tab" => {
                    pending.push((k, v));
                }
                _ => {
                    if let Some(facet) = k.strip_prefix("f.") {
                        r.filters.entry(facet.to_string()).or_default().push(v);
                    }
                }
            }
        }
        if let Some(p) = &mut s.page {
            for (k, v) in pending {
                match k.as_str() {
                    "e" if !v.is_empty() => p.entity = Some(v),
                    "vq" => p.filter = v,
                    "vs" if !v.is_empty() => p.sort = Some(v),
                    "by" if !v.is_empty() => p.by = Some(v),
                    "tab" => p.table = v == "1",
                    _ => {}
                }
            }
        }
        s
    }

    /// The state as a link can carry it: dates within years 0 to 9999, no empty facet key or
    /// value, each value once, at most [`MAX_URL_VALUES`] values per facet and
    /// [`MAX_URL_FACETS`] facets, a query of at most [`MAX_URL_QUERY`] bytes, no empty article
    /// id. `from_query(to_query(s)) == s.normalized()` for every state.
    pub fn normalized(&self) -> ViewState {
        let mut s = self.cleaned();
        let r = &mut s.request;
        for values in r.filters.values_mut() {
            values.truncate(MAX_URL_VALUES);
        }
        while r.filters.len() > MAX_URL_FACETS {
            r.filters.pop_last();
        }
        s
    }

    /// The state without what a link cannot carry, but with every filter value.
    fn cleaned(&self) -> ViewState {
        let mut s = self.clone();
        let r = &mut s.request;
        let date_ok = |d: &Date| (0..=9999).contains(&d.year());
        r.dates.from = r.dates.from.filter(date_ok);
        r.dates.to = r.dates.to.filter(date_ok);
        r.zoom = r.zoom.filter(|(a, b)| date_ok(a) && date_ok(b));
        cut(&mut r.query, MAX_URL_QUERY);
        r.filters.retain(|k, _| !k.is_empty());
        for values in r.filters.values_mut() {
            let mut seen = std::collections::BTreeSet::new();
            values.retain(|v| !v.is_empty() && seen.insert(v.clone()));
        }
        r.filters.retain(|_, v| !v.is_empty());
        if let Some(id) = &mut s.open {
            cut(id, MAX_URL_ID);
        }
        s.open = s.open.filter(|id| !id.is_empty());
        if let Some(p) = &mut s.page {
            for x in [&mut p.entity, &mut p.sort, &mut p.by]
                .into_iter()
                .flatten()
            {
                cut(x, MAX_URL_ID);
            }
            p.entity = p.entity.take().filter(|e| !e.is_empty());
            p.sort = p.sort.take().filter(|e| !e.is_empty());
            p.by = p.by.take().filter(|e| !e.is_empty());
            cut(&mut p.filter, MAX_URL_QUERY);
        }
        s
    }

    /// The same view with every filter, the query and the date range cleared.
    pub fn cleared(&self) -> ViewState {
        ViewState {
            request: SearchRequest {
                sort: self.request.sort,
                ..SearchRequest::default()
            },
            open: None,
            page: None,
        }
    }

    /// True when a filter or a query narrows the results.
    pub fn is_filtered(&self) -> bool {
        let r = &self.request;
        !r.query.trim().is_empty() || !r.filters.is_empty() || r.dates != DateFilter::default()
    }
}

/// Cuts `s` to at most `max` bytes, at a character boundary.
pub fn cut(s: &mut String, max: usize) {
    if s.len() > max {
        let mut at = max;
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        s.truncate(at);
    }
}

/// Percent-encodes a query component: every byte but the unreserved ASCII ones.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b))
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Decodes a query component: `+` is a space, `%XX` a byte; bad escapes stay as they are and
/// invalid UTF-8 becomes U+FFFD.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| char::from(c).to_digit(16);
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn a_full_state_round_trips() {
        let d = |y, m, dd| Date::new(y, m, dd).unwrap();
        let s = ViewState {
            request: SearchRequest {
                query: "\"ban chấp hành\" -đang & 15-NQ/TU".into(),
                strict: true,
                filters: BTreeMap::from([
                    (
                        "province".into(),
                        vec!["Hưng Yên".into(), "Nam Định".into()],
                    ),
                    ("meta:outlet".into(), vec!["Tuổi Trẻ".into()]),
                ]),
                dates: DateFilter {
                    from: Some(d(2024, 1, 1)),
                    to: Some(d(2024, 1, 31)),
                    undated: true,
                },
                sort: Sort::Oldest,
                zoom: Some((d(2023, 1, 1), d(2024, 12, 31))),
                granularity: Some(Granularity::Week),
            },
            open: Some("000_a3aac47d90c9b531".into()),
            page: Some(Page {
                filter: "lê & nguyễn".into(),
                sort: Some("name".into()),
                ..Page::entity(ViewKind::People, "Lê Văn A|Hưng Yên")
            }),
        };
        let q = s.to_query();
        assert!(
            q.starts_with("q=%22ban+ch%E1%BA%A5p+h%C3%A0nh%22+-%C4%91ang+%26+15-NQ%2FTU&strict=1"),
            "{q}"
        );
        assert_eq!(ViewState::from_query(&q), s);
        assert_eq!(ViewState::from_query(&format!("?{q}")), s);
        assert_eq!(ViewState::default().to_query(), "");
        // A view's keys before `v` still apply; an unknown view is no view.
        let early = ViewState::from_query("e=15-NQ%2FTU&v=documents");
        assert_eq!(
            early.page,
            Some(Page::entity(ViewKind::Documents, "15-NQ/TU"))
        );
        assert_eq!(ViewState::from_query("v=nothing&e=x").page, None);
    }

    #[test]
    fn hand_made_links_never_fail() {
        let s = ViewState::from_query("q=%E1%BA&from=2024-13-01&sort=sideways&f.=x&f.kind=&zzz&%");
        assert_eq!(s.request.query, "\u{FFFD}");
        assert_eq!(s.request.dates.from, None);
        assert_eq!(s.request.sort, Sort::Relevance);
        assert!(s.request.filters.is_empty());
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("a%2"), "a%2");
        assert_eq!(decode("%zz"), "%zz");
    }
}
