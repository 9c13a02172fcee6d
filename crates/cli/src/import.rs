//! `news-blog import`: a publisher's WordPress, Ghost or JSON Feed stories written out as this
//! project's own content folder (a paged index and one file per article; pictures stay where
//! they are, referenced by URL), for fully static hosting, migration, or a build to prerender.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use news_model::html::native::{document_language, NativeHtml};
use news_model::sources::{
    ContentSource, Detail, ListedPost, PageNumber, Paging, Skipped, SourceArticle, SourcePage,
    WordPressRoutes,
};
use news_model::{
    article_to_json, feed_index_to_json, page_links_to_json, parse_feed_index, site_page_to_json,
    FeedEntry, FeedIndex, LanguageTag, Link, LinkKind, PageLink, Seo, SitePage, StoryLink,
};
use serde_json::Value;

use crate::content::PAGES_FOLDER;
use crate::fetch_plan::{self, Plan};
use crate::files::{remove_file_if_present, write, FileError};
use crate::import_state::{ImportState, KnownPost, Unusable};
use crate::manifest::program_fingerprint;
use crate::progress::Progress;
use crate::source_client::{Client, FetchError, Fetched};

/// Stories asked for per request, and listed per index page written.
const PER_PAGE: u32 = 50;
/// A source that pages on past this is not followed further.
const MAX_PAGES: u32 = 100_000;

/// What an import wrote and what it left out.
pub struct Imported {
    pub n_articles: usize,
    /// The site's own pages written to `pages/` (WordPress and Ghost pages).
    pub n_pages: usize,
    pub site_name: String,
    /// The site's language, as the source says it.
    pub language: Option<LanguageTag>,
    pub skipped: Vec<Skipped>,
    /// What the body mapping left out across all stories, with counts.
    pub dropped: BTreeMap<String, usize>,
    /// Whether every post was fetched or only what changed.
    pub scope: Scope,
}

impl Imported {
    /// An import of `scope` from the site `site_name` in `language` that has written nothing yet.
    fn starting(site_name: &str, language: Option<LanguageTag>, scope: Scope) -> Imported {
        Imported {
            n_articles: 0,
            n_pages: 0,
            site_name: site_name.to_owned(),
            language,
            skipped: Vec::new(),
            dropped: BTreeMap::new(),
            scope,
        }
    }
}

/// How much an import asks the source for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fetch {
    /// Only what changed since the last import (a WordPress or Ghost source whose last import
    /// left its state in the content folder); everything otherwise.
    Changes,
    /// Every post.
    Everything,
}

/// How an import went about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every post was fetched; `why` says why the last import's state was not used, when
    /// there was one.
    Everything { why: Option<String> },
    /// Only what changed: `n_fetched` posts fetched whole (new or changed), `n_gone` gone.
    Changes { n_fetched: usize, n_gone: usize },
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("this source is the project's own JSON format: there is nothing to import")]
    OwnFormat,
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error("{url}: {reason}")]
    Unreadable { url: String, reason: String },
    #[error(transparent)]
    File(#[from] FileError),
}

/// Imports the stories and pages of `source` into the content folder `out` (its `index*.json`,
/// `articles/*.json` and `pages/*.json` are replaced); the index's footer lists the pages
/// `footer_pages` names (slugs), in that order. With [`Fetch::Changes`] and the state of an
/// earlier import of the same source by this program, only the posts that changed since are
/// fetched, and those that went are removed; anything doubtful fetches everything, saying why.
/// Pages, being few, are fetched whole every time.
pub fn import(
    source: &ContentSource,
    footer_pages: &[String],
    out: &Path,
    fetch: Fetch,
) -> Result<Imported, ImportError> {
    if *source == ContentSource::Json {
        return Err(ImportError::OwnFormat);
    }
    let client = Client::new();
    let program = program_fingerprint();
    let has_listing = source
        .listing_url(WordPressRoutes::Pretty, PageNumber(1))
        .is_some();
    let mut why = None;
    if fetch == Fetch::Changes && has_listing {
        match ImportState::previous(out, source, program) {
            Ok(previous) => match import_changes(&client, source, footer_pages, out, previous)? {
                Ok(imported) => return Ok(imported),
                Err(doubt) => why = Some(doubt),
            },
            Err(Unusable::Absent) => {}
            Err(unusable) => why = Some(unusable.to_string()),
        }
    }
    let state = program
        .filter(|_| has_listing)
        .map(|program| ImportState::new(source, program));
    import_everything(&client, source, footer_pages, out, state, why)
}

