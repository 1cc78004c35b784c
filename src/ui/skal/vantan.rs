//! The window before the unit's database is open (issue 16): when the server does not answer at
//! start, the window still opens and says so, a thread of its own tries again (at most every
//! [`PAUS`]), and the login follows by itself once the server answers. Nothing that needs the
//! database is shown before then.

use super::app::{BistandApp, Klocka};
use crate::store::StoreError;
use crate::store::server::Serverstart;
use crate::ui::Startfel;
use crate::ui::tema::{self, Signal};
use egui::RichText;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};
use std::time::{Duration, Instant};

/// What the window says while the server does not answer (in the style of the status bar's
/// line when the contact is lost later).
pub const INGEN_KONTAKT: &str = "Ingen kontakt med enhetens databas – försöker igen …";
/// What the window says during the first attempt.
pub const ANSLUTER: &str = "Ansluter till enhetens databas …";

/// The shortest time between two attempts (as when the contact is lost later).
pub const PAUS: Duration = Duration::from_secs(2);

/// Connects to the server and checks its schema (on the background thread; called again after
/// each attempt the server did not answer).
pub type Forberedare = Arc<dyn Fn() -> Result<Serverstart, StoreError> + Send + Sync>;

/// Makes the program's store of the connection (on the window's thread: a few quick queries),
/// with IT's settings applied.
pub type Oppnare = Box<dyn Fn(Serverstart) -> Result<crate::store::Store, Startfel>>;

/// What one attempt gave.
enum Forsok {
    Ansluten(Box<Serverstart>),
    /// The server did not answer: why, in Swedish.
    IngenKontakt(String),
    /// Anything else ends the waiting (a wrong password, a newer database …).
    Fel(String),
}

enum Lage {
    Ansluter,
    IngenKontakt { orsak: String, forsok: u32 },
    Oppet(Box<BistandApp>),
    Fel(String),
}

/// The window that waits for the unit's server, then is the program.
pub struct Vantan {
    databas: String,
    forbered: Forberedare,
    oppna: Oppnare,
    svar: Receiver<Forsok>,
    lage: Lage,
    ovning: bool,
    klocka: Klocka,
    tema_klart: bool,
}

impl Vantan {
    /// Starts trying to reach the database named `databas` (as the window shows it, without a
    /// password) with `forbered`, on a thread of its own; `oppna` makes the store once it answers.
    pub fn ny(databas: String, forbered: Forberedare, oppna: Oppnare, ovning: bool, klocka: Klocka) -> Vantan {
        let svar = forsok_i_bakgrunden(forbered.clone());
        Vantan { databas, forbered, oppna, svar, lage: Lage::Ansluter, ovning, klocka, tema_klart: false }
    }

    /// The program once its database is open (tests look at it).
    pub fn program(&self) -> Option<&BistandApp> {
        match &self.lage {
            Lage::Oppet(app) => Some(app),
            _ => None,
        }
    }

    /// One frame: the program once the database is open, until then the waiting screen.
    pub fn visa(&mut self, ui: &mut egui::Ui) {
        self.ta_emot();
        if let Lage::Oppet(app) = &mut self.lage {
            app.visa(ui);
            return;
        }
        if !self.tema_klart {
            // Fonts and styles take effect from the next frame: draw nothing until then.
            tema::installera_typsnitt(ui.ctx());
            tema::installera(ui.ctx(), false);
            self.tema_klart = true;
            ui.ctx().request_repaint();
            return;
        }
        // The answer is looked for four times a second; nothing else runs meanwhile.
        ui.ctx().request_repaint_after(Duration::from_millis(250));
        egui::CentralPanel::default().show(ui, |ui| self.vantskarm(ui));
    }

    /// Takes the attempts that finished since the last frame.
    fn ta_emot(&mut self) {
        while let Ok(forsok) = self.svar.try_recv() {
            self.lage = match (forsok, &self.lage) {
                (Forsok::Ansluten(start), _) => self.oppna_programmet(*start),
                (Forsok::IngenKontakt(orsak), Lage::IngenKontakt { forsok, .. }) => {
                    Lage::IngenKontakt { orsak, forsok: forsok + 1 }
                }
                (Forsok::IngenKontakt(orsak), _) => Lage::IngenKontakt { orsak, forsok: 1 },
                (Forsok::Fel(text), _) => Lage::Fel(text),
            };
        }
    }

