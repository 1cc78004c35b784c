//! Printers: which the system has, which one the user chose (a setting), and sending a letter
//! to it. Every outcome is a Swedish sentence; a print tool's English never reaches the user.

use super::{Aktor, Arbetsfel};
use crate::plattform::utan_fonster;
use crate::store::Store;
use crate::utskrift::{Brev, Dokument};
use std::path::{Path, PathBuf};

/// The setting that remembers the chosen printer.
pub const INSTALLNING: &str = "skrivare";
/// The entry that means "the system's default printer" (also the list when none can be read).
pub const STANDARD: &str = "Standardskrivaren";

/// The printers the system lists, or only "Standardskrivaren" when none can be listed.
pub fn systemets_skrivare() -> Vec<String> {
    let utdata = if cfg!(windows) {
        kor_for_text("powershell", &["-NoProfile", "-Command", "Get-Printer | Select-Object -ExpandProperty Name"])
            .or_else(|| kor_for_text("wmic", &["printer", "get", "name"]))
    } else {
        kor_for_text("lpstat", &["-e"])
    };
    tolka_skrivarlista(utdata.as_deref().unwrap_or(""))
}

fn kor_for_text(program: &str, argument: &[&str]) -> Option<String> {
    let ut = utan_fonster(program).args(argument).output().ok()?;
    if !ut.status.success() {
        return None;
    }
    Some(avkoda(&ut.stdout))
}

/// Tool output as text: UTF-16 (as wmic writes it when redirected) or UTF-8, lossy.
fn avkoda(bytes: &[u8]) -> String {
    let utf16 =
        bytes.len() >= 2 && (bytes.starts_with(&[0xFF, 0xFE]) || bytes.iter().skip(1).step_by(2).all(|b| *b == 0));
    if utf16 && bytes.len().is_multiple_of(2) {
        let enheter: Vec<u16> = bytes.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        return String::from_utf16_lossy(&enheter);
    }
    String::from_utf8_lossy(bytes).into_owned()
}

/// Reads printer names from `lpstat -e`, `wmic printer get name` or `Get-Printer` output: one
/// name a line; blank lines, the "Name" heading and dashed rules are skipped, duplicates
/// dropped. With no name the list holds "Standardskrivaren".
pub fn tolka_skrivarlista(utdata: &str) -> Vec<String> {
    let mut namn: Vec<String> = Vec::new();
    for rad in utdata.lines() {
        let rad = rad.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\0');
        let rubrik = rad.eq_ignore_ascii_case("name") || rad.chars().all(|c| c == '-');
        if rad.is_empty() || rubrik || rad.chars().any(char::is_control) || namn.iter().any(|n| n == rad) {
            continue;
        }
        namn.push(rad.to_string());
    }
    if namn.is_empty() {
        namn.push(STANDARD.to_string());
    }
    namn
}

/// The printer the user chose last, if any.
pub fn vald_skrivare(store: &Store) -> Result<Option<String>, Arbetsfel> {
    Ok(store.installning(INSTALLNING)?.filter(|n| !n.trim().is_empty()))
}

/// Remembers `namn` as the user's printer.
pub fn valj_skrivare(store: &mut Store, _aktor: &Aktor, namn: &str) -> Result<(), Arbetsfel> {
    let namn = namn.trim();
    if namn.is_empty() || namn.chars().any(char::is_control) {
        return Err(Arbetsfel::Ogiltig("Välj en skrivare i listan.".into()));
    }
    store.satt_installning(INSTALLNING, namn)?;
    Ok(())
}

/// What became of a print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Utskriven {
    /// Sent to the printer.
    Skrivare(String),
    /// Saved only: the system cannot print a PDF without a program (Windows); open it there.
    Sparad(PathBuf),
}

/// Makes `dokument` as of today and prints it as [`skriv_pa_skrivare`] does (`bistand brev …
/// --skrivare NAMN`).
pub fn skriv_ut_pa_skrivare(
    store: &mut Store,
    aktor: &Aktor,
    dokument: &Dokument,
    fil: &Path,
    skrivare: &str,
) -> Result<Utskriven, Arbetsfel> {
    aktor.far(crate::store::Handelse::SkrevUtBrev)?;
    if skrivare.trim().is_empty() || skrivare.chars().any(char::is_control) {
        return Err(Arbetsfel::Ogiltig("Ange skrivarens namn, t.ex. Standardskrivaren.".into()));
    }
    let brev = dokument.skapa(store, aktor.nu.date())?;
    skriv_pa_skrivare(store, aktor, &brev, fil, skrivare)
}

/// Saves the letter as `fil` (its folder must exist), sends it to `skrivare` where the system
/// can (`lp`), and writes "Brev utskrivet: …" in the journal.
pub fn skriv_pa_skrivare(
    store: &mut Store,
    aktor: &Aktor,
    brev: &Brev,
    fil: &Path,
    skrivare: &str,
) -> Result<Utskriven, Arbetsfel> {
    aktor.far(crate::store::Handelse::SkrevUtBrev)?;
    super::brev::skriv_fil(brev, fil)?;
    let namn = fil.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if cfg!(windows) {
        // The PDF program's PrintTo verb prints to the chosen printer; without one the letter
        // is opened in the viewer to be printed from there.
        if skicka_med_printto(fil, skrivare).is_err() {
            super::brev::journalfor(store, aktor, brev, &format!("{} ({namn})", brev.titel))?;
            return Ok(Utskriven::Sparad(fil.to_path_buf()));
        }
    } else {
        skicka_med_lp(fil, skrivare).map_err(Arbetsfel::Ogiltig)?;
    }
    super::brev::journalfor(store, aktor, brev, &format!("{} ({namn}, skrivare {skrivare})", brev.titel))?;
    Ok(Utskriven::Skrivare(skrivare.to_string()))
}

