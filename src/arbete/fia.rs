//! Save a FIA interview; carry its goals into a draft of the förändringsplan.

use super::{Aktor, Arbetsfel, Spar};
use crate::domain::fia::FiaIntervju;
use crate::store::{Handelse, Radslag, Store};

/// Saves the interview (new when `rad` is `None`); returns its id. A saved one is given with the
/// version the form opened (`None`: as the row is): if another user saved it since, nothing is
/// written ([`crate::store::StoreError::Krock`]).
pub fn spara_fia(
    store: &mut Store,
    aktor: &Aktor,
    arende_id: i64,
    rad: Option<(i64, Option<i64>)>,
    intervju: &FiaIntervju,
) -> Result<i64, Arbetsfel> {
    aktor.far_i_arende(store, Handelse::SparadeFia, arende_id)?;
    let datum = intervju.datum.map(|d| d.to_string()).unwrap_or_else(|| "utan datum".into());
    let detalj = format!("intervju {datum}, {} mål", intervju.mal.len());
    Ok(store.skriv(|w| {
        if let Some((id, las)) = rad {
            w.stampla(Radslag::Fia, id, las, &aktor.namn, aktor.nu)?;
        }
        let id = w.spara_fia(arende_id, rad.map(|r| r.0), intervju, aktor.nu)?;
        if rad.is_none() {
            w.stampla(Radslag::Fia, id, None, &aktor.namn, aktor.nu)?;
        }
        let spar = Spar { handelse: Handelse::SparadeFia, arende_id, logg: "", rubrik: "FIA sparad", detalj: &detalj };
        spar.skriv(w, aktor)?;
        Ok(id)
    })?)
}

/// The goals become the plan's "what the client wants to achieve" and the sub-goals its
/// "steps on the way", in a new draft signed by the actor.
pub fn mal_till_plan(
    store: &mut Store,
    aktor: &Aktor,
    arende_id: i64,
    intervju: &FiaIntervju,
) -> Result<i64, Arbetsfel> {
    aktor.far_i_arende(store, Handelse::SparadePlanutkast, arende_id)?;
    if intervju.mal.is_empty() {
        return Err(Arbetsfel::Ogiltig("Intervjun har inga mål att ta med än.".into()));
    }
    let planer = store.planer_for(arende_id, intervju.person_id)?;
    if planer.first().is_some_and(|p| p.overenskommen.is_none()) {
        return Err(Arbetsfel::Ogiltig(
            "Det finns redan ett utkast till förändringsplan; fortsätt med det under fliken Plan.".into(),
        ));
    }
    let mut innehall = planer.first().map(|p| p.innehall.clone()).unwrap_or_default();
    innehall.ta_in_mal(
        intervju.mal.iter().map(|m| m.mal.as_str()),
        intervju.mal.iter().flat_map(|m| m.delmal.iter().map(String::as_str)),
    );
    Ok(store.skriv(|w| {
        // A draft another user started since the check above refuses it (nothing is overwritten).
        let las = (arende_id, super::plan::Lasning::IngetUtkast);
        let id = super::plan::spara_over(w, aktor, las, intervju.person_id, &innehall)?;
        let spar = Spar {
            handelse: Handelse::SparadePlanutkast,
            arende_id,
            logg: "mål från FIA",
            rubrik: "Mål från FIA till förändringsplanen",
            detalj: &format!("{} mål", intervju.mal.len()),
        };
        spar.skriv(w, aktor)?;
        Ok(id)
    })?)
}
