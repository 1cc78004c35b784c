//! Cases: reading one, the searchable case list, status and responsibility changes.

use super::db::{Kopp, Rad, Valfri, params};
use super::hushall::lagrat_pnr;
use super::{Resultat, Skrivning, Store, StoreError, datum_fran};
use crate::domain::arende::{Arende, ArendeStatus, Avslutsorsak, Forsorjningshinder, kontrollera_statusbyte};
use crate::domain::sok;
use chrono::NaiveDate;

/// One row of the case list.
#[derive(Debug, Clone, PartialEq)]
pub struct ArendeRad {
    pub arende_id: i64,
    pub arendenummer: String,
    /// The sökande as "Efternamn, Förnamn".
    pub namn: String,
    /// The sökande's personnummer, `YYYYMMDD-NNNN`.
    pub pnr: String,
    pub status: ArendeStatus,
    pub socialsekreterare: String,
}

/// Columns the list can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sortering {
    #[default]
    Arendenummer,
    Namn,
    Personnummer,
    Status,
    Socialsekreterare,
}

impl Sortering {
    fn order_by(self) -> &'static str {
        match self {
            Sortering::Arendenummer => "a.arendenummer",
            Sortering::Namn => "p.efternamn COLLATE SVENSKA, p.fornamn COLLATE SVENSKA",
            Sortering::Personnummer => "p.pnr",
            Sortering::Status => "a.status",
            Sortering::Socialsekreterare => "a.socialsekreterare COLLATE SVENSKA",
        }
    }

    /// True when the order is by the case's own columns (not its sökande's).
    fn pa_arendet(self) -> bool {
        matches!(self, Sortering::Arendenummer | Sortering::Status | Sortering::Socialsekreterare)
    }
}

/// The rows found (at most the limit asked for) and how many matched in all.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sokresultat {
    pub rader: Vec<ArendeRad>,
    pub totalt: usize,
}

const ARENDE_COLUMNS: &str = "id, hushall_id, arendenummer, status, avslutsorsak, socialsekreterare,
     bidragshandlaggare, forsorjningshinder, startdatum, avslutsdatum, version";

fn arende_fran_rad(r: &Rad) -> super::db::DbResultat<Arende> {
    let status: String = r.get(3)?;
    let orsak: Option<String> = r.get(4)?;
    let hinder: Option<String> = r.get(7)?;
    let start: String = r.get(8)?;
    let slut: Option<String> = r.get(9)?;
    Ok(Arende {
        id: r.get(0)?,
        hushall_id: r.get(1)?,
        arendenummer: r.get(2)?,
        status: super::kod_fran(ArendeStatus::fran_kod(&status), &status)?,
        avslutsorsak: orsak.as_deref().and_then(Avslutsorsak::fran_kod),
        socialsekreterare: r.get(5)?,
        bidragshandlaggare: r.get(6)?,
        forsorjningshinder: hinder.as_deref().and_then(Forsorjningshinder::fran_kod),
        startdatum: datum_fran(&start)?,
        avslutsdatum: slut.as_deref().map(datum_fran).transpose()?,
        version: r.get(10)?,
    })
}

/// Escapes `%`, `_` and `\` for a LIKE pattern with `ESCAPE '\'`.
fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

impl Store {
    pub fn arende(&self, arende_id: i64) -> Resultat<Arende> {
        self.conn()
            .query_row(&format!("SELECT {ARENDE_COLUMNS} FROM arende WHERE id = ?1"), [arende_id], arende_fran_rad)
            .optional()?
            .ok_or_else(|| StoreError::Saknas("Ärendet finns inte.".into()))
    }

    pub fn arende_med_nummer(&self, arendenummer: &str) -> Resultat<Arende> {
        self.conn()
            .query_row(
                &format!("SELECT {ARENDE_COLUMNS} FROM arende WHERE arendenummer = ?1"),
                [arendenummer.trim()],
                arende_fran_rad,
            )
            .optional()?
            .ok_or_else(|| StoreError::Saknas(format!("Det finns inget ärende {}.", arendenummer.trim())))
    }

