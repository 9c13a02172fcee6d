//! Where content comes from, read from `<meta>` tags in the served `index.html` so a host can
//! point the same build at other files or an API without rebuilding.
//!
//! ```html
//! <meta name="news-blog-index-url" content="content/index.json">
//! <meta name="news-blog-article-url" content="content/articles/{slug}.json">
//! ```
//! Both are resolved against the page's base URL (`<base href>`), so relative values work at
//! any sub-path.

use news_model::Slug;
use wasm_bindgen::JsCast;

pub const INDEX_URL_META: &str = "news-blog-index-url";
pub const ARTICLE_URL_META: &str = "news-blog-article-url";
pub const DEFAULT_INDEX_URL: &str = "content/index.json";
pub const DEFAULT_ARTICLE_URL: &str = "content/articles/{slug}.json";
const SLUG_PLACEHOLDER: &str = "{slug}";

/// The app's resolved locations, shared through context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Absolute URL of the app's root, ending in `/` (e.g. `https://example.org/news/`).
    pub base_url: String,
    /// The base path the router works under, without a trailing `/` (`""` at the root).
    pub router_base: String,
    /// Absolute URL of the first page of the feed index.
    pub index_url: String,
    /// Absolute URL template of an article, containing `{slug}`.
    article_url_template: String,
}

impl Settings {
    /// Reads the settings from the current page, falling back to the defaults (with a console
    /// warning for the host) for any value that is missing or unusable.
    pub fn from_page() -> Settings {
        let document = web_sys::window().and_then(|window| window.document());
        let base_url = document
            .as_ref()
            .and_then(|document| document.base_uri().ok().flatten())
            .unwrap_or_else(|| "/".to_owned());
        let meta = |name: &str| -> Option<String> {
            let selector = format!("meta[name=\"{name}\"]");
            let element = document.as_ref()?.query_selector(&selector).ok()??;
            element
                .dyn_ref::<web_sys::HtmlMetaElement>()
                .map(|meta| meta.content())
        };
        Settings::new(&base_url, meta(INDEX_URL_META), meta(ARTICLE_URL_META))
    }

    /// Builds settings from a base URL and the two optional location values.
    pub fn new(base_url: &str, index_url: Option<String>, article_url: Option<String>) -> Settings {
        // The directory of the base, so a `<base href>` naming a file still works.
        let base_url = resolve("./", base_url);
        let router_base = web_sys::Url::new(&base_url)
            .map(|url| url.pathname().trim_end_matches('/').to_owned())
            .unwrap_or_default();
        let index_url = index_url
            .and_then(|value| resolve_setting(INDEX_URL_META, &value, &base_url))
            .unwrap_or_else(|| resolve(DEFAULT_INDEX_URL, &base_url));
        let article_url_template = article_url
            .filter(|value| {
                let has_placeholder = value.contains(SLUG_PLACEHOLDER);
                if !has_placeholder {
                    warn(&format!("<meta name=\"{ARTICLE_URL_META}\"> must contain {SLUG_PLACEHOLDER}; using the default"));
                }
                has_placeholder
            })
            .and_then(|value| resolve_setting(ARTICLE_URL_META, &value, &base_url))
            // `new URL` percent-encodes the braces of the placeholder.
            .map(|url| url.replace("%7Bslug%7D", SLUG_PLACEHOLDER))
            .unwrap_or_else(|| resolve(DEFAULT_ARTICLE_URL, &base_url).replace("%7Bslug%7D", SLUG_PLACEHOLDER));
        Settings {
            base_url,
            router_base,
            index_url,
            article_url_template,
        }
    }

    /// The URL to load an article from. Only a valid [`Slug`] can be pasted into it.
    pub fn article_url(&self, slug: &Slug) -> String {
        self.article_url_template
            .replace(SLUG_PLACEHOLDER, slug.as_str())
    }

    /// The in-app path of an article, as a link's `href`.
    pub fn article_path(&self, slug: &Slug) -> String {
        format!("{}/article/{slug}", self.router_base)
    }

    /// The absolute address of an article's page, e.g. for a widget's "read on the site" link.
    pub fn article_page_url(&self, slug: &Slug) -> String {
        format!("{}article/{slug}", self.base_url)
    }

    /// The in-app path of the home feed.
    pub fn home_path(&self) -> String {
        format!("{}/", self.router_base)
    }
}

fn resolve(relative: &str, base: &str) -> String {
    web_sys::Url::new_with_base(relative, base)
        .map(|url| url.href())
        .unwrap_or_else(|_| relative.to_owned())
}

fn resolve_setting(name: &str, value: &str, base: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    match web_sys::Url::new_with_base(value, base) {
        Ok(url) if matches!(url.protocol().as_str(), "http:" | "https:") => Some(url.href()),
        _ => {
            warn(&format!(
                "<meta name=\"{name}\"> is not an http(s) URL: {value:?}; using the default"
            ));
            None
        }
    }
}

fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}
