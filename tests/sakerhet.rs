//! Nothing can wipe, forge or silently lose the unit's records: a restore refuses every file
//! that is not a complete, untouched database of this program, keeps what it replaces, and an
//! edit made with any SQLite tool is found by `kontroll` through the hash chain.

mod gemensamt;

use bistand::store::{Handelse, SCHEMA_VERSION, Store, aterstall};
use gemensamt::*;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// A unit with history: decisions, plans, journal, a protected household.
fn enhet() -> (tempfile::TempDir, PathBuf) {
    let (dir, path) = temp_db();
    let mut store = gemensamt::open_fil(&path);
    let val = bistand::demo::Demoval { hushall: 30, manader: 3 };
    bistand::demo::bygg_demo(&mut store, val, nu(), &mut |_, _| true).unwrap();
    for arende in 1..=3 {
        store.skriv(|w| w.logga(Handelse::OppnadeArende, Some(arende), "Test Handläggare", "", nu())).unwrap();
    }
    (dir, path)
}

fn backup(store_path: &Path, namn: &str) -> PathBuf {
    let kopia = store_path.with_file_name(namn);
    open_fil(store_path).sakerhetskopiera(&kopia).unwrap();
    kopia
}

fn antal(path: &Path, tabell: &str) -> i64 {
    let conn = Connection::open(path).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {tabell}"), [], |r| r.get(0)).unwrap()
}

/// What an attacker with the sqlite3 tool does: drops every trigger, runs `sql`, and puts the
/// triggers back exactly as they were, so the schema looks untouched.
fn manipulera(path: &Path, sql: &str) {
    let conn = Connection::open(path).unwrap();
    let triggers: Vec<(String, String)> = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (namn, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER {namn}")).unwrap();
    }
    conn.execute_batch(sql).unwrap();
    for (_, sql) in &triggers {
        conn.execute_batch(sql).unwrap();
    }
}

/// Changes the schema itself (no triggers put back).
fn andra_schema(path: &Path, sql: &str) {
    Connection::open(path).unwrap().execute_batch(sql).unwrap();
}

/// Restoring `fran` over the live database is refused with a message containing `orsak`, and
/// the live database is exactly as it was.
fn vagras(live: &Path, fran: &Path, orsak: &str) {
    let fore = (antal(live, "journal"), antal(live, "beslut"), antal(live, "hushall"));
    let fel = match aterstall(fran, live, nu()) {
        Ok(a) => panic!("the restore of {} was not refused: {:?}", fran.display(), a.rapport.problem),
        Err(e) => e.to_string(),
    };
    assert!(fel.contains(orsak), "expected «{orsak}» in: {fel}");
    assert!(fel.contains("orörd") || fel.contains("nyare version"), "says the database is untouched: {fel}");
    assert_eq!(fore, (antal(live, "journal"), antal(live, "beslut"), antal(live, "hushall")));
    assert!(open_fil(live).kontroll().unwrap().frisk());
}

#[test]
fn a_restore_refuses_files_that_are_not_a_whole_database_of_this_program() {
    let (dir, live) = enhet();
    let kopia = backup(&live, "kopia.db");
    let fil = |namn: &str| dir.path().join(namn);

    std::fs::write(fil("tom.db"), b"").unwrap();
    vagras(&live, &fil("tom.db"), "tom");

    Connection::open(fil("annan.db")).unwrap().execute_batch("CREATE TABLE kunder (namn TEXT);").unwrap();
    vagras(&live, &fil("annan.db"), "ingen Bistånd-databas");

    let hel = std::fs::read(&kopia).unwrap();
    std::fs::write(fil("halv.db"), &hel[..hel.len() / 2]).unwrap();
    vagras(&live, &fil("halv.db"), "bara en del av en");

    std::fs::write(fil("skrap.db"), vec![7u8; 8192]).unwrap();
    vagras(&live, &fil("skrap.db"), "ingen databas");

    std::fs::copy(&kopia, fil("nyare.db")).unwrap();
    andra_schema(&fil("nyare.db"), &format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1));
    vagras(&live, &fil("nyare.db"), "nyare version");
}

