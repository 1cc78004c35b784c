//! The unit's phrase library for motiveringar, edited in Inställningar: heading, text with
//! placeholders and the outcomes each phrase fits.

use crate::domain::beslut::Utfall;
use crate::domain::beslut::fraser::{Fras, Frasbibliotek};
use crate::store::Store;
use crate::ui::tema::Signal;
use crate::ui::widgetar::{textfalt, textyta};

pub struct Frasredigering {
    bibliotek: Frasbibliotek,
}

impl Frasredigering {
    /// The unit's library; if it cannot be read, the error goes to `meddelande` and the shipped
    /// library is shown meanwhile.
    pub fn ny(store: &Store, meddelande: &mut Option<(Signal, String)>) -> Frasredigering {
        let bibliotek = store.fraser().unwrap_or_else(|e| {
            *meddelande = Some((Signal::Fel, e.to_string()));
            crate::domain::beslut::fraser::levererade_fraser()
        });
        Frasredigering { bibliotek }
    }

    /// Shows the library; returns a message after a save.
    pub fn visa(&mut self, ui: &mut egui::Ui, store: &mut Store) -> Option<(Signal, String)> {
        ui.label("Platshållare som fylls i när frasen väljs: {namn}, {belopp}, {period} och {post}.");
        let mut ta_bort = None;
        for (i, f) in self.bibliotek.fraser.iter_mut().enumerate() {
            let n = i + 1;
            ui.group(|ui| {
                textfalt(ui, &format!("Fras {n}: rubrik"), &mut f.rubrik, None, 420.0);
                textyta(ui, &format!("Fras {n}: text"), &mut f.text, None, 3);
                ui.horizontal(|ui| {
                    for u in Utfall::ALLA.iter().filter(|u| **u != Utfall::Aterkrav) {
                        let mut passar = f.utfall.iter().any(|x| x == u.kod());
                        if ui.checkbox(&mut passar, format!("Fras {n}: {}", u.namn().to_lowercase())).changed() {
                            f.utfall.retain(|x| x != u.kod());
                            if passar {
                                f.utfall.push(u.kod().to_string());
                            }
                        }
                    }
                    if ui.button(format!("Ta bort fras {n}")).clicked() {
                        ta_bort = Some(i);
                    }
                });
            });
        }
        if let Some(i) = ta_bort {
            self.bibliotek.fraser.remove(i);
        }
        let mut meddelande = None;
        ui.horizontal(|ui| {
            if ui.button("Ny fras").clicked() {
                let id = format!("egen_{}", self.bibliotek.fraser.len() + 1);
                self.bibliotek.fraser.push(Fras {
                    id,
                    rubrik: String::new(),
                    utfall: vec!["avslag".into()],
                    text: String::new(),
                });
            }
            if ui.button("Spara frasbiblioteket").clicked() {
                meddelande = Some(match store.satt_fraser(&self.bibliotek) {
                    Ok(()) => (Signal::Klart, "Frasbiblioteket är sparat.".into()),
                    Err(e) => (Signal::Fel, e.to_string()),
                });
            }
        });
        meddelande
    }
}
