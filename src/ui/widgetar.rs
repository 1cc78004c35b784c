//! Shared widgets: labelled fields with their validation message, headings, notices.

use super::tema::{self, Signal};
use egui::{Response, RichText, Ui};

/// A text field with its label above it (tied for screen readers and tests) and, if given, the
/// validation message below it.
pub fn textfalt(ui: &mut Ui, etikett: &str, text: &mut String, fel: Option<&str>, bredd: f32) -> Response {
    ui.vertical(|ui| {
        // The column keeps the field's width; a message wraps below it instead of pushing neighbours.
        ui.set_width(bredd);
        let label = ui.label(etikett);
        let resp = ui.add(egui::TextEdit::singleline(text).desired_width(bredd)).labelled_by(label.id);
        if let Some(fel) = fel {
            felrad(ui, fel);
        }
        resp
    })
    .inner
}

/// A multi-line text area with its label above.
pub fn textyta(ui: &mut Ui, etikett: &str, text: &mut String, fel: Option<&str>, rader: usize) -> Response {
    ui.vertical(|ui| {
        let label = ui.label(etikett);
        let resp = ui
            .add(egui::TextEdit::multiline(text).desired_rows(rader).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if let Some(fel) = fel {
            felrad(ui, fel);
        }
        resp
    })
    .inner
}

/// A validation message in the error colour, with a sign so colour is never the only cue.
pub fn felrad(ui: &mut Ui, text: &str) {
    let farg = tema::signalfarg(Signal::Fel, ui.visuals().dark_mode);
    ui.label(RichText::new(format!("Fel: {text}")).color(farg));
}

/// A notice in a signal colour.
pub fn notis(ui: &mut Ui, signal: Signal, text: &str) {
    let farg = tema::signalfarg(signal, ui.visuals().dark_mode);
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, farg))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(12, 8))
        .show(ui, |ui| {
            ui.label(RichText::new(text).color(farg));
        });
}

pub fn rubrik(ui: &mut Ui, text: &str) {
    ui.add_space(tema::LUFT / 2.0);
    ui.label(RichText::new(text).text_style(tema::rubrik2()));
}

/// A label/value pair in a two-column grid.
pub fn rad(ui: &mut Ui, etikett: &str, varde: &str) {
    ui.label(RichText::new(etikett).weak());
    ui.label(varde);
    ui.end_row();
}

/// A drop-down list with its label above it, like the text fields.
pub fn valjlista<R>(ui: &mut Ui, etikett: &str, vald_text: &str, bredd: f32, innehall: impl FnOnce(&mut Ui) -> R) {
    ui.vertical(|ui| {
        let label = ui.label(etikett);
        let resp = egui::ComboBox::from_id_salt(etikett).selected_text(vald_text).width(bredd).show_ui(ui, innehall);
        resp.response.labelled_by(label.id);
    });
}

/// The main barrier to self-support, with "not assessed yet" as the empty choice.
pub fn valj_forsorjningshinder(ui: &mut Ui, vald: &mut Option<crate::domain::arende::Forsorjningshinder>) {
    use crate::domain::arende::Forsorjningshinder;
    let text = vald.map(|h| h.namn()).unwrap_or("Inte bedömt ännu");
    valjlista(ui, "Försörjningshinder", text, 320.0, |ui| {
        ui.selectable_value(vald, None, "Inte bedömt ännu");
        for h in Forsorjningshinder::ALLA {
            ui.selectable_value(vald, Some(*h), h.namn());
        }
    });
}

/// A text field in a table cell: no visible label (the column header says it), but an
/// accessible name for screen readers and tests.
pub fn cellfalt(ui: &mut Ui, namn: &str, text: &mut String, fel: bool, bredd: f32) -> Response {
    let mut edit = egui::TextEdit::singleline(text).desired_width(bredd);
    if fel {
        edit = edit.text_color(tema::signalfarg(Signal::Fel, ui.visuals().dark_mode));
    }
    ui.add_sized([bredd, 28.0], edit).accessible_name(namn)
}

/// A drop-down in a table cell, named for screen readers like [`cellfalt`].
pub fn cellval<R>(ui: &mut Ui, namn: &str, vald_text: &str, bredd: f32, innehall: impl FnOnce(&mut Ui) -> R) {
    egui::ComboBox::from_id_salt(namn)
        .selected_text(vald_text)
        .width(bredd)
        .show_ui(ui, innehall)
        .response
        .accessible_name(namn);
}

/// A column header of a form table.
pub fn kolumnrubrik(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).strong());
}

/// A form row in a two-column grid: the label to the left, the field to the right.
pub fn gridfalt(ui: &mut Ui, etikett: &str, text: &mut String, bredd: f32) -> Response {
    let label = ui.label(etikett);
    let resp = ui.add(egui::TextEdit::singleline(text).desired_width(bredd)).labelled_by(label.id);
    ui.end_row();
    resp
}

/// A store read for a screen: its value, or else the empty value with the Swedish error put in the
/// screen's message, so a database error is shown and never looks like an empty list.
pub fn las<T: Default, E: std::fmt::Display>(svar: Result<T, E>, meddelande: &mut Option<(Signal, String)>) -> T {
    svar.unwrap_or_else(|e| {
        *meddelande = Some((Signal::Fel, e.to_string()));
        T::default()
    })
}
