//! Every word a reader sees comes from the catalog (`news_i18n`), so a site in another language
//! has no English left in it. This test reads the components' source (the shared ones here,
//! and the app's pages and pieces) and fails on a string literal in a `view!` text position or
//! in an attribute readers hear or see (`aria-label`, `title`, `placeholder`, `alt`).

use std::path::{Path, PathBuf};

/// Attributes whose value is read to or shown to a reader.
const READ_ATTRIBUTES: &[&str] = &["aria-label", "title", "placeholder", "alt"];

/// The folders and files whose components are checked, from this crate's folder.
const CHECKED: &[&str] = &[
    "src/components",
    "../../src/pages",
    "../../src/components",
    "../../src/embed.rs",
];

#[test]
fn components_take_every_word_from_the_catalog() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = Vec::new();
    for checked in CHECKED {
        let path = root.join(checked);
        if path.is_dir() {
            let entries = std::fs::read_dir(&path).expect("a checked folder can be read");
            files.extend(
                entries
                    .filter_map(Result::ok)
                    .map(|entry| entry.path())
                    .filter(|path| path.extension().is_some_and(|ext| ext == "rs")),
            );
        } else if path.is_file() {
            files.push(path);
        }
    }
    assert!(files.len() > 10, "the components were found: {files:?}");
    let mut found = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("a component file can be read");
        for (line, literal) in words_in_views(&source) {
            found.push(format!("{}:{line}: {literal}", file.display()));
        }
    }
    assert!(
        found.is_empty(),
        "words written in components instead of the catalog:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_finds_text_and_read_attributes_but_not_classes_or_code() {
    let source = r#"
        view! {
            <p class="note" aria-label="Hello there">"Some words"{name}" · "</p>
            <button type="submit" on:click=move |_| say("Rust code")>{label}</button>
            {move || view! { <span>"Nested words"</span> }}
        }
    "#;
    let found: Vec<String> = words_in_views(source)
        .into_iter()
        .map(|(_, literal)| literal)
        .collect();
    assert_eq!(
        found,
        ["\"Hello there\"", "\"Some words\"", "\"Nested words\""]
    );
}

/// The literals with letters in text positions and read attributes of every `view!` in
/// `source`, with their line numbers.
fn words_in_views(source: &str) -> Vec<(usize, String)> {
    let bytes = source.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(offset) = source[at..].find("view!") {
        let start = at + offset + "view!".len();
        let Some(open) = source[start..].find(|c: char| !c.is_whitespace()) else {
            break;
        };
        let open = start + open;
        if bytes[open] != b'{' {
            at = open;
            continue;
        }
        at = markup(source, open + 1, &mut found);
    }
    found.sort();
    found.dedup();
    found
}

/// Reads markup from `at` to its closing `}`; returns the position after it.
fn markup(source: &str, mut at: usize, found: &mut Vec<(usize, String)>) -> usize {
    let bytes = source.as_bytes();
    // What came before, ignoring spaces: decides whether a literal is text or a value.
    let mut previous = b'{';
    let mut attribute_start = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'}' => return at + 1,
            b'{' => {
                at = rust_block(source, at + 1, found);
                previous = b'}';
            }
            b'/' if bytes.get(at + 1) == Some(&b'/') => {
                at = source[at..].find('\n').map_or(bytes.len(), |len| at + len);
            }
            b'"' => {
                let end = literal_end(bytes, at);
                let literal = &source[at..end];
                let is_text = matches!(previous, b'>' | b'}' | b'"' | b'{');
                let is_read_attribute = previous == b'='
                    && READ_ATTRIBUTES.contains(&source[attribute_start..at - 1].trim());
                if (is_text || is_read_attribute) && literal.chars().any(char::is_alphabetic) {
                    let line = source[..at].matches('\n').count() + 1;
                    found.push((line, literal.to_owned()));
                }
                previous = b'"';
                at = end;
            }
            byte if byte.is_ascii_whitespace() => {
                at += 1;
                if previous != b'=' {
                    attribute_start = at;
                }
            }
            byte => {
                if byte != b'=' && !byte.is_ascii_alphanumeric() && byte != b'-' && byte != b':' {
                    attribute_start = at + 1;
                }
                previous = byte;
                at += 1;
            }
        }
    }
    at
}

/// Skips Rust code from `at` to its closing `}` (looking into nested `view!`s); returns the
/// position after it.
fn rust_block(source: &str, mut at: usize, found: &mut Vec<(usize, String)>) -> usize {
    let bytes = source.as_bytes();
    let mut depth = 1;
    while at < bytes.len() {
        if source[at..].starts_with("view!") {
            let after = at + "view!".len();
            let open = source[after..]
                .find(|c: char| !c.is_whitespace())
                .map_or(after, |len| after + len);
            if bytes.get(open) == Some(&b'{') {
                at = markup(source, open + 1, found);
                continue;
            }
        }
        match bytes[at] {
            b'"' => at = literal_end(bytes, at),
            b'{' => {
                depth += 1;
                at += 1;
            }
            b'}' => {
                depth -= 1;
                at += 1;
                if depth == 0 {
                    return at;
                }
            }
            b'/' if bytes.get(at + 1) == Some(&b'/') => {
                at = source[at..].find('\n').map_or(bytes.len(), |len| at + len);
            }
            _ => at += 1,
        }
    }
    at
}

/// Where the string literal starting at `at` (its opening quote) ends, after its closing quote.
fn literal_end(bytes: &[u8], at: usize) -> usize {
    let mut end = at + 1;
    while end < bytes.len() {
        match bytes[end] {
            b'\\' => end += 2,
            b'"' => return end + 1,
            _ => end += 1,
        }
    }
    end
}
