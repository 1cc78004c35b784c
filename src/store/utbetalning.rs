//! Payment orders: created from a granted decision post, attested by someone else, stopped,
//! exported to the bank and, when the money comes back, returned. The rules live in triggers
//! (see `utbetalning_schema`); these functions only read and write.

use super::db::{Rad, Valfri, params};
use super::{Resultat, Skrivning, Store, StoreError, datum_fran, tidstampel};
use crate::domain::Belopp;
use crate::domain::betalning::{Betalningsorder, Konto, Mottagare, Status};
use chrono::{NaiveDate, NaiveDateTime};

/// A new order: which decision post, how much, to whom and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NyUtbetalning {
    pub beslut_id: i64,
    pub ordning: i64,
    pub belopp: Belopp,
    pub mottagare: Mottagare,
    pub betalningsdag: NaiveDate,
}

const VALJ: &str = "SELECT u.id, u.beslut_id, b.arende_id, a.arendenummer, u.belopp_ore, u.mottagare, u.kontotyp,
        u.konto, u.referens, u.betalningsdag, b.beslutsfattare, u.attesterad_av, u.stoppad_av, u.exporterad_tid,
        (SELECT 1 FROM utbetalning_retur r WHERE r.utbetalning_id = u.id), u.ordning
    FROM utbetalning u JOIN beslut b ON b.id = u.beslut_id JOIN arende a ON a.id = b.arende_id";

fn rad(r: &Rad) -> super::db::DbResultat<Betalningsorder> {
    let typ: String = r.get(6)?;
    let nummer: String = r.get(7)?;
    let konto =
        Konto::fran_lagrat(&typ, &nummer).ok_or_else(|| super::db::Fel::Konvertering(7, "okänt konto".into()))?;
    let attesterad_av: Option<String> = r.get(11)?;
    let stoppad: Option<String> = r.get(12)?;
    let exporterad: Option<String> = r.get(13)?;
    let retur: Option<i64> = r.get(14)?;
    let status = match (retur, exporterad, stoppad, &attesterad_av) {
        (Some(_), ..) => Status::Aterkommen,
        (_, Some(_), ..) => Status::Exporterad,
        (_, _, Some(_), _) => Status::Stoppad,
        (_, _, _, Some(_)) => Status::Attesterad,
        _ => Status::AttAttestera,
    };
    Ok(Betalningsorder {
        id: r.get(0)?,
        beslut_id: r.get(1)?,
        post: r.get(15)?,
        arende_id: r.get(2)?,
        arendenummer: r.get(3)?,
        belopp: Belopp::from_ore(r.get(4)?),
        mottagare: Mottagare { namn: r.get(5)?, konto, referens: r.get(8)? },
        betalningsdag: datum_fran(&r.get::<String>(9)?)?,
        beslutsfattare: r.get(10)?,
        attesterad_av,
        status,
    })
}

impl Skrivning<'_> {
    pub fn ny_utbetalning(&self, u: &NyUtbetalning, av: &str, nu: NaiveDateTime) -> Resultat<i64> {
        let m = &u.mottagare;
        Ok(self.conn().insert_id(
            "INSERT INTO utbetalning (beslut_id, ordning, belopp_ore, mottagare, kontotyp, konto, referens,
                                      betalningsdag, skapad, av)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                u.beslut_id,
                u.ordning,
                u.belopp.to_ore(),
                m.namn.trim(),
                m.konto.typ(),
                m.konto.nummer(),
                m.referens.trim(),
                u.betalningsdag.to_string(),
                tidstampel(nu),
                av
            ],
        )?)
    }

    /// Attests an order that waits for it (the database refuses the decider).
    pub fn attestera_utbetalning(&self, id: i64, av: &str, nu: NaiveDateTime) -> Resultat<()> {
        let n = self.conn().execute(
            "UPDATE utbetalning SET attesterad_av = ?2, attesterad_tid = ?3
             WHERE id = ?1 AND attesterad_av IS NULL AND stoppad_av IS NULL",
            params![id, av, tidstampel(nu)],
        )?;
        self.andrad(n, id, "Utbetalningen väntar inte på attest")
    }

    /// Stops an order that has not been sent to the bank.
    pub fn stoppa_utbetalning(&self, id: i64, av: &str, orsak: &str, nu: NaiveDateTime) -> Resultat<()> {
        let n = self.conn().execute(
            "UPDATE utbetalning SET stoppad_av = ?2, stoppad_tid = ?3, stopporsak = ?4
             WHERE id = ?1 AND stoppad_av IS NULL AND exporterad_tid IS NULL",
            params![id, av, tidstampel(nu), orsak.trim()],
        )?;
        self.andrad(n, id, "Utbetalningen kan inte stoppas")
    }

    /// Marks an attested order as sent to the bank in `fil`.
    pub fn markera_exporterad(&self, id: i64, fil: &str, nu: NaiveDateTime) -> Resultat<()> {
        let n = self.conn().execute(
            "UPDATE utbetalning SET exporterad_tid = ?2, exportfil = ?3
             WHERE id = ?1 AND attesterad_av IS NOT NULL AND stoppad_av IS NULL AND exporterad_tid IS NULL",
            params![id, tidstampel(nu), fil],
        )?;
        self.andrad(n, id, "Utbetalningen kan inte skickas")
    }

    /// A state change that found the order in another state than the user saw (another user
    /// attested, stopped or sent it meanwhile): refused with what it is now, by whom and when.
    fn andrad(&self, n: usize, id: i64, vad: &str) -> Resultat<()> {
        if n == 1 {
            return Ok(());
        }
        type Lage = (Option<String>, Option<String>, Option<String>, Option<String>, Option<String>);
        let lage: Option<Lage> = self
            .conn()
            .query_row(
                "SELECT attesterad_av, attesterad_tid, stoppad_av, stoppad_tid, exporterad_tid FROM utbetalning WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let minut = |t: &str| t.get(..16).unwrap_or(t).to_string();
        let nu = match lage {
            None => return Err(StoreError::Saknas("Utbetalningen finns inte.".into())),
            Some((_, _, Some(vem), Some(nar), _)) => format!("den är stoppad av {vem} {}", minut(&nar)),
            Some((_, _, _, _, Some(nar))) => format!("den är skickad till banken {}", minut(&nar)),
            Some((Some(vem), Some(nar), ..)) => format!("den är attesterad av {vem} {}", minut(&nar)),
            Some(_) => "den är inte attesterad än".into(),
        };
        Err(StoreError::Regel(format!("{vad}: {nu}. Läs in listan igen.")))
    }

    pub fn registrera_retur(
        &self,
        id: i64,
        datum: NaiveDate,
        orsak: &str,
        av: &str,
        nu: NaiveDateTime,
    ) -> Resultat<()> {
        self.conn().execute(
            "INSERT INTO utbetalning_retur (utbetalning_id, datum, orsak, registrerad_av, registrerad)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, datum.to_string(), orsak.trim(), av, tidstampel(nu)],
        )?;
        Ok(())
    }
}

