//! Swedish personnummer and samordningsnummer: parsing of every common spelling,
//! validation (date, check digit, century) and the facts derived from the number.

use chrono::{Datelike, NaiveDate};
use std::fmt;

/// Whether the number is an ordinary personnummer or a samordningsnummer (day + 60).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Nummertyp {
    Personnummer,
    Samordningsnummer,
}

/// Legal sex as encoded in the second-to-last digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JuridisktKon {
    Man,
    Kvinna,
}

/// A validated personnummer or samordningsnummer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Personnummer {
    /// Year with century, month and the day *as written* (61–91 for a samordningsnummer).
    year: i32,
    month: u32,
    day_as_written: u32,
    /// The three-digit birth number and the check digit.
    serial: u16,
    check: u8,
}

/// Why a text is not a valid personnummer. `Display` gives the Swedish message for the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PnrFel {
    Tomt,
    FelFormat,
    OgiltigtDatum,
    FelKontrollsiffra,
    FramtidaDatum,
    Fodelsenummer000,
}

impl fmt::Display for PnrFel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            PnrFel::Tomt => "Ange personnummer eller samordningsnummer.",
            PnrFel::FelFormat => "Skriv personnumret med 10 eller 12 siffror, t.ex. ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN.",
            PnrFel::OgiltigtDatum => "Datumdelen är inget giltigt datum (för samordningsnummer är dagen ökad med 60).",
            PnrFel::FelKontrollsiffra => "Kontrollsiffran stämmer inte. Kontrollera att numret är rätt skrivet.",
            PnrFel::FramtidaDatum => "Födelsedatumet ligger i framtiden.",
            PnrFel::Fodelsenummer000 => "Födelsenumret (de tre siffrorna efter datumet) kan inte vara 000.",
        };
        f.write_str(text)
    }
}

impl std::error::Error for PnrFel {}

impl Personnummer {
    /// Parses any usual spelling: `YYMMDD-NNNN`, `YYMMDD+NNNN` (100 years or older), `YYMMDDNNNN`,
    /// `YYYYMMDDNNNN`, `YYYYMMDD-NNNN`. Surrounding whitespace is ignored; `today` decides the
    /// century of a 10-digit number.
    pub fn parse(input: &str, today: NaiveDate) -> Result<Personnummer, PnrFel> {
        let s = input.trim();
        if s.is_empty() {
            return Err(PnrFel::Tomt);
        }
        let (digits, separator) = split_separator(s).ok_or(PnrFel::FelFormat)?;
        let (year, rest) = match digits.len() {
            12 => (num(&digits[0..4]) as i32, &digits[4..]),
            10 => {
                let yy = num(&digits[0..2]) as i32;
                let month = num(&digits[2..4]);
                let day = num(&digits[4..6]);
                (century_for(yy, month, day, separator == Some('+'), today), &digits[2..])
            }
            _ => return Err(PnrFel::FelFormat),
        };
        let month = num(&rest[0..2]);
        let day_as_written = num(&rest[2..4]);
        let serial = num(&rest[4..7]) as u16;
        let check = num(&rest[7..8]) as u8;
        let pnr = Personnummer { year, month, day_as_written, serial, check };
        let birth = pnr.birth_date_checked().ok_or(PnrFel::OgiltigtDatum)?;
        if serial == 0 {
            return Err(PnrFel::Fodelsenummer000);
        }
        if luhn_check_digit(&pnr.ten_digits()[..9]) != check {
            return Err(PnrFel::FelKontrollsiffra);
        }
        if birth > today {
            return Err(PnrFel::FramtidaDatum);
        }
        Ok(pnr)
    }

    /// Builds a valid number from its parts, computing the check digit (used by demo data).
    pub fn from_parts(birth: NaiveDate, serial: u16, samordning: bool) -> Option<Personnummer> {
        if serial == 0 || serial > 999 {
            return None;
        }
        let day = birth.day() + if samordning { 60 } else { 0 };
        let mut pnr = Personnummer { year: birth.year(), month: birth.month(), day_as_written: day, serial, check: 0 };
        pnr.check = luhn_check_digit(&pnr.ten_digits()[..9]);
        Some(pnr)
    }

