//! `bistand utbetalning`: the day's attested payments as one pain.001 file, through the same
//! use case as the kassa view.

use crate::arbete::{self, Aktor};
use crate::domain::betalning::levererade_utbetalningsregler;
use crate::store::Store;

/// Writes the file and marks the orders sent; 0 when done, 1 when nothing could be sent.
pub fn exportera(store: &mut Store, aktor: &Aktor, dag: chrono::NaiveDate, ut: &std::path::Path) -> i32 {
    let kalender = levererade_utbetalningsregler();
    match arbete::utbetalning::exportera(store, aktor, dag, ut, &kalender) {
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
