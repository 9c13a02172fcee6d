//! The site being built: its public URL and name, with URLs resolved by the `url` crate the
//! way the browser resolves them in the app.

use std::sync::Arc;

use news_model::{Route, Slug};
use news_views::site::{ParsedUrl, Site, UrlParser};
use url::Url;

/// WHATWG URL resolution for the build, standing in for the browser's `URL`.
struct NativeUrls;

impl UrlParser for NativeUrls {
    fn join(&self, base: &str, relative: &str) -> Option<ParsedUrl> {
        let url = Url::parse(base).ok()?.join(relative).ok()?;
        Some(ParsedUrl {
            href: url.to_string(),
            scheme: url.scheme().to_owned(),
            origin: url.origin().ascii_serialization(),
            path: url.path().to_owned(),
            path_and_rest: url[url::Position::BeforePath..].to_owned(),
        })
    }
}

/// The site at `base_url` (ending in `/`) called `name`.
pub fn site(base_url: &Url, name: String) -> Site {
    Site::new(name, base_url.as_str(), Arc::new(NativeUrls))
}

/// An absolute URL under the site's root, such as `feed.json`.
pub fn site_file_url(site: &Site, relative: &str) -> String {
    format!("{}{relative}", site.base_url)
}

/// The public address of an article's page.
pub fn article_page_url(site: &Site, slug: &Slug) -> String {
    site.page_url(&Route::Article(slug.clone()))
}