#[test]
fn a_restore_refuses_a_schema_that_differs_from_the_programs() {
    let (dir, live) = enhet();
    let kopia = backup(&live, "kopia.db");
    let attacker: &[(&str, &str, &str)] = &[
        ("utan-trigger.db", "DROP TRIGGER journal_raderas_aldrig;", "triggern journal_raderas_aldrig saknas"),
        (
            "tom-trigger.db",
            "DROP TRIGGER beslut_andras_aldrig;
             CREATE TRIGGER beslut_andras_aldrig BEFORE UPDATE ON beslut BEGIN SELECT 1; END;",
            "triggern beslut_andras_aldrig skiljer sig",
        ),
        ("extra-tabell.db", "CREATE TABLE allapnr AS SELECT pnr FROM person;", "tabellen allapnr hör inte till"),
        (
            "vy-som-logg.db",
            "DROP TRIGGER handelselogg_raderas_aldrig; DROP TRIGGER handelselogg_andras_aldrig;
             DROP TRIGGER kedja_handelselogg_0; ALTER TABLE handelselogg RENAME TO gammal_logg;
             CREATE VIEW handelselogg AS SELECT * FROM gammal_logg WHERE 0;",
            "tabellen handelselogg är utbytt mot en vy",
        ),
        (
            "omskrivare.db",
            "CREATE TRIGGER tyst AFTER INSERT ON journal BEGIN SELECT 1; END;",
            "triggern tyst hör inte till",
        ),
        ("extra-kolumn.db", "ALTER TABLE person ADD COLUMN notering TEXT;", "tabellen person skiljer sig"),
    ];
    for (namn, sql, orsak) in attacker {
        let fil = dir.path().join(namn);
        std::fs::copy(&kopia, &fil).unwrap();
        andra_schema(&fil, sql);
        vagras(&live, &fil, orsak);
    }
}

#[test]
fn an_edit_made_with_any_sqlite_tool_is_found_by_the_hash_chain() {
    let (dir, live) = enhet();
    let kopia = backup(&live, "kopia.db");
    let (journal_id, beslut_id): (i64, i64) = {
        let c = Connection::open(&kopia).unwrap();
        (
            c.query_row("SELECT min(id) FROM journal", [], |r| r.get(0)).unwrap(),
            c.query_row("SELECT min(beslut_id) FROM beslutspost", [], |r| r.get(0)).unwrap(),
        )
    };
    let attacker = [
        ("text.db", format!("UPDATE journal SET text = text || ' 5 000 kr' WHERE id = {journal_id}"), "ändrats"),
        ("bort.db", format!("DELETE FROM journal WHERE id = {journal_id}"), "tagits bort"),
        (
            "belopp.db",
            format!("UPDATE beslutspost SET beviljat_ore = beviljat_ore * 10 WHERE beslut_id = {beslut_id}"),
            "beslutspost",
        ),
        (
            "skydd.db",
            "UPDATE hushall SET skyddade_personuppgifter = 1 - skyddade_personuppgifter WHERE id = 1".into(),
            "hushåll 1",
        ),
        ("logg.db", "DELETE FROM handelselogg WHERE id = (SELECT max(id) FROM handelselogg)".into(), "händelseloggen"),
        (
            "ny.db",
            "INSERT INTO journal (arende_id, datum, rubrik, text, skriven_av, skapad)
             VALUES (1, '2026-01-01', 'Efterhand', 'Skriven i efterhand', 'X', '2026-01-01 10:00:00')"
                .into(),
            "skrivits utanför programmet",
        ),
        ("kedja.db", "DELETE FROM kedja WHERE id = 5".into(), "bruten vid post"),
    ];
    for (namn, sql, orsak) in &attacker {
        let fil = dir.path().join(namn);
        std::fs::copy(&kopia, &fil).unwrap();
        manipulera(&fil, sql);
        vagras(&live, &fil, orsak);
        // The same file as a live database: kontroll names the break.
        let som_live = dir.path().join(format!("live-{namn}"));
        std::fs::copy(&fil, &som_live).unwrap();
        let rapport = gemensamt::open_fil(&som_live).kontroll().unwrap();
        assert!(rapport.problem.iter().any(|p| p.contains(orsak)), "{namn}: {:?}", rapport.problem);
    }
    // Untouched, the same backup restores, and the replaced database is kept beside it.
    let gjort = aterstall(&kopia, &live, nu()).unwrap();
    assert!(gjort.rapport.frisk(), "{:?}", gjort.rapport.problem);
    let ersatt = gjort.ersatt.expect("the replaced database is kept");
    assert!(ersatt.file_name().unwrap().to_str().unwrap().contains("ersatt-2026-11-23"), "{}", ersatt.display());
    assert!(gemensamt::open_fil(&ersatt).kontroll().unwrap().frisk());
}

