//! Återkrav done right: a grant against repayment records its condition and when and how the
//! client was told (and its letter says so); the återkrav is a later decision of its own that
//! names the grant and the benefit, recovers at most what the benefit paid for the same period,
//! cites the law of the grant's date, is listed and printed like any decision, and has no
//! appeal page. Återkrav for wrong information rests on stated facts.

mod gemensamt;

use bistand::arbete::{self, Aktor, Arbetsfel};
use bistand::domain::beslut::Utfall;
use bistand::domain::beslut::aterkrav::{AterkravsFormular, VillkorFalt};
use bistand::domain::beslut::formular::{BeslutsFormular, PostFalt};
use bistand::domain::falt::Falt;
use bistand::store::{Sortering, Store};
use gemensamt::*;

fn aktor(y: i32, m: u32, d: u32) -> Aktor {
    Aktor::ny("Test Beslutsfattare", chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(10, 0, 0).unwrap())
}

fn demo() -> (Store, i64, String) {
    let mut store = Store::open_in_memory().unwrap();
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let rad = store.sok_arenden("lundin", Sortering::Namn, true, 1).unwrap().rader[0].clone();
    let nr = store.arende(rad.arende_id).unwrap().arendenummer;
    (store, rad.arende_id, nr)
}

/// A grant of 4 000 kr for `period` against repayment while waiting for sjukpenning.
fn forskott(period: &str, underrattad: &str) -> BeslutsFormular {
    let m = bistand::domain::manad::Manad::parse(period).unwrap();
    BeslutsFormular {
        period: period.into(),
        poster: vec![PostFalt {
            sak: "Försörjningsstöd".into(),
            ansokt: "4000".into(),
            beviljat: "4000".into(),
            mot_aterkrav: true,
            aterkrav_skal: "i väntan på sjukpenning från Försäkringskassan".into(),
            ..Default::default()
        }],
        beslutsfattare: "Test Beslutsfattare".into(),
        period_fran: m.forsta_dagen().to_string(),
        period_till: m.sista_dagen().to_string(),
        utbetalningsdag: m.forsta_dagen().to_string(),
        betalas_till: "det konto du har anmält".into(),
        aterkravsvillkor: VillkorFalt {
            grund: "forskott".into(),
            forman: "sjukpenning från Försäkringskassan".into(),
            forman_period: bistand::domain::klarsprak::manad(m),
            villkor: "när sjukpenningen för samma tid betalas ut betalar du tillbaka förskottet".into(),
            underrattad_den: underrattad.into(),
            underrattad_hur: "muntligt vid besöket".into(),
        },
        ..Default::default()
    }
}

fn aterkrav(bevilning: i64, utbetalt: &str, belopp: &str) -> AterkravsFormular {
    AterkravsFormular {
        bevilning_id: Some(bevilning),
        grund: "forskott".into(),
        forman_utbetalt: utbetalt.into(),
        belopp: belopp.into(),
        beslutsfattare: "Test Beslutsfattare".into(),
        ..Default::default()
    }
}

fn falt(e: &Arbetsfel, f: Falt) -> bool {
    matches!(e, Arbetsfel::Falt(fel) if fel.iter().any(|x| x.falt == f))
}

#[test]
fn a_grant_against_repayment_needs_when_and_how_the_client_was_told_and_its_letter_says_so() {
    let (mut store, arende_id, nr) = demo();
    let mut form = forskott("2025-05", "");
    form.aterkravsvillkor.underrattad_hur.clear();
    let e = arbete::beslut::fatta_beslut(&mut store, &aktor(2025, 5, 6), arende_id, &form, false).unwrap_err();
    assert!(falt(&e, Falt::AterkravUnderrattadDen) && falt(&e, Falt::AterkravUnderrattadHur), "{e}");
    // Told after the grant is not told.
    let form = forskott("2025-05", "2025-05-07");
    let e = arbete::beslut::fatta_beslut(&mut store, &aktor(2025, 5, 6), arende_id, &form, false).unwrap_err();
    assert!(falt(&e, Falt::AterkravUnderrattadDen), "{e}");
    let form = forskott("2025-05", "2025-05-05");
    let id = arbete::beslut::fatta_beslut(&mut store, &aktor(2025, 5, 6), arende_id, &form, false).unwrap();
    let s = pdf_text(&bistand::utskrift::beslutsbrev_pdf(&store, id).unwrap()).replace('\n', " ");
    for t in
        ["mot återkrav", "Villkoret för återbetalning är", "när sjukpenningen", "5 maj 2025", "muntligt vid besöket"]
    {
        assert!(s.contains(t), "grant letter lacks «{t}»: {s}");
    }
    assert_eq!(klarsprak_fel(&s, &nr), Vec::<String>::new());
}

