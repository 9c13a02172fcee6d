//! What validation found wrong with a document, each with the JSON path where it was found.

use std::fmt;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Suspicious but valid: the content renders as written.
    Warning,
    /// Breaks the content format: the field, block or entry is left out, or, for a required
    /// field of the document itself, the whole document is refused.
    Error,
}

/// One thing wrong with a document, e.g. `body[3].items[1][0].href: "javascript:alert(1)" is not
/// an allowed link`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where in the document: `title`, `body[3].items[1][0].href`; empty for the whole document.
    pub path: String,
    pub message: String,
    pub severity: Severity,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// A document that parsed, with whatever was left out or looks suspicious.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed<T> {
    pub document: T,
    pub problems: Vec<Problem>,
}

/// A document that cannot be shown at all; `problems` holds at least one [`Severity::Error`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    pub problems: Vec<Problem>,
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors: Vec<String> = self
            .problems
            .iter()
            .filter(|problem| problem.severity == Severity::Error)
            .map(Problem::to_string)
            .collect();
        f.write_str(&errors.join("; "))
    }
}

/// A position in a JSON document, written the way people read it: `body[3].items[1][0].href`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct JsonPath(String);

impl JsonPath {
    pub(crate) fn field(&self, key: &str) -> JsonPath {
        if self.0.is_empty() {
            JsonPath(key.to_owned())
        } else {
            JsonPath(format!("{}.{key}", self.0))
        }
    }

    pub(crate) fn index(&self, idx: usize) -> JsonPath {
        JsonPath(format!("{}[{idx}]", self.0))
    }
}

/// Collects problems while a document is read.
#[derive(Debug, Default)]
pub(crate) struct Findings {
    pub(crate) problems: Vec<Problem>,
}

impl Findings {
    pub(crate) fn error(&mut self, path: &JsonPath, message: impl Into<String>) {
        self.push(path, message.into(), Severity::Error);
    }

    pub(crate) fn warn(&mut self, path: &JsonPath, message: impl Into<String>) {
        self.push(path, message.into(), Severity::Warning);
    }

    fn push(&mut self, path: &JsonPath, message: String, severity: Severity) {
        self.problems.push(Problem {
            path: path.0.clone(),
            message,
            severity,
        });
    }
}

/// Quotes outside text for a message, escaped and cut short so one huge field cannot flood it.
pub(crate) fn quoted(text: &str) -> String {
    const MAX_CHARS: usize = 80;
    let mut shown: String = text.chars().take(MAX_CHARS).collect();
    if shown.len() < text.len() {
        shown.push('…');
    }
    format!("{shown:?}")
}
