//! Riksnorm tables in the database: seeded from the shipped data, corrected by an administrator
//! as new versions (never overwritten), and the unit's rules (settings).

use super::db::{Valfri, params};
use super::{Resultat, Skrivning, Store, StoreError, tidstampel};
use crate::domain::norm::{Normtabell, Regler, levererade_tabeller};
use chrono::NaiveDateTime;

/// One stored version of a year's table.
#[derive(Debug, Clone, PartialEq)]
pub struct Normversion {
    pub id: i64,
    pub ar: i32,
    pub version: i64,
    pub andring: String,
    pub av: String,
    pub skapad: String,
}

fn tolka(id: i64, data: &str) -> Resultat<Normtabell> {
    serde_json::from_str(data).map_err(|_| {
        StoreError::Regel(format!("Normtabellen med id {id} i databasen är skadad; rätta den under Inställningar."))
    })
}

impl Store {
    /// Adds the shipped table of every year the database does not have yet. Only reads when
    /// every year is there: opening a database takes no write lock unless something is missing.
    pub(crate) fn seeda_normtabeller(&mut self, nu: NaiveDateTime) -> Resultat<()> {
        let saknas = |conn: &super::db::Kopp| -> Resultat<Vec<Normtabell>> {
            let mut stmt = conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM normtabell WHERE ar = ?1)")?;
            let mut nya = Vec::new();
            for t in levererade_tabeller() {
                if !stmt.query_row([t.ar], |r| r.get::<bool>(0))? {
                    nya.push(t);
                }
            }
            Ok(nya)
        };
        if saknas(self.conn())?.is_empty() {
            return Ok(());
        }
        self.skriv(|w| {
            // Checked again inside the write lock: another program may have seeded meanwhile.
            for t in saknas(w.conn())? {
                w.spara_normtabell(&t, &format!("Levererad med programmet: {}", t.kalla), "Bistånd", nu)?;
            }
            Ok(())
        })
    }

    /// The newest version of the table for a year.
    pub fn normtabell_for_ar(&self, ar: i32) -> Resultat<Option<(i64, Normtabell)>> {
        let row: Option<(i64, String)> = self
            .conn()
            .prepare_cached("SELECT id, data FROM normtabell WHERE ar = ?1 ORDER BY version DESC LIMIT 1")?
            .query_row([ar], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        row.map(|(id, data)| Ok((id, tolka(id, &data)?))).transpose()
    }

    /// Exactly the version a calculation used.
    pub fn normtabell(&self, id: i64) -> Resultat<Normtabell> {
        let data: String = self
            .conn()
            .prepare_cached("SELECT data FROM normtabell WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::Saknas("Normtabellen finns inte.".into()))?;
        tolka(id, &data)
    }

    /// Every version of every year, newest first within a year.
    pub fn normversioner(&self) -> Resultat<Vec<Normversion>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT id, ar, version, andring, av, skapad FROM normtabell ORDER BY ar DESC, version DESC")?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Normversion {
                    id: r.get(0)?,
                    ar: r.get(1)?,
                    version: r.get(2)?,
                    andring: r.get(3)?,
                    av: r.get(4)?,
                    skapad: r.get(5)?,
                })
            })?
            .collect::<super::db::DbResultat<Vec<_>>>()?;
        Ok(rows)
    }

    /// The unit's rules; the program's defaults until the unit has set its own.
    pub fn regler(&self) -> Resultat<Regler> {
        Ok(self
            .installning("regler")?
            .map(|t| super::json_fran(&t, "installning", "regler"))
            .transpose()?
            .unwrap_or_default())
    }

    pub fn satt_regler(&mut self, regler: &Regler) -> Resultat<()> {
        let json = serde_json::to_string(regler).map_err(|e| StoreError::Regel(e.to_string()))?;
        self.satt_installning("regler", &json)
    }

    /// Saves the unit's rules from the settings form, refused if another user saved them since
    /// the form read version `las` (see [`Skrivning::spara_installning`]).
    pub fn spara_regler(&mut self, regler: &Regler, las: i64, av: (&str, NaiveDateTime)) -> Resultat<()> {
        let json = serde_json::to_string(regler).map_err(|e| StoreError::Regel(e.to_string()))?;
        self.skriv(|w| w.spara_installning(super::Radslag::Regler, &json, Some(las), av))
    }
}

impl Skrivning<'_> {
    /// A table edited from the year's version `utgick_fran` (its id; [`super::INGEN_RAD`] for a
    /// year that had none; `None`: not checked) is refused ([`StoreError::Krock`]) when another
    /// user saved a newer version of that year meanwhile, naming who and when.
    pub fn normtabell_sedan(&self, ar: i32, utgick_fran: Option<i64>) -> Resultat<()> {
        let Some(las) = utgick_fran else { return Ok(()) };
        let senaste: Option<(i64, String, String)> = self
            .conn()
            .query_row("SELECT id, av, skapad FROM normtabell WHERE ar = ?1 ORDER BY version DESC LIMIT 1", [ar], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        match senaste {
            Some((id, vem, nar)) if id != las => {
                Err(StoreError::Krock { slag: super::Radslag::Normtabell, vem, nar, skapad: las == super::INGEN_RAD })
            }
            _ => Ok(()),
        }
    }

    /// Saves a table as the year's next version, with what changed and the source.
    pub fn spara_normtabell(&self, t: &Normtabell, andring: &str, av: &str, nu: NaiveDateTime) -> Resultat<i64> {
        t.kontrollera().map_err(StoreError::Regel)?;
        if andring.trim().is_empty() {
            return Err(StoreError::Regel("Skriv vad som ändrats och källan för de nya beloppen.".into()));
        }
        let data = serde_json::to_string(t).map_err(|e| StoreError::Regel(e.to_string()))?;
        let version: i64 = self.conn().query_row(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM normtabell WHERE ar = ?1",
            [t.ar],
            |r| r.get(0),
        )?;
        Ok(self.conn().insert_id(
            "INSERT INTO normtabell (ar, version, data, andring, av, skapad) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![t.ar, version, data, andring.trim(), av, tidstampel(nu)],
        )?)
    }
}
