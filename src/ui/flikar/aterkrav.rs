//! The Beslut tab's återkrav parts: the repayment condition of a grant against repayment (what
//! the client was told, when and how), and the återkrav decision made later on a chosen grant.

use crate::arbete;
use crate::domain::beslut::aterkrav::{AterkravsFormular, Aterkravsgrund, VillkorFalt};
use crate::domain::falt::{Falt, FaltFel, fel_for};
use crate::ui::kontext::Kontext;
use crate::ui::tema;
use crate::ui::widgetar::{felrad, textfalt, textyta, valjlista};
use egui::RichText;

/// The grant's repayment condition, shown when a post is granted against repayment.
pub fn visa_villkor(ui: &mut egui::Ui, v: &mut VillkorFalt, fel: &[FaltFel]) {
    ui.label(RichText::new("Villkor för återbetalning").strong());
    let vald = Aterkravsgrund::fran_kod(&v.grund).map_or("Välj …", |g| g.namn());
    valjlista(ui, "Återkravet grundar sig på", vald, 420.0, |ui| {
        for g in [Aterkravsgrund::Forskott, Aterkravsgrund::Villkor] {
            ui.selectable_value(&mut v.grund, g.kod().to_string(), g.namn());
        }
    });
    if let Some(e) = fel_for(fel, Falt::AterkravGrund) {
        felrad(ui, e);
    }
    if v.grund == Aterkravsgrund::Forskott.kod() {
        ui.horizontal_wrapped(|ui| {
            textfalt(ui, "Förmånen som förskottet avser", &mut v.forman, fel_for(fel, Falt::AterkravForman), 320.0);
            let period_fel = fel_for(fel, Falt::AterkravFormanPeriod);
            textfalt(ui, "Period som förmånen gäller", &mut v.forman_period, period_fel, 180.0);
        });
    }
    let villkor_fel = fel_for(fel, Falt::AterkravVillkor);
    textyta(ui, "Villkoret så som det sades till den sökande", &mut v.villkor, villkor_fel, 2);
    ui.horizontal_wrapped(|ui| {
        let den_fel = fel_for(fel, Falt::AterkravUnderrattadDen);
        textfalt(ui, "Den sökande fick veta villkoret den", &mut v.underrattad_den, den_fel, 140.0);
        let hur_fel = fel_for(fel, Falt::AterkravUnderrattadHur);
        textfalt(ui, "Hur den sökande fick veta villkoret", &mut v.underrattad_hur, hur_fel, 360.0);
    });
}

/// The återkrav form of the decision tab (open when the caseworker has started one).
#[derive(Default)]
pub struct Aterkravsdel {
    form: Option<AterkravsFormular>,
    fel: Vec<FaltFel>,
}

impl Aterkravsdel {
    /// Closes the form (another decision was chosen).
    pub fn stang(&mut self) {
        self.form = None;
        self.fel.clear();
    }

    /// "Nytt beslut om återkrav …" for the grant `bevilning`, then its form. Returns the new
    /// decision's id once taken.
    pub fn visa(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext, arende_id: i64, bevilning: i64) -> Option<i64> {
        if self.form.as_ref().and_then(|f| f.bevilning_id) != Some(bevilning) {
            if ui.button("Nytt beslut om återkrav …").clicked() {
                self.form = ctx.utfall(arbete::aterkrav::nytt_aterkrav(ctx.store, &ctx.aktor, bevilning));
                self.fel.clear();
            }
            return None;
        }
        let f = self.form.as_mut()?;
        ui.separator();
        ui.label(RichText::new("Nytt beslut om återkrav").text_style(tema::rubrik2()));
        let vald = Aterkravsgrund::fran_kod(&f.grund).map_or("Välj …", |g| g.namn());
        valjlista(ui, "Återkravet grundar sig på", vald, 420.0, |ui| {
            for g in Aterkravsgrund::ALLA {
                ui.selectable_value(&mut f.grund, g.kod().to_string(), g.namn());
            }
        });
        if let Some(e) = fel_for(&self.fel, Falt::AterkravGrund) {
            felrad(ui, e);
        }
        ui.horizontal_wrapped(|ui| {
            if f.grund == Aterkravsgrund::Forskott.kod() {
                let e = fel_for(&self.fel, Falt::AterkravFormanUtbetalt);
                textfalt(ui, "Förmånen betalade ut för samma period (kr)", &mut f.forman_utbetalt, e, 200.0);
            }
            textfalt(
                ui,
                "Belopp att betala tillbaka (kr)",
                &mut f.belopp,
                fel_for(&self.fel, Falt::AterkravBelopp),
                200.0,
            );
        });
        let fakta_etikett = if f.grund == Aterkravsgrund::FelaktigaUppgifter.kod() {
            "Vilka uppgifter var oriktiga eller utelämnades, och vad ledde det till?"
        } else {
            "Övriga omständigheter (om några)"
        };
        textyta(ui, fakta_etikett, &mut f.fakta, fel_for(&self.fel, Falt::AterkravFakta), 3);
        ui.horizontal_wrapped(|ui| {
            let e = fel_for(&self.fel, Falt::Beslutsfattare);
            textfalt(ui, "Beslutsfattare för återkravet", &mut f.beslutsfattare, e, 220.0);
            textfalt(ui, "Delegation för återkravet", &mut f.delegation, None, 300.0);
        });
        let mut fatta = false;
        ui.horizontal(|ui| {
            fatta = ui.button(RichText::new("Fatta beslut om återkrav").strong()).clicked();
            if ui.button("Avbryt återkravet").clicked() {
                self.form = None;
            }
        });
        if !fatta {
            return None;
        }
        let form = self.form.clone()?;
        match arbete::aterkrav::fatta_aterkrav(ctx.store, &ctx.aktor, arende_id, &form) {
            Ok(id) => {
                self.stang();
                ctx.klart("Beslutet om återkrav är fattat. Skriv ut beslutsbrevet.");
                ctx.sparat();
                Some(id)
            }
            Err(arbete::Arbetsfel::Falt(fel)) => {
                self.fel = fel;
                ctx.fel("Beslutet om återkrav är inte fattat: rätta det som är markerat.");
                None
            }
            Err(e) => {
                ctx.fel(e);
                None
            }
        }
    }
}
