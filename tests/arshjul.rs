//! The årshjul's tasks per case and month, ticked off with a journal line; the chef's review;
//! and the cases to close, a young adult's only after the contact is recorded.
//!
//! The hand-made unit (today 2026-11-23):
//! - H1: a parent born 1985 with a child in gymnasiet, opened 2026-08-01, Test Handläggare
//! - H2: a young adult born 2004-03-01 (22), opened 2026-08-01, Test Handläggare
//! - H3: an adult born 1970, opened 2026-11-01 (new: not yet a month without an application)
//! - H4: a parent born 1980 with a child born 2018, opened 2026-08-01, Eva Ek
//!
//! None has an application, so H1, H2 and H4 have gone all of October without one.

mod gemensamt;

use bistand::arbete::{self, Aktor};
use bistand::domain::arende::{ArendeStatus, Avslutsorsak};
use bistand::domain::hushall::Roll;
use bistand::domain::manad::Manad;
use bistand::store::Store;
use chrono::NaiveDate;
use gemensamt::*;

fn aktor() -> Aktor {
    Aktor::ny("Anna Handläggare", nu())
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn m(s: &str) -> Manad {
    Manad::parse(s).unwrap()
}

/// Registers a household: the sökande born `fodd`, a child born `barn` (in gymnasiet when asked).
fn hushall_med(
    store: &mut Store,
    n: u16,
    fodd: (i32, u32, u32),
    barn: Option<((i32, u32, u32), bool)>,
    start: &str,
    ss: &str,
) -> i64 {
    let mut medlemmar = vec![person(pnr(fodd.0, fodd.1, fodd.2, 900 + n * 2), "Testa", &format!("Provhushall{n}"))];
    if let Some((f, gymnasiet)) = barn {
        let mut b = person(pnr(f.0, f.1, f.2, 950 + n * 2), "Barnet", &format!("Provhushall{n}"));
        b.roll = Roll::Barn;
        b.gar_i_gymnasiet = gymnasiet;
        medlemmar.push(b);
    }
    let mut a = arende();
    a.startdatum = d(start);
    a.socialsekreterare = ss.into();
    store.skriv(|w| w.skapa_hushall(&hushall(medlemmar), &a, nu())).unwrap().arende_id
}

fn enheten() -> (Store, [i64; 4]) {
    let mut s = Store::open_in_memory().unwrap();
    let h1 = hushall_med(&mut s, 1, (1985, 4, 2), Some(((2009, 5, 5), true)), "2026-08-01", "Test Handläggare");
    let h2 = hushall_med(&mut s, 2, (2004, 3, 1), None, "2026-08-01", "Test Handläggare");
    let h3 = hushall_med(&mut s, 3, (1970, 1, 1), None, "2026-11-01", "Test Handläggare");
    let h4 = hushall_med(&mut s, 4, (1980, 2, 2), Some(((2018, 6, 6), false)), "2026-08-01", "Eva Ek");
    (s, [h1, h2, h3, h4])
}

#[test]
fn each_months_controls_become_tasks_for_the_cases_they_apply_to() {
    let (store, [h1, _, _, h4]) = enheten();
    // June: the tax refund for all four, taking the graduate out of the norm only for H1.
    let juni = store.arshjulsuppgifter(m("2026-06"), None).unwrap();
    assert_eq!(juni.len(), 5);
    assert_eq!(
        juni.iter().filter(|u| u.kontroll == "studenten_norm").map(|u| u.arende_id).collect::<Vec<_>>(),
        vec![h1]
    );
    // February: bank accounts for all, the umgänge certificate for the two with children.
    let feb = store.arshjulsuppgifter(m("2026-02"), None).unwrap();
    assert_eq!(feb.len(), 6);
    let mut umgange: Vec<i64> = feb.iter().filter(|u| u.kontroll == "umgange").map(|u| u.arende_id).collect();
    umgange.sort_unstable();
    assert_eq!(umgange, vec![h1, h4]);
    // One caseworker's view: Eva Ek has H4 only.
    let eva = store.arshjulsuppgifter(m("2026-02"), Some("Eva Ek")).unwrap();
    assert_eq!(eva.len(), 2);
    assert!(eva.iter().all(|u| u.arende_id == h4 && u.handlaggare == "Eva Ek"));
    assert!(store.arshjulsuppgifter(m("2026-07"), None).unwrap().is_empty(), "nothing in July");
}

#[test]
fn ticking_off_a_control_writes_its_journal_line_and_counts_as_done() {
    let (mut store, [h1, ..]) = enheten();
    let juni = m("2026-06");
    arbete::arshjul::bocka_av(&mut store, &aktor(), h1, juni, "skatteaterbaring_jun", "Ingen återbäring i år.")
        .unwrap();
    let rad =
        store.journal(h1).unwrap().into_iter().find(|j| j.rubrik.starts_with("Årshjulet")).expect("a journal line");
    assert_eq!(rad.text, "Årshjulet juni 2026 – Kontrollera skatteåterbäring: Ingen återbäring i år.");
    assert_eq!(rad.skriven_av, "Anna Handläggare");
    let uppgifter = store.arshjulsuppgifter(juni, None).unwrap();
    let klar = uppgifter.iter().find(|u| u.arende_id == h1 && u.kontroll == "skatteaterbaring_jun").unwrap();
    assert!(klar.klar.as_ref().is_some_and(|(_, av)| av == "Anna Handläggare"));
    assert_eq!(uppgifter.iter().filter(|u| u.klar.is_none()).count(), 4, "the other four are still to do");
    let igen = arbete::arshjul::bocka_av(&mut store, &aktor(), h1, juni, "skatteaterbaring_jun", "");
    assert!(igen.unwrap_err().to_string().contains("redan avbockad"));
    let fel_manad = arbete::arshjul::bocka_av(&mut store, &aktor(), h1, m("2026-07"), "skatteaterbaring_jun", "");
    assert!(fel_manad.unwrap_err().to_string().contains("ingen sådan kontroll"));
}

#[test]
fn a_new_version_of_the_arshjul_applies_from_its_date() {
    let (mut store, _) = enheten();
    let mut hjul = store.arshjul(d("2026-06-01")).unwrap();
    hjul.giltig_fran = d("2027-01-01");
    hjul.kontroller.retain(|k| k.manad != 6);
    arbete::arshjul::spara_arshjul(&mut store, &aktor(), (&hjul, None)).unwrap();
    assert_eq!(store.arshjulsuppgifter(m("2026-06"), None).unwrap().len(), 5, "2026 keeps the old version");
    assert!(store.arshjulsuppgifter(m("2027-06"), None).unwrap().is_empty(), "2027 has no June controls");
}

#[test]
fn the_chefs_half_yearly_review_is_a_task_per_caseworker() {
    let (mut store, _) = enheten();
    let halvar = bistand::domain::arshjul::halvar(m("2026-11"));
    let fore = store.genomgangar(&halvar).unwrap();
    assert_eq!(fore, vec![("Eva Ek".to_string(), None), ("Test Handläggare".to_string(), None)]);
    arbete::arshjul::registrera_genomgang(&mut store, &aktor(), "Eva Ek", &halvar).unwrap();
    let efter = store.genomgangar(&halvar).unwrap();
    assert!(efter[0].1.is_some() && efter[1].1.is_none());
    assert!(arbete::arshjul::registrera_genomgang(&mut store, &aktor(), "Eva Ek", &halvar).is_err());
}

#[test]
fn cases_without_an_application_for_a_month_are_proposed_and_a_young_adult_is_contacted_first() {
    let (mut store, [h1, h2, _, h4]) = enheten();
    let forslag = store.avslutsforslag(nu().date()).unwrap();
    let mut ids: Vec<i64> = forslag.iter().map(|r| r.arende_id).collect();
    ids.sort_unstable();
    assert_eq!(ids, vec![h1, h2, h4], "H3 was opened this month");
    let ung: Vec<i64> = forslag.iter().filter(|r| r.ung_vuxen).map(|r| r.arende_id).collect();
    assert_eq!(ung, vec![h2], "the 22-year-old is marked contact first");
    let dir = tempfile::tempdir().unwrap();
    let fil = dir.path().join("avslut.pdf");
    let forst = arbete::arshjul::avsluta_utan_ansokan(&mut store, &aktor(), h2, &fil);
    assert!(forst.unwrap_err().to_string().contains("kontakta klienten först"));
    assert_eq!(store.arende(h2).unwrap().status, ArendeStatus::UnderUtredning, "not closed");
    arbete::arshjul::registrera_kontakt(
        &mut store,
        &aktor(),
        (h2, None),
        d("2026-11-20"),
        "Nådde inte klienten, brev skickat",
    )
    .unwrap();
    let kontakt = store.journal(h2).unwrap().into_iter().find(|j| j.rubrik == "Kontakt före avslut").expect("journal");
    assert!(kontakt.text.contains("Nådde inte klienten"));
    arbete::arshjul::avsluta_utan_ansokan(&mut store, &aktor(), h2, &fil).unwrap();
    let arende = store.arende(h2).unwrap();
    assert_eq!((arende.status, arende.avslutsorsak), (ArendeStatus::Avslutad, Some(Avslutsorsak::EjAnsokt)));
    let text = pdf_text(&std::fs::read(&fil).unwrap());
    assert!(text.contains("Meddelande om avslut") && text.contains("Har inte ansökt på en månad"), "{text}");
    assert!(store.avslutsforslag(nu().date()).unwrap().iter().all(|r| r.arende_id != h2), "no longer proposed");
    // A case that is not proposed is not closed from here.
    let h3 = store.sok_arenden("provhushall3", bistand::store::Sortering::Namn, true, 1).unwrap().rader[0].arende_id;
    assert!(arbete::arshjul::avsluta_utan_ansokan(&mut store, &aktor(), h3, &fil).is_err());
}
