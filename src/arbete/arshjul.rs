//! Follow-up of the case stock: the årshjul (a new version, a control ticked off with a journal
//! line), the chef's half-yearly review of each caseworker's cases, the contact with a young
//! adult before closing, and closing a case without an application with its avslut letter.

use super::{Aktor, Arbetsfel, Spar};
use crate::domain::arende::{ArendeStatus, Avslutsorsak};
use crate::domain::arshjul::Arshjul;
use crate::domain::manad::Manad;
use crate::store::{Handelse, Store};
use crate::utskrift::{Brevtyp, Dokument};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Saves a new version of the unit's årshjul, valid from its date. `sedd` is the latest save
/// when the editor opened (see [`crate::store::Skrivning::arshjul_sedan`]): if another user saved
/// a version meanwhile, nothing is written.
pub fn spara_arshjul(store: &mut Store, aktor: &Aktor, (hjul, sedd): (&Arshjul, Option<i64>)) -> Result<(), Arbetsfel> {
    aktor.far(Handelse::SparadeArshjul)?;
    hjul.validera().map_err(Arbetsfel::Ogiltig)?;
    let detalj = format!("giltigt från {}, {} kontroller", hjul.giltig_fran, hjul.kontroller.len());
    store.skriv(|w| {
        w.arshjul_sedan(sedd)?;
        w.spara_arshjul(hjul, &aktor.namn, aktor.nu)?;
        w.logga(Handelse::SparadeArshjul, None, &aktor.namn, &detalj, aktor.nu)
    })?;
    Ok(())
}

/// Ticks off a control of `manad` for a case, with the caseworker's note as the journal line
/// "Årshjulet – TEXT: note".
pub fn bocka_av(
    store: &mut Store,
    aktor: &Aktor,
    arende_id: i64,
    manad: Manad,
    kontroll: &str,
    anteckning: &str,
) -> Result<(), Arbetsfel> {
    aktor.far(Handelse::BockadeAvKontroll)?;
    let hjul = store.arshjul(manad.sista_dagen())?;
    let Some(k) = hjul.kontroll(kontroll).filter(|k| k.manad == manad.nummer()) else {
        return Err(Arbetsfel::Ogiltig(format!("Årshjulet har ingen sådan kontroll i {}.", manad.namn())));
    };
    let anteckning = if anteckning.trim().is_empty() { "gjord" } else { anteckning.trim() };
    let rubrik = format!("Årshjulet {} – {}", manad.namn(), k.text);
    store.skriv(|w| {
        w.bocka_av_kontroll(arende_id, manad, kontroll, &aktor.namn, aktor.nu)?;
        let spar = Spar {
            handelse: Handelse::BockadeAvKontroll,
            arende_id,
            logg: kontroll,
            rubrik: &rubrik,
            detalj: anteckning,
        };
        spar.skriv(w, aktor)
    })?;
    Ok(())
}

/// The chef has gone through a caseworker's cases for the half-year ("2026-1", "2026-2").
pub fn registrera_genomgang(
    store: &mut Store,
    aktor: &Aktor,
    handlaggare: &str,
    halvar: &str,
) -> Result<(), Arbetsfel> {
    aktor.far(Handelse::GjordeGenomgang)?;
    let detalj = format!("{handlaggare}, halvår {halvar}");
    store.skriv(|w| {
        w.spara_genomgang(handlaggare, halvar, &aktor.namn, aktor.nu)?;
        w.logga(Handelse::GjordeGenomgang, None, &aktor.namn, &detalj, aktor.nu)
    })?;
    Ok(())
}

/// Records the contact (phone, letter) with a young adult whose case is to be closed, and what
/// came of it, in the journal. `las` is the version of the month's contact the form read
/// ([`crate::store::INGEN_RAD`] when none; `None`: not checked): if another user recorded it
/// since, nothing is written ([`crate::store::StoreError::Krock`]).
pub fn registrera_kontakt(
    store: &mut Store,
    aktor: &Aktor,
    (arende_id, las): (i64, Option<i64>),
    datum: NaiveDate,
    utfall: &str,
) -> Result<(), Arbetsfel> {
    aktor.far(Handelse::KontaktadeForeAvslut)?;
    if utfall.trim().is_empty() {
        return Err(Arbetsfel::Ogiltig("Skriv vad kontakten gav, t.ex. \"Nådde inte klienten, brev skickat\".".into()));
    }
    if datum > aktor.nu.date() {
        return Err(Arbetsfel::Ogiltig("Kontakten kan inte ha skett i framtiden.".into()));
    }
    store.skriv(|w| {
        w.spara_kontakt((arende_id, datum), utfall.trim(), las, (&aktor.namn, aktor.nu))?;
        let detalj = format!("{datum}: {}", utfall.trim());
        let spar = Spar {
            handelse: Handelse::KontaktadeForeAvslut,
            arende_id,
            logg: &detalj,
            rubrik: "Kontakt före avslut",
            detalj: &detalj,
        };
        spar.skriv(w, aktor)
    })?;
    Ok(())
}

/// Closes a case proposed for closing (no application for a month) with the reason "Har inte
/// ansökt på en månad" and writes its avslut letter as `fil`. A young adult's case is closed
/// only after the contact is recorded.
pub fn avsluta_utan_ansokan(
    store: &mut Store,
    aktor: &Aktor,
    arende_id: i64,
    fil: &Path,
) -> Result<PathBuf, Arbetsfel> {
    aktor.far(Handelse::BytteStatus)?;
    let forslag = store.avslutsforslag(aktor.nu.date())?;
    let Some(rad) = forslag.into_iter().find(|r| r.arende_id == arende_id) else {
        return Err(Arbetsfel::Ogiltig(
            "Ärendet har en ansökan för förra eller denna månad och avslutas inte här.".into(),
        ));
    };
    if rad.ung_vuxen && rad.kontakt.is_none() {
        return Err(Arbetsfel::Ogiltig(format!(
            "Ärende {} gäller en ung vuxen (18–24 år): kontakta klienten först och skriv vad kontakten gav.",
            rad.arendenummer
        )));
    }
    super::arende::andra_status(store, aktor, arende_id, ArendeStatus::Avslutad, Some(Avslutsorsak::EjAnsokt))?;
    let brev = Dokument::Arendebrev { arendenummer: rad.arendenummer, typ: Brevtyp::Avslut };
    super::brev::skriv_ut(store, aktor, &brev, fil)
}
