//! The case journal (dokumentation): entries are never deleted, only voided with a reason.

use super::datum::parse_datum;
use super::falt::{Falt, FaltFel};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A stored journal entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalPost {
    pub id: i64,
    pub arende_id: i64,
    pub datum: NaiveDate,
    pub rubrik: String,
    pub text: String,
    pub skriven_av: String,
    /// When it was written, `YYYY-MM-DD HH:MM:SS`.
    pub skapad: String,
    pub makulering: Option<Makulering>,
    /// The voided entry this one replaces, if it is a correction.
    pub ersatter: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Makulering {
    pub orsak: String,
    pub av: String,
    pub tid: String,
}

/// The journal form as typed (kept as a draft while typing).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct JournalFormular {
    pub datum: String,
    pub rubrik: String,
    pub text: String,
    /// Set when the entry corrects a voided one.
    #[serde(default)]
    pub ersatter: Option<i64>,
}

/// A validated new entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NyJournalPost {
    pub datum: NaiveDate,
    pub rubrik: String,
    pub text: String,
    pub ersatter: Option<i64>,
}

impl JournalFormular {
    pub fn validera(&self, today: NaiveDate) -> Result<NyJournalPost, Vec<FaltFel>> {
        let mut fel = Vec::new();
        let datum = match parse_datum(&self.datum, today) {
            Ok(d) if d > today => {
                fel.push(FaltFel::new(Falt::Datum, "Datumet kan inte ligga i framtiden."));
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                fel.push(FaltFel::new(Falt::Datum, e));
                None
            }
        };
        if self.rubrik.trim().is_empty() {
            fel.push(FaltFel::new(Falt::Rubrik, "Ange en rubrik."));
        } else if self.rubrik.trim().chars().count() > 120 {
            fel.push(FaltFel::new(Falt::Rubrik, "Rubriken får vara högst 120 tecken."));
        }
        if self.text.trim().is_empty() {
            fel.push(FaltFel::new(Falt::Text, "Skriv texten i journalanteckningen."));
        }
        match datum {
            Some(datum) if fel.is_empty() => Ok(NyJournalPost {
                datum,
                rubrik: self.rubrik.trim().to_string(),
                text: self.text.trim_end().to_string(),
                ersatter: self.ersatter,
            }),
            _ => Err(fel),
        }
    }
}

/// Checks the reason given for voiding an entry.
pub fn validera_makuleringsorsak(orsak: &str) -> Result<String, String> {
    let orsak = orsak.trim();
    if orsak.chars().count() < 5 {
        return Err("Skriv varför anteckningen makuleras (minst fem tecken).".into());
    }
    Ok(orsak.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn a_complete_entry_validates() {
        let f = JournalFormular {
            datum: "2026-11-20".into(),
            rubrik: " Nybesök ".into(),
            text: "Besök på kontoret.\n".into(),
            ersatter: None,
        };
        let p = f.validera(today()).unwrap();
        assert_eq!(p.rubrik, "Nybesök");
        assert_eq!(p.text, "Besök på kontoret.");
    }

    #[test]
    fn missing_parts_and_future_dates_are_refused() {
        let f = JournalFormular { datum: "2026-12-01".into(), ..Default::default() };
        let fel = f.validera(today()).unwrap_err();
        let falt: Vec<Falt> = fel.iter().map(|f| f.falt).collect();
        assert_eq!(falt, [Falt::Datum, Falt::Rubrik, Falt::Text]);
        assert!(fel[0].text.contains("framtiden"));
    }

    #[test]
    fn voiding_needs_a_real_reason() {
        assert!(validera_makuleringsorsak("  ").is_err());
        assert_eq!(validera_makuleringsorsak(" Fel ärende "), Ok("Fel ärende".to_string()));
    }
}
