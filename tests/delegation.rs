//! Delegation: a decision beyond the caseworker's delegation becomes a proposal, lands in the
//! Att göra list and is decided by someone allowed; the letter names the decider, her title,
//! the delegation point, the payment day and the payee.

mod gemensamt;

use bistand::arbete::Aktor;
use bistand::arbete::delegation::{Beslutsvag, besluta_forslag, fatta_eller_foresla, las_in};
use bistand::domain::beslut::formular::{BeslutsFormular, PostFalt};
use bistand::store::Store;
use egui_kittest::kittest::Queryable;
use gemensamt::*;

fn demo() -> (tempfile::TempDir, Store, i64) {
    let (dir, db) = temp_db();
    let mut store = open(&db);
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let arende_id = store.beslut(store.alla_beslut().unwrap()[0].id).unwrap().beslut.arende_id;
    (dir, store, arende_id)
}

/// Försörjningsstöd of `kronor` for November 2026, paid to the landlord on the 25th.
fn formular(kronor: &str) -> BeslutsFormular {
    BeslutsFormular {
        period: "2026-11".into(),
        poster: vec![PostFalt {
            sak: "Försörjningsstöd".into(),
            ansokt: kronor.into(),
            beviljat: kronor.into(),
            motivering: "Du har rätt till försörjningsstöd för november.".into(),
            ..Default::default()
        }],
        barnets_basta: "Beslutet ger barnen samma levnadsnivå som andra barn i hushåll med försörjningsstöd.".into(),
        beslutsfattare: "Hanna Handläggare".into(),
        delegation: "socialsekreterare".into(),
        period_fran: "2026-11-01".into(),
        period_till: "2026-11-30".into(),
        utbetalningsdag: "2026-11-25".into(),
        betalas_till: "hyresvärden AB Exempelbostäder, bankgiro 5555-1234".into(),
        ..Default::default()
    }
}

fn aktor(namn: &str) -> Aktor {
    Aktor::ny(namn, nu())
}

#[test]
fn within_delegation_the_caseworker_decides_and_the_point_is_named() {
    let (_d, mut store, arende) = demo();
    let hanna = aktor("Hanna Handläggare");
    let vag = fatta_eller_foresla(&mut store, &hanna, Some("handlaggare"), arende, &formular("9 000"), true).unwrap();
    let Beslutsvag::Fattat(id) = vag else { panic!("within the limit: decided, not {vag:?}") };
    let b = store.beslut(id).unwrap().beslut;
    assert_eq!(b.beslutsfattare, "Hanna Handläggare");
    assert_eq!(b.delegation, "socialsekreterare enligt delegationsordningen punkt 4.1.1");
}

#[test]
fn beyond_delegation_a_proposal_is_decided_by_someone_allowed_and_the_letter_names_her() {
    let (_d, mut store, arende) = demo();
    let antal_beslut = store.alla_beslut().unwrap().len();
    let hanna = aktor("Hanna Handläggare");
    let vag = fatta_eller_foresla(&mut store, &hanna, Some("handlaggare"), arende, &formular("30 000"), true).unwrap();
    let Beslutsvag::Forslag { id: forslag, roller } = vag else { panic!("beyond the limit: a proposal, not {vag:?}") };
    assert_eq!(roller, vec!["forste_socialsekreterare".to_string()]);
    assert_eq!(store.alla_beslut().unwrap().len(), antal_beslut, "a proposal is no decision");
    assert_eq!(store.oppna_forslag(Some("forste_socialsekreterare")).unwrap().len(), 1, "in the senior's Att göra");
    assert!(store.oppna_forslag(Some("handlaggare")).unwrap().is_empty(), "not in the caseworker's");

    // The caseworker cannot decide it herself, and nothing is written when she tries.
    let fel = besluta_forslag(&mut store, &hanna, Some("handlaggare"), forslag).unwrap_err().to_string();
    assert!(fel.contains("inte delegation"), "{fel}");
    assert_eq!(store.alla_beslut().unwrap().len(), antal_beslut);

    let berit = aktor("Berit Beslutsdotter");
    let id = besluta_forslag(&mut store, &berit, Some("forste_socialsekreterare"), forslag).unwrap();
    let b = store.beslut(id).unwrap().beslut;
    assert_eq!((b.beslutsfattare.as_str(), b.foredragande.as_str()), ("Berit Beslutsdotter", "Hanna Handläggare"));
    assert!(store.oppna_forslag(None).unwrap().is_empty(), "the proposal is decided");
    let igen = besluta_forslag(&mut store, &berit, Some("forste_socialsekreterare"), forslag).unwrap_err();
    assert!(igen.to_string().contains("redan beslutat"));

    let text = pdf_text(&bistand::utskrift::beslutsbrev_pdf(&store, id).unwrap()).replace('\n', " ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for vantat in [
        "Berit Beslutsdotter, förste socialsekreterare enligt delegationsordningen punkt 4.1.2",
        "Hanna Handläggare",
        "Pengarna betalas ut den 25 november 2026 till hyresvärden AB Exempelbostäder, bankgiro 5555-1234",
    ] {
        assert!(text.contains(vantat), "the letter says «{vantat}»:\n{text}");
    }
}

