//! What the sources module hands the app: an array whose first item says how the reading
//! went. `["ok", index, [article, …], elsewhere, [[position, url], …]]` for a page and
//! `["ok", article]` for a story, each document as this project's own JSON;
//! `["error", kind, why]` otherwise. Entries read only at their own address (a feed item
//! without a usable slug) have no place in this format's index, so they travel in a second
//! index under a stand-in slug, with their positions and addresses. Both sides are here, so
//! they cannot drift apart.

use js_sys::Array;
use news_model::sources::{SourceError, SourcePage};
use news_model::{
    article_to_json, feed_index_to_json, parse_article, parse_feed_index, Article, FeedIndex, Link,
    Parsed, Rejected, Slug, StoryLink,
};
use wasm_bindgen::{JsCast, JsValue};

const OK: &str = "ok";
const ERROR: &str = "error";
const NOT_FOUND: &str = "not found";
const PROTECTED: &str = "protected";
const EMPTY: &str = "empty";
const UNREADABLE: &str = "unreadable";
/// The slug entries read elsewhere carry between the two sides.
const STAND_IN_SLUG: &str = "read-elsewhere";

/// A page of stories, as read: its index and the stories it carries whole.
pub struct ReadPage {
    pub index: FeedIndex,
    pub articles: Vec<Article>,
}

/// The module's reply for a page of stories.
pub fn of_page(read: Result<SourcePage, SourceError>) -> Array {
    let page = match read {
        Ok(page) => page,
        Err(error) => return of_error(error),
    };
    let articles: Array = page
        .articles
        .iter()
        .map(|read| JsValue::from_str(&article_to_json(&read.article).to_string()))
        .collect();
    let stand_in = Slug::parse(STAND_IN_SLUG).expect("invariant: a valid slug");
    let (mut here, mut elsewhere) = (page.index.clone(), page.index);
    let places = Array::new();
    let entries = std::mem::take(&mut here.entries);
    elsewhere.entries.clear();
    for (position, mut entry) in entries.into_iter().enumerate() {
        match &entry.story {
            StoryLink::Here(_) => here.entries.push(entry),
            StoryLink::Elsewhere(link) => {
                places.push(&Array::of2(&position.into(), &link.as_str().into()));
                entry.story = StoryLink::Here(stand_in.clone());
                elsewhere.entries.push(entry);
            }
        }
    }
    elsewhere.next = None;
    let result = Array::of3(
        &OK.into(),
        &feed_index_to_json(&here).to_string().into(),
        &articles,
    );
    result.push(&feed_index_to_json(&elsewhere).to_string().into());
    result.push(&places);
    result
}

/// The module's reply for one story.
pub fn of_article(read: Result<Article, SourceError>) -> Array {
    match read {
        Ok(article) => Array::of2(&OK.into(), &article_to_json(&article).to_string().into()),
        Err(error) => of_error(error),
    }
}

fn of_error(error: SourceError) -> Array {
    let (kind, why) = match error {
        SourceError::NotFound => (NOT_FOUND, String::new()),
        SourceError::Protected => (PROTECTED, String::new()),
        SourceError::Empty => (EMPTY, String::new()),
        SourceError::Unreadable(why) => (UNREADABLE, why),
    };
    Array::of3(&ERROR.into(), &kind.into(), &why.into())
}

/// The app's reading of a reply for a page of stories.
pub fn page_of(reply: &JsValue) -> Result<ReadPage, SourceError> {
    let items = items_of(reply)?;
    let mut index = document(items.get(1), parse_feed_index)?;
    let articles = items
        .get(2)
        .dyn_into::<Array>()
        .map_err(|_| malformed())?
        .iter()
        .map(|article| document(article, parse_article))
        .collect::<Result<_, _>>()?;
    let elsewhere = document(items.get(3), parse_feed_index)?;
    let places: Array = items.get(4).dyn_into().map_err(|_| malformed())?;
    for (mut entry, place) in elsewhere.entries.into_iter().zip(places.iter()) {
        let place: Array = place.dyn_into().map_err(|_| malformed())?;
        let position = place.get(0).as_f64().ok_or_else(malformed)? as usize;
        let link = place.get(1).as_string().ok_or_else(malformed)?;
        entry.story = StoryLink::Elsewhere(Link::parse(&link).map_err(|_| malformed())?);
        index
            .entries
            .insert(position.min(index.entries.len()), entry);
    }
    Ok(ReadPage { index, articles })
}

/// The app's reading of a reply for one story.
pub fn article_of(reply: &JsValue) -> Result<Article, SourceError> {
    document(items_of(reply)?.get(1), parse_article)
}

/// The reply's items when it says "ok"; else the error it carries.
fn items_of(reply: &JsValue) -> Result<Array, SourceError> {
    let items: Array = reply.clone().dyn_into().map_err(|_| malformed())?;
    match items.get(0).as_string().as_deref() {
        Some(OK) => Ok(items),
        Some(ERROR) => Err(
            match (
                items.get(1).as_string().as_deref(),
                items.get(2).as_string(),
            ) {
                (Some(NOT_FOUND), _) => SourceError::NotFound,
                (Some(PROTECTED), _) => SourceError::Protected,
                (Some(EMPTY), _) => SourceError::Empty,
                (_, why) => SourceError::Unreadable(why.unwrap_or_default()),
            },
        ),
        _ => Err(malformed()),
    }
}

/// One document of the reply, read with the same checks as the site's own files.
fn document<T>(
    json: JsValue,
    parse: fn(&str) -> Result<Parsed<T>, Rejected>,
) -> Result<T, SourceError> {
    let json = json.as_string().ok_or_else(malformed)?;
    parse(&json)
        .map(|parsed| parsed.document)
        .map_err(|rejected| SourceError::Unreadable(rejected.to_string()))
}

fn malformed() -> SourceError {
    SourceError::Unreadable("the sources module answered something else".into())
}
