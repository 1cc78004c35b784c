//! A small layout engine for A4 letters: the unit's header, the recipient in the window-envelope
//! position, paragraphs wrapped by real glyph widths, tables whose rows never split, page
//! breaks, a running header on later pages and "Sida X av Y". Letter kinds only say *what* is
//! on them; this module decides *where*.

use printpdf::ParsedFont;

pub(crate) const SIDA_BREDD: f32 = 210.0;
pub(crate) const SIDA_HOJD: f32 = 297.0;
pub(crate) const VANSTER: f32 = 25.0;
const HOGER: f32 = 185.0;
const BRODTEXT: f32 = 11.0;
const RADAVSTAND: f32 = 1.35;
const BOTTEN: f32 = 268.0;
/// Where the recipient block sits so it shows in a C5/E65 window envelope (mm from top-left).
const FONSTER_X: f32 = 25.0;
const FONSTER_Y: f32 = 52.0;

/// The letter font (Liberation Sans, the same TTF as on screen), regular and bold.
pub struct Typsnitt {
    pub(super) vanlig: ParsedFont,
    pub(super) fet: ParsedFont,
    /// Advance widths (font units) of the characters below `TABELL`, regular and bold: measuring
    /// text is the layout's inner loop.
    bredder: [Vec<u16>; 2],
}

/// Characters with a ready width: Latin, punctuation, dashes and quotes.
const TABELL: u32 = 0x2200;

fn glyfbredd(f: &ParsedFont, c: u32) -> u16 {
    f.lookup_glyph_index(c).and_then(|g| f.get_glyph_width(g)).unwrap_or(500)
}

impl Typsnitt {
    pub fn ladda() -> Result<Typsnitt, String> {
        let las = |bytes: &[u8], reserv: &str| {
            let mut font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
                .ok_or_else(|| "Brevets typsnitt kunde inte läsas.".to_string())?;
            // The name the PDF gives the embedded font (printpdf would use a random id).
            font.font_name = Some(super::pdf::postscriptnamn(bytes).unwrap_or_else(|| reserv.to_string()));
            Ok::<_, String>(font)
        };
        let vanlig = las(include_bytes!("../../fonts/LiberationSans-Regular.ttf"), "LiberationSans")?;
        let fet = las(include_bytes!("../../fonts/LiberationSans-Bold.ttf"), "LiberationSans-Bold")?;
        let tabell = |f: &ParsedFont| (0..TABELL).map(|c| glyfbredd(f, c)).collect();
        Ok(Typsnitt { bredder: [tabell(&vanlig), tabell(&fet)], vanlig, fet })
    }

    /// The fonts parsed once per process and shared by every letter and thread.
    pub fn delad() -> Result<&'static Typsnitt, String> {
        static DELAD: std::sync::OnceLock<Result<Typsnitt, String>> = std::sync::OnceLock::new();
        DELAD.get_or_init(Typsnitt::ladda).as_ref().map_err(Clone::clone)
    }

    /// Width of `text` in millimetres at `storlek` points.
    pub fn bredd(&self, fet: bool, storlek: f32, text: &str) -> f32 {
        let f = if fet { &self.fet } else { &self.vanlig };
        let tabell = &self.bredder[usize::from(fet)];
        let em = f32::from(f.units_per_em.max(1));
        let enheter: u32 = text
            .chars()
            .map(|c| u32::from(tabell.get(c as usize).copied().unwrap_or_else(|| glyfbredd(f, c as u32))))
            .sum();
        enheter as f32 / em * storlek * 25.4 / 72.0
    }

    /// Splits `text` into lines no wider than `bredd` mm (a word longer than a line is cut).
    pub fn radbryt(&self, fet: bool, storlek: f32, text: &str, bredd: f32) -> Vec<String> {
        let mut rader = Vec::new();
        for stycke in text.split('\n') {
            let mut rad = String::new();
            for ord in hela_belopp(stycke) {
                let ord = ord.as_str();
                let forsok = if rad.is_empty() { ord.to_string() } else { format!("{rad} {ord}") };
                if self.bredd(fet, storlek, &forsok) <= bredd {
                    rad = forsok;
                    continue;
                }
                if !rad.is_empty() {
                    rader.push(std::mem::take(&mut rad));
                }
                // A single word wider than the line is cut where it must be.
                let mut del = String::new();
                for c in ord.chars() {
                    del.push(c);
                    if self.bredd(fet, storlek, &del) > bredd && del.chars().count() > 1 {
                        let sista = del.pop().unwrap_or(c);
                        rader.push(std::mem::take(&mut del));
                        del.push(sista);
                    }
                }
                rad = del;
            }
            rader.push(rad);
        }
        rader
    }
}

