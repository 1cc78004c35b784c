//! `bistand rapport`: the statistics of a tertial, year or month written as a PDF and one CSV
//! per table, through the same use case as the window's button.

use crate::arbete::{self, Aktor};
use crate::domain::statistik::Period;
use crate::store::Store;
use std::path::Path;

pub fn kor(store: &mut Store, aktor: &Aktor, period: Period, mapp: &Path, handlaggare: Option<&str>) -> i32 {
    let start = std::time::Instant::now();
    match arbete::statistik::skriv_rapport(store, aktor, period, handlaggare, mapp) {
        Ok(filer) => {
            println!(
                "Skrev statistiken för {period} till {} ({} och {} CSV-filer) på {:.2} s.",
                mapp.display(),
                filer.pdf.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                filer.csv.len(),
                start.elapsed().as_secs_f64()
            );
            0
        }
        Err(e) => {
            eprintln!("{e}");
            1
        }
    }
}
