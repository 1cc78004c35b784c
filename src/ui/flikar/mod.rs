//! The open case: the identity header, the tab row and the tabs. Every tab is a [`Flikvy`]:
//! the case shows the current one and hands it the window's Save and Print.

pub mod ansokan;
pub mod ansokan_form;
pub mod aterkrav;
pub mod barnanalys;
pub mod beslut;
pub mod brev;
pub mod fia;
pub mod hushall;
pub mod hushall_historik;
pub mod ib;
pub mod journal;
pub mod oversikt;
pub mod plan;
mod plan_steg;
pub mod screening;

use crate::arbete::{self, Arbetsfel};
use crate::domain::arende::Arende;
use crate::store::HushallVy;
use crate::ui::kontext::{Flikvy, Kontext};
use crate::ui::tema::{self, Signal};
use egui::RichText;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flik {
    Oversikt,
    Hushall,
    Ansokan,
    Beslut,
    Plan,
    Ib,
    Fia,
    Screening,
    Journal,
    Brev,
}

impl Flik {
    pub const ALLA: &'static [Flik] = &[
        Flik::Oversikt,
        Flik::Hushall,
        Flik::Ansokan,
        Flik::Beslut,
        Flik::Plan,
        Flik::Ib,
        Flik::Fia,
        Flik::Screening,
        Flik::Journal,
        Flik::Brev,
    ];

    pub fn namn(self) -> &'static str {
        match self {
            Flik::Oversikt => "Översikt",
            Flik::Hushall => "Hushåll",
            Flik::Ansokan => "Ansökan",
            Flik::Beslut => "Beslut",
            Flik::Plan => "Plan",
            Flik::Ib => "IB",
            Flik::Fia => "FIA",
            Flik::Screening => "Screening",
            Flik::Journal => "Journal",
            Flik::Brev => "Brev",
        }
    }
}

pub struct OppetArende {
    pub arende: Arende,
    pub hushall: HushallVy,
    flik: Flik,
    oversikt: oversikt::OversiktVy,
    hushall_vy: hushall::HushallFlik,
    ansokan: ansokan::AnsokanVy,
    beslut: beslut::BeslutVy,
    plan: plan::PlanVy,
    ib: ib::IbVy,
    fia: fia::FiaVy,
    screening: screening::ScreeningVy,
    journal: journal::JournalVy,
    brev: brev::BrevVy,
    /// The application of the newest decision has changed since: a new decision is needed.
    andrad_efter_beslut: bool,
}

impl OppetArende {
    /// Loads the case (the opening is logged) and shows it on `flik`.
    pub fn oppna(ctx: &mut Kontext, arende_id: i64, flik: Flik) -> Result<OppetArende, Arbetsfel> {
        OppetArende::oppna_med_skal(ctx, arende_id, flik, None)
    }

    /// Opens the case; `skal` is the reason for opening a case the user is not assigned to.
    pub fn oppna_med_skal(
        ctx: &mut Kontext,
        arende_id: i64,
        flik: Flik,
        skal: Option<&str>,
    ) -> Result<OppetArende, Arbetsfel> {
        let (arende, hushall) = arbete::arende::oppna_arende_med_skal(ctx.store, &ctx.aktor, arende_id, skal)?;
        let mut a = OppetArende {
            flik,
            oversikt: oversikt::OversiktVy::ny(ctx, &arende, &hushall),
            hushall_vy: hushall::HushallFlik::ny(&arende, &hushall),
            ansokan: ansokan::AnsokanVy::ny(ctx, &arende, &hushall),
            beslut: beslut::BeslutVy::ny(ctx, &arende, &hushall),
            plan: plan::PlanVy::ny(ctx, &arende),
            ib: ib::IbVy::ny(ctx, &arende),
            fia: fia::FiaVy::ny(ctx, &arende),
            screening: screening::ScreeningVy::ny(&arende, &hushall, ctx.nu().date()),
            journal: journal::JournalVy::ny(ctx, &arende),
            brev: brev::BrevVy::ny(&arende),
            arende,
            hushall,
            andrad_efter_beslut: false,
        };
        a.aktiv().ladda(ctx);
        a.las_beslutslage(ctx);
        Ok(a)
    }

    pub fn flik(&self) -> Flik {
        self.flik
    }

    /// Shows another tab: the notice of the last one goes, the new one reads what it shows.
    pub fn byt_flik(&mut self, flik: Flik, ctx: &mut Kontext) {
        if flik != self.flik {
            ctx.rensa();
            self.flik = flik;
            self.aktiv().ladda(ctx);
            self.las_beslutslage(ctx);
        }
    }

    /// Whether the decided application has been changed since its decision.
    fn las_beslutslage(&mut self, ctx: &mut Kontext) {
        if let Some(andrad) = ctx.utfall(ctx.store.andrad_efter_beslut(self.arende.id)) {
            self.andrad_efter_beslut = andrad;
        }
    }

