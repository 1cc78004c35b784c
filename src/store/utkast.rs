//! Drafts: what a form holds while the user types, kept until it is saved or discarded, so
//! nothing typed is lost to a crash. Also the unit's simple key–value settings.

use super::db::{Kopp, Valfri, params};
use super::{Resultat, Store, StoreError, tidstampel};
use chrono::NaiveDateTime;

/// The owner of a draft written before drafts had owners (schema version 27): it is offered to
/// every user until one of them continues it, and then it is hers.
pub const UTAN_AGARE: &str = "";

/// A stored draft: whose it is (her login; [`UTAN_AGARE`] for one from before drafts had
/// owners), a key naming the form, a Swedish title for the restore offer, and the form's content
/// as JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utkast {
    pub anvandare: String,
    pub nyckel: String,
    pub titel: String,
    pub data: String,
    pub sparad: String,
}

/// Drafts get their owner; the primary key becomes (owner, form). The new column comes last, as
/// PostgreSQL's `ADD COLUMN` puts it, so both schemas list the same columns in the same order.
pub(super) const V27_SQLITE: &str = "
    CREATE TABLE utkast_ny (
        nyckel    TEXT NOT NULL,
        titel     TEXT NOT NULL,
        data      TEXT NOT NULL,
        sparad    TEXT NOT NULL,
        anvandare TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (anvandare, nyckel)
    );
    INSERT INTO utkast_ny (nyckel, titel, data, sparad, anvandare) SELECT nyckel, titel, data, sparad, '' FROM utkast;
    DROP TABLE utkast;
    ALTER TABLE utkast_ny RENAME TO utkast;
";

/// The same on the server (see [`super::postgres_schema::migrering`]).
pub(crate) fn v27_postgres() -> String {
    "ALTER TABLE utkast ADD COLUMN anvandare TEXT COLLATE \"C\" NOT NULL DEFAULT '';
     ALTER TABLE utkast DROP CONSTRAINT utkast_pkey;
     ALTER TABLE utkast ADD PRIMARY KEY (anvandare, nyckel);"
        .into()
}

const KOLUMNER: &str = "anvandare, nyckel, titel, data, sparad";

fn las_rad(r: &super::db::Rad<'_>) -> super::db::DbResultat<Utkast> {
    Ok(Utkast { anvandare: r.get(0)?, nyckel: r.get(1)?, titel: r.get(2)?, data: r.get(3)?, sparad: r.get(4)? })
}

impl Store {
    /// Saves `anvandare`'s draft; when the unit's server cannot be reached it is kept on the
    /// computer instead (and moved up when the contact is back), so typing is never lost.
    pub fn spara_utkast(
        &mut self,
        anvandare: &str,
        nyckel: &str,
        titel: &str,
        data: &str,
        nu: NaiveDateTime,
    ) -> Resultat<()> {
        let utkast = Utkast {
            anvandare: anvandare.into(),
            nyckel: nyckel.into(),
            titel: titel.into(),
            data: data.into(),
            sparad: tidstampel(nu),
        };
        let _ = self.flytta_upp_lokala_utkast();
        match (spara_pa_servern(self.conn(), &utkast), self.lokala.as_ref().map(|l| l.borrow_mut())) {
            (Err(StoreError::IngenKontakt(_)), Some(mut lokala)) => Ok(lokala.spara(&utkast)?),
            (Ok(()), Some(mut lokala)) if lokala.kanske_nagra() => Ok(lokala.glom(anvandare, nyckel)?),
            (svar, _) => svar,
        }
    }

    /// `anvandare`'s draft `nyckel` (or one without an owner), from the computer while it is
    /// kept there. Another user's draft of the same form is never given.
    pub fn utkast(&self, anvandare: &str, nyckel: &str) -> Resultat<Option<Utkast>> {
        let _ = self.flytta_upp_lokala_utkast();
        if let Some(mut lokala) = self.lokala.as_ref().map(|l| l.borrow_mut())
            && let Some((utkast, finns)) = lokala.hamta(anvandare, nyckel)?
        {
            return Ok(finns.then_some(utkast));
        }
        Ok(self
            .conn()
            .prepare_cached(&format!(
                "SELECT {KOLUMNER} FROM utkast WHERE nyckel = ?2 AND anvandare IN (?1, '')
                 ORDER BY CASE WHEN anvandare = '' THEN 1 ELSE 0 END LIMIT 1"
            ))?
            .query_row(params![anvandare, nyckel], las_rad)
            .optional()?)
    }

