//! Editing the årshjul: the controls month by month, whom each is for, and the date the new
//! version applies from. Saved through `arbete::arshjul::spara_arshjul` as a new version.

use crate::arbete::arshjul as atgard;
use crate::domain::arshjul::{Arshjul, Galler, Kontroll};
use crate::domain::datum::parse_datum;
use crate::store::INGEN_RAD;
use crate::ui::kontext::Kontext;
use crate::ui::krock::Krockvakt;
use crate::ui::widgetar::{cellfalt, cellval, felrad, kolumnrubrik, textfalt};
use egui::Ui;

pub struct Arshjulsredigering {
    rader: Vec<(String, Galler, String, String)>,
    giltig_fran: String,
    fel: Option<String>,
    /// The latest save when the editor opened ([`INGEN_RAD`]: none, the shipped årshjul).
    sedd: i64,
    /// A save refused because another user saved a version meanwhile.
    krock: Krockvakt,
}

impl Arshjulsredigering {
    /// Starts from the version valid today.
    pub fn ny(ctx: &mut Kontext) -> Arshjulsredigering {
        let idag = ctx.nu().date();
        let hjul = ctx.store.arshjul(idag);
        let hjul = ctx.utfall(hjul).unwrap_or_else(Arshjul::standard);
        Arshjulsredigering {
            rader: hjul.kontroller.into_iter().map(|k| (k.manad.to_string(), k.galler, k.text, k.id)).collect(),
            giltig_fran: idag.to_string(),
            fel: None,
            sedd: senast_sparat(ctx).map_or(INGEN_RAD, |s| s.version),
            krock: Krockvakt::default(),
        }
    }

    /// "Läs in den nya versionen": the latest save becomes the one edited from; the rows typed
    /// here stay, to check and save again.
    fn las_in(&mut self, ctx: &mut Kontext) {
        let senast = senast_sparat(ctx);
        self.sedd = senast.as_ref().map_or(INGEN_RAD, |s| s.version);
        let nu = senast.map(|s| format!("sparat av {} {}", s.vem, s.nar.get(..16).unwrap_or(&s.nar)));
        self.krock.inlast(&nu.unwrap_or_else(|| "programmets årshjul".into()));
    }

    pub fn visa(&mut self, ui: &mut Ui, ctx: &mut Kontext) {
        let mut bort = None;
        egui::Grid::new("arshjul_redigera").num_columns(4).striped(true).spacing([10.0, 6.0]).show(ui, |ui| {
            for k in ["Månad (1–12)", "Gäller", "Kontroll", ""] {
                kolumnrubrik(ui, k);
            }
            ui.end_row();
            for (i, (manad, galler, text, _)) in self.rader.iter_mut().enumerate() {
                let n = i + 1;
                cellfalt(ui, &format!("Kontroll {n}: månad"), manad, false, 50.0);
                cellval(ui, &format!("Kontroll {n}: gäller"), galler.namn(), 190.0, |ui| {
                    for g in Galler::ALLA {
                        ui.selectable_value(galler, *g, g.namn());
                    }
                });
                cellfalt(ui, &format!("Kontroll {n}: text"), text, false, 340.0);
                if ui.button("Ta bort").accessible_name(format!("Ta bort kontroll {n}")).clicked() {
                    bort = Some(i);
                }
                ui.end_row();
            }
        });
        if let Some(i) = bort {
            self.rader.remove(i);
        }
        if ui.button("Lägg till kontroll").clicked() {
            self.rader.push(("1".into(), Galler::Alla, String::new(), String::new()));
        }
        textfalt(ui, "Den nya versionen gäller från", &mut self.giltig_fran, None, 140.0);
        if self.krock.visa(ui) {
            self.las_in(ctx);
        }
        if ui.button("Spara årshjulet som ny version").clicked() {
            self.spara(ctx);
        }
        if let Some(f) = &self.fel {
            felrad(ui, f);
        }
    }

    fn spara(&mut self, ctx: &mut Kontext) {
        let hjul = match self.tolka(ctx.nu().date()) {
            Ok(h) => h,
            Err(e) => return self.fel = Some(e),
        };
        let aktor = ctx.aktor.clone();
        match atgard::spara_arshjul(ctx.store, &aktor, (&hjul, Some(self.sedd))) {
            Ok(()) => {
                self.fel = None;
                self.krock.rensa();
                self.sedd = senast_sparat(ctx).map_or(INGEN_RAD, |s| s.version);
                ctx.klart(format!("Årshjulet är sparat och gäller från {}.", hjul.giltig_fran));
            }
            Err(e) if self.krock.fanga(&e) => {}
            Err(e) => ctx.fel(e),
        }
    }

    /// The edited rows as a version; a new control gets an id from its month and place.
    fn tolka(&self, idag: chrono::NaiveDate) -> Result<Arshjul, String> {
        let giltig_fran = parse_datum(&self.giltig_fran, idag)?;
        let mut kontroller = Vec::new();
        for (i, (manad, galler, text, id)) in self.rader.iter().enumerate() {
            let manad: u32 = manad.trim().parse().map_err(|_| format!("Kontroll {}: månaden ska vara 1–12.", i + 1))?;
            let id = if id.is_empty() { format!("egen_{manad}_{}", i + 1) } else { id.clone() };
            kontroller.push(Kontroll { id, manad, galler: *galler, text: text.trim().to_string() });
        }
        let hjul = Arshjul { giltig_fran, kontroller };
        hjul.validera()?;
        Ok(hjul)
    }
}

/// The latest save of the årshjul, or none (an error is shown).
fn senast_sparat(ctx: &mut Kontext) -> Option<crate::store::SenastAndrad> {
    let svar = ctx.store.arshjul_senast_sparat();
    ctx.utfall(svar).flatten()
}
