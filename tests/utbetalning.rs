//! Payments of granted decisions: four eyes on every payment (also against direct SQL), never
//! more than granted, an exported order never changes, and the bank file validates against the
//! ISO 20022 schema with a control sum equal to the attested orders.

mod gemensamt;

use bistand::arbete::{Aktor, utbetalning};
use bistand::domain::Belopp;
use bistand::domain::beslut::underlag::Utbetalning;
use bistand::domain::beslut::{Beslutspost, NyttBeslut};
use bistand::domain::betalning::{Konto, Mottagare, Status, levererade_utbetalningsregler};
use bistand::domain::manad::Manad;
use bistand::store::Store;
use gemensamt::*;
use std::path::Path;

/// A demo database in a file (direct SQL needs its own connection) and a new decision in it
/// granting 7 000,50 kr, paid on 2026-11-25, made by "Berit Beslutsdotter".
fn demo_med_beviljat() -> (tempfile::TempDir, std::path::PathBuf, Store, i64) {
    let (dir, db) = temp_db();
    let (store, id) = beviljat(open_fil(&db));
    (dir, db, store, id)
}

/// The demo unit in `store` with a decision granting November's rent; returns its id.
fn beviljat(mut store: Store) -> (Store, i64) {
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let arende_id = store.alla_beslut().unwrap()[0].id;
    let arende_id = store.beslut(arende_id).unwrap().beslut.arende_id;
    let b = NyttBeslut {
        arende_id,
        ansokan_id: None,
        datum: nu().date(),
        period: Manad::parse("2026-11").unwrap(),
        beslutsfattare: "Berit Beslutsdotter".into(),
        delegation: String::new(),
        foredragande: String::new(),
        barnets_basta: "Barnen påverkas inte av beslutet om hyran.".into(),
        poster: vec![Beslutspost {
            sak: "Hyra".into(),
            ansokt: Belopp::from_ore(700_050),
            beviljat: Belopp::from_ore(700_050),
            motivering: "Du har rätt till hyran.".into(),
            utover_ratten: false,
            mot_aterkrav: None,
        }],
        andrar: None,
        grund: Default::default(),
        utbetalning: Some(Utbetalning {
            fran: "2026-11-01".parse().unwrap(),
            till: "2026-11-30".parse().unwrap(),
            datum: "2026-11-25".parse().unwrap(),
            mottagare: "hyresvärden AB Exempelbostäder, bankgiro 5555-1234".into(),
        }),
    };
    let underlag = bistand::utskrift::beslutsunderlag(&store, &b).unwrap();
    let id = store.skriv(|w| w.spara_beslut(&b, &underlag, true, "Berit Beslutsdotter", nu())).unwrap();
    (store, id)
}

fn hyresvard() -> Mottagare {
    Mottagare {
        namn: "AB Exempelbostäder".into(),
        konto: Konto::tolka("bankgiro", "", "5555-1234").unwrap(),
        referens: "Faktura 4711".into(),
    }
}

/// A test actor; the kassa (by name) has the kassa's role, the rest a 1:e socialsekreterare's.
fn aktor(namn: &str) -> Aktor {
    let aktor = Aktor::ny(namn, nu());
    if namn.starts_with("Kassa") { aktor.med_roll(bistand::domain::anvandare::Roll::Kassa) } else { aktor }
}

fn beslutsfattare(store: &Store, beslut_id: i64) -> String {
    store.beslut(beslut_id).unwrap().beslut.beslutsfattare
}

/// Runs SQL straight on the file, as someone with a SQLite tool would, with the tamper chain's
/// functions supplied (so only the payment rules can refuse).
fn sql(db: &Path, fraga: &str) -> Result<usize, String> {
    use rusqlite::functions::FunctionFlags;
    use sha2::{Digest, Sha256};
    let conn = rusqlite::Connection::open(db).unwrap();
    let f = FunctionFlags::SQLITE_UTF8;
    conn.create_scalar_function("bistand_sha256", 1, f, |c| {
        Ok(Sha256::digest(c.get::<Option<String>>(0)?.unwrap_or_default().as_bytes()).to_vec())
    })
    .unwrap();
    conn.create_scalar_function("bistand_kedja", 2, f, |c| {
        let mut h = Sha256::new();
        h.update(c.get::<Option<Vec<u8>>>(0)?.unwrap_or_default());
        h.update(c.get::<Vec<u8>>(1)?);
        Ok(h.finalize().to_vec())
    })
    .unwrap();
    conn.execute(fraga, []).map_err(|e| e.to_string())
}

