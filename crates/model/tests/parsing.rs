//! The content format's rules, one behaviour per test, on tiny JSON documents.

use news_model::{
    parse_article, parse_feed_index, Article, Block, HeadingLevel, Inline, LinkKind, Problem,
    Severity,
};
use serde_json::{json, Value};

fn article_with(extra: Value) -> Value {
    let mut article = json!({"slug": "a-story", "title": "A story", "body": [{"type": "paragraph", "text": "Hello."}]});
    if let (Some(base), Some(extra)) = (article.as_object_mut(), extra.as_object()) {
        base.extend(extra.clone());
    }
    article
}

fn parse(value: Value) -> (Article, Vec<Problem>) {
    let parsed =
        parse_article(&value.to_string()).unwrap_or_else(|rejected| panic!("refused: {rejected}"));
    (parsed.document, parsed.problems)
}

fn messages(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(Problem::to_string).collect()
}

fn body_of(blocks: Value) -> (Vec<Block>, Vec<Problem>) {
    let (article, problems) = parse(article_with(json!({ "body": blocks })));
    (article.body, problems)
}

#[test]
fn minimal_article_parses_with_defaults() {
    let (article, problems) = parse(article_with(json!({})));
    assert_eq!(problems, vec![]);
    assert_eq!(article.title, "A story");
    assert!(article.has_comments);
    assert_eq!(article.image, None);
    assert_eq!(article.source, None);
    assert_eq!(
        article.body,
        vec![Block::Paragraph(Inline::plain("Hello."))]
    );
}

#[test]
fn invalid_json_is_refused_with_the_parser_position() {
    let rejected = parse_article("{\"slug\": ").unwrap_err();
    assert!(
        rejected
            .to_string()
            .starts_with("is not valid JSON: EOF while parsing"),
        "{rejected}"
    );
}

#[test]
fn document_that_is_not_an_object_is_refused() {
    for text in ["[]", "\"x\"", "3", "null", "true"] {
        assert!(parse_article(text).is_err(), "{text}");
        assert!(parse_feed_index(text).is_err(), "{text}");
    }
}

#[test]
fn missing_required_fields_are_each_reported() {
    let rejected = parse_article("{}").unwrap_err();
    assert_eq!(
        messages(&rejected.problems),
        [
            "slug: is required",
            "title: is required",
            "body: is required"
        ]
    );
}

#[test]
fn invalid_slug_in_article_is_refused() {
    let rejected =
        parse_article(&article_with(json!({"slug": "../secret"})).to_string()).unwrap_err();
    assert!(
        rejected
            .to_string()
            .starts_with("slug: \"../secret\" is not a valid slug"),
        "{rejected}"
    );
}

#[test]
fn empty_body_is_refused() {
    let rejected = parse_article(&article_with(json!({"body": []})).to_string()).unwrap_err();
    assert_eq!(rejected.to_string(), "body: must have at least one block");
}

#[test]
fn unknown_block_type_is_skipped() {
    let (body, problems) =
        body_of(json!([{"type": "video", "src": "x.mp4"}, {"type": "paragraph", "text": "Kept."}]));
    assert_eq!(body, vec![Block::Paragraph(Inline::plain("Kept."))]);
    assert_eq!(
        messages(&problems),
        ["body[0].type: \"video\" is not a known block type; the block is skipped"]
    );
    assert_eq!(problems[0].severity, Severity::Warning);
}

#[test]
fn broken_block_is_skipped_and_the_rest_still_shows() {
    let (body, problems) = body_of(json!([
        {"type": "paragraph"},
        {"type": "quote", "text": 5},
        {"text": "no type"},
        "not an object",
        {"type": "paragraph", "text": "Kept."}
    ]));
    assert_eq!(body, vec![Block::Paragraph(Inline::plain("Kept."))]);
    assert_eq!(
        messages(&problems),
        [
            "body[0].text: is required; the block is skipped",
            "body[1].text: must be a string or an array of spans, not a number",
            "body[2].type: is required and must be a string; the block is skipped",
            "body[3]: must be an object, not a string",
        ]
    );
}

