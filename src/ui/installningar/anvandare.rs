//! Inställningar → Användare (the systemförvaltare): the users, a new user, a changed role or
//! title, deactivation, a new password, and the idle time before the window locks. Every
//! change goes through `arbete::anvandare` and is logged.

use crate::arbete::{self, Aktor};
use crate::domain::anvandare::{AnvandarFormular, Roll};
use crate::store::{Anvandare, Store};
use crate::ui::krock::Krockvakt;
use crate::ui::skal::inloggning::{LAS_MINUTER, las_minuter, losenordsfalt};
use crate::ui::tema::Signal;
use crate::ui::widgetar::{las, notis, textfalt, valjlista};

pub struct Anvandarsida {
    lista: Vec<Anvandare>,
    /// The user being changed (a login name), or a new one when `None`.
    vald: Option<String>,
    /// The user being changed as the form read it (its version is what a save carries).
    last: Option<Anvandare>,
    /// A change another systemförvaltare saved meanwhile: shown at the form until read in.
    krock: Krockvakt,
    form: AnvandarFormular,
    losenord: String,
    igen: String,
    minuter: String,
    meddelande: Option<(Signal, String)>,
}

impl Anvandarsida {
    pub fn ny(store: &Store) -> Anvandarsida {
        let mut meddelande = None;
        Anvandarsida {
            lista: las(store.anvandare(), &mut meddelande),
            vald: None,
            last: None,
            krock: Krockvakt::default(),
            form: AnvandarFormular::default(),
            losenord: String::new(),
            igen: String::new(),
            minuter: las_minuter(store).to_string(),
            meddelande,
        }
    }

    fn klart(&mut self, store: &Store, text: String) {
        self.lista = las(store.anvandare(), &mut self.meddelande);
        self.losenord.clear();
        self.igen.clear();
        self.krock.rensa();
        self.last = self.vald.as_ref().and_then(|l| self.lista.iter().find(|a| &a.login == l)).cloned();
        self.meddelande = Some((Signal::Klart, text));
    }

