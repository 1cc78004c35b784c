//! The riksnorm tables as data: every cell with its amount, source and whether it is verified.

use crate::domain::belopp::Belopp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The age bands of the children's norm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Aldersband {
    Ar0,
    Ar1_2,
    Ar3,
    Ar4_6,
    Ar7_10,
    Ar11_14,
    Ar15_18,
    Ar19_20,
}

impl Aldersband {
    pub const ALLA: [Aldersband; 8] = [
        Aldersband::Ar0,
        Aldersband::Ar1_2,
        Aldersband::Ar3,
        Aldersband::Ar4_6,
        Aldersband::Ar7_10,
        Aldersband::Ar11_14,
        Aldersband::Ar15_18,
        Aldersband::Ar19_20,
    ];

    /// The band for an age in whole years; `None` above 20 (an adult).
    pub fn for_alder(alder: u32) -> Option<Aldersband> {
        Some(match alder {
            0 => Aldersband::Ar0,
            1..=2 => Aldersband::Ar1_2,
            3 => Aldersband::Ar3,
            4..=6 => Aldersband::Ar4_6,
            7..=10 => Aldersband::Ar7_10,
            11..=14 => Aldersband::Ar11_14,
            15..=18 => Aldersband::Ar15_18,
            19..=20 => Aldersband::Ar19_20,
            _ => return None,
        })
    }

    /// The key used in the data file and shown to the user ("4-6").
    pub fn nyckel(self) -> &'static str {
        ["0", "1-2", "3", "4-6", "7-10", "11-14", "15-18", "19-20"][self as usize]
    }

    /// "4–6 år"
    pub fn namn(self) -> String {
        format!("{} år", self.nyckel().replace('-', "–"))
    }

    /// Whether the lower "utan lunch" amount can apply (ages 0–6).
    pub fn har_utan_lunch(self) -> bool {
        self <= Aldersband::Ar4_6
    }
}

/// One amount in a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    pub belopp: String,
    pub verifierad: bool,
    pub kalla: String,
}

impl Cell {
    pub fn belopp(&self) -> Belopp {
        Belopp::parse(&self.belopp).unwrap_or(Belopp::NOLL)
    }
}

/// One year's riksnorm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Normtabell {
    pub ar: i32,
    pub giltig_fran: String,
    pub kalla: String,
    pub barn: BTreeMap<String, Cell>,
    #[serde(default)]
    pub barn_utan_lunch: BTreeMap<String, Cell>,
    pub ensamstaende: Cell,
    pub sambor: Cell,
    pub gemensamt: BTreeMap<String, Cell>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Normfil {
    #[serde(default)]
    pub beskrivning: String,
    pub tabeller: Vec<Normtabell>,
}

/// The tables shipped with the program (`src/data/riksnorm.json`).
pub fn levererade_tabeller() -> Vec<Normtabell> {
    // The shipped file is checked by a test; a broken build-time file gives no tables rather than a panic.
    serde_json::from_str::<Normfil>(include_str!("../../data/riksnorm.json")).map(|f| f.tabeller).unwrap_or_default()
}

impl Normtabell {
    pub fn barn(&self, band: Aldersband) -> Option<&Cell> {
        self.barn.get(band.nyckel())
    }

    pub fn barn_utan_lunch(&self, band: Aldersband) -> Option<&Cell> {
        self.barn_utan_lunch.get(band.nyckel())
    }

    /// The shared amount for 1–7 persons.
    pub fn gemensamt(&self, personer: u32) -> Option<&Cell> {
        self.gemensamt.get(&personer.to_string())
    }

