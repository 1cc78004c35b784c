//! Årshjulet for the unit: a month's controls not yet done, by caseworker, ticked off with a
//! note that goes to the case's journal; and the chef's half-yearly review of each caseworker.

use crate::arbete::arshjul as atgard;
use crate::domain::arshjul::halvar;
use crate::domain::manad::Manad;
use crate::store::Arshjulsuppgift;
use crate::ui::flikar::Flik;
use crate::ui::kontext::{Begaran, Kontext};
use crate::ui::widgetar::{kolumnrubrik, rubrik, textfalt};
use egui::Ui;

pub struct Arshjulsvy {
    manad: Manad,
    uppgifter: Vec<Arshjulsuppgift>,
    genomgangar: Vec<(String, Option<String>)>,
    anteckning: String,
    redigering: Option<super::arshjul_redigera::Arshjulsredigering>,
}

impl Arshjulsvy {
    pub fn ny(ctx: &mut Kontext) -> Arshjulsvy {
        let mut vy = Arshjulsvy {
            manad: Manad::av(ctx.nu().date()),
            uppgifter: Vec::new(),
            genomgangar: Vec::new(),
            anteckning: String::new(),
            redigering: None,
        };
        vy.ladda(ctx);
        vy
    }

    fn ladda(&mut self, ctx: &mut Kontext) {
        self.uppgifter = ctx.las(ctx.store.arshjulsuppgifter(self.manad, None));
        self.genomgangar = ctx.las(ctx.store.genomgangar(&halvar(self.manad)));
    }

    pub fn visa(&mut self, ui: &mut Ui, ctx: &mut Kontext) {
        // Editing the wheel replaces the lists until it is closed.
        if let Some(r) = &mut self.redigering {
            if ui.button("Stäng redigeringen").clicked() {
                self.redigering = None;
                self.ladda(ctx);
                return;
            }
            return r.visa(ui, ctx);
        }
        if ui.button("Ändra årshjulet").on_hover_text("Kontrollerna månad för månad, som en ny version").clicked()
        {
            self.redigering = Some(super::arshjul_redigera::Arshjulsredigering::ny(ctx));
            return;
        }
        ui.horizontal(|ui| {
            if ui.button("← Förra månaden").clicked() {
                self.manad = self.manad.foregaende();
                self.ladda(ctx);
            }
            ui.label(egui::RichText::new(format!("Årshjulet {}", self.manad.namn())).strong());
            if ui.button("Nästa månad →").clicked() {
                self.manad = self.manad.nasta();
                self.ladda(ctx);
            }
        });
        textfalt(ui, "Anteckning till journalen när en kontroll bockas av", &mut self.anteckning, None, 520.0);
        self.per_handlaggare(ui);
        self.ej_gjorda(ui, ctx);
        self.genomgang(ui, ctx);
    }

    /// Not done and done per caseworker.
    fn per_handlaggare(&self, ui: &mut Ui) {
        rubrik(ui, "Inte gjort per handläggare");
        let mut namn: Vec<&str> = self.uppgifter.iter().map(|u| u.handlaggare.as_str()).collect();
        namn.dedup();
        egui::Grid::new("arshjul_summa").num_columns(3).striped(true).spacing([18.0, 6.0]).show(ui, |ui| {
            for k in ["Handläggare", "Inte gjort", "Gjort"] {
                kolumnrubrik(ui, k);
            }
            ui.end_row();
            for n in namn {
                let egna = self.uppgifter.iter().filter(|u| u.handlaggare == n);
                let ej = egna.clone().filter(|u| u.klar.is_none()).count();
                ui.label(if n.is_empty() { "Ingen handläggare" } else { n });
                ui.label(ej.to_string());
                ui.label((egna.count() - ej).to_string());
                ui.end_row();
            }
        });
    }

    fn ej_gjorda(&mut self, ui: &mut Ui, ctx: &mut Kontext) {
        let ej: Vec<Arshjulsuppgift> = self.uppgifter.iter().filter(|u| u.klar.is_none()).cloned().collect();
        rubrik(ui, &format!("{} kontroller att göra i {}", ej.len(), self.manad.namn()));
        if ej.is_empty() {
            ui.label("Allt i årshjulet är gjort för månaden.");
            return;
        }
        let mut bockad = false;
        egui::Grid::new("arshjul_ej").num_columns(4).striped(true).spacing([14.0, 6.0]).show(ui, |ui| {
            for u in ej.iter().take(300) {
                ui.label(&u.handlaggare);
                if ui.link(&u.arendenummer).on_hover_text("Öppna ärendet").clicked() {
                    ctx.begar(Begaran::OppnaArende(u.arende_id, Flik::Journal));
                }
                ui.label(&u.text);
                let knapp = ui
                    .button("Bocka av")
                    .on_hover_text("Skriver anteckningen i ärendets journal")
                    .accessible_name(format!("Bocka av {} – {}", u.arendenummer, u.text));
                if knapp.clicked() {
                    let aktor = ctx.aktor.clone();
                    let svar =
                        atgard::bocka_av(ctx.store, &aktor, u.arende_id, self.manad, &u.kontroll, &self.anteckning);
                    if ctx.utfall(svar).is_some() {
                        ctx.klart(format!("Ärende {}: {} är avbockad och står i journalen.", u.arendenummer, u.text));
                        bockad = true;
                    }
                }
                ui.end_row();
            }
        });
        if ej.len() > 300 {
            ui.label(format!("… och {} till. Välj en handläggares ärenden i ärendelistan.", ej.len() - 300));
        }
        if bockad {
            self.ladda(ctx);
        }
    }

    fn genomgang(&mut self, ui: &mut Ui, ctx: &mut Kontext) {
        let h = halvar(self.manad);
        rubrik(ui, &format!("Chefens genomgång av varje handläggares ärenden, halvår {h}"));
        let mut gjord = false;
        egui::Grid::new("genomgang").num_columns(3).striped(true).spacing([14.0, 6.0]).show(ui, |ui| {
            for (namn, klar) in &self.genomgangar {
                ui.label(namn);
                match klar {
                    Some(t) => {
                        ui.label(format!("Gjord {t}"));
                    }
                    None => {
                        ui.label("Inte gjord");
                        if ui.button(format!("Genomgång klar: {namn}")).clicked() {
                            let aktor = ctx.aktor.clone();
                            let svar = atgard::registrera_genomgang(ctx.store, &aktor, namn, &h);
                            gjord |= ctx.utfall(svar).is_some();
                        }
                    }
                }
                ui.end_row();
            }
        });
        if gjord {
            self.ladda(ctx);
        }
    }
}
