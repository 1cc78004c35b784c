//! The case tabs share one shape: Ctrl+S and Ctrl+P reach every tab, which acts or says why
//! not; the window's one notice clears when the user moves on; a read error is shown.

mod gemensamt;

use bistand::arbete::{self, Aktor};
use bistand::domain::fia::FiaIntervju;
use bistand::store::Store;
use bistand::ui::BistandApp;
use bistand::ui::flikar::Flik;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gemensamt::ui::{demo_med_utskrift, klicka, skriv, spara_fran_forhandsgranskningen, visas};
use gemensamt::*;

/// A window over a database with one household; letters go to a temporary folder.
fn ett_hushall() -> (tempfile::TempDir, tempfile::TempDir, i64, Harness<'static, BistandApp>) {
    let (dir, path) = temp_db();
    let mut store = open(&path);
    let sokande = person(pnr(1985, 4, 2, 983), "Vera", "Provberg");
    let id = store.skriv(|w| w.skapa_hushall(&hushall(vec![sokande]), &arende(), nu())).unwrap().arende_id;
    let (utskrifter, h) = harness_med_utskrift(store);
    (dir, utskrifter, id, h)
}

fn harness_med_utskrift(store: Store) -> (tempfile::TempDir, Harness<'static, BistandApp>) {
    harness_som(store, gemensamt::ui::testanvandare())
}

fn harness_som(store: Store, aktor: bistand::arbete::Aktor) -> (tempfile::TempDir, Harness<'static, BistandApp>) {
    let utskrifter = tempfile::tempdir().unwrap();
    let app = BistandApp::ny(store, false, gemensamt::ui::fast_klocka)
        .med_utskrift(utskrifter.path().into(), false)
        .inloggad_som(aktor);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_ui_state(|ui, app: &mut BistandApp| app.visa(ui), app);
    h.run();
    (utskrifter, h)
}

fn tryck(h: &mut Harness<'static, BistandApp>, key: Key) {
    h.key_press_modifiers(Modifiers::COMMAND, key);
    h.run();
}

#[test]
fn ctrl_s_and_ctrl_p_act_or_explain_on_every_tab() {
    // What each tab says on a case with nothing in it yet: Ctrl+S, then Ctrl+P.
    let svar: [(Flik, &str, &str); 10] = [
        (Flik::Oversikt, "Ansvariga och försörjningshinder är redan sparade", "inget att skriva ut på fliken Översikt"),
        (Flik::Hushall, "inget att spara på fliken Hushåll", "inget att skriva ut på fliken Hushåll"),
        (Flik::Ansokan, "inget att spara på fliken Ansökan", "inget att skriva ut på fliken Ansökan"),
        (Flik::Beslut, "inget att spara på fliken Beslut", "inget att skriva ut på fliken Beslut"),
        (Flik::Plan, "inget att spara på fliken Plan", "inget att skriva ut på fliken Plan"),
        (Flik::Ib, "Den initiala bedömningen är sparad", "utan klientens samtycke"),
        (Flik::Fia, "inget att spara på fliken FIA", "inget att skriva ut på fliken FIA"),
        (Flik::Screening, "Screeningen är inte sparad", "Det finns inget att skriva ut på fliken Screening"),
        (Flik::Journal, "Ange en rubrik", "inget att skriva ut på fliken Journal"),
        (Flik::Brev, "inget att spara på fliken Brev", "inget att skriva ut på fliken Brev"),
    ];
    let (_dir, _utskrifter, id, mut h) = ett_hushall();
    for (flik, spara, skriv_ut) in svar {
        h.state_mut().oppna_arende(id, flik);
        h.run();
        tryck(&mut h, Key::S);
        assert!(visas(&h, spara), "Ctrl+S on {}: expected «{spara}»", flik.namn());
        tryck(&mut h, Key::P);
        assert!(visas(&h, skriv_ut), "Ctrl+P on {}: expected «{skriv_ut}»", flik.namn());
    }
}

