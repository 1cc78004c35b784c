//! Unit-wide settings that IT sets once per computer: where the database is and the unit's
//! name. They live in `%ProgramData%\Bistand\installning.json` (written by the MSI from its
//! DATABAS and ENHET properties, or by `bistand installning`); on other systems in
//! `/etc/bistand/installning.json`. `BISTAND_INSTALLNING` names another file. A missing file
//! means no settings; a bad one gives a Swedish message saying what to fix.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Where the unit's database is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Databasplats {
    Fil(PathBuf),
    /// A shared PostgreSQL database (`postgres://…`).
    Postgres(String),
}

/// The settings file's contents, validated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Installning {
    pub databas: Option<Databasplats>,
    /// The unit's name ("Enheten för ekonomiskt bistånd, Norra").
    pub enhet: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Fil {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    databas: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    enhet: Option<String>,
}

const MAX_LANGD: usize = 1000;

/// The settings file of this computer.
pub fn sokvag() -> PathBuf {
    if let Some(egen) = std::env::var_os("BISTAND_INSTALLNING").filter(|v| !v.is_empty()) {
        return PathBuf::from(egen);
    }
    if cfg!(windows) {
        let bas = std::env::var_os("ProgramData").map(PathBuf::from).unwrap_or_else(|| r"C:\ProgramData".into());
        bas.join("Bistand").join("installning.json")
    } else {
        PathBuf::from("/etc/bistand/installning.json")
    }
}

/// Reads the settings file; no file means no settings.
pub fn las(fil: &Path) -> Result<Installning, String> {
    match std::fs::read_to_string(fil) {
        Ok(text) => tolka(&text).map_err(|e| format!("Inställningsfilen {} går inte att använda: {e}", fil.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Installning::default()),
        Err(e) => Err(format!("Inställningsfilen {} kunde inte läsas ({e}). Be IT kontrollera filen.", fil.display())),
    }
}

/// Parses and validates the file's text (JSON, optionally with a byte order mark).
pub fn tolka(text: &str) -> Result<Installning, String> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Ok(Installning::default());
    }
    let fil: Fil = serde_json::from_str(text).map_err(|e| {
        format!(
            "den är inte giltig JSON med fälten \"databas\" och \"enhet\" (rad {}, kolumn {}).",
            e.line(),
            e.column()
        )
    })?;
    Ok(Installning {
        databas: fil.databas.as_deref().map(databasplats).transpose()?,
        enhet: fil.enhet.as_deref().map(|e| godkand_text(e, "enhet")).transpose()?,
    })
}

fn godkand_text(varde: &str, falt: &str) -> Result<String, String> {
    let varde = varde.trim();
    if varde.is_empty() {
        return Err(format!("fältet \"{falt}\" är tomt. Ta bort det eller fyll i det."));
    }
    if varde.chars().count() > MAX_LANGD || varde.chars().any(char::is_control) {
        return Err(format!("fältet \"{falt}\" är för långt eller innehåller otillåtna tecken."));
    }
    Ok(varde.to_string())
}

/// A file path or a `postgres://` address.
pub fn databasplats(varde: &str) -> Result<Databasplats, String> {
    let varde = godkand_text(varde, "databas")?;
    let lagre = varde.to_lowercase();
    if let Some(rest) = lagre.strip_prefix("postgres://").or_else(|| lagre.strip_prefix("postgresql://")) {
        let vard = rest.rsplit('@').next().unwrap_or_default().split(['/', ':', '?']).next().unwrap_or_default();
        if vard.is_empty() {
            return Err("fältet \"databas\" är en postgres://-adress utan server (postgres://server/databas).".into());
        }
        return Ok(Databasplats::Postgres(varde));
    }
    if lagre.contains("://") {
        return Err("fältet \"databas\" ska vara en sökväg till en fil eller en postgres://-adress.".into());
    }
    Ok(Databasplats::Fil(PathBuf::from(varde)))
}

