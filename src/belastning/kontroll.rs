//! The check after a load run: every acknowledged write is in the database, no change of a hot
//! case overwrote another without its user having seen it, the hash chain verifies, and no
//! decision has more ordered than it granted.

use super::{Andring, Kvitton};
use crate::domain::Belopp;
use crate::domain::betalning::Status;
use crate::store::Store;
use std::collections::{BTreeMap, HashMap};

/// What a hot case was before the run: its bidragshandläggare and its newest journal entry.
pub struct Fore {
    heta: BTreeMap<i64, (String, i64)>,
}

impl Fore {
    pub fn las(store: &Store, heta: &[i64]) -> Result<Fore, String> {
        let mut fore = BTreeMap::new();
        for &id in heta {
            let arende = store.arende(id).map_err(|e| e.to_string())?;
            let senaste = store.journal(id).map_err(|e| e.to_string())?.iter().map(|p| p.id).max().unwrap_or(0);
            fore.insert(id, (streck(&arende.bidragshandlaggare), senaste));
        }
        Ok(Fore { heta: fore })
    }
}

/// What the check found. [`Kontroll::godkand`] is the verdict on correctness.
#[derive(Debug, Default)]
pub struct Kontroll {
    /// Acknowledged writes looked for.
    pub kvitton: usize,
    /// Acknowledged writes not found (or found different), one line each.
    pub saknas: Vec<String>,
    /// Changes of a hot case saved over another user's change she had not seen (a lost update
    /// that nobody was told of). Row versions (issue 16) refuse these instead.
    pub tysta_overskrivningar: usize,
    /// Changes of hot cases checked.
    pub andringar: usize,
    /// The health check's and hash chain's problems.
    pub kedjan: Vec<String>,
    /// Decisions whose orders exceed what they granted.
    pub overbetalda: Vec<String>,
    pub beslut_kontrollerade: usize,
}

impl Kontroll {
    /// Nothing acknowledged missing, no update lost silently (a racing save is refused instead),
    /// a healthy chain, no decision paid more than it granted.
    pub fn godkand(&self) -> bool {
        self.saknas.is_empty()
            && self.tysta_overskrivningar == 0
            && self.kedjan.is_empty()
            && self.overbetalda.is_empty()
    }

    /// The check's outcome in a few Swedish lines.
    pub fn text(&self) -> String {
        let mut rader = vec![
            format!("Kvitterade skrivningar kontrollerade: {}, saknade: {}", self.kvitton, self.saknas.len()),
            format!(
                "Ändringar av heta ärenden: {}, tysta överskrivningar (förlorade uppdateringar): {}",
                self.andringar, self.tysta_overskrivningar
            ),
            format!("Kontrollkedjan och databaskontrollen: {}", if self.kedjan.is_empty() { "hel" } else { "FEL" }),
            format!(
                "Beslut vars utbetalningar kontrollerats mot beviljat belopp: {}, med för mycket: {}",
                self.beslut_kontrollerade,
                self.overbetalda.len()
            ),
        ];
        rader.extend(self.saknas.iter().chain(&self.kedjan).chain(&self.overbetalda).take(20).cloned());
        rader.join("\n")
    }
}

/// Checks the database against every receipt.
pub fn kontrollera(store: &Store, kvitton: &Kvitton, fore: &Fore) -> Result<Kontroll, String> {
    let mut k = Kontroll { kvitton: kvitton.antal(), ..Default::default() };
    journal(store, kvitton, &mut k).map_err(|e| e.to_string())?;
    skrivningar(store, kvitton, &mut k);
    andringar(store, &kvitton.andringar, fore, &mut k).map_err(|e| e.to_string())?;
    let rapport = store.kontroll().map_err(|e| e.to_string())?;
    k.kedjan = rapport.problem;
    utbetalningar(store, &mut k).map_err(|e| e.to_string())?;
    Ok(k)
}

fn journal(store: &Store, kvitton: &Kvitton, k: &mut Kontroll) -> crate::store::Resultat<()> {
    let mut per_arende: BTreeMap<i64, Vec<(i64, &str)>> = BTreeMap::new();
    for (arende, id, text) in &kvitton.journal {
        per_arende.entry(*arende).or_default().push((*id, text));
    }
    for (arende, poster) in per_arende {
        let finns: HashMap<i64, String> = store.journal(arende)?.into_iter().map(|p| (p.id, p.text)).collect();
        for (id, text) in poster {
            if finns.get(&id).map(String::as_str) != Some(text) {
                k.saknas.push(format!("Journalanteckning {id} i ärende {arende} saknas eller är ändrad"));
            }
        }
    }
    Ok(())
}

