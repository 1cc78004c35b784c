//! Why a month cannot be calculated.

use crate::domain::manad::Manad;
use std::fmt;

/// The calculation's refusal, in words a caseworker can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Berakningsfel {
    /// The norm table is for another year than the month.
    FelTabell { tabell: i32, manad: Manad },
    /// The household, its incomes or costs, or the table itself cannot be calculated with; the
    /// Swedish reason names what.
    Underlag(String),
}

impl fmt::Display for Berakningsfel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Berakningsfel::FelTabell { tabell, manad } => {
                write!(f, "Normtabellen för {tabell} kan inte användas för {manad}.")
            }
            Berakningsfel::Underlag(t) => f.write_str(t),
        }
    }
}

impl std::error::Error for Berakningsfel {}

/// The rule checks and the table lookups give their reason as Swedish text.
impl From<String> for Berakningsfel {
    fn from(t: String) -> Berakningsfel {
        Berakningsfel::Underlag(t)
    }
}
