//! Statistik: the unit's indicators for a month, tertial or year, for the unit or one
//! caseworker – charts with their tables beside them, the other tables under them, and the
//! report (PDF and CSV) with one button. The figures come from `arbete::statistik::rapport`, the
//! same cells the PDF and the CSV files print.

pub mod arshjul;
pub mod arshjul_redigera;
pub mod avsluta;
pub mod diagram;
pub mod uppgifter;

use crate::arbete::statistik::{self, Rapport};
use crate::domain::manad::Manad;
use crate::domain::statistik::Period;
use crate::ui::kontext::Kontext;
use crate::ui::widgetar::{felrad, rubrik};
use egui::Ui;

/// The kind of period shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slag {
    Manad,
    Tertial,
    Ar,
}

impl Slag {
    const ALLA: [Slag; 3] = [Slag::Manad, Slag::Tertial, Slag::Ar];

    fn namn(self) -> &'static str {
        match self {
            Slag::Manad => "Månad",
            Slag::Tertial => "Tertial",
            Slag::Ar => "År",
        }
    }

    /// The period of this kind that holds `m`.
    fn period(self, m: Manad) -> Period {
        match self {
            Slag::Manad => Period::Manad(m),
            Slag::Tertial => Period::Tertial(m.ar(), (m.nummer() - 1) / 4 + 1),
            Slag::Ar => Period::Ar(m.ar()),
        }
    }
}

/// What the view shows: the figures, the årshjul, or the cases to close.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Visning {
    Nyckeltal,
    Arshjul,
    Avsluta,
    Uppgifter,
}

pub struct Statistikvy {
    visning: Visning,
    arshjul: Option<arshjul::Arshjulsvy>,
    avsluta: Option<avsluta::Avslutsvy>,
    uppgifter: Option<uppgifter::Uppgiftsvy>,
    slag: Slag,
    period: Period,
    handlaggare: Option<String>,
    alla_handlaggare: Vec<String>,
    rapport: Option<Rapport>,
    /// The figures being computed off the UI thread.
    raknar: Option<std::sync::mpsc::Receiver<Result<Rapport, String>>>,
    fel: Option<String>,
}

impl Statistikvy {
    /// The view on the tertial of `idag`, for the whole unit.
    pub fn ny(ctx: &mut Kontext, idag: chrono::NaiveDate) -> Statistikvy {
        let mut vy = Statistikvy {
            visning: Visning::Nyckeltal,
            arshjul: None,
            avsluta: None,
            uppgifter: None,
            slag: Slag::Tertial,
            period: Slag::Tertial.period(Manad::av(idag)),
            handlaggare: None,
            alla_handlaggare: ctx.las(statistik::handlaggare(ctx.store)),
            rapport: None,
            raknar: None,
            fel: None,
        };
        vy.ladda(ctx);
        vy
    }

