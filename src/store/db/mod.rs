//! One connection type over both backends: the embedded SQLite file and a unit's PostgreSQL
//! server (issue 16). Every query in the store is written once, in the SQL both understand,
//! with SQLite-style placeholders (`?1`, `?2` …); on PostgreSQL the values are written into the
//! statement as escaped literals and sent with the simple-query protocol, and every value comes
//! back as text, which [`FranSql`] reads into the same Rust types as on SQLite.
//!
//! Why literals and text rather than server-side prepared statements: SQLite is dynamically
//! typed and the store's SQL leans on that (a parameter compared with a column takes the
//! column's type); an untyped PostgreSQL literal does the same, while a typed parameter would
//! need every call site to name the server's type. The statements are small and the unit's
//! load is thirty people, so the planning round trip saved by preparing is not worth a second
//! copy of every query.
//!
//! The API mirrors the parts of rusqlite the store used (`execute`, `query_row`, `prepare`,
//! `query_map`, `query`, `optional`), so a query reads the same as before.

mod forbindelse;
mod postgres;
mod varden;

pub(crate) use postgres::PgKopp;
pub(crate) use varden::{FranSql, Parametrar, TillSql, Varde, params_from_iter};

use std::cell::RefCell;
use std::fmt;

/// The key of the advisory lock every PostgreSQL write transaction takes, so that writes follow
/// one another as they do in SQLite (the hash chain needs one order of appends).
pub(crate) const SKRIVLAS: i64 = 20_261_130;

/// Which SQL the server speaks, for the few statements that differ (search, schema questions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialekt {
    Sqlite,
    Postgres,
}

impl Dialekt {
    /// A join in the order written: SQLite's CROSS JOIN (its planner hint); PostgreSQL plans
    /// an inner join well by itself and takes no ON after CROSS JOIN.
    pub(crate) fn fast_join(self) -> &'static str {
        match self {
            Dialekt::Sqlite => "CROSS JOIN",
            Dialekt::Postgres => "JOIN",
        }
    }

    /// A text field inside a column of JSON text (`kolumn`, then the keys down to it).
    pub(crate) fn json_text(self, kolumn: &str, vag: &[&str]) -> String {
        match self {
            Dialekt::Sqlite => format!("json_extract({kolumn}, '$.{}')", vag.join(".")),
            Dialekt::Postgres => {
                let (sista, fore) = vag.split_last().map_or(("", &[][..]), |(s, f)| (*s, f));
                let mut uttryck = format!("({kolumn})::json");
                for nyckel in fore {
                    uttryck.push_str(&format!(" -> '{nyckel}'"));
                }
                format!("({uttryck} ->> '{sista}')")
            }
        }
    }
}

/// An open connection to either backend. A SQLite connection can also be borrowed for a while
/// (a migration's transaction, a backup being checked) so the same store code runs on it.
pub(crate) enum Kopp<'c> {
    Sqlite(SqliteKopp<'c>),
    Postgres(RefCell<PgKopp>),
}

/// A SQLite connection owned by the store, or borrowed.
pub(crate) enum SqliteKopp<'c> {
    Egen(rusqlite::Connection),
    Lanad(&'c rusqlite::Connection),
}

impl std::ops::Deref for SqliteKopp<'_> {
    type Target = rusqlite::Connection;
    fn deref(&self) -> &rusqlite::Connection {
        match self {
            SqliteKopp::Egen(c) => c,
            SqliteKopp::Lanad(c) => c,
        }
    }
}

/// What went wrong below the store.
#[derive(Debug)]
pub enum Fel {
    Sqlite(rusqlite::Error),
    Postgres(::postgres::Error),
    /// A query that must return a row returned none.
    IngaRader,
    /// A value could not be read as the type asked for (column index and why).
    Konvertering(usize, Box<dyn std::error::Error + Send + Sync>),
    /// A value cannot be sent to the server (text with a NUL character).
    OgiltigtVarde(&'static str),
    /// The connection to the server is lost (it is made again on a later use).
    IngenKontakt,
}

impl fmt::Display for Fel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fel::Sqlite(e) => write!(f, "{e}"),
            Fel::Postgres(e) => write!(f, "{e}"),
            Fel::IngaRader => f.write_str("ingen rad"),
            Fel::Konvertering(i, e) => write!(f, "kolumn {i}: {e}"),
            Fel::OgiltigtVarde(v) => f.write_str(v),
            Fel::IngenKontakt => f.write_str("ingen kontakt med servern"),
        }
    }
}

impl std::error::Error for Fel {}

impl From<rusqlite::Error> for Fel {
    fn from(e: rusqlite::Error) -> Fel {
        match e {
            rusqlite::Error::QueryReturnedNoRows => Fel::IngaRader,
            rusqlite::Error::FromSqlConversionFailure(i, _, orsak) => Fel::Konvertering(i, orsak),
            e => Fel::Sqlite(e),
        }
    }
}

