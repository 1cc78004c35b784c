//! Whether a database is a training database. Fictitious households may be written only into a
//! training database, or into a database that holds nothing yet (which then becomes one), so
//! that they never mix with the unit's real cases.

use super::db::Kopp;
use super::utkast::{las_installning, skriv_installning};
use super::{Resultat, Skrivning, Store, StoreError};

/// The setting that marks a training database (`ja`).
const NYCKEL: &str = "ovningsdatabas";

/// The tables that hold the unit's work. A row in any of them, even a draft or a log line,
/// means the database is in use. (Settings, norm tables and form definitions are not work.)
const ARBETE: &[&str] = &[
    "person",
    "hushall",
    "arende",
    "journal",
    "handelselogg",
    "ansokan",
    "beslut",
    "plan",
    "screening",
    "ib_svar",
    "fia_intervju",
    "utkast",
];

impl Store {
    /// True when the database was created as a training database.
    pub fn ar_ovningsdatabas(&self) -> Resultat<bool> {
        markerad(self.conn())
    }

    /// True when the database holds no work at all: no person, case, journal, log line or draft.
    pub fn ar_tom(&self) -> Resultat<bool> {
        tom(self.conn())
    }

    /// Marks the database as a training database whatever it holds. Only for the file opened as
    /// the training database (one made before the marking existed gets it this way).
    pub fn markera_som_ovningsdatabas(&mut self) -> Resultat<()> {
        skriv_installning(self.conn(), NYCKEL, "ja")
    }
}

impl Skrivning<'_> {
    /// Called before fictitious households are written: a training database stays one, an empty
    /// database becomes one, and any other database is refused with nothing written.
    pub fn krav_ovningsdatabas(&self) -> Resultat<()> {
        if markerad(self.conn())? {
            return Ok(());
        }
        if !tom(self.conn())? {
            return Err(StoreError::InteOvningsdatabas);
        }
        skriv_installning(self.conn(), NYCKEL, "ja")
    }
}

fn markerad(conn: &Kopp) -> Resultat<bool> {
    Ok(las_installning(conn, NYCKEL)?.as_deref() == Some("ja"))
}

fn tom(conn: &Kopp) -> Resultat<bool> {
    for tabell in ARBETE {
        let finns: bool = conn.query_row(&format!("SELECT EXISTS (SELECT 1 FROM {tabell})"), [], |r| r.get(0))?;
        if finns {
            return Ok(false);
        }
    }
    Ok(true)
}
