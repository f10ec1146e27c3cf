//! Timeline bins: how many results fall in each day, week, month or year, the granularity
//! chosen from the span shown so that a chart has between a few and about 150 bars.

use crate::time::Date;
use serde::{Deserialize, Serialize};

/// The width of one timeline bin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// One day.
    Day,
    /// A week from Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

impl Granularity {
    /// The granularity for a span of `days` days: days up to three months, weeks up to two
    /// years, months up to twelve years, years beyond.
    pub fn for_span(days: i32) -> Granularity {
        match days {
            ..=92 => Granularity::Day,
            93..=731 => Granularity::Week,
            732..=4383 => Granularity::Month,
            _ => Granularity::Year,
        }
    }

    /// The stable code, as used in URLs.
    pub fn code(self) -> &'static str {
        match self {
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Year => "year",
        }
    }

    /// The granularity with code `code`.
    pub fn from_code(code: &str) -> Option<Granularity> {
        [
            Granularity::Day,
            Granularity::Week,
            Granularity::Month,
            Granularity::Year,
        ]
        .into_iter()
        .find(|g| g.code() == code)
    }

    /// The first day of the bin holding `day`.
    pub fn bin_start(self, day: Date) -> Date {
        match self {
            Granularity::Day => day,
            Granularity::Week => Date::from_days(day.to_days() - day.weekday() as i32),
            Granularity::Month => Date::new(day.year(), day.month(), 1).expect("valid"),
            Granularity::Year => Date::new(day.year(), 1, 1).expect("valid"),
        }
    }

    /// The first day of the bin after the one starting on `start`.
    pub fn next_start(self, start: Date) -> Date {
        match self {
            Granularity::Day => Date::from_days(start.to_days() + 1),
            Granularity::Week => Date::from_days(start.to_days() + 7),
            Granularity::Month if start.month() == 12 => {
                Date::new(start.year() + 1, 1, 1).expect("valid")
            }
            Granularity::Month => Date::new(start.year(), start.month() + 1, 1).expect("valid"),
            Granularity::Year => Date::new(start.year() + 1, 1, 1).expect("valid"),
        }
    }
}

/// One bar of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bin {
    /// First day of the bin.
    pub start: Date,
    /// Last day of the bin (inclusive).
    pub end: Date,
    /// Results in the bin.
    pub count: u32,
}

/// The timeline of a result set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// The width of each bin.
    pub granularity: Granularity,
    /// Bins from the first to the last day shown, empty ones included, so that the x axis is
    /// linear in time. Empty when nothing is dated.
    pub bins: Vec<Bin>,
    /// Results without any date, counted apart.
    pub undated: u32,
    /// Dated results before the first bin, left out of the window.
    pub before: u32,
    /// Dated results after the last bin, left out of the window.
    pub after: u32,
    /// The first and last day of all dated results, in the window or not.
    pub extent: Option<(Date, Date)>,
}

/// With at least this many dated results, a few far-off dates may be left out of the default
/// window (see [`Timeline::build`]).
const TRIM_MIN: usize = 50;