/// Imports every story, and records each post's id and last change in `state` (for sources
/// that list them) for the next import.
fn import_everything(
    client: &Client,
    source: &ContentSource,
    footer_pages: &[String],
    out: &Path,
    mut state: Option<ImportState>,
    why: Option<String>,
) -> Result<Imported, ImportError> {
    let parser = NativeHtml;
    let (routes, first) = first_answer(client, source, |routes| {
        source.feed_page_url(PageNumber(1), paging(routes))
    })?;
    let SiteFacts {
        name: site_name,
        language,
    } = site_facts(client, source, routes, &first);
    ImportState::forget(out)?;

    let mut imported = Imported::starting(&site_name, language.clone(), Scope::Everything { why });
    let mut entries: Vec<FeedEntry> = Vec::new();
    let mut written = BTreeSet::new();
    let mut description = None;
    let total = first
        .total_items
        .or_else(|| ghost_total(&first))
        .map(|total| total as usize);
    let mut progress = Progress::new("posts fetched", total);
    let mut fetched = first;
    let paging = paging(routes);
    for number in 1..=MAX_PAGES {
        let answer = fetched.answer(PageNumber(number));
        let unreadable = |reason: String| ImportError::Unreadable {
            url: fetched.url.clone(),
            reason,
        };
        let page = source
            .read_feed_page(answer, &parser, &site_name, paging.detail)
            .map_err(|error| unreadable(error.to_string()))?;
        if let Some(state) = &mut state {
            let listing = source
                .read_listing(answer, fetched.total_items)
                .map_err(|error| unreadable(error.to_string()))?;
            state.posts.extend(known_posts(&listing.posts, &page));
        }
        description = description.or(page.index.description);
        let mut seo = source.read_seo(answer, &parser);
        for mapped in page.articles {
            progress.tick();
            let seo = seo.remove(&mapped.article.slug).unwrap_or_default();
            write_article(out, mapped, &seo, &mut imported)?;
        }
        imported.skipped.extend(page.skipped);
        for entry in page.index.entries {
            match entry.story {
                StoryLink::Here(ref slug) => {
                    written.insert(slug.as_str().to_owned());
                    entries.push(entry);
                }
                StoryLink::Elsewhere(link) => imported.skipped.push(Skipped {
                    story: link.to_string(),
                    reason: "it is read at its own address (which gives no slug this format can use, or the feed carries only its summary): a live feed lists it, linking there".into(),
                }),
            }
        }
        let Some(next) = page.index.next else {
            break;
        };
        fetched = client.get_json(next.as_str())?;
    }
    progress.finish();
    remove_json_except(&out.join("articles"), &written)?;
    let pages = import_pages(client, source, routes, footer_pages, out, &mut imported)?;
    let head = IndexHead {
        title: &site_name,
        description,
        language,
        pages,
    };
    finish(out, head, entries, state.as_ref())?;
    imported.n_articles = written.len();
    Ok(imported)
}

