//! Inline text: a plain string or a run of spans that may be emphasised, strong or linked.

use serde_json::Value;

use crate::link::Link;
use crate::problem::{Findings, JsonPath};
use crate::reader::{must_be, Fields};

/// A run of text with one style. A span whose `href` was refused keeps its text, unlinked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub link: Option<Link>,
    pub is_em: bool,
    pub is_strong: bool,
}

/// The text of a paragraph, quote or list item.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inline(pub Vec<Span>);

impl Inline {
    /// Unstyled text, as in a summary or a plain-string `text` field.
    pub fn plain(text: impl Into<String>) -> Inline {
        Inline(vec![Span {
            text: text.into(),
            link: None,
            is_em: false,
            is_strong: false,
        }])
    }

    pub fn spans(&self) -> &[Span] {
        &self.0
    }

    /// All the words without styling, e.g. for a search snippet or a character count.
    pub fn to_plain_text(&self) -> String {
        self.0.iter().map(|span| span.text.as_str()).collect()
    }

    pub fn is_blank(&self) -> bool {
        self.0.iter().all(|span| span.text.trim().is_empty())
    }
}

/// Reads a string or an array of spans at `path`. `None` (with a problem) for any other type.
pub(crate) fn read_inline(
    value: &Value,
    path: &JsonPath,
    findings: &mut Findings,
) -> Option<Inline> {
    match value {
        Value::String(text) => Some(Inline::plain(text.clone())),
        Value::Array(spans) => Some(Inline(
            spans
                .iter()
                .enumerate()
                .filter_map(|(idx, span)| read_span(span, path.index(idx), findings))
                .collect(),
        )),
        other => {
            findings.error(path, must_be("a string or an array of spans", other));
            None
        }
    }
}

fn read_span(value: &Value, path: JsonPath, findings: &mut Findings) -> Option<Span> {
    let fields = Fields::of(value, path, findings)?;
    let text = match fields.get("text") {
        Some(Value::String(text)) => text.clone(),
        Some(other) => {
            findings.error(&fields.path.field("text"), must_be("a string", other));
            return None;
        }
        None => {
            findings.error(&fields.path.field("text"), "is required");
            return None;
        }
    };
    Some(Span {
        text,
        link: fields.link("href", findings),
        is_em: fields.flag("em", findings).unwrap_or(false),
        is_strong: fields.flag("strong", findings).unwrap_or(false),
    })
}
