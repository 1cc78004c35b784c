//! A unit setting edited in the settings window (the unit's details, its rules): the version
//! the form read, and a save refused because another user saved the setting meanwhile, shown at
//! the form with "Läs in den nya versionen" (the form keeps what was typed).

use crate::arbete::Arbetsfel;
use crate::store::{INGEN_RAD, Radslag, Resultat, Store};
use crate::ui::krock::Krockvakt;

pub struct Installningsform {
    slag: Radslag,
    /// The setting's version when the form read it ([`INGEN_RAD`]: not stored yet).
    las: i64,
    krock: Krockvakt,
}

impl Installningsform {
    pub fn ny(store: &Store, slag: Radslag) -> Installningsform {
        Installningsform { slag, las: version(store, slag), krock: Krockvakt::default() }
    }

    /// The version a save carries.
    pub fn las(&self) -> i64 {
        self.las
    }

    /// Takes a save's answer: true when saved (the saved version is now the one read); a race
    /// is kept to show at the form; any other error is the text to show.
    pub fn sparat(&mut self, store: &Store, svar: Resultat<()>) -> Result<bool, String> {
        match svar {
            Ok(()) => {
                self.krock.rensa();
                self.las = version(store, self.slag);
                Ok(true)
            }
            Err(e) => {
                let fel = Arbetsfel::Databas(e);
                if self.krock.fanga(&fel) { Ok(false) } else { Err(fel.to_string()) }
            }
        }
    }

    /// Draws a refusal at the form; "Läs in den nya versionen" makes the saved version the one
    /// the next save carries and says who saved it, when.
    pub fn visa(&mut self, ui: &mut egui::Ui, store: &Store) {
        if !self.krock.visa(ui) {
            return;
        }
        match store.installning_andrad(self.slag) {
            Ok(s) => {
                self.las = s.version;
                self.krock.inlast(&format!("sparat av {} {}", s.vem, s.nar.get(..16).unwrap_or(&s.nar)));
            }
            Err(e) => self.krock.inlast(&e.to_string()),
        }
    }
}

fn version(store: &Store, slag: Radslag) -> i64 {
    store.installning_andrad(slag).map_or(INGEN_RAD, |s| s.version)
}
