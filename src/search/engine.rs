//! Finding stories: the site's Pagefind index (written by the build, loaded by `pagefind`)
//! the first time a reader searches; else the source's own search (WordPress, Ghost) when the
//! site was not built with an index. Results come back as text to mark, never as HTML.

use js_sys::{Array, Promise, Reflect};
use news_model::search::{excerpt_around, SearchHit, EXCERPT_WORDS, RESULTS_PER_PAGE};
use news_model::{Route, StoryLink, Timestamp};
use news_views::load_error::LoadError;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::one_index::as_one_index;
use super::pagefind::Index;
use crate::data::modules::{call, promise_of};
use crate::data::settings::Settings;
use crate::data::stories::{first_source_search_page, next_feed_page, FeedPage};

/// What a search found: the first results, how many there are when the engine says, and how
/// to ask for more.
pub struct Found {
    pub total: Option<usize>,
    pub hits: Vec<SearchHit>,
    pub more: Option<More>,
}

/// Where the next results come from.
#[derive(Clone)]
pub enum More {
    /// Pagefind's ranked results, the first `from` of them shown.
    Index { results: Array, from: usize },
    /// The source's next page of results.
    Source(FeedPage),
}

/// Why a search gave no results list.
pub enum SearchError {
    /// The site has no index and its source no search.
    Unavailable,
    Failed(LoadError),
}

/// The stories matching `query` (not empty): the first results, or with `more` those after
/// the ones shown.
pub async fn find(
    settings: Settings,
    query: String,
    more: Option<More>,
) -> Result<Found, SearchError> {
    match more {
        None => search(settings, query).await,
        Some(more) => more_results(settings, query, more).await,
    }
}

async fn search(settings: Settings, query: String) -> Result<Found, SearchError> {
    if let Some(index) = index(&settings).await.map_err(SearchError::Failed)? {
        let unreadable = |_| failed("the search index could not be read");
        let answer = call(&index.pagefind, "search", &JsValue::from_str(&query))
            .await
            .map_err(unreadable)?;
        let answer = as_one_index(&index, &query, answer)
            .await
            .map_err(unreadable)?;
        let results: Array = Reflect::get(&answer, &"results".into())
            .ok()
            .and_then(|results| results.dyn_into().ok())
            .ok_or_else(|| failed("the search index answered something else"))?;
        let total = results.length() as usize;
        let (hits, more) = index_results(results, 0, &settings.site.base_path).await?;
        return Ok(Found {
            total: Some(total),
            hits,
            more,
        });
    }
    let page = first_source_search_page(settings, query.clone())
        .await
        .ok_or(SearchError::Unavailable)?
        .map_err(SearchError::Failed)?;
    Ok(source_results(page, &query))
}

async fn more_results(settings: Settings, query: String, more: More) -> Result<Found, SearchError> {
    match more {
        More::Index { results, from } => {
            let (hits, more) = index_results(results, from, &settings.site.base_path).await?;
            Ok(Found {
                total: None,
                hits,
                more,
            })
        }
        More::Source(previous) => {
            let url = previous
                .loaded
                .document
                .next
                .as_ref()
                .map(ToString::to_string)
                .ok_or_else(|| failed("there are no more results"))?;
            let page = next_feed_page(settings, url, (previous.number, previous.format))
                .await
                .map_err(SearchError::Failed)?;
            Ok(source_results(page, &query))
        }
    }
}

fn source_results(page: FeedPage, query: &str) -> Found {
    let more = page.loaded.document.next.is_some().then(|| page.clone());
    let hits = page
        .loaded
        .document
        .entries
        .into_iter()
        .map(|entry| SearchHit::of_entry(entry, query))
        .collect();
    Found {
        total: None,
        hits,
        more: more.map(More::Source),
    }
}

/// The `RESULTS_PER_PAGE` results of Pagefind's list from `from`, each read from its chunk.
async fn index_results(
    results: Array,
    from: usize,
    base_path: &str,
) -> Result<(Vec<SearchHit>, Option<More>), SearchError> {
    let to = (from + RESULTS_PER_PAGE).min(results.length() as usize);
    let datas = Array::new();
    for position in from..to {
        let data = promise_of(&results.get(position as u32), "data", &JsValue::UNDEFINED)
            .map_err(|_| failed("the search results could not be read"))?;
        datas.push(&data);
    }
    let datas: Array = JsFuture::from(Promise::all(&datas))
        .await
        .map_err(|_| failed("the search results could not be read"))?
        .unchecked_into();
    let hits = datas
        .iter()
        .filter_map(|data| index_hit(&data, base_path))
        .collect();
    let more = (to < results.length() as usize).then_some(More::Index { results, from: to });
    Ok((hits, more))
}

/// One Pagefind result: its page's address (an article's), title, section and date (the
/// `data-pagefind-meta` the article markup sets), and the excerpt around the matched words.
fn index_hit(data: &JsValue, base_path: &str) -> Option<SearchHit> {
    let text = |object: &JsValue, key: &str| {
        Reflect::get(object, &key.into())
            .ok()
            .and_then(|value| value.as_string())
    };
    // Pagefind writes the page's address under the folder its bundle is in (the base path).
    let url = text(data, "url")?;
    let Some(Route::Article(slug)) =
        Route::parse_under(base_path, &url).or_else(|| Route::parse(&url))
    else {
        return None;
    };
    let meta = Reflect::get(data, &"meta".into()).ok()?;
    let locations: Vec<usize> = Reflect::get(data, &"locations".into())
        .ok()
        .and_then(|locations| locations.dyn_into::<Array>().ok())
        .map(|locations| {
            locations
                .iter()
                .filter_map(|at| at.as_f64())
                .map(|at| at as usize)
                .collect()
        })
        .unwrap_or_default();
    let content = text(data, "content").unwrap_or_default();
    Some(SearchHit {
        title: text(&meta, "title").unwrap_or_else(|| slug.to_string()),
        story: StoryLink::Here(slug),
        section: text(&meta, "section").filter(|section| !section.is_empty()),
        published: text(&meta, "published").and_then(|date| Timestamp::parse(&date)),
        excerpt: excerpt_around(&content, &locations, EXCERPT_WORDS),
    })
}

/// Starts loading the site's index (Pagefind's script, its wasm and its metadata) while the
/// reader is still typing, so the first search need not wait for them.
pub fn warm_up(settings: &Settings) {
    let settings = settings.clone();
    wasm_bindgen_futures::spawn_local(async move {
        // A failed load is forgotten: the first search loads again and says why it failed.
        if let Ok(Some(index)) = index(&settings).await {
            let _ = call(&index.pagefind, "init", &JsValue::UNDEFINED).await;
        }
    });
}

/// Starts fetching what a search for `query` needs (each segment's part of the index for its
/// words) while the reader is still typing, as Pagefind's own debounced search does: the
/// search after the pause then finds it loaded instead of asking every segment at once.
pub fn preload(settings: &Settings, query: String) {
    if query.trim().is_empty() {
        return;
    }
    let settings = settings.clone();
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(Some(index)) = index(&settings).await {
            let _ = call(&index.pagefind, "preload", &JsValue::from_str(&query)).await;
        }
    });
}

/// The site's index, loaded once; `None` when the site has none, the failure when it could
/// not be loaded this time (the next search tries again).
async fn index(settings: &Settings) -> Result<Option<Index>, LoadError> {
    super::pagefind::index(&settings.site.base_url, &settings.site.base_path).await
}

fn failed(why: &str) -> SearchError {
    SearchError::Failed(LoadError::Unreadable(why.to_owned()))
}
