//! The tertial and year report: the unit, the period and the date on top, then every chart
//! (drawn as vector lines) followed by every table – the same cells the window and the CSV
//! files show. It names no client.

use super::layout::{Block, Brevhuvud, Form, Kolumn, Text, Typsnitt, skapa_pdf};
use crate::domain::beslut::Enhet;
use crate::domain::statistik::{Diagram, Period, Tabell};

/// The text width of the page (mm).
const BREDD: f32 = 160.0;
/// A chart's plotting area: left edge after the value labels, and its height (mm).
const PLOT_X: f32 = 22.0;
const PLOT_H: f32 = 50.0;
const PLOT_Y: f32 = 8.0;

/// The line colours of a chart's series (RGB 0–1), told apart also by the legend's text.
pub const SERIEFARGER: [(f32, f32, f32); 4] =
    [(0.12, 0.37, 0.65), (0.85, 0.45, 0.10), (0.20, 0.55, 0.25), (0.55, 0.25, 0.55)];

/// What the report says about itself.
pub struct Rapporthuvud<'a> {
    pub enhet: &'a Enhet,
    pub period: Period,
    /// "Hela enheten" or "Handläggare Eva Ek".
    pub urval: &'a str,
    pub datum: &'a str,
    pub minsta: u32,
}

/// The report's blocks: a lead-in, the charts, the tables.
pub fn block(h: &Rapporthuvud<'_>, tabeller: &[Tabell], diagram: &[Diagram], t: &Typsnitt) -> Vec<Block> {
    let mut ut = vec![
        Block::Fakta("Period".into(), h.period.to_string()),
        Block::Fakta("Urval".into(), h.urval.to_string()),
        Block::Fakta("Enhet".into(), h.enhet.enhet.clone()),
        Block::Fakta("Utskriven".into(), h.datum.to_string()),
        Block::Stycke(format!(
            "Uppgifterna kommer ur enhetens egna ärenden och beslut. Ett hushåll räknas för en månad när något \
             beviljats för den månaden. Långvarigt bistånd är bistånd minst 10 av de 12 månaderna fram till \
             periodens slut. Ett tal som bygger på färre än {} hushåll visas som \"färre än {}\".",
            h.minsta, h.minsta
        )),
    ];
    for d in diagram.iter().filter(|d| d.serier.iter().any(|s| s.varden.iter().any(Option::is_some))) {
        ut.push(Block::Plats(PLOT_Y + PLOT_H + 26.0));
        ut.push(Block::Underrubrik(d.titel.clone()));
        ut.push(figur(d));
    }
    for tab in tabeller {
        // The heading, the column headings and a few rows stay together.
        ut.push(Block::Plats(40.0));
        ut.push(Block::Underrubrik(tab.rubrik.clone()));
        if tab.rader.is_empty() {
            ut.push(Block::Stycke("Inget under perioden.".into()));
            continue;
        }
        ut.push(tabell(tab, t));
    }
    ut
}

/// The whole report as PDF/A bytes.
pub fn pdf(h: &Rapporthuvud<'_>, tabeller: &[Tabell], diagram: &[Diagram]) -> Result<Vec<u8>, String> {
    let t = Typsnitt::delad()?;
    let huvud = Brevhuvud {
        avsandare: vec![h.enhet.namnd.clone(), h.enhet.forvaltning.clone(), h.enhet.enhet.clone()],
        kontakt: Vec::new(),
        datum: h.datum.to_string(),
        arendenummer: String::new(),
        mottagare: Vec::new(),
        hanteringsblad: Vec::new(),
        titel: format!("Statistik för {}", h.period),
        logo: None,
    };
    Ok(skapa_pdf(&huvud, &block(h, tabeller, diagram, t), t))
}

/// A table: the first column as wide as its longest text (within reason), the figures sharing the rest.
fn tabell(t: &Tabell, typsnitt: &Typsnitt) -> Block {
    let n = t.kolumner.len().max(1);
    let langst = t.rader.iter().map(|r| typsnitt.bredd(false, 10.0, &r[0].visa())).fold(0.0, f32::max);
    let forsta = (langst + 4.0).clamp(20.0, BREDD - (n.saturating_sub(1) as f32) * 22.0);
    let ovriga = if n > 1 { (BREDD - forsta) / (n - 1) as f32 } else { 0.0 };
    let kolumner = t
        .kolumner
        .iter()
        .enumerate()
        .map(|(i, k)| Kolumn { rubrik: k.clone(), bredd: if i == 0 { forsta } else { ovriga }, hoger: i > 0 })
        .collect();
    let rader = t.rader.iter().map(|r| r.iter().map(|c| c.visa()).collect()).collect();
    Block::Tabell { kolumner, rader, sista_fet: false }
}

