//! A language is shipped by its catalog file and its line in `LANGUAGES`: each needs the other.

use news_i18n::{CATALOG_SOURCES, ENGLISH, LANGUAGES};

#[test]
fn every_language_has_a_catalog_file_and_every_file_a_language() {
    let mut listed: Vec<&str> = LANGUAGES
        .iter()
        .map(|language| language.code)
        .filter(|code| *code != ENGLISH.code)
        .collect();
    listed.sort_unstable();
    let files: Vec<&str> = CATALOG_SOURCES.iter().map(|(code, _)| *code).collect();
    assert_eq!(listed, files, "LANGUAGES and the files in catalogs/");
    assert!(files.len() >= 5, "{files:?}");
}
