//! Making a search of the segmented index find what one index of the whole site would.
//!
//! Pagefind matches each segment on its own, in two ways one index does not:
//!
//! - a word of the query that no word of a segment begins with matches that segment's longest
//!   word the query's word begins with (`marathon` finds a `Mara`); one index does so only
//!   when no story of the whole site has a word that begins with it, and then with the
//!   longest such word of the whole site;
//! - a word that matches nothing in a segment is left out of that segment's search (`stadium
//!   with` finds every story with `with` there); one index leaves it out only when it matches
//!   nothing in the whole site.
//!
//! So each word of the query is also searched alone, in exact form (`"word"`) and with a
//! suffix no word has (`word` and U+0001, which a segment can only answer with the longest of
//! its words the query's word begins with), and the counts by each segment's tag
//! (`pagefind::SEGMENT_FILTER`) say what every segment found. A segment whose exact form
//! found nothing and whose suffixed search found as many stories is asked again alone, also
//! with the word's last letter off: when all three found the same stories at the same places,
//! the segment matched a word shorter than the query's, its fallback. The query is then
//! searched again among the segments that match every word as one index would.
//!
//! Ranking stays each segment's own: Pagefind scores a story with its segment's counts
//! (stories, stories holding the word, their average length), and its API gives a result's
//! score, not those counts.

use std::collections::{BTreeMap, BTreeSet};

use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{future_to_promise, JsFuture};

use super::pagefind::{Index, SEGMENT_FILTER};
use crate::data::modules::call_now;

/// Follows a word in the probe search: no indexed word has it, Pagefind keeps it (it is not
/// punctuation) and no stemmer takes it off.
const NO_WORD_GOES_ON: char = '\u{1}';

/// Pagefind's answer to `query` as one index would give it, from `answer` (the merged
/// index's): `answer` itself, or the answer of a search again among the segments that match
/// every word as one index would.
pub async fn as_one_index(index: &Index, query: &str, answer: JsValue) -> Result<JsValue, JsValue> {
    // Pagefind searches a quoted query for its exact words: no fallback there.
    let trimmed = query.trim();
    let is_exact = trimmed.len() > 1 && trimmed.starts_with('"') && trimmed.ends_with('"');
    if index.n_segments < 2 || is_exact {
        return Ok(answer);
    }
    let words: Vec<&str> = query
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .collect();
    let answered = counts(&answer);
    let mut kept: BTreeSet<String> = (0..index.n_segments)
        .map(|position| position.to_string())
        .collect();
    // The words are looked at together: each is a few searches that wait on each other.
    let looking: Array = words
        .iter()
        .map(|word| {
            let (pagefind, word) = (index.pagefind.clone(), (*word).to_owned());
            let alone = (words.len() == 1).then(|| answer.clone());
            let n_segments = index.n_segments;
            future_to_promise(async move {
                let matching = matching(&pagefind, &word, alone, n_segments).await?;
                Ok(matching.map_or(JsValue::NULL, |segments| {
                    segments
                        .into_iter()
                        .map(JsValue::from)
                        .collect::<Array>()
                        .into()
                }))
            })
        })
        .collect();
    let matchings: Array = JsFuture::from(Promise::all(&looking)).await?.dyn_into()?;
    for matching in matchings.iter().filter(|matching| !matching.is_null()) {
        let matching: BTreeSet<String> = matching
            .dyn_into::<Array>()?
            .iter()
            .filter_map(|segment| segment.as_string())
            .collect();
        kept.retain(|segment| matching.contains(segment));
    }
    let is_answer_kept = answered
        .iter()
        .all(|(segment, n_found)| *n_found == 0 || kept.contains(segment));
    if is_answer_kept {
        return Ok(answer);
    }
    if kept.is_empty() {
        // No filter value is "no segment" (an empty `any` is no filter at all).
        let nothing = Object::new();
        Reflect::set(&nothing, &"results".into(), &Array::new())?;
        return Ok(nothing.into());
    }
    let kept: Array = kept.into_iter().map(JsValue::from).collect();
    let any = Object::new();
    Reflect::set(&any, &"any".into(), &kept)?;
    let searching = search(&index.pagefind, query, Some(&segments_filter(&any)))?;
    JsFuture::from(searching).await
}

