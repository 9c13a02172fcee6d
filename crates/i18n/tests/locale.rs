use news_i18n::{Direction, Locale, LocaleError};

#[test]
fn tags_are_read_in_any_case_and_in_the_wordpress_form() {
    for (tag, lang) in [
        ("ar", "ar"),
        ("AR-ma", "ar-MA"),
        ("de_DE", "de-DE"),
        ("fr-Latn-CA", "fr-CA"),
        ("es-419", "es-419"),
        (" ru ", "ru"),
        ("en-GB-oxendict", "en-GB"),
        ("ar-EG-u-nu-latn", "ar-EG"),
    ] {
        assert_eq!(
            Locale::parse(tag).map(|locale| locale.html_lang()),
            Ok(lang.to_owned()),
            "{tag}"
        );
    }
}

#[test]
fn arabic_is_written_right_to_left_and_the_others_left_to_right() {
    let direction = |tag| Locale::parse(tag).map(|locale| locale.direction());
    assert_eq!(direction("ar-MA"), Ok(Direction::Rtl));
    assert_eq!(Direction::Rtl.as_str(), "rtl");
    for tag in ["en", "de", "es", "fr", "ru"] {
        assert_eq!(direction(tag), Ok(Direction::Ltr), "{tag}");
    }
}

#[test]
fn an_unsupported_language_is_an_error_the_caller_turns_into_english() {
    assert_eq!(
        Locale::parse("zh-TW"),
        Err(LocaleError::Unsupported {
            tag: "zh-TW".into()
        })
    );
    let (locale, warning) = Locale::parse_or_english("pt_BR");
    assert_eq!(locale.html_lang(), "en-GB");
    assert!(warning.is_some_and(|warning| warning.to_string().contains("pt_BR")));
}

#[test]
fn text_that_is_not_a_tag_is_malformed() {
    for tag in ["", "english", "e", "12", "ar-M@"] {
        assert!(
            matches!(Locale::parse(tag), Err(LocaleError::Malformed { .. })),
            "{tag:?}"
        );
    }
}

#[test]
fn the_default_is_british_english_as_the_site_wrote_before() {
    assert_eq!(Locale::default().html_lang(), "en-GB");
    assert_eq!(Locale::default().direction(), Direction::Ltr);
}