    /// The case list as the search field filters it: every token of `fraga` must start a word
    /// of the case's search text (ärendenummer, personnummer in any spelling, names).
    pub fn sok_arenden(&self, fraga: &str, sortering: Sortering, stigande: bool, max: usize) -> Resultat<Sokresultat> {
        let tokens = sok::tokens(fraga);
        let conn = self.conn();
        let dialekt = conn.dialekt();
        let riktning = if stigande { "ASC" } else { "DESC" };
        let ordning =
            format!("{} {riktning}, a.arendenummer", sortering.order_by().replace(',', &format!(" {riktning},")));
        let (sql, args, totalt_utan_filter) = if tokens.is_empty() {
            // An empty search is the whole list: count the cases directly.
            let n: i64 = conn.prepare_cached("SELECT count(*) FROM arende")?.query_row([], |r| r.get(0))?;
            (sokfraga("arende a", "1=1", "0", &ordning, max, dialekt), Vec::new(), Some(n))
        } else if dialekt == super::db::Dialekt::Sqlite {
            // The matches are counted in the same pass that finds them.
            let (fran, filter, args) = sokfilter(&tokens);
            (sokfraga(fran, &filter, "count(*) OVER ()", &ordning, max, dialekt), args, None)
        } else {
            let (filter, args) = sokfilter_server(&tokens);
            (sokfraga_server(&filter, sortering, &ordning, max), args, None)
        };
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut totalt = totalt_utan_filter.unwrap_or(0);
        let rader = stmt
            .query_map(super::db::params_from_iter(&args), |r| {
                let pnr: String = r.get(3)?;
                let status: String = r.get(4)?;
                Ok((
                    ArendeRad {
                        arende_id: r.get(0)?,
                        arendenummer: r.get(1)?,
                        namn: r.get(2)?,
                        pnr: lagrat_pnr(&pnr)?.to_string(),
                        status: super::kod_fran(ArendeStatus::fran_kod(&status), &status)?,
                        socialsekreterare: r.get(5)?,
                    },
                    r.get::<i64>(6)?,
                ))
            })?
            .map(|rad| {
                rad.map(|(rad, n)| {
                    totalt = totalt.max(n);
                    rad
                })
            })
            .collect::<super::db::DbResultat<Vec<_>>>()?;
        Ok(Sokresultat { rader, totalt: totalt as usize })
    }
}

impl Skrivning<'_> {
    /// Changes the status of a case after checking the rules; closing records reason and date.
    pub fn byt_status(
        &self,
        arende_id: i64,
        till: ArendeStatus,
        avslutsorsak: Option<Avslutsorsak>,
        datum: NaiveDate,
    ) -> Resultat<()> {
        let conn = self.conn();
        let fran: String = conn
            .query_row("SELECT status FROM arende WHERE id = ?1", [arende_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::Saknas("Ärendet finns inte.".into()))?;
        let fran = super::kod_fran(ArendeStatus::fran_kod(&fran), &fran)?;
        kontrollera_statusbyte(fran, till, avslutsorsak).map_err(StoreError::Regel)?;
        let closed = till == ArendeStatus::Avslutad;
        conn.execute(
            "UPDATE arende SET status = ?1, avslutsorsak = ?2, avslutsdatum = ?3 WHERE id = ?4",
            params![
                till.kod(),
                avslutsorsak.filter(|_| closed).map(Avslutsorsak::kod),
                closed.then(|| datum.to_string()),
                arende_id
            ],
        )?;
        Ok(())
    }

    /// Sets who is responsible and the main barrier to self-support.
    pub fn uppdatera_ansvar(
        &self,
        arende_id: i64,
        socialsekreterare: &str,
        bidragshandlaggare: &str,
        forsorjningshinder: Option<Forsorjningshinder>,
    ) -> Resultat<()> {
        let n = self.conn().execute(
            "UPDATE arende SET socialsekreterare = ?1, bidragshandlaggare = ?2, forsorjningshinder = ?3 WHERE id = ?4",
            params![
                socialsekreterare.trim(),
                bidragshandlaggare.trim(),
                forsorjningshinder.map(Forsorjningshinder::kod),
                arende_id
            ],
        )?;
        if n == 0 {
            return Err(StoreError::Saknas("Ärendet finns inte.".into()));
        }
        Ok(())
    }

    pub(super) fn uppdatera_sokindex(&self, arende_id: i64) -> Resultat<()> {
        let index = berakna_sokindex(self.conn(), arende_id)?;
        self.conn()
            .prepare_cached("UPDATE arende SET sokindex = ?1 WHERE id = ?2")?
            .execute(params![index, arende_id])?;
        Ok(())
    }
}

/// The case list's query over the cases of `fran` that `filter` keeps, each with its sökande.
fn sokfraga(fran: &str, filter: &str, totalt: &str, ordning: &str, max: usize, dialekt: super::db::Dialekt) -> String {
    // SQLite's CROSS JOIN keeps the planner on the matching cases and looking up each
    // sökande by index, instead of walking every household member first.
    let join = dialekt.fast_join();
    format!(
        "SELECT a.id, a.arendenummer, p.efternamn || ', ' || p.fornamn, p.pnr, a.status, a.socialsekreterare, {totalt}
         FROM {fran}
         {join} hushallsmedlem hm ON hm.hushall_id = a.hushall_id AND hm.roll = 'sokande'
         {join} person p ON p.id = hm.person_id
         WHERE {filter} ORDER BY {ordning} LIMIT {max}"
    )
}

