//! Timeline bins: how many articles fall in each month.

use crate::time::Date;
use std::collections::BTreeMap;

/// The number of articles in one calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthBin {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
    /// Articles in that month.
    pub count: usize,
}

/// Counts dates per month, with a bin for every month from the earliest to the latest
/// (empty months included, so a chart's x axis is linear in time).
///
/// ```
/// use nienbieu_model::{month_bins, Date};
/// let d = |y, m| Date::new(y, m, 1).unwrap();
/// let bins = month_bins([d(2023, 11), d(2024, 1), d(2024, 1)]);
/// let counts: Vec<_> = bins.iter().map(|b| b.count).collect();
/// assert_eq!(counts, [1, 0, 2]);
/// ```
pub fn month_bins(dates: impl IntoIterator<Item = Date>) -> Vec<MonthBin> {
    let mut counts: BTreeMap<(i32, u32), usize> = BTreeMap::new();
    for d in dates {
        *counts.entry((d.year(), d.month())).or_default() += 1;
    }
    let (Some(&(y0, m0)), Some(&(y1, m1))) = (counts.keys().next(), counts.keys().next_back())
    else {
        return Vec::new();
    };
    let (first, last) = (y0 * 12 + m0 as i32 - 1, y1 * 12 + m1 as i32 - 1);
    (first..=last)
        .map(|k| {
            let (year, month) = (k.div_euclid(12), k.rem_euclid(12) as u32 + 1);
            let count = counts.get(&(year, month)).copied().unwrap_or(0);
            MonthBin { year, month, count }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_year_boundaries_and_is_empty_without_dates() {
        assert!(month_bins([]).is_empty());
        let d = |y, m| Date::new(y, m, 15).unwrap();
        let bins = month_bins([d(2021, 11), d(2022, 2)]);
        let keys: Vec<_> = bins.iter().map(|b| (b.year, b.month, b.count)).collect();
        assert_eq!(
            keys,
            [(2021, 11, 1), (2021, 12, 0), (2022, 1, 0), (2022, 2, 1)]
        );
    }
}
