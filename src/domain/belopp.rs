//! Money: `Belopp` wraps an exact `Decimal` (never a float) with Swedish parsing and formatting.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt;
use std::ops::{Add, AddAssign, Mul, Neg, Sub};
use std::str::FromStr;

/// An amount in kronor with öre precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Belopp(Decimal);

/// Why a text is not an amount. `Display` gives the Swedish message for the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BeloppFel {
    Tomt,
    Ogiltigt,
    ForMangaDecimaler,
    Negativt,
    ForStort,
}

impl fmt::Display for BeloppFel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BeloppFel::Tomt => "Ange ett belopp.",
            BeloppFel::Ogiltigt => "Skriv beloppet med siffror, t.ex. 12 345,50 eller 12345.",
            BeloppFel::ForMangaDecimaler => "Beloppet kan ha högst två decimaler (ören).",
            BeloppFel::Negativt => "Beloppet kan inte vara negativt.",
            BeloppFel::ForStort => "Beloppet är orimligt stort.",
        })
    }
}

impl std::error::Error for BeloppFel {}

/// The largest amount the program accepts (a billion kronor): far above any real need, and small
/// enough that sums in öre never overflow.
const MAX_KRONOR: i64 = 1_000_000_000;

impl Belopp {
    pub const NOLL: Belopp = Belopp(Decimal::ZERO);

    pub fn from_decimal(d: Decimal) -> Belopp {
        Belopp(d)
    }

    pub fn kronor(kr: i64) -> Belopp {
        Belopp(Decimal::from(kr))
    }

    pub fn from_ore(ore: i64) -> Belopp {
        Belopp(Decimal::new(ore, 2))
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// Whole öre, rounding any finer fraction half away from zero.
    pub fn to_ore(self) -> i64 {
        (self.0 * Decimal::ONE_HUNDRED)
            .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
            .to_i64()
            .unwrap_or(0)
    }

    /// Rounded to whole kronor with halves rounded up (6 880,50 → 6 881).
    pub fn rounded_to_krona(self) -> Belopp {
        Belopp(self.0.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero))
    }

    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// Parses the ways caseworkers write amounts: "12 345,50", "12345,5", "12 345", "12345.50",
    /// "12 345,50 kr", "-250". Thin and no-break spaces count as spaces.
    pub fn parse(input: &str) -> Result<Belopp, BeloppFel> {
        let mut s = input.trim();
        if let Some(rest) = s.strip_suffix("kr") {
            s = rest.trim_end();
        }
        if s.is_empty() {
            return Err(BeloppFel::Tomt);
        }
        let mut cleaned = String::with_capacity(s.len());
        let mut seen_point = false;
        for (i, c) in s.chars().enumerate() {
            match c {
                '0'..='9' => cleaned.push(c),
                ',' | '.' if !seen_point => {
                    seen_point = true;
                    cleaned.push('.');
                }
                '-' | '−' if i == 0 => cleaned.push('-'),
                ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' => {}
                _ => return Err(BeloppFel::Ogiltigt),
            }
        }
        if !cleaned.bytes().any(|b| b.is_ascii_digit()) {
            return Err(BeloppFel::Ogiltigt);
        }
        if cleaned.split_once('.').is_some_and(|(_, frac)| frac.len() > 2) {
            return Err(BeloppFel::ForMangaDecimaler);
        }
        let int_digits = cleaned.split('.').next().unwrap_or("").trim_start_matches(['-', '0']);
        if int_digits.len() > 10 {
            return Err(BeloppFel::ForStort);
        }
        let d = Decimal::from_str(&cleaned).map_err(|_| BeloppFel::Ogiltigt)?;
        if d.abs() > Decimal::from(MAX_KRONOR) {
            return Err(BeloppFel::ForStort);
        }
        Ok(Belopp(d))
    }

    /// Like [`Belopp::parse`] but refuses negative amounts (costs, incomes, applied amounts).
    pub fn parse_icke_negativt(input: &str) -> Result<Belopp, BeloppFel> {
        let b = Belopp::parse(input)?;
        if b.is_negative() {
            return Err(BeloppFel::Negativt);
        }
        Ok(b)
    }

    /// "12 345,50" without the currency.
    pub fn format_tal(self) -> String {
        let ore = self.to_ore();
        let negative = ore < 0;
        let ore = ore.unsigned_abs();
        let kr = (ore / 100).to_string();
        let mut grouped = String::with_capacity(kr.len() + kr.len() / 3);
        for (i, c) in kr.chars().enumerate() {
            if i > 0 && (kr.len() - i).is_multiple_of(3) {
                grouped.push(' ');
            }
            grouped.push(c);
        }
        format!("{}{},{:02}", if negative { "−" } else { "" }, grouped, ore % 100)
    }
}

impl Belopp {
    /// "16 300 kr" for whole kronor, else "16 300,50 kr": amounts in running text.
    pub fn i_text(self) -> String {
        let tal = self.format_tal();
        match tal.strip_suffix(",00") {
            Some(hela) => format!("{hela} kr"),
            None => format!("{tal} kr"),
        }
    }
}