/// The same on PostgreSQL: the matches first (the trigram index answers the filter), counted
/// once; when the order is the case's own, only the page's rows are joined to their sökande
/// (joining every match first made a common name's search several times slower).
fn sokfraga_server(filter: &str, sortering: Sortering, ordning: &str, max: usize) -> String {
    let sida = if sortering.pa_arendet() {
        format!("(SELECT * FROM traff a ORDER BY {ordning} LIMIT {max})")
    } else {
        "traff".to_string()
    };
    format!(
        "WITH traff AS MATERIALIZED (
             SELECT a.id, a.arendenummer, a.hushall_id, a.status, a.socialsekreterare FROM arende a WHERE {filter})
         SELECT a.id, a.arendenummer, p.efternamn || ', ' || p.fornamn, p.pnr, a.status, a.socialsekreterare,
                (SELECT count(*) FROM traff)
         FROM {sida} a
         JOIN hushallsmedlem hm ON hm.hushall_id = a.hushall_id AND hm.roll = 'sokande'
         JOIN person p ON p.id = hm.person_id
         ORDER BY {ordning} LIMIT {max}"
    )
}

/// The search text of a case from its ärendenummer and its household members.
pub(super) fn berakna_sokindex(conn: &Kopp, arende_id: i64) -> super::db::DbResultat<String> {
    // A protected household's address never leads a search to it.
    let (arendenummer, gatuadress): (String, String) = conn.query_row(
        "SELECT a.arendenummer, CASE WHEN h.skyddade_personuppgifter <> 0 THEN '' ELSE h.gatuadress END
         FROM arende a JOIN hushall h ON h.id = a.hushall_id WHERE a.id = ?1",
        [arende_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT p.pnr, p.fornamn || ' ' || p.efternamn FROM arende a
         JOIN hushallsmedlem hm ON hm.hushall_id = a.hushall_id
         JOIN person p ON p.id = hm.person_id
         WHERE a.id = ?1 ORDER BY hm.ordning",
    )?;
    let personer = stmt
        .query_map([arende_id], |r| Ok((r.get::<String>(0)?, r.get::<String>(1)?)))?
        .collect::<super::db::DbResultat<Vec<_>>>()?;
    Ok(sok::sokindex(&arendenummer, personer.iter().map(|(p, n)| (p.as_str(), n.as_str())), &gatuadress))
}

/// The same search on PostgreSQL: LIKE over the search text, which the trigram index on it
/// answers – anywhere inside a word for three characters or more with a letter, else at a
/// word's start.
fn sokfilter_server(tokens: &[String]) -> (String, Vec<String>) {
    let mut filter = String::from("1=1");
    let mut args = Vec::new();
    for t in tokens {
        let start = if sok::ar_delord(t) { "%" } else { "% " };
        args.push(format!("{start}{}%", like_escape(t)));
        filter.push_str(&format!(" AND a.sokindex LIKE ?{} ESCAPE '\\'", args.len()));
    }
    (filter, args)
}

/// Where a search looks and what it asks: tokens of three characters or more with a letter go
/// through the trigram index (anywhere inside a word), other tokens of letters, digits and '-'
/// through the word index (at a word's start), and anything else by LIKE over the search text.
fn sokfilter(tokens: &[String]) -> (&'static str, String, Vec<String>) {
    let mut filter = String::from("1=1");
    let mut args: Vec<String> = Vec::new();
    let fras = |t: &str| format!("\"{}\"", t.replace('"', "\"\""));
    let (delord, ovriga): (Vec<&String>, Vec<&String>) = tokens.iter().partition(|t| sok::ar_delord(t));
    let (ord, like): (Vec<&String>, Vec<&String>) =
        ovriga.into_iter().partition(|t| t.chars().all(|c| c.is_alphanumeric() || c == '-'));
    let ordfraga = (!ord.is_empty()).then(|| ord.iter().map(|t| format!("{}*", fras(t))).collect::<Vec<_>>().join(" "));
    let fran = if !delord.is_empty() {
        args.push(delord.iter().map(|t| fras(t)).collect::<Vec<_>>().join(" "));
        filter.push_str(" AND arende_tri MATCH ?1");
        if let Some(q) = ordfraga {
            args.push(q);
            filter.push_str(" AND a.id IN (SELECT rowid FROM arende_sok WHERE arende_sok MATCH ?2)");
        }
        "arende_tri CROSS JOIN arende a ON a.id = arende_tri.rowid"
    } else if let Some(q) = ordfraga {
        args.push(q);
        filter.push_str(" AND arende_sok MATCH ?1");
        "arende_sok CROSS JOIN arende a ON a.id = arende_sok.rowid"
    } else {
        "arende a"
    };
    for t in like {
        args.push(format!("% {}%", like_escape(t)));
        filter.push_str(&format!(" AND a.sokindex LIKE ?{} ESCAPE '\\'", args.len()));
    }
    (fran, filter, args)
}