/// Imports only what changed since the import that left `previous`: reads the source's
/// listing, newest change first, as far as needed (to its end when posts went), fetches the
/// new and changed posts whole, and removes those that went. `Ok(Err(why))` when something is
/// doubtful (the listing does not add up, the content is not as the last import left it):
/// then everything is fetched instead.
fn import_changes(
    client: &Client,
    source: &ContentSource,
    footer_pages: &[String],
    out: &Path,
    previous: ImportState,
) -> Result<Result<Imported, String>, ImportError> {
    let parser = NativeHtml;
    let (routes, first) = first_answer(client, source, |routes| {
        source.listing_url(routes, PageNumber(1))
    })?;
    let SiteFacts {
        name: site_name,
        language,
    } = site_facts(client, source, routes, &first);
    let plan = match read_plan(client, source, routes, first, &previous)? {
        Ok(plan) => plan,
        Err(doubt) => return Ok(Err(doubt)),
    };
    let (to_fetch, gone) = match plan {
        Plan::Fetch { to_fetch, gone } => (to_fetch, gone),
        Plan::FetchEverything(why) => return Ok(Err(why)),
        Plan::ReadWholeListing => {
            return Ok(Err(
                "the source's listing ended before it was read whole".into()
            ))
        }
    };
    let Some(entries) = read_index_entries(out) else {
        return Ok(Err(
            "the index the last import wrote could not be read back".into(),
        ));
    };
    if !is_as_left(out, &previous, &entries) {
        return Ok(Err(
            "the content folder is not as the last import left it".into()
        ));
    }

    let mut imported = Imported::starting(
        &site_name,
        language.clone(),
        Scope::Changes {
            n_fetched: to_fetch.len(),
            n_gone: 0,
        },
    );
    // The changed posts, whole, read exactly as a full import reads them.
    let mut progress = Progress::new("changed posts fetched", Some(to_fetch.len()));
    let mut fetched_posts: BTreeMap<String, KnownPost> = BTreeMap::new();
    let mut articles: Vec<(SourceArticle, Seo)> = Vec::new();
    let mut new_entries: Vec<FeedEntry> = Vec::new();
    let paging = paging(routes);
    for chunk in to_fetch.chunks(PER_PAGE as usize) {
        let ids: Vec<&str> = chunk.iter().map(String::as_str).collect();
        let url = source
            .posts_by_id_url(&ids, paging)
            .ok_or(ImportError::OwnFormat)?;
        let fetched = client.get_json(&url)?;
        let answer = fetched.answer(PageNumber(1));
        let unreadable = |reason: String| ImportError::Unreadable {
            url: fetched.url.clone(),
            reason,
        };
        let page = source
            .read_feed_page(answer, &parser, &site_name, Detail::WholeStories)
            .map_err(|error| unreadable(error.to_string()))?;
        let listing = source
            .read_listing(answer, fetched.total_items)
            .map_err(|error| unreadable(error.to_string()))?;
        fetched_posts
            .extend(known_posts(&listing.posts, &page).filter(|(id, _)| chunk.contains(id)));
        let mut seo = source.read_seo(answer, &parser);
        for mapped in page.articles {
            progress.tick();
            let seo = seo.remove(&mapped.article.slug).unwrap_or_default();
            articles.push((mapped, seo));
        }
        imported.skipped.extend(page.skipped);
        new_entries.extend(
            page.index
                .entries
                .into_iter()
                .filter(|entry| matches!(entry.story, StoryLink::Here(_))),
        );
    }
    progress.finish();

    // Posts asked for and not answered went between the listing and the asking.
    let gone: BTreeSet<String> = gone
        .into_iter()
        .chain(
            to_fetch
                .iter()
                .filter(|id| !fetched_posts.contains_key(*id))
                .cloned(),
        )
        .collect();
    let mut state = previous;
    let posts = &mut state.posts;
    let old_slugs: BTreeSet<String> = gone
        .iter()
        .chain(fetched_posts.keys())
        .filter_map(|id| posts.get(id).and_then(|post| post.slug.clone()))
        .collect();
    let n_gone = gone
        .iter()
        .filter(|id| posts.get(*id).is_some_and(|post| post.slug.is_some()))
        .count();
    for id in &gone {
        posts.remove(id);
    }
    let mut entries: Vec<FeedEntry> = entries
        .into_iter()
        .filter(|entry| {
            entry
                .story
                .slug()
                .is_some_and(|slug| !old_slugs.contains(slug.as_str()))
        })
        .collect();
    let kept: BTreeSet<String> = entries
        .iter()
        .filter_map(|entry| entry.story.slug().map(|slug| slug.as_str().to_owned()))
        .collect();
    // A changed post that takes a slug another post still has is left out, as a full import
    // would leave out the second of two posts with one slug.
    for (id, post) in &mut fetched_posts {
        if post.slug.as_ref().is_some_and(|slug| kept.contains(slug)) {
            imported.skipped.push(Skipped {
                story: format!("post {id}"),
                reason: "its slug is already used by another post".into(),
            });
            post.slug = None;
        }
    }
    let new_slugs: BTreeSet<String> = fetched_posts
        .values()
        .filter_map(|post| post.slug.clone())
        .collect();
    posts.extend(fetched_posts);

    ImportState::forget(out)?;
    for (mapped, seo) in articles {
        if new_slugs.contains(mapped.article.slug.as_str()) {
            write_article(out, mapped, &seo, &mut imported)?;
        }
    }
    for slug in old_slugs.difference(&new_slugs) {
        remove_file_if_present(&article_path(out, slug))?;
    }
    entries.extend(new_entries.into_iter().filter(|entry| {
        entry
            .story
            .slug()
            .is_some_and(|slug| new_slugs.contains(slug.as_str()))
    }));
    imported.n_articles = entries.len();
    imported.scope = Scope::Changes {
        n_fetched: to_fetch.len(),
        n_gone,
    };
    let pages = import_pages(client, source, routes, footer_pages, out, &mut imported)?;
    let head = IndexHead {
        title: &site_name,
        description: None,
        language,
        pages,
    };
    finish(out, head, entries, Some(&state))?;
    Ok(Ok(imported))
}

