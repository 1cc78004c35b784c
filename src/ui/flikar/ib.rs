//! The IB tab: Initial bedömning parts 1–3 as forms defined by data (Del 4 is the Plan tab).
//! Del 2 is printed for Jobbtorg only with the client's recorded consent.

use crate::arbete;
use crate::domain::arende::Arende;
use crate::domain::ib::{IbDefinition, IbSvar};
use crate::store::{INGEN_RAD, Radslag};
use crate::ui::kontext::{Flikvy, Kontext};
use crate::ui::krock::Krockvakt;
use crate::ui::utkast::{Autospar, Utkastplats, nyckel};
use crate::ui::widgetar::{textfalt, textyta, valjlista};
use crate::utskrift::Dokument;

pub struct IbVy {
    arende_id: i64,
    arendenummer: String,
    definition: IbDefinition,
    svar: IbSvar,
    sparat_svar: IbSvar,
    /// The answers' version when read ([`INGEN_RAD`]: the case had none yet).
    las: i64,
    /// A save refused because another user saved the answers meanwhile.
    krock: Krockvakt,
    autospar: Autospar,
}

impl IbVy {
    pub fn ny(ctx: &mut Kontext, arende: &Arende) -> IbVy {
        let (autospar, draft) = Autospar::ny::<IbSvar>(
            ctx.store,
            &ctx.aktor.login,
            nyckel(Utkastplats::Ib(arende.id)),
            crate::ui::utkast::titel(ctx.store, "Initial bedömning", arende),
        );
        if let Some((_, fel)) = autospar.lasfel() {
            ctx.fel(fel);
        }
        let sparat = ctx.las(ctx.store.ib_svar(arende.id));
        // Answers keep the definition version they were given under; the shipped definition is
        // shown while a stored one cannot be read (and the error says so).
        let version = sparat.as_ref().map(|s| s.definition_version);
        let definition = ctx.store.ib_definition(version).unwrap_or_else(|e| {
            ctx.fel(e);
            crate::domain::ib::levererad_definition()
        });
        let sparat = sparat.unwrap_or(IbSvar { definition_version: definition.version, ..Default::default() });
        IbVy {
            arende_id: arende.id,
            arendenummer: arende.arendenummer.clone(),
            definition,
            svar: draft.unwrap_or_else(|| sparat.clone()),
            sparat_svar: sparat,
            las: las_version(ctx, arende.id),
            krock: Krockvakt::default(),
            autospar,
        }
    }

    /// "Läs in den nya versionen": the answers as another user saved them, with the fields
    /// changed here kept on top, to save again.
    fn las_in(&mut self, ctx: &mut Kontext) {
        self.las = las_version(ctx, self.arende_id);
        if let Some(sparat) = ctx.las(ctx.store.ib_svar(self.arende_id)) {
            let andrad = ctx.store.senast_andrad(Radslag::Ib, self.arende_id);
            let vem = andrad.map(|a| format!("{} {}", a.vem, a.nar.get(..16).unwrap_or(&a.nar))).unwrap_or_default();
            self.svar = self.svar.pa_ny_version(&self.sparat_svar, &sparat);
            self.sparat_svar = sparat;
            self.krock.inlast(&format!("svaren från {vem}"));
        }
    }