#[test]
fn inline_spans_keep_their_styles_and_links() {
    let (body, problems) = body_of(json!([{"type": "paragraph", "text": [
        {"text": "plain "}, {"text": "em", "em": true}, {"text": "strong", "strong": true},
        {"text": "link", "href": "/article/other"}]}]));
    assert_eq!(problems, vec![]);
    let Block::Paragraph(inline) = &body[0] else {
        panic!("paragraph expected")
    };
    let spans = inline.spans();
    assert!(spans[1].is_em && !spans[1].is_strong);
    assert!(spans[2].is_strong && !spans[2].is_em);
    assert_eq!(
        spans[3].link.as_ref().map(|link| link.kind()),
        Some(LinkKind::SiteRelative)
    );
    assert_eq!(inline.to_plain_text(), "plain emstronglink");
}

#[test]
fn javascript_link_renders_as_text() {
    let (body, problems) = body_of(json!([{"type": "list", "items": [
        "first", [{"text": "click me", "href": "javascript:alert(1)"}]]}]));
    let Block::List { items, .. } = &body[0] else {
        panic!("list expected")
    };
    assert_eq!(items[1].spans()[0].text, "click me");
    assert_eq!(items[1].spans()[0].link, None);
    assert_eq!(
        messages(&problems),
        ["body[0].items[1][0].href: \"javascript:alert(1)\" is not an allowed link: it uses the javascript: scheme; only http:, https:, mailto: and relative URLs are allowed"]
    );
}

#[test]
fn heading_level_defaults_to_two_and_accepts_three() {
    let (body, problems) = body_of(json!([
        {"type": "heading", "text": "Two"}, {"type": "heading", "level": 3, "text": "Three"}]));
    assert_eq!(problems, vec![]);
    assert_eq!(
        body,
        vec![
            Block::Heading {
                level: HeadingLevel::H2,
                text: "Two".into()
            },
            Block::Heading {
                level: HeadingLevel::H3,
                text: "Three".into()
            }
        ]
    );
}

#[test]
fn heading_level_outside_two_and_three_is_reported_and_shown_as_two() {
    let (body, problems) = body_of(json!([{"type": "heading", "level": 1, "text": "One"}]));
    assert_eq!(
        body,
        vec![Block::Heading {
            level: HeadingLevel::H2,
            text: "One".into()
        }]
    );
    assert_eq!(
        messages(&problems),
        ["body[0].level: must be 2 or 3, not 1; shown as level 2"]
    );
}

#[test]
fn quote_keeps_its_cite_and_list_its_order() {
    let (body, _) = body_of(json!([
        {"type": "quote", "text": "Q", "cite": "Someone"},
        {"type": "list", "ordered": true, "items": ["a", "b"]}]));
    assert_eq!(
        body[0],
        Block::Quote {
            text: Inline::plain("Q"),
            cite: Some("Someone".into())
        }
    );
    assert_eq!(
        body[1],
        Block::List {
            is_ordered: true,
            items: vec![Inline::plain("a"), Inline::plain("b")]
        }
    );
}

#[test]
fn list_without_items_is_skipped() {
    let (body, problems) =
        body_of(json!([{"type": "list", "items": []}, {"type": "paragraph", "text": "x"}]));
    assert_eq!(body.len(), 1);
    assert_eq!(
        messages(&problems),
        ["body[0].items: has no items; the list is skipped"]
    );
}

#[test]
fn image_with_a_refused_src_is_left_out() {
    let (article, problems) = parse(article_with(json!({
        "image": {"src": "data:image/svg+xml,<svg onload=alert(1)>", "alt": "x"}})));
    assert_eq!(article.image, None);
    assert_eq!(problems[0].path, "image.src");
}

#[test]
fn image_keeps_caption_credit_and_size() {
    let (article, problems) = parse(article_with(json!({
        "image": {"src": "../images/a.svg", "alt": "A", "caption": "C", "credit": "Reuters", "width": 976, "height": 549}})));
    assert_eq!(problems, vec![]);
    let image = article.image.expect("image kept");
    assert_eq!(
        image.credit_line().as_deref(),
        Some("Image copyright Reuters")
    );
    assert_eq!(
        image.size.map(|size| (size.width, size.height)),
        Some((976, 549))
    );
}