/// Applications, decisions, orders and attests.
fn skrivningar(store: &Store, kvitton: &Kvitton, k: &mut Kontroll) {
    for (arende, id) in &kvitton.ansokningar {
        if store.ansokan(*id).is_err() {
            k.saknas.push(format!("Ansökan {id} i ärende {arende} saknas"));
        }
    }
    for (arende, id) in &kvitton.beslut {
        if store.beslut(*id).ok().map(|b| b.beslut.arende_id) != Some(*arende) {
            k.saknas.push(format!("Beslut {id} i ärende {arende} saknas"));
        }
    }
    for id in &kvitton.bestallda {
        if store.utbetalning(*id).is_err() {
            k.saknas.push(format!("Utbetalning {id} saknas"));
        }
    }
    for (id, av) in &kvitton.attesterade {
        let o = store.utbetalning(*id);
        let attesterad = o.as_ref().is_ok_and(|o| {
            o.attesterad_av.as_deref() == Some(av.as_str())
                && matches!(o.status, Status::Attesterad | Status::Exporterad)
        });
        if !attesterad {
            k.saknas.push(format!("Attesten av utbetalning {id} saknas"));
        }
    }
}

/// The changes of each hot case in the order they were saved (the journal's), each compared
/// with what its user saw: a change whose user saw something older than the change before it
/// overwrote that change silently.
fn andringar(store: &Store, andringar: &[Andring], fore: &Fore, k: &mut Kontroll) -> crate::store::Resultat<()> {
    k.andringar = andringar.len();
    let sag: HashMap<&str, &str> = andringar.iter().map(|a| (a.satte.as_str(), a.sag.as_str())).collect();
    for (&arende, (fran_borjan, senaste)) in &fore.heta {
        let mut poster: Vec<_> =
            store.journal(arende)?.into_iter().filter(|p| p.id > *senaste && p.rubrik == "Ansvariga ändrade").collect();
        // The write lock serialises saves, so the entries' ids are the order of the saves.
        poster.sort_by_key(|p| p.id);
        let ordning: Vec<String> = poster.iter().filter_map(|p| bidragshandlaggare(&p.text)).collect();
        let mut forra = fran_borjan.clone();
        for satte in &ordning {
            if sag.get(satte.as_str()).is_some_and(|s| streck(s) != forra) {
                k.tysta_overskrivningar += 1;
            }
            forra = satte.clone();
        }
        let nu = streck(&store.arende(arende)?.bidragshandlaggare);
        if nu != forra {
            k.saknas.push(format!("Ärende {arende}: bidragshandläggaren är «{nu}», senast sparade ändring «{forra}»"));
        }
        for a in andringar.iter().filter(|a| a.arende_id == arende && !ordning.contains(&a.satte)) {
            k.saknas.push(format!("Ändringen till «{}» i ärende {arende} saknas i journalen", a.satte));
        }
    }
    Ok(())
}

/// "Ansvariga ändrade: socialsekreterare X, bidragshandläggare Y, försörjningshinder Z" → Y.
fn bidragshandlaggare(text: &str) -> Option<String> {
    let (_, efter) = text.split_once("bidragshandläggare ")?;
    let (namn, _) = efter.split_once(", försörjningshinder")?;
    Some(namn.to_string())
}

/// An empty name as the journal writes it.
fn streck(namn: &str) -> String {
    if namn.trim().is_empty() { "–".into() } else { namn.trim().to_string() }
}

/// For every decision, per post: what its live orders add up to is at most what was granted.
fn utbetalningar(store: &Store, k: &mut Kontroll) -> crate::store::Resultat<()> {
    for b in store.alla_beslut()? {
        k.beslut_kontrollerade += 1;
        let mut ordnat: BTreeMap<i64, Belopp> = BTreeMap::new();
        for o in store.utbetalningar_for_beslut(b.id)? {
            if matches!(o.status, Status::AttAttestera | Status::Attesterad | Status::Exporterad) {
                *ordnat.entry(o.post).or_insert(Belopp::NOLL) += o.belopp;
            }
        }
        for (post, summa) in ordnat {
            let beviljat = b.poster.get(post as usize).map_or(Belopp::NOLL, |p| p.beviljat);
            if summa > beviljat {
                k.overbetalda.push(format!(
                    "Beslut {} post {}: {} beställt, {} beviljat",
                    b.id,
                    post + 1,
                    summa.i_text(),
                    beviljat.i_text()
                ));
            }
        }
    }
    Ok(())
}
