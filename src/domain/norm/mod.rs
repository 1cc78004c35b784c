//! The riksnorm: tables as data and the monthly calculation of försörjningsstöd.

mod berakning;
mod fel;
mod inkomster;
mod poster;
pub mod tabell;

pub use berakning::{Rad, Radtyp, Resultat, ansokt_forsorjningsstod, berakna};
pub use fel::Berakningsfel;
pub use poster::{
    Hyrestak, Inkomst, Inkomsttyp, Justering, Kostnad, Kostnadstyp, NormMedlem, Normrad, Regler, Underlag,
};
pub use tabell::{Aldersband, Cell, Normtabell, levererade_tabeller};

#[cfg(test)]
mod tests;
