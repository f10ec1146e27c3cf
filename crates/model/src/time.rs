//! Calendar dates and local date-times in Vietnam's time zone (UTC+07:00, no daylight saving).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Vietnam's fixed UTC offset, as written in ISO 8601.
pub const VN_OFFSET: &str = "+07:00";

/// A valid proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// Builds a date, or `None` when the day does not exist (31 April, 29 February 2023, ...).
    ///
    /// ```
    /// use nienbieu_model::Date;
    /// assert!(Date::new(2024, 2, 29).is_some());
    /// assert!(Date::new(2023, 2, 29).is_none());
    /// ```
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::new(
            s[0..4].parse().ok()?,
            s[5..7].parse().ok()?,
            s[8..10].parse().ok()?,
        )
    }

    /// Formats as Vietnamese readers write dates: `08/01/2024`.
    pub fn to_vietnamese(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }

    /// Days since 1970-01-01 (negative before it): a compact, orderable form for indexes,
    /// filters and timeline bins.
    ///
    /// ```
    /// use nienbieu_model::Date;
    /// let d = Date::new(2024, 1, 8).unwrap();
    /// assert_eq!(Date::from_days(d.to_days()), d);
    /// assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
    /// ```
    pub fn to_days(self) -> i32 {
        // Howard Hinnant's days_from_civil.
        let (y, m, d) = (
            self.year - i32::from(self.month <= 2),
            self.month as i32,
            self.day as i32,
        );
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01; the inverse of [`Date::to_days`].
    pub fn from_days(days: i32) -> Date {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i32::from(month <= 2);
        Date { year, month, day }
    }

    /// The day of the week, 0 for Monday to 6 for Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.to_days() + 3).rem_euclid(7) as u32
    }
}

/// Number of days in a month of the Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse_iso(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("invalid date {s:?}, want YYYY-MM-DD")))
    }
}

/// How much of a timestamp the source page actually gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// Only the day was given; the time of day is unknown and written as 00:00:00.
    Day,
    /// Hours and minutes were given.
    Minute,
    /// Hours, minutes and seconds were given.
    Second,
}

/// A local date-time in Vietnam (UTC+07:00), serialised as ISO 8601 with the offset,
/// for example `2024-01-12T16:14:27+07:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    date: Date,
    hour: u8,
    minute: u8,
    second: u8,
}

impl Timestamp {
    /// Builds a timestamp, or `None` when the time of day is out of range.
    pub fn new(date: Date, hour: u32, minute: u32, second: u32) -> Option<Timestamp> {
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        Some(Timestamp {
            date,
            hour: hour as u8,
            minute: minute as u8,
            second: second as u8,
        })
    }

    /// Midnight at the start of `date`.
    pub fn start_of(date: Date) -> Timestamp {
        Timestamp {
            date,
            hour: 0,
            minute: 0,
            second: 0,
        }
    }

    /// The calendar day.
    pub fn date(self) -> Date {
        self.date
    }

    /// Hour, minute and second.
    pub fn hms(self) -> (u32, u32, u32) {
        (
            u32::from(self.hour),
            u32::from(self.minute),
            u32::from(self.second),
        )
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS+07:00` (the only form this crate writes).
    pub fn parse_iso(s: &str) -> Option<Timestamp> {
        let (date, rest) = (s.get(..10)?, s.get(10..)?);
        let rest = rest.strip_prefix('T')?.strip_suffix(VN_OFFSET)?;
        let b = rest.as_bytes();
        if b.len() != 8 || b[2] != b':' || b[5] != b':' {
            return None;
        }
        Timestamp::new(
            Date::parse_iso(date)?,
            rest[0..2].parse().ok()?,
            rest[3..5].parse().ok()?,
            rest[6..8].parse().ok()?,
        )
    }

    /// Formats for a Vietnamese reader at the given precision: `11/07/2023 14:51`.
    pub fn to_vietnamese(self, precision: Precision) -> String {
        let day = self.date.to_vietnamese();
        match precision {
            Precision::Day => day,
            Precision::Minute => format!("{day} {:02}:{:02}", self.hour, self.minute),
            Precision::Second => {
                format!(
                    "{day} {:02}:{:02}:{:02}",
                    self.hour, self.minute, self.second
                )
            }
        }
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}T{:02}:{:02}:{:02}{VN_OFFSET}",
            self.date, self.hour, self.minute, self.second
        )
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Timestamp::parse_iso(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "invalid timestamp {s:?}, want YYYY-MM-DDTHH:MM:SS+07:00"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::new(2024, 4, 31).is_none());
        assert!(Date::new(2024, 13, 1).is_none());
        assert!(Date::new(2024, 0, 1).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
    }

    #[test]
    fn day_numbers_round_trip_across_centuries() {
        for days in (-800_000..800_000).step_by(997) {
            let d = Date::from_days(days);
            assert_eq!(d.to_days(), days, "{d}");
            assert!(Date::new(d.year(), d.month(), d.day()).is_some());
        }
        assert_eq!(Date::new(2000, 3, 1).unwrap().to_days(), 11_017);
        assert_eq!(Date::new(2024, 1, 8).unwrap().weekday(), 0, "a Monday");
        assert_eq!(Date::new(2023, 12, 31).unwrap().weekday(), 6, "a Sunday");
    }

    #[test]
    fn timestamp_round_trips_through_iso() {
        let t = Timestamp::new(Date::new(2024, 1, 12).unwrap(), 16, 14, 27).unwrap();
        assert_eq!(t.to_string(), "2024-01-12T16:14:27+07:00");
        assert_eq!(Timestamp::parse_iso("2024-01-12T16:14:27+07:00"), Some(t));
        assert_eq!(Timestamp::parse_iso("2024-01-12T16:14:27Z"), None);
        assert_eq!(Timestamp::parse_iso("2024-01-12T24:00:00+07:00"), None);
    }

    #[test]
    fn vietnamese_format_follows_precision() {
        let t = Timestamp::new(Date::new(2023, 7, 11).unwrap(), 14, 51, 0).unwrap();
        assert_eq!(t.to_vietnamese(Precision::Day), "11/07/2023");
        assert_eq!(t.to_vietnamese(Precision::Minute), "11/07/2023 14:51");
        assert_eq!(t.to_vietnamese(Precision::Second), "11/07/2023 14:51:00");
    }
}
