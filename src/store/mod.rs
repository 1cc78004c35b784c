//! SQLite storage: the only place that knows SQL. Amounts are INTEGER öre, dates ISO text.
//!
//! Every change that touches more than one row runs in one transaction ([`Store::skriv`]); the
//! database runs in WAL mode with foreign keys on, so a crash leaves the last committed state.

mod ansokan;
mod anvandare;
mod arende;
mod arshjul;
mod aterkrav;
mod beslut;
mod bistandsmanad;
pub(crate) mod db;
mod fia;
mod flytta;
mod forslag;
mod hushall;
mod hushallshistorik;
mod ib;
mod journal;
mod kedja;
pub mod kontroll;
mod logg;
mod lokala_utkast;
mod natverk;
mod normtabell;
mod ovning;
mod plan;
#[doc(hidden)]
pub mod postgres_schema;
mod sakerhetskopia;
mod samtidighet;
mod schema;
mod schemajamforelse;
mod screening;
pub mod server;
mod statistik;
mod utbetalning;
mod utbetalning_schema;
mod utkast;

pub use ansokan::{AnsokanRad, SparadAnsokan};
pub use anvandare::Anvandare;
pub use arende::{ArendeRad, Sokresultat, Sortering};
pub use arshjul::{Arshjulsuppgift, AvslutsforslagRad};
pub use aterkrav::NyttAterkrav;
pub use beslut::BeslutRad;
pub use fia::SparadFia;
pub use flytta::{Flyttrapport, flytta};
pub use forslag::Forslag;
pub use hushall::{HushallVy, NyttArende, Registrerat};
pub use hushallshistorik::{Inflyttad, TidigareAdress};
pub use kedja::Kedjerapport;
pub use logg::{Handelse, Loggfilter, Logghandelse, Loggrad, datornamn};
pub use lokala_utkast::standardfil as lokal_utkastfil;
pub use natverk::{Andringar, Kontakt};
pub use normtabell::Normversion;
pub use plan::{AttGoraRad, Avvikelse, Planperson, Planversion, Uppfoljning};
pub use sakerhetskopia::{Aterstallning, DagligKopia, MAX_KOPIOR, aterstall, gor_daglig_kopia};
pub use samtidighet::{INGEN_RAD, Radslag, SenastAndrad};
pub use schema::{SCHEMA_VERSION, migrera_till};
pub use screening::Screeningresultat;
pub use utbetalning::{AttBestalla, NyUtbetalning};
pub use utkast::{UTAN_AGARE, Utkast};

use db::{Fel, Kopp};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What went wrong in storage, in words a caseworker can act on.
#[derive(Debug)]
pub enum StoreError {
    /// Another program holds the database longer than we are willing to wait.
    Upptagen,
    /// The file was written by a newer Bistånd.
    NyareSchema { databas: i64, program: i64 },
    /// The file is not a Bistånd database, or it is damaged.
    InteEnDatabas(PathBuf),
    /// The file or its folder cannot be opened or created.
    KanInteOppna { sokvag: PathBuf, orsak: String },
    /// The database is read-only for this user.
    Skrivskyddad,
    /// A person or case that must be unique already exists.
    Dubblett(String),
    /// A rule of the program refused the change.
    Regel(String),
    /// Something asked for does not exist.
    Saknas(String),
    /// Fictitious households were to be written into a database with real work in it.
    InteOvningsdatabas,
    /// A stored value (JSON in a column) cannot be read: the table and the row.
    Skadad { tabell: String, rad: String },
    /// The unit's database server cannot be reached (the connection was lost or refused).
    IngenKontakt(String),
    /// Another user saved the row after this user loaded it: who and when ("2026-11-30 10:14:05").
    /// Nothing of this save was written.
    /// `skapad`: the form saw no row, and another user created it meanwhile.
    Krock { slag: Radslag, vem: String, nar: String, skapad: bool },
    /// Any other database error (a program fault, not a user mistake).
    Sql(Fel),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Upptagen => {
                write!(f, "Databasen är upptagen av ett annat fönster eller program. Vänta en stund och försök igen.")
            }
            StoreError::NyareSchema { databas, program } => write!(
                f,
                "Databasen är skapad av en nyare version av Bistånd (databasversion {databas}, programmet kan {program}). Uppdatera programmet innan du öppnar den."
            ),
            StoreError::InteEnDatabas(p) => write!(
                f,
                "Filen {} är ingen Bistånd-databas eller så är den skadad. Återställ från en säkerhetskopia.",
                p.display()
            ),
            StoreError::KanInteOppna { sokvag, orsak } => write!(
                f,
                "Databasen {} kan inte öppnas: {orsak}. Kontrollera sökvägen och att du har behörighet till mappen.",
                sokvag.display()
            ),
            StoreError::Skrivskyddad => {
                write!(f, "Databasen är skrivskyddad. Ändringar kan inte sparas; kontrollera behörigheten till filen.")
            }
            StoreError::InteOvningsdatabas => f.write_str(
                "Databasen är ingen övningsdatabas och innehåller redan uppgifter (hushåll, ärenden, journal eller \
                 utkast). Påhittade hushåll skrivs bara i övningsdatabasen eller i en ny, tom databas – välj en annan fil.",
            ),
            StoreError::Skadad { tabell, rad } => write!(
                f,
                "Databasen är skadad: uppgifterna i tabellen {tabell} ({rad}) kan inte läsas. Återställ från en \
                 säkerhetskopia."
            ),
            StoreError::Dubblett(t) | StoreError::Regel(t) | StoreError::Saknas(t) => f.write_str(t),
            StoreError::IngenKontakt(orsak) => write!(
                f,
                "Ingen kontakt med enhetens databas ({orsak}). Ditt arbete sparas på datorn; programmet försöker igen."
            ),
            StoreError::Krock { slag, vem, nar, skapad } => {
                f.write_str(&samtidighet::krock_text(*slag, vem, nar, *skapad))
            }
            StoreError::Sql(Fel::Sqlite(e)) => f.write_str(&sql_fel(e)),
            StoreError::Sql(e) => write!(f, "Ett oväntat fel i databasen ({}). Inget har sparats.", fel_kod(e)),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::from(Fel::from(e))
    }
}

