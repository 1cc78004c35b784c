//! The unit's settings that are rules: a new version of a norm table.

use super::{Aktor, Arbetsfel};
use crate::domain::norm::Normtabell;
use crate::store::{Handelse, Store};

/// Saves `tabell` as a new version with what changed and where the amounts come from.
/// `utgick_fran` is the version it was edited from (see [`crate::store::Skrivning::normtabell_sedan`]):
/// if another user saved a newer version of the year meanwhile, nothing is written.
pub fn spara_normtabell(
    store: &mut Store,
    aktor: &Aktor,
    (tabell, utgick_fran): (&Normtabell, Option<i64>),
    andring: &str,
) -> Result<i64, Arbetsfel> {
    aktor.far(Handelse::SparadeNormtabell)?;
    Ok(store.skriv(|w| {
        w.normtabell_sedan(tabell.ar, utgick_fran)?;
        let id = w.spara_normtabell(tabell, andring, &aktor.namn, aktor.nu)?;
        let detalj = format!("{}: {}", tabell.ar, andring.trim());
        w.logga(Handelse::SparadeNormtabell, None, &aktor.login, &detalj, aktor.nu)?;
        Ok(id)
    })?)
}
