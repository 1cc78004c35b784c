//! The Screening tab: AUDIT, DUDIT and FREDA kortfrågor per person, scored with the
//! sex-specific reading. The answers are sensitive: they are shown only here, never printed
//! in a letter and never hinted at in the case list.

use super::tema::Signal;
use super::widgetar::{notis, rubrik, textfalt, valjlista};
use crate::domain::datum::parse_datum;
use crate::domain::hushall::Medlem;
use crate::domain::screening::{Instrument, tolka};
use crate::store::Store;
use chrono::NaiveDateTime;
use egui::RichText;

pub struct ScreeningVy {
    person: usize,
    instrument: Instrument,
    svar: Vec<Option<u8>>,
    datum: String,
    meddelande: Option<(Signal, String)>,
}

impl ScreeningVy {
    pub fn ny(idag: chrono::NaiveDate) -> ScreeningVy {
        ScreeningVy {
            person: 0,
            instrument: Instrument::Audit,
            svar: vec![None; Instrument::Audit.fragor().len()],
            datum: idag.to_string(),
            meddelande: None,
        }
    }

    pub fn visa(
        &mut self,
        ui: &mut egui::Ui,
        store: &mut Store,
        medlemmar: &[Medlem],
        anvandare: &str,
        nu: NaiveDateTime,
        sparat: &mut Option<NaiveDateTime>,
    ) {
        if let Some((signal, text)) = &self.meddelande {
            notis(ui, *signal, text);
        }
        ui.label(RichText::new("Svaren är känsliga. De visas bara här och skrivs aldrig ut i något brev.").weak());
        let vuxna: Vec<&Medlem> = medlemmar.iter().filter(|m| m.person.pnr.age_at(nu.date()) >= 18).collect();
        let Some(vald) = vuxna.get(self.person.min(vuxna.len().saturating_sub(1))).copied() else {
            ui.label("Ingen vuxen i hushållet.");
            return;
        };
        ui.horizontal_wrapped(|ui| {
            valjlista(ui, "Person", &vald.person.namn(), 220.0, |ui| {
                for (i, m) in vuxna.iter().enumerate() {
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
            let pnr = vald.person.pnr;
            let (instrument, svar) = (self.instrument, self.svar.clone());
            self.meddelande = Some(match parse_datum(&self.datum, nu.date()) {
                Ok(datum) => match store.skriv(|w| w.spara_screening(&pnr, instrument, datum, &svar, anvandare, nu)) {
                    Ok(_) => {
                        self.svar = vec![None; instrument.fragor().len()];
                        *sparat = Some(nu);
                        (Signal::Klart, format!("{} är sparad för {}.", instrument.namn(), vald.person.namn()))
                    }
                    Err(e) => (Signal::Fel, e.to_string()),
                },
                Err(e) => (Signal::Fel, e),
            });
        }
        rubrik(ui, &format!("Tidigare screeningar för {}", vald.person.namn()));
        let tidigare = match store.screeningar(&vald.person.pnr) {
            Ok(t) => t,
            Err(e) => {
                notis(ui, Signal::Fel, &e.to_string());
                return;
            }
        };
        if tidigare.is_empty() {
            ui.label("Inga ännu.");
        }
        for s in tidigare {
            let tolkning = tolka(s.instrument, &s.svar, vald.person.pnr.kon()).map(|t| t.text).unwrap_or_default();
            ui.label(format!("{}  {}: {} poäng. {tolkning}", s.datum, s.instrument.namn(), s.poang));
        }
    }
}
