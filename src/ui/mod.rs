//! egui, in folders by what the user sees: `skal` (the window, top bar, status bar, commands,
//! case list, Att göra), `flikar` (the tabs of an open case), `dialoger`, `installningar`; and
//! what they share: the per-frame `kontext`, widgets, the theme, autosave and background work.

pub mod bakgrund;
pub mod dialoger;
pub mod flikar;
pub mod installningar;
pub mod kassa;
pub mod kontext;
pub mod krock;
pub mod skal;
pub mod statistik;
pub mod tangentko;
pub mod tema;
pub mod utkast;
pub mod widgetar;

pub use skal::app::BistandApp;

use crate::store::{Store, StoreError};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The default database in the user's data directory (on Windows under `%APPDATA%`); the
/// training database lies beside it.
pub fn standarddatabas(ovning: bool) -> PathBuf {
    let riktig = match directories::ProjectDirs::from("se", "Bistand", "Bistand") {
        Some(d) => d.data_dir().join("bistand.db"),
        None => PathBuf::from("bistand.db"),
    };
    if ovning { ovningsfil(&riktig) } else { riktig }
}

/// Why the window could not open its database.
#[derive(Debug)]
pub enum Startfel {
    Databas(StoreError),
    /// The training database could not be filled with the demo households or marked.
    Ovning(StoreError),
    /// IT's settings file (ProgramData) could not be read or applied.
    Installning(String),
}

impl std::fmt::Display for Startfel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Startfel::Databas(e) => e.fmt(f),
            Startfel::Ovning(e) => write!(f, "Övningsdatabasen kunde inte göras i ordning: {e}"),
            Startfel::Installning(t) => f.write_str(t),
        }
    }
}

impl std::error::Error for Startfel {}

/// Opens the database, creating an empty one where none exists. A real database never gets
/// fictitious households: the first-start panel offers the training database instead.
pub fn oppna_databas(sokvag: &Path) -> Result<Store, Startfel> {
    Store::open(sokvag).map_err(Startfel::Databas)
}

/// Opens the training database, filling it with the demo households while it holds nothing.
/// The file is the training database by its role, so one made before databases were marked as
/// training databases is marked now.
pub fn oppna_ovningsdatabas(sokvag: &Path, nu: chrono::NaiveDateTime) -> Result<Store, Startfel> {
    let mut store = oppna_databas(sokvag)?;
    let fel = Startfel::Ovning;
    if store.ar_tom().map_err(fel)? {
        crate::demo::skapa_demo(&mut store, 12, nu).map_err(fel)?;
    } else if !store.ar_ovningsdatabas().map_err(fel)? {
        store.markera_som_ovningsdatabas().map_err(fel)?;
    }
    Ok(store)
}

/// The training database that belongs with a real one: `<namn>-ovning.db` beside it
/// (`bistand-ovning.db` beside the default `bistand.db`).
pub fn ovningsfil(riktig: &Path) -> PathBuf {
    let namn = riktig.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "bistand".into());
    riktig.with_file_name(format!("{namn}-ovning.db"))
}

/// The window's title in training mode.
pub(crate) const TITEL_OVNING: &str = "Bistånd – ÖVNINGSLÄGE";

/// How the window gets its database: a file (or the training database) is opened at once; the
/// unit's server is opened by the waiting window, which tries again while it does not answer.
enum Start {
    Oppnad(Box<Result<Store, Startfel>>),
    Server { databas: String, forbered: skal::vantan::Forberedare, oppna: skal::vantan::Oppnare },
}

fn forbered(db: Option<PathBuf>, ovning: bool) -> Start {
    if ovning {
        return Start::Oppnad(Box::new(oppna_ovningsdatabas(&standarddatabas(true), skal::app::systemklocka())));
    }
    // IT's settings file (ProgramData) names the unit's database and its name.
    let (sokvag, enhet) = match db {
        Some(sokvag) => (sokvag, false),
        None => match crate::installning::databas_for_fonstret(standarddatabas(false)) {
            Ok(p) => (p, true),
            Err(e) => return Start::Oppnad(Box::new(Err(Startfel::Installning(e)))),
        },
    };
    let med_enhet = move |mut store: Store| {
        if enhet {
            crate::installning::tillampa_enhet(&mut store).map_err(Startfel::Installning)?;
        }
        Ok(store)
    };
    let Some(url) = sokvag.to_str().filter(|s| crate::store::server::ar_serveradress(s)).map(str::to_string) else {
        return Start::Oppnad(Box::new(oppna_databas(&sokvag).and_then(med_enhet)));
    };
    let databas = crate::store::server::utan_losenord(&url);
    let utkastfil = crate::store::lokal_utkastfil(&url);
    Start::Server {
        databas,
        forbered: std::sync::Arc::new(move || Store::forbered_server(&url, &utkastfil)),
        oppna: Box::new(move |start| start.oppna().map_err(Startfel::Databas).and_then(med_enhet)),
    }
}

/// Starts the window. A database that cannot be opened is explained in the window itself; while
/// the unit's server does not answer the window says so and keeps trying.
/// With `matstart` (the moment the process began) the window closes after its first frame and
/// the time to it is printed.
pub fn starta(db: Option<PathBuf>, ovning: bool, matstart: Option<Instant>) -> Result<(), String> {
    let start = forbered(db, ovning);
    let titel = if ovning { TITEL_OVNING } else { "Bistånd" };
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
            let klocka = skal::app::systemklocka;
            let app = match start {
                Start::Oppnad(oppnad) => match *oppnad {
                    Ok(store) => Box::new(BistandApp::ny(store, ovning, klocka)) as Box<dyn eframe::App>,
                    Err(fel) => Box::new(Felvy { fel: fel.to_string() }),
                },
                Start::Server { databas, forbered, oppna } => {
                    Box::new(skal::vantan::Vantan::ny(databas, forbered, oppna, ovning, klocka))
                }
            };
            Ok(match matstart {
                Some(start) => Box::new(Matstart { app, start, bilder: 0 }),
                None => app,
            })
        }),
    )
    .map_err(|_| {
        "Fönstret kunde inte öppnas: datorn saknar stöd för grafiken programmet behöver (Direct3D 12, Vulkan eller \
         OpenGL ES). Kommandona utan fönster fungerar ändå (bistand --help)."
            .to_string()
    })
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
