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
        Store::forbered_server(url, utkastfil)?.oppna()
    }

    /// The part of opening the unit's database that waits for the network (connecting, the
    /// schema), to run on a thread of its own; [`Serverstart::oppna`] makes the store of it.
    pub fn forbered_server(url: &str, utkastfil: &Path) -> Resultat<Serverstart> {
        let kopp = anslut(url)?;
        skapa_eller_kontrollera_schema(&kopp)?;
        match kopp {
            Kopp::Postgres(k) => Ok(Serverstart { kopp: k.into_inner(), url: url.into(), utkastfil: utkastfil.into() }),
            Kopp::Sqlite(_) => Err(StoreError::Regel(format!("{} är ingen server.", utan_losenord(url)))),
        }
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
            // The whole address: background work (statistics, letters, backups) opens its own
            // connection from it. What the window shows is [`Store::visningsnamn`].
            sokvag: PathBuf::from(url),
            testschema: None,
            lokala: Some(std::cell::RefCell::new(lokala)),
            natverk: Default::default(),
        };
        store.seeda_normtabeller(chrono::Local::now().naive_local())?;
        Ok(store)
    }

    /// A private schema on the test server named by [`TESTSERVER`], dropped with the store.
    pub(crate) fn open_testschema(url: &str) -> Resultat<Store> {
        let namn = format!(
            "test_{}_{}",
            std::process::id(),
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos())
        );
        let mut store = Store::open_testdatabas(url, &namn)?;
        store.testschema = Some(namn);
        Ok(store)
    }

    /// The schema `namn` on the test server, made on first use and kept when the store closes,
    /// so a test can open "the same database" again (the tests' stand-in for a file).
    pub fn open_testdatabas(url: &str, namn: &str) -> Resultat<Store> {
        // The trigram extension lives once per database, in public; tests race to create it.
        anslut(url)?.execute_batch(&format!(
            "BEGIN; SELECT pg_advisory_xact_lock({SKRIVLAS});
             CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public; CREATE SCHEMA IF NOT EXISTS {namn}; COMMIT;"
        ))?;
        // The schema goes in the address: every connection made from it, again after a break or
        // by background work from the store's address, lands in the same schema.
        let skiljetecken = if url.contains('?') { '&' } else { '?' };
        let url = format!("{url}{skiljetecken}options=-csearch_path%3D{namn}%2Cpublic");
        let kopp = anslut(&url)?;
        skapa_eller_kontrollera_schema(&kopp)?;
        Store::med_server(kopp, &url, None)
    }

    /// Drops a test's private schema (see [`Store::open_testschema`]).
    pub(super) fn stang_testschema(&mut self) {
        if let Some(namn) = self.testschema.take() {
            let _ = self.kopp.execute_batch(&format!("DROP SCHEMA IF EXISTS {namn} CASCADE"));
        }
    }
}

/// A connection to an empty database on the server (the target of `bistand flytta`); a
/// database with any table in it is refused.
pub(super) fn anslut_tom(url: &str) -> Resultat<Kopp<'static>> {
    let kopp = anslut(url)?;
    let tabeller = tabeller_i_schemat(&kopp)?;
    if tabeller > 0 {
        return Err(StoreError::Regel(format!(
            "Databasen {} är inte tom ({tabeller} tabeller). Flytta bara till en ny, tom databas.",
            utan_losenord(url)
        )));
    }
    Ok(kopp)
}

/// Gives the program's role `roll` its rights in the unit's database at `url` (run by the
/// tables' owner, the unit's IT): rows, but no tables, triggers or emptying (see
/// `postgres_schema::behorighet`).
pub fn ge_behorighet(url: &str, roll: &str) -> Resultat<()> {
    use super::postgres_schema::behorighet;
    if !behorighet::giltig_roll(roll) {
        return Err(StoreError::Regel(format!(
            "Rollen \"{roll}\" går inte att använda: skriv ett namn med små bokstäver a–z, siffror och _."
        )));
    }
    let kopp = anslut(url)?;
    skapa_eller_kontrollera_schema(&kopp)?;
    kopp.execute_batch(&behorighet::sql(roll))?;
    Ok(())
}

/// The unit's database, connected and its schema checked, not yet a store (it can be sent from
/// the thread that waited for the server to the window's).
pub struct Serverstart {
    kopp: PgKopp,
    url: String,
    utkastfil: PathBuf,
}

impl Serverstart {
    /// The store: it listens for other users' changes, and drafts left on the computer from a
    /// session that ended offline are moved up to the server now.
    pub fn oppna(self) -> Resultat<Store> {
        let store = Store::med_server(Kopp::Postgres(RefCell::new(self.kopp)), &self.url, Some(self.utkastfil))?;
        let _ = store.flytta_upp_lokala_utkast();
        Ok(store)
    }
}

impl Store {
    /// Where the database is, as the window shows it (a server's address without a password).
    pub fn visningsnamn(&self) -> String {
        utan_losenord(&self.sokvag.to_string_lossy())
    }
}

/// How many tables the database's schema holds (an empty one gets the program's schema).
fn tabeller_i_schemat(kopp: &Kopp) -> Resultat<i64> {
    Ok(kopp.query_row(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()",
        [],
        |r| r.get(0),
    )?)
}

