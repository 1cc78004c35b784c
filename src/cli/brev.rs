//! `bistand beslut --lista` and `bistand brev`: decisions for scripts and batch printing.
//! Every failure, a read error in the database included, ends with a Swedish message and exit 1.

use super::oppna_befintlig;
use crate::store::Store;
use std::io::Write;
use std::path::Path;

/// One JSON object per line: id, arende, datum, utfall.
pub fn lista(db: &Path) -> i32 {
    match oppna_befintlig(db).and_then(|s| s.alla_beslut().map_err(|e| e.to_string())) {
        Ok(rader) => {
            // Written line by line: a reader that stops early (`| head`) ends the listing
            // quietly instead of a panic on the closed pipe.
            let mut ut = std::io::BufWriter::new(std::io::stdout().lock());
            for r in rader {
                let rad = serde_json::json!({"id": r.id, "arende": r.arendenummer, "datum": r.datum, "utfall": r.utfall.kod()});
                if writeln!(ut, "{rad}").is_err() {
                    return 0;
                }
            }
            if ut.flush().is_err() {
                return 0;
            }
            0
        }
        Err(e) => {
            eprintln!("{e}");
            1
        }
    }
}

/// Writes the letter that `skapa` makes to `ut`.
pub fn skriv(db: &Path, ut: &Path, skapa: impl FnOnce(&Store) -> Result<Vec<u8>, String>) -> i32 {
    let pdf = match oppna_befintlig(db).and_then(|s| skapa(&s)) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    match crate::filer::skriv(ut, pdf) {
        Ok(()) => {
            println!("Skrev brevet till {}.", ut.display());
            0
        }
        Err(e) => {
            eprintln!("Filen {} kan inte skrivas: {}.", ut.display(), crate::filer::orsak(&e));
            1
        }
    }
}
