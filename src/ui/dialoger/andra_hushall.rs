//! "Ändra hushållet …": a child born, a person moving in or out, a new address or telephone,
//! protected identity, and the payee, interpreter and contact details. Autosaved as a draft.
//!
//! The dialog is anchored at the top of the window, so it grows downwards and never moves
//! under the pointer while fields appear.

use crate::arbete;
use crate::domain::falt::{Falt, FaltFel, fel_for};
use crate::domain::hushall::{Relation, Roll};
use crate::domain::hushallsandring::{AndringFormular, Andringsfalt as A, Andringsslag};
use crate::domain::utbetalning::{Betalsatt, Kontaktsatt, Uppgiftsfalt as U};
use crate::store::{HushallVy, Store};
use crate::ui::kontext::Kontext;
use crate::ui::krock::Krockvakt;
use crate::ui::tema::{self, Signal};
use crate::ui::utkast::{Autospar, Utkastplats, nyckel};
use crate::ui::widgetar::{felrad, notis, rubrik, textfalt, valjlista};
use egui::RichText;
use std::collections::HashSet;

/// How the dialog ended.
pub enum Andringssvar {
    /// Saved: the household as it now is, and what changed (the journal line).
    Sparad(Box<HushallVy>, String),
    /// Closed; the draft stays for later.
    Stangd,
    /// Another user had changed the household; its new version was read in (the dialog stays
    /// open with what the user typed).
    Inlast(Box<HushallVy>),
}

pub struct AndraHushall {
    arende_id: i64,
    hushall_id: i64,
    form: AndringFormular,
    /// The form as opened: no draft is kept while it is unchanged.
    start: AndringFormular,
    autospar: Autospar,
    /// Who may move out: (personnummer, "Olle Exempel (medsökande)").
    kan_flytta_ut: Vec<(String, String)>,
    lamnade: HashSet<Falt>,
    visa_alla_fel: bool,
    sparfel: Option<String>,
    spara_nu: bool,
    /// A save refused because another user changed the household meanwhile.
    krock: Krockvakt,
}

impl AndraHushall {
    /// Opens the dialog for the case's household, restoring the draft the user `agare` (her
    /// login) left, if any.
    pub fn ny(store: &Store, agare: &str, arende_id: i64, h: &HushallVy) -> AndraHushall {
        let start = startformular(h);
        let titel = format!("Ändring av hushållet ({})", h.sokande().map(|p| p.namn()).unwrap_or_default());
        let nyckel = nyckel(Utkastplats::Hushallsandring(arende_id));
        let (autospar, utkast) = Autospar::ny::<AndringFormular>(store, agare, nyckel, titel);
        let sparfel = autospar.lasfel().map(|(_, t)| t);
        // A draft keeps the version it was typed against; an older draft without one is taken
        // as typed against the household as it is now.
        let form = utkast
            .map(|u: AndringFormular| AndringFormular { version: u.version.or(start.version), ..u })
            .unwrap_or_else(|| start.clone());
        AndraHushall {
            arende_id,
            hushall_id: h.id,
            form,
            start,
            autospar,
            kan_flytta_ut: kan_flytta_ut(h),
            lamnade: HashSet::new(),
            visa_alla_fel: false,
            sparfel,
            spara_nu: false,
            krock: Krockvakt::default(),
        }
    }

    /// "Läs in den nya versionen": the household as another user left it; the form keeps what
    /// the user typed and now carries the new version.
    fn las_in(&mut self, ctx: &mut Kontext) -> Option<Andringssvar> {
        match ctx.store.hushall(self.hushall_id) {
            Ok(h) => {
                let ny = startformular(&h);
                self.form = self.form.pa_ny_version(&self.start, &ny);
                self.start = ny;
                self.kan_flytta_ut = kan_flytta_ut(&h);
                self.krock.inlast(&sammanfattning(&h));
                Some(Andringssvar::Inlast(Box::new(h)))
            }
            Err(e) => {
                self.sparfel = Some(e.to_string());
                None
            }
        }
    }

    /// Registers the change (Spara, Enter or Ctrl+S); on problems each message is shown at its field.
    pub fn spara(&mut self, ctx: &mut Kontext) -> Option<Andringssvar> {
        self.visa_alla_fel = true;
        match arbete::hushall::andra_hushall(ctx.store, &ctx.aktor, self.arende_id, &self.form) {
            Ok(h) => {
                if let Err(e) = self.autospar.klar(ctx.store) {
                    self.sparfel = Some(e.to_string());
                }
                let rad = ctx
                    .store
                    .journal(self.arende_id)
                    .ok()
                    .and_then(|j| j.into_iter().max_by_key(|p| p.id))
                    .map(|p| p.text)
                    .unwrap_or_default();
                Some(Andringssvar::Sparad(Box::new(h), rad))
            }
            Err(arbete::Arbetsfel::Falt(_)) => None,
            Err(e) if self.krock.fanga(&e) => {
                self.sparfel = None;
                None
            }
            Err(e) => {
                self.sparfel = Some(e.to_string());
                None
            }
        }
    }

