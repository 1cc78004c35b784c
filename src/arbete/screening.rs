//! Save a screening (AUDIT, DUDIT …) of a member of the household.

use super::{Aktor, Arbetsfel, Spar};
use crate::domain::datum::parse_datum;
use crate::domain::hushall::Medlem;
use crate::domain::screening::{Instrument, tolka};
use crate::store::{Handelse, Store};

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
    aktor.far(Handelse::SparadeScreening)?;
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
