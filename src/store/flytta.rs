//! Moving a unit from its SQLite file to the unit's PostgreSQL server (`bistand flytta`): every
//! row copied as it is, then counted, summed and the hash chain walked on the server.

use super::db::{Kopp, Varde};
use super::{Resultat, Store, StoreError};
use rusqlite::types::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// What was moved and checked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Flyttrapport {
    /// Rows per table, equal on both sides.
    pub rader: BTreeMap<String, i64>,
    /// Sums of every amount column (`tabell.kolumn`, öre), equal on both sides.
    pub summor: BTreeMap<String, i64>,
    /// Chain rows and the newest hash, the same on both sides.
    pub kedjeposter: i64,
    pub ankare: String,
}

/// Rows sent in one INSERT.
const SATS: usize = 200;

/// Copies the healthy SQLite database `fran` into the empty database at `till` in one
/// transaction and checks the copy; a target that is not empty is refused.
pub fn flytta(fran: &Path, till: &str) -> Resultat<Flyttrapport> {
    if !fran.is_file() {
        return Err(StoreError::Saknas(format!("Filen {} finns inte.", fran.display())));
    }
    let kalla = Store::open(fran)?;
    let halsa = kalla.kontroll()?;
    if !halsa.problem.is_empty() {
        return Err(StoreError::Regel(format!(
            "Databasen {} har fel och flyttas inte: {}",
            fran.display(),
            halsa.problem.join("; ")
        )));
    }
    let Some(lasare) = kalla.conn().sqlite() else {
        return Err(StoreError::Regel("--fran ska vara en databasfil, inte en server.".into()));
    };
    let mal = super::server::anslut_tom(till)?;
    let tx = mal.borja_skrivning()?;
    mal.execute_batch(&super::postgres_schema::nytt_schema())?;
    let mut rapport = Flyttrapport::default();
    for tabell in tabeller_i_ordning(lasare)? {
        let (n, summor) = kopiera(lasare, &mal, &tabell)?;
        rapport.rader.insert(tabell.clone(), n);
        rapport.summor.extend(summor);
    }
    // New rows on the server continue after the ids copied.
    mal.execute_batch(&super::postgres_schema::synka_identiteter())?;
    jamfor(&mal, &rapport)?;
    let kedja = super::kedja::verifiera(&mal)?;
    if !kedja.problem.is_empty() || kedja.ankare != halsa.ankare {
        return Err(StoreError::Regel(format!(
            "Kontrollkedjan stämmer inte efter flytten ({}); inget har sparats på servern.",
            kedja.problem.join("; ")
        )));
    }
    (rapport.kedjeposter, rapport.ankare) = (kedja.poster, kedja.ankare);
    tx.commit()?;
    // The server plans queries from its statistics of the tables, which a bulk copy leaves
    // empty until autovacuum comes by; the unit's first searches should not wait for that.
    mal.execute_batch("ANALYZE")?;
    Ok(rapport)
}

/// The tables to copy, a table after the tables it refers to; SQLite's search index tables are
/// left out (the server indexes the search text itself).
fn tabeller_i_ordning(conn: &rusqlite::Connection) -> Resultat<Vec<String>> {
    let alla: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND name NOT LIKE 'arende_sok%' AND name NOT LIKE 'arende_tri%' ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut ordning: Vec<String> = Vec::new();
    while ordning.len() < alla.len() {
        let fore = ordning.len();
        for t in &alla {
            let beroenden: Vec<String> = conn
                .prepare(&format!("SELECT \"table\" FROM pragma_foreign_key_list('{t}')"))?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            if !ordning.contains(t) && beroenden.iter().all(|b| b == t || ordning.contains(b)) {
                ordning.push(t.clone());
            }
        }
        if ordning.len() == fore {
            return Err(StoreError::Regel(
                "Tabellernas främmande nycklar går i cirkel; databasen flyttas inte.".into(),
            ));
        }
    }
    Ok(ordning)
}

