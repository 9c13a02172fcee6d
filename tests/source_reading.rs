//! A publisher's answers read in the browser (`wasm-bindgen-test`, in Chromium): bodies go
//! through the browser's `DOMParser` into the model's mapping, hostile markup runs nothing, and
//! every failure reaches the reader as the error it is.

#![cfg(target_arch = "wasm32")]

use news_blog::data::fetch::Body;
use news_blog::data::source_reading::{read_article, read_feed_page};
use news_model::sources::{ContentSource, PageNumber};
use news_model::{Block, StoryLink};
use news_views::load_error::LoadError;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FEED_URL: &str = "https://example.org/feed.json";
const SITE: &str = "https://example.org/";
const POST_URL: &str = "https://example.org/wp-json/wp/v2/posts?slug=harbour&_embed";

fn body(text: &str) -> Body {
    Body {
        text: text.into(),
        total_pages: None,
        saved_copy: None,
    }
}

fn wordpress() -> ContentSource {
    ContentSource::WordPress { site: SITE.into() }
}

/// A `posts?slug=…` answer of one post with `title` and `content` as WordPress renders them.
fn post(title: &str, content: &str) -> String {
    serde_json::json!([{
        "id": 7,
        "slug": "harbour",
        "link": "https://example.org/2026/11/harbour/",
        "date_gmt": "2026-11-20T09:00:00",
        "title": { "rendered": title },
        "excerpt": { "rendered": "<p>The plans.</p>", "protected": false },
        "content": { "rendered": content, "protected": false },
        "comment_status": "open",
    }])
    .to_string()
}

#[wasm_bindgen_test]
fn a_json_feed_page_gives_its_entries_and_whole_stories() {
    let source = ContentSource::JsonFeed {
        feed: FEED_URL.into(),
    };
    let page = read_feed_page(
        &source,
        "Example",
        FEED_URL,
        &body(include_str!("fixtures/sources/jsonfeed.json")),
        PageNumber(1),
    )
    .expect("the fixture is a readable feed");
    assert!(!page.articles.is_empty(), "a feed carries whole stories");
    for article in &page.articles {
        assert!(
            page.index
                .entries
                .iter()
                .any(|entry| entry.story == StoryLink::Here(article.slug.clone())),
            "{} is listed",
            article.slug
        );
    }
}

#[wasm_bindgen_test]
fn a_gutenberg_body_is_mapped_through_the_browsers_parser() {
    let content = r#"<h2 class="wp-block-heading">The plans</h2>
<p>Residents <strong>asked</strong> when the <a href="/works/">work</a> would start.</p>
<figure class="wp-block-image size-large"><img src="https://example.org/a-1024.jpg" alt="The  harbour" width="1024" height="576" srcset="https://example.org/a-300.jpg 300w, https://example.org/a-1024.jpg 1024w" /><figcaption class="wp-element-caption">The harbour at dawn</figcaption></figure>
<blockquote class="wp-block-quote"><p>We will start in spring.</p><cite>The mayor</cite></blockquote>"#;
    let article = read_article(
        &wordpress(),
        POST_URL,
        &body(&post("Harbour &#8220;works&#8221;", content)),
    )
    .expect("a readable post");
    assert_eq!(article.title, "Harbour \u{201c}works\u{201d}");
    let kinds: Vec<&str> = article
        .body
        .iter()
        .map(|block| match block {
            Block::Heading { .. } => "heading",
            Block::Paragraph(_) => "paragraph",
            Block::Image(_) => "image",
            Block::Quote { .. } => "quote",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["heading", "paragraph", "image", "quote"]);
    let Block::Paragraph(text) = &article.body[1] else {
        unreachable!("checked above")
    };
    let link = text.0.iter().find_map(|span| span.link.as_ref());
    assert_eq!(
        link.map(|link| link.as_str()),
        Some("https://example.org/works/"),
        "a relative link resolves against the post's own address"
    );
    let Block::Image(image) = &article.body[2] else {
        unreachable!("checked above")
    };
    assert_eq!(image.alt, "The harbour");
    assert_eq!(image.caption.as_deref(), Some("The harbour at dawn"));
    assert_eq!(
        image
            .sources
            .iter()
            .map(|source| source.width)
            .collect::<Vec<_>>(),
        [300]
    );
    let Block::Quote { cite, .. } = &article.body[3] else {
        unreachable!("checked above")
    };
    assert_eq!(cite.as_deref(), Some("The mayor"));
}

#[wasm_bindgen_test]
async fn hostile_markup_in_a_post_runs_nothing() {
    let hostile: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("fixtures/hostile-strings.json"))
            .expect("the fixture is JSON");
    let strings: Vec<&str> = hostile
        .iter()
        .filter_map(|entry| entry["text"].as_str())
        .collect();
    let content = strings
        .iter()
        .map(|text| format!("<p>{text}</p>"))
        .collect::<String>();
    for title in strings.iter().take(20) {
        let read = read_article(&wordpress(), POST_URL, &body(&post(title, &content)));
        if let Ok(article) = read {
            assert!(!article.title.contains("<script"), "{:?}", article.title);
        }
    }
    // Event handlers and scripts would have run by the next task if the parser ran them.
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("a window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50);
    }))
    .await
    .expect("the timeout resolves");
    let window: JsValue = web_sys::window().expect("a window").into();
    let xss = js_sys::Reflect::get(&window, &"__xss".into()).expect("a property read");
    assert!(xss.is_undefined(), "injected script ran");
}

#[wasm_bindgen_test]
fn failures_reach_the_reader_as_what_they_are() {
    let read = |text: &str| read_article(&wordpress(), POST_URL, &body(text)).err();
    assert_eq!(read("[]"), Some(LoadError::NotFound));
    // A password-protected post is its headline, marked so, with no text to pass for it.
    let protected = serde_json::json!([{
        "slug": "harbour", "link": "https://example.org/harbour/",
        "title": { "rendered": "Members only" },
        "content": { "rendered": "", "protected": true },
    }]);
    let protected = read_article(&wordpress(), POST_URL, &body(&protected.to_string()))
        .expect("a protected post reads");
    assert_eq!(protected.access, news_model::Access::Password);
    assert!(protected.body.is_empty());
    assert_eq!(
        read(&post("Nothing", "<script>window.__xss=1</script>")),
        Some(LoadError::NothingToShow)
    );
    assert_eq!(
        read("<br />\n<b>Fatal error</b>: Allowed memory size exhausted"),
        Some(LoadError::NotJson)
    );
    assert!(matches!(
        read("{\"code\": \"rest_no_route\"}"),
        Some(LoadError::Unreadable(_))
    ));
}
