//! The FIA tab: the interview taken in any order, paused and resumed (autosaved), with what is
//! done, skipped and left always in view; the sammanställning, goals carried into a plan draft,
//! and a later interview compared with the earlier one.

use super::beslut_vy::Utskrift;
use super::tema::{self, Signal};
use super::utkast::{Autospar, Utkastplats, nyckel};
use super::widgetar::{las, notis, rubrik, textfalt, textyta, valjlista};
use crate::domain::arende::Arende;
use crate::domain::fia::{FiaDefinition, FiaIntervju, Mal, Paverkar, Status};
use crate::store::{SparadFia, Store};
use chrono::NaiveDateTime;
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
    autospar: Autospar,
    jamfor: bool,
    meddelande: Option<(Signal, String)>,
}

impl FiaVy {
    pub fn ny(store: &Store, arende: &Arende) -> FiaVy {
        let (autospar, draft) = Autospar::ny::<(Option<i64>, FiaIntervju)>(
            store,
            nyckel(Utkastplats::Fia(arende.id)),
            format!("FIA-intervju i ärende {}", arende.arendenummer),
        );
        let mut meddelande = autospar.lasfel();
        let oppen = draft.map(|(id, f)| {
            let d = definition(store, Some(f.definition_version), &mut meddelande);
            (id, f, d)
        });
        FiaVy {
            arende_id: arende.id,
            arendenummer: arende.arendenummer.clone(),
            intervjuer: las(store.fia_intervjuer(arende.id), &mut meddelande),
            oppen,
            autospar,
            jamfor: false,
            meddelande,
        }
    }

    fn spara(&mut self, store: &mut Store, nu: NaiveDateTime) -> Option<i64> {
        let (id, f, _) = self.oppen.as_mut()?;
        match store.spara_fia(self.arende_id, *id, f, nu) {
            Ok(ny) => {
                *id = Some(ny);
                let _ = self.autospar.klar(store);
                self.intervjuer = las(store.fia_intervjuer(self.arende_id), &mut self.meddelande);
                Some(ny)
            }
            Err(e) => {
                self.meddelande = Some((Signal::Fel, e.to_string()));
                None
            }
        }
    }

