//! Search results as the reader sees them: the story, its headline and a short excerpt with
//! the matching words marked. The text comes from the search index (Pagefind) or a source's
//! own search, is never HTML, and is marked here, so the page draws text nodes only.

use crate::date::Timestamp;
use crate::feed::{FeedEntry, StoryLink};

/// How many words an excerpt shows around the matches.
pub const EXCERPT_WORDS: usize = 30;

/// How many results are shown at first, and added by each "More results".
pub const RESULTS_PER_PAGE: usize = 10;

/// A run of an excerpt's text, and whether it is a word the query matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked {
    pub text: String,
    pub is_match: bool,
}

/// One story found by a search.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    pub story: StoryLink,
    pub title: String,
    pub section: Option<String>,
    pub published: Option<Timestamp>,
    pub excerpt: Vec<Marked>,
}

impl SearchHit {
    /// A story a source's own search returned: its summary, with the query's words marked.
    pub fn of_entry(entry: FeedEntry, query: &str) -> SearchHit {
        let terms = query_terms(query);
        let excerpt = entry
            .summary
            .as_deref()
            .map(|summary| mark_terms(summary, &terms))
            .unwrap_or_default();
        SearchHit {
            story: entry.story,
            title: entry.title,
            section: entry.section,
            published: entry.published,
            excerpt,
        }
    }
}

/// The query's words, lowercased, for marking them in text.
pub fn query_terms(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|term| !term.is_empty())
        .map(lowercase)
        .collect()
}

/// `text` split into runs, each word that starts with one of `terms` (case-insensitively, as
/// a search for "storm" finds "storms") marked. Whitespace and punctuation stay as they are.
pub fn mark_terms(text: &str, terms: &[String]) -> Vec<Marked> {
    let mut runs = Runs::default();
    let mut rest = text;
    while !rest.is_empty() {
        let word_len = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        if word_len == 0 {
            let gap_len = rest.find(char::is_alphanumeric).unwrap_or(rest.len());
            runs.push(&rest[..gap_len], false);
            rest = &rest[gap_len..];
            continue;
        }
        let word = &rest[..word_len];
        let lowered = lowercase(word);
        let is_match = terms.iter().any(|term| lowered.starts_with(term.as_str()));
        runs.push(word, is_match);
        rest = &rest[word_len..];
    }
    runs.0
}

/// `text` lowercased by character (`str::to_lowercase`'s word-final sigma rule would bring its
/// own tables into the app; a search needs none of it).
fn lowercase(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).collect()
}

/// An excerpt of an indexed page's `content` (words separated by whitespace) around the words
/// at `locations` (their positions, as the search index gives them): the [`EXCERPT_WORDS`]
/// words holding the most matches, with "…" where text was cut, and those words marked.
pub fn excerpt_around(content: &str, locations: &[usize], length: usize) -> Vec<Marked> {
    let words: Vec<&str> = content.split_whitespace().collect();
    let length = length.max(1);
    let start = densest_window(locations, length, words.len());
    let end = (start + length).min(words.len());
    let mut runs = Runs::default();
    if start > 0 {
        runs.push("… ", false);
    }
    for (position, word) in words.iter().enumerate().take(end).skip(start) {
        if position > start {
            runs.push(" ", false);
        }
        runs.push(word, locations.contains(&position));
    }
    if end < words.len() {
        runs.push(" …", false);
    }
    runs.0
}

