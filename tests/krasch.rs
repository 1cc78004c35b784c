//! Backups and restores killed at random moments, and a restore racing a program that saves:
//! the live database is always either fully old or fully new, healthy, and no save the program
//! reported is lost.
#![cfg(unix)]

mod gemensamt;

use bistand::domain::journal::NyJournalPost;
use bistand::store::aterstall;
use gemensamt::*;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

fn bistand(args: &[&Path]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_bistand"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn p(s: &str) -> &Path {
    Path::new(s)
}

/// A pseudo-random number of milliseconds below `max` (repeatable).
fn slump(tillstand: &mut u64, max: u64) -> u64 {
    *tillstand = tillstand.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    (*tillstand >> 33) % max
}

fn journalposter(path: &Path) -> i64 {
    let store = open_fil(path);
    let r = store.kontroll().unwrap();
    assert!(r.frisk(), "the database is healthy: {:?}", r.problem);
    r.journalposter
}

/// A unit big enough that a backup or restore takes a noticeable time.
fn enhet() -> (tempfile::TempDir, PathBuf) {
    let (dir, path) = temp_db();
    let mut store = gemensamt::open_fil(&path);
    let val = bistand::demo::Demoval { hushall: 300, manader: 4 };
    bistand::demo::bygg_demo(&mut store, val, nu(), &mut |_, _| true).unwrap();
    (dir, path)
}

fn skriv_anteckning(path: &Path) {
    let mut store = open_fil(path);
    let post = NyJournalPost { datum: nu().date(), rubrik: "Ny".into(), text: "Efter kopian".into(), ersatter: None };
    store.skriv(|w| w.skriv_journal(1, &post, "Test", nu())).unwrap();
}

#[test]
fn a_restore_killed_at_any_moment_leaves_the_database_fully_old_or_fully_new() {
    let (dir, live) = enhet();
    let gammal = dir.path().join("gammal.db");
    gemensamt::open_fil(&live).sakerhetskopiera(&gammal).unwrap();
    skriv_anteckning(&live);
    let ny = dir.path().join("ny.db");
    gemensamt::open_fil(&live).sakerhetskopiera(&ny).unwrap();
    let (n_gammal, n_ny) = (journalposter(&gammal), journalposter(&ny));
    assert_eq!(n_ny, n_gammal + 1);
    // Kill moments spread over the time a whole restore takes on this machine, now.
    let tid = tid_for(&[p("aterstall"), p("--fran"), &ny, p("--db"), &live]);
    let mut tillstand = 0x5EED_u64;
    let (mut fullbordade, mut avbrutna) = (0, 0);
    for i in 0..50 {
        let fran = if i % 2 == 0 { &gammal } else { &ny };
        let mut barn = bistand(&[p("aterstall"), p("--fran"), fran, p("--db"), &live]);
        if i % 10 != 9 {
            std::thread::sleep(Duration::from_micros(slump(&mut tillstand, tid.as_micros() as u64 + 1)));
            let _ = barn.kill();
        }
        match barn.wait().unwrap().success() {
            true => fullbordade += 1,
            false => avbrutna += 1,
        }
        let n = journalposter(&live);
        assert!(n == n_gammal || n == n_ny, "restore {i}: {n} entries is neither the old nor the new database");
    }
    assert!(fullbordade > 0 && avbrutna > 0, "{fullbordade} restores finished, {avbrutna} were killed");
}

/// How long the command takes when nobody kills it.
fn tid_for(args: &[&Path]) -> Duration {
    let start = std::time::Instant::now();
    assert!(bistand(args).wait().unwrap().success());
    start.elapsed()
}

#[test]
fn a_backup_killed_at_any_moment_never_leaves_a_file_that_looks_finished() {
    let (dir, live) = enhet();
    let tid = tid_for(&[p("sakerhetskopia"), p("--db"), &live, p("--ut"), &dir.path().join("hel.db")]);
    let mut tillstand = 0xB4C_u64;
    let (mut hela, mut avbrutna) = (0, 0);
    for i in 0..50 {
        let kopia = dir.path().join(format!("kopia-{i}.db"));
        let mut barn = bistand(&[p("sakerhetskopia"), p("--db"), &live, p("--ut"), &kopia]);
        if i % 10 != 9 {
            std::thread::sleep(Duration::from_micros(slump(&mut tillstand, tid.as_micros() as u64 + 1)));
            let _ = barn.kill();
        }
        if !barn.wait().unwrap().success() {
            avbrutna += 1;
        }
        if kopia.exists() {
            // Whatever has the backup's name restores as a whole database.
            let prov = dir.path().join(format!("prov-{i}.db"));
            let gjort = aterstall(&kopia, &prov, nu()).expect("a finished-looking backup restores");
            assert!(gjort.rapport.frisk());
            hela += 1;
        }
        journalposter(&live);
    }
    assert!(hela > 0 && avbrutna > 0, "{hela} of 50 backups finished, {avbrutna} were killed");
}

/// The ids a `__spara-i-loop` process reported as saved (complete lines only).
fn rapporterade(barn: &mut Child) -> Vec<i64> {
    let mut text = String::new();
    barn.stdout.take().unwrap().read_to_string(&mut text).unwrap();
    let klara = if text.ends_with('\n') { text.as_str() } else { text.rsplit_once('\n').map_or("", |(a, _)| a) };
    klara.lines().filter_map(|l| l.trim().parse().ok()).collect()
}

#[test]
fn a_restore_racing_a_program_that_saves_loses_no_reported_save() {
    let (dir, live) = enhet();
    let kopia = dir.path().join("kopia.db");
    gemensamt::open_fil(&live).sakerhetskopiera(&kopia).unwrap();
    let mut tillstand = 0xACE_u64;
    let (mut aterstallda, mut vagrade) = (0, 0);
    for _ in 0..12 {
        let forst = slump(&mut tillstand, 2) == 0;
        let mut skrivare = None;
        // The program that saves starts before the restore (which must then refuse), or at any
        // moment while or after the restore checks, locks and replaces the database.
        if forst {
            skrivare = Some(bistand(&[p("__spara-i-loop"), p("--db"), &live]));
            std::thread::sleep(Duration::from_millis(150 + slump(&mut tillstand, 100)));
        }
        let mut atergang = bistand(&[p("aterstall"), p("--fran"), &kopia, p("--db"), &live]);
        if !forst {
            std::thread::sleep(Duration::from_millis(slump(&mut tillstand, 2500)));
            skrivare = Some(bistand(&[p("__spara-i-loop"), p("--db"), &live]));
        }
        let ut = atergang.wait().unwrap();
        let mut skrivare = skrivare.unwrap();
        std::thread::sleep(Duration::from_millis(100));
        let _ = skrivare.kill();
        skrivare.wait().unwrap();
        let mut fel = String::new();
        atergang.stderr.take().unwrap().read_to_string(&mut fel).unwrap();
        if ut.success() {
            aterstallda += 1;
        } else {
            assert!(fel.contains("används"), "a refused restore says why: {fel}");
            vagrade += 1;
        }
        // Every save the program reported is in the database now.
        let store = gemensamt::open_fil(&live);
        let conn = rusqlite::Connection::open(&live).unwrap();
        let finns: std::collections::HashSet<i64> = conn
            .prepare("SELECT id FROM journal")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for id in rapporterade(&mut skrivare) {
            assert!(finns.contains(&id), "save {id} was reported but is gone");
        }
        assert!(store.kontroll().unwrap().frisk());
    }
    assert!(aterstallda > 0 && vagrade > 0, "both orders happened: {aterstallda} restored, {vagrade} refused");
}
