//! Dialogs stay where they are while they grow: a field under the pointer stays under it.

mod gemensamt;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use gemensamt::ui::{harness, harness_med_storlek};
use gemensamt::*;

#[test]
fn the_household_form_does_not_move_when_children_are_added() {
    let (_dir, path) = temp_db();
    let mut h = harness(open(&path));
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.run();
    // The dialog's heading, outside the part that scrolls: where the dialog is.
    let fore = h.get_by_label_contains("Fyll i hushållets uppgifter").rect();
    for _ in 0..3 {
        h.get_by_label("Lägg till barn").click();
        h.run();
    }
    assert!(h.query_by_label("Barn 3: förnamn").is_some(), "three children were added");
    let efter = h.get_by_label_contains("Fyll i hushållets uppgifter").rect();
    assert_eq!(fore.min, efter.min, "the dialog stays where it was");
}

/// A window as narrow as a laptop's: nothing a caseworker must click lies beyond its right edge.
fn smal_harness() -> (tempfile::TempDir, egui_kittest::Harness<'static, bistand::ui::BistandApp>) {
    let (dir, path) = temp_db();
    let mut store = open(&path);
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    (dir, harness_med_storlek(store, egui::vec2(BREDD, 800.0)))
}

const BREDD: f32 = 1280.0;

fn inom_fonstret(h: &egui_kittest::Harness<'static, bistand::ui::BistandApp>, borjan: &str) -> usize {
    let noder: Vec<_> = h.query_all_by_label_contains(borjan).collect();
    for n in &noder {
        assert!(n.rect().max.x <= BREDD, "«{borjan}…» ends at x = {} in a window {BREDD} wide", n.rect().max.x);
    }
    noder.len()
}

#[test]
fn the_cost_rows_remove_buttons_fit_a_laptop_window() {
    let (_dir, mut h) = smal_harness();
    h.get_by_label("Sök").type_text("lundin");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    for knapp in ["Ansökan", "Ny ansökan", "Kopiera förra månaden"] {
        h.get_by_label(knapp).click();
        h.run();
    }
    assert!(inom_fonstret(&h, "Ta bort kostnad") > 0, "the application has cost rows");
    inom_fonstret(&h, "Ta bort ");
}

#[test]
fn the_att_gora_open_buttons_fit_a_laptop_window() {
    let (_dir, mut h) = smal_harness();
    h.get_by_label("Att göra").click();
    h.run();
    assert!(inom_fonstret(&h, "Öppna 20") > 0, "the list has rows to open");
}

/// A decision's messages follow the form once shown: a corrected amount loses its mark and
/// its message.
#[test]
fn a_corrected_decision_field_loses_its_message() {
    let (_dir, mut h) = gemensamt::ui::demo_harness();
    h.get_by_label("Sök").type_text("berglund");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    for knapp in ["Beslut", "Nytt beslut"] {
        h.get_by_label(knapp).click();
        h.run();
    }
    let falt = "Post 1: beviljas";
    h.get_by_label(falt).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(falt).type_text("abc");
    h.run();
    gemensamt::ui::klicka(&mut h, "Fatta beslut …");
    let meddelanden = |h: &egui_kittest::Harness<'static, bistand::ui::BistandApp>| {
        h.query_all_by_label_contains("Post 1: Skriv beloppet med siffror").count()
    };
    assert!(meddelanden(&h) > 0, "the wrong amount has its message");
    h.get_by_label(falt).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(falt).type_text("100");
    h.run();
    assert_eq!(meddelanden(&h), 0, "the corrected amount has none");
}

/// An amount typed in letters is named at once, at its row; a field still empty is not an
/// error until the application is saved.
#[test]
fn an_amount_in_letters_is_named_at_once_in_the_application() {
    let (_dir, mut h) = gemensamt::ui::demo_harness();
    h.get_by_label("Sök").type_text("lundin");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    for knapp in ["Ansökan", "Ny ansökan", "Lägg till kostnad"] {
        gemensamt::ui::klicka(&mut h, knapp);
    }
    assert!(h.query_by_label_contains("Kostnad 1: Ange").is_none(), "an empty new row is not an error yet");
    gemensamt::ui::skriv(&mut h, "Kostnad 1: ansökt", "tusen");
    assert!(h.query_by_label_contains("Kostnad 1: Skriv beloppet med siffror").is_some(), "named at once");
}

/// At 1280 × 800 the case's ten tabs make one row beside the case list.
#[test]
fn the_case_tabs_fit_a_laptop_window_in_one_row() {
    let (_dir, mut h) = smal_harness();
    h.get_by_label("Sök").type_text("lundin");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let rad =
        |h: &egui_kittest::Harness<'static, bistand::ui::BistandApp>, flik: &str| h.get_by_label(flik).rect().top();
    assert_eq!(rad(&h, "Översikt"), rad(&h, "Brev"), "the tabs are one row");
}

/// The first user of a new database: a message stands at its field and goes once the field is
/// changed.
#[test]
fn the_first_user_form_names_the_field_and_drops_the_message_when_it_is_changed() {
    let (_dir, path) = temp_db();
    let app = bistand::ui::BistandApp::ny(open(&path), false, gemensamt::ui::fast_klocka);
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut bistand::ui::BistandApp| app.visa(ui), app);
    h.run();
    h.run();
    for (falt, text) in [
        ("Namn", "Ulla Exempel"),
        ("Titel", "Socialsekreterare"),
        ("Inloggningsnamn", "u"),
        ("Lösenord (minst 10 tecken)", "ett-langt-losenord"),
        ("Lösenord igen", "ett-langt-losenord"),
    ] {
        gemensamt::ui::skriv(&mut h, falt, text);
    }
    gemensamt::ui::klicka(&mut h, "Skapa användaren och logga in");
    assert!(h.query_by_label_contains("Inloggningsnamnet ska ha 2–32 tecken").is_some());
    gemensamt::ui::skriv(&mut h, "Inloggningsnamn", "lla");
    assert!(h.query_by_label_contains("Inloggningsnamnet ska ha").is_none(), "the corrected field's message goes");
}

/// The household form opens with the keyboard in the applicant's personnummer.
#[test]
fn the_household_form_opens_ready_to_type_the_personnummer() {
    let (_dir, path) = temp_db();
    let mut h = harness(open(&path));
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.run();
    h.event(egui::Event::Text("198504029820".into()));
    h.run();
    assert_eq!(h.get_by_label("Sökande: personnummer").value().as_deref(), Some("198504029820"));
}

/// The top bar of the role with the most buttons fits a laptop window without overlaps.
#[test]
fn the_top_bar_fits_a_laptop_window() {
    let (_dir, h) = smal_harness();
    let knappar = ["Nytt hushåll", "Kassa", "Kommandon", "Att göra", "Statistik", "Inställningar"];
    let rutor: Vec<egui::Rect> = knappar.iter().map(|k| h.get_by_label(k).rect()).collect();
    for (i, a) in rutor.iter().enumerate() {
        assert!(a.max.x <= BREDD, "«{}» ends at x = {}", knappar[i], a.max.x);
        for (j, b) in rutor.iter().enumerate().skip(i + 1) {
            assert!(!a.intersects(*b), "«{}» and «{}» overlap", knappar[i], knappar[j]);
        }
    }
}