impl Timeline {
    /// Bins `days` (days since 1970) over `domain` at `granularity` (or the one
    /// [`Granularity::for_span`] picks). Days outside the window are counted in `before` and
    /// `after`.
    ///
    /// Without a domain, the window is the days' own extent, unless a few far-off dates would
    /// stretch it (an article quoting a date from 1860 or 2100): when the whole extent is more
    /// than three times the span of the middle 98 % and over two years, the window is that
    /// middle span, and the rest is counted in `before` and `after`, one click away.
    pub fn build(
        days: &[i32],
        undated: u32,
        domain: Option<(Date, Date)>,
        granularity: Option<Granularity>,
    ) -> Timeline {
        let full = days
            .iter()
            .min()
            .zip(days.iter().max())
            .map(|(a, b)| (*a, *b));
        let extent = full.map(|(a, b)| (Date::from_days(a), Date::from_days(b)));
        let window = match domain {
            Some((a, b)) => Some((a.to_days().min(b.to_days()), a.to_days().max(b.to_days()))),
            None => full.map(|(lo, hi)| robust_window(days, lo, hi)),
        };
        let Some((lo, hi)) = window else {
            return Timeline {
                granularity: granularity.unwrap_or(Granularity::Month),
                bins: Vec::new(),
                undated,
                before: 0,
                after: 0,
                extent,
            };
        };
        let g = granularity.unwrap_or_else(|| Granularity::for_span(hi - lo + 1));
        let (first, last) = (g.bin_start(Date::from_days(lo)), Date::from_days(hi));
        let mut bins = Vec::new();
        let mut start = first;
        // A bin per step; a hand-made URL asking for days over centuries is capped.
        while start <= last && bins.len() < MAX_BINS {
            let next = g.next_start(start);
            bins.push(Bin {
                start,
                end: Date::from_days(next.to_days() - 1),
                count: 0,
            });
            start = next;
        }
        let starts: Vec<i32> = bins.iter().map(|b| b.start.to_days()).collect();
        let (lo_day, hi_day) = (
            starts[0].max(lo),
            bins.last().map_or(hi, |b| b.end.to_days()).min(hi),
        );
        let (mut before, mut after) = (0, 0);
        for &d in days {
            if d < lo_day {
                before += 1;
                continue;
            }
            if d > hi_day {
                after += 1;
                continue;
            }
            let i = match g {
                Granularity::Day => (d - starts[0]) as usize,
                Granularity::Week => ((d - starts[0]) / 7) as usize,
                _ => starts.partition_point(|&s| s <= d) - 1,
            };
            if let Some(b) = bins.get_mut(i) {
                b.count += 1;
            }
        }
        Timeline {
            granularity: g,
            bins,
            undated,
            before,
            after,
            extent,
        }
    }
}

/// The window for `days` spanning `lo..=hi`: the whole extent, or its middle 98 % when a few
/// outliers stretch it (see [`Timeline::build`]).
fn robust_window(days: &[i32], lo: i32, hi: i32) -> (i32, i32) {
    if days.len() < TRIM_MIN || hi - lo <= 731 {
        return (lo, hi);
    }
    let k = days.len() / 100;
    let (p_lo, p_hi) = percentiles(days, lo, hi, k);
    if hi - lo > 3 * (p_hi - p_lo).max(1) {
        (p_lo, p_hi)
    } else {
        (lo, hi)
    }
}

/// The `k`-th smallest and `k`-th largest of `days` (all within `lo..=hi`): from a count per
/// day when the span is at most 2^16 days (one pass, no copy: about 180 years), else by
/// selection on a copy.
fn percentiles(days: &[i32], lo: i32, hi: i32, k: usize) -> (i32, i32) {
    let span = (i64::from(hi) - i64::from(lo) + 1) as usize;
    if span > 1 << 16 {
        let mut sample = days.to_vec();
        let p_lo = *sample.select_nth_unstable(k).1;
        let p_hi = *sample.select_nth_unstable(days.len() - 1 - k).1;
        return (p_lo, p_hi);
    }
    let mut per_day = vec![0u32; span];
    for &d in days {
        per_day[(d - lo) as usize] += 1;
    }
    // The day at which the running count first passes `k`, from either end.
    let nth = |order: &mut dyn Iterator<Item = usize>| {
        let mut seen = 0usize;
        for i in order {
            seen += per_day[i] as usize;
            if seen > k {
                return i;
            }
        }
        0
    };
    let p_lo = lo + nth(&mut (0..span)) as i32;
    let p_hi = lo + nth(&mut (0..span).rev()) as i32;
    (p_lo, p_hi)
}

