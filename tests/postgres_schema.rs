//! The PostgreSQL baseline against SQLite's schema (issue 16): the same tables and columns,
//! indexes, keys and triggers; the rules refuse with the same Swedish words; the same rows give
//! byte for byte the same tamper chain and statistics summary.
//!
//! Runs against the server in BISTAND_TEST_PG (`.ci/postgres.sh start` makes one); each test
//! creates a database of its own there and drops it afterwards. Without it the tests pass empty.

use bistand::store::SCHEMA_VERSION;
use bistand::store::migrera_till;
use bistand::store::postgres_schema::{kedjeinnehall, nytt_schema};
use postgres::{Client, NoTls};
use rusqlite::Connection;
use std::collections::BTreeSet;
use std::time::{SystemTime, UNIX_EPOCH};

/// A database of its own on the test server, dropped when the test ends (also on failure).
struct Testdatabas {
    url: String,
    namn: String,
    klient: Client,
}

impl Testdatabas {
    fn ny() -> Option<Testdatabas> {
        let Ok(url) = std::env::var("BISTAND_TEST_PG") else {
            println!("BISTAND_TEST_PG saknas: PostgreSQL-testerna hoppas över");
            return None;
        };
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let namn = format!("bistand_test_{}_{nanos}", std::process::id());
        let mut admin = Client::connect(&url, NoTls).expect("the test server in BISTAND_TEST_PG answers");
        admin
            .batch_execute(&format!("CREATE DATABASE {namn} ENCODING 'UTF8' TEMPLATE template0"))
            .expect("a test database can be created");
        let mut config: postgres::Config = url.parse().expect("BISTAND_TEST_PG is a postgres:// URL");
        config.dbname(&namn);
        let klient = config.connect(NoTls).expect("the new test database opens");
        Some(Testdatabas { url, namn, klient })
    }

    /// A new database with the program's schema (the baseline and the later migrations) applied
    /// in one transaction.
    fn med_baslinje() -> Option<Testdatabas> {
        let mut db = Testdatabas::ny()?;
        let mut tx = db.klient.transaction().unwrap();
        tx.batch_execute(&nytt_schema()).unwrap_or_else(|e| panic!("the schema runs: {e:?}"));
        tx.commit().unwrap();
        Some(db)
    }
}

impl Drop for Testdatabas {
    fn drop(&mut self) {
        if let Ok(mut admin) = Client::connect(&self.url, NoTls) {
            let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.namn));
        }
    }
}

/// SQLite as the program's migrations leave it.
fn sqlite() -> Connection {
    let mut conn = Connection::open_in_memory().unwrap();
    migrera_till(&mut conn, SCHEMA_VERSION).unwrap();
    conn
}

/// SQLite's own tables (not the full-text index's).
fn sqlite_tabeller(conn: &Connection) -> Vec<String> {
    conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name NOT LIKE 'arende_sok%' AND name NOT LIKE 'arende_tri%' ORDER BY name",
    )
    .unwrap()
    .query_map([], |r| r.get(0))
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// A column as both sides describe it: name, type, not null, default.
type Kolumn = (String, String, bool, Option<String>);

