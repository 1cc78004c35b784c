//! The Översikt tab: the case's facts, its status and who is responsible (autosaved).

use crate::arbete::{self, arende::Ansvar};
use crate::domain::arende::{Arende, ArendeStatus, Avslutsorsak};
use crate::domain::hushall::Roll;
use crate::store::HushallVy;
use crate::ui::flikar::Flik;
use crate::ui::kontext::{Begaran, Flikvy, Kontext, inget_att_skriva_ut};
use crate::ui::krock::Krockvakt;
use crate::ui::utkast::{Autospar, Utkastplats, nyckel};
use crate::ui::widgetar::{rad, rubrik, textfalt, valj_forsorjningshinder, valjlista};

pub struct OversiktVy {
    arende: Arende,
    personer: String,
    ansvar: Ansvar,
    autospar: Autospar,
    ny_status: ArendeStatus,
    avslutsorsak: Option<Avslutsorsak>,
    bekrafta_status: bool,
    /// A save refused because another user changed the case meanwhile.
    krock: Krockvakt,
}

impl OversiktVy {
    pub fn ny(ctx: &mut Kontext, arende: &Arende, hushall: &HushallVy) -> OversiktVy {
        let (autospar, draft) = Autospar::ny::<Ansvar>(
            ctx.store,
            &ctx.aktor.login,
            nyckel(Utkastplats::Ansvar(arende.id)),
            crate::ui::utkast::titel(ctx.store, "Ansvariga", arende),
        );
        if let Some((_, fel)) = autospar.lasfel() {
            ctx.fel(fel);
        }
        let boende = hushall.boende_den(ctx.nu().date());
        let barn = boende.iter().filter(|h| h.medlem.roll == Roll::Barn).count();
        let personer = match (boende.len() - barn, barn) {
            (1, 0) => "1 vuxen".to_string(),
            (v, 0) => format!("{v} vuxna"),
            (v, b) => format!("{v} {}, {b} barn", if v == 1 { "vuxen" } else { "vuxna" }),
        };
        OversiktVy {
            // A draft keeps the version it was typed against (an older draft: the case as it is).
            ansvar: draft
                .map(|d: Ansvar| Ansvar { version: d.version.or(Some(arende.version)), ..d })
                .unwrap_or_else(|| Ansvar::av(arende)),
            personer,
            autospar,
            ny_status: arende.status,
            avslutsorsak: None,
            bekrafta_status: false,
            krock: Krockvakt::default(),
            arende: arende.clone(),
        }
    }

    /// The case as it now is, after a change.
    /// A form not being edited follows the case; one being edited keeps the version it was
    /// typed against, so a change by someone else is still caught when it is saved.
    pub fn arendet_andrat(&mut self, arende: &Arende) {
        if !self.ansvar.skiljer_sig_fran(&self.arende) {
            self.ansvar = Ansvar::av(arende);
        }
        self.arende = arende.clone();
    }

    /// "Läs in den nya versionen": the case as another user left it; the form keeps what the
    /// user typed and now carries the new version.
    fn las_in(&mut self, ctx: &mut Kontext) {
        let Some(a) = ctx.utfall(ctx.store.arende(self.arende.id)) else { return };
        self.ansvar = self.ansvar.pa_ny_version(&self.arende, &a);
        let hinder = a.forsorjningshinder.map(|h| h.namn().to_lowercase()).unwrap_or_else(|| "inte bedömt".into());
        self.krock.inlast(&format!(
            "status {}, socialsekreterare {}, bidragshandläggare {}, försörjningshinder {hinder}",
            a.status.namn().to_lowercase(),
            streck(&a.socialsekreterare),
            streck(&a.bidragshandlaggare)
        ));
        self.arende = a;
        ctx.begar(Begaran::LasOmArendet);
        ctx.begar(Begaran::LasOmListan);
    }

    fn visa_fakta(&self, ui: &mut egui::Ui) {
        rubrik(ui, "Ärendet");
        egui::Grid::new("arende_fakta").num_columns(2).spacing([24.0, 8.0]).show(ui, |ui| {
            rad(ui, "Ärendenummer", &self.arende.arendenummer);
            rad(ui, "Status", self.arende.status.namn());
            if let Some(o) = self.arende.avslutsorsak {
                rad(ui, "Avslutsorsak", o.namn());
            }
            rad(ui, "Aktuellt sedan", &self.arende.startdatum.to_string());
            rad(ui, "Personer i hushållet", &self.personer);
            if let Some(d) = self.arende.avslutsdatum {
                rad(ui, "Avslutat", &d.to_string());
            }
        });
    }