    fn birth_date_checked(&self) -> Option<NaiveDate> {
        let day = match self.day_as_written {
            61..=91 => self.day_as_written - 60,
            d => d,
        };
        NaiveDate::from_ymd_opt(self.year, self.month, day)
    }

    /// The birth date (for a samordningsnummer the day minus 60).
    pub fn birth_date(&self) -> NaiveDate {
        // Constructed only through validation, so the date exists.
        self.birth_date_checked().unwrap_or(NaiveDate::MIN)
    }

    pub fn typ(&self) -> Nummertyp {
        if self.day_as_written > 60 { Nummertyp::Samordningsnummer } else { Nummertyp::Personnummer }
    }

    pub fn kon(&self) -> JuridisktKon {
        if (self.serial % 10) % 2 == 1 { JuridisktKon::Man } else { JuridisktKon::Kvinna }
    }

    /// Age in whole years on `date`.
    pub fn age_at(&self, date: NaiveDate) -> u32 {
        age_at(self.birth_date(), date)
    }

    /// The ten digits without separator (YYMMDDNNNC).
    pub fn ten_digits(&self) -> String {
        format!(
            "{:02}{:02}{:02}{:03}{}",
            self.year.rem_euclid(100),
            self.month,
            self.day_as_written,
            self.serial,
            self.check
        )
    }

    /// The twelve digits without separator (YYYYMMDDNNNC): the form stored in the database.
    pub fn twelve_digits(&self) -> String {
        format!("{:04}{:02}{:02}{:03}{}", self.year, self.month, self.day_as_written, self.serial, self.check)
    }
}

/// Displays the long form with dash, `YYYYMMDD-NNNN`, as used on screen and in letters.
impl fmt::Display for Personnummer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.twelve_digits();
        write!(f, "{}-{}", &d[..8], &d[8..])
    }
}

/// Whole years between `birth` and `date` (0 when `date` is before the birth).
pub fn age_at(birth: NaiveDate, date: NaiveDate) -> u32 {
    if date < birth {
        return 0;
    }
    let mut years = date.year() - birth.year();
    if (date.month(), date.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years.max(0) as u32
}

/// Splits a trimmed input into its digits and the separator, if any. Only `-` and `+` are
/// separators and only right before the last four digits.
fn split_separator(s: &str) -> Option<(String, Option<char>)> {
    let mut digits = String::with_capacity(12);
    let mut separator = None;
    for (i, c) in s.char_indices() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if (c == '-' || c == '+') && separator.is_none() && s.len() - i - 1 == 4 {
            separator = Some(c);
        } else {
            return None;
        }
    }
    Some((digits, separator))
}

fn num(s: &str) -> u32 {
    s.bytes().fold(0, |acc, b| acc * 10 + u32::from(b - b'0'))
}

/// Century for a two-digit year: the most recent year ending in `yy` that is not in the future
/// (and, with `+`, at least 100 years back).
fn century_for(yy: i32, month: u32, day: u32, hundred_plus: bool, today: NaiveDate) -> i32 {
    let this_year = today.year();
    let mut year = this_year - (this_year - yy).rem_euclid(100);
    // A birthday later this year in the current year still counts as "not in the future"
    // only if it has passed; otherwise step back a century.
    let day = if day > 60 { day - 60 } else { day };
    if year == this_year && (month, day) > (today.month(), today.day()) {
        year -= 100;
    }
    if hundred_plus {
        year -= 100;
    }
    year
}

