//! Content format 1.2 `language`: which tags are BCP 47, how they are written, which way
//! their text runs, and what the documents say when a tag is wrong.

use news_model::{
    article_to_json, feed_index_to_json, parse_article, parse_feed_index, Direction, LanguageTag,
    Problem, Seo, Severity,
};
use serde_json::{json, Value};

fn article_with_language(language: Value) -> Value {
    json!({"slug": "a-story", "title": "A story", "language": language,
        "body": [{"type": "paragraph", "text": "Hello."}]})
}

fn index_with_languages(site: Value, entry: Value) -> Value {
    json!({"title": "News", "language": site,
        "articles": [{"slug": "a-story", "title": "A story", "language": entry}]})
}

fn errors(problems: &[Problem]) -> Vec<String> {
    problems
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .map(Problem::to_string)
        .collect()
}

/// Tags as content may write them, and as the model writes them back.
const VALID_TAGS: [(&str, &str); 16] = [
    ("ar", "ar"),
    ("AR", "ar"),
    ("es", "es"),
    ("pt-BR", "pt-BR"),
    ("pt-br", "pt-BR"),
    ("zh-hant-tw", "zh-Hant-TW"),
    ("sr-LATN", "sr-Latn"),
    ("es-419", "es-419"),
    ("ckb", "ckb"),
    ("zh-yue-HK", "zh-yue-HK"),
    ("de-CH-1996", "de-CH-1996"),
    ("sl-rozaj-biske", "sl-rozaj-biske"),
    ("ar-EG-u-nu-LATN", "ar-EG-u-nu-latn"),
    ("en-GB-x-house-Style", "en-GB-x-house-style"),
    ("en-x-a-b", "en-x-a-b"),
    (" fr ", "fr"),
];

/// Text that is not a BCP 47 tag naming a language.
const INVALID_TAGS: [&str; 23] = [
    "",
    "a",
    "english",
    "Arabic",
    "pt_BR",
    "en--GB",
    "en-",
    "-en",
    "en-GB-",
    "e1",
    "en-GB-US",
    "en-Latn-Cyrl",
    "en-u",
    "en-u-a",
    "en-x",
    "x-klingon",
    "i-klingon",
    "en-abcdefghi",
    "en-a-b-c",
    "ar GB",
    "عربي",
    "en-GB\u{202e}",
    "ar-Arab-EG-abc",
];

#[test]
fn valid_tags_are_accepted_in_their_conventional_case() {
    for (written, expected) in VALID_TAGS {
        assert_eq!(
            LanguageTag::parse(written)
                .as_ref()
                .map(LanguageTag::as_str),
            Some(expected),
            "{written:?}"
        );
    }
}

#[test]
fn text_that_is_not_a_tag_is_refused() {
    for written in INVALID_TAGS {
        assert_eq!(LanguageTag::parse(written), None, "{written:?}");
    }
}

#[test]
fn schema_accepts_the_tags_the_model_accepts_and_no_others() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/article.schema.json");
    let text = std::fs::read_to_string(path).expect("schema file is readable");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    let article = jsonschema::validator_for(&schema).expect("schema compiles");
    for (written, _) in VALID_TAGS {
        assert!(
            article.is_valid(&article_with_language(json!(written))),
            "schema allows {written:?}"
        );
    }
    for written in INVALID_TAGS {
        assert!(
            !article.is_valid(&article_with_language(json!(written))),
            "schema refuses {written:?}"
        );
    }
}

#[test]
fn direction_follows_the_script_else_the_language() {
    use Direction::{LeftToRight as Ltr, RightToLeft as Rtl};
    for (tag, direction) in [
        ("ar", Rtl),
        ("ar-EG", Rtl),
        ("ar-MA-u-nu-latn", Rtl),
        ("he", Rtl),
        ("iw", Rtl),
        ("fa-IR", Rtl),
        ("ur", Rtl),
        ("ps", Rtl),
        ("sd", Rtl),
        ("yi", Rtl),
        ("dv", Rtl),
        ("ckb", Rtl),
        ("ug", Rtl),
        ("az-Arab", Rtl),
        ("pa-Arab", Rtl),
        ("ku-Arab-IQ", Rtl),
        ("jrb-Hebr", Rtl),
        ("ff-Adlm", Rtl),
        ("man-Nkoo", Rtl),
        ("en", Ltr),
        ("en-GB", Ltr),
        ("es-419", Ltr),
        ("ru", Ltr),
        ("zh-Hant-TW", Ltr),
        ("ar-Latn", Ltr),
        ("sd-Deva", Ltr),
        ("ku", Ltr),
        ("pa", Ltr),
        ("en-x-arab", Ltr),
    ] {
        let parsed = LanguageTag::parse(tag).unwrap_or_else(|| panic!("{tag:?} is a tag"));
        assert_eq!(parsed.direction(), direction, "{tag:?}");
    }
    assert_eq!(Direction::RightToLeft.as_str(), "rtl");
    assert_eq!(Direction::LeftToRight.as_str(), "ltr");
}

