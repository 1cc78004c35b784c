//! Decisions and their letters, read back from the PDF: the recipient, amounts in Swedish
//! format, the period, the law in force for the period, the motivering, and on every adverse
//! decision all the facts of how to appeal; never the address of a protected person.

mod gemensamt;

use bistand::domain::Belopp;
use bistand::domain::beslut::{Beslutspost, NyttBeslut, Utfall};
use bistand::domain::manad::Manad;
use bistand::store::{Sortering, Store};
use gemensamt::*;

/// Saves a decision as the use case does: with the frozen record of the case as it is now.
fn spara(store: &mut Store, b: &NyttBeslut) -> Result<i64, bistand::store::StoreError> {
    let underlag = bistand::utskrift::beslutsunderlag(store, b).unwrap();
    store.skriv(|w| w.spara_beslut(b, &underlag, false, "Test", nu()))
}

fn demo() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    store
}

const OVERKLAGA: &[&str] = &[
    "Så överklagar du",
    "förvaltningsrätten",
    "inte till förvaltningsrätten",
    "inom tre veckor",
    "vilket beslut du överklagar",
    "varför du tycker att beslutet är fel",
    "personnummer, adress och telefonnummer",
    "fullmakt",
    "så hjälper vi dig att överklaga",
];

#[test]
fn the_demo_has_every_outcome_before_and_after_the_new_law() {
    let store = demo();
    let alla = store.alla_beslut().unwrap();
    for u in [Utfall::Bifall, Utfall::Delavslag, Utfall::Avslag] {
        assert!(alla.iter().any(|b| b.utfall == u), "{u:?}");
    }
    assert!(alla.iter().any(|b| b.datum.as_str() < "2025-07-01"));
    assert!(alla.iter().any(|b| b.datum.as_str() >= "2025-07-01"));
    let training = store.sok_arenden("berglund", Sortering::Namn, true, 1).unwrap().rader[0].arende_id;
    assert_eq!(store.ansokningar(training).unwrap().len(), 1, "the training family's application is there");
}

#[test]
fn every_decision_letter_carries_its_facts_and_adverse_ones_how_to_appeal() {
    let store = demo();
    for rad in store.alla_beslut().unwrap() {
        let b = store.beslut(rad.id).unwrap();
        let pdf = bistand::utskrift::beslutsbrev_pdf(&store, rad.id).unwrap();
        let s = pdf_text(&pdf);
        let arende = store.arende(b.beslut.arende_id).unwrap();
        let hushall = store.hushall(arende.hushall_id).unwrap();
        assert!(s.contains(&hushall.sokande().unwrap().namn()), "recipient in letter {}", rad.id);
        assert!(s.contains(&format!("Ärende {}", arende.arendenummer)));
        assert!(s.contains(&b.beslut.period.to_string()), "period");
        let post = &b.beslut.poster[0];
        if post.beviljat > Belopp::NOLL {
            assert!(s.contains(&post.beviljat.to_string()), "amount {} in Swedish format", post.beviljat);
        }
        let lag = if b.beslut.period.forsta_dagen() >= chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap() {
            "12 kap. 1 § socialtjänstlagen (2025:400)"
        } else {
            "4 kap. 1 § socialtjänstlagen (2001:453)"
        };
        assert!(s.contains(lag), "letter {} cites {lag}", rad.id);
        let motivering_start: String = post.motivering.chars().take(30).collect();
        assert!(s.replace('\n', " ").contains(&motivering_start), "motivering in letter {}", rad.id);
        for fakta in OVERKLAGA {
            assert_eq!(
                s.contains(fakta),
                rad.utfall != Utfall::Bifall,
                "«{fakta}» in letter {} ({:?})",
                rad.id,
                rad.utfall
            );
        }
        let sidor = pdf_sidor(&pdf);
        for (i, sida) in sidor.iter().enumerate() {
            assert!(sida.contains(&format!("Sida {} av {}", i + 1, sidor.len())));
        }
        if hushall.medlemmar.iter().any(|m| m.roll == bistand::domain::hushall::Roll::Barn) {
            assert!(s.contains("Barnens bästa"), "letter {} says how the children were considered", rad.id);
        }
        if hushall.skyddade_personuppgifter {
            assert!(!s.contains(&hushall.adress.gatuadress), "a protected address is never printed");
            assert!(s.contains("SKYDDADE PERSONUPPGIFTER"));
        } else {
            assert!(s.contains(&hushall.adress.gatuadress));
        }
    }
}