/// A column of a table.
#[derive(Debug, Clone)]
pub struct Kolumn {
    pub rubrik: String,
    pub bredd: f32,
    pub hoger: bool,
}

/// What a letter kind puts on its pages, in order.
#[derive(Debug, Clone)]
pub enum Block {
    Rubrik(String),
    Underrubrik(String),
    Stycke(String),
    /// A label and a value on one line ("Beviljat belopp", "12 345,00 kr").
    Fakta(String, String),
    Tabell {
        kolumner: Vec<Kolumn>,
        rader: Vec<Vec<String>>,
        sista_fet: bool,
    },
    Luft(f32),
    /// Starts a new page (e.g. the appeal page).
    NySida,
    /// Starts a new page unless this many mm are left (keeps a heading with what follows).
    Plats(f32),
    /// A drawing (a chart) of `hojd` mm at the left margin: lines and texts in mm from the
    /// figure's top-left corner. It is never split over pages.
    Figur {
        hojd: f32,
        former: Vec<Form>,
        texter: Vec<Text>,
    },
}

/// A line drawn through points (mm from the top-left), in a colour (RGB 0–1) and a width (pt).
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub punkter: Vec<(f32, f32)>,
    pub farg: (f32, f32, f32),
    pub tjocklek: f32,
}

/// The page furniture of a letter.
#[derive(Debug, Clone)]
pub struct Brevhuvud {
    /// Nämnd, förvaltning, enhet: the first line bold.
    pub avsandare: Vec<String>,
    /// Address, phone, opening hours (small).
    pub kontakt: Vec<String>,
    pub datum: String,
    pub arendenummer: String,
    /// The recipient block in the window (for protected identity only the name: nothing there
    /// may reveal it).
    pub mottagare: Vec<String>,
    /// An internal handling sheet printed as a page before the letter and never sent (e.g. how
    /// to send a letter to a person with protected identity); empty for none.
    pub hanteringsblad: Vec<String>,
    pub titel: String,
    /// The unit's logo (PNG), top left on the first page.
    pub logo: Option<Vec<u8>>,
}

/// The logo's height on the page (mm).
pub(crate) const LOGO_HOJD: f32 = 14.0;

/// A line of text placed on a page: mm from the top-left corner; `x` is the right edge when
/// `hoger`.
#[derive(Debug, Clone)]
pub struct Text {
    pub x: f32,
    pub y: f32,
    pub storlek: f32,
    pub fet: bool,
    pub hoger: bool,
    pub text: String,
}

/// A laid-out page: what the PDF (and a preview) draws.
#[derive(Debug, Default)]
pub struct Sida {
    pub texter: Vec<Text>,
    /// Horizontal rules: from x, to x, at y (mm).
    pub linjer: Vec<(f32, f32, f32)>,
    /// Coloured lines of figures (charts), drawn after the rules.
    pub former: Vec<Form>,
    /// Started because the previous page was full (not the first page, not `NySida`).
    automatisk: bool,
    /// The block being laid out when the page started.
    forsta_block: usize,
    /// Lines of body text on the page.
    rader: u32,
}

/// A tail shorter than this never sits alone on a page.
const MINSTA_SVANS: usize = 3;

struct Satt<'a> {
    t: &'a Typsnitt,
    huvud: &'a Brevhuvud,
    sidor: Vec<Sida>,
    y: f32,
    /// The block being laid out, and the page each block started on.
    block: usize,
    block_sida: Vec<usize>,
    /// No line of the current block is set yet.
    block_tom: bool,
}

