//! The riksnorm: tables as data and the monthly calculation of försörjningsstöd.

mod berakning;
mod fel;
mod inkomster;
mod livsforing;
mod poster;
mod slag;
pub mod tabell;

pub use berakning::{Rad, Radtyp, Resultat, ansokt_forsorjningsstod, berakna};
pub use fel::Berakningsfel;
pub use livsforing::{Livsforingspost, ar_livsforing, liten_bokstav, stor_bokstav};
pub use poster::{
    Hyrestak, Inkomst, Inkomsttyp, Justering, Kostnad, Kostnadstyp, NormMedlem, Normrad, Regler, Underlag,
};
pub use slag::{Del, Kostnadsslag, kostnadsslag};
pub use tabell::{Aldersband, Cell, Normtabell, levererade_tabeller};

#[cfg(test)]
mod tests;
