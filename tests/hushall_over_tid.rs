//! A household that changes over time: a child is born, a partner moves out, the address
//! changes. The history is kept, each month's application is filled with who lived there that
//! month, bad payee details are refused, and a decision made before a change prints the same.

mod gemensamt;

use bistand::arbete::{self, Aktor, Arbetsfel};
use bistand::domain::ansokan::AnsokanFormular;
use bistand::domain::hushall::{Adress, Relation, Roll};
use bistand::domain::hushallsandring::{AndringFormular, Andringsslag};
use bistand::domain::manad::Manad;
use bistand::domain::utbetalning::{Betalsatt, UppgiftsFormular};
use bistand::store::{Sortering, Store, migrera_till};
use chrono::NaiveDate;
use gemensamt::*;

fn aktor() -> Aktor {
    Aktor::ny("Anna Handläggare", nu())
}

fn d(y: i32, m: u32, dag: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dag).unwrap()
}

/// Vera (sökande) and Olle (medsökande, sambo), registered 2026-11-23; returns the case id.
fn paret(store: &mut Store) -> i64 {
    let mut med = person(pnr(1987, 1, 15, 983), "Olle", "Exempel");
    med.roll = Roll::Medsokande;
    let mut h = hushall(vec![person(pnr(1985, 4, 2, 982), "Vera", "Exempel"), med]);
    h.relation = Some(Relation::Sambo);
    store.skriv(|w| w.skapa_hushall(&h, &arende(), nu())).unwrap().arende_id
}

fn fodd(pnr: &str, fornamn: &str) -> AndringFormular {
    AndringFormular {
        slag: Andringsslag::Fodd,
        pnr: pnr.into(),
        fornamn: fornamn.into(),
        efternamn: "Exempel".into(),
        ..Default::default()
    }
}

fn flyttar_ut(pnr: &str, till: &str, vart: &str) -> AndringFormular {
    AndringFormular {
        slag: Andringsslag::FlyttarUt,
        person: Some(pnr.into()),
        datum: till.into(),
        flyttat_till: vart.into(),
        ..Default::default()
    }
}

fn journaltexter(store: &Store, arende_id: i64) -> Vec<String> {
    store.journal(arende_id).unwrap().into_iter().map(|p| p.text).collect()
}

#[test]
fn a_birth_and_a_partner_moving_out_are_kept_as_history_and_journalled() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let arende_id = paret(&mut store);
    let lo = pnr(2026, 11, 14, 984);
    let h = arbete::hushall::andra_hushall(&mut store, &aktor(), arende_id, &fodd(&lo.to_string(), "Lo")).unwrap();
    assert_eq!(h.medlemmar.len(), 3);
    let olle = pnr(1987, 1, 15, 983).twelve_digits();
    let h = arbete::hushall::andra_hushall(
        &mut store,
        &aktor(),
        arende_id,
        &flyttar_ut(&olle, "2026-11-30", "Nygatan 3, 123 46 Stockholm"),
    )
    .unwrap();
    let nu_boende: Vec<String> = h.medlemmar.iter().map(|m| m.person.fornamn.clone()).collect();
    assert_eq!(nu_boende, ["Vera", "Lo"]);
    let perioder: Vec<String> =
        h.historik.iter().map(|m| format!("{} {}", m.medlem.person.fornamn, m.period())).collect();
    assert_eq!(perioder, ["Vera 2026-11-23 –", "Olle 2026-11-23 – 2026-11-30", "Lo 2026-11-14 –"]);
    assert_eq!(h.historik[1].flyttat_till, "Nygatan 3, 123 46 Stockholm");
    let journal = journaltexter(&store, arende_id);
    assert!(
        journal.contains(&"Hushållet ändrat: Lo Exempel (barn) är född och bor i hushållet från 2026-11-14".into())
    );
    assert!(journal.contains(
        &"Hushållet ändrat: Olle Exempel (medsökande) bor i hushållet till och med 2026-11-30; ny adress: Nygatan 3, 123 46 Stockholm"
            .into()
    ));
    let logg: Vec<String> = store.logg_for_arende(arende_id).unwrap().into_iter().map(|l| l.handelse).collect();
    assert!(logg.contains(&"Registrerade att en person flyttat ut".to_string()));
    // The sökande cannot move out, and nothing is written when refused.
    let vera = pnr(1985, 4, 2, 982).twelve_digits();
    let fel = arbete::hushall::andra_hushall(&mut store, &aktor(), arende_id, &flyttar_ut(&vera, "2026-12-01", ""))
        .unwrap_err();
    assert!(fel.to_string().contains("Sökande kan inte flytta ut"), "{fel}");
    assert_eq!(journaltexter(&store, arende_id).len(), journal.len());
    assert!(store.kontroll().unwrap().frisk());
}

