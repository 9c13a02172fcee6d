//! `news-blog build`: turns the single-page build in `dist/` into a site that works on any
//! static file server, at the root or under a sub-path, with or without JavaScript.
//!
//! The build is a short list of steps, each in a module of its own: make Trunk's page the
//! template (`page_template`), read the content, write the articles' pages (`article_pages`),
//! the topics' (`topic_pages`), the feeds, sitemap and host files (`site_files`), the 404,
//! widget and search pages (`fallback_pages`), the offline worker and the web app manifest
//! (`offline`), remove what is gone (`prune`), and write the
//! precompressed copies (`precompress`).

mod app_icons;
mod article_pages;
mod fallback_pages;
mod offline;
mod page_template;
mod precompress;
mod prune;
mod related;
mod site_files;
mod site_pages;
mod topic_pages;

pub use offline::WORKER_FILE;

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use news_model::related::RelatedBy;
use news_model::sources::ContentSource;
use news_model::{
    parse_feed_index, parse_footer_pages, parse_page_links, site_name_or_default, Article,
    FeedEntry, FeedIndex, LinkKind, PageLink, Rejected, Slug, ARTICLE_URL_META, FOOTER_PAGES_META,
    INDEX_URL_META, SITE_NAME_META,
};
use news_views::components::needs_app_note::PublisherSearch;
use news_views::content_urls::ContentUrls;
use news_views::site::Site;
use news_views::words::Words;
use url::Url;

use crate::article_scan::{self, ArticleScan, Listed};
use crate::boot::BootError;
use crate::files::{read_text, FileError};
use crate::manifest::{fingerprint, program_fingerprint, Manifest};
use crate::template::{self, TemplateError};
use crate::{feeds, language, search_index};
use related::RelatedLists;

use article_pages::{write_pages, PresentOutputs};
use fallback_pages::{write_embed_loader, write_fallback_pages, write_search_page};
use page_template::{
    build_time, join_stylesheets, publisher_search, read_trunk_page, site_base_url,
    with_boot_script, with_content_language, with_footer_pages, with_noscript_stylesheet,
    with_source_settings,
};
use precompress::{precompress, precompress_search_index};
use prune::{remove_deleted_articles, remove_earlier_page_files, remove_pages_of};
use site_files::{write_feeds, write_host_files};
use site_pages::write_site_pages;
use topic_pages::write_topics;

/// What the build writes, for the summary line.
pub struct Built {
    pub n_articles: usize,
    /// How many articles' pages were rendered (the others were as the last build left them).
    pub n_rendered: usize,
    pub skipped: Vec<String>,
    pub search: search_index::Outcome,
}

/// The step a build error happened in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    ReadPage,
    BootScript,
    Stylesheet,
    ReadContent,
    Pages,
    Feeds,
    FallbackPages,
    HostFiles,
    Prune,
    Precompress,
    Manifest,
    Topics,
    SitePages,
    SearchIndex,
    Offline,
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Step::ReadPage => "reading Trunk's page",
            Step::BootScript => "writing the boot script",
            Step::Stylesheet => "joining the stylesheets",
            Step::ReadContent => "reading the content",
            Step::Pages => "writing the pages",
            Step::Feeds => "writing the feeds and sitemap",
            Step::FallbackPages => "writing the 404 and widget pages",
            Step::HostFiles => "writing the hosts' header and redirect files",
            Step::Prune => "removing the pages of deleted articles and earlier builds' files",
            Step::Precompress => "writing the precompressed copies",
            Step::Manifest => "writing the build manifest",
            Step::Topics => "writing the section, tag and author pages",
            Step::SitePages => "writing the site's own pages",
            Step::SearchIndex => "writing the search page and index",
            Step::Offline => "writing the offline worker and the web app manifest",
        })
    }
}

/// Why a build stopped: the step, the file, and what was wrong with it (each cause is its
/// `source`, which the command prints below it).
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("--site-url {url:?} {reason}")]
    SiteUrl { url: String, reason: String },
    #[error("the build time: {reason}")]
    BuildTime { reason: String },
    #[error("{step}")]
    File {
        step: Step,
        #[source]
        source: FileError,
    },
    #[error("{step}: {}", path.display())]
    Template {
        step: Step,
        path: PathBuf,
        #[source]
        source: TemplateError,
    },
    #[error("{step}")]
    Boot {
        step: Step,
        #[source]
        source: BootError,
    },
    #[error("{}", Step::SearchIndex)]
    SearchIndex {
        #[from]
        source: search_index::SearchIndexError,
    },
    #[error("{step}: {}: {rejected}", path.display())]
    Content {
        step: Step,
        path: PathBuf,
        rejected: Rejected,
    },
}

