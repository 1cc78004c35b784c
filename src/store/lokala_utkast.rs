//! Drafts kept on the computer while the unit's server cannot be reached (issue 16): a small
//! SQLite file per computer, user and server, under the program's local data folder. A draft
//! written here is moved up to the server when the connection is back, then removed here. A
//! draft discarded while offline is kept as a mark (no content) so the server's copy goes too.

use super::Utkast;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

const SCHEMA: &str = "CREATE TABLE IF NOT EXISTS utkast (
    nyckel TEXT PRIMARY KEY,
    titel TEXT NOT NULL,
    data TEXT,
    sparad TEXT NOT NULL
)";

/// A local draft: its content, or None when it was discarded while offline.
pub(super) type LokaltUtkast = (Utkast, bool);

/// The local drafts file of one server, opened when first needed.
pub(super) struct LokalaUtkast {
    /// The file; None keeps the drafts in memory (a test's private schema).
    fil: Option<PathBuf>,
    conn: Option<Connection>,
    /// Whether the file may hold drafts (false once it was found or made empty).
    kanske_nagra: bool,
}

/// The local drafts file for the server at `url` (its address without password names it).
pub fn standardfil(url: &str) -> PathBuf {
    let mut h = Sha256::new();
    h.update(super::server::utan_losenord(url).as_bytes());
    let namn: String = h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect();
    let mapp = match directories::ProjectDirs::from("se", "Bistand", "Bistand") {
        Some(d) => d.data_local_dir().join("utkast"),
        None => PathBuf::from("utkast"),
    };
    mapp.join(format!("{namn}.db"))
}

impl LokalaUtkast {
    pub(super) fn ny(fil: Option<PathBuf>) -> LokalaUtkast {
        let kanske_nagra = fil.as_deref().is_some_and(Path::exists);
        LokalaUtkast { fil, conn: None, kanske_nagra }
    }

    /// Whether there may be drafts here to move up (cheap: no file is opened for it).
    pub(super) fn kanske_nagra(&self) -> bool {
        self.kanske_nagra
    }

    fn conn(&mut self) -> rusqlite::Result<&Connection> {
        if self.conn.is_none() {
            let conn = match &self.fil {
                Some(fil) => oppna(fil)?,
                None => Connection::open_in_memory()?,
            };
            conn.execute_batch(SCHEMA)?;
            self.conn = Some(conn);
        }
        Ok(self.conn.as_ref().expect("opened above"))
    }

    pub(super) fn spara(&mut self, u: &Utkast) -> rusqlite::Result<()> {
        self.skriv(&u.nyckel, &u.titel, Some(&u.data), &u.sparad)
    }

    /// Notes that the draft `nyckel` was discarded (its server copy is removed later).
    pub(super) fn ta_bort(&mut self, nyckel: &str, sparad: &str) -> rusqlite::Result<()> {
        self.skriv(nyckel, "", None, sparad)
    }

    fn skriv(&mut self, nyckel: &str, titel: &str, data: Option<&str>, sparad: &str) -> rusqlite::Result<()> {
        self.conn()?.execute(
            "INSERT INTO utkast (nyckel, titel, data, sparad) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (nyckel) DO UPDATE SET titel = excluded.titel, data = excluded.data, sparad = excluded.sparad",
            params![nyckel, titel, data, sparad],
        )?;
        self.kanske_nagra = true;
        Ok(())
    }

    /// The local draft `nyckel`: Some((draft, true)) when it holds content, Some((_, false))
    /// when it was discarded here, None when there is nothing about it here.
    pub(super) fn hamta(&mut self, nyckel: &str) -> rusqlite::Result<Option<LokaltUtkast>> {
        if !self.kanske_nagra {
            return Ok(None);
        }
        self.conn()?
            .query_row("SELECT nyckel, titel, data, sparad FROM utkast WHERE nyckel = ?1", [nyckel], rad)
            .optional()
    }

    /// Every local draft and discard mark.
    pub(super) fn alla(&mut self) -> rusqlite::Result<Vec<LokaltUtkast>> {
        if !self.kanske_nagra {
            return Ok(Vec::new());
        }
        let conn = self.conn()?;
        let mut stmt = conn.prepare("SELECT nyckel, titel, data, sparad FROM utkast ORDER BY sparad")?;
        let rader = stmt.query_map([], rad)?.collect::<rusqlite::Result<Vec<_>>>()?;
        drop(stmt);
        if rader.is_empty() {
            self.kanske_nagra = false;
        }
        Ok(rader)
    }

    /// Removes one entry once the server has it.
    pub(super) fn glom(&mut self, nyckel: &str) -> rusqlite::Result<()> {
        self.conn()?.execute("DELETE FROM utkast WHERE nyckel = ?1", [nyckel])?;
        Ok(())
    }
}

fn rad(r: &rusqlite::Row<'_>) -> rusqlite::Result<LokaltUtkast> {
    let data: Option<String> = r.get(2)?;
    let finns = data.is_some();
    Ok((Utkast { nyckel: r.get(0)?, titel: r.get(1)?, data: data.unwrap_or_default(), sparad: r.get(3)? }, finns))
}

/// Opens (or creates, readable by the owner only) the local file.
fn oppna(fil: &Path) -> rusqlite::Result<Connection> {
    let fel = |e: std::io::Error| rusqlite::Error::ToSqlConversionFailure(Box::new(e));
    if let Some(mapp) = fil.parent().filter(|m| !m.as_os_str().is_empty()) {
        crate::filer::skapa_mapp(mapp).map_err(fel)?;
    }
    if !fil.exists() {
        crate::filer::skapa_fil(fil).map_err(fel)?;
    }
    let conn = Connection::open(fil)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.execute_batch("PRAGMA synchronous=FULL;")?;
    Ok(conn)
}
