//! The model's RFC 3339 parser against the `time` crate's, on dates written every way a feed
//! might write them, right or wrong.

use news_model::Timestamp;
use proptest::prelude::*;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// What `time` makes of a date: the instant, and the clock as written. `time` takes any byte
/// between the date and the time; the model only `T`, `t` and the space RFC 3339 allows.
fn by_time(text: &str) -> Option<(i64, [i64; 6])> {
    let text = text.trim();
    if !matches!(text.as_bytes().get(10), Some(b'T' | b't' | b' ') | None) {
        return None;
    }
    let date = OffsetDateTime::parse(text, &Rfc3339).ok()?;
    let (hours, minutes, _) = date.offset().as_hms();
    let offset = i64::from(hours) * 60 + i64::from(minutes);
    let fields = [
        i64::from(date.year()),
        i64::from(u8::from(date.month())),
        i64::from(date.day()),
        i64::from(date.hour()),
        i64::from(date.minute()),
        offset,
    ];
    Some((date.unix_timestamp(), fields))
}

fn by_model(text: &str) -> Option<(i64, [i64; 6])> {
    let date = Timestamp::parse(text)?;
    let clock = date.wall_clock();
    let fields = [
        i64::from(clock.year),
        i64::from(clock.month),
        i64::from(clock.day),
        i64::from(clock.hour),
        i64::from(clock.minute),
        i64::from(clock.offset_minutes),
    ];
    Some((date.unix_seconds(), fields))
}

/// Dates near the edges of each field, with the separators and offsets feeds write and some
/// they should not.
fn date_text() -> impl Strategy<Value = String> {
    let field = |low: u32, high: u32, width: usize| {
        (low..=high).prop_map(move |value| format!("{value:0width$}"))
    };
    (
        prop_oneof![
            field(0, 9999, 4),
            Just("2016".to_owned()),
            Just("1900".to_owned()),
            Just("2000".to_owned())
        ],
        field(0, 13, 2),
        field(0, 32, 2),
        prop_oneof![Just("T"), Just("t"), Just(" "), Just("x")],
        field(0, 24, 2),
        field(0, 60, 2),
        field(0, 61, 2),
        prop_oneof![Just(String::new()), "\\.[0-9]{0,10}".prop_map(|s| s)],
        prop_oneof![
            Just("Z".to_owned()),
            Just("z".to_owned()),
            Just(String::new()),
            (prop_oneof![Just('+'), Just('-')], 0u32..=23, 0u32..=60)
                .prop_map(|(sign, h, m)| format!("{sign}{h:02}:{m:02}")),
            "[+-][0-9]{1,4}".prop_map(|s| s),
        ],
    )
        .prop_map(|(y, mo, d, t, h, mi, s, frac, offset)| {
            format!("{y}-{mo}-{d}{t}{h}:{mi}:{s}{frac}{offset}")
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn the_model_reads_dates_as_the_time_crate_does(text in date_text()) {
        prop_assert_eq!(by_model(&text), by_time(&text), "{:?}", text);
    }

    #[test]
    fn any_text_is_refused_or_read_as_the_time_crate_reads_it(text in "\\PC{0,32}") {
        prop_assert_eq!(by_model(&text), by_time(&text), "{:?}", text);
    }
}

#[test]
fn leap_seconds_are_read_only_where_one_can_be() {
    for text in [
        "2016-12-31T23:59:60Z",
        "2017-01-01T01:59:60+02:00",
        "2016-12-31T20:59:60-03:00",
        "2016-12-30T23:59:60Z",
        "2016-12-31T22:59:60Z",
        "2016-06-30T23:59:60.5Z",
    ] {
        assert_eq!(by_model(text), by_time(text), "{text}");
    }
    assert!(by_model("2016-12-31T23:59:60Z").is_some());
}
