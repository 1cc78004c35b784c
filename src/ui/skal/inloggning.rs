//! Before anything else: the first user of a new database, or the login; and the lock that
//! covers the window after the unit's idle time until the user's password is given again (the
//! tabs underneath keep everything typed).

use crate::arbete::{self, Aktor};
use crate::domain::anvandare::{AnvandarFormular, STANDARD_LAS_MINUTER};
use crate::store::Store;
use crate::ui::tema;
use crate::ui::widgetar::{felrad, textfalt};
use chrono::NaiveDateTime;
use egui::{Id, RichText, Ui};

/// The setting with the idle minutes before the window locks.
pub const LAS_MINUTER: &str = "las_minuter";

/// The idle minutes the unit set (15 unless set).
pub fn las_minuter(store: &Store) -> i64 {
    store
        .installning(LAS_MINUTER)
        .ok()
        .flatten()
        .and_then(|m| m.trim().parse::<i64>().ok())
        .filter(|m| (1..=480).contains(m))
        .unwrap_or(STANDARD_LAS_MINUTER)
}

/// The login screen's fields.
#[derive(Default)]
pub struct Inloggning {
    login: String,
    losenord: String,
    forsta: AnvandarFormular,
    igen: String,
    fel: Option<String>,
    /// The login field has had the focus once.
    fokuserad: bool,
}

/// A password field with its label tied to it.
pub fn losenordsfalt(ui: &mut Ui, etikett: &str, text: &mut String, bredd: f32) -> egui::Response {
    ui.vertical(|ui| {
        ui.set_width(bredd);
        let label = ui.label(etikett);
        ui.add(egui::TextEdit::singleline(text).password(true).desired_width(bredd)).labelled_by(label.id)
    })
    .inner
}

fn ruta<R>(ui: &mut Ui, innehall: impl FnOnce(&mut Ui) -> R) -> R {
    ui.add_space(60.0);
    ui.vertical_centered(|ui| {
        let bredd = ui.available_width().min(520.0);
        egui::Frame::group(ui.style())
            .inner_margin(egui::Margin::same(28))
            .corner_radius(8.0)
            .show(ui, |ui| {
                ui.set_width(bredd - 56.0);
                ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                    ui.spacing_mut().item_spacing.y = 8.0;
                    innehall(ui)
                })
                .inner
            })
            .inner
    })
    .inner
}

impl Inloggning {
    /// Draws the first-user form (a database without users) or the login; the logged-in user
    /// once the password is right.
    pub fn visa(&mut self, ui: &mut Ui, store: &mut Store, ovning: bool, nu: NaiveDateTime) -> Option<Aktor> {
        let forsta = store.antal_anvandare().is_ok_and(|n| n == 0);
        ruta(ui, |ui| if forsta { self.forsta_anvandaren(ui, store, nu) } else { self.logga_in(ui, store, ovning, nu) })
    }

    fn logga_in(&mut self, ui: &mut Ui, store: &mut Store, ovning: bool, nu: NaiveDateTime) -> Option<Aktor> {
        ui.label(RichText::new("Logga in i Bistånd").text_style(tema::rubrik2()));
        ui.label(RichText::new(format!("Databas: {}", store.visningsnamn())).weak());
        if ovning {
            ui.label(
                "Övningsdatabas: logga in som ulrika (handläggare), tobias (1:e socialsekreterare), helena \
                 (kassa), maria (enhetschef) eller sven (systemförvaltare). Lösenordet är ovning.",
            );
        }
        let r1 = textfalt(ui, "Inloggningsnamn", &mut self.login, None, 300.0);
        if !std::mem::replace(&mut self.fokuserad, true) {
            r1.request_focus();
        }
        let r2 = losenordsfalt(ui, "Lösenord", &mut self.losenord, 300.0);
        if let Some(fel) = &self.fel {
            felrad(ui, fel);
        }
        let enter = r2.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("Logga in").clicked() || enter {
            let svar = arbete::anvandare::logga_in(store, &self.login, &self.losenord, nu);
            self.losenord.clear();
            match svar {
                Ok(aktor) => {
                    self.fel = None;
                    return Some(aktor);
                }
                Err(e) => self.fel = Some(e.to_string()),
            }
        }
        None
    }

