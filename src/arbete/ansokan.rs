//! Save an application: validate, pick the norm table, calculate, save.

use super::{Aktor, Arbetsfel, Spar};
use crate::domain::ansokan::AnsokanFormular;
use crate::domain::belopp::Belopp;
use crate::domain::manad::Manad;
use crate::domain::norm::{Normtabell, Regler, berakna};
use crate::store::{Handelse, Radslag, Store};

/// The norm table an application uses: the version it was saved with while that still fits its
/// month's year, else the newest table for the year.
pub fn tabell_for(
    store: &Store,
    manad: &str,
    sparad: Option<(i64, Normtabell)>,
) -> Result<(i64, Normtabell), Arbetsfel> {
    let ar = Manad::parse(manad).map_err(Arbetsfel::Ogiltig)?.ar();
    if let Some(t) = sparad.filter(|(_, t)| t.ar == ar) {
        return Ok(t);
    }
    store.normtabell_for_ar(ar)?.ok_or_else(|| {
        Arbetsfel::Ogiltig(format!(
            "Det finns ingen normtabell för {ar}. Lägg in den under Inställningar → Normtabeller."
        ))
    })
}

/// A saved application.
#[derive(Debug, Clone, PartialEq)]
pub struct SparadAnsokan {
    pub id: i64,
    pub manad: Manad,
    pub beviljas: Belopp,
    /// The table it was calculated with.
    pub tabell: (i64, Normtabell),
    /// The row's version now: the next save from the same form carries it.
    pub version: i64,
}

/// Validates the form, calculates with `tabell` (see [`tabell_for`]) and `regler`, and saves
/// the application with its result. A form opened from a saved application carries its version:
/// if another user saved that month's application since, nothing is written
/// ([`crate::store::StoreError::Krock`]).
pub fn spara_ansokan(
    store: &mut Store,
    aktor: &Aktor,
    arende_id: i64,
    form: &AnsokanFormular,
    tabell: Option<(i64, Normtabell)>,
    regler: &Regler,
) -> Result<SparadAnsokan, Arbetsfel> {
    aktor.far_i_arende(store, Handelse::SparadeAnsokan, arende_id)?;
    let ansokan = form.validera(aktor.nu.date())?;
    let (tabell_id, tabell) = tabell_for(store, &form.manad, tabell)?;
    let resultat = berakna(&ansokan.underlag, &tabell, regler)?;
    let manad = ansokan.underlag.manad;
    let detalj = format!("{}, {} i försörjningsstöd", manad.namn(), resultat.beviljas.i_text());
    let id = store.skriv(|w| {
        let befintlig = w.ansokan_for_manad(arende_id, &manad.to_string())?;
        if let Some(id) = befintlig {
            w.stampla(Radslag::Ansokan, id, form.version, &aktor.namn, aktor.nu)?;
        }
        let id = w.spara_ansokan(arende_id, &ansokan, tabell_id, regler, &resultat, aktor.nu)?;
        if befintlig.is_none() {
            w.stampla(Radslag::Ansokan, id, None, &aktor.namn, aktor.nu)?;
        }
        let spar = Spar {
            handelse: Handelse::SparadeAnsokan,
            arende_id,
            logg: &manad.to_string(),
            rubrik: "Ansökan sparad",
            detalj: &detalj,
        };
        spar.skriv(w, aktor)?;
        Ok(id)
    })?;
    let version = store.senast_andrad(Radslag::Ansokan, id)?.version;
    Ok(SparadAnsokan { id, manad, beviljas: resultat.beviljas, tabell: (tabell_id, tabell), version })
}