#[test]
fn image_without_alt_is_kept_with_a_warning() {
    let (article, problems) = parse(article_with(json!({"image": {"src": "a.svg"}})));
    assert_eq!(article.image.map(|image| image.alt), Some(String::new()));
    assert_eq!(problems[0].severity, Severity::Warning);
    assert_eq!(problems[0].path, "image.alt");
}

#[test]
fn image_sizes_out_of_range_are_dropped() {
    for (width, height) in [
        (json!(0), json!(10)),
        (json!(-5), json!(10)),
        (json!(1.5), json!(10)),
        (json!(1e12), json!(10)),
        (json!("976"), json!(10)),
    ] {
        let (article, problems) = parse(article_with(
            json!({"image": {"src": "a.svg", "alt": "", "width": width, "height": height}}),
        ));
        assert_eq!(article.image.and_then(|image| image.size), None);
        assert!(
            problems.iter().any(|problem| problem.path == "image.width"),
            "{width}"
        );
    }
}

#[test]
fn bad_dates_are_shown_as_no_date_with_a_warning() {
    let (article, problems) = parse(article_with(
        json!({"published": "last Tuesday", "updated": 5}),
    ));
    assert_eq!((article.published, article.updated), (None, None));
    assert!(problems
        .iter()
        .all(|problem| problem.severity == Severity::Warning));
    assert_eq!(problems.len(), 2);
}

#[test]
fn comments_false_hides_the_comment_box() {
    let (article, _) = parse(article_with(json!({"comments": false})));
    assert!(!article.has_comments);
}

#[test]
fn empty_source_is_not_shown() {
    for source in [
        json!({}),
        json!({"name": ""}),
        json!({"name": "  ", "url": "javascript:x"}),
    ] {
        let (article, _) = parse(article_with(json!({ "source": source })));
        assert_eq!(article.source, None, "{source}");
    }
}

#[test]
fn source_with_only_a_url_is_named_by_its_url() {
    let (article, _) = parse(article_with(
        json!({"source": {"url": "https://example.org/x"}}),
    ));
    assert_eq!(
        article.source.map(|source| source.name),
        Some("https://example.org/x".into())
    );
}

#[test]
fn wrong_types_in_optional_fields_drop_only_that_field() {
    let (article, problems) = parse(article_with(json!({
        "section": 1, "summary": [], "authors": ["Ana", 2, "Bo"], "tags": "x", "comments": "no"})));
    assert_eq!(article.section, None);
    assert_eq!(article.authors, ["Ana", "Bo"]);
    assert!(article.tags.is_empty());
    assert!(article.has_comments);
    assert_eq!(problems.len(), 5, "{problems:?}");
}

#[test]
fn unknown_fields_are_ignored() {
    let (_, problems) = parse(article_with(
        json!({"kicker": "x", "layout": {"wide": true}}),
    ));
    assert_eq!(problems, vec![]);
}

#[test]
fn text_is_kept_verbatim_not_interpreted() {
    let hostile = "<img src=x onerror=alert(1)>&amp;";
    let (article, _) = parse(article_with(json!({"title": hostile})));
    assert_eq!(article.title, hostile);
}

#[test]
fn feed_is_sorted_newest_first_with_undated_last_in_file_order() {
    let index = parse_feed_index(
        &json!({"title": "T", "articles": [
        {"slug": "undated-a", "title": "A"},
        {"slug": "old", "title": "Old", "published": "2017-01-01T00:00:00Z"},
        {"slug": "bad-date", "title": "Bad", "published": "soon"},
        {"slug": "new", "title": "New", "published": "2026-01-01T00:00:00+05:00"},
        {"slug": "undated-b", "title": "B"}]})
        .to_string(),
    )
    .expect("parses")
    .document;
    let order: Vec<&str> = index
        .newest_first()
        .iter()
        .filter_map(|entry| entry.story.slug().map(|slug| slug.as_str()))
        .collect();
    assert_eq!(order, ["new", "old", "undated-a", "bad-date", "undated-b"]);
    let owned: Vec<String> = index
        .clone()
        .into_newest_first()
        .into_iter()
        .filter_map(|entry| entry.story.slug().map(ToString::to_string))
        .collect();
    assert_eq!(owned, order);
}

