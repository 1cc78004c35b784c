//! The program's role on the unit's server owns nothing: it works the cases, but cannot delete
//! a journal entry, switch off or drop the triggers that keep the records append-only, or empty
//! a table – whatever it sends.

mod gemensamt;

use bistand::store::Store;
use bistand::store::server::{TESTSERVER, ge_behorighet};

#[test]
fn the_programs_role_works_the_cases_but_cannot_remove_or_switch_off_the_records_rules() {
    let Ok(bas) = std::env::var(TESTSERVER) else {
        println!("{TESTSERVER} saknas: PostgreSQL-testerna hoppas över");
        return;
    };
    let namn = format!("beh_{}", std::process::id());
    let roll = format!("bistand_app_{}", std::process::id());
    let mut agare = postgres::Client::connect(&bas, postgres::NoTls).unwrap();
    for sql in [format!("DROP DATABASE IF EXISTS {namn}"), format!("CREATE DATABASE {namn}")] {
        agare.batch_execute(&sql).unwrap();
    }
    agare.batch_execute(&format!("DROP ROLE IF EXISTS {roll}")).unwrap();
    agare.batch_execute(&format!("CREATE ROLE {roll} LOGIN")).unwrap();
    let db_url = format!("{}/{namn}", bas.rsplit_once('/').unwrap().0);
    // IT: the tables are made by the owner, then the program's role gets its rights.
    drop(Store::open(std::path::Path::new(&db_url)).unwrap());
    ge_behorighet(&db_url, &roll).unwrap();
    assert!(ge_behorighet(&db_url, "Robert'); DROP TABLE journal; --").is_err(), "a role name is checked");

    // The program, logged in as its role, does a unit's work.
    let app_url = med_anvandare(&db_url, &roll);
    let mut store = Store::open(std::path::Path::new(&app_url)).unwrap();
    gemensamt::bygg_demo(&mut store, 20, 3);
    assert!(store.kontroll().unwrap().problem.is_empty());
    drop(store);

    let mut app = postgres::Client::connect(&app_url, postgres::NoTls).unwrap();
    let trigger: String = app
        .query_one(
            "SELECT tgname::text FROM pg_trigger WHERE tgrelid = 'journal'::regclass AND NOT tgisinternal LIMIT 1",
            &[],
        )
        .unwrap()
        .get(0);
    for sql in [
        "DELETE FROM journal".to_string(),
        "DELETE FROM beslut".to_string(),
        "TRUNCATE handelselogg".to_string(),
        "ALTER TABLE journal DISABLE TRIGGER ALL".to_string(),
        format!("DROP TRIGGER {trigger} ON journal"),
        "DROP TABLE kedja".to_string(),
    ] {
        let fel = app.batch_execute(&sql).unwrap_err();
        let kod = fel.code().map(|k| k.code().to_string()).unwrap_or_default();
        assert!(kod == "42501", "{sql}: refused for want of rights, got {fel:?}");
    }
    drop(app);
    let _ = agare.batch_execute(&format!("DROP DATABASE {namn} WITH (FORCE)"));
    let _ = agare.batch_execute(&format!("DROP ROLE {roll}"));
}

/// The address `url` with `anvandare` as its user.
fn med_anvandare(url: &str, anvandare: &str) -> String {
    let (schema, rest) = url.split_once("://").unwrap();
    let vard = rest.split_once('@').map_or(rest, |(_, v)| v);
    format!("{schema}://{anvandare}@{vard}")
}
