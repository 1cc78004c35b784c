//! Store round trips on temporary databases: what is saved is what comes back, rules hold in
//! the database itself, and old or foreign files are handled with a clear message.

mod gemensamt;

use bistand::domain::arende::{ArendeStatus, Avslutsorsak, Forsorjningshinder};
use bistand::domain::hushall::{Relation, Roll};
use bistand::domain::journal::NyJournalPost;
use bistand::store::{SCHEMA_VERSION, Sortering, Store, StoreError, migrera_till};
use gemensamt::*;

#[test]
fn a_registered_household_comes_back_as_registered() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let mut medlemmar = vec![person(pnr(1985, 4, 2, 982), "Vera", "Provsson")];
    let mut med = person(pnr(1984, 1, 3, 983), "Olof", "Provsson");
    med.roll = Roll::Medsokande;
    medlemmar.push(med);
    let mut barn = person(pnr(2021, 6, 1, 984), "Lo", "Provsson");
    barn.roll = Roll::Barn;
    barn.lunch_utanfor_hemmet = true;
    medlemmar.push(barn);
    let mut h = hushall(medlemmar);
    h.relation = Some(Relation::Sambo);
    h.skyddade_personuppgifter = true;
    let reg = store.skriv(|w| w.skapa_hushall(&h, &arende(), nu())).unwrap();
    assert_eq!(reg.arendenummer, "2026-0001");
    drop(store);

    let store = open(&path);
    let vy = store.hushall(reg.hushall_id).unwrap();
    assert_eq!(vy.medlemmar, h.medlemmar);
    assert_eq!(vy.relation, Some(Relation::Sambo));
    assert!(vy.skyddade_personuppgifter);
    assert_eq!(vy.adress, h.adress);
    let a = store.arende(reg.arende_id).unwrap();
    assert_eq!(a.status, ArendeStatus::UnderUtredning);
    assert_eq!(a.socialsekreterare, "Test Handläggare");
    assert_eq!(store.kontroll().unwrap().problem, Vec::<String>::new());
}

#[test]
fn the_same_person_cannot_be_registered_twice() {
    let mut store = Store::open_in_memory().unwrap();
    let p = pnr(1985, 4, 2, 982);
    store.skriv(|w| w.skapa_hushall(&hushall(vec![person(p, "Vera", "Provsson")]), &arende(), nu())).unwrap();
    let err =
        store.skriv(|w| w.skapa_hushall(&hushall(vec![person(p, "Vera", "Annan")]), &arende(), nu())).unwrap_err();
    assert!(matches!(err, StoreError::Dubblett(_)));
    assert!(err.to_string().contains("redan registrerad i ärende 2026-0001"), "{err}");
    assert_eq!(store.kontroll().unwrap().hushall, 1, "nothing of the refused household is stored");
}

#[test]
fn search_finds_by_personnummer_in_any_spelling_name_and_case_number() {
    let mut store = Store::open_in_memory().unwrap();
    let p = pnr(1985, 4, 2, 982);
    store.skriv(|w| w.skapa_hushall(&hushall(vec![person(p, "Vera", "Provsson")]), &arende(), nu())).unwrap();
    store
        .skriv(|w| w.skapa_hushall(&hushall(vec![person(pnr(1990, 1, 1, 985), "Åsa", "Öberg")]), &arende(), nu()))
        .unwrap();
    let ten = p.ten_digits();
    for q in [p.twelve_digits(), p.to_string(), ten.clone(), format!("{}-{}", &ten[..6], &ten[6..]), "8504".into()] {
        let r = store.sok_arenden(&q, Sortering::Arendenummer, true, 100).unwrap();
        assert_eq!(r.totalt, 1, "{q}");
        assert_eq!(r.rader[0].namn, "Provsson, Vera");
    }
    assert_eq!(store.sok_arenden("vera prov", Sortering::Namn, true, 100).unwrap().totalt, 1);
    assert_eq!(store.sok_arenden("åsa", Sortering::Namn, true, 100).unwrap().rader[0].namn, "Öberg, Åsa");
    assert_eq!(store.sok_arenden("2026-0002", Sortering::Namn, true, 100).unwrap().rader[0].namn, "Öberg, Åsa");
    assert_eq!(store.sok_arenden("", Sortering::Namn, true, 100).unwrap().totalt, 2);
    assert_eq!(store.sok_arenden("50%", Sortering::Namn, true, 100).unwrap().totalt, 0);
    let desc = store.sok_arenden("", Sortering::Arendenummer, false, 100).unwrap();
    assert_eq!(desc.rader[0].arendenummer, "2026-0002");
    let limited = store.sok_arenden("", Sortering::Arendenummer, true, 1).unwrap();
    assert_eq!((limited.rader.len(), limited.totalt), (1, 2));
    // A search shows "N st" for all its matches even when the list shows fewer.
    let filtrerad = store.sok_arenden("2026", Sortering::Arendenummer, true, 1).unwrap();
    assert_eq!((filtrerad.rader.len(), filtrerad.totalt), (1, 2));
}

