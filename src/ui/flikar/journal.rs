//! The Journal tab: write an entry (autosaved while typing), read the journal newest first,
//! void an entry with a reason and write its correction. Nothing is ever deleted.

use crate::arbete;
use crate::domain::arende::Arende;
use crate::domain::datum::format_datum;
use crate::domain::falt::{Falt, FaltFel, fel_for};
use crate::domain::journal::{JournalFormular, JournalPost, validera_makuleringsorsak};
use crate::ui::flikar::Flik;
use crate::ui::kontext::{Flikvy, Kontext};
use crate::ui::tema::{self, Signal};
use crate::ui::utkast::{Autospar, Utkastplats, nyckel};
use crate::ui::widgetar::{rubrik, textfalt, textyta};
use egui::RichText;

pub struct JournalVy {
    arende_id: i64,
    form: JournalFormular,
    tom_form: JournalFormular,
    autospar: Autospar,
    poster: Vec<JournalPost>,
    fel: Vec<FaltFel>,
    /// The entry being voided and the reason typed so far.
    makulerar: Option<(i64, String, Option<String>)>,
}

impl JournalVy {
    pub fn ny(ctx: &mut Kontext, arende: &Arende) -> JournalVy {
        let tom_form = JournalFormular { datum: format_datum(ctx.nu().date()), ..Default::default() };
        let (autospar, draft) = Autospar::ny::<JournalFormular>(
            ctx.store,
            &ctx.aktor.login,
            nyckel(Utkastplats::Journal(arende.id)),
            crate::ui::utkast::titel(ctx.store, "Journalanteckning", arende),
        );
        if let Some((_, fel)) = autospar.lasfel() {
            ctx.fel(fel);
        }
        JournalVy {
            arende_id: arende.id,
            form: draft.unwrap_or_else(|| tom_form.clone()),
            tom_form,
            autospar,
            poster: Vec::new(),
            fel: Vec::new(),
            makulerar: None,
        }
    }

    fn makulera(&mut self, ctx: &mut Kontext, id: i64, orsak: &str) {
        let svar = arbete::journal::makulera_journal(ctx.store, &ctx.aktor, self.arende_id, id, orsak);
        if ctx.utfall(svar).is_some() {
            ctx.klart("Anteckningen är makulerad. Den finns kvar i journalen.");
            ctx.sparat();
        }
        self.ladda(ctx);
    }

    fn visa_form(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        rubrik(ui, if self.form.ersatter.is_some() { "Rättelse av makulerad anteckning" } else { "Ny anteckning" });
        ui.horizontal(|ui| {
            textfalt(ui, "Datum", &mut self.form.datum, fel_for(&self.fel, Falt::Datum), 130.0);
            textfalt(ui, "Rubrik", &mut self.form.rubrik, fel_for(&self.fel, Falt::Rubrik), 420.0);
        });
        textyta(ui, "Anteckning", &mut self.form.text, fel_for(&self.fel, Falt::Text), 5);
        let mut spara = false;
        ui.horizontal(|ui| {
            spara = ui.button(RichText::new("Spara anteckning").strong()).on_hover_text("Ctrl+S").clicked();
            if self.form != self.tom_form && ui.button("Töm formuläret").clicked() {
                self.form = self.tom_form.clone();
                self.fel.clear();
            }
        });
        if spara {
            self.spara(ctx);
        }
        let tomt = self.form == self.tom_form;
        match self.autospar.folj(ctx.store, &self.form, tomt, ctx.nu()) {
            Ok(true) => ctx.sparat(),
            Ok(false) => {}
            Err(e) => ctx.fel(e),
        }
    }

    fn visa_poster(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
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
                self.makulera(ctx, id, &orsak);
            }
        }
        if let Some(post) = rattelse {
            self.form = JournalFormular {
                datum: format_datum(ctx.nu().date()),
                rubrik: post.rubrik.clone(),
                text: post.text.clone(),
                ersatter: Some(post.id),
            };
        }
    }
}

impl Flikvy for JournalVy {
    fn ladda(&mut self, ctx: &mut Kontext) {
        self.poster = ctx.las(ctx.store.journal(self.arende_id));
    }

    fn visa(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        self.visa_form(ui, ctx);
        self.visa_poster(ui, ctx);
    }

    /// Saves the entry being written (the button, or Ctrl+S on this tab).
    fn spara(&mut self, ctx: &mut Kontext) {
        match arbete::journal::skriv_journal(ctx.store, &ctx.aktor, self.arende_id, &self.form) {
            Ok((_, post)) => {
                let _ = self.autospar.klar(ctx.store);
                self.form = self.tom_form.clone();
                self.fel.clear();
                ctx.klart(format!("Anteckningen \"{}\" är sparad.", post.rubrik));
                ctx.sparat();
                self.ladda(ctx);
            }
            Err(arbete::Arbetsfel::Falt(fel)) => self.fel = fel,
            Err(e) => ctx.fel(e),
        }
    }

    fn skriv_ut(&mut self, ctx: &mut Kontext) {
        crate::ui::kontext::inget_att_skriva_ut(ctx, Flik::Journal, "; journalen lämnas ut efter sekretessprövning");
    }
}
