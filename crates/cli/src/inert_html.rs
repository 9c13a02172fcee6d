//! The build's inert HTML parser for sources' bodies and titles: html5ever (through
//! `scraper`), the same HTML5 parsing rules as the browser's `DOMParser` in the app, read into
//! the model's small tree. Nothing is ever serialised back to HTML.

use news_model::html::{HtmlElement, HtmlNode, HtmlParser};
use scraper::{ElementRef, Html, Node};
use url::Url;

/// html5ever for markup, the `url` crate for addresses.
pub struct NativeHtml;

impl HtmlParser for NativeHtml {
    fn parse_fragment(&self, html: &str) -> Vec<HtmlNode> {
        let document = Html::parse_document(html);
        let body = document
            .root_element()
            .children()
            .filter_map(ElementRef::wrap)
            .find(|element| element.value().name() == "body");
        body.map(nodes_of).unwrap_or_default()
    }

    fn join_url(&self, base: &str, relative: &str) -> Option<String> {
        Some(Url::parse(base).ok()?.join(relative).ok()?.to_string())
    }
}

/// The `lang` of a web page's `<html>` element, as its author wrote it.
pub fn document_language(html: &str) -> Option<String> {
    let document = Html::parse_document(html);
    let lang = document.root_element().value().attr("lang")?.trim();
    (!lang.is_empty()).then(|| lang.to_owned())
}

fn nodes_of(parent: ElementRef<'_>) -> Vec<HtmlNode> {
    parent
        .children()
        .filter_map(|child| match child.value() {
            Node::Text(text) => Some(HtmlNode::Text(text.to_string())),
            Node::Element(element) => Some(HtmlNode::Element(HtmlElement {
                name: element.name().to_ascii_lowercase(),
                attributes: element
                    .attrs()
                    .map(|(name, value)| (name.to_ascii_lowercase(), value.to_owned()))
                    .collect(),
                children: ElementRef::wrap(child).map(nodes_of).unwrap_or_default(),
            })),
            _ => None,
        })
        .collect()
}

/// The mapping in `news_model::html`, tried on markup as WordPress, Ghost and feeds write it,
/// through the real parser.
#[cfg(test)]
mod mapping_tests {
    use news_model::html::{blocks_from_html, text_from_html, MappedBody};
    use news_model::{Block, HeadingLevel, Inline};

    use super::NativeHtml;

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
            "<div class=\"kg-bookmark-metadata\"><span class=\"kg-bookmark-publisher\">Other Times</span></div></div></a></figure>"
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
        use super::document_language;
        let home = "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><title>x</title></head><body><p lang=\"en\">y</p></body></html>";
        assert_eq!(document_language(home).as_deref(), Some("ar"));
        assert_eq!(
            document_language("<html lang=\"de-DE\" class=\"no-js\"><body></body></html>")
                .as_deref(),
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
}

/// The three sources' answers, recorded in the shape their APIs document, mapped through
/// the real parser.
#[cfg(test)]
mod source_tests {
    use news_model::sources::{Answer, ContentSource, Detail, PageNumber, Paging, WordPressRoutes};
    use news_model::{Block, Inline};

    use super::NativeHtml;

    const PAGING: Paging = Paging {
        routes: WordPressRoutes::Pretty,
        per_page: 2,
        detail: Detail::WholeStories,
    };

    fn fixture(name: &str) -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/sources")
            .join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
    }

    fn answer<'a>(url: &'a str, body: &'a str) -> Answer<'a> {
        Answer {
            url,
            body,
            total_pages: None,
            page: PageNumber(1),
        }
    }

