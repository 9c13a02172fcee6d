//! The model's HTML mapping, tried on markup as WordPress, Ghost and feeds write it, through
//! the real parser (html5ever, as the build reads it; the browser's `DOMParser` follows the same
//! HTML5 rules).

use news_model::html::{blocks_from_html, text_from_html, MappedBody};
use news_model::{Block, HeadingLevel, Inline};

use news_model::html::native::NativeHtml;

const POST: &str = "https://wp.example/2024/05/a-post/";

fn count(dropped: &[String], what: &str) -> usize {
    dropped.iter().filter(|reason| *reason == what).count()
}

fn map(html: &str) -> MappedBody {
    blocks_from_html(&NativeHtml, html, POST)
}

fn texts(inline: &Inline) -> Vec<(String, Option<String>, bool, bool)> {
    inline
        .spans()
        .iter()
        .map(|span| {
            (
                span.text.clone(),
                span.link.as_ref().map(ToString::to_string),
                span.is_em,
                span.is_strong,
            )
        })
        .collect()
}

#[test]
fn gutenberg_paragraphs_headings_and_inline_styles() {
    let body = map(concat!(
        "<p>US-backed forces have <strong>launched</strong> their\n <em>final</em> assault.</p>\n\n",
        "<h2 class=\"wp-block-heading\">A hardcore group</h2>\n<h4>Deeper</h4>\n",
        "<p>See <a href=\"/2024/05/other/\">the other story</a> and <a href=\"mailto:desk@wp.example\">write</a>.</p>"
    ));
    assert_eq!(body.blocks.len(), 4, "{:?}", body.blocks);
    let Block::Paragraph(first) = &body.blocks[0] else {
        panic!("{:?}", body.blocks[0])
    };
    assert_eq!(
        first.to_plain_text(),
        "US-backed forces have launched their final assault."
    );
    assert!(texts(first).contains(&("launched".into(), None, false, true)));
    assert_eq!(
        body.blocks[1],
        Block::Heading {
            level: HeadingLevel::H2,
            text: "A hardcore group".into()
        }
    );
    assert_eq!(
        body.blocks[2],
        Block::Heading {
            level: HeadingLevel::H3,
            text: "Deeper".into()
        }
    );
    let Block::Paragraph(links) = &body.blocks[3] else {
        panic!("{:?}", body.blocks[3])
    };
    let links: Vec<_> = texts(links).into_iter().filter_map(|span| span.1).collect();
    assert_eq!(
        links,
        vec![
            "https://wp.example/2024/05/other/",
            "mailto:desk@wp.example"
        ]
    );
}

#[test]
fn gutenberg_image_with_caption_and_sizes() {
    let body = map(concat!(
        "<figure class=\"wp-block-image size-large\"><img decoding=\"async\" width=\"1024\" height=\"576\" ",
        "src=\"https://wp.example/wp-content/uploads/raqqa-1024x576.jpg\" alt=\"Fighters &amp; a ruined street\" ",
        "class=\"wp-image-7\" srcset=\"https://wp.example/wp-content/uploads/raqqa-1024x576.jpg 1024w, ",
        "https://wp.example/wp-content/uploads/raqqa-300x169.jpg 300w, /wp-content/uploads/raqqa-768x432.jpg 768w\" ",
        "sizes=\"(max-width: 1024px) 100vw, 1024px\" />",
        "<figcaption class=\"wp-element-caption\">Militias <em>besieging</em> the city</figcaption></figure>"
    ));
    let [Block::Image(image)] = body.blocks.as_slice() else {
        panic!("{:?}", body.blocks)
    };
    assert_eq!(
        image.src.to_string(),
        "https://wp.example/wp-content/uploads/raqqa-1024x576.jpg"
    );
    assert_eq!(image.alt, "Fighters & a ruined street");
    assert_eq!(
        image.caption.as_deref(),
        Some("Militias besieging the city")
    );
    assert_eq!(
        image.size.map(|size| (size.width, size.height)),
        Some((1024, 576))
    );
    let sources: Vec<(String, u32)> = image
        .sources
        .iter()
        .map(|source| (source.src.to_string(), source.width))
        .collect();
    assert_eq!(
        sources,
        vec![
            (
                "https://wp.example/wp-content/uploads/raqqa-300x169.jpg".into(),
                300
            ),
            (
                "https://wp.example/wp-content/uploads/raqqa-768x432.jpg".into(),
                768
            ),
        ]
    );
}

