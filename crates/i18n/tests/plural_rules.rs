//! Plural categories against CLDR's own examples: the `@integer` samples of each rule in
//! CLDR 48's `common/supplemental/plurals.xml` (as published in the `cldr-core` package's
//! `supplemental/plurals.json`), written out here; "1c6" is 1,000,000.

use news_i18n::PluralCategory::{self, *};
use news_i18n::{Locale, PluralRule};

fn rule(tag: &str) -> PluralRule {
    Locale::parse(tag)
        .map(|locale| locale.plural_rule())
        .unwrap_or(PluralRule::OtherOnly)
}

fn assert_examples(tag: &str, category: PluralCategory, examples: &[u64]) {
    for &n in examples {
        assert_eq!(rule(tag).category(n), category, "{tag}: {n}");
    }
}

#[test]
fn english_and_german_have_one_for_1_only() {
    for tag in ["en", "de"] {
        assert_examples(tag, One, &[1]);
        assert_examples(
            tag,
            Other,
            &[0, 2, 3, 16, 100, 1000, 10000, 100000, 1000000],
        );
    }
}

#[test]
fn arabic_has_six_forms() {
    assert_examples("ar", Zero, &[0]);
    assert_examples("ar", One, &[1]);
    assert_examples("ar", Two, &[2]);
    assert_examples(
        "ar",
        Few,
        &[3, 4, 5, 6, 7, 8, 9, 10, 103, 104, 109, 110, 1003],
    );
    assert_examples("ar", Many, &[11, 12, 19, 20, 25, 26, 111, 1011]);
    assert_examples(
        "ar",
        Other,
        &[
            100, 101, 102, 200, 201, 202, 300, 302, 400, 402, 500, 502, 600, 1000, 10000, 100000,
            1000000,
        ],
    );
}

#[test]
fn russian_has_one_few_and_many_for_whole_numbers() {
    assert_examples("ru", One, &[1, 21, 31, 41, 51, 61, 71, 81, 101, 1001]);
    assert_examples(
        "ru",
        Few,
        &[2, 3, 4, 22, 23, 24, 32, 34, 42, 44, 52, 54, 62, 102, 1002],
    );
    assert_examples(
        "ru",
        Many,
        &[
            0, 5, 6, 10, 11, 12, 14, 15, 19, 100, 1000, 10000, 100000, 1000000,
        ],
    );
}

#[test]
fn french_treats_0_and_1_alike_and_millions_as_many() {
    assert_examples("fr", One, &[0, 1]);
    assert_examples(
        "fr",
        Many,
        &[1000000, 2000000, 3000000, 4000000, 5000000, 6000000],
    );
    assert_examples(
        "fr",
        Other,
        &[
            2, 3, 10, 17, 100, 1000, 10000, 100000, 1000, 2000, 3000, 6000,
        ],
    );
}

#[test]
fn spanish_has_one_for_1_and_millions_as_many() {
    assert_examples("es", One, &[1]);
    assert_examples(
        "es",
        Many,
        &[1000000, 2000000, 3000000, 4000000, 5000000, 6000000],
    );
    assert_examples(
        "es",
        Other,
        &[0, 2, 3, 16, 100, 1000, 10000, 100000, 2000, 6000],
    );
}

#[test]
fn every_category_a_rule_picks_is_one_its_catalogs_write() {
    for tag in ["en", "ar", "de", "es", "fr", "ru"] {
        let rule = rule(tag);
        for n in (0..2000).chain([1000000, 2000000, 1000001, 21000000]) {
            assert!(rule.categories().contains(&rule.category(n)), "{tag}: {n}");
        }
    }
}
