//! Livsföring i övrigt (issue 11): the family that applies for försörjningsstöd plus help with a
//! 7 000 kr electricity debt and a 2 400 kr dental bill. The debt and the dental bill are not
//! inside försörjningsstöd; each is its own decision post in the client's words, and the letter
//! shows them on page 1 and in the attachment with equal amounts.

mod gemensamt;

use bistand::arbete::{self, Aktor};
use bistand::domain::Belopp;
use bistand::domain::ansokan::{AnsokanFormular, KostnadFalt};
use bistand::domain::beslut::formular::BeslutsFormular;
use bistand::domain::norm::{Inkomsttyp, Kostnadstyp};
use bistand::store::{Sortering, Store};
use egui::Key;
use egui_kittest::kittest::Queryable;
use gemensamt::ui::{demo_harness, klicka, skriv};
use gemensamt::*;

fn aktor() -> Aktor {
    Aktor::ny("Anna Handläggare", nu())
}

fn familjen(store: &Store) -> i64 {
    store.sok_arenden("berglund", Sortering::Namn, true, 1).unwrap().rader[0].arende_id
}

/// The family's latest application with a 2 400 kr dental bill added; `med_lon` keeps the
/// wages that leave an överskott, otherwise only the smaller wage is left.
fn ansok(store: &mut Store, arende_id: i64, med_lon: bool) {
    let senaste = store.ansokningar(arende_id).unwrap()[0].id;
    let sparad = store.ansokan(senaste).unwrap();
    let mut form = AnsokanFormular::from(&sparad.ansokan);
    if !med_lon {
        let stor = form.inkomster.iter().position(|i| i.typ == Some(Inkomsttyp::Lon) && i.belopp.starts_with("21"));
        form.inkomster.remove(stor.unwrap());
    }
    form.kostnader.push(KostnadFalt {
        typ: Some(Kostnadstyp::Tandvard),
        ansokt: "2400".into(),
        livsforing: true,
        ..Default::default()
    });
    arbete::ansokan::spara_ansokan(store, &aktor(), arende_id, &form, None, &sparad.regler).unwrap();
}

/// The calculation of the case's latest application.
fn berakning(store: &Store, arende_id: i64) -> bistand::domain::norm::Resultat {
    let sparad = store.ansokan(store.ansokningar(arende_id).unwrap()[0].id).unwrap();
    let tabell = store.normtabell(sparad.normtabell_id).unwrap();
    bistand::domain::norm::berakna(&sparad.ansokan.underlag, &tabell, &sparad.regler).unwrap()
}

fn belopp(text: &str) -> Belopp {
    Belopp::parse(text.trim().trim_end_matches("kr").trim()).unwrap_or_else(|e| panic!("«{text}»: {e}"))
}

fn poster(form: &BeslutsFormular) -> Vec<(String, Belopp, Belopp)> {
    form.poster.iter().map(|p| (p.sak.clone(), belopp(&p.ansokt), belopp(&p.beviljat))).collect()
}

/// The line after the line `efter`.
fn raden_efter<'a>(text: &'a str, efter: &str) -> &'a str {
    let mut rader = text.lines();
    assert!(rader.by_ref().any(|r| r.trim() == efter), "no line «{efter}» in\n{text}");
    rader.next().unwrap()
}

