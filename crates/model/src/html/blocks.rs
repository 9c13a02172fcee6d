//! The one mapping from parsed HTML to blocks: an allow-list of elements, each turned into
//! the block or inline style it means; everything else unwrapped (layout) or dropped (code,
//! frames, forms, graphics). Attributes never survive except what a block carries (`href`,
//! `src`, `srcset`, `alt`, `width`, `height`), and every URL passes the link allow-list after
//! being resolved against the post's own address.

use super::srcset::width_candidates;
use super::text::{collapse_whitespace, is_block, is_dropped_from_body, text_of};
use super::{HtmlElement, HtmlNode, HtmlParser};
use crate::block::{Block, HeadingLevel};
use crate::embed::Embed;
use crate::image::{Image, ImageSource, Size};
use crate::inline::{Inline, Span};
use crate::link::{Link, LinkKind};

/// A body mapped to blocks, and what was left out on the way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MappedBody {
    pub blocks: Vec<Block>,
    /// What the mapping left out and why (`"<script>"`, `"a link with a refused address"`),
    /// once for each time.
    pub dropped: Vec<String>,
}

/// Maps the HTML body of a post to blocks. `base_url` is the post's own address, against
/// which its relative URLs resolve.
pub fn blocks_from_html(parser: &dyn HtmlParser, html: &str, base_url: &str) -> MappedBody {
    let nodes = parser.parse_fragment(html);
    let mut mapper = Mapper {
        parser,
        base_url,
        body: MappedBody::default(),
        line: Line::default(),
        headings: HeadingLevels::default(),
    };
    mapper.blocks_of(&nodes);
    mapper.end_paragraph();
    mapper.body
}

/// Where inline content is being gathered, which decides what a picture or a frame inside it
/// does: in a paragraph it becomes a block of its own; in a list item or a quote it cannot.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Flow {
    Paragraph,
    Contained,
}

#[derive(Clone, Default)]
struct Style {
    link: Option<Link>,
    is_em: bool,
    is_strong: bool,
    /// Inside `<pre>`: line breaks in the text are kept.
    keeps_lines: bool,
}

struct Mapper<'a> {
    parser: &'a dyn HtmlParser,
    base_url: &'a str,
    body: MappedBody,
    /// The paragraph being gathered.
    line: Line,
    headings: HeadingLevels,
}

/// The levels of a body's headings under the page's `h1` (the headline): `h2` sections with
/// `h3`s under them, never a level skipped. A source's `h1` and `h2` are sections and its
/// deeper headings under them. Before the first of those, the highest heading so far is a
/// section too: a body written in `h3`s alone (common in WordPress) is `h2` sections, and a
/// Ghost toggle card's `<h4>` first is no `h3` straight under the `h1`.
#[derive(Default)]
struct HeadingLevels {
    has_section: bool,
    /// The highest rank (lowest number) of the headings before the first `h1` or `h2`.
    leading_top: Option<u8>,
}

impl HeadingLevels {
    fn level(&mut self, rank: u8) -> HeadingLevel {
        if rank <= 2 {
            self.has_section = true;
            return HeadingLevel::H2;
        }
        if self.has_section {
            return HeadingLevel::H3;
        }
        match self.leading_top {
            Some(top) if rank > top => HeadingLevel::H3,
            _ => {
                self.leading_top = Some(rank);
                HeadingLevel::H2
            }
        }
    }
}

