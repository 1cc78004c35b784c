//! FIA: the target group, two interviews compared area by area, the sammanställning read back
//! from the PDF (never with screening answers), and a definition a unit extends.

mod gemensamt;

use bistand::domain::fia::Omrade;
use bistand::store::{Sortering, Store};
use gemensamt::*;

fn demo() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    store
}

fn arende(store: &Store, namn: &str) -> i64 {
    store.sok_arenden(namn, Sortering::Namn, true, 1).unwrap().rader[0].arende_id
}

#[test]
fn the_target_group_and_two_interviews_compared() {
    let store = demo();
    let engstrom = arende(&store, "engström");
    assert!(store.manader_med_bistand(engstrom, nu().date()).unwrap() >= 5);
    assert_eq!(store.manader_med_bistand(arende(&store, "yilmaz"), nu().date()).unwrap(), 0);
    let intervjuer = store.fia_intervjuer(engstrom).unwrap();
    assert_eq!(intervjuer.len(), 2);
    let d = store.fia_definition(Some(1)).unwrap();
    let andrade = intervjuer[0].intervju.andrade_omraden(&intervjuer[1].intervju, &d);
    assert_eq!(andrade, vec!["kroppslig_halsa".to_string(), "skulder".to_string()]);
}

#[test]
fn the_sammanstallning_prints_every_area_and_the_goals_but_no_screening() {
    let store = demo();
    let engstrom = arende(&store, "engström");
    let id = store.fia_intervjuer(engstrom).unwrap()[0].id;
    // By default the sensitive areas stay out of the printout, and the letter says some are left out.
    let utan = pdf_text(&bistand::utskrift::fia_pdf(&store, id, nu().date()).unwrap());
    for t in ["Våld i nära relation", "Psykisk hälsa", "Levnadsvanor"] {
        assert!(!utan.contains(t), "«{t}» is left out unless chosen");
    }
    assert!(utan.contains("känsliga uppgifter finns inte med") && utan.contains("Boende"));
    let brev = bistand::utskrift::Dokument::FiaMedKansliga(id).skapa(&store, nu().date()).unwrap();
    let s = pdf_text(&brev.pdf);
    assert!(!s.contains("känsliga uppgifter finns inte med"));
    for t in [
        "FIA – sammanställning",
        "Social livssituation",
        "Boende",
        "Våld i nära relation",
        "Psykisk hälsa",
        "Arbetsmarknadsinsatser och krav",
        "Ryggen är bättre",
        "Kan arbetsträna deltid",
        "Arbetsträna halvtid",
        "Boka skuldrådgivning",
        "Sammanställning och bedömning",
        // The longest area name fits its column unbroken, and an unanswered area says so in words.
        "Funktionsnedsättning",
        "Inte besvarat",
    ] {
        assert!(s.contains(t), "sammanställning lacks «{t}»");
    }
    let liten = s.to_lowercase();
    assert!(!liten.contains("audit") && !liten.contains("dricker"), "screening answers never appear");
}

#[test]
fn an_added_life_area_loads_and_an_old_interview_still_displays() {
    let mut store = demo();
    let engstrom = arende(&store, "engström");
    let mut ny = store.fia_definition(None).unwrap();
    ny.avsnitt[0].omraden.push(Omrade {
        id: "sysselsattning".into(),
        rubrik: "Sysselsättning och vardag".into(),
        kanslig: false,
    });
    let v = store.las_in_fia_definition(&serde_json::to_string(&ny).unwrap(), nu()).unwrap();
    assert_eq!(v, 2);
    assert!(store.fia_definition(None).unwrap().omraden().any(|(_, o)| o.id == "sysselsattning"));
    let gammal = store.fia_intervjuer(engstrom).unwrap()[1].id;
    let s = pdf_text(&bistand::utskrift::fia_pdf(&store, gammal, nu().date()).unwrap());
    assert!(
        s.contains("Ont i ryggen") && !s.contains("Sysselsättning och vardag"),
        "shown with the version it was taken with"
    );
    assert!(store.las_in_fia_definition("{\"version\":1,\"introduktion\":\"\",\"avsnitt\":[]}", nu()).is_err());
}

#[test]
fn bistand_fia_writes_the_sammanstallning() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let mut store = gemensamt::open_fil(&db);
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let id = store.fia_intervjuer(arende(&store, "engström")).unwrap()[0].id;
    drop(store);
    let ut = dir.path().join("fia.pdf");
    let kor = std::process::Command::new(env!("CARGO_BIN_EXE_bistand"))
        .args(["fia", "--db", db.to_str().unwrap(), "--intervju", &id.to_string(), "--ut", ut.to_str().unwrap()])
        .args(["--anvandare", "tobias"])
        .env("BISTAND_LOSENORD", "ovning")
        .output()
        .unwrap();
    assert!(kor.status.success(), "{}", String::from_utf8_lossy(&kor.stderr));
    assert!(pdf_text(&std::fs::read(&ut).unwrap()).contains("Mål och delmål"));
    let kor = std::process::Command::new(env!("CARGO_BIN_EXE_bistand"))
        .args(["fia", "--db", db.to_str().unwrap(), "--intervju", "999", "--ut", ut.to_str().unwrap()])
        .args(["--anvandare", "tobias"])
        .env("BISTAND_LOSENORD", "ovning")
        .output()
        .unwrap();
    // An interview that does not exist is a failed command (1); 2 is for bad arguments only.
    assert_eq!(kor.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&kor.stderr).contains("ingen FIA-intervju"));
}
