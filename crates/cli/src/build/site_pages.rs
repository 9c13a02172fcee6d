//! The site's own pages (About, Contact, Corrections): one prerendered page each for the
//! documents in `content/pages/`, and the removal of those whose document is gone.

use std::collections::HashSet;
use std::path::PathBuf;

use news_model::{parse_site_page, Route, SitePage};

use crate::content::{page_files, PAGES_FOLDER};
use crate::files::read_text;
use crate::pages;

use super::article_pages::write_website_page;
use super::topic_pages::remove_unwritten;
use super::{BuildError, Context, Step};

/// Writes `page/{slug}/index.html` for each valid `content/pages/{slug}.json` and removes the
/// pages of documents that are gone. Returns the pages' routes, for the sitemap, and the
/// documents that do not parse (`pages/<name>.json`).
pub(super) fn write_site_pages(context: &Context) -> Result<(Vec<Route>, Vec<String>), BuildError> {
    let Context {
        site,
        words,
        dist,
        content_urls,
        ..
    } = context;
    let file_error = |source| BuildError::File {
        step: Step::SitePages,
        source,
    };
    let mut written: HashSet<PathBuf> = HashSet::new();
    let mut routes = Vec::new();
    let mut skipped = Vec::new();
    for path in page_files(&dist.join("content")).map_err(file_error)? {
        let stem = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = read_text(&path).map_err(file_error)?;
        let page: SitePage = match parse_site_page(&text) {
            Ok(parsed) if parsed.document.slug.as_str() == stem => parsed.document,
            _ => {
                skipped.push(format!("{PAGES_FOLDER}/{stem}.json"));
                continue;
            }
        };
        let route = Route::Page(page.slug.clone());
        let document_url = content_urls.page_url(site, &page.slug);
        let title = words.page_title(&page.title, &site.name);
        let description = page.summary.clone().unwrap_or_else(|| page.title.clone());
        let body = pages::site_page(site, words, &page, &document_url);
        write_website_page(
            context,
            Step::SitePages,
            &route,
            &title,
            &description,
            &body,
        )?;
        written.insert(dist.join(route.file()));
        routes.push(route);
    }
    remove_unwritten(&dist.join(Route::SITE_PAGES_FOLDER), &written).map_err(file_error)?;
    Ok((routes, skipped))
}
