//! The Hushåll tab: who lives in the household, the address (hidden when protected until the
//! viewing is logged) and the telephone.

use crate::arbete;
use crate::domain::arende::Arende;
use crate::domain::hushall::Roll;
use crate::store::HushallVy;
use crate::ui::flikar::Flik;
use crate::ui::kontext::{Flikvy, Kontext, inget_att_skriva_ut, inget_att_spara};
use crate::ui::widgetar::{rad, rubrik};
use egui::RichText;

pub struct HushallFlik {
    arende_id: i64,
    hushall: HushallVy,
    visa_adress: bool,
}

impl HushallFlik {
    pub fn ny(arende: &Arende, hushall: &HushallVy) -> HushallFlik {
        HushallFlik { arende_id: arende.id, hushall: hushall.clone(), visa_adress: false }
    }

    fn visa_medlemmar(&self, ui: &mut egui::Ui, idag: chrono::NaiveDate) {
        rubrik(ui, "Personer i hushållet");
        egui::Grid::new("medlemmar").num_columns(5).striped(true).spacing([24.0, 8.0]).show(ui, |ui| {
            for h in ["Roll", "Namn", "Personnummer", "Ålder", "Noteringar"] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for m in &self.hushall.medlemmar {
                ui.label(m.roll.namn());
                ui.label(m.person.namn());
                ui.label(m.person.pnr.to_string());
                ui.label(format!("{} år", m.person.pnr.age_at(idag)));
                let mut noter = Vec::new();
                if m.roll == Roll::Barn && m.lunch_utanfor_hemmet {
                    noter.push("äter lunch utanför hemmet");
                }
                if m.gar_i_gymnasiet {
                    noter.push("går i gymnasiet");
                }
                ui.label(noter.join(", "));
                ui.end_row();
            }
        });
        if let Some(r) = self.hushall.relation {
            ui.label(format!("Medsökande: {}", r.namn().to_lowercase()));
        }
    }
}

impl Flikvy for HushallFlik {
    fn ladda(&mut self, _ctx: &mut Kontext) {}

    fn visa(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        self.visa_medlemmar(ui, ctx.nu().date());
        rubrik(ui, "Adress och telefon");
        let dold = self.hushall.skyddade_personuppgifter && !self.visa_adress;
        egui::Grid::new("adress").num_columns(2).spacing([24.0, 8.0]).show(ui, |ui| {
            let adress = if dold { "(dold – skyddade personuppgifter)".into() } else { self.hushall.adress.en_rad() };
            rad(ui, "Adress", &adress);
            rad(ui, "Telefon", or_streck(&self.hushall.telefon));
        });
        if dold {
            if ui.button("Visa adressen").on_hover_text("Att adressen visades loggas i ärendet").clicked() {
                // The address is shown only once the viewing is logged.
                let svar = arbete::arende::visa_skyddad_adress(ctx.store, &ctx.aktor, self.arende_id);
                self.visa_adress = ctx.utfall(svar).is_some();
            }
        } else if self.hushall.skyddade_personuppgifter && ui.button("Dölj adressen").clicked() {
            self.visa_adress = false;
        }
    }

    fn spara(&mut self, ctx: &mut Kontext) {
        inget_att_spara(ctx, Flik::Hushall, "; hushållet ändras inte här");
    }

    fn skriv_ut(&mut self, ctx: &mut Kontext) {
        inget_att_skriva_ut(ctx, Flik::Hushall, "");
    }
}

fn or_streck(text: &str) -> &str {
    if text.trim().is_empty() { "–" } else { text }
}
