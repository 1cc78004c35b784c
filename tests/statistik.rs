//! The unit's statistics from a real database: the store reads what the decisions granted (checked
//! against the decisions listed another way), the report's PDF shows the same figures as its CSV
//! files, and neither names a client.

mod gemensamt;

use bistand::arbete::{self, Aktor};
use bistand::domain::Belopp;
use bistand::domain::manad::Manad;
use bistand::domain::statistik::{Kostnadsslag, Period};
use bistand::store::{Sortering, Store};
use gemensamt::*;
use std::collections::HashSet;

fn aktor() -> Aktor {
    Aktor::ny("Anna Handläggare", nu())
}

/// 40 fictitious households with about four months of history up to november 2026.
fn enhet() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let val = bistand::demo::Demoval { hushall: 40, manader: 4 };
    bistand::demo::bygg_demo(&mut store, val, nu(), &mut |_, _| true).unwrap();
    store
}

#[test]
fn households_and_costs_per_month_are_what_the_decisions_granted() {
    let store = enhet();
    let r = arbete::statistik::rapport(&store, Period::Ar(2026), None).unwrap();
    let mut manader_med_bistand = 0;
    for rad in &r.indikatorer.per_manad {
        // The same month read through the decision list: every case with something granted.
        let beslut = store.beslut_for_period(rad.manad).unwrap();
        let granted = |b: &bistand::store::BeslutRad| b.poster.iter().fold(Belopp::NOLL, |s, p| s + p.beviljat);
        let hushall: HashSet<&str> =
            beslut.iter().filter(|b| granted(b) > Belopp::NOLL).map(|b| b.arendenummer.as_str()).collect();
        let totalt = beslut.iter().fold(Belopp::NOLL, |s, b| s + granted(b));
        assert_eq!(rad.hushall as usize, hushall.len(), "{}", rad.manad);
        assert_eq!(rad.totalt, totalt, "{}", rad.manad);
        manader_med_bistand += hushall.len();
        let fs = rad.kostnad[Kostnadsslag::Forsorjningsstod.index()];
        assert!(fs <= rad.totalt);
    }
    assert!(manader_med_bistand > 40, "the demo unit has months of assistance: {manader_med_bistand}");
    assert_eq!(r.indikatorer.hushallsmanader as usize, manader_med_bistand);
    assert!(r.indikatorer.hushall >= 5, "enough households for figures to show");
}

#[test]
fn long_term_households_are_those_granted_something_in_10_of_the_12_months_up_to_the_month() {
    let mut store = Store::open_in_memory().unwrap();
    let val = bistand::demo::Demoval { hushall: 30, manader: 16 };
    bistand::demo::bygg_demo(&mut store, val, nu(), &mut |_, _| true).unwrap();
    let period = Period::Tertial(2026, 3);
    let r = arbete::statistik::rapport(&store, period, None).unwrap();
    // Every case's months with something granted, read through the decision list, from the
    // first month of a 12-month window ending in the period.
    let mut per_arende: std::collections::HashMap<String, HashSet<Manad>> = Default::default();
    let mut manad = (0..11).fold(period.forsta(), |m, _| m.foregaende());
    while manad <= period.sista() {
        for b in store.beslut_for_period(manad).unwrap() {
            if b.poster.iter().fold(Belopp::NOLL, |s, p| s + p.beviljat) > Belopp::NOLL {
                per_arende.entry(b.arendenummer.clone()).or_default().insert(manad);
            }
        }
        manad = manad.nasta();
    }
    let mut langvariga = 0;
    for rad in &r.indikatorer.per_manad {
        let fonster: Vec<Manad> = (0..12).scan(rad.manad, |m, _| Some(std::mem::replace(m, m.foregaende()))).collect();
        let med = per_arende.values().filter(|s| s.contains(&rad.manad));
        let langa = med.clone().filter(|s| fonster.iter().filter(|m| s.contains(m)).count() >= 10).count();
        assert_eq!(rad.hushall as usize, med.count(), "{}", rad.manad);
        assert_eq!(rad.langvariga as usize, langa, "{}", rad.manad);
        langvariga += langa;
    }
    assert!(langvariga > 0, "the demo unit has long-term households");
}

