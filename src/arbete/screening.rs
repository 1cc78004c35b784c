//! Save a screening (AUDIT, DUDIT …) of a member of the household.

use super::{Aktor, Arbetsfel, Spar};
use crate::domain::datum::parse_datum;
use crate::domain::hushall::Medlem;
use crate::domain::screening::{Instrument, tolka};
use crate::store::{Handelse, Screeningresultat, Store};

/// Saves the answers for `medlem`, dated as typed; returns the screening's id.
pub fn spara_screening(
    store: &mut Store,
    aktor: &Aktor,
    arende_id: i64,
    medlem: &Medlem,
    instrument: Instrument,
    datum: &str,
    svar: &[Option<u8>],
) -> Result<i64, Arbetsfel> {
    aktor.far_i_arende(store, Handelse::SparadeScreening, arende_id)?;
    let datum = parse_datum(datum, aktor.nu.date()).map_err(Arbetsfel::Ogiltig)?;
    let pnr = medlem.person.pnr;
    tolka(instrument, svar, pnr.kon()).map_err(Arbetsfel::Ogiltig)?;
    // The answers are sensitive: the journal says that a screening was made, never which one
    // or its result; they stay on the Screening tab.
    let detalj = format!("med {} {datum}; svaren finns under fliken Screening", medlem.person.namn());
    Ok(store.skriv(|w| {
        let id = w.spara_screening(&pnr, instrument, datum, svar, &aktor.namn, aktor.nu)?;
        let spar = Spar {
            handelse: Handelse::SparadeScreening,
            arende_id,
            logg: "",
            rubrik: "Screening sparad",
            detalj: &detalj,
        };
        spar.skriv(w, aktor)?;
        Ok(id)
    })?)
}

/// The earlier screenings of `medlem`: reading the answers is logged (not in the journal).
pub fn las_screeningar(
    store: &mut Store,
    aktor: &Aktor,
    arende_id: i64,
    medlem: &Medlem,
) -> Result<Vec<Screeningresultat>, Arbetsfel> {
    aktor.far(Handelse::LasteScreening)?;
    let lista = store.screeningar(&medlem.person.pnr)?;
    let detalj = format!("{}: {} screeningar", medlem.person.namn(), lista.len());
    store.skriv(|w| w.logga(Handelse::LasteScreening, Some(arende_id), &aktor.login, &detalj, aktor.nu))?;
    Ok(lista)
}
