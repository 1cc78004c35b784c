//! Two users on one database (two open stores; on PostgreSQL too with BISTAND_TEST_PG) race on
//! what tests/samtidighet.rs does not cover: creating the month's application or the first plan
//! draft, agreeing or signing a plan, the FIA interview and the IB answers. The second save is
//! refused with who and when, nothing of it is written, and after reading in it saves.

mod gemensamt;

use bistand::arbete::{self, Aktor, Arbetsfel, plan::Lasning, plan::Overenskommelse};
use bistand::domain::ansokan::AnsokanFormular;
use bistand::domain::fia::FiaIntervju;
use bistand::domain::ib::IbSvar;
use bistand::domain::manad::Manad;
use bistand::domain::plan::Planinnehall;
use bistand::store::{INGEN_RAD, Radslag, Store, StoreError};
use chrono::NaiveDate;
use gemensamt::temp_db;
use gemensamt::tva::{bertil, kl, tva_anvandare, ulrika};

/// What a user would see change: journal lines and event-log lines of the case.
fn spar(store: &Store, arende_id: i64) -> (usize, usize) {
    (store.journal(arende_id).unwrap().len(), store.logg_for_arende(arende_id).unwrap().len())
}

/// The refusal names Ulrika, who saved first; `skapad` when the form saw no row.
fn krock_av_ulrika(fel: &Arbetsfel, slag: Radslag, skapad: bool) -> bool {
    matches!(fel, Arbetsfel::Databas(StoreError::Krock { slag: s, vem, skapad: k, .. })
        if *s == slag && vem == "Ulrika Handläggare" && *k == skapad)
}

fn plantext(steg1: &str) -> Planinnehall {
    let mut p = Planinnehall::default();
    p.fritext[0] = steg1.into();
    p
}

fn overens() -> Overenskommelse {
    Overenskommelse { datum: "2026-11-30".into(), signerad: false, orsak: "Klienten läser hemma.".into() }
}

#[test]
fn a_new_application_for_a_month_another_user_created_meanwhile_is_refused_and_saves_after_reading_in() {
    let (_dir, path) = temp_db();
    let (mut a, mut b, arende_id) = tva_anvandare(&path);
    let medlemmar = a.hushall(a.arende(arende_id).unwrap().hushall_id).unwrap().medlemmar;
    let regler = a.regler().unwrap();
    // Both press "Ny ansökan" for November: neither saw an application for the month.
    let ny = || AnsokanFormular {
        version: Some(INGEN_RAD),
        ..AnsokanFormular::ny(Manad::new(2026, 11).unwrap(), gemensamt::nu().date(), &medlemmar)
    };
    let mut hennes = ny();
    hennes.inkom = "2026-11-20".into();
    let forsta = arbete::ansokan::spara_ansokan(&mut a, &ulrika(), arende_id, &hennes, None, &regler).unwrap();

    let mut hans = ny();
    hans.komplett = false;
    hans.saknas = "Lönebesked".into();
    let fore = spar(&b, arende_id);
    let fel = arbete::ansokan::spara_ansokan(&mut b, &bertil(), arende_id, &hans, None, &regler).unwrap_err();
    assert!(krock_av_ulrika(&fel, Radslag::Ansokan, true), "{fel:?}");
    assert_eq!(
        fel.to_string(),
        "Ansökan har skapats av Ulrika Handläggare 2026-11-30 10:14 medan du skrev. Dina ändringar är sparade som \
         utkast – läs in den nya versionen och gör om dem."
    );
    // Nothing of Bertil's was written: one application, Ulrika's, and no new journal or log line.
    assert_eq!(b.ansokningar(arende_id).unwrap().len(), 1);
    let nu = b.ansokan(forsta.id).unwrap();
    assert_eq!((nu.ansokan.komplett, nu.ansokan.saknas.as_str()), (true, ""));
    assert_eq!(spar(&b, arende_id), fore);

    // Read in: the form carries the version Ulrika saved and Bertil's change saves on top.
    hans.version = Some(nu.version);
    let sparad = arbete::ansokan::spara_ansokan(&mut b, &bertil(), arende_id, &hans, None, &regler).unwrap();
    assert_eq!(sparad.id, forsta.id, "the same month's application, not a second one");
    assert_eq!(a.ansokan(sparad.id).unwrap().ansokan.saknas, "Lönebesked");
}

