//! The case itself: register a household, open a case, show a protected address, change the
//! status or the responsible staff.

use super::{Aktor, Arbetsfel, Spar, behorighet};
use crate::domain::arende::{Arende, ArendeStatus, Avslutsorsak, Forsorjningshinder};
use crate::domain::hushall::HushallFormular;
use crate::store::{Handelse, HushallVy, NyttArende, Radslag, Registrerat, Store};
use serde::{Deserialize, Serialize};

/// Who is responsible for a case and its main barrier to self-support (a form, autosaved).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Ansvar {
    pub socialsekreterare: String,
    pub bidragshandlaggare: String,
    pub forsorjningshinder: Option<Forsorjningshinder>,
    /// The case's version when the form was filled from it: the save is refused if another user
    /// changed the case since (none: no check, as for the command line).
    #[serde(default)]
    pub version: Option<i64>,
}

impl Ansvar {
    pub fn av(arende: &Arende) -> Ansvar {
        Ansvar {
            socialsekreterare: arende.socialsekreterare.clone(),
            bidragshandlaggare: arende.bidragshandlaggare.clone(),
            forsorjningshinder: arende.forsorjningshinder,
            version: Some(arende.version),
        }
    }

    /// The form moved onto a newer version of the case (`ny`, after `fore` was loaded): what the
    /// user changed is kept, what they left as it was follows the new version.
    pub fn pa_ny_version(&self, fore: &Arende, ny: &Arende) -> Ansvar {
        let valj = |mitt: &String, gammalt: &String, nytt: &String| {
            if mitt.trim() == gammalt.trim() { nytt.clone() } else { mitt.clone() }
        };
        Ansvar {
            socialsekreterare: valj(&self.socialsekreterare, &fore.socialsekreterare, &ny.socialsekreterare),
            bidragshandlaggare: valj(&self.bidragshandlaggare, &fore.bidragshandlaggare, &ny.bidragshandlaggare),
            forsorjningshinder: if self.forsorjningshinder == fore.forsorjningshinder {
                ny.forsorjningshinder
            } else {
                self.forsorjningshinder
            },
            version: Some(ny.version),
        }
    }

    /// Whether the form differs from what the case holds.
    pub fn skiljer_sig_fran(&self, arende: &Arende) -> bool {
        self.socialsekreterare.trim() != arende.socialsekreterare
            || self.bidragshandlaggare.trim() != arende.bidragshandlaggare
            || self.forsorjningshinder != arende.forsorjningshinder
    }
}

/// Registers a household and opens its case "under utredning".
pub fn registrera_hushall(
    store: &mut Store,
    aktor: &Aktor,
    hushall: &HushallFormular,
    ansvar: &Ansvar,
) -> Result<Registrerat, Arbetsfel> {
    aktor.far(Handelse::RegistreradeHushall)?;
    let hushall = hushall.validera(aktor.nu.date())?;
    let arende = NyttArende {
        status: ArendeStatus::UnderUtredning,
        socialsekreterare: ansvar.socialsekreterare.trim().to_string(),
        bidragshandlaggare: ansvar.bidragshandlaggare.trim().to_string(),
        forsorjningshinder: ansvar.forsorjningshinder,
        startdatum: aktor.nu.date(),
    };
    let namn = hushall.sokande().namn();
    let detalj = match hushall.medlemmar.len() {
        1 => format!("{namn}, 1 person"),
        n => format!("{namn}, {n} personer"),
    };
    Ok(store.skriv(|w| {
        let reg = w.skapa_hushall(&hushall, &arende, aktor.nu)?;
        let spar = Spar {
            handelse: Handelse::RegistreradeHushall,
            arende_id: reg.arende_id,
            logg: &namn,
            rubrik: "Hushållet registrerat",
            detalj: &detalj,
        };
        spar.skriv(w, aktor)?;
        Ok(reg)
    })?)
}

/// An opened case: what it is and who lives in it. The opening is logged.
pub fn oppna_arende(store: &mut Store, aktor: &Aktor, arende_id: i64) -> Result<(Arende, HushallVy), Arbetsfel> {
    oppna_arende_med_skal(store, aktor, arende_id, None)
}

