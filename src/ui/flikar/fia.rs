//! The FIA tab: the interview taken in any order, paused and resumed (autosaved), with what is
//! done, skipped and left always in view; the sammanställning, goals carried into a plan draft,
//! and a later interview compared with the earlier one.

use crate::arbete;
use crate::domain::arende::Arende;
use crate::domain::fia::{FiaDefinition, FiaIntervju, Mal, Paverkar, Status};
use crate::store::{Planperson, Radslag, SparadFia};
use crate::ui::flikar::Flik;
use crate::ui::kontext::{Flikvy, Kontext};
use crate::ui::krock::Krockvakt;
use crate::ui::tema::{self, Signal};
use crate::ui::utkast::{Autospar, Utkastplats, nyckel};
use crate::ui::widgetar::{notis, rubrik, textfalt, textyta, valjlista};
use crate::utskrift::Dokument;
use egui::RichText;

/// Width of the area list on the left of an open interview.
const NAVIGERING_BREDD: f32 = 260.0;
const INTRO: &str = "intro";
const SAMMANSTALLNING: &str = "sammanstallning";
const MAL: &str = "mal";

pub struct FiaVy {
    arende_id: i64,
    arendenummer: String,
    intervjuer: Vec<SparadFia>,
    /// The interview open: its id once saved, and its content.
    oppen: Option<(Option<i64>, FiaIntervju, FiaDefinition)>,
    /// The open saved interview's version when it was read (`None`: a draft restored after the
    /// program closed, saved as the row is).
    las: Option<i64>,
    /// A save refused because another user saved the interview meanwhile.
    krock: Krockvakt,
    autospar: Autospar,
    /// The comparison of the two latest interviews, under the newer one's definition.
    jamfor: Option<FiaDefinition>,
    /// Months on assistance and FIA's target group threshold, read when the tab opens.
    manader: u32,
    grans: u32,
    /// The adults of the household; an interview is with one of them.
    personer: Vec<Planperson>,
    /// The saved interviews left with areas to do, read with the list.
    pausade: Vec<i64>,
    /// The sensitive areas go into the next printout only when chosen for it.
    med_kansliga: bool,
}

impl FiaVy {
    pub fn ny(ctx: &mut Kontext, arende: &Arende) -> FiaVy {
        let (autospar, draft) = Autospar::ny::<(Option<i64>, FiaIntervju)>(
            ctx.store,
            &ctx.aktor.login,
            nyckel(Utkastplats::Fia(arende.id)),
            crate::ui::utkast::titel(ctx.store, "FIA-intervju", arende),
        );
        if let Some((_, fel)) = autospar.lasfel() {
            ctx.fel(fel);
        }
        let oppen = draft.map(|(id, f)| {
            let d = definition(ctx, Some(f.definition_version));
            (id, f, d)
        });
        FiaVy {
            arende_id: arende.id,
            arendenummer: arende.arendenummer.clone(),
            intervjuer: Vec::new(),
            oppen,
            las: None,
            krock: Krockvakt::default(),
            autospar,
            jamfor: None,
            manader: 0,
            personer: ctx.las(ctx.store.planpersoner(arende.id, ctx.nu().date())),
            pausade: Vec::new(),
            med_kansliga: false,
            grans: 0,
        }
    }

    fn spara_intervju(&mut self, ctx: &mut Kontext) -> Option<i64> {
        let (id, f, _) = self.oppen.as_mut()?;
        let rad = id.map(|id| (id, self.las));
        let svar = arbete::fia::spara_fia(ctx.store, &ctx.aktor, self.arende_id, rad, f);
        let ny = self.krock.resultat(ctx, svar)?;
        *id = Some(ny);
        self.krock.rensa();
        self.las = ctx.store.senast_andrad(Radslag::Fia, ny).ok().map(|a| a.version);
        let _ = self.autospar.klar(ctx.store);
        self.las_intervjuer(ctx);
        ctx.sparat();
        Some(ny)
    }

