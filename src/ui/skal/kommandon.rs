//! Every action of the shell as one command: a Swedish name, an optional shortcut, and an entry
//! in the command palette (Ctrl+K).

use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fonsterkommando {
    Sok,
    NyttHushall,
    Spara,
    SkrivUt,
    Palett,
    StangDialog,
    Flik(usize),
    Installningar,
    AttGora,
    Kassa,
    Loggkontroll,
    Statistik,
}

impl Fonsterkommando {
    /// The commands offered in the palette, in order.
    pub const PALETT: &'static [Fonsterkommando] = &[
        Fonsterkommando::Sok,
        Fonsterkommando::NyttHushall,
        Fonsterkommando::Spara,
        Fonsterkommando::SkrivUt,
        Fonsterkommando::Flik(0),
        Fonsterkommando::Flik(1),
        Fonsterkommando::Flik(2),
        Fonsterkommando::Flik(3),
        Fonsterkommando::Flik(4),
        Fonsterkommando::Flik(5),
        Fonsterkommando::Flik(6),
        Fonsterkommando::Flik(7),
        Fonsterkommando::Flik(8),
        Fonsterkommando::Flik(9),
        Fonsterkommando::AttGora,
        Fonsterkommando::Kassa,
        Fonsterkommando::Statistik,
        Fonsterkommando::Installningar,
        Fonsterkommando::Loggkontroll,
    ];

    pub fn namn(self) -> String {
        match self {
            Fonsterkommando::Sok => "Sök ärende".into(),
            Fonsterkommando::NyttHushall => "Nytt hushåll".into(),
            Fonsterkommando::Spara => "Spara".into(),
            Fonsterkommando::SkrivUt => "Skriv ut (det fliken visar)".into(),
            Fonsterkommando::Palett => "Kommandon".into(),
            Fonsterkommando::StangDialog => "Stäng dialogen".into(),
            Fonsterkommando::Flik(i) => match crate::ui::flikar::Flik::ALLA.get(i) {
                Some(f) => format!("Visa fliken {}", f.namn()),
                None => "Visa flik".into(),
            },
            Fonsterkommando::Installningar => "Inställningar".into(),
            Fonsterkommando::AttGora => "Att göra".into(),
            Fonsterkommando::Kassa => "Kassa – utbetalningar".into(),
            Fonsterkommando::Loggkontroll => "Loggkontroll (åtkomstloggen)".into(),
            Fonsterkommando::Statistik => "Statistik".into(),
        }
    }

    pub fn genvag(self) -> Option<KeyboardShortcut> {
        // Alt+1 … Alt+9, then Alt+0 for the tenth tab, as on the keyboard's number row.
        const NUM: [Key; 10] = [
            Key::Num1,
            Key::Num2,
            Key::Num3,
            Key::Num4,
            Key::Num5,
            Key::Num6,
            Key::Num7,
            Key::Num8,
            Key::Num9,
            Key::Num0,
        ];
        Some(match self {
            Fonsterkommando::Sok => KeyboardShortcut::new(Modifiers::COMMAND, Key::F),
            Fonsterkommando::NyttHushall => KeyboardShortcut::new(Modifiers::COMMAND, Key::N),
            Fonsterkommando::Spara => KeyboardShortcut::new(Modifiers::COMMAND, Key::S),
            Fonsterkommando::SkrivUt => KeyboardShortcut::new(Modifiers::COMMAND, Key::P),
            Fonsterkommando::Palett => KeyboardShortcut::new(Modifiers::COMMAND, Key::K),
            Fonsterkommando::StangDialog => KeyboardShortcut::new(Modifiers::NONE, Key::Escape),
            Fonsterkommando::Flik(i) => KeyboardShortcut::new(Modifiers::ALT, *NUM.get(i)?),
            Fonsterkommando::Installningar
            | Fonsterkommando::AttGora
            | Fonsterkommando::Kassa
            | Fonsterkommando::Loggkontroll
            | Fonsterkommando::Statistik => return None,
        })
    }

    /// The shortcut as the user reads it ("Ctrl+F").
    pub fn genvag_text(self) -> String {
        self.genvag()
            .map(|g| {
                let mut s = String::new();
                if g.modifiers.command || g.modifiers.ctrl {
                    s.push_str("Ctrl+");
                }
                if g.modifiers.alt {
                    s.push_str("Alt+");
                }
                if g.modifiers.shift {
                    s.push_str("Skift+");
                }
                s.push_str(match g.logical_key {
                    Key::Escape => "Esc",
                    k => k.name(),
                });
                s
            })
            .unwrap_or_default()
    }

    /// The shortcuts pressed this frame (consumed so widgets do not also see them).
    pub fn fran_tangentbord(ctx: &egui::Context) -> Vec<Fonsterkommando> {
        // Esc first closes an open drop-down; only then the dialog.
        let esc = (!ctx.any_popup_open()).then_some(Fonsterkommando::StangDialog);
        let alla = [
            Fonsterkommando::Sok,
            Fonsterkommando::NyttHushall,
            Fonsterkommando::Spara,
            Fonsterkommando::SkrivUt,
            Fonsterkommando::Palett,
        ]
        .into_iter()
        .chain(esc)
        .chain((0..crate::ui::flikar::Flik::ALLA.len()).map(Fonsterkommando::Flik));
        ctx.input_mut(|i| {
            let valda: Vec<Fonsterkommando> =
                alla.filter(|k| k.genvag().is_some_and(|g| i.consume_shortcut(&g))).collect();
            // Some systems also deliver Alt+4 as the typed text "4": it must not land in the
            // focused field. (AltGr+digit types @, $, { … – never a digit – and is left alone.)
            if valda.iter().any(|k| matches!(k, Fonsterkommando::Flik(_))) {
                i.events.retain(|e| !matches!(e, egui::Event::Text(t) if t.chars().all(|c| c.is_ascii_digit())));
            }
            valda
        })
    }
}

/// The command palette: a filter field and the matching commands.
#[derive(Debug, Default)]
pub struct Palett {
    pub filter: String,
    pub markerad: usize,
}

impl Palett {
    /// Shows the palette; returns the command chosen, if any.
    pub fn visa(&mut self, ui: &mut egui::Ui) -> Option<Fonsterkommando> {
        let label = ui.label("Sök kommando");
        let resp = ui.add(egui::TextEdit::singleline(&mut self.filter).desired_width(420.0)).labelled_by(label.id);
        resp.request_focus();
        let filter = self.filter.to_lowercase();
        let traffar: Vec<Fonsterkommando> =
            Fonsterkommando::PALETT.iter().copied().filter(|k| k.namn().to_lowercase().contains(&filter)).collect();
        if traffar.is_empty() {
            ui.label("Inget kommando matchar.");
            return None;
        }
        self.markerad = self.markerad.min(traffar.len() - 1);
        let (ner, upp, enter) =
            ui.input(|i| (i.key_pressed(Key::ArrowDown), i.key_pressed(Key::ArrowUp), i.key_pressed(Key::Enter)));
        if ner {
            self.markerad = (self.markerad + 1).min(traffar.len() - 1);
        }
        if upp {
            self.markerad = self.markerad.saturating_sub(1);
        }
        let mut vald = enter.then(|| traffar[self.markerad]);
        for (i, k) in traffar.iter().enumerate() {
            let text = format!("{}    {}", k.namn(), k.genvag_text());
            if ui.selectable_label(i == self.markerad, text).clicked() {
                vald = Some(*k);
            }
        }
        vald
    }
}