#[test]
fn a_new_application_is_filled_with_who_lived_there_that_month() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let arende_id = paret(&mut store);
    let lo = pnr(2026, 11, 14, 984).to_string();
    arbete::hushall::andra_hushall(&mut store, &aktor(), arende_id, &fodd(&lo, "Lo")).unwrap();
    let olle = pnr(1987, 1, 15, 983).twelve_digits();
    let h =
        arbete::hushall::andra_hushall(&mut store, &aktor(), arende_id, &flyttar_ut(&olle, "2026-12-10", "")).unwrap();
    let ansokan = |ar, m| {
        let manad = Manad::new(ar, m).unwrap();
        AnsokanFormular::ny_for_manad(manad, nu().date(), &h.medlemmar_i(manad))
            .medlemmar
            .iter()
            .map(|m| format!("{} {}/{}", m.namn, m.fran, m.till))
            .collect::<Vec<_>>()
    };
    // Before the birth (and before the registration): the registered couple.
    assert_eq!(ansokan(2026, 10), ["Vera Exempel /", "Olle Exempel /"]);
    // The month of the birth: Lo from her birthday.
    assert_eq!(ansokan(2026, 11), ["Vera Exempel /", "Olle Exempel /", "Lo Exempel 2026-11-14/"]);
    // The month Olle moves out: until his last day; after it, without him.
    assert_eq!(ansokan(2026, 12), ["Vera Exempel /", "Olle Exempel /2026-12-10", "Lo Exempel /"]);
    assert_eq!(ansokan(2027, 1), ["Vera Exempel /", "Lo Exempel /"]);
}

