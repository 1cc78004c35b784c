//! Robustness as a user would meet it: a killed program never loses a save it reported, two
//! windows on one database both work, a backup can be taken while working and restored only
//! when it is healthy, and impossible paths get a Swedish message.

mod gemensamt;

use bistand::domain::journal::NyJournalPost;
use bistand::store::{Sortering, Store, aterstall};
use gemensamt::*;
use std::collections::HashSet;
use std::io::Read;
use std::process::{Command, Stdio};

fn demo_fil() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = temp_db();
    let mut store = gemensamt::open_fil(&path);
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    (dir, path)
}

#[cfg(unix)]
#[test]
fn a_killed_program_keeps_every_save_it_reported() {
    let (_dir, path) = demo_fil();
    let mut rapporterade = HashSet::new();
    let mut slump: u64 = 0x5EED;
    for _ in 0..50 {
        let mut barn = Command::new(env!("CARGO_BIN_EXE_bistand"))
            .args(["__spara-i-loop", "--db", path.to_str().unwrap()])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut ut = barn.stdout.take().unwrap();
        slump = slump.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        std::thread::sleep(std::time::Duration::from_millis(15 + (slump >> 33) % 60));
        barn.kill().unwrap(); // SIGKILL: no chance to clean up
        barn.wait().unwrap();
        let mut text = String::new();
        ut.read_to_string(&mut text).unwrap();
        // Only complete lines were reported; a line cut by the kill does not count.
        let klara = if text.ends_with('\n') { text.as_str() } else { text.rsplit_once('\n').map_or("", |(a, _)| a) };
        rapporterade.extend(klara.lines().filter_map(|l| l.trim().parse::<i64>().ok()));
    }
    assert!(rapporterade.len() > 50, "the loop saved something ({} saves)", rapporterade.len());
    let store = gemensamt::open_fil(&path);
    let rapport = store.kontroll().unwrap();
    assert!(rapport.frisk(), "{:?}", rapport.problem);
    let arende = store.sok_arenden("", Sortering::Arendenummer, true, 1).unwrap().rader[0].arende_id;
    let sparade: HashSet<i64> = store.journal(arende).unwrap().into_iter().map(|p| p.id).collect();
    let saknas: Vec<_> = rapporterade.difference(&sparade).collect();
    assert!(saknas.is_empty(), "reported as saved but missing: {saknas:?}");
}

#[test]
fn two_windows_on_one_database_both_save() {
    let (_dir, path) = demo_fil();
    let mut a = gemensamt::open_fil(&path);
    let mut b = gemensamt::open_fil(&path);
    let arende = a.sok_arenden("", Sortering::Arendenummer, true, 1).unwrap().rader[0].arende_id;
    for i in 0..20 {
        let post = |vem: &str| NyJournalPost {
            datum: nu().date(),
            rubrik: format!("{vem} {i}"),
            text: "t".into(),
            ersatter: None,
        };
        a.skriv(|w| w.skriv_journal(arende, &post("A"), "A", nu())).unwrap();
        b.skriv(|w| w.skriv_journal(arende, &post("B"), "B", nu())).unwrap();
    }
    let journal = a.journal(arende).unwrap();
    assert_eq!(journal.iter().filter(|p| p.rubrik.starts_with("A ") || p.rubrik.starts_with("B ")).count(), 40);
    assert!(b.kontroll().unwrap().frisk());
}