#[test]
fn ctrl_s_and_ctrl_p_save_and_print_the_plan_draft() {
    let (_dir, utskrifter, id, mut h) = ett_hushall();
    h.state_mut().oppna_arende(id, Flik::Plan);
    h.run();
    klicka(&mut h, "Ny plan");
    skriv(&mut h, "Steg 1: Aktuell situation", "Arbetssökande sedan i våras.");
    tryck(&mut h, Key::S);
    assert!(visas(&h, "Utkastet är sparat"));
    let plan = h.state().store().planer(id).unwrap().remove(0);
    assert_eq!(plan.innehall.fritext[0], "Arbetssökande sedan i våras.");
    tryck(&mut h, Key::P);
    let fil = spara_fran_forhandsgranskningen(&mut h, utskrifter.path());
    assert!(visas(&h, "Brevet är sparat"));
    assert!(pdf_text(&std::fs::read(fil).unwrap()).contains("Arbetssökande sedan i våras."));
    let journal = h.state().store().journal(id).unwrap();
    assert!(
        journal
            .iter()
            .any(|p| p.text.starts_with("Brev utskrivet: Förändringsplan för ") && p.text.contains("version 1")),
        "the journal names whose plan was printed"
    );
}

#[test]
fn ctrl_s_saves_a_fia_interview_and_ctrl_p_prints_it() {
    let (_dir, utskrifter, id, mut h) = ett_hushall();
    h.state_mut().oppna_arende(id, Flik::Fia);
    h.run();
    klicka(&mut h, "Starta FIA-intervju");
    tryck(&mut h, Key::S);
    assert!(visas(&h, "FIA-intervjun är sparad"));
    assert_eq!(h.state().store().fia_intervjuer(id).unwrap().len(), 1);
    tryck(&mut h, Key::P);
    spara_fran_forhandsgranskningen(&mut h, utskrifter.path());
    assert!(visas(&h, "Brevet är sparat"));
    assert_eq!(std::fs::read_dir(utskrifter.path()).unwrap().count(), 1);
}

#[test]
fn a_notice_does_not_survive_a_tab_change() {
    let (_dir, _utskrifter, id, mut h) = ett_hushall();
    h.state_mut().oppna_arende(id, Flik::Screening);
    h.run();
    tryck(&mut h, Key::P);
    assert!(visas(&h, "Det finns inget att skriva ut på fliken Screening"));
    klicka(&mut h, "Journal");
    assert!(!visas(&h, "Det finns inget att skriva ut"), "the notice went with the tab");
    tryck(&mut h, Key::P);
    h.key_press_modifiers(Modifiers::ALT, Key::Num1);
    h.run();
    assert!(!visas(&h, "Det finns inget att skriva ut"), "and with a tab chosen by Alt+1");
}

#[test]
fn the_registration_banner_goes_when_the_user_moves_on_to_decide() {
    let (_dir, _utskrifter, _id, mut h) = ett_hushall();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    skriv(&mut h, "Sökande: personnummer", &pnr(1990, 1, 15, 982).to_string());
    skriv(&mut h, "Sökande: förnamn", "Ali");
    skriv(&mut h, "Sökande: efternamn", "Provsson");
    skriv(&mut h, "Gatuadress", "Provvägen 1");
    skriv(&mut h, "Postnummer", "123 45");
    skriv(&mut h, "Postort", "Stockholm");
    tryck(&mut h, Key::S);
    assert!(visas(&h, "Hushållet är registrerat"));
    klicka(&mut h, "Beslut");
    assert!(!visas(&h, "Hushållet är registrerat"), "the green banner does not stay through the decision");
}

#[test]
fn goals_taken_from_fia_are_signed_by_the_user_on_the_plan_tab() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let sokande = person(pnr(1985, 4, 2, 983), "Vera", "Provberg");
    let id = store.skriv(|w| w.skapa_hushall(&hushall(vec![sokande]), &arende(), nu())).unwrap().arende_id;
    let (_utskrifter, mut h) = harness_som(store, bistand::arbete::Aktor::ny("Anna Handläggare", nu()));
    h.state_mut().oppna_arende(id, Flik::Fia);
    h.run();
    klicka(&mut h, "Starta FIA-intervju");
    klicka(&mut h, "Mål och delmål");
    klicka(&mut h, "Lägg till mål");
    skriv(&mut h, "Mål 1", "Arbete inom vården");
    klicka(&mut h, "Ta med målen till ett utkast till förändringsplan");
    assert!(visas(&h, "Målen finns nu i ett utkast"));
    klicka(&mut h, "Plan");
    assert!(visas(&h, "skriven av Anna Handläggare"), "the draft is signed by the user, not «FIA»");
    assert_eq!(
        h.get_by_label("Steg 2: Förändring du vill genomföra för att uppnå egen försörjning").value().as_deref(),
        Some("Arbete inom vården")
    );
}

