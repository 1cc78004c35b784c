//! Users, roles and the access log: the role × action matrix (allowed actions succeed, refused
//! ones say why in Swedish and write nothing), the login lockout, Argon2id hashes, the review
//! and its CSV.

mod gemensamt;

use bistand::arbete::{
    self, Aktor, Arbetsfel,
    arende::Ansvar,
    plan::{Lasning, Overenskommelse},
};
use bistand::domain::ansokan::AnsokanFormular;
use bistand::domain::anvandare::{AnvandarFormular, Roll};
use bistand::domain::arende::ArendeStatus;
use bistand::domain::fia::FiaIntervju;
use bistand::domain::hushall::{Adress, HushallFormular, Medlem, PersonFalt};
use bistand::domain::ib::IbSvar;
use bistand::domain::journal::JournalFormular;
use bistand::domain::manad::Manad;
use bistand::domain::plan::Planinnehall;
use bistand::domain::screening::Instrument;
use bistand::store::{Handelse, Loggfilter, Store};
use bistand::utskrift::{Brevtyp, Dokument};
use gemensamt::*;
use std::path::{Path, PathBuf};

/// The name of the user in each role: the caseworker is the case's socialsekreterare.
const ROLLEN: &str = "Rollens Namn";

fn formular(serienummer: u16) -> HushallFormular {
    HushallFormular {
        sokande: PersonFalt {
            pnr: pnr(1985, 4, 2, serienummer).to_string(),
            fornamn: "Vera".into(),
            efternamn: "Provberg".into(),
            ..Default::default()
        },
        adress: Adress { gatuadress: "Provgatan 3".into(), postnummer: "123 45".into(), postort: "Stockholm".into() },
        telefon: "070-000 00 00".into(),
        ..Default::default()
    }
}

/// What each action needs: a case with an application, a journal entry, an agreed plan; a
/// second user to change.
struct Fixtur {
    mapp: PathBuf,
    arende: i64,
    post: i64,
    plan: i64,
    medlem: Medlem,
}

fn fixtur(store: &mut Store, mapp: &Path) -> Fixtur {
    let admin = Aktor::ny("Förberedare", nu());
    let ansvar = Ansvar { socialsekreterare: ROLLEN.into(), ..Default::default() };
    let arende = arbete::arende::registrera_hushall(store, &admin, &formular(983), &ansvar).unwrap().arende_id;
    let medlemmar = store.hushall(store.arende(arende).unwrap().hushall_id).unwrap().medlemmar;
    let form = AnsokanFormular::ny(Manad::new(2026, 11).unwrap(), nu().date(), &medlemmar);
    let regler = store.regler().unwrap();
    arbete::ansokan::spara_ansokan(store, &admin, arende, &form, None, &regler).unwrap();
    let jf = JournalFormular {
        datum: "2026-11-23".into(),
        rubrik: "Samtal".into(),
        text: "Ringde.".into(),
        ..Default::default()
    };
    let (post, _) = arbete::journal::skriv_journal(store, &admin, arende, &jf).unwrap();
    arbete::plan::kom_overens(store, &admin, (arende, Lasning::Osedd), None, &plan(), &overens()).unwrap();
    let plan = store.planer(arende).unwrap()[0].id;
    let sf = Aktor::ny("sf", nu()).med_roll(Roll::Systemforvaltare);
    arbete::anvandare::ny_anvandare(store, &sf, &ny("extra"), "ett-langt-losenord", "ett-langt-losenord").unwrap();
    Fixtur { mapp: mapp.to_path_buf(), arende, post, plan, medlem: medlemmar[0].clone() }
}

fn plan() -> Planinnehall {
    let mut p = Planinnehall::default();
    p.fritext[0] = "Arbetssökande sedan i våras.".into();
    p
}

fn overens() -> Overenskommelse {
    Overenskommelse { datum: "2026-11-20".into(), signerad: true, orsak: String::new() }
}

