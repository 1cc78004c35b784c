//! The use cases: each action leaves its event-log line and an automatic journal line a
//! caseworker can read in the case's journal, and the window and the CLI share them.

mod gemensamt;

use bistand::arbete::{
    self, Aktor, Arbetsfel,
    arende::Ansvar,
    plan::{Lasning, Overenskommelse},
};
use bistand::domain::ansokan::AnsokanFormular;
use bistand::domain::arende::ArendeStatus;
use bistand::domain::falt::{Falt, Personuppgift, Vem};
use bistand::domain::fia::{FiaIntervju, Mal};
use bistand::domain::hushall::{Adress, HushallFormular, PersonFalt};
use bistand::domain::journal::JournalFormular;
use bistand::domain::manad::Manad;
use bistand::domain::plan::Planinnehall;
use bistand::domain::screening::Instrument;
use bistand::store::Store;
use bistand::utskrift::Dokument;
use gemensamt::*;

const HANDLAGGARE: &str = "Anna Handläggare";

fn aktor() -> Aktor {
    Aktor::ny(HANDLAGGARE, nu())
}

fn formular() -> HushallFormular {
    HushallFormular {
        sokande: PersonFalt {
            pnr: pnr(1985, 4, 2, 983).to_string(),
            fornamn: "Vera".into(),
            efternamn: "Provberg".into(),
            ..Default::default()
        },
        adress: Adress { gatuadress: "Provgatan 3".into(), postnummer: "123 45".into(), postort: "Stockholm".into() },
        telefon: "070-000 00 00".into(),
        ..Default::default()
    }
}

/// A registered household; returns its case id.
fn registrerat(store: &mut Store) -> i64 {
    let ansvar = Ansvar { socialsekreterare: HANDLAGGARE.into(), ..Default::default() };
    arbete::arende::registrera_hushall(store, &aktor(), &formular(), &ansvar).unwrap().arende_id
}

/// The automatic journal line with this heading: its text (the newest such line).
fn journalrad(store: &Store, arende_id: i64, rubrik: &str) -> String {
    let poster = store.journal(arende_id).unwrap();
    let post = poster.iter().find(|p| p.rubrik == rubrik);
    let post = post.unwrap_or_else(|| panic!("no journal line «{rubrik}» in {:?}", poster));
    assert_eq!(post.skriven_av, HANDLAGGARE, "the line is signed by the one who acted");
    post.text.clone()
}

fn loggad(store: &Store, arende_id: i64, handelse: &str) -> bool {
    store.logg_for_arende(arende_id).unwrap().iter().any(|l| l.handelse == handelse && l.anvandare == HANDLAGGARE)
}

/// A saved application for November 2026; returns the case id.
fn med_ansokan(store: &mut Store) -> i64 {
    let id = registrerat(store);
    let medlemmar = store.hushall(store.arende(id).unwrap().hushall_id).unwrap().medlemmar;
    let form = AnsokanFormular::ny(Manad::new(2026, 11).unwrap(), nu().date(), &medlemmar);
    let regler = store.regler().unwrap();
    arbete::ansokan::spara_ansokan(store, &aktor(), id, &form, None, &regler).unwrap();
    id
}

#[test]
fn registering_a_household_writes_its_journal_line() {
    let mut store = Store::open_in_memory().unwrap();
    let id = registrerat(&mut store);
    assert_eq!(journalrad(&store, id, "Hushållet registrerat"), "Hushållet registrerat: Vera Provberg, 1 person");
    assert!(loggad(&store, id, "Registrerade hushållet"));
}

#[test]
fn an_invalid_household_is_refused_at_its_fields_and_nothing_is_written() {
    let mut store = Store::open_in_memory().unwrap();
    let mut f = formular();
    f.sokande.pnr = "19850402-0000".into();
    let fel = arbete::arende::registrera_hushall(&mut store, &aktor(), &f, &Ansvar::default()).unwrap_err();
    assert!(
        matches!(&fel, Arbetsfel::Falt(f) if f.iter().any(|f| f.falt == Falt::Person(Vem::Sokande, Personuppgift::Pnr))),
        "{fel}"
    );
    assert_eq!(store.antal_hushall().unwrap(), 0);
}

