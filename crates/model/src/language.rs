//! Languages of content (content format 1.2): a BCP 47 tag and the direction its script is
//! written in.

use std::fmt;

use serde_json::Value;

use crate::problem::{quoted, Findings};
use crate::reader::{must_be, Fields};

/// A BCP 47 language tag that passed the syntax check, in its conventional case: `ar`,
/// `pt-BR`, `zh-Hant-TW`, `ar-EG-u-nu-latn`.
///
/// Only [`LanguageTag::parse`] makes one, so whatever carries a `LanguageTag` can be written
/// into a `lang` attribute as it is. The check is the grammar of RFC 5646 (a language of 2 or 3
/// letters, up to three extended language subtags, then an optional script, region, variants,
/// extensions and private use), not the registry: `qq` passes, `english` does not. A tag of
/// private use alone (`x-klingon`) and the old "grandfathered" tags are refused: a tag must name
/// a language.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LanguageTag(String);

/// The direction a language's script is written in, for an element's `dir` attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

impl Direction {
    /// The value of the HTML `dir` attribute: `ltr` or `rtl`.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::LeftToRight => "ltr",
            Direction::RightToLeft => "rtl",
        }
    }
}

/// Languages written right to left when the tag names no script: Arabic, Hebrew (and its old
/// code `iw`), Persian, Urdu, Pashto, Sindhi, Yiddish (and `ji`), Dhivehi, Central Kurdish,
/// Uyghur, Syriac and N'Ko.
const RIGHT_TO_LEFT_LANGUAGES: [&str; 14] = [
    "ar", "he", "iw", "fa", "ur", "ps", "sd", "yi", "ji", "dv", "ckb", "ug", "syr", "nqo",
];

/// Scripts written right to left: Arabic (and its Nastaliq form), Hebrew, Thaana, Syriac, N'Ko
/// and Adlam. A script subtag decides over the language: `az-Arab` is right to left, `ku-Latn`
/// and `pa-Guru` left to right.
const RIGHT_TO_LEFT_SCRIPTS: [&str; 7] = ["Arab", "Aran", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm"];

/// Where in a tag the next subtag may go; each step only moves forward.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    Language,
    ExtendedLanguage(u8),
    Script,
    Region,
    Variant,
    Extension,
    PrivateUse,
}

impl LanguageTag {
    /// The tag in `text` with its case made conventional (language lower, script title, region
    /// upper), or `None` when it is not a BCP 47 tag. Surrounding spaces are ignored.
    pub fn parse(text: &str) -> Option<LanguageTag> {
        let mut subtags = text.trim().split('-');
        let language = subtags.next()?;
        if !(2..=3).contains(&language.len()) || !is_alpha(language) {
            return None;
        }
        let mut tag = language.to_ascii_lowercase();
        let mut place = Place::Language;
        // Whether the subtag before was a singleton that still needs one of its own subtags.
        let mut is_open = false;
        for subtag in subtags {
            let (next, written) = next_subtag(place, is_open, subtag)?;
            // A one-letter subtag opens an extension or private use, except inside private
            // use, where it is an ordinary subtag.
            is_open = subtag.len() == 1 && place != Place::PrivateUse;
            place = next;
            tag.push('-');
            tag.push_str(&written);
        }
        (!is_open).then_some(LanguageTag(tag))
    }

