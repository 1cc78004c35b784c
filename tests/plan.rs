//! Förändringsplanen: printed with the eight headings verbatim and in order, agreed versions
//! never change, a new version keeps the old, comparison names the changed steps, and the
//! "Att göra" list holds exactly the cases that are due.

mod gemensamt;

use bistand::domain::plan::{Planinnehall, Planpunkt, RUBRIKER};
use bistand::store::{Sortering, Store};
use gemensamt::*;

fn demo() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    store
}

fn arende(store: &Store, namn: &str) -> (i64, String) {
    let rad = store.sok_arenden(namn, Sortering::Namn, true, 1).unwrap().rader[0].clone();
    (rad.arende_id, rad.arendenummer)
}

#[test]
fn the_printout_has_the_eight_headings_in_order_with_steps_dates_and_requirements() {
    let store = demo();
    let (id, nr) = arende(&store, "lundin");
    let plan = store.aktuell_plan(id, None).unwrap().unwrap();
    let s = pdf_text(&bistand::utskrift::plan_pdf(&store, &nr, nu().date()).unwrap());
    let mut from = 0;
    for (i, rubrik) in RUBRIKER.iter().enumerate() {
        let heading = format!("{}. {rubrik}", i + 1);
        let at = s[from..].find(&heading).unwrap_or_else(|| panic!("«{heading}» missing or out of order"));
        from += at + heading.len();
    }
    for steg in &plan.innehall.steg {
        assert!(s.contains(&steg.vad));
    }
    let datum = bistand::domain::klarsprak::datum_fran_text;
    assert!(s.contains(&datum(&plan.innehall.steg[0].senast)), "a step's date");
    for u in &plan.innehall.uppfoljning {
        assert!(s.contains(&datum(&u.datum)), "follow-up date {}", u.datum);
    }
    for k in &plan.innehall.krav {
        assert!(s.contains(k.trim_end_matches('.')), "requirement {k}");
    }
    assert!(s.contains("Datum ____") && !s.contains("UTKAST"));
    let (_, utkast) = arende(&store, "hassan");
    assert!(pdf_text(&bistand::utskrift::plan_pdf(&store, &utkast, nu().date()).unwrap()).contains("UTKAST"));
}

#[test]
fn an_agreed_plan_is_kept_and_a_new_version_starts_from_it() {
    let mut store = demo();
    let (id, _) = arende(&store, "lundin");
    let agreed = store.aktuell_plan(id, None).unwrap().unwrap();
    assert!(agreed.overenskommen.is_some());
    // Saving changes makes a new draft version; the agreed one stays as it was.
    let mut andrad = agreed.innehall.clone();
    andrad.fritext[0] = "Ny situation".into();
    let ny_id = store.skriv(|w| w.spara_planutkast(id, None, &andrad, "Test", nu())).unwrap();
    assert_ne!(ny_id, agreed.id);
    let planer = store.planer(id).unwrap();
    assert_eq!(planer.len(), 2);
    assert_eq!(planer[1].innehall, agreed.innehall, "the agreed version is intact");
    assert_eq!(planer[0].innehall.andrade_steg(&planer[1].innehall), vec![0]);
    assert!(store.skriv(|w| w.ny_planversion(id, None, "Test", nu())).is_err(), "one draft at a time");
    assert!(store.skriv(|w| w.kom_overens(agreed.id, nu().date(), true, "", nu())).is_err(), "already agreed");
    assert!(
        store
            .skriv(|w| w.kom_overens(ny_id, nu().date(), false, " ", nu()))
            .unwrap_err()
            .to_string()
            .contains("varför")
    );
    // The database itself refuses to change an agreed plan.
    let (_dir, path) = temp_db();
    let mut fil = open(&path);
    bistand::demo::skapa_demo(&mut fil, 12, nu()).unwrap();
    drop(fil);
    let raw = rusqlite::Connection::open(&path).unwrap();
    assert!(raw.execute("UPDATE plan SET innehall = '{}' WHERE overenskommen IS NOT NULL", []).is_err());
    assert!(raw.execute("DELETE FROM plan WHERE overenskommen IS NOT NULL", []).is_err());
}

