//! The login as a person meets it: the first user of a new database, the login screen, the
//! idle lock that keeps a half-typed form, and the training database's automatic user.

mod gemensamt;

use bistand::arbete;
use bistand::domain::anvandare::{AnvandarFormular, Roll};
use bistand::ui::BistandApp;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gemensamt::ui::{klicka, skriv, visas};
use gemensamt::*;
use std::sync::atomic::{AtomicI64, Ordering};

/// Minutes added to the fixed test time: the idle-lock test (alone) moves the clock on.
static MINUTER: AtomicI64 = AtomicI64::new(0);

fn klocka() -> chrono::NaiveDateTime {
    nu() + chrono::Duration::minutes(MINUTER.load(Ordering::SeqCst))
}

fn fonster(store: bistand::store::Store, ovning: bool) -> Harness<'static, BistandApp> {
    fonster_med_klocka(store, ovning, gemensamt::ui::fast_klocka)
}

fn fonster_med_klocka(
    store: bistand::store::Store,
    ovning: bool,
    klocka: bistand::ui::skal::app::Klocka,
) -> Harness<'static, BistandApp> {
    let app = BistandApp::ny(store, ovning, klocka);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_ui_state(|ui, app: &mut BistandApp| app.visa(ui), app);
    h.run();
    h
}

const LOSENORD: &str = "mitt-hemliga-ord";

/// A real database with its systemförvaltare and a 1:e socialsekreterare "karin".
fn riktig_med_anvandare(path: &std::path::Path) -> bistand::store::Store {
    let mut store = open(path);
    let sf =
        AnvandarFormular {
            login: "sven".into(), namn: "Sven Ek".into(), titel: "Systemförvaltare".into(), roll: None
        };
    let sf = arbete::anvandare::skapa_forsta_anvandare(&mut store, &sf, LOSENORD, LOSENORD, nu()).unwrap();
    let karin = AnvandarFormular {
        login: "karin".into(),
        namn: "Karin Berg".into(),
        titel: "1:e socialsekreterare".into(),
        roll: Some(Roll::ForsteSocialsekreterare),
    };
    arbete::anvandare::ny_anvandare(&mut store, &sf, &karin, LOSENORD, LOSENORD).unwrap();
    store
}

#[test]
fn the_first_start_of_a_new_database_asks_for_the_first_user() {
    let (_dir, path) = temp_db();
    let mut h = fonster(open(&path), false);
    assert!(visas(&h, "har ännu inga användare"), "the first user is asked for before anything else");
    assert!(!visas(&h, "Nytt hushåll"), "nothing of the program is reachable yet");
    skriv(&mut h, "Namn", "Sara Holm");
    skriv(&mut h, "Titel", "Systemförvaltare");
    skriv(&mut h, "Inloggningsnamn", "sara");
    skriv(&mut h, "Lösenord (minst 10 tecken)", LOSENORD);
    skriv(&mut h, "Lösenord igen", "något-annat-ord");
    klicka(&mut h, "Skapa användaren och logga in");
    assert!(visas(&h, "Lösenorden är inte lika"));
    skriv(&mut h, "Lösenord (minst 10 tecken)", LOSENORD);
    skriv(&mut h, "Lösenord igen", LOSENORD);
    klicka(&mut h, "Skapa användaren och logga in");
    assert!(visas(&h, "Inloggad: Sara Holm, Systemförvaltare (systemförvaltare)"), "logged in, said in the status bar");
    assert!(visas(&h, "enhetens riktiga databas"), "then the first-start panel of the empty database");
    let anv = h.state().store().anvandare().unwrap();
    assert_eq!((anv.len(), anv[0].roll), (1, Roll::Systemforvaltare));
}

#[test]
fn everyone_logs_in_and_a_wrong_password_is_said_in_swedish() {
    let (_dir, path) = temp_db();
    let mut h = fonster(riktig_med_anvandare(&path), false);
    assert!(visas(&h, "Logga in i Bistånd"));
    skriv(&mut h, "Inloggningsnamn", "karin");
    skriv(&mut h, "Lösenord", "fel-lösenord");
    klicka(&mut h, "Logga in");
    assert!(visas(&h, "Inloggningsnamnet eller lösenordet stämmer inte. Försök 1 av 5."));
    skriv(&mut h, "Lösenord", LOSENORD);
    klicka(&mut h, "Logga in");
    assert!(visas(&h, "Inloggad: Karin Berg"), "the status bar names the user");
}

#[test]
fn the_idle_lock_covers_the_window_and_keeps_a_half_typed_form() {
    let (_dir, path) = temp_db();
    let mut h = fonster_med_klocka(riktig_med_anvandare(&path), false, klocka);
    skriv(&mut h, "Inloggningsnamn", "karin");
    skriv(&mut h, "Lösenord", LOSENORD);
    klicka(&mut h, "Logga in");
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    skriv(&mut h, "Sökande: förnamn", "Halvskri");
    skriv(&mut h, "Gatuadress", "Provgatan");

    MINUTER.store(16, Ordering::SeqCst);
    h.run();
    assert!(visas(&h, "Fönstret är låst"), "15 idle minutes lock the window");
    skriv(&mut h, "Lösenord", "fel-lösenord");
    klicka(&mut h, "Lås upp");
    assert!(visas(&h, "Fönstret är låst") && visas(&h, "Lösenordet stämmer inte"));
    skriv(&mut h, "Lösenord", LOSENORD);
    klicka(&mut h, "Lås upp");
    assert!(!visas(&h, "Fönstret är låst"));
    assert_eq!(h.get_by_label("Sökande: förnamn").value().as_deref(), Some("Halvskri"), "nothing typed is lost");
    assert_eq!(h.get_by_label("Gatuadress").value().as_deref(), Some("Provgatan"));
    MINUTER.store(0, Ordering::SeqCst);
}

