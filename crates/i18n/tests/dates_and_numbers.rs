//! Dates and numbers in each language, as CLDR 48's defaults for the locale write them. English
//! keeps the site's British news style ("15 October 2017, 09:30 UTC"), word for word what
//! `news_model::Timestamp::display` writes.

use news_i18n::{Catalog, DateStyle, DateTime, Locale, Plural};

fn catalog(tag: &str) -> Catalog {
    let locale = Locale::parse(tag).unwrap_or_else(|error| panic!("{error}"));
    if locale.language().code == "en" {
        return Catalog::english();
    }
    let path = format!(
        "{}/catalogs/{}",
        env!("CARGO_MANIFEST_DIR"),
        locale.language().catalog_file()
    );
    let source = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let (catalog, problems) = Catalog::parse(locale, &path, &source);
    assert!(problems.is_empty(), "{problems:?}");
    catalog
}

fn at(year: i32, month: u8, day: u8, hour: u8, minute: u8, offset_minutes: i16) -> DateTime {
    DateTime {
        year,
        month,
        day,
        hour,
        minute,
        offset_minutes,
    }
}

const RAQQA: DateTime = DateTime {
    year: 2017,
    month: 10,
    day: 15,
    hour: 9,
    minute: 30,
    offset_minutes: 0,
};
const CAIRO_EVENING: DateTime = DateTime {
    year: 2017,
    month: 10,
    day: 15,
    hour: 23,
    minute: 30,
    offset_minutes: 120,
};

#[test]
fn english_dates_read_as_the_site_writes_them_today() {
    let english = Catalog::english();
    assert_eq!(english.date(&RAQQA, DateStyle::Day), "15 October 2017");
    assert_eq!(
        english.date(&RAQQA, DateStyle::DayAndTime),
        "15 October 2017, 09:30 UTC"
    );
    assert_eq!(
        english.date(&CAIRO_EVENING, DateStyle::DayAndTime),
        "15 October 2017, 23:30 UTC+2"
    );
    assert_eq!(
        english.date(&at(2017, 1, 1, 0, 15, -210), DateStyle::DayAndTime),
        "1 January 2017, 00:15 UTC-3:30"
    );
    assert_eq!(
        english.date(&at(2017, 10, 15, 11, 30, 120), DateStyle::DayAndTime),
        "15 October 2017, 11:30 UTC+2"
    );
}

#[test]
fn each_language_writes_the_long_date_as_cldr_says() {
    for (tag, day) in [
        ("de", "15. Oktober 2017"),
        ("es", "15 de octubre de 2017"),
        ("fr", "15 octobre 2017"),
        ("ru", "15 октября 2017\u{202f}г."),
        ("ar", "١٥ أكتوبر ٢٠١٧"),
        ("ar-EG", "١٥ أكتوبر ٢٠١٧"),
        ("ar-MA", "15 أكتوبر 2017"),
        ("ar-DZ", "15 أكتوبر 2017"),
        ("ar-TN", "15 أكتوبر 2017"),
        ("ar-LB", "١٥ تشرين الأول ٢٠١٧"),
    ] {
        assert_eq!(catalog(tag).date(&RAQQA, DateStyle::Day), day, "{tag}");
    }
}

#[test]
fn regional_arabic_month_names_follow_cldr() {
    let july = at(2017, 7, 4, 9, 30, 0);
    assert_eq!(
        catalog("ar-MA").date(&july, DateStyle::Day),
        "4 يوليوز 2017"
    );
    assert_eq!(
        catalog("ar-DZ").date(&july, DateStyle::Day),
        "4 جويلية 2017"
    );
    assert_eq!(catalog("ar").date(&july, DateStyle::Day), "٤ يوليو ٢٠١٧");
}

