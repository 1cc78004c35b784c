//! The schema of a unit's shared PostgreSQL database (issue 16): one baseline equal to what
//! SQLite has after all migrations ([`BASLINJE_VERSION`]), created in one transaction.
//!
//! - Tables, columns (same order), NOT NULL, defaults, CHECKs, keys and indexes as SQLite's
//!   (`tabeller`); dates and times stay ISO text, amounts integer öre.
//! - SQLite's `PRAGMA user_version` is the one row of `bistand_schema`.
//! - Names sort with the ICU collation `svenska` (queries say `COLLATE SVENSKA`).
//! - The case search's full-text tables are a trigram index on `arende.sokindex` (pg_trgm).
//! - Every rule trigger raises SQLite's Swedish text with SQLSTATE P0001 (`regler`).
//! - The tamper chain's triggers are generated from the same list as SQLite's (`kedja`) and give
//!   the same `innehall` and `hash`; they serialize on the advisory lock [`KEDJELAS`].
//! - The statistics summary `bistandsmanad` is kept by triggers as in SQLite (`bistandsmanad`).

pub mod behorighet;
mod bistandsmanad;
pub(crate) mod kedja;
pub(crate) mod migrering;
mod notify;
mod regler;
mod tabeller;

pub use kedja::innehall as kedjeinnehall;
pub use regler::LAS as KEDJELAS;

/// The SQLite schema version the baseline equals.
/// Fixed once a unit runs on a server: from then on every new migration is written for both
/// backends and listed in [`migrering::MIGRERINGAR`] (a test checks that none is missing).
pub const BASLINJE_VERSION: i64 = 26;

/// The whole DDL of a new unit database, to run in one transaction on an empty database.
pub fn baslinje() -> String {
    let tabeller = tabeller::TABELLER.replace(" TEXT", " TEXT COLLATE \"C\"");
    format!(
        "CREATE COLLATION IF NOT EXISTS svenska (provider = icu, locale = 'sv-SE');
         CREATE TABLE bistand_schema (version BIGINT NOT NULL);
         {tabeller}
         {sok}
         {regler}
         {kedja}
         {manad}
         {notify}
         INSERT INTO bistand_schema (version) VALUES ({BASLINJE_VERSION});\n",
        sok = tabeller::SOK,
        regler = regler::sql(),
        kedja = kedja::sql(),
        manad = bistandsmanad::sql(),
        notify = notify::sql(),
    )
}

/// The whole DDL of a new unit database at the program's version, to run in one transaction on
/// an empty database: the baseline and every migration after it ([`migrering::MIGRERINGAR`]).
pub fn nytt_schema() -> String {
    let mut sql = baslinje();
    let senare =
        migrering::MIGRERINGAR.iter().filter(|(v, _)| *v > BASLINJE_VERSION && *v <= crate::store::SCHEMA_VERSION);
    for (version, migrering) in senare {
        sql.push_str(&format!("{};\nUPDATE bistand_schema SET version = {version};\n", migrering()));
    }
    sql
}

/// The tables whose `id` is an identity column (a surrogate key, SQLite's rowid).
fn identitetstabeller() -> impl Iterator<Item = &'static str> {
    tabeller::TABELLER.split("CREATE TABLE ").skip(1).filter_map(|t| {
        let (namn, resten) = t.split_once(" (")?;
        resten.trim_start().starts_with("id ").then_some(namn).filter(|_| resten.contains("AS IDENTITY"))
    })
}

/// Moves every identity column's next value past the largest id written: needed after rows
/// were inserted with their ids given (a unit moved from SQLite), or the next row would take an
/// id already used.
pub fn synka_identiteter() -> String {
    identitetstabeller()
        .map(|t| {
            format!("SELECT setval(pg_get_serial_sequence('{t}', 'id'), coalesce(max(id), 0) + 1, false) FROM {t};\n")
        })
        .collect()
}
