//! A confirmation goes after a few seconds instead of staying beside what follows; a warning
//! or an error stays until the user moves on.

mod gemensamt;

use chrono::NaiveDateTime;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use gemensamt::ui::{klicka, skriv};
use gemensamt::*;
use std::sync::atomic::{AtomicI64, Ordering};

/// Seconds the test's clock has moved on (only this file's one test moves it).
static SEKUNDER: AtomicI64 = AtomicI64::new(0);

fn klocka() -> NaiveDateTime {
    nu() + chrono::TimeDelta::seconds(SEKUNDER.load(Ordering::SeqCst))
}

#[test]
fn the_registration_notice_goes_after_a_while() {
    let (_dir, path) = temp_db();
    let app = bistand::ui::BistandApp::ny(open(&path), false, klocka).inloggad_som(gemensamt::ui::testanvandare());
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_ui_state(|ui, app: &mut bistand::ui::BistandApp| app.visa(ui), app);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    skriv(&mut h, "Sökande: personnummer", &pnr(1985, 4, 2, 982).ten_digits());
    skriv(&mut h, "Sökande: förnamn", "Vera");
    skriv(&mut h, "Sökande: efternamn", "Provberg");
    skriv(&mut h, "Gatuadress", "Provgatan 7");
    skriv(&mut h, "Postnummer", "12345");
    skriv(&mut h, "Postort", "Stockholm");
    klicka(&mut h, "Spara");
    assert!(h.query_by_label_contains("Hushållet är registrerat").is_some());
    SEKUNDER.store(3, Ordering::SeqCst);
    h.run();
    assert!(h.query_by_label_contains("Hushållet är registrerat").is_some(), "still there after 3 s");
    SEKUNDER.store(9, Ordering::SeqCst);
    h.run();
    assert!(h.query_by_label_contains("Hushållet är registrerat").is_none(), "gone after 9 s");
}