/// The most bins a timeline has.
pub const MAX_BINS: usize = 2000;

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> Date {
        Date::new(y, m, dd).unwrap()
    }

    #[test]
    fn percentiles_by_count_agree_with_selection() {
        let mut next = crate::search::xorshift(0x2545_f491_4f6c_dd1d);
        for (n, span) in [
            (50usize, 10u64),
            (1000, 4000),
            (20_000, 3653),
            (777, 100_000),
        ] {
            let days: Vec<i32> = (0..n).map(|_| 7000 + (next() % span) as i32).collect();
            let (lo, hi) = (*days.iter().min().unwrap(), *days.iter().max().unwrap());
            for k in [0, n / 100, n / 3, n - 1] {
                let mut sorted = days.clone();
                sorted.sort_unstable();
                assert_eq!(
                    percentiles(&days, lo, hi, k),
                    (sorted[k], sorted[n - 1 - k]),
                    "n {n}, span {span}, k {k}"
                );
            }
        }
    }

    #[test]
    fn granularity_follows_the_span() {
        let tl = Timeline::build(
            &[d(2021, 11, 19).to_days(), d(2024, 1, 12).to_days()],
            0,
            None,
            None,
        );
        assert_eq!(tl.granularity, Granularity::Month);
        assert_eq!(tl.bins.len(), 27);
        assert_eq!(
            (tl.bins[0].start, tl.bins[0].end),
            (d(2021, 11, 1), d(2021, 11, 30))
        );
        assert_eq!(tl.bins.iter().map(|b| b.count).sum::<u32>(), 2);
        let days = Timeline::build(
            &[d(2024, 1, 8).to_days(), d(2024, 1, 12).to_days()],
            3,
            None,
            None,
        );
        assert_eq!(
            (days.granularity, days.bins.len(), days.undated),
            (Granularity::Day, 5, 3)
        );
    }

    #[test]
    fn a_few_far_off_dates_do_not_stretch_the_default_window() {
        let mut days: Vec<i32> = (0..300).map(|i| d(2005, 1, 1).to_days() + i * 3).collect();
        days.push(d(1173, 5, 1).to_days());
        days.push(d(2100, 1, 1).to_days());
        let tl = Timeline::build(&days, 0, None, None);
        assert_eq!(tl.granularity, Granularity::Month);
        assert_eq!((tl.before, tl.after), (3, 3));
        assert_eq!(
            tl.bins.iter().map(|b| b.count).sum::<u32>() + tl.before + tl.after,
            302
        );
        assert_eq!(tl.extent, Some((d(1173, 5, 1), d(2100, 1, 1))));
        // Asked for, the whole extent shows, in years.
        let all = Timeline::build(&days, 0, tl.extent, None);
        assert_eq!(
            (all.granularity, all.before, all.after),
            (Granularity::Year, 0, 0)
        );
        // Evenly spread dates keep their whole extent.
        let even: Vec<i32> = (0..300).map(|i| d(2015, 1, 1).to_days() + i * 13).collect();
        let tl = Timeline::build(&even, 0, None, None);
        assert_eq!((tl.before, tl.after), (0, 0));
    }

    #[test]
    fn weeks_start_on_monday_and_the_domain_clips() {
        let days: Vec<i32> = [d(2024, 1, 7), d(2024, 1, 8), d(2024, 3, 1), d(2025, 6, 1)]
            .iter()
            .map(|x| x.to_days())
            .collect();
        let tl = Timeline::build(&days, 0, Some((d(2024, 1, 1), d(2024, 6, 30))), None);
        assert_eq!(tl.granularity, Granularity::Week);
        assert_eq!(tl.bins[0].start, d(2024, 1, 1));
        assert_eq!(tl.bins[0].count, 1, "Sunday 7 January ends the first week");
        assert_eq!(tl.bins[1].count, 1);
        assert_eq!(
            tl.bins.iter().map(|b| b.count).sum::<u32>(),
            3,
            "June 2025 is outside"
        );
        assert_eq!((tl.before, tl.after), (0, 1));
        let years = Timeline::build(&days, 0, None, Some(Granularity::Year));
        let counts: Vec<u32> = years.bins.iter().map(|b| b.count).collect();
        assert_eq!(counts, [3, 1]);
    }
}
