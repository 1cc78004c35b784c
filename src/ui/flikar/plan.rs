//! The Plan tab: the förändringsplan written with the client under the eight headings, one
//! step at a time or all on one page; agreed on a date and signed; new versions compared with
//! the previous; follow-ups and deviations; printed for signing.

use super::plan_steg::{steg5, steg7, steg8, synliga};
use crate::arbete::{self, plan::Overenskommelse};
use crate::domain::arende::Arende;
use crate::domain::falt::{Falt, FaltFel, fel_for};
use crate::domain::plan::{Planinnehall, RUBRIKER, omskrivning};
use crate::store::{Avvikelse, Planperson, Planversion, Uppfoljning};
use crate::ui::flikar::Flik;
use crate::ui::kontext::{Flikvy, Kontext};
use crate::ui::krock::Krockvakt;
use crate::ui::tema::{self, Signal};
use crate::ui::utkast::{Autospar, Utkastplats, nyckel};
use crate::ui::widgetar::{felrad, kolumnrubrik, notis, rubrik, textfalt, textyta};
use crate::utskrift::Dokument;
use egui::RichText;

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

/// The follow-ups and deviations of the plan version shown, read when it is chosen.
struct Detaljer {
    plan_id: i64,
    uppfoljningar: Vec<Uppfoljning>,
    avvikelser: Vec<Avvikelse>,
}

pub struct PlanVy {
    arende_id: i64,
    arendenummer: String,
    /// The adults of the household; each has a plan of their own.
    personer: Vec<Planperson>,
    /// Whose plan is shown (`None` when the household has no adult on record).
    person_id: Option<i64>,
    versioner: Vec<Planversion>,
    vald: usize,
    /// The draft being written (the newest version when it is not agreed).
    utkast: Option<Planinnehall>,
    /// The stored draft the text was opened from, with its row version (see [`arbete::plan::Lasning`]).
    las: arbete::plan::Lasning,
    /// A save refused because another user saved or agreed the draft meanwhile.
    krock: Krockvakt,
    autospar: Autospar,
    ett_i_taget: bool,
    aktivt_steg: usize,
    jamfor: bool,
    overens: Option<Overenskommelse>,
    uppfoljning: NyUppfoljning,
    avvikelse: NyAvvikelse,
    detaljer: Option<Detaljer>,
    /// Whether every message of the draft is shown: only after trying to agree it, so a new,
    /// empty plan does not open in red. A date typed wrong is shown at once.
    visa_alla_fel: bool,
    /// The messages of the agreement form, shown at its fields.
    overens_fel: Vec<FaltFel>,
    /// The field that gets the keyboard next frame (a row just added).
    fokus: Option<String>,
}

impl PlanVy {
    pub fn ny(ctx: &mut Kontext, arende: &Arende) -> PlanVy {
        let personer = ctx.las(ctx.store.planpersoner(arende.id, ctx.nu().date()));
        let person_id = personer.first().map(|p| p.person_id);
        let mut vy = PlanVy {
            arende_id: arende.id,
            arendenummer: arende.arendenummer.clone(),
            personer,
            person_id,
            versioner: Vec::new(),
            vald: 0,
            utkast: None,
            las: arbete::plan::Lasning::IngetUtkast,
            krock: Krockvakt::default(),
            autospar: Autospar::ny::<Planinnehall>(ctx.store, &ctx.aktor.login, String::new(), String::new()).0,
            ett_i_taget: false,
            aktivt_steg: 0,
            jamfor: false,
            overens: None,
            uppfoljning: NyUppfoljning::default(),
            avvikelse: NyAvvikelse::default(),
            detaljer: None,
            visa_alla_fel: false,
            overens_fel: Vec::new(),
            fokus: None,
        };
        vy.byt_person(ctx, person_id);
        vy
    }

