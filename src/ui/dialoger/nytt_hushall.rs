//! Register a household: sökande, medsökande, children, address, protected identity and the
//! case's responsible staff. Autosaved as a draft while typing.

use crate::arbete::{self, Arbetsfel, arende::Ansvar};
use crate::domain::falt::{Falt, FaltFel, Personuppgift, Vem, fel_for};
use crate::domain::hushall::{HushallFormular, PersonFalt, Relation};
use crate::domain::personnummer::Personnummer;
use crate::store::{Registrerat, Store};
use crate::ui::kontext::Kontext;
use crate::ui::tema::{self, Signal};
use crate::ui::utkast::{Autospar, Utkastplats, nyckel};
use crate::ui::widgetar::{felrad, notis, rubrik, textfalt, valj_forsorjningshinder, valjlista};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Everything the form holds: what autosave keeps.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HushallUtkast {
    pub hushall: HushallFormular,
    pub arende: Ansvar,
}

/// How the dialog ended.
pub enum Dialogsvar {
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
    lamnade: HashSet<Falt>,
    visa_alla_fel: bool,
    sparfel: Option<String>,
    bekrafta_kasta: bool,
    /// The keyboard starts in the applicant's personnummer when the form opens.
    fokus_klar: bool,
}

impl HushallForm {
    /// Opens the form for `aktor`, restoring her draft if she left one.
    pub fn ny(store: &Store, aktor: &crate::arbete::Aktor) -> HushallForm {
        let nyckel = nyckel(Utkastplats::NyttHushall);
        let (autospar, draft) = Autospar::ny::<HushallUtkast>(store, &aktor.login, nyckel, "Nytt hushåll".into());
        let sparfel = autospar.lasfel().map(|(_, t)| t);
        let data = draft.unwrap_or_else(|| HushallUtkast {
            arende: Ansvar { socialsekreterare: aktor.namn.clone(), ..Default::default() },
            ..Default::default()
        });
        HushallForm {
            data,
            autospar,
            lamnade: HashSet::new(),
            visa_alla_fel: false,
            sparfel,
            bekrafta_kasta: false,
            fokus_klar: false,
        }
    }

    fn ar_tomt(&self) -> bool {
        let h = &self.data.hushall;
        h == &HushallFormular::default()
    }

    /// Tries to save; on problems every message is shown at its field.
    pub fn spara(&mut self, ctx: &mut Kontext) -> Option<Registrerat> {
        self.visa_alla_fel = true;
        let svar = arbete::arende::registrera_hushall(ctx.store, &ctx.aktor, &self.data.hushall, &self.data.arende);
        match svar {
            Ok(reg) => {
                if let Err(e) = self.autospar.klar(ctx.store) {
                    self.sparfel = Some(e.to_string());
                }
                Some(reg)
            }
            Err(Arbetsfel::Falt(_)) => None,
            Err(e) => {
                self.sparfel = Some(e.to_string());
                None
            }
        }
    }

    /// Shows the form. Returns how the dialog ended, if it did.
    pub fn visa(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) -> Option<Dialogsvar> {
        let idag = ctx.nu().date();
        let fel = self.data.hushall.validera(idag).err().unwrap_or_default();
        ui.heading("Nytt hushåll");
        ui.label("Fyll i hushållets uppgifter. Allt du skriver sparas som utkast medan du skriver.");
        if let Some(e) = &self.sparfel {
            notis(ui, Signal::Fel, e);
        }
        // The form keeps its height (the dialog does not re-centre as rows are added, which would
        // move a field away from under the pointer); its content scrolls.
        egui::ScrollArea::vertical().max_height(ui.available_height() - 110.0).auto_shrink([false, false]).show(
            ui,
            |ui| {
                self.visa_personer(ui, &fel, idag);
                self.visa_adress_och_arende(ui, &fel);
            },
        );
        ui.separator();
        if self.visa_alla_fel && !fel.is_empty() {
            felrad(
                ui,
                &format!(
                    "Hushållet är inte sparat: {} behöver rättas (se markeringarna ovan).",
                    crate::domain::klarsprak::antal(fel.len() as u64, "uppgift", "uppgifter")
                ),
            );
        }
        let svar = self.visa_knappar(ui, ctx);
        if !matches!(svar, Some(Dialogsvar::Sparad(_) | Dialogsvar::Kastad)) {
            let tomt = self.ar_tomt();
            match self.autospar.folj(ctx.store, &self.data, tomt, ctx.nu()) {
                Ok(true) => ctx.sparat(),
                Ok(false) => {}
                Err(e) => self.sparfel = Some(e.to_string()),
            }
        }
        svar
    }

