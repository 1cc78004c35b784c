//! How letters write months, dates, kronor and counts for a client (klarspråk): "oktober
//! 2026", "5 oktober 2026", "24 920 kr" (öre only when there are any), "1 månad", "2 månader".
//! The one place every letter takes these from.

use super::belopp::Belopp;
use super::manad::Manad;
use chrono::{Datelike, NaiveDate};

const MANADER: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

fn manadsnamn(nr: u32) -> &'static str {
    MANADER.get(nr.saturating_sub(1) as usize).copied().unwrap_or("")
}

/// "oktober 2026"
pub fn manad(m: Manad) -> String {
    let d = m.forsta_dagen();
    format!("{} {}", manadsnamn(d.month()), d.year())
}

/// A month stored as text ("2026-10") written for a client; other text is left as it is.
pub fn manad_fran_text(s: &str) -> String {
    Manad::parse(s).map(manad).unwrap_or_else(|_| s.trim().to_string())
}

/// "5 oktober 2026"
pub fn datum(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), manadsnamn(d.month()), d.year())
}

/// A date stored as text ("2026-10-05") written for a client; other text is left as it is.
pub fn datum_fran_text(s: &str) -> String {
    let t = s.trim();
    match (t.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()), t.get(10..)) {
        (Some(d), Some(rest)) => format!("{}{rest}", datum(d)),
        _ => t.to_string(),
    }
}

/// "24 920 kr", "24 920,50 kr": whole kronor without ",00".
pub fn kronor(b: Belopp) -> String {
    let tal = b.till_ore().format_tal();
    match tal.strip_suffix(",00") {
        Some(hela) => format!("{hela} kr"),
        None => format!("{tal} kr"),
    }
}

/// Text written with the program's amounts ("9 800,00 kr") as a client reads it ("9 800 kr").
pub fn utan_hela_oren(text: &str) -> String {
    text.replace(",00 kr", " kr")
}

/// "1 månad", "2 månader", "0 månader".
pub fn antal(n: u64, en: &str, flera: &str) -> String {
    format!("{n} {}", if n == 1 { en } else { flera })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_dates_and_kronor_as_a_client_reads_them() {
        assert_eq!(manad(Manad::parse("2026-10").unwrap()), "oktober 2026");
        assert_eq!(manad(Manad::parse("2025-01").unwrap()), "januari 2025");
        assert_eq!(manad_fran_text("2026-12"), "december 2026");
        assert_eq!(manad_fran_text("hösten"), "hösten");
        let d = NaiveDate::from_ymd_opt(2026, 10, 5).unwrap();
        assert_eq!(datum(d), "5 oktober 2026");
        assert_eq!(datum_fran_text("2026-11-26 klockan 10.00"), "26 november 2026 klockan 10.00");
        assert_eq!(datum_fran_text("snart"), "snart");
        assert_eq!(kronor(Belopp::kronor(24_920)), "24 920 kr");
        assert_eq!(kronor(Belopp::from_ore(2_492_050)), "24 920,50 kr");
        assert_eq!(kronor(Belopp::kronor(0)), "0 kr");
        assert_eq!(kronor(Belopp::from_ore(12_345_678)), "123 456,78 kr");
        assert_eq!(utan_hela_oren("Hyra 9 800,00 kr, el 312,50 kr"), "Hyra 9 800 kr, el 312,50 kr");
    }

    #[test]
    fn singular_and_plural() {
        assert_eq!(antal(1, "månad", "månader"), "1 månad");
        assert_eq!(antal(2, "månad", "månader"), "2 månader");
        assert_eq!(antal(0, "månad", "månader"), "0 månader");
        assert_eq!(antal(1, "barn", "barn"), "1 barn");
        assert_eq!(antal(3, "vecka", "veckor"), "3 veckor");
    }
}
