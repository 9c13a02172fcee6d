//! The page settings a host edits in the built HTML without rebuilding, their defaults, and the
//! page-title format: read by the app in the browser and by the build, defined only here.

/// `<meta>` naming the first page of the feed index.
pub const INDEX_URL_META: &str = "news-blog-index-url";
/// `<meta>` naming an article document; its value contains [`SLUG_PLACEHOLDER`].
pub const ARTICLE_URL_META: &str = "news-blog-article-url";
/// `<meta>` naming where stories come from: `json` (the default), `wordpress`, `ghost` or
/// `jsonfeed` (see [`crate::sources::ContentSource`]).
pub const SOURCE_META: &str = "news-blog-source";
/// `<meta>` with the source's address: the WordPress or Ghost site, or the feed's URL.
pub const SOURCE_URL_META: &str = "news-blog-source-url";
/// `<meta>` with a Ghost site's Content API key (public by design).
pub const SOURCE_KEY_META: &str = "news-blog-source-key";
/// `<meta>` with the site's language, a BCP 47 tag (`ar`, `es-MX`): the words, dates and
/// direction of the site's own text. English when absent, unknown or not shipped.
pub const LANGUAGE_META: &str = "news-blog-language";
/// `<meta>` with the site pages the footer links, in order: the JSON array of the index's
/// `pages` (`[{"slug": "about", "title": "About us"}]`). None when absent; `news-blog build`
/// writes it from the index.
pub const FOOTER_PAGES_META: &str = "news-blog-footer-pages";
/// `<meta>` that turns the offline worker off: `off` keeps the site from installing one and
/// removes one installed before (for hosts that want none). Any other value leaves it on.
pub const OFFLINE_META: &str = "news-blog-offline";
/// The attribute the boot script puts on `<html>` while a new build's offline worker waits to
/// take over, which shows every page's notice of a new version (`style/states.css` spells it
/// too).
pub const UPDATE_READY_MARK: &str = "data-news-blog-update";
/// The id of the element that holds a page's prerendered copy, written by the build; the app
/// takes its place, and the boot script keeps a reader's selection across that.
pub const PRERENDERED_ID: &str = "prerendered";
/// The id of the element the app draws into beside a prerendered copy, until it takes over.
pub const APP_ID: &str = "app";
/// What the offline worker adds to a copy it answers from the device: when the server sent
/// it, on the reader's clock (RFC 3339, empty when unknown), and the slugs of the stories the
/// device keeps, space-separated, last opened first.
pub const SAVED_HEADER: &str = "news-blog-saved";
pub const SAVED_STORIES_HEADER: &str = "news-blog-stories";
/// `<meta>` naming the site (the standard `application-name`).
pub const SITE_NAME_META: &str = "application-name";

/// Where the feed index is when the page does not say, relative to the site's base URL.
pub const DEFAULT_INDEX_URL: &str = "content/index.json";
/// Where an article is when the page does not say, relative to the site's base URL.
pub const DEFAULT_ARTICLE_URL: &str = "content/articles/{slug}.json";
/// What an article URL setting contains where the slug goes.
pub const SLUG_PLACEHOLDER: &str = "{slug}";
/// The site's name when the page does not give one.
pub const DEFAULT_SITE_NAME: &str = "News Blog";

/// The browser tab's title: "page – site", or the site's name alone for the home page.
pub fn page_title(page: &str, site_name: &str) -> String {
    if page.is_empty() || page == site_name {
        site_name.to_owned()
    } else {
        format!("{page} – {site_name}")
    }
}

/// The site's name from a setting's value, or the default when it is missing or blank.
pub fn site_name_or_default(value: Option<&str>) -> String {
    value
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .unwrap_or(DEFAULT_SITE_NAME)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_home_page_title_is_the_site_name_alone() {
        assert_eq!(page_title("", "Daily"), "Daily");
        assert_eq!(page_title("Daily", "Daily"), "Daily");
        assert_eq!(page_title("Rain", "Daily"), "Rain – Daily");
    }

    #[test]
    fn a_blank_site_name_falls_back_to_the_default() {
        assert_eq!(site_name_or_default(Some("  ")), DEFAULT_SITE_NAME);
        assert_eq!(site_name_or_default(Some(" Daily ")), "Daily");
    }
}
