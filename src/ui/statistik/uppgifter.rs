//! Enhetens uppgifter till statistiken: the district's population per year, the smallest
//! number of households a figure may rest on, and a case's first contact and nybesök.

use crate::arbete::statistik as atgard;
use crate::domain::datum::parse_datum;
use crate::domain::statistik::{Befolkning, STANDARD_MINSTA_ANTAL};
use crate::store::{INGEN_RAD, Radslag};
use crate::ui::kontext::Kontext;
use crate::ui::krock::Krockvakt;
use crate::ui::widgetar::{felrad, rubrik, textfalt};
use egui::Ui;

#[derive(Default)]
pub struct Uppgiftsvy {
    ar: String,
    barn: String,
    vuxna: String,
    minsta: String,
    arende: String,
    kontakt: String,
    besok: String,
    /// The nybesök of the case whose number is typed, as the form read it.
    last: Option<Last>,
    krock: Krockvakt,
    fel: Option<String>,
    sparade: Vec<Befolkning>,
}

/// A case's nybesök as the form read it: the case number typed, the version ([`INGEN_RAD`]: none
/// recorded; `None`: no such case) and the dates stored then.
struct Last {
    nummer: String,
    version: Option<i64>,
    datum: [String; 2],
}

/// The version of a case's nybesök and its dates ("" while none is recorded).
fn las_rad(ctx: &Kontext, arende_id: i64) -> (i64, [String; 2]) {
    let version = ctx.store.senast_andrad(Radslag::Nybesok, arende_id).map(|s| s.version).unwrap_or(INGEN_RAD);
    let datum = match ctx.store.nybesok_for(arende_id) {
        Ok(Some((k, b))) => [k.to_string(), b.to_string()],
        _ => Default::default(),
    };
    (version, datum)
}

/// A whole number typed in a field, or the Swedish reason.
fn heltal(text: &str, vad: &str) -> Result<u32, String> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    t.parse().map_err(|_| format!("{vad}: skriv ett heltal, inte \"{}\".", text.trim()))
}

impl Uppgiftsvy {
    pub fn ny(ctx: &mut Kontext) -> Uppgiftsvy {
        let idag = ctx.nu().date();
        let minsta = ctx.las(ctx.store.minsta_antal());
        let mut vy = Uppgiftsvy {
            ar: chrono::Datelike::year(&idag).to_string(),
            minsta: if minsta == 0 { STANDARD_MINSTA_ANTAL } else { minsta }.to_string(),
            ..Default::default()
        };
        vy.sparade = ctx.las(ctx.store.befolkningar());
        vy
    }

    pub fn visa(&mut self, ui: &mut Ui, ctx: &mut Kontext) {
        rubrik(ui, "Befolkningen i stadsdelen");
        for b in &self.sparade {
            ui.label(format!("{}: {} barn, {} vuxna", b.ar, b.barn, b.vuxna));
        }
        ui.horizontal(|ui| {
            textfalt(ui, "År", &mut self.ar, None, 80.0);
            textfalt(ui, "Barn (0–17 år)", &mut self.barn, None, 140.0);
            textfalt(ui, "Vuxna (18 år och äldre)", &mut self.vuxna, None, 180.0);
        });
        if ui.button("Spara befolkningen").clicked() {
            self.spara_befolkning(ctx);
        }
        rubrik(ui, "Minsta antal hushåll bakom ett tal");
        textfalt(ui, "Minsta antal hushåll", &mut self.minsta, None, 80.0);
        if ui.button("Spara minsta antal").clicked() {
            let svar = heltal(&self.minsta, "Minsta antal").map_err(crate::arbete::Arbetsfel::Ogiltig).and_then(|n| {
                let aktor = ctx.aktor.clone();
                atgard::satt_minsta_antal(ctx.store, &aktor, n)
            });
            if ctx.utfall(svar).is_some() {
                ctx.klart("Minsta antal hushåll är sparat; nyckeltalen räknas med det nästa gång de visas.");
            }
        }
        rubrik(ui, "Nybesök (för väntetiden)");
        ui.horizontal(|ui| {
            textfalt(ui, "Ärendenummer", &mut self.arende, None, 120.0);
            textfalt(ui, "Första kontakt", &mut self.kontakt, None, 130.0);
            textfalt(ui, "Nybesök", &mut self.besok, None, 130.0);
        });
        self.folj_arende(ctx);
        if ui.button("Spara nybesöket").clicked() {
            self.spara_nybesok(ctx);
        }
        if self.krock.visa(ui) {
            self.las_in(ctx);
        }
        if let Some(f) = &self.fel {
            felrad(ui, f);
        }
    }