#[test]
fn a_voided_journal_entry_stays_with_its_reason_and_cannot_be_deleted() {
    let mut store = Store::open_in_memory().unwrap();
    let reg = store
        .skriv(|w| w.skapa_hushall(&hushall(vec![person(pnr(1985, 4, 2, 982), "Vera", "Provsson")]), &arende(), nu()))
        .unwrap();
    let post = NyJournalPost { datum: nu().date(), rubrik: "Nybesök".into(), text: "Fel text".into(), ersatter: None };
    let id = store.skriv(|w| w.skriv_journal(reg.arende_id, &post, "Test", nu())).unwrap();
    store.skriv(|w| w.makulera_journal(id, "Skrivet i fel ärende", "Test", nu())).unwrap();
    let rattelse = NyJournalPost { text: "Rätt text".into(), ersatter: Some(id), ..post.clone() };
    store.skriv(|w| w.skriv_journal(reg.arende_id, &rattelse, "Test", nu())).unwrap();

    let journal = store.journal(reg.arende_id).unwrap();
    assert_eq!(journal.len(), 2);
    let voided = journal.iter().find(|p| p.id == id).unwrap();
    assert_eq!(voided.text, "Fel text");
    assert_eq!(voided.makulering.as_ref().unwrap().orsak, "Skrivet i fel ärende");
    assert_eq!(journal[0].ersatter, Some(id), "newest first: the correction");

    // Voiding twice, deleting or editing are refused by the database itself.
    assert!(store.skriv(|w| w.makulera_journal(id, "Igen", "Test", nu())).is_err());
    let (_dir, path) = temp_db();
    let mut file_store = open(&path);
    let reg = file_store
        .skriv(|w| w.skapa_hushall(&hushall(vec![person(pnr(1985, 4, 2, 982), "Vera", "Provsson")]), &arende(), nu()))
        .unwrap();
    file_store
        .skriv(|w| {
            w.skriv_journal(reg.arende_id, &post, "Test", nu())?;
            w.logga(bistand::store::Handelse::SkrevJournal, Some(reg.arende_id), "Test", "", nu())
        })
        .unwrap();
    drop(file_store);
    let raw = rusqlite::Connection::open(&path).unwrap();
    assert!(raw.execute("DELETE FROM journal", []).is_err());
    assert!(raw.execute("UPDATE journal SET text = 'ändrad'", []).is_err());
    assert!(raw.execute("DELETE FROM handelselogg", []).is_err());
}

#[test]
fn status_rules_hold_when_closing_and_reopening() {
    let mut store = Store::open_in_memory().unwrap();
    let reg = store
        .skriv(|w| w.skapa_hushall(&hushall(vec![person(pnr(1985, 4, 2, 982), "Vera", "Provsson")]), &arende(), nu()))
        .unwrap();
    let id = reg.arende_id;
    let err = store.skriv(|w| w.byt_status(id, ArendeStatus::Avslutad, None, nu().date())).unwrap_err();
    assert!(err.to_string().contains("avslutsorsak"));
    store.skriv(|w| w.byt_status(id, ArendeStatus::Avslutad, Some(Avslutsorsak::Arbete), nu().date())).unwrap();
    let a = store.arende(id).unwrap();
    assert_eq!(
        (a.status, a.avslutsorsak, a.avslutsdatum),
        (ArendeStatus::Avslutad, Some(Avslutsorsak::Arbete), Some(nu().date()))
    );
    store.skriv(|w| w.byt_status(id, ArendeStatus::Aktuell, None, nu().date())).unwrap();
    let a = store.arende(id).unwrap();
    assert_eq!((a.status, a.avslutsorsak, a.avslutsdatum), (ArendeStatus::Aktuell, None, None));
    store
        .skriv(|w| w.uppdatera_ansvar(id, " Ny Handläggare ", "Bidrag Person", Some(Forsorjningshinder::Sjukskriven)))
        .unwrap();
    let a = store.arende(id).unwrap();
    assert_eq!(a.socialsekreterare, "Ny Handläggare");
    assert_eq!(a.forsorjningshinder, Some(Forsorjningshinder::Sjukskriven));
    assert!(store.kontroll().unwrap().frisk());
}

