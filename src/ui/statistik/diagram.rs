//! A chart of the statistics view (egui_plot): one line per series over the months, hovering
//! shows the month and the exact figure, and the table with the same cells beside it.

use crate::domain::manad::Manad;
use crate::domain::statistik::{Cell, Diagram, Tabell};
use crate::letters::rapport::SERIEFARGER;
use crate::ui::widgetar::kolumnrubrik;
use egui::{Color32, RichText, Ui};
use egui_plot::{GridMark, HoverPosition, Legend, Line, Plot, PlotPoints, Points};

fn farg(i: usize) -> Color32 {
    let (r, g, b) = SERIEFARGER[i % SERIEFARGER.len()];
    Color32::from_rgb((r * 255.0) as u8, (g * 255.0) as u8, (b * 255.0) as u8)
}

/// A figure as the tables print it: "1 234", "12,5".
fn tal(v: f64) -> String {
    if v.fract().abs() < 1e-9 && v.abs() < f64::from(u32::MAX) {
        Cell::Antal(v.abs() as u32).visa()
    } else {
        format!("{v:.1}").replace('.', ",")
    }
}

/// What a series of `d` draws: the runs of months with a shown figure (a hidden month, "färre
/// än 5", is a gap, never 0) among the months that have happened (up to `nu`; a later month of
/// the period is not drawn), and every shown point.
fn serie(d: &Diagram, varden: &[Option<f64>], nu: Manad) -> (Vec<Vec<[f64; 2]>>, Vec<[f64; 2]>) {
    let hant = |i: usize| d.manader.get(i).and_then(|m| Manad::parse(m).ok()).is_some_and(|m| m <= nu);
    let visas: Vec<Option<f64>> =
        varden.iter().enumerate().map(|(i, v)| v.filter(|v| v.is_finite()).filter(|_| hant(i))).collect();
    let punkter = visas.iter().enumerate().filter_map(|(x, v)| v.map(|v| [x as f64, v])).collect();
    (sammanhangande(&visas), punkter)
}

/// Every how many months a label fits in `bredd` points (a label "2026-01" needs about 60
/// points, egui_plot's spacing for x labels, and the y axis takes some of the width).
fn etikettsteg(antal: usize, bredd: f32) -> usize {
    (1..=12).find(|s| bredd / antal.max(1) as f32 * *s as f32 >= 80.0).unwrap_or(12)
}

/// One grid mark per month from the first; the labelled ones (every `steg` from the first)
/// are `steg` apart.
fn manadsmarker(antal: usize, steg: usize) -> Vec<GridMark> {
    (0..antal)
        .map(|i| GridMark { value: i as f64, step_size: if i.is_multiple_of(steg) { steg as f64 } else { 1.0 } })
        .collect()
}

/// Draws `d` (its series split at hidden months, only the months up to `nu`) at `hojd` points high.
pub fn rita(ui: &mut Ui, id: &str, d: &Diagram, hojd: f32, nu: Manad) {
    let manader = d.manader.clone();
    let etiketter = manader.clone();
    let antal = manader.len();
    let steg = etikettsteg(antal, ui.available_width());
    Plot::new(id)
        .height(hojd)
        .legend(Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        // The whole period on the x axis, its first month at the left as in the table.
        .include_x(-0.5)
        .include_x(antal as f64 - 0.5)
        .x_grid_spacer(move |_| manadsmarker(antal, steg))
        .y_axis_formatter(|mark, _| if mark.value < 0.0 { String::new() } else { tal(mark.value) })
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 1e-6 || i < 0.0 || !(i as usize).is_multiple_of(steg) {
                return String::new();
            }
            etiketter.get(i as usize).cloned().unwrap_or_default()
        })
        .label_formatter(move |pos: &HoverPosition<'_>| match pos {
            HoverPosition::NearDataPoint { plot_name, position, .. } => {
                let manad = manader.get(position.x.round().max(0.0) as usize).cloned().unwrap_or_default();
                Some(format!("{manad}\n{plot_name}: {}", tal(position.y)))
            }
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            for (i, s) in d.serier.iter().enumerate() {
                let (bitar, punkter) = serie(d, &s.varden, nu);
                for bit in bitar {
                    plot.line(Line::new(s.namn.clone(), PlotPoints::from(bit)).color(farg(i)).width(2.0));
                }
                plot.points(Points::new(s.namn.clone(), PlotPoints::from(punkter)).color(farg(i)).radius(3.0));
            }
        });
}

