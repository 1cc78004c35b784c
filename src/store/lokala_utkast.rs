//! Drafts kept on the computer while the unit's server cannot be reached (issue 16): a small
//! SQLite file per computer, user and server, under the program's local data folder. A draft
//! written here is moved up to the server when the connection is back, then removed here. A
//! draft discarded while offline is kept as a mark (no content) so the server's copy goes too.
//! Each draft keeps its owner (the login of the user who typed it), as on the server; a file from
//! before drafts had owners is upgraded with its drafts kept without an owner.

use super::Utkast;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

const SCHEMA: &str = "CREATE TABLE IF NOT EXISTS utkast (
    anvandare TEXT NOT NULL DEFAULT '',
    nyckel TEXT NOT NULL,
    titel TEXT NOT NULL,
    data TEXT,
    sparad TEXT NOT NULL,
    PRIMARY KEY (anvandare, nyckel)
)";

/// A file from before drafts had owners: its drafts are kept, without an owner.
const UTAN_AGARE: &str = "ALTER TABLE utkast RENAME TO utkast_fore;
    CREATE TABLE utkast (anvandare TEXT NOT NULL DEFAULT '', nyckel TEXT NOT NULL, titel TEXT NOT NULL,
        data TEXT, sparad TEXT NOT NULL, PRIMARY KEY (anvandare, nyckel));
    INSERT INTO utkast (anvandare, nyckel, titel, data, sparad) SELECT '', nyckel, titel, data, sparad FROM utkast_fore;
    DROP TABLE utkast_fore;";

/// The columns in the order [`rad`] reads them.
const KOLUMNER: &str = "anvandare, nyckel, titel, data, sparad";

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
            uppgradera(&conn)?;
            conn.execute_batch(SCHEMA)?;
            self.conn = Some(conn);
        }
        Ok(self.conn.as_ref().expect("opened above"))
    }

    pub(super) fn spara(&mut self, u: &Utkast) -> rusqlite::Result<()> {
        self.skriv(&u.anvandare, &u.nyckel, &u.titel, Some(&u.data), &u.sparad)
    }

    /// Notes that `anvandare` discarded the draft `nyckel` (its server copy is removed later).
    pub(super) fn ta_bort(&mut self, anvandare: &str, nyckel: &str, sparad: &str) -> rusqlite::Result<()> {
        self.skriv(anvandare, nyckel, "", None, sparad)
    }

    fn skriv(
        &mut self,
        anvandare: &str,
        nyckel: &str,
        titel: &str,
        data: Option<&str>,
        sparad: &str,
    ) -> rusqlite::Result<()> {
        self.conn()?.execute(
            "INSERT INTO utkast (anvandare, nyckel, titel, data, sparad) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (anvandare, nyckel) DO UPDATE
             SET titel = excluded.titel, data = excluded.data, sparad = excluded.sparad",
            params![anvandare, nyckel, titel, data, sparad],
        )?;
        self.kanske_nagra = true;
        Ok(())
    }

    /// `anvandare`'s local draft `nyckel` (else one without an owner): Some((draft, true)) when
    /// it holds content, Some((_, false)) when it was discarded here, None when there is nothing
    /// about it here.
    pub(super) fn hamta(&mut self, anvandare: &str, nyckel: &str) -> rusqlite::Result<Option<LokaltUtkast>> {
        if !self.kanske_nagra {
            return Ok(None);
        }
        self.conn()?
            .query_row(
                &format!(
                    "SELECT {KOLUMNER} FROM utkast WHERE nyckel = ?2 AND anvandare IN (?1, '')
                     ORDER BY anvandare = '' LIMIT 1"
                ),
                params![anvandare, nyckel],
                rad,
            )
            .optional()
    }

    /// `anvandare`'s local drafts and discard marks, and those without an owner of a form she
    /// has none of.
    pub(super) fn alla(&mut self, anvandare: &str) -> rusqlite::Result<Vec<LokaltUtkast>> {
        let mut rader = self.allt()?;
        let egna: Vec<String> =
            rader.iter().filter(|(u, _)| u.anvandare == anvandare).map(|(u, _)| u.nyckel.clone()).collect();
        rader.retain(|(u, _)| u.anvandare == anvandare || (u.anvandare.is_empty() && !egna.contains(&u.nyckel)));
        Ok(rader)
    }

    /// Every local draft and discard mark, of every user (to move up to the server).
    pub(super) fn allt(&mut self) -> rusqlite::Result<Vec<LokaltUtkast>> {
        if !self.kanske_nagra {
            return Ok(Vec::new());
        }
        let conn = self.conn()?;
        let mut stmt = conn.prepare(&format!("SELECT {KOLUMNER} FROM utkast ORDER BY sparad"))?;
        let rader = stmt.query_map([], rad)?.collect::<rusqlite::Result<Vec<_>>>()?;
        drop(stmt);
        if rader.is_empty() {
            self.kanske_nagra = false;
        }
        Ok(rader)
    }

    /// Removes one entry once the server has it.
    pub(super) fn glom(&mut self, anvandare: &str, nyckel: &str) -> rusqlite::Result<()> {
        self.conn()?.execute("DELETE FROM utkast WHERE anvandare = ?1 AND nyckel = ?2", params![anvandare, nyckel])?;
        Ok(())
    }
}

fn rad(r: &rusqlite::Row<'_>) -> rusqlite::Result<LokaltUtkast> {
    let data: Option<String> = r.get(3)?;
    let finns = data.is_some();
    let utkast = Utkast {
        anvandare: r.get(0)?,
        nyckel: r.get(1)?,
        titel: r.get(2)?,
        data: data.unwrap_or_default(),
        sparad: r.get(4)?,
    };
    Ok((utkast, finns))
}

/// A file from before drafts had owners gets the owner column (its drafts stay, without one).
fn uppgradera(conn: &Connection) -> rusqlite::Result<()> {
    let kolumner: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('utkast')")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if kolumner.is_empty() || kolumner.iter().any(|k| k == "anvandare") {
        return Ok(());
    }
    let tx = conn.unchecked_transaction()?;
    tx.execute_batch(UTAN_AGARE)?;
    tx.commit()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drafts_file_from_before_owners_keeps_its_drafts_without_an_owner() {
        let mapp = tempfile::tempdir().unwrap();
        let fil = mapp.path().join("utkast.db");
        Connection::open(&fil)
            .unwrap()
            .execute_batch(
                "CREATE TABLE utkast (nyckel TEXT PRIMARY KEY, titel TEXT NOT NULL, data TEXT, sparad TEXT NOT NULL);
                 INSERT INTO utkast VALUES ('journal:1', 'Journalanteckning', '{}', '2026-11-20 09:00:00');",
            )
            .unwrap();
        let mut lokala = LokalaUtkast::ny(Some(fil));
        let utkast = Utkast {
            anvandare: "ulrika".into(),
            nyckel: "journal:1".into(),
            titel: "Journalanteckning".into(),
            data: "{\"text\":\"ny\"}".into(),
            sparad: "2026-11-23 10:00:00".into(),
        };
        lokala.spara(&utkast).unwrap();
        let bertils: Vec<String> = lokala.alla("bertil").unwrap().into_iter().map(|(u, _)| u.anvandare).collect();
        assert_eq!(bertils, [""], "the old draft is offered to anyone, without an owner");
        let ulrikas = lokala.hamta("ulrika", "journal:1").unwrap().unwrap().0;
        assert_eq!(ulrikas, utkast, "her own draft comes before the one without an owner");
        assert_eq!(lokala.allt().unwrap().len(), 2, "both move up to the server");
    }
}
