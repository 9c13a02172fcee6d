//! The site's language: `<meta name="news-blog-language">` (English when absent, unknown or
//! not shipped, with a console warning for the host), the page's `lang` and `dir`, and the
//! words the app draws with. English is compiled in; another language's compiled catalog is
//! fetched once, before the app mounts, from the file the build named on the same meta
//! (`data-catalogs="ar=i18n/ar-1a2b3c.txt es=…"`), so a site loads only its own language.

use news_i18n::{Catalog, Locale};
use news_views::words::Words;

use super::fetch::cached_or_fetched;

/// The attribute of the language meta naming each language's compiled catalog.
pub const CATALOGS_ATTRIBUTE: &str = "data-catalogs";

/// The language meta, `news_model::LANGUAGE_META`, as a selector written out rather than
/// built with `format!` (less code in every reader's wasm; a test holds the two together).
const LANGUAGE_META_SELECTOR: &str = "meta[name=\"news-blog-language\"]";

/// The site's words: English, or the page's language read from its catalog (English with a
/// console warning when it cannot be loaded). Sets `<html lang>` and `dir` to match.
pub async fn site_words() -> Words {
    match site_language() {
        SiteLanguage::Ready(words) => words,
        SiteLanguage::Fetch { locale, file } => read_catalog(locale, &file).await,
    }
}

/// What the page's language meta asks for: words at hand (English), or a catalog to fetch.
pub enum SiteLanguage {
    Ready(Words),
    Fetch { locale: Locale, file: String },
}

/// Reads the language meta, at once: an English site (the meta absent, `en`, or a language
/// the site cannot load) starts without waiting for anything.
pub fn site_language() -> SiteLanguage {
    let document = web_sys::window().and_then(|window| window.document());
    let meta = document.as_ref().and_then(|document| {
        document
            .query_selector(LANGUAGE_META_SELECTOR)
            .ok()
            .flatten()
    });
    let tag = meta
        .as_ref()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default();
    let tag = tag.trim();
    if tag.is_empty() {
        return SiteLanguage::Ready(Words::english());
    }
    let (locale, problem) = Locale::parse_or_english(tag);
    if let Some(problem) = problem {
        warn(&[&problem.to_string()]);
    }
    if locale.language() != Locale::default().language() {
        let catalogs = meta
            .as_ref()
            .and_then(|meta| meta.get_attribute(CATALOGS_ATTRIBUTE))
            .unwrap_or_default();
        let code = locale.language().code;
        // `ar=i18n/ar-1a2b3c.txt`, relative to the page's base URL, as `fetch` reads it.
        let file = catalogs
            .split_whitespace()
            .find_map(|pair| pair.strip_prefix(code)?.strip_prefix('='));
        match file {
            Some(file) => {
                return SiteLanguage::Fetch {
                    locale,
                    file: file.to_owned(),
                }
            }
            None => warn(&[
                "this build has no catalog for ",
                code,
                " (run news-blog build again)",
            ]),
        }
    }
    let words = Words::english();
    show_language(words.locale());
    SiteLanguage::Ready(words)
}

/// `locale`'s catalog from `file`, or English with a console warning when it cannot be read.
pub async fn read_catalog(locale: Locale, file: &str) -> Words {
    let catalog = match cached_or_fetched(file).await {
        Ok(body) => Catalog::from_compiled(locale, &body.text)
            .map_err(|problem| warn(&[file, ": ", problem.as_str()]))
            .ok(),
        Err(_) => {
            warn(&[file, " could not be loaded"]);
            None
        }
    };
    let words = catalog.map_or_else(Words::english, Words::new);
    show_language(words.locale());
    words
}

/// `<html lang>` and `dir` for the site's language (the prerendered page already has them;
/// a page the host switched to another language without a rebuild gets them here).
fn show_language(locale: Locale) {
    let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    else {
        return;
    };
    // English without a region is the catalog's variety, en-GB; a page switched back to
    // English from another language must not keep that one's `lang`.
    let locale = if locale.language() == Locale::default().language() && locale.region().is_none() {
        Locale::default()
    } else {
        locale
    };
    let _ = root.set_attribute("lang", &locale.html_lang());
    let _ = root.set_attribute("dir", locale.direction().as_str());
}

/// Says in the console why the site is in English: the language meta, then `pieces`.
fn warn(pieces: &[&str]) {
    let mut text = String::from("news-blog-language: ");
    for piece in pieces {
        text.push_str(piece);
    }
    text.push_str("; the site is in English");
    web_sys::console::warn_1(&text.into());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selector_names_the_language_meta() {
        assert_eq!(
            LANGUAGE_META_SELECTOR,
            format!("meta[name=\"{}\"]", news_model::LANGUAGE_META)
        );
    }
}
