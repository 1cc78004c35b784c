//! Saves that race: every editable row carries a version and who changed it last, when. A save
//! carries the version the user loaded; when another user saved in between, the save is refused
//! ([`StoreError::Krock`]) and nothing of it is written, instead of silently overwriting.

use super::db::{Valfri, params};
use super::{Resultat, Skrivning, StoreError, tidstampel};
use chrono::NaiveDateTime;

/// Migration 26 (see `schema.rs`): a version and the last change's author and time on the rows a
/// form edits (households, cases, applications, plan drafts; a plan's `version` is its number in
/// the series, so its row version is `radversion`). The PostgreSQL baseline has the same columns.
pub(super) const V26_SQL: &str = "
    ALTER TABLE hushall ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE hushall ADD COLUMN andrad_av TEXT NOT NULL DEFAULT '';
    ALTER TABLE hushall ADD COLUMN andrad TEXT NOT NULL DEFAULT '';
    ALTER TABLE arende ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE arende ADD COLUMN andrad_av TEXT NOT NULL DEFAULT '';
    ALTER TABLE arende ADD COLUMN andrad TEXT NOT NULL DEFAULT '';
    ALTER TABLE ansokan ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE ansokan ADD COLUMN andrad_av TEXT NOT NULL DEFAULT '';
    ALTER TABLE plan ADD COLUMN radversion INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE plan ADD COLUMN andrad_av TEXT NOT NULL DEFAULT '';
";

/// Migration 28 (see `schema.rs`): the FIA interview and the IB answers get a version and the
/// last change's author too (both already note when they were changed), and so do the unit's
/// settings (the unit's details and rules are forms in the settings window).
pub(super) const V28_SQL: &str = "
    ALTER TABLE fia_intervju ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE fia_intervju ADD COLUMN andrad_av TEXT NOT NULL DEFAULT '';
    ALTER TABLE ib_svar ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE ib_svar ADD COLUMN andrad_av TEXT NOT NULL DEFAULT '';
    ALTER TABLE installning ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE installning ADD COLUMN andrad_av TEXT NOT NULL DEFAULT '';
    ALTER TABLE installning ADD COLUMN andrad TEXT NOT NULL DEFAULT '';
";

/// Migration 28 in SQLite (listed in `schema.rs`).
pub(super) fn v28_form_row_versions(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(V28_SQL)
}

/// Migration 28 on PostgreSQL: the same columns, typed and collated as the baseline's.
pub(super) fn v28_postgres() -> String {
    pa_postgres(V28_SQL)
}

/// Migration 29 (see `schema.rs`): the last rows a form edits that were saved last-writer-wins
/// get a version and the last change's author and time: a case's nybesök, the contact with a
/// young adult before a case is closed, and a user as the systemförvaltare edits it.
pub(super) const V29_SQL: &str = "
    ALTER TABLE nybesok ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE nybesok ADD COLUMN andrad_av TEXT NOT NULL DEFAULT '';
    ALTER TABLE nybesok ADD COLUMN andrad TEXT NOT NULL DEFAULT '';
    ALTER TABLE kontakt_forst ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE kontakt_forst ADD COLUMN andrad_av TEXT NOT NULL DEFAULT '';
    ALTER TABLE kontakt_forst ADD COLUMN andrad TEXT NOT NULL DEFAULT '';
    ALTER TABLE anvandare ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE anvandare ADD COLUMN andrad_av TEXT NOT NULL DEFAULT '';
    ALTER TABLE anvandare ADD COLUMN andrad TEXT NOT NULL DEFAULT '';
";

/// Migration 29 in SQLite (listed in `schema.rs`).
pub(super) fn v29_last_row_versions(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(V29_SQL)
}

/// Migration 29 on PostgreSQL: the same columns, typed and collated as the baseline's.
pub(super) fn v29_postgres() -> String {
    pa_postgres(V29_SQL)
}

/// New columns of a migration as the baseline types and collates them on the server.
fn pa_postgres(sql: &str) -> String {
    sql.replace("INTEGER", "BIGINT").replace(" TEXT", " TEXT COLLATE \"C\"")
}

/// The version a form carries when it saw no row yet ("Ny ansökan", the first plan): a row
/// another user created meanwhile is at version 1 or more, so the save is refused as a race.
pub const INGEN_RAD: i64 = 0;

