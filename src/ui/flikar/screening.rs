//! The Screening tab: AUDIT, DUDIT and FREDA kortfrågor per person, scored with the
//! sex-specific reading. The answers are sensitive: they are shown only here, never printed
//! in a letter and never hinted at in the case list.

use crate::arbete;
use crate::domain::arende::Arende;
use crate::domain::hushall::Medlem;
use crate::domain::screening::{Instrument, tolka};
use crate::store::{HushallVy, Screeningresultat};
use crate::ui::flikar::Flik;
use crate::ui::kontext::{Flikvy, Kontext};
use crate::ui::tema::Signal;
use crate::ui::widgetar::{notis, rubrik, textfalt, valjlista};
use egui::RichText;

pub struct ScreeningVy {
    arende_id: i64,
    /// The adults of the household (screenings are for adults).
    vuxna: Vec<Medlem>,
    person: usize,
    instrument: Instrument,
    svar: Vec<Option<u8>>,
    datum: String,
    /// The chosen person's earlier screenings: whose, and the list.
    tidigare: Option<(usize, Vec<Screeningresultat>)>,
}

impl ScreeningVy {
    pub fn ny(arende: &Arende, hushall: &HushallVy, idag: chrono::NaiveDate) -> ScreeningVy {
        ScreeningVy {
            arende_id: arende.id,
            vuxna: hushall.medlemmar.iter().filter(|m| m.person.pnr.age_at(idag) >= 18).cloned().collect(),
            person: 0,
            instrument: Instrument::Audit,
            svar: vec![None; Instrument::Audit.fragor().len()],
            datum: idag.to_string(),
            tidigare: None,
        }
    }

    fn vald(&self) -> Option<&Medlem> {
        self.vuxna.get(self.person.min(self.vuxna.len().saturating_sub(1)))
    }

    /// Saves the answers for the chosen person (the button, or Ctrl+S when complete).
    fn spara_svar(&mut self, ctx: &mut Kontext) {
        let Some(vald) = self.vald().cloned() else { return };
        let (instrument, svar) = (self.instrument, self.svar.clone());
        let sparad = arbete::screening::spara_screening(
            ctx.store,
            &ctx.aktor,
            self.arende_id,
            &vald,
            instrument,
            &self.datum,
            &svar,
        );
        if ctx.utfall(sparad).is_some() {
            self.svar = vec![None; instrument.fragor().len()];
            self.tidigare = None;
            ctx.klart(format!("{} är sparad för {}.", instrument.namn(), vald.person.namn()));
            ctx.sparat();
        }
    }

    /// The chosen person's earlier screenings, read when another person is chosen or after a save.
    fn tidigare(&mut self, ctx: &mut Kontext) -> Vec<Screeningresultat> {
        let person = self.person.min(self.vuxna.len().saturating_sub(1));
        if self.tidigare.as_ref().is_none_or(|(p, _)| *p != person) {
            let lista = match self.vald() {
                Some(m) => {
                    let svar = arbete::screening::las_screeningar(ctx.store, &ctx.aktor, self.arende_id, m);
                    ctx.las(svar)
                }
                None => Vec::new(),
            };
            self.tidigare = Some((person, lista));
        }
        self.tidigare.as_ref().map(|(_, l)| l.clone()).unwrap_or_default()
    }

    fn visa_fragor(&mut self, ui: &mut egui::Ui, vald: &Medlem) {
        ui.horizontal_wrapped(|ui| {
            valjlista(ui, "Person", &vald.person.namn(), 220.0, |ui| {
                for (i, m) in self.vuxna.iter().enumerate() {
                    ui.selectable_value(&mut self.person, i, m.person.namn());
                }
            });
            let fore = self.instrument;
            valjlista(ui, "Instrument", self.instrument.namn(), 220.0, |ui| {
                for i in Instrument::ALLA {
                    ui.selectable_value(&mut self.instrument, *i, i.namn());
                }
            });
            if fore != self.instrument {
                self.svar = vec![None; self.instrument.fragor().len()];
            }
            textfalt(ui, "Datum", &mut self.datum, None, 130.0);
        });
        for (i, f) in self.instrument.fragor().iter().enumerate() {
            ui.add_space(4.0);
            ui.label(RichText::new(format!("{}. {}", i + 1, f.text)).strong());
            ui.horizontal_wrapped(|ui| {
                for (text, poang) in f.alternativ {
                    ui.radio_value(&mut self.svar[i], Some(*poang), format!("{text} ({poang})"))
                        .accessible_name(format!("Fråga {}: {text}", i + 1));
                }
            });
        }
    }
}

impl Flikvy for ScreeningVy {
    fn ladda(&mut self, _ctx: &mut Kontext) {
        self.tidigare = None;
    }

    fn visa(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        ui.label(RichText::new("Svaren är känsliga. De visas bara här och skrivs aldrig ut i något brev.").weak());
        let Some(vald) = self.vald().cloned() else {
            ui.label("Ingen vuxen i hushållet.");
            return;
        };
        self.visa_fragor(ui, &vald);
        let tolkning = tolka(self.instrument, &self.svar, vald.person.pnr.kon());
        match &tolkning {
            Ok(t) => notis(
                ui,
                if t.over_grans { Signal::Varning } else { Signal::Klart },
                &format!("{} poäng. {}", t.poang, t.text),
            ),
            Err(e) => {
                ui.label(e);
            }
        }
        if ui.add_enabled(tolkning.is_ok(), egui::Button::new("Spara screeningen")).clicked() {
            self.spara_svar(ctx);
        }
        let vald = self.vald().cloned().unwrap_or(vald);
        rubrik(ui, &format!("Tidigare screeningar för {}", vald.person.namn()));
        let tidigare = self.tidigare(ctx);
        if tidigare.is_empty() {
            ui.label("Inga ännu.");
        }
        for s in tidigare {
            let tolkning = tolka(s.instrument, &s.svar, vald.person.pnr.kon()).map(|t| t.text).unwrap_or_default();
            ui.label(format!("{}  {}: {} poäng. {tolkning}", s.datum, s.instrument.namn(), s.poang));
        }
    }

    /// Saves a complete screening; an incomplete one is explained.
    fn spara(&mut self, ctx: &mut Kontext) {
        let Some(vald) = self.vald() else {
            crate::ui::kontext::inget_att_spara(ctx, Flik::Screening, " – ingen vuxen i hushållet");
            return;
        };
        match tolka(self.instrument, &self.svar, vald.person.pnr.kon()) {
            Ok(_) => self.spara_svar(ctx),
            Err(e) => ctx.varna(format!("Screeningen är inte sparad: {e}")),
        }
    }

    fn skriv_ut(&mut self, ctx: &mut Kontext) {
        crate::ui::kontext::inget_att_skriva_ut(ctx, Flik::Screening, "; svaren är känsliga och skrivs aldrig ut");
    }
}
