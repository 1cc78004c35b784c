//! `bistand beslut --lista`, `bistand sok` and `bistand brev`: decisions, cases and letters for
//! scripts and batch printing.
//! Every failure, a read error in the database included, ends with a Swedish message and exit 1.

use super::oppna_befintlig;
use crate::arbete::{self, Aktor};
use crate::store::Store;
use crate::utskrift::Dokument;
use std::io::Write;
use std::path::Path;

/// The users, one JSON object per line: login, namn, roll, aktiv (no password, no case data).
pub fn anvandare(db: &Path) -> i32 {
    match oppna_befintlig(db).and_then(|s| s.anvandare().map_err(|e| e.to_string())) {
        Ok(rader) => skriv_rader(
            rader
                .into_iter()
                .map(|a| serde_json::json!({"login": a.login, "namn": a.namn, "roll": a.roll.kod(), "aktiv": a.aktiv})),
        ),
        Err(e) => {
            eprintln!("{e}");
            1
        }
    }
}

/// One JSON object per line: id, arende, datum, utfall.
pub fn lista(store: &mut Store, aktor: &Aktor) -> i32 {
    let svar = arbete::arende::logga_listning(store, aktor, "alla beslut (bistand beslut --lista)")
        .map_err(|e| e.to_string())
        .and_then(|()| store.alla_beslut().map_err(|e| e.to_string()));
    match svar {
        Ok(rader) => skriv_rader(rader.into_iter().map(|r| {
            let poster: Vec<_> = r
                .poster
                .iter()
                .map(|p| {
                    serde_json::json!({"post": p.sak, "ansokt": p.ansokt.till_text(),
                                       "beviljat": p.beviljat.till_text(), "utfall": p.utfall().kod()})
                })
                .collect();
            serde_json::json!({"id": r.id, "arende": r.arendenummer, "datum": r.datum,
                               "utfall": r.utfall.kod(), "poster": poster})
        })),
        Err(e) => {
            eprintln!("{e}");
            1
        }
    }
}

/// The cases a search finds, as the case list finds them: one JSON object per line.
pub fn sok(store: &mut Store, aktor: &Aktor, fraga: &str) -> i32 {
    let svar = arbete::arende::logga_listning(store, aktor, &format!("sökning \"{fraga}\" (bistand sok)"))
        .map_err(|e| e.to_string())
        .and_then(|()| {
            store.sok_arenden(fraga, crate::store::Sortering::Namn, true, 1_000_000).map_err(|e| e.to_string())
        });
    match svar {
        Ok(svar) => {
            skriv_rader(svar.rader.into_iter().map(|r| serde_json::json!({"arende": r.arendenummer, "namn": r.namn})))
        }
        Err(e) => {
            eprintln!("{e}");
            1
        }
    }
}

/// Writes line by line: a reader that stops early (`| head`) ends the listing quietly instead
/// of a panic on the closed pipe.
fn skriv_rader(rader: impl Iterator<Item = serde_json::Value>) -> i32 {
    let mut ut = std::io::BufWriter::new(std::io::stdout().lock());
    for rad in rader {
        if writeln!(ut, "{rad}").is_err() {
            return 0;
        }
    }
    let _ = ut.flush();
    0
}

/// Prints `dokument` to `ut` through the same use case as the window, as the logged-in user:
/// the journal and the log note it.
pub fn skriv(store: &mut Store, aktor: &Aktor, ut: &Path, dokument: &Dokument) -> i32 {
    match arbete::brev::skriv_ut(store, aktor, dokument, ut) {
        Ok(fil) => {
            println!("Skrev brevet till {}.", fil.display());
            0
        }
        Err(e) => {
            eprintln!("{e}");
            1
        }
    }
}

/// `brev … --ut FIL [--skrivare NAMN]`: the letter saved as FIL and, with a printer, sent to it
/// through the same use case as the preview's Skriv ut. A print that did not happen is exit 1
/// with the reason; the letter is saved all the same.
pub fn skriv_eller_skicka(
    store: &mut Store,
    aktor: &Aktor,
    ut: &Path,
    dokument: &Dokument,
    skrivare: Option<&str>,
) -> i32 {
    let Some(skrivare) = skrivare else { return skriv(store, aktor, ut, dokument) };
    match arbete::skrivare::skriv_ut_pa_skrivare(store, aktor, dokument, ut, skrivare) {
        Ok(arbete::skrivare::Utskriven::Skrivare(namn)) => {
            println!("Skickade brevet till skrivaren {namn}; det är sparat som {}.", ut.display());
            0
        }
        Ok(arbete::skrivare::Utskriven::Sparad(fil)) => {
            eprintln!(
                "Brevet skrevs inte ut: datorns PDF-program tar inte emot utskrifter direkt. Brevet är sparat som {} \
                 – öppna det och skriv ut det därifrån.",
                fil.display()
            );
            1
        }
        Err(e) => {
            eprintln!("{e}");
            1
        }
    }
}

/// `brev --manad`: every decision letter of the month into a folder, with a line of progress
/// for every tenth of the batch.
pub fn manadens(store: &mut Store, aktor: &Aktor, manad: crate::domain::manad::Manad, mapp: &Path) -> i32 {
    let start = std::time::Instant::now();
    let mut visad = 0;
    let mut framsteg = |klara: usize, alla: usize| {
        let tiondel = (klara * 10).checked_div(alla).unwrap_or(10);
        if tiondel > visad && klara < alla {
            visad = tiondel;
            eprintln!("{klara} av {alla} beslutsbrev skrivna …");
        }
        true
    };
    let svar = arbete::brev::manadens_beslutsbrev(store, aktor, manad, mapp, &mut framsteg);
    match svar {
        Ok(o) if o.alla == 0 => {
            println!("Det finns inga beslut för {manad}.");
            0
        }
        Ok(o) => {
            let sekunder = start.elapsed().as_secs_f64();
            println!("Skrev {} beslutsbrev för {manad} till {} på {sekunder:.1} s.", o.skrivna, mapp.display());
            0
        }
        Err(e) => {
            eprintln!("{e}");
            1
        }
    }
}
