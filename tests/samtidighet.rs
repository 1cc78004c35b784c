//! Two users (two open stores on one database file) edit the same row: the second save is
//! refused with who changed it and when, nothing of it is written, and after reading the new
//! version in, the same change saves.

mod gemensamt;

use bistand::arbete::{self, Arbetsfel, arende::Ansvar, plan::Lasning};
use bistand::domain::arende::{ArendeStatus, Forsorjningshinder};
use bistand::domain::hushall::Adress;
use bistand::domain::hushallsandring::{AndringFormular, Andringsslag};
use bistand::store::{Radslag, Store, StoreError};
use gemensamt::temp_db;
use gemensamt::tva::{bertil, tva_anvandare, ulrika};

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

#[test]
fn an_application_saved_meanwhile_by_another_user_is_not_overwritten() {
    use bistand::domain::ansokan::AnsokanFormular;
    use bistand::domain::manad::Manad;
    let (_dir, path) = temp_db();
    let (mut a, mut b, arende_id) = tva_anvandare(&path);
    let medlemmar = a.hushall(a.arende(arende_id).unwrap().hushall_id).unwrap().medlemmar;
    let ny = AnsokanFormular::ny(Manad::new(2026, 11).unwrap(), gemensamt::nu().date(), &medlemmar);
    let regler = a.regler().unwrap();
    let forsta = arbete::ansokan::spara_ansokan(&mut a, &ulrika(), arende_id, &ny, None, &regler).unwrap();

    // Both open the saved application; Ulrika corrects the day it came in, Bertil marks it incomplete.
    let oppnad = |s: &Store| {
        let sparad = s.ansokan(forsta.id).unwrap();
        AnsokanFormular { version: Some(sparad.version), ..AnsokanFormular::from(&sparad.ansokan) }
    };
    let (mut hennes, mut hans) = (oppnad(&a), oppnad(&b));
    hennes.inkom = "2026-11-20".into();
    arbete::ansokan::spara_ansokan(&mut a, &ulrika(), arende_id, &hennes, None, &regler).unwrap();
    hans.komplett = false;
    hans.saknas = "Lönebesked".into();
    let fore = spar(&b, arende_id);
    let fel = arbete::ansokan::spara_ansokan(&mut b, &bertil(), arende_id, &hans, None, &regler).unwrap_err();
    assert!(ar_krock(&fel, Radslag::Ansokan), "{fel:?}");
    assert!(fel.to_string().starts_with("Ansökan har ändrats av Ulrika Handläggare 2026-11-30 10:14"), "{fel}");
    let nu = b.ansokan(forsta.id).unwrap();
    assert_eq!((nu.ansokan.inkom.to_string().as_str(), nu.ansokan.komplett), ("2026-11-20", true));
    assert_eq!(spar(&b, arende_id), fore);

    hans.version = Some(nu.version);
    hans.inkom = nu.ansokan.inkom.to_string();
    let sparad = arbete::ansokan::spara_ansokan(&mut b, &bertil(), arende_id, &hans, None, &regler).unwrap();
    assert_eq!(b.ansokan(sparad.id).unwrap().ansokan.saknas, "Lönebesked");
    assert_eq!(sparad.version, b.ansokan(sparad.id).unwrap().version, "the next save carries the new version");
}

#[test]
fn a_plan_draft_saved_or_agreed_meanwhile_is_not_overwritten() {
    use bistand::domain::plan::Planinnehall;
    let (_dir, path) = temp_db();
    let (mut a, mut b, arende_id) = tva_anvandare(&path);
    let mut forsta = Planinnehall::default();
    forsta.fritext[0] = "Hitta ett arbete inom vården".into();
    let plan_id =
        arbete::plan::spara_utkast(&mut a, &ulrika(), (arende_id, Lasning::IngetUtkast), None, &forsta).unwrap();
    let oppnad = |s: &Store| {
        let p = s.planer_for(arende_id, None).unwrap().remove(0);
        (Lasning::Utkast(p.id, p.radversion), p.innehall)
    };
    let ((las_a, mut hennes), (las_b, mut hans)) = (oppnad(&a), oppnad(&b));
    hennes.fritext[1] = "Undersköterskeutbildning".into();
    arbete::plan::spara_utkast(&mut a, &ulrika(), (arende_id, las_a), None, &hennes).unwrap();

    hans.fritext[2] = "Körkort".into();
    let fore = spar(&b, arende_id);
    let fel = arbete::plan::spara_utkast(&mut b, &bertil(), (arende_id, las_b), None, &hans).unwrap_err();
    assert!(ar_krock(&fel, Radslag::Plan), "{fel:?}");
    assert!(fel.to_string().starts_with("Planen har ändrats av Ulrika Handläggare 2026-11-30 10:14"), "{fel}");
    let nu = b.planer_for(arende_id, None).unwrap().remove(0);
    assert_eq!((nu.innehall.fritext[1].as_str(), nu.innehall.fritext[2].as_str()), ("Undersköterskeutbildning", ""));
    assert_eq!(spar(&b, arende_id), fore);

    // Read in: Bertil's text on top of the new version saves into the same draft.
    hans.fritext[1] = nu.innehall.fritext[1].clone();
    let id =
        arbete::plan::spara_utkast(&mut b, &bertil(), (arende_id, Lasning::Utkast(nu.id, nu.radversion)), None, &hans);
    assert_eq!(id.unwrap(), plan_id);
    assert_eq!(b.planer_for(arende_id, None).unwrap()[0].innehall.fritext[2], "Körkort");
}

