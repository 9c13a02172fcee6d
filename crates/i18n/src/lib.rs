//! The site's own words in the site's language: one catalog per language, keyed by meaning,
//! plurals by CLDR's rules, and dates and numbers as CLDR's defaults for the locale say.
//!
//! No Leptos and no browser: the app, the build and the widget call the same functions. See
//! `README.md` for the catalog format and how to add a language.
//!
//! ```
//! use news_i18n::{Catalog, DateStyle, DateTime, Locale, Msg, Plural};
//!
//! // The setting's tag; an unknown one means English and a console warning.
//! let (locale, warning) = Locale::parse_or_english("ar-MA");
//! assert!(warning.is_none());
//! assert_eq!((locale.html_lang().as_str(), locale.direction().as_str()), ("ar-MA", "rtl"));
//!
//! let english = Catalog::english();
//! assert_eq!(english.text(Msg::FeedMoreButton), "More stories");
//! assert_eq!(english.plural(Plural::FeedNewStories, 3), "3 new stories");
//! let published = DateTime { year: 2017, month: 10, day: 15, hour: 9, minute: 30, offset_minutes: 0 };
//! assert_eq!(english.date(&published, DateStyle::DayAndTime), "15 October 2017, 09:30 UTC");
//! ```

mod catalog;
mod date;
mod line;
mod locale;
mod number;
mod plural;
mod text;

pub use catalog::{compile, Catalog, CatalogProblem, CompiledError, Problem};
pub use date::{DateStyle, DateTime};
pub use locale::{Direction, Language, Locale, LocaleError, ENGLISH, LANGUAGES};
pub use number::NumberFormat;
pub use plural::{PluralCategory, PluralRule};
pub use text::{around, fill, placeholders};

include!(concat!(env!("OUT_DIR"), "/english.rs"));
