//! Two users (two open stores on one database file) edit the same row: the second save is
//! refused with who changed it and when, nothing of it is written, and after reading the new
//! version in, the same change saves.

mod gemensamt;

use bistand::arbete::{self, Aktor, Arbetsfel, arende::Ansvar};
use bistand::domain::arende::{ArendeStatus, Forsorjningshinder};
use bistand::domain::hushall::Adress;
use bistand::domain::hushallsandring::{AndringFormular, Andringsslag};
use bistand::store::{Radslag, Store, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use gemensamt::{arende, hushall, open, person, pnr, temp_db};

fn kl(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap().and_hms_opt(h, m, 5).unwrap()
}

fn ulrika() -> Aktor {
    Aktor::ny("Ulrika Handläggare", kl(10, 14))
}

fn bertil() -> Aktor {
    Aktor::ny("Bertil Handläggare", kl(10, 20))
}

/// A database file with one household, opened by two users; returns (A, B, case id).
fn tva_anvandare(path: &std::path::Path) -> (Store, Store, i64) {
    let mut a = open(path);
    let h = hushall(vec![person(pnr(1985, 4, 2, 982), "Vera", "Exempel")]);
    let arende_id = a.skriv(|w| w.skapa_hushall(&h, &arende(), gemensamt::nu())).unwrap().arende_id;
    (a, open(path), arende_id)
}

fn ny_telefon(telefon: &str, fran: &str, version: i64) -> AndringFormular {
    AndringFormular {
        slag: Andringsslag::NyAdress,
        datum: fran.into(),
        adress: Adress { gatuadress: "Provgatan 3".into(), postnummer: "123 45".into(), postort: "Stockholm".into() },
        telefon: telefon.into(),
        version: Some(version),
        ..Default::default()
    }
}

/// What a user would see change: journal lines and event-log lines of the case.
fn spar(store: &Store, arende_id: i64) -> (usize, usize) {
    (store.journal(arende_id).unwrap().len(), store.logg_for_arende(arende_id).unwrap().len())
}

fn ar_krock(fel: &Arbetsfel, slag: Radslag) -> bool {
    matches!(fel, Arbetsfel::Databas(StoreError::Krock { slag: s, vem, .. }) if *s == slag && vem == "Ulrika Handläggare")
}

#[test]
fn a_household_change_that_raced_another_is_refused_with_who_and_when_and_saves_after_reloading() {
    let (_dir, path) = temp_db();
    let (mut a, mut b, arende_id) = tva_anvandare(&path);
    let hushall_id = a.arende(arende_id).unwrap().hushall_id;
    // Both open the household at the same version.
    let las_a = a.hushall(hushall_id).unwrap().version;
    let las_b = b.hushall(hushall_id).unwrap().version;
    assert_eq!(las_a, las_b);

    arbete::hushall::andra_hushall(&mut a, &ulrika(), arende_id, &ny_telefon("070-111 11 11", "2026-12-01", las_a))
        .unwrap();
    let fore = spar(&b, arende_id);
    let fel =
        arbete::hushall::andra_hushall(&mut b, &bertil(), arende_id, &ny_telefon("070-222 22 22", "2026-12-01", las_b))
            .unwrap_err();
    assert!(ar_krock(&fel, Radslag::Hushall), "{fel:?}");
    assert_eq!(
        fel.to_string(),
        "Hushållet har ändrats av Ulrika Handläggare 2026-11-30 10:14 medan du skrev. Dina ändringar är sparade \
         som utkast – läs in den nya versionen och gör om dem."
    );
    // Nothing of Bertil's change was written: Ulrika's telephone stands, no journal or log line.
    let nu = b.hushall(hushall_id).unwrap();
    assert_eq!(nu.telefon, "070-111 11 11");
    assert_eq!(spar(&b, arende_id), fore);
    assert_eq!(b.senast_andrad(Radslag::Hushall, hushall_id).unwrap().vem, "Ulrika Handläggare");

    // Bertil reads the new version in and makes his change again.
    let h = arbete::hushall::andra_hushall(
        &mut b,
        &bertil(),
        arende_id,
        &ny_telefon("070-222 22 22", "2026-12-02", nu.version),
    )
    .unwrap();
    assert_eq!(h.telefon, "070-222 22 22");
    assert_eq!(h.version, nu.version + 1);
    assert_eq!(a.senast_andrad(Radslag::Hushall, hushall_id).unwrap().vem, "Bertil Handläggare");
}

#[test]
fn a_change_of_responsible_staff_that_raced_another_is_refused_and_saves_after_reloading() {
    let (_dir, path) = temp_db();
    let (mut a, mut b, arende_id) = tva_anvandare(&path);
    let mut form_a = Ansvar::av(&a.arende(arende_id).unwrap());
    let mut form_b = Ansvar::av(&b.arende(arende_id).unwrap());
    form_a.socialsekreterare = "Ulrika Handläggare".into();
    form_b.forsorjningshinder = Some(Forsorjningshinder::Arbetslos);
    arbete::arende::andra_ansvar(&mut a, &ulrika(), arende_id, &form_a).unwrap();

    let fore = spar(&b, arende_id);
    let fel = arbete::arende::andra_ansvar(&mut b, &bertil(), arende_id, &form_b).unwrap_err();
    assert!(ar_krock(&fel, Radslag::Arende), "{fel:?}");
    assert!(fel.to_string().starts_with("Ärendet har ändrats av Ulrika Handläggare 2026-11-30 10:14"), "{fel}");
    let nu = b.arende(arende_id).unwrap();
    assert_eq!((nu.socialsekreterare.as_str(), nu.forsorjningshinder), ("Ulrika Handläggare", None));
    assert_eq!(spar(&b, arende_id), fore);

    // Read in: the form keeps Bertil's text on top of the new version and saves.
    form_b.version = Some(nu.version);
    form_b.socialsekreterare = nu.socialsekreterare.clone();
    let efter = arbete::arende::andra_ansvar(&mut b, &bertil(), arende_id, &form_b).unwrap();
    assert_eq!(efter.socialsekreterare, "Ulrika Handläggare");
    assert_eq!(efter.forsorjningshinder, Some(Forsorjningshinder::Arbetslos));
}

#[test]
fn a_status_change_on_a_case_changed_meanwhile_is_refused() {
    let (_dir, path) = temp_db();
    let (mut a, mut b, arende_id) = tva_anvandare(&path);
    let sedd = b.arende(arende_id).unwrap().version;
    let mut form = Ansvar::av(&a.arende(arende_id).unwrap());
    form.bidragshandlaggare = "Ulrika Handläggare".into();
    arbete::arende::andra_ansvar(&mut a, &ulrika(), arende_id, &form).unwrap();

    let fore = spar(&b, arende_id);
    let till = ArendeStatus::Aktuell;
    let fel = arbete::arende::byt_status(&mut b, &bertil(), (arende_id, Some(sedd)), till, None).unwrap_err();
    assert!(ar_krock(&fel, Radslag::Arende), "{fel:?}");
    assert_eq!(b.arende(arende_id).unwrap().status, ArendeStatus::UnderUtredning);
    assert_eq!(spar(&b, arende_id), fore);

    let ny = b.arende(arende_id).unwrap().version;
    let efter = arbete::arende::byt_status(&mut b, &bertil(), (arende_id, Some(ny)), till, None).unwrap();
    assert_eq!(efter.status, ArendeStatus::Aktuell);
}

#[test]
fn a_save_without_a_loaded_version_still_marks_who_changed_the_row() {
    // The command line acts on the row as it is; the window's next save must still see it.
    let (_dir, path) = temp_db();
    let (mut a, mut b, arende_id) = tva_anvandare(&path);
    let sedd = Ansvar::av(&b.arende(arende_id).unwrap());
    let cli = Ansvar { socialsekreterare: "Ulrika Handläggare".into(), ..Default::default() };
    arbete::arende::andra_ansvar(&mut a, &ulrika(), arende_id, &cli).unwrap();
    let fel = arbete::arende::andra_ansvar(&mut b, &bertil(), arende_id, &sedd).unwrap_err();
    assert!(ar_krock(&fel, Radslag::Arende), "{fel:?}");
}