/// The segments (by tag) whose stories match `word` as one index would; `None` when one index
/// would leave the word out (it matches nothing anywhere). `alone` is Pagefind's answer for
/// the word, when the caller has it.
async fn matching(
    pagefind: &JsValue,
    word: &str,
    alone: Option<JsValue>,
    n_segments: usize,
) -> Result<Option<BTreeSet<String>>, JsValue> {
    let probe = format!("{word}{NO_WORD_GOES_ON}");
    let shorter = word
        .char_indices()
        .last()
        .map(|(last, _)| format!("{}{NO_WORD_GOES_ON}", &word[..last]));
    let alone = match alone {
        Some(alone) => Promise::resolve(&alone),
        None => search(pagefind, word, None)?,
    };
    let exact = search(pagefind, &format!("\"{word}\""), None)?;
    let answers = all([alone, exact]).await?;
    let [found, exact] =
        [0, 1].map(|position| answers.get(position).map(counts).unwrap_or_default());
    if exact.len() == n_segments && exact.values().all(|n_exact| *n_exact > 0) {
        // Every segment has the word itself, as one index has.
        return Ok(None);
    }
    let by_fallback = counts(&JsFuture::from(search(pagefind, &probe, None)?).await?);
    let suspects: Vec<&String> = found
        .iter()
        .filter(|(segment, n_found)| {
            **n_found > 0
                && exact.get(*segment).copied().unwrap_or(0) == 0
                && by_fallback.get(*segment) == Some(*n_found)
        })
        .map(|(segment, _)| segment)
        .collect();
    // The same count may be chance, and so may the same stories (one can hold both words);
    // the same places in the same stories are the same word, and the same again without the
    // word's last letter make it shorter than the query's word.
    let (fallbacks, found_itself) = match &shorter {
        Some(shorter) if !suspects.is_empty() => {
            let mut asked = Vec::new();
            for segment in &suspects {
                let only = segments_filter(&JsValue::from_str(segment));
                asked.push(search(pagefind, word, Some(&only))?);
                asked.push(search(pagefind, &probe, Some(&only))?);
                asked.push(search(pagefind, shorter, Some(&only))?);
            }
            let answers = all(asked).await?;
            let fallbacks: BTreeSet<String> = suspects
                .iter()
                .zip(answers.chunks(3))
                .filter(|(_, answers)| {
                    matches!(answers, [word, probe, shorter]
                        if places(word) == places(probe) && places(word) == places(shorter))
                })
                .map(|(segment, _)| (*segment).clone())
                .collect();
            let found_itself = found
                .iter()
                .filter(|(segment, n_found)| **n_found > 0 && !fallbacks.contains(*segment))
                .map(|(segment, _)| segment.clone())
                .collect();
            (fallbacks, found_itself)
        }
        _ => {
            let found_itself: BTreeSet<String> = found
                .iter()
                .filter(|(_, n_found)| **n_found > 0)
                .map(|(segment, _)| segment.clone())
                .collect();
            (BTreeSet::new(), found_itself)
        }
    };
    if !found_itself.is_empty() {
        return Ok(Some(found_itself));
    }
    if fallbacks.is_empty() {
        return Ok(None);
    }
    // No segment has the word: one index falls back to the longest word of all that the
    // query's word begins with, so only the segments that have that word keep their stories.
    // Asked as exact forms of the word's beginnings, longest first.
    let mut beginnings: Vec<&str> = word
        .char_indices()
        .skip(1)
        .map(|(end, _)| &word[..end])
        .collect();
    beginnings.reverse();
    let mut asked = Vec::new();
    for beginning in &beginnings {
        asked.push(search(pagefind, &format!("\"{beginning}\""), None)?);
    }
    let having = all(asked)
        .await?
        .iter()
        .map(counts)
        .find(|having| having.values().any(|n| *n > 0))
        .unwrap_or_default();
    Ok(Some(
        fallbacks
            .into_iter()
            .filter(|segment| having.get(segment).copied().unwrap_or(0) > 0)
            .collect(),
    ))
}

/// The answers of every one of `promises`, in order.
async fn all(promises: impl IntoIterator<Item = Promise>) -> Result<Vec<JsValue>, JsValue> {
    let promises: Array = promises.into_iter().collect();
    let answers: Array = JsFuture::from(Promise::all(&promises)).await?.dyn_into()?;
    Ok(answers.iter().collect())
}

/// Starts Pagefind's search for `term`, among the segments `filter` names (all without).
fn search(pagefind: &JsValue, term: &str, filter: Option<&Object>) -> Result<Promise, JsValue> {
    let options = Object::new();
    if let Some(filter) = filter {
        Reflect::set(&options, &"filters".into(), filter)?;
    }
    call_now(pagefind, "search", &[term.into(), options.into()])?.dyn_into()
}

/// A filter on the segments' tag: `{segment: value}`.
fn segments_filter(value: &JsValue) -> Object {
    let filter = Object::new();
    let _ = Reflect::set(&filter, &SEGMENT_FILTER.into(), value);
    filter
}

/// How many results each segment (by its tag) gave in Pagefind's `answer`.
fn counts(answer: &JsValue) -> BTreeMap<String, u32> {
    let by_segment = Reflect::get(answer, &"filters".into())
        .and_then(|filters| Reflect::get(&filters, &SEGMENT_FILTER.into()))
        .ok()
        .filter(JsValue::is_object);
    let Some(by_segment) = by_segment else {
        return BTreeMap::new();
    };
    Object::entries(by_segment.unchecked_ref())
        .iter()
        .filter_map(|entry| {
            let entry: Array = entry.dyn_into().ok()?;
            Some((entry.get(0).as_string()?, entry.get(1).as_f64()? as u32))
        })
        .collect()
}

/// The stories in `answer` (Pagefind's page ids), each with where in it the matched words
/// are (word positions).
fn places(answer: &JsValue) -> BTreeMap<String, Vec<u32>> {
    let results = Reflect::get(answer, &"results".into())
        .ok()
        .and_then(|results| results.dyn_into::<Array>().ok())
        .unwrap_or_default();
    results
        .iter()
        .filter_map(|result| {
            let id = Reflect::get(&result, &"id".into()).ok()?.as_string()?;
            let words: Array = Reflect::get(&result, &"words".into())
                .ok()?
                .dyn_into()
                .ok()?;
            let mut positions: Vec<u32> = words
                .iter()
                .filter_map(|position| position.as_f64())
                .map(|position| position as u32)
                .collect();
            positions.sort_unstable();
            Some((id, positions))
        })
        .collect()
}
