//! The Plan tab: the förändringsplan written with the client under the eight headings, one
//! step at a time or all on one page; agreed on a date and signed; new versions compared with
//! the previous; follow-ups and deviations; printed for signing.

use super::beslut_vy::Utskrift;
use super::tema::{self, Signal};
use super::utkast::{Autospar, Utkastplats, nyckel};
use super::widgetar::{cellfalt, cellval, kolumnrubrik, las, notis, rubrik, textfalt, textyta};
use crate::domain::arende::Arende;
use crate::domain::datum::parse_datum;
use crate::domain::hushall::fel_for;
use crate::domain::plan::{Atgard, Planinnehall, RUBRIKER, Uppfoljningsdag, Vem, omskrivning};
use crate::store::{Avvikelse, Handelse, Planversion, Store, Uppfoljning};
use chrono::NaiveDateTime;
use egui::RichText;

/// The agreement being confirmed: date, signed, and if not signed why.
#[derive(Default)]
struct Overenskommelse {
    datum: String,
    signerad: bool,
    orsak: String,
}

#[derive(Default)]
struct NyUppfoljning {
    datum: String,
    gjort: Vec<String>,
    notering: String,
}

#[derive(Default)]
struct NyAvvikelse {
    fran: String,
    till: String,
    beskrivning: String,
    godkand: bool,
}

pub struct PlanVy {
    arende_id: i64,
    arendenummer: String,
    versioner: Vec<Planversion>,
    vald: usize,
    /// The draft being written (the newest version when it is not agreed).
    utkast: Option<Planinnehall>,
    autospar: Autospar,
    ett_i_taget: bool,
    aktivt_steg: usize,
    jamfor: bool,
    overens: Option<Overenskommelse>,
    uppfoljning: NyUppfoljning,
    avvikelse: NyAvvikelse,
    meddelande: Option<(Signal, String)>,
}

impl PlanVy {
    pub fn ny(store: &Store, arende: &Arende) -> PlanVy {
        let (autospar, draft) = Autospar::ny::<Planinnehall>(
            store,
            nyckel(Utkastplats::Plan(arende.id)),
            format!("Förändringsplan i ärende {}", arende.arendenummer),
        );
        let meddelande = autospar.lasfel();
        let mut vy = PlanVy {
            arende_id: arende.id,
            arendenummer: arende.arendenummer.clone(),
            versioner: Vec::new(),
            vald: 0,
            utkast: None,
            autospar,
            ett_i_taget: false,
            aktivt_steg: 0,
            jamfor: false,
            overens: None,
            uppfoljning: NyUppfoljning::default(),
            avvikelse: NyAvvikelse::default(),
            meddelande,
        };
        vy.ladda(store);
        if let Some(d) = draft {
            vy.utkast = Some(d);
            vy.vald = 0;
        }
        vy
    }

    fn ladda(&mut self, store: &Store) {
        self.versioner = las(store.planer(self.arende_id), &mut self.meddelande);
        self.utkast = self.versioner.first().filter(|p| p.overenskommen.is_none()).map(|p| p.innehall.clone());
        self.vald = 0;
    }

    fn spara_utkast(&mut self, store: &mut Store, anvandare: &str, nu: NaiveDateTime) -> Option<i64> {
        let innehall = self.utkast.clone()?;
        let id = self.arende_id;
        match store.skriv(|w| w.spara_planutkast(id, &innehall, anvandare, nu)) {
            Ok(pid) => {
                let _ = self.autospar.klar(store);
                self.ladda(store);
                Some(pid)
            }
            Err(e) => {
                self.meddelande = Some((Signal::Fel, e.to_string()));
                None
            }
        }
    }

    pub fn skriv_ut(&mut self, store: &Store, utskrift: &Utskrift, nu: NaiveDateTime) {
        let pdf = crate::utskrift::plan_pdf(store, &self.arendenummer, nu.date());
        let filnamn = format!("plan-{}-{}.pdf", self.arendenummer, nu.date());
        self.meddelande = Some(match utskrift.spara(pdf, &filnamn, "Planen") {
            Ok(fil) => (Signal::Klart, format!("Planen är sparad för utskrift: {}", fil.display())),
            Err(e) => (Signal::Fel, e),
        });
    }

