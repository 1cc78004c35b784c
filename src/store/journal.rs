//! The case journal: append, void with a reason, read newest first. Nothing is ever deleted.

use super::db::{Valfri, params};
use super::{Resultat, Skrivning, Store, StoreError, datum_fran, tidstampel};
use crate::domain::journal::{JournalPost, Makulering, NyJournalPost};
use chrono::NaiveDateTime;

impl Store {
    /// Every entry of the case, voided ones included, newest first.
    pub fn journal(&self, arende_id: i64) -> Resultat<Vec<JournalPost>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, arende_id, datum, rubrik, text, skriven_av, skapad,
                    makulerad_orsak, makulerad_av, makulerad_tid, ersatter_id
             FROM journal WHERE arende_id = ?1 ORDER BY datum DESC, id DESC",
        )?;
        let rows = stmt
            .query_map([arende_id], |r| {
                let datum: String = r.get(2)?;
                let orsak: Option<String> = r.get(7)?;
                Ok(JournalPost {
                    id: r.get(0)?,
                    arende_id: r.get(1)?,
                    datum: datum_fran(&datum)?,
                    rubrik: r.get(3)?,
                    text: r.get(4)?,
                    skriven_av: r.get(5)?,
                    skapad: r.get(6)?,
                    makulering: match orsak {
                        Some(orsak) => Some(Makulering {
                            orsak,
                            av: r.get::<Option<String>>(8)?.unwrap_or_default(),
                            tid: r.get::<Option<String>>(9)?.unwrap_or_default(),
                        }),
                        None => None,
                    },
                    ersatter: r.get(10)?,
                })
            })?
            .collect::<super::db::DbResultat<Vec<_>>>()?;
        Ok(rows)
    }
}

impl Skrivning<'_> {
    /// Writes a new entry. A correction names the voided entry it replaces.
    pub fn skriv_journal(
        &self,
        arende_id: i64,
        post: &NyJournalPost,
        skriven_av: &str,
        nu: NaiveDateTime,
    ) -> Resultat<i64> {
        let conn = self.conn();
        if let Some(old) = post.ersatter {
            let voided: Option<bool> = conn
                .query_row(
                    "SELECT makulerad_orsak IS NOT NULL FROM journal WHERE id = ?1 AND arende_id = ?2",
                    params![old, arende_id],
                    |r| r.get(0),
                )
                .optional()?;
            if voided != Some(true) {
                return Err(StoreError::Regel(
                    "En rättelse kan bara ersätta en makulerad anteckning i samma ärende.".into(),
                ));
            }
        }
        Ok(conn.insert_id(
            "INSERT INTO journal (arende_id, datum, rubrik, text, skriven_av, skapad, ersatter_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                arende_id,
                post.datum.to_string(),
                post.rubrik,
                post.text,
                skriven_av,
                tidstampel(nu),
                post.ersatter
            ],
        )?)
    }

    /// Voids an entry with a reason; the entry stays, marked, with who and when.
    pub fn makulera_journal(&self, id: i64, orsak: &str, av: &str, nu: NaiveDateTime) -> Resultat<()> {
        let n = self.conn().execute(
            "UPDATE journal SET makulerad_orsak = ?1, makulerad_av = ?2, makulerad_tid = ?3
             WHERE id = ?4 AND makulerad_orsak IS NULL",
            params![orsak, av, tidstampel(nu), id],
        )?;
        if n == 0 {
            return Err(StoreError::Regel("Anteckningen finns inte eller är redan makulerad.".into()));
        }
        Ok(())
    }
}
