//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod tva;
pub mod ui;

use bistand::domain::hushall::{Adress, Medlem, NyttHushall, Person, Roll};
use bistand::domain::personnummer::Personnummer;
use bistand::store::{NyttArende, Store};
use chrono::{NaiveDate, NaiveDateTime};

pub fn nu() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(10, 0, 0).unwrap()
}

pub fn pnr(y: i32, m: u32, d: u32, serial: u16) -> Personnummer {
    Personnummer::from_parts(NaiveDate::from_ymd_opt(y, m, d).unwrap(), serial, false).unwrap()
}

pub fn person(pnr: Personnummer, fornamn: &str, efternamn: &str) -> Medlem {
    Medlem {
        person: Person { pnr, fornamn: fornamn.into(), efternamn: efternamn.into() },
        roll: Roll::Sokande,
        lunch_utanfor_hemmet: false,
        gar_i_gymnasiet: false,
    }
}

pub fn hushall(medlemmar: Vec<Medlem>) -> NyttHushall {
    NyttHushall {
        medlemmar,
        relation: None,
        adress: Adress { gatuadress: "Provgatan 3".into(), postnummer: "123 45".into(), postort: "Stockholm".into() },
        telefon: "070-000 00 00".into(),
        skyddade_personuppgifter: false,
    }
}

pub fn arende() -> NyttArende {
    NyttArende {
        status: bistand::domain::arende::ArendeStatus::UnderUtredning,
        socialsekreterare: "Test Handläggare".into(),
        bidragshandlaggare: String::new(),
        forsorjningshinder: None,
        startdatum: nu().date(),
    }
}

/// A fresh database file in a temporary folder (kept alive by the returned guard).
pub fn temp_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("test.db");
    (dir, path)
}

/// Drops the triggers whose names match `like` (SQL LIKE) from a database file, as someone
/// editing it with another tool would before changing protected rows.
#[allow(dead_code)]
pub fn utan_triggers(conn: &rusqlite::Connection, like: &str) {
    let triggers: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?1")
        .unwrap()
        .query_map([like], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for t in triggers {
        conn.execute_batch(&format!("DROP TRIGGER {t}")).unwrap();
    }
}

/// The demo unit with `hushall` households and about `manader` months of history each.
#[allow(dead_code)]
pub fn bygg_demo(store: &mut Store, hushall: usize, manader: u32) {
    bistand::demo::bygg_demo(store, bistand::demo::Demoval { hushall, manader }, nu(), &mut |_, _| true).unwrap();
}

/// The database file at `path`, on SQLite whatever the tests are pointed at: for tests about the
/// file itself (damage, backups, crashes, another program on the same file).
#[allow(dead_code)]
pub fn open_fil(path: &std::path::Path) -> Store {
    Store::open(path).unwrap()
}

/// The database at `path`; with the tests pointed at a PostgreSQL server (BISTAND_TEST_PG), a
/// schema there named after the path instead, so the same tests run on both backends.
pub fn open(path: &std::path::Path) -> Store {
    match std::env::var(bistand::store::server::TESTSERVER) {
        Ok(url) => {
            use sha2::Digest;
            let hash = sha2::Sha256::digest(path.to_string_lossy().as_bytes());
            let namn: String = hash.iter().take(8).map(|b| format!("{b:02x}")).collect();
            Store::open_testdatabas(&url, &format!("fil_{namn}")).unwrap()
        }
        Err(_) => Store::open(path).unwrap(),
    }
}

/// Every letter kind but the decision letter, from the demo's cases: (what, case number, PDF).
pub fn ovriga_brev(store: &Store, idag: NaiveDate) -> Vec<(String, String, Vec<u8>)> {
    use bistand::store::Sortering;
    use bistand::utskrift::{Brevtyp, brev_pdf};
    let nr = |namn: &str| store.sok_arenden(namn, Sortering::Namn, true, 1).unwrap().rader[0].arendenummer.clone();
    let mut brev: Vec<(String, String, Vec<u8>)> = Vec::new();
    for (namn, typ) in [
        ("lundin", Brevtyp::Kallelse),
        ("yilmaz", Brevtyp::Komplettering),
        ("lundin", Brevtyp::Handlaggare),
        ("wallin", Brevtyp::Avslut),
    ] {
        brev.push((format!("{typ:?}"), nr(namn), brev_pdf(store, &nr(namn), typ, idag).unwrap()));
    }
    brev.push(("plan".into(), nr("lundin"), bistand::utskrift::plan_pdf(store, &nr("lundin"), idag).unwrap()));
    let engstrom = store.sok_arenden("engström", Sortering::Namn, true, 1).unwrap().rader[0].clone();
    let fia = store.fia_intervjuer(engstrom.arende_id).unwrap()[0].id;
    brev.push(("FIA".into(), engstrom.arendenummer, bistand::utskrift::fia_pdf(store, fia, idag).unwrap()));
    for rad in store.alla_beslut().unwrap() {
        if rad.utfall == bistand::domain::beslut::Utfall::Aterkrav {
            brev.push((
                format!("återkrav {}", rad.id),
                rad.arendenummer.clone(),
                bistand::utskrift::aterkravsbrev_pdf_den(store, rad.id, idag).unwrap(),
            ));
        }
    }
    brev
}

/// The text of each page of a PDF, as a reader's copy-and-paste would give it.
pub fn pdf_sidor(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).expect("a readable PDF");
    (1..=doc.get_pages().len() as u32).map(|n| doc.extract_text(&[n]).unwrap_or_default()).collect()
}