/// A decision with granted money not yet (fully) ordered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttBestalla {
    pub beslut_id: i64,
    pub arendenummer: String,
    pub datum: String,
    /// Granted and not yet ordered.
    pub kvar: Belopp,
    /// Where the decision says the money goes (the letter's words).
    pub betalas_till: String,
}

impl Store {
    /// Decisions from `fran` on whose granted money is not all ordered (stopped and returned
    /// orders do not count), newest first; a decision changed by a later one is left out.
    pub fn att_bestalla(&self, fran: NaiveDate) -> Resultat<Vec<AttBestalla>> {
        let mottagare = self.conn().dialekt().json_text("s.underlag", &["utbetalning", "mottagare"]);
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT id, arendenummer, datum, kvar, mottagare FROM (
                SELECT b.id, a.arendenummer, b.datum,
                    (SELECT sum(p.beviljat_ore) FROM beslutspost p WHERE p.beslut_id = b.id)
                    - coalesce((SELECT sum(u.belopp_ore) FROM utbetalning u WHERE u.beslut_id = b.id
                                AND u.stoppad_av IS NULL
                                AND u.id NOT IN (SELECT utbetalning_id FROM utbetalning_retur)), 0) AS kvar,
                    coalesce((SELECT {mottagare} FROM beslutsunderlag s WHERE s.beslut_id = b.id), '') AS mottagare
                FROM beslut b JOIN arende a ON a.id = b.arende_id
                WHERE b.datum >= ?1 AND NOT EXISTS (SELECT 1 FROM beslut n WHERE n.andrar_beslut_id = b.id)) x
             WHERE kvar > 0
             ORDER BY datum DESC, id DESC",
        ))?;
        let rader = stmt
            .query_map([fran.to_string()], |r| {
                Ok(AttBestalla {
                    beslut_id: r.get(0)?,
                    arendenummer: r.get(1)?,
                    datum: r.get(2)?,
                    kvar: Belopp::from_ore(r.get(3)?),
                    betalas_till: r.get(4)?,
                })
            })?
            .collect::<super::db::DbResultat<Vec<_>>>()?;
        Ok(rader)
    }

    pub fn utbetalning(&self, id: i64) -> Resultat<Betalningsorder> {
        self.conn()
            .query_row(&format!("{VALJ} WHERE u.id = ?1"), [id], rad)
            .optional()?
            .ok_or_else(|| StoreError::Saknas(format!("Det finns ingen utbetalning med nummer {id}.")))
    }

    /// The orders to be paid on `dag`, in order of case number.
    pub fn utbetalningar_dag(&self, dag: NaiveDate) -> Resultat<Vec<Betalningsorder>> {
        let mut stmt =
            self.conn().prepare_cached(&format!("{VALJ} WHERE u.betalningsdag = ?1 ORDER BY a.arendenummer, u.id"))?;
        let rader = stmt.query_map([dag.to_string()], rad)?.collect::<super::db::DbResultat<Vec<_>>>()?;
        Ok(rader)
    }

    pub fn utbetalningar_for_beslut(&self, beslut_id: i64) -> Resultat<Vec<Betalningsorder>> {
        let mut stmt = self.conn().prepare_cached(&format!("{VALJ} WHERE u.beslut_id = ?1 ORDER BY u.id"))?;
        let rader = stmt.query_map([beslut_id], rad)?.collect::<super::db::DbResultat<Vec<_>>>()?;
        Ok(rader)
    }

    /// Every day that has payment orders, oldest first.
    pub fn utbetalningsdagar(&self) -> Resultat<std::collections::BTreeSet<NaiveDate>> {
        let mut stmt = self.conn().prepare_cached("SELECT DISTINCT betalningsdag FROM utbetalning")?;
        let dagar = stmt.query_map([], |r| datum_fran(&r.get::<String>(0)?))?.collect::<super::db::DbResultat<_>>()?;
        Ok(dagar)
    }
}