#[test]
fn a_recovery_is_capped_at_what_the_benefit_paid_and_cites_the_law_of_the_grant_date() {
    let (mut store, arende_id, nr) = demo();
    let maj = arbete::beslut::fatta_beslut(
        &mut store,
        &aktor(2025, 5, 6),
        arende_id,
        &forskott("2025-05", "2025-05-06"),
        false,
    )
    .unwrap();
    let augusti = arbete::beslut::fatta_beslut(
        &mut store,
        &aktor(2025, 8, 4),
        arende_id,
        &forskott("2025-08", "2025-08-04"),
        false,
    )
    .unwrap();
    let mars = aktor(2026, 3, 2);
    // The benefit paid 2 500 kr for May: 3 000 kr cannot be recovered, nor without the paid amount.
    let e = arbete::aterkrav::fatta_aterkrav(&mut store, &mars, arende_id, &aterkrav(maj, "2500", "3000")).unwrap_err();
    assert!(falt(&e, Falt::AterkravBelopp) && e.to_string().contains("2 500 kr"), "{e}");
    let e = arbete::aterkrav::fatta_aterkrav(&mut store, &mars, arende_id, &aterkrav(maj, "", "1000")).unwrap_err();
    assert!(falt(&e, Falt::AterkravFormanUtbetalt), "{e}");
    // A benefit that paid more than the advance still recovers at most the advance.
    let e =
        arbete::aterkrav::fatta_aterkrav(&mut store, &mars, arende_id, &aterkrav(augusti, "9000", "4001")).unwrap_err();
    assert!(e.to_string().contains("4 000 kr"), "{e}");
    let ak_maj =
        arbete::aterkrav::fatta_aterkrav(&mut store, &mars, arende_id, &aterkrav(maj, "2500", "2500")).unwrap();
    let ak_aug =
        arbete::aterkrav::fatta_aterkrav(&mut store, &mars, arende_id, &aterkrav(augusti, "9000", "4000")).unwrap();
    // Listed like any decision, with utfall aterkrav, and nothing to pay out.
    let rader = store.alla_beslut().unwrap();
    for id in [ak_maj, ak_aug] {
        assert_eq!(rader.iter().find(|r| r.id == id).unwrap().utfall, Utfall::Aterkrav);
    }
    let till = bistand::domain::betalning::Mottagare {
        namn: "Kim Lundin".into(),
        konto: bistand::domain::betalning::Konto::tolka("bankgiro", "", "5555-1234").unwrap(),
        referens: String::new(),
    };
    let kalender = bistand::domain::betalning::levererade_utbetalningsregler();
    assert!(arbete::utbetalning::bestall(&mut store, &mars, ak_maj, &till, &kalender).is_err());
    let fall = [
        (
            ak_maj,
            "9 kap. 2 § första stycket socialtjänstlagen (2001:453)",
            ["9 kap. 3 §", "9 kap. 4 §"],
            "6 maj 2025",
            "2 500 kr",
        ),
        (
            ak_aug,
            "33 kap. 2 § socialtjänstlagen (2025:400)",
            ["33 kap. 4–5 §§", "33 kap. 6 §"],
            "4 augusti 2025",
            "4 000 kr",
        ),
    ];
    for (id, grund, ovriga, beviljat_den, belopp) in fall {
        let s = pdf_text(&bistand::utskrift::beslutsbrev_pdf(&store, id).unwrap()).replace('\n', " ");
        for t in [
            "Beslut om återkrav",
            "Du ska betala tillbaka",
            belopp,
            "sjukpenning från Försäkringskassan",
            beviljat_den,
            "2 mars 2026",
            "Vi berättade om villkoret för dig den",
            "avbetalningsplan",
            "förvaltningsrätten",
            "efterge",
            "går inte att överklaga",
            grund,
        ]
        .into_iter()
        .chain(ovriga)
        {
            assert!(s.contains(t), "återkrav {beviljat_den} lacks «{t}»: {s}");
        }
        assert!(!s.contains("Så överklagar") && !s.contains("inom tre veckor"), "no appeal page");
        assert!(!s.contains("16 kap. 3 §") && !s.contains("35 kap. 1 §"));
        assert_eq!(klarsprak_fel(&s, &nr), Vec::<String>::new());
    }
    // A grant letter is not an återkrav letter.
    let e = bistand::utskrift::aterkravsbrev_pdf(&store, maj).unwrap_err().to_string();
    assert!(e.contains("inget beslut om återkrav"), "{e}");
}