    /// Draws the dialog over the window. Returns how it ended, if it did.
    pub fn visa(&mut self, egui_ctx: &egui::Context, ctx: &mut Kontext) -> Option<Andringssvar> {
        let id = egui::Id::unique("andra_hushall");
        let skarm = egui_ctx.content_rect();
        let area = egui::Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 40.0));
        let svar = egui::Modal::new(id).area(area).show(egui_ctx, |ui| {
            ui.set_width((skarm.width() - 160.0).clamp(400.0, 820.0));
            ui.set_max_height(skarm.height() - 80.0);
            self.innehall(ui, ctx)
        });
        svar.inner
    }

    fn innehall(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) -> Option<Andringssvar> {
        let idag = ctx.nu().date();
        let fel = self.form.validera(idag).err().unwrap_or_default();
        ui.heading("Ändra hushållet");
        ui.label("Välj vad som har hänt. Datumet avgör vilka månader ändringen gäller; tidigare beslut ändras inte.");
        if let Some(e) = &self.sparfel {
            notis(ui, Signal::Fel, e);
        }
        let mut svar = None;
        if self.krock.visa(ui) {
            svar = self.las_in(ctx);
        }
        ui.horizontal_wrapped(|ui| {
            for s in Andringsslag::ALLA {
                if ui.radio_value(&mut self.form.slag, *s, s.namn()).clicked() {
                    self.visa_alla_fel = false;
                }
            }
        });
        ui.separator();
        egui::ScrollArea::vertical().max_height(ui.available_height() - 70.0).auto_shrink([false, true]).show(
            ui,
            |ui| match self.form.slag {
                Andringsslag::Fodd | Andringsslag::FlyttarIn => self.visa_inflyttning(ui, &fel),
                Andringsslag::FlyttarUt => self.visa_utflyttning(ui, &fel),
                Andringsslag::NyAdress => self.visa_adress(ui, &fel),
                Andringsslag::Skydd => {
                    ui.checkbox(
                        &mut self.form.skyddad,
                        "Skyddade personuppgifter (adressen döljs på skärmen och skrivs aldrig ut)",
                    );
                }
                Andringsslag::Uppgifter => self.visa_uppgifter(ui, &fel),
            },
        );
        ui.separator();
        if self.visa_alla_fel && !fel.is_empty() {
            let antal = crate::domain::klarsprak::antal(fel.len() as u64, "uppgift", "uppgifter");
            felrad(ui, &format!("Ändringen är inte sparad: {antal} behöver rättas."));
        }
        ui.horizontal(|ui| {
            let spara = ui.button(RichText::new("Spara ändringen").strong()).on_hover_text("Enter eller Ctrl+S");
            if spara.clicked() || std::mem::take(&mut self.spara_nu) {
                svar = self.spara(ctx);
            }
            if ui.button("Avbryt").on_hover_text("Esc. Utkastet finns kvar till nästa gång.").clicked() {
                svar = Some(Andringssvar::Stangd);
            }
        });
        if !matches!(svar, Some(Andringssvar::Sparad(..))) {
            // Only choosing a kind of change is no draft yet.
            let tomt = AndringFormular { slag: self.start.slag, ..self.form.clone() } == self.start;
            match self.autospar.folj(ctx.store, &self.form, tomt, ctx.nu()) {
                Ok(true) => ctx.sparat(),
                Ok(false) => {}
                Err(e) => self.sparfel = Some(e.to_string()),
            }
        }
        svar
    }

    /// A labelled text field whose message shows once it was left; Enter saves.
    fn falt(&mut self, ui: &mut egui::Ui, etikett: &str, falt: Falt, fel: &[FaltFel], bredd: f32) {
        let visa = self.visa_alla_fel || self.lamnade.contains(&falt);
        let meddelande = if visa { fel_for(fel, falt) } else { None };
        let text = match falt {
            Falt::Andring(A::Datum) => &mut self.form.datum,
            Falt::Andring(A::Pnr) => &mut self.form.pnr,
            Falt::Andring(A::Fornamn) => &mut self.form.fornamn,
            Falt::Andring(A::Efternamn) => &mut self.form.efternamn,
            Falt::Andring(_) => &mut self.form.flyttat_till, // A::FlyttatTill
            Falt::Gatuadress => &mut self.form.adress.gatuadress,
            Falt::Postnummer => &mut self.form.adress.postnummer,
            Falt::Postort => &mut self.form.adress.postort,
            Falt::Telefon => &mut self.form.telefon,
            Falt::Uppgift(U::Clearing) => &mut self.form.uppgifter.clearing,
            Falt::Uppgift(U::Konto | U::Giro) => &mut self.form.uppgifter.konto,
            Falt::Uppgift(U::Mottagare) => &mut self.form.uppgifter.mottagare,
            Falt::Uppgift(U::Sprak) => &mut self.form.uppgifter.tolk_sprak,
            _ => &mut self.form.uppgifter.epost,
        };
        let r = textfalt(ui, etikett, text, meddelande, bredd);
        if r.lost_focus() {
            self.lamnade.insert(falt);
            self.spara_nu |= ui.input(|i| i.key_pressed(egui::Key::Enter));
        }
    }

    fn visa_inflyttning(&mut self, ui: &mut egui::Ui, fel: &[FaltFel]) {
        let fodd = self.form.slag == Andringsslag::Fodd;
        ui.horizontal_wrapped(|ui| {
            let pnr = if fodd { "Barnets personnummer" } else { "Personnummer" };
            self.falt(ui, pnr, Falt::Andring(A::Pnr), fel, 180.0);
            self.falt(ui, "Förnamn", Falt::Andring(A::Fornamn), fel, 200.0);
            self.falt(ui, "Efternamn", Falt::Andring(A::Efternamn), fel, 200.0);
        });
        ui.horizontal_wrapped(|ui| {
            let datum = if fodd { "Bor i hushållet från (tomt: födelsedagen)" } else { "Bor i hushållet från" };
            self.falt(ui, datum, Falt::Andring(A::Datum), fel, 300.0);
            if !fodd {
                let vald = self.form.roll.map(|r| r.namn()).unwrap_or("Välj …");
                valjlista(ui, "Roll i hushållet", vald, 180.0, |ui| {
                    for r in [Roll::Medsokande, Roll::Barn] {
                        ui.selectable_value(&mut self.form.roll, Some(r), r.namn());
                    }
                });
            }
            if self.form.roll == Some(Roll::Medsokande) && !fodd {
                let vald = self.form.relation.map(|r| r.namn()).unwrap_or("Välj …");
                valjlista(ui, "Relation till sökande", vald, 240.0, |ui| {
                    for r in Relation::ALLA {
                        ui.selectable_value(&mut self.form.relation, Some(*r), r.namn());
                    }
                });
            }
        });
        for k in [A::Roll, A::Relation] {
            if let Some(f) = fel_for(fel, Falt::Andring(k)).filter(|_| self.visa_alla_fel) {
                felrad(ui, f);
            }
        }
        if fodd || self.form.roll == Some(Roll::Barn) {
            ui.checkbox(&mut self.form.lunch_utanfor_hemmet, "Äter lunch utanför hemmet 5 dagar/vecka");
            if !fodd {
                ui.checkbox(&mut self.form.gar_i_gymnasiet, "Går i gymnasiet (avgör normen för 19–20 år)");
            }
        }
    }

    fn visa_utflyttning(&mut self, ui: &mut egui::Ui, fel: &[FaltFel]) {
        if self.kan_flytta_ut.is_empty() {
            ui.label("Bara sökande bor i hushållet. Sökande flyttar inte ut ur sitt eget hushåll; avsluta ärendet i stället.");
            return;
        }
        let vald = self.form.person.as_ref().and_then(|p| self.kan_flytta_ut.iter().find(|(pnr, _)| pnr == p));
        let vald_text = vald.map(|(_, t)| t.clone()).unwrap_or_else(|| "Välj …".into());
        valjlista(ui, "Vem flyttar ut", &vald_text, 320.0, |ui| {
            for (pnr, text) in &self.kan_flytta_ut {
                ui.selectable_value(&mut self.form.person, Some(pnr.clone()), text);
            }
        });
        if let Some(f) = fel_for(fel, Falt::Andring(A::Person)).filter(|_| self.visa_alla_fel) {
            felrad(ui, f);
        }
        ui.horizontal_wrapped(|ui| {
            self.falt(ui, "Sista dag i hushållet", Falt::Andring(A::Datum), fel, 200.0);
            self.falt(ui, "Ny adress (om den är känd)", Falt::Andring(A::FlyttatTill), fel, 420.0);
        });
    }

    fn visa_adress(&mut self, ui: &mut egui::Ui, fel: &[FaltFel]) {
        ui.label("Den nuvarande adressen sparas i historiken med sina datum.");
        ui.horizontal_wrapped(|ui| {
            self.falt(ui, "Gatuadress", Falt::Gatuadress, fel, tema::FALT_BREDD);
            self.falt(ui, "Postnummer", Falt::Postnummer, fel, 110.0);
            self.falt(ui, "Postort", Falt::Postort, fel, 200.0);
        });
        ui.horizontal_wrapped(|ui| {
            self.falt(ui, "Telefon", Falt::Telefon, fel, 180.0);
            self.falt(ui, "Gäller från", Falt::Andring(A::Datum), fel, 160.0);
        });
    }

    fn visa_uppgifter(&mut self, ui: &mut egui::Ui, fel: &[FaltFel]) {
        rubrik(ui, "Utbetalning");
        let u = &mut self.form.uppgifter;
        let vald = u.betalsatt.map(|b| b.namn()).unwrap_or("Ingen uppgift");
        valjlista(ui, "Utbetalning till", vald, 200.0, |ui| {
            ui.selectable_value(&mut u.betalsatt, None, "Ingen uppgift");
            for b in Betalsatt::ALLA {
                ui.selectable_value(&mut u.betalsatt, Some(*b), b.namn());
            }
        });
        let betalsatt = u.betalsatt;
        ui.horizontal_wrapped(|ui| match betalsatt {
            Some(Betalsatt::Bankkonto) => {
                self.falt(ui, "Clearingnummer", Falt::Uppgift(U::Clearing), fel, 180.0);
                self.falt(ui, "Kontonummer", Falt::Uppgift(U::Konto), fel, 220.0);
            }
            Some(b) => self.falt(ui, &format!("{}nummer", b.namn()), Falt::Uppgift(U::Giro), fel, 200.0),
            None => {}
        });
        if betalsatt.is_some() {
            self.falt(ui, "Betalningsmottagare (om inte sökande)", Falt::Uppgift(U::Mottagare), fel, 320.0);
        }
        rubrik(ui, "Tolk och kontakt");
        ui.checkbox(&mut self.form.uppgifter.behover_tolk, "Behöver tolk");
        ui.horizontal_wrapped(|ui| {
            if self.form.uppgifter.behover_tolk {
                self.falt(ui, "Språk", Falt::Uppgift(U::Sprak), fel, 200.0);
            }
            self.falt(ui, "E-post", Falt::Uppgift(U::Epost), fel, 280.0);
            let u = &mut self.form.uppgifter;
            let vald = u.kontaktsatt.map(|k| k.namn()).unwrap_or("Inget valt");
            valjlista(ui, "Kontaktas helst via", vald, 160.0, |ui| {
                ui.selectable_value(&mut u.kontaktsatt, None, "Inget valt");
                for k in Kontaktsatt::ALLA {
                    ui.selectable_value(&mut u.kontaktsatt, Some(*k), k.namn());
                }
            });
        });
        if let Some(f) = fel_for(fel, Falt::Uppgift(U::Kontaktsatt)).filter(|_| self.visa_alla_fel) {
            felrad(ui, f);
        }
    }
}

