//! Decisions and their letters, read back from the PDF: the recipient, amounts in Swedish
//! format, the period, the law in force for the period, the motivering, and on every adverse
//! decision all the facts of how to appeal; never the address of a protected person.

mod gemensamt;

use bistand::domain::Belopp;
use bistand::domain::beslut::{Beslutspost, NyttBeslut, Utfall};
use bistand::domain::klarsprak::{kronor, manad};
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

/// A decision of one post on `period`, made on `datum` by `beslutsfattare`.
fn ett_beslut(
    arende_id: i64,
    datum: chrono::NaiveDate,
    period: &str,
    beslutsfattare: &str,
    post: Beslutspost,
) -> NyttBeslut {
    NyttBeslut {
        arende_id,
        ansokan_id: None,
        datum,
        period: Manad::parse(period).unwrap(),
        beslutsfattare: beslutsfattare.into(),
        delegation: String::new(),
        foredragande: String::new(),
        barnets_basta: String::new(),
        poster: vec![post],
        andrar: None,
        grund: Default::default(),
        utbetalning: None,
    }
}

/// One post: what was applied for, granted and why.
fn post(sak: &str, ansokt: Belopp, beviljat: Belopp, motivering: &str) -> Beslutspost {
    Beslutspost {
        sak: sak.into(),
        ansokt,
        beviljat,
        motivering: motivering.into(),
        utover_ratten: false,
        mot_aterkrav: None,
    }
}

