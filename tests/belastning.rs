//! The short load test of issue 16: thirty caseworkers and a kassa work one unit database on the
//! PostgreSQL server for a few seconds, a few of them editing the same cases; afterwards every
//! acknowledged write is there, the hash chain verifies and no decision has more ordered than
//! granted. Correctness only: timing on a shared CI machine says little (the example
//! `belastning` measures it).

use bistand::belastning::{self, Installning, matning::Atgard};
use bistand::store::Store;
use std::time::Duration;

#[test]
fn thirty_caseworkers_and_a_kassa_lose_nothing_acknowledged() {
    if std::env::var(bistand::store::server::TESTSERVER).is_err() {
        println!("Hoppar över belastningsprovet: BISTAND_TEST_PG är inte satt (ingen PostgreSQL-server).");
        return;
    }
    // A private schema on the server; its address reaches it from every user's connection.
    let mut store = Store::open_in_memory().unwrap();
    belastning::forbered(&mut store, 150).unwrap();
    let installning = Installning {
        url: store.sokvag().to_string_lossy().into_owned(),
        anvandare: 30,
        tid: Duration::from_secs(8),
        heta: 2,
        paus: Duration::from_millis(100),
        omstart: None,
    };
    let r = belastning::kor(&installning).unwrap();
    println!("{}\n{}\n{:?}", r.matning.tabell(r.tid), r.kontroll.text(), r.matning.exempel);

    assert!(r.kontroll.godkand(), "{}", r.kontroll.text());
    assert_eq!(r.matning.antal_fel(), 0, "no database errors: {:?}", r.matning.exempel);
    for a in [Atgard::Sok, Atgard::Oppna, Atgard::Journal, Atgard::HetAndring, Atgard::KassansLista] {
        assert!(r.matning.antal(a) > 0, "{} was done", a.namn());
    }
    assert!(r.kvitton > 0 && r.kontroll.andringar > 0, "writes were acknowledged and checked");
    assert_eq!(r.kontroll.tysta_overskrivningar, 0, "a racing save is refused, never lost silently");
    assert!(r.matning.nekade.get(&Atgard::HetAndring).copied().unwrap_or(0) > 0, "some racing saves were refused");
}
