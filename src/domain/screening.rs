//! Screening instruments: AUDIT (alcohol), DUDIT (drugs) and FREDA kortfrågor (violence).
//! Answers are scored and read against the sex-specific cut-offs; the program never decides
//! anything by itself. The answers are sensitive and never appear in a letter.

use super::personnummer::JuridisktKon;
use crate::kodlista;

kodlista! {
    pub enum Instrument {
        Audit = ("audit", "AUDIT (alkohol)"),
        Dudit = ("dudit", "DUDIT (droger)"),
        Freda = ("freda", "FREDA kortfrågor (våld)"),
    }
}

/// One question with its answer options and their points.
pub struct Fraga {
    pub text: &'static str,
    pub alternativ: &'static [(&'static str, u8)],
}

const FREKVENS: &[(&str, u8)] = &[
    ("Aldrig", 0),
    ("Mer sällan än en gång i månaden", 1),
    ("Varje månad", 2),
    ("Varje vecka", 3),
    ("Dagligen eller nästan dagligen", 4),
];
const SKADA: &[(&str, u8)] =
    &[("Nej", 0), ("Ja, men inte under det senaste året", 2), ("Ja, under det senaste året", 4)];
const JANEJ: &[(&str, u8)] = &[("Nej", 0), ("Ja", 1)];

const AUDIT: &[Fraga] = &[
    Fraga {
        text: "Hur ofta dricker du alkohol?",
        alternativ: &[
            ("Aldrig", 0),
            ("1 gång i månaden eller mer sällan", 1),
            ("2–4 gånger i månaden", 2),
            ("2–3 gånger i veckan", 3),
            ("4 gånger i veckan eller mer", 4),
        ],
    },
    Fraga {
        text: "Hur många standardglas dricker du en typisk dag då du dricker alkohol?",
        alternativ: &[("1–2", 0), ("3–4", 1), ("5–6", 2), ("7–9", 3), ("10 eller fler", 4)],
    },
    Fraga { text: "Hur ofta dricker du sex standardglas eller fler vid samma tillfälle?", alternativ: FREKVENS },
    Fraga {
        text: "Hur ofta under det senaste året har du inte kunnat sluta dricka sedan du börjat?",
        alternativ: FREKVENS,
    },
    Fraga {
        text: "Hur ofta under det senaste året har du låtit bli att göra något som du borde för att du drack?",
        alternativ: FREKVENS,
    },
    Fraga {
        text: "Hur ofta under det senaste året har du behövt en ”återställare” på morgonen efter mycket drickande dagen före?",
        alternativ: FREKVENS,
    },
    Fraga {
        text: "Hur ofta under det senaste året har du haft skuldkänslor eller samvetsförebråelser på grund av ditt drickande?",
        alternativ: FREKVENS,
    },
    Fraga {
        text: "Hur ofta under det senaste året har du inte kommit ihåg vad som hände kvällen före på grund av ditt drickande?",
        alternativ: FREKVENS,
    },
    Fraga { text: "Har du eller någon annan blivit skadad på grund av ditt drickande?", alternativ: SKADA },
    Fraga {
        text: "Har en släkting eller vän, en läkare eller annan vårdpersonal oroat sig över ditt drickande eller antytt att du borde minska på det?",
        alternativ: SKADA,
    },
];

const DUDIT: &[Fraga] = &[
    Fraga {
        text: "Hur ofta använder du andra droger än alkohol?",
        alternativ: &[
            ("Aldrig", 0),
            ("En gång i månaden eller mer sällan", 1),
            ("2–4 gånger i månaden", 2),
            ("2–3 gånger i veckan", 3),
            ("4 gånger i veckan eller oftare", 4),
        ],
    },
    Fraga {
        text: "Använder du mer än en sorts drog vid samma tillfälle?",
        alternativ: &[
            ("Aldrig", 0),
            ("En gång i månaden eller mer sällan", 1),
            ("2–4 gånger i månaden", 2),
            ("2–3 gånger i veckan", 3),
            ("4 gånger i veckan eller oftare", 4),
        ],
    },
    Fraga {
        text: "Hur många gånger tar du droger en typisk dag när du använder droger?",
        alternativ: &[("0", 0), ("1–2", 1), ("3–4", 2), ("5–6", 3), ("7 eller fler", 4)],
    },
    Fraga { text: "Hur ofta är du kraftigt påverkad av droger?", alternativ: FREKVENS },
    Fraga {
        text: "Har du under det senaste året känt att din längtan efter droger varit så stark att du inte kunnat stå emot?",
        alternativ: FREKVENS,
    },
    Fraga {
        text: "Har det hänt under det senaste året att du inte kunnat sluta ta droger när du väl börjat?",
        alternativ: FREKVENS,
    },
    Fraga {
        text: "Hur ofta under det senaste året har du tagit droger och sedan låtit bli att göra något du borde ha gjort?",
        alternativ: FREKVENS,
    },
    Fraga {
        text: "Hur ofta under det senaste året har du behövt ta en drog morgonen efter kraftigt drogande dagen före?",
        alternativ: FREKVENS,
    },
    Fraga {
        text: "Hur ofta under det senaste året har du haft skuldkänslor eller dåligt samvete för att du tagit droger?",
        alternativ: FREKVENS,
    },
    Fraga {
        text: "Har du eller någon annan skadats (psykiskt eller fysiskt) för att du tagit droger?",
        alternativ: SKADA,
    },
    Fraga {
        text: "Har en släkting eller vän, en läkare eller sjuksköterska eller någon annan oroat sig för ditt drogande eller sagt till dig att du borde sluta med droger?",
        alternativ: SKADA,
    },
];