#[test]
fn the_units_own_order_replaces_the_example_from_its_validity_date() {
    let (_d, mut store, arende) = demo();
    let mut egen = bistand::domain::delegation::levererad_delegationsordning();
    egen.exempel = false;
    let mut hogre = egen.versioner[0].clone();
    hogre.galler_fran = "2026-11-01".parse().unwrap();
    hogre.punkter[0].hogst = Some(bistand::domain::Belopp::kronor(40_000));
    hogre.punkter[0].punkt = "5.1".into();
    let mut framtida = hogre.clone();
    framtida.galler_fran = "2027-01-01".parse().unwrap();
    framtida.punkter[0].hogst = Some(bistand::domain::Belopp::kronor(1));
    egen.versioner.extend([hogre, framtida]);
    las_in(
        &mut store,
        &aktor("Systemförvaltare").med_roll(bistand::domain::anvandare::Roll::Systemforvaltare),
        &serde_json::to_string(&egen).unwrap(),
    )
    .unwrap();
    assert!(!store.delegationsordning().unwrap().exempel);
    let vag = fatta_eller_foresla(&mut store, &aktor("Hanna"), Some("handlaggare"), arende, &formular("30 000"), true)
        .unwrap();
    let Beslutsvag::Fattat(id) = vag else { panic!("the unit's higher limit applies: {vag:?}") };
    assert!(store.beslut(id).unwrap().beslut.delegation.ends_with("punkt 5.1"));
    let fel = las_in(
        &mut store,
        &aktor("Systemförvaltare").med_roll(bistand::domain::anvandare::Roll::Systemforvaltare),
        "{\"versioner\": []}",
    )
    .unwrap_err();
    assert!(fel.to_string().contains("Delegationsordningen"), "{fel}");
}

#[test]
fn a_proposal_is_decided_from_the_att_gora_list() {
    let (_d, mut store, arende) = demo();
    let vag = fatta_eller_foresla(&mut store, &aktor("Hanna"), Some("handlaggare"), arende, &formular("30 000"), true)
        .unwrap();
    assert!(matches!(vag, Beslutsvag::Forslag { .. }));
    let nr = store.oppna_forslag(None).unwrap()[0].arendenummer.clone();
    let antal = store.alla_beslut().unwrap().len();
    let mut h = gemensamt::ui::harness(store);
    gemensamt::ui::klicka(&mut h, "Att göra");
    assert!(h.query_by_label_contains("Förslag till beslut (1)").is_some());
    gemensamt::ui::klicka(&mut h, &format!("Fatta beslut enligt förslaget i {nr}"));
    assert_eq!(h.state().store().alla_beslut().unwrap().len(), antal, "the first click only asks");
    gemensamt::ui::klicka(&mut h, &format!("Bekräfta: fatta beslutet i {nr}"));
    assert!(h.query_by_label_contains("Beslutet är fattat enligt förslaget").is_some());
    let beslut = h.state().store().alla_beslut().unwrap();
    assert_eq!(beslut.len(), antal + 1);
    let nytt = h.state().store().beslut(beslut.iter().map(|b| b.id).max().unwrap()).unwrap().beslut;
    assert!(nytt.delegation.contains("punkt 4.1.2"), "{}", nytt.delegation);
    assert!(h.query_by_label_contains("Förslag till beslut (").is_none(), "the list is empty again");
}

#[test]
fn a_proposal_another_decider_decided_meanwhile_is_not_marked_decided_again() {
    let (dir, mut store, arende) = demo();
    let hanna = aktor("Hanna Handläggare");
    let vag = fatta_eller_foresla(&mut store, &hanna, Some("handlaggare"), arende, &formular("30 000"), true).unwrap();
    let Beslutsvag::Forslag { id: forslag, .. } = vag else { panic!("a proposal, not {vag:?}") };
    // Bo opens the same database; Berit decides the proposal first.
    let mut bos = open(&dir.path().join("test.db"));
    let berit = aktor("Berit Beslutsdotter");
    let beslut = besluta_forslag(&mut store, &berit, Some("forste_socialsekreterare"), forslag).unwrap();
    let fel = bos.skriv(|w| w.forslag_beslutat(forslag, beslut, "Bo Beslutare")).unwrap_err().to_string();
    assert_eq!(
        fel,
        "Förslaget är redan beslutat av Berit Beslutsdotter medan du läste det. Läs in ärendet igen; inget nytt \
         beslut har sparats."
    );
    assert_eq!(bos.forslag(forslag).unwrap().beslut_id, Some(beslut));
}
