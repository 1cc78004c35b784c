//! Save the Initial bedömning of a case.

use super::{Aktor, Arbetsfel, Spar};
use crate::domain::ib::IbSvar;
use crate::store::{Handelse, Store};

pub fn spara_ib(store: &mut Store, aktor: &Aktor, arende_id: i64, svar: &IbSvar) -> Result<(), Arbetsfel> {
    aktor.far_i_arende(store, Handelse::SparadeIb, arende_id)?;
    let samtycke = match svar.samtycke_jobbtorg {
        Some(d) => format!("samtycke till Jobbtorg {d}"),
        None => "utan samtycke till Jobbtorg".into(),
    };
    store.skriv(|w| {
        w.spara_ib_svar(arende_id, svar, aktor.nu)?;
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
