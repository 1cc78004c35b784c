//! Law references as dated data: a decision cites the law in force for its period, and the
//! caseworker never types a paragraph number.

use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;

/// What a decision may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amne {
    RattTillBistand,
    UtoverRatten,
    Riksnorm,
    Jobbstimulans,
    Aterkrav,
    AterkravVillkor,
    Overklagande,
}

impl Amne {
    fn nyckel(self) -> &'static str {
        match self {
            Amne::RattTillBistand => "ratt_till_bistand",
            Amne::UtoverRatten => "utover_ratten",
            Amne::Riksnorm => "riksnorm",
            Amne::Jobbstimulans => "jobbstimulans",
            Amne::Aterkrav => "aterkrav",
            Amne::AterkravVillkor => "aterkrav_villkor",
            Amne::Overklagande => "overklagande",
        }
    }

    fn beskrivning(self) -> &'static str {
        match self {
            Amne::RattTillBistand => "rätten till bistånd",
            Amne::UtoverRatten => "bistånd utöver rätten",
            Amne::Riksnorm => "riksnormen",
            Amne::Jobbstimulans => "jobbstimulans",
            Amne::Aterkrav => "återkrav",
            Amne::AterkravVillkor => "återkrav på villkor",
            Amne::Overklagande => "överklagande",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Lag {
    pub namn: String,
    pub giltig_fran: NaiveDate,
    pub giltig_till: Option<NaiveDate>,
    pub kalla: String,
    pub paragrafer: BTreeMap<String, Option<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Lagrumsdata {
    pub lagar: Vec<Lag>,
}

/// The references shipped with the program (`src/data/lagrum.json`).
pub fn levererade_lagrum() -> Lagrumsdata {
    serde_json::from_str(include_str!("../../data/lagrum.json")).unwrap_or(Lagrumsdata { lagar: vec![] })
}

impl Lagrumsdata {
    /// The law in force on `datum`.
    pub fn lag_for(&self, datum: NaiveDate) -> Option<&Lag> {
        self.lagar.iter().find(|l| l.giltig_fran <= datum && l.giltig_till.is_none_or(|t| datum <= t))
    }

    /// The citation for a topic on a date, e.g. "4 kap. 1 § socialtjänstlagen (2001:453)".
    pub fn citera(&self, amne: Amne, datum: NaiveDate) -> Result<String, String> {
        let lag = self.lag_for(datum).ok_or_else(|| format!("Ingen lag i lagrumsdata gäller {datum}."))?;
        match lag.paragrafer.get(amne.nyckel()) {
            Some(Some(p)) => Ok(format!("{p} {}", lag.namn)),
            _ => Err(format!(
                "Lagrummet för {} i {} är inte verifierat. Lägg in det i lagrumsdata innan beslutet fattas.",
                amne.beskrivning(),
                lag.namn
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_law_follows_the_date_of_the_period() {
        let l = levererade_lagrum();
        assert_eq!(l.citera(Amne::RattTillBistand, d(2025, 6, 30)).unwrap(), "4 kap. 1 § socialtjänstlagen (2001:453)");
        assert_eq!(l.citera(Amne::RattTillBistand, d(2025, 7, 1)).unwrap(), "12 kap. 1 § socialtjänstlagen (2025:400)");
        assert_eq!(l.citera(Amne::UtoverRatten, d(2026, 1, 1)).unwrap(), "12 kap. 2 § socialtjänstlagen (2025:400)");
        assert_eq!(l.citera(Amne::Overklagande, d(2024, 3, 1)).unwrap(), "16 kap. 3 § socialtjänstlagen (2001:453)");
        assert_eq!(l.citera(Amne::Riksnorm, d(2019, 1, 1)).unwrap(), "4 kap. 3 § socialtjänstlagen (2001:453)");
    }

    #[test]
    fn an_unverified_reference_is_not_cited() {
        let l = levererade_lagrum();
        let err = l.citera(Amne::Aterkrav, d(2026, 1, 1)).unwrap_err();
        assert!(err.contains("inte verifierat") && err.contains("2025:400"), "{err}");
        assert!(l.citera(Amne::RattTillBistand, d(1999, 1, 1)).is_err());
    }
}