/// Writes the source's own pages (WordPress and Ghost `pages`, every one, each time: they are
/// few) to `pages/{slug}.json`, as site pages, and removes the page documents of any other;
/// returns the footer's links, the pages `footer_pages` names (slugs) in that order.
fn import_pages(
    client: &Client,
    source: &ContentSource,
    routes: WordPressRoutes,
    footer_pages: &[String],
    out: &Path,
    imported: &mut Imported,
) -> Result<Vec<PageLink>, ImportError> {
    let mut written: Vec<PageLink> = Vec::new();
    if let Some(mut url) = source.pages_list_url(PageNumber(1), routes) {
        for number in 1..=MAX_PAGES {
            let fetched = client.get_json(&url)?;
            let page = source
                .read_feed_page(
                    fetched.answer(PageNumber(number)),
                    &NativeHtml,
                    &imported.site_name,
                    Detail::WholeStories,
                )
                .map_err(|error| ImportError::Unreadable {
                    url: fetched.url.clone(),
                    reason: error.to_string(),
                })?;
            imported.skipped.extend(page.skipped);
            for mapped in page.articles {
                let site_page = SitePage::of_article(mapped.article);
                write(
                    &page_path(out, site_page.slug.as_str()),
                    pretty(&site_page_to_json(&site_page)),
                )?;
                written.push(PageLink {
                    slug: site_page.slug,
                    title: site_page.title,
                });
            }
            match page.index.next {
                Some(next) => url = next.to_string(),
                None => break,
            }
        }
    }
    imported.n_pages = written.len();
    let slugs: BTreeSet<String> = written
        .iter()
        .map(|page| page.slug.as_str().to_owned())
        .collect();
    remove_json_except(&out.join(PAGES_FOLDER), &slugs)?;
    let footer = footer_pages
        .iter()
        .filter_map(
            |slug| match written.iter().find(|page| page.slug.as_str() == slug) {
                Some(page) => Some(page.clone()),
                None => {
                    imported.skipped.push(Skipped {
                        story: format!("the footer's page {slug:?}"),
                        reason: "the source has no such public page".into(),
                    });
                    None
                }
            },
        )
        .collect();
    Ok(footer)
}

