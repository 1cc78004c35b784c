//! Att göra: the caseworker's cases whose plan follow-up is overdue or due this week, plans due
//! for rewriting, and agreed plans not signed.

use crate::arbete::Aktor;
use crate::store::{AttGoraRad, Store};
use crate::ui::skal::forslag::Forslagslista;
use crate::ui::tema;
use crate::ui::widgetar::{kolumnrubrik, rubrik};
use chrono::NaiveDate;
use egui::RichText;

pub struct AttGora {
    bara_mina: bool,
    rader: Vec<AttGoraRad>,
    fel: Option<String>,
    forslag: Forslagslista,
}

/// What the shell should do.
pub enum AttGoraVal {
    Stang,
    Oppna(i64),
    /// Open the case of a proposal on its decision tab.
    Forslag(i64),
}

impl AttGora {
    pub fn ny(store: &Store, aktor: &Aktor) -> AttGora {
        let (anvandare, idag) = (aktor.namn.as_str(), aktor.nu.date());
        let forslag = Forslagslista::ny(store, aktor);
        let mut vy = AttGora { bara_mina: true, rader: Vec::new(), fel: None, forslag };
        vy.hamta(store, anvandare, idag);
        if vy.rader.is_empty() {
            // Nothing of one's own: show the unit's so the list is never silently empty.
            vy.bara_mina = false;
            vy.hamta(store, anvandare, idag);
        }
        vy
    }

    /// Reads the list again (another user changed something), keeping the user's filter.
    pub fn las_om(&mut self, store: &Store, aktor: &Aktor) {
        self.hamta(store, &aktor.namn, aktor.nu.date());
    }

    fn hamta(&mut self, store: &Store, anvandare: &str, idag: NaiveDate) {
        match store.att_gora(self.bara_mina.then_some(anvandare), idag) {
            Ok(r) => {
                self.rader = r;
                self.fel = None;
            }
            Err(e) => self.fel = Some(e.to_string()),
        }
    }

    pub fn visa(&mut self, ui: &mut egui::Ui, store: &mut Store, aktor: &Aktor) -> Option<AttGoraVal> {
        let (anvandare, idag) = (aktor.namn.as_str(), aktor.nu.date());
        let mut val = None;
        ui.horizontal(|ui| {
            ui.heading("Att göra");
            if ui.button("Tillbaka").clicked() {
                val = Some(AttGoraVal::Stang);
            }
        });
        if let Some(id) = self.forslag.visa(ui, store, aktor) {
            val = Some(AttGoraVal::Forslag(id));
        }
        if ui.checkbox(&mut self.bara_mina, format!("Bara ärenden där {anvandare} är socialsekreterare")).changed() {
            self.hamta(store, anvandare, idag);
        }
        if let Some(f) = &self.fel {
            crate::ui::widgetar::felrad(ui, f);
        }
        rubrik(ui, &format!("{} att göra {idag}", self.rader.len()));
        if self.rader.is_empty() {
            ui.label("Inget är försenat eller ska göras den här veckan.");
            return val;
        }
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            egui::Grid::new("attgora").num_columns(4).striped(true).spacing([16.0, 8.0]).show(ui, |ui| {
                for k in ["Ärende", "Namn", "Vad", ""] {
                    kolumnrubrik(ui, k);
                }
                ui.end_row();
                for r in &self.rader {
                    ui.label(&r.arendenummer);
                    ui.label(&r.namn);
                    ui.label(
                        RichText::new(r.punkt.text())
                            .color(tema::signalfarg(tema::Signal::Varning, ui.visuals().dark_mode)),
                    );
                    let oppna =
                        ui.button("Öppna").accessible_name(format!("Öppna {} – {}", r.arendenummer, r.punkt.text()));
                    if oppna.clicked() {
                        val = Some(AttGoraVal::Oppna(r.arende_id));
                    }
                    ui.end_row();
                }
            });
        });
        val
    }
}