    fn spara_befolkning(&mut self, ctx: &mut Kontext) {
        let tolkat = (|| {
            let ar = heltal(&self.ar, "År")?;
            Ok::<_, String>(Befolkning {
                ar: i32::try_from(ar).map_err(|_| "År: skriv ett år, t.ex. 2026.".to_string())?,
                barn: heltal(&self.barn, "Barn")?,
                vuxna: heltal(&self.vuxna, "Vuxna")?,
            })
        })();
        let b = match tolkat {
            Ok(b) => b,
            Err(e) => return self.fel = Some(e),
        };
        let aktor = ctx.aktor.clone();
        let svar = atgard::satt_befolkning(ctx.store, &aktor, b);
        if ctx.utfall(svar).is_some() {
            self.fel = None;
            self.sparade = ctx.las(ctx.store.befolkningar());
            ctx.klart(format!("Befolkningen {} är sparad.", b.ar));
        }
    }

    fn spara_nybesok(&mut self, ctx: &mut Kontext) {
        let idag = ctx.nu().date();
        let datum = parse_datum(&self.kontakt, idag).and_then(|k| parse_datum(&self.besok, idag).map(|b| (k, b)));
        let (kontakt, besok) = match datum {
            Ok(d) => d,
            Err(e) => return self.fel = Some(e),
        };
        let arende = match ctx.store.arende_med_nummer(self.arende.trim()) {
            Ok(a) => a,
            Err(e) => return self.fel = Some(e.to_string()),
        };
        self.fel = None;
        let aktor = ctx.aktor.clone();
        let las = self.last.as_ref().and_then(|l| l.version);
        let svar = atgard::registrera_nybesok(ctx.store, &aktor, (arende.id, las), kontakt, besok);
        if self.krock.resultat(ctx, svar).is_some() {
            self.fel = None;
            self.krock.rensa();
            self.last = None;
            ctx.klart(format!("Nybesöket i ärende {} är sparat och står i journalen.", arende.arendenummer));
        }
    }

    /// When a case number is typed: its recorded nybesök fills the empty date fields, and the
    /// form carries the version it read, so a save over another user's newer one is refused.
    fn folj_arende(&mut self, ctx: &mut Kontext) {
        let nummer = self.arende.trim().to_string();
        if self.last.as_ref().is_some_and(|l| l.nummer == nummer) {
            return;
        }
        let rad = ctx.store.arende_med_nummer(&nummer).ok().map(|a| las_rad(ctx, a.id));
        let (version, datum) = rad.map_or((None, Default::default()), |(v, d)| (Some(v), d));
        for (falt, sparat) in [(&mut self.kontakt, &datum[0]), (&mut self.besok, &datum[1])] {
            if falt.trim().is_empty() {
                falt.clone_from(sparat);
            }
        }
        self.last = Some(Last { nummer, version, datum });
    }

    /// "Läs in den nya versionen": the version another user saved; a date changed here stays,
    /// one not changed takes the new value.
    fn las_in(&mut self, ctx: &mut Kontext) {
        let Ok(arende) = ctx.store.arende_med_nummer(self.arende.trim()) else { return };
        let (version, datum) = las_rad(ctx, arende.id);
        let fore = self.last.take().map(|l| l.datum).unwrap_or_default();
        for ((falt, fore), ny) in [&mut self.kontakt, &mut self.besok].into_iter().zip(&fore).zip(&datum) {
            if falt.trim() == fore.as_str() || falt.trim().is_empty() {
                falt.clone_from(ny);
            }
        }
        let andrad = ctx.store.senast_andrad(Radslag::Nybesok, arende.id).ok();
        let vem = andrad.map(|a| format!(" (av {} {})", a.vem, a.nar.get(..16).unwrap_or(&a.nar))).unwrap_or_default();
        self.krock.inlast(&format!("första kontakt {}, nybesök {}{vem}", datum[0], datum[1]));
        self.last = Some(Last { nummer: self.arende.trim().to_string(), version: Some(version), datum });
    }
}