impl Mapper<'_> {
    fn blocks_of(&mut self, nodes: &[HtmlNode]) {
        for node in nodes {
            match node {
                HtmlNode::Text(text) => self.line.push_text(text, &Style::default()),
                HtmlNode::Element(element) => self.block_element(element),
            }
        }
    }

    fn block_element(&mut self, element: &HtmlElement) {
        let name = element.name.as_str();
        match name {
            "iframe" | "video" | "audio" => {
                self.end_paragraph();
                self.media_embed(element);
            }
            _ if is_dropped_from_body(element) => self.drop_element(element),
            _ if element.has_class("kg-audio-card") || element.has_class("kg-file-card") => {
                self.end_paragraph();
                self.media_card(element);
            }
            _ if element.has_class("kg-callout-card") => self.callout(element),
            "p" | "dt" | "dd" | "summary" | "address" | "caption" | "figcaption" | "li" | "tr"
            | "pre" => {
                self.end_paragraph();
                let style = Style {
                    keeps_lines: name == "pre",
                    ..Style::default()
                };
                self.inline_nodes(&element.children, &style, Flow::Paragraph);
                self.end_paragraph();
            }
            "h1" => self.heading(element, 1),
            "h2" => self.heading(element, 2),
            "h3" => self.heading(element, 3),
            "h4" => self.heading(element, 4),
            "h5" => self.heading(element, 5),
            "h6" => self.heading(element, 6),
            "blockquote" => self.blockquote(element),
            "ul" | "ol" => self.list(element),
            "figure" => self.figure(element),
            _ if element.has_class("wp-caption") => self.figure(element),
            "img" => {
                self.end_paragraph();
                self.image(element, None);
            }
            "br" => self.line.push_break(),
            "hr" => self.end_paragraph(),
            _ if is_block(name) => {
                self.end_paragraph();
                self.blocks_of(&element.children);
                self.end_paragraph();
            }
            _ => self.inline_element(element, &Style::default(), Flow::Paragraph),
        }
    }

    fn inline_nodes(&mut self, nodes: &[HtmlNode], style: &Style, flow: Flow) {
        for node in nodes {
            match node {
                HtmlNode::Text(text) => self.line.push_text(text, style),
                HtmlNode::Element(element) => self.inline_element(element, style, flow),
            }
        }
    }

    fn inline_element(&mut self, element: &HtmlElement, style: &Style, flow: Flow) {
        let name = element.name.as_str();
        match name {
            "iframe" | "video" | "audio" | "img" if flow == Flow::Contained => {
                self.drop_reason(format!("<{name}> inside a list item or quote"));
            }
            "iframe" | "video" | "audio" => {
                self.end_paragraph();
                self.media_embed(element);
            }
            _ if is_dropped_from_body(element) => self.drop_element(element),
            "img" => {
                self.end_paragraph();
                self.image(element, None);
            }
            "br" => self.line.push_break(),
            "a" => {
                let link = element.attribute("href").and_then(|href| self.link(href));
                let style = Style {
                    link: link.or_else(|| style.link.clone()),
                    ..style.clone()
                };
                self.inline_nodes(&element.children, &style, flow);
            }
            "strong" | "b" => {
                let style = Style {
                    is_strong: true,
                    ..style.clone()
                };
                self.inline_nodes(&element.children, &style, flow);
            }
            "em" | "i" | "cite" => {
                let style = Style {
                    is_em: true,
                    ..style.clone()
                };
                self.inline_nodes(&element.children, &style, flow);
            }
            _ if is_block(name) => {
                self.line.push_break();
                self.inline_nodes(&element.children, style, flow);
                self.line.push_break();
            }
            _ => self.inline_nodes(&element.children, style, flow),
        }
    }

    /// Ends the paragraph being gathered, if it has any words.
    fn end_paragraph(&mut self) {
        if let Some(inline) = self.line.take() {
            self.body.blocks.push(Block::Paragraph(inline));
        }
    }

    /// Gathers inline text apart from the paragraph in progress (a list item, a quote).
    fn gather(&mut self, gather: impl FnOnce(&mut Self)) -> Option<Inline> {
        let outer = std::mem::take(&mut self.line);
        gather(self);
        let inline = self.line.take();
        self.line = outer;
        inline
    }

    /// An `h{rank}` of the source.
    fn heading(&mut self, element: &HtmlElement, rank: u8) {
        self.end_paragraph();
        let text = text_of(&element.children);
        if !text.is_empty() {
            let level = self.headings.level(rank);
            self.body.blocks.push(Block::Heading { level, text });
        }
    }

    fn blockquote(&mut self, element: &HtmlElement) {
        if let Some(provider) = social_post_provider(element) {
            self.end_paragraph();
            self.social_post(element, provider);
            return;
        }
        self.end_paragraph();
        let is_cite =
            |child: &HtmlElement| matches!(child.name.as_str(), "cite" | "figcaption" | "footer");
        let cite = element
            .child_elements()
            .filter(|child| is_cite(child))
            .map(|child| text_of(&child.children))
            .filter(|text| !text.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let cite = cite.trim_start_matches(['—', '–', '-', ' ']).to_owned();
        let text = self.gather(|mapper| {
            for node in &element.children {
                match node {
                    HtmlNode::Element(child) if is_cite(child) => {}
                    HtmlNode::Element(child) => {
                        mapper.inline_element(child, &Style::default(), Flow::Contained);
                    }
                    HtmlNode::Text(text) => mapper.line.push_text(text, &Style::default()),
                }
            }
        });
        match text {
            Some(text) => self.body.blocks.push(Block::Quote {
                text,
                cite: (!cite.is_empty()).then_some(cite),
            }),
            None => self.drop_reason("a quote without words"),
        }
    }

    fn list(&mut self, element: &HtmlElement) {
        self.end_paragraph();
        let mut items = Vec::new();
        self.list_items(element, &mut items);
        if !items.is_empty() {
            self.body.blocks.push(Block::List {
                is_ordered: element.name == "ol",
                items,
            });
        }
    }

    /// The items of a list; a nested list's items follow their parent item (one level).
    fn list_items(&mut self, list: &HtmlElement, items: &mut Vec<Inline>) {
        let is_list = |element: &HtmlElement| matches!(element.name.as_str(), "ul" | "ol");
        for node in &list.children {
            match node {
                HtmlNode::Element(item) if item.name == "li" => {
                    let text = self.gather(|mapper| {
                        for node in &item.children {
                            match node {
                                HtmlNode::Element(child) if is_list(child) => {}
                                HtmlNode::Element(child) => {
                                    mapper.inline_element(
                                        child,
                                        &Style::default(),
                                        Flow::Contained,
                                    );
                                }
                                HtmlNode::Text(text) => {
                                    mapper.line.push_text(text, &Style::default());
                                }
                            }
                        }
                    });
                    items.extend(text);
                    for nested in item.child_elements().filter(|child| is_list(child)) {
                        self.list_items(nested, items);
                    }
                }
                HtmlNode::Element(nested) if is_list(nested) => self.list_items(nested, items),
                HtmlNode::Element(other) => {
                    let text = self.gather(|mapper| {
                        mapper.inline_element(other, &Style::default(), Flow::Contained);
                    });
                    items.extend(text);
                }
                HtmlNode::Text(text) => {
                    let text = self.gather(|mapper| mapper.line.push_text(text, &Style::default()));
                    items.extend(text);
                }
            }
        }
    }

    /// A `<figure>` (or a classic `div.wp-caption`): an embed, pictures with their caption,
    /// a gallery of figures, or just a wrapper.
    fn figure(&mut self, figure: &HtmlElement) {
        self.end_paragraph();
        if is_embed_figure(figure) {
            self.figure_embed(figure);
            return;
        }
        let has_inner_figures = figure
            .find_where(&|element| element.name == "figure" || element.has_class("wp-caption"))
            .is_some();
        let mut pictures = Vec::new();
        collect_pictures(figure, &mut pictures);
        if has_inner_figures || pictures.is_empty() || figure.find("blockquote").is_some() {
            self.blocks_of(&figure.children);
            self.end_paragraph();
            return;
        }
        let caption = figure
            .find_where(&|element| {
                element.name == "figcaption" || element.has_class("wp-caption-text")
            })
            .map(|caption| text_of(&caption.children))
            .filter(|caption| !caption.is_empty());
        let last = pictures.len() - 1;
        for (idx, picture) in pictures.into_iter().enumerate() {
            let caption = if idx == last { caption.clone() } else { None };
            self.image(picture, caption);
        }
    }

    fn image(&mut self, img: &HtmlElement, caption: Option<String>) {
        let Some(src) = picture_source(img).and_then(|src| self.link(src)) else {
            self.drop_reason("a picture without an allowed address");
            return;
        };
        let number = |name: &str| {
            img.attribute(name)
                .and_then(|value| value.trim().parse::<u32>().ok())
                .filter(|number| *number > 0)
        };
        let size = number("width")
            .zip(number("height"))
            .map(|(width, height)| Size { width, height });
        let srcset = img
            .attribute("srcset")
            .or_else(|| img.attribute("data-srcset"))
            .unwrap_or_default();
        let mut sources: Vec<ImageSource> = Vec::new();
        for (url, width) in width_candidates(srcset) {
            let Some(link) = self.link(url) else {
                continue;
            };
            let is_main = link == src && size.is_some_and(|size| size.width == width);
            if !is_main && sources.iter().all(|source| source.width != width) {
                sources.push(ImageSource { src: link, width });
            }
        }
        self.body.blocks.push(Block::Image(Image {
            src,
            alt: collapse_whitespace(img.attribute("alt").unwrap_or_default())
                .trim()
                .to_owned(),
            caption,
            credit: None,
            size,
            sources,
        }));
    }

    fn figure_embed(&mut self, figure: &HtmlElement) {
        let frame = figure
            .find_where(&|element| matches!(element.name.as_str(), "iframe" | "video" | "audio"));
        let social = figure.find_where(&|element| {
            element.name == "blockquote" && social_post_provider(element).is_some()
        });
        let wrapper_text = figure
            .find_where(&|element| element.has_class("wp-block-embed__wrapper"))
            .map(|wrapper| text_of(&wrapper.children))
            .filter(|text| text.starts_with("http"));
        let url = frame
            .and_then(media_source)
            .map(str::to_owned)
            .or_else(|| social.and_then(social_post_url))
            .or(wrapper_text)
            .or_else(|| {
                figure
                    .find_where(&|element| {
                        element.name == "a" && element.attribute("href").is_some()
                    })
                    .and_then(|link| link.attribute("href"))
                    .map(str::to_owned)
            });
        let provider = figure
            .class_with_prefix("is-provider-")
            .map(provider_name)
            .or_else(|| social.and_then(social_post_provider).map(str::to_owned))
            // Ghost swaps the bookmark card's two classes "for theme backwards-compatibility"
            // (Koenig's renderer says so): the publisher is in `.kg-bookmark-author`, and
            // `.kg-bookmark-publisher` holds the author, who is not the provider.
            .or_else(|| find_text(figure, "kg-bookmark-author"));
        let title = figure
            .find("figcaption")
            .map(|caption| text_of(&caption.children))
            .filter(|text| !text.is_empty())
            .or_else(|| find_text(figure, "kg-bookmark-title"))
            .or_else(|| {
                frame
                    .and_then(|frame| frame.attribute("title"))
                    .map(str::to_owned)
            })
            .or_else(|| social.and_then(social_post_text));
        self.embed(url.as_deref(), provider, title);
    }

    /// Ghost's audio and file cards: a link card to the sound or the file, with the title the
    /// editor gave it. The rest is a player's or a download's chrome ("0:00", "/1", "1×", the
    /// file's size), not the story's words.
    fn media_card(&mut self, card: &HtmlElement) {
        let url = card
            .find_where(&|element| matches!(element.name.as_str(), "audio" | "video"))
            .and_then(media_source)
            .or_else(|| {
                card.find_where(&|element| element.name == "a")
                    .and_then(|link| link.attribute("href"))
            });
        let title = [
            "kg-audio-title",
            "kg-file-card-title",
            "kg-file-card-caption",
            "kg-file-card-filename",
        ]
        .into_iter()
        .find_map(|class_name| find_text(card, class_name));
        self.embed(url, None, title);
    }

    /// Ghost's callout card: its emoji and its words, one paragraph.
    fn callout(&mut self, card: &HtmlElement) {
        self.end_paragraph();
        for node in &card.children {
            match node {
                HtmlNode::Element(child) if child.has_class("kg-callout-emoji") => {
                    let emoji = text_of(&child.children);
                    self.line.push_text(&emoji, &Style::default());
                    self.line.push_text(" ", &Style::default());
                }
                HtmlNode::Element(child) if child.has_class("kg-callout-text") => {
                    self.inline_nodes(&child.children, &Style::default(), Flow::Paragraph);
                }
                HtmlNode::Element(child) => self.block_element(child),
                HtmlNode::Text(text) => self.line.push_text(text, &Style::default()),
            }
        }
        self.end_paragraph();
    }

    fn media_embed(&mut self, media: &HtmlElement) {
        let title = media
            .attribute("title")
            .map(|title| collapse_whitespace(title).trim().to_owned())
            .filter(|title| !title.is_empty());
        self.embed(media_source(media), None, title);
    }

    fn social_post(&mut self, quote: &HtmlElement, provider: &str) {
        let url = social_post_url(quote);
        self.embed(
            url.as_deref(),
            Some(provider.to_owned()),
            social_post_text(quote),
        );
    }

    fn embed(&mut self, url: Option<&str>, provider: Option<String>, title: Option<String>) {
        let Some(url) = url.and_then(|url| self.link(url)) else {
            self.drop_reason("an embed without an allowed address");
            return;
        };
        self.body.blocks.push(Block::Embed(Embed {
            url,
            provider,
            title: title.map(|title| shorten(&title, 280)),
        }));
    }

    /// `raw` resolved against the post's address and passed through the allow-list; a link to
    /// a place in the original page (`#notes`) leads nowhere here and is left out quietly.
    fn link(&mut self, raw: &str) -> Option<Link> {
        if raw.trim_start().starts_with('#') {
            return None;
        }
        let allowed = Link::parse(raw).ok().and_then(|link| match link.kind() {
            LinkKind::Mail => Some(link),
            _ => {
                let joined = self.parser.join_url(self.base_url, link.as_str())?;
                Link::parse(&encoded_past_host(&joined))
                    .ok()
                    .filter(|link| matches!(link.kind(), LinkKind::Web | LinkKind::Mail))
            }
        });
        if allowed.is_none() {
            self.drop_reason("a link with a refused address");
        }
        allowed
    }

    fn drop_element(&mut self, element: &HtmlElement) {
        self.drop_reason(format!("<{}>", element.name));
    }

    fn drop_reason(&mut self, reason: impl Into<String>) {
        self.body.dropped.push(reason.into());
    }
}