/// The kinds of row a form edits and a save may race on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Radslag {
    Hushall,
    Arende,
    Ansokan,
    Plan,
    /// A FIA interview.
    Fia,
    /// A case's IB answers (one row per case, keyed by the case).
    Ib,
    /// A year's norm table. Each save is a new row, never stamped: a save based on a version
    /// other than the year's newest is refused (see `Skrivning::normtabell_sedan`).
    Normtabell,
    /// The unit's årshjul: like the norm tables, each save is a new version (see
    /// `Skrivning::arshjul_sedan`).
    Arshjul,
    /// The unit's details in every letter (the setting `enhet`; see `Skrivning::spara_installning`).
    Enhet,
    /// The unit's rules: jobbstimulans, hyrestak and more (the setting `regler`).
    Regler,
    /// A case's first contact and nybesök (one row per case, keyed by the case).
    Nybesok,
    /// The contact with a young adult before the case is closed: one row per case and month,
    /// so never stamped through [`Skrivning::stampla`] (see `Skrivning::spara_kontakt`).
    Kontakt,
    /// A user as the systemförvaltare edits it (name, title, role, active).
    Anvandare,
}

impl Radslag {
    fn tabell(self) -> &'static str {
        match self {
            Radslag::Hushall => "hushall",
            Radslag::Arende => "arende",
            Radslag::Ansokan => "ansokan",
            Radslag::Plan => "plan",
            Radslag::Fia => "fia_intervju",
            Radslag::Ib => "ib_svar",
            Radslag::Normtabell => "normtabell",
            Radslag::Arshjul => "arshjul",
            Radslag::Enhet | Radslag::Regler => "installning",
            Radslag::Nybesok => "nybesok",
            Radslag::Kontakt => "kontakt_forst",
            Radslag::Anvandare => "anvandare",
        }
    }

    /// The column that names the row (the IB answers are the case's).
    fn nyckel(self) -> &'static str {
        match self {
            Radslag::Ib | Radslag::Nybesok | Radslag::Kontakt => "arende_id",
            _ => "id",
        }
    }

    /// The row-version column (a plan's `version` is its number in the plan series).
    fn kolumn(self) -> &'static str {
        if self == Radslag::Plan { "radversion" } else { "version" }
    }

    /// The row as the subject of a sentence: "Hushållet har ändrats …".
    pub fn subjekt(self) -> &'static str {
        match self {
            Radslag::Hushall => "Hushållet",
            Radslag::Arende => "Ärendet",
            Radslag::Ansokan => "Ansökan",
            Radslag::Plan => "Planen",
            Radslag::Fia => "FIA-intervjun",
            Radslag::Ib => "Den initiala bedömningen",
            Radslag::Normtabell => "Normtabellen",
            Radslag::Arshjul => "Årshjulet",
            Radslag::Enhet => "Enhetens uppgifter",
            Radslag::Regler => "Enhetens regler",
            Radslag::Nybesok => "Nybesöket",
            Radslag::Kontakt => "Kontakten före avslut",
            Radslag::Anvandare => "Användaren",
        }
    }

    /// The setting a unit-wide form saves (`installning.nyckel`), for the kinds that are one.
    fn installning(self) -> Option<&'static str> {
        match self {
            Radslag::Enhet => Some("enhet"),
            Radslag::Regler => Some("regler"),
            _ => None,
        }
    }

    fn saknas(self) -> StoreError {
        StoreError::Saknas(format!("{} finns inte längre.", self.subjekt()))
    }
}

/// Who saved a row last, and when ("2026-11-30 10:14").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SenastAndrad {
    pub version: i64,
    pub vem: String,
    pub nar: String,
}

/// The refusal's sentence: who changed (or, when the form saw no row, created) the row and
/// when, and what to do.
pub(super) fn krock_text(slag: Radslag, vem: &str, nar: &str, skapad: bool) -> String {
    let vem = if vem.trim().is_empty() { "en annan användare" } else { vem.trim() };
    let nar = nar.get(..16).unwrap_or(nar);
    let gjort = if skapad { "skapats" } else { "ändrats" };
    // The last three kinds' forms keep no draft: what was typed stays in the form.
    let ditt = match slag {
        Radslag::Nybesok | Radslag::Kontakt | Radslag::Anvandare => {
            "Det du skrev finns kvar i formuläret – läs in den nya versionen och spara igen."
        }
        _ => "Dina ändringar är sparade som utkast – läs in den nya versionen och gör om dem.",
    };
    format!("{} har {gjort} av {vem} {nar} medan du skrev. {ditt}", slag.subjekt())
}

