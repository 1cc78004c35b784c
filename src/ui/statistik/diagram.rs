//! A chart of the statistics view (egui_plot): one line per series over the months, hovering
//! shows the month and the exact figure, and the table with the same cells beside it.

use crate::domain::statistik::{Cell, Diagram, Tabell};
use crate::letters::rapport::SERIEFARGER;
use crate::ui::widgetar::kolumnrubrik;
use egui::{Color32, RichText, Ui};
use egui_plot::{HoverPosition, Legend, Line, Plot, PlotPoints, Points};

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

/// Draws `d` (its series split at hidden months) at `hojd` points high.
pub fn rita(ui: &mut Ui, id: &str, d: &Diagram, hojd: f32) {
    let manader = d.manader.clone();
    let etiketter = manader.clone();
    Plot::new(id)
        .height(hojd)
        .legend(Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .y_axis_formatter(|mark, _| if mark.value < 0.0 { String::new() } else { tal(mark.value) })
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 1e-6 || i < 0.0 {
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
                let punkter: Vec<[f64; 2]> =
                    s.varden.iter().enumerate().filter_map(|(x, v)| v.map(|v| [x as f64, v])).collect();
                for bit in sammanhangande(&s.varden) {
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