/// The database file the window opens when no `--db` is given: the settings file's, else the
/// user's own default.
pub fn databas_for_fonstret(standard: PathBuf) -> Result<PathBuf, String> {
    match las(&sokvag())?.databas {
        None => Ok(standard),
        Some(Databasplats::Fil(fil)) => Ok(fil),
        Some(Databasplats::Postgres(_)) => Err("Inställningsfilen anger en PostgreSQL-databas, men den här versionen \
                                                av Bistånd kan bara öppna en databasfil. Be IT ange en sökväg till \
                                                en fil i stället."
            .into()),
    }
}

/// Gives a database that has no unit yet the unit name from the settings file.
pub fn tillampa_enhet(store: &mut crate::store::Store) -> Result<(), String> {
    let Some(namn) = las(&sokvag())?.enhet else { return Ok(()) };
    let fel = |e: crate::store::StoreError| format!("Enhetens namn kunde inte sparas: {e}");
    if store.installning("enhet").map_err(fel)?.is_none() {
        let enhet = crate::domain::beslut::Enhet { enhet: namn, ..Default::default() };
        store.satt_enhet(&enhet).map_err(fel)?;
    }
    Ok(())
}

/// Writes one or both settings into the file, keeping the other (what the MSI runs:
/// `bistand installning --databas … --enhet …`).
pub fn skriv(fil: &Path, databas: Option<&str>, enhet: Option<&str>) -> Result<(), String> {
    let gammal = match std::fs::read_to_string(fil) {
        Ok(text) if !text.trim().is_empty() => {
            serde_json::from_str::<Fil>(text.trim_start_matches('\u{feff}')).unwrap_or_default()
        }
        _ => Fil::default(),
    };
    let ny = Fil {
        databas: databas.map(|d| databasplats(d).map(|_| d.trim().to_string())).transpose()?.or(gammal.databas),
        enhet: enhet.map(|e| godkand_text(e, "enhet")).transpose()?.or(gammal.enhet),
    };
    let text = serde_json::to_string_pretty(&ny).map_err(|e| e.to_string())?;
    if let Some(mapp) = fil.parent() {
        std::fs::create_dir_all(mapp).map_err(|e| format!("Mappen {} kunde inte skapas ({e}).", mapp.display()))?;
    }
    std::fs::write(fil, text + "\n")
        .map_err(|e| format!("Inställningsfilen {} kunde inte skrivas ({e}).", fil.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fil_och_postgres_och_enhet() {
        let i = tolka("\u{feff}{\"databas\": \"D:\\\\Bistand\\\\enhet.db\", \"enhet\": \" Norra \"}").unwrap();
        assert_eq!(i.databas, Some(Databasplats::Fil(PathBuf::from(r"D:\Bistand\enhet.db"))));
        assert_eq!(i.enhet.as_deref(), Some("Norra"));
        let p = tolka(r#"{"databas": "postgres://bistand@db.kommun.se/bistand"}"#).unwrap();
        assert!(matches!(p.databas, Some(Databasplats::Postgres(_))));
        assert_eq!(tolka("").unwrap(), Installning::default());
    }

    #[test]
    fn dalig_fil_ger_svenskt_besked() {
        for text in [
            "{",
            r#"{"databas": ""}"#,
            r#"{"databas": "postgres://"}"#,
            r#"{"databas": "https://x/y"}"#,
            r#"{"okant": 1}"#,
            r#"{"enhet": 5}"#,
            "[1,2]",
        ] {
            let fel = tolka(text).expect_err(text);
            assert!(fel.contains("fältet") || fel.contains("JSON"), "{text}: {fel}");
        }
    }

    #[test]
    fn skriv_behaller_det_andra_faltet() {
        let dir = tempfile::tempdir().unwrap();
        let fil = dir.path().join("Bistand").join("installning.json");
        skriv(&fil, Some(r"\\server\bistand\enhet.db"), None).unwrap();
        skriv(&fil, None, Some("Enheten Norra")).unwrap();
        let i = las(&fil).unwrap();
        assert_eq!(i.databas, Some(Databasplats::Fil(PathBuf::from(r"\\server\bistand\enhet.db"))));
        assert_eq!(i.enhet.as_deref(), Some("Enheten Norra"));
        assert!(skriv(&fil, Some("ftp://x"), None).is_err());
        assert_eq!(las(&dir.path().join("saknas.json")).unwrap(), Installning::default());
    }
}
