//! Helpers for the UI flows: a harness over the whole program, typing and clicking by label.

use super::{nu, open, open_fil, temp_db};
use bistand::store::Store;
use bistand::ui::BistandApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

pub fn fast_klocka() -> chrono::NaiveDateTime {
    nu()
}

/// The user the UI tests are logged in as: a 1:e socialsekreterare (every case, every action).
pub fn testanvandare() -> bistand::arbete::Aktor {
    bistand::arbete::Aktor::ny("Test Handläggare", nu())
}

pub fn harness(store: Store) -> Harness<'static, BistandApp> {
    harness_som(store, testanvandare())
}

/// A window logged in as `aktor`.
pub fn harness_som(store: Store, aktor: bistand::arbete::Aktor) -> Harness<'static, BistandApp> {
    harness_med(store, aktor, egui::vec2(1400.0, 1000.0))
}

/// The program in a window of this size (a laptop's, to see that nothing runs off its edge).
pub fn harness_med_storlek(store: Store, storlek: egui::Vec2) -> Harness<'static, BistandApp> {
    harness_med(store, testanvandare(), storlek)
}

fn harness_med(store: Store, aktor: bistand::arbete::Aktor, storlek: egui::Vec2) -> Harness<'static, BistandApp> {
    let app = BistandApp::ny(store, false, fast_klocka).inloggad_som(aktor);
    let mut h = Harness::builder().with_size(storlek).build_ui_state(|ui, app: &mut BistandApp| app.visa(ui), app);
    kor(&mut h);
    h
}

/// Runs frames until the window is still. What the window waits for in the background (figures
/// computed off the window's thread, on a server too) gets up to ten seconds of real time.
pub fn kor(h: &mut Harness<'static, BistandApp>) {
    let slut = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while h.run_ok().is_none() {
        assert!(std::time::Instant::now() < slut, "the window never became still");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Whether a text containing `text` is on screen.
pub fn visas(h: &Harness<'static, BistandApp>, text: &str) -> bool {
    h.query_by_label_contains(text).is_some()
}

/// The value of the field with this label.
pub fn varde(h: &Harness<'static, BistandApp>, etikett: &str) -> Option<String> {
    h.get_by_label(etikett).value()
}

/// Focuses the field with this label and types into it.
pub fn skriv(h: &mut Harness<'static, BistandApp>, etikett: &str, text: &str) {
    h.get_by_label(etikett).scroll_to_me();
    kor(h);
    h.get_by_label(etikett).focus();
    kor(h);
    h.get_by_label(etikett).type_text(text);
    kor(h);
}

pub fn klicka(h: &mut Harness<'static, BistandApp>, etikett: &str) {
    h.get_by_label(etikett).scroll_to_me();
    kor(h);
    h.get_by_label(etikett).click();
    kor(h);
}

/// The demo, with letters written to a temporary folder instead of opened in a viewer.
pub fn demo_med_utskrift() -> (tempfile::TempDir, tempfile::TempDir, Harness<'static, BistandApp>) {
    let (dir, path) = temp_db();
    let mut store = open(&path);
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    let utskrifter = tempfile::tempdir().unwrap();
    let app = BistandApp::ny(store, false, fast_klocka)
        .med_utskrift(utskrifter.path().to_path_buf(), false)
        .inloggad_som(testanvandare());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_ui_state(|ui, app: &mut BistandApp| app.visa(ui), app);
    kor(&mut h);
    (dir, utskrifter, h)
}

pub fn demo_harness() -> (tempfile::TempDir, Harness<'static, BistandApp>) {
    demo_harness_i(open)
}

/// The demo in a database file whatever the tests are pointed at (for the file's backups).
#[allow(dead_code)]
pub fn demo_harness_i_fil() -> (tempfile::TempDir, Harness<'static, BistandApp>) {
    demo_harness_i(open_fil)
}

fn demo_harness_i(oppna: fn(&std::path::Path) -> Store) -> (tempfile::TempDir, Harness<'static, BistandApp>) {
    let (dir, path) = temp_db();
    let mut store = oppna(&path);
    bistand::demo::skapa_demo(&mut store, 12, nu()).unwrap();
    (dir, harness(store))
}

/// The print preview is open: saves its letter as `brev.pdf` in `mapp` the way "Spara som …"
/// does once a place is chosen (the file dialog cannot run headless), then closes it with Esc.
pub fn spara_fran_forhandsgranskningen(
    h: &mut Harness<'static, BistandApp>,
    mapp: &std::path::Path,
) -> std::path::PathBuf {
    assert!(h.query_by_label_contains("Sida 1 av").is_some(), "the print preview is open");
    let fil = mapp.join("brev.pdf");
    assert!(h.state_mut().i_forhandsgranskningen(|g, ctx| g.spara_som(ctx, &fil)));
    kor(h);
    h.key_press(egui::Key::Escape);
    kor(h);
    assert!(h.query_by_label_contains("Sida 1 av").is_none(), "Esc closes the preview");
    fil
}
