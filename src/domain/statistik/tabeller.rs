//! The indicators as tables and chart series: one set of cells that the window, the PDF and the
//! CSV files all print, so they show the same figures. A figure that rests on fewer households
//! than the unit's minimum is a [`Cell::FarreAn`] ("färre än 5") everywhere.

use super::{Indikatorer, Kostnadsslag, Tidsmatt};
use crate::domain::belopp::Belopp;

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Antal(u32),
    /// Whole kronor.
    Kronor(Belopp),
    Dagar(Option<f64>),
    /// A share in per cent: part of whole (none when the whole is 0).
    Andel {
        del: u32,
        av: u32,
    },
    /// Hidden: rests on fewer than this many households.
    FarreAn(u32),
}

fn tusental(n: u64) -> String {
    let s = n.to_string();
    let mut ut = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            ut.push(' ');
        }
        ut.push(c);
    }
    ut
}

fn kronor_tal(b: Belopp) -> i64 {
    b.rounded_to_krona().to_ore() / 100
}

fn decimal_text(x: f64) -> String {
    let t = format!("{x:.1}").replace('.', ",");
    t.strip_suffix(",0").map(str::to_string).unwrap_or(t)
}

fn andel_text(del: u32, av: u32) -> Option<String> {
    (av > 0).then(|| format!("{:.1}", f64::from(del) * 100.0 / f64::from(av)).replace('.', ","))
}

impl Cell {
    /// As the window and the PDF show it: "1 234", "12 345", "3,5", "25,0 %", "färre än 5".
    pub fn visa(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Antal(n) => tusental(u64::from(*n)),
            Cell::Kronor(b) => {
                let kr = kronor_tal(*b);
                format!("{}{}", if kr < 0 { "−" } else { "" }, tusental(kr.unsigned_abs()))
            }
            Cell::Dagar(d) => d.map(decimal_text).unwrap_or_else(|| "–".into()),
            Cell::Andel { del, av } => andel_text(*del, *av).map(|t| format!("{t} %")).unwrap_or_else(|| "–".into()),
            Cell::FarreAn(n) => format!("färre än {n}"),
        }
    }

    /// As the CSV file has it: numbers without spaces or units, a decimal comma.
    pub fn csv(&self) -> String {
        match self {
            Cell::Text(t) if t.contains([';', '"', '\n']) => format!("\"{}\"", t.replace('"', "\"\"")),
            Cell::Antal(n) => n.to_string(),
            Cell::Kronor(b) => kronor_tal(*b).to_string(),
            Cell::Andel { del, av } => andel_text(*del, *av).unwrap_or_default(),
            Cell::Dagar(None) => String::new(),
            _ => self.visa(),
        }
    }

    /// The value a chart draws (none for text and hidden figures).
    pub fn tal(&self) -> Option<f64> {
        match self {
            Cell::Antal(n) => Some(f64::from(*n)),
            Cell::Kronor(b) => Some(kronor_tal(*b) as f64),
            Cell::Dagar(d) => *d,
            Cell::Andel { del, av } => (*av > 0).then(|| f64::from(*del) * 100.0 / f64::from(*av)),
            _ => None,
        }
    }

    /// Right-aligned in a table (everything but text).
    pub fn ar_tal(&self) -> bool {
        !matches!(self, Cell::Text(_))
    }
}

/// A table of the report: its heading, the CSV file's name, column headings and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Tabell {
    pub rubrik: String,
    pub filnamn: &'static str,
    pub kolumner: Vec<String>,
    pub rader: Vec<Vec<Cell>>,
}

/// Hides what rests on fewer than `minsta` households (0 is shown: it reveals nobody).
struct Skydd {
    minsta: u32,
}

impl Skydd {
    fn dolj(&self, bas: u32) -> bool {
        bas > 0 && bas < self.minsta
    }

    fn cell(&self, bas: u32, cell: Cell) -> Cell {
        if self.dolj(bas) { Cell::FarreAn(self.minsta) } else { cell }
    }

