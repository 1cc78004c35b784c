//! The unit's database across a network (issue 16): a lost connection keeps the drafts on the
//! computer and the store reconnects by itself, a write cut off is never half saved, one
//! window sees another's changes (LISTEN/NOTIFY), and the window says when the server is gone.
//!
//! The server tests need BISTAND_TEST_PG (see .ci/postgres.sh) and print a line without it.
//! Each makes a database of its own, since they cut connections.

mod gemensamt;

use bistand::store::{Kontakt, Store, StoreError};
use egui_kittest::kittest::Queryable;
use gemensamt::*;
use postgres::{Client, NoTls};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The tests that cut connections do it one at a time.
static EN_I_TAGET: Mutex<()> = Mutex::new(());

const INGEN_KONTAKT: &str = "Ingen kontakt med enhetens databas – ditt arbete sparas på datorn";

fn testserver() -> Option<String> {
    let url = std::env::var(bistand::store::server::TESTSERVER).ok();
    if url.is_none() {
        println!("BISTAND_TEST_PG är inte satt: testet mot en PostgreSQL-server hoppas över");
    }
    url
}

/// A database of the test's own on the test server, dropped at the end.
struct Testdatabas {
    admin: String,
    namn: String,
    url: String,
}

impl Testdatabas {
    fn ny(server: &str, vad: &str) -> Testdatabas {
        let namn = format!("natverk_{vad}_{}", std::process::id());
        let db = Testdatabas {
            admin: server.to_string(),
            url: format!("{}/{namn}", server.rsplit_once('/').expect("a url with a database").0),
            namn,
        };
        db.kor(&format!("DROP DATABASE IF EXISTS {0} WITH (FORCE)", db.namn));
        db.kor(&format!("CREATE DATABASE {0}", db.namn));
        db
    }

    fn kor(&self, sql: &str) {
        Client::connect(&self.admin, NoTls).expect("the test server answers").batch_execute(sql).unwrap();
    }

    /// Ends every session the program has on this database, as a network fault would.
    fn bryt_anslutningarna(&self) {
        self.kor(&format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'bistand'
               AND datname = '{}' AND pid <> pg_backend_pid()",
            self.namn
        ));
    }

    /// The program's store on this database with its local drafts file in `mapp`.
    fn oppna(&self, mapp: &tempfile::TempDir) -> (std::path::PathBuf, Store) {
        let lokal = mapp.path().join("utkast.db");
        let store = Store::open_server_med_utkastfil(&self.url, &lokal).unwrap();
        (lokal, store)
    }

    /// The server goes away: the program's sessions are cut and no new one is let in.
    fn forsvinn(&self) {
        self.tillat_anslutningar(false);
        self.bryt_anslutningarna();
    }

    /// Lets no new session in (`false`) or lets them in again.
    fn tillat_anslutningar(&self, ja: bool) {
        self.kor(&format!("ALTER DATABASE {} ALLOW_CONNECTIONS {ja}", self.namn));
    }
}

impl Drop for Testdatabas {
    fn drop(&mut self) {
        let _ = Client::connect(&self.admin, NoTls)
            .and_then(|mut c| c.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.namn)));
    }
}

/// Follows the contact until it is back (within 15 s); whether "Tillbaka" was reported.
fn vanta_pa_kontakt(store: &mut Store) -> bool {
    let slut = Instant::now() + Duration::from_secs(15);
    while Instant::now() < slut {
        match store.folj_kontakten() {
            Kontakt::Tillbaka => return true,
            Kontakt::Ansluten => return false,
            _ => std::thread::sleep(Duration::from_millis(100)),
        }
    }
    panic!("the store did not reconnect within 15 s");
}

fn ett_hushall(store: &mut Store, efternamn: &str, serie: u16) -> bistand::store::Resultat<()> {
    let h = hushall(vec![person(pnr(1985, 4, 2, serie), "Vera", efternamn)]);
    store.skriv(|w| w.skapa_hushall(&h, &arende(), nu()).map(|_| ()))
}

