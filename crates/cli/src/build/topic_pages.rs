//! Each section's, tag's and author's index documents and page.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use news_i18n::{Msg, Plural};
use news_model::feed_index_to_json;
use news_model::topic::TopicKind;
use news_model::{FeedEntry, FeedIndex, Link, Route};
use news_views::site::LinkResolver;

use crate::files::{write, FileError};
use crate::{pages, topics};

use super::article_pages::write_website_page;
use super::{BuildError, Context, Step};

/// Each section's, tag's and author's index documents (`content/section/{key}.json` …, paged)
/// and prerendered page, and the removal of those of topics that are gone. Returns the pages'
/// routes, for the sitemap.
pub(super) fn write_topics(context: &Context) -> Result<Vec<Route>, BuildError> {
    let Context {
        site,
        words,
        dist,
        content_urls,
        ..
    } = context;
    let file_error = |source| BuildError::File {
        step: Step::Topics,
        source,
    };
    let index_resolver = LinkResolver::new(content_urls.index_url.clone(), site.clone());
    // The index names no authors: each story's come from its article, as the build read it.
    let authors: HashMap<&str, &Vec<String>> = context
        .listed
        .iter()
        .map(|listed| (listed.slug.as_str(), &listed.authors))
        .collect();
    let newest_first: Vec<FeedEntry> = context
        .index
        .newest_first()
        .into_iter()
        .map(|entry| FeedEntry {
            authors: entry
                .story
                .slug()
                .and_then(|slug| authors.get(slug.as_str()))
                .map_or_else(Vec::new, |names| (*names).clone()),
            ..entry.clone()
        })
        .collect();
    let found = topics::topics(&newest_first);
    let mut written: HashSet<PathBuf> = HashSet::new();
    let mut routes = Vec::with_capacity(found.len());
    for topic in &found {
        // The documents live in a folder below the index: their pictures' addresses are made
        // absolute, so they name the same files from there (in the documents and the page).
        let story_count = context
            .words
            .plural(Plural::TopicStoryCount, topic.entries.len());
        let documents: Vec<FeedIndex> = topic
            .documents(&story_count)
            .into_iter()
            .map(|document| FeedIndex {
                entries: document
                    .entries
                    .iter()
                    .map(|entry| with_absolute_pictures(entry, &index_resolver))
                    .collect(),
                ..document
            })
            .collect();
        for (idx, document) in documents.iter().enumerate() {
            let path = dist
                .join("content")
                .join(topic.topic.document_file(idx + 1));
            let json = serde_json::to_string(&feed_index_to_json(document))
                .unwrap_or_else(|_| "{}".to_owned());
            write(&path, json).map_err(file_error)?;
            written.insert(path);
        }
        let route = topic.topic.route();
        let Some(first) = documents.first() else {
            continue;
        };
        let document_url = index_resolver
            .resolve(&Link::parse(&topic.topic.document_path(1)).map_err(|_| {
                file_error(FileError {
                    path: dist.join(topic.topic.document_file(1)),
                    source: std::io::Error::other("the topic's document has no address"),
                })
            })?)
            .map(|resolved| resolved.absolute)
            .unwrap_or_else(|| content_urls.index_url.clone());
        let title = words.page_title(&topic.name, &site.name);
        let stories = words.plural(Plural::TopicStoryCount, topic.entries.len());
        let description = words.fill(
            Msg::TopicDescription,
            &[("topic", &topic.name), ("stories", &stories)],
        );
        let body = pages::home(site, words, first, &document_url);
        write_website_page(context, Step::Topics, &route, &title, &description, &body)?;
        written.insert(dist.join(route.file()));
        routes.push(route);
    }
    for kind in TopicKind::ALL {
        for folder in [
            dist.join(kind.folder()),
            dist.join("content").join(kind.folder()),
        ] {
            remove_unwritten(&folder, &written).map_err(file_error)?;
        }
    }
    Ok(routes)
}

/// `entry` with its picture's addresses (resolved against the index) made absolute.
pub(super) fn with_absolute_pictures(
    entry: &FeedEntry,
    index_resolver: &LinkResolver,
) -> FeedEntry {
    let absolute = |link: &Link| {
        index_resolver
            .resolve(link)
            .and_then(|resolved| Link::parse(&resolved.absolute).ok())
            .unwrap_or_else(|| link.clone())
    };
    let mut entry = entry.clone();
    if let Some(image) = entry.image.as_mut() {
        image.src = absolute(&image.src);
        for source in &mut image.sources {
            source.src = absolute(&source.src);
        }
    }
    entry
}

/// Removes the files under `folder` (a folder the build alone writes) that are not in
/// `written`, with their compressed copies, and the folders left empty.
pub(super) fn remove_unwritten(folder: &Path, written: &HashSet<PathBuf>) -> Result<(), FileError> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Ok(());
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if entry.file_type().is_ok_and(|kind| kind.is_dir()) {
            remove_unwritten(&path, written)?;
            if std::fs::read_dir(&path).is_ok_and(|mut rest| rest.next().is_none()) {
                std::fs::remove_dir(&path).map_err(FileError::at(&path))?;
            }
            continue;
        }
        let name = path.to_string_lossy();
        let original = PathBuf::from(
            name.strip_suffix(".br")
                .or_else(|| name.strip_suffix(".gz"))
                .unwrap_or(&name),
        );
        if !written.contains(&original) {
            std::fs::remove_file(&path).map_err(FileError::at(&path))?;
        }
    }
    Ok(())
}
