//! Drafts: what a form holds while the user types, kept until it is saved or discarded, so
//! nothing typed is lost to a crash. Also the unit's simple key–value settings.

use super::db::{Kopp, Valfri, params};
use super::{Resultat, Store, StoreError, tidstampel};
use chrono::NaiveDateTime;

/// A stored draft: a key naming the form, a Swedish title for the restore offer, and the
/// form's content as JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utkast {
    pub nyckel: String,
    pub titel: String,
    pub data: String,
    pub sparad: String,
}

impl Store {
    /// Saves the draft; when the unit's server cannot be reached it is kept on the computer
    /// instead (and moved up when the contact is back), so typing is never lost.
    pub fn spara_utkast(&mut self, nyckel: &str, titel: &str, data: &str, nu: NaiveDateTime) -> Resultat<()> {
        let utkast = Utkast { nyckel: nyckel.into(), titel: titel.into(), data: data.into(), sparad: tidstampel(nu) };
        let _ = self.flytta_upp_lokala_utkast();
        match (spara_pa_servern(self.conn(), &utkast), self.lokala.as_ref().map(|l| l.borrow_mut())) {
            (Err(StoreError::IngenKontakt(_)), Some(mut lokala)) => Ok(lokala.spara(&utkast)?),
            (Ok(()), Some(mut lokala)) if lokala.kanske_nagra() => Ok(lokala.glom(nyckel)?),
            (svar, _) => svar,
        }
    }

    /// The draft `nyckel`, from the computer while it is kept there.
    pub fn utkast(&self, nyckel: &str) -> Resultat<Option<Utkast>> {
        let _ = self.flytta_upp_lokala_utkast();
        if let Some(mut lokala) = self.lokala.as_ref().map(|l| l.borrow_mut())
            && let Some((utkast, finns)) = lokala.hamta(nyckel)?
        {
            return Ok(finns.then_some(utkast));
        }
        Ok(self
            .conn()
            .prepare_cached("SELECT nyckel, titel, data, sparad FROM utkast WHERE nyckel = ?1")?
            .query_row([nyckel], |r| {
                Ok(Utkast { nyckel: r.get(0)?, titel: r.get(1)?, data: r.get(2)?, sparad: r.get(3)? })
            })
            .optional()?)
    }

    /// Every draft left, oldest first: what the program offers to restore at start. Those kept
    /// on the computer are listed too (only they while the server cannot be reached).
    pub fn alla_utkast(&self) -> Resultat<Vec<Utkast>> {
        let _ = self.flytta_upp_lokala_utkast();
        let mut stmt = self.conn().prepare_cached("SELECT nyckel, titel, data, sparad FROM utkast ORDER BY sparad")?;
        let pa_servern = stmt
            .query_map([], |r| Ok(Utkast { nyckel: r.get(0)?, titel: r.get(1)?, data: r.get(2)?, sparad: r.get(3)? }))
            .and_then(|rader| rader.collect::<super::db::DbResultat<Vec<_>>>())
            .map_err(StoreError::from);
        drop(stmt);
        let Some(mut lokala) = self.lokala.as_ref().map(|l| l.borrow_mut()) else { return pa_servern };
        let mut rader = match pa_servern {
            Ok(r) => r,
            Err(StoreError::IngenKontakt(_)) => Vec::new(),
            Err(e) => return Err(e),
        };
        for (utkast, finns) in lokala.alla()? {
            rader.retain(|u| u.nyckel != utkast.nyckel);
            if finns {
                rader.push(utkast);
            }
        }
        rader.sort_by(|a, b| a.sparad.cmp(&b.sparad));
        Ok(rader)
    }

    /// Discards the draft; while the server cannot be reached the discard is noted on the
    /// computer and done on the server later.
    pub fn ta_bort_utkast(&mut self, nyckel: &str) -> Resultat<()> {
        let _ = self.flytta_upp_lokala_utkast();
        match (ta_bort_pa_servern(self.conn(), nyckel), self.lokala.as_ref().map(|l| l.borrow_mut())) {
            (Err(StoreError::IngenKontakt(_)), Some(mut lokala)) => {
                Ok(lokala.ta_bort(nyckel, &tidstampel(chrono::Local::now().naive_local()))?)
            }
            (Ok(()), Some(mut lokala)) if lokala.kanske_nagra() => Ok(lokala.glom(nyckel)?),
            (svar, _) => svar,
        }
    }

    pub fn installning(&self, nyckel: &str) -> Resultat<Option<String>> {
        las_installning(self.conn(), nyckel)
    }

    pub fn satt_installning(&mut self, nyckel: &str, varde: &str) -> Resultat<()> {
        skriv_installning(self.conn(), nyckel, varde)
    }
}

/// A setting, read on any connection (also inside a transaction).
pub(super) fn las_installning(conn: &Kopp, nyckel: &str) -> Resultat<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT varde FROM installning WHERE nyckel = ?1")?
        .query_row([nyckel], |r| r.get(0))
        .optional()?)
}

pub(super) fn skriv_installning(conn: &Kopp, nyckel: &str, varde: &str) -> Resultat<()> {
    conn.execute(
        "INSERT INTO installning (nyckel, varde) VALUES (?1, ?2)
         ON CONFLICT (nyckel) DO UPDATE SET varde = excluded.varde, version = installning.version + 1",
        params![nyckel, varde],
    )?;
    Ok(())
}

/// Writes a draft on the server (or in the SQLite file).
pub(super) fn spara_pa_servern(conn: &Kopp, u: &Utkast) -> Resultat<()> {
    conn.prepare_cached(
        "INSERT INTO utkast (nyckel, titel, data, sparad) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (nyckel) DO UPDATE SET titel = excluded.titel, data = excluded.data, sparad = excluded.sparad",
    )?
    .execute(params![u.nyckel, u.titel, u.data, u.sparad])?;
    Ok(())
}

pub(super) fn ta_bort_pa_servern(conn: &Kopp, nyckel: &str) -> Resultat<()> {
    conn.execute("DELETE FROM utkast WHERE nyckel = ?1", [nyckel])?;
    Ok(())
}
