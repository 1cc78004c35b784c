//! A small layout engine for A4 letters: the unit's header, the recipient in the window-envelope
//! position, paragraphs wrapped by real glyph widths, tables whose rows never split, page
//! breaks, a running header on later pages and "Sida X av Y". Letter kinds only say *what* is
//! on them; this module decides *where*.

use printpdf::{
    Color, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt,
    RawImage, Rgb, TextItem, XObjectTransform,
};

const SIDA_BREDD: f32 = 210.0;
const SIDA_HOJD: f32 = 297.0;
const VANSTER: f32 = 25.0;
const HOGER: f32 = 185.0;
const BRODTEXT: f32 = 11.0;
const RADAVSTAND: f32 = 1.35;
const BOTTEN: f32 = 268.0;
/// Where the recipient block sits so it shows in a C5/E65 window envelope (mm from top-left).
const FONSTER_X: f32 = 25.0;
const FONSTER_Y: f32 = 52.0;

/// The letter font (Liberation Sans, the same TTF as on screen), regular and bold.
pub struct Typsnitt {
    vanlig: ParsedFont,
    fet: ParsedFont,
}

impl Typsnitt {
    pub fn ladda() -> Result<Typsnitt, String> {
        let las = |bytes: &[u8]| {
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
                .ok_or_else(|| "Brevets typsnitt kunde inte läsas.".to_string())
        };
        Ok(Typsnitt {
            vanlig: las(include_bytes!("../../fonts/LiberationSans-Regular.ttf"))?,
            fet: las(include_bytes!("../../fonts/LiberationSans-Bold.ttf"))?,
        })
    }

    /// Width of `text` in millimetres at `storlek` points.
    pub fn bredd(&self, fet: bool, storlek: f32, text: &str) -> f32 {
        let f = if fet { &self.fet } else { &self.vanlig };
        let em = f32::from(f.units_per_em.max(1));
        let enheter: u32 = text
            .chars()
            .map(|c| f.lookup_glyph_index(c as u32).and_then(|g| f.get_glyph_width(g)).map(u32::from).unwrap_or(500))
            .sum();
        enheter as f32 / em * storlek * 25.4 / 72.0
    }