    pub fn visa(
        &mut self,
        ui: &mut egui::Ui,
        store: &mut Store,
        utskrift: &Utskrift,
        nu: NaiveDateTime,
        sparat: &mut Option<NaiveDateTime>,
    ) {
        if let Some((signal, text)) = &self.meddelande {
            notis(ui, *signal, text);
        }
        let manader = las(store.manader_med_bistand(self.arende_id, nu.date()), &mut self.meddelande);
        let grans = definition(store, None, &mut self.meddelande).malgrupp_manader;
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
        ui.horizontal_wrapped(|ui| {
            let mut oppna = None;
            for s in &self.intervjuer {
                let datum = s.intervju.datum.map(|d| d.to_string()).unwrap_or_default();
                let valt = self.oppen.as_ref().is_some_and(|(id, _, _)| *id == Some(s.id));
                if ui.selectable_label(valt, format!("FIA {datum}")).clicked() {
                    oppna = Some(s.clone());
                }
            }
            if let Some(s) = oppna {
                let d = definition(store, Some(s.intervju.definition_version), &mut self.meddelande);
                self.oppen = Some((Some(s.id), s.intervju, d));
                self.jamfor = false;
            }
            if ui.button("Starta FIA-intervju").clicked() {
                let d = definition(store, None, &mut self.meddelande);
                let f = FiaIntervju {
                    definition_version: d.version,
                    datum: Some(nu.date()),
                    senaste_sida: Some(INTRO.into()),
                    ..Default::default()
                };
                self.oppen = Some((None, f, d));
                self.jamfor = false;
            }
            if self.intervjuer.len() > 1 && ui.selectable_label(self.jamfor, "Jämför med föregående FIA").clicked()
            {
                self.jamfor = !self.jamfor;
            }
        });
        if self.jamfor {
            self.visa_jamforelse(ui, store);
            return;
        }
        let Some((_, f, d)) = &mut self.oppen else {
            if self.intervjuer.is_empty() {
                ui.label("Ingen FIA-intervju ännu — Starta FIA-intervju.");
            }
            return;
        };
        let (klara, hoppade, kvar) = f.lage(d);
        ui.label(RichText::new(format!("{klara} områden klara, {hoppade} hoppade över, {kvar} kvar")).strong());
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
        // A saved interview opened without changes needs no draft; moving between its pages is
        // no change (the page is remembered when the interview is saved).
        let oforandrad = innehall.0.is_some_and(|id| {
            self.intervjuer.iter().any(|s| {
                s.id == id
                    && s.intervju == FiaIntervju { senaste_sida: s.intervju.senaste_sida.clone(), ..innehall.1.clone() }
            })
        });
        match self.autospar.folj(store, &innehall, oforandrad, nu) {
            Ok(true) => *sparat = Some(nu),
            Ok(false) => {}
            Err(e) => self.meddelande = Some((Signal::Fel, e)),
        }
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button("Pausa och spara").on_hover_text("Intervjun fortsätter där du slutade nästa gång").clicked()
                && self.spara(store, nu).is_some()
            {
                self.meddelande = Some((Signal::Klart, "FIA-intervjun är sparad. Den öppnas där du slutade.".into()));
                *sparat = Some(nu);
            }
            if ui.button("Skriv ut sammanställningen").clicked()
                && let Some(id) = self.spara(store, nu)
            {
                self.meddelande = Some(skriv_ut(store, id, &self.arendenummer, utskrift, nu));
            }
            if ui.button("Ta med målen till ett utkast till förändringsplan").clicked() {
                self.meddelande = Some(mal_till_plan(store, self.arende_id, self.oppen.as_ref().map(|o| &o.1), nu));
            }
        });
    }

    fn visa_jamforelse(&self, ui: &mut egui::Ui, store: &Store) {
        let (Some(ny), Some(gammal)) = (self.intervjuer.first(), self.intervjuer.get(1)) else { return };
        let mut fel = None;
        let d = definition(store, Some(ny.intervju.definition_version), &mut fel);
        if let Some((signal, text)) = &fel {
            notis(ui, *signal, text);
        }
        let andrade = ny.intervju.andrade_omraden(&gammal.intervju, &d);
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

fn skriv_ut(store: &Store, id: i64, arendenummer: &str, utskrift: &Utskrift, nu: NaiveDateTime) -> (Signal, String) {
    let pdf = crate::utskrift::fia_pdf(store, id, nu.date());
    match utskrift.spara(pdf, &format!("fia-{arendenummer}-{id}.pdf"), "Filen") {
        Ok(fil) => (Signal::Klart, format!("Sammanställningen är sparad: {}", fil.display())),
        Err(e) => (Signal::Fel, e),
    }
}

/// The goals become step 2 and the sub-goals step 4 of a new plan draft.
fn mal_till_plan(store: &mut Store, arende_id: i64, f: Option<&FiaIntervju>, nu: NaiveDateTime) -> (Signal, String) {
    let Some(f) = f.filter(|f| !f.mal.is_empty()) else {
        return (Signal::Varning, "Intervjun har inga mål att ta med än.".into());
    };
    let planer = match store.planer(arende_id) {
        Ok(p) => p,
        Err(e) => return (Signal::Fel, e.to_string()),
    };
    if planer.first().is_some_and(|p| p.overenskommen.is_none()) {
        return (
            Signal::Varning,
            "Det finns redan ett utkast till förändringsplan; fortsätt med det under fliken Plan.".into(),
        );
    }
    let mut innehall = planer.first().map(|p| p.innehall.clone()).unwrap_or_default();
    innehall.fritext[1] = f.mal.iter().map(|m| m.mal.trim()).filter(|m| !m.is_empty()).collect::<Vec<_>>().join("\n");
    innehall.fritext[3] = f
        .mal
        .iter()
        .flat_map(|m| m.delmal.iter())
        .map(|d| d.trim())
        .filter(|d| !d.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    match store.skriv(|w| w.spara_planutkast(arende_id, &innehall, "FIA", nu)) {
        Ok(_) => (Signal::Klart, "Målen finns nu i ett utkast till förändringsplan (fliken Plan).".into()),
        Err(e) => (Signal::Fel, e.to_string()),
    }
}

/// A FIA definition version (the newest with `None`). If the stored one cannot be read, the
/// error goes to `meddelande` and the shipped definition is shown meanwhile.
fn definition(
    store: &Store,
    version: Option<u32>,
    meddelande: &mut Option<(Signal, String)>,
) -> crate::domain::fia::FiaDefinition {
    store.fia_definition(version).unwrap_or_else(|e| {
        *meddelande = Some((Signal::Fel, e.to_string()));
        crate::domain::fia::levererad_definition()
    })
}