#[test]
fn feed_entries_without_slug_or_title_are_left_out() {
    let parsed = parse_feed_index(&json!({"title": "T", "articles": [
        {"title": "No slug"}, {"slug": "no-title"}, {"slug": "BAD", "title": "x"}, {"slug": "ok", "title": "Ok"}]}).to_string()).expect("parses");
    assert_eq!(parsed.document.entries.len(), 1);
    assert_eq!(messages(&parsed.problems).len(), 3);
}

#[test]
fn duplicate_slug_in_feed_keeps_the_first() {
    let parsed = parse_feed_index(
        &json!({"title": "T", "articles": [
        {"slug": "a", "title": "First"}, {"slug": "a", "title": "Second"}]})
        .to_string(),
    )
    .expect("parses");
    assert_eq!(
        parsed
            .document
            .entries
            .iter()
            .map(|entry| entry.title.as_str())
            .collect::<Vec<_>>(),
        ["First"]
    );
    assert_eq!(
        messages(&parsed.problems),
        ["articles[1].slug: \"a\" is listed twice; only the first entry is shown"]
    );
}

#[test]
fn feed_without_title_or_articles_is_refused() {
    assert_eq!(
        parse_feed_index("{}").unwrap_err().to_string(),
        "title: is required; articles: is required (it may be an empty array)"
    );
}

#[test]
fn empty_feed_is_valid() {
    let parsed = parse_feed_index(r#"{"title": "T", "articles": []}"#).expect("parses");
    assert!(parsed.document.entries.is_empty());
}

#[test]
fn feed_next_page_link_goes_through_the_allow_list() {
    let ok = parse_feed_index(r#"{"title": "T", "articles": [], "next": "index-2.json"}"#)
        .expect("parses");
    assert_eq!(
        ok.document.next.map(|link| link.to_string()),
        Some("index-2.json".into())
    );
    let refused = parse_feed_index(r#"{"title": "T", "articles": [], "next": "javascript:x"}"#)
        .expect("parses");
    assert_eq!(refused.document.next, None);
    assert_eq!(refused.problems[0].path, "next");
}

#[test]
fn deeply_nested_json_is_refused_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(parse_article(&deep).is_err());
}

#[test]
fn authors_are_read_in_the_order_written() {
    for authors in [
        vec![],
        vec!["Ana"],
        vec!["Ana", "Bo"],
        vec!["Ana", "Bo", "Cy"],
    ] {
        let (article, _) = parse(article_with(json!({ "authors": authors })));
        assert_eq!(article.authors, authors);
    }
}

// Content format 1.1 additions.

#[test]
fn image_sources_are_read_in_order_and_broken_ones_left_out() {
    let (article, problems) = parse(article_with(json!({"image": {
        "src": "a.jpg", "alt": "", "width": 1200, "height": 800,
        "sources": [
            {"src": "a-768.jpg", "width": 768},
            {"src": "a-300.jpg", "width": 300},
            {"src": "javascript:alert(1)", "width": 500},
            {"src": "a-0.jpg", "width": 0},
            {"width": 400}
        ]
    }})));
    let image = article.image.expect("the image is kept");
    let sources: Vec<(String, u32)> = image
        .sources
        .iter()
        .map(|source| (source.src.to_string(), source.width))
        .collect();
    assert_eq!(
        sources,
        vec![("a-768.jpg".into(), 768), ("a-300.jpg".into(), 300)]
    );
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "image.sources[2].src",
            "image.sources[3].width",
            "image.sources[4].src"
        ]
    );
}

