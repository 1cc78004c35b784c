//! The sections of the application form: members for the month, costs outside the norm,
//! incomes and adjusted norm lines, as tables with one row each. Every field has an accessible
//! name ("Kostnad 1: ansökt"); messages are listed under their table.

use crate::domain::ansokan::{AnsokanFormular, InkomstFalt, JusteringFalt, KostnadFalt};
use crate::domain::hushall::{FaltFel, Roll, fel_for};
use crate::domain::manad::Manad;
use crate::domain::norm::{Aldersband, Inkomsttyp, Kostnadstyp, Normrad};
use crate::domain::personnummer::age_at;
use crate::ui::widgetar::{cellfalt, cellval, felrad, kolumnrubrik, rubrik, textfalt};
use chrono::NaiveDate;
use egui::RichText;

/// The messages whose key starts with `prefix`, shown under a table.
fn fel_under(ui: &mut egui::Ui, fel: &[FaltFel], visa: bool, prefix: &str, vad: &str) {
    if !visa {
        return;
    }
    for f in fel.iter().filter(|f| f.falt.starts_with(prefix)) {
        let rad: usize = f.falt[prefix.len()..].split('.').next().and_then(|n| n.parse().ok()).unwrap_or(0);
        felrad(ui, &format!("{vad} {}: {}", rad + 1, f.text));
    }
}

fn tabell(ui: &mut egui::Ui, id: &str, kolumner: &[&str], rader: impl FnOnce(&mut egui::Ui)) {
    egui::Grid::new(id).num_columns(kolumner.len()).spacing([12.0, 8.0]).show(ui, |ui| {
        for k in kolumner {
            kolumnrubrik(ui, k);
        }
        ui.end_row();
        rader(ui);
    });
}