/// Everything the page-writing steps share.
struct Context<'a> {
    dist: &'a Path,
    site: Site,
    /// The site's words in its language.
    words: Words,
    /// Trunk's page with the base set and the boot script named: the template of every page.
    page: String,
    content_urls: ContentUrls,
    /// When the pages were built, RFC 3339.
    built: String,
    index: FeedIndex,
    /// Every article, as the sitemap lists it.
    listed: Vec<Listed>,
    /// The newest articles, as the feeds carry them.
    newest: Vec<Article>,
    /// The first index page's entries, newest first: where related stories are picked from.
    related: RelatedLists,
    /// The origin of the source the app reads live, which the policy must let it reach.
    source_origin: Option<String>,
    /// The publisher's own search, offered where this copy has no page for an address.
    publisher_search: Option<PublisherSearch>,
}

/// Prerenders the site in `dist` for the public URL `site_url` (its path is the base path).
/// With a `source`, its content folder holds that source's stories (imported first) and every
/// page names the source, so the app reads it live after the first paint.
pub fn build(
    dist: &Path,
    site_url: &str,
    source: Option<&ImportedSource>,
    indexer: &search_index::Indexer,
) -> Result<Built, BuildError> {
    let base_url = site_base_url(site_url)?;
    let trunk_page = read_trunk_page(dist)?;
    // Every built page is readable without JavaScript (404.html by its <noscript> copy); the
    // "needs JavaScript" note is for the bare app page only.
    let (page, app_builds) = with_boot_script(dist, &trunk_page, &base_url)?;
    let page = template::without_noscript(&page);
    let page = join_stylesheets(dist, &page)?;
    let page = with_noscript_stylesheet(dist, &page)?;
    let page = offline::with_manifest_link(&page);
    let page = match source {
        Some(source) => with_source_settings(&page, source),
        None => page,
    };
    let content = dist.join("content");
    let (index, first_page, footer_pages) = read_index(&content)?;
    let page = with_content_language(&page, index.language.as_ref());
    let page = with_footer_pages(&page, &footer_pages);
    let (page, words) = language::apply(dist, &page).map_err(|source| BuildError::File {
        step: Step::ReadPage,
        source,
    })?;
    let mut site = crate::site::site(
        &base_url,
        site_name_or_default(template::meta_content(&page, SITE_NAME_META).as_deref()),
    );
    // The footer links what the page's setting names, as the app does: the host's own, or
    // the index's.
    site.footer_pages = template::meta_content(&page, FOOTER_PAGES_META)
        .map(|setting| parse_page_links(&setting))
        .unwrap_or_default();
    let (content_urls, warnings) = ContentUrls::new(
        &site,
        template::meta_content(&page, INDEX_URL_META).as_deref(),
        template::meta_content(&page, ARTICLE_URL_META).as_deref(),
    );
    for warning in warnings {
        eprintln!("warning: {warning}");
    }
    // Related stories come from the first index page, newest first: what the app has too.
    let first_page = FeedIndex {
        title: String::new(),
        description: None,
        entries: first_page,
        next: None,
        language: None,
    }
    .into_newest_first();
    let related = RelatedLists::new(first_page);
    let source_origin = source
        .and_then(|imported| imported.source.address())
        .and_then(|address| Url::parse(address).ok())
        .map(|address| address.origin().ascii_serialization());
    let shared = shared_fingerprint(&page, &base_url, source_origin.as_deref());
    let previous = shared.and_then(|shared| Manifest::previous(dist, shared));
    let present = PresentOutputs::read(dist);
    let checks = article_scan::Checks {
        has_pages: |stem: &str| present.has_all(stem),
        related_hash: |by: &RelatedBy| related.fingerprint(by),
    };
    let scan = article_scan::scan(&content, previous.as_ref(), &checks).map_err(|source| {
        BuildError::File {
            step: Step::ReadContent,
            source,
        }
    })?;
    let newest = article_scan::newest_articles(&content, &scan, feeds::STORIES_PER_FEED);
    let ArticleScan {
        to_render,
        seo,
        listed,
        records,
        mut skipped,
    } = scan;
    let context = Context {
        dist,
        site,
        words,
        page,
        content_urls,
        built: build_time()?,
        index,
        listed,
        newest,
        related,
        source_origin,
        publisher_search: source.and_then(publisher_search),
    };
    write_pages(&context, &to_render, &seo)?;
    let mut page_routes = write_topics(&context)?;
    let (site_page_routes, skipped_pages) = write_site_pages(&context)?;
    page_routes.extend(site_page_routes);
    skipped.extend(skipped_pages);
    write_feeds(&context, &page_routes)?;
    write_fallback_pages(&context, &to_render)?;
    // The parsed articles go before Pagefind runs: at 100,000 they hold over a gigabyte.
    let rendered: Vec<Slug> = to_render.into_iter().map(|article| article.slug).collect();
    crate::give_back_freed_memory();
    write_embed_loader(&context)?;
    write_search_page(&context)?;
    write_host_files(&context)?;
    offline::write_offline_files(&context, &app_builds)?;
    match &previous {
        Some(previous) => remove_pages_of(dist, &previous.gone_from(&records))?,
        None => remove_deleted_articles(&context)?,
    }
    let stories = search_index::Stories {
        listed: &context.listed,
        rendered: &rendered.iter().map(Slug::as_str).collect::<HashSet<&str>>(),
    };
    // Pagefind keeps about one core busy and the compression the other (measured at 100,000
    // stories on two cores), so the one runs beside the other: as long as the longer of them,
    // not both. Its folder is compressed once it is written.
    let (search, compressed) = std::thread::scope(|scope| {
        let search = scope.spawn(|| search_index::write(dist, indexer, &stories));
        let compressed = precompress(&context, &rendered, previous.is_some());
        let search = search
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (search, compressed)
    });
    compressed?;
    let search = search?;
    precompress_search_index(dist, &search)?;
    if let Some(shared) = shared {
        Manifest::new(shared, records)
            .save(dist)
            .map_err(|source| BuildError::File {
                step: Step::Manifest,
                source,
            })?;
    }
    remove_earlier_page_files(dist, &context.page)?;
    Ok(Built {
        n_articles: context.listed.len(),
        n_rendered: rendered.len(),
        skipped,
        search,
    })
}

