//! FIA interviews and their versioned definitions, and the months a case has had assistance.

use super::db::{Valfri, params};
use super::{Resultat, Skrivning, Store, StoreError, tidstampel};
use crate::domain::fia::{FiaDefinition, FiaIntervju, levererad_definition};
use chrono::{Datelike, NaiveDate, NaiveDateTime};

/// A stored interview.
#[derive(Debug, Clone, PartialEq)]
pub struct SparadFia {
    pub id: i64,
    pub intervju: FiaIntervju,
    pub andrad: String,
    /// The row's version when it was read (see [`super::Radslag`]).
    pub version: i64,
}

impl Skrivning<'_> {
    /// Saves an interview (new when `id` is `None`) within a larger transaction.
    pub fn spara_fia(
        &self,
        arende_id: i64,
        id: Option<i64>,
        intervju: &FiaIntervju,
        nu: NaiveDateTime,
    ) -> Resultat<i64> {
        let data = serde_json::to_string(intervju).map_err(|e| StoreError::Regel(e.to_string()))?;
        match id {
            Some(id) => {
                self.conn().execute(
                    "UPDATE fia_intervju SET data = ?1, andrad = ?2 WHERE id = ?3",
                    params![data, tidstampel(nu), id],
                )?;
                Ok(id)
            }
            None => {
                Ok(self.conn().insert_id(
                    "INSERT INTO fia_intervju (arende_id, definition_version, data, skapad, andrad) VALUES (?1, ?2, ?3, ?4, ?4)",
                    params![arende_id, intervju.definition_version, data, tidstampel(nu)],
                )?)
            }
        }
    }
}

impl Store {
    /// The newest FIA definition, or a given version (an interview keeps the one it was taken with).
    pub fn fia_definition(&self, version: Option<u32>) -> Resultat<FiaDefinition> {
        let rad: Option<(u32, String)> = self
            .conn()
            .query_row(
                "SELECT version, data FROM fia_definition WHERE ?1 IS NULL OR version = ?1 ORDER BY version DESC LIMIT 1",
                [version],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(match rad {
            Some((v, json)) => {
                FiaDefinition { version: v, ..FiaDefinition::fran_json(&json).map_err(StoreError::Regel)? }
            }
            None => levererad_definition(),
        })
    }

    /// Reads in a definition the unit wrote (e.g. with the remaining life areas) as the next version.
    pub fn las_in_fia_definition(&mut self, json: &str, nu: NaiveDateTime) -> Resultat<u32> {
        let d = FiaDefinition::fran_json(json).map_err(StoreError::Regel)?;
        self.skriv(|w| {
            let v: u32 =
                w.conn().query_row("SELECT COALESCE(MAX(version), 1) + 1 FROM fia_definition", [], |r| r.get(0))?;
            let data = serde_json::to_string(&FiaDefinition { version: v, ..d.clone() })
                .map_err(|e| StoreError::Regel(e.to_string()))?;
            w.conn().execute(
                "INSERT INTO fia_definition (version, data, skapad) VALUES (?1, ?2, ?3)",
                params![v, data, tidstampel(nu)],
            )?;
            Ok(v)
        })
    }

    /// The case's interviews, newest first.
    pub fn fia_intervjuer(&self, arende_id: i64) -> Resultat<Vec<SparadFia>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, data, andrad, version FROM fia_intervju WHERE arende_id = ?1 ORDER BY id DESC",
        )?;
        let rows = stmt
            .query_map([arende_id], |r| {
                let (id, data): (i64, String) = (r.get(0)?, r.get(1)?);
                Ok(SparadFia {
                    id,
                    intervju: super::json_fran(&data, "fia_intervju", format!("id {id}"))?,
                    andrad: r.get(2)?,
                    version: r.get(3)?,
                })
            })?
            .collect::<super::db::DbResultat<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn fia_intervju(&self, id: i64) -> Resultat<(i64, FiaIntervju)> {
        self.conn()
            .query_row("SELECT arende_id, data FROM fia_intervju WHERE id = ?1", [id], |r| {
                let data: String = r.get(1)?;
                Ok((r.get(0)?, super::json_fran(&data, "fia_intervju", format!("id {id}"))?))
            })
            .optional()?
            .ok_or_else(|| StoreError::Saknas(format!("Det finns ingen FIA-intervju med id {id}.")))
    }

    /// Saves an interview (new when `id` is `None`); returns its id.
    pub fn spara_fia(
        &mut self,
        arende_id: i64,
        id: Option<i64>,
        intervju: &FiaIntervju,
        nu: NaiveDateTime,
    ) -> Resultat<i64> {
        self.skriv(|w| w.spara_fia(arende_id, id, intervju, nu))
    }

    /// Months on assistance: distinct months with a granted decision, or, before any decision,
    /// whole months since the case started.
    pub fn manader_med_bistand(&self, arende_id: i64, idag: NaiveDate) -> Resultat<u32> {
        let beslutade: u32 = self.conn().query_row(
            "SELECT COUNT(DISTINCT b.period) FROM beslut b WHERE b.arende_id = ?1
               AND EXISTS (SELECT 1 FROM beslutspost p WHERE p.beslut_id = b.id AND p.beviljat_ore > 0)",
            [arende_id],
            |r| r.get(0),
        )?;
        let alla: u32 =
            self.conn().query_row("SELECT COUNT(*) FROM beslut WHERE arende_id = ?1", [arende_id], |r| r.get(0))?;
        if alla > 0 {
            return Ok(beslutade);
        }
        let start = self.arende(arende_id)?.startdatum;
        let manader = (idag.year() - start.year()) * 12 + idag.month() as i32 - start.month() as i32;
        Ok(manader.max(0) as u32)
    }
}
