//! Printing: gathers what a letter needs from the store and lays it out with `letters`. Used
//! by the CLI (and the UI) so both print exactly the same letter.

use crate::domain::hushall::Roll;
use crate::domain::norm::berakna;
use crate::letters::beslut::{Mottagare, beslutsbrev, brevhuvud};
use crate::letters::{Typsnitt, skapa_pdf};
use crate::store::Store;

/// The decision letter as PDF bytes: to the sökande, with the calculation the decision rests on.
pub fn beslutsbrev_pdf(store: &Store, beslut_id: i64) -> Result<Vec<u8>, String> {
    let b = store.beslut(beslut_id).map_err(|e| e.to_string())?;
    let arende = store.arende(b.beslut.arende_id).map_err(|e| e.to_string())?;
    let hushall = store.hushall(arende.hushall_id).map_err(|e| e.to_string())?;
    let sokande = hushall
        .medlemmar
        .iter()
        .find(|m| m.roll == Roll::Sokande)
        .ok_or("Hushållet saknar sökande; brevet kan inte adresseras.")?;
    let mottagare = Mottagare {
        namn: sokande.person.namn(),
        adress: hushall.adress.clone(),
        skyddad: hushall.skyddade_personuppgifter,
    };
    let enhet = store.enhet().map_err(|e| e.to_string())?;
    let berakning = match b.beslut.ansokan_id {
        Some(id) => {
            let a = store.ansokan(id).map_err(|e| e.to_string())?;
            let tabell = store.normtabell(a.normtabell_id).map_err(|e| e.to_string())?;
            Some(berakna(&a.ansokan.underlag, &tabell, &a.regler)?)
        }
        None => None,
    };
    let huvud = brevhuvud(
        &enhet,
        &mottagare,
        &b.beslut.datum.to_string(),
        &arende.arendenummer,
        "Beslut om ekonomiskt bistånd",
    );
    let block = beslutsbrev(&b, &enhet, &arende.arendenummer, berakning.as_ref());
    Ok(skapa_pdf(&huvud, &block, &Typsnitt::ladda()?))
}
