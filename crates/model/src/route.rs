//! The site's addresses: every page the app or the build knows, parsed from a path under the
//! site's base path and written back as one. Nothing else in the project spells a route.

use std::fmt;

use crate::slug::Slug;

/// A page of the site, as the content format's route table names them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    /// `/`: the home feed.
    Home,
    /// `/article/{slug}`: one article.
    Article(Slug),
    /// `/section/{key}`: the stories of one section.
    Section(Key),
    /// `/tag/{key}`: the stories with one tag.
    Tag(Key),
    /// `/author/{key}`: the stories of one author (content format 1.2).
    Author(Key),
    /// `/page/{slug}`: one of the site's own pages, About or Contact (content format 1.2).
    Page(Slug),
    /// `/search?q=…`: search results; the query may be empty.
    Search { query: String },
    /// `/embed/article/{slug}/`: one article as a widget for another site's page.
    EmbedArticle(Slug),
}

const ARTICLE: &str = "article";
const SECTION: &str = "section";
const TAG: &str = "tag";
const AUTHOR: &str = "author";
const PAGE: &str = "page";
const SEARCH: &str = "search";
const EMBED: &str = "embed";
const OEMBED: &str = "oembed";

impl Route {
    /// Reads the part of an address after the base path (`article/raqqa`, `/article/raqqa/`,
    /// `search?q=rain`); `None` for anything that is not a page ("not found"). A trailing `/`
    /// is accepted, since static servers redirect `/article/x` to the folder `/article/x/`.
    pub fn parse(after_base: &str) -> Option<Route> {
        let (path, query) = after_base.split_once('?').unwrap_or((after_base, ""));
        let path = path.split_once('#').map_or(path, |(path, _)| path);
        let path = path.trim_start_matches('/');
        let path = path.strip_suffix('/').unwrap_or(path);
        let segments: Vec<&str> = if path.is_empty() {
            Vec::new()
        } else {
            path.split('/').collect()
        };
        match segments.as_slice() {
            [] => Some(Route::Home),
            [ARTICLE, slug] => Slug::parse(slug).map(Route::Article),
            [SECTION, key] => Key::parse(&percent_decode(key)?).map(Route::Section),
            [TAG, key] => Key::parse(&percent_decode(key)?).map(Route::Tag),
            [AUTHOR, key] => Key::parse(&percent_decode(key)?).map(Route::Author),
            [PAGE, slug] => Slug::parse(slug).map(Route::Page),
            [SEARCH] => Some(Route::Search {
                query: query_value(query, "q").unwrap_or_default(),
            }),
            [EMBED, ARTICLE, slug] => Slug::parse(slug).map(Route::EmbedArticle),
            _ => None,
        }
    }

    /// Reads a full path such as `/news/article/raqqa` under the base path `/news/`; `None`
    /// when the path is outside the base or names no page.
    pub fn parse_under(base_path: &str, path_and_query: &str) -> Option<Route> {
        let base = base_path.trim_end_matches('/');
        let after_base = path_and_query.strip_prefix(base)?;
        if !(after_base.is_empty() || after_base.starts_with(['/', '?', '#'])) {
            return None;
        }
        Route::parse(after_base)
    }

    /// The address after the base path, percent-encoded: `""` for the home,
    /// `article/raqqa`, `search?q=rain%20record`.
    pub fn path(&self) -> String {
        match self {
            Route::Home => String::new(),
            Route::Article(slug) => format!("{ARTICLE}/{slug}"),
            Route::Section(key) => format!("{SECTION}/{}", percent_encode(key.as_str())),
            Route::Tag(key) => format!("{TAG}/{}", percent_encode(key.as_str())),
            Route::Author(key) => format!("{AUTHOR}/{}", percent_encode(key.as_str())),
            Route::Page(slug) => format!("{PAGE}/{slug}"),
            Route::Search { query } if query.is_empty() => SEARCH.to_owned(),
            Route::Search { query } => format!("{SEARCH}?q={}", percent_encode(query)),
            // A folder, as the build writes it: the widget is always loaded as a frame.
            Route::EmbedArticle(slug) => format!("{EMBED}/{ARTICLE}/{slug}/"),
        }
    }