#[test]
fn a_first_plan_draft_another_user_started_meanwhile_is_not_overwritten() {
    let (_dir, path) = temp_db();
    let (mut a, mut b, arende_id) = tva_anvandare(&path);
    // Both press "Ny plan"; Ulrika saves first.
    let hennes = plantext("Hitta ett arbete inom vården");
    let plan_id =
        arbete::plan::spara_utkast(&mut a, &ulrika(), (arende_id, Lasning::IngetUtkast), None, &hennes).unwrap();

    let hans = plantext("Ta körkort");
    let fore = spar(&b, arende_id);
    let fel =
        arbete::plan::spara_utkast(&mut b, &bertil(), (arende_id, Lasning::IngetUtkast), None, &hans).unwrap_err();
    assert!(krock_av_ulrika(&fel, Radslag::Plan, true), "{fel:?}");
    assert!(fel.to_string().starts_with("Planen har skapats av Ulrika Handläggare 2026-11-30 10:14 medan du skrev"));
    let planer = b.planer(arende_id).unwrap();
    assert_eq!(planer.len(), 1);
    assert_eq!(planer[0].innehall.fritext[0], "Hitta ett arbete inom vården", "her text stands");
    assert_eq!(spar(&b, arende_id), fore);

    // Read in: his text saves into her draft.
    let las = Lasning::Utkast(planer[0].id, planer[0].radversion);
    assert_eq!(arbete::plan::spara_utkast(&mut b, &bertil(), (arende_id, las), None, &hans).unwrap(), plan_id);
    assert_eq!(a.planer(arende_id).unwrap()[0].innehall.fritext[0], "Ta körkort");
}

#[test]
fn agreeing_a_plan_over_another_users_newer_draft_is_refused() {
    let (_dir, path) = temp_db();
    let (mut a, mut b, arende_id) = tva_anvandare(&path);
    let plan_id =
        arbete::plan::spara_utkast(&mut a, &ulrika(), (arende_id, Lasning::IngetUtkast), None, &plantext("1")).unwrap();
    let oppnad = |s: &Store| {
        let p = s.planer(arende_id).unwrap().remove(0);
        Lasning::Utkast(p.id, p.radversion)
    };
    let (las_a, las_b) = (oppnad(&a), oppnad(&b));
    arbete::plan::spara_utkast(&mut a, &ulrika(), (arende_id, las_a), None, &plantext("Arbete inom vården")).unwrap();

    let fore = spar(&b, arende_id);
    let hans = plantext("Arbete i butik");
    let fel = arbete::plan::kom_overens(&mut b, &bertil(), (arende_id, las_b), None, &hans, &overens()).unwrap_err();
    assert!(krock_av_ulrika(&fel, Radslag::Plan, false), "{fel:?}");
    assert!(fel.to_string().starts_with("Planen har ändrats av Ulrika Handläggare 2026-11-30 10:14"), "{fel}");
    let nu = b.planer(arende_id).unwrap().remove(0);
    assert_eq!((nu.overenskommen, nu.innehall.fritext[0].as_str()), (None, "Arbete inom vården"), "not agreed");
    assert_eq!(spar(&b, arende_id), fore);

    // Read in, Bertil agrees the plan on top of her version.
    let las = Lasning::Utkast(nu.id, nu.radversion);
    arbete::plan::kom_overens(&mut b, &bertil(), (arende_id, las), None, &hans, &overens()).unwrap();
    let agreed = a.planer(arende_id).unwrap().remove(0);
    assert_eq!((agreed.id, agreed.overenskommen.map(|d| d.to_string())), (plan_id, Some("2026-11-30".into())));
}

#[test]
fn agreeing_a_plan_the_form_saw_none_of_is_refused_when_another_user_started_one() {
    let (_dir, path) = temp_db();
    let (mut a, mut b, arende_id) = tva_anvandare(&path);
    arbete::plan::spara_utkast(&mut a, &ulrika(), (arende_id, Lasning::IngetUtkast), None, &plantext("Vården"))
        .unwrap();
    let las = (arende_id, Lasning::IngetUtkast);
    let fel = arbete::plan::kom_overens(&mut b, &bertil(), las, None, &plantext("Butik"), &overens()).unwrap_err();
    assert!(krock_av_ulrika(&fel, Radslag::Plan, true), "{fel:?}");
    assert!(b.planer(arende_id).unwrap().iter().all(|p| p.overenskommen.is_none()));
}

