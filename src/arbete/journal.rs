//! The journal: write an entry, void one with a reason.

use super::{Aktor, Arbetsfel, Spar};
use crate::domain::journal::{JournalFormular, NyJournalPost, validera_makuleringsorsak};
use crate::store::{Handelse, Store};

/// Writes the entry the form holds; returns it as written and its id.
pub fn skriv_journal(
    store: &mut Store,
    aktor: &Aktor,
    arende_id: i64,
    form: &JournalFormular,
) -> Result<(i64, NyJournalPost), Arbetsfel> {
    aktor.far_i_arende(store, Handelse::SkrevJournal, arende_id)?;
    let post = form.validera(aktor.nu.date())?;
    let id = store.skriv(|w| {
        let id = w.skriv_journal(arende_id, &post, &aktor.namn, aktor.nu)?;
        w.logga(Handelse::SkrevJournal, Some(arende_id), &aktor.login, &post.rubrik, aktor.nu)?;
        Ok(id)
    })?;
    Ok((id, post))
}

/// Voids an entry with a reason; the entry stays, marked, and the journal says it was voided.
pub fn makulera_journal(
    store: &mut Store,
    aktor: &Aktor,
    arende_id: i64,
    post_id: i64,
    orsak: &str,
) -> Result<(), Arbetsfel> {
    aktor.far_i_arende(store, Handelse::MakuleradeJournal, arende_id)?;
    let orsak = validera_makuleringsorsak(orsak).map_err(Arbetsfel::Ogiltig)?;
    let post = store.journal(arende_id)?.into_iter().find(|p| p.id == post_id).map(|p| (p.rubrik, p.datum));
    let Some((rubrik, datum)) = post else {
        return Err(Arbetsfel::Ogiltig("Anteckningen finns inte i ärendet.".into()));
    };
    // The reason stays on the voided entry itself; the line names the entry.
    let detalj = format!("\"{rubrik}\" (skriven {datum})");
    store.skriv(|w| {
        w.makulera_journal(post_id, &orsak, &aktor.namn, aktor.nu)?;
        let spar = Spar {
            handelse: Handelse::MakuleradeJournal,
            arende_id,
            logg: &orsak,
            rubrik: "Anteckning makulerad",
            detalj: &detalj,
        };
        spar.skriv(w, aktor)
    })?;
    Ok(())
}
