//! Content from what publishers already run: a WordPress site (REST API v2), a Ghost site
//! (Content API) or a JSON Feed 1.1, mapped onto this format's feed index and article. The
//! same code runs in the browser (reading the source live) and in the build (prerendering
//! and importing it); the caller does the HTTP and lends an inert HTML parser.
//!
//! The mapping, field by field, is documented in the project README ("Use with WordPress",
//! "Use with Ghost", "Use with a JSON Feed").

mod ghost;
mod json_feed;
mod listing;
mod value;
mod wordpress;

pub use ghost::GhostSlug;
pub use listing::{ListedPost, Listing, LISTING_PER_PAGE};

use std::collections::HashMap;
use std::fmt;

use crate::article::Article;
use crate::block::Block;
use crate::feed::{FeedEntry, FeedIndex};
use crate::html::HtmlParser;
use crate::inline::Inline;
use crate::problem::quoted;
use crate::route::percent_encode;
use crate::seo::Seo;
use crate::slug::Slug;
use crate::topic::{Topic, TopicKind};

/// Where the stories come from: the page setting `news-blog-source` and its companions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContentSource {
    /// This project's own JSON documents (the index and article URL settings).
    Json,
    /// A WordPress site; `site` is its address, ending in `/`.
    WordPress { site: String },
    /// A Ghost site and its Content API key (public by design).
    Ghost { site: String, key: String },
    /// A JSON Feed; `feed` is its URL.
    JsonFeed { feed: String },
}

/// Why the source settings could not be used; the message tells the host what to change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceSettingError {
    UnknownKind(String),
    MissingUrl(&'static str),
    MissingKey,
}

impl fmt::Display for SourceSettingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceSettingError::UnknownKind(kind) => write!(
                f,
                "{} is not a known source: use json, wordpress, ghost or jsonfeed",
                quoted(kind)
            ),
            SourceSettingError::MissingUrl(kind) => {
                write!(
                    f,
                    "a {kind} source needs its address in news-blog-source-url"
                )
            }
            SourceSettingError::MissingKey => {
                f.write_str("a ghost source needs its Content API key in news-blog-source-key")
            }
        }
    }
}

impl std::error::Error for SourceSettingError {}

/// One page of a source's list of stories.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageNumber(pub u32);

impl ContentSource {
    /// Reads the three settings (`kind` absent means `json`). `url` must already be absolute
    /// (resolved against the page's base by the caller).
    pub fn from_settings(
        kind: Option<&str>,
        url: Option<&str>,
        key: Option<&str>,
    ) -> Result<ContentSource, SourceSettingError> {
        let kind = kind.map(str::trim).filter(|kind| !kind.is_empty());
        let url = url.map(str::trim).filter(|url| !url.is_empty());
        let key = key.map(str::trim).filter(|key| !key.is_empty());
        let site = |name| {
            url.map(with_trailing_slash)
                .ok_or(SourceSettingError::MissingUrl(name))
        };
        match kind.map(str::to_ascii_lowercase).as_deref() {
            None | Some("json") => Ok(ContentSource::Json),
            Some("wordpress") => Ok(ContentSource::WordPress {
                site: site("wordpress")?,
            }),
            Some("ghost") => Ok(ContentSource::Ghost {
                site: site("ghost")?,
                key: key.ok_or(SourceSettingError::MissingKey)?.to_owned(),
            }),
            Some("jsonfeed") => Ok(ContentSource::JsonFeed {
                feed: url
                    .ok_or(SourceSettingError::MissingUrl("jsonfeed"))?
                    .to_owned(),
            }),
            Some(other) => Err(SourceSettingError::UnknownKind(other.to_owned())),
        }
    }