#[test]
fn a_very_long_motivering_flows_onto_further_pages() {
    let mut store = demo();
    let arende_id = store.sok_arenden("lundin", Sortering::Namn, true, 1).unwrap().rader[0].arende_id;
    let lang = "Vi har gått igenom din ansökan noga och bedömt varje del av den mot riksnormen. ".repeat(80);
    let beslut = NyttBeslut {
        arende_id,
        ansokan_id: None,
        datum: nu().date(),
        period: Manad::parse("2026-11").unwrap(),
        beslutsfattare: "Test Beslutsfattare".into(),
        delegation: String::new(),
        foredragande: "Test Föredragande".into(),
        barnets_basta: String::new(),
        poster: vec![Beslutspost {
            sak: "Försörjningsstöd".into(),
            ansokt: Belopp::kronor(9000),
            beviljat: Belopp::kronor(0),
            motivering: lang,
            utover_ratten: false,
            mot_aterkrav: None,
        }],
        andrar: None,
        grund: Default::default(),
        utbetalning: None,
    };
    let id = spara(&mut store, &beslut).unwrap();
    let sidor = pdf_sidor(&bistand::utskrift::beslutsbrev_pdf(&store, id).unwrap());
    assert!(sidor.len() >= 3, "{} pages", sidor.len());
    for (i, s) in sidor.iter().enumerate() {
        assert!(s.contains(&format!("Sida {} av {}", i + 1, sidor.len())));
    }
    assert!(sidor.last().unwrap().contains("Så överklagar du"));
    assert!(sidor.iter().any(|s| s.contains("Föredragande")));
}

#[test]
fn a_decision_needs_a_motivering_for_a_refusal_and_is_never_changed() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let arende_id = store.sok_arenden("lundin", Sortering::Namn, true, 1).unwrap().rader[0].arende_id;
    let mut beslut = NyttBeslut {
        arende_id,
        ansokan_id: None,
        datum: nu().date(),
        period: Manad::parse("2026-11").unwrap(),
        beslutsfattare: "Test".into(),
        delegation: String::new(),
        foredragande: String::new(),
        barnets_basta: String::new(),
        poster: vec![Beslutspost {
            sak: "Tandvård".into(),
            ansokt: Belopp::kronor(3000),
            beviljat: Belopp::kronor(1000),
            motivering: String::new(),
            utover_ratten: false,
            mot_aterkrav: None,
        }],
        andrar: None,
        grund: Default::default(),
        utbetalning: None,
    };
    let err = spara(&mut store, &beslut).unwrap_err();
    assert!(err.to_string().contains("motivering"), "{err}");
    beslut.poster[0].motivering = "Endast akut tandvård ingår.".into();
    let id = spara(&mut store, &beslut).unwrap();
    assert_eq!(store.beslut(id).unwrap().utfall, Utfall::Delavslag);
    drop(store);
    let raw = rusqlite::Connection::open(&path).unwrap();
    assert!(raw.execute("UPDATE beslut SET beslutsfattare = 'Annan'", []).is_err());
    assert!(raw.execute("DELETE FROM beslutspost", []).is_err());
    assert!(raw.execute("DELETE FROM beslut", []).is_err());
    assert!(raw.execute("UPDATE beslutsunderlag SET underlag = '{}'", []).is_err(), "the frozen record stays");
    assert!(raw.execute("DELETE FROM beslutsunderlag", []).is_err());
}

