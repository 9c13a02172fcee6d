//! The blocks an article body is made of.

use serde_json::Value;

use crate::embed::{read_embed_fields, Embed};
use crate::image::{read_image_fields, Image};
use crate::inline::{read_inline, Inline};
use crate::problem::{quoted, Findings, JsonPath};
use crate::reader::Fields;

/// The two heading levels a body may use (the headline is the page's only `h1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadingLevel {
    H2,
    H3,
}

/// One block of an article body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(Inline),
    Heading {
        level: HeadingLevel,
        text: String,
    },
    Quote {
        text: Inline,
        cite: Option<String>,
    },
    List {
        is_ordered: bool,
        items: Vec<Inline>,
    },
    Image(Image),
    /// Content format 1.1.
    Embed(Embed),
}

/// Reads the body array. Blocks of unknown types are skipped with a warning so that content
/// written for a newer app still renders; broken blocks are skipped with an error.
pub(crate) fn read_body(items: &[Value], path: &JsonPath, findings: &mut Findings) -> Vec<Block> {
    items
        .iter()
        .enumerate()
        .filter_map(|(idx, item)| read_block(item, path.index(idx), findings))
        .collect()
}

fn read_block(value: &Value, path: JsonPath, findings: &mut Findings) -> Option<Block> {
    let fields = Fields::of(value, path, findings)?;
    let block_type = match fields.get("type") {
        Some(Value::String(block_type)) => block_type.as_str(),
        _ => {
            findings.error(
                &fields.path.field("type"),
                "is required and must be a string; the block is skipped",
            );
            return None;
        }
    };
    match block_type {
        "paragraph" => read_required_inline(&fields, findings).map(Block::Paragraph),
        "heading" => read_heading(&fields, findings),
        "quote" => {
            let text = read_required_inline(&fields, findings)?;
            Some(Block::Quote {
                text,
                cite: fields.text("cite", findings),
            })
        }
        "list" => read_list(&fields, findings),
        "image" => read_image_fields(&fields, findings).map(Block::Image),
        "embed" => read_embed_fields(&fields, findings).map(Block::Embed),
        unknown => {
            findings.warn(
                &fields.path.field("type"),
                format!(
                    "{} is not a known block type; the block is skipped",
                    quoted(unknown)
                ),
            );
            None
        }
    }
}

fn read_required_inline(fields: &Fields<'_>, findings: &mut Findings) -> Option<Inline> {
    let path = fields.path.field("text");
    let Some(value) = fields.get("text") else {
        findings.error(&path, "is required; the block is skipped");
        return None;
    };
    let inline = read_inline(value, &path, findings)?;
    if inline.is_blank() {
        findings.warn(&path, "is empty; the block is skipped");
        return None;
    }
    Some(inline)
}

fn read_heading(fields: &Fields<'_>, findings: &mut Findings) -> Option<Block> {
    let level = match fields.get("level") {
        None => HeadingLevel::H2,
        Some(level) if level.as_u64() == Some(2) => HeadingLevel::H2,
        Some(level) if level.as_u64() == Some(3) => HeadingLevel::H3,
        Some(other) => {
            findings.error(
                &fields.path.field("level"),
                format!("must be 2 or 3, not {other}; shown as level 2"),
            );
            HeadingLevel::H2
        }
    };
    let text = fields.required_text("text", findings)?;
    Some(Block::Heading { level, text })
}

fn read_list(fields: &Fields<'_>, findings: &mut Findings) -> Option<Block> {
    let path = fields.path.field("items");
    let Some(values) = fields.array("items", findings) else {
        if !fields.has("items") {
            findings.error(&path, "is required; the list is skipped");
        }
        return None;
    };
    let items: Vec<Inline> = values
        .iter()
        .enumerate()
        .filter_map(|(idx, item)| read_inline(item, &path.index(idx), findings))
        .filter(|item| !item.is_blank())
        .collect();
    if items.is_empty() {
        findings.warn(&path, "has no items; the list is skipped");
        return None;
    }
    let is_ordered = fields.flag("ordered", findings).unwrap_or(false);
    Some(Block::List { is_ordered, items })
}
