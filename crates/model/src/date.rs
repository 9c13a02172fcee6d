//! Publication dates. Content carries RFC 3339 strings; the app sorts by the instant and shows
//! the original string in `<time datetime>`, formatting it for the reader in the browser.

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
