//! Placeholders: `{name}` in a message, filled by name. A `{` that does not start a name and a
//! `}` stays as it is, so a message needs no escaping.

/// `template` with each `{name}` of `values` replaced by its value; a placeholder without a
/// value stays as written, so a mistake shows rather than vanishes.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    fill_with(template, None, values)
}

/// [`fill`] with `{n}` as `n`, for a plural's count.
pub(crate) fn fill_counted(template: &str, n: &str, values: &[(&str, &str)]) -> String {
    fill_with(template, Some(n), values)
}

fn fill_with(template: &str, n: Option<&str>, values: &[(&str, &str)]) -> String {
    let mut filled = String::with_capacity(template.len() + 16);
    write_pattern(&mut filled, template, &mut |name, out| {
        let value = match (name, n) {
            ("n", Some(n)) => Some(n),
            _ => values
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| *value),
        };
        value.map(|value| out.push_str(value)).is_some()
    });
    filled
}

/// Writes `template` to `out` with each `{name}` as `value` writes it; a placeholder `value`
/// has nothing for (it returns `false`) stays as written. The one reading of placeholders
/// behind [`fill`] and dates: a callback rather than a list of values, so a date writes only
/// the numbers its pattern asks for, and the code is in the wasm once.
pub(crate) fn write_pattern(
    out: &mut String,
    template: &str,
    value: &mut dyn FnMut(&str, &mut String) -> bool,
) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if value(&after[..close], out) => rest = &after[close + 1..],
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// The text before and after `{name}` in `template` (the whole and `""` without one): for
/// putting an element, such as a link or a `<time>`, where the placeholder is.
pub fn around<'a>(template: &'a str, name: &str) -> (&'a str, &'a str) {
    // By hand rather than `split_once` with a built `"{name}"`: a substring search and the
    // string building are more code in every reader's wasm than this loop.
    let mut from = 0;
    while let Some(open) = template[from..].find('{') {
        let start = from + open;
        let after = template[start + 1..]
            .strip_prefix(name)
            .and_then(|rest| rest.strip_prefix('}'));
        if let Some(after) = after {
            return (&template[..start], after);
        }
        from = start + 1;
    }
    (template, "")
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
