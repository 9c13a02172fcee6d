//! Every sample document that ships with the site (the English site in `public/content`, the
//! Arabic one in `samples/ar/content`) parses without problems and matches the published JSON
//! Schemas, and the schemas refuse what the parser refuses.

use std::fs;
use std::path::{Path, PathBuf};

use news_model::{parse_article, parse_feed_index, Direction, Key, Severity};
use serde_json::{json, Value};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn content_dir() -> PathBuf {
    repo_root().join("public/content")
}

fn arabic_content_dir() -> PathBuf {
    repo_root().join("samples/ar/content")
}

fn schema(name: &str) -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schema")
        .join(name);
    let text = fs::read_to_string(&path).expect("schema file is readable");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

fn read_json(path: &Path) -> (String, Value) {
    let text = fs::read_to_string(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    let value =
        serde_json::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    (text, value)
}

fn schema_errors(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

fn article_paths() -> Vec<PathBuf> {
    article_paths_in(&content_dir())
}

fn article_paths_in(content_dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(content_dir.join("articles"))
        .expect("articles folder exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    paths
}

fn assert_index_matches_model_and_schema(content_dir: &Path) {
    let path = content_dir.join("index.json");
    let (text, value) = read_json(&path);
    let parsed = parse_feed_index(&text).expect("sample index parses");
    assert_eq!(
        parsed.problems,
        vec![],
        "{} has no problems",
        path.display()
    );
    assert_eq!(
        schema_errors(&schema("feed-index.schema.json"), &value),
        Vec::<String>::new(),
        "{}",
        path.display()
    );
}

fn assert_articles_match_model_and_schema(paths: Vec<PathBuf>) {
    let validator = schema("article.schema.json");
    for path in paths {
        let (text, value) = read_json(&path);
        let parsed = parse_article(&text)
            .unwrap_or_else(|rejected| panic!("{}: {rejected}", path.display()));
        assert_eq!(parsed.problems, vec![], "{}", path.display());
        let file_slug = path
            .file_stem()
            .and_then(|stem| stem.to_str())
            .unwrap_or_default();
        assert_eq!(
            parsed.document.slug.as_str(),
            file_slug,
            "file name matches slug"
        );
        assert_eq!(
            schema_errors(&validator, &value),
            Vec::<String>::new(),
            "{}",
            path.display()
        );
    }
}

fn assert_every_entry_has_an_article_and_every_article_is_listed(content_dir: &Path) {
    let (text, _) = read_json(&content_dir.join("index.json"));
    let index = parse_feed_index(&text)
        .expect("sample index parses")
        .document;
    let mut listed: Vec<String> = index
        .entries
        .iter()
        .filter_map(|entry| entry.story.slug().map(ToString::to_string))
        .collect();
    let mut files: Vec<String> = article_paths_in(content_dir)
        .iter()
        .filter_map(|path| path.file_stem()?.to_str().map(str::to_owned))
        .collect();
    listed.sort();
    files.sort();
    assert_eq!(listed, files, "{}", content_dir.display());
}

#[test]
fn sample_feed_index_matches_model_and_schema() {
    assert_index_matches_model_and_schema(&content_dir());
}

#[test]
fn every_sample_article_matches_model_and_schema() {
    let paths = article_paths();
    assert!(
        paths.len() >= 7,
        "the seed article and at least six more ship as samples"
    );
    assert_articles_match_model_and_schema(paths);
}

/// Every site page of `content_dir` parses without problems, matches the page schema and is
/// named after its slug, and the index's footer names only those pages (at least `about`).
fn assert_site_pages_match_model_and_schema(content_dir: &Path) {
    let validator = schema("page.schema.json");
    let mut slugs = Vec::new();
    for path in fs::read_dir(content_dir.join("pages")).expect("pages folder exists") {
        let path = path.expect("readable entry").path();
        let (text, value) = read_json(&path);
        let parsed = news_model::parse_site_page(&text)
            .unwrap_or_else(|rejected| panic!("{}: {rejected}", path.display()));
        assert_eq!(parsed.problems, vec![], "{}", path.display());
        assert_eq!(
            Some(parsed.document.slug.as_str()),
            path.file_stem().and_then(|stem| stem.to_str()),
            "file name matches slug"
        );
        assert_eq!(schema_errors(&validator, &value), Vec::<String>::new());
        slugs.push(parsed.document.slug.to_string());
    }
    assert!(slugs.contains(&"about".to_owned()), "{slugs:?}");
    let (text, _) = read_json(&content_dir.join("index.json"));
    let footer = news_model::parse_footer_pages(&text);
    assert_eq!(footer.problems, vec![]);
    assert!(!footer.document.is_empty());
    for page in &footer.document {
        assert!(slugs.contains(&page.slug.to_string()), "{}", page.slug);
    }
}

#[test]
fn every_sample_site_page_matches_model_and_schema_and_the_footer_names_only_those() {
    assert_site_pages_match_model_and_schema(&content_dir());
}

#[test]
fn every_arabic_site_page_matches_model_and_schema_and_the_footer_names_only_those() {
    assert_site_pages_match_model_and_schema(&arabic_content_dir());
}

#[test]
fn the_page_schema_refuses_a_page_without_a_body_as_the_model_does() {
    let page = json!({"slug": "about", "title": "About us"});
    assert!(news_model::parse_site_page(&page.to_string()).is_err());
    assert!(!schema_errors(&schema("page.schema.json"), &page).is_empty());
}

#[test]
fn every_index_entry_has_an_article_and_every_article_is_listed() {
    assert_every_entry_has_an_article_and_every_article_is_listed(&content_dir());
}

#[test]
fn arabic_sample_index_matches_model_and_schema() {
    assert_index_matches_model_and_schema(&arabic_content_dir());
}

#[test]
fn every_arabic_sample_article_matches_model_and_schema() {
    let paths = article_paths_in(&arabic_content_dir());
    assert!(
        paths.len() >= 6,
        "the seed story in Arabic and at least five more ship as Arabic samples"
    );
    assert_articles_match_model_and_schema(paths);
}

#[test]
fn every_arabic_index_entry_has_an_article_and_every_article_is_listed() {
    assert_every_entry_has_an_article_and_every_article_is_listed(&arabic_content_dir());
}

#[test]
fn arabic_site_reads_right_to_left_with_one_story_in_english() {
    let (text, _) = read_json(&arabic_content_dir().join("index.json"));
    let index = parse_feed_index(&text).expect("index parses").document;
    let site = index
        .language
        .as_ref()
        .expect("the site names its language");
    assert_eq!(
        (site.as_str(), site.direction()),
        ("ar", Direction::RightToLeft)
    );
    let in_english: Vec<&str> = index
        .entries
        .iter()
        .filter(|entry| entry.language.as_ref().map(|tag| tag.as_str()) == Some("en"))
        .map(|entry| entry.title.as_str())
        .collect();
    assert_eq!(in_english.len(), 1, "{in_english:?}");
}

/// An entry and its article say the same about the story, so a card and its page agree on
/// the words, the topic pages and the language.
#[test]
fn every_arabic_entry_agrees_with_its_article() {
    let content_dir = arabic_content_dir();
    let (text, _) = read_json(&content_dir.join("index.json"));
    let index = parse_feed_index(&text).expect("index parses").document;
    for entry in &index.entries {
        let slug = entry.story.slug().expect("a slug of this site");
        let (text, _) = read_json(&content_dir.join(format!("articles/{slug}.json")));
        let article = parse_article(&text).expect("article parses").document;
        assert_eq!(
            (&entry.title, &entry.summary, &entry.published),
            (&article.title, &article.summary, &article.published),
            "{slug}"
        );
        assert_eq!(
            (&entry.section, &entry.tags, &entry.language),
            (&article.section, &article.tags, &article.language),
            "{slug}"
        );
    }
}

#[test]
fn every_arabic_section_and_tag_has_a_page() {
    let (text, _) = read_json(&arabic_content_dir().join("index.json"));
    let index = parse_feed_index(&text).expect("index parses").document;
    for entry in &index.entries {
        for name in entry.section.iter().chain(&entry.tags) {
            let key = Key::from_name(name);
            assert!(
                key.as_ref().is_some_and(Key::has_page),
                "{name:?} has the key {key:?}"
            );
        }
    }
}

#[test]
fn samples_use_every_block_type_and_inline_style() {
    let mut seen = std::collections::BTreeSet::new();
    for path in article_paths() {
        let (_, value) = read_json(&path);
        let body = value["body"].as_array().cloned().unwrap_or_default();
        for block in &body {
            let block_type = block["type"].as_str().unwrap_or_default().to_owned();
            if block_type == "heading" {
                seen.insert(format!("heading{}", block["level"].as_u64().unwrap_or(2)));
            }
            if block_type == "list" {
                seen.insert(format!(
                    "list-ordered-{}",
                    block["ordered"].as_bool().unwrap_or(false)
                ));
            }
            seen.insert(block_type);
            let text = block.to_string();
            for style in [
                "\"em\":true",
                "\"strong\":true",
                "\"href\":\"/article/",
                "\"href\":\"https://",
                "\"href\":\"mailto:",
            ] {
                if text.contains(style) {
                    seen.insert(style.to_owned());
                }
            }
        }
        if value["comments"] == json!(false) {
            seen.insert("comments-off".into());
        }
        if value.get("image").is_none() {
            seen.insert("no-image".into());
        }
        if value.get("related").is_some() {
            seen.insert("related".into());
        }
    }
    for wanted in [
        "paragraph",
        "heading2",
        "heading3",
        "quote",
        "list-ordered-true",
        "list-ordered-false",
        "image",
        "embed",
        "\"em\":true",
        "\"strong\":true",
        "\"href\":\"/article/",
        "\"href\":\"https://",
        "\"href\":\"mailto:",
        "comments-off",
        "no-image",
        "related",
    ] {
        assert!(seen.contains(wanted), "no sample uses {wanted}");
    }
}

/// Documents the parser refuses outright must fail the schema too, so hosts who validate
/// with the schema see the same verdict as the app.
#[test]
fn schema_refuses_what_the_parser_refuses() {
    let article = schema("article.schema.json");
    let refused = [
        json!({"title": "t", "body": [{"type": "paragraph", "text": "x"}]}),
        json!({"slug": "Bad Slug", "title": "t", "body": [{"type": "paragraph", "text": "x"}]}),
        json!({"slug": "ok", "body": [{"type": "paragraph", "text": "x"}]}),
        json!({"slug": "ok", "title": "  ", "body": [{"type": "paragraph", "text": "x"}]}),
        json!({"slug": "ok", "title": "t", "body": []}),
        json!({"slug": "ok", "title": "t"}),
        // A story for members without the link where they read the rest.
        json!({"slug": "ok", "title": "t", "body": [{"type": "paragraph", "text": "x"}],
               "access": "members", "source": {"name": "The Harbour Times"}}),
        json!({"slug": "ok", "title": "t", "body": [{"type": "paragraph", "text": "x"}],
               "access": "members"}),
    ];
    for value in refused {
        assert!(
            parse_article(&value.to_string()).is_err(),
            "parser refuses {value}"
        );
        assert!(!article.is_valid(&value), "schema refuses {value}");
    }
}

#[test]
fn schema_refuses_links_the_allow_list_refuses() {
    let article = schema("article.schema.json");
    for href in [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,x",
        "VBSCRIPT:x",
        "&#106;avascript:alert(1)",
        "javascript&colon;alert(1)",
    ] {
        let value = json!({"slug": "ok", "title": "t", "body": [
            {"type": "paragraph", "text": [{"text": "x", "href": href}]}]});
        assert!(!article.is_valid(&value), "schema refuses {href:?}");
        let parsed = parse_article(&value.to_string()).expect("the article itself is usable");
        assert!(
            parsed
                .problems
                .iter()
                .any(|problem| problem.severity == Severity::Error
                    && problem.path == "body[0].text[0].href"),
            "parser reports {href:?}"
        );
    }
    for href in [
        "https://example.org",
        "/article/x",
        "../images/a.svg",
        "mailto:a@example.org",
        "?q=1&b=2",
    ] {
        let value = json!({"slug": "ok", "title": "t", "body": [
            {"type": "paragraph", "text": [{"text": "x", "href": href}]}]});
        assert!(article.is_valid(&value), "schema allows {href:?}");
    }
}

#[test]
fn schema_allows_unknown_block_types_and_fields() {
    let value = json!({"slug": "ok", "title": "t", "future": 1, "body": [
        {"type": "video", "src": "clip.mp4"}, {"type": "paragraph", "text": "x"}]});
    assert!(schema("article.schema.json").is_valid(&value));
}
