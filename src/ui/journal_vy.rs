//! The Journal tab: write an entry (autosaved while typing), read the journal newest first,
//! void an entry with a reason and write its correction. Nothing is ever deleted.

use super::tema::{self, Signal};
use super::utkast::{Autospar, Utkastplats, nyckel};
use super::widgetar::{notis, rubrik, textfalt, textyta};
use crate::domain::arende::Arende;
use crate::domain::datum::format_datum;
use crate::domain::hushall::{FaltFel, fel_for};
use crate::domain::journal::{JournalFormular, JournalPost, validera_makuleringsorsak};
use crate::store::{Handelse, Store};
use chrono::{NaiveDate, NaiveDateTime};
use egui::RichText;

pub struct JournalVy {
    form: JournalFormular,
    tom_form: JournalFormular,
    autospar: Autospar,
    poster: Vec<JournalPost>,
    fel: Vec<FaltFel>,
    meddelande: Option<(Signal, String)>,
    /// The entry being voided and the reason typed so far.
    makulerar: Option<(i64, String, Option<String>)>,
}

impl JournalVy {
    pub fn ny(store: &Store, arende: &Arende, idag: NaiveDate) -> JournalVy {
        let tom_form = JournalFormular { datum: format_datum(idag), ..Default::default() };
        let (autospar, draft) = Autospar::ny::<JournalFormular>(
            store,
            nyckel(Utkastplats::Journal(arende.id)),
            format!("Journalanteckning i ärende {}", arende.arendenummer),
        );
        let (poster, meddelande) = match store.journal(arende.id) {
            Ok(p) => (p, autospar.lasfel()),
            Err(e) => (Vec::new(), Some((Signal::Fel, e.to_string()))),
        };
        JournalVy {
            form: draft.unwrap_or_else(|| tom_form.clone()),
            tom_form,
            autospar,
            poster,
            fel: Vec::new(),
            meddelande,
            makulerar: None,
        }
    }

    /// Saves the entry being written (the button, or Ctrl+S on this tab).
    pub fn spara(
        &mut self,
        store: &mut Store,
        arende_id: i64,
        anvandare: &str,
        nu: NaiveDateTime,
        sparat: &mut Option<NaiveDateTime>,
    ) {
        let post = match self.form.validera(nu.date()) {
            Ok(p) => p,
            Err(fel) => {
                self.fel = fel;
                return;
            }
        };
        let res = store.skriv(|w| {
            let id = w.skriv_journal(arende_id, &post, anvandare, nu)?;
            w.logga(Handelse::SkrevJournal, Some(arende_id), anvandare, &post.rubrik, nu)?;
            Ok(id)
        });
        match res {
            Ok(_) => {
                let _ = self.autospar.klar(store);
                self.form = self.tom_form.clone();
                self.fel.clear();
                self.meddelande = Some((Signal::Klart, format!("Anteckningen \"{}\" är sparad.", post.rubrik)));
                *sparat = Some(nu);
                self.ladda_om(store, arende_id);
            }
            Err(e) => self.meddelande = Some((Signal::Fel, e.to_string())),
        }
    }

    fn ladda_om(&mut self, store: &Store, arende_id: i64) {
        match store.journal(arende_id) {
            Ok(p) => self.poster = p,
            Err(e) => self.meddelande = Some((Signal::Fel, e.to_string())),
        }
    }

