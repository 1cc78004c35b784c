//! The statistics view as a user meets it: opened from the top bar, stepping through periods,
//! and the report written with one button.

mod gemensamt;

use bistand::ui::BistandApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gemensamt::ui::{fast_klocka, klicka, kor};
use gemensamt::*;

#[test]
fn statistik_shows_the_tertial_steps_back_and_writes_the_report() {
    let mut store = bistand::store::Store::open_in_memory().unwrap();
    let val = bistand::demo::Demoval { hushall: 40, manader: 4 };
    bistand::demo::bygg_demo(&mut store, val, nu(), &mut |_, _| true).unwrap();
    let r = bistand::arbete::statistik::rapport(&store, bistand::domain::statistik::Period::Tertial(2026, 3), None)
        .unwrap();
    let utskrifter = tempfile::tempdir().unwrap();
    let app = BistandApp::ny(store, false, fast_klocka).med_utskrift(utskrifter.path().to_path_buf(), false);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_ui_state(|ui, app: &mut BistandApp| app.visa(ui), app);
    kor(&mut h);
    klicka(&mut h, "Statistik");
    assert!(h.query_by_label("tertial 3 2026 (september–december)").is_some(), "today's tertial");
    assert!(h.query_by_label("Hushåll med ekonomiskt bistånd").is_some());
    let hushall = r.tabeller[0].rader[0][1].visa();
    assert!(h.query_all_by_label(&hushall).count() >= 1, "the figure {hushall} as the report has it");
    assert_eq!(h.query_all_by_label("Hushåll med bistånd per månad").count(), 2, "the chart and its whole table");
    klicka(&mut h, "← Föregående");
    assert!(h.query_by_label("tertial 2 2026 (maj–augusti)").is_some());
    klicka(&mut h, "Skriv rapport (PDF och CSV)");
    let pdf = utskrifter.path().join("statistik").join("statistik-2026-T2.pdf");
    assert!(pdf.exists(), "the report is written to the print folder");
    assert!(h.query_by_label_contains("Rapporten för tertial 2 2026").is_some(), "and the user is told where");
    klicka(&mut h, "Tillbaka");
    assert!(h.query_by_label("Hushåll med ekonomiskt bistånd").is_none());
}

#[test]
fn arshjulet_ticks_off_a_control_with_the_note_in_the_journal_and_lists_cases_to_close() {
    let (_dir, mut h) = gemensamt::ui::demo_harness();
    let manad = bistand::domain::manad::Manad::av(nu().date());
    let uppgift = h.state().store().arshjulsuppgifter(manad, None).unwrap().into_iter().next().expect("a task");
    klicka(&mut h, "Statistik");
    klicka(&mut h, "Årshjulet");
    assert!(h.query_by_label("Årshjulet november 2026").is_some());
    gemensamt::ui::skriv(&mut h, "Anteckning till journalen när en kontroll bockas av", "Intyget finns i akten.");
    klicka(&mut h, &format!("Bocka av {} – {}", uppgift.arendenummer, uppgift.text));
    let journal = h.state().store().journal(uppgift.arende_id).unwrap();
    assert!(
        journal.iter().any(|j| j.text == format!("Årshjulet november 2026 – {}: Intyget finns i akten.", uppgift.text)),
        "the journal line"
    );
    assert!(h.query_by_label(&format!("Bocka av {} – {}", uppgift.arendenummer, uppgift.text)).is_none(), "done");
    klicka(&mut h, "Ärenden att avsluta");
    assert!(h.query_by_label_contains("utan ansökan på en hel månad").is_some());
}

#[test]
fn the_units_population_entered_in_the_window_gives_the_shares_of_the_district() {
    let mut store = bistand::store::Store::open_sqlite_i_minnet().unwrap();
    let val = bistand::demo::Demoval { hushall: 30, manader: 3 };
    bistand::demo::bygg_demo(&mut store, val, nu(), &mut |_, _| true).unwrap();
    let app = BistandApp::ny(store, false, fast_klocka);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_ui_state(|ui, app: &mut BistandApp| app.visa(ui), app);
    kor(&mut h);
    klicka(&mut h, "Statistik");
    assert!(h.query_by_label_contains("Andel barn i stadsdelen").is_none(), "no population yet");
    klicka(&mut h, "Enhetens uppgifter");
    gemensamt::ui::skriv(&mut h, "Barn (0–17 år)", "2 000");
    gemensamt::ui::skriv(&mut h, "Vuxna (18 år och äldre)", "8000");
    klicka(&mut h, "Spara befolkningen");
    assert!(h.query_by_label("2026: 2000 barn, 8000 vuxna").is_some());
    klicka(&mut h, "Nyckeltal");
    assert!(h.query_by_label_contains("Andel barn i stadsdelen i familjer med bistånd (2000 barn 2026)").is_some());
}

#[test]
fn the_arshjul_is_edited_in_the_window_and_saved_as_a_version_from_its_date() {
    let (_dir, mut h) = gemensamt::ui::demo_harness();
    klicka(&mut h, "Statistik");
    klicka(&mut h, "Årshjulet");
    klicka(&mut h, "Ändra årshjulet");
    klicka(&mut h, "Ta bort kontroll 2");
    assert!(h.query_by_label("Ta bort kontroll 18").is_none(), "one control fewer");
    gemensamt::ui::skriv(&mut h, "Kontroll 1: text", " och lönebesked");
    h.get_by_label("Den nya versionen gäller från").focus();
    kor(&mut h);
    for _ in 0..10 {
        h.key_press(egui::Key::Backspace);
    }
    h.get_by_label("Den nya versionen gäller från").type_text("2027-01-01");
    kor(&mut h);
    klicka(&mut h, "Spara årshjulet som ny version");
    assert!(h.query_by_label_contains("Årshjulet är sparat och gäller från 2027-01-01").is_some());
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let nytt = h.state().store().arshjul(d("2027-01-01")).unwrap();
    assert!(nytt.kontroller[0].text.ends_with("och lönebesked"));
    assert_eq!(nytt.kontroller.len(), bistand::domain::arshjul::Arshjul::standard().kontroller.len() - 1);
    assert_eq!(h.state().store().arshjul(d("2026-12-31")).unwrap(), bistand::domain::arshjul::Arshjul::standard());
}

#[test]
fn on_a_database_file_the_figures_are_computed_off_the_ui_thread_and_then_shown() {
    let (_dir, mut h) = gemensamt::ui::demo_harness();
    klicka(&mut h, "Statistik");
    let mut frames = 0;
    while h.query_by_label("Hushåll med ekonomiskt bistånd").is_none() && frames < 200 {
        std::thread::sleep(std::time::Duration::from_millis(20));
        kor(&mut h);
        frames += 1;
    }
    assert!(h.query_by_label("Hushåll med ekonomiskt bistånd").is_some(), "the figures arrive");
}
