//! A source's posts named by id, slug and last change alone: the cheap listing a rebuild reads
//! to find what changed since the last import, without any post's text.

use serde_json::Value;

use super::value::{at, text_at};
use super::{ghost, wordpress, Answer, ContentSource, PageNumber, SourceError, WordPressRoutes};
use crate::date::Timestamp;
use crate::route::percent_encode;

/// Posts per page of a listing: the most WordPress gives in one answer.
pub const LISTING_PER_PAGE: u32 = 100;

/// One post as a listing (or a whole-post answer) names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedPost {
    /// The source's own id (a WordPress post's number, a Ghost post's id), as text.
    pub id: String,
    /// The slug as the source writes it (it may be one this format cannot use).
    pub slug: String,
    /// When the post last changed, in UTC: WordPress's `modified_gmt`, Ghost's `updated_at`.
    pub modified: Option<Timestamp>,
}

/// One page of a listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listing {
    pub posts: Vec<ListedPost>,
    /// How many posts the source lists in all (WordPress's `X-WP-Total`, Ghost's
    /// `meta.pagination.total`), when it says.
    pub total: Option<u32>,
    /// Whether a later page follows.
    pub has_next: bool,
}

impl ContentSource {
    /// Page `page` of every post's id, slug and last change, the most recently changed first
    /// (WordPress `orderby=modified`, Ghost `order=updated_at desc`). `None` for sources
    /// without such a list (this format, a JSON Feed: one document, read whole).
    pub fn listing_url(&self, routes: WordPressRoutes, page: PageNumber) -> Option<String> {
        match self {
            ContentSource::WordPress { site } => Some(wordpress::posts_url(
                site,
                routes,
                &format!(
                    "_fields=id,slug,modified_gmt&orderby=modified&order=desc&per_page={LISTING_PER_PAGE}&page={}",
                    page.0
                ),
            )),
            ContentSource::Ghost { site, key } => Some(ghost::listing_url(
                site,
                key,
                &format!(
                    "fields=id,slug,updated_at&order={}&limit={LISTING_PER_PAGE}&page={}",
                    percent_encode("updated_at desc"),
                    page.0
                ),
            )),
            ContentSource::Json | ContentSource::JsonFeed { .. } => None,
        }
    }

    /// The whole posts with these `ids` (at most [`LISTING_PER_PAGE`]), asked as a list page
    /// of `per_page` so they are read exactly as a full import reads them. `None` for sources
    /// without ids to ask by.
    pub fn posts_by_id_url(&self, ids: &[&str], paging: super::Paging) -> Option<String> {
        let url = self.feed_page_url(PageNumber(1), paging)?;
        match self {
            ContentSource::WordPress { .. } => {
                // WordPress's ids are numbers; anything else is not asked for.
                let ids: Vec<&str> = ids
                    .iter()
                    .copied()
                    .filter(|id| !id.is_empty() && id.bytes().all(|byte| byte.is_ascii_digit()))
                    .collect();
                Some(format!("{url}&include={}", ids.join(",")))
            }
            ContentSource::Ghost { .. } => {
                // Ghost's ids are hexadecimal, quoted so that one starting with digits stays
                // text: nothing to escape inside the quotes.
                let ids: Vec<String> = ids
                    .iter()
                    .filter(|id| {
                        !id.is_empty() && id.bytes().all(|byte| byte.is_ascii_alphanumeric())
                    })
                    .map(|id| format!("'{id}'"))
                    .collect();
                Some(format!(
                    "{url}&filter={}",
                    percent_encode(&format!("id:[{}]", ids.join(",")))
                ))
            }
            ContentSource::Json | ContentSource::JsonFeed { .. } => None,
        }
    }

    /// Reads a listing page, or the ids and last changes of a page of whole posts (the same
    /// fields are there). A post without an id is left out: nothing could ask for it again.
    pub fn read_listing(
        &self,
        answer: Answer<'_>,
        total_items: Option<u32>,
    ) -> Result<Listing, SourceError> {
        let value: Value = serde_json::from_str(answer.body)
            .map_err(|error| SourceError::Unreadable(format!("not JSON: {error}")))?;
        let (posts, modified_field, total, has_next) = match self {
            ContentSource::WordPress { .. } => (
                value.as_array(),
                "modified_gmt",
                total_items,
                answer
                    .total_pages
                    .is_some_and(|pages| answer.page.0 < pages),
            ),
            ContentSource::Ghost { .. } => (
                at(&value, &["posts"]).and_then(Value::as_array),
                "updated_at",
                at(&value, &["meta", "pagination", "total"])
                    .and_then(Value::as_u64)
                    .and_then(|total| u32::try_from(total).ok()),
                ghost::next_page(&value).is_some(),
            ),
            ContentSource::Json | ContentSource::JsonFeed { .. } => {
                return Err(SourceError::Unreadable(
                    "this source has no listing of posts".into(),
                ))
            }
        };
        let posts =
            posts.ok_or_else(|| SourceError::Unreadable("a list of posts was expected".into()))?;
        let posts = posts
            .iter()
            .filter_map(|post| {
                let id = match at(post, &["id"])? {
                    Value::String(id) => id.clone(),
                    Value::Number(id) => id.to_string(),
                    _ => return None,
                };
                let modified = text_at(post, &[modified_field]).and_then(|text| match self {
                    // `modified_gmt` carries no zone: it is UTC.
                    ContentSource::WordPress { .. } => Timestamp::parse(&format!("{text}Z")),
                    _ => Timestamp::parse(text),
                });
                Some(ListedPost {
                    id,
                    slug: text_at(post, &["slug"]).unwrap_or_default().to_owned(),
                    modified,
                })
            })
            .collect();
        Ok(Listing {
            posts,
            total,
            has_next,
        })
    }
}
