//! `news-blog build`: turns the single-page build in `dist/` into a site that works on any
//! static file server, at the root or under a sub-path, with or without JavaScript.
//!
//! The build is a short list of steps, each its own function below: read Trunk's page and
//! the content, move the loader out, write the pages, the feeds and sitemap, the 404 and
//! widget pages, and the precompressed copies.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use news_i18n::{Msg, Plural};
use news_model::feed_index_to_json;
use news_model::related::{related_stories, RelatedBy};
use news_model::sources::ContentSource;
use news_model::{
    parse_feed_index, site_name_or_default, Article, FeedEntry, FeedIndex, LanguageTag, Link,
    LinkKind, Rejected, Route, Slug, StoryOutput, ARTICLE_URL_META, INDEX_URL_META, LANGUAGE_META,
    SITE_NAME_META, SOURCE_KEY_META, SOURCE_META, SOURCE_URL_META,
};
use news_views::components::needs_app_note::PublisherSearch;
use news_views::content_urls::ContentUrls;
use news_views::site::{LinkResolver, Site};
use news_views::words::Words;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use url::Url;

use crate::article_scan::{self, ArticleScan, Listed};
use crate::boot::{self, AppBuilds, BootError};
use crate::files::{read_text, remove_folder_if_present, remove_with_copies, write, FileError};
use crate::head;
use crate::manifest::{fingerprint, Manifest};
use crate::progress::Progress;
use crate::template::{self, TemplateError};
use crate::{compress, feeds, host_files, language, pages, search_index, stylesheet, topics};

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
    Loader,
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
    SearchIndex,
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Step::ReadPage => "reading Trunk's page",
            Step::Loader => "moving the loader out of the page",
            Step::Stylesheet => "joining the stylesheets",
            Step::ReadContent => "reading the content",
            Step::Pages => "writing the pages",
            Step::Feeds => "writing the feeds and sitemap",
            Step::FallbackPages => "writing the 404 and widget pages",
            Step::HostFiles => "writing the hosts' header and redirect files",
            Step::Prune => "removing the pages of deleted articles",
            Step::Precompress => "writing the precompressed copies",
            Step::Manifest => "writing the build manifest",
            Step::Topics => "writing the section and tag pages",
            Step::SearchIndex => "writing the search page and index",
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
    /// Trunk's page with the base set and the loader moved out: the template of every page.
    page: String,
    content_urls: ContentUrls,
    /// When the pages were built, RFC 3339.
    built: String,
    index: FeedIndex,
    /// The articles whose pages this build renders: new or changed since the last build.
    to_render: Vec<Article>,
    /// Every article, as the sitemap lists it.
    listed: Vec<Listed>,
    /// The newest articles, as the feeds carry them.
    newest: Vec<Article>,
    /// The first index page's entries, newest first: where related stories are picked from.
    first_page: Vec<FeedEntry>,
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
    let (page, app_builds) = move_loader_out(dist, &trunk_page, &base_url)?;
    let page = template::without_noscript(&page);
    let page = join_stylesheets(dist, &page)?;
    let page = with_noscript_stylesheet(dist, &page)?;
    let page = match source {
        Some(source) => with_source_settings(&page, source, &app_builds),
        None => page,
    };
    let content = dist.join("content");
    let (index, first_page) = read_index(&content)?;
    let page = with_content_language(&page, index.language.as_ref());
    let (page, words) = language::apply(dist, &page).map_err(|source| BuildError::File {
        step: Step::ReadPage,
        source,
    })?;
    let site = crate::site::site(
        &base_url,
        site_name_or_default(template::meta_content(&page, SITE_NAME_META).as_deref()),
    );
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
    let source_origin = source
        .and_then(|imported| imported.source.address())
        .and_then(|address| Url::parse(address).ok())
        .map(|address| address.origin().ascii_serialization());
    let shared = shared_fingerprint(&page, &base_url, source_origin.as_deref());
    let previous = shared.and_then(|shared| Manifest::previous(dist, shared));
    let checks = article_scan::Checks {
        has_pages: |stem: &str| has_pages(dist, stem),
        related_hash: |by: &RelatedBy| related_hash(&related_of(by, &first_page)),
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
        listed,
        records,
        skipped,
    } = scan;
    let context = Context {
        dist,
        site,
        words,
        page,
        content_urls,
        built: build_time()?,
        index,
        to_render,
        listed,
        newest,
        first_page,
        source_origin,
        publisher_search: source.and_then(publisher_search),
    };
    write_pages(&context)?;
    let topic_routes = write_topics(&context)?;
    write_feeds(&context, &topic_routes)?;
    write_fallback_pages(&context)?;
    write_search_page(&context)?;
    write_host_files(&context)?;
    let gone = match &previous {
        Some(previous) => {
            let gone = previous.gone_from(&records);
            remove_pages_of(dist, &gone)?;
            gone.len()
        }
        None => {
            remove_deleted_articles(&context)?;
            // Unknown: whatever was there may have gone.
            1
        }
    };
    let is_index_current = context.to_render.is_empty() && gone == 0;
    let search = search_index::write(dist, indexer, is_index_current)?;
    precompress(&context, previous.is_some(), &search)?;
    if let Some(shared) = shared {
        Manifest::new(shared, records)
            .save(dist)
            .map_err(|source| BuildError::File {
                step: Step::Manifest,
                source,
            })?;
    }
    Ok(Built {
        n_articles: context.listed.len(),
        n_rendered: context.to_render.len(),
        skipped,
        search,
    })
}

