//! Pictures: the article's image block and image blocks in the body.

use serde_json::Value;

use crate::link::Link;
use crate::problem::{Findings, JsonPath};
use crate::reader::Fields;

/// The intrinsic size of a picture, so the page can reserve its space before it loads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

/// A picture with its caption and credit ("Image copyright {credit}").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    pub src: Link,
    /// Empty for a decorative picture.
    pub alt: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
    pub size: Option<Size>,
    /// Other sizes of the same picture, for the browser to pick from.
    pub sources: Vec<ImageSource>,
}

/// One other size of a picture (content format 1.1 `sources`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageSource {
    pub src: Link,
    /// Its width in pixels, as `srcset` writes it (`768w`).
    pub width: u32,
}

impl Image {
    /// The credit line as a news page prints it.
    pub fn credit_line(&self) -> Option<String> {
        self.credit
            .as_deref()
            .map(|who| format!("Image copyright {who}"))
    }
}

/// Reads an image object. Without a usable `src` there is nothing to show, so the image is
/// left out (with a problem); other faults only drop the faulty field.
pub(crate) fn read_image(value: &Value, path: JsonPath, findings: &mut Findings) -> Option<Image> {
    let fields = Fields::of(value, path, findings)?;
    read_image_fields(&fields, findings)
}

pub(crate) fn read_image_fields(fields: &Fields<'_>, findings: &mut Findings) -> Option<Image> {
    if !fields.has("src") {
        findings.error(&fields.path.field("src"), "is required");
    }
    let src = fields.link("src", findings);
    let alt = match fields.get("alt") {
        Some(Value::String(alt)) => alt.clone(),
        None => {
            findings.warn(
                &fields.path.field("alt"),
                "is missing: describe the picture, or set \"\" if it is decorative",
            );
            String::new()
        }
        Some(_) => fields.text("alt", findings).unwrap_or_default(),
    };
    let width = fields.positive_number("width", findings);
    let height = fields.positive_number("height", findings);
    let size = match (width, height) {
        (Some(width), Some(height)) => Some(Size { width, height }),
        (None, None) => None,
        _ => {
            findings.warn(
                &fields.path,
                "has only one of width and height; both are needed to reserve its space",
            );
            None
        }
    };
    Some(Image {
        src: src?,
        alt,
        caption: fields.text("caption", findings),
        credit: fields.text("credit", findings),
        size,
        sources: read_sources(fields, findings),
    })
}

/// Reads `sources`; a source without a usable `src` or `width` is left out and reported.
fn read_sources(fields: &Fields<'_>, findings: &mut Findings) -> Vec<ImageSource> {
    let Some(items) = fields.array("sources", findings) else {
        return Vec::new();
    };
    let path = fields.path.field("sources");
    items
        .iter()
        .enumerate()
        .filter_map(|(idx, item)| {
            let source = Fields::of(item, path.index(idx), findings)?;
            for required in ["src", "width"] {
                if !source.has(required) {
                    findings.error(&source.path.field(required), "is required");
                }
            }
            let width = source.positive_number("width", findings);
            let src = source.link("src", findings);
            Some(ImageSource {
                src: src?,
                width: width?,
            })
        })
        .collect()
}