#[test]
fn saving_an_application_writes_the_month_and_amount_in_the_journal() {
    let mut store = Store::open_in_memory().unwrap();
    let id = med_ansokan(&mut store);
    let beviljas = store.ansokningar(id).unwrap()[0].beviljas;
    let rad = journalrad(&store, id, "Ansökan sparad");
    assert_eq!(rad, format!("Ansökan sparad: november 2026, {} i försörjningsstöd", beviljas.i_text()));
    assert!(rad.contains(" kr i försörjningsstöd") && !rad.contains(",00 kr"), "{rad}");
    assert!(loggad(&store, id, "Sparade ansökan"));
}

#[test]
fn a_decision_writes_its_outcome_and_a_second_one_amends_the_first() {
    let mut store = Store::open_in_memory().unwrap();
    let id = med_ansokan(&mut store);
    let beviljas = store.ansokningar(id).unwrap()[0].beviljas;
    let form = arbete::beslut::nytt_beslut(&store, &aktor(), id).unwrap();
    assert_eq!((form.andrar, form.beslutsfattare.as_str()), (None, HANDLAGGARE));
    assert_eq!(store.arende(id).unwrap().status, ArendeStatus::UnderUtredning);
    let forsta = arbete::beslut::fatta_beslut(&mut store, &aktor(), id, &form, false).unwrap();
    assert_eq!(store.arende(id).unwrap().status, ArendeStatus::Aktuell, "the first grant ends the investigation");
    assert!(journalrad(&store, id, "Status ändrad").contains("utredningen avslutad med beslut"));
    assert_eq!(
        journalrad(&store, id, "Beslut fattat"),
        format!("Beslut fattat: försörjningsstöd november 2026, bifall {}", beviljas.i_text())
    );
    assert!(loggad(&store, id, "Fattade beslut"));
    let andra = arbete::beslut::nytt_beslut(&store, &aktor(), id).unwrap();
    assert_eq!(andra.andrar, Some(forsta), "a new decision on a decided application amends the earlier one");
    arbete::beslut::fatta_beslut(&mut store, &aktor(), id, &andra, false).unwrap();
    let datum = store.beslut(forsta).unwrap().beslut.datum;
    let rad = journalrad(&store, id, "Beslut fattat");
    assert!(rad.ends_with(&format!("ändrar beslutet den {datum}")), "named by its date, not an internal number: {rad}");
}

#[test]
fn a_decision_without_an_application_is_explained() {
    let mut store = Store::open_in_memory().unwrap();
    let id = registrerat(&mut store);
    let fel = arbete::beslut::nytt_beslut(&store, &aktor(), id).unwrap_err();
    assert!(fel.to_string().contains("ingen ansökan att besluta om"), "{fel}");
}

#[test]
fn printing_a_letter_saves_it_and_notes_it_in_the_journal() {
    let mut store = Store::open_in_memory().unwrap();
    let id = med_ansokan(&mut store);
    let form = arbete::beslut::nytt_beslut(&store, &aktor(), id).unwrap();
    let beslut = arbete::beslut::fatta_beslut(&mut store, &aktor(), id, &form, false).unwrap();
    let mapp = tempfile::tempdir().unwrap();
    let fil = mapp.path().join("beslut.pdf");
    arbete::brev::skriv_ut(&mut store, &aktor(), &Dokument::Beslutsbrev(beslut), &fil).unwrap();
    assert!(pdf_text(&std::fs::read(&fil).unwrap()).contains("Vera Provberg"), "the letter is the decision's");
    assert_eq!(journalrad(&store, id, "Brev utskrivet"), "Brev utskrivet: Beslut om ekonomiskt bistånd (beslut.pdf)");
    assert!(loggad(&store, id, "Skrev ut brev"));
}

#[test]
fn a_letter_that_cannot_be_saved_is_not_noted_as_printed() {
    let mut store = Store::open_in_memory().unwrap();
    let id = med_ansokan(&mut store);
    let form = arbete::beslut::nytt_beslut(&store, &aktor(), id).unwrap();
    let beslut = arbete::beslut::fatta_beslut(&mut store, &aktor(), id, &form, false).unwrap();
    let mapp = tempfile::tempdir().unwrap();
    let fil = mapp.path().join("saknas").join("beslut.pdf");
    let fel = arbete::brev::skriv_ut(&mut store, &aktor(), &Dokument::Beslutsbrev(beslut), &fil).unwrap_err();
    assert!(fel.to_string().contains("kan inte sparas"), "{fel}");
    assert!(store.journal(id).unwrap().iter().all(|p| p.rubrik != "Brev utskrivet"));
}

