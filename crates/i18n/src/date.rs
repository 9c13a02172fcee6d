//! Dates as the locale writes them, on the clock of the offset they were written in (the
//! newsroom's own), with that offset named: no time-zone database, and no shift to the
//! reader's clock, so the prerendered page and the app say the same.

use crate::catalog::Catalog;
use crate::text::write_pattern;
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
    let mut out = String::new();
    // Written straight into `out`, each number only where the pattern asks for it.
    let day = |out: &mut String| {
        write_pattern(out, catalog.text(Msg::DateDay), &mut |name, out| {
            match name {
                "day" => digits.write(out, u64::from(when.day), 1, false),
                "month" => match usize::from(when.month)
                    .checked_sub(1)
                    .and_then(|idx| MONTHS.get(idx))
                {
                    Some(msg) => out.push_str(catalog.text(*msg)),
                    None => digits.write(out, u64::from(when.month), 1, false),
                },
                "year" => {
                    if when.year < 0 {
                        out.push('-');
                    }
                    digits.write(out, u64::from(when.year.unsigned_abs()), 1, false);
                }
                _ => return false,
            }
            true
        });
    };
    if style == DateStyle::Day {
        day(&mut out);
        return out;
    }
    let hour = u64::from(when.hour);
    let offset = when.offset_minutes.unsigned_abs();
    write_pattern(
        &mut out,
        catalog.text(Msg::DateDayAndTime),
        &mut |name, out| {
            match name {
                "date" => day(out),
                "time" => write_pattern(out, catalog.text(Msg::DateTime), &mut |name, out| {
                    match name {
                        "HH" => digits.write(out, hour, 2, false),
                        "H" => digits.write(out, hour, 1, false),
                        "h" => digits.write(out, (hour + 11) % 12 + 1, 1, false),
                        "mm" => digits.write(out, u64::from(when.minute), 2, false),
                        "a" => out.push_str(catalog.text(if hour < 12 {
                            Msg::DateAm
                        } else {
                            Msg::DatePm
                        })),
                        _ => return false,
                    }
                    true
                }),
                "zone" => {
                    let zone = match when.offset_minutes {
                        0 => Msg::DateZoneUtc,
                        1.. => Msg::DateZoneAhead,
                        _ => Msg::DateZoneBehind,
                    };
                    // "2", "5:30".
                    write_pattern(out, catalog.text(zone), &mut |name, out| {
                        if name != "offset" {
                            return false;
                        }
                        digits.write(out, u64::from(offset / 60), 1, false);
                        if !offset.is_multiple_of(60) {
                            out.push(':');
                            digits.write(out, u64::from(offset % 60), 2, false);
                        }
                        true
                    });
                }
                _ => return false,
            }
            true
        },
    );
    out
}