/// "12 345,50 kr"
impl fmt::Display for Belopp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} kr", self.format_tal())
    }
}

/// Stored and exchanged as plain decimal text with two decimals ("1234.50"), never as a float;
/// the same amount always gives the same text, however it was computed (a fingerprint relies on it).
impl serde::Serialize for Belopp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.till_text())
    }
}

impl<'de> serde::Deserialize<'de> for Belopp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Belopp, D::Error> {
        let text = String::deserialize(d)?;
        Belopp::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl Belopp {
    /// Plain decimal text with two decimals ("15350.00"), as in files and JSON.
    pub fn till_text(self) -> String {
        format!("{:.2}", self.0.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
    }

    /// Rounded to öre, halves up.
    pub fn till_ore(self) -> Belopp {
        Belopp(self.0.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
    }
}

impl Add for Belopp {
    type Output = Belopp;
    fn add(self, rhs: Belopp) -> Belopp {
        Belopp(self.0 + rhs.0)
    }
}

impl AddAssign for Belopp {
    fn add_assign(&mut self, rhs: Belopp) {
        self.0 += rhs.0;
    }
}

impl Sub for Belopp {
    type Output = Belopp;
    fn sub(self, rhs: Belopp) -> Belopp {
        Belopp(self.0 - rhs.0)
    }
}

impl Neg for Belopp {
    type Output = Belopp;
    fn neg(self) -> Belopp {
        Belopp(-self.0)
    }
}

impl Mul<Decimal> for Belopp {
    type Output = Belopp;
    fn mul(self, rhs: Decimal) -> Belopp {
        Belopp(self.0 * rhs)
    }
}

impl std::iter::Sum for Belopp {
    fn sum<I: Iterator<Item = Belopp>>(iter: I) -> Belopp {
        iter.fold(Belopp::NOLL, Add::add)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_usual_spelling() {
        let expected = Belopp::from_ore(1_234_550);
        for s in ["12 345,50", "12345,5", "12345.50", "12 345,50 kr", "12\u{a0}345,50", " 12345,50kr "] {
            assert_eq!(Belopp::parse(s), Ok(expected), "{s}");
        }
        assert_eq!(Belopp::parse("12 345"), Ok(Belopp::kronor(12_345)));
        assert_eq!(Belopp::parse("-250"), Ok(Belopp::kronor(-250)));
        assert_eq!(Belopp::parse(",5"), Ok(Belopp::from_ore(50)));
    }

    #[test]
    fn rejects_what_is_not_an_amount() {
        assert_eq!(Belopp::parse(""), Err(BeloppFel::Tomt));
        assert_eq!(Belopp::parse("kr"), Err(BeloppFel::Tomt));
        assert_eq!(Belopp::parse("12,345,50"), Err(BeloppFel::Ogiltigt));
        assert_eq!(Belopp::parse("12a"), Err(BeloppFel::Ogiltigt));
        assert_eq!(Belopp::parse("1e5"), Err(BeloppFel::Ogiltigt));
        assert_eq!(Belopp::parse("-"), Err(BeloppFel::Ogiltigt));
        assert_eq!(Belopp::parse("5-"), Err(BeloppFel::Ogiltigt));
        assert_eq!(Belopp::parse("1,005"), Err(BeloppFel::ForMangaDecimaler));
        assert_eq!(Belopp::parse("99999999999999999999999999999999"), Err(BeloppFel::ForStort));
        assert_eq!(Belopp::parse_icke_negativt("-1"), Err(BeloppFel::Negativt));
    }

    #[test]
    fn formats_the_swedish_way() {
        assert_eq!(Belopp::from_ore(1_234_550).to_string(), "12 345,50 kr");
        assert_eq!(Belopp::kronor(7000).to_string(), "7 000,00 kr");
        assert_eq!(Belopp::kronor(999).to_string(), "999,00 kr");
        assert_eq!(Belopp::kronor(1_000_000).to_string(), "1 000 000,00 kr");
        assert_eq!(Belopp::from_ore(-5).to_string(), "−0,05 kr");
        assert_eq!(Belopp::NOLL.to_string(), "0,00 kr");
    }

    #[test]
    fn rounds_halves_up_to_whole_kronor() {
        assert_eq!(Belopp::from_ore(688_050).rounded_to_krona(), Belopp::kronor(6881));
        assert_eq!(Belopp::from_ore(688_049).rounded_to_krona(), Belopp::kronor(6880));
        assert_eq!(Belopp::from_ore(332_800).to_ore(), 332_800);
    }

    #[test]
    fn sums_exactly() {
        let tenth = Belopp::parse("0,10").unwrap();
        let total: Belopp = std::iter::repeat_n(tenth, 10).sum();
        assert_eq!(total, Belopp::kronor(1));
    }
}
