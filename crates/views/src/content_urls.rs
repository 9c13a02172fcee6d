//! Where a page's content documents are: the page settings (see `news_model::INDEX_URL_META`)
//! resolved against the site's base, with the defaults for anything missing or unusable.
//! The app reads the settings from the page it runs in; the build from the page it writes.

use news_model::{
    Slug, ARTICLE_URL_META, DEFAULT_ARTICLE_URL, DEFAULT_INDEX_URL, INDEX_URL_META,
    SLUG_PLACEHOLDER,
};

use crate::site::Site;

/// The absolute URLs of the feed index and of any article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentUrls {
    /// The first page of the feed index.
    pub index_url: String,
    /// An article's URL with [`SLUG_PLACEHOLDER`] where the slug goes.
    article_url_template: String,
}

impl ContentUrls {
    /// Resolves the two settings as written in the page. Returns, beside the URLs, a sentence
    /// for the host about each setting that was ignored.
    pub fn new(
        site: &Site,
        index_setting: Option<&str>,
        article_setting: Option<&str>,
    ) -> (ContentUrls, Vec<String>) {
        let mut warnings = Vec::new();
        let mut resolve = |name: &str, setting: Option<&str>, default: &str| {
            let setting = setting.map(str::trim).filter(|value| !value.is_empty());
            if let Some(value) = setting {
                if name == ARTICLE_URL_META && !value.contains(SLUG_PLACEHOLDER) {
                    warnings.push(format!(
                        "<meta name=\"{name}\"> must contain {SLUG_PLACEHOLDER}; using the default"
                    ));
                } else if let Some(url) = web_url(site, value) {
                    return url;
                } else {
                    warnings.push(format!(
                        "<meta name=\"{name}\"> is not an http(s) URL: {value:?}; using the default"
                    ));
                }
            }
            web_url(site, default).unwrap_or_else(|| default.to_owned())
        };
        let index_url = resolve(INDEX_URL_META, index_setting, DEFAULT_INDEX_URL);
        // URL parsing percent-encodes the braces of the placeholder.
        let article_url_template = resolve(ARTICLE_URL_META, article_setting, DEFAULT_ARTICLE_URL)
            .replace("%7Bslug%7D", SLUG_PLACEHOLDER);
        (
            ContentUrls {
                index_url,
                article_url_template,
            },
            warnings,
        )
    }

    /// The URL to load an article from. Only a valid [`Slug`] can be pasted into it.
    pub fn article_url(&self, slug: &Slug) -> String {
        self.article_url_template
            .replace(SLUG_PLACEHOLDER, slug.as_str())
    }
}

impl ContentUrls {
    /// The URL to load one of the site's own pages from (content format 1.2):
    /// `pages/{slug}.json` beside the index, `content/pages/{slug}.json` by default.
    pub fn page_url(&self, site: &Site, slug: &Slug) -> String {
        let page = format!("pages/{slug}.json");
        site.urls
            .join(&self.index_url, &page)
            .map_or(page, |url| url.href)
    }
}

fn web_url(site: &Site, value: &str) -> Option<String> {
    site.urls
        .join(&site.base_url, value)
        .filter(|url| matches!(url.scheme.as_str(), "http" | "https"))
        .map(|url| url.href)
}