/// Fingerprint of everything every page depends on: the page template (with its settings),
/// the site's address, the source's origin, and this program (a new version renders
/// differently). `None` when the program cannot read itself: then nothing is taken as it was.
fn shared_fingerprint(page: &str, base_url: &Url, source_origin: Option<&str>) -> Option<u64> {
    let program = std::env::current_exe().and_then(std::fs::read).ok()?;
    Some(fingerprint([
        page.as_bytes(),
        base_url.as_str().as_bytes(),
        source_origin.unwrap_or_default().as_bytes(),
        &program,
    ]))
}

/// The files a build writes for one article, relative to the output folder: its page, its
/// widget page and its oEmbed answer.
fn pages_of(slug: &Slug) -> [String; 3] {
    StoryOutput::ALL.map(|output| output.file(slug))
}

/// Whether the pages of the article whose document is named `stem` are all in `dist`.
fn has_pages(dist: &Path, stem: &str) -> bool {
    Slug::parse(stem)
        .is_some_and(|slug| pages_of(&slug).iter().all(|file| dist.join(file).exists()))
}

/// Removes the outputs of the articles `gone` (named by their documents' stems).
fn remove_pages_of(dist: &Path, gone: &[String]) -> Result<(), BuildError> {
    for slug in gone.iter().filter_map(|stem| Slug::parse(stem)) {
        remove_story_outputs(dist, &slug).map_err(|source| BuildError::File {
            step: Step::Prune,
            source,
        })?;
    }
    Ok(())
}

/// Removes every output of the story `slug`, with the compressed copies: its page's and its
/// widget page's folders, and its oEmbed answer. The one way the build deletes a story.
fn remove_story_outputs(dist: &Path, slug: &Slug) -> Result<(), FileError> {
    for output in StoryOutput::ALL {
        let file = dist.join(output.file(slug));
        match output {
            StoryOutput::Page | StoryOutput::WidgetPage => {
                remove_folder_if_present(file.parent().unwrap_or(&file))?;
            }
            StoryOutput::OembedAnswer => remove_with_copies(&file)?,
        }
    }
    Ok(())
}

/// The precompressed copies. After a build with a manifest, only the per-story files of the
/// articles it rendered can be new; the site-wide files are all looked at.
fn precompress(
    context: &Context,
    had_manifest: bool,
    search: &search_index::Outcome,
) -> Result<(), BuildError> {
    let dist = context.dist;
    let progress = std::sync::Mutex::new(Progress::new("files compressed", None));
    let on_file = || {
        if let Ok(mut progress) = progress.lock() {
            progress.tick();
        }
    };
    // The search index's many chunks are compressed by Pagefind itself; its script and wasm
    // are looked at when it wrote them.
    let per_story_folders: Vec<PathBuf> = StoryOutput::ALL
        .iter()
        .map(|output| output.folder())
        .chain([
            "content/articles".to_owned(),
            search_index::FOLDER.to_owned(),
        ])
        .map(|folder| dist.join(folder))
        .collect();
    let search_files = match search {
        search_index::Outcome::Written => search_index::compressible_files(dist),
        _ => Vec::new(),
    };
    let rendered: Vec<PathBuf> = context
        .to_render
        .iter()
        .flat_map(|article| {
            let slug = &article.slug;
            let document = format!("content/articles/{slug}.json");
            pages_of(slug)
                .into_iter()
                .chain([document])
                .map(|file| dist.join(file))
        })
        .chain(search_files)
        .collect();
    let scope = if had_manifest {
        compress::Scope::AllBut {
            except: &per_story_folders,
            also: &rendered,
        }
    } else {
        compress::Scope::Everything
    };
    compress::precompress(dist, scope, &on_file).map_err(|source| BuildError::File {
        step: Step::Precompress,
        source,
    })?;
    if let Ok(progress) = progress.into_inner() {
        progress.finish();
    }
    Ok(())
}