/// Pages of [`PER_PAGE`] whole stories.
fn paging(routes: WordPressRoutes) -> Paging {
    Paging {
        routes,
        per_page: PER_PAGE,
        detail: Detail::WholeStories,
    }
}

/// The first answer to the request `url` makes, finding out on the way how a WordPress
/// site's API is addressed: its `wp-json/` path, or `?rest_route=` when pretty permalinks are
/// off.
fn first_answer(
    client: &Client,
    source: &ContentSource,
    url: impl Fn(WordPressRoutes) -> Option<String>,
) -> Result<(WordPressRoutes, Fetched), ImportError> {
    let url = |routes| url(routes).ok_or(ImportError::OwnFormat);
    match client.get_json(&url(WordPressRoutes::Pretty)?) {
        Err(FetchError::Status { status: 404, .. } | FetchError::NotJson { .. })
            if matches!(source, ContentSource::WordPress { .. }) =>
        {
            let fetched = client.get_json(&url(WordPressRoutes::Query)?)?;
            Ok((WordPressRoutes::Query, fetched))
        }
        result => Ok((WordPressRoutes::Pretty, result?)),
    }
}

/// What a source says about the site itself.
struct SiteFacts {
    /// Its own name: WordPress's and Ghost's settings, a feed's title; else its host.
    name: String,
    /// Its language: a feed's `language`, Ghost's `locale`, the `<html lang>` of a WordPress
    /// site's home page (its REST API does not say).
    language: Option<LanguageTag>,
}

fn site_facts(
    client: &Client,
    source: &ContentSource,
    routes: WordPressRoutes,
    first: &Fetched,
) -> SiteFacts {
    let json = |url: String| -> Option<Value> {
        serde_json::from_str(&client.get_json(&url).ok()?.body).ok()
    };
    let (about, name_at, language) = match source {
        ContentSource::WordPress { site } => (
            json(match routes {
                WordPressRoutes::Pretty => format!("{site}wp-json/"),
                WordPressRoutes::Query => format!("{site}?rest_route=/"),
            }),
            &["name"][..],
            client
                .get_html(site)
                .ok()
                .and_then(|home| document_language(&home.body))
                .and_then(|lang| LanguageTag::from_locale(&lang)),
        ),
        ContentSource::Ghost { site, key } => {
            let settings = json(format!("{site}ghost/api/content/settings/?key={key}"));
            let language = settings
                .as_ref()
                .and_then(|settings| text_at(settings, &["settings", "locale"]))
                .and_then(LanguageTag::from_locale);
            (settings, &["settings", "title"][..], language)
        }
        ContentSource::JsonFeed { .. } => {
            let feed = serde_json::from_str::<Value>(&first.body).ok();
            let language = feed
                .as_ref()
                .and_then(|feed| text_at(feed, &["language"]))
                .and_then(LanguageTag::from_locale);
            (feed, &["title"][..], language)
        }
        ContentSource::Json => (None, &[][..], None),
    };
    let name = about
        .as_ref()
        .and_then(|about| text_at(about, name_at))
        .and_then(|name| news_model::html::text_from_html(&NativeHtml, name))
        .or_else(|| {
            let address = source.address()?;
            let host = url::Url::parse(address).ok()?.host_str()?.to_owned();
            Some(host)
        })
        .unwrap_or_else(|| news_model::DEFAULT_SITE_NAME.to_owned());
    SiteFacts { name, language }
}

/// The string at `path` (object keys) of a JSON answer.
fn text_at<'a>(value: &'a Value, path: &[&str]) -> Option<&'a str> {
    path.iter()
        .try_fold(value, |value, key| value.get(key))?
        .as_str()
}

/// Ghost's count of all posts (`meta.pagination.total`), for the progress line.
fn ghost_total(first: &Fetched) -> Option<u32> {
    let value: Value = serde_json::from_str(&first.body).ok()?;
    let total = value
        .get("meta")?
        .get("pagination")?
        .get("total")?
        .as_u64()?;
    u32::try_from(total).ok()
}