#[test]
fn a_new_plan_version_another_user_started_meanwhile_is_named_with_who_and_when() {
    let (_dir, path) = temp_db();
    let (mut a, mut b, arende_id) = tva_anvandare(&path);
    let las = (arende_id, Lasning::IngetUtkast);
    arbete::plan::kom_overens(&mut a, &ulrika(), las, None, &plantext("Vården"), &overens()).unwrap();
    // Both see the agreed plan and press "Ny version"; Ulrika is first.
    arbete::plan::ny_version(&mut a, &ulrika(), arende_id, None).unwrap();
    let fore = spar(&b, arende_id);
    let fel = arbete::plan::ny_version(&mut b, &bertil(), arende_id, None).unwrap_err();
    assert_eq!(
        fel.to_string(),
        "Det finns redan ett utkast till ny plan (senast sparat av Ulrika Handläggare 2026-11-30 10:14); läs in \
         planen och fortsätt med det."
    );
    assert_eq!((b.planer(arende_id).unwrap().len(), spar(&b, arende_id)), (2, fore), "no third version");
}

#[test]
fn signing_a_plan_another_user_recorded_as_signed_meanwhile_is_refused() {
    let (_dir, path) = temp_db();
    let (mut a, mut b, arende_id) = tva_anvandare(&path);
    let las = (arende_id, Lasning::IngetUtkast);
    arbete::plan::kom_overens(&mut a, &ulrika(), las, None, &plantext("Vården"), &overens()).unwrap();
    let visad = |s: &Store| {
        let p = s.planer(arende_id).unwrap().remove(0);
        (p.id, Some(p.radversion))
    };
    let (hennes, hans) = (visad(&a), visad(&b));
    arbete::plan::signera(&mut a, &ulrika(), arende_id, hennes).unwrap();
    let fore = spar(&b, arende_id);
    let fel = arbete::plan::signera(&mut b, &bertil(), arende_id, hans).unwrap_err();
    assert!(krock_av_ulrika(&fel, Radslag::Plan, false), "{fel:?}");
    assert_eq!(spar(&b, arende_id), fore, "no second journal line for the same signature");
    assert!(b.planer(arende_id).unwrap()[0].signerad);
}

#[test]
fn a_fia_interview_saved_meanwhile_by_another_user_is_not_overwritten() {
    let (_dir, path) = temp_db();
    let (mut a, mut b, arende_id) = tva_anvandare(&path);
    let forsta = FiaIntervju { definition_version: 1, datum: Some(kl(9, 0).date()), ..Default::default() };
    let id = arbete::fia::spara_fia(&mut a, &ulrika(), arende_id, None, &forsta).unwrap();
    let oppnad = |s: &Store| {
        let f = s.fia_intervjuer(arende_id).unwrap().remove(0);
        (Some((f.id, Some(f.version))), f.intervju)
    };
    let ((las_a, mut hennes), (las_b, mut hans)) = (oppnad(&a), oppnad(&b));
    hennes.sammanfattande_bedomning = "Kan arbeta halvtid".into();
    arbete::fia::spara_fia(&mut a, &ulrika(), arende_id, las_a, &hennes).unwrap();

    hans.sammanfattande_bedomning = "Behöver vård först".into();
    let fore = spar(&b, arende_id);
    let fel = arbete::fia::spara_fia(&mut b, &bertil(), arende_id, las_b, &hans).unwrap_err();
    assert!(krock_av_ulrika(&fel, Radslag::Fia, false), "{fel:?}");
    assert!(fel.to_string().starts_with("FIA-intervjun har ändrats av Ulrika Handläggare 2026-11-30 10:14"));
    let nu = b.fia_intervjuer(arende_id).unwrap().remove(0);
    assert_eq!(nu.intervju.sammanfattande_bedomning, "Kan arbeta halvtid");
    assert_eq!(spar(&b, arende_id), fore);

    let sparad = arbete::fia::spara_fia(&mut b, &bertil(), arende_id, Some((id, Some(nu.version))), &hans).unwrap();
    assert_eq!(sparad, id);
    assert_eq!(a.fia_intervjuer(arende_id).unwrap()[0].intervju.sammanfattande_bedomning, "Behöver vård först");
}

