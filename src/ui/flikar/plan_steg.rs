//! The plan's steps that are tables rather than free text: step 5 (who does what by when),
//! step 7 (follow-up dates) and step 8 (requirements), with their messages and the keyboard
//! given to a row just added.

use crate::domain::falt::{Falt, FaltFel, Steguppgift, fel_for};
use crate::domain::plan::{Atgard, Planinnehall, Uppfoljningsdag, Vem};
use crate::ui::widgetar::{cellfalt, cellval, felrad, kolumnrubrik};

/// The messages shown now: all of them after an attempt to agree the plan, before that only a
/// date typed in the wrong form (an empty new row is not an error yet).
pub(super) fn synliga(fel: &[FaltFel], p: &Planinnehall, alla: bool) -> Vec<FaltFel> {
    let ifylld = |t: Option<&String>| t.is_some_and(|t| !t.trim().is_empty());
    fel.iter()
        .filter(|f| {
            alla || match f.falt {
                Falt::Steg(i, Steguppgift::Senast) => ifylld(p.steg.get(i).map(|a| &a.senast)),
                Falt::Uppfoljningsdag(i) => ifylld(p.uppfoljning.get(i).map(|u| &u.datum)),
                _ => false,
            }
        })
        .cloned()
        .collect()
}

/// Gives the keyboard to the field named `namn` when it is the one asked for.
fn ta_fokus(resp: egui::Response, namn: &str, fokus: &mut Option<String>) {
    if fokus.as_deref() == Some(namn) {
        resp.request_focus();
        *fokus = None;
    }
}

/// Step 5: concrete steps, each with who does it and by when.
pub(super) fn steg5(ui: &mut egui::Ui, p: &mut Planinnehall, fel: &[FaltFel], fokus: &mut Option<String>) {
    let mut ta_bort = None;
    if !p.steg.is_empty() {
        egui::Grid::new("steg5").num_columns(4).spacing([10.0, 8.0]).show(ui, |ui| {
            for k in ["Steg", "Vem", "Senast", ""] {
                kolumnrubrik(ui, k);
            }
            ui.end_row();
            for (i, a) in p.steg.iter_mut().enumerate() {
                let n = i + 1;
                let vad = format!("Steg 5, rad {n}: vad");
                let fel_vad = fel_for(fel, Falt::Steg(i, Steguppgift::Vad)).is_some();
                ta_fokus(cellfalt(ui, &vad, &mut a.vad, fel_vad, 320.0), &vad, fokus);
                cellval(
                    ui,
                    &format!("Steg 5, rad {n}: vem"),
                    a.vem.map(|v| v.namn()).unwrap_or("Välj …"),
                    150.0,
                    |ui| {
                        for v in Vem::ALLA {
                            ui.selectable_value(&mut a.vem, Some(*v), v.namn());
                        }
                    },
                );
                let fel_senast = fel_for(fel, Falt::Steg(i, Steguppgift::Senast)).is_some();
                cellfalt(ui, &format!("Steg 5, rad {n}: senast"), &mut a.senast, fel_senast, 110.0);
                if ui.button("Ta bort").accessible_name(format!("Ta bort steg {n}")).clicked() {
                    ta_bort = Some(i);
                }
                ui.end_row();
            }
        });
    }
    for f in fel.iter().filter(|f| matches!(f.falt, Falt::Steg(..))) {
        felrad(ui, &f.text);
    }
    if let Some(i) = ta_bort {
        p.steg.remove(i);
    }
    if ui.button("Lägg till steg").clicked() {
        p.steg.push(Atgard { vem: Some(Vem::Klienten), ..Default::default() });
        *fokus = Some(format!("Steg 5, rad {}: vad", p.steg.len()));
    }
}

/// Step 7: the follow-up dates.
pub(super) fn steg7(ui: &mut egui::Ui, p: &mut Planinnehall, fel: &[FaltFel], fokus: &mut Option<String>) {
    let mut ta_bort = None;
    for (i, u) in p.uppfoljning.iter_mut().enumerate() {
        let n = i + 1;
        ui.horizontal(|ui| {
            let datum = format!("Uppföljning {n}: datum");
            let fel_datum = fel_for(fel, Falt::Uppfoljningsdag(i)).is_some();
            ta_fokus(cellfalt(ui, &datum, &mut u.datum, fel_datum, 110.0), &datum, fokus);
            cellfalt(ui, &format!("Uppföljning {n}: vad"), &mut u.vad, false, 360.0);
            if ui.button("Ta bort").accessible_name(format!("Ta bort uppföljning {n}")).clicked() {
                ta_bort = Some(i);
            }
        });
    }
    for f in fel.iter().filter(|f| matches!(f.falt, Falt::Uppfoljningsdag(_))) {
        felrad(ui, &f.text);
    }
    if let Some(i) = ta_bort {
        p.uppfoljning.remove(i);
    }
    if ui.button("Lägg till uppföljningsdatum").clicked() {
        p.uppfoljning.push(Uppfoljningsdag { datum: String::new(), vad: "Uppföljningsmöte".into() });
        *fokus = Some(format!("Uppföljning {}: datum", p.uppfoljning.len()));
    }
}

/// Step 8: what the right to assistance requires.
pub(super) fn steg8(ui: &mut egui::Ui, p: &mut Planinnehall, fokus: &mut Option<String>) {
    let mut ta_bort = None;
    for (i, k) in p.krav.iter_mut().enumerate() {
        let n = i + 1;
        ui.horizontal(|ui| {
            let namn = format!("Krav {n}");
            ta_fokus(cellfalt(ui, &namn, k, false, 520.0), &namn, fokus);
            if ui.button("Ta bort").accessible_name(format!("Ta bort krav {n}")).clicked() {
                ta_bort = Some(i);
            }
        });
    }
    if let Some(i) = ta_bort {
        p.krav.remove(i);
    }
    if ui.button("Lägg till krav").clicked() {
        p.krav.push(String::new());
        *fokus = Some(format!("Krav {}", p.krav.len()));
    }
}