    fn visa_del(&mut self, ui: &mut egui::Ui, del: &crate::domain::ib::Del, idag: chrono::NaiveDate) {
        if del.samtycke {
            let mut samtycke = self.svar.samtycke_jobbtorg.is_some();
            if ui.checkbox(&mut samtycke, "Klienten samtycker till att Del 2 lämnas till Jobbtorg").changed() {
                self.svar.samtycke_jobbtorg = samtycke.then_some(idag);
            }
            if let Some(d) = self.svar.samtycke_jobbtorg {
                ui.label(format!("Samtycke lämnat {d}."));
            }
        }
        for f in &del.falt {
            let nyckel = format!("{}.{}", del.id, f.id);
            // An untouched field stays absent, so only real answers make a draft.
            let mut varde = self.svar.svar.get(&nyckel).cloned().unwrap_or_default();
            match f.typ.as_str() {
                "text" => {
                    textyta(ui, &f.etikett, &mut varde, None, 3);
                }
                "val" | "janej" => {
                    let alternativ: Vec<String> =
                        if f.typ == "janej" { vec!["Ja".into(), "Nej".into()] } else { f.val.clone() };
                    let vald = if varde.is_empty() { "Välj …".to_string() } else { varde.clone() };
                    valjlista(ui, &f.etikett, &vald, 300.0, |ui| {
                        for a in &alternativ {
                            ui.selectable_value(&mut varde, a.clone(), a);
                        }
                    });
                }
                _ => {
                    textfalt(ui, &f.etikett, &mut varde, None, 420.0);
                }
            }
            if self.svar.svar.get(&nyckel).map_or(!varde.is_empty(), |v| *v != varde) {
                self.svar.svar.insert(nyckel, varde);
            }
        }
    }

    fn spara_svar(&mut self, ctx: &mut Kontext) -> bool {
        match arbete::ib::spara_ib(ctx.store, &ctx.aktor, (self.arende_id, Some(self.las)), &self.svar) {
            Ok(()) => {}
            Err(e) if self.krock.fanga(&e) => return false,
            Err(e) => {
                ctx.fel(e);
                return false;
            }
        }
        self.krock.rensa();
        self.las = las_version(ctx, self.arende_id);
        let _ = self.autospar.klar(ctx.store);
        self.sparat_svar = self.svar.clone();
        ctx.sparat();
        true
    }
}

impl Flikvy for IbVy {
    fn ladda(&mut self, _ctx: &mut Kontext) {}

    fn visa(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        ui.label(format!(
            "Initial bedömning (formulär version {}). Del 4 är förändringsplanen under fliken Plan.",
            self.definition.version
        ));
        if self.krock.visa(ui) {
            self.las_in(ctx);
        }
        let delar = self.definition.delar.clone();
        for del in &delar {
            egui::CollapsingHeader::new(&del.rubrik).default_open(true).show(ui, |ui| {
                self.visa_del(ui, del, ctx.nu().date());
            });
        }
        match self.autospar.folj(ctx.store, &self.svar, self.svar == self.sparat_svar, ctx.nu()) {
            Ok(true) => ctx.sparat(),
            Ok(false) => {}
            Err(e) => ctx.fel(e),
        }
        let (mut spara, mut skriv) = (false, false);
        ui.horizontal(|ui| {
            spara = ui.button("Spara IB").clicked();
            skriv = ui.button("Skriv ut Del 2 för Jobbtorg").clicked();
        });
        if spara {
            self.spara(ctx);
        }
        if skriv {
            self.skriv_ut(ctx);
        }
    }

    /// Saves the answers (the button, or Ctrl+S on this tab).
    fn spara(&mut self, ctx: &mut Kontext) {
        if self.spara_svar(ctx) {
            ctx.klart("Den initiala bedömningen är sparad.");
        }
    }

    /// Prints Del 2 for Jobbtorg (unsaved answers are saved first; consent is required).
    fn skriv_ut(&mut self, ctx: &mut Kontext) {
        if self.svar != self.sparat_svar && !self.spara_svar(ctx) {
            return;
        }
        let dokument = Dokument::IbDel { arendenummer: self.arendenummer.clone(), del: "del2".into() };
        ctx.skriv_ut(&dokument, &format!("ib-del2-{}.pdf", self.arendenummer));
    }
}

/// The version of the case's IB answers now ([`INGEN_RAD`] while it has none).
fn las_version(ctx: &mut Kontext, arende_id: i64) -> i64 {
    ctx.store.senast_andrad(Radslag::Ib, arende_id).map(|a| a.version).unwrap_or(INGEN_RAD)
}