    fn forsta_anvandaren(&mut self, ui: &mut Ui, store: &mut Store, nu: NaiveDateTime) -> Option<Aktor> {
        ui.label(RichText::new("Välkommen till Bistånd").text_style(tema::rubrik2()));
        ui.label(
            "Databasen är ny och har ännu inga användare. Lägg upp dig själv som den första användaren: du blir \
             systemförvaltare och lägger sedan upp enhetens övriga användare under Inställningar → Användare.",
        );
        let f = &mut self.forsta;
        // The message stands at the field it is about, and goes as soon as anything is changed.
        let fel = self.fel.as_deref();
        let vid = |falt: Forstafalt| fel.filter(|t| forstafalt(t) == falt);
        let mut andrat = textfalt(ui, "Namn", &mut f.namn, vid(Forstafalt::Namn), 360.0).changed();
        andrat |= textfalt(ui, "Titel", &mut f.titel, vid(Forstafalt::Titel), 360.0).changed();
        andrat |= textfalt(ui, "Inloggningsnamn", &mut f.login, vid(Forstafalt::Login), 240.0).changed();
        andrat |= losenordsfalt(ui, "Lösenord (minst 10 tecken)", &mut self.losenord, 240.0).changed();
        andrat |= losenordsfalt(ui, "Lösenord igen", &mut self.igen, 240.0).changed();
        if let Some(text) = vid(Forstafalt::Losenord).or(vid(Forstafalt::Ovrigt)) {
            felrad(ui, text);
        }
        if andrat {
            self.fel = None;
        }
        if ui.button("Skapa användaren och logga in").clicked() {
            let svar = arbete::anvandare::skapa_forsta_anvandare(store, &self.forsta, &self.losenord, &self.igen, nu);
            match svar {
                Ok(aktor) => {
                    *self = Inloggning::default();
                    return Some(aktor);
                }
                Err(e) => {
                    // Both password fields start over after a refusal.
                    self.losenord.clear();
                    self.igen.clear();
                    self.fel = Some(e.to_string());
                }
            }
        }
        None
    }
}

/// The field of the first-user form a message is about.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Forstafalt {
    Namn,
    Titel,
    Login,
    Losenord,
    Ovrigt,
}

fn forstafalt(text: &str) -> Forstafalt {
    if text.starts_with("Inloggningsnamn") {
        Forstafalt::Login
    } else if text.contains("titel") {
        Forstafalt::Titel
    } else if text.contains("namn") {
        Forstafalt::Namn
    } else if text.to_lowercase().contains("lösenord") {
        Forstafalt::Losenord
    } else {
        Forstafalt::Ovrigt
    }
}

/// The idle lock: when the user was last active, and the password typed to unlock.
pub struct Las {
    pub senast_aktiv: NaiveDateTime,
    pub minuter: i64,
    pub last: bool,
    losenord: String,
    fel: Option<String>,
    fokus: bool,
}

impl Las {
    pub fn ny(nu: NaiveDateTime, minuter: i64) -> Las {
        Las { senast_aktiv: nu, minuter, last: false, losenord: String::new(), fel: None, fokus: false }
    }

    /// Locks once the idle time has passed – checked before this frame's input counts, so the
    /// first touch after a long pause meets the lock – and otherwise notes input as activity.
    /// Asks for a frame at the moment the lock is due (egui draws only on input otherwise).
    pub fn folj(&mut self, ctx: &egui::Context, nu: NaiveDateTime) {
        if self.last {
            return;
        }
        let grans = chrono::Duration::minutes(self.minuter);
        if nu - self.senast_aktiv >= grans {
            self.last = true;
            self.fokus = true;
            self.losenord.clear();
            self.fel = None;
            return;
        }
        if ctx.input(|i| !i.events.is_empty() || i.pointer.delta() != egui::Vec2::ZERO) {
            self.senast_aktiv = nu;
        }
        let kvar = (self.senast_aktiv + grans - nu).to_std().unwrap_or_default();
        ctx.request_repaint_after(kvar + std::time::Duration::from_secs(1));
    }

    /// The lock over the whole window (an opaque modal on top of everything); true once the
    /// right password unlocks it.
    pub fn visa(&mut self, ctx: &egui::Context, store: &mut Store, aktor: &Aktor, nu: NaiveDateTime) -> bool {
        let mut upplast = false;
        let bakgrund = ctx.global_style().visuals.panel_fill;
        // Anchored at the top: a message after a wrong password does not move the field.
        let yta = egui::Modal::default_area(Id::unique("fonsterlas")).anchor(egui::Align2::CENTER_TOP, [0.0, 120.0]);
        egui::Modal::new(Id::unique("fonsterlas")).area(yta).backdrop_color(bakgrund).show(ctx, |ui| {
            ui.set_width(440.0);
            ui.label(RichText::new("Fönstret är låst").text_style(tema::rubrik2()));
            let enhet = if self.minuter == 1 { "minut" } else { "minuter" };
            ui.label(format!(
                "Ingen aktivitet på {} {enhet}. {} ({}): skriv ditt lösenord för att fortsätta. Inget av det du \
                 höll på med har försvunnit.",
                self.minuter, aktor.namn, aktor.login
            ));
            let r = losenordsfalt(ui, "Lösenord", &mut self.losenord, 300.0);
            if std::mem::take(&mut self.fokus) {
                r.request_focus();
            }
            if let Some(fel) = &self.fel {
                felrad(ui, fel);
            }
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button("Lås upp").clicked() || enter {
                let svar = arbete::anvandare::las_upp(store, aktor, &self.losenord, nu);
                self.losenord.clear();
                match svar {
                    Ok(_) => {
                        self.last = false;
                        self.fel = None;
                        self.senast_aktiv = nu;
                        upplast = true;
                    }
                    // The lock asks only for the password: say that, not "login or password".
                    Err(e) => {
                        self.fel = Some(e.to_string().replace("Inloggningsnamnet eller lösenordet", "Lösenordet"))
                    }
                }
            }
        });
        upplast
    }
}
