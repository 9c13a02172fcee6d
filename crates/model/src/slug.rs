//! Article slugs: the one piece of outside data that ends up inside request URLs.

use std::fmt;

/// The longest slug the content format accepts.
pub const MAX_SLUG_LEN: usize = 120;

/// A slug that matches `^[a-z0-9]+(?:-[a-z0-9]+)*$` and is at most 120 characters long.
///
/// Only [`Slug::parse`] builds one, so any `Slug` is safe to paste into a URL path.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slug(String);

impl Slug {
    /// Checks `text` against the slug rules; `None` when it breaks any of them.
    pub fn parse(text: &str) -> Option<Slug> {
        let is_valid = !text.is_empty()
            && text.len() <= MAX_SLUG_LEN
            && text.split('-').all(|part| {
                !part.is_empty()
                    && part
                        .bytes()
                        .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit())
            });
        is_valid.then(|| Slug(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_slugs_are_accepted() {
        for text in [
            "a",
            "raqqa",
            "syria-war-final-assault-raqqa",
            "2017-10-15",
            "a1-b2-c3",
        ] {
            assert_eq!(
                Slug::parse(text).map(|slug| slug.to_string()),
                Some(text.to_owned())
            );
        }
    }

    #[test]
    fn slugs_breaking_a_rule_are_refused() {
        let too_long = "a".repeat(MAX_SLUG_LEN + 1);
        for text in [
            "", "-", "a-", "-a", "a--b", "A", "Raqqa", "a_b", "a b", "a/b", "../etc", "a.json",
            "é", "a%2Fb", "a?b", "a#b", " a", "a\n", &too_long,
        ] {
            assert_eq!(Slug::parse(text), None, "{text:?} should be refused");
        }
    }

    #[test]
    fn slug_of_exactly_120_characters_is_accepted() {
        assert!(Slug::parse(&"a".repeat(MAX_SLUG_LEN)).is_some());
    }
}