#[test]
fn a_failed_multi_row_change_leaves_nothing_behind() {
    let mut store = Store::open_in_memory().unwrap();
    let res: Result<(), StoreError> = store.skriv(|w| {
        w.skapa_hushall(&hushall(vec![person(pnr(1985, 4, 2, 982), "Vera", "Provsson")]), &arende(), nu())?;
        Err(StoreError::Regel("avbrutet".into()))
    });
    assert!(res.is_err());
    let r = store.kontroll().unwrap();
    assert_eq!((r.hushall, r.personer, r.arenden), (0, 0, 0));
}

#[test]
fn an_older_schema_file_is_upgraded_and_its_cases_become_searchable() {
    let (_dir, path) = temp_db();
    let gammal = pnr(1985, 4, 2, 982);
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        migrera_till(&mut conn, 1).unwrap();
        conn.execute_batch(&format!(
            "INSERT INTO hushall (id, gatuadress, postnummer, postort, skapad) VALUES (1, 'Gamla vägen 1', '123 45', 'Stockholm', '2024-01-01 09:00:00');
             INSERT INTO person (id, pnr, fornamn, efternamn) VALUES (1, '{}', 'Gunnel', 'Förr');
             INSERT INTO hushallsmedlem (hushall_id, person_id, roll, ordning) VALUES (1, 1, 'sokande', 0);
             INSERT INTO arende (id, hushall_id, arendenummer, status, startdatum) VALUES (1, 1, '2024-0007', 'aktuell', '2024-01-01');
             INSERT INTO journal (arende_id, datum, rubrik, text, skriven_av, skapad) VALUES (1, '2024-01-02', 'Gammal', 'Text', 'X', '2024-01-02 10:00:00');",
            gammal.twelve_digits()
        ))
        .unwrap();
        let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(v, 1);
    }
    let mut store = Store::open(&path).unwrap();
    let r = store.kontroll().unwrap();
    assert_eq!(r.schemaversion, SCHEMA_VERSION);
    assert!(r.frisk(), "{:?}", r.problem);
    assert_eq!(store.sok_arenden("gunnel", Sortering::Namn, true, 10).unwrap().totalt, 1);
    assert_eq!(store.sok_arenden(&gammal.ten_digits(), Sortering::Namn, true, 10).unwrap().totalt, 1);
    assert_eq!(store.journal(1).unwrap()[0].rubrik, "Gammal");
    // Numbering continues after the old cases of the same year.
    let mut a = arende();
    a.startdatum = chrono::NaiveDate::from_ymd_opt(2024, 5, 1).unwrap();
    let reg = store
        .skriv(|w| w.skapa_hushall(&hushall(vec![person(pnr(1990, 1, 1, 985), "Ny", "Person")]), &a, nu()))
        .unwrap();
    assert_eq!(reg.arendenummer, "2024-0008");
}

#[test]
fn a_database_from_a_newer_program_is_refused_with_a_message() {
    let (_dir, path) = temp_db();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 5).unwrap();
    }
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::NyareSchema { .. }));
    assert!(err.to_string().contains("nyare version av Bistånd"));
}

#[test]
fn a_file_that_is_not_a_database_gives_a_swedish_message() {
    let (dir, path) = temp_db();
    std::fs::write(&path, b"detta \xc3\xa4r ingen databas, bara text som r\xc3\xa5kar ligga h\xc3\xa4r........")
        .unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert!(err.to_string().contains("ingen Bistånd-databas"), "{err}");
    let err = Store::open(dir.path()).err().expect("a folder is not a database");
    assert!(err.to_string().contains("mapp"), "{err}");
}

#[test]
fn drafts_survive_reopening_until_removed() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    store.spara_utkast("vera", "hushall:ny", "Nytt hushåll", "{\"x\":1}", nu()).unwrap();
    store.spara_utkast("vera", "hushall:ny", "Nytt hushåll", "{\"x\":2}", nu()).unwrap();
    drop(store);
    let mut store = open(&path);
    let alla = store.alla_utkast("vera").unwrap();
    assert_eq!(alla.len(), 1);
    assert_eq!(alla[0].data, "{\"x\":2}");
    store.ta_bort_utkast("vera", "hushall:ny").unwrap();
    assert!(store.utkast("vera", "hushall:ny").unwrap().is_none());
}

