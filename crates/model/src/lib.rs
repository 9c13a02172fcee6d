//! The News Blog content format, version 1: the types the app renders, the parser and
//! validator that build them from JSON, the link allow-list, and the comment storage format.
//!
//! Nothing here touches a browser, so the same rules run in the app, in native tests and in
//! command-line tools. The format is described in this crate's `README.md`.

mod article;
mod block;
mod comment;
mod date;
mod document;
mod embed;
mod feed;
pub mod html;
mod image;
mod inline;
mod json_out;
mod language;
mod link;
mod problem;
mod reader;
mod reading_time;
pub mod related;
mod route;
pub mod search;
mod seo;
mod settings;
mod shelf;
mod site_page;
mod slug;
pub mod sources;
pub mod topic;

pub use article::{parse_article, parse_article_value, Access, Article, Source, MAX_RELATED};
pub use block::{Block, HeadingLevel};
pub use comment::{
    count_chars, with_thousands, Comment, CommentDraft, DraftProblem, MAX_COMMENT_CHARS,
    MAX_NAME_CHARS,
};
pub use date::{DateStyle, Timestamp, WallClock};
pub use embed::Embed;
pub use feed::{
    parse_feed_index, parse_feed_index_value, FeedEntry, FeedIndex, StoryLink,
    STORIES_ON_FIRST_SCREEN, STORIES_PER_MORE,
};
pub use image::{Image, ImageSource, Size};
pub use inline::{Inline, Span};
pub use json_out::{article_to_json, feed_index_to_json, page_links_to_json, site_page_to_json};
pub use language::{Direction, LanguageTag};
pub use link::{Link, LinkKind, LinkRefusal};
pub use problem::{Parsed, Problem, Rejected, Severity};
pub use route::{percent_encode, Key, Route, StoryOutput};
pub use seo::{parse_article_with_seo, Preview, Seo};
pub use settings::{
    page_title, site_name_or_default, APP_ID, ARTICLE_URL_META, DEFAULT_ARTICLE_URL,
    DEFAULT_INDEX_URL, DEFAULT_SITE_NAME, FOOTER_PAGES_META, INDEX_URL_META, LANGUAGE_META,
    OFFLINE_META, PRERENDERED_ID, SAVED_HEADER, SAVED_STORIES_HEADER, SITE_NAME_META,
    SLUG_PLACEHOLDER, SOURCE_KEY_META, SOURCE_META, SOURCE_URL_META, UPDATE_READY_MARK,
};
pub use shelf::{
    storage_key, CommentShelf, DecodedShelf, ShelfFull, StoredCommentsError,
    MAX_COMMENTS_PER_ARTICLE, STORAGE_VERSION,
};
pub use site_page::{
    parse_footer_pages, parse_page_links, parse_site_page, parse_site_page_value, PageLink,
    SitePage,
};
pub use slug::{Slug, MAX_SLUG_LEN};
