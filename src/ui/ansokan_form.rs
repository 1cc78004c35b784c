//! The sections of the application form: members for the month, costs outside the norm,
//! incomes and adjusted norm lines. Every field has its label; messages show at the field.

use super::widgetar::{felrad, rubrik, textfalt, valjlista};
use crate::domain::ansokan::{AnsokanFormular, InkomstFalt, JusteringFalt, KostnadFalt};
use crate::domain::hushall::{FaltFel, Roll, fel_for};
use crate::domain::manad::Manad;
use crate::domain::norm::{Aldersband, Inkomsttyp, Kostnadstyp, Normrad};
use crate::domain::personnummer::age_at;
use chrono::NaiveDate;
use egui::RichText;

/// Shows the form; `fel` are the current messages, shown when `visa_fel`.
pub fn visa(ui: &mut egui::Ui, f: &mut AnsokanFormular, fel: &[FaltFel], visa_fel: bool) {
    let fel_at = |k: &str| if visa_fel { fel_for(fel, k) } else { None };
    ui.horizontal_wrapped(|ui| {
        textfalt(ui, "Månad som ansökan gäller", &mut f.manad, fel_at("manad"), 150.0);
        textfalt(ui, "Ansökan kom in", &mut f.inkom, fel_at("inkom"), 150.0);
        textfalt(
            ui,
            "Personer i bostaden (om fler än hushållet)",
            &mut f.personer_i_bostaden,
            fel_at("personer_i_bostaden"),
            120.0,
        );
    });
    ui.checkbox(&mut f.komplett, "Ansökan är komplett");
    if !f.komplett {
        textfalt(ui, "Vad saknas", &mut f.saknas, fel_at("saknas"), 520.0);
    }

    rubrik(ui, "Hushållet under månaden");
    let forsta = Manad::parse(&f.manad).ok().map(Manad::forsta_dagen);
    for (i, m) in f.medlemmar.iter_mut().enumerate() {
        let n = i + 1;
        ui.horizontal_wrapped(|ui| {
            let roll = m.roll.map(|r| r.namn()).unwrap_or("–");
            let alder = match (NaiveDate::parse_from_str(&m.fodd, "%Y-%m-%d"), forsta) {
                (Ok(fodd), Some(forsta)) => {
                    let a = age_at(fodd, forsta);
                    match (m.roll, Aldersband::for_alder(a)) {
                        (Some(Roll::Barn), Some(band)) => format!("{a} år, normgrupp {}", band.namn()),
                        _ => format!("{a} år"),
                    }
                }
                _ => String::new(),
            };
            ui.label(RichText::new(format!("{n}. {} ({roll}, {alder})", m.namn)).strong());
            if m.roll == Some(Roll::Barn) {
                ui.checkbox(&mut m.lunch_utanfor_hemmet, format!("Medlem {n}: lunch utanför hemmet"));
                ui.checkbox(&mut m.gar_i_gymnasiet, format!("Medlem {n}: går i gymnasiet"));
            }
        });
        ui.horizontal_wrapped(|ui| {
            textfalt(
                ui,
                &format!("Medlem {n}: med från (del av månad)"),
                &mut m.fran,
                fel_at(&format!("medlem.{i}.fran")),
                150.0,
            );
            textfalt(ui, &format!("Medlem {n}: med till"), &mut m.till, fel_at(&format!("medlem.{i}.till")), 150.0);
        });
        if let Some(e) = fel_at(&format!("medlem.{i}.fodd")).or(fel_at(&format!("medlem.{i}.roll"))) {
            felrad(ui, e);
        }
    }

    rubrik(ui, "Kostnader utöver normen");
    let mut ta_bort = None;
    for (i, k) in f.kostnader.iter_mut().enumerate() {
        let n = i + 1;
        ui.horizontal_wrapped(|ui| {
            valjlista(ui, &format!("Kostnad {n}: typ"), k.typ.map(|t| t.namn()).unwrap_or("Välj …"), 230.0, |ui| {
                for t in Kostnadstyp::ALLA {
                    ui.selectable_value(&mut k.typ, Some(*t), t.namn());
                }
            });
            textfalt(ui, &format!("Kostnad {n}: ansökt"), &mut k.ansokt, fel_at(&format!("kostnad.{i}.ansokt")), 110.0);
            textfalt(
                ui,
                &format!("Kostnad {n}: godkänt"),
                &mut k.godkant,
                fel_at(&format!("kostnad.{i}.godkant")),
                110.0,
            );
            textfalt(
                ui,
                &format!("Kostnad {n}: motivering"),
                &mut k.motivering,
                fel_at(&format!("kostnad.{i}.motivering")),
                260.0,
            );
            if ui.button(format!("Ta bort kostnad {n}")).clicked() {
                ta_bort = Some(i);
            }
        });
        if let Some(e) = fel_at(&format!("kostnad.{i}.typ")) {
            felrad(ui, e);
        }
    }
    if let Some(i) = ta_bort {
        f.kostnader.remove(i);
    }
    if ui.button("Lägg till kostnad").clicked() {
        f.kostnader.push(KostnadFalt::default());
    }
    ui.label(RichText::new("Lämna \"godkänt\" tomt när hela det ansökta beloppet godkänns.").weak().small());

    rubrik(ui, "Inkomster");
    let namn: Vec<String> = f.medlemmar.iter().map(|m| m.namn.clone()).collect();
    let barn: Vec<bool> = f.medlemmar.iter().map(|m| m.roll == Some(Roll::Barn)).collect();
    let mut ta_bort = None;
    for (i, ink) in f.inkomster.iter_mut().enumerate() {
        let n = i + 1;
        ui.horizontal_wrapped(|ui| {
            valjlista(ui, &format!("Inkomst {n}: typ"), ink.typ.map(|t| t.namn()).unwrap_or("Välj …"), 250.0, |ui| {
                for t in Inkomsttyp::ALLA {
                    let text = if t.raknas() { t.namn().to_string() } else { format!("{} – räknas inte", t.namn()) };
                    ui.selectable_value(&mut ink.typ, Some(*t), text);
                }
            });
            let vem = ink.person.and_then(|p| namn.get(p).cloned()).unwrap_or_else(|| "Hushållet".into());
            valjlista(ui, &format!("Inkomst {n}: person"), &vem, 170.0, |ui| {
                ui.selectable_value(&mut ink.person, None, "Hushållet");
                for (p, nm) in namn.iter().enumerate() {
                    ui.selectable_value(&mut ink.person, Some(p), nm);
                }
            });
            textfalt(ui, &format!("Inkomst {n}: belopp"), &mut ink.belopp, fel_at(&format!("inkomst.{i}.belopp")), 110.0);
            if ink.typ == Some(Inkomsttyp::Lon) {
                if ink.person.is_some_and(|p| barn.get(p) == Some(&true)) {
                    textfalt(ui, &format!("Inkomst {n}: barnets lön tidigare i år"), &mut ink.tidigare_i_ar, fel_at(&format!("inkomst.{i}.tidigare_i_ar")), 130.0);
                } else {
                    ui.checkbox(&mut ink.jobbstimulans, format!("Inkomst {n}: jobbstimulans"))
                        .on_hover_text("25 % av nettolönen räknas inte för den som haft försörjningsstöd i minst sex månader i följd (inställning)");
                }
            }
            if ui.button(format!("Ta bort inkomst {n}")).clicked() {
                ta_bort = Some(i);
            }
        });
        if let Some(e) = fel_at(&format!("inkomst.{i}.typ")) {
            felrad(ui, e);
        }
    }
    if let Some(i) = ta_bort {
        f.inkomster.remove(i);
    }
    if ui.button("Lägg till inkomst").clicked() {
        f.inkomster.push(InkomstFalt::default());
    }

    rubrik(ui, "Justerade normposter (särskilda skäl)");
    let mut ta_bort = None;
    let poster: Vec<(Normrad, String)> = std::iter::once((Normrad::Vuxna, "Vuxnas personliga kostnader".to_string()))
        .chain(
            namn.iter()
                .enumerate()
                .filter(|(p, _)| barn[*p])
                .map(|(p, nm)| (Normrad::Barn(p), format!("{nm}s personliga kostnader"))),
        )
        .chain(std::iter::once((Normrad::Gemensamt, "Gemensamma hushållskostnader".to_string())))
        .collect();
    for (i, j) in f.justeringar.iter_mut().enumerate() {
        let n = i + 1;
        ui.horizontal_wrapped(|ui| {
            let vald = poster.iter().find(|(r, _)| Some(*r) == j.rad).map(|(_, t)| t.as_str()).unwrap_or("Välj …");
            valjlista(ui, &format!("Justering {n}: normpost"), vald, 260.0, |ui| {
                for (r, t) in &poster {
                    ui.selectable_value(&mut j.rad, Some(*r), t);
                }
            });
            textfalt(
                ui,
                &format!("Justering {n}: nytt belopp"),
                &mut j.belopp,
                fel_at(&format!("justering.{i}.belopp")),
                110.0,
            );
            textfalt(
                ui,
                &format!("Justering {n}: särskilda skäl"),
                &mut j.motivering,
                fel_at(&format!("justering.{i}.motivering")),
                300.0,
            );
            if ui.button(format!("Ta bort justering {n}")).clicked() {
                ta_bort = Some(i);
            }
        });
    }
    if let Some(i) = ta_bort {
        f.justeringar.remove(i);
    }
    if ui.button("Justera en normpost").clicked() {
        f.justeringar.push(JusteringFalt::default());
    }
}
