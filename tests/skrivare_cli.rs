//! `bistand brev … --skrivare NAMN`: the letter is saved, sent to the named printer through the
//! system's print command (here a stand-in `lp` first on PATH), the journal says so, and a
//! print that fails is said in Swedish with exit 1 (Windows: packaging/windows/wine-rok.sh).
#![cfg(unix)]

use std::path::Path;
use std::process::Command;

/// Runs the binary as the demo's 1:e socialsekreterare with `bin` first on PATH.
fn bistand(bin: &Path, args: &[&str]) -> (i32, String, String) {
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let out = Command::new(env!("CARGO_BIN_EXE_bistand"))
        .args(args)
        .args(["--anvandare", "tobias"])
        .env("BISTAND_LOSENORD", "ovning")
        .env("PATH", path)
        .output()
        .expect("the binary runs");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

/// A stand-in `lp` in `bin` that writes its arguments, one a line, to `anrop` and answers as
/// `svar` says (a shell fragment: what it prints and its exit code).
fn lp(bin: &Path, anrop: &Path, svar: &str) {
    use std::os::unix::fs::PermissionsExt;
    let fil = bin.join("lp");
    let skript = format!("#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\n{svar}\n", anrop.display());
    std::fs::write(&fil, skript).unwrap();
    std::fs::set_permissions(&fil, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// A demo database and the id of its first decision.
fn demo(dir: &Path) -> (String, String) {
    let db = dir.join("demo.db").to_str().unwrap().to_string();
    let ut = Command::new(env!("CARGO_BIN_EXE_bistand")).args(["demo", "--db", &db]).output().unwrap();
    assert!(ut.status.success(), "{}", String::from_utf8_lossy(&ut.stderr));
    let store = bistand::store::Store::open(Path::new(&db)).unwrap();
    let id = store.alla_beslut().unwrap()[0].id.to_string();
    (db, id)
}

/// The journal lines "Brev utskrivet" of the decision's case.
fn utskrivna(db: &str, beslut: &str) -> Vec<String> {
    let store = bistand::store::Store::open(Path::new(db)).unwrap();
    let arende = store.beslut(beslut.parse().unwrap()).unwrap().beslut.arende_id;
    let journal = store.journal(arende).unwrap();
    journal.into_iter().filter(|p| p.rubrik == "Brev utskrivet").map(|p| p.text).collect()
}

#[test]
fn brev_skrivare_sends_the_saved_letter_to_the_named_printer_and_notes_it_in_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let (db, id) = demo(dir.path());
    let anrop = dir.path().join("anrop.txt");
    lp(dir.path(), &anrop, "echo 'request id is Kontor-12 (1 file(s))'; exit 0");
    let brev = dir.path().join("beslut.pdf");
    let brev = brev.to_str().unwrap();
    let (kod, ut, fel) =
        bistand(dir.path(), &["brev", "--db", &db, "--beslut", &id, "--ut", brev, "--skrivare", "Kontor plan 3"]);
    assert_eq!(kod, 0, "{fel}");
    assert_eq!(ut.trim(), format!("Skickade brevet till skrivaren Kontor plan 3; det är sparat som {brev}."));
    assert!(!ut.contains("request id"), "the print tool's own words are not shown: {ut}");
    let skickat = std::fs::read_to_string(&anrop).unwrap();
    assert_eq!(skickat.lines().collect::<Vec<_>>(), ["-d", "Kontor plan 3", "--", brev]);
    assert!(std::fs::read(brev).unwrap().starts_with(b"%PDF"), "the letter is saved as a PDF");
    let rader = utskrivna(&db, &id);
    assert!(rader.iter().any(|r| r.contains("beslut.pdf, skrivare Kontor plan 3")), "{rader:?}");
}

#[test]
fn a_print_that_fails_is_said_in_swedish_the_letter_is_kept_and_the_exit_code_is_1() {
    let dir = tempfile::tempdir().unwrap();
    let (db, id) = demo(dir.path());
    let anrop = dir.path().join("anrop.txt");
    lp(dir.path(), &anrop, "echo 'lp: The printer or class does not exist.' >&2; exit 1");
    let brev = dir.path().join("beslut.pdf");
    let brev = brev.to_str().unwrap();
    let (kod, ut, fel) =
        bistand(dir.path(), &["brev", "--db", &db, "--beslut", &id, "--ut", brev, "--skrivare", "Köket"]);
    assert_eq!(kod, 1, "{ut}");
    assert_eq!(fel.trim(), "Brevet skrevs inte ut: skrivaren Köket finns inte. Brevet är sparat.");
    assert!(std::fs::read(brev).unwrap().starts_with(b"%PDF"), "the letter is saved all the same");
    assert!(utskrivna(&db, &id).is_empty(), "a letter that was not printed is not journalled as printed");
    // The system's default printer: lp without -d.
    lp(dir.path(), &anrop, "exit 0");
    let (kod, ut, fel) =
        bistand(dir.path(), &["brev", "--db", &db, "--beslut", &id, "--ut", brev, "--skrivare", "Standardskrivaren"]);
    assert_eq!(kod, 0, "{fel}");
    assert!(ut.starts_with("Skickade brevet till skrivaren Standardskrivaren"), "{ut}");
    assert_eq!(std::fs::read_to_string(&anrop).unwrap().lines().collect::<Vec<_>>(), ["--", brev]);
}
