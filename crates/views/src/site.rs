//! The site a page belongs to, and turning a content [`Link`] into an `href` or `src`, resolved
//! as the content format says: site-relative URLs against the site's base, other relative URLs
//! against the document they appear in.

use std::sync::Arc;

use news_model::{Link, LinkKind, PageLink, Route};

/// A URL split into the parts link resolution needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedUrl {
    /// The whole absolute URL.
    pub href: String,
    /// `http`, `https`, `mailto`, … (lower case, no colon).
    pub scheme: String,
    /// `scheme://host:port`, or `null` for URLs without one.
    pub origin: String,
    /// The path, percent-encoded, starting with `/` for web URLs.
    pub path: String,
    /// The path with its query and fragment, as a same-site link writes it.
    pub path_and_rest: String,
}

/// Resolves a URL against a base: the browser's `URL` in the app, the `url` crate in the
/// build. Both follow the WHATWG URL standard, so the two agree.
pub trait UrlParser: Send + Sync {
    /// `relative` resolved against the absolute `base`; `None` when either is not a URL.
    fn join(&self, base: &str, relative: &str) -> Option<ParsedUrl>;
}

/// The site a page belongs to, shared through context.
#[derive(Clone)]
pub struct Site {
    /// The site's name, shown in the header.
    pub name: String,
    /// Absolute URL of the site's root, ending in `/` (e.g. `https://example.org/news/`).
    pub base_url: String,
    /// The path of [`Site::base_url`], ending in `/` (`/news/`, or `/` at the root).
    pub base_path: String,
    /// `scheme://host:port` of [`Site::base_url`]: links elsewhere are other sites.
    pub origin: String,
    pub urls: Arc<dyn UrlParser>,
    /// The site pages every page's footer links, in order (the page setting
    /// `news_model::FOOTER_PAGES_META`).
    pub footer_pages: Vec<PageLink>,
}

impl Site {
    /// Builds the site from its root URL (made to end in `/`); the path comes from the parser.
    pub fn new(name: String, base_url: &str, urls: Arc<dyn UrlParser>) -> Site {
        let root = urls.join(base_url, "./");
        let base_url = root
            .as_ref()
            .map_or_else(|| base_url.to_owned(), |root| root.href.clone());
        let origin = root
            .as_ref()
            .map(|root| root.origin.clone())
            .unwrap_or_default();
        let base_path = root.map_or_else(|| "/".to_owned(), |root| root.path);
        Site {
            name,
            base_url,
            base_path,
            origin,
            urls,
            footer_pages: Vec::new(),
        }
    }

    /// The address of a page as a link writes it: `/news/article/raqqa`.
    pub fn href(&self, route: &Route) -> String {
        route.href(&self.base_path)
    }

    /// The absolute address of a page, for links that leave the site's own pages (the widget's
    /// "read on the site", feeds, canonical links): `https://example.org/news/article/raqqa/`.
    pub fn page_url(&self, route: &Route) -> String {
        format!("{}{}", self.base_url, route.canonical_path())
    }
}

/// Where a resolved link leads, which decides how it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Destination {
    /// A page of this app: the router navigates without reloading.
    App,
    /// Another file on this site (an image, a PDF): the browser loads it normally.
    SameSite,
    /// Another site or a mail address.
    Elsewhere,
}

/// A link ready for an attribute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedLink {
    /// What the attribute says: the path alone for this site's own addresses (so pages also
    /// work when previewed on another host), the whole URL otherwise.
    pub url: String,
    /// The whole URL, for requests and for documents read elsewhere (feeds).
    pub absolute: String,
    pub destination: Destination,
}

impl ResolvedLink {
    /// The `rel` attribute: other sites get no opener or referrer; same-site files are marked
    /// external so the router leaves them to the browser.
    pub fn rel(&self) -> Option<&'static str> {
        match self.destination {
            Destination::App => None,
            Destination::SameSite => Some("external"),
            Destination::Elsewhere => Some("noopener noreferrer"),
        }
    }
}

/// Resolves the links of one content document; provided through context by whoever shows it.
#[derive(Clone)]
pub struct LinkResolver {
    document_url: String,
    site: Site,
}

impl LinkResolver {
    pub fn new(document_url: impl Into<String>, site: Site) -> LinkResolver {
        LinkResolver {
            document_url: document_url.into(),
            site,
        }
    }

    /// Where `link` leads, or `None` if it cannot be made into a web or mail address.
    pub fn resolve(&self, link: &Link) -> Option<ResolvedLink> {
        let urls = &self.site.urls;
        let url = match link.kind() {
            LinkKind::SiteRelative => {
                urls.join(&self.site.base_url, link.as_str().trim_start_matches('/'))
            }
            LinkKind::DocumentRelative | LinkKind::Web | LinkKind::Mail => {
                urls.join(&self.document_url, link.as_str())
            }
        }?;
        // The allow-list already ran on the text; this checks what the parser made of it.
        if !matches!(url.scheme.as_str(), "http" | "https" | "mailto") {
            return None;
        }
        if url.scheme == "mailto" || url.origin != self.site.origin {
            return Some(ResolvedLink {
                url: url.href.clone(),
                absolute: url.href,
                destination: Destination::Elsewhere,
            });
        }
        let is_app_page = Route::parse_under(&self.site.base_path, &url.path)
            .is_some_and(|route| route.is_in_app());
        Some(ResolvedLink {
            url: url.path_and_rest,
            absolute: url.href,
            destination: if is_app_page {
                Destination::App
            } else {
                Destination::SameSite
            },
        })
    }
}
