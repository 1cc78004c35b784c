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
    // A refusal needs the analysis of each child.
    for b in &mut form.barn {
        b.paverkan = "Hushållets egna inkomster räcker till barnets levnadskostnader".into();
        b.asikt = "Barnet har inte tillfrågats eftersom beslutet följer beräkningen".into();
        b.vagt = "Barnets behov enligt riksnormen mot hushållets inkomster".into();
        b.slutsats = "Beslutet står sig".into();
    }
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
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let arende_id = traningsfamiljen(&store);
    let id = besluta(&mut store, arende_id);
    let forst = pdf_text(&bistand::utskrift::beslutsbrev_pdf(&store, id).unwrap());
    assert!(!store.andrad_efter_beslut(arende_id).unwrap());
    let beslut = store.alla_beslut().unwrap();
    assert!(beslut.len() >= 5, "the demo's decisions");
    for rad in beslut {
        let arende = store.arende_med_nummer(&rad.arendenummer).unwrap();
        assert!(
            !store.andrad_efter_beslut(arende.id).unwrap(),
            "case {} is unchanged since its decision",
            rad.arendenummer
        );
    }

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

/// The line after the line `efter` in `text`.
fn raden_efter<'a>(text: &'a str, efter: &str) -> Option<&'a str> {
    let mut rader = text.lines();
    rader.by_ref().find(|r| r.trim() == efter)?;
    rader.next()
}

/// The `n` lines after the line `efter`, in the attachment's table.
fn celler<'a>(text: &'a str, efter: &str, n: usize) -> Vec<&'a str> {
    let mut rader = text.lines();
    assert!(rader.by_ref().any(|r| r.trim() == efter), "no row «{efter}» in\n{text}");
    rader.take(n).collect()
}

fn belopp(text: &str) -> Belopp {
    Belopp::parse(text.trim().trim_end_matches("kr").trim()).unwrap_or_else(|e| panic!("«{text}»: {e}"))
}

/// Page 1's granted and refused amounts of a post, read from the letter.
fn sidan_ett(forsta: &str, rubrik: &str) -> (Belopp, Belopp) {
    let rad = raden_efter(forsta, rubrik).unwrap_or_else(|| panic!("no «{rubrik}» on page 1:\n{forsta}"));
    if let Some(rest) = rad.strip_prefix("Avslås (") {
        (Belopp::NOLL, belopp(rest.trim_end_matches(" ansökt)")))
    } else if let Some((bev, avs)) = rad.strip_prefix("Beviljas ").and_then(|r| r.split_once(", avslås ")) {
        (belopp(bev), belopp(avs))
    } else {
        (belopp(rad.strip_prefix("Beviljas ").unwrap()), Belopp::NOLL)
    }
}

