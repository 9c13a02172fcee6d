//! The News Blog's markup, written once: the presentational components (page frame, article,
//! body blocks, pictures, feed, messages, loading shapes) that the app draws in the browser
//! and `news-blog build` renders to HTML for the prerendered pages.
//!
//! Components draw what they are given. What differs between the two worlds comes in through
//! context: [`site::Site`] (the site's name and base, and a [`site::UrlParser`] that is the
//! browser's `URL` in the app and the `url` crate in the build) and, per content document, a
//! [`site::LinkResolver`].

#[cfg(all(feature = "csr", feature = "ssr"))]
compile_error!(
    "news_views is built with both `csr` and `ssr`: build the app and the CLI separately \
     (cargo build -p news_blog_cli; trunk build), never with --workspace"
);

pub mod components;
pub mod content_urls;
pub mod load_error;
pub mod pacing;
pub mod site;
pub mod words;
