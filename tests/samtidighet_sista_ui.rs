//! The forms of the last rows that were saved last-writer-wins, as a user meets a race: the
//! nybesök, the contact before closing and a user in Inställningar. Another user saves first;
//! the save is refused at the form with who and when, what was typed stays, and after "Läs in
//! den nya versionen" it saves on top of the other user's.

mod gemensamt;

use bistand::arbete;
use bistand::domain::anvandare::{AnvandarFormular, Roll};
use bistand::store::INGEN_RAD;
use bistand::ui::BistandApp;
use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gemensamt::temp_db;
use gemensamt::tva::{sf, tva_anvandare, tva_anvandare_fran, tva_med_anna, ulrika};
use gemensamt::ui::{harness, harness_som, klicka, skriv, varde, visas};

type Fonster = Harness<'static, BistandApp>;

fn dag(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

#[test]
fn the_nybesok_form_keeps_the_typed_dates_and_saves_after_reading_in() {
    let (_dir, path) = temp_db();
    let (a, mut ulrikas, arende_id) = tva_anvandare(&path);
    let nummer = a.arende(arende_id).unwrap().arendenummer;
    let mut h = harness(a);
    klicka(&mut h, "Statistik");
    klicka(&mut h, "Enhetens uppgifter");
    skriv(&mut h, "Ärendenummer", &nummer);
    skriv(&mut h, "Första kontakt", "2026-11-02");
    skriv(&mut h, "Nybesök", "2026-11-10");

    // Meanwhile Ulrika records the case's nybesök.
    let las = (arende_id, Some(INGEN_RAD));
    arbete::statistik::registrera_nybesok(&mut ulrikas, &ulrika(), las, dag("2026-11-03"), dag("2026-11-12")).unwrap();

    klicka(&mut h, "Spara nybesöket");
    assert!(visas(&h, "Nybesöket har skapats av Ulrika Handläggare 2026-11-30 10:14 medan du skrev"));
    assert_eq!(varde(&h, "Första kontakt").as_deref(), Some("2026-11-02"), "still what the user typed");
    assert_eq!(ulrikas.nybesok_for(arende_id).unwrap(), Some((dag("2026-11-03"), dag("2026-11-12"))));

    klicka(&mut h, "Läs in den nya versionen");
    assert!(visas(&h, "Den nya versionen är inläst. Nu sparat: första kontakt 2026-11-03, nybesök 2026-11-12"));
    assert_eq!(varde(&h, "Nybesök").as_deref(), Some("2026-11-10"));
    klicka(&mut h, "Spara nybesöket");
    assert!(visas(&h, &format!("Nybesöket i ärende {nummer} är sparat")));
    assert_eq!(ulrikas.nybesok_for(arende_id).unwrap(), Some((dag("2026-11-02"), dag("2026-11-10"))));

    // He corrects the first contact while she corrects the visit: on reading in, his date stays
    // and hers is taken, so saving again keeps both corrections.
    byt(&mut h, "Första kontakt", "2026-11-01");
    let v = ulrikas.senast_andrad(bistand::store::Radslag::Nybesok, arende_id).unwrap().version;
    let las = (arende_id, Some(v));
    arbete::statistik::registrera_nybesok(&mut ulrikas, &ulrika(), las, dag("2026-11-02"), dag("2026-11-11")).unwrap();
    klicka(&mut h, "Spara nybesöket");
    assert!(visas(&h, "Nybesöket har ändrats av Ulrika Handläggare"));
    klicka(&mut h, "Läs in den nya versionen");
    assert_eq!(varde(&h, "Första kontakt").as_deref(), Some("2026-11-01"), "his change stays");
    assert_eq!(varde(&h, "Nybesök").as_deref(), Some("2026-11-11"), "hers is taken");
    klicka(&mut h, "Spara nybesöket");
    assert_eq!(ulrikas.nybesok_for(arende_id).unwrap(), Some((dag("2026-11-01"), dag("2026-11-11"))));
}

/// Replaces a field's text.
fn byt(h: &mut Fonster, etikett: &str, text: &str) {
    h.get_by_label(etikett).focus();
    h.run();
    for _ in 0..20 {
        h.key_press(egui::Key::Backspace);
    }
    h.get_by_label(etikett).type_text(text);
    h.run();
}

#[test]
fn the_contact_before_closing_keeps_the_typed_outcome_and_saves_after_reading_in() {
    let (_dir, path) = temp_db();
    let (a, mut ulrikas, arende_id) = tva_anvandare_fran(&path, dag("2026-09-01"));
    let nummer = a.arende(arende_id).unwrap().arendenummer;
    let mut h = harness(a);
    klicka(&mut h, "Statistik");
    klicka(&mut h, "Ärenden att avsluta");
    skriv(&mut h, "Vad kontakten gav", "Brev skickat");

    // Meanwhile Ulrika records her call.
    let las = (arende_id, Some(INGEN_RAD));
    arbete::arshjul::registrera_kontakt(&mut ulrikas, &ulrika(), las, dag("2026-11-20"), "Nådde klienten").unwrap();

    klicka(&mut h, &format!("Registrera kontakt {nummer}"));
    assert!(visas(&h, "Kontakten före avslut har skapats av Ulrika Handläggare 2026-11-30 10:14"));
    assert_eq!(varde(&h, "Vad kontakten gav").as_deref(), Some("Brev skickat"), "still what the user typed");
    let kontakt = |s: &bistand::store::Store| {
        s.avslutsforslag(dag("2026-11-23")).unwrap().into_iter().find(|r| r.arende_id == arende_id).unwrap().kontakt
    };
    assert_eq!(kontakt(&ulrikas).map(|k| k.1).as_deref(), Some("Nådde klienten"), "hers stands");

    klicka(&mut h, "Läs in den nya versionen");
    assert!(visas(&h, "Den nya versionen är inläst"));
    assert!(visas(&h, "2026-11-20: Nådde klienten"), "the list shows her contact");
    klicka(&mut h, &format!("Registrera kontakt {nummer}"));
    assert!(visas(&h, &format!("Kontakten med ärende {nummer} står i journalen.")));
    assert_eq!(kontakt(&ulrikas).map(|k| k.1).as_deref(), Some("Brev skickat"));
}

#[test]
fn the_user_form_keeps_the_typed_title_and_takes_the_other_systemforvaltares_role_on_reading_in() {
    let (_dir, path) = temp_db();
    let (a, mut ulrikas) = tva_med_anna(&path);
    let mut h = harness_som(a, sf(arbete::Aktor::ny("Sven Ek", gemensamt::nu())));
    klicka(&mut h, "Inställningar");
    klicka(&mut h, "Ändra anna");
    skriv(&mut h, "Användarens titel", ", vuxenenheten");

    // Meanwhile Ulrika makes Anna 1:e socialsekreterare.
    let anna = ulrikas.anvandare_med_login("anna").unwrap().unwrap().0;
    let ny_roll = AnvandarFormular {
        login: anna.login,
        namn: anna.namn,
        titel: anna.titel,
        roll: Some(Roll::ForsteSocialsekreterare),
    };
    arbete::anvandare::andra_anvandare(&mut ulrikas, &sf(ulrika()), &ny_roll, Some(anna.version)).unwrap();

    klicka(&mut h, "Spara ändringen");
    assert!(visas(&h, "Användaren har ändrats av Ulrika Handläggare 2026-11-30 10:14 medan du skrev"));
    assert_eq!(varde(&h, "Användarens titel").as_deref(), Some("Socialsekreterare, vuxenenheten"));
    let nu = |s: &bistand::store::Store| s.anvandare_med_login("anna").unwrap().unwrap().0;
    assert_eq!(nu(&ulrikas).titel, "Socialsekreterare", "nothing of it was written");

    klicka(&mut h, "Läs in den nya versionen");
    assert!(visas(&h, "Den nya versionen är inläst. Nu sparat: Anna Lind, Socialsekreterare, 1:e socialsekreterare"));
    klicka(&mut h, "Spara ändringen");
    assert!(visas(&h, "anna är ändrad."));
    let anna = nu(&ulrikas);
    assert_eq!((anna.titel.as_str(), anna.roll), ("Socialsekreterare, vuxenenheten", Roll::ForsteSocialsekreterare));
}