    pub fn visa(
        &mut self,
        ui: &mut egui::Ui,
        store: &mut Store,
        anvandare: &str,
        utskrift: &Utskrift,
        nu: NaiveDateTime,
        sparat: &mut Option<NaiveDateTime>,
    ) {
        if let Some((signal, text)) = &self.meddelande {
            notis(ui, *signal, text);
        }
        // The latest agreed version is due for rewriting three months after it was agreed.
        let overenskommen = self.versioner.iter().find_map(|p| p.overenskommen);
        if let Some((datum, senast)) = overenskommen.map(|d| (d, omskrivning(d))).filter(|(_, s)| *s <= nu.date()) {
            let text = format!("Planen ska skrivas om: den överenskoms {datum} och skulle skrivas om senast {senast}.");
            notis(ui, Signal::Varning, &text);
        }
        rubrik(ui, "Förändringsplan");
        ui.horizontal_wrapped(|ui| {
            for (i, p) in self.versioner.iter().enumerate() {
                let text = match p.overenskommen {
                    Some(d) => format!(
                        "Version {} – överenskommen {d}{}",
                        p.version,
                        if p.signerad { "" } else { ", ej signerad" }
                    ),
                    None => format!("Version {} – utkast", p.version),
                };
                if ui.selectable_label(self.vald == i, text).clicked() {
                    self.vald = i;
                    self.jamfor = false;
                }
            }
            let har_utkast = self.utkast.is_some();
            if self.versioner.is_empty() && !har_utkast && ui.button("Ny plan").clicked() {
                self.utkast = Some(Planinnehall::default());
            }
            if !self.versioner.is_empty() && !har_utkast && ui.button("Ny version").clicked() {
                let id = self.arende_id;
                match store.skriv(|w| w.ny_planversion(id, anvandare, nu)) {
                    Ok(_) => self.ladda(store),
                    Err(e) => self.meddelande = Some((Signal::Fel, e.to_string())),
                }
            }
            if self.versioner.len() > 1 && ui.selectable_label(self.jamfor, "Jämför med föregående version").clicked()
            {
                self.jamfor = !self.jamfor;
            }
            if (!self.versioner.is_empty() || har_utkast) && ui.button("Skriv ut planen").clicked() {
                if har_utkast {
                    self.spara_utkast(store, anvandare, nu);
                }
                self.skriv_ut(store, utskrift, nu);
            }
        });
        if self.versioner.is_empty() && self.utkast.is_none() {
            ui.label("Ingen plan ännu — Ny plan skrivs tillsammans med klienten.");
            return;
        }
        if self.jamfor {
            self.visa_jamforelse(ui);
            return;
        }
        let redigerar = self.utkast.is_some() && self.vald == 0;
        if redigerar {
            self.visa_utkast(ui, store, anvandare, nu, sparat);
        } else if let Some(p) = self.versioner.get(self.vald).cloned() {
            self.visa_overenskommen(ui, store, &p, anvandare, nu, sparat);
        }
    }