    /// "Läs in den nya versionen": the interview keeps what was typed here and now carries the
    /// version another user saved, to save on top of it.
    fn las_in(&mut self, ctx: &mut Kontext) {
        self.las_intervjuer(ctx);
        let Some((Some(id), _, _)) = &self.oppen else { return };
        let Some(s) = self.intervjuer.iter().find(|s| s.id == *id) else { return };
        self.las = Some(s.version);
        let datum = s.intervju.datum.map(|d| d.to_string()).unwrap_or_default();
        let (klara, _, kvar) = s.intervju.lage(&definition(ctx, Some(s.intervju.definition_version)));
        self.krock.inlast(&format!("intervjun {datum} med {klara} områden klara och {kvar} kvar"));
    }

    fn las_intervjuer(&mut self, ctx: &mut Kontext) {
        self.intervjuer = ctx.las(ctx.store.fia_intervjuer(self.arende_id));
        let versioner: std::collections::BTreeSet<u32> =
            self.intervjuer.iter().map(|s| s.intervju.definition_version).collect();
        let definitioner: Vec<FiaDefinition> = versioner.into_iter().map(|v| definition(ctx, Some(v))).collect();
        self.pausade = self
            .intervjuer
            .iter()
            .filter(|s| {
                let d = definitioner.iter().find(|d| d.version == s.intervju.definition_version);
                d.is_some_and(|d| s.intervju.pausad(d))
            })
            .map(|s| s.id)
            .collect();
    }

    /// The name of the adult an interview is with (the applicant when not chosen).
    fn namn(&self, person_id: Option<i64>) -> String {
        let person = person_id.and_then(|id| self.personer.iter().find(|p| p.person_id == id));
        person.or(self.personer.first()).map(|p| p.namn.clone()).unwrap_or_default()
    }

    fn visa_malgrupp(&self, ui: &mut egui::Ui) {
        let (manader, grans) = (self.manader, self.grans);
        let antal = |n| crate::domain::klarsprak::antal(u64::from(n), "månad", "månader");
        if manader >= grans {
            let text = format!(
                "Klienten har haft bistånd i {} och tillhör FIA:s målgrupp ({} eller mer).",
                antal(manader),
                antal(grans)
            );
            notis(ui, Signal::Varning, &text);
        } else {
            ui.label(
                RichText::new(format!(
                    "Klienten har haft bistånd i {}; FIA riktar sig till den som haft bistånd i {} eller mer.",
                    antal(manader),
                    antal(grans)
                ))
                .weak(),
            );
        }
    }

    fn visa_intervjuer(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        let (mut oppna, mut starta, mut jamfor) = (None, false, false);
        ui.horizontal_wrapped(|ui| {
            for s in &self.intervjuer {
                let datum = s.intervju.datum.map(|d| d.to_string()).unwrap_or_default();
                let valt = self.oppen.as_ref().is_some_and(|(id, _, _)| *id == Some(s.id));
                let mut text = format!("FIA {datum}");
                if self.personer.len() > 1 {
                    text = format!("{text} – {}", self.namn(s.intervju.person_id));
                }
                if self.pausade.contains(&s.id) {
                    text.push_str(" (pausad)");
                }
                if ui.selectable_label(valt, text).clicked() {
                    oppna = Some(s.clone());
                }
            }
            starta = ui.button("Starta FIA-intervju").clicked();
            jamfor = self.intervjuer.len() > 1
                && ui.selectable_label(self.jamfor.is_some(), "Jämför med föregående FIA").clicked();
        });
        if let Some(s) = oppna {
            let d = definition(ctx, Some(s.intervju.definition_version));
            self.las = Some(s.version);
            self.krock.rensa();
            self.oppen = Some((Some(s.id), s.intervju, d));
            self.jamfor = None;
        }
        if starta {
            let d = definition(ctx, None);
            let f = FiaIntervju {
                definition_version: d.version,
                datum: Some(ctx.nu().date()),
                senaste_sida: Some(INTRO.into()),
                ..Default::default()
            };
            self.las = None;
            self.krock.rensa();
            self.oppen = Some((None, f, d));
            self.jamfor = None;
        }
        if jamfor {
            self.jamfor = match (self.jamfor.take(), self.intervjuer.first()) {
                (None, Some(ny)) => Some(definition(ctx, Some(ny.intervju.definition_version))),
                _ => None,
            };
        }
    }

