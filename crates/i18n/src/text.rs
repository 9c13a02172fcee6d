//! Placeholders: `{name}` in a message, filled by name. A `{` that does not start a name and a
//! `}` stays as it is, so a message needs no escaping.

/// `template` with each `{name}` of `values` replaced by its value; a placeholder without a
/// value stays as written, so a mistake shows rather than vanishes.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut filled = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        filled.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name = after.find('}').map(|close| &after[..close]);
        match name.and_then(|name| values.iter().find(|(key, _)| *key == name)) {
            Some((name, value)) => {
                filled.push_str(value);
                rest = &after[name.len() + 1..];
            }
            None => {
                filled.push('{');
                rest = after;
            }
        }
    }
    filled.push_str(rest);
    filled
}

/// The text before and after `{name}` in `template` (the whole and `""` without one): for
/// putting an element, such as a link or a `<time>`, where the placeholder is.
pub fn around<'a>(template: &'a str, name: &str) -> (&'a str, &'a str) {
    let placeholder = ["{", name, "}"].concat();
    template.split_once(&placeholder).unwrap_or((template, ""))
}

/// The names of the placeholders in `message`, in order of appearance.
pub fn placeholders(message: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = message;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(close) = rest.find('}') {
            let name = &rest[..close];
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                names.push(name);
                rest = &rest[close + 1..];
            }
        }
    }
    names
}