/// The text of a whole PDF, page after page.
pub fn pdf_text(pdf: &[u8]) -> String {
    pdf_sidor(pdf).join("\n")
}

/// The root page of `tabell` and the page size, with the WAL checkpointed into the file.
fn rotsida(db: &std::path::Path, tabell: &str) -> (u64, u64) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
    let rot: i64 =
        conn.query_row("SELECT rootpage FROM sqlite_master WHERE name = ?1", [tabell], |r| r.get(0)).unwrap();
    let storlek: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
    (rot as u64, storlek as u64)
}

/// Writes garbage over the second half of the root page of `tabell` in the database file, as a
/// failing disk would. No program may hold the database open.
pub fn skada_sidan(db: &std::path::Path, tabell: &str) {
    use std::io::{Seek, SeekFrom, Write};
    let (rot, storlek) = rotsida(db, tabell);
    let mut fil = std::fs::OpenOptions::new().write(true).open(db).unwrap();
    fil.seek(SeekFrom::Start((rot - 1) * storlek + storlek / 2)).unwrap();
    fil.write_all(&(0..storlek / 2).map(|i| (i * 37 + 11) as u8).collect::<Vec<_>>()).unwrap();
}

/// Damage SQLite reads without an error: the first child pointer of the (interior) root page of
/// `tabell` is made to point at the second child, so one page is reached twice and one never.
pub fn dubbel_referens(db: &std::path::Path, tabell: &str) {
    let (rot, storlek) = rotsida(db, tabell);
    let mut fil = std::fs::read(db).unwrap();
    let sida = ((rot - 1) * storlek) as usize;
    let sida = &mut fil[sida..sida + storlek as usize];
    assert_eq!(sida[0], 5, "the root page of {tabell} must be an interior page (a larger database)");
    let cell = |i: usize| u16::from_be_bytes([sida[12 + 2 * i], sida[13 + 2 * i]]) as usize;
    let (forsta, andra) = (cell(0), cell(1));
    let barn: [u8; 4] = sida[andra..andra + 4].try_into().unwrap();
    sida[forsta..forsta + 4].copy_from_slice(&barn);
    std::fs::write(db, fil).unwrap();
}

/// What a client must never read in a letter: ",00" on whole kronor, ISO dates (2026-10-05)
/// and months written 2026-10. The case number (e.g. 2026-0001) is allowed.
pub fn klarsprak_fel(text: &str, arendenummer: &str) -> Vec<String> {
    let text = text.replace(arendenummer, "");
    let mut fel = Vec::new();
    if let Some(i) = text.find(",00") {
        fel.push(format!("«,00» in «{}»", text[i.saturating_sub(30)..].chars().take(50).collect::<String>()));
    }
    let c: Vec<char> = text.chars().collect();
    let siffra = |i: usize| c.get(i).is_some_and(|x| x.is_ascii_digit());
    for i in 0..c.len() {
        let borjar = i == 0 || !siffra(i - 1);
        let monster = (0..4).all(|k| siffra(i + k)) && c.get(i + 4) == Some(&'-') && siffra(i + 5) && siffra(i + 6);
        if borjar && monster && !siffra(i + 7) {
            fel.push(format!("ISO date or month «{}»", c[i..(i + 10).min(c.len())].iter().collect::<String>()));
        }
    }
    fel
}

/// Fills the barnkonsekvensanalys of every child (a refusal or reduction needs it), as a
/// caseworker would for a decision that follows the calculation.
#[allow(dead_code)]
pub fn fyll_barnens_basta(form: &mut bistand::domain::beslut::formular::BeslutsFormular) {
    for b in &mut form.barn {
        b.paverkan = "Hushållets egna inkomster räcker till barnets levnadskostnader".into();
        b.asikt = "Barnet har inte tillfrågats eftersom beslutet följer beräkningen".into();
        b.vagt = "Barnets behov enligt riksnormen mot hushållets inkomster".into();
        b.slutsats = "Beslutet står sig".into();
    }
}

/// A decision granting a rent of 9 000 kr for November 2026, paid to `betalas_till`.
#[allow(dead_code)]
pub fn hyresbeslut(betalas_till: &str) -> bistand::domain::beslut::formular::BeslutsFormular {
    use bistand::domain::beslut::formular::{BeslutsFormular, PostFalt};
    BeslutsFormular {
        period: "2026-11".into(),
        poster: vec![PostFalt {
            sak: "Hyra".into(),
            ansokt: "9 000".into(),
            beviljat: "9 000".into(),
            motivering: "Du har rätt till hyran.".into(),
            ..Default::default()
        }],
        barnets_basta: "Barnen påverkas inte av beslutet om hyran.".into(),
        beslutsfattare: "Hanna Handläggare".into(),
        period_fran: "2026-11-01".into(),
        period_till: "2026-11-30".into(),
        utbetalningsdag: "2026-11-25".into(),
        betalas_till: betalas_till.into(),
        ..Default::default()
    }
}