    /// The address under `base_path` (which ends in `/`), as a link's `href`: `/news/`,
    /// `/news/article/raqqa`.
    pub fn href(&self, base_path: &str) -> String {
        format!("{base_path}{}", self.path())
    }

    /// Where the build writes this page, relative to the output folder: `index.html`,
    /// `article/raqqa/index.html`, `search/index.html` (one page for every query: the app
    /// finds the results).
    pub fn file(&self) -> String {
        let folder = match self {
            Route::Home => return "index.html".to_owned(),
            Route::Search { .. } => SEARCH.to_owned(),
            Route::Article(slug) => format!("{ARTICLE}/{slug}"),
            // On disk the key is written as it reads: servers decode the address first.
            Route::Section(key) => format!("{SECTION}/{key}"),
            Route::Tag(key) => format!("{TAG}/{key}"),
            Route::Author(key) => format!("{AUTHOR}/{key}"),
            Route::Page(slug) => format!("{PAGE}/{slug}"),
            Route::EmbedArticle(slug) => format!("{EMBED}/{ARTICLE}/{slug}"),
        };
        format!("{folder}/index.html")
    }

    /// The public address of a prerendered page, as canonical links, feeds and the sitemap
    /// write it: articles as the folder the build writes (`article/raqqa/`).
    pub fn canonical_path(&self) -> String {
        match self {
            Route::Article(_)
            | Route::Section(_)
            | Route::Tag(_)
            | Route::Author(_)
            | Route::Page(_) => format!("{}/", self.path()),
            // The page, whatever was searched for: results are not a page of their own.
            Route::Search { .. } => format!("{SEARCH}/"),
            _ => self.path(),
        }
    }

    /// The folder holding every site page's folder, relative to the output folder.
    pub const SITE_PAGES_FOLDER: &'static str = PAGE;

    /// Whether the app shows this route itself, so a link to it navigates without a reload.
    /// The widget is a page for frames on other sites, never a place inside the app.
    pub fn is_in_app(&self) -> bool {
        !matches!(self, Route::EmbedArticle(_))
    }
}

/// What the build writes for each story, beside the site-wide pages: the one place their
/// paths are spelled, for writing, pruning and compressing them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoryOutput {
    /// `article/{slug}/index.html`.
    Page,
    /// `embed/article/{slug}/index.html`.
    WidgetPage,
    /// `oembed/{slug}.json`.
    OembedAnswer,
}

impl StoryOutput {
    pub const ALL: [StoryOutput; 3] = [
        StoryOutput::Page,
        StoryOutput::WidgetPage,
        StoryOutput::OembedAnswer,
    ];

    /// The file for the story `slug`, relative to the output folder.
    pub fn file(self, slug: &Slug) -> String {
        match self {
            StoryOutput::Page => Route::Article(slug.clone()).file(),
            StoryOutput::WidgetPage => Route::EmbedArticle(slug.clone()).file(),
            StoryOutput::OembedAnswer => format!("{OEMBED}/{slug}.json"),
        }
    }

    /// The folder holding this output of every story, relative to the output folder:
    /// `article`, `embed/article`, `oembed`.
    pub fn folder(self) -> String {
        match self {
            StoryOutput::Page => ARTICLE.to_owned(),
            StoryOutput::WidgetPage => format!("{EMBED}/{ARTICLE}"),
            StoryOutput::OembedAnswer => OEMBED.to_owned(),
        }
    }

    /// The story an entry of [`StoryOutput::folder`] is for: a page's folder name, an answer's
    /// file name (`raqqa.json`, or its compressed copy `raqqa.json.br`); `None` for an entry
    /// that is not one.
    pub fn slug_of_entry(self, name: &str) -> Option<Slug> {
        match self {
            StoryOutput::Page | StoryOutput::WidgetPage => Slug::parse(name),
            StoryOutput::OembedAnswer => Slug::parse(name.split_once(".json")?.0),
        }
    }
}