    #[test]
    fn ghost_posts_map_with_tags_authors_pictures_and_paging() {
        let source =
            ContentSource::from_settings(Some("ghost"), Some("https://ghost.example"), Some("k1"))
                .expect("settings");
        let body = fixture("ghost-posts-page-1.json");
        let url = source.feed_page_url(PageNumber(1), PAGING).expect("url");
        assert_eq!(
            url,
            "https://ghost.example/ghost/api/content/posts/?key=k1&include=tags,authors&limit=2&page=1"
        );
        let page = source
            .read_feed_page(answer(&url, &body), &NativeHtml, "Site", PAGING.detail)
            .expect("page reads");
        assert_eq!(
            page.index.next.map(|next| next.to_string()).as_deref(),
            Some("https://ghost.example/ghost/api/content/posts/?key=k1&include=tags,authors&limit=2&page=2")
        );
        assert_eq!(
            page.index.entries.len(),
            1,
            "the members-only post is left out"
        );
        assert_eq!(page.skipped.len(), 1);
        assert!(
            page.skipped[0].reason.contains("protected"),
            "{:?}",
            page.skipped
        );
        let article = &page.articles[0].article;
        assert_eq!(article.section.as_deref(), Some("Business"));
        assert_eq!(article.tags, vec!["Business", "Food"]);
        assert_eq!(article.authors, vec!["Ana Ruiz", "Bo Chen"]);
        assert_eq!(
            article.published.as_ref().map(|date| date.as_rfc3339()),
            Some("2024-05-02T18:30:00.000+00:00")
        );
        assert!(article.updated.is_some());
        let image = article.image.as_ref().expect("feature image");
        assert_eq!(image.alt, "The market at dusk");
        assert_eq!(image.caption.as_deref(), Some("Photo by Ana"));
        assert_eq!(
            image.sources[0].src.to_string(),
            "https://ghost.example/content/images/size/w600/2024/05/market.jpg"
        );
        let kinds: Vec<&str> = article
            .body
            .iter()
            .map(|block| match block {
                Block::Paragraph(_) => "p",
                Block::Image(_) => "image",
                Block::Embed(_) => "embed",
                _ => "other",
            })
            .collect();
        assert_eq!(kinds, vec!["p", "image", "embed", "p"]);
        let Block::Image(card) = &article.body[1] else {
            unreachable!()
        };
        assert_eq!(card.caption.as_deref(), Some("Stalls under lights"));
        assert_eq!(card.sources.len(), 2, "{:?}", card.sources);
    }

    #[test]
    fn ghost_single_post_and_missing_slug() {
        let source =
            ContentSource::from_settings(Some("ghost"), Some("https://ghost.example/"), Some("k"))
                .expect("settings");
        let body = fixture("ghost-posts-page-1.json");
        let read = source
            .read_article(answer("x", &body), &NativeHtml)
            .expect("reads");
        assert_eq!(read.article.slug.as_str(), "night-market-returns");
        let empty = r#"{"posts": []}"#;
        assert_eq!(
            source.read_article(answer("x", empty), &NativeHtml),
            Err(news_model::sources::SourceError::NotFound)
        );
    }

