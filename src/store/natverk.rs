//! The store on a server across a network (issue 16): whether the unit's database is in
//! contact, what other users changed (LISTEN/NOTIFY, read without a round trip), and moving the
//! drafts written on the computer while offline up to the server when the contact is back
//! (each with its owner).

use super::db::Kopp;
use super::{Resultat, Store, StoreError};

/// The channel the server's triggers notify on (see `postgres_schema::notify`).
pub(crate) const KANAL: &str = "bistand";

/// Whether the window's database can be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kontakt {
    /// A file on this computer: always there.
    Fil,
    /// The unit's server answers.
    Ansluten,
    /// The unit's server cannot be reached; drafts are kept on the computer.
    Bruten,
    /// The server is back since last asked (reported once; then `Ansluten`).
    Tillbaka,
}

/// What other users changed since last asked, by the lists it touches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Andringar {
    /// Households, people and cases (the case list).
    pub arenden: bool,
    /// Applications, decisions and proposals.
    pub ansokningar: bool,
    /// Plans and their follow-ups (Att göra).
    pub planer: bool,
    /// Payments (the kassa's queue).
    pub utbetalningar: bool,
}

impl Andringar {
    pub fn nagon(&self) -> bool {
        self.arenden || self.ansokningar || self.planer || self.utbetalningar
    }

    fn lagg_till(&mut self, vad: &str) {
        match vad {
            "arenden" => self.arenden = true,
            "ansokningar" => self.ansokningar = true,
            "planer" => self.planer = true,
            "utbetalningar" => self.utbetalningar = true,
            _ => {}
        }
    }
}

/// The store's own view of the contact (and the tests' simulated break).
#[derive(Debug, Default)]
pub(super) struct Natverk {
    simulerat_brott: bool,
    simulerat_tillbaka: bool,
}

impl Store {
    /// Follows the contact with the server without waiting for it: notices a lost connection,
    /// takes a reconnection made in the background (tried at most every two seconds), and moves
    /// the drafts kept on the computer up to the server once it is back. Cheap: call it once a
    /// frame or a second.
    pub fn folj_kontakten(&mut self) -> Kontakt {
        let (i_kontakt, tillbaka) = match &self.kopp {
            _ if self.natverk.simulerat_brott => (false, false),
            Kopp::Sqlite(_) => {
                let tillbaka = std::mem::take(&mut self.natverk.simulerat_tillbaka);
                return if tillbaka { Kontakt::Tillbaka } else { Kontakt::Fil };
            }
            Kopp::Postgres(k) => {
                let mut k = k.borrow_mut();
                (k.forbindelse.folj(), k.forbindelse.ar_tillbaka())
            }
        };
        if !i_kontakt {
            return Kontakt::Bruten;
        }
        let _ = self.flytta_upp_lokala_utkast();
        if tillbaka || std::mem::take(&mut self.natverk.simulerat_tillbaka) {
            Kontakt::Tillbaka
        } else {
            Kontakt::Ansluten
        }
    }

    /// What other users changed since last asked: the notifications the server already sent,
    /// read without asking it anything. Nothing on SQLite.
    pub fn andringar(&mut self) -> Andringar {
        let mut ut = Andringar::default();
        if let Kopp::Postgres(k) = &self.kopp {
            for vad in k.borrow_mut().forbindelse.notiser() {
                ut.lagg_till(&vad);
            }
        }
        ut
    }

    /// For tests of the window: the store reports a lost contact (`true`) until called with
    /// `false` (then once `Kontakt::Tillbaka`). Nothing else changes.
    #[doc(hidden)]
    pub fn simulera_kontaktbrott(&mut self, bruten: bool) {
        self.natverk.simulerat_tillbaka = self.natverk.simulerat_brott && !bruten;
        self.natverk.simulerat_brott = bruten;
    }

    /// Moves the drafts written on the computer while offline up to the server (a discarded
    /// one is removed there), each removed here once the server has it.
    pub(super) fn flytta_upp_lokala_utkast(&self) -> Resultat<()> {
        let Some(lokala) = self.lokala.as_ref().filter(|l| l.borrow().kanske_nagra()) else { return Ok(()) };
        let alla = lokala.borrow_mut().allt().map_err(StoreError::from)?;
        for (utkast, finns) in alla {
            if finns {
                super::utkast::spara_pa_servern(&self.kopp, &utkast)?;
            } else {
                super::utkast::ta_bort_pa_servern(&self.kopp, &utkast.anvandare, &utkast.nyckel)?;
            }
            lokala.borrow_mut().glom(&utkast.anvandare, &utkast.nyckel)?;
        }
        Ok(())
    }
}
