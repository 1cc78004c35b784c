//! What every screen gets each frame: the store, the actor (user and clock), where letters go,
//! the one notice area of the window, and a list of what the screen asks the shell to do.
//! Modelled on rerun's `ViewerContext`: screens draw and collect input, the shell acts.

use super::flikar::Flik;
use super::tema::Signal;
use crate::arbete::Aktor;
use crate::store::Store;
use chrono::NaiveDateTime;
use std::path::PathBuf;

/// Where letters are written and whether they are opened in the system's PDF viewer.
#[derive(Debug, Clone)]
pub struct Utskrift {
    pub mapp: PathBuf,
    pub oppna_visare: bool,
}

impl Utskrift {
    /// The file a letter called `filnamn` is written to.
    pub fn fil(&self, filnamn: &str) -> PathBuf {
        self.mapp.join(filnamn)
    }
}

/// The window's one notice: what just happened, or what went wrong. It clears when the user
/// moves on (another tab, another case).
pub type Notis = Option<(Signal, String)>;

/// What a screen asks the shell to do after the frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Begaran {
    /// Something was saved: the status bar shows the time.
    Sparat,
    /// The case list may have changed.
    LasOmListan,
    /// The open case itself changed (status, responsible staff): read it again.
    LasOmArendet,
    /// Open a case on a tab.
    OppnaArende(i64, Flik),
    /// Show another tab of the open case.
    VisaFlik(Flik),
    /// Open the print preview of a document, to be saved as `filnamn` in the print folder.
    Forhandsgranska(crate::utskrift::Dokument, String),
}

/// The per-frame context handed to every screen.
pub struct Kontext<'a> {
    pub store: &'a mut Store,
    pub aktor: Aktor,
    pub utskrift: &'a Utskrift,
    notis: &'a mut Notis,
    begaran: &'a mut Vec<Begaran>,
}

impl<'a> Kontext<'a> {
    pub fn ny(
        store: &'a mut Store,
        aktor: Aktor,
        utskrift: &'a Utskrift,
        notis: &'a mut Notis,
        begaran: &'a mut Vec<Begaran>,
    ) -> Kontext<'a> {
        Kontext { store, aktor, utskrift, notis, begaran }
    }

    pub fn nu(&self) -> NaiveDateTime {
        self.aktor.nu
    }

    pub fn anvandare(&self) -> &str {
        &self.aktor.namn
    }

    pub fn klart(&mut self, text: impl Into<String>) {
        *self.notis = Some((Signal::Klart, text.into()));
    }

    pub fn varna(&mut self, text: impl Into<String>) {
        *self.notis = Some((Signal::Varning, text.into()));
    }

    pub fn fel(&mut self, fel: impl std::fmt::Display) {
        *self.notis = Some((Signal::Fel, fel.to_string()));
    }

    /// The notice shown now, if any.
    pub fn notis(&self) -> Option<&(Signal, String)> {
        self.notis.as_ref()
    }

    /// Clears the notice (the user started on something new).
    pub fn rensa(&mut self) {
        *self.notis = None;
    }

    /// A store read for a screen: its value, or the empty value with the Swedish error shown,
    /// so a database error never looks like an empty list.
    pub fn las<T: Default, E: std::fmt::Display>(&mut self, svar: Result<T, E>) -> T {
        crate::ui::widgetar::las(svar, self.notis)
    }

    /// An action's result: its value, or `None` with the error shown.
    pub fn utfall<T, E: std::fmt::Display>(&mut self, svar: Result<T, E>) -> Option<T> {
        svar.map_err(|e| self.fel(e)).ok()
    }

    /// Asks the shell to do something after this frame.
    pub fn begar(&mut self, b: Begaran) {
        if !self.begaran.contains(&b) {
            self.begaran.push(b);
        }
    }

    /// Something was saved (the status bar shows when).
    pub fn sparat(&mut self) {
        self.begar(Begaran::Sparat);
    }

    /// Prints a document: the shell opens its preview, from where it is printed or saved
    /// (through the use case, journal line included) as `filnamn`.
    pub fn skriv_ut(&mut self, dokument: &crate::utskrift::Dokument, filnamn: &str) {
        self.begar(Begaran::Forhandsgranska(dokument.clone(), filnamn.to_string()));
    }
}

/// Opens a PDF in the system's viewer, from where it is printed.
pub fn oppna_i_visare(fil: &std::path::Path) {
    let resultat = if cfg!(windows) {
        crate::plattform::utan_fonster("cmd").args(["/C", "start", ""]).arg(fil).spawn()
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(fil).spawn()
    } else {
        std::process::Command::new("xdg-open").arg(fil).spawn()
    };
    // Not being able to open a viewer is not an error: the file is saved and its path shown.
    let _ = resultat;
}

/// A tab of the open case. The shell shows it, loads it when it is opened, and hands it the
/// window's Save (Ctrl+S) and Print (Ctrl+P): every tab does it or says why not.
pub trait Flikvy {
    /// Reads what the tab shows (when the tab is opened, and after a change).
    fn ladda(&mut self, ctx: &mut Kontext);
    fn visa(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext);
    fn spara(&mut self, ctx: &mut Kontext);
    fn skriv_ut(&mut self, ctx: &mut Kontext);
}

/// What a tab says to Ctrl+S when it has nothing to save.
pub fn inget_att_spara(ctx: &mut Kontext, flik: Flik, vad: &str) {
    ctx.varna(format!("Det finns inget att spara på fliken {}{vad}.", flik.namn()));
}

/// What a tab says to Ctrl+P when it has nothing to print.
pub fn inget_att_skriva_ut(ctx: &mut Kontext, flik: Flik, vad: &str) {
    ctx.varna(format!("Det finns inget att skriva ut på fliken {}{vad}.", flik.namn()));
}