/// A publisher's source whose stories were imported into the content folder, and its name.
pub struct ImportedSource {
    pub source: ContentSource,
    pub site_name: String,
}

/// The publisher's own search page, named after its site.
fn publisher_search(imported: &ImportedSource) -> Option<PublisherSearch> {
    let page = imported.source.search_page()?;
    Some(PublisherSearch {
        site_name: imported.site_name.clone(),
        action: page.action,
        field: page.field,
    })
}

/// The page naming the source and its site in its settings, preloading the build of the app
/// that reads it.
fn with_source_settings(page: &str, imported: &ImportedSource, builds: &AppBuilds) -> String {
    let source = &imported.source;
    let page = match source {
        ContentSource::Json => page.to_owned(),
        _ => boot::with_live_preloads(page, builds),
    };
    let page = template::with_meta_content(&page, SITE_NAME_META, &imported.site_name);
    let key = match source {
        ContentSource::Ghost { key, .. } => key.as_str(),
        _ => "",
    };
    let page = template::with_meta_content(&page, SOURCE_META, source.kind_name());
    let page = template::with_meta_content(&page, SOURCE_URL_META, source.address().unwrap_or(""));
    template::with_meta_content(&page, SOURCE_KEY_META, key)
}

/// The page with the content's language as the site's when the page's setting is empty or
/// missing: the setting decides, else the source (its index's `language`), else English.
fn with_content_language(page: &str, language: Option<&LanguageTag>) -> String {
    let is_set = template::meta_content(page, LANGUAGE_META)
        .is_some_and(|setting| !setting.trim().is_empty());
    match language {
        Some(language) if !is_set => {
            template::with_meta_content(page, LANGUAGE_META, language.as_str())
        }
        _ => page.to_owned(),
    }
}

/// Now, or `SOURCE_DATE_EPOCH` (seconds since 1970) when set, so a build can be reproduced
/// byte for byte (<https://reproducible-builds.org/specs/source-date-epoch/>).
fn build_time() -> Result<String, BuildError> {
    let refuse = |reason: String| BuildError::BuildTime { reason };
    let time = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(seconds) => {
            let seconds = seconds
                .trim()
                .parse::<i64>()
                .map_err(|error| refuse(format!("SOURCE_DATE_EPOCH {seconds:?}: {error}")))?;
            OffsetDateTime::from_unix_timestamp(seconds)
                .map_err(|error| refuse(format!("SOURCE_DATE_EPOCH {seconds}: {error}")))?
        }
        Err(_) => OffsetDateTime::now_utc(),
    };
    time.replace_nanosecond(0)
        .ok()
        .and_then(|time| time.format(&Rfc3339).ok())
        .ok_or_else(|| refuse(format!("{time} cannot be written as RFC 3339")))
}