/// `url` (as a URL parser joined it) with what may not stand unescaped in an address after its
/// host percent-encoded: WHATWG's parser leaves `[`, `]`, `|`, `^` and a `%` that starts no
/// escape as they are, and the page's address would then not be a valid URL (the W3C checker
/// says so). The host is left alone: an IPv6 address is written in brackets.
fn encoded_past_host(url: &str) -> String {
    let host_start = url.find("://").map_or(0, |idx| idx + 3);
    let path_start = url[host_start..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |idx| host_start + idx);
    let (head, rest) = url.split_at(path_start);
    let mut encoded = String::with_capacity(url.len());
    encoded.push_str(head);
    let bytes = rest.as_bytes();
    for (idx, c) in rest.char_indices() {
        let is_escape = c == '%'
            && bytes.get(idx + 1).is_some_and(u8::is_ascii_hexdigit)
            && bytes.get(idx + 2).is_some_and(u8::is_ascii_hexdigit);
        if matches!(
            c,
            '[' | ']' | '|' | '^' | '{' | '}' | '`' | '\\' | '"' | '<' | '>' | ' '
        ) || (c == '%' && !is_escape)
        {
            encoded.push_str(&format!("%{:02X}", u32::from(c)));
        } else {
            encoded.push(c);
        }
    }
    encoded
}