#[test]
fn classic_editor_caption_and_bare_image_in_a_paragraph() {
    let body = map(concat!(
        "<div id=\"attachment_5\" style=\"width: 310px\" class=\"wp-caption aligncenter\">",
        "<img aria-describedby=\"caption-attachment-5\" src=\"uploads/convoy.jpg\" alt=\"A convoy\" width=\"300\" height=\"200\">",
        "<p id=\"caption-attachment-5\" class=\"wp-caption-text\">A convoy on the road</p></div>\n",
        "<p>Before <img src=\"data:image/gif;base64,R0lGOD\" data-lazy-src=\"/lazy.jpg\" alt=\"\"> after</p>"
    ));
    let kinds: Vec<String> = body
        .blocks
        .iter()
        .map(|block| match block {
            Block::Image(image) => format!("image {} {:?}", image.src, image.caption),
            Block::Paragraph(text) => format!("p {}", text.to_plain_text()),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            "image https://wp.example/2024/05/a-post/uploads/convoy.jpg Some(\"A convoy on the road\")",
            "p Before",
            "image https://wp.example/lazy.jpg None",
            "p after",
        ]
    );
}

#[test]
fn quote_with_cite_and_lists_with_nesting() {
    let body = map(concat!(
        "<blockquote class=\"wp-block-quote\"><p>We may not always agree.</p><p>But we work.</p>",
        "<cite>Col Ryan <em>Dillon</em></cite></blockquote>",
        "<ol><li>One</li><li>Two<ul><li>Two a</li></ul></li><li>  </li></ol>"
    ));
    assert_eq!(body.blocks.len(), 2, "{:?}", body.blocks);
    let Block::Quote { text, cite } = &body.blocks[0] else {
        panic!("{:?}", body.blocks[0])
    };
    assert_eq!(
        text.to_plain_text(),
        "We may not always agree.\n\nBut we work."
    );
    assert_eq!(cite.as_deref(), Some("Col Ryan Dillon"));
    let Block::List { is_ordered, items } = &body.blocks[1] else {
        panic!("{:?}", body.blocks[1])
    };
    assert!(is_ordered);
    let items: Vec<String> = items.iter().map(Inline::to_plain_text).collect();
    assert_eq!(items, vec!["One", "Two", "Two a"]);
}