    fn visa_utkast(
        &mut self,
        ui: &mut egui::Ui,
        store: &mut Store,
        anvandare: &str,
        nu: NaiveDateTime,
        sparat: &mut Option<NaiveDateTime>,
    ) {
        ui.horizontal(|ui| {
            ui.radio_value(&mut self.ett_i_taget, false, "Alla steg på en sida");
            ui.radio_value(&mut self.ett_i_taget, true, "Ett steg i taget");
        });
        let Some(p) = &mut self.utkast else { return };
        let fel = p.kontrollera();
        let steg: Vec<usize> = if self.ett_i_taget { vec![self.aktivt_steg] } else { (0..8).collect() };
        for i in steg {
            ui.add_space(tema::LUFT / 2.0);
            ui.label(RichText::new(format!("{}. {}", i + 1, RUBRIKER[i])).text_style(tema::rubrik2()));
            match i {
                4 => steg5(ui, p, &fel),
                6 => steg7(ui, p),
                7 => steg8(ui, p),
                _ => {
                    textyta(
                        ui,
                        &format!("Steg {}: {}", i + 1, RUBRIKER[i]),
                        &mut p.fritext[i],
                        fel_for(&fel, &format!("fritext.{i}")),
                        4,
                    );
                }
            }
        }
        if self.ett_i_taget {
            ui.horizontal(|ui| {
                if ui.add_enabled(self.aktivt_steg > 0, egui::Button::new("Föregående steg")).clicked() {
                    self.aktivt_steg -= 1;
                }
                ui.label(format!("Steg {} av 8", self.aktivt_steg + 1));
                if ui.add_enabled(self.aktivt_steg < 7, egui::Button::new("Nästa steg")).clicked() {
                    self.aktivt_steg += 1;
                }
            });
        }
        let innehall = p.clone();
        match self.autospar.folj(store, &innehall, false, nu) {
            Ok(true) => *sparat = Some(nu),
            Ok(false) => {}
            Err(e) => self.meddelande = Some((Signal::Fel, e)),
        }
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button("Spara utkast").clicked() && self.spara_utkast(store, anvandare, nu).is_some() {
                self.meddelande = Some((Signal::Klart, "Utkastet är sparat.".into()));
                *sparat = Some(nu);
            }
            if self.overens.is_none() && ui.button("Kom överens om planen …").clicked() {
                if let Some(f) = fel.first() {
                    self.meddelande = Some((Signal::Fel, format!("Planen kan inte bli överenskommen än: {}", f.text)));
                } else {
                    self.overens =
                        Some(Overenskommelse { datum: nu.date().to_string(), signerad: true, orsak: String::new() });
                }
            }
        });
        let mut bekrafta = false;
        let mut avbryt = false;
        if let Some(o) = &mut self.overens {
            ui.group(|ui| {
                textfalt(ui, "Överenskommen datum", &mut o.datum, None, 140.0);
                ui.checkbox(&mut o.signerad, "Klienten har signerat planen");
                if !o.signerad {
                    textfalt(ui, "Varför har klienten inte signerat?", &mut o.orsak, None, 420.0);
                }
                ui.label("En överenskommen plan ändras inte; ändringar görs i en ny version.");
                ui.horizontal(|ui| {
                    bekrafta = ui.button("Ja, planen är överenskommen").clicked();
                    avbryt = ui.button("Avbryt").clicked();
                });
            });
        }
        if avbryt {
            self.overens = None;
        }
        if bekrafta {
            self.kom_overens(store, anvandare, nu, sparat);
        }
    }

    fn kom_overens(
        &mut self,
        store: &mut Store,
        anvandare: &str,
        nu: NaiveDateTime,
        sparat: &mut Option<NaiveDateTime>,
    ) {
        let Some(o) = &self.overens else { return };
        let datum = match parse_datum(&o.datum, nu.date()) {
            Ok(d) => d,
            Err(e) => {
                self.meddelande = Some((Signal::Fel, e));
                return;
            }
        };
        let (signerad, orsak) = (o.signerad, o.orsak.clone());
        let Some(pid) = self.spara_utkast(store, anvandare, nu) else { return };
        let id = self.arende_id;
        let res = store.skriv(|w| {
            w.kom_overens(pid, datum, signerad, &orsak, nu)?;
            w.logga(Handelse::KomOverensOmPlan, Some(id), anvandare, &datum.to_string(), nu)
        });
        match res {
            Ok(()) => {
                self.overens = None;
                self.ladda(store);
                self.meddelande =
                    Some((Signal::Klart, format!("Planen är överenskommen {datum}. Skriv ut den för underskrift.")));
                *sparat = Some(nu);
            }
            Err(e) => self.meddelande = Some((Signal::Fel, e.to_string())),
        }
    }

    fn visa_overenskommen(
        &mut self,
        ui: &mut egui::Ui,
        store: &mut Store,
        p: &Planversion,
        anvandare: &str,
        nu: NaiveDateTime,
        sparat: &mut Option<NaiveDateTime>,
    ) {
        for (i, rubrik) in RUBRIKER.iter().enumerate() {
            ui.label(RichText::new(format!("{}. {rubrik}", i + 1)).text_style(tema::rubrik2()));
            let text = p.innehall.stegtext(i);
            ui.label(if text.is_empty() { "–".to_string() } else { text });
        }
        if p.overenskommen.is_some() && !p.signerad {
            notis(ui, Signal::Varning, &format!("Klienten har inte signerat planen: {}", p.ej_signerad_orsak));
            if ui.button("Klienten har signerat nu").clicked() {
                match store.skriv(|w| w.signera_plan(p.id, nu)) {
                    Ok(()) => {
                        self.ladda(store);
                        *sparat = Some(nu);
                    }
                    Err(e) => self.meddelande = Some((Signal::Fel, e.to_string())),
                }
            }
        }
        if p.overenskommen.is_some() {
            self.visa_uppfoljning(ui, store, p, anvandare, nu, sparat);
        }
    }

    fn visa_uppfoljning(
        &mut self,
        ui: &mut egui::Ui,
        store: &mut Store,
        p: &Planversion,
        anvandare: &str,
        nu: NaiveDateTime,
        sparat: &mut Option<NaiveDateTime>,
    ) {
        rubrik(ui, "Uppföljningar");
        for u in las(store.uppfoljningar(p.id), &mut self.meddelande) {
            ui.label(format!("{}  {}", u.datum, u.notering));
            for (a, gjort) in p.innehall.steg.iter().zip(&u.per_steg).filter(|(_, g)| !g.trim().is_empty()) {
                ui.label(RichText::new(format!("  {}: {gjort}", a.vad)).weak());
            }
        }
        let n = &mut self.uppfoljning;
        n.gjort.resize(p.innehall.steg.len(), String::new());
        textfalt(ui, "Uppföljningens datum", &mut n.datum, None, 140.0);
        for (a, gjort) in p.innehall.steg.iter().zip(n.gjort.iter_mut()) {
            textfalt(ui, &format!("Gjort: {}", a.vad), gjort, None, 480.0);
        }
        textyta(ui, "Anteckningar från uppföljningen", &mut n.notering, None, 2);
        if ui.button("Spara uppföljning").clicked() {
            match parse_datum(&n.datum, nu.date()) {
                Ok(datum) => {
                    let u = Uppfoljning { datum, notering: n.notering.clone(), per_steg: n.gjort.clone() };
                    match store.skriv(|w| w.skriv_uppfoljning(p.id, &u, anvandare, nu)) {
                        Ok(_) => {
                            self.uppfoljning = NyUppfoljning::default();
                            self.meddelande = Some((Signal::Klart, "Uppföljningen är sparad.".into()));
                            *sparat = Some(nu);
                        }
                        Err(e) => self.meddelande = Some((Signal::Fel, e.to_string())),
                    }
                }
                Err(e) => self.meddelande = Some((Signal::Fel, format!("Uppföljningens datum: {e}"))),
            }
        }
        rubrik(ui, "Avvikelser från planen");
        for a in las(store.avvikelser(p.id), &mut self.meddelande) {
            ui.label(format!(
                "{} – {}  {}{}",
                a.fran,
                a.till,
                a.beskrivning,
                if a.godkand { " (godkänd)" } else { " (inte godkänd)" }
            ));
        }
        let a = &mut self.avvikelse;
        ui.horizontal_wrapped(|ui| {
            textfalt(ui, "Avvikelse från", &mut a.fran, None, 130.0);
            textfalt(ui, "Avvikelse till", &mut a.till, None, 130.0);
            textfalt(ui, "Vad avvikelsen gäller", &mut a.beskrivning, None, 360.0);
        });
        ui.checkbox(&mut a.godkand, "Avvikelsen är godkänd");
        if ui.button("Spara avvikelse").clicked() {
            let datum = (parse_datum(&a.fran, nu.date()), parse_datum(&a.till, nu.date()));
            match datum {
                (Ok(fran), Ok(till)) if !a.beskrivning.trim().is_empty() => {
                    let av = Avvikelse { fran, till, beskrivning: a.beskrivning.clone(), godkand: a.godkand };
                    match store.skriv(|w| w.skriv_avvikelse(p.id, &av, anvandare, nu)) {
                        Ok(_) => {
                            self.avvikelse = NyAvvikelse::default();
                            *sparat = Some(nu);
                        }
                        Err(e) => self.meddelande = Some((Signal::Fel, e.to_string())),
                    }
                }
                _ => {
                    self.meddelande =
                        Some((Signal::Fel, "Ange avvikelsens period (ÅÅÅÅ-MM-DD) och vad den gäller.".into()))
                }
            }
        }
    }

    /// The selected version beside the one before it, changed steps marked.
    fn visa_jamforelse(&self, ui: &mut egui::Ui) {
        let Some(ny) = self.versioner.get(self.vald) else { return };
        let Some(gammal) = self.versioner.get(self.vald + 1) else {
            ui.label("Det finns ingen tidigare version att jämföra med.");
            return;
        };
        let andrade = ny.innehall.andrade_steg(&gammal.innehall);
        ui.label(format!(
            "Version {} jämförd med version {}: {} steg har ändrats.",
            ny.version,
            gammal.version,
            andrade.len()
        ));
        let farg = tema::signalfarg(Signal::Varning, ui.visuals().dark_mode);
        ui.columns(2, |k| {
            kolumnrubrik(&mut k[0], &format!("Version {}", gammal.version));
            kolumnrubrik(&mut k[1], &format!("Version {}", ny.version));
        });
        for (i, rubrik) in RUBRIKER.iter().enumerate() {
            let andrad = andrade.contains(&i);
            let mut r = RichText::new(format!("{}. {rubrik}{}", i + 1, if andrad { " – ändrad" } else { "" })).strong();
            if andrad {
                r = r.color(farg);
            }
            ui.add_space(6.0);
            ui.label(r);
            ui.columns(2, |k| {
                for (kolumn, p) in k.iter_mut().zip([gammal, ny]) {
                    let text = p.innehall.stegtext(i);
                    // Left-aligned (the columns' own layout would justify the words).
                    kolumn.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        ui.add(egui::Label::new(if text.is_empty() { "–".to_string() } else { text }).wrap());
                    });
                }
            });
        }
    }
}