/// The pictures of a figure, not counting those inside dropped elements.
fn collect_pictures<'a>(element: &'a HtmlElement, into: &mut Vec<&'a HtmlElement>) {
    for child in element.child_elements() {
        if child.name == "img" {
            into.push(child);
        } else if !is_dropped_from_body(child) {
            collect_pictures(child, into);
        }
    }
}

/// An `<img>`'s address: `src`, or where lazy-loading plugins keep it when `src` is a
/// placeholder.
fn picture_source(img: &HtmlElement) -> Option<&str> {
    let src = img
        .attribute("src")
        .map(str::trim)
        .filter(|src| !src.is_empty());
    match src {
        Some(src) if !src.starts_with("data:") => Some(src),
        _ => ["data-src", "data-lazy-src", "data-orig-file"]
            .into_iter()
            .find_map(|name| img.attribute(name)),
    }
}

fn media_source(media: &HtmlElement) -> Option<&str> {
    media
        .attribute("src")
        .or_else(|| media.attribute("data-src"))
        .or_else(|| {
            media
                .find("source")
                .and_then(|source| source.attribute("src"))
        })
}

fn is_embed_figure(figure: &HtmlElement) -> bool {
    figure.class_with_prefix("wp-block-embed").is_some()
        || figure.has_class("kg-embed-card")
        || figure.has_class("kg-bookmark-card")
        || figure.has_class("kg-video-card")
        || figure.has_class("kg-audio-card")
        || (figure.find("img").is_none()
            && figure
                .find_where(&|element| {
                    matches!(element.name.as_str(), "iframe" | "video" | "audio")
                })
                .is_some())
}

