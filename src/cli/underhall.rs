//! Maintenance: backup, restore, and the hidden save loop the crash test kills.

use crate::domain::journal::NyJournalPost;
use crate::store::Store;
use std::io::Write;
use std::path::Path;

pub fn sakerhetskopia(db: &Path, ut: &Path) -> i32 {
    if !db.exists() {
        eprintln!("Databasen {} finns inte.", db.display());
        return 1;
    }
    match Store::open(db).and_then(|s| s.sakerhetskopiera(ut)) {
        Ok(()) => {
            println!("Säkerhetskopian är sparad i {}.", ut.display());
            0
        }
        Err(e) => {
            eprintln!("{e}");
            1
        }
    }
}

pub fn flytta(fran: &Path, till: &str) -> i32 {
    if !crate::store::server::ar_serveradress(till) {
        eprintln!("--till ska vara en postgres://-adress, t.ex. postgres://bistand@server/enheten.");
        return 2;
    }
    match crate::store::flytta(fran, till) {
        Ok(r) => {
            let rader: i64 = r.rader.values().sum();
            println!(
                "Databasen {} är flyttad till {}: {} rader i {} tabeller, {} summor av belopp och kontrollkedjan \
                 ({} poster, ankare {}) stämmer på servern.",
                fran.display(),
                crate::store::server::utan_losenord(till),
                rader,
                r.rader.len(),
                r.summor.len(),
                r.kedjeposter,
                r.ankare
            );
            0
        }
        Err(e) => {
            eprintln!("{e}");
            1
        }
    }
}

pub fn behorighet(db: &str, roll: &str) -> i32 {
    if !crate::store::server::ar_serveradress(db) {
        eprintln!("--db ska vara enhetens databas som en postgres://-adress (rättigheter finns bara på en server).");
        return 2;
    }
    match crate::store::server::ge_behorighet(db, roll) {
        Ok(()) => {
            println!(
                "Rollen {roll} kan nu arbeta i {} men inte radera journal, beslut eller loggen, tömma tabeller \
                 eller ändra databasens regler.",
                crate::store::server::utan_losenord(db)
            );
            0
        }
        Err(e) => {
            eprintln!("{e}");
            1
        }
    }
}

pub fn aterstall(fran: &Path, db: &Path, nu: chrono::NaiveDateTime) -> i32 {
    match crate::store::aterstall(fran, db, nu) {
        Ok(a) => {
            println!(
                "Databasen {} är återställd från {} ({} hushåll) och är frisk.",
                db.display(),
                fran.display(),
                a.rapport.hushall
            );
            if let Some(ersatt) = a.ersatt {
                println!("Databasen som ersattes finns kvar i {}.", ersatt.display());
            }
            0
        }
        Err(e) => {
            eprintln!("{e}");
            1
        }
    }
}

/// Saves journal entries one transaction at a time, through the same store code the program
/// uses, printing each committed id; runs until killed (for the crash-safety test).
pub fn spara_i_loop(db: &Path, nu: chrono::NaiveDateTime) -> i32 {
    let mut store = match Store::open(db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    let arende_id = match store.sok_arenden("", crate::store::Sortering::Arendenummer, true, 1) {
        Ok(r) if !r.rader.is_empty() => r.rader[0].arende_id,
        _ => {
            eprintln!("Databasen har inget ärende att skriva i.");
            return 1;
        }
    };
    let mut ut = std::io::stdout();
    for n in 0.. {
        let post = NyJournalPost {
            datum: nu.date(),
            rubrik: format!("Kraschtest {n}"),
            text: "x".repeat(200),
            ersatter: None,
        };
        match store.skriv(|w| w.skriv_journal(arende_id, &post, "kraschtest", nu)) {
            Ok(id) => {
                let _ = writeln!(ut, "{id}");
                let _ = ut.flush();
            }
            Err(e) => {
                eprintln!("{e}");
                return 1;
            }
        }
    }
    0
}