    /// Shows the plan of another adult of the household (their own versions and draft).
    fn byt_person(&mut self, ctx: &mut Kontext, person_id: Option<i64>) {
        self.person_id = person_id;
        // The applicant's draft keeps the key it always had.
        let annan = person_id.filter(|id| self.personer.first().is_some_and(|p| p.person_id != *id));
        let titel = format!("Förändringsplan för {} (ärende {})", self.klientnamn(), self.arendenummer);
        let nyckel = nyckel(Utkastplats::Plan(self.arende_id, annan));
        let (autospar, draft) = Autospar::ny::<Planinnehall>(ctx.store, &ctx.aktor.login, nyckel, titel);
        if let Some((_, fel)) = autospar.lasfel() {
            ctx.fel(fel);
        }
        self.autospar = autospar;
        self.overens = None;
        self.overens_fel.clear();
        self.jamfor = false;
        self.fokus = None;
        self.uppfoljning = NyUppfoljning::default();
        self.avvikelse = NyAvvikelse::default();
        self.las_om(ctx);
        if let Some(d) = draft {
            self.utkast = Some(d);
            self.vald = 0;
        }
    }

    /// "Läs in den nya versionen": the versions as another user left them; the draft keeps the
    /// text typed here and now carries the new version (a new version, if they agreed it).
    fn las_in(&mut self, ctx: &mut Kontext) {
        let utkast = self.utkast.take();
        self.las_om(ctx);
        let nu = match self.versioner.first() {
            Some(p) if p.overenskommen.is_some() => format!("version {} är överenskommen", p.version),
            Some(p) => format!("utkastet till version {}", p.version),
            None => "ingen plan".into(),
        };
        if utkast.is_some() {
            self.utkast = utkast;
        }
        self.krock.inlast(&nu);
    }

    /// The name of the adult whose plan is shown.
    fn klientnamn(&self) -> String {
        let vald = self.personer.iter().find(|p| Some(p.person_id) == self.person_id);
        vald.map(|p| p.namn.clone()).unwrap_or_else(|| "klienten".into())
    }

    fn las_om(&mut self, ctx: &mut Kontext) {
        self.versioner = ctx.las(ctx.store.planer_for(self.arende_id, self.person_id));
        let utkast = self.versioner.first().filter(|p| p.overenskommen.is_none());
        self.las = match utkast {
            Some(p) => arbete::plan::Lasning::Utkast(p.id, p.radversion),
            None => arbete::plan::Lasning::IngetUtkast,
        };
        self.utkast = utkast.map(|p| p.innehall.clone());
        if let Some(u) = &self.utkast {
            // A stored draft that is only looked at is not a draft to restore.
            self.autospar.utgang(u);
        }
        self.vald = 0;
        self.detaljer = None;
        self.visa_alla_fel = false;
    }

    /// "Plan för:" with a choice of adult, when the household has more than one.
    fn visa_personval(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        if self.personer.len() < 2 {
            return;
        }
        let mut byt = None;
        ui.horizontal(|ui| {
            ui.label("Plan för:");
            for p in &self.personer {
                let vald = Some(p.person_id) == self.person_id;
                let val = ui.selectable_label(vald, &p.namn).accessible_name(format!("Plan för {}", p.namn));
                if val.clicked() && !vald {
                    byt = Some(p.person_id);
                }
            }
        });
        if let Some(id) = byt {
            self.byt_person(ctx, Some(id));
        }
    }

    fn spara_utkast(&mut self, ctx: &mut Kontext) -> Option<i64> {
        let innehall = self.utkast.clone()?;
        let las = (self.arende_id, self.las);
        let svar = arbete::plan::spara_utkast(ctx.store, &ctx.aktor, las, self.person_id, &innehall);
        let pid = self.krock.resultat(ctx, svar)?;
        self.krock.rensa();
        let _ = self.autospar.klar(ctx.store);
        self.las_om(ctx);
        Some(pid)
    }

