//! The print preview: Ctrl+P opens the laid-out pages of the very PDF that is printed, pages
//! and zoom, Stäng leaves nothing behind, Spara som … writes the file and the journal line, and
//! the chosen printer is remembered.

mod gemensamt;

use bistand::ui::BistandApp;
use bistand::utskrift::Dokument;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gemensamt::nu;
use gemensamt::ui::{demo_med_utskrift, klicka};

/// The demo's Lundin case on the Beslut tab with its first decision chosen: (case, decision).
fn beslut_valt(h: &mut Harness<'static, BistandApp>) -> (i64, i64) {
    h.get_by_label("Sök").type_text("lundin");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    klicka(h, "Beslut");
    let store = h.state().store();
    let id = store.sok_arenden("lundin", bistand::store::Sortering::Namn, true, 1).unwrap().rader[0].arende_id;
    let forsta = store.beslut_for_arende(id).unwrap().into_iter().next().expect("the demo case has decisions");
    klicka(h, &format!("{}  {}", forsta.datum, forsta.utfall.namn()));
    (id, forsta.id)
}

fn ctrl_p(h: &mut Harness<'static, BistandApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
}

fn pdf_sidor(store: &bistand::store::Store, beslut: i64) -> usize {
    let brev = Dokument::Beslutsbrev(beslut).skapa(store, nu().date()).unwrap();
    lopdf::Document::load_mem(&brev.pdf).unwrap().get_pages().len()
}

#[test]
fn ctrl_p_previews_the_pages_of_the_pdf_and_stang_leaves_nothing_behind() {
    let (_dir, utskrifter, mut h) = demo_med_utskrift();
    let (arende, beslut) = beslut_valt(&mut h);
    let journal_fore = h.state().store().journal(arende).unwrap().len();
    let sidor = pdf_sidor(h.state().store(), beslut);
    assert!(sidor >= 2, "a decision letter has its appeal page");
    ctrl_p(&mut h);
    assert!(h.query_by_label(&format!("Sida 1 av {sidor}")).is_some(), "the preview shows the PDF's pages");
    assert!(h.query_by_label_contains("  Ärende ").is_some(), "the identity header line is on the preview");
    klicka(&mut h, "Nästa");
    assert!(h.query_by_label(&format!("Sida 2 av {sidor}")).is_some());
    klicka(&mut h, "Föregående");
    assert!(h.query_by_label(&format!("Sida 1 av {sidor}")).is_some());
    h.key_press(Key::PageDown);
    h.run();
    assert!(h.query_by_label(&format!("Sida 2 av {sidor}")).is_some(), "PageDown turns the page");
    klicka(&mut h, "Zooma in");
    assert!(h.query_by_label("110 %").is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    assert!(h.query_by_label("120 %").is_some(), "Ctrl+plus zooms the page");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    h.run();
    assert!(h.query_by_label("110 %").is_some(), "Ctrl+minus zooms out");
    klicka(&mut h, "Stäng");
    assert!(h.query_by_label_contains("Sida 1 av").is_none() && h.query_by_label_contains("Sida 2 av").is_none());
    assert_eq!(std::fs::read_dir(utskrifter.path()).map(|d| d.count()).unwrap_or(0), 0, "no file is written");
    assert_eq!(h.state().store().journal(arende).unwrap().len(), journal_fore, "no journal line");
}

#[test]
fn spara_som_from_the_preview_writes_the_file_and_the_journal_line() {
    let (_dir, utskrifter, mut h) = demo_med_utskrift();
    let (arende, beslut) = beslut_valt(&mut h);
    ctrl_p(&mut h);
    let fil = utskrifter.path().join("eget namn.pdf");
    assert!(h.state_mut().i_forhandsgranskningen(|g, ctx| g.spara_som(ctx, &fil)));
    h.run();
    assert!(h.query_all_by_label_contains("Brevet är sparat").next().is_some());
    let pdf = std::fs::read(&fil).unwrap();
    assert_eq!(lopdf::Document::load_mem(&pdf).unwrap().get_pages().len(), pdf_sidor(h.state().store(), beslut));
    let journal = h.state().store().journal(arende).unwrap();
    assert!(journal.iter().any(|p| p.rubrik == "Brev utskrivet" && p.text.contains("(eget namn.pdf)")));
}

#[test]
fn the_chosen_printer_is_remembered_when_the_preview_opens_again() {
    let (_dir, _utskrifter, mut h) = demo_med_utskrift();
    beslut_valt(&mut h);
    ctrl_p(&mut h);
    assert!(h.state_mut().i_forhandsgranskningen(|g, ctx| g.valj_skrivare(ctx, "Kontor-plan3")));
    h.run();
    klicka(&mut h, "Stäng");
    ctrl_p(&mut h);
    let mut vald = String::new();
    assert!(h.state_mut().i_forhandsgranskningen(|g, _| vald = g.vald_skrivare().to_string()));
    assert_eq!(vald, "Kontor-plan3");
}

/// `lp` is how Linux and macOS print; Windows saves and opens the letter instead.
#[cfg(not(windows))]
#[test]
fn a_failed_print_says_why_in_swedish_and_writes_no_journal_line() {
    let (_dir, _utskrifter, mut h) = demo_med_utskrift();
    let (arende, _) = beslut_valt(&mut h);
    let journal_fore = h.state().store().journal(arende).unwrap().len();
    ctrl_p(&mut h);
    assert!(h.state_mut().i_forhandsgranskningen(|g, ctx| g.valj_skrivare(ctx, "Finns-inte-4711")));
    h.run();
    klicka(&mut h, "Skriv ut");
    assert!(h.query_all_by_label_contains("Brevet skrevs inte ut:").next().is_some(), "the reason, in Swedish");
    assert_eq!(h.state().store().journal(arende).unwrap().len(), journal_fore, "nothing was printed");
}