impl From<Fel> for StoreError {
    fn from(e: Fel) -> StoreError {
        match e {
            Fel::Konvertering(_, fel) if fel.downcast_ref::<SkadadKolumn>().is_some() => {
                let k = fel.downcast_ref::<SkadadKolumn>().expect("checked above");
                StoreError::Skadad { tabell: k.tabell.to_string(), rad: k.rad.clone() }
            }
            Fel::Sqlite(e) => fran_sqlite(e),
            Fel::Postgres(e) => fran_postgres(e),
            Fel::IngenKontakt => StoreError::IngenKontakt("anslutningen bröts".into()),
            e => StoreError::Sql(e),
        }
    }
}

fn fran_sqlite(e: rusqlite::Error) -> StoreError {
    // A rule kept by a trigger (RAISE(ABORT, '…')) speaks Swedish already: pass its words on.
    if let rusqlite::Error::SqliteFailure(f, Some(text)) = &e
        && f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_TRIGGER
    {
        return StoreError::Regel(text.clone());
    }
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Upptagen,
        Some(ErrorCode::ReadOnly) => StoreError::Skrivskyddad,
        Some(ErrorCode::NotADatabase) => StoreError::InteEnDatabas(PathBuf::new()),
        _ => StoreError::Sql(Fel::Sqlite(e)),
    }
}

/// A rule kept by a PostgreSQL trigger (RAISE EXCEPTION, SQLSTATE P0001) is Swedish already; a
/// lost connection is a network fault the user is told about; the rest are program faults.
fn fran_postgres(e: ::postgres::Error) -> StoreError {
    use ::postgres::error::SqlState;
    if e.is_closed() {
        return StoreError::IngenKontakt("anslutningen bröts".into());
    }
    match e.as_db_error() {
        Some(d) if *d.code() == SqlState::RAISE_EXCEPTION => StoreError::Regel(d.message().to_string()),
        Some(d) if *d.code() == SqlState::LOCK_NOT_AVAILABLE || *d.code() == SqlState::T_R_SERIALIZATION_FAILURE => {
            StoreError::Upptagen
        }
        Some(d)
            if *d.code() == SqlState::READ_ONLY_SQL_TRANSACTION || *d.code() == SqlState::INSUFFICIENT_PRIVILEGE =>
        {
            StoreError::Skrivskyddad
        }
        Some(_) => StoreError::Sql(Fel::Postgres(e)),
        None => StoreError::IngenKontakt("servern svarar inte".into()),
    }
}

pub type Resultat<T> = Result<T, StoreError>;

/// An open Bistånd database.
pub struct Store {
    kopp: Kopp<'static>,
    sokvag: PathBuf,
    /// A test's private schema on a PostgreSQL server, dropped with the store.
    testschema: Option<String>,
    /// On a server: the drafts kept on this computer while the server cannot be reached.
    lokala: Option<std::cell::RefCell<lokala_utkast::LokalaUtkast>>,
    natverk: natverk::Natverk,
}

