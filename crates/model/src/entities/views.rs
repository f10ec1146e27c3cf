//! What the views show, computed from the view files and each article's day: counts per
//! year for charts, first and last dates, careers in order, events of an organisation by
//! kind and year, figures as series, and list filters that read codes however written.

use super::{FigurePoint, PersonEntry, TitleSpan};
use crate::fold::fold;
use crate::time::Date;
use std::collections::BTreeMap;

/// Counts of `docs` per year, every year from the first to the last (empty years as 0), and
/// the undated apart.
pub fn per_year(docs: &[u32], day: impl Fn(u32) -> Option<i32>) -> (Vec<(i32, u32)>, u32) {
    let mut counts: BTreeMap<i32, u32> = BTreeMap::new();
    let mut undated = 0;
    for &d in docs {
        match day(d) {
            Some(x) => *counts.entry(Date::from_days(x).year()).or_default() += 1,
            None => undated += 1,
        }
    }
    let (Some(&first), Some(&last)) = (counts.keys().next(), counts.keys().next_back()) else {
        return (Vec::new(), undated);
    };
    // A year span beyond a century is an extraction error's; its empty years are not drawn.
    let years: Vec<i32> = if last - first <= 100 {
        (first..=last).collect()
    } else {
        counts.keys().copied().collect()
    };
    (
        years
            .into_iter()
            .map(|y| (y, counts.get(&y).copied().unwrap_or(0)))
            .collect(),
        undated,
    )
}

/// The first and last day among `docs`.
pub fn first_last(docs: &[u32], day: impl Fn(u32) -> Option<i32>) -> Option<(Date, Date)> {
    let days: Vec<i32> = docs.iter().filter_map(|&d| day(d)).collect();
    Some((
        Date::from_days(*days.iter().min()?),
        Date::from_days(*days.iter().max()?),
    ))
}

/// A person's titles as a career: each with its first and last day, in order of first day
/// (undated titles last).
pub fn career(
    p: &PersonEntry,
    day: impl Fn(u32) -> Option<i32> + Copy,
) -> Vec<(&TitleSpan, Option<(Date, Date)>)> {
    let mut out: Vec<(&TitleSpan, Option<(Date, Date)>)> = p
        .titles
        .iter()
        .map(|t| (t, first_last(&t.docs, day)))
        .collect();
    crate::order::sort_by_key(&mut out, |(t, span)| {
        (span.is_none(), span.map(|s| s.0), t.docs.len())
    });
    out
}

/// Folds a code or a name for matching however it is written: no marks, lower case, and
/// nothing but letters and digits ("Số 15 - NQ/TU" and "15-nq/tu" both give "15nqtu").
pub fn squeeze(s: &str) -> String {
    let f = fold(s);
    let f = f.strip_prefix("so ").unwrap_or(&f);
    f.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// True when `text` (a code or a name) matches the list filter `filter`: every word of the
/// filter, folded, occurs in it; for codes, the filter squeezed occurs in the code squeezed.
pub fn matches(text: &str, filter: &str) -> bool {
    let filter = filter.trim();
    if filter.is_empty() {
        return true;
    }
    let folded = fold(text);
    fold(filter).split_whitespace().all(|w| folded.contains(w))
        || squeeze(text).contains(&squeeze(filter))
}

/// One line of a figures chart: a subject's values by year, each the value reported by the
/// newest article of that year, with the point it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The organisation or province.
    pub name: String,
    /// `(year, value, point)`, years ascending.
    pub values: Vec<(i32, f64, u32)>,
}