impl Satt<'_> {
    fn sida(&mut self) -> &mut Sida {
        if self.sidor.is_empty() {
            self.sidor.push(Sida::default());
        }
        let n = self.sidor.len() - 1;
        &mut self.sidor[n]
    }

    fn text(&mut self, x: f32, y: f32, storlek: f32, fet: bool, hoger: bool, text: &str) {
        self.block_tom = false;
        self.sida().texter.push(Text { x, y, storlek, fet, hoger, text: text.to_string() });
    }

    fn ny_sida(&mut self) {
        self.sidor.push(Sida::default());
        let avsandare = self.huvud.avsandare.last().cloned().unwrap_or_default();
        let rubrik = if self.huvud.arendenummer.is_empty() {
            format!("{avsandare} – {}", self.huvud.titel)
        } else {
            format!("{avsandare} – ärende {}", self.huvud.arendenummer)
        };
        self.text(VANSTER, 15.0, 8.5, false, false, &rubrik);
        self.text(HOGER, 15.0, 8.5, false, true, &self.huvud.datum.clone());
        self.sida().linjer.push((VANSTER, HOGER, 18.0));
        self.y = 28.0;
    }

    /// Makes room for `hojd` mm, starting a new page when it does not fit.
    fn plats(&mut self, hojd: f32) {
        if self.y + hojd > BOTTEN {
            self.automatisk_sida();
        }
    }

    fn automatisk_sida(&mut self) {
        let tom = self.block_tom;
        self.ny_sida();
        let block = self.block;
        if tom {
            // The block starts on the new page.
            let n = self.sidor.len() - 1;
            if let Some(sida) = self.block_sida.get_mut(block) {
                *sida = n;
            }
        }
        self.block_tom = tom;
        let sida = self.sida();
        sida.automatisk = true;
        sida.forsta_block = block;
    }

    /// How many of `n` lines of height `rh` to set on this page: none rather than one alone at
    /// the bottom, and never so many that fewer than `MINSTA_SVANS` go on alone to the next.
    fn rader_har(&self, n: usize, rh: f32) -> usize {
        let ryms = ((BOTTEN - self.y) / rh).floor().max(0.0) as usize;
        if ryms >= n {
            return n;
        }
        let har = ryms.min(n.saturating_sub(MINSTA_SVANS));
        if har < 2 { 0 } else { har }
    }

    fn radhojd(storlek: f32) -> f32 {
        storlek * RADAVSTAND * 25.4 / 72.0
    }

    fn forsta_sidan(&mut self, logo_bredd: f32) {
        self.sidor.push(Sida::default());
        let h = self.huvud.clone();
        let x = if logo_bredd > 0.0 { VANSTER + logo_bredd + 5.0 } else { VANSTER };
        let mut y = 18.0;
        for (i, rad) in h.avsandare.iter().enumerate() {
            self.text(x, y, if i == 0 { 12.0 } else { 10.0 }, i == 0, false, rad);
            y += Self::radhojd(if i == 0 { 12.0 } else { 10.0 });
        }
        for rad in &h.kontakt {
            self.text(x, y, 8.5, false, false, rad);
            y += Self::radhojd(8.5);
        }
        self.text(HOGER, 18.0, 10.0, false, true, &format!("Datum {}", h.datum));
        if !h.arendenummer.is_empty() {
            self.text(HOGER, 18.0 + Self::radhojd(10.0), 10.0, false, true, &format!("Ärende {}", h.arendenummer));
        }
        let mut y = FONSTER_Y;
        for rad in &h.mottagare {
            self.text(FONSTER_X, y, BRODTEXT, false, false, rad);
            y += Self::radhojd(BRODTEXT);
        }
        // A document without a recipient (a report) starts under the header.
        self.y = if h.mottagare.is_empty() { 48.0 } else { 100.0 };
        self.text(VANSTER, self.y, 15.0, true, false, &h.titel);
        self.y += Self::radhojd(15.0) + 3.0;
    }

    fn stycke(&mut self, storlek: f32, fet: bool, text: &str) {
        let rh = Self::radhojd(storlek);
        let rader = self.t.radbryt(fet, storlek, text, HOGER - VANSTER);
        let mut bryt_efter = self.rader_har(rader.len(), rh);
        if bryt_efter == 0 {
            self.automatisk_sida();
            bryt_efter = rader.len();
        }
        for (i, rad) in rader.iter().enumerate() {
            if i == bryt_efter {
                self.automatisk_sida();
            }
            self.plats(rh);
            let y = self.y;
            self.text(VANSTER, y, storlek, fet, false, rad);
            self.sida().rader += 1;
            self.y += rh;
        }
        self.y += 2.0;
    }

    /// Places a figure whole on this page or the next.
    fn figur(&mut self, hojd: f32, former: &[Form], texter: &[Text]) {
        self.plats(hojd);
        let (x0, y0) = (VANSTER, self.y);
        for f in former {
            let punkter = f.punkter.iter().map(|(x, y)| (x0 + x, y0 + y)).collect();
            self.sida().former.push(Form { punkter, ..f.clone() });
        }
        for t in texter {
            self.text(x0 + t.x, y0 + t.y, t.storlek, t.fet, t.hoger, &t.text);
        }
        self.sida().rader += (hojd / Self::radhojd(BRODTEXT)) as u32;
        self.y += hojd;
    }

    fn tabell(&mut self, kolumner: &[Kolumn], rader: &[Vec<String>], sista_fet: bool) {
        let rh = Self::radhojd(10.0);
        let rubrikrad = |s: &mut Self| {
            let mut x = VANSTER;
            let mut hogst = 1;
            for k in kolumner {
                let y = s.y;
                let (tx, hoger) = if k.hoger { (x + k.bredd - 1.0, true) } else { (x, false) };
                // A heading wider than its column wraps instead of running into the next.
                let rader = if s.t.bredd(true, 10.0, &k.rubrik) <= k.bredd - 1.0 {
                    vec![k.rubrik.clone()]
                } else {
                    s.t.radbryt(true, 10.0, &k.rubrik, k.bredd - 2.0)
                };
                for (j, r) in rader.iter().enumerate() {
                    s.text(tx, y + j as f32 * rh, 10.0, true, hoger, r);
                }
                hogst = hogst.max(rader.len());
                x += k.bredd;
            }
            s.y += rh * hogst as f32;
            let y = s.y - rh * 0.6;
            s.sida().linjer.push((VANSTER, x, y + 1.0));
        };
        self.plats(rh * 2.0);
        rubrikrad(self);
        for (i, rad) in rader.iter().enumerate() {
            let fet = sista_fet && i + 1 == rader.len();
            let celler: Vec<Vec<String>> = kolumner
                .iter()
                .zip(rad.iter().chain(std::iter::repeat(&String::new())))
                .map(|(k, c)| self.t.radbryt(fet, 10.0, c, k.bredd - 3.0))
                .collect();
            let hojd = celler.iter().map(Vec::len).max().unwrap_or(1) as f32 * rh;
            // A row is never split: it moves whole to the next page, under a repeated header.
            if self.y + hojd > BOTTEN {
                self.automatisk_sida();
                rubrikrad(self);
            }
            self.sida().rader += hojd_rader(&celler);
            let mut x = VANSTER;
            for (k, rader) in kolumner.iter().zip(&celler) {
                for (j, r) in rader.iter().enumerate() {
                    let y = self.y + j as f32 * rh;
                    let (tx, hoger) = if k.hoger { (x + k.bredd - 1.0, true) } else { (x, false) };
                    self.text(tx, y, 10.0, fet, hoger, r);
                }
                x += k.bredd;
            }
            self.y += hojd;
        }
        self.y += 3.0;
    }
}