    #[test]
    fn json_feed_items_become_whole_stories() {
        let source = ContentSource::from_settings(
            Some("jsonfeed"),
            Some("https://feed.example/feed.json"),
            None,
        )
        .expect("settings");
        let body = fixture("jsonfeed.json");
        let page = source
            .read_feed_page(
                answer("https://feed.example/feed.json", &body),
                &NativeHtml,
                "Site",
                PAGING.detail,
            )
            .expect("feed reads");
        assert_eq!(page.index.title, "Harbour Weekly");
        assert_eq!(
            page.index.next.map(|next| next.to_string()).as_deref(),
            Some("https://feed.example/feed-2.json")
        );
        let stories: Vec<String> = page
            .index
            .entries
            .iter()
            .map(|entry| match &entry.story {
                news_model::StoryLink::Here(slug) => slug.to_string(),
                news_model::StoryLink::Elsewhere(link) => format!("elsewhere {link}"),
            })
            .collect();
        assert_eq!(
            stories,
            vec![
                "harbour-reopens",
                "elsewhere https://feed.example/2024/Not%20A%20Slug/",
                "plain-text-story"
            ]
        );
        assert_eq!(page.skipped, vec![]);
        assert_eq!(
            page.articles.len(),
            2,
            "a story read elsewhere has no article here"
        );
        let first = &page.articles[0].article;
        assert_eq!(
            first
                .image
                .as_ref()
                .map(|image| image.src.to_string())
                .as_deref(),
            Some("https://feed.example/img/harbour.jpg")
        );
        assert_eq!(first.authors, vec!["Cy Obi"]);
        let Block::Image(boats) = &first.body[1] else {
            panic!("{:?}", first.body)
        };
        assert_eq!(boats.src.to_string(), "https://feed.example/img/boats.jpg");
        let second = &page.articles[1].article;
        let paragraphs: Vec<String> = second
            .body
            .iter()
            .filter_map(|block| match block {
                Block::Paragraph(text) => Some(Inline::to_plain_text(text)),
                _ => None,
            })
            .collect();
        assert_eq!(paragraphs, vec!["First paragraph.", "Second paragraph."]);
        assert_eq!(second.authors, vec!["Old Style"]);
        // The feed's language is the site's; an item in another one carries its own.
        let language = |tag: Option<&news_model::LanguageTag>| tag.map(ToString::to_string);
        assert_eq!(
            language(page.index.language.as_ref()).as_deref(),
            Some("en-GB")
        );
        assert_eq!(language(first.language.as_ref()), None);
        assert_eq!(language(second.language.as_ref()).as_deref(), Some("cy"));
        assert_eq!(
            language(page.index.entries[2].language.as_ref()).as_deref(),
            Some("cy")
        );
    }

