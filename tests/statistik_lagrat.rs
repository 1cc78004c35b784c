//! What the statistics read is stored, typed and kept by plain SQL: each decided item stores its
//! kind of cost (the summary groups by it, no function of the program's is needed), and each
//! application its adults, children and first decision day. They stay equal to a recomputation
//! after decisions, a wrong value is found by the health check and rebuilt, and an older
//! database gets them filled in when it is upgraded.

mod gemensamt;

use bistand::arbete::{self, Aktor};
use bistand::domain::beslut::formular::{BeslutsFormular, PostFalt};
use bistand::domain::manad::Manad;
use bistand::domain::statistik::{Kostnadsslag, Period};
use bistand::store::{Sortering, Store, migrera_till};
use gemensamt::*;

fn inga() -> Vec<(i64, String)> {
    Vec::new()
}

/// The figures an application's household and first decision day feed, for its month.
fn manaden(store: &Store, manad: &str) -> (u32, u32, u32, bistand::domain::Belopp, u32) {
    let period = Period::Manad(Manad::parse(manad).unwrap());
    let i = arbete::statistik::rapport(store, period, None).unwrap().indikatorer;
    (i.hushall, i.vuxna, i.barn, i.totalt, i.handlaggning.antal)
}

/// A decision for `period` with an item of försörjningsstöd and one of glasses.
fn beslut(period: &str) -> BeslutsFormular {
    let m = Manad::parse(period).unwrap();
    let post = |sak: &str, kr: &str| PostFalt {
        sak: sak.into(),
        ansokt: kr.into(),
        beviljat: kr.into(),
        motivering: "Skälig kostnad.".into(),
        ..Default::default()
    };
    BeslutsFormular {
        period: period.into(),
        poster: vec![post("Försörjningsstöd", "4000"), post("Glasögon till barnet", "900")],
        beslutsfattare: "Test Beslutsfattare".into(),
        period_fran: m.forsta_dagen().to_string(),
        period_till: m.sista_dagen().to_string(),
        utbetalningsdag: m.forsta_dagen().to_string(),
        betalas_till: "det konto du har anmält".into(),
        ..Default::default()
    }
}

#[test]
fn every_decided_item_stores_the_kind_its_words_give_and_no_schema_object_needs_a_program_function() {
    let (_dir, fil) = temp_db();
    let mut store = Store::open(&fil).unwrap();
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let arende_id = store.sok_arenden("lundin", Sortering::Namn, true, 1).unwrap().rader[0].arende_id;
    let aktor = Aktor::ny("Test Beslutsfattare", nu());
    arbete::beslut::fatta_beslut(&mut store, &aktor, arende_id, &beslut("2025-06"), false).unwrap();
    drop(store);
    // A plain connection: the program's SQL functions are not there.
    let conn = rusqlite::Connection::open(&fil).unwrap();
    let mut stmt = conn.prepare("SELECT sak, slag FROM beslutspost").unwrap();
    let poster: Vec<(String, Option<String>)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<Result<_, _>>().unwrap();
    assert!(poster.len() > 12, "the demo's decisions and the new one: {}", poster.len());
    for (sak, slag) in &poster {
        assert_eq!(slag.as_deref(), Some(Kostnadsslag::av_sak(sak).kod()), "{sak}");
    }
    assert!(poster.iter().any(|(_, s)| s.as_deref() == Some("glasogon")), "the glasses of the new decision");
    let med_funktion: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master WHERE sql LIKE '%bistand_kostnadsslag%'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(med_funktion, 0, "the summary's triggers group by the stored kind");
    drop(stmt);
    drop(conn);
    let store = Store::open(&fil).unwrap();
    assert_eq!(store.bistandsmanader_avvikelser().unwrap(), inga());
}

