//! Every shipped catalog against the English one: every key, no extra keys, English's
//! placeholders, the plural forms its language needs, nothing empty.

use news_i18n::{compile, Catalog, Language, Locale, Msg, Plural, Problem, LANGUAGES};

fn source(language: Language) -> String {
    let path = format!(
        "{}/catalogs/{}",
        env!("CARGO_MANIFEST_DIR"),
        language.catalog_file()
    );
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn locale(tag: &str) -> Locale {
    Locale::parse(tag).unwrap_or_else(|error| panic!("{error}"))
}

#[test]
fn every_catalog_has_every_key_with_englishs_placeholders_and_its_plural_forms() {
    for language in LANGUAGES {
        let (_, problems) = Catalog::parse(
            locale(language.code),
            &language.catalog_file(),
            &source(*language),
        );
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}

#[test]
fn every_catalog_compiles_and_reads_back_as_the_same_words() {
    for language in LANGUAGES {
        let file = language.catalog_file();
        let compiled = compile(*language, &file, &source(*language))
            .unwrap_or_else(|problems| panic!("{problems:?}"));
        for tag in [
            language.code.to_owned(),
            format!("{}-MA", language.code),
            format!("{}-LB", language.code),
        ] {
            let (parsed, _) = Catalog::parse(locale(&tag), &file, &source(*language));
            assert_eq!(
                Catalog::from_compiled(locale(&tag), &compiled),
                Ok(parsed),
                "{tag}"
            );
        }
    }
}

#[test]
fn a_missing_key_is_named_and_shown_in_english() {
    let text = source(Language::from_code("de").expect("de"))
        .replace("comments.post_button = Kommentar senden\n", "");
    let (catalog, problems) = Catalog::parse(locale("de"), "de.txt", &text);
    assert_eq!(catalog.text(Msg::CommentsPostButton), "Post comment");
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].to_string(),
        "de.txt: comments.post_button: missing"
    );
}

#[test]
fn a_broken_line_is_named_with_its_file_line_and_key() {
    let text = "site.skip_link Zum Inhalt\n";
    let (_, problems) = Catalog::parse(locale("de"), "de.txt", text);
    assert_eq!(problems[0].line, Some(1));
    assert_eq!(
        problems[0].to_string(),
        "de.txt:1: site.skip_link Zum Inhalt: broken line: expected `key = message`"
    );
}

#[test]
fn a_wrong_placeholder_an_unknown_key_and_an_unused_plural_form_are_named() {
    let text = "article.byline = Von {autor}\narticle.bylin = Von {authors}\nfeed.new_stories[few] = {n} neue\nsite.skip_link =\n";
    let (_, problems) = Catalog::parse(locale("de"), "de.txt", text);
    let kinds: Vec<(Option<usize>, &str, &Problem)> = problems
        .iter()
        .take(4)
        .map(|problem| (problem.line, problem.key.as_str(), &problem.problem))
        .collect();
    assert_eq!(
        kinds,
        [
            (
                Some(1),
                "article.byline",
                &Problem::Placeholders {
                    expected: vec!["authors".into()],
                    found: vec!["autor".into()]
                }
            ),
            (Some(2), "article.bylin", &Problem::UnknownKey),
            (Some(3), "feed.new_stories[few]", &Problem::UnusedCategory),
            (Some(4), "site.skip_link", &Problem::Empty),
        ]
    );
}

#[test]
fn a_missing_plural_form_falls_back_to_another_form_of_the_same_message() {
    let text = source(Language::from_code("ru").expect("ru"))
        .replace("feed.new_stories[few] =", "# feed.new_stories[few] =");
    let (catalog, problems) = Catalog::parse(locale("ru"), "ru.txt", &text);
    assert_eq!(
        problems[0].to_string(),
        "ru.txt: feed.new_stories[few]: missing"
    );
    assert_eq!(
        catalog.plural(Plural::FeedNewStories, 3),
        "3 новых материалов"
    );
}

#[test]
fn a_compiled_catalog_for_other_keys_or_cut_short_is_refused() {
    let german = Language::from_code("de").expect("de");
    let compiled = compile(german, "de.txt", &source(german)).expect("compiles");
    assert!(Catalog::from_compiled(locale("fr"), &compiled).is_err());
    let cut: String = compiled.lines().take(20).collect::<Vec<_>>().join("\n");
    assert!(Catalog::from_compiled(locale("de"), &cut).is_err());
}

#[test]
fn the_compiled_in_english_is_the_english_file() {
    let english = LANGUAGES[0];
    let (parsed, problems) =
        Catalog::parse(locale("en-GB"), &english.catalog_file(), &source(english));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(Catalog::english(), parsed);
}
