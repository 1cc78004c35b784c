//! The Brev tab: the case's letters besides decisions – kallelse, komplettering, ny
//! handläggare, avslut – saved as PDF and opened in the system viewer for printing.

use crate::domain::arende::Arende;
use crate::ui::flikar::Flik;
use crate::ui::kontext::{Flikvy, Kontext, inget_att_skriva_ut};
use crate::ui::widgetar::{rubrik, textfalt};
use crate::utskrift::{Brevtyp, Dokument, HANDLINGAR, Kallelseval, standard_kallelse};

pub struct BrevVy {
    arendenummer: String,
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
    pub fn ny(arende: &Arende) -> BrevVy {
        BrevVy { arendenummer: arende.arendenummer.clone(), kallelse: None }
    }

    fn borja_kallelse(&mut self, ctx: &mut Kontext) {
        if let Some(val) = ctx.utfall(standard_kallelse(ctx.store, &self.arendenummer, ctx.nu().date())) {
            let valda = vec![true; val.handlingar.len()];
            self.kallelse = Some((val, valda, String::new()));
        }
    }

    /// The kallelse as chosen: the ticked documents and any other one typed.
    fn vald_kallelse(&self) -> Option<Kallelseval> {
        let (val, valda, annat) = self.kallelse.as_ref()?;
        let mut val = val.clone();
        val.handlingar = HANDLINGAR.iter().zip(valda).filter(|(_, v)| **v).map(|(h, _)| h.to_string()).collect();
        if !annat.trim().is_empty() {
            val.handlingar.push(annat.trim().to_string());
        }
        Some(val)
    }

    fn visa_kallelse(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
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
        if skriv {
            self.skriv_ut(ctx);
        }
    }

    fn skriv_dokument(&mut self, ctx: &mut Kontext, dokument: Dokument, typ: Brevtyp) {
        let filnamn = format!("{}-{}-{}.pdf", typ.kod(), self.arendenummer, ctx.nu().date());
        ctx.skriv_ut(&dokument, &filnamn);
        self.kallelse = None;
    }
}

impl Flikvy for BrevVy {
    fn ladda(&mut self, _ctx: &mut Kontext) {}

    fn visa(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        rubrik(ui, "Brev");
        ui.label("Beslutsbrev skrivs ut från fliken Beslut. Brevet sparas som PDF och öppnas för utskrift.");
        ui.add_space(6.0);
        let mut vald = None;
        egui::Grid::new("brevtyper").num_columns(2).spacing([16.0, 10.0]).show(ui, |ui| {
            for (typ, beskrivning) in TYPER {
                if ui.button(typ.titel()).clicked() {
                    vald = Some(typ);
                }
                ui.label(beskrivning);
                ui.end_row();
            }
        });
        match vald {
            Some(Brevtyp::Kallelse) => self.borja_kallelse(ctx),
            Some(typ) => {
                let dokument = Dokument::Arendebrev { arendenummer: self.arendenummer.clone(), typ };
                self.skriv_dokument(ctx, dokument, typ);
            }
            None => {}
        }
        self.visa_kallelse(ui, ctx);
    }

    fn spara(&mut self, ctx: &mut Kontext) {
        crate::ui::kontext::inget_att_spara(ctx, Flik::Brev, "; ett brev sparas när det skrivs ut");
    }

    /// Prints the kallelse being prepared; with none, says which letter to choose.
    fn skriv_ut(&mut self, ctx: &mut Kontext) {
        match self.vald_kallelse() {
            Some(val) => {
                let dokument = Dokument::Kallelse { arendenummer: self.arendenummer.clone(), val };
                self.skriv_dokument(ctx, dokument, Brevtyp::Kallelse);
            }
            None => inget_att_skriva_ut(ctx, Flik::Brev, " än – välj vilket brev som ska skrivas"),
        }
    }
}