/// Lays the blocks out on pages; a block in `bryt_fore` starts a new page.
fn satt_sidor<'a>(
    huvud: &'a Brevhuvud,
    block: &[Block],
    t: &'a Typsnitt,
    logo_bredd: f32,
    bryt_fore: &[usize],
) -> Satt<'a> {
    let mut s = Satt { t, huvud, sidor: Vec::new(), y: 0.0, block: 0, block_sida: Vec::new(), block_tom: false };
    s.forsta_sidan(logo_bredd);
    for (i, b) in block.iter().enumerate() {
        s.block = i;
        if bryt_fore.contains(&i) && s.sidor.last().is_some_and(|p| p.rader > 0) {
            s.automatisk_sida();
        }
        s.block_sida.push(s.sidor.len() - 1);
        s.block_tom = true;
        match b {
            Block::Rubrik(text) => {
                s.plats(Satt::radhojd(13.0) * 3.0);
                s.y += 2.0;
                s.stycke(13.0, true, text);
            }
            Block::Underrubrik(text) => {
                s.plats(Satt::radhojd(11.0) * 3.0);
                s.y += 2.0;
                s.stycke(BRODTEXT, true, text);
            }
            Block::Stycke(text) => s.stycke(BRODTEXT, false, text),
            Block::Fakta(etikett, varde) => {
                let rh = Satt::radhojd(BRODTEXT);
                s.plats(rh);
                let y = s.y;
                s.text(VANSTER, y, BRODTEXT, false, false, etikett);
                s.text(HOGER, y, BRODTEXT, true, true, varde);
                s.sida().rader += 1;
                s.y += rh;
            }
            Block::Tabell { kolumner, rader, sista_fet } => s.tabell(kolumner, rader, *sista_fet),
            Block::Luft(mm) => s.y += mm,
            Block::NySida => {
                s.ny_sida();
                s.sida().forsta_block = i;
            }
            Block::Figur { hojd, former, texter } => s.figur(*hojd, former, texter),
            Block::Plats(mm) => s.plats(*mm),
        }
    }
    s
}