#[test]
fn embed_block_needs_an_allowed_url() {
    let (body, problems) = body_of(json!([
        {"type": "embed", "url": "https://www.youtube.com/watch?v=x", "provider": "YouTube", "title": "Clip"},
        {"type": "embed", "url": "javascript:alert(1)"},
        {"type": "embed", "title": "No address"},
        {"type": "paragraph", "text": "After."}
    ]));
    assert_eq!(body.len(), 2, "{body:?}");
    let Block::Embed(embed) = &body[0] else {
        panic!("first block is an embed: {body:?}");
    };
    assert_eq!(embed.url.to_string(), "https://www.youtube.com/watch?v=x");
    assert_eq!(embed.provider.as_deref(), Some("YouTube"));
    assert_eq!(embed.title.as_deref(), Some("Clip"));
    assert_eq!(problems.len(), 2, "{:?}", messages(&problems));
}

#[test]
fn related_keeps_six_valid_slugs_other_than_itself() {
    let (article, problems) = parse(article_with(json!({"related": [
        "a-story", "one", "Not A Slug", "two", "one", "three", "four", "five", "six", "seven"
    ]})));
    let related: Vec<&str> = article.related.iter().map(|slug| slug.as_str()).collect();
    assert_eq!(related, vec!["one", "two", "three", "four", "five", "six"]);
    assert_eq!(problems.len(), 4, "{:?}", messages(&problems));
}

#[test]
fn index_entries_carry_their_tags() {
    let index = parse_feed_index(
        &json!({"title": "T", "articles": [
            {"slug": "a", "title": "A", "tags": ["Syria", " ", 3, "Raqqa"]}
        ]})
        .to_string(),
    )
    .expect("index parses");
    assert_eq!(index.document.entries[0].tags, vec!["Syria", "Raqqa"]);
    assert_eq!(index.problems.len(), 1);
}

#[test]
fn a_story_for_members_is_marked_and_keeps_its_preview() {
    let (article, problems) = parse(article_with(json!({
        "access": "members",
        "source": {"url": "https://publisher.example/story"}
    })));
    assert_eq!(problems, vec![]);
    assert_eq!(article.access, news_model::Access::Members);
    assert_eq!(article.body.len(), 1);
}

#[test]
fn a_story_for_members_without_a_link_to_read_it_is_refused() {
    let rejected = parse_article(
        &article_with(json!({"access": "members", "source": {"name": "The Harbour Times"}}))
            .to_string(),
    )
    .expect_err("refused");
    assert_eq!(
        messages(&rejected.problems),
        vec!["source.url: is required for a story for members: the link where they read the rest"]
    );
}

#[test]
fn an_unknown_access_is_an_error_read_as_members() {
    let (article, problems) = parse(article_with(json!({
        "access": "subscribers",
        "source": {"url": "https://publisher.example/story"}
    })));
    assert_eq!(article.access, news_model::Access::Members);
    assert_eq!(
        messages(&problems),
        vec!["access: must be \"members\" (the only value); read as \"members\""]
    );
}

#[test]
fn the_seo_title_is_read_with_the_article_and_the_rest_by_the_builds_parser() {
    let document = article_with(json!({"seo": {
        "title": "A story, as search engines show it",
        "canonical": "javascript:alert(1)",
        "noindex": "yes",
        "og_image": "../images/social.png"
    }}));
    let (article, problems) = parse(document.clone());
    assert_eq!(
        article.seo_title.as_deref(),
        Some("A story, as search engines show it")
    );
    assert_eq!(problems, vec![], "the app reads the title alone");
    let parsed = news_model::parse_article_with_seo(&document.to_string()).expect("parses");
    let (_, seo) = &parsed.document;
    assert_eq!(seo.canonical, None);
    assert!(!seo.is_noindex);
    assert_eq!(
        seo.open_graph.image.as_ref().map(|link| link.as_str()),
        Some("../images/social.png")
    );
    assert_eq!(
        messages(&parsed.problems),
        vec![
            "seo.canonical: \"javascript:alert(1)\" is not an allowed link: it uses the javascript: scheme; only http:, https:, mailto: and relative URLs are allowed",
            "seo.noindex: must be true or false, not a string"
        ]
    );
}