#[test]
fn every_letter_of_a_unit_with_history_agrees_with_its_attachment_post_by_post() {
    let mut store = Store::open_in_memory().unwrap();
    let val = bistand::demo::Demoval { hushall: 60, manader: 4 };
    bistand::demo::bygg_demo(&mut store, val, nu(), &mut |_, _| true).unwrap();
    let (mut reducerade, mut utan_berakning) = (0, 0);
    for rad in
        store.alla_beslut().unwrap().into_iter().filter(|r| r.utfall != bistand::domain::beslut::Utfall::Aterkrav)
    {
        let b = store.beslut(rad.id).unwrap();
        let text = pdf_text(&bistand::utskrift::beslutsbrev_pdf(&store, rad.id).unwrap());
        let (forsta, rest) = text.split_once("Bilaga: Beräkning").unwrap_or((&text, ""));
        let bilaga = rest.split("Så överklagar").next().unwrap();
        // A couple's letter says "ni".
        let par = b.underlag.as_ref().is_some_and(|u| u.mottagare.par);
        let tilltal = |t: &str| if par { bistand::letters::tilltal::till_ni(t) } else { t.to_string() };
        let mut summa = Belopp::NOLL;
        for p in &b.beslut.poster {
            let (beviljat, avslaget) =
                sidan_ett(forsta, &format!("{} för {}", p.sak, bistand::domain::klarsprak::manad(b.beslut.period)));
            summa += beviljat;
            if bilaga.is_empty() {
                continue;
            }
            let c = celler(bilaga, &p.sak, 3);
            assert_eq!((belopp(c[1]), belopp(c[2])), (beviljat, avslaget), "decision {}: {}", rad.id, p.sak);
        }
        assert_eq!(summa, b.beslut.poster.iter().fold(Belopp::NOLL, |s, p| s + p.beviljat), "what is paid");
        if b.beslut.poster.len() > 1 {
            assert_eq!(belopp(raden_efter(forsta, "Sammanlagt beviljas").unwrap()), summa);
        }
        match b.beslut.grund.grundtext() {
            Some(grund) => {
                utan_berakning += 1;
                assert!(bilaga.is_empty(), "decision {}: a refusal on another ground attaches no calculation", rad.id);
                let sida = forsta.replace('\n', " ");
                let grund = tilltal(grund);
                assert!(sida.contains(&grund[..58]), "decision {} says what it rests on", rad.id);
                assert!(
                    !sida.contains("12 kap. 7 §") && !sida.contains("4 kap. 3 §"),
                    "decision {}: a refusal not resting on the calculation cites no riksnorm rule",
                    rad.id
                );
                assert_eq!(summa, Belopp::NOLL);
            }
            None => {
                assert_eq!(belopp(celler(bilaga, "Summa", 3)[1]), summa, "decision {}: the attachment's total", rad.id);
                let beraknat = belopp(raden_efter(bilaga, "Försörjningsstöd enligt beräkningen").unwrap());
                let forsorjning = b.beslut.poster.iter().find(|p| p.sak == "Försörjningsstöd").unwrap();
                assert!(
                    beraknat == forsorjning.beviljat || bilaga.contains("Enligt beräkningen är behovet"),
                    "decision {}: page 1 grants what the calculation gives, or the attachment says why not",
                    rad.id
                );
                reducerade += usize::from(bilaga.contains(", godkänt "));
            }
        }
    }
    assert!(reducerade > 0, "the demo has partly approved costs with their reason");
    assert!(utan_berakning > 0, "the demo has refusals on other grounds than the calculation");
}

#[test]
fn the_letter_says_the_period_in_dates_and_when_and_to_whom_the_money_is_paid() {
    let mut store = Store::open_in_memory().unwrap();
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let arende_id = traningsfamiljen(&store);
    let mut form = arbete::beslut::nytt_beslut(&store, &aktor(), arende_id).unwrap();
    assert_eq!((form.period_fran.as_str(), form.period_till.as_str()), ("2026-11-01", "2026-11-30"));
    form.barnets_basta = "Barnens behov ingår i beräkningen.".into();
    // Granted under the discretionary rule (the family's wages cover the norm).
    form.poster[0].ansokt = "5000".into();
    form.poster[0].beviljat = "5000".into();
    form.poster[0].utover_ratten = true;
    form.utbetalningsdag = "2026-11-25".into();
    form.betalas_till = String::new();
    let fel = arbete::beslut::fatta_beslut(&mut store, &aktor(), arende_id, &form, true).unwrap_err();
    assert!(fel.to_string().contains("vart pengarna betalas"), "{fel}");
    form.betalas_till = "hyresvärden AB Exempelbostäder, bankgiro 123-4567".into();
    let id = arbete::beslut::fatta_beslut(&mut store, &aktor(), arende_id, &form, true).unwrap();
    let text = pdf_text(&bistand::utskrift::beslutsbrev_pdf(&store, id).unwrap()).replace('\n', " ");
    assert!(text.contains("1 november 2026 – 30 november 2026"), "{text}");
    assert!(
        text.contains(
            "Pengarna betalas ut den 25 november 2026 till hyresvärden AB Exempelbostäder, bankgiro 123-4567"
        )
    );
}
