//! The kassa view driven as a person would, by the widgets' accessible labels: attest a
//! payment, stop another with a reason, and save the day's attested payments as a bank file.

mod gemensamt;

use bistand::domain::betalning::{Betalningsorder, Status};
use egui_kittest::kittest::Queryable;
use gemensamt::ui::*;

fn beskrivning(o: &Betalningsorder) -> String {
    format!("{}, {} till {}", o.arendenummer, o.belopp, o.mottagare.namn)
}

#[test]
fn the_kassa_attests_stops_one_and_saves_the_bank_file() {
    let (_d, mut h) = demo_harness();
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
}