    pub fn visa(
        &mut self,
        ui: &mut egui::Ui,
        store: &mut Store,
        arende: &Arende,
        anvandare: &str,
        nu: NaiveDateTime,
        sparat: &mut Option<NaiveDateTime>,
    ) {
        if let Some((signal, text)) = &self.meddelande {
            notis(ui, *signal, text);
        }
        rubrik(ui, if self.form.ersatter.is_some() { "Rättelse av makulerad anteckning" } else { "Ny anteckning" });
        ui.horizontal(|ui| {
            textfalt(ui, "Datum", &mut self.form.datum, fel_for(&self.fel, "datum"), 130.0);
            textfalt(ui, "Rubrik", &mut self.form.rubrik, fel_for(&self.fel, "rubrik"), 420.0);
        });
        textyta(ui, "Anteckning", &mut self.form.text, fel_for(&self.fel, "text"), 5);
        ui.horizontal(|ui| {
            if ui.button(RichText::new("Spara anteckning").strong()).on_hover_text("Ctrl+S").clicked() {
                self.spara(store, arende.id, anvandare, nu, sparat);
            }
            if self.form != self.tom_form && ui.button("Töm formuläret").clicked() {
                self.form = self.tom_form.clone();
                self.fel.clear();
            }
        });
        let tomt = self.form == self.tom_form;
        match self.autospar.folj(store, &self.form, tomt, nu) {
            Ok(true) => *sparat = Some(nu),
            Ok(false) => {}
            Err(e) => self.meddelande = Some((Signal::Fel, e)),
        }

        rubrik(ui, "Journal");
        if self.poster.is_empty() {
            ui.label("Inga anteckningar ännu. Skriv den första ovan.");
        }
        let mut rattelse = None;
        let mut makulera = None;
        for post in &self.poster {
            egui::Frame::group(ui.style()).inner_margin(egui::Margin::same(12)).show(ui, |ui| {
                ui.set_width(ui.available_width());
                let makulerad = post.makulering.is_some();
                ui.horizontal_wrapped(|ui| {
                    let mut rubrik = RichText::new(format!("{}  {}", post.datum, post.rubrik)).strong();
                    if makulerad {
                        rubrik = rubrik.strikethrough().weak();
                    }
                    ui.label(rubrik);
                    ui.label(RichText::new(format!("skriven av {}, {}", post.skriven_av, post.skapad)).weak());
                    if post.ersatter.is_some() {
                        ui.label(RichText::new("(rättelse)").weak());
                    }
                });
                let mut text = RichText::new(&post.text);
                if makulerad {
                    text = text.strikethrough().weak();
                }
                ui.label(text);
                if let Some(m) = &post.makulering {
                    let farg = tema::signalfarg(Signal::Varning, ui.visuals().dark_mode);
                    ui.label(RichText::new(format!("MAKULERAD {} av {}: {}", m.tid, m.av, m.orsak)).color(farg));
                    if !self.poster.iter().any(|p| p.ersatter == Some(post.id))
                        && ui.button(format!("Skriv rättelse till {}", post.rubrik)).clicked()
                    {
                        rattelse = Some(post.clone());
                    }
                } else {
                    match &mut self.makulerar {
                        Some((id, orsak, fel)) if *id == post.id => {
                            textfalt(ui, "Varför makuleras anteckningen?", orsak, fel.as_deref(), 420.0);
                            ui.horizontal(|ui| {
                                if ui.button("Makulera").clicked() {
                                    match validera_makuleringsorsak(orsak) {
                                        Ok(o) => makulera = Some((post.id, o)),
                                        Err(e) => *fel = Some(e),
                                    }
                                }
                                if ui.button("Avbryt").clicked() {
                                    makulera = Some((0, String::new()));
                                }
                            });
                        }
                        _ => {
                            if ui.button(format!("Makulera {} …", post.rubrik)).clicked() {
                                self.makulerar = Some((post.id, String::new(), None));
                            }
                        }
                    }
                }
            });
        }
        if let Some((id, orsak)) = makulera {
            self.makulerar = None;
            if id != 0 {
                let aid = arende.id;
                let res = store.skriv(|w| {
                    w.makulera_journal(id, &orsak, anvandare, nu)?;
                    w.logga(Handelse::MakuleradeJournal, Some(aid), anvandare, &orsak, nu)
                });
                match res {
                    Ok(()) => {
                        self.meddelande =
                            Some((Signal::Klart, "Anteckningen är makulerad. Den finns kvar i journalen.".into()));
                        *sparat = Some(nu);
                    }
                    Err(e) => self.meddelande = Some((Signal::Fel, e.to_string())),
                }
                self.ladda_om(store, arende.id);
            }
        }
        if let Some(post) = rattelse {
            self.form = JournalFormular {
                datum: format_datum(nu.date()),
                rubrik: post.rubrik.clone(),
                text: post.text.clone(),
                ersatter: Some(post.id),
            };
        }
    }
}
