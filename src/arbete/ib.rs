//! Save the Initial bedömning of a case.

use super::{Aktor, Arbetsfel, Spar};
use crate::domain::ib::IbSvar;
use crate::store::{Handelse, Radslag, Store};

/// Saves the case's IB answers. `las` is the version the form was opened at
/// ([`crate::store::INGEN_RAD`] when the case had no answers yet; `None`: as the row is): if
/// another user saved (or first wrote) the answers since, nothing is written
/// ([`crate::store::StoreError::Krock`]).
pub fn spara_ib(
    store: &mut Store,
    aktor: &Aktor,
    (arende_id, las): (i64, Option<i64>),
    svar: &IbSvar,
) -> Result<(), Arbetsfel> {
    aktor.far_i_arende(store, Handelse::SparadeIb, arende_id)?;
    let samtycke = match svar.samtycke_jobbtorg {
        Some(d) => format!("samtycke till Jobbtorg {d}"),
        None => "utan samtycke till Jobbtorg".into(),
    };
    store.skriv(|w| {
        let fanns = w.finns(Radslag::Ib, arende_id)?;
        if fanns {
            w.stampla(Radslag::Ib, arende_id, las, &aktor.namn, aktor.nu)?;
        }
        w.spara_ib_svar(arende_id, svar, aktor.nu)?;
        if !fanns {
            w.stampla(Radslag::Ib, arende_id, None, &aktor.namn, aktor.nu)?;
        }
        let spar = Spar {
            handelse: Handelse::SparadeIb,
            arende_id,
            logg: "",
            rubrik: "Initial bedömning sparad",
            detalj: &samtycke,
        };
        spar.skriv(w, aktor)
    })?;
    Ok(())
}