#[test]
fn the_demo_is_healthy_and_holds_every_kind_of_household() {
    let mut store = Store::open_in_memory().unwrap();
    bistand::demo::skapa_demo(&mut store, 60, nu()).unwrap();
    let r = store.kontroll().unwrap();
    assert!(r.frisk(), "{:?}", r.problem);
    assert_eq!(r.hushall, 60);
    let training = store.sok_arenden("berglund", Sortering::Namn, true, 10).unwrap();
    assert_eq!(training.totalt, 1);
    let case = store.arende(training.rader[0].arende_id).unwrap();
    let journal = store.journal(case.id).unwrap();
    assert!(journal.iter().any(|p| p.text.contains("7 000 kr") && p.text.contains("hjärtopererades")));
    let alla = store.sok_arenden("", Sortering::Namn, true, 100).unwrap();
    let mut skyddade = 0;
    let mut barnfamiljer = 0;
    for rad in &alla.rader {
        let h = store.hushall(store.arende(rad.arende_id).unwrap().hushall_id).unwrap();
        skyddade += usize::from(h.skyddade_personuppgifter);
        barnfamiljer += usize::from(h.medlemmar.iter().any(|m| m.roll == Roll::Barn));
    }
    assert!(skyddade >= 1 && barnfamiljer >= 5);
    assert!(alla.rader.iter().any(|r| r.status == ArendeStatus::Avslutad));
    assert!(alla.rader.iter().any(|r| r.status == ArendeStatus::UnderUtredning));
}

#[test]
fn a_saved_calculation_keeps_the_table_version_it_used() {
    use bistand::domain::ansokan::Ansokan;
    use bistand::domain::manad::Manad;
    use bistand::domain::norm::{NormMedlem, Underlag, berakna};
    let mut store = Store::open_in_memory().unwrap();
    let reg = store
        .skriv(|w| w.skapa_hushall(&hushall(vec![person(pnr(1985, 4, 2, 982), "Vera", "Provsson")]), &arende(), nu()))
        .unwrap();
    let (v1, tabell) = store.normtabell_for_ar(2021).unwrap().unwrap();
    let regler = store.regler().unwrap();
    let a = Ansokan {
        inkom: nu().date(),
        komplett: true,
        saknas: String::new(),
        underlag: Underlag {
            manad: Manad::parse("2021-10").unwrap(),
            medlemmar: vec![NormMedlem {
                roll: Roll::Sokande,
                fodd: chrono::NaiveDate::from_ymd_opt(1985, 4, 2).unwrap(),
                namn: "Vera".into(),
                lunch_utanfor_hemmet: false,
                gar_i_gymnasiet: false,
                fran: None,
                till: None,
            }],
            personer_i_bostaden: None,
            kostnader: vec![],
            inkomster: vec![],
            justeringar: vec![],
        },
    };
    let res = berakna(&a.underlag, &tabell, &regler).unwrap();
    let id = store.skriv(|w| w.spara_ansokan(reg.arende_id, &a, v1, &regler, &res, nu())).unwrap();
    // The table is corrected afterwards.
    let mut ny = tabell.clone();
    ny.ensamstaende.belopp = "3500".into();
    store.skriv(|w| w.spara_normtabell(&ny, "Testrättelse", "Test", nu())).unwrap();
    assert_ne!(store.normtabell_for_ar(2021).unwrap().unwrap().0, v1);

    let sparad = store.ansokan(id).unwrap();
    assert_eq!(sparad.ansokan, a, "what was saved comes back");
    assert_eq!(sparad.normtabell_id, v1);
    let igen =
        berakna(&sparad.ansokan.underlag, &store.normtabell(sparad.normtabell_id).unwrap(), &sparad.regler).unwrap();
    assert_eq!(igen, res, "re-displays identically");
    assert_eq!(store.ansokningar(reg.arende_id).unwrap()[0].beviljas, res.beviljas);
    // A table without a source text, or with a missing amount, is refused.
    assert!(store.skriv(|w| w.spara_normtabell(&ny, " ", "Test", nu())).is_err());
    let mut trasig = ny.clone();
    trasig.gemensamt.remove("3");
    assert!(
        store.skriv(|w| w.spara_normtabell(&trasig, "x", "Test", nu())).unwrap_err().to_string().contains("3 personer")
    );
}