/// Shows the form; `fel` are the current messages, shown when `visa_fel`.
pub fn visa(ui: &mut egui::Ui, f: &mut AnsokanFormular, fel: &[FaltFel], visa_fel: bool) {
    let fel_at = |k: &str| if visa_fel { fel_for(fel, k) } else { None };
    let markera = |k: String| visa_fel && fel_for(fel, &k).is_some();
    ui.horizontal_wrapped(|ui| {
        textfalt(ui, "Månad som ansökan gäller", &mut f.manad, fel_at("manad"), 150.0);
        textfalt(ui, "Ansökan kom in", &mut f.inkom, fel_at("inkom"), 150.0);
        textfalt(ui, "Personer i bostaden", &mut f.personer_i_bostaden, fel_at("personer_i_bostaden"), 150.0)
            .on_hover_text(
                "Fyll i bara när fler än hushållet delar bostaden (inneboende): de gemensamma kostnaderna delas då.",
            );
    });
    ui.checkbox(&mut f.komplett, "Ansökan är komplett");
    if !f.komplett {
        textfalt(ui, "Vad saknas", &mut f.saknas, fel_at("saknas"), 520.0);
    }

    rubrik(ui, "Hushållet under månaden");
    let forsta = Manad::parse(&f.manad).ok().map(Manad::forsta_dagen);
    tabell(ui, "medlemmar", &["Person", "Ålder, normgrupp", "Lunch ute", "Gymnasiet", "Med från", "Med till"], |ui| {
        for (i, m) in f.medlemmar.iter_mut().enumerate() {
            let n = i + 1;
            ui.label(format!("{} ({})", m.namn, m.roll.map(|r| r.namn()).unwrap_or("–")));
            let alder = match (NaiveDate::parse_from_str(&m.fodd, "%Y-%m-%d"), forsta) {
                (Ok(fodd), Some(forsta)) => {
                    let a = age_at(fodd, forsta);
                    match (m.roll, Aldersband::for_alder(a)) {
                        (Some(Roll::Barn), Some(band)) => format!("{a} år, {}", band.namn()),
                        (Some(Roll::Barn), None) => format!("{a} år"),
                        _ => format!("{a} år, vuxen"),
                    }
                }
                _ => String::new(),
            };
            ui.label(alder);
            if m.roll == Some(Roll::Barn) {
                ui.checkbox(&mut m.lunch_utanfor_hemmet, "")
                    .accessible_name(format!("Medlem {n}: lunch utanför hemmet"));
                ui.checkbox(&mut m.gar_i_gymnasiet, "").accessible_name(format!("Medlem {n}: går i gymnasiet"));
            } else {
                ui.label("");
                ui.label("");
            }
            cellfalt(ui, &format!("Medlem {n}: med från"), &mut m.fran, markera(format!("medlem.{i}.fran")), 100.0);
            cellfalt(ui, &format!("Medlem {n}: med till"), &mut m.till, markera(format!("medlem.{i}.till")), 100.0);
            ui.end_row();
        }
    });
    ui.label(
        RichText::new(
            "Fyll i \"med från\" och \"med till\" bara för den som var med en del av månaden (flyttat, fötts).",
        )
        .weak()
        .small(),
    );
    fel_under(ui, fel, visa_fel, "medlem.", "Person");

    rubrik(ui, "Kostnader utöver normen");
    let mut ta_bort = None;
    if !f.kostnader.is_empty() {
        tabell(ui, "kostnader", &["Typ", "Ansökt", "Godkänt", "Motivering", ""], |ui| {
            for (i, k) in f.kostnader.iter_mut().enumerate() {
                let n = i + 1;
                cellval(ui, &format!("Kostnad {n}: typ"), k.typ.map(|t| t.namn()).unwrap_or("Välj …"), 190.0, |ui| {
                    for t in Kostnadstyp::ALLA {
                        ui.selectable_value(&mut k.typ, Some(*t), t.namn());
                    }
                });
                cellfalt(
                    ui,
                    &format!("Kostnad {n}: ansökt"),
                    &mut k.ansokt,
                    markera(format!("kostnad.{i}.ansokt")),
                    110.0,
                );
                cellfalt(
                    ui,
                    &format!("Kostnad {n}: godkänt"),
                    &mut k.godkant,
                    markera(format!("kostnad.{i}.godkant")),
                    110.0,
                );
                cellfalt(
                    ui,
                    &format!("Kostnad {n}: motivering"),
                    &mut k.motivering,
                    markera(format!("kostnad.{i}.motivering")),
                    260.0,
                );
                if ui.button("Ta bort").accessible_name(format!("Ta bort kostnad {n}")).clicked() {
                    ta_bort = Some(i);
                }
                ui.end_row();
            }
        });
    }
    if let Some(i) = ta_bort {
        f.kostnader.remove(i);
    }
    fel_under(ui, fel, visa_fel, "kostnad.", "Kostnad");
    ui.horizontal(|ui| {
        if ui.button("Lägg till kostnad").clicked() {
            f.kostnader.push(KostnadFalt::default());
        }
        ui.label(RichText::new("Lämna \"godkänt\" tomt när hela det ansökta beloppet godkänns.").weak().small());
    });

    rubrik(ui, "Inkomster");
    let namn: Vec<String> = f.medlemmar.iter().map(|m| m.namn.clone()).collect();
    let barn: Vec<bool> = f.medlemmar.iter().map(|m| m.roll == Some(Roll::Barn)).collect();
    let mut ta_bort = None;
    if !f.inkomster.is_empty() {
        tabell(ui, "inkomster", &["Typ", "Person", "Belopp", "Övrigt", ""], |ui| {
            for (i, ink) in f.inkomster.iter_mut().enumerate() {
                let n = i + 1;
                cellval(
                    ui,
                    &format!("Inkomst {n}: typ"),
                    ink.typ.map(|t| t.namn()).unwrap_or("Välj …"),
                    240.0,
                    |ui| {
                        for t in Inkomsttyp::ALLA {
                            let text = if t.raknas() {
                                t.namn().to_string()
                            } else {
                                format!("{} – räknas inte", t.namn())
                            };
                            ui.selectable_value(&mut ink.typ, Some(*t), text);
                        }
                    },
                );
                let vem = ink.person.and_then(|p| namn.get(p).cloned()).unwrap_or_else(|| "Hushållet".into());
                cellval(ui, &format!("Inkomst {n}: person"), &vem, 150.0, |ui| {
                    ui.selectable_value(&mut ink.person, None, "Hushållet");
                    for (p, nm) in namn.iter().enumerate() {
                        ui.selectable_value(&mut ink.person, Some(p), nm);
                    }
                });
                cellfalt(
                    ui,
                    &format!("Inkomst {n}: belopp"),
                    &mut ink.belopp,
                    markera(format!("inkomst.{i}.belopp")),
                    110.0,
                );
                let barnets = ink.person.is_some_and(|p| barn.get(p) == Some(&true));
                match (ink.typ, barnets) {
                    (Some(Inkomsttyp::Lon), true) => {
                        cellfalt(
                            ui,
                            &format!("Inkomst {n}: barnets lön tidigare i år"),
                            &mut ink.tidigare_i_ar,
                            markera(format!("inkomst.{i}.tidigare_i_ar")),
                            110.0,
                        );
                    }
                    (Some(Inkomsttyp::Lon), false) => {
                        ui.checkbox(&mut ink.jobbstimulans, "jobbstimulans")
                            .on_hover_text("25 % av nettolönen räknas inte för den som haft försörjningsstöd i minst sex månader i följd (inställning)")
                            .accessible_name(format!("Inkomst {n}: jobbstimulans"));
                    }
                    _ => {
                        ui.label("");
                    }
                }
                if ui.button("Ta bort").accessible_name(format!("Ta bort inkomst {n}")).clicked() {
                    ta_bort = Some(i);
                }
                ui.end_row();
            }
        });
    }
    if let Some(i) = ta_bort {
        f.inkomster.remove(i);
    }
    fel_under(ui, fel, visa_fel, "inkomst.", "Inkomst");
    if ui.button("Lägg till inkomst").clicked() {
        f.inkomster.push(InkomstFalt::default());
    }

    rubrik(ui, "Justerade normposter (särskilda skäl)");
    let poster: Vec<(Normrad, String)> = std::iter::once((Normrad::Vuxna, "Vuxnas personliga kostnader".to_string()))
        .chain(
            namn.iter()
                .enumerate()
                .filter(|(p, _)| barn[*p])
                .map(|(p, nm)| (Normrad::Barn(p), format!("Personliga kostnader, {nm}"))),
        )
        .chain(std::iter::once((Normrad::Gemensamt, "Gemensamma hushållskostnader".to_string())))
        .collect();
    let mut ta_bort = None;
    if !f.justeringar.is_empty() {
        tabell(ui, "justeringar", &["Normpost", "Nytt belopp", "Särskilda skäl", ""], |ui| {
            for (i, j) in f.justeringar.iter_mut().enumerate() {
                let n = i + 1;
                let vald = poster.iter().find(|(r, _)| Some(*r) == j.rad).map(|(_, t)| t.as_str()).unwrap_or("Välj …");
                cellval(ui, &format!("Justering {n}: normpost"), vald, 230.0, |ui| {
                    for (r, t) in &poster {
                        ui.selectable_value(&mut j.rad, Some(*r), t);
                    }
                });
                cellfalt(
                    ui,
                    &format!("Justering {n}: nytt belopp"),
                    &mut j.belopp,
                    markera(format!("justering.{i}.belopp")),
                    110.0,
                );
                cellfalt(
                    ui,
                    &format!("Justering {n}: särskilda skäl"),
                    &mut j.motivering,
                    markera(format!("justering.{i}.motivering")),
                    300.0,
                );
                if ui.button("Ta bort").accessible_name(format!("Ta bort justering {n}")).clicked() {
                    ta_bort = Some(i);
                }
                ui.end_row();
            }
        });
    }
    if let Some(i) = ta_bort {
        f.justeringar.remove(i);
    }
    fel_under(ui, fel, visa_fel, "justering.", "Justering");
    if ui.button("Justera en normpost").clicked() {
        f.justeringar.push(JusteringFalt::default());
    }
}