/// The provider of a blockquote that stands for a post on a social network, if it is one.
fn social_post_provider(quote: &HtmlElement) -> Option<&'static str> {
    if quote.has_class("twitter-tweet") {
        Some("X (Twitter)")
    } else if quote.has_class("instagram-media")
        || quote.attribute("data-instgrm-permalink").is_some()
    {
        Some("Instagram")
    } else if quote.has_class("tiktok-embed") {
        Some("TikTok")
    } else if quote.has_class("bluesky-embed") {
        Some("Bluesky")
    } else if quote.has_class("mastodon-embed") {
        Some("Mastodon")
    } else {
        None
    }
}

/// The address of the post a social blockquote stands for: its permalink attribute, or the
/// last link in it (where the embed code puts the post's own link, after any in its text).
fn social_post_url(quote: &HtmlElement) -> Option<String> {
    ["data-instgrm-permalink", "cite"]
        .into_iter()
        .find_map(|name| quote.attribute(name))
        .or_else(|| last_link(quote))
        .map(str::to_owned)
}

/// The `href` of the last link in `element`'s subtree, in document order.
fn last_link(element: &HtmlElement) -> Option<&str> {
    element.children.iter().rev().find_map(|node| match node {
        HtmlNode::Element(child) => last_link(child).or_else(|| {
            (child.name == "a")
                .then(|| child.attribute("href"))
                .flatten()
        }),
        HtmlNode::Text(_) => None,
    })
}