fn ib(falt: &str, svar: &str) -> IbSvar {
    IbSvar { definition_version: 1, svar: [(falt.to_string(), svar.to_string())].into(), samtycke_jobbtorg: None }
}

#[test]
fn ib_answers_first_written_or_changed_meanwhile_by_another_user_are_not_overwritten() {
    let (_dir, path) = temp_db();
    let (mut a, mut b, arende_id) = tva_anvandare(&path);
    // Neither saw answers: Ulrika writes them first, Bertil's first answers are refused.
    arbete::ib::spara_ib(&mut a, &ulrika(), (arende_id, Some(INGEN_RAD)), &ib("del1.bostad", "Hyresrätt")).unwrap();
    let fore = spar(&b, arende_id);
    let hans = ib("del1.bostad", "Andrahand");
    let fel = arbete::ib::spara_ib(&mut b, &bertil(), (arende_id, Some(INGEN_RAD)), &hans).unwrap_err();
    assert!(krock_av_ulrika(&fel, Radslag::Ib, true), "{fel:?}");
    assert!(fel.to_string().starts_with("Den initiala bedömningen har skapats av Ulrika Handläggare 2026-11-30 10:14"));
    assert_eq!(b.ib_svar(arende_id).unwrap().unwrap().svar["del1.bostad"], "Hyresrätt");
    assert_eq!(spar(&b, arende_id), fore);

    // Both open the answers; Ulrika saves first, Bertil's save is refused, then saves after reading in.
    let v = b.senast_andrad(Radslag::Ib, arende_id).unwrap().version;
    arbete::ib::spara_ib(&mut a, &ulrika(), (arende_id, Some(v)), &ib("del1.bostad", "Bostadsrätt")).unwrap();
    let fel = arbete::ib::spara_ib(&mut b, &bertil(), (arende_id, Some(v)), &hans).unwrap_err();
    assert!(krock_av_ulrika(&fel, Radslag::Ib, false), "{fel:?}");
    assert_eq!(b.ib_svar(arende_id).unwrap().unwrap().svar["del1.bostad"], "Bostadsrätt");
    let ny = b.senast_andrad(Radslag::Ib, arende_id).unwrap().version;
    arbete::ib::spara_ib(&mut b, &bertil(), (arende_id, Some(ny)), &hans).unwrap();
    assert_eq!(a.ib_svar(arende_id).unwrap().unwrap().svar["del1.bostad"], "Andrahand");
    assert_eq!(a.senast_andrad(Radslag::Ib, arende_id).unwrap().vem, "Bertil Handläggare");
}

#[test]
fn an_arshjul_control_another_user_ticked_off_meanwhile_is_refused_with_who_and_when() {
    let (_dir, path) = temp_db();
    let (mut a, mut b, arende_id) = tva_anvandare(&path);
    let juni = Manad::new(2026, 6).unwrap();
    let kontroll = "skatteaterbaring_jun";
    arbete::arshjul::bocka_av(&mut a, &ulrika(), arende_id, juni, kontroll, "Ingen återbäring i år.").unwrap();
    let fore = spar(&b, arende_id);
    let fel = arbete::arshjul::bocka_av(&mut b, &bertil(), arende_id, juni, kontroll, "Återbäring 1 200 kr.");
    assert_eq!(
        fel.unwrap_err().to_string(),
        "Kontrollen är redan avbockad för den månaden av Ulrika Handläggare 2026-11-30 10:14."
    );
    assert_eq!(spar(&b, arende_id), fore, "no second journal line");
}

