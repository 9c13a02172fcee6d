//! Someone else's HTML (a WordPress, Ghost or JSON Feed body, a title with entities) turned
//! into this format's blocks and text by one allow-list mapping, the same in the browser and
//! in the build.
//!
//! The HTML is parsed by an inert parser that the caller lends through [`HtmlParser`] (the
//! browser's `DOMParser`, which runs no script and loads nothing; `html5ever` in the build)
//! into the small [`HtmlNode`] tree below. Nothing from that tree is ever serialised back to
//! HTML or put into a page as HTML: the mapping builds new values from text and a few
//! attributes.

mod blocks;
#[cfg(feature = "native-html")]
pub mod native;
mod srcset;
mod text;

pub use blocks::{blocks_from_html, MappedBody};
pub use text::text_from_html;
pub(crate) use text::without_controls;

/// One node of parsed HTML. Comments, doctypes and processing instructions are not kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HtmlNode {
    Element(HtmlElement),
    Text(String),
}

/// An element: its lower-case local name, its attributes and its children.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlElement {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<HtmlNode>,
}

impl HtmlElement {
    /// The value of attribute `name` (lower case), if present.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// Whether the `class` attribute lists `class_name`.
    pub fn has_class(&self, class_name: &str) -> bool {
        self.attribute("class")
            .is_some_and(|classes| classes.split_ascii_whitespace().any(|c| c == class_name))
    }

    /// Whether any class starts with `prefix` (`wp-block-embed-youtube`, `is-provider-x`).
    pub fn class_with_prefix(&self, prefix: &str) -> Option<&str> {
        self.attribute("class")?
            .split_ascii_whitespace()
            .find_map(|class| class.strip_prefix(prefix))
    }

    /// Child elements, skipping text.
    pub fn child_elements(&self) -> impl Iterator<Item = &HtmlElement> {
        self.children.iter().filter_map(|node| match node {
            HtmlNode::Element(element) => Some(element),
            HtmlNode::Text(_) => None,
        })
    }

    /// The first element named `name` in this element's subtree (not itself), depth first.
    pub fn find(&self, name: &str) -> Option<&HtmlElement> {
        self.find_where(&|element| element.name == name)
    }

    /// The first element in this element's subtree (not itself) that `matches`, depth first.
    pub fn find_where(&self, matches: &dyn Fn(&HtmlElement) -> bool) -> Option<&HtmlElement> {
        self.child_elements().find_map(|child| {
            if matches(child) {
                Some(child)
            } else {
                child.find_where(matches)
            }
        })
    }
}

/// What the browser or the build lends the mapping: an inert HTML parser and a URL resolver.
pub trait HtmlParser {
    /// The nodes of the body of `html` parsed as an HTML document.
    fn parse_fragment(&self, html: &str) -> Vec<HtmlNode>;

    /// `relative` resolved against the absolute `base` (WHATWG URL rules); `None` when either
    /// is not a URL.
    fn join_url(&self, base: &str, relative: &str) -> Option<String>;
}
