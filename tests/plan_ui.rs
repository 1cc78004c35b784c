//! The förändringsplan as a caseworker writes it with the client: no red errors before there is
//! anything wrong, messages at the field that is wrong, the signature asked for rather than
//! assumed, the keyboard in the row just added, and a plan for each adult of a couple.

mod gemensamt;

use bistand::store::Sortering;
use bistand::ui::BistandApp;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use gemensamt::ui::*;
use gemensamt::*;

type H = Harness<'static, BistandApp>;

/// Opens the case found by `namn` on its Plan tab; returns the case's id.
fn oppna_plan(h: &mut H, namn: &str) -> i64 {
    h.get_by_label("Sök").type_text(namn);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    klicka(h, "Plan");
    h.state().store().sok_arenden(namn, Sortering::Namn, true, 1).unwrap().rader[0].arende_id
}

const STEG1: &str = "Steg 1: Aktuell situation";

#[test]
fn a_new_plan_opens_without_errors_and_shows_them_at_the_fields_once_it_is_to_be_agreed() {
    let (_dir, mut h) = demo_harness();
    oppna_plan(&mut h, "strand");
    klicka(&mut h, "Ny plan");
    assert!(
        h.query_by_label_contains("Beskriv den aktuella situationen").is_none(),
        "an empty new plan is not an error yet"
    );
    klicka(&mut h, "Kom överens om planen …");
    assert!(h.query_by_label_contains("Beskriv den aktuella situationen (steg 1)").is_some());
    assert!(h.query_by_label_contains("rätta det som är markerat ovan").is_some());
    assert!(h.query_by_label("Ja, planen är överenskommen").is_none(), "not offered while the plan is incomplete");
}

#[test]
fn a_wrong_date_in_a_step_is_named_at_once_below_its_row() {
    let (_dir, mut h) = demo_harness();
    oppna_plan(&mut h, "strand");
    klicka(&mut h, "Ny plan");
    klicka(&mut h, "Lägg till steg");
    skriv(&mut h, "Steg 5, rad 1: senast", "15 dec");
    assert!(h.query_by_label_contains("Steg 5, rad 1: skriv datumet som ÅÅÅÅ-MM-DD").is_some());
    assert!(
        h.query_by_label_contains("skriv vad steget är").is_none(),
        "the empty step is not an error before the plan is to be agreed"
    );
}

#[test]
fn text_typed_right_after_adding_a_requirement_lands_in_it() {
    let (_dir, mut h) = demo_harness();
    oppna_plan(&mut h, "strand");
    klicka(&mut h, "Ny plan");
    klicka(&mut h, "Lägg till krav");
    h.run();
    h.event(egui::Event::Text("Söka fem arbeten i veckan".into()));
    h.run();
    assert_eq!(h.get_by_label("Krav 1").value().as_deref(), Some("Söka fem arbeten i veckan"));
}

#[test]
fn the_signature_is_asked_for_and_a_bad_agreement_date_is_shown_at_its_field() {
    let (_dir, mut h) = demo_harness();
    let id = oppna_plan(&mut h, "strand");
    klicka(&mut h, "Ny plan");
    skriv(&mut h, STEG1, "Du har flyttat hemifrån och söker ditt första arbete.");
    klicka(&mut h, "Kom överens om planen …");
    assert_eq!(
        h.get_by_label("Klienten har signerat planen").accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::False),
        "signing is not assumed"
    );
    klicka(&mut h, "Ja, planen är överenskommen");
    assert!(h.query_by_label_contains("Skriv varför klienten inte har signerat").is_some());
    klicka(&mut h, "Klienten har signerat planen");
    h.get_by_label("Överenskommet datum").focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.get_by_label("Överenskommet datum").type_text("2026-13-40");
    h.run();
    klicka(&mut h, "Ja, planen är överenskommen");
    assert!(h.query_by_label_contains("Överenskommet datum: ").is_some(), "the message names the field");
    let plan = h.state().store().aktuell_plan(id, None).unwrap();
    assert!(plan.is_none_or(|p| p.overenskommen.is_none()), "nothing is agreed on a bad date");
}

