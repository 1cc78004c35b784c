//! The Hushåll tab: who lives in the household, the address (hidden when protected until the
//! viewing is logged) and the telephone, the payee and contact details, the history (who lived
//! there when, earlier addresses), and "Ändra hushållet …".

use super::hushall_historik as historik;
use crate::arbete;
use crate::domain::arende::Arende;
use crate::domain::hushall::Roll;
use crate::store::HushallVy;
use crate::ui::dialoger::andra_hushall::{AndraHushall, Andringssvar};
use crate::ui::flikar::Flik;
use crate::ui::kontext::{Flikvy, Kontext, inget_att_skriva_ut, inget_att_spara};
use crate::ui::widgetar::{rad, rubrik};
use egui::RichText;

pub struct HushallFlik {
    arende_id: i64,
    hushall: HushallVy,
    visa_adress: bool,
    dialog: Option<AndraHushall>,
    /// The household after a change, for the open case to take.
    andrat: Option<HushallVy>,
}

impl HushallFlik {
    pub fn ny(arende: &Arende, hushall: &HushallVy) -> HushallFlik {
        HushallFlik { arende_id: arende.id, hushall: hushall.clone(), visa_adress: false, dialog: None, andrat: None }
    }

    /// The household as changed in the dialog since last asked, if it was.
    pub fn tag_andrat(&mut self) -> Option<HushallVy> {
        self.andrat.take()
    }

    /// Esc: the change dialog closes; its draft stays.
    pub fn stang_dialog(&mut self, ctx: &mut Kontext) {
        if self.dialog.take().is_some() {
            ctx.varna(
                "Ändringen är inte sparad. Det du skrev finns kvar som utkast när du öppnar Ändra hushållet … igen.",
            );
        }
    }

    fn visa_dialog(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        let Some(d) = &mut self.dialog else { return };
        match d.visa(ui.ctx(), ctx) {
            Some(Andringssvar::Sparad(h, rad)) => {
                self.dialog = None;
                self.hushall = (*h).clone();
                self.andrat = Some(*h);
                ctx.klart(rad);
            }
            Some(Andringssvar::Stangd) => self.stang_dialog(ctx),
            Some(Andringssvar::Inlast(h)) => {
                self.hushall = (*h).clone();
                self.andrat = Some(*h);
            }
            None => {}
        }
    }

    fn visa_medlemmar(&self, ui: &mut egui::Ui, idag: chrono::NaiveDate) {
        rubrik(ui, "Personer i hushållet");
        egui::Grid::new("medlemmar").num_columns(6).striped(true).spacing([24.0, 8.0]).show(ui, |ui| {
            for h in ["Roll", "Namn", "Personnummer", "Ålder", "Bor här från", "Noteringar"] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for h in self.hushall.boende_den(idag) {
                let m = &h.medlem;
                ui.label(m.roll.namn());
                ui.label(m.person.namn());
                ui.label(m.person.pnr.to_string());
                ui.label(format!("{} år", m.person.pnr.age_at(idag)));
                ui.label(match h.till {
                    Some(till) => format!("{} (flyttar ut, sista dag {till})", h.fran),
                    None => h.fran.to_string(),
                });
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
        let har_medsokande = self.hushall.medlemmar.iter().any(|m| m.roll == Roll::Medsokande);
        if let Some(r) = self.hushall.relation.filter(|_| har_medsokande) {
            ui.label(format!("Medsökande: {}", r.namn().to_lowercase()));
        }
    }
}

impl Flikvy for HushallFlik {
    fn ladda(&mut self, _ctx: &mut Kontext) {}

    fn visa(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        if ui
            .button("Ändra hushållet …")
            .on_hover_text("Barn fött, in- eller utflyttning, ny adress, skydd, utbetalning")
            .clicked()
        {
            ctx.rensa();
            self.dialog = Some(AndraHushall::ny(ctx.store, &ctx.aktor.login, self.arende_id, &self.hushall));
        }
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
        let dold = self.hushall.skyddade_personuppgifter && !self.visa_adress;
        historik::visa_uppgifter(ui, &self.hushall);
        historik::visa(ui, &self.hushall, dold);
        self.visa_dialog(ui, ctx);
    }

    fn spara(&mut self, ctx: &mut Kontext) {
        if let Some(d) = &mut self.dialog {
            if let Some(svar) = d.spara(ctx) {
                if let Andringssvar::Sparad(h, rad) = svar {
                    self.hushall = (*h).clone();
                    self.andrat = Some(*h);
                    ctx.klart(rad);
                }
                self.dialog = None;
            }
            return;
        }
        inget_att_spara(ctx, Flik::Hushall, "; ändra hushållet med Ändra hushållet …");
    }

    fn skriv_ut(&mut self, ctx: &mut Kontext) {
        inget_att_skriva_ut(ctx, Flik::Hushall, "");
    }
}

pub(super) fn or_streck(text: &str) -> &str {
    if text.trim().is_empty() { "–" } else { text }
}
