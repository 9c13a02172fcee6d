//! What the sources module hands the app: an array whose first item says how the reading
//! went. `["ok", index, [article, …]]` for a page and `["ok", article]` for a story, each
//! document as this project's own JSON; `["error", kind, why]` otherwise. Both sides are
//! here, so they cannot drift apart.

use js_sys::Array;
use news_model::sources::{SourceError, SourcePage};
use news_model::{
    article_to_json, feed_index_to_json, parse_article, parse_feed_index, Article, FeedIndex,
    Parsed, Rejected,
};
use wasm_bindgen::{JsCast, JsValue};

const OK: &str = "ok";
const ERROR: &str = "error";
const NOT_FOUND: &str = "not found";
const PROTECTED: &str = "protected";
const EMPTY: &str = "empty";
const UNREADABLE: &str = "unreadable";

/// A page of stories, as read: its index and the stories it carries whole.
pub struct ReadPage {
    pub index: FeedIndex,
    pub articles: Vec<Article>,
}

/// The module's reply for a page of stories.
pub fn of_page(read: Result<SourcePage, SourceError>) -> Array {
    match read {
        Ok(page) => {
            let articles: Array = page
                .articles
                .iter()
                .map(|read| JsValue::from_str(&article_to_json(&read.article).to_string()))
                .collect();
            Array::of3(
                &OK.into(),
                &feed_index_to_json(&page.index).to_string().into(),
                &articles,
            )
        }
        Err(error) => of_error(error),
    }
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
    let index = document(items.get(1), parse_feed_index)?;
    let articles = items
        .get(2)
        .dyn_into::<Array>()
        .map_err(|_| malformed())?
        .iter()
        .map(|article| document(article, parse_article))
        .collect::<Result<_, _>>()?;
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
