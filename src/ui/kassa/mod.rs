//! Kassa: the day's payment orders. The kassa attests (never her own decisions), stops one
//! before it is sent, and saves the day's attested orders as one bank file (pain.001).

mod bestall;

use crate::arbete::{Aktor, utbetalning};
use crate::domain::Belopp;
use crate::domain::betalning::{Betalningsorder, Status, Utbetalningsdata, levererade_utbetalningsregler};
use crate::store::Store;
use crate::ui::tema::{self, Signal};
use crate::ui::widgetar::{kolumnrubrik, notis, rubrik};
use chrono::NaiveDate;
use egui::RichText;
use std::path::Path;

pub struct Kassa {
    dag: NaiveDate,
    dagtext: String,
    rader: Vec<Betalningsorder>,
    kalender: Utbetalningsdata,
    /// The order being stopped or returned, and the reason typed so far.
    ruta: Option<(Atgard, String)>,
    /// What is wrong with the reason typed, shown at its field.
    orsak_fel: Option<String>,
    bestallning: bestall::Bestallning,
    meddelande: Option<(Signal, String)>,
}

impl Kassa {
    /// Opens on today, or when today has no orders, on the next day that has (else the last).
    pub fn ny(store: &Store, idag: NaiveDate) -> Kassa {
        let dagar = store.utbetalningsdagar().unwrap_or_default();
        let dag = if dagar.contains(&idag) {
            idag
        } else {
            dagar.range(idag..).next().or(dagar.iter().next_back()).copied().unwrap_or(idag)
        };
        let mut k = Kassa {
            dag,
            dagtext: dag.to_string(),
            rader: Vec::new(),
            kalender: levererade_utbetalningsregler(),
            ruta: None,
            orsak_fel: None,
            bestallning: bestall::Bestallning::default(),
            meddelande: None,
        };
        k.hamta(store);
        if let Err(e) = k.bestallning.hamta(store, idag) {
            k.meddelande = Some((Signal::Fel, e));
        }
        k
    }

    /// Reads the day's orders again (another user changed a payment).
    pub fn las_om(&mut self, store: &Store) {
        self.hamta(store);
    }

    fn hamta(&mut self, store: &Store) {
        match store.utbetalningar_dag(self.dag) {
            Ok(r) => self.rader = r,
            Err(e) => self.meddelande = Some((Signal::Fel, e.to_string())),
        }
    }

    fn attesterade(&self) -> (usize, Belopp) {
        let a: Vec<_> = self.rader.iter().filter(|o| o.status == Status::Attesterad).collect();
        (a.len(), a.iter().map(|o| o.belopp).sum())
    }

