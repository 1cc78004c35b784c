//! The users: login name, name, title, role, the password's Argon2id hash, whether active, and
//! the count of wrong passwords. A user is never deleted, only deactivated; every change is a
//! line in the event log (written by the use case in the same transaction).

use super::db::{Rad, Valfri, params};
use super::{Resultat, Skrivning, Store, StoreError, kod_fran, tidstampel};
use crate::domain::anvandare::Roll;
use chrono::NaiveDateTime;

/// A user as the program shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anvandare {
    pub id: i64,
    pub login: String,
    pub namn: String,
    pub titel: String,
    pub roll: Roll,
    pub aktiv: bool,
    /// Wrong passwords in a row since the last login.
    pub misslyckade: i64,
    /// Locked until this time after too many wrong passwords.
    pub last_till: Option<NaiveDateTime>,
    /// The row version a form that edits the user carries (see [`super::Radslag::Anvandare`]).
    pub version: i64,
}

const KOLUMNER: &str = "id, login, namn, titel, roll, aktiv, misslyckade, last_till, version";

fn rad(r: &Rad) -> super::db::DbResultat<Anvandare> {
    let roll: String = r.get(4)?;
    let last: Option<String> = r.get(7)?;
    Ok(Anvandare {
        id: r.get(0)?,
        login: r.get(1)?,
        namn: r.get(2)?,
        titel: r.get(3)?,
        roll: kod_fran(Roll::fran_kod(&roll), &roll)?,
        aktiv: r.get(5)?,
        misslyckade: r.get(6)?,
        last_till: last.and_then(|t| NaiveDateTime::parse_from_str(&t, "%Y-%m-%d %H:%M:%S").ok()),
        version: r.get(8)?,
    })
}

impl Store {
    /// Every user, active first, by name.
    pub fn anvandare(&self) -> Resultat<Vec<Anvandare>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {KOLUMNER} FROM anvandare ORDER BY aktiv DESC, namn COLLATE SVENSKA, login"
        ))?;
        let rader = stmt.query_map([], rad)?.collect::<super::db::DbResultat<Vec<_>>>()?;
        Ok(rader)
    }

    /// The user with `login` and the stored password hash.
    pub fn anvandare_med_login(&self, login: &str) -> Resultat<Option<(Anvandare, String)>> {
        let sql = format!("SELECT {KOLUMNER}, losenord FROM anvandare WHERE login = ?1");
        Ok(self.conn().query_row(&sql, [login.trim().to_lowercase()], |r| Ok((rad(r)?, r.get(9)?))).optional()?)
    }

    /// How many users the database has (none: the first start asks for the first one).
    pub fn antal_anvandare(&self) -> Resultat<i64> {
        Ok(self.conn().query_row("SELECT count(*) FROM anvandare", [], |r| r.get(0))?)
    }
}

impl Skrivning<'_> {
    /// Adds a user; a login name already taken is refused.
    pub fn skapa_anvandare(
        &self,
        login: &str,
        namn: &str,
        titel: &str,
        roll: Roll,
        hash: &str,
        nu: NaiveDateTime,
    ) -> Resultat<i64> {
        let finns: bool =
            self.conn().query_row("SELECT EXISTS (SELECT 1 FROM anvandare WHERE login = ?1)", [login], |r| r.get(0))?;
        if finns {
            return Err(StoreError::Dubblett(format!("Inloggningsnamnet {login} används redan.")));
        }
        Ok(self.conn().insert_id(
            "INSERT INTO anvandare (login, namn, titel, roll, losenord, aktiv, misslyckade, skapad)
             VALUES (?1, ?2, ?3, ?4, ?5, 1, 0, ?6)",
            params![login, namn, titel, roll.kod(), hash, tidstampel(nu)],
        )?)
    }

    /// Changes name, title and role.
    pub fn andra_anvandare(&self, login: &str, namn: &str, titel: &str, roll: Roll) -> Resultat<()> {
        let n = self.conn().execute(
            "UPDATE anvandare SET namn = ?2, titel = ?3, roll = ?4 WHERE login = ?1",
            params![login, namn, titel, roll.kod()],
        )?;
        saknas(n, login)
    }

    /// Activates or deactivates a user.
    pub fn satt_aktiv(&self, login: &str, aktiv: bool) -> Resultat<()> {
        let n = self.conn().execute("UPDATE anvandare SET aktiv = ?2 WHERE login = ?1", params![login, aktiv])?;
        saknas(n, login)
    }

    /// A new password hash; the lock and the count of wrong passwords are cleared.
    pub fn satt_losenord(&self, login: &str, hash: &str) -> Resultat<()> {
        let n = self.conn().execute(
            "UPDATE anvandare SET losenord = ?2, misslyckade = 0, last_till = NULL WHERE login = ?1",
            params![login, hash],
        )?;
        saknas(n, login)
    }

    /// After a login attempt: the count of wrong passwords and the lock, if any.
    pub fn satt_forsok(&self, login: &str, misslyckade: i64, last_till: Option<NaiveDateTime>) -> Resultat<()> {
        let n = self.conn().execute(
            "UPDATE anvandare SET misslyckade = ?2, last_till = ?3 WHERE login = ?1",
            params![login, misslyckade, last_till.map(tidstampel)],
        )?;
        saknas(n, login)
    }
}

fn saknas(andrade: usize, login: &str) -> Resultat<()> {
    if andrade == 0 {
        return Err(StoreError::Saknas(format!("Användaren {login} finns inte.")));
    }
    Ok(())
}

/// Migration: the users table (never deleted), the computer of each log line, and that column
/// in the hash chain.
pub(super) fn skapa_tabell(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        CREATE TABLE anvandare (
            id          INTEGER PRIMARY KEY,
            login       TEXT NOT NULL UNIQUE,
            namn        TEXT NOT NULL,
            titel       TEXT NOT NULL,
            roll        TEXT NOT NULL CHECK (roll IN ('handlaggare', 'forste_socialsekreterare', 'kassa',
                                                      'enhetschef', 'systemforvaltare')),
            losenord    TEXT NOT NULL CHECK (losenord LIKE '$argon2id$%'),
            aktiv       INTEGER NOT NULL DEFAULT 1,
            misslyckade INTEGER NOT NULL DEFAULT 0,
            last_till   TEXT,
            skapad      TEXT NOT NULL
        );
        CREATE TRIGGER anvandare_raderas_aldrig BEFORE DELETE ON anvandare
        BEGIN SELECT RAISE(ABORT, 'En användare tas aldrig bort; inaktivera den i stället.'); END;
        ALTER TABLE handelselogg ADD COLUMN dator TEXT NOT NULL DEFAULT '';
        CREATE INDEX handelselogg_tid ON handelselogg(tid);
        ",
    )
}
