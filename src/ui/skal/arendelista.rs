//! The case list: filtered as the user types in the search field, sortable by column, with
//! keyboard navigation and virtualised rows so any number of cases scrolls smoothly.

use crate::domain::arende::ArendeStatus;
use crate::store::{Sokresultat, Sortering, Store};
use crate::ui::tema;
use egui::{Key, RichText, Role, Sense, WidgetInfo};

/// The most rows the list fetches; the user narrows the search for more.
const MAX_RADER: usize = 2000;

const KOLUMNER: &[(&str, Sortering, f32)] = &[
    ("Ärende", Sortering::Arendenummer, 92.0),
    ("Namn", Sortering::Namn, 176.0),
    ("Personnummer", Sortering::Personnummer, 136.0),
    ("Status", Sortering::Status, 86.0),
];

pub struct Arendelista {
    pub fraga: String,
    senaste_fraga: Option<String>,
    sortering: Sortering,
    stigande: bool,
    pub resultat: Sokresultat,
    pub markerad: Option<usize>,
    pub fel: Option<String>,
    scrolla_till_markerad: bool,
    /// The case opened from elsewhere (a restored draft, a registration): the highlight stays
    /// on it when the list is read again, until the search text changes.
    foljd: Option<i64>,
}

impl Default for Arendelista {
    fn default() -> Self {
        Arendelista {
            fraga: String::new(),
            senaste_fraga: None,
            sortering: Sortering::Arendenummer,
            stigande: false,
            resultat: Sokresultat::default(),
            markerad: None,
            fel: None,
            scrolla_till_markerad: false,
            foljd: None,
        }
    }
}

fn kort_status(s: ArendeStatus) -> &'static str {
    match s {
        ArendeStatus::UnderUtredning => "Utredning",
        ArendeStatus::Aktuell => "Aktuell",
        ArendeStatus::Avslutad => "Avslutad",
    }
}

impl Arendelista {
    /// Forces a new query on the next frame (after a save).
    pub fn uppdatera(&mut self) {
        self.senaste_fraga = None;
    }

    /// Moves the highlight to a case opened from elsewhere, so that only one row is marked.
    pub fn folj(&mut self, arende_id: i64) {
        self.foljd = Some(arende_id);
        if let Some(i) = self.resultat.rader.iter().position(|r| r.arende_id == arende_id) {
            self.markerad = Some(i);
            self.scrolla_till_markerad = true;
        }
    }

    /// Runs the query when the search text or the sorting changed.
    pub fn hamta(&mut self, store: &Store) {
        if self.senaste_fraga.as_deref() == Some(self.fraga.as_str()) {
            return;
        }
        if self.senaste_fraga.is_some() {
            self.foljd = None; // A new search: Enter opens its first match.
        }
        match store.sok_arenden(&self.fraga, self.sortering, self.stigande, MAX_RADER) {
            Ok(r) => {
                let foljd = self.foljd.and_then(|id| r.rader.iter().position(|rad| rad.arende_id == id));
                self.markerad = foljd.or(if r.rader.is_empty() { None } else { Some(0) });
                self.scrolla_till_markerad = foljd.is_some();
                self.resultat = r;
                self.fel = None;
            }
            Err(e) => self.fel = Some(e.to_string()),
        }
        self.senaste_fraga = Some(self.fraga.clone());
    }

