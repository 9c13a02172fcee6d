//! The clock. Dates are shown by `news_views::words::Words::date` (the site's catalog), the
//! same in the app and the prerendered pages.

use js_sys::Date;

/// Now, as an RFC 3339 string for storing, on the reader's clock (with its offset), so a
/// comment shows the time the reader saw when posting it.
pub fn now_rfc3339() -> String {
    let now = Date::new_0();
    // Minutes to add to local time to get UTC (so negative east of Greenwich).
    let offset_minutes = now.get_timezone_offset() as i64;
    let local = Date::new(&(now.get_time() - offset_minutes as f64 * 60_000.0).into());
    let utc_text: String = local.to_iso_string().into();
    let clock = utc_text.trim_end_matches('Z');
    let east = -offset_minutes;
    let sign = if east < 0 { '-' } else { '+' };
    format!(
        "{clock}{sign}{:02}:{:02}",
        east.unsigned_abs() / 60,
        east.unsigned_abs() % 60
    )
}

/// Milliseconds since the epoch, now.
pub fn now_millis() -> f64 {
    Date::now()
}