    /// Whether the open interview is a saved one unchanged (moving between its pages is no
    /// change: the page is remembered when the interview is saved).
    fn oforandrad(&self) -> bool {
        let Some((Some(id), f, _)) = &self.oppen else { return false };
        self.intervjuer.iter().any(|s| {
            s.id == *id && s.intervju == FiaIntervju { senaste_sida: s.intervju.senaste_sida.clone(), ..f.clone() }
        })
    }

    fn visa_knappar(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        let (mut spara, mut skriv, mut mal) = (false, false, false);
        ui.horizontal(|ui| {
            spara =
                ui.button("Pausa och spara").on_hover_text("Intervjun fortsätter där du slutade nästa gång").clicked();
            skriv = ui.button("Skriv ut sammanställningen").clicked();
            mal = ui.button("Ta med målen till ett utkast till förändringsplan").clicked();
        });
        ui.checkbox(
            &mut self.med_kansliga,
            "Ta med känsliga områden (våld, psykisk hälsa, levnadsvanor) i den här utskriften",
        )
        .on_hover_text("Utan markering lämnas de känsliga områdena utanför sammanställningen som skrivs ut.");
        if spara {
            self.spara(ctx);
        }
        if skriv {
            self.skriv_ut(ctx);
        }
        if mal {
            self.mal_till_plan(ctx);
        }
    }

    /// The goals go into a new plan draft, signed by the user.
    fn mal_till_plan(&mut self, ctx: &mut Kontext) {
        let Some((_, f, _)) = &self.oppen else { return };
        match arbete::fia::mal_till_plan(ctx.store, &ctx.aktor, self.arende_id, f) {
            Ok(_) => {
                ctx.klart("Målen finns nu i ett utkast till förändringsplan (fliken Plan).");
                ctx.sparat();
            }
            Err(arbete::Arbetsfel::Ogiltig(t)) => ctx.varna(t),
            Err(e) => ctx.fel(e),
        }
    }

    fn visa_jamforelse(&self, ui: &mut egui::Ui, d: &FiaDefinition) {
        let (Some(ny), Some(gammal)) = (self.intervjuer.first(), self.intervjuer.get(1)) else { return };
        let andrade = ny.intervju.andrade_omraden(&gammal.intervju, d);
        let datum = |s: &SparadFia| s.intervju.datum.map(|d| d.to_string()).unwrap_or_default();
        ui.label(format!(
            "FIA {} jämförd med FIA {}: {} områden har ändrats.",
            datum(ny),
            datum(gammal),
            andrade.len()
        ));
        let farg = tema::signalfarg(Signal::Varning, ui.visuals().dark_mode);
        ui.add_space(4.0);
        ui.columns(2, |k| {
            for (kolumn, s) in k.iter_mut().zip([gammal, ny]) {
                kolumn.label(RichText::new(format!("FIA {}", datum(s))).strong().underline());
            }
        });
        for (_, o) in d.omraden() {
            let andrad = andrade.contains(&o.id);
            let mut r = RichText::new(format!("{}{}", o.rubrik, if andrad { " – ändrat" } else { "" })).strong();
            if andrad {
                r = r.color(farg);
            }
            ui.add_space(4.0);
            ui.label(r);
            ui.columns(2, |k| {
                for (kolumn, s) in k.iter_mut().zip([gammal, ny]) {
                    let svar = s.intervju.svar_for(&o.id);
                    let text = if svar.klientens_beskrivning.trim().is_empty() && svar.bedomning.trim().is_empty() {
                        "Inte besvarat".to_owned()
                    } else {
                        let syn = svar.klientens_syn.map(|p| p.namn()).unwrap_or("–");
                        format!("{} ({syn})\nBedömning: {}", svar.klientens_beskrivning.trim(), svar.bedomning.trim())
                    };
                    kolumn.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        ui.add(egui::Label::new(text).wrap());
                    });
                }
            });
        }
    }
}

impl Flikvy for FiaVy {
    fn ladda(&mut self, ctx: &mut Kontext) {
        self.las_intervjuer(ctx);
        self.manader = ctx.las(ctx.store.manader_med_bistand(self.arende_id, ctx.nu().date()));
        self.grans = definition(ctx, None).malgrupp_manader;
    }

