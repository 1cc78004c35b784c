//! `bistand utbetalning`: the day's attested payments as one pain.001 file, through the same
//! use case as the kassa view.

use super::oppna_befintlig;
use crate::arbete::{self, Aktor};
use crate::domain::betalning::levererade_utbetalningsregler;
use std::path::Path;

/// Writes the file and marks the orders sent; 0 when done, 1 when nothing could be sent.
/// The actor is the system user running the command (as for `brev`).
pub fn exportera(db: &Path, dag: chrono::NaiveDate, ut: &Path, nu: chrono::NaiveDateTime) -> i32 {
    let mut store = match oppna_befintlig(db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    let namn = std::env::var("USERNAME").or_else(|_| std::env::var("USER")).unwrap_or_else(|_| "kommandoraden".into());
    let kalender = levererade_utbetalningsregler();
    match arbete::utbetalning::exportera(&mut store, &Aktor::ny(namn, nu), dag, ut, &kalender) {
        Ok(export) => {
            println!(
                "Skrev {} utbetalningar på sammanlagt {} till {}.",
                export.antal,
                export.summa.i_text(),
                export.fil.display()
            );
            0
        }
        Err(e) => {
            eprintln!("{e}");
            1
        }
    }
}