fn ny(login: &str) -> AnvandarFormular {
    AnvandarFormular {
        login: login.into(),
        namn: "Extra Person".into(),
        titel: "Socialsekreterare".into(),
        roll: Some(Roll::Handlaggare),
    }
}

type Atgard = fn(&mut Store, &Aktor, &Fixtur) -> Result<(), Arbetsfel>;

/// Every use case in src/arbete that a user can take, with valid input.
fn atgarder() -> Vec<(&'static str, Atgard)> {
    vec![
        ("registrera hushåll", |s, a, _| {
            arbete::arende::registrera_hushall(s, a, &formular(984), &Ansvar::default()).map(|_| ())
        }),
        ("öppna ärendet", |s, a, f| {
            arbete::arende::oppna_arende_med_skal(s, a, f.arende, Some("Vikarierar idag")).map(|_| ())
        }),
        ("visa skyddad adress", |s, a, f| arbete::arende::visa_skyddad_adress(s, a, f.arende)),
        ("ändra status", |s, a, f| {
            arbete::arende::andra_status(s, a, f.arende, ArendeStatus::Aktuell, None).map(|_| ())
        }),
        ("ändra ansvariga", |s, a, f| {
            let ansvar =
                Ansvar { socialsekreterare: ROLLEN.into(), bidragshandlaggare: "B".into(), ..Default::default() };
            arbete::arende::andra_ansvar(s, a, f.arende, &ansvar).map(|_| ())
        }),
        ("skriva journal", |s, a, f| {
            let jf = JournalFormular {
                datum: "2026-11-23".into(),
                rubrik: "Besök".into(),
                text: "Kom.".into(),
                ..Default::default()
            };
            arbete::journal::skriv_journal(s, a, f.arende, &jf).map(|_| ())
        }),
        ("makulera journal", |s, a, f| arbete::journal::makulera_journal(s, a, f.arende, f.post, "Fel ärende")),
        ("spara ansökan", |s, a, f| {
            let medlemmar = s.hushall(s.arende(f.arende).unwrap().hushall_id).unwrap().medlemmar;
            let form = AnsokanFormular::ny(Manad::new(2026, 12).unwrap(), nu().date(), &medlemmar);
            let regler = s.regler().unwrap();
            arbete::ansokan::spara_ansokan(s, a, f.arende, &form, None, &regler).map(|_| ())
        }),
        ("fatta beslut", |s, a, f| {
            let form = arbete::beslut::nytt_beslut(s, a, f.arende)?;
            arbete::beslut::fatta_beslut(s, a, f.arende, &form, false).map(|_| ())
        }),
        ("spara planutkast", |s, a, f| {
            arbete::plan::spara_utkast(s, a, (f.arende, Lasning::Osedd), None, &plan()).map(|_| ())
        }),
        ("komma överens om plan", |s, a, f| {
            arbete::plan::kom_overens(s, a, (f.arende, Lasning::Osedd), None, &plan(), &overens()).map(|_| ())
        }),
        ("skriva uppföljning", |s, a, f| {
            arbete::plan::skriv_uppfoljning(s, a, f.arende, f.plan, "2026-11-23", "Går bra.", &[]).map(|_| ())
        }),
        ("spara FIA", |s, a, f| {
            let intervju = FiaIntervju { definition_version: 1, datum: Some(nu().date()), ..Default::default() };
            arbete::fia::spara_fia(s, a, f.arende, None, &intervju).map(|_| ())
        }),
        ("spara screening", |s, a, f| {
            let svar = vec![Some(0); Instrument::Audit.fragor().len()];
            arbete::screening::spara_screening(s, a, f.arende, &f.medlem, Instrument::Audit, "2026-11-23", &svar)
                .map(|_| ())
        }),
        ("läsa screening", |s, a, f| arbete::screening::las_screeningar(s, a, f.arende, &f.medlem).map(|_| ())),
        ("spara IB", |s, a, f| {
            let svar = IbSvar { definition_version: 1, ..Default::default() };
            arbete::ib::spara_ib(s, a, (f.arende, None), &svar)
        }),
        ("skriva ut brev", |s, a, f| {
            let nr = s.arende(f.arende).unwrap().arendenummer;
            let dokument = Dokument::Arendebrev { arendenummer: nr, typ: Brevtyp::Kallelse };
            arbete::brev::skriv_ut(s, a, &dokument, &f.mapp.join("kallelse.pdf")).map(|_| ())
        }),
        ("lista ärenden", |s, a, _| arbete::arende::logga_listning(s, a, "test")),
        ("spara normtabell", |s, a, _| {
            let (_, tabell) = s.normtabell_for_ar(2026).unwrap().unwrap();
            arbete::installningar::spara_normtabell(s, a, (&tabell, None), "Prov av behörighet").map(|_| ())
        }),
        ("lägga till användare", |s, a, _| {
            arbete::anvandare::ny_anvandare(s, a, &ny("ny"), "ett-langt-losenord", "ett-langt-losenord").map(|_| ())
        }),
        ("ändra användare", |s, a, _| {
            let f = AnvandarFormular { roll: Some(Roll::Kassa), ..ny("extra") };
            arbete::anvandare::andra_anvandare(s, a, &f, None).map(|_| ())
        }),
        ("inaktivera användare", |s, a, _| arbete::anvandare::inaktivera(s, a, "extra", None)),
        ("återställa lösenord", |s, a, _| {
            arbete::anvandare::aterstall_losenord(s, a, "extra", "ett-nytt-losenord", "ett-nytt-losenord")
        }),
        ("granska loggen", |s, a, _| arbete::loggkontroll::granska(s, a, &Loggfilter::default()).map(|_| ())),
        ("skriva statistikrapport", |s, a, f| {
            let period = bistand::domain::statistik::Period::Ar(2026);
            arbete::statistik::skriv_rapport(s, a, period, None, &f.mapp.join("rapport")).map(|_| ())
        }),
        ("ändra minsta antal", |s, a, _| arbete::statistik::satt_minsta_antal(s, a, 3)),
        ("registrera nybesök", |s, a, f| {
            let dag = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
            arbete::statistik::registrera_nybesok(s, a, (f.arende, None), dag("2026-11-02"), dag("2026-11-10"))
        }),
        ("exportera loggen", |s, a, f| {
            arbete::loggkontroll::exportera(s, a, &Loggfilter::default(), &f.mapp.join("logg.csv")).map(|_| ())
        }),
    ]
}