#[test]
fn comparing_two_versions_reports_the_changed_steps() {
    let store = demo();
    let (id, _) = arende(&store, "forsberg");
    let planer = store.planer(id).unwrap();
    assert_eq!(planer.len(), 2);
    let andrade = planer[0].innehall.andrade_steg(&planer[1].innehall);
    assert_eq!(andrade, vec![1, 6], "the goal and the follow-up dates changed");
    assert!(Planinnehall::default().andrade_steg(&Planinnehall::default()).is_empty());
}

#[test]
fn att_gora_holds_exactly_the_cases_that_are_due() {
    let store = demo();
    let lista = store.att_gora(None, nu().date()).unwrap();
    let (lundin, _) = arende(&store, "lundin");
    let (forsberg, _) = arende(&store, "forsberg");
    let mut fall: Vec<(i64, Planpunkt)> = lista.iter().map(|r| (r.arende_id, r.punkt)).collect();
    fall.sort_by_key(|(id, p)| (*id, format!("{p:?}")));
    let d = |dagar: u64| nu().date() - chrono::Days::new(dagar);
    let mut vantat = vec![
        (lundin, Planpunkt::UppfoljningForsenad(d(3))),
        (forsberg, Planpunkt::UppfoljningForsenad(d(40))),
        (forsberg, Planpunkt::InteSignerad),
    ];
    vantat.sort_by_key(|(id, p)| (*id, format!("{p:?}")));
    assert_eq!(fall, vantat);
    // Ten days later Lundin's next follow-up (in 25 days) is not due, but Forsberg's plan is
    // due for rewriting three months after it was agreed.
    let senare = store.att_gora(None, nu().date() + chrono::Days::new(12)).unwrap();
    assert!(senare.iter().any(|r| r.arende_id == forsberg && matches!(r.punkt, Planpunkt::DagsAttSkrivaOm(_))));
    // Per socialsekreterare.
    let handlaggare = store.arende(lundin).unwrap().socialsekreterare;
    assert!(
        store.att_gora(Some(&handlaggare), nu().date()).unwrap().iter().all(|r| store
            .arende(r.arende_id)
            .unwrap()
            .socialsekreterare
            == handlaggare)
    );
}

#[test]
fn an_added_ib_field_loads_and_answers_keep_their_definition_version() {
    let mut store = demo();
    let (id, nr) = arende(&store, "lundin");
    let mut svar = bistand::domain::ib::IbSvar { definition_version: 1, ..Default::default() };
    svar.svar.insert("del1.hushall".into(), "Bor ensam".into());
    store.spara_ib_svar(id, &svar, nu()).unwrap();
    // The unit adds a field; the new definition becomes version 2.
    let mut ny = store.ib_definition(None).unwrap();
    ny.delar[0].falt.push(bistand::domain::ib::Falt {
        id: "husdjur".into(),
        etikett: "Husdjur".into(),
        typ: "rad".into(),
        val: vec![],
    });
    let version = store.las_in_ib_definition(&serde_json::to_string(&ny).unwrap(), nu()).unwrap();
    assert_eq!(version, 2);
    assert!(store.ib_definition(None).unwrap().delar[0].falt.iter().any(|f| f.id == "husdjur"));
    let sparat = store.ib_svar(id).unwrap().unwrap();
    assert_eq!(sparat.definition_version, 1);
    assert!(
        store.ib_definition(Some(1)).unwrap().delar[0].falt.iter().all(|f| f.id != "husdjur"),
        "old answers show with their own form"
    );
    assert!(store.las_in_ib_definition("{\"version\":1,\"delar\":[]}", nu()).is_err());
    // Del 2 is never printed without consent; Del 1 is.
    let fel = bistand::utskrift::ib_del_pdf(&store, &nr, "del2", nu().date()).unwrap_err().to_string();
    assert!(fel.contains("samtycke"), "{fel}");
    assert!(pdf_text(&bistand::utskrift::ib_del_pdf(&store, &nr, "del1", nu().date()).unwrap()).contains("Bor ensam"));
}