fn csv_rader(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark for Excel");
    text.split("\r\n").filter(|l| !l.is_empty()).map(|l| l.split(';').map(String::from).collect()).collect()
}

fn utan_mellanrum(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_report_pdf_shows_the_figures_of_its_csv_files_and_no_client() {
    let mut store = enhet();
    let dir = tempfile::tempdir().unwrap();
    let period = Period::parse("2026-T3").unwrap();
    let filer = arbete::statistik::skriv_rapport(&mut store, &aktor(), period, None, dir.path()).unwrap();
    let pdf = std::fs::read(&filer.pdf).unwrap();
    let text = pdf_text(&pdf);
    assert!(text.contains("Statistik för tertial 3 2026 (september–december)"), "{text}");
    assert!(text.contains(&nu().date().to_string()), "the date it was made");
    let r = arbete::statistik::rapport(&store, period, None).unwrap();
    assert_eq!(filer.csv.len(), r.tabeller.len());
    let pdf_tal = utan_mellanrum(&text);
    let mut jamforda = 0;
    for (t, fil) in r.tabeller.iter().zip(&filer.csv) {
        let csv = std::fs::read_to_string(fil).unwrap();
        let rader = csv_rader(&csv);
        assert_eq!(rader[0], t.kolumner, "{}", t.rubrik);
        assert_eq!(rader.len(), t.rader.len() + 1, "{}", t.rubrik);
        // Every CSV figure appears in the PDF in the same order, after the table's heading.
        let mut fran = pdf_tal.find(&utan_mellanrum(&t.rubrik)).unwrap_or_else(|| panic!("{} in the PDF", t.rubrik));
        for rad in &rader[1..] {
            for cell in rad.iter().filter(|c| !c.is_empty()) {
                let sokt = utan_mellanrum(cell.trim_matches('"'));
                let hittad = pdf_tal[fran..].find(&sokt);
                assert!(hittad.is_some(), "{}: «{cell}» of the CSV is not in the PDF after position {fran}", t.rubrik);
                fran += hittad.unwrap_or(0) + sokt.len();
                jamforda += 1;
            }
        }
    }
    assert!(jamforda > 60, "the report has figures: {jamforda}");
    // The charts are vector lines in the series' colours, not pictures.
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let forsta = *doc.get_pages().get(&1).unwrap();
    let innehall = String::from_utf8_lossy(&doc.get_page_content(forsta)).into_owned();
    assert!(innehall.contains("0.12 0.37 0.65 RG") && innehall.contains(" l"), "a blue line is drawn on page 1");
    assert!(
        doc.objects.values().all(|o| o
            .as_stream()
            .map_or(true, |s| s.dict.get(b"Subtype").map_or(true, |t| t.as_name().ok() != Some(b"Image".as_slice())))),
        "no image"
    );
    // No client's name or personnummer, in the PDF or in any CSV.
    let alla_csv: String = filer.csv.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect();
    let klienter = store.sok_arenden("", Sortering::Namn, true, 10_000).unwrap().rader;
    assert!(klienter.len() >= 40);
    for k in &klienter {
        let (efternamn, fornamn) = k.namn.split_once(", ").unwrap();
        let pnr_utan = k.pnr.replace('-', "");
        for dokument in [&text, &alla_csv] {
            for fel in [format!("{fornamn} {efternamn}"), k.namn.clone(), k.pnr.clone(), pnr_utan.clone()] {
                assert!(!dokument.contains(&fel), "the report names a client: {fel}");
            }
            assert!(!dokument.contains(&pnr_utan[2..]), "a personnummer in ten digits");
            assert!(!dokument.split(|c: char| !c.is_alphabetic()).any(|w| w == efternamn), "{efternamn}");
        }
    }
}

#[test]
fn a_small_unit_is_shown_as_fewer_than_the_unit_allows_and_the_setting_can_be_lowered() {
    let mut store = Store::open_in_memory().unwrap();
    let val = bistand::demo::Demoval { hushall: 14, manader: 3 };
    bistand::demo::bygg_demo(&mut store, val, nu(), &mut |_, _| true).unwrap();
    let m = Period::Manad(Manad::parse("2026-10").unwrap());
    // One caseworker's month: a few households.
    let handlaggare = arbete::statistik::handlaggare(&store).unwrap();
    let (vem, r) = handlaggare
        .iter()
        .map(|h| (h.clone(), arbete::statistik::rapport(&store, m, Some(h)).unwrap()))
        .find(|(_, r)| (1..5).contains(&r.indikatorer.hushall))
        .expect("a caseworker with a few households in oktober");
    assert_eq!(r.tabeller[0].rader[0][1].visa(), "färre än 5");
    assert_eq!(r.urval, format!("Handläggare {vem}"));
    arbete::statistik::satt_minsta_antal(&mut store, &aktor(), 1).unwrap();
    let r2 = arbete::statistik::rapport(&store, m, Some(&vem)).unwrap();
    assert_eq!(r2.tabeller[0].rader[0][1].visa(), r.indikatorer.hushall.to_string());
    assert!(arbete::statistik::satt_minsta_antal(&mut store, &aktor(), 0).is_err());
}

#[test]
fn population_and_nybesok_entered_by_the_unit_give_their_indicators() {
    let mut store = enhet();
    let b = bistand::domain::statistik::Befolkning { ar: 2026, barn: 1_000, vuxna: 4_000 };
    arbete::statistik::satt_befolkning(&mut store, &aktor(), b).unwrap();
    let arende = store.sok_arenden("", Sortering::Arendenummer, true, 1).unwrap().rader[0].arende_id;
    let (kontakt, besok) = (nu().date() - chrono::Days::new(12), nu().date() - chrono::Days::new(2));
    arbete::statistik::registrera_nybesok(&mut store, &aktor(), (arende, None), kontakt, besok).unwrap();
    let journal = store.journal(arende).unwrap();
    assert!(journal.iter().any(|j| j.text.contains("Nybesök") && j.text.contains(&besok.to_string())));
    let r = arbete::statistik::rapport(&store, Period::Ar(2026), None).unwrap();
    assert_eq!(r.indikatorer.nybesok.median_dagar, Some(10.0));
    let rader = &r.tabeller[0].rader;
    let barn = rader.iter().find(|r| r[0].visa().starts_with("Andel barn")).expect("the children's share");
    assert!(barn[1].visa().ends_with('%'), "{:?}", barn[1]);
    assert!(arbete::statistik::registrera_nybesok(&mut store, &aktor(), (arende, None), besok, kontakt).is_err());
}

#[test]
fn bistand_rapport_writes_the_pdf_and_the_csv_files_and_refuses_a_wrong_period() {
    let (dir, db) = temp_db();
    {
        let mut store = gemensamt::open_fil(&db);
        let val = bistand::demo::Demoval { hushall: 20, manader: 2 };
        bistand::demo::bygg_demo(&mut store, val, nu(), &mut |_, _| true).unwrap();
    }
    let ut = dir.path().join("rapport");
    let kor = |period: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_bistand"))
            .args(["rapport", "--db", db.to_str().unwrap(), "--period", period, "--ut", ut.to_str().unwrap()])
            // The chef of the training database writes the report.
            .args(["--anvandare", "maria"])
            .env("BISTAND_LOSENORD", "ovning")
            .output()
            .unwrap()
    };
    let svar = kor("2026-T3");
    assert_eq!(svar.status.code(), Some(0), "{}", String::from_utf8_lossy(&svar.stderr));
    assert!(String::from_utf8_lossy(&svar.stdout).contains("tertial 3 2026"));
    assert!(ut.join("statistik-2026-T3.pdf").exists());
    assert!(ut.join("2026-T3-nyckeltal.csv").exists());
    let fel = kor("2026-T4");
    assert_eq!(fel.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&fel.stderr).contains("2026-T1"), "says how a period is written");
}