    fn visa(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        self.visa_malgrupp(ui);
        self.visa_intervjuer(ui, ctx);
        if let Some(d) = &self.jamfor {
            self.visa_jamforelse(ui, d);
            return;
        }
        let Some((_, f, d)) = &mut self.oppen else {
            if self.intervjuer.is_empty() {
                ui.label("Ingen FIA-intervju ännu — Starta FIA-intervju.");
            }
            return;
        };
        if self.personer.len() > 1 {
            ui.horizontal(|ui| {
                ui.label("Intervjun gäller:");
                let vald = f.person_id.or(self.personer.first().map(|p| p.person_id));
                for p in &self.personer {
                    let namn = format!("Intervjun gäller {}", p.namn);
                    if ui.selectable_label(vald == Some(p.person_id), &p.namn).accessible_name(namn).clicked() {
                        f.person_id = Some(p.person_id);
                    }
                }
            });
        }
        let (klara, hoppade, kvar) = f.lage(d);
        let klara = crate::domain::klarsprak::antal(klara as u64, "område klart", "områden klara");
        let lage = format!("{klara}, {hoppade} hoppade över, {kvar} kvar");
        ui.label(RichText::new(lage).strong());
        let sida = f.senaste_sida.clone().unwrap_or_else(|| INTRO.into());
        ui.horizontal_top(|ui| {
            ui.allocate_ui_with_layout(
                egui::vec2(NAVIGERING_BREDD, 0.0),
                egui::Layout::top_down_justified(egui::Align::Min),
                |ui| {
                    ui.set_width(NAVIGERING_BREDD);
                    navigering(ui, f, d, &sida);
                },
            );
            ui.separator();
            ui.vertical(|ui| {
                ui.set_max_width((ui.available_width() - 16.0).clamp(200.0, 640.0));
                sidinnehall(ui, f, d, &sida);
            });
        });
        let innehall =
            (self.oppen.as_ref().and_then(|o| o.0), self.oppen.as_ref().map(|o| o.1.clone()).unwrap_or_default());
        match self.autospar.folj(ctx.store, &innehall, self.oforandrad(), ctx.nu()) {
            Ok(true) => ctx.sparat(),
            Ok(false) => {}
            Err(e) => ctx.fel(e),
        }
        ui.separator();
        if self.krock.visa(ui) {
            self.las_in(ctx);
        }
        self.visa_knappar(ui, ctx);
    }

    /// Saves the open interview (the button, or Ctrl+S on this tab).
    fn spara(&mut self, ctx: &mut Kontext) {
        if self.oppen.is_none() {
            crate::ui::kontext::inget_att_spara(ctx, Flik::Fia, " – öppna eller starta en FIA-intervju");
            return;
        }
        if self.spara_intervju(ctx).is_some() {
            ctx.klart("FIA-intervjun är sparad. Den öppnas där du slutade.");
        }
    }

    /// Prints the open interview's sammanställning (saving it first).
    fn skriv_ut(&mut self, ctx: &mut Kontext) {
        if self.oppen.is_none() {
            crate::ui::kontext::inget_att_skriva_ut(ctx, Flik::Fia, " – öppna en FIA-intervju");
            return;
        }
        let Some(id) = self.spara_intervju(ctx) else { return };
        let filnamn = format!("fia-{}-{id}.pdf", self.arendenummer);
        // The choice holds for this printout only.
        let dokument =
            if std::mem::take(&mut self.med_kansliga) { Dokument::FiaMedKansliga(id) } else { Dokument::Fia(id) };
        ctx.skriv_ut(&dokument, &filnamn);
    }
}

fn statustext(s: Status) -> &'static str {
    match s {
        Status::Klart => "klart",
        Status::Hoppat => "hoppat över",
        Status::Kvar => "kvar",
    }
}

/// The pages of the interview, each with its status.
fn navigering(ui: &mut egui::Ui, f: &mut FiaIntervju, d: &FiaDefinition, sida: &str) {
    if ui.selectable_label(sida == INTRO, "Introduktion").clicked() {
        f.senaste_sida = Some(INTRO.into());
    }
    for a in &d.avsnitt {
        ui.label(RichText::new(&a.rubrik).strong());
        for o in &a.omraden {
            let text = format!("{} ({})", o.rubrik, statustext(f.svar_for(&o.id).status()));
            if ui.selectable_label(sida == o.id, text).clicked() {
                f.senaste_sida = Some(o.id.clone());
            }
        }
    }
    if ui.selectable_label(sida == SAMMANSTALLNING, "Sammanställning och bedömning").clicked() {
        f.senaste_sida = Some(SAMMANSTALLNING.into());
    }
    if ui.selectable_label(sida == MAL, "Mål och delmål").clicked() {
        f.senaste_sida = Some(MAL.into());
    }
}

