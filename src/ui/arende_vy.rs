//! An open case: the identity header, the case tabs, and the Översikt and Hushåll tabs.

use super::ansokan_vy::AnsokanVy;
use super::beslut_vy::{BeslutVy, Beslutskontext, Utskrift};
use super::brev_vy::BrevVy;
use super::fia_vy::FiaVy;
use super::ib_vy::IbVy;
use super::journal_vy::JournalVy;
use super::plan_vy::PlanVy;
use super::screening_vy::ScreeningVy;
use super::tema::{self, Signal};
use super::utkast::{Autospar, Utkastplats, nyckel};
use super::widgetar::{notis, rad, rubrik, textfalt, valj_forsorjningshinder, valjlista};
use crate::domain::arende::{Arende, ArendeStatus, Avslutsorsak, Forsorjningshinder};
use crate::domain::hushall::Roll;
use crate::store::{Handelse, HushallVy, Store};
use chrono::NaiveDateTime;
use egui::RichText;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flik {
    Oversikt,
    Hushall,
    Ansokan,
    Beslut,
    Plan,
    Ib,
    Fia,
    Screening,
    Journal,
    Brev,
}

impl Flik {
    pub const ALLA: &'static [Flik] = &[
        Flik::Oversikt,
        Flik::Hushall,
        Flik::Ansokan,
        Flik::Beslut,
        Flik::Plan,
        Flik::Ib,
        Flik::Fia,
        Flik::Screening,
        Flik::Journal,
        Flik::Brev,
    ];

    pub fn namn(self) -> &'static str {
        match self {
            Flik::Oversikt => "Översikt",
            Flik::Hushall => "Hushåll",
            Flik::Ansokan => "Ansökan",
            Flik::Beslut => "Beslut",
            Flik::Plan => "Plan",
            Flik::Ib => "IB",
            Flik::Fia => "FIA",
            Flik::Screening => "Screening",
            Flik::Journal => "Journal",
            Flik::Brev => "Brev",
        }
    }
}

/// The responsibility form of the overview (autosaved).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Ansvar {
    socialsekreterare: String,
    bidragshandlaggare: String,
    forsorjningshinder: Option<Forsorjningshinder>,
}

pub struct OppetArende {
    pub arende: Arende,
    pub hushall: HushallVy,
    pub flik: Flik,
    visa_adress: bool,
    pub journal: JournalVy,
    pub ansokan: AnsokanVy,
    pub beslut: BeslutVy,
    brev: BrevVy,
    pub plan: PlanVy,
    ib: IbVy,
    screening: ScreeningVy,
    fia: FiaVy,
    ansvar: Ansvar,
    ansvar_autospar: Autospar,
    ny_status: ArendeStatus,
    avslutsorsak: Option<Avslutsorsak>,
    bekrafta_status: bool,
    meddelande: Option<(Signal, String)>,
}

impl OppetArende {
    /// Loads the case and logs that it was opened.
    pub fn oppna(store: &mut Store, arende_id: i64, anvandare: &str, nu: NaiveDateTime) -> Result<OppetArende, String> {
        let arende = store.arende(arende_id).map_err(|e| e.to_string())?;
        let hushall = store.hushall(arende.hushall_id).map_err(|e| e.to_string())?;
        store
            .skriv(|w| w.logga(Handelse::OppnadeArende, Some(arende_id), anvandare, "", nu))
            .map_err(|e| e.to_string())?;
        let sparat = Ansvar {
            socialsekreterare: arende.socialsekreterare.clone(),
            bidragshandlaggare: arende.bidragshandlaggare.clone(),
            forsorjningshinder: arende.forsorjningshinder,
        };
        let (ansvar_autospar, draft) = Autospar::ny::<Ansvar>(
            store,
            nyckel(Utkastplats::Ansvar(arende_id)),
            format!("Ansvariga i ärende {}", arende.arendenummer),
        );
        let meddelande = ansvar_autospar.lasfel();
        let journal = JournalVy::ny(store, &arende, nu.date());
        let ansokan = AnsokanVy::ny(store, &arende);
        let beslut = BeslutVy::ny(store, &arende);
        Ok(OppetArende {
            ny_status: arende.status,
            hushall,
            flik: Flik::Oversikt,
            visa_adress: false,
            journal,
            ansokan,
            beslut,
            brev: BrevVy::default(),
            plan: PlanVy::ny(store, &arende),
            ib: IbVy::ny(store, &arende),
            screening: ScreeningVy::ny(nu.date()),
            fia: FiaVy::ny(store, &arende),
            ansvar: draft.unwrap_or(sparat),
            ansvar_autospar,
            avslutsorsak: None,
            bekrafta_status: false,
            meddelande,
            arende,
        })
    }

