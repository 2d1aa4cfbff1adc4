//! Money: amounts held exactly in øre, read from the literal text of the trip
//! file, summed with overflow checks and written the Danish or English way.

use crate::locale::Lang;
use crate::messages::{Msg, trip as m};

/// An amount of Danish kroner, held exactly as a whole number of øre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(i64);

/// Why an amount as written in the trip file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountError {
    /// Below zero: an account lists what was spent.
    Negative,
    /// More than two decimals, nearly always a thousands separator typed by mistake.
    TooManyDecimals {
        /// The literal as written.
        written: String,
        /// The digits without the point, when the point can be a thousands
        /// separator (three digits after it, at most three before).
        thousands: Option<String>,
        /// The amount rounded to øre, when the point cannot be one.
        rounded: Option<String>,
    },
    /// A comma, space or other character that is not part of a plain number.
    NotANumber {
        /// The literal as written.
        written: String,
    },
    /// Too large to be held.
    Overflow,
}

/// What is wrong, in English.
impl std::fmt::Display for AmountError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl AmountError {
    /// What is wrong.
    pub fn message(&self) -> Msg {
        match self {
            AmountError::Negative => m::amount_negative_reason(),
            AmountError::TooManyDecimals { written, .. } => m::amount_too_many_decimals(written),
            AmountError::NotANumber { written } => m::amount_not_a_number(written),
            AmountError::Overflow => m::amount_too_large(),
        }
    }

    /// What the user should write instead.
    pub fn help(&self) -> Msg {
        match self {
            AmountError::Negative => m::amount_negative_help(),
            AmountError::TooManyDecimals {
                thousands: Some(t), ..
            } => m::amount_thousands_help(t),
            AmountError::TooManyDecimals {
                rounded: Some(r), ..
            } => m::amount_rounded_help(r),
            AmountError::TooManyDecimals { .. } => m::amount_decimals_help(),
            AmountError::NotANumber { .. } => m::amount_not_a_number_help(),
            AmountError::Overflow => m::amount_too_large_help(),
        }
    }
}

impl Amount {
    /// The amount of `ore` øre.
    pub const fn from_ore(ore: i64) -> Self {
        Amount(ore)
    }

    /// Whole kroner.
    pub fn from_kroner(kroner: i64) -> Option<Self> {
        kroner.checked_mul(100).map(Amount)
    }

    /// The amount in øre.
    pub const fn ore(self) -> i64 {
        self.0
    }

    /// Whether the amount has øre (is not a whole number of kroner).
    pub const fn has_ore(self) -> bool {
        self.0 % 100 != 0
    }

    /// Adds, or `None` on overflow.
    pub fn checked_add(self, other: Amount) -> Option<Amount> {
        self.0.checked_add(other.0).map(Amount)
    }

    /// The sum of `amounts`, or `None` on overflow.
    pub fn checked_sum(amounts: impl IntoIterator<Item = Amount>) -> Option<Amount> {
        amounts
            .into_iter()
            .try_fold(Amount(0), |acc, a| acc.checked_add(a))
    }

    /// The difference `self - other`, or `None` on overflow.
    pub fn checked_sub(self, other: Amount) -> Option<Amount> {
        self.0.checked_sub(other.0).map(Amount)
    }

    /// `self / parts`, rounded to the nearest øre, halves away from zero.
    /// `None` when `parts` is zero.
    pub fn divide_rounded(self, parts: u64) -> Option<Amount> {
        if parts == 0 {
            return None;
        }
        let n = i128::from(parts);
        let v = i128::from(self.0);
        let q = v / n;
        let r = v % n;
        // Round half away from zero: compare twice the remainder to the divisor.
        let q = if 2 * r.abs() >= n { q + v.signum() } else { q };
        i64::try_from(q).ok().map(Amount)
    }

