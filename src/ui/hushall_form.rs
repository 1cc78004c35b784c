//! Register a household: sökande, medsökande, children, address, protected identity and the
//! case's responsible staff. Autosaved as a draft while typing.

use super::tema::{self, Signal};
use super::utkast::{Autospar, Utkastplats, nyckel};
use super::widgetar::{felrad, notis, rubrik, textfalt, valj_forsorjningshinder, valjlista};
use crate::domain::arende::{ArendeStatus, Forsorjningshinder};
use crate::domain::hushall::{FaltFel, HushallFormular, PersonFalt, Relation, fel_for};
use crate::domain::personnummer::Personnummer;
use crate::store::{NyttArende, Registrerat, Store};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The case part of the registration.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ArendeFalt {
    pub socialsekreterare: String,
    pub bidragshandlaggare: String,
    pub forsorjningshinder: Option<Forsorjningshinder>,
}

/// Everything the form holds: what autosave keeps.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HushallUtkast {
    pub hushall: HushallFormular,
    pub arende: ArendeFalt,
}

pub enum Utfall {
    Sparad(Registrerat),
    /// Closed; the draft stays for later.
    Stangd,
    /// Closed and the draft discarded (after the user confirmed).
    Kastad,
}

pub struct HushallForm {
    pub data: HushallUtkast,
    autospar: Autospar,
    /// Fields the user has left at least once: their messages are shown.
    lamnade: HashSet<String>,
    visa_alla_fel: bool,
    sparfel: Option<String>,
    bekrafta_kasta: bool,
}

impl HushallForm {
    /// Opens the form, restoring the draft if one was left.
    pub fn ny(store: &Store, anvandare: &str) -> HushallForm {
        let (autospar, draft) =
            Autospar::ny::<HushallUtkast>(store, nyckel(Utkastplats::NyttHushall), "Nytt hushåll".into());
        let sparfel = autospar.lasfel().map(|(_, t)| t);
        let data = draft.unwrap_or_else(|| HushallUtkast {
            arende: ArendeFalt { socialsekreterare: anvandare.to_string(), ..Default::default() },
            ..Default::default()
        });
        HushallForm { data, autospar, lamnade: HashSet::new(), visa_alla_fel: false, sparfel, bekrafta_kasta: false }
    }

    fn ar_tomt(&self) -> bool {
        let h = &self.data.hushall;
        h == &HushallFormular::default()
    }

    /// Tries to save; on problems every message is shown at its field.
    pub fn spara(&mut self, store: &mut Store, nu: NaiveDateTime) -> Option<Registrerat> {
        self.visa_alla_fel = true;
        let hushall = self.data.hushall.validera(nu.date()).ok()?;
        let arende = NyttArende {
            status: ArendeStatus::UnderUtredning,
            socialsekreterare: self.data.arende.socialsekreterare.clone(),
            bidragshandlaggare: self.data.arende.bidragshandlaggare.clone(),
            forsorjningshinder: self.data.arende.forsorjningshinder,
            startdatum: nu.date(),
        };
        let namn = hushall.sokande().namn();
        let res = store.skriv(|w| {
            let reg = w.skapa_hushall(&hushall, &arende, nu)?;
            w.logga(
                crate::store::Handelse::RegistreradeHushall,
                Some(reg.arende_id),
                &arende.socialsekreterare,
                &namn,
                nu,
            )?;
            Ok(reg)
        });
        match res {
            Ok(reg) => {
                if let Err(e) = self.autospar.klar(store) {
                    self.sparfel = Some(e.to_string());
                }
                Some(reg)
            }
            Err(e) => {
                self.sparfel = Some(e.to_string());
                None
            }
        }
    }

