//! Publication dates. Content carries RFC 3339 strings; the app sorts by the instant, keeps the
//! original string for `<time datetime>`, and shows the date on the clock of the offset it was
//! written in (the newsroom's own), so the prerendered page and the app say the same thing
//! without a time-zone database in either.
//!
//! The parser is written here rather than taken from the `time` crate: it is the only part of
//! that crate the app used, and it cost the first page 1.3 KB of wasm after brotli. The
//! tests hold it to `time`'s answers (`tests/dates.rs`).

/// An RFC 3339 date and time that parsed, with the instant it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timestamp {
    rfc3339: String,
    clock: WallClock,
    unix_seconds: i64,
}

impl Timestamp {
    /// Parses an RFC 3339 date-time such as `2017-10-15T09:30:00Z`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let text = text.trim();
        let (clock, second) = parse_rfc3339(text.as_bytes())?;
        let days = days_since_epoch(clock.year, clock.month, clock.day);
        let local_seconds = days * 86_400
            + i64::from(clock.hour) * 3_600
            + i64::from(clock.minute) * 60
            + i64::from(second);
        Some(Timestamp {
            rfc3339: text.to_owned(),
            clock,
            unix_seconds: local_seconds - i64::from(clock.offset_minutes) * 60,
        })
    }

    /// The date as written in the content, fit for a `datetime` attribute.
    pub fn as_rfc3339(&self) -> &str {
        &self.rfc3339
    }

    /// Seconds since 1970-01-01T00:00:00Z; orders dates written in different offsets.
    pub fn unix_seconds(&self) -> i64 {
        self.unix_seconds
    }

    /// Milliseconds since the epoch, as JavaScript's `Date` takes them.
    pub fn unix_millis(&self) -> f64 {
        self.unix_seconds as f64 * 1000.0
    }

    /// The date's own wall-clock fields and its offset from UTC in minutes, as written (no
    /// shift to another clock), for a language's date formatter.
    pub fn wall_clock(&self) -> WallClock {
        self.clock
    }
}

/// A date's fields on the clock it was written in: `2017-10-15T11:30:00+02:00` is 2017, 10, 15,
/// 11, 30 and 120 minutes east of UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WallClock {
    pub year: i32,
    /// 1–12.
    pub month: u8,
    pub day: u8,
    /// 0–23.
    pub hour: u8,
    pub minute: u8,
    /// East of UTC is positive: +02:00 is 120, −03:30 is −210.
    pub offset_minutes: i16,
}

/// How much of a date to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// "15 October 2017", for lists of stories.
    Day,
    /// "15 October 2017, 10:30 UTC+1", for an article's meta line and comments.
    DayAndTime,
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, `T` and `Z` in either case or a space for `T`; the clock and its
/// whole second (a leap second, `:60`, counts as `:59`, as JavaScript's `Date` does).
fn parse_rfc3339(text: &[u8]) -> Option<(WallClock, u8)> {
    let mut reader = Reader(text);
    let year = reader.digits(4)?;
    reader.expect(b"-")?;
    let month = reader.digits(2)?;
    reader.expect(b"-")?;
    let day = reader.digits(2)?;
    reader.expect(b"Tt ")?;
    let hour = reader.digits(2)?;
    reader.expect(b":")?;
    let minute = reader.digits(2)?;
    reader.expect(b":")?;
    let second = reader.digits(2)?;
    if reader.0.first() == Some(&b'.') {
        reader.0 = &reader.0[1..];
        let fraction = reader.0.iter().take_while(|b| b.is_ascii_digit()).count();
        if fraction == 0 {
            return None;
        }
        reader.0 = &reader.0[fraction..];
    }
    let offset_minutes = match reader.take()? {
        b'Z' | b'z' => 0,
        sign @ (b'+' | b'-') => {
            let hours = reader.digits(2)?;
            reader.expect(b":")?;
            let minutes = reader.digits(2)?;
            if hours > 23 || minutes > 59 {
                return None;
            }
            let offset = (hours * 60 + minutes) as i16;
            if sign == b'-' {
                -offset
            } else {
                offset
            }
        }
        _ => return None,
    };
    let month_ok = (1..=12).contains(&month);
    if !reader.0.is_empty()
        || !month_ok
        || day == 0
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let clock = WallClock {
        year: year as i32,
        month: month as u8,
        day: day as u8,
        hour: hour as u8,
        minute: minute as u8,
        offset_minutes,
    };
    if second == 60 && !is_leap_second(&clock) {
        return None;
    }
    Some((clock, second.min(59) as u8))
}

/// Whether `hh:mm:60` on this clock is 23:59:60 UTC on the last day of a month, the only place
/// a leap second is inserted.
fn is_leap_second(clock: &WallClock) -> bool {
    let local_minutes = i64::from(clock.hour) * 60 + i64::from(clock.minute);
    let utc_minutes = local_minutes - i64::from(clock.offset_minutes);
    // The UTC day that follows the leap second, counted from the local date.
    let next_utc_day =
        days_since_epoch(clock.year, clock.month, clock.day) + (utc_minutes + 1).div_euclid(1440);
    let (next_year, next_month) = match clock.month {
        12 => (clock.year + 1, 1),
        month => (clock.year, month + 1),
    };
    (utc_minutes + 1).rem_euclid(1440) == 0
        && (next_utc_day == days_since_epoch(clock.year, clock.month, 1)
            || next_utc_day == days_since_epoch(next_year, next_month, 1))
}

/// The unread rest of a date being parsed.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(first)
    }

    /// One byte that is any of `allowed`.
    fn expect(&mut self, allowed: &[u8]) -> Option<()> {
        self.take().filter(|byte| allowed.contains(byte)).map(drop)
    }

    /// Exactly `count` ASCII digits, as a number.
    fn digits(&mut self, count: usize) -> Option<u32> {
        let digits = self.0.get(..count)?;
        self.0 = &self.0[count..];
        digits.iter().try_fold(0, |number, &byte| {
            byte.is_ascii_digit()
                .then(|| number * 10 + u32::from(byte - b'0'))
        })
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`).
fn days_since_epoch(year: i32, month: u8, day: u8) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_dates_parse_to_the_same_instant_across_offsets() {
        let utc = Timestamp::parse("2017-10-15T09:30:00Z");
        let cairo = Timestamp::parse("2017-10-15T11:30:00+02:00");
        assert_eq!(utc.map(|t| t.unix_seconds()), Some(1_508_059_800));
        assert_eq!(cairo.map(|t| t.unix_seconds()), Some(1_508_059_800));
    }

    #[test]
    fn dates_keep_the_clock_they_were_written_in() {
        let clock = Timestamp::parse("2017-01-01T00:15:00-03:30").map(|t| t.wall_clock());
        assert_eq!(
            clock,
            Some(WallClock {
                year: 2017,
                month: 1,
                day: 1,
                hour: 0,
                minute: 15,
                offset_minutes: -210,
            })
        );
    }

    #[test]
    fn dates_that_are_not_rfc3339_are_refused() {
        for text in [
            "",
            "yesterday",
            "2017-10-15",
            "15/10/2017",
            "2017-13-01T00:00:00Z",
            "2017-02-29T00:00:00Z",
            "2017-10-15 09:30",
            "2017-10-15T09:30:00",
            "2017-10-15T09:30:00.Z",
            "2017-10-15T09:30:00+2:00",
            "2017-10-15T24:00:00Z",
        ] {
            assert_eq!(Timestamp::parse(text), None, "{text:?}");
        }
    }
}
