//! Förslag till beslut in the Att göra list: proposals beyond their proposer's delegation, for
//! those who may decide them. Deciding asks once, naming the case and what is decided.

use crate::arbete::{self, Aktor};
use crate::store::{Forslag, Store};
use crate::ui::tema::Signal;
use crate::ui::widgetar::{kolumnrubrik, notis, rubrik};

#[derive(Default)]
pub struct Forslagslista {
    rader: Vec<Forslag>,
    /// The proposal whose decision is being confirmed.
    bekraftas: Option<i64>,
    meddelande: Option<(Signal, String)>,
}

impl Forslagslista {
    pub fn ny(store: &Store, aktor: &Aktor) -> Forslagslista {
        let mut l = Forslagslista::default();
        l.hamta(store, aktor);
        l
    }

    fn hamta(&mut self, store: &Store, aktor: &Aktor) {
        let roll = arbete::delegation::roll(aktor);
        match store.oppna_forslag(roll.as_deref()) {
            Ok(r) => self.rader = r,
            Err(e) => self.meddelande = Some((Signal::Fel, e.to_string())),
        }
    }

    /// Draws the proposals (nothing when there are none); returns a case to open.
    pub fn visa(&mut self, ui: &mut egui::Ui, store: &mut Store, aktor: &Aktor) -> Option<i64> {
        if let Some((signal, text)) = &self.meddelande {
            notis(ui, *signal, text);
        }
        if self.rader.is_empty() {
            return None;
        }
        rubrik(ui, &format!("Förslag till beslut ({})", self.rader.len()));
        let mut oppna = None;
        let mut besluta = None;
        egui::Grid::new("forslag").num_columns(4).striped(true).spacing([16.0, 8.0]).show(ui, |ui| {
            for k in ["Ärende", "Förslag", "Föreslaget av", ""] {
                kolumnrubrik(ui, k);
            }
            ui.end_row();
            for f in &self.rader {
                ui.label(&f.arendenummer);
                ui.label(&f.sammanfattning);
                ui.label(&f.foreslagen_av);
                ui.horizontal(|ui| {
                    if ui.button("Öppna").accessible_name(format!("Öppna förslaget i {}", f.arendenummer)).clicked()
                    {
                        oppna = Some(f.arende_id);
                    }
                    if self.bekraftas == Some(f.id) {
                        let text = format!("Bekräfta: fatta beslutet i {}", f.arendenummer);
                        if ui.button(text).clicked() {
                            besluta = Some(f.id);
                        }
                        if ui.button("Avbryt").clicked() {
                            self.bekraftas = None;
                        }
                    } else if ui
                        .button("Fatta beslut enligt förslaget")
                        .accessible_name(format!("Fatta beslut enligt förslaget i {}", f.arendenummer))
                        .clicked()
                    {
                        self.bekraftas = Some(f.id);
                    }
                });
                ui.end_row();
            }
        });
        if let Some(id) = besluta {
            let roll = arbete::delegation::roll(aktor);
            self.meddelande = Some(match arbete::delegation::besluta_forslag(store, aktor, roll.as_deref(), id) {
                Ok(_) => {
                    (Signal::Klart, "Beslutet är fattat enligt förslaget. Skriv ut beslutsbrevet i ärendet.".into())
                }
                Err(e) => (Signal::Fel, e.to_string()),
            });
            self.bekraftas = None;
            self.hamta(store, aktor);
        }
        oppna
    }
}
