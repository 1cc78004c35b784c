//! The first start: a real database without households. Says that this is the unit's real
//! database and offers two ways on: register the first household, or practise first in the
//! separate training database with fictitious households.

use crate::ui::tema;
use egui::{RichText, Ui};
use std::path::Path;

/// What the user chose; the shell carries it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Startval {
    NyttHushall,
    Ovningsdatabas,
}

pub const OVNINGSKNAPP: &str = "Öppna övningsdatabasen med påhittade hushåll";

/// Draws the panel centred in the area; `ovningsfil` is the training database it would open.
pub fn visa(ui: &mut Ui, ovningsfil: &Path) -> Option<Startval> {
    let mut val = None;
    ui.add_space(48.0);
    ui.vertical_centered(|ui| {
        let bredd = ui.available_width().min(680.0);
        egui::Frame::group(ui.style()).inner_margin(egui::Margin::same(28)).corner_radius(8.0).show(ui, |ui| {
            ui.set_width(bredd - 56.0);
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.spacing_mut().item_spacing.y = 8.0;
                val = innehall(ui, ovningsfil);
            });
        });
    });
    val
}

fn innehall(ui: &mut Ui, ovningsfil: &Path) -> Option<Startval> {
    let mut val = None;
    ui.label(RichText::new("Välkommen till Bistånd").text_style(tema::rubrik2()));
    ui.label(
        "Det här är enhetens riktiga databas, och den är ännu tom. Här registreras bara verkliga hushåll – \
         påhittade övningshushåll hamnar aldrig här.",
    );
    ui.add_space(tema::LUFT);
    ui.label(RichText::new("Börja arbeta").font(tema::fet(tema::TEXT_STORLEK + 1.0)));
    ui.label("Registrera det första hushållet. Det sparas i den riktiga databasen.");
    ui.horizontal(|ui| {
        if ui.button("Registrera nytt hushåll").on_hover_text("Ctrl+N").clicked() {
            val = Some(Startval::NyttHushall);
        }
        ui.label(RichText::new("eller Ctrl+N").weak());
    });
    ui.add_space(tema::LUFT);
    ui.separator();
    ui.add_space(tema::LUFT);
    ui.label(RichText::new("Öva först").font(tema::fet(tema::TEXT_STORLEK + 1.0)));
    ui.label(
        "Övningsdatabasen är en egen fil med tolv påhittade hushåll. Det du gör där stannar där, och hela \
         fönstret är märkt ÖVNINGSLÄGE. Starta programmet på nytt för att komma tillbaka till den riktiga databasen.",
    );
    if ui.button(OVNINGSKNAPP).clicked() {
        val = Some(Startval::Ovningsdatabas);
    }
    let fil = ovningsfil.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    ui.label(RichText::new(format!("Fil: {fil}, bredvid den riktiga databasen")).weak());
    val
}
