//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod ui;

use bistand::domain::hushall::{Adress, Medlem, NyttHushall, Person, Roll};
use bistand::domain::personnummer::Personnummer;
use bistand::store::{NyttArende, Store};
use chrono::{NaiveDate, NaiveDateTime};

pub fn nu() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(10, 0, 0).unwrap()
}

pub fn pnr(y: i32, m: u32, d: u32, serial: u16) -> Personnummer {
    Personnummer::from_parts(NaiveDate::from_ymd_opt(y, m, d).unwrap(), serial, false).unwrap()
}

pub fn person(pnr: Personnummer, fornamn: &str, efternamn: &str) -> Medlem {
    Medlem {
        person: Person { pnr, fornamn: fornamn.into(), efternamn: efternamn.into() },
        roll: Roll::Sokande,
        lunch_utanfor_hemmet: false,
        gar_i_gymnasiet: false,
    }
}

pub fn hushall(medlemmar: Vec<Medlem>) -> NyttHushall {
    NyttHushall {
        medlemmar,
        relation: None,
        adress: Adress { gatuadress: "Provgatan 3".into(), postnummer: "123 45".into(), postort: "Stockholm".into() },
        telefon: "070-000 00 00".into(),
        skyddade_personuppgifter: false,
    }
}

pub fn arende() -> NyttArende {
    NyttArende {
        status: bistand::domain::arende::ArendeStatus::UnderUtredning,
        socialsekreterare: "Test Handläggare".into(),
        bidragshandlaggare: String::new(),
        forsorjningshinder: None,
        startdatum: nu().date(),
    }
}

/// A fresh database file in a temporary folder (kept alive by the returned guard).
pub fn temp_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("test.db");
    (dir, path)
}

pub fn open(path: &std::path::Path) -> Store {
    Store::open(path).unwrap()
}

/// The text of each page of a PDF, as a reader's copy-and-paste would give it.
pub fn pdf_sidor(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).expect("a readable PDF");
    (1..=doc.get_pages().len() as u32).map(|n| doc.extract_text(&[n]).unwrap_or_default()).collect()
}

/// The text of a whole PDF, page after page.
pub fn pdf_text(pdf: &[u8]) -> String {
    pdf_sidor(pdf).join("\n")
}

/// What a client must never read in a letter: ",00" on whole kronor, ISO dates (2026-10-05)
/// and months written 2026-10. The case number (e.g. 2026-0001) is allowed.
pub fn klarsprak_fel(text: &str, arendenummer: &str) -> Vec<String> {
    let text = text.replace(arendenummer, "");
    let mut fel = Vec::new();
    if let Some(i) = text.find(",00") {
        fel.push(format!("«,00» in «{}»", text[i.saturating_sub(30)..].chars().take(50).collect::<String>()));
    }
    let c: Vec<char> = text.chars().collect();
    let siffra = |i: usize| c.get(i).is_some_and(|x| x.is_ascii_digit());
    for i in 0..c.len() {
        let borjar = i == 0 || !siffra(i - 1);
        let monster = (0..4).all(|k| siffra(i + k)) && c.get(i + 4) == Some(&'-') && siffra(i + 5) && siffra(i + 6);
        if borjar && monster && !siffra(i + 7) {
            fel.push(format!("ISO date or month «{}»", c[i..(i + 10).min(c.len())].iter().collect::<String>()));
        }
    }
    fel
}
