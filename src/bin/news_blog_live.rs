//! The app built with the `live-sources` feature: the same app as `news_blog`, whose reader of
//! stories is the one of WordPress, Ghost and JSON Feed (see `news_blog::data::stories`). A
//! page's boot script loads this build only when the page's `news-blog-source` names one of
//! them (see ARCHITECTURE.md), so a site that reads its own JSON never carries the sources'
//! reading on its first page.

fn main() {
    news_blog::start();
}