#[test]
fn the_debt_and_the_dental_bill_are_posts_of_their_own_on_page_1_and_in_the_attachment() {
    let mut store = Store::open_in_memory().unwrap();
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let arende_id = familjen(&store);
    ansok(&mut store, arende_id, false);
    let mut form = arbete::beslut::nytt_beslut(&store, &aktor(), arende_id).unwrap();
    let p = poster(&form);
    assert_eq!(p.len(), 3, "{p:?}");
    assert_eq!(p[0].0, "Försörjningsstöd");
    assert!(p[0].2 > Belopp::NOLL, "the family has a need of försörjningsstöd");
    assert_eq!(p[1], ("Bistånd till en elskuld hos Ellevio AB".into(), Belopp::kronor(7000), Belopp::kronor(7000)));
    assert_eq!(p[2], ("Akut tandvård".into(), Belopp::kronor(2400), Belopp::kronor(2400)));
    assert_eq!(
        berakning(&store, arende_id).beviljas,
        p[0].2,
        "försörjningsstöd holds neither the debt nor the dental bill"
    );

    form.barnets_basta = "Barnens behov ingår i beräkningen, och strömmen stängs inte av.".into();
    let id = arbete::beslut::fatta_beslut(&mut store, &aktor(), arende_id, &form, true).unwrap();
    let text = pdf_text(&bistand::utskrift::beslutsbrev_pdf(&store, id).unwrap());
    assert!(!text.contains("Du har ansökt om elskuld"));
    let (forsta, bilaga) = text.split_once("Bilaga: Beräkning").unwrap();
    assert_eq!(raden_efter(forsta, "Bistånd till en elskuld hos Ellevio AB för november 2026"), "Beviljas 7 000 kr");
    assert_eq!(raden_efter(forsta, "Akut tandvård för november 2026"), "Beviljas 2 400 kr");
    let totalt = p.iter().fold(Belopp::NOLL, |s, p| s + p.2);
    assert_eq!(belopp(raden_efter(forsta, "Sammanlagt beviljas")), totalt);
    let rad = |sak: &str| -> Vec<Belopp> {
        let mut rader = bilaga.lines();
        assert!(rader.by_ref().any(|r| r.trim() == sak), "no row «{sak}» in the attachment:\n{bilaga}");
        rader.take(3).map(belopp).collect()
    };
    assert_eq!(
        rad("Bistånd till en elskuld hos Ellevio AB"),
        [Belopp::kronor(7000), Belopp::kronor(7000), Belopp::NOLL]
    );
    assert_eq!(rad("Akut tandvård"), [Belopp::kronor(2400), Belopp::kronor(2400), Belopp::NOLL]);
    assert!(bilaga.contains("Beräkning av försörjningsstöd och livsföring i övrigt"));
    assert!(bilaga.contains("Hushållet kan få totalt"), "{bilaga}");
}

#[test]
fn an_overskott_is_set_against_the_debt_first_and_the_post_says_so() {
    let mut store = Store::open_in_memory().unwrap();
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let arende_id = familjen(&store);
    ansok(&mut store, arende_id, true);
    let r = &berakning(&store, arende_id);
    assert_eq!(r.beviljas, Belopp::NOLL);
    assert!(r.overskott > Belopp::NOLL && r.overskott < Belopp::kronor(9400), "{}", r.overskott);
    let form = arbete::beslut::nytt_beslut(&store, &aktor(), arende_id).unwrap();
    let p = poster(&form);
    let skuld = (Belopp::kronor(7000) - r.overskott).max(Belopp::NOLL);
    let tand = Belopp::kronor(2400) - (r.overskott - Belopp::kronor(7000)).max(Belopp::NOLL);
    assert_eq!((p[1].2, p[2].2), (skuld, tand), "the debt first, then the dental bill");
    assert!(form.poster[1].motivering.contains("räknar vi av"), "{}", form.poster[1].motivering);
}

#[test]
fn a_livsforing_line_added_and_assessed_in_the_application_is_its_own_post_in_the_decision_form() {
    let (_dir, mut h) = demo_harness();
    h.get_by_label("Sök").type_text("berglund");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    klicka(&mut h, "Ansökan");
    h.get_by_label_contains("2026-11").click();
    h.run();
    assert_eq!(h.get_by_label("Livsföring 1: avser").value().unwrap(), "elskuld hos Ellevio AB");
    klicka(&mut h, "Lägg till livsföring");
    klicka(&mut h, "Livsföring 2: typ");
    klicka(&mut h, "Glasögon");
    skriv(&mut h, "Livsföring 2: avser", "till Elsa");
    skriv(&mut h, "Livsföring 2: ansökt", "1800");
    skriv(&mut h, "Livsföring 2: godkänt", "1200");
    skriv(&mut h, "Livsföring 2: motivering", "enklare bågar räcker");
    assert!(
        h.query_by_label_contains(
            "Glasögon – till Elsa: ansökt 1 800,00 kr, godkänt 1 200,00 kr – enklare bågar räcker"
        )
        .is_some(),
        "the calculation shows the assessed line at once"
    );
    assert!(h.query_by_label_contains("Livsföring i övrigt: ").is_some(), "the total beside försörjningsstöd");
    klicka(&mut h, "Spara ansökan");
    assert!(h.query_by_label_contains("är sparad").is_some());

    klicka(&mut h, "Beslut");
    klicka(&mut h, "Nytt beslut");
    assert_eq!(h.get_by_label("Post 2: vad som söks").value().unwrap(), "Bistånd till en elskuld hos Ellevio AB");
    assert_eq!(h.get_by_label("Post 3: vad som söks").value().unwrap(), "Glasögon – till Elsa");
    assert_eq!(h.get_by_label("Post 3: ansökt").value().unwrap(), "1 800,00");
}
