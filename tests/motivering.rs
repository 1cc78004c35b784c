//! A motivering names the facts it rests on: the phrases leave `[ange: …]` places for them
//! (what was missing and since when, which activity was offered and when, which reasonable level
//! and since when), and a place left unfilled stops the decision with a message at the field.

mod gemensamt;

use bistand::arbete::{self, Aktor, Arbetsfel};
use bistand::domain::beslut::fraser::{Platshallare, fyll_i_fakta, levererade_fraser, ofylld_platshallare};
use bistand::domain::falt::{Falt, Postuppgift};
use bistand::store::{Sortering, Store};
use gemensamt::*;

#[test]
fn an_unfilled_fact_in_the_motivering_blocks_the_decision_at_its_field() {
    let mut store = Store::open_in_memory().unwrap();
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let arende_id = store.sok_arenden("lundin", Sortering::Namn, true, 1).unwrap().rader[0].arende_id;
    let aktor = Aktor::ny("Test", nu());
    let mut form = arbete::beslut::nytt_beslut(&store, &aktor, arende_id).unwrap();
    let fras = levererade_fraser().fraser.into_iter().find(|f| f.id == "avslag_ej_arbetsmarknad").unwrap();
    let p = &mut form.poster[0];
    p.beviljat = "0".into();
    p.motivering = fras.fyll_i(&Platshallare {
        post: "försörjningsstöd".into(),
        period: "november 2026".into(),
        ..Default::default()
    });
    for b in &mut form.barn {
        (b.paverkan, b.asikt, b.vagt, b.slutsats) = ("a".into(), "b".into(), "c".into(), "d".into());
    }
    let har_barn = !form.barn.is_empty();
    let e = arbete::beslut::fatta_beslut(&mut store, &aktor, arende_id, &form, har_barn).unwrap_err();
    let Arbetsfel::Falt(fel) = &e else { panic!("{e}") };
    let vid_faltet = fel.iter().find(|f| f.falt == Falt::Post(0, Postuppgift::Motivering)).expect("at the field");
    assert!(
        vid_faltet.text.contains("Fyll i") && vid_faltet.text.contains("datum då aktiviteten erbjöds"),
        "{}",
        vid_faltet.text
    );
    let fore = store.alla_beslut().unwrap().len();
    let mut text = form.poster[0].motivering.clone();
    text = fyll_i_fakta(&text, "datum då aktiviteten erbjöds", "3 november 2026");
    // One filled, one left: still blocked, now naming the one left.
    form.poster[0].motivering = text.clone();
    let e = arbete::beslut::fatta_beslut(&mut store, &aktor, arende_id, &form, har_barn).unwrap_err();
    assert!(e.to_string().contains("vilken aktivitet eller praktik"), "{e}");
    form.poster[0].motivering = fyll_i_fakta(&text, "vilken aktivitet eller praktik", "arbetsträning hos Jobbtorget");
    assert!(ofylld_platshallare(&form.poster[0].motivering).is_none());
    let id = arbete::beslut::fatta_beslut(&mut store, &aktor, arende_id, &form, har_barn).unwrap();
    assert_eq!(store.alla_beslut().unwrap().len(), fore + 1);
    let s = pdf_text(&bistand::utskrift::beslutsbrev_pdf(&store, id).unwrap()).replace('\n', " ");
    assert!(s.contains("Den 3 november 2026 anvisade vi dig till arbetsträning hos Jobbtorget"), "{s}");
    assert!(!s.contains("[ange"));
}