const OVERKLAGA: &[&str] = &[
    "Så överklagar du",
    "Förvaltningsrätten i Stockholm",
    "gäller omedelbart",
    "Vi kan själva ändra beslutet",
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
        let arende = store.arende(b.beslut.arende_id).unwrap();
        let hushall = store.hushall(arende.hushall_id).unwrap();
        let mut sidor = pdf_sidor(&pdf);
        if hushall.skyddade_personuppgifter {
            let blad = sidor.remove(0);
            assert!(blad.contains("Skatteverkets vidarebefordran") && !blad.contains("Sida 1"), "handling sheet first");
        }
        let s = sidor.join("\n");
        assert_eq!(klarsprak_fel(&s, &arende.arendenummer), Vec::<String>::new(), "letter {}", rad.id);
        assert!(s.contains(&hushall.sokande().unwrap().namn()), "recipient in letter {}", rad.id);
        assert!(s.contains(&format!("Ärende {}", arende.arendenummer)));
        assert!(s.contains(&manad(b.beslut.period)), "period");
        if b.utfall == Utfall::Aterkrav {
            // Its own letter, read in tests/aterkrav.rs: no appeal page.
            assert!(s.contains("Beslut om återkrav") && !s.contains("Så överklagar"), "letter {}", rad.id);
            continue;
        }
        let post = &b.beslut.poster[0];
        if post.beviljat > Belopp::NOLL {
            assert!(s.contains(&kronor(post.beviljat)), "amount {} in Swedish format", post.beviljat);
        }
        let lag = if b.beslut.datum >= chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap() {
            "12 kap. 1 § socialtjänstlagen (2025:400)"
        } else {
            "4 kap. 1 § socialtjänstlagen (2001:453)"
        };
        assert!(s.contains(lag), "letter {} cites {lag}", rad.id);
        // A couple when decided (the frozen record says; a partner may have moved out since):
        // both sökande are the recipients, and the letter says "ni" to them.
        let mottagare = b.underlag.as_ref().map(|u| u.mottagare.clone()).filter(|m| m.par);
        let tilltal = |t: &str| if mottagare.is_some() { bistand::letters::tilltal::till_ni(t) } else { t.to_string() };
        if let Some(m) = &mottagare {
            assert!(m.namn.contains(" och "), "both sökande in the record of letter {}", rad.id);
            assert!(s.replace('\n', " ").contains(&m.namn), "both sökande named in letter {}", rad.id);
            assert!(!s.contains(" du ") && !s.contains("Du "), "«ni» to a couple in letter {}", rad.id);
        }
        let motivering_start: String = tilltal(&post.motivering).chars().take(30).collect();
        assert!(
            s.replace('\n', " ").contains(&motivering_start),
            "motivering «{motivering_start}» in letter {}: {s}",
            rad.id
        );
        for fakta in OVERKLAGA {
            assert_eq!(
                s.contains(&tilltal(fakta)),
                rad.utfall != Utfall::Bifall,
                "«{fakta}» in letter {} ({:?})",
                rad.id,
                rad.utfall
            );
        }
        for (i, sida) in sidor.iter().enumerate() {
            assert!(sida.contains(&format!("Sida {} av {}", i + 1, sidor.len())));
        }
        let barn: Vec<_> = hushall
            .medlemmar
            .iter()
            .filter(|m| m.roll == bistand::domain::hushall::Roll::Barn)
            .filter(|m| m.person.pnr.birth_date() <= b.beslut.period.forsta_dagen())
            .collect();
        if !barn.is_empty() {
            assert!(s.contains("Barnets bästa"), "letter {} says how the children were considered", rad.id);
        }
        assert!(!s.contains("samma levnadsnivå") && !s.contains("Barnens bästa"), "no fixed sentence, the law's term");
        // An avslag or delavslag with children: the analysis of each child, by name.
        if rad.utfall != Utfall::Bifall && !barn.is_empty() {
            for m in &barn {
                let namn = &m.person.fornamn;
                assert!(s.contains(&format!("Så påverkar beslutet {namn}")), "analysis of {namn} in letter {}", rad.id);
            }
            for del in ["Barnets åsikt:", "Det här har vi vägt:", "Vår slutsats:"] {
                assert!(s.contains(del), "«{del}» in letter {}", rad.id);
            }
        }
        if hushall.skyddade_personuppgifter {
            assert!(!pdf_text(&pdf).contains(&hushall.adress.gatuadress), "a protected address is never printed");
            assert!(!s.to_lowercase().contains("skyddade"), "nothing in the letter reveals the protection");
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
    let mut beslut = ett_beslut(
        arende_id,
        nu().date(),
        "2026-11",
        "Test Beslutsfattare",
        post("Försörjningsstöd", Belopp::kronor(9000), Belopp::kronor(0), &lang),
    );
    beslut.foredragande = "Test Föredragande".into();
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
    let mut beslut = ett_beslut(
        arende_id,
        nu().date(),
        "2026-11",
        "Test",
        post("Tandvård", Belopp::kronor(3000), Belopp::kronor(1000), ""),
    );
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
        "26 november 2026 klockan 10.00",
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
        "7 december 2026",
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
    let namn = store.hushall(arende.hushall_id).unwrap().sokande().unwrap().namn();
    for typ in [Brevtyp::Kallelse, Brevtyp::Handlaggare] {
        let sidor = pdf_sidor(&brev_pdf(&store, &nordin, typ, idag).unwrap());
        assert!(sidor.iter().all(|s| !s.contains(&gata)), "{typ:?}");
        assert!(sidor[0].contains("INTERNT HANTERINGSBLAD") && sidor[0].contains("Skatteverkets vidarebefordran"));
        assert!(!sidor[0].contains("Sida 1 av"), "the sheet is not a page of the letter");
        let brev = sidor[1..].join("\n");
        assert!(brev.contains("Sida 1 av") && brev.contains(&namn), "{typ:?}: the letter follows with the name");
        assert!(!brev.to_lowercase().contains("skyddade") && !brev.contains("Skatteverket"), "{typ:?}");
    }
    // The unit's own details go into every header.
    let mut enhet = store.enhet().unwrap();
    enhet.namnd = "Socialnämnden i Provstad".into();
    store.satt_enhet(&enhet).unwrap();
    assert!(
        pdf_text(&brev_pdf(&store, &lundin, Brevtyp::Kallelse, idag).unwrap()).contains("Socialnämnden i Provstad")
    );
}

fn dag(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn juni_beslut(arende_id: i64, datum: chrono::NaiveDate) -> NyttBeslut {
    let tandvard = post("Tandvård", Belopp::kronor(3000), Belopp::from_ore(120_050), "Endast akut tandvård ingår.");
    ett_beslut(arende_id, datum, "2025-06", "Test Beslutsfattare", tandvard)
}

#[test]
fn the_decision_date_not_the_month_chooses_the_law_and_the_appeal_page_names_the_court() {
    let mut store = demo();
    let arende_id = store.sok_arenden("lundin", Sortering::Namn, true, 1).unwrap().rader[0].arende_id;
    let nr = store.arende(arende_id).unwrap().arendenummer;
    // The court is a unit setting, frozen with each decision when it is made.
    let mut enhet = store.enhet().unwrap();
    enhet.forvaltningsratt = "Förvaltningsrätten i Uppsala".into();
    store.satt_enhet(&enhet).unwrap();
    let fore = spara(&mut store, &juni_beslut(arende_id, dag(2025, 6, 30))).unwrap();
    let efter = spara(&mut store, &juni_beslut(arende_id, dag(2025, 7, 1))).unwrap();
    let fall = [
        (fore, "4 kap. 1 § socialtjänstlagen (2001:453)", "16 kap. 3 § socialtjänstlagen (2001:453)", "30 juni 2025"),
        (efter, "12 kap. 1 § socialtjänstlagen (2025:400)", "35 kap. 1 § socialtjänstlagen (2025:400)", "1 juli 2025"),
    ];
    for (id, lag, overklagande, datum) in fall {
        let sidor = pdf_sidor(&bistand::utskrift::beslutsbrev_pdf(&store, id).unwrap());
        let s = sidor.join("\n");
        assert!(s.contains(lag) && s.contains(overklagande), "decision of {datum} cites {lag} and {overklagande}");
        assert!(s.contains("Tandvård för juni 2025") && s.contains("Beviljas 1 200,50 kr, avslås 1 799,50 kr"));
        let sista = sidor.last().unwrap();
        for t in ["Så överklagar du", "Förvaltningsrätten i Uppsala", "gäller omedelbart", "inom tre veckor", datum]
        {
            assert!(sista.contains(t), "appeal page of {datum} lacks «{t}»");
        }
        assert!(sista.contains("44 §") && sista.contains("förvaltningslagen (2017:900)"));
        assert_eq!(klarsprak_fel(&s, &nr), Vec::<String>::new());
    }
    // A decision changing another names it by date and subject, never by an internal number.
    let mut andring = juni_beslut(arende_id, dag(2025, 7, 10));
    andring.andrar = Some(efter);
    let id = spara(&mut store, &andring).unwrap();
    let s = pdf_text(&bistand::utskrift::beslutsbrev_pdf(&store, id).unwrap()).replace('\n', " ");
    assert!(s.contains("ändrar vårt beslut den 1 juli 2025 om tandvård för juni 2025"), "{s}");
    assert!(!s.contains("nr "), "no internal number");
}

#[test]
fn bistand_beyond_the_right_says_if_there_is_reason_for_it() {
    let fraser = bistand::domain::beslut::fraser::levererade_fraser();
    assert!(fraser.fraser.iter().all(|f| !f.text.contains("särskilda skäl")));
    let mut store = demo();
    let arende_id = store.sok_arenden("lundin", Sortering::Namn, true, 1).unwrap().rader[0].arende_id;
    let mut b = juni_beslut(arende_id, dag(2026, 3, 2));
    b.poster[0].utover_ratten = true;
    let id = spara(&mut store, &b).unwrap();
    let s = pdf_text(&bistand::utskrift::beslutsbrev_pdf(&store, id).unwrap()).replace('\n', " ");
    assert!(s.contains("om det finns skäl för det"));
    assert!(s.contains("12 kap. 2 § socialtjänstlagen (2025:400)") && !s.contains("särskilda skäl"));
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

#[test]
fn no_letter_kind_writes_ore_on_whole_kronor_iso_dates_or_numeric_months() {
    let store = demo();
    let brev = ovriga_brev(&store, nu().date());
    assert!(brev.iter().any(|(vad, _, _)| vad.starts_with("återkrav")), "the demo has grants against repayment");
    for (vad, arendenummer, pdf) in brev {
        let text = pdf_text(&pdf);
        assert_eq!(klarsprak_fel(&text, &arendenummer), Vec::<String>::new(), "{vad}");
        assert!(!text.contains(" 1 månader") && !text.contains("när i väntan på"), "{vad}");
    }
}
