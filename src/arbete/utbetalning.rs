//! Payments: order the granted money of a decision, attest (someone other than the decider),
//! stop before export, export a day's attested orders as one pain.001 file, register a return.

use super::{Aktor, Arbetsfel, Spar};
use crate::domain::Belopp;
use crate::domain::betalning::pain001::{Betalningsfil, Filorder, pain001};
use crate::domain::betalning::{Betalningsorder, Mottagare, Status, Utbetalningsdata};
use crate::store::{Handelse, NyUtbetalning, Skrivning, Store, StoreError};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Orders the granted money of every granted post of decision `beslut_id` not yet ordered, to
/// `mottagare`, on the first payment day of the unit's calendar on or after the decision's
/// payment day. Returns the new orders' ids.
pub fn bestall(
    store: &mut Store,
    aktor: &Aktor,
    beslut_id: i64,
    mottagare: &Mottagare,
    kalender: &Utbetalningsdata,
) -> Result<Vec<i64>, Arbetsfel> {
    aktor.far(Handelse::BestalldeUtbetalning)?;
    if mottagare.namn.trim().is_empty() {
        return Err(Arbetsfel::Ogiltig("Ange vem pengarna betalas till.".into()));
    }
    let beslut = store.beslut(beslut_id)?;
    let onskad =
        beslut.underlag.as_ref().and_then(|u| u.utbetalning.as_ref()).map(|u| u.datum).unwrap_or(beslut.beslut.datum);
    let dag = kalender.betalningsdag(onskad);
    let redan = store.utbetalningar_for_beslut(beslut_id)?;
    let mut nya = Vec::new();
    for (i, p) in beslut.beslut.poster.iter().enumerate() {
        let ordnat: Belopp = redan
            .iter()
            .filter(|o| matches!(o.status, Status::AttAttestera | Status::Attesterad | Status::Exporterad))
            .filter(|o| o.post == i as i64)
            .map(|o| o.belopp)
            .sum();
        let kvar = p.beviljat - ordnat;
        if kvar > Belopp::NOLL {
            let mut m = mottagare.clone();
            m.referens = referens(&mottagare.referens, beslut_id, i + 1);
            nya.push(NyUtbetalning { beslut_id, ordning: i as i64, belopp: kvar, mottagare: m, betalningsdag: dag });
        }
    }
    if nya.is_empty() {
        return Err(Arbetsfel::Ogiltig("Beslutet har inget beviljat belopp som inte redan ska betalas ut.".into()));
    }
    let arende_id = beslut.beslut.arende_id;
    Ok(store.skriv(|w| {
        let mut ids = Vec::new();
        for n in &nya {
            let id = w.ny_utbetalning(n, &aktor.namn, aktor.nu)?;
            let detalj = format!("{} till {} den {}", n.belopp.i_text(), n.mottagare.i_text(), n.betalningsdag);
            spar(w, aktor, Handelse::BestalldeUtbetalning, arende_id, id, "Utbetalning beställd", &detalj)?;
            ids.push(id);
        }
        Ok(ids)
    })?)
}

/// The decision's own orders, in its transaction: every granted post to `mottagare` on the
/// first payment day on or after the decision's payment day, waiting for someone else's attest.
pub(super) fn bestall_vid_beslut(
    w: &Skrivning,
    aktor: &Aktor,
    beslut_id: i64,
    beslut: &crate::domain::beslut::NyttBeslut,
    mottagare: &Mottagare,
) -> Result<(), StoreError> {
    let kalender = crate::domain::betalning::levererade_utbetalningsregler();
    let onskad = beslut.utbetalning.as_ref().map(|u| u.datum).unwrap_or(beslut.datum);
    let dag = kalender.betalningsdag(onskad);
    for (i, p) in beslut.poster.iter().enumerate().filter(|(_, p)| p.beviljat > Belopp::NOLL) {
        let mut m = mottagare.clone();
        m.referens = referens("", beslut_id, i + 1);
        let n = NyUtbetalning { beslut_id, ordning: i as i64, belopp: p.beviljat, mottagare: m, betalningsdag: dag };
        let id = w.ny_utbetalning(&n, &aktor.namn, aktor.nu)?;
        let detalj = format!("{} till {} den {}", n.belopp.i_text(), n.mottagare.i_text(), n.betalningsdag);
        let rubrik = "Utbetalning beställd med beslutet";
        spar(w, aktor, Handelse::BestalldeUtbetalning, beslut.arende_id, id, rubrik, &detalj)?;
    }
    Ok(())
}

/// "Faktura 4711, beslut 12 post 1": the payee's reference with the decision and post, which
/// the client or landlord sees on the statement.
fn referens(egen: &str, beslut_id: i64, post: usize) -> String {
    let egen = egen.trim();
    let var = format!("beslut {beslut_id} post {post}");
    if egen.is_empty() { var } else { format!("{egen}, {var}") }
}

fn spar(
    w: &Skrivning,
    aktor: &Aktor,
    handelse: Handelse,
    arende_id: i64,
    id: i64,
    rubrik: &str,
    detalj: &str,
) -> Result<(), StoreError> {
    let logg = format!("utbetalning {id}: {detalj}");
    Spar { handelse, arende_id, logg: &logg, rubrik, detalj }.skriv(w, aktor)
}