    /// The name the settings use for this kind of source.
    pub fn kind_name(&self) -> &'static str {
        match self {
            ContentSource::Json => "json",
            ContentSource::WordPress { .. } => "wordpress",
            ContentSource::Ghost { .. } => "ghost",
            ContentSource::JsonFeed { .. } => "jsonfeed",
        }
    }

    /// The publisher's own search, for a reader whose browser cannot run the app: WordPress
    /// answers `?s=words` at its address; Ghost searches only with its own script, and a feed
    /// has no search.
    pub fn search_page(&self) -> Option<SearchPage> {
        match self {
            ContentSource::WordPress { site } => Some(SearchPage {
                action: site.clone(),
                field: "s",
            }),
            ContentSource::Json | ContentSource::Ghost { .. } | ContentSource::JsonFeed { .. } => {
                None
            }
        }
    }

    /// The source's own address: the WordPress or Ghost site, or the feed.
    pub fn address(&self) -> Option<&str> {
        match self {
            ContentSource::Json => None,
            ContentSource::WordPress { site } | ContentSource::Ghost { site, .. } => Some(site),
            ContentSource::JsonFeed { feed } => Some(feed),
        }
    }
}

/// A publisher's own search page, as a plain GET form asks it: `action?field=words`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchPage {
    pub action: String,
    pub field: &'static str,
}

/// How a WordPress site's REST API is addressed: `wp-json/` with pretty permalinks, or
/// `?rest_route=` without them (always works). Found out once per visit or build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordPressRoutes {
    Pretty,
    Query,
}

/// How much of each story a list of a source is asked and read for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// The feed entry alone (a home page does not pay for the stories' text).
    Summaries,
    /// The entry and the whole story (an import or a build wants it).
    WholeStories,
}

/// How a source's list is asked for: its route style, how many stories per page, and how much
/// of each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    pub routes: WordPressRoutes,
    pub per_page: u32,
    pub detail: Detail,
}

/// The fields a WordPress list needs for the feed alone: no content.
const WORDPRESS_SUMMARY_FIELDS: &str =
    "_embed=author,wp:featuredmedia,wp:term&_fields=id,slug,link,title,excerpt,date_gmt,lang,_links,_embedded";

/// A source's own handle on a section, tag or author, which its listing filters by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TopicTerm {
    /// A WordPress category's, tag's or user's id.
    WordPressId(u64),
    /// A Ghost tag's or author's slug.
    GhostSlug(GhostSlug),
}

/// The word a source is asked for the names a key may come from: the key's longest word less
/// its first letter, which a name may write as a capital that the source's search does not
/// fold (Ghost on SQLite folds only ASCII letters: "écon" does not find "Économie").
fn search_word(key: &crate::route::Key) -> &str {
    let longest = key
        .as_str()
        .split('-')
        .max_by_key(|word| word.chars().count())
        .unwrap_or_default();
    match longest.char_indices().nth(1) {
        Some((second, _)) => &longest[second..],
        None => longest,
    }
}

/// Where to ask a source for things.
impl ContentSource {
    /// The URL of one page of stories (newest first).
    pub fn feed_page_url(&self, page: PageNumber, paging: Paging) -> Option<String> {
        let Paging {
            routes,
            per_page,
            detail,
        } = paging;
        match self {
            ContentSource::Json => None,
            ContentSource::WordPress { site } => Some(wordpress::posts_url(
                site,
                routes,
                &format!(
                    "{}&per_page={per_page}&page={}",
                    match detail {
                        Detail::WholeStories => "_embed",
                        Detail::Summaries => WORDPRESS_SUMMARY_FIELDS,
                    },
                    page.0
                ),
            )),
            ContentSource::Ghost { site, key } => Some(ghost::posts_url(
                site,
                key,
                &format!("limit={per_page}&page={}", page.0),
            )),
            // A feed pages itself through `next_url`.
            ContentSource::JsonFeed { feed } => (page.0 == 1).then(|| feed.clone()),
        }
    }