    /// Draws the view; true when the user goes back.
    pub fn visa(&mut self, ui: &mut egui::Ui, store: &mut Store, aktor: &Aktor) -> bool {
        let mut tillbaka = false;
        ui.horizontal(|ui| {
            ui.heading("Kassa – utbetalningar");
            tillbaka = ui.button("Tillbaka").clicked();
        });
        if self.kalender.exempel {
            let text = "Bankuppgifterna och utbetalningskalendern är ett exempel som ska ersättas med enhetens egna.";
            ui.label(RichText::new(text).color(tema::signalfarg(Signal::Varning, ui.visuals().dark_mode)));
        }
        self.valj_dag(ui, store);
        if let Some((signal, text)) = &self.meddelande {
            notis(ui, *signal, text);
        }
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            self.sammanfattning(ui);
            self.tabell(ui, store, aktor);
            self.stoppruta(ui, store, aktor);
            self.exportknapp(ui, store, aktor);
            ui.separator();
            if let Some(m) = self.bestallning.visa(ui, store, aktor, &self.kalender) {
                self.meddelande = Some(m);
                self.hamta(store);
            }
        });
        tillbaka
    }

    fn valj_dag(&mut self, ui: &mut egui::Ui, store: &Store) {
        ui.horizontal(|ui| {
            let label = ui.label("Betalningsdag");
            let resp = ui.add(egui::TextEdit::singleline(&mut self.dagtext).desired_width(120.0)).labelled_by(label.id);
            let visa = ui.button("Visa dagen").clicked()
                || (resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)));
            if visa {
                match crate::domain::datum::parse_datum(&self.dagtext, self.dag) {
                    Ok(d) => {
                        self.dag = d;
                        self.dagtext = d.to_string();
                        self.meddelande = None;
                        self.hamta(store);
                    }
                    Err(e) => self.meddelande = Some((Signal::Fel, e)),
                }
            }
        });
    }

    fn sammanfattning(&self, ui: &mut egui::Ui) {
        let antal = |s: Status| self.rader.iter().filter(|o| o.status == s).count();
        let (n, summa) = self.attesterade();
        rubrik(ui, &format!("Utbetalningar {}", self.dag));
        ui.label(format!(
            "{} att attestera · {n} attesterade ({summa}) · {} stoppade · {} skickade till banken",
            antal(Status::AttAttestera),
            antal(Status::Stoppad),
            antal(Status::Exporterad) + antal(Status::Aterkommen),
        ));
    }

    fn tabell(&mut self, ui: &mut egui::Ui, store: &mut Store, aktor: &Aktor) {
        if self.rader.is_empty() {
            ui.label("Inga utbetalningar den här dagen. Välj en annan betalningsdag.");
            return;
        }
        let mut gjort = None;
        egui::Grid::new("kassa").num_columns(5).striped(true).spacing([12.0, 8.0]).show(ui, |ui| {
            for k in ["Ärende", "Betalas till", "Belopp", "Beslut och attest", ""] {
                kolumnrubrik(ui, k);
            }
            ui.end_row();
            for o in &self.rader {
                if let Some(g) = rad(ui, o, aktor) {
                    gjort = Some(g);
                }
                ui.end_row();
            }
        });
        match gjort {
            Some(Atgard::Attestera(id)) => {
                let svar = utbetalning::attestera(store, aktor, id);
                self.efter(store, svar, "Utbetalningen är attesterad.");
            }
            Some(a) => self.ruta = Some((a, String::new())),
            None => {}
        }
    }

    fn efter(&mut self, store: &Store, svar: Result<(), crate::arbete::Arbetsfel>, klart: &str) {
        self.meddelande = Some(match svar {
            Ok(()) => (Signal::Klart, klart.to_string()),
            Err(e) => (Signal::Fel, e.to_string()),
        });
        self.hamta(store);
    }

    /// The reason asked for before an order is stopped, or when its money came back.
    fn stoppruta(&mut self, ui: &mut egui::Ui, store: &mut Store, aktor: &Aktor) {
        let Some((atgard, orsak)) = &mut self.ruta else { return };
        let (id, stopp) = match *atgard {
            Atgard::Stoppa(id) => (id, true),
            Atgard::Retur(id) => (id, false),
            Atgard::Attestera(_) => return,
        };
        let mut klar = None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            let vad = self.rader.iter().find(|o| o.id == id).map(beskrivning).unwrap_or_default();
            let (fraga, etikett, knapp) = if stopp {
                (
                    format!("Stoppa utbetalningen {vad}? Den skickas inte till banken."),
                    "Orsak till stoppet",
                    "Stoppa utbetalningen",
                )
            } else {
                (
                    format!("Pengarna för {vad} har kommit tillbaka från banken."),
                    "Orsak till returen",
                    "Registrera returen",
                )
            };
            ui.label(fraga);
            let label = ui.label(etikett);
            ui.add(egui::TextEdit::singleline(orsak).desired_width(420.0)).labelled_by(label.id);
            if let Some(fel) = &self.orsak_fel {
                crate::ui::widgetar::felrad(ui, fel);
            }
            ui.horizontal(|ui| {
                if ui.button(knapp).clicked() {
                    klar = Some(true);
                }
                if ui.button("Avbryt").clicked() {
                    klar = Some(false);
                }
            });
        });
        match klar {
            Some(true) => {
                let orsak = self.ruta.as_ref().map(|(_, o)| o.clone()).unwrap_or_default();
                let (svar, klart) = if stopp {
                    (utbetalning::stoppa(store, aktor, id, &orsak), "Utbetalningen är stoppad och skickas inte.")
                } else {
                    let svar = utbetalning::registrera_retur(store, aktor, id, aktor.nu.date(), &orsak);
                    (svar, "Returen är registrerad. Beloppet kan beställas igen.")
                };
                self.orsak_fel = None;
                match svar {
                    // A missing reason is said at its field; the box stays open.
                    Err(crate::arbete::Arbetsfel::Ogiltig(text)) => self.orsak_fel = Some(text),
                    svar => {
                        if svar.is_ok() {
                            self.ruta = None;
                        }
                        self.efter(store, svar, klart);
                    }
                }
                let _ = self.bestallning.hamta(store, aktor.nu.date());
            }
            Some(false) => {
                self.ruta = None;
                self.orsak_fel = None;
            }
            None => {}
        }
    }

    fn exportknapp(&mut self, ui: &mut egui::Ui, store: &mut Store, aktor: &Aktor) {
        let (n, summa) = self.attesterade();
        ui.add_space(tema::LUFT / 2.0);
        let text = format!("Skapa bankfil – {n} attesterade utbetalningar, {summa}");
        if ui.add_enabled(n > 0, egui::Button::new(text)).clicked() {
            let namn = format!("utbetalningar-{}.xml", self.dag);
            if let Some(fil) =
                rfd::FileDialog::new().set_file_name(&namn).add_filter("Bankfil (pain.001, XML)", &["xml"]).save_file()
            {
                self.exportera_till(store, aktor, &fil);
            }
        }
    }

    /// Saves the day's attested orders as one bank file at `fil` (the button asks where first).
    pub fn exportera_till(&mut self, store: &mut Store, aktor: &Aktor, fil: &Path) {
        self.meddelande = Some(match utbetalning::exportera(store, aktor, self.dag, fil, &self.kalender) {
            Ok(e) => (
                Signal::Klart,
                format!("Bankfilen är sparad: {} utbetalningar, {} i {}.", e.antal, e.summa, e.fil.display()),
            ),
            Err(e) => (Signal::Fel, e.to_string()),
        });
        self.hamta(store);
    }
}