/// Where a window of `length` words starts so that it holds the most `locations`; a little
/// before the first match in it, so the match is read in context.
fn densest_window(locations: &[usize], length: usize, n_words: usize) -> usize {
    // A page has few matches: counting for each is cheaper in code than sorting first.
    let in_window = |first: usize| {
        locations
            .iter()
            .filter(|&&at| at >= first && at < first + length && at < n_words)
            .count()
    };
    let best = locations
        .iter()
        .copied()
        .filter(|&at| at < n_words)
        .map(|first| (in_window(first), first))
        .fold(None, |best: Option<(usize, usize)>, candidate| match best {
            Some(best)
                if best.0 > candidate.0 || (best.0 == candidate.0 && best.1 <= candidate.1) =>
            {
                Some(best)
            }
            _ => Some(candidate),
        });
    let Some((_, first)) = best else {
        return 0;
    };
    let lead_in = length / 5;
    let latest_start = n_words.saturating_sub(length);
    first.saturating_sub(lead_in).min(latest_start)
}

/// Runs of text, neighbours of the same kind joined.
#[derive(Default)]
struct Runs(Vec<Marked>);

impl Runs {
    fn push(&mut self, text: &str, is_match: bool) {
        match self.0.last_mut() {
            Some(last) if last.is_match == is_match => last.text.push_str(text),
            _ => self.0.push(Marked {
                text: text.to_owned(),
                is_match,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(runs: &[Marked]) -> String {
        runs.iter()
            .map(|run| {
                if run.is_match {
                    format!("[{}]", run.text)
                } else {
                    run.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn words_starting_with_a_term_are_marked_whatever_their_case() {
        let terms = query_terms("Storm sea-wall");
        assert_eq!(terms, ["storm", "sea", "wall"]);
        let runs = mark_terms("Storms hit the SEA wall, again: stormy.", &terms);
        assert_eq!(
            marked(&runs),
            "[Storms] hit the [SEA] [wall], again: [stormy]."
        );
    }

    #[test]
    fn marking_keeps_hostile_text_as_text() {
        let text = "<img src=x onerror=alert(1)> & <mark>storm</mark>";
        let runs = mark_terms(text, &query_terms("storm"));
        let joined: String = runs.iter().map(|run| run.text.as_str()).collect();
        assert_eq!(joined, text);
        assert_eq!(
            marked(&runs),
            "<img src=x onerror=alert(1)> & <mark>[storm]</mark>"
        );
    }

    #[test]
    fn an_empty_query_marks_nothing() {
        let runs = mark_terms("Rain again", &query_terms(" ,; "));
        assert_eq!(marked(&runs), "Rain again");
    }

    #[test]
    fn the_excerpt_is_the_window_with_most_matches() {
        let content = (0..100)
            .map(|n| format!("w{n}"))
            .collect::<Vec<_>>()
            .join(" ");
        let runs = excerpt_around(&content, &[3, 60, 62, 64], 10);
        assert_eq!(
            marked(&runs),
            "… w58 w59 [w60] w61 [w62] w63 [w64] w65 w66 w67 …"
        );
    }

    #[test]
    fn a_short_page_is_shown_whole_and_without_matches_from_its_start() {
        assert_eq!(
            marked(&excerpt_around("Rain  in\nthe north", &[0], 30)),
            "[Rain] in the north"
        );
        assert_eq!(marked(&excerpt_around("a b c d", &[], 2)), "a b …");
        // Positions past the end (an index from other text) are ignored.
        assert_eq!(marked(&excerpt_around("a b", &[9], 5)), "a b");
    }

    #[test]
    fn a_window_near_the_end_stays_full() {
        let runs = excerpt_around("a b c d e f", &[5], 4);
        assert_eq!(marked(&runs), "… c d e [f]");
    }

    #[test]
    fn a_source_result_marks_its_summary() {
        let entry = FeedEntry {
            story: StoryLink::Here(crate::Slug::parse("rain").unwrap_or_else(|| panic!("slug"))),
            title: "Rain".into(),
            summary: Some("Heavy rain in the north".into()),
            published: None,
            section: None,
            tags: Vec::new(),
            authors: Vec::new(),
            image: None,
            language: None,
        };
        let hit = SearchHit::of_entry(entry, "rain");
        assert_eq!(marked(&hit.excerpt), "Heavy [rain] in the north");
    }
}