    /// Computes the figures of the chosen period and selection (on a change, never per frame):
    /// off the UI thread on a connection of its own, or here for a database in memory.
    fn ladda(&mut self, ctx: &mut Kontext) {
        let (period, handlaggare) = (self.period, self.handlaggare.clone());
        let fil = ctx.store.sokvag().to_path_buf();
        if fil.as_os_str() == ":memory:" {
            let svar = statistik::rapport(ctx.store, period, handlaggare.as_deref()).map_err(|e| e.to_string());
            return self.ta_emot(svar);
        }
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let svar = crate::store::Store::open(&fil)
                .map_err(|e| e.to_string())
                .and_then(|s| statistik::rapport(&s, period, handlaggare.as_deref()).map_err(|e| e.to_string()));
            let _ = tx.send(svar);
        });
        // A newer question replaces the one still being answered.
        self.raknar = Some(rx);
    }

    fn ta_emot(&mut self, svar: Result<Rapport, String>) {
        match svar {
            Ok(r) => {
                self.rapport = Some(r);
                self.fel = None;
            }
            Err(e) => self.fel = Some(e),
        }
    }

    /// The answer of the background computation, if it has come.
    fn hamta_svar(&mut self, ui: &mut Ui) {
        let Some(rx) = &self.raknar else { return };
        match rx.try_recv() {
            Ok(svar) => {
                self.raknar = None;
                self.ta_emot(svar);
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Räknar nyckeltalen …");
                });
                ui.ctx().request_repaint_after(std::time::Duration::from_millis(50));
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.raknar = None;
                self.fel = Some("Nyckeltalen kunde inte räknas. Försök igen.".into());
            }
        }
    }

    /// Draws the view; returns true when the user closes it.
    pub fn visa(&mut self, ui: &mut Ui, ctx: &mut Kontext) -> bool {
        let mut stang = false;
        ui.horizontal(|ui| {
            ui.heading("Statistik och uppföljning");
            if ui.button("Tillbaka").clicked() {
                stang = true;
            }
        });
        // The views on a row of their own: beside the heading they ran past a 1280 px window.
        ui.horizontal(|ui| {
            for (v, namn) in [
                (Visning::Nyckeltal, "Nyckeltal"),
                (Visning::Arshjul, "Årshjulet"),
                (Visning::Avsluta, "Ärenden att avsluta"),
                (Visning::Uppgifter, "Enhetens uppgifter"),
            ] {
                ui.selectable_value(&mut self.visning, v, namn);
            }
        });
        match self.visning {
            Visning::Nyckeltal => {}
            Visning::Arshjul => {
                let vy = self.arshjul.get_or_insert_with(|| arshjul::Arshjulsvy::ny(ctx));
                egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| vy.visa(ui, ctx));
                return stang;
            }
            Visning::Avsluta => {
                let vy = self.avsluta.get_or_insert_with(|| avsluta::Avslutsvy::ny(ctx));
                egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| vy.visa(ui, ctx));
                return stang;
            }
            Visning::Uppgifter => {
                let vy = self.uppgifter.get_or_insert_with(|| uppgifter::Uppgiftsvy::ny(ctx));
                egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| vy.visa(ui, ctx));
                // The figures use what was entered the next time they are shown.
                self.rapport = None;
                return stang;
            }
        }
        if self.valj(ui, ctx) {
            self.ladda(ctx);
        }
        self.hamta_svar(ui);
        if let Some(f) = &self.fel {
            felrad(ui, f);
        }
        if self.rapport.is_none() && self.fel.is_none() && self.raknar.is_none() {
            self.ladda(ctx);
        }
        let Some(r) = &self.rapport else { return stang };
        let nu = crate::domain::manad::Manad::av(ctx.nu().date());
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| innehall(ui, r, nu));
        stang
    }

    /// The period, the selection and the report button; true when the figures must be read again.
    fn valj(&mut self, ui: &mut Ui, ctx: &mut Kontext) -> bool {
        let mut andrad = false;
        // Wrapped: beside the case list the period, the selection and the button need two rows.
        ui.horizontal_wrapped(|ui| {
            egui::ComboBox::from_id_salt("Periodslag")
                .selected_text(self.slag.namn())
                .show_ui(ui, |ui| {
                    for s in Slag::ALLA {
                        if ui.selectable_value(&mut self.slag, s, s.namn()).changed() {
                            self.period = s.period(self.period.sista());
                            andrad = true;
                        }
                    }
                })
                .response
                .accessible_name("Periodslag");
            if ui.button("← Föregående").clicked() {
                self.period = self.period.foregaende();
                andrad = true;
            }
            ui.label(egui::RichText::new(self.period.to_string()).strong());
            if ui.button("Nästa →").clicked() {
                self.period = self.period.nasta();
                andrad = true;
            }
            ui.separator();
            let vald = self.handlaggare.clone().unwrap_or_else(|| "Hela enheten".into());
            egui::ComboBox::from_id_salt("Urval")
                .selected_text(vald)
                .show_ui(ui, |ui| {
                    andrad |= ui.selectable_value(&mut self.handlaggare, None, "Hela enheten").changed();
                    for h in &self.alla_handlaggare {
                        andrad |= ui.selectable_value(&mut self.handlaggare, Some(h.clone()), h).changed();
                    }
                })
                .response
                .accessible_name("Urval");
            if ui.button("Skriv rapport (PDF och CSV)").clicked() {
                self.skriv_rapport(ctx);
            }
        });
        andrad
    }

    fn skriv_rapport(&mut self, ctx: &mut Kontext) {
        let mapp = ctx.utskrift.mapp.join("statistik");
        let aktor = ctx.aktor.clone();
        let svar = statistik::skriv_rapport(ctx.store, &aktor, self.period, self.handlaggare.as_deref(), &mapp);
        if let Some(filer) = ctx.utfall(svar) {
            ctx.klart(format!(
                "Rapporten för {} är sparad i {} med {} CSV-filer.",
                self.period,
                filer.pdf.display(),
                filer.csv.len()
            ));
            if ctx.utskrift.oppna_visare {
                crate::ui::kontext::oppna_i_visare(&filer.pdf);
            }
        }
    }
}

/// The width that takes a chart and its month table side by side.
const BREDD_FOR_SIDA_VID_SIDA: f32 = 900.0;

/// The key figures, every chart with its table beside it, then the other tables.
fn innehall(ui: &mut Ui, r: &Rapport, nu: crate::domain::manad::Manad) {
    ui.label(format!(
        "{} – {}. Ett tal som bygger på färre än {} hushåll visas som \"färre än {}\".",
        r.urval, r.indikatorer.period, r.minsta, r.minsta
    ));
    if let Some(t) = r.tabeller.first() {
        rubrik(ui, &t.rubrik);
        diagram::tabell(ui, t);
    }
    for (i, d) in r.diagram.iter().enumerate() {
        rubrik(ui, &d.titel);
        let tabell = r.tabeller.iter().find(|t| t.filnamn == d.tabell).map(|t| d.deltabell(t));
        // The table beside its chart when there is room for both, else under it.
        if ui.available_width() >= BREDD_FOR_SIDA_VID_SIDA {
            ui.columns(2, |kol| {
                diagram::rita(&mut kol[0], &format!("diagram{i}"), d, 240.0, nu);
                if let Some(t) = &tabell {
                    diagram::tabell(&mut kol[1], t);
                }
            });
        } else {
            diagram::rita(ui, &format!("diagram{i}"), d, 240.0, nu);
            if let Some(t) = &tabell {
                // Its own id: the month table in whole comes further down under the same heading.
                ui.push_id(("deltabell", i), |ui| diagram::tabell(ui, t));
            }
        }
    }
    // The month tables behind the charts in whole, then the rest.
    for t in r.tabeller.iter().skip(1) {
        rubrik(ui, &t.rubrik);
        if t.rader.is_empty() {
            ui.label("Inget under perioden.");
        } else {
            diagram::tabell(ui, t);
        }
    }
}