#[test]
fn a_bad_bank_account_is_refused_in_swedish_and_nothing_is_written() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let arende_id = paret(&mut store);
    let fore = journaltexter(&store, arende_id).len();
    let mut form = AndringFormular {
        slag: Andringsslag::Uppgifter,
        uppgifter: UppgiftsFormular {
            betalsatt: Some(Betalsatt::Bankkonto),
            clearing: "8327-9".into(),
            konto: "123 456 789-0".into(),
            behover_tolk: true,
            tolk_sprak: "arabiska".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    let fel = arbete::hushall::andra_hushall(&mut store, &aktor(), arende_id, &form).unwrap_err();
    assert!(matches!(fel, Arbetsfel::Falt(_)));
    assert_eq!(
        fel.to_string(),
        "Kontonumret stämmer inte (kontrollsiffran är fel). Kontrollera siffrorna mot kontobeskedet."
    );
    assert_eq!(journaltexter(&store, arende_id).len(), fore);
    let hushall_id = store.arende(arende_id).unwrap().hushall_id;
    assert_eq!(store.hushall(hushall_id).unwrap().uppgifter.betalsatt, None);

    form.uppgifter.konto = "123 456 789-7".into();
    let h = arbete::hushall::andra_hushall(&mut store, &aktor(), arende_id, &form).unwrap();
    assert_eq!(h.uppgifter.konto, "1234567897");
    assert_eq!(h.uppgifter.tolk_sprak, "arabiska");
    assert!(journaltexter(&store, arende_id).last().unwrap().contains("utbetalning till bankkonto, tolk på arabiska"));
}

#[test]
fn an_address_change_keeps_the_old_address_and_protection_hides_the_new_one() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let arende_id = paret(&mut store);
    let ny = AndringFormular {
        slag: Andringsslag::NyAdress,
        datum: "2026-12-01".into(),
        adress: Adress { gatuadress: "Lindvägen 8".into(), postnummer: "16354".into(), postort: "Spånga".into() },
        telefon: "070-123 45 67".into(),
        ..Default::default()
    };
    let h = arbete::hushall::andra_hushall(&mut store, &aktor(), arende_id, &ny).unwrap();
    assert_eq!(h.adress.en_rad(), "Lindvägen 8, 163 54 Spånga");
    assert_eq!(h.adress_fran, d(2026, 12, 1));
    assert_eq!(h.tidigare_adresser.len(), 1);
    assert_eq!(h.tidigare_adresser[0].adress.gatuadress, "Provgatan 3");
    assert_eq!((h.tidigare_adresser[0].fran, h.tidigare_adresser[0].till), (d(2026, 11, 23), d(2026, 11, 30)));
    assert_eq!(store.sok_arenden("lindväg", Sortering::Namn, true, 10).unwrap().totalt, 1);

    let skydd = AndringFormular { slag: Andringsslag::Skydd, skyddad: true, ..Default::default() };
    let h = arbete::hushall::andra_hushall(&mut store, &aktor(), arende_id, &skydd).unwrap();
    assert!(h.skyddade_personuppgifter);
    assert_eq!(store.sok_arenden("lindväg", Sortering::Namn, true, 10).unwrap().totalt, 0, "no search by address");
    let senare = AndringFormular { datum: "2027-02-01".into(), ..ny.clone() };
    arbete::hushall::andra_hushall(&mut store, &aktor(), arende_id, &senare).unwrap();
    let sista = journaltexter(&store, arende_id).into_iter().find(|t| t.contains("2027-02-01")).unwrap();
    assert!(!sista.contains("Lindvägen"), "a protected address never goes to the journal: {sista}");
    // An address from a date before the current one is refused.
    let fel = arbete::hushall::andra_hushall(&mut store, &aktor(), arende_id, &ny).unwrap_err();
    assert!(fel.to_string().contains("senare datum"), "{fel}");
}

#[test]
fn a_person_from_another_household_moves_in_and_leaves_that_one() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let vera = paret(&mut store);
    let mut barn = person(pnr(2015, 3, 3, 985), "Sam", "Annan");
    barn.roll = Roll::Barn;
    let annan = hushall(vec![person(pnr(1980, 2, 2, 986), "Kim", "Annan"), barn]);
    let kim = store.skriv(|w| w.skapa_hushall(&annan, &arende(), nu())).unwrap().arende_id;
    let in_form = AndringFormular {
        slag: Andringsslag::FlyttarIn,
        datum: "2026-12-01".into(),
        pnr: pnr(2015, 3, 3, 985).to_string(),
        fornamn: "Sam".into(),
        efternamn: "Annan".into(),
        roll: Some(Roll::Barn),
        ..Default::default()
    };
    let h = arbete::hushall::andra_hushall(&mut store, &aktor(), vera, &in_form).unwrap();
    assert!(h.historik.iter().any(|m| m.medlem.person.fornamn == "Sam" && m.fran == d(2026, 12, 1)));
    let kims = store.hushall(store.arende(kim).unwrap().hushall_id).unwrap();
    let sam = kims.historik.iter().find(|m| m.medlem.person.fornamn == "Sam").unwrap();
    assert_eq!(sam.till, Some(d(2026, 11, 30)));
    assert!(journaltexter(&store, kim).last().unwrap().contains("flyttade till ett annat hushåll"));
}

