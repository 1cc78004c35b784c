//! The Brev tab: the case's letters besides decisions – kallelse, komplettering, ny
//! handläggare, avslut – saved as PDF and opened in the system viewer for printing.

use super::beslut_vy::{Utskrift, oppna_i_visare};
use super::tema::Signal;
use super::widgetar::{notis, rubrik};
use crate::domain::arende::Arende;
use crate::store::Store;
use crate::utskrift::{Brevtyp, brev_pdf};
use chrono::NaiveDate;

#[derive(Default)]
pub struct BrevVy {
    meddelande: Option<(Signal, String)>,
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
                    self.skriv(store, arende, typ, utskrift, idag);
                }
                ui.label(beskrivning);
                ui.end_row();
            }
        });
    }

    fn skriv(&mut self, store: &Store, arende: &Arende, typ: Brevtyp, utskrift: &Utskrift, idag: NaiveDate) {
        let resultat = brev_pdf(store, &arende.arendenummer, typ, idag).and_then(|pdf| {
            std::fs::create_dir_all(&utskrift.mapp)
                .map_err(|e| format!("Mappen {} kan inte skapas: {e}.", utskrift.mapp.display()))?;
            let fil = utskrift.mapp.join(format!("{}-{}-{idag}.pdf", typ.kod(), arende.arendenummer));
            std::fs::write(&fil, pdf).map_err(|e| format!("Brevet kan inte sparas i {}: {e}.", fil.display()))?;
            Ok(fil)
        });
        self.meddelande = Some(match resultat {
            Ok(fil) => {
                if utskrift.oppna_visare {
                    oppna_i_visare(&fil);
                }
                (Signal::Klart, format!("{} är sparat: {}", typ.titel(), fil.display()))
            }
            Err(e) => (Signal::Fel, e),
        });
    }
}