/// The block to move to a new page when a page that ends its part of the letter (the last
/// page, or the one before a `NySida`) holds only a short tail that flowed over: the block
/// before the tail goes along with it.
fn ensam_svans(s: &Satt<'_>) -> Option<(usize, usize)> {
    let n = s.sidor.len();
    (0..n).find_map(|p| {
        let sida = &s.sidor[p];
        let slutar_delen = p + 1 == n || !s.sidor[p + 1].automatisk;
        if !sida.automatisk || !slutar_delen || sida.rader as usize >= MINSTA_SVANS {
            return None;
        }
        let b = sida.forsta_block;
        // A block split over the break moves whole; one that starts the page takes the one before.
        let flytta = if s.block_sida.get(b) == Some(&p) { b.checked_sub(1)? } else { b };
        (s.block_sida.get(flytta).copied()? + 1 == p).then_some((flytta, p))
    })
}

/// Lays out the letter, moving blocks along until no short tail sits alone on a page.
fn lagg_ut<'a>(huvud: &'a Brevhuvud, block: &[Block], t: &'a Typsnitt, logo_bredd: f32) -> Vec<Sida> {
    let mut bryt_fore = Vec::new();
    let mut s = satt_sidor(huvud, block, t, logo_bredd, &bryt_fore);
    for _ in 0..8 {
        match ensam_svans(&s) {
            Some((b, sida)) if !bryt_fore.contains(&b) => {
                // An earlier break replaces the one that left this page short.
                bryt_fore.retain(|x| s.block_sida.get(*x) != Some(&sida));
                bryt_fore.push(b);
                s = satt_sidor(huvud, block, t, logo_bredd, &bryt_fore);
            }
            _ => break,
        }
    }
    s.sidor
}

/// The internal handling sheet: a page of its own before the letter, never sent.
fn hanteringssida(huvud: &Brevhuvud, t: &Typsnitt) -> Sida {
    let mut s = Satt { t, huvud, sidor: Vec::new(), y: 25.0, block: 0, block_sida: Vec::new(), block_tom: false };
    s.sidor.push(Sida::default());
    s.text(VANSTER, 18.0, 10.0, false, false, &format!("Ärende {} – {}", huvud.arendenummer, huvud.datum));
    s.y = 30.0;
    s.stycke(15.0, true, "INTERNT HANTERINGSBLAD – skickas inte");
    s.y += 4.0;
    for rad in &huvud.hanteringsblad {
        s.stycke(BRODTEXT, false, rad);
    }
    s.sidor.pop().unwrap_or_default()
}