/// Reads the listing from its first page, newest change first, until it is known what to
/// fetch: past the last import's newest change by [`fetch_plan::MARGIN_SECONDS`], or to its
/// end when the count says posts went. `Ok(Err(why))` when an answer is not a listing.
fn read_plan(
    client: &Client,
    source: &ContentSource,
    routes: WordPressRoutes,
    first: Fetched,
    previous: &ImportState,
) -> Result<Result<Plan, String>, ImportError> {
    let mark = previous.newest_change();
    let mut listed: Vec<ListedPost> = Vec::new();
    let mut total = None;
    let mut is_reading_whole = false;
    let mut fetched = first;
    for number in 1..=MAX_PAGES {
        let listing =
            match source.read_listing(fetched.answer(PageNumber(number)), fetched.total_items) {
                Ok(listing) => listing,
                Err(error) => {
                    return Ok(Err(format!(
                        "{} did not answer a listing: {error}",
                        fetched.url
                    )))
                }
            };
        if number == 1 {
            total = listing.total;
        }
        let has_read_enough = fetch_plan::has_read_enough(&listing.posts, listing.has_next, mark);
        listed.extend(listing.posts);
        if !listing.has_next {
            return Ok(Ok(fetch_plan::plan(&previous.posts, &listed, total, true)));
        }
        if has_read_enough && !is_reading_whole {
            match fetch_plan::plan(&previous.posts, &listed, total, false) {
                Plan::ReadWholeListing => is_reading_whole = true,
                plan => return Ok(Ok(plan)),
            }
        }
        let Some(url) = source.listing_url(routes, PageNumber(number + 1)) else {
            return Err(ImportError::OwnFormat);
        };
        fetched = client.get_json(&url)?;
    }
    Ok(Err(format!("the listing goes on past {MAX_PAGES} pages")))
}

/// What the next import knows of each post a page of whole posts answered: its id, last
/// change, and the slug of its article when the page mapped one.
fn known_posts<'a>(
    listed: &'a [ListedPost],
    page: &'a SourcePage,
) -> impl Iterator<Item = (String, KnownPost)> + 'a {
    listed.iter().map(move |post| {
        let is_written = page
            .articles
            .iter()
            .any(|mapped| mapped.article.slug.as_str() == post.slug);
        (
            post.id.clone(),
            KnownPost {
                modified: post
                    .modified
                    .as_ref()
                    .map(|modified| modified.as_rfc3339().to_owned()),
                slug: is_written.then(|| post.slug.clone()),
            },
        )
    })
}

fn article_path(out: &Path, slug: &str) -> PathBuf {
    out.join("articles").join(format!("{slug}.json"))
}

fn page_path(out: &Path, slug: &str) -> PathBuf {
    out.join(PAGES_FOLDER).join(format!("{slug}.json"))
}

/// Writes one mapped story's article document with its `seo` fields (left alone when its
/// bytes are the same), counting what its body mapping left out.
fn write_article(
    out: &Path,
    mapped: SourceArticle,
    seo: &Seo,
    imported: &mut Imported,
) -> Result<(), FileError> {
    for what in mapped.dropped {
        *imported.dropped.entry(what).or_default() += 1;
    }
    write(
        &article_path(out, mapped.article.slug.as_str()),
        pretty(&article_to_json(&mapped.article, seo)),
    )
}

/// Removes the documents (`{slug}.json`) in `dir` an earlier import or the sample content left
/// that are not among `slugs`.
fn remove_json_except(dir: &Path, slugs: &BTreeSet<String>) -> Result<(), FileError> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_stale = name
            .strip_suffix(".json")
            .is_some_and(|slug| !slugs.contains(slug));
        if is_stale {
            remove_file_if_present(&entry.path())?;
        }
    }
    Ok(())
}

