//! Checked backup and checked, locked restore.
//!
//! A backup is written under a temporary name, checked (it opens, SQLite's integrity check, and
//! the schema is exactly the program's), flushed to disk and only then renamed: a stopped backup
//! never leaves a file that looks finished. A restore reads the backup without changing it,
//! refuses anything that is not a complete, healthy database of this program, holds an exclusive
//! lock on the live database for the whole replacement (no program can open it half-way; the
//! replacement is one transaction, so a crash leaves it fully old or fully new), and keeps the
//! replaced database as a dated copy beside it.

use super::kontroll::{Kontrollrapport, kontrollera};
use super::{Resultat, Store, StoreError};
use crate::filer;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

impl Store {
    /// Writes a checked copy of the database to `till` while it may be in use (other
    /// connections keep working; the copy is one transaction's snapshot).
    pub fn sakerhetskopiera(&self, till: &Path) -> Resultat<()> {
        if till.exists() {
            return Err(StoreError::Regel(format!(
                "{} finns redan; välj ett nytt filnamn för säkerhetskopian.",
                till.display()
            )));
        }
        let Some(conn) = self.conn().sqlite() else {
            return Err(StoreError::Regel(
                "Enhetens databas på servern säkerhetskopieras av serverns drift, inte av programmet.".into(),
            ));
        };
        skriv_kopia(conn, till)
    }
}

fn fil_fel(sokvag: &Path, vad: &str, e: &std::io::Error) -> StoreError {
    StoreError::KanInteOppna { sokvag: sokvag.to_path_buf(), orsak: format!("{vad} ({})", filer::orsak(e)) }
}

fn som_text(p: &Path) -> Resultat<&str> {
    p.to_str().ok_or_else(|| StoreError::Regel(format!("Sökvägen {} har ogiltiga tecken.", p.display())))
}

/// Refuses a source that SQLite finds damaged: a backup of it would hide the damage.
fn kontrollera_kalla(conn: &Connection) -> Resultat<()> {
    let svar: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).map_err(skadad_kalla)?;
    if svar != "ok" {
        return Err(skadad_kalla(rusqlite::Error::InvalidQuery));
    }
    Ok(())
}

fn skadad_kalla(_: rusqlite::Error) -> StoreError {
    StoreError::Regel(
        "Databasen är skadad, så ingen säkerhetskopia görs av den. Kör bistand kontroll och återställ från \
         den senaste friska säkerhetskopian."
            .into(),
    )
}

/// Copy → check → flush → rename. On any failure the temporary file is removed.
fn skriv_kopia(conn: &Connection, till: &Path) -> Resultat<()> {
    kontrollera_kalla(conn)?;
    let mut tmp = till.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    let resultat = (|| {
        filer::skapa_fil(&tmp).map_err(|e| fil_fel(&tmp, "säkerhetskopian kan inte skapas", &e))?;
        conn.execute("VACUUM INTO ?1", [som_text(&tmp)?])?;
        kontrollera_kopia(&tmp)?;
        filer::synka(&tmp).map_err(|e| fil_fel(&tmp, "säkerhetskopian kan inte sparas", &e))?;
        std::fs::rename(&tmp, till).map_err(|e| fil_fel(till, "säkerhetskopian kan inte sparas", &e))?;
        filer::synka(till).map_err(|e| fil_fel(till, "säkerhetskopian kan inte sparas", &e))
    })();
    if resultat.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    resultat
}

/// A written copy must open, pass SQLite's integrity check and have exactly the program's schema.
fn kontrollera_kopia(fil: &Path) -> Resultat<()> {
    let conn = oppna_skrivskyddad(fil)?;
    let svar: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    let avvikelser = super::schemajamforelse::schemaavvikelser(&conn)?;
    if svar != "ok" || !avvikelser.is_empty() {
        return Err(StoreError::Regel(
            "Säkerhetskopian blev inte hel när den kontrollerades och har tagits bort. Försök igen.".into(),
        ));
    }
    Ok(())
}