    /// Reads an amount from the literal text of a TOML value, exactly as it
    /// was written: an integer (`31300`, `31_300`), a float (`1150.5`) or a
    /// string with a point (`"1150.50"`). More than two decimals is refused,
    /// even where TOML would read `1.150` as 1.15.
    pub fn parse_literal(literal: &str) -> Result<Amount, AmountError> {
        let literal = literal.trim();
        let (quoted, body) = match literal
            .strip_prefix('"')
            .and_then(|s| s.strip_suffix('"'))
            .or_else(|| {
                literal
                    .strip_prefix('\'')
                    .and_then(|s| s.strip_suffix('\''))
            }) {
            Some(inner) => (true, inner),
            None => (false, literal),
        };
        let not_a_number = || AmountError::NotANumber {
            written: literal.to_string(),
        };
        // TOML allows `_` between digits in numbers; a string must be plain.
        let cleaned: String = if quoted {
            body.to_string()
        } else {
            body.replace('_', "")
        };
        let (negative, unsigned) = match cleaned.as_bytes().first() {
            Some(b'-') => (true, &cleaned[1..]),
            Some(b'+') => (false, &cleaned[1..]),
            _ => (false, cleaned.as_str()),
        };
        let (whole, frac) = match unsigned.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (unsigned, None),
        };
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(whole) || frac.is_some_and(|f| !all_digits(f)) {
            return Err(not_a_number());
        }
        if let Some(f) = frac
            && f.len() > 2
        {
            // `1.150` is 1150 with a thousands separator; `4500.999` cannot
            // be (four digits before the point), so only kroner and øre
            // rounded can be meant.
            let separator = f.len() == 3 && whole.len() <= 3 && !whole.starts_with('0');
            let thousands = separator.then(|| format!("{whole}{f}"));
            let rounded = (!separator).then(|| round_to_ore(whole, f)).flatten();
            return Err(AmountError::TooManyDecimals {
                written: literal.to_string(),
                thousands,
                rounded,
            });
        }
        if negative
            && (whole.bytes().any(|b| b != b'0')
                || frac.is_some_and(|f| f.bytes().any(|b| b != b'0')))
        {
            return Err(AmountError::Negative);
        }
        let kroner: i64 = whole.parse().map_err(|_| AmountError::Overflow)?;
        let ore: i64 = match frac {
            None => 0,
            Some(f) if f.len() == 1 => i64::from(f.as_bytes()[0] - b'0') * 10,
            Some(f) => f.parse().map_err(|_| not_a_number())?,
        };
        kroner
            .checked_mul(100)
            .and_then(|k| k.checked_add(ore))
            .map(Amount)
            .ok_or(AmountError::Overflow)
    }

    /// Reads an amount typed the Danish way in a form: `31.300`, `31300`,
    /// `1.150,50`, `1150,5`, `1 150 kr.`: a comma before øre (one or two
    /// digits), points only between groups of three digits. Anything else
    /// (`1.150.50`, `1.15`, `1150.5`, `12,345,6`) is refused rather than
    /// guessed at: the error says what to write.
    pub fn parse_typed(text: &str) -> Result<Amount, crate::messages::Msg> {
        let refused = || crate::messages::editor::typed_amount(text.trim());
        let t: String = text
            .trim()
            .trim_end_matches("kr.")
            .trim_end_matches("kr")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let (whole, frac) = match t.split_once(',') {
            Some((w, f)) if digits(f) && f.len() <= 2 => (w, Some(f)),
            Some(_) => return Err(refused()),
            None => (t.as_str(), None),
        };
        let mut groups = whole.split('.');
        let first = groups.next().unwrap_or_default();
        let rest: Vec<&str> = groups.collect();
        // Thousands: 1–3 digits, not starting with 0 (`0.500` is no amount
        // a Dane writes), then groups of three.
        let grouped = rest.is_empty()
            || (first.len() <= 3 && !first.starts_with('0') && rest.iter().all(|g| g.len() == 3));
        if !digits(first) || !rest.iter().all(|g| digits(g)) || !grouped {
            return Err(refused());
        }
        let whole: String = std::iter::once(first).chain(rest).collect();
        let literal = match frac {
            Some(f) => format!("{whole}.{f}"),
            None => whole,
        };
        Amount::parse_literal(&literal).map_err(|_| refused())
    }

    /// The amount as a trip file writes it: `31300`, or `"1150.50"` with
    /// øre (a string, so no floating point is involved).
    pub fn literal(self) -> String {
        if self.has_ore() {
            format!("{}.{:02}", self.0 / 100, (self.0 % 100).abs())
        } else {
            (self.0 / 100).to_string()
        }
    }

    /// Writes the amount for `lang`: `31.300 kr.`, `12.959,90 kr.`,
    /// `DKK 31,300`, `DKK 12,959.90`. With `force_ore` (or when the amount has
    /// øre) two decimals are shown. The space between number and currency is
    /// a no-break space.
    pub fn format(self, lang: Lang, force_ore: bool) -> String {
        let (thousands, decimal) = match lang {
            Lang::Da => ('.', ','),
            Lang::En => (',', '.'),
        };
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let kroner = group_thousands(abs / 100, thousands);
        let number = if force_ore || self.has_ore() {
            format!("{sign}{kroner}{decimal}{:02}", abs % 100)
        } else {
            format!("{sign}{kroner}")
        };
        match lang {
            Lang::Da => format!("{number}\u{a0}kr."),
            Lang::En => format!("DKK\u{a0}{number}"),
        }
    }
}

