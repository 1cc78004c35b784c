//! The training database and the real one: fictitious households never enter a real database,
//! and the first start on a new real database offers the training database in one click.

mod gemensamt;

use bistand::demo::{Demoval, bygg_demo, fyll_pa_demo, skapa_demo};
use bistand::store::Store;
use bistand::ui::skal::forsta_start::OVNINGSKNAPP;
use egui_kittest::kittest::Queryable;
use gemensamt::ui::*;
use gemensamt::*;

/// A real database in use: one household registered.
fn riktig_med_ett_hushall(path: &std::path::Path) -> Store {
    let mut store = open(path);
    let h = hushall(vec![person(pnr(1985, 4, 2, 123), "Vera", "Verklig")]);
    store.skriv(|w| w.skapa_hushall(&h, &arende(), nu())).unwrap();
    store
}

#[test]
fn fictitious_households_are_refused_in_a_real_database_and_nothing_is_written() {
    let (_dir, path) = temp_db();
    let mut store = riktig_med_ett_hushall(&path);
    let fel = skapa_demo(&mut store, 12, nu()).unwrap_err().to_string();
    assert!(fel.contains("ingen övningsdatabas") && fel.contains("välj en annan fil"), "{fel}");
    let val = Demoval { hushall: 300, manader: 6 };
    assert!(bygg_demo(&mut store, val, nu(), &mut |_, _| true).is_err());
    assert!(fyll_pa_demo(&mut store, 50, 6, nu(), &mut |_, _| true).is_err(), "nor added to it later");
    let r = store.kontroll().unwrap();
    assert_eq!((r.hushall, r.personer, r.arenden), (1, 1, 1), "only the real household is there");
    assert!(!store.ar_ovningsdatabas().unwrap(), "a real database is not turned into a training one");

    // A database where only a draft has been typed so far is in use too.
    let (_dir2, path2) = temp_db();
    let mut store = open(&path2);
    store.spara_utkast("vera", "hushall:ny", "Nytt hushåll", "{\"pnr\":\"198504021234\"}", nu()).unwrap();
    assert!(skapa_demo(&mut store, 12, nu()).is_err());
    assert_eq!(store.antal_hushall().unwrap(), 0);
    assert_eq!(store.alla_utkast("vera").unwrap().len(), 1, "the draft is kept");
}

#[test]
fn an_empty_database_gets_the_demo_and_becomes_a_training_database_that_can_grow() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    assert!(store.ar_tom().unwrap() && !store.ar_ovningsdatabas().unwrap());
    skapa_demo(&mut store, 12, nu()).unwrap();
    assert!(store.ar_ovningsdatabas().unwrap());
    assert_eq!(store.antal_hushall().unwrap(), 12);
    fyll_pa_demo(&mut store, 20, 0, nu(), &mut |_, _| true).unwrap();
    assert_eq!(store.antal_hushall().unwrap(), 32, "a training database takes more households");
    drop(store);
    assert!(open(&path).ar_ovningsdatabas().unwrap(), "the marking is kept in the file");
}

#[test]
fn the_window_opens_a_new_real_database_empty_and_a_new_training_database_with_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let riktig = dir.path().join("enhet").join("bistand.db");
    let store = bistand::ui::oppna_databas(&riktig).unwrap();
    assert_eq!(store.antal_hushall().unwrap(), 0, "no made-up households in a real database");
    assert!(!store.ar_ovningsdatabas().unwrap());
    let ovning = bistand::ui::ovningsfil(&riktig);
    assert_eq!(ovning, dir.path().join("enhet").join("bistand-ovning.db"));
    let store = bistand::ui::oppna_ovningsdatabas(&ovning, nu()).unwrap();
    assert_eq!(store.antal_hushall().unwrap(), 12);
    assert!(store.ar_ovningsdatabas().unwrap());
    drop(store);
    // Opened again it keeps its households (no second demo).
    assert_eq!(bistand::ui::oppna_ovningsdatabas(&ovning, nu()).unwrap().antal_hushall().unwrap(), 12);
}

#[test]
fn a_training_database_made_before_the_marking_is_marked_when_opened_as_training() {
    let (_dir, path) = temp_db();
    let mut store = gemensamt::open_fil(&path);
    skapa_demo(&mut store, 12, nu()).unwrap();
    drop(store);
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute("DELETE FROM installning WHERE nyckel = 'ovningsdatabas'", []).unwrap();
    drop(raw);
    assert!(!gemensamt::open_fil(&path).ar_ovningsdatabas().unwrap());
    let mut store = bistand::ui::oppna_ovningsdatabas(&path, nu()).unwrap();
    assert!(store.ar_ovningsdatabas().unwrap());
    assert_eq!(store.antal_hushall().unwrap(), 12);
    fyll_pa_demo(&mut store, 5, 0, nu(), &mut |_, _| true).unwrap();
    assert_eq!(store.antal_hushall().unwrap(), 17, "the trainer can still add households");
}

#[test]
fn the_first_start_offers_the_training_database_and_the_real_one_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let riktig = dir.path().join("bistand.db");
    let mut h = harness(bistand::ui::oppna_databas(&riktig).unwrap());
    assert!(h.query_by_label_contains("enhetens riktiga databas").is_some(), "the first-start panel says so");
    assert!(h.query_by_label_contains("Inga ärenden ännu").is_some(), "no households in the list");
    assert!(h.query_by_label("Registrera nytt hushåll").is_some());
    assert!(h.query_by_label("ÖVNINGSLÄGE").is_none(), "not marked as training");

    klicka(&mut h, OVNINGSKNAPP);
    assert!(h.query_by_label("ÖVNINGSLÄGE").is_some(), "the status bar says training");
    assert!(h.query_by_label("ÖVNING").is_some(), "so does the top bar");
    assert!(h.query_by_label("12 st").is_some(), "the twelve demo households are listed");
    assert!(h.query_by_label_contains("Berglund").is_some(), "the training family among them");
    assert!(h.query_by_label_contains("bistand-ovning.db").is_some(), "the status bar names the training file");
    assert!(h.query_by_label_contains("enhetens riktiga databas").is_none(), "the panel is gone");
    assert_eq!(h.state().store().sokvag(), dir.path().join("bistand-ovning.db"));

    let real = open(&riktig);
    assert_eq!(real.antal_hushall().unwrap(), 0, "the real database still has no households");
    assert!(!real.ar_ovningsdatabas().unwrap());
}

#[test]
fn a_training_database_opened_by_its_path_is_shown_in_training_mode() {
    let (_dir, h) = demo_harness();
    assert!(h.query_by_label("ÖVNINGSLÄGE").is_some());
    assert!(h.query_by_label_contains("enhetens riktiga databas").is_none());
    let (_dir, path) = temp_db();
    let h = harness(riktig_med_ett_hushall(&path));
    assert!(h.query_by_label("ÖVNINGSLÄGE").is_none(), "a real database in use is not training");
    assert!(h.query_by_label_contains("enhetens riktiga databas").is_none(), "nor a first start");
    assert!(h.query_by_label_contains("Välj ett ärende i listan").is_some());
}