/// Writes the index and the state, last, so an import cut short leaves no state and the next
/// one fetches everything.
fn finish(
    out: &Path,
    head: IndexHead<'_>,
    entries: Vec<FeedEntry>,
    state: Option<&ImportState>,
) -> Result<(), FileError> {
    let n_pages = write_index(out, head, entries)?;
    remove_index_pages_after(out, n_pages)?;
    if let Some(state) = state {
        state.save(out)?;
    }
    Ok(())
}

/// Removes `index-N.json` pages past the `n_pages` just written.
fn remove_index_pages_after(out: &Path, n_pages: usize) -> Result<(), FileError> {
    let Ok(entries) = std::fs::read_dir(out) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let number = name
            .strip_prefix("index-")
            .and_then(|rest| rest.strip_suffix(".json"))
            .and_then(|number| number.parse::<usize>().ok());
        if number.is_some_and(|number| number > n_pages) {
            remove_file_if_present(&entry.path())?;
        }
    }
    Ok(())
}

/// Every entry of the index in `out`, following its pages' relative `next` links; `None` when
/// a page is missing or does not parse.
fn read_index_entries(out: &Path) -> Option<Vec<FeedEntry>> {
    let mut entries = Vec::new();
    let mut name = "index.json".to_owned();
    for _ in 0..MAX_PAGES {
        let text = std::fs::read_to_string(out.join(&name)).ok()?;
        let page = parse_feed_index(&text).ok()?.document;
        entries.extend(page.entries);
        match page.next {
            None => return Some(entries),
            Some(next) if next.kind() == LinkKind::DocumentRelative => {
                name = next.as_str().to_owned();
            }
            Some(_) => return None,
        }
    }
    None
}

/// Whether the content folder holds what the last import wrote: an index entry and an
/// article document for each post it wrote, and no other entry.
fn is_as_left(out: &Path, previous: &ImportState, entries: &[FeedEntry]) -> bool {
    let written: BTreeSet<&str> = previous
        .posts
        .values()
        .filter_map(|post| post.slug.as_deref())
        .collect();
    let listed: BTreeSet<&str> = entries
        .iter()
        .filter_map(|entry| entry.story.slug().map(|slug| slug.as_str()))
        .collect();
    written.len() == entries.len()
        && written == listed
        && written.iter().all(|slug| article_path(out, slug).is_file())
}

/// What every index page says about the site.
struct IndexHead<'a> {
    title: &'a str,
    description: Option<String>,
    language: Option<LanguageTag>,
    /// The footer's pages: on the first page only.
    pages: Vec<PageLink>,
}

/// The index, newest first, as pages of [`PER_PAGE`] linked by `next`; how many pages.
fn write_index(
    out: &Path,
    head: IndexHead<'_>,
    entries: Vec<FeedEntry>,
) -> Result<usize, FileError> {
    let entries = FeedIndex {
        title: String::new(),
        description: None,
        entries,
        next: None,
        language: None,
    }
    .into_newest_first();
    let chunks: Vec<&[FeedEntry]> = if entries.is_empty() {
        vec![&[]]
    } else {
        entries.chunks(PER_PAGE as usize).collect()
    };
    let n_pages = chunks.len();
    for (idx, chunk) in chunks.into_iter().enumerate() {
        let page = FeedIndex {
            title: head.title.to_owned(),
            description: head.description.clone(),
            entries: chunk.to_vec(),
            next: (idx + 1 < n_pages)
                .then(|| Link::parse(&index_file(idx + 1)).ok())
                .flatten(),
            language: head.language.clone(),
        };
        let mut json = feed_index_to_json(&page);
        if idx == 0 && !head.pages.is_empty() {
            json["pages"] = page_links_to_json(&head.pages);
        }
        write(&out.join(index_file(idx)), pretty(&json))?;
    }
    Ok(n_pages)
}

/// `index.json`, then `index-2.json`, `index-3.json` …
fn index_file(idx: usize) -> String {
    if idx == 0 {
        "index.json".to_owned()
    } else {
        format!("index-{}.json", idx + 1)
    }
}

fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string());
    text.push('\n');
    text
}
