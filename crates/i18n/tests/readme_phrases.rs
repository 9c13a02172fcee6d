//! The project README's table of key phrases, which readers of each language check, says what
//! the catalogs say.

use std::path::Path;

use news_i18n::{Catalog, DateStyle, DateTime, Locale};

const DATE_ROW: &str = "a date and time (2017-10-15T09:30:00+02:00)";
const PLURAL_MARK: &str = " (n = 4)";

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn catalog_source(code: &str) -> String {
    read(&format!("catalogs/{code}.txt"))
}

/// The message of `key` as its line in the catalog writes it.
fn message(source: &str, key: &str) -> Option<String> {
    source.lines().find_map(|line| {
        let (line_key, text) = line.split_once('=')?;
        (line_key.trim() == key).then(|| text.trim_matches([' ', '\t']).to_owned())
    })
}

/// Text with the no-break spaces French and Russian typography use read as spaces.
fn spaced(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

fn cells(row: &str) -> Vec<String> {
    row.trim()
        .trim_matches('|')
        .split('|')
        .map(|cell| cell.trim().to_owned())
        .collect()
}

#[test]
fn the_readmes_key_phrases_are_the_catalogs() {
    let readme = read("../../README.md");
    let mut lines = readme
        .lines()
        .skip_while(|line| !line.starts_with("| key | English |"));
    let header = cells(lines.next().expect("the README has the key phrases table"));
    let codes: Vec<&str> = std::iter::once("en")
        .chain(header[2..].iter().map(String::as_str))
        .collect();
    let rows: Vec<Vec<String>> = lines
        .skip(1)
        .take_while(|line| line.starts_with('|'))
        .map(cells)
        .collect();
    assert!(rows.len() >= 10, "{} rows", rows.len());
    let when = DateTime {
        year: 2017,
        month: 10,
        day: 15,
        hour: 9,
        minute: 30,
        offset_minutes: 120,
    };
    for row in &rows {
        assert_eq!(row.len(), codes.len() + 1, "{row:?}");
        for (code, cell) in codes.iter().zip(&row[1..]) {
            let source = catalog_source(code);
            let locale = Locale::parse(code).expect("a shipped language");
            let expected = if row[0] == DATE_ROW {
                let (catalog, problems) = Catalog::parse(locale, code, &source);
                assert!(problems.is_empty(), "{problems:?}");
                catalog.date(&when, DateStyle::DayAndTime)
            } else {
                let key = match row[0].strip_suffix(PLURAL_MARK) {
                    Some(key) => {
                        let category = locale.plural_rule().category(4);
                        format!("{key}[{}]", category.name())
                    }
                    None => row[0].clone(),
                };
                message(&source, &key).unwrap_or_else(|| panic!("{code}.txt has no {key}"))
            };
            assert_eq!(spaced(cell), spaced(&expected), "{code}: {}", row[0]);
        }
    }
}