/// The same races in the window: the message at the form, the typed text kept (and saved as a
/// draft), "Läs in den nya versionen", and the change saved on top of the new version.
mod fonster {
    use super::*;
    use bistand::domain::hushallsandring::Andringsslag;
    use bistand::domain::utbetalning::UppgiftsFormular;
    use bistand::ui::flikar::Flik;
    use bistand::ui::utkast::{Utkastplats, nyckel};
    use gemensamt::ui::{harness, klicka, skriv, testanvandare, varde, visas};

    #[test]
    fn the_household_dialog_keeps_the_typed_street_when_another_user_saved_first() {
        let (_dir, path) = temp_db();
        let (a, mut ulrikas, arende_id) = tva_anvandare(&path);
        let hushall_id = a.arende(arende_id).unwrap().hushall_id;
        let mut h = harness(a);
        h.state_mut().oppna_arende(arende_id, Flik::Hushall);
        h.run();
        klicka(&mut h, "Ändra hushållet …");
        klicka(&mut h, "Ny adress eller telefon");
        skriv(&mut h, "Gatuadress", "1");
        skriv(&mut h, "Gäller från", "2026-12-01");

        // Meanwhile Ulrika, in her window, notes that the household needs an interpreter.
        let version = ulrikas.hushall(hushall_id).unwrap().version;
        let tolk = AndringFormular {
            slag: Andringsslag::Uppgifter,
            uppgifter: UppgiftsFormular { behover_tolk: true, tolk_sprak: "arabiska".into(), ..Default::default() },
            version: Some(version),
            ..Default::default()
        };
        arbete::hushall::andra_hushall(&mut ulrikas, &ulrika(), arende_id, &tolk).unwrap();

        klicka(&mut h, "Spara ändringen");
        assert!(visas(&h, "Hushållet har ändrats av Ulrika Handläggare 2026-11-30 10:14 medan du skrev"));
        assert!(visas(&h, "Spara ändringen"), "the dialog stays open");
        let skrivet = varde(&h, "Gatuadress").unwrap();
        assert!(skrivet.contains('1') && skrivet != "Provgatan 3", "the typed street is kept: {skrivet}");
        let utkast = ulrikas.utkast(&testanvandare().login, &nyckel(Utkastplats::Hushallsandring(arende_id))).unwrap();
        assert!(utkast.is_some_and(|u| u.data.contains(&skrivet)), "the typed text is saved as a draft");
        assert_eq!(ulrikas.hushall(hushall_id).unwrap().adress.gatuadress, "Provgatan 3", "nothing of it was written");

        klicka(&mut h, "Läs in den nya versionen");
        assert!(visas(&h, "Den nya versionen är inläst"));
        assert_eq!(varde(&h, "Gatuadress").as_deref(), Some(skrivet.as_str()), "still what the user typed");
        klicka(&mut h, "Spara ändringen");
        assert!(!visas(&h, "Spara ändringen"), "saved on top of the new version; the dialog closed");
        let nu = ulrikas.hushall(hushall_id).unwrap();
        assert_eq!((nu.adress.gatuadress.as_str(), nu.uppgifter.tolk_sprak.as_str()), (skrivet.as_str(), "arabiska"));
    }

    #[test]
    fn the_overview_keeps_the_typed_name_and_takes_the_other_users_change_on_reading_in() {
        let (_dir, path) = temp_db();
        let (a, mut ulrikas, arende_id) = tva_anvandare(&path);
        let mut h = harness(a);
        h.state_mut().oppna_arende(arende_id, Flik::Oversikt);
        h.run();
        skriv(&mut h, "Bidragshandläggare", "Bo Bäck");

        let mut hennes = Ansvar::av(&ulrikas.arende(arende_id).unwrap());
        hennes.socialsekreterare = "Ulrika Handläggare".into();
        arbete::arende::andra_ansvar(&mut ulrikas, &ulrika(), arende_id, &hennes).unwrap();

        klicka(&mut h, "Spara ansvariga");
        assert!(visas(&h, "Ärendet har ändrats av Ulrika Handläggare 2026-11-30 10:14 medan du skrev"));
        assert_eq!(varde(&h, "Bidragshandläggare").as_deref(), Some("Bo Bäck"));
        assert_eq!(ulrikas.arende(arende_id).unwrap().bidragshandlaggare, "", "nothing of it was written");

        klicka(&mut h, "Läs in den nya versionen");
        assert!(visas(&h, "Nu sparat: status aktuell under utredning, socialsekreterare Ulrika Handläggare"));
        assert_eq!(varde(&h, "Socialsekreterare").as_deref(), Some("Ulrika Handläggare"), "her change is taken");
        assert_eq!(varde(&h, "Bidragshandläggare").as_deref(), Some("Bo Bäck"), "the typed name is kept");
        klicka(&mut h, "Spara ansvariga");
        assert!(visas(&h, "Ansvariga sparade."));
        let nu = ulrikas.arende(arende_id).unwrap();
        assert_eq!((nu.socialsekreterare.as_str(), nu.bidragshandlaggare.as_str()), ("Ulrika Handläggare", "Bo Bäck"));
    }
}