#[test]
fn the_decider_can_never_attest_not_even_through_sql() {
    let (_d, db, mut store, beslut) = demo_med_beviljat();
    let fattare = beslutsfattare(&store, beslut);
    let kalender = levererade_utbetalningsregler();
    let ids = utbetalning::bestall(&mut store, &aktor(&fattare), beslut, &hyresvard(), &kalender).unwrap();
    let id = ids[0];

    let fel = utbetalning::attestera(&mut store, &aktor(&fattare), id).unwrap_err().to_string();
    assert!(fel.contains("får inte attestera"), "{fel}");
    // Straight into the table, with the name typed differently: the trigger refuses.
    let fel = sql(
        &db,
        &format!(
            "UPDATE utbetalning SET attesterad_av = ' {} ', attesterad_tid = '2026-11-23 10:00:00' WHERE id = {id}",
            fattare.to_uppercase()
        ),
    )
    .unwrap_err();
    assert!(fel.contains("får inte attestera"), "{fel}");
    let fel = sql(
        &db,
        &format!(
            "INSERT INTO utbetalning (beslut_id, ordning, belopp_ore, mottagare, kontotyp, konto, betalningsdag,
                                      skapad, av, attesterad_av, attesterad_tid)
             VALUES ({beslut}, 0, 100, 'X', 'bankgiro', '55551234', '2026-11-25', 'x', 'x', 'Kassa', 'x')"
        ),
    )
    .unwrap_err();
    assert!(fel.contains("attesteras för sig"), "{fel}");
    assert_eq!(store.utbetalning(id).unwrap().status, Status::AttAttestera);

    utbetalning::attestera(&mut store, &aktor("Kassa Kontrollsson"), id).unwrap();
    let o = store.utbetalning(id).unwrap();
    assert_eq!((o.status, o.attesterad_av.as_deref()), (Status::Attesterad, Some("Kassa Kontrollsson")));
    assert!(store.kontroll().unwrap().frisk(), "the orders join the tamper chain");
}

#[test]
fn payments_never_exceed_what_the_decision_granted() {
    let (_d, db, mut store, beslut) = demo_med_beviljat();
    let beviljat = store.beslut(beslut).unwrap().beslut.poster[0].beviljat;
    let kalender = levererade_utbetalningsregler();
    let ids = utbetalning::bestall(&mut store, &aktor("Handläggare"), beslut, &hyresvard(), &kalender).unwrap();
    let o = store.utbetalning(ids[0]).unwrap();
    assert_eq!(o.belopp, beviljat, "the whole granted amount is ordered");
    // Ordering again finds nothing left.
    let fel = utbetalning::bestall(&mut store, &aktor("Handläggare"), beslut, &hyresvard(), &kalender).unwrap_err();
    assert!(fel.to_string().contains("inget beviljat belopp"), "{fel}");
    // One öre more, straight into the table, is refused by the database.
    let en_ore = format!(
        "INSERT INTO utbetalning (beslut_id, ordning, belopp_ore, mottagare, kontotyp, konto, betalningsdag, skapad, av)
         VALUES ({beslut}, 0, 1, 'X', 'bankgiro', '55551234', '2026-11-25', 'x', 'x')"
    );
    assert!(sql(&db, &en_ore).unwrap_err().contains("större än det beviljade"));
    // Nor can the amount of the order be raised.
    let hoj = format!("UPDATE utbetalning SET belopp_ore = belopp_ore + 100 WHERE id = {}", ids[0]);
    assert!(sql(&db, &hoj).is_err());
    // A stopped order no longer counts: the money can be ordered again, to another payee.
    utbetalning::stoppa(&mut store, &aktor("Kassa"), ids[0], "fel bankgiro").unwrap();
    let nya = utbetalning::bestall(&mut store, &aktor("Handläggare"), beslut, &hyresvard(), &kalender).unwrap();
    assert_eq!(store.utbetalning(nya[0]).unwrap().belopp, beviljat);
}