    fn visa_status(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        rubrik(ui, "Ändra status");
        ui.horizontal_wrapped(|ui| {
            valjlista(ui, "Ny status", self.ny_status.namn(), 240.0, |ui| {
                for s in ArendeStatus::ALLA {
                    ui.selectable_value(&mut self.ny_status, *s, s.namn());
                }
            });
            if self.ny_status == ArendeStatus::Avslutad {
                let vald = self.avslutsorsak.map(|o| o.namn()).unwrap_or("Välj …");
                valjlista(ui, "Avslutsorsak", vald, 320.0, |ui| {
                    for o in Avslutsorsak::ALLA {
                        ui.selectable_value(&mut self.avslutsorsak, Some(*o), o.namn());
                    }
                });
            }
        });
        if self.ny_status == self.arende.status {
            return;
        }
        if !self.bekrafta_status {
            self.bekrafta_status = ui.button("Ändra status …").clicked();
            return;
        }
        ui.label(format!(
            "Ärende {} får status {}. Ändringen loggas.",
            self.arende.arendenummer,
            self.ny_status.namn().to_lowercase()
        ));
        ui.horizontal(|ui| {
            if ui.button("Ja, ändra status").clicked() {
                self.bekrafta_status = false;
                let (till, orsak) = (self.ny_status, self.avslutsorsak);
                let las = (self.arende.id, Some(self.arende.version));
                let svar = arbete::arende::byt_status(ctx.store, &ctx.aktor, las, till, orsak);
                if let Some(a) = self.krock.resultat(ctx, svar) {
                    self.ansvar.version = Some(a.version);
                    self.krock.rensa();
                    self.arende = a;
                    ctx.klart(format!("Status ändrad till {}.", till.namn().to_lowercase()));
                    ctx.sparat();
                    ctx.begar(Begaran::LasOmArendet);
                    ctx.begar(Begaran::LasOmListan);
                }
            }
            if ui.button("Avbryt").clicked() {
                self.bekrafta_status = false;
            }
        });
    }
}

impl Flikvy for OversiktVy {
    fn ladda(&mut self, _ctx: &mut Kontext) {}

    fn visa(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        self.visa_fakta(ui);
        if self.krock.visa(ui) {
            self.las_in(ctx);
        }
        self.visa_status(ui, ctx);
        rubrik(ui, "Ansvariga och försörjningshinder");
        ui.horizontal_wrapped(|ui| {
            textfalt(ui, "Socialsekreterare", &mut self.ansvar.socialsekreterare, None, 260.0);
            textfalt(ui, "Bidragshandläggare", &mut self.ansvar.bidragshandlaggare, None, 260.0);
        });
        valj_forsorjningshinder(ui, &mut self.ansvar.forsorjningshinder);
        let osparat = self.ansvar.skiljer_sig_fran(&self.arende);
        if ui.add_enabled(osparat, egui::Button::new("Spara ansvariga")).clicked() {
            self.spara(ctx);
        }
        if let Err(e) = self.autospar.folj(ctx.store, &self.ansvar, !osparat, ctx.nu()) {
            ctx.fel(e);
        }
    }

    /// Saves the responsibility form (the button, or Ctrl+S on this tab).
    fn spara(&mut self, ctx: &mut Kontext) {
        if !self.ansvar.skiljer_sig_fran(&self.arende) {
            ctx.varna("Ansvariga och försörjningshinder är redan sparade; det finns inget nytt att spara.");
            return;
        }
        let svar = arbete::arende::andra_ansvar(ctx.store, &ctx.aktor, self.arende.id, &self.ansvar);
        if let Some(a) = self.krock.resultat(ctx, svar) {
            self.ansvar.version = Some(a.version);
            self.krock.rensa();
            self.arende = a;
            let _ = self.autospar.klar(ctx.store);
            ctx.klart("Ansvariga sparade.");
            ctx.sparat();
            ctx.begar(Begaran::LasOmArendet);
            ctx.begar(Begaran::LasOmListan);
        }
    }

    fn skriv_ut(&mut self, ctx: &mut Kontext) {
        inget_att_skriva_ut(ctx, Flik::Oversikt, "; brev skrivs ut under fliken Brev");
    }
}

fn streck(text: &str) -> &str {
    if text.trim().is_empty() { "–" } else { text.trim() }
}
