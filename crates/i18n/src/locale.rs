//! The site's language: a BCP 47 tag read into a [`Locale`], the languages with a catalog,
//! and the writing direction.

use std::fmt;

use crate::plural::PluralRule;

/// Which way the language is written, for `<html dir>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    /// `ltr` or `rtl`, the value of a `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// A language the site has a catalog for (`catalogs/{code}.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Language {
    /// The BCP 47 language subtag, lower case: `ar`.
    pub code: &'static str,
    /// The language's name in itself, for people choosing: `العربية`.
    pub name: &'static str,
    pub plural_rule: PluralRule,
    pub direction: Direction,
}

impl Language {
    /// The catalog file's name: `ar.txt`.
    pub fn catalog_file(self) -> String {
        format!("{}.txt", self.code)
    }

    /// The language whose subtag is `code` (lower case), if the site has its catalog.
    pub fn from_code(code: &str) -> Option<Language> {
        LANGUAGES
            .iter()
            .copied()
            .find(|language| language.code == code)
    }
}

/// English, the default: its catalog is compiled in.
pub const ENGLISH: Language = Language {
    code: "en",
    name: "English",
    plural_rule: PluralRule::OneOther,
    direction: Direction::Ltr,
};

/// Every language the site speaks. Adding one is its catalog file plus one line here.
#[rustfmt::skip]
pub const LANGUAGES: &[Language] = &[
    ENGLISH,
    Language { code: "ar", name: "العربية", plural_rule: PluralRule::Arabic, direction: Direction::Rtl },
    Language { code: "de", name: "Deutsch", plural_rule: PluralRule::OneOther, direction: Direction::Ltr },
    Language { code: "es", name: "Español", plural_rule: PluralRule::OneManyOther, direction: Direction::Ltr },
    Language { code: "fr", name: "Français", plural_rule: PluralRule::ZeroAndOneManyOther, direction: Direction::Ltr },
    Language { code: "ru", name: "Русский", plural_rule: PluralRule::EastSlavic, direction: Direction::Ltr },
];

/// A language and, where the tag had one, its region: `ar-MA` writes Moroccan month names and
/// Latin digits where `ar` writes Arabic-Indic ones. The region is kept as given; it changes the
/// output only where the language's catalog has text for it (`key@MA`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Locale {
    language: Language,
    region: Option<Region>,
}

/// A region subtag: two capital letters (`MA`) or three digits (`419`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Region([u8; 3]);

impl Region {
    fn as_bytes(&self) -> &[u8] {
        let len = if self.0[2] == 0 { 2 } else { 3 };
        &self.0[..len]
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }
}

impl Default for Locale {
    /// British English, as the site wrote before it had other languages.
    fn default() -> Locale {
        Locale {
            language: ENGLISH,
            region: Some(Region(*b"GB\0")),
        }
    }
}

/// Why a language tag gives no locale. The caller shows English and says why in the console.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LocaleError {
    /// Not a language tag at all: `""`, `"english"`, `"e"`.
    Malformed { tag: String },
    /// A well-formed tag for a language the site has no catalog for.
    Unsupported { tag: String },
}

impl fmt::Display for LocaleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LocaleError::Malformed { tag } => write!(
                f,
                "{tag:?} is not a BCP 47 language tag such as \"ar\" or \"fr-CA\"; using English"
            ),
            LocaleError::Unsupported { tag } => write!(
                f,
                "{tag:?} is a language this site has no catalog for; using English"
            ),
        }
    }
}

impl std::error::Error for LocaleError {}

impl Locale {
    /// Reads a BCP 47 tag (`ar`, `ar-MA`, `zh-Hant-TW`), in any case, or the `de_DE` form
    /// WordPress and Ghost write. A script subtag and anything after the region (variants,
    /// extensions) are ignored.
    pub fn parse(tag: &str) -> Result<Locale, LocaleError> {
        // On bytes, not `str` patterns: this runs in every reader's wasm, and byte loops are a
        // fraction of the code.
        let mut subtags = tag
            .trim()
            .as_bytes()
            .split(|byte| matches!(byte, b'-' | b'_'));
        let language = subtags.next().unwrap_or_default();
        if !(2..=3).contains(&language.len()) || !language.iter().all(u8::is_ascii_alphabetic) {
            return Err(LocaleError::Malformed {
                tag: tag.to_owned(),
            });
        }
        let mut region = None;
        for (subtag_idx, subtag) in subtags.enumerate() {
            let is_letters = subtag.iter().all(u8::is_ascii_alphabetic);
            match (subtag.len(), subtag) {
                (4, _) if subtag_idx == 0 && is_letters => continue,
                (2, [first, second]) if is_letters => {
                    region = Some(Region([
                        first.to_ascii_uppercase(),
                        second.to_ascii_uppercase(),
                        0,
                    ]));
                }
                (3, [first, second, third]) if subtag.iter().all(u8::is_ascii_digit) => {
                    region = Some(Region([*first, *second, *third]));
                }
                (1..=8, _) if subtag.iter().all(u8::is_ascii_alphanumeric) => {}
                _ => {
                    return Err(LocaleError::Malformed {
                        tag: tag.to_owned(),
                    })
                }
            }
            break;
        }
        let language = LANGUAGES
            .iter()
            .find(|known| known.code.as_bytes().eq_ignore_ascii_case(language))
            .ok_or_else(|| LocaleError::Unsupported {
                tag: tag.to_owned(),
            })?;
        Ok(Locale {
            language: *language,
            region,
        })
    }

    /// The locale for `tag`, or English with the reason to put in the console.
    pub fn parse_or_english(tag: &str) -> (Locale, Option<LocaleError>) {
        match Locale::parse(tag) {
            Ok(locale) => (locale, None),
            Err(error) => (Locale::default(), Some(error)),
        }
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// The region subtag as given (upper case), if the tag had one.
    pub fn region(&self) -> Option<&str> {
        self.region.as_ref().map(Region::as_str)
    }

    /// The region subtag's letters or digits, empty without one: for the app, where
    /// [`Locale::region`]'s UTF-8 check would be code in every reader's wasm.
    pub(crate) fn region_bytes(&self) -> &[u8] {
        self.region.as_ref().map_or(&[], Region::as_bytes)
    }

    /// The tag for `<html lang>` and RSS's `<language>`: `ar`, `ar-MA`, `en-GB`.
    pub fn html_lang(&self) -> String {
        let mut tag = self.language.code.to_owned();
        if let Some(region) = &self.region {
            tag.push('-');
            tag.extend(region.as_bytes().iter().copied().map(char::from));
        }
        tag
    }

    /// For `<html dir>`.
    pub fn direction(&self) -> Direction {
        self.language.direction
    }

    pub fn plural_rule(&self) -> PluralRule {
        self.language.plural_rule
    }
}