/// What each role may do, written out by hand (not read from the program's table).
fn tillatet(roll: Roll, atgard: &str) -> bool {
    const HANDLAGGNING: &[&str] = &[
        "registrera hushåll",
        "öppna ärendet",
        "visa skyddad adress",
        "ändra status",
        "ändra ansvariga",
        "skriva journal",
        "makulera journal",
        "spara ansökan",
        "fatta beslut",
        "spara planutkast",
        "komma överens om plan",
        "skriva uppföljning",
        "spara FIA",
        "spara screening",
        "läsa screening",
        "spara IB",
        "skriva ut brev",
        "lista ärenden",
        "registrera nybesök",
    ];
    const FORSTE: &[&str] = &["skriva statistikrapport", "ändra minsta antal"];
    if roll == Roll::ForsteSocialsekreterare && FORSTE.contains(&atgard) {
        return true;
    }
    let lista: &[&str] = match roll {
        Roll::Handlaggare | Roll::ForsteSocialsekreterare => HANDLAGGNING,
        Roll::Kassa => &["öppna ärendet", "lista ärenden"],
        Roll::Enhetschef => &[
            "öppna ärendet",
            "visa skyddad adress",
            "läsa screening",
            "lista ärenden",
            "granska loggen",
            "exportera loggen",
            "skriva statistikrapport",
            "ändra minsta antal",
        ],
        Roll::Systemforvaltare => &[
            "spara normtabell",
            "lägga till användare",
            "ändra användare",
            "inaktivera användare",
            "återställa lösenord",
            "ändra minsta antal",
        ],
    };
    lista.contains(&atgard)
}