    /// The URL of one page of the stories the source's own search finds for `query` (WordPress
    /// `search=`, best match first; Ghost: headlines containing it, newest first). `None` for
    /// sources without a search (this format, a JSON Feed).
    pub fn search_page_url(&self, query: &str, page: PageNumber, paging: Paging) -> Option<String> {
        let url = self.feed_page_url(page, paging)?;
        match self {
            ContentSource::WordPress { .. } => {
                Some(format!("{url}&search={}", percent_encode(query)))
            }
            ContentSource::Ghost { .. } => Some(format!(
                "{url}&filter={}",
                percent_encode(&ghost::title_contains(query))
            )),
            ContentSource::Json | ContentSource::JsonFeed { .. } => None,
        }
    }

    /// Where the source is asked which of its terms a section's, tag's or author's key names
    /// (WordPress's categories, tags and users; Ghost's tags and authors): those whose names
    /// hold a word of the key, since a source's own slug for a name need not be the key (a
    /// user's is their login, "Économie" is `economie`); [`ContentSource::topic_term`] then
    /// matches the names by key. `None` for sources that cannot filter.
    pub fn topic_term_url(&self, topic: &Topic, routes: WordPressRoutes) -> Option<String> {
        let word = search_word(&topic.key);
        match self {
            ContentSource::WordPress { site } => {
                let collection = match topic.kind {
                    TopicKind::Section => "categories",
                    TopicKind::Tag => "tags",
                    TopicKind::Author => "users",
                };
                Some(wordpress::api_url(
                    site,
                    routes,
                    collection,
                    &format!(
                        "search={}&per_page=100&_fields=id,name",
                        percent_encode(word)
                    ),
                ))
            }
            ContentSource::Ghost { site, key } => Some(ghost::names_url(
                site,
                key,
                ghost::TermCollection::of(topic.kind),
                word,
            )),
            ContentSource::Json | ContentSource::JsonFeed { .. } => None,
        }
    }

    /// The source's own term for `topic` in `answer`, its answer at
    /// [`ContentSource::topic_term_url`]: the one whose name (as text) has the topic's key;
    /// `None` when none has.
    pub fn topic_term(
        &self,
        topic: &Topic,
        answer: &str,
        parser: &dyn HtmlParser,
    ) -> Option<TopicTerm> {
        let value: serde_json::Value = serde_json::from_str(answer).ok()?;
        match self {
            ContentSource::WordPress { .. } => {
                wordpress::term_id(&value, &topic.key, parser).map(TopicTerm::WordPressId)
            }
            ContentSource::Ghost { .. } => ghost::term_slug(
                &value,
                ghost::TermCollection::of(topic.kind),
                &topic.key,
                parser,
            )
            .map(TopicTerm::GhostSlug),
            ContentSource::Json | ContentSource::JsonFeed { .. } => None,
        }
    }

    /// The URL of one page of a section's, tag's or author's stories by the source's own
    /// filtering: WordPress by the term's or user's id, Ghost by the tag's slug as primary tag
    /// (a section) or any tag, or the author's. `None` without the source's own term for the
    /// topic, and for sources that cannot filter (this format, a JSON Feed).
    pub fn topic_page_url(
        &self,
        topic: &Topic,
        term: Option<&TopicTerm>,
        page: PageNumber,
        paging: Paging,
    ) -> Option<String> {
        let url = self.feed_page_url(page, paging)?;
        match (self, term?) {
            (ContentSource::WordPress { .. }, TopicTerm::WordPressId(id)) => {
                let parameter = match topic.kind {
                    TopicKind::Section => "categories",
                    TopicKind::Tag => "tags",
                    TopicKind::Author => "author",
                };
                Some(format!("{url}&{parameter}={id}"))
            }
            (ContentSource::Ghost { .. }, TopicTerm::GhostSlug(slug)) => {
                let field = match topic.kind {
                    TopicKind::Section => "primary_tag",
                    TopicKind::Tag => "tag",
                    TopicKind::Author => "author",
                };
                Some(format!(
                    "{url}&filter={}",
                    percent_encode(&format!("{field}:'{}'", slug.as_str()))
                ))
            }
            _ => None,
        }
    }

