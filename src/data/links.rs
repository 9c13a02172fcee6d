//! Links in the browser: URL resolution by the browser's own `URL` for the shared link
//! resolver (`news_views::site::LinkResolver`), and the next page of a feed index.

use news_model::FeedIndex;
use news_views::site::{LinkResolver, ParsedUrl, UrlParser};

/// The browser's `URL`, for [`news_views::site::Site`].
pub struct BrowserUrls;

impl UrlParser for BrowserUrls {
    fn join(&self, base: &str, relative: &str) -> Option<ParsedUrl> {
        let url = web_sys::Url::new_with_base(relative, base).ok()?;
        let path = url.pathname();
        Some(ParsedUrl {
            href: url.href(),
            scheme: url.protocol().trim_end_matches(':').to_owned(),
            origin: url.origin(),
            path_and_rest: format!("{path}{}{}", url.search(), url.hash()),
            path,
        })
    }
}

/// The absolute URL of the next, older page of a feed index, if it has one this app can load.
pub fn next_page_url(resolver: &LinkResolver, index: &FeedIndex) -> Option<String> {
    let next = resolver.resolve(index.next.as_ref()?)?;
    (!next.absolute.starts_with("mailto:")).then_some(next.absolute)
}
