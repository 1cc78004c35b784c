//! The Beslut tab's barnkonsekvensanalys: one group per child before an avslag or delavslag on a
//! household with children (the letter's "Barnets bästa" is built from it), otherwise the
//! caseworker's own text on how the children were considered.

use crate::domain::beslut::barn::Barnbedomning;
use crate::domain::beslut::formular::BeslutsFormular;
use crate::domain::falt::{Barnuppgift, Falt, FaltFel, fel_for};
use crate::ui::widgetar::{felrad, textyta};
use egui::RichText;

/// Draws what the decision needs about the children; `barnen` are the household's children's
/// first names (an older draft without an analysis gets one per child).
pub fn visa(ui: &mut egui::Ui, f: &mut BeslutsFormular, barnen: &[String], fel: &[FaltFel]) {
    let poster: Vec<_> = f
        .poster
        .iter()
        .filter_map(|p| match BeslutsFormular::belopp(p) {
            (Some(ansokt), Some(beviljat)) => Some(crate::domain::beslut::Beslutspost {
                sak: String::new(),
                ansokt,
                beviljat,
                motivering: String::new(),
                utover_ratten: false,
                mot_aterkrav: None,
            }),
            _ => None,
        })
        .collect();
    if !BeslutsFormular::kraver_barnanalys(&poster, !barnen.is_empty()) {
        textyta(
            ui,
            "Barnets bästa: hur har barnen beaktats?",
            &mut f.barnets_basta,
            fel_for(fel, Falt::BarnetsBasta),
            3,
        );
        return;
    }
    if f.barn.is_empty() {
        f.barn = Barnbedomning::for_barn(barnen);
    }
    ui.label(RichText::new("Barnkonsekvensanalys – för varje barn, innan beslutet fattas").strong());
    if let Some(e) = fel_for(fel, Falt::BarnetsBasta) {
        felrad(ui, e);
    }
    for (i, b) in f.barn.iter_mut().enumerate() {
        let n = b.namn.clone();
        ui.group(|ui| {
            ui.label(RichText::new(&n).strong());
            let falt: [(Barnuppgift, String, &mut String); 4] = [
                (Barnuppgift::Paverkan, format!("{n}: hur påverkar beslutet barnet?"), &mut b.paverkan),
                (
                    Barnuppgift::Asikt,
                    format!("{n}: har barnets åsikt inhämtats, och vad var den? (annars varför inte)"),
                    &mut b.asikt,
                ),
                (Barnuppgift::Vagt, format!("{n}: vad har vägts mot barnets bästa?"), &mut b.vagt),
                (Barnuppgift::Slutsats, format!("{n}: slutsats"), &mut b.slutsats),
            ];
            for (uppgift, etikett, text) in falt {
                textyta(ui, &etikett, text, fel_for(fel, Falt::Barn(i, uppgift)), 2);
            }
        });
    }
}