    /// Shows the form. Returns what happened, if the form is done.
    pub fn visa(
        &mut self,
        ui: &mut egui::Ui,
        store: &mut Store,
        nu: NaiveDateTime,
        sparat: &mut Option<NaiveDateTime>,
    ) -> Option<Utfall> {
        let idag = nu.date();
        let fel = self.data.hushall.validera(idag).err().unwrap_or_default();
        let mut utfall = None;

        ui.heading("Nytt hushåll");
        ui.label("Fyll i hushållets uppgifter. Allt du skriver sparas som utkast medan du skriver.");
        if let Some(e) = &self.sparfel {
            notis(ui, Signal::Fel, e);
        }
        egui::ScrollArea::vertical().max_height(ui.available_height() - 70.0).auto_shrink([false, true]).show(
            ui,
            |ui| {
                self.personfalt(ui, "sokande", "Sökande", &fel, idag);
                ui.add_space(tema::LUFT);
                ui.checkbox(&mut self.data.hushall.har_medsokande, "Medsökande (gift eller sambo)");
                if self.data.hushall.har_medsokande {
                    self.personfalt(ui, "medsokande", "Medsökande", &fel, idag);
                    let vald = self.data.hushall.relation.map(|r| r.namn()).unwrap_or("Välj …");
                    valjlista(ui, "Relation till sökande", vald, 240.0, |ui| {
                        for r in Relation::ALLA {
                            ui.selectable_value(&mut self.data.hushall.relation, Some(*r), r.namn());
                        }
                    });
                    if let Some(f) = fel_for(&fel, "relation").filter(|_| self.visa_alla_fel) {
                        felrad(ui, f);
                    }
                }

                rubrik(ui, "Barn som bor hemma");
                let mut ta_bort = None;
                for i in 0..self.data.hushall.barn.len() {
                    ui.group(|ui| {
                        self.personfalt(ui, &format!("barn.{i}"), &format!("Barn {}", i + 1), &fel, idag);
                        let b = &mut self.data.hushall.barn[i];
                        ui.horizontal_wrapped(|ui| {
                            ui.checkbox(
                                &mut b.lunch_utanfor_hemmet,
                                format!("Barn {} äter lunch utanför hemmet 5 dagar/vecka", i + 1),
                            );
                            ui.checkbox(
                                &mut b.gar_i_gymnasiet,
                                format!("Barn {} går i gymnasiet (avgör normen för 19–20 år)", i + 1),
                            );
                        });
                        if ui.button(format!("Ta bort barn {}", i + 1)).clicked() {
                            ta_bort = Some(i);
                        }
                    });
                }
                if let Some(i) = ta_bort {
                    self.data.hushall.barn.remove(i);
                    self.lamnade.retain(|k| !k.starts_with("barn."));
                }
                if ui.button("Lägg till barn").clicked() {
                    self.data.hushall.barn.push(PersonFalt::default());
                }

                rubrik(ui, "Adress och telefon");
                let a = &mut self.data.hushall.adress;
                ui.horizontal_wrapped(|ui| {
                    let f =
                        |k: &str| if self.visa_alla_fel || self.lamnade.contains(k) { fel_for(&fel, k) } else { None };
                    let r1 = textfalt(ui, "Gatuadress", &mut a.gatuadress, f("adress.gatuadress"), tema::FALT_BREDD);
                    let r2 = textfalt(ui, "Postnummer", &mut a.postnummer, f("adress.postnummer"), 110.0);
                    let r3 = textfalt(ui, "Postort", &mut a.postort, f("adress.postort"), 200.0);
                    let r4 = textfalt(ui, "Telefon", &mut self.data.hushall.telefon, f("telefon"), 180.0);
                    for (r, k) in
                        [(r1, "adress.gatuadress"), (r2, "adress.postnummer"), (r3, "adress.postort"), (r4, "telefon")]
                    {
                        if r.lost_focus() {
                            self.lamnade.insert(k.into());
                        }
                    }
                });
                ui.checkbox(
                    &mut self.data.hushall.skyddade_personuppgifter,
                    "Skyddade personuppgifter (adressen döljs på skärmen och skrivs aldrig ut)",
                );

                rubrik(ui, "Ärende");
                ui.horizontal_wrapped(|ui| {
                    textfalt(ui, "Socialsekreterare", &mut self.data.arende.socialsekreterare, None, 240.0);
                    textfalt(ui, "Bidragshandläggare", &mut self.data.arende.bidragshandlaggare, None, 240.0);
                });
                valj_forsorjningshinder(ui, &mut self.data.arende.forsorjningshinder);
            },
        );

        ui.separator();
        if self.visa_alla_fel && !fel.is_empty() {
            felrad(
                ui,
                &format!("Hushållet är inte sparat: {} uppgifter behöver rättas (se markeringarna ovan).", fel.len()),
            );
        }
        ui.horizontal(|ui| {
            let spara = ui.button(egui::RichText::new("Spara").strong()).on_hover_text("Ctrl+S").clicked();
            if let Some(reg) = spara.then(|| self.spara(store, nu)).flatten() {
                utfall = Some(Utfall::Sparad(reg));
            }
            if ui.button("Avbryt").on_hover_text("Stänger formuläret. Utkastet finns kvar till nästa gång.").clicked()
            {
                utfall = Some(Utfall::Stangd);
            }
            if !self.ar_tomt() {
                if self.bekrafta_kasta {
                    ui.label("Allt du skrivit i formuläret tas bort.");
                    if ui.button("Ja, kasta utkastet").clicked() {
                        if let Err(e) = self.autospar.klar(store) {
                            self.sparfel = Some(e.to_string());
                        } else {
                            utfall = Some(Utfall::Kastad);
                        }
                    }
                    if ui.button("Behåll").clicked() {
                        self.bekrafta_kasta = false;
                    }
                } else if ui.button("Kasta utkast").clicked() {
                    self.bekrafta_kasta = true;
                }
            }
        });

        if !matches!(utfall, Some(Utfall::Sparad(_) | Utfall::Kastad)) {
            let tomt = self.ar_tomt();
            match self.autospar.folj(store, &self.data, tomt, nu) {
                Ok(true) => *sparat = Some(nu),
                Ok(false) => {}
                Err(e) => self.sparfel = Some(e),
            }
        }
        utfall
    }