#[test]
fn a_damaged_journal_shows_an_error_on_the_journal_tab() {
    let (_dir, path) = temp_db();
    let arende_id = {
        let mut store = gemensamt::open_fil(&path);
        bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
        store.sok_arenden("berglund", bistand::store::Sortering::Namn, true, 1).unwrap().rader[0].arende_id
    };
    skada_sidan(&path, "journal");
    let mut h = gemensamt::ui::harness(gemensamt::open_fil(&path));
    h.state_mut().oppna_arende(arende_id, Flik::Journal);
    h.run();
    assert!(visas(&h, "Databasen är skadad"), "the journal tab says the database is damaged");
}

#[test]
fn a_damaged_interview_names_the_table_and_row_on_the_fia_tab() {
    let (_dir, path) = temp_db();
    let (id, intervju) = {
        let mut store = gemensamt::open_fil(&path);
        let sokande = person(pnr(1985, 4, 2, 983), "Vera", "Provberg");
        let id = store.skriv(|w| w.skapa_hushall(&hushall(vec![sokande]), &arende(), nu())).unwrap().arende_id;
        let f = FiaIntervju { definition_version: 1, datum: Some(nu().date()), ..Default::default() };
        (id, arbete::fia::spara_fia(&mut store, &Aktor::ny("Test", nu()), id, None, &f).unwrap())
    };
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("UPDATE fia_intervju SET data = '{\"mal\": [' WHERE id = ?1", [intervju]).unwrap();
    drop(conn);
    let mut h = gemensamt::ui::harness(gemensamt::open_fil(&path));
    h.state_mut().oppna_arende(id, Flik::Fia);
    h.run();
    let text = format!("uppgifterna i tabellen fia_intervju (id {intervju}) kan inte läsas");
    assert!(visas(&h, &text), "the FIA tab names what is damaged instead of showing no interviews");
}

#[test]
fn ctrl_p_on_the_decision_tab_prints_the_chosen_decision_and_notes_it() {
    let (_dir, utskrifter, mut h) = demo_med_utskrift();
    h.get_by_label("Sök").type_text("lundin");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    klicka(&mut h, "Beslut");
    tryck(&mut h, Key::P);
    assert!(visas(&h, "Det finns inget att skriva ut på fliken Beslut"), "no decision chosen yet");
    let id =
        h.state().store().sok_arenden("lundin", bistand::store::Sortering::Namn, true, 1).unwrap().rader[0].arende_id;
    let beslut = h.state().store().beslut_for_arende(id).unwrap();
    let forsta = beslut.first().expect("the training case has decisions");
    klicka(&mut h, &format!("{}  {}", forsta.datum, forsta.utfall.namn()));
    tryck(&mut h, Key::P);
    spara_fran_forhandsgranskningen(&mut h, utskrifter.path());
    assert!(visas(&h, "Brevet är sparat"));
    assert_eq!(std::fs::read_dir(utskrifter.path()).unwrap().count(), 1);
    assert!(h.state().store().journal(id).unwrap().iter().any(|p| p.rubrik == "Brev utskrivet"));
}

#[test]
fn ctrl_s_saves_a_new_application_and_the_journal_says_so() {
    let (_dir, _utskrifter, id, mut h) = ett_hushall();
    h.state_mut().oppna_arende(id, Flik::Ansokan);
    h.run();
    klicka(&mut h, "Ny ansökan");
    tryck(&mut h, Key::S);
    assert!(visas(&h, "Ansökan för 2026-11 är sparad"), "Ctrl+S saves the application on its tab");
    assert_eq!(h.state().store().ansokningar(id).unwrap().len(), 1);
    klicka(&mut h, "Journal");
    assert!(visas(&h, "Ansökan sparad: november 2026"), "the journal tab shows the automatic line");
}