/// Store code run inside a SQLite migration reports in the migration's error type.
impl From<Fel> for rusqlite::Error {
    fn from(e: Fel) -> rusqlite::Error {
        match e {
            Fel::Sqlite(e) => e,
            Fel::IngaRader => rusqlite::Error::QueryReturnedNoRows,
            e => rusqlite::Error::ToSqlConversionFailure(Box::new(e)),
        }
    }
}

impl From<::postgres::Error> for Fel {
    fn from(e: ::postgres::Error) -> Fel {
        Fel::Postgres(e)
    }
}

pub(crate) type DbResultat<T> = Result<T, Fel>;

/// `Ok(None)` for a query that found no row, as rusqlite's `OptionalExtension`.
pub(crate) trait Valfri<T> {
    fn optional(self) -> DbResultat<Option<T>>;
}

impl<T> Valfri<T> for DbResultat<T> {
    fn optional(self) -> DbResultat<Option<T>> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(Fel::IngaRader) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// One row of a result (a PostgreSQL row is owned: it arrived as text).
pub(crate) enum Rad<'a> {
    Sqlite(&'a rusqlite::Row<'a>),
    Postgres(::postgres::SimpleQueryRow),
}

impl Rad<'_> {
    /// The text of column `i` without copying it (a NULL or a number is an error).
    pub(crate) fn text(&self, i: usize) -> DbResultat<&str> {
        let text = match self {
            Rad::Sqlite(r) => r.get_ref(i)?.as_str().map_err(|e| Fel::Konvertering(i, Box::new(e)))?,
            Rad::Postgres(r) => r.try_get(i)?.ok_or_else(|| Fel::Konvertering(i, "värdet saknas (NULL)".into()))?,
        };
        Ok(text)
    }

    /// The value of column `i` as `T`.
    pub(crate) fn get<T: FranSql>(&self, i: usize) -> DbResultat<T> {
        match self {
            Rad::Sqlite(r) => T::fran_sqlite(r.get_ref(i)?).map_err(|e| Fel::Konvertering(i, e)),
            Rad::Postgres(r) => {
                let text = r.try_get(i)?;
                T::fran_text(text).map_err(|e| Fel::Konvertering(i, e))
            }
        }
    }
}

impl<'c> Kopp<'c> {
    /// The store's own SQLite connection.
    pub(crate) fn sqlite_egen(c: rusqlite::Connection) -> Kopp<'static> {
        Kopp::Sqlite(SqliteKopp::Egen(c))
    }

    /// A SQLite connection (or transaction) lent to store code for a while.
    pub(crate) fn lana(c: &'c rusqlite::Connection) -> Kopp<'c> {
        Kopp::Sqlite(SqliteKopp::Lanad(c))
    }

    pub(crate) fn dialekt(&self) -> Dialekt {
        match self {
            Kopp::Sqlite(_) => Dialekt::Sqlite,
            Kopp::Postgres(_) => Dialekt::Postgres,
        }
    }

    /// The SQLite connection, for what only a file has (backup, PRAGMAs, custom functions).
    pub(crate) fn sqlite(&self) -> Option<&rusqlite::Connection> {
        match self {
            Kopp::Sqlite(c) => Some(c),
            Kopp::Postgres(_) => None,
        }
    }

    pub(crate) fn execute(&self, sql: &str, p: impl Parametrar) -> DbResultat<usize> {
        match self {
            Kopp::Sqlite(c) => Ok(c.prepare_cached(sql)?.execute(rusqlite::params_from_iter(p.varden()))?),
            Kopp::Postgres(k) => k.borrow_mut().execute(sql, &p.varden()),
        }
    }

    pub(crate) fn execute_batch(&self, sql: &str) -> DbResultat<()> {
        match self {
            Kopp::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Kopp::Postgres(k) => k.borrow_mut().batch(sql),
        }
    }

    pub(crate) fn query_row<T>(
        &self,
        sql: &str,
        p: impl Parametrar,
        f: impl FnOnce(&Rad<'_>) -> DbResultat<T>,
    ) -> DbResultat<T> {
        self.prepare(sql)?.query_row(p, f)
    }

    /// The schema version the database is at (SQLite keeps it in `user_version`).
    pub(crate) fn schemaversion(&self) -> DbResultat<i64> {
        match self.dialekt() {
            Dialekt::Sqlite => self.query_row("PRAGMA user_version", [], |r| r.get(0)),
            Dialekt::Postgres => self.query_row("SELECT version FROM bistand_schema", [], |r| r.get(0)),
        }
    }

    /// Inserts one row and returns its `id` (the statement gets `RETURNING id`; both backends
    /// answer it, and on PostgreSQL a trigger's own inserts cannot be mistaken for the row's).
    pub(crate) fn insert_id(&self, sql: &str, p: impl Parametrar) -> DbResultat<i64> {
        self.query_row(&format!("{sql} RETURNING id"), p, |r| r.get(0))
    }

    pub(crate) fn prepare(&self, sql: &str) -> DbResultat<Sats<'_>> {
        match self {
            Kopp::Sqlite(c) => Ok(Sats::Sqlite(c.prepare_cached(sql)?)),
            Kopp::Postgres(k) => Ok(Sats::Postgres(k, sql.to_string())),
        }
    }

    /// The same as [`Kopp::prepare`]: SQLite statements are always cached.
    pub(crate) fn prepare_cached(&self, sql: &str) -> DbResultat<Sats<'_>> {
        self.prepare(sql)
    }

    /// Starts a write transaction: SQLite takes the write lock at once (BEGIN IMMEDIATE), and
    /// PostgreSQL the unit's write lock, so writers never interleave. Rolled back when dropped
    /// without [`Transaktion::commit`].
    pub(crate) fn borja_skrivning(&self) -> DbResultat<Transaktion<'_>> {
        match self {
            Kopp::Sqlite(c) => c.execute_batch("BEGIN IMMEDIATE")?,
            Kopp::Postgres(k) => {
                k.borrow_mut().forbindelse.borja(&format!("BEGIN; SELECT pg_advisory_xact_lock({SKRIVLAS})"))?
            }
        }
        Ok(Transaktion { kopp: self, klar: false })
    }
}