    fn visa_personer(&mut self, ui: &mut egui::Ui, fel: &[FaltFel], idag: chrono::NaiveDate) {
        self.personfalt(ui, Vem::Sokande, "Sökande", fel, idag);
        ui.add_space(tema::LUFT);
        ui.checkbox(&mut self.data.hushall.har_medsokande, "Medsökande (gift eller sambo)");
        if self.data.hushall.har_medsokande {
            self.personfalt(ui, Vem::Medsokande, "Medsökande", fel, idag);
            let vald = self.data.hushall.relation.map(|r| r.namn()).unwrap_or("Välj …");
            valjlista(ui, "Relation till sökande", vald, 240.0, |ui| {
                for r in Relation::ALLA {
                    ui.selectable_value(&mut self.data.hushall.relation, Some(*r), r.namn());
                }
            });
            if let Some(f) = fel_for(fel, Falt::Relation).filter(|_| self.visa_alla_fel) {
                felrad(ui, f);
            }
        }
        rubrik(ui, "Barn som bor hemma");
        let mut ta_bort = None;
        for i in 0..self.data.hushall.barn.len() {
            ui.group(|ui| {
                self.personfalt(ui, Vem::Barn(i), &format!("Barn {}", i + 1), fel, idag);
                let b = &mut self.data.hushall.barn[i];
                ui.horizontal_wrapped(|ui| {
                    let n = i + 1;
                    ui.checkbox(
                        &mut b.lunch_utanfor_hemmet,
                        format!("Barn {n} äter lunch utanför hemmet 5 dagar/vecka"),
                    );
                    ui.checkbox(
                        &mut b.gar_i_gymnasiet,
                        format!("Barn {n} går i gymnasiet (avgör normen för 19–20 år)"),
                    );
                });
                if ui.button(format!("Ta bort barn {}", i + 1)).clicked() {
                    ta_bort = Some(i);
                }
            });
        }
        if let Some(i) = ta_bort {
            self.data.hushall.barn.remove(i);
            self.lamnade.retain(|k| !matches!(k, Falt::Person(Vem::Barn(_), _)));
        }
        if ui.button("Lägg till barn").clicked() {
            self.data.hushall.barn.push(PersonFalt::default());
        }
    }

    fn visa_adress_och_arende(&mut self, ui: &mut egui::Ui, fel: &[FaltFel]) {
        rubrik(ui, "Adress och telefon");
        let a = &mut self.data.hushall.adress;
        ui.horizontal_wrapped(|ui| {
            let f = |k: Falt| if self.visa_alla_fel || self.lamnade.contains(&k) { fel_for(fel, k) } else { None };
            let r1 = textfalt(ui, "Gatuadress", &mut a.gatuadress, f(Falt::Gatuadress), tema::FALT_BREDD);
            let r2 = textfalt(ui, "Postnummer", &mut a.postnummer, f(Falt::Postnummer), 110.0);
            let r3 = textfalt(ui, "Postort", &mut a.postort, f(Falt::Postort), 200.0);
            let r4 = textfalt(ui, "Telefon", &mut self.data.hushall.telefon, f(Falt::Telefon), 180.0);
            for (r, k) in [(r1, Falt::Gatuadress), (r2, Falt::Postnummer), (r3, Falt::Postort), (r4, Falt::Telefon)] {
                if r.lost_focus() {
                    self.lamnade.insert(k);
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
    }

    /// Spara, Avbryt and Kasta utkast (asked once).
    fn visa_knappar(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) -> Option<Dialogsvar> {
        let mut svar = None;
        ui.horizontal(|ui| {
            let spara = ui.button(egui::RichText::new("Spara").strong()).on_hover_text("Ctrl+S").clicked();
            if let Some(reg) = spara.then(|| self.spara(ctx)).flatten() {
                svar = Some(Dialogsvar::Sparad(reg));
            }
            if ui.button("Avbryt").on_hover_text("Stänger formuläret. Utkastet finns kvar till nästa gång.").clicked()
            {
                svar = Some(Dialogsvar::Stangd);
            }
            if self.ar_tomt() {
                return;
            }
            if !self.bekrafta_kasta {
                self.bekrafta_kasta = ui.button("Kasta utkast").clicked();
                return;
            }
            ui.label("Allt du skrivit i formuläret tas bort.");
            if ui.button("Ja, kasta utkastet").clicked() {
                match self.autospar.klar(ctx.store) {
                    Err(e) => self.sparfel = Some(e.to_string()),
                    Ok(_) => svar = Some(Dialogsvar::Kastad),
                }
            }
            if ui.button("Behåll").clicked() {
                self.bekrafta_kasta = false;
            }
        });
        svar
    }

    /// Personnummer and name fields of one person, with messages shown once the field is left.
    fn personfalt(&mut self, ui: &mut egui::Ui, key: Vem, vem: &str, fel: &[FaltFel], idag: chrono::NaiveDate) {
        rubrik(ui, vem);
        let falt = match key {
            Vem::Sokande => &mut self.data.hushall.sokande,
            Vem::Medsokande => &mut self.data.hushall.medsokande,
            Vem::Barn(i) => &mut self.data.hushall.barn[i],
        };
        let visa = |k: Falt| self.visa_alla_fel || self.lamnade.contains(&k);
        let f = |del| {
            let k = Falt::Person(key, del);
            if visa(k) { fel_for(fel, k) } else { None }
        };
        let mut lamnade = Vec::new();
        ui.horizontal_wrapped(|ui| {
            for (etikett, text, del) in [
                ("personnummer", &mut falt.pnr, Personuppgift::Pnr),
                ("förnamn", &mut falt.fornamn, Personuppgift::Fornamn),
                ("efternamn", &mut falt.efternamn, Personuppgift::Efternamn),
            ] {
                let svar = textfalt(ui, &format!("{vem}: {etikett}"), text, f(del), 200.0);
                if key == Vem::Sokande && del == Personuppgift::Pnr && !self.fokus_klar {
                    svar.request_focus();
                    self.fokus_klar = true;
                }
                if svar.lost_focus() {
                    lamnade.push(Falt::Person(key, del));
                }
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