#[test]
fn the_short_letters_carry_what_they_must() {
    use bistand::utskrift::{Brevtyp, brev_pdf};
    let mut store = demo();
    let nr = |store: &Store, namn: &str| {
        store.sok_arenden(namn, Sortering::Namn, true, 1).unwrap().rader[0].arendenummer.clone()
    };
    let idag = nu().date();

    let s = pdf_text(&brev_pdf(&store, &nr(&store, "lundin"), Brevtyp::Kallelse, idag).unwrap());
    for t in [
        "Kallelse till nybesök",
        "2026-11-26 klockan 10.00",
        "Exempelvägen 10",
        "Ta med dig",
        "kontoutdrag",
        "bokar vi en ny tid",
        "Lars Lundin",
    ] {
        assert!(s.contains(t), "kallelse lacks «{t}»");
    }
    let s = pdf_text(&brev_pdf(&store, &nr(&store, "yilmaz"), Brevtyp::Komplettering, idag).unwrap());
    for t in [
        "Begäran om komplettering",
        "kontoutdrag för de senaste tre månaderna",
        "beslut om etableringsersättning",
        "2026-12-07",
        "kan då avslås",
    ] {
        assert!(s.contains(t), "komplettering lacks «{t}»");
    }
    let lundin = nr(&store, "lundin");
    let fel = brev_pdf(&store, &lundin, Brevtyp::Komplettering, idag).unwrap_err().to_string();
    assert!(fel.contains("komplett"), "{fel}");
    let s = pdf_text(&brev_pdf(&store, &lundin, Brevtyp::Handlaggare, idag).unwrap());
    let handlaggare = store.arende_med_nummer(&lundin).unwrap().socialsekreterare;
    assert!(s.contains(&handlaggare) && s.contains("08-000 00 00") && s.contains("boka en tid"));
    assert!(brev_pdf(&store, &lundin, Brevtyp::Avslut, idag).unwrap_err().to_string().contains("inte avslutat"));
    let s = pdf_text(&brev_pdf(&store, &nr(&store, "wallin"), Brevtyp::Avslut, idag).unwrap());
    assert!(s.contains("Orsak") && s.contains("Arbete") && s.contains("ansöka om ekonomiskt bistånd på nytt"));

    // Every short letter goes to the case's sökande.
    for (namn, typ) in [
        ("lundin", Brevtyp::Kallelse),
        ("yilmaz", Brevtyp::Komplettering),
        ("lundin", Brevtyp::Handlaggare),
        ("wallin", Brevtyp::Avslut),
    ] {
        let arendenummer = nr(&store, namn);
        let arende = store.arende_med_nummer(&arendenummer).unwrap();
        let sokande = store.hushall(arende.hushall_id).unwrap().sokande().unwrap().namn();
        let s = pdf_text(&brev_pdf(&store, &arendenummer, typ, idag).unwrap());
        assert!(s.contains(&sokande) && s.contains(&format!("Ärende {arendenummer}")), "{typ:?} to {sokande}");
    }

    // A protected person's address is never printed, whatever the letter.
    let nordin = nr(&store, "nordin");
    let arende = store.arende_med_nummer(&nordin).unwrap();
    let gata = store.hushall(arende.hushall_id).unwrap().adress.gatuadress;
    for typ in [Brevtyp::Kallelse, Brevtyp::Handlaggare] {
        let s = pdf_text(&brev_pdf(&store, &nordin, typ, idag).unwrap());
        assert!(!s.contains(&gata) && s.contains("SKYDDADE PERSONUPPGIFTER"), "{typ:?}");
    }
    // The unit's own details go into every header.
    let mut enhet = store.enhet().unwrap();
    enhet.namnd = "Socialnämnden i Provstad".into();
    store.satt_enhet(&enhet).unwrap();
    assert!(
        pdf_text(&brev_pdf(&store, &lundin, Brevtyp::Kallelse, idag).unwrap()).contains("Socialnämnden i Provstad")
    );
}