    /// The URL of one of the site's own pages (WordPress `pages?slug=…`, Ghost
    /// `pages/slug/{slug}/`), whose answer [`ContentSource::read_article`] reads as a story's;
    /// `None` for sources without pages.
    pub fn page_url(&self, slug: &Slug, routes: WordPressRoutes) -> Option<String> {
        match self {
            ContentSource::WordPress { site } => Some(wordpress::api_url(
                site,
                routes,
                "pages",
                &format!("_embed&slug={slug}"),
            )),
            ContentSource::Ghost { site, key } => Some(ghost::page_url(site, key, slug)),
            ContentSource::Json | ContentSource::JsonFeed { .. } => None,
        }
    }

    /// The URL of one page of the site's own pages, for an import: WordPress `pages`, Ghost
    /// `pages/`, read by [`ContentSource::read_feed_page`] as a page of whole stories.
    pub fn pages_list_url(&self, page: PageNumber, routes: WordPressRoutes) -> Option<String> {
        const PER_PAGE: u32 = 100;
        match self {
            ContentSource::WordPress { site } => Some(wordpress::api_url(
                site,
                routes,
                "pages",
                &format!("_embed&per_page={PER_PAGE}&page={}", page.0),
            )),
            ContentSource::Ghost { site, key } => Some(ghost::pages_url(
                site,
                key,
                &format!("limit={PER_PAGE}&page={}", page.0),
            )),
            ContentSource::Json | ContentSource::JsonFeed { .. } => None,
        }
    }

    /// The URL of one story.
    pub fn article_url(&self, slug: &Slug, routes: WordPressRoutes) -> Option<String> {
        match self {
            ContentSource::Json => None,
            ContentSource::WordPress { site } => Some(wordpress::posts_url(
                site,
                routes,
                &format!("_embed&slug={slug}"),
            )),
            ContentSource::Ghost { site, key } => Some(ghost::post_url(site, key, slug)),
            // A feed has no per-story address: the story is found in the feed's pages.
            ContentSource::JsonFeed { .. } => None,
        }
    }
}

/// What a source answered: the body and the headers that page through it.
#[derive(Clone, Copy, Debug)]
pub struct Answer<'a> {
    /// The URL that was asked (relative links in a feed resolve against it).
    pub url: &'a str,
    pub body: &'a str,
    /// WordPress's `X-WP-TotalPages`.
    pub total_pages: Option<u32>,
    /// Which page was asked for.
    pub page: PageNumber,
}

/// A page of stories from a source, and their whole stories when it has them (a JSON Feed
/// always; WordPress and Ghost when asked for [`Detail::WholeStories`]).
#[derive(Clone, Debug, PartialEq)]
pub struct SourcePage {
    /// The stories; `next` is the absolute URL of the next, older page.
    pub index: FeedIndex,
    pub articles: Vec<SourceArticle>,
    /// Stories left out and why, for the person running an import.
    pub skipped: Vec<Skipped>,
}

impl SourcePage {
    /// The page of a CMS's `posts`: each post's entry and, as `detail` asks, its whole story;
    /// a post that gives neither is skipped with the reason, named by its `address_field`.
    fn of_posts(
        posts: &[serde_json::Value],
        site_name: &str,
        detail: Detail,
        address_field: &str,
        entry: impl Fn(&serde_json::Value) -> Result<FeedEntry, String>,
        article: impl Fn(&serde_json::Value) -> Result<SourceArticle, SourceError>,
    ) -> SourcePage {
        let mut page = SourcePage {
            index: FeedIndex {
                title: site_name.to_owned(),
                description: None,
                entries: Vec::with_capacity(posts.len()),
                next: None,
                language: None,
            },
            articles: Vec::new(),
            skipped: Vec::new(),
        };
        for post in posts {
            let read = entry(post).and_then(|entry| {
                if detail == Detail::WholeStories {
                    let mapped = article(post).map_err(|error| error.to_string())?;
                    // A story whose text is all for members has no document in this format
                    // (a body is required): its page is the source's, read live.
                    if mapped.article.body.is_empty() {
                        return Err("none of its text is public".into());
                    }
                    page.articles.push(mapped);
                }
                Ok(entry)
            });
            match read {
                Ok(entry) => page.index.entries.push(entry),
                Err(reason) => page.skipped.push(Skipped {
                    story: value::text_at(post, &[address_field])
                        .unwrap_or("a post")
                        .to_owned(),
                    reason,
                }),
            }
        }
        page
    }

