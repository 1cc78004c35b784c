//! The unit's figures (indicators) from its own records: households, adults and children with
//! assistance, long-term assistance, costs by kind, barriers to self-support, decision times,
//! waiting time to nybesök, caseload and why households left. Pure: the store hands over an
//! [`Underlag`], [`berakna`] returns [`Indikatorer`], and [`tabeller`] turns them into the
//! tables the window, the PDF and the CSV files all show (the same cells, so the same figures).

mod berakna;
pub mod kostnad;
pub mod period;
#[cfg(test)]
mod referens;
mod tabeller;
#[cfg(test)]
mod tests;

pub use berakna::{Indikatorer, LANGVARIG_MINST, Manadsrad, Tidsmatt, berakna};
pub use kostnad::Kostnadsslag;
pub use period::Period;
pub use tabeller::{Cell, Diagram, Serie, Tabell, csv, diagram, tabeller};

use super::arende::{Avslutsorsak, Forsorjningshinder};
use super::belopp::Belopp;
use super::manad::Manad;
use chrono::NaiveDate;

/// The smallest number of households a published figure may rest on (a unit setting).
pub const STANDARD_MINSTA_ANTAL: u32 = 5;

/// A case as statistics needs it (no names, no personnummer).
#[derive(Debug, Clone, PartialEq)]
pub struct Arendeuppgift {
    pub id: i64,
    /// The responsible socialsekreterare (empty when none is set).
    pub handlaggare: String,
    pub hinder: Option<Forsorjningshinder>,
    pub avslutsdatum: Option<NaiveDate>,
    pub avslutsorsak: Option<Avslutsorsak>,
}

/// What a case was granted for one month (by the decisions in force), and who was in the
/// household that month.
#[derive(Debug, Clone, PartialEq)]
pub struct Bistandsmanad {
    pub arende_id: i64,
    pub manad: Manad,
    pub vuxna: u32,
    pub barn: u32,
    /// Granted amounts by kind (a kind may appear more than once).
    pub belopp: Vec<(Kostnadsslag, Belopp)>,
}

impl Bistandsmanad {
    pub fn totalt(&self) -> Belopp {
        self.belopp.iter().map(|(_, b)| *b).sum()
    }

    /// A month counts as a month with assistance when something was granted.
    pub fn med_bistand(&self) -> bool {
        self.totalt() > Belopp::NOLL
    }
}

/// A start and an end date for one case: a complete application and its first decision, or
/// the first contact and the nybesök.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tidsspann {
    pub arende_id: i64,
    pub fran: NaiveDate,
    pub till: NaiveDate,
}

/// The district's population for a year (unit input), for the shares of the population.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Befolkning {
    pub ar: i32,
    pub barn: u32,
    pub vuxna: u32,
}

/// Everything the indicators of a period are computed from. The months with assistance must
/// reach 11 months before the period (long-term assistance looks back 12 months): in `manader`
/// with their amounts, or, since nothing but that there was assistance counts before the
/// period, in `tidigare`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Underlag {
    pub arenden: Vec<Arendeuppgift>,
    pub manader: Vec<Bistandsmanad>,
    /// Months with assistance before the period, per case (not repeated in `manader`).
    pub tidigare: Vec<(i64, Manad)>,
    /// Complete applications and their first decision.
    pub handlaggning: Vec<Tidsspann>,
    /// First contact and nybesök.
    pub nybesok: Vec<Tidsspann>,
    pub befolkning: Option<Befolkning>,
}

impl Underlag {
    /// Only the cases of one caseworker (`None`: the whole unit).
    pub fn for_handlaggare(&self, handlaggare: Option<&str>) -> Underlag {
        let Some(h) = handlaggare else { return self.clone() };
        let ids: std::collections::HashSet<i64> =
            self.arenden.iter().filter(|a| a.handlaggare == h).map(|a| a.id).collect();
        Underlag {
            arenden: self.arenden.iter().filter(|a| ids.contains(&a.id)).cloned().collect(),
            manader: self.manader.iter().filter(|m| ids.contains(&m.arende_id)).cloned().collect(),
            tidigare: self.tidigare.iter().filter(|(id, _)| ids.contains(id)).copied().collect(),
            handlaggning: self.handlaggning.iter().filter(|t| ids.contains(&t.arende_id)).copied().collect(),
            nybesok: self.nybesok.iter().filter(|t| ids.contains(&t.arende_id)).copied().collect(),
            // The population belongs to the district, not to a caseworker.
            befolkning: None,
        }
    }
}
