//! One decision, one record: a decision's letter is printed from what was frozen with it, so
//! page 1 and the attachment agree to the öre, and a later change to the application neither
//! changes the letter nor goes unnoticed.

mod gemensamt;

use bistand::arbete::{self, Aktor};
use bistand::domain::Belopp;
use bistand::domain::ansokan::AnsokanFormular;
use bistand::domain::norm::Kostnadstyp;
use bistand::store::{Sortering, Store};
use egui_kittest::kittest::Queryable;
use gemensamt::*;

fn aktor() -> Aktor {
    Aktor::ny("Anna Handläggare", nu())
}

fn traningsfamiljen(store: &Store) -> i64 {
    store.sok_arenden("berglund", Sortering::Namn, true, 1).unwrap().rader[0].arende_id
}

/// Decides the case's latest application as proposed; returns the decision's id.
fn besluta(store: &mut Store, arende_id: i64) -> i64 {
    let mut form = arbete::beslut::nytt_beslut(store, &aktor(), arende_id).unwrap();
    form.barnets_basta = "Barnens behov ingår i beräkningen.".into();
    for p in &mut form.poster {
        p.motivering = "Beslutet följer beräkningen.".into();
    }
    arbete::beslut::fatta_beslut(store, &aktor(), arende_id, &form, true).unwrap()
}

/// Raises the rent of the case's latest application by `kronor` and saves it.
fn hoj_hyran(store: &mut Store, arende_id: i64, kronor: i64) {
    let senaste = store.ansokningar(arende_id).unwrap()[0].id;
    let sparad = store.ansokan(senaste).unwrap();
    let mut form = AnsokanFormular::from(&sparad.ansokan);
    let hyra = form.kostnader.iter_mut().find(|k| k.typ == Some(Kostnadstyp::Boende)).unwrap();
    let ny = Belopp::parse(&hyra.ansokt).unwrap() + Belopp::kronor(kronor);
    hyra.ansokt = ny.format_tal();
    hyra.godkant = String::new();
    arbete::ansokan::spara_ansokan(store, &aktor(), arende_id, &form, None, &sparad.regler).unwrap();
}

#[test]
fn a_reprint_after_the_application_changed_is_the_same_letter_and_the_case_says_a_new_decision_is_needed() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    bistand::demo::skapa_demo(&mut store, 3, nu()).unwrap();
    let arende_id = traningsfamiljen(&store);
    let id = besluta(&mut store, arende_id);
    let forst = pdf_text(&bistand::utskrift::beslutsbrev_pdf(&store, id).unwrap());
    assert!(!store.andrad_efter_beslut(arende_id).unwrap());

    hoj_hyran(&mut store, arende_id, 5000);
    let mut enhet = store.enhet().unwrap();
    enhet.adress = "Box 999, 999 99 Nystad".into();
    store.satt_enhet(&enhet).unwrap();
    let sedan = pdf_text(&bistand::utskrift::beslutsbrev_pdf(&store, id).unwrap());
    assert_eq!(forst, sedan, "the reprint says what the first print said");
    assert!(!sedan.contains("Nystad"));
    assert!(store.andrad_efter_beslut(arende_id).unwrap());

    let mut h = ui::harness(store);
    h.get_by_label("Sök").type_text("berglund");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.query_by_label("Ändrat efter beslut – nytt beslut behövs").is_some(), "the case shows the notice");
}