#[test]
fn an_advance_gets_a_recovery_letter_citing_the_law_of_its_period() {
    let mut store = demo();
    let arende_id = store.sok_arenden("lundin", Sortering::Namn, true, 1).unwrap().rader[0].arende_id;
    let forskott = |period: &str| NyttBeslut {
        arende_id,
        ansokan_id: None,
        datum: nu().date(),
        period: Manad::parse(period).unwrap(),
        beslutsfattare: "Test".into(),
        delegation: String::new(),
        foredragande: String::new(),
        barnets_basta: String::new(),
        poster: vec![Beslutspost {
            sak: "Försörjningsstöd".into(),
            ansokt: Belopp::kronor(4000),
            beviljat: Belopp::kronor(4000),
            motivering: String::new(),
            utover_ratten: false,
            mot_aterkrav: Some("i väntan på sjukpenning från Försäkringskassan".into()),
        }],
        andrar: None,
        grund: Default::default(),
        utbetalning: None,
    };
    let fore = spara(&mut store, &forskott("2025-05")).unwrap();
    let beslut = pdf_text(&bistand::utskrift::beslutsbrev_pdf(&store, fore).unwrap());
    assert!(beslut.contains("mot återkrav"), "the decision letter says it is an advance and why");
    let s = pdf_text(&bistand::utskrift::aterkravsbrev_pdf(&store, fore).unwrap());
    for t in [
        "Beslut om återkrav",
        "4 000,00 kr",
        "sjukpenning",
        "9 kap. 2 § socialtjänstlagen (2001:453)",
        "avbetalningsplan",
        "Så överklagar du",
        "inom tre veckor",
    ] {
        assert!(s.contains(t), "återkrav lacks «{t}»");
    }
    // Under the new law the provision is not verified yet: no letter cites a guess.
    let efter = spara(&mut store, &forskott("2026-11")).unwrap();
    let fel = bistand::utskrift::aterkravsbrev_pdf(&store, efter).unwrap_err().to_string();
    assert!(fel.contains("inte verifierat"), "{fel}");
    let vanligt = store.alla_beslut().unwrap()[0].id;
    assert!(
        bistand::utskrift::aterkravsbrev_pdf(&store, vanligt).unwrap_err().to_string().contains("inte mot återkrav")
    );
}

#[test]
fn the_units_logo_goes_into_the_letter_and_a_broken_one_never_stops_it() {
    let mut store = demo();
    let id = store.alla_beslut().unwrap()[0].id;
    let med_logo = bistand::utskrift::beslutsbrev_pdf(&store, id).unwrap();
    assert!(String::from_utf8_lossy(&med_logo).contains("/Image"), "the placeholder logo is drawn");
    let egen = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/icons/bistand.png")).unwrap();
    store.satt_logo(&egen).unwrap();
    assert_eq!(store.logo().unwrap().as_deref(), Some(egen.as_slice()));
    store.satt_logo(b"ingen bild").unwrap();
    let utan = bistand::utskrift::beslutsbrev_pdf(&store, id).unwrap();
    assert!(pdf_text(&utan).contains("Beslut om ekonomiskt bistånd"), "the letter is still written");
}

#[test]
fn the_unit_edits_its_phrase_library_without_a_new_build() {
    let mut store = demo();
    let mut b = store.fraser().unwrap();
    assert!(b.fraser.len() >= 6, "the shipped phrases until the unit edits them");
    b.fraser[0].text = "Egen text för {namn}: {belopp} för {period}.".into();
    b.fraser.retain(|f| f.id != "utover_ratten");
    store.satt_fraser(&b).unwrap();
    let sparad = store.fraser().unwrap();
    assert_eq!(sparad, b);
    let ifylld = sparad.fraser[0].fyll_i(&bistand::domain::beslut::fraser::Platshallare {
        namn: "Vera".into(),
        belopp: "100,00 kr".into(),
        period: "2026-11".into(),
        post: String::new(),
    });
    assert_eq!(ifylld, "Egen text för Vera: 100,00 kr för 2026-11.");
    let mut trasig = b.clone();
    trasig.fraser[0].utfall.clear();
    assert!(store.satt_fraser(&trasig).unwrap_err().to_string().contains("minst ett utfall"));
    trasig.fraser[0].utfall = vec!["avslag".into()];
    trasig.fraser[0].text = " ".into();
    assert!(store.satt_fraser(&trasig).is_err());
    assert_eq!(store.fraser().unwrap(), b, "a refused edit changes nothing");
}
