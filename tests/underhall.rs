//! Inställningar › Säkerhetskopior and the long work in the background: the daily automatic
//! backup, printing a month's decision letters, and growing the training database – each with
//! a progress bar that can be cancelled.

mod gemensamt;

use bistand::domain::manad::Manad;
use bistand::store::{DagligKopia, Store, gor_daglig_kopia};
use bistand::ui::BistandApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gemensamt::ui::*;
use gemensamt::*;

/// Runs frames until `klart` holds (background work finishes on its own thread).
fn vanta_tills(h: &mut Harness<'static, BistandApp>, vad: &str, klart: impl Fn(&Harness<'static, BistandApp>) -> bool) {
    for _ in 0..3000 {
        h.run();
        if klart(h) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("väntade förgäves på: {vad}");
}

/// Replaces the text of a field.
fn ersatt(h: &mut Harness<'static, BistandApp>, etikett: &str, text: &str) {
    h.get_by_label(etikett).scroll_to_me();
    h.run();
    h.get_by_label(etikett).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(etikett).type_text(text);
    h.run();
}

#[test]
fn a_caseworker_turns_on_the_daily_backup_and_todays_copy_appears_while_working() {
    let (dir, mut h) = gemensamt::ui::demo_harness_i_fil();
    let kopior = dir.path().join("Kopior");
    klicka(&mut h, "Inställningar");
    klicka(&mut h, "Gör en säkerhetskopia varje dag");
    ersatt(&mut h, "Mapp för säkerhetskopior", kopior.to_str().unwrap());
    ersatt(&mut h, "Antal kopior att behålla", "0");
    klicka(&mut h, "Spara inställningen för säkerhetskopior");
    assert!(h.query_by_label_contains("Ange ett heltal 1–365").is_some(), "a bad number is refused at the field");
    assert!(!h.state().store().daglig_kopia().pa, "nothing was stored");

    ersatt(&mut h, "Antal kopior att behålla", "3");
    klicka(&mut h, "Spara inställningen för säkerhetskopior");
    assert!(h.query_by_label_contains("En kopia görs varje dag").is_some());
    // Today's copy is made at once, in the background, and the status bar says so.
    let fil = kopior.join("test-2026-11-23.db");
    vanta_tills(&mut h, "dagens säkerhetskopia", |h| h.query_by_label_contains("Säkerhetskopia 2026-11-23").is_some());
    let kopia = Store::open(&fil).unwrap();
    let rapport = kopia.kontroll().unwrap();
    assert!(rapport.frisk() && rapport.hushall == 12, "{:?}", rapport.problem);
}

#[test]
fn only_the_newest_daily_copies_are_kept_and_other_files_are_left_alone() {
    let (dir, path) = temp_db();
    let mut store = open_fil(&path);
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let mapp = dir.path().join("kopior");
    std::fs::create_dir_all(&mapp).unwrap();
    std::fs::write(mapp.join("anteckningar.txt"), "egen fil").unwrap();
    std::fs::write(mapp.join("test-ovning-2026-01-01.db"), "en annan databas kopia").unwrap();
    let k = DagligKopia { pa: true, mapp: mapp.clone(), behall: 3 };
    for dag in 18..=23 {
        let idag = chrono::NaiveDate::from_ymd_opt(2026, 11, dag).unwrap();
        assert!(gor_daglig_kopia(&path, &k, idag).unwrap().is_some(), "a copy on day {dag}");
        assert!(gor_daglig_kopia(&path, &k, idag).unwrap().is_none(), "only one copy a day");
    }
    let mut namn: Vec<String> =
        std::fs::read_dir(&mapp).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    namn.sort();
    assert_eq!(
        namn,
        [
            "anteckningar.txt",
            "test-2026-11-21.db",
            "test-2026-11-22.db",
            "test-2026-11-23.db",
            "test-ovning-2026-01-01.db"
        ]
    );
    // A folder that cannot be made gives a Swedish message, not a panic.
    let fel = DagligKopia { mapp: mapp.join("anteckningar.txt").join("x"), ..k };
    let text = gor_daglig_kopia(&path, &fel, nu().date()).unwrap_err().to_string();
    assert!(text.contains("mappen kan inte skapas"), "{text}");
}

#[test]
fn a_months_decision_letters_are_printed_in_the_background_one_file_each() {
    let (_dir, utskrifter, mut h) = demo_med_utskrift();
    klicka(&mut h, "Inställningar");
    ersatt(&mut h, "Månad (ÅÅÅÅ-MM)", "2026-13");
    klicka(&mut h, "Skriv ut månadens beslut");
    assert!(h.query_by_label_contains("är ingen månad").is_some(), "an impossible month is refused at the field");

    ersatt(&mut h, "Månad (ÅÅÅÅ-MM)", "2026-10");
    klicka(&mut h, "Skriv ut månadens beslut");
    vanta_tills(&mut h, "utskriften", |h| h.query_by_label_contains("beslutsbrev för 2026-10 finns i").is_some());
    let beslut = h.state().store().beslut_for_period(Manad::parse("2026-10").unwrap()).unwrap();
    assert!(beslut.len() >= 5, "the demo decided last month's applications");
    let mapp = utskrifter.path().join("Beslut 2026-10");
    for b in &beslut {
        let pdf = std::fs::read(mapp.join(format!("beslut-{}-{}.pdf", b.arendenummer, b.id))).unwrap();
        let text = &pdf_sidor(&pdf)[0];
        assert!(text.contains(&b.arendenummer), "the letter of {} names its case", b.arendenummer);
    }
    assert_eq!(std::fs::read_dir(&mapp).unwrap().count(), beslut.len(), "one file per decision, no more");
}

fn ovningsharness() -> (tempfile::TempDir, Harness<'static, BistandApp>) {
    let (dir, path) = temp_db();
    let mut store = open_fil(&path);
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let app = BistandApp::ny(store, true, fast_klocka);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_ui_state(|ui, app: &mut BistandApp| app.visa(ui), app);
    h.run();
    (dir, h)
}

#[test]
fn a_trainer_adds_households_with_history_to_the_training_database() {
    let (_dir, mut h) = ovningsharness();
    klicka(&mut h, "Inställningar");
    ersatt(&mut h, "Antal hushåll", "300");
    ersatt(&mut h, "Månader historik i snitt", "6");
    klicka(&mut h, "Lägg till påhittade hushåll");
    vanta_tills(&mut h, "övningsdata", |h| h.query_by_label_contains("300 påhittade hushåll är tillagda").is_some());
    let store = h.state().store();
    let rapport = store.kontroll().unwrap();
    assert!(rapport.frisk(), "{:?}", rapport.problem);
    assert_eq!(rapport.hushall, 312);
    // The new cases have months of applications, each decided.
    let alla = store.sok_arenden("", bistand::store::Sortering::Arendenummer, true, 1000).unwrap().rader;
    let med_historik = alla.iter().filter(|r| store.ansokningar(r.arende_id).unwrap().len() >= 3).count();
    assert!(med_historik > 100, "{med_historik} cases with three months or more");
}

#[test]
fn long_work_shows_its_progress_and_stops_when_cancelled_keeping_what_was_done() {
    let (_dir, mut h) = ovningsharness();
    klicka(&mut h, "Inställningar");
    ersatt(&mut h, "Antal hushåll", "50000");
    ersatt(&mut h, "Månader historik i snitt", "24");
    klicka(&mut h, "Lägg till påhittade hushåll");
    vanta_tills(&mut h, "förloppet", |h| h.query_by_label_contains("av 50000").is_some());
    assert!(h.query_by_label("Lägg till påhittade hushåll").is_some());
    klicka(&mut h, "Avbryt");
    vanta_tills(&mut h, "avbrottet", |h| h.query_by_label_contains("Avbrutet.").is_some());
    let store = h.state().store();
    let rapport = store.kontroll().unwrap();
    assert!(rapport.frisk(), "{:?}", rapport.problem);
    let tillagda = rapport.hushall - 12;
    assert!(tillagda < 50_000 && tillagda % 250 == 0, "whole batches are kept: {tillagda}");
    let text = format!("{tillagda} av 50000 hushåll hann läggas till");
    assert!(h.query_by_label_contains(&text).is_some(), "the message says how far it came: {text}");
}