#[test]
fn an_older_database_gets_its_members_from_the_registration_day() {
    let (_dir, path) = temp_db();
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        migrera_till(&mut conn, 1).unwrap();
        conn.execute_batch(&format!(
            "INSERT INTO hushall (id, gatuadress, postnummer, postort, skapad) VALUES (1, 'Gamla vägen 1', '123 45', 'Stockholm', '2024-01-01 09:00:00');
             INSERT INTO person (id, pnr, fornamn, efternamn) VALUES (1, '{}', 'Gunnel', 'Förr');
             INSERT INTO hushallsmedlem (hushall_id, person_id, roll, ordning) VALUES (1, 1, 'sokande', 0);
             INSERT INTO arende (id, hushall_id, arendenummer, status, startdatum) VALUES (1, 1, '2024-0007', 'aktuell', '2024-01-01');",
            pnr(1950, 5, 5, 987).twelve_digits()
        ))
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let h = store.hushall(1).unwrap();
    assert_eq!(h.historik[0].fran, d(2024, 1, 1));
    assert_eq!(h.historik[0].till, None);
    assert_eq!(h.adress_fran, d(2024, 1, 1));
    let kontroll = store.kontroll().unwrap();
    assert!(kontroll.frisk(), "{:?}", kontroll.problem);
}

#[test]
fn a_decision_made_before_the_household_changed_prints_the_same_letter_after() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let arende_id = store.sok_arenden("berglund", Sortering::Namn, true, 1).unwrap().rader[0].arende_id;
    let mut form = arbete::beslut::nytt_beslut(&store, &aktor(), arende_id).unwrap();
    form.barnets_basta = "Barnens behov ingår i beräkningen.".into();
    fyll_barnens_basta(&mut form);
    for p in &mut form.poster {
        p.motivering = "Beslutet följer beräkningen.".into();
    }
    let beslut = arbete::beslut::fatta_beslut(&mut store, &aktor(), arende_id, &form, true).unwrap();
    let forst = pdf_text(&bistand::utskrift::beslutsbrev_pdf(&store, beslut).unwrap());
    assert!(forst.contains("Johan"), "the partner is among the letter's recipients");

    let h = store.hushall(store.arende(arende_id).unwrap().hushall_id).unwrap();
    let johan = h.medlemmar.iter().find(|m| m.person.fornamn == "Johan").unwrap().person.pnr.twelve_digits();
    let baby = pnr(2026, 11, 20, 988).to_string();
    arbete::hushall::andra_hushall(&mut store, &aktor(), arende_id, &fodd(&baby, "Ella")).unwrap();
    arbete::hushall::andra_hushall(&mut store, &aktor(), arende_id, &flyttar_ut(&johan, "2026-11-25", "Ekgatan 1"))
        .unwrap();
    let ny = AndringFormular {
        slag: Andringsslag::NyAdress,
        datum: "2026-11-26".into(),
        adress: Adress { gatuadress: "Björkvägen 2".into(), postnummer: "12346".into(), postort: "Stockholm".into() },
        ..Default::default()
    };
    arbete::hushall::andra_hushall(&mut store, &aktor(), arende_id, &ny).unwrap();
    let sedan = pdf_text(&bistand::utskrift::beslutsbrev_pdf(&store, beslut).unwrap());
    assert_eq!(forst, sedan, "the decision's letter prints from its frozen record");
    assert!(!sedan.contains("Björkvägen") && !sedan.contains("Ella"));
}

mod fonstret {
    //! The same changes made in the window, by the fields' labels.

    use super::*;
    use bistand::ui::flikar::Flik;
    use egui_kittest::kittest::Queryable;
    use gemensamt::ui::{harness, klicka, skriv, visas};

