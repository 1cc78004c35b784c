//! Förändringsplanen: the eight steps written with the client, agreed on a date and signed,
//! kept unchanged once agreed, rewritten as new versions, and followed up.

use super::falt::{Falt, FaltFel, Steguppgift};
use crate::kodlista;
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// The eight headings exactly as the unit uses them.
pub const RUBRIKER: [&str; 8] = [
    "Aktuell situation",
    "Förändring du vill genomföra för att uppnå egen försörjning",
    "De viktigaste anledningarna till att du vill genomföra förändringen",
    "Detta behöver du göra för att nå ditt/dina mål",
    "Du kommer att ta följande steg",
    "Finns det något som kan försvåra din väg till självförsörjning?",
    "Tidplan och uppföljning",
    "Detta behöver jag göra för att ha rätt till ekonomiskt bistånd",
];

/// A plan is rewritten this many months after it was agreed (a unit may change it later).
pub const OMSKRIVNING_MANADER: u32 = 3;

kodlista! {
    /// Who takes a step.
    pub enum Vem {
        Klienten = ("klienten", "Du"),
        Socialsekreteraren = ("socialsekreteraren", "Socialsekreteraren"),
        Annan = ("annan", "Annan"),
    }
}

/// A concrete step (step 5).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Atgard {
    pub vad: String,
    pub vem: Option<Vem>,
    /// By when, `YYYY-MM-DD` (may be empty).
    pub senast: String,
}

/// A follow-up date (step 7).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Uppfoljningsdag {
    pub datum: String,
    pub vad: String,
}

/// The plan's content: what the client and caseworker write together.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Planinnehall {
    /// Steps 1–4 and 6 as free text (index 0–3 and 5; 4 and 6–7 unused here).
    pub fritext: [String; 8],
    pub steg: Vec<Atgard>,
    pub uppfoljning: Vec<Uppfoljningsdag>,
    pub krav: Vec<String>,
}

/// Step 2, "Förändring du vill genomföra …": where the goals of a FIA interview go.
pub const STEG_FORANDRING: usize = 1;
/// Step 4, "Detta behöver du göra …": where the sub-goals of a FIA interview go.
pub const STEG_ATT_GORA: usize = 3;

impl Planinnehall {
    /// Takes in goals and sub-goals (from a FIA interview), one per line, replacing those steps.
    pub fn ta_in_mal<'a>(&mut self, mal: impl Iterator<Item = &'a str>, delmal: impl Iterator<Item = &'a str>) {
        let rader = |it: &mut dyn Iterator<Item = &'a str>| {
            it.map(str::trim).filter(|t| !t.is_empty()).collect::<Vec<_>>().join("\n")
        };
        self.fritext[STEG_FORANDRING] = rader(&mut { mal });
        self.fritext[STEG_ATT_GORA] = rader(&mut { delmal });
    }

    /// The text of a step as it is printed and compared.
    pub fn stegtext(&self, steg: usize) -> String {
        match steg {
            4 => self
                .steg
                .iter()
                .map(|a| {
                    let vem = a.vem.map(|v| v.namn()).unwrap_or("–");
                    let nar = if a.senast.trim().is_empty() {
                        String::new()
                    } else {
                        format!(", senast {}", a.senast.trim())
                    };
                    format!("{} ({vem}{nar})", a.vad.trim())
                })
                .collect::<Vec<_>>()
                .join("\n"),
            6 => self
                .uppfoljning
                .iter()
                .map(|u| format!("{} {}", u.datum.trim(), u.vad.trim()))
                .collect::<Vec<_>>()
                .join("\n"),
            7 => self.krav.iter().map(|k| k.trim().to_string()).collect::<Vec<_>>().join("\n"),
            n => self.fritext.get(n).map(|t| t.trim().to_string()).unwrap_or_default(),
        }
    }

    /// The steps (0-based) whose text differs between two versions.
    pub fn andrade_steg(&self, annan: &Planinnehall) -> Vec<usize> {
        (0..8).filter(|&i| self.stegtext(i) != annan.stegtext(i)).collect()
    }

    /// Checks dates and that the plan says something; messages per field.
    pub fn kontrollera(&self) -> Vec<FaltFel> {
        let mut fel = Vec::new();
        let datum = |t: &str| t.trim().is_empty() || NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").is_ok();
        for (i, a) in self.steg.iter().enumerate() {
            if a.vad.trim().is_empty() {
                fel.push(FaltFel::new(
                    Falt::Steg(i, Steguppgift::Vad),
                    format!("Steg 5, rad {}: skriv vad steget är.", i + 1),
                ));
            }
            if !datum(&a.senast) {
                fel.push(FaltFel::new(
                    Falt::Steg(i, Steguppgift::Senast),
                    format!("Steg 5, rad {}: skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-15.", i + 1),
                ));
            }
        }
        for (i, u) in self.uppfoljning.iter().enumerate() {
            if u.datum.trim().is_empty() || !datum(&u.datum) {
                fel.push(FaltFel::new(
                    Falt::Uppfoljningsdag(i),
                    format!("Uppföljning {}: skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-15.", i + 1),
                ));
            }
        }
        if self.fritext[0].trim().is_empty() {
            fel.push(FaltFel::new(Falt::Fritext(0), "Beskriv den aktuella situationen (steg 1)."));
        }
        fel
    }

    /// Follow-up dates in order.
    pub fn uppfoljningsdagar(&self) -> Vec<NaiveDate> {
        let mut d: Vec<NaiveDate> = self
            .uppfoljning
            .iter()
            .filter_map(|u| NaiveDate::parse_from_str(u.datum.trim(), "%Y-%m-%d").ok())
            .collect();
        d.sort();
        d
    }
}

