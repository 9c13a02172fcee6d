//! Component tests in headless Chromium (`wasm-bindgen-test`): each mounts one component into
//! the page and checks what a reader would see.

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use news_blog::data::settings::Settings;
use news_blog::pages::comment_section::CommentSection;
use news_blog::panic::show_crash_message;
use news_model::{parse_article, Block, Image, Link, Slug, DEFAULT_SITE_NAME};
use news_views::components::body_block::BodyBlock;
use news_views::components::image_block::ImageBlock;
use news_views::components::picture::Placement;
use news_views::site::LinkResolver;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlImageElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` into a fresh container with content links resolved against a document in
/// `/content/articles/`, and returns the container.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> HtmlElement {
    let document = document();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let origin = window().location().origin().unwrap();
    let settings = Settings::new(&format!("{origin}/"), DEFAULT_SITE_NAME.into(), None, None);
    let resolver = LinkResolver::new(
        format!("{origin}/content/articles/story.json"),
        settings.site.clone(),
    );
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(settings.site.clone());
        provide_context(settings);
        provide_context(resolver);
        view()
    });
    handle.forget();
    container
}

async fn settle() {
    leptos::task::tick().await;
}

/// Waits until the comment box has saved a comment it has just shown. It saves in a task it
/// queues from the next frame's callback; this waits for that frame, then queues a task of its
/// own from there, which runs after the box's.
async fn comment_saved() {
    let next_frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(next_frame).await;
    let next_task = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(next_task).await;
}

fn find<T: JsCast>(root: &HtmlElement, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

fn count(root: &HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn text(root: &HtmlElement, selector: &str) -> String {
    find::<HtmlElement>(root, selector)
        .text_content()
        .unwrap_or_default()
}

fn image(credit: Option<&str>) -> Image {
    Image {
        src: Link::parse("../images/raqqa.svg").unwrap(),
        alt: "Fighters on a ruined street".into(),
        caption: Some("US-backed militias have been besieging the city for months".into()),
        credit: credit.map(str::to_owned),
        size: Some(news_model::Size {
            width: 976,
            height: 549,
        }),
        sources: Vec::new(),
    }
}

fn body_blocks(json_body: &str) -> Vec<Block> {
    let json = format!(r#"{{"slug": "s", "title": "t", "body": {json_body}}}"#);
    parse_article(&json).unwrap().document.body
}

#[wasm_bindgen_test]
async fn image_block_shows_picture_caption_and_credit() {
    let root =
        mount(|| view! { <ImageBlock image=image(Some("Reuters")) placement=Placement::Lead/> });
    settle().await;
    let img: HtmlImageElement = find(&root, "figure img");
    assert_eq!(img.alt(), "Fighters on a ruined street");
    assert_eq!(
        (img.get_attribute("width"), img.get_attribute("height")),
        (Some("976".into()), Some("549".into()))
    );
    assert!(
        img.src().ends_with("/content/images/raqqa.svg"),
        "{}",
        img.src()
    );
    let caption = text(&root, "figure figcaption");
    assert!(
        caption.contains("US-backed militias have been besieging the city for months"),
        "{caption}"
    );
    assert!(caption.contains("Image copyright Reuters"), "{caption}");
}

#[wasm_bindgen_test]
async fn lead_picture_loads_first_and_others_lazily() {
    let root = mount(|| {
        view! {
            <ImageBlock image=image(None) placement=Placement::Lead/>
            <ImageBlock image=image(None) placement=Placement::BelowFold/>
        }
    });
    settle().await;
    let images = root.query_selector_all("img").unwrap();
    let lead: HtmlImageElement = images.get(0).unwrap().unchecked_into();
    let later: HtmlImageElement = images.get(1).unwrap().unchecked_into();
    assert_eq!(lead.get_attribute("fetchpriority").as_deref(), Some("high"));
    assert_eq!(lead.get_attribute("loading").as_deref(), Some("eager"));
    assert_eq!(later.get_attribute("loading").as_deref(), Some("lazy"));
}

#[wasm_bindgen_test]
async fn image_without_credit_has_no_copyright_line() {
    let root = mount(|| view! { <ImageBlock image=image(None) placement=Placement::BelowFold/> });
    settle().await;
    assert!(!text(&root, "figcaption").contains("Image copyright"));
}

#[wasm_bindgen_test]
async fn body_blocks_render_as_their_elements() {
    let blocks = body_blocks(
        r#"[
        {"type": "paragraph", "text": [{"text": "a "}, {"text": "em", "em": true}, {"text": "strong", "strong": true}]},
        {"type": "heading", "text": "Two"},
        {"type": "heading", "level": 3, "text": "Three"},
        {"type": "quote", "text": "Said it.", "cite": "Someone"},
        {"type": "list", "ordered": true, "items": ["one", "two"]},
        {"type": "list", "items": ["dot"]},
        {"type": "image", "src": "../images/a.svg", "alt": "An inline picture", "caption": "Cap", "credit": "Desk"}
    ]"#,
    );
    let root = mount(move || {
        blocks
            .into_iter()
            .map(|block| view! { <BodyBlock block/> })
            .collect_view()
    });
    settle().await;
    assert_eq!(text(&root, "p em"), "em");
    assert_eq!(text(&root, "p strong"), "strong");
    assert_eq!(text(&root, "h2"), "Two");
    assert_eq!(text(&root, "h3"), "Three");
    assert_eq!(text(&root, "blockquote p"), "Said it.");
    assert_eq!(text(&root, "blockquote cite"), "Someone");
    assert_eq!(count(&root, "ol > li"), 2);
    assert_eq!(count(&root, "ul > li"), 1);
    assert_eq!(
        find::<HtmlImageElement>(&root, "figure img").alt(),
        "An inline picture"
    );
    assert!(text(&root, "figure figcaption").contains("Image copyright Desk"));
}

#[wasm_bindgen_test]
async fn other_sizes_of_a_picture_are_offered_as_srcset() {
    let mut with_sources = image(None);
    with_sources.sources = vec![news_model::ImageSource {
        src: Link::parse("https://cdn.example/raqqa-480.jpg").unwrap(),
        width: 480,
    }];
    let root = mount(move || {
        view! {
            <ImageBlock image=with_sources placement=Placement::Lead/>
            <ImageBlock image=image(None) placement=Placement::BelowFold/>
        }
    });
    settle().await;
    let images = root.query_selector_all("img").unwrap();
    let sized: HtmlImageElement = images.get(0).unwrap().unchecked_into();
    let srcset = sized.get_attribute("srcset").unwrap_or_default();
    assert!(
        srcset.starts_with("https://cdn.example/raqqa-480.jpg 480w, ")
            && srcset.ends_with("/content/images/raqqa.svg 976w"),
        "{srcset}"
    );
    assert!(sized.get_attribute("sizes").is_some());
    let plain: HtmlImageElement = images.get(1).unwrap().unchecked_into();
    assert_eq!(plain.get_attribute("srcset"), None);
    assert_eq!(plain.get_attribute("sizes"), None);
}

#[wasm_bindgen_test]
async fn embed_is_a_link_card_never_a_frame() {
    let blocks = body_blocks(
        r#"[
        {"type": "embed", "url": "https://www.youtube.com/watch?v=abc", "provider": "YouTube", "title": "<script>alert(1)</script>"},
        {"type": "embed", "url": "https://social.example/@a/1"}
    ]"#,
    );
    let root = mount(move || {
        blocks
            .into_iter()
            .map(|block| view! { <BodyBlock block/> })
            .collect_view()
    });
    settle().await;
    assert_eq!(count(&root, "iframe, script"), 0);
    let links = root.query_selector_all("figure a").unwrap();
    assert_eq!(links.length(), 2);
    let first: HtmlElement = links.get(0).unwrap().unchecked_into();
    assert_eq!(
        first.get_attribute("href").as_deref(),
        Some("https://www.youtube.com/watch?v=abc")
    );
    assert_eq!(
        first.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    let first_text = first.text_content().unwrap_or_default();
    assert!(first_text.contains("YouTube") && first_text.contains("<script>alert(1)</script>"));
    let second: HtmlElement = links.get(1).unwrap().unchecked_into();
    let second_text = second.text_content().unwrap_or_default();
    assert!(
        second_text.contains("View on social.example"),
        "{second_text}"
    );
}

#[wasm_bindgen_test]
async fn links_open_in_app_or_elsewhere_with_the_right_rel() {
    let blocks = body_blocks(
        r#"[{"type": "paragraph", "text": [
        {"text": "inside", "href": "/article/other-story"},
        {"text": "outside", "href": "https://example.org/x"},
        {"text": "mail", "href": "mailto:desk@example.org"},
        {"text": "folder", "href": "/article/other-story/"},
        {"text": "file", "href": "/content/report.pdf"}]}]"#,
    );
    let root = mount(move || {
        blocks
            .into_iter()
            .map(|block| view! { <BodyBlock block/> })
            .collect_view()
    });
    settle().await;
    let links = root.query_selector_all("a").unwrap();
    let link = |idx: u32| -> HtmlElement { links.get(idx).unwrap().unchecked_into() };
    // Same-site addresses are written as paths, as the prerendered page writes them.
    assert_eq!(
        link(0).get_attribute("href").as_deref(),
        Some("/article/other-story")
    );
    assert_eq!(link(0).get_attribute("rel"), None, "an app route");
    assert_eq!(
        link(1).get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(
        link(3).get_attribute("rel"),
        None,
        "the built article folder is an app route too"
    );
    assert_eq!(
        link(4).get_attribute("rel").as_deref(),
        Some("external"),
        "a file on the site is left to the browser"
    );
    assert_eq!(links.length(), 5);
}

#[wasm_bindgen_test]
async fn javascript_link_renders_as_text() {
    let blocks = body_blocks(
        r#"[{"type": "paragraph", "text": [{"text": "click me", "href": " JaVaScRiPt:alert(1)"}]}]"#,
    );
    let root = mount(move || {
        blocks
            .into_iter()
            .map(|block| view! { <BodyBlock block/> })
            .collect_view()
    });
    settle().await;
    assert_eq!(count(&root, "a"), 0);
    assert_eq!(text(&root, "p"), "click me");
}

#[wasm_bindgen_test]
async fn markup_in_text_stays_text() {
    let blocks = body_blocks(
        r#"[{"type": "paragraph", "text": "<img src=x onerror=alert(1)><b>bold</b>"}]"#,
    );
    let root = mount(move || {
        blocks
            .into_iter()
            .map(|block| view! { <BodyBlock block/> })
            .collect_view()
    });
    settle().await;
    assert_eq!(count(&root, "img, b"), 0);
    assert_eq!(text(&root, "p"), "<img src=x onerror=alert(1)><b>bold</b>");
}

// Comment box. Each test uses its own slug, so stored comments do not leak between tests.

fn type_into(root: &HtmlElement, selector: &str, value: &str) {
    let event = web_sys::Event::new("input").unwrap();
    if let Ok(area) = find::<HtmlElement>(root, selector).dyn_into::<HtmlTextAreaElement>() {
        area.set_value(value);
        area.dispatch_event(&event).unwrap();
    } else {
        let input: HtmlInputElement = find(root, selector);
        input.set_value(value);
        input.dispatch_event(&event).unwrap();
    }
}

fn post(root: &HtmlElement) {
    find::<HtmlElement>(root, "button[type=submit]").click();
}

fn comment_box(slug: &'static str) -> HtmlElement {
    let _ = window()
        .local_storage()
        .unwrap()
        .unwrap()
        .remove_item(&format!("news-blog:comments:{slug}"));
    mount(move || view! { <CommentSection slug=Slug::parse(slug).unwrap()/> })
}

#[wasm_bindgen_test]
async fn posted_comment_appears_at_once_and_is_stored() {
    let root = comment_box("posted-comment");
    settle().await;
    assert_eq!(text(&root, "h2"), "No comments yet");
    type_into(&root, "#comment-name", "Ana");
    type_into(&root, "#comment-text", "First line\nsecond line");
    post(&root);
    settle().await;
    assert_eq!(text(&root, "h2"), "1 comment");
    assert_eq!(text(&root, ".comment__name"), "Ana");
    assert_eq!(text(&root, ".comment__text"), "First line\nsecond line");
    assert_eq!(count(&root, ".comment time[datetime]"), 1);
    assert_eq!(
        find::<HtmlTextAreaElement>(&root, "#comment-text").value(),
        ""
    );
    comment_saved().await;
    let stored = window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("news-blog:comments:posted-comment")
        .unwrap()
        .unwrap();
    assert!(
        stored.contains("\"version\":1") && stored.contains("second line"),
        "{stored}"
    );
}

#[wasm_bindgen_test]
async fn comment_without_a_name_is_shown_as_anonymous() {
    let root = comment_box("anonymous-comment");
    settle().await;
    type_into(&root, "#comment-text", "Hello");
    post(&root);
    settle().await;
    assert_eq!(text(&root, ".comment__name"), "Anonymous");
}

#[wasm_bindgen_test]
async fn empty_comment_is_refused_with_a_message_tied_to_the_field() {
    let root = comment_box("empty-comment");
    settle().await;
    type_into(&root, "#comment-text", "   ");
    post(&root);
    settle().await;
    assert_eq!(count(&root, ".comment"), 0);
    let area: HtmlTextAreaElement = find(&root, "#comment-text");
    assert_eq!(area.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described_by = area.get_attribute("aria-describedby").unwrap_or_default();
    assert!(
        described_by.split(' ').any(|id| id == "comment-text-error"),
        "{described_by}"
    );
    assert_eq!(
        text(&root, "#comment-text-error"),
        "Write a comment before posting."
    );
}

#[wasm_bindgen_test]
async fn comment_over_2000_chars_is_refused_and_the_text_kept() {
    let root = comment_box("long-comment");
    settle().await;
    let long = "a".repeat(2001);
    type_into(&root, "#comment-text", &long);
    settle().await;
    assert_eq!(
        text(&root, "#comment-text-count"),
        "2,001 of 2,000 characters: 1 too many"
    );
    post(&root);
    settle().await;
    assert_eq!(count(&root, ".comment"), 0);
    assert!(text(&root, "#comment-text-error").contains("1 character too long"));
    assert_eq!(
        find::<HtmlTextAreaElement>(&root, "#comment-text").value(),
        long
    );
}

#[wasm_bindgen_test]
async fn comment_is_deleted_only_after_confirmation() {
    let root = comment_box("deleted-comment");
    settle().await;
    type_into(&root, "#comment-text", "Short-lived");
    post(&root);
    settle().await;
    find::<HtmlElement>(&root, ".comment button").click();
    settle().await;
    assert_eq!(count(&root, ".comment"), 1, "first click only asks");
    find::<HtmlElement>(&root, ".comment .button--danger").click();
    settle().await;
    assert_eq!(count(&root, ".comment"), 0);
    assert_eq!(text(&root, "h2"), "No comments yet");
    // Deleted before its save ran: the save must not bring it back.
    comment_saved().await;
    settle().await;
    assert_eq!(count(&root, ".comment"), 0);
}

#[wasm_bindgen_test]
async fn crash_message_is_shown_once_with_a_way_to_reload() {
    show_crash_message();
    show_crash_message();
    let body = document().body().unwrap();
    assert_eq!(count(&body, "#crash-message[role=alert]"), 1);
    assert!(text(&body, "#crash-message")
        .starts_with("Something went wrong and this page stopped working."));
    assert_eq!(text(&body, "#crash-message a"), "Reload the page");
}

#[wasm_bindgen_test]
async fn a_feed_story_read_elsewhere_links_to_its_own_page() {
    use news_model::{FeedEntry, StoryLink};
    use news_views::components::feed_entry::FeedEntryCard;
    let entry = FeedEntry {
        story: StoryLink::Elsewhere(Link::parse("https://other.example/2024/x").unwrap()),
        title: "A story on its own site".into(),
        summary: None,
        published: None,
        section: None,
        tags: Vec::new(),
        authors: Vec::new(),
        image: None,
        language: None,
    };
    let root =
        mount(move || view! { <ul><FeedEntryCard entry placement=Placement::BelowFold/></ul> });
    settle().await;
    let link: HtmlElement = find(&root, "h2 a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://other.example/2024/x")
    );
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
}

thread_local! {
    static DEFERRED: std::cell::RefCell<std::collections::VecDeque<Box<dyn FnOnce()>>> =
        Default::default();
}

/// A pacer that keeps every deferred part until the test runs it.
fn defer_until_asked(work: Box<dyn FnOnce()>) {
    DEFERRED.with(|deferred| deferred.borrow_mut().push_back(work));
}

/// Runs the oldest deferred part; false when none is waiting.
fn run_next_deferred() -> bool {
    let next = DEFERRED.with(|deferred| deferred.borrow_mut().pop_front());
    next.map(|work| work()).is_some()
}

fn story_of_paragraphs(n_paragraphs: usize) -> news_model::Article {
    let body: Vec<String> = (1..=n_paragraphs)
        .map(|n| format!(r#"{{"type": "paragraph", "text": "Paragraph {n}."}}"#))
        .collect();
    let json = format!(
        r#"{{"slug": "long-read", "title": "A long read", "tags": ["Harbour"], "body": [{}]}}"#,
        body.join(",")
    );
    parse_article(&json).unwrap().document
}

fn paragraphs(root: &HtmlElement) -> Vec<String> {
    let found = root.query_selector_all(".article__body p").unwrap();
    (0..found.length())
        .filter_map(|n| found.item(n)?.text_content())
        .collect()
}

#[wasm_bindgen_test]
async fn a_paced_long_story_is_drawn_in_parts_in_reading_order() {
    use news_views::components::article_view::ArticleView;
    use news_views::pacing::Pacer;
    let root = mount(|| {
        provide_context(Pacer::new(|| true, defer_until_asked));
        view! { <ArticleView article=story_of_paragraphs(100)/> }
    });
    settle().await;
    let first = paragraphs(&root).len();
    assert!(
        first > 0 && first < 100,
        "{first} paragraphs drawn with the page"
    );
    assert_eq!(text(&root, "h1"), "A long read");
    let mut n_parts = 1;
    while run_next_deferred() {
        settle().await;
        n_parts += 1;
    }
    let expected: Vec<String> = (1..=100).map(|n| format!("Paragraph {n}.")).collect();
    assert_eq!(paragraphs(&root), expected);
    assert!(n_parts > 3, "drawn in {n_parts} parts");
    assert_eq!(text(&root, ".tags"), "Harbour");
}

#[wasm_bindgen_test]
async fn without_a_pacer_a_long_story_is_drawn_at_once() {
    use news_views::components::article_view::ArticleView;
    let root = mount(|| view! { <ArticleView article=story_of_paragraphs(100)/> });
    settle().await;
    assert_eq!(paragraphs(&root).len(), 100);
    assert_eq!(text(&root, ".tags"), "Harbour");
}

#[wasm_bindgen_test]
async fn on_screen_only_the_comment_box_waits_for_a_later_task() {
    use news_views::components::later::Later;
    use news_views::pacing::Pacer;
    let root = mount(|| {
        provide_context(Pacer::new(|| false, defer_until_asked));
        view! {
            <Later><p class="story">"The story"</p></Later>
            <Later even_on_screen=true><p class="comments">"The comment box"</p></Later>
        }
    });
    settle().await;
    assert_eq!(count(&root, ".story"), 1);
    assert_eq!(count(&root, ".comments"), 0);
    while run_next_deferred() {
        settle().await;
    }
    assert_eq!(text(&root, ".comments"), "The comment box");
}

#[wasm_bindgen_test]
async fn a_story_for_members_says_where_the_rest_is_and_shows_no_reading_time() {
    use news_views::components::article_view::ArticleView;
    let json = r#"{"slug": "budget", "title": "Inside the budget", "access": "members",
        "body": [{"type": "paragraph", "text": "The free preview."}],
        "source": {"url": "https://ghost.example/budget/"}}"#;
    let article = parse_article(json).unwrap().document;
    let root = mount(move || view! { <ArticleView article/> });
    settle().await;
    assert_eq!(paragraphs(&root), vec!["The free preview."]);
    assert_eq!(
        text(&root, ".article__source"),
        "The full story is for the publisher's members: https://ghost.example/budget/"
    );
    let link: HtmlElement = find(&root, ".article__source a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://ghost.example/budget/")
    );
    assert!(!text(&root, ".article__meta").contains("min read"));
}

#[wasm_bindgen_test]
async fn a_page_from_the_device_says_when_it_was_saved_and_can_be_hidden() {
    use news_blog::components::stale_notice::StaleNotice;
    let built = news_model::Timestamp::parse("2026-12-03T09:30:00+01:00");
    let root = mount(move || view! { <StaleNotice built/> });
    settle().await;
    let notice: HtmlElement = find(&root, "[role=status]");
    assert_eq!(
        notice.get_attribute("aria-label").as_deref(),
        Some("Saved copy")
    );
    assert_eq!(
        text(&root, "[role=status] p"),
        "You're offline — this is the copy saved on 3 December 2026, 09:30 UTC+1."
    );
    // Only the network could bring a newer one: no Try again, only Hide.
    assert_eq!(count(&root, "button"), 1);
    find::<HtmlElement>(&root, "button").click();
    settle().await;
    assert!(notice.hidden());

    let root = mount(move || view! { <StaleNotice built=None/> });
    settle().await;
    assert_eq!(
        text(&root, "[role=status] p"),
        "You're offline — this is a copy saved on this device."
    );
}
