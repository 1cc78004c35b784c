//! The sections of the application form: members for the month, costs outside the norm,
//! incomes and adjusted norm lines, as tables with one row each. Every field has an accessible
//! name ("Kostnad 1: ansökt"); messages are listed under their table.

use crate::domain::ansokan::{AnsokanFormular, InkomstFalt, JusteringFalt, KostnadFalt};
use crate::domain::falt::{Falt, FaltFel, Medlemsuppgift, Raduppgift, fel_for};
use crate::domain::hushall::Roll;
use crate::domain::manad::Manad;
use crate::domain::norm::{Aldersband, Del, Inkomsttyp, Kostnadstyp, Normrad};
use crate::domain::personnummer::age_at;
use crate::ui::widgetar::{cellfalt, cellval, felrad, kolumnrubrik, rubrik, textfalt};
use chrono::NaiveDate;
use egui::RichText;

/// The messages of one table's rows (`rad` picks them), shown under the table.
fn fel_under(ui: &mut egui::Ui, fel: &[FaltFel], visa: bool, rad: impl Fn(Falt) -> Option<usize>, vad: &str) {
    for f in fel.iter().filter(|f| visa || !saknas(&f.text)) {
        if let Some(i) = rad(f.falt) {
            felrad(ui, &format!("{vad} {}: {}", i + 1, f.text));
        }
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

/// What a drop-down adds to its text width (its arrow and margins).
const COMBO: f32 = 30.0;

/// The width left for a table's free-text column: the available width less the fixed columns,
/// the gaps between `kolumner` columns and a "Ta bort" button, kept within `min..=max`.
fn fri_bredd(ui: &egui::Ui, fasta: f32, kolumner: usize, min: f32, max: f32) -> f32 {
    const TA_BORT: f32 = 100.0;
    // The tab scrolls sideways, so what is visible ends at the clip rectangle, not the available width.
    let synlig = ui.available_width().min(ui.clip_rect().right() - ui.cursor().left());
    (synlig - fasta - TA_BORT - 12.0 * (kolumner - 1) as f32).clamp(min, max)
}

/// Which messages are shown: all of them once the user has tried to save; before that only
/// what is wrong with something typed (an amount in letters), not what is still to be filled in.
#[derive(Clone, Copy)]
struct Fel<'a> {
    fel: &'a [FaltFel],
    visa: bool,
}

/// A message that asks for something not yet given ("Ange …", "Välj …") rather than saying
/// that what was typed is wrong.
fn saknas(text: &str) -> bool {
    text.starts_with("Ange") || text.starts_with("Välj")
}

impl Fel<'_> {
    fn at(&self, falt: Falt) -> Option<&str> {
        fel_for(self.fel, falt).filter(|t| self.visa || !saknas(t))
    }

    fn markera(&self, falt: Falt) -> bool {
        self.at(falt).is_some()
    }

    fn under(&self, ui: &mut egui::Ui, rad: impl Fn(Falt) -> Option<usize>, vad: &str) {
        fel_under(ui, self.fel, self.visa, rad, vad);
    }
}

/// Shows the form; `fel` are the current messages, shown when `visa_fel`.
pub fn visa(ui: &mut egui::Ui, f: &mut AnsokanFormular, fel: &[FaltFel], visa_fel: bool) {
    let fel = Fel { fel, visa: visa_fel };
    visa_huvud(ui, f, fel);
    visa_medlemmar(ui, f, fel);
    visa_kostnader(ui, f, fel);
    visa_inkomster(ui, f, fel);
    visa_justeringar(ui, f, fel);
}

/// The month, when the application came in, the persons sharing the home, completeness.
fn visa_huvud(ui: &mut egui::Ui, f: &mut AnsokanFormular, fel: Fel) {
    ui.horizontal_wrapped(|ui| {
        textfalt(ui, "Månad som ansökan gäller", &mut f.manad, fel.at(Falt::Manad), 150.0);
        textfalt(ui, "Ansökan kom in", &mut f.inkom, fel.at(Falt::Inkom), 150.0);
        textfalt(ui, "Personer i bostaden", &mut f.personer_i_bostaden, fel.at(Falt::PersonerIBostaden), 150.0)
            .on_hover_text(
                "Fyll i bara när fler än hushållet delar bostaden (inneboende): de gemensamma kostnaderna delas då.",
            );
    });
    ui.checkbox(&mut f.komplett, "Ansökan är komplett");
    if !f.komplett {
        textfalt(ui, "Vad saknas", &mut f.saknas, fel.at(Falt::Saknas), 520.0);
    }
}