/// Step 5: concrete steps, each with who does it and by when.
fn steg5(ui: &mut egui::Ui, p: &mut Planinnehall, fel: &[crate::domain::hushall::FaltFel]) {
    let mut ta_bort = None;
    if !p.steg.is_empty() {
        egui::Grid::new("steg5").num_columns(4).spacing([10.0, 8.0]).show(ui, |ui| {
            for k in ["Steg", "Vem", "Senast", ""] {
                kolumnrubrik(ui, k);
            }
            ui.end_row();
            for (i, a) in p.steg.iter_mut().enumerate() {
                let n = i + 1;
                cellfalt(
                    ui,
                    &format!("Steg 5, rad {n}: vad"),
                    &mut a.vad,
                    fel_for(fel, &format!("steg.{i}.vad")).is_some(),
                    320.0,
                );
                cellval(
                    ui,
                    &format!("Steg 5, rad {n}: vem"),
                    a.vem.map(|v| v.namn()).unwrap_or("Välj …"),
                    150.0,
                    |ui| {
                        for v in Vem::ALLA {
                            ui.selectable_value(&mut a.vem, Some(*v), v.namn());
                        }
                    },
                );
                cellfalt(
                    ui,
                    &format!("Steg 5, rad {n}: senast"),
                    &mut a.senast,
                    fel_for(fel, &format!("steg.{i}.senast")).is_some(),
                    110.0,
                );
                if ui.button("Ta bort").accessible_name(format!("Ta bort steg {n}")).clicked() {
                    ta_bort = Some(i);
                }
                ui.end_row();
            }
        });
    }
    if let Some(i) = ta_bort {
        p.steg.remove(i);
    }
    if ui.button("Lägg till steg").clicked() {
        p.steg.push(Atgard { vem: Some(Vem::Klienten), ..Default::default() });
    }
}