#[test]
fn a_norm_table_edited_from_a_version_another_user_replaced_meanwhile_is_refused() {
    use bistand::arbete::installningar::spara_normtabell;
    use bistand::domain::anvandare::Roll;
    let sf = |a: Aktor| a.med_roll(Roll::Systemforvaltare);
    let (_dir, path) = temp_db();
    let (mut a, mut b, _) = tva_anvandare(&path);
    // Both open 2026's table; Ulrika saves a correction first.
    let (fran, tabell) = a.normtabell_for_ar(2026).unwrap().expect("the shipped table");
    let mut hennes = tabell.clone();
    hennes.kalla = "Rättelse enligt SOSFS".into();
    let hennes_id = spara_normtabell(&mut a, &sf(ulrika()), (&hennes, Some(fran)), "Rättad källa").unwrap();

    let mut hans = tabell;
    hans.kalla = "Bertils källa".into();
    let fel = spara_normtabell(&mut b, &sf(bertil()), (&hans, Some(fran)), "Annan källa").unwrap_err();
    assert!(krock_av_ulrika(&fel, Radslag::Normtabell, false), "{fel:?}");
    assert!(fel.to_string().starts_with("Normtabellen har ändrats av Ulrika Handläggare 2026-11-30 10:14"), "{fel}");
    assert_eq!(b.normtabell_for_ar(2026).unwrap().unwrap(), (hennes_id, hennes), "nothing of his was written");

    // Read in: his table saves as the next version on top of hers.
    let ny = spara_normtabell(&mut b, &sf(bertil()), (&hans, Some(hennes_id)), "Annan källa").unwrap();
    assert_eq!(a.normtabell_for_ar(2026).unwrap().unwrap().0, ny);
}

#[test]
fn an_arshjul_version_saved_meanwhile_by_another_user_is_not_replaced() {
    use bistand::arbete::arshjul::spara_arshjul;
    let (_dir, path) = temp_db();
    let (mut a, mut b, _) = tva_anvandare(&path);
    // Both open the editor on the shipped årshjul; Ulrika saves a version from July first.
    let sedd = |s: &Store| s.arshjul_senast_sparat().unwrap().map_or(INGEN_RAD, |v| v.version);
    let (hennes_sedd, hans_sedd) = (sedd(&a), sedd(&b));
    let mut hjul = a.arshjul(kl(9, 0).date()).unwrap();
    hjul.giltig_fran = NaiveDate::from_ymd_opt(2027, 7, 1).unwrap();
    let mut hennes = hjul.clone();
    hennes.kontroller.retain(|k| k.manad != 6);
    spara_arshjul(&mut a, &ulrika(), (&hennes, Some(hennes_sedd))).unwrap();

    let fel = spara_arshjul(&mut b, &bertil(), (&hjul, Some(hans_sedd))).unwrap_err();
    assert!(fel.to_string().starts_with("Årshjulet har ändrats av Ulrika Handläggare 2026-11-30 10:14"), "{fel}");
    let augusti = Manad::new(2027, 8).unwrap().sista_dagen();
    assert_eq!(b.arshjul(augusti).unwrap(), hennes, "her version from the same date stands");

    // Read in: his version replaces hers knowingly.
    let ny = sedd(&b);
    spara_arshjul(&mut b, &bertil(), (&hjul, Some(ny))).unwrap();
    assert_eq!(a.arshjul(augusti).unwrap(), hjul);
}

#[test]
fn the_units_details_saved_meanwhile_by_another_user_are_not_overwritten() {
    let (_dir, path) = temp_db();
    let (mut a, mut b, _) = tva_anvandare(&path);
    // Both open the settings; Ulrika saves the unit's details first.
    let (hennes_las, hans_las) =
        (a.installning_andrad(Radslag::Enhet).unwrap().version, b.installning_andrad(Radslag::Enhet).unwrap().version);
    let mut hennes = a.enhet().unwrap();
    hennes.telefon = "08-123 45 00".into();
    a.spara_enhet(&hennes, hennes_las, ("Ulrika Handläggare", kl(10, 14))).unwrap();

    let mut hans = b.enhet().unwrap();
    hans.oppettider = "Måndag–fredag 9–11".into();
    let fel = b.spara_enhet(&hans, hans_las, ("Bertil Handläggare", kl(10, 20))).unwrap_err();
    assert!(matches!(&fel, StoreError::Krock { slag: Radslag::Enhet, vem, .. } if vem == "Ulrika Handläggare"));
    assert!(fel.to_string().starts_with("Enhetens uppgifter har ändrats av Ulrika Handläggare 2026-11-30 10:14"));
    assert_eq!(b.enhet().unwrap(), hennes, "nothing of his was written");

    // Read in: the version she saved is the one his save carries now.
    let ny = b.installning_andrad(Radslag::Enhet).unwrap();
    assert_eq!((ny.vem.as_str(), ny.version), ("Ulrika Handläggare", hennes_las + 1));
    b.spara_enhet(&hans, ny.version, ("Bertil Handläggare", kl(10, 20))).unwrap();
    assert_eq!(a.enhet().unwrap().oppettider, "Måndag–fredag 9–11");
}

