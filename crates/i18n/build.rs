//! Turns the English catalog (`catalogs/en.txt`) into Rust: the `Msg` and `Plural` key enums
//! (so a misspelled or missing key is a compile error) and the English text as statics (so an
//! English site parses nothing at run time).

use std::fmt::Write as _;
use std::path::Path;

#[path = "src/line.rs"]
mod line;

use line::{read_line, Line};

/// A message of the English file.
struct Message {
    key: String,
    forms: Vec<(String, String)>,
}

fn main() {
    let path = Path::new("catalogs/en.txt");
    println!("cargo::rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(path).expect("invariant: catalogs/en.txt is in the crate");
    let mut messages: Vec<Message> = Vec::new();
    for (line_idx, line) in text.lines().enumerate() {
        let at = format!("catalogs/en.txt:{}", line_idx + 1);
        let entry = match read_line(line) {
            Line::Nothing => continue,
            Line::Broken(why) => panic!("{at}: {why}"),
            Line::Entry(entry) => entry,
        };
        assert!(entry.region.is_none(), "{at}: English has no regional text");
        assert!(!entry.message.is_empty(), "{at}: {} is empty", entry.key);
        match (entry.category, messages.last_mut()) {
            (Some(category), Some(last)) if last.key == entry.key => {
                last.forms
                    .push((category.to_owned(), entry.message.to_owned()));
            }
            (category, _) => {
                assert!(
                    messages.iter().all(|message| message.key != entry.key),
                    "{at}: {} is written twice (a plural's forms go on adjacent lines)",
                    entry.key
                );
                messages.push(Message {
                    key: entry.key.to_owned(),
                    forms: vec![(
                        category.unwrap_or_default().to_owned(),
                        entry.message.to_owned(),
                    )],
                });
            }
        }
    }
    for message in &messages {
        let categories: Vec<&str> = message
            .forms
            .iter()
            .map(|(category, _)| category.as_str())
            .collect();
        assert!(
            categories == [""] || categories == ["one", "other"],
            "catalogs/en.txt: {} must be one message, or the plural forms [one] and [other] in that order",
            message.key
        );
    }
    let (plurals, texts): (Vec<&Message>, Vec<&Message>) = messages
        .iter()
        .partition(|message| message.forms.len() == 2);

    let mut out = String::new();
    write_enum(
        &mut out,
        "Msg",
        "A message: one sentence, label or piece of locale data.",
        &texts,
    );
    write_enum(
        &mut out,
        "Plural",
        "A message with a count, in the plural forms of each language.",
        &plurals,
    );
    let _ = writeln!(
        out,
        "/// The keys of [`Msg`], in its order.\npub(crate) const MSG_KEYS: [&str; {}] = [",
        texts.len()
    );
    for message in &texts {
        let _ = writeln!(out, "    {:?},", message.key);
    }
    let _ = writeln!(out, "];\n/// The keys of [`Plural`], in its order.\npub(crate) const PLURAL_KEYS: [&str; {}] = [", plurals.len());
    for message in &plurals {
        let _ = writeln!(out, "    {:?},", message.key);
    }
    let _ = writeln!(out, "];\n/// The English text of each [`Msg`].\npub(crate) static ENGLISH_MESSAGES: [&str; {}] = [", texts.len());
    for message in &texts {
        let _ = writeln!(out, "    {:?},", message.forms[0].1);
    }
    let _ = writeln!(out, "];\n/// The English forms of each [`Plural`]: one, other.\npub(crate) static ENGLISH_PLURALS: [[&str; 2]; {}] = [", plurals.len());
    for message in &plurals {
        let _ = writeln!(
            out,
            "    [{:?}, {:?}],",
            message.forms[0].1, message.forms[1].1
        );
    }
    out.push_str("];\n");
    // A compiled catalog names the key list it was compiled for (see `compiled.rs`).
    let mut hash: u32 = 0x811c_9dc5;
    for message in &messages {
        for byte in message
            .key
            .bytes()
            .chain([u8::from(message.forms.len() == 2), b'\n'])
        {
            hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
        }
    }
    let _ = writeln!(out, "/// Names this key list in compiled catalogs.\npub(crate) const SCHEMA: &str = \"{hash:08x}\";");
    // English as `compile` writes a catalog, so the app reads every language one way (see
    // `Catalog::english`).
    let mut compiled = format!("news-i18n {hash:08x} en\n");
    for message in texts.iter().chain(&plurals) {
        for (_, text) in &message.forms {
            compiled.push_str(text);
            compiled.push('\n');
        }
    }
    let _ = writeln!(
        out,
        "/// The English catalog as [`compile`] writes it.\npub(crate) const ENGLISH_COMPILED: &str = {compiled:?};"
    );

    // Every other language's catalog file, for the build to compile and ship: adding a language
    // is adding its file (and its line in `LANGUAGES`).
    println!("cargo::rerun-if-changed=catalogs");
    let mut codes: Vec<String> = std::fs::read_dir("catalogs")
        .expect("invariant: catalogs/ is in the crate")
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".txt").map(str::to_owned)
        })
        .filter(|code| code != "en")
        .collect();
    codes.sort();
    let _ = writeln!(
        out,
        "/// Each catalog file but English's, by language code, as written (`catalogs/{{code}}.txt`).\npub const CATALOG_SOURCES: &[(&str, &str)] = &["
    );
    for code in &codes {
        let _ = writeln!(
            out,
            "    ({code:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/catalogs/{code}.txt\"))),"
        );
    }
    let _ = writeln!(out, "];");

    let out_path = Path::new(&std::env::var("OUT_DIR").expect("invariant: cargo sets OUT_DIR"))
        .join("english.rs");
    std::fs::write(out_path, out).expect("invariant: OUT_DIR is writable");
}

fn write_enum(out: &mut String, name: &str, doc: &str, messages: &[&Message]) {
    let _ = writeln!(out, "/// {doc}\n///\n/// Generated from `catalogs/en.txt`; each variant's documentation is its English text.");
    let _ = writeln!(
        out,
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum {name} {{"
    );
    for message in messages {
        let english: Vec<&str> = message
            .forms
            .iter()
            .map(|(_, text)| text.as_str())
            .collect();
        let _ = writeln!(
            out,
            "    /// `{}`: {}",
            message.key,
            english.join(" / ").replace('[', "\\[").replace(']', "\\]")
        );
        let _ = writeln!(out, "    {},", variant_name(&message.key));
    }
    let _ = writeln!(out, "}}\n\nimpl {name} {{\n    /// Every key, in the catalog's order.\n    pub const ALL: [{name}; {}] = [", messages.len());
    for message in messages {
        let _ = writeln!(out, "        {name}::{},", variant_name(&message.key));
    }
    let _ = writeln!(out, "    ];\n}}\n");
}

/// `comments.post_button` → `CommentsPostButton`, `date.month.1` → `DateMonth1`.
fn variant_name(key: &str) -> String {
    key.split(['.', '_'])
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}
