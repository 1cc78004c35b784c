//! `bistand hushall --db P --arende NR`: who has lived in the case's household and when, one
//! JSON object per line, so scripts can see the history. The reading is logged as an opening
//! of the case, like in the window.

use super::oppna_befintlig;
use crate::arbete::{self, Aktor};
use std::io::Write;
use std::path::Path;

pub fn medlemmar(db: &Path, arendenummer: &str, nu: chrono::NaiveDateTime) -> i32 {
    let svar = oppna_befintlig(db).and_then(|mut store| {
        let id = store.arende_med_nummer(arendenummer).map_err(|e| e.to_string())?.id;
        let namn =
            std::env::var("USERNAME").or_else(|_| std::env::var("USER")).unwrap_or_else(|_| "kommandoraden".into());
        let (arende, hushall) =
            arbete::arende::oppna_arende(&mut store, &Aktor::ny(namn, nu), id).map_err(|e| e.to_string())?;
        Ok((arende.arendenummer, hushall))
    });
    let (nr, hushall) = match svar {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    let mut ut = std::io::BufWriter::new(std::io::stdout().lock());
    for m in &hushall.historik {
        let rad = serde_json::json!({
            "arende": nr,
            "personnummer": m.medlem.person.pnr.to_string(),
            "namn": m.medlem.person.namn(),
            "roll": m.medlem.roll.kod(),
            "fodd": m.medlem.person.pnr.birth_date().to_string(),
            "fran": m.fran.to_string(),
            "till": m.till.map(|t| t.to_string()),
        });
        if writeln!(ut, "{rad}").is_err() {
            return 0;
        }
    }
    let _ = ut.flush();
    0
}