#[test]
fn documents_without_a_language_stay_valid() {
    let article = json!({"slug": "a-story", "title": "A story",
        "body": [{"type": "paragraph", "text": "Hello."}]});
    let parsed = parse_article(&article.to_string()).expect("article parses");
    assert_eq!(parsed.problems, vec![]);
    assert_eq!(parsed.document.language, None);

    let index = json!({"title": "News", "articles": [{"slug": "a-story", "title": "A story"}]});
    let parsed = parse_feed_index(&index.to_string()).expect("index parses");
    assert_eq!(parsed.problems, vec![]);
    assert_eq!(parsed.document.language, None);
    assert_eq!(parsed.document.entries[0].language, None);
}

#[test]
fn languages_of_the_site_an_entry_and_an_article_are_read() {
    let parsed = parse_feed_index(&index_with_languages(json!("ar"), json!("en-gb")).to_string())
        .expect("index parses");
    assert_eq!(parsed.problems, vec![]);
    let site = parsed.document.language.expect("site language");
    assert_eq!(
        (site.as_str(), site.direction()),
        ("ar", Direction::RightToLeft)
    );
    let entry = parsed.document.entries[0]
        .language
        .clone()
        .expect("entry language");
    assert_eq!(
        (entry.as_str(), entry.direction()),
        ("en-GB", Direction::LeftToRight)
    );

    let parsed = parse_article(&article_with_language(json!("fa")).to_string()).expect("parses");
    assert_eq!(parsed.problems, vec![]);
    assert_eq!(
        parsed.document.language.as_ref().map(LanguageTag::as_str),
        Some("fa")
    );
}

#[test]
fn invalid_language_is_reported_with_its_path_and_treated_as_absent() {
    for (language, message) in [
        (
            json!("Arabic"),
            "language: \"Arabic\" is not a BCP 47 language tag such as \"ar\" or \"pt-BR\"; the site's language is used",
        ),
        (
            json!("pt_BR"),
            "language: \"pt_BR\" is not a BCP 47 language tag such as \"ar\" or \"pt-BR\" (write \"pt-BR\"); the site's language is used",
        ),
        (
            json!(7),
            "language: must be a string, not a number; the site's language is used",
        ),
        (
            json!(["ar"]),
            "language: must be a string, not an array; the site's language is used",
        ),
    ] {
        let parsed = parse_article(&article_with_language(language.clone()).to_string())
            .expect("the article itself is usable");
        assert_eq!(errors(&parsed.problems), [message], "{language}");
        assert_eq!(parsed.document.language, None, "{language}");
        assert_eq!(parsed.document.title, "A story");
    }
}

#[test]
fn invalid_language_in_the_index_is_reported_at_the_site_and_the_entry() {
    let parsed =
        parse_feed_index(&index_with_languages(json!("ar_SA"), json!("english")).to_string())
            .expect("the index itself is usable");
    let paths: Vec<&str> = parsed
        .problems
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .map(|problem| problem.path.as_str())
        .collect();
    assert_eq!(paths, ["articles[0].language", "language"]);
    assert_eq!(parsed.document.language, None);
    assert_eq!(
        parsed.document.entries.len(),
        1,
        "the entry is still listed"
    );
    assert_eq!(parsed.document.entries[0].language, None);
}

#[test]
fn blank_or_null_language_means_the_site_language_without_a_problem() {
    for language in [json!(""), json!("  "), Value::Null] {
        let parsed =
            parse_article(&article_with_language(language.clone()).to_string()).expect("parses");
        assert_eq!(parsed.problems, vec![], "{language}");
        assert_eq!(parsed.document.language, None, "{language}");
    }
}

#[test]
fn language_written_out_reads_back_the_same() {
    let parsed = parse_article(&article_with_language(json!("AR-eg")).to_string()).expect("parses");
    let written = article_to_json(&parsed.document, &Seo::default());
    assert_eq!(written["language"], json!("ar-EG"));
    let again = parse_article(&written.to_string()).expect("parses again");
    assert_eq!(again.problems, vec![]);
    assert_eq!(again.document, parsed.document);

    let index = parse_feed_index(&index_with_languages(json!("ar"), json!("en")).to_string())
        .expect("parses")
        .document;
    let written = feed_index_to_json(&index);
    assert_eq!(written["language"], json!("ar"));
    assert_eq!(written["articles"][0]["language"], json!("en"));
    let again = parse_feed_index(&written.to_string()).expect("parses again");
    assert_eq!(again.problems, vec![]);
    assert_eq!(again.document, index);
}

#[test]
fn absent_language_is_not_written_out() {
    let parsed = parse_article(&article_with_language(Value::Null).to_string()).expect("parses");
    assert_eq!(
        article_to_json(&parsed.document, &Seo::default()).get("language"),
        None
    );
}