#[test]
fn drafts_typed_while_the_server_is_gone_stay_on_the_computer_and_move_up_when_it_is_back() {
    let Some(server) = testserver() else { return };
    let _ett = EN_I_TAGET.lock().unwrap_or_else(|e| e.into_inner());
    let db = Testdatabas::ny(&server, "utkast");
    let mapp = tempfile::tempdir().unwrap();
    let (lokal, mut store) = db.oppna(&mapp);
    assert_eq!(store.folj_kontakten(), Kontakt::Ansluten);
    store.spara_utkast("vera", "journal:1", "Journalanteckning", r#"{"text":"före"}"#, nu()).unwrap();

    // The server goes away: our session is cut and no new one is let in.
    db.forsvinn();
    store
        .spara_utkast("vera", "ansokan:1", "Ansökan", r#"{"text":"under avbrottet"}"#, nu())
        .expect("the draft is kept on the computer, not lost");
    assert_eq!(store.folj_kontakten(), Kontakt::Bruten);
    let listade: Vec<String> = store.alla_utkast("vera").unwrap().into_iter().map(|u| u.nyckel).collect();
    assert_eq!(listade, ["ansokan:1"], "offline, the drafts on the computer are listed");
    assert_eq!(store.utkast("vera", "ansokan:1").unwrap().unwrap().data, r#"{"text":"under avbrottet"}"#);
    store.ta_bort_utkast("vera", "journal:1").expect("a draft discarded offline is noted on the computer");
    let fel = ett_hushall(&mut store, "Provsson", 982).unwrap_err();
    assert!(matches!(fel, StoreError::IngenKontakt(_)), "a save is refused as a network fault: {fel:?}");
    assert!(fel.to_string().starts_with("Ingen kontakt med enhetens databas"), "{fel}");

    // Back: the store reconnects by itself and moves the computer's drafts up.
    db.tillat_anslutningar(true);
    assert!(vanta_pa_kontakt(&mut store), "the store reports once that the contact is back");
    assert_eq!(store.folj_kontakten(), Kontakt::Ansluten);
    let andra = Store::open_server_med_utkastfil(&db.url, &mapp.path().join("andra.db")).unwrap();
    let pa_servern: Vec<(String, String)> =
        andra.alla_utkast("vera").unwrap().into_iter().map(|u| (u.nyckel, u.data)).collect();
    assert_eq!(
        pa_servern,
        [("ansokan:1".to_string(), r#"{"text":"under avbrottet"}"#.to_string())],
        "the offline draft is on the server and the one discarded offline is gone there"
    );
    let kvar: i64 =
        rusqlite::Connection::open(&lokal).unwrap().query_row("SELECT count(*) FROM utkast", [], |r| r.get(0)).unwrap();
    assert_eq!(kvar, 0, "the computer's copies are removed once the server has them");
    ett_hushall(&mut store, "Provsson", 982).expect("saving works again");
    drop((store, andra));
}

#[test]
fn a_write_cut_off_midway_is_not_saved_in_part_and_the_next_use_reconnects() {
    let Some(server) = testserver() else { return };
    let _ett = EN_I_TAGET.lock().unwrap_or_else(|e| e.into_inner());
    let db = Testdatabas::ny(&server, "skriv");
    let mapp = tempfile::tempdir().unwrap();
    let mut store = Store::open_server_med_utkastfil(&db.url, &mapp.path().join("u.db")).unwrap();
    let (forsta, andra) = (hushall(vec![person(pnr(1985, 4, 2, 982), "Vera", "Först")]), {
        hushall(vec![person(pnr(1990, 1, 1, 2), "Alva", "Sedan")])
    });
    let svar = store.skriv(|w| {
        w.skapa_hushall(&forsta, &arende(), nu())?;
        db.bryt_anslutningarna();
        // Even a caller that ignores an error cannot go on on a new connection.
        let _ = w.skapa_hushall(&andra, &arende(), nu());
        w.skapa_hushall(&andra, &arende(), nu()).map(|_| ())
    });
    assert!(matches!(svar, Err(StoreError::IngenKontakt(_))), "{svar:?}");
    vanta_pa_kontakt(&mut store);
    assert_eq!(store.antal_hushall().unwrap(), 0, "nothing of the cut-off transaction was saved");
    ett_hushall(&mut store, "Igen", 982).expect("the same save succeeds on the new connection");
    assert_eq!(store.antal_hushall().unwrap(), 1);
}

#[test]
fn drafts_left_on_the_computer_when_the_program_closed_offline_move_up_at_the_next_start() {
    let Some(server) = testserver() else { return };
    let _ett = EN_I_TAGET.lock().unwrap_or_else(|e| e.into_inner());
    let db = Testdatabas::ny(&server, "start");
    let mapp = tempfile::tempdir().unwrap();
    let (lokal, mut store) = db.oppna(&mapp);
    db.forsvinn();
    store.spara_utkast("vera", "fia:3", "FIA-intervju", r#"{"svar":"halvvägs"}"#, nu()).unwrap();
    drop(store);
    db.tillat_anslutningar(true);
    let store = Store::open_server_med_utkastfil(&db.url, &lokal).unwrap();
    let andra = Store::open_server_med_utkastfil(&db.url, &mapp.path().join("andra.db")).unwrap();
    assert_eq!(andra.utkast("vera", "fia:3").unwrap().map(|u| u.titel).as_deref(), Some("FIA-intervju"));
    assert_eq!(store.alla_utkast("vera").unwrap().len(), 1, "listed once, not twice");
}

#[test]
fn a_draft_saved_as_the_connection_dies_reaches_the_server_on_the_next_use() {
    let Some(server) = testserver() else { return };
    let _ett = EN_I_TAGET.lock().unwrap_or_else(|e| e.into_inner());
    let db = Testdatabas::ny(&server, "nasta");
    let mapp = tempfile::tempdir().unwrap();
    let mut store = Store::open_server_med_utkastfil(&db.url, &mapp.path().join("u.db")).unwrap();
    db.bryt_anslutningarna();
    store.spara_utkast("vera", "journal:7", "Journalanteckning", r#"{"text":"mitt i"}"#, nu()).unwrap();
    let nu_listade: Vec<String> = store.alla_utkast("vera").unwrap().into_iter().map(|u| u.nyckel).collect();
    assert_eq!(nu_listade, ["journal:7"], "the next use lists it");
    let andra = Store::open_server_med_utkastfil(&db.url, &mapp.path().join("andra.db")).unwrap();
    assert_eq!(andra.utkast("vera", "journal:7").unwrap().map(|u| u.data).as_deref(), Some(r#"{"text":"mitt i"}"#));
    assert_eq!(store.folj_kontakten(), Kontakt::Tillbaka, "and the window is told the contact is back");
    drop((store, andra));
}

#[test]
fn a_change_in_one_window_reaches_another_without_asking_the_server() {
    let Some(server) = testserver() else { return };
    let _ett = EN_I_TAGET.lock().unwrap_or_else(|e| e.into_inner());
    let db = Testdatabas::ny(&server, "notis");
    let mapp = tempfile::tempdir().unwrap();
    let mut a = Store::open_server_med_utkastfil(&db.url, &mapp.path().join("a.db")).unwrap();
    let mut b = Store::open_server_med_utkastfil(&db.url, &mapp.path().join("b.db")).unwrap();
    assert!(!b.andringar().nagon(), "nothing changed yet");
    ett_hushall(&mut a, "Provsson", 982).unwrap();
    let slut = Instant::now() + Duration::from_secs(5);
    let mut sedda = b.andringar();
    while !sedda.arenden && Instant::now() < slut {
        std::thread::sleep(Duration::from_millis(50));
        sedda = b.andringar();
    }
    assert!(sedda.arenden, "the other window hears that the cases changed");
    assert!(!sedda.utbetalningar, "and not that payments did");
    std::thread::sleep(Duration::from_millis(300));
    assert!(!b.andringar().nagon(), "each change is reported once");

    // After a break the store listens again.
    db.bryt_anslutningarna();
    let _ = b.alla_utkast("vera");
    vanta_pa_kontakt(&mut b);
    ett_hushall(&mut a, "Annan", 2)
        .or_else(|_| {
            vanta_pa_kontakt(&mut a);
            ett_hushall(&mut a, "Annan", 2)
        })
        .unwrap();
    let slut = Instant::now() + Duration::from_secs(5);
    while !b.andringar().arenden {
        assert!(Instant::now() < slut, "the reconnected store hears changes again");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_case_list_shows_another_users_new_case_by_itself() {
    let Some(server) = testserver() else { return };
    let _ett = EN_I_TAGET.lock().unwrap_or_else(|e| e.into_inner());
    let db = Testdatabas::ny(&server, "lista");
    let mapp = tempfile::tempdir().unwrap();
    let mut annan = Store::open_server_med_utkastfil(&db.url, &mapp.path().join("annan.db")).unwrap();
    let var = Store::open_server_med_utkastfil(&db.url, &mapp.path().join("var.db")).unwrap();
    let mut h = gemensamt::ui::harness(var);
    assert!(h.query_by_label_contains("Provsson").is_none());
    ett_hushall(&mut annan, "Provsson", 982).unwrap();
    let slut = Instant::now() + Duration::from_secs(5);
    loop {
        h.run();
        if h.query_by_label_contains("Provsson").is_some() {
            break;
        }
        assert!(Instant::now() < slut, "the case list did not show the other user's new case");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_database_file_has_no_network_and_hears_nothing() {
    let (_dir, path) = temp_db();
    let mut store = open_fil(&path);
    ett_hushall(&mut store, "Provsson", 982).unwrap();
    assert_eq!(store.folj_kontakten(), Kontakt::Fil);
    assert!(!store.andringar().nagon());
}

#[test]
fn the_window_says_when_the_units_database_cannot_be_reached_and_when_it_is_back() {
    let (_dir, path) = temp_db();
    let mut h = gemensamt::ui::harness(open(&path));
    assert!(h.query_by_label_contains("Ingen kontakt").is_none(), "all is well at first");
    h.state_mut().store_mut().simulera_kontaktbrott(true);
    h.run();
    assert!(h.query_by_label(INGEN_KONTAKT).is_some(), "the status bar says the server is gone");
    h.state_mut().store_mut().simulera_kontaktbrott(false);
    h.run();
    assert!(h.query_by_label(INGEN_KONTAKT).is_none());
    assert!(h.query_by_label("Kontakten med enhetens databas är tillbaka").is_some());
}

#[test]
fn offline_drafts_of_two_users_of_one_computer_move_up_each_as_her_own() {
    let Some(server) = testserver() else { return };
    let _ett = EN_I_TAGET.lock().unwrap_or_else(|e| e.into_inner());
    let db = Testdatabas::ny(&server, "per_anvandare");
    let mapp = tempfile::tempdir().unwrap();
    let (_lokal, mut store) = db.oppna(&mapp);
    db.forsvinn();
    // Ulrika types, logs out, and Bertil types into the same form on the same computer.
    store.spara_utkast("ulrika", "ansokan:1", "Ansökan", r#"{"text":"Ulrikas"}"#, nu()).unwrap();
    store.spara_utkast("bertil", "ansokan:1", "Ansökan", r#"{"text":"Bertils"}"#, nu()).unwrap();
    assert_eq!(store.utkast("ulrika", "ansokan:1").unwrap().unwrap().data, r#"{"text":"Ulrikas"}"#);
    let bertils: Vec<String> = store.alla_utkast("bertil").unwrap().into_iter().map(|u| u.data).collect();
    assert_eq!(bertils, [r#"{"text":"Bertils"}"#], "offline, each is listed her own only");
    db.tillat_anslutningar(true);
    vanta_pa_kontakt(&mut store);
    let andra = Store::open_server_med_utkastfil(&db.url, &mapp.path().join("andra.db")).unwrap();
    for (vem, text) in [("ulrika", r#"{"text":"Ulrikas"}"#), ("bertil", r#"{"text":"Bertils"}"#)] {
        let pa_servern: Vec<(String, String)> =
            andra.alla_utkast(vem).unwrap().into_iter().map(|u| (u.anvandare, u.data)).collect();
        assert_eq!(pa_servern, [(vem.to_string(), text.to_string())], "{vem}'s draft is hers on the server");
    }
    drop((store, andra));
}
