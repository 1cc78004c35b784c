//! The peer conformance list from `../shared/testdata/personnummer/list.json`: every spelling of
//! every entry is judged as the file says. Runs when the file is present (CI has it).

use bistand::domain::personnummer::{JuridisktKon, Nummertyp, Personnummer};
use chrono::NaiveDate;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Post {
    long_format: String,
    short_format: String,
    separated_format: String,
    separated_long: String,
    valid: bool,
    #[serde(rename = "type")]
    typ: String,
    #[serde(rename = "isMale")]
    is_male: bool,
}

#[test]
fn every_spelling_of_every_entry_is_judged_as_the_list_says() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/testdata/personnummer/list.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("{} saknas; konformitetstestet hoppas över", path.display());
        return;
    };
    let poster: Vec<Post> = serde_json::from_str(&text).expect("list.json is valid JSON");
    assert!(poster.len() >= 10, "the list has its entries");
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut checked = 0;
    for p in &poster {
        let spellings = [&p.long_format, &p.short_format, &p.separated_format, &p.separated_long];
        for s in spellings {
            let parsed = Personnummer::parse(s, today);
            assert_eq!(parsed.is_ok(), p.valid, "{s}: expected valid={} got {parsed:?}", p.valid);
            if let Ok(pnr) = parsed {
                let typ = if p.typ == "con" { Nummertyp::Samordningsnummer } else { Nummertyp::Personnummer };
                assert_eq!(pnr.typ(), typ, "{s}");
                let kon = if p.is_male { JuridisktKon::Man } else { JuridisktKon::Kvinna };
                assert_eq!(pnr.kon(), kon, "{s}");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, poster.len() * 4);
}

#[test]
fn a_plus_in_the_long_form_with_separator_means_the_same_person() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let a = Personnummer::parse("19090527+1474", today).unwrap();
    let b = Personnummer::parse("090527+1474", today).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.birth_date(), NaiveDate::from_ymd_opt(1909, 5, 27).unwrap());
}