#[test]
fn times_use_each_languages_clock_and_name_the_offset() {
    for (tag, text) in [
        ("de", "15. Oktober 2017, 23:30 GMT+2"),
        ("es", "15 de octubre de 2017, 23:30 GMT+2"),
        ("fr", "15 octobre 2017, 23:30 UTC+2"),
        ("ru", "15 октября 2017\u{202f}г., 23:30 GMT+2"),
        ("ar", "١٥ أكتوبر ٢٠١٧، ١١:٣٠ م غرينتش+٢"),
        ("ar-MA", "15 أكتوبر 2017، 23:30 غرينتش+2"),
    ] {
        assert_eq!(
            catalog(tag).date(&CAIRO_EVENING, DateStyle::DayAndTime),
            text,
            "{tag}"
        );
    }
    assert_eq!(
        catalog("es").date(&RAQQA, DateStyle::DayAndTime),
        "15 de octubre de 2017, 9:30 GMT"
    );
    assert_eq!(
        catalog("ar").date(&RAQQA, DateStyle::DayAndTime),
        "١٥ أكتوبر ٢٠١٧، ٩:٣٠ ص غرينتش"
    );
    assert_eq!(
        catalog("ar").date(&at(2017, 10, 15, 0, 5, 0), DateStyle::DayAndTime),
        "١٥ أكتوبر ٢٠١٧، ١٢:٠٥ ص غرينتش"
    );
    assert_eq!(
        catalog("fr").date(&at(2017, 10, 15, 9, 30, -210), DateStyle::DayAndTime),
        "15 octobre 2017, 09:30 UTC\u{2212}3:30"
    );
}

#[test]
fn numbers_use_each_locales_digits_and_grouping() {
    for (tag, thousands, tens_of_thousands) in [
        ("en", "1,234", "12,345"),
        ("de", "1.234", "12.345"),
        ("es", "1234", "12.345"),
        ("fr", "1\u{202f}234", "12\u{202f}345"),
        ("ru", "1\u{a0}234", "12\u{a0}345"),
        ("ar", "١٬٢٣٤", "١٢٬٣٤٥"),
        ("ar-MA", "1.234", "12.345"),
        ("ar-AE", "1,234", "12,345"),
    ] {
        let catalog = catalog(tag);
        assert_eq!(
            (
                catalog.number(1234).as_str(),
                catalog.number(12345).as_str()
            ),
            (thousands, tens_of_thousands),
            "{tag}"
        );
    }
    assert_eq!(Catalog::english().number(1234567), "1,234,567");
    assert_eq!(catalog("es").number(999), "999");
}

#[test]
fn plurals_pick_the_languages_form_and_write_the_count_in_its_digits() {
    let stories = |tag: &str, n| catalog(tag).plural(Plural::TopicStoryCount, n);
    assert_eq!(
        [stories("en", 1), stories("en", 2)],
        ["1 story", "2 stories"]
    );
    assert_eq!(
        [0, 1, 2, 3, 11, 100].map(|n| stories("ar", n)),
        [
            "لا أخبار",
            "خبر واحد",
            "خبران",
            "٣ أخبار",
            "١١ خبرًا",
            "١٠٠ خبر"
        ]
    );
    assert_eq!(
        [1, 3, 5, 21].map(|n| stories("ru", n)),
        ["1 материал", "3 материала", "5 материалов", "21 материал"]
    );
    assert_eq!(
        [0, 1, 2, 1_000_000].map(|n| stories("fr", n)),
        [
            "0 article",
            "1 article",
            "2 articles",
            "1\u{202f}000\u{202f}000 d’articles"
        ]
    );
    assert_eq!(stories("es", 2_000_000), "2.000.000 de noticias");
}

#[test]
fn named_placeholders_lists_and_elements_go_where_the_language_puts_them() {
    let english = Catalog::english();
    assert_eq!(english.list(&["Ana", "Bo", "Cy"]), "Ana, Bo and Cy");
    assert_eq!(
        english.fill(
            news_i18n::Msg::ArticleByline,
            &[("authors", &english.list(&["Ana", "Bo"]))]
        ),
        "By Ana and Bo"
    );
    assert_eq!(
        catalog("ar").list(&["سارة", "علي", "منى"]),
        "سارة وعلي ومنى"
    );
    assert_eq!(
        catalog("de").plural_with(Plural::SearchResultCount, 3, &[("query", "Regen")]),
        "3 Treffer für „Regen“"
    );
    assert_eq!(
        english.around(news_i18n::Msg::ArticlePublished, "date"),
        ("Published ", "")
    );
    assert_eq!(
        english.around(news_i18n::Msg::NotesHomeListsEveryStory, "home"),
        ("", " lists every story, newest first.")
    );
}
