//! Decide: propose a decision on the latest application (amending an earlier decision on it),
//! and take it. An item granted against repayment is the återkrav, made with the decision.

use super::{Aktor, Arbetsfel, Spar};
use crate::domain::Belopp;
use crate::domain::arende::ArendeStatus;
use crate::domain::beslut::barn::Barnbedomning;
use crate::domain::beslut::formular::{BeslutsFormular, PostFalt};
use crate::domain::beslut::underlag::{Beslutsgrund, Beslutsunderlag};
use crate::domain::beslut::{NyttBeslut, Utfall, samlat_utfall};
use crate::domain::hushall::Roll;
use crate::domain::norm::{Resultat, ansokt_forsorjningsstod, berakna};
use crate::store::{Handelse, Skrivning, Store, StoreError};

/// A new decision on the case's latest application, försörjningsstöd as applied for and as
/// calculated. An incomplete application is proposed as refused on that ground, with nothing
/// calculated. When that application is already decided, the new decision amends the newest
/// decision on it.
pub fn nytt_beslut(store: &Store, aktor: &Aktor, arende_id: i64) -> Result<BeslutsFormular, Arbetsfel> {
    let Some(senaste) = store.ansokningar(arende_id)?.into_iter().next() else {
        return Err(Arbetsfel::Ogiltig(
            "Det finns ingen ansökan att besluta om. Räkna först under fliken Ansökan.".into(),
        ));
    };
    let a = store.ansokan(senaste.id)?;
    let r = berakna(&a.ansokan.underlag, &store.normtabell(a.normtabell_id)?, &a.regler)?;
    let ansokt = ansokt_forsorjningsstod(&r, &a.ansokan.underlag);
    let grund = if a.ansokan.komplett { Beslutsgrund::Berakning } else { Beslutsgrund::OfullstandigAnsokan };
    Ok(BeslutsFormular {
        andrar: store.senaste_beslut_om_ansokan(senaste.id)?,
        ansokan_id: Some(senaste.id),
        period: senaste.manad.clone(),
        poster: postfalt_fran_berakning(&r, ansokt, a.ansokan.komplett),
        beslutsfattare: aktor.namn.clone(),
        delegation: "socialsekreterare enligt delegationsordningen".into(),
        grund,
        period_fran: a.ansokan.underlag.manad.forsta_dagen().to_string(),
        period_till: a.ansokan.underlag.manad.sista_dagen().to_string(),
        utbetalningsdag: aktor.nu.date().to_string(),
        betalas_till: "det konto du har anmält".into(),
        barn: Barnbedomning::for_barn(&barnen(store, arende_id)?),
        ..Default::default()
    })
}

/// One post for försörjningsstöd and one per livsföring item, as the form's fields.
fn postfalt_fran_berakning(r: &Resultat, ansokt: Belopp, beraknat: bool) -> Vec<PostFalt> {
    crate::domain::beslut::poster::fran_berakning(r, ansokt, beraknat)
        .into_iter()
        .map(|p| PostFalt {
            sak: p.sak,
            ansokt: p.ansokt.format_tal(),
            beviljat: p.beviljat.format_tal(),
            motivering: p.motivering,
            ..Default::default()
        })
        .collect()
}

/// The first names of the household's children, as the barnkonsekvensanalys names them.
pub fn barnen(store: &Store, arende_id: i64) -> Result<Vec<String>, Arbetsfel> {
    let hushall = store.hushall(store.arende(arende_id)?.hushall_id)?;
    Ok(hushall.medlemmar.iter().filter(|m| m.roll == Roll::Barn).map(|m| m.person.fornamn.clone()).collect())
}

/// Checks the decision as the form stands (before the caseworker is asked to confirm).
/// A grant against repayment also needs its condition and when and how the client was told.
pub fn prova(form: &BeslutsFormular, aktor: &Aktor, arende_id: i64, har_barn: bool) -> Result<NyttBeslut, Arbetsfel> {
    let beslut = form.validera(arende_id, aktor.nu.date(), har_barn)?;
    super::aterkrav::villkor_for(form, &beslut)?;
    Ok(beslut)
}

/// The decision's frozen record, with the repayment condition of a grant against repayment and
/// the barnkonsekvensanalys of every child of the household when the decision goes against it.
pub(super) fn underlag_for(
    store: &Store,
    form: &BeslutsFormular,
    beslut: &NyttBeslut,
    har_barn: bool,
) -> Result<Beslutsunderlag, Arbetsfel> {
    let mut underlag = crate::utskrift::beslutsunderlag(store, beslut).map_err(Arbetsfel::Utskrift)?;
    underlag.aterkravsvillkor = super::aterkrav::villkor_for(form, beslut)?;
    if BeslutsFormular::kraver_barnanalys(&beslut.poster, har_barn) {
        let fel = crate::domain::beslut::barn::kontrollera(&form.barn, &barnen(store, beslut.arende_id)?);
        if !fel.is_empty() {
            return Err(Arbetsfel::Falt(fel));
        }
        underlag.barnkonsekvenser = form.barn.clone();
    }
    Ok(underlag)
}