/// A whole letter laid out: its pages in order and the logo on page `logo_sida`.
#[derive(Debug)]
pub struct Sidlayout {
    pub sidor: Vec<Sida>,
    pub logo: Option<std::sync::Arc<super::logo::Logo>>,
    pub logo_sida: usize,
}

/// Lays out and writes the letter as PDF/A bytes, with the font embedded as a subset and the
/// real creation date in the metadata. A handling sheet, if any, comes first and is not
/// counted in the letter's "Sida X av Y".
pub fn skapa_pdf(huvud: &Brevhuvud, block: &[Block], t: &Typsnitt) -> Vec<u8> {
    skapa_sidor_och_pdf(huvud, block, t).1
}

/// Lays the letter out once and writes the PDF from those pages: a preview drawn from the
/// returned pages shows exactly what the PDF holds.
pub fn skapa_sidor_och_pdf(huvud: &Brevhuvud, block: &[Block], t: &Typsnitt) -> (Sidlayout, Vec<u8>) {
    let layout = lagg_ut_brev(huvud, block, t);
    let forfattare = huvud.avsandare.last().cloned().unwrap_or_default();
    let pdf = super::pdf::skriv(&layout, &super::pdf::Dokumentinfo { titel: &huvud.titel, forfattare: &forfattare }, t);
    (layout, pdf)
}

/// Lays out the whole letter: the handling sheet, the letter's pages with their footers.
pub fn lagg_ut_brev(huvud: &Brevhuvud, block: &[Block], t: &Typsnitt) -> Sidlayout {
    let logo = huvud.logo.as_deref().and_then(super::logo::logo);
    let logo_bredd = logo.as_ref().map(|l| LOGO_HOJD * l.bredd as f32 / l.hojd as f32).unwrap_or(0.0);
    let brevsidor = lagg_ut(huvud, block, t, logo_bredd);
    let antal = brevsidor.len();
    let mut sidor: Vec<Sida> = Vec::with_capacity(antal + 1);
    let sidfot = |x: f32, hoger: bool, text: String| Text { x, y: 285.0, storlek: 8.5, fet: false, hoger, text };
    if !huvud.hanteringsblad.is_empty() {
        let mut blad = hanteringssida(huvud, t);
        blad.texter.push(sidfot(VANSTER, false, "Internt – ta bort före utskick".into()));
        sidor.push(blad);
    }
    let logo_sida = sidor.len();
    let enhet = huvud.avsandare.first().cloned().unwrap_or_default();
    for (n, mut sida) in brevsidor.into_iter().enumerate() {
        sida.texter.push(sidfot(VANSTER, false, enhet.clone()));
        sida.texter.push(sidfot(HOGER, true, format!("Sida {} av {antal}", n + 1)));
        sidor.push(sida);
    }
    Sidlayout { sidor, logo, logo_sida }
}

/// Lines of the tallest cell of a table row.
fn hojd_rader(celler: &[Vec<String>]) -> u32 {
    celler.iter().map(Vec::len).max().unwrap_or(1) as u32
}

/// The words of a line, with an amount kept whole: "24 920 kr" never breaks after "24" or
/// before "kr".
fn hela_belopp(text: &str) -> Vec<String> {
    let mut ord: Vec<String> = Vec::new();
    for w in text.split_whitespace() {
        let grupp =
            w.len() >= 3 && w.chars().take(3).all(|c| c.is_ascii_digit()) && !w[3..].starts_with(char::is_alphanumeric);
        let valuta = w.trim_end_matches(['.', ',', ')', ';', ':']) == "kr";
        match ord.last_mut() {
            Some(forra) if forra.ends_with(|c: char| c.is_ascii_digit()) && (grupp || valuta) => {
                forra.push(' ');
                forra.push_str(w);
            }
            _ => ord.push(w.to_string()),
        }
    }
    ord
}