/// Windows: the file handed to its PDF program's "PrintTo" verb (the system's default printer:
/// "Print"), through PowerShell so that no window opens. `Err` when no program takes it.
fn skicka_med_printto(fil: &Path, skrivare: &str) -> Result<(), ()> {
    let ut = utan_fonster("powershell").args(printto_argument(fil, skrivare)).output().map_err(|_| ())?;
    if ut.status.success() { Ok(()) } else { Err(()) }
}

/// PowerShell's arguments for printing `fil` on `skrivare` (quotes in names doubled).
pub fn printto_argument(fil: &Path, skrivare: &str) -> Vec<String> {
    let citera = |t: &str| format!("'{}'", t.replace('\'', "''"));
    let fil = citera(&fil.to_string_lossy());
    let utskrift = if skrivare == STANDARD {
        format!("Start-Process -FilePath {fil} -Verb Print -WindowStyle Hidden")
    } else {
        let namn = citera(&format!("\"{skrivare}\""));
        format!("Start-Process -FilePath {fil} -Verb PrintTo -ArgumentList {namn} -WindowStyle Hidden")
    };
    let kommando = format!("$ErrorActionPreference = 'Stop'; {utskrift}");
    ["-NoProfile", "-NonInteractive", "-Command", &kommando].map(String::from).to_vec()
}

/// `lp [-d NAME] file`, its failure as a Swedish sentence.
fn skicka_med_lp(fil: &Path, skrivare: &str) -> Result<(), String> {
    let mut lp = std::process::Command::new("lp");
    if skrivare != STANDARD {
        lp.arg("-d").arg(skrivare);
    }
    let ut = lp.arg("--").arg(fil).output().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            "Brevet skrevs inte ut: datorn har inget utskriftssystem (programmet lp saknas). Brevet är sparat."
                .to_string()
        }
        _ => "Brevet skrevs inte ut: utskriftssystemet (lp) kunde inte startas. Brevet är sparat.".to_string(),
    })?;
    if ut.status.success() {
        return Ok(());
    }
    Err(lp_orsak(&String::from_utf8_lossy(&ut.stderr), skrivare))
}

/// The reason `lp` gave, in Swedish (its own text is never shown).
pub fn lp_orsak(stderr: &str, skrivare: &str) -> String {
    let fel = stderr.to_lowercase();
    let orsak = if fel.contains("does not exist") || fel.contains("unknown destination") || fel.contains("no such") {
        format!("skrivaren {skrivare} finns inte")
    } else if fel.contains("no default destination") {
        "datorn har ingen standardskrivare – välj en skrivare i listan".to_string()
    } else if fel.contains("not accepting") || fel.contains("disabled") {
        format!("skrivaren {skrivare} tar inte emot utskrifter just nu")
    } else if fel.contains("unable to connect") || fel.contains("connection refused") || fel.contains("scheduler") {
        "datorns utskriftstjänst svarar inte".to_string()
    } else if fel.contains("forbidden") || fel.contains("not authorized") || fel.contains("permission") {
        format!("du har inte behörighet att skriva ut på {skrivare}")
    } else {
        format!("skrivaren {skrivare} kunde inte ta emot brevet")
    };
    format!("Brevet skrevs inte ut: {orsak}. Brevet är sparat.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lpstat_e() {
        let ut = "HP_LaserJet_4B\nKontor-plan3\n\nHP_LaserJet_4B\n";
        assert_eq!(tolka_skrivarlista(ut), ["HP_LaserJet_4B", "Kontor-plan3"]);
    }

    #[test]
    fn wmic_och_get_printer() {
        let wmic =
            "Name                           \r\r\nMicrosoft Print to PDF         \r\r\nKontor plan 3\r\r\n\r\r\n";
        assert_eq!(tolka_skrivarlista(wmic), ["Microsoft Print to PDF", "Kontor plan 3"]);
        let ps = "\u{feff}Fax\r\nOneNote (Desktop)\r\n";
        assert_eq!(tolka_skrivarlista(ps), ["Fax", "OneNote (Desktop)"]);
        let utf16: Vec<u8> = "Name\r\nKöket\r\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(tolka_skrivarlista(&avkoda(&utf16)), ["Köket"]);
    }

    #[test]
    fn ingen_skrivare_ger_standardskrivaren() {
        assert_eq!(tolka_skrivarlista(""), [STANDARD]);
        assert_eq!(tolka_skrivarlista("Name\n----\n  \n"), [STANDARD]);
        assert_eq!(tolka_skrivarlista("\u{1}\u{2}\n"), [STANDARD]);
    }

    #[test]
    fn printto_names_the_chosen_printer_and_survives_quotes() {
        let a = printto_argument(Path::new(r"C:\Brev\O'Hara.pdf"), "Kontor plan 3");
        let kommando = &a[3];
        assert!(kommando.contains(r"-FilePath 'C:\Brev\O''Hara.pdf'"), "{kommando}");
        assert!(kommando.contains(r#"-Verb PrintTo -ArgumentList '"Kontor plan 3"'"#), "{kommando}");
        assert!(printto_argument(Path::new("a.pdf"), STANDARD)[3].contains("-Verb Print "));
    }

    #[test]
    fn lp_fel_pa_svenska() {
        let t = lp_orsak("lp: The printer or class does not exist.", "Kontor");
        assert_eq!(t, "Brevet skrevs inte ut: skrivaren Kontor finns inte. Brevet är sparat.");
        assert!(!lp_orsak("lp: Error - scheduler not responding.", "K").contains("scheduler"));
        assert!(lp_orsak("helt okänt", "K").contains("kunde inte ta emot"));
    }
}