    /// A publisher's locale setting as a tag: BCP 47 as it is, or a POSIX-style locale as
    /// WordPress and some feeds write it (`de_DE`, `pt_BR.UTF-8`, `sr_RS@latin` → `de-DE`,
    /// `pt-BR`, `sr-RS`). `None` when it names no language.
    ///
    /// ```
    /// use news_model::LanguageTag;
    /// let tag = |text| LanguageTag::from_locale(text).map(|tag| tag.to_string());
    /// assert_eq!(tag("de_DE").as_deref(), Some("de-DE"));
    /// assert_eq!(tag("pt_BR.UTF-8").as_deref(), Some("pt-BR"));
    /// assert_eq!(tag("ar").as_deref(), Some("ar"));
    /// assert_eq!(tag("English"), None);
    /// ```
    pub fn from_locale(text: &str) -> Option<LanguageTag> {
        let text = text.trim();
        let without_modifiers = text.split(['.', '@']).next().unwrap_or(text);
        LanguageTag::parse(&without_modifiers.replace('_', "-"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag: `pt` of `pt-BR`.
    pub fn language(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    /// The script subtag, when the tag has one: `Hant` of `zh-Hant-TW`.
    pub fn script(&self) -> Option<&str> {
        self.0
            .split('-')
            .skip(1)
            .take_while(|subtag| subtag.len() > 1)
            .find(|subtag| subtag.len() == 4 && is_alpha(subtag))
    }

    /// The direction text in this language is written in: right to left for the scripts and
    /// languages that are (see the content format's README), left to right otherwise.
    pub fn direction(&self) -> Direction {
        let is_right_to_left = match self.script() {
            Some(script) => RIGHT_TO_LEFT_SCRIPTS.contains(&script),
            None => RIGHT_TO_LEFT_LANGUAGES.contains(&self.language()),
        };
        if is_right_to_left {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        }
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where `subtag` goes after a subtag at `place`, and how it is written; `None` if it fits
/// nowhere. The kinds of subtag differ in length or letters, so the first place that fits is
/// the only one.
fn next_subtag(place: Place, is_open: bool, subtag: &str) -> Option<(Place, String)> {
    let len = subtag.len();
    if !subtag.bytes().all(|byte| byte.is_ascii_alphanumeric()) || len == 0 || len > 8 {
        return None;
    }
    let lower = subtag.to_ascii_lowercase();
    if place == Place::PrivateUse {
        return Some((Place::PrivateUse, lower));
    }
    if place == Place::Extension && (is_open || len >= 2) {
        return (len >= 2).then_some((Place::Extension, lower));
    }
    if len == 1 {
        return Some(if lower == "x" {
            (Place::PrivateUse, lower)
        } else {
            (Place::Extension, lower)
        });
    }
    let extended = match place {
        Place::Language => Some(0),
        Place::ExtendedLanguage(n) if n < 3 => Some(n),
        _ => None,
    };
    if let Some(n) = extended.filter(|_| len == 3 && is_alpha(subtag)) {
        return Some((Place::ExtendedLanguage(n + 1), lower));
    }
    if place < Place::Script && len == 4 && is_alpha(subtag) {
        let mut script = subtag[..1].to_ascii_uppercase();
        script.push_str(&lower[1..]);
        return Some((Place::Script, script));
    }
    let is_region = (len == 2 && is_alpha(subtag)) || (len == 3 && is_digits(subtag));
    if place < Place::Region && is_region {
        return Some((Place::Region, subtag.to_ascii_uppercase()));
    }
    let is_variant =
        len >= 5 || (len == 4 && subtag.as_bytes().first().is_some_and(u8::is_ascii_digit));
    if place <= Place::Variant && is_variant {
        return Some((Place::Variant, lower));
    }
    None
}

fn is_alpha(text: &str) -> bool {
    text.bytes().all(|byte| byte.is_ascii_alphabetic())
}

fn is_digits(text: &str) -> bool {
    text.bytes().all(|byte| byte.is_ascii_digit())
}

/// Reads the optional `language` field. A tag that is not BCP 47 is reported and left out,
/// which means "the site's language", as a missing one does.
pub(crate) fn read_language(fields: &Fields<'_>, findings: &mut Findings) -> Option<LanguageTag> {
    let path = || fields.path.field("language");
    match fields.get("language")? {
        Value::String(text) if text.trim().is_empty() => None,
        Value::String(text) => {
            let tag = LanguageTag::parse(text);
            if tag.is_none() {
                let hint = match LanguageTag::parse(&text.replace('_', "-")) {
                    Some(tag) if text.contains('_') => format!(" (write {})", quoted(tag.as_str())),
                    _ => String::new(),
                };
                findings.error(
                    &path(),
                    format!(
                        "{} is not a BCP 47 language tag such as \"ar\" or \"pt-BR\"{hint}; the site's language is used",
                        quoted(text)
                    ),
                );
            }
            tag
        }
        other => {
            findings.error(
                &path(),
                format!(
                    "{}; the site's language is used",
                    must_be("a string", other)
                ),
            );
            None
        }
    }
}