/// The list's search goes through a full-text index; it must find exactly the cases whose
/// search text has a word starting with every typed token – the rule `sok::matchar` states.
#[test]
fn the_search_index_finds_exactly_the_cases_the_search_rule_finds() {
    use bistand::domain::sok;
    let mut store = Store::open_in_memory().unwrap();
    bistand::demo::skapa_demo(&mut store, 300, nu()).unwrap();
    // A name with a double surname and one with an apostrophe (the LIKE fallback).
    for (i, (fornamn, efternamn)) in [("Lo", "Lind-Ek"), ("Sean", "O'Neill")].into_iter().enumerate() {
        let h = hushall(vec![person(pnr(1980, 2, 3, 990 + 2 * i as u16), fornamn, efternamn)]);
        store.skriv(|w| w.skapa_hushall(&h, &arende(), nu())).unwrap();
    }
    let alla = store.sok_arenden("", Sortering::Arendenummer, true, 10_000).unwrap().rader;
    let index: Vec<(i64, String)> = alla
        .iter()
        .map(|rad| {
            let a = store.arende(rad.arende_id).unwrap();
            let h = store.hushall(a.hushall_id).unwrap();
            let personer: Vec<(String, String)> =
                h.medlemmar.iter().map(|m| (m.person.pnr.twelve_digits(), m.person.namn())).collect();
            let gata = if h.skyddade_personuppgifter { "" } else { h.adress.gatuadress.as_str() };
            (
                rad.arende_id,
                sok::sokindex(&a.arendenummer, personer.iter().map(|(p, n)| (p.as_str(), n.as_str())), gata),
            )
        })
        .collect();
    let fragor = [
        "a",
        "an",
        "and",
        "anna",
        "anna and",
        "ANN lind",
        "ek",
        "lind-ek",
        "o'n",
        "o'neill",
        "neill",
        "sea",
        "å",
        "åb",
        "ö",
        "19",
        "1980",
        "800203",
        "8002",
        "2026-00",
        "2026-0042",
        "20260042",
        "zz",
        "2026-",
        "and 19",
        "50%",
        "ström",
        "lund",
        "sson an",
        "gatan",
        "o'ne",
        "eil",
        "ÅBE",
    ];
    for q in fragor {
        let tokens = sok::tokens(q);
        let mut vantat: Vec<i64> = index.iter().filter(|(_, s)| sok::matchar(s, &tokens)).map(|(id, _)| *id).collect();
        let mut fatt: Vec<i64> = store
            .sok_arenden(q, Sortering::Arendenummer, true, 10_000)
            .unwrap()
            .rader
            .into_iter()
            .map(|r| r.arende_id)
            .collect();
        vantat.sort();
        fatt.sort();
        assert_eq!(fatt, vantat, "sökningen \"{q}\"");
    }
    // Parts inside names and streets are found, not only word beginnings.
    for del in ["ström", "lund", "gatan"] {
        assert!(!store.sok_arenden(del, Sortering::Namn, true, 10).unwrap().rader.is_empty(), "{del}");
    }
    // A search's first page, in every order, is the whole list in that order with the
    // non-matching cases left out, and its count is all the matches.
    let sorteringar = [
        Sortering::Arendenummer,
        Sortering::Namn,
        Sortering::Personnummer,
        Sortering::Status,
        Sortering::Socialsekreterare,
    ];
    for (sortering, stigande) in sorteringar.into_iter().flat_map(|s| [(s, true), (s, false)]) {
        let hela = store.sok_arenden("", sortering, stigande, 10_000).unwrap().rader;
        for q in ["and", "an", "19", "2026-00"] {
            let tokens = sok::tokens(q);
            let traff: Vec<i64> = hela
                .iter()
                .map(|r| r.arende_id)
                .filter(|id| index.iter().any(|(i, s)| i == id && sok::matchar(s, &tokens)))
                .collect();
            let sida = store.sok_arenden(q, sortering, stigande, 7).unwrap();
            let fatt: Vec<i64> = sida.rader.iter().map(|r| r.arende_id).collect();
            assert_eq!(fatt, traff[..traff.len().min(7)], "\"{q}\" ordnat efter {sortering:?}, stigande {stigande}");
            assert_eq!(sida.totalt, traff.len(), "\"{q}\"");
        }
    }
    assert!(store.kontroll().unwrap().frisk());
}

