//! Loggkontroll: the enhetschef's review of the access log – filter by user, case and period,
//! the openings of cases the user was not assigned to (with the reason given), CSV export.
//! Every review and export is itself logged (in `arbete::loggkontroll`).

use crate::arbete::{self, Aktor};
use crate::domain::datum::parse_datum;
use crate::store::{Loggfilter, Loggrad, Store};
use crate::ui::tema::Signal;
use crate::ui::widgetar::{notis, textfalt};
use egui::RichText;
use std::path::Path;

#[derive(Default)]
pub struct Loggkontroll {
    pub anvandare: String,
    pub arende: String,
    pub fran: String,
    pub till: String,
    pub utan_uppdrag: bool,
    rader: Option<Vec<Loggrad>>,
    meddelande: Option<(Signal, String)>,
}

/// What the shell should do after the frame.
pub enum LoggkontrollVal {
    Stang,
}

/// The columns, the reason (Detalj) early enough to be seen beside the case list.
const KOLUMNER: [(&str, f32); 7] = [
    ("Tid", 150.0),
    ("Inloggning", 80.0),
    ("Händelse", 200.0),
    ("Ärende", 80.0),
    ("Detalj", 260.0),
    ("Dator", 110.0),
    ("Namn", 140.0),
];

impl Loggkontroll {
    /// The filter as typed; a date that cannot be read is a Swedish message.
    pub fn filter(&self, idag: chrono::NaiveDate) -> Result<Loggfilter, String> {
        let datum = |t: &str, falt: &str| -> Result<Option<chrono::NaiveDate>, String> {
            if t.trim().is_empty() {
                return Ok(None);
            }
            parse_datum(t, idag).map(Some).map_err(|e| format!("{falt}: {e}"))
        };
        Ok(Loggfilter {
            anvandare: Some(self.anvandare.clone()).filter(|a| !a.trim().is_empty()),
            arende: Some(self.arende.clone()).filter(|a| !a.trim().is_empty()),
            fran: datum(&self.fran, "Från")?,
            till: datum(&self.till, "Till")?,
            utan_uppdrag: self.utan_uppdrag,
        })
    }

    /// Reads the lines the filter picks (the review is logged).
    pub fn visa_urval(&mut self, store: &mut Store, aktor: &Aktor) {
        let svar = self
            .filter(aktor.nu.date())
            .and_then(|f| arbete::loggkontroll::granska(store, aktor, &f).map_err(|e| e.to_string()));
        match svar {
            Ok(r) => {
                self.meddelande = None;
                self.rader = Some(r);
            }
            Err(e) => self.meddelande = Some((Signal::Fel, e)),
        }
    }

    /// Writes the lines the filter picks as CSV to `fil` (the export is logged).
    pub fn exportera_till(&mut self, store: &mut Store, aktor: &Aktor, fil: &Path) {
        let svar = self
            .filter(aktor.nu.date())
            .and_then(|f| arbete::loggkontroll::exportera(store, aktor, &f, fil).map_err(|e| e.to_string()));
        self.meddelande = Some(match svar {
            Ok(n) => (Signal::Klart, format!("{n} rader är sparade i {}.", fil.display())),
            Err(e) => (Signal::Fel, e),
        });
    }

    pub fn visa(&mut self, ui: &mut egui::Ui, store: &mut Store, aktor: &Aktor) -> Option<LoggkontrollVal> {
        let mut val = None;
        ui.horizontal(|ui| {
            ui.heading("Loggkontroll");
            if ui.button("Stäng").clicked() {
                val = Some(LoggkontrollVal::Stang);
            }
        });
        ui.label("Vem har öppnat, skrivit ut eller ändrat vad, när och från vilken dator. Varje granskning loggas.");
        ui.horizontal_wrapped(|ui| {
            textfalt(ui, "Användare", &mut self.anvandare, None, 160.0)
                .on_hover_text("Inloggningsnamnet, t.ex. ulrika");
            textfalt(ui, "Ärende", &mut self.arende, None, 130.0);
            textfalt(ui, "Från", &mut self.fran, None, 120.0);
            textfalt(ui, "Till", &mut self.till, None, 120.0);
        });
        ui.checkbox(&mut self.utan_uppdrag, "Bara öppnade ärenden utan uppdrag (med skäl)");
        ui.horizontal(|ui| {
            if ui.button("Visa").clicked() {
                self.visa_urval(store, aktor);
            }
            if ui.button("Exportera CSV …").clicked() {
                let fil = rfd::FileDialog::new()
                    .set_file_name(format!("loggkontroll-{}.csv", aktor.nu.date()))
                    .add_filter("CSV", &["csv"])
                    .save_file();
                if let Some(fil) = fil {
                    self.exportera_till(store, aktor, &fil);
                }
            }
        });
        if let Some((signal, text)) = &self.meddelande {
            notis(ui, *signal, text);
        }
        match &self.rader {
            None => {
                ui.label(RichText::new("Välj urval och tryck Visa.").weak());
            }
            Some(r) if r.is_empty() => {
                ui.label("Inga loggrader för urvalet.");
            }
            Some(r) => tabell(ui, r),
        }
        val
    }
}

fn tabell(ui: &mut egui::Ui, rader: &[Loggrad]) {
    ui.label(format!("{} rader, nyast först", rader.len()));
    egui::ScrollArea::horizontal().show(ui, |ui| {
        ui.horizontal(|ui| {
            for (namn, bredd) in KOLUMNER {
                cell(ui, bredd, 22.0, RichText::new(namn).strong());
            }
        });
        let hojd = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(ui, hojd, rader.len(), |ui, synliga| {
            for r in &rader[synliga] {
                ui.horizontal(|ui| {
                    let celler = [&r.tid, &r.login, &r.handelse, &r.arendenummer, &r.detalj, &r.dator, &r.namn];
                    for (text, (_, bredd)) in celler.iter().zip(KOLUMNER) {
                        cell(ui, bredd, hojd, RichText::new(text.as_str()));
                    }
                });
            }
        });
    });
}

/// One left-aligned cell of a fixed width; a long text is cut with … and shown whole on hover.
fn cell(ui: &mut egui::Ui, bredd: f32, hojd: f32, text: RichText) {
    let layout = egui::Layout::left_to_right(egui::Align::Center);
    ui.allocate_ui_with_layout(egui::vec2(bredd, hojd), layout, |ui| {
        ui.set_width(bredd);
        ui.add(egui::Label::new(text).truncate());
    });
}
