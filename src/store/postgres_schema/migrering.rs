//! Migrations on the server after the baseline: the same numbered list as SQLite's, each with
//! its PostgreSQL text. A database on a server starts at the baseline ([`super::BASLINJE_VERSION`]);
//! every later migration must be written for both backends and added here under its number.

#[cfg(doc)]
use crate::store::SCHEMA_VERSION;
use crate::store::db::Kopp;
use crate::store::{Resultat, StoreError};

/// One migration on the server: the version it brings the database to, and its SQL.
pub(crate) type Migrering = (i64, fn() -> String);

/// The migrations after the baseline.
pub(crate) const MIGRERINGAR: &[Migrering] = &[
    (27, crate::store::utkast::v27_postgres),
    (28, crate::store::samtidighet::v28_postgres),
    (29, crate::store::samtidighet::v29_postgres),
];

/// Brings the database to version `till` (the program's, [`SCHEMA_VERSION`]), one transaction
/// per migration, each under the unit's write lock, so two programs starting at once migrate once.
pub(crate) fn migrera(kopp: &Kopp, till: i64, lista: &[Migrering]) -> Resultat<()> {
    for mal in kopp.schemaversion()? + 1..=till {
        let Some((_, sql)) = lista.iter().find(|(v, _)| *v == mal) else {
            return Err(StoreError::Regel(format!(
                "Programmet kan inte uppgradera enhetens databas från version {} till {mal}: uppgraderingen \
                 saknas för PostgreSQL. Kontakta systemförvaltaren.",
                mal - 1
            )));
        };
        let tx = kopp.borja_skrivning()?;
        if kopp.schemaversion()? < mal {
            kopp.execute_batch(&sql())?;
            kopp.execute("UPDATE bistand_schema SET version = ?1", [mal])?;
        }
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn ny_kolumn() -> String {
        "ALTER TABLE person ADD COLUMN provkolumn TEXT".into()
    }

    #[test]
    fn every_migration_after_the_baseline_has_its_postgresql_text() {
        let efter: Vec<i64> = MIGRERINGAR.iter().map(|m| m.0).collect();
        let behovs: Vec<i64> =
            (1..=crate::store::SCHEMA_VERSION).filter(|v| *v > super::super::BASLINJE_VERSION).collect();
        assert_eq!(efter, behovs, "a SQLite migration after the PostgreSQL baseline needs its PostgreSQL text");
    }

    /// A later migration runs once, in its own transaction, and a missing one is refused.
    #[test]
    fn a_database_on_the_server_is_brought_up_to_the_programs_version_one_migration_at_a_time() {
        let Ok(url) = std::env::var(crate::store::server::TESTSERVER) else { return };
        let store = Store::open_testschema(&url).unwrap();
        let kopp = store.conn();
        let fran = kopp.schemaversion().unwrap();
        let lista: &[Migrering] = &[(fran + 1, ny_kolumn)];
        migrera(kopp, fran + 1, lista).unwrap();
        assert_eq!(kopp.schemaversion().unwrap(), fran + 1);
        migrera(kopp, fran + 1, lista).unwrap();
        let n: i64 = kopp
            .query_row(
                "SELECT count(*) FROM information_schema.columns WHERE column_name = 'provkolumn'
                        AND table_schema = current_schema()",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "the migration ran once");
        let fel = migrera(kopp, fran + 2, lista).unwrap_err().to_string();
        assert!(fel.contains("uppgraderingen saknas"), "{fel}");
        assert_eq!(kopp.schemaversion().unwrap(), fran + 1, "nothing half done");
    }

    /// A unit database one version behind gets migration 29's version columns (nybesök, the
    /// contact before closing, users) when the program opens it.
    #[test]
    fn a_database_before_migration_29_gets_its_row_versions() {
        let Ok(url) = std::env::var(crate::store::server::TESTSERVER) else { return };
        let store = Store::open_testschema(&url).unwrap();
        let kopp = store.conn();
        let mut sql = String::new();
        for tabell in ["nybesok", "kontakt_forst", "anvandare"] {
            for kolumn in ["version", "andrad_av", "andrad"] {
                sql.push_str(&format!("ALTER TABLE {tabell} DROP COLUMN {kolumn};"));
            }
        }
        sql.push_str(&format!("UPDATE bistand_schema SET version = {};", crate::store::SCHEMA_VERSION - 1));
        kopp.execute_batch(&sql).unwrap();
        migrera(kopp, crate::store::SCHEMA_VERSION, MIGRERINGAR).unwrap();
        let n: i64 = kopp
            .query_row(
                "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema()
                   AND table_name IN ('nybesok', 'kontakt_forst', 'anvandare')
                   AND column_name IN ('version', 'andrad_av', 'andrad')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 9, "version, andrad_av and andrad on all three");
        assert_eq!(kopp.schemaversion().unwrap(), crate::store::SCHEMA_VERSION);
    }
}