#[derive(Clone, Copy)]
enum Atgard {
    Attestera(i64),
    Stoppa(i64),
    Retur(i64),
}

/// "2026-0003, 7 000,50 kr till AB Exempelbostäder".
fn beskrivning(o: &Betalningsorder) -> String {
    format!("{}, {} till {}", o.arendenummer, o.belopp, o.mottagare.namn)
}

/// An amount right-aligned in a cell of fixed width (a grid cell would otherwise grow).
fn hogerstalld(ui: &mut egui::Ui, text: &str) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(120.0, 20.0), egui::Sense::hover());
    let layout = egui::Layout::right_to_left(egui::Align::Center);
    ui.new_child(egui::UiBuilder::new().max_rect(rect).layout(layout)).label(text);
}

/// One order's row: what it is, and the buttons its state allows.
fn rad(ui: &mut egui::Ui, o: &Betalningsorder, aktor: &Aktor) -> Option<Atgard> {
    let mut val = None;
    ui.label(&o.arendenummer);
    ui.label(format!("{}\n{}\n{}", o.mottagare.namn, o.mottagare.konto, o.mottagare.referens));
    hogerstalld(ui, &o.belopp.to_string());
    let status = match (&o.attesterad_av, o.status) {
        (Some(av), Status::Attesterad) => format!("Attesterad av {av}"),
        (_, s) => s.namn().to_string(),
    };
    ui.label(format!("Beslut: {}\n{status}", o.beslutsfattare));
    ui.vertical(|ui| {
        if o.status == Status::AttAttestera {
            let egen = utbetalning::samma_person(&o.beslutsfattare, &aktor.namn);
            let knapp = ui
                .add_enabled(!egen, egui::Button::new("Attestera"))
                .on_disabled_hover_text("Du fattade beslutet – en annan person ska attestera.")
                .accessible_name(format!("Attestera {}", beskrivning(o)));
            if knapp.clicked() {
                val = Some(Atgard::Attestera(o.id));
            }
        }
        if matches!(o.status, Status::AttAttestera | Status::Attesterad)
            && ui.button("Stoppa").accessible_name(format!("Stoppa {}", beskrivning(o))).clicked()
        {
            val = Some(Atgard::Stoppa(o.id));
        }
        if o.status == Status::Exporterad
            && ui
                .button("Registrera retur")
                .accessible_name(format!("Registrera retur för {}", beskrivning(o)))
                .clicked()
        {
            val = Some(Atgard::Retur(o.id));
        }
    });
    val
}