fn site_base_url(site_url: &str) -> Result<Url, BuildError> {
    let refuse = |reason: String| BuildError::SiteUrl {
        url: site_url.to_owned(),
        reason,
    };
    let mut url = Url::parse(site_url).map_err(|error| refuse(format!("is not a URL: {error}")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(refuse("must be an http or https URL".to_owned()));
    }
    if !url.path().ends_with('/') {
        url.set_path(&format!("{}/", url.path()));
    }
    url.set_query(None);
    url.set_fragment(None);
    Ok(url)
}

/// Trunk's page. A second build starts again from the copy the first kept as `spa.html`.
fn read_trunk_page(dist: &Path) -> Result<String, BuildError> {
    let file_error = |source| BuildError::File {
        step: Step::ReadPage,
        source,
    };
    let page = read_text(&dist.join("index.html")).map_err(file_error)?;
    let spa_copy = dist.join("spa.html");
    if page.contains("id=\"prerendered\"") {
        read_text(&spa_copy).map_err(file_error)
    } else {
        write(&spa_copy, &page).map_err(file_error)?;
        Ok(page)
    }
}

/// Sets the base path and puts the boot script (see [`boot`]) in `boot-<hash>.js` in place of
/// Trunk's inline loader, so a strict Content Security Policy needs no `'unsafe-inline'`; a
/// prerendered page adds it only once its story has painted (see
/// [`template::STORY_FIRST_LOADER`]). Returns the page and the app's two builds.
fn move_loader_out(
    dist: &Path,
    trunk_page: &str,
    base_url: &Url,
) -> Result<(String, AppBuilds), BuildError> {
    let template_error = |source| BuildError::Template {
        step: Step::Loader,
        path: dist.join("index.html"),
        source,
    };
    let page = template::set_base(trunk_page, base_url.path()).map_err(template_error)?;
    let (_, trunk_loader) = template::extract_loader(&page, "").map_err(template_error)?;
    let builds = boot::app_builds(dist, &trunk_loader).map_err(|source| BuildError::Boot {
        step: Step::Loader,
        source,
    })?;
    let loader = boot::script(&builds);
    // Named by its content, like Trunk's own files, so it can be cached forever.
    let loader_file = format!("boot-{:016x}.js", fingerprint([loader.as_bytes()]));
    let (page, _) = template::extract_loader(&page, &loader_file).map_err(template_error)?;
    write(&dist.join(&loader_file), &loader).map_err(|source| BuildError::File {
        step: Step::Loader,
        source,
    })?;
    Ok((page, builds))
}

/// Joins the page's stylesheets, in order and minified, into one `style-<hash>.css`, so the
/// story waits for one stylesheet request before it paints, not one per source file.
fn join_stylesheets(dist: &Path, page: &str) -> Result<String, BuildError> {
    let links = stylesheet::stylesheet_links(page);
    if links.is_empty() {
        return Ok(page.to_owned());
    }
    let mut joined = String::new();
    for link in &links {
        let path = dist.join(link.href.trim_start_matches("./"));
        let css = read_text(&path).map_err(|source| BuildError::File {
            step: Step::Stylesheet,
            source,
        })?;
        joined.push_str(&stylesheet::minify(&css));
        joined.push('\n');
    }
    let file = format!("style-{:016x}.css", fingerprint([joined.as_bytes()]));
    write(&dist.join(&file), &joined).map_err(|source| BuildError::File {
        step: Step::Stylesheet,
        source,
    })?;
    Ok(stylesheet::with_one_stylesheet(
        page,
        &links,
        &format!("./{file}"),
    ))
}

/// Writes the stylesheet that shows what readers without scripts alone see (see
/// [`template::NOSCRIPT_STYLESHEET`]) and links it from every page.
fn with_noscript_stylesheet(dist: &Path, page: &str) -> Result<String, BuildError> {
    let css = template::NOSCRIPT_STYLESHEET;
    let file = format!("noscript-{:016x}.css", fingerprint([css.as_bytes()]));
    write(&dist.join(&file), css).map_err(|source| BuildError::File {
        step: Step::Stylesheet,
        source,
    })?;
    template::with_noscript_stylesheet(page, &format!("./{file}")).map_err(|source| {
        BuildError::Template {
            step: Step::Stylesheet,
            path: dist.join("index.html"),
            source,
        }
    })
}

/// The home page and a page per article, each readable without JavaScript.
fn write_pages(context: &Context) -> Result<(), BuildError> {
    let Context {
        site,
        words,
        index,
        content_urls,
        ..
    } = context;
    let page = &context.page;
    let description = index.description.as_deref().unwrap_or(&index.title);
    let head_tags = head::website_tags(site, &Route::Home, &index.title, description);
    // A site reading a source live never loads the content folder's copy.
    let reads_content_folder = context.source_origin.is_none();
    let index_setting = template::meta_content(page, INDEX_URL_META);
    let body = pages::home(site, words, index, &content_urls.index_url);
    write_page(
        context,
        Step::Pages,
        PageText {
            route: Route::Home,
            template: page,
            title: &index.title,
            description,
            head_tags: &head_tags,
            body: &body,
            content: index_setting.filter(|_| reads_content_folder),
        },
    )?;

    let article_setting = template::meta_content(page, ARTICLE_URL_META);
    let progress = std::sync::Mutex::new(Progress::new(
        "article pages",
        Some(context.to_render.len()),
    ));
    crate::parallel::try_for_each(&context.to_render, |article| {
        if let Ok(mut progress) = progress.lock() {
            progress.tick();
        }
        let head_tags = head::article_tags(site, content_urls, article);
        let related = related_of(&RelatedBy::of(article), &context.first_page);
        let body = pages::article(
            site,
            words,
            article,
            &content_urls.article_url(&article.slug),
            related,
        );
        let title = words.page_title(&article.title, &site.name);
        let description = article.summary.as_deref().unwrap_or(&article.title);
        write_page(
            context,
            Step::Pages,
            PageText {
                route: Route::Article(article.slug.clone()),
                template: page,
                title: &title,
                description,
                head_tags: &head_tags,
                body: &body,
                content: article_setting
                    .as_deref()
                    .filter(|_| reads_content_folder)
                    .map(|setting| setting.replace("{slug}", article.slug.as_str())),
            },
        )
    })?;
    if let Ok(progress) = progress.into_inner() {
        progress.finish();
    }
    Ok(())
}

/// What goes into one prerendered page.
struct PageText<'a> {
    route: Route,
    /// Trunk's page, as prepared for this kind of page.
    template: &'a str,
    title: &'a str,
    description: &'a str,
    head_tags: &'a str,
    body: &'a str,
    /// The page's content document as the page's settings write it, for the loader to ask
    /// for once the story has painted (see [`template::Prerendered::content`]).
    content: Option<String>,
}

