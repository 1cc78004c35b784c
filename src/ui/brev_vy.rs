//! The Brev tab: the case's letters besides decisions – kallelse, komplettering, ny
//! handläggare, avslut – saved as PDF and opened in the system viewer for printing.

use super::beslut_vy::Utskrift;
use super::tema::Signal;
use super::widgetar::{notis, rubrik, textfalt};
use crate::domain::arende::Arende;
use crate::store::Store;
use crate::utskrift::{Brevtyp, HANDLINGAR, Kallelseval, brev_pdf, kallelse_pdf, standard_kallelse};
use chrono::NaiveDate;

#[derive(Default)]
pub struct BrevVy {
    meddelande: Option<(Signal, String)>,
    /// The kallelse being prepared: time, place, caseworker and chosen documents.
    kallelse: Option<(Kallelseval, Vec<bool>, String)>,
}

const TYPER: [(Brevtyp, &str); 4] = [
    (Brevtyp::Kallelse, "Tid, plats, handläggare och vilka handlingar som ska tas med."),
    (Brevtyp::Komplettering, "Vad som saknas i ansökan och senaste dag att komplettera."),
    (Brevtyp::Handlaggare, "Namn och telefon till den nya handläggaren."),
    (Brevtyp::Avslut, "Varför ärendet avslutas och hur man ansöker igen."),
];

impl BrevVy {
    pub fn visa(&mut self, ui: &mut egui::Ui, store: &Store, arende: &Arende, utskrift: &Utskrift, idag: NaiveDate) {
        if let Some((signal, text)) = &self.meddelande {
            notis(ui, *signal, text);
        }
        rubrik(ui, "Brev");
        ui.label("Beslutsbrev skrivs ut från fliken Beslut. Brevet sparas som PDF och öppnas för utskrift.");
        ui.add_space(6.0);
        egui::Grid::new("brevtyper").num_columns(2).spacing([16.0, 10.0]).show(ui, |ui| {
            for (typ, beskrivning) in TYPER {
                if ui.button(typ.titel()).clicked() {
                    if typ == Brevtyp::Kallelse {
                        match standard_kallelse(store, &arende.arendenummer, idag) {
                            Ok(val) => {
                                let valda = vec![true; val.handlingar.len()];
                                self.kallelse = Some((val, valda, String::new()));
                            }
                            Err(e) => self.meddelande = Some((Signal::Fel, e)),
                        }
                    } else {
                        self.skriv(store, arende, typ, utskrift, idag);
                    }
                }
                ui.label(beskrivning);
                ui.end_row();
            }
        });
        self.visa_kallelse(ui, store, arende, utskrift, idag);
    }

    fn visa_kallelse(
        &mut self,
        ui: &mut egui::Ui,
        store: &Store,
        arende: &Arende,
        utskrift: &Utskrift,
        idag: NaiveDate,
    ) {
        let Some((val, valda, annat)) = &mut self.kallelse else { return };
        ui.separator();
        rubrik(ui, "Kallelse till nybesök");
        ui.horizontal_wrapped(|ui| {
            textfalt(ui, "Tid för besöket", &mut val.tid, None, 240.0);
            textfalt(ui, "Plats", &mut val.plats, None, 320.0);
            textfalt(ui, "Klienten träffar", &mut val.handlaggare, None, 200.0);
        });
        ui.label(egui::RichText::new("Handlingar att ta med").strong());
        for (h, vald) in HANDLINGAR.iter().zip(valda.iter_mut()) {
            ui.checkbox(vald, *h);
        }
        textfalt(ui, "Annan handling (valfritt)", annat, None, 420.0);
        let mut skriv = false;
        ui.horizontal(|ui| {
            skriv = ui.button("Skriv ut kallelsen").clicked();
            if ui.button("Avbryt").clicked() {
                self.kallelse = None;
            }
        });
        if !skriv {
            return;
        }
        let Some((val, valda, annat)) = &self.kallelse else { return };
        let mut val = val.clone();
        val.handlingar = HANDLINGAR.iter().zip(valda).filter(|(_, v)| **v).map(|(h, _)| h.to_string()).collect();
        if !annat.trim().is_empty() {
            val.handlingar.push(annat.trim().to_string());
        }
        let pdf = kallelse_pdf(store, &arende.arendenummer, &val, idag);
        self.spara(pdf, arende, Brevtyp::Kallelse, utskrift, idag);
    }

    fn skriv(&mut self, store: &Store, arende: &Arende, typ: Brevtyp, utskrift: &Utskrift, idag: NaiveDate) {
        let pdf = brev_pdf(store, &arende.arendenummer, typ, idag);
        self.spara(pdf, arende, typ, utskrift, idag);
    }

    fn spara(
        &mut self,
        pdf: Result<Vec<u8>, String>,
        arende: &Arende,
        typ: Brevtyp,
        utskrift: &Utskrift,
        idag: NaiveDate,
    ) {
        let filnamn = format!("{}-{}-{idag}.pdf", typ.kod(), arende.arendenummer);
        self.meddelande = Some(match utskrift.spara(pdf, &filnamn, "Brevet") {
            Ok(fil) => {
                self.kallelse = None;
                (Signal::Klart, format!("{} är sparat: {}", typ.titel(), fil.display()))
            }
            Err(e) => (Signal::Fel, e),
        });
    }
}
