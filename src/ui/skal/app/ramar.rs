//! The shell's frame: the top bar, the status bar, the training marking and the small reason
//! dialog. A child of `app` so that it reaches the shell's state.

use super::{BistandApp, Kommando, SOK_ID};
use crate::domain::anvandare::Roll;
use crate::ui::tema::{self, Signal};
use egui::{Id, RichText};

impl BistandApp {
    pub(super) fn toppfalt(&mut self, ui: &mut egui::Ui) {
        let ovning = self.ovning;
        let mut frame = egui::Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::symmetric(12, 8));
        if ovning {
            frame = frame.fill(tema::OVNING_BAKGRUND);
        }
        egui::Panel::top("toppfalt").frame(frame).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new("Bistånd").font(tema::fet(22.0)).color(tema::ACCENT));
                if ovning {
                    // Short, so that the top bar fits a laptop; the frame and the status bar say more.
                    ui.label(RichText::new("ÖVNING").font(tema::fet(18.0)).color(tema::OVNING_TEXT))
                        .on_hover_text("Övningsläge – fiktiva ärenden");
                }
                ui.add_space(16.0);
                let label = ui.label("Sök");
                let resp = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.lista.fraga)
                            .id(Id::unique(SOK_ID))
                            .hint_text("Ärende, personnummer, namn …  Ctrl+F")
                            .desired_width(330.0),
                    )
                    .labelled_by(label.id);
                if self.fokusera_sok {
                    resp.request_focus();
                    self.fokusera_sok = false;
                }
                // Only for those who may register one (the use case checks it either way).
                let far_registrera = self.inloggad.as_ref().is_some_and(|a| {
                    crate::arbete::behorighet::tillater(a.roll, crate::store::Handelse::RegistreradeHushall)
                });
                if far_registrera && ui.button("Nytt hushåll").on_hover_text("Ctrl+N").clicked() {
                    self.kor(Kommando::NyttHushall);
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| self.hogerknappar(ui));
            });
        });
    }

    /// The top bar's buttons on the right, each shown to the roles it is for (the use cases
    /// check the permission either way).
    fn hogerknappar(&mut self, ui: &mut egui::Ui) {
        let namn = self.anvandarnamn();
        let roll = self.inloggad.as_ref().map(|a| a.roll);
        // Who is logged in stands in the status bar; the button says what it opens.
        let installningar = format!("Inloggad som {namn}: du, enheten, regler och underhåll");
        let knappar = [
            (true, "Inställningar".to_string(), installningar.as_str(), Kommando::Installningar),
            // The kassa works with payments only; everyone else follows the unit and its årshjul.
            (
                roll.is_some_and(|r| r != Roll::Kassa),
                "Statistik".into(),
                "Enhetens nyckeltal, diagram och rapporter",
                Kommando::Statistik,
            ),
            (true, "Att göra".into(), "Uppföljningar, planer att skriva om och osignerade planer", Kommando::AttGora),
            (true, "Kommandon".into(), "Ctrl+K", Kommando::Palett),
            (
                roll.is_some_and(|r| {
                    crate::arbete::behorighet::tillater(r, crate::store::Handelse::AttesteradeUtbetalning)
                }),
                "Kassa".into(),
                "Dagens utbetalningar: attestera, stoppa, skapa bankfil",
                Kommando::Kassa,
            ),
            (roll == Some(Roll::Enhetschef), "Loggkontroll".into(), "Granska åtkomstloggen", Kommando::Loggkontroll),
        ];
        for (visas, text, tips, kommando) in knappar {
            if visas && ui.button(text).on_hover_text(tips).clicked() {
                self.kor(kommando);
            }
        }
    }

    pub(super) fn statusrad(&mut self, ui: &mut egui::Ui) {
        let mut logga_ut = false;
        egui::Panel::bottom("statusrad").show(ui, |ui| {
            ui.horizontal(|ui| {
                // A server's address can be long: shortened here, whole when hovered, so the
                // rest of the bar (who is logged in, ÖVNINGSLÄGE) stays in view.
                let databas = format!("Databas: {}", self.store.visningsnamn());
                ui.scope(|ui| {
                    ui.set_max_width(360.0);
                    ui.add(egui::Label::new(RichText::new(&databas).small()).truncate()).on_hover_text(&databas);
                });
                ui.separator();
                let sparat = match self.sparat {
                    Some(t) => format!("Sparat {}", t.format("%H:%M:%S")),
                    None => "Inget osparat".into(),
                };
                ui.label(RichText::new(sparat).small());
                if let Some(kopia) = &self.kopiering.senast {
                    ui.separator();
                    ui.label(RichText::new(kopia).small());
                }
                if let Some(a) = &self.inloggad {
                    ui.separator();
                    let text = if self.ovningsanvandare {
                        format!(
                            "Inloggad automatiskt som övningsanvändaren {} ({})",
                            a.namn,
                            a.roll.namn().to_lowercase()
                        )
                    } else {
                        format!("Inloggad: {}, {} ({})", a.namn, a.titel, a.roll.namn().to_lowercase())
                    };
                    ui.label(RichText::new(text).small());
                    if ui
                        .small_button("Logga ut")
                        .on_hover_text("Tillbaka till inloggningen (utkast finns kvar)")
                        .clicked()
                    {
                        logga_ut = true;
                    }
                }
                if self.ovning {
                    ui.separator();
                    let farg = tema::signalfarg(Signal::Ovning, ui.visuals().dark_mode);
                    ui.label(RichText::new("ÖVNINGSLÄGE").strong().color(farg));
                }
            });
        });
        if logga_ut {
            self.logga_ut();
        }
    }
}

/// The whole window carries the training marking.
pub(super) fn ovningsram(ctx: &egui::Context) {
    let farg = tema::signalfarg(Signal::Ovning, false);
    ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, Id::unique("ovningsram"))).rect_stroke(
        ctx.content_rect().shrink(2.0),
        0.0,
        egui::Stroke::new(4.0, farg),
        egui::StrokeKind::Inside,
    );
}

/// Why a case the user is not assigned to is opened: `Some(Some(reason))` opens it,
/// `Some(None)` cancels.
pub(super) fn skaldialog(ui: &mut egui::Ui, text: &str, skal: &mut String) -> Option<Option<String>> {
    ui.heading("Ärendet är inte ditt");
    ui.label(text);
    crate::ui::widgetar::textfalt(ui, "Skäl till att öppna ärendet", skal, None, 500.0);
    let mut svar = None;
    ui.horizontal(|ui| {
        let giltigt = skal.trim().chars().count() >= 3;
        if ui.add_enabled(giltigt, egui::Button::new("Öppna ärendet")).clicked() {
            svar = Some(Some(skal.trim().to_string()));
        }
        if ui.button("Avbryt").clicked() {
            svar = Some(None);
        }
    });
    svar
}

/// Letters are saved under the user's documents folder ("Bistånd"), else beside the database.
pub(super) fn standard_utskriftsmapp() -> std::path::PathBuf {
    directories::UserDirs::new()
        .and_then(|u| u.document_dir().map(|d| d.join("Bistånd")))
        .unwrap_or_else(|| crate::ui::standarddatabas(false).with_file_name("brev"))
}
