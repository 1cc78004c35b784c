//! Screening answers are kept on the person and never appear in any letter.

mod gemensamt;

use bistand::domain::screening::Instrument;
use bistand::store::{Sortering, Store};
use bistand::utskrift::{Brevtyp, brev_pdf, ib_del_pdf, plan_pdf};
use gemensamt::*;

#[test]
fn no_letter_of_any_kind_contains_screening_answers() {
    let mut store = Store::open_in_memory().unwrap();
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let rad = store.sok_arenden("lundin", Sortering::Namn, true, 1).unwrap().rader[0].clone();
    let arende = store.arende(rad.arende_id).unwrap();
    let pnr = store.hushall(arende.hushall_id).unwrap().medlemmar[0].person.pnr;
    let audit: Vec<Option<u8>> =
        vec![Some(4), Some(3), Some(3), Some(2), Some(2), Some(1), Some(2), Some(1), Some(2), Some(4)];
    store.skriv(|w| w.spara_screening(&pnr, Instrument::Audit, nu().date(), &audit, "Test", nu())).unwrap();
    store
        .skriv(|w| {
            w.spara_screening(
                &pnr,
                Instrument::Freda,
                nu().date(),
                &[Some(1), Some(0), Some(0), Some(0), Some(0)],
                "Test",
                nu(),
            )
        })
        .unwrap();
    store.skriv(|w| w.spara_screening(&pnr, Instrument::Dudit, nu().date(), &[Some(0); 11], "Test", nu())).unwrap();
    assert_eq!(store.screeningar(&pnr).unwrap().len(), 3);
    // An incomplete form is not stored.
    assert!(
        store.skriv(|w| w.spara_screening(&pnr, Instrument::Audit, nu().date(), &[Some(1)], "Test", nu())).is_err()
    );
    let mut ib = bistand::domain::ib::IbSvar { definition_version: 1, ..Default::default() };
    ib.svar.insert("del1.hushall".into(), "Bor ensam".into());
    store.spara_ib_svar(rad.arende_id, &ib, nu()).unwrap();

    let mut brev = vec![
        brev_pdf(&store, &rad.arendenummer, Brevtyp::Kallelse, nu().date()).unwrap(),
        brev_pdf(&store, &rad.arendenummer, Brevtyp::Handlaggare, nu().date()).unwrap(),
        plan_pdf(&store, &rad.arendenummer, nu().date()).unwrap(),
        ib_del_pdf(&store, &rad.arendenummer, "del1", nu().date()).unwrap(),
    ];
    for b in store.beslut_for_arende(rad.arende_id).unwrap() {
        brev.push(bistand::utskrift::beslutsbrev_pdf(&store, b.id).unwrap());
    }
    assert!(brev.len() >= 5);
    for (i, pdf) in brev.iter().enumerate() {
        let s = pdf_text(pdf).to_lowercase();
        for forbjudet in ["audit", "dudit", "freda", "dricker", "droger", "övergrepp", "riskbruk", "screening"] {
            assert!(!s.contains(forbjudet), "letter {i} mentions «{forbjudet}»");
        }
    }
    // The case list shows nothing of it either.
    let rader = store.sok_arenden("lundin", Sortering::Namn, true, 5).unwrap().rader;
    assert!(rader.iter().all(|r| !format!("{r:?}").to_lowercase().contains("audit")));
}

#[test]
fn the_demo_has_screenings_on_some_persons_and_their_letters_stay_clean() {
    let mut store = Store::open_in_memory().unwrap();
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let mut instrument = Vec::new();
    for rad in store.sok_arenden("", Sortering::Namn, true, 100).unwrap().rader {
        let arende = store.arende(rad.arende_id).unwrap();
        let pnr = store.hushall(arende.hushall_id).unwrap().medlemmar[0].person.pnr;
        let screeningar = store.screeningar(&pnr).unwrap();
        if screeningar.is_empty() {
            continue;
        }
        instrument.extend(screeningar.iter().map(|s| s.instrument));
        let s = pdf_text(&brev_pdf(&store, &rad.arendenummer, Brevtyp::Kallelse, nu().date()).unwrap()).to_lowercase();
        assert!(!s.contains("audit") && !s.contains("freda") && !s.contains("dudit"));
    }
    for i in [Instrument::Audit, Instrument::Dudit, Instrument::Freda] {
        assert!(instrument.contains(&i), "{i:?} in the demo");
    }
}
