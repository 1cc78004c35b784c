//! The unit's server as the window shows it (issue 16): a lost contact stands in the status bar
//! until it is back (the store keeps drafts on the computer meanwhile and reconnects by itself),
//! and the lists are read again when another user changed something (LISTEN/NOTIFY), not by
//! asking the server every frame.

use super::BistandApp;
use super::sidovy::Sidovy;
use crate::store::{Andringar, Kontakt};
use crate::ui::tema::{self, Signal};
use chrono::NaiveDateTime;
use egui::RichText;
use std::time::Duration;

pub(super) const INGEN_KONTAKT: &str = "Ingen kontakt med enhetens databas – ditt arbete sparas på datorn";
pub(super) const TILLBAKA: &str = "Kontakten med enhetens databas är tillbaka";

/// How long "tillbaka" stays in the status bar.
const TILLBAKA_VISAS: chrono::TimeDelta = chrono::TimeDelta::seconds(10);

/// What the status bar says about the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Natstatus {
    Bruten,
    /// Back since then.
    Tillbaka(NaiveDateTime),
}

impl BistandApp {
    /// Once a frame: follows the contact and the other users' changes (both without waiting
    /// for the server). On a server the window wakes every second to see them.
    pub(super) fn folj_natverket(&mut self, ctx: &egui::Context) {
        let nu = (self.klocka)();
        let kontakt = self.store.folj_kontakten();
        match kontakt {
            Kontakt::Bruten => self.natverk = Some(Natstatus::Bruten),
            Kontakt::Tillbaka => {
                self.natverk = Some(Natstatus::Tillbaka(nu));
                // A refused save said "Ingen kontakt …": the window now says it is back.
                if self.meddelande.as_ref().is_some_and(|(_, t)| t.starts_with("Ingen kontakt")) {
                    self.meddelande = Some((Signal::Klart, format!("{TILLBAKA}.")));
                }
                let allt = Andringar { arenden: true, ansokningar: true, planer: true, utbetalningar: true };
                self.las_om_listorna(allt);
            }
            Kontakt::Ansluten | Kontakt::Fil => {
                if matches!(self.natverk, Some(Natstatus::Tillbaka(sedan)) if nu - sedan >= TILLBAKA_VISAS) {
                    self.natverk = None;
                }
            }
        }
        if kontakt != Kontakt::Fil || self.natverk.is_some() {
            ctx.request_repaint_after(Duration::from_secs(1));
        }
        let andringar = self.store.andringar();
        if andringar.nagon() {
            self.las_om_listorna(andringar);
        }
    }

    /// Reads again the lists that `andringar` touch: the case list, Att göra, the kassa's queue.
    fn las_om_listorna(&mut self, andringar: Andringar) {
        self.lista.uppdatera();
        let Some(aktor) = self.aktor() else { return };
        match &mut self.sidovy {
            Some(Sidovy::AttGora(vy)) if andringar.planer || andringar.ansokningar || andringar.arenden => {
                vy.las_om(&self.store, &aktor);
            }
            Some(Sidovy::Kassa(kassa)) if andringar.utbetalningar => kassa.las_om(&self.store),
            _ => {}
        }
    }

    /// The server's line just above the status bar, the whole window wide so that nothing in
    /// the status bar is pushed out of sight (nothing while all is well).
    pub(super) fn natverksstatus(&self, ui: &mut egui::Ui) {
        let (signal, text) = match self.natverk {
            Some(Natstatus::Bruten) => (Signal::Varning, INGEN_KONTAKT),
            Some(Natstatus::Tillbaka(_)) => (Signal::Klart, TILLBAKA),
            None => return,
        };
        egui::Panel::bottom("natverksstatus").show(ui, |ui| {
            let farg = tema::signalfarg(signal, ui.visuals().dark_mode);
            ui.label(RichText::new(text).strong().color(farg));
        });
    }
}
