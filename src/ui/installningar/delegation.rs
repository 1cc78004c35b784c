//! The delegation order in Inställningar: the points valid today, whether it is still the
//! shipped example, and reading in the unit's own order (JSON) or saving the current one to
//! edit it.

use crate::arbete::{self, Aktor};
use crate::store::Store;
use crate::ui::tema::{self, Signal};
use crate::ui::widgetar::kolumnrubrik;
use egui::RichText;

/// Shows the order; returns a notice after reading in or saving.
pub fn visa(ui: &mut egui::Ui, store: &mut Store, aktor: &Aktor) -> Option<(Signal, String)> {
    let nu = aktor.nu;
    let ordning = match store.delegationsordning() {
        Ok(o) => o,
        Err(e) => return Some((Signal::Fel, e.to_string())),
    };
    if ordning.exempel {
        let farg = tema::signalfarg(Signal::Varning, ui.visuals().dark_mode);
        ui.label(RichText::new("Delegationsordningen är programmets EXEMPEL. Läs in nämndens egen.").color(farg));
    }
    match ordning.galler(nu.date()) {
        Some(v) => {
            ui.label(format!(
                "Gäller från {}. Beloppet är det beslutet beviljar (vid avslag det ansökta).",
                v.galler_fran
            ));
            egui::Grid::new("delegation").num_columns(4).striped(true).spacing([16.0, 4.0]).show(ui, |ui| {
                for k in ["Punkt", "Slags beslut", "Roll (titel)", "Högst"] {
                    kolumnrubrik(ui, k);
                }
                ui.end_row();
                for p in &v.punkter {
                    ui.label(&p.punkt);
                    ui.label(p.beslutstyp.namn());
                    ui.label(format!("{} ({})", p.roll, p.titel));
                    ui.label(p.hogst.map(|b| b.to_string()).unwrap_or_else(|| "utan gräns".into()));
                    ui.end_row();
                }
            });
        }
        None => {
            ui.label("Ingen version gäller i dag.");
        }
    }
    let mut svar = None;
    ui.horizontal(|ui| {
        if ui.button("Läs in delegationsordning (JSON) …").clicked()
            && let Some(fil) = rfd::FileDialog::new().add_filter("JSON", &["json"]).pick_file()
        {
            svar = Some(match std::fs::read_to_string(&fil) {
                Ok(text) => match arbete::delegation::las_in(store, aktor, &text) {
                    Ok(v) => (Signal::Klart, format!("Delegationsordningen är inläst som version {v}.")),
                    Err(e) => (Signal::Fel, e.to_string()),
                },
                Err(_) => (Signal::Fel, format!("Filen {} kan inte läsas.", fil.display())),
            });
        }
        if ui.button("Spara delegationsordningen som fil …").clicked()
            && let Some(fil) = rfd::FileDialog::new().set_file_name("delegationsordning.json").save_file()
        {
            let text = serde_json::to_string_pretty(&ordning).unwrap_or_default();
            svar = Some(match crate::filer::skriv(&fil, text) {
                Ok(()) => (Signal::Klart, format!("Delegationsordningen är sparad i {}.", fil.display())),
                Err(e) => (Signal::Fel, format!("Filen kan inte sparas: {}.", crate::filer::orsak(&e))),
            });
        }
    });
    svar
}