#[test]
fn a_restore_never_changes_the_backup_file() {
    let (_dir, live) = enhet();
    let kopia = backup(&live, "kopia.db");
    let fore = std::fs::read(&kopia).unwrap();
    let andrad = std::fs::metadata(&kopia).unwrap().modified().unwrap();
    aterstall(&kopia, &live, nu()).unwrap();
    assert_eq!(std::fs::read(&kopia).unwrap(), fore, "the backup's bytes are unchanged");
    assert_eq!(std::fs::metadata(&kopia).unwrap().modified().unwrap(), andrad);
    for sida in ["-wal", "-shm", "-journal"] {
        let mut p = kopia.clone().into_os_string();
        p.push(sida);
        assert!(!Path::new(&p).exists(), "no {sida} file was made beside the backup");
    }
}

#[test]
fn a_damaged_database_is_not_backed_up_without_a_word() {
    let (dir, live) = enhet();
    skada_sidan(&live, "beslut");
    let kopia = dir.path().join("kopia.db");
    let fel = Store::open(&live).and_then(|s| s.sakerhetskopiera(&kopia)).expect_err("refused").to_string();
    assert!(fel.contains("skadad"), "{fel}");
    assert!(!kopia.exists(), "no copy that looks usable");
}

#[test]
fn opening_takes_no_write_lock_when_nothing_needs_writing() {
    let (_dir, live) = enhet();
    drop(gemensamt::open_fil(&live));
    let annan = Connection::open(&live).unwrap();
    annan.execute_batch("BEGIN IMMEDIATE").unwrap();
    // Another program holds the write lock; reading still works at once.
    let start = std::time::Instant::now();
    let store = Store::open(&live).expect("opened while another program writes");
    assert!(store.alla_beslut().unwrap().len() > 10);
    assert!(start.elapsed() < std::time::Duration::from_secs(4), "did not wait for the write lock");
    annan.execute_batch("COMMIT").unwrap();
}

#[cfg(unix)]
#[test]
fn files_the_program_creates_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("enhet/data/bistand.db");
    let store = gemensamt::open_fil(&live);
    let kopia = dir.path().join("kopia.db");
    store.sakerhetskopiera(&kopia).unwrap();
    drop(store);
    let gjort = aterstall(&kopia, &live, nu()).unwrap();
    let _oppen = gemensamt::open_fil(&live);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    for fil in [live.clone(), live.with_extension("db-wal"), kopia, gjort.ersatt.unwrap()] {
        assert_eq!(mode(&fil), 0o600, "{}", fil.display());
    }
    assert_eq!(mode(&dir.path().join("enhet")), 0o700);
    assert_eq!(mode(&dir.path().join("enhet/data")), 0o700);
}
