//! The views shown instead of the open case (Att göra, the settings, the kassa, the access-log
//! review, the statistics), the central area that shows one of them or the case, and the
//! window's notice that goes by itself when it only confirmed something.

use super::{BistandApp, Flik, Kontext, Signal};
use crate::arbete::Aktor;
use crate::store::Store;
use crate::ui::installningar::Installningar;
use crate::ui::kassa::Kassa;
use crate::ui::skal::att_gora::{AttGora, AttGoraVal};
use crate::ui::skal::loggkontroll::{Loggkontroll, LoggkontrollVal};
use crate::ui::statistik::Statistikvy;
use crate::ui::widgetar::notis;

/// A view shown instead of the open case.
pub(super) enum Sidovy {
    AttGora(AttGora),
    Installningar(Box<Installningar>),
    Kassa(Kassa),
    Loggkontroll(Loggkontroll),
    Statistik(Box<Statistikvy>),
}

impl Sidovy {
    /// Where Ctrl+S and Ctrl+P have nothing to do, as the message names it.
    pub(super) fn namn(&self) -> &'static str {
        match self {
            Sidovy::AttGora(_) => "Att göra",
            Sidovy::Installningar(_) => "Inställningar",
            Sidovy::Kassa(_) => "Kassan",
            Sidovy::Loggkontroll(_) => "Loggkontroll",
            Sidovy::Statistik(_) => "Statistik – använd Skriv rapport",
        }
    }
}

impl BistandApp {
    /// Shows a view instead of the open case (which stays open underneath).
    pub(super) fn visa_sidovy(&mut self, vy: Sidovy) {
        self.dialog = None;
        self.meddelande = None;
        self.sidovy = Some(vy);
    }

    /// Runs `f` on the kassa view when it is shown (tests export without the file dialog).
    pub fn i_kassan(&mut self, f: impl FnOnce(&mut Kassa, &mut Store, &Aktor)) -> bool {
        let Some(aktor) = self.aktor() else { return false };
        let Some(Sidovy::Kassa(k)) = &mut self.sidovy else { return false };
        f(k, &mut self.store, &aktor);
        true
    }

    /// The central area: a view instead of the case, the open case, or what to do next.
    pub(super) fn mitten(&mut self, ui: &mut egui::Ui) {
        ui.add_space(4.0);
        // An open case shows the notice under its tabs, the identity header staying on top.
        let arendet_visas = self.oppet.is_some() && self.sidovy.is_none();
        if let Some((signal, text)) = self.meddelande.as_ref().filter(|_| !arendet_visas) {
            notis(ui, *signal, text);
        }
        let Some(aktor) = self.aktor() else { return };
        match &mut self.sidovy {
            Some(Sidovy::Loggkontroll(vy)) => {
                if let Some(LoggkontrollVal::Stang) = vy.visa(ui, &mut self.store, &aktor) {
                    self.sidovy = None;
                }
            }
            Some(Sidovy::AttGora(vy)) => match vy.visa(ui, &mut self.store, &aktor) {
                Some(AttGoraVal::Stang) => self.sidovy = None,
                Some(AttGoraVal::Oppna(id)) => self.oppna_arende(id, Flik::Plan),
                Some(AttGoraVal::Forslag(id)) => self.oppna_arende(id, Flik::Beslut),
                None => {}
            },
            Some(Sidovy::Statistik(vy)) => {
                let mut begaran = Vec::new();
                let mut ctx = Kontext::ny(&mut self.store, aktor, &self.utskrift, &mut self.meddelande, &mut begaran);
                if vy.visa(ui, &mut ctx) {
                    self.sidovy = None;
                }
                self.utfor(begaran);
            }
            Some(Sidovy::Kassa(kassa)) => {
                if kassa.visa(ui, &mut self.store, &aktor) {
                    self.sidovy = None;
                }
            }
            Some(Sidovy::Installningar(inst)) => {
                if let Some(val) = inst.visa(ui, &mut self.store, self.mork, &aktor) {
                    self.installningsval(ui.ctx(), val);
                }
            }
            None if self.oppet.is_some() => self.i_arendet(|a, ctx| a.visa(ui, ctx)),
            None => self.inget_oppet(ui),
        }
    }

    /// A confirmation ("Hushållet är registrerat …") goes after a few seconds instead of staying
    /// through what follows; warnings and errors stay until the user moves on.
    pub(super) fn meddelandets_tid(&mut self, ctx: &egui::Context) {
        const VISAS: chrono::TimeDelta = chrono::TimeDelta::seconds(8);
        let nu = (self.klocka)();
        let sedan = match &self.meddelande_sedan {
            Some((visat, sedan)) if *visat == self.meddelande => *sedan,
            _ => nu,
        };
        self.meddelande_sedan = Some((self.meddelande.clone(), sedan));
        if matches!(self.meddelande, Some((Signal::Klart, _))) {
            if nu - sedan >= VISAS {
                self.meddelande = None;
            } else {
                ctx.request_repaint_after((VISAS - (nu - sedan)).to_std().unwrap_or_default());
            }
        }
    }
}