    /// Hidden when any of the bases is too small.
    fn celler(&self, baser: &[u32], cell: Cell) -> Cell {
        if baser.iter().any(|b| self.dolj(*b)) { Cell::FarreAn(self.minsta) } else { cell }
    }

    fn antal(&self, n: u32) -> Cell {
        self.cell(n, Cell::Antal(n))
    }
}

fn text(t: impl Into<String>) -> Cell {
    Cell::Text(t.into())
}

/// The report's tables of `ind`, with figures on fewer than `minsta` households hidden.
pub fn tabeller(ind: &Indikatorer, minsta: u32) -> Vec<Tabell> {
    let s = Skydd { minsta };
    vec![
        nyckeltal(ind, &s),
        hushall_per_manad(ind, &s),
        kostnad_per_manad(ind, &s),
        livsforing_per_manad(ind, &s),
        fordelning(
            "Huvudsakligt försörjningshinder",
            "forsorjningshinder.csv",
            "Försörjningshinder",
            ind.hinder.iter().map(|(h, n)| (h.map(|h| h.namn()).unwrap_or("Inte bedömt"), *n)),
            &s,
        ),
        tider(ind, &s),
        fordelning(
            "Ärenden per handläggare",
            "arenden-per-handlaggare.csv",
            "Handläggare",
            ind.arendemangd.iter().map(|(h, n)| (h.as_str(), *n)),
            &s,
        ),
        fordelning(
            "Avslutade ärenden och orsak",
            "avslutade-arenden.csv",
            "Avslutsorsak",
            ind.avslut.iter().map(|(o, n)| (o.map(|o| o.namn()).unwrap_or("Ingen orsak angiven"), *n)),
            &s,
        ),
    ]
}

fn nyckeltal(ind: &Indikatorer, s: &Skydd) -> Tabell {
    let h = ind.hushall;
    let mut rader = vec![
        vec![text("Hushåll med ekonomiskt bistånd"), s.antal(h)],
        vec![text("Vuxna i dessa hushåll"), s.cell(h, Cell::Antal(ind.vuxna))],
        vec![text("Barn i dessa hushåll"), s.cell(h, Cell::Antal(ind.barn))],
        vec![text("Hushåll med långvarigt bistånd (minst 10 av 12 månader)"), s.antal(ind.langvariga_hushall)],
        vec![
            text("Andel hushåll med långvarigt bistånd"),
            s.celler(&[h, ind.langvariga_hushall], Cell::Andel { del: ind.langvariga_hushall, av: h }),
        ],
        vec![
            text("Vuxna med långvarigt bistånd"),
            s.celler(&[h, ind.langvariga_hushall], Cell::Antal(ind.langvariga_vuxna)),
        ],
        vec![text("Hushållsmånader med bistånd"), s.cell(h, Cell::Antal(ind.hushallsmanader))],
        vec![text("Utbetalt bistånd totalt (kr)"), s.cell(h, Cell::Kronor(ind.totalt))],
        vec![
            text("Genomsnitt per hushåll och månad (kr)"),
            s.cell(h, ind.snitt_per_hushallsmanad().map(Cell::Kronor).unwrap_or(Cell::Dagar(None))),
        ],
    ];
    if let Some(b) = ind.befolkning {
        rader.push(vec![
            text(format!("Andel barn i stadsdelen i familjer med bistånd ({} barn {})", b.barn, b.ar)),
            s.cell(h, Cell::Andel { del: ind.barn, av: b.barn }),
        ]);
        rader.push(vec![
            text(format!("Andel invånare med bistånd ({} invånare {})", b.barn + b.vuxna, b.ar)),
            s.cell(h, Cell::Andel { del: ind.barn + ind.vuxna, av: b.barn + b.vuxna }),
        ]);
        rader.push(vec![
            text(format!("Andel vuxna invånare med långvarigt bistånd ({} vuxna {})", b.vuxna, b.ar)),
            s.celler(&[h, ind.langvariga_hushall], Cell::Andel { del: ind.langvariga_vuxna, av: b.vuxna }),
        ]);
    }
    Tabell {
        rubrik: "Hushåll, personer och utbetalt bistånd".into(),
        filnamn: "nyckeltal.csv",
        kolumner: vec!["Mått".into(), "Värde".into()],
        rader,
    }
}