/// Opens a case; one the user is not assigned to (and whose role does not read every case)
/// needs `skal`, the reason, which is logged and shown in the access-log review. Without it
/// the answer is [`Arbetsfel::SkalKravs`] and nothing is shown or logged.
pub fn oppna_arende_med_skal(
    store: &mut Store,
    aktor: &Aktor,
    arende_id: i64,
    skal: Option<&str>,
) -> Result<(Arende, HushallVy), Arbetsfel> {
    aktor.far(Handelse::OppnadeArende)?;
    let arende = store.arende(arende_id)?;
    let uppdrag = behorighet::laser_alla(aktor.roll) || behorighet::tilldelad(&arende, &aktor.namn, &aktor.login);
    let (handelse, detalj) = if uppdrag {
        (Handelse::OppnadeArende, String::new())
    } else {
        match skal.map(str::trim).filter(|s| s.chars().count() >= 3) {
            Some(s) => (Handelse::OppnadeUtanUppdrag, s.to_string()),
            None => {
                return Err(Arbetsfel::SkalKravs(format!(
                    "Du är inte ansvarig för ärende {}. Skriv varför du öppnar det; skälet loggas och syns i \
                     loggkontrollen.",
                    arende.arendenummer
                )));
            }
        }
    };
    let hushall = store.hushall(arende.hushall_id)?;
    store.skriv(|w| w.logga(handelse, Some(arende_id), &aktor.login, &detalj, aktor.nu))?;
    Ok((arende, hushall))
}

/// Logs that a protected address is shown; the screen shows it only once this succeeded.
pub fn visa_skyddad_adress(store: &mut Store, aktor: &Aktor, arende_id: i64) -> Result<(), Arbetsfel> {
    aktor.far(Handelse::VisadeSkyddadAdress)?;
    store.skriv(|w| w.logga(Handelse::VisadeSkyddadAdress, Some(arende_id), &aktor.login, "", aktor.nu))?;
    Ok(())
}

/// Changes the case's status (a closed case needs its reason); returns the case as it now is.
pub fn andra_status(
    store: &mut Store,
    aktor: &Aktor,
    arende_id: i64,
    till: ArendeStatus,
    avslutsorsak: Option<Avslutsorsak>,
) -> Result<Arende, Arbetsfel> {
    byt_status(store, aktor, (arende_id, None), till, avslutsorsak)
}

/// [`andra_status`] of the case as the user saw it, `(id, version)`: refused
/// ([`crate::store::StoreError::Krock`]) if another user changed the case since.
pub fn byt_status(
    store: &mut Store,
    aktor: &Aktor,
    (arende_id, las): (i64, Option<i64>),
    till: ArendeStatus,
    avslutsorsak: Option<Avslutsorsak>,
) -> Result<Arende, Arbetsfel> {
    aktor.far_i_arende(store, Handelse::BytteStatus, arende_id)?;
    let detalj = match avslutsorsak.filter(|_| till == ArendeStatus::Avslutad) {
        Some(o) => format!("{}, {}", till.namn().to_lowercase(), o.namn().to_lowercase()),
        None => till.namn().to_lowercase(),
    };
    store.skriv(|w| {
        w.stampla(Radslag::Arende, arende_id, las, &aktor.namn, aktor.nu)?;
        w.byt_status(arende_id, till, avslutsorsak, aktor.nu.date())?;
        let spar = Spar {
            handelse: Handelse::BytteStatus,
            arende_id,
            logg: till.namn(),
            rubrik: "Status ändrad",
            detalj: &detalj,
        };
        spar.skriv(w, aktor)
    })?;
    Ok(store.arende(arende_id)?)
}

/// Changes who is responsible for the case; returns the case as it now is. The form carries the
/// version it was filled from: if another user changed the case since, nothing is written.
pub fn andra_ansvar(store: &mut Store, aktor: &Aktor, arende_id: i64, ansvar: &Ansvar) -> Result<Arende, Arbetsfel> {
    aktor.far_i_arende(store, Handelse::AndradeAnsvar, arende_id)?;
    let a = ansvar;
    let hinder = a.forsorjningshinder.map(|h| h.namn().to_lowercase()).unwrap_or_else(|| "inte bedömt".into());
    let detalj = format!(
        "socialsekreterare {}, bidragshandläggare {}, försörjningshinder {hinder}",
        streck(&a.socialsekreterare),
        streck(&a.bidragshandlaggare)
    );
    store.skriv(|w| {
        w.stampla(Radslag::Arende, arende_id, a.version, &aktor.namn, aktor.nu)?;
        w.uppdatera_ansvar(arende_id, a.socialsekreterare.trim(), a.bidragshandlaggare.trim(), a.forsorjningshinder)?;
        let spar = Spar {
            handelse: Handelse::AndradeAnsvar,
            arende_id,
            logg: "",
            rubrik: "Ansvariga ändrade",
            detalj: &detalj,
        };
        spar.skriv(w, aktor)
    })?;
    Ok(store.arende(arende_id)?)
}

fn streck(text: &str) -> &str {
    if text.trim().is_empty() { "–" } else { text.trim() }
}

/// A listing of cases or decisions for a script (`bistand sok`, `bistand beslut --lista`):
/// permitted like opening a case, and logged with what was listed.
pub fn logga_listning(store: &mut Store, aktor: &Aktor, vad: &str) -> Result<(), Arbetsfel> {
    aktor.far(Handelse::ListadeArenden)?;
    store.skriv(|w| w.logga(Handelse::ListadeArenden, None, &aktor.login, vad, aktor.nu))?;
    Ok(())
}