    #[test]
    fn a_baby_born_this_month_and_the_partner_moving_out_are_shown_and_journalled() {
        let (_dir, path) = temp_db();
        let mut store = open(&path);
        let id = paret(&mut store);
        let mut h = harness(store);
        h.state_mut().oppna_arende(id, Flik::Hushall);
        h.run();

        klicka(&mut h, "Ändra hushållet …");
        assert!(visas(&h, "Ett barn har fötts"));
        skriv(&mut h, "Barnets personnummer", &pnr(2026, 11, 14, 984).to_string());
        skriv(&mut h, "Förnamn", "Lo");
        skriv(&mut h, "Efternamn", "Exempel");
        klicka(&mut h, "Spara ändringen");
        assert!(!visas(&h, "Spara ändringen"), "the dialog closed");
        assert!(visas(&h, "Hushållet ändrat: Lo Exempel (barn) är född och bor i hushållet från 2026-11-14"));
        assert!(h.query_all_by_label("Lo Exempel").count() >= 1, "Lo is in the list of members");

        // The partner moves out, with his new address; Enter in the last field saves.
        klicka(&mut h, "Ändra hushållet …");
        klicka(&mut h, "En person flyttar ut");
        klicka(&mut h, "Vem flyttar ut");
        klicka(&mut h, "Olle Exempel (medsökande)");
        skriv(&mut h, "Sista dag i hushållet", "2026-11-30");
        skriv(&mut h, "Ny adress (om den är känd)", "Nygatan 3, 123 46 Stockholm");
        h.key_press(egui::Key::Enter);
        h.run();
        assert!(!visas(&h, "Spara ändringen"), "Enter saved the change");
        assert!(visas(&h, "2026-11-23 – 2026-11-30"), "the history shows when Olle lived there");
        assert!(h.query_by_label("Nygatan 3, 123 46 Stockholm").is_some(), "where Olle moved");

        // A new application for this month counts Lo from her birthday, Olle the whole month.
        klicka(&mut h, "Ansökan");
        klicka(&mut h, "Ny ansökan");
        assert!(visas(&h, "Lo Exempel (Barn)"));
        assert_eq!(h.get_by_label("Medlem 3: med från").value().as_deref(), Some("2026-11-14"));
        assert_eq!(h.get_by_label("Medlem 2: med till").value().as_deref(), Some(""));

        h.state_mut().oppna_arende(id, Flik::Journal);
        h.run();
        assert!(visas(&h, "Lo Exempel (barn) är född och bor i hushållet från 2026-11-14"));
        assert!(visas(&h, "Olle Exempel (medsökande) bor i hushållet till och med 2026-11-30"));
    }

    #[test]
    fn a_bad_account_is_refused_at_the_field_and_escape_keeps_the_draft() {
        let (_dir, path) = temp_db();
        let mut store = open(&path);
        let id = paret(&mut store);
        let mut h = harness(store);
        h.state_mut().oppna_arende(id, Flik::Hushall);
        h.run();
        klicka(&mut h, "Ändra hushållet …");
        klicka(&mut h, "Utbetalning, tolk och kontakt");
        klicka(&mut h, "Utbetalning till");
        klicka(&mut h, "Bankkonto");
        skriv(&mut h, "Clearingnummer", "8327-9");
        skriv(&mut h, "Kontonummer", "123 456 789-0");
        klicka(&mut h, "Spara ändringen");
        assert!(visas(&h, "Fel: Kontonumret stämmer inte (kontrollsiffran är fel)"));
        assert!(visas(&h, "Spara ändringen"), "the dialog stays open");

        h.key_press(egui::Key::Escape);
        h.run();
        assert!(!visas(&h, "Spara ändringen"), "Esc closed the dialog");
        assert!(visas(&h, "Ändringen är inte sparad"));
        klicka(&mut h, "Ändra hushållet …");
        assert_eq!(h.get_by_label("Kontonummer").value().as_deref(), Some("123 456 789-0"), "the draft came back");
    }
}