impl Skrivning<'_> {
    /// Marks the row as changed by `vem` at `nu` and steps its version. With `las`, the version
    /// the user loaded, the row must still be at that version: otherwise the answer is
    /// [`StoreError::Krock`] and the caller's transaction writes nothing. Run it before the
    /// save's other writes so a concurrent save waits for this one.
    pub fn stampla(&self, slag: Radslag, id: i64, las: Option<i64>, vem: &str, nu: NaiveDateTime) -> Resultat<()> {
        let (t, v, k) = (slag.tabell(), slag.kolumn(), slag.nyckel());
        let andrade = match las {
            Some(las) => self.conn().execute(
                &format!("UPDATE {t} SET {v} = {v} + 1, andrad_av = ?1, andrad = ?2 WHERE {k} = ?3 AND {v} = ?4"),
                params![vem, tidstampel(nu), id, las],
            )?,
            None => self.conn().execute(
                &format!("UPDATE {t} SET {v} = {v} + 1, andrad_av = ?1, andrad = ?2 WHERE {k} = ?3"),
                params![vem, tidstampel(nu), id],
            )?,
        };
        if andrade == 1 {
            return Ok(());
        }
        let senast = senast_andrad(self.conn(), slag, id)?.ok_or_else(|| slag.saknas())?;
        Err(StoreError::Krock { slag, vem: senast.vem, nar: senast.nar, skapad: las == Some(INGEN_RAD) })
    }
}

impl Skrivning<'_> {
    /// Whether the row is stored yet (a form that saw none carries [`INGEN_RAD`]).
    pub fn finns(&self, slag: Radslag, id: i64) -> Resultat<bool> {
        Ok(senast_andrad(self.conn(), slag, id)?.is_some())
    }
}

/// A unit setting's version, who saved it last and when; `None` while it is not stored.
fn installning_andrad(conn: &super::db::Kopp, nyckel: &str) -> Resultat<Option<SenastAndrad>> {
    Ok(conn
        .query_row("SELECT version, andrad_av, andrad FROM installning WHERE nyckel = ?1", [nyckel], |r| {
            Ok(SenastAndrad { version: r.get(0)?, vem: r.get(1)?, nar: r.get(2)? })
        })
        .optional()?)
}

impl Skrivning<'_> {
    /// Saves a unit setting a form edits ([`Radslag::Enhet`], [`Radslag::Regler`]). `las` is the
    /// version the form read ([`INGEN_RAD`] when it was not stored; `None`: not checked): if
    /// another user saved it since, nothing is written ([`StoreError::Krock`]).
    pub fn spara_installning(
        &self,
        slag: Radslag,
        varde: &str,
        las: Option<i64>,
        (vem, nu): (&str, NaiveDateTime),
    ) -> Resultat<()> {
        let nyckel =
            slag.installning().ok_or_else(|| StoreError::Regel(format!("{} är ingen inställning.", slag.subjekt())))?;
        let senast = installning_andrad(self.conn(), nyckel)?;
        if let (Some(s), Some(las)) = (&senast, las)
            && s.version != las
        {
            // The program's defaults count as the first version: a save over them is a change.
            return Err(StoreError::Krock { slag, vem: s.vem.clone(), nar: s.nar.clone(), skapad: false });
        }
        let sql = if senast.is_some() {
            "UPDATE installning SET varde = ?2, version = version + 1, andrad_av = ?3, andrad = ?4 WHERE nyckel = ?1"
        } else {
            "INSERT INTO installning (nyckel, varde, andrad_av, andrad) VALUES (?1, ?2, ?3, ?4)"
        };
        self.conn().execute(sql, params![nyckel, varde, vem, tidstampel(nu)])?;
        Ok(())
    }
}

impl super::Store {
    /// The version of a unit setting a form edits, who saved it last and when ([`INGEN_RAD`]
    /// and nobody while it is not stored).
    pub fn installning_andrad(&self, slag: Radslag) -> Resultat<SenastAndrad> {
        let ingen = SenastAndrad { version: INGEN_RAD, vem: String::new(), nar: String::new() };
        let Some(nyckel) = slag.installning() else { return Ok(ingen) };
        Ok(installning_andrad(self.conn(), nyckel)?.unwrap_or(ingen))
    }

    /// The row's version and who saved it last, when.
    pub fn senast_andrad(&self, slag: Radslag, id: i64) -> Resultat<SenastAndrad> {
        senast_andrad(self.conn(), slag, id)?.ok_or_else(|| slag.saknas())
    }
}

fn senast_andrad(conn: &super::db::Kopp, slag: Radslag, id: i64) -> Resultat<Option<SenastAndrad>> {
    let (t, v, k) = (slag.tabell(), slag.kolumn(), slag.nyckel());
    Ok(conn
        .query_row(&format!("SELECT {v}, andrad_av, andrad FROM {t} WHERE {k} = ?1"), [id], |r| {
            Ok(SenastAndrad { version: r.get(0)?, vem: r.get(1)?, nar: r.get(2)? })
        })
        .optional()?)
}
