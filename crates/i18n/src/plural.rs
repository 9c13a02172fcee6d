//! CLDR's plural rules for whole numbers ("1 story", "2 stories"; Arabic has six forms).
//!
//! The rules are CLDR's `plurals.xml` (version 48) with the operands of a whole number: `n` and
//! `i` are the number, `v` (visible fraction digits) is 0 and `e` (compact exponent) is 0. Only
//! the categories a whole number can reach are listed: Russian's `other` is for fractions only.

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    /// The category's CLDR name, as written in catalogs: `one`, `few`, …
    pub fn name(self) -> &'static str {
        match self {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }

    /// The category named `name`, as written in catalogs.
    pub fn from_name(name: &str) -> Option<PluralCategory> {
        [
            PluralCategory::Zero,
            PluralCategory::One,
            PluralCategory::Two,
            PluralCategory::Few,
            PluralCategory::Many,
            PluralCategory::Other,
        ]
        .into_iter()
        .find(|category| category.name() == name)
    }
}

/// A family of languages that choose plural forms alike for whole numbers. A new language
/// names its family; a language unlike any here adds a variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PluralRule {
    /// English, German, Dutch, Swedish…: one (1), other.
    OneOther,
    /// Spanish, Italian, Catalan…: one (1), many (a non-zero multiple of a million), other.
    OneManyOther,
    /// French, Portuguese: one (0 and 1), many (a non-zero multiple of a million), other.
    ZeroAndOneManyOther,
    /// Arabic: zero (0), one (1), two (2), few (3–10 after the hundreds), many (11–99 after
    /// the hundreds), other (100, 101, 102, 1000…).
    Arabic,
    /// Russian, Ukrainian, Belarusian: one (1, 21, 31… but not 11), few (2–4, 22–24… but not
    /// 12–14), many (0, 5–20, 25–30…, 11–14 after the hundreds).
    EastSlavic,
    /// Chinese, Japanese, Korean…: one form for every number.
    OtherOnly,
}

impl PluralRule {
    /// The category of the whole number `n`.
    pub fn category(self, n: u64) -> PluralCategory {
        use PluralCategory::*;
        let is_millions = n != 0 && n.is_multiple_of(1_000_000);
        match self {
            PluralRule::OneOther => {
                if n == 1 {
                    One
                } else {
                    Other
                }
            }
            PluralRule::OneManyOther => match n {
                1 => One,
                _ if is_millions => Many,
                _ => Other,
            },
            PluralRule::ZeroAndOneManyOther => match n {
                0 | 1 => One,
                _ if is_millions => Many,
                _ => Other,
            },
            PluralRule::Arabic => match (n, n % 100) {
                (0, _) => Zero,
                (1, _) => One,
                (2, _) => Two,
                (_, 3..=10) => Few,
                (_, 11..=99) => Many,
                _ => Other,
            },
            PluralRule::EastSlavic => match (n % 10, n % 100) {
                (1, last_two) if last_two != 11 => One,
                (2..=4, last_two) if !(12..=14).contains(&last_two) => Few,
                _ => Many,
            },
            PluralRule::OtherOnly => Other,
        }
    }

    /// Where `n`'s form is among [`PluralRule::categories`].
    pub(crate) fn form_idx(self, n: u64) -> usize {
        let category = self.category(n);
        self.categories()
            .iter()
            .position(|known| *known == category)
            .unwrap_or(0)
    }

    /// The categories a whole number can fall in, in CLDR's order: the forms a catalog writes
    /// for each plural message.
    pub fn categories(self) -> &'static [PluralCategory] {
        use PluralCategory::*;
        match self {
            PluralRule::OneOther => &[One, Other],
            PluralRule::OneManyOther | PluralRule::ZeroAndOneManyOther => &[One, Many, Other],
            PluralRule::Arabic => &[Zero, One, Two, Few, Many, Other],
            PluralRule::EastSlavic => &[One, Few, Many],
            PluralRule::OtherOnly => &[Other],
        }
    }

    /// Whether `category` holds exactly one number (Arabic's zero, one and two; English's one),
    /// so its form may say the number in words and leave out `{n}`.
    pub fn is_single_number(self, category: PluralCategory) -> bool {
        use PluralCategory::*;
        match self {
            PluralRule::OneOther | PluralRule::OneManyOther => category == One,
            PluralRule::Arabic => matches!(category, Zero | One | Two),
            PluralRule::ZeroAndOneManyOther | PluralRule::EastSlavic | PluralRule::OtherOnly => {
                false
            }
        }
    }
}
