//! Dates for readers, formatted by the browser's `Intl` (no time-zone data in the wasm).

use js_sys::{Array, Date, Intl, Object, Reflect};
use news_model::Timestamp;
use wasm_bindgen::JsValue;

/// How much of a date to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// "15 October 2017", for feed entries.
    Day,
    /// "15 October 2017 at 10:30", in the reader's time zone, for an article's meta line.
    DayAndTime,
}

/// The date in British English news style; the `<time datetime>` carries the exact value.
pub fn format_date(timestamp: &Timestamp, style: DateStyle) -> String {
    let date = Date::new(&JsValue::from_f64(timestamp.unix_millis()));
    let format = |formatter: &Intl::DateTimeFormat| formatter.format().call1(&JsValue::NULL, &date);
    let formatted = match style {
        DateStyle::Day => DAY.with(format),
        DateStyle::DayAndTime => DAY_AND_TIME.with(format),
    };
    formatted
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| timestamp.as_rfc3339().to_owned())
}

thread_local! {
    // One formatter per style: making one is far slower than using it, and a page can show
    // dozens of dates (a screenful of stories, a long comment thread).
    static DAY: Intl::DateTimeFormat = formatter(DateStyle::Day);
    static DAY_AND_TIME: Intl::DateTimeFormat = formatter(DateStyle::DayAndTime);
}

fn formatter(style: DateStyle) -> Intl::DateTimeFormat {
    let options = Object::new();
    let _ = Reflect::set(&options, &"dateStyle".into(), &"long".into());
    if style == DateStyle::DayAndTime {
        let _ = Reflect::set(&options, &"timeStyle".into(), &"short".into());
    }
    Intl::DateTimeFormat::new(&Array::of1(&"en-GB".into()), &options)
}

/// Now, as an RFC 3339 string for storing.
pub fn now_rfc3339() -> String {
    Date::new_0().to_iso_string().into()
}

/// Milliseconds since the epoch, now.
pub fn now_millis() -> f64 {
    Date::now()
}