fn hushall_per_manad(ind: &Indikatorer, s: &Skydd) -> Tabell {
    let rader = ind
        .per_manad
        .iter()
        .map(|m| {
            let t = &m.beslutstid;
            vec![
                text(m.manad.to_string()),
                s.antal(m.hushall),
                s.celler(&[m.hushall, m.langvariga], Cell::Antal(m.langvariga)),
                s.celler(&[m.hushall, m.langvariga], Cell::Andel { del: m.langvariga, av: m.hushall }),
                s.cell(t.antal, Cell::Dagar(t.median_dagar)),
            ]
        })
        .collect();
    Tabell {
        rubrik: "Hushåll med bistånd per månad".into(),
        filnamn: "hushall-per-manad.csv",
        kolumner: ["Månad", "Hushåll", "Långvariga", "Andel långvariga", "Beslutstid, median (dagar)"]
            .map(String::from)
            .to_vec(),
        rader,
    }
}

/// Costs per month: försörjningsstöd, emergency housing, livsföring in all and the total.
fn kostnad_per_manad(ind: &Indikatorer, s: &Skydd) -> Tabell {
    use Kostnadsslag::{Akutboende, Forsorjningsstod};
    let rader = ind
        .per_manad
        .iter()
        .map(|m| {
            let fs = m.kostnad[Forsorjningsstod.index()];
            let akut = m.kostnad[Akutboende.index()];
            let kr = |b: Belopp| s.cell(m.hushall, Cell::Kronor(b));
            vec![text(m.manad.to_string()), kr(fs), kr(akut), kr(m.totalt - fs - akut), kr(m.totalt)]
        })
        .collect();
    Tabell {
        rubrik: "Kostnad per månad (kr)".into(),
        filnamn: "kostnad-per-manad.csv",
        kolumner: ["Månad", "Försörjningsstöd", "Akut boende", "Livsföring i övrigt", "Totalt"]
            .map(String::from)
            .to_vec(),
        rader,
    }
}

/// The livsföring i övrigt of each month by kind.
fn livsforing_per_manad(ind: &Indikatorer, s: &Skydd) -> Tabell {
    let slag: Vec<Kostnadsslag> = Kostnadsslag::ALLA
        .iter()
        .copied()
        .filter(|k| !matches!(k, Kostnadsslag::Forsorjningsstod | Kostnadsslag::Akutboende))
        .collect();
    let rader = ind
        .per_manad
        .iter()
        .map(|m| {
            let mut rad = vec![text(m.manad.to_string())];
            rad.extend(slag.iter().map(|k| s.cell(m.hushall, Cell::Kronor(m.kostnad[k.index()]))));
            rad
        })
        .collect();
    let mut kolumner = vec!["Månad".to_string()];
    kolumner.extend(slag.iter().map(|k| k.namn().to_string()));
    Tabell {
        rubrik: "Livsföring i övrigt per månad (kr)".into(), filnamn: "livsforing-per-manad.csv", kolumner, rader
    }
}

fn fordelning<'a>(
    rubrik: &str,
    filnamn: &'static str,
    forsta: &str,
    rader: impl Iterator<Item = (&'a str, u32)>,
    s: &Skydd,
) -> Tabell {
    let rader: Vec<(&str, u32)> = rader.collect();
    let summa: u32 = rader.iter().map(|r| r.1).sum();
    Tabell {
        rubrik: rubrik.into(),
        filnamn,
        kolumner: vec![forsta.into(), "Antal".into(), "Andel".into()],
        rader: rader
            .into_iter()
            .map(|(namn, n)| vec![text(namn), s.antal(n), s.cell(n, Cell::Andel { del: n, av: summa })])
            .collect(),
    }
}

