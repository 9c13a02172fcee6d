//! What reading a feed index and an article have in common.

use serde_json::Value;

use crate::problem::{quoted, Findings, Parsed, Problem, Rejected, Severity};
use crate::reader::{must_be, Fields};
use crate::slug::{Slug, MAX_SLUG_LEN};

/// Parses JSON text, turning a syntax error into a problem a person can act on.
pub(crate) fn parse_json(json: &str) -> Result<Value, Rejected> {
    serde_json::from_str(json).map_err(|error| Rejected {
        problems: vec![Problem {
            path: String::new(),
            message: format!("is not valid JSON: {error}"),
            severity: Severity::Error,
        }],
    })
}

/// Reads the required `slug` of an article or feed entry.
pub(crate) fn read_slug(fields: &Fields<'_>, findings: &mut Findings) -> Option<Slug> {
    // Built only for a message: this runs for every entry of a long index.
    let path = || fields.path.field("slug");
    match fields.get("slug") {
        None => {
            findings.error(&path(), "is required");
            None
        }
        Some(Value::String(text)) => {
            let slug = Slug::parse(text);
            if slug.is_none() {
                findings.error(
                    &path(),
                    format!(
                        "{} is not a valid slug: use lower-case letters, digits and single hyphens, at most {MAX_SLUG_LEN} characters",
                        quoted(text)
                    ),
                );
            }
            slug
        }
        Some(other) => {
            findings.error(&path(), must_be("a string", other));
            None
        }
    }
}

/// Turns what was read into the parse result: no document means the problems say why.
pub(crate) fn finish<T>(document: Option<T>, findings: Findings) -> Result<Parsed<T>, Rejected> {
    match document {
        Some(document) => Ok(Parsed {
            document,
            problems: findings.problems,
        }),
        None => {
            let mut problems = findings.problems;
            if !problems
                .iter()
                .any(|problem| problem.severity == Severity::Error)
            {
                problems.push(Problem {
                    path: String::new(),
                    message: "could not be read".into(),
                    severity: Severity::Error,
                });
            }
            Err(Rejected { problems })
        }
    }
}