/// Fingerprint of everything every page depends on: the page template (with its settings),
/// the site's address, the source's origin, and this program (a new version renders
/// differently). `None` when the program cannot read itself: then nothing is taken as it was.
fn shared_fingerprint(page: &str, base_url: &Url, source_origin: Option<&str>) -> Option<u64> {
    let program = program_fingerprint()?;
    Some(fingerprint([
        page.as_bytes(),
        base_url.as_str().as_bytes(),
        source_origin.unwrap_or_default().as_bytes(),
        &program.to_le_bytes(),
    ]))
}

/// A publisher's source whose stories were imported into the content folder, and its name.
pub struct ImportedSource {
    pub source: ContentSource,
    pub site_name: String,
}

/// The first page of the index with the entries of the older pages its relative `next` links
/// name, and the first page's own entries.
/// The index with the entries of all its pages, the first page's entries, and the footer's
/// pages it lists.
fn read_index(content: &Path) -> Result<(FeedIndex, Vec<FeedEntry>, Vec<PageLink>), BuildError> {
    let path = content.join("index.json");
    let text = read_text(&path).map_err(|source| BuildError::File {
        step: Step::ReadContent,
        source,
    })?;
    let mut index = parse_feed_index(&text)
        .map_err(|rejected| BuildError::Content {
            step: Step::ReadContent,
            path: path.clone(),
            rejected,
        })?
        .document;
    let first_page = index.entries.clone();
    let footer_pages = parse_footer_pages(&text).document;
    let mut next = index.next.take();
    let mut n_pages = 1;
    while let Some(link) = next.filter(|link| link.kind() == LinkKind::DocumentRelative) {
        n_pages += 1;
        let Ok(text) = read_text(&content.join(link.as_str())) else {
            break;
        };
        let Ok(page) = parse_feed_index(&text) else {
            break;
        };
        index.entries.extend(page.document.entries);
        next = page.document.next.filter(|_| n_pages < 10_000);
    }
    Ok((index, first_page, footer_pages))
}
