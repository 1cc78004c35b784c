//! Who is logged in: logging in and out, and the actor every screen acts as.

use super::{BistandApp, Dialog};
use crate::arbete::Aktor;
use crate::ui::skal::inloggning::{Inloggning, Las, las_minuter};
use crate::ui::widgetar::las;

impl BistandApp {
    /// The shell with `aktor` already logged in (tests and benches; a person logs in).
    pub fn inloggad_som(mut self, aktor: Aktor) -> BistandApp {
        self.logga_in(aktor);
        self
    }

    pub(super) fn logga_in(&mut self, aktor: Aktor) {
        self.inloggad = Some(aktor);
        self.las = Las::ny((self.klocka)(), las_minuter(&self.store));
        self.fokusera_sok = true;
        self.erbjud_utkast();
    }

    /// Offers the logged-in user the drafts she left (after a crash or a close): hers only, and
    /// those from before drafts had owners. Another user's drafts of the same forms stay hers.
    pub(super) fn erbjud_utkast(&mut self) {
        let Some(login) = self.inloggad.as_ref().map(|a| a.login.clone()) else { return };
        let drafts = las(self.store.alla_utkast(&login), &mut self.meddelande);
        if !drafts.is_empty() {
            self.dialog = Some(Dialog::Aterstall(drafts));
        }
    }

    /// Back to the login: nothing of the user's stays on screen (forms have autosaved drafts).
    pub(super) fn logga_ut(&mut self) {
        self.inloggad = None;
        self.ovningsanvandare = false;
        self.oppet = None;
        self.sidovy = None;
        self.dialog = None;
        self.meddelande = None;
        self.inloggning = Inloggning::default();
        // Nothing of the last user's work stays: not even what they searched for.
        self.lista.fraga.clear();
    }

    /// The logged-in user, acting now.
    pub(super) fn aktor(&self) -> Option<Aktor> {
        self.inloggad.as_ref().map(|a| a.vid((self.klocka)()))
    }

    pub(super) fn anvandarnamn(&self) -> String {
        self.inloggad.as_ref().map(|a| a.namn.clone()).unwrap_or_default()
    }
}
