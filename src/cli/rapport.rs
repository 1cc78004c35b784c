//! `bistand rapport`: the statistics of a tertial, year or month written as a PDF and one CSV
//! per table, through the same use case as the window's button.

use super::oppna_befintlig;
use crate::arbete::{self, Aktor};
use crate::domain::statistik::Period;
use std::path::Path;

pub fn kor(db: &Path, period: Period, mapp: &Path, handlaggare: Option<&str>, nu: chrono::NaiveDateTime) -> i32 {
    let mut store = match oppna_befintlig(db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    let namn = std::env::var("USERNAME").or_else(|_| std::env::var("USER")).unwrap_or_else(|_| "kommandoraden".into());
    let start = std::time::Instant::now();
    match arbete::statistik::skriv_rapport(&mut store, &Aktor::ny(namn, nu), period, handlaggare, mapp) {
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