    pub fn sokande_namn(&self) -> String {
        self.hushall.sokande().map(|p| p.namn()).unwrap_or_default()
    }

    /// The identity header shown on every case screen.
    pub fn visa_huvud(&self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(self.sokande_namn()).font(tema::fet(22.0)));
            if let Some(p) = self.hushall.sokande() {
                ui.label(RichText::new(p.pnr.to_string()).size(18.0));
            }
            ui.label(RichText::new(format!("Ärende {}", self.arende.arendenummer)).size(18.0));
            ui.label(RichText::new(self.arende.status.namn()).size(18.0).strong());
            if self.hushall.skyddade_personuppgifter {
                let farg = tema::signalfarg(Signal::Varning, ui.visuals().dark_mode);
                egui::Frame::new()
                    .stroke(egui::Stroke::new(1.5, farg))
                    .corner_radius(4.0)
                    .inner_margin(egui::Margin::symmetric(8, 2))
                    .show(ui, |ui| {
                        ui.add(
                            egui::Label::new(RichText::new("SKYDDADE PERSONUPPGIFTER").color(farg).strong()).extend(),
                        );
                    });
            }
        });
    }

    /// The tab row and the current tab. Returns true when the case list should be refreshed.
    pub fn visa(
        &mut self,
        ui: &mut egui::Ui,
        store: &mut Store,
        anvandare: &str,
        utskrift: &Utskrift,
        nu: NaiveDateTime,
        sparat: &mut Option<NaiveDateTime>,
    ) -> bool {
        self.visa_huvud(ui);
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            for (i, f) in Flik::ALLA.iter().enumerate() {
                if ui
                    .selectable_label(self.flik == *f, RichText::new(f.namn()).size(17.0))
                    .on_hover_text(if i < 8 { format!("Alt+{}", i + 1) } else { String::new() })
                    .clicked()
                {
                    self.flik = *f;
                }
            }
        });
        ui.separator();
        if let Some((signal, text)) = &self.meddelande {
            notis(ui, *signal, text);
        }
        let mut andrad = false;
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| match self.flik {
            Flik::Oversikt => andrad = self.visa_oversikt(ui, store, anvandare, nu, sparat),
            Flik::Hushall => self.visa_hushall(ui, store, anvandare, nu),
            Flik::Ansokan => self.ansokan.visa(ui, store, &self.hushall.medlemmar, anvandare, nu, sparat),
            Flik::Beslut => {
                let sokande = self.sokande_namn();
                let har_barn = self.hushall.medlemmar.iter().any(|m| m.roll == Roll::Barn);
                let ctx = Beslutskontext { anvandare, sokande: &sokande, har_barn, utskrift };
                self.beslut.visa(ui, store, ctx, nu, sparat);
            }
            Flik::Plan => self.plan.visa(ui, store, anvandare, utskrift, nu, sparat),
            Flik::Ib => self.ib.visa(ui, store, utskrift, nu, sparat),
            Flik::Fia => self.fia.visa(ui, store, utskrift, nu, sparat),
            Flik::Screening => self.screening.visa(ui, store, &self.hushall.medlemmar, anvandare, nu, sparat),
            Flik::Journal => self.journal.visa(ui, store, &self.arende, anvandare, nu, sparat),
            Flik::Brev => self.brev.visa(ui, store, &self.arende, utskrift, nu.date()),
        });
        andrad
    }

    fn visa_oversikt(
        &mut self,
        ui: &mut egui::Ui,
        store: &mut Store,
        anvandare: &str,
        nu: NaiveDateTime,
        sparat: &mut Option<NaiveDateTime>,
    ) -> bool {
        let mut andrad = false;
        rubrik(ui, "Ärendet");
        egui::Grid::new("arende_fakta").num_columns(2).spacing([24.0, 8.0]).show(ui, |ui| {
            rad(ui, "Ärendenummer", &self.arende.arendenummer);
            rad(ui, "Status", self.arende.status.namn());
            if let Some(o) = self.arende.avslutsorsak {
                rad(ui, "Avslutsorsak", o.namn());
            }
            rad(ui, "Aktuellt sedan", &self.arende.startdatum.to_string());
            let barn = self.hushall.medlemmar.iter().filter(|m| m.roll == Roll::Barn).count();
            let vuxna = self.hushall.medlemmar.len() - barn;
            let hushall = match (vuxna, barn) {
                (1, 0) => "1 vuxen".to_string(),
                (v, 0) => format!("{v} vuxna"),
                (v, b) => format!("{v} {}, {b} barn", if v == 1 { "vuxen" } else { "vuxna" }),
            };
            rad(ui, "Personer i hushållet", &hushall);
            if let Some(d) = self.arende.avslutsdatum {
                rad(ui, "Avslutat", &d.to_string());
            }
        });

        rubrik(ui, "Ändra status");
        ui.horizontal_wrapped(|ui| {
            valjlista(ui, "Ny status", self.ny_status.namn(), 240.0, |ui| {
                for s in ArendeStatus::ALLA {
                    ui.selectable_value(&mut self.ny_status, *s, s.namn());
                }
            });
            if self.ny_status == ArendeStatus::Avslutad {
                let vald = self.avslutsorsak.map(|o| o.namn()).unwrap_or("Välj …");
                valjlista(ui, "Avslutsorsak", vald, 320.0, |ui| {
                    for o in Avslutsorsak::ALLA {
                        ui.selectable_value(&mut self.avslutsorsak, Some(*o), o.namn());
                    }
                });
            }
        });
        if self.ny_status != self.arende.status {
            if self.bekrafta_status {
                ui.label(format!(
                    "Ärende {} får status {}. Ändringen loggas.",
                    self.arende.arendenummer,
                    self.ny_status.namn().to_lowercase()
                ));
                ui.horizontal(|ui| {
                    if ui.button("Ja, ändra status").clicked() {
                        let (till, orsak) = (self.ny_status, self.avslutsorsak);
                        let res = store.skriv(|w| {
                            w.byt_status(self.arende.id, till, orsak, nu.date())?;
                            w.logga(Handelse::BytteStatus, Some(self.arende.id), anvandare, till.namn(), nu)
                        });
                        self.bekrafta_status = false;
                        match res.and_then(|()| store.arende(self.arende.id)) {
                            Ok(a) => {
                                self.arende = a;
                                self.meddelande = Some((
                                    Signal::Klart,
                                    format!("Status ändrad till {}.", till.namn().to_lowercase()),
                                ));
                                *sparat = Some(nu);
                                andrad = true;
                            }
                            Err(e) => self.meddelande = Some((Signal::Fel, e.to_string())),
                        }
                    }
                    if ui.button("Avbryt").clicked() {
                        self.bekrafta_status = false;
                    }
                });
            } else if ui.button("Ändra status …").clicked() {
                self.bekrafta_status = true;
            }
        }

        rubrik(ui, "Ansvariga och försörjningshinder");
        ui.horizontal_wrapped(|ui| {
            textfalt(ui, "Socialsekreterare", &mut self.ansvar.socialsekreterare, None, 260.0);
            textfalt(ui, "Bidragshandläggare", &mut self.ansvar.bidragshandlaggare, None, 260.0);
        });
        valj_forsorjningshinder(ui, &mut self.ansvar.forsorjningshinder);
        let osparat = self.ansvar_osparat();
        if ui.add_enabled(osparat, egui::Button::new("Spara ansvariga")).clicked() {
            andrad |= self.spara_ansvar(store, anvandare, nu, sparat);
        }
        if let Err(e) = self.ansvar_autospar.folj(store, &self.ansvar, !osparat, nu) {
            self.meddelande = Some((Signal::Fel, e));
        }
        andrad
    }

    fn ansvar_osparat(&self) -> bool {
        self.ansvar.socialsekreterare.trim() != self.arende.socialsekreterare
            || self.ansvar.bidragshandlaggare.trim() != self.arende.bidragshandlaggare
            || self.ansvar.forsorjningshinder != self.arende.forsorjningshinder
    }

    /// Saves the responsibility form (also Ctrl+S on the overview).
    pub fn spara_ansvar(
        &mut self,
        store: &mut Store,
        anvandare: &str,
        nu: NaiveDateTime,
        sparat: &mut Option<NaiveDateTime>,
    ) -> bool {
        let a = self.ansvar.clone();
        let id = self.arende.id;
        let res = store.skriv(|w| {
            w.uppdatera_ansvar(id, &a.socialsekreterare, &a.bidragshandlaggare, a.forsorjningshinder)?;
            w.logga(Handelse::AndradeAnsvar, Some(id), anvandare, "", nu)
        });
        match res.and_then(|()| store.arende(id)) {
            Ok(arende) => {
                self.arende = arende;
                let _ = self.ansvar_autospar.klar(store);
                self.meddelande = Some((Signal::Klart, "Ansvariga sparade.".into()));
                *sparat = Some(nu);
                true
            }
            Err(e) => {
                self.meddelande = Some((Signal::Fel, e.to_string()));
                false
            }
        }
    }

    fn visa_hushall(&mut self, ui: &mut egui::Ui, store: &mut Store, anvandare: &str, nu: NaiveDateTime) {
        rubrik(ui, "Personer i hushållet");
        let idag = nu.date();
        egui::Grid::new("medlemmar").num_columns(5).striped(true).spacing([24.0, 8.0]).show(ui, |ui| {
            for h in ["Roll", "Namn", "Personnummer", "Ålder", "Noteringar"] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for m in &self.hushall.medlemmar {
                ui.label(m.roll.namn());
                ui.label(m.person.namn());
                ui.label(m.person.pnr.to_string());
                ui.label(format!("{} år", m.person.pnr.age_at(idag)));
                let mut noter = Vec::new();
                if m.roll == Roll::Barn && m.lunch_utanfor_hemmet {
                    noter.push("äter lunch utanför hemmet");
                }
                if m.gar_i_gymnasiet {
                    noter.push("går i gymnasiet");
                }
                ui.label(noter.join(", "));
                ui.end_row();
            }
        });
        if let Some(r) = self.hushall.relation {
            ui.label(format!("Medsökande: {}", r.namn().to_lowercase()));
        }
        rubrik(ui, "Adress och telefon");
        let dold = self.hushall.skyddade_personuppgifter && !self.visa_adress;
        egui::Grid::new("adress").num_columns(2).spacing([24.0, 8.0]).show(ui, |ui| {
            let adress = if dold { "(dold – skyddade personuppgifter)".into() } else { self.hushall.adress.en_rad() };
            rad(ui, "Adress", &adress);
            rad(ui, "Telefon", or_streck(&self.hushall.telefon));
        });
        if dold {
            if ui.button("Visa adressen").on_hover_text("Att adressen visades loggas i ärendet").clicked() {
                // The address is shown only once the viewing is logged.
                let id = self.arende.id;
                match store.skriv(|w| w.logga(Handelse::VisadeSkyddadAdress, Some(id), anvandare, "", nu)) {
                    Ok(()) => self.visa_adress = true,
                    Err(e) => self.meddelande = Some((Signal::Fel, e.to_string())),
                }
            }
        } else if self.hushall.skyddade_personuppgifter && ui.button("Dölj adressen").clicked() {
            self.visa_adress = false;
        }
    }
}

fn or_streck(text: &str) -> &str {
    if text.trim().is_empty() { "–" } else { text }
}