const FREDA: &[Fraga] = &[
    Fraga { text: "Har du blivit utsatt för någon form av fysiskt övergrepp av någon?", alternativ: JANEJ },
    Fraga { text: "Har du blivit utsatt för någon form av psykiskt övergrepp?", alternativ: JANEJ },
    Fraga { text: "Har du blivit utsatt för någon form av sexuellt tvång?", alternativ: JANEJ },
    Fraga { text: "Har du hindrats från att använda rullstol, käpp eller andra hjälpmedel?", alternativ: JANEJ },
    Fraga {
        text: "Har du vägrats hjälp med att ta din medicin, komma till badrummet, komma upp ur sängen, klä dig eller få mat/dryck?",
        alternativ: JANEJ,
    },
];

impl Instrument {
    pub fn fragor(self) -> &'static [Fraga] {
        match self {
            Instrument::Audit => AUDIT,
            Instrument::Dudit => DUDIT,
            Instrument::Freda => FREDA,
        }
    }
}

/// The reading of a complete form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tolkning {
    pub poang: u32,
    pub text: String,
    /// Whether the result is at or above the cut-off (something to look into further).
    pub over_grans: bool,
}

/// Scores the answers (the points of the chosen options). Every question must be answered, and
/// only with one of its own options' points.
pub fn tolka(instrument: Instrument, svar: &[Option<u8>], kon: JuridisktKon) -> Result<Tolkning, String> {
    let fragor = instrument.fragor();
    if svar.len() != fragor.len() || svar.iter().any(Option::is_none) {
        let kvar = fragor.len() - svar.iter().filter(|s| s.is_some()).count().min(fragor.len());
        return Err(format!("Ej komplett: {kvar} frågor är obesvarade."));
    }
    for (i, (f, s)) in fragor.iter().zip(svar).enumerate() {
        let p = s.unwrap_or(0);
        if !f.alternativ.iter().any(|(_, v)| *v == p) {
            let tillatna: Vec<String> = f.alternativ.iter().map(|(_, v)| v.to_string()).collect();
            return Err(format!("Fråga {} kan bara ge {} poäng.", i + 1, tillatna.join(", ")));
        }
    }
    let poang: u32 = svar.iter().map(|s| u32::from(s.unwrap_or(0))).sum();
    let kvinna = kon == JuridisktKon::Kvinna;
    Ok(match instrument {
        Instrument::Audit => {
            let grans = if kvinna { 6 } else { 8 };
            let text = match poang {
                p if p < grans => format!(
                    "Under gränsen för riskbruk ({grans} poäng för {}).",
                    if kvinna { "kvinnor" } else { "män" }
                ),
                p if p <= 15 => {
                    format!("Riskbruk (gränsen är {grans} poäng för {}).", if kvinna { "kvinnor" } else { "män" })
                }
                16..=20 => "Skadligt bruk (16–20 poäng).".into(),
                _ => "Sannolikt beroende (över 20 poäng).".into(),
            };
            Tolkning { poang, text, over_grans: poang >= grans }
        }
        Instrument::Dudit => {
            let grans = if kvinna { 2 } else { 6 };
            let text = match poang {
                p if p >= 25 => "Stark indikation på beroende (25 poäng eller mer).".into(),
                p if p >= grans => format!(
                    "Tecken på drogrelaterade problem (gränsen är {grans} poäng för {}).",
                    if kvinna { "kvinnor" } else { "män" }
                ),
                _ => format!(
                    "Under gränsen för drogrelaterade problem ({grans} poäng för {}).",
                    if kvinna { "kvinnor" } else { "män" }
                ),
            };
            Tolkning { poang, text, over_grans: poang >= grans }
        }
        Instrument::Freda => {
            let text = if poang > 0 {
                "Minst ett ja: gör en fördjupad bedömning (FREDA-beskrivning och farlighetsbedömning).".into()
            } else {
                "Inget ja på kortfrågorna.".into()
            };
            Tolkning { poang, text, over_grans: poang > 0 }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use JuridisktKon::{Kvinna, Man};

    /// Answers giving `poang` on the 0–4 items (and 0 on the 0/2/4 items).
    fn med_poang(instrument: Instrument, mut poang: u8) -> Vec<Option<u8>> {
        instrument
            .fragor()
            .iter()
            .map(|f| {
                let max = f.alternativ.iter().map(|(_, v)| *v).max().unwrap_or(0);
                let ta = if max == 4 && f.alternativ.len() == 5 { poang.min(4) } else { 0 };
                poang -= ta;
                Some(ta)
            })
            .collect()
    }

    #[test]
    fn audit_cut_offs_for_men_and_women() {
        for (poang, kon, over) in
            [(5, Kvinna, false), (6, Kvinna, true), (7, Man, false), (8, Man, true), (7, Kvinna, true)]
        {
            let t = tolka(Instrument::Audit, &med_poang(Instrument::Audit, poang), kon).unwrap();
            assert_eq!((t.poang, t.over_grans), (u32::from(poang), over), "{poang} {kon:?}");
        }
        let t = |p| tolka(Instrument::Audit, &med_poang(Instrument::Audit, p), Man).unwrap().text;
        assert!(t(15).starts_with("Riskbruk"));
        assert!(t(16).starts_with("Skadligt"));
        assert!(t(20).starts_with("Skadligt"));
        let mut max = med_poang(Instrument::Audit, 32);
        max[8] = Some(4);
        max[9] = Some(4);
        assert!(tolka(Instrument::Audit, &max, Kvinna).unwrap().text.starts_with("Sannolikt beroende"));
    }

    #[test]
    fn dudit_cut_offs_for_men_and_women() {
        for (poang, kon, over) in [(1, Kvinna, false), (2, Kvinna, true), (5, Man, false), (6, Man, true)] {
            let t = tolka(Instrument::Dudit, &med_poang(Instrument::Dudit, poang), kon).unwrap();
            assert_eq!(t.over_grans, over, "{poang} {kon:?}");
        }
        assert!(tolka(Instrument::Dudit, &med_poang(Instrument::Dudit, 24), Man).unwrap().text.starts_with("Tecken"));
        assert!(tolka(Instrument::Dudit, &med_poang(Instrument::Dudit, 25), Man).unwrap().text.starts_with("Stark"));
    }

    #[test]
    fn the_last_items_allow_only_0_2_or_4_and_a_missing_answer_gives_no_score() {
        let mut svar = med_poang(Instrument::Audit, 0);
        svar[8] = Some(3);
        assert!(tolka(Instrument::Audit, &svar, Man).unwrap_err().contains("Fråga 9 kan bara ge 0, 2, 4"));
        svar[8] = Some(2);
        svar[9] = Some(1);
        assert!(tolka(Instrument::Audit, &svar, Man).unwrap_err().contains("Fråga 10"));
        let mut d = med_poang(Instrument::Dudit, 0);
        d[9] = Some(1);
        assert!(tolka(Instrument::Dudit, &d, Kvinna).unwrap_err().contains("Fråga 10"));
        d[9] = Some(0);
        d[10] = Some(3);
        assert!(tolka(Instrument::Dudit, &d, Kvinna).unwrap_err().contains("Fråga 11"));
        let mut ofullstandig = med_poang(Instrument::Audit, 4);
        ofullstandig[3] = None;
        assert!(tolka(Instrument::Audit, &ofullstandig, Man).unwrap_err().starts_with("Ej komplett"));
    }

    #[test]
    fn freda_any_yes_asks_for_further_assessment() {
        let nej = vec![Some(0); 5];
        assert!(!tolka(Instrument::Freda, &nej, Kvinna).unwrap().over_grans);
        let mut ja = nej.clone();
        ja[2] = Some(1);
        assert!(tolka(Instrument::Freda, &ja, Kvinna).unwrap().text.contains("fördjupad bedömning"));
        assert_eq!(Instrument::Freda.fragor().len(), 5);
        assert_eq!(Instrument::Audit.fragor().len(), 10);
        assert_eq!(Instrument::Dudit.fragor().len(), 11);
    }
}
