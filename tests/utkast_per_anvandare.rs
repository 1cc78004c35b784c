//! Drafts per user (issue 16): on a database shared by a unit, two caseworkers editing the same
//! form each keep their own autosaved draft, and after a crash each is offered her own text only.
//! Drafts from before drafts had owners are offered to anyone until one of them continues it.
//!
//! Runs on SQLite, and on PostgreSQL too when BISTAND_TEST_PG is set.

mod gemensamt;

use bistand::arbete::Aktor;
use bistand::store::{SCHEMA_VERSION, Sortering, Store, migrera_till};
use bistand::ui::flikar::Flik;
use egui_kittest::kittest::Queryable;
use gemensamt::ui::{harness_som, klicka, skriv};
use gemensamt::*;

const ULRIKA: &str = "ulrika";
const BERTIL: &str = "bertil";
const NYCKEL: &str = "ansokan:1";

fn data(u: &Option<bistand::store::Utkast>) -> Option<&str> {
    u.as_ref().map(|u| u.data.as_str())
}

fn nycklar(store: &Store, vem: &str) -> Vec<(String, String)> {
    store.alla_utkast(vem).unwrap().into_iter().map(|u| (u.anvandare, u.data)).collect()
}

#[test]
fn two_users_editing_the_same_form_each_keep_their_own_draft() {
    let (_dir, path) = temp_db();
    let mut ulrikas = open(&path);
    let mut bertils = open(&path);
    ulrikas.spara_utkast(ULRIKA, NYCKEL, "Ansökan", r#"{"text":"Ulrikas"}"#, nu()).unwrap();
    bertils.spara_utkast(BERTIL, NYCKEL, "Ansökan", r#"{"text":"Bertils"}"#, nu()).unwrap();
    ulrikas.spara_utkast(ULRIKA, NYCKEL, "Ansökan", r#"{"text":"Ulrikas igen"}"#, nu()).unwrap();

    assert_eq!(data(&bertils.utkast(BERTIL, NYCKEL).unwrap()), Some(r#"{"text":"Bertils"}"#), "not overwritten");
    assert_eq!(data(&ulrikas.utkast(ULRIKA, NYCKEL).unwrap()), Some(r#"{"text":"Ulrikas igen"}"#));
    assert_eq!(nycklar(&bertils, BERTIL), [(BERTIL.to_string(), r#"{"text":"Bertils"}"#.to_string())]);
    assert!(ulrikas.utkast("karin", NYCKEL).unwrap().is_none(), "a third user is given neither");

    // Bertil saves his application: his draft goes, Ulrika's stays.
    bertils.ta_bort_utkast(BERTIL, NYCKEL).unwrap();
    assert!(bertils.utkast(BERTIL, NYCKEL).unwrap().is_none());
    assert_eq!(nycklar(&ulrikas, ULRIKA), [(ULRIKA.to_string(), r#"{"text":"Ulrikas igen"}"#.to_string())]);
}

/// A draft written before drafts had owners (`utkast` without `anvandare`): offered to anyone,
/// and Ulrika's once she continues it – then Bertil is offered it no more.
fn en_tidigare_utkast_utan_agare(mut ulrikas: Store, bertils: Store) {
    let forr = r#"{"text":"från förr"}"#;
    assert_eq!(nycklar(&ulrikas, ULRIKA), [(String::new(), forr.to_string())], "offered to Ulrika");
    assert_eq!(nycklar(&bertils, BERTIL), [(String::new(), forr.to_string())], "and to Bertil");
    assert_eq!(data(&bertils.utkast(BERTIL, "journal:1").unwrap()), Some(forr), "his form would start from it");
    ulrikas.spara_utkast(ULRIKA, "journal:1", "Journalanteckning", r#"{"text":"från förr, mer"}"#, nu()).unwrap();
    assert!(nycklar(&bertils, BERTIL).is_empty(), "once Ulrika continued it, it is hers");
    assert_eq!(nycklar(&ulrikas, ULRIKA), [(ULRIKA.to_string(), r#"{"text":"från förr, mer"}"#.to_string())]);
}

#[test]
fn a_draft_from_before_owners_is_kept_on_sqlite_and_becomes_hers_who_continues_it() {
    let (_dir, path) = temp_db();
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        migrera_till(&mut conn, SCHEMA_VERSION - 1).unwrap();
        conn.execute_batch(
            r#"INSERT INTO utkast (nyckel, titel, data, sparad)
               VALUES ('journal:1', 'Journalanteckning', '{"text":"från förr"}', '2026-11-20 09:00:00')"#,
        )
        .unwrap();
    }
    // The window offers it at login, saying it is not known whose it is.
    let mut h = harness_som(open_fil(&path), anvandare("Bertil Förste"));
    assert!(h.query_by_label_contains("Osparade utkast").is_some());
    assert!(h.query_by_label_contains("skrivet före uppdateringen – okänt av vem").is_some());
    h.run();
    drop(h);
    en_tidigare_utkast_utan_agare(open_fil(&path), open_fil(&path));
}

#[test]
fn a_draft_from_before_owners_is_kept_on_the_server_and_becomes_hers_who_continues_it() {
    let Ok(url) = std::env::var(bistand::store::server::TESTSERVER) else {
        println!("BISTAND_TEST_PG är inte satt: testet mot en PostgreSQL-server hoppas över");
        return;
    };
    drop(Store::open_in_memory().unwrap()); // the trigram extension exists in public
    let namn = format!("utkast_fore_{}", std::process::id());
    let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    admin
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {namn} CASCADE; CREATE SCHEMA {namn}; SET search_path = {namn}, public;
             BEGIN; {baslinje} COMMIT;
             INSERT INTO utkast (nyckel, titel, data, sparad)
             VALUES ('journal:1', 'Journalanteckning', '{{\"text\":\"från förr\"}}', '2026-11-20 09:00:00');",
            baslinje = bistand::store::postgres_schema::baslinje()
        ))
        .unwrap();
    let ulrikas = Store::open_testdatabas(&url, &namn).unwrap();
    let bertils = Store::open_testdatabas(&url, &namn).unwrap();
    en_tidigare_utkast_utan_agare(ulrikas, bertils);
    admin.batch_execute(&format!("DROP SCHEMA {namn} CASCADE")).unwrap();
}

fn anvandare(namn: &str) -> Aktor {
    Aktor::ny(namn, nu())
}

/// Opens Maria Berglund's journal in a window of `aktor`'s and types `text` in the note.
fn skriv_i_journalen(path: &std::path::Path, aktor: Aktor, arende_id: i64, text: &str) -> Option<String> {
    let mut h = harness_som(open(path), aktor);
    h.state_mut().oppna_arende_med_skal(arende_id, Flik::Journal, Some("Provar utkasten"));
    h.run();
    let fanns = h.get_by_label("Anteckning").value();
    skriv(&mut h, "Rubrik", "Elskuld");
    skriv(&mut h, "Anteckning", text);
    fanns
    // The window is dropped here without saving, as in a crash.
}

#[test]
fn after_a_crash_each_caseworker_gets_her_own_journal_draft_back() {
    let (_dir, path) = temp_db();
    bistand::demo::skapa_demo(&mut open(&path), 12, nu()).unwrap();
    let store = open(&path);
    let rad = store.sok_arenden("berglund", Sortering::Namn, true, 1).unwrap().rader.remove(0);
    let arendenummer = store.arende(rad.arende_id).unwrap().arendenummer;
    drop(store);

    skriv_i_journalen(&path, anvandare("Ulrika Handläggare"), rad.arende_id, "Ulrikas halvskrivna anteckning");
    let bertil_fick = skriv_i_journalen(&path, anvandare("Bertil Förste"), rad.arende_id, "Bertils anteckning");
    assert_eq!(bertil_fick.as_deref(), Some(""), "Bertil's form does not start from Ulrika's text");

    let aterstall = format!("Återställ Journalanteckning för Maria Berglund (ärende {arendenummer})");
    for (vem, text) in
        [("Ulrika Handläggare", "Ulrikas halvskrivna anteckning"), ("Bertil Förste", "Bertils anteckning")]
    {
        let mut h = harness_som(open(&path), anvandare(vem));
        assert!(h.query_by_label_contains("Osparade utkast").is_some(), "{vem} is offered her draft");
        assert_eq!(h.query_all_by_label(&aterstall).count(), 1, "{vem} is offered one journal draft, not two");
        klicka(&mut h, &aterstall);
        if h.query_by_label("Skäl till att öppna ärendet").is_some() {
            skriv(&mut h, "Skäl till att öppna ärendet", "Fortsätter min anteckning");
            klicka(&mut h, "Öppna ärendet");
        }
        assert_eq!(h.get_by_label("Anteckning").value().as_deref(), Some(text), "{vem} gets her own text back");
    }
}
