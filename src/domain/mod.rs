//! The rules of ekonomiskt bistånd: pure types and functions, no I/O, no SQL, no UI.

pub mod ansokan;
pub mod anvandare;
pub mod arende;
pub mod arshjul;
pub mod belopp;
pub mod beslut;
pub mod betalning;
pub mod datum;
pub mod delegation;
pub mod falt;
pub mod fia;
pub mod hushall;
pub mod hushallsandring;
pub mod ib;
pub mod journal;
pub mod klarsprak;
pub mod kod;
pub mod manad;
pub mod norm;
pub mod personnummer;
pub mod plan;
pub mod screening;
pub mod sok;
pub mod statistik;
pub mod uppfoljning;
pub mod utbetalning;

pub use belopp::Belopp;
pub use personnummer::Personnummer;
