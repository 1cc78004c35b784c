//! The förändringsplan: save the draft, start a new version, agree it, record the signature,
//! follow-ups and deviations.

use super::{Aktor, Arbetsfel, Spar};
use crate::domain::datum::parse_datum;
use crate::domain::falt::{Falt, FaltFel};
use crate::domain::plan::Planinnehall;
use crate::store::{Avvikelse, Handelse, INGEN_RAD, Radslag, Skrivning, Store, Uppfoljning};
use chrono::NaiveDate;

/// What the form saw of the adult's draft when it was opened. A save is refused
/// ([`crate::store::StoreError::Krock`]) if another user saved, agreed or started that draft since.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lasning {
    /// Acts on the draft as it is (the command line, a script): nothing is checked.
    #[default]
    Osedd,
    /// The form saw no draft: one another user started meanwhile refuses the save.
    IngetUtkast,
    /// The form was opened from this stored draft: (plan id, row version).
    Utkast(i64, i64),
}

/// Checks what the form saw against the stored draft, saves the text into it (or a new draft)
/// and marks it changed by the actor; returns its id. Runs first in the save's transaction.
pub(super) fn spara_over(
    w: &Skrivning,
    aktor: &Aktor,
    (arende_id, las): (i64, Lasning),
    person_id: Option<i64>,
    innehall: &Planinnehall,
) -> crate::store::Resultat<i64> {
    let sedd = match las {
        Lasning::Utkast(plan_id, v) => {
            w.stampla(Radslag::Plan, plan_id, Some(v), &aktor.namn, aktor.nu)?;
            Some(plan_id)
        }
        Lasning::IngetUtkast => {
            if let Some(annans) = w.planutkast(arende_id, person_id)? {
                w.stampla(Radslag::Plan, annans, Some(INGEN_RAD), &aktor.namn, aktor.nu)?;
            }
            None
        }
        Lasning::Osedd => None,
    };
    let id = w.spara_planutkast(arende_id, person_id, innehall, &aktor.namn, aktor.nu)?;
    if sedd != Some(id) {
        w.stampla(Radslag::Plan, id, None, &aktor.namn, aktor.nu)?;
    }
    Ok(id)
}

/// Saves the draft of the case's plan; returns the plan's id.
pub fn spara_utkast(
    store: &mut Store,
    aktor: &Aktor,
    (arende_id, las): (i64, Lasning),
    person_id: Option<i64>,
    innehall: &Planinnehall,
) -> Result<i64, Arbetsfel> {
    aktor.far_i_arende(store, Handelse::SparadePlanutkast, arende_id)?;
    Ok(store.skriv(|w| {
        let id = spara_over(w, aktor, (arende_id, las), person_id, innehall)?;
        w.logga(Handelse::SparadePlanutkast, Some(arende_id), &aktor.login, "", aktor.nu)?;
        Ok(id)
    })?)
}

/// Starts a new version from the agreed one; returns its id.
pub fn ny_version(store: &mut Store, aktor: &Aktor, arende_id: i64, person_id: Option<i64>) -> Result<i64, Arbetsfel> {
    aktor.far_i_arende(store, Handelse::SparadePlanutkast, arende_id)?;
    Ok(store.skriv(|w| {
        let id = w.ny_planversion(arende_id, person_id, &aktor.namn, aktor.nu)?;
        w.stampla(Radslag::Plan, id, None, &aktor.namn, aktor.nu)?;
        w.logga(Handelse::SparadePlanutkast, Some(arende_id), &aktor.login, "ny version", aktor.nu)?;
        Ok(id)
    })?)
}

/// How the plan was agreed: the date as typed, signed by the client or why not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overenskommelse {
    pub datum: String,
    pub signerad: bool,
    pub orsak: String,
}

impl Overenskommelse {
    /// The agreed date, or the messages for the fields that are wrong.
    pub fn kontrollera(&self, idag: NaiveDate) -> Result<NaiveDate, Vec<FaltFel>> {
        let mut fel = Vec::new();
        let datum = parse_datum(&self.datum, idag)
            .map_err(|e| fel.push(FaltFel::new(Falt::Overenskommen, format!("Överenskommet datum: {e}"))))
            .ok();
        if datum.is_some_and(|d| d > idag) {
            fel.push(FaltFel::new(Falt::Overenskommen, "Överenskommet datum kan inte ligga efter i dag."));
        }
        if !self.signerad && self.orsak.trim().is_empty() {
            fel.push(FaltFel::new(
                Falt::EjSigneradOrsak,
                "Skriv varför klienten inte har signerat, eller kryssa i att planen är signerad.",
            ));
        }
        match datum {
            Some(d) if fel.is_empty() => Ok(d),
            _ => Err(fel),
        }
    }
}