/// The key of a section, tag or author: its name lowercased, every run of characters that are not
/// letters or digits replaced by one `-`, trimmed of `-` ("Middle East" → `middle-east`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key(String);

/// The longest key, in bytes, with a page of its own; see [`Key::has_page`].
pub const MAX_KEY_BYTES: usize = 200;

impl Key {
    /// The key of a section, tag or author name; `None` when nothing of it is left (the name has no
    /// page).
    pub fn from_name(name: &str) -> Option<Key> {
        let mut key = String::with_capacity(name.len());
        let mut is_after_letter = false;
        for c in name.chars() {
            if c.is_alphanumeric() {
                key.extend(c.to_lowercase());
                is_after_letter = true;
            } else if is_after_letter {
                key.push('-');
                is_after_letter = false;
            }
        }
        let key = key.trim_end_matches('-');
        (!key.is_empty()).then(|| Key(key.to_owned()))
    }

    /// Whether the build writes a page for this key: its files' names must fit a file system's
    /// 255 bytes, so a key of more than [`MAX_KEY_BYTES`] has none (the app still filters its
    /// stories when asked for it).
    pub fn has_page(&self) -> bool {
        self.0.len() <= MAX_KEY_BYTES
    }

    /// Accepts `text` only if it is already a key (as read from an address).
    pub fn parse(text: &str) -> Option<Key> {
        Key::from_name(text).filter(|key| key.0 == text)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The value of `name` in a query string such as `q=rain+record&x=1`, decoded.
fn query_value(query: &str, name: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(key, _)| *key == name)
        .and_then(|(_, value)| percent_decode(&value.replace('+', " ")))
}

/// Percent-encodes everything but unreserved ASCII (RFC 3986), so a key or query is one
/// path segment or query value whatever it holds.
pub fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// Decodes `%XX` escapes; `None` when they do not make UTF-8 text.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut byte_idx = 0;
    while byte_idx < bytes.len() {
        let escaped = (bytes[byte_idx] == b'%')
            .then(|| text.get(byte_idx + 1..byte_idx + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                decoded.push(byte);
                byte_idx += 3;
            }
            None => {
                decoded.push(bytes[byte_idx]);
                byte_idx += 1;
            }
        }
    }
    String::from_utf8(decoded).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_storys_outputs_have_one_place_and_are_found_again_by_name() {
        let slug = Slug::parse("raqqa").expect("slug");
        let files = StoryOutput::ALL.map(|output| output.file(&slug));
        assert_eq!(
            files,
            [
                "article/raqqa/index.html",
                "embed/article/raqqa/index.html",
                "oembed/raqqa.json"
            ]
        );
        for output in StoryOutput::ALL {
            assert!(output
                .file(&slug)
                .starts_with(&format!("{}/", output.folder())));
        }
        assert_eq!(
            StoryOutput::OembedAnswer.slug_of_entry("raqqa.json.br"),
            Some(slug.clone())
        );
        assert_eq!(StoryOutput::Page.slug_of_entry("raqqa"), Some(slug));
        assert_eq!(StoryOutput::OembedAnswer.slug_of_entry("notes.txt"), None);
        assert_eq!(StoryOutput::WidgetPage.slug_of_entry("Not A Slug"), None);
    }

    fn slug(text: &str) -> Slug {
        Slug::parse(text).expect("test slug is valid")
    }