/// Rounds the top of an axis up to 1, 2 or 5 times a power of ten.
fn jamn_topp(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let potens = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 5.0, 10.0].iter().map(|f| f * potens).find(|v| *v >= max).unwrap_or(10.0 * potens)
}

fn axeltext(v: f64) -> String {
    if v.fract().abs() > 1e-9 {
        return format!("{v:.1}").replace('.', ",");
    }
    let heltal = v.round() as i64;
    let s = heltal.unsigned_abs().to_string();
    let mut ut = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            ut.push(' ');
        }
        ut.push(c);
    }
    ut
}

fn text(x: f32, y: f32, storlek: f32, hoger: bool, text: String) -> Text {
    Text { x, y, storlek, fet: false, hoger, text }
}

/// A line chart: value axis with four steps, one label per month, one line per series (a gap
/// where a figure is hidden), and a legend under it.
fn figur(d: &Diagram) -> Block {
    let storst = d.serier.iter().flat_map(|s| s.varden.iter().flatten()).copied().fold(0.0, f64::max);
    // Four even steps: 0, 100, 200, 300, 400.
    let topp = 4.0 * jamn_topp(storst / 4.0);
    let bredd = BREDD - PLOT_X;
    let n = d.manader.len().max(1);
    let x = |i: usize| PLOT_X + bredd * (i as f32 + 0.5) / n as f32;
    let y = |v: f64| PLOT_Y + PLOT_H - (v / topp) as f32 * PLOT_H;
    let gra = (0.75, 0.75, 0.75);
    let mut former = Vec::new();
    let mut texter = Vec::new();
    for steg in 0..=4 {
        let v = topp * f64::from(steg) / 4.0;
        former.push(Form { punkter: vec![(PLOT_X, y(v)), (BREDD, y(v))], farg: gra, tjocklek: 0.3 });
        texter.push(text(PLOT_X - 2.0, y(v) - 1.2, 7.5, true, axeltext(v)));
    }
    let var = (n / 12).max(1);
    for (i, m) in d.manader.iter().enumerate().filter(|(i, _)| i % var == 0) {
        texter.push(text(x(i) - 5.0, PLOT_Y + PLOT_H + 1.5, 7.5, false, m.clone()));
    }
    for (s, serie) in d.serier.iter().enumerate() {
        let farg = SERIEFARGER[s % SERIEFARGER.len()];
        let mut bit: Vec<(f32, f32)> = Vec::new();
        for (i, v) in serie.varden.iter().enumerate() {
            match v {
                Some(v) => bit.push((x(i), y(*v))),
                None => lagg_linje(&mut former, &mut bit, farg),
            }
        }
        lagg_linje(&mut former, &mut bit, farg);
        let lx = PLOT_X + s as f32 * 36.0;
        let ly = PLOT_Y + PLOT_H + 8.0;
        former.push(Form { punkter: vec![(lx, ly), (lx + 6.0, ly)], farg, tjocklek: 2.0 });
        texter.push(text(lx + 8.0, ly - 1.4, 7.5, false, serie.namn.clone()));
    }
    Block::Figur { hojd: PLOT_Y + PLOT_H + 14.0, former, texter }
}

/// Ends a line at a gap: a single point becomes a short mark so it still shows.
fn lagg_linje(former: &mut Vec<Form>, bit: &mut Vec<(f32, f32)>, farg: (f32, f32, f32)) {
    match bit.len() {
        0 => {}
        1 => {
            let (px, py) = bit[0];
            former.push(Form { punkter: vec![(px - 0.8, py), (px + 0.8, py)], farg, tjocklek: 2.5 });
        }
        _ => former.push(Form { punkter: bit.clone(), farg, tjocklek: 1.4 }),
    }
    bit.clear();
}
