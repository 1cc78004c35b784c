//! The unit's statistics: the indicators of a period as tables and charts (read), the tertial or
//! year report written as a PDF and one CSV per table, and the unit's inputs to them
//! (population per year, the smallest figure shown, a case's nybesök).

use super::{Aktor, Arbetsfel, Spar};
use crate::domain::statistik::{self, Befolkning, Diagram, Indikatorer, Period, Tabell};
use crate::letters::rapport::{self, Rapporthuvud};
use crate::store::{Handelse, Store};
use crate::utskrift::Utskriftsfel;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// The indicators of a period with the tables and charts the window, the PDF and the CSV share.
#[derive(Debug, Clone, PartialEq)]
pub struct Rapport {
    pub indikatorer: Indikatorer,
    pub tabeller: Vec<Tabell>,
    pub diagram: Vec<Diagram>,
    pub minsta: u32,
    /// "Hela enheten" or "Handläggare …".
    pub urval: String,
}

/// Computes the indicators of `period` for one caseworker (`Some`) or the unit (`None`).
pub fn rapport(store: &Store, period: Period, handlaggare: Option<&str>) -> Result<Rapport, Arbetsfel> {
    let underlag = match handlaggare {
        // The whole unit needs no filtered copy.
        None => store.statistikunderlag(period)?,
        Some(_) => store.statistikunderlag(period)?.for_handlaggare(handlaggare),
    };
    let minsta = store.minsta_antal()?;
    let indikatorer = statistik::berakna(&underlag, period);
    let tabeller = statistik::tabeller(&indikatorer, minsta);
    let diagram = statistik::diagram(&tabeller);
    let urval = match handlaggare {
        Some(h) => format!("Handläggare {h}"),
        None => "Hela enheten".to_string(),
    };
    Ok(Rapport { indikatorer, tabeller, diagram, minsta, urval })
}

/// The caseworkers named on the unit's cases (for choosing whose figures to see).
pub fn handlaggare(store: &Store) -> Result<Vec<String>, Arbetsfel> {
    Ok(store.handlaggarnamn()?)
}

/// The files a report was written as.
#[derive(Debug, Clone, PartialEq)]
pub struct Rapportfiler {
    pub pdf: PathBuf,
    pub csv: Vec<PathBuf>,
}

/// The report as PDF bytes (the date is today's).
pub fn rapport_pdf(store: &Store, r: &Rapport, idag: NaiveDate) -> Result<Vec<u8>, Arbetsfel> {
    let enhet = store.enhet()?;
    let datum = idag.to_string();
    let h =
        Rapporthuvud { enhet: &enhet, period: r.indikatorer.period, urval: &r.urval, datum: &datum, minsta: r.minsta };
    Ok(rapport::pdf(&h, &r.tabeller, &r.diagram).map_err(Utskriftsfel::KanInte)?)
}

/// Writes the report of `period` into `mapp` (made if missing): `statistik-PERIOD.pdf` and one
/// `PERIOD-TABELL.csv` per table; notes it in the event log.
pub fn skriv_rapport(
    store: &mut Store,
    aktor: &Aktor,
    period: Period,
    handlaggare: Option<&str>,
    mapp: &Path,
) -> Result<Rapportfiler, Arbetsfel> {
    aktor.far(Handelse::SkrevStatistikrapport)?;
    let r = rapport(store, period, handlaggare)?;
    let pdf = rapport_pdf(store, &r, aktor.nu.date())?;
    let fil = |namn: String| mapp.join(namn);
    let fel =
        |p: &Path, e: std::io::Error| Utskriftsfel::Fil { sokvag: p.to_path_buf(), orsak: crate::filer::orsak(&e) };
    crate::filer::skapa_mapp(mapp).map_err(|e| fel(mapp, e))?;
    let pdf_fil = fil(format!("statistik-{}.pdf", period.kod()));
    crate::filer::skriv(&pdf_fil, &pdf).map_err(|e| fel(&pdf_fil, e))?;
    let mut csv = Vec::new();
    for t in &r.tabeller {
        let p = fil(format!("{}-{}", period.kod(), t.filnamn));
        crate::filer::skriv(&p, statistik::csv(t).as_bytes()).map_err(|e| fel(&p, e))?;
        csv.push(p);
    }
    let detalj = format!("{}, {}", period, r.urval.to_lowercase());
    store.skriv(|w| w.logga(Handelse::SkrevStatistikrapport, None, &aktor.namn, &detalj, aktor.nu))?;
    Ok(Rapportfiler { pdf: pdf_fil, csv })
}

/// Sets the district's population for a year (children 0–17 and adults).
pub fn satt_befolkning(store: &mut Store, aktor: &Aktor, b: Befolkning) -> Result<(), Arbetsfel> {
    aktor.far(Handelse::SparadeStatistikinstallning)?;
    if b.barn == 0 && b.vuxna == 0 {
        return Err(Arbetsfel::Ogiltig("Ange hur många barn och vuxna som bor i stadsdelen.".into()));
    }
    let detalj = format!("befolkning {}: {} barn, {} vuxna", b.ar, b.barn, b.vuxna);
    store.skriv(|w| {
        w.satt_befolkning(b)?;
        w.logga(Handelse::SparadeStatistikinstallning, None, &aktor.namn, &detalj, aktor.nu)
    })?;
    Ok(())
}

/// Sets the smallest number of households a published figure may rest on.
pub fn satt_minsta_antal(store: &mut Store, aktor: &Aktor, n: u32) -> Result<(), Arbetsfel> {
    aktor.far(Handelse::SparadeStatistikinstallning)?;
    if !(1..=100).contains(&n) {
        return Err(Arbetsfel::Ogiltig("Minsta antal hushåll ska vara mellan 1 och 100.".into()));
    }
    let detalj = format!("minsta antal hushåll {n}");
    store.skriv(|w| {
        w.satt_minsta_antal(n)?;
        w.logga(Handelse::SparadeStatistikinstallning, None, &aktor.namn, &detalj, aktor.nu)
    })?;
    Ok(())
}

/// Records a case's first contact and its nybesök (for the waiting time), with a journal line.
/// `las` is the version the form read ([`crate::store::INGEN_RAD`] when none was recorded;
/// `None`: not checked): if another user saved it since, nothing is written
/// ([`crate::store::StoreError::Krock`]).
pub fn registrera_nybesok(
    store: &mut Store,
    aktor: &Aktor,
    (arende_id, las): (i64, Option<i64>),
    kontakt: NaiveDate,
    besok: NaiveDate,
) -> Result<(), Arbetsfel> {
    aktor.far(Handelse::RegistreradeNybesok)?;
    if besok < kontakt {
        return Err(Arbetsfel::Ogiltig("Nybesöket kan inte vara före den första kontakten.".into()));
    }
    if besok > aktor.nu.date() + chrono::Days::new(365) {
        return Err(Arbetsfel::Ogiltig("Nybesöket ligger mer än ett år fram i tiden. Kontrollera datumet.".into()));
    }
    let detalj = format!("första kontakt {kontakt}, nybesök {besok}");
    store.skriv(|w| {
        w.spara_nybesok(arende_id, (kontakt, besok), las, (&aktor.namn, aktor.nu))?;
        let spar = Spar {
            handelse: Handelse::RegistreradeNybesok,
            arende_id,
            logg: &detalj,
            rubrik: "Nybesök",
            detalj: &detalj,
        };
        spar.skriv(w, aktor)
    })?;
    Ok(())
}