const TABELLER: &[&str] = &[
    "handelselogg",
    "journal",
    "kedja",
    "hushall",
    "arende",
    "ansokan",
    "beslut",
    "plan",
    "plan_uppfoljning",
    "screening",
    "fia_intervju",
    "ib_svar",
    "normtabell",
    "anvandare",
    "nybesok",
    "installning",
];

/// Every row of the tables an action could write, and the users' state: equal means nothing
/// was written.
fn avtryck(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut ut: Vec<String> = TABELLER
        .iter()
        .map(|t| {
            let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0)).unwrap();
            format!("{t}={n}")
        })
        .collect();
    let mut stmt = conn.prepare("SELECT login, roll, aktiv, losenord, titel FROM anvandare ORDER BY login").unwrap();
    let anv = stmt
        .query_map([], |r| {
            Ok(format!(
                "{}:{}:{}:{}:{}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?
            ))
        })
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    ut.extend(anv);
    let status: String = conn
        .query_row("SELECT status || bidragshandlaggare FROM arende ORDER BY id LIMIT 1", [], |r| r.get(0))
        .unwrap();
    ut.push(status);
    ut
}

#[test]
fn every_role_on_every_action_allowed_succeed_refused_say_why_and_write_nothing() {
    let mut fel = Vec::new();
    for roll in Roll::ALLA {
        let (dir, path) = temp_db();
        let mut store = gemensamt::open_fil(&path);
        let f = fixtur(&mut store, dir.path());
        let aktor = Aktor::ny(ROLLEN, nu()).med_roll(*roll);
        for (namn, atgard) in atgarder() {
            let fore = avtryck(&path);
            let filer_fore = std::fs::read_dir(dir.path()).unwrap().count();
            let svar = atgard(&mut store, &aktor, &f);
            match (tillatet(*roll, namn), svar) {
                (true, Ok(())) => {}
                (true, Err(e)) => fel.push(format!("{roll:?} may {namn} but got: {e}")),
                (false, Ok(())) => fel.push(format!("{roll:?} may not {namn} but it succeeded")),
                (false, Err(Arbetsfel::Behorighet(text))) => {
                    if !text.contains("inte behörighet") || !text.contains("Inget har sparats") {
                        fel.push(format!("{roll:?} {namn}: the refusal is not plain Swedish: {text}"));
                    }
                    if avtryck(&path) != fore {
                        fel.push(format!("{roll:?} {namn}: refused, but something was written"));
                    }
                    if std::fs::read_dir(dir.path()).unwrap().count() != filer_fore {
                        fel.push(format!("{roll:?} {namn}: refused, but a file was written"));
                    }
                }
                (false, Err(e)) => fel.push(format!("{roll:?} {namn}: refused for another reason: {e}")),
            }
        }
    }
    assert!(fel.is_empty(), "{}", fel.join("\n"));
}