fn tider(ind: &Indikatorer, s: &Skydd) -> Tabell {
    let rad = |namn: &str, t: &Tidsmatt| {
        vec![
            text(namn),
            s.antal(t.antal),
            s.cell(t.antal, Cell::Dagar(t.median_dagar)),
            s.celler(&[t.antal, t.inom_vecka, t.antal - t.inom_vecka], Cell::Antal(t.inom_vecka)),
            s.celler(&[t.antal, t.inom_vecka, t.antal - t.inom_vecka], Cell::Andel { del: t.inom_vecka, av: t.antal }),
        ]
    };
    Tabell {
        rubrik: "Handläggningstid och väntetid".into(),
        filnamn: "handlaggningstid.csv",
        kolumner: ["Mått", "Antal", "Median (dagar)", "Inom en vecka", "Andel inom en vecka"]
            .map(String::from)
            .to_vec(),
        rader: vec![
            rad("Från komplett ansökan till beslut", &ind.handlaggning),
            rad("Från första kontakt till nybesök", &ind.nybesok),
        ],
    }
}

/// A table as a CSV file: UTF-8 with a byte-order mark, semicolons, CRLF (as Swedish Excel
/// opens it).
pub fn csv(t: &Tabell) -> String {
    let mut ut = String::from("\u{feff}");
    let rubriker: Vec<String> = t.kolumner.iter().map(|k| Cell::Text(k.clone()).csv()).collect();
    ut.push_str(&rubriker.join(";"));
    ut.push_str("\r\n");
    for rad in &t.rader {
        ut.push_str(&rad.iter().map(Cell::csv).collect::<Vec<_>>().join(";"));
        ut.push_str("\r\n");
    }
    ut
}

/// One line of a chart: its name and a value per month (none: hidden or missing).
#[derive(Debug, Clone, PartialEq)]
pub struct Serie {
    pub namn: String,
    pub varden: Vec<Option<f64>>,
}

/// A chart over the months of a table: its title, the month labels and its lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagram {
    pub titel: String,
    /// The CSV name of the table it is drawn from, and the columns it draws.
    pub tabell: &'static str,
    pub kolumner: Vec<usize>,
    pub manader: Vec<String>,
    pub serier: Vec<Serie>,
}

impl Diagram {
    /// The part of `t` the chart draws: the month column and the chart's columns.
    pub fn deltabell(&self, t: &Tabell) -> Tabell {
        let valda: Vec<usize> = std::iter::once(0).chain(self.kolumner.iter().copied()).collect();
        Tabell {
            rubrik: self.titel.clone(),
            filnamn: t.filnamn,
            kolumner: valda.iter().filter_map(|k| t.kolumner.get(*k).cloned()).collect(),
            rader: t.rader.iter().map(|r| valda.iter().filter_map(|k| r.get(*k).cloned()).collect()).collect(),
        }
    }
}

/// The report's charts, drawn from the same cells as the tables (hidden cells are gaps).
pub fn diagram(tabeller: &[Tabell]) -> Vec<Diagram> {
    let hitta = |fil: &str| tabeller.iter().find(|t| t.filnamn == fil);
    let mut ut = Vec::new();
    let mut lagg = |t: Option<&Tabell>, titel: &str, kolumner: &[usize]| {
        if let Some(t) = t {
            ut.push(Diagram {
                titel: titel.into(),
                tabell: t.filnamn,
                kolumner: kolumner.to_vec(),
                manader: t.rader.iter().map(|r| r[0].visa()).collect(),
                serier: kolumner
                    .iter()
                    .map(|k| Serie {
                        namn: t.kolumner[*k].clone(),
                        varden: t.rader.iter().map(|r| r[*k].tal()).collect(),
                    })
                    .collect(),
            });
        }
    };
    lagg(hitta("hushall-per-manad.csv"), "Hushåll med bistånd per månad", &[1, 2]);
    lagg(hitta("kostnad-per-manad.csv"), "Kostnad per månad (kr)", &[1, 2, 3, 4]);
    lagg(hitta("hushall-per-manad.csv"), "Andel hushåll med långvarigt bistånd (%)", &[3]);
    lagg(hitta("hushall-per-manad.csv"), "Beslutstid, median (dagar)", &[4]);
    ut
}
