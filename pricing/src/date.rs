//! Calendar dates: the day a scenario is priced on. Prices change on dates
//! (`data/genai-prices.json`), so a scenario names its day and a share link
//! carries it.

use std::fmt;
use std::num::NonZeroU32;

use serde::{Serialize, Serializer};

/// A day, `YYYY-MM-DD`, kept as the number `YYYYMMDD` so dates compare as
/// numbers do (never zero, so an `Option<Date>` takes four bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NonZeroU32);

impl Date {
    /// A date from its parts, if it is one (1 January of year 1 to 31
    /// December 9999).
    pub const fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        if year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 {
            return None;
        }
        if day > days_in_month(year, month) {
            return None;
        }
        match NonZeroU32::new(year * 10_000 + month * 100 + day) {
            Some(n) => Some(Date(n)),
            None => None,
        }
    }

    /// `YYYY-MM-DD` read at compile time, for the generated catalogue (whose
    /// dates `build.rs` has checked); panics on anything else.
    pub const fn parse_const(text: &str) -> Date {
        const fn digit(b: &[u8], i: usize) -> u32 {
            assert!(b[i].is_ascii_digit());
            (b[i] - b'0') as u32
        }
        let b = text.as_bytes();
        assert!(b.len() == 10 && b[4] == b'-' && b[7] == b'-');
        let year = digit(b, 0) * 1000 + digit(b, 1) * 100 + digit(b, 2) * 10 + digit(b, 3);
        let month = digit(b, 5) * 10 + digit(b, 6);
        let day = digit(b, 8) * 10 + digit(b, 9);
        match Date::new(year, month, day) {
            Some(date) => date,
            None => panic!("not a date"),
        }
    }

    /// Reads `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let number = |r: std::ops::Range<usize>| {
            b[r].iter().try_fold(0u32, |n, &c| {
                c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
            })
        };
        Date::new(number(0..4)?, number(5..7)?, number(8..10)?)
    }

    /// The day `days` after 1 January 1970 (a Unix day number), as clocks give it.
    pub fn from_unix_days(days: i64) -> Option<Date> {
        // Howard Hinnant's civil_from_days.
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            u32::try_from(year).ok()?,
            u32::try_from(month).ok()?,
            u32::try_from(day).ok()?,
        )
    }

    /// Days since 1 January 1970 (negative before it).
    pub fn unix_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (m, d) = (i64::from(self.month()), i64::from(self.day()));
        let y = i64::from(self.year()) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.unix_days() - self.unix_days()
    }

    pub fn year(self) -> u32 {
        self.0.get() / 10_000
    }

    pub fn month(self) -> u32 {
        self.0.get() / 100 % 100
    }

    pub fn day(self) -> u32 {
        self.0.get() % 100
    }
}

const fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_days() {
        let d = Date::parse("2026-11-30").unwrap();
        assert_eq!(d.to_string(), "2026-11-30");
        assert_eq!((d.year(), d.month(), d.day()), (2026, 11, 30));
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-1-01",
            "26-11-30",
            "2026-11-3x",
            "",
            "+026-11-30",
            "0000-01-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2028-02-29").is_some());
        assert!(Date::parse("2027-01-01") > Date::parse("2026-12-31"));
    }

    #[test]
    fn unix_days() {
        assert_eq!(Date::from_unix_days(0), Date::parse("1970-01-01"));
        // 2026-11-30 is day 20,787 of the Unix epoch.
        assert_eq!(Date::from_unix_days(20_787), Date::parse("2026-11-30"));
        assert_eq!(Date::from_unix_days(-1), Date::parse("1969-12-31"));
        assert_eq!(Date::from_unix_days(i64::MAX), None);
        for day in ["0001-01-01", "1969-07-20", "2026-12-05", "9999-12-31"] {
            let d = Date::parse(day).unwrap();
            assert_eq!(Date::from_unix_days(d.unix_days()), Some(d), "{day}");
            assert_eq!(d.to_string(), day);
        }
        assert_eq!(Date::parse("1969-12-31").unwrap().unix_days(), -1);
        let (a, b) = (
            Date::parse("2026-11-30").unwrap(),
            Date::parse("2027-01-01").unwrap(),
        );
        assert_eq!(a.days_until(b), 32);
        assert_eq!(b.days_until(a), -32);
    }
}
