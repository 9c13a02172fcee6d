//! Publication dates. Content carries RFC 3339 strings; the app sorts by the instant, keeps the
//! original string for `<time datetime>`, and shows the date on the clock of the offset it was
//! written in (the newsroom's own), so the prerendered page and the app say the same thing
//! without a time-zone database in either.

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// An RFC 3339 date and time that parsed, with the instant it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timestamp {
    rfc3339: String,
    unix_seconds: i64,
}

impl Timestamp {
    /// Parses an RFC 3339 date-time such as `2017-10-15T09:30:00Z`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let instant = OffsetDateTime::parse(text.trim(), &Rfc3339).ok()?;
        Some(Timestamp {
            rfc3339: text.trim().to_owned(),
            unix_seconds: instant.unix_timestamp(),
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
    /// shift to another clock), for a language's date formatter; `None` if it does not parse.
    pub fn wall_clock(&self) -> Option<WallClock> {
        let instant = OffsetDateTime::parse(&self.rfc3339, &Rfc3339).ok()?;
        let (hours, minutes, _) = instant.offset().as_hms();
        Some(WallClock {
            year: instant.year(),
            month: u8::from(instant.month()),
            day: instant.day(),
            hour: instant.hour(),
            minute: instant.minute(),
            offset_minutes: i16::from(hours) * 60 + i16::from(minutes),
        })
    }

    /// The date for readers, in British news style on the clock of the offset it was written
    /// in, with that offset named: "15 October 2017", or "15 October 2017, 10:30 UTC+1".
    pub fn display(&self, style: DateStyle) -> String {
        let Ok(instant) = OffsetDateTime::parse(&self.rfc3339, &Rfc3339) else {
            return self.rfc3339.clone();
        };
        let month = MONTHS[usize::from(u8::from(instant.month())) - 1];
        let day = format!("{} {month} {}", instant.day(), instant.year());
        match style {
            DateStyle::Day => day,
            DateStyle::DayAndTime => format!(
                "{day}, {:02}:{:02} {}",
                instant.hour(),
                instant.minute(),
                zone_name(instant.offset())
            ),
        }
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

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "UTC", "UTC+2", "UTC-3", "UTC+5:30".
fn zone_name(offset: time::UtcOffset) -> String {
    let (hours, minutes, _) = offset.as_hms();
    let sign = if offset.is_negative() { '-' } else { '+' };
    match (hours.unsigned_abs(), minutes.unsigned_abs()) {
        (0, 0) => "UTC".to_owned(),
        (hours, 0) => format!("UTC{sign}{hours}"),
        (hours, minutes) => format!("UTC{sign}{hours}:{minutes:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_dates_parse_to_the_same_instant_across_offsets() {
        let utc = Timestamp::parse("2017-10-15T09:30:00Z");
        let cairo = Timestamp::parse("2017-10-15T11:30:00+02:00");
        assert_eq!(
            utc.map(|t| t.unix_seconds()),
            cairo.map(|t| t.unix_seconds())
        );
    }

    #[test]
    fn dates_show_on_the_clock_they_were_written_in_with_the_offset_named() {
        let shown = |text: &str, style| Timestamp::parse(text).map(|date| date.display(style));
        assert_eq!(
            shown("2017-10-15T09:30:00Z", DateStyle::DayAndTime).as_deref(),
            Some("15 October 2017, 09:30 UTC")
        );
        assert_eq!(
            shown("2017-10-15T23:30:00+02:00", DateStyle::DayAndTime).as_deref(),
            Some("15 October 2017, 23:30 UTC+2")
        );
        assert_eq!(
            shown("2017-01-01T00:15:00-03:30", DateStyle::DayAndTime).as_deref(),
            Some("1 January 2017, 00:15 UTC-3:30")
        );
        assert_eq!(
            shown("2017-10-15T23:30:00+02:00", DateStyle::Day).as_deref(),
            Some("15 October 2017")
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
            "2017-10-15 09:30",
        ] {
            assert_eq!(Timestamp::parse(text), None, "{text:?}");
        }
    }
}
