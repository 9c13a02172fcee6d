//! The app's inert HTML parser for sources' bodies and titles: the browser's `DOMParser`,
//! whose document runs no script and loads nothing while it is not shown. Its nodes are read
//! into the model's small tree and never inserted or adopted into the live page.

use news_model::html::{HtmlElement, HtmlNode, HtmlParser};
use wasm_bindgen::JsCast;

/// `DOMParser` for markup, `URL` for addresses.
pub struct BrowserHtml;

impl HtmlParser for BrowserHtml {
    fn parse_fragment(&self, html: &str) -> Vec<HtmlNode> {
        let Ok(parser) = web_sys::DomParser::new() else {
            return Vec::new();
        };
        let body = parser
            .parse_from_string(html, web_sys::SupportedType::TextHtml)
            .ok()
            .and_then(|document| document.body());
        body.map(|body| nodes_of(&body)).unwrap_or_default()
    }

    fn join_url(&self, base: &str, relative: &str) -> Option<String> {
        web_sys::Url::new_with_base(relative, base)
            .ok()
            .map(|url| url.href())
    }
}

/// The children of `parent` as the model's nodes: elements and text, nothing else. Walked by
/// sibling, and attributes read only where there are some: every call crosses into the
/// browser, and a long post has thousands of nodes.
fn nodes_of(parent: &web_sys::Node) -> Vec<HtmlNode> {
    let mut nodes = Vec::new();
    let mut next = parent.first_child();
    while let Some(node) = next {
        match node.node_type() {
            web_sys::Node::TEXT_NODE => nodes.extend(node.node_value().map(HtmlNode::Text)),
            // A node of the element type is an `Element`.
            web_sys::Node::ELEMENT_NODE => {
                nodes.push(HtmlNode::Element(element_of(node.unchecked_ref())));
            }
            _ => {}
        }
        next = node.next_sibling();
    }
    nodes
}

/// Names are taken as they are: an HTML document's parser lower-cases HTML elements' and
/// their attributes' names, and only SVG and MathML keep capitals, which the mapping drops
/// whole.
fn element_of(element: &web_sys::Element) -> HtmlElement {
    let mut attributes = Vec::new();
    if element.has_attributes() {
        let map = element.attributes();
        for idx in 0..map.length() {
            if let Some(attribute) = map.item(idx) {
                attributes.push((attribute.name(), attribute.value()));
            }
        }
    }
    HtmlElement {
        name: element.local_name(),
        attributes,
        children: nodes_of(element),
    }
}
