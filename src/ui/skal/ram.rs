//! Small pieces of the window: the training frame, the default letter folder, initials.

use crate::ui::tema::{self, Signal};
use egui::Id;

/// The whole window carries the training marking.
pub(super) fn ovningsram(ctx: &egui::Context) {
    let farg = tema::signalfarg(Signal::Ovning, false);
    ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, Id::unique("ovningsram"))).rect_stroke(
        ctx.content_rect().shrink(2.0),
        0.0,
        egui::Stroke::new(4.0, farg),
        egui::StrokeKind::Inside,
    );
}

/// Letters are saved under the user's documents folder ("Bistånd"), else beside the database.
pub(super) fn standard_utskriftsmapp() -> std::path::PathBuf {
    directories::UserDirs::new()
        .and_then(|u| u.document_dir().map(|d| d.join("Bistånd")))
        .unwrap_or_else(|| crate::ui::standarddatabas(false).with_file_name("brev"))
}

pub(super) fn initialer(namn: &str) -> String {
    namn.split_whitespace().filter_map(|w| w.chars().next()).take(2).collect::<String>().to_uppercase()
}