    /// Checks that every amount the calculation needs is present and valid.
    pub fn kontrollera(&self) -> Result<(), String> {
        let fel =
            |vad: String| Err(format!("Normtabellen för {} saknar eller har ogiltigt belopp för {vad}.", self.ar));
        for band in Aldersband::ALLA {
            match self.barn(band) {
                Some(c) if Belopp::parse_icke_negativt(&c.belopp).is_ok() => {}
                _ => return fel(format!("barn {}", band.namn())),
            }
        }
        for (k, c) in &self.barn_utan_lunch {
            if Belopp::parse_icke_negativt(&c.belopp).is_err() {
                return fel(format!("barn {k} år utan lunch"));
            }
        }
        for (namn, c) in [("ensamstående", &self.ensamstaende), ("sambor", &self.sambor)] {
            if Belopp::parse_icke_negativt(&c.belopp).is_err() {
                return fel(namn.into());
            }
        }
        for n in 1..=7 {
            match self.gemensamt(n) {
                Some(c) if Belopp::parse_icke_negativt(&c.belopp).is_ok() => {}
                _ => return fel(format!("gemensamma kostnader för {n} personer")),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_tables_are_complete() {
        let t = levererade_tabeller();
        let ar: Vec<i32> = t.iter().map(|t| t.ar).collect();
        assert_eq!(ar, [2019, 2021, 2023, 2024, 2025, 2026]);
        for tabell in &t {
            tabell.kontrollera().unwrap();
        }
        // 2024 and 2025 are derived and unverified.
        let t24 = t.iter().find(|t| t.ar == 2024).unwrap();
        assert!(!t24.ensamstaende.verifierad);
        let t21 = t.iter().find(|t| t.ar == 2021).unwrap();
        assert_eq!(t21.barn_utan_lunch(Aldersband::Ar1_2).unwrap().belopp(), Belopp::kronor(2240));
    }

    fn celler(t: &Normtabell) -> Vec<(String, &Cell)> {
        let mut c: Vec<(String, &Cell)> = t.barn.iter().map(|(k, c)| (format!("barn {k}"), c)).collect();
        c.push(("ensamstående".into(), &t.ensamstaende));
        c.push(("sambor".into(), &t.sambor));
        c.extend(t.gemensamt.iter().map(|(k, c)| (format!("gemensamt {k}"), c)));
        c.extend(t.barn_utan_lunch.iter().map(|(k, c)| (format!("utan lunch {k}"), c)));
        c
    }

    #[test]
    fn every_2025_item_raised_by_0_7_percent_gives_the_2026_item() {
        let t = levererade_tabeller();
        let (t25, t26) = (t.iter().find(|t| t.ar == 2025).unwrap(), t.iter().find(|t| t.ar == 2026).unwrap());
        let tiotal = |b: Belopp| {
            let d = (b.decimal() * rust_decimal::Decimal::new(1007, 3) / rust_decimal::Decimal::TEN)
                .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            Belopp::from_decimal(d * rust_decimal::Decimal::TEN)
        };
        let nya = celler(t26);
        assert_eq!(celler(t25).len(), nya.len());
        for ((namn, c25), (namn26, c26)) in celler(t25).into_iter().zip(nya) {
            assert_eq!(namn, namn26);
            assert_eq!(tiotal(c25.belopp()), c26.belopp(), "{namn}: {} + 0,7 %", c25.belopp);
        }
        assert_eq!(t25.ensamstaende.belopp(), Belopp::kronor(3910));
        assert_eq!(t25.sambor.belopp(), Belopp::kronor(7050));
        assert_eq!(t25.gemensamt(1).unwrap().belopp(), Belopp::kronor(1270));
        assert_eq!(t25.gemensamt(2).unwrap().belopp(), Belopp::kronor(1400));
    }

    #[test]
    fn only_official_figures_are_marked_verified() {
        let t = levererade_tabeller();
        for tabell in &t {
            for (namn, c) in celler(tabell) {
                let officiell = c.kalla.contains("officiell") && !c.kalla.contains("ej verifierat");
                assert_eq!(c.verifierad, officiell, "{} {namn}: {}", tabell.ar, c.kalla);
            }
        }
        let t23 = t.iter().find(|t| t.ar == 2023).unwrap();
        assert!(celler(t23).iter().all(|(_, c)| !c.verifierad), "2023 comes from a municipality's page");
    }

    #[test]
    fn bands_follow_the_ages_in_the_rules() {
        let b = |a| Aldersband::for_alder(a);
        assert_eq!(
            [b(0), b(2), b(3), b(6), b(7), b(14), b(18), b(20)].map(|x| x.unwrap().nyckel()),
            ["0", "1-2", "3", "4-6", "7-10", "11-14", "15-18", "19-20"]
        );
        assert_eq!(b(21), None);
        assert!(Aldersband::Ar4_6.har_utan_lunch() && !Aldersband::Ar7_10.har_utan_lunch());
    }
}
