//! `bistand hushall --db P --arende NR`: who has lived in the case's household and when, one
//! JSON object per line, so scripts can see the history. The reading is logged as an opening
//! of the case, like in the window.

use crate::arbete::{self, Aktor};
use crate::store::Store;
use std::io::Write;

pub fn medlemmar(store: &mut Store, aktor: &Aktor, arendenummer: &str) -> i32 {
    let svar = store.arende_med_nummer(arendenummer).map_err(|e| e.to_string()).and_then(|a| {
        let (arende, hushall) = arbete::arende::oppna_arende(store, aktor, a.id).map_err(|e| e.to_string())?;
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