    /// Personnummer and name fields of one person, with messages shown once the field is left.
    fn personfalt(&mut self, ui: &mut egui::Ui, key: &str, vem: &str, fel: &[FaltFel], idag: chrono::NaiveDate) {
        rubrik(ui, vem);
        let falt = match key {
            "sokande" => &mut self.data.hushall.sokande,
            "medsokande" => &mut self.data.hushall.medsokande,
            _ => {
                let i: usize = key.trim_start_matches("barn.").parse().unwrap_or(0);
                &mut self.data.hushall.barn[i]
            }
        };
        let visa = |k: &str| self.visa_alla_fel || self.lamnade.contains(k);
        let f = |del: &str| {
            let k = format!("{key}.{del}");
            if visa(&k) { fel_for(fel, &k) } else { None }
        };
        let mut lamnade = Vec::new();
        ui.horizontal_wrapped(|ui| {
            let r = textfalt(ui, &format!("{vem}: personnummer"), &mut falt.pnr, f("pnr"), 200.0);
            if r.lost_focus() {
                lamnade.push(format!("{key}.pnr"));
            }
            let r = textfalt(ui, &format!("{vem}: förnamn"), &mut falt.fornamn, f("fornamn"), 200.0);
            if r.lost_focus() {
                lamnade.push(format!("{key}.fornamn"));
            }
            let r = textfalt(ui, &format!("{vem}: efternamn"), &mut falt.efternamn, f("efternamn"), 200.0);
            if r.lost_focus() {
                lamnade.push(format!("{key}.efternamn"));
            }
        });
        if let Ok(p) = Personnummer::parse(&falt.pnr, idag) {
            let typ = match p.typ() {
                crate::domain::personnummer::Nummertyp::Samordningsnummer => ", samordningsnummer",
                _ => "",
            };
            ui.label(egui::RichText::new(format!("Född {}, {} år{typ}", p.birth_date(), p.age_at(idag))).weak());
        }
        self.lamnade.extend(lamnade);
    }
}