impl Drop for Store {
    fn drop(&mut self) {
        self.stang_testschema();
    }
}

impl Store {
    /// Opens (or creates) the database at `sokvag`, creating its folder, and migrates it to the
    /// program's schema. Refuses a database from a newer program.
    /// A `postgres://` address opens the unit's database on that server instead.
    pub fn open(sokvag: &Path) -> Resultat<Store> {
        if let Some(url) = sokvag.to_str().filter(|s| server::ar_serveradress(s)) {
            return Store::open_server(url);
        }
        if let Some(dir) = sokvag.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::filer::skapa_mapp(dir).map_err(|e| StoreError::KanInteOppna {
                sokvag: sokvag.to_path_buf(),
                orsak: format!("mappen kan inte skapas ({})", crate::filer::orsak(&e)),
            })?;
        }
        if sokvag.is_dir() {
            return Err(StoreError::KanInteOppna {
                sokvag: sokvag.to_path_buf(),
                orsak: "sökvägen är en mapp, inte en fil".into(),
            });
        }
        // The file is made here, readable by its owner only; SQLite gives its WAL and
        // shared-memory files the same permissions. An older database is tightened too.
        if !sokvag.exists() {
            crate::filer::skapa_fil(sokvag).map_err(|e| StoreError::KanInteOppna {
                sokvag: sokvag.to_path_buf(),
                orsak: format!("filen kan inte skapas ({})", crate::filer::orsak(&e)),
            })?;
        } else {
            let _ = crate::filer::gor_privat(sokvag);
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(sokvag, flags)
            .map_err(|e| StoreError::KanInteOppna { sokvag: sokvag.to_path_buf(), orsak: oppna_orsak(&e) })?;
        Store::prepare(conn, sokvag.to_path_buf())
    }

    /// A private SQLite database in memory, whatever the tests are pointed at (for a window
    /// test that computes in the window's own thread, as it does for a database in memory).
    pub fn open_sqlite_i_minnet() -> Resultat<Store> {
        Store::prepare(Connection::open_in_memory()?, PathBuf::from(":memory:"))
    }

    /// A private in-memory database (tests and previews). When the tests are pointed at a
    /// PostgreSQL server ([`server::TESTSERVER`]), a private schema there instead.
    pub fn open_in_memory() -> Resultat<Store> {
        if let Ok(url) = std::env::var(server::TESTSERVER) {
            return Store::open_testschema(&url);
        }
        Store::open_sqlite_i_minnet()
    }

    fn prepare(mut conn: Connection, sokvag: PathBuf) -> Resultat<Store> {
        let not_a_db = |e: rusqlite::Error, p: &Path| match StoreError::from(e) {
            StoreError::InteEnDatabas(_) => StoreError::InteEnDatabas(p.to_path_buf()),
            other => other,
        };
        conn.busy_timeout(Duration::from_secs(5))?;
        // Names are listed in Swedish order (å, ä, ö after z).
        conn.create_collation("SVENSKA", crate::domain::sok::jamfor_svenskt)?;
        // Reading the schema first tells a damaged or foreign file apart before anything is written.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))
            .map_err(|e| not_a_db(e, &sokvag))?;
        if sokvag.as_os_str() != ":memory:" {
            let mode: String =
                conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0)).map_err(|e| not_a_db(e, &sokvag))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(StoreError::Skrivskyddad);
            }
        }
        conn.execute_batch("PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;")?;
        schema::migrera(&mut conn)?;
        let mut store = Store {
            kopp: Kopp::sqlite_egen(conn),
            sokvag,
            testschema: None,
            lokala: None,
            natverk: Default::default(),
        };
        store.seeda_normtabeller(chrono::Local::now().naive_local())?;
        Ok(store)
    }

    pub fn sokvag(&self) -> &Path {
        &self.sokvag
    }

    /// Runs `f` in one transaction: everything or nothing is saved.
    pub fn skriv<T>(&mut self, f: impl FnOnce(&Skrivning) -> Resultat<T>) -> Resultat<T> {
        let tx = self.kopp.borja_skrivning()?;
        let value = f(&Skrivning { kopp: &self.kopp })?;
        tx.commit()?;
        Ok(value)
    }

    pub(crate) fn conn(&self) -> &Kopp<'static> {
        &self.kopp
    }

    /// Which SQL the database speaks.
    pub fn dialekt(&self) -> db::Dialekt {
        self.kopp.dialekt()
    }

    /// SQLite's quick_check limited to `tabeller` (names from the code) and their indexes. Some
    /// damage, such as a page reached twice, makes a query return wrong or missing rows without
    /// an error; this finds it, at the cost of reading the tables once.
    pub fn kontrollera_tabeller(&self, tabeller: &[&str]) -> Resultat<()> {
        for tabell in tabeller {
            let Some(conn) = self.kopp.sqlite() else { return Ok(()) };
            let svar: String = conn.query_row(&format!("PRAGMA quick_check({tabell})"), [], |r| r.get(0))?;
            if svar != "ok" {
                let skadad = rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT);
                return Err(StoreError::Sql(Fel::Sqlite(rusqlite::Error::SqliteFailure(skadad, None))));
            }
        }
        Ok(())
    }
}