    pub fn visa(&mut self, ui: &mut egui::Ui, store: &mut Store, aktor: &Aktor) {
        if let Some((signal, text)) = &self.meddelande {
            notis(ui, *signal, text);
        }
        egui::Grid::new("anvandare").striped(true).spacing([18.0, 6.0]).show(ui, |ui| {
            for rubrik in ["Inloggning", "Namn", "Titel", "Roll", ""] {
                ui.strong(rubrik);
            }
            ui.end_row();
            for a in self.lista.clone() {
                ui.label(&a.login);
                ui.label(&a.namn);
                ui.label(&a.titel);
                ui.label(if a.aktiv { a.roll.namn().to_string() } else { format!("{} (inaktiverad)", a.roll.namn()) });
                if ui.button(format!("Ändra {}", a.login)).clicked() {
                    self.form = AnvandarFormular {
                        login: a.login.clone(),
                        namn: a.namn.clone(),
                        titel: a.titel.clone(),
                        roll: Some(a.roll),
                    };
                    self.vald = Some(a.login.clone());
                    self.last = Some(a);
                    self.krock.rensa();
                }
                ui.end_row();
            }
        });
        ui.add_space(8.0);
        match self.vald.clone() {
            None => self.ny_anvandare(ui, store, aktor),
            Some(login) => self.andra(ui, store, aktor, &login),
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            textfalt(ui, "Lås fönstret efter (minuter utan aktivitet)", &mut self.minuter, None, 120.0);
            if ui.button("Spara tiden").clicked() {
                match self.minuter.trim().parse::<i64>() {
                    Ok(m) if (1..=480).contains(&m) => match store.satt_installning(LAS_MINUTER, &m.to_string()) {
                        Ok(()) => {
                            self.meddelande = Some((
                                Signal::Klart,
                                format!(
                                    "Fönstret låses efter {}.",
                                    crate::domain::klarsprak::antal(m as u64, "minut", "minuter")
                                ),
                            ))
                        }
                        Err(e) => self.meddelande = Some((Signal::Fel, e.to_string())),
                    },
                    _ => self.meddelande = Some((Signal::Fel, "Ange 1–480 minuter.".into())),
                }
            }
        });
    }

    fn falt(&mut self, ui: &mut egui::Ui, ny: bool) {
        ui.horizontal_wrapped(|ui| {
            if ny {
                textfalt(ui, "Användarens inloggningsnamn", &mut self.form.login, None, 200.0);
            }
            textfalt(ui, "Användarens namn", &mut self.form.namn, None, 220.0);
            textfalt(ui, "Användarens titel", &mut self.form.titel, None, 220.0);
            let vald = self.form.roll.map(|r| r.namn()).unwrap_or("Välj roll");
            valjlista(ui, "Användarens roll", vald, 220.0, |ui| {
                for r in Roll::ALLA {
                    ui.selectable_value(&mut self.form.roll, Some(*r), r.namn());
                }
            });
        });
    }

    fn ny_anvandare(&mut self, ui: &mut egui::Ui, store: &mut Store, aktor: &Aktor) {
        ui.strong("Ny användare");
        self.falt(ui, true);
        ui.horizontal(|ui| {
            losenordsfalt(ui, "Lösenord (minst 10 tecken)", &mut self.losenord, 220.0);
            losenordsfalt(ui, "Lösenord igen", &mut self.igen, 220.0);
        });
        if ui.button("Lägg till användaren").clicked() {
            match arbete::anvandare::ny_anvandare(store, aktor, &self.form, &self.losenord, &self.igen) {
                Ok(a) => {
                    self.form = AnvandarFormular::default();
                    self.klart(store, format!("{} ({}) är tillagd.", a.namn, a.login));
                }
                Err(e) => self.meddelande = Some((Signal::Fel, e.to_string())),
            }
        }
    }

    fn andra(&mut self, ui: &mut egui::Ui, store: &mut Store, aktor: &Aktor, login: &str) {
        ui.strong(format!("Ändra {login}"));
        self.falt(ui, false);
        if self.krock.visa(ui) {
            self.las_in(store, login);
        }
        ui.horizontal(|ui| {
            if ui.button("Spara ändringen").clicked() {
                match arbete::anvandare::andra_anvandare(store, aktor, &self.form, self.version()) {
                    Ok(a) => self.klart(store, format!("{} är ändrad.", a.login)),
                    Err(e) => self.fel(e),
                }
            }
            if ui.button("Inaktivera").clicked() {
                match arbete::anvandare::inaktivera(store, aktor, login, self.version()) {
                    Ok(()) => self.klart(store, format!("{login} är inaktiverad och kan inte längre logga in.")),
                    Err(e) => self.fel(e),
                }
            }
            if ui.button("Ny användare i stället").clicked() {
                self.vald = None;
                self.form = AnvandarFormular::default();
            }
        });
        ui.horizontal(|ui| {
            losenordsfalt(ui, "Nytt lösenord", &mut self.losenord, 220.0);
            losenordsfalt(ui, "Nytt lösenord igen", &mut self.igen, 220.0);
            if ui.button("Återställ lösenordet").clicked() {
                match arbete::anvandare::aterstall_losenord(store, aktor, login, &self.losenord, &self.igen) {
                    Ok(()) => self.klart(store, format!("{login} har fått ett nytt lösenord.")),
                    Err(e) => self.meddelande = Some((Signal::Fel, e.to_string())),
                }
            }
        });
    }

    /// A refused save: a race is shown at the form (the typed values stay), anything else above.
    fn fel(&mut self, e: arbete::Arbetsfel) {
        if self.krock.fanga(&e) {
            self.meddelande = None;
        } else {
            self.meddelande = Some((Signal::Fel, e.to_string()));
        }
    }

    /// The version of the user the form read.
    fn version(&self) -> Option<i64> {
        self.last.as_ref().map(|a| a.version)
    }

    /// "Läs in den nya versionen": the user as another systemförvaltare saved it; what was
    /// changed here stays in the form on top of it, to save again.
    fn las_in(&mut self, store: &Store, login: &str) {
        self.lista = las(store.anvandare(), &mut self.meddelande);
        let Some(ny) = self.lista.iter().find(|a| a.login == login).cloned() else { return };
        if let Some(fore) = &self.last {
            if self.form.namn == fore.namn {
                self.form.namn.clone_from(&ny.namn);
            }
            if self.form.titel == fore.titel {
                self.form.titel.clone_from(&ny.titel);
            }
            if self.form.roll == Some(fore.roll) {
                self.form.roll = Some(ny.roll);
            }
        }
        let aktiv = if ny.aktiv { "" } else { ", inaktiverad" };
        self.krock.inlast(&format!("{}, {}, {}{aktiv}", ny.namn, ny.titel, ny.roll.namn().to_lowercase()));
        self.last = Some(ny);
    }
}
