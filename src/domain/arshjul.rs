//! The årshjul: the recurring controls of the case stock, month by month, as unit data
//! (`data/arshjul.json` is the default; the unit saves new versions valid from a date). Each
//! month's controls become tasks for the cases they apply to.

use super::manad::Manad;
use crate::kodlista;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

kodlista! {
    /// Which cases a control is for.
    pub enum Galler {
        Alla = ("alla", "Alla aktuella ärenden"),
        Barn = ("barn", "Hushåll med barn"),
        Gymnasiet = ("gymnasiet", "Hushåll med någon i gymnasiet"),
    }
}

/// One control of the årshjul.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kontroll {
    /// Stable name of the control (a ticked-off task refers to it).
    pub id: String,
    /// The month, 1–12.
    pub manad: u32,
    pub galler: Galler,
    pub text: String,
}

/// A version of the årshjul, valid from a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Arshjul {
    pub giltig_fran: NaiveDate,
    pub kontroller: Vec<Kontroll>,
}

/// What a case is, as far as the årshjul asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arendeslag {
    pub har_barn: bool,
    pub har_gymnasieelev: bool,
}

impl Arshjul {
    /// The shipped default (the table of the seed documents).
    pub fn standard() -> Arshjul {
        serde_json::from_str(include_str!("../data/arshjul.json"))
            .unwrap_or(Arshjul { giltig_fran: NaiveDate::MIN, kontroller: Vec::new() })
    }

    /// The controls of `manad` that apply to a case like `slag`.
    pub fn for_arende(&self, manad: Manad, slag: Arendeslag) -> impl Iterator<Item = &Kontroll> {
        self.kontroller.iter().filter(move |k| {
            k.manad == manad.nummer()
                && match k.galler {
                    Galler::Alla => true,
                    Galler::Barn => slag.har_barn,
                    Galler::Gymnasiet => slag.har_gymnasieelev,
                }
        })
    }

    pub fn kontroll(&self, id: &str) -> Option<&Kontroll> {
        self.kontroller.iter().find(|k| k.id == id)
    }

    /// Checks a version before it is saved: months 1–12, a text, and ids that are unique.
    pub fn validera(&self) -> Result<(), String> {
        for (i, k) in self.kontroller.iter().enumerate() {
            if !(1..=12).contains(&k.manad) {
                return Err(format!("Kontroll {}: månaden ska vara 1–12.", i + 1));
            }
            if k.text.trim().is_empty() || k.id.trim().is_empty() {
                return Err(format!("Kontroll {}: skriv vad som ska kontrolleras.", i + 1));
            }
            if self.kontroller[..i].iter().any(|a| a.id == k.id) {
                return Err(format!("Kontroll {}: namnet {} finns redan.", i + 1, k.id));
            }
        }
        Ok(())
    }
}

/// The half-year of a month for the chef's review of each caseworker's cases: "2026-1", "2026-2".
pub fn halvar(m: Manad) -> String {
    format!("{}-{}", m.ar(), if m.nummer() <= 6 { 1 } else { 2 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_wheel_has_the_seed_table_and_picks_controls_per_case() {
        let a = Arshjul::standard();
        assert!(a.validera().is_ok());
        assert_eq!(a.kontroller.iter().filter(|k| k.manad == 9).count(), 4);
        let juni = Manad::new(2026, 6).unwrap();
        let vanlig = Arendeslag { har_barn: false, har_gymnasieelev: false };
        let med_elev = Arendeslag { har_barn: true, har_gymnasieelev: true };
        assert_eq!(a.for_arende(juni, vanlig).count(), 1, "only the tax refund");
        assert_eq!(a.for_arende(juni, med_elev).count(), 2, "and taking the graduate out of the norm");
        assert!(a.for_arende(Manad::new(2026, 7).unwrap(), med_elev).next().is_none(), "nothing in July");
        assert_eq!(halvar(juni), "2026-1");
        let mut trasig = a.clone();
        trasig.kontroller[1].id = trasig.kontroller[0].id.clone();
        assert!(trasig.validera().unwrap_err().contains("finns redan"));
    }
}