/// Opens a file for reading only, without ever changing it (not even its WAL or lock files).
fn oppna_skrivskyddad(fil: &Path) -> Resultat<Connection> {
    let mut uri = String::from("file:");
    for c in som_text(fil)?.chars() {
        match c {
            '?' | '#' | '%' => uri.push_str(&format!("%{:02X}", c as u32)),
            '\\' if cfg!(windows) => uri.push('/'),
            c => uri.push(c),
        }
    }
    uri.push_str("?mode=ro&immutable=1");
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(uri, flags)
        .map_err(|_| StoreError::KanInteOppna { sokvag: fil.to_path_buf(), orsak: "filen kan inte läsas".into() })?;
    super::kedja::registrera(&conn)?;
    Ok(conn)
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aterstallning {
    /// The check of the restored database.
    pub rapport: Kontrollrapport,
    /// Where the database that was replaced is kept (none when there was none).
    pub ersatt: Option<PathBuf>,
}

fn ogiltig_kopia(orsak: &str) -> StoreError {
    StoreError::Regel(format!("Säkerhetskopian återställs inte: {orsak}. Databasen är orörd."))
}

/// Restores `fran` over `till` after checking it; see the module text for the guarantees.
pub fn aterstall(fran: &Path, till: &Path, nu: NaiveDateTime) -> Resultat<Aterstallning> {
    let storlek = std::fs::metadata(fran)
        .map_err(|_| StoreError::Saknas(format!("Säkerhetskopian {} finns inte.", fran.display())))?
        .len();
    if storlek == 0 {
        return Err(ogiltig_kopia("filen är tom"));
    }
    let mut prov = PathBuf::from(till.as_os_str().to_owned());
    prov.set_extension("aterstalls.tmp");
    let resultat = kontrollerad_kopia(fran, &prov).and_then(|kopia| ersatt_last(&kopia, till, nu));
    let _ = std::fs::remove_file(&prov);
    let ersatt = resultat?;
    let rapport = Store::open(till)?.kontroll()?;
    Ok(Aterstallning { rapport, ersatt })
}

/// Copies the backup (read only) into a private working file and checks that copy: the
/// restore then writes exactly what was checked.
fn kontrollerad_kopia(fran: &Path, prov: &Path) -> Resultat<Connection> {
    let kalla = oppna_skrivskyddad(fran)?;
    let version: i64 = kalla
        .query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
        .and_then(|_| kalla.query_row("PRAGMA user_version", [], |r| r.get(0)))
        .map_err(|_| ogiltig_kopia("filen är ingen databas, eller bara en del av en"))?;
    if version > super::SCHEMA_VERSION {
        return Err(StoreError::NyareSchema { databas: version, program: super::SCHEMA_VERSION });
    }
    if version < 1 {
        return Err(ogiltig_kopia("filen är ingen Bistånd-databas"));
    }
    let _ = std::fs::remove_file(prov);
    filer::skapa_fil(prov).map_err(|e| fil_fel(prov, "arbetskopian kan inte skapas", &e))?;
    let mut kopia = Connection::open(prov)?;
    super::kedja::registrera(&kopia)?;
    rusqlite::backup::Backup::new(&kalla, &mut kopia)
        .and_then(|b| b.step(-1).map(|_| ()))
        .map_err(|_| ogiltig_kopia("filen är skadad eller ofullständig"))?;
    let rapport = kontrollera(&super::db::Kopp::lana(&kopia)).map_err(|e| match e {
        StoreError::NyareSchema { .. } => e,
        _ => ogiltig_kopia("filen är skadad eller ofullständig"),
    })?;
    if !rapport.frisk() {
        return Err(ogiltig_kopia(&rapport.problem.join("; ")));
    }
    Ok(kopia)
}

/// Takes the live database exclusively, keeps a dated copy of it, and replaces its content
/// with `kopia` in one transaction. Returns where the replaced database is kept.
fn ersatt_last(kopia: &Connection, till: &Path, nu: NaiveDateTime) -> Resultat<Option<PathBuf>> {
    if !till.exists() {
        filer::skapa_fil(till).map_err(|e| fil_fel(till, "databasen kan inte skapas", &e))?;
    }
    let mut live = Connection::open_with_flags(till, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    live.busy_timeout(Duration::from_millis(200))?;
    // Held from here until `live` is closed: nobody else can read or write the file meanwhile.
    let last = live
        .execute_batch("PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;")
        .and_then(|_| live.query_row("PRAGMA journal_mode=DELETE", [], |r| r.get::<_, String>(0)));
    if !matches!(last, Ok(ref lage) if lage.eq_ignore_ascii_case("delete")) {
        return Err(StoreError::Regel("Databasen används av programmet. Stäng Bistånd och försök igen.".into()));
    }
    let objekt: i64 = live.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    let ersatt = if objekt > 0 { Some(spara_ersatt(&live, till, nu)?) } else { None };
    rusqlite::backup::Backup::new(kopia, &mut live)?.step(-1)?;
    drop(live);
    Ok(ersatt)
}

/// The replaced database beside the live one: "bistand-ersatt-2026-11-30-101512.db".
fn spara_ersatt(live: &Connection, till: &Path, nu: NaiveDateTime) -> Resultat<PathBuf> {
    let stam = till.file_stem().and_then(|s| s.to_str()).unwrap_or("bistand");
    let mapp = till.parent().unwrap_or(Path::new(""));
    let bas = format!("{stam}-ersatt-{}", nu.format("%Y-%m-%d-%H%M%S"));
    let fil = (1..)
        .map(|n| mapp.join(if n == 1 { format!("{bas}.db") } else { format!("{bas}-{n}.db") }))
        .find(|f| !f.exists())
        .unwrap_or_else(|| mapp.join(format!("{bas}.db")));
    skriv_kopia(live, &fil)?;
    Ok(fil)
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
    filer::skapa_mapp(&k.mapp).map_err(|e| kan_inte(format!("mappen kan inte skapas ({})", filer::orsak(&e))))?;
    let fil = k.mapp.join(kopians_namn(db, idag));
    let ny = if fil.exists() {
        None
    } else {
        let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        conn.busy_timeout(Duration::from_secs(10))?;
        super::kedja::registrera(&conn)?;
        skriv_kopia(&conn, &fil)?;
        Some(fil)
    };
    // This database's daily copies, oldest first: "<stam>-ÅÅÅÅ-MM-DD.db".
    let stam = db.file_stem().and_then(|s| s.to_str()).unwrap_or("bistand");
    let mut kopior: Vec<(NaiveDate, PathBuf)> = std::fs::read_dir(&k.mapp)
        .map_err(|e| kan_inte(format!("mappen kan inte läsas ({})", filer::orsak(&e))))?
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