#[test]
fn the_training_database_logs_in_its_fictitious_user_and_says_so() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let h = fonster(store, true);
    assert!(
        visas(&h, "Inloggad automatiskt som övningsanvändaren Tobias Lund (1:e socialsekreterare)"),
        "the status bar says who the training user is"
    );
    assert!(!visas(&h, "Logga in i Bistånd"));
}

#[test]
fn the_enhetschef_sees_openings_without_assignment_and_their_reasons_in_loggkontroll() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let ulrika = arbete::anvandare::logga_in(&mut store, "ulrika", "ovning", nu()).unwrap();
    let inte_hennes = (1..=12)
        .find(|id| {
            store.arende(*id).is_ok_and(|a| a.socialsekreterare != ulrika.namn && a.bidragshandlaggare != ulrika.namn)
        })
        .unwrap();
    arbete::arende::oppna_arende_med_skal(&mut store, &ulrika, inte_hennes, Some("Ansvarig handläggare sjuk")).unwrap();
    let maria = arbete::anvandare::logga_in(&mut store, "maria", "ovning", nu()).unwrap();
    let app = BistandApp::ny(store, true, gemensamt::ui::fast_klocka).inloggad_som(maria);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_ui_state(|ui, app: &mut BistandApp| app.visa(ui), app);
    h.run();
    h.run();
    klicka(&mut h, "Loggkontroll");
    assert!(visas(&h, "Välj urval och tryck Visa"));
    klicka(&mut h, "Bara öppnade ärenden utan uppdrag (med skäl)");
    klicka(&mut h, "Visa");
    assert!(visas(&h, "1 rader, nyast först"));
    assert!(visas(&h, "Ansvarig handläggare sjuk"), "the reason is shown");
    let granskad = h.state().store().logg_urval(&bistand::store::Loggfilter::default()).unwrap();
    assert!(
        granskad.iter().any(|r| r.login == "maria" && r.handelse == "Granskade åtkomstloggen"),
        "the review is logged"
    );
}

#[test]
fn a_caseworker_is_asked_why_before_a_case_not_hers_opens() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let ulrika = arbete::anvandare::logga_in(&mut store, "ulrika", "ovning", nu()).unwrap();
    let inte_hennes = (1..=12)
        .find(|id| {
            store.arende(*id).is_ok_and(|a| a.socialsekreterare != ulrika.namn && a.bidragshandlaggare != ulrika.namn)
        })
        .unwrap();
    let app = BistandApp::ny(store, true, gemensamt::ui::fast_klocka).inloggad_som(ulrika);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_ui_state(|ui, app: &mut BistandApp| app.visa(ui), app);
    h.run();
    h.state_mut().oppna_arende(inte_hennes, bistand::ui::flikar::Flik::Oversikt);
    h.run();
    assert!(visas(&h, "Ärendet är inte ditt"));
    skriv(&mut h, "Skäl till att öppna ärendet", "Klienten står i receptionen");
    klicka(&mut h, "Öppna ärendet");
    assert!(!visas(&h, "Ärendet är inte ditt"));
    let rader =
        h.state().store().logg_urval(&bistand::store::Loggfilter { utan_uppdrag: true, ..Default::default() }).unwrap();
    assert_eq!(rader.len(), 1);
    assert_eq!((rader[0].login.as_str(), rader[0].detalj.as_str()), ("ulrika", "Klienten står i receptionen"));
}

#[test]
fn the_systemforvaltare_adds_a_user_who_can_then_log_in_and_the_change_is_logged() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let sf =
        AnvandarFormular {
            login: "sven".into(), namn: "Sven Ek".into(), titel: "Systemförvaltare".into(), roll: None
        };
    let sven = arbete::anvandare::skapa_forsta_anvandare(&mut store, &sf, LOSENORD, LOSENORD, nu()).unwrap();
    let mut h = gemensamt::ui::harness_som(store, sven);
    klicka(&mut h, "Inställningar");
    skriv(&mut h, "Användarens inloggningsnamn", "maria");
    skriv(&mut h, "Användarens namn", "Maria Holm");
    skriv(&mut h, "Användarens titel", "Enhetschef");
    klicka(&mut h, "Användarens roll");
    klicka(&mut h, "Enhetschef");
    skriv(&mut h, "Lösenord (minst 10 tecken)", "marias-eget-ord");
    skriv(&mut h, "Lösenord igen", "marias-eget-ord");
    klicka(&mut h, "Lägg till användaren");
    assert!(visas(&h, "Maria Holm (maria) är tillagd."));
    let store = h.state().store();
    let maria = store.anvandare_med_login("maria").unwrap().unwrap().0;
    assert_eq!((maria.roll, maria.aktiv), (Roll::Enhetschef, true));
    let rader =
        store.logg_urval(&bistand::store::Loggfilter { anvandare: Some("sven".into()), ..Default::default() }).unwrap();
    assert!(rader.iter().any(|r| r.handelse == "Lade till användare" && r.detalj.contains("Maria Holm (maria)")));
}
