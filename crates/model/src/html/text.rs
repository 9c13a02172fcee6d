//! Plain text out of HTML: a title or an excerpt with entities and tags, or the words of an
//! element.

use super::{HtmlElement, HtmlNode, HtmlParser};

/// The text of `html` as a reader sees it: entities decoded, tags gone, whitespace runs made
/// one space, trimmed; `None` when nothing is left. Dropped elements (scripts, styles …) and
/// WordPress's "[…]" / "Continue reading" tails say nothing.
pub fn text_from_html(parser: &dyn HtmlParser, html: &str) -> Option<String> {
    let text = text_of(&parser.parse_fragment(html));
    // `strip_suffix` rather than `trim_end_matches`: a string pattern's searcher costs the page
    // a few hundred bytes, and the tail comes once.
    let text = ["[…]", "[...]"]
        .into_iter()
        .find_map(|tail| text.strip_suffix(tail))
        .unwrap_or(&text)
        .trim_end();
    (!text.is_empty()).then(|| text.to_owned())
}

/// The words of `nodes`, whitespace collapsed and trimmed.
pub(crate) fn text_of(nodes: &[HtmlNode]) -> String {
    let mut raw = String::new();
    collect_text(nodes, &mut raw);
    collapse_whitespace(&raw).trim().to_owned()
}

fn collect_text(nodes: &[HtmlNode], into: &mut String) {
    for node in nodes {
        match node {
            HtmlNode::Text(text) => into.push_str(text),
            HtmlNode::Element(element) if says_nothing(element) => {}
            HtmlNode::Element(element) => {
                if element.name == "br" {
                    into.push(' ');
                }
                collect_text(&element.children, into);
                if is_block(&element.name) {
                    into.push(' ');
                }
            }
        }
    }
}

/// Elements whose content is never shown as text (code, styles, frames' and media's
/// fallback content), and WordPress's "Continue reading" links.
pub(crate) fn says_nothing(element: &HtmlElement) -> bool {
    is_unrendered(&element.name) || element.has_class("more-link")
}

/// Elements a browser does not show as text.
fn is_unrendered(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "base"
            | "object"
            | "embed"
            | "applet"
            | "iframe"
            | "frame"
            | "frameset"
            | "video"
            | "audio"
            | "canvas"
            | "map"
            | "area"
            | "param"
            | "source"
            | "track"
            | "picture"
            | "svg"
            | "math"
    )
}

/// Elements a body never keeps, not even their words: the unrendered ones, forms and their
/// controls, dialogs, and text meant only for screen readers of the original page. (A
/// button's or label's words stay: an unclosed `<button>` would otherwise take the rest of
/// the story with it.)
pub(crate) fn is_dropped_from_body(element: &HtmlElement) -> bool {
    says_nothing(element)
        || element.has_class("screen-reader-text")
        || matches!(
            element.name.as_str(),
            "form" | "input" | "select" | "textarea" | "dialog"
        )
}

/// Elements that end a line of text.
pub(crate) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "aside"
            | "header"
            | "footer"
            | "main"
            | "nav"
            | "figure"
            | "figcaption"
            | "blockquote"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "hgroup"
            | "center"
            | "body"
            | "html"
    )
}

/// Every run of HTML whitespace as one space (no-break spaces are words' glue: kept); other
/// control characters, which mean nothing in text and are not allowed in an HTML page, gone.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else if c.is_control() {
            continue;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// `text` without control characters other than line breaks and tabs: they mean nothing in
/// text and are not allowed in an HTML page.
pub(crate) fn without_controls(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}
