//! The Hushåll tab's history: who lived in the household when, the earlier addresses, and the
//! payee, interpreter and contact details.

use super::hushall::or_streck;
use crate::domain::utbetalning::Betalsatt;
use crate::domain::utbetalning::giro_text;
use crate::store::HushallVy;
use crate::ui::widgetar::{rad, rubrik};
use egui::RichText;

/// Payee, interpreter and contact.
pub fn visa_uppgifter(ui: &mut egui::Ui, h: &HushallVy) {
    rubrik(ui, "Utbetalning och kontakt");
    let u = &h.uppgifter;
    egui::Grid::new("uppgifter").num_columns(2).spacing([24.0, 8.0]).show(ui, |ui| {
        let betalning = match u.betalsatt {
            None => "Ingen uppgift".to_string(),
            Some(Betalsatt::Bankkonto) => format!("Bankkonto, clearingnummer {}, konto {}", u.clearing, u.konto),
            Some(b) => format!("{} {}", b.namn(), giro_text(b, &u.konto)),
        };
        rad(ui, "Utbetalning", &betalning);
        if !u.mottagare.is_empty() {
            rad(ui, "Betalningsmottagare", &u.mottagare);
        }
        let tolk = if u.tolk_sprak.is_empty() { "Nej".to_string() } else { format!("Ja, {}", u.tolk_sprak) };
        rad(ui, "Behöver tolk", &tolk);
        rad(ui, "E-post", or_streck(&u.epost));
        rad(ui, "Kontaktas helst via", u.kontaktsatt.map(|k| k.namn()).unwrap_or("–"));
    });
}

/// "Historik": every membership with its period, and the earlier addresses (hidden like the
/// address itself when the household has protected identity).
pub fn visa(ui: &mut egui::Ui, h: &HushallVy, dold: bool) {
    rubrik(ui, "Historik");
    let mut perioder: Vec<_> = h.historik.iter().collect();
    perioder.sort_by_key(|m| (m.fran, m.till.is_none()));
    egui::Grid::new("historik").num_columns(4).striped(true).spacing([24.0, 8.0]).show(ui, |ui| {
        for rubrik in ["Namn", "Roll", "Bodde i hushållet", "Flyttade till"] {
            ui.label(RichText::new(rubrik).strong());
        }
        ui.end_row();
        for m in perioder {
            ui.label(m.medlem.person.namn());
            ui.label(m.medlem.roll.namn());
            ui.label(m.period());
            let vart = if dold && !m.flyttat_till.is_empty() { "(dold)" } else { or_streck(&m.flyttat_till) };
            ui.label(if m.till.is_none() { "" } else { vart });
            ui.end_row();
        }
    });
    ui.add_space(8.0);
    ui.label(RichText::new("Adresser").strong());
    egui::Grid::new("adresser").num_columns(2).spacing([24.0, 6.0]).show(ui, |ui| {
        rad(ui, &format!("{} –", h.adress_fran), "Nuvarande adress (se ovan)");
        for a in &h.tidigare_adresser {
            let text = if dold {
                "(dold)".to_string()
            } else {
                format!("{}, telefon {}", a.adress.en_rad(), or_streck(&a.telefon))
            };
            rad(ui, &format!("{} – {}", a.fran, a.till), &text);
        }
    });
}