/// The Luhn check digit over the nine leading digits.
fn luhn_check_digit(nine: &str) -> u8 {
    let sum: u32 = nine
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0') * if i % 2 == 0 { 2 } else { 1 };
            if d > 9 { d - 9 } else { d }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const TODAY: (i32, u32, u32) = (2026, 11, 23);

    fn parse(s: &str) -> Result<Personnummer, PnrFel> {
        Personnummer::parse(s, d(TODAY.0, TODAY.1, TODAY.2))
    }

    #[test]
    fn every_spelling_gives_the_same_number() {
        let forms = ["198211059954", "8211059954", "821105-9954", "19821105-9954", " 821105-9954 "];
        let first = parse(forms[0]).unwrap();
        for f in forms {
            assert_eq!(parse(f).unwrap(), first, "{f}");
        }
        assert_eq!(first.to_string(), "19821105-9954");
        assert_eq!(first.birth_date(), d(1982, 11, 5));
        assert_eq!(first.kon(), JuridisktKon::Man);
    }

    #[test]
    fn plus_means_a_hundred_years_or_more() {
        let p = parse("090527+1474").unwrap();
        assert_eq!(p.birth_date(), d(1909, 5, 27));
        let young = parse("0905271474").unwrap();
        assert_eq!(young.birth_date(), d(2009, 5, 27));
    }

    #[test]
    fn two_digit_year_never_lands_in_the_future() {
        // Born later this calendar year than today: must be the previous century.
        let p = Personnummer::from_parts(d(1926, 12, 24), 982, false).unwrap();
        let parsed = parse(&p.ten_digits()).unwrap();
        assert_eq!(parsed.birth_date(), d(1926, 12, 24));
    }

    #[test]
    fn samordningsnummer_has_day_plus_sixty() {
        let p = parse("570574-9959").unwrap();
        assert_eq!(p.typ(), Nummertyp::Samordningsnummer);
        assert_eq!(p.birth_date(), d(1957, 5, 14));
        assert_eq!(p.to_string(), "19570574-9959");
    }

    #[test]
    fn wrong_inputs_give_the_reason() {
        assert_eq!(parse(""), Err(PnrFel::Tomt));
        assert_eq!(parse("12345"), Err(PnrFel::FelFormat));
        assert_eq!(parse("821105 9954"), Err(PnrFel::FelFormat));
        assert_eq!(parse("82-1105-9954"), Err(PnrFel::FelFormat));
        assert_eq!(parse("821135-9954"), Err(PnrFel::OgiltigtDatum));
        assert_eq!(parse("821105-9953"), Err(PnrFel::FelKontrollsiffra));
        assert_eq!(parse("150916-0006"), Err(PnrFel::Fodelsenummer000));
        let future = Personnummer::from_parts(d(2027, 1, 2), 982, false).unwrap();
        assert_eq!(parse(&future.twelve_digits()), Err(PnrFel::FramtidaDatum));
        assert!(PnrFel::FelKontrollsiffra.to_string().contains("Kontrollsiffran"));
    }

    #[test]
    fn age_counts_whole_years_from_the_birthday() {
        let p = parse("19821105-9954").unwrap();
        assert_eq!(p.age_at(d(2026, 11, 4)), 43);
        assert_eq!(p.age_at(d(2026, 11, 5)), 44);
        assert_eq!(age_at(d(2008, 2, 29), d(2026, 2, 28)), 17);
        assert_eq!(age_at(d(2008, 2, 29), d(2026, 3, 1)), 18);
        assert_eq!(age_at(d(2020, 1, 1), d(2019, 1, 1)), 0);
    }

    #[test]
    fn built_numbers_validate() {
        assert!(Personnummer::from_parts(d(1990, 2, 28), 0, false).is_none());
        for serial in [1u16, 982, 999] {
            let p = Personnummer::from_parts(d(1990, 2, 28), serial, false).unwrap();
            assert_eq!(parse(&p.to_string()).unwrap(), p);
            let s = Personnummer::from_parts(d(1990, 2, 28), serial, true).unwrap();
            assert_eq!(parse(&s.to_string()).unwrap().typ(), Nummertyp::Samordningsnummer);
        }
    }
}