#[test]
fn an_applications_household_and_first_decision_day_are_found_when_wrong_and_rebuilt() {
    let (_dir, fil) = temp_db();
    let mut store = Store::open(&fil).unwrap();
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    assert_eq!(store.bistandsmanader_avvikelser().unwrap(), inga(), "filled from the demo");
    drop(store);
    let conn = rusqlite::Connection::open(&fil).unwrap();
    let (id, arende_id, manad): (i64, i64, String) = conn
        .query_row(
            "SELECT id, arende_id, manad FROM ansokan WHERE komplett = 1 AND forsta_beslutsdag IS NOT NULL
             AND antal_vuxna > 0 ORDER BY manad DESC, id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    drop(conn);
    let store = Store::open(&fil).unwrap();
    let ratt = manaden(&store, &manad);
    assert!(ratt.1 > 0 && ratt.4 > 0, "the month has households and decision times: {ratt:?}");
    drop(store);
    let conn = rusqlite::Connection::open(&fil).unwrap();
    conn.execute("UPDATE ansokan SET antal_barn = antal_barn + 3, forsta_beslutsdag = NULL WHERE id = ?1", [id])
        .unwrap();
    drop(conn);
    let mut store = Store::open(&fil).unwrap();
    assert_eq!(store.bistandsmanader_avvikelser().unwrap(), vec![(arende_id, manad.clone())]);
    assert_ne!(manaden(&store, &manad), ratt, "the wrong values would change the figures");
    let rapport = store.kontroll().unwrap();
    assert!(rapport.problem.iter().any(|p| p.contains("statistikens sammanställning")), "{:?}", rapport.problem);
    store.skriv(|w| w.bygg_om_bistandsmanader()).unwrap();
    assert_eq!(store.bistandsmanader_avvikelser().unwrap(), inga());
    let rapport = store.kontroll().unwrap();
    assert!(rapport.frisk(), "{:?}", rapport.problem);
    assert_eq!(manaden(&store, &manad), ratt);
}

/// An application with two adults and a child and a decision on it, written into a database of
/// the schema before the stored kinds (the program's SQL functions are registered by the
/// migration, as the program does).
fn gammal_databas(fil: &std::path::Path) {
    let mut conn = rusqlite::Connection::open(fil).unwrap();
    // Version 24: the summary without stored kinds (migration 25 adds them).
    migrera_till(&mut conn, 24).unwrap();
    // Only the rows the statistics read (no case, household or norm table behind them).
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         INSERT INTO ansokan (id, arende_id, manad, inkom, komplett, normtabell_id, regler, norm_ore, kostnader_ore,
                              inkomster_ore, saldo_ore, beviljas_ore, skapad, andrad)
         VALUES (7, 3, '2025-06', '2025-06-02', 1, 1, '{}', 0, 0, 0, 0, 0, '2025-06-02 09:00:00', '2025-06-02 09:00:00');
         INSERT INTO ansokan_medlem (ansokan_id, ordning, roll, namn, fodd, lunch_utanfor_hemmet, gar_i_gymnasiet)
         VALUES (7, 0, 'sokande', 'A', '1980-01-01', 0, 0), (7, 1, 'medsokande', 'B', '1981-01-01', 0, 0),
                (7, 2, 'barn', 'C', '2015-01-01', 0, 0);
         INSERT INTO beslut (id, arende_id, ansokan_id, datum, period, beslutsfattare, utfall, lagrum, overklagande,
                             skapad, av)
         VALUES (11, 3, 7, '2025-06-09', '2025-06', 'X', 'bifall', 'SoL', 'Överklaga', '2025-06-09 10:00:00', 'X');
         INSERT INTO beslutspost (beslut_id, ordning, sak, ansokt_ore, beviljat_ore, motivering, utover_ratten)
         VALUES (11, 0, 'Försörjningsstöd', 500000, 500000, '', 0), (11, 1, 'Akut tandvård', 120000, 120000, '', 0);",
    )
    .unwrap();
}

#[test]
fn an_older_database_gets_the_kinds_the_households_and_the_first_decision_days_when_upgraded() {
    let (_dir, fil) = temp_db();
    gammal_databas(&fil);
    let store = Store::open(&fil).unwrap();
    assert_eq!(store.bistandsmanader_avvikelser().unwrap(), inga());
    let rapport = store.kontroll().unwrap();
    assert!(!rapport.problem.iter().any(|p| p.starts_with("Schemat")), "{:?}", rapport.problem);
    drop(store);
    let conn = rusqlite::Connection::open(&fil).unwrap();
    let slag: Vec<String> = conn
        .prepare("SELECT slag FROM beslutspost WHERE beslut_id = 11 ORDER BY ordning")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(slag, vec!["forsorjningsstod", "tandvard"]);
    let ansokan: (i64, i64, String) = conn
        .query_row("SELECT antal_vuxna, antal_barn, forsta_beslutsdag FROM ansokan WHERE id = 7", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(ansokan, (2, 1, "2025-06-09".to_string()));
    let summa: (i64, i64, i64) = conn
        .query_row(
            "SELECT totalt_ore, forsorjningsstod_ore, tandvard_ore FROM bistandsmanad WHERE arende_id = 3 AND manad = '2025-06'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(summa, (620000, 500000, 120000));
}
