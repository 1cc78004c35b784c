//! A calendar month (`YYYY-MM`), the unit an application is made for.

use chrono::{Datelike, NaiveDate};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Manad {
    ar: i32,
    manad: u32,
}

impl Manad {
    pub fn new(ar: i32, manad: u32) -> Option<Manad> {
        ((1..=12).contains(&manad) && (1900..=2200).contains(&ar)).then_some(Manad { ar, manad })
    }

    pub fn av(d: NaiveDate) -> Manad {
        Manad { ar: d.year(), manad: d.month() }
    }

    /// Parses `YYYY-MM`.
    pub fn parse(s: &str) -> Result<Manad, String> {
        let s = s.trim();
        let fel = || format!("\"{s}\" är ingen månad. Skriv månaden som ÅÅÅÅ-MM, t.ex. 2026-11.");
        let (a, m) = s.split_once('-').ok_or_else(fel)?;
        if a.len() != 4 || m.len() != 2 || !a.chars().chain(m.chars()).all(|c| c.is_ascii_digit()) {
            return Err(fel());
        }
        Manad::new(a.parse().map_err(|_| fel())?, m.parse().map_err(|_| fel())?).ok_or_else(fel)
    }

    pub fn ar(self) -> i32 {
        self.ar
    }

    /// The month's number in the year, 1–12.
    pub fn nummer(self) -> u32 {
        self.manad
    }

    /// Months from `fran` to `self`, both counted: the same month is 1, the next 2.
    pub fn ordning_fran(self, fran: Manad) -> i64 {
        let nr = |m: Manad| i64::from(m.ar) * 12 + i64::from(m.manad);
        nr(self) - nr(fran) + 1
    }

    pub fn forsta_dagen(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.ar, self.manad, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn sista_dagen(self) -> NaiveDate {
        self.nasta().forsta_dagen().pred_opt().unwrap_or(NaiveDate::MIN)
    }

    pub fn antal_dagar(self) -> u32 {
        self.sista_dagen().day()
    }

    pub fn nasta(self) -> Manad {
        if self.manad == 12 {
            Manad { ar: self.ar + 1, manad: 1 }
        } else {
            Manad { ar: self.ar, manad: self.manad + 1 }
        }
    }

    /// The month in words, as in a sentence: "november 2026" (the letters' klarspråk).
    pub fn namn(self) -> String {
        super::klarsprak::manad(self)
    }

    pub fn foregaende(self) -> Manad {
        if self.manad == 1 {
            Manad { ar: self.ar - 1, manad: 12 }
        } else {
            Manad { ar: self.ar, manad: self.manad - 1 }
        }
    }
}

#[cfg(test)]
mod namn_tests {
    use super::Manad;

    #[test]
    fn a_month_is_named_in_swedish() {
        assert_eq!(Manad::new(2026, 11).map(Manad::namn).as_deref(), Some("november 2026"));
        assert_eq!(Manad::new(2027, 1).map(Manad::namn).as_deref(), Some("januari 2027"));
    }
}

impl fmt::Display for Manad {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.ar, self.manad)
    }
}

/// Exchanged as "YYYY-MM".
impl serde::Serialize for Manad {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> serde::Deserialize<'de> for Manad {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Manad, D::Error> {
        Manad::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_counts_days() {
        let m = Manad::parse("2024-02").unwrap();
        assert_eq!(m.antal_dagar(), 29);
        assert_eq!(Manad::parse("2026-12").unwrap().nasta().to_string(), "2027-01");
        assert_eq!(Manad::parse("2026-01").unwrap().foregaende().to_string(), "2025-12");
        assert!(Manad::parse("2026-13").is_err());
        assert!(Manad::parse("2026-1").unwrap_err().contains("ÅÅÅÅ-MM"));
        assert!(Manad::parse("okt").is_err());
        let m = Manad::parse("2026-03").unwrap();
        assert_eq!(m.ordning_fran(Manad::parse("2024-04").unwrap()), 24);
        assert_eq!(m.ordning_fran(m), 1);
    }
}
