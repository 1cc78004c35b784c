//! Granted decisions whose money is not yet ordered: the kassa fills in the payee's account
//! (the decision names where the money goes) and orders the payment.

use crate::arbete::{Aktor, utbetalning};
use crate::domain::betalning::{Konto, Mottagare, Utbetalningsdata};
use crate::store::{AttBestalla, Store};
use crate::ui::tema::Signal;
use crate::ui::widgetar::{kolumnrubrik, rubrik};

/// How far back decisions are offered.
const DAGAR_BAKAT: u64 = 62;

#[derive(Default)]
pub struct Bestallning {
    rader: Vec<AttBestalla>,
    /// The decision being ordered, with the payee as typed.
    valt: Option<(i64, Falt)>,
}

#[derive(Default)]
struct Falt {
    namn: String,
    typ: &'static str,
    clearing: String,
    nummer: String,
    referens: String,
}

impl Falt {
    /// Filled in from the decision's words when they name a giro ("hyresvärden AB Bostäder,
    /// bankgiro 5555-1234"); the kassa checks and completes it.
    fn fran_beslutet(betalas_till: &str) -> Falt {
        let mut f = Falt { typ: "bankkonto", ..Default::default() };
        let Some((namn, konto)) = betalas_till.split_once(',') else { return f };
        for typ in ["bankgiro", "plusgiro"] {
            if let Some(nummer) = konto.trim().strip_prefix(typ) {
                f = Falt { namn: namn.trim().into(), typ, nummer: nummer.trim().trim_end_matches('.').into(), ..f };
            }
        }
        f
    }
}

impl Bestallning {
    pub fn hamta(&mut self, store: &Store, idag: chrono::NaiveDate) -> Result<(), String> {
        let fran = idag - chrono::Days::new(DAGAR_BAKAT);
        self.rader = store.att_bestalla(fran).map_err(|e| e.to_string())?;
        Ok(())
    }

    /// Draws the list; returns a notice when something was ordered or refused.
    pub fn visa(
        &mut self,
        ui: &mut egui::Ui,
        store: &mut Store,
        aktor: &Aktor,
        kalender: &Utbetalningsdata,
    ) -> Option<(Signal, String)> {
        if self.rader.is_empty() {
            return None;
        }
        rubrik(ui, &format!("Beviljat men inte beställt ({})", self.rader.len()));
        let mut valj = None;
        egui::Grid::new("bestall").num_columns(4).striped(true).spacing([12.0, 6.0]).show(ui, |ui| {
            for k in ["Ärende", "Beslutat", "Kvar att betala", "Betalas enligt beslutet till"] {
                kolumnrubrik(ui, k);
            }
            ui.end_row();
            for r in &self.rader {
                ui.label(&r.arendenummer);
                ui.label(&r.datum);
                ui.label(r.kvar.to_string());
                ui.horizontal(|ui| {
                    ui.label(&r.betalas_till);
                    let namn = format!("Beställ utbetalning i {}", r.arendenummer);
                    if ui.button("Beställ").accessible_name(namn).clicked() {
                        valj = Some(r.beslut_id);
                    }
                });
                ui.end_row();
            }
        });
        if let Some(r) = valj.and_then(|id| self.rader.iter().find(|r| r.beslut_id == id)) {
            self.valt = Some((r.beslut_id, Falt::fran_beslutet(&r.betalas_till)));
        }
        self.formular(ui, store, aktor, kalender)
    }

    fn formular(
        &mut self,
        ui: &mut egui::Ui,
        store: &mut Store,
        aktor: &Aktor,
        kalender: &Utbetalningsdata,
    ) -> Option<(Signal, String)> {
        let (id, f) = self.valt.as_mut()?;
        let id = *id;
        let mut svar = None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label("Vem ska pengarna betalas till?");
            ui.horizontal(|ui| {
                for (typ, text) in
                    [("bankkonto", "Klientens bankkonto"), ("bankgiro", "Bankgiro"), ("plusgiro", "Plusgiro")]
                {
                    ui.radio_value(&mut f.typ, typ, text);
                }
            });
            ui.horizontal(|ui| {
                crate::ui::widgetar::textfalt(ui, "Mottagarens namn", &mut f.namn, None, 240.0);
                if f.typ == "bankkonto" {
                    crate::ui::widgetar::textfalt(ui, "Clearingnummer", &mut f.clearing, None, 90.0);
                }
                crate::ui::widgetar::textfalt(ui, "Konto- eller gironummer", &mut f.nummer, None, 160.0);
                crate::ui::widgetar::textfalt(ui, "Referens (faktura, OCR)", &mut f.referens, None, 200.0);
            });
            ui.horizontal(|ui| {
                if ui.button("Beställ utbetalningen").clicked() {
                    svar = Some(bestall(store, aktor, kalender, id, f));
                }
                if ui.button("Avbryt").clicked() {
                    svar = Some(Ok(String::new()));
                }
            });
        });
        match svar? {
            Ok(text) => {
                self.valt = None;
                let _ = self.hamta(store, aktor.nu.date());
                (!text.is_empty()).then_some((Signal::Klart, text))
            }
            Err(e) => Some((Signal::Fel, e)),
        }
    }
}

fn bestall(store: &mut Store, aktor: &Aktor, kalender: &Utbetalningsdata, id: i64, f: &Falt) -> Result<String, String> {
    let konto = Konto::tolka(f.typ, &f.clearing, &f.nummer)?;
    let m = Mottagare { namn: f.namn.trim().to_string(), konto, referens: f.referens.trim().to_string() };
    let ids = utbetalning::bestall(store, aktor, id, &m, kalender).map_err(|e| e.to_string())?;
    let dag = store.utbetalning(ids[0]).map(|o| o.betalningsdag.to_string()).unwrap_or_default();
    Ok(format!(
        "Utbetalningen är beställd till {} den {dag}. Den ska attesteras av någon annan än beslutsfattaren.",
        m.i_text()
    ))
}
