//! Print preview: the laid-out pages of a letter – the very pages its PDF is written from –
//! drawn as white A4 sheets, page by page, with zoom, a printer choice, Skriv ut, Spara som …
//! and Stäng (Esc).

use crate::arbete::skrivare::{self, Utskriven};
use crate::letters::Sida;
use crate::letters::layout::{LOGO_HOJD, SIDA_BREDD, SIDA_HOJD, VANSTER};
use crate::ui::kontext::Kontext;
use crate::ui::tema;
use crate::utskrift::Brev;
use egui::{Color32, FontId, Key, KeyboardShortcut, Modifiers, Pos2, Rect, RichText, Stroke, Vec2};
use std::path::Path;

/// Screen points per millimetre at zoom 1 (1 pt = 1/72 inch).
const PUNKTER_PER_MM: f32 = 72.0 / 25.4;
const ZOOM_STEG: f32 = 0.1;
const MINSTA_ZOOM: f32 = 0.4;
const STORSTA_ZOOM: f32 = 2.5;

/// What the user did with the preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Forhandssvar {
    Stang,
}

/// An open preview of one letter.
pub struct Forhandsgranskning {
    brev: Brev,
    /// The file name the letter gets in the print folder.
    filnamn: String,
    /// Name, personnummer and case of the identity header.
    identitet: String,
    sida: usize,
    zoom: f32,
    skrivare: Vec<String>,
    vald: String,
    /// The unit's logo as a texture, made the first time the page with it is drawn.
    logo: Option<egui::TextureHandle>,
    /// The system's printers while they are being asked for.
    soker: Option<std::sync::mpsc::Receiver<Vec<String>>>,
}

