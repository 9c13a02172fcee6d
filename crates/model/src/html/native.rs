//! The inert HTML parser for native programs (the build), behind the `native-html` feature:
//! html5ever (through `scraper`), the same HTML5 parsing rules as the browser's `DOMParser` in
//! the app, read into the model's small tree. Nothing is ever serialised back to HTML.

use super::{HtmlElement, HtmlNode, HtmlParser};
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