/// How long a statement sent may go unacknowledged before the connection counts as broken
/// (TCP_USER_TIMEOUT). On a half-dead network (packets dropped, no reset) a read from the window
/// waits this long before it fails as "Ingen kontakt" and the drafts go to the computer: measured
/// 15.1 s with 15 s, 5.1 s with 5 s (`examples/halvdott.rs`). On a working network a segment is
/// acknowledged within milliseconds, and TCP has retransmitted four or five times in 5 s.
pub const ANVANDARTIDSGRANS: Duration = Duration::from_secs(5);

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
        .tcp_user_timeout(ANVANDARTIDSGRANS);
    let lokal = ar_lokal(&config);
    let klient = koppla(&config).map_err(|e| {
        // The server answered and said no: not a network fault, and trying again will not help.
        let nej = |orsak: &str| {
            StoreError::Regel(format!(
                "Enhetens databas {} kan inte öppnas: {orsak}. Kontakta systemförvaltaren.",
                utan_losenord(url)
            ))
        };
        match e.as_db_error() {
            Some(d) if d.code().code() == "28P01" || d.code().code() == "28000" => {
                nej("servern godtog inte användaren eller lösenordet")
            }
            Some(d) if d.code().code() == "3D000" => nej("databasen finns inte på servern"),
            _ if !lokal => {
                StoreError::IngenKontakt("servern svarar inte, eller kan inte kryptera anslutningen (TLS)".into())
            }
            _ => StoreError::IngenKontakt("servern svarar inte".into()),
        }
    })?;
    Ok(Kopp::Postgres(RefCell::new(PgKopp::med_config(klient, config))))
}

/// True when every host of the address is this computer: only then may the connection go
/// unencrypted.
fn ar_lokal(config: &postgres::Config) -> bool {
    use postgres::config::Host;
    config.get_hosts().iter().all(|h| match h {
        Host::Tcp(namn) => matches!(namn.as_str(), "localhost" | "127.0.0.1" | "::1"),
        #[cfg(unix)]
        Host::Unix(_) => true,
    })
}

/// Connects as `config` says: unencrypted only to this computer, else TLS with the system's
/// root certificates (where a municipality installs its own CA). Reconnecting uses it too.
pub(crate) fn koppla(config: &postgres::Config) -> Result<postgres::Client, postgres::Error> {
    if ar_lokal(config) {
        return config.connect(postgres::NoTls);
    }
    let mut config = config.clone();
    config.ssl_mode(postgres::config::SslMode::Require);
    config.connect(tls())
}

fn tls() -> tokio_postgres_rustls::MakeRustlsConnect {
    // Once per process; a second call finds it installed.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut rotter = rustls::RootCertStore::empty();
    rotter.add_parsable_certificates(rustls_native_certs::load_native_certs().certs);
    let config = rustls::ClientConfig::builder().with_root_certificates(rotter).with_no_client_auth();
    tokio_postgres_rustls::MakeRustlsConnect::new(config)
}

/// An empty database gets the program's schema (the baseline, then the later migrations); a
/// Bistånd database is brought up to this program's version (a newer one is refused).
fn skapa_eller_kontrollera_schema(kopp: &Kopp) -> Resultat<()> {
    let tx = kopp.borja_skrivning()?;
    let finns: bool = kopp.query_row(
        "SELECT to_regclass(quote_ident(current_schema()) || '.bistand_schema') IS NOT NULL",
        [],
        |r| r.get(0),
    )?;
    if !finns {
        let tabeller = tabeller_i_schemat(kopp)?;
        if tabeller > 0 {
            return Err(StoreError::Regel(
                "Databasen på servern innehåller redan tabeller som inte är Bistånds. Välj en tom databas.".into(),
            ));
        }
        kopp.execute_batch(&super::postgres_schema::nytt_schema())?;
    }
    tx.commit()?;
    let version = kopp.schemaversion()?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::NyareSchema { databas: version, program: SCHEMA_VERSION });
    }
    // A new database starts at the baseline and takes the later migrations like any other.
    use super::postgres_schema::migrering::{MIGRERINGAR, migrera};
    migrera(kopp, SCHEMA_VERSION, MIGRERINGAR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_never_shows_a_password() {
        assert_eq!(utan_losenord("postgres://kalle:hemligt@db.kommun.se/enhet"), "postgres://kalle@db.kommun.se/enhet");
        assert_eq!(utan_losenord("postgres://kalle@db/enhet"), "postgres://kalle@db/enhet");
        assert_eq!(utan_losenord("/home/kalle/bistand.db"), "/home/kalle/bistand.db");
        assert!(ar_serveradress("postgresql://db/enhet") && !ar_serveradress("enhet.db"));
    }

    #[test]
    fn only_this_computer_is_reached_without_tls() {
        let lokal = |url: &str| ar_lokal(&url.parse().unwrap());
        assert!(lokal("postgres://u@127.0.0.1:5432/enhet") && lokal("postgres://u@localhost/enhet"));
        assert!(!lokal("postgres://u@db.kommun.se/enhet"));
        assert!(!lokal("postgres://u@10.1.2.3/enhet"));
        assert!(!lokal("postgres://u@localhost,db.kommun.se/enhet"), "every host must be local");
    }
}