/// Writes a page to its route's file: the template with its head and the prerendered body.
fn write_page(context: &Context, step: Step, page: PageText) -> Result<(), BuildError> {
    let path = context.dist.join(page.route.file());
    let template_error = |source| BuildError::Template {
        step,
        path: path.clone(),
        source,
    };
    let html = template::set_head(page.template, page.title, page.description, page.head_tags)
        .map_err(template_error)?;
    let prerendered = template::Prerendered {
        route: &page.route.path(),
        built: &context.built,
        content: page.content.as_deref(),
    };
    let html = template::set_body(&html, page.body, &prerendered).map_err(template_error)?;
    // A page that differs only in its build time keeps its file and so the date of the build
    // that last changed it: the copy a reader may be told about is that old, and a rebuild
    // rewrites (and recompresses) only the pages that changed.
    let is_unchanged = std::fs::read_to_string(&path).is_ok_and(|existing| {
        template::without_build_time(&existing) == template::without_build_time(&html)
    });
    if is_unchanged {
        return Ok(());
    }
    write(&path, html).map_err(|source| BuildError::File { step, source })
}

/// Each section's and tag's index documents (`content/section/{key}.json` …, paged) and
/// prerendered page, and the removal of those of topics that are gone. Returns the pages'
/// routes, for the sitemap.
fn write_topics(context: &Context) -> Result<Vec<Route>, BuildError> {
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
    let newest_first = context.index.newest_first();
    let found = topics::topics(newest_first);
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
        let head_tags = head::website_tags(site, &route, &title, &description);
        let body = pages::home(site, words, first, &document_url);
        write_page(
            context,
            Step::Topics,
            PageText {
                route: route.clone(),
                template: &context.page,
                title: &title,
                description: &description,
                head_tags: &head_tags,
                body: &body,
                content: None,
            },
        )?;
        written.insert(dist.join(route.file()));
        routes.push(route);
    }
    for folder in ["section", "tag", "content/section", "content/tag"] {
        remove_unwritten(&dist.join(folder), &written).map_err(file_error)?;
    }
    Ok(routes)
}