impl Forhandsgranskning {
    /// A preview of `brev` on its first page, with the remembered printer; the system's printers
    /// are asked for off the UI thread (lpstat or PowerShell can take a moment).
    pub fn ny(brev: Brev, filnamn: String, identitet: String, ctx: &mut Kontext) -> Forhandsgranskning {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(skrivare::systemets_skrivare());
        });
        let minne = ctx.las(skrivare::vald_skrivare(ctx.store));
        Forhandsgranskning {
            brev,
            filnamn,
            identitet,
            sida: 0,
            zoom: 1.0,
            skrivare: minne.iter().cloned().collect(),
            vald: minne.unwrap_or_default(),
            logo: None,
            soker: Some(rx),
        }
    }

    /// Takes the system's printers once they are known: the remembered one stays chosen, else
    /// the first (or the system's default printer when there is none).
    fn skrivarna_klara(&mut self) {
        let Some(rx) = &self.soker else { return };
        let lista = match rx.try_recv() {
            Ok(lista) => lista,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => Vec::new(),
        };
        self.soker = None;
        if self.vald.is_empty() {
            self.vald = lista.first().cloned().unwrap_or_else(|| skrivare::STANDARD.into());
        }
        self.skrivare = lista;
        if !self.skrivare.contains(&self.vald) {
            self.skrivare.insert(0, self.vald.clone());
        }
    }

    pub fn antal_sidor(&self) -> usize {
        self.brev.sidor.sidor.len()
    }

    pub fn sida(&self) -> usize {
        self.sida
    }

    pub fn vald_skrivare(&self) -> &str {
        &self.vald
    }

    /// Draws the preview; `Some` when it closes.
    pub fn visa(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) -> Option<Forhandssvar> {
        self.tangenter(ui.ctx());
        ui.label(RichText::new(&self.identitet).font(tema::fet(18.0)));
        ui.label(RichText::new(format!("Förhandsgranskning: {}", self.brev.titel)).text_style(tema::rubrik2()));
        let svar = self.verktyg(ui, ctx);
        if let Some((signal, text)) = ctx.notis().cloned() {
            crate::ui::widgetar::notis(ui, signal, &text);
        }
        ui.add_space(6.0);
        // The sheet takes what the window has left below the tools, so the dialog never runs off
        // the bottom of the screen.
        let hojd = (ui.ctx().content_rect().bottom() - ui.cursor().top() - 70.0).max(200.0);
        // The sheet on a grey desk, so its edges show.
        egui::Frame::new().fill(Color32::from_gray(190)).inner_margin(12).show(ui, |ui| {
            egui::ScrollArea::both()
                .max_height(hojd)
                .min_scrolled_height(hojd)
                .auto_shrink([false, false])
                .show(ui, |ui| self.rita_sida(ui));
        });
        svar
    }

    /// PageUp/PageDown and Ctrl+plus/minus (taken before egui's own zoom of the whole window).
    fn tangenter(&mut self, ctx: &egui::Context) {
        let tryck = |k: KeyboardShortcut| ctx.input_mut(|i| i.consume_shortcut(&k));
        if tryck(KeyboardShortcut::new(Modifiers::NONE, Key::PageDown)) {
            self.bladdra(1);
        }
        if tryck(KeyboardShortcut::new(Modifiers::NONE, Key::PageUp)) {
            self.bladdra(-1);
        }
        if tryck(KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus))
            || tryck(KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals))
        {
            self.zooma(ZOOM_STEG);
        }
        if tryck(KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus)) {
            self.zooma(-ZOOM_STEG);
        }
    }

    fn bladdra(&mut self, steg: i32) {
        let sista = self.antal_sidor().saturating_sub(1);
        self.sida = if steg < 0 { self.sida.saturating_sub(1) } else { (self.sida + 1).min(sista) };
    }

    fn zooma(&mut self, steg: f32) {
        self.zoom = (self.zoom + steg).clamp(MINSTA_ZOOM, STORSTA_ZOOM);
    }

    /// Page navigation, zoom, the printer and the buttons.
    fn verktyg(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) -> Option<Forhandssvar> {
        let mut svar = None;
        ui.horizontal_wrapped(|ui| {
            let antal = self.antal_sidor();
            if ui.add_enabled(self.sida > 0, egui::Button::new("Föregående")).on_hover_text("PageUp").clicked() {
                self.bladdra(-1);
            }
            ui.label(format!("Sida {} av {}", self.sida + 1, antal));
            if ui.add_enabled(self.sida + 1 < antal, egui::Button::new("Nästa")).on_hover_text("PageDown").clicked() {
                self.bladdra(1);
            }
            ui.separator();
            if ui.button("Zooma ut").on_hover_text("Ctrl+minus").clicked() {
                self.zooma(-ZOOM_STEG);
            }
            ui.label(format!("{:.0} %", self.zoom * 100.0));
            if ui.button("Zooma in").on_hover_text("Ctrl+plus").clicked() {
                self.zooma(ZOOM_STEG);
            }
        });
        ui.horizontal_wrapped(|ui| {
            self.skrivarval(ui, ctx);
            if ui.button("Skriv ut").clicked() {
                self.skriv_ut(ctx);
            }
            if ui.button("Spara som …").clicked() {
                self.spara_som_dialog(ctx);
            }
            if ui.button("Stäng").on_hover_text("Esc").clicked() {
                svar = Some(Forhandssvar::Stang);
            }
        });
        svar
    }

    fn skrivarval(&mut self, ui: &mut egui::Ui, ctx: &mut Kontext) {
        self.skrivarna_klara();
        if self.soker.is_some() {
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(50));
        }
        let etikett = ui.label("Skrivare");
        let visat = if self.vald.is_empty() { "Söker skrivare …" } else { self.vald.as_str() };
        let mut ny = None;
        egui::ComboBox::from_id_salt("forhands_skrivare")
            .selected_text(visat)
            .show_ui(ui, |ui| {
                for namn in &self.skrivare {
                    if ui.selectable_label(*namn == self.vald, namn).clicked() {
                        ny = Some(namn.clone());
                    }
                }
            })
            .response
            .labelled_by(etikett.id);
        if let Some(namn) = ny {
            self.valj_skrivare(ctx, &namn);
        }
    }

    /// Chooses `namn` as the printer and remembers it.
    pub fn valj_skrivare(&mut self, ctx: &mut Kontext, namn: &str) {
        let svar = crate::arbete::skrivare::valj_skrivare(ctx.store, &ctx.aktor, namn);
        if ctx.utfall(svar).is_some() {
            self.vald = namn.to_string();
        }
    }

    /// Saves the letter in the print folder and sends it to the chosen printer.
    pub fn skriv_ut(&mut self, ctx: &mut Kontext) {
        let mapp = ctx.utskrift.mapp.clone();
        if let Err(e) = crate::filer::skapa_mapp(&mapp) {
            ctx.fel(format!("Mappen {} kan inte skapas: {}.", mapp.display(), crate::filer::orsak(&e)));
            return;
        }
        let fil = ctx.utskrift.fil(&self.filnamn);
        let svar = skrivare::skriv_pa_skrivare(ctx.store, &ctx.aktor, &self.brev, &fil, &self.vald);
        match ctx.utfall(svar) {
            Some(Utskriven::Skrivare(namn)) => ctx.klart(format!("Brevet är skickat till {namn}: {}", fil.display())),
            Some(Utskriven::Sparad(fil)) => {
                if ctx.utskrift.oppna_visare {
                    crate::ui::kontext::oppna_i_visare(&fil);
                }
                ctx.klart(format!(
                    "Brevet är sparat och öppnas i PDF-visaren, skriv ut det därifrån – datorns PDF-program tar inte emot utskrifter direkt: {}",
                    fil.display()
                ));
            }
            None => {}
        }
    }

    fn spara_som_dialog(&mut self, ctx: &mut Kontext) {
        let dialog = rfd::FileDialog::new().set_file_name(&self.filnamn).add_filter("PDF", &["pdf"]);
        if let Some(fil) = dialog.save_file() {
            self.spara_som(ctx, &fil);
        }
    }

    /// Saves the letter as `fil` and writes the journal line (what Spara som … does once a place is chosen).
    pub fn spara_som(&mut self, ctx: &mut Kontext, fil: &Path) {
        let svar = crate::arbete::brev::spara(ctx.store, &ctx.aktor, &self.brev, fil);
        if let Some(fil) = ctx.utfall(svar) {
            ctx.klart(format!("Brevet är sparat: {}", fil.display()));
        }
    }

    /// The current page as a white A4 sheet.
    fn rita_sida(&mut self, ui: &mut egui::Ui) {
        let skala = PUNKTER_PER_MM * self.zoom;
        let (rect, _) = ui.allocate_exact_size(Vec2::new(SIDA_BREDD, SIDA_HOJD) * skala, egui::Sense::hover());
        let p = ui.painter_at(rect);
        p.rect_filled(rect, 0.0, Color32::WHITE);
        p.rect_stroke(rect, 0.0, Stroke::new(1.0, Color32::from_gray(160)), egui::StrokeKind::Outside);
        let Some(sida) = self.brev.sidor.sidor.get(self.sida) else { return };
        let punkt = |x: f32, y: f32| Pos2::new(rect.left() + x * skala, rect.top() + y * skala);
        if let Some(logo) = self.brev.sidor.logo.as_ref().filter(|_| self.brev.sidor.logo_sida == self.sida) {
            let bredd = LOGO_HOJD * logo.bredd as f32 / logo.hojd.max(1) as f32;
            let ruta = Rect::from_min_max(punkt(VANSTER, 13.0), punkt(VANSTER + bredd, 13.0 + LOGO_HOJD));
            let textur = self.logo.get_or_insert_with(|| {
                let storlek = [logo.bredd as usize, logo.hojd as usize];
                let bild = egui::ColorImage::from_rgba_unmultiplied(storlek, &logo.rgba);
                ui.ctx().load_texture("brevets-logotyp", bild, egui::TextureOptions::LINEAR)
            });
            let hela = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
            p.image(textur.id(), ruta, hela, Color32::WHITE);
        }
        rita_innehall(&p, sida, skala, punkt);
    }
}

