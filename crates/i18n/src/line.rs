//! One line of a catalog file. Shared with `build.rs`, which reads the English file with it, so
//! the English catalog and the others are read by the same rules.

/// What a line of a catalog file holds.
#[derive(Debug, PartialEq, Eq)]
pub enum Line<'a> {
    /// A blank line or a `#` comment.
    Nothing,
    /// `key = message`, `key[category] = message` or `key@REGION = message`.
    Entry(Entry<'a>),
    /// Not a line of the format; says why.
    Broken(&'static str),
}

/// A message line, split into its parts (each trimmed).
#[derive(Debug, PartialEq, Eq)]
pub struct Entry<'a> {
    pub key: &'a str,
    /// The CLDR plural category in `[…]`, for one form of a plural.
    pub category: Option<&'a str>,
    /// The region after `@`, for a region's own text (`date.month.5@MA`).
    pub region: Option<&'a str>,
    pub message: &'a str,
}

/// Reads one line (without its line break).
pub fn read_line(line: &str) -> Line<'_> {
    let line = trim(line);
    if line.is_empty() || line.starts_with('#') {
        return Line::Nothing;
    }
    let Some((name, message)) = line.split_once('=') else {
        return Line::Broken("expected `key = message`");
    };
    let (name, region) = match trim(name).split_once('@') {
        Some((name, region)) => (name, Some(region)),
        None => (trim(name), None),
    };
    let (key, category) = match name.split_once('[') {
        Some((key, rest)) => match rest.strip_suffix(']') {
            Some(category) => (key, Some(category)),
            None => return Line::Broken("a plural form is written `key[category]`"),
        },
        None => (name, None),
    };
    let is_key_char =
        |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.';
    if key.is_empty() || !key.chars().all(is_key_char) {
        return Line::Broken("a key is lower-case letters, digits, `_` and `.`");
    }
    let is_region = |region: &str| {
        matches!(region.len(), 2 | 3)
            && region
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    };
    if region.is_some_and(|region| !is_region(region)) {
        return Line::Broken("a region is two capital letters or three digits, as in `@MA`");
    }
    Line::Entry(Entry {
        key,
        category,
        region,
        message: trim(message),
    })
}

/// Trims spaces and tabs only: a message may start or end with another kind of space, such as
/// French's narrow no-break space that groups digits (`number.group`).
fn trim(text: &str) -> &str {
    text.trim_matches([' ', '\t', '\r', '\u{feff}'])
}
