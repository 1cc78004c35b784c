//! Two users on one database (two open stores; on PostgreSQL too with BISTAND_TEST_PG) race on
//! the last rows that were saved last-writer-wins: a case's nybesök, the contact with a young
//! adult before closing, and a user the systemförvaltare edits. The second save is refused with
//! who and when, nothing of it is written, and after reading in it saves.

mod gemensamt;

use bistand::arbete::{self, Arbetsfel};
use bistand::store::{INGEN_RAD, Radslag, Store, StoreError};
use chrono::NaiveDate;
use gemensamt::temp_db;
use gemensamt::tva::{bertil, kl, sf, tva_anvandare, tva_anvandare_fran, tva_med_anna, ulrika};

/// What a user would see change: journal lines and event-log lines of the case.
fn spar(store: &Store, arende_id: i64) -> (usize, usize) {
    (store.journal(arende_id).unwrap().len(), store.logg_for_arende(arende_id).unwrap().len())
}

/// The refusal names Ulrika, who saved first; `skapad` when the form saw no row.
fn krock_av_ulrika(fel: &Arbetsfel, slag: Radslag, skapad: bool) -> bool {
    matches!(fel, Arbetsfel::Databas(StoreError::Krock { slag: s, vem, skapad: k, .. })
        if *s == slag && vem == "Ulrika Handläggare" && *k == skapad)
}