    /// Every draft `anvandare` left (and those without an owner), oldest first: what the
    /// program offers her to restore when she logs in. Those kept on the computer are listed
    /// too (only they while the server cannot be reached).
    pub fn alla_utkast(&self, anvandare: &str) -> Resultat<Vec<Utkast>> {
        let _ = self.flytta_upp_lokala_utkast();
        let pa_servern = pa_servern(self.conn(), anvandare);
        let Some(mut lokala) = self.lokala.as_ref().map(|l| l.borrow_mut()) else { return pa_servern };
        let mut rader = match pa_servern {
            Ok(r) => r,
            Err(StoreError::IngenKontakt(_)) => Vec::new(),
            Err(e) => return Err(e),
        };
        for (utkast, finns) in lokala.alla(anvandare)? {
            // The computer's copy is newer, unless it has no owner and the server has hers.
            if utkast.anvandare.is_empty() && rader.iter().any(|u| u.nyckel == utkast.nyckel && !u.anvandare.is_empty())
            {
                continue;
            }
            rader.retain(|u| u.nyckel != utkast.nyckel);
            if finns {
                rader.push(utkast);
            }
        }
        rader.sort_by(|a, b| a.sparad.cmp(&b.sparad));
        Ok(rader)
    }

    /// Discards `anvandare`'s draft (and one without an owner that her form started from);
    /// while the server cannot be reached the discard is noted on the computer and done on the
    /// server later.
    pub fn ta_bort_utkast(&mut self, anvandare: &str, nyckel: &str) -> Resultat<()> {
        let _ = self.flytta_upp_lokala_utkast();
        match (ta_bort_pa_servern(self.conn(), anvandare, nyckel), self.lokala.as_ref().map(|l| l.borrow_mut())) {
            (Err(StoreError::IngenKontakt(_)), Some(mut lokala)) => {
                Ok(lokala.ta_bort(anvandare, nyckel, &tidstampel(chrono::Local::now().naive_local()))?)
            }
            (Ok(()), Some(mut lokala)) if lokala.kanske_nagra() => Ok(lokala.glom(anvandare, nyckel)?),
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

/// `anvandare`'s drafts on the server (or in the SQLite file) and those without an owner whose
/// form she has no draft of.
fn pa_servern(conn: &Kopp, anvandare: &str) -> Resultat<Vec<Utkast>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {KOLUMNER} FROM utkast u WHERE u.anvandare = ?1
            OR (u.anvandare = '' AND NOT EXISTS (SELECT 1 FROM utkast e WHERE e.anvandare = ?1 AND e.nyckel = u.nyckel))
         ORDER BY sparad"
    ))?;
    let rader = stmt.query_map([anvandare], las_rad)?.collect::<super::db::DbResultat<Vec<_>>>()?;
    Ok(rader)
}

/// Writes a draft on the server (or in the SQLite file). A draft without an owner of the same
/// form is hers from now on: her form started from it.
pub(super) fn spara_pa_servern(conn: &Kopp, u: &Utkast) -> Resultat<()> {
    conn.prepare_cached(
        "INSERT INTO utkast (anvandare, nyckel, titel, data, sparad) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (anvandare, nyckel) DO UPDATE
         SET titel = excluded.titel, data = excluded.data, sparad = excluded.sparad",
    )?
    .execute(params![u.anvandare, u.nyckel, u.titel, u.data, u.sparad])?;
    if u.anvandare != UTAN_AGARE {
        conn.prepare_cached("DELETE FROM utkast WHERE anvandare = '' AND nyckel = ?1")?.execute([u.nyckel.as_str()])?;
    }
    Ok(())
}

/// Removes `anvandare`'s draft and one without an owner of the same form.
pub(super) fn ta_bort_pa_servern(conn: &Kopp, anvandare: &str, nyckel: &str) -> Resultat<()> {
    conn.execute("DELETE FROM utkast WHERE nyckel = ?2 AND anvandare IN (?1, '')", params![anvandare, nyckel])?;
    Ok(())
}
