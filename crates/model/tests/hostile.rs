//! Hostile and malformed content: the parser never panics, keeps text verbatim, and refuses
//! every script-bearing URL. The hostile strings are shared with the end-to-end tests.

use std::path::Path;
use std::time::Instant;

use news_model::{parse_article, parse_feed_index, Block, Link, Severity};
use proptest::prelude::*;
use serde_json::{json, Map, Number, Value};

#[derive(serde::Deserialize)]
struct Hostile {
    family: String,
    text: String,
}

fn hostile_strings() -> Vec<Hostile> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hostile-strings.json");
    let text = std::fs::read_to_string(path).expect("fixture is readable");
    serde_json::from_str(&text).expect("fixture is JSON")
}

#[test]
fn fixture_has_at_least_200_hostile_strings() {
    assert!(hostile_strings().len() >= 200);
}

#[test]
fn every_hostile_url_is_refused() {
    for hostile in hostile_strings()
        .iter()
        .filter(|hostile| hostile.family == "url")
    {
        assert!(
            Link::parse(&hostile.text).is_err(),
            "{:?} must be refused",
            hostile.text
        );
    }
}

/// Every hostile string in every text and URL field of one article and one feed entry.
#[test]
fn hostile_strings_in_every_field_stay_verbatim_text() {
    for hostile in hostile_strings() {
        let text = hostile.text.as_str();
        let article = json!({
            "slug": "hostile", "title": text, "section": text, "summary": text,
            "published": text, "updated": text, "authors": [text], "tags": [text],
            "image": {"src": text, "alt": text, "caption": text, "credit": text},
            "body": [
                {"type": "paragraph", "text": text},
                {"type": "paragraph", "text": [{"text": text, "href": text, "em": true}]},
                {"type": "heading", "text": text},
                {"type": "quote", "text": text, "cite": text},
                {"type": "list", "items": [text, [{"text": text, "href": text}]]},
                {"type": "image", "src": text, "alt": text, "caption": text, "credit": text}
            ],
            "source": {"name": text, "url": text}
        });
        let parsed = parse_article(&article.to_string());
        // A blank string is not a title; everything else must parse.
        if text.trim().is_empty() {
            continue;
        }
        let article = parsed
            .unwrap_or_else(|rejected| panic!("{text:?}: {rejected}"))
            .document;
        assert_eq!(article.title, text);
        let Block::Paragraph(inline) = &article.body[1] else {
            panic!("paragraph expected")
        };
        assert_eq!(inline.spans()[0].text, text);
        if hostile.family == "url" {
            assert_eq!(inline.spans()[0].link, None, "{text:?}");
            assert_eq!(article.image, None, "{text:?}");
            assert_eq!(
                article
                    .source
                    .as_ref()
                    .and_then(|source| source.link.clone()),
                None
            );
        }

        let index = json!({"title": text, "description": text, "articles": [
            {"slug": "a", "title": text, "summary": text, "section": text, "published": text,
             "image": {"src": text, "alt": text}}], "next": text});
        let index = parse_feed_index(&index.to_string())
            .expect("index parses")
            .document;
        assert_eq!(index.entries[0].title, text);
    }
}

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |n| Number::from_f64(n).map(Value::Number)),
        ".{0,24}".prop_map(Value::String),
        prop::sample::select(vec![
            "paragraph",
            "heading",
            "quote",
            "list",
            "image",
            "x",
            "",
            "2017-10-15T09:30:00Z",
            "a-slug",
            "javascript:x",
            "../a.svg"
        ])
        .prop_map(|text| Value::String(text.to_owned())),
    ]
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    const KEYS: &[&str] = &[
        "slug",
        "title",
        "section",
        "summary",
        "published",
        "updated",
        "authors",
        "tags",
        "image",
        "body",
        "source",
        "comments",
        "type",
        "text",
        "href",
        "em",
        "strong",
        "level",
        "cite",
        "ordered",
        "items",
        "src",
        "alt",
        "caption",
        "credit",
        "width",
        "height",
        "name",
        "url",
        "articles",
        "description",
        "next",
    ];
    json_leaf().prop_recursive(5, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..8).prop_map(|fields| {
                Value::Object(
                    fields
                        .into_iter()
                        .map(|(key, value)| (key.to_owned(), value))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

/// An article whose every field and block field holds an arbitrary value.
fn article_shaped_json() -> impl Strategy<Value = Value> {
    let block = (prop::sample::select(vec!["paragraph", "heading", "quote", "list", "image", "video"]), arbitrary_json(), arbitrary_json())
        .prop_map(|(block_type, text, extra)| {
            json!({"type": block_type, "text": text, "items": extra.clone(), "src": extra.clone(), "alt": extra.clone(), "level": extra.clone(), "cite": extra})
        });
    (arbitrary_json(), arbitrary_json(), prop::collection::vec(block, 0..6), arbitrary_json()).prop_map(|(title, image, body, source)| {
        json!({"slug": "s", "title": title, "image": image, "body": body, "source": source, "published": title.clone(), "authors": image.clone(), "tags": source.clone()})
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_article(&text);
        let _ = parse_feed_index(&text);
    }

    #[test]
    fn arbitrary_json_gives_a_document_or_a_clear_error(value in arbitrary_json()) {
        for result in [parse_article(&value.to_string()).map(|_| ()), parse_feed_index(&value.to_string()).map(|_| ())] {
            if let Err(rejected) = result {
                prop_assert!(rejected.problems.iter().any(|problem| problem.severity == Severity::Error));
                prop_assert!(rejected.problems.iter().all(|problem| !problem.message.is_empty()));
            }
        }
    }

    #[test]
    fn article_with_arbitrary_field_values_parses_without_panic(value in article_shaped_json()) {
        if let Ok(parsed) = parse_article(&value.to_string()) {
            prop_assert!(!parsed.document.title.trim().is_empty());
            prop_assert!(parsed.problems.iter().all(|problem| !problem.message.is_empty()));
        }
    }
}

#[test]
fn five_megabyte_article_parses_quickly() {
    let paragraph = json!({"type": "paragraph", "text": [{"text": "A paragraph of news text that goes on for a while. ".repeat(4), "em": true}]});
    let body: Vec<Value> = std::iter::repeat_n(paragraph, 22_000).collect();
    let text = json!({"slug": "big", "title": "Big", "body": body}).to_string();
    assert!(text.len() > 5_000_000, "{} bytes", text.len());
    let started = Instant::now();
    let parsed = parse_article(&text).expect("parses");
    assert_eq!(parsed.document.body.len(), 22_000);
    assert!(
        started.elapsed().as_secs() < 5,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn feed_index_of_100000_entries_parses() {
    let entries: Vec<Value> = (0..100_000)
        .map(|n| json!({"slug": format!("story-{n}"), "title": format!("Story {n}"), "published": "2026-01-01T00:00:00Z"}))
        .collect();
    let text = json!({"title": "Big", "articles": entries}).to_string();
    let index = parse_feed_index(&text).expect("parses").document;
    assert_eq!(index.entries.len(), 100_000);
    assert_eq!(index.newest_first().len(), 100_000);
}

#[test]
fn numbers_out_of_range_are_reported_not_a_crash() {
    let too_big = parse_article(
        r#"{"slug": "s", "title": "t", "body": [{"type": "paragraph", "text": "x"}], "image": {"src": "a.svg", "alt": "", "width": 1e400, "height": 2}}"#,
    );
    assert!(too_big.is_err_and(|rejected| rejected.to_string().contains("number out of range")));
    let huge = parse_article(r#"{"slug": "s", "title": "t", "body": [{"type": "heading", "level": 18446744073709551616, "text": "x"}], "image": {"src": "a.svg", "alt": "", "width": 99999999999, "height": -1}}"#)
        .expect("parses");
    assert!(huge
        .problems
        .iter()
        .any(|problem| problem.path == "image.width"));
    assert!(huge
        .problems
        .iter()
        .any(|problem| problem.path == "body[0].level"));
}

#[test]
fn wrong_type_in_every_field_is_reported_with_its_path() {
    let wrong_values = [
        json!(5),
        json!(true),
        json!([1]),
        json!({"a": 1}),
        json!("text"),
    ];
    let fields = [
        "title",
        "section",
        "summary",
        "published",
        "updated",
        "authors",
        "tags",
        "image",
        "source",
        "comments",
        "body",
    ];
    for wrong in &wrong_values {
        for field in fields {
            let mut article =
                json!({"slug": "s", "title": "t", "body": [{"type": "paragraph", "text": "x"}]});
            article[field] = wrong.clone();
            match parse_article(&article.to_string()) {
                Ok(parsed) => {
                    let is_expected_type = matches!(
                        (field, wrong),
                        ("title" | "section" | "summary", Value::String(_))
                            | ("comments", Value::Bool(_))
                            | ("source", Value::Object(_))
                    );
                    let is_reported = parsed
                        .problems
                        .iter()
                        .any(|problem| problem.path.starts_with(field));
                    assert!(
                        is_expected_type || is_reported,
                        "{field} = {wrong}: {:?}",
                        parsed.problems
                    );
                }
                Err(rejected) => assert!(
                    rejected
                        .problems
                        .iter()
                        .any(|problem| problem.path.starts_with(field)),
                    "{field} = {wrong}: {rejected}"
                ),
            }
        }
    }
}
