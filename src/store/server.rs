//! The unit's database on a PostgreSQL server (issue 16): opening it, creating its schema on a
//! new empty database, and the private throw-away schemas the tests use.

use super::db::{Kopp, PgKopp, SKRIVLAS};
use super::{Resultat, SCHEMA_VERSION, Store, StoreError};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The environment variable that points the tests at a PostgreSQL server: every private
/// database a test asks for ([`Store::open_in_memory`]) is then a new schema there.
pub const TESTSERVER: &str = "BISTAND_TEST_PG";

/// True for an address the program reads as a server rather than a file.
pub fn ar_serveradress(plats: &str) -> bool {
    plats.starts_with("postgres://") || plats.starts_with("postgresql://")
}

/// The address without its password, for the status bar and messages.
pub fn utan_losenord(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let anvandare = &url[s + 3..at];
            let namn = anvandare.split(':').next().unwrap_or_default();
            format!("{}{namn}@{}", &url[..s + 3], &url[at + 1..])
        }
        _ => url.to_string(),
    }
}

impl Store {
    /// Opens the unit's database at `url` (`postgres://user@host/db`), creating the schema in an
    /// empty database. A database from a newer program is refused.
    /// Drafts written while the server cannot be reached are kept in this computer's local
    /// drafts file for the server ([`super::lokal_utkastfil`]).
    pub fn open_server(url: &str) -> Resultat<Store> {
        Store::open_server_med_utkastfil(url, &super::lokal_utkastfil(url))
    }

    /// As [`Store::open_server`], with the local drafts kept in `utkastfil`. Drafts left there
    /// from a session that ended offline are moved up to the server now.
    pub fn open_server_med_utkastfil(url: &str, utkastfil: &Path) -> Resultat<Store> {
        let kopp = anslut(url)?;
        skapa_eller_kontrollera_schema(&kopp)?;
        let store = Store::med_server(kopp, url, Some(utkastfil.to_path_buf()))?;
        let _ = store.flytta_upp_lokala_utkast();
        Ok(store)
    }

    /// The store over a new connection: it listens for other users' changes, and keeps drafts
    /// in `utkastfil` (None: in memory) while the server cannot be reached.
    fn med_server(kopp: Kopp<'static>, url: &str, utkastfil: Option<PathBuf>) -> Resultat<Store> {
        if let Kopp::Postgres(k) = &kopp {
            k.borrow_mut().forbindelse.sessionssats(&format!("LISTEN {}", super::natverk::KANAL))?;
        }
        let lokala = super::lokala_utkast::LokalaUtkast::ny(utkastfil);
        let mut store = Store {
            kopp,
            sokvag: PathBuf::from(utan_losenord(url)),
            testschema: None,
            lokala: Some(std::cell::RefCell::new(lokala)),
            natverk: Default::default(),
        };
        store.seeda_normtabeller(chrono::Local::now().naive_local())?;
        Ok(store)
    }

    /// A private schema on the test server named by [`TESTSERVER`], dropped with the store.
    pub(super) fn open_testschema(url: &str) -> Resultat<Store> {
        let kopp = anslut(url)?;
        let namn = format!(
            "test_{}_{}",
            std::process::id(),
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos())
        );
        // The trigram extension lives once per database, in public; tests race to create it.
        kopp.execute_batch(&format!(
            "BEGIN; SELECT pg_advisory_xact_lock({SKRIVLAS}); CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public; COMMIT;
             CREATE SCHEMA {namn};"
        ))?;
        if let Kopp::Postgres(k) = &kopp {
            // A connection made again after a break gets the schema too.
            k.borrow_mut().forbindelse.sessionssats(&format!("SET search_path TO {namn}, public"))?;
        }
        skapa_eller_kontrollera_schema(&kopp)?;
        let mut store = Store::med_server(kopp, url, None)?;
        store.testschema = Some(namn);
        Ok(store)
    }

    /// Drops a test's private schema (see [`Store::open_testschema`]).
    pub(super) fn stang_testschema(&mut self) {
        if let Some(namn) = self.testschema.take() {
            let _ = self.kopp.execute_batch(&format!("DROP SCHEMA IF EXISTS {namn} CASCADE"));
        }
    }
}

/// Connects, in Swedish when it cannot. The server must answer within five seconds.
fn anslut(url: &str) -> Resultat<Kopp<'static>> {
    let mut config: postgres::Config = url.parse().map_err(|_| StoreError::KanInteOppna {
        sokvag: PathBuf::from(utan_losenord(url)),
        orsak: "adressen är inte en giltig postgres://-adress".into(),
    })?;
    // A dead peer is noticed within about ten seconds rather than the system's two hours.
    config
        .connect_timeout(Duration::from_secs(5))
        .application_name("bistand")
        .keepalives_idle(Duration::from_secs(5))
        .keepalives_interval(Duration::from_secs(2))
        .keepalives_retries(3)
        .tcp_user_timeout(Duration::from_secs(15));
    let klient = config.connect(postgres::NoTls).map_err(|e| {
        let orsak = match e.as_db_error() {
            Some(d) if d.code().code() == "28P01" || d.code().code() == "28000" => {
                "servern godtog inte användaren eller lösenordet".to_string()
            }
            Some(d) if d.code().code() == "3D000" => "databasen finns inte på servern".to_string(),
            _ => "servern svarar inte".to_string(),
        };
        StoreError::IngenKontakt(orsak)
    })?;
    Ok(Kopp::Postgres(RefCell::new(PgKopp::med_config(klient, config))))
}

/// An empty database gets the program's schema; a Bistånd database must be this program's
/// version (a newer one is refused; there is no older PostgreSQL schema yet).
fn skapa_eller_kontrollera_schema(kopp: &Kopp) -> Resultat<()> {
    let tx = kopp.borja_skrivning()?;
    let finns: bool = kopp.query_row("SELECT to_regclass('bistand_schema') IS NOT NULL", [], |r| r.get(0))?;
    if finns {
        drop(tx);
        let version = kopp.schemaversion()?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::NyareSchema { databas: version, program: SCHEMA_VERSION });
        }
        if version < SCHEMA_VERSION {
            return Err(StoreError::Regel(format!(
                "Enhetens databas har version {version} och programmet version {SCHEMA_VERSION}; uppgradera databasen \
                 med samma version av programmet som skapade den."
            )));
        }
        return Ok(());
    }
    let tabeller: i64 = kopp.query_row(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()",
        [],
        |r| r.get(0),
    )?;
    if tabeller > 0 {
        return Err(StoreError::Regel(
            "Databasen på servern innehåller redan tabeller som inte är Bistånds. Välj en tom databas.".into(),
        ));
    }
    kopp.execute_batch(&super::postgres_schema::baslinje())?;
    tx.commit()?;
    Ok(())
}