/// A member's age on the first of the month and, for a child, the norm's age band.
fn alder_text(m: &crate::domain::ansokan::MedlemFalt, forsta: Option<NaiveDate>) -> String {
    match (NaiveDate::parse_from_str(&m.fodd, "%Y-%m-%d"), forsta) {
        (Ok(fodd), Some(forsta)) => {
            let a = age_at(fodd, forsta);
            match (m.roll, Aldersband::for_alder(a)) {
                // The band is named only when it says more than the age ("0 år, 0 år").
                (Some(Roll::Barn), Some(band)) if band.namn() != format!("{a} år") => {
                    format!("{a} år, {}", band.namn())
                }
                (Some(Roll::Barn), _) => format!("{a} år"),
                _ => format!("{a} år, vuxen"),
            }
        }
        _ => String::new(),
    }
}

fn visa_medlemmar(ui: &mut egui::Ui, f: &mut AnsokanFormular, fel: Fel) {
    rubrik(ui, "Hushållet under månaden");
    let forsta = Manad::parse(&f.manad).ok().map(Manad::forsta_dagen);
    tabell(
        ui,
        "medlemmar",
        &["Person", "Ålder den 1:a i månaden, normgrupp", "Lunch ute", "Gymnasiet", "Med från", "Med till"],
        |ui| {
            for (i, m) in f.medlemmar.iter_mut().enumerate() {
                let n = i + 1;
                ui.label(format!("{} ({})", m.namn, m.roll.map(|r| r.namn()).unwrap_or("–")));
                ui.label(alder_text(m, forsta));
                if m.roll == Some(Roll::Barn) {
                    ui.checkbox(&mut m.lunch_utanfor_hemmet, "")
                        .accessible_name(format!("Medlem {n}: lunch utanför hemmet"));
                    ui.checkbox(&mut m.gar_i_gymnasiet, "").accessible_name(format!("Medlem {n}: går i gymnasiet"));
                } else {
                    ui.label("");
                    ui.label("");
                }
                let (fran, till) = (Falt::Medlem(i, Medlemsuppgift::Fran), Falt::Medlem(i, Medlemsuppgift::Till));
                cellfalt(ui, &format!("Medlem {n}: med från"), &mut m.fran, fel.markera(fran), 100.0);
                cellfalt(ui, &format!("Medlem {n}: med till"), &mut m.till, fel.markera(till), 100.0);
                ui.end_row();
            }
        },
    );
    ui.label(
        RichText::new(
            "Fyll i \"med från\" och \"med till\" bara för den som var med en del av månaden (flyttat, fötts).",
        )
        .weak()
        .small(),
    );
    fel.under(ui, |f| if let Falt::Medlem(i, _) = f { Some(i) } else { None }, "Person");
}

fn visa_kostnader(ui: &mut egui::Ui, f: &mut AnsokanFormular, fel: Fel) {
    let dag = Manad::parse(&f.manad).map(|m| m.forsta_dagen()).unwrap_or(NaiveDate::MAX);
    kostnadstabell(ui, f, fel, Del::Forsorjningsstod, dag);
    kostnadstabell(ui, f, fel, Del::Livsforing, dag);
}

/// Whether a cost row belongs in the table of `del` (a new row: the table it was added in).
fn hor_till(k: &KostnadFalt, del: Del, dag: NaiveDate) -> bool {
    match k.typ {
        Some(t) => t.del(dag) == del,
        None => k.livsforing == (del == Del::Livsforing),
    }
}