/// Copies one table with its triggers off (the rows, chain rows included, are copied as they
/// are; nothing is recomputed) and returns its row count and amount sums.
fn kopiera(kalla: &rusqlite::Connection, mal: &Kopp, tabell: &str) -> Resultat<(i64, Vec<(String, i64)>)> {
    let kolumner: Vec<String> = kalla
        .prepare(&format!("SELECT name FROM pragma_table_info('{tabell}') ORDER BY cid"))?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let lista = kolumner.join(", ");
    mal.execute_batch(&format!("ALTER TABLE {tabell} DISABLE TRIGGER USER"))?;
    let mut stmt = kalla.prepare(&format!("SELECT {lista} FROM {tabell}"))?;
    let mut rader = stmt.query([])?;
    let mut satsen: Vec<Value> = Vec::new();
    let mut antal = 0i64;
    while let Some(r) = rader.next()? {
        for i in 0..kolumner.len() {
            satsen.push(r.get::<_, Value>(i)?);
        }
        antal += 1;
        if satsen.len() >= SATS * kolumner.len() {
            skriv_sats(mal, tabell, &lista, kolumner.len(), &satsen)?;
            satsen.clear();
        }
    }
    skriv_sats(mal, tabell, &lista, kolumner.len(), &satsen)?;
    mal.execute_batch(&format!("ALTER TABLE {tabell} ENABLE TRIGGER USER"))?;
    let mut summor = Vec::new();
    for k in kolumner.iter().filter(|k| k.ends_with("_ore")) {
        let summa: i64 = kalla.query_row(&format!("SELECT coalesce(sum({k}), 0) FROM {tabell}"), [], |r| r.get(0))?;
        summor.push((format!("{tabell}.{k}"), summa));
    }
    Ok((antal, summor))
}

fn skriv_sats(mal: &Kopp, tabell: &str, lista: &str, bredd: usize, varden: &[Value]) -> Resultat<()> {
    if varden.is_empty() {
        return Ok(());
    }
    let rader: Vec<String> = (0..varden.len() / bredd)
        .map(|r| {
            let platser: Vec<String> = (1..=bredd).map(|k| format!("?{}", r * bredd + k)).collect();
            format!("({})", platser.join(", "))
        })
        .collect();
    let p: Vec<Varde<'_>> = varden
        .iter()
        .map(|v| match v {
            Value::Null => Varde::Null,
            Value::Integer(i) => Varde::Heltal(*i),
            Value::Real(f) => Varde::Real(*f),
            Value::Text(t) => Varde::Text(t),
            Value::Blob(b) => Varde::Blob(b),
        })
        .collect();
    mal.execute(&format!("INSERT INTO {tabell} ({lista}) VALUES {}", rader.join(", ")), p)?;
    Ok(())
}

/// The server's counts and sums must be the file's.
fn jamfor(mal: &Kopp, rapport: &Flyttrapport) -> Resultat<()> {
    for (tabell, n) in &rapport.rader {
        let pa_servern: i64 = mal.query_row(&format!("SELECT count(*) FROM {tabell}"), [], |r| r.get(0))?;
        if pa_servern != *n {
            return Err(StoreError::Regel(format!(
                "Tabellen {tabell} har {pa_servern} rader på servern men {n} i filen; inget har sparats."
            )));
        }
    }
    for (falt, summa) in &rapport.summor {
        let (tabell, kolumn) = falt.split_once('.').unwrap_or_default();
        let pa_servern: i64 =
            mal.query_row(&format!("SELECT coalesce(sum({kolumn}), 0) FROM {tabell}"), [], |r| r.get(0))?;
        if pa_servern != *summa {
            return Err(StoreError::Regel(format!(
                "Summan av {falt} är {pa_servern} öre på servern men {summa} öre i filen; inget har sparats."
            )));
        }
    }
    Ok(())
}