/// The demo's changed households, seen the way a script sees them: `bistand hushall`.
#[test]
fn the_demo_has_changed_households_and_the_cli_prints_who_lived_there_when() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    let bistand = |args: &[&str]| {
        let mut kommando = std::process::Command::new(env!("CARGO_BIN_EXE_bistand"));
        kommando.args(args);
        if args[0] != "demo" {
            kommando.args(["--anvandare", "tobias"]).env("BISTAND_LOSENORD", "ovning");
        }
        let out = kommando.output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).to_string(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    assert_eq!(bistand(&["demo", "--db", db]).0, 0);
    let rader = |namn: &str| -> Vec<serde_json::Value> {
        let (_, sok, _) = bistand(&["sok", "--db", db, namn]);
        let fraga: serde_json::Value = serde_json::from_str(sok.lines().next().unwrap()).unwrap();
        let nr = fraga["arende"].as_str().unwrap().to_string();
        let (code, ut, err) = bistand(&["hushall", "--db", db, "--arende", &nr]);
        assert_eq!(code, 0, "{err}");
        ut.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    };
    let ekdahl = rader("ekdahl");
    assert_eq!(ekdahl.len(), 2);
    let partner = ekdahl.iter().find(|r| r["roll"] == "medsokande").unwrap();
    assert!(partner["till"].is_string(), "the partner moved out: {partner}");
    assert!(ekdahl.iter().any(|r| r["roll"] == "sokande" && r["till"].is_null()));
    let hassan = rader("hassan");
    let alva = hassan.iter().find(|r| r["namn"].as_str().unwrap().starts_with("Alva")).expect("the baby");
    assert_eq!(alva["fran"], alva["fodd"], "the baby lives there from her birth");

    let (code, _, err) = bistand(&["hushall", "--db", db]);
    assert_eq!(code, 2);
    assert!(err.contains("--arende NR"), "{err}");
    let (code, _, err) = bistand(&["hushall", "--db", db, "--arende", "1999-0001"]);
    assert_eq!(code, 1);
    assert!(err.contains("1999-0001"), "{err}");
}

#[test]
fn a_partner_who_moved_out_can_be_registered_with_a_household_of_their_own() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let vera = paret(&mut store);
    let olle = pnr(1987, 1, 15, 983);
    let eget = hushall(vec![person(olle, "Olle", "Exempel")]);
    let fel = store.skriv(|w| w.skapa_hushall(&eget, &arende(), nu())).unwrap_err();
    assert!(fel.to_string().contains("är redan registrerad"), "{fel}");
    arbete::hushall::andra_hushall(&mut store, &aktor(), vera, &flyttar_ut(&olle.twelve_digits(), "2026-11-30", ""))
        .unwrap();
    let reg = store.skriv(|w| w.skapa_hushall(&eget, &arende(), nu())).unwrap();
    let h = store.hushall(reg.hushall_id).unwrap();
    assert_eq!(h.sokande().unwrap().pnr, olle);
    assert!(store.kontroll().unwrap().frisk());
}

/// The periods and the payee decide who counts and where money goes: an edit with another
/// SQLite tool is found by the tamper chain.
#[test]
fn an_edited_period_or_account_outside_the_program_is_found() {
    let (_dir, path) = temp_db();
    let mut store = gemensamt::open_fil(&path);
    let id = paret(&mut store);
    let olle = pnr(1987, 1, 15, 983).twelve_digits();
    arbete::hushall::andra_hushall(&mut store, &aktor(), id, &flyttar_ut(&olle, "2026-11-30", "")).unwrap();
    drop(store);
    for (sql, namn) in [
        ("UPDATE hushallsmedlem SET till = NULL", "period i hushållet"),
        ("UPDATE hushall SET betalsatt = 'bankgiro', konto = '50501055'", "hushållets utbetalning och kontakt"),
    ] {
        let kopia = path.with_extension(format!("{}.db", namn.len()));
        std::fs::copy(&path, &kopia).unwrap();
        let conn = rusqlite::Connection::open(&kopia).unwrap();
        gemensamt::utan_triggers(&conn, "kedja_%");
        conn.execute_batch(sql).unwrap();
        drop(conn);
        let problem = Store::open(&kopia).unwrap().kontroll().unwrap().problem;
        assert!(problem.iter().any(|p| p.contains(namn)), "{sql}: {problem:?}");
    }
}