/// `entry` with its picture's addresses (resolved against the index) made absolute.
fn with_absolute_pictures(entry: &FeedEntry, index_resolver: &LinkResolver) -> FeedEntry {
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
fn remove_unwritten(folder: &Path, written: &HashSet<PathBuf>) -> Result<(), FileError> {
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

/// `feed.json`, `rss.xml`, `sitemap.xml` (with the article pages and `pages`) and `robots.txt`.
fn write_feeds(context: &Context, pages: &[Route]) -> Result<(), BuildError> {
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
fn remove_stale_sitemaps(dist: &Path, current: &[(String, String)]) -> Result<(), FileError> {
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

/// `404.html`, and each article's widget page and oEmbed answer.
fn write_fallback_pages(context: &Context) -> Result<(), BuildError> {
    let Context {
        site, words, dist, ..
    } = context;
    let file_error = |source| BuildError::File {
        step: Step::FallbackPages,
        source,
    };
    let no_index = "<meta name=\"robots\" content=\"noindex\">";
    // The widget pages: the story, prerendered for the frame, with every link leaving it.
    let widget_page = template::with_links_in_new_tabs(&context.page);
    crate::parallel::try_for_each(&context.to_render, |article| {
        let route = Route::EmbedArticle(article.slug.clone());
        let body = pages::widget(
            site,
            words,
            article,
            &context.content_urls.article_url(&article.slug),
        );
        let title = words.page_title(&article.title, &site.name);
        write_page(
            context,
            Step::FallbackPages,
            PageText {
                route,
                template: &widget_page,
                title: &title,
                description: &article.title,
                head_tags: no_index,
                body: &body,
                content: None,
            },
        )?;
        let oembed_path = dist.join(StoryOutput::OembedAnswer.file(&article.slug));
        write(
            &oembed_path,
            head::oembed(site, &context.content_urls, article),
        )
        .map_err(file_error)
    })?;

    // A static host answers any unknown address with 404.html. The app then shows the page for
    // that address itself (an article added since the build, or its own "not found"), so the
    // prerendered message is only for readers without JavaScript.
    let path = dist.join("404.html");
    let template_error = |source| BuildError::Template {
        step: Step::FallbackPages,
        path: path.clone(),
        source,
    };
    let title = words.page_title(words.text(Msg::NotFoundTitle), &site.name);
    let description = context
        .index
        .description
        .as_deref()
        .unwrap_or(&context.index.title);
    let page =
        template::set_head(&context.page, &title, description, no_index).map_err(template_error)?;
    let page = template::set_fallback_body(
        &page,
        &pages::not_found(site, words, context.publisher_search.clone()),
    )
    .map_err(template_error)?;
    write(&path, page).map_err(file_error)
}

/// The search page (`search/index.html`), so that static hosts answer `search/?q=…` with a
/// page of the site (not 404.html); results are the app's. Not in the sitemap or search
/// engines' indexes: it has no content of its own.
fn write_search_page(context: &Context) -> Result<(), BuildError> {
    let (site, words) = (&context.site, &context.words);
    let route = Route::Search {
        query: String::new(),
    };
    let title = words.page_title(words.text(Msg::SearchHeading), &site.name);
    let description = words.fill(Msg::SearchDescription, &[("site", &site.name)]);
    let head_tags = head::website_tags(site, &route, &title, &description)
        + "<meta name=\"robots\" content=\"noindex\">";
    let body = pages::search(site, words);
    write_page(
        context,
        Step::SearchIndex,
        PageText {
            route,
            template: &context.page,
            title: &title,
            description: &description,
            head_tags: &head_tags,
            body: &body,
            content: None,
        },
    )
}

/// Removes the outputs of articles that are no longer in the content, found by looking
/// through the folders of story outputs (which belong to the build alone).
fn remove_deleted_articles(context: &Context) -> Result<(), BuildError> {
    let listed: HashSet<&str> = context
        .listed
        .iter()
        .map(|listed| listed.slug.as_str())
        .collect();
    let mut gone = std::collections::BTreeSet::new();
    for output in StoryOutput::ALL {
        let Ok(entries) = std::fs::read_dir(context.dist.join(output.folder())) else {
            continue;
        };
        gone.extend(
            entries
                .filter_map(Result::ok)
                .filter_map(|entry| output.slug_of_entry(&entry.file_name().to_string_lossy()))
                .filter(|slug| !listed.contains(slug.as_str())),
        );
    }
    for slug in &gone {
        remove_story_outputs(context.dist, slug).map_err(|source| BuildError::File {
            step: Step::Prune,
            source,
        })?;
    }
    Ok(())
}

/// `_headers` and `_redirects`, for hosts configured by files in the site.
fn write_host_files(context: &Context) -> Result<(), BuildError> {
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

/// The first page of the index with the entries of the older pages its relative `next` links
/// name, and the first page's own entries.
fn read_index(content: &Path) -> Result<(FeedIndex, Vec<FeedEntry>), BuildError> {
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
    Ok((index, first_page))
}

/// The related stories a page picked by `by` lists, from `newest_first`.
fn related_of(by: &RelatedBy, newest_first: &[FeedEntry]) -> Vec<FeedEntry> {
    let entries: Vec<&FeedEntry> = newest_first.iter().collect();
    related_stories(by, &entries).into_iter().cloned().collect()
}

/// A fingerprint of what a page shows of its related stories.
fn related_hash(related: &[FeedEntry]) -> u64 {
    // Every field the list can draw, as the index format writes it.
    let list = FeedIndex {
        title: String::new(),
        description: None,
        entries: related.to_vec(),
        next: None,
        language: None,
    };
    fingerprint([feed_index_to_json(&list).to_string().as_bytes()])
}