    fn aktiv(&mut self) -> &mut dyn Flikvy {
        match self.flik {
            Flik::Oversikt => &mut self.oversikt,
            Flik::Hushall => &mut self.hushall_vy,
            Flik::Ansokan => &mut self.ansokan,
            Flik::Beslut => &mut self.beslut,
            Flik::Plan => &mut self.plan,
            Flik::Ib => &mut self.ib,
            Flik::Fia => &mut self.fia,
            Flik::Screening => &mut self.screening,
            Flik::Journal => &mut self.journal,
            Flik::Brev => &mut self.brev,
        }
    }

    /// Ctrl+S: the current tab saves, or says why not.
    pub fn spara(&mut self, ctx: &mut Kontext) {
        self.aktiv().spara(ctx);
        self.las_beslutslage(ctx);
    }

    /// Ctrl+P: the current tab prints, or says why not.
    pub fn skriv_ut(&mut self, ctx: &mut Kontext) {
        self.aktiv().skriv_ut(ctx);
    }

    /// Esc with no window dialog open: the tab's own dialog closes.
    pub fn stang_dialog(&mut self, ctx: &mut Kontext) {
        if self.flik == Flik::Hushall {
            self.hushall_vy.stang_dialog(ctx);
        }
    }

    /// The household changed: the tabs built from it start over from the new household.
    fn hushallet_andrat(&mut self, ctx: &mut Kontext, hushall: HushallVy) {
        self.oversikt = oversikt::OversiktVy::ny(ctx, &self.arende, &hushall);
        self.ansokan = ansokan::AnsokanVy::ny(ctx, &self.arende, &hushall);
        self.beslut = beslut::BeslutVy::ny(ctx, &self.arende, &hushall);
        self.screening = screening::ScreeningVy::ny(&self.arende, &hushall, ctx.nu().date());
        self.journal = journal::JournalVy::ny(ctx, &self.arende);
        self.hushall = hushall;
    }

    /// Reads the case again after the overview changed it.
    pub fn las_om(&mut self, ctx: &mut Kontext) {
        if let Some(a) = ctx.utfall(ctx.store.arende(self.arende.id)) {
            self.oversikt.arendet_andrat(&a);
            self.arende = a;
        }
    }

    pub fn sokande_namn(&self) -> String {
        self.hushall.sokande().map(|p| p.namn()).unwrap_or_default()
    }

    /// The identity header as one line: name, personnummer, case (for dialogs that print).
    pub fn identitet(&self) -> String {
        let pnr = self.hushall.sokande().map(|p| p.pnr.to_string()).unwrap_or_default();
        let skyddad = if self.hushall.skyddade_personuppgifter { "  SKYDDADE PERSONUPPGIFTER" } else { "" };
        format!("{}  {pnr}  Ärende {}{skyddad}", self.sokande_namn(), self.arende.arendenummer)
    }

    /// The identity header shown on every case screen.
    pub fn visa_huvud(&self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(self.sokande_namn()).font(tema::fet(22.0)));
            if let Some(p) = self.hushall.sokande() {
                ui.label(RichText::new(p.pnr.to_string()).size(18.0));
            }
            ui.label(RichText::new(format!("Ärende {}", self.arende.arendenummer)).size(18.0));
            ui.label(RichText::new(self.arende.status.namn()).size(18.0).strong());
        });
        // The markings on a line of their own: a framed marking does not wrap, so beside a long
        // name it would run off the window's edge.
        if self.hushall.skyddade_personuppgifter || self.andrad_efter_beslut {
            ui.horizontal_wrapped(|ui| {
                if self.hushall.skyddade_personuppgifter {
                    markering(ui, "SKYDDADE PERSONUPPGIFTER");
                }
                if self.andrad_efter_beslut {
                    markering(ui, "Ändrat efter beslut – nytt beslut behövs");
                }
            });
        }
    }

    /// The header, the tab row, the window's notice and the current tab.
    pub fn visa(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        self.visa_huvud(ui);
        ui.add_space(6.0);
        let mut vald = None;
        ui.horizontal_wrapped(|ui| {
            // Closer together, so the ten tabs make one row beside the case list at 1280 pixels.
            ui.spacing_mut().item_spacing.x = 4.0;
            ui.spacing_mut().button_padding.x = 6.0;
            for (i, f) in Flik::ALLA.iter().enumerate() {
                if ui
                    .selectable_label(self.flik == *f, RichText::new(f.namn()).size(16.0))
                    .on_hover_text(if i < 8 { format!("Alt+{}", i + 1) } else { String::new() })
                    .clicked()
                {
                    vald = Some(*f);
                }
            }
        });
        if let Some(f) = vald {
            self.byt_flik(f, ctx);
        }
        ui.separator();
        if let Some((signal, text)) = ctx.notis() {
            crate::ui::widgetar::notis(ui, *signal, text);
        }
        let flik = self.aktiv();
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| flik.visa(ui, ctx));
        if let Some(h) = self.hushall_vy.tag_andrat() {
            self.hushallet_andrat(ctx, h);
        }
    }
}

/// A framed warning in the identity header.
fn markering(ui: &mut egui::Ui, text: &str) {
    let farg = tema::signalfarg(Signal::Varning, ui.visuals().dark_mode);
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.5, farg))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(8, 2))
        .show(ui, |ui| {
            ui.add(egui::Label::new(RichText::new(text).color(farg).strong()).extend());
        });
}