    /// Splits `text` into lines no wider than `bredd` mm (a word longer than a line is cut).
    pub fn radbryt(&self, fet: bool, storlek: f32, text: &str, bredd: f32) -> Vec<String> {
        let mut rader = Vec::new();
        for stycke in text.split('\n') {
            let mut rad = String::new();
            for ord in stycke.split_whitespace() {
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
    /// The recipient block in the window; for protected identity a manual-handling mark instead.
    pub mottagare: Vec<String>,
    pub titel: String,
    /// The unit's logo (PNG), top left on the first page.
    pub logo: Option<Vec<u8>>,
}

/// The logo's height on the page (mm).
const LOGO_HOJD: f32 = 14.0;

#[derive(Debug, Clone)]
struct Text {
    x: f32,
    y: f32,
    storlek: f32,
    fet: bool,
    hoger: bool,
    text: String,
}

#[derive(Debug, Default)]
struct Sida {
    texter: Vec<Text>,
    linjer: Vec<(f32, f32, f32)>,
}

struct Satt<'a> {
    t: &'a Typsnitt,
    huvud: &'a Brevhuvud,
    sidor: Vec<Sida>,
    y: f32,
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
        self.sida().texter.push(Text { x, y, storlek, fet, hoger, text: text.to_string() });
    }

    fn ny_sida(&mut self) {
        self.sidor.push(Sida::default());
        let rubrik = format!(
            "{} – ärende {}",
            self.huvud.avsandare.last().cloned().unwrap_or_default(),
            self.huvud.arendenummer
        );
        self.text(VANSTER, 15.0, 8.5, false, false, &rubrik);
        self.text(HOGER, 15.0, 8.5, false, true, &self.huvud.datum.clone());
        self.sida().linjer.push((VANSTER, HOGER, 18.0));
        self.y = 28.0;
    }

    /// Makes room for `hojd` mm, starting a new page when it does not fit.
    fn plats(&mut self, hojd: f32) {
        if self.y + hojd > BOTTEN {
            self.ny_sida();
        }
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
        self.text(HOGER, 18.0 + Self::radhojd(10.0), 10.0, false, true, &format!("Ärende {}", h.arendenummer));
        let mut y = FONSTER_Y;
        for rad in &h.mottagare {
            self.text(FONSTER_X, y, BRODTEXT, false, false, rad);
            y += Self::radhojd(BRODTEXT);
        }
        self.y = 100.0;
        self.text(VANSTER, self.y, 15.0, true, false, &h.titel);
        self.y += Self::radhojd(15.0) + 3.0;
    }

    fn stycke(&mut self, storlek: f32, fet: bool, text: &str) {
        let rh = Self::radhojd(storlek);
        for rad in self.t.radbryt(fet, storlek, text, HOGER - VANSTER) {
            self.plats(rh);
            let y = self.y;
            self.text(VANSTER, y, storlek, fet, false, &rad);
            self.y += rh;
        }
        self.y += 2.0;
    }

    fn tabell(&mut self, kolumner: &[Kolumn], rader: &[Vec<String>], sista_fet: bool) {
        let rh = Self::radhojd(10.0);
        let rubrikrad = |s: &mut Self| {
            let mut x = VANSTER;
            for k in kolumner {
                let y = s.y;
                let (tx, hoger) = if k.hoger { (x + k.bredd - 1.0, true) } else { (x, false) };
                s.text(tx, y, 10.0, true, hoger, &k.rubrik);
                x += k.bredd;
            }
            s.y += rh;
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
                self.ny_sida();
                rubrikrad(self);
            }
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

/// Lays out and writes the letter as PDF bytes, with the font embedded as a subset and the
/// real creation date in the metadata.
pub fn skapa_pdf(huvud: &Brevhuvud, block: &[Block], t: &Typsnitt) -> Vec<u8> {
    let logo = huvud.logo.as_deref().and_then(|b| RawImage::decode_from_bytes(b, &mut Vec::new()).ok());
    let logo_bredd = logo.as_ref().map(|l| LOGO_HOJD * l.width as f32 / l.height.max(1) as f32).unwrap_or(0.0);
    let mut s = Satt { t, huvud, sidor: Vec::new(), y: 0.0 };
    s.forsta_sidan(logo_bredd);
    for b in block {
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
                s.y += rh;
            }
            Block::Tabell { kolumner, rader, sista_fet } => s.tabell(kolumner, rader, *sista_fet),
            Block::Luft(mm) => s.y += mm,
            Block::NySida => s.ny_sida(),
        }
    }

    let mut doc = PdfDocument::new(&huvud.titel);
    doc.metadata.info.creation_date = printpdf::OffsetDateTime::now();
    doc.metadata.info.modification_date = doc.metadata.info.creation_date;
    doc.metadata.info.metadata_date = doc.metadata.info.creation_date;
    doc.metadata.info.author = huvud.avsandare.last().cloned().unwrap_or_default();
    doc.metadata.info.creator = "Bistånd".into();
    // Embed only the glyphs the letter uses: a whole font is ~400 KB per file.
    let tecken = |fet: bool| -> String {
        let mut alla: String =
            s.sidor.iter().flat_map(|p| &p.texter).filter(|x| x.fet == fet).map(|x| x.text.as_str()).collect();
        alla.push_str("0123456789 Sidaov");
        alla
    };
    let vanlig_font = delmangd(&t.vanlig, &tecken(false)).unwrap_or_else(|| t.vanlig.clone());
    let fet_font = delmangd(&t.fet, &tecken(true)).unwrap_or_else(|| t.fet.clone());
    let vanlig = doc.add_font(&vanlig_font);
    let fet = doc.add_font(&fet_font);
    let logo = logo.map(|l| {
        // The dpi that makes the image LOGO_HOJD mm tall.
        let dpi = l.height as f32 * 25.4 / LOGO_HOJD;
        (doc.add_image(&l), dpi)
    });
    let antal = s.sidor.len();
    let enhet = huvud.avsandare.first().cloned().unwrap_or_default();
    let mut sidor = Vec::with_capacity(antal);
    for (n, mut sida) in s.sidor.into_iter().enumerate() {
        sida.texter.push(Text { x: VANSTER, y: 285.0, storlek: 8.5, fet: false, hoger: false, text: enhet.clone() });
        sida.texter.push(Text {
            x: HOGER,
            y: 285.0,
            storlek: 8.5,
            fet: false,
            hoger: true,
            text: format!("Sida {} av {antal}", n + 1),
        });
        let mut ops = vec![
            Op::SetOutlineColor { col: Color::Rgb(Rgb { r: 0.55, g: 0.55, b: 0.55, icc_profile: None }) },
            Op::SetOutlineThickness { pt: Pt(0.5) },
        ];
        if let (0, Some((id, dpi))) = (n, &logo) {
            ops.push(Op::UseXobject {
                id: id.clone(),
                transform: XObjectTransform {
                    translate_x: Some(Mm(VANSTER).into()),
                    translate_y: Some(Mm(SIDA_HOJD - 13.0 - LOGO_HOJD).into()),
                    dpi: Some(*dpi),
                    ..Default::default()
                },
            });
        }
        for (x1, x2, y) in &sida.linjer {
            let punkt = |x: f32| LinePoint { p: Point { x: Mm(x).into(), y: Mm(SIDA_HOJD - y).into() }, bezier: false };
            ops.push(Op::DrawLine { line: Line { points: vec![punkt(*x1), punkt(*x2)], is_closed: false } });
        }
        for txt in &sida.texter {
            let x = if txt.hoger { txt.x - t.bredd(txt.fet, txt.storlek, &txt.text) } else { txt.x };
            ops.extend([
                Op::StartTextSection,
                Op::SetFont {
                    font: PdfFontHandle::External(if txt.fet { fet.clone() } else { vanlig.clone() }),
                    size: Pt(txt.storlek),
                },
                Op::SetTextCursor {
                    pos: Point { x: Mm(x).into(), y: Mm(SIDA_HOJD - txt.y - txt.storlek * 0.28).into() },
                },
                Op::ShowText { items: vec![TextItem::Text(txt.text.clone())] },
                Op::EndTextSection,
            ]);
        }
        sidor.push(PdfPage::new(Mm(SIDA_BREDD), Mm(SIDA_HOJD), ops));
    }
    doc.with_pages(sidor).save(&PdfSaveOptions::default(), &mut Vec::new())
}

/// A font reduced to the glyphs of `text` (plus .notdef), or `None` if subsetting fails (the
/// whole font is then embedded: larger, but the letter is still right).
fn delmangd(font: &ParsedFont, text: &str) -> Option<ParsedFont> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile, subset};
    let mut ids: Vec<u16> = text.chars().filter_map(|c| font.lookup_glyph_index(c as u32)).collect();
    ids.push(0);
    ids.sort_unstable();
    ids.dedup();
    let scope = ReadScope::new(&font.original_bytes);
    let data = scope.read::<FontData<'_>>().ok()?;
    let provider = data.table_provider(0).ok()?;
    let bytes = subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode).ok()?;
    ParsedFont::from_bytes(&bytes, 0, &mut Vec::new())
}
