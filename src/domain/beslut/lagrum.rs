//! Law references as dated data: a decision cites the law in force on the day it is made (an
//! återkrav: on the day the recovered bistånd was granted), and the caseworker never types a
//! paragraph number.

use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;

/// What a decision or letter may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amne {
    RattTillBistand,
    UtoverRatten,
    Arbetsmarknaden,
    Praktik,
    VagradPraktik,
    Riksnorm,
    /// The särskild beräkningsregel (formerly jobbstimulans).
    SarskildBerakningsregel,
    BarnsInkomster,
    AterkravFelaktigaUppgifter,
    AterkravForskott,
    AterkravVillkor,
    AterkravDomstol,
    AterkravEftergift,
    Overklagande,
    BarnetsBasta,
    /// Förvaltningslagen: a decision is motivated (32 §), tells how to appeal (33 §), may be
    /// changed by the authority (37–38 §§), appeals go to the authority (43 §) within three
    /// weeks (44 §) and it checks the time (45 §).
    Motivering,
    Besvarshanvisning,
    Andring,
    OverklagandetsInlamning,
    Overklagandetid,
    Ratidsprovning,
}

impl Amne {
    fn nyckel(self) -> &'static str {
        match self {
            Amne::RattTillBistand => "ratt_till_bistand",
            Amne::UtoverRatten => "utover_ratten",
            Amne::Arbetsmarknaden => "arbetsmarknaden",
            Amne::Praktik => "praktik",
            Amne::VagradPraktik => "vagrad_praktik",
            Amne::Riksnorm => "riksnorm",
            Amne::SarskildBerakningsregel => "sarskild_berakningsregel",
            Amne::BarnsInkomster => "barns_inkomster",
            Amne::AterkravFelaktigaUppgifter => "aterkrav_felaktiga_uppgifter",
            Amne::AterkravForskott => "aterkrav_forskott",
            Amne::AterkravVillkor => "aterkrav_villkor",
            Amne::AterkravDomstol => "aterkrav_domstol",
            Amne::AterkravEftergift => "aterkrav_eftergift",
            Amne::Overklagande => "overklagande",
            Amne::BarnetsBasta => "barnets_basta",
            Amne::Motivering => "motivering",
            Amne::Besvarshanvisning => "besvarshanvisning",
            Amne::Andring => "andring",
            Amne::OverklagandetsInlamning => "overklagandets_inlamning",
            Amne::Overklagandetid => "overklagandetid",
            Amne::Ratidsprovning => "ratidsprovning",
        }
    }

    fn beskrivning(self) -> &'static str {
        match self {
            Amne::RattTillBistand => "rätten till bistånd",
            Amne::UtoverRatten => "bistånd utöver rätten",
            Amne::Arbetsmarknaden => "att stå till arbetsmarknadens förfogande",
            Amne::Praktik => "praktik eller annan kompetenshöjande verksamhet",
            Amne::VagradPraktik => "vägrad praktik eller verksamhet",
            Amne::Riksnorm => "riksnormen",
            Amne::SarskildBerakningsregel => "den särskilda beräkningsregeln (jobbstimulans)",
            Amne::BarnsInkomster => "barns egna arbetsinkomster",
            Amne::AterkravFelaktigaUppgifter => "återkrav vid oriktiga uppgifter",
            Amne::AterkravForskott => "återkrav av förskott på förmån",
            Amne::AterkravVillkor => "återkrav av bistånd utöver rätten på villkor",
            Amne::AterkravDomstol => "talan om återkrav i förvaltningsrätten",
            Amne::AterkravEftergift => "eftergift av återkrav",
            Amne::Overklagande => "överklagande",
            Amne::BarnetsBasta => "barnets bästa",
            Amne::Motivering => "motivering av beslut",
            Amne::Besvarshanvisning => "besvärshänvisning",
            Amne::Andring => "ändring av beslut",
            Amne::OverklagandetsInlamning => "var överklagandet lämnas",
            Amne::Overklagandetid => "tiden för överklagande",
            Amne::Ratidsprovning => "rättidsprövning",
        }
    }

    /// Which statute the topic belongs to: förvaltningslagen or socialtjänstlagen.
    fn forfattning(self) -> &'static str {
        match self {
            Amne::Motivering
            | Amne::Besvarshanvisning
            | Amne::Andring
            | Amne::OverklagandetsInlamning
            | Amne::Overklagandetid
            | Amne::Ratidsprovning => "forvaltningslagen",
            _ => "socialtjanstlagen",
        }
    }
}

/// One provision with where it was read.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Paragraf {
    pub lagrum: String,
    pub kalla: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Lag {
    pub namn: String,
    #[serde(default = "socialtjanstlagen")]
    pub forfattning: String,
    pub giltig_fran: NaiveDate,
    pub giltig_till: Option<NaiveDate>,
    pub kalla: String,
    pub paragrafer: BTreeMap<String, Option<Paragraf>>,
}