    #[test]
    fn every_route_reads_back_what_it_writes() {
        let routes = [
            Route::Home,
            Route::Article(slug("raqqa")),
            Route::Section(Key::from_name("Middle East").expect("has a key")),
            Route::Tag(Key::from_name("Économie & Société").expect("has a key")),
            Route::Author(Key::from_name("Ana O'Neil").expect("has a key")),
            Route::Page(slug("about")),
            Route::Search {
                query: "rain & record/2017?".into(),
            },
            Route::Search {
                query: String::new(),
            },
            Route::EmbedArticle(slug("raqqa")),
        ];
        for route in routes {
            assert_eq!(
                Route::parse(&route.path()),
                Some(route.clone()),
                "{route:?}"
            );
            assert_eq!(
                Route::parse_under("/news/", &route.href("/news/")),
                Some(route.clone())
            );
        }
    }

    #[test]
    fn article_addresses_with_and_without_a_trailing_slash_are_the_article() {
        for path in ["article/raqqa", "/article/raqqa/", "article/raqqa?x=1#top"] {
            assert_eq!(
                Route::parse(path),
                Some(Route::Article(slug("raqqa"))),
                "{path}"
            );
        }
    }

    #[test]
    fn addresses_that_name_no_page_are_not_found() {
        for path in [
            "no/such/page",
            "article/",
            "article/Raqqa",
            "article/a/b",
            "article/../etc",
            "section/Middle-East",
            "section/",
            "tag/--",
            "author/Ana-O-Neil",
            "author/",
            "page/About",
            "page/",
            "embed/article/bad slug",
            "articles/raqqa",
        ] {
            assert_eq!(Route::parse(path), None, "{path}");
        }
    }

    #[test]
    fn a_path_outside_the_base_is_not_a_route() {
        assert_eq!(
            Route::parse_under("/news/", "/newsroom/article/raqqa"),
            None
        );
        assert_eq!(Route::parse_under("/news/", "/article/raqqa"), None);
        assert_eq!(Route::parse_under("/news/", "/news"), Some(Route::Home));
        assert_eq!(Route::parse_under("/", "/"), Some(Route::Home));
    }

    #[test]
    fn keys_follow_the_content_format() {
        let key = |name: &str| Key::from_name(name).map(|key| key.0);
        assert_eq!(key("Middle East").as_deref(), Some("middle-east"));
        assert_eq!(
            key("Économie & Société").as_deref(),
            Some("économie-société")
        );
        assert_eq!(key("  --World--  ").as_deref(), Some("world"));
        assert_eq!(key("!!!"), None);
    }

    #[test]
    fn unicode_keys_are_percent_encoded_in_addresses_and_plain_on_disk() {
        let route = Route::Section(Key::from_name("Économie").expect("has a key"));
        assert_eq!(route.path(), "section/%C3%A9conomie");
        assert_eq!(route.file(), "section/économie/index.html");
    }

    #[test]
    fn an_authors_page_is_at_the_key_of_their_name() {
        let route = Route::Author(Key::from_name("Ana O'Neil").expect("has a key"));
        assert_eq!(route.path(), "author/ana-o-neil");
        assert_eq!(route.file(), "author/ana-o-neil/index.html");
        assert_eq!(route.canonical_path(), "author/ana-o-neil/");
        assert_eq!(Route::parse("author/ana-o-neil/"), Some(route));
    }

    #[test]
    fn a_site_page_is_a_folder_of_its_own() {
        let route = Route::Page(slug("about"));
        assert_eq!(route.file(), "page/about/index.html");
        assert_eq!(route.canonical_path(), "page/about/");
    }

    #[test]
    fn every_search_is_one_page_on_disk() {
        let route = Route::Search {
            query: "<b>storm</b>".into(),
        };
        assert_eq!(route.path(), "search?q=%3Cb%3Estorm%3C%2Fb%3E");
        assert_eq!(route.file(), "search/index.html");
        assert_eq!(route.canonical_path(), "search/");
        assert_eq!(
            Route::parse("search/?q=storm"),
            Some(Route::Search {
                query: "storm".into()
            })
        );
    }

    #[test]
    fn search_queries_decode_plus_and_percent_escapes() {
        assert_eq!(
            Route::parse("search?q=rain+record%21"),
            Some(Route::Search {
                query: "rain record!".into()
            })
        );
    }
}