    #[test]
    fn a_wordpress_post_in_a_translation_plugins_language_carries_it() {
        let source =
            ContentSource::from_settings(Some("wordpress"), Some("https://wp.example/"), None)
                .expect("settings");
        let post = |language_field: &str| {
            format!(
                r#"[{{"slug": "a-post", "title": {{"rendered": "A post"}}, "content": {{"rendered": "<p>Text.</p>"}}, {language_field}}}]"#
            )
        };
        let language = |body: &str| {
            let read = source
                .read_article(answer("https://wp.example/", body), &NativeHtml)
                .expect("reads");
            read.article.language.map(|tag| tag.to_string())
        };
        assert_eq!(language(&post(r#""lang": "ar""#)).as_deref(), Some("ar"));
        assert_eq!(
            language(&post(r#""wpml_current_locale": "pt_BR""#)).as_deref(),
            Some("pt-BR")
        );
        assert_eq!(language(&post(r#""lang": "not a language""#)), None);
        assert_eq!(language(&post(r#""id": 1"#)), None);
    }

    #[test]
    fn wordpress_addresses_in_both_route_styles() {
        let source =
            ContentSource::from_settings(Some("WordPress"), Some("http://wp.example/blog"), None)
                .expect("settings");
        let slug = news_model::Slug::parse("a-post").expect("slug");
        assert_eq!(
            source
                .article_url(&slug, WordPressRoutes::Pretty)
                .as_deref(),
            Some("http://wp.example/blog/wp-json/wp/v2/posts?_embed&slug=a-post")
        );
        assert_eq!(
            source.article_url(&slug, WordPressRoutes::Query).as_deref(),
            Some("http://wp.example/blog/?rest_route=%2Fwp%2Fv2%2Fposts&_embed&slug=a-post")
        );
        assert!(
            ContentSource::from_settings(Some("ghost"), Some("https://g.example"), None).is_err()
        );
        assert!(
            ContentSource::from_settings(Some("rss"), Some("https://g.example"), None).is_err()
        );
        assert_eq!(
            ContentSource::from_settings(None, None, None),
            Ok(ContentSource::Json)
        );
    }

    #[test]
    fn source_searches_keep_the_query_as_one_value_and_page_through_it() {
        let wordpress =
            ContentSource::from_settings(Some("wordpress"), Some("http://wp.example/"), None)
                .expect("settings");
        let url = wordpress
            .search_page_url("storm & <sea>", PageNumber(1), PAGING)
            .expect("url");
        assert_eq!(
            url,
            "http://wp.example/wp-json/wp/v2/posts?_embed&per_page=2&page=1&search=storm%20%26%20%3Csea%3E"
        );
        let answer = Answer {
            total_pages: Some(3),
            ..answer(&url, "[]")
        };
        let page = wordpress
            .read_feed_page(answer, &NativeHtml, "Site", PAGING.detail)
            .expect("page reads");
        assert_eq!(
            page.index.next.map(|next| next.to_string()).as_deref(),
            Some("http://wp.example/wp-json/wp/v2/posts?_embed&per_page=2&search=storm%20%26%20%3Csea%3E&page=2")
        );

        let ghost =
            ContentSource::from_settings(Some("ghost"), Some("https://g.example"), Some("k"))
                .expect("settings");
        assert_eq!(
            ghost.search_page_url("it's \\ 'x'", PageNumber(2), PAGING).as_deref(),
            Some("https://g.example/ghost/api/content/posts/?key=k&include=tags,authors&limit=2&page=2&filter=title%3A~%27it%5C%27s%20%5C%5C%20%5C%27x%5C%27%27")
        );
        let feed = ContentSource::from_settings(
            Some("jsonfeed"),
            Some("https://f.example/feed.json"),
            None,
        )
        .expect("settings");
        assert_eq!(feed.search_page_url("storm", PageNumber(1), PAGING), None);
    }

    #[test]
    fn topics_are_listed_by_the_sources_own_filters() {
        use news_model::topic::{Topic, TopicKind};
        let key = |name| news_model::Key::from_name(name).expect("key");
        let section = Topic::new(TopicKind::Section, key("Middle East"));
        let tag = Topic::new(TopicKind::Tag, key("Rain"));
        let wordpress =
            ContentSource::from_settings(Some("wordpress"), Some("http://wp.example/"), None)
                .expect("settings");
        assert_eq!(
            wordpress
                .topic_term_url(&section, WordPressRoutes::Query)
                .as_deref(),
            Some(
                "http://wp.example/?rest_route=%2Fwp%2Fv2%2Fcategories&slug=middle-east&_fields=id"
            )
        );
        assert_eq!(
            wordpress
                .topic_page_url(&tag, Some(r#"[{"id":7}]"#), PageNumber(2), PAGING)
                .as_deref(),
            Some("http://wp.example/wp-json/wp/v2/posts?_embed&per_page=2&page=2&tags=7")
        );
        // No such term: nothing to list.
        assert_eq!(
            wordpress.topic_page_url(&tag, Some("[]"), PageNumber(1), PAGING),
            None
        );
        assert_eq!(
            wordpress.topic_page_url(&tag, None, PageNumber(1), PAGING),
            None
        );

        let ghost =
            ContentSource::from_settings(Some("ghost"), Some("https://g.example"), Some("k"))
                .expect("settings");
        assert_eq!(
            ghost.topic_term_url(&section, WordPressRoutes::Pretty),
            None
        );
        assert_eq!(
            ghost.topic_page_url(&section, None, PageNumber(1), PAGING).as_deref(),
            Some("https://g.example/ghost/api/content/posts/?key=k&include=tags,authors&limit=2&page=1&filter=primary_tag%3A%27middle-east%27")
        );
        assert_eq!(
            ghost.topic_page_url(&tag, None, PageNumber(1), PAGING).as_deref(),
            Some("https://g.example/ghost/api/content/posts/?key=k&include=tags,authors&limit=2&page=1&filter=tag%3A%27rain%27")
        );
    }
}