/// Step 7: the follow-up dates.
fn steg7(ui: &mut egui::Ui, p: &mut Planinnehall) {
    let mut ta_bort = None;
    for (i, u) in p.uppfoljning.iter_mut().enumerate() {
        let n = i + 1;
        ui.horizontal(|ui| {
            cellfalt(ui, &format!("Uppföljning {n}: datum"), &mut u.datum, false, 110.0);
            cellfalt(ui, &format!("Uppföljning {n}: vad"), &mut u.vad, false, 360.0);
            if ui.button("Ta bort").accessible_name(format!("Ta bort uppföljning {n}")).clicked() {
                ta_bort = Some(i);
            }
        });
    }
    if let Some(i) = ta_bort {
        p.uppfoljning.remove(i);
    }
    if ui.button("Lägg till uppföljningsdatum").clicked() {
        p.uppfoljning.push(Uppfoljningsdag { datum: String::new(), vad: "Uppföljningsmöte".into() });
    }
}

/// Step 8: what the right to assistance requires.
fn steg8(ui: &mut egui::Ui, p: &mut Planinnehall) {
    let mut ta_bort = None;
    for (i, k) in p.krav.iter_mut().enumerate() {
        let n = i + 1;
        ui.horizontal(|ui| {
            cellfalt(ui, &format!("Krav {n}"), k, false, 520.0);
            if ui.button("Ta bort").accessible_name(format!("Ta bort krav {n}")).clicked() {
                ta_bort = Some(i);
            }
        });
    }
    if let Some(i) = ta_bort {
        p.krav.remove(i);
    }
    if ui.button("Lägg till krav").clicked() {
        p.krav.push(String::new());
    }
}
