//! Ärenden att avsluta: open cases without an application for a whole month, each with the
//! proposal to close it (reason "Har inte ansökt på en månad") and write the avslut letter;
//! a young adult's case says "Kontakta först" until the contact is recorded.

use crate::arbete::arshjul as atgard;
use crate::store::AvslutsforslagRad;
use crate::ui::flikar::Flik;
use crate::ui::kontext::{Begaran, Kontext};
use crate::ui::krock::Krockvakt;
use crate::ui::tema::{self, Signal};
use crate::ui::widgetar::{kolumnrubrik, rubrik, textfalt};
use egui::{RichText, Ui};

pub struct Avslutsvy {
    rader: Vec<AvslutsforslagRad>,
    utfall: String,
    /// A contact another user recorded meanwhile: shown at the form until read in.
    krock: Krockvakt,
}

impl Avslutsvy {
    pub fn ny(ctx: &mut Kontext) -> Avslutsvy {
        let mut vy = Avslutsvy { rader: Vec::new(), utfall: String::new(), krock: Krockvakt::default() };
        vy.ladda(ctx);
        vy
    }

    fn ladda(&mut self, ctx: &mut Kontext) {
        self.rader = ctx.las(ctx.store.avslutsforslag(ctx.nu().date()));
    }

    pub fn visa(&mut self, ui: &mut Ui, ctx: &mut Kontext) {
        rubrik(ui, &format!("{} ärenden utan ansökan på en hel månad", self.rader.len()));
        if self.rader.is_empty() {
            ui.label("Alla aktuella ärenden har ansökt för förra eller denna månad.");
            return;
        }
        ui.label(
            "Förslag: avsluta med orsaken \"Har inte ansökt på en månad\" och skicka meddelande om avslut. \
             Unga vuxna (18–24 år) kontaktas först per telefon och brev; skriv vad kontakten gav.",
        );
        textfalt(ui, "Vad kontakten gav", &mut self.utfall, None, 520.0);
        if self.krock.visa(ui) {
            self.ladda(ctx);
            self.krock.inlast("kontakterna som de står i listan");
        }
        let mut andrad = false;
        let varning = tema::signalfarg(Signal::Varning, ui.visuals().dark_mode);
        egui::Grid::new("avsluta").num_columns(5).striped(true).spacing([14.0, 6.0]).show(ui, |ui| {
            for k in ["Ärende", "Handläggare", "Senaste ansökan", "Kontakt", ""] {
                kolumnrubrik(ui, k);
            }
            ui.end_row();
            let (rader, utfall, krock) = (&self.rader, self.utfall.as_str(), &mut self.krock);
            for r in rader {
                if ui.link(&r.arendenummer).on_hover_text("Öppna ärendet").clicked() {
                    ctx.begar(Begaran::OppnaArende(r.arende_id, Flik::Oversikt));
                }
                ui.label(&r.handlaggare);
                ui.label(r.senaste_ansokan.map(|m| m.namn()).unwrap_or_else(|| "Ingen".into()));
                match (&r.kontakt, r.ung_vuxen) {
                    (Some((d, u)), _) => ui.label(format!("{d}: {u}")),
                    (None, true) => ui.label(RichText::new("Ung vuxen – kontakta först").color(varning)),
                    (None, false) => ui.label("–"),
                };
                ui.horizontal(|ui| andrad |= Self::knappar(ui, ctx, (utfall, &mut *krock), r));
                ui.end_row();
            }
        });
        if andrad {
            self.ladda(ctx);
        }
    }

    /// Registrera kontakt and Avsluta for one case; true when something changed.
    /// A contact is recorded over the version the list read; a race is kept at the form.
    fn knappar(ui: &mut Ui, ctx: &mut Kontext, (utfall, krock): (&str, &mut Krockvakt), r: &AvslutsforslagRad) -> bool {
        let aktor = ctx.aktor.clone();
        if ui.button("Registrera kontakt").accessible_name(format!("Registrera kontakt {}", r.arendenummer)).clicked() {
            let las = (r.arende_id, Some(r.kontakt_version));
            let svar = atgard::registrera_kontakt(ctx.store, &aktor, las, aktor.nu.date(), utfall);
            if krock.resultat(ctx, svar).is_some() {
                krock.rensa();
                ctx.klart(format!("Kontakten med ärende {} står i journalen.", r.arendenummer));
                return true;
            }
        }
        let kan = !r.ung_vuxen || r.kontakt.is_some();
        let knapp = ui.add_enabled(kan, egui::Button::new("Avsluta och skriv brev"));
        if knapp.accessible_name(format!("Avsluta {}", r.arendenummer)).clicked() {
            let fil = ctx.utskrift.fil(&format!("avslut-{}.pdf", r.arendenummer));
            let svar = atgard::avsluta_utan_ansokan(ctx.store, &aktor, r.arende_id, &fil);
            if let Some(f) = ctx.utfall(svar) {
                ctx.klart(format!("Ärende {} är avslutat; meddelandet är sparat som {}.", r.arendenummer, f.display()));
                ctx.begar(Begaran::LasOmListan);
                if ctx.utskrift.oppna_visare {
                    crate::ui::kontext::oppna_i_visare(&f);
                }
                return true;
            }
        }
        false
    }
}
