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
}

impl Timeline {
    /// Bins `days` (days since 1970) over `domain` (or the days' own extent) at `granularity`
    /// (or the one [`Granularity::for_span`] picks). Days outside the domain are left out.
    pub fn build(
        days: &[i32],
        undated: u32,
        domain: Option<(Date, Date)>,
        granularity: Option<Granularity>,
    ) -> Timeline {
        let extent =
            domain.map(|(a, b)| (a.to_days().min(b.to_days()), a.to_days().max(b.to_days())));
        let extent = extent.or_else(|| {
            let lo = days.iter().min()?;
            let hi = days.iter().max()?;
            Some((*lo, *hi))
        });
        let Some((lo, hi)) = extent else {
            return Timeline {
                granularity: granularity.unwrap_or(Granularity::Month),
                bins: Vec::new(),
                undated,
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
            starts[0],
            bins.last().map_or(hi, |b| b.end.to_days()).min(hi),
        );
        for &d in days {
            if d < lo_day.max(lo) || d > hi_day {
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
        }
    }
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
        let years = Timeline::build(&days, 0, None, Some(Granularity::Year));
        let counts: Vec<u32> = years.bins.iter().map(|b| b.count).collect();
        assert_eq!(counts, [3, 1]);
    }
}
