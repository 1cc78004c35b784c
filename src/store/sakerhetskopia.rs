//! Online backup and checked restore.

use super::kontroll::Kontrollrapport;
use super::{Resultat, Store, StoreError};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

impl Store {
    /// Writes a consistent copy of the database to `till` while it may be in use (other
    /// connections keep working; the copy is one transaction's snapshot).
    pub fn sakerhetskopiera(&self, till: &Path) -> Resultat<()> {
        if till.exists() {
            return Err(StoreError::Regel(format!(
                "{} finns redan; välj ett nytt filnamn för säkerhetskopian.",
                till.display()
            )));
        }
        let text = till
            .to_str()
            .ok_or_else(|| StoreError::Regel("Sökvägen till säkerhetskopian har ogiltiga tecken.".into()))?;
        self.conn().execute("VACUUM INTO ?1", [text])?;
        Ok(())
    }
}

/// Restores `fran` over `till` after checking it: it must open as a Bistånd database and pass
/// the health check, and `till` must not be in use. Returns the check of the restored file.
pub fn aterstall(fran: &Path, till: &Path) -> Resultat<Kontrollrapport> {
    if !fran.exists() {
        return Err(StoreError::Saknas(format!("Säkerhetskopian {} finns inte.", fran.display())));
    }
    let kopia = Store::open(fran)?;
    let rapport = kopia.kontroll()?;
    if !rapport.frisk() {
        return Err(StoreError::Regel(format!(
            "Säkerhetskopian är skadad och återställs inte: {}",
            rapport.problem.join("; ")
        )));
    }
    if till.exists() {
        // Nobody else may have the database open while it is replaced.
        // Leaving WAL mode is only possible when no other connection has the file open, which is
        // exactly what must hold before it is replaced (the file is replaced anyway).
        let conn = Connection::open_with_flags(till, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        conn.busy_timeout(std::time::Duration::from_millis(200))?;
        let lage: String = conn.query_row("PRAGMA journal_mode=DELETE", [], |r| r.get(0)).unwrap_or_default();
        if !lage.eq_ignore_ascii_case("delete") {
            return Err(StoreError::Regel("Databasen används av programmet. Stäng Bistånd och försök igen.".into()));
        }
        drop(conn);
    }
    let tillfallig = till.with_extension("aterstalls");
    let _ = std::fs::remove_file(&tillfallig);
    kopia.sakerhetskopiera(&tillfallig)?;
    drop(kopia);
    for ext in ["db-wal", "db-shm"] {
        let _ = std::fs::remove_file(till.with_extension(ext));
    }
    std::fs::rename(&tillfallig, till).map_err(|e| StoreError::KanInteOppna {
        sokvag: till.to_path_buf(),
        orsak: format!("den återställda filen kan inte flyttas på plats ({e})"),
    })?;
    Store::open(till)?.kontroll()
}
