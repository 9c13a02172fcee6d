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

fn nodes_of(parent: &web_sys::Node) -> Vec<HtmlNode> {
    let children = parent.child_nodes();
    (0..children.length())
        .filter_map(|idx| children.item(idx))
        .filter_map(|node| match node.node_type() {
            web_sys::Node::TEXT_NODE => node.text_content().map(HtmlNode::Text),
            web_sys::Node::ELEMENT_NODE => {
                let element: web_sys::Element = node.dyn_into().ok()?;
                Some(HtmlNode::Element(element_of(&element)))
            }
            _ => None,
        })
        .collect()
}

fn element_of(element: &web_sys::Element) -> HtmlElement {
    let attributes = element.attributes();
    HtmlElement {
        name: element.local_name().to_ascii_lowercase(),
        attributes: (0..attributes.length())
            .filter_map(|idx| attributes.item(idx))
            .map(|attribute| (attribute.name().to_ascii_lowercase(), attribute.value()))
            .collect(),
        children: nodes_of(element),
    }
}