/// The series of `metric`, by subject (`by == "organization"`) or by province, at most `top`
/// of them (the subjects with the most years first), and how many points had no year.
pub fn series(
    points: &[FigurePoint],
    metric: &str,
    by_province: bool,
    top: usize,
) -> (Vec<Series>, usize) {
    let mut by: BTreeMap<String, BTreeMap<i32, (u32, f64, u32)>> = BTreeMap::new();
    let mut undated = 0;
    for (i, p) in points
        .iter()
        .enumerate()
        .filter(|(_, p)| p.metric == metric)
    {
        let name = if by_province {
            match &p.province {
                Some(x) => x.clone(),
                None => continue,
            }
        } else {
            p.subject.clone()
        };
        let Some(year) = p.year else {
            undated += 1;
            continue;
        };
        // The newest article's report of the year: documents are numbered newest first.
        let slot = by
            .entry(name)
            .or_default()
            .entry(year)
            .or_insert((p.doc, p.value, i as u32));
        if p.doc < slot.0 {
            *slot = (p.doc, p.value, i as u32);
        }
    }
    let mut out: Vec<Series> = by
        .into_iter()
        .map(|(name, years)| Series {
            name,
            values: years.into_iter().map(|(y, (_, v, i))| (y, v, i)).collect(),
        })
        .collect();
    crate::order::sort_by(&mut out, |a, b| {
        b.values
            .len()
            .cmp(&a.values.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    out.truncate(top);
    (out, undated)
}

/// One kind of event's articles by year (ascending; undated as `None`, first).
pub type EventYears = (String, Vec<(Option<i32>, Vec<u32>)>);

/// The events of an organisation by kind, each kind's articles by year (ascending).
pub fn events_by_year(
    events: &[(String, Vec<u32>)],
    day: impl Fn(u32) -> Option<i32>,
) -> Vec<EventYears> {
    events
        .iter()
        .map(|(kind, docs)| {
            let mut years: BTreeMap<Option<i32>, Vec<u32>> = BTreeMap::new();
            for &d in docs {
                years
                    .entry(day(d).map(|x| Date::from_days(x).year()))
                    .or_default()
                    .push(d);
            }
            (kind.clone(), years.into_iter().collect())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_fill_gaps_and_undated_stand_apart() {
        let day = |d: u32| match d {
            0 => Some(Date::new(2024, 5, 1).unwrap().to_days()),
            1 | 2 => Some(Date::new(2021, 1, 9).unwrap().to_days()),
            _ => None,
        };
        assert_eq!(
            per_year(&[0, 1, 2, 3], day),
            (vec![(2021, 2), (2022, 0), (2023, 0), (2024, 1)], 1)
        );
        assert_eq!(
            first_last(&[0, 1, 3], day),
            Some((
                Date::new(2021, 1, 9).unwrap(),
                Date::new(2024, 5, 1).unwrap()
            ))
        );
    }

    #[test]
    fn codes_and_names_match_however_written() {
        assert!(matches("15-NQ/TU", "số 15 - nq/tu"));
        assert!(matches("158/2005/NĐ-CP", "158/2005/nd"));
        assert!(matches("Lê Quốc Chỉnh", "le quoc"));
        assert!(!matches("Lê Quốc Chỉnh", "nguyen"));
        assert!(matches("anything", "  "));
    }

    #[test]
    fn a_series_keeps_the_newest_report_of_each_year() {
        let p = |doc: u32, subject: &str, year: i32, value: f64| FigurePoint {
            metric: "members_admitted".into(),
            value,
            of: None,
            unit: None,
            subject: subject.into(),
            province: Some("Hưng Yên".into()),
            period: None,
            year: Some(year),
            doc,
            text: String::new(),
            sentence: String::new(),
        };
        let points = vec![
            p(5, "A", 2021, 10.0),
            p(2, "A", 2021, 12.0),
            p(1, "A", 2022, 20.0),
            p(3, "B", 2022, 7.0),
        ];
        let (s, undated) = series(&points, "members_admitted", false, 8);
        assert_eq!(undated, 0);
        assert_eq!(s[0].name, "A");
        assert_eq!(s[0].values, [(2021, 12.0, 1), (2022, 20.0, 2)]);
        let (by_province, _) = series(&points, "members_admitted", true, 8);
        assert_eq!(by_province[0].values, [(2021, 12.0, 1), (2022, 20.0, 2)]);
    }
}