#[test]
fn recovery_for_wrong_information_rests_on_stated_facts() {
    let (mut store, arende_id, nr) = demo();
    let mut form = forskott("2025-09", "2025-09-01");
    form.poster[0].mot_aterkrav = false;
    let bifall = arbete::beslut::fatta_beslut(&mut store, &aktor(2025, 9, 3), arende_id, &form, false).unwrap();
    let mars = aktor(2026, 3, 2);
    // Without a condition told, only wrong information can ground a recovery.
    let e =
        arbete::aterkrav::fatta_aterkrav(&mut store, &mars, arende_id, &aterkrav(bifall, "4000", "4000")).unwrap_err();
    assert!(falt(&e, Falt::AterkravGrund), "{e}");
    let mut f = AterkravsFormular { grund: "felaktiga_uppgifter".into(), ..aterkrav(bifall, "", "1500") };
    let e = arbete::aterkrav::fatta_aterkrav(&mut store, &mars, arende_id, &f).unwrap_err();
    assert!(falt(&e, Falt::AterkravFakta), "{e}");
    f.fakta = "Du hade lön från Exempelbolaget med 1 500 kr i september 2025 som inte fanns med i ansökan.".into();
    let id = arbete::aterkrav::fatta_aterkrav(&mut store, &mars, arende_id, &f).unwrap();
    let s = pdf_text(&bistand::utskrift::beslutsbrev_pdf(&store, id).unwrap()).replace('\n', " ");
    for t in
        ["33 kap. 1 § socialtjänstlagen (2025:400)", "lön från Exempelbolaget", "1 500 kr", "går inte att överklaga"]
    {
        assert!(s.contains(t), "lacks «{t}»: {s}");
    }
    assert!(!s.contains("Så överklagar"));
    assert_eq!(klarsprak_fel(&s, &nr), Vec::<String>::new());
}

#[test]
fn the_demo_recovers_pre_july_2025_advances_in_2026_and_the_cli_lists_and_prints_them() {
    let (dir, db) = temp_db();
    let bin = env!("CARGO_BIN_EXE_bistand");
    let ok = std::process::Command::new(bin)
        .args(["demo", "--db", db.to_str().unwrap(), "--hushall", "120", "--manader", "24"])
        .output()
        .unwrap();
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let store = gemensamt::open_fil(&db);
    let aterkrav: Vec<_> = store.alla_beslut().unwrap().into_iter().filter(|r| r.utfall == Utfall::Aterkrav).collect();
    assert!(!aterkrav.is_empty(), "the demo makes återkrav");
    let i_2026_av_gammal = aterkrav.iter().find(|r| {
        let a = store.beslut(r.id).unwrap().underlag.unwrap().aterkrav.unwrap();
        r.datum.starts_with("2026") && a.bevilning_datum < chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap()
    });
    let rad = i_2026_av_gammal.expect("an återkrav in 2026 of a grant made before July 2025");
    let lista = std::process::Command::new(bin)
        .args(["beslut", "--db", db.to_str().unwrap(), "--lista", "--anvandare", "tobias"])
        .env("BISTAND_LOSENORD", "ovning")
        .output()
        .unwrap();
    let lista = String::from_utf8(lista.stdout).unwrap();
    let rad_json = lista
        .lines()
        .find(|l| l.starts_with(&format!("{{\"id\":{},", rad.id)) || l.contains(&format!("\"id\":{},", rad.id)))
        .unwrap();
    assert!(rad_json.contains("\"utfall\":\"aterkrav\""), "{rad_json}");
    let pdf = dir.path().join("aterkrav.pdf");
    let ut = std::process::Command::new(bin)
        .args(["brev", "--db", db.to_str().unwrap(), "--beslut", &rad.id.to_string(), "--ut", pdf.to_str().unwrap()])
        .args(["--anvandare", "tobias"])
        .env("BISTAND_LOSENORD", "ovning")
        .output()
        .unwrap();
    assert!(ut.status.success(), "{}", String::from_utf8_lossy(&ut.stderr));
    let s = pdf_text(&std::fs::read(&pdf).unwrap()).replace('\n', " ");
    assert!(s.contains("Beslut om återkrav") && s.contains("9 kap. 2 § första stycket"), "{s}");
    assert!(!s.contains("Så överklagar"));
    assert_eq!(klarsprak_fel(&s, &rad.arendenummer), Vec::<String>::new());
}