/// An open write transaction (see [`Kopp::borja_skrivning`]).
pub(crate) struct Transaktion<'k> {
    kopp: &'k Kopp<'k>,
    klar: bool,
}

impl Transaktion<'_> {
    pub(crate) fn commit(mut self) -> DbResultat<()> {
        self.klar = true;
        self.avsluta(true)
    }

    fn avsluta(&self, commit: bool) -> DbResultat<()> {
        match self.kopp {
            Kopp::Sqlite(_) => self.kopp.execute_batch(if commit { "COMMIT" } else { "ROLLBACK" }),
            Kopp::Postgres(k) => k.borrow_mut().forbindelse.avsluta(commit),
        }
    }
}

impl Drop for Transaktion<'_> {
    fn drop(&mut self) {
        if !self.klar {
            let _ = self.avsluta(false);
        }
    }
}

/// A statement ready to run (cached on SQLite, SQL text on PostgreSQL).
pub(crate) enum Sats<'k> {
    Sqlite(rusqlite::CachedStatement<'k>),
    Postgres(&'k RefCell<PgKopp>, String),
}

impl Sats<'_> {
    pub(crate) fn execute(&mut self, p: impl Parametrar) -> DbResultat<usize> {
        match self {
            Sats::Sqlite(s) => Ok(s.execute(rusqlite::params_from_iter(p.varden()))?),
            Sats::Postgres(k, sql) => k.borrow_mut().execute(sql, &p.varden()),
        }
    }

    pub(crate) fn query_row<T>(
        &mut self,
        p: impl Parametrar,
        f: impl FnOnce(&Rad<'_>) -> DbResultat<T>,
    ) -> DbResultat<T> {
        let mut rader = self.query(p)?;
        match rader.next()? {
            Some(r) => f(&r),
            None => Err(Fel::IngaRader),
        }
    }

    /// Every row mapped by `f` (read at once; the caller collects).
    pub(crate) fn query_map<T>(
        &mut self,
        p: impl Parametrar,
        mut f: impl FnMut(&Rad<'_>) -> DbResultat<T>,
    ) -> DbResultat<std::vec::IntoIter<DbResultat<T>>> {
        let mut ut = Vec::new();
        let mut rader = self.query(p)?;
        while let Some(r) = rader.next()? {
            ut.push(f(&r));
        }
        Ok(ut.into_iter())
    }

    pub(crate) fn query(&mut self, p: impl Parametrar) -> DbResultat<Rader<'_>> {
        match self {
            Sats::Sqlite(s) => Ok(Rader::Sqlite(s.query(rusqlite::params_from_iter(p.varden()))?)),
            Sats::Postgres(k, sql) => Ok(Rader::Postgres(k.borrow_mut().rader(sql, &p.varden())?.into_iter())),
        }
    }
}

/// The rows of a query, one at a time.
pub(crate) enum Rader<'s> {
    Sqlite(rusqlite::Rows<'s>),
    Postgres(std::vec::IntoIter<::postgres::SimpleQueryRow>),
}

impl Rader<'_> {
    pub(crate) fn next(&mut self) -> DbResultat<Option<Rad<'_>>> {
        match self {
            Rader::Sqlite(r) => Ok(r.next()?.map(Rad::Sqlite)),
            Rader::Postgres(r) => Ok(r.next().map(Rad::Postgres)),
        }
    }
}

/// Parameters as a slice of values, as rusqlite's `params!`.
#[macro_export]
macro_rules! db_params {
    () => { &[] as &[&dyn $crate::store::db::TillSql] };
    ($($p:expr),+ $(,)?) => { &[$(&$p as &dyn $crate::store::db::TillSql),+] as &[&dyn $crate::store::db::TillSql] };
}
pub(crate) use db_params as params;
