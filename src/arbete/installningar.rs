//! The unit's settings that are rules: a new version of a norm table.

use super::{Aktor, Arbetsfel};
use crate::domain::norm::Normtabell;
use crate::store::{Handelse, Store};

/// Saves `tabell` as a new version with what changed and where the amounts come from.
pub fn spara_normtabell(
    store: &mut Store,
    aktor: &Aktor,
    tabell: &Normtabell,
    andring: &str,
) -> Result<i64, Arbetsfel> {
    aktor.far(Handelse::SparadeNormtabell)?;
    Ok(store.skriv(|w| {
        let id = w.spara_normtabell(tabell, andring, &aktor.namn, aktor.nu)?;
        let detalj = format!("{}: {}", tabell.ar, andring.trim());
        w.logga(Handelse::SparadeNormtabell, None, &aktor.login, &detalj, aktor.nu)?;
        Ok(id)
    })?)
}
