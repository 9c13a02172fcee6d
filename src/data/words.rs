//! The site's language: `<meta name="news-blog-language">` (English when absent, unknown or
//! not shipped, with a console warning for the host), the page's `lang` and `dir`, and the
//! words the app draws with. English is compiled in; another language's compiled catalog is
//! fetched once, before the app mounts, from the file the build named on the same meta
//! (`data-catalogs="ar=i18n/ar-1a2b3c.txt es=…"`), so a site loads only its own language.

use news_i18n::{Catalog, Locale};
use news_model::LANGUAGE_META;
use news_views::words::Words;

use super::fetch::cached_or_fetched;

/// The attribute of the language meta naming each language's compiled catalog.
pub const CATALOGS_ATTRIBUTE: &str = "data-catalogs";

/// The site's words: English, or the page's language read from its catalog (English with a
/// console warning when it cannot be loaded). Sets `<html lang>` and `dir` to match.
pub async fn site_words() -> Words {
    let meta = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector(&format!("meta[name=\"{LANGUAGE_META}\"]"))
                .ok()
                .flatten()
        });
    let tag = meta
        .as_ref()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default();
    let tag = tag.trim();
    if tag.is_empty() {
        return Words::english();
    }
    let (locale, problem) = Locale::parse_or_english(tag);
    if let Some(problem) = problem {
        warn(&format!(
            "{LANGUAGE_META}: {problem}; the site is in English"
        ));
    }
    let catalog = if locale.language() == Locale::default().language() {
        Catalog::english()
    } else {
        let catalogs = meta
            .as_ref()
            .and_then(|meta| meta.get_attribute(CATALOGS_ATTRIBUTE))
            .unwrap_or_default();
        read_catalog(locale, &catalogs).await
    };
    show_language(&catalog.locale());
    Words::new(catalog)
}

/// `locale`'s catalog from the file `catalogs` names for it, or English.
async fn read_catalog(locale: Locale, catalogs: &str) -> Catalog {
    let code = locale.language().code;
    let file = catalogs
        .split_whitespace()
        .find_map(|pair| pair.strip_prefix(code)?.strip_prefix('='));
    let Some(file) = file else {
        warn(&format!(
            "{LANGUAGE_META}: this build has no catalog for {code} (run news-blog build again); \
             the site is in English"
        ));
        return Catalog::english();
    };
    let base = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .unwrap_or_default();
    let url = web_sys::Url::new_with_base(file, &base)
        .map(|url| url.href())
        .unwrap_or_else(|_| file.to_owned());
    match cached_or_fetched(&url).await {
        Ok(body) => Catalog::from_compiled(locale, &body.text).unwrap_or_else(|problem| {
            warn(&format!("{url}: {problem}; the site is in English"));
            Catalog::english()
        }),
        Err(_) => {
            warn(&format!(
                "{url} could not be loaded; the site is in English"
            ));
            Catalog::english()
        }
    }
}

/// `<html lang>` and `dir` for the site's language (the prerendered page already has them;
/// a page the host switched to another language without a rebuild gets them here).
fn show_language(locale: &Locale) {
    let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    else {
        return;
    };
    // English keeps the page's own `lang` (en-GB, the catalog's variety).
    if locale.language() != Locale::default().language() {
        let _ = root.set_attribute("lang", &locale.html_lang());
    }
    let _ = root.set_attribute("dir", locale.direction().as_str());
}

fn warn(text: &str) {
    web_sys::console::warn_1(&text.into());
}
