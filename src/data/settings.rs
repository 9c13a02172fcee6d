//! The page settings, read from the served page's `<meta>` tags so a host can rename the site
//! or point the same build at other files or an API without rebuilding (see
//! `news_model::INDEX_URL_META` and the README). Relative values resolve against the page's
//! base URL (`<base href>`), so they work at any sub-path.

use std::sync::Arc;

use news_model::sources::{ContentSource, SourceSettingError};
use news_model::{
    parse_page_links, site_name_or_default, Slug, ARTICLE_URL_META, FOOTER_PAGES_META,
    INDEX_URL_META, SITE_NAME_META,
};
use news_views::content_urls::ContentUrls;
use news_views::site::Site;
use wasm_bindgen::JsCast;

use super::links::BrowserUrls;

/// The site and where its content is, shared through context.
#[derive(Clone)]
pub struct Settings {
    pub site: Site,
    pub content: ContentUrls,
    /// Where stories come from, or why the page's source settings cannot be used.
    pub source: Result<ContentSource, SourceSettingError>,
}

impl Settings {
    /// Reads the settings every build reads from the current page, falling back to the
    /// defaults (with a console warning for the host) for any value that is missing or
    /// unusable. The app asks `stories::page_settings`, which adds what its build's reader
    /// reads (a source's address).
    pub(super) fn from_page() -> Settings {
        let document = web_sys::window().and_then(|window| window.document());
        let base_url = document
            .as_ref()
            .and_then(|document| document.base_uri().ok().flatten())
            .unwrap_or_else(|| "/".to_owned());
        let mut settings = Settings::new(
            &base_url,
            site_name_or_default(meta_content(SITE_NAME_META).as_deref()),
            meta_content(INDEX_URL_META).as_deref(),
            meta_content(ARTICLE_URL_META).as_deref(),
        );
        if let Some(pages) = meta_content(FOOTER_PAGES_META) {
            settings.site.footer_pages = parse_page_links(&pages);
        }
        settings
    }

    /// The settings of a site at `base_url` with the given page settings.
    pub fn new(
        base_url: &str,
        site_name: String,
        index_setting: Option<&str>,
        article_setting: Option<&str>,
    ) -> Settings {
        let site = Site::new(site_name, base_url, Arc::new(BrowserUrls));
        let (content, warnings) = ContentUrls::new(&site, index_setting, article_setting);
        for warning in warnings {
            web_sys::console::warn_1(&warning.into());
        }
        Settings {
            site,
            content,
            source: Ok(ContentSource::Json),
        }
    }

    /// The URL to load an article from.
    pub fn article_url(&self, slug: &Slug) -> String {
        self.content.article_url(slug)
    }

    /// The base path the router works under, without a trailing `/` (`""` at the root).
    pub fn router_base(&self) -> String {
        self.site.base_path.trim_end_matches('/').to_owned()
    }
}

/// The `content` of the page's `<meta name="{name}">`, if it has one.
pub fn meta_content(name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let element = document
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??;
    element
        .dyn_ref::<web_sys::HtmlMetaElement>()
        .map(|meta| meta.content())
}