    /// Arrow keys move the selection; Enter returns the case to open.
    pub fn tangenter(&mut self, ctx: &egui::Context) -> Option<i64> {
        let n = self.resultat.rader.len();
        if n == 0 {
            return None;
        }
        let (ner, upp, enter) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, Key::Enter),
            )
        });
        let m = self.markerad.unwrap_or(0);
        if ner {
            self.markerad = Some((m + 1).min(n - 1));
            self.scrolla_till_markerad = true;
        }
        if upp {
            self.markerad = Some(m.saturating_sub(1));
            self.scrolla_till_markerad = true;
        }
        if enter { self.markerad.map(|i| self.resultat.rader[i].arende_id) } else { None }
    }

    /// Shows the list; returns the case the user opened with a click.
    pub fn visa(&mut self, ui: &mut egui::Ui, oppet: Option<i64>) -> Option<i64> {
        self.visa_rubrik(ui);
        self.visa_kolumner(ui);
        ui.separator();
        if self.resultat.rader.is_empty() {
            ui.label(if self.fraga.trim().is_empty() {
                "Inga ärenden ännu — Nytt hushåll (Ctrl+N)."
            } else {
                "Inget ärende matchar sökningen. Sök på ärendenummer, personnummer eller namn."
            });
            return None;
        }
        self.visa_rader(ui, oppet)
    }

    /// "Ärenden" with how many, and a read error if the list could not be read.
    fn visa_rubrik(&self, ui: &mut egui::Ui) {
        let totalt = self.resultat.totalt;
        let visas = self.resultat.rader.len();
        ui.horizontal(|ui| {
            ui.label(RichText::new("Ärenden").text_style(tema::rubrik2()));
            let text = if visas < totalt {
                format!("visar {visas} av {totalt} – förfina sökningen")
            } else {
                format!("{totalt} st")
            };
            ui.label(RichText::new(text).weak());
        });
        if let Some(fel) = &self.fel {
            crate::ui::widgetar::felrad(ui, fel);
        }
    }

    /// The column headers; a click sorts, a second click reverses.
    fn visa_kolumner(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            for (namn, sortering, bredd) in KOLUMNER {
                let pil = if self.sortering == *sortering { if self.stigande { " ▲" } else { " ▼" } } else { "" };
                let (rect, resp) = ui.allocate_exact_size(egui::vec2(*bredd, 28.0), Sense::click());
                let resp = resp.on_hover_text(format!("Sortera på {}", namn.to_lowercase()));
                let text = format!("{namn}{pil}");
                resp.widget_info(|| WidgetInfo::labeled(Role::Button, true, &text));
                if resp.hovered() {
                    ui.painter().rect_filled(rect, 4.0, ui.visuals().faint_bg_color);
                }
                let font = tema::fet(tema::TEXT_STORLEK);
                let farg = ui.visuals().strong_text_color();
                ui.painter().text(
                    rect.left_center() + egui::vec2(6.0, 0.0),
                    egui::Align2::LEFT_CENTER,
                    text,
                    font,
                    farg,
                );
                if resp.clicked() {
                    if self.sortering == *sortering {
                        self.stigande = !self.stigande;
                    } else {
                        self.sortering = *sortering;
                        self.stigande = true;
                    }
                    self.uppdatera();
                }
            }
        });
    }

    /// The rows, virtualised; returns the case clicked.
    fn visa_rader(&mut self, ui: &mut egui::Ui, oppet: Option<i64>) -> Option<i64> {
        let mut oppna = None;
        let radhojd = tema::RAD_HOJD;
        let mut scroll = egui::ScrollArea::vertical().auto_shrink([false, false]);
        if self.scrolla_till_markerad {
            if let Some(m) = self.markerad {
                let offset = (m as f32 * radhojd - ui.available_height() / 2.0).max(0.0);
                scroll = scroll.vertical_scroll_offset(offset);
            }
            self.scrolla_till_markerad = false;
        }
        scroll.show_rows(ui, radhojd, self.resultat.rader.len(), |ui, range| {
            for i in range {
                let rad = &self.resultat.rader[i];
                let markerad = self.markerad == Some(i);
                let (rect, resp) = ui.allocate_exact_size(egui::vec2(ui.available_width(), radhojd), Sense::click());
                let etikett = format!("{} {} {} {}", rad.arendenummer, rad.namn, rad.pnr, kort_status(rad.status));
                resp.widget_info(|| WidgetInfo::selected(Role::Button, true, markerad, &etikett));
                let v = ui.visuals();
                if markerad || oppet == Some(rad.arende_id) {
                    ui.painter().rect_filled(rect, 4.0, v.selection.bg_fill);
                } else if resp.hovered() {
                    ui.painter().rect_filled(rect, 4.0, v.faint_bg_color);
                }
                rita_rad(ui, rect, rad);
                if resp.clicked() {
                    self.markerad = Some(i);
                    oppna = Some(rad.arende_id);
                }
            }
        });
        oppna
    }
}

/// The row's texts, each clipped to its column.
fn rita_rad(ui: &egui::Ui, rect: egui::Rect, rad: &crate::store::ArendeRad) {
    let farg = ui.visuals().text_color();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let mut x = rect.left() + 6.0;
    let texter = [rad.arendenummer.as_str(), rad.namn.as_str(), rad.pnr.as_str(), kort_status(rad.status)];
    for ((_, _, bredd), text) in KOLUMNER.iter().zip(texter) {
        let galley = ui.painter().layout_no_wrap(text.to_string(), font.clone(), farg);
        let pos = egui::pos2(x, rect.center().y - galley.size().y / 2.0);
        let kolumn = egui::Rect::from_min_max(egui::pos2(x, rect.top()), egui::pos2(x + bredd - 8.0, rect.bottom()));
        ui.painter().with_clip_rect(kolumn.intersect(rect)).galley(pos, galley, farg);
        x += bredd;
    }
}