/// The form as the household is: what a change starts from, with the household's version.
fn startformular(h: &HushallVy) -> AndringFormular {
    AndringFormular {
        adress: h.adress.clone(),
        telefon: h.telefon.clone(),
        skyddad: h.skyddade_personuppgifter,
        uppgifter: (&h.uppgifter).into(),
        version: Some(h.version),
        ..Default::default()
    }
}

/// Who may move out: (personnummer, "Olle Exempel (medsökande)").
fn kan_flytta_ut(h: &HushallVy) -> Vec<(String, String)> {
    h.medlemmar
        .iter()
        .filter(|m| m.roll != Roll::Sokande)
        .map(|m| (m.person.pnr.twelve_digits(), format!("{} ({})", m.person.namn(), m.roll.namn().to_lowercase())))
        .collect()
}

/// What the household holds now, for the user to compare with what they typed (a protected
/// address is not shown).
fn sammanfattning(h: &HushallVy) -> String {
    let adress = if h.skyddade_personuppgifter { "skyddad adress".to_string() } else { h.adress.en_rad() };
    let telefon =
        if h.telefon.trim().is_empty() { "ingen telefon".to_string() } else { format!("telefon {}", h.telefon) };
    let boende: Vec<String> = h.medlemmar.iter().map(|m| m.person.namn()).collect();
    format!("{adress}, {telefon}; bor här: {}", boende.join(", "))
}
