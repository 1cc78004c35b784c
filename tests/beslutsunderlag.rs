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
    fyll_barnens_basta(&mut form);
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

    // A narrow window: the marking is on its own line, not beyond the edge.
    let mut h = ui::harness_med_storlek(store, egui::vec2(1000.0, 800.0));
    h.get_by_label("Sök").type_text("berglund");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let markering = h.get_by_label("Ändrat efter beslut – nytt beslut behövs");
    assert!(markering.rect().max.x <= 1000.0, "the marking ends at x = {}", markering.rect().max.x);
}

/// The lines after the text `efter`, which may be wrapped over up to three lines (a long post
/// such as "Bistånd till en hyresskuld hos AB Exempelbostäder").
fn efter<'a>(text: &'a str, efter: &str) -> Option<Vec<&'a str>> {
    let rader: Vec<&str> = text.lines().collect();
    (0..rader.len()).find_map(|i| {
        (1..=3).filter(|k| i + k <= rader.len()).find_map(|k| {
            let ihop = rader[i..i + k].iter().map(|r| r.trim()).collect::<Vec<_>>().join(" ");
            (ihop == efter).then(|| rader[i + k..].to_vec())
        })
    })
}

/// The line after the line `efter` in `text`.
fn raden_efter<'a>(text: &'a str, efter_text: &str) -> Option<&'a str> {
    efter(text, efter_text)?.first().copied()
}

/// The `n` lines after the line `efter`, in the attachment's table.
fn celler<'a>(text: &'a str, efter_text: &str, n: usize) -> Vec<&'a str> {
    let rader = efter(text, efter_text).unwrap_or_else(|| panic!("no row «{efter_text}» in\n{text}"));
    rader.into_iter().take(n).collect()
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
    // Livsföring posts: granted in full, refused, and partly set against an överskott.
    let (mut bifall, mut avslag, mut avraknade) = (0, 0, 0);
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
            if p.sak != "Försörjningsstöd" {
                assert!(!p.sak.starts_with("Du har ansökt"), "a post names the item in the client's words");
                bifall += usize::from(p.beviljat == p.ansokt);
                avslag += usize::from(p.beviljat == Belopp::NOLL);
                avraknade += usize::from(p.motivering.contains("räknar vi av"));
            }
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
    eprintln!("livsföring posts: {bifall} granted, {avslag} refused, {avraknade} set against an överskott");
    assert!(bifall > 0 && avslag > 0 && avraknade > 0, "the demo's livsföring posts cover every outcome");
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
    fyll_barnens_basta(&mut form);
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