/// Takes the decision; returns its id. A decision is never changed afterwards.
pub fn fatta_beslut(
    store: &mut Store,
    aktor: &Aktor,
    arende_id: i64,
    form: &BeslutsFormular,
    har_barn: bool,
) -> Result<i64, Arbetsfel> {
    aktor.far_i_arende(store, Handelse::FattadeBeslut, arende_id)?;
    let beslut = prova(form, aktor, arende_id, har_barn)?;
    let fore = Fore::las(store, &beslut)?;
    let underlag = underlag_for(store, form, &beslut, har_barn)?;
    Ok(store.skriv(|w| skriv_beslut(w, aktor, &beslut, &underlag, har_barn, &fore))?)
}

/// What a decision's lines say about the case before it: the date of the decision it changes,
/// and whether it ends the investigation.
pub(super) struct Fore {
    andrar: Option<chrono::NaiveDate>,
    /// The first decision that grants something ends the investigation: the case is aktuell.
    utredd: bool,
    /// Who the granted money is paid to when the decision or the household says (a giro the
    /// decision names, else the household's registered account); else the kassa orders it.
    mottagare: Option<crate::domain::betalning::Mottagare>,
}

impl Fore {
    pub(super) fn las(store: &Store, beslut: &NyttBeslut) -> Result<Fore, Arbetsfel> {
        let andrar = beslut.andrar.map(|id| store.beslut(id)).transpose()?.map(|b| b.beslut.datum);
        let arende = store.arende(beslut.arende_id)?;
        let utredd = arende.status == ArendeStatus::UnderUtredning && samlat_utfall(&beslut.poster) != Utfall::Avslag;
        let till = beslut.utbetalning.as_ref().map(|u| u.mottagare.as_str()).unwrap_or_default();
        let hushall = store.hushall(arende.hushall_id)?;
        let sokande = hushall.sokande().map(|p| p.namn()).unwrap_or_default();
        let mottagare = crate::domain::betalning::Mottagare::fran_beslutet(till)
            .or_else(|| if till.contains(',') { None } else { hushall.uppgifter.betalningsmottagare(&sokande) });
        Ok(Fore { andrar, utredd, mottagare })
    }
}

/// Saves a checked decision with its frozen record, event-log line and journal line, inside
/// the caller's transaction (deciding a proposal marks it in the same one).
pub(super) fn skriv_beslut(
    w: &Skrivning,
    aktor: &Aktor,
    beslut: &NyttBeslut,
    underlag: &Beslutsunderlag,
    har_barn: bool,
    fore: &Fore,
) -> Result<i64, StoreError> {
    let id = w.spara_beslut(beslut, underlag, har_barn, &aktor.namn, aktor.nu)?;
    let arende_id = beslut.arende_id;
    if let Some(m) = &fore.mottagare {
        super::utbetalning::bestall_vid_beslut(w, aktor, id, beslut, m)?;
    }
    if fore.utredd {
        w.stampla(crate::store::Radslag::Arende, arende_id, None, &aktor.namn, aktor.nu)?;
        w.byt_status(arende_id, ArendeStatus::Aktuell, None, aktor.nu.date())?;
        let status = Spar {
            handelse: Handelse::BytteStatus,
            arende_id,
            logg: ArendeStatus::Aktuell.namn(),
            rubrik: "Status ändrad",
            detalj: "aktuell – utredningen avslutad med beslut",
        };
        status.skriv(w, aktor)?;
    }
    let logg = format!("beslut {id}");
    let detalj = beskrivning(beslut, fore.andrar);
    let spar =
        Spar { handelse: Handelse::FattadeBeslut, arende_id, logg: &logg, rubrik: "Beslut fattat", detalj: &detalj };
    spar.skriv(w, aktor)?;
    Ok(id)
}

/// "försörjningsstöd november 2026, bifall 16 300 kr", one part per item.
/// `andrar` is the date of the decision this one changes.
pub(super) fn beskrivning(b: &NyttBeslut, andrar: Option<chrono::NaiveDate>) -> String {
    let mut delar: Vec<String> = b
        .poster
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let sak = p.sak.trim().to_lowercase();
            let sak = if i == 0 { format!("{sak} {}", b.period.namn()) } else { sak };
            let aterkrav = if p.mot_aterkrav.is_some() { " mot återkrav" } else { "" };
            format!("{sak}, {} {}{aterkrav}", p.utfall().namn().to_lowercase(), p.beviljat.i_text())
        })
        .collect();
    if b.poster.len() > 1 {
        delar.push(format!("sammantaget {}", samlat_utfall(&b.poster).namn().to_lowercase()));
    }
    if let Some(datum) = andrar {
        delar.push(format!("ändrar beslutet den {datum}"));
    }
    delar.join("; ")
}
