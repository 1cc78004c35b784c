//! Återkrav: the repayment condition recorded on a grant, and the återkrav decision made later
//! against what the benefit actually paid (or, for wrong information, on the facts found).

use super::{Aktor, Arbetsfel, Spar};
use crate::domain::beslut::NyttBeslut;
use crate::domain::beslut::aterkrav::{AterkravsFormular, Aterkravsvillkor};
use crate::domain::beslut::formular::BeslutsFormular;
use crate::domain::beslut::lagrum::levererade_lagrum;
use crate::domain::beslut::{SparatBeslut, Utfall};
use crate::letters::aterkrav::Aterkravslagrum;
use crate::store::{Handelse, NyttAterkrav, Store};

/// The repayment condition of a decision that grants a post against repayment (none otherwise):
/// required, with when and how the client was told, before the grant can be decided.
pub fn villkor_for(form: &BeslutsFormular, beslut: &NyttBeslut) -> Result<Option<Aterkravsvillkor>, Arbetsfel> {
    if !beslut.poster.iter().any(|p| p.mot_aterkrav.is_some()) {
        return Ok(None);
    }
    Ok(Some(form.aterkravsvillkor.validera(beslut.datum)?))
}

/// The case's decisions that granted money (the grants an återkrav can name), newest first.
pub fn bevilningar(store: &Store, arende_id: i64) -> Result<Vec<SparatBeslut>, Arbetsfel> {
    let mut ut = Vec::new();
    for rad in store.beslut_for_arende(arende_id)? {
        if rad.utfall != Utfall::Aterkrav && rad.poster.iter().any(|p| p.beviljat > crate::domain::Belopp::NOLL) {
            ut.push(store.beslut(rad.id)?);
        }
    }
    Ok(ut)
}

/// A new återkrav form for the grant `bevilning_id`, its ground taken from the grant's condition.
pub fn nytt_aterkrav(store: &Store, aktor: &Aktor, bevilning_id: i64) -> Result<AterkravsFormular, Arbetsfel> {
    let b = store.beslut(bevilning_id)?;
    let grund = b.underlag.as_ref().and_then(|u| u.aterkravsvillkor.as_ref()).map(|v| v.grund.kod());
    Ok(AterkravsFormular {
        bevilning_id: Some(bevilning_id),
        grund: grund.unwrap_or("felaktiga_uppgifter").to_string(),
        beslutsfattare: aktor.namn.clone(),
        delegation: "socialsekreterare enligt delegationsordningen".into(),
        ..Default::default()
    })
}

/// Decides the återkrav; returns the new decision's id. It cites the law of the grant's date.
pub fn fatta_aterkrav(
    store: &mut Store,
    aktor: &Aktor,
    arende_id: i64,
    form: &AterkravsFormular,
) -> Result<i64, Arbetsfel> {
    aktor.far(Handelse::FattadeBeslut)?;
    let Some(bevilning_id) = form.bevilning_id else {
        return Err(Arbetsfel::Ogiltig("Välj vilket beslut om bistånd som återkravet gäller.".into()));
    };
    let bevilning = store.beslut(bevilning_id)?;
    if bevilning.beslut.arende_id != arende_id || bevilning.utfall == Utfall::Aterkrav {
        return Err(Arbetsfel::Ogiltig("Återkravet måste gälla ett beslut om bistånd i samma ärende.".into()));
    }
    let uppgifter = form.validera(&bevilning)?;
    let lagrum = Aterkravslagrum::for_grund(&levererade_lagrum(), uppgifter.grund, uppgifter.bevilning_datum)
        .map_err(Arbetsfel::Ogiltig)?;
    let detalj = format!(
        "återkrav av bistånd för {} (beslutet den {}), {}",
        uppgifter.bevilning_period,
        uppgifter.bevilning_datum,
        uppgifter.belopp.i_text()
    );
    let underlag = crate::utskrift::aterkravsunderlag(store, arende_id, uppgifter).map_err(Arbetsfel::Utskrift)?;
    let ny = NyttAterkrav {
        arende_id,
        datum: aktor.nu.date(),
        period: &bevilning.beslut.period,
        beslutsfattare: &form.beslutsfattare,
        delegation: &form.delegation,
        lagrum: &lagrum.som_text(),
    };

    Ok(store.skriv(|w| {
        let id = w.spara_aterkravsbeslut(&ny, &underlag, &aktor.namn, aktor.nu)?;
        let logg = format!("beslut {id} (återkrav av beslut {bevilning_id})");
        let spar = Spar {
            handelse: Handelse::FattadeBeslut,
            arende_id,
            logg: &logg,
            rubrik: "Beslut fattat",
            detalj: &detalj,
        };
        spar.skriv(w, aktor)?;
        Ok(id)
    })?)
}
