//! Third-party media in a body (content format 1.1 `embed`): a video, a post on a social
//! network. Shown as a link card to it, never as a third-party frame or script.

use crate::link::Link;
use crate::problem::Findings;
use crate::reader::Fields;

/// A link card to media hosted elsewhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embed {
    pub url: Link,
    /// Who hosts it ("YouTube", "Instagram"), when known.
    pub provider: Option<String>,
    pub title: Option<String>,
}

pub(crate) fn read_embed_fields(fields: &Fields<'_>, findings: &mut Findings) -> Option<Embed> {
    if !fields.has("url") {
        findings.error(
            &fields.path.field("url"),
            "is required; the embed is skipped",
        );
    }
    let url = fields.link("url", findings);
    Some(Embed {
        url: url?,
        provider: fields.text("provider", findings),
        title: fields.text("title", findings),
    })
}