fn sqlite_kolumner(conn: &Connection, tabell: &str) -> Vec<Kolumn> {
    conn.prepare(&format!("PRAGMA table_info({tabell})"))
        .unwrap()
        .query_map([], |r| {
            let typ: String = r.get(2)?;
            let typ = match typ.as_str() {
                "INTEGER" => "bigint",
                "TEXT" => "text",
                "BLOB" => "bytea",
                "REAL" => "double precision",
                annan => panic!("{tabell}: unknown type {annan}"),
            };
            // A primary key column is NOT NULL in PostgreSQL (SQLite lets some hold NULL).
            let not_null = r.get::<_, bool>(3)? || r.get::<_, i64>(5)? > 0;
            Ok((r.get(1)?, typ.to_string(), not_null, r.get(4)?))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn pg_kolumner(pg: &mut Client, tabell: &str) -> Vec<Kolumn> {
    pg.query(
        "SELECT column_name::text, data_type::text, is_nullable = 'NO', column_default::text
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
        &[&tabell],
    )
    .unwrap()
    .iter()
    .map(|r| {
        // '' and 0 as SQLite writes them: without PostgreSQL's casts.
        let standard: Option<String> =
            r.get::<_, Option<String>>(3).map(|d| d.trim_end_matches("::text").trim_end_matches("::bigint").into());
        (r.get(0), r.get(1), r.get(2), standard)
    })
    .collect()
}

#[test]
fn the_baseline_has_sqlites_tables_columns_indexes_keys_and_triggers() {
    let Some(mut db) = Testdatabas::med_baslinje() else { return };
    let pg = &mut db.klient;
    let version: i64 = pg.query_one("SELECT version FROM bistand_schema", &[]).unwrap().get(0);
    assert_eq!(version, SCHEMA_VERSION);

    let lite = sqlite();
    let tabeller = sqlite_tabeller(&lite);
    let pg_tabeller: Vec<String> = pg
        .query(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'
               AND table_name <> 'bistand_schema' ORDER BY 1",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(pg_tabeller, tabeller);
    for t in &tabeller {
        assert_eq!(pg_kolumner(pg, t), sqlite_kolumner(&lite, t), "table {t}");
    }
    assert_eq!(pg_index(pg), sqlite_index(&lite), "indexes");
    assert_eq!(pg_nycklar(pg), sqlite_nycklar(&lite, &tabeller), "foreign keys");
    assert_eq!(pg_unika(pg), sqlite_unika(&lite, &tabeller), "primary keys and unique constraints");

    // Every SQLite trigger but the full-text index's has its PostgreSQL trigger, named the same
    // after an order number (`regel_07_journal_andras_aldrig`, `kedja_12_journal_0`).
    let pg_triggers: BTreeSet<String> = pg
        // The change notifications (`*_meddela`, issue 16) have no SQLite counterpart.
        .query(
            "SELECT DISTINCT trigger_name::text FROM information_schema.triggers WHERE trigger_name NOT LIKE '%_meddela'",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| {
            let namn: String = r.get(0);
            let delar: Vec<&str> = namn.splitn(3, '_').collect();
            match delar.as_slice() {
                ["regel", nr, rest] if nr.parse::<u32>().is_ok() => rest.to_string(),
                ["kedja", nr, rest] if nr.parse::<u32>().is_ok() => format!("kedja_{rest}"),
                _ => namn,
            }
        })
        .collect();
    let sqlite_triggers: BTreeSet<String> = lite
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'
               AND name NOT LIKE 'arende_sok%' AND name NOT LIKE 'arende_tri%'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(pg_triggers, sqlite_triggers);
}

fn sqlite_index(conn: &Connection) -> BTreeSet<(String, String, Vec<String>)> {
    let namn: Vec<(String, String)> = conn
        .prepare("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    namn.into_iter()
        .map(|(index, tabell)| {
            let kolumner = conn
                .prepare(&format!("PRAGMA index_info({index})"))
                .unwrap()
                .query_map([], |r| r.get(2))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            (index, tabell, kolumner)
        })
        .collect()
}

/// PostgreSQL's indexes that are not a key's (and not the search's trigram index).
fn pg_index(pg: &mut Client) -> BTreeSet<(String, String, Vec<String>)> {
    pg.query(
        "SELECT i.relname::text, t.relname::text,
                array_agg(a.attname::text ORDER BY k.n)
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace s ON s.oid = t.relnamespace AND s.nspname = 'public'
         CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY k(attnum, n)
         JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
         WHERE NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
           AND i.relname <> 'arende_sokindex_tri'
         GROUP BY 1, 2",
        &[],
    )
    .unwrap()
    .iter()
    .map(|r| (r.get(0), r.get(1), r.get(2)))
    .collect()
}

/// Foreign keys as (table, columns, referenced table, referenced columns).
type Nyckel = (String, Vec<String>, String, Vec<String>);

fn sqlite_nycklar(conn: &Connection, tabeller: &[String]) -> BTreeSet<Nyckel> {
    let mut nycklar = BTreeSet::new();
    for t in tabeller {
        let rader: Vec<(i64, String, String, String)> = conn
            .prepare(&format!("PRAGMA foreign_key_list({t})"))
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(2)?, r.get(3)?, r.get(4)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let ids: BTreeSet<i64> = rader.iter().map(|r| r.0).collect();
        for id in ids {
            let delar: Vec<_> = rader.iter().filter(|r| r.0 == id).collect();
            nycklar.insert((
                t.clone(),
                delar.iter().map(|r| r.2.clone()).collect(),
                delar[0].1.clone(),
                delar.iter().map(|r| r.3.clone()).collect(),
            ));
        }
    }
    nycklar
}

fn pg_nycklar(pg: &mut Client) -> BTreeSet<Nyckel> {
    pg.query(
        "SELECT t.relname::text,
                (SELECT array_agg(a.attname::text ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n)
                   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum),
                r.relname::text,
                (SELECT array_agg(a.attname::text ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, n)
                   JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum)
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
         WHERE c.contype = 'f'",
        &[],
    )
    .unwrap()
    .iter()
    .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
    .collect()
}

/// Primary keys and UNIQUE constraints as (table, columns).
fn sqlite_unika(conn: &Connection, tabeller: &[String]) -> BTreeSet<(String, Vec<String>)> {
    let mut unika = BTreeSet::new();
    for t in tabeller {
        let mut pk: Vec<(i64, String)> = conn
            .prepare(&format!("PRAGMA table_info({t})"))
            .unwrap()
            .query_map([], |r| Ok((r.get(5)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap()
            .into_iter()
            .filter(|(nr, _)| *nr > 0)
            .collect();
        pk.sort();
        unika.insert((t.clone(), pk.into_iter().map(|(_, k)| k).collect()));
        let index: Vec<(String, String)> = conn
            .prepare(&format!("PRAGMA index_list({t})"))
            .unwrap()
            .query_map([], |r| Ok((r.get(1)?, r.get(3)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        for (namn, _) in index.iter().filter(|(_, ursprung)| ursprung == "u") {
            let kolumner = conn
                .prepare(&format!("PRAGMA index_info({namn})"))
                .unwrap()
                .query_map([], |r| r.get(2))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            unika.insert((t.clone(), kolumner));
        }
    }
    unika
}

fn pg_unika(pg: &mut Client) -> BTreeSet<(String, Vec<String>)> {
    pg.query(
        "SELECT t.relname::text,
                (SELECT array_agg(a.attname::text ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n)
                   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum)
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_namespace s ON s.oid = t.relnamespace AND s.nspname = 'public'
         WHERE c.contype IN ('p', 'u') AND t.relname <> 'bistand_schema'",
        &[],
    )
    .unwrap()
    .iter()
    .map(|r| (r.get(0), r.get(1)))
    .collect()
}

#[path = "postgres_schema/rader.rs"]
mod rader;