#[test]
fn each_adult_of_a_couple_has_a_plan_of_their_own_signed_with_their_name() {
    let (_dir, utskrifter, mut h) = demo_med_utskrift();
    let id = oppna_plan(&mut h, "berglund");
    assert!(h.query_by_label("Plan för:").is_some(), "a couple chooses whose plan");
    klicka(&mut h, "Plan för Johan Berglund");
    klicka(&mut h, "Ny plan");
    skriv(&mut h, STEG1, "Du arbetar deltid och vill arbeta heltid.");
    klicka(&mut h, "Kom överens om planen …");
    klicka(&mut h, "Klienten har signerat planen");
    klicka(&mut h, "Ja, planen är överenskommen");
    assert!(h.query_by_label_contains("Planen är överenskommen 2026-11-23").is_some());
    klicka(&mut h, "Skriv ut planen");
    let fil = spara_fran_forhandsgranskningen(&mut h, utskrifter.path());
    let text = pdf_text(&std::fs::read(fil).unwrap());
    assert!(text.contains("Förändringsplan för Johan Berglund"), "{text}");
    assert!(text.lines().any(|l| l.trim() == "Johan Berglund"), "the client signs by name: {text}");
    assert!(!text.lines().any(|l| l.trim() == "Du"), "no signature line says «Du»");

    klicka(&mut h, "Plan för Maria Berglund");
    assert!(h.query_by_label_contains("Ingen plan ännu").is_some(), "Maria's plan is her own");
    let store = h.state().store();
    assert!(store.aktuell_plan(id, None).unwrap().is_none(), "the applicant has no plan yet");
    assert_eq!(store.planer(id).unwrap().len(), 1);
}

#[test]
fn a_saved_draft_that_is_only_looked_at_is_not_offered_for_restore() {
    let (_dir, path) = temp_db();
    {
        let mut store = open(&path);
        bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    }
    {
        let mut h = harness(open(&path));
        oppna_plan(&mut h, "strand");
        klicka(&mut h, "Ny plan");
        skriv(&mut h, STEG1, "Du söker ditt första arbete.");
        klicka(&mut h, "Spara utkast");
    }
    {
        let mut h = harness(open(&path));
        oppna_plan(&mut h, "strand");
        assert_eq!(h.get_by_label(STEG1).value().as_deref(), Some("Du söker ditt första arbete."), "the saved draft");
    }
    assert!(
        open(&path).alla_utkast(&testanvandare().login).unwrap().is_empty(),
        "looking at a saved draft leaves no draft behind"
    );
}

#[test]
fn a_fia_interview_is_with_a_chosen_adult_and_its_goals_go_into_that_adults_plan() {
    let (_dir, mut h) = demo_harness();
    let id = oppna_plan(&mut h, "berglund");
    klicka(&mut h, "FIA");
    klicka(&mut h, "Starta FIA-intervju");
    klicka(&mut h, "Intervjun gäller Johan Berglund");
    klicka(&mut h, "Pausa och spara");
    assert!(h.query_by_label_contains("– Johan Berglund (pausad)").is_some(), "the list names the adult");
    let fia = h.state().store().fia_intervjuer(id).unwrap().remove(0).intervju;
    let johan = h.state().store().planpersoner(id, nu().date()).unwrap()[1].clone();
    assert_eq!((johan.namn.as_str(), fia.person_id), ("Johan Berglund", Some(johan.person_id)));
}

#[test]
fn a_partner_moving_out_later_lives_there_and_has_a_plan_until_the_last_day() {
    use bistand::domain::hushallsandring::{AndringFormular, Andringsslag};
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let id = store.sok_arenden("berglund", Sortering::Namn, true, 1).unwrap().rader[0].arende_id;
    let hushall_id = store.arende(id).unwrap().hushall_id;
    let hushall = store.hushall(hushall_id).unwrap();
    let roll = bistand::domain::hushall::Roll::Medsokande;
    let johan = hushall.medlemmar.iter().find(|m| m.roll == roll).unwrap().person.pnr.twelve_digits();
    let form = AndringFormular {
        slag: Andringsslag::FlyttarUt,
        person: Some(johan),
        datum: "2026-12-31".into(),
        ..Default::default()
    };
    bistand::arbete::hushall::andra_hushall(&mut store, &gemensamt::ui::testanvandare(), id, &form).unwrap();
    let idag = nu().date();
    let hushall = store.hushall(hushall_id).unwrap();
    assert_eq!(hushall.boende_den(idag).len(), 4, "Johan lives there until his last day");
    assert_eq!(store.planpersoner(id, idag).unwrap().len(), 2, "and has his plan until then");
    let nyar = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    assert_eq!(hushall.boende_den(nyar).len(), 3);
    assert_eq!(store.planpersoner(id, nyar).unwrap().len(), 1);
}
