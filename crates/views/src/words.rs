//! The site's words in the site's language, shared through context: the app provides the
//! catalog it read at start (English compiled in, another language fetched before it mounts),
//! the build the one for the site's language, so a prerendered page and the app say the same.

use std::ops::Deref;
use std::sync::OnceLock;

use leptos::prelude::use_context;
use news_i18n::{Catalog, DateStyle as CatalogDateStyle, DateTime, Locale, Msg, Plural};
use news_model::{DateStyle, Timestamp};

/// The catalog every component draws its words from; English when nobody provided one.
///
/// The catalog lives as long as the page (the app reads one at start and keeps it), so its
/// words are `&'static str`: a component puts them in its markup as it would a literal, with
/// no copy to own and drop, and cloning `Words` copies a pointer. That is less code in every
/// reader's wasm than an owned `String` for each word in each component.
#[derive(Clone, Debug)]
pub struct Words(&'static Catalog);

impl Words {
    /// The words of `catalog`, kept for the rest of the program (see [`Words`]).
    pub fn new(catalog: Catalog) -> Words {
        Words(Box::leak(Box::new(catalog)))
    }

    /// The compiled-in English words.
    pub fn english() -> Words {
        static ENGLISH: OnceLock<Catalog> = OnceLock::new();
        Words(ENGLISH.get_or_init(Catalog::english))
    }

    /// The words provided through context, or English (a component drawn on its own, as in
    /// tests, reads as the English site).
    pub fn from_context() -> Words {
        use_context::<Words>().unwrap_or_else(Words::english)
    }

    /// The catalog itself, for as long as the page: a reference that closures copy, for a
    /// closure that is called more than once or copied into others.
    pub fn catalog(&self) -> &'static Catalog {
        self.0
    }

    /// A message as written, for as long as the page: "Post comment".
    pub fn text(&self, msg: Msg) -> &'static str {
        self.0.text(msg)
    }

    /// The text before and after `{name}` in a message (see [`Catalog::around`]).
    pub fn around(&self, msg: Msg, name: &str) -> (&'static str, &'static str) {
        self.0.around(msg, name)
    }

    /// The site's locale, for `<html lang>` and `dir`.
    pub fn locale(&self) -> Locale {
        self.0.locale()
    }

    /// A date on the clock it was written in, as the language writes it.
    pub fn date(&self, timestamp: &Timestamp, style: DateStyle) -> String {
        let clock = timestamp.wall_clock();
        let when = DateTime {
            year: clock.year,
            month: clock.month,
            day: clock.day,
            hour: clock.hour,
            minute: clock.minute,
            offset_minutes: clock.offset_minutes,
        };
        let style = match style {
            DateStyle::Day => CatalogDateStyle::Day,
            DateStyle::DayAndTime => CatalogDateStyle::DayAndTime,
        };
        self.0.date(&when, style)
    }

    /// "By Ana, Bo and Cy" in pieces: the language's words and each name apart, so a page can
    /// isolate the names (`<bdi>`: "بقلم Sam Ortiz" keeps its order); `None` without authors.
    pub fn byline(&self, authors: &[String]) -> Option<Vec<Piece>> {
        if authors.is_empty() {
            return None;
        }
        // Each name stands in the sentence as a private-use character of its own until the
        // sentence is cut into pieces; no catalog writes those characters.
        let marks: Vec<String> = (0..authors.len())
            .map(|idx| name_mark(idx).map(String::from).unwrap_or_default())
            .collect();
        let marked: Vec<&str> = marks.iter().map(String::as_str).collect();
        let sentence = self.fill(Msg::ArticleByline, &[("authors", &self.list(&marked))]);
        let mut pieces = Vec::new();
        let mut words = String::new();
        for letter in sentence.chars() {
            let name = (0..authors.len()).find(|idx| name_mark(*idx) == Some(letter));
            match name {
                Some(idx) => {
                    if !words.is_empty() {
                        pieces.push(Piece::Words(std::mem::take(&mut words)));
                    }
                    pieces.push(Piece::Name(authors[idx].clone()));
                }
                None => words.push(letter),
            }
        }
        if !words.is_empty() {
            pieces.push(Piece::Words(words));
        }
        Some(pieces)
    }

    /// "4 min read".
    pub fn reading_time(&self, minutes: usize) -> String {
        self.plural(Plural::ArticleReadingTime, minutes)
    }

    /// The tab's title as [`news_model::page_title`] composes it ("Page not found – News
    /// Blog", the site's name alone for the home page), in the language's pattern.
    pub fn page_title(&self, page: &str, site_name: &str) -> String {
        if page.is_empty() || page == site_name {
            site_name.to_owned()
        } else {
            self.fill(Msg::HeadPageTitle, &[("page", page), ("site", site_name)])
        }
    }
}

/// A piece of a sentence with names in it (see [`Words::byline`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// The language's own words.
    Words(String),
    /// A name, to be isolated from the words around it.
    Name(String),
}

/// The character that stands for the `idx`th name in a sentence: Unicode's private use area
/// (6,400 of them, more names than a byline has).
fn name_mark(idx: usize) -> Option<char> {
    u32::try_from(idx)
        .ok()
        .filter(|idx| *idx < 0x1900)
        .and_then(|idx| char::from_u32(0xE000 + idx))
}

impl Deref for Words {
    type Target = Catalog;

    fn deref(&self) -> &Catalog {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_dates_are_written_on_their_own_clock_with_the_offset_named() {
        let words = Words::english();
        for (text, day, day_and_time) in [
            (
                "2017-10-15T09:30:00Z",
                "15 October 2017",
                "15 October 2017, 09:30 UTC",
            ),
            (
                "2017-10-15T11:30:00+02:00",
                "15 October 2017",
                "15 October 2017, 11:30 UTC+2",
            ),
            (
                "2017-01-05T23:05:00-03:00",
                "5 January 2017",
                "5 January 2017, 23:05 UTC-3",
            ),
            (
                "2017-03-09T07:00:00+05:30",
                "9 March 2017",
                "9 March 2017, 07:00 UTC+5:30",
            ),
            (
                "2017-03-09T07:00:00-09:30",
                "9 March 2017",
                "9 March 2017, 07:00 UTC-9:30",
            ),
        ] {
            let timestamp = Timestamp::parse(text).expect("a valid date");
            assert_eq!(words.date(&timestamp, DateStyle::Day), day, "{text}");
            assert_eq!(
                words.date(&timestamp, DateStyle::DayAndTime),
                day_and_time,
                "{text}"
            );
        }
    }

    #[test]
    fn english_byline_joins_names_as_the_model_does() {
        let words = Words::english();
        let names = |list: &[&str]| {
            list.iter()
                .map(|name| (*name).to_owned())
                .collect::<Vec<_>>()
        };
        let byline = |list: &[&str]| {
            words.byline(&names(list)).map(|pieces| {
                pieces
                    .iter()
                    .map(|piece| match piece {
                        Piece::Words(words) => words.clone(),
                        Piece::Name(name) => format!("[{name}]"),
                    })
                    .collect::<String>()
            })
        };
        assert_eq!(byline(&[]), None);
        assert_eq!(byline(&["Ana"]).as_deref(), Some("By [Ana]"));
        assert_eq!(
            byline(&["Ana", "Bo", "Cy"]).as_deref(),
            Some("By [Ana], [Bo] and [Cy]")
        );
        // A name holding what looks like a mark is a name, not a mark.
        assert_eq!(byline(&["\u{E000}"]).as_deref(), Some("By [\u{E000}]"));
    }
}
