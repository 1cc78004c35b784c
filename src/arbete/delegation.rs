//! Deciding within delegation: a decision beyond the decider's delegation is saved as a
//! proposal (förslag till beslut) for those who may decide it; deciding the proposal makes the
//! decision, naming the decider, her title and the delegation point.

use super::beslut::{Fore, prova, skriv_beslut};
use super::{Aktor, Arbetsfel, Spar};
use crate::domain::beslut::formular::BeslutsFormular;
use crate::domain::delegation::{
    Delegationsordning, beslutets_delar, delar_i_text, delegationstext, prova as prova_delegation, roller_som_far,
};
use crate::store::{Handelse, Store};

/// The actor's role in the delegation order: the logged-in user's role code (`handlaggare`,
/// `forste_socialsekreterare` …), as the delegation order names its roles.
pub fn roll(aktor: &Aktor) -> Option<String> {
    Some(aktor.roll.kod().to_string())
}

/// What became of a decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Beslutsvag {
    /// Decided: the decision's id.
    Fattat(i64),
    /// Beyond the actor's delegation: saved as a proposal (its id) for these roles.
    Forslag { id: i64, roller: Vec<String> },
}

/// Takes the decision when `roll` may under the delegation order valid on the decision date
/// (naming the title and point), else saves it as a proposal for the roles that may.
pub fn fatta_eller_foresla(
    store: &mut Store,
    aktor: &Aktor,
    roll: Option<&str>,
    arende_id: i64,
    form: &BeslutsFormular,
    har_barn: bool,
) -> Result<Beslutsvag, Arbetsfel> {
    let Some(roll) = roll else {
        return super::beslut::fatta_beslut(store, aktor, arende_id, form, har_barn).map(Beslutsvag::Fattat);
    };
    let beslut = prova(form, aktor, arende_id, har_barn)?;
    let ordning = store.delegationsordning()?;
    let version = galler(&ordning, beslut.datum)?;
    let delar = beslutets_delar(&beslut.poster);
    match prova_delegation(version, roll, &delar) {
        Ok(punkter) => {
            aktor.far(Handelse::FattadeBeslut)?;
            let mut form = form.clone();
            form.beslutsfattare = aktor.namn.clone();
            if !punkter.is_empty() {
                form.delegation = delegationstext(&punkter);
            }
            super::beslut::fatta_beslut(store, aktor, arende_id, &form, har_barn).map(Beslutsvag::Fattat)
        }
        Err(utanfor) => {
            aktor.far(Handelse::SparadeBeslutsforslag)?;
            let roller = roller_som_far(version, &delar);
            if roller.is_empty() {
                return Err(Arbetsfel::Ogiltig(format!(
                    "Ingen roll har delegation för {} i delegationsordningen. Rätta delegationsordningen under Inställningar.",
                    delar_i_text(&utanfor)
                )));
            }
            let sammanfattning = format!("{} – {}", beslut.period.namn(), delar_i_text(&delar));
            let id = store.skriv(|w| {
                let id = w.spara_forslag(arende_id, form, har_barn, &roller, &sammanfattning, &aktor.namn, aktor.nu)?;
                let logg = format!("förslag {id} till {}", roller.join(", "));
                let detalj = format!("{sammanfattning}; utanför delegationen: {}", delar_i_text(&utanfor));
                let spar = Spar {
                    handelse: Handelse::SparadeBeslutsforslag,
                    arende_id,
                    logg: &logg,
                    rubrik: "Förslag till beslut",
                    detalj: &detalj,
                };
                spar.skriv(w, aktor)?;
                Ok(id)
            })?;
            Ok(Beslutsvag::Forslag { id, roller })
        }
    }
}

fn galler(
    ordning: &Delegationsordning,
    dag: chrono::NaiveDate,
) -> Result<&crate::domain::delegation::Delegationsversion, Arbetsfel> {
    ordning.galler(dag).ok_or_else(|| {
        Arbetsfel::Ogiltig(format!(
            "Delegationsordningen har ingen version som gäller {dag}. Läs in enhetens under Inställningar."
        ))
    })
}

/// Decides a proposal as proposed: the decider becomes beslutsfattare (with title and point),
/// the proposer föredragande. Refused when `roll` may not decide it; `None` (no roles yet)
/// decides under the first role the proposal names.
pub fn besluta_forslag(
    store: &mut Store,
    aktor: &Aktor,
    roll: Option<&str>,
    forslag_id: i64,
) -> Result<i64, Arbetsfel> {
    aktor.far(Handelse::BeslutadeForslag)?;
    let f = store.forslag(forslag_id)?;
    if f.beslut_id.is_some() {
        return Err(Arbetsfel::Ogiltig("Förslaget är redan beslutat.".into()));
    }
    let roll = roll.map(String::from).or_else(|| f.roller.first().cloned()).unwrap_or_default();
    let beslut = prova(&f.formular, aktor, f.arende_id, f.har_barn)?;
    let ordning = store.delegationsordning()?;
    let delar = beslutets_delar(&beslut.poster);
    let punkter = prova_delegation(galler(&ordning, beslut.datum)?, &roll, &delar).map_err(|utanfor| {
        Arbetsfel::Ogiltig(format!(
            "Du har inte delegation att fatta det här beslutet ({}). Förslaget väntar på någon med delegation.",
            delar_i_text(&utanfor)
        ))
    })?;
    let mut form = f.formular.clone();
    form.beslutsfattare = aktor.namn.clone();
    if !punkter.is_empty() {
        form.delegation = delegationstext(&punkter);
    }
    form.foredragande = f.foreslagen_av.clone();
    let beslut = prova(&form, aktor, f.arende_id, f.har_barn)?;
    let underlag = super::beslut::underlag_for(store, &form, &beslut, f.har_barn)?;
    let fore = Fore::las(store, &beslut)?;
    Ok(store.skriv(|w| {
        let id = skriv_beslut(w, aktor, &beslut, &underlag, f.har_barn, &fore)?;
        w.forslag_beslutat(forslag_id, id, &aktor.namn)?;
        let logg = format!("förslag {forslag_id} blev beslut {id}");
        let detalj = format!("{}, föreslaget av {}", f.sammanfattning, f.foreslagen_av);
        let spar = Spar {
            handelse: Handelse::BeslutadeForslag,
            arende_id: f.arende_id,
            logg: &logg,
            rubrik: "Förslag till beslut beslutat",
            detalj: &detalj,
        };
        spar.skriv(w, aktor)?;
        Ok(id)
    })?)
}

/// Saves the unit's delegation order read from its JSON file; returns the saved version's number.
pub fn las_in(store: &mut Store, aktor: &Aktor, text: &str) -> Result<i64, Arbetsfel> {
    aktor.far(Handelse::SparadeDelegationsordning)?;
    let ordning = Delegationsordning::fran_json(text).map_err(Arbetsfel::Ogiltig)?;
    Ok(store.skriv(|w| {
        let id = w.spara_delegationsordning(&ordning, &aktor.namn, aktor.nu)?;
        w.logga(Handelse::SparadeDelegationsordning, None, &aktor.namn, &format!("version {id}"), aktor.nu)?;
        Ok(id)
    })?)
}
