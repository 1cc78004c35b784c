//! Long work off the UI thread (printing a month's letters, building training data): a progress
//! bar with "n av m" and an Avbryt button, and the outcome as a message when it ends.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Shared between the job and the screen: how far it has come and whether to stop.
#[derive(Default)]
pub struct Framsteg {
    klara: AtomicUsize,
    alla: AtomicUsize,
    avbryt: AtomicBool,
}

impl Framsteg {
    /// Reports progress; returns `false` when the user has cancelled.
    pub fn rapportera(&self, klara: usize, alla: usize) -> bool {
        self.klara.store(klara, Ordering::Relaxed);
        self.alla.store(alla, Ordering::Relaxed);
        !self.avbrutet()
    }

    pub fn avbrutet(&self) -> bool {
        self.avbryt.load(Ordering::Relaxed)
    }
}

/// A running job. Its result is the message to show: `Ok` when done (or cancelled cleanly),
/// `Err` when it failed.
pub struct Jobb {
    namn: String,
    framsteg: Arc<Framsteg>,
    resultat: Receiver<Result<String, String>>,
}

impl Jobb {
    pub fn starta(namn: &str, arbete: impl FnOnce(&Framsteg) -> Result<String, String> + Send + 'static) -> Jobb {
        let framsteg = Arc::new(Framsteg::default());
        let (tx, rx) = channel();
        let delad = Arc::clone(&framsteg);
        std::thread::spawn(move || {
            let _ = tx.send(arbete(&delad));
        });
        Jobb { namn: namn.to_string(), framsteg, resultat: rx }
    }

    /// The outcome once the job has ended. While it runs, frames keep coming (without input)
    /// so that its end is shown at once.
    pub fn resultat(&self, ctx: &egui::Context) -> Option<Result<String, String>> {
        match self.resultat.try_recv() {
            Ok(r) => Some(r),
            Err(TryRecvError::Disconnected) => Some(Err(format!("{} avbröts oväntat.", self.namn))),
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                None
            }
        }
    }

    /// Draws the progress bar and Avbryt; returns the outcome once the job has ended.
    pub fn visa(&mut self, ui: &mut egui::Ui) -> Option<Result<String, String>> {
        if let Some(r) = self.resultat(ui.ctx()) {
            return Some(r);
        }
        let klara = self.framsteg.klara.load(Ordering::Relaxed);
        let alla = self.framsteg.alla.load(Ordering::Relaxed);
        ui.horizontal(|ui| {
            let andel = if alla == 0 { 0.0 } else { klara as f32 / alla as f32 };
            ui.add(egui::ProgressBar::new(andel).desired_width(320.0).show_percentage());
            let text =
                if alla == 0 { format!("{} …", self.namn) } else { format!("{}: {klara} av {alla}", self.namn) };
            ui.label(text);
            if self.framsteg.avbrutet() {
                ui.label("Avbryter …");
            } else if ui.button("Avbryt").clicked() {
                self.framsteg.avbryt.store(true, Ordering::Relaxed);
            }
        });
        None
    }
}