/// The runs of a series without a hidden month.
fn sammanhangande(varden: &[Option<f64>]) -> Vec<Vec<[f64; 2]>> {
    let mut ut = vec![Vec::new()];
    for (x, v) in varden.iter().enumerate() {
        match v {
            Some(v) => ut.last_mut().map(|b| b.push([x as f64, *v])).unwrap_or_default(),
            None if ut.last().is_some_and(|b| !b.is_empty()) => ut.push(Vec::new()),
            None => {}
        }
    }
    ut.retain(|b| b.len() > 1);
    ut
}

/// A table of the view: headings, striped rows, figures right-aligned.
pub fn tabell(ui: &mut Ui, t: &Tabell) {
    egui::Grid::new(("tabell", &t.rubrik)).num_columns(t.kolumner.len()).striped(true).spacing([18.0, 6.0]).show(
        ui,
        |ui| {
            for k in &t.kolumner {
                kolumnrubrik(ui, k);
            }
            ui.end_row();
            for rad in &t.rader {
                for c in rad {
                    if c.ar_tal() {
                        // Right-aligned in a column of its own width, not across the rest of the row.
                        let layout = egui::Layout::right_to_left(egui::Align::Center);
                        ui.allocate_ui_with_layout(egui::vec2(90.0, 20.0), layout, |ui| {
                            ui.label(RichText::new(c.visa()).monospace());
                        });
                    } else {
                        ui.label(c.visa());
                    }
                }
                ui.end_row();
            }
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::statistik::Serie;

    fn diagram(varden: Vec<Option<f64>>) -> Diagram {
        Diagram {
            titel: "Hushåll".into(),
            tabell: "hushall-per-manad.csv",
            kolumner: vec![1],
            manader: ["2026-09", "2026-10", "2026-11", "2026-12"].map(String::from).to_vec(),
            serier: vec![Serie { namn: "Hushåll".into(), varden }],
        }
    }

    #[test]
    fn hidden_months_are_gaps_and_later_months_are_not_drawn() {
        let d = diagram(vec![Some(7.0), None, Some(9.0), Some(0.0)]);
        let nu = Manad::parse("2026-11").unwrap();
        let (bitar, punkter) = serie(&d, &d.serier[0].varden, nu);
        // September alone (oktober is "färre än 5"), november alone, december has not happened.
        assert!(bitar.is_empty(), "no line across the hidden month: {bitar:?}");
        assert_eq!(punkter, vec![[0.0, 7.0], [2.0, 9.0]]);
        let d = diagram(vec![Some(7.0), Some(8.0), Some(9.0), Some(0.0)]);
        let (bitar, _) = serie(&d, &d.serier[0].varden, nu);
        assert_eq!(bitar, vec![vec![[0.0, 7.0], [1.0, 8.0], [2.0, 9.0]]]);
    }

    #[test]
    fn the_first_month_is_at_the_left_and_labelled() {
        let steg = etikettsteg(12, 400.0);
        let marker = manadsmarker(12, steg);
        assert_eq!(marker[0].value, 0.0, "the axis starts with the table's first month");
        assert_eq!(marker[0].step_size, steg as f64, "and it carries a label");
        assert_eq!(etikettsteg(4, 800.0), 1, "a tertial gets every month labelled");
        assert!(steg > 1, "a year on a narrow chart labels every few months");
    }
}
