//! A save refused because another user saved the same row first: the message at the form, and
//! "Läs in den nya versionen", which reads the row again while the form keeps what the user
//! typed (its draft is saved too), so the change can be made again on top of the new version.

use crate::arbete::Arbetsfel;
use crate::ui::tema::Signal;
use crate::ui::widgetar::notis;

/// The label of the button that reads the new version.
pub const LAS_IN: &str = "Läs in den nya versionen";

/// Follows a form's saves: keeps a refusal to show at the form until the new version is read.
#[derive(Debug, Default)]
pub struct Krockvakt {
    krock: Option<String>,
    inlast: Option<String>,
}

impl Krockvakt {
    /// Takes a save's error: a race is kept to show at the form (true); any other error is the
    /// caller's to show.
    pub fn fanga(&mut self, fel: &Arbetsfel) -> bool {
        if !fel.ar_krock() {
            return false;
        }
        self.krock = Some(fel.to_string());
        self.inlast = None;
        true
    }

    /// A save's result: a race is kept to show at the form, any other error goes to the notice;
    /// the value when it saved.
    pub fn resultat<T>(&mut self, ctx: &mut crate::ui::kontext::Kontext, svar: Result<T, Arbetsfel>) -> Option<T> {
        svar.map_err(|e| {
            if !self.fanga(&e) {
                ctx.fel(e);
            }
        })
        .ok()
    }

    /// Whether a refusal waits for the new version to be read.
    pub fn vantar(&self) -> bool {
        self.krock.is_some()
    }

    /// The save succeeded: nothing more to show.
    pub fn rensa(&mut self) {
        *self = Krockvakt::default();
    }

    /// The new version was read: `nu` says what it holds now.
    pub fn inlast(&mut self, nu: &str) {
        self.krock = None;
        self.inlast = Some(format!(
            "Den nya versionen är inläst. Nu sparat: {nu}. Det du skrev finns kvar i formuläret – kontrollera \
             och spara igen."
        ));
    }

    /// Draws the notice at the form; true when the user asks to read the new version.
    pub fn visa(&self, ui: &mut egui::Ui) -> bool {
        if let Some(text) = &self.krock {
            notis(ui, Signal::Varning, text);
            return ui.button(LAS_IN).on_hover_text("Det du skrev finns kvar i formuläret").clicked();
        }
        if let Some(text) = &self.inlast {
            notis(ui, Signal::Varning, text);
        }
        false
    }
}