#[test]
fn an_exported_order_cannot_be_changed_and_a_return_is_registered_against_it() {
    let (dir, db, mut store, beslut) = demo_med_beviljat();
    let kalender = levererade_utbetalningsregler();
    let ids = utbetalning::bestall(&mut store, &aktor("Handläggare"), beslut, &hyresvard(), &kalender).unwrap();
    let o = store.utbetalning(ids[0]).unwrap();
    // A return before export is refused.
    assert!(utbetalning::registrera_retur(&mut store, &aktor("Kassa"), o.id, nu().date(), "okänt konto").is_err());
    utbetalning::attestera(&mut store, &aktor("Kassa"), o.id).unwrap();
    let fil = dir.path().join("bank.xml");
    let export = utbetalning::exportera(&mut store, &aktor("Kassa"), o.betalningsdag, &fil, &kalender).unwrap();
    assert_eq!((export.antal, export.summa), (1, o.belopp));
    assert_eq!(store.utbetalning(o.id).unwrap().status, Status::Exporterad);

    for andra in [
        format!("UPDATE utbetalning SET konto = '99999999' WHERE id = {}", o.id),
        format!("UPDATE utbetalning SET exportfil = 'annan.xml' WHERE id = {}", o.id),
        format!("UPDATE utbetalning SET stoppad_av = 'X', stoppad_tid = 'x' WHERE id = {}", o.id),
        format!("DELETE FROM utbetalning WHERE id = {}", o.id),
    ] {
        let fel = sql(&db, &andra).unwrap_err();
        assert!(fel.contains("kan inte ändras") || fel.contains("raderas aldrig"), "{andra}: {fel}");
    }
    let fel = utbetalning::stoppa(&mut store, &aktor("Kassa"), o.id, "för sent").unwrap_err();
    assert!(fel.to_string().contains("skickad till banken"), "{fel}");

    utbetalning::registrera_retur(&mut store, &aktor("Kassa"), o.id, nu().date(), "avslutat konto").unwrap();
    assert_eq!(store.utbetalning(o.id).unwrap().status, Status::Aterkommen);
    // The money that came back may be paid again.
    let igen = utbetalning::bestall(&mut store, &aktor("Handläggare"), beslut, &hyresvard(), &kalender).unwrap();
    assert_eq!(store.utbetalning(igen[0]).unwrap().belopp, o.belopp);
    assert!(store.kontroll().unwrap().frisk());
}

/// Runs `xmllint --noout --schema` on `fil`; a missing xmllint fails the test, never skips it.
fn validera_mot_schemat(fil: &Path) {
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/xsd/pain.001.001.03.xsd");
    let ut = std::process::Command::new("xmllint").arg("--noout").arg("--schema").arg(&schema).arg(fil).output();
    let ut = match ut {
        Ok(ut) => ut,
        Err(e) => panic!(
            "xmllint kunde inte startas ({e}). Installera Debianpaketet libxml2-utils (apt-get install libxml2-utils); \
             .ci/run gör det. Betalningsfilen måste valideras mot ISO 20022-schemat."
        ),
    };
    assert!(ut.status.success(), "pain.001 följer inte schemat:\n{}", String::from_utf8_lossy(&ut.stderr));
}

#[test]
fn the_bank_file_of_the_demo_month_validates_and_sums_the_attested_orders() {
    let (dir, db) = temp_db();
    let mut store = open(&db);
    bistand::demo::bygg_demo(&mut store, bistand::demo::Demoval { hushall: 40, manader: 1 }, nu(), &mut |_, _| true)
        .unwrap();
    let dagar: std::collections::BTreeSet<_> = bistand::demo::utbetalningsdagar(&store).unwrap();
    assert!(!dagar.is_empty(), "the demo has a month of payment orders");
    let mut filer = 0;
    for dag in dagar {
        let order = store.utbetalningar_dag(dag).unwrap();
        let attesterade: Vec<_> = order.iter().filter(|o| o.status == Status::Attesterad).collect();
        if attesterade.is_empty() {
            continue;
        }
        let summa: Belopp = attesterade.iter().map(|o| o.belopp).sum();
        let fil = dir.path().join(format!("{dag}.xml"));
        let kalender = levererade_utbetalningsregler();
        let export = utbetalning::exportera(&mut store, &aktor("Kassa Kontrollsson"), dag, &fil, &kalender).unwrap();
        assert_eq!((export.antal, export.summa), (attesterade.len(), summa));
        validera_mot_schemat(&fil);
        let xml = std::fs::read_to_string(&fil).unwrap();
        let huvud = &xml[xml.find("<GrpHdr>").unwrap()..xml.find("</GrpHdr>").unwrap()];
        assert!(huvud.contains(&format!("<NbOfTxs>{}</NbOfTxs>", attesterade.len())), "{huvud}");
        let ore = summa.to_ore();
        assert!(huvud.contains(&format!("<CtrlSum>{}.{:02}</CtrlSum>", ore / 100, ore % 100)), "{huvud}");
        // What was not attested stays behind.
        let kvar = store.utbetalningar_dag(dag).unwrap();
        assert!(kvar.iter().all(|o| o.status != Status::Attesterad));
        filer += 1;
    }
    assert!(filer > 0, "some day had attested orders");
}

