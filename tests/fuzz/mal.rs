//! What each fuzz target checks, shared by the fuzz targets (tests/fuzz/fuzz_targets) and the
//! regression test that replays every kept input (tests/fuzz_regressioner.rs). Each function
//! panics when the program misbehaves on the input; an `Err` for bad input is correct.

use bistand::domain::belopp::Belopp;
use bistand::domain::personnummer::Personnummer;

/// Personnummer parsing never panics, and a parsed number reads back the same in its printed
/// and twelve-digit forms.
pub fn personnummer(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let idag = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("a valid date");
    if let Ok(p) = Personnummer::parse(text, idag) {
        assert_eq!(Personnummer::parse(&p.to_string(), idag).as_ref(), Ok(&p), "printed form of {text:?}");
        assert_eq!(Personnummer::parse(&p.twelve_digits(), idag).as_ref(), Ok(&p), "twelve digits of {text:?}");
    }
}

/// Amount parsing never panics, and a parsed amount reads back the same from how it is shown.
pub fn belopp(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(b) = Belopp::parse(text) {
        assert_eq!(Belopp::parse(&b.format_tal()), Ok(b), "shown form of {text:?}");
        assert_eq!(Belopp::parse(&b.to_string()), Ok(b), "with kr: {text:?}");
    }
    if let Ok(b) = Belopp::parse_icke_negativt(text) {
        assert!(!b.is_negative(), "a non-negative amount from {text:?}");
    }
}

/// `bistand berakna` never panics on its JSON input, and what it grants is never negative.
pub fn berakna(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(svar) = bistand::cli::berakna_json(text) {
        let beviljas = svar["granted"].as_str().expect("granted is text");
        let b = Belopp::parse(beviljas).expect("granted is an amount");
        assert!(!b.is_negative(), "negative granted {beviljas} for {text:?}");
    }
}