fn socialtjanstlagen() -> String {
    "socialtjanstlagen".into()
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
    /// The version of a statute in force on `datum`.
    fn lag_for(&self, forfattning: &str, datum: NaiveDate) -> Option<&Lag> {
        self.lagar.iter().find(|l| {
            l.forfattning == forfattning && l.giltig_fran <= datum && l.giltig_till.is_none_or(|t| datum <= t)
        })
    }

    /// The citation for a topic by the date that decides the law: the decision date, or for
    /// an återkrav the date of the decision granting what is recovered (the transitional rules
    /// of SFS 2025:400 keep the old law for appeals against, and återkrav of, decisions made
    /// before 2025-07-01). E.g. "4 kap. 1 § socialtjänstlagen (2001:453)".
    pub fn citera(&self, amne: Amne, datum: NaiveDate) -> Result<String, String> {
        let lag = self
            .lag_for(amne.forfattning(), datum)
            .ok_or_else(|| format!("Ingen lag i lagrumsdata gäller {} den {datum}.", amne.beskrivning()))?;
        match lag.paragrafer.get(amne.nyckel()) {
            Some(Some(p)) if !p.lagrum.trim().is_empty() => Ok(format!("{} {}", p.lagrum.trim(), lag.namn)),
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
    fn the_law_follows_the_decision_date() {
        let l = levererade_lagrum();
        assert_eq!(l.citera(Amne::RattTillBistand, d(2025, 6, 30)).unwrap(), "4 kap. 1 § socialtjänstlagen (2001:453)");
        assert_eq!(l.citera(Amne::RattTillBistand, d(2025, 7, 1)).unwrap(), "12 kap. 1 § socialtjänstlagen (2025:400)");
        assert_eq!(l.citera(Amne::UtoverRatten, d(2026, 1, 1)).unwrap(), "12 kap. 2 § socialtjänstlagen (2025:400)");
        assert_eq!(l.citera(Amne::Overklagande, d(2025, 6, 30)).unwrap(), "16 kap. 3 § socialtjänstlagen (2001:453)");
        assert_eq!(l.citera(Amne::Overklagande, d(2025, 7, 1)).unwrap(), "35 kap. 1 § socialtjänstlagen (2025:400)");
        assert_eq!(l.citera(Amne::Riksnorm, d(2019, 1, 1)).unwrap(), "4 kap. 3 § socialtjänstlagen (2001:453)");
        assert_eq!(l.citera(Amne::Motivering, d(2025, 6, 1)).unwrap(), "32 § förvaltningslagen (2017:900)");
        assert_eq!(l.citera(Amne::Andring, d(2026, 6, 1)).unwrap(), "37–38 §§ förvaltningslagen (2017:900)");
    }

    #[test]
    fn every_topic_of_the_law_table_has_a_number_in_both_laws() {
        use Amne::*;
        let l = levererade_lagrum();
        let tabell = [
            (RattTillBistand, "4 kap. 1 §", "12 kap. 1 §"),
            (UtoverRatten, "4 kap. 2 §", "12 kap. 2 §"),
            (Arbetsmarknaden, "4 kap. 1 § andra stycket", "12 kap. 3 §"),
            (Praktik, "4 kap. 4 §", "12 kap. 4 §"),
            (VagradPraktik, "4 kap. 5 §", "12 kap. 5 §"),
            (Riksnorm, "4 kap. 3 §", "12 kap. 7 §"),
            (SarskildBerakningsregel, "4 kap. 1 b §", "12 kap. 8 §"),
            (BarnsInkomster, "4 kap. 1 a §", "12 kap. 9 §"),
            (AterkravFelaktigaUppgifter, "9 kap. 1 §", "33 kap. 1 §"),
            (AterkravForskott, "9 kap. 2 § första stycket", "33 kap. 2 §"),
            (AterkravVillkor, "9 kap. 2 § andra stycket", "33 kap. 3 §"),
            (AterkravDomstol, "9 kap. 3 §", "33 kap. 4–5 §§"),
            (AterkravEftergift, "9 kap. 4 §", "33 kap. 6 §"),
            (Overklagande, "16 kap. 3 §", "35 kap. 1 §"),
            (BarnetsBasta, "1 kap. 2 §", "3 kap. 1 §"),
        ];
        for (amne, gammal, ny) in tabell {
            assert_eq!(l.citera(amne, d(2025, 6, 30)).unwrap(), format!("{gammal} socialtjänstlagen (2001:453)"));
            assert_eq!(l.citera(amne, d(2025, 7, 1)).unwrap(), format!("{ny} socialtjänstlagen (2025:400)"));
        }
        for lag in &l.lagar {
            assert!(lag.paragrafer.values().all(|p| p.as_ref().is_some_and(|p| !p.kalla.is_empty())), "{}", lag.namn);
        }
    }

    #[test]
    fn an_unverified_or_missing_reference_is_not_cited() {
        let mut l = levererade_lagrum();
        l.lagar[1].paragrafer.insert("aterkrav_forskott".into(), None);
        let err = l.citera(Amne::AterkravForskott, d(2026, 1, 1)).unwrap_err();
        assert!(err.contains("inte verifierat") && err.contains("2025:400"), "{err}");
        assert!(l.citera(Amne::RattTillBistand, d(1999, 1, 1)).is_err());
    }
}