    /// The program over the server that answered; should the contact break just now, the
    /// waiting goes on.
    fn oppna_programmet(&mut self, start: Serverstart) -> Lage {
        match (self.oppna)(start) {
            Ok(store) => Lage::Oppet(Box::new(BistandApp::ny(store, self.ovning, self.klocka))),
            Err(Startfel::Databas(StoreError::IngenKontakt(orsak))) => {
                self.svar = forsok_i_bakgrunden(self.forbered.clone());
                Lage::IngenKontakt { orsak, forsok: 1 }
            }
            Err(e) => Lage::Fel(e.to_string()),
        }
    }

    fn vantskarm(&self, ui: &mut egui::Ui) {
        ui.add_space(80.0);
        ui.vertical_centered(|ui| {
            ui.label(RichText::new("Bistånd").text_style(tema::rubrik2()));
            ui.add_space(16.0);
            let mork = ui.visuals().dark_mode;
            match &self.lage {
                Lage::Ansluter => {
                    ui.label(ANSLUTER);
                }
                Lage::IngenKontakt { orsak, forsok } => {
                    let farg = tema::signalfarg(Signal::Varning, mork);
                    ui.label(RichText::new(INGEN_KONTAKT).strong().color(farg));
                    ui.add_space(8.0);
                    ui.label(format!("Försök {forsok}: {orsak}. Programmet försöker igen om en stund."));
                    ui.label("Inloggningen visas av sig själv när servern svarar – du behöver inte starta om.");
                }
                Lage::Fel(text) => {
                    ui.label(
                        RichText::new("Bistånd kan inte starta").strong().color(tema::signalfarg(Signal::Fel, mork)),
                    );
                    ui.label(text);
                }
                Lage::Oppet(_) => {}
            }
            ui.add_space(12.0);
            ui.label(RichText::new(format!("Databas: {}", self.databas)).weak());
            ui.add_space(12.0);
            if ui.button("Avsluta").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
    }
}

/// Starts the attempts on a thread of their own; their answers come on the returned channel.
fn forsok_i_bakgrunden(forbered: Forberedare) -> Receiver<Forsok> {
    let (tx, svar) = std::sync::mpsc::channel();
    let trad = std::thread::Builder::new().name("bistand-anslutning".into());
    if let Err(e) = trad.spawn(move || forsok_tills_ansluten(forbered.as_ref(), &tx, PAUS)) {
        let (tx, rx) = std::sync::mpsc::channel();
        let _ = tx.send(Forsok::Fel(format!("Programmet kunde inte starta en arbetstråd ({e}).")));
        return rx;
    }
    svar
}

/// Tries to reach the database until it answers or fails for another reason than the network,
/// at most once every `paus`; stops when the window is gone.
fn forsok_tills_ansluten(
    forbered: &(dyn Fn() -> Result<Serverstart, StoreError> + Send + Sync),
    tx: &Sender<Forsok>,
    paus: Duration,
) {
    loop {
        let borjade = Instant::now();
        let forsok = match forbered() {
            Ok(start) => Forsok::Ansluten(Box::new(start)),
            Err(StoreError::IngenKontakt(orsak)) => Forsok::IngenKontakt(orsak),
            Err(e) => Forsok::Fel(e.to_string()),
        };
        let igen = matches!(forsok, Forsok::IngenKontakt(_));
        if tx.send(forsok).is_err() || !igen {
            return;
        }
        std::thread::sleep(paus.saturating_sub(borjade.elapsed()));
    }
}

impl eframe::App for Vantan {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.visa(ui);
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if let Lage::Oppet(app) = &mut self.lage {
            eframe::App::raw_input_hook(app.as_mut(), ctx, raw_input);
        }
    }
}