#[test]
fn changing_status_and_staff_writes_journal_lines() {
    let mut store = Store::open_in_memory().unwrap();
    let id = registrerat(&mut store);
    let a = arbete::arende::andra_status(&mut store, &aktor(), id, ArendeStatus::Aktuell, None).unwrap();
    assert_eq!(a.status, ArendeStatus::Aktuell);
    assert_eq!(journalrad(&store, id, "Status ändrad"), "Status ändrad: aktuell");
    let ansvar = Ansvar { socialsekreterare: "Bo Bäck".into(), ..Default::default() };
    let a = arbete::arende::andra_ansvar(&mut store, &aktor(), id, &ansvar).unwrap();
    assert_eq!(a.socialsekreterare, "Bo Bäck");
    assert!(journalrad(&store, id, "Ansvariga ändrade").contains("socialsekreterare Bo Bäck"));
}

#[test]
fn voiding_a_journal_entry_writes_a_line_naming_it() {
    let mut store = Store::open_in_memory().unwrap();
    let id = registrerat(&mut store);
    let form = JournalFormular {
        datum: "2026-11-23".into(),
        rubrik: "Nybesök".into(),
        text: "Besök på kontoret.".into(),
        ersatter: None,
    };
    let (post, _) = arbete::journal::skriv_journal(&mut store, &aktor(), id, &form).unwrap();
    let kort = arbete::journal::makulera_journal(&mut store, &aktor(), id, post, "kort").unwrap_err();
    assert!(kort.to_string().contains("minst fem tecken"), "{kort}");
    arbete::journal::makulera_journal(&mut store, &aktor(), id, post, "Fel ärende").unwrap();
    assert_eq!(
        journalrad(&store, id, "Anteckning makulerad"),
        "Anteckning makulerad: \"Nybesök\" (skriven 2026-11-23)"
    );
    let makulerad = store.journal(id).unwrap().into_iter().find(|p| p.id == post).unwrap();
    assert_eq!(makulerad.makulering.unwrap().orsak, "Fel ärende");
}

#[test]
fn agreeing_a_plan_writes_the_date_in_the_journal_and_an_incomplete_plan_is_refused() {
    let mut store = Store::open_in_memory().unwrap();
    let id = registrerat(&mut store);
    let mut innehall = Planinnehall::default();
    let o = Overenskommelse { datum: "2026-11-20".into(), signerad: true, orsak: String::new() };
    let fel = arbete::plan::kom_overens(&mut store, &aktor(), (id, Lasning::Osedd), None, &innehall, &o).unwrap_err();
    assert!(matches!(fel, Arbetsfel::Falt(_)), "step 1 is required: {fel}");
    assert!(store.planer(id).unwrap().is_empty(), "nothing is saved");
    innehall.fritext[0] = "Arbetssökande sedan i våras.".into();
    arbete::plan::kom_overens(&mut store, &aktor(), (id, Lasning::Osedd), None, &innehall, &o).unwrap();
    assert_eq!(
        journalrad(&store, id, "Förändringsplan överenskommen"),
        "Förändringsplan överenskommen: 2026-11-20, signerad av klienten"
    );
    assert!(loggad(&store, id, "Kom överens om förändringsplan"));
}

#[test]
fn saving_a_fia_interview_and_a_screening_write_journal_lines() {
    let mut store = Store::open_in_memory().unwrap();
    let id = registrerat(&mut store);
    let intervju = FiaIntervju { definition_version: 1, datum: Some(nu().date()), ..Default::default() };
    arbete::fia::spara_fia(&mut store, &aktor(), id, None, &intervju).unwrap();
    assert_eq!(journalrad(&store, id, "FIA sparad"), "FIA sparad: intervju 2026-11-23, 0 mål");
    let medlem = store.hushall(store.arende(id).unwrap().hushall_id).unwrap().medlemmar.remove(0);
    let svar = vec![Some(0); Instrument::Audit.fragor().len()];
    arbete::screening::spara_screening(&mut store, &aktor(), id, &medlem, Instrument::Audit, "2026-11-23", &svar)
        .unwrap();
    let rad = journalrad(&store, id, "Screening sparad");
    assert_eq!(rad, "Screening sparad: med Vera Provberg 2026-11-23; svaren finns under fliken Screening");
    assert!(!rad.contains("AUDIT") && !rad.contains("poäng"), "the sensitive answers stay on the Screening tab");
}