/// `whole.frac` rounded to two decimals, halves up: `4500.999` → `4501.00`;
/// `None` when too large.
fn round_to_ore(whole: &str, frac: &str) -> Option<String> {
    let kroner: u64 = whole.parse().ok()?;
    let ore: u64 = frac[..2].parse().ok()?;
    let up = frac.as_bytes()[2] >= b'5';
    let total = (kroner.checked_mul(100)?.checked_add(ore)?).checked_add(u64::from(up))?;
    Some(format!("{}.{:02}", total / 100, total % 100))
}

/// Writes `n` with `sep` between groups of three digits.
pub fn group_thousands(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Amount, AmountError> {
        Amount::parse_literal(s)
    }

    #[test]
    fn parses_literals_as_written() {
        assert_eq!(p("31300"), Ok(Amount(3_130_000)));
        assert_eq!(p("31_300"), Ok(Amount(3_130_000)));
        assert_eq!(p("1150.5"), Ok(Amount(115_050)));
        assert_eq!(p("\"1150.50\""), Ok(Amount(115_050)));
        assert_eq!(p("0"), Ok(Amount(0)));
        assert_eq!(p("0.05"), Ok(Amount(5)));
    }

    #[test]
    fn refuses_three_decimals_with_a_suggestion() {
        let e = p("1.150").unwrap_err();
        assert!(matches!(e, AmountError::TooManyDecimals { .. }));
        assert_eq!(
            e.help().to_string(),
            "write 1150 or \"1150.00\" — a point separates øre, not thousands"
        );
        assert!(matches!(
            p("\"1.150\""),
            Err(AmountError::TooManyDecimals { .. })
        ));
        assert!(matches!(
            p("12.345"),
            Err(AmountError::TooManyDecimals { .. })
        ));
        // Four digits before the point: not a thousands separator.
        let help = p("4500.999").unwrap_err().help().to_string();
        assert!(help.contains("\"4501.00\""), "{help}");
        assert!(!help.contains("4500999"), "{help}");
        let help = p("12.3456").unwrap_err().help().to_string();
        assert!(help.contains("\"12.35\""), "{help}");
    }

    #[test]
    fn refuses_negative_and_garbage() {
        assert_eq!(p("-5"), Err(AmountError::Negative));
        assert_eq!(p("-0.5"), Err(AmountError::Negative));
        assert!(matches!(p("\"1,50\""), Err(AmountError::NotANumber { .. })));
        assert!(matches!(p("1e3"), Err(AmountError::NotANumber { .. })));
        assert!(matches!(p("inf"), Err(AmountError::NotANumber { .. })));
        assert!(matches!(p("\"\""), Err(AmountError::NotANumber { .. })));
        assert!(matches!(
            p("\"31_300\""),
            Err(AmountError::NotANumber { .. })
        ));
        assert_eq!(p("99999999999999999999"), Err(AmountError::Overflow));
    }

    #[test]
    fn rounds_halves_away_from_zero() {
        assert_eq!(
            Amount(12_959_900).divide_rounded(10),
            Some(Amount(1_295_990))
        );
        // 1 øre over 2 participants: 0.5 øre rounds up to 1.
        assert_eq!(Amount(1).divide_rounded(2), Some(Amount(1)));
        assert_eq!(Amount(5).divide_rounded(2), Some(Amount(3)));
        assert_eq!(Amount(-5).divide_rounded(2), Some(Amount(-3)));
        // 100 øre over 3: 33.33… rounds down.
        assert_eq!(Amount(100).divide_rounded(3), Some(Amount(33)));
        // 200 øre over 3: 66.67 rounds up.
        assert_eq!(Amount(200).divide_rounded(3), Some(Amount(67)));
        assert_eq!(Amount(100).divide_rounded(0), None);
    }

    #[test]
    fn sums_with_overflow_check() {
        assert_eq!(Amount::checked_sum([Amount(1), Amount(2)]), Some(Amount(3)));
        assert_eq!(Amount::checked_sum([Amount(i64::MAX), Amount(1)]), None);
    }

    #[test]
    fn formats_danish() {
        let total = Amount::from_kroner(129_599).unwrap();
        assert_eq!(total.format(Lang::Da, false), "129.599\u{a0}kr.");
        let per = total.divide_rounded(10).unwrap();
        assert_eq!(per.format(Lang::Da, false), "12.959,90\u{a0}kr.");
        assert_eq!(
            Amount(3_130_000).format(Lang::Da, true),
            "31.300,00\u{a0}kr."
        );
        assert_eq!(Amount(5).format(Lang::Da, false), "0,05\u{a0}kr.");
        assert_eq!(
            Amount(100_000_000).format(Lang::Da, false),
            "1.000.000\u{a0}kr."
        );
        assert_eq!(Amount(99_900).format(Lang::Da, false), "999\u{a0}kr.");
    }

    #[test]
    fn formats_english() {
        assert_eq!(Amount(3_130_000).format(Lang::En, false), "DKK\u{a0}31,300");
        assert_eq!(
            Amount(1_295_990).format(Lang::En, false),
            "DKK\u{a0}12,959.90"
        );
    }

    #[test]
    fn reads_amounts_typed_the_danish_way() {
        let t = |s| Amount::parse_typed(s).map(Amount::literal);
        assert_eq!(t("31.300"), Ok("31300".into()));
        assert_eq!(t("1.150,50"), Ok("1150.50".into()));
        assert_eq!(t("1150,5"), Ok("1150.50".into()));
        assert_eq!(t("1 150 kr."), Ok("1150".into()));
        assert_eq!(t("1.150.000"), Ok("1150000".into()));
        assert_eq!(t("0,75"), Ok("0.75".into()));
        // Not guessed at: a point is only ever between thousands.
        for wrong in [
            "1150.5", "1.150.50", "1.15", "12,345,6", "abc", "1,234", "1.1500", "1234.567", ",5",
            "",
        ] {
            assert!(t(wrong).is_err(), "{wrong:?} was taken");
        }
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(group_thousands(0, '.'), "0");
        assert_eq!(group_thousands(999, '.'), "999");
        assert_eq!(group_thousands(1000, '.'), "1.000");
        assert_eq!(group_thousands(1_234_567, ','), "1,234,567");
    }
}
