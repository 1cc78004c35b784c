//! Design tokens: fonts, sizes, spacing and the few colours screens may use. Screens never
//! use literal colours; they ask this module.

use egui::{Color32, Context, FontData, FontDefinitions, FontFamily, FontId, Stroke, TextStyle, Visuals};
use std::sync::Arc;

pub const TEXT_STORLEK: f32 = 16.0;
pub const RAD_HOJD: f32 = 30.0;
pub const LUFT: f32 = 12.0;
pub const FALT_BREDD: f32 = 300.0;

/// The accent colour (the icon's blue).
pub const ACCENT: Color32 = Color32::from_rgb(0x1f, 0x5f, 0x8b);

/// Colours with a meaning; always shown together with text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    Varning,
    Fel,
    Klart,
    Ovning,
}

pub fn signalfarg(signal: Signal, mork: bool) -> Color32 {
    match (signal, mork) {
        (Signal::Varning, false) => Color32::from_rgb(0x8a, 0x5a, 0x00),
        (Signal::Varning, true) => Color32::from_rgb(0xf0, 0xc0, 0x60),
        (Signal::Fel, false) => Color32::from_rgb(0xb0, 0x1e, 0x1e),
        (Signal::Fel, true) => Color32::from_rgb(0xff, 0x8a, 0x80),
        (Signal::Klart, false) => Color32::from_rgb(0x1e, 0x6e, 0x32),
        (Signal::Klart, true) => Color32::from_rgb(0x80, 0xd0, 0x90),
        (Signal::Ovning, _) => Color32::from_rgb(0xd9, 0x6c, 0x00),
    }
}

/// The background of the training-mode top bar (light, so dark text stays readable).
pub const OVNING_BAKGRUND: Color32 = Color32::from_rgb(0xff, 0xe2, 0xbf);
/// Text on the training background.
pub const OVNING_TEXT: Color32 = Color32::from_rgb(0x7a, 0x3b, 0x00);

/// Loads the shipped font (the same TTF the letters embed) as egui's proportional font.
pub fn installera_typsnitt(ctx: &Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "liberation-sans".into(),
        Arc::new(FontData::from_static(include_bytes!("../../fonts/LiberationSans-Regular.ttf"))),
    );
    fonts.font_data.insert(
        "liberation-sans-bold".into(),
        Arc::new(FontData::from_static(include_bytes!("../../fonts/LiberationSans-Bold.ttf"))),
    );
    if let Some(list) = fonts.families.get_mut(&FontFamily::Proportional) {
        list.insert(0, "liberation-sans".into());
    }
    fonts
        .families
        .insert(FontFamily::Name("fet".into()), vec!["liberation-sans-bold".into(), "liberation-sans".into()]);
    ctx.set_fonts(fonts);
}

/// Applies sizes, spacing and the light (default) or dark theme.
pub fn installera(ctx: &Context, mork: bool) {
    ctx.set_visuals(if mork { Visuals::dark() } else { ljus() });
    ctx.global_style_mut(|style| {
        use FontFamily::Proportional;
        style.text_styles = [
            (TextStyle::Small, FontId::new(13.5, Proportional)),
            (TextStyle::Body, FontId::new(TEXT_STORLEK, Proportional)),
            (TextStyle::Button, FontId::new(TEXT_STORLEK, Proportional)),
            (TextStyle::Monospace, FontId::new(TEXT_STORLEK - 1.0, FontFamily::Monospace)),
            (TextStyle::Heading, FontId::new(22.0, FontFamily::Name("fet".into()))),
            (TextStyle::Name("rubrik2".into()), FontId::new(18.0, FontFamily::Name("fet".into()))),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(10.0, 8.0);
        style.spacing.button_padding = egui::vec2(12.0, 6.0);
        style.spacing.interact_size.y = 30.0;
        style.spacing.text_edit_width = FALT_BREDD;
    });
}

fn ljus() -> Visuals {
    let mut v = Visuals::light();
    v.selection.bg_fill = Color32::from_rgb(0xc8, 0xdc, 0xee);
    v.selection.stroke = Stroke::new(1.0, ACCENT);
    v.hyperlink_color = ACCENT;
    v.panel_fill = Color32::from_rgb(0xf7, 0xf8, 0xfa);
    v.window_fill = Color32::WHITE;
    v.extreme_bg_color = Color32::WHITE;
    v.faint_bg_color = Color32::from_rgb(0xee, 0xf2, 0xf6);
    // Fields and buttons get a visible edge so an empty field is never invisible on white.
    let kant = Stroke::new(1.0, Color32::from_rgb(0x9a, 0xa5, 0xb1));
    v.widgets.inactive.bg_stroke = kant;
    v.widgets.noninteractive.bg_stroke = Stroke::new(1.0, Color32::from_rgb(0xd0, 0xd6, 0xdc));
    v.widgets.hovered.bg_stroke = Stroke::new(1.0, ACCENT);
    v
}

/// The second heading size, for sections inside a screen.
pub fn rubrik2() -> TextStyle {
    TextStyle::Name("rubrik2".into())
}

pub fn fet(storlek: f32) -> FontId {
    FontId::new(storlek, FontFamily::Name("fet".into()))
}