/// Saves the draft and agrees it in one transaction; returns the date it was agreed. Refused
/// like [`spara_utkast`] if another user saved, agreed or started the draft since `las`.
pub fn kom_overens(
    store: &mut Store,
    aktor: &Aktor,
    (arende_id, las): (i64, Lasning),
    person_id: Option<i64>,
    innehall: &Planinnehall,
    o: &Overenskommelse,
) -> Result<NaiveDate, Arbetsfel> {
    aktor.far_i_arende(store, Handelse::KomOverensOmPlan, arende_id)?;
    let fel = innehall.kontrollera();
    if !fel.is_empty() {
        return Err(Arbetsfel::Falt(fel));
    }
    let datum = o.kontrollera(aktor.nu.date()).map_err(Arbetsfel::Falt)?;
    let signerad = if o.signerad { "signerad av klienten" } else { "inte signerad" };
    let detalj = format!("{datum}, {signerad}");
    store.skriv(|w| {
        let pid = spara_over(w, aktor, (arende_id, las), person_id, innehall)?;
        w.kom_overens(pid, datum, o.signerad, &o.orsak, aktor.nu)?;
        let spar = Spar {
            handelse: Handelse::KomOverensOmPlan,
            arende_id,
            logg: &datum.to_string(),
            rubrik: "Förändringsplan överenskommen",
            detalj: &detalj,
        };
        spar.skriv(w, aktor)
    })?;
    Ok(datum)
}

/// Records that the client has now signed the agreed plan; `las`, the plan's row version as
/// shown, refuses it if another user recorded the signature (or changed the plan) since.
pub fn signera(
    store: &mut Store,
    aktor: &Aktor,
    arende_id: i64,
    (plan_id, las): (i64, Option<i64>),
) -> Result<(), Arbetsfel> {
    aktor.far_i_arende(store, Handelse::SigneradePlan, arende_id)?;
    store.skriv(|w| {
        w.stampla(Radslag::Plan, plan_id, las, &aktor.namn, aktor.nu)?;
        w.signera_plan(plan_id, aktor.nu)?;
        let spar = Spar {
            handelse: Handelse::SigneradePlan,
            arende_id,
            logg: "",
            rubrik: "Förändringsplanen signerad",
            detalj: &format!("klienten signerade {}", aktor.nu.date()),
        };
        spar.skriv(w, aktor)
    })?;
    Ok(())
}

/// A follow-up of the agreed plan, the date as typed.
pub fn skriv_uppfoljning(
    store: &mut Store,
    aktor: &Aktor,
    arende_id: i64,
    plan_id: i64,
    datum: &str,
    notering: &str,
    per_steg: &[String],
) -> Result<i64, Arbetsfel> {
    aktor.far_i_arende(store, Handelse::SkrevUppfoljning, arende_id)?;
    let datum =
        parse_datum(datum, aktor.nu.date()).map_err(|e| Arbetsfel::Ogiltig(format!("Uppföljningens datum: {e}")))?;
    let u = Uppfoljning { datum, notering: notering.to_string(), per_steg: per_steg.to_vec() };
    Ok(store.skriv(|w| {
        let id = w.skriv_uppfoljning(plan_id, &u, &aktor.namn, aktor.nu)?;
        w.logga(Handelse::SkrevUppfoljning, Some(arende_id), &aktor.login, &datum.to_string(), aktor.nu)?;
        Ok(id)
    })?)
}

/// A deviation from the agreed plan, its period as typed.
pub fn skriv_avvikelse(
    store: &mut Store,
    aktor: &Aktor,
    arende_id: i64,
    plan_id: i64,
    (fran, till): (&str, &str),
    beskrivning: &str,
    godkand: bool,
) -> Result<i64, Arbetsfel> {
    aktor.far_i_arende(store, Handelse::SkrevAvvikelse, arende_id)?;
    let idag = aktor.nu.date();
    let (Ok(fran), Ok(till), false) = (parse_datum(fran, idag), parse_datum(till, idag), beskrivning.trim().is_empty())
    else {
        return Err(Arbetsfel::Ogiltig("Ange avvikelsens period (ÅÅÅÅ-MM-DD) och vad den gäller.".into()));
    };
    let a = Avvikelse { fran, till, beskrivning: beskrivning.to_string(), godkand };
    Ok(store.skriv(|w| {
        let id = w.skriv_avvikelse(plan_id, &a, &aktor.namn, aktor.nu)?;
        w.logga(Handelse::SkrevAvvikelse, Some(arende_id), &aktor.login, &format!("{fran} – {till}"), aktor.nu)?;
        Ok(id)
    })?)
}