    fn with_next(mut self, next: Option<String>) -> SourcePage {
        self.index.next = next.as_deref().and_then(value::web_link);
        self
    }
}

/// A story a source offered that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The story's address or identifier at the source.
    pub story: String,
    pub reason: String,
}

/// Why a source's answer gave no story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceError {
    /// No such story (WordPress answers an empty list for an unknown slug).
    NotFound,
    /// The story's body maps to nothing this format can show.
    Empty,
    /// The answer is not what the source's API documents.
    Unreadable(String),
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceError::NotFound => f.write_str("no such story"),
            SourceError::Empty => f.write_str("the story's text has nothing this site can show"),
            SourceError::Unreadable(why) => write!(f, "the answer could not be read: {why}"),
        }
    }
}

/// A story mapped from a source, with what its body mapping left out.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceArticle {
    pub article: Article,
    /// What the body mapping left out, once for each time (see [`crate::html::MappedBody`]).
    pub dropped: Vec<String>,
}

impl ContentSource {
    /// Reads a page of stories asked for with `detail` (their whole stories too when it says
    /// so; a JSON Feed always has them). `site_name` titles the index (APIs' lists carry none).
    pub fn read_feed_page(
        &self,
        answer: Answer<'_>,
        parser: &dyn HtmlParser,
        site_name: &str,
        detail: Detail,
    ) -> Result<SourcePage, SourceError> {
        let value = json_of(answer)?;
        match self {
            ContentSource::Json => Err(SourceError::Unreadable(
                "this project's own format is read by parse_feed_index".into(),
            )),
            ContentSource::WordPress { .. } => {
                let next = answer
                    .total_pages
                    .filter(|total| answer.page.0 < *total)
                    .map(|_| with_page_number(answer.url, PageNumber(answer.page.0 + 1)));
                wordpress::read_posts(&value, parser, site_name, detail)
                    .map(|page| page.with_next(next))
            }
            ContentSource::Ghost { .. } => {
                let next = ghost::next_page(&value)
                    .map(|page| with_page_number(answer.url, PageNumber(page)));
                ghost::read_posts(&value, parser, site_name, detail)
                    .map(|page| page.with_next(next))
            }
            ContentSource::JsonFeed { .. } => json_feed::read_feed(&value, parser, answer.url),
        }
    }

    /// The SEO fields beyond the title of each post of a page of posts (an answer
    /// [`ContentSource::read_feed_page`] reads), by slug: Ghost's `meta_description`, `og_*`,
    /// `twitter_*` and `canonical_url`, Yoast's `yoast_head_json`; none for a JSON Feed. For
    /// the build alone (an import writes them into the documents): a function of its own, so
    /// that the app, which never calls it, holds none of it.
    pub fn read_seo(&self, answer: Answer<'_>, parser: &dyn HtmlParser) -> HashMap<Slug, Seo> {
        let Ok(value) = json_of(answer) else {
            return HashMap::new();
        };
        let posts = match self {
            ContentSource::WordPress { .. } => value.as_array(),
            ContentSource::Ghost { .. } => ghost::posts(&value).ok(),
            ContentSource::Json | ContentSource::JsonFeed { .. } => None,
        };
        posts
            .into_iter()
            .flatten()
            .filter_map(|post| {
                let slug = Slug::parse(value::text_at(post, &["slug"])?)?;
                let seo = match self {
                    ContentSource::WordPress { .. } => wordpress::seo(post, parser),
                    _ => ghost::seo(post),
                };
                (!seo.is_empty()).then_some((slug, seo))
            })
            .collect()
    }

