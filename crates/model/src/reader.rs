//! Typed access to the fields of a JSON object that records a [`Problem`](crate::Problem) for
//! every field of the wrong type instead of giving up on the whole document.

use serde_json::{Map, Value};

use crate::date::Timestamp;
use crate::link::Link;
use crate::problem::{quoted, Findings, JsonPath};

/// One JSON object being read, with its path for messages.
pub(crate) struct Fields<'doc> {
    map: &'doc Map<String, Value>,
    pub(crate) path: JsonPath,
}

impl<'doc> Fields<'doc> {
    /// Reads `value` as an object, or records that it is not one.
    pub(crate) fn of(value: &'doc Value, path: JsonPath, findings: &mut Findings) -> Option<Self> {
        match value {
            Value::Object(map) => Some(Fields { map, path }),
            other => {
                findings.error(&path, format!("must be an object, not {}", kind_of(other)));
                None
            }
        }
    }

    /// The value under `key`; `null` counts as absent.
    pub(crate) fn get(&self, key: &str) -> Option<&'doc Value> {
        self.map.get(key).filter(|value| !value.is_null())
    }

    pub(crate) fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// An optional text field; blank text counts as absent.
    pub(crate) fn text(&self, key: &str, findings: &mut Findings) -> Option<String> {
        match self.get(key)? {
            Value::String(text) if text.trim().is_empty() => None,
            Value::String(text) => Some(text.clone()),
            other => {
                findings.error(&self.path.field(key), must_be("a string", other));
                None
            }
        }
    }

    /// A required, non-blank text field.
    pub(crate) fn required_text(&self, key: &str, findings: &mut Findings) -> Option<String> {
        match self.get(key) {
            None => {
                findings.error(&self.path.field(key), "is required");
                None
            }
            Some(Value::String(text)) if text.trim().is_empty() => {
                findings.error(&self.path.field(key), "must not be empty");
                None
            }
            Some(_) => self.text(key, findings),
        }
    }

    pub(crate) fn flag(&self, key: &str, findings: &mut Findings) -> Option<bool> {
        match self.get(key)? {
            Value::Bool(flag) => Some(*flag),
            other => {
                findings.error(&self.path.field(key), must_be("true or false", other));
                None
            }
        }
    }

    /// A whole number from 1 to `u32::MAX`.
    pub(crate) fn positive_number(&self, key: &str, findings: &mut Findings) -> Option<u32> {
        let value = self.get(key)?;
        let number = value
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| *n > 0);
        if number.is_none() {
            findings.error(
                &self.path.field(key),
                format!("must be a whole number from 1 to {}, not {value}", u32::MAX),
            );
        }
        number
    }

    pub(crate) fn array(&self, key: &str, findings: &mut Findings) -> Option<&'doc Vec<Value>> {
        match self.get(key)? {
            Value::Array(items) => Some(items),
            other => {
                findings.error(&self.path.field(key), must_be("an array", other));
                None
            }
        }
    }

    /// A list of strings; items of other types are left out and reported.
    pub(crate) fn texts(&self, key: &str, findings: &mut Findings) -> Vec<String> {
        let Some(items) = self.array(key, findings) else {
            return Vec::new();
        };
        let path = self.path.field(key);
        items
            .iter()
            .enumerate()
            .filter_map(|(idx, item)| match item {
                Value::String(text) if text.trim().is_empty() => None,
                Value::String(text) => Some(text.clone()),
                other => {
                    findings.error(&path.index(idx), must_be("a string", other));
                    None
                }
            })
            .collect()
    }

    /// A URL that must pass the allow-list; a refused one is reported and left out.
    pub(crate) fn link(&self, key: &str, findings: &mut Findings) -> Option<Link> {
        // Paths are built only for messages: this runs for every entry of a long index.
        let path = || self.path.field(key);
        match self.get(key)? {
            Value::String(raw) => match Link::parse(raw) {
                Ok(link) => Some(link),
                Err(refusal) => {
                    findings.error(
                        &path(),
                        format!("{} is not an allowed link: it {refusal}", quoted(raw)),
                    );
                    None
                }
            },
            other => {
                findings.error(&path(), must_be("a string", other));
                None
            }
        }
    }

    /// An RFC 3339 date; anything else is reported and the content shows no date.
    pub(crate) fn date(&self, key: &str, findings: &mut Findings) -> Option<Timestamp> {
        let path = || self.path.field(key);
        match self.get(key)? {
            Value::String(text) => {
                let date = Timestamp::parse(text);
                if date.is_none() {
                    findings.warn(
                        &path(),
                        format!(
                            "{} is not an RFC 3339 date; it is shown without a date",
                            quoted(text)
                        ),
                    );
                }
                date
            }
            other => {
                findings.warn(
                    &path(),
                    format!("{}; it is shown without a date", must_be("a string", other)),
                );
                None
            }
        }
    }
}

pub(crate) fn must_be(expected: &str, found: &Value) -> String {
    format!("must be {expected}, not {}", kind_of(found))
}

pub(crate) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