/// The same races in the window: the message at the form, the typed text kept (and saved as a
/// draft), "Läs in den nya versionen", and the change saved on top of the other user's.
mod fonster {
    use super::*;
    use bistand::ui::flikar::Flik;
    use gemensamt::ui::{harness, klicka, skriv, varde, visas};

    const STEG1: &str = "Steg 1: Aktuell situation";

    #[test]
    fn a_new_plan_keeps_the_typed_text_when_another_user_started_the_plan_first() {
        let (_dir, path) = temp_db();
        let (a, mut ulrikas, arende_id) = tva_anvandare(&path);
        let mut h = harness(a);
        h.state_mut().oppna_arende(arende_id, Flik::Plan);
        h.run();
        klicka(&mut h, "Ny plan");
        skriv(&mut h, STEG1, "Söker arbete inom vården");

        // Meanwhile Ulrika, in her window, starts the client's plan.
        let hennes = plantext("Har just flyttat");
        arbete::plan::spara_utkast(&mut ulrikas, &ulrika(), (arende_id, Lasning::IngetUtkast), None, &hennes).unwrap();

        klicka(&mut h, "Spara utkast");
        assert!(visas(&h, "Planen har skapats av Ulrika Handläggare 2026-11-30 10:14 medan du skrev"));
        assert_eq!(varde(&h, STEG1).as_deref(), Some("Söker arbete inom vården"), "the typed text is kept");
        let planer = ulrikas.planer(arende_id).unwrap();
        assert_eq!(planer.len(), 1, "no second draft");
        assert_eq!(planer[0].innehall.fritext[0], "Har just flyttat", "nothing of it was written");

        klicka(&mut h, "Läs in den nya versionen");
        assert!(visas(&h, "Den nya versionen är inläst. Nu sparat: utkastet till version 1"));
        assert_eq!(varde(&h, STEG1).as_deref(), Some("Söker arbete inom vården"), "still what the user typed");
        klicka(&mut h, "Spara utkast");
        assert!(visas(&h, "Utkastet är sparat."));
        let nu = ulrikas.planer(arende_id).unwrap();
        assert_eq!((nu.len(), nu[0].innehall.fritext[0].as_str()), (1, "Söker arbete inom vården"));
    }

    #[test]
    fn the_ib_form_keeps_the_typed_answer_and_takes_the_other_users_on_reading_in() {
        let (_dir, path) = temp_db();
        let (a, mut ulrikas, arende_id) = tva_anvandare(&path);
        let mut h = harness(a);
        h.state_mut().oppna_arende(arende_id, Flik::Ib);
        h.run();
        skriv(&mut h, "Inkomster i hushållet", "Lön 8 000 kr i månaden");

        // Meanwhile Ulrika writes the case's first IB answers.
        let hennes = ib("del1.hushall", "Vera bor ensam");
        arbete::ib::spara_ib(&mut ulrikas, &ulrika(), (arende_id, Some(INGEN_RAD)), &hennes).unwrap();

        klicka(&mut h, "Spara IB");
        assert!(visas(&h, "Den initiala bedömningen har skapats av Ulrika Handläggare 2026-11-30 10:14"));
        assert_eq!(varde(&h, "Inkomster i hushållet").as_deref(), Some("Lön 8 000 kr i månaden"));
        let sparat = ulrikas.ib_svar(arende_id).unwrap().unwrap();
        assert!(!sparat.svar.contains_key("del1.inkomster"), "nothing of it was written");

        klicka(&mut h, "Läs in den nya versionen");
        assert!(visas(&h, "Den nya versionen är inläst"));
        assert_eq!(varde(&h, "Hushållet (vilka som bor i bostaden)").as_deref(), Some("Vera bor ensam"));
        assert_eq!(varde(&h, "Inkomster i hushållet").as_deref(), Some("Lön 8 000 kr i månaden"));
        klicka(&mut h, "Spara IB");
        assert!(visas(&h, "Den initiala bedömningen är sparad."));
        let nu = ulrikas.ib_svar(arende_id).unwrap().unwrap().svar;
        assert_eq!(
            (nu["del1.hushall"].as_str(), nu["del1.inkomster"].as_str()),
            ("Vera bor ensam", "Lön 8 000 kr i månaden")
        );
    }
}
