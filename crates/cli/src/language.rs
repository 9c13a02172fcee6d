//! The site's language (`<meta name="news-blog-language">`): the words the prerendered pages
//! are written in, the page's `lang` and `dir`, and the compiled catalogs the app fetches.
//!
//! Every shipped language's catalog is compiled into `i18n/{code}-{hash}.txt` (named by its
//! content, cached as immutable) and named on the meta (`data-catalogs="ar=i18n/ar-….txt …"`),
//! so a host can switch the language in the built pages without a rebuild; the app fetches
//! only the one for the page's language. English is compiled into the app.

use std::path::Path;

use news_i18n::{compile, Catalog, Language, Locale, CATALOG_SOURCES, LANGUAGES};
use news_model::LANGUAGE_META;
use news_views::words::Words;

use crate::files::{write, FileError};
use crate::manifest::fingerprint;
use crate::template;

/// The folder the compiled catalogs are written to, under the site.
pub const CATALOG_FOLDER: &str = "i18n";

/// The catalog the build compiles for a language of [`LANGUAGES`]; none for English, which
/// is compiled into the app.
fn catalog_source(language: Language) -> Option<&'static str> {
    CATALOG_SOURCES
        .iter()
        .find(|(code, _)| *code == language.code)
        .map(|(_, source)| *source)
}

/// The page with the site's language applied, and the words to prerender with. A page without
/// the meta is English and unchanged; an unknown or unsupported tag is English with a warning.
pub fn apply(dist: &Path, page: &str) -> Result<(String, Words), FileError> {
    let Some(tag) = template::meta_content(page, LANGUAGE_META) else {
        return Ok((page.to_owned(), Words::english()));
    };
    // Empty: the content gave no language either (see `build`), so English, as intended.
    let (locale, problem) = match tag.trim() {
        "" => (Locale::default(), None),
        tag => Locale::parse_or_english(tag),
    };
    if let Some(problem) = problem {
        eprintln!("warning: {LANGUAGE_META}: {problem}; the site is in English");
    }
    let mut named = Vec::new();
    let mut words = Words::english();
    for language in LANGUAGES.iter().copied() {
        let Some(source) = catalog_source(language) else {
            continue;
        };
        let compiled = match compile(language, &language.catalog_file(), source) {
            Ok(compiled) => compiled,
            Err(problems) => {
                for problem in problems {
                    eprintln!("warning: {problem}");
                }
                continue;
            }
        };
        let name = format!(
            "{CATALOG_FOLDER}/{}-{:016x}.txt",
            language.code,
            fingerprint([compiled.as_bytes()])
        );
        write(&dist.join(&name), &compiled)?;
        if language == locale.language() {
            match Catalog::from_compiled(locale, &compiled) {
                Ok(catalog) => words = Words::new(catalog),
                Err(problem) => eprintln!("warning: {name}: {problem}; the site is in English"),
            }
        }
        named.push(format!("{}={name}", language.code));
    }
    remove_other_catalogs(dist, &named);
    let page =
        template::with_meta_attribute(page, LANGUAGE_META, "data-catalogs", &named.join(" "));
    // The setting's own locale when its words are the ones written (English's region too),
    // else English's: a catalog that could not be read.
    let shown = if words.locale().language() == locale.language() {
        locale
    } else {
        words.locale()
    };
    let page = with_html_language(&page, &shown);
    Ok((page, words))
}

/// Removes earlier builds' catalogs: `named` are this build's (`ar=i18n/ar-….txt`).
fn remove_other_catalogs(dist: &Path, named: &[String]) {
    let Ok(entries) = std::fs::read_dir(dist.join(CATALOG_FOLDER)) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = format!("{CATALOG_FOLDER}/{}", entry.file_name().to_string_lossy());
        // A catalog's precompressed copies go with it.
        let catalog = name.trim_end_matches(".br").trim_end_matches(".gz");
        if !named
            .iter()
            .any(|pair| pair.ends_with(&format!("={catalog}")))
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// `<html lang>` and `dir` for `locale`; British English keeps the page's own `lang` (en-GB,
/// the variety its catalog is written in) and writes no `dir`, as before the setting.
fn with_html_language(page: &str, locale: &Locale) -> String {
    // English without a region, or British, is the page's own (en-GB); an English site of
    // another region (a WordPress site in en-US) says its own.
    let is_british = locale.region().is_none_or(|region| region == "GB");
    if locale.language() == Locale::default().language() && is_british {
        return page.to_owned();
    }
    let Some(start) = page.find("<html") else {
        return page.to_owned();
    };
    let Some(len) = page[start..].find('>') else {
        return page.to_owned();
    };
    format!(
        "{}<html lang=\"{}\" dir=\"{}\"{}",
        &page[..start],
        crate::html::escape(&locale.html_lang()),
        locale.direction().as_str(),
        &page[start + len..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head><meta name=\"news-blog-language\" content=\"LANG\"></head><body></body></html>";

    fn applied(tag: &str) -> (String, Words, scratch::Folder) {
        let folder = scratch::Folder::new(tag);
        let (page, words) = apply(&folder.path, &PAGE.replace("LANG", tag)).expect("writes");
        (page, words, folder)
    }

    #[test]
    fn an_arabic_site_is_right_to_left_with_arabic_words_and_its_catalog_named() {
        let (page, words, folder) = applied("ar");
        assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"), "{page}");
        assert_eq!(
            words.text(news_i18n::Msg::FeedMoreButton),
            "المزيد من الأخبار"
        );
        let named = template::meta_attribute(&page, LANGUAGE_META, "data-catalogs")
            .expect("the catalogs are named");
        let arabic = named
            .split_whitespace()
            .find_map(|pair| pair.strip_prefix("ar="))
            .expect("the Arabic catalog is named");
        assert!(folder.path.join(arabic).is_file());
    }

    #[test]
    fn an_english_site_keeps_its_lang_and_gets_no_dir() {
        let (page, words, _folder) = applied("en");
        assert!(page.contains("<html lang=\"en-GB\">"));
        assert_eq!(words.text(news_i18n::Msg::FeedMoreButton), "More stories");
    }

    #[test]
    fn an_english_site_of_another_region_says_so() {
        let (page, _words, _folder) = applied("en-US");
        assert!(page.contains("<html lang=\"en-US\" dir=\"ltr\">"), "{page}");
    }

    #[test]
    fn an_unsupported_language_is_english() {
        let (page, words, _folder) = applied("xx");
        assert!(page.contains("<html lang=\"en-GB\">"));
        assert_eq!(words.locale(), Locale::default());
    }

    /// A folder under the system's temporary one, removed when dropped.
    mod scratch {
        pub struct Folder {
            pub path: std::path::PathBuf,
        }
        impl Folder {
            pub fn new(name: &str) -> Folder {
                let path = std::env::temp_dir()
                    .join(format!("news-blog-language-{name}-{}", std::process::id()));
                let _ = std::fs::remove_dir_all(&path);
                Folder { path }
            }
        }
        impl Drop for Folder {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.path);
            }
        }
    }
}
