//! Dates for readers, formatted by the browser's `Intl` (no time-zone data in the wasm).

use js_sys::{Date, Object, Reflect};
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
    let options = Object::new();
    let _ = Reflect::set(&options, &"dateStyle".into(), &"long".into());
    if style == DateStyle::DayAndTime {
        let _ = Reflect::set(&options, &"timeStyle".into(), &"short".into());
    }
    date.to_locale_string("en-GB", &options).into()
}

/// Now, as an RFC 3339 string for storing.
pub fn now_rfc3339() -> String {
    Date::new_0().to_iso_string().into()
}

/// Milliseconds since the epoch, now.
pub fn now_millis() -> f64 {
    Date::now()
}
