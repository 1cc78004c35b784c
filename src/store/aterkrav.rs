//! Återkrav decisions: a row in `beslut` with utfall `aterkrav` and no posts (nothing is paid
//! out), the law of the grant's date, and what it recovers in its frozen record.

use super::db::params;
use super::{Resultat, Skrivning, StoreError, tidstampel};
use crate::domain::beslut::underlag::Beslutsunderlag;
use crate::domain::manad::Manad;
use chrono::{NaiveDate, NaiveDateTime};

/// Widens the CHECK on `beslut.utfall` to allow `aterkrav` (see schema::v18_aterkrav_decisions).
pub(super) const ATERKRAV_UTFALL_SQL: &str = "
    PRAGMA writable_schema = ON;
    UPDATE sqlite_schema SET sql = replace(sql, '''delavslag'', ''avslag'')', '''delavslag'', ''avslag'', ''aterkrav'')')
     WHERE type = 'table' AND name = 'beslut';
";

/// The row of an återkrav decision as it is saved.
pub struct NyttAterkrav<'a> {
    pub arende_id: i64,
    pub datum: NaiveDate,
    /// The grant's month.
    pub period: &'a Manad,
    pub beslutsfattare: &'a str,
    pub delegation: &'a str,
    /// The provisions cited, by the grant decision's date.
    pub lagrum: &'a str,
}

impl Skrivning<'_> {
    /// Saves an återkrav decision; the record must say what it recovers.
    pub fn spara_aterkravsbeslut(
        &self,
        a: &NyttAterkrav,
        underlag: &Beslutsunderlag,
        av: &str,
        nu: NaiveDateTime,
    ) -> Resultat<i64> {
        if underlag.aterkrav.is_none() {
            return Err(StoreError::Regel("Ett beslut om återkrav måste säga vad som krävs tillbaka.".into()));
        }
        let conn = self.conn();
        let id = conn.insert_id(
            "INSERT INTO beslut (arende_id, ansokan_id, datum, period, beslutsfattare, delegation, foredragande, barnets_basta,
                                 utfall, lagrum, overklagande, andrar_beslut_id, skapad, av)
             VALUES (?1, NULL, ?2, ?3, ?4, ?5, '', '', 'aterkrav', ?6, '', NULL, ?7, ?8)",
            params![
                a.arende_id,
                a.datum.to_string(),
                a.period.to_string(),
                a.beslutsfattare.trim(),
                a.delegation.trim(),
                a.lagrum,
                tidstampel(nu),
                av
            ],
        )?;
        let json = serde_json::to_string(underlag).map_err(|e| StoreError::Regel(e.to_string()))?;
        conn.execute("INSERT INTO beslutsunderlag (beslut_id, underlag) VALUES (?1, ?2)", params![id, json])?;
        Ok(id)
    }
}