    fn visa_versioner(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        let (mut ny_version, mut skriv) = (false, false);
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
            ny_version = !self.versioner.is_empty() && !har_utkast && ui.button("Ny version").clicked();
            if self.versioner.len() > 1 && ui.selectable_label(self.jamfor, "Jämför med föregående version").clicked()
            {
                self.jamfor = !self.jamfor;
            }
            skriv = (!self.versioner.is_empty() || har_utkast) && ui.button("Skriv ut planen").clicked();
        });
        if let Some(p) = self.versioner.get(self.vald).filter(|_| !self.jamfor) {
            ui.label(RichText::new(format!("Version {} skriven av {}, {}", p.version, p.av, p.skapad)).weak());
        }
        if ny_version {
            let svar = arbete::plan::ny_version(ctx.store, &ctx.aktor, self.arende_id, self.person_id);
            if ctx.utfall(svar).is_some() {
                self.las_om(ctx);
            }
        }
        if skriv {
            self.skriv_ut(ctx);
        }
    }

    fn visa_utkast(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        ui.horizontal(|ui| {
            ui.radio_value(&mut self.ett_i_taget, false, "Alla steg på en sida");
            ui.radio_value(&mut self.ett_i_taget, true, "Ett steg i taget");
        });
        let Some(p) = &mut self.utkast else { return };
        let alla_fel = p.kontrollera();
        let fel = synliga(&alla_fel, p, self.visa_alla_fel);
        let fokus = &mut self.fokus;
        let steg: Vec<usize> = if self.ett_i_taget { vec![self.aktivt_steg] } else { (0..8).collect() };
        for i in steg {
            ui.add_space(tema::LUFT / 2.0);
            ui.label(RichText::new(format!("{}. {}", i + 1, RUBRIKER[i])).text_style(tema::rubrik2()));
            match i {
                4 => steg5(ui, p, &fel, fokus),
                6 => steg7(ui, p, &fel, fokus),
                7 => steg8(ui, p, fokus),
                _ => {
                    let falt_fel = fel_for(&fel, Falt::Fritext(i));
                    textyta(ui, &format!("Steg {}: {}", i + 1, RUBRIKER[i]), &mut p.fritext[i], falt_fel, 4);
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
        let tom = innehall == Planinnehall::default();
        match self.autospar.folj(ctx.store, &innehall, tom, ctx.nu()) {
            Ok(true) => ctx.sparat(),
            Ok(false) => {}
            Err(e) => ctx.fel(e),
        }
        ui.separator();
        let (mut spara, mut overens) = (false, false);
        ui.horizontal(|ui| {
            spara = ui.button("Spara utkast").clicked();
            overens = self.overens.is_none() && ui.button("Kom överens om planen …").clicked();
        });
        if self.visa_alla_fel && !alla_fel.is_empty() {
            felrad(ui, "Planen kan inte bli överenskommen än – rätta det som är markerat ovan.");
        }
        if spara {
            self.spara(ctx);
        }
        if overens {
            self.visa_alla_fel = true;
            if alla_fel.is_empty() {
                let datum = ctx.nu().date().to_string();
                self.overens = Some(Overenskommelse { datum, signerad: false, orsak: String::new() });
                self.overens_fel.clear();
            }
        }
        self.visa_overenskommelse(ui, ctx);
    }

    fn visa_overenskommelse(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        let Some(o) = &mut self.overens else { return };
        let (mut bekrafta, mut avbryt) = (false, false);
        let fel = &self.overens_fel;
        ui.group(|ui| {
            textfalt(ui, "Överenskommet datum", &mut o.datum, fel_for(fel, Falt::Overenskommen), 320.0);
            ui.checkbox(&mut o.signerad, "Klienten har signerat planen");
            if !o.signerad {
                let orsak = fel_for(fel, Falt::EjSigneradOrsak);
                textfalt(ui, "Varför har klienten inte signerat?", &mut o.orsak, orsak, 420.0);
            }
            ui.label("En överenskommen plan ändras inte; ändringar görs i en ny version.");
            ui.horizontal(|ui| {
                bekrafta = ui.button("Ja, planen är överenskommen").clicked();
                avbryt = ui.button("Avbryt").clicked();
            });
        });
        if avbryt {
            self.overens = None;
            self.overens_fel.clear();
        }
        if bekrafta {
            self.kom_overens(ctx);
        }
    }

    fn kom_overens(&mut self, ctx: &mut Kontext) {
        let (Some(o), Some(innehall)) = (&self.overens, &self.utkast) else { return };
        let las = (self.arende_id, self.las);
        let svar = match arbete::plan::kom_overens(ctx.store, &ctx.aktor, las, self.person_id, innehall, o) {
            Err(arbete::Arbetsfel::Falt(fel)) => {
                self.overens_fel = fel;
                return;
            }
            Err(e) if self.krock.fanga(&e) => {
                self.overens = None;
                return;
            }
            svar => svar,
        };
        if let Some(datum) = ctx.utfall(svar) {
            self.overens_fel.clear();
            let _ = self.autospar.klar(ctx.store);
            self.overens = None;
            self.las_om(ctx);
            ctx.klart(format!("Planen är överenskommen {datum}. Skriv ut den för underskrift."));
            ctx.sparat();
        }
    }

    fn visa_overenskommen(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext, p: &Planversion) {
        for (i, rubrik) in RUBRIKER.iter().enumerate() {
            ui.label(RichText::new(format!("{}. {rubrik}", i + 1)).text_style(tema::rubrik2()));
            let text = p.innehall.stegtext(i);
            ui.label(if text.is_empty() { "–".to_string() } else { text });
        }
        if p.overenskommen.is_some() && !p.signerad {
            notis(ui, Signal::Varning, &format!("Klienten har inte signerat planen: {}", p.ej_signerad_orsak));
            if ui.button("Klienten har signerat nu").clicked() {
                match arbete::plan::signera(ctx.store, &ctx.aktor, self.arende_id, (p.id, Some(p.radversion))) {
                    Ok(()) => {
                        self.las_om(ctx);
                        ctx.sparat();
                    }
                    Err(e) if self.krock.fanga(&e) => {}
                    Err(e) => ctx.fel(e),
                }
            }
        }
        if p.overenskommen.is_some() {
            self.visa_uppfoljning(ui, ctx, p);
            self.visa_avvikelser(ui, ctx, p);
        }
    }

    /// The follow-ups and deviations of `plan_id`, read when another version is shown.
    fn detaljer(&mut self, ctx: &mut Kontext, plan_id: i64) -> &Detaljer {
        if self.detaljer.as_ref().is_none_or(|d| d.plan_id != plan_id) {
            let uppfoljningar = ctx.las(ctx.store.uppfoljningar(plan_id));
            let avvikelser = ctx.las(ctx.store.avvikelser(plan_id));
            self.detaljer = Some(Detaljer { plan_id, uppfoljningar, avvikelser });
        }
        self.detaljer.get_or_insert_with(|| Detaljer { plan_id, uppfoljningar: Vec::new(), avvikelser: Vec::new() })
    }

    fn visa_uppfoljning(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext, p: &Planversion) {
        rubrik(ui, "Uppföljningar");
        for u in &self.detaljer(ctx, p.id).uppfoljningar {
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
            let svar = arbete::plan::skriv_uppfoljning(
                ctx.store,
                &ctx.aktor,
                self.arende_id,
                p.id,
                &n.datum,
                &n.notering,
                &n.gjort,
            );
            if ctx.utfall(svar).is_some() {
                self.uppfoljning = NyUppfoljning::default();
                self.detaljer = None;
                ctx.klart("Uppföljningen är sparad.");
                ctx.sparat();
            }
        }
    }

    fn visa_avvikelser(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext, p: &Planversion) {
        rubrik(ui, "Avvikelser från planen");
        for a in &self.detaljer(ctx, p.id).avvikelser {
            let godkand = if a.godkand { " (godkänd)" } else { " (inte godkänd)" };
            ui.label(format!("{} – {}  {}{godkand}", a.fran, a.till, a.beskrivning));
        }
        let a = &mut self.avvikelse;
        ui.horizontal_wrapped(|ui| {
            textfalt(ui, "Avvikelse från", &mut a.fran, None, 130.0);
            textfalt(ui, "Avvikelse till", &mut a.till, None, 130.0);
            textfalt(ui, "Vad avvikelsen gäller", &mut a.beskrivning, None, 360.0);
        });
        ui.checkbox(&mut a.godkand, "Avvikelsen är godkänd");
        if ui.button("Spara avvikelse").clicked() {
            let period = (a.fran.as_str(), a.till.as_str());
            let svar = arbete::plan::skriv_avvikelse(
                ctx.store,
                &ctx.aktor,
                self.arende_id,
                p.id,
                period,
                &a.beskrivning,
                a.godkand,
            );
            if ctx.utfall(svar).is_some() {
                self.avvikelse = NyAvvikelse::default();
                self.detaljer = None;
                ctx.sparat();
            }
        }
    }

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

impl Flikvy for PlanVy {
    fn ladda(&mut self, ctx: &mut Kontext) {
        // A draft being written stays as it is, with the version it was opened from; the
        // versions are read again.
        let (utkast, las) = (self.utkast.take(), self.las);
        let vald = self.vald;
        self.las_om(ctx);
        if utkast.is_some() {
            self.utkast = utkast;
            self.las = las;
        }
        self.vald = vald.min(self.versioner.len().saturating_sub(1));
    }

    fn visa(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        self.visa_personval(ui, ctx);
        // The latest agreed version is due for rewriting three months after it was agreed.
        let overenskommen = self.versioner.iter().find_map(|p| p.overenskommen);
        let idag = ctx.nu().date();
        if let Some((datum, senast)) = overenskommen.map(|d| (d, omskrivning(d))).filter(|(_, s)| *s <= idag) {
            let text = format!("Planen ska skrivas om: den överenskoms {datum} och skulle skrivas om senast {senast}.");
            notis(ui, Signal::Varning, &text);
        }
        rubrik(ui, "Förändringsplan");
        self.visa_versioner(ui, ctx);
        if self.versioner.is_empty() && self.utkast.is_none() {
            ui.label("Ingen plan ännu — Ny plan skrivs tillsammans med klienten.");
            return;
        }
        if self.jamfor {
            self.visa_jamforelse(ui);
            return;
        }
        if self.krock.visa(ui) {
            self.las_in(ctx);
        }
        if self.utkast.is_some() && self.vald == 0 {
            self.visa_utkast(ui, ctx);
        } else if let Some(p) = self.versioner.get(self.vald).cloned() {
            self.visa_overenskommen(ui, ctx, &p);
        }
    }

    /// Saves the draft (the button, or Ctrl+S on this tab).
    fn spara(&mut self, ctx: &mut Kontext) {
        if self.utkast.is_none() {
            crate::ui::kontext::inget_att_spara(
                ctx,
                Flik::Plan,
                " – en överenskommen plan ändras inte; börja en ny version för att ändra",
            );
            return;
        }
        if self.spara_utkast(ctx).is_some() {
            ctx.klart("Utkastet är sparat.");
            ctx.sparat();
        }
    }

    /// Prints the current plan (a draft is saved first and printed marked UTKAST).
    fn skriv_ut(&mut self, ctx: &mut Kontext) {
        if self.versioner.is_empty() && self.utkast.is_none() {
            crate::ui::kontext::inget_att_skriva_ut(ctx, Flik::Plan, " – skriv först en plan");
            return;
        }
        if self.utkast.is_some() && self.spara_utkast(ctx).is_none() {
            return;
        }
        let filnamn = format!("plan-{}-{}-{}.pdf", self.arendenummer, self.klientnamn(), ctx.nu().date());
        ctx.skriv_ut(&Dokument::Plan(self.arendenummer.clone(), self.person_id), &filnamn);
    }
}