/// The words of a social post's first paragraph, as the card's title.
fn social_post_text(quote: &HtmlElement) -> Option<String> {
    quote
        .find("p")
        .map(|paragraph| text_of(&paragraph.children))
        .filter(|text| !text.is_empty())
}

fn find_text(element: &HtmlElement, class_name: &str) -> Option<String> {
    element
        .find_where(&|element| element.has_class(class_name))
        .map(|found| text_of(&found.children))
        .filter(|text| !text.is_empty())
}

/// A provider's name from WordPress's `is-provider-{slug}` class.
fn provider_name(slug: &str) -> String {
    match slug {
        "youtube" => "YouTube".into(),
        "twitter" | "x" => "X (Twitter)".into(),
        "tiktok" => "TikTok".into(),
        "soundcloud" => "SoundCloud".into(),
        "wordpress-tv" => "WordPress.tv".into(),
        // Provider slugs are ASCII; Unicode case tables would cost the page kilobytes.
        other => other
            .split('-')
            .map(|word| {
                let mut word = word.to_owned();
                if let Some(first) = word.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                word
            })
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// `text` cut at a word boundary to at most `max` characters, with "…" when cut.
fn shorten(text: &str, max: usize) -> String {
    let Some((end, _)) = text.char_indices().nth(max) else {
        return text.to_owned();
    };
    let cut = &text[..end];
    let cut = cut.rsplit_once(' ').map_or(cut, |(head, _)| head);
    format!("{}…", cut.trim_end())
}

/// A paragraph's spans as they are gathered: whitespace collapsed as a browser shows it,
/// neighbouring text of one style joined into one span.
#[derive(Default)]
struct Line {
    spans: Vec<Span>,
}

impl Line {
    fn push_text(&mut self, text: &str, style: &Style) {
        if style.keeps_lines {
            for (idx, line) in text.split('\n').enumerate() {
                if idx > 0 {
                    self.push_break();
                }
                self.push(&collapse_whitespace(line), style);
            }
        } else {
            self.push(&collapse_whitespace(text), style);
        }
    }

    fn push(&mut self, text: &str, style: &Style) {
        let ends_in_space = self
            .spans
            .last()
            .is_none_or(|span| span.text.ends_with([' ', '\n']));
        let text = if ends_in_space {
            text.trim_start_matches(' ')
        } else {
            text
        };
        if text.is_empty() {
            return;
        }
        match self.spans.last_mut() {
            Some(last)
                if last.link == style.link
                    && last.is_em == style.is_em
                    && last.is_strong == style.is_strong =>
            {
                last.text.push_str(text);
            }
            _ => self.spans.push(Span {
                text: text.to_owned(),
                link: style.link.clone(),
                is_em: style.is_em,
                is_strong: style.is_strong,
            }),
        }
    }

    /// A line break (`<br>`, or the edge of a block inside a list item or quote); none at
    /// the start, and never more than one blank line.
    fn push_break(&mut self) {
        let Some(last) = self.spans.last_mut() else {
            return;
        };
        let trimmed = last.text.trim_end_matches(' ').len();
        last.text.truncate(trimmed);
        if !last.text.ends_with("\n\n") {
            last.text.push('\n');
        }
    }

    /// The gathered text, trimmed at both ends; `None` when it has no words.
    fn take(&mut self) -> Option<Inline> {
        let mut spans = std::mem::take(&mut self.spans);
        while spans
            .first_mut()
            .map(|first| {
                first.text = first.text.trim_start().to_owned();
                first.text.is_empty()
            })
            .unwrap_or(false)
        {
            spans.remove(0);
        }
        while spans
            .last_mut()
            .map(|last| {
                last.text = last.text.trim_end().to_owned();
                last.text.is_empty()
            })
            .unwrap_or(false)
        {
            spans.pop();
        }
        let inline = Inline(spans);
        (!inline.is_blank()).then_some(inline)
    }
}