/// While another program holds a long write, a save waits (five seconds) and then says in Swedish
/// that the database is busy; nothing is half-saved, and the next try succeeds.
#[test]
fn a_second_instance_finds_the_database_busy_and_says_so() {
    let (_dir, path) = demo_fil();
    let mut b = gemensamt::open_fil(&path);
    let arende = b.sok_arenden("", Sortering::Arendenummer, true, 1).unwrap().rader[0].arende_id;
    let fore = b.journal(arende).unwrap().len();
    let annan = rusqlite::Connection::open(&path).unwrap();
    annan.execute_batch("BEGIN IMMEDIATE; UPDATE installning SET varde = varde;").unwrap();
    let post = NyJournalPost { datum: nu().date(), rubrik: "Upptagen".into(), text: "t".into(), ersatter: None };
    let fel = b.skriv(|w| w.skriv_journal(arende, &post, "B", nu())).unwrap_err().to_string();
    assert!(fel.contains("Databasen är upptagen av ett annat fönster"), "{fel}");
    annan.execute_batch("COMMIT").unwrap();
    assert_eq!(b.journal(arende).unwrap().len(), fore, "nothing half-saved");
    b.skriv(|w| w.skriv_journal(arende, &post, "B", nu())).unwrap();
    assert_eq!(b.journal(arende).unwrap().len(), fore + 1);
    assert!(b.kontroll().unwrap().frisk());
}

#[test]
fn a_backup_taken_while_working_restores_only_when_healthy() {
    let (dir, path) = demo_fil();
    let store = gemensamt::open_fil(&path);
    let kopia = dir.path().join("kopia.db");
    store.sakerhetskopiera(&kopia).unwrap();
    assert!(store.sakerhetskopiera(&kopia).unwrap_err().to_string().contains("finns redan"));
    // Restoring over the database that is open is refused.
    let fel = aterstall(&kopia, &path, nu()).unwrap_err().to_string();
    assert!(fel.contains("används"), "{fel}");
    drop(store);
    let ny = dir.path().join("aterstalld.db");
    let rapport = aterstall(&kopia, &ny, nu()).unwrap().rapport;
    assert!(rapport.frisk());
    assert_eq!(rapport.hushall, 12);
    let trasig = dir.path().join("trasig.db");
    std::fs::write(&trasig, vec![0u8; 8192]).unwrap();
    assert!(aterstall(&trasig, &ny, nu()).is_err());
    assert_eq!(
        gemensamt::open_fil(&ny).kontroll().unwrap().hushall,
        12,
        "a failed restore leaves the database as it was"
    );
}

#[test]
fn backup_and_restore_from_the_command_line() {
    let (dir, path) = demo_fil();
    let kopia = dir.path().join("kopia.db");
    let bistand = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_bistand")).args(args).output().unwrap();
    let ut = bistand(&["sakerhetskopia", "--db", path.to_str().unwrap(), "--ut", kopia.to_str().unwrap()]);
    assert!(ut.status.success(), "{}", String::from_utf8_lossy(&ut.stderr));
    let mal = dir.path().join("ny.db");
    let ut = bistand(&["aterstall", "--fran", kopia.to_str().unwrap(), "--db", mal.to_str().unwrap()]);
    assert!(ut.status.success(), "{}", String::from_utf8_lossy(&ut.stderr));
    assert!(String::from_utf8_lossy(&ut.stdout).contains("är frisk"));
    let ut = bistand(&["aterstall", "--db", mal.to_str().unwrap()]);
    assert_eq!(ut.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&ut.stderr).contains("--fran"));
}

#[test]
fn an_impossible_database_path_gets_a_swedish_message() {
    let (dir, _) = temp_db();
    let fil = dir.path().join("en-fil.txt");
    std::fs::write(&fil, "text").unwrap();
    let err = Store::open(&fil.join("bistand.db")).err().expect("refused").to_string();
    assert!(err.contains("kan inte öppnas") && err.contains("mappen"), "{err}");
    // A folder nobody may write in (sysfs is read-only even for an administrator).
    if std::path::Path::new("/sys/kernel").is_dir() {
        let err = Store::open(std::path::Path::new("/sys/kernel/bistand.db")).err().expect("refused").to_string();
        assert!(err.contains("kan inte skapas") && err.contains("behörighet saknas"), "{err}");
        assert!(!err.contains("unable"), "no English from SQLite: {err}");
    }
}
