//! Screening results, kept on the person (never on a letter, never in the case list).

use super::db::{Valfri, params};
use super::{Resultat, Skrivning, Store, StoreError, datum_fran, tidstampel};
use crate::domain::personnummer::Personnummer;
use crate::domain::screening::{Instrument, tolka};
use chrono::{NaiveDate, NaiveDateTime};

/// A saved screening.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screeningresultat {
    pub instrument: Instrument,
    pub datum: NaiveDate,
    pub svar: Vec<Option<u8>>,
    pub poang: u32,
}

impl Skrivning<'_> {
    /// Saves a complete screening of the person with this personnummer.
    pub fn spara_screening(
        &self,
        pnr: &Personnummer,
        instrument: Instrument,
        datum: NaiveDate,
        svar: &[Option<u8>],
        av: &str,
        nu: NaiveDateTime,
    ) -> Resultat<i64> {
        let tolkning = tolka(instrument, svar, pnr.kon()).map_err(StoreError::Regel)?;
        let person_id: i64 = self
            .conn()
            .query_row("SELECT id FROM person WHERE pnr = ?1", [pnr.twelve_digits()], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::Saknas("Personen finns inte i registret.".into()))?;
        let json = serde_json::to_string(svar).map_err(|e| StoreError::Regel(e.to_string()))?;
        Ok(self.conn().insert_id(
            "INSERT INTO screening (person_id, instrument, datum, svar, poang, skapad, av) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![person_id, instrument.kod(), datum.to_string(), json, tolkning.poang, tidstampel(nu), av],
        )?)
    }
}

impl Store {
    /// The person's screenings, newest first.
    pub fn screeningar(&self, pnr: &Personnummer) -> Resultat<Vec<Screeningresultat>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT s.instrument, s.datum, s.svar, s.poang, s.id FROM screening s JOIN person p ON p.id = s.person_id
             WHERE p.pnr = ?1 ORDER BY s.datum DESC, s.id DESC",
        )?;
        let rows = stmt
            .query_map([pnr.twelve_digits()], |r| {
                let instrument: String = r.get(0)?;
                let datum: String = r.get(1)?;
                let svar: String = r.get(2)?;
                Ok(Screeningresultat {
                    instrument: super::kod_fran(Instrument::fran_kod(&instrument), &instrument)?,
                    datum: datum_fran(&datum)?,
                    svar: super::json_fran(&svar, "screening", format!("id {}", r.get::<i64>(4)?))?,
                    poang: r.get(3)?,
                })
            })?
            .collect::<super::db::DbResultat<Vec<_>>>()?;
        Ok(rows)
    }
}
