//! The kassa view driven as a person would, by the widgets' accessible labels: attest a
//! payment, stop another with a reason, and save the day's attested payments as a bank file.

mod gemensamt;

use bistand::domain::betalning::{Betalningsorder, Status};
use egui_kittest::kittest::Queryable;
use gemensamt::ui::*;
use gemensamt::*;

fn beskrivning(o: &Betalningsorder) -> String {
    format!("{}, {} till {}", o.arendenummer, o.belopp, o.mottagare.namn)
}

#[test]
fn the_kassa_attests_stops_one_and_saves_the_bank_file() {
    let (_d, path) = temp_db();
    let mut store = open(&path);
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let kassa = testanvandare().med_roll(bistand::domain::anvandare::Roll::Kassa);
    let mut h = harness_som(store, kassa);
    klicka(&mut h, "Kassa");
    assert!(h.query_by_label_contains("Kassa – utbetalningar").is_some(), "the kassa view opens");
    assert!(h.query_by_label_contains("är ett exempel").is_some(), "the shipped bank details say they are an example");

    // The day of the demo with the most orders.
    let store = h.state().store();
    let dag = bistand::demo::utbetalningsdagar(store)
        .unwrap()
        .into_iter()
        .max_by_key(|d| store.utbetalningar_dag(*d).unwrap().len())
        .unwrap();
    h.get_by_label("Betalningsdag").focus();
    h.run();
    for _ in 0..12 {
        h.key_press(egui::Key::Backspace);
    }
    h.get_by_label("Betalningsdag").type_text(&dag.to_string());
    h.run();
    klicka(&mut h, "Visa dagen");
    assert!(h.query_by_label_contains(&format!("Utbetalningar {dag}")).is_some());

    let order = h.state().store().utbetalningar_dag(dag).unwrap();
    let vantar = order.iter().find(|o| o.status == Status::AttAttestera).expect("one waits for attest").clone();
    let namn = format!("Attestera {}", beskrivning(&vantar));
    klicka(&mut h, &namn);
    let status = h.state().store().utbetalning(vantar.id).unwrap().status;
    assert!(h.query_by_label_contains("Utbetalningen är attesterad.").is_some(), "{status:?}");
    assert_eq!(h.state().store().utbetalning(vantar.id).unwrap().status, Status::Attesterad);

    let stoppas = order.iter().find(|o| o.id != vantar.id && o.status == Status::Attesterad).unwrap().clone();
    klicka(&mut h, &format!("Stoppa {}", beskrivning(&stoppas)));
    klicka(&mut h, "Stoppa utbetalningen");
    assert!(h.query_by_label_contains("Skriv varför utbetalningen stoppas.").is_some(), "a stop needs a reason");
    skriv(&mut h, "Orsak till stoppet", "Klienten har bytt konto");
    klicka(&mut h, "Stoppa utbetalningen");
    assert!(h.query_by_label_contains("Utbetalningen är stoppad").is_some());
    assert_eq!(h.state().store().utbetalning(stoppas.id).unwrap().status, Status::Stoppad);

    let attesterade: Vec<_> = h
        .state()
        .store()
        .utbetalningar_dag(dag)
        .unwrap()
        .into_iter()
        .filter(|o| o.status == Status::Attesterad)
        .collect();
    let summa: bistand::domain::Belopp = attesterade.iter().map(|o| o.belopp).sum();
    let knapp = format!("Skapa bankfil – {} attesterade utbetalningar, {summa}", attesterade.len());
    assert!(h.query_by_label(&knapp).is_some(), "the button names count and sum: {knapp}");
    let mapp = tempfile::tempdir().unwrap();
    let fil = mapp.path().join("bank.xml");
    assert!(h.state_mut().i_kassan(|k, store, aktor| k.exportera_till(store, aktor, &fil)));
    h.run();
    assert!(h.query_by_label_contains("Bankfilen är sparad").is_some());
    let xml = std::fs::read_to_string(&fil).unwrap();
    assert!(xml.contains(&format!("<NbOfTxs>{}</NbOfTxs>", attesterade.len())));
    assert!(!xml.contains(&format!("<EndToEndId>BISTAND-{}</EndToEndId>", stoppas.id)), "the stopped one is not paid");
    assert!(xml.contains(&format!("<EndToEndId>BISTAND-{}</EndToEndId>", vantar.id)));
    let efter = h.state().store().utbetalningar_dag(dag).unwrap();
    assert!(efter.iter().all(|o| o.status != Status::Attesterad), "everything attested is sent");
    assert!(h.query_by_label_contains("Skapa bankfil – 0 attesterade").is_some());

    // The bank sends one back: registered against its order, the money may be ordered again.
    let skickad = h.state().store().utbetalning(vantar.id).unwrap();
    klicka(&mut h, &format!("Registrera retur för {}", beskrivning(&skickad)));
    skriv(&mut h, "Orsak till returen", "Kontot är avslutat");
    klicka(&mut h, "Registrera returen");
    assert!(h.query_by_label_contains("Returen är registrerad").is_some());
    assert_eq!(h.state().store().utbetalning(vantar.id).unwrap().status, Status::Aterkommen);
    assert!(h.query_by_label(&format!("Beställ utbetalning i {}", vantar.arendenummer)).is_some());
}

#[test]
fn a_decision_orders_its_payment_and_the_decider_cannot_attest_it_on_screen() {
    let (_d, path) = temp_db();
    let mut store = open(&path);
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let arende = store.beslut(store.alla_beslut().unwrap()[0].id).unwrap().beslut.arende_id;
    let form = hyresbeslut("hyresvärden AB Exempelbostäder, bankgiro 5555-1234");
    let hanna = bistand::arbete::Aktor::ny("Hanna Handläggare", nu());
    let beslut = bistand::arbete::beslut::fatta_beslut(&mut store, &hanna, arende, &form, true).unwrap();
    let nr = store.alla_beslut().unwrap().into_iter().find(|b| b.id == beslut).unwrap().arendenummer;
    // The decision ordered its payment itself, to the payee it names, waiting for an attest.
    let order = store.utbetalningar_for_beslut(beslut).unwrap();
    assert_eq!(order.len(), 1);
    assert_eq!(order[0].belopp, bistand::domain::Belopp::kronor(9000));
    assert_eq!(order[0].status, Status::AttAttestera);
    assert_eq!(order[0].mottagare.i_text(), "hyresvärden AB Exempelbostäder, bankgiro 5555-1234");
    assert_eq!(order[0].mottagare.referens, format!("beslut {beslut} post 1"));
    assert!(store.journal(arende).unwrap().iter().any(|j| j.text.starts_with("Utbetalning beställd med beslutet")));
    // The window's user is the decider herself.
    let mut h = harness_som(store, hanna);
    klicka(&mut h, "Kassa");
    assert!(h.query_by_label(&format!("Beställ utbetalning i {nr}")).is_none(), "nothing left to order");

    // On the payment day the decider sees her own payment but cannot attest it.
    klicka(&mut h, "Tillbaka");
    klicka(&mut h, "Kassa");
    let knapp = format!("Attestera {}", beskrivning(&order[0]));
    let nod = format!("{:?}", h.get_by_label(&knapp));
    assert!(nod.contains("disabled: true"), "the decider's attest button is disabled: {nod}");
}