/// When an agreed plan is due to be rewritten.
pub fn omskrivning(overenskommen: NaiveDate) -> NaiveDate {
    overenskommen.checked_add_months(Months::new(OMSKRIVNING_MANADER)).unwrap_or(overenskommen)
}

/// What the "Att göra" list says about a case's current plan on `idag`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Planpunkt {
    UppfoljningForsenad(NaiveDate),
    UppfoljningDennaVecka(NaiveDate),
    DagsAttSkrivaOm(NaiveDate),
    InteSignerad,
}

impl Planpunkt {
    pub fn text(self) -> String {
        match self {
            Planpunkt::UppfoljningForsenad(d) => format!("Uppföljningen {d} är försenad"),
            Planpunkt::UppfoljningDennaVecka(d) => format!("Uppföljning {d}"),
            Planpunkt::DagsAttSkrivaOm(d) => format!("Planen ska skrivas om (sedan {d})"),
            Planpunkt::InteSignerad => "Planen är överenskommen men inte signerad av klienten".into(),
        }
    }
}

/// The to-dos of an agreed plan: the first follow-up date not yet followed up (overdue, or due
/// within seven days), a rewrite that is due, a missing signature.
pub fn att_gora(
    innehall: &Planinnehall,
    overenskommen: NaiveDate,
    signerad: bool,
    senaste_uppfoljning: Option<NaiveDate>,
    idag: NaiveDate,
) -> Vec<Planpunkt> {
    let mut punkter = Vec::new();
    let gjord = senaste_uppfoljning.unwrap_or(NaiveDate::MIN);
    if let Some(nasta) = innehall.uppfoljningsdagar().into_iter().find(|d| *d > gjord) {
        if nasta < idag {
            punkter.push(Planpunkt::UppfoljningForsenad(nasta));
        } else if nasta <= idag + chrono::Days::new(7) {
            punkter.push(Planpunkt::UppfoljningDennaVecka(nasta));
        }
    }
    let om = omskrivning(overenskommen);
    if om <= idag {
        punkter.push(Planpunkt::DagsAttSkrivaOm(om));
    }
    if !signerad {
        punkter.push(Planpunkt::InteSignerad);
    }
    punkter
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn plan() -> Planinnehall {
        let mut p = Planinnehall::default();
        p.fritext[0] = "Jag har varit arbetslös i ett år.".into();
        p.steg.push(Atgard {
            vad: "Kontakta LSS".into(),
            vem: Some(Vem::Socialsekreteraren),
            senast: "2026-12-01".into(),
        });
        p.uppfoljning.push(Uppfoljningsdag { datum: "2026-12-15".into(), vad: "Uppföljningsmöte".into() });
        p.uppfoljning.push(Uppfoljningsdag { datum: "2026-11-20".into(), vad: "Telefon".into() });
        p.krav.push("Delta i Jobbtorgs insatser".into());
        p
    }

    #[test]
    fn the_headings_are_the_units_and_steps_print_with_who_and_when() {
        assert_eq!(RUBRIKER.len(), 8);
        assert_eq!(RUBRIKER[4], "Du kommer att ta följande steg");
        assert_eq!(plan().stegtext(4), "Kontakta LSS (Socialsekreteraren, senast 2026-12-01)");
        assert!(plan().kontrollera().is_empty());
        let mut fel = plan();
        fel.steg[0].senast = "snart".into();
        assert!(!fel.kontrollera().is_empty());
    }

    #[test]
    fn comparison_reports_exactly_the_changed_steps() {
        let a = plan();
        let mut b = a.clone();
        b.fritext[1] = "Jag vill bli undersköterska.".into();
        b.krav.push("Lämna in aktivitetsrapport".into());
        assert_eq!(a.andrade_steg(&b), vec![1, 7]);
        assert!(a.andrade_steg(&a).is_empty());
    }

    #[test]
    fn to_dos_follow_the_fixed_clock() {
        let p = plan();
        // Agreed 2026-10-01, not signed; no follow-up done: 2026-11-20 is overdue on 2026-11-23.
        let t = att_gora(&p, d(2026, 10, 1), false, None, d(2026, 11, 23));
        assert_eq!(t, vec![Planpunkt::UppfoljningForsenad(d(2026, 11, 20)), Planpunkt::InteSignerad]);
        // Followed up on 2026-11-20: next is 2026-12-15, more than a week ahead.
        assert!(att_gora(&p, d(2026, 10, 1), true, Some(d(2026, 11, 20)), d(2026, 11, 23)).is_empty());
        assert_eq!(
            att_gora(&p, d(2026, 10, 1), true, Some(d(2026, 11, 20)), d(2026, 12, 10)),
            vec![Planpunkt::UppfoljningDennaVecka(d(2026, 12, 15))]
        );
        // Agreed in August: due for rewriting in November.
        assert!(
            att_gora(&p, d(2026, 8, 1), true, Some(d(2026, 12, 31)), d(2026, 11, 23))
                .contains(&Planpunkt::DagsAttSkrivaOm(d(2026, 11, 1)))
        );
    }
}
