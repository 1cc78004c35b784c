//! The IB tab: Initial bedömning parts 1–3 as forms defined by data (Del 4 is the Plan tab).
//! Del 2 is printed for Jobbtorg only with the client's recorded consent.

use super::beslut_vy::Utskrift;
use super::tema::Signal;
use super::utkast::{Autospar, Utkastplats, nyckel};
use super::widgetar::{las, notis, textfalt, textyta, valjlista};
use crate::domain::arende::Arende;
use crate::domain::ib::{IbDefinition, IbSvar};
use crate::store::Store;
use chrono::NaiveDateTime;

pub struct IbVy {
    arende_id: i64,
    arendenummer: String,
    definition: IbDefinition,
    svar: IbSvar,
    sparat_svar: IbSvar,
    autospar: Autospar,
    meddelande: Option<(Signal, String)>,
}

impl IbVy {
    pub fn ny(store: &Store, arende: &Arende) -> IbVy {
        let (autospar, draft) = Autospar::ny::<IbSvar>(
            store,
            nyckel(Utkastplats::Ib(arende.id)),
            format!("Initial bedömning i ärende {}", arende.arendenummer),
        );
        let mut meddelande = autospar.lasfel();
        let sparat = las(store.ib_svar(arende.id), &mut meddelande);
        // Answers keep the definition version they were given under; the shipped definition is
        // shown while a stored one cannot be read (and the error says so).
        let definition = store.ib_definition(sparat.as_ref().map(|s| s.definition_version)).unwrap_or_else(|e| {
            meddelande = Some((Signal::Fel, e.to_string()));
            crate::domain::ib::levererad_definition()
        });
        let sparat = sparat.unwrap_or(IbSvar { definition_version: definition.version, ..Default::default() });
        IbVy {
            arende_id: arende.id,
            arendenummer: arende.arendenummer.clone(),
            definition,
            svar: draft.unwrap_or_else(|| sparat.clone()),
            sparat_svar: sparat,
            autospar,
            meddelande,
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
        ui.label(format!(
            "Initial bedömning (formulär version {}). Del 4 är förändringsplanen under fliken Plan.",
            self.definition.version
        ));
        for del in &self.definition.delar {
            egui::CollapsingHeader::new(&del.rubrik).default_open(true).show(ui, |ui| {
                if del.samtycke {
                    let mut samtycke = self.svar.samtycke_jobbtorg.is_some();
                    if ui.checkbox(&mut samtycke, "Klienten samtycker till att Del 2 lämnas till Jobbtorg").changed() {
                        self.svar.samtycke_jobbtorg = samtycke.then_some(nu.date());
                    }
                    if let Some(d) = self.svar.samtycke_jobbtorg {
                        ui.label(format!("Samtycke lämnat {d}."));
                    }
                }
                for f in &del.falt {
                    let nyckel = format!("{}.{}", del.id, f.id);
                    // An untouched field stays absent, so only real answers make a draft.
                    let mut varde = self.svar.svar.get(&nyckel).cloned().unwrap_or_default();
                    match f.typ.as_str() {
                        "text" => {
                            textyta(ui, &f.etikett, &mut varde, None, 3);
                        }
                        "val" | "janej" => {
                            let alternativ: Vec<String> =
                                if f.typ == "janej" { vec!["Ja".into(), "Nej".into()] } else { f.val.clone() };
                            let vald = if varde.is_empty() { "Välj …".to_string() } else { varde.clone() };
                            valjlista(ui, &f.etikett, &vald, 300.0, |ui| {
                                for a in &alternativ {
                                    ui.selectable_value(&mut varde, a.clone(), a);
                                }
                            });
                        }
                        _ => {
                            textfalt(ui, &f.etikett, &mut varde, None, 420.0);
                        }
                    }
                    if self.svar.svar.get(&nyckel).map_or(!varde.is_empty(), |v| *v != varde) {
                        self.svar.svar.insert(nyckel, varde);
                    }
                }
            });
        }
        match self.autospar.folj(store, &self.svar, self.svar == self.sparat_svar, nu) {
            Ok(true) => *sparat = Some(nu),
            Ok(false) => {}
            Err(e) => self.meddelande = Some((Signal::Fel, e)),
        }
        ui.horizontal(|ui| {
            if ui.button("Spara IB").clicked() {
                match store.spara_ib_svar(self.arende_id, &self.svar, nu) {
                    Ok(()) => {
                        let _ = self.autospar.klar(store);
                        self.sparat_svar = self.svar.clone();
                        self.meddelande = Some((Signal::Klart, "Den initiala bedömningen är sparad.".into()));
                        *sparat = Some(nu);
                    }
                    Err(e) => self.meddelande = Some((Signal::Fel, e.to_string())),
                }
            }
            if ui.button("Skriv ut Del 2 för Jobbtorg").clicked() {
                self.meddelande = Some(self.skriv_del2(store, utskrift, nu));
            }
        });
    }

    fn skriv_del2(&mut self, store: &mut Store, utskrift: &Utskrift, nu: NaiveDateTime) -> (Signal, String) {
        if self.svar != self.sparat_svar {
            if let Err(e) = store.spara_ib_svar(self.arende_id, &self.svar, nu) {
                return (Signal::Fel, e.to_string());
            }
            let _ = self.autospar.klar(store);
            self.sparat_svar = self.svar.clone();
        }
        let pdf = crate::utskrift::ib_del_pdf(store, &self.arendenummer, "del2", nu.date());
        match utskrift.spara(pdf, &format!("ib-del2-{}.pdf", self.arendenummer), "Filen") {
            Ok(fil) => (Signal::Klart, format!("Del 2 är sparad för Jobbtorg: {}", fil.display())),
            Err(e) => (Signal::Fel, e),
        }
    }
}
