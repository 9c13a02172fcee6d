//! Dates as the locale writes them, on the clock of the offset they were written in (the
//! newsroom's own), with that offset named: no time-zone database, and no shift to the
//! reader's clock, so the prerendered page and the app say the same.

use crate::catalog::Catalog;
use crate::text::fill;
use crate::Msg;

/// A date and time as written in the content: the wall-clock fields and the offset from UTC
/// they were written in. `2017-10-15T11:30:00+02:00` is `{ year: 2017, month: 10, day: 15,
/// hour: 11, minute: 30, offset_minutes: 120 }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateTime {
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
    /// "15 October 2017, 11:30 UTC+2", for an article's meta line and comments.
    DayAndTime,
}

const MONTHS: [Msg; 12] = [
    Msg::DateMonth1,
    Msg::DateMonth2,
    Msg::DateMonth3,
    Msg::DateMonth4,
    Msg::DateMonth5,
    Msg::DateMonth6,
    Msg::DateMonth7,
    Msg::DateMonth8,
    Msg::DateMonth9,
    Msg::DateMonth10,
    Msg::DateMonth11,
    Msg::DateMonth12,
];

pub(crate) fn write(catalog: &Catalog, when: &DateTime, style: DateStyle) -> String {
    let digits = catalog.number_format();
    let number = |n: u32, width| digits.plain(u64::from(n), width);
    let month = usize::from(when.month)
        .checked_sub(1)
        .and_then(|idx| MONTHS.get(idx))
        .map_or_else(
            || number(u32::from(when.month), 1),
            |msg| catalog.text(*msg).to_owned(),
        );
    let year = match u32::try_from(when.year) {
        Ok(year) => number(year, 1),
        Err(_) => format!("-{}", number(when.year.unsigned_abs(), 1)),
    };
    let day = fill(
        catalog.text(Msg::DateDay),
        &[
            ("day", &number(u32::from(when.day), 1)),
            ("month", &month),
            ("year", &year),
        ],
    );
    if style == DateStyle::Day {
        return day;
    }
    let hour = u32::from(when.hour);
    let hour_12 = if hour % 12 == 0 { 12 } else { hour % 12 };
    let period = catalog.text(if hour < 12 { Msg::DateAm } else { Msg::DatePm });
    let time = fill(
        catalog.text(Msg::DateTime),
        &[
            ("HH", &number(hour, 2)),
            ("H", &number(hour, 1)),
            ("h", &number(hour_12, 1)),
            ("mm", &number(u32::from(when.minute), 2)),
            ("a", period),
        ],
    );
    let offset = when.offset_minutes.unsigned_abs();
    let (hours, minutes) = (u32::from(offset / 60), u32::from(offset % 60));
    let offset_text = match minutes {
        0 => number(hours, 1),
        _ => format!("{}:{}", number(hours, 1), number(minutes, 2)),
    };
    let zone = match when.offset_minutes {
        0 => catalog.text(Msg::DateZoneUtc).to_owned(),
        1.. => catalog.fill(Msg::DateZoneAhead, &[("offset", &offset_text)]),
        _ => catalog.fill(Msg::DateZoneBehind, &[("offset", &offset_text)]),
    };
    fill(
        catalog.text(Msg::DateDayAndTime),
        &[("date", &day), ("time", &time), ("zone", &zone)],
    )
}
