//! The feeds, the sitemap, robots.txt and the hosts' header and redirect files.

use std::path::Path;

use news_model::Route;

use crate::files::{write, FileError};
use crate::{feeds, host_files, language};

use super::{BuildError, Context, Step};

/// `feed.json`, `rss.xml`, `sitemap.xml` (with the article pages and `pages`) and `robots.txt`.
pub(super) fn write_feeds(context: &Context, pages: &[Route]) -> Result<(), BuildError> {
    let Context {
        site,
        index,
        newest,
        listed,
        ..
    } = context;
    let language = context.words.locale().html_lang();
    let head = feeds::FeedHead {
        title: &index.title,
        description: index.description.as_deref(),
        language: &language,
    };
    let files = [
        (
            "feed.json",
            feeds::json_feed(site, &context.content_urls, &head, newest),
        ),
        ("rss.xml", feeds::rss(site, &head, newest)),
        ("robots.txt", feeds::robots(site)),
    ];
    let file_error = |source| BuildError::File {
        step: Step::Feeds,
        source,
    };
    for (name, text) in files {
        write(&context.dist.join(name), text).map_err(file_error)?;
    }
    let sitemaps = feeds::sitemaps(site, pages, listed, feeds::SITEMAP_URL_LIMIT);
    remove_stale_sitemaps(context.dist, &sitemaps).map_err(file_error)?;
    for (name, text) in sitemaps {
        write(&context.dist.join(name), text).map_err(file_error)?;
    }
    Ok(())
}

/// Removes numbered sitemaps (and their compressed copies) an earlier, larger build wrote
/// that this one does not.
pub(super) fn remove_stale_sitemaps(
    dist: &Path,
    current: &[(String, String)],
) -> Result<(), FileError> {
    let Ok(entries) = std::fs::read_dir(dist) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let base = name
            .strip_suffix(".br")
            .or_else(|| name.strip_suffix(".gz"))
            .unwrap_or(&name);
        let is_current = current.iter().any(|(file, _)| file == base);
        if feeds::is_numbered_sitemap(&name) && !is_current {
            let path = entry.path();
            std::fs::remove_file(&path).map_err(FileError::at(&path))?;
        }
    }
    Ok(())
}

/// `_headers` and `_redirects`, for hosts configured by files in the site.
pub(super) fn write_host_files(context: &Context) -> Result<(), BuildError> {
    let file_error = |source| BuildError::File {
        step: Step::HostFiles,
        source,
    };
    let entries = std::fs::read_dir(context.dist).map_err(|source| {
        file_error(FileError {
            path: context.dist.to_owned(),
            source,
        })
    })?;
    let mut hashed: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| host_files::is_hashed(name))
        .collect();
    // The compiled catalogs, named by their content too.
    if let Ok(catalogs) = std::fs::read_dir(context.dist.join(language::CATALOG_FOLDER)) {
        hashed.extend(
            catalogs
                .filter_map(Result::ok)
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".txt"))
                .map(|name| format!("{}/{name}", language::CATALOG_FOLDER)),
        );
    }
    hashed.sort();
    write(
        &context.dist.join("_headers"),
        host_files::headers(&context.site, &hashed, context.source_origin.as_deref()),
    )
    .map_err(file_error)?;
    write(
        &context.dist.join("_redirects"),
        host_files::redirects(&context.site),
    )
    .map_err(file_error)
}