/// The costs of one part: within försörjningsstöd, or livsföring i övrigt with what each is for.
/// Each row is assessed: approved amount and the reason when it differs from the applied one.
fn kostnadstabell(ui: &mut egui::Ui, f: &mut AnsokanFormular, fel: Fel, del: Del, dag: NaiveDate) {
    let livs = del == Del::Livsforing;
    let (rubriktext, vad) = if livs {
        ("Livsföring i övrigt (prövas var för sig)", "Livsföring")
    } else {
        ("Kostnader utöver normen (försörjningsstöd)", "Kostnad")
    };
    rubrik(ui, rubriktext);
    let rader: Vec<usize> = (0..f.kostnader.len()).filter(|&i| hor_till(&f.kostnader[i], del, dag)).collect();
    let slag = Kostnadstyp::av_del(del, dag);
    let avser = if livs { 180.0 } else { 0.0 };
    let motivering_bredd = fri_bredd(ui, 170.0 + COMBO + 200.0 + avser, if livs { 6 } else { 5 }, 100.0, 260.0);
    let mut ta_bort = None;
    if !rader.is_empty() {
        let kolumner: &[&str] = if livs {
            &["Typ", "Avser", "Ansökt", "Godkänt", "Motivering", ""]
        } else {
            &["Typ", "Ansökt", "Godkänt", "Motivering", ""]
        };
        tabell(ui, vad, kolumner, |ui| {
            for (n, &i) in rader.iter().enumerate() {
                let n = n + 1;
                let k = &mut f.kostnader[i];
                let falt = |u| fel.markera(Falt::Kostnad(i, u));
                cellval(ui, &format!("{vad} {n}: typ"), k.typ.map(|t| t.namn()).unwrap_or("Välj …"), 170.0, |ui| {
                    for t in &slag {
                        ui.selectable_value(&mut k.typ, Some(*t), t.namn());
                    }
                });
                if livs {
                    cellfalt(ui, &format!("{vad} {n}: avser"), &mut k.avser, falt(Raduppgift::Avser), avser);
                }
                cellfalt(ui, &format!("{vad} {n}: ansökt"), &mut k.ansokt, falt(Raduppgift::Ansokt), 100.0);
                cellfalt(ui, &format!("{vad} {n}: godkänt"), &mut k.godkant, falt(Raduppgift::Godkant), 100.0);
                let motivering = falt(Raduppgift::Motivering);
                cellfalt(ui, &format!("{vad} {n}: motivering"), &mut k.motivering, motivering, motivering_bredd);
                if ui.button("Ta bort").accessible_name(format!("Ta bort {} {n}", vad.to_lowercase())).clicked() {
                    ta_bort = Some(i);
                }
                ui.end_row();
            }
        });
    }
    if let Some(i) = ta_bort {
        f.kostnader.remove(i);
    }
    let rad = |f: Falt| if let Falt::Kostnad(i, _) = f { rader.iter().position(|&r| r == i) } else { None };
    fel.under(ui, rad, vad);
    ui.horizontal(|ui| {
        if ui.button(if livs { "Lägg till livsföring" } else { "Lägg till kostnad" }).clicked() {
            f.kostnader.push(KostnadFalt { livsforing: livs, ..Default::default() });
        }
        let hjalp = if livs {
            "Avser: vad det gäller (\"elskuld hos …\"). Godkänt 0 med motivering avslår."
        } else {
            "Lämna \"godkänt\" tomt när hela det ansökta beloppet godkänns."
        };
        ui.label(RichText::new(hjalp).weak().small());
    });
}

/// One income row: kind, whose, amount and what applies to it (a child's earlier pay this year,
/// or jobbstimulans for an adult's pay).
fn inkomstrad(ui: &mut egui::Ui, i: usize, ink: &mut InkomstFalt, namn: &[String], barn: &[bool], fel: Fel) {
    let n = i + 1;
    cellval(ui, &format!("Inkomst {n}: typ"), ink.typ.map(|t| t.namn()).unwrap_or("Välj …"), 240.0, |ui| {
        for t in Inkomsttyp::ALLA {
            let text = if t.raknas() { t.namn().to_string() } else { format!("{} – räknas inte", t.namn()) };
            ui.selectable_value(&mut ink.typ, Some(*t), text);
        }
    });
    let vem = ink.person.and_then(|p| namn.get(p).cloned()).unwrap_or_else(|| "Hushållet".into());
    cellval(ui, &format!("Inkomst {n}: person"), &vem, 150.0, |ui| {
        ui.selectable_value(&mut ink.person, None, "Hushållet");
        for (p, nm) in namn.iter().enumerate() {
            ui.selectable_value(&mut ink.person, Some(p), nm);
        }
    });
    let belopp = fel.markera(Falt::Inkomst(i, Raduppgift::Belopp));
    cellfalt(ui, &format!("Inkomst {n}: belopp"), &mut ink.belopp, belopp, 110.0);
    let barnets = ink.person.is_some_and(|p| barn.get(p) == Some(&true));
    match (ink.typ, barnets) {
        (Some(Inkomsttyp::Lon), true) => {
            let tidigare = fel.markera(Falt::Inkomst(i, Raduppgift::TidigareIAr));
            cellfalt(ui, &format!("Inkomst {n}: barnets lön tidigare i år"), &mut ink.tidigare_i_ar, tidigare, 110.0);
        }
        (Some(Inkomsttyp::Lon), false) => {
            // One cell: the rule and the month it started (it applies at most 24 months).
            ui.horizontal(|ui| {
                ui.checkbox(&mut ink.jobbstimulans, "jobbstimulans")
                    .on_hover_text(
                        "25 % av nettolönen räknas inte för den som haft försörjningsstöd i minst sex månader i följd \
                         (inställning)",
                    )
                    .accessible_name(format!("Inkomst {n}: jobbstimulans"));
                if ink.jobbstimulans {
                    let start = fel.markera(Falt::Inkomst(i, Raduppgift::Startmanad));
                    let etikett = format!("Inkomst {n}: regeln började (ÅÅÅÅ-MM)");
                    cellfalt(ui, &etikett, &mut ink.berakningsregel_fran, start, 80.0)
                        .on_hover_text("Den särskilda beräkningsregeln gäller högst 24 månader från den här månaden.");
                }
            });
        }
        _ => {
            ui.label("");
        }
    }
}

