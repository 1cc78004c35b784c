//! The statistics' summary per case and month (what the decisions in force granted, by kind) is
//! always what a recomputation from the decisions gives: after a decision, a decision that
//! changes it (the earlier one no longer counts) and an återkrav; and a summary that is wrong is
//! found and rebuilt.

mod gemensamt;

use bistand::arbete::{self, Aktor};
use bistand::domain::beslut::aterkrav::{AterkravsFormular, VillkorFalt};
use bistand::domain::beslut::formular::{BeslutsFormular, PostFalt};
use bistand::domain::manad::Manad;
use bistand::domain::statistik::Period;
use bistand::store::{Sortering, Store};
use gemensamt::*;

fn aktor(y: i32, m: u32, d: u32) -> Aktor {
    Aktor::ny("Test Beslutsfattare", chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(10, 0, 0).unwrap())
}

/// A grant for `period`: försörjningsstöd against repayment and an item of dental care.
fn bevilning(period: &str, fs: &str, andrar: Option<i64>) -> BeslutsFormular {
    let m = Manad::parse(period).unwrap();
    let post = |sak: &str, kr: &str, aterkrav: bool| PostFalt {
        sak: sak.into(),
        ansokt: kr.into(),
        beviljat: kr.into(),
        mot_aterkrav: aterkrav,
        aterkrav_skal: if aterkrav {
            "i väntan på sjukpenning från Försäkringskassan".into()
        } else {
            String::new()
        },
        motivering: if aterkrav { String::new() } else { "Akut tandvård.".into() },
        ..Default::default()
    };
    BeslutsFormular {
        period: period.into(),
        poster: vec![post("Försörjningsstöd", fs, true), post("Akut tandvård", "1500", false)],
        beslutsfattare: "Test Beslutsfattare".into(),
        period_fran: m.forsta_dagen().to_string(),
        period_till: m.sista_dagen().to_string(),
        utbetalningsdag: m.forsta_dagen().to_string(),
        betalas_till: "det konto du har anmält".into(),
        andrar,
        aterkravsvillkor: VillkorFalt {
            grund: "forskott".into(),
            forman: "sjukpenning från Försäkringskassan".into(),
            forman_period: bistand::domain::klarsprak::manad(m),
            villkor: "när sjukpenningen för samma tid betalas ut betalar du tillbaka förskottet".into(),
            underrattad_den: m.forsta_dagen().to_string(),
            underrattad_hur: "muntligt vid besöket".into(),
        },
        ..Default::default()
    }
}

fn tertial(store: &Store) -> (u32, bistand::domain::Belopp) {
    let r = arbete::statistik::rapport(store, Period::Tertial(2025, 2), None).unwrap();
    (r.indikatorer.hushallsmanader, r.indikatorer.totalt)
}

#[test]
fn the_summary_equals_the_decisions_after_deciding_amending_and_an_aterkrav() {
    let mut store = Store::open_in_memory().unwrap();
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    assert_eq!(store.bistandsmanader_avvikelser().unwrap(), Vec::<(i64, String)>::new(), "filled from the demo");
    let arende_id = store.sok_arenden("lundin", Sortering::Namn, true, 1).unwrap().rader[0].arende_id;
    let (manader_fore, totalt_fore) = tertial(&store);

    let maj = arbete::beslut::fatta_beslut(
        &mut store,
        &aktor(2025, 5, 6),
        arende_id,
        &bevilning("2025-05", "4000", None),
        false,
    )
    .unwrap();
    assert_eq!(store.bistandsmanader_avvikelser().unwrap(), Vec::<(i64, String)>::new(), "after a decision");
    let (manader_beslut, totalt_beslut) = tertial(&store);

    // The amending decision replaces the grant: only its amounts count for May.
    let andring = bevilning("2025-05", "3000", Some(maj));
    let ny = arbete::beslut::fatta_beslut(&mut store, &aktor(2025, 5, 20), arende_id, &andring, false).unwrap();
    assert_eq!(store.bistandsmanader_avvikelser().unwrap(), Vec::<(i64, String)>::new(), "after an amendment");
    let (manader_andring, totalt_andring) = tertial(&store);
    assert_eq!(manader_andring, manader_beslut, "the same household-months");
    assert_eq!(totalt_beslut - totalt_andring, bistand::domain::Belopp::kronor(1000), "4 000 kr became 3 000 kr");

    let ak = AterkravsFormular {
        bevilning_id: Some(ny),
        grund: "forskott".into(),
        forman_utbetalt: "2500".into(),
        belopp: "2500".into(),
        beslutsfattare: "Test Beslutsfattare".into(),
        ..Default::default()
    };
    arbete::aterkrav::fatta_aterkrav(&mut store, &aktor(2026, 3, 2), arende_id, &ak).unwrap();
    assert_eq!(store.bistandsmanader_avvikelser().unwrap(), Vec::<(i64, String)>::new(), "after an återkrav");
    assert_eq!(tertial(&store), (manader_andring, totalt_andring), "an återkrav grants nothing");
    assert!(manader_beslut >= manader_fore && totalt_beslut > totalt_fore);
}

#[test]
fn a_wrong_summary_is_found_and_rebuilt_from_the_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let fil = dir.path().join("enhet.db");
    let mut store = Store::open(&fil).unwrap();
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let ratt = tertial(&store);
    drop(store);
    let conn = rusqlite::Connection::open(&fil).unwrap();
    let (arende_id, manad): (i64, String) = conn
        .query_row("SELECT arende_id, manad FROM bistandsmanad WHERE totalt_ore > 0 LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    conn.execute(
        "UPDATE bistandsmanad SET totalt_ore = totalt_ore + 100 WHERE arende_id = ?1 AND manad = ?2",
        rusqlite::params![arende_id, manad],
    )
    .unwrap();
    drop(conn);
    let mut store = Store::open(&fil).unwrap();
    assert_eq!(store.bistandsmanader_avvikelser().unwrap(), vec![(arende_id, manad)]);
    let rapport = store.kontroll().unwrap();
    assert!(rapport.problem.iter().any(|p| p.contains("statistikens sammanställning")), "{:?}", rapport.problem);
    store.skriv(|w| w.bygg_om_bistandsmanader()).unwrap();
    assert_eq!(store.bistandsmanader_avvikelser().unwrap(), Vec::<(i64, String)>::new());
    let rapport = store.kontroll().unwrap();
    assert!(!rapport.problem.iter().any(|p| p.contains("statistikens sammanställning")), "{:?}", rapport.problem);
    assert_eq!(tertial(&store), ratt);
}