fn dag(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

#[test]
fn a_nybesok_recorded_or_corrected_meanwhile_by_another_user_is_not_overwritten() {
    let (_dir, path) = temp_db();
    let (mut a, mut b, arende_id) = tva_anvandare(&path);
    let nybesok = arbete::statistik::registrera_nybesok;
    // Both open the case's nybesök before any is recorded; Ulrika saves first.
    nybesok(&mut a, &ulrika(), (arende_id, Some(INGEN_RAD)), dag("2026-11-02"), dag("2026-11-10")).unwrap();
    let fore = spar(&b, arende_id);
    let las = (arende_id, Some(INGEN_RAD));
    let fel = nybesok(&mut b, &bertil(), las, dag("2026-11-03"), dag("2026-11-12")).unwrap_err();
    assert!(krock_av_ulrika(&fel, Radslag::Nybesok, true), "{fel:?}");
    assert_eq!(
        fel.to_string(),
        "Nybesöket har skapats av Ulrika Handläggare 2026-11-30 10:14 medan du skrev. Det du skrev finns kvar i \
         formuläret – läs in den nya versionen och spara igen."
    );
    assert_eq!(b.nybesok_for(arende_id).unwrap(), Some((dag("2026-11-02"), dag("2026-11-10"))), "hers stands");
    assert_eq!(spar(&b, arende_id), fore, "no journal or log line of his");

    // Both read her version; she corrects it, his correction on the old version is refused.
    let v = b.senast_andrad(Radslag::Nybesok, arende_id).unwrap().version;
    nybesok(&mut a, &ulrika(), (arende_id, Some(v)), dag("2026-11-02"), dag("2026-11-11")).unwrap();
    let fel = nybesok(&mut b, &bertil(), (arende_id, Some(v)), dag("2026-11-03"), dag("2026-11-12")).unwrap_err();
    assert!(krock_av_ulrika(&fel, Radslag::Nybesok, false), "{fel:?}");
    assert!(fel.to_string().starts_with("Nybesöket har ändrats av Ulrika Handläggare 2026-11-30 10:14"), "{fel}");
    assert_eq!(b.nybesok_for(arende_id).unwrap(), Some((dag("2026-11-02"), dag("2026-11-11"))));
    assert_eq!(spar(&b, arende_id), (fore.0 + 1, fore.1 + 1), "only her correction");

    // Read in: his dates save on top of her version.
    let ny = b.senast_andrad(Radslag::Nybesok, arende_id).unwrap().version;
    nybesok(&mut b, &bertil(), (arende_id, Some(ny)), dag("2026-11-03"), dag("2026-11-12")).unwrap();
    assert_eq!(a.nybesok_for(arende_id).unwrap(), Some((dag("2026-11-03"), dag("2026-11-12"))));
    assert_eq!(a.senast_andrad(Radslag::Nybesok, arende_id).unwrap().vem, "Bertil Handläggare");
}

/// The version of the month's contact the list "Ärenden att avsluta" shows.
fn kontakt_i_listan(store: &Store, arende_id: i64) -> (i64, Option<String>) {
    let rader = store.avslutsforslag(kl(10, 0).date()).unwrap();
    let rad = rader.into_iter().find(|r| r.arende_id == arende_id).expect("proposed for closing");
    (rad.kontakt_version, rad.kontakt.map(|k| k.1))
}

#[test]
fn a_contact_before_closing_recorded_meanwhile_by_another_user_is_not_overwritten() {
    let (_dir, path) = temp_db();
    let (mut a, mut b, arende_id) = tva_anvandare_fran(&path, dag("2026-09-01"));
    let kontakt = arbete::arshjul::registrera_kontakt;
    let idag = kl(10, 0).date();
    // Both see "Ung vuxen – kontakta först"; Ulrika records her call first.
    let (las, _) = kontakt_i_listan(&b, arende_id);
    assert_eq!(las, INGEN_RAD);
    kontakt(&mut a, &ulrika(), (arende_id, Some(las)), idag, "Nådde klienten, ansöker i december").unwrap();
    let fore = spar(&b, arende_id);
    let fel =
        kontakt(&mut b, &bertil(), (arende_id, Some(las)), idag, "Nådde inte klienten, brev skickat").unwrap_err();
    assert!(krock_av_ulrika(&fel, Radslag::Kontakt, true), "{fel:?}");
    assert!(fel.to_string().starts_with("Kontakten före avslut har skapats av Ulrika Handläggare 2026-11-30 10:14"));
    let (v, utfall) = kontakt_i_listan(&b, arende_id);
    assert_eq!(utfall.as_deref(), Some("Nådde klienten, ansöker i december"), "hers stands");
    assert_eq!(spar(&b, arende_id), fore, "no journal or log line of his");

    // Both read her contact; she adds to it, his change on the old version is refused.
    kontakt(&mut a, &ulrika(), (arende_id, Some(v)), idag, "Nådde klienten, ansöker 3 december").unwrap();
    let fel = kontakt(&mut b, &bertil(), (arende_id, Some(v)), idag, "Brev skickat").unwrap_err();
    assert!(krock_av_ulrika(&fel, Radslag::Kontakt, false), "{fel:?}");
    assert_eq!(kontakt_i_listan(&b, arende_id).1.as_deref(), Some("Nådde klienten, ansöker 3 december"));

    // Read in (the list again): his outcome saves on top of hers.
    let (ny, _) = kontakt_i_listan(&b, arende_id);
    kontakt(&mut b, &bertil(), (arende_id, Some(ny)), idag, "Brev skickat").unwrap();
    assert_eq!(kontakt_i_listan(&a, arende_id).1.as_deref(), Some("Brev skickat"));
}

mod anvandare {
    use super::*;
    use bistand::domain::anvandare::{AnvandarFormular, Roll};

    /// The user Anna as the form "Ändra anna" shows it: the typed form and the version read.
    fn oppnad(store: &Store) -> (AnvandarFormular, Option<i64>) {
        let a = store.anvandare().unwrap().into_iter().find(|a| a.login == "anna").unwrap();
        (AnvandarFormular { login: a.login, namn: a.namn, titel: a.titel, roll: Some(a.roll) }, Some(a.version))
    }

    fn anna(store: &Store) -> bistand::store::Anvandare {
        store.anvandare_med_login("anna").unwrap().unwrap().0
    }

    fn loggrader(store: &Store) -> usize {
        usize::try_from(store.antal_loggrader().unwrap()).unwrap()
    }

    #[test]
    fn a_user_changed_meanwhile_by_another_systemforvaltare_is_not_overwritten() {
        let (_dir, path) = temp_db();
        let (mut a, mut b) = tva_med_anna(&path);
        let ((mut hennes, las_a), (mut hans, las_b)) = (oppnad(&a), oppnad(&b));
        hennes.roll = Some(Roll::ForsteSocialsekreterare);
        arbete::anvandare::andra_anvandare(&mut a, &sf(ulrika()), &hennes, las_a).unwrap();

        hans.titel = "Socialsekreterare, vuxenenheten".into();
        let fore = loggrader(&b);
        let fel = arbete::anvandare::andra_anvandare(&mut b, &sf(bertil()), &hans, las_b).unwrap_err();
        assert!(krock_av_ulrika(&fel, Radslag::Anvandare, false), "{fel:?}");
        assert!(fel.to_string().starts_with("Användaren har ändrats av Ulrika Handläggare 2026-11-30 10:14"), "{fel}");
        let nu = anna(&b);
        assert_eq!((nu.roll, nu.titel.as_str()), (Roll::ForsteSocialsekreterare, "Socialsekreterare"), "hers stands");
        assert_eq!(loggrader(&b), fore, "no log line of his");

        // Read in: his title saves on top of her role.
        let (_, ny) = oppnad(&b);
        hans.roll = Some(Roll::ForsteSocialsekreterare);
        arbete::anvandare::andra_anvandare(&mut b, &sf(bertil()), &hans, ny).unwrap();
        let nu = anna(&a);
        assert_eq!((nu.roll, nu.titel.as_str()), (Roll::ForsteSocialsekreterare, "Socialsekreterare, vuxenenheten"));
    }

    #[test]
    fn deactivating_a_user_another_systemforvaltare_changed_meanwhile_is_refused() {
        let (_dir, path) = temp_db();
        let (mut a, mut b) = tva_med_anna(&path);
        let ((mut hennes, las_a), (_, las_b)) = (oppnad(&a), oppnad(&b));
        hennes.namn = "Anna Lind-Ek".into();
        arbete::anvandare::andra_anvandare(&mut a, &sf(ulrika()), &hennes, las_a).unwrap();

        let fel = arbete::anvandare::inaktivera(&mut b, &sf(bertil()), "anna", las_b).unwrap_err();
        assert!(krock_av_ulrika(&fel, Radslag::Anvandare, false), "{fel:?}");
        assert!(anna(&b).aktiv, "still active");

        // A login (wrong password counters) or a new password is no form edit: no race.
        let (_, ny) = oppnad(&b);
        let losen = "ett-nytt-losenord";
        arbete::anvandare::aterstall_losenord(&mut a, &sf(ulrika()), "anna", losen, losen).unwrap();
        arbete::anvandare::inaktivera(&mut b, &sf(bertil()), "anna", ny).unwrap();
        let nu = anna(&a);
        assert_eq!((nu.aktiv, nu.namn.as_str()), (false, "Anna Lind-Ek"));
        assert_eq!(a.senast_andrad(Radslag::Anvandare, nu.id).unwrap().vem, "Bertil Handläggare");
    }
}