    /// Reads one story's answer (for a JSON Feed, use the articles of its pages).
    pub fn read_article(
        &self,
        answer: Answer<'_>,
        parser: &dyn HtmlParser,
    ) -> Result<SourceArticle, SourceError> {
        let value = json_of(answer)?;
        match self {
            ContentSource::WordPress { .. } => wordpress::read_single(&value, parser),
            ContentSource::Ghost { .. } => ghost::read_single(&value, parser),
            ContentSource::Json | ContentSource::JsonFeed { .. } => Err(SourceError::Unreadable(
                "this source has no per-story answers".into(),
            )),
        }
    }
}

/// The standfirst a story shows above its body: its summary, unless that only repeats the
/// body's start. WordPress and Ghost write an excerpt from the body's first words when the
/// editor wrote none (WordPress's cut with " […]", Ghost's with the lists' bullets and the
/// cards' words run together), and the reader would read that sentence twice. The summary
/// repeats the start when, comparing letters and digits alone, the body starts with all of
/// it, or it holds the whole of the body's first text block with words in it, when that block
/// is a sentence or more ([`MIN_REPEATED_BLOCK_CHARS`]): a dateline or a one-word heading
/// first is no sign that a hand-written excerpt which starts the same way is a copy.
pub(crate) fn standfirst(summary: Option<String>, body: &[Block]) -> Option<String> {
    // Whitespace and punctuation are how the two were cut and joined, not what they say.
    let says = |c: &char| {
        !(c.is_whitespace()
            || c.is_ascii_punctuation()
            || matches!(c, '…' | '“' | '”' | '‘' | '’' | '–' | '—' | '•' | '«' | '»'))
    };
    let texts: Vec<String> = body
        .iter()
        .filter_map(|block| match block {
            Block::Paragraph(text) | Block::Quote { text, .. } => Some(text.to_plain_text()),
            Block::Heading { text, .. } => Some(text.clone()),
            Block::List { items, .. } => Some(
                items
                    .iter()
                    .map(Inline::to_plain_text)
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            Block::Image(_) | Block::Embed(_) => None,
        })
        .collect();
    let Some(n_first_block_chars) = texts
        .iter()
        .map(|text| text.chars().filter(says).count())
        .find(|n_chars| *n_chars > 0)
    else {
        return summary;
    };
    let summary_text = summary.as_deref().unwrap_or_default();
    let n_summary_chars = summary_text.chars().filter(says).count();
    let n_common_chars = summary_text
        .chars()
        .filter(says)
        .zip(texts.iter().flat_map(|text| text.chars()).filter(says))
        .take_while(|(said, written)| said == written)
        .count();
    let holds_first_block =
        n_first_block_chars >= MIN_REPEATED_BLOCK_CHARS && n_common_chars >= n_first_block_chars;
    let is_repeat = n_summary_chars > 0 && (n_common_chars == n_summary_chars || holds_first_block);
    summary.filter(|_| !is_repeat)
}

/// Letters and digits a body's first text block needs before a summary that holds all of it
/// counts as a copy of the body's start: about one short sentence.
const MIN_REPEATED_BLOCK_CHARS: usize = 40;

fn json_of(answer: Answer<'_>) -> Result<serde_json::Value, SourceError> {
    serde_json::from_str(answer.body)
        .map_err(|error| SourceError::Unreadable(format!("not JSON: {error}")))
}

/// `url` (a list page this module wrote) asking for page `page` instead.
fn with_page_number(url: &str, page: PageNumber) -> String {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let mut next = format!("{path}?");
    for pair in query
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("page="))
    {
        next.push_str(pair);
        next.push('&');
    }
    next + "page=" + &page.0.to_string()
}

fn with_trailing_slash(url: &str) -> String {
    if url.ends_with('/') {
        url.to_owned()
    } else {
        format!("{url}/")
    }
}
