//! Whole numbers in the locale's digits and grouping, as CLDR's default numbering system and
//! symbols for the locale say: "1,234" (en), "1.234" (de), "1234" but "12.345" (es: minimum
//! grouping digits 2), "1 234" with a narrow no-break space (fr), "١٬٢٣٤" (ar).
//!
//! Written digit by digit rather than through `core::fmt` (`to_string`, `format!`), which
//! would be more code in every reader's wasm.

/// How a locale writes whole numbers: read from its catalog's `number.` keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberFormat {
    digits: [char; 10],
    group: String,
    min_grouping: usize,
}

impl NumberFormat {
    /// From the catalog's texts: the ten digits from zero, the grouping separator, and CLDR's
    /// minimum grouping digits. Digits that are not ten characters fall back to 0–9, and a
    /// minimum that is not 2 or 3 to 1.
    pub fn new(digits: &str, group: &str, min_grouping: &str) -> NumberFormat {
        let mut chosen = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
        if digits.chars().count() == 10 {
            for (slot, digit) in chosen.iter_mut().zip(digits.chars()) {
                *slot = digit;
            }
        }
        NumberFormat {
            digits: chosen,
            group: group.to_owned(),
            // CLDR's minimum grouping digits are 1, 2 or 3 (the catalog check holds to that).
            min_grouping: match min_grouping {
                "2" => 2,
                "3" => 3,
                _ => 1,
            },
        }
    }

    /// `n` with grouping: "12,345".
    pub fn grouped(&self, n: u64) -> String {
        let mut out = String::new();
        self.write(&mut out, n, 1, true);
        out
    }

    /// `n` in the locale's digits, without grouping, at least `width` digits: years, hours.
    pub fn plain(&self, n: u64, width: usize) -> String {
        let mut out = String::new();
        self.write(&mut out, n, width, false);
        out
    }

    /// Writes `n` to `out`: at least `width` digits, grouped if `is_grouping`.
    pub(crate) fn write(&self, out: &mut String, n: u64, width: usize, is_grouping: bool) {
        // The decimal digits, last first; then zeros up to `width`.
        let mut decimal = [0u8; 20];
        let mut len = 0;
        let mut rest = n;
        while rest > 0 || len == 0 {
            decimal[len] = (rest % 10) as u8;
            rest /= 10;
            len += 1;
        }
        let len = len.max(width.min(decimal.len()));
        // CLDR: the first separator appears once the number has more than 3 + min digits - 1.
        let is_grouped = is_grouping && len >= 3 + self.min_grouping;
        for idx in (0..len).rev() {
            out.push(self.digits[usize::from(decimal[idx])]);
            // `idx` digits follow this one.
            if is_grouped && idx > 0 && idx.is_multiple_of(3) {
                out.push_str(&self.group);
            }
        }
    }
}