fn sidinnehall(ui: &mut egui::Ui, f: &mut FiaIntervju, d: &FiaDefinition, sida: &str) {
    match sida {
        INTRO => {
            rubrik(ui, "Introduktion");
            ui.add(egui::Label::new(&d.introduktion).wrap());
        }
        SAMMANSTALLNING => {
            rubrik(ui, "Sammanställning och bedömning");
            for (_, o) in d.omraden() {
                let s = f.svar_for(&o.id);
                ui.label(RichText::new(format!("{} ({})", o.rubrik, statustext(s.status()))).strong());
                let syn = s.klientens_syn.map(|p| p.namn()).unwrap_or("–");
                ui.add(egui::Label::new(format!("Klienten: {} ({syn})", s.klientens_beskrivning.trim())).wrap());
                ui.add(
                    egui::Label::new(format!(
                        "Bedömning: {}{}",
                        s.bedomning.trim(),
                        if s.stodbehov { " Stöd behövs." } else { "" }
                    ))
                    .wrap(),
                );
            }
            textyta(ui, "Bedömning av förutsättningarna för krav och arbete", &mut f.sammanfattande_bedomning, None, 4);
        }
        MAL => {
            rubrik(ui, "Mål och delmål");
            let mut ta_bort = None;
            for (i, m) in f.mal.iter_mut().enumerate() {
                let n = i + 1;
                textfalt(ui, &format!("Mål {n}"), &mut m.mal, None, 420.0);
                let mut delmal = m.delmal.join("\n");
                if textyta(ui, &format!("Mål {n}: delmål (ett per rad)"), &mut delmal, None, 3).changed() {
                    m.delmal = delmal.lines().map(str::to_string).collect();
                }
                if ui.button(format!("Ta bort mål {n}")).clicked() {
                    ta_bort = Some(i);
                }
            }
            if let Some(i) = ta_bort {
                f.mal.remove(i);
            }
            if ui.button("Lägg till mål").clicked() {
                f.mal.push(Mal::default());
            }
        }
        id => {
            let Some((_, o)) = d.omraden().find(|(_, o)| o.id == id) else { return };
            rubrik(ui, &o.rubrik);
            let s = f.svar.entry(o.id.clone()).or_default();
            textyta(ui, &format!("{}: klientens beskrivning", o.rubrik), &mut s.klientens_beskrivning, None, 4);
            let vald = s.klientens_syn.map(|p| p.namn()).unwrap_or("Välj …");
            valjlista(
                ui,
                &format!("{}: påverkar det vägen till arbete, enligt klienten?", o.rubrik),
                vald,
                260.0,
                |ui| {
                    for p in Paverkar::ALLA {
                        ui.selectable_value(&mut s.klientens_syn, Some(*p), p.namn());
                    }
                },
            );
            textyta(ui, &format!("{}: handläggarens bedömning", o.rubrik), &mut s.bedomning, None, 3);
            ui.checkbox(&mut s.stodbehov, format!("{}: stöd behövs", o.rubrik));
            ui.checkbox(&mut s.klart, format!("{}: området är klart", o.rubrik));
            let mut skal = s.hoppat_over.clone().unwrap_or_default();
            if textfalt(ui, &format!("{}: hoppa över, skäl", o.rubrik), &mut skal, None, 420.0).changed() {
                s.hoppat_over = (!skal.trim().is_empty()).then_some(skal);
            }
        }
    }
}

/// A FIA definition version (the newest with `None`). If the stored one cannot be read, the
/// error is shown and the shipped definition is used meanwhile.
fn definition(ctx: &mut Kontext, version: Option<u32>) -> FiaDefinition {
    ctx.store.fia_definition(version).unwrap_or_else(|e| {
        ctx.fel(e);
        crate::domain::fia::levererad_definition()
    })
}