/// `bistand demo --manader N`: months of history per case, decisions of every outcome, plans,
/// and cases closed for a while and reopened – and still a healthy database.
#[test]
fn a_demo_with_history_has_months_of_decided_applications_and_reopened_cases() {
    use bistand::domain::beslut::Utfall;
    let mut store = Store::open_in_memory().unwrap();
    let val = bistand::demo::Demoval { hushall: 400, manader: 12 };
    let slut = bistand::demo::bygg_demo(&mut store, val, nu(), &mut |_, _| true).unwrap();
    assert_eq!(slut, bistand::demo::Demoslut::Klar);
    let r = store.kontroll().unwrap();
    assert!(r.frisk(), "{:?}", r.problem);
    let alla = store.sok_arenden("", Sortering::Arendenummer, true, 1000).unwrap().rader;
    let slumpade = &alla[12..];
    let manader: Vec<usize> = slumpade.iter().map(|a| store.ansokningar(a.arende_id).unwrap().len()).collect();
    let med = manader.iter().filter(|n| **n > 0).count();
    let snitt = manader.iter().sum::<usize>() as f64 / med as f64;
    assert!((9.0..=15.0).contains(&snitt), "about 12 months on average, got {snitt:.1}");
    let mut utfall = std::collections::HashSet::new();
    let mut ateroppnade = 0;
    for a in slumpade {
        utfall.extend(store.beslut_for_arende(a.arende_id).unwrap().into_iter().map(|b| b.utfall));
        ateroppnade += usize::from(store.journal(a.arende_id).unwrap().iter().any(|p| p.rubrik == "Ny ansökan"));
    }
    assert!(
        utfall.contains(&Utfall::Bifall) && utfall.contains(&Utfall::Delavslag) && utfall.contains(&Utfall::Avslag)
    );
    assert!(ateroppnade >= 3, "some cases were closed and reopened: {ateroppnade}");
    assert!(slumpade.iter().any(|a| !store.planer(a.arende_id).unwrap().is_empty()), "some have a plan");
}

/// The case list sorted by name follows the Swedish alphabet: Å, Ä and Ö come after Z.
#[test]
fn the_case_list_sorts_names_in_swedish_order() {
    let mut store = Store::open_in_memory().unwrap();
    for (i, efternamn) in ["Öberg", "Åberg", "Zetterberg", "Ärlig", "adolfsson"].into_iter().enumerate() {
        let h = hushall(vec![person(pnr(1980, 1, 1 + i as u32, 982), "Kim", efternamn)]);
        store.skriv(|w| w.skapa_hushall(&h, &arende(), nu())).unwrap();
    }
    let namn: Vec<String> =
        store.sok_arenden("", Sortering::Namn, true, 10).unwrap().rader.into_iter().map(|r| r.namn).collect();
    assert_eq!(namn, ["adolfsson, Kim", "Zetterberg, Kim", "Åberg, Kim", "Ärlig, Kim", "Öberg, Kim"]);
}

/// The decision lists (a case's, a month's, the unit's) show each decision with its own items in
/// the letter's order – the same as the decision read alone.
#[test]
fn every_decision_list_shows_each_decision_with_its_own_items() {
    let mut store = Store::open_in_memory().unwrap();
    let val = bistand::demo::Demoval { hushall: 12, manader: 4 };
    bistand::demo::bygg_demo(&mut store, val, nu(), &mut |_, _| true).unwrap();
    let alla = store.alla_beslut().unwrap();
    assert!(alla.len() > 12, "the demo unit has decisions: {}", alla.len());
    let ensam = |id: i64| store.beslut(id).unwrap().beslut.poster;
    for b in &alla {
        assert_eq!(b.poster, ensam(b.id), "beslut {}", b.id);
    }
    // Items given to the wrong decision would show: the decisions' items differ.
    assert!(alla.iter().any(|b| b.poster != alla[0].poster));
    let arende_id =
        store.sok_arenden(&alla[0].arendenummer, Sortering::Arendenummer, true, 1).unwrap().rader[0].arende_id;
    for b in store.beslut_for_arende(arende_id).unwrap() {
        assert_eq!(b.poster, ensam(b.id), "beslut {}", b.id);
    }
    let manad = bistand::domain::manad::Manad::parse("2026-10").unwrap();
    let i_manaden = store.beslut_for_period(manad).unwrap();
    assert!(!i_manaden.is_empty());
    for b in i_manaden {
        assert_eq!(b.poster, ensam(b.id), "beslut {}", b.id);
    }
}