/// Attests an order. The database refuses the decider; this says so first, in the same words.
pub fn attestera(store: &mut Store, aktor: &Aktor, id: i64) -> Result<(), Arbetsfel> {
    aktor.far(Handelse::AttesteradeUtbetalning)?;
    let o = store.utbetalning(id)?;
    if samma_person(&o.beslutsfattare, &aktor.namn) {
        return Err(Arbetsfel::Ogiltig(
            "Den som fattade beslutet får inte attestera utbetalningen. En annan person ska attestera.".into(),
        ));
    }
    Ok(store.skriv(|w| {
        w.attestera_utbetalning(id, &aktor.namn, aktor.nu)?;
        spar(w, aktor, Handelse::AttesteradeUtbetalning, o.arende_id, id, "Utbetalning attesterad", &text(&o))
    })?)
}

/// Stops an order before it is sent to the bank, with the reason.
pub fn stoppa(store: &mut Store, aktor: &Aktor, id: i64, orsak: &str) -> Result<(), Arbetsfel> {
    aktor.far(Handelse::StoppadeUtbetalning)?;
    if orsak.trim().is_empty() {
        return Err(Arbetsfel::Ogiltig("Skriv varför utbetalningen stoppas.".into()));
    }
    let o = store.utbetalning(id)?;
    let detalj = format!("{}; orsak: {}", text(&o), orsak.trim());
    Ok(store.skriv(|w| {
        w.stoppa_utbetalning(id, &aktor.namn, orsak, aktor.nu)?;
        spar(w, aktor, Handelse::StoppadeUtbetalning, o.arende_id, id, "Utbetalning stoppad", &detalj)
    })?)
}

/// Registers that the money of an exported order came back from the bank.
pub fn registrera_retur(
    store: &mut Store,
    aktor: &Aktor,
    id: i64,
    datum: NaiveDate,
    orsak: &str,
) -> Result<(), Arbetsfel> {
    aktor.far(Handelse::RegistreradeRetur)?;
    if orsak.trim().is_empty() {
        return Err(Arbetsfel::Ogiltig("Skriv varför pengarna kom tillbaka (till exempel avslutat konto).".into()));
    }
    let o = store.utbetalning(id)?;
    let detalj = format!("{} kom tillbaka {datum}; orsak: {}", text(&o), orsak.trim());
    Ok(store.skriv(|w| {
        w.registrera_retur(id, datum, orsak, &aktor.namn, aktor.nu)?;
        spar(w, aktor, Handelse::RegistreradeRetur, o.arende_id, id, "Utbetalning återkom", &detalj)
    })?)
}

/// What an export did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    pub antal: usize,
    pub summa: Belopp,
    pub fil: PathBuf,
}

/// Writes the pain.001 file of `dag`'s attested orders to `ut` and marks them sent, in one
/// transaction: when the file cannot be written nothing is marked.
pub fn exportera(
    store: &mut Store,
    aktor: &Aktor,
    dag: NaiveDate,
    ut: &Path,
    kalender: &Utbetalningsdata,
) -> Result<Export, Arbetsfel> {
    aktor.far(Handelse::ExporteradeUtbetalning)?;
    let order: Vec<Betalningsorder> =
        store.utbetalningar_dag(dag)?.into_iter().filter(|o| o.status == Status::Attesterad).collect();
    if order.is_empty() {
        return Err(Arbetsfel::Ogiltig(format!("Det finns inga attesterade utbetalningar den {dag} att skicka.")));
    }
    let Some(regler) = kalender.galler(dag) else {
        return Err(Arbetsfel::Ogiltig(
            "Enhetens bankuppgifter saknas för dagen. Fyll i dem under Inställningar.".into(),
        ));
    };
    let fil = Betalningsfil {
        meddelande_id: format!("BISTAND-{}", aktor.nu.format("%Y%m%d%H%M%S")),
        skapad: aktor.nu,
        avsandare: regler.avsandare.clone(),
        order: order.iter().map(filorder).collect(),
    };
    let xml = pain001(&fil);
    let filnamn = ut.display().to_string();
    store.skriv(|w| {
        for o in &order {
            w.markera_exporterad(o.id, &filnamn, aktor.nu)?;
            let detalj = format!("{} i filen {filnamn}", text(o));
            spar(w, aktor, Handelse::ExporteradeUtbetalning, o.arende_id, o.id, "Utbetalning skickad", &detalj)?;
        }
        crate::filer::skriv(ut, &xml).map_err(|e| {
            StoreError::Regel(format!(
                "Filen {filnamn} kan inte skrivas: {}. Inget är skickat.",
                crate::filer::orsak(&e)
            ))
        })
    })?;
    Ok(Export { antal: order.len(), summa: fil.summa(), fil: ut.to_path_buf() })
}

fn filorder(o: &Betalningsorder) -> Filorder {
    Filorder {
        id: o.id,
        belopp: o.belopp,
        namn: o.mottagare.namn.clone(),
        konto: o.mottagare.konto.clone(),
        referens: o.mottagare.referens.clone(),
        betalningsdag: o.betalningsdag,
    }
}

/// "12 345,50 kr till AB Bostäder, bankgiro 5555-1234 den 2026-11-25".
fn text(o: &Betalningsorder) -> String {
    format!("{} till {} den {}", o.belopp.i_text(), o.mottagare.i_text(), o.betalningsdag)
}

/// The same person, however the name was typed (case and surrounding space).
pub fn samma_person(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}