/// The writes available inside one transaction (see [`Store::skriv`]).
pub struct Skrivning<'a> {
    kopp: &'a Kopp<'static>,
}

impl Skrivning<'_> {
    pub(crate) fn conn(&self) -> &Kopp<'static> {
        self.kopp
    }
}

/// Why SQLite could not open or create the file, in Swedish.
fn oppna_orsak(e: &rusqlite::Error) -> String {
    match e.sqlite_error_code() {
        Some(ErrorCode::CannotOpen) => "filen kan inte skapas eller öppnas där (mappen kan vara skrivskyddad)".into(),
        Some(ErrorCode::PermissionDenied) => "behörighet saknas".into(),
        Some(ErrorCode::ReadOnly) => "filen är skrivskyddad".into(),
        _ => format!("ett oväntat fel i databasen ({})", sql_kod(e)),
    }
}

/// The server's error code, the only part of its answer a user is shown (its text is English).
fn fel_kod(e: &Fel) -> String {
    match e {
        Fel::Sqlite(e) => sql_kod(e),
        Fel::Postgres(e) => e.code().map_or_else(|| "okänt".into(), |k| format!("kod {}", k.code())),
        _ => "ett värde kunde inte läsas".into(),
    }
}

/// SQLite's numeric error code, the only part of its answer a user is shown (its text is English).
fn sql_kod(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(fel, _) => format!("kod {}", fel.extended_code),
        _ => "ett värde kunde inte läsas".into(),
    }
}

/// Any other SQLite error as a Swedish sentence; damage says what to do about it.
fn sql_fel(e: &rusqlite::Error) -> String {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseCorrupt) => "Databasen är skadad: en del av filen kan inte läsas. Återställ den \
            från en säkerhetskopia (bistand aterstall) och kontrollera disken."
            .into(),
        Some(ErrorCode::DiskFull) => "Disken är full. Inget har sparats; frigör utrymme och försök igen.".into(),
        Some(ErrorCode::SystemIoFailure) => {
            format!("Databasfilen kunde inte läsas eller skrivas ({}). Kontrollera disken och försök igen.", sql_kod(e))
        }
        _ => format!("Ett oväntat fel i databasen ({}). Inget har sparats.", sql_kod(e)),
    }
}

/// Reads an ISO date stored as text.
pub(crate) fn datum_fran(text: &str) -> db::DbResultat<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| Fel::Konvertering(0, Box::new(e)))
}

/// A value stored as JSON that cannot be read, and where it is.
#[derive(Debug)]
struct SkadadKolumn {
    tabell: &'static str,
    rad: String,
}

impl fmt::Display for SkadadKolumn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "skadade uppgifter i {} ({})", self.tabell, self.rad)
    }
}

impl std::error::Error for SkadadKolumn {}

/// Reads a value stored as JSON text in `tabell`, row `rad`; damaged text is a read error that
/// names the table and row ([`StoreError::Skadad`]), never a silent default.
pub(crate) fn json_fran<T: serde::de::DeserializeOwned>(
    text: &str,
    tabell: &'static str,
    rad: impl fmt::Display,
) -> db::DbResultat<T> {
    serde_json::from_str(text).map_err(|_| {
        let fel = SkadadKolumn { tabell, rad: rad.to_string() };
        Fel::Konvertering(0, Box::new(fel))
    })
}

/// A code stored as text (status, role, outcome) read back; an unknown code means damage and is
/// a read error, never a guessed value.
pub(crate) fn kod_fran<T>(varde: Option<T>, kod: &str) -> db::DbResultat<T> {
    varde.ok_or_else(|| Fel::Konvertering(0, format!("okänd kod {kod}").into()))
}

/// Now as stored: local time `YYYY-MM-DD HH:MM:SS`.
pub(crate) fn tidstampel(nu: chrono::NaiveDateTime) -> String {
    nu.format("%Y-%m-%d %H:%M:%S").to_string()
}
