//! IB form definitions (versioned, seeded from the shipped one, replaceable by the unit) and
//! each case's answers.

use super::db::{Valfri, params};
use super::{Resultat, Store, StoreError, datum_fran, tidstampel};
use crate::domain::ib::{IbDefinition, IbSvar, levererad_definition};
use chrono::NaiveDateTime;

impl Store {
    /// The newest definition, or the given version (answers keep theirs).
    pub fn ib_definition(&self, version: Option<u32>) -> Resultat<IbDefinition> {
        let data: Option<(u32, String)> = self
            .conn()
            .query_row(
                "SELECT version, data FROM ib_definition WHERE ?1 IS NULL OR version = ?1 ORDER BY version DESC LIMIT 1",
                [version],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match data {
            Some((v, json)) => {
                let mut d = IbDefinition::fran_json(&json).map_err(StoreError::Regel)?;
                d.version = v;
                Ok(d)
            }
            None => Ok(levererad_definition()),
        }
    }

    /// Stores a definition the unit wrote as the next version.
    pub fn las_in_ib_definition(&mut self, json: &str, nu: NaiveDateTime) -> Resultat<u32> {
        let d = IbDefinition::fran_json(json).map_err(StoreError::Regel)?;
        self.skriv(|w| {
            let version: u32 =
                w.conn().query_row("SELECT COALESCE(MAX(version), 1) + 1 FROM ib_definition", [], |r| r.get(0))?;
            let data = serde_json::to_string(&IbDefinition { version, ..d.clone() })
                .map_err(|e| StoreError::Regel(e.to_string()))?;
            w.conn().execute(
                "INSERT INTO ib_definition (version, data, skapad) VALUES (?1, ?2, ?3)",
                params![version, data, tidstampel(nu)],
            )?;
            Ok(version)
        })
    }

    pub fn ib_svar(&self, arende_id: i64) -> Resultat<Option<IbSvar>> {
        let rad: Option<(u32, String, Option<String>)> = self
            .conn()
            .query_row(
                "SELECT definition_version, svar, samtycke_jobbtorg FROM ib_svar WHERE arende_id = ?1",
                [arende_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        rad.map(|(version, svar, samtycke)| {
            Ok(IbSvar {
                definition_version: version,
                svar: super::json_fran(&svar, "ib_svar", format!("ärende {arende_id}"))?,
                samtycke_jobbtorg: samtycke.as_deref().map(datum_fran).transpose()?,
            })
        })
        .transpose()
    }

    pub fn spara_ib_svar(&mut self, arende_id: i64, svar: &IbSvar, nu: NaiveDateTime) -> Resultat<()> {
        self.skriv(|w| w.spara_ib_svar(arende_id, svar, nu))
    }
}

impl super::Skrivning<'_> {
    /// Saves the case's IB answers within a larger transaction.
    pub fn spara_ib_svar(&self, arende_id: i64, svar: &IbSvar, nu: NaiveDateTime) -> Resultat<()> {
        let json = serde_json::to_string(&svar.svar).map_err(|e| StoreError::Regel(e.to_string()))?;
        let w = self;
        {
            // The version answered under must exist as a row (the shipped one the first time).
            let finns: bool = w.conn().query_row(
                "SELECT EXISTS (SELECT 1 FROM ib_definition WHERE version = ?1)",
                [svar.definition_version],
                |r| r.get(0),
            )?;
            if !finns {
                let data =
                    serde_json::to_string(&levererad_definition()).map_err(|e| StoreError::Regel(e.to_string()))?;
                w.conn().execute(
                    "INSERT INTO ib_definition (version, data, skapad) VALUES (?1, ?2, ?3)",
                    params![svar.definition_version, data, tidstampel(nu)],
                )?;
            }
            w.conn().execute(
                "INSERT INTO ib_svar (arende_id, definition_version, svar, samtycke_jobbtorg, andrad) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (arende_id) DO UPDATE SET definition_version = excluded.definition_version, svar = excluded.svar,
                   samtycke_jobbtorg = excluded.samtycke_jobbtorg, andrad = excluded.andrad",
                params![arende_id, svar.definition_version, json, svar.samtycke_jobbtorg.map(|d| d.to_string()), tidstampel(nu)],
            )?;
            Ok(())
        }
    }
}