#[test]
fn a_caseworker_opening_a_case_not_hers_gives_a_reason_that_the_review_shows() {
    let (dir, path) = temp_db();
    let mut store = open(&path);
    let f = fixtur(&mut store, dir.path());
    let annan = Aktor::ny("Annan Handläggare", nu()).med_roll(Roll::Handlaggare);
    let fore = store.antal_loggrader().unwrap();
    let fel = arbete::arende::oppna_arende(&mut store, &annan, f.arende).unwrap_err();
    assert!(matches!(fel, Arbetsfel::SkalKravs(_)), "{fel}");
    assert!(fel.to_string().contains("inte ansvarig"), "{fel}");
    assert_eq!(store.antal_loggrader().unwrap(), fore, "nothing is logged without a reason");
    arbete::arende::oppna_arende_med_skal(&mut store, &annan, f.arende, Some("Klienten ringde, ansvarig sjuk"))
        .unwrap();
    // The assigned caseworker opens without being asked.
    let egen = Aktor::ny(ROLLEN, nu()).med_roll(Roll::Handlaggare);
    arbete::arende::oppna_arende(&mut store, &egen, f.arende).unwrap();

    let chef = Aktor::ny("Chefen", nu()).med_roll(Roll::Enhetschef);
    let filter = Loggfilter { utan_uppdrag: true, ..Default::default() };
    let rader = arbete::loggkontroll::granska(&mut store, &chef, &filter).unwrap();
    assert_eq!(rader.len(), 1, "{rader:?}");
    assert_eq!(rader[0].login, "Annan Handläggare");
    assert_eq!(rader[0].detalj, "Klienten ringde, ansvarig sjuk");
    assert_eq!(rader[0].arendenummer, store.arende(f.arende).unwrap().arendenummer);
    assert_eq!(rader[0].dator, bistand::store::datornamn(), "the computer is recorded");
    // By user and by case; the review itself is in the log.
    let per_anvandare = Loggfilter { anvandare: Some(ROLLEN.into()), ..Default::default() };
    let rader = arbete::loggkontroll::granska(&mut store, &chef, &per_anvandare).unwrap();
    assert!(rader.iter().all(|r| r.login == ROLLEN) && !rader.is_empty());
    let alla = store.logg_urval(&Loggfilter::default()).unwrap();
    assert!(alla.iter().any(|r| r.handelse == Handelse::GranskadeLogg.namn() && r.login == "Chefen"));
    // A period without lines.
    let tidigt = Loggfilter { till: chrono::NaiveDate::from_ymd_opt(2020, 1, 1), ..Default::default() };
    assert!(arbete::loggkontroll::granska(&mut store, &chef, &tidigt).unwrap().is_empty());

    let csv = dir.path().join("utan-uppdrag.csv");
    assert_eq!(arbete::loggkontroll::exportera(&mut store, &chef, &filter, &csv).unwrap(), 1);
    let text = std::fs::read_to_string(&csv).unwrap();
    let rader: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(rader.len(), 2, "{text}");
    assert!(rader[0].contains("Tid;Inloggning;Namn;Händelse;Ärende;Detalj;Dator"));
    assert!(rader[1].contains(";Öppnade ärende utan uppdrag;") && rader[1].contains("Klienten ringde, ansvarig sjuk"));
    assert!(store.kontroll().unwrap().frisk(), "the log stays in the hash chain");
}

#[test]
fn five_wrong_passwords_lock_the_login_until_a_time_said_in_swedish() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let f = AnvandarFormular { roll: None, ..ny("anna") };
    arbete::anvandare::skapa_forsta_anvandare(&mut store, &f, "mitt-hemliga-ord", "mitt-hemliga-ord", nu()).unwrap();
    for i in 1..5 {
        let fel = arbete::anvandare::logga_in(&mut store, "anna", "fel", nu()).unwrap_err().to_string();
        assert!(fel.contains(&format!("Försök {i} av 5")), "{fel}");
    }
    let fel = arbete::anvandare::logga_in(&mut store, "anna", "fel", nu()).unwrap_err().to_string();
    assert!(fel.contains("låst till klockan 10:15"), "{fel}");
    let fel_loggade = store.logg_urval(&Loggfilter { anvandare: Some("anna".into()), ..Default::default() }).unwrap();
    assert_eq!(fel_loggade.iter().filter(|r| r.handelse == Handelse::FelLosenord.namn()).count(), 5, "each is logged");
    let ratt = arbete::anvandare::logga_in(&mut store, "anna", "mitt-hemliga-ord", nu()).unwrap_err().to_string();
    assert!(ratt.contains("låst"), "even the right password waits: {ratt}");
    let senare = nu() + chrono::Duration::minutes(16);
    let aktor = arbete::anvandare::logga_in(&mut store, "ANNA", "mitt-hemliga-ord", senare).unwrap();
    assert_eq!((aktor.login.as_str(), aktor.roll), ("anna", Roll::Systemforvaltare), "the first user");
    assert!(
        arbete::anvandare::skapa_forsta_anvandare(&mut store, &ny("bo"), "mitt-hemliga-ord", "mitt-hemliga-ord", nu())
            .is_err(),
        "only the first"
    );
}

