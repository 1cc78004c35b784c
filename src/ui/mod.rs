//! egui: the app shell, one module per screen, shared widgets and the theme.

pub mod ansokan_form;
pub mod ansokan_vy;
pub mod app;
pub mod arende_vy;
pub mod arendelista;
pub mod att_gora;
pub mod bakgrund;
pub mod beslut_vy;
pub mod brev_vy;
pub mod fia_vy;
pub mod frasbibliotek;
pub mod hushall_form;
pub mod ib_vy;
pub mod installningar;
pub mod journal_vy;
pub mod kommandon;
pub mod plan_vy;
pub mod screening_vy;
pub mod tema;
pub mod underhall_vy;
pub mod utkast;
pub mod widgetar;

pub use app::BistandApp;

use crate::store::Store;
use std::path::PathBuf;
use std::time::Instant;

/// The default database in the user's data directory (on Windows under `%APPDATA%`); the
/// training database lies beside it.
pub fn standarddatabas(ovning: bool) -> PathBuf {
    let fil = if ovning { "bistand-ovning.db" } else { "bistand.db" };
    match directories::ProjectDirs::from("se", "Bistand", "Bistand") {
        Some(d) => d.data_dir().join(fil),
        None => PathBuf::from(fil),
    }
}

/// Opens the database, filling a new one with fictitious demo households.
pub fn oppna_databas(sokvag: &std::path::Path, nu: chrono::NaiveDateTime) -> Result<Store, String> {
    let ny = !sokvag.exists();
    let mut store = Store::open(sokvag).map_err(|e| e.to_string())?;
    if ny {
        crate::demo::skapa_demo(&mut store, 12, nu).map_err(|e| format!("Demodata kunde inte skapas: {e}"))?;
    }
    Ok(store)
}

/// Starts the window. A database that cannot be opened is explained in the window itself.
/// With `matstart` (the moment the process began) the window closes after its first frame and
/// the time to it is printed.
pub fn starta(db: Option<PathBuf>, ovning: bool, matstart: Option<Instant>) -> Result<(), String> {
    let sokvag = db.unwrap_or_else(|| standarddatabas(ovning));
    let store = oppna_databas(&sokvag, app::systemklocka());
    let titel = if ovning { "Bistånd – ÖVNINGSLÄGE" } else { "Bistånd" };
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(titel)
        .with_app_id("bistand")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([900.0, 560.0]);
    if let Ok(ikon) = eframe::icon_data::from_png_bytes(include_bytes!("../../icons/bistand.png")) {
        viewport = viewport.with_icon(ikon);
    }
    let options = eframe::NativeOptions {
        viewport,
        // wgpu: Direct3D 12 on Windows, with Microsoft's WARP software rasteriser when there is
        // no GPU (virtual desktops); see the README.
        renderer: eframe::Renderer::Wgpu,
        ..Default::default()
    };
    eframe::run_native(
        titel,
        options,
        Box::new(move |_cc| {
            let app = match store {
                Ok(store) => Box::new(BistandApp::ny(store, ovning, app::systemklocka)) as Box<dyn eframe::App>,
                Err(fel) => Box::new(Felvy { fel }),
            };
            Ok(match matstart {
                Some(start) => Box::new(Matstart { app, start, bilder: 0 }),
                None => app,
            })
        }),
    )
    .map_err(|e| format!("Fönstret kunde inte öppnas: {e}"))
}

/// Shown instead of the program when the database cannot be opened.
struct Felvy {
    fel: String,
}

impl eframe::App for Felvy {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Bistånd kan inte starta");
            ui.add_space(12.0);
            ui.label(&self.fel);
            ui.add_space(12.0);
            if ui.button("Avsluta").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
    }
}

/// `--matstart`: runs the program until its first frame has been drawn, prints the time from
/// process start and closes the window.
struct Matstart {
    app: Box<dyn eframe::App>,
    start: Instant,
    bilder: u32,
}

impl eframe::App for Matstart {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        // The second call begins once the first frame has been painted and presented.
        self.bilder += 1;
        if self.bilder == 2 {
            println!("Första bilden efter {} ms.", self.start.elapsed().as_millis());
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.app.ui(ui, frame);
        ui.ctx().request_repaint();
    }
}