#[test]
fn the_cli_writes_the_days_file_marks_it_sent_and_refuses_a_second_time() {
    let (dir, db) = temp_db();
    // The kassa of the training database sends the file.
    let bistand = |args: &[&str]| {
        let ut = std::process::Command::new(env!("CARGO_BIN_EXE_bistand"))
            .args(args)
            .args(if args[0] == "utbetalning" { &["--anvandare", "helena"][..] } else { &[][..] })
            .env("BISTAND_LOSENORD", "ovning")
            .output()
            .unwrap();
        (
            ut.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&ut.stdout).into(),
            String::from_utf8_lossy(&ut.stderr).into(),
        )
    };
    let dbs = db.to_str().unwrap();
    assert_eq!(bistand(&["demo", "--db", dbs]).0, 0);
    let store = gemensamt::open_fil(&db);
    let dag = bistand::demo::utbetalningsdagar(&store)
        .unwrap()
        .into_iter()
        .find(|d| store.utbetalningar_dag(*d).unwrap().iter().any(|o| o.status == Status::Attesterad))
        .expect("the demo has attested orders");
    let antal = store.utbetalningar_dag(dag).unwrap().iter().filter(|o| o.status == Status::Attesterad).count();
    drop(store);
    let fil = dir.path().join("bank.xml");
    let (kod, ut, fel): (i32, String, String) =
        bistand(&["utbetalning", "--db", dbs, "--dag", &dag.to_string(), "--ut", fil.to_str().unwrap()]);
    assert_eq!(kod, 0, "{fel}");
    assert!(ut.contains(&format!("Skrev {antal} utbetalningar")), "{ut}");
    validera_mot_schemat(&fil);
    let store = gemensamt::open_fil(&db);
    assert!(store.utbetalningar_dag(dag).unwrap().iter().all(|o| o.status != Status::Attesterad));
    drop(store);
    let (kod, _, fel) =
        bistand(&["utbetalning", "--db", dbs, "--dag", &dag.to_string(), "--ut", fil.to_str().unwrap()]);
    assert_eq!(kod, 1);
    assert!(fel.contains("inga attesterade utbetalningar"), "{fel}");
    let (kod, _, fel) = bistand(&["utbetalning", "--db", dbs, "--dag", "25 november", "--ut", "x.xml"]);
    assert_eq!(kod, 2);
    assert!(fel.contains("ÅÅÅÅ-MM-DD"), "{fel}");
}

/// A decision orders its own payments when it says where the money goes; without a payee it
/// leaves them for the kassa to order.
#[test]
fn a_decision_that_names_a_giro_orders_its_payment_and_one_without_leaves_it_to_the_kassa() {
    let (_d, path) = temp_db();
    let mut store = open(&path);
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let arende = store.beslut(store.alla_beslut().unwrap()[0].id).unwrap().beslut.arende_id;
    let hanna = aktor("Hanna Handläggare");
    let med = bistand::arbete::beslut::fatta_beslut(
        &mut store,
        &hanna,
        arende,
        &hyresbeslut("hyresvärden AB Exempelbostäder, plusgiro 12 34 56-7"),
        true,
    )
    .unwrap();
    let order = store.utbetalningar_for_beslut(med).unwrap();
    assert_eq!(order.len(), 1, "one order for the one granted post");
    assert_eq!(order[0].mottagare.i_text(), "hyresvärden AB Exempelbostäder, plusgiro 123456-7");
    let utan = bistand::arbete::beslut::fatta_beslut(
        &mut store,
        &hanna,
        arende,
        &hyresbeslut("det konto du har anmält"),
        true,
    )
    .unwrap();
    assert!(store.utbetalningar_for_beslut(utan).unwrap().is_empty(), "no registered account: the kassa orders it");
}

#[test]
fn an_order_another_kassa_attested_or_stopped_meanwhile_is_refused_with_who_and_when() {
    // Two users on one database (on the test server too, with BISTAND_TEST_PG).
    let (_d, db) = temp_db();
    let (mut karin, beslut) = beviljat(open(&db));
    let mut kalle = open(&db);
    let kalender = levererade_utbetalningsregler();
    let ids = utbetalning::bestall(&mut karin, &aktor("Handläggare"), beslut, &hyresvard(), &kalender).unwrap();
    utbetalning::attestera(&mut karin, &aktor("Kassa Karin"), ids[0]).unwrap();
    let fel = utbetalning::attestera(&mut kalle, &aktor("Kassa Kalle"), ids[0]).unwrap_err().to_string();
    let tid = nu().format("%Y-%m-%d %H:%M");
    assert_eq!(
        fel,
        format!("Utbetalningen väntar inte på attest: den är attesterad av Kassa Karin {tid}. Läs in listan igen.")
    );
    assert_eq!(kalle.utbetalning(ids[0]).unwrap().attesterad_av.as_deref(), Some("Kassa Karin"));

    utbetalning::stoppa(&mut karin, &aktor("Kassa Karin"), ids[0], "Fel mottagare").unwrap();
    let fel = utbetalning::stoppa(&mut kalle, &aktor("Kassa Kalle"), ids[0], "Dubblett").unwrap_err().to_string();
    assert!(fel.starts_with("Utbetalningen kan inte stoppas: den är stoppad av Kassa Karin"), "{fel}");
    assert_eq!(kalle.utbetalning(ids[0]).unwrap().status, Status::Stoppad);
}