#[test]
fn the_password_is_stored_as_argon2id_never_as_text_and_a_real_database_gets_no_known_password() {
    let (_dir, path) = temp_db();
    let mut store = gemensamt::open_fil(&path);
    let f = AnvandarFormular { roll: None, ..ny("anna") };
    arbete::anvandare::skapa_forsta_anvandare(&mut store, &f, "mitt-hemliga-ord", "mitt-hemliga-ord", nu()).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let hash: String = conn.query_row("SELECT losenord FROM anvandare WHERE login = 'anna'", [], |r| r.get(0)).unwrap();
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!hash.contains("mitt-hemliga-ord"));
    let fil = std::fs::read(&path).unwrap();
    assert!(!fil.windows(16).any(|w| w == b"mitt-hemliga-ord"), "the password is nowhere in the file");
    assert!(conn.execute("DELETE FROM anvandare", []).is_err(), "a user is never deleted");
    assert!(arbete::anvandare::skapa_ovningsanvandare(&mut store, nu()).is_err(), "no known password here");
    assert!(arbete::anvandare::logga_in(&mut store, "tobias", "ovning", nu()).is_err());
}

#[test]
fn the_demo_has_one_user_per_role_with_the_training_password() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let roller: Vec<Roll> = store.anvandare().unwrap().iter().map(|a| a.roll).collect();
    for roll in Roll::ALLA {
        assert!(roller.contains(roll), "{roll:?}");
    }
    for (login, ..) in arbete::anvandare::OVNINGSANVANDARE {
        arbete::anvandare::logga_in(&mut store, login, "ovning", nu()).unwrap();
    }
}

#[test]
fn a_caseworker_changes_only_her_own_or_shared_cases_and_reads_others_with_a_reason() {
    let (dir, path) = temp_db();
    let mut store = gemensamt::open_fil(&path);
    let f = fixtur(&mut store, dir.path());
    let jf = JournalFormular {
        datum: "2026-11-23".into(),
        rubrik: "Besök".into(),
        text: "Kom.".into(),
        ..Default::default()
    };
    let annan = Aktor::ny("Annan Handläggare", nu()).med_roll(Roll::Handlaggare);
    arbete::arende::oppna_arende_med_skal(&mut store, &annan, f.arende, Some("Klienten ringde")).unwrap();
    let fore = avtryck(&path);
    let fel = arbete::journal::skriv_journal(&mut store, &annan, f.arende, &jf).unwrap_err();
    assert!(
        matches!(&fel, Arbetsfel::Behorighet(t) if t.contains("inte ansvarig") && t.contains("Inget har sparats")),
        "{fel}"
    );
    assert_eq!(avtryck(&path), fore, "nothing written");
    // Shared with her as bidragshandläggare: now she may.
    let chef = Aktor::ny("Förste", nu());
    let ansvar = Ansvar {
        socialsekreterare: ROLLEN.into(),
        bidragshandlaggare: "Annan Handläggare".into(),
        ..Default::default()
    };
    arbete::arende::andra_ansvar(&mut store, &chef, f.arende, &ansvar).unwrap();
    arbete::journal::skriv_journal(&mut store, &annan, f.arende, &jf).unwrap();
    arbete::arende::oppna_arende(&mut store, &annan, f.arende).unwrap();
}
