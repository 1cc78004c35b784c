//! Online backup and checked restore.

use super::kontroll::Kontrollrapport;
use super::{Resultat, Store, StoreError};
use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

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

/// The daily automatic backup, as set in Inställningar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DagligKopia {
    pub pa: bool,
    pub mapp: PathBuf,
    /// How many daily copies are kept; older ones are removed.
    pub behall: u32,
}

/// The most copies a unit may keep (a year of days).
pub const MAX_KOPIOR: u32 = 365;

impl Store {
    /// The daily backup setting; off by default, into "Säkerhetskopior" beside the database,
    /// keeping two weeks.
    pub fn daglig_kopia(&self) -> DagligKopia {
        let las = |nyckel| self.installning(nyckel).ok().flatten();
        let standardmapp = self.sokvag().parent().unwrap_or(Path::new("")).join("Säkerhetskopior");
        DagligKopia {
            pa: las("kopia_daglig").as_deref() == Some("ja"),
            mapp: las("kopia_mapp").filter(|m| !m.trim().is_empty()).map(PathBuf::from).unwrap_or(standardmapp),
            behall: las("kopia_behall").and_then(|n| n.parse().ok()).unwrap_or(14),
        }
    }

    /// Saves the daily backup setting after checking it.
    pub fn satt_daglig_kopia(&mut self, k: &DagligKopia) -> Resultat<()> {
        if !(1..=MAX_KOPIOR).contains(&k.behall) {
            return Err(StoreError::Regel(format!("Antalet kopior att behålla måste vara 1–{MAX_KOPIOR}.")));
        }
        let mapp = k.mapp.to_str().map(str::trim).unwrap_or_default();
        if mapp.is_empty() {
            return Err(StoreError::Regel("Välj en mapp för säkerhetskopiorna.".into()));
        }
        self.satt_installning("kopia_daglig", if k.pa { "ja" } else { "nej" })?;
        self.satt_installning("kopia_mapp", mapp)?;
        self.satt_installning("kopia_behall", &k.behall.to_string())
    }
}

/// The name of the daily copy of `db` made on `dag`: "bistand-2026-11-23.db".
fn kopians_namn(db: &Path, dag: NaiveDate) -> String {
    let stam = db.file_stem().and_then(|s| s.to_str()).unwrap_or("bistand");
    format!("{stam}-{dag}.db")
}

/// Makes today's copy of `db` in the setting's folder unless it is already there, then removes
/// the oldest daily copies of this database beyond the number kept. Runs on its own read-only
/// connection, so the program keeps working meanwhile. Returns the new copy.
pub fn gor_daglig_kopia(db: &Path, k: &DagligKopia, idag: NaiveDate) -> Resultat<Option<PathBuf>> {
    let kan_inte = |orsak: String| StoreError::KanInteOppna { sokvag: k.mapp.clone(), orsak };
    std::fs::create_dir_all(&k.mapp).map_err(|e| kan_inte(format!("mappen kan inte skapas ({})", e.kind())))?;
    let fil = k.mapp.join(kopians_namn(db, idag));
    let ny = if fil.exists() {
        None
    } else {
        // Written under a temporary name and renamed: a half-written copy never looks finished.
        let tillfallig = fil.with_extension("db.tmp");
        let _ = std::fs::remove_file(&tillfallig);
        let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let text = tillfallig.to_str().ok_or_else(|| kan_inte("mappens namn har ogiltiga tecken".into()))?;
        conn.execute("VACUUM INTO ?1", [text])?;
        std::fs::rename(&tillfallig, &fil).map_err(|e| kan_inte(format!("kopian kan inte sparas ({})", e.kind())))?;
        Some(fil)
    };
    // This database's daily copies, oldest first: "<stam>-ÅÅÅÅ-MM-DD.db".
    let stam = db.file_stem().and_then(|s| s.to_str()).unwrap_or("bistand");
    let mut kopior: Vec<(NaiveDate, PathBuf)> = std::fs::read_dir(&k.mapp)
        .map_err(|e| kan_inte(format!("mappen kan inte läsas ({})", e.kind())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|p| {
            let namn = p.file_name()?.to_str()?;
            let datum = namn.strip_prefix(stam)?.strip_prefix('-')?.strip_suffix(".db")?;
            Some((NaiveDate::parse_from_str(datum, "%Y-%m-%d").ok()?, p))
        })
        .collect();
    kopior.sort();
    let overskott = kopior.len().saturating_sub(k.behall.max(1) as usize);
    for (_, gammal) in kopior.into_iter().take(overskott) {
        let _ = std::fs::remove_file(gammal);
    }
    Ok(ny)
}