#[test]
fn embeds_become_link_cards() {
    let body = map(concat!(
        "<figure class=\"wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube\">",
        "<div class=\"wp-block-embed__wrapper\">\nhttps://www.youtube.com/watch?v=abc\n</div>",
        "<figcaption>The assault, filmed</figcaption></figure>",
        "<iframe src=\"https://player.vimeo.com/video/1\" title=\"A clip\"></iframe>",
        "<blockquote class=\"twitter-tweet\"><p lang=\"en\">Raqqa falls. <a href=\"https://t.co/x1\">pic.twitter.com/x1</a></p>&mdash; Desk (@desk) ",
        "<a href=\"https://twitter.com/desk/status/1\">May 1, 2024</a></blockquote>",
        "<script async src=\"https://platform.twitter.com/widgets.js\"></script>",
        "<figure class=\"kg-card kg-bookmark-card\"><a class=\"kg-bookmark-container\" href=\"https://other.example/story\">",
        "<div class=\"kg-bookmark-content\"><div class=\"kg-bookmark-title\">Other story</div>",
        "<div class=\"kg-bookmark-metadata\"><span class=\"kg-bookmark-author\">Other Times</span></div></div></a></figure>"
    ));
    let cards: Vec<(String, Option<String>, Option<String>)> = body
        .blocks
        .iter()
        .map(|block| match block {
            Block::Embed(embed) => (
                embed.url.to_string(),
                embed.provider.clone(),
                embed.title.clone(),
            ),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        cards,
        vec![
            (
                "https://www.youtube.com/watch?v=abc".into(),
                Some("YouTube".into()),
                Some("The assault, filmed".into())
            ),
            (
                "https://player.vimeo.com/video/1".into(),
                None,
                Some("A clip".into())
            ),
            (
                "https://twitter.com/desk/status/1".into(),
                Some("X (Twitter)".into()),
                Some("Raqqa falls. pic.twitter.com/x1".into())
            ),
            (
                "https://other.example/story".into(),
                Some("Other Times".into()),
                Some("Other story".into())
            ),
        ]
    );
    assert_eq!(count(&body.dropped, "<script>"), 1);
}

/// Ghost's bookmark card swaps its two classes "for theme backwards-compatibility" (Koenig's
/// renderer, `@tryghost/kg-default-nodes`): the publisher is in `.kg-bookmark-author`, the
/// author in `.kg-bookmark-publisher`. As Ghost 5.130.6 writes it.
#[test]
fn a_ghost_bookmarks_publisher_is_its_provider_and_its_author_is_not() {
    let card = |metadata: &str| {
        let body = map(&format!(concat!(
            "<figure class=\"kg-card kg-bookmark-card\"><a class=\"kg-bookmark-container\" href=\"https://www.bbc.co.uk/news/world\">",
            "<div class=\"kg-bookmark-content\"><div class=\"kg-bookmark-title\">World news</div>",
            "<div class=\"kg-bookmark-description\">Get all the latest news.</div>",
            "<div class=\"kg-bookmark-metadata\"><img class=\"kg-bookmark-icon\" src=\"https://www.bbc.co.uk/favicon.ico\" alt=\"\">{}</div>",
            "</div></a></figure>"
        ), metadata));
        match body.blocks.as_slice() {
            [Block::Embed(embed)] => embed.provider.clone(),
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(
        card(concat!(
            "<span class=\"kg-bookmark-author\">BBC News</span>",
            "<span class=\"kg-bookmark-publisher\">Jane Reporter</span>"
        )),
        Some("BBC News".into())
    );
    assert_eq!(
        card("<span class=\"kg-bookmark-publisher\">Jane Reporter</span>"),
        None
    );
}

#[test]
fn an_unknown_provider_is_named_from_its_slug_and_a_long_title_is_cut_at_a_word() {
    // Two-byte letters before the cut: it counts characters, not bytes.
    let long_caption = "wörd ".repeat(70);
    let body = map(&format!(
        "<figure class=\"wp-block-embed is-provider-amazon-kindle\">\
         <div class=\"wp-block-embed__wrapper\">https://read.amazon.example/kp/1</div>\
         <figcaption>{long_caption}</figcaption></figure>"
    ));
    let [Block::Embed(embed)] = body.blocks.as_slice() else {
        panic!("{:?}", body.blocks);
    };
    assert_eq!(embed.provider.as_deref(), Some("Amazon Kindle"));
    let title = embed.title.as_deref().unwrap_or_default();
    assert_eq!(title, "wörd ".repeat(56).trim_end().to_owned() + "…");
}

#[test]
fn hostile_markup_leaves_only_text_and_allowed_links() {
    let body = map(concat!(
        "<p onclick=\"alert(1)\">Hi <a href=\"javascript:alert(1)\">there</a>",
        "<a href=\" jav&#x09;ascript:alert(2)\">you</a><img src=x onerror=alert(3)></p>",
        "<script>alert(4)</script><style>p{}</style><svg><script>alert(5)</script></svg>",
        "<form><input value=\"x\"><button>Go</button></form><template><p>t</p></template>",
        "<noscript><p>ns</p></noscript><math><mi>x</mi></math><object data=\"x.swf\"></object>",
        "<!-- a comment --><p><a href=\"data:text/html,x\">data</a> &lt;b&gt;not bold&lt;/b&gt;</p>"
    ));
    let text: Vec<String> = body
        .blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(text) => {
                assert!(
                    text.spans().iter().all(|span| span.link.is_none()),
                    "{text:?}"
                );
                text.to_plain_text()
            }
            Block::Image(image) => format!("image {}", image.src),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        text,
        vec![
            "Hi thereyou",
            "image https://wp.example/2024/05/a-post/x",
            "data <b>not bold</b>"
        ]
    );
    for dropped in [
        "<script>",
        "<style>",
        "<svg>",
        "<form>",
        "<template>",
        "<noscript>",
        "<math>",
        "<object>",
    ] {
        assert!(
            body.dropped.iter().any(|what| what == dropped),
            "{dropped}: {:?}",
            body.dropped
        );
    }
    assert_eq!(count(&body.dropped, "a link with a refused address"), 3);
}

#[test]
fn control_characters_are_not_text() {
    let body = map("<p>Bell\u{7} and escape\u{1b}[31m</p><img src=\"a.jpg\" alt=\"a\u{1}b\">");
    let Block::Paragraph(text) = &body.blocks[0] else {
        panic!("{:?}", body.blocks)
    };
    assert_eq!(text.to_plain_text(), "Bell and escape[31m");
    let Block::Image(image) = &body.blocks[1] else {
        panic!("{:?}", body.blocks)
    };
    assert_eq!(image.alt, "ab");
}

#[test]
fn line_breaks_are_kept_and_layout_wrappers_unwrapped() {
    let body = map(concat!(
        "<div class=\"wp-block-group\"><div class=\"inner\"><p>Line one<br>line two</p></div>",
        "<section>Loose <span>words</span></section></div><hr><pre>a\n  b</pre>"
    ));
    let text: Vec<String> = body
        .blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(text) => text.to_plain_text(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(text, vec!["Line one\nline two", "Loose words", "a\nb"]);
}

#[test]
fn a_pages_language_is_its_html_elements_lang() {
    use news_model::html::native::document_language;
    let home = "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><title>x</title></head><body><p lang=\"en\">y</p></body></html>";
    assert_eq!(document_language(home).as_deref(), Some("ar"));
    assert_eq!(
        document_language("<html lang=\"de-DE\" class=\"no-js\"><body></body></html>").as_deref(),
        Some("de-DE")
    );
    assert_eq!(
        document_language("<html><body lang=\"fr\"></body></html>"),
        None
    );
    assert_eq!(document_language("<html lang=\" \">"), None);
}

#[test]
fn titles_and_excerpts_are_text() {
    let parser = NativeHtml;
    assert_eq!(
        text_from_html(&parser, "Syria war: &#8216;Final assault&#8217; &amp; more").as_deref(),
        Some("Syria war: ‘Final assault’ & more")
    );
    assert_eq!(
        text_from_html(&parser, "<p>The excerpt text &hellip; [&hellip;]</p>\n").as_deref(),
        Some("The excerpt text …")
    );
    assert_eq!(
        text_from_html(
            &parser,
            "<p>Short. <a href=\"x\" class=\"more-link\">Continue reading</a></p>"
        )
        .as_deref(),
        Some("Short.")
    );
    assert_eq!(
        text_from_html(
            &parser,
            "<img src=x onerror=alert(1)><script>alert(1)</script>"
        ),
        None
    );
    assert_eq!(
        text_from_html(&parser, "&lt;script&gt;alert(1)&lt;/script&gt;").as_deref(),
        Some("<script>alert(1)</script>")
    );
}

/// A body's headings, in order, with their levels.
fn headings(body: &MappedBody) -> Vec<(HeadingLevel, &str)> {
    body.blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading { level, text } => Some((*level, text.as_str())),
            _ => None,
        })
        .collect()
}

/// A body written in `h3`s alone is sections, not one section and its subsections.
#[test]
fn a_body_of_h3s_alone_is_h2_sections_with_their_own_subheadings() {
    let body = map("<h3>Morning</h3><p>a</p><h4>Early</h4><p>b</p><h3>Evening</h3><p>c</p>");
    assert_eq!(
        headings(&body),
        [
            (HeadingLevel::H2, "Morning"),
            (HeadingLevel::H3, "Early"),
            (HeadingLevel::H2, "Evening"),
        ]
    );
}

/// The headline is the page's `h1`: a body's first heading is an `h2` whatever the source
/// wrote, or the page skips a level (Ghost's toggle card writes an `<h4>`; the W3C checker
/// refuses an `h3` straight under the `h1`).
#[test]
fn a_heading_before_any_h2_is_an_h2() {
    let body = map(concat!(
        "<div class=\"kg-card kg-toggle-card\" data-kg-toggle-state=\"close\"><div class=\"kg-toggle-heading\">",
        "<h4 class=\"kg-toggle-heading-text\"><span style=\"white-space: pre-wrap;\">Where do I park?</span></h4>",
        "<button class=\"kg-toggle-card-icon\" aria-label=\"Expand toggle to read content\"><svg></svg></button></div>",
        "<div class=\"kg-toggle-content\"><p>On Mill Lane.</p></div></div>",
        "<h5>Under the toggle</h5><h2>A section</h2><h4>Under it</h4><h1>Another section</h1><h3>Under that</h3>"
    ));
    assert_eq!(
        headings(&body),
        [
            (HeadingLevel::H2, "Where do I park?"),
            (HeadingLevel::H3, "Under the toggle"),
            (HeadingLevel::H2, "A section"),
            (HeadingLevel::H3, "Under it"),
            (HeadingLevel::H2, "Another section"),
            (HeadingLevel::H3, "Under that"),
        ]
    );
}

/// A relative address is joined to the post's as a browser joins it, which leaves `[`, `|`,
/// `^` and a lone `%` as they are; written into a page unescaped they make an address the
/// W3C checker refuses, so they are percent-encoded (an IPv6 host's brackets stay).
#[test]
fn characters_not_allowed_in_an_address_are_percent_encoded() {
    let body = map(concat!(
        "<p><a href=\"[click](javascript:window.__xss=1)\">one</a> ",
        "<a href=\"a|b^c?q=[1]#x[2]\">two</a> <a href=\"100%.html?p=%41\">three</a> ",
        "<a href=\"http://[::1]:8080/[x]\">four</a></p>"
    ));
    let Some(Block::Paragraph(links)) = body.blocks.first() else {
        panic!("{:?}", body.blocks)
    };
    let links: Vec<_> = texts(links).into_iter().filter_map(|span| span.1).collect();
    assert_eq!(
        links,
        [
            "https://wp.example/2024/05/a-post/%5Bclick%5D(javascript:window.__xss=1)",
            "https://wp.example/2024/05/a-post/a%7Cb%5Ec?q=%5B1%5D#x%5B2%5D",
            "https://wp.example/2024/05/a-post/100%25.html?p=%41",
            "http://[::1]:8080/%5Bx%5D",
        ]
    );
}
