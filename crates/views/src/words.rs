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

    /// A date on the clock it was written in, as the language writes it; the text as written
    /// in the content when it does not parse.
    pub fn date(&self, timestamp: &Timestamp, style: DateStyle) -> String {
        let Some(clock) = timestamp.wall_clock() else {
            return timestamp.as_rfc3339().to_owned();
        };
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

    /// "By Ana, Bo and Cy"; `None` without authors.
    pub fn byline(&self, authors: &[String]) -> Option<String> {
        if authors.is_empty() {
            return None;
        }
        let names: Vec<&str> = authors.iter().map(String::as_str).collect();
        Some(self.fill(Msg::ArticleByline, &[("authors", &self.list(&names))]))
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
    fn english_dates_read_as_the_model_writes_them() {
        let words = Words::english();
        for text in [
            "2017-10-15T09:30:00Z",
            "2017-10-15T11:30:00+02:00",
            "2017-01-05T23:05:00-03:00",
            "2017-03-09T07:00:00+05:30",
            "2017-03-09T07:00:00-09:30",
        ] {
            let timestamp = Timestamp::parse(text).expect("a valid date");
            for style in [DateStyle::Day, DateStyle::DayAndTime] {
                assert_eq!(
                    words.date(&timestamp, style),
                    timestamp.display(style),
                    "{text}"
                );
            }
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
        assert_eq!(words.byline(&names(&[])), None);
        assert_eq!(words.byline(&names(&["Ana"])).as_deref(), Some("By Ana"));
        assert_eq!(
            words.byline(&names(&["Ana", "Bo", "Cy"])).as_deref(),
            Some("By Ana, Bo and Cy")
        );
    }
}