fn visa_inkomster(ui: &mut egui::Ui, f: &mut AnsokanFormular, fel: Fel) {
    rubrik(ui, "Inkomster");
    let namn: Vec<String> = f.medlemmar.iter().map(|m| m.namn.clone()).collect();
    let barn: Vec<bool> = f.medlemmar.iter().map(|m| m.roll == Some(Roll::Barn)).collect();
    let mut ta_bort = None;
    if !f.inkomster.is_empty() {
        tabell(ui, "inkomster", &["Typ", "Person", "Belopp", "Övrigt", ""], |ui| {
            for (i, ink) in f.inkomster.iter_mut().enumerate() {
                inkomstrad(ui, i, ink, &namn, &barn, fel);
                if ui.button("Ta bort").accessible_name(format!("Ta bort inkomst {}", i + 1)).clicked() {
                    ta_bort = Some(i);
                }
                ui.end_row();
            }
        });
    }
    if let Some(i) = ta_bort {
        f.inkomster.remove(i);
    }
    fel.under(ui, |f| if let Falt::Inkomst(i, _) = f { Some(i) } else { None }, "Inkomst");
    if ui.button("Lägg till inkomst").clicked() {
        f.inkomster.push(InkomstFalt::default());
    }
}

/// The norm lines that can be adjusted: the adults', each child's and the shared costs.
fn normposter(f: &AnsokanFormular) -> Vec<(Normrad, String)> {
    std::iter::once((Normrad::Vuxna, "Vuxnas personliga kostnader".to_string()))
        .chain(
            f.medlemmar
                .iter()
                .enumerate()
                .filter(|(_, m)| m.roll == Some(Roll::Barn))
                .map(|(p, m)| (Normrad::Barn(p), format!("Personliga kostnader, {}", m.namn))),
        )
        .chain(std::iter::once((Normrad::Gemensamt, "Gemensamma hushållskostnader".to_string())))
        .collect()
}

fn visa_justeringar(ui: &mut egui::Ui, f: &mut AnsokanFormular, fel: Fel) {
    rubrik(ui, "Justerade normposter (särskilda skäl)");
    let poster = normposter(f);
    let mut ta_bort = None;
    let skal_bredd = fri_bredd(ui, 230.0 + COMBO + 110.0, 4, 120.0, 300.0);
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
                let belopp = fel.markera(Falt::Justering(i, Raduppgift::Belopp));
                cellfalt(ui, &format!("Justering {n}: nytt belopp"), &mut j.belopp, belopp, 110.0);
                let skal = fel.markera(Falt::Justering(i, Raduppgift::Motivering));
                cellfalt(ui, &format!("Justering {n}: särskilda skäl"), &mut j.motivering, skal, skal_bredd);
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
    fel.under(ui, |f| if let Falt::Justering(i, _) = f { Some(i) } else { None }, "Justering");
    if ui.button("Justera en normpost").clicked() {
        f.justeringar.push(JusteringFalt::default());
    }
}
