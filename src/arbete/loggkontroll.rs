//! The enhetschef's review of the access log: the lines a filter picks, the CSV export. The
//! review itself is logged.

use super::{Aktor, Arbetsfel};
use crate::store::{Handelse, Loggfilter, Loggrad, Store};
use std::path::Path;

/// The filter in words, for the log line of the review.
fn beskriv(f: &Loggfilter) -> String {
    let mut delar = Vec::new();
    if let Some(a) = f.anvandare.as_deref().filter(|a| !a.trim().is_empty()) {
        delar.push(format!("användare {}", a.trim()));
    }
    if let Some(a) = f.arende.as_deref().filter(|a| !a.trim().is_empty()) {
        delar.push(format!("ärende {}", a.trim()));
    }
    match (f.fran, f.till) {
        (Some(fr), Some(ti)) => delar.push(format!("{fr}–{ti}")),
        (Some(fr), None) => delar.push(format!("från {fr}")),
        (None, Some(ti)) => delar.push(format!("till {ti}")),
        (None, None) => {}
    }
    if f.utan_uppdrag {
        delar.push("bara öppningar utan uppdrag".into());
    }
    if delar.is_empty() { "hela loggen".into() } else { delar.join(", ") }
}

/// The log lines the filter picks, newest first; the review is logged.
pub fn granska(store: &mut Store, aktor: &Aktor, filter: &Loggfilter) -> Result<Vec<Loggrad>, Arbetsfel> {
    aktor.far(Handelse::GranskadeLogg)?;
    let rader = store.logg_urval(filter)?;
    let detalj = format!("{}: {} rader", beskriv(filter), rader.len());
    store.skriv(|w| w.logga(Handelse::GranskadeLogg, None, &aktor.login, &detalj, aktor.nu))?;
    Ok(rader)
}

/// Writes the lines the filter picks as CSV to `fil`; returns how many. The export is logged.
pub fn exportera(store: &mut Store, aktor: &Aktor, filter: &Loggfilter, fil: &Path) -> Result<usize, Arbetsfel> {
    aktor.far(Handelse::ExporteradeLogg)?;
    let rader = store.logg_urval(filter)?;
    crate::filer::skriv(fil, csv(&rader).as_bytes()).map_err(|e| {
        Arbetsfel::Ogiltig(format!("Filen {} kunde inte skrivas: {}.", fil.display(), crate::filer::orsak(&e)))
    })?;
    let namn = fil.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let detalj = format!("{}: {} rader till {namn}", beskriv(filter), rader.len());
    store.skriv(|w| w.logga(Handelse::ExporteradeLogg, None, &aktor.login, &detalj, aktor.nu))?;
    Ok(rader.len())
}

/// The lines as CSV the way Swedish Excel opens it: UTF-8 with BOM, semicolons, CRLF, a header.
/// A cell that would start a formula (=, +, -, @) is prefixed with an apostrophe.
pub fn csv(rader: &[Loggrad]) -> String {
    let mut ut = String::from("\u{feff}Tid;Inloggning;Namn;Händelse;Ärende;Detalj;Dator\r\n");
    for r in rader {
        let celler = [&r.tid, &r.login, &r.namn, &r.handelse, &r.arendenummer, &r.detalj, &r.dator];
        let rad: Vec<String> = celler.iter().map(|c| cell(c)).collect();
        ut.push_str(&rad.join(";"));
        ut.push_str("\r\n");
    }
    ut
}

fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_string() };
    if text.contains([';', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rad(detalj: &str) -> Loggrad {
        Loggrad {
            tid: "2026-11-30 10:00:00".into(),
            login: "ulrika".into(),
            namn: "Ulrika Berg".into(),
            handelse: "Öppnade ärende utan uppdrag".into(),
            arendenummer: "2026-0001".into(),
            detalj: detalj.into(),
            dator: "KONTOR-12".into(),
        }
    }

    #[test]
    fn csv_quotes_separators_and_defuses_formulas() {
        let text = csv(&[rad("Vikarierar; \"akut\""), rad("=HYPERLINK(1)")]);
        let rader: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(rader[0], "\u{feff}Tid;Inloggning;Namn;Händelse;Ärende;Detalj;Dator");
        assert!(rader[1].ends_with(";\"Vikarierar; \"\"akut\"\"\";KONTOR-12"), "{}", rader[1]);
        assert!(rader[2].contains(";'=HYPERLINK(1);"), "{}", rader[2]);
    }
}
