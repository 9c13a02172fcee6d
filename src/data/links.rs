//! Turning a content [`Link`] into an `href` or `src`, resolved as the content format says:
//! site-relative URLs against the app's base, other relative URLs against the document.

use news_model::{FeedIndex, Link, LinkKind, Slug};

use super::settings::Settings;

/// Where a resolved link leads, which decides how the app draws it.
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
    pub url: String,
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

/// Resolves links that appear in one content document; shared through context by the page
/// that shows the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkResolver {
    document_url: String,
    settings: Settings,
}

impl LinkResolver {
    pub fn new(document_url: impl Into<String>, settings: Settings) -> LinkResolver {
        LinkResolver {
            document_url: document_url.into(),
            settings,
        }
    }

    /// The absolute URL of `link`, or `None` if the browser cannot make sense of it.
    pub fn resolve(&self, link: &Link) -> Option<ResolvedLink> {
        let url = match link.kind() {
            LinkKind::SiteRelative => {
                let path = link.as_str().trim_start_matches('/');
                web_sys::Url::new_with_base(path, &self.settings.base_url)
            }
            LinkKind::DocumentRelative => {
                web_sys::Url::new_with_base(link.as_str(), &self.document_url)
            }
            LinkKind::Web => web_sys::Url::new_with_base(link.as_str(), &self.document_url),
            LinkKind::Mail => web_sys::Url::new(link.as_str()),
        }
        .ok()?;
        // The allow-list already ran on the text; this checks what the browser made of it.
        if !matches!(url.protocol().as_str(), "http:" | "https:" | "mailto:") {
            return None;
        }
        let destination = self.destination_of(&url);
        Some(ResolvedLink {
            url: url.href(),
            destination,
        })
    }

    /// The absolute URL of the next, older page of a feed index, if it has one this app
    /// can load.
    pub fn resolve_next(&self, index: &FeedIndex) -> Option<String> {
        let next = self.resolve(index.next.as_ref()?)?;
        (!next.url.starts_with("mailto:")).then_some(next.url)
    }

    fn destination_of(&self, url: &web_sys::Url) -> Destination {
        let own_origin = web_sys::Url::new(&self.settings.base_url)
            .map(|base| base.origin())
            .unwrap_or_default();
        if url.origin() != own_origin {
            return Destination::Elsewhere;
        }
        let app_path = url.pathname();
        let route = app_path
            .strip_prefix(&self.settings.router_base)
            .unwrap_or("");
        let is_app_route = route == "/"
            || route
                .strip_prefix("/article/")
                .is_some_and(|slug| Slug::parse(slug).is_some());
        if is_app_route && app_path.starts_with(&self.settings.router_base) {
            Destination::App
        } else {
            Destination::SameSite
        }
    }
}