/// The page's rules and texts: mm → points → screen, text at its baseline like in the PDF.
fn rita_innehall(p: &egui::Painter, sida: &Sida, skala: f32, punkt: impl Fn(f32, f32) -> Pos2) {
    let svart = Color32::BLACK;
    for (x1, x2, y) in &sida.linjer {
        p.line_segment([punkt(*x1, *y), punkt(*x2, *y)], Stroke::new((0.3 * skala).max(0.5), svart));
    }
    let typsnitt = crate::letters::Typsnitt::delad().ok();
    for t in &sida.texter {
        // Font size in points; 1 pt = 1/72 inch = 25.4/72 mm.
        let storlek = t.storlek * 25.4 / 72.0 * skala;
        let font = if t.fet { tema::fet(storlek) } else { FontId::proportional(storlek) };
        let bredd = typsnitt.map(|ty| ty.bredd(t.fet, t.storlek, &t.text)).unwrap_or(0.0);
        let x = if t.hoger { t.x - bredd } else { t.x };
        // The PDF's baseline; egui's galley says where its own baseline sits below the top.
        let baslinje = punkt(x, t.y + t.storlek * 0.28);
        let galley = p.layout_no_wrap(t.text.clone(), font, svart);
        let ned = galley.rows.first().and_then(|r| r.glyphs.first().map(|g| r.pos.y + g.pos.y)).unwrap_or(0.0);
        p.galley(Pos2::new(baslinje.x, baslinje.y - ned), galley, svart);
    }
}
