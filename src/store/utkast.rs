//! Drafts: what a form holds while the user types, kept until it is saved or discarded, so
//! nothing typed is lost to a crash. Also the unit's simple key–value settings.

use super::db::{Kopp, Valfri, params};
use super::{Resultat, Store, tidstampel};
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
    pub fn spara_utkast(&mut self, nyckel: &str, titel: &str, data: &str, nu: NaiveDateTime) -> Resultat<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO utkast (nyckel, titel, data, sparad) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (nyckel) DO UPDATE SET titel = excluded.titel, data = excluded.data, sparad = excluded.sparad",
            )?
            .execute(params![nyckel, titel, data, tidstampel(nu)])?;
        Ok(())
    }

    pub fn utkast(&self, nyckel: &str) -> Resultat<Option<Utkast>> {
        Ok(self
            .conn()
            .prepare_cached("SELECT nyckel, titel, data, sparad FROM utkast WHERE nyckel = ?1")?
            .query_row([nyckel], |r| {
                Ok(Utkast { nyckel: r.get(0)?, titel: r.get(1)?, data: r.get(2)?, sparad: r.get(3)? })
            })
            .optional()?)
    }

    /// Every draft left, oldest first: what the program offers to restore at start.
    pub fn alla_utkast(&self) -> Resultat<Vec<Utkast>> {
        let mut stmt = self.conn().prepare_cached("SELECT nyckel, titel, data, sparad FROM utkast ORDER BY sparad")?;
        let rows = stmt
            .query_map([], |r| Ok(Utkast { nyckel: r.get(0)?, titel: r.get(1)?, data: r.get(2)?, sparad: r.get(3)? }))?
            .collect::<super::db::DbResultat<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn ta_bort_utkast(&mut self, nyckel: &str) -> Resultat<()> {
        self.conn().execute("DELETE FROM utkast WHERE nyckel = ?1", [nyckel])?;
        Ok(())
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
         ON CONFLICT (nyckel) DO UPDATE SET varde = excluded.varde",
        params![nyckel, varde],
    )?;
    Ok(())
}