#[test]
fn goals_from_fia_go_into_a_plan_draft_signed_by_the_user() {
    let mut store = Store::open_in_memory().unwrap();
    let id = registrerat(&mut store);
    let intervju = FiaIntervju {
        definition_version: 1,
        datum: Some(nu().date()),
        mal: vec![Mal { mal: "Arbete inom vården".into(), delmal: vec!["Ta körkort".into(), " ".into()] }],
        ..Default::default()
    };
    arbete::fia::mal_till_plan(&mut store, &aktor(), id, &intervju).unwrap();
    let plan = store.planer(id).unwrap().remove(0);
    assert_eq!(plan.av, HANDLAGGARE, "the draft is the user's, not «FIA»");
    assert_eq!(plan.innehall.fritext[1], "Arbete inom vården");
    assert_eq!(plan.innehall.fritext[3], "Ta körkort");
    assert_eq!(
        journalrad(&store, id, "Mål från FIA till förändringsplanen"),
        "Mål från FIA till förändringsplanen: 1 mål"
    );
    let igen = arbete::fia::mal_till_plan(&mut store, &aktor(), id, &intervju).unwrap_err();
    assert!(igen.to_string().contains("redan ett utkast"), "{igen}");
}

/// The särskild beräkningsregel (jobbstimulans) on a window application needs the month it
/// started, is stored with the application, and stops 24 months after that month.
#[test]
fn the_special_rule_needs_its_start_month_and_ends_after_24_months() {
    use bistand::domain::ansokan::InkomstFalt;
    use bistand::domain::falt::Raduppgift;
    use bistand::domain::norm::Inkomsttyp;
    let mut store = Store::open_in_memory().unwrap();
    let id = registrerat(&mut store);
    let medlemmar = store.hushall(store.arende(id).unwrap().hushall_id).unwrap().medlemmar;
    let mut form = AnsokanFormular::ny(Manad::new(2026, 11).unwrap(), nu().date(), &medlemmar);
    form.inkomster = vec![InkomstFalt {
        typ: Some(Inkomsttyp::Lon),
        person: Some(0),
        belopp: "8000".into(),
        jobbstimulans: true,
        ..Default::default()
    }];
    let regler = store.regler().unwrap();
    let fel = arbete::ansokan::spara_ansokan(&mut store, &aktor(), id, &form, None, &regler).unwrap_err();
    assert!(
        matches!(&fel, Arbetsfel::Falt(f) if f.iter().any(|f| f.falt == Falt::Inkomst(0, Raduppgift::Startmanad))),
        "{fel}"
    );
    // Started December 2024: November 2026 is month 24, the last one.
    form.inkomster[0].berakningsregel_fran = "2024-12".into();
    let sparad = arbete::ansokan::spara_ansokan(&mut store, &aktor(), id, &form, None, &regler).unwrap();
    let sparad = store.ansokan(sparad.id).unwrap();
    assert_eq!(sparad.ansokan.underlag.inkomster[0].berakningsregel_fran, Manad::new(2024, 12));
    assert_eq!(AnsokanFormular::from(&sparad.ansokan).inkomster[0].berakningsregel_fran, "2024-12");
    let tabell = store.normtabell(sparad.normtabell_id).unwrap();
    let r = bistand::domain::norm::berakna(&sparad.ansokan.underlag, &tabell, &sparad.regler).unwrap();
    let text = format!("{:?}", r.rader);
    assert!(text.contains("månad 24 av högst 24"), "{text}");
    // Started November 2024: in November 2026 the rule has ended and the whole pay counts.
    form.inkomster[0].berakningsregel_fran = "2024-11".into();
    let sparad = arbete::ansokan::spara_ansokan(&mut store, &aktor(), id, &form, None, &regler).unwrap();
    let sparad = store.ansokan(sparad.id).unwrap();
    let r = bistand::domain::norm::berakna(&sparad.ansokan.underlag, &tabell, &sparad.regler).unwrap();
    let text = format!("{:?}", r.rader);
    assert!(text.contains("har upphört"), "{text}");
}
