//! Whole numbers in the locale's digits and grouping, as CLDR's default numbering system and
//! symbols for the locale say: "1,234" (en), "1.234" (de), "1234" but "12.345" (es: minimum
//! grouping digits 2), "1 234" with a narrow no-break space (fr), "١٬٢٣٤" (ar).

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
    /// minimum that is not a number to 1.
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
            min_grouping: min_grouping.parse().unwrap_or(1),
        }
    }

    /// `n` with grouping: "12,345".
    pub fn grouped(&self, n: u64) -> String {
        let plain = n.to_string();
        // CLDR: the first separator appears once the number has more than 3 + min digits - 1.
        let is_grouped = plain.len() >= 3 + self.min_grouping;
        let mut out = String::with_capacity(plain.len() * 2);
        for (idx, digit) in plain.bytes().enumerate() {
            let left = plain.len() - idx;
            if is_grouped && idx > 0 && left.is_multiple_of(3) {
                out.push_str(&self.group);
            }
            out.push(self.digits[usize::from(digit - b'0')]);
        }
        out
    }

    /// `n` in the locale's digits, without grouping, at least `width` digits: years, hours.
    pub fn plain(&self, n: u64, width: usize) -> String {
        format!("{n:0width$}")
            .bytes()
            .map(|digit| self.digits[usize::from(digit - b'0')])
            .collect()
    }
}
