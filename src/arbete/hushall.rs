//! Changes to a household after registration: a child born, a person moving in or out, a new
//! address, protected identity, and the payee and contact details. Each is written with its
//! date, so earlier months keep the household as it was.

use super::{Aktor, Arbetsfel, Spar};
use crate::domain::hushall::Medlem;
use crate::domain::hushallsandring::{Andring, AndringFormular, inflyttning_text};
use crate::domain::utbetalning::Hushallsuppgifter;
use crate::store::{Handelse, HushallVy, Radslag, Skrivning, Store};

/// Validates the change typed in the form and registers it in the case's household; returns
/// the household as it now is. The form's version is the household's when it was opened: if
/// another user changed the household since, nothing is written ([`crate::store::StoreError::Krock`]).
pub fn andra_hushall(
    store: &mut Store,
    aktor: &Aktor,
    arende_id: i64,
    form: &AndringFormular,
) -> Result<HushallVy, Arbetsfel> {
    let andring = form.validera(aktor.nu.date())?;
    aktor.far(handelse(&andring))?;
    let hushall_id = store.skriv(|w| registrera_med_version(w, aktor, arende_id, &andring, form.version))?;
    Ok(store.hushall(hushall_id)?)
}

/// Registers a validated change (the CLI and the demo come here directly).
pub fn registrera_andring(
    store: &mut Store,
    aktor: &Aktor,
    arende_id: i64,
    andring: &Andring,
) -> Result<HushallVy, Arbetsfel> {
    aktor.far(handelse(andring))?;
    let hushall_id = store.skriv(|w| registrera_i(w, aktor, arende_id, andring))?;
    Ok(store.hushall(hushall_id)?)
}

/// Writes the change with its event-log and journal lines in the caller's transaction (the
/// demo writes its changed households this way); returns the household's id.
pub(crate) fn registrera_i(
    w: &Skrivning,
    aktor: &Aktor,
    arende_id: i64,
    andring: &Andring,
) -> crate::store::Resultat<i64> {
    registrera_med_version(w, aktor, arende_id, andring, None)
}

/// [`registrera_i`] for a household loaded at version `las` (none: no check): the version is
/// checked and stepped before anything else is written.
fn registrera_med_version(
    w: &Skrivning,
    aktor: &Aktor,
    arende_id: i64,
    andring: &Andring,
    las: Option<i64>,
) -> crate::store::Resultat<i64> {
    let (hushall_id, skyddad) = w.arendets_hushall(arende_id)?;
    w.stampla(Radslag::Hushall, hushall_id, las, &aktor.namn, aktor.nu)?;
    let handelse = handelse(andring);
    let (logg, detalj) = skriv_andring(w, aktor, hushall_id, andring, skyddad)?;
    let spar = Spar { handelse, arende_id, logg: &logg, rubrik: "Hushållet ändrat", detalj: &detalj };
    spar.skriv(w, aktor)?;
    Ok(hushall_id)
}

fn handelse(andring: &Andring) -> Handelse {
    match andring {
        Andring::FlyttarIn { .. } => Handelse::FlyttadeIn,
        Andring::FlyttarUt { .. } => Handelse::FlyttadeUt,
        Andring::NyAdress { .. } => Handelse::AndradeAdress,
        Andring::Skydd { .. } => Handelse::AndradeSkydd,
        Andring::Uppgifter(_) => Handelse::AndradeHushallsuppgifter,
    }
}

/// Writes the change; returns the event log's detail and the journal line's text.
fn skriv_andring(
    w: &Skrivning,
    aktor: &Aktor,
    hushall_id: i64,
    andring: &Andring,
    skyddad: bool,
) -> crate::store::Resultat<(String, String)> {
    Ok(match andring {
        Andring::FlyttarIn { medlem, relation, fran, fodd } => {
            let inflyttad = w.flytta_in(hushall_id, medlem, *relation, *fran)?;
            if let Some(annat) = inflyttad.fran_arende {
                let (annat_hushall, _) = w.arendets_hushall(annat)?;
                w.stampla(Radslag::Hushall, annat_hushall, None, &aktor.namn, aktor.nu)?;
                lamnat_annat_hushall(w, aktor, annat, medlem, *fran)?;
            }
            (medlem.person.namn(), inflyttning_text(medlem, *fran, *fodd))
        }
        Andring::FlyttarUt { pnr, till, flyttat_till } => {
            let m = w.flytta_ut(hushall_id, pnr, *till, flyttat_till)?;
            (m.person.namn(), utflyttning_text(&m, *till, flyttat_till, skyddad))
        }
        Andring::NyAdress { adress, telefon, fran } => {
            w.ny_adress(hushall_id, adress, telefon, *fran, &aktor.namn, aktor.nu)?;
            let vad = if skyddad {
                "skyddad adress, skrivs inte i journalen".to_string()
            } else if telefon.is_empty() {
                adress.en_rad()
            } else {
                format!("{}, telefon {telefon}", adress.en_rad())
            };
            (format!("från {fran}"), format!("ny adress från {fran}: {vad}"))
        }
        Andring::Skydd { skyddad: ny } => {
            w.satt_skydd(hushall_id, *ny)?;
            let text = if *ny { "skyddade personuppgifter markerade" } else { "skyddade personuppgifter borttagna" };
            (text.to_string(), text.to_string())
        }
        Andring::Uppgifter(u) => {
            w.spara_hushallsuppgifter(hushall_id, u)?;
            (String::new(), uppgifter_text(u))
        }
    })
}

/// The journal line of the case the person moved from.
fn lamnat_annat_hushall(
    w: &Skrivning,
    aktor: &Aktor,
    arende_id: i64,
    m: &Medlem,
    fran: chrono::NaiveDate,
) -> crate::store::Resultat<()> {
    let till = fran.pred_opt().unwrap_or(fran);
    let detalj = format!("{}; flyttade till ett annat hushåll", utflyttning_text(m, till, "", false));
    let spar = Spar {
        handelse: Handelse::FlyttadeUt,
        arende_id,
        logg: &m.person.namn(),
        rubrik: "Hushållet ändrat",
        detalj: &detalj,
    };
    spar.skriv(w, aktor)
}

/// "Olle Exempel (medsökande) bor i hushållet till och med 2026-11-30; ny adress: …".
pub fn utflyttning_text(m: &Medlem, till: chrono::NaiveDate, flyttat_till: &str, skyddad: bool) -> String {
    let grund = format!("{} ({}) bor i hushållet till och med {till}", m.person.namn(), m.roll.namn().to_lowercase());
    match flyttat_till.trim() {
        "" => grund,
        _ if skyddad => format!("{grund}; den nya adressen finns i hushållets historik"),
        t => format!("{grund}; ny adress: {t}"),
    }
}

/// What the journal says about new payee and contact details (not the account number itself).
fn uppgifter_text(u: &Hushallsuppgifter) -> String {
    let betalning = match u.betalsatt {
        Some(s) => format!("utbetalning till {}", s.namn().to_lowercase()),
        None => "ingen utbetalningsuppgift".into(),
    };
    let tolk = if u.tolk_sprak.is_empty() { "behöver inte tolk".into() } else { format!("tolk på {}", u.tolk_sprak) };
    let kontakt = match u.kontaktsatt {
        Some(k) => format!("kontakt helst via {}", k.namn().to_lowercase()),
        None => "inget kontaktsätt valt".into(),
    };
    format!("{betalning}, {tolk}, {kontakt}")
}
